/* The scorecard's document: every section of the card, once, for both the
 * HTML and the Markdown writers (see doc.h for how to add one). */
#include "doc.h"
#include "labels.h"
#include "render_svg.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define T(id) tt_lbl(LBL_##id, L)

typedef void section_fn(tt_doc *d, const tt_scorecard *card, tt_lang L);

static void time_text(tt_doc *d, tt_ms t)
{
    char buf[32];
    sc_time(t, d->lang, buf, sizeof buf);
    doc_textf(d, "%s", buf);
}

/* An SVG made by render_svg.c, kept in the document's arena. */
static void figure(tt_doc *d, void (*draw)(tt_buf *, const tt_scorecard *, tt_lang), const tt_scorecard *card)
{
    tt_buf b = TT_BUF_INIT;
    draw(&b, card, d->lang);
    char *svg = tt_buf_take(&b, NULL);
    doc_node *n = doc_open(d, DOC_FIGURE, NULL);
    if (n)
        n->text = svg ? tt_arena_strdup(&d->arena, svg) : NULL;
    if (n && !n->text)
        d->failed = true;
    free(svg);
}

/* A wall date as people read it: local time with the zone (TZ honoured). */
static const char *local_date(tt_doc *d, const char *iso)
{
    char buf[64];
    tt_date_local(iso, buf, sizeof buf);
    return doc_fmt(d, "%s", buf);
}

static void header(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    doc_node *h = doc_open(d, DOC_HEADER, NULL);
    char banner[512];
    if (tt_scorecard_banner(card, L, banner, sizeof banner)) {
        /* The card opens with it: a score of an unfinished drill. */
        doc_open(d, DOC_PARA, "early");
        doc_strong(d, doc_fmt(d, "%s:", T(EARLY_END)));
        doc_text(d, " ");
        doc_text(d, doc_fmt(d, "%s", banner));
        doc_close(d);
    }
    doc_node *b = doc_open(d, DOC_BADGE, NULL);
    if (h && b) {
        h->text = doc_fmt(d, "%s: %s", T(CARD_TITLE), tt_text_get(&card->scenario->title, L));
        b->num = (int)card->rating;
    }
    doc_strong(d, doc_fmt(d, "%s:", T(OVERALL)));
    doc_text(d, " ");
    doc_text(d, tt_rating_name(card->rating, L));
    doc_br(d);
    doc_strong(d, doc_fmt(d, "%s:", T(SCORE)));
    doc_text(d, " ");
    doc_node *score = doc_open(d, DOC_SPAN, NULL);
    if (score)
        score->id = "score";
    /* Nothing assessed: no number, as the dashboard and the pages show
     * (a 0 would read as a failed drill). */
    if (card->rating == TT_RATING_NA)
        doc_text(d, "—");
    else
        doc_textf(d, "%d", card->score);
    doc_close(d);
    doc_text(d, " / 100");
    doc_br(d);
    doc_open(d, DOC_SPAN, "small");
    doc_text(d, card->start->team ? card->start->team : T(TEAM_NONE));
    doc_text(d, " · ");
    doc_text(d, card->scenario->id);
    if (card->start->date) {
        doc_text(d, " · ");
        doc_text(d, local_date(d, card->start->date));
    }
    doc_close_n(d, 2);
    doc_close(d);
    for (size_t i = 0; i < card->n_warnings; i++) {
        doc_open(d, DOC_PARA, "warn");
        doc_strong(d, doc_fmt(d, "%s:", T(WARNINGS)));
        doc_text(d, " ");
        doc_text(d, tt_text_get(&card->warnings[i], L));
        doc_close(d);
    }
}

