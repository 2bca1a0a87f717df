/* HTML scorecard: one self-contained page (inline CSS, inline SVG, no
 * network, no script) laid out for A4 printing. It is also well-formed XML,
 * so tests can check it with both an HTML and an XML parser. */
#include "labels.h"
#include "render.h"
#include "render_svg.h"
#include "sbuf.h"
#include "util.h"

#include <stdio.h>
#include <string.h>

#define T(id) tt_lbl(LBL_##id, L)

static const char css[] =
    "@page{size:A4;margin:14mm 12mm}"
    "body{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\",\"Yu Gothic\",\"Helvetica Neue\",Arial,sans-serif;"
    "color:#1a1a1a;max-width:186mm;margin:0 auto;padding:8px;font-size:10.5pt;line-height:1.45}"
    "h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;border-bottom:2px solid #345;margin:18px 0 6px;padding-bottom:2px}"
    "table{border-collapse:collapse;width:100%;margin:4px 0 8px}"
    "th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top}"
    "th{background:#eef1f5}td.num{text-align:right;white-space:nowrap}"
    "tr,section.keep,.headline{break-inside:avoid;page-break-inside:avoid}"
    "h2{break-after:avoid;page-break-after:avoid}"
    ".overall{display:flex;gap:16px;align-items:center;margin:8px 0}"
    ".badge{font-size:28pt;font-weight:bold;width:56px;height:56px;line-height:56px;text-align:center;border-radius:8px;color:#fff}"
    ".rP{background:#2e7d32}.rS{background:#9e9d24}.rM{background:#ef6c00}.rU{background:#c62828}"
    "span.rating{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;color:#fff;font-weight:bold}"
    ".warn{border:2px solid #c62828;background:#fdecea;padding:6px 10px;margin:8px 0}"
    ".headline{display:flex;gap:8px;margin:6px 0}"
    ".headline>div{flex:1;border:1px solid #345;border-radius:6px;padding:6px 8px}"
    ".headline .big{font-size:20pt;font-weight:bold}"
    ".headline .sub{font-size:9pt;color:#444}"
    ".covered{color:#2e7d32}.missed{color:#c62828}"
    ".small{font-size:9pt;color:#444}"
    "svg.timeline{width:100%;height:auto;border:1px solid #ccc;background:#fff}"
    "svg .ll{font-size:10px;fill:#222}svg .tl{font-size:9px;fill:#444}"
    "svg .lane{stroke:#eee}svg .axis,svg .tick{stroke:#666}"
    "svg .inj{fill:#1565c0}svg .msg{fill:#90caf9}"
    "svg .act{fill:#2e7d32}svg .harm{fill:#c62828}svg .waste{fill:#ef6c00}svg .ref{fill:#9e9e9e}"
    "svg .dur{opacity:.35}"
    "svg .tgt{fill:#c8e6c9}svg .lim{fill:#fff3c4}svg .notice{stroke:#1565c0;stroke-dasharray:2 2}"
    "svg .ratP{fill:#2e7d32}svg .ratS{fill:#9e9d24}svg .ratM{fill:#ef6c00}svg .ratU{fill:#c62828}"
    "svg .real{fill:#6a1b9a}svg .beyond{opacity:.4}svg .past{opacity:.55}"
    "code{font-size:8.5pt;overflow-wrap:anywhere}th.obj{width:30%}th.n{white-space:nowrap}"
    "td.role,th.role{white-space:nowrap}th.prio{width:3.5em}"
    ".legend{font-size:8.5pt;color:#444;margin:2px 0 0}.legend span{margin-right:10px;white-space:nowrap}"
    ".sw{display:inline-block;width:10px;height:10px;border-radius:5px;vertical-align:middle;margin-right:3px}"
    "@media print{body{padding:0}a{color:inherit}}";

static void time_cell(sbuf *b, tt_ms t, tt_lang L)
{
    if (t == TT_MS_NEVER) {
        sb_printf(b, "<span class=\"missed\">%s</span>", T(NOT_REACHED));
        return;
    }
    char buf[32];
    sc_time(t, L, buf, sizeof buf);
    sb_add(b, buf);
}

