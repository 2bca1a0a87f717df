/* One exercise: a scenario (script host) driven by the simulation core,
 * writing every record to the journal before any front-end sees it.
 * Front-ends (headless runner, terminal drill, SDL dashboard) drive it with
 * the same calls; none of them touches Lua. */
#ifndef TABLETOP_EXERCISE_H
#define TABLETOP_EXERCISE_H

#include "tabletop/journal.h"
#include "tabletop/inputs.h"
#include "tabletop/script.h"
#include "tabletop/sim.h"

typedef struct tt_exercise tt_exercise;

/* Called after each record has been journaled (and fsynced when durable). */
typedef void (*tt_record_sink)(void *user, const tt_record *r);

typedef struct tt_exercise_config {
    uint64_t seed;
    double speed;                 /* sim ms per wall ms; 0 = as fast as possible */
    tt_lang lang;
    const tt_roster *roster;      /* may be NULL */
    const tt_kv *settings;        /* scenario setting overrides */
    size_t n_settings;
    tt_journal_writer *journal;   /* borrowed; may be NULL */
    bool record_wall;             /* stamp records with wall time (live drills) */
    tt_record_sink sink;          /* may be NULL */
    void *sink_user;
    /* Run settings journaled in START for `resume` (all may be NULL). */
    const char *run_db;
    const char *run_scorecard;
    bool run_no_scorecard;
} tt_exercise_config;

/* A second source of inputs beside a front-end's own keyboard or mouse (the
 * web server): the front-end's loop calls pump on its own thread every turn
 * and wakes when fd (-1: none) is readable. pump sets *clock_changed when it
 * paused, resumed, changed the speed or skipped ahead. 0 ok, -1 with err. */
typedef struct tt_input_pump {
    int fd;
    int (*pump)(void *user, tt_exercise *ex, bool *clock_changed, tt_error *err);
    void *user;
} tt_input_pump;

/* Can a journal record these paths (START keeps them for replay, resume and
 * scoring)? The journal reader refuses control characters and text that is
 * not UTF-8, so a file named with one must be renamed before a drill: 0, or
 * -1 with an input error naming the path. Any may be NULL. */
int tt_exercise_check_recordable(const char *scenario_path, const char *db,
                                 const char *scorecard, tt_error *err);

/* The exercise borrows `script` (keep it alive; one exercise per script). */
tt_exercise *tt_exercise_new(tt_script *script, const tt_exercise_config *cfg,
                             tt_error *err);
void tt_exercise_free(tt_exercise *ex);

const tt_scenario *tt_exercise_scenario(const tt_exercise *ex);
tt_phase tt_exercise_phase(const tt_exercise *ex);
tt_ms tt_exercise_now(const tt_exercise *ex);
double tt_exercise_speed(const tt_exercise *ex);
uint64_t tt_exercise_seed(const tt_exercise *ex);

/* All functions returning int: 0 ok, -1 runtime failure with err set. */

/* Write START, queue timed injects and dynamics, process time 0.
 * wall_ms anchors the real-time clock (ignored when speed is 0). */
int tt_exercise_start(tt_exercise *ex, int64_t wall_ms, tt_error *err);

/* Headless: process every event up to and including simulated time `to`
 * (clamped to the scenario length); the exercise may end on the way. */
int tt_exercise_advance(tt_exercise *ex, tt_ms to, tt_error *err);
/* Real time: advance to the clock's simulated time at wall_ms. */
int tt_exercise_tick(tt_exercise *ex, int64_t wall_ms, tt_error *err);
/* Simulated time of the next queued event (TT_MS_NEVER when none before the end). */
tt_ms tt_exercise_next_event(const tt_exercise *ex);
/* Where the facilitator's "next" stopped, and why. */
typedef enum tt_stop_kind {
    TT_STOP_NONE,      /* nothing left to stop at before the end */
    TT_STOP_INJECT,    /* inject index `inject` was given */
    TT_STOP_MESSAGE,   /* actor `actor` (-1: a role) sent a message */
    TT_STOP_TARGET,    /* the target of open objective `objective` */
    TT_STOP_LIMIT,     /* the limit of open objective `objective` */
    TT_STOP_END        /* the exercise ended on the way */
} tt_stop_kind;

