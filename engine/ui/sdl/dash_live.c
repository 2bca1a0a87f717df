/* The live board: drives the exercise from the window's loop. Records come
 * back through the feed (the exercise's record sink) and the board is drawn
 * from them like any replay; only the action buttons ask the exercise
 * whether an action is available now (tt_exercise_can_act). */
#include "tabletop/terms.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dash_live.h"

/* Remember where the clock stood: the script's look-ahead starts here. */
void live_anchor(live *L, int64_t wall)
{
    L->anchor_sim = tt_exercise_now(L->ex);
    L->anchor_wall = wall;
}

const char *live_member_for(const live *L, const char *role)
{
    const tt_start_info *s = L->view.start;
    for (size_t i = 0; s && i < s->n_members; i++)
        if (s->members[i].role && strcmp(s->members[i].role, role) == 0)
            return s->members[i].name;
    return NULL;
}

static const double speeds[] = { 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600 };
#define N_SPEEDS (sizeof speeds / sizeof speeds[0])

static int change_speed(live *L, int dir, tt_error *err)
{
    double cur = tt_exercise_speed(L->ex);
    size_t i = 0;
    while (i + 1 < N_SPEEDS && speeds[i] < cur - 1e-9)
        i++;
    /* i: first step >= current */
    if (dir > 0)
        i = speeds[i] > cur + 1e-9 ? i : (i + 1 < N_SPEEDS ? i + 1 : i);
    else
        i = i > 0 ? i - 1 : 0;
    if (speeds[i] == cur)
        return 0;
    int64_t w = tt_wall_ms();
    int rc = tt_exercise_set_speed(L->ex, speeds[i], w, err);
    live_anchor(L, w);
    return rc;
}

static int take_focused(live *L, tt_error *err)
{
    size_t idx[DASH_MAX_ACTIONS];
    size_t n = dash_role_actions(L->sc, L->ui.role, idx, DASH_MAX_ACTIONS);
    if (n == 0 || L->ui.focus < 0 || (size_t)L->ui.focus >= n)
        return 0;
    if (tt_exercise_phase(L->ex) == TT_PHASE_ENDED)
        return 0;
    const char *role = L->sc->roles[L->ui.role].id;
    const tt_action *a = &L->sc->actions[idx[L->ui.focus]];
    bool refused = false;   /* a refusal is journaled and shows in the feed */
    return tt_exercise_act(L->ex, role, a->id, live_member_for(L, role), NULL, &refused, err);
}

static void select_role(live *L, int role)
{
    if (L->sc->n_roles == 0)
        return;
    int n = (int)L->sc->n_roles;
    L->ui.role = ((role % n) + n) % n;
    L->ui.focus = 0;
}

static void move_focus(live *L, int d)
{
    size_t idx[DASH_MAX_ACTIONS];
    int n = (int)dash_role_actions(L->sc, L->ui.role, idx, DASH_MAX_ACTIONS);
    if (n == 0)
        return;
    L->ui.focus = ((L->ui.focus + d) % n + n) % n;
}

static int toggle_pause(live *L, tt_error *err)
{
    tt_phase p = tt_exercise_phase(L->ex);
    if (p == TT_PHASE_RUNNING)
        return tt_exercise_pause(L->ex, tt_wall_ms(), err);
    if (p == TT_PHASE_PAUSED) {
        int64_t w = tt_wall_ms();
        int rc = tt_exercise_resume(L->ex, w, err);
        live_anchor(L, w);
        return rc;
    }
    return 0;
}

static int end_pressed(live *L, tt_error *err)
{
    if (tt_exercise_phase(L->ex) == TT_PHASE_ENDED)
        return 0;
    if (!L->ui.confirm_end) {
        L->ui.confirm_end = true;
        return 0;
    }
    L->ui.confirm_end = false;
    return tt_exercise_end(L->ex, err);
}

/* N: on to the next inject, message, target or limit (tt_exercise_skip_to_next);
 * before passing the limit of an open objective it asks for N again. */
