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

/* A metric's label: its full text and short form ("" when none). */
typedef struct metric_label {
    const char *full, *alt;
} metric_label;

static metric_label label_of(const dash_view *v, size_t i)
{
    const tt_scenario *sc = v->sc;
    if (sc->n_metrics)
        return (metric_label){ tt_text_get(&sc->metrics[i].label, v->lang),
                               tt_text_get(&sc->metrics[i].short_label, v->lang) };
    return (metric_label){ v->state[i].key, "" };
}

/* Height of a gauge whose label takes `lines` lines. */
static int gauge_h(dash_gfx *g, int lines)
{
    return lines * dash_line_h(g, F_SMALL) + dash_line_h(g, F_BODY_BOLD) + dash_px(g, 6);
}

/* One metric: its label on one or two lines of its own (labels are long in
 * Japanese; wrapped before anything is cut, the scenario's short form when
 * two lines are not enough), then a bar (when it has a scale) with the value
 * and unit at its right. Dense: label and value on one line. */
static int gauge(dash_gfx *g, const dash_view *v, SDL_Rect c, int y, metric_label lb,
                 int label_lines, const tt_value *val, const char *unit, double max,
                 bool damage, bool dense)
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
        int room = c.w - vw - dash_px(g, 6);
        const char *label = dash_label_fit_str(g, lb.full, lb.alt, F_SMALL, room, 1, NULL);
        dash_text_fit(g, label, F_SMALL, DASH_COL_DIM, c.x, y + bh - dash_line_h(g, F_SMALL),
                      room);
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
    int lines;
    const char *label = dash_label_fit_str(g, lb.full, lb.alt, F_SMALL, c.w, label_lines,
                                           &lines);
    y += dash_text_lines(g, label, F_SMALL, DASH_COL_DIM, c.x, y, c.w, lines);
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

/* Do n gauges fit in `cols` columns of width cw and height h, labels
 * wrapped at cw? */
static bool columns_fit(dash_gfx *g, const dash_view *v, size_t n, int cols, int cw, int h,
                        int max_lines)
{
    size_t per_col = (n + (size_t)cols - 1) / (size_t)cols;
    int used = 0;
    for (size_t i = 0; i < n; i++) {
        if (per_col && i % per_col == 0)
            used = 0;
        metric_label lb = label_of(v, i);
        int lines;
        const char *text = dash_label_fit_str(g, lb.full, lb.alt, F_SMALL, cw, max_lines, &lines);
        if (!dash_label_fits(g, text, F_SMALL, cw, max_lines))
            return false;
        used += gauge_h(g, lines);
        if (used > h)
            return false;
    }
    return true;
}

void dash_draw_state(dash_gfx *g, const dash_view *v, SDL_Rect r)
{
    const tt_scenario *sc = v->sc;
    SDL_Rect c = dash_panel(g, r, dash_s(S_STATE, v->lang));
    dash_clip(g, &c);
    size_t n = sc->n_metrics ? sc->n_metrics : v->n_state;
    /* As few columns (up to three) as show every metric with its label
     * whole; still too many: one line per metric, in one or two columns. */
    int gap = dash_px(g, 16);
    int cols = 1, label_lines = 2;
    bool dense = true;
    /* Full labels on up to two lines, else short forms on one. */
    for (; dense && label_lines >= 1; label_lines--)
        for (cols = 1; cols <= 3; cols++) {
            int cw = (c.w - (cols - 1) * gap) / cols;
            if (columns_fit(g, v, n, cols, cw, c.h, label_lines)) {
                dense = false;
                break;
            }
        }
    label_lines++;
    if (dense) {
        int dense_h = dash_line_h(g, F_BODY_BOLD) + dash_px(g, 6);
        int dfit = c.h / (dense_h > 0 ? dense_h : 1);
        cols = dfit > 0 && n <= (size_t)dfit ? 1 : 2;
    }
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
            y = gauge(g, v, cc, y, label_of(v, i), label_lines, dash_view_state(v, m->key),
                      tt_text_get(&m->unit, v->lang), m->max, m->damage, dense);
        } else {
            y = gauge(g, v, cc, y, label_of(v, i), label_lines, &v->state[i].value, "", 0, false,
                      dense);
        }
    }
    dash_clip(g, NULL);
}
