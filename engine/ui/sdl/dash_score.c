/* The dashboard's score: the drill scored as if it ended at the board's
 * time, by the one rule set the scorecard and the terminal's /status use
 * (tt_score_ended_now, docs/scorecard.md "Ending early"): reached
 * objectives as on the card, unreached ones past their limit U, open ones
 * before their limit not assessed. Once the exercise has ended this is the
 * card's own score. */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

int dash_score_now(dash_view *v)
{
    const tt_scenario *sc = v->sc;
    size_t n_taken = 0;
    for (size_t k = 0; k < v->n_feed; k++)
        n_taken += v->feed[k]->type == TT_REC_ACTION;
    tt_ms *reached = calloc(sc->n_objectives + 1, sizeof *reached);
    tt_action_taken *taken = calloc(n_taken + 1, sizeof *taken);
    if (!reached || !taken) {
        free(reached);
        free(taken);
        return -1;
    }
    n_taken = 0;
    for (size_t k = 0; k < v->n_feed; k++)
        if (v->feed[k]->type == TT_REC_ACTION)
            taken[n_taken++] = (tt_action_taken){
                v->feed[k]->t, tt_scenario_action(sc, v->feed[k]->id),
                /* API 1.1: a harmful/wasted function's verdict is on the record */
                !v->feed[k]->status                         ? 0
                : strcmp(v->feed[k]->status, "harmful") == 0 ? TT_TAKEN_HARMFUL
                : strcmp(v->feed[k]->status, "wasted") == 0  ? TT_TAKEN_WASTED
                                                             : 0 };
    for (size_t i = 0; i < sc->n_objectives; i++)
        reached[i] = v->objectives[i].status == TT_OBJECTIVE_REACHED ? v->objectives[i].at
                                                                      : TT_MS_NEVER;
    tt_score_ended_now(sc, v->now, reached, taken, n_taken, v->verdicts, &v->scored);
    v->score = v->scored.score;
    free(reached);
    free(taken);
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