static int skip_inject(live *L, tt_error *err)
{
    if (tt_exercise_phase(L->ex) == TT_PHASE_ENDED)
        return 0;
    bool pass = L->ui.confirm_next;
    L->ui.confirm_next = false;
    int64_t w = tt_wall_ms();
    int rc = tt_exercise_skip_to_next(L->ex, w, pass, &L->ui.stop, err);
    live_anchor(L, w);
    L->ui.has_stop = rc == 0;
    L->ui.confirm_next = rc == 0 && L->ui.stop.blocked;
    return rc;
}

static int on_key(live *L, const SDL_KeyboardEvent *k, tt_error *err)
{
    if (L->ui.input != INPUT_NONE)
        return live_on_input_key(L, k, err);
    SDL_Keycode key = k->keysym.sym;
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    bool ended = tt_exercise_phase(L->ex) == TT_PHASE_ENDED;
    if (key != SDLK_e)
        L->ui.confirm_end = false;
    if (key != SDLK_n) {
        L->ui.confirm_next = false;
        L->ui.has_stop = false;
    }
    /* The join links' QR codes (web seats): J shows the next, Esc hides. */
    if (key == SDLK_j && L->o->n_join) {
        L->ui.join_at = (size_t)(L->ui.join_at + 1) < L->o->n_join ? L->ui.join_at + 1 : -1;
        return 0;
    }
    if (key == SDLK_ESCAPE && L->ui.join_at >= 0) {
        L->ui.join_at = -1;
        return 0;
    }
    if (key >= SDLK_1 && key <= SDLK_9) {
        if ((size_t)(key - SDLK_1) < L->sc->n_roles)
            select_role(L, (int)(key - SDLK_1));
        return 0;
    }
    switch (key) {
    case SDLK_SPACE: return toggle_pause(L, err);
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: return change_speed(L, +1, err);
    case SDLK_MINUS: case SDLK_KP_MINUS: return change_speed(L, -1, err);
    case SDLK_n: return skip_inject(L, err);
    case SDLK_TAB: select_role(L, L->ui.role + (shift ? -1 : 1)); return 0;
    case SDLK_UP: case SDLK_LEFT: move_focus(L, -1); return 0;
    case SDLK_DOWN: case SDLK_RIGHT: move_focus(L, +1); return 0;
    case SDLK_RETURN: case SDLK_KP_ENTER:
        if (ended) {
            L->quit = true;
            return 0;
        }
        return take_focused(L, err);
    case SDLK_l: L->lang = L->lang == TT_LANG_JA ? TT_LANG_EN : TT_LANG_JA; return 0;
    case SDLK_e: return end_pressed(L, err);
    case SDLK_i: case SDLK_F2: live_input_open(L, INPUT_INJECT); return 0;
    case SDLK_m: case SDLK_F3: live_input_open(L, INPUT_NOTE); return 0;
    case SDLK_F11: case SDLK_f: dash_app_toggle_fullscreen(&L->app); return 0;
    case SDLK_ESCAPE:
        if (ended)
            L->quit = true;
        return 0;
    case SDLK_q:
        if (k->keysym.mod & KMOD_CTRL)
            L->quit = true;
        return 0;
    default: return 0;
    }
}

static int on_click(live *L, int x, int y, tt_error *err)
{
    const dash_hit *h = dash_app_hit(&L->app, &L->ui, x, y);
    if (!h)
        return 0;
    L->ui.confirm_end = false;
    if (h->kind != H_SKIP)
        L->ui.confirm_next = L->ui.has_stop = false;
    switch (h->kind) {
    case H_ROLE: select_role(L, h->index); return 0;
    case H_ACTION: L->ui.focus = h->index; return take_focused(L, err);
    case H_PAUSE: return toggle_pause(L, err);
    case H_SPEED_UP: return change_speed(L, +1, err);
    case H_SPEED_DOWN: return change_speed(L, -1, err);
    case H_SKIP: return skip_inject(L, err);
    default: return 0;
    }
}

