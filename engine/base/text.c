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

#include <stdlib.h>
#include <string.h>

tt_lang tt_lang_from_env(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "ja", 2) == 0 ? TT_LANG_JA : TT_LANG_EN;
    }
    return TT_LANG_EN;
}

static bool messages_set;
static tt_lang messages_lang;

tt_lang tt_lang_messages(void)
{
    return messages_set ? messages_lang : tt_lang_from_env();
}

void tt_lang_messages_set(tt_lang lang)
{
    messages_lang = lang;
    messages_set = true;
}

bool tt_lang_parse(const char *s, tt_lang *out)
{
    if (s && strcmp(s, "ja") == 0) {
        *out = TT_LANG_JA;
        return true;
    }
    if (s && strcmp(s, "en") == 0) {
        *out = TT_LANG_EN;
        return true;
    }
    return false;
}

const char *tt_lang_name(tt_lang lang)
{
    return lang == TT_LANG_JA ? "ja" : "en";
}

bool tt_to_includes(const char *to, const char *role)
{
    if (!to || !*to)
        return true;
    if (!role)
        return false;
    size_t n = strlen(role);
    for (const char *p = to; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        if (len == n && strncmp(p, role, n) == 0)
            return true;
        if (!end)
            break;
        p = end + 1;
    }
    return false;
}
