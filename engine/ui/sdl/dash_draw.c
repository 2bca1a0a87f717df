/* The board: colours, drawing helpers, set-up of fonts and text cache for a
 * renderer, and the frame that puts every panel in its region. */
#include "tabletop/terms.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dash.h"

const SDL_Color DASH_COL_BG = { 16, 22, 34, 255 };
const SDL_Color DASH_COL_PANEL = { 29, 37, 55, 255 };
const SDL_Color DASH_COL_TEXT = { 236, 240, 246, 255 };
const SDL_Color DASH_COL_DIM = { 158, 170, 192, 255 };
const SDL_Color DASH_COL_ACCENT = { 96, 174, 255, 255 };
const SDL_Color DASH_COL_LINE = { 70, 84, 112, 255 };
const SDL_Color DASH_COL_BUTTON = { 44, 76, 124, 255 };
const SDL_Color DASH_COL_DISABLED = { 48, 52, 62, 255 };
const SDL_Color DASH_COL_FOCUS = { 255, 214, 90, 255 };
const SDL_Color DASH_COL_REACHED = { 40, 160, 72, 255 };
const SDL_Color DASH_COL_OPEN = { 48, 112, 200, 255 };
const SDL_Color DASH_COL_OVERDUE = { 226, 150, 28, 255 };
const SDL_Color DASH_COL_MISSED = { 204, 48, 48, 255 };

int dash_px(const dash_gfx *g, int px)
{
    int v = (int)lround(px * g->fonts.scale);
    return v < 1 && px > 0 ? 1 : v;
}

/* Inside dash_draw these record into the frame's display list
 * (dash_frame.c); outside it (overlays) they draw at once. */
void dash_fill(dash_gfx *g, SDL_Rect r, SDL_Color c)
{
    if (g->recording) {
        dash_rec_fill(g, r, c);
        return;
    }
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_RenderFillRect(g->r, &r);
}

void dash_frame(dash_gfx *g, SDL_Rect r, SDL_Color c, int t)
{
    SDL_Rect e[4] = {
        { r.x, r.y, r.w, t }, { r.x, r.y + r.h - t, r.w, t },
        { r.x, r.y, t, r.h }, { r.x + r.w - t, r.y, t, r.h },
    };
    for (int i = 0; i < 4; i++)
        dash_fill(g, e[i], c);
}

void dash_draw_line(dash_gfx *g, int x1, int y1, int x2, int y2, SDL_Color c)
{
    if (g->recording) {
        dash_rec_line(g, x1, y1, x2, y2, c);
        return;
    }
    SDL_SetRenderDrawColor(g->r, c.r, c.g, c.b, c.a);
    SDL_RenderDrawLine(g->r, x1, y1, x2, y2);
}

void dash_copy(dash_gfx *g, const dash_tex *t, const SDL_Rect *src, SDL_Rect dst)
{
    if (!t->tex)
        return;
    if (g->recording) {
        dash_rec_copy(g, t, src, dst);
        return;
    }
    SDL_RenderCopy(g->r, t->tex, src, &dst);
}

int dash_line_h(dash_gfx *g, dash_font_id f)
{
    return g->fonts.f[f] ? TTF_FontLineSkip(g->fonts.f[f]) : 0;
}

int dash_text(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c, int x,
              int y, int wrap_w)
{
    dash_tex t;
    if (!dash_text_get(&g->text, s, f, c, wrap_w, &t) || !t.tex)
        return 0;
    SDL_Rect dst = { x, y, t.w, t.h };
    dash_copy(g, &t, NULL, dst);
    dash_label_note(g, s, f, x, y, wrap_w, 0, t.w, false);
    return t.h;
}

void dash_clip(dash_gfx *g, const SDL_Rect *r)
{
    g->clip_on = r != NULL;
    if (r)
        g->clip = *r;
    if (!g->recording)
        SDL_RenderSetClipRect(g->r, r);
}

int dash_text_line_count(dash_gfx *g, const char *s, dash_font_id f, int max_w)
{
    if (!s || !*s)
        return 0;
    if (max_w <= 0 || dash_text_width(g, s, f) <= max_w)
        return 1;
    dash_tex t;
    int lh = dash_line_h(g, f);
    if (!dash_text_get(&g->text, s, f, DASH_COL_TEXT, max_w, &t) || lh <= 0)
        return 1;
    return t.h / lh > 1 ? t.h / lh : 1;
}

