/* Scorecard writers; each returns a malloc'd string or NULL (out of memory). */
#ifndef TT_SCORE_RENDER_H
#define TT_SCORE_RENDER_H

#include "tabletop/score.h"

char *sc_render_json(const tt_scorecard *card, tt_lang lang, size_t *len);

const char *sc_event_kind_key(tt_score_event_kind k);   /* "inject", ... */

#endif
