/* Plain-scalar typing: true/false -> bool, decimal integers -> int, floats
 * -> number, ~/null -> null, anything else (and every quoted scalar) -> string.
 * This is the YAML 1.2 core schema minus octal/hex integers. */
#include "tabletop/terms.h"
#include "ydoc.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* [-+]?[0-9]+ */
static bool looks_int(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (!is_digit(*s))
            return false;
    return true;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool looks_float(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    size_t digits = 0;
    while (is_digit(*s)) {
        s++;
        digits++;
    }
    if (*s == '.') {
        s++;
        while (is_digit(*s)) {
            s++;
            digits++;
        }
    }
    if (!digits)
        return false;
    if (*s == 'e' || *s == 'E') {
        s++;
        if (*s == '-' || *s == '+')
            s++;
        if (!is_digit(*s))
            return false;
        while (is_digit(*s))
            s++;
    }
    return *s == '\0';
}

static bool one_of(const char *s, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(s, *list) == 0)
            return true;
    return false;
}

yscalar_kind yscalar_resolve(const ynode *n, bool *b, int64_t *i, double *d,
                             bool *overflow)
{
    static const char *const nulls[] = { "", "~", "null", "Null", "NULL", NULL };
    static const char *const trues[] = { "true", "True", "TRUE", NULL };
    static const char *const falses[] = { "false", "False", "FALSE", NULL };
    static const char *const pinf[] = { ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", NULL };
    static const char *const ninf[] = { "-.inf", "-.Inf", "-.INF", NULL };
    static const char *const nans[] = { ".nan", ".NaN", ".NAN", NULL };
    if (overflow)
        *overflow = false;
    if (n->kind != Y_SCALAR || !n->plain)
        return YS_STR;
    const char *s = n->str;
    /* No null or bool spelling starts with a digit: numbers, most of what
     * is plain, go straight to the number checks. */
    if (!is_digit(s[0])) {
        if (one_of(s, nulls))
            return YS_NULL;
        if (one_of(s, trues)) {
            *b = true;
            return YS_BOOL;
        }
        if (one_of(s, falses)) {
            *b = false;
            return YS_BOOL;
        }
    }
    if (looks_int(s)) {
        errno = 0;
        char *end;
        long long v = strtoll(s, &end, 10);
        if (errno == ERANGE || *end) {
            if (overflow)
                *overflow = true;
            return YS_STR;
        }
        *i = (int64_t)v;
        return YS_INT;
    }
    if (looks_float(s)) {
        errno = 0;
        double v = strtod(s, NULL);
        if (errno == ERANGE && isinf(v)) {
            if (overflow)
                *overflow = true;
            return YS_STR;
        }
        *d = v;
        return YS_NUM;
    }
    if (one_of(s, pinf)) {
        *d = INFINITY;
        return YS_NUM;
    }
    if (one_of(s, ninf)) {
        *d = -INFINITY;
        return YS_NUM;
    }
    if (one_of(s, nans)) {
        *d = NAN;
        return YS_NUM;
    }
    return YS_STR;
}

int yscalar_value(const char *file, const ynode *n, const char *path,
                  tt_arena *arena, tt_value *out, tt_error *err)
{
    if (yexpect(file, n, Y_SCALAR, path, err) < 0)
        return -1;
    bool b = false, overflow = false;
    int64_t i = 0;
    double d = 0;
    switch (yscalar_resolve(n, &b, &i, &d, &overflow)) {
    case YS_NULL:
        yerror(err, file, n, path, TT_MSG(E_NUM_NEEDS_VALUE));
        return -1;
    case YS_BOOL:
        out->type = TT_VAL_BOOL;
        out->as.b = b;
        return 0;
    case YS_INT:
        out->type = TT_VAL_INT;
        out->as.i = i;
        return 0;
    case YS_NUM:
        if (isnan(d)) {
            yerror(err, file, n, path, TT_MSG(E_NUM_NOT_USABLE_FMT), n->str);
            return -1;
        }
        out->type = TT_VAL_NUM;
        out->as.n = d;
        return 0;
    case YS_STR:
        if (overflow) {
            yerror(err, file, n, path, TT_MSG(E_NUM_OUT_OF_RANGE_FMT), n->str);
            return -1;
        }
        out->type = TT_VAL_STR;
        out->as.s = arena ? tt_arena_strdup(arena, n->str) : n->str;
        if (!out->as.s) {
            yoom(err, file, n, path);
            return -1;
        }
        return 0;
    }
    return -1;
}

int yscalar_int(const char *file, const ynode *n, const char *path, int64_t *out,
                tt_error *err)
{
    if (yexpect(file, n, Y_SCALAR, path, err) < 0)
        return -1;
    bool b, overflow = false;
    double d;
    if (yscalar_resolve(n, &b, out, &d, &overflow) != YS_INT) {
        yerror(err, file, n, path, overflow ? TT_MSG(E_NUM_OUT_OF_RANGE_FMT) : TT_MSG(E_NUM_NOT_INTEGER_FMT),
               n->str);
        return -1;
    }
    return 0;
}

int yscalar_uint64(const char *file, const ynode *n, const char *path,
                   uint64_t *out, tt_error *err)
{
    if (yexpect(file, n, Y_SCALAR, path, err) < 0)
        return -1;
    const char *s = n->str;
    if (!n->plain || !*s) {
        yerror(err, file, n, path, TT_MSG(E_NUM_NOT_UINT64_FMT), s,
               UINT64_MAX);
        return -1;
    }
    uint64_t v = 0;
    for (const char *p = s; *p; p++) {
        if (!is_digit(*p)) {
            yerror(err, file, n, path, TT_MSG(E_NUM_NOT_UINT64_FMT),
                   s, UINT64_MAX);
            return -1;
        }
        unsigned digit = (unsigned)(*p - '0');
        if (v > (UINT64_MAX - digit) / 10) {
            yerror(err, file, n, path, TT_MSG(E_NUM_TOO_LARGE_UINT64_FMT), s,
                   UINT64_MAX);
            return -1;
        }
        v = v * 10 + digit;
    }
    *out = v;
    return 0;
}

int yscalar_num(const char *file, const ynode *n, const char *path, double *out,
                tt_error *err)
{
    if (yexpect(file, n, Y_SCALAR, path, err) < 0)
        return -1;
    bool b, overflow;
    int64_t i;
    double d;
    switch (yscalar_resolve(n, &b, &i, &d, &overflow)) {
    case YS_INT:
        *out = (double)i;
        return 0;
    case YS_NUM:
        *out = d;
        return 0;
    default:
        yerror(err, file, n, path, TT_MSG(E_NUM_NOT_NUMBER_FMT), n->str);
        return -1;
    }
}

int yscalar_bool(const char *file, const ynode *n, const char *path, bool *out,
                 tt_error *err)
{
    if (yexpect(file, n, Y_SCALAR, path, err) < 0)
        return -1;
    bool b;
    int64_t i;
    double d;
    if (yscalar_resolve(n, &b, &i, &d, NULL) != YS_BOOL) {
        yerror(err, file, n, path, TT_MSG(E_NUM_NOT_BOOL_FMT), n->str);
        return -1;
    }
    *out = b;
    return 0;
}

int yscalar_text(const char *file, const ynode *n, const char *path,
                 tt_arena *arena, const char **out, tt_error *err)
{
    if (yexpect(file, n, Y_SCALAR, path, err) < 0)
        return -1;
    *out = arena ? tt_arena_strdup(arena, n->str) : n->str;
    if (!*out) {
        yoom(err, file, n, path);
        return -1;
    }
    return 0;
}