static void rating_span(sbuf *b, tt_rating r, tt_lang L)
{
    sb_printf(b, "<span class=\"rating r%s\" title=\"", tt_rating_letter(r));
    sb_html(b, tt_rating_name(r, L));
    sb_printf(b, "\">%s</span>", tt_rating_letter(r));
}

static void head(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
              tt_lang_name(L));
    sb_html(b, T(CARD_TITLE));
    sb_add(b, " — ");
    sb_html(b, tt_text_get(&card->scenario->title, L));
    sb_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
}

static void summary(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_add(b, "<header>\n<h1>");
    sb_html(b, T(CARD_TITLE));
    sb_add(b, ": ");
    sb_html(b, tt_text_get(&card->scenario->title, L));
    sb_add(b, "</h1>\n<div class=\"overall\">");
    sb_printf(b, "<div class=\"badge r%s\">%s</div><div><strong>", tt_rating_letter(card->rating),
              tt_rating_letter(card->rating));
    sb_html(b, T(OVERALL));
    sb_add(b, ":</strong> ");
    sb_html(b, tt_rating_name(card->rating, L));
    sb_printf(b, "<br/><strong>%s:</strong> <span id=\"score\">%d</span> / 100<br/><span class=\"small\">",
              T(SCORE), card->score);
    sb_html(b, card->start->team ? card->start->team : T(TEAM_NONE));
    sb_add(b, " · ");
    sb_html(b, card->scenario->id);
    if (card->start->date) {
        sb_add(b, " · ");
        sb_html(b, card->start->date);
    }
    sb_add(b, "</span></div></div>\n</header>\n");
    for (size_t i = 0; i < card->n_warnings; i++) {
        sb_add(b, "<p class=\"warn\"><strong>");
        sb_html(b, T(WARNINGS));
        sb_add(b, ":</strong> ");
        sb_html(b, tt_text_get(&card->warnings[i], L));
        sb_add(b, "</p>\n");
    }
}

static void headline(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    static const tt_label names[] = { LBL_TIME_ISOLATE, LBL_TIME_REPORT, LBL_TIME_RECOVER };
    sb_printf(b, "<section class=\"keep\" id=\"times\">\n<h2>%s</h2>\n<div class=\"headline\">\n", T(HEADLINE));
    for (int p = 0; p < 3; p++) {
        const tt_score_phase *ph = &card->phases[p];
        sb_printf(b, "<div class=\"phase-%s\"><div>%s</div><div class=\"big\">", sc_phase_key((tt_objective_phase)p),
                  tt_lbl(names[p], L));
        if (!ph->n_objectives) {
            sb_printf(b, "—</div><div class=\"sub\">%s</div></div>\n", T(NONE_IN_SCENARIO));
            continue;
        }
        time_cell(b, ph->reached_at, L);
        sb_printf(b, "</div><div class=\"sub\">%s<br/>%s: ", T(FROM_START), T(FROM_NOTICE));
        time_cell(b, ph->from_notice, L);
        sb_printf(b, "<br/>%s: %zu/%zu</div>", T(REACHED), ph->n_reached, ph->n_objectives);
        if (p == TT_OBJ_REPORT) {
            sb_add(b, "<div class=\"sub\">");
            for (size_t i = 0; i < card->n_objectives; i++) {
                const tt_score_objective *o = &card->objectives[i];
                if (o->def->phase != TT_OBJ_REPORT)
                    continue;
                const char *title = tt_text_get(&o->def->title, L);
                sb_html(b, *title ? title : o->def->party ? o->def->party : o->def->id);
                sb_add(b, ": ");
                time_cell(b, o->reached ? o->reached_at : TT_MS_NEVER, L);
                sb_add(b, "<br/>");
            }
            sb_add(b, "</div>");
        }
        sb_add(b, "</div>\n");
    }
    sb_add(b, "</div>\n</section>\n");
}

