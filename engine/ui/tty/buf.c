/* A growable text buffer: the drill builds each screenful here and prints
 * it in one go, so an event never interleaves with the prompt. */
#include "tty_internal.h"

#include <stdio.h>
#include <stdlib.h>

void tty_buf_printf(tty_buf *b, const char *fmt, ...)
{
    if (b->failed)
        return;
    for (int attempt = 0; attempt < 2; attempt++) {
        size_t room = b->cap - b->len;
        va_list ap;
        va_start(ap, fmt);
        int n = vsnprintf(b->data ? b->data + b->len : NULL, room, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = true;
            return;
        }
        if ((size_t)n < room) {
            b->len += (size_t)n;
            return;
        }
        size_t want = b->len + (size_t)n + 1;
        size_t cap = b->cap ? b->cap : 256;
        while (cap < want)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = true;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
}

void tty_buf_free(tty_buf *b)
{
    free(b->data);
    *b = (tty_buf){ 0 };
}

char *tty_buf_take(tty_buf *b)
{
    if (b->failed || !b->data) {
        bool empty_ok = !b->failed;
        tty_buf_free(b);
        if (empty_ok) {
            char *s = malloc(1);
            if (s)
                s[0] = '\0';
            return s;
        }
        return NULL;
    }
    char *s = b->data;
    *b = (tty_buf){ 0 };
    return s;
}
