/* SVG timeline of a scorecard (part of the HTML writer). */
#ifndef TT_SCORE_RENDER_SVG_H
#define TT_SCORE_RENDER_SVG_H

#include "sbuf.h"
#include "tabletop/score.h"

void sc_svg_timeline(sbuf *b, const tt_scorecard *card, tt_lang lang);

#endif