/* AAR executive summary: what went well, what to improve. */
static void exec_summary(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section class=\"keep\" id=\"summary\">\n<h2>%s</h2>\n<table>\n<tbody>\n", T(SUMMARY));
    for (int good = 1; good >= 0; good--) {
        sb_printf(b, "<tr><th>%s</th><td><ul>", good ? T(STRENGTHS) : T(IMPROVE_AREAS));
        size_t shown = 0;
        for (size_t i = 0; i < card->n_objectives; i++) {
            const tt_score_objective *o = &card->objectives[i];
            if ((o->rating == TT_RATING_P) != good)
                continue;
            sb_add(b, "<li>");
            rating_span(b, o->rating, L);
            sb_add(b, " ");
            sb_html(b, tt_text_get(&o->def->title, L));
            sb_add(b, "</li>");
            shown++;
        }
        for (size_t i = 0; i < card->n_lessons; i++) {
            const tt_score_lesson *l = &card->lessons[i];
            if (l->covered != good)
                continue;
            sb_printf(b, "<li><span class=\"%s\">%s</span> ", good ? "covered" : "missed",
                      good ? T(COVERED) : T(MISSED));
            sb_html(b, tt_text_get(&l->def->text, L));
            sb_add(b, "</li>");
            shown++;
        }
        if (!good && card->n_bad)
            sb_printf(b, "<li>%s: %s %ld%s, %s %ld%s</li>", T(BAD_ACTIONS), T(HARMFUL),
                      sc_minutes(card->harmful_cost), T(MINUTES), T(WASTED), sc_minutes(card->wasted_cost),
                      T(MINUTES));
        if (!shown && (good || !card->n_bad))
            sb_printf(b, "<li>%s</li>", T(NONE));
        sb_add(b, "</ul></td></tr>\n");
    }
    sb_add(b, "</tbody>\n</table>\n</section>\n");
}

static void objectives(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section id=\"objectives\">\n<h2>%s</h2>\n<table>\n<thead><tr><th class=\"obj\">%s</th><th>%s</th><th>%s</th>"
                 "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th class=\"n\">%s</th><th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
              T(OBJECTIVES), T(OBJECTIVE), T(PHASE), T(TARGET), T(LIMIT), T(NOTICE), T(REACHED), T(FROM_NOTICE),
              T(RATING), T(SCORE));
    char buf[32];
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        sb_add(b, "<tr><td>");
        sb_html(b, tt_text_get(&o->def->title, L));
        sb_add(b, "<br/><code>");
        sb_html(b, o->def->id);
        sb_add(b, "</code>");
        sb_printf(b, "</td><td>%s", sc_phase_label(o->def->phase, L));
        if (o->def->party) {
            sb_add(b, " → ");
            sb_html(b, sc_party_name(card->scenario, o->def->party, L));
        }
        sc_time(o->def->target, L, buf, sizeof buf);
        sb_printf(b, "</td><td class=\"num\">%s</td>", buf);
        sc_time(o->def->limit, L, buf, sizeof buf);
        sb_printf(b, "<td class=\"num\">%s</td><td class=\"num\">", buf);
        if (o->def->notice && o->noticed)
            time_cell(b, o->notice_at, L);
        else if (o->def->notice)
            sb_add(b, "—");
        else
            time_cell(b, 0, L);
        sb_add(b, "</td><td class=\"num\">");
        time_cell(b, o->reached ? o->reached_at : TT_MS_NEVER, L);
        if (o->role) {
            sb_add(b, "<br/><span class=\"small\">");
            sb_html(b, sc_role_name(card->scenario, o->role, L));
            sb_add(b, "</span>");
        }
        sb_add(b, "</td><td class=\"num\">");
        time_cell(b, o->from_notice, L);
        sb_add(b, "</td><td>");
        rating_span(b, o->rating, L);
        sb_printf(b, "</td><td class=\"num\">%d</td></tr>\n", o->score);
    }
    sb_add(b, "</tbody>\n</table>\n<ul class=\"small\">\n");
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        const char *why = tt_text_get(&o->def->rationale, L);
        if (!*why)
            continue;
        sb_add(b, "<li><code>");
        sb_html(b, o->def->id);
        sb_printf(b, "</code> %s: ", T(RATIONALE));
        sb_html(b, why);
        sb_add(b, "</li>\n");
    }
    sb_printf(b, "</ul>\n<p class=\"small\"><strong>%s:</strong> ", T(RULES));
    sb_html(b, T(RULES_TEXT));
    sb_add(b, "</p>\n</section>\n");
}

