/* The package ships no copy of a library Debian has (lintian's
 * embedded-library, an error that fails the package check in CI): the
 * built program and its modules against lintian's own patterns. A text
 * copied from a library into the terms table (libyaml's "did not find
 * expected <stream-start>") was enough to trip it. Lintian's data file is a
 * component of the packaging check: missing, the test fails. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"

#define LINTIAN_DATA "/usr/share/lintian/data/binaries/embedded-libs"

static void binaries_hold_no_copy_of_a_debian_library(void **state)
{
    (void)state;
    const char *bin = getenv("TT_BINARY");
    const char *src = getenv("TT_SOURCE_DIR");
    const char *build = getenv("TT_BUILD_DIR");
    assert_non_null(bin);
    assert_non_null(src);
    assert_non_null(build);
    cli_result r = cli_sh("perl '%s/tests/install/embedded_libs.pl' '%s' '%s' '%s'/modules/*.so",
                          src, LINTIAN_DATA, bin, build);
    if (r.status != 0)
        fail_msg("exit %d:\n%s%s", r.status, r.out, r.err);
    cli_done(&r);
}

static void the_check_finds_a_copy(void **state)
{
    (void)state;
    /* The check itself, on a file holding libyaml's mark. */
    const char *fake = cli_path("fake-embedded.bin");
    cli_write(fake, "x\ndid not find expected <stream-start>\ny");
    cli_result r = cli_sh("perl '%s/tests/install/embedded_libs.pl' '%s' '%s'",
                          getenv("TT_SOURCE_DIR"), LINTIAN_DATA, fake);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.out, "libyaml"));
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(binaries_hold_no_copy_of_a_debian_library),
        cmocka_unit_test(the_check_finds_a_copy),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