static void headline(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    static const tt_label names[] = { LBL_TIME_ISOLATE, LBL_TIME_REPORT, LBL_TIME_RECOVER };
    doc_section(d, "times", true, T(HEADLINE));
    doc_open(d, DOC_TILES, NULL);
    for (int p = 0; p < 3; p++) {
        const tt_score_phase *ph = &card->phases[p];
        doc_open(d, DOC_TILE, doc_fmt(d, "phase-%s", sc_phase_key((tt_objective_phase)p)));
        doc_open(d, DOC_PART, NULL);
        doc_text(d, tt_lbl(names[p], L));
        doc_close(d);
        doc_open(d, DOC_PART, "big");
        if (!ph->n_objectives) {
            doc_text(d, "—");
            doc_close(d);
            doc_open(d, DOC_PART, "sub");
            doc_text(d, T(NONE_IN_SCENARIO));
            doc_close_n(d, 2);
            continue;
        }
        /* The big number is the phase's first success (the first
         * containment, report, recovery), each figure against its target. */
        doc_time(d, ph->first_at);
        doc_close(d);
        char first_target[32], done_at[32], done_target[32];
        sc_time(ph->first ? ph->first->target : ph->target, L, first_target, sizeof first_target);
        sc_time(ph->target, L, done_target, sizeof done_target);
        if (ph->reached_at == TT_MS_NEVER)
            snprintf(done_at, sizeof done_at, "%s", T(NOT_REACHED));
        else
            sc_time(ph->reached_at, L, done_at, sizeof done_at);
        doc_open(d, DOC_PART, "sub");
        doc_text(d, T(FROM_START));
        doc_br(d);
        if (ph->first) {
            const char *title = tt_text_get(&ph->first->title, L);
            doc_text(d, doc_fmt(d, TT_FMT(L, LBL_HEAD_FIRST_FMT), *title ? title : ph->first->id,
                                first_target));
            doc_br(d);
        }
        doc_text(d, doc_fmt(d, TT_FMT(L, LBL_HEAD_DONE_FMT), done_at, done_target, ph->n_reached,
                            ph->n_objectives));
        doc_br(d);
        doc_textf(d, "%s: ", T(FROM_NOTICE));
        doc_time(d, ph->from_notice);
        doc_close(d);
        if (p == TT_OBJ_REPORT) {
            /* Who was told, and when. */
            doc_open(d, DOC_PART, "sub");
            for (size_t i = 0; i < card->n_objectives; i++) {
                const tt_score_objective *o = &card->objectives[i];
                if (o->def->phase != TT_OBJ_REPORT)
                    continue;
                const char *title = tt_text_get(&o->def->title, L);
                doc_text(d, *title ? title : o->def->party ? o->def->party : o->def->id);
                doc_text(d, ": ");
                doc_time(d, o->reached ? o->reached_at : TT_MS_NEVER);
                doc_br(d);
            }
            doc_close(d);
        }
        doc_close(d);
    }
    doc_close_n(d, 2);
}

/* AAR executive summary: what went well, what to improve. */
static void exec_summary(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    doc_section(d, "summary", true, T(SUMMARY));
    doc_open(d, DOC_TABLE, NULL);
    for (int good = 1; good >= 0; good--) {
        doc_label_row(d, good ? T(STRENGTHS) : T(IMPROVE_AREAS));
        doc_open(d, DOC_LIST, NULL);
        size_t shown = 0;
        for (size_t i = 0; i < card->n_objectives; i++) {
            const tt_score_objective *o = &card->objectives[i];
            if (o->rating == TT_RATING_NA || (o->rating == TT_RATING_P) != good)
                continue;
            doc_open(d, DOC_ITEM, NULL);
            doc_rating(d, o->rating);
            doc_text(d, " ");
            doc_text(d, tt_text_get(&o->def->title, L));
            doc_close(d);
            shown++;
        }
        for (size_t i = 0; i < card->n_lessons; i++) {
            const tt_score_lesson *l = &card->lessons[i];
            if (l->covered != good)
                continue;
            doc_open(d, DOC_ITEM, NULL);
            doc_span(d, good ? "covered" : "missed", good ? T(COVERED) : T(MISSED));
            doc_text(d, " ");
            doc_text(d, tt_text_get(&l->def->text, L));
            doc_close(d);
            shown++;
        }
        if (!good && card->n_bad) {
            doc_open(d, DOC_ITEM, NULL);
            doc_textf(d, "%s: %s %ld%s, %s %ld%s", T(BAD_ACTIONS), T(HARMFUL), sc_minutes(card->harmful_cost),
                      T(MINUTES), T(WASTED), sc_minutes(card->wasted_cost), T(MINUTES));
            doc_close(d);
        }
        if (!shown && (good || !card->n_bad)) {
            doc_item(d, NULL, T(NONE));
        }
        doc_close_n(d, 3); /* list, cell, row */
    }
    doc_close_n(d, 2);
}

