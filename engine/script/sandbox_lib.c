/* What scenario code can reach: the allowed libraries, with disallowed
 * functions replaced in place, C work charged to the budget, a guard on
 * backtracking patterns, deterministic pairs, and the scenario's _ENV.
 * Everything here runs under lua_pcall (tt_sandbox_setup is called so). */
#include "tabletop/terms.h"
#include "sandbox.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#include <lauxlib.h>
#include <lualib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#define TT_PATTERN_MAX_STEPS 1e9          /* worst-case backtracking allowed */

/* ---- Replaced library functions ---- */

static int unavailable(lua_State *L)
{
    return luaL_error(L, TT_MSG(E_SBL_NOT_AVAILABLE_FMT),
                      lua_tostring(L, lua_upvalueindex(1)));
}

static int ignore(lua_State *L)
{
    (void)L;
    return 0;
}

/* load: text chunks only; the default environment is the scenario's. */
static int sandbox_load(lua_State *L)
{
    size_t len;
    const char *chunk = lua_tolstring(L, 1, &len);
    if (!chunk || lua_type(L, 1) != LUA_TSTRING)
        return luaL_error(L, TT_MSG(E_SBL_LOAD_STRING));
    const char *mode = luaL_optstring(L, 3, "t");
    if (!strchr(mode, 't'))
        return luaL_error(L, TT_MSG(E_SBL_LOAD_TEXT));
    /* Parsing is work in C: charge it, a unit per byte (compiling code
     * takes up to ~28 ns a byte, several instructions' time). The chunk
     * name is fixed, so a loaded chunk cannot pass its errors off as lines
     * of the scenario file. */
    tt_sandbox_charge(L, 1 + (uint64_t)len);
    tt_sandbox_check_budget(L);
    bool has_env = !lua_isnone(L, 4);
    int status = luaL_loadbufferx(L, chunk, len, "=(load)", "t");
    tt_sandbox_of(L)->loaded = true;
    if (status != LUA_OK) {
        luaL_pushfail(L);
        lua_insert(L, -2);
        return 2;
    }
    if (has_env)
        lua_pushvalue(L, 4);
    else
        tt_sandbox_push_env(L);
    if (!lua_setupvalue(L, -2, 1))
        lua_pop(L, 1);
    return 1;
}

/* tostring without addresses: "table", "function"... Addresses differ from
 * run to run, and a scenario that journals one breaks replay. */
static int sandbox_tostring(lua_State *L)
{
    luaL_checkany(L, 1);
    int t = lua_type(L, 1);
    bool scalar = t == LUA_TNIL || t == LUA_TBOOLEAN || t == LUA_TNUMBER || t == LUA_TSTRING;
    if (!scalar && luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL) {
        lua_pushstring(L, luaL_typename(L, 1));
        return 1;
    }
    if (!scalar)
        lua_pop(L, 1);
    luaL_tolstring(L, 1, NULL);
    return 1;
}

static int charged_run(lua_State *L, int flags, lua_CFunction original);

/* string.format: no %p, and other values go through the address-free
 * tostring before %s sees them. Everything runs in this very frame (no
 * lua_call), so an error ('%99999d', a __tostring returning a table)
 * names the scenario's line that called format, as Lua's own format does:
 * raised one C frame deeper, it had no place and was put at the
 * callback's first line (or no line at all while the file loads). */
static int sandbox_format(lua_State *L)
{
    /* Upvalue 1 is format's charged wrapper: its original and its flags. */
    lua_getupvalue(L, lua_upvalueindex(1), 1);
    lua_CFunction original = lua_tocfunction(L, -1);
    lua_getupvalue(L, lua_upvalueindex(1), 2);
    int flags = (int)lua_tointeger(L, -1);
    lua_pop(L, 2);
    size_t len;
    const char *fmt = luaL_checklstring(L, 1, &len);
    for (size_t i = 0; i + 1 < len; i++)
        if (fmt[i] == '%') {
            size_t k = i + 1;
            while (k < len && strchr("-+ #0123456789.", fmt[k]))
                k++;
            if (k < len && fmt[k] == 'p')
                return luaL_error(L, TT_MSG(E_SBL_FORMAT_P));
            i = k;
        }
    int top = lua_gettop(L);
    for (int i = 2; i <= top; i++) {
        int t = lua_type(L, i);
        if (t != LUA_TNUMBER && t != LUA_TSTRING && t != LUA_TNIL && t != LUA_TBOOLEAN) {
            /* as sandbox_tostring: the type's name, or __tostring's text */
            if (luaL_getmetafield(L, i, "__tostring") == LUA_TNIL) {
                lua_pushstring(L, luaL_typename(L, i));
            } else {
                lua_pop(L, 1);
                luaL_tolstring(L, i, NULL);
            }
            lua_replace(L, i);
        }
    }
    return charged_run(L, flags, original);
}

/* setmetatable without finalizers: a __gc would run during collection and
 * at lua_close, outside any budget. Refusing it at setmetatable time is
 * enough: Lua marks an object for finalization only then. */
