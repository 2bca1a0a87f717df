/* The Lua sandbox's engine: capped allocator, instruction budget and
 * protected calls (patterns: Lua's lua.c pmain/msghandler, Suricata
 * util-lua-sandbox, HAProxy hlua_alloc, Redis' re-armed count hook). What
 * the scripts can reach is set up in sandbox_lib.c.
 *
 * Guarantees, for a script that can only reach what is set up there:
 * - Memory: every byte Lua holds passes the capped allocator.
 * - Work: a count hook charges every Lua instruction to a per-run budget;
 *   library functions that loop in C are charged for the size of their
 *   arguments before they run, allocations are charged by volume, and a
 *   wall-clock limit per run catches what neither can see (e.g. comparing
 *   two huge strings in a loop). The wall clock is read by the hook only,
 *   from its first firing (at most TT_HOOK_STEP instructions, or the first
 *   charge over budget, into the run), so short callbacks never read it. Once tripped the hook fires on every
 *   instruction, so `pcall` cannot swallow it.
 * - Straight-line runs: with a count hook set, Lua 5.4 traps every
 *   instruction, whatever the count. A function with no call instruction,
 *   no loop and fewer than TT_HOOK_STEP instructions (straight.c) cannot
 *   reach the hook's first firing, so it runs without the hook, provided
 *   the scenario never set a metatable: every metamethod that can exist
 *   then is the engine's C code or a table, so no scenario function runs
 *   inside it. Charges, the budget and the memory cap apply as before (a
 *   charge over budget still sets the hook, which then fires at once).
 *   The same holds for a loop-free function whose calls all go to library
 *   or ctx fields that, when the run begins, hold C functions of the
 *   engine's that never call Lua (the math library as set up, ctx's own):
 *   no other Lua runs, each of its instructions runs at most once (call.c,
 *   straight.c).
 * - Patterns: string.find/match/gmatch/gsub refuse a pattern whose worst
 *   backtracking on the given subject could exceed TT_PATTERN_MAX_STEPS; C
 *   code is not interruptible, so this is checked before matching. A call
 *   under that bound is charged the steps it really takes, counted before
 *   it runs (pattern_cost.c), so a loop of them meets the budget.
 * - No escape: only base (reduced), table, string, math and utf8 exist; no
 *   bytecode, no finalizers (__gc is refused by setmetatable), the string
 *   metatable is protected, pairs() iterates in a deterministic order. */
#include "tabletop/terms.h"
#include "sandbox.h"

#include <ctype.h>
#include <inttypes.h>
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TT_CALL_COST 1000                 /* work units every call is charged */
tt_sandbox *tt_sandbox_of(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ud;
}

static int64_t mono_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- Allocator ---- */

static void count_hook(lua_State *L, lua_Debug *ar);
static void charge(tt_sandbox *sb, uint64_t units);

/* The scenario file's line nearest the top of the call stack, from
 * `level` down (0 when none): where a limit or error is placed, even when
 * it trips inside a library wrapper, the sandbox's own Lua (the ordered
 * pairs) or a chunk the scenario load()ed, whose lines are not the file's.
 * Reading the call stack allocates nothing ("Sl" only). */
static int scenario_line(const tt_sandbox *sb, lua_State *L, int level)
{
    lua_Debug ar;
    for (; level < 50 && lua_getstack(L, level, &ar); level++)
        if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0 &&
            strcmp(ar.short_src, sb->short_src) == 0)
            return ar.currentline;
    return 0;
}

static void note_refusal(tt_sandbox *sb)
{
    /* Every refusal is noted: Lua retries after an emergency collection, so
     * the one that finally fails may come later than the first. */
    sb->mem_tripped = true;
    sb->mem_line = 0;
    if (!sb->armed || !sb->L)
        return;
    sb->mem_line = scenario_line(sb, sb->L, 0);
}

static void *sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    tt_sandbox *sb = ud;
    size_t old = ptr ? osize : 0; /* with ptr NULL, osize is a type tag */
    if (nsize == 0) {
        if (sb->blocks)
            tt_blocks_realloc(sb->blocks, ptr, old, 0);
        else
            free(ptr);
        sb->used -= old;
        return NULL;
    }
    if (nsize > old && nsize - old > sb->cap - sb->used) {
        note_refusal(sb);
        return NULL;
    }
    void *p = sb->blocks ? tt_blocks_realloc(sb->blocks, ptr, old, nsize) : realloc(ptr, nsize);
    if (!p)
        return NULL;
    sb->used = sb->used - old + nsize;
    if (nsize > old)
        charge(sb, (nsize - old) >> 6);
    return p;
}

/* ---- Budget ---- */