/* Ask the exercise which of the selected role's actions are available. */
static void refresh_availability(live *L)
{
    size_t idx[DASH_MAX_ACTIONS];
    size_t n = dash_role_actions(L->sc, L->ui.role, idx, DASH_MAX_ACTIONS);
    bool ended = tt_exercise_phase(L->ex) == TT_PHASE_ENDED;
    for (size_t a = 0; a < L->sc->n_actions; a++) {
        L->ui.can[a] = false;
        L->ui.why[a] = (tt_text){ NULL, NULL };
    }
    for (size_t k = 0; k < n; k++) {
        size_t a = idx[k];
        char *ja = L->why_buf + a * 2 * WHY_MAX, *en = ja + WHY_MAX;
        tt_text why = { NULL, NULL };
        if (ended) {
            snprintf(ja, WHY_MAX, "%s", dash_s(S_ENDED, TT_LANG_JA));
            snprintf(en, WHY_MAX, "%s", dash_s(S_ENDED, TT_LANG_EN));
        } else {
            L->ui.can[a] = tt_exercise_can_act(L->ex, L->sc->roles[L->ui.role].id,
                                               (int)a, &why);
            /* The reason is only valid until the next call: copy it. */
            snprintf(ja, WHY_MAX, "%s", why.ja ? why.ja : "");
            snprintf(en, WHY_MAX, "%s", why.en ? why.en : "");
        }
        L->ui.why[a] = (tt_text){ ja, en };
    }
}

/* Actors with a reply on its way (a dotted mark in the diagram). */
static void refresh_waiting(live *L)
{
    for (size_t a = 0; a < L->sc->n_actors; a++)
        L->waiting[a] = false;
    size_t n = tt_exercise_pending(L->ex, L->pending, L->n_pending_cap);
    if (n > L->n_pending_cap)
        n = L->n_pending_cap;
    for (size_t i = 0; i < n; i++) {
        int a = L->pending[i].is_action ? -1 : tt_scenario_actor(L->sc, L->pending[i].id);
        if (a >= 0)
            L->waiting[a] = true;
    }
}

static int frame(live *L, tt_error *err)
{
    if (dash_app_sync(&L->app, err) != 0)
        return -1;
    size_t n;
    const tt_record *recs = tt_dashboard_feed_records(L->feed, &n);
    tt_ms now = tt_exercise_now(L->ex);
    if (dash_view_build(&L->view, L->sc, recs, n, now, L->lang, err) != 0)
        return -1;
    /* The exercise's phase is the truth for the badge between records. */
    tt_phase p = tt_exercise_phase(L->ex);
    L->view.paused = p == TT_PHASE_PAUSED;
    L->view.speed = tt_exercise_speed(L->ex);
    refresh_availability(L);
    refresh_waiting(L);
    dash_draw(&L->app.g, &L->view, &L->ui);
    if (L->ui.join_at >= 0 && (size_t)L->ui.join_at < L->o->n_join)
        dash_draw_join(&L->app.g, &L->o->join[L->ui.join_at], (size_t)L->ui.join_at,
                       L->o->n_join, L->lang, &L->ui);
    dash_app_present(&L->app);
    return 0;
}

