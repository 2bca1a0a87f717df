/* The inject feed, newest first: who said what to whom, with the discussion
 * questions for the facilitator, and what the team did. */
#include <stdio.h>
#include <string.h>

#include "dash.h"

static const SDL_Color COL_MESSAGE = { 64, 190, 190, 255 };
static const SDL_Color COL_ACTION = { 120, 200, 120, 255 };
static const SDL_Color COL_NEW = { 38, 50, 76, 255 };

static const char *action_label(const dash_view *v, const char *id)
{
    int i = tt_scenario_action(v->sc, id);
    return i >= 0 ? tt_text_get(&v->sc->actions[i].label, v->lang) : (id ? id : "");
}

static const char *who(const dash_view *v, const tt_record *r, char *buf, size_t n)
{
    const char *role = tt_scenario_party_name(v->sc, r->role, v->lang);
    if (r->member && *r->member)
        snprintf(buf, n, "%s (%s)", role, r->member);
    else
        snprintf(buf, n, "%s", role);
    return buf;
}

void dash_feed_describe(const dash_view *v, const tt_record *r, char *head, size_t hn,
                     char *body, size_t bn, SDL_Color *col)
{
    tt_lang L = v->lang;
    char t[32], w[256], until[32];
    tt_ms_format(r->t, t, sizeof t);
    char names[512];
    const char *to = !r->to ? dash_s(S_EVERYONE, L)
                     : strchr(r->to, ',') ? tt_scenario_recipients(v->sc, r->to, L, names, sizeof names)
                                          : tt_scenario_party_name(v->sc, r->to, L);
    body[0] = '\0';
    *col = DASH_COL_ACCENT;
    switch (r->type) {
    case TT_REC_INJECT:
    case TT_REC_MESSAGE:
        /* An inject without `from` names no sender, as every other front-end. */
        snprintf(head, hn, "%s  %s%s→ %s", t,
                 r->from ? tt_scenario_party_name(v->sc, r->from, L) : "", r->from ? " " : "", to);
        snprintf(body, bn, "%s", tt_text_get(&r->text, L));
        if (r->type == TT_REC_MESSAGE)
            *col = COL_MESSAGE;
        break;
    case TT_REC_CUSTOM:
        snprintf(head, hn, "%s  %s → %s", t, dash_s(S_FACILITATOR, L), to);
        snprintf(body, bn, "%s", tt_text_get(&r->text, L));
        *col = DASH_COL_FOCUS;
        break;
    case TT_REC_ACTION:
        tt_ms_format(r->until, until, sizeof until);
        snprintf(head, hn, "%s  %s %s", t, who(v, r, w, sizeof w), dash_s(S_TOOK, L));
        snprintf(body, bn, "%s (%s %s)%s%s", action_label(v, r->id),
                 dash_s(S_IN_PROGRESS, L), until, r->note ? " — " : "",
                 r->note ? r->note : "");
        *col = COL_ACTION;
        break;
    case TT_REC_DONE:
        snprintf(head, hn, "%s  %s %s", t, tt_scenario_party_name(v->sc, r->role, L),
                 dash_s(S_DONE, L));
        snprintf(body, bn, "%s", action_label(v, r->id));
        *col = COL_ACTION;
        break;
    case TT_REC_REFUSED:
        snprintf(head, hn, "%s  %s %s", t, who(v, r, w, sizeof w), dash_s(S_REFUSED, L));
        snprintf(body, bn, "%s — %s", action_label(v, r->id), tt_text_get(&r->text, L));
        *col = DASH_COL_MISSED;
        break;
    case TT_REC_CANCEL:
    case TT_REC_REPLY: {
        /* API 1.1: an action cancelled, or an answer to an actor's question. */
        bool cancel = r->type == TT_REC_CANCEL, no = r->status != NULL;
        snprintf(head, hn, "%s  %s %s", t, who(v, r, w, sizeof w),
                 dash_s(cancel ? (no ? S_CANCEL_REFUSED : S_CANCELLED)
                               : (no ? S_REPLY_REFUSED : S_REPLIED), L));
        snprintf(body, bn, "%s — %s", action_label(v, r->id),
                 no ? tt_text_get(&r->text, L) : (r->note ? r->note : ""));
        *col = no ? DASH_COL_MISSED : COL_ACTION;
        break;
    }
    case TT_REC_DECLINED:
    case TT_REC_ASKED:
        snprintf(head, hn, "%s  %s → %s  %s", t, tt_scenario_party_name(v->sc, r->from, L),
                 tt_scenario_party_name(v->sc, r->role, L),
                 dash_s(r->type == TT_REC_DECLINED ? S_DECLINED : S_ASKED, L));
        snprintf(body, bn, "%s — %s", action_label(v, r->id), tt_text_get(&r->text, L));
        *col = r->type == TT_REC_DECLINED ? DASH_COL_MISSED : DASH_COL_FOCUS;
        break;
    case TT_REC_NOTE:
        snprintf(head, hn, "%s  %s %s", t, who(v, r, w, sizeof w), dash_s(S_NOTE, L));
        snprintf(body, bn, "%s", r->note ? r->note : "");
        *col = DASH_COL_DIM;
        break;
    case TT_REC_OBJECTIVE: {
        int i = tt_scenario_objective(v->sc, r->id);
        bool ok = r->status && r->status[0] == 'r';
        snprintf(head, hn, "%s  %s", t, dash_s(ok ? S_OBJ_REACHED : S_OBJ_MISSED, L));
        snprintf(body, bn, "%s", i >= 0 ? tt_text_get(&v->sc->objectives[i].title, L)
                                        : (r->id ? r->id : ""));
        *col = ok ? DASH_COL_REACHED : DASH_COL_MISSED;
        break;
    }
    case TT_REC_END:
        snprintf(head, hn, "%s  %s", t, dash_s(S_ENDED, L));
        snprintf(body, bn, "%s", !r->status ? ""
                 : r->status[0] == 'l' ? dash_s(S_END_LENGTH, L)
                 : r->status[0] == 's' ? dash_s(S_END_SETTLED, L)
                                       : dash_s(S_END_FACILITATOR, L));
        *col = DASH_COL_DIM;
        break;
    default:
        head[0] = '\0';
        break;
    }
}