/* From now on the hook fires on every instruction, re-raising. */
static void trip(tt_sandbox *sb, lua_State *L)
{
    lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
    sb->hooked = true;
}

static void charge(tt_sandbox *sb, uint64_t units)
{
    if (!sb->armed || !sb->L)
        return;
    sb->spent = units > UINT64_MAX - sb->spent ? UINT64_MAX : sb->spent + units;
    if (sb->spent > sb->budget)
        trip(sb, sb->L); /* safe from the allocator: lua_sethook only sets fields */
}

bool tt_sandbox_leaf(const tt_sandbox *sb, lua_CFunction f)
{
    for (int i = 0; i < sb->n_leaf; i++)
        if (sb->leaf[i] == f)
            return true;
    return false;
}

void tt_sandbox_charge(lua_State *L, uint64_t units)
{
    charge(tt_sandbox_of(L), units);
}

bool tt_sandbox_budget_left(lua_State *L, uint64_t *left)
{
    tt_sandbox *sb = tt_sandbox_of(L);
    if (!sb->armed || !sb->L)
        return false;
    *left = sb->spent < sb->budget ? sb->budget - sb->spent : 0;
    return true;
}

static const char *limit_text(tt_sandbox *sb, char *buf, size_t size)
{
    if (sb->wall_tripped)
        snprintf(buf, size, TT_MSG(E_SB_TIME_LIMIT_FMT),
                 sb->wall_ms);
    else
        snprintf(buf, size, TT_MSG(E_SB_BUDGET_FMT),
                 sb->budget);
    return buf;
}

static bool over_limit(tt_sandbox *sb)
{
    if (sb->budget_tripped || sb->wall_tripped)
        return true;
    if (sb->spent > sb->budget)
        sb->budget_tripped = true;
    else if (sb->deadline_ns && mono_ns() > sb->deadline_ns)
        sb->wall_tripped = true;
    else if (!sb->deadline_ns && sb->wall_ms)
        /* The clock is read here, not per call: a run short enough never to
         * reach the hook costs no clock read. */
        sb->deadline_ns = mono_ns() + (int64_t)sb->wall_ms * 1000000;
    return sb->budget_tripped || sb->wall_tripped;
}

static void count_hook(lua_State *L, lua_Debug *ar)
{
    tt_sandbox *sb = tt_sandbox_of(L);
    if (!sb->armed)
        return;
    bool first = false;
    if (!sb->budget_tripped && !sb->wall_tripped) {
        sb->spent += TT_HOOK_STEP;
        if (!over_limit(sb))
            return;
        trip(sb, L);
        first = true;
    }
    char what[128];
    limit_text(sb, what, sizeof what);
    bool known = lua_getinfo(L, "Sl", ar) && ar->currentline > 0;
    if (first || !sb->trip_line) {
        if (known && strcmp(ar->short_src, sb->short_src) == 0)
            sb->trip_line = ar->currentline;
        else /* in the sandbox's own Lua or a loaded chunk: the caller's line */
            sb->trip_line = scenario_line(sb, L, 1);
    }
    if (known)
        lua_pushfstring(L, "%s:%d: %s", ar->short_src, ar->currentline, what);
    else
        lua_pushstring(L, what);
    lua_error(L);
}

void tt_sandbox_check_budget(lua_State *L)
{
    tt_sandbox *sb = tt_sandbox_of(L);
    if (!sb->armed || !over_limit(sb))
        return;
    trip(sb, L);
    /* The scenario line that called: C wrappers (string.format's, pcall)
     * may sit between it and this function. */
    sb->trip_line = scenario_line(sb, L, 1);
    char what[128];
    luaL_error(L, "%s", limit_text(sb, what, sizeof what));
}

/* ---- Protected calls ---- */

bool tt_sandbox_source_calls_load(const char *text, size_t len)
{
    /* memchr finds each 'l' (a compare at every byte cost 5 instructions
     * a byte of every scenario loaded); the checks are the same. */
    const char *at = text, *end = text + len;
    while (end - at >= 4 && (at = memchr(at, 'l', (size_t)(end - at - 3))) != NULL) {
        size_t i = (size_t)(at - text);
        at++;
        if (memcmp(text + i, "load", 4) != 0 ||
            (i > 0 && (isalnum((unsigned char)text[i - 1]) || text[i - 1] == '_')))
            continue;
        size_t k = i + 4;
        while (k < len && (text[k] == ' ' || text[k] == '\t'))
            k++;
        if (k < len && strchr("(\"'[{", text[k]))
            return true;
    }
    return false;
}

/* Message handler of the chunk's run, and of every run once the scenario
 * has load()ed a chunk: an error object that is not text ('error({})')
 * carries no place; give it the scenario line that raised it, as Lua does
 * for a string. An error raised in a load()ed chunk ('(load):1: ...') gets
 * the file's line that led there before it. Other text and numbers pass
 * as they are. */
