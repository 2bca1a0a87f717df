/* tabletop watch: the answers' outcome at start, then after a save only what
 * changed (damage, objective times and ratings, score), and a save that
 * breaks the scenario shows its located error. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"

static void a_save_prints_what_changed(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_run("new wdemo --dir '%s/w'", t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    /* Two saves: a faster leak, then a slower containment. */
    r = cli_sh("timeout 120 '%s' watch '%s/w/wdemo.lua' --script '%s/w/answers/wdemo/model.yaml' "
               "--max-changes 2 --lang en & pid=$!; sleep 2; "
               "sed -i 's/local RECORDS_PER_MIN = 20/local RECORDS_PER_MIN = 30/' '%s/w/wdemo.lua'; "
               "sleep 2; sed -i 's/takes = \"15m\",  -- invented/takes = \"45m\",  -- invented/' "
               "'%s/w/wdemo.lua'; wait $pid",
               getenv("TT_BINARY"), t, t, t, t);
    if (r.status != 0)
        fail_msg("status %d\n%s%s", r.status, r.out, r.err);
    assert_contains(r.out, "model.yaml: score 100 (P)");
    assert_contains(r.out, "watching");
    assert_contains(r.out, "records_exposed 380 -> 570");
    assert_contains(r.out, "score 100 (P) -> 64 (M)");
    assert_contains(r.out, "contain +0:20:00 (P) -> +0:50:00 (S)");
    cli_done(&r);
}

/* The damage a summary shows is that metric's own value, also when a metric
 * that is not damage sorts before it (the card lists damage metrics only;
 * the outcome one slot per metric: they were once mixed up). */
static void damage_is_shown_beside_other_metrics(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_run("new wmix --dir '%s/m'", t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_sh("sed -i -e 's/^    records_exposed = 0, .*/&\\n    alerts = 7,/' "
               "-e 's/^  metrics = {/&\\n    alerts = { label = t(\"警報\", \"Alerts\") },/' "
               "'%s/m/wmix.lua' && timeout 120 '%s' watch '%s/m/wmix.lua' "
               "--script '%s/m/answers/wmix/model.yaml' --script '%s/m/answers/wmix/nothing.yaml' "
               "--max-changes 1 --lang en & pid=$!; sleep 2; "
               "sed -i 's/local RECORDS_PER_MIN = 20/local RECORDS_PER_MIN = 30/' '%s/m/wmix.lua'; "
               "wait $pid",
               t, getenv("TT_BINARY"), t, t, t, t);
    if (r.status != 0)
        fail_msg("status %d\n%s%s", r.status, r.out, r.err);
    assert_contains(r.out, "  records_exposed                     380\n");
    assert_contains(r.out, "records_exposed 380 -> 570");
    assert_not_contains(r.out, "alerts");
    cli_done(&r);
}

static void a_broken_save_shows_the_error(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_run("new wbroken --dir '%s/b'", t);
    cli_done(&r);
    r = cli_sh("timeout 120 '%s' watch '%s/b/wbroken.lua' --script '%s/b/answers/wbroken/model.yaml' "
               "--max-changes 1 & pid=$!; sleep 2; "
               "sed -i 's/s.contained = true/s.contaned = true/' '%s/b/wbroken.lua'; wait $pid",
               getenv("TT_BINARY"), t, t, t);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "state key 'contaned' is not declared in the scenario's state "
                           "(did you mean 'contained'?");
    cli_done(&r);
    /* A broken answer is placed at its line and column (it said
     * "model.yaml:7: ..."; a file without a line said "file:0: ..."). */
    r = cli_sh("sed -i 's/s.contaned = true/s.contained = true/' '%s/b/wbroken.lua'; "
               "timeout 120 '%s' watch '%s/b/wbroken.lua' --script '%s/b/answers/wbroken/model.yaml' "
               "--max-changes 1 & pid=$!; sleep 2; "
               "sed -i 's/do: contain$/do: contian/' '%s/b/answers/wbroken/model.yaml'; wait $pid",
               t, getenv("TT_BINARY"), t, t, t);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "model.yaml:7:9: actions[0].do: unknown action 'contian'");
    assert_not_contains(r.out, ":0:");
    cli_done(&r);
    r = cli_run("watch '%s/b/wbroken.lua'", t);
    assert_int_equal(r.status, 2); /* no --script */
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_save_prints_what_changed),
        cmocka_unit_test(a_broken_save_shows_the_error),
        cmocka_unit_test(damage_is_shown_beside_other_metrics),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
