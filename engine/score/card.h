/* Internal steps of building a scorecard. */
#ifndef TT_SCORE_CARD_H
#define TT_SCORE_CARD_H

#include "tabletop/score.h"

/* The improvement plan (AAR/IP rows) from the rated card. 0 ok, -1 OOM. */
int sc_build_findings(tt_scorecard *card);

#endif
