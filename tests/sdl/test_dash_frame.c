/* The display list (dash_frame.c) draws again only what changed since the
 * last frame; the board must still be, pixel for pixel, the board drawn
 * whole. Every scenario in scenarios/ is played with its model answer and
 * swept from start to end on two software renderers, one keeping its
 * pixels (retained: partial redraws) and one drawing every frame whole,
 * with the selected role, the language and the size changing on the way;
 * the two surfaces are compared after every frame. The partial redraws must
 * also really be partial: a frame where only the clock moved redraws a
 * small part of the board. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "offscreen.h"
#include "dash.h"
#include "played.h"

typedef struct board {
    SDL_Surface *s;
    SDL_Renderer *r;
    dash_gfx g;
} board;

static void board_open(board *b, int w, int h, bool retained)
{
    b->s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    b->r = b->s ? SDL_CreateSoftwareRenderer(b->s) : NULL;
    assert_non_null(b->r);
    tt_error err;
    tt_error_clear(&err);
    if (dash_gfx_init(&b->g, b->r, NULL, 0, &err) != 0 ||
        dash_gfx_resize(&b->g, w, h, false, &err) != 0)
        fail_msg("%s", err.message);
    b->g.retained = retained;
}

static void board_close(board *b)
{
    dash_gfx_free(&b->g);
    SDL_DestroyRenderer(b->r);
    SDL_FreeSurface(b->s);
}

/* First differing pixel, or -1. */
static long first_diff(SDL_Surface *a, SDL_Surface *b)
{
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
        const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch;
        if (memcmp(pa, pb, (size_t)a->w * 4) != 0)
            for (int x = 0; x < a->w; x++)
                if (((const Uint32 *)pa)[x] != ((const Uint32 *)pb)[x])
                    return (long)y * a->w + x;
    }
    return -1;
}

typedef struct sweep_stats {
    size_t frames;
    double partial;             /* smallest share of the board redrawn */
} sweep_stats;

static void sweep(void *user, const char *id, const played *p)
{
    sweep_stats *st = user;
    const tt_scenario *sc = tt_script_scenario(p->script);
    tt_ms end = p->recs[p->n - 1].t > 0 ? p->recs[p->n - 1].t : sc->length;
    static const int sizes[][2] = { { 1920, 1080 }, { 1280, 720 } };
    for (size_t si = 0; si < 2; si++) {
        int w = sizes[si][0], h = sizes[si][1];
        board part, whole;
        board_open(&part, w, h, true);
        board_open(&whole, w, h, false);
        dash_view v;
        dash_view_init(&v);
        tt_error err;
        tt_error_clear(&err);
        const int frames = 90;
        for (int f = 0; f < frames; f++) {
            tt_ms at = end * f / (frames - 1);
            /* Half way the language switches; every 20 frames another role. */
            tt_lang lang = f < frames / 2 ? TT_LANG_JA : TT_LANG_EN;
            assert_int_equal(dash_view_build(&v, sc, p->recs, p->n, at, lang, &err), 0);
            dash_ui ui;
            memset(&ui, 0, sizeof ui);
            ui.mode = DASH_LIVE;
            ui.role = sc->n_roles ? (f / 20) % (int)sc->n_roles : 0;
            ui.focus = f % 3;
            uint64_t before = part.g.damaged;
            dash_draw(&part.g, &v, &ui);
            SDL_RenderFlush(part.r);
            memset(&ui, 0, sizeof ui);
            ui.mode = DASH_LIVE;
            ui.role = sc->n_roles ? (f / 20) % (int)sc->n_roles : 0;
            ui.focus = f % 3;
            dash_draw(&whole.g, &v, &ui);
            SDL_RenderFlush(whole.r);
            long d = first_diff(part.s, whole.s);
            if (d >= 0) {
                char t[32];
                tt_ms_format(at, t, sizeof t);
                fail_msg("%s %dx%d frame %d at %s: the partial redraw differs from the whole "
                         "board at pixel (%ld, %ld)", id, w, h, f, t, d % w, d / w);
            }
            double share = (double)(part.g.damaged - before) / ((double)w * h);
            if (f > 0 && share < st->partial)
                st->partial = share;
            st->frames++;
        }
        /* The same board again: nothing to draw. */
        uint64_t before = part.g.damaged;
        dash_ui ui;
        memset(&ui, 0, sizeof ui);
        ui.mode = DASH_LIVE;
        dash_draw(&part.g, &v, &ui);
        dash_draw(&part.g, &v, &ui);
        SDL_RenderFlush(part.r);
        dash_draw(&whole.g, &v, &ui);
        SDL_RenderFlush(whole.r);
        assert_int_equal(first_diff(part.s, whole.s), -1);
        assert_true(part.g.damaged - before <= (uint64_t)w * h);   /* the first of the two */
        before = part.g.damaged;
        dash_draw(&part.g, &v, &ui);
        assert_int_equal(part.g.damaged - before, 0);
        dash_view_free(&v);
        board_close(&part);
        board_close(&whole);
    }
}

