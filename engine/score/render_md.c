/* Markdown scorecard: the same sections as the HTML one, as tables. */
#include "labels.h"
#include "render.h"
#include "sbuf.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

#define T(id) tt_lbl(LBL_##id, L)

/* Inside a code span backslashes are literal: copy the text, with
 * backticks and line breaks (which would end the span) made harmless. */
static void sb_code(sbuf *b, const char *s)
{
    for (const char *p = s; p && *p; p++) {
        char c = *p == '`' ? '\'' : (*p == '\n' || *p == '|') ? ' ' : *p;
        sb_addn(b, &c, 1);
    }
}

static void md_time(sbuf *b, tt_ms t, tt_lang L)
{
    if (t == TT_MS_NEVER) {
        sb_add(b, T(NOT_REACHED));
        return;
    }
    char buf[32];
    sc_time(t, L, buf, sizeof buf);
    sb_add(b, buf);
}

static void md_value(sbuf *b, const tt_score_damage *d, tt_lang L)
{
    if (!d->known) {
        sb_add(b, T(UNKNOWN));
        return;
    }
    char buf[64];
    tt_value_format(&d->final, buf, sizeof buf);
    sb_md(b, buf);
    const char *unit = tt_text_get(&d->def->unit, L);
    if (*unit) {
        sb_add(b, " ");
        sb_md(b, unit);
    }
}

static void headline(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    static const tt_label names[] = { LBL_TIME_ISOLATE, LBL_TIME_REPORT, LBL_TIME_RECOVER };
    sb_printf(b, "## %s\n\n| | %s | %s |\n|---|---|---|\n", T(HEADLINE), T(FROM_START), T(FROM_NOTICE));
    for (int p = 0; p < 3; p++) {
        const tt_score_phase *ph = &card->phases[p];
        sb_printf(b, "| **%s** | ", tt_lbl(names[p], L));
        if (!ph->n_objectives) {
            sb_printf(b, "%s | |\n", T(NONE_IN_SCENARIO));
            continue;
        }
        md_time(b, ph->reached_at, L);
        sb_add(b, " | ");
        md_time(b, ph->from_notice, L);
        sb_add(b, " |\n");
        if (p != TT_OBJ_REPORT)
            continue;
        for (size_t i = 0; i < card->n_objectives; i++) {
            const tt_score_objective *o = &card->objectives[i];
            if (o->def->phase != TT_OBJ_REPORT)
                continue;
            const char *title = tt_text_get(&o->def->title, L);
            sb_add(b, "| → ");
            sb_md(b, *title ? title : o->def->party ? o->def->party : o->def->id);
            sb_add(b, " | ");
            md_time(b, o->reached ? o->reached_at : TT_MS_NEVER, L);
            sb_add(b, " | ");
            md_time(b, o->from_notice, L);
            sb_add(b, " |\n");
        }
    }
    sb_add(b, "\n");
}

static void exec_summary(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "## %s\n\n", T(SUMMARY));
    for (int good = 1; good >= 0; good--) {
        sb_printf(b, "**%s**\n\n", good ? T(STRENGTHS) : T(IMPROVE_AREAS));
        size_t shown = 0;
        for (size_t i = 0; i < card->n_objectives; i++) {
            const tt_score_objective *o = &card->objectives[i];
            if ((o->rating == TT_RATING_P) != good)
                continue;
            sb_printf(b, "- %s: ", tt_rating_letter(o->rating));
            sb_md(b, tt_text_get(&o->def->title, L));
            sb_add(b, "\n");
            shown++;
        }
        for (size_t i = 0; i < card->n_lessons; i++) {
            const tt_score_lesson *l = &card->lessons[i];
            if (l->covered != good)
                continue;
            sb_printf(b, "- %s: ", good ? T(COVERED) : T(MISSED));
            sb_md(b, tt_text_get(&l->def->text, L));
            sb_add(b, "\n");
            shown++;
        }
        if (!good && card->n_bad)
            sb_printf(b, "- %s: %s %ld%s, %s %ld%s\n", T(BAD_ACTIONS), T(HARMFUL), sc_minutes(card->harmful_cost),
                      T(MINUTES), T(WASTED), sc_minutes(card->wasted_cost), T(MINUTES));
        else if (!shown)
            sb_printf(b, "- %s\n", T(NONE));
        sb_add(b, "\n");
    }
}

