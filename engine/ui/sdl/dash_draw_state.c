/* Incident state: gauges and counters for the scenario's metrics, and the
 * organisation diagram. Scenarios describe no network diagram, so the
 * diagram is derived: the response team's roles on top, the outside actors
 * below grouped by kind; whoever spoke or acted recently is lit. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "dash.h"

#define RECENT_MS (10 * 60 * 1000)

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
        snprintf(buf, n, "%s", val->as.b ? (L == TT_LANG_JA ? "はい" : "yes")
                                         : (L == TT_LANG_JA ? "いいえ" : "no"));
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
    y += dash_text_fit(g, label, F_SMALL, DASH_COL_DIM, c.x, y, c.w);
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
            y = gauge(g, v, cc, y, tt_text_get(&m->label, v->lang),
                      dash_view_state(v, m->key), tt_text_get(&m->unit, v->lang),
                      m->max, m->damage, dense);
        } else {
            y = gauge(g, v, cc, y, v->state[i].key, &v->state[i].value, "", 0, false,
                      dense);
        }
    }
    SDL_RenderSetClipRect(g->r, NULL);
}

/* ---- organisation diagram ---- */

static const char *kind_name(const char *kind, tt_lang L)
{
    static const struct { const char *k; tt_text t; } kinds[] = {
        { "department", { "社内部門", "Departments" } },
        { "vendor", { "ベンダー", "Vendors" } },
        { "contractor", { "委託先", "Contractors" } },
        { "ministry", { "所管省庁", "Ministries" } },
        { "agency", { "関係機関", "Agencies" } },
        { "police", { "警察", "Police" } },
        { "customer", { "顧客", "Customers" } },
        { "media", { "報道", "Media" } },
        { "regulator", { "監督機関", "Regulators" } },
        { "management", { "経営層", "Management" } },
        { "system", { "システム", "Systems" } },
        { "centre", { "センター", "Centres" } },
        { "company", { "企業", "Companies" } },
        { "outsourcer", { "委託先", "Outsourcers" } },
    };
    for (size_t i = 0; kind && i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i].k, kind) == 0)
            return tt_text_get(&kinds[i].t, L);
    return kind ? kind : "—";
}

/* A box in the diagram; lit = spoke or acted lately; waiting = a reply from
 * it is on its way (live only), shown as a dotted mark on its right. */
static void node(dash_gfx *g, SDL_Rect b, const char *label, bool lit, bool waiting)
{
    dash_fill(g, b, lit ? (SDL_Color){ 40, 70, 110, 255 } : DASH_COL_BG);
    dash_frame(g, b, lit ? DASH_COL_FOCUS : DASH_COL_LINE, lit ? dash_px(g, 2) : 1);
    int p = dash_px(g, 5), mark = waiting ? dash_px(g, 18) : 0;
    dash_text_fit(g, label, F_SMALL, DASH_COL_TEXT, b.x + p,
                  b.y + (b.h - dash_line_h(g, F_SMALL)) / 2, b.w - 2 * p - mark);
    if (waiting) {
        int d = dash_px(g, 3) + 1;
        for (int i = 0; i < 3; i++)
            dash_fill(g, (SDL_Rect){ b.x + b.w - mark + i * (d + 2), b.y + b.h / 2 - d / 2,
                                     d, d }, DASH_COL_ACCENT);
    }
}

static bool recent(const dash_view *v, tt_ms t)
{
    return t != TT_MS_NEVER && v->now - t <= RECENT_MS;
}

void dash_draw_diagram(dash_gfx *g, const dash_view *v, const dash_ui *ui, SDL_Rect r)
{
    const tt_scenario *sc = v->sc;
    SDL_Rect c = dash_panel(g, r, dash_s(S_DIAGRAM, v->lang));
    SDL_RenderSetClipRect(g->r, &c);
    int lh = dash_line_h(g, F_SMALL), p = dash_px(g, 6), nh = lh + dash_px(g, 8);

    /* The team: one box holding a node per role, its name on the left. */
    SDL_Rect team = { c.x, c.y, c.w, nh + 2 * p };
    dash_frame(g, team, DASH_COL_ACCENT, 1);
    const char *tn = dash_s(S_TEAM, v->lang);
    int tw = dash_text_width(g, tn, F_SMALL) + 2 * p;
    dash_text(g, tn, F_SMALL, DASH_COL_ACCENT, team.x + p, team.y + (team.h - lh) / 2, 0);
    size_t nr = sc->n_roles ? sc->n_roles : 1;
    int rw = (team.w - tw - p) / (int)nr - p;
    for (size_t i = 0; i < sc->n_roles; i++) {
        SDL_Rect b = { team.x + tw + (int)i * (rw + p), team.y + p, rw, nh };
        node(g, b, tt_text_get(&sc->roles[i].name, v->lang), recent(v, v->role_last[i]), false);
    }

    /* Outside parties grouped by kind, in order of first appearance. */
    const char *kinds[16];
    size_t nk = 0;
    for (size_t i = 0; i < sc->n_actors && nk < 16; i++) {
        const char *k = sc->actors[i].kind ? sc->actors[i].kind : "";
        size_t j = 0;
        while (j < nk && strcmp(kinds[j], k) != 0)
            j++;
        if (j == nk)
            kinds[nk++] = k;
    }
    if (nk == 0) {
        SDL_RenderSetClipRect(g->r, NULL);
        return;
    }
    int top = team.y + team.h + dash_px(g, 16);
    int gw = (c.w - (int)(nk - 1) * p) / (int)nk;
    /* Shrink the actor nodes so the largest group fits. */
    int most = 1;
    for (size_t k = 0; k < nk; k++) {
        int cnt = 0;
        for (size_t i = 0; i < sc->n_actors; i++)
            cnt += strcmp(sc->actors[i].kind ? sc->actors[i].kind : "", kinds[k]) == 0;
        most = cnt > most ? cnt : most;
    }
    int room = (c.y + c.h - top - lh - p / 2) / most - p / 2;
    int anh = room < nh ? room : nh;
    if (anh < lh + 2)
        anh = lh + 2;
    int mid = team.x + team.w / 2;
    for (size_t k = 0; k < nk; k++) {
        int gx = c.x + (int)k * (gw + p);
        /* Connector from the team to the group. */
        SDL_SetRenderDrawColor(g->r, DASH_COL_LINE.r, DASH_COL_LINE.g, DASH_COL_LINE.b, 255);
        SDL_RenderDrawLine(g->r, mid, team.y + team.h, gx + gw / 2, top);
        int y = top;
        dash_text_fit(g, kind_name(kinds[k], v->lang), F_SMALL, DASH_COL_DIM, gx, y, gw);
        y += lh + p / 2;
        for (size_t i = 0; i < sc->n_actors; i++) {
            const char *ak = sc->actors[i].kind ? sc->actors[i].kind : "";
            if (strcmp(ak, kinds[k]) != 0)
                continue;
            node(g, (SDL_Rect){ gx, y, gw, anh },
                 tt_text_get(&sc->actors[i].name, v->lang), recent(v, v->actor_last[i]),
                 ui && ui->actor_waiting && ui->actor_waiting[i]);
            y += anh + p / 2;
        }
    }
    SDL_RenderSetClipRect(g->r, NULL);
}