static void timeline(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section class=\"keep\" id=\"timeline\">\n<h2>%s</h2>\n", T(TIMELINE));
    sc_svg_timeline(b, card, L);
    static const struct { const char *color; tt_label label; } keys[] = {
        { "#1565c0", LBL_LEG_INJECT }, { "#2e7d32", LBL_LEG_ACTION }, { "#c62828", LBL_LEG_HARMFUL },
        { "#ef6c00", LBL_LEG_WASTED }, { "#9e9e9e", LBL_LEG_REFUSED }, { "#c8e6c9", LBL_LEG_TARGET },
        { "#fff3c4", LBL_LEG_LIMIT }, { "#6a1b9a", LBL_LEG_REAL },
    };
    sb_add(b, "<p class=\"legend\">");
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
        sb_printf(b, "<span><span class=\"sw\" style=\"background:%s\"></span>%s</span>", keys[i].color,
                  tt_lbl(keys[i].label, L));
    sb_add(b, "</p>\n</section>\n");
}

static void damage(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section class=\"keep\" id=\"damage\">\n<h2>%s</h2>\n", T(DAMAGE));
    if (!card->n_damage) {
        sb_printf(b, "<p>%s</p>\n</section>\n", T(NONE));
        return;
    }
    sb_printf(b, "<table>\n<thead><tr><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", T(METRIC), T(FINAL_VALUE));
    for (size_t i = 0; i < card->n_damage; i++) {
        const tt_score_damage *d = &card->damage[i];
        sb_add(b, "<tr><td>");
        sb_html(b, tt_text_get(&d->def->label, L));
        sb_add(b, "</td><td class=\"num\">");
        if (d->known) {
            char v[64];
            tt_value_format(&d->final, v, sizeof v);
            sb_html(b, v);
            sb_add(b, " ");
            sb_html(b, tt_text_get(&d->def->unit, L));
        } else {
            sb_add(b, T(UNKNOWN));
        }
        sb_add(b, "</td></tr>\n");
    }
    sb_add(b, "</tbody>\n</table>\n</section>\n");
}

static void history(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "<section id=\"history\">\n<h2>%s</h2>\n<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
              T(HISTORY), T(WHEN_REAL), T(WHEN_TEAM), T(EVENT));
    char buf[32];
    for (size_t i = 0; i < card->n_history; i++) {
        const tt_score_history *h = &card->history[i];
        sb_add(b, "<tr><td class=\"num\">");
        if (h->def->at == TT_MS_NEVER) {
            sb_add(b, T(NO_TIME));
        } else {
            sc_time(h->def->at, L, buf, sizeof buf);
            sb_add(b, buf);
            if (h->def->at_invented)
                sb_add(b, "*");
        }
        sb_add(b, "</td><td class=\"num\">");
        if (!h->def->action)
            sb_add(b, "—");
        else if (h->team_at == TT_MS_NEVER)
            sb_printf(b, "<span class=\"missed\">%s</span>", T(NOT_TAKEN));
        else
            time_cell(b, h->team_at, L);
        sb_add(b, "</td><td>");
        sb_html(b, tt_text_get(&h->def->text, L));
        if (h->def->action) {
            sb_add(b, " <span class=\"small\">(");
            sb_html(b, sc_action_label(sc, h->def->action, L));
            sb_add(b, ")</span>");
        }
        sb_add(b, "</td></tr>\n");
    }
    sb_printf(b, "</tbody>\n</table>\n<p class=\"small\">*%s</p>\n</section>\n", T(INVENTED));
}

static void lessons(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "<section id=\"lessons\">\n<h2>%s</h2>\n<ul>\n", T(LESSONS));
    for (size_t i = 0; i < card->n_lessons; i++) {
        const tt_score_lesson *l = &card->lessons[i];
        sb_printf(b, "<li class=\"%s\"><strong>%s</strong> ", l->covered ? "covered" : "missed",
                  l->covered ? T(COVERED) : T(MISSED));
        sb_add(b, "<span style=\"color:#1a1a1a\">");
        sb_html(b, tt_text_get(&l->def->text, L));
        if (l->covered) {
            sb_add(b, " <span class=\"small\">(");
            sb_html(b, sc_action_label(sc, l->action, L));
            sb_add(b, ", ");
            sb_html(b, sc_role_name(sc, l->role, L));
            sb_add(b, ", ");
            time_cell(b, l->at, L);
            sb_add(b, ")</span>");
        }
        sb_add(b, "</span></li>\n");
    }
    sb_add(b, "</ul>\n</section>\n");
}

