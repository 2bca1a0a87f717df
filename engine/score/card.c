/* Build the scorecard model from a scenario and its journal. Nothing here
 * runs the simulation: every number comes from the journal's records. */
#include "tabletop/terms.h"
#include "card.h"
#include "labels.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool str_eq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

bool tt_scorecard_banner(const tt_scorecard *card, tt_lang lang, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (!card->early)
        return false;
    char at[32], len[32];
    tt_ms_format(card->duration, at, sizeof at);
    tt_span_format(card->length, len, sizeof len);
    snprintf(buf, size, TT_FMT(lang, LBL_EARLY_END_FMT), at, len, card->n_not_assessed);
    return true;
}

/* What a card being built keeps between records (tt_scorecard_begin ..
 * tt_scorecard_finish). A streamed card copies the records it shows into
 * `kept`; records of a tt_journal outlive the card and are not copied. */
struct tt_score_feed {
    bool copy;
    bool failed;                   /* out of memory on the way */
    const char **done_action;      /* per objective: its last completing DONE */
    const char **done_role;
    size_t cap_bad, cap_roles, cap_events, cap_answers;
    tt_ms last;                    /* latest record time */
    tt_journal kept;               /* copies of the records the card refers to */
    size_t cap_kept;
    char **damage_text;            /* per damage metric: a copied string value */
};

/* Room for one more element in an arena array, doubling (the old copy stays
 * in the arena: at most as much again as the final array). */
static bool grow(tt_scorecard *card, void **items, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return true;
    size_t want = *cap ? *cap * 2 : 16;
    void *bigger = want <= SIZE_MAX / size ? tt_arena_alloc(&card->arena, want * size) : NULL;
    if (!bigger) {
        card->feed->failed = true;
        return false;
    }
    if (n)
        memcpy(bigger, *items, n * size);
    *items = bigger;
    *cap = want;
    return true;
}
#define GROW(card, arr, n, cap) grow((card), (void **)&(arr), (n), &(cap), sizeof *(arr))

const char *tt_scorecard_owner(const tt_scorecard *card, const tt_score_finding *f,
                               tt_lang lang)
{
    for (size_t i = 0; f->owner && i < card->n_roles; i++)
        if (str_eq(card->roles[i].id, f->owner) && card->roles[i].members)
            return card->roles[i].members;
    return f->owner ? tt_scenario_role_name(card->scenario, f->owner, lang) : "?";
}

void tt_scorecard_due_date(const tt_scorecard *card, const tt_score_finding *f, char *buf,
                           size_t size)
{
    int64_t day;
    if (!card->start || !tt_date_parse(card->start->date, &day))
        day = tt_wall_ms() / 1000;   /* a headless run has no date: from today */
    tt_date_local_day(day + (int64_t)tt_priority_due_days(f->priority) * 86400, buf, size);
}

int tt_scorecard_warn(tt_scorecard *card, const char *ja, const char *en)
{
    tt_text *w = tt_arena_alloc(&card->arena, (card->n_warnings + 1) * sizeof *w);
    if (!w)
        return -1;
    if (card->n_warnings)
        memcpy(w, card->warnings, card->n_warnings * sizeof *w);
    w[card->n_warnings].ja = tt_arena_strdup(&card->arena, ja);
    w[card->n_warnings].en = tt_arena_strdup(&card->arena, en);
    if ((ja && !w[card->n_warnings].ja) || (en && !w[card->n_warnings].en))
        return -1;
    card->warnings = w;
    card->n_warnings++;
    return 0;
}

static int warn_label(tt_scorecard *card, tt_label l)
{
    return tt_scorecard_warn(card, tt_lbl(l, TT_LANG_JA), tt_lbl(l, TT_LANG_EN));
}