static int sandbox_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, TT_MSG(E_SBL_PROTECTED_MT));
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, TT_MSG(E_SBL_GC));
        lua_pop(L, 1);
        tt_sandbox_of(L)->metatables = true; /* straight runs keep the hook now */
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* xpcall whose handler is skipped once a limit has tripped: the limit's
 * error is raised inside the count hook, where hooks are off, so a Lua
 * handler run then could loop forever. */
static int guarded_handler(lua_State *L)
{
    tt_sandbox *sb = tt_sandbox_of(L);
    if (sb->budget_tripped || sb->wall_tripped)
        return 1; /* pass the error through untouched */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sandbox_xpcall(lua_State *L)
{
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, guarded_handler, 1);
    lua_replace(L, 2);
    lua_CFunction original = lua_tocfunction(L, lua_upvalueindex(1));
    return original(L);
}

/* Slots of the first state's ordered-pairs holder (build_ordered below). */
enum { ORD_PAIRS = 1, ORD_NEXT, ORD_ENV, ORD_THREAD, ORD_SLOTS = ORD_THREAD };
static void push_ordered(lua_State *L, int which);

/* pairs in a fixed order: by type, then by value (numbers and strings);
 * a table's __pairs is honoured as in standard Lua. */
static int sandbox_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    push_ordered(L, ORD_PAIRS);
    lua_pushvalue(L, 1);
    tt_sandbox_sorted_keys(L, 1, lua_upvalueindex(2), lua_upvalueindex(3));
    lua_pop(L, 1);                       /* the count */
    lua_call(L, 2, 3);
    return 3;
}

/* next in the order pairs gives: tables through the ordered next of the
 * chunk below (upvalue 1), given the sorted keys; the state `s` (a proxy,
 * not a table) through its own __pairs, walked up to the key given, so `next(s)` and `for k, v in
 * next, s` work as documented (they failed inside the chunk with a
 * "(sandbox):12:" location). Anything else is Lua's own argument error. */
static int sandbox_next(lua_State *L)
{
    lua_settop(L, 2);
    if (lua_type(L, 1) != LUA_TTABLE && luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);              /* 3 iter, 4 state, 5 control */
        bool found = lua_isnil(L, 2);   /* no key: the first pair */
        for (;;) {
            lua_pushvalue(L, 3);
            lua_pushvalue(L, 4);
            lua_pushvalue(L, 5);
            lua_call(L, 2, 2);          /* 6 key, 7 value */
            if (lua_isnil(L, 6)) {
                if (!found)
                    return luaL_error(L, "%s", TT_MSG(E_SB_NEXT_INVALID_KEY));
                lua_pushnil(L);
                return 1;
            }
            if (found)
                return 2;
            found = lua_rawequal(L, 6, 2);
            lua_pop(L, 1);
            lua_replace(L, 5);
        }
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    tt_sandbox_sorted_keys(L, 1, lua_upvalueindex(2), lua_upvalueindex(3));
    push_ordered(L, ORD_NEXT);
    lua_insert(L, 1);
    lua_call(L, 4, 2);
    /* (nil, true): the key is not in the table. Raised here, in next's own
     * frame, so the message names the scenario's line that called next. */
    if (lua_isnil(L, 1) && lua_toboolean(L, 2))
        return luaL_error(L, "%s", TT_MSG(E_SB_NEXT_INVALID_KEY));
    return 2;
}

/* Returns the ordered pairs factory and an ordered next (same order), so no
 * iteration depends on Lua's hash layout, which differs between processes.
 * Both are given t's sorted keys (and their count) by sandbox_pairs and
 * sandbox_next, from the C sorted_keys (sorted_keys.c): sorting in Lua
 * charged work that followed each state's hash seed. */
static const char sorted_pairs_src[] =
    "local rawget, rawequal, error = rawget, rawequal, error\n"
    "local function ordered_next(t, k, keys, n)\n"
    "  local i = 0\n"
    "  if k ~= nil then\n"
    "    repeat i = i + 1 until i > n or rawequal(keys[i], k)\n"
    "    if i > n then return nil, true end\n"
    "  end\n"
    "  local nk = keys[i + 1]\n"
    "  if nk == nil then return nil end\n"
    "  return nk, rawget(t, nk)\n"
    "end\n"
    "local function ordered_pairs(t, keys)\n"
    "  local i = 0\n"
    "  return function(tt)\n"
    "    while true do\n"
    "      i = i + 1\n"
    "      local k = keys[i]\n"
    "      if k == nil then return nil end\n"
    "      local v = rawget(tt, k)\n"
    "      if v ~= nil then return k, v end\n"
    "    end\n"
    "  end, t, nil\n"
    "end\n"
    "return ordered_pairs, ordered_next\n";

/* The engine's own bytecode of sorted_pairs_src, compiled once per process
 * (every exercise builds a fresh state; parsing the text each time cost
 * about as much as the rest of the setup). Never read from anywhere else. */
static char *pairs_bytecode;
static size_t pairs_bytecode_len;
static pthread_once_t pairs_once = PTHREAD_ONCE_INIT;

