/* Private layout of an exercise, shared by the files of engine/exercise. */
#ifndef TABLETOP_EXERCISE_INTERNAL_H
#define TABLETOP_EXERCISE_INTERNAL_H

#include "tabletop/exercise.h"

/* Event kinds in the simulation queue. */
enum {
    EV_INJECT = 1,   /* index: inject                     */
    EV_DYNAMIC,      /* index: dynamic                    */
    EV_ACTION_DONE,  /* index: slot in ex->running        */
    EV_MESSAGE,      /* index: slot in ex->messages       */
    EV_DEFERRED,     /* index: slot in ex->calls          */
    EV_LIMIT,        /* index: objective                  */
    EV_END
};

typedef struct running_action {
    int action;
    char *role;
    char *member;
    bool finished;     /* its effect applied (slots are kept: events index them) */
    tt_ms started;     /* when it was taken */
    int bad;           /* API 1.1: TT_TAKEN_HARMFUL/WASTED by its function, else 0 */
    bool cancelled;    /* API 1.1: cancelled in progress; its DONE event is void */
    bool waiting;      /* API 1.1: an actor asked (ctx.ask); waits for a reply */
    tt_ms asked;       /* when it was asked (while waiting) */
} running_action;

typedef struct pending_message {
    char *from;
    char *to;
    tt_text text;          /* malloc'd copies */
    tt_ms at;
    bool delivered;
    size_t next_free;      /* delivered slots are reused (free list) */
} pending_message;

typedef struct pending_call {
    int ref;               /* script reference of the function */
    char *actor;           /* whose reply this is, or NULL */
    size_t next_free;
} pending_call;

#define EX_NO_SLOT ((size_t)-1)

struct tt_exercise {
    tt_script *script;
    const tt_scenario *sc;
    tt_exercise_config cfg;
    tt_rng rng;
    tt_queue queue;
    tt_clock clock;
    tt_phase phase;
    tt_ms now;

    tt_objective_view *objectives;
    bool *inject_fired;
    bool *action_taken;
    bool *action_running;

    running_action *running;   size_t n_running, cap_running;
    pending_message *messages; size_t n_messages, cap_messages;
    tt_kv *changes; size_t cap_changes; /* a STATE record's changes, re-used */
    pending_call *calls;       size_t n_calls, cap_calls;
    size_t free_message, free_call;    /* heads of the free lists, EX_NO_SLOT */

    tt_kv *shown_state;        size_t n_shown_state;  /* last journaled state */

    size_t said;                       /* injects and messages so far */
    int last_said_inject;              /* scenario inject index of the last INJECT, -1 */
    int last_said_from;                /* actor index of the last MESSAGE's sender, -1 */
    tt_ms instant;                     /* time of the last event handled */
    size_t events_at_instant;          /* how many at that time (loop guard) */
    size_t message_bytes;              /* text said by actors so far (flood guard) */
    size_t inputs_taken;               /* actions, refusals and notes */
    tt_roster replay_roster;           /* members from a journal's START */
    tt_journal_writer *owned_journal;  /* restore opens its own */
    /* Replaying a journal: records produced are compared with these instead
     * of being written, until the cursor passes the end. */
    const tt_journal *expect;
    size_t expect_cursor;
    bool diverged;
    char diff[1024];
    tt_text why;                        /* last refusal reason */
    /* Display-only answers of the actions' `requires` (tt_exercise_can_act),
     * asked on a snapshot and kept while no callback ran and, for those that
     * read ctx.now, the time stayed (or moved less than PREVIEW_WALL_MS ago). */
    tt_preview *preview;       /* n_actions */
    bool *preview_want;
    bool preview_valid, preview_uses_now;
    uint64_t preview_calls;
    tt_ms preview_now;
    int64_t preview_wall;
};

/* A scenario that keeps scheduling itself at one instant (ctx.after(0, f)
 * calling itself) or floods the journal with messages is stopped with an
 * error instead of hanging or filling the disk. */
#define TT_MAX_EVENTS_PER_INSTANT 100000
#define TT_MAX_MESSAGE_BYTES ((size_t)64 << 20)
/* Events waiting in the queue (messages on their way, ctx.after calls,
 * running actions...): far above any real scenario, low enough that the
 * engine's memory stays bounded whatever a scenario schedules. */
#define TT_MAX_PENDING_EVENTS 100000

/* Write a record stamped with the current time (journal first, then sink). */
int ex_emit(tt_exercise *ex, tt_record *r, tt_error *err);
/* Facilitator controls without reading the wall clock (replay uses them). */
int ex_do_pause(tt_exercise *ex, int64_t wall_ms, tt_error *err);
int ex_do_set_speed(tt_exercise *ex, double speed, int64_t wall_ms, tt_error *err);
/* Compare a produced record with the next expected one (replay.c). */
int ex_expect(tt_exercise *ex, const tt_record *r, tt_error *err);
void ex_free_kvs(tt_kv *kvs, size_t n);

#endif
