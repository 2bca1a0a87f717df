/* A join link's QR code over the board, big enough to scan from the back of
 * a room off a projector: black modules on white, four light modules of
 * quiet zone, the seat's label above and the link below. */
#include "dash.h"

#include <stdio.h>

static const SDL_Color SHADE = { 0, 0, 0, 200 }, WHITE = { 255, 255, 255, 255 },
                       BLACK = { 0, 0, 0, 255 };

void dash_draw_join(dash_gfx *g, const tt_join_code *code, size_t i, size_t n, tt_lang lang,
                    dash_ui *ui)
{
    int w = g->layout.w, h = g->layout.h;
    /* Drawn over the finished frame: the next frame redraws everything. */
    g->invalid = true;
    SDL_BlendMode was = SDL_BLENDMODE_NONE;
    SDL_GetRenderDrawBlendMode(g->r, &was);
    SDL_SetRenderDrawBlendMode(g->r, SDL_BLENDMODE_BLEND);
    dash_fill(g, (SDL_Rect){ 0, 0, w, h }, SHADE);
    SDL_SetRenderDrawBlendMode(g->r, was);
    int line = dash_line_h(g, F_TITLE), small = dash_line_h(g, F_BODY);
    /* The largest whole-pixel module that fits between the texts. */
    int room = (h < w ? h : w) - 2 * line - 3 * small - 4 * g->layout.pad;
    int quiet = 4, side = code->qr.width + 2 * quiet;
    int module = room > 0 ? room / side : 0;
    if (module < 1)
        module = 1;
    int px = side * module;
    SDL_Rect box = { (w - px) / 2, (h - px) / 2, px, px };
    dash_fill(g, box, WHITE);
    for (int y = 0; y < code->qr.width; y++)
        for (int x = 0; x < code->qr.width; x++)
            if (tt_qr_dark(&code->qr, x, y))
                dash_fill(g, (SDL_Rect){ box.x + (quiet + x) * module,
                                         box.y + (quiet + y) * module, module, module },
                          BLACK);
    ui->join_rect = (SDL_Rect){ box.x + quiet * module, box.y + quiet * module,
                                code->qr.width * module, code->qr.width * module };
    ui->join_module = module;
    char title[400];
    snprintf(title, sizeof title, "%s  (%zu/%zu)", code->label, i + 1, n);
    int tw = dash_text_width(g, title, F_TITLE);
    dash_text(g, title, F_TITLE, WHITE, (w - tw) / 2, box.y - line - g->layout.pad / 2, 0);
    int y = box.y + box.h + g->layout.pad / 2;
    int uw = dash_text_width(g, code->url, F_BODY);
    dash_text(g, code->url, F_BODY, WHITE, (w - uw) / 2, y, 0);
    const char *hint = dash_s(W_QR_HINT, lang);
    int hw = dash_text_width(g, hint, F_SMALL);
    dash_text(g, hint, F_SMALL, WHITE, (w - hw) / 2, y + small, 0);
}
