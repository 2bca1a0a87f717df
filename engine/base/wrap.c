/* Line breaking shared by the dashboard (glyph advances) and the terminal
 * drill (display cells): Latin text breaks between words, CJK text between
 * any two characters, and the usual Japanese rules apply (kinsoku shori):
 * no line starts with closing punctuation or a small kana, none ends with
 * an opening bracket. A single word longer than the line is cut. */
#include <stdint.h>
#include <string.h>

#include "tabletop/base.h"

/* Decode one UTF-8 code point at s; *len gets its byte length (>= 1). */
static uint32_t decode(const char *s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80) {
        *len = 1;
        return u[0];
    }
    int n = u[0] >= 0xF0 ? 4 : u[0] >= 0xE0 ? 3 : u[0] >= 0xC0 ? 2 : 1;
    uint32_t cp = n == 4 ? u[0] & 0x07 : n == 3 ? u[0] & 0x0F : u[0] & 0x1F;
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80) {    /* malformed: take one byte */
            *len = 1;
            return 0xFFFD;
        }
        cp = cp << 6 | (u[i] & 0x3F);
    }
    *len = (size_t)n;
    return n == 1 ? 0xFFFD : cp;
}

static size_t prev_boundary(const char *s, size_t i)
{
    while (i > 0 && ((unsigned char)s[--i] & 0xC0) == 0x80)
        ;
    return i;
}

static bool is_cjk(uint32_t cp)
{
    return cp >= 0x2E80;
}

static bool is_word(uint32_t cp)
{
    return cp != ' ' && cp != '\t' && !is_cjk(cp);
}

/* May not start a line. */
static bool no_start(uint32_t cp)
{
    static const uint32_t set[] = {
        0x3001, 0x3002, 0xFF0C, 0xFF0E, 0x30FB, 0xFF1A, 0xFF1B, 0xFF1F, 0xFF01,
        0x30FC, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x3009, 0x300B, 0x2019,
        0x201D, 0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085,
        0x3087, 0x308E, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3,
        0x30E5, 0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x3005, 0x2026, 0x2025, ')',
        ']', '}', ',', '.', ';', ':', '!', '?',
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp)
            return true;
    return false;
}

/* May not end a line. */
static bool no_end(uint32_t cp)
{
    static const uint32_t set[] = {
        0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x300A, 0x2018, 0x201C,
        '(', '[', '{',
    };
    for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
        if (set[i] == cp)
            return true;
    return false;
}

long tt_wrap_cells(void *ctx, uint32_t cp)
{
    (void)ctx;
    return tt_cp_width(cp);
}

size_t tt_wrap_next(const char *s, size_t total, size_t pos, long width,
                    tt_wrap_measure measure, void *ctx, tt_wrap_line *line)
{
    size_t start = pos, i = pos, len, last_space = SIZE_MAX, last_cjk = SIZE_MAX;
    uint32_t prev_cp = 0;
    long w = 0;
    while (i < total && s[i] != '\n') {
        uint32_t cp = decode(s + i, &len);
        long adv = measure(ctx, cp);
        if (w + adv > width && i > start)
            break;
        if (cp == ' ')
            last_space = i;
        /* Between two characters one of which is CJK: a break may go here
         * (a Latin word after Japanese text is not pulled back to the last
         * space). */
        if (i > start && (is_cjk(cp) || is_cjk(prev_cp)) && cp != ' ' && prev_cp != ' ')
            last_cjk = i;
        prev_cp = cp;
        w += adv;
        i += len;
    }
    size_t end = i, next = i;
    if (i >= total || s[i] == '\n') {
        next = i < total ? i + 1 : i;
    } else {
        uint32_t here = decode(s + i, &len);
        size_t p = prev_boundary(s, i);
        uint32_t before = decode(s + p, &len);
        bool in_word = is_word(before) && is_word(here);
        bool space_ok = last_space != SIZE_MAX && last_space > start;
        bool cjk_ok = last_cjk != SIZE_MAX && last_cjk > start;
        if (in_word && space_ok && (!cjk_ok || last_space > last_cjk)) {
            end = last_space;       /* between Latin words */
        } else {
            if (in_word && cjk_ok)
                end = last_cjk;     /* before the word, after Japanese text */
            /* Kinsoku: push characters to the next line while the break
             * would start it with closing punctuation or end this one with
             * an opening bracket (keeping at least one character). */
            for (int guard = 0; guard < 4; guard++) {
                size_t pb = prev_boundary(s, end);
                if (pb <= start)
                    break;
                uint32_t at = decode(s + end, &len), prev = decode(s + pb, &len);
                if (!no_start(at) && !no_end(prev))
                    break;
                end = pb;
            }
        }
        next = end;
        while (next < total && s[next] == ' ')
            next++;
    }
    while (end > start && s[end - 1] == ' ')
        end--;
    line->start = start;
    line->len = end - start;
    return next;
}
