/* A frame drawn as a display list: the panels record what they would draw
 * (fills, lines, text textures, each with its clip), the list is compared
 * with the previous frame's, and only the pixels a changed command touches
 * are drawn again, every command of the frame replayed in order but clipped
 * to those rectangles. On a target that keeps its pixels between frames
 * (dash_gfx.retained: the software renderer's surface, a window's board
 * texture) a frame whose clock moved redraws the clock and the countdowns,
 * not 1920x1080 of panels and text (issue 11). The result is pixel for
 * pixel the full redraw's (tests/sdl/test_dash_render checks it). */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

#define MAX_DAMAGE 48

static SDL_Rect meet(SDL_Rect a, SDL_Rect b)
{
    SDL_Rect r;
    if (!SDL_IntersectRect(&a, &b, &r))
        r = (SDL_Rect){ 0, 0, 0, 0 };
    return r;
}

static SDL_Rect join(SDL_Rect a, SDL_Rect b)
{
    if (a.w <= 0 || a.h <= 0)
        return b;
    if (b.w <= 0 || b.h <= 0)
        return a;
    SDL_Rect r;
    SDL_UnionRect(&a, &b, &r);
    return r;
}

static dash_cmd *push(dash_gfx *g, dash_cmd_kind kind, SDL_Rect area)
{
    dash_list *l = &g->lists[g->cur];
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        dash_cmd *n = realloc(l->cmds, cap * sizeof *n);
        if (!n) {
            l->failed = true;
            return NULL;
        }
        l->cmds = n;
        l->cap = cap;
    }
    dash_cmd *c = &l->cmds[l->n++];
    memset(c, 0, sizeof *c);
    c->kind = (uint8_t)kind;
    c->region = (uint8_t)g->region;
    c->clip_on = g->clip_on;
    if (g->clip_on)
        c->clip = g->clip;
    SDL_Rect screen = { 0, 0, g->layout.w, g->layout.h };
    c->bounds = meet(area, g->clip_on ? meet(g->clip, screen) : screen);
    return c;
}

void dash_rec_fill(dash_gfx *g, SDL_Rect r, SDL_Color col)
{
    dash_cmd *c = push(g, CMD_FILL, r);
    if (c) {
        c->a = r;
        c->col = col;
    }
}

void dash_rec_line(dash_gfx *g, int x1, int y1, int x2, int y2, SDL_Color col)
{
    SDL_Rect box = { x1 < x2 ? x1 : x2, y1 < y2 ? y1 : y2, abs(x2 - x1) + 1, abs(y2 - y1) + 1 };
    dash_cmd *c = push(g, CMD_LINE, box);
    if (c) {
        c->a = (SDL_Rect){ x1, y1, x2, y2 };
        c->col = col;
    }
}

void dash_rec_copy(dash_gfx *g, const dash_tex *t, const SDL_Rect *src, SDL_Rect dst)
{
    dash_cmd *c = push(g, CMD_COPY, dst);
    if (c) {
        c->tex = t->tex;
        c->tex_id = t->id;
        c->src = src ? *src : (SDL_Rect){ 0, 0, t->w, t->h };
        c->a = dst;
    }
}

static bool rect_eq(SDL_Rect a, SDL_Rect b)
{
    return a.x == b.x && a.y == b.y && a.w == b.w && a.h == b.h;
}

static bool same(const dash_cmd *a, const dash_cmd *b)
{
    return a->kind == b->kind && a->clip_on == b->clip_on && rect_eq(a->a, b->a) &&
           (!a->clip_on || rect_eq(a->clip, b->clip)) && a->tex_id == b->tex_id &&
           rect_eq(a->src, b->src) && a->col.r == b->col.r && a->col.g == b->col.g &&
           a->col.b == b->col.b && a->col.a == b->col.a;
}

typedef struct damage {
    SDL_Rect r[MAX_DAMAGE];
    size_t n;
} damage;

/* Add a rectangle, merging it with those it overlaps (a pixel is then
 * drawn once per frame); past MAX_DAMAGE everything becomes one. */
static void add(damage *d, SDL_Rect r)
{
    if (r.w <= 0 || r.h <= 0)
        return;
    for (size_t i = 0; i < d->n;) {
        if (SDL_HasIntersection(&d->r[i], &r)) {
            r = join(r, d->r[i]);
            d->r[i] = d->r[--d->n];
            i = 0;
        } else {
            i++;
        }
    }
    if (d->n < MAX_DAMAGE) {
        d->r[d->n++] = r;
        return;
    }
    for (size_t i = 0; i < d->n; i++)
        r = join(r, d->r[i]);
    d->r[0] = r;
    d->n = 1;
}

/* Commands of region k in a list: [*from, *to). Regions are drawn one after
 * another, so each is a contiguous run. */
static void slice(const dash_list *l, int k, size_t *from, size_t *to)
{
    size_t i = 0;
    while (i < l->n && l->cmds[i].region != k)
        i++;
    *from = i;
    while (i < l->n && l->cmds[i].region == k)
        i++;
    *to = i;
}