/* The role's slot, appended when the scenario does not know it. */
static tt_score_role *role_slot(tt_scorecard *card, const char *id)
{
    if (!id)
        return NULL;
    for (size_t i = 0; i < card->n_roles; i++)
        if (str_eq(card->roles[i].id, id))
            return &card->roles[i];
    if (!GROW(card, card->roles, card->n_roles, card->feed->cap_roles))
        return NULL;
    tt_score_role *r = &card->roles[card->n_roles++];
    memset(r, 0, sizeof *r);
    r->id = id;
    return r;
}

static void set_value(tt_scorecard *card, size_t i, const tt_value *v)
{
    tt_score_damage *d = &card->damage[i];
    d->known = true;
    d->final = *v;
    if (card->feed->copy && v->type == TT_VAL_STR && v->as.s) {
        char *text = strdup(v->as.s);
        if (!text) {
            card->feed->failed = true;
            d->final.as.s = NULL;
            return;
        }
        free(card->feed->damage_text[i]);
        card->feed->damage_text[i] = text;
        d->final.as.s = text;
    }
}

static void apply_values(tt_scorecard *card, const tt_kv *kv, size_t n)
{
    for (size_t k = 0; k < n; k++)
        for (size_t i = 0; i < card->n_damage; i++)
            if (str_eq(card->damage[i].def->key, kv[k].key))
                set_value(card, i, &kv[k].value);
}

/* Arrays sized by the scenario; those that grow with the journal (bad
 * actions, roles met, events, answers) start small and double. */
static int alloc_arrays(tt_scorecard *card, const tt_scenario *sc)
{
    tt_arena *a = &card->arena;
    struct tt_score_feed *f = card->feed;
    size_t n_damage = 0;
    for (size_t i = 0; i < sc->n_metrics; i++)
        n_damage += sc->metrics[i].damage;
    f->cap_bad = f->cap_events = f->cap_answers = 16;
    f->cap_roles = sc->n_roles + 16;
    card->objectives = tt_arena_alloc(a, (sc->n_objectives + 1) * sizeof *card->objectives);
    card->bad = tt_arena_alloc(a, f->cap_bad * sizeof *card->bad);
    card->damage = tt_arena_alloc(a, (n_damage + 1) * sizeof *card->damage);
    card->lessons = tt_arena_alloc(a, (sc->n_lessons + 1) * sizeof *card->lessons);
    card->history = tt_arena_alloc(a, (sc->n_history + 1) * sizeof *card->history);
    card->roles = tt_arena_alloc(a, f->cap_roles * sizeof *card->roles);
    card->events = tt_arena_alloc(a, f->cap_events * sizeof *card->events);
    card->answers = tt_arena_alloc(a, f->cap_answers * sizeof *card->answers);
    f->done_action = tt_arena_alloc(a, (sc->n_objectives + 1) * sizeof *f->done_action);
    f->done_role = tt_arena_alloc(a, (sc->n_objectives + 1) * sizeof *f->done_role);
    f->damage_text = calloc(n_damage + 1, sizeof *f->damage_text);
    if (!card->objectives || !card->bad || !card->damage || !card->lessons ||
        !card->history || !card->roles || !card->events || !card->answers ||
        !f->done_action || !f->done_role || !f->damage_text)
        return -1;
    card->n_objectives = sc->n_objectives;
    for (size_t i = 0; i < sc->n_objectives; i++) {
        tt_score_objective *o = &card->objectives[i];
        o->def = &sc->objectives[i];
        o->reached_at = TT_MS_NEVER;
        o->from_notice = TT_MS_NEVER;
        o->noticed = sc->objectives[i].notice == NULL;
        o->notice_at = 0;
    }
    for (size_t i = 0; i < sc->n_metrics; i++)
        if (sc->metrics[i].damage)
            card->damage[card->n_damage++].def = &sc->metrics[i];
    card->n_lessons = sc->n_lessons;
    for (size_t i = 0; i < sc->n_lessons; i++) {
        card->lessons[i].def = &sc->lessons[i];
        card->lessons[i].at = TT_MS_NEVER;
    }
    card->n_history = sc->n_history;
    for (size_t i = 0; i < sc->n_history; i++) {
        card->history[i].def = &sc->history[i];
        card->history[i].team_at = TT_MS_NEVER;
    }
    for (size_t i = 0; i < sc->n_roles; i++) {
        card->roles[i].id = sc->roles[i].id;
        card->roles[i].def = &sc->roles[i];
    }
    card->n_roles = sc->n_roles;
    return 0;
}

