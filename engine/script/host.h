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
#define TT_REG_KEYS "tt.keys"          /* declared key -> its index in state_keys */
#define TT_REG_NAMES "tt.names"        /* index + 1 -> declared key */
#define TT_REG_RECORDING_INDEX "tt.recidx" /* the proxy's __index while conditions run */
#define TT_REG_PAIRS "tt.pairs"        /* the state's __pairs */
#define TT_REG_VIEW_MT "tt.viewmt"     /* metatable of a condition's view */
#define TT_REG_VIEW_NEWINDEX "tt.viewni" /* __newindex of a condition's proxy */
#define TT_REG_CTX_TABLE "tt.ctxt"     /* ctx's fields: functions and now */

/* Kinds of behaviour functions (subtables of TT_REG_FNS). */
#define TT_FN_REQUIRES "requires"
#define TT_FN_DOES "does"
#define TT_FN_RUN "run"
#define TT_FN_INJECT_WHEN "inject_when"
#define TT_FN_INJECT_DOES "inject_does"
#define TT_FN_OBJECTIVE_WHEN "objective_when"
#define TT_FN_TAKES "takes"            /* API 1.1 */
#define TT_FN_BAD "bad"                /* API 1.1: harmful or wasted as a function */
#define TT_FN_ON_CANCEL "on_cancel"    /* API 1.1 */

/* Behaviour functions by registry reference, per Lua state (a rebuilt state
 * brings its own): fn[off[kind] + index], LUA_NOREF when absent. Kinds are
 * tt_callback values before TT_CB_DEFERRED. */
#define TT_N_FN_KINDS TT_CB_DEFERRED
/* A state key's value as the proxy last saw it (tt_script.held). */
enum { TT_HELD_UNKNOWN, TT_HELD_BOOL, TT_HELD_INT, TT_HELD_NUM };
typedef struct tt_held {
    unsigned char kind;
    union {
        int b;
        lua_Integer i;
        lua_Number n;
    } as;
} tt_held;

typedef struct tt_cond_refs {
    int proxy, view;            /* the condition's own `s` and what it reads */
    int ctx, ctx_table;         /* its own ctx and that ctx's fields */
} tt_cond_refs;

typedef struct tt_host_refs {
    int *fn;
    size_t off[TT_N_FN_KINDS + 1];
    int proxy;                  /* the `s` userdata */
    int ctx;                    /* the ctx userdata, one per state */
    /* Switching between plain calls (reads are table reads) and conditions
     * (reads through the main proxy or ctx are recorded): */
    int proxy_mt, state, recording_index;
    int ctx_mt, ctx_table, ctx_index;
    int names;                  /* index + 1 -> key */
    int key_index, key_now;     /* the strings "__index" and "now", kept interned */
    tt_cond_refs *cond;         /* injects, then objectives */
} tt_host_refs;

/* What a condition (inject or objective `when`) has read, so it is re-run
 * only when one of those state keys was written since it last ran, or time
 * moved and it read ctx.now. A condition that drew random numbers runs
 * every time; one that iterated the state or read more than TT_MEMO_READS
 * keys is "wide": it always runs, through the main proxy.
 * Conditions are functions of the state and ctx.now (docs/scenario-api.md).
 *
 * Each condition reads the state through its own view: a table holding the
 * keys it has read so far (a first read of a key records it), refreshed
 * before a run with the keys written since; so a read is a table read. The
 * keys it has read are kept across runs (their union), the same for ctx.now. */
#define TT_MEMO_READS 16
typedef struct tt_cond_memo {
    uint64_t at_gen;            /* state write generation when it ran; 0 = run it */
    uint64_t synced_gen;        /* its view holds the values of this generation */
    tt_ms at_now;
    tt_ms ctx_now;              /* its ctx's now, once it read it */
    bool uses_now;
    bool ctx_has_now;           /* its own ctx holds now (kept current) */
    bool value;
    unsigned n_reads;           /* > TT_MEMO_READS: wide */
    uint32_t reads[TT_MEMO_READS];
    uint64_t scalars_epoch;     /* its upvalues held no object at this lua_epoch */
} tt_cond_memo;

