/* The improvement plan in AAR/IP form: one row per objective not rated P,
 * per harmful or wasted action, and per lesson of the source left uncovered.
 * Recommendations are tied to the source's lessons (its prevention measures)
 * through the actions that cover them. Rules in docs/scorecard.md. */
#include "card.h"
#include "util.h"

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

static const char *first_role(const tt_action *a)
{
    return a && a->n_roles ? a->roles[0] : NULL;
}

static char *objective_finding(tt_arena *ar, const tt_score_objective *o, tt_lang L)
{
    char target[32], limit[32], at[32];
    sc_time(o->def->target, L, target, sizeof target);
    sc_time(o->def->limit, L, limit, sizeof limit);
    sc_time(o->reached_at, L, at, sizeof at);
    const char *title = tt_text_get(&o->def->title, L);
    if (!*title)
        title = o->def->id;
    bool ja = L == TT_LANG_JA;
    const char *time_part;
    if (!o->reached)
        time_part = ja ? sc_printf(ar, "「%s」を達成できませんでした（目標 %s、限度 %s）。", title, target, limit)
                       : sc_printf(ar, "\"%s\" was not reached (target %s, limit %s).", title, target, limit);
    else if (o->reached_at > o->def->limit)
        time_part = ja ? sc_printf(ar, "「%s」の達成は %s で、限度 %s を過ぎていました。", title, at, limit)
                       : sc_printf(ar, "\"%s\" was reached at %s, after its limit of %s.", title, at, limit);
    else if (o->reached_at > o->def->target)
        time_part = ja ? sc_printf(ar, "「%s」の達成は %s で、目標 %s を過ぎていました。", title, at, target)
                       : sc_printf(ar, "\"%s\" was reached at %s, after its target of %s.", title, at, target);
    else
        time_part = ja ? sc_printf(ar, "「%s」は目標時間内（%s）に達成しました。", title, at)
                       : sc_printf(ar, "\"%s\" was reached within target, at %s.", title, at);
    if (!time_part || !o->reached || !o->harmful_before)
        return (char *)time_part;
    return ja ? sc_printf(ar, "%s達成前に有害な対応が %zu 件ありました。", time_part, o->harmful_before)
              : sc_printf(ar, "%s %zu harmful action(s) were taken before it.", time_part, o->harmful_before);
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
    bool ja = L == TT_LANG_JA;
    char *rec;
    /* Drilling an action the team could not take is no advice: when the
     * action was refused and the objective missed, name what blocked it. */
    const tt_score_event *refused = o->reached ? NULL : refusal_of(card, key);
    const char *why = refused ? tt_text_get(&refused->text, L) : "";
    if (refused && *why)
        rec = ja ? sc_printf(ar, "「%s」は実施できなかった（%s）。次の事案までにこの前提を整えておく。",
                             tt_scenario_action_label(sc, key->id, L), why)
                 : sc_printf(ar, "\"%s\" could not be taken (%s): put that in place before the next incident.",
                             tt_scenario_action_label(sc, key->id, L), why);
    else if (key)
        rec = ja ? sc_printf(ar, "「%s」（%s）を手順化して訓練し、%s 以内に実施できるようにする。",
                             tt_scenario_action_label(sc, key->id, L), tt_scenario_role_name(sc, first_role(key), L), target)
                 : sc_printf(ar, "Write \"%s\" (%s) into the procedure and drill it so it is done within %s.",
                             tt_scenario_action_label(sc, key->id, L), tt_scenario_role_name(sc, first_role(key), L), target);
    else
        rec = ja ? sc_printf(ar, "%s 以内に達成できるよう、手順と判断基準を見直す。", target)
                 : sc_printf(ar, "Review the procedure and decision criteria so it is reached within %s.", target);
    if (o->reached && o->harmful_before)
        rec = rec ? (ja ? sc_printf(ar, "%s有害な対応（下記）を手順から外す。", rec)
                        : sc_printf(ar, "%s Take the harmful actions below out of the response.", rec))
                  : NULL;
    if (rec && lesson)
        rec = ja ? sc_printf(ar, "%s事例の教訓: %s", rec, tt_text_get(&lesson->text, L))
                 : sc_printf(ar, "%s The source's lesson: %s", rec, tt_text_get(&lesson->text, L));
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
        if (o->rating == TT_RATING_P)
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
            bool ja = L == TT_LANG_JA;
            char at[32];
            sc_time(b->at, L, at, sizeof at);
            const char *label = tt_scenario_action_label(sc, b->def->id, L);
            const char *role = tt_scenario_role_name(sc, b->role, L);
            const char *why = tt_text_get(&b->def->why_bad, L);
            long min = sc_minutes(b->cost);
            if (b->harmful) {
                txt[k] = ja ? sc_printf(&card->arena, "%s の「%s」（%s）は有害でした（%ld 分）。%s", at, label, role, min, why)
                            : sc_printf(&card->arena, "\"%s\" by %s at %s was harmful (%ld min). %s", label, role, at, min, why);
                rec[k] = ja ? sc_printf(&card->arena, "「%s」を対応手順から外し、%sに理由を周知する。", label, role)
                            : sc_printf(&card->arena, "Take \"%s\" out of the response and brief the %s role on why.", label, role);
            } else {
                txt[k] = ja ? sc_printf(&card->arena, "%s の「%s」（%s）は無駄で、%ld 分を失いました。%s", at, label, role, min, why)
                            : sc_printf(&card->arena, "\"%s\" by %s at %s was wasted and cost %ld min. %s", label, role, at, min, why);
                rec[k] = ja ? sc_printf(&card->arena, "初動では「%s」に時間を使わず、目標の達成を優先する。", label)
                            : sc_printf(&card->arena, "Leave \"%s\" out of the first response; spend the time on the objectives.", label);
            }
            if (rec[k] && lesson)
                rec[k] = ja ? sc_printf(&card->arena, "%s事例の教訓: %s", rec[k], tt_text_get(&lesson->text, L))
                            : sc_printf(&card->arena, "%s The source's lesson: %s", rec[k], tt_text_get(&lesson->text, L));
            if (!txt[k] || !rec[k])
                return -1;
        }
        f->finding = (tt_text){ txt[0], txt[1] };
        f->recommendation = (tt_text){ rec[0], rec[1] };
        f->owner = b->role;
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
            bool ja = L == TT_LANG_JA;
            const char *text = tt_text_get(&l->def->text, L);
            txt[k] = ja ? sc_printf(&card->arena, "事例の教訓が演習で実施されませんでした: %s", text)
                        : sc_printf(&card->arena, "A lesson of the source was not covered: %s", text);
            if (a)
                rec[k] = ja ? sc_printf(&card->arena, "事例の再発防止策を取り入れる: 「%s」（%s）を手順に加えて訓練する。",
                                        tt_scenario_action_label(sc, a->id, L), tt_scenario_role_name(sc, first_role(a), L))
                            : sc_printf(&card->arena, "Adopt the source's prevention measure: add \"%s\" (%s) to the procedure and drill it.",
                                        tt_scenario_action_label(sc, a->id, L), tt_scenario_role_name(sc, first_role(a), L));
            else
                rec[k] = ja ? sc_printf(&card->arena, "事例の再発防止策を取り入れる: %s", text)
                            : sc_printf(&card->arena, "Adopt the source's prevention measure: %s", text);
            if (!txt[k] || !rec[k])
                return -1;
        }
        f->finding = (tt_text){ txt[0], txt[1] };
        f->recommendation = (tt_text){ rec[0], rec[1] };
        f->owner = first_role(a);
        f->priority = TT_PRIORITY_MEDIUM;
        f->lesson = l->def->id;
    }
    return 0;
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
    sort_rows(card);
    return 0;
}
