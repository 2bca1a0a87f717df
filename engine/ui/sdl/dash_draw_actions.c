/* Roles and their action buttons. A role tab row, then the selected role's
 * actions as buttons; a disabled button says why (live: the exercise's
 * tt_exercise_can_act reason; replay: taken / in progress from the journal). */
#include <stdio.h>
#include <string.h>

#include "dash.h"

static const char *member_of(const dash_view *v, const char *role)
{
    if (!v->start)
        return NULL;
    for (size_t i = 0; i < v->start->n_members; i++)
        if (v->start->members[i].role && role &&
            strcmp(v->start->members[i].role, role) == 0)
            return v->start->members[i].name;
    return NULL;
}

/* Availability and the line under the label: live boards ask the exercise
 * (ui->can / ui->why); replays read taken / in progress from the records. */
static bool availability(const dash_view *v, const dash_ui *ui, size_t a, char *why,
                         size_t n)
{
    const tt_action *act = &v->sc->actions[a];
    const dash_action *d = &v->actions[a];
    tt_lang L = v->lang;
    char t[32];
    why[0] = '\0';
    if (d->in_progress) {
        tt_ms_format(d->until, t, sizeof t);
        snprintf(why, n, "%s %s", dash_s(S_IN_PROGRESS, L), t);
    } else if (d->taken > 0 && !act->repeatable) {
        tt_ms_format(d->last_taken, t, sizeof t);
        snprintf(why, n, "%s %s", dash_s(S_TAKEN_AT, L), t);
    }
    bool ok = why[0] == '\0';
    if (ui && ui->can) {
        ok = ui->can[a];
        const char *reason = tt_text_get(&ui->why[a], L);
        if (!ok && reason[0])
            snprintf(why, n, "%s", reason);
    }
    if (ok && !act->takes_fn) {
        /* API 1.1: a takes function is answered when the action starts. */
        tt_span_format(act->takes, t, sizeof t);
        snprintf(why, n, "%s %s", dash_s(S_TAKES, L), t);
    }
    return ok;
}

/* Role i's tab text ("2 System staff") and its short form ("" when none). */
static void role_label(const dash_view *v, size_t i, char *label, char *alt, size_t n)
{
    const tt_role *r = &v->sc->roles[i];
    snprintf(label, n, "%zu %s", i + 1, tt_text_get(&r->name, v->lang));
    const char *s = tt_text_get(&r->short_name, v->lang);
    if (s && *s)
        snprintf(alt, n, "%zu %s", i + 1, s);
    else
        alt[0] = '\0';
}