static int keep_pairs_bytecode(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    (void)ud;
    char *grown = realloc(pairs_bytecode, pairs_bytecode_len + sz + 1);
    if (!grown)
        return 1;
    memcpy(grown + pairs_bytecode_len, p, sz);
    pairs_bytecode = grown;
    pairs_bytecode_len += sz;
    return 0;
}

static void compile_pairs(void)
{
    lua_State *L = luaL_newstate();
    if (!L)
        return;
    if (luaL_loadbufferx(L, sorted_pairs_src, sizeof sorted_pairs_src - 1, "=(sandbox)",
                         "t") != LUA_OK ||
        lua_dump(L, keep_pairs_bytecode, NULL, 0) != 0) {
        free(pairs_bytecode); /* the text is compiled each time instead */
        pairs_bytecode = NULL;
        pairs_bytecode_len = 0;
    }
    lua_close(L);
}

/* The process's first state compiles the text in place, and only when its
 * scenario first calls pairs or next (build_ordered below): most processes
 * (run, score, check) build one state, and compiling into a separate state
 * to dump it cost that one state as much again. The second and later
 * states load the dump. */
static atomic_flag pairs_compiled_once = ATOMIC_FLAG_INIT;

static int load_pairs(lua_State *L)
{
    pthread_once(&pairs_once, compile_pairs);
    if (pairs_bytecode)
        return luaL_loadbufferx(L, pairs_bytecode, pairs_bytecode_len, "=(sandbox)", "b");
    return luaL_loadbufferx(L, sorted_pairs_src, sizeof sorted_pairs_src - 1, "=(sandbox)",
                            "t");
}

/* The process's first state does not compile the ordered pairs when it is
 * built: most scenarios never call pairs or next, and the compile was a
 * tenth of a headless run's load. Its pairs and next share a holder table
 * (their upvalue), made at set-up with all its slots: [1] ordered_pairs and
 * [2] ordered_next once built; [3] a private _ENV holding what the chunk
 * captures (rawget, rawequal, error as they were at set-up, before any
 * scenario code ran); [4] a thread with no hook. The first call builds them on that thread with
 * charges off: nothing is allocated on the caller's state and every error
 * is caught on the thread, so the caller's count hook, budget and memory
 * see exactly the work of a state built with them (the same chunk, the
 * same bytecode, the same (sandbox):N: lines). Later states build them at
 * set-up from the dump, as before. */

static void build_ordered(lua_State *L, int holder)
{
    lua_rawgeti(L, holder, ORD_THREAD);
    lua_State *T = lua_tothread(L, -1);
    lua_rawgeti(L, holder, ORD_ENV);
    tt_sandbox *sb = tt_sandbox_of(L);
    bool armed = sb->armed;
    sb->armed = false;
    int rc = luaL_loadbufferx(T, sorted_pairs_src, sizeof sorted_pairs_src - 1, "=(sandbox)", "t");
    if (rc == LUA_OK) {
        lua_xmove(L, T, 1);                  /* _ENV */
        lua_setupvalue(T, -2, 1);
        rc = lua_pcall(T, 0, 2, 0);
    } else {
        lua_pop(L, 1);
    }
    sb->armed = armed;
    if (rc != LUA_OK) {
        lua_xmove(T, L, 1);
        lua_error(L);
    }
    lua_xmove(T, L, 2);
    lua_rawseti(L, holder, ORD_NEXT);
    lua_rawseti(L, holder, ORD_PAIRS);
    lua_pop(L, 1);                           /* the thread, dropped below */
    lua_pushnil(L);
    lua_rawseti(L, holder, ORD_THREAD);
}

/* Push ordered_pairs or ordered_next: upvalue 1 is the function, or the
 * first state's holder (above). */
static void push_ordered(lua_State *L, int which)
{
    int up = lua_upvalueindex(1);
    if (lua_type(L, up) == LUA_TFUNCTION) {
        lua_pushvalue(L, up);
        return;
    }
    if (lua_rawgeti(L, up, which) == LUA_TFUNCTION)
        return;
    lua_pop(L, 1);
    lua_pushvalue(L, up);
    build_ordered(L, lua_gettop(L));
    lua_pop(L, 1);
    lua_rawgeti(L, up, which);
}

/* The first state's holder: the originals the chunk needs. */
static void push_ordered_holder(lua_State *L)
{
    lua_createtable(L, ORD_SLOTS, 0);
    lua_createtable(L, 0, 3);
    static const char *const globals[] = { "rawget", "rawequal", "error", NULL };
    for (size_t i = 0; globals[i]; i++) {
        lua_getglobal(L, globals[i]);
        lua_setfield(L, -2, globals[i]);
    }
    lua_rawseti(L, -2, ORD_ENV);
    lua_State *T = lua_newthread(L);         /* no hook is set at set-up */
    lua_sethook(T, NULL, 0, 0);
    lua_rawseti(L, -2, ORD_THREAD);
    /* [1] and [2] stay nil until built; the array part already has room. */
}