static void test_partial_redraws_equal_the_whole_board(void **state)
{
    (void)state;
    sweep_stats st = { 0, 1.0 };
    size_t n = play_every_scenario(sweep, &st);
    fprintf(stderr, "%zu scenarios, %zu frames equal; smallest redraw %.1f%% of the board\n", n,
            st.frames, 100 * st.partial);
    assert_true(n >= 6);
    /* Frames where little changed redraw little. */
    assert_true(st.partial < 0.10);
}

/* A window (dummy video driver) draws into its board texture, which keeps
 * its pixels: after each frame the board equals the same view drawn whole. */
typedef struct window_check {
    size_t frames;
} window_check;

static void window_sweep(void *user, const char *id, const played *p)
{
    window_check *wc = user;
    if (wc->frames)
        return;                 /* one scenario is enough for the window path */
    const tt_scenario *sc = tt_script_scenario(p->script);
    tt_dashboard_options o;
    tt_dashboard_options_default(&o);
    o.width = 1280;
    o.height = 720;
    dash_app a;
    tt_error err;
    tt_error_clear(&err);
    if (dash_app_open(&a, &o, id, false, &err) != 0)
        fail_msg("window: %s", err.message);
    assert_non_null(a.board);
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(a.ren, &w, &h);
    board whole;
    board_open(&whole, w, h, false);
    SDL_Surface *got = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(got);
    dash_view v;
    dash_view_init(&v);
    tt_ms end = p->recs[p->n - 1].t;
    for (int f = 0; f < 12; f++) {
        assert_int_equal(dash_app_sync(&a, &err), 0);
        assert_int_equal(dash_view_build(&v, sc, p->recs, p->n, end * f / 11, TT_LANG_EN, &err),
                         0);
        dash_ui ui;
        memset(&ui, 0, sizeof ui);
        ui.mode = DASH_REPLAY;
        dash_draw(&a.g, &v, &ui);
        assert_int_equal(SDL_RenderReadPixels(a.ren, NULL, SDL_PIXELFORMAT_ARGB8888, got->pixels,
                                              got->pitch), 0);
        memset(&ui, 0, sizeof ui);
        ui.mode = DASH_REPLAY;
        dash_draw(&whole.g, &v, &ui);
        SDL_RenderFlush(whole.r);
        long d = first_diff(got, whole.s);
        if (d >= 0)
            fail_msg("%s window frame %d differs from the whole board at (%ld, %ld)", id, f,
                     d % w, d / w);
        dash_app_present(&a);
        wc->frames++;
    }
    assert_true(a.g.retained);
    dash_view_free(&v);
    SDL_FreeSurface(got);
    board_close(&whole);
    dash_app_close(&a);
}

static void test_window_board_keeps_its_pixels(void **state)
{
    (void)state;
    window_check wc = { 0 };
    play_every_scenario(window_sweep, &wc);
    assert_true(wc.frames > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_partial_redraws_equal_the_whole_board),
        cmocka_unit_test(test_window_board_keeps_its_pixels),
    };
    return cmocka_run_group_tests(tests, offscreen_up, offscreen_down);
}
