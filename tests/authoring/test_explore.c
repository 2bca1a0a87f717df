/* tabletop explore: runtime errors, actions never available, injects never
 * fired and metrics never changed are found, each with a shrunk YAML script
 * that reproduces it through `tabletop run`; the same seed gives the same
 * report; a scenario that loops forever is stopped by the sandbox. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "cli_util.h"

#define FX "tests/authoring/fixtures/explore-bugs.lua"

static void finds_what_only_runs_show(void **state)
{
    (void)state;
    cli_result r = cli_run("explore " FX " --runs 30 --seed 1 -o '%s/ex'", cli_tmp());
    assert_int_equal(r.status, 1);
    assert_contains(r.out, FX ":9:1: metric 'untouched' never changed in 30 runs");
    assert_contains(r.out, FX ":12:1: inject 'ghost' never fired in 30 runs");
    assert_contains(r.out, FX ":19:1: runtime error: attempt to index a nil value (local 'x') "
                           "(in actions.boom.does)");
    assert_contains(r.out, FX ":20:1: action 'blocked' was never available in 30 runs");
    assert_lacks(r.out, "'finish' was never available");
    cli_done(&r);
    /* The runtime error's witness is shrunk to the two steps that matter and
     * reproduces through `tabletop run`. */
    char path[512];
    snprintf(path, sizeof path, "%s/ex/finding-1.yaml", cli_tmp());
    char *y = cli_slurp(path);
    assert_contains(y, "# runtime error");
    assert_contains(y, "do: arm");
    assert_contains(y, "do: boom");
    assert_lacks(y, "do: finish");
    free(y);
    r = cli_run("run " FX " --script '%s' --ui none --no-scorecard --journal '%s/ex/j.yaml'",
                path, cli_tmp());
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "attempt to index a nil value");
    cli_done(&r);
    /* Deterministic for a seed. */
    cli_result a = cli_run("explore " FX " --runs 10 --seed 5");
    cli_result b = cli_run("explore " FX " --runs 10 --seed 5");
    assert_string_equal(a.out, b.out);
    cli_done(&a);
    cli_done(&b);
}

static void endless_dynamics_end_within_the_budget(void **state)
{
    (void)state;
    time_t start = time(NULL);
    cli_result r = cli_run("explore tests/authoring/fixtures/explore-hostile.lua --runs 5");
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "instruction budget");
    assert_contains(r.out, "do: trip");
    assert_true(time(NULL) - start < 120);
    cli_done(&r);
    r = cli_run("explore ransomware --runs 0");
    assert_int_equal(r.status, 2);
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_what_only_runs_show),
        cmocka_unit_test(endless_dynamics_end_within_the_budget),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