typedef struct tt_next_stop {
    tt_stop_kind kind;
    tt_ms at;          /* simulated time of the stop */
    int objective;     /* TARGET, LIMIT: objective index, else -1 */
    int inject;        /* INJECT: inject index, else -1 */
    int actor;         /* MESSAGE: sender's actor index, else -1 */
    bool blocked;      /* LIMIT not passed: ask, then call again with pass_limit */
} tt_next_stop;

/* Facilitator: jump the clock to the next inject, actor message, target or
 * limit of an open objective, whichever comes first, and say which in
 * *stop (may be NULL). The limit of an open objective is passed (and the
 * objective missed) only with pass_limit; otherwise the clock does not
 * move and stop->blocked is set, so the front-end can ask first. */
int tt_exercise_skip_to_next(tt_exercise *ex, int64_t wall_ms, bool pass_limit,
                             tt_next_stop *stop, tt_error *err);
/* Where it stopped and why, one line in `lang` ("stopped at +0:15:00:
 * target of ..."), or, when blocked, the question to ask. */
void tt_next_stop_say(const tt_scenario *sc, const tt_next_stop *stop, tt_lang lang,
                      char *buf, size_t size);

/* Take an action now. *refused (may be NULL) is set and a REFUSED record
 * written when the role may not take it or its precondition fails. */
int tt_exercise_act(tt_exercise *ex, const char *role, const char *action,
                    const char *member, const char *note, bool *refused,
                    tt_error *err);
/* API 1.1: cancel an action in progress (journaled as CANCEL; its effect
 * never applies, its on_cancel runs, it may be taken again). `role` must be
 * one that may take the action. *refused (may be NULL) is set, and nothing
 * written, when the action is not in progress or the role may not take it. */
int tt_exercise_cancel(tt_exercise *ex, const char *role, const char *action,
                       const char *member, const char *note, bool *refused,
                       tt_error *err);
/* API 1.1: the team's answer to the question an actor asked about an
 * action (ctx.ask), journaled as REPLY; the action's does runs again with
 * ctx.answer. *refused is set, and nothing written, when no question waits. */
int tt_exercise_reply(tt_exercise *ex, const char *role, const char *action,
                      const char *member, const char *answer, bool *refused,
                      tt_error *err);
/* Is action index `action` in progress (waiting included) / waiting for a reply? */
bool tt_exercise_action_in_progress(const tt_exercise *ex, int action);
bool tt_exercise_action_waiting(const tt_exercise *ex, int action);
/* Is `action` available to `role` now? why gets the reason when not
 * (owned by the exercise, valid until the next call). */
bool tt_exercise_can_act(tt_exercise *ex, const char *role, int action,
                         tt_text *why);

int tt_exercise_note(tt_exercise *ex, const char *role, const char *member,
                     const char *note, tt_error *err);
int tt_exercise_custom_inject(tt_exercise *ex, const tt_text *text, tt_error *err);
/* The facilitator's own inject for everyone (to NULL), one role (to), or one
 * member of that role (to and member). *refused (may be NULL) is set, and
 * nothing written, when the role is unknown or the member is not on the
 * roster in that role. */
int tt_exercise_inject_to(tt_exercise *ex, const tt_text *text, const char *to,
                          const char *member, bool *refused, tt_error *err);
/* A participant's answer to discussion question `question` (0-based) of
 * inject `inject`, journaled as ANSWER with the question's text. *refused
 * (may be NULL) is set, and nothing written, when the inject has not been
 * given, has no such question, or the answer is empty. */
int tt_exercise_answer(tt_exercise *ex, const char *role, const char *member,
                       const char *inject, size_t question, const char *answer,
                       bool *refused, tt_error *err);
/* Group commit for a burst of inputs (tt_journal_hold on the exercise's
 * journal): records are written at once and fsynced together on release. */