static void bad_actions(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "<section id=\"bad-actions\">\n<h2>%s</h2>\n", T(BAD_ACTIONS));
    if (!card->n_bad) {
        sb_printf(b, "<p>%s</p>\n</section>\n", T(NO_BAD_ACTIONS));
        return;
    }
    sb_printf(b, "<table>\n<thead><tr><th></th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
              T(ACTIONS), T(ROLE), T(COST), T(WHY));
    for (size_t i = 0; i < card->n_bad; i++) {
        const tt_score_bad_action *x = &card->bad[i];
        sb_add(b, "<tr><td class=\"num\">");
        time_cell(b, x->at, L);
        sb_printf(b, "<br/><span class=\"%s\">%s</span></td><td>", x->harmful ? "missed" : "small",
                  x->harmful ? T(HARMFUL) : T(WASTED));
        sb_html(b, sc_action_label(sc, x->def->id, L));
        sb_add(b, "</td><td class=\"role\">");
        sb_html(b, sc_role_name(sc, x->role, L));
        if (x->member) {
            sb_add(b, " / ");
            sb_html(b, x->member);
        }
        sb_printf(b, "</td><td class=\"num\">%ld%s</td><td>", sc_minutes(x->cost), T(MINUTES));
        sb_html(b, tt_text_get(&x->def->why_bad, L));
        sb_add(b, "</td></tr>\n");
    }
    sb_printf(b, "</tbody>\n</table>\n<p><strong>%s:</strong> %s %ld%s · %s %ld%s</p>\n</section>\n", T(COST),
              T(HARMFUL), sc_minutes(card->harmful_cost), T(MINUTES), T(WASTED), sc_minutes(card->wasted_cost),
              T(MINUTES));
}

static void plan(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section id=\"plan\">\n<h2>%s</h2>\n", T(PLAN));
    if (!card->n_findings) {
        sb_printf(b, "<p>%s</p>\n</section>\n", T(NO_FINDINGS));
        return;
    }
    sb_printf(b, "<table>\n<thead><tr><th>%s</th><th>%s</th><th class=\"role\">%s</th><th class=\"prio\">%s</th><th class=\"n\">%s</th></tr></thead>\n<tbody>\n",
              T(FINDING), T(RECOMMENDATION), T(OWNER), T(PRIORITY), T(DUE));
    for (size_t i = 0; i < card->n_findings; i++) {
        const tt_score_finding *f = &card->findings[i];
        sb_add(b, "<tr><td>");
        sb_html(b, tt_text_get(&f->finding, L));
        sb_add(b, "</td><td>");
        sb_html(b, tt_text_get(&f->recommendation, L));
        sb_add(b, "</td><td class=\"role\">");
        sb_html(b, f->owner ? sc_role_name(card->scenario, f->owner, L) : "—");
        sb_printf(b, "</td><td>%s</td><td class=\"num\">%d%s</td></tr>\n", tt_priority_name(f->priority, L),
                  tt_priority_due_days(f->priority), T(DAYS));
    }
    sb_add(b, "</tbody>\n</table>\n</section>\n");
}

static void roles(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section class=\"keep\" id=\"roles\">\n<h2>%s</h2>\n<table>\n<thead><tr><th>%s</th><th>%s</th>"
                 "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n",
              T(ROLES), T(ROLE), T(MEMBERS), T(N_ACTIONS), T(N_OBJECTIVES), T(HARMFUL), T(WASTED), T(N_REFUSED),
              T(N_NOTES), T(BUSY));
    for (size_t i = 0; i < card->n_roles; i++) {
        const tt_score_role *r = &card->roles[i];
        sb_add(b, "<tr><td>");
        sb_html(b, sc_role_name(card->scenario, r->id, L));
        sb_add(b, "</td><td>");
        sb_html(b, r->members ? r->members : "—");
        sb_printf(b, "</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                     "<td class=\"num\">%zu</td><td class=\"num\">%zu</td><td class=\"num\">%zu</td>"
                     "<td class=\"num\">%ld%s</td></tr>\n",
                  r->actions, r->objectives, r->harmful, r->wasted, r->refused, r->notes, sc_minutes(r->busy),
                  T(MINUTES));
    }
    sb_add(b, "</tbody>\n</table>\n</section>\n");
}

