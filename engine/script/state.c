/* The state table as callbacks see it: a userdata proxy (rawset cannot get
 * around it) that only reads declared keys and only stores scalars of the
 * declared kind, and iterates its keys in sorted order. */
#include <lauxlib.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

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
    return luaL_error(L, TT_MSG(E_ST_UNDECLARED_FMT), key,
                      hint, advice);
}

/* A condition running reads the key at idx: remember it (keys is the
 * key -> index table). */
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

static int not_a_name(lua_State *L, int idx)
{
    return luaL_error(L, TT_MSG(E_ST_KEY_NOT_NAME_FMT), luaL_typename(L, idx));
}

/* The state table's own __index: only a key it does not hold gets here. */
static int state_missing(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return not_a_name(L, 2);
    return undeclared(L, lua_tostring(L, 2), "");
}

/* The proxy's __index while conditions run (upvalues: state table, key ->
 * index): every read is recorded. Otherwise __index is the state table
 * itself, and a read costs what a table read costs. */
static int state_index(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return not_a_name(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNIL)
        return undeclared(L, lua_tostring(L, 2), "");
    tt_script *s = tt_host_of(L);
    if (s->recording)
        record_read(L, s, 2, lua_upvalueindex(2));
    return 1;
}

/* A condition's own view's __index (upvalues: state table, key -> index):
 * the first read of a key in that view records it and keeps its value
 * there; the script refreshes kept keys that were written since. */
static int view_miss(lua_State *L)
{
    if (lua_type(L, 2) != LUA_TSTRING)
        return not_a_name(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNIL)
        return undeclared(L, lua_tostring(L, 2), "");
    tt_script *s = tt_host_of(L);
    if (s->recording) {
        record_read(L, s, 2, lua_upvalueindex(2));
        lua_pushvalue(L, 2);
        lua_pushvalue(L, -2);
        lua_rawset(L, 1);
    }
    return 1;
}

/* Note a write of key k: its generation, and the journal's list of keys
 * to compare. */
static void note_write(tt_script *s, lua_Integer k)
{
    if (k < 0 || (size_t)k >= s->n_state_keys || !s->written)
        return;
    s->written[k] = ++s->gen;
    if (!s->dirty[k]) {
        s->dirty[k] = true;
        s->dirty_list[s->n_dirty++] = (uint32_t)k;
    }
}

/* Key -> index * 4 + class, so one lookup gives both. */
enum { CLASS_BOOLEAN, CLASS_INTEGER, CLASS_NUMBER, CLASS_STRING };
static const char *const CLASS_NAMES[] = { "boolean", "integer", "number", "string" };

/* Why the value at 3 cannot be stored in key 2 (declared class c). */
static int refuse_write(lua_State *L, tt_script *s, int c)
{
    const char *key = lua_tostring(L, 2);
    const char *declared = CLASS_NAMES[c];
    if (s->read_only) {
        const char *where = tt_host_where(s);
        return luaL_error(L, TT_MSG(E_ST_CONDITION_ONLY_READS_FMT),
                          key, where ? where : TT_MSG(E_A_CONDITION));
    }
    int t = lua_type(L, 3);
    char num[64];
    const char *cls = t == LUA_TBOOLEAN ? "boolean"
                    : t == LUA_TNUMBER  ? "number"
                    : t == LUA_TSTRING  ? "string"
                                        : NULL;
    if (!cls)
        return luaL_error(L, TT_MSG(E_ST_VALUE_KIND_FMT),
                          key, luaL_typename(L, 3));
    if (t == LUA_TNUMBER && !lua_isinteger(L, 3) && !isfinite(lua_tonumber(L, 3)))
        return luaL_error(L, TT_MSG(E_ST_NOT_FINITE_FMT), key,
                          tt_host_number_text(L, 3, num, sizeof num));
    if (t == LUA_TNUMBER && c == CLASS_INTEGER)
        return luaL_error(L, TT_MSG(E_ST_NOT_WHOLE_FMT),
                          key, tt_host_number_text(L, 3, num, sizeof num), key);
    if (strcmp(cls, declared) != 0)
        return luaL_error(L, c == CLASS_INTEGER ? TT_MSG(E_ST_KIND_AN_FMT) : TT_MSG(E_ST_KIND_A_FMT),
                          key, declared, cls);
    if (lua_rawlen(L, 3) > TT_MAX_TEXT)
        return luaL_error(L, TT_MSG(E_ST_STRING_LIMIT_FMT), key,
                          (int)TT_MAX_TEXT);
    char why[160];
    tt_host_text_ok(lua_tostring(L, 3), lua_rawlen(L, 3), why, sizeof why);
    return luaL_error(L, TT_MSG(E_ST_TEXT_BAD_FMT), key, why);
}

