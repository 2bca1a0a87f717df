/* A script reused for many exercises (tabletop sweep, the benches) gets a
 * fresh Lua state per exercise built from the engine's own bytecode and a
 * recipe of where the behaviour functions are, without extracting the model
 * again; from the third exercise on, the image of such a state is written
 * back instead (tests/script/test_script_image). Those exercises must journal exactly what the first one did (built
 * with the full extraction) for the same seed: every scenario, every answer
 * script, records compared byte for byte as the journal writes them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/exercise.h"
#include "tabletop/inputs.h"
#include "tabletop/journal.h"

static const char *const IDS[] = { "mail-form-flood", "exposed-monitoring", "ransomware",
                                   "admin-server-breach", "wordpress-xss",
                                   "card-buffer-outage" };
static const char *const ANSWERS[] = { "model", "nothing", "red-herring", "history" };

typedef struct text {
    char *buf;
    size_t len, cap;
    size_t records;
    bool failed;
} text;

static void sink(void *user, const tt_record *r)
{
    text *t = user;
    tt_error err;
    char *yaml = tt_record_to_yaml(r, &err);
    if (!yaml) {
        t->failed = true;
        return;
    }
    size_t n = strlen(yaml);
    if (t->len + n + 1 > t->cap) {
        size_t cap = (t->len + n + 1) * 2;
        char *p = realloc(t->buf, cap);
        if (!p) {
            free(yaml);
            t->failed = true;
            return;
        }
        t->buf = p;
        t->cap = cap;
    }
    memcpy(t->buf + t->len, yaml, n + 1);
    t->len += n;
    t->records++;
    free(yaml);
}

static void play(tt_script *script, const tt_action_script *answers, uint64_t seed, text *out)
{
    tt_error err;
    tt_exercise_config cfg = { .seed = seed, .settings = answers->settings,
                               .n_settings = answers->n_settings, .sink = sink,
                               .sink_user = out };
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    if (!ex)
        fail_msg("%s", err.message);
    int rc = tt_exercise_start(ex, 0, &err);
    if (rc == 0)
        rc = tt_exercise_play(ex, answers, 0, &err);
    tt_exercise_free(ex);
    if (rc != 0)
        fail_msg("%s", err.message);
    assert_false(out->failed);
}

static void rebuilt_states_journal_what_the_first_did(void **state)
{
    (void)state;
    size_t compared = 0;
    for (size_t i = 0; i < sizeof IDS / sizeof IDS[0]; i++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s.lua", TT_SCENARIO_DIR, IDS[i]);
        tt_error err;
        tt_script *script = tt_script_load(path, NULL, &err);
        if (!script)
            fail_msg("%s", err.message);
        for (size_t a = 0; a < sizeof ANSWERS / sizeof ANSWERS[0]; a++) {
            char answer[1024];
            snprintf(answer, sizeof answer, "%s/answers/%s/%s.yaml", TT_SCENARIO_DIR, IDS[i],
                     ANSWERS[a]);
            tt_action_script answers;
            if (tt_action_script_load(answer, tt_script_scenario(script), &answers, &err) != 0)
                fail_msg("%s: %s", answer, err.message);
            for (uint64_t seed = 1; seed <= 3; seed++) {
                text first = { 0 }, again = { 0 };
                tt_script *once = tt_script_load(path, NULL, &err); /* the full build */
                if (!once)
                    fail_msg("%s", err.message);
                play(once, &answers, seed, &first);
                tt_script_free(once);
                play(script, &answers, seed + 100, &again); /* another seed between */
                free(again.buf);
                again = (text){ 0 };
                play(script, &answers, seed, &again);
                assert_true(first.records > 2);
                assert_int_equal(first.records, again.records);
                assert_string_equal(first.buf, again.buf);
                free(first.buf);
                free(again.buf);
                compared++;
            }
            tt_action_script_free(&answers);
        }
        tt_script_free(script);
    }
    assert_int_equal(compared, 6 * 4 * 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rebuilt_states_journal_what_the_first_did),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