static void notes(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    sb_printf(b, "<section id=\"notes\">\n<h2>%s</h2>\n<ul>\n", T(NOTES));
    size_t shown = 0;
    for (size_t i = 0; i < card->n_events; i++) {
        const tt_score_event *e = &card->events[i];
        bool questions = e->kind == TT_EV_INJECT && e->n_questions;
        bool note = (e->kind == TT_EV_NOTE || e->kind == TT_EV_ACTION) && e->note && *e->note;
        if (!questions && !note)
            continue;
        sb_add(b, "<li>");
        time_cell(b, e->t, L);
        sb_add(b, " ");
        if (questions) {
            sb_printf(b, "<em>%s</em> (<code>", T(QUESTIONS));
            sb_html(b, e->id);
            sb_add(b, "</code>):");
            for (size_t k = 0; k < e->n_questions; k++) {
                sb_add(b, " ");
                sb_html(b, tt_text_get(&e->questions[k], L));
            }
        } else {
            shown++;
            sb_add(b, "<strong>");
            sb_html(b, sc_role_name(sc, e->role, L));
            if (e->member) {
                sb_add(b, " / ");
                sb_html(b, e->member);
            }
            sb_add(b, "</strong>");
            if (e->kind == TT_EV_ACTION) {
                sb_add(b, " (");
                sb_html(b, sc_action_label(sc, e->id, L));
                sb_add(b, ")");
            }
            sb_add(b, ": ");
            sb_html(b, e->note);
        }
        sb_add(b, "</li>\n");
    }
    sb_add(b, "</ul>\n");
    if (!shown)
        sb_printf(b, "<p>%s</p>\n", T(NO_NOTES));
    sb_add(b, "</section>\n");
}

static void trend(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    sb_printf(b, "<section class=\"keep\" id=\"trend\">\n<h2>%s</h2>\n", T(TREND));
    if (!card->n_trend) {
        sb_printf(b, "<p>%s</p>\n</section>\n", T(NO_TREND));
        return;
    }
    sb_printf(b, "<table>\n<thead><tr><th>%s</th><th>%s</th><th>%s</th></tr></thead>\n<tbody>\n", T(DATE), T(SCORE),
              T(RATING));
    size_t first = card->n_trend > 10 ? card->n_trend - 10 : 0;
    if (first)
        sb_printf(b, "<tr><td colspan=\"3\" class=\"small\">%s</td></tr>\n", T(EARLIER_RUNS_CUT));
    for (size_t i = first; i < card->n_trend; i++) {
        sb_add(b, "<tr><td>");
        sb_html(b, card->trend[i].when);
        sb_printf(b, "</td><td class=\"num\">%d</td><td>", card->trend[i].score);
        rating_span(b, card->trend[i].rating, L);
        sb_add(b, "</td></tr>\n");
    }
    int delta = card->score - card->trend[card->n_trend - 1].score;
    sb_printf(b, "<tr><td><strong>%s</strong></td><td class=\"num\"><strong>%d</strong> (%+d)</td><td>",
              T(THIS_RUN), card->score, delta);
    rating_span(b, card->rating, L);
    sb_add(b, "</td></tr>\n</tbody>\n</table>\n");
    /* The same runs as bars: score height, rating colour, this run last. */
    size_t bars = card->n_trend - first + 1;
    sb_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 %zu 64\" "
                 "width=\"%zu\" height=\"64\" role=\"img\" aria-label=\"", bars * 28 + 4, bars * 28 + 4);
    sb_html(b, T(TREND));
    sb_add(b, "\">");
    for (size_t i = 0; i < bars; i++) {
        bool current = i + 1 == bars;
        int score = current ? card->score : card->trend[first + i].score;
        tt_rating r = current ? card->rating : card->trend[first + i].rating;
        int h = score * 48 / 100 + 1;
        sb_printf(b, "<rect x=\"%zu\" y=\"%d\" width=\"20\" height=\"%d\" class=\"rat%s%s\"/>", 4 + i * 28,
                  52 - h, h, tt_rating_letter(r), current ? "" : " past");
        sb_printf(b, "<text x=\"%zu\" y=\"62\" class=\"tl\" text-anchor=\"middle\">%d</text>", 14 + i * 28,
                  score);
    }
    sb_add(b, "</svg>\n</section>\n");
}