/* math.random / ctx.random on the exercise's generator. */
int tt_sandbox_random(lua_State *L)
{
    tt_sandbox *sb = tt_sandbox_of(L);
    if (!sb->rng)
        return luaL_error(L, TT_MSG(E_SBL_RANDOM_NOT_RUNNING));
    sb->drew = true;
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, tt_rng_unit(sb->rng));
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, TT_MSG(E_SBL_RANDOM_ARGS));
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    lua_pushinteger(L, (lua_Integer)tt_rng_range(sb->rng, lo, hi));
    return 1;
}


/* ---- Work charged for library functions that loop in C ---- */

enum { CHARGE_PLAIN, CHARGE_PATTERN, CHARGE_GSUB, CHARGE_GMATCH, CHARGE_FIND, CHARGE_SORT,
       CHARGE_MOVE, CHARGE_REP, CHARGE_UNPACK, CHARGE_CONCAT, CHARGE_BYTE, CHARGE_FORMAT,
       CHARGE_DECODE };
/* Added to the kind of table.* functions: they take their length from
 * __len and read through __index, in C loops no budget sees, so they are
 * given plain tables only. */
#define CHARGE_TABLE_LIB 0x100

/* An upper bound on the steps of Lua's backtracking matcher for a pattern
 * on a subject of ls bytes. The matcher walks a tree of choices: every
 * single-character item with *, + or - may take any of n = ls + 1 lengths
 * (* and + first scan ahead, another n), ? two, %b and back-references scan
 * the subject once, and an unanchored search (gsub and gmatch too) starts
 * at every position. Every path through that tree steps through at most
 * all the pattern's items, comparing literals as it goes, so the product is
 * multiplied by the pattern's length: a long literal searched in a long
 * subject costs ls x lp, a lazy '.-' before a long literal n x n x lp.
 * Given the subject, a quantified single-character item takes at most its
 * longest run there + 1 lengths instead of n (still an upper bound). */
static double pattern_steps(const char *p, size_t lp, const char *subject, size_t ls,
                            bool anchors)
{
    double n = (double)ls + 1.0, steps = 1.0;
    size_t i = 0;
    if (anchors && lp && p[0] == '^') /* gmatch reads '^' as a plain character */
        i = 1;
    else
        steps = n;
    while (i < lp) {
        char c = p[i];
        size_t end = i + 1;
        if (c == '(' || c == ')') {
            i++;
            continue;
        }
        if (c == '$' && i + 1 == lp)
            break;
        if (c == '%' && i + 1 < lp) {
            char d = p[i + 1];
            if (d == 'b') {
                steps *= n;
                i += 4;
                continue;
            }
            if (d == 'f') {
                i += 2;
                if (i < lp && p[i] == '[') {
                    i++;
                    if (i < lp && p[i] == '^')
                        i++;
                    do {
                        if (i < lp && p[i] == '%')
                            i++;
                        i++;
                    } while (i < lp && p[i] != ']');
                    i++;
                }
                continue;
            }
            if (d >= '0' && d <= '9')
                steps *= n;
            end = i + 2;
        } else if (c == '[') {
            end = i + 1;
            if (end < lp && p[end] == '^')
                end++;
            do {
                if (end < lp && p[end] == '%')
                    end++;
                end++;
            } while (end < lp && p[end] != ']');
            end++;
        }
        if (end < lp) {
            char q = p[end];
            /* Given the subject, a single-character item tries at most its
             * longest run there + 1 lengths (pattern_run.c). */
            double choices = n;
            if (subject && (q == '*' || q == '+' || q == '-'))
                choices = (double)tt_pattern_item_run(p + i, p + end, subject, ls) + 1.0;
            if (q == '*' || q == '+') {
                steps *= 2.0 * choices;
                end++;
            } else if (q == '-') {
                steps *= choices;
                end++;
            } else if (q == '?') {
                steps *= 2;
                end++;
            }
        }
        i = end;
        if (steps > 1e300)
            return steps;
    }
    return steps * ((double)lp + 1.0);
}

/* A plain search (find with plain = true, or a pattern without special
 * characters, which Lua searches the same way): every start position may
 * compare up to the whole needle. */
static double literal_steps(size_t lp, size_t ls)
{
    if (lp > ls)
        return 1.0;
    return ((double)(ls - lp) + 1.0) * ((double)lp + 1.0);
}

static bool has_specials(const char *p, size_t lp)
{
    for (size_t i = 0; i < lp; i++)
        if (strchr("^$*+?.([%-", p[i]) && p[i] != '\0')
            return true;
    return false;
}

/* A count or position as Lua's library reads it (luaL_checkinteger): an
 * integer, a float with a whole value (1e7) or a numeric string ("1e7").
 * The charge reads it the same way, or such a count would go unpaid. */
static bool arg_integer(lua_State *L, int i, lua_Integer *out)
{
    int ok = 0;
    lua_Integer v = lua_tointegerx(L, i, &ok);
    if (ok)
        *out = v;
    return ok;
}

/* The length of a string argument as luaL_checklstring reads it (a number
 * is its text: Lua converts it in place, as the library call would). */