static void objectives(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    doc_section(d, "objectives", false, T(OBJECTIVES));
    doc_table_head(d, (const char *const[]){ T(OBJECTIVE), T(PHASE), T(TARGET), T(LIMIT), T(NOTICE), T(REACHED),
                                             T(FROM_NOTICE), T(RATING), T(SCORE), NULL },
                   (const char *const[]){ "obj", NULL, NULL, NULL, NULL, NULL, NULL, "n", "n" });
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, NULL);
        doc_text(d, tt_text_get(&o->def->title, L));
        doc_br(d);
        doc_code(d, o->def->id);
        doc_close(d);
        doc_open(d, DOC_CELL, NULL);
        doc_text(d, sc_phase_label(o->def->phase, L));
        if (o->def->party) {
            doc_text(d, " → ");
            doc_text(d, tt_scenario_party_name(card->scenario, o->def->party, L));
        }
        doc_close(d);
        doc_open(d, DOC_CELL, "num");
        time_text(d, o->def->target);
        doc_close(d);
        doc_open(d, DOC_CELL, "num");
        time_text(d, o->def->limit);
        doc_close(d);
        doc_open(d, DOC_CELL, "num");
        if (o->def->notice && o->noticed)
            doc_time(d, o->notice_at);
        else if (o->def->notice)
            doc_text(d, "—");
        else
            doc_time(d, 0);
        doc_close(d);
        doc_open(d, DOC_CELL, "num");
        doc_time(d, o->reached ? o->reached_at : TT_MS_NEVER);
        if (o->role) {   /* who reached it */
            doc_br(d);
            doc_span(d, "small", tt_scenario_role_name(card->scenario, o->role, L));
        }
        doc_close(d);
        doc_open(d, DOC_CELL, "num");
        doc_time(d, o->from_notice);
        doc_close(d);
        doc_rating_cell(d, o->rating);
        doc_cell(d, "num", o->rating == TT_RATING_NA ? "—" : doc_fmt(d, "%d", o->score));
        doc_close(d);
    }
    doc_close(d);
    doc_open(d, DOC_LIST, "small");
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        const char *why = tt_text_get(&o->def->rationale, L);
        if (!*why)
            continue;
        doc_open(d, DOC_ITEM, NULL);
        doc_code(d, o->def->id);
        doc_textf(d, " %s: ", T(RATIONALE));
        doc_text(d, why);
        doc_close(d);
    }
    doc_close(d);
    doc_open(d, DOC_PARA, "small");
    doc_strong(d, doc_fmt(d, "%s:", T(RULES)));
    doc_text(d, " ");
    doc_text(d, T(RULES_TEXT));
    doc_close_n(d, 2);
}

/* A facilitator inject (/inject): "Facilitator inject (to Sysadmin / Sato): text". */
static void custom_inject(tt_doc *d, const tt_scorecard *card, const tt_score_event *e, tt_lang L)
{
    doc_open(d, DOC_STRONG, NULL);
    doc_text(d, T(FAC_INJECT));
    doc_close(d);
    doc_text(d, " (");
    if (e->to) {
        doc_textf(d, "%s ", T(TO));
        doc_text(d, tt_scenario_role_name(card->scenario, e->to, L));
        if (e->member) {
            doc_text(d, " / ");
            doc_text(d, e->member);
        }
    } else {
        doc_text(d, T(TO_EVERYONE));
    }
    doc_text(d, "): ");
    doc_text(d, tt_text_get(&e->text, L));
}

