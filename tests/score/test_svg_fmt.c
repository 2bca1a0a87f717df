/* The SVG figures' numbers (engine/score/svg_fmt.c) are byte for byte what
 * printf writes: "%.1f" over coordinates like the timeline's, exact ties
 * (rounded half to even), signs, large and odd values, and the figures'
 * whole format strings. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "svg_fmt.h"

static void assert_1f(double x)
{
    char want[512];
    snprintf(want, sizeof want, "%.1f", x);
    tt_buf b = TT_BUF_INIT;
    sc_buf_1f(&b, x);
    assert_false(b.failed);
    if (strcmp(b.data, want) != 0)
        fail_msg("%.17g: \"%s\", printf \"%s\"", x, b.data, want);
    tt_buf_free(&b);
}

static void tenths_are_printfs(void **state)
{
    (void)state;
    static const double odd[] = { 0.0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 0.75, -0.25, -0.04,
                                  -0.05, 0.95, 9.95, 99.95, 180.05, 744.95, 0.9999999999,
                                  1e14, -1e14, 999999999999999.0, 1e15, -1e300, 4.5e-320,
                                  INFINITY, -INFINITY, NAN, 2.5, 3.5, 0.5, 1.5 };
    for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
        assert_1f(odd[i]);
    /* Every exact tie and near-tie of sixteenths (k/16 are exact). */
    for (int k = -20000; k <= 20000; k++) {
        assert_1f(k / 16.0);
        assert_1f(nextafter(k / 16.0, INFINITY));
        assert_1f(nextafter(k / 16.0, -INFINITY));
        assert_1f(k / 20.0); /* decimal ties, not exact in binary */
    }
    /* Coordinates as the timeline computes them. */
    for (long long tmax = 60000; tmax < 400000000; tmax = tmax * 7 / 3 + 1)
        for (long long t = 0; t <= tmax; t += tmax / 997 + 1)
            assert_1f(180 + (double)(745 - 180) * (double)t / (double)tmax);
    srand(11);
    for (int i = 0; i < 200000; i++) {
        double x = ((double)rand() / RAND_MAX - 0.5) * 4000.0;
        assert_1f(x);
        assert_1f(ldexp(x, rand() % 60 - 30));
    }
}

static void formats_are_printfs(void **state)
{
    (void)state;
    tt_buf b = TT_BUF_INIT;
    sc_svg_printf(&b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"%s\"/>%%",
                  180.25, -7, 744.96, 2147483647, "tick");
    sc_svg_printf(&b, "<rect x=\"%zu\" y=\"%d\" width=\"20\" class=\"rat%s%s\"/>", (size_t)1234567,
                  -2147483647 - 1, "P", "");
    sc_svg_printf(&b, "%s", "plain");
    char want[512];
    snprintf(want, sizeof want,
             "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"%s\"/>%%"
             "<rect x=\"%zu\" y=\"%d\" width=\"20\" class=\"rat%s%s\"/>%s",
             180.25, -7, 744.96, 2147483647, "tick", (size_t)1234567, -2147483647 - 1, "P", "",
             "plain");
    assert_false(b.failed);
    assert_string_equal(b.data, want);
    tt_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tenths_are_printfs),
        cmocka_unit_test(formats_are_printfs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
