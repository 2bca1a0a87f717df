/* The state table as callbacks see it: a userdata proxy (rawset cannot get
 * around it) that only reads declared keys and only stores scalars of the
 * declared kind, and iterates its keys in sorted order. */
#include <lauxlib.h>
#include <math.h>
#include <string.h>

#include "host.h"
#include "tabletop/suggest.h"

tt_script *tt_host_of(lua_State *L)
{
    void *ud = NULL;
    lua_getallocf(L, &ud);
    return ((tt_sandbox *)ud)->host;
}

/* A key the state does not declare, with the nearest declared one. */
static int undeclared(lua_State *L, const char *key, const char *advice)
{
    tt_script *s = tt_host_of(L);
    char hint[300];
    tt_suggest(key, s->state_keys, s->n_state_keys, sizeof *s->state_keys, hint, sizeof hint);
    return luaL_error(L, "state key '%s' is not declared in the scenario's state (%s%s)", key,
                      hint, advice);
}

/* A condition running reads `key` (on the stack at idx): remember it. */
static void record_read(lua_State *L, tt_script *s, int idx, int keys)
{
    tt_cond_memo *m = s->recording;
    if (m->n_reads > TT_MEMO_READS)
        return;
    lua_pushvalue(L, idx);
    lua_rawget(L, keys);
    uint32_t k = (uint32_t)lua_tointeger(L, -1);
    lua_pop(L, 1);
    for (unsigned i = 0; i < m->n_reads; i++)
        if (m->reads[i] == k)
            return;
    if (m->n_reads == TT_MEMO_READS)
        m->n_reads = TT_MEMO_READS + 1; /* too many to list: always run it */
    else
        m->reads[m->n_reads++] = k;
}

/* Upvalues: __index (state table, key -> index); __newindex (state table,
 * declarations, key -> index); the key -> index table is TT_REG_KEYS. */
static int state_index(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "state keys are names; got a %s", luaL_typename(L, 2));
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNIL)
        return undeclared(L, lua_tostring(L, 2), "");
    tt_script *s = tt_host_of(L);
    if (s->recording)
        record_read(L, s, 2, lua_upvalueindex(2));
    return 1;
}

/* Note a write of the key at idx (declared): its generation, and the
 * journal's list of keys to compare. */
static void note_write(lua_State *L, tt_script *s, int idx, int keys)
{
    lua_pushvalue(L, idx);
    lua_rawget(L, keys);
    lua_Integer k = lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (k < 0 || (size_t)k >= s->n_state_keys || !s->written)
        return;
    s->written[k] = ++s->gen;
    if (!s->dirty[k]) {
        s->dirty[k] = true;
        s->dirty_list[s->n_dirty++] = (uint32_t)k;
    }
}

static int state_newindex(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (lua_type(L, 2) != LUA_TSTRING)
        return luaL_error(L, "state keys are names; got a %s", luaL_typename(L, 2));
    const char *key = lua_tostring(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TSTRING)
        return undeclared(L, key, "; to add it: state = { ... }");
    const char *declared = lua_tostring(L, -1);
    if (s->read_only) {
        const char *where = tt_host_where(s);
        return luaL_error(L, "cannot change state.%s in %s: conditions only read the state",
                          key, where ? where : "a condition");
    }
    int t = lua_type(L, 3);
    const char *cls = t == LUA_TBOOLEAN ? "boolean"
                    : t == LUA_TNUMBER  ? "number"
                    : t == LUA_TSTRING  ? "string"
                                        : NULL;
    if (!cls)
        return luaL_error(L, "state.%s can only hold a boolean, number or string, not a %s",
                          key, luaL_typename(L, 3));
    if (t == LUA_TNUMBER && !lua_isinteger(L, 3) && !isfinite(lua_tonumber(L, 3)))
        return luaL_error(L, "state.%s: numbers in the state must be finite (got %s)", key,
                          lua_tostring(L, 3));
    if (t == LUA_TNUMBER && strcmp(declared, "integer") == 0) {
        /* Declared as a whole number (state = { x = 0 }): 231.0 is stored as
         * 231, so the journal never shows "231.0"; 231.5 is an error. */
        int whole = 0;
        lua_Integer i = lua_tointegerx(L, 3, &whole);
        if (!whole)
            return luaL_error(L, "state.%s is an integer (declared with a whole number); %s is "
                                 "not whole: round it (// or math.floor) or declare it as a "
                                 "number with a decimal point (%s = 0.0)",
                              key, lua_tostring(L, 3), key);
        lua_pushinteger(L, i);
        lua_replace(L, 3);
    } else if (strcmp(cls, declared) != 0 &&
               !(t == LUA_TNUMBER && strcmp(declared, "number") == 0)) {
        return luaL_error(L, "state.%s is %s %s; cannot store a %s in it", key,
                          strcmp(declared, "integer") == 0 ? "an" : "a", declared, cls);
    }
    if (t == LUA_TSTRING && lua_rawlen(L, 3) > TT_MAX_TEXT)
        return luaL_error(L, "state.%s: strings in the state are limited to %d bytes", key,
                          (int)TT_MAX_TEXT);
    char why[160];
    if (t == LUA_TSTRING && !tt_host_text_ok(lua_tostring(L, 3), lua_rawlen(L, 3), why,
                                             sizeof why))
        return luaL_error(L, "state.%s: %s", key, why);
    if (t == LUA_TNUMBER && !lua_isinteger(L, 3) && !isfinite(lua_tonumber(L, 3)))
        return luaL_error(L, "state.%s: numbers in the state must be finite (got %s)", key,
                          lua_tostring(L, 3));
    lua_settop(L, 3);
    note_write(L, s, 2, lua_upvalueindex(3));
    lua_rawset(L, lua_upvalueindex(1));
    return 0;
}