/* A note: "Supervisor / Suzuki (Action label): text". */
static void note_item(tt_doc *d, const tt_scorecard *card, const tt_score_event *e, tt_lang L)
{
    doc_open(d, DOC_STRONG, NULL);
    doc_text(d, tt_scenario_role_name(card->scenario, e->role, L));
    if (e->member) {
        doc_text(d, " / ");
        doc_text(d, e->member);
    }
    doc_close(d);
    if (e->kind == TT_EV_ACTION)
        doc_textf(d, " (%s)", tt_scenario_action_label(card->scenario, e->id, L));
    doc_text(d, ": ");
    doc_text(d, e->note);
}

static bool is_note(const tt_score_event *e)
{
    return (e->kind == TT_EV_NOTE || e->kind == TT_EV_ACTION) && e->note && *e->note;
}

static void timeline(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    static const struct { const char *color; tt_label label; } keys[] = {
        { "#1565c0", LBL_LEG_INJECT }, { "#2e7d32", LBL_LEG_ACTION }, { "#c62828", LBL_LEG_HARMFUL },
        { "#ef6c00", LBL_LEG_WASTED }, { "#9e9e9e", LBL_LEG_REFUSED }, { "#c8e6c9", LBL_LEG_TARGET },
        { "#fff3c4", LBL_LEG_LIMIT }, { "#6a1b9a", LBL_LEG_REAL },
    };
    doc_section(d, "timeline", true, T(TIMELINE));
    figure(d, sc_svg_timeline, card);
    doc_open(d, DOC_PARA, "legend");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        doc_open(d, DOC_SPAN, NULL);
        doc_node *sw = doc_open(d, DOC_SPAN, "sw");
        if (sw)
            sw->style = doc_fmt(d, "background:%s", keys[i].color);
        doc_close(d);
        doc_text(d, tt_lbl(keys[i].label, L));
        doc_close(d);
    }
    doc_close_n(d, 2);
    /* In words too: what the facilitator added and what people noted
     * (the figure is HTML's only and holds them only as tooltips). */
    size_t n = 0;
    for (size_t i = 0; i < card->n_events; i++)
        n += card->events[i].kind == TT_EV_CUSTOM || is_note(&card->events[i]);
    if (n) {
        doc_para(d, "small", doc_fmt(d, "%s:", T(FAC_LOG)));
        doc_open(d, DOC_LIST, "small");
        for (size_t i = 0; i < card->n_events; i++) {
            const tt_score_event *e = &card->events[i];
            if (e->kind != TT_EV_CUSTOM && !is_note(e))
                continue;
            doc_open(d, DOC_ITEM, NULL);
            doc_time(d, e->t);
            doc_text(d, " ");
            if (e->kind == TT_EV_CUSTOM)
                custom_inject(d, card, e, L);
            else
                note_item(d, card, e, L);
            doc_close(d);
        }
        doc_close(d);
    }
    doc_close(d);
}

static void damage(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    if (!doc_table_section(d, "damage", true, T(DAMAGE), card->n_damage, T(NONE),
                           (const char *const[]){ T(METRIC), T(FINAL_VALUE), NULL }, NULL))
        return;
    for (size_t i = 0; i < card->n_damage; i++) {
        const tt_score_damage *x = &card->damage[i];
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, tt_text_get(&x->def->label, L));
        doc_open(d, DOC_CELL, "num");
        if (x->known) {
            char v[64];
            tt_value_display(&x->final, L, v, sizeof v);
            if (x->final.type == TT_VAL_BOOL) {
                doc_text(d, v); /* yes / no: no unit */
            } else {
                doc_textf(d, "%s ", v);
                doc_text(d, tt_text_get(&x->def->unit, L));
            }
        } else {
            doc_text(d, T(UNKNOWN));
        }
        doc_close_n(d, 2);
    }
    doc_close_n(d, 2);
}