static int place_error_object(lua_State *L)
{
    int t = lua_type(L, 1);
    const tt_sandbox *sb = tt_sandbox_of(L);
    if (t == LUA_TSTRING) {
        static const char loaded[] = "(load):";
        const char *msg = lua_tostring(L, 1);
        int line = strncmp(msg, loaded, sizeof loaded - 1) == 0 ? scenario_line(sb, L, 1) : 0;
        if (line > 0)
            lua_pushfstring(L, "%s:%d: %s", sb->short_src, line, msg);
        return 1;
    }
    if (t == LUA_TNUMBER)
        return 1;
    int line = scenario_line(sb, L, 1);
    if (line > 0) {
        char what[160];
        snprintf(what, sizeof what, TT_MSG(E_SB_ERROR_OBJECT_FMT), luaL_typename(L, 1));
        lua_pushfstring(L, "%s:%d: %s", sb->short_src, line, what);
    }
    return 1;
}

/* The error object as text, after the call (no message handler: it would
 * cost every call a push and two stack rotations). Never calls __tostring:
 * it is scenario code. Returns NULL only when there is no memory. */
static const char *error_text(lua_State *L, char *buf, size_t size)
{
    int t = lua_type(L, -1);
    if (t == LUA_TSTRING)
        return lua_tostring(L, -1);
    if (t == LUA_TNUMBER) {
        if (lua_isinteger(L, -1))
            snprintf(buf, size, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, -1));
        else { /* as tostring writes it: 3.0, not 3 */
            int n = snprintf(buf, size, LUA_NUMBER_FMT, (LUAI_UACNUMBER)lua_tonumber(L, -1));
            if (n > 0 && (size_t)n + 3 < size && buf[strspn(buf, "-0123456789")] == '\0')
                memcpy(buf + n, ".0", 3);
        }
        return buf;
    }
    snprintf(buf, size, TT_MSG(E_SB_ERROR_OBJECT_FMT), luaL_typename(L, -1));
    return buf;
}

void tt_sandbox_locate(const tt_sandbox *sb, const char *path, const char *msg,
                       const char *where, tt_error *err)
{
    size_t n = strlen(sb->short_src);
    int line = 0;
    const char *text = msg;
    if (n && strncmp(msg, sb->short_src, n) == 0 && msg[n] == ':') {
        const char *p = msg + n + 1;
        int v = 0;
        bool digits = false;
        while (*p >= '0' && *p <= '9' && v < 100000000) {
            v = v * 10 + (*p - '0');
            p++;
            digits = true;
        }
        if (digits && p[0] == ':' && p[1] == ' ') {
            line = v;
            text = p + 2;
        }
    }
    text = tt_lib_text(TT_LIB_LUA, text, NULL); /* Lua's own words, in the user's language */
    if (where)
        tt_error_set(err, path, line, 0, TT_MSG(E_SB_IN_WHERE_FMT), text, where);
    else
        tt_error_set(err, path, line, 0, "%s", text);
}

static void memory_text(const tt_sandbox *sb, char *buf, size_t size)
{
    if (sb->cap % ((size_t)1 << 20) == 0)
        snprintf(buf, size, TT_MSG(E_SB_MEMORY_CAP_MIB_FMT), sb->cap >> 20);
    else
        snprintf(buf, size, TT_MSG(E_SB_MEMORY_CAP_BYTES_FMT), sb->cap);
}

