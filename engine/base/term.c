/* The one place text from scenarios, rosters, journals, the drill history
 * or the keyboard is made harmless for a terminal. Control characters would
 * drive it (ESC sequences retitle the window, clear the screen, fake
 * output; BEL rings; CR overwrites the line), C1 controls (U+0080-U+009F,
 * e.g. U+009B = CSI) do the same on terminals that honour them, and bidi
 * overrides reorder what is read. Each is shown as a visible escape
 * instead: "\x1b", "\u009b", "\u202e"; a byte that is not UTF-8 as "\xff".
 * Everything else, Japanese included, passes unchanged. */
#include "tabletop/base.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Length of a valid UTF-8 sequence at s (at most `left` bytes) and its
 * code point, or 0 when the byte there starts none. */
static size_t utf8_next(const unsigned char *s, size_t left, uint32_t *cp)
{
    static const uint32_t min_for_len[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    unsigned char c = s[0];
    size_t n;
    uint32_t v;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if ((c & 0xE0) == 0xC0) {
        v = c & 0x1F;
        n = 2;
    } else if ((c & 0xF0) == 0xE0) {
        v = c & 0x0F;
        n = 3;
    } else if ((c & 0xF8) == 0xF0) {
        v = c & 0x07;
        n = 4;
    } else {
        return 0;
    }
    if (n > left)
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((s[k] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[k] & 0x3F);
    }
    if (v < min_for_len[n] || (v >= 0xD800 && v <= 0xDFFF) || v > 0x10FFFF)
        return 0;
    *cp = v;
    return n;
}

static bool drives_terminal(uint32_t cp, unsigned flags)
{
    if ((cp == '\n' || cp == '\t') && (flags & TT_TERM_KEEP_NEWLINES))
        return false;
    /* C0, DEL, C1; bidi embeddings, overrides and isolates and the
     * directional marks (LRM, RLM, ALM), which reorder what is read; line
     * and paragraph separators, which some terminals break lines on. */
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

size_t tt_term_safe(char *out, size_t size, const char *in, size_t len, unsigned flags)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t need = 0, written = 0, i = 0;
    bool stopped = false;
    while (i < len) {
        if (s[i] >= 0x20 && s[i] < 0x7F) { /* printable ASCII: itself */
            if (out && !stopped) {
                if (written + 1 < size)
                    out[written++] = (char)s[i];
                else
                    stopped = true;
            }
            need++;
            i++;
            continue;
        }
        uint32_t cp = 0;
        size_t n = utf8_next(s + i, len - i, &cp);
        char esc[12];
        const char *piece = in + i;
        size_t plen = n;
        if (n == 0) {
            plen = (size_t)snprintf(esc, sizeof esc, "\\x%02x", s[i]);
            piece = esc;
            n = 1;
        } else if (drives_terminal(cp, flags)) {
            plen = (size_t)snprintf(esc, sizeof esc, cp < 0x80 ? "\\x%02x" : "\\u%04x",
                                    (unsigned)cp);
            piece = esc;
        }
        /* Whole pieces only: never half a character or half an escape. */
        if (out && !stopped) {
            if (written + plen < size) {
                memcpy(out + written, piece, plen);
                written += plen;
            } else {
                stopped = true;
            }
        }
        need += plen;
        i += n;
    }
    if (out && size)
        out[written] = '\0';
    return need;
}

char *tt_term_safe_dup(const char *in, unsigned flags)
{
    if (!in)
        in = "";
    size_t len = strlen(in);
    size_t need = tt_term_safe(NULL, 0, in, len, flags);
    char *out = malloc(need + 1);
    if (out)
        tt_term_safe(out, need + 1, in, len, flags);
    return out;
}

void tt_term_fputs(const char *in, unsigned flags, FILE *f)
{
    if (!in)
        return;
    const unsigned char *s = (const unsigned char *)in;
    size_t len = strlen(in), i = 0;
    while (i < len) {
        /* Copy runs of harmless bytes in one go. */
        size_t start = i;
        uint32_t cp = 0;
        size_t n = 0;
        for (;;) {
            while (i < len && s[i] >= 0x20 && s[i] < 0x7F) /* printable ASCII */
                i++;
            if (i < len && (n = utf8_next(s + i, len - i, &cp)) != 0 &&
                !drives_terminal(cp, flags))
                i += n;
            else
                break;
        }
        if (i > start)
            fwrite(in + start, 1, i - start, f);
        if (i < len) {
            char esc[12];
            size_t m = tt_term_safe(esc, sizeof esc, in + i, n ? n : 1, flags);
            fwrite(esc, 1, m, f);
            i += n ? n : 1;
        }
    }
}

void tt_term_printf(FILE *f, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        tt_term_fputs(small, TT_TERM_KEEP_NEWLINES, f);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) { /* out of memory: the cut line, still safe */
        tt_term_fputs(small, TT_TERM_KEEP_NEWLINES, f);
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    tt_term_fputs(big, TT_TERM_KEEP_NEWLINES, f);
    free(big);
}

FILE *tt_term_doc_open(tt_term_doc *d, FILE *dest)
{
    *d = (tt_term_doc){ .dest = dest };
    if (!isatty(fileno(dest)))
        return dest;
    d->mem = open_memstream(&d->buf, &d->len);
    return d->mem;
}

int tt_term_doc_close(tt_term_doc *d)
{
    if (!d->mem)
        return fflush(d->dest) == 0 ? 0 : -1;
    int rc = fclose(d->mem) == 0 ? 0 : -1;
    if (rc == 0 && d->buf) {
        /* CRLF line ends (CSV) end lines on a screen; a lone CR stays an
         * escape like every other control character. */
        size_t w = 0;
        for (size_t r = 0; r < d->len; r++)
            if (!(d->buf[r] == '\r' && r + 1 < d->len && d->buf[r + 1] == '\n'))
                d->buf[w++] = d->buf[r];
        d->buf[w] = '\0';
        tt_term_fputs(d->buf, TT_TERM_KEEP_NEWLINES, d->dest);
    }
    free(d->buf);
    *d = (tt_term_doc){ 0 };
    return rc;
}