static void diff(const dash_list *now, const dash_list *was, damage *d)
{
    for (int k = 0; k < DASH_REGIONS; k++) {
        size_t a0, a1, b0, b1;
        slice(now, k, &a0, &a1);
        slice(was, k, &b0, &b1);
        if (a1 - a0 != b1 - b0) {
            /* Something appeared or went: all this region's pixels, then
             * and now. */
            SDL_Rect all = { 0, 0, 0, 0 };
            for (size_t i = a0; i < a1; i++)
                all = join(all, now->cmds[i].bounds);
            for (size_t i = b0; i < b1; i++)
                all = join(all, was->cmds[i].bounds);
            add(d, all);
            continue;
        }
        for (size_t i = 0; i < a1 - a0; i++)
            if (!same(&now->cmds[a0 + i], &was->cmds[b0 + i])) {
                add(d, now->cmds[a0 + i].bounds);
                add(d, was->cmds[b0 + i].bounds);
            }
    }
}

/* A line as runs of pixels, each a filled rectangle: SDL clips a line's
 * end points before drawing it, so the same line drawn under another clip
 * can take other pixels; these runs are the same under any clip. */
static void line_runs(SDL_Renderer *r, int x1, int y1, int x2, int y2)
{
    int dx = abs(x2 - x1), dy = -abs(y2 - y1);
    int sx = x1 < x2 ? 1 : -1, sy = y1 < y2 ? 1 : -1, e = dx + dy;
    bool flat = dx >= -dy;
    int rx = x1, ry = y1, len = 1;
    for (int x = x1, y = y1;;) {
        if (x == x2 && y == y2)
            break;
        int e2 = 2 * e, nx = x, ny = y;
        if (e2 >= dy) {
            e += dy;
            nx += sx;
        }
        if (e2 <= dx) {
            e += dx;
            ny += sy;
        }
        bool same_run = flat ? ny == y : nx == x;
        if (same_run) {
            len++;
        } else {
            SDL_Rect run = flat ? (SDL_Rect){ sx > 0 ? rx : rx - len + 1, ry, len, 1 }
                                : (SDL_Rect){ rx, sy > 0 ? ry : ry - len + 1, 1, len };
            SDL_RenderFillRect(r, &run);
            rx = nx;
            ry = ny;
            len = 1;
        }
        x = nx;
        y = ny;
    }
    SDL_Rect run = flat ? (SDL_Rect){ sx > 0 ? rx : rx - len + 1, ry, len, 1 }
                        : (SDL_Rect){ rx, sy > 0 ? ry : ry - len + 1, 1, len };
    SDL_RenderFillRect(r, &run);
}

static void run(dash_gfx *g, const dash_cmd *c, SDL_Rect clip)
{
    SDL_RenderSetClipRect(g->r, &clip);
    switch (c->kind) {
    case CMD_FILL:
        SDL_SetRenderDrawColor(g->r, c->col.r, c->col.g, c->col.b, c->col.a);
        SDL_RenderFillRect(g->r, &c->a);
        break;
    case CMD_LINE:
        SDL_SetRenderDrawColor(g->r, c->col.r, c->col.g, c->col.b, c->col.a);
        line_runs(g->r, c->a.x, c->a.y, c->a.w, c->a.h);
        break;
    case CMD_COPY:
        SDL_RenderCopy(g->r, c->tex, &c->src, &c->a);
        break;
    }
}

void dash_frame_begin(dash_gfx *g)
{
    dash_list *l = &g->lists[g->cur];
    l->n = 0;
    l->failed = false;
    g->recording = true;
    g->region = DASH_REGIONS - 1;
}

void dash_frame_end(dash_gfx *g)
{
    g->recording = false;
    dash_list *now = &g->lists[g->cur], *was = &g->lists[1 - g->cur];
    SDL_Rect screen = { 0, 0, g->layout.w, g->layout.h };
    damage d = { .n = 0 };
    if (!g->retained || g->invalid || now->failed || was->failed || !g->have_prev ||
        g->prev_w != screen.w || g->prev_h != screen.h)
        add(&d, screen);
    else
        diff(now, was, &d);
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_NONE);
    for (size_t k = 0; k < d.n; k++) {
        SDL_Rect area = meet(d.r[k], screen);
        g->damaged += (uint64_t)area.w * (uint64_t)area.h;
        for (size_t i = 0; i < now->n; i++) {
            const dash_cmd *c = &now->cmds[i];
            SDL_Rect clip = meet(c->bounds, area);
            if (clip.w > 0 && clip.h > 0)
                run(g, c, c->clip_on ? meet(c->clip, area) : area);
        }
    }
    SDL_RenderSetClipRect(g->r, NULL);
    g->clip_on = false;
    g->have_prev = !now->failed;
    g->invalid = false;
    g->prev_w = screen.w;
    g->prev_h = screen.h;
    g->cur = 1 - g->cur;
}

void dash_frame_free(dash_gfx *g)
{
    for (int i = 0; i < 2; i++) {
        free(g->lists[i].cmds);
        memset(&g->lists[i], 0, sizeof g->lists[i]);
    }
}