/* Is every Latin word of s no wider than w (a name is not broken inside
 * a word to make it fit)? CJK text may break anywhere. */
static bool words_fit(dash_gfx *g, const char *s, dash_font_id f, int w)
{
    char word[256];
    while (*s) {
        while (*s == ' ')
            s++;
        size_t n = strcspn(s, " ");
        bool latin = n > 0 && n < sizeof word;
        for (size_t i = 0; latin && i < n; i++)
            latin = (unsigned char)s[i] < 0x80;
        if (latin) {
            memcpy(word, s, n);
            word[n] = '\0';
            int ww = 0;
            if (g->fonts.f[f] && TTF_SizeUTF8(g->fonts.f[f], word, &ww, NULL) == 0 && ww > w)
                return false;
        }
        s += n;
    }
    return true;
}

bool dash_label_fits(dash_gfx *g, const char *s, dash_font_id f, int max_w, int max_lines)
{
    return dash_text_line_count(g, s, f, max_w) <= max_lines &&
           (max_lines == 1 || words_fit(g, s, f, max_w));
}

const char *dash_label_fit_str(dash_gfx *g, const char *text, const char *alt, dash_font_id f,
                               int max_w, int max_lines, int *lines)
{
    if (max_lines < 1)
        max_lines = 1;
    int n = dash_text_line_count(g, text, f, max_w);
    if (alt && alt[0] && !dash_label_fits(g, text, f, max_w, max_lines)) {
        dash_label_note_pick(g, text, alt);
        text = alt;
        n = dash_text_line_count(g, text, f, max_w);
    }
    if (lines)
        *lines = n < 1 ? 1 : n > max_lines ? max_lines : n;
    return text;
}

const char *dash_label_fit(dash_gfx *g, const tt_text *full, const tt_text *shorter,
                           tt_lang lang, dash_font_id f, int max_w, int max_lines, int *lines)
{
    return dash_label_fit_str(g, tt_text_get(full, lang),
                              shorter ? tt_text_get(shorter, lang) : "", f, max_w, max_lines,
                              lines);
}

const char *dash_label_pick(dash_gfx *g, const tt_text *full, const tt_text *shorter,
                            tt_lang lang, dash_font_id f, int max_w)
{
    if (max_w <= 0)
        return tt_text_get(full, lang);
    return dash_label_fit(g, full, shorter, lang, f, max_w, 1, NULL);
}

int dash_text_fit(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c, int x,
                  int y, int max_w)
{
    dash_tex t;
    if (!dash_text_get(&g->text, s, f, c, 0, &t) || !t.tex)
        return 0;
    if (max_w <= 0 || t.w <= max_w) {
        SDL_Rect dst = { x, y, t.w, t.h };
        dash_copy(g, &t, NULL, dst);
        dash_label_note(g, s, f, x, y, 0, 0, t.w, false);
        return t.h;
    }
    /* Too wide: clip, and say so with an ellipsis rather than cut a glyph. */
    dash_tex e;
    int ew = dash_text_get(&g->text, "…", f, c, 0, &e) && e.tex ? e.w : 0;
    int w = max_w - ew > 0 ? max_w - ew : max_w;
    SDL_Rect src = { 0, 0, w, t.h }, dst = { x, y, w, t.h };
    dash_copy(g, &t, &src, dst);
    if (ew && w < max_w) {
        SDL_Rect edst = { x + w, y, e.w, e.h };
        dash_copy(g, &e, NULL, edst);
    }
    dash_label_note(g, s, f, x, y, 0, 0, w, ew && w < max_w);
    return t.h;
}

