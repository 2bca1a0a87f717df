/* Reviewing a drill after the fact: the same board as live, drawn from the
 * journal at the scrubber's time. Drag or click on the timeline, step with
 * the arrow keys, jump between records, or play it back at a chosen speed. */
#include "tabletop/terms.h"
#include <stdio.h>
#include <string.h>

#include "dash.h"

typedef struct replay {
    const tt_scenario *sc;
    const tt_record *recs;
    size_t n;
    dash_app app;
    dash_view view;
    dash_ui ui;
    tt_lang lang;
    tt_ms at, end;
    bool dragging, quit;
} replay;

static const double play_speeds[] = { 1, 10, 30, 60, 120, 300, 600, 1800 };
#define N_PLAY (sizeof play_speeds / sizeof play_speeds[0])

static void seek(replay *R, tt_ms t)
{
    R->at = t < 0 ? 0 : t > R->end ? R->end : t;
}

/* Time of the previous / next record shown in the feed. */
static void jump_record(replay *R, int dir)
{
    tt_ms best = dir > 0 ? R->end : 0;
    for (size_t i = 0; i < R->n; i++) {
        tt_record_type t = R->recs[i].type;
        if (t == TT_REC_STATE || t == TT_REC_START || t == TT_REC_PAUSE ||
            t == TT_REC_RESUME || t == TT_REC_SPEED)
            continue;
        tt_ms rt = R->recs[i].t;
        if (dir > 0 && rt > R->at && rt < best)
            best = rt;
        if (dir < 0 && rt < R->at && rt > best)
            best = rt;
    }
    seek(R, best);
}

static void change_play_speed(replay *R, int dir)
{
    size_t i = 0;
    while (i + 1 < N_PLAY && play_speeds[i] < R->ui.play_speed)
        i++;
    if (dir > 0 && i + 1 < N_PLAY && play_speeds[i] <= R->ui.play_speed)
        i++;
    else if (dir < 0 && i > 0)
        i--;
    R->ui.play_speed = play_speeds[i];
}

static void scrub_to(replay *R, int window_x)
{
    for (size_t i = 0; i < R->ui.n_hits; i++) {
        const dash_hit *h = &R->ui.hits[i];
        if (h->kind != H_SCRUB || h->rect.w <= 0)
            continue;
        int x = dash_app_output_x(&R->app, window_x);
        double f = (double)(x - h->rect.x) / (double)h->rect.w;
        seek(R, (tt_ms)(f * (double)R->end));
    }
}

static void on_key(replay *R, const SDL_KeyboardEvent *k)
{
    bool shift = (k->keysym.mod & KMOD_SHIFT) != 0;
    tt_ms step = shift ? 600000 : 60000;
    SDL_Keycode key = k->keysym.sym;
    if (key >= SDLK_1 && key <= SDLK_9 && (size_t)(key - SDLK_1) < R->sc->n_roles) {
        R->ui.role = (int)(key - SDLK_1);
        return;
    }
    switch (key) {
    case SDLK_LEFT: seek(R, R->at - step); break;
    case SDLK_RIGHT: seek(R, R->at + step); break;
    case SDLK_PAGEUP: case SDLK_UP: jump_record(R, -1); break;
    case SDLK_PAGEDOWN: case SDLK_DOWN: jump_record(R, +1); break;
    case SDLK_HOME: seek(R, 0); break;
    case SDLK_END: seek(R, R->end); break;
    case SDLK_SPACE:
        if (R->at >= R->end)
            seek(R, 0);
        R->ui.playing = !R->ui.playing;
        break;
    case SDLK_PLUS: case SDLK_EQUALS: case SDLK_KP_PLUS: change_play_speed(R, +1); break;
    case SDLK_MINUS: case SDLK_KP_MINUS: change_play_speed(R, -1); break;
    case SDLK_TAB:
        if (R->sc->n_roles)
            R->ui.role = (R->ui.role + (shift ? (int)R->sc->n_roles - 1 : 1)) %
                         (int)R->sc->n_roles;
        break;
    case SDLK_l: R->lang = R->lang == TT_LANG_JA ? TT_LANG_EN : TT_LANG_JA; break;
    case SDLK_F11: case SDLK_f: dash_app_toggle_fullscreen(&R->app); break;
    case SDLK_ESCAPE: case SDLK_q: R->quit = true; break;
    default: break;
    }
}

