/* The improvement plan in AAR/IP form: one row per objective not rated P,
 * per harmful or wasted action, and per lesson of the source left uncovered.
 * Recommendations are tied to the source's lessons (its prevention measures)
 * through the actions that cover them. Rules in docs/scorecard.md. */
#include "card.h"
#include "util.h"
#include "labels.h"

#include <string.h>


static const tt_lang langs[2] = { TT_LANG_JA, TT_LANG_EN };

static bool str_eq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static tt_score_finding *add_row(tt_scorecard *card, size_t cap)
{
    if (!card->findings) {
        card->findings = tt_arena_alloc(&card->arena, (cap + 1) * sizeof *card->findings);
        if (!card->findings)
            return NULL;
    }
    if (card->n_findings >= cap)
        return NULL;
    return &card->findings[card->n_findings++];
}

static const tt_action *completing_action(const tt_scenario *sc, const char *objective)
{
    for (size_t i = 0; i < sc->n_actions; i++)
        if (str_eq(sc->actions[i].completes, objective) && !sc->actions[i].harmful)
            return &sc->actions[i];
    return NULL;
}

static const tt_lesson *lesson_of(const tt_scenario *sc, const tt_action *a)
{
    for (size_t i = 0; a && i < sc->n_lessons; i++)
        if (str_eq(sc->lessons[i].id, a->lesson))
            return &sc->lessons[i];
    return NULL;
}

static const tt_action *covering_action(const tt_scenario *sc, const tt_lesson *l)
{
    for (size_t i = 0; i < sc->n_actions; i++)
        if (str_eq(sc->actions[i].lesson, l->id) && !sc->actions[i].harmful &&
            !sc->actions[i].wasted)
            return &sc->actions[i];
    for (size_t i = 0; i < l->n_actions; i++) {
        int ai = tt_scenario_action(sc, l->actions[i]);
        const tt_action *a = ai >= 0 ? &sc->actions[ai] : NULL;
        if (a && !a->harmful && !a->wasted)
            return a;
    }
    return NULL;
}

/* The core capability of the objective an action completes (empty when it
 * completes none or the objective gives none). */
static tt_text capability_of(const tt_scenario *sc, const tt_action *a)
{
    int oi = a && a->completes ? tt_scenario_objective(sc, a->completes) : -1;
    return oi >= 0 ? sc->objectives[oi].capability : (tt_text){ NULL, NULL };
}

static const char *first_role(const tt_action *a)
{
    return a && a->n_roles ? a->roles[0] : NULL;
}

static const char *objective_title(const tt_score_objective *o, tt_lang L)
{
    const char *title = tt_text_get(&o->def->title, L);
    return *title ? title : o->def->id;
}

static char *objective_finding(tt_arena *ar, const tt_score_objective *o, tt_lang L)
{
    char target[32], limit[32], at[32];
    sc_time(o->def->target, L, target, sizeof target);
    sc_time(o->def->limit, L, limit, sizeof limit);
    sc_time(o->reached_at, L, at, sizeof at);
    const char *title = objective_title(o, L);
    const char *time_part;
    if (!o->reached)
        time_part = sc_printf(ar, TT_FMT(L, LBL_F_NOT_REACHED_FMT), title, target, limit);
    else if (o->reached_at > o->def->limit)
        time_part = sc_printf(ar, TT_FMT(L, LBL_F_AFTER_LIMIT_FMT), title, at, limit);
    else if (o->reached_at > o->def->target)
        time_part = sc_printf(ar, TT_FMT(L, LBL_F_AFTER_TARGET_FMT), title, at, target);
    else
        time_part = sc_printf(ar, TT_FMT(L, LBL_F_WITHIN_FMT), title, at);
    if (!time_part || !o->reached || !o->harmful_before)
        return (char *)time_part;
    return sc_printf(ar, TT_FMT(L, LBL_F_HARMFUL_BEFORE_FMT), time_part, o->harmful_before);
}

/* The last refusal of an action in this run (its reason is what blocked
 * the team), or NULL. */
static const tt_score_event *refusal_of(const tt_scorecard *card, const tt_action *a)
{
    const tt_score_event *last = NULL;
    for (size_t i = 0; a && i < card->n_events; i++)
        if (card->events[i].kind == TT_EV_REFUSED && str_eq(card->events[i].id, a->id))
            last = &card->events[i];
    return last;
}