void dash_draw_feed(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r)
{
    SDL_Rect c = dash_panel(g, r, dash_s(S_FEED, v->lang));
    dash_add_hit(ui, H_FEED, 0, r);
    /* Scrolled back: keep the same items in view as new ones arrive. */
    size_t skip = 0;
    if (ui) {
        if (ui->feed_skip > 0 && v->n_feed > ui->feed_seen)
            ui->feed_skip += v->n_feed - ui->feed_seen;
        ui->feed_seen = v->n_feed;
        if (v->n_feed && ui->feed_skip >= v->n_feed)
            ui->feed_skip = v->n_feed - 1;
        skip = ui->feed_skip;
    }
    if (v->n_feed == 0) {
        dash_text(g, dash_s(S_NOTHING_YET, v->lang), F_BODY, DASH_COL_DIM, c.x, c.y, c.w);
        return;
    }
    dash_clip(g, &c);
    int y = c.y, gap = dash_px(g, 8), bar = dash_px(g, 4), in = dash_px(g, 10);
    char head[512], body[2048], q[1024];
    if (skip > 0) {
        snprintf(q, sizeof q, TT_FMT(v->lang, S_NEW_ITEMS_FMT), skip);
        y += dash_text(g, q, F_SMALL, DASH_COL_FOCUS, c.x, y, 0) + gap / 2;
    }
    for (size_t k = v->n_feed - skip; k-- > 0 && y < c.y + c.h;) {
        const tt_record *rec = v->feed[k];
        SDL_Color col;
        dash_feed_describe(v, rec, head, sizeof head, body, sizeof body, &col);
        int y0 = y;
        int tw = c.w - in;
        /* Measure first so the item's background can be drawn under it. */
        dash_tex th, tb;
        if (!dash_text_get(&g->text, head, F_SMALL, DASH_COL_DIM, tw, &th))
            th.h = 0;
        if (!dash_text_get(&g->text, body, F_BODY, DASH_COL_TEXT, tw, &tb))
            tb.h = 0;
        int h = th.h + tb.h;
        for (size_t i = 0; i < rec->n_questions; i++) {
            snprintf(q, sizeof q, "%s: %s", dash_s(S_QUESTION, v->lang),
                     tt_text_get(&rec->questions[i], v->lang));
            dash_tex tq;
            if (dash_text_get(&g->text, q, F_BODY, DASH_COL_FOCUS, tw - in, &tq))
                h += tq.h;
        }
        bool fresh = v->now - rec->t < 5 * 60 * 1000;
        if (fresh)
            dash_fill(g, (SDL_Rect){ c.x, y0, c.w, h + gap / 2 }, COL_NEW);
        dash_fill(g, (SDL_Rect){ c.x, y0, bar, h + gap / 2 }, col);
        y += dash_text(g, head, F_SMALL, DASH_COL_DIM, c.x + in, y, tw);
        y += dash_text(g, body, F_BODY, DASH_COL_TEXT, c.x + in, y, tw);
        for (size_t i = 0; i < rec->n_questions; i++) {
            snprintf(q, sizeof q, "%s: %s", dash_s(S_QUESTION, v->lang),
                     tt_text_get(&rec->questions[i], v->lang));
            y += dash_text(g, q, F_BODY, DASH_COL_FOCUS, c.x + 2 * in, y, tw - in);
        }
        y = y0 + h + gap;
    }
    dash_clip(g, NULL);
}
