/* Growable text buffer with HTML and Markdown escaping. */
#include "sbuf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void sb_init(sbuf *b)
{
    memset(b, 0, sizeof *b);
}

void sb_free(sbuf *b)
{
    free(b->data);
    sb_init(b);
}

char *sb_take(sbuf *b, size_t *len)
{
    if (b->failed || !b->data) {
        if (!b->failed && !b->data) {
            char *empty = calloc(1, 1);
            if (len)
                *len = 0;
            return empty;
        }
        sb_free(b);
        return NULL;
    }
    char *out = b->data;
    if (len)
        *len = b->len;
    sb_init(b);
    return out;
}

static bool sb_reserve(sbuf *b, size_t extra)
{
    if (b->failed)
        return false;
    if (b->len + extra + 1 <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 4096;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) {
            b->failed = true;
            return false;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void sb_addn(sbuf *b, const char *s, size_t n)
{
    if (!s || !sb_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sb_add(sbuf *b, const char *s)
{
    if (s)
        sb_addn(b, s, strlen(s));
}

void sb_printf(sbuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        va_end(ap2);
        return;
    }
    if (sb_reserve(b, (size_t)n)) {
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap2);
        b->len += (size_t)n;
    }
    va_end(ap2);
}

void sb_html(sbuf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            /* Control characters other than tab/newline are not allowed in
             * HTML or XML text: drop them. */
            if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t')
                rep = "";
            break;
        }
        if (rep) {
            sb_addn(b, run, (size_t)(p - run));
            sb_add(b, rep);
            run = p + 1;
        }
    }
    sb_add(b, run);
}

void sb_md(sbuf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *rep = NULL;
        char esc[3] = { '\\', *p, '\0' };
        if (strchr("\\`*_{}[]<>#|~", *p))
            rep = esc;
        else if (*p == '\n' || *p == '\r' || *p == '\t')
            rep = " ";
        else if ((unsigned char)*p < 0x20)
            rep = "";
        else if (*p == '&')
            rep = "&amp;";
        if (rep) {
            sb_addn(b, run, (size_t)(p - run));
            sb_add(b, rep);
            run = p + 1;
        }
    }
    sb_add(b, run);
}