/* Iterator over the declared keys in sorted order (the script keeps them). */
static int state_next(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    size_t i = 0;
    if (!lua_isnoneornil(L, 2)) {
        const char *k = luaL_checkstring(L, 2);
        size_t lo = 0, hi = s->n_state_keys;
        while (lo < hi) { /* first key > k */
            size_t mid = (lo + hi) / 2;
            if (strcmp(s->state_keys[mid], k) <= 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        i = lo;
    }
    if (i >= s->n_state_keys)
        return 0;
    lua_pushstring(L, s->state_keys[i]);
    lua_pushvalue(L, -1);
    lua_rawget(L, lua_upvalueindex(1));
    return 2;
}

static int state_pairs(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (s->recording)
        s->recording->n_reads = TT_MEMO_READS + 1; /* reads everything */
    lua_pushvalue(L, lua_upvalueindex(3)); /* state_next */
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

int tt_state_install(lua_State *L)
{
    lua_newtable(L);
    int state = lua_gettop(L);
    /* Defaults until an exercise begins (tt_script_state works after load). */
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_INITIAL);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        lua_pushvalue(L, -2);
        lua_insert(L, -2);
        lua_rawset(L, state);
    }
    lua_pop(L, 1);
    lua_pushvalue(L, state);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_STATE);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    int decl = lua_gettop(L);
    tt_script *s = tt_host_of(L);
    lua_createtable(L, 0, (int)s->n_state_keys);
    int keys = lua_gettop(L);
    for (size_t i = 0; i < s->n_state_keys; i++) {
        lua_pushinteger(L, (lua_Integer)i);
        lua_setfield(L, keys, s->state_keys[i]);
    }
    lua_pushvalue(L, keys);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_KEYS);

    lua_newuserdatauv(L, 0, 0);
    int proxy = lua_gettop(L);
    lua_newtable(L);
    int mt = lua_gettop(L);
    lua_pushvalue(L, state);
    lua_pushvalue(L, keys);
    lua_pushcclosure(L, state_index, 2);
    lua_setfield(L, mt, "__index");
    lua_pushvalue(L, state);
    lua_pushvalue(L, decl);
    lua_pushvalue(L, keys);
    lua_pushcclosure(L, state_newindex, 3);
    lua_setfield(L, mt, "__newindex");
    lua_pushvalue(L, state);
    lua_pushvalue(L, decl);
    lua_pushvalue(L, state);
    lua_pushcclosure(L, state_next, 1);
    lua_pushcclosure(L, state_pairs, 3);
    lua_setfield(L, mt, "__pairs");
    lua_pushliteral(L, "state");
    lua_setfield(L, mt, "__metatable");
    lua_pushliteral(L, "state");
    lua_setfield(L, mt, "__name");
    lua_setmetatable(L, proxy);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_PROXY);

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_DEFERRED);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_REPLIES);
    lua_settop(L, 0);
    return 0;
}