/* ---- Key codes by name address ----
 * A write's key is looked up by the address of its name's bytes among the
 * codes table's own key objects (never collected while the state lives, so
 * no other string can be at their addresses): a hit is that key; a miss
 * (an undeclared key, a long name that is another object with the same
 * bytes) takes the table lookup, which decides. */
typedef struct tt_key_slot {
    const char *name;
    lua_Integer code;
} tt_key_slot;

void tt_state_forget_keys(tt_script *s)
{
    free(s->key_slots);
    s->key_slots = NULL;
    s->key_mask = 0;
}

static size_t slot_of(const char *name, size_t mask)
{
    uint64_t h = (uint64_t)(uintptr_t)name;
    h ^= h >> 17;
    h *= 0x9E3779B97F4A7C15u;
    return (size_t)(h >> 40) & mask;
}

/* Fill the slots from the codes table at idx (no Lua allocation, cannot
 * raise; without memory, nothing is filled and writes take the table). */
static void fill_keys(lua_State *L, tt_script *s, int idx)
{
    size_t n = 16;
    while (n < 2 * s->n_state_keys + 2)
        n *= 2;
    tt_key_slot *slots = calloc(n, sizeof *slots);
    if (!slots)
        return;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        if (lua_type(L, -2) == LUA_TSTRING && lua_isinteger(L, -1)) {
            const char *name = lua_tostring(L, -2);
            size_t i = slot_of(name, n - 1);
            while (slots[i].name)
                i = (i + 1) & (n - 1);
            slots[i].name = name;
            slots[i].code = lua_tointeger(L, -1);
        }
        lua_pop(L, 1);
    }
    s->key_slots = slots;
    s->key_mask = n - 1;
}

/* The code of the key at 2 (a string), or -1 when the slots do not know
 * its name's address. */
static lua_Integer known_code(lua_State *L, tt_script *s)
{
    if (!s->key_mask)
        fill_keys(L, s, lua_upvalueindex(2));
    if (!s->key_mask)
        return -1;
    const char *name = lua_tostring(L, 2);
    for (size_t i = slot_of(name, s->key_mask);; i = (i + 1) & s->key_mask) {
        if (s->key_slots[i].name == name)
            return s->key_slots[i].code;
        if (!s->key_slots[i].name)
            return -1;
    }
}

/* Upvalues: state table, key -> index * 4 + class. The checks in the order
 * refuse_write explains them; the common cases first. Only the VM calls it,
 * as the proxy's __newindex (its metatable is protected): table, key,
 * value; the value held is pushed at 4. */
