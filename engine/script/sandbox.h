/* The Lua sandbox: a capped allocator, an instruction budget enforced by a
 * count hook, an allowlist of libraries and a protected call that turns
 * every failure into one located message. Internal to engine/script. */
#ifndef TT_SCRIPT_SANDBOX_H
#define TT_SCRIPT_SANDBOX_H

#include <lua.h>

#include "tabletop/script.h"

/* blocks.c: one region at a fixed address for the states of one script
 * built one after another, and images of it (see blocks.c). */
typedef struct tt_blocks tt_blocks;
typedef struct tt_blocks_image tt_blocks_image;
tt_blocks *tt_blocks_new(size_t reserve);   /* NULL when it cannot be had */
void tt_blocks_free(tt_blocks *b);
/* Lua's lua_Alloc contract (nsize 0 frees; NULL when out of memory). */
void *tt_blocks_realloc(tt_blocks *b, void *ptr, size_t old, size_t nsize);
/* A copy of the region's used bytes and lists; NULL when some block lives
 * outside the region, or out of memory. */
tt_blocks_image *tt_blocks_save(const tt_blocks *b);
/* Write the image back: blocks handed out since are gone (those outside
 * the region freed). */
void tt_blocks_restore(tt_blocks *b, const tt_blocks_image *img);
void tt_blocks_image_free(tt_blocks_image *img);
size_t tt_blocks_image_size(const tt_blocks_image *img); /* bytes copied */

/* Allocator and budget bookkeeping. Its address is the allocator's `ud`, so
 * it must not move while its lua_State lives (it is malloc'ed). */
#define TT_SANDBOX_LEAF_MAX 40

typedef struct tt_sandbox {
    lua_State *L;
    size_t cap;            /* bytes Lua may hold */
    size_t used;
    bool mem_tripped;      /* a request was refused since the last run began */
    int mem_line;          /* where Lua was when it was refused, 0 unknown */
    uint64_t budget;       /* work units for the current run */
    uint64_t spent;        /* instructions + charges for C work */
    uint64_t total_spent;  /* over every run since it was last reset */
    bool armed;            /* a run is in progress: charges count */
    bool budget_tripped;
    bool wall_tripped;
    int trip_line;         /* where the first limit error was raised, 0 unknown */
    int64_t deadline_ns;   /* CLOCK_MONOTONIC; 0 = not yet read this run */
    bool drew;             /* the run drew random numbers (conditions using
                              them are never skipped) */
    uint64_t wall_ms;      /* per run */
    char short_src[LUA_IDSIZE]; /* how Lua prints the chunk name */
    tt_rng *rng;           /* the exercise's generator, NULL while loading */
    void *host;            /* the tt_script using this state */
    tt_blocks *blocks;     /* where small blocks come from, or NULL (malloc) */
    bool metatables;       /* the scenario has set a metatable (setmetatable) */
    bool straight;         /* the next run is straight-line code (straight.c):
                              without scenario metatables it runs unhooked */
    bool hooked;           /* a hook is set: cleared after the run */
    bool place_objects;    /* the next run places an error object that is not
                              text at its line (the chunk: a callback's
                              errors are placed at the callback) */
    bool loaded;           /* the scenario calls load (its source says so,
                              or it has load()ed a chunk): every run places
                              an error raised in a loaded chunk at the
                              file's line that led there (a message handler,
                              which other scenarios' calls are spared) */
    lua_CFunction leaf[TT_SANDBOX_LEAF_MAX]; /* the math library's C functions as
                              set up, before any scenario code: none calls Lua */
    int n_leaf;
} tt_sandbox;

/* f is one of the math library's C functions as the sandbox set it up. */
bool tt_sandbox_leaf(const tt_sandbox *sb, lua_CFunction f);

/* Instructions between two firings of the count hook; each firing charges
 * this many to the budget. */
#define TT_HOOK_STEP 1000

/* Make a state with the capped allocator and the safe libraries; the
 * scenario environment is left in the registry (see tt_sandbox_push_env).
 * NULL with err set on failure. */
lua_State *tt_sandbox_open(tt_sandbox *sb, const tt_sandbox_limits *limits,
                           tt_blocks *blocks, const char *path, tt_error *err);
void tt_sandbox_close(tt_sandbox *sb);

