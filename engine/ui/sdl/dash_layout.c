/* Where each part of the board goes, as a function of the output size only.
 * Designed at 1280x720 and scaled; columns are proportional so wider
 * screens give the feed and timers more room. */
#include <math.h>

#include "dash.h"

static int sc(double scale, int px)
{
    return (int)lround(px * scale);
}

void dash_layout_compute(dash_layout *l, int w, int h, bool scrubber)
{
    double sx = w / 1280.0, sy = h / 720.0;
    double s = sx < sy ? sx : sy;
    int pad = sc(s, 8) < 3 ? 3 : sc(s, 8);
    l->w = w;
    l->h = h;
    l->pad = pad;
    for (int i = 0; i < R__COUNT; i++)
        l->r[i] = (SDL_Rect){ 0, 0, 0, 0 };

    int header_h = sc(s, 62);
    int scrub_h = scrubber ? sc(s, 78) : 0;
    int actions_h = sc(s, 200);
    l->r[R_HEADER] = (SDL_Rect){ 0, 0, w, header_h };

    int bottom = h - pad;
    if (scrubber) {
        l->r[R_SCRUBBER] = (SDL_Rect){ pad, bottom - scrub_h, w - 2 * pad, scrub_h };
        bottom -= scrub_h + pad;
    }
    l->r[R_ACTIONS] = (SDL_Rect){ pad, bottom - actions_h, w - 2 * pad, actions_h };
    bottom -= actions_h + pad;

    int top = header_h + pad;
    int main_h = bottom - top;
    if (main_h < 0)
        main_h = 0;
    int inner = w - 4 * pad;
    int feed_w = inner * 31 / 100;
    int mid_w = inner * 35 / 100;
    int right_w = inner - feed_w - mid_w;
    int x_feed = pad, x_mid = x_feed + feed_w + pad, x_right = x_mid + mid_w + pad;

    l->r[R_FEED] = (SDL_Rect){ x_feed, top, feed_w, main_h };
    int state_h = (main_h - pad) * 50 / 100;
    l->r[R_STATE] = (SDL_Rect){ x_mid, top, mid_w, state_h };
    l->r[R_DIAGRAM] = (SDL_Rect){ x_mid, top + state_h + pad, mid_w,
                                  main_h - state_h - pad };
    int score_h = sc(s, 64);
    l->r[R_OBJECTIVES] = (SDL_Rect){ x_right, top, right_w, main_h - score_h - pad };
    l->r[R_SCORE] = (SDL_Rect){ x_right, top + main_h - score_h, right_w, score_h };
}

const char *dash_region_name(dash_region r)
{
    static const char *const names[R__COUNT] = {
        "header", "feed", "state", "diagram", "objectives", "score", "actions",
        "scrubber",
    };
    return r >= 0 && r < R__COUNT ? names[r] : "?";
}
