/* The dashboard's join-link overlay: a real QR code (libqrencode) drawn
 * over the board, black modules exactly where the matrix has them, a white
 * quiet zone, big enough for a projector. Off-screen, no display. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "offscreen.h"
#include "dash.h"

static SDL_Color pixel(SDL_Surface *s, int x, int y)
{
    Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    SDL_Color c;
    SDL_GetRGBA(p, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

static bool is(SDL_Color c, int v)
{
    return abs(c.r - v) <= 8 && abs(c.g - v) <= 8 && abs(c.b - v) <= 8;
}

static void the_code_is_drawn_module_by_module(void **state)
{
    (void)state;
    tt_error err;
    tt_error_clear(&err);
    tt_join_code code = { "System staff (Sato)", "http://10.0.0.5:8080/join/0123456789abcdef0123456789abcdef",
                          { 0, NULL } };
    assert_int_equal(tt_qr_encode(code.url, &code.qr, &err), 0);
    static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };
    for (size_t k = 0; k < 2; k++) {
        int w = sizes[k][0], h = sizes[k][1];
        SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
        assert_non_null(s);
        SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
        assert_non_null(r);
        dash_gfx g;
        if (dash_gfx_init(&g, r, NULL, 0, &err) != 0 || dash_gfx_resize(&g, w, h, false, &err) != 0)
            fail_msg("%s", err.message);
        dash_ui ui;
        memset(&ui, 0, sizeof ui);
        dash_fill(&g, (SDL_Rect){ 0, 0, w, h }, DASH_COL_BG);
        dash_draw_join(&g, &code, 1, 3, TT_LANG_EN, &ui);
        SDL_RenderFlush(r);
        /* Big enough to scan off a projector: several pixels per module. */
        assert_true(ui.join_module >= 4);
        assert_int_equal(ui.join_rect.w, code.qr.width * ui.join_module);
        assert_true(ui.join_rect.x - 4 * ui.join_module >= 0);
        assert_true(ui.join_rect.y + ui.join_rect.h + 4 * ui.join_module <= h);
        int m = ui.join_module;
        for (int y = 0; y < code.qr.width; y++)
            for (int x = 0; x < code.qr.width; x++) {
                SDL_Color c = pixel(s, ui.join_rect.x + x * m + m / 2, ui.join_rect.y + y * m + m / 2);
                bool dark = tt_qr_dark(&code.qr, x, y);
                if (!is(c, dark ? 0 : 255))
                    fail_msg("%dx%d: module (%d,%d) should be %s", w, h, x, y, dark ? "black" : "white");
            }
        /* The quiet zone is white, four modules wide. */
        for (int q = 1; q <= 4; q++) {
            assert_true(is(pixel(s, ui.join_rect.x - q * m + m / 2, ui.join_rect.y + m / 2), 255));
            assert_true(is(pixel(s, ui.join_rect.x + m / 2, ui.join_rect.y - q * m + m / 2), 255));
        }
        /* The board behind is shaded, not hidden: not white. */
        assert_false(is(pixel(s, 2, 2), 255));
        dash_gfx_free(&g);
        SDL_DestroyRenderer(r);
        SDL_FreeSurface(s);
    }
    tt_qr_free(&code.qr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_code_is_drawn_module_by_module),
    };
    return cmocka_run_group_tests(tests, offscreen_up, offscreen_down);
}
