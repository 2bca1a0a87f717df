/* The scorecard's SVG timeline: injects, each role's actions, each
 * objective against its target and limit, and the real case's history.
 * Plain SVG inside the HTML page, no scripts, prints as vectors. */
#include "labels.h"
#include "render_svg.h"
#include "svg_fmt.h"
#include "util.h"

#include <stdlib.h>
#include <string.h>

#define T(id) tt_lbl(LBL_##id, L)

enum { SVG_W = 760, LABEL_W = 170, PLOT_X0 = 180, PLOT_X1 = 745, LANE_H = 24, AXIS_H = 26 };

typedef struct scale {
    tt_ms tmax;
} scale;

static double xpos(const scale *s, tt_ms t)
{
    if (t < 0)
        t = 0;
    if (t > s->tmax)
        t = s->tmax;
    return PLOT_X0 + (double)(PLOT_X1 - PLOT_X0) * (double)t / (double)s->tmax;
}

/* Labels must fit left of the plot: cut by display width (East Asian
 * characters count two) at a character boundary, with an ellipsis. */
static void add_fitted(tt_buf *b, const char *text, int max_width)
{
    int width = 0;
    const unsigned char *p = (const unsigned char *)text;
    while (*p) {
        size_t n = *p < 0x80 ? 1 : *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;
        int w = *p >= 0xE0 ? 2 : 1;
        if (width + w > max_width - 1) {
            tt_buf part = TT_BUF_INIT;
            tt_buf_addn(&part, text, (size_t)(p - (const unsigned char *)text));
            if (part.failed)
                b->failed = true;
            else if (part.data)
                tt_buf_html(b, part.data);
            tt_buf_free(&part);
            tt_buf_add(b, "…");
            return;
        }
        width += w;
        p += strnlen((const char *)p, n);
    }
    tt_buf_html(b, text);
}

static void lane_label(tt_buf *b, int y, const char *text, const char *cls)
{
    sc_svg_printf(b, "<text x=\"%d\" y=\"%d\" class=\"%s\" text-anchor=\"end\">", LABEL_W, y + 16, cls);
    add_fitted(b, text, 32);
    tt_buf_add(b, "</text>\n");
    sc_svg_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"lane\"/>\n", PLOT_X0, y + LANE_H,
              PLOT_X1, y + LANE_H);
}

static void tip(tt_buf *b, tt_lang L, tt_ms t, const char *what, const char *detail)
{
    char buf[32];
    sc_time(t, L, buf, sizeof buf);
    sc_svg_printf(b, "<title>%s ", buf);
    tt_buf_html(b, what);
    if (detail && *detail) {
        tt_buf_add(b, ": ");
        tt_buf_html(b, detail);
    }
    tt_buf_add(b, "</title>");
}

static void axis(tt_buf *b, tt_lang L, const scale *s, int y)
{
    static const tt_ms steps[] = {
        60000, 300000, 600000, 900000, 1800000, 3600000, 7200000, 14400000,
        21600000, 43200000, 86400000, 172800000, 604800000
    };
    tt_ms step = s->tmax / 10 + 1;   /* beyond weeks: ten even ticks */
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
        if (s->tmax / steps[i] <= 10) {
            step = steps[i];
            break;
        }
    sc_svg_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n", PLOT_X0, y, PLOT_X1, y);
    for (tt_ms i = 0; i <= s->tmax / step; i++) {
        tt_ms t = i * step;
        char buf[32];
        sc_time(t, L, buf, sizeof buf);
        double x = xpos(s, t);
        sc_svg_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"tick\"/>", x, y, x, y + 5);
        sc_svg_printf(b, "<text x=\"%.1f\" y=\"%d\" class=\"tl\" text-anchor=\"middle\">%s</text>\n", x, y + 17, buf);
    }
}

static int role_lane(const tt_scorecard *card, const char *role)
{
    for (size_t i = 0; i < card->n_roles; i++)
        if (role && card->roles[i].id && strcmp(card->roles[i].id, role) == 0)
            return (int)i;
    return -1;
}

