/* tabletop explore over every stock scenario with the defaults: nothing
 * found (a test of its own: it plays 300 exercises, so CTest runs it beside
 * the others). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"

/* Every stock scenario explores clean with the defaults (50 runs, seed 1):
 * objectives at the end of a long chain (admin-server-breach's final
 * report to the PPC, wordpress-xss's upgrade, ransomware's restore from
 * backups) were "never reached" only because a random team rarely plays a
 * chain to its end; every other run is now an eager one. */
static void stock_scenarios_explore_clean(void **state)
{
    (void)state;
    const char *source = getenv("TT_SOURCE_DIR");
    assert_non_null(source);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/scenarios", source);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".lua") != 0)
            continue;
        cli_result r = cli_run("explore scenarios/%s --lang en", e->d_name);
        if (r.status != 0)
            fail_msg("explore %s: exit %d\n%s%s", e->d_name, r.status, r.out, r.err);
        assert_contains(r.out, "nothing found in 50 runs");
        cli_done(&r);
        seen++;
    }
    closedir(d);
    assert_true(seen >= 6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(stock_scenarios_explore_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
