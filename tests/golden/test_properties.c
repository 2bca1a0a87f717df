/* Properties every scenario keeps, checked over every scenario from one
 * table: a new scenario is covered by adding its id to `scenarios`.
 * (Each scenario's own file, test_ID.c, pins what is particular to it.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "golden.h"

static const char *const scenarios[] = {
    "admin-server-breach", "card-buffer-outage", "exposed-monitoring",
    "mail-form-flood", "ransomware", "wordpress-xss",
};
#define N_SCENARIOS (sizeof scenarios / sizeof scenarios[0])
#define SEEDS 5

/* The model answer reaches every objective within target, on every seed. */
static void model_reaches_everything_within_target(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_SCENARIOS; i++)
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            golden_run r;
            golden_run_answer(scenarios[i], "model", seed, &r);
            golden_assert_all_within_target(&r, seed);
            golden_free(&r);
        }
}

/* Doing nothing never beats the model: no more objectives reached, no more
 * within target, on any seed. */
static void nothing_never_beats_the_model(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_SCENARIOS; i++)
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            golden_run model, nothing;
            golden_run_answer(scenarios[i], "model", seed, &model);
            golden_run_answer(scenarios[i], "nothing", seed, &nothing);
            size_t model_within = 0, nothing_within = 0;
            size_t model_reached = golden_count_reached(&model, &model_within);
            size_t nothing_reached = golden_count_reached(&nothing, &nothing_within);
            if (nothing_reached > model_reached || nothing_within > model_within)
                fail_msg("%s seed %llu: nothing reached %zu (%zu within target), the model %zu (%zu)",
                         scenarios[i], (unsigned long long)seed, nothing_reached, nothing_within,
                         model_reached, model_within);
            golden_free(&model);
            golden_free(&nothing);
        }
}

/* The real operator's history, played as written, takes each action at the
 * history's time. */
static void history_answer_replays_the_history(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_SCENARIOS; i++) {
        golden_run r;
        golden_run_answer(scenarios[i], "history", 0, &r);
        golden_assert_history_replayed(&r);
        golden_free(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_everything_within_target),
        cmocka_unit_test(nothing_never_beats_the_model),
        cmocka_unit_test(history_answer_replays_the_history),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