void dash_draw_actions(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r)
{
    const tt_scenario *sc = v->sc;
    tt_lang L = v->lang;
    SDL_Rect c = dash_panel(g, r, NULL);
    int p = dash_px(g, 6), sh = dash_line_h(g, F_SMALL), bh = dash_line_h(g, F_BODY);
    int sel = ui ? ui->role : 0;
    if (sel < 0 || (size_t)sel >= sc->n_roles)
        sel = 0;
    bool live = ui && ui->mode == DASH_LIVE;

    /* Role tabs, stacked on the left: the buttons get the panel's height. */
    /* The key line; two lines while asking or saying where N stopped. */
    int hint_lines = ui && live && (ui->confirm_end || ui->has_stop) ? 2 : 1;
    int hint_h = ui && ui->mode != DASH_SNAPSHOT ? hint_lines * sh + p / 2 : 0;
    int tabs_w = c.w * 17 / 100;
    int y = c.y;
    y += dash_text(g, dash_s(S_ROLES, L), F_SMALL, DASH_COL_ACCENT, c.x, y, 0);
    /* A name that does not fit wraps onto a second line of its tab, when
     * every tab still fits that way; else tabs keep one line (short form,
     * then cut). */
    int room = tabs_w - 3 * p;
    char label[256], alt[256];
    int tab_lines = 2;
    for (int pass = 0; pass < 2; pass++) {
        int need = 0;
        for (size_t i = 0; i < sc->n_roles; i++) {
            int ln;
            role_label(v, i, label, alt, sizeof label);
            dash_label_fit_str(g, label, alt, F_BODY_BOLD, room, tab_lines, &ln);
            need += ln * bh + p + p / 2;
        }
        if (y + need <= c.y + c.h - hint_h)
            break;
        tab_lines = 1;
    }
    for (size_t i = 0; i < sc->n_roles; i++) {
        int ln;
        role_label(v, i, label, alt, sizeof label);
        const char *name = dash_label_fit_str(g, label, alt, F_BODY_BOLD, room, tab_lines, &ln);
        int tab_h = ln * bh + p;
        if (y + tab_h > c.y + c.h - hint_h)
            break;
        const char *m = member_of(v, sc->roles[i].id);
        SDL_Rect tab = { c.x, y, tabs_w, tab_h };
        bool on = (int)i == sel;
        dash_fill(g, tab, on ? DASH_COL_BUTTON : DASH_COL_BG);
        if (on)
            dash_fill(g, (SDL_Rect){ tab.x, tab.y, dash_px(g, 4), tab.h }, DASH_COL_FOCUS);
        SDL_Color col = on ? DASH_COL_TEXT : DASH_COL_DIM;
        if (ln > 1) {
            dash_text_lines(g, name, F_BODY_BOLD, col, tab.x + 2 * p, y + p / 2, room, ln);
        } else {
            int nw = dash_text_width(g, name, F_BODY_BOLD);
            dash_text_fit(g, name, F_BODY_BOLD, col, tab.x + 2 * p, y + p / 2, room);
            if (m && nw + p < room)
                dash_text_fit(g, m, F_SMALL, DASH_COL_DIM, tab.x + 2 * p + nw + p,
                              y + p / 2 + (bh - sh), room - nw - p);
        }
        if (live || (ui && ui->mode == DASH_REPLAY))
            dash_add_hit(ui, H_ROLE, (int)i, tab);
        y += tab_h + p / 2;
    }

    /* Action buttons of the selected role, in a grid right of the tabs:
     * labels get two lines, the line under them says how long or why not. */
    int gx = c.x + tabs_w + 2 * p, gw = c.x + c.w - gx;
    int top = c.y;
    int area_h = c.y + c.h - hint_h - top;
    int btn_h = 2 * bh + sh + p;
    int min_w = dash_px(g, 210);
    int cols = gw / min_w < 1 ? 1 : gw / min_w;
    int btn_w = (gw - (cols - 1) * p) / cols;
    int rows = (area_h + p) / (btn_h + p) < 1 ? 1 : (area_h + p) / (btn_h + p);
    int per_page = rows * cols;

    size_t idx[DASH_MAX_ACTIONS];
    size_t n = dash_role_actions(sc, sel, idx, DASH_MAX_ACTIONS);
    if (n == 0)
        dash_text(g, dash_s(S_NO_ACTIONS, L), F_BODY, DASH_COL_DIM, gx, top, 0);
    int focus = ui && ui->focus >= 0 && (size_t)ui->focus < n ? ui->focus : 0;
    size_t first = (size_t)(focus / per_page) * (size_t)per_page;
    char why[512];
    for (size_t k = first; k < n && k < first + (size_t)per_page; k++) {
        size_t a = idx[k];
        int slot = (int)(k - first);
        SDL_Rect b = { gx + (slot % cols) * (btn_w + p), top + (slot / cols) * (btn_h + p),
                       btn_w, btn_h };
        bool ok = availability(v, ui, a, why, sizeof why);
        const tt_action *act = &sc->actions[a];
        dash_fill(g, b, ok ? DASH_COL_BUTTON : DASH_COL_DISABLED);
        if (ui && (int)k == focus && live)
            dash_frame(g, b, DASH_COL_FOCUS, dash_px(g, 2));
        /* The stable number (the terminal's and the web page's): it never
         * changes with availability. */
        snprintf(label, sizeof label, "%d %s", tt_action_number(sc, sel, (int)a),
                 tt_text_get(&act->label, L));
        dash_text_lines(g, label, F_BODY,
                        ok ? DASH_COL_TEXT : DASH_COL_DIM, b.x + p, b.y + p / 2, b.w - 2 * p, 2);
        dash_text_fit(g, why, F_SMALL, ok ? DASH_COL_DIM : DASH_COL_OVERDUE, b.x + p,
                      b.y + p / 2 + 2 * bh, b.w - 2 * p);
        if (live)
            dash_add_hit(ui, H_ACTION, (int)k, b);
    }
    if (n > (size_t)per_page) {
        snprintf(why, sizeof why, "%zu/%zu", first / (size_t)per_page + 1,
                 (n + (size_t)per_page - 1) / (size_t)per_page);
        dash_text_right(g, why, F_SMALL, DASH_COL_DIM, c.x + c.w, c.y + c.h - sh);
    }
    if (ui && ui->input != INPUT_NONE) {
        dash_draw_input(g, v, ui, c);
    } else if (ui && ui->mode != DASH_SNAPSHOT) {
        char said[1024];
        const char *hint = dash_s(ui->mode == DASH_LIVE ? S_KEYS_LIVE : S_KEYS_REPLAY, L);
        bool asking = ui->confirm_end || (ui->confirm_next && live);
        if (ui->confirm_end) {
            size_t open = 0;
            for (size_t i = 0; i < sc->n_objectives; i++)
                open += v->objectives[i].status == TT_OBJECTIVE_OPEN;
            char at[32];
            tt_ms_format(v->now, at, sizeof at);
            snprintf(said, sizeof said, TT_FMT(L, S_ASK_END_FMT), at, open);
            hint = said;
        } else if (v->ended && live) {
            hint = dash_s(S_ENDED_CLOSE, L);
        } else if (ui->has_stop && live) {
            /* Where N stopped and why; before a limit, the question. */
            tt_next_stop_say(sc, &ui->stop, L, said, sizeof said);
            if (ui->confirm_next) {
                size_t used = strlen(said);
                snprintf(said + used, sizeof said - used, " — %s", dash_s(S_CONFIRM_NEXT, L));
            }
            hint = said;
        }
        /* Questions and stops wrap onto a second line rather than being cut. */
        if (asking || (ui->has_stop && live))
            dash_text_lines(g, hint, F_SMALL, asking ? DASH_COL_FOCUS : DASH_COL_TEXT, c.x,
                            c.y + c.h - 2 * sh, c.w - dash_px(g, 60), 2);
        else
            dash_text_fit(g, hint, F_SMALL, DASH_COL_DIM, c.x, c.y + c.h - sh,
                          c.w - dash_px(g, 60));
    }
}

