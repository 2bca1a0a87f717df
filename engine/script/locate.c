/* Best-effort source line of a field path ("actions.pull_cable.takes",
 * "injects[2].at") in a scenario file.
 *
 * Lua keeps no line information for table constructors, so validation
 * errors would otherwise all point at `return scenario {`. This follows the
 * path through the literal tables of the source text: a light tokenizer
 * (comments, strings and long brackets skipped, braces matched) finds
 * `key =` / `["key"] =` at the right nesting level, and the n-th item of a
 * list. Where the source does not spell the path out (a table built by
 * code, a local variable), it stops at the deepest part it found. It only
 * reads the text, and only ever returns a line that holds a matching key. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "locate.h"
#include "tabletop/base.h"

enum tok_kind { T_NAME, T_STRING, T_LBRACE, T_RBRACE, T_LBRACKET, T_RBRACKET, T_LPAREN,
                T_RPAREN, T_EQ, T_SEP, T_OTHER };

typedef struct tok {
    enum tok_kind kind;
    int line;
    const char *text;  /* names and strings (without quotes): pointer into source */
    size_t len;
} tok;

typedef struct toks {
    tok *v;
    size_t n, cap;
} toks;

static bool push(toks *t, const tok *k)
{
    if (!tt_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v))
        return false;
    t->v[t->n++] = *k;
    return true;
}

/* Level of a long bracket at p ("[[", "[==["), or -1. */
static int long_bracket(const char *p, const char *end)
{
    if (p >= end || *p != '[')
        return -1;
    int level = 0;
    p++;
    while (p < end && *p == '=') {
        level++;
        p++;
    }
    return (p < end && *p == '[') ? level : -1;
}

/* Skip a long bracket body; returns the position after it. */
static const char *skip_long(const char *p, const char *end, int level, int *line)
{
    p += level + 2;
    while (p < end) {
        if (*p == '\n')
            (*line)++;
        if (*p == ']') {
            const char *q = p + 1;
            int n = 0;
            while (q < end && *q == '=') {
                n++;
                q++;
            }
            if (n == level && q < end && *q == ']')
                return q + 1;
        }
        p++;
    }
    return end;
}

typedef struct lexer {
    const char *p, *end;
    int line;
} lexer;

/* Character classes of the light lexer: a table, as it runs over every
 * byte of the file at every load. */
