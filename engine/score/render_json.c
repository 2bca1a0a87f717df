/* JSON scorecard through jansson. Schema: docs/scorecard.md. The names
 * scenario, score, rating, objectives[].{id, phase, target_s, limit_s,
 * reached_s, rating, score} are a contract with other tools. */
#include "render.h"
#include "util.h"

#include <jansson.h>

#include "tabletop/json_text.h"
#include <stdlib.h>
#include <string.h>

typedef struct jctx {
    bool ok;
    tt_lang lang;
    const tt_scorecard *card;
} jctx;

static void put(jctx *c, json_t *obj, const char *key, json_t *v)
{
    if (!obj || !v || json_object_set_new(obj, key, v) != 0)
        c->ok = false;
}

static void push(jctx *c, json_t *arr, json_t *v)
{
    if (!arr || !v || json_array_append_new(arr, v) != 0)
        c->ok = false;
}

static json_t *jstr(const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    /* Invalid UTF-8: the replacement character. NULL: out of memory. */
    return v || tt_utf8_valid(s, strlen(s)) ? v : json_string("\xEF\xBF\xBD");
}

static json_t *jtext(jctx *c, const tt_text *t)
{
    return jstr(tt_text_get(t, c->lang));
}

/* Seconds from the start; null for "never". */
static json_t *jsec(tt_ms t)
{
    if (t == TT_MS_NEVER)
        return json_null();
    if (t % 1000 == 0)
        return json_integer(t / 1000);
    return json_real((double)t / 1000.0);
}

static json_t *jvalue(const tt_value *v)
{
    switch (v->type) {
    case TT_VAL_BOOL: return json_boolean(v->as.b);
    case TT_VAL_INT: return json_integer(v->as.i);
    case TT_VAL_NUM: return json_real(v->as.n);
    case TT_VAL_STR: return jstr(v->as.s);
    }
    return json_null();
}

static json_t *objective_json(jctx *c, const tt_score_objective *o)
{
    json_t *j = json_object();
    put(c, j, "id", jstr(o->def->id));
    put(c, j, "phase", jstr(sc_phase_key(o->def->phase)));
    put(c, j, "party", jstr(o->def->party));
    put(c, j, "title", jtext(c, &o->def->title));
    put(c, j, "target_s", jsec(o->def->target));
    put(c, j, "limit_s", jsec(o->def->limit));
    put(c, j, "notice", jstr(o->def->notice));
    put(c, j, "notice_s", o->noticed ? jsec(o->notice_at) : json_null());
    put(c, j, "reached_s", jsec(o->reached ? o->reached_at : TT_MS_NEVER));
    put(c, j, "from_notice_s", jsec(o->from_notice));
    put(c, j, "missed", json_boolean(o->missed));
    put(c, j, "action", jstr(o->action));
    put(c, j, "role", jstr(o->role));
    put(c, j, "harmful_before", json_integer((json_int_t)o->harmful_before));
    put(c, j, "wasted_before", json_integer((json_int_t)o->wasted_before));
    put(c, j, "rating", jstr(tt_rating_letter(o->rating)));
    /* Not assessed: no score at all, not a zero (docs/scorecard.md). */
    put(c, j, "score", o->rating == TT_RATING_NA ? json_null() : json_integer(o->score));
    put(c, j, "rationale", jtext(c, &o->def->rationale));
    return j;
}

static json_t *times_json(jctx *c)
{
    const tt_scorecard *card = c->card;
    json_t *t = json_object();
    for (int p = 0; p < 3; p++) {
        const tt_score_phase *ph = &card->phases[p];
        json_t *j = json_object();
        put(c, j, "objectives", json_integer((json_int_t)ph->n_objectives));
        put(c, j, "reached", json_integer((json_int_t)ph->n_reached));
        put(c, j, "reached_s", jsec(ph->reached_at));
        put(c, j, "from_notice_s", jsec(ph->from_notice));
        /* The headline: first success and completion, each with its target. */
        put(c, j, "target_s", ph->n_objectives ? jsec(ph->target) : json_null());
        put(c, j, "first_objective", jstr(ph->first ? ph->first->id : NULL));
        put(c, j, "first_s", jsec(ph->first_at));
        put(c, j, "first_target_s", ph->first ? jsec(ph->first->target) : json_null());
        if (p == TT_OBJ_REPORT) {
            json_t *parties = json_array();
            for (size_t i = 0; i < card->n_objectives; i++) {
                const tt_score_objective *o = &card->objectives[i];
                if (o->def->phase != TT_OBJ_REPORT)
                    continue;
                json_t *pj = json_object();
                put(c, pj, "party", jstr(o->def->party ? o->def->party : o->def->id));
                put(c, pj, "objective", jstr(o->def->id));
                put(c, pj, "reached_s", jsec(o->reached ? o->reached_at : TT_MS_NEVER));
                put(c, pj, "from_notice_s", jsec(o->from_notice));
                push(c, parties, pj);
            }
            put(c, j, "parties", parties);
        }
        put(c, t, sc_phase_key((tt_objective_phase)p), j);
    }
    return t;
}

