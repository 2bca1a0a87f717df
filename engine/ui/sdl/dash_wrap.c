/* Line breaking for the board's wrapped text. SDL_ttf's own wrapping breaks
 * only at spaces (or anywhere in a long word), which starts Japanese lines
 * with "。" or "」". Here Latin text breaks between words, CJK text between
 * any two characters, and the usual Japanese rules apply (kinsoku shori):
 * no line starts with closing punctuation or a small kana, none ends with
 * an opening bracket. Widths are summed glyph advances. */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

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

static int advance(TTF_Font *f, uint32_t cp)
{
    int adv = 0;
    if (TTF_GlyphMetrics32(f, cp, NULL, NULL, NULL, NULL, &adv) != 0)
        return 0;
    return adv;
}

size_t dash_wrap(TTF_Font *f, const char *s, int width, dash_line *out, size_t max)
{
    size_t pos = 0, n = 0, len;
    size_t total = strlen(s);
    while (pos < total && n < max) {
        size_t start = pos, i = pos, last_space = SIZE_MAX, last_cjk = SIZE_MAX;
        uint32_t prev_cp = 0;
        int w = 0;
        while (i < total && s[i] != '\n') {
            uint32_t cp = decode(s + i, &len);
            int adv = advance(f, cp);
            if (w + adv > width && i > start)
                break;
            if (cp == ' ')
                last_space = i;
            /* Between two characters one of which is CJK: a break may go
             * here (a Latin word after Japanese text is not pulled back to
             * the last space). */
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
                 * would start it with closing punctuation or end this one
                 * with an opening bracket (keeping at least one character). */
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
        out[n].start = start;
        out[n].len = end - start;
        n++;
        pos = next;
        if (next == start)      /* cannot make progress: give up safely */
            break;
    }
    return n;
}

SDL_Surface *dash_render_wrapped(TTF_Font *f, const char *s, SDL_Color col, int width)
{
    dash_line lines[64];
    size_t n = dash_wrap(f, s, width, lines, 64);
    if (n == 0)
        return NULL;
    int skip = TTF_FontLineSkip(f);
    SDL_Surface *parts[64] = { NULL };
    int w = 1;
    bool ok = true;
    for (size_t i = 0; i < n && ok; i++) {
        if (lines[i].len == 0)
            continue;
        char *line = strndup(s + lines[i].start, lines[i].len);
        ok = line != NULL;
        if (ok) {
            parts[i] = TTF_RenderUTF8_Blended(f, line, col);
            ok = parts[i] != NULL;
            free(line);
        }
        if (ok && parts[i]->w > w)
            w = parts[i]->w;
    }
    SDL_Surface *all = ok ? SDL_CreateRGBSurfaceWithFormat(0, w, (int)n * skip, 32,
                                                          SDL_PIXELFORMAT_ARGB8888)
                          : NULL;
    if (all) {
        SDL_FillRect(all, NULL, SDL_MapRGBA(all->format, col.r, col.g, col.b, 0));
        for (size_t i = 0; i < n; i++) {
            if (!parts[i])
                continue;
            /* Copy, not blend: the line's alpha is the text's coverage. */
            SDL_SetSurfaceBlendMode(parts[i], SDL_BLENDMODE_NONE);
            SDL_Rect dst = { 0, (int)i * skip, parts[i]->w, parts[i]->h };
            SDL_BlitSurface(parts[i], NULL, all, &dst);
        }
    }
    for (size_t i = 0; i < n; i++)
        SDL_FreeSurface(parts[i]);
    return all;
}
