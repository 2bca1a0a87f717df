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
    if (ok) {
        tt_ms_format(act->takes, t, sizeof t);
        snprintf(why, n, "%s %s", L == TT_LANG_JA ? "所要" : "takes", t);
    }
    return ok;
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

    /* Role tabs. */
    int x = c.x, tab_h = bh + sh + p;
    dash_text(g, dash_s(S_ROLES, L), F_SMALL, DASH_COL_ACCENT, x, c.y, 0);
    x += dash_text_width(g, dash_s(S_ROLES, L), F_SMALL) + 2 * p;
    char label[256];
    for (size_t i = 0; i < sc->n_roles; i++) {
        const char *name = tt_text_get(&sc->roles[i].name, L);
        const char *m = member_of(v, sc->roles[i].id);
        snprintf(label, sizeof label, "%zu %s", i + 1, name);
        int w = dash_text_width(g, label, F_BODY_BOLD) + 2 * p;
        int mw = m ? dash_text_width(g, m, F_SMALL) + 2 * p : 0;
        if (mw > w)
            w = mw;
        SDL_Rect tab = { x, c.y, w, tab_h };
        bool on = (int)i == sel;
        dash_fill(g, tab, on ? DASH_COL_BUTTON : DASH_COL_BG);
        if (on)
            dash_fill(g, (SDL_Rect){ tab.x, tab.y + tab.h - dash_px(g, 3), tab.w,
                                     dash_px(g, 3) }, DASH_COL_FOCUS);
        dash_text(g, label, F_BODY_BOLD, on ? DASH_COL_TEXT : DASH_COL_DIM, x + p, c.y, 0);
        if (m)
            dash_text(g, m, F_SMALL, DASH_COL_DIM, x + p, c.y + bh, 0);
        if (live || (ui && ui->mode == DASH_REPLAY))
            dash_add_hit(ui, H_ROLE, (int)i, tab);
        x += w + p;
        if (x > c.x + c.w)
            break;
    }

    /* Action buttons of the selected role, in a grid. */
    int top = c.y + tab_h + p;
    int hint_h = sh + p / 2;
    int area_h = c.y + c.h - hint_h - top;
    int btn_h = bh + sh + 2 * p;
    int min_w = dash_px(g, 250);
    int cols = c.w / min_w < 1 ? 1 : c.w / min_w;
    int btn_w = (c.w - (cols - 1) * p) / cols;
    int rows = (area_h + p) / (btn_h + p) < 1 ? 1 : (area_h + p) / (btn_h + p);
    int per_page = rows * cols;

    size_t idx[DASH_MAX_ACTIONS];
    size_t n = dash_role_actions(sc, sel, idx, DASH_MAX_ACTIONS);
    if (n == 0)
        dash_text(g, dash_s(S_NO_ACTIONS, L), F_BODY, DASH_COL_DIM, c.x, top, 0);
    int focus = ui && ui->focus >= 0 && (size_t)ui->focus < n ? ui->focus : 0;
    size_t first = (size_t)(focus / per_page) * (size_t)per_page;
    char why[512];
    for (size_t k = first; k < n && k < first + (size_t)per_page; k++) {
        size_t a = idx[k];
        int slot = (int)(k - first);
        SDL_Rect b = { c.x + (slot % cols) * (btn_w + p), top + (slot / cols) * (btn_h + p),
                       btn_w, btn_h };
        bool ok = availability(v, ui, a, why, sizeof why);
        const tt_action *act = &sc->actions[a];
        dash_fill(g, b, ok ? DASH_COL_BUTTON : DASH_COL_DISABLED);
        if (ui && (int)k == focus && live)
            dash_frame(g, b, DASH_COL_FOCUS, dash_px(g, 2));
        snprintf(label, sizeof label, "%s", tt_text_get(&act->label, L));
        dash_text_fit(g, label, F_BODY, ok ? DASH_COL_TEXT : DASH_COL_DIM, b.x + p,
                      b.y + p, b.w - 2 * p);
        dash_text_fit(g, why, F_SMALL, ok ? DASH_COL_DIM : DASH_COL_OVERDUE, b.x + p,
                      b.y + p + bh, b.w - 2 * p);
        if (live)
            dash_add_hit(ui, H_ACTION, (int)k, b);
    }
    if (n > (size_t)per_page) {
        snprintf(why, sizeof why, "%zu/%zu", first / (size_t)per_page + 1,
                 (n + (size_t)per_page - 1) / (size_t)per_page);
        dash_text_right(g, why, F_SMALL, DASH_COL_DIM, c.x + c.w, c.y + c.h - sh);
    }
    if (ui && ui->mode != DASH_SNAPSHOT) {
        const char *hint = ui->confirm_end ? dash_s(S_CONFIRM_END, L)
                           : v->ended && live ? dash_s(S_ENDED_CLOSE, L)
                           : dash_s(ui->mode == DASH_LIVE ? S_KEYS_LIVE : S_KEYS_REPLAY, L);
        dash_text_fit(g, hint, F_SMALL, ui->confirm_end ? DASH_COL_FOCUS : DASH_COL_DIM,
                      c.x, c.y + c.h - sh, c.w - dash_px(g, 60));
    }
}