/* A state's image: its sandbox bookkeeping and its memory, taken between
 * runs of a state whose memory is all in its region (sb->blocks); NULL
 * when it cannot be taken. Restoring it into the same sandbox makes the
 * state exactly what it was when the image was taken: the same bytes at
 * the same addresses, the same counts, cap and budgets. */
typedef struct tt_sandbox_image tt_sandbox_image;
tt_sandbox_image *tt_sandbox_save(const tt_sandbox *sb);
void tt_sandbox_restore(tt_sandbox *sb, const tt_sandbox_image *img);
void tt_sandbox_image_free(tt_sandbox_image *img);
size_t tt_sandbox_image_size(const tt_sandbox_image *img);

/* math.random semantics on sb->rng (also ctx.random). */
int tt_sandbox_random(lua_State *L);

/* Push the keys of the table at index t in the ordered pairs' order, as a
 * sequence, and their count (sorted_keys.c). A key of another type raises
 * the message whose halves are at `before` and `after` (with its type's
 * name between). Charged tt_sorted_keys_cost(n), whatever the state's hash
 * seed. Needs 6 free stack slots; called from the C function pairs or
 * next, not through a Lua call, so no frame is added. */
void tt_sandbox_sorted_keys(lua_State *L, int t, int before, int after);
#define TT_SORTED_KEYS_BASE 20
#define TT_SORTED_KEYS_PER_STEP 12
uint64_t tt_sorted_keys_cost(uint64_t n);

#define TT_REG_ENV "tt.env"               /* registry: the scenario's _ENV */

/* The sandbox of a state (the allocator's ud). */
/* Does a scenario's source call load ("load(", "load '...'", _G.load{...})?
 * Then its runs place errors in loaded chunks from the first one. */
bool tt_sandbox_source_calls_load(const char *text, size_t len);
tt_sandbox *tt_sandbox_of(lua_State *L);

/* lua_CFunction, run protected once per state: open the allowed libraries,
 * replace what is not allowed, build the scenario's _ENV (sandbox_lib.c). */
int tt_sandbox_setup(lua_State *L);

/* From a C function: raise the limit's error if a charge went over. */
void tt_sandbox_check_budget(lua_State *L);

/* [-0, +1] Push the scenario's _ENV table. */
void tt_sandbox_push_env(lua_State *L);

/* Charge `units` of work done in C to the running budget; once over, the
 * next Lua instruction raises the budget error. */
void tt_sandbox_charge(lua_State *L, uint64_t units);
/* pattern_run.c: the longest run of subject bytes the single-character
 * pattern item [item, item_end) matches (Lua's own character classes). */
size_t tt_pattern_item_run(const char *item, const char *item_end, const char *subject,
                           size_t len);
/* pattern_run.c: does byte c match the single-character item [p, ep)? */
bool tt_pattern_single_match(int c, const char *p, const char *ep);

/* pattern_cost.c: the steps Lua's matcher takes for one call (find and
 * match alike; gmatch for the whole iteration; gsub up to max_n matches),
 * from 0-based start `init`; stops counting once past `limit`. *matches
 * gets the number of matches. */
typedef enum { TT_PATTERN_FIND, TT_PATTERN_GMATCH, TT_PATTERN_GSUB } tt_pattern_call;
uint64_t tt_pattern_cost(const char *s, size_t ls, const char *p, size_t lp,
                         tt_pattern_call call, size_t init, uint64_t max_n, uint64_t limit,
                         uint64_t *matches);

/* The work units left in the running budget; false when no run is armed
 * (nothing is charged then). */
bool tt_sandbox_budget_left(lua_State *L, uint64_t *left);

/* Call the function below `nargs` arguments on the stack with a fresh budget
 * of `budget` instructions. On success leaves `nres` results and returns 0.
 * On failure pops everything it was given, fills err (file = `path`, line
 * when Lua knows it, message + " (in <where>)" when where is not NULL) and
 * returns -1. */
int tt_sandbox_call(tt_sandbox *sb, const char *path, int nargs, int nres,
                    uint64_t budget, const char *where, tt_error *err);

/* Turn a Lua message "short_src:line: text" into err with the real path. */
void tt_sandbox_locate(const tt_sandbox *sb, const char *path, const char *msg,
                       const char *where, tt_error *err);

#endif
