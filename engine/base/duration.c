/* Simulated time, one notation: printed as "+0:15:00" (elapsed since the
 * start) or "+41d 02:30:00" past a day, and read back in that form as well
 * as the short unit form people type ("90s", "15m", "1h30m", "45"). */
#include "tabletop/base.h"
#include "tabletop/terms.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#define MS_DAY ((int64_t)86400000)
#define MS_MAX ((int64_t)3650 * MS_DAY) /* ten years: anything longer is a typo */

static int64_t unit_ms(char u)
{
    switch (u) {
    case 'd': return MS_DAY;
    case 'h': return 3600000;
    case 'm': return 60000;
    case 's': return 1000;
    default: return 0;
    }
}

static bool not_a_duration(char *why, size_t why_size, const char *text, const char *what)
{
    if (why && why_size)
        snprintf(why, why_size, TT_MSG(E_DURATION_NOT_FMT), text, what);
    return false;
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
/* Blanks around a duration, and between "41d" and "02:30:00": a space or a
 * tab (a tab typed in YAML or a script read "5m\t" as no number). */
static bool is_blank(char c) { return c == ' ' || c == '\t'; }

/* Reads digits at *p; false on none or on overflow. */
static bool read_number(const char **p, int64_t *out, int *ndigits)
{
    int64_t n = 0;
    int k = 0;
    while (is_digit(**p)) {
        if (n > (INT64_MAX - 9) / 10)
            return false;
        n = n * 10 + (**p - '0');
        (*p)++;
        k++;
    }
    *out = n;
    if (ndigits)
        *ndigits = k;
    return k > 0;
}

/* "[Nd ]H:MM:SS" (also "N日 H:MM:SS", which older cards printed). */
static bool parse_clock(const char *p, const char *text, int64_t *total, const char **end,
                        char *why, size_t why_size)
{
    const char *form = TT_MSG(E_DURATION_CLOCK_FORM);
    int64_t days = 0, h, m, s;
    int nd;
    const char *q = p;
    if (!read_number(&q, &h, NULL))
        return not_a_duration(why, why_size, text, form);
    if (*q == 'd' || strncmp(q, "日", strlen("日")) == 0) {
        days = h;
        q += *q == 'd' ? 1 : strlen("日");
        while (is_blank(*q))
            q++;
        if (!read_number(&q, &h, NULL))
            return not_a_duration(why, why_size, text, form);
        if (h > 23)
            return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_HOURS_RANGE));
    }
    if (*q != ':')
        return not_a_duration(why, why_size, text, form);
    q++;
    if (!read_number(&q, &m, &nd) || nd != 2 || m > 59)
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_MINUTES_TWO_DIGITS));
    if (*q != ':')
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_SECONDS_MISSING));
    q++;
    if (!read_number(&q, &s, &nd) || nd != 2 || s > 59)
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_SECONDS_TWO_DIGITS));
    if (days > MS_MAX / MS_DAY || h > MS_MAX / 3600000)
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_TOO_LARGE_DAYS));
    *total = days * MS_DAY + h * 3600000 + m * 60000 + s * 1000;
    *end = q;
    return true;
}

/* "90s", "15m", "2h", "1d", "1h30m", or a plain number of seconds. */
static bool parse_units(const char *p, const char *text, int64_t *out, const char **end,
                        char *why, size_t why_size)
{
    int64_t total = 0;
    int64_t last_unit = INT64_MAX; /* units must descend: 1h30m, not 30m1h */
    bool any = false;
    while (*p && !is_blank(*p)) {
        if (!is_digit(*p))
            return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_EXPECTED_NUMBER));
        int64_t n;
        if (!read_number(&p, &n, NULL))
            return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_TOO_LARGE));
        int64_t unit;
        if (*p == '\0' || is_blank(*p)) {
            if (any)
                return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_NO_UNIT));
            unit = 1000; /* plain number: seconds */
        } else {
            unit = unit_ms(*p);
            if (!unit)
                return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_UNKNOWN_UNIT));
            if (unit >= last_unit)
                return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_UNIT_ORDER));
            p++;
        }
        last_unit = unit;
        if (n > INT64_MAX / unit || total > INT64_MAX - n * unit)
            return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_TOO_LARGE));
        total += n * unit;
        any = true;
    }
    *out = total;
    *end = p;
    return true;
}

bool tt_duration_parse(const char *text, tt_ms *out, char *why, size_t why_size)
{
    if (!text)
        return not_a_duration(why, why_size, "(null)", TT_MSG(E_DURATION_MISSING));
    const char *p = text;
    while (is_blank(*p))
        p++;
    if (*p == '+')
        p++; /* elapsed time as the program prints it */
    if (!*p)
        return not_a_duration(why, why_size, text,
                    TT_MSG(E_DURATION_EMPTY));
    if (*p == '-')
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_NEGATIVE));
    int64_t total;
    const char *end;
    bool ok = strchr(p, ':') ? parse_clock(p, text, &total, &end, why, why_size)
                             : parse_units(p, text, &total, &end, why, why_size);
    if (!ok)
        return false;
    while (is_blank(*end))
        end++;
    if (*end)
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_TRAILING));
    if (total > MS_MAX)
        return not_a_duration(why, why_size, text, TT_MSG(E_DURATION_TOO_LARGE_DAYS));
    *out = total;
    return true;
}

/* v's decimal digits (v >= 0), at least `min` of them, written backwards
 * ending before `end`; returns where they start. */
static char *put_digits(char *end, int64_t v, int min)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (--min > 0 || v > 0);
    return end;
}

void tt_time_format(tt_ms t, tt_time_kind kind, char *buf, size_t size)
{
    if (!buf || !size)
        return;
    if (t == TT_MS_NEVER) {
        snprintf(buf, size, "—");
        return;
    }
    /* "+1d 02:03:04", "+2:03:04": built by hand, as snprintf would with
     * "%s%" PRId64 "d %02" PRId64 ":%02" PRId64 ":%02" PRId64 (the headless
     * timeline and every frame print many of them). */
    const char *sign = t < 0 ? "-" : kind == TT_TIME_AT ? "+" : "";
    /* Divided before the negation: INT64_MIN has none. */
    int64_t s = t < 0 ? -(t / 1000) : t / 1000;
    int64_t d = s / 86400, h = s / 3600 % 24, m = s / 60 % 60, sec = s % 60;
    char text[48];
    char *p = text + sizeof text;
    p = put_digits(p, sec, 2);
    *--p = ':';
    p = put_digits(p, m, 2);
    *--p = ':';
    if (d > 0) {
        p = put_digits(p, h, 2);
        *--p = ' ';
        *--p = 'd';
        p = put_digits(p, d, 1);
    } else {
        p = put_digits(p, h, 1);
    }
    if (*sign)
        *--p = *sign;
    size_t len = (size_t)(text + sizeof text - p);
    if (len > size - 1)
        len = size - 1; /* cut as snprintf cuts */
    memcpy(buf, p, len);
    buf[len] = '\0';
}

void tt_ms_format(tt_ms t, char *buf, size_t size)
{
    tt_time_format(t, TT_TIME_AT, buf, size);
}

void tt_span_format(tt_ms t, char *buf, size_t size)
{
    tt_time_format(t, TT_TIME_SPAN, buf, size);
}
