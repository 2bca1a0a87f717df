/* The keys of a table in the sandbox's fixed order, for its ordered pairs
 * and next (sandbox_lib.c): booleans (false first), then numbers, then
 * strings, each as Lua's `<` compares them. Done in C and charged by a
 * formula in the number of keys: sorting in Lua took a number of
 * comparisons that followed the raw order, that is each state's random
 * hash seed, so the work charged for the same pairs differed from run to
 * run. Scratch lives in a Lua userdata (nothing malloc'ed is held when an
 * error is raised) and the comparisons never call Lua. */
#include "tabletop/terms.h"
#include "sandbox.h"

#include <lauxlib.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { KEY_BOOLEAN, KEY_INTEGER, KEY_FLOAT, KEY_STRING };

typedef struct {
    union {
        lua_Integer i;
        lua_Number f;
        size_t len;         /* strings */
        int b;
    } v;
    const char *s;          /* strings: anchored by the keys table */
    size_t from;            /* its place in the raw order, 1-based */
    int kind;
} sort_key;

/* Lua's l_strcmp (lvm.c): strcoll chunk by chunk between embedded NULs,
 * then the length. */
static int lua_strcmp(const char *l, size_t ll, const char *r, size_t lr)
{
    for (;;) {
        int temp = strcoll(l, r);
        if (temp != 0)
            return temp;
        size_t len = strlen(l);
        if (len == lr)
            return len == ll ? 0 : 1;
        if (len == ll)
            return -1;
        len++;
        l += len;
        ll -= len;
        r += len;
        lr -= len;
    }
}

/* Lua's own mixed comparisons (lvm.c LTintfloat, LTfloatint): an integer
 * that a float represents exactly is compared as a float, otherwise the
 * float is rounded to an integer toward the side that keeps the answer. */
#define MAXINTFITSF ((lua_Unsigned)1 << 53)
static int int_fits_float(lua_Integer i)
{
    return (lua_Unsigned)i + MAXINTFITSF <= 2 * MAXINTFITSF;
}

/* f rounded (floor or ceil) to an integer when in range. */
static int float_to_integer(lua_Number f, int up, lua_Integer *p)
{
    lua_Number r = up ? l_mathop(ceil)(f) : l_mathop(floor)(f);
    if (r >= (lua_Number)LUA_MININTEGER && r < -(lua_Number)LUA_MININTEGER) {
        *p = (lua_Integer)r;
        return 1;
    }
    return 0;
}

static int int_less_float(lua_Integer i, lua_Number f)
{
    if (int_fits_float(i))
        return (lua_Number)i < f;
    lua_Integer fi;
    if (float_to_integer(f, 1, &fi))
        return i < fi;
    return f > 0;
}

static int float_less_int(lua_Number f, lua_Integer i)
{
    if (int_fits_float(i))
        return f < (lua_Number)i;
    lua_Integer fi;
    if (float_to_integer(f, 0, &fi))
        return fi < i;
    return f < 0;
}

static int less(const sort_key *a, const sort_key *b)
{
    switch (a->kind) {
    case KEY_BOOLEAN:
        return b->kind != KEY_BOOLEAN || (!a->v.b && b->v.b);
    case KEY_INTEGER:
        if (b->kind == KEY_INTEGER)
            return a->v.i < b->v.i;
        if (b->kind == KEY_FLOAT)
            return int_less_float(a->v.i, b->v.f);
        return b->kind == KEY_STRING;
    case KEY_FLOAT:
        if (b->kind == KEY_FLOAT)
            return a->v.f < b->v.f;
        if (b->kind == KEY_INTEGER)
            return float_less_int(a->v.f, b->v.i);
        return b->kind == KEY_STRING;
    default:
        return b->kind == KEY_STRING && lua_strcmp(a->s, a->v.len, b->s, b->v.len) < 0;
    }
}