/* Where a loop-free function's calls go (straight.c, tt_host_fn_lib_calls). */
#define TT_LIB_CALL_SITES 8
typedef struct tt_lib_call {
    int upvalue;  /* the table's upvalue (0-based), or -1: a ctx field */
    char lib[41]; /* the field of the upvalue's table holding the library */
    char name[41];
    lua_CFunction leaf; /* the last function found there that is a leaf */
} tt_lib_call;
typedef struct tt_lib_calls {
    size_t length; /* the function's instructions */
    size_t n;      /* sites, those of one table together */
    tt_lib_call site[TT_LIB_CALL_SITES];
} tt_lib_calls;

struct tt_script {
    tt_sandbox *sb;             /* malloc'ed: it is the allocator's ud */
    lua_State *L;
    tt_scenario model;          /* owns path, ids and texts */
    tt_sandbox_limits limits;
    int64_t work_hour;          /* simulated hour of work_at_hour */
    uint64_t work_at_hour;      /* tt_script_work when that hour began */
    char *text;                 /* the file's bytes (to rebuild the state) */
    size_t text_len;
    const char **state_keys;    /* sorted, in the model arena */
    size_t n_state_keys;
    tt_rng *rng;
    bool begun;
    bool ran;                   /* a callback ran since the Lua state was built */
    uint64_t calls;             /* callbacks run, ever (tt_script_calls) */
    uint64_t lua_epoch;         /* bumped when Lua that could assign an upvalue
                                   runs (call.c: not an unhooked function
                                   without SETUPVAL, nor a condition that
                                   reads only fields and was checked) */

    /* The call in progress. */
    tt_ms now;
    const char *role;
    bool read_only;             /* conditions may not change anything */
    int where_kind;             /* tt_callback of the call, -1 when none */
    int where_index;
    char where_text[200];       /* formatted only when a message needs it */
    const char *replying;       /* actor whose reply is running (ctx.after(actor)) */
    tt_cond_memo *recording;    /* the condition running, its reads recorded */
    bool condition_mode;        /* the main proxy and ctx record reads */
    tt_ms ctx_now;              /* the main ctx's now */
    const char *answer;         /* ctx.answer: the team's reply, or NULL */
    tt_action_outcome outcome;  /* what does said through ctx.refuse / ctx.ask */
    const char *outcome_from;   /* the actor that refused or asked */
    tt_text outcome_text;       /* its words (scratch arena) */

    /* Per Lua state (swapped with it on a rebuild). */
    tt_host_refs refs;

    /* State writes find a declared key's code (index * 4 + class) by the
     * address of its interned name: the key objects of the state's codes
     * table, which live as long as the state (state.c). Valid for the Lua
     * state it was filled from: cleared when another state is swapped in;
     * an image written back is the same state. */
    struct tt_key_slot *key_slots;
    size_t key_mask;            /* slots - 1; 0 = not filled */

    /* State writes: a generation per key, and the keys written since the
     * journal last saw the state (sorted on take). */
    uint64_t gen;
    uint64_t valid_from;        /* conditions' results from runs before are stale */
    uint64_t *written;          /* n_state_keys */
    bool *dirty;
    uint32_t *dirty_list;
    size_t n_dirty;
    tt_cond_memo *memo;         /* injects, then objectives */
    uint32_t *changed_index;    /* tt_script_state_changes' index output */
    /* What each key holds as the proxy last stored or compared it (a
     * boolean or number; TT_HELD_UNKNOWN otherwise, or since the state
     * table was last reset): a write of the same value is found without
     * reading the table. Cleared by tt_script_begin, the one other writer
     * of the state table (state.c). */
    struct tt_held *held;       /* n_state_keys */

