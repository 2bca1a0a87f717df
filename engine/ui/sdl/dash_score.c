/* Provisional score shown during a drill, by the scorecard's own rules
 * (tt_score_points, docs/scorecard.md): each objective is scored as if every
 * open objective were reached right now; once the exercise has ended,
 * unreached objectives score 0 as on the card, so the final board shows the
 * card's score. Harmful and wasted actions started before an objective was
 * reached cost points exactly as on the card. */
#include "dash.h"
#include "tabletop/score.h"

static void bad_before(const dash_view *v, tt_ms before, size_t *harmful,
                       size_t *wasted)
{
    *harmful = *wasted = 0;
    for (size_t k = 0; k < v->n_feed; k++) {
        const tt_record *r = v->feed[k];
        if (r->type != TT_REC_ACTION || r->t >= before)
            continue;
        int a = tt_scenario_action(v->sc, r->id);
        if (a < 0)
            continue;
        if (v->sc->actions[a].harmful)
            (*harmful)++;
        else if (v->sc->actions[a].wasted)
            (*wasted)++;
    }
}

int dash_objective_points(const dash_view *v, size_t i)
{
    const tt_objective *o = &v->sc->objectives[i];
    const dash_objective *d = &v->objectives[i];
    tt_ms reached = d->status == TT_OBJECTIVE_REACHED ? d->at
                    : v->ended ? TT_MS_NEVER : v->now;
    if (reached == TT_MS_NEVER)
        return 0;
    /* Open objectives: every bad action so far counts, as it would on the
     * card if the objective were reached now. */
    size_t harmful, wasted;
    bad_before(v, d->status == TT_OBJECTIVE_REACHED ? d->at : TT_MS_NEVER,
               &harmful, &wasted);
    return tt_score_points(reached, o->target, o->limit, harmful, wasted);
}

int dash_objective_rating(const dash_view *v, size_t i)
{
    const tt_objective *o = &v->sc->objectives[i];
    const dash_objective *d = &v->objectives[i];
    size_t harmful, wasted;
    tt_ms reached = d->status == TT_OBJECTIVE_REACHED ? d->at : TT_MS_NEVER;
    bad_before(v, reached, &harmful, &wasted);
    return (int)tt_score_rate(reached, o->target, o->limit, harmful);
}

double dash_score(const dash_view *v)
{
    if (v->sc->n_objectives == 0)
        return 0.0;
    long total = 0;
    for (size_t i = 0; i < v->sc->n_objectives; i++)
        total += dash_objective_points(v, i);
    long n = (long)v->sc->n_objectives;
    return (double)((total + n / 2) / n);
}
