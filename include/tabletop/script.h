/* Scenario host: runs one scenario's Lua inside a sandbox and exposes its
 * behaviour to C by index. No function here lets a Lua error escape: every
 * call into Lua is protected and returns -1 with a located message.
 * The scenario API itself is documented in docs/scenario-api.md. */
#ifndef TABLETOP_SCRIPT_H
#define TABLETOP_SCRIPT_H

#include "tabletop/base.h"
#include "tabletop/scenario.h"
#include "tabletop/sim.h"

#define TT_SCENARIO_MAX_BYTES ((size_t)8 << 20)          /* a scenario file */
#define TT_SANDBOX_DEFAULT_MEMORY ((size_t)64 << 20)      /* 64 MiB */
#define TT_SANDBOX_DEFAULT_LOAD_BUDGET 50000000ULL       /* instructions, top-level chunk */
#define TT_SANDBOX_DEFAULT_CALL_BUDGET 5000000ULL        /* instructions, each callback */
#define TT_SANDBOX_DEFAULT_WALL_MS 10000ULL              /* safety net, each run */
#define TT_SANDBOX_DEFAULT_EXERCISE_BUDGET 5000000000ULL  /* instructions, one exercise */
#define TT_SANDBOX_DEFAULT_HOUR_BUDGET 200000000ULL       /* instructions, one simulated hour */

/* A field left 0 takes its default. The instruction budget is the normal,
 * deterministic limit; the wall-clock limit only catches work in C that
 * instructions do not count (see docs/scenario-api.md, "Sandbox"). */
typedef struct tt_sandbox_limits {
    size_t memory_bytes;
    uint64_t load_instructions;
    uint64_t call_instructions;
    uint64_t wall_ms;
    /* All callbacks of one exercise together (load included), and those of
     * one simulated hour: a chain rescheduling itself every millisecond, or
     * many conditions each just under call_instructions, ends the run. */
    uint64_t exercise_instructions;
    uint64_t hour_instructions;
} tt_sandbox_limits;

void tt_sandbox_limits_default(tt_sandbox_limits *l);

typedef struct tt_script tt_script;

/* Load, run and validate a scenario file. NULL on failure; err says where. */
tt_script *tt_script_load(const char *path, const tt_sandbox_limits *limits,
                          tt_error *err);
/* Same from memory; `name` is used as the file name in messages (tests). */
tt_script *tt_script_load_buffer(const char *name, const char *text, size_t len,
                                 const tt_sandbox_limits *limits, tt_error *err);
/* A scenario file's bytes, read whole once (a regular file of at most
 * TT_SCENARIO_MAX_BYTES): malloc'ed, *len set; NULL with err set. For a
 * caller that also hashes them before loading (tt_script_load_text). */
char *tt_script_read_file(const char *path, size_t *len, tt_error *err);
/* Load from bytes read by tt_script_read_file; takes `text` (freed here
 * on failure, by tt_script_free otherwise). `hash`: their tt_sha256_hex
 * when the caller has it already, else NULL. */
tt_script *tt_script_load_text(const char *path, char *text, size_t len, const char *hash,
                               const tt_sandbox_limits *limits, tt_error *err);
/* For a reader that needs the model alone (score): from the model cache
 * when it holds the model of these bytes (docs/architecture.md "The model
 * cache"), else loaded as tt_script_load_text does under the default
 * limits. Takes `text`. A script from the cache has no Lua state: only
 * tt_script_scenario and tt_script_free may be used on what this returns. */
tt_script *tt_script_load_model(const char *path, char *text, size_t len, const char *hash,
                                tt_error *err);
void tt_script_free(tt_script *s);

const tt_scenario *tt_script_scenario(const tt_script *s);

/* Start an exercise: a fresh state table from the scenario's `state`, with
 * settings defaults then `overrides` applied (keys must be settings; a
 * value of another type is an error, except that the strings "true"/"false"
 * and numeric strings are converted for boolean and number settings). A
 * second begin on the same script re-runs the file in a fresh Lua state. All randomness (ctx.random, ctx.chance, math.random, actor
 * delays) is drawn from `rng`, which the caller owns and keeps alive. */
