/* The SVG figures' numbers without printf (svg_fmt.h). */
#include "svg_fmt.h"

#include <float.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void sc_buf_1f(tt_buf *b, double x)
{
    char tmp[48];
    /* The fraction times ten is exact in a 64-bit significand (53 bits
     * times 10 needs 57): elsewhere, and for anything not a plain
     * coordinate (NaN, infinities, huge), printf itself. */
    if (LDBL_MANT_DIG < 64 || !(x > -1e15 && x < 1e15)) {
        tt_buf_printf(b, "%.1f", x);
        return;
    }
    bool neg = signbit(x);
    double v = fabs(x);
    double whole = floor(v);
    long double tenths = (long double)(v - whole) * 10.0L; /* both exact */
    long double digit = floorl(tenths);
    long double rest = tenths - digit;
    unsigned long long w = (unsigned long long)whole;
    int d = (int)digit;
    if (rest > 0.5L || (rest == 0.5L && (d & 1)))
        d++;
    if (d == 10) {
        d = 0;
        w++;
    }
    char *p = tmp + sizeof tmp;
    *--p = (char)('0' + d);
    *--p = '.';
    do {
        *--p = (char)('0' + w % 10);
        w /= 10;
    } while (w);
    if (neg)
        *--p = '-';
    tt_buf_addn(b, p, (size_t)(tmp + sizeof tmp - p));
}

static void add_unsigned(tt_buf *b, bool neg, unsigned long long v)
{
    char tmp[24];
    char *p = tmp + sizeof tmp;
    do {
        *--p = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (neg)
        *--p = '-';
    tt_buf_addn(b, p, (size_t)(tmp + sizeof tmp - p));
}

void sc_svg_printf(tt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *p = fmt;
    while (*p) {
        const char *q = strchr(p, '%');
        if (!q) {
            tt_buf_add(b, p);
            break;
        }
        tt_buf_addn(b, p, (size_t)(q - p));
        if (q[1] == 'd') {
            int v = va_arg(ap, int);
            add_unsigned(b, v < 0, v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v);
            p = q + 2;
        } else if (q[1] == 'z' && q[2] == 'u') {
            add_unsigned(b, false, va_arg(ap, size_t));
            p = q + 3;
        } else if (q[1] == 's') {
            const char *s = va_arg(ap, const char *);
            tt_buf_add(b, s ? s : "(null)");
            p = q + 2;
        } else if (q[1] == '.' && q[2] == '1' && q[3] == 'f') {
            sc_buf_1f(b, va_arg(ap, double));
            p = q + 4;
        } else if (q[1] == '%') {
            tt_buf_add(b, "%");
            p = q + 2;
        } else {
            b->failed = true;
            break;
        }
    }
    va_end(ap);
}
