/* The one growable array and text buffer: every module grows through here. */
#include "tabletop/base.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

bool tt_grow(void *arr_ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 8;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return false;
        n *= 2;
    }
    if (elem && n > SIZE_MAX / elem)
        return false;
    void *old;
    memcpy(&old, arr_ptr, sizeof old);
    void *p = realloc(old, n * elem);
    if (!p)
        return false;
    memcpy(arr_ptr, &p, sizeof p);
    *cap = n;
    return true;
}

void tt_buf_init(tt_buf *b, size_t max)
{
    *b = (tt_buf){ .max = max };
}

void tt_buf_free(tt_buf *b)
{
    free(b->data);
    tt_buf_init(b, b->max);
}

char *tt_buf_take(tt_buf *b, size_t *len)
{
    if (b->failed) {
        tt_buf_free(b);
        return NULL;
    }
    char *out = b->data ? b->data : calloc(1, 1);
    if (len)
        *len = b->len;
    tt_buf_init(b, b->max);
    return out;
}

/* Room for `extra` more bytes and the terminating NUL. */
static bool reserve(tt_buf *b, size_t extra)
{
    size_t max = b->max ? b->max : TT_BUF_MAX;
    if (b->failed || extra > max - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (!b->cap && need < 256)
        need = 256;
    if (!tt_grow(&b->data, &b->cap, need, 1))
        b->failed = true;
    return !b->failed;
}

bool tt_buf_addn(tt_buf *b, const char *s, size_t n)
{
    if (!s || !reserve(b, n))
        return !b->failed;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return true;
}

bool tt_buf_add(tt_buf *b, const char *s)
{
    return s ? tt_buf_addn(b, s, strlen(s)) : !b->failed;
}

bool tt_buf_vprintf(tt_buf *b, const char *fmt, va_list ap)
{
    if (b->failed)
        return false;
    /* Formatted once where it fits in the room left (the common case),
     * again only after growing. */
    va_list again;
    va_copy(again, ap);
    size_t room = b->cap > b->len ? b->cap - b->len : 0;
    int n = vsnprintf(room ? b->data + b->len : NULL, room, fmt, ap);
    if (n < 0) {
        b->failed = true;
        if (room)
            b->data[b->len] = '\0';
    } else if ((size_t)n < room) {
        size_t max = b->max ? b->max : TT_BUF_MAX;
        if ((size_t)n > max - b->len) { /* over the limit: as reserve() */
            b->data[b->len] = '\0';
            b->failed = true;
        } else {
            b->len += (size_t)n;
        }
    } else {
        if (room)
            b->data[b->len] = '\0';
        if (reserve(b, (size_t)n)) {
            vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
            b->len += (size_t)n;
        }
    }
    va_end(again);
    return !b->failed;
}

bool tt_buf_printf(tt_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    bool ok = tt_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

bool tt_buf_read(tt_buf *b, FILE *f)
{
    while (reserve(b, 65536)) {
        size_t got = fread(b->data + b->len, 1, 65536, f);
        b->len += got;
        b->data[b->len] = '\0';
        if (got < 65536)
            return !ferror(f);
    }
    return false;
}

int tt_buf_write(void *b, unsigned char *data, size_t size)
{
    return tt_buf_addn(b, (const char *)data, size);
}

/* Copies s, replacing each character `rep` gives a replacement for. */
static void escaped(tt_buf *b, const char *s, const char *(*rep)(const char *p, char esc[3]))
{
    if (!s)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        char esc[3];
        const char *r = rep(p, esc);
        if (r) {
            tt_buf_addn(b, run, (size_t)(p - run));
            tt_buf_add(b, r);
            run = p + 1;
        }
    }
    tt_buf_add(b, run);
}

static const char *html_rep(const char *p, char esc[3])
{
    (void)esc;
    switch (*p) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default:
        /* Control characters other than tab/newline are not allowed in HTML
         * or XML text: drop them. */
        return (unsigned char)*p < 0x20 && *p != '\n' && *p != '\t' ? "" : NULL;
    }
}

static const char *md_rep(const char *p, char esc[3])
{
    if (strchr("\\`*_{}[]<>#|~", *p)) {
        esc[0] = '\\', esc[1] = *p, esc[2] = '\0';
        return esc;
    }
    if (*p == '\n' || *p == '\r' || *p == '\t')
        return " ";
    if ((unsigned char)*p < 0x20)
        return "";
    return *p == '&' ? "&amp;" : NULL;
}

void tt_buf_html(tt_buf *b, const char *s)
{
    escaped(b, s, html_rep);
}

void tt_buf_md(tt_buf *b, const char *s)
{
    escaped(b, s, md_rep);
}