static json_t *exercise_json(jctx *c)
{
    const tt_scorecard *card = c->card;
    const tt_start_info *s = card->start;
    json_t *e = json_object();
    put(c, e, "journal", jstr(card->journal_path));
    put(c, e, "journal_hash", jstr(card->journal_hash));
    put(c, e, "records", json_integer((json_int_t)card->n_records));
    put(c, e, "seed", json_integer((json_int_t)s->seed));
    put(c, e, "team", jstr(s->team));
    json_t *members = json_array();
    for (size_t i = 0; i < s->n_members; i++) {
        json_t *m = json_object();
        put(c, m, "name", jstr(s->members[i].name));
        put(c, m, "role", jstr(s->members[i].role));
        push(c, members, m);
    }
    put(c, e, "members", members);
    put(c, e, "date", jstr(s->date));
    put(c, e, "engine", jstr(s->engine));
    put(c, e, "scored_by", jstr(tt_version()));
    put(c, e, "duration_s", jsec(card->duration));
    put(c, e, "speed", json_real(s->speed));
    put(c, e, "lang", jstr(s->lang));
    put(c, e, "end", jstr(card->end_status));
    json_t *settings = json_object();
    for (size_t i = 0; i < s->n_settings; i++)
        if (s->settings[i].key)
            put(c, settings, s->settings[i].key, jvalue(&s->settings[i].value));
    put(c, e, "settings", settings);
    return e;
}

