/* The live board and the replay scrubber on a real scenario, in a window of
 * SDL's dummy video driver: keys pushed as SDL events reach the exercise,
 * and records come back through the feed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "dash.h"
#include "tabletop/script.h"

typedef struct live_fixture {
    tt_script *script;
    tt_dashboard_feed *feed;
    tt_exercise *ex;
} live_fixture;

static int setup(void **state)
{
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    static live_fixture L;
    char path[1024];
    const char *src = getenv("TT_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/scenarios/ransomware.lua", src ? src : ".");
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits lim;
    tt_sandbox_limits_default(&lim);
    L.script = tt_script_load(path, &lim, &err);
    if (!L.script) {
        tt_error_print(&err, "setup");
        return -1;
    }
    L.feed = tt_dashboard_feed_new();
    tt_exercise_config cfg = { .seed = 7, .speed = 60, .lang = TT_LANG_EN,
                               .sink = tt_dashboard_feed_sink, .sink_user = L.feed };
    L.ex = tt_exercise_new(L.script, &cfg, &err);
    if (!L.feed || !L.ex) {
        tt_error_print(&err, "setup");
        return -1;
    }
    *state = &L;
    return 0;
}

static int teardown(void **state)
{
    live_fixture *L = *state;
    tt_exercise_free(L->ex);
    tt_dashboard_feed_free(L->feed);
    tt_script_free(L->script);
    return 0;
}

static void push_key(SDL_Keycode k)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static void push_text(const char *t)
{
    SDL_Event e;
    memset(&e, 0, sizeof e);
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", t);
    assert_int_equal(SDL_PushEvent(&e), 1);
}

static size_t count(const tt_dashboard_feed *feed, tt_record_type t, const char *id)
{
    size_t n, c = 0;
    const tt_record *r = tt_dashboard_feed_records(feed, &n);
    for (size_t i = 0; i < n; i++)
        if (r[i].type == t && (!id || (r[i].id && strcmp(r[i].id, id) == 0)))
            c++;
    return c;
}

static void test_live_keys_drive_the_exercise(void **state)
{
    live_fixture *L = *state;
    const tt_scenario *sc = tt_exercise_scenario(L->ex);
    tt_error err;
    tt_error_clear(&err);
    /* Keep SDL's event queue alive across the board's own init/quit. */
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    push_key(SDLK_RETURN);      /* take the first role's first action */
    push_key(SDLK_SPACE);       /* pause */
    push_key(SDLK_PLUS);        /* speed up (while paused) */
    tt_dashboard_options o;
    tt_dashboard_options_default(&o);
    o.lang = TT_LANG_JA;
    o.max_frames = 3;
    if (tt_dashboard_drive(L->ex, L->feed, &o, &err) != 0)
        fail_msg("drive: %s", err.message);
    assert_int_equal(count(L->feed, TT_REC_START, NULL), 1);
    assert_int_equal(tt_exercise_phase(L->ex), TT_PHASE_PAUSED);
    assert_int_equal(count(L->feed, TT_REC_PAUSE, NULL), 1);
    assert_int_equal(count(L->feed, TT_REC_SPEED, NULL), 1);
    assert_true(tt_exercise_speed(L->ex) > 60);
    size_t idx[DASH_MAX_ACTIONS];
    size_t n = dash_role_actions(sc, 0, idx, DASH_MAX_ACTIONS);
    assert_true(n > 0);
    const char *first = sc->actions[idx[0]].id;
    assert_int_equal(count(L->feed, TT_REC_ACTION, first) +
                     count(L->feed, TT_REC_REFUSED, first), 1);

    /* I types a facilitator inject, M a note by the selected role (2). */
    push_key(SDLK_i);
    push_text("停電が");
    push_text("発生 now");
    push_key(SDLK_RETURN);
    push_key(SDLK_2);
    push_key(SDLK_m);
    push_text("checkedX");
    push_key(SDLK_BACKSPACE);
    push_key(SDLK_RETURN);
    push_key(SDLK_i);
    push_text("never sent");
    push_key(SDLK_ESCAPE);
    o.max_frames = 2;
    assert_int_equal(tt_dashboard_drive(L->ex, L->feed, &o, &err), 0);
    const tt_record *r = tt_dashboard_feed_records(L->feed, &n);
    const tt_record *custom = NULL, *note = NULL;
    for (size_t i = 0; i < n; i++) {
        if (r[i].type == TT_REC_CUSTOM)
            custom = &r[i];
        if (r[i].type == TT_REC_NOTE)
            note = &r[i];
    }
    assert_non_null(custom);
    assert_string_equal(custom->text.en, "停電が発生 now");
    assert_string_equal(custom->text.ja, "停電が発生 now");
    assert_non_null(note);
    assert_string_equal(note->note, "checked");
    assert_string_equal(note->role, sc->roles[1].id);
    assert_int_equal(count(L->feed, TT_REC_CUSTOM, NULL), 1);

    /* E asks for confirmation; a second E ends the exercise. */
    push_key(SDLK_e);
    o.max_frames = 2;
    assert_int_equal(tt_dashboard_drive(L->ex, L->feed, &o, &err), 0);
    assert_int_equal(tt_exercise_phase(L->ex), TT_PHASE_PAUSED);
    push_key(SDLK_e);
    push_key(SDLK_e);
    o.close_on_end = true;
    o.max_frames = 50;
    assert_int_equal(tt_dashboard_drive(L->ex, L->feed, &o, &err), 0);
    assert_int_equal(tt_exercise_phase(L->ex), TT_PHASE_ENDED);
    assert_int_equal(count(L->feed, TT_REC_END, NULL), 1);
    SDL_Quit();
}

