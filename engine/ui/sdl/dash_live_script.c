/* Live rehearsal of an action script on the board. */
#include "dash_live.h"

/* Rehearsal: take every script step the clock will have reached by wall
 * time w, each at exactly its own time, so the journal is the same as a
 * headless run of the script. The look-ahead (clock estimate plus a
 * little) keeps a step from being overtaken by the clock, which would
 * stamp it later than written. */
int live_play_due_steps(live *L, int64_t w, tt_error *err)
{
    double speed = tt_exercise_speed(L->ex);
    tt_ms horizon = L->anchor_sim + (tt_ms)((double)(w - L->anchor_wall) * speed) +
                    (tt_ms)speed + 2;
    return tt_exercise_play_until(L->ex, L->o->script, &L->next_step, horizon, err);
}
