/* Authoring fixes end to end: a journal whose scenario file was edited is
 * still scored, replayed and resumed (with the warning), no message shows a
 * path of the build machine, and a draft copy under another file name can
 * be checked and run while ids stay unique among the scenarios listed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"

#define MODEL "scenarios/answers/ransomware/model.yaml"

static void edited_scenario_still_scores_with_the_warning(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_sh("mkdir -p '%s/ed' && cp scenarios/ransomware.lua '%s/ed/ransomware.lua'",
                          t, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("run '%s/ed/ransomware.lua' --script " MODEL
                " --ui none --journal '%s/ed/j.yaml' --no-scorecard --lang en",
                t, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    /* Edit the file where the journal says it is: a comment only. */
    r = cli_sh("echo '-- edited after the exercise' >> '%s/ed/ransomware.lua'", t);
    cli_done(&r);
    r = cli_run("score '%s/ed/j.yaml' -o '%s/ed/card.json' --no-record --lang en", t, t);
    if (r.status != 0)
        fail_msg("%s", r.err);
    assert_contains(r.err, "warning: the scenario file differs from the one the exercise ran");
    assert_lacks(r.err, "cannot find scenario");
    cli_done(&r);
    r = cli_run("replay '%s/ed/j.yaml' --lang en", t);
    assert_int_equal(r.status, 0); /* a comment changes nothing: it reproduces */
    assert_contains(r.err, "warning: the scenario file differs");
    cli_done(&r);

    /* Gone, and not among the scenario folders: a message without any folder
     * of the build machine. */
    r = cli_sh("sed -e 's/ransomware/nowhere-x/g' '%s/ed/j.yaml' > '%s/ed/k.yaml'", t, t);
    cli_done(&r);
    r = cli_run("score '%s/ed/k.yaml' -o '%s/ed/k.json' --no-record", t, t);
    assert_int_equal(r.status, 2);
    char at_journal[4200]; /* at the journal, as replay says it (score named no file) */
    snprintf(at_journal, sizeof at_journal, "tabletop score: %s/ed/k.yaml: cannot find scenario 'nowhere-x'", t);
    assert_contains(r.err, at_journal);
    char scenario_folder[4096]; /* the journal is named; no folder of the build machine */
    snprintf(scenario_folder, sizeof scenario_folder, "%s/scenarios", getenv("TT_SOURCE_DIR"));
    assert_lacks(r.err, scenario_folder);
    cli_done(&r);
    r = cli_run("replay '%s/ed/k.yaml'", t);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "cannot find scenario 'nowhere-x'"); /* as score says it */
    assert_contains(r.err, "(give the file with --scenario F)");
    char folder[4096]; /* the journal is named; no folder of the build machine */
    snprintf(folder, sizeof folder, "%s/scenarios", getenv("TT_SOURCE_DIR"));
    assert_lacks(r.err, folder);
    cli_done(&r);
}

static void a_draft_copy_under_another_name_checks_and_runs(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_sh("mkdir -p '%s/dr' && cp scenarios/ransomware.lua '%s/dr/ransomware-draft.lua'",
                          t, t);
    cli_done(&r);
    r = cli_run("check '%s/dr/ransomware-draft.lua'", t);
    if (r.status != 0)
        fail_msg("%s", r.err);
    assert_contains(r.out, "ok ransomware");
    cli_done(&r);
    r = cli_run("run '%s/dr/ransomware-draft.lua' --script " MODEL
                " --ui none --journal '%s/dr/j.yaml' --no-scorecard", t, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("score '%s/dr/j.yaml' -o '%s/dr/card.md' --no-record --lang en", t, t);
    assert_int_equal(r.status, 0);
    assert_lacks(r.err, "differs");
    cli_done(&r);
    /* The same id twice among the scenarios listed is an error. */
    r = cli_run("check '%s/dr/ransomware-draft.lua' ransomware", t);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "id 'ransomware' is also the id of");
    cli_done(&r);
    r = cli_sh("cp scenarios/ransomware.lua '%s/dr/ransomware.lua' && TABLETOP_SCENARIOS='%s/dr' "
               "'%s' list", t, t, getenv("TT_BINARY"));
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "ids must be unique among the scenarios listed");
    cli_done(&r);
    /* Two long ids that differ only at their end are two ids (check kept
     * 127 bytes of each and called the second a duplicate). */
    char long_id[200];
    memset(long_id, 'a', 150);
    long_id[150] = '\0';
    r = cli_sh("sed 's/id = \"ransomware\"/id = \"%sx\"/' scenarios/ransomware.lua > '%s/dr/lx.lua' && "
               "sed 's/id = \"ransomware\"/id = \"%sy\"/' scenarios/ransomware.lua > '%s/dr/ly.lua'",
               long_id, t, long_id, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("check '%s/dr/lx.lua' '%s/dr/ly.lua'", t, t);
    if (r.status != 0)
        fail_msg("two long ids: exit %d\n%s", r.status, r.err);
    assert_contains(r.out, "ay (");
    cli_done(&r);
    /* list shows a file whose name has 128 bytes or more (it was left out,
     * unsaid, as was any file past a folder's 256th). */
    r = cli_sh("mkdir -p '%s/long' && cp '%s/dr/lx.lua' '%s/long/%s.lua' && TABLETOP_SCENARIOS='%s/long' "
               "'%s' list", t, t, t, long_id, t, getenv("TT_BINARY"));
    if (r.status != 0)
        fail_msg("list: exit %d\n%s", r.status, r.err);
    assert_contains(r.out, "ax ");
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(edited_scenario_still_scores_with_the_warning),
        cmocka_unit_test(a_draft_copy_under_another_name_checks_and_runs),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