static void objectives(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "## %s\n\n| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|---|---|\n",
              T(OBJECTIVES), T(OBJECTIVE), T(PHASE), T(TARGET), T(LIMIT), T(NOTICE),
              T(REACHED), T(FROM_NOTICE), T(RATING), T(SCORE));
    char buf[32];
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        sb_add(b, "| ");
        sb_md(b, tt_text_get(&o->def->title, L));
        sb_add(b, " (`");
        sb_code(b, o->def->id);
        sb_add(b, "`) | ");
        sb_add(b, sc_phase_label(o->def->phase, L));
        if (o->def->party) {
            sb_add(b, " → ");
            sb_md(b, sc_party_name(card->scenario, o->def->party, L));
        }
        sc_time(o->def->target, L, buf, sizeof buf);
        sb_printf(b, " | %s", buf);
        sc_time(o->def->limit, L, buf, sizeof buf);
        sb_printf(b, " | %s | ", buf);
        if (o->def->notice && o->noticed)
            md_time(b, o->notice_at, L);
        else if (o->def->notice)
            sb_add(b, "—");
        else
            md_time(b, 0, L);
        sb_add(b, " | ");
        md_time(b, o->reached ? o->reached_at : TT_MS_NEVER, L);
        sb_add(b, " | ");
        md_time(b, o->from_notice, L);
        sb_printf(b, " | **%s** | %d |\n", tt_rating_letter(o->rating), o->score);
    }
    sb_add(b, "\n");
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        const char *why = tt_text_get(&o->def->rationale, L);
        if (!*why)
            continue;
        sb_add(b, "- `");
        sb_code(b, o->def->id);
        sb_printf(b, "` %s: ", T(RATIONALE));
        sb_md(b, why);
        sb_add(b, "\n");
    }
    sb_printf(b, "\n*%s* ", T(RULES));
    sb_md(b, T(RULES_TEXT));
    sb_add(b, "\n\n");
}

static void damage_history(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "## %s\n\n", T(DAMAGE));
    if (card->n_damage) {
        sb_printf(b, "| %s | %s |\n|---|---|\n", T(METRIC), T(FINAL_VALUE));
        for (size_t i = 0; i < card->n_damage; i++) {
            sb_add(b, "| ");
            sb_md(b, tt_text_get(&card->damage[i].def->label, L));
            sb_add(b, " | ");
            md_value(b, &card->damage[i], L);
            sb_add(b, " |\n");
        }
    } else {
        sb_add(b, T(NONE));
        sb_add(b, "\n");
    }
    sb_printf(b, "\n## %s\n\n| %s | %s | %s |\n|---|---|---|\n", T(HISTORY), T(WHEN_REAL), T(WHEN_TEAM), T(EVENT));
    char buf[32];
    for (size_t i = 0; i < card->n_history; i++) {
        const tt_score_history *h = &card->history[i];
        sb_add(b, "| ");
        if (h->def->at == TT_MS_NEVER) {
            sb_add(b, T(NO_TIME));
        } else {
            sc_time(h->def->at, L, buf, sizeof buf);
            sb_add(b, buf);
            if (h->def->at_invented)
                sb_add(b, "\\*");
        }
        sb_add(b, " | ");
        if (!h->def->action)
            sb_add(b, "—");
        else if (h->team_at == TT_MS_NEVER)
            sb_add(b, T(NOT_TAKEN));
        else
            md_time(b, h->team_at, L);
        sb_add(b, " | ");
        sb_md(b, tt_text_get(&h->def->text, L));
        if (h->def->action) {
            sb_add(b, " (");
            sb_md(b, sc_action_label(sc, h->def->action, L));
            sb_add(b, ")");
        }
        sb_add(b, " |\n");
    }
    sb_printf(b, "\n\\*%s\n\n", T(INVENTED));
}

static void lessons_bad(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "## %s\n\n", T(LESSONS));
    for (size_t i = 0; i < card->n_lessons; i++) {
        const tt_score_lesson *l = &card->lessons[i];
        sb_printf(b, "- [%s] **%s**: ", l->covered ? "x" : " ",
                  l->covered ? T(COVERED) : T(MISSED));
        sb_md(b, tt_text_get(&l->def->text, L));
        if (l->covered) {
            sb_add(b, " — ");
            sb_md(b, sc_action_label(sc, l->action, L));
            sb_add(b, ", ");
            sb_md(b, sc_role_name(sc, l->role, L));
            sb_add(b, ", ");
            md_time(b, l->at, L);
        }
        sb_add(b, "\n");
    }
    sb_printf(b, "\n## %s\n\n", T(BAD_ACTIONS));
    if (!card->n_bad) {
        sb_printf(b, "%s\n\n", T(NO_BAD_ACTIONS));
        return;
    }
    sb_printf(b, "| | %s | %s | %s | %s |\n|---|---|---|---|---|\n", T(ACTIONS), T(ROLE), T(COST), T(WHY));
    for (size_t i = 0; i < card->n_bad; i++) {
        const tt_score_bad_action *x = &card->bad[i];
        sb_add(b, "| ");
        md_time(b, x->at, L);
        sb_printf(b, " %s | ", x->harmful ? T(HARMFUL) : T(WASTED));
        sb_md(b, sc_action_label(sc, x->def->id, L));
        sb_add(b, " | ");
        sb_md(b, sc_role_name(sc, x->role, L));
        sb_printf(b, " | %ld%s | ", sc_minutes(x->cost), T(MINUTES));
        sb_md(b, tt_text_get(&x->def->why_bad, L));
        sb_add(b, " |\n");
    }
    sb_printf(b, "\n%s: %s %ld%s, %s %ld%s\n\n", T(COST), T(HARMFUL), sc_minutes(card->harmful_cost),
              T(MINUTES), T(WASTED), sc_minutes(card->wasted_cost), T(MINUTES));
}

