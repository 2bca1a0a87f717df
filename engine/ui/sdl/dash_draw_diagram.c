/* The organisation diagram. Scenarios describe no network diagram, so it is
 * derived: the response team's roles in one box, the outside actors below
 * grouped by kind; whoever spoke or acted in the last 10 simulated minutes
 * is lit, and (live) an actor whose reply is on its way carries a mark. */
#include <string.h>

#include "dash.h"

#define RECENT_MS (10 * 60 * 1000)

static const char *kind_name(const char *kind, tt_lang L)
{
    const tt_actor_kind *k = tt_actor_kind_find(kind);
    return k ? tt_text_get(&k->label, L) : "—";
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
        node(g, b, dash_label_pick(g, &sc->roles[i].name, &sc->roles[i].short_name, v->lang,
                                   F_SMALL, b.w - 2 * dash_px(g, 5)),
             recent(v, v->role_last[i]), false);
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
                 dash_label_pick(g, &sc->actors[i].name, &sc->actors[i].short_name, v->lang,
                                 F_SMALL, gw - 2 * dash_px(g, 5) - dash_px(g, 18)),
                 recent(v, v->actor_last[i]),
                 ui && ui->actor_waiting && ui->actor_waiting[i]);
            y += anh + p / 2;
        }
    }
    SDL_RenderSetClipRect(g->r, NULL);
}