static bool lesson_has_action(const tt_lesson *l, const tt_action *a)
{
    if (a && str_eq(a->lesson, l->id))
        return true;
    for (size_t i = 0; a && i < l->n_actions; i++)
        if (str_eq(l->actions[i], a->id))
            return true;
    return false;
}

static void on_action(tt_scorecard *card, const tt_record *r)
{
    const tt_scenario *sc = card->scenario;
    int ai = tt_scenario_action(sc, r->id);
    const tt_action *a = ai >= 0 ? &sc->actions[ai] : NULL;
    tt_score_role *role = role_slot(card, r->role);
    /* What it took is journaled (API 1.1: takes may be a function). */
    tt_ms takes = a ? a->takes : 0;
    if (r->until >= r->t && (r->until > 0 || r->t == 0))
        takes = r->until - r->t;
    if (role) {
        role->actions++;
        if (r->note && *r->note)
            role->notes++;
        if (a)
            role->busy += takes;
    }
    if (!a)
        return;
    /* API 1.1: a harmful/wasted function's verdict is on the record. */
    bool fn_harmful = str_eq(r->status, "harmful"), fn_wasted = str_eq(r->status, "wasted");
    if ((a->harmful || a->wasted || fn_harmful || fn_wasted) &&
        GROW(card, card->bad, card->n_bad, card->feed->cap_bad)) {
        tt_score_bad_action *b = &card->bad[card->n_bad++];
        b->def = a;
        b->at = r->t;
        b->role = r->role;
        b->member = r->member;
        b->harmful = a->harmful || fn_harmful;
        b->cost = takes;
        b->why = (fn_harmful || fn_wasted) ? r->text : a->why_bad;
        if (b->harmful) {
            card->harmful_cost += takes;
            if (role)
                role->harmful++;
        } else {
            card->wasted_cost += takes;
            if (role)
                role->wasted++;
        }
    }
    for (size_t i = 0; i < card->n_lessons; i++) {
        tt_score_lesson *l = &card->lessons[i];
        if (!l->covered && lesson_has_action(l->def, a)) {
            l->covered = true;
            l->action = a->id;
            l->role = r->role;
            l->at = r->t;
        }
    }
    /* The team's n-th taking of an action stands beside the history's n-th
     * entry for it: one record fills one entry, the first still open. */
    for (size_t i = 0; i < card->n_history; i++)
        if (card->history[i].team_at == TT_MS_NEVER &&
            str_eq(card->history[i].def->action, a->id)) {
            card->history[i].team_at = r->t;
            break;
        }
}

/* A cancelled action kept its role busy, and cost its time if it was
 * harmful or wasted, only until the cancellation: the latest taking of it
 * still due then (the one the exercise calls off) gives back the rest. */
static void on_cancel(tt_scorecard *card, const tt_record *r)
{
    int ai = tt_scenario_action(card->scenario, r->id);
    if (ai < 0)
        return;
    for (size_t i = card->n_events; i-- > 0;) {
        const tt_score_event *e = &card->events[i];
        if (e->kind != TT_EV_ACTION || !str_eq(e->id, r->id) || e->t > r->t)
            continue;
        /* As on_action reads it: the journaled `until`, else the model's takes. */
        tt_ms due = e->until >= e->t && (e->until > 0 || e->t == 0)
                        ? e->until
                        : e->t + card->scenario->actions[ai].takes;
        if (due <= r->t)
            continue;
        tt_ms rest = due - r->t;
        tt_score_role *role = role_slot(card, e->role);
        if (role)
            role->busy -= rest < role->busy ? rest : role->busy;
        for (size_t b = card->n_bad; b-- > 0;) {
            tt_score_bad_action *bad = &card->bad[b];
            if (bad->at != e->t || !str_eq(bad->def->id, e->id) || bad->cost < rest)
                continue;
            bad->cost -= rest;
            if (bad->harmful)
                card->harmful_cost -= rest;
            else
                card->wasted_cost -= rest;
            break;
        }
        return;
    }
}

