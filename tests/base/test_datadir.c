/* Where a binary finds its scenarios and assets: a binary in its build tree
 * reads the source tree (an installed one is tested by tests/install). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tabletop/base.h"

static void build_tree_binary_reads_the_source_tree(void **state)
{
    (void)state;
    char path[4096];
    assert_int_equal(tt_data_path(TT_DATA_SCENARIOS, "ransomware.lua", path, sizeof path), 0);
    assert_string_equal(path, TT_TEST_SOURCE_DIR "/scenarios/ransomware.lua");
    assert_int_equal(access(path, R_OK), 0);
    assert_int_equal(tt_data_path(TT_DATA_ASSETS, "fonts.conf", path, sizeof path), 0);
    assert_string_equal(path, TT_TEST_SOURCE_DIR "/assets/fonts.conf");
    assert_int_equal(access(path, R_OK), 0);
    assert_int_equal(tt_data_path(TT_DATA_ASSETS, NULL, path, sizeof path), 0);
    assert_string_equal(path, TT_TEST_SOURCE_DIR "/assets");
}

static void too_small_a_buffer_is_an_error(void **state)
{
    (void)state;
    char path[8];
    assert_int_equal(tt_data_path(TT_DATA_SCENARIOS, "ransomware.lua", path, sizeof path), -1);
}

static void version_comes_from_the_version_file(void **state)
{
    (void)state;
    assert_string_equal(tt_version(), TT_TEST_VERSION);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(build_tree_binary_reads_the_source_tree),
        cmocka_unit_test(too_small_a_buffer_is_an_error),
        cmocka_unit_test(version_comes_from_the_version_file),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