static void plan_roles(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "## %s\n\n", T(PLAN));
    if (!card->n_findings) {
        sb_printf(b, "%s\n\n", T(NO_FINDINGS));
    } else {
        sb_printf(b, "| %s | %s | %s | %s | %s |\n|---|---|---|---|---|\n", T(FINDING), T(RECOMMENDATION), T(OWNER),
                  T(PRIORITY), T(DUE));
        for (size_t i = 0; i < card->n_findings; i++) {
            const tt_score_finding *f = &card->findings[i];
            sb_add(b, "| ");
            sb_md(b, tt_text_get(&f->finding, L));
            sb_add(b, " | ");
            sb_md(b, tt_text_get(&f->recommendation, L));
            sb_add(b, " | ");
            sb_md(b, f->owner ? sc_role_name(sc, f->owner, L) : "—");
            sb_printf(b, " | %s | %d%s |\n", tt_priority_name(f->priority, L), tt_priority_due_days(f->priority),
                      T(DAYS));
        }
        sb_add(b, "\n");
    }
    sb_printf(b, "## %s\n\n| %s | %s | %s | %s | %s | %s | %s | %s |\n|---|---|---|---|---|---|---|---|\n",
              T(ROLES), T(ROLE), T(MEMBERS), T(N_ACTIONS), T(N_OBJECTIVES), T(HARMFUL), T(WASTED),
              T(N_NOTES), T(BUSY));
    for (size_t i = 0; i < card->n_roles; i++) {
        const tt_score_role *r = &card->roles[i];
        sb_add(b, "| ");
        sb_md(b, sc_role_name(sc, r->id, L));
        sb_add(b, " | ");
        sb_md(b, r->members ? r->members : "—");
        sb_printf(b, " | %zu | %zu | %zu | %zu | %zu | %ld%s |\n", r->actions, r->objectives,
                  r->harmful, r->wasted, r->notes, sc_minutes(r->busy), T(MINUTES));
    }
    sb_add(b, "\n");
}

static void notes_trend(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "## %s\n\n", T(NOTES));
    size_t shown = 0;
    for (size_t i = 0; i < card->n_events; i++) {
        const tt_score_event *e = &card->events[i];
        if (e->kind == TT_EV_INJECT && e->n_questions) {
            sb_add(b, "- ");
            md_time(b, e->t, L);
            sb_printf(b, " %s (`", T(QUESTIONS));
            sb_code(b, e->id);
            sb_add(b, "`):");
            for (size_t k = 0; k < e->n_questions; k++) {
                sb_add(b, " ");
                sb_md(b, tt_text_get(&e->questions[k], L));
            }
            sb_add(b, "\n");
            continue;
        }
        if ((e->kind != TT_EV_NOTE && e->kind != TT_EV_ACTION) || !e->note || !*e->note)
            continue;
        shown++;
        sb_add(b, "- ");
        md_time(b, e->t, L);
        sb_add(b, " **");
        sb_md(b, sc_role_name(sc, e->role, L));
        if (e->member) {
            sb_add(b, " / ");
            sb_md(b, e->member);
        }
        sb_add(b, "**");
        if (e->kind == TT_EV_ACTION) {
            sb_add(b, " (");
            sb_md(b, sc_action_label(sc, e->id, L));
            sb_add(b, ")");
        }
        sb_add(b, ": ");
        sb_md(b, e->note);
        sb_add(b, "\n");
    }
    if (!shown)
        sb_printf(b, "\n%s\n", T(NO_NOTES));
    sb_printf(b, "\n## %s\n\n", T(TREND));
    if (!card->n_trend) {
        sb_printf(b, "%s\n\n", T(NO_TREND));
        return;
    }
    sb_printf(b, "| %s | %s | %s |\n|---|---|---|\n", T(DATE), T(SCORE), T(RATING));
    size_t first = card->n_trend > 10 ? card->n_trend - 10 : 0;
    if (first)
        sb_printf(b, "| %s | | |\n", T(EARLIER_RUNS_CUT));
    for (size_t i = first; i < card->n_trend; i++) {
        sb_add(b, "| ");
        sb_md(b, card->trend[i].when);
        sb_printf(b, " | %d | %s |\n", card->trend[i].score, tt_rating_letter(card->trend[i].rating));
    }
    sb_printf(b, "| **%s** | **%d** | **%s** |\n\n", T(THIS_RUN), card->score, tt_rating_letter(card->rating));
}