/* An objective's completing action: the last DONE of an action that
 * completes it, at or before the time it was reached. */
static void on_done(tt_scorecard *card, const tt_record *r)
{
    const char **done_action = card->feed->done_action, **done_role = card->feed->done_role;
    int ai = tt_scenario_action(card->scenario, r->id);
    const tt_action *a = ai >= 0 ? &card->scenario->actions[ai] : NULL;
    if (!a || !a->completes)
        return;
    for (size_t i = 0; i < card->n_objectives; i++)
        if (str_eq(card->objectives[i].def->id, a->completes) &&
            !card->objectives[i].reached) {
            done_action[i] = a->id;
            done_role[i] = r->role;
        }
}

static void on_objective(tt_scorecard *card, const tt_record *r)
{
    const char **done_action = card->feed->done_action, **done_role = card->feed->done_role;
    for (size_t i = 0; i < card->n_objectives; i++) {
        tt_score_objective *o = &card->objectives[i];
        if (!str_eq(o->def->id, r->id))
            continue;
        if (str_eq(r->status, "reached") && !o->reached) {
            o->reached = true;
            o->reached_at = r->t;
            o->action = done_action[i];
            o->role = done_role[i];
        } else if (str_eq(r->status, "missed")) {
            o->missed = true;
        }
    }
}

static void add_event(tt_scorecard *card, tt_score_event_kind kind, const tt_record *r)
{
    if (!GROW(card, card->events, card->n_events, card->feed->cap_events))
        return;
    tt_score_event *e = &card->events[card->n_events++];
    e->kind = kind;
    e->t = r->t;
    e->id = r->id;
    e->role = r->role;
    e->member = r->member;
    e->from = r->from;
    e->to = r->to;
    e->status = r->status;
    e->note = r->note;
    e->text = r->text;
    e->questions = r->questions;
    e->n_questions = r->n_questions;
    e->until = r->until;
}

/* Take one record into the card (journal order). */
static void on_record(tt_scorecard *card, const tt_record *r)
{
    card->n_records++;
    if (r->t > card->feed->last)
        card->feed->last = r->t;
    switch (r->type) {
    case TT_REC_START:
        break;
    case TT_REC_INJECT:
        add_event(card, TT_EV_INJECT, r);
        for (size_t i = 0; i < card->n_objectives; i++) {
            tt_score_objective *o = &card->objectives[i];
            if (o->def->notice && !o->noticed && str_eq(o->def->notice, r->id)) {
                o->noticed = true;
                o->notice_at = r->t;
            }
        }
        break;
    case TT_REC_MESSAGE:
        add_event(card, TT_EV_MESSAGE, r);
        break;
    case TT_REC_CUSTOM:
        add_event(card, TT_EV_CUSTOM, r);
        break;
    case TT_REC_ACTION:
        add_event(card, TT_EV_ACTION, r);
        on_action(card, r);
        break;
    case TT_REC_DONE:
        on_done(card, r);
        break;
    case TT_REC_REFUSED: {
        add_event(card, TT_EV_REFUSED, r);
        tt_score_role *role = role_slot(card, r->role);
        if (role)
            role->refused++;
        break;
    }
    case TT_REC_STATE:
        apply_values(card, r->changes, r->n_changes);
        break;
    case TT_REC_OBJECTIVE:
        add_event(card, TT_EV_OBJECTIVE, r);
        on_objective(card, r);
        break;
    case TT_REC_NOTE: {
        add_event(card, TT_EV_NOTE, r);
        tt_score_role *role = role_slot(card, r->role);
        if (role)
            role->notes++;
        break;
    }
    case TT_REC_END:
        if (!card->ended) {
            card->ended = true;
            card->end_status = r->status;
            card->duration = r->t;
        }
        break;
    case TT_REC_ANSWER:
        if (!GROW(card, card->answers, card->n_answers, card->feed->cap_answers))
            break;
        card->answers[card->n_answers++] = (tt_score_answer){
            r->t, r->id, r->n_questions ? r->questions[0] : (tt_text){ NULL, NULL },
            r->role, r->member, r->note };
        break;
        case TT_REC_CANCEL:
            add_event(card, TT_EV_CANCEL, r);
            if (!r->status)
                on_cancel(card, r);
            break;
        case TT_REC_DECLINED:
            add_event(card, TT_EV_DECLINED, r);
            break;
        case TT_REC_ASKED:
            add_event(card, TT_EV_ASKED, r);
            break;
        case TT_REC_REPLY:
            add_event(card, TT_EV_REPLY, r);
            break;
    case TT_REC_PAUSE:
    case TT_REC_RESUME:
    case TT_REC_SPEED:
    case TT_REC__COUNT:
        break;
    }
}

