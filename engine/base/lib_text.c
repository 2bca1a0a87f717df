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

static const tt_term lua_terms[] = {
#define TT_LIB_ID_(name, ...) name,
    TT_TERMS_LUA(TT_LIB_ID_)
};
static const tt_term dl_terms[] = {
    TT_TERMS_DL(TT_LIB_ID_)
#undef TT_LIB_ID_
};

/* A library's templates (entries whose text has %s parts). */
typedef struct templates {
    const tt_term *terms;
    size_t n;
    bool os_parts; /* a part may be an OS text (strerror's words) */
} templates;

static const templates lua_templates = { lua_terms, sizeof lua_terms / sizeof lua_terms[0], false };
static const templates dl_templates = { dl_terms, sizeof dl_terms / sizeof dl_terms[0], true };

/* An OS text (strerror's words) in Japanese, or NULL. */
static const char *os_text_ja(const char *text)
{
    for (size_t i = 0; i < sizeof os_terms / sizeof os_terms[0]; i++)
        if (strcmp(text, tt_term_text(os_terms[i].term, TT_LANG_EN)) == 0)
            return tt_term_text(os_terms[i].term, TT_LANG_JA);
    return NULL;
}

/* Does text match the template tpl ("attempt to index a %s value%s")? Each
 * %s takes the shortest run that lets the rest match; caps[i] = start and
 * length of the i-th. */
#define LUA_CAPS 3
static bool match(const char *tpl, const char *text, const char *cap[], size_t len[], int k)
{
    if (!*tpl)
        return !*text;
    if (tpl[0] == '%' && tpl[1] == 's') {
        if (k >= LUA_CAPS)
            return false;
        for (size_t n = 0;; n++) {
            cap[k] = text;
            len[k] = n;
            if (match(tpl + 2, text + n, cap, len, k + 1))
                return true;
            if (!text[n])
                return false;
        }
    }
    return *tpl == *text && match(tpl + 1, text + 1, cap, len, k);
}

static int count_caps(const char *tpl)
{
    int n = 0;
    for (const char *p = strstr(tpl, "%s"); p; p = strstr(p + 2, "%s"))
        n++;
    return n;
}

/* A library's message in Japanese into out, or false when no template
 * fits; the captured parts are worded again (depth: "(field 'x')" inside,
 * "'end' expected (...)" before " near ..."). */
static bool template_ja(const templates *t, const char *text, char *out, size_t size, int depth)
{
    for (size_t i = 0; i < t->n; i++) {
        const char *tpl = tt_term_text(t->terms[i], TT_LANG_EN);
        const char *cap[LUA_CAPS] = { 0 };
        size_t len[LUA_CAPS] = { 0 };
        int n = count_caps(tpl);
        if (n > LUA_CAPS || !match(tpl, text, cap, len, 0))
            continue;
        char part[LUA_CAPS][256];
        for (int c = 0; c < LUA_CAPS; c++) {
            snprintf(part[c], sizeof part[c], "%.*s", c < n ? (int)len[c] : 0, c < n ? cap[c] : "");
            char again[256];
            const char *os = t->os_parts && part[c][0] ? os_text_ja(part[c]) : NULL;
            if (os)
                snprintf(part[c], sizeof part[c], "%s", os);
            else if (depth < 2 && part[c][0] && template_ja(t, part[c], again, sizeof again, depth + 1))
                memcpy(part[c], again, sizeof again);
        }
        /* The Japanese column takes the same %s in the same order
         * (tests/base/test_error_texts.c checks it). */
        const char *ja = tt_term_text(t->terms[i], TT_LANG_JA);
        size_t o = 0;
        int c = 0;
        for (const char *p = ja; *p && o + 1 < size; p++) {
            if (p[0] == '%' && p[1] == 's' && c < LUA_CAPS) {
                o += (size_t)snprintf(out + o, size - o, "%s", part[c++]);
                if (o >= size)
                    o = size - 1;
                p++;
            } else {
                out[o++] = *p;
            }
        }
        out[o] = '\0';
        return true;
    }
    return false;
}

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
    if (lib == TT_LIB_LUA || lib == TT_LIB_DL) {
        char *buf = next_slot();
        const templates *t = lib == TT_LIB_LUA ? &lua_templates : &dl_templates;
        /* Lua's own messages are short; a long one is a script's error() text. */
        if (said && strlen(said) < 400 && lang == TT_LANG_JA && template_ja(t, said, buf, 512, 0))
            out = buf;
        errno = saved;
        return out ? out : "";
    }
    if (lib == TT_LIB_PQ) {
        if (said && lang == TT_LANG_JA) {
            char *buf = next_slot();
            /* libpq ends its messages with a newline: inside the frame, not after it. */
            size_t n = strlen(said);
            while (n > 0 && (said[n - 1] == '\n' || said[n - 1] == ' '))
                n--;
            char kept[480];
            snprintf(kept, sizeof kept, "%.*s", (int)(n < sizeof kept ? n : sizeof kept - 1), said);
            snprintf(buf, 512, TT_FMT(lang, E_PQ_OTHER_FMT), kept);
            out = buf;
        }
        errno = saved;
        return out ? out : "";
    }
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
