/* Durations as people write them: "90s", "15m", "2h", "1d", "1h30m", "45". */
#include "tabletop/base.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static int64_t unit_ms(char u)
{
    switch (u) {
    case 'd': return 86400000;
    case 'h': return 3600000;
    case 'm': return 60000;
    case 's': return 1000;
    default: return 0;
    }
}

static bool fail(char *why, size_t why_size, const char *text, const char *what)
{
    if (why && why_size)
        snprintf(why, why_size, "'%s' is not a duration: %s", text, what);
    return false;
}

bool tt_duration_parse(const char *text, tt_ms *out, char *why, size_t why_size)
{
    if (!text)
        return fail(why, why_size, "(null)", "missing");
    const char *p = text;
    while (*p == ' ')
        p++;
    if (!*p)
        return fail(why, why_size, text, "empty (write e.g. 90s, 15m, 2h, 1d)");
    if (*p == '-')
        return fail(why, why_size, text, "negative");
    int64_t total = 0;
    int64_t last_unit = INT64_MAX; /* units must descend: 1h30m, not 30m1h */
    bool any = false;
    while (*p && *p != ' ') {
        if (*p < '0' || *p > '9')
            return fail(why, why_size, text, "expected a number (write e.g. 90s, 15m, 2h, 1d)");
        int64_t n = 0;
        while (*p >= '0' && *p <= '9') {
            if (n > (INT64_MAX - 9) / 10)
                return fail(why, why_size, text, "too large");
            n = n * 10 + (*p - '0');
            p++;
        }
        int64_t unit;
        if (*p == '\0' || *p == ' ') {
            if (any)
                return fail(why, why_size, text, "a number without a unit after another part");
            unit = 1000; /* plain number: seconds */
        } else {
            unit = unit_ms(*p);
            if (!unit)
                return fail(why, why_size, text, "unknown unit (use s, m, h or d)");
            if (unit >= last_unit)
                return fail(why, why_size, text, "units must go from largest to smallest");
            p++;
        }
        last_unit = unit;
        if (n > INT64_MAX / unit || total > INT64_MAX - n * unit)
            return fail(why, why_size, text, "too large");
        total += n * unit;
        any = true;
    }
    while (*p == ' ')
        p++;
    if (*p)
        return fail(why, why_size, text, "unexpected text after the duration");
    /* Keep durations within ten years: anything longer is a typo. */
    if (total > (int64_t)3650 * 86400000)
        return fail(why, why_size, text, "too large (over 3650 days)");
    *out = total;
    return true;
}

void tt_ms_format(tt_ms t, char *buf, size_t size)
{
    if (t == TT_MS_NEVER) {
        snprintf(buf, size, "--:--");
        return;
    }
    const char *sign = t < 0 ? "-" : "";
    if (t < 0)
        t = -t;
    int64_t s = t / 1000;
    int64_t h = s / 3600, m = (s / 60) % 60, sec = s % 60;
    if (h > 0)
        snprintf(buf, size, "%s%" PRId64 ":%02" PRId64 ":%02" PRId64, sign, h, m, sec);
    else
        snprintf(buf, size, "%s%02" PRId64 ":%02" PRId64, sign, m, sec);
}