void sc_svg_timeline(tt_buf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    scale s = { card->duration };
    for (size_t i = 0; i < card->n_objectives; i++) {
        if (card->objectives[i].def->limit > s.tmax && card->objectives[i].def->limit != TT_MS_NEVER)
            s.tmax = card->objectives[i].def->limit;
        if (card->objectives[i].reached && card->objectives[i].reached_at > s.tmax)
            s.tmax = card->objectives[i].reached_at;
    }
    if (s.tmax < 60000)
        s.tmax = 60000;

    /* Lanes: injects, roles with actions, objectives, real case. */
    size_t role_lanes = 0;
    int *lane_of_role = malloc((card->n_roles + 1) * sizeof(int));
    if (!lane_of_role) {
        b->failed = true;
        return;
    }
    for (size_t i = 0; i < card->n_roles; i++)
        lane_of_role[i] = card->roles[i].actions || card->roles[i].refused ? (int)role_lanes++ : -1;
    size_t lanes = 1 + role_lanes + card->n_objectives + (card->n_history ? 1 : 0);
    int height = (int)lanes * LANE_H + AXIS_H + 12;
    sc_svg_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 %d %d\" "
                 "role=\"img\" aria-label=\"", SVG_W, height);
    tt_buf_html(b, T(TIMELINE));
    tt_buf_add(b, "\">\n");

    int y = 4;
    lane_label(b, y, T(INJECTS), "ll");
    for (size_t i = 0; i < card->n_events; i++) {
        const tt_score_event *e = &card->events[i];
        if (e->kind != TT_EV_INJECT && e->kind != TT_EV_CUSTOM && e->kind != TT_EV_MESSAGE &&
            e->kind != TT_EV_DECLINED && e->kind != TT_EV_ASKED)
            continue;
        double x = xpos(&s, e->t);
        sc_svg_printf(b, "<path d=\"M%.1f %d l-5 -9 h10 z\" class=\"%s\">", x, y + 18,
                  e->kind == TT_EV_INJECT ? "inj" : "msg");
        bool actor = e->kind == TT_EV_DECLINED || e->kind == TT_EV_ASKED;
        tip(b, L, e->t, actor ? tt_scenario_party_name(sc, e->from, L)
                              : e->id ? e->id : (e->from ? e->from : ""), tt_text_get(&e->text, L));
        tt_buf_add(b, "</path>\n");
    }
    y += LANE_H;

    int role_y0 = y;
    for (size_t i = 0; i < card->n_roles; i++)
        if (lane_of_role[i] >= 0)
            lane_label(b, role_y0 + lane_of_role[i] * LANE_H, tt_scenario_role_name(sc, card->roles[i].id, L), "ll");
    for (size_t i = 0; i < card->n_events; i++) {
        const tt_score_event *e = &card->events[i];
        bool cancel = e->kind == TT_EV_CANCEL || e->kind == TT_EV_REPLY;
        if (e->kind != TT_EV_ACTION && e->kind != TT_EV_REFUSED && !cancel)
            continue;
        int r = role_lane(card, e->role);
        if (r < 0 || lane_of_role[r] < 0)
            continue;
        int ly = role_y0 + lane_of_role[r] * LANE_H;
        int ai = tt_scenario_action(sc, e->id);
        const tt_action *a = ai >= 0 ? &sc->actions[ai] : NULL;
        double x = xpos(&s, e->t);
        if (cancel) {
            /* API 1.1: a cancellation (a cross) or a reply to an actor's question;
             * one that could not be carried out (status "refused") says so. */
            bool no = e->status != NULL;
            if (e->kind == TT_EV_CANCEL)
                sc_svg_printf(b, "<path d=\"M%.1f %d l8 8 m0 -8 l-8 8\" class=\"ref cancel%s\">", x - 4,
                          ly + 8, no ? " no" : "");
            else
                sc_svg_printf(b, "<path d=\"M%.1f %d h8 v8 h-8 z\" class=\"%s reply\">", x - 4, ly + 8,
                              no ? "ref" : "act");
            char what[300];
            snprintf(what, sizeof what, "%s: %s",
                     e->kind == TT_EV_CANCEL ? (no ? T(LEG_CANCEL_REFUSED) : T(LEG_CANCEL))
                                             : (no ? T(LEG_REPLY_REFUSED) : T(LEG_REPLY)),
                     tt_scenario_action_label(sc, e->id, L));
            tip(b, L, e->t, what, e->status ? tt_text_get(&e->text, L) : e->note);
            tt_buf_add(b, "</path>\n");
            continue;
        }
        bool harmful = (a && a->harmful) || (e->status && !strcmp(e->status, "harmful"));
        bool wasted = (a && a->wasted) || (e->status && !strcmp(e->status, "wasted"));
        const char *cls = e->kind == TT_EV_REFUSED ? "ref"
                        : harmful ? "harm"
                        : wasted ? "waste" : "act";
        if (a && e->kind == TT_EV_ACTION && e->until > e->t) {
            /* The bar ends at its journaled end, or where it was cancelled. */
            tt_ms end = e->until;
            for (size_t k = i + 1; k < card->n_events; k++) {
                const tt_score_event *c = &card->events[k];
                if (c->t >= end)
                    break;
                if (c->kind == TT_EV_CANCEL && !c->status && c->id && !strcmp(c->id, e->id)) {
                    end = c->t;
                    break;
                }
            }
            double x2 = xpos(&s, end);
            sc_svg_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"6\" class=\"%s dur\"/>",
                      x, ly + 9, x2 - x < 1 ? 1 : x2 - x, cls);
        }
        sc_svg_printf(b, "<circle cx=\"%.1f\" cy=\"%d\" r=\"5\" class=\"%s\">", x, ly + 12, cls);
        tip(b, L, e->t, tt_scenario_action_label(sc, e->id, L), e->note);
        tt_buf_add(b, "</circle>\n");
    }
    y += (int)role_lanes * LANE_H;

    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        const char *title = tt_text_get(&o->def->title, L);
        lane_label(b, y, *title ? title : o->def->id, "ll");
        double xt = xpos(&s, o->def->target), xl = xpos(&s, o->def->limit);
        sc_svg_printf(b, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\" class=\"tgt\"/>", PLOT_X0, y + 8, xt - PLOT_X0);
        sc_svg_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"8\" class=\"lim\"/>\n", xt, y + 8, xl - xt);
        if (o->noticed && o->def->notice) {
            double xn = xpos(&s, o->notice_at);
            sc_svg_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"notice\"/>", xn, y + 3, xn, y + 21);
        }
        if (o->reached) {
            double x = xpos(&s, o->reached_at);
            sc_svg_printf(b, "<path d=\"M%.1f %d l7 7 l-7 7 l-7 -7 z\" class=\"rat%s\">", x, y + 5,
                      tt_rating_key(o->rating));
            tip(b, L, o->reached_at, o->def->id, tt_rating_letter(o->rating));
            tt_buf_add(b, "</path>\n");
        }
        y += LANE_H;
    }

    if (card->n_history) {
        lane_label(b, y, T(REAL_CASE), "ll");
        for (size_t i = 0; i < card->n_history; i++) {
            const tt_history_item *h = card->history[i].def;
            if (h->at == TT_MS_NEVER)
                continue;
            double x = xpos(&s, h->at);
            bool beyond = h->at > s.tmax;
            sc_svg_printf(b, "<rect x=\"%.1f\" y=\"%d\" width=\"8\" height=\"8\" class=\"real%s\" transform=\"rotate(45 %.1f %d)\">",
                      x - 4, y + 8, beyond ? " beyond" : "", x, y + 12);
            tip(b, L, h->at, tt_text_get(&h->text, L), "");
            tt_buf_add(b, "</rect>\n");
        }
        y += LANE_H;
    }
    axis(b, L, &s, y + 2);
    tt_buf_add(b, "</svg>\n");
    free(lane_of_role);
}