static json_t *lists_json(jctx *c, json_t *root)
{
    const tt_scorecard *card = c->card;
    const tt_scenario *sc = card->scenario;

    json_t *damage = json_array();
    for (size_t i = 0; i < card->n_damage; i++) {
        const tt_score_damage *d = &card->damage[i];
        json_t *j = json_object();
        put(c, j, "key", jstr(d->def->key));
        put(c, j, "label", jtext(c, &d->def->label));
        put(c, j, "unit", jtext(c, &d->def->unit));
        put(c, j, "value", d->known ? jvalue(&d->final) : json_null());
        put(c, j, "max", d->def->max > 0 ? json_real(d->def->max) : json_null());
        push(c, damage, j);
    }
    put(c, root, "damage", damage);

    json_t *history = json_array();
    for (size_t i = 0; i < card->n_history; i++) {
        const tt_score_history *h = &card->history[i];
        json_t *j = json_object();
        put(c, j, "at_s", jsec(h->def->at));
        put(c, j, "invented", json_boolean(h->def->at_invented));
        put(c, j, "action", jstr(h->def->action));
        put(c, j, "text", jtext(c, &h->def->text));
        put(c, j, "team_s", jsec(h->team_at));
        push(c, history, j);
    }
    put(c, root, "history", history);

    /* API 1.1: the scenario's references. */
    json_t *refs = json_array();
    for (size_t i = 0; card->scenario && i < card->scenario->n_references; i++) {
        const tt_reference *r = &card->scenario->references[i];
        json_t *j = json_object();
        put(c, j, "title", jtext(c, &r->title));
        put(c, j, "publisher", jstr(r->publisher));
        put(c, j, "url", jstr(r->url));
        put(c, j, "date", jstr(r->date));
        push(c, refs, j);
    }
    put(c, root, "references", refs);

    json_t *lessons = json_array();
    for (size_t i = 0; i < card->n_lessons; i++) {
        const tt_score_lesson *l = &card->lessons[i];
        json_t *j = json_object();
        put(c, j, "id", jstr(l->def->id));
        put(c, j, "text", jtext(c, &l->def->text));
        put(c, j, "covered", json_boolean(l->covered));
        put(c, j, "action", jstr(l->action));
        put(c, j, "role", jstr(l->role));
        put(c, j, "at_s", jsec(l->covered ? l->at : TT_MS_NEVER));
        push(c, lessons, j);
    }
    put(c, root, "lessons", lessons);

    json_t *bad = json_array();
    for (size_t i = 0; i < card->n_bad; i++) {
        const tt_score_bad_action *b = &card->bad[i];
        json_t *j = json_object();
        put(c, j, "action", jstr(b->def->id));
        put(c, j, "kind", jstr(b->harmful ? "harmful" : "wasted"));
        put(c, j, "at_s", jsec(b->at));
        put(c, j, "role", jstr(b->role));
        put(c, j, "member", jstr(b->member));
        put(c, j, "cost_s", jsec(b->cost));
        put(c, j, "why", jtext(c, &b->def->why_bad));
        push(c, bad, j);
    }
    put(c, root, "bad_actions", bad);
    put(c, root, "harmful_cost_s", jsec(card->harmful_cost));
    put(c, root, "wasted_cost_s", jsec(card->wasted_cost));

    json_t *plan = json_array();
    for (size_t i = 0; i < card->n_findings; i++) {
        const tt_score_finding *f = &card->findings[i];
        json_t *j = json_object();
        const char *capability = tt_text_get(&f->capability, c->lang);
        put(c, j, "capability", jstr(*capability ? capability : NULL));
        put(c, j, "finding", jtext(c, &f->finding));
        put(c, j, "recommendation", jtext(c, &f->recommendation));
        put(c, j, "owner", jstr(f->owner));
        put(c, j, "priority", jstr(tt_priority_key(f->priority)));
        put(c, j, "owner_name", jstr(tt_scorecard_owner(card, f, c->lang)));
        put(c, j, "due_days", json_integer(tt_priority_due_days(f->priority)));
        char due[32];
        tt_scorecard_due_date(card, f, due, sizeof due);
        put(c, j, "due_date", jstr(due));
        put(c, j, "status", jstr("open"));
        put(c, j, "objective", jstr(f->objective));
        put(c, j, "lesson", jstr(f->lesson));
        push(c, plan, j);
    }
    put(c, root, "improvement_plan", plan);

    json_t *roles = json_array();
    for (size_t i = 0; i < card->n_roles; i++) {
        const tt_score_role *r = &card->roles[i];
        json_t *j = json_object();
        put(c, j, "id", jstr(r->id));
        put(c, j, "name", jstr(tt_scenario_role_name(sc, r->id, c->lang)));
        put(c, j, "members", jstr(r->members));
        put(c, j, "actions", json_integer((json_int_t)r->actions));
        put(c, j, "objectives", json_integer((json_int_t)r->objectives));
        put(c, j, "harmful", json_integer((json_int_t)r->harmful));
        put(c, j, "wasted", json_integer((json_int_t)r->wasted));
        put(c, j, "refused", json_integer((json_int_t)r->refused));
        put(c, j, "notes", json_integer((json_int_t)r->notes));
        put(c, j, "busy_s", jsec(r->busy));
        push(c, roles, j);
    }
    put(c, root, "roles", roles);

    json_t *notes = json_array();
    json_t *timeline = json_array();
    for (size_t i = 0; i < card->n_events; i++) {
        const tt_score_event *e = &card->events[i];
        json_t *j = json_object();
        put(c, j, "t_s", jsec(e->t));
        put(c, j, "kind", jstr(sc_event_kind_key(e->kind)));
        put(c, j, "id", jstr(e->id));
        put(c, j, "role", jstr(e->role));
        put(c, j, "member", jstr(e->member));
        put(c, j, "from", jstr(e->from));
        if (e->kind == TT_EV_CUSTOM)
            put(c, j, "to", jstr(e->to));
        put(c, j, "status", jstr(e->status));
        put(c, j, "note", jstr(e->note));
        const char *text = tt_text_get(&e->text, c->lang);
        put(c, j, "text", *text ? jstr(text) : json_null());
        if (e->n_questions) {
            json_t *q = json_array();
            for (size_t k = 0; k < e->n_questions; k++)
                push(c, q, jtext(c, &e->questions[k]));
            put(c, j, "questions", q);
        }
        /* Notes, and the facilitator's own injects (/inject), for the debrief. */
        if (((e->kind == TT_EV_NOTE || e->kind == TT_EV_ACTION) && e->note && *e->note) ||
            e->kind == TT_EV_CUSTOM)
            push(c, notes, json_deep_copy(j));
        push(c, timeline, j);
    }
    put(c, root, "notes", notes);
    put(c, root, "timeline", timeline);

    if (card->n_answers) {
        json_t *hot = json_array();
        for (size_t i = 0; i < card->n_answers; i++) {
            const tt_score_answer *a = &card->answers[i];
            json_t *j = json_object();
            put(c, j, "t_s", jsec(a->t));
            put(c, j, "inject", jstr(a->inject));
            put(c, j, "question", jtext(c, &a->question));
            put(c, j, "role", jstr(a->role));
            put(c, j, "member", jstr(a->member));
            put(c, j, "answer", jstr(a->answer));
            push(c, hot, j);
        }
        put(c, root, "hotwash", hot);
    }

    json_t *trend = json_array();
    for (size_t i = 0; i < card->n_trend; i++) {
        json_t *j = json_object();
        put(c, j, "when", jstr(card->trend[i].when));
        put(c, j, "score", json_integer(card->trend[i].score));
        put(c, j, "rating", jstr(tt_rating_letter(card->trend[i].rating)));
        put(c, j, "complete", json_boolean(card->trend[i].complete));
        push(c, trend, j);
    }
    put(c, root, "trend", trend);
    return root;
}