static char *objective_recommendation(const tt_scorecard *card, tt_arena *ar,
                                      const tt_score_objective *o,
                                      const tt_action *key, const tt_lesson *lesson,
                                      tt_lang L)
{
    const tt_scenario *sc = card->scenario;
    char target[32];
    sc_time(o->def->target, L, target, sizeof target);
    char *rec;
    /* Drilling an action the team could not take is no advice: when the
     * action was refused and the objective missed, name what blocked it. */
    const tt_score_event *refused = o->reached ? NULL : refusal_of(card, key);
    const char *why = refused ? tt_text_get(&refused->text, L) : "";
    if (refused && *why)
        rec = sc_printf(ar, TT_FMT(L, LBL_R_PREREQUISITE_FMT), tt_scenario_action_label(sc, key->id, L), why);
    else if (key)
        rec = sc_printf(ar, TT_FMT(L, LBL_R_DRILL_KEY_FMT), tt_scenario_action_label(sc, key->id, L),
                        tt_scenario_role_name(sc, first_role(key), L), target);
    else
        rec = sc_printf(ar, TT_FMT(L, LBL_R_REVIEW_FMT), objective_title(o, L), target);
    if (o->reached && o->harmful_before)
        rec = rec ? sc_printf(ar, TT_FMT(L, LBL_R_DROP_HARMFUL_FMT), rec)
                  : NULL;
    if (rec && lesson)
        rec = sc_printf(ar, TT_FMT(L, LBL_R_LESSON_FMT), rec, tt_text_get(&lesson->text, L));
    return rec;
}

static int objective_rows(tt_scorecard *card, size_t cap, bool *cited)
{
    const tt_scenario *sc = card->scenario;
    static const tt_priority by_rating[] = {
        TT_PRIORITY_LOW, TT_PRIORITY_LOW, TT_PRIORITY_MEDIUM, TT_PRIORITY_HIGH
    };
    for (size_t i = 0; i < card->n_objectives; i++) {
        const tt_score_objective *o = &card->objectives[i];
        /* Not assessed (the drill ended before its limit): no finding. */
        if (o->rating == TT_RATING_P || o->rating == TT_RATING_NA)
            continue;
        const tt_action *key = completing_action(sc, o->def->id);
        const tt_lesson *lesson = lesson_of(sc, key);
        tt_score_finding *f = add_row(card, cap);
        if (!f)
            return -1;
        const char *txt[2], *rec[2];
        for (int k = 0; k < 2; k++) {
            txt[k] = objective_finding(&card->arena, o, langs[k]);
            rec[k] = objective_recommendation(card, &card->arena, o, key, lesson, langs[k]);
            if (!txt[k] || !rec[k])
                return -1;
        }
        f->finding = (tt_text){ txt[0], txt[1] };
        f->recommendation = (tt_text){ rec[0], rec[1] };
        f->owner = o->role ? o->role : first_role(key);
        f->priority = by_rating[o->rating];
        f->objective = o->def->id;
        f->capability = o->def->capability;
        if (lesson) {
            f->lesson = lesson->id;
            cited[lesson - sc->lessons] = true;
        }
    }
    return 0;
}

static int bad_rows(tt_scorecard *card, size_t cap, bool *cited)
{
    const tt_scenario *sc = card->scenario;
    for (size_t i = 0; i < card->n_bad; i++) {
        const tt_score_bad_action *b = &card->bad[i];
        bool repeat = false;   /* one row per action, at its first use */
        for (size_t k = 0; k < i; k++)
            repeat |= card->bad[k].def == b->def;
        if (repeat)
            continue;
        const tt_lesson *lesson = lesson_of(sc, b->def);
        tt_score_finding *f = add_row(card, cap);
        if (!f)
            return -1;
        const char *txt[2], *rec[2];
        for (int k = 0; k < 2; k++) {
            tt_lang L = langs[k];
            char at[32];
            sc_time(b->at, L, at, sizeof at);
            const char *label = tt_scenario_action_label(sc, b->def->id, L);
            const char *role = tt_scenario_role_name(sc, b->role, L);
            const char *why = tt_text_get(&b->why, L);
            long min = sc_minutes(b->cost);
            if (b->harmful) {
                txt[k] = sc_printf(&card->arena, TT_FMT(L, LBL_F_HARMFUL_FMT), at, label, role, min, why);
                rec[k] = sc_printf(&card->arena, TT_FMT(L, LBL_R_HARMFUL_FMT), label, role);
            } else {
                txt[k] = sc_printf(&card->arena, TT_FMT(L, LBL_F_WASTED_FMT), at, label, role, min, why);
                rec[k] = sc_printf(&card->arena, TT_FMT(L, LBL_R_WASTED_FMT), label);
            }
            if (rec[k] && lesson)
                rec[k] = sc_printf(&card->arena, TT_FMT(L, LBL_R_LESSON_FMT), rec[k], tt_text_get(&lesson->text, L));
            if (!txt[k] || !rec[k])
                return -1;
        }
        f->finding = (tt_text){ txt[0], txt[1] };
        f->recommendation = (tt_text){ rec[0], rec[1] };
        f->owner = b->role;
        f->capability = capability_of(sc, b->def);
        f->priority = b->harmful ? TT_PRIORITY_HIGH : TT_PRIORITY_LOW;
        if (lesson) {
            f->lesson = lesson->id;
            cited[lesson - sc->lessons] = true;
        }
    }
    return 0;
}