static void history(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    doc_section(d, "history", false, T(HISTORY));
    doc_table_head(d, (const char *const[]){ T(WHEN_REAL), T(WHEN_TEAM), T(EVENT), NULL }, NULL);
    for (size_t i = 0; i < card->n_history; i++) {
        const tt_score_history *h = &card->history[i];
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, "num");
        if (h->def->at == TT_MS_NEVER) {
            doc_text(d, T(NO_TIME));
        } else {
            time_text(d, h->def->at);
            if (h->def->at_invented)
                doc_text(d, "*");
        }
        doc_close(d);
        doc_open(d, DOC_CELL, "num");
        if (!h->def->action)
            doc_text(d, "—");
        else if (h->team_at == TT_MS_NEVER)
            doc_span(d, "missed", T(NOT_TAKEN));
        else
            doc_time(d, h->team_at);
        doc_close(d);
        doc_open(d, DOC_CELL, NULL);
        doc_text(d, tt_text_get(&h->def->text, L));
        if (h->def->action) {
            doc_text(d, " ");
            doc_span(d, "small", doc_fmt(d, "(%s)", tt_scenario_action_label(card->scenario, h->def->action, L)));
        }
        doc_close_n(d, 2);
    }
    doc_close(d);
    doc_para(d, "small", doc_fmt(d, "*%s", T(INVENTED)));
    doc_close(d);
}

/* API 1.1: the scenario's references, when it has any. */
static void references(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    if (!sc || sc->n_references == 0)
        return;
    doc_section(d, "references", false, T(REFERENCES));
    doc_table_head(d, (const char *const[]){ T(REF_TITLE), T(REF_PUBLISHER), T(REF_DATE), "URL",
                                             NULL }, NULL);
    for (size_t i = 0; i < sc->n_references; i++) {
        const tt_reference *r = &sc->references[i];
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, tt_text_get(&r->title, L));
        doc_cell(d, NULL, r->publisher ? r->publisher : "—");
        doc_cell(d, "num", r->date ? r->date : "—");
        doc_open(d, DOC_CELL, NULL);
        if (r->url)
            doc_code(d, r->url);
        else
            doc_text(d, "—");
        doc_close_n(d, 2);
    }
    doc_close_n(d, 2);
}

static void lessons(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    doc_section(d, "lessons", false, T(LESSONS));
    doc_open(d, DOC_LIST, NULL);
    for (size_t i = 0; i < card->n_lessons; i++) {
        const tt_score_lesson *l = &card->lessons[i];
        doc_open(d, DOC_ITEM, l->covered ? "covered" : "missed");
        doc_strong(d, l->covered ? T(COVERED) : T(MISSED));
        doc_text(d, " ");
        doc_node *plain = doc_open(d, DOC_SPAN, NULL);
        if (plain)
            plain->style = "color:#1a1a1a";   /* the item's colour marks only the status */
        doc_text(d, tt_text_get(&l->def->text, L));
        if (l->covered) {
            doc_text(d, " ");
            doc_open(d, DOC_SPAN, "small");
            doc_textf(d, "(%s, %s, ", tt_scenario_action_label(sc, l->action, L), tt_scenario_role_name(sc, l->role, L));
            doc_time(d, l->at);
            doc_text(d, ")");
            doc_close(d);
        }
        doc_close_n(d, 2);
    }
    doc_close_n(d, 2);
}

static void bad_actions(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    if (!doc_table_section(d, "bad-actions", false, T(BAD_ACTIONS), card->n_bad, T(NO_BAD_ACTIONS),
                           (const char *const[]){ "", T(ACTIONS), T(ROLE), T(COST), T(WHY), NULL }, NULL))
        return;
    for (size_t i = 0; i < card->n_bad; i++) {
        const tt_score_bad_action *x = &card->bad[i];
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, "num");
        doc_time(d, x->at);
        doc_br(d);
        doc_span(d, x->harmful ? "missed" : "small", x->harmful ? T(HARMFUL) : T(WASTED));
        doc_close(d);
        doc_cell(d, NULL, tt_scenario_action_label(sc, x->def->id, L));
        doc_open(d, DOC_CELL, "role");
        doc_text(d, tt_scenario_role_name(sc, x->role, L));
        if (x->member) {
            doc_text(d, " / ");
            doc_text(d, x->member);
        }
        doc_close(d);
        doc_cell(d, "num", doc_fmt(d, "%ld%s", sc_minutes(x->cost), T(MINUTES)));
        doc_cell(d, NULL, tt_text_get(&x->why, L));
        doc_close(d);
    }
    doc_close(d);
    doc_open(d, DOC_PARA, NULL);
    doc_strong(d, doc_fmt(d, "%s:", T(COST)));
    doc_textf(d, " %s %ld%s · %s %ld%s", T(HARMFUL), sc_minutes(card->harmful_cost), T(MINUTES), T(WASTED),
              sc_minutes(card->wasted_cost), T(MINUTES));
    doc_close_n(d, 2);
}

