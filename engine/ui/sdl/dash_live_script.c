/* Live rehearsal of an action script on the board. */
#include "dash_live.h"

/* Rehearsal: take every script step the clock will have reached by wall
 * time w, each at exactly its own time (advance first, then act), so the
 * journal is the same as a headless run of the script. The look-ahead
 * (clock estimate plus a little) keeps a step from being overtaken by the
 * clock, which would stamp it later than written. */
int live_play_due_steps(live *L, int64_t w, tt_error *err)
{
    const tt_action_script *s = L->o->script;
    if (!s || tt_exercise_phase(L->ex) != TT_PHASE_RUNNING)
        return 0;
    double speed = tt_exercise_speed(L->ex);
    tt_ms horizon = L->anchor_sim + (tt_ms)((double)(w - L->anchor_wall) * speed) +
                    (tt_ms)speed + 2;
    while (L->next_step < s->n_steps && tt_exercise_phase(L->ex) == TT_PHASE_RUNNING) {
        const tt_script_step *st = &s->steps[L->next_step];
        if (st->at > horizon)
            break;
        if (st->at > tt_exercise_now(L->ex) && tt_exercise_advance(L->ex, st->at, err) != 0)
            return -1;
        if (tt_exercise_phase(L->ex) == TT_PHASE_ENDED)
            break;
        L->next_step++;
        const char *member = st->member ? st->member
                           : L->o->roster ? tt_roster_member_for(L->o->roster, st->by)
                                          : live_member_for(L, st->by);
        int rc = st->action
            ? tt_exercise_act(L->ex, st->by, st->action, member, st->note, NULL, err)
            : tt_exercise_note(L->ex, st->by, member, st->note, err);
        if (rc != 0)
            return -1;
    }
    return 0;
}

