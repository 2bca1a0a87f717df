/* Line breaking for the board's wrapped text. SDL_ttf's own wrapping breaks
 * only at spaces (or anywhere in a long word), which starts Japanese lines
 * with "。" or "」". The breaking is the shared tt_wrap_next (Latin between
 * words, CJK between characters, kinsoku shori); widths here are summed
 * glyph advances. */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

static long advance(void *font, uint32_t cp)
{
    int adv = 0;
    if (TTF_GlyphMetrics32(font, cp, NULL, NULL, NULL, NULL, &adv) != 0)
        return 0;
    return adv;
}

size_t dash_wrap(TTF_Font *f, const char *s, int width, dash_line *out, size_t max)
{
    size_t pos = 0, n = 0;
    size_t total = strlen(s);
    while (pos < total && n < max) {
        tt_wrap_line line;
        size_t next = tt_wrap_next(s, total, pos, width, advance, f, &line);
        out[n].start = line.start;
        out[n].len = line.len;
        n++;
        if (next == pos)        /* cannot make progress: give up safely */
            break;
        pos = next;
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
