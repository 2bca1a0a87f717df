/* Every shipped scenario under the host: it loads, and each of its
 * callbacks runs without error whatever order the team acts in (actions
 * taken whenever `requires` allows, conditional injects when due, deferred
 * calls run), over several seeds. A failure here is a scenario that would
 * stop an exercise with a runtime error. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/script.h"

static const char *scenario_dir(void)
{
    static char dir[1024];
    const char *root = getenv("TT_SOURCE_DIR");
    if (root)
        snprintf(dir, sizeof dir, "%s/scenarios", root);
    else
        snprintf(dir, sizeof dir, "%s", TT_SCENARIO_DIR);
    return dir;
}

#define OK(call)                                                              \
    do {                                                                      \
        if ((call) != 0)                                                      \
            fail_msg("%s:%d: %s (seed %u)", err.file, err.line, err.message, \
                     (unsigned)seed);                                         \
    } while (0)

static void run_deferred(tt_script *s, tt_ms now, uint64_t seed)
{
    tt_error err;
    for (int depth = 0; depth < 4; depth++) { /* deferred calls may defer more */
        tt_scheduled *sc;
        size_t n = tt_script_take_scheduled(s, &sc);
        int *refs = calloc(n + 1, sizeof *refs);
        assert_non_null(refs);
        size_t nr = 0;
        for (size_t i = 0; i < n; i++)
            if (sc[i].kind == TT_SCHED_CALL)
                refs[nr++] = sc[i].ref;
            else
                assert_true(sc[i].text.ja && sc[i].text.en && sc[i].from);
        for (size_t i = 0; i < nr; i++)
            OK(tt_script_call_deferred(s, refs[i], now, &err));
        free(refs);
    }
}

static void exercise_every_callback(const char *path)
{
    tt_error err;
    tt_script *s = tt_script_load(path, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    const tt_scenario *m = tt_script_scenario(s);
    for (uint64_t seed = 1; seed <= 8; seed++) {
        tt_rng rng;
        tt_rng_seed(&rng, seed, 1);
        OK(tt_script_begin(s, &rng, NULL, 0, &err));
        tt_ms now = 0;
        for (int round = 0; round < 4; round++) {
            for (size_t i = 0; i < m->n_dynamics; i++)
                OK(tt_script_dynamic_run(s, (int)i, now += 60000, &err));
            for (size_t i = 0; i < m->n_injects; i++) {
                bool due = !m->injects[i].conditional;
                if (!due)
                    OK(tt_script_inject_due(s, (int)i, now, &due, &err));
                if (due)
                    OK(tt_script_inject_fired(s, (int)i, now, &err));
            }
            for (size_t i = 0; i < m->n_objectives; i++) {
                bool met;
                OK(tt_script_objective_met(s, (int)i, now, &met, &err));
            }
            /* Actions in a different order each round. */
            for (size_t k = 0; k < m->n_actions; k++) {
                size_t i = (k * (size_t)(2 * round + 1) + seed) % m->n_actions;
                bool ok;
                tt_text why;
                OK(tt_script_action_allowed(s, (int)i, now, &ok, &why, &err));
                if (ok)
                    OK(tt_script_action_apply(s, (int)i, now += 1000,
                                              m->actions[i].roles[seed % m->actions[i].n_roles],
                                              &err));
            }
            run_deferred(s, now, seed);
            const tt_kv *kv;
            size_t n;
            OK(tt_script_state(s, &kv, &n, &err));
        }
    }
    tt_script_free(s);
}

static void shipped_scenarios_run_every_callback(void **state)
{
    (void)state;
    DIR *d = opendir(scenario_dir());
    if (!d)
        fail_msg("cannot open %s", scenario_dir());
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char path[2048];
        snprintf(path, sizeof path, "%s/%s", scenario_dir(), e->d_name);
        print_message("  %s\n", e->d_name);
        exercise_every_callback(path);
        count++;
    }
    closedir(d);
    assert_true(count >= 6);   /* the six stock scenarios at least */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(shipped_scenarios_run_every_callback),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