char *sc_render_json(const tt_scorecard *card, tt_lang lang, size_t *len)
{
    jctx c = { true, lang, card };
    const tt_scenario *sc = card->scenario;
    json_t *root = json_object();
    put(&c, root, "schema", jstr("tabletop-scorecard/1"));
    put(&c, root, "lang", jstr(tt_lang_name(lang)));
    put(&c, root, "scenario", jstr(sc->id));
    put(&c, root, "title", jtext(&c, &sc->title));
    put(&c, root, "source", jstr(sc->source));
    put(&c, root, "source_title", jstr(sc_source_title(sc->source, c.lang)));
    put(&c, root, "scenario_hash", jstr(card->start->hash));
    put(&c, root, "scenario_file_hash", jstr(sc->hash));
    put(&c, root, "hash_matches", json_boolean(!card->hash_mismatch));
    put(&c, root, "score", json_integer(card->score));
    put(&c, root, "rating", jstr(tt_rating_letter(card->rating)));
    put(&c, root, "complete", json_boolean(!card->incomplete));
    put(&c, root, "not_assessed", json_integer((json_int_t)card->n_not_assessed));
    /* The early-end banner, or null when the drill ran its course. */
    if (card->early) {
        char banner[512];
        tt_scorecard_banner(card, lang, banner, sizeof banner);
        json_t *e = json_object();
        put(&c, e, "ended_s", jsec(card->duration));
        put(&c, e, "length_s", jsec(card->length));
        put(&c, e, "not_assessed", json_integer((json_int_t)card->n_not_assessed));
        put(&c, e, "banner", jstr(banner));
        put(&c, root, "early_end", e);
    } else {
        put(&c, root, "early_end", json_null());
    }
    put(&c, root, "torn", json_boolean(card->torn));
    json_t *warnings = json_array();
    for (size_t i = 0; i < card->n_warnings; i++)
        push(&c, warnings, jtext(&c, &card->warnings[i]));
    put(&c, root, "warnings", warnings);
    put(&c, root, "exercise", exercise_json(&c));
    put(&c, root, "times", times_json(&c));
    json_t *objectives = json_array();
    for (size_t i = 0; i < card->n_objectives; i++)
        push(&c, objectives, objective_json(&c, &card->objectives[i]));
    put(&c, root, "objectives", objectives);
    lists_json(&c, root);

    char *out = NULL;
    if (c.ok)
        out = tt_json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (out && len)
        *len = strlen(out);
    return out;
}