static int state_newindex(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (lua_gettop(L) != 3)
        lua_settop(L, 3);
    if (lua_type(L, 2) != LUA_TSTRING)
        return not_a_name(L, 2);
    lua_Integer code = known_code(L, s);
    if (code < 0) {
        lua_pushvalue(L, 2);
        if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNUMBER)
            return undeclared(L, lua_tostring(L, 2), TT_MSG(E_ST_HOW_TO_ADD));
        code = lua_tointeger(L, 4);
        lua_settop(L, 3);
    }
    int c = (int)(code & 3);
    int t = lua_type(L, 3);
    bool ok = false, integer = false;
    if (!s->read_only) {
        switch (t) {
        case LUA_TBOOLEAN:
            ok = c == CLASS_BOOLEAN;
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, 3)) {
                ok = c == CLASS_INTEGER || c == CLASS_NUMBER;
                integer = true;
            } else if (isfinite(lua_tonumber(L, 3))) {
                if (c == CLASS_NUMBER) {
                    ok = true;
                } else if (c == CLASS_INTEGER) {
                    /* Declared as a whole number (state = { x = 0 }): 231.0 is
                     * stored as 231, so the journal never shows "231.0". */
                    int whole = 0;
                    lua_Integer i = lua_tointegerx(L, 3, &whole);
                    if (whole) {
                        lua_pushinteger(L, i);
                        lua_replace(L, 3);
                        ok = integer = true;
                    }
                }
            }
            break;
        case LUA_TSTRING:
            ok = c == CLASS_STRING && lua_rawlen(L, 3) <= TT_MAX_TEXT &&
                 tt_host_text_ok(lua_tostring(L, 3), lua_rawlen(L, 3), NULL, 0);
            break;
        default:
            break;
        }
    }
    if (!ok)
        return refuse_write(L, s, c);
    /* Writing the value a key holds changes nothing: no generation, so the
     * conditions that read it are not re-run, and nothing to compare for
     * the journal (minute-by-minute dynamics rewrite most keys unchanged).
     * The same value is the same type, bit for bit (1 and 1.0, or 0.0 and
     * -0.0, are not: a scenario can tell them apart). A boolean or number
     * the proxy stored or compared last is known without reading the table
     * (s->held; strings and a fresh state read it). */
    lua_Integer k = code >> 2;
    tt_held *held = s->held && k >= 0 && (size_t)k < s->n_state_keys ? &s->held[k] : NULL;
    tt_held now = { TT_HELD_UNKNOWN, { 0 } };
    if (t == LUA_TBOOLEAN) {
        now.kind = TT_HELD_BOOL;
        now.as.b = lua_toboolean(L, 3);
    } else if (t == LUA_TNUMBER && integer) {
        now.kind = TT_HELD_INT;
        now.as.i = lua_tointeger(L, 3);
    } else if (t == LUA_TNUMBER) {
        now.kind = TT_HELD_NUM;
        now.as.n = lua_tonumber(L, 3);
    }
    bool same;
    if (held && held->kind != TT_HELD_UNKNOWN) {
        same = held->kind == now.kind &&
               (now.kind == TT_HELD_BOOL ? held->as.b == now.as.b
                : now.kind == TT_HELD_INT ? held->as.i == now.as.i
                                          : memcmp(&held->as.n, &now.as.n, sizeof now.as.n) == 0);
    } else {
        lua_pushvalue(L, 2);
        same = false;
        if (lua_rawget(L, lua_upvalueindex(1)) == t) {
            if (t == LUA_TNUMBER && integer)
                same = lua_isinteger(L, 4) && lua_tointeger(L, 4) == now.as.i;
            else if (t == LUA_TNUMBER) {
                lua_Number x = lua_tonumber(L, 4);
                same = !lua_isinteger(L, 4) && memcmp(&x, &now.as.n, sizeof x) == 0;
            } else if (t == LUA_TBOOLEAN)
                same = lua_toboolean(L, 4) == now.as.b;
            else
                same = lua_rawequal(L, 4, 3);
        }
    }
    if (!same) {
        lua_settop(L, 3);
        note_write(s, k);
        lua_rawset(L, lua_upvalueindex(1));
    }
    if (held)
        *held = now; /* what the key holds now */
    return 0;
}

