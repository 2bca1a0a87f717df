/* Growable text buffer for the HTML and Markdown writers. An allocation
 * failure sets `failed` and later appends do nothing, so writers check once
 * at the end. */
#ifndef TT_SCORE_SBUF_H
#define TT_SCORE_SBUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct sbuf {
    char *data;
    size_t len;
    size_t cap;
    bool failed;
} sbuf;

void sb_init(sbuf *b);
void sb_free(sbuf *b);
/* Hand the text over (NULL when an append failed; the buffer is freed then). */
char *sb_take(sbuf *b, size_t *len);
void sb_add(sbuf *b, const char *s);
void sb_addn(sbuf *b, const char *s, size_t n);
void sb_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text escaped for HTML element content and quoted attribute values. */
void sb_html(sbuf *b, const char *s);
/* Text escaped for Markdown: punctuation that could start markup is
 * backslash-escaped, "|" too (tables), newlines become spaces. */
void sb_md(sbuf *b, const char *s);

#endif
