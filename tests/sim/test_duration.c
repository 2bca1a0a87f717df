/* Duration parsing, good and bad. */
#include <inttypes.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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
        /* a tab is a blank as a space is ("5m\t" said 'expected a number') */
        { "5m\t", 300000 }, { "\t1h30m", 5400000 }, { " \t90 \t", 90000 },
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
        { "1.5h", "unknown unit" }, { "5m\t3", "unexpected text" },
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

static void reads_back_the_printed_notation(void **state)
{
    (void)state;
    static const struct { const char *in; tt_ms ms; } ok[] = {
        { "+0:15:00", 900000 }, { "0:15:00", 900000 }, { "1:00:00", 3600000 },
        { "+41d 02:30:00", 3551400000LL }, { "41d 02:30:00", 3551400000LL },
        { "41日 02:30:00", 3551400000LL }, { "+2d 0:00:00", 172800000 }, { "+15m", 900000 },
        { "100:00:00", 360000000 }, { "41d\t02:30:00\t", 3551400000LL },
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        tt_ms v = -1;
        char why[128] = "";
        if (!tt_duration_parse(ok[i].in, &v, why, sizeof why))
            fail_msg("'%s' refused: %s", ok[i].in, why);
        assert_int_equal(v, ok[i].ms);
    }
    static const struct { const char *in; const char *why; } bad[] = {
        { "15:00", "ambiguous" }, { "1:5:00", "two digits" }, { "1:60:00", "00-59" },
        { "1:00:61", "00-59" }, { "2d 24:00:00", "0-23" }, { "+", "empty" },
        { "1:00:00x", "unexpected text" }, { "-0:05:00", "negative" }, { ":15:00", "H:MM:SS" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tt_ms v = 123;
        char why[128] = "";
        assert_false(tt_duration_parse(bad[i].in, &v, why, sizeof why));
        assert_int_equal(v, 123);
        if (!strstr(why, bad[i].why))
            fail_msg("'%s': reason '%s' lacks '%s'", bad[i].in, why, bad[i].why);
    }
    /* The form is said in the message language (it was English only). */
    tt_lang_messages_set(TT_LANG_JA);
    char why[160] = "";
    assert_false(tt_duration_parse(":15:00", &(tt_ms){ 0 }, why, sizeof why));
    if (!strstr(why, "H:MM:SS の形で書いてください"))
        fail_msg("':15:00' in Japanese: '%s'", why);
    tt_lang_messages_set(TT_LANG_EN);
}

static void formats_one_notation(void **state)
{
    (void)state;
    char buf[32];
    tt_ms_format(65000, buf, sizeof buf);
    assert_string_equal(buf, "+0:01:05");
    tt_ms_format(900000, buf, sizeof buf);
    assert_string_equal(buf, "+0:15:00");
    tt_ms_format(3723000, buf, sizeof buf);
    assert_string_equal(buf, "+1:02:03");
    tt_ms_format(3551400000LL, buf, sizeof buf);
    assert_string_equal(buf, "+41d 02:30:00");
    tt_span_format(3551400000LL, buf, sizeof buf);
    assert_string_equal(buf, "41d 02:30:00");
    tt_span_format(-300000, buf, sizeof buf);
    assert_string_equal(buf, "-0:05:00");
    tt_ms_format(TT_MS_NEVER, buf, sizeof buf);
    assert_string_equal(buf, "—");
    /* What is printed reads back to the same second, instants and spans. */
    static const tt_ms samples[] = { 0, 999, 59000, 3599000, 86399000, 86400000,
                                     3551400000LL, 3650LL * 86400000 };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        for (int k = 0; k < 2; k++) {
            tt_time_format(samples[i], k ? TT_TIME_SPAN : TT_TIME_AT, buf, sizeof buf);
            tt_ms back = -1;
            assert_true(tt_duration_parse(buf, &back, NULL, 0));
            assert_int_equal(back, samples[i] / 1000 * 1000);
        }
    }
}

/* The formatter writes what the printf notation would, cut as snprintf cuts
 * when the buffer is short. */
static void formats_as_printf_would(void **state)
{
    (void)state;
    static const tt_ms samples[] = { 0, 1, 999, 1000, 9000, 10000, 59999, 60000, 599000,
                                     3599000, 3600000, 36000000, 86399999, 86400000,
                                     86401000, 864000000, 3551400000LL, 3650LL * 86400000,
                                     INT64_MAX - 1, -1, -1000, -3723000, -86400000,
                                     -3551400000LL, INT64_MIN };
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        for (int k = 0; k < 2; k++) {
            tt_ms t = samples[i];
            const char *sign = t < 0 ? "-" : k == 0 ? "+" : "";
            int64_t s = t < 0 ? -(t / 1000) : t / 1000;
            int64_t d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
            char want[64], got[64];
            if (d > 0)
                snprintf(want, sizeof want, "%s%" PRId64 "d %02" PRId64 ":%02" PRId64
                         ":%02" PRId64, sign, d, h, m, sec);
            else
                snprintf(want, sizeof want, "%s%" PRId64 ":%02" PRId64 ":%02" PRId64, sign,
                         h, m, sec);
            for (size_t size = 1; size <= strlen(want) + 1; size++) {
                memset(got, 'x', sizeof got);
                tt_time_format(t, k ? TT_TIME_SPAN : TT_TIME_AT, got, size);
                if (strlen(got) != size - 1 || strncmp(got, want, size - 1) != 0)
                    fail_msg("%" PRId64 " in %zu bytes: '%s', printf '%.*s'", t, size, got,
                             (int)(size - 1), want);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parses_units_and_compounds),
        cmocka_unit_test(refuses_bad_durations_with_reason),
        cmocka_unit_test(reads_back_the_printed_notation),
        cmocka_unit_test(formats_one_notation),
        cmocka_unit_test(formats_as_printf_would),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
