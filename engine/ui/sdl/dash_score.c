/* The dashboard's score: the drill scored as if it ended at the board's
 * time, by the one rule set the scorecard and the terminal's /status use
 * (tt_score_ended_now, docs/scorecard.md "Ending early"): reached
 * objectives as on the card, unreached ones past their limit U, open ones
 * before their limit not assessed. Once the exercise has ended this is the
 * card's own score. */
#include "dash.h"

int dash_score_now(dash_view *v)
{
    const tt_scenario *sc = v->sc;
    for (size_t i = 0; i < sc->n_objectives; i++)
        v->reached[i] = v->objectives[i].status == TT_OBJECTIVE_REACHED ? v->objectives[i].at
                                                                         : TT_MS_NEVER;
    tt_score_ended_now(sc, v->now, v->reached, v->taken, v->n_taken, v->verdicts, &v->scored);
    v->score = v->scored.score;
    return 0;
}

int dash_objective_points(const dash_view *v, size_t i)
{
    return v->verdicts[i].score;
}

int dash_objective_rating(const dash_view *v, size_t i)
{
    return (int)v->verdicts[i].rating;
}

double dash_score(const dash_view *v)
{
    return v->score;
}
