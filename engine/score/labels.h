/* The scorecard's fixed texts: entries LBL_* of the terminology table. */
#ifndef TT_SCORE_LABELS_H
#define TT_SCORE_LABELS_H

#include "tabletop/terms.h"

typedef tt_term tt_label;

static inline const char *tt_lbl(tt_label id, tt_lang lang)
{
    return tt_term_text(id, lang);
}

#endif
