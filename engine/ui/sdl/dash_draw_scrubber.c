/* The replay timeline: the whole drill as a bar with a mark per inject,
 * action and objective, the current position, and time ticks. Clicking or
 * dragging on it moves the board to that time. */
#include <stdio.h>

#include "dash.h"

static int x_of(SDL_Rect bar, tt_ms t, tt_ms end)
{
    if (end <= 0)
        return bar.x;
    double f = (double)t / (double)end;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return bar.x + (int)(f * bar.w);
}

void dash_draw_scrubber(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r)
{
    SDL_Rect c = dash_panel(g, r, NULL);
    tt_ms end = ui && ui->scrub_end > 0 ? ui->scrub_end : v->sc->length;
    int sh = dash_line_h(g, F_SMALL), p = dash_px(g, 6);
    char a[32], b[32];
    dash_text(g, dash_s(S_TIMELINE, v->lang), F_SMALL, DASH_COL_ACCENT, c.x, c.y, 0);
    int lw = dash_text_width(g, dash_s(S_TIMELINE, v->lang), F_SMALL) + 2 * p;
    tt_ms_format(end, b, sizeof b);
    int ew = dash_text_width(g, b, F_SMALL) + 2 * p;
    SDL_Rect bar = { c.x + lw, c.y + sh / 2, c.w - lw - ew, dash_px(g, 14) };
    dash_fill(g, bar, DASH_COL_BG);
    dash_text(g, b, F_SMALL, DASH_COL_DIM, bar.x + bar.w + p, c.y, 0);

    /* Hour ticks (or every 10 minutes on short drills) with labels below. */
    tt_ms step = end > 3 * 3600000 ? 3600000 : end > 3600000 ? 1800000 : 600000;
    if (end / step > 48)                /* long drills: ticks per day */
        step = 24LL * 3600000 * (1 + end / (24LL * 3600000) / 24);
    for (tt_ms t = 0; t <= end; t += step) {
        int x = x_of(bar, t, end);
        dash_fill(g, (SDL_Rect){ x, bar.y + bar.h, 1, dash_px(g, 4) }, DASH_COL_LINE);
        tt_ms_format(t, a, sizeof a);
        /* No label that would run past the bar (the end time is printed). */
        if (x + dash_text_width(g, a, F_SMALL) < bar.x + bar.w)
            dash_text(g, a, F_SMALL, DASH_COL_DIM, x + 2, bar.y + bar.h + dash_px(g, 3), 0);
    }
    /* Marks per record; injects above the bar's middle, the team below. */
    for (size_t i = 0; ui && i < ui->n_recs; i++) {
        const tt_record *rec = &ui->recs[i];
        SDL_Color col;
        int half = 0;
        switch (rec->type) {
        case TT_REC_INJECT: case TT_REC_CUSTOM: col = DASH_COL_ACCENT; break;
        case TT_REC_MESSAGE: col = (SDL_Color){ 64, 190, 190, 255 }; break;
        case TT_REC_ACTION: col = (SDL_Color){ 120, 200, 120, 255 }; half = 1; break;
        case TT_REC_REFUSED: col = DASH_COL_MISSED; half = 1; break;
        case TT_REC_OBJECTIVE:
            col = rec->status && rec->status[0] == 'r' ? DASH_COL_REACHED : DASH_COL_MISSED;
            half = 2;
            break;
        default: continue;
        }
        int x = x_of(bar, rec->t, end);
        int h = half == 2 ? bar.h : bar.h / 2;
        dash_fill(g, (SDL_Rect){ x, bar.y + (half == 1 ? bar.h / 2 : 0),
                                 half == 2 ? dash_px(g, 3) : dash_px(g, 2), h }, col);
    }
    int x = x_of(bar, v->now, end);
    dash_fill(g, (SDL_Rect){ x - dash_px(g, 2), bar.y - dash_px(g, 4), dash_px(g, 4),
                             bar.h + dash_px(g, 8) }, DASH_COL_FOCUS);
    SDL_Rect hit = { bar.x, c.y, bar.w, c.h };
    dash_add_hit(ui, H_SCRUB, 0, hit);
}
