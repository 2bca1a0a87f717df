/* Errors: the class of an error alone picks the exit code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/base.h"

static void bad_input_exits_2_runtime_and_memory_exit_1(void **state)
{
    (void)state;
    tt_error err;
    tt_error_clear(&err);
    tt_error_set(&err, "x.yaml", 3, 4, "line %d is wrong", 3);
    assert_int_equal(err.cls, TT_ERR_INPUT);
    assert_int_equal(tt_error_exit(&err), TT_EXIT_BADINPUT);
    tt_error_runtime(&err, "card.html", "cannot write: %s", "disk full");
    assert_int_equal(err.cls, TT_ERR_RUNTIME);
    assert_int_equal(err.line, 0);
    assert_string_equal(err.message, "cannot write: disk full");
    assert_int_equal(tt_error_exit(&err), TT_EXIT_RUNTIME);
    tt_error_oom(&err, NULL);
    assert_int_equal(err.cls, TT_ERR_NOMEM);
    assert_string_equal(err.message, "out of memory");
    assert_string_equal(err.file, "");
    assert_int_equal(tt_error_exit(&err), TT_EXIT_RUNTIME);
    /* A later input error is an input error again. */
    tt_error_set(&err, NULL, 0, 0, "bad");
    assert_int_equal(tt_error_exit(&err), TT_EXIT_BADINPUT);
}

/* The one wording of a located error, printed or kept as text (watch,
 * explore): the parts that are known, never "file:0:". */
static void formatted_errors_name_only_what_is_known(void **state)
{
    (void)state;
    tt_error err;
    char buf[256];
    tt_error_set(&err, "x.yaml", 3, 9, "bad %s", "step");
    tt_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "x.yaml:3:9: bad step");
    tt_error_set(&err, "x.lua", 12, 0, "boom");
    tt_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "x.lua:12: boom");
    tt_error_set(&err, "dir.lua", 0, 0, "not a regular file");
    tt_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "dir.lua: not a regular file");
    tt_error_set(&err, NULL, 0, 0, "no file");
    tt_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "no file");
    char tiny[6];
    tt_error_set(&err, "x.yaml", 3, 9, "cut");
    tt_error_format(&err, tiny, sizeof tiny);
    assert_string_equal(tiny, "x.yam");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_input_exits_2_runtime_and_memory_exit_1),
        cmocka_unit_test(formatted_errors_name_only_what_is_known),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