static size_t missed(const tt_exercise *ex)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    const tt_objective_view *v = tt_exercise_objectives(ex);
    size_t n = 0;
    for (size_t i = 0; i < sc->n_objectives; i++)
        n += v[i].status == TT_OBJECTIVE_MISSED;
    return n;
}

/* N stops at the next inject, message, target or limit: one N never
 * passes the limit of an open objective (admin-server-breach at minute 1
 * no longer jumps to +24:00:00); at a limit it waits for a second N. */
static void test_n_never_passes_a_limit_unasked(void **state)
{
    (void)state;
    char path[1024];
    const char *src = getenv("TT_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/scenarios/admin-server-breach.lua", src ? src : ".");
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits lim;
    tt_sandbox_limits_default(&lim);
    tt_script *script = tt_script_load(path, &lim, &err);
    assert_non_null(script);
    tt_dashboard_feed *feed = tt_dashboard_feed_new();
    tt_exercise_config cfg = { .seed = 1, .speed = 60, .lang = TT_LANG_EN,
                               .sink = tt_dashboard_feed_sink, .sink_user = feed };
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    tt_dashboard_options o;
    tt_dashboard_options_default(&o);
    o.max_frames = 2;
    push_key(SDLK_SPACE);                    /* paused: only N moves the clock */
    assert_int_equal(tt_dashboard_drive(ex, feed, &o, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, 60000, &err), 0);    /* minute 1 */
    push_key(SDLK_n);
    assert_int_equal(tt_dashboard_drive(ex, feed, &o, &err), 0);
    assert_int_equal(tt_exercise_now(ex), 3600000);  /* the first target, +1:00:00 */
    assert_int_equal(missed(ex), 0);
    tt_ms before = -1;
    int presses = 0;
    while (tt_exercise_now(ex) != before && presses++ < 50) {
        before = tt_exercise_now(ex);
        push_key(SDLK_n);
        assert_int_equal(tt_dashboard_drive(ex, feed, &o, &err), 0);
        assert_int_equal(missed(ex), 0);     /* one N alone never misses one */
    }
    /* Stuck before a limit of an open objective: N N passes it. */
    assert_true(tt_exercise_now(ex) == before);
    assert_int_equal(tt_exercise_phase(ex), TT_PHASE_PAUSED);
    push_key(SDLK_n);
    push_key(SDLK_n);
    assert_int_equal(tt_dashboard_drive(ex, feed, &o, &err), 0);
    assert_true(tt_exercise_now(ex) > before);
    assert_true(missed(ex) >= 1);
    SDL_Quit();
    tt_exercise_free(ex);
    tt_dashboard_feed_free(feed);
    tt_script_free(script);
}

/* The same records replay in the scrubber window and snapshot to PNG. */
static void test_replay_and_snapshot_of_live_records(void **state)
{
    live_fixture *L = *state;
    const tt_scenario *sc = tt_exercise_scenario(L->ex);
    size_t n;
    const tt_record *recs = tt_dashboard_feed_records(L->feed, &n);
    tt_journal j;
    memset(&j, 0, sizeof j);
    j.records = (tt_record *)recs;
    j.n_records = n;
    j.ended = true;
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    push_key(SDLK_END);
    push_key(SDLK_PAGEUP);
    push_key(SDLK_SPACE);
    tt_dashboard_options o;
    tt_dashboard_options_default(&o);
    o.max_frames = 3;
    if (tt_dashboard_replay(sc, &j, &o, &err) != 0)
        fail_msg("replay: %s", err.message);
    SDL_Quit();
    char path[512];
    const char *dir = getenv("TT_BUILD_DIR");
    snprintf(path, sizeof path, "%s/test_dash_live.png", dir ? dir : ".");
    assert_int_equal(tt_dashboard_snapshot(sc, &j, tt_exercise_now(L->ex), 800, 450,
                                           TT_LANG_EN, path, &err), 0);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char sig[8];
    assert_int_equal(fread(sig, 1, 8, f), 8);
    fclose(f);
    assert_memory_equal(sig, "\x89PNG\r\n\x1a\n", 8);
    remove(path);
}