static void plan(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    if (!doc_table_section(d, "plan", false, T(PLAN), card->n_findings, T(NO_FINDINGS),
                           (const char *const[]){ T(CAPABILITY), T(FINDING), T(RECOMMENDATION), T(OWNER),
                                                  T(PRIORITY), T(DUE), T(STATUS), NULL },
                           (const char *const[]){ NULL, NULL, NULL, "role", "prio", "n", NULL }))
        return;
    for (size_t i = 0; i < card->n_findings; i++) {
        const tt_score_finding *f = &card->findings[i];
        doc_open(d, DOC_ROW, NULL);
        /* HSEEP IP: the core capability first (the scenario names it per
         * objective; "—" when it does not). */
        const char *capability = tt_text_get(&f->capability, L);
        doc_cell(d, NULL, *capability ? capability : "—");
        doc_cell(d, NULL, tt_text_get(&f->finding, L));
        doc_cell(d, NULL, tt_text_get(&f->recommendation, L));
        /* HSEEP IP: who (the roster's people, else the role), by when (a
         * date, not a delay), and its status. */
        doc_cell(d, "role", tt_scorecard_owner(card, f, L));
        doc_cell(d, NULL, tt_priority_name(f->priority, L));
        char due[32];
        tt_scorecard_due_date(card, f, due, sizeof due);
        doc_cell(d, "num", doc_fmt(d, "%s", due));
        doc_cell(d, NULL, T(STATUS_OPEN));
        doc_close(d);
    }
    doc_close_n(d, 2);
}

static void roles(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    doc_section(d, "roles", true, T(ROLES));
    doc_table_head(d, (const char *const[]){ T(ROLE), T(MEMBERS), T(N_ACTIONS), T(N_OBJECTIVES), T(HARMFUL),
                                             T(WASTED), T(N_REFUSED), T(N_NOTES), T(BUSY), NULL },
                   NULL);
    for (size_t i = 0; i < card->n_roles; i++) {
        const tt_score_role *r = &card->roles[i];
        const size_t counts[] = { r->actions, r->objectives, r->harmful, r->wasted, r->refused, r->notes };
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, tt_scenario_role_name(card->scenario, r->id, L));
        doc_cell(d, NULL, r->members ? r->members : "—");
        for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
            doc_cell(d, "num", doc_fmt(d, "%zu", counts[k]));
        doc_cell(d, "num", doc_fmt(d, "%ld%s", sc_minutes(r->busy), T(MINUTES)));
        doc_close(d);
    }
    doc_close_n(d, 2);
}