int dash_text_lines(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c, int x,
                    int y, int wrap_w, int max_lines)
{
    /* One line when it fits (as dash_text_line_count counts it). */
    if (max_lines > 0 && wrap_w > 0 && dash_text_width(g, s, f) <= wrap_w)
        return dash_text(g, s, f, c, x, y, 0);
    dash_tex t;
    if (!dash_text_get(&g->text, s, f, c, wrap_w, &t) || !t.tex)
        return 0;
    int lh = dash_line_h(g, f), cap = max_lines * lh;
    if (max_lines <= 0 || t.h <= cap) {
        SDL_Rect dst = { x, y, t.w, t.h };
        dash_copy(g, &t, NULL, dst);
        dash_label_note(g, s, f, x, y, wrap_w, 0, t.w, false);
        return t.h;
    }
    /* More lines than room: the lines before the last as wrapped, the last
     * one holding the rest of the text, ellipsised. */
    dash_line lines[64];
    size_t n = dash_wrap(g->fonts.f[f], s, wrap_w, lines, 64);
    if (n <= (size_t)max_lines)
        n = (size_t)max_lines;
    int above = (max_lines - 1) * lh;
    if (above > 0) {
        SDL_Rect src = { 0, 0, t.w, above }, dst = { x, y, t.w, above };
        dash_copy(g, &t, &src, dst);
    }
    const char *rest = s + lines[max_lines - 1].start;
    dash_label_log *log = g->labels;
    g->labels = NULL;
    dash_text_fit(g, rest, f, c, x, y + above, wrap_w);
    g->labels = log;
    int rest_w = dash_text_width(g, rest, f), ew = dash_text_width(g, "…", f);
    bool cut = rest_w > wrap_w;
    dash_label_note(g, s, f, x, y, wrap_w, max_lines,
                    cut ? (wrap_w - ew > 0 ? wrap_w - ew : wrap_w) : rest_w, cut);
    return cap;
}

int dash_text_width(dash_gfx *g, const char *s, dash_font_id f)
{
    dash_tex t;
    if (!dash_text_get(&g->text, s, f, DASH_COL_TEXT, 0, &t))
        return 0;
    return t.w;
}

int dash_text_right(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c,
                    int x_right, int y)
{
    dash_tex t;
    if (!dash_text_get(&g->text, s, f, c, 0, &t) || !t.tex)
        return 0;
    SDL_Rect dst = { x_right - t.w, y, t.w, t.h };
    dash_copy(g, &t, NULL, dst);
    dash_label_note(g, s, f, x_right - t.w, y, 0, 0, t.w, false);
    return t.h;
}

SDL_Rect dash_panel(dash_gfx *g, SDL_Rect r, const char *title)
{
    dash_fill(g, r, DASH_COL_PANEL);
    int p = dash_px(g, 8);
    int y = r.y + p;
    if (title && *title) {
        y += dash_text_fit(g, title, F_BODY_BOLD, DASH_COL_ACCENT, r.x + p, y,
                           r.w - 2 * p);
        y += dash_px(g, 4);
    }
    return (SDL_Rect){ r.x + p, y, r.w - 2 * p, r.y + r.h - p - y };
}

void dash_add_hit(dash_ui *ui, dash_hit_kind k, int index, SDL_Rect r)
{
    if (!ui || ui->n_hits >= DASH_MAX_BUTTONS)
        return;
    ui->hits[ui->n_hits++] = (dash_hit){ k, index, r };
}

void dash_wheel(dash_ui *ui, const dash_hit *h, int dy)
{
    if (!ui || !h || h->kind != H_FEED)
        return;
    if (dy > 0)                         /* wheel up: towards the newest */
        ui->feed_skip = (size_t)dy >= ui->feed_skip ? 0 : ui->feed_skip - (size_t)dy;
    else
        ui->feed_skip += (size_t)(-dy);
}

int dash_gfx_init(dash_gfx *g, SDL_Renderer *r, const char *font_path,
                  long font_index, tt_error *err)
{
    memset(g, 0, sizeof *g);
    g->r = r;
    if (dash_fonts_find(&g->fonts, font_path, font_index, err) != 0)
        return -1;
    if (dash_text_init(&g->text, r, &g->fonts) != 0) {
        tt_error_set_as(err, TT_ERR_NOMEM, NULL, 0, 0, TT_MSG(E_DASH_OOM));
        return -1;
    }
    return 0;
}

int dash_gfx_resize(dash_gfx *g, int w, int h, bool scrubber, tt_error *err)
{
    dash_layout_compute(&g->layout, w, h, scrubber);
    double sx = w / 1280.0, sy = h / 720.0;
    double s = sx < sy ? sx : sy;
    s = round(s * 20.0) / 20.0;     /* reopen fonts only on real size changes */
    if (s < 0.4)
        s = 0.4;
    if (g->fonts.f[0] && fabs(s - g->fonts.scale) < 1e-9)
        return 0;
    dash_text_clear(&g->text);
    return dash_fonts_open(&g->fonts, s, err);
}

void dash_gfx_free(dash_gfx *g)
{
    dash_frame_free(g);
    dash_text_free(&g->text);
    dash_fonts_close(&g->fonts);
}

/* ---- header and score ---- */