static int compare(const void *pa, const void *pb)
{
    const sort_key *a = pa, *b = pb;
    if (less(a, b))
        return -1;
    if (less(b, a))
        return 1;
    return a->from < b->from ? -1 : a->from > b->from; /* distinct keys never tie */
}

static unsigned ceil_log2(uint64_t n)
{
    unsigned l = 0;
    while (l < 64 && ((uint64_t)1 << l) < n)
        l++;
    return l;
}

/* What collecting and sorting n keys is charged: about what the Lua
 * version counted on average (20 + 10.5 to 13 instructions per key and
 * comparison level, n * ceil(log2(n + 1)) from 20 to 20,000 keys), but a
 * function of n alone. */
uint64_t tt_sorted_keys_cost(uint64_t n)
{
    return TT_SORTED_KEYS_BASE + TT_SORTED_KEYS_PER_STEP * n * ceil_log2(n + 1);
}

static int orderable(int type)
{
    return type == LUA_TBOOLEAN || type == LUA_TNUMBER || type == LUA_TSTRING;
}

void tt_sandbox_sorted_keys(lua_State *L, int t, int before, int after)
{
    t = lua_absindex(L, t);
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int type = lua_type(L, -2);
        if (!orderable(type)) {
            /* The Lua version's error(..., 3) named the engine's C caller:
             * no place; the sandbox places it at the scenario's line. */
            lua_pushvalue(L, before);
            lua_pushstring(L, lua_typename(L, type));
            lua_pushvalue(L, after);
            lua_concat(L, 3);
            lua_error(L);
        }
        n++;
        lua_pop(L, 1);
    }
    tt_sandbox_charge(L, tt_sorted_keys_cost(n));
    tt_sandbox_check_budget(L);
    if (n > (size_t)INT_MAX) /* more keys than a table can hold */
        luaL_error(L, "%s", TT_MSG(E_OUT_OF_MEMORY));
    lua_createtable(L, (int)n, 0);
    int keys = lua_gettop(L);
    sort_key *scratch = lua_newuserdatauv(L, n * sizeof *scratch, 0);
    size_t m = 0;
    lua_pushnil(L);
    while (m < n && lua_next(L, t)) {
        lua_pop(L, 1);
        sort_key *k = &scratch[m];
        k->s = NULL;
        k->from = ++m;
        switch (lua_type(L, -1)) {
        case LUA_TBOOLEAN:
            k->kind = KEY_BOOLEAN;
            k->v.b = lua_toboolean(L, -1);
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, -1)) {
                k->kind = KEY_INTEGER;
                k->v.i = lua_tointeger(L, -1);
            } else {
                k->kind = KEY_FLOAT;
                k->v.f = lua_tonumber(L, -1);
            }
            break;
        default: /* a string: tolstring does not convert it */
            k->kind = KEY_STRING;
            k->s = lua_tolstring(L, -1, &k->v.len);
            break;
        }
        lua_pushvalue(L, -1);
        lua_rawseti(L, keys, (lua_Integer)m);
    }
    lua_settop(L, keys + 1); /* a collection may have emptied weak entries: m <= n */
    if (m > 1) /* none: maybe no array (qsort of NULL is undefined) */
        qsort(scratch, m, sizeof *scratch, compare);
    /* keys[j] = raw[scratch[j].from], cycle by cycle, in place. */
    for (size_t j = 1; j <= m; j++) {
        if (scratch[j - 1].from == j || scratch[j - 1].from == 0)
            continue;
        lua_rawgeti(L, keys, (lua_Integer)j);           /* the cycle's first */
        size_t k = j;
        for (;;) {
            size_t src = scratch[k - 1].from;
            scratch[k - 1].from = 0;                    /* placed */
            if (src == j) {
                lua_rawseti(L, keys, (lua_Integer)k);
                break;
            }
            lua_rawgeti(L, keys, (lua_Integer)src);
            lua_rawseti(L, keys, (lua_Integer)k);
            k = src;
        }
    }
    lua_pop(L, 1);
    lua_pushinteger(L, (lua_Integer)m);
}