/* Every rating and score comes from tt_score_ended_now at the drill's end:
 * the card, /status and the dashboard apply the same rules. */
static int rate_objectives(tt_scorecard *card)
{
    const tt_scenario *sc = card->scenario;
    size_t n = card->n_objectives;
    tt_ms *reached = tt_arena_alloc(&card->arena, (n + 1) * sizeof *reached);
    tt_action_taken *taken = tt_arena_alloc(&card->arena, (card->n_bad + 1) * sizeof *taken);
    tt_score_verdict *verdicts = tt_arena_alloc(&card->arena, (n + 1) * sizeof *verdicts);
    if (!reached || !taken || !verdicts)
        return -1;
    for (size_t i = 0; i < n; i++)
        reached[i] = card->objectives[i].reached ? card->objectives[i].reached_at : TT_MS_NEVER;
    for (size_t b = 0; b < card->n_bad; b++)
        taken[b] = (tt_action_taken){ card->bad[b].at, (int)(card->bad[b].def - sc->actions),
                                      card->bad[b].harmful ? TT_TAKEN_HARMFUL : TT_TAKEN_WASTED };
    tt_score_summary sum;
    tt_score_ended_now(sc, card->duration, reached, taken, card->n_bad, verdicts, &sum);
    for (size_t i = 0; i < n; i++) {
        tt_score_objective *o = &card->objectives[i];
        o->harmful_before = verdicts[i].harmful_before;
        o->wasted_before = verdicts[i].wasted_before;
        if (o->reached && o->noticed && o->reached_at >= o->notice_at)
            o->from_notice = o->reached_at - o->notice_at;
        o->rating = verdicts[i].rating;
        o->score = verdicts[i].score;
        for (size_t r = 0; o->reached && o->role && r < card->n_roles; r++)
            if (str_eq(card->roles[r].id, o->role))
                card->roles[r].objectives++;
    }
    card->score = sum.score;
    card->rating = n ? sum.rating : TT_RATING_U;
    card->n_not_assessed = sum.n_not_assessed;
    /* Ended before the scenario's length with objectives still open: said
     * on the card's first lines, in JSON and in the history. */
    card->length = sc->length;
    card->early = card->ended && sum.n_not_assessed > 0 && card->duration < sc->length;
    for (int p = 0; p < 3; p++) {
        tt_score_phase *ph = &card->phases[p];
        ph->phase = (tt_objective_phase)p;
        ph->reached_at = TT_MS_NEVER;
        ph->from_notice = TT_MS_NEVER;
        ph->first_at = TT_MS_NEVER;
        tt_ms last = 0, first_notice = TT_MS_NEVER;
        for (size_t i = 0; i < card->n_objectives; i++) {
            const tt_score_objective *o = &card->objectives[i];
            if ((int)o->def->phase != p)
                continue;
            ph->n_objectives++;
            if (o->def->target > ph->target)
                ph->target = o->def->target;
            if (o->reached) {
                ph->n_reached++;
                if (o->reached_at > last)
                    last = o->reached_at;
                if (o->reached_at < ph->first_at) {
                    ph->first_at = o->reached_at;
                    ph->first = o->def;
                }
            }
            if (o->noticed && o->notice_at < first_notice)
                first_notice = o->notice_at;
        }
        if (ph->n_objectives && ph->n_reached == ph->n_objectives) {
            ph->reached_at = last;
            if (first_notice != TT_MS_NEVER && last >= first_notice)
                ph->from_notice = last - first_notice;
        }
    }
    return 0;
}