static const char *status_text(const dash_view *v, const dash_ui *ui, SDL_Color *c)
{
    if (v->ended) {
        *c = DASH_COL_DIM;
        return dash_s(S_ENDED, v->lang);
    }
    if (!v->started) {
        *c = DASH_COL_DIM;
        return dash_s(S_READY, v->lang);
    }
    if (v->paused) {
        *c = DASH_COL_OVERDUE;
        return dash_s(S_PAUSED, v->lang);
    }
    (void)ui;
    *c = DASH_COL_REACHED;
    return dash_s(S_RUNNING, v->lang);
}

static int button(dash_gfx *g, dash_ui *ui, dash_hit_kind k, const char *label,
                  int x_right, int y, int h)
{
    int p = dash_px(g, 8);
    int w = dash_text_width(g, label, F_BODY) + 2 * p;
    SDL_Rect r = { x_right - w, y, w, h };
    dash_fill(g, r, DASH_COL_BUTTON);
    int th = dash_line_h(g, F_BODY);
    dash_text(g, label, F_BODY, DASH_COL_TEXT, r.x + p, y + (h - th) / 2, 0);
    dash_add_hit(ui, k, 0, r);
    return w;
}

void dash_draw_header(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r)
{
    const tt_scenario *sc = v->sc;
    int p = dash_px(g, 12);
    dash_fill(g, r, DASH_COL_PANEL);
    SDL_Rect bar = { r.x, r.y + r.h - dash_px(g, 3), r.w, dash_px(g, 3) };
    dash_fill(g, bar, DASH_COL_ACCENT);

    /* The clock, centred: the room reads it from the back. */
    char clock[32], len[32], line[96];
    tt_ms_format(v->now, clock, sizeof clock);
    int cw = dash_text_width(g, clock, F_CLOCK);
    int ch = dash_line_h(g, F_CLOCK);
    int cx = r.x + r.w / 2 - cw / 2;
    dash_text(g, clock, F_CLOCK, DASH_COL_TEXT, cx, r.y + (r.h - ch) / 2, 0);
    tt_span_format(sc->length, len, sizeof len);
    snprintf(line, sizeof line, "%s / %s", dash_s(S_CLOCK, v->lang), len);
    dash_text_right(g, line, F_SMALL, DASH_COL_DIM, cx - dash_px(g, 10),
                    r.y + (r.h - dash_line_h(g, F_SMALL)) / 2);

    /* The title takes what is left of the clock and its label. */
    int title_w = cx - dash_px(g, 10) - dash_text_width(g, line, F_SMALL) - dash_px(g, 16) -
                  (r.x + p);
    if (title_w < dash_px(g, 40))
        title_w = dash_px(g, 40);
    int ty = r.y + dash_px(g, 6);
    ty += dash_text_fit(g, tt_text_get(&sc->title, v->lang), F_TITLE, DASH_COL_TEXT,
                        r.x + p, ty, title_w);
    char sub[256];
    snprintf(sub, sizeof sub, "%s%s%s", sc->id ? sc->id : "",
             sc->source ? " · " : "", sc->source ? sc->source : "");
    dash_text_fit(g, sub, F_SMALL, DASH_COL_DIM, r.x + p, ty, title_w);

    /* Speed and state on the right; live mode adds buttons. */
    SDL_Color sc_col = DASH_COL_ACCENT;
    const char *st = ui && ui->mode == DASH_REPLAY ? dash_s(S_REPLAY, v->lang)
                                                   : status_text(v, ui, &sc_col);
    int x = r.x + r.w - p;
    int bh = dash_px(g, 30);
    int by = r.y + (r.h - bh) / 2 - dash_px(g, 1);
    if (ui && ui->mode == DASH_LIVE && !v->ended) {
        x -= button(g, ui, H_SKIP, dash_s(S_NEXT_BUTTON, v->lang), x, by, bh) + dash_px(g, 6);
        x -= button(g, ui, H_SPEED_UP, "+", x, by, bh) + dash_px(g, 4);
        x -= button(g, ui, H_SPEED_DOWN, "−", x, by, bh) + dash_px(g, 6);
        x -= button(g, ui, H_PAUSE, dash_s(v->paused ? S_RESUME_BUTTON : S_PAUSE_BUTTON, v->lang),
                    x, by, bh) + dash_px(g, 12);
    }
    int sw = dash_text_width(g, st, F_BODY_BOLD) + dash_px(g, 16);
    SDL_Rect badge = { x - sw, by, sw, bh };
    dash_fill(g, badge, sc_col);
    dash_text(g, st, F_BODY_BOLD, DASH_COL_BG, badge.x + dash_px(g, 8),
              by + (bh - dash_line_h(g, F_BODY_BOLD)) / 2, 0);
    x -= sw + dash_px(g, 12);
    double speed = ui && ui->mode == DASH_REPLAY ? ui->play_speed : v->speed;
    snprintf(line, sizeof line, "%s ×%g", dash_s(S_SPEED, v->lang), speed);
    dash_text_right(g, line, F_BODY, DASH_COL_TEXT, x,
                    r.y + (r.h - dash_line_h(g, F_BODY)) / 2);
}

