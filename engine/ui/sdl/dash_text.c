/* Text textures, cached by (text, font, colour, wrap width) so a frame only
 * rasterises text it has not drawn recently. Open addressing; entries unused
 * for a while are dropped when the table fills up, and entries not drawn in
 * the last frame as soon as the textures pass a memory budget (a feed taking
 * hundreds of new lines a second, e.g. 200 browser seats, would otherwise
 * keep tens of MiB of stale text). */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

struct dash_text_entry {
    uint64_t hash;
    char *text;                 /* NULL = empty slot */
    int font, wrap;
    uint32_t colour;
    dash_tex tex;
    uint64_t last_used;
};

#define STALE_FRAMES 120
#define BUDGET_BYTES (8u << 20)   /* textures kept beyond what recent frames drew */

static size_t tex_bytes(const dash_tex *t)
{
    return (size_t)t->w * (size_t)t->h * 4;
}

static uint64_t fnv1a(const char *s, int font, uint32_t colour, int wrap)
{
    uint64_t h = 1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    uint32_t extra[3] = { (uint32_t)font, colour, (uint32_t)wrap };
    for (int i = 0; i < 3; i++)
        h = (h ^ extra[i]) * 1099511628211ULL;
    return h ? h : 1;
}

static uint32_t pack(SDL_Color c)
{
    return (uint32_t)c.r << 24 | (uint32_t)c.g << 16 | (uint32_t)c.b << 8 | c.a;
}

static void drop(dash_text_entry *e)
{
    if (e->tex.tex)
        SDL_DestroyTexture(e->tex.tex);
    free(e->text);
    memset(e, 0, sizeof *e);
}

int dash_text_init(dash_text_cache *c, SDL_Renderer *r, dash_fonts *fonts)
{
    memset(c, 0, sizeof *c);
    c->r = r;
    c->fonts = fonts;
    c->cap = 512;
    c->slots = calloc(c->cap, sizeof *c->slots);
    return c->slots ? 0 : -1;
}

void dash_text_clear(dash_text_cache *c)
{
    for (size_t i = 0; i < c->cap; i++)
        if (c->slots[i].text)
            drop(&c->slots[i]);
    c->used = 0;
    c->bytes = 0;
}

void dash_text_free(dash_text_cache *c)
{
    if (!c->slots)
        return;
    dash_text_clear(c);
    free(c->slots);
    c->slots = NULL;
}

void dash_text_frame(dash_text_cache *c)
{
    c->frame++;
}

static dash_text_entry *probe(dash_text_entry *slots, size_t cap, uint64_t h,
                              const char *text, int font, uint32_t col, int wrap)
{
    size_t i = (size_t)h & (cap - 1);
    for (;;) {
        dash_text_entry *e = &slots[i];
        if (!e->text)
            return e;
        if (e->hash == h && e->font == font && e->colour == col && e->wrap == wrap &&
            strcmp(e->text, text) == 0)
            return e;
        i = (i + 1) & (cap - 1);
    }
}

/* Rebuild the table without entries unused for more than `stale` frames,
 * doubling it if still crowded. */
static bool compact(dash_text_cache *c, uint64_t stale)
{
    size_t live = 0;
    for (size_t i = 0; i < c->cap; i++) {
        dash_text_entry *e = &c->slots[i];
        if (!e->text)
            continue;
        if (e->last_used + stale < c->frame) {
            c->bytes -= tex_bytes(&e->tex);
            drop(e);
        } else {
            live++;
        }
    }
    size_t cap = c->cap;
    while (live * 2 > cap)
        cap *= 2;
    dash_text_entry *n = calloc(cap, sizeof *n);
    if (!n)
        return false;
    for (size_t i = 0; i < c->cap; i++) {
        dash_text_entry *e = &c->slots[i];
        if (e->text)
            *probe(n, cap, e->hash, e->text, e->font, e->colour, e->wrap) = *e;
    }
    free(c->slots);
    c->slots = n;
    c->cap = cap;
    c->used = live;
    return true;
}

static bool rasterise(dash_text_cache *c, const char *text, dash_font_id f,
                      SDL_Color col, int wrap, dash_tex *out)
{
    TTF_Font *font = c->fonts->f[f];
    SDL_Surface *s = wrap > 0 ? dash_render_wrapped(font, text, col, wrap)
                              : TTF_RenderUTF8_Blended(font, text, col);
    if (!s)
        return false;
    out->tex = SDL_CreateTextureFromSurface(c->r, s);
    out->w = s->w;
    out->h = s->h;
    SDL_FreeSurface(s);
    if (!out->tex)
        return false;
    SDL_SetTextureBlendMode(out->tex, SDL_BLENDMODE_BLEND);
    c->rasterized++;
    out->id = c->rasterized;
    return true;
}

bool dash_text_get(dash_text_cache *c, const char *text, dash_font_id f,
                   SDL_Color col, int wrap_w, dash_tex *out)
{
    memset(out, 0, sizeof *out);
    if (!text || !*text || f < 0 || f >= F__COUNT || !c->fonts->f[f])
        return !text || !*text;
    uint32_t pc = pack(col);
    if (wrap_w < 0)
        wrap_w = 0;
    uint64_t h = fnv1a(text, f, pc, wrap_w);
    dash_text_entry *e = probe(c->slots, c->cap, h, text, f, pc, wrap_w);
    if (e->text) {
        e->last_used = c->frame;
        *out = e->tex;
        return true;
    }
    if ((c->used + 1) * 10 > c->cap * 7) {
        if (!compact(c, STALE_FRAMES))
            return false;
        e = probe(c->slots, c->cap, h, text, f, pc, wrap_w);
    }
    /* Over budget: keep only what the last frame drew (once per frame, so a
     * board whose own text passes the budget is not rebuilt every call). */
    if (c->bytes > BUDGET_BYTES && c->budget_frame != c->frame) {
        c->budget_frame = c->frame;
        if (!compact(c, 1))
            return false;
        e = probe(c->slots, c->cap, h, text, f, pc, wrap_w);
    }
    dash_tex t = { 0 };
    if (!rasterise(c, text, f, col, wrap_w, &t))
        return false;
    e->text = strdup(text);
    if (!e->text) {
        SDL_DestroyTexture(t.tex);
        return false;
    }
    e->hash = h;
    e->font = f;
    e->colour = pc;
    e->wrap = wrap_w;
    e->tex = t;
    e->last_used = c->frame;
    c->used++;
    c->bytes += tex_bytes(&t);
    *out = t;
    return true;
}