static void fill_members(tt_scorecard *card)
{
    const tt_start_info *s = card->start;
    for (size_t i = 0; s && i < s->n_members; i++) {
        tt_score_role *r = role_slot(card, s->members[i].role);
        if (!r || !s->members[i].name)
            continue;
        r->members = r->members
            ? sc_printf(&card->arena, "%s, %s", r->members, s->members[i].name)
            : s->members[i].name;
    }
}

int tt_scorecard_begin(tt_scorecard *card, const tt_scenario *sc, const tt_record *start,
                       bool copy, const char *journal_path, const char *journal_hash,
                       tt_error *err)
{
    memset(card, 0, sizeof *card);
    card->scenario = sc;
    const char *name = journal_path ? journal_path : "journal";
    if (!start || start->type != TT_REC_START || !start->start) {
        tt_error_set(err, name, 0, 0, TT_MSG(E_CARD_NO_START));
        return -1;
    }
    if (!str_eq(start->start->scenario, sc->id)) {
        tt_error_set(err, name, 0, 0, TT_MSG(E_JOURNAL_OTHER_SCENARIO_FMT),
                     start->start->scenario ? start->start->scenario : "?",
                     sc->id ? sc->id : "?");
        return -1;
    }
    card->feed = calloc(1, sizeof *card->feed);
    if (card->feed)
        card->feed->copy = copy;
    if (!card->feed || alloc_arrays(card, sc) != 0 ||
        (journal_path && !(card->journal_path = tt_arena_strdup(&card->arena, journal_path))) ||
        (journal_hash && !(card->journal_hash = tt_arena_strdup(&card->arena, journal_hash))) ||
        (copy && tt_journal_add(&card->feed->kept, &card->feed->cap_kept, start, err) != 0)) {
        tt_scorecard_free(card);
        tt_error_oom(err, name);
        return -1;
    }
    if (copy)
        start = &card->feed->kept.records[0];
    card->start = start->start;
    card->hash_mismatch = sc->hash && card->start->hash && !str_eq(sc->hash, card->start->hash);
    apply_values(card, card->start->state, card->start->n_state);
    on_record(card, start);
    return 0;
}

int tt_scorecard_add(tt_scorecard *card, const tt_record *r, tt_error *err)
{
    struct tt_score_feed *f = card->feed;
    /* Only state changes (values copied as kept) and clock records are
     * never referred to later. */
    bool keep = f->copy && r->type != TT_REC_STATE && r->type != TT_REC_PAUSE &&
                r->type != TT_REC_RESUME && r->type != TT_REC_SPEED;
    if (keep) {
        if (tt_journal_add(&f->kept, &f->cap_kept, r, err) != 0) {
            tt_error_oom(err, card->journal_path);
            return -1;
        }
        r = &f->kept.records[f->kept.n_records - 1];
    }
    on_record(card, r);
    if (f->failed) {
        tt_error_oom(err, card->journal_path);
        return -1;
    }
    return 0;
}

int tt_scorecard_finish(tt_scorecard *card, bool torn, tt_error *err)
{
    const char *name = card->journal_path ? card->journal_path : "journal";
    card->torn = torn;
    if (!card->ended)
        card->duration = card->feed->last;
    fill_members(card);
    int rc = card->feed->failed ? -1 : rate_objectives(card);
    card->incomplete = card->torn || !card->ended;

    if (card->incomplete)
        rc |= warn_label(card, LBL_INCOMPLETE);
    if (card->torn)
        rc |= warn_label(card, LBL_TORN);
    if (!card->ended)
        rc |= warn_label(card, LBL_NO_END);
    if (card->hash_mismatch)
        rc |= warn_label(card, LBL_HASH_MISMATCH);
    if (rc == 0)
        rc = sc_build_findings(card);
    if (rc != 0 || card->feed->failed) {
        tt_scorecard_free(card);
        tt_error_oom(err, name);
        return -1;
    }
    return 0;
}