static size_t arg_length(lua_State *L, int i)
{
    size_t len = 0;
    lua_tolstring(L, i, &len);
    return len;
}

/* Units for a count of iterations, saturating. */
static uint64_t count_units(double first, double last)
{
    if (!(last >= first))
        return 0;
    double count = last - first + 1.0;
    return count > 1e18 ? (uint64_t)1e18 : (uint64_t)count;
}

static uint64_t add_units(uint64_t a, uint64_t b)
{
    return b > UINT64_MAX - a ? UINT64_MAX : a + b;
}

/* Lua's posrelatI: a 1-based start position, negative from the end. */
static size_t start_position(lua_Integer pos, size_t len)
{
    if (pos > 0)
        return (size_t)pos;
    if (pos == 0 || pos < -(lua_Integer)len)
        return 1;
    return len + (size_t)pos + 1;
}

/* The real work of a pattern call, charged like Lua instructions (one per
 * matcher step, pattern_cost.c), counted only while a run is armed and
 * only up to what the budget has left. A plain search runs memchr and
 * memcmp (about 30 bytes per instruction's time): each candidate start (a
 * byte equal to the needle's first) may compare the whole needle. */
static uint64_t pattern_units(lua_State *L, int kind, bool literal)
{
    uint64_t left;
    if (!tt_sandbox_budget_left(L, &left))
        return 0;
    size_t ls, lp;
    const char *s = lua_tolstring(L, 1, &ls);
    const char *p = lua_tolstring(L, 2, &lp);
    lua_Integer init = 1;
    int ok = 1;
    if (kind != CHARGE_GSUB && !lua_isnoneornil(L, 3))
        init = lua_tointegerx(L, 3, &ok);
    if (!ok) /* Lua refuses the argument before matching */
        return 0;
    size_t start = start_position(init, ls) - 1;
    if (literal) {
        if (start > ls || lp == 0 || lp > ls - start)
            return 1;
        uint64_t units = 1 + ((ls - start) >> 6);
        const char *at = s + start, *last = s + (ls - lp);
        while (at <= last && units <= left) {
            const char *hit = memchr(at, (unsigned char)p[0], (size_t)(last - at) + 1);
            if (!hit)
                break;
            units = add_units(units, 1 + (lp >> 5));
            at = hit + 1;
        }
        return units;
    }
    uint64_t max_n = UINT64_MAX, matches;
    if (kind == CHARGE_GSUB && !lua_isnoneornil(L, 4)) {
        lua_Integer n = lua_tointegerx(L, 4, &ok);
        if (!ok)
            return 0;
        max_n = n > 0 ? (uint64_t)n : 0;
    }
    tt_pattern_call call = kind == CHARGE_GMATCH ? TT_PATTERN_GMATCH
                         : kind == CHARGE_GSUB   ? TT_PATTERN_GSUB
                                                 : TT_PATTERN_FIND;
    uint64_t units = tt_pattern_cost(s, ls, p, lp, call, start, max_n, left, &matches);
    /* gsub copies a string replacement for every match. */
    if (kind == CHARGE_GSUB && lua_type(L, 3) == LUA_TSTRING)
        units = add_units(units, matches * (1 + (lua_rawlen(L, 3) >> 4)));
    return units;
}

/* string.format: each item is a call to the C library's printf; a float
 * printed with %f costs about 20 ns (5 instructions) per digit, and 1e308
 * has 308 before the point: '%99.99f' of -1e308 takes ~8 us. %q escapes
 * its string byte by byte. */
static uint64_t format_units(lua_State *L)
{
    size_t len;
    const char *f = lua_tolstring(L, 1, &len);
    if (!f)
        return 0;
    uint64_t units = 0;
    int arg = 1;
    for (size_t i = 0; i < len; i++) {
        if (f[i] != '%')
            continue;
        if (++i < len && f[i] == '%')
            continue;
        while (i < len && strchr("-+ #0", f[i]))
            i++;
        while (i < len && f[i] >= '0' && f[i] <= '9')
            i++;
        int precision = 6;
        if (i < len && f[i] == '.') {
            precision = 0;
            while (++i < len && f[i] >= '0' && f[i] <= '9')
                precision = precision * 10 + (f[i] - '0') % 100;
        }
        if (i >= len)
            break;
        arg++;
        units += 8;
        if (strchr("aAeEfFgG", f[i]) && lua_isnumber(L, arg)) {
            double x = fabs((double)lua_tonumber(L, arg));
            double digits = isfinite(x) && x >= 10.0 ? log10(x) : 1.0;
            units += (uint64_t)((digits + precision) * 5.0);
        } else if (f[i] == 'q' && lua_type(L, arg) == LUA_TSTRING) {
            units += lua_rawlen(L, arg) >> 1;
        }
    }
    return units;
}

static int charged(lua_State *L)
{
    return charged_run(L, (int)lua_tointeger(L, lua_upvalueindex(2)),
                       lua_tocfunction(L, lua_upvalueindex(1)));
}

/* The charge of a library call, then the call itself, in the caller's
 * frame (charged, sandbox_format). */