enum { C_SPACE = 1, C_NAME_START = 2, C_NAME = 4 };
static const unsigned char CLASS[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 0, 0, 0, 0, 0,
    0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 0, 0, 0, 6,
    0, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Does any of the 8 bytes in x equal b? (exact as a yes/no) */
static uint64_t has_byte(uint64_t x, unsigned char b)
{
    uint64_t v = x ^ (0x0101010101010101ull * b);
    return (v - 0x0101010101010101ull) & ~v & 0x8080808080808080ull;
}

/* Where a quoted string's text may stop: its quote, a backslash or a line
 * break. Eight bytes at a time, as most of a scenario's text is inside
 * strings (this runs on every load). */
static const char *string_stop(const char *p, const char *end, char quote)
{
    while (end - p >= 8) {
        uint64_t x;
        memcpy(&x, p, 8);
        if (has_byte(x, (unsigned char)quote) | has_byte(x, '\\') | has_byte(x, '\n'))
            break;
        p += 8;
    }
    while (p < end && *p != quote && *p != '\\' && *p != '\n')
        p++;
    return p;
}

/* The next token, or false at the end of the text. */
static bool lex_next(lexer *lx, tok *out)
{
    const char *p = lx->p, *end = lx->end;
    for (;;) {
        while (p < end && (CLASS[(unsigned char)*p] & C_SPACE))
            p++;
        if (p >= end) {
            lx->p = p;
            return false;
        }
        if (*p == '\n') {
            lx->line++;
            p++;
        } else if (*p == '-' && p + 1 < end && p[1] == '-') {
            p += 2;
            int level = long_bracket(p, end);
            if (level >= 0) {
                p = skip_long(p, end, level, &lx->line);
            } else {
                const char *nl = memchr(p, '\n', (size_t)(end - p));
                p = nl ? nl : end;
            }
        } else {
            break;
        }
    }
    char c = *p;
    *out = (tok){ T_OTHER, lx->line, NULL, 0 };
    if (c == '"' || c == '\'') {
        const char *start = ++p;
        while ((p = string_stop(p, end, c)) < end && *p != c) {
            if (*p == '\\' && p + 1 < end) {
                if (p[1] == '\n')
                    lx->line++;
                p++;
            } else if (*p == '\n') {
                break; /* unfinished string: Lua would not have run this */
            }
            p++;
        }
        *out = (tok){ T_STRING, lx->line, start, (size_t)(p - start) };
        if (p < end)
            p++;
    } else if (c == '[') {
        int level = long_bracket(p, end);
        if (level >= 0) {
            out->kind = T_STRING; /* a long string: no text, never a key */
            p = skip_long(p, end, level, &lx->line);
        } else {
            out->kind = T_LBRACKET;
            p++;
        }
    } else if (CLASS[(unsigned char)c] & C_NAME_START) {
        const char *start = p;
        while (p < end && (CLASS[(unsigned char)*p] & C_NAME))
            p++;
        *out = (tok){ T_NAME, lx->line, start, (size_t)(p - start) };
    } else {
        size_t n = 1;
        switch (c) {
        case '{': out->kind = T_LBRACE; break;
        case '}': out->kind = T_RBRACE; break;
        case ']': out->kind = T_RBRACKET; break;
        case '(': out->kind = T_LPAREN; break;
        case ')': out->kind = T_RPAREN; break;
        case ',': case ';': out->kind = T_SEP; break;
        case '=':
            if (p + 1 < end && p[1] == '=')
                n = 2;
            else
                out->kind = T_EQ;
            break;
        case '~': case '<': case '>':
            if (p + 1 < end && p[1] == '=')
                n = 2;
            break;
        default: break;
        }
        p += n;
    }
    lx->p = p;
    return true;
}

static bool tokenize(const char *src, size_t len, toks *out)
{
    lexer lx = { src, src + len, 1 };
    tok k;
    while (lex_next(&lx, &k))
        if (!push(out, &k))
            return false;
    return true;
}

static bool is(const tok *t, const char *s)
{
    size_t n = strlen(s);
    return t->len == n && t->text && memcmp(t->text, s, n) == 0;
}

/* Index of the brace closing the one at `open`, or n. */
static size_t closing(const toks *t, size_t open)
{
    int depth = 0;
    for (size_t i = open; i < t->n; i++) {
        if (t->v[i].kind == T_LBRACE)
            depth++;
        else if (t->v[i].kind == T_RBRACE && --depth == 0)
            return i;
    }
    return t->n;
}

/* Inside the table at `open`: the token holding `key` at its own level, and
 * where its value starts. */
static bool find_key(const toks *t, size_t open, const char *key, size_t *key_at,
                     size_t *value_at)
{
    size_t close = closing(t, open);
    int depth = 0; /* braces, brackets and parentheses below the table */
    for (size_t i = open + 1; i < close; i++) {
        enum tok_kind k = t->v[i].kind;
        if (k == T_LBRACE || k == T_LPAREN || (k == T_LBRACKET && depth > 0)) {
            depth++;
            continue;
        }
        if (k == T_RBRACE || k == T_RPAREN || (k == T_RBRACKET && depth > 0)) {
            depth--;
            continue;
        }
        if (depth != 0)
            continue;
        if (k == T_NAME && is(&t->v[i], key) && i + 1 < close && t->v[i + 1].kind == T_EQ &&
            (i == open + 1 || t->v[i - 1].kind == T_SEP || t->v[i - 1].kind == T_LBRACE)) {
            *key_at = i;
            *value_at = i + 2;
            return true;
        }
        if (k == T_LBRACKET && i + 3 < close && t->v[i + 1].kind == T_STRING &&
            is(&t->v[i + 1], key) && t->v[i + 2].kind == T_RBRACKET &&
            t->v[i + 3].kind == T_EQ) {
            *key_at = i + 1;
            *value_at = i + 4;
            return true;
        }
        if (k == T_LBRACKET) { /* a computed key: skip to its ] */
            int d = 1;
            while (++i < close && d > 0) {
                if (t->v[i].kind == T_LBRACKET)
                    d++;
                else if (t->v[i].kind == T_RBRACKET)
                    d--;
            }
            i--;
        }
    }
    return false;
}

/* Inside the table at `open`: where its n-th positional item (1-based)
 * starts. Named fields are not counted. */
static bool find_item(const toks *t, size_t open, long n, size_t *item_at)
{
    size_t close = closing(t, open);
    int depth = 0;
    long count = 0;
    bool at_start = true;
    for (size_t i = open + 1; i < close; i++) {
        enum tok_kind k = t->v[i].kind;
        if (depth == 0 && at_start) {
            at_start = false;
            bool named = (k == T_NAME && i + 1 < close && t->v[i + 1].kind == T_EQ) ||
                         k == T_LBRACKET;
            if (!named && ++count == n) {
                *item_at = i;
                return true;
            }
        }
        if (k == T_LBRACE || k == T_LPAREN || k == T_LBRACKET)
            depth++;
        else if (k == T_RBRACE || k == T_RPAREN || k == T_RBRACKET)
            depth--;
        else if (k == T_SEP && depth == 0)
            at_start = true;
    }
    return false;
}

/* The `{` of the table given to scenario on line call_line. */
static bool scenario_table(const toks *t, int call_line, size_t *open)
{
    for (size_t i = 0; i + 1 < t->n; i++) {
        if (t->v[i].kind != T_NAME || t->v[i].line != call_line || !is(&t->v[i], "scenario"))
            continue;
        size_t j = i + 1;
        if (t->v[j].kind == T_LPAREN)
            j++;
        if (j < t->n && t->v[j].kind == T_LBRACE) {
            *open = j;
            return true;
        }
    }
    return false;
}

int tt_locate_field(const char *src, size_t len, int call_line, const char *path)
{
    toks t = { NULL, 0, 0 };
    int line = 0;
    size_t open;
    if (!path || !tokenize(src, len, &t) || !scenario_table(&t, call_line, &open))
        goto done;
    const char *p = path;
    if (strncmp(p, "scenario", 8) == 0 && (p[8] == '\0' || p[8] == '.'))
        goto done; /* the table itself: its own line is the call's */
    while (*p) {
        size_t at, value;
        if (*p == '[') {
            long n = strtol(p + 1, (char **)&p, 10);
            if (*p != ']' || !find_item(&t, open, n, &at))
                break;
            p++;
            line = t.v[at].line;
            value = at;
        } else {
            char key[128];
            size_t k = 0;
            while (*p && *p != '.' && *p != '[' && k + 1 < sizeof key)
                key[k++] = *p++;
            key[k] = '\0';
            if (!find_key(&t, open, key, &at, &value))
                break;
            line = t.v[at].line;
        }
        if (*p == '.')
            p++;
        if (!*p || value >= t.n || t.v[value].kind != T_LBRACE)
            break;
        open = value;
    }
done:
    free(t.v);
    return line;
}

/* Does one literal table name the same key twice at its own level? */
static bool duplicate_in(const toks *t, size_t open, size_t *first, size_t *second)
{
    size_t close = closing(t, open);
    int depth = 0;
    size_t seen[256];
    size_t n = 0;
    for (size_t i = open + 1; i < close; i++) {
        enum tok_kind k = t->v[i].kind;
        if (k == T_LBRACE || k == T_LPAREN || (k == T_LBRACKET && depth > 0)) {
            depth++;
            continue;
        }
        if (k == T_RBRACE || k == T_RPAREN || (k == T_RBRACKET && depth > 0)) {
            depth--;
            continue;
        }
        if (depth != 0)
            continue;
        size_t key = t->n;
        if (k == T_NAME && i + 1 < close && t->v[i + 1].kind == T_EQ &&
            (i == open + 1 || t->v[i - 1].kind == T_SEP || t->v[i - 1].kind == T_LBRACE))
            key = i;
        else if (k == T_LBRACKET && i + 3 < close && t->v[i + 1].kind == T_STRING &&
                 t->v[i + 1].text && t->v[i + 2].kind == T_RBRACKET && t->v[i + 3].kind == T_EQ)
            key = i + 1;
        if (k == T_LBRACKET) { /* skip to the matching ] */
            int d = 1;
            while (++i < close && d > 0) {
                if (t->v[i].kind == T_LBRACKET)
                    d++;
                else if (t->v[i].kind == T_RBRACKET)
                    d--;
            }
            i--;
        }
        if (key == t->n)
            continue;
        for (size_t j = 0; j < n; j++) {
            const tok *a = &t->v[seen[j]], *b = &t->v[key];
            if (a->len == b->len && memcmp(a->text, b->text, a->len) == 0) {
                *first = seen[j];
                *second = key;
                return true;
            }
        }
        if (n < sizeof seen / sizeof seen[0])
            seen[n++] = key;
    }
    return false;
}

/* The exact check over the token list: which table, which key, which lines. */
static bool find_duplicate(const char *src, size_t len, int call_line, char *key,
                           size_t key_size, int *first_line, int *second_line)
{
    toks t = { NULL, 0, 0 };
    size_t open;
    bool found = false;
    if (tokenize(src, len, &t) && scenario_table(&t, call_line, &open)) {
        size_t close = closing(&t, open);
        for (size_t i = open; i < close && !found; i++) {
            size_t a, b;
            if (t.v[i].kind == T_LBRACE && duplicate_in(&t, i, &a, &b)) {
                snprintf(key, key_size, "%.*s", (int)t.v[a].len, t.v[a].text);
                *first_line = t.v[a].line;
                *second_line = t.v[b].line;
                found = true;
            }
        }
    }
    free(t.v);
    return found;
}

/* ---- Keys given twice ----
 *
 * The exact check (find_duplicate above) scans each literal table inside
 * the scenario's table over the whole token list: about a tenth of loading
 * a scenario. It runs on every load, and almost always finds nothing, so a
 * single pass first proves there is nothing to find: when every brace,
 * parenthesis and bracket inside the scenario's table closes the one
 * opened last, a table sees keys exactly where none of its own brackets or
 * parentheses is open, which this pass follows with one stack. Only when
 * that pass finds a key twice, or anything it does not follow (a closer
 * of the wrong kind, a table left open, more keys than the exact check
 * remembers), does the exact check run and say what and where. */

enum { MAX_KEYS = 256 }; /* keys the exact check remembers per table */

typedef struct key_ref {
    const char *text;
    size_t len;
} key_ref;

typedef struct quick_scan {
    char *open;             /* kinds of the open braces, parentheses and brackets */
    size_t *keys_from;      /* per open brace: where its keys start in keys */
    size_t n_open, cap_open, n_braces, cap_braces;
    key_ref *keys;          /* the keys of every open table, innermost last */
    size_t n_keys, cap_keys;
} quick_scan;

enum quick_result { QUICK_NONE, QUICK_LOOK }; /* nothing to find, or look closer */

static bool quick_push(quick_scan *q, char kind)
{
    if (!tt_grow(&q->open, &q->cap_open, q->n_open + 1, 1))
        return false;
    q->open[q->n_open++] = kind;
    if (kind != '{')
        return true;
    if (!tt_grow(&q->keys_from, &q->cap_braces, q->n_braces + 1, sizeof *q->keys_from))
        return false;
    q->keys_from[q->n_braces++] = q->n_keys;
    return true;
}

/* A key of the innermost table: false when it is there already, or the
 * table has more keys than the exact check would remember. */
static bool quick_key(quick_scan *q, const char *text, size_t len)
{
    size_t from = q->keys_from[q->n_braces - 1];
    if (q->n_keys - from >= MAX_KEYS)
        return false;
    for (size_t i = from; i < q->n_keys; i++)
        if (q->keys[i].len == len && memcmp(q->keys[i].text, text, len) == 0)
            return false;
    if (!tt_grow(&q->keys, &q->cap_keys, q->n_keys + 1, sizeof *q->keys))
        return false;
    q->keys[q->n_keys++] = (key_ref){ text, len };
    return true;
}

static enum quick_result quick_check(const char *src, size_t len, int call_line)
{
    lexer lx = { src, src + len, 1 };
    quick_scan q = { 0 };
    enum quick_result r = QUICK_LOOK;
    tok cur, name = { T_OTHER, 0, NULL, 0 }, str = { T_OTHER, 0, NULL, 0 };
    enum tok_kind prev = T_OTHER;
    int before = 0;     /* looking for the table: 1 after `scenario`, 2 after `scenario (` */
    int bracket = 0;    /* a `["text"] =` key: 1 after `[`, 2 after the text, 3 after `]` */
    bool started = false, pending = false;
    while (lex_next(&lx, &cur)) {
        enum tok_kind k = cur.kind;
        if (!started) {
            if (k == T_LBRACE && before > 0) {
                started = true;
                if (!quick_push(&q, '{'))
                    goto done;
            } else if (k == T_LPAREN && before == 1) {
                before = 2;
            } else {
                before = k == T_NAME && cur.line == call_line && cur.len == 8 &&
                         memcmp(cur.text, "scenario", 8) == 0;
            }
            prev = k;
            continue;
        }
        if (pending && k == T_EQ && !quick_key(&q, name.text, name.len))
            goto done;
        pending = false;
        if (bracket == 1)
            bracket = k == T_STRING && cur.text ? (str = cur, 2) : 0;
        else if (bracket == 2)
            bracket = k == T_RBRACKET ? 3 : 0;
        else if (bracket == 3) {
            if (k == T_EQ && !quick_key(&q, str.text, str.len))
                goto done;
            bracket = 0;
        }
        bool at_table = q.open[q.n_open - 1] == '{';
        if (k == T_LBRACE || k == T_LPAREN || k == T_LBRACKET) {
            if (k == T_LBRACKET && at_table)
                bracket = 1;
            if (!quick_push(&q, k == T_LBRACE ? '{' : k == T_LPAREN ? '(' : '['))
                goto done;
        } else if (k == T_RBRACE || k == T_RPAREN || k == T_RBRACKET) {
            char want = k == T_RBRACE ? '{' : k == T_RPAREN ? '(' : '[';
            if (q.open[q.n_open - 1] != want)
                goto done; /* not nested as the quick pass assumes */
            q.n_open--;
            if (want == '{')
                q.n_keys = q.keys_from[--q.n_braces];
            if (q.n_open == 0) {
                r = QUICK_NONE; /* the scenario's table closed: nothing twice */
                goto done;
            }
        } else if (k == T_NAME && at_table && (prev == T_SEP || prev == T_LBRACE)) {
            name = cur;
            pending = true;
        }
        prev = k;
    }
    if (!started)
        r = QUICK_NONE; /* no table given to scenario on that line: nothing to check */
done:
    free(q.open);
    free(q.keys_from);
    free(q.keys);
    return r;
}

bool tt_locate_duplicate(const char *src, size_t len, int call_line, char *key,
                         size_t key_size, int *first_line, int *second_line)
{
    if (quick_check(src, len, call_line) == QUICK_NONE)
        return false;
    return find_duplicate(src, len, call_line, key, key_size, first_line, second_line);
}
