/* Properties every scenario keeps, checked over every scenario from one
 * table: a new scenario is covered by adding one line to `scenarios`.
 * (Each scenario's own file, test_ID.c, pins what is particular to it.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "golden.h"

/* A damage metric: doing nothing leaves at least as much of it as the
 * model answer (strictly more when `more`). */
typedef struct harm {
    const char *metric;
    bool more;
} harm;

static const struct {
    const char *id;
    harm harms[3];          /* damage doing nothing never lessens */
    const char *model_zero; /* a metric the model answer keeps at 0 (or NULL) */
    const char *model_never; /* an inject the model answer prevents (or NULL) */
} scenarios[] = {
    { "admin-server-breach", { { "records_taken", false }, { "fraud_victims", false }, { "log_days_lost", false } }, NULL, NULL },
    { "card-buffer-outage", { { "failed_tx", true }, { "minutes_down", true } }, "recurrences", NULL },
    { "exposed-monitoring", { { "exposed_minutes", true }, { "unwatched_minutes", true } }, "service_down_minutes", "control_hit" },
    { "mail-form-flood", { { "mail_down_minutes", true }, { "mail_lost", false } }, NULL, NULL },
    { "ransomware", { { "files_lost", true }, { "encrypted_pc", false } }, NULL, NULL },
    { "wordpress-xss", { { "visitors_lured", true }, { "other_exposed_days", false } }, "visitors_lured", NULL },
};
#define N_SCENARIOS (sizeof scenarios / sizeof scenarios[0])
#define SEEDS 20

/* The model answer reaches every objective within target on every seed,
 * is never refused, and prevents what the scenario says it prevents. */
static void model_reaches_everything_within_target(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_SCENARIOS; i++)
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            golden_run r;
            golden_run_answer(scenarios[i].id, "model", seed, &r);
            golden_assert_all_within_target(&r, seed);
            if (golden_count(&r, TT_REC_REFUSED, NULL) != 0)
                fail_msg("%s seed %llu: the model answer was refused", scenarios[i].id, (unsigned long long)seed);
            if (scenarios[i].model_zero && golden_final(&r, scenarios[i].model_zero) != 0)
                fail_msg("%s seed %llu: %s is %g", scenarios[i].id, (unsigned long long)seed,
                         scenarios[i].model_zero, golden_final(&r, scenarios[i].model_zero));
            if (scenarios[i].model_never && golden_inject_time(&r, scenarios[i].model_never) != TT_MS_NEVER)
                fail_msg("%s seed %llu: %s happened", scenarios[i].id, (unsigned long long)seed,
                         scenarios[i].model_never);
            golden_free(&r);
        }
}

/* Doing nothing never beats the model: it reaches no objective, and leaves
 * at least as much damage, on every seed. */
static void nothing_never_beats_the_model(void **state)
{
    (void)state;
    for (size_t i = 0; i < N_SCENARIOS; i++)
        for (uint64_t seed = 1; seed <= SEEDS; seed++) {
            golden_run model, nothing;
            golden_run_answer(scenarios[i].id, "model", seed, &model);
            golden_run_answer(scenarios[i].id, "nothing", seed, &nothing);
            size_t reached = golden_count_reached(&nothing, NULL);
            if (reached != 0)
                fail_msg("%s seed %llu: doing nothing reached %zu objectives", scenarios[i].id,
                         (unsigned long long)seed, reached);
            for (const harm *h = scenarios[i].harms; h < scenarios[i].harms + 3 && h->metric; h++) {
                double n = golden_final(&nothing, h->metric), m = golden_final(&model, h->metric);
                if (n < m || (h->more && n == m))
                    fail_msg("%s seed %llu: %s is %g doing nothing, %g with the model", scenarios[i].id,
                             (unsigned long long)seed, h->metric, n, m);
            }
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
        golden_run_answer(scenarios[i].id, "history", 0, &r);
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
