/* The scorecard's fixed texts (see labels.h). */
#include "labels.h"

static const tt_text labels[LBL__COUNT] = {
#define TT_LABEL_TEXT(name, ja, en) [LBL_##name] = { ja, en },
    TT_LABELS(TT_LABEL_TEXT)
#undef TT_LABEL_TEXT
};

const char *tt_lbl(tt_label id, tt_lang lang)
{
    if ((int)id < 0 || id >= LBL__COUNT)
        return "";
    return tt_text_get(&labels[id], lang);
}