    /* Compiled once per process: the chunk's bytecode as this engine dumped
     * it from the file's text (never read from a file). */
    char *bytecode;
    size_t bytecode_len;
    bool validated;             /* a rebuild: the text was checked already */
    bool loaded_before;         /* the model cache holds this text's model: it
                                   loaded, so no key is written twice in it */
    struct tt_recipe *recipe;   /* how a rebuild finds functions (recipe.c) */
    bool recipe_tried;          /* taken at the first rebuild (or failed) */
    uint8_t *straight;          /* per fn slot of refs: straight-line code (straight.c) */
    tt_lib_calls **lib_calls;   /* per fn slot: where a loop-free function's calls
                                   go (straight.c), NULL if not that kind */
    size_t n_lib_calls;         /* slots in lib_calls */
    tt_blocks *blocks;          /* the region of rebuilt states (blocks.c) */
    tt_sandbox_image *image;    /* a light rebuild's state as built: later
                                   rebuilds write it back (tt_sandbox_restore) */
    bool image_tried;

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
    tt_arena preview_arena;     /* why texts of the last preview (preview.c) */
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
/* [-0, +0, e] The bilingual text a scenario's code hands the engine at idx
 * (a reason returned by requires, harmful or wasted; ctx.message's,
 * ctx.refuse's and ctx.ask's text): a table whose 'ja' and 'en' are both
 * strings or, when one_string, a single string for both languages; each
 * checked (length, characters), charged to the sandbox and copied into
 * arena. Raises naming `what` on anything else ({}, one language only, a
 * number): one rule for every such text. */
tt_text tt_host_check_text(lua_State *L, int idx, tt_arena *arena, const char *what,
                           bool one_string);

/* The script that owns a state (C closures find it here, never through
 * upvalues, so a rebuilt state can be moved to its script). */
tt_script *tt_host_of(lua_State *L);

/* state.c: lua_CFunction, creates the real state table, the `s` proxy and
 * the deferred-call table. Run protected after extraction. */
int tt_state_install(lua_State *L);

/* state.c: forget the key codes found by name address (another state). */
void tt_state_forget_keys(tt_script *s);

/* [-0, +2] A condition's own view (a table) and its `s` proxy. */
int tt_state_push_view(lua_State *L);

/* ctx.c: lua_CFunction run protected once per state: creates the ctx
 * userdata (its fields in TT_REG_CTX_TABLE, now kept current by the
 * script, role read from the call in progress) and leaves it. */
int tt_ctx_create(lua_State *L);
/* [-0, +2] A condition's own ctx fields (a table) and its ctx userdata. */
int tt_ctx_push_condition(lua_State *L);
/* The ctx's __index while conditions run (upvalue: the fields table). */
int tt_ctx_recording_index(lua_State *L);
/* f is one of ctx's own functions (none calls Lua). */
bool tt_ctx_leaf(lua_CFunction f);
/* A time value at idx ("15m" or seconds); raises "what: ..." otherwise. */
tt_ms tt_host_check_time(lua_State *L, int idx, const char *what);
/* The number at idx for a message, as the author wrote it: an integer as
 * such, a float by tt_number_text (NaN and infinities in words). */
const char *tt_host_number_text(lua_State *L, int idx, char *buf, size_t size);

/* recipe.c: after the first build, where the behaviour functions are and
 * the state's declarations (NULL when they cannot be taken: rebuilds then
 * extract in full); tt_recipe_apply is the protected stand-in for
 * tt_model_extract on a rebuild (args: script, the chunk's result). */
typedef struct tt_recipe tt_recipe;
tt_recipe *tt_recipe_take(tt_script *s);
int tt_recipe_apply(lua_State *L);
void tt_recipe_free(tt_recipe *r);

/* call.c: after a state is built, take its behaviour functions by reference
 * into s->refs (protected; 0 or -1 on out of memory). */
int tt_host_index_callbacks(tt_script *s, tt_error *err);
/* straight.c: the Lua function at idx has no call, no loop and fewer than
 * max_instructions instructions (read from its dump; false when unsure). */
bool tt_host_fn_straight(lua_State *L, int idx, int max_instructions);
/* Whether the Lua function at idx uses its first two parameters only as
 * the table of field reads (straight.c): it may be passed the tables a
 * proxy's __index names instead of the proxies. */
bool tt_host_fn_reads_only_fields(lua_State *L, int idx);
/* straight.c: a loop-free function (fewer than max_instructions) whose
 * every call is of a field of a table held by an upvalue (`math.floor`) or
 * of its ctx parameter (`ctx.random`), storing only into s: where those
 * fields are (*out). call.c runs it unhooked when each holds one of the
 * engine's C functions that never call Lua. */
bool tt_host_fn_lib_calls(lua_State *L, int idx, int max_instructions, tt_lib_calls *out);
/* The three classes above from one dump of the function at idx (false,
 * all classes false, when it cannot be read). */
typedef struct tt_fn_class {
    bool straight, reads_only_fields, lib_calls, sets_upvalues;
    tt_lib_calls calls; /* with lib_calls */
} tt_fn_class;
bool tt_host_fn_classify(lua_State *L, int idx, int max_instructions, tt_fn_class *out);
/* Forget every condition's memo (a new exercise or state). */
void tt_host_forget(tt_script *s);
/* "actions.x.does" for the call in progress, or NULL. */
const char *tt_host_where(tt_script *s);

#endif
