/* Event handling inside an exercise (events.c). */
#ifndef TABLETOP_EXERCISE_EVENTS_H
#define TABLETOP_EXERCISE_EVENTS_H

#include "internal.h"

/* Queue timed injects, dynamics, objective limits and the end. */
int ex_schedule_initial(tt_exercise *ex, tt_error *err);
/* Handle one popped event, then settle its consequences. */
int ex_handle_event(tt_exercise *ex, const tt_event *ev, tt_error *err);
/* After any change: journal state changes, reach objectives, fire
 * conditional injects, end when every objective is settled. */
int ex_settle(tt_exercise *ex, tt_error *err);
/* Queue what the last script calls scheduled (messages, deferred calls). */
int ex_take_scheduled(tt_exercise *ex, tt_error *err);
/* Record an objective as reached now (if still open or missed). */
int ex_reach_objective(tt_exercise *ex, int objective, tt_error *err);
int ex_remember_state(tt_exercise *ex, const tt_kv *state, size_t n, tt_error *err);
int ex_finish(tt_exercise *ex, const char *reason, tt_error *err);
/* An action's completion (its DONE event, or a reply to the question its
 * actor asked): runs does, then journals DONE, DECLINED or ASKED. */
int ex_action_done(tt_exercise *ex, int slot, const char *answer, tt_error *err);

#endif
