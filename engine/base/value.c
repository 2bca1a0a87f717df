/* Scalar state values: comparison and canonical formatting. */
#include "tabletop/base.h"
#include "tabletop/terms.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

bool tt_value_equal(const tt_value *a, const tt_value *b)
{
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case TT_VAL_BOOL: return a->as.b == b->as.b;
    case TT_VAL_INT: return a->as.i == b->as.i;
    /* Bitwise-equal doubles are what determinism needs; NaN never occurs
     * in state because the host refuses it. */
    case TT_VAL_NUM: return memcmp(&a->as.n, &b->as.n, sizeof a->as.n) == 0;
    case TT_VAL_STR:
        return (a->as.s == b->as.s) ||
               (a->as.s && b->as.s && strcmp(a->as.s, b->as.s) == 0);
    }
    return false;
}

int tt_value_format(const tt_value *v, char *buf, size_t size)
{
    switch (v->type) {
    case TT_VAL_BOOL: return snprintf(buf, size, "%s", v->as.b ? "true" : "false");
    case TT_VAL_INT: return snprintf(buf, size, "%" PRId64, v->as.i);
    case TT_VAL_NUM:
        /* %.17g round-trips every double exactly. */
        return snprintf(buf, size, "%.17g", v->as.n);
    case TT_VAL_STR: return snprintf(buf, size, "%s", v->as.s ? v->as.s : "");
    }
    return snprintf(buf, size, "?");
}

int tt_number_text(double v, tt_lang lang, char *buf, size_t size)
{
    if (isnan(v)) /* the sign of a NaN means nothing to a reader */
        return snprintf(buf, size, "%s", tt_term_text(E_NUM_NAN, lang));
    if (isinf(v))
        return snprintf(buf, size, "%s",
                        tt_term_text(v > 0 ? E_NUM_INFINITY : E_NUM_MINUS_INFINITY, lang));
    /* integral, without libm (tt_base does not link it) */
    if (v > -1e15 && v < 1e15 && v == (double)(long long)v)
        return snprintf(buf, size, "%.0f", v == 0 ? 0.0 : v); /* no "-0" */
    return snprintf(buf, size, "%.14g", v);
}

double tt_value_number(const tt_value *v)
{
    switch (v->type) {
    case TT_VAL_BOOL: return v->as.b ? 1.0 : 0.0;
    case TT_VAL_INT: return (double)v->as.i;
    case TT_VAL_NUM: return v->as.n;
    case TT_VAL_STR: return 0.0;
    }
    return 0.0;
}

int tt_value_display(const tt_value *v, tt_lang lang, char *buf, size_t size)
{
    if (v && v->type == TT_VAL_BOOL) {
        int n = snprintf(buf, size, "%s", v->as.b ? (lang == TT_LANG_JA ? "はい" : "yes")
                                                  : (lang == TT_LANG_JA ? "いいえ" : "no"));
        return n < 0 || (size_t)n >= size ? -1 : n;
    }
    return tt_value_format(v, buf, size);
}