static int lesson_rows(tt_scorecard *card, size_t cap, const bool *cited)
{
    const tt_scenario *sc = card->scenario;
    for (size_t i = 0; i < card->n_lessons; i++) {
        const tt_score_lesson *l = &card->lessons[i];
        if (l->covered || cited[l->def - sc->lessons])
            continue;
        const tt_action *a = covering_action(sc, l->def);
        tt_score_finding *f = add_row(card, cap);
        if (!f)
            return -1;
        const char *txt[2], *rec[2];
        for (int k = 0; k < 2; k++) {
            tt_lang L = langs[k];
            const char *text = tt_text_get(&l->def->text, L);
            txt[k] = sc_printf(&card->arena, TT_FMT(L, LBL_F_LESSON_FMT), text);
            if (a)
                rec[k] = sc_printf(&card->arena, TT_FMT(L, LBL_R_ADOPT_ACTION_FMT), tt_scenario_action_label(sc, a->id, L),
                                   tt_scenario_role_name(sc, first_role(a), L));
            else
                rec[k] = sc_printf(&card->arena, TT_FMT(L, LBL_R_ADOPT_FMT), text);
            if (!txt[k] || !rec[k])
                return -1;
        }
        f->finding = (tt_text){ txt[0], txt[1] };
        f->recommendation = (tt_text){ rec[0], rec[1] };
        f->owner = first_role(a);
        f->capability = l->def->capability;
        if (!*tt_text_get(&f->capability, TT_LANG_EN))
            f->capability = capability_of(sc, a);
        f->priority = TT_PRIORITY_MEDIUM;
        f->lesson = l->def->id;
    }
    return 0;
}

static bool same_text(const tt_text *a, const tt_text *b)
{
    return strcmp(tt_text_get(a, TT_LANG_JA), tt_text_get(b, TT_LANG_JA)) == 0 &&
           strcmp(tt_text_get(a, TT_LANG_EN), tt_text_get(b, TT_LANG_EN)) == 0;
}

/* One row per finding: a row saying exactly what an earlier (higher
 * priority) row says, to the same owner, adds nothing to the plan. */
static void drop_repeats(tt_scorecard *card)
{
    size_t n = 0;
    for (size_t i = 0; i < card->n_findings; i++) {
        const tt_score_finding *f = &card->findings[i];
        bool repeat = false;
        for (size_t k = 0; k < n && !repeat; k++)
            repeat = same_text(&card->findings[k].finding, &f->finding) &&
                     same_text(&card->findings[k].recommendation, &f->recommendation) &&
                     str_eq(card->findings[k].owner, f->owner);
        if (!repeat)
            card->findings[n++] = *f;
    }
    card->n_findings = n;
}

/* Highest priority first; stable within a priority. */
static void sort_rows(tt_scorecard *card)
{
    for (size_t i = 1; i < card->n_findings; i++) {
        tt_score_finding f = card->findings[i];
        size_t k = i;
        while (k > 0 && card->findings[k - 1].priority > f.priority) {
            card->findings[k] = card->findings[k - 1];
            k--;
        }
        card->findings[k] = f;
    }
}

int sc_build_findings(tt_scorecard *card)
{
    const tt_scenario *sc = card->scenario;
    size_t cap = card->n_objectives + card->n_bad + card->n_lessons;
    bool *cited = tt_arena_alloc(&card->arena, sc->n_lessons + 1);
    if (!cited)
        return -1;
    if (objective_rows(card, cap, cited) != 0 || bad_rows(card, cap, cited) != 0 ||
        lesson_rows(card, cap, cited) != 0)
        return -1;
    /* Every row has an owner: a lesson no action covers goes to the
     * scenario's first role (its lead). */
    for (size_t i = 0; i < card->n_findings; i++)
        if (!card->findings[i].owner && sc->n_roles)
            card->findings[i].owner = sc->roles[0].id;
    sort_rows(card);
    drop_repeats(card);
    return 0;
}
