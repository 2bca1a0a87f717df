/* Bilingual text selection. */
#include "tabletop/base.h"

const char *tt_text_get(const tt_text *t, tt_lang lang)
{
    if (!t)
        return "";
    const char *first = lang == TT_LANG_JA ? t->ja : t->en;
    const char *other = lang == TT_LANG_JA ? t->en : t->ja;
    if (first && *first)
        return first;
    return other ? other : "";
}