static void details(sbuf *b, const tt_scorecard *card, tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    const tt_start_info *s = card->start;
    char buf[32];
    sb_printf(b, "<section class=\"keep\" id=\"details\">\n<h2>%s</h2>\n<table>\n<tbody>\n", T(DETAILS));
    sb_printf(b, "<tr><th>%s</th><td>", T(SCENARIO));
    sb_html(b, tt_text_get(&sc->title, L));
    sb_add(b, " (<code>");
    sb_html(b, sc->id);
    sb_add(b, "</code>)");
    const char *sum = tt_text_get(&sc->summary, L);
    if (*sum) {
        sb_add(b, "<br/><span class=\"small\">");
        sb_html(b, sum);
        sb_add(b, "</span>");
    }
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", T(SOURCE));
    sb_html(b, sc->source ? sc->source : "—");
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td><code>", T(CONTENT_HASH));
    sb_html(b, s->hash ? s->hash : "—");
    sb_printf(b, "</code></td></tr>\n<tr><th>%s</th><td>%llu</td></tr>\n<tr><th>%s</th><td>", T(SEED),
              (unsigned long long)s->seed, T(TEAM));
    sb_html(b, s->team ? s->team : T(TEAM_NONE));
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", T(MEMBERS));
    for (size_t i = 0; i < s->n_members; i++) {
        if (i)
            sb_add(b, ", ");
        sb_html(b, s->members[i].name);
        sb_add(b, " (");
        sb_html(b, sc_role_name(sc, s->members[i].role, L));
        sb_add(b, ")");
    }
    if (!s->n_members)
        sb_add(b, T(NONE));
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", T(DATE));
    sb_html(b, s->date ? s->date : "—");
    sc_time(card->duration, L, buf, sizeof buf);
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>%s</td></tr>\n<tr><th>%s</th><td>", T(DURATION), buf, T(SPEED));
    if (s->speed > 0)
        sb_printf(b, "×%g", s->speed);
    else
        sb_add(b, T(SPEED_FAST));
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td>", T(ENDED_BY));
    sb_html(b, sc_end_label(card->end_status, L));
    sb_printf(b, "</td></tr>\n<tr><th>%s</th><td><code>", T(JOURNAL));
    sb_html(b, card->journal_path ? card->journal_path : "—");
    sb_add(b, "</code></td></tr>\n");
    if (s->n_settings) {
        sb_printf(b, "<tr><th>%s</th><td>", T(SETTINGS));
        for (size_t i = 0; i < s->n_settings; i++) {
            char v[64];
            tt_value_format(&s->settings[i].value, v, sizeof v);
            if (i)
                sb_add(b, ", ");
            sb_html(b, s->settings[i].key);
            sb_add(b, " = ");
            sb_html(b, v);
        }
        sb_add(b, "</td></tr>\n");
    }
    const char *inv = tt_text_get(&sc->invented, L);
    if (*inv) {
        sb_printf(b, "<tr><th>%s</th><td>", T(INVENTED_NUMBERS));
        sb_html(b, inv);
        sb_add(b, "</td></tr>\n");
    }
    sb_add(b, "</tbody>\n</table>\n</section>\n");
}

char *sc_render_html(const tt_scorecard *card, tt_lang L, size_t *len)
{
    sbuf b;
    sb_init(&b);
    head(&b, card, L);
    summary(&b, card, L);
    headline(&b, card, L);
    exec_summary(&b, card, L);
    objectives(&b, card, L);
    timeline(&b, card, L);
    damage(&b, card, L);
    history(&b, card, L);
    lessons(&b, card, L);
    bad_actions(&b, card, L);
    plan(&b, card, L);
    roles(&b, card, L);
    notes(&b, card, L);
    trend(&b, card, L);
    details(&b, card, L);
    sb_add(&b, "</body>\n</html>\n");
    return sb_take(&b, len);
}