int tt_scorecard_build(tt_scorecard *card, const tt_scenario *sc,
                       const tt_journal *j, const char *journal_path,
                       const char *journal_hash, tt_error *err)
{
    if (tt_scorecard_begin(card, sc, j->n_records ? &j->records[0] : NULL, false,
                           journal_path, journal_hash, err) != 0)
        return -1;
    card->journal = j;
    for (size_t k = 1; k < j->n_records; k++)
        if (tt_scorecard_add(card, &j->records[k], err) != 0) {
            tt_scorecard_free(card);
            return -1;
        }
    return tt_scorecard_finish(card, j->torn, err);
}

int tt_scorecard_build_file(tt_scorecard *card, const tt_scenario *sc,
                            tt_journal_stream *in, const tt_record *start,
                            const char *journal_path, const char *journal_hash,
                            tt_error *err)
{
    if (tt_scorecard_begin(card, sc, start, true, journal_path, journal_hash, err) != 0)
        return -1;
    const tt_record *r;
    int got;
    while ((got = tt_journal_stream_next(in, &r, err)) == 1)
        if (tt_scorecard_add(card, r, err) != 0)
            break;
    if (got != 0) {
        tt_scorecard_free(card);
        return -1;
    }
    return tt_scorecard_finish(card, tt_journal_stream_torn(in, NULL), err);
}

int tt_scorecard_read_file(tt_scorecard *card, const tt_scenario *sc, const char *journal_path,
                           const char *journal_hash, tt_error *err)
{
    memset(card, 0, sizeof *card);
    tt_journal_stream *in = tt_journal_stream_open(journal_path, err);
    if (!in)
        return -1;
    const tt_record *start = NULL;
    int rc = tt_journal_stream_next(in, &start, err) < 0
        ? -1
        : tt_scorecard_build_file(card, sc, in, start, journal_path, journal_hash, err);
    tt_journal_stream_close(in);
    return rc;
}

int tt_scorecard_read_file_hashed(tt_scorecard *card, const tt_scenario *sc,
                                  const char *journal_path, tt_error *err)
{
    memset(card, 0, sizeof *card);
    tt_journal_stream *in = tt_journal_stream_open(journal_path, err);
    if (!in)
        return -1;
    tt_score_hash *hash = tt_score_hash_new();
    if (!hash) {
        tt_journal_stream_close(in);
        tt_error_oom(err, journal_path);
        return -1;
    }
    tt_journal_stream_tap(in, tt_score_hash_tap, hash);
    const tt_record *start = NULL;
    int rc = tt_journal_stream_next(in, &start, err) < 0
        ? -1
        : tt_scorecard_build_file(card, sc, in, start, journal_path, NULL, err);
    tt_journal_stream_close(in);
    if (rc == 0) { /* the whole file was read */
        char hex[65];
        tt_score_hash_hex(hash, hex);
        if (!(card->journal_hash = tt_arena_strdup(&card->arena, hex))) {
            tt_scorecard_free(card);
            tt_error_oom(err, journal_path);
            rc = -1;
        }
    }
    tt_score_hash_free(hash);
    return rc;
}

void tt_scorecard_free(tt_scorecard *card)
{
    if (!card)
        return;
    if (card->feed) {
        for (size_t i = 0; card->feed->damage_text && i < card->n_damage; i++)
            free(card->feed->damage_text[i]);
        free(card->feed->damage_text);
        tt_journal_free(&card->feed->kept);
        free(card->feed);
    }
    tt_arena_free(&card->arena);
    memset(card, 0, sizeof *card);
}
