/* A resizable projector window shared by the live and replay boards. */
#include "tabletop/terms.h"
#include <stdlib.h>
#include <string.h>

#include "dash.h"

/* A renderer that lost its textures' pixels (some drivers, on a device or
 * mode change): the next frame is drawn whole. */
static int on_reset(void *user, SDL_Event *e)
{
    dash_app *a = user;
    if (e->type == SDL_RENDER_TARGETS_RESET || e->type == SDL_RENDER_DEVICE_RESET)
        a->g.invalid = true;
    return 1;
}

int dash_app_open(dash_app *a, const tt_dashboard_options *o, const char *title,
                  bool scrubber, tt_error *err)
{
    memset(a, 0, sizeof *a);
    a->scrubber = scrubber;
    if (dash_sdl_up(false, err) != 0)
        return -1;
    /* With no display SDL falls back to its invisible "offscreen" driver: a
     * drill nobody can see. Only accept it (or "dummy") when asked for. */
    const char *drv = SDL_GetCurrentVideoDriver();
    const char *asked = getenv("SDL_VIDEODRIVER");
    if (drv && (strcmp(drv, "offscreen") == 0 || strcmp(drv, "dummy") == 0) &&
        !(asked && strstr(asked, drv))) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, "%s",
                        tt_term_text(S_NO_DISPLAY, tt_lang_messages()));
        dash_sdl_down(false);
        return -1;
    }
    int w = o && o->width > 0 ? o->width : 1280;
    int h = o && o->height > 0 ? o->height : 720;
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (o && o->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    a->fullscreen = o && o->fullscreen;
    a->win = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              w, h, flags);
    if (!a->win) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_CANNOT_OPEN_WINDOW_FMT), SDL_GetError());
        dash_sdl_down(false);
        return -1;
    }
    SDL_SetWindowMinimumSize(a->win, 640, 360);
    /* Headless drivers have no vsync to wait for (chocolate-doom#891). */
    bool headless = drv && (strcmp(drv, "dummy") == 0 || strcmp(drv, "offscreen") == 0);
    if (!headless)
        a->ren = SDL_CreateRenderer(a->win, -1,
                                    SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (a->ren) {
        SDL_RendererInfo info;
        a->vsync = SDL_GetRendererInfo(a->ren, &info) == 0 &&
                   (info.flags & SDL_RENDERER_PRESENTVSYNC);
    } else {
        a->ren = SDL_CreateRenderer(a->win, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!a->ren) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_CANNOT_CREATE_RENDERER_FMT), SDL_GetError());
        SDL_DestroyWindow(a->win);
        dash_sdl_down(false);
        return -1;
    }
    SDL_AddEventWatch(on_reset, a);
    if (dash_gfx_init(&a->g, a->ren, o ? o->font_path : NULL, o ? o->font_index : 0,
                      err) != 0 ||
        dash_app_sync(a, err) != 0) {
        dash_app_close(a);
        return -1;
    }
    a->frame_start = SDL_GetPerformanceCounter();
    return 0;
}

int dash_app_sync(dash_app *a, tt_error *err)
{
    int w = 0, h = 0;
    SDL_SetRenderTarget(a->ren, NULL);
    if (SDL_GetRendererOutputSize(a->ren, &w, &h) != 0 || w <= 0 || h <= 0)
        SDL_GetWindowSize(a->win, &w, &h);
    int bw = 0, bh = 0;
    if (a->board && (SDL_QueryTexture(a->board, NULL, NULL, &bw, &bh) != 0 || bw != w ||
                     bh != h)) {
        SDL_DestroyTexture(a->board);
        a->board = NULL;
    }
    if (!a->board) {
        SDL_RendererInfo info;
        if (SDL_GetRendererInfo(a->ren, &info) == 0 && (info.flags & SDL_RENDERER_TARGETTEXTURE))
            a->board = SDL_CreateTexture(a->ren, SDL_PIXELFORMAT_ARGB8888,
                                         SDL_TEXTUREACCESS_TARGET, w, h);
        a->g.invalid = true;
    }
    a->g.retained = a->board != NULL;
    if (a->board)
        SDL_SetRenderTarget(a->ren, a->board);
    if (w == a->g.layout.w && h == a->g.layout.h && a->g.fonts.f[0])
        return 0;
    return dash_gfx_resize(&a->g, w, h, a->scrubber, err);
}

void dash_app_present(dash_app *a)
{
    if (a->board) {
        SDL_SetRenderTarget(a->ren, NULL);
        SDL_RenderCopy(a->ren, a->board, NULL, NULL);
    }
    SDL_RenderPresent(a->ren);
    if (!a->vsync) {
        uint64_t freq = SDL_GetPerformanceFrequency();
        uint64_t frame = freq / 60;
        uint64_t spent = SDL_GetPerformanceCounter() - a->frame_start;
        if (spent < frame)
            SDL_Delay((Uint32)((frame - spent) * 1000 / freq));
    }
    a->frame_start = SDL_GetPerformanceCounter();
}

void dash_app_toggle_fullscreen(dash_app *a)
{
    a->fullscreen = !a->fullscreen;
    SDL_SetWindowFullscreen(a->win, a->fullscreen ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

static void to_output(const dash_app *a, int *x, int *y)
{
    int ww = 1, wh = 1;
    SDL_GetWindowSize(a->win, &ww, &wh);
    if (ww > 0 && wh > 0) {
        *x = (int)((long)*x * a->g.layout.w / ww);
        *y = (int)((long)*y * a->g.layout.h / wh);
    }
}

int dash_app_output_x(const dash_app *a, int x)
{
    int y = 0;
    to_output(a, &x, &y);
    return x;
}

const dash_hit *dash_app_hit(const dash_app *a, const dash_ui *ui, int x, int y)
{
    to_output(a, &x, &y);
    SDL_Point p = { x, y };
    for (size_t i = ui->n_hits; i-- > 0;)
        if (SDL_PointInRect(&p, &ui->hits[i].rect))
            return &ui->hits[i];
    return NULL;
}

void dash_app_close(dash_app *a)
{
    if (a->ren)
        SDL_DelEventWatch(on_reset, a);
    dash_gfx_free(&a->g);
    if (a->board)
        SDL_DestroyTexture(a->board);
    if (a->ren)
        SDL_DestroyRenderer(a->ren);
    if (a->win)
        SDL_DestroyWindow(a->win);
    if (a->win || a->ren)
        dash_sdl_down(false);
    memset(a, 0, sizeof *a);
}
