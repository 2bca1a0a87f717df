/* The one wall clock (front-ends' real-time clocks, record stamps), and
 * wall dates shown to people in their own time zone. */
#define _DEFAULT_SOURCE   /* timegm, tm_gmtoff */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tabletop/base.h"

int64_t tt_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* "2026-11-27T13:48:49Z", "2026-11-27T22:48:49+09:00", "...+0900" or a bare
 * date "2026-11-27" as a time_t; false for anything else. */
static bool parse_iso(const char *s, time_t *out, bool *date_only)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    int n = 0;
    *date_only = false;
    if (sscanf(s, "%4d-%2d-%2d%n", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &n) != 3 || n != 10)
        return false;
    const char *p = s + n;
    if (*p == '\0') {
        *date_only = true;
    } else {
        if ((*p != 'T' && *p != ' ') ||
            sscanf(p + 1, "%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &n) != 3 || n != 8)
            return false;
        p += 1 + n;
        if (*p == '.')   /* fractions of a second */
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
    }
    long offset = 0;
    if (*p == 'Z') {
        p++;
    } else if (*p == '+' || *p == '-') {
        char sign = *p;
        int hh = 0, mm = 0;
        if (sscanf(p + 1, "%2d:%2d%n", &hh, &mm, &n) == 2 && n == 5)
            p += 6;
        else if (sscanf(p + 1, "%2d%2d%n", &hh, &mm, &n) == 2 && n == 4)
            p += 5;
        else
            return false;
        if (hh > 23 || mm > 59)
            return false;
        offset = (hh * 3600L + mm * 60L) * (sign == '-' ? -1 : 1);
    } else if (!*date_only) {
        return false;   /* no zone: which time was it? */
    }
    if (*p != '\0' || tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 ||
        tm.tm_hour > 23 || tm.tm_min > 59 || tm.tm_sec > 60)
        return false;
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    *out = timegm(&tm) - offset;
    return true;
}

bool tt_date_parse(const char *iso, int64_t *epoch_s)
{
    time_t t;
    bool date_only;
    if (!iso || !parse_iso(iso, &t, &date_only))
        return false;
    if (date_only) {   /* a calendar date: its noon, local time */
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        if (sscanf(iso, "%4d-%2d-%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3)
            return false;
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        tm.tm_hour = 12;
        tm.tm_isdst = -1;
        t = mktime(&tm);
    }
    *epoch_s = (int64_t)t;
    return true;
}

void tt_date_local_day(int64_t epoch_s, char *buf, size_t size)
{
    time_t t = (time_t)epoch_s;
    struct tm tm;
    tzset();
    if (!size)
        return;
    if (!localtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
        buf[0] = '\0';
}

bool tt_date_local(const char *iso, char *buf, size_t size)
{
    if (!size)
        return false;
    buf[0] = '\0';
    time_t t;
    bool date_only;
    if (!iso || !parse_iso(iso, &t, &date_only)) {
        snprintf(buf, size, "%s", iso ? iso : "");
        return false;
    }
    if (date_only) {   /* a calendar date has no time zone */
        snprintf(buf, size, "%s", iso);
        return true;
    }
    tzset();
    struct tm tm;
    if (!localtime_r(&t, &tm)) {
        snprintf(buf, size, "%s", iso);
        return false;
    }
    char day[32], zone[32];
    strftime(day, sizeof day, "%Y-%m-%d %H:%M", &tm);
    strftime(zone, sizeof zone, "%Z", &tm);
    /* A zone without a name ("+09", "-03") reads better as UTC+09:00. */
    if (!zone[0] || zone[0] == '+' || zone[0] == '-') {
        long off = tm.tm_gmtoff < 0 ? -tm.tm_gmtoff : tm.tm_gmtoff;
        snprintf(zone, sizeof zone, "UTC%c%02d:%02d", tm.tm_gmtoff < 0 ? '-' : '+',
                 (int)(off / 3600 % 100), (int)(off % 3600 / 60));
    }
    snprintf(buf, size, "%s %s", day, zone);
    return true;
}

bool tt_calendar_date_ok(const char *s)
{
    size_t n = strlen(s);
    static const char shape[] = "dddd-dd-dd";
    if (n != 4 && n != 7 && n != 10)
        return false;
    for (size_t i = 0; i < n; i++)
        if (shape[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-')
            return false;
    int year = atoi(s), month = n >= 7 ? atoi(s + 5) : 1, day = n == 10 ? atoi(s + 8) : 1;
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12 || day < 1 || day > days[month - 1])
        return false;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return !(month == 2 && day == 29 && !leap);
}