static void details(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    const tt_start_info *s = card->start;
    char buf[32];
    sb_printf(b, "## %s\n\n", T(DETAILS));
    sb_printf(b, "- %s: ", T(SCENARIO));
    sb_md(b, tt_text_get(&sc->title, L));
    sb_add(b, " (`");
    sb_code(b, sc->id);
    sb_add(b, "`)\n");
    if (sc->source) {
        sb_printf(b, "- %s: ", T(SOURCE));
        sb_md(b, sc->source);
        sb_add(b, "\n");
    }
    sb_printf(b, "- %s: `", T(CONTENT_HASH));
    sb_code(b, s->hash ? s->hash : "—");
    sb_add(b, "`\n");
    sb_printf(b, "- %s: %llu\n", T(SEED), (unsigned long long)s->seed);
    sb_printf(b, "- %s: ", T(TEAM));
    sb_md(b, s->team ? s->team : T(TEAM_NONE));
    sb_add(b, "\n");
    sb_printf(b, "- %s:", T(MEMBERS));
    for (size_t i = 0; i < s->n_members; i++) {
        sb_add(b, i ? ", " : " ");
        sb_md(b, s->members[i].name);
        sb_add(b, " (");
        sb_md(b, sc_role_name(sc, s->members[i].role, L));
        sb_add(b, ")");
    }
    if (!s->n_members)
        sb_printf(b, " %s", T(NONE));
    sb_printf(b, "\n- %s: ", T(DATE));
    sb_md(b, s->date ? s->date : "—");
    sc_time(card->duration, L, buf, sizeof buf);
    sb_printf(b, "\n- %s: %s\n", T(DURATION), buf);
    if (s->speed > 0)
        sb_printf(b, "- %s: ×%g\n", T(SPEED), s->speed);
    else
        sb_printf(b, "- %s: %s\n", T(SPEED), T(SPEED_FAST));
    sb_printf(b, "- %s: ", T(ENDED_BY));
    sb_md(b, sc_end_label(card->end_status, L));
    sb_printf(b, "\n- %s: ", T(JOURNAL));
    sb_md(b, card->journal_path ? card->journal_path : "—");
    sb_add(b, "\n");
    for (size_t i = 0; i < s->n_settings; i++) {
        char v[64];
        tt_value_format(&s->settings[i].value, v, sizeof v);
        sb_printf(b, "- %s: `", T(SETTINGS));
        sb_code(b, s->settings[i].key);
        sb_add(b, "` = ");
        sb_md(b, v);
        sb_add(b, "\n");
    }
    const char *inv = tt_text_get(&sc->invented, L);
    if (*inv) {
        sb_printf(b, "- %s: ", T(INVENTED_NUMBERS));
        sb_md(b, inv);
        sb_add(b, "\n");
    }
}

char *sc_render_md(const tt_scorecard *card, tt_lang L, size_t *len)
{
    sbuf b;
    sb_init(&b);
    sb_printf(&b, "# %s: ", T(CARD_TITLE));
    sb_md(&b, tt_text_get(&card->scenario->title, L));
    sb_printf(&b, "\n\n**%s: %s** (%s) — %s %d/100\n\n", T(OVERALL), tt_rating_letter(card->rating),
              tt_rating_name(card->rating, L), T(SCORE), card->score);
    for (size_t i = 0; i < card->n_warnings; i++) {
        sb_printf(&b, "> **%s:** ", T(WARNINGS));
        sb_md(&b, tt_text_get(&card->warnings[i], L));
        sb_add(&b, "\n>\n");
    }
    if (card->n_warnings)
        sb_add(&b, "\n");
    headline(&b, card, L);
    exec_summary(&b, card, L);
    objectives(&b, card, L);
    damage_history(&b, card, L);
    lessons_bad(&b, card, L);
    plan_roles(&b, card, L);
    notes_trend(&b, card, L);
    details(&b, card, L);
    return sb_take(&b, len);
}
