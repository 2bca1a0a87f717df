/* Small helpers shared by the scorecard's builder and writers. */
#ifndef TT_SCORE_UTIL_H
#define TT_SCORE_UTIL_H

#include "tabletop/score.h"

/* printf into the arena; NULL on allocation failure. */
char *sc_printf(tt_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* "h:mm:ss" / "mm:ss", "3d 04:00" from a day on; "—" for TT_MS_NEVER. */
void sc_time(tt_ms t, tt_lang lang, char *buf, size_t size);
/* Whole minutes, rounded up (a 30 s action still costs a minute of attention). */
long sc_minutes(tt_ms t);
/* The first trend row shown: the card shows the last 10 earlier runs. */
size_t sc_trend_first(const tt_scorecard *card);
const char *sc_phase_key(tt_objective_phase p);   /* "isolate" ... */
const char *sc_phase_label(tt_objective_phase p, tt_lang lang);

/* A scenario's source in words: "case N" of the NISC survey by its title in
 * the language; any other source as written; NULL for none. */
const char *sc_source_title(const char *source, tt_lang lang);
/* Why the exercise ended, in words ("length", "settled", "facilitator"). */
const char *sc_end_label(const char *status, tt_lang lang);

#endif
