/* tabletop lint: each kind of finding at its file:line:col, exit 1 when
 * anything is found, 0 on the skeleton of `tabletop new`, 2 on a file that
 * does not load; hostile files end within the sandbox's limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"

#define FX "tests/authoring/fixtures/lint-findings.lua"

static void every_kind_of_finding_is_located(void **state)
{
    (void)state;
    cli_result r = cli_run("lint " FX);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, FX ":11:11: state key 'cuont' is written but not declared in state "
                           "(did you mean 'count'?)");
    assert_contains(r.out, FX ":15:55: time \"15m\" is neither cited nor marked invented");
    assert_contains(r.out, FX ":18:20: ctx.after: 'polce' is neither a time nor an actor of this "
                           "scenario (actors: did you mean 'police'?)");
    assert_contains(r.out, FX ":19:30: from = 'polise' is neither an actor nor a role");
    assert_contains(r.out, FX ":19:66: text has ja but no en");
    assert_contains(r.out, FX ":20:13: ctx has no field 'mesage' (did you mean 'message'?)");
    assert_contains(r.out, FX ":26:5: objective 'recover' (recover) cannot be reached by any "
                           "action: none completes it and no action changes what its when reads "
                           "(count)");
    assert_contains(r.out, FX ":27:53: number 1234 is neither cited nor marked invented");
    /* One finding per line, compiler style, nothing else. */
    size_t lines = 0;
    for (const char *p = r.out; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, 8);
    cli_done(&r);
}

static void the_skeleton_and_the_six_load(void **state)
{
    (void)state;
    cli_result r = cli_run("new lint-clean --dir '%s/new'", cli_tmp());
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("lint '%s/new/lint-clean.lua'", cli_tmp());
    if (r.status != 0)
        fail_msg("the skeleton has findings:\n%s%s", r.out, r.err);
    assert_string_equal(r.out, "");
    cli_done(&r);
    r = cli_run("lint no-such-scenario");
    assert_int_equal(r.status, 2);
    cli_done(&r);
}

static void broken_and_hostile_files_end_with_a_location(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    char path[512];
    snprintf(path, sizeof path, "%s/syntax.lua", t);
    cli_write(path, "return scenario {\n  id = 'x',,\n}\n");
    cli_result r = cli_run("lint '%s'", path);
    assert_int_equal(r.status, 2);
    assert_contains(r.out, "syntax.lua:2:");
    cli_done(&r);
    snprintf(path, sizeof path, "%s/endless.lua", t);
    cli_write(path, "while true do end\n");
    r = cli_run("lint '%s'", path); /* ended by the budget, said; a hang is CTest's timeout */
    assert_int_equal(r.status, 2);
    assert_contains(r.out, "instruction budget");
    cli_done(&r);
    snprintf(path, sizeof path, "%s/memory.lua", t);
    cli_write(path, "local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 1000) .. i end\n");
    r = cli_run("lint '%s'", path);
    assert_int_equal(r.status, 2);
    cli_done(&r);
    /* A file luac alone would choke on (deep nesting) is refused, not crashed on. */
    snprintf(path, sizeof path, "%s/deep.lua", t);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("return ", fp);
    for (int i = 0; i < 100000; i++)
        fputc('(', fp);
    fputs("1", fp);
    for (int i = 0; i < 100000; i++)
        fputc(')', fp);
    fclose(fp);
    r = cli_run("lint '%s'", path);
    assert_int_equal(r.status, 2);
    assert_true(r.status < 128);
    cli_done(&r);
    /* A file without lines (a device, a folder) is said without a line:
     * it read "/dev/null:0:1: cannot open the scenario ...". */
    r = cli_run("lint /dev/null");
    assert_int_equal(r.status, 2);
    assert_contains(r.out, "/dev/null: cannot open the scenario: not a regular file");
    assert_lacks(r.out, ":0:");
    cli_done(&r);
    r = cli_run("explore /dev/null --runs 1");
    assert_int_equal(r.status, 2);
    assert_contains(r.out, "/dev/null: cannot open the scenario: not a regular file");
    assert_lacks(r.out, ":0:");
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_kind_of_finding_is_located),
        cmocka_unit_test(the_skeleton_and_the_six_load),
        cmocka_unit_test(broken_and_hostile_files_end_with_a_location),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