/* A condition's view refuses writes (the same message as the proxy's). */
static int view_newindex(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (lua_type(L, 2) != LUA_TSTRING)
        return not_a_name(L, 2);
    const char *key = lua_tostring(L, 2);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNIL)
        return undeclared(L, key, TT_MSG(E_ST_HOW_TO_ADD));
    const char *where = tt_host_where(s);
    return luaL_error(L, TT_MSG(E_ST_CONDITION_ONLY_READS_FMT), key,
                      where ? where : TT_MSG(E_A_CONDITION));
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
    lua_pushvalue(L, lua_upvalueindex(1)); /* state_next */
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* [-0, +1] A proxy userdata whose metatable has __index = the value at
 * idx_index, __newindex = the value at idx_newindex and the state's
 * __pairs (from the main proxy's metatable at idx_mt, or a fresh one). */
static void push_proxy(lua_State *L, int idx_index, int idx_newindex, int idx_pairs)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 5);
    lua_pushvalue(L, idx_index);
    lua_setfield(L, -2, "__index");
    lua_pushvalue(L, idx_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushvalue(L, idx_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushliteral(L, "state");
    lua_setfield(L, -2, "__metatable");
    lua_pushliteral(L, "state");
    lua_setfield(L, -2, "__name");
    lua_setmetatable(L, -2);
}

int tt_state_install(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    lua_createtable(L, 0, (int)s->n_state_keys);
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
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, state_missing);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, state);
    lua_pushvalue(L, state);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_STATE);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    int decl = lua_gettop(L);
    lua_createtable(L, 0, (int)s->n_state_keys); /* key -> index */
    int keys = lua_gettop(L);
    lua_createtable(L, 0, (int)s->n_state_keys); /* key -> index * 4 + class */
    int codes = lua_gettop(L);
    lua_createtable(L, (int)s->n_state_keys, 0); /* index + 1 -> key */
    int names = lua_gettop(L);
    for (size_t i = 0; i < s->n_state_keys; i++) {
        lua_pushinteger(L, (lua_Integer)i);
        lua_setfield(L, keys, s->state_keys[i]);
        lua_getfield(L, decl, s->state_keys[i]);
        const char *cls = lua_tostring(L, -1);
        int c = CLASS_STRING;
        for (int k = 0; cls && k < 4; k++)
            if (strcmp(cls, CLASS_NAMES[k]) == 0)
                c = k;
        lua_pop(L, 1);
        lua_pushinteger(L, (lua_Integer)i * 4 + c);
        lua_setfield(L, codes, s->state_keys[i]);
        lua_pushstring(L, s->state_keys[i]);
        lua_rawseti(L, names, (lua_Integer)i + 1);
    }
    lua_pushvalue(L, keys);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_KEYS);
    lua_pushvalue(L, names);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_NAMES);

    lua_pushvalue(L, state);
    lua_pushvalue(L, keys);
    lua_pushcclosure(L, state_index, 2);
    lua_pushvalue(L, -1);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_RECORDING_INDEX);
    lua_pushvalue(L, state);
    lua_pushvalue(L, codes);
    lua_pushcclosure(L, state_newindex, 2);
    int newindex = lua_gettop(L);
    lua_pushvalue(L, state);
    lua_pushcclosure(L, state_next, 1);
    lua_pushcclosure(L, state_pairs, 1);
    int pairs = lua_gettop(L);
    lua_pushvalue(L, pairs);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_PAIRS);
    push_proxy(L, state, newindex, pairs);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_PROXY);

    /* What a condition's view needs: its shared metatable and __newindex. */
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, state);
    lua_pushvalue(L, keys);
    lua_pushcclosure(L, view_miss, 2);
    lua_setfield(L, -2, "__index");
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_VIEW_MT);
    lua_pushvalue(L, state);
    lua_pushcclosure(L, view_newindex, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_VIEW_NEWINDEX);

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_DEFERRED);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_REPLIES);
    lua_settop(L, 0);
    return 0;
}

int tt_state_push_view(lua_State *L)
{
    lua_newtable(L);
    int view = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_VIEW_MT);
    lua_setmetatable(L, view);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_VIEW_NEWINDEX);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_PAIRS);
    push_proxy(L, view, view + 1, view + 2);
    lua_replace(L, view + 1);
    lua_settop(L, view + 1);
    return 2;
}
