/* Objective timers: for each isolate / report / recover objective a status
 * chip, the countdown to its target and limit, and a bar from the start to
 * the limit with the target marked. */
#include <stdio.h>

#include "dash.h"

static dash_str phase_str(tt_objective_phase p)
{
    return p == TT_OBJ_ISOLATE ? S_ISOLATE : p == TT_OBJ_REPORT ? S_REPORT : S_RECOVER;
}

/* "target 15:00 (in 3:00)", or just "target in 3:00" when compact. */
static void countdown(const dash_view *v, tt_ms deadline, dash_str what, bool compact,
                      char *buf, size_t n)
{
    char at[32], d[32];
    tt_ms_format(deadline, at, sizeof at);
    tt_ms left = deadline - v->now;
    tt_span_format(left >= 0 ? left : -left, d, sizeof d);
    const char *rel = dash_s(left >= 0 ? S_IN : S_AGO, v->lang);
    if (compact)
        snprintf(buf, n, TT_FMT(v->lang, S_COUNTDOWN_SHORT_FMT), dash_s(what, v->lang), rel, d);
    else
        snprintf(buf, n, TT_FMT(v->lang, S_COUNTDOWN_FMT), dash_s(what, v->lang), at, rel, d);
}

/* Row density: full (two-line countdown), compact (one line), dense (title
 * and bar only) — the first that shows every objective. */
enum { FULL, COMPACT, DENSE };

