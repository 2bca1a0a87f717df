/* The scorecard's SVG figures (HTML only). */
#ifndef TT_SCORE_RENDER_SVG_H
#define TT_SCORE_RENDER_SVG_H

#include "tabletop/score.h"

void sc_svg_timeline(tt_buf *b, const tt_scorecard *card, tt_lang lang);
/* Bars of the earlier runs' scores and this one's (card->n_trend > 0). */
void sc_svg_trend(tt_buf *b, const tt_scorecard *card, tt_lang lang);

#endif