static void notes(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    doc_section(d, "notes", false, T(NOTES));
    doc_open(d, DOC_LIST, NULL);
    size_t shown = 0;
    for (size_t i = 0; i < card->n_events; i++) {
        const tt_score_event *e = &card->events[i];
        bool questions = e->kind == TT_EV_INJECT && e->n_questions;
        bool note = is_note(e);
        bool custom = e->kind == TT_EV_CUSTOM;
        if (!questions && !note && !custom)
            continue;
        doc_open(d, DOC_ITEM, NULL);
        doc_time(d, e->t);
        doc_text(d, " ");
        if (questions) {
            doc_open(d, DOC_EM, NULL);
            doc_text(d, T(QUESTIONS));
            doc_close(d);
            doc_text(d, " (");
            doc_code(d, e->id);
            doc_text(d, "):");
            for (size_t k = 0; k < e->n_questions; k++) {
                doc_text(d, " ");
                doc_text(d, tt_text_get(&e->questions[k], L));
            }
        } else if (custom) {
            shown++;
            custom_inject(d, card, e, L);
        } else {
            shown++;
            note_item(d, card, e, L);
        }
        doc_close(d);
    }
    doc_close(d);
    if (!shown)
        doc_para(d, NULL, T(NO_NOTES));
    doc_close(d);
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The hot wash: each question answered in the browser, with every answer
 * and who gave it, in the order given. Left out when nobody answered. */
static void hotwash(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    if (!card->n_answers)
        return;
    doc_section(d, "hotwash", false, T(HOTWASH));
    doc_table_head(d, (const char *const[]){ T(QUESTION), T(ANSWERED_BY), T(ANSWER), NULL }, NULL);
    for (size_t i = 0; i < card->n_answers; i++) {
        const tt_score_answer *a = &card->answers[i];
        bool first = true;   /* the question is written once, above its answers */
        for (size_t k = 0; k < i && first; k++)
            first = !(same_text(card->answers[k].inject, a->inject) &&
                      same_text(card->answers[k].question.en, a->question.en) &&
                      same_text(card->answers[k].question.ja, a->question.ja));
        if (!first)
            continue;
        for (size_t k = i; k < card->n_answers; k++) {
            const tt_score_answer *b = &card->answers[k];
            if (!same_text(b->inject, a->inject) || !same_text(b->question.en, a->question.en) ||
                !same_text(b->question.ja, a->question.ja))
                continue;
            doc_open(d, DOC_ROW, NULL);
            doc_cell(d, NULL, k == i ? tt_text_get(&a->question, L) : "");
            doc_cell(d, NULL, b->member ? doc_fmt(d, "%s (%s)", b->member,
                                                  tt_scenario_role_name(card->scenario, b->role, L))
                                        : tt_scenario_role_name(card->scenario, b->role, L));
            doc_cell(d, NULL, b->answer ? b->answer : "");
            doc_close(d);
        }
    }
    doc_close_n(d, 2);
}

static void trend(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    if (!doc_table_section(d, "trend", true, T(TREND), card->n_trend, T(NO_TREND),
                           (const char *const[]){ T(DATE), T(SCORE), T(RATING), NULL }, NULL))
        return;
    size_t first = sc_trend_first(card);
    if (first) {
        doc_open(d, DOC_ROW, NULL);
        doc_node *c = doc_open(d, DOC_CELL, "small");
        if (c)
            c->num = 3;
        doc_text(d, T(EARLIER_RUNS_CUT));
        doc_close_n(d, 2);
    }
    for (size_t i = first; i < card->n_trend; i++) {
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, local_date(d, card->trend[i].when));
        if (card->trend[i].rating == TT_RATING_NA)
            doc_cell(d, "num", "—");
        else
            doc_cell(d, "num", doc_fmt(d, "%d", card->trend[i].score));
        doc_rating_cell(d, card->trend[i].rating);
        doc_close(d);
    }
    doc_open(d, DOC_ROW, NULL);
    doc_open(d, DOC_CELL, NULL);
    doc_strong(d, T(THIS_RUN));
    doc_close(d);
    doc_open(d, DOC_CELL, "num");
    if (card->rating == TT_RATING_NA) {
        doc_strong(d, "—");   /* nothing assessed: no number, no change */
    } else {
        doc_strong(d, doc_fmt(d, "%d", card->score));
        /* The change since the last run that has a number. */
        for (size_t i = card->n_trend; i-- > 0;)
            if (card->trend[i].rating != TT_RATING_NA) {
                doc_textf(d, " (%+d)", card->score - card->trend[i].score);
                break;
            }
    }
    doc_close(d);
    doc_rating_cell(d, card->rating);
    doc_close_n(d, 2);
    figure(d, sc_svg_trend, card);
    doc_close_n(d, 2);
}