/* Never green while an objective is missed (rated U): the one rule the
 * web pages use too (tt_score_summary_tone). */
static SDL_Color score_colour(const tt_score_summary *s)
{
    switch (tt_score_summary_tone(s)) {
    case TT_TONE_GOOD: return DASH_COL_REACHED;
    case TT_TONE_FAIR: return DASH_COL_OVERDUE;
    case TT_TONE_POOR: return DASH_COL_MISSED;
    default: return DASH_COL_DIM;
    }
}

/* One row: title and the rule in words on the left, the number on the right. */
void dash_draw_score(dash_gfx *g, const dash_view *v, SDL_Rect r)
{
    /* Once the exercise has ended the number is the scorecard's, no longer
     * a projection. */
    SDL_Rect c = dash_panel(g, r, dash_s(v->ended ? S_SCORE_FINAL : S_SCORE, v->lang));
    char num[32];
    /* Nothing assessed yet: no number rather than a zero. */
    if (v->scored.n_assessed)
        snprintf(num, sizeof num, "%d", v->scored.score);
    else
        snprintf(num, sizeof num, "—");
    int right = c.x + c.w;
    int ow = dash_text_width(g, "/ 100", F_BODY);
    int ch = dash_line_h(g, F_CLOCK);
    int y = r.y + (r.h - ch) / 2;
    dash_text_right(g, "/ 100", F_BODY, DASH_COL_DIM, right,
                    y + ch - dash_line_h(g, F_BODY) - dash_px(g, 4));
    int nw = dash_text_width(g, num, F_CLOCK);
    dash_text_right(g, num, F_CLOCK, v->scored.n_assessed ? score_colour(&v->scored) : DASH_COL_DIM,
                    right - ow - dash_px(g, 6), y);
    /* Ended: the rating beside the final number, as the card names it. */
    char note[256];
    if (v->ended && v->scored.n_assessed)
        snprintf(note, sizeof note, "%s — %s", tt_rating_name(v->scored.rating, v->lang),
                 dash_s(S_SCORE_FINAL_NOTE, v->lang));
    else
        snprintf(note, sizeof note, "%s", dash_s(v->ended ? S_SCORE_FINAL_NOTE : S_SCORE_NOTE,
                                                 v->lang));
    dash_text_lines(g, note, F_SMALL, DASH_COL_DIM, c.x, c.y, c.w - nw - ow - dash_px(g, 16), 2);
}

void dash_draw(dash_gfx *g, const dash_view *v, dash_ui *ui)
{
    const dash_layout *l = &g->layout;
    dash_text_frame(&g->text);
    if (ui) {
        ui->n_hits = 0;
        ui->n_chips = 0;
    }
    dash_frame_begin(g);
    dash_fill(g, (SDL_Rect){ 0, 0, l->w, l->h }, DASH_COL_BG);
    g->region = R_HEADER;
    dash_draw_header(g, v, ui, l->r[R_HEADER]);
    g->region = R_FEED;
    dash_draw_feed(g, v, ui, l->r[R_FEED]);
    g->region = R_STATE;
    dash_draw_state(g, v, l->r[R_STATE]);
    g->region = R_DIAGRAM;
    dash_draw_diagram(g, v, ui, l->r[R_DIAGRAM]);
    g->region = R_OBJECTIVES;
    dash_draw_objectives(g, v, ui, l->r[R_OBJECTIVES]);
    g->region = R_SCORE;
    dash_draw_score(g, v, l->r[R_SCORE]);
    g->region = R_ACTIONS;
    dash_draw_actions(g, v, ui, l->r[R_ACTIONS]);
    g->region = R_SCRUBBER;
    if (l->r[R_SCRUBBER].w > 0)
        dash_draw_scrubber(g, v, ui, l->r[R_SCRUBBER]);
    dash_frame_end(g);
}
