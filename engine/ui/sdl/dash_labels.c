/* What a reader can actually see of each text drawn on the board, and the
 * check that no two different texts read the same (issue 9: two "Files
 * encrypted on …"). Off unless g->labels is set (tests), so a frame pays
 * nothing for it. A text is "cut" when an ellipsis replaces its end, when
 * the panel's clip or the board's edge hides part of it, when it has more
 * lines than it was given, or when a short form stands in for it. */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

static size_t utf8_next(const char *s, size_t i)
{
    if (!s[i])
        return i;
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80)
        i++;
    return i;
}

/* Bytes of the longest prefix of s[0..len) no wider than w pixels. */
static size_t prefix_fitting(TTF_Font *f, const char *s, size_t len, int w)
{
    char buf[1024];
    size_t best = 0, i = 0;
    while (i < len) {
        size_t j = utf8_next(s, i);
        if (j > len || j >= sizeof buf)
            break;
        memcpy(buf, s, j);
        buf[j] = '\0';
        int tw = 0;
        if (TTF_SizeUTF8(f, buf, &tw, NULL) != 0 || tw > w)
            break;
        best = j;
        i = j;
    }
    return best;
}

static bool grow(dash_label_log *l)
{
    if (l->n < l->cap)
        return true;
    size_t cap = l->cap ? l->cap * 2 : 64;
    dash_label *n = realloc(l->items, cap * sizeof *n);
    if (!n) {
        l->failed = true;
        return false;
    }
    l->items = n;
    l->cap = cap;
    return true;
}

static void add(dash_label_log *l, const char *full, char *shown, bool cut, bool pick,
                SDL_Rect at)
{
    char *f = strdup(full);
    if (!f || !shown || !grow(l)) {
        l->failed = true;
        free(f);
        free(shown);
        return;
    }
    l->items[l->n++] = (dash_label){ f, shown, cut, pick, at };
}

void dash_label_note_pick(dash_gfx *g, const char *full, const char *shown)
{
    if (g->labels && full && shown && strcmp(full, shown) != 0)
        add(g->labels, full, strdup(shown), true, true, (SDL_Rect){ 0, 0, 0, 0 });
}

void dash_label_note(dash_gfx *g, const char *text, dash_font_id fid, int x, int y,
                     int wrap_w, int max_lines, int shown_w, bool ellipsis)
{
    if (!g->labels || !text || !*text || !g->fonts.f[fid])
        return;
    TTF_Font *f = g->fonts.f[fid];
    SDL_Rect area = g->clip_on ? g->clip : (SDL_Rect){ 0, 0, g->layout.w, g->layout.h };
    if (area.x + area.w > g->layout.w)
        area.w = g->layout.w - area.x;
    if (area.y + area.h > g->layout.h)
        area.h = g->layout.h - area.y;
    dash_line lines[64];
    size_t n = 1;
    if (wrap_w > 0)
        n = dash_wrap(f, text, wrap_w, lines, 64);
    else
        lines[0] = (dash_line){ 0, strlen(text) };
    int skip = TTF_FontLineSkip(f), asc = TTF_FontAscent(f);
    size_t drawn = max_lines > 0 && (size_t)max_lines < n ? (size_t)max_lines : n;
    bool cut = drawn < n || ellipsis;
    size_t cap = strlen(text) * 2 + 8;
    char *shown = malloc(cap);
    if (!shown) {
        g->labels->failed = true;
        return;
    }
    size_t o = 0, seen = 0;
    for (size_t i = 0; i < drawn; i++) {
        int ly = y + (int)i * skip;
        /* A line counts as read when its glyphs above the baseline are in view. */
        if (ly < area.y || ly + asc > area.y + area.h || x < area.x) {
            cut = true;
            continue;
        }
        int room = area.x + area.w - x;
        int line_w = 0;
        char tmp[1024];
        size_t ll = lines[i].len < sizeof tmp ? lines[i].len : sizeof tmp - 1;
        memcpy(tmp, text + lines[i].start, ll);
        tmp[ll] = '\0';
        TTF_SizeUTF8(f, tmp, &line_w, NULL);
        int want = ellipsis && i + 1 == drawn && shown_w > 0 ? shown_w : line_w;
        size_t keep = ll;
        if (want > room) {
            cut = true;
            keep = prefix_fitting(f, tmp, ll, room);
        } else if (want < line_w) {
            keep = prefix_fitting(f, tmp, ll, want);
        }
        if (seen++)
            shown[o++] = '\n';
        memcpy(shown + o, tmp, keep);
        o += keep;
        if (ellipsis && i + 1 == drawn && want <= room) {
            memcpy(shown + o, "…", strlen("…"));
            o += strlen("…");
        }
    }
    shown[o] = '\0';
    if (seen == 0) {            /* nothing of it can be read: not a visible label */
        free(shown);
        return;
    }
    add(g->labels, text, shown, cut, false, (SDL_Rect){ x, y, shown_w, (int)drawn * skip });
}

void dash_label_log_clear(dash_label_log *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].full);
        free(l->items[i].shown);
    }
    l->n = 0;
    l->failed = false;
}

void dash_label_log_free(dash_label_log *l)
{
    dash_label_log_clear(l);
    free(l->items);
    memset(l, 0, sizeof *l);
}

/* Past a leading key number ("3 "): numbered tabs and buttons whose names
 * read the same still leave the reader guessing which is which. */
static const char *unnumbered(const char *s)
{
    const char *p = s;
    while (*p >= '0' && *p <= '9')
        p++;
    return p > s && *p == ' ' ? p + 1 : s;
}

size_t dash_label_collisions(const dash_label_log *l,
                             void (*fn)(void *user, const dash_label *a, const dash_label *b),
                             void *user)
{
    size_t found = 0;
    for (size_t i = 0; i < l->n; i++)
        for (size_t j = i + 1; j < l->n; j++) {
            const dash_label *a = &l->items[i], *b = &l->items[j];
            /* A short form is compared with other short forms; its drawing
             * is compared with everything else. */
            if (a->pick != b->pick)
                continue;
            if (!(a->cut || b->cut) || strcmp(unnumbered(a->shown), unnumbered(b->shown)) != 0 ||
                strcmp(unnumbered(a->full), unnumbered(b->full)) == 0)
                continue;
            found++;
            if (fn)
                fn(user, a, b);
        }
    return found;
}