static void details(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    const tt_start_info *s = card->start;
    doc_section(d, "details", true, T(DETAILS));
    doc_open(d, DOC_TABLE, NULL);
    doc_label_row(d, T(SCENARIO));
    doc_text(d, tt_text_get(&sc->title, L));
    doc_text(d, " (");
    doc_code(d, sc->id);
    doc_text(d, ")");
    const char *sum = tt_text_get(&sc->summary, L);
    if (*sum) {
        doc_br(d);
        doc_span(d, "small", sum);
    }
    doc_close_n(d, 2);
    doc_label_row(d, T(SOURCE));
    doc_text(d, sc->source ? sc_source_title(sc->source, L) : "—");
    doc_close_n(d, 2);
    doc_label_row(d, T(CONTENT_HASH));
    doc_code(d, s->hash ? s->hash : "—");
    doc_close_n(d, 2);
    doc_label_row(d, T(SEED));
    doc_textf(d, "%llu", (unsigned long long)s->seed);
    doc_close_n(d, 2);
    doc_label_row(d, T(TEAM));
    doc_text(d, s->team ? s->team : T(TEAM_NONE));
    doc_close_n(d, 2);
    doc_label_row(d, T(MEMBERS));
    for (size_t i = 0; i < s->n_members; i++)
        doc_textf(d, "%s%s (%s)", i ? ", " : "", s->members[i].name, tt_scenario_role_name(sc, s->members[i].role, L));
    if (!s->n_members)
        doc_text(d, T(NONE));
    doc_close_n(d, 2);
    doc_label_row(d, T(DATE));
    doc_text(d, s->date ? local_date(d, s->date) : "—");
    doc_close_n(d, 2);
    doc_label_row(d, T(ENGINE_VERSION));
    doc_textf(d, "%s %s, %s %s", T(ENGINE_RUN_BY), s->engine ? s->engine : T(ENGINE_UNKNOWN),
              T(ENGINE_SCORED_BY), tt_version());
    doc_close_n(d, 2);
    doc_label_row(d, T(DURATION));
    time_text(d, card->duration);
    doc_close_n(d, 2);
    doc_label_row(d, T(SPEED));
    if (s->speed > 0)
        doc_textf(d, "×%g", s->speed);
    else
        doc_text(d, T(SPEED_FAST));
    doc_close_n(d, 2);
    doc_label_row(d, T(ENDED_BY));
    doc_text(d, sc_end_label(card->end_status, L));
    doc_close_n(d, 2);
    doc_label_row(d, T(JOURNAL));
    doc_code(d, card->journal_path ? card->journal_path : "—");
    doc_close_n(d, 2);
    if (s->n_settings) {
        doc_label_row(d, T(SETTINGS));
        for (size_t i = 0; i < s->n_settings; i++) {
            char v[64];
            tt_value_format(&s->settings[i].value, v, sizeof v);
            doc_textf(d, "%s%s = %s", i ? ", " : "", s->settings[i].key, v);
        }
        doc_close_n(d, 2);
    }
    const char *inv = tt_text_get(&sc->invented, L);
    if (*inv) {
        doc_label_row(d, T(INVENTED_NUMBERS));
        doc_text(d, inv);
        doc_close_n(d, 2);
    }
    doc_close_n(d, 2);
}

/* The card's sections, in order. */
static section_fn *const sections[] = {
    header, headline, exec_summary, objectives, timeline, damage, history, references,
    lessons, bad_actions, plan, roles, notes, hotwash, trend, details,
};

int sc_card_doc(tt_doc *d, const tt_scorecard *card, tt_lang L)
{
    memset(d, 0, sizeof *d);
    d->lang = L;
    d->title = T(CARD_TITLE);
    d->subtitle = tt_text_get(&card->scenario->title, L);
    d->root = tt_arena_alloc(&d->arena, sizeof *d->root);
    if (!d->root) {
        doc_free(d);
        return -1;
    }
    d->root->kind = DOC_ROOT;
    d->cur = d->root;
    for (size_t i = 0; i < sizeof sections / sizeof sections[0] && !d->failed; i++) {
        sections[i](d, card, L);
        if (d->cur != d->root)   /* a section left a container open: a bug, not bad input */
            d->failed = true;
    }
    if (d->failed) {
        doc_free(d);
        return -1;
    }
    return 0;
}