static int charged_run(lua_State *L, int flags, lua_CFunction original)
{
    int kind = flags & ~CHARGE_TABLE_LIB;
    int top = lua_gettop(L);
    /* Every argument is work (string.char, utf8.char, table.pack walk them);
     * strings are read at 16 bytes an instruction, or 4 where each byte is
     * decoded (utf8, numbers). */
    int shift = kind == CHARGE_DECODE ? 2 : 4;
    uint64_t units = 1 + (uint64_t)top;
    for (int i = 1; i <= top; i++) {
        if (lua_type(L, i) == LUA_TSTRING)
            units += lua_rawlen(L, i) >> shift;
        else if (lua_type(L, i) == LUA_TTABLE)
            units += lua_rawlen(L, i);
        if ((flags & CHARGE_TABLE_LIB) && lua_type(L, i) == LUA_TTABLE && lua_getmetatable(L, i))
            return luaL_error(L, TT_MSG(E_SBL_PLAIN_TABLES_FMT), i);
    }
    lua_Integer count;
    /* Only find has a `plain` flag (its 4th argument). */
    bool plain = kind == CHARGE_FIND && top >= 4 && lua_toboolean(L, 4);
    if ((kind == CHARGE_PATTERN || kind == CHARGE_GSUB || kind == CHARGE_GMATCH ||
         kind == CHARGE_FIND) &&
        lua_type(L, 1) == LUA_TSTRING && lua_type(L, 2) == LUA_TSTRING) {
        size_t ls, lp;
        lua_tolstring(L, 1, &ls);
        const char *p = lua_tolstring(L, 2, &lp);
        /* find without specials is a plain search in Lua too. */
        bool literal = plain || (kind == CHARGE_FIND && !has_specials(p, lp));
        bool anchors = kind != CHARGE_GMATCH;
        double steps = literal ? literal_steps(lp, ls) : pattern_steps(p, lp, NULL, ls, anchors);
        /* Over the bound by the subject's length alone: bound it again by
         * what the subject holds (only then, as it reads the subject). */
        if (!literal && steps > TT_PATTERN_MAX_STEPS)
            steps = pattern_steps(p, lp, lua_tostring(L, 1), ls, anchors);
        if (steps > TT_PATTERN_MAX_STEPS) {
            int subject = (int)(ls > INT32_MAX ? INT32_MAX : ls);
            if (lp <= 60)
                return luaL_error(L, TT_MSG(E_SBL_PATTERN_COMPLEX_FMT), p, subject);
            return luaL_error(L, TT_MSG(E_SBL_PATTERN_SIZE_COMPLEX_FMT),
                              (int)(lp > INT32_MAX ? INT32_MAX : lp), subject);
        }
        /* Under the bound, the call is charged what it will really do. */
        units = add_units(units, pattern_units(L, kind, literal));
    } else if (kind == CHARGE_SORT && lua_type(L, 1) == LUA_TTABLE) {
        uint64_t n = lua_rawlen(L, 1), lg = 1, bytes = 0;
        while (lg < 64 && ((uint64_t)1 << lg) < n)
            lg++;
        units = add_units(units, n * lg);
        /* Comparing strings reads them (strcoll): each takes part in about
         * lg comparisons. */
        for (uint64_t i = 1; i <= n; i++) {
            if (lua_rawgeti(L, 1, (lua_Integer)i) == LUA_TSTRING)
                bytes += lua_rawlen(L, -1);
            lua_pop(L, 1);
        }
        units = add_units(units, (bytes >> 6) * lg);
    } else if (kind == CHARGE_MOVE && lua_isnumber(L, 2) && lua_isnumber(L, 3)) {
        units += count_units(lua_tonumber(L, 2), lua_tonumber(L, 3));
    } else if (kind == CHARGE_UNPACK && lua_isnumber(L, 3)) {
        units += count_units(lua_isnumber(L, 2) ? lua_tonumber(L, 2) : 1, lua_tonumber(L, 3));
    } else if (kind == CHARGE_CONCAT && lua_isnumber(L, 4)) {
        units += count_units(lua_isnumber(L, 3) ? lua_tonumber(L, 3) : 1, lua_tonumber(L, 4));
    } else if (kind == CHARGE_BYTE && lua_type(L, 1) == LUA_TSTRING) {
        /* string.byte / utf8.codepoint (s, i, j): one value per position. */
        lua_Integer i = 1, j;
        arg_integer(L, 2, &i);
        if (!arg_integer(L, 3, &j))
            j = i;
        size_t ls = lua_rawlen(L, 1);
        size_t from = start_position(i, ls);
        size_t to = j < 0 ? start_position(j, ls) : (size_t)j;
        if (to > ls)
            to = ls;
        if (from <= to)
            units = add_units(units, to - from + 1);
    } else if (kind == CHARGE_FORMAT) {
        units = add_units(units, format_units(L));
    } else if (kind == CHARGE_REP && lua_type(L, 1) == LUA_TSTRING && lua_rawlen(L, 1) == 0 &&
               arg_integer(L, 2, &count) &&
               (lua_isnoneornil(L, 3) || (lua_type(L, 3) == LUA_TSTRING && lua_rawlen(L, 3) == 0))) {
        /* Lua would loop n times copying nothing, in C, where no budget
         * can stop it (a nil separator is the empty one): the answer is "". */
        lua_pushliteral(L, "");
        return 1;
    } else if (kind == CHARGE_REP && lua_isstring(L, 1) && arg_integer(L, 2, &count)) {
        /* One copy per piece, when the result fits at all (else the
         * allocation fails first, with the memory error). */
        lua_Integer n = count;
        size_t piece = arg_length(L, 1) + (lua_isstring(L, 3) ? arg_length(L, 3) : 0);
        tt_sandbox *sb = tt_sandbox_of(L);
        size_t room = sb->cap > sb->used ? sb->cap - sb->used : 0;
        if (n > 0 && piece > 0 && (uint64_t)n <= room / piece)
            units = add_units(units, (uint64_t)n);
    }
    tt_sandbox_charge(L, units);
    tt_sandbox_check_budget(L);
    /* Run the original in this very frame so its errors name the caller's
     * line and the function as the script called it. Library functions of
     * these tables take no upvalues. */
    return original(L);
}