/* The trend as bars: score height, rating colour, this run last. */
void sc_svg_trend(tt_buf *b, const tt_scorecard *card, tt_lang L)
{
    size_t first = sc_trend_first(card);
    size_t bars = card->n_trend - first + 1;
    sc_svg_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 %zu 64\" "
                 "width=\"%zu\" height=\"64\" role=\"img\" aria-label=\"", bars * 28 + 4, bars * 28 + 4);
    tt_buf_html(b, T(TREND));
    tt_buf_add(b, "\">");
    for (size_t i = 0; i < bars; i++) {
        bool current = i + 1 == bars;
        int score = current ? card->score : card->trend[first + i].score;
        tt_rating r = current ? card->rating : card->trend[first + i].rating;
        if (r == TT_RATING_NA) {
            /* Nothing assessed: no bar and no number (a 0 would read as a failed drill). */
            sc_svg_printf(b, "<text x=\"%zu\" y=\"62\" class=\"tl\" text-anchor=\"middle\">—</text>",
                          14 + i * 28);
            continue;
        }
        int h = score * 48 / 100 + 1;
        sc_svg_printf(b, "<rect x=\"%zu\" y=\"%d\" width=\"20\" height=\"%d\" class=\"rat%s%s\"/>", 4 + i * 28,
                  52 - h, h, tt_rating_key(r), current ? "" : " past");
        sc_svg_printf(b, "<text x=\"%zu\" y=\"62\" class=\"tl\" text-anchor=\"middle\">%d</text>", 14 + i * 28,
                  score);
    }
    tt_buf_add(b, "</svg>\n");
}
