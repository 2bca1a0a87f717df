/* SDL set-up shared by the three modes, the off-screen renderer behind
 * snapshots (a software renderer on an ARGB8888 surface: no display, no
 * window), and small helpers. */
#include "tabletop/terms.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <SDL_image.h>
#include <fontconfig/fontconfig.h>

#include "dash.h"

static int ttf_users;

/* Subsystems are initialised and quit in pairs (SDL counts them), never with
 * SDL_Quit, so a host program that uses SDL itself keeps its state. */
int dash_sdl_up(bool headless, tt_error *err)
{
    /* Snapshots need no video subsystem at all: the software renderer draws
     * into a plain surface. Windows need one (SDL_VIDEODRIVER is honoured). */
    if (!headless && SDL_InitSubSystem(SDL_INIT_VIDEO) != 0) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_NO_DISPLAY_FMT), SDL_GetError());
        return -1;
    }
    if (ttf_users == 0 && TTF_Init() != 0) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_TTF_FMT), TTF_GetError());
        if (!headless)
            SDL_QuitSubSystem(SDL_INIT_VIDEO);
        return -1;
    }
    ttf_users++;
    return 0;
}

void dash_sdl_down(bool headless)
{
    if (!headless)
        SDL_QuitSubSystem(SDL_INIT_VIDEO);
    if (ttf_users > 0 && --ttf_users == 0) {
        TTF_Quit();
        FcFini();
    }
}

SDL_Surface *dash_render_surface(const tt_scenario *sc, const tt_record *recs,
                                 size_t n, tt_ms at, int w, int h, tt_lang lang,
                                 const char *font_path, long font_index,
                                 dash_layout *layout_out, dash_ui *ui_out,
                                 tt_error *err)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!s) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_SURFACE_FMT), w, h,
                     SDL_GetError());
        return NULL;
    }
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    if (!r) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_SOFTWARE_RENDERER_FMT), SDL_GetError());
        SDL_FreeSurface(s);
        return NULL;
    }
    dash_gfx g;
    dash_view v;
    dash_view_init(&v);
    dash_ui ui;
    memset(&ui, 0, sizeof ui);
    ui.mode = DASH_SNAPSHOT;
    ui.recs = recs;
    ui.n_recs = n;
    int rc = dash_gfx_init(&g, r, font_path, font_index, err);
    if (rc == 0)
        rc = dash_gfx_resize(&g, w, h, false, err);
    if (rc == 0)
        rc = dash_view_build(&v, sc, recs, n, at, lang, err);
    if (rc == 0) {
        /* Show the role that acted last: that is where the drill was. */
        for (size_t i = v.n_feed; i-- > 0;)
            if (v.feed[i]->type == TT_REC_ACTION) {
                int role = tt_scenario_role(sc, v.feed[i]->role);
                ui.role = role >= 0 ? role : 0;
                break;
            }
        dash_draw(&g, &v, &ui);
        SDL_RenderFlush(r);
        if (layout_out)
            *layout_out = g.layout;
        if (ui_out)
            *ui_out = ui;
    }
    dash_view_free(&v);
    dash_gfx_free(&g);
    SDL_DestroyRenderer(r);
    if (rc != 0) {
        SDL_FreeSurface(s);
        return NULL;
    }
    return s;
}

int tt_dashboard_snapshot(const tt_scenario *sc, const tt_journal *j, tt_ms at,
                          int w, int h, tt_lang lang, const char *png_path,
                          tt_error *err)
{
    if (w <= 0 || h <= 0) {
        w = 1920;
        h = 1080;
    }
    if (!sc || !png_path) {
        tt_error_set_as(err, TT_ERR_RUNTIME, NULL, 0, 0, TT_MSG(E_DASH_SNAPSHOT_NOTHING));
        return -1;
    }
    if (dash_sdl_up(true, err) != 0)
        return -1;
    SDL_Surface *s = dash_render_surface(sc, j ? j->records : NULL, j ? j->n_records : 0,
                                         at, w, h, lang, getenv("TT_DASHBOARD_FONT"),
                                         0, NULL, NULL, err);
    int rc = -1;
    if (s) {
        if (IMG_SavePNG(s, png_path) == 0)
            rc = 0;
        else
            tt_error_set_as(err, TT_ERR_RUNTIME, png_path, 0, 0, TT_MSG(E_DASH_CANNOT_WRITE_PNG_FMT), IMG_GetError());
        SDL_FreeSurface(s);
    }
    dash_sdl_down(true);
    return rc;
}