int tt_dashboard_drive(tt_exercise *ex, tt_dashboard_feed *feed,
                       const tt_dashboard_options *o, tt_error *err)
{
    if (!ex || !feed) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_DASH_NO_EXERCISE));
        return -1;
    }
    tt_dashboard_options def;
    if (!o) {
        tt_dashboard_options_default(&def);
        o = &def;
    }
    live L;
    memset(&L, 0, sizeof L);
    L.ex = ex;
    L.feed = feed;
    L.sc = tt_exercise_scenario(ex);
    L.lang = o->lang;
    L.o = o;
    L.next_step = o->script_from;
    L.ui.mode = DASH_LIVE;
    L.ui.join_at = o->join_shown && o->n_join ? 0 : -1;
    size_t na = L.sc->n_actions ? L.sc->n_actions : 1;
    L.ui.can = calloc(na, sizeof *L.ui.can);
    L.ui.why = calloc(na, sizeof *L.ui.why);
    L.why_buf = calloc(na * 2, WHY_MAX);
    L.waiting = calloc(L.sc->n_actors + 1, sizeof *L.waiting);
    L.n_pending_cap = 64;
    L.pending = calloc(L.n_pending_cap, sizeof *L.pending);
    L.ui.actor_waiting = L.waiting;
    dash_view_init(&L.view);
    int rc = -1;
    if (!L.ui.can || !L.ui.why || !L.why_buf || !L.waiting || !L.pending) {
        tt_error_set_as(err, TT_ERR_NOMEM, NULL, 0, 0, TT_MSG(E_DASH_OOM));
        goto out;
    }
    char title[512];
    snprintf(title, sizeof title, "tabletop — %s", tt_text_get(&L.sc->title, o->lang));
    if (dash_app_open(&L.app, o, title, false, err) != 0)
        goto out;
    int64_t w0 = tt_wall_ms();
    if (tt_exercise_phase(ex) == TT_PHASE_READY && tt_exercise_start(ex, w0, err) != 0)
        goto out;
    live_anchor(&L, w0);
    /* A restored drill rehearsing a script goes straight on. */
    if (o->script && tt_exercise_phase(ex) == TT_PHASE_PAUSED &&
        tt_exercise_resume(ex, w0, err) != 0)
        goto out;
    int frames = 0;
    while (!L.quit) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            int r = 0;
            if (e.type == SDL_QUIT)
                L.quit = true;
            else if (e.type == SDL_KEYDOWN)
                r = on_key(&L, &e.key, err);
            else if (e.type == SDL_TEXTINPUT)
                live_on_text(&L, e.text.text);
            else if (e.type == SDL_TEXTEDITING && L.ui.input != INPUT_NONE)
                snprintf(L.ui.input_editing, sizeof L.ui.input_editing, "%s", e.edit.text);
            else if (e.type == SDL_MOUSEBUTTONDOWN && e.button.button == SDL_BUTTON_LEFT)
                r = on_click(&L, e.button.x, e.button.y, err);
            else if (e.type == SDL_MOUSEWHEEL) {
                int mx, my;
                SDL_GetMouseState(&mx, &my);
                dash_wheel(&L.ui, dash_app_hit(&L.app, &L.ui, mx, my), e.wheel.y);
            }
            if (r != 0)
                goto out;
        }
        L.swallow_text = false;
        int64_t w = tt_wall_ms();
        if (live_play_due_steps(&L, w, err) != 0)
            goto out;
        if (tt_exercise_phase(ex) == TT_PHASE_RUNNING) {
            if (tt_exercise_tick(ex, w, err) != 0)
                goto out;
            live_anchor(&L, w);
        }
        if (o->extra.pump) {
            bool clock_changed = false;
            if (o->extra.pump(o->extra.user, ex, &clock_changed, err) != 0)
                goto out;
            if (clock_changed)
                live_anchor(&L, w);
        }
        if (dash_feed_failed(feed)) {
            tt_error_set_as(err, TT_ERR_NOMEM, NULL, 0, 0,
                            TT_MSG(E_DASH_OOM_RECORDS));
            goto out;
        }
        if (frame(&L, err) != 0)
            goto out;
        if (tt_exercise_phase(ex) == TT_PHASE_ENDED && o->close_on_end)
            break;
        if (o->max_frames > 0 && ++frames >= o->max_frames)
            break;
    }
    rc = 0;
out:
    dash_app_close(&L.app);
    dash_view_free(&L.view);
    free(L.ui.can);
    free(L.ui.why);
    free(L.why_buf);
    free(L.waiting);
    free(L.pending);
    return rc;
}