int tt_exercise_hold_journal(tt_exercise *ex, bool hold, tt_error *err);
/* Has inject `index` been given (timed or conditional)? */
bool tt_exercise_inject_given(const tt_exercise *ex, size_t index);
int tt_exercise_pause(tt_exercise *ex, int64_t wall_ms, tt_error *err);
int tt_exercise_resume(tt_exercise *ex, int64_t wall_ms, tt_error *err);
int tt_exercise_set_speed(tt_exercise *ex, double speed, int64_t wall_ms,
                          tt_error *err);
/* End by the facilitator ("facilitator"); idempotent once ended. */
int tt_exercise_end(tt_exercise *ex, tt_error *err);

/* The one way action-script steps are played (headless run, snapshot,
 * terminal, dashboard): while the exercise runs, take each step from
 * *next whose time is at most `horizon`, at its own simulated time
 * (advance to it, then act or note; a step already in the past is taken
 * now). *next moves past every step taken. Refused steps are journaled,
 * not fatal. A live front-end passes its clock's look-ahead as horizon. */
int tt_exercise_play_until(tt_exercise *ex, const tt_action_script *script, size_t *next,
                           tt_ms horizon, tt_error *err);
/* Headless: play every step from index `first`, then run to the end of
 * the exercise. */
int tt_exercise_play(tt_exercise *ex, const tt_action_script *script, size_t first,
                     tt_error *err);
/* Participant inputs taken so far (actions, refusals, notes), restored ones
 * included: after a resume, the index of the next script step to play. */
size_t tt_exercise_inputs_taken(const tt_exercise *ex);

/* ---- Views for status displays ---- */
typedef enum tt_objective_status {
    TT_OBJECTIVE_OPEN,
    TT_OBJECTIVE_REACHED,
    TT_OBJECTIVE_MISSED
} tt_objective_status;

typedef struct tt_objective_view {
    tt_objective_status status;
    tt_ms at;                     /* when reached or missed */
} tt_objective_view;

/* One entry per scenario objective, in scenario order. */
const tt_objective_view *tt_exercise_objectives(const tt_exercise *ex);

/* Current scenario state (sorted by key); valid until the next call. */
int tt_exercise_state(tt_exercise *ex, const tt_kv **out, size_t *n, tt_error *err);

typedef struct tt_pending {
    tt_ms at;
    bool is_action;               /* else an actor message on its way */
    const char *id;               /* action id or actor id */
    const char *role;             /* action: who took it */
    bool waiting;                 /* API 1.1: an action an actor asked about, waiting for
                                     the team's answer (`at`: when it was asked) */
} tt_pending;

/* Every action started so far (restored ones included), in the order
 * taken; what tt_score_ended_now needs. Returns a count; fills at most max. */
size_t tt_exercise_taken(const tt_exercise *ex, tt_action_taken *out, size_t max);

/* Actions in progress and actor replies on their way, soonest first.
 * An action waiting for the team's answer to an actor's question is in
 * progress too (it has no completion time: `waiting`, at its question's
 * time). Returns a count; fills at most `max`. */
size_t tt_exercise_pending(const tt_exercise *ex, tt_pending *out, size_t max);

/* ---- Journals: replay and resume ----
 * Re-run the inputs of a journal on a fresh exercise of the same scenario,
 * seed, settings and roster. `diff` gets the first difference ("record 12
 * (t=00:14:00): expected ... got ...") or stays empty. For resume the
 * returned exercise continues where the journal ends, appending to it. */
typedef struct tt_replay_result {
    bool identical;
    size_t records_compared;
    char diff[1024];
} tt_replay_result;

int tt_exercise_replay(tt_script *script, const tt_journal *journal,
                       tt_replay_result *result, tt_error *err);

/* Restore a killed exercise from its journal (same state and pending events),
 * appending new records to `journal_path`. The clock continues paused at the
 * last recorded time; call tt_exercise_resume to go on live. */
tt_exercise *tt_exercise_restore(tt_script *script, const tt_journal *journal,
                                 const char *journal_path,
                                 const tt_exercise_config *overrides,
                                 tt_error *err);

#endif
