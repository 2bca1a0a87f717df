/* A fresh Lua state per exercise without extracting the model again.
 *
 * The model (ids, texts, times, checks) depends only on the scenario's
 * text, and the chunk is deterministic (the sandbox gives it nothing that
 * varies), so after the first build we keep a recipe: where in the returned
 * table each behaviour function sits, and the state's declarations and
 * defaults. A rebuild runs the engine's own bytecode in a new state and
 * follows the recipe; anything that does not match makes the caller fall
 * back to the full extraction. */
#include <lauxlib.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "tabletop/terms.h"

#define RECIPE_DEPTH 4 /* actions.<id>.does is 3 deep */

/* The recipe does not fit (the chunk is deterministic, so this means an
 * internal fault): the note in English names which check, for a report. */
static int recipe_mismatch(lua_State *L, const char *note)
{
    lua_pushfstring(L, TT_MSG(E_RECIPE_MISMATCH_FMT), note);
    return lua_error(L);
}

typedef struct recipe_key {
    const char *str;    /* NULL: an integer key */
    lua_Integer num;
} recipe_key;

typedef struct recipe_fn {
    size_t kind;        /* into kinds */
    lua_Integer index;
    int depth;
    recipe_key key[RECIPE_DEPTH];
} recipe_fn;

struct tt_recipe {
    tt_arena arena;
    const char **kinds;
    size_t n_kinds;
    recipe_fn *fns;
    size_t n_fns;
    const char **decl;  /* per state key: "boolean", "integer", ... */
    tt_value *initial;  /* per state key */
};

void tt_recipe_free(tt_recipe *r)
{
    if (!r)
        return;
    tt_arena_free(&r->arena);
    free(r);
}

static void *need(lua_State *L, void *p)
{
    if (!p)
        recipe_mismatch(L, "out of memory");
    return p;
}

/* Map every function reachable from the table at t (raw fields, string or
 * integer keys, RECIPE_DEPTH deep) to its path: where[fn] = { k1, k2, ... }. */
static void walk(lua_State *L, int t, int where, int depth)
{
    luaL_checkstack(L, 8, NULL);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        int kt = lua_type(L, -2);
        bool key_ok = kt == LUA_TSTRING || (kt == LUA_TNUMBER && lua_isinteger(L, -2));
        if (key_ok && lua_type(L, -1) == LUA_TFUNCTION) {
            lua_pushvalue(L, -1);
            if (lua_rawget(L, where) == LUA_TNIL) {
                /* path = parent's path + this key (the parent's is at where[t]) */
                lua_pop(L, 1);
                lua_createtable(L, depth + 1, 0);
                lua_pushvalue(L, t);
                if (lua_rawget(L, where) == LUA_TTABLE)
                    for (int i = 1; i <= depth; i++) {
                        lua_rawgeti(L, -1, i);
                        lua_rawseti(L, -3, i);
                    }
                lua_pop(L, 1);
                lua_pushvalue(L, -3);
                lua_rawseti(L, -2, depth + 1);
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_rawset(L, where);
            } else {
                lua_pop(L, 1);
            }
        } else if (key_ok && lua_type(L, -1) == LUA_TTABLE && depth + 1 < RECIPE_DEPTH) {
            lua_pushvalue(L, -1);
            if (lua_rawget(L, where) == LUA_TNIL) { /* not seen: note its path, go in */
                lua_pop(L, 1);
                lua_createtable(L, depth + 1, 0);
                lua_pushvalue(L, t);
                if (lua_rawget(L, where) == LUA_TTABLE)
                    for (int i = 1; i <= depth; i++) {
                        lua_rawgeti(L, -1, i);
                        lua_rawseti(L, -3, i);
                    }
                lua_pop(L, 1);
                lua_pushvalue(L, -3);
                lua_rawseti(L, -2, depth + 1);
                lua_pushvalue(L, -2);
                lua_insert(L, -2);
                lua_rawset(L, where);
                walk(L, lua_gettop(L), where, depth + 1);
            } else {
                lua_pop(L, 1);
            }
        }
        lua_pop(L, 1);
    }
}

static const char *dup_str(lua_State *L, tt_recipe *r, int idx)
{
    return need(L, tt_arena_strdup(&r->arena, lua_tostring(L, idx)));
}

