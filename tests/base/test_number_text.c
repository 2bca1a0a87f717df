/* Numbers from scenarios in messages (tt_number_text): as people write
 * them, NaN and the infinities in words in both languages, never "-nan". */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/base.h"

static const char *text(double v, tt_lang lang)
{
    static char buf[64];
    assert_true(tt_number_text(v, lang, buf, sizeof buf) > 0);
    return buf;
}

static void numbers_read_as_written(void **state)
{
    (void)state;
    assert_string_equal(text(-5.0, TT_LANG_EN), "-5");
    assert_string_equal(text(-0.0, TT_LANG_EN), "0");
    assert_string_equal(text(15, TT_LANG_JA), "15");
    assert_string_equal(text(0.15, TT_LANG_EN), "0.15");
    assert_string_equal(text(-5.5, TT_LANG_EN), "-5.5");
    assert_string_equal(text(1e20, TT_LANG_EN), "1e+20");
    assert_string_equal(text(1.0 / 3.0, TT_LANG_EN), "0.33333333333333");
}

static void nan_and_infinities_in_words(void **state)
{
    (void)state;
    double nan_neg = -NAN; /* 0/0 in Lua on x86 has the sign bit set: "-nan" */
    assert_string_equal(text(nan_neg, TT_LANG_EN), "NaN (not a number)");
    assert_string_equal(text(NAN, TT_LANG_EN), "NaN (not a number)");
    assert_string_equal(text(NAN, TT_LANG_JA), "NaN（数ではない値）");
    assert_string_equal(text(INFINITY, TT_LANG_EN), "infinity");
    assert_string_equal(text(-INFINITY, TT_LANG_EN), "minus infinity");
    assert_string_equal(text(INFINITY, TT_LANG_JA), "無限大");
    assert_string_equal(text(-INFINITY, TT_LANG_JA), "負の無限大");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_read_as_written),
        cmocka_unit_test(nan_and_infinities_in_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
