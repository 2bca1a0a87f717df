/* Duration parsing, good and bad. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/base.h"

static void parses_units_and_compounds(void **state)
{
    (void)state;
    static const struct { const char *in; tt_ms ms; } ok[] = {
        { "90s", 90000 }, { "15m", 900000 }, { "2h", 7200000 },
        { "1d", 86400000 }, { "1h30m", 5400000 }, { "45", 45000 },
        { "0", 0 }, { "0m", 0 }, { " 5m ", 300000 }, { "1d2h3m4s", 93784000 },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        tt_ms v = -1;
        char why[128];
        assert_true(tt_duration_parse(ok[i].in, &v, why, sizeof why));
        assert_int_equal(v, ok[i].ms);
    }
}

static void refuses_bad_durations_with_reason(void **state)
{
    (void)state;
    static const struct { const char *in; const char *why; } bad[] = {
        { "-5m", "negative" }, { "", "empty" }, { "5x", "unknown unit" },
        { "m", "expected a number" }, { "30m1h", "largest to smallest" },
        { "99999999999999999999s", "too large" }, { "5000d", "too large" },
        { "5m 3", "unexpected text" }, { "1h 30", "unexpected" },
        { "1.5h", "unknown unit" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tt_ms v = 123;
        char why[128] = "";
        assert_false(tt_duration_parse(bad[i].in, &v, why, sizeof why));
        assert_int_equal(v, 123);
        if (!strstr(why, bad[i].why))
            fail_msg("'%s': reason '%s' lacks '%s'", bad[i].in, why, bad[i].why);
    }
    assert_false(tt_duration_parse(NULL, &(tt_ms){ 0 }, NULL, 0));
}

static void formats_clock_times(void **state)
{
    (void)state;
    char buf[32];
    tt_ms_format(65000, buf, sizeof buf);
    assert_string_equal(buf, "01:05");
    tt_ms_format(3723000, buf, sizeof buf);
    assert_string_equal(buf, "1:02:03");
    tt_ms_format(TT_MS_NEVER, buf, sizeof buf);
    assert_string_equal(buf, "--:--");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_units_and_compounds),
        cmocka_unit_test(refuses_bad_durations_with_reason),
        cmocka_unit_test(formats_clock_times),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