int tt_script_begin(tt_script *s, tt_rng *rng, const tt_kv *overrides,
                    size_t n_overrides, tt_error *err);

/* ---- Behaviour. `now` is the simulated time of the call (ctx.now). ---- */
/* Precondition of an action; *why gets the scenario's reason when refused
 * (owned by the script, valid until the next call). */
int tt_script_action_allowed(tt_script *s, int action, tt_ms now, bool *ok,
                             tt_text *why, tt_error *err);
/* Preconditions asked only for display (menus, buttons): the `requires` of
 * each action with want[i] runs on a copy-on-write snapshot of the process
 * (a forked child), so nothing it writes (upvalues, globals, tables they
 * reach, the RNG, work counters) reaches the exercise. out has one entry per
 * action; its texts are owned by the script until the next preview. -1 (all
 * entries unknown) when no snapshot could be taken. */
typedef struct tt_preview {
    bool known;      /* answered (false: not asked, or no snapshot) */
    bool ok;
    bool failed;     /* the precondition raised an error */
    bool uses_now;   /* it read ctx.now: its answer may change as time moves */
    tt_text why;     /* the scenario's reason when not ok */
} tt_preview;
int tt_script_preview_allowed(tt_script *s, tt_ms now, const bool *want,
                              tt_preview *out, tt_error *err);
/* Callbacks run so far on this script: a display answer stays true while
 * this count and the time it read stay the same. */
uint64_t tt_script_calls(const tt_script *s);
/* Apply an action's effect (`does`), called when it completes. */
/* Apply an action's effect (`does`), called when it completes. `answer` is
 * the team's reply to the question the action asked (ctx.answer), or NULL.
 * *outcome tells whether `does` called ctx.refuse or ctx.ask (API 1.1): the
 * actor's words are in *said (owned by the script, valid until the next
 * call) and *asker is the actor id. */
typedef enum tt_action_outcome {
    TT_OUTCOME_DONE, TT_OUTCOME_REFUSED, TT_OUTCOME_ASKED
} tt_action_outcome;
int tt_script_action_apply(tt_script *s, int action, tt_ms now,
                           const char *role, tt_error *err);
int tt_script_action_finish(tt_script *s, int action, tt_ms now, const char *role,
                            const char *answer, tt_action_outcome *outcome,
                            const char **asker, tt_text *said, tt_error *err);
/* API 1.1: an action's duration when `takes` is a function (evaluated when
 * the action starts; *takes is the static value otherwise). */
int tt_script_action_takes(tt_script *s, int action, tt_ms now, const char *role,
                           tt_ms *takes, tt_error *err);
/* API 1.1: `harmful`/`wasted` as a function: *bad is set when it returned a
 * reason (copied to *why, owned by the script until the next call). */
int tt_script_action_bad(tt_script *s, int action, tt_ms now, const char *role,
                         bool *bad, tt_text *why, tt_error *err);
/* API 1.1: an action's optional `on_cancel`, run when it is cancelled. */
int tt_script_action_cancelled(tt_script *s, int action, tt_ms now, const char *role,
                               tt_error *err);
int tt_script_dynamic_run(tt_script *s, int dynamic, tt_ms now, tt_error *err);
/* Conditional injects: does its `when` hold now? */
int tt_script_inject_due(tt_script *s, int inject, tt_ms now, bool *due,
                         tt_error *err);
/* The inject's optional `does` effect, run when it fires. */
int tt_script_inject_fired(tt_script *s, int inject, tt_ms now, tt_error *err);
/* Objectives with a `when` condition: does it hold now? */
int tt_script_objective_met(tt_script *s, int objective, tt_ms now, bool *met,
                            tt_error *err);
/* Run a function scheduled earlier with ctx.after (then forget it). */
int tt_script_call_deferred(tt_script *s, int ref, tt_ms now, tt_error *err);