/* How each library function's work is estimated; the others are
 * CHARGE_PLAIN (arguments and their sizes). */
static const struct {
    const char *lib, *name;
    int kind;
} charge_kinds[] = {
    { "string", "find", CHARGE_FIND },       { "string", "match", CHARGE_PATTERN },
    { "string", "gsub", CHARGE_GSUB },       { "string", "gmatch", CHARGE_GMATCH },
    { "string", "rep", CHARGE_REP },         { "string", "byte", CHARGE_BYTE },
    { "string", "format", CHARGE_FORMAT },   { "table", "sort", CHARGE_SORT },
    { "table", "move", CHARGE_MOVE },        { "table", "unpack", CHARGE_UNPACK },
    { "table", "concat", CHARGE_CONCAT },    { "utf8", "codepoint", CHARGE_BYTE },
};

static int charge_kind(const char *lib, const char *name)
{
    int kind = strcmp(lib, "utf8") == 0 ? CHARGE_DECODE : CHARGE_PLAIN;
    for (size_t i = 0; i < sizeof charge_kinds / sizeof charge_kinds[0]; i++)
        if (strcmp(lib, charge_kinds[i].lib) == 0 && strcmp(name, charge_kinds[i].name) == 0)
            kind = charge_kinds[i].kind;
    if (strcmp(lib, "table") == 0)
        kind |= CHARGE_TABLE_LIB;
    return kind;
}

/* Replace the C function t[name] (t at index t) with its charged wrapper. */
static void wrap_function(lua_State *L, int t, const char *name, int kind)
{
    lua_pushstring(L, name);
    lua_pushvalue(L, -1);
    if (lua_rawget(L, t) == LUA_TFUNCTION && lua_iscfunction(L, -1)) {
        lua_pushinteger(L, kind);
        lua_pushcclosure(L, charged, 2);
        lua_rawset(L, t);
    } else {
        lua_pop(L, 2);
    }
}

static void wrap_library(lua_State *L, const char *lib)
{
    lua_getglobal(L, lib);
    int t = lua_gettop(L);
    /* Collect names first: the table is modified while we go. */
    lua_newtable(L);
    int names = lua_gettop(L);
    int n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING) {
            lua_pushvalue(L, -1);
            lua_rawseti(L, names, ++n);
        }
    }
    for (int i = 1; i <= n; i++) {
        lua_rawgeti(L, names, i);
        const char *name = lua_tostring(L, -1);
        wrap_function(L, t, name, charge_kind(lib, name));
        lua_pop(L, 1);
    }
    lua_settop(L, t - 1);
}

/* Number parsing reads every byte in C: tonumber, and the string
 * metatable's arithmetic ("1e5" + 0 converts the string). */
static void wrap_number_parsing(lua_State *L)
{
    static const char *const arith[] = { "__add", "__sub", "__mul", "__div", "__mod",
                                         "__pow", "__unm", "__idiv", NULL };
    lua_pushglobaltable(L);
    wrap_function(L, lua_gettop(L), "tonumber", CHARGE_DECODE);
    lua_pop(L, 1);
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    for (size_t i = 0; arith[i]; i++)
        wrap_function(L, lua_gettop(L), arith[i], CHARGE_DECODE);
    lua_pop(L, 2);
}

static void replace(lua_State *L, int table, const char *name, lua_CFunction f)
{
    lua_pushstring(L, name);
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, f, 1);
    lua_rawset(L, table);
}

static const char *const forbidden_globals[] = {
    "io", "os", "package", "debug", "coroutine", "require", "dofile",
    "loadfile", "loadstring", "collectgarbage", "print", "module",
    "setfenv", "getfenv", "newproxy", NULL
};