int tt_sandbox_call(tt_sandbox *sb, const char *path, int nargs, int nres,
                    uint64_t budget, const char *where, tt_error *err)
{
    lua_State *L = sb->L;
    sb->spent = 0;
    sb->budget = budget;
    sb->budget_tripped = sb->wall_tripped = false;
    sb->mem_tripped = false;
    sb->mem_line = 0;
    sb->trip_line = 0;
    sb->deadline_ns = 0; /* set by the first hook of this run */
    sb->drew = false;
    sb->armed = true;
    sb->hooked = !sb->straight || sb->metatables;
    if (sb->hooked)
        lua_sethook(L, count_hook, LUA_MASKCOUNT, TT_HOOK_STEP);
    sb->straight = false;
    int handler = 0;
    if (sb->place_objects || sb->loaded) {
        lua_pushcfunction(L, place_error_object);
        lua_insert(L, -(nargs + 2));
        handler = lua_gettop(L) - nargs - 1;
        sb->place_objects = false;
    }
    int status = lua_pcall(L, nargs, nres, handler);
    if (handler)
        lua_remove(L, handler); /* below the results, or the error */
    if (sb->hooked) { /* set above, or by a charge over budget (trip) */
        lua_sethook(L, NULL, 0, 0);
        sb->hooked = false;
    }
    sb->armed = false;
    /* Each call costs at least TT_CALL_COST: a callback too short for the
     * count hook to see is still work (the call itself, the state diff). */
    uint64_t cost = sb->spent + TT_CALL_COST;
    sb->total_spent = cost > UINT64_MAX - sb->total_spent ? UINT64_MAX : sb->total_spent + cost;
    if (status == LUA_OK)
        return 0;
    char number[64];
    const char *msg = error_text(L, number, sizeof number);
    char text[160];
    if (sb->budget_tripped || sb->wall_tripped) {
        /* Whatever the script did with the first error, this is the cause. */
        limit_text(sb, text, sizeof text);
        int line = sb->trip_line;
        if (where)
            tt_error_set(err, path, line, 0, TT_MSG(E_SB_IN_WHERE_FMT), text, where);
        else
            tt_error_set(err, path, line, 0, "%s", text);
    } else if (sb->mem_tripped && (status == LUA_ERRMEM || strstr(msg, "not enough memory"))) {
        memory_text(sb, text, sizeof text);
        if (where)
            tt_error_set(err, path, sb->mem_line, 0, TT_MSG(E_SB_IN_WHERE_FMT), text, where);
        else
            tt_error_set(err, path, sb->mem_line, 0, "%s", text);
    } else {
        tt_sandbox_locate(sb, path, msg, where, err);
    }
    lua_pop(L, 1);
    return -1;
}

lua_State *tt_sandbox_open(tt_sandbox *sb, const tt_sandbox_limits *limits,
                           tt_blocks *blocks, const char *path, tt_error *err)
{
    tt_sandbox_limits def;
    if (!limits) {
        tt_sandbox_limits_default(&def);
        limits = &def;
    }
    memset(sb, 0, sizeof *sb);
    sb->cap = limits->memory_bytes ? limits->memory_bytes : TT_SANDBOX_DEFAULT_MEMORY;
    sb->wall_ms = limits->wall_ms ? limits->wall_ms : TT_SANDBOX_DEFAULT_WALL_MS;
    sb->blocks = blocks;
    lua_State *L = lua_newstate(sandbox_alloc, sb);
    if (!L) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_SB_CANNOT_CREATE_FMT),
                     sb->cap);
        return NULL;
    }
    sb->L = L;
    lua_pushcfunction(L, tt_sandbox_setup);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_SB_CANNOT_SETUP_FMT),
                     lua_tostring(L, -1) ? lua_tostring(L, -1) : TT_MSG(E_OUT_OF_MEMORY));
        lua_close(L);
        sb->L = NULL;
        return NULL;
    }
    return L;
}

void tt_sandbox_close(tt_sandbox *sb)
{
    if (!sb->L)
        return;
    sb->armed = false;
    lua_sethook(sb->L, NULL, 0, 0);
    lua_close(sb->L); /* no finalizers can exist: setmetatable refuses __gc */
    sb->L = NULL;
}

struct tt_sandbox_image {
    tt_sandbox sb;
    tt_blocks_image *mem;
};

tt_sandbox_image *tt_sandbox_save(const tt_sandbox *sb)
{
    if (!sb->L || !sb->blocks || sb->armed || lua_gettop(sb->L) != 0)
        return NULL;
    tt_sandbox_image *img = malloc(sizeof *img);
    if (!img)
        return NULL;
    img->sb = *sb;
    img->mem = tt_blocks_save(sb->blocks);
    if (!img->mem) {
        free(img);
        return NULL;
    }
    return img;
}

void tt_sandbox_restore(tt_sandbox *sb, const tt_sandbox_image *img)
{
    tt_blocks_restore(img->sb.blocks, img->mem);
    *sb = img->sb;
}

void tt_sandbox_image_free(tt_sandbox_image *img)
{
    if (!img)
        return;
    tt_blocks_image_free(img->mem);
    free(img);
}

size_t tt_sandbox_image_size(const tt_sandbox_image *img)
{
    return img ? tt_blocks_image_size(img->mem) : 0;
}

void tt_sandbox_limits_default(tt_sandbox_limits *l)
{
    l->memory_bytes = TT_SANDBOX_DEFAULT_MEMORY;
    l->load_instructions = TT_SANDBOX_DEFAULT_LOAD_BUDGET;
    l->call_instructions = TT_SANDBOX_DEFAULT_CALL_BUDGET;
    l->wall_ms = TT_SANDBOX_DEFAULT_WALL_MS;
    l->exercise_instructions = TT_SANDBOX_DEFAULT_EXERCISE_BUDGET;
    l->hour_instructions = TT_SANDBOX_DEFAULT_HOUR_BUDGET;
}