/* Work done by the scenario's callbacks since tt_script_begin (instructions
 * and charged C work). Deterministic: the same inputs give the same count. */
uint64_t tt_script_work(const tt_script *s);
/* Put the count back (a display-only question must not change the run). */
void tt_script_set_work(tt_script *s, uint64_t work);
/* -1 with a located error when the exercise's or this simulated hour's
 * total work limit is passed; the exercise calls it after each event. */
int tt_script_check_work(tt_script *s, tt_ms now, tt_error *err);

/* What the last calls scheduled: messages (ctx.message) and deferred
 * functions (ctx.after). Delays are already resolved (an actor id as delay
 * draws from that actor's reply range). The array is owned by the script and
 * emptied by this call; valid until the next call into the script. */
typedef enum tt_sched_kind { TT_SCHED_MESSAGE, TT_SCHED_CALL } tt_sched_kind;
typedef struct tt_scheduled {
    tt_sched_kind kind;
    tt_ms delay;        /* from the time of the call that scheduled it */
    const char *from;   /* message: actor or role id; call: the actor whose
                           reply delay was used (an actor's answer on its
                           way), else NULL */
    const char *to;     /* message: role id or NULL for everyone */
    tt_text text;       /* message */
    int ref;            /* call: pass to tt_script_call_deferred */
} tt_scheduled;

size_t tt_script_take_scheduled(tt_script *s, tt_scheduled **out);

/* Every behaviour call, in order (bench/ replays them in bare Lua). The
 * tracer runs after each call that found its function and succeeded;
 * `index` is the action, dynamic, inject or objective index, or the
 * ctx.after reference for TT_CB_DEFERRED; `result` is a condition's value. */
typedef enum tt_callback {
    TT_CB_REQUIRES, TT_CB_DOES, TT_CB_RUN, TT_CB_INJECT_WHEN, TT_CB_INJECT_DOES,
    TT_CB_OBJECTIVE_WHEN,
    TT_CB_TAKES,        /* API 1.1: an action's `takes` function */
    TT_CB_BAD,          /* API 1.1: an action's `harmful` or `wasted` function */
    TT_CB_ON_CANCEL,    /* API 1.1: an action's `on_cancel` */
    TT_CB_DEFERRED
} tt_callback;
typedef void (*tt_script_tracer)(void *user, tt_callback kind, int index, tt_ms now,
                                 const char *role, bool result);
void tt_script_set_tracer(tt_script *s, tt_script_tracer fn, void *user);

/* Forget what every condition read, so each is run again at its next check
 * (benchmarks measure a callback's full cost with it). */
void tt_script_forget_conditions(tt_script *s);

/* Current state, sorted by key. Owned by the script, valid until the next
 * call into the script. Values are booleans, integers, numbers or strings. */
int tt_script_state(tt_script *s, const tt_kv **out, size_t *n, tt_error *err);

/* The state keys written since the last call (or since begin), in key
 * order, with their current values; index[i] is each one's position in
 * tt_script_state's list. A key written back to the same value is listed
 * too. Owned by the script, valid until the next call into the script. */
int tt_script_state_changes(tt_script *s, const tt_kv **out, const uint32_t **index,
                            size_t *n, tt_error *err);

/* Source lines of a behaviour function (static analysis; nothing runs):
 * kind is "requires", "does", "run", "inject_when", "inject_does" or
 * "objective_when", index that of its action, dynamic, inject or objective.
 * -1 when there is no such function. */
int tt_script_function_lines(tt_script *s, const char *kind, size_t index, int *first,
                             int *last);

/* Best-effort source line of a field path ("objectives.x.target") in the
 * scenario's table, 0 when not found (docs/scenario-api.md, "Errors"). */
int tt_script_field_line(tt_script *s, const char *path);

/* sha256 hex of a byte buffer (used for the scenario content hash). */
void tt_sha256_hex(const void *data, size_t len, char out[65]);

#endif
