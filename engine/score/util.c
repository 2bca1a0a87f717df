/* Helpers shared by the scorecard's builder and writers. */
#include "util.h"
#include "labels.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

char *sc_printf(tt_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *out = n >= 0 ? tt_arena_alloc(a, (size_t)n + 1) : NULL;
    if (out)
        vsnprintf(out, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return out;
}

void sc_time(tt_ms t, tt_lang lang, char *buf, size_t size)
{
    (void)lang; /* one notation in both languages */
    tt_ms_format(t < 0 ? 0 : t, buf, size); /* nothing happens before the start */
}

long sc_minutes(tt_ms t)
{
    if (t <= 0 || t == TT_MS_NEVER)
        return 0;
    return (long)((t + 59999) / 60000);
}

size_t sc_trend_first(const tt_scorecard *card)
{
    return card->n_trend > 10 ? card->n_trend - 10 : 0;
}

const char *sc_phase_key(tt_objective_phase p)
{
    switch (p) {
    case TT_OBJ_ISOLATE: return "isolate";
    case TT_OBJ_REPORT: return "report";
    case TT_OBJ_RECOVER: return "recover";
    }
    return "?";
}

const char *sc_phase_label(tt_objective_phase p, tt_lang lang)
{
    static const tt_term names[] = { LBL_PHASE_ISOLATE, LBL_PHASE_REPORT, LBL_PHASE_RECOVER };
    return (unsigned)p <= TT_OBJ_RECOVER ? tt_term_text(names[p], lang) : "?";
}

const char *sc_end_label(const char *status, tt_lang lang)
{
    if (!status)
        return "—";
    if (strcmp(status, "length") == 0)
        return tt_lbl(LBL_END_LENGTH, lang);
    if (strcmp(status, "settled") == 0)
        return tt_lbl(LBL_END_SETTLED, lang);
    if (strcmp(status, "facilitator") == 0)
        return tt_lbl(LBL_END_FACILITATOR, lang);
    return status;
}
