/* The two columns of the terminology table (see tabletop/terms.h). */
#include "tabletop/terms.h"

static const char *const ja[TT_TERM__COUNT] = {
#define TT_TERM_JA(name, ...) [name] = TT_TERM_JA_(__VA_ARGS__),
    TT_TERMS(TT_TERM_JA)
#undef TT_TERM_JA
};

static const char *const en[TT_TERM__COUNT] = {
#define TT_TERM_EN(name, ...) [name] = TT_TERM_EN_(__VA_ARGS__),
    TT_TERMS(TT_TERM_EN)
#undef TT_TERM_EN
};

static const char *const keys[TT_TERM__COUNT] = {
#define TT_TERM_KEY(name, ...) [name] = #name,
    TT_TERMS(TT_TERM_KEY)
#undef TT_TERM_KEY
};

const char *tt_term_text(tt_term id, tt_lang lang)
{
    if ((int)id < 0 || id >= TT_TERM__COUNT)
        return "";
    return lang == TT_LANG_JA ? ja[id] : en[id];
}

const char *tt_term_key(tt_term id)
{
    if ((int)id < 0 || id >= TT_TERM__COUNT)
        return "";
    return keys[id];
}

tt_text tt_term_pair(tt_term id)
{
    return (tt_text){ tt_term_text(id, TT_LANG_JA), tt_term_text(id, TT_LANG_EN) };
}
