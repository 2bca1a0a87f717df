/* Incident state: gauges and counters for the scenario's metrics. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dash.h"

static void format_number(double x, char *buf, size_t n)
{
    if (fabs(x - round(x)) > 1e-9 || fabs(x) >= 1e15) {
        snprintf(buf, n, "%.1f", x);
        return;
    }
    long long v = llround(x);
    char raw[32];
    snprintf(raw, sizeof raw, "%lld", v < 0 ? -v : v);
    size_t len = strlen(raw), o = 0;
    if (v < 0 && o + 1 < n)
        buf[o++] = '-';
    for (size_t i = 0; i < len && o + 2 < n; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = raw[i];
    }
    buf[o] = '\0';
}

static void value_text(const tt_value *val, char *buf, size_t n, tt_lang L)
{
    if (!val) {
        snprintf(buf, n, "—");
        return;
    }
    switch (val->type) {
    case TT_VAL_BOOL:
        snprintf(buf, n, "%s", tt_term_text(val->as.b ? LBL_YES : LBL_NO, L));
        break;
    case TT_VAL_STR:
        snprintf(buf, n, "%s", val->as.s ? val->as.s : "");
        break;
    default:
        format_number(tt_value_number(val), buf, n);
        break;
    }
}

/* One metric: its label on a line of its own (labels are long in Japanese),
 * then a bar (when it has a scale) with the value and unit at its right. */
static int gauge(dash_gfx *g, const dash_view *v, SDL_Rect c, int y,
                 const char *label, const tt_value *val, const char *unit,
                 double max, bool damage, bool dense)
{
    char num[64], line[160];
    value_text(val, num, sizeof num, v->lang);
    snprintf(line, sizeof line, "%s%s%s", num, unit && *unit ? " " : "", unit ? unit : "");
    int bh = dash_line_h(g, F_BODY_BOLD);
    int vw = dash_text_width(g, line, F_BODY_BOLD);
    if (dense) {
        /* Label and value on one line, a thin bar under them. */
        SDL_Color vc = damage && val && tt_value_number(val) > 0 ? DASH_COL_OVERDUE
                                                                  : DASH_COL_TEXT;
        dash_text_fit(g, label, F_SMALL, DASH_COL_DIM, c.x,
                      y + bh - dash_line_h(g, F_SMALL), c.w - vw - dash_px(g, 6));
        dash_text_right(g, line, F_BODY_BOLD, vc, c.x + c.w, y);
        y += bh;
        if (max > 0 && val && val->type != TT_VAL_STR) {
            double f = tt_value_number(val) / max;
            f = f < 0 ? 0 : f > 1 ? 1 : f;
            dash_fill(g, (SDL_Rect){ c.x, y, c.w, dash_px(g, 3) }, DASH_COL_BG);
            dash_fill(g, (SDL_Rect){ c.x, y, (int)lround(c.w * f), dash_px(g, 3) },
                      damage ? DASH_COL_OVERDUE : DASH_COL_ACCENT);
        }
        return y + dash_px(g, 6);
    }
    /* Wrapped onto a second line before anything is cut. */
    y += dash_text_lines(g, label, F_SMALL, DASH_COL_DIM, c.x, y, c.w, 2);
    SDL_Color vc = damage && val && tt_value_number(val) > 0 ? DASH_COL_OVERDUE : DASH_COL_TEXT;
    dash_text_right(g, line, F_BODY_BOLD, vc, c.x + c.w, y);
    int bar_w = c.w - vw - dash_px(g, 10);
    if (max > 0 && val && val->type != TT_VAL_STR && bar_w > dash_px(g, 20)) {
        double f = tt_value_number(val) / max;
        f = f < 0 ? 0 : f > 1 ? 1 : f;
        int h = dash_px(g, 10);
        int by = y + (bh - h) / 2;
        dash_fill(g, (SDL_Rect){ c.x, by, bar_w, h }, DASH_COL_BG);
        SDL_Color fc = !damage ? DASH_COL_ACCENT
                       : f >= 0.75 ? DASH_COL_MISSED
                       : f >= 0.4 ? DASH_COL_OVERDUE : DASH_COL_REACHED;
        dash_fill(g, (SDL_Rect){ c.x, by, (int)lround(bar_w * f), h }, fc);
    }
    return y + bh + dash_px(g, 6);
}

void dash_draw_state(dash_gfx *g, const dash_view *v, SDL_Rect r)
{
    const tt_scenario *sc = v->sc;
    SDL_Rect c = dash_panel(g, r, dash_s(S_STATE, v->lang));
    SDL_RenderSetClipRect(g->r, &c);
    size_t n = sc->n_metrics ? sc->n_metrics : v->n_state;
    /* As many columns (up to three) as it takes to show every metric. */
    int row_h = dash_line_h(g, F_SMALL) + dash_line_h(g, F_BODY_BOLD) + dash_px(g, 6);
    int fit = c.h / (row_h > 0 ? row_h : 1);
    if (fit < 1)
        fit = 1;
    int cols = (int)((n + (size_t)fit - 1) / (size_t)fit);
    cols = cols < 1 ? 1 : cols > 3 ? 3 : cols;
    /* Still too many: one line per metric, two columns of them. */
    int dense_h = dash_line_h(g, F_BODY_BOLD) + dash_px(g, 6);
    bool dense = n > (size_t)(3 * fit);
    if (dense) {
        int dfit = c.h / (dense_h > 0 ? dense_h : 1);
        cols = dfit > 0 && n <= (size_t)dfit ? 1 : 2;
    }
    int gap = dash_px(g, 16);
    int cw = (c.w - (cols - 1) * gap) / cols;
    size_t per_col = (n + (size_t)cols - 1) / (size_t)cols;
    int y = c.y;
    for (size_t i = 0; i < n; i++) {
        int col = per_col ? (int)(i / per_col) : 0;
        if (per_col && i % per_col == 0)
            y = c.y;
        SDL_Rect cc = { c.x + col * (cw + gap), c.y, cw, c.h };
        if (sc->n_metrics) {
            const tt_metric *m = &sc->metrics[i];
            const char *label = dash_label_pick(g, &m->label, &m->short_label, v->lang,
                                                F_SMALL, dense ? cc.w * 2 / 3 : cc.w);
            y = gauge(g, v, cc, y, label,
                      dash_view_state(v, m->key), tt_text_get(&m->unit, v->lang),
                      m->max, m->damage, dense);
        } else {
            y = gauge(g, v, cc, y, v->state[i].key, &v->state[i].value, "", 0, false,
                      dense);
        }
    }
    SDL_RenderSetClipRect(g->r, NULL);
}
