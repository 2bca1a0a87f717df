/* The script host's private state, shared by its source files. */
#ifndef TT_SCRIPT_HOST_H
#define TT_SCRIPT_HOST_H

#include <lua.h>

#include "sandbox.h"
#include "tabletop/script.h"

/* Size limits on what leaves the Lua state: its memory cap does not bound
 * copies made in C (one 60 MB string referenced a thousand times). */
#define TT_MAX_TEXT ((size_t)64 << 10)       /* bytes in one text or state string */
#define TT_MAX_ENTRIES 1000                   /* entries in one map or list */
#define TT_MAX_SCHEDULED 10000                /* messages + calls between two takes */
#define TT_MAX_SCHEDULED_BYTES ((size_t)16 << 20)

/* Registry keys. */
#define TT_REG_FNS "tt.fns"            /* behaviour functions by kind and index */
#define TT_REG_STATE "tt.state"        /* the real state table */
#define TT_REG_DECL "tt.decl"          /* declared keys -> "boolean"/"number"/"string" */
#define TT_REG_INITIAL "tt.initial"    /* state defaults (state + settings) */
#define TT_REG_PROXY "tt.proxy"        /* the `s` userdata handed to callbacks */
#define TT_REG_DEFERRED "tt.deferred"  /* ctx.after functions by ref */
#define TT_REG_REPLIES "tt.replies"    /* ref -> actor id when delayed by an actor */
#define TT_REG_RESULT "tt.result"      /* the table given to scenario{} */

/* Kinds of behaviour functions (subtables of TT_REG_FNS). */
#define TT_FN_REQUIRES "requires"
#define TT_FN_DOES "does"
#define TT_FN_RUN "run"
#define TT_FN_INJECT_WHEN "inject_when"
#define TT_FN_INJECT_DOES "inject_does"
#define TT_FN_OBJECTIVE_WHEN "objective_when"

struct tt_script {
    tt_sandbox *sb;             /* malloc'ed: it is the allocator's ud */
    lua_State *L;
    tt_scenario model;          /* owns path, ids and texts */
    tt_sandbox_limits limits;
    char *text;                 /* the file's bytes (to rebuild the state) */
    size_t text_len;
    const char **state_keys;    /* sorted, in the model arena */
    size_t n_state_keys;
    tt_rng *rng;
    bool begun;

    /* The call in progress. */
    tt_ms now;
    const char *role;
    bool read_only;             /* conditions may not change anything */
    const char *where;          /* "actions.x.does" */
    const char *replying;       /* actor whose reply is running (ctx.after(actor)) */

    /* ctx.message / ctx.after results not yet taken. */
    tt_scheduled *pending;
    size_t n_pending, cap_pending;
    size_t pending_bytes;
    tt_arena pending_arena;
    tt_scheduled *taken;
    tt_arena taken_arena;
    int next_deferred;

    tt_script_tracer tracer;    /* bench/: every call, in order */
    void *tracer_user;

    tt_arena scratch;           /* why texts and state snapshots */
    tt_kv *snapshot;
};

/* model.c: the global `scenario` function and extraction of the table the
 * chunk returned into s->model, run under lua_pcall after the chunk.
 * [-1, +0]: takes the returned value from the stack top. On a validation
 * failure it fills *err and raises; the caller uses *err. */
int tt_model_extract(lua_State *L);
void tt_model_install(lua_State *L);

/* Context for tt_model_extract, passed as a light userdata. */
typedef struct tt_model_job {
    tt_script *script;
    tt_error *err;
    bool failed;                /* err holds a validation message */
} tt_model_job;

/* text.c: valid UTF-8 of characters the journal (YAML) can hold. */
bool tt_host_text_ok(const char *text, size_t len, char *why, size_t why_size);

/* The script that owns a state (C closures find it here, never through
 * upvalues, so a rebuilt state can be moved to its script). */
tt_script *tt_host_of(lua_State *L);

/* state.c: lua_CFunction, creates the real state table, the `s` proxy and
 * the deferred-call table. Run protected after extraction. */
int tt_state_install(lua_State *L);

/* ctx.c: build the ctx table for a call. [-0, +1], may raise. */
void tt_ctx_push(lua_State *L, tt_script *s);

#endif
