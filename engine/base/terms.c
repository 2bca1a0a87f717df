/* The two columns of the terminology table (see tabletop/terms.h), and the
 * terms' names. Each column is one block of text with the terms' offsets
 * in it, not an array of pointers: pointers would be relocated at every
 * start, copying the pages that hold them (about 9 page faults and 4,400
 * relocations per process); offsets are plain read-only data, read only
 * where a term is looked up. */
#include "tabletop/terms.h"

#include <stddef.h>
#include <stdint.h>

/* A struct of one char array per term, each exactly its text's size. */
#define TT_TERM_JA_FIELD(name, ...) char name[sizeof(TT_TERM_JA_(__VA_ARGS__))];
#define TT_TERM_EN_FIELD(name, ...) char name[sizeof(TT_TERM_EN_(__VA_ARGS__))];
#define TT_TERM_KEY_FIELD(name, ...) char name[sizeof(#name)];
#define TT_TERM_JA_INIT(name, ...) TT_TERM_JA_(__VA_ARGS__),
#define TT_TERM_EN_INIT(name, ...) TT_TERM_EN_(__VA_ARGS__),
#define TT_TERM_KEY_INIT(name, ...) #name,

static const struct ja_texts { TT_TERMS(TT_TERM_JA_FIELD) } ja = { TT_TERMS(TT_TERM_JA_INIT) };
static const struct en_texts { TT_TERMS(TT_TERM_EN_FIELD) } en = { TT_TERMS(TT_TERM_EN_INIT) };
static const struct key_texts { TT_TERMS(TT_TERM_KEY_FIELD) } keys = { TT_TERMS(TT_TERM_KEY_INIT) };

#define TT_TERM_JA_AT(name, ...) [name] = offsetof(struct ja_texts, name),
#define TT_TERM_EN_AT(name, ...) [name] = offsetof(struct en_texts, name),
#define TT_TERM_KEY_AT(name, ...) [name] = offsetof(struct key_texts, name),

static const uint32_t ja_at[TT_TERM__COUNT] = { TT_TERMS(TT_TERM_JA_AT) };
static const uint32_t en_at[TT_TERM__COUNT] = { TT_TERMS(TT_TERM_EN_AT) };
static const uint32_t key_at[TT_TERM__COUNT] = { TT_TERMS(TT_TERM_KEY_AT) };

const char *tt_term_text(tt_term id, tt_lang lang)
{
    if ((int)id < 0 || id >= TT_TERM__COUNT)
        return "";
    return lang == TT_LANG_JA ? (const char *)&ja + ja_at[id] : (const char *)&en + en_at[id];
}

const char *tt_term_key(tt_term id)
{
    if ((int)id < 0 || id >= TT_TERM__COUNT)
        return "";
    return (const char *)&keys + key_at[id];
}

tt_text tt_term_pair(tt_term id)
{
    return (tt_text){ tt_term_text(id, TT_LANG_JA), tt_term_text(id, TT_LANG_EN) };
}