static int row(dash_gfx *g, const dash_view *v, dash_ui *ui, size_t i, SDL_Rect c,
               int y, int density)
{
    bool compact = density != FULL;
    const tt_objective *o = &v->sc->objectives[i];
    const dash_objective *d = &v->objectives[i];
    tt_lang L = v->lang;
    SDL_Color col;
    dash_str st;
    switch (d->status) {
    case TT_OBJECTIVE_REACHED: col = DASH_COL_REACHED; st = S_REACHED; break;
    case TT_OBJECTIVE_MISSED: col = DASH_COL_MISSED; st = S_MISSED; break;
    default:
        if (v->now > d->target_at) {
            col = DASH_COL_OVERDUE;
            st = S_OVERDUE;
        } else {
            col = DASH_COL_OPEN;
            st = S_OPEN;
        }
        break;
    }
    /* Dense rows use the small font throughout. */
    dash_font_id tf = density == DENSE ? F_SMALL : F_BODY_BOLD;
    int lh = dash_line_h(g, tf), sh = dash_line_h(g, F_SMALL);
    int chip_w = dash_px(g, 92), p = dash_px(g, 8);
    SDL_Rect chip = { c.x, y, chip_w, density == DENSE ? lh : lh + sh };
    dash_fill(g, chip, col);
    /* Once ended, the chip gives the card's verdict: "P 100", "U 0", "N/A". */
    char verdict[32];
    const char *label = dash_s(st, L);
    if (v->ended && v->verdicts) {
        const tt_score_verdict *vd = &v->verdicts[i];
        if (vd->rating == TT_RATING_NA)
            snprintf(verdict, sizeof verdict, "%s", tt_rating_letter(vd->rating));
        else
            snprintf(verdict, sizeof verdict, "%s %d", tt_rating_letter(vd->rating), vd->score);
        label = verdict;
    }
    /* Dense rows have no countdown line: an open objective's chip gives
     * the time left to its target, then (amber) to its limit. */
    char left[32];
    if (density == DENSE && d->status == TT_OBJECTIVE_OPEN && !v->ended) {
        tt_ms to = v->now <= d->target_at ? d->target_at : d->limit_at;
        tt_span_format(to > v->now ? to - v->now : 0, left, sizeof left);
        label = left;
    }
    int tw = dash_text_width(g, label, tf);
    dash_text(g, label, tf, DASH_COL_BG, chip.x + (chip.w - tw) / 2,
              chip.y + (chip.h - lh) / 2, 0);
    if (ui && i < sizeof ui->chips / sizeof ui->chips[0]) {
        ui->chips[i] = chip;
        if (ui->n_chips < i + 1)
            ui->n_chips = i + 1;
    }

    int x = c.x + chip_w + p, w = c.w - chip_w - p;
    char line[512], a[160], b[160], t1[32], t2[32], t3[32];
    snprintf(line, sizeof line, "%s · %s", dash_s(phase_str(o->phase), L),
             tt_text_get(&o->title, L));
    dash_text_fit(g, line, tf, DASH_COL_TEXT, x, y, w);
    tt_ms_format(d->at, t1, sizeof t1);
    tt_ms_format(d->target_at, t2, sizeof t2);
    tt_ms_format(d->limit_at, t3, sizeof t3);
    if (d->status == TT_OBJECTIVE_OPEN) {
        countdown(v, d->target_at, S_TARGET, compact, a, sizeof a);
        countdown(v, d->limit_at, S_LIMIT, compact, b, sizeof b);
        snprintf(line, sizeof line, "%s · %s", a, b);
    } else {
        snprintf(line, sizeof line, "%s %s · %s %s · %s %s", dash_s(st, L), t1,
                 dash_s(S_TARGET, L), t2, dash_s(S_LIMIT, L), t3);
    }
    /* Wrapped, not cut: narrow windows and Japanese need a second line. */
    SDL_Color dc = st == S_OVERDUE ? DASH_COL_OVERDUE : DASH_COL_DIM;
    int dh = density == DENSE ? 0
             : compact ? dash_text_fit(g, line, F_SMALL, dc, x, y + lh, w)
                       : dash_text(g, line, F_SMALL, dc, x, y + lh, w);
    if (dh < sh && density != DENSE)
        dh = sh;

    /* Bar: 0 .. limit, filled up to now (or the settling time). */
    int by = y + lh + dh + dash_px(g, compact ? 1 : 3);
    int bh = dash_px(g, density == DENSE ? 4 : 6);
    SDL_Rect track = { x, by, w, bh };
    dash_fill(g, track, DASH_COL_BG);
    tt_ms end = d->limit_at > 0 ? d->limit_at : 1;
    tt_ms upto = d->status == TT_OBJECTIVE_OPEN ? v->now : d->at;
    double f = (double)upto / (double)end;
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    dash_fill(g, (SDL_Rect){ x, by, (int)(w * f), bh }, col);
    double ft = (double)d->target_at / (double)end;
    if (ft > 0 && ft < 1)
        dash_fill(g, (SDL_Rect){ x + (int)(w * ft) - 1, by - dash_px(g, 3),
                                 dash_px(g, 2) + 1, bh + dash_px(g, 6) },
                  DASH_COL_TEXT);
    return by + bh + dash_px(g, density == DENSE ? 4 : compact ? 5 : 12);
}

void dash_draw_objectives(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r)
{
    /* Rows with a two-line countdown when they all fit, else one line each,
     * else title and bar with the time left in the chip (the title says so). */
    int lh = dash_line_h(g, F_BODY_BOLD), sh = dash_line_h(g, F_SMALL);
    int n = (int)v->sc->n_objectives;
    int room = r.h - 2 * dash_px(g, 8) - dash_line_h(g, F_BODY_BOLD) - dash_px(g, 4);
    int density = n * (lh + 2 * sh + dash_px(g, 21)) <= room  ? FULL
                  : n * (lh + sh + dash_px(g, 12)) <= room    ? COMPACT
                                                              : DENSE;
    SDL_Rect c = dash_panel(g, r, dash_s(density == DENSE ? S_OBJECTIVES_DENSE : S_OBJECTIVES,
                                         v->lang));
    dash_clip(g, &c);
    int y = c.y;
    /* Phases in the order a response runs: isolate, report, recover. */
    for (int ph = TT_OBJ_ISOLATE; ph <= TT_OBJ_RECOVER; ph++)
        for (size_t i = 0; i < v->sc->n_objectives; i++)
            if ((int)v->sc->objectives[i].phase == ph)
                y = row(g, v, ui, i, c, y, density);
    dash_clip(g, NULL);
}