void dash_draw_input(dash_gfx *g, const dash_view *v, const dash_ui *ui, SDL_Rect c)
{
    tt_lang L = v->lang;
    int p = dash_px(g, 6), bh = dash_line_h(g, F_BODY), sh = dash_line_h(g, F_SMALL);
    SDL_Rect bar = { c.x, c.y + c.h - bh - p, c.w, bh + p };
    dash_fill(g, bar, DASH_COL_BG);
    dash_frame(g, bar, DASH_COL_FOCUS, dash_px(g, 2));
    char label[256];
    if (ui->input == INPUT_NOTE && (size_t)ui->role < v->sc->n_roles)
        snprintf(label, sizeof label, "%s %s:", dash_s(S_INPUT_NOTE, L),
                 tt_text_get(&v->sc->roles[ui->role].name, L));
    else
        snprintf(label, sizeof label, "%s:", dash_s(S_INPUT_INJECT, L));
    int x = bar.x + p, y = bar.y + p / 2;
    dash_text(g, label, F_BODY_BOLD, DASH_COL_FOCUS, x, y, 0);
    x += dash_text_width(g, label, F_BODY_BOLD) + p;
    const char *hint = dash_s(S_INPUT_HINT, L);
    int hw = dash_text_width(g, hint, F_SMALL);
    int room = bar.x + bar.w - p - hw - p - x;
    /* Show the end of long text: that is where the typing happens. */
    char shown[1400];
    snprintf(shown, sizeof shown, "%s%s|", ui->input_text, ui->input_editing);
    int w = dash_text_width(g, shown, F_BODY);
    dash_tex t;
    if (dash_text_get(&g->text, shown, F_BODY, DASH_COL_TEXT, 0, &t) && t.tex) {
        int cut = w > room ? w - room : 0;
        SDL_Rect src = { cut, 0, t.w - cut, t.h }, dst = { x, y, t.w - cut, t.h };
        dash_copy(g, &t, &src, dst);
    }
    dash_text(g, hint, F_SMALL, DASH_COL_DIM, bar.x + bar.w - p - hw,
              bar.y + (bar.h - sh) / 2, 0);
}