static int env_index(lua_State *L)
{
    const char *name = lua_tostring(L, 2);
    if (name && lua_type(L, 2) == LUA_TSTRING) {
        for (size_t i = 0; forbidden_globals[i]; i++)
            if (strcmp(name, forbidden_globals[i]) == 0)
                return luaL_error(L, TT_MSG(E_SBL_NOT_AVAILABLE_FMT), name);
    }
    return 0;
}

static const char *const allowed_globals[] = {
    "assert", "error", "getmetatable", "ipairs", "next", "pairs", "pcall",
    "rawequal", "rawget", "rawlen", "rawset", "select", "setmetatable",
    "tonumber", "tostring", "type", "xpcall", "load", "_VERSION",
    "string", "table", "math", "utf8", NULL
};

/* Everything runs under lua_pcall so even library loading is protected. */
int tt_sandbox_setup(lua_State *L)
{
    static const luaL_Reg libs[] = {
        { LUA_GNAME, luaopen_base },       { LUA_TABLIBNAME, luaopen_table },
        { LUA_STRLIBNAME, luaopen_string }, { LUA_MATHLIBNAME, luaopen_math },
        { LUA_UTF8LIBNAME, luaopen_utf8 },  { NULL, NULL }
    };
    for (const luaL_Reg *lib = libs; lib->func; lib++) {
        luaL_requiref(L, lib->name, lib->func, 1);
        lua_pop(L, 1);
    }
    /* The deterministic pairs is Lua; it captures table.sort before any
     * scenario code can touch it (the first state: at its first use, from
     * the originals kept now). */
    if (!atomic_flag_test_and_set(&pairs_compiled_once)) {
        push_ordered_holder(L);
        lua_pushvalue(L, -1);
    } else {
        if (load_pairs(L) != LUA_OK)
            return lua_error(L);
        lua_call(L, 0, 2);
    }
    /* Both also take the message for a key with no order, in the user's
     * language. */
    int ordered = lua_gettop(L);        /* pairs' upvalue below next's */
    lua_pushstring(L, TT_MSG(E_SBL_PAIRS_UNORDERED_BEFORE));
    lua_pushstring(L, TT_MSG(E_SBL_PAIRS_UNORDERED_AFTER));
    lua_pushvalue(L, ordered);
    lua_pushvalue(L, ordered + 1);
    lua_pushvalue(L, ordered + 2);
    lua_pushcclosure(L, sandbox_next, 3);
    lua_setglobal(L, "next");
    lua_pushvalue(L, ordered - 1);
    lua_pushvalue(L, ordered + 1);
    lua_pushvalue(L, ordered + 2);
    lua_pushcclosure(L, sandbox_pairs, 3);
    lua_setglobal(L, "pairs");
    lua_settop(L, ordered - 2);

    /* Charge C work first, so the replacements below are not wrapped. */
    wrap_library(L, "string");
    wrap_library(L, "table");
    wrap_library(L, "utf8");
    wrap_number_parsing(L);

    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    lua_getfield(L, g, "xpcall");
    lua_pushcclosure(L, sandbox_xpcall, 1);
    lua_setfield(L, g, "xpcall");
    /* Replace in place, so no alias of a library table keeps the original. */
    replace(L, g, "dofile", unavailable);
    replace(L, g, "loadfile", unavailable);
    replace(L, g, "collectgarbage", unavailable);
    replace(L, g, "require", unavailable);
    replace(L, g, "print", unavailable);
    lua_pushcfunction(L, sandbox_load);
    lua_setfield(L, g, "load");
    lua_pushcfunction(L, sandbox_setmetatable);
    lua_setfield(L, g, "setmetatable");
    lua_pushcfunction(L, sandbox_tostring);
    lua_setfield(L, g, "tostring");
    lua_getglobal(L, "string");
    replace(L, lua_gettop(L), "dump", unavailable);
    /* format is wrapped (charged) already: keep that wrapper as the original. */
    lua_getfield(L, -1, "format");
    lua_pushcclosure(L, sandbox_format, 1);
    lua_setfield(L, -2, "format");
    lua_pop(L, 1);
    lua_getglobal(L, "math");
    lua_pushcfunction(L, tt_sandbox_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, ignore); /* the exercise's seed decides */
    lua_setfield(L, -2, "randomseed");
    /* Its C functions compute on numbers and never call Lua: a loop-free
     * callback calling only them may run unhooked (call.c). */
    tt_sandbox *sb = tt_sandbox_of(L);
    sb->n_leaf = 0;
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_CFunction f = lua_tocfunction(L, -1);
        if (f && sb->n_leaf < TT_SANDBOX_LEAF_MAX)
            sb->leaf[sb->n_leaf++] = f;
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    /* Strings reach the string table through their metatable: protect it. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    /* The scenario's own _ENV: an allowlist copied from the globals. */
    lua_newtable(L);
    int env = lua_gettop(L);
    for (size_t i = 0; allowed_globals[i]; i++) {
        lua_getfield(L, g, allowed_globals[i]);
        lua_setfield(L, env, allowed_globals[i]);
    }
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");
    lua_newtable(L);
    lua_pushcfunction(L, env_index);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, env);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_ENV);
    return 0;
}

void tt_sandbox_push_env(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_ENV);
}