/* Protected: arg 1 the script, arg 2 the recipe to fill. */
static int take(lua_State *L)
{
    tt_script *s = lua_touserdata(L, 1);
    tt_recipe *r = lua_touserdata(L, 2);
    lua_settop(L, 0);
    if (lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT) != LUA_TTABLE)
        return recipe_mismatch(L, "no result");
    lua_newtable(L); /* where: 2 */
    walk(L, 1, 2, 0);

    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_FNS); /* 3 */
    size_t n_kinds = 0, n_fns = 0;
    for (int pass = 0; pass < 2; pass++) {
        if (pass == 1) {
            r->kinds = need(L, tt_arena_alloc(&r->arena, (n_kinds + 1) * sizeof *r->kinds));
            r->fns = need(L, tt_arena_alloc(&r->arena, (n_fns + 1) * sizeof *r->fns));
        }
        lua_pushnil(L);
        while (lua_next(L, 3)) {
            if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TTABLE)
                return recipe_mismatch(L, "unexpected function table");
            size_t kind = r->n_kinds;
            if (pass == 1)
                r->kinds[r->n_kinds++] = dup_str(L, r, -2);
            else
                n_kinds++;
            int fns = lua_gettop(L);
            lua_pushnil(L);
            while (lua_next(L, fns)) {
                if (pass == 0) {
                    n_fns++;
                    lua_pop(L, 1);
                    continue;
                }
                recipe_fn *f = &r->fns[r->n_fns++];
                f->kind = kind;
                f->index = lua_tointeger(L, -2);
                if (lua_rawget(L, 2) != LUA_TTABLE) /* its path */
                    return recipe_mismatch(L, "a behaviour function outside the scenario table");
                f->depth = (int)lua_rawlen(L, -1);
                if (f->depth < 1 || f->depth > RECIPE_DEPTH)
                    return recipe_mismatch(L, "path too deep");
                for (int i = 0; i < f->depth; i++) {
                    if (lua_rawgeti(L, -1, i + 1) == LUA_TSTRING)
                        f->key[i].str = dup_str(L, r, -1);
                    else
                        f->key[i].num = lua_tointeger(L, -1);
                    lua_pop(L, 1);
                }
                lua_pop(L, 1);
            }
            lua_pop(L, 1);
        }
    }

    r->decl = need(L, tt_arena_alloc(&r->arena, (s->n_state_keys + 1) * sizeof *r->decl));
    r->initial = need(L, tt_arena_alloc(&r->arena, (s->n_state_keys + 1) * sizeof *r->initial));
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_INITIAL);
    int decl = lua_gettop(L) - 1, initial = lua_gettop(L);
    for (size_t i = 0; i < s->n_state_keys; i++) {
        const char *key = s->state_keys[i];
        if (lua_getfield(L, decl, key) != LUA_TSTRING)
            return recipe_mismatch(L, "undeclared key");
        r->decl[i] = dup_str(L, r, -1);
        tt_value *v = &r->initial[i];
        switch (lua_getfield(L, initial, key)) {
        case LUA_TBOOLEAN:
            v->type = TT_VAL_BOOL;
            v->as.b = lua_toboolean(L, -1);
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, -1)) {
                v->type = TT_VAL_INT;
                v->as.i = lua_tointeger(L, -1);
            } else {
                v->type = TT_VAL_NUM;
                v->as.n = lua_tonumber(L, -1);
            }
            break;
        case LUA_TSTRING:
            v->type = TT_VAL_STR;
            /* state strings are valid UTF-8 without NUL (checked on extraction) */
            v->as.s = dup_str(L, r, -1);
            break;
        default:
            return recipe_mismatch(L, "no default");
        }
        lua_pop(L, 2);
    }
    lua_settop(L, 0);
    return 0;
}

tt_recipe *tt_recipe_take(tt_script *s)
{
    tt_recipe *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    lua_State *L = s->L;
    int top = lua_gettop(L);
    lua_pushcfunction(L, take);
    lua_pushlightuserdata(L, s);
    lua_pushlightuserdata(L, r);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        lua_settop(L, top);
        tt_recipe_free(r); /* rebuilds extract the model in full */
        return NULL;
    }
    return r;
}

/* Protected, in place of tt_model_extract on a rebuild: arg 1 the script
 * (its model and recipe from the first build), arg 2 the chunk's result. */
int tt_recipe_apply(lua_State *L)
{
    tt_script *s = lua_touserdata(L, 1);
    const tt_recipe *r = s->recipe;
    if (lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT) != LUA_TTABLE ||
        !lua_rawequal(L, 2, -1))
        return recipe_mismatch(L, "the chunk returned another table");
    lua_settop(L, 2);
    lua_createtable(L, 0, (int)r->n_kinds); /* 3 */
    for (size_t k = 0; k < r->n_kinds; k++) {
        lua_newtable(L);
        lua_setfield(L, 3, r->kinds[k]);
    }
    for (size_t i = 0; i < r->n_fns; i++) {
        const recipe_fn *f = &r->fns[i];
        lua_pushvalue(L, 2);
        for (int d = 0; d < f->depth; d++) {
            if (lua_type(L, -1) != LUA_TTABLE)
                return recipe_mismatch(L, "the scenario table changed shape");
            if (f->key[d].str)
                lua_pushstring(L, f->key[d].str);
            else
                lua_pushinteger(L, f->key[d].num);
            lua_rawget(L, -2);
            lua_remove(L, -2);
        }
        if (lua_type(L, -1) != LUA_TFUNCTION)
            return recipe_mismatch(L, "the scenario table changed shape");
        lua_getfield(L, 3, r->kinds[f->kind]);
        lua_insert(L, -2);
        lua_rawseti(L, -2, f->index);
        lua_pop(L, 1);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_FNS);

    lua_createtable(L, 0, (int)s->n_state_keys);
    lua_createtable(L, 0, (int)s->n_state_keys);
    for (size_t i = 0; i < s->n_state_keys; i++) {
        lua_pushstring(L, r->decl[i]);
        lua_setfield(L, -3, s->state_keys[i]);
        const tt_value *v = &r->initial[i];
        switch (v->type) {
        case TT_VAL_BOOL: lua_pushboolean(L, v->as.b); break;
        case TT_VAL_INT: lua_pushinteger(L, v->as.i); break;
        case TT_VAL_NUM: lua_pushnumber(L, v->as.n); break;
        default: lua_pushstring(L, v->as.s); break;
        }
        lua_setfield(L, -2, s->state_keys[i]);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_INITIAL);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    return 0;
}