static void on_mouse_down(replay *R, int x, int y)
{
    const dash_hit *h = dash_app_hit(&R->app, &R->ui, x, y);
    if (!h)
        return;
    if (h->kind == H_SCRUB) {
        R->dragging = true;
        R->ui.playing = false;
        scrub_to(R, x);
    } else if (h->kind == H_ROLE) {
        R->ui.role = h->index;
    }
}

int tt_dashboard_replay(const tt_scenario *sc, const tt_journal *j,
                        const tt_dashboard_options *o, tt_error *err)
{
    if (!sc || !j) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_DASH_REPLAY_NOTHING));
        return -1;
    }
    tt_dashboard_options def;
    if (!o) {
        tt_dashboard_options_default(&def);
        o = &def;
    }
    replay R;
    memset(&R, 0, sizeof R);
    R.sc = sc;
    R.recs = j->records;
    R.n = j->n_records;
    R.lang = o->lang;
    R.end = sc->length;
    if (R.n > 0 && (j->ended || R.recs[R.n - 1].t > 0))
        R.end = R.recs[R.n - 1].t;
    if (R.end <= 0)
        R.end = sc->length > 0 ? sc->length : 1;
    R.ui.mode = DASH_REPLAY;
    R.ui.play_speed = 60;
    R.ui.recs = R.recs;
    R.ui.n_recs = R.n;
    R.ui.scrub_end = R.end;
    dash_view_init(&R.view);
    char title[512];
    snprintf(title, sizeof title, "tabletop replay — %s", tt_text_get(&sc->title, o->lang));
    if (dash_app_open(&R.app, o, title, true, err) != 0)
        return -1;
    int rc = -1, frames = 0;
    uint64_t last = SDL_GetTicks64();
    while (!R.quit) {
        SDL_Event e;
        while (SDL_PollEvent(&e)) {
            if (e.type == SDL_QUIT)
                R.quit = true;
            else if (e.type == SDL_KEYDOWN)
                on_key(&R, &e.key);
            else if (e.type == SDL_MOUSEBUTTONDOWN && e.button.button == SDL_BUTTON_LEFT)
                on_mouse_down(&R, e.button.x, e.button.y);
            else if (e.type == SDL_MOUSEBUTTONUP)
                R.dragging = false;
            else if (e.type == SDL_MOUSEMOTION && R.dragging)
                scrub_to(&R, e.motion.x);
            else if (e.type == SDL_MOUSEWHEEL) {
                int mx, my;
                SDL_GetMouseState(&mx, &my);
                dash_wheel(&R.ui, dash_app_hit(&R.app, &R.ui, mx, my), e.wheel.y);
            }
        }
        uint64_t nowt = SDL_GetTicks64();
        if (R.ui.playing) {
            seek(&R, R.at + (tt_ms)((double)(nowt - last) * R.ui.play_speed));
            if (R.at >= R.end)
                R.ui.playing = false;
        }
        last = nowt;
        if (dash_app_sync(&R.app, err) != 0 ||
            dash_view_build(&R.view, sc, R.recs, R.n, R.at, R.lang, err) != 0)
            goto out;
        dash_draw(&R.app.g, &R.view, &R.ui);
        dash_app_present(&R.app);
        if (o->max_frames > 0 && ++frames >= o->max_frames)
            break;
    }
    rc = 0;
out:
    dash_app_close(&R.app);
    dash_view_free(&R.view);
    return rc;
}
