/* The organisation diagram. Scenarios describe no network diagram, so it is
 * derived: the response team's roles in one box, the outside actors below
 * grouped by kind; whoever spoke or acted in the last 10 simulated minutes
 * is lit, and (live) an actor whose reply is on its way carries a mark. */
#include <string.h>

#include "dash.h"

#define RECENT_MS (10 * 60 * 1000)
#define NODE_PAD(g) dash_px(g, 5)
#define NODE_MARK(g) dash_px(g, 18)     /* room for the "reply on its way" dots */

static const char *kind_name(const char *kind, tt_lang L)
{
    const tt_actor_kind *k = tt_actor_kind_find(kind);
    return k ? tt_text_get(&k->label, L) : "—";
}

/* A box in the diagram holding a name on `lines` lines (wrapped before it
 * is cut); lit = spoke or acted lately; waiting = a reply from it is on its
 * way (live only), shown as a dotted mark on its right (room for it kept
 * when reserve_mark, so a name does not reflow when the mark appears). */
static void node(dash_gfx *g, SDL_Rect b, const char *label, int lines, bool lit, bool waiting,
                 bool reserve_mark)
{
    dash_fill(g, b, lit ? (SDL_Color){ 40, 70, 110, 255 } : DASH_COL_BG);
    dash_frame(g, b, lit ? DASH_COL_FOCUS : DASH_COL_LINE, lit ? dash_px(g, 2) : 1);
    int p = NODE_PAD(g), mark = waiting || reserve_mark ? NODE_MARK(g) : 0;
    int lh = dash_line_h(g, F_SMALL);
    int fit = (b.h - 2) / (lh > 0 ? lh : 1);
    if (lines > fit)
        lines = fit < 1 ? 1 : fit;
    dash_text_lines(g, label, F_SMALL, DASH_COL_TEXT, b.x + p, b.y + (b.h - lines * lh) / 2,
                    b.w - 2 * p - mark, lines);
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
    dash_clip(g, &c);
    int lh = dash_line_h(g, F_SMALL), p = dash_px(g, 6), nh = lh + dash_px(g, 8);

    /* The team: one box holding a node per role, its name on the left;
     * names wrap onto a second line (every node then two lines high), and
     * when two lines are still too narrow the box's name moves above the
     * nodes to give them its width. */
    const char *tn = dash_s(S_TEAM, v->lang);
    size_t nr = sc->n_roles ? sc->n_roles : 1;
    int team_lines = 1, rw = 0, tw = 0;
    for (int above = 0; above < 2; above++) {
        tw = above ? 0 : dash_text_width(g, tn, F_SMALL) + 2 * p;
        rw = (c.w - tw - p) / (int)nr - p;
        team_lines = 1;
        bool cut = false;
        for (size_t i = 0; i < sc->n_roles; i++) {
            const char *name = dash_label_fit(g, &sc->roles[i].name, &sc->roles[i].short_name,
                                              v->lang, F_SMALL, rw - 2 * NODE_PAD(g), 2, NULL);
            int ln = dash_text_line_count(g, name, F_SMALL, rw - 2 * NODE_PAD(g));
            cut |= !dash_label_fits(g, name, F_SMALL, rw - 2 * NODE_PAD(g), 2);
            team_lines = ln > team_lines ? (ln > 2 ? 2 : ln) : team_lines;
        }
        if (!cut)
            break;
    }
    int title_h = tw ? 0 : lh + p / 2;
    int rh = nh + (team_lines - 1) * lh;
    SDL_Rect team = { c.x, c.y, c.w, title_h + rh + 2 * p };
    dash_frame(g, team, DASH_COL_ACCENT, 1);
    dash_text(g, tn, F_SMALL, DASH_COL_ACCENT, team.x + p,
              tw ? team.y + (team.h - lh) / 2 : team.y + p / 2, 0);
    for (size_t i = 0; i < sc->n_roles; i++) {
        SDL_Rect b = { team.x + (tw ? tw : p) + (int)i * (rw + p), team.y + title_h + p, rw, rh };
        int ln;
        const char *name = dash_label_fit(g, &sc->roles[i].name, &sc->roles[i].short_name,
                                          v->lang, F_SMALL, b.w - 2 * NODE_PAD(g), 2, &ln);
        node(g, b, name, ln, recent(v, v->role_last[i]), false, false);
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
        dash_clip(g, NULL);
        return;
    }
    int top = team.y + team.h + dash_px(g, 16);
    int gw = (c.w - (int)(nk - 1) * p) / (int)nk;
    /* The live board keeps room for the "reply on its way" mark. */
    bool marks = ui && ui->actor_waiting;
    int name_w = gw - 2 * NODE_PAD(g) - (marks ? NODE_MARK(g) : 0);
    int avail = c.y + c.h - top - lh - p / 2;
    int mid = team.x + team.w / 2;
    for (size_t k = 0; k < nk; k++) {
        int gx = c.x + (int)k * (gw + p);
        /* Connector from the team to the group. */
        dash_draw_line(g, mid, team.y + team.h, gx + gw / 2, top, DASH_COL_LINE);
        int y = top;
        dash_text_fit(g, kind_name(kinds[k], v->lang), F_SMALL, DASH_COL_DIM, gx, y, gw);
        y += lh + p / 2;
        /* The group's nodes share its height: two lines each when a name
         * needs them and they fit, else one (short form, then cut). */
        int cnt = 0, lines = 1;
        for (size_t i = 0; i < sc->n_actors; i++) {
            if (strcmp(sc->actors[i].kind ? sc->actors[i].kind : "", kinds[k]) != 0)
                continue;
            int ln;
            dash_label_fit(g, &sc->actors[i].name, &sc->actors[i].short_name, v->lang,
                           F_SMALL, name_w, 2, &ln);
            lines = ln > lines ? ln : lines;
            cnt++;
        }
        int room = avail / (cnt > 0 ? cnt : 1) - p / 2;
        int want = nh + (lines - 1) * lh;
        int anh = room < want ? room : want;
        if (anh < lh + 2)
            anh = lh + 2;
        int fit_lines = (anh - 2) / (lh > 0 ? lh : 1);
        fit_lines = fit_lines < 1 ? 1 : fit_lines > 2 ? 2 : fit_lines;
        for (size_t i = 0; i < sc->n_actors; i++) {
            const char *ak = sc->actors[i].kind ? sc->actors[i].kind : "";
            if (strcmp(ak, kinds[k]) != 0)
                continue;
            int ln;
            const char *name = dash_label_fit(g, &sc->actors[i].name,
                                              &sc->actors[i].short_name, v->lang, F_SMALL,
                                              name_w, fit_lines, &ln);
            node(g, (SDL_Rect){ gx, y, gw, anh }, name, ln, recent(v, v->actor_last[i]),
                 marks && ui->actor_waiting[i], marks);
            y += anh + p / 2;
        }
    }
    dash_clip(g, NULL);
}