/* Rehearsal: an action script on the live board leaves its steps at exactly
 * their written times, as a headless run would. */
static void test_rehearse_script(void **state)
{
    (void)state;
    char path[1024];
    const char *src = getenv("TT_SOURCE_DIR");
    snprintf(path, sizeof path, "%s/scenarios/ransomware.lua", src ? src : ".");
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits lim;
    tt_sandbox_limits_default(&lim);
    tt_script *script = tt_script_load(path, &lim, &err);
    assert_non_null(script);
    const tt_scenario *sc = tt_script_scenario(script);
    static const char steps[] =
        "actions:\n"
        "  - { at: 20s, by: sysadmin, note: first look }\n"
        "  - { at: 45s, by: user, note: calling }\n"
        "  - { at: 2h, by: sysadmin, note: far away }\n";
    tt_action_script as;
    if (tt_action_script_load_buffer("rehearse.yaml", steps, sizeof steps - 1, sc, &as,
                                     &err) != 0)
        fail_msg("script: %s", err.message);
    tt_dashboard_feed *feed = tt_dashboard_feed_new();
    tt_exercise_config cfg = { .seed = 3, .speed = 600, .lang = TT_LANG_EN,
                               .sink = tt_dashboard_feed_sink, .sink_user = feed };
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    assert_non_null(ex);
    tt_dashboard_options o;
    tt_dashboard_options_default(&o);
    o.script = &as;
    /* Frames at 60 fps, 600x: 10 simulated seconds or more each. */
    o.max_frames = 12;
    if (tt_dashboard_drive(ex, feed, &o, &err) != 0)
        fail_msg("drive: %s", err.message);
    assert_true(tt_exercise_now(ex) >= 60000);
    assert_true(tt_exercise_now(ex) < 7200000);
    size_t n;
    const tt_record *r = tt_dashboard_feed_records(feed, &n);
    int notes = 0;
    for (size_t i = 0; i < n; i++)
        if (r[i].type == TT_REC_NOTE) {
            assert_int_equal(r[i].t, notes == 0 ? 20000 : 45000);
            notes++;
        }
    assert_int_equal(notes, 2);
    tt_exercise_free(ex);
    tt_dashboard_feed_free(feed);
    tt_action_script_free(&as);
    tt_script_free(script);
}

/* No display and no driver asked for: SDL would fall back to its invisible
 * offscreen driver; the board refuses instead of running unseen. */
static void test_no_display_is_an_error(void **state)
{
    live_fixture *L = *state;
    unsetenv("SDL_VIDEODRIVER");
    unsetenv("DISPLAY");
    unsetenv("WAYLAND_DISPLAY");
    bool offscreen = false;
    if (SDL_InitSubSystem(SDL_INIT_VIDEO) == 0) {
        const char *d = SDL_GetCurrentVideoDriver();
        offscreen = d && strcmp(d, "offscreen") == 0;
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    }
    if (!offscreen) {
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        skip();     /* this machine has some other display (e.g. KMSDRM) */
    }
    tt_error err;
    tt_error_clear(&err);
    tt_dashboard_options o;
    tt_dashboard_options_default(&o);
    o.max_frames = 1;
    assert_int_equal(tt_dashboard_drive(L->ex, L->feed, &o, &err), -1);
    assert_non_null(strstr(err.message, "no display"));
    assert_null(strstr(err.message, "ディスプレイ"));
    /* In the message language only (it was English, then Japanese, in both). */
    tt_lang_messages_set(TT_LANG_JA);
    tt_error_clear(&err);
    assert_int_equal(tt_dashboard_drive(L->ex, L->feed, &o, &err), -1);
    tt_lang_messages_set(TT_LANG_EN);
    assert_non_null(strstr(err.message, "ディスプレイがありません"));
    assert_null(strstr(err.message, "no display"));
    setenv("SDL_VIDEODRIVER", "dummy", 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_live_keys_drive_the_exercise),
        cmocka_unit_test(test_n_never_passes_a_limit_unasked),
        cmocka_unit_test(test_replay_and_snapshot_of_live_records),
        cmocka_unit_test(test_rehearse_script),
        cmocka_unit_test(test_no_display_is_an_error),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
