/* The OS's and the libraries' own texts in the message language, from the
 * terms table (include/tabletop/terms_libs.h): one place that words them,
 * so "読み込めません: No such file or directory" cannot happen. */
#include "tabletop/terms.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* A few results per thread (the web server words errors on its own thread),
 * so two texts can be arguments of one message. */
static char *next_slot(void)
{
    static _Thread_local char slots[4][512];
    static _Thread_local unsigned next;
    return slots[next++ % 4];
}

static const struct {
    int code;
    tt_term term;
} os_terms[] = {
#define TT_OS_CODE_(X, code, ja, en) { code, E_OS_##code },
    TT_OS_ERRORS(TT_OS_CODE_, unused)
#undef TT_OS_CODE_
};

const char *tt_os_error(int errnum)
{
    int saved = errno;
    tt_lang lang = tt_lang_messages();
    const char *text = NULL;
    for (size_t i = 0; i < sizeof os_terms / sizeof os_terms[0] && !text; i++)
        if (os_terms[i].code == errnum)
            text = tt_term_text(os_terms[i].term, lang);
    if (!text) {
        char *out = next_slot();
        snprintf(out, 512, TT_FMT(lang, E_OS_OTHER_FMT), strerror(errnum));
        text = out;
    }
    errno = saved;
    return text;
}

static const tt_term yaml_terms[] = {
#define TT_LIB_ID_(name, ...) name,
    TT_TERMS_LIBYAML(TT_LIB_ID_)
};
static const tt_term sqlite_terms[] = {
    TT_TERMS_SQLITE(TT_LIB_ID_)
#undef TT_LIB_ID_
};

/* The entry whose English column is the library's text, or -1. */
static int find(tt_lib lib, const char *text)
{
    const tt_term *terms = lib == TT_LIB_SQLITE ? sqlite_terms : yaml_terms;
    size_t n = lib == TT_LIB_SQLITE ? sizeof sqlite_terms / sizeof sqlite_terms[0]
                                    : sizeof yaml_terms / sizeof yaml_terms[0];
    for (size_t i = 0; text && i < n; i++)
        if (strcmp(tt_term_text(terms[i], TT_LANG_EN), text) == 0)
            return (int)terms[i];
    return -1;
}

const char *tt_lib_text(tt_lib lib, const char *text, const char *detail)
{
    int saved = errno;
    tt_lang lang = tt_lang_messages();
    const char *said = detail ? detail : text;
    const char *out = said; /* English: the library's own text */
    int term = find(lib, text);
    if (!said) {
        out = tt_term_text(E_YAML_UNKNOWN_PROBLEM, lang);
    } else if (lang == TT_LANG_JA && term >= 0 && strcmp(said, text) == 0) {
        out = tt_term_text((tt_term)term, lang);
    } else if (lang == TT_LANG_JA && term >= 0) {
        char *buf = next_slot();
        snprintf(buf, 512, TT_FMT(lang, E_LIB_DETAIL_FMT), tt_term_text((tt_term)term, lang),
                 detail);
        out = buf;
    } else if (lang == TT_LANG_JA) {
        char *buf = next_slot();
        if (lib == TT_LIB_SQLITE)
            snprintf(buf, 512, TT_FMT(lang, E_SQLITE_OTHER_FMT), said);
        else
            snprintf(buf, 512, TT_FMT(lang, E_LIBYAML_OTHER_FMT), said);
        out = buf;
    }
    errno = saved;
    return out;
}
