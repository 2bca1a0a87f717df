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

static bool push(toks *t, enum tok_kind kind, int line, const char *text, size_t len)
{
    if (!tt_grow(&t->v, &t->cap, t->n + 1, sizeof *t->v))
        return false;
    t->v[t->n++] = (tok){ kind, line, text, len };
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

static bool tokenize(const char *src, size_t len, toks *out)
{
    const char *p = src, *end = src + len;
    int line = 1;
    while (p < end) {
        char c = *p;
        if (c == '\n') {
            line++;
            p++;
        } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            p++;
        } else if (c == '-' && p + 1 < end && p[1] == '-') {
            p += 2;
            int level = long_bracket(p, end);
            if (level >= 0) {
                p = skip_long(p, end, level, &line);
            } else {
                while (p < end && *p != '\n')
                    p++;
            }
        } else if (c == '"' || c == '\'') {
            const char *start = ++p;
            while (p < end && *p != c) {
                if (*p == '\\' && p + 1 < end) {
                    if (p[1] == '\n')
                        line++;
                    p++;
                } else if (*p == '\n') {
                    break; /* unfinished string: Lua would not have run this */
                }
                p++;
            }
            if (!push(out, T_STRING, line, start, (size_t)(p - start)))
                return false;
            if (p < end)
                p++;
        } else if (c == '[') {
            int level = long_bracket(p, end);
            int at = line;
            if (level >= 0) {
                p = skip_long(p, end, level, &line);
                if (!push(out, T_STRING, at, NULL, 0))
                    return false;
            } else {
                if (!push(out, T_LBRACKET, line, NULL, 0))
                    return false;
                p++;
            }
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
            const char *start = p;
            while (p < end && ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                               (*p >= '0' && *p <= '9') || *p == '_'))
                p++;
            if (!push(out, T_NAME, line, start, (size_t)(p - start)))
                return false;
        } else {
            enum tok_kind kind = T_OTHER;
            size_t n = 1;
            switch (c) {
            case '{': kind = T_LBRACE; break;
            case '}': kind = T_RBRACE; break;
            case ']': kind = T_RBRACKET; break;
            case '(': kind = T_LPAREN; break;
            case ')': kind = T_RPAREN; break;
            case ',': case ';': kind = T_SEP; break;
            case '=':
                if (p + 1 < end && p[1] == '=')
                    n = 2;
                else
                    kind = T_EQ;
                break;
            case '~': case '<': case '>':
                if (p + 1 < end && p[1] == '=')
                    n = 2;
                break;
            default: break;
            }
            if (!push(out, kind, line, NULL, 0))
                return false;
            p += n;
        }
    }
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

bool tt_locate_duplicate(const char *src, size_t len, int call_line, char *key,
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
