/* Typed reading of the scenario table: keys, ids, lists, texts, times,
 * booleans and functions, each with a precise message naming the field.
 * Raw accesses only: no scenario code runs while reading. */
#include <lauxlib.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "locate.h"
#include "model_fields.h"
#include "tabletop/api.h"
#include "tabletop/terms.h"

/* ---- Failing with a location ---- */

_Noreturn void mf_fail(ex *x, int line, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    /* A top-level field is named as the file spells it ("source", not
     * "scenario.source"), so it is found in the source below. */
    static const char top[] = "scenario.";
    if (strncmp(msg, top, sizeof top - 1) == 0)
        memmove(msg, msg + sizeof top - 1, strlen(msg + sizeof top - 1) + 1);
    if (line == 0 && x->line > 0) {
        /* The message starts with the field path: find it in the source. */
        char path[300];
        size_t n = strcspn(msg, ": ");
        if (n < sizeof path && msg[n] == ':' && msg[n + 1] == ' ') {
            memcpy(path, msg, n);
            path[n] = '\0';
            line = tt_locate_field(x->s->text, x->s->text_len, x->line, path);
        }
    }
    tt_error_set(x->job->err, x->m->path, line > 0 ? line : x->line, 0, "%s", msg);
    x->job->failed = true;
    lua_pushliteral(x->L, "scenario validation failed");
    lua_error(x->L);
    abort(); /* not reached */
}

void mf_path(char *out, size_t size, const char *a, const char *b)
{
    /* What snprintf "%s.%s" gives, without its cost: this runs for every
     * field read, and the path is only ever shown in a message. */
    size_t la = strlen(a), lb = strlen(b);
    /* A top-level field is named alone ("length", as the scenario spells
     * it): "scenario.length" was not followed through the file, so its
     * error was placed at `return scenario {`. */
    if (strcmp(a, "scenario") == 0 && lb < size) {
        memcpy(out, b, lb + 1);
        return;
    }
    if (la + 1 + lb < size) {
        memcpy(out, a, la);
        out[la] = '.';
        memcpy(out + la + 1, b, lb + 1);
    } else {
        snprintf(out, size, "%s.%s", a, b);
    }
}

void *mf_alloc(ex *x, size_t size)
{
    void *p = tt_arena_alloc(x->a, size ? size : 1);
    if (!p)
        mf_fail(x, 0, TT_MSG(E_SC_OOM_READING));
    return p;
}

const char *mf_dup(ex *x, const char *s, size_t len)
{
    if (len > TT_MAX_TEXT)
        mf_fail(x, 0, TT_MSG(E_SC_STRING_TOO_LONG_FMT), len,
                TT_MAX_TEXT);
    char *p = tt_arena_strndup(x->a, s, len);
    if (!p)
        mf_fail(x, 0, TT_MSG(E_SC_OOM_READING));
    return p;
}

/* The checks below depend on the chunk's values alone, and the chunk's
 * values on the file's bytes alone: a text whose model the cache holds
 * passed them when it was kept (s->loaded_before), so they are not run
 * again. */
void mf_check_text(ex *x, const char *s, size_t len, const char *path, const char *key)
{
    if (x->s->loaded_before)
        return;
    char why[160];
    if (!tt_host_text_ok(s, len, why, sizeof why))
        mf_fail(x, 0, "%s%s%s: %s", path, key ? "." : "", key ? key : "", why);
}

/* Line to report for the value on the stack top: a function knows its own. */
int mf_value_line(ex *x, int idx)
{
    if (lua_type(x->L, idx) == LUA_TFUNCTION && !lua_iscfunction(x->L, idx)) {
        lua_Debug ar;
        lua_pushvalue(x->L, idx);
        if (lua_getinfo(x->L, ">S", &ar) && ar.linedefined > 0)
            return ar.linedefined;
    }
    return 0;
}

const char *mf_type_name(ex *x, int idx)
{
    return lua_typename(x->L, lua_type(x->L, idx));
}

/* ---- Ids and keys ---- */

bool mf_is_id(const char *s, size_t len, bool identifier)
{
    if (len == 0 || len > 64)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                  (c >= '0' && c <= '9') || c == '_' || (!identifier && c == '-');
        if (!ok)
            return false;
    }
    if (identifier && s[0] >= '0' && s[0] <= '9')
        return false;
    return true;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Unknown keys at any level are an error; report the first in sorted order
 * so the message does not depend on hash order. */
void mf_check_keys(ex *x, int t, const char *where, const char *class_name)
{
    if (x->s->loaded_before)
        return;
    const tt_api_field *allowed = tt_api_fields(class_name);
    lua_State *L = x->L;
    const char *worst = NULL;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TNUMBER)
            mf_fail(x, 0, TT_MSG(E_SC_UNEXPECTED_LIST_ENTRY_FMT),
                    where, lua_tostring(L, -1));
        if (lua_type(L, -1) != LUA_TSTRING)
            mf_fail(x, 0, TT_MSG(E_SC_UNEXPECTED_KEY_KIND_FMT), where,
                    mf_type_name(x, -1));
        const char *k = lua_tostring(L, -1);
        bool ok = false;
        for (size_t i = 0; !ok && allowed[i].name; i++)
            ok = allowed[i].name[0] == k[0] && strcmp(k, allowed[i].name) == 0;
        if (!ok && (!worst || strcmp(k, worst) < 0))
            worst = k; /* the key string stays alive in the table */
    }
    if (worst) {
        char expected[400] = "";
        for (size_t i = 0; allowed[i].name; i++) {
            strncat(expected, i ? ", " : "", sizeof expected - strlen(expected) - 1);
            strncat(expected, allowed[i].name, sizeof expected - strlen(expected) - 1);
        }
        mf_fail(x, 0, TT_MSG(E_SC_UNKNOWN_KEY_FMT), where, worst, expected);
    }
}

/* Sorted ids of a map. [-0, +0] */
const char **mf_map_keys(ex *x, int t, const char *where, size_t *n_out)
{
    lua_State *L = x->L;
    size_t n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) {
            const char *kind = mf_type_name(x, -1); /* of the key, before it is popped */
            lua_pop(L, 1);
            mf_fail(x, 0, TT_MSG(E_SC_NAMED_ENTRIES_FMT), where, kind);
        }
        n++;
    }
    if (n > TT_MAX_ENTRIES)
        mf_fail(x, 0, TT_MSG(E_SC_TOO_MANY_ENTRIES_FMT), where, n, TT_MAX_ENTRIES);
    const char **keys = mf_alloc(x, n * sizeof *keys);
    size_t i = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        size_t len;
        const char *k = lua_tolstring(L, -1, &len);
        if (!mf_is_id(k, len, false)) {
            lua_pop(L, 1);
            mf_fail(x, 0, TT_MSG(E_SC_NOT_VALID_ID_FMT), where, k);
        }
        keys[i++] = mf_dup(x, k, len);
    }
    if (n > 1) /* none: no array (qsort of NULL is undefined) */
        qsort(keys, n, sizeof *keys, cmp_str);
    *n_out = n;
    return keys;
}

/* Length of a list {a, b, c}; anything else is an error. */
size_t mf_list_len(ex *x, int t, const char *where)
{
    lua_State *L = x->L;
    size_t n = lua_rawlen(L, t), count = 0;
    if (n > TT_MAX_ENTRIES)
        mf_fail(x, 0, TT_MSG(E_SC_TOO_MANY_ENTRIES_FMT), where, n, TT_MAX_ENTRIES);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        count++;
        if (!lua_isinteger(L, -1) || lua_tointeger(L, -1) < 1 ||
            (size_t)lua_tointeger(L, -1) > n) {
            lua_pop(L, 1);
            mf_fail(x, 0, TT_MSG(E_SC_MUST_BE_LIST_FMT), where);
        }
    }
    if (count != n)
        mf_fail(x, 0, TT_MSG(E_SC_LIST_HOLES_FMT), where);
    return n;
}

/* ---- Typed fields: each pushes nothing and leaves the stack as found ---- */

/* [-0, +1] Push field `key` of t; returns its type. */
int mf_field(ex *x, int t, const char *key)
{
    lua_pushstring(x->L, key);
    return lua_rawget(x->L, t);
}

void mf_missing(ex *x, const char *where, const char *key, const char *what)
{
    mf_fail(x, 0, TT_MSG(E_SC_MISSING_FIELD_FMT), where, key, what);
}

const char *mf_get_string(ex *x, int t, const char *where, const char *key,
                          bool required)
{
    int type = mf_field(x, t, key);
    if (type == LUA_TNIL) {
        lua_pop(x->L, 1);
        if (required)
            mf_missing(x, where, key, TT_MSG(E_SC_KIND_STRING));
        return NULL;
    }
    if (type != LUA_TSTRING)
        mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_EXPECTED_STRING_FMT), where, key,
                mf_type_name(x, -1));
    size_t len;
    const char *s = lua_tolstring(x->L, -1, &len);
    if (len > TT_MAX_TEXT)
        mf_fail(x, 0, TT_MSG(E_SC_LONGER_THAN_FMT), where, key, TT_MAX_TEXT);
    mf_check_text(x, s, len, where, key);
    const char *r = mf_dup(x, s, len);
    lua_pop(x->L, 1);
    return r;
}

/* An id field that must name something: checked by the caller. */
const char *mf_get_id(ex *x, int t, const char *where, const char *key, bool required)
{
    return mf_get_string(x, t, where, key, required);
}

tt_text mf_text_at(ex *x, int idx, const char *path)
{
    lua_State *L = x->L;
    tt_text r = { NULL, NULL };
    if (lua_type(L, idx) != LUA_TTABLE)
        mf_fail(x, mf_value_line(x, idx),
                TT_MSG(E_SC_EXPECTED_TEXT_FMT), path,
                mf_type_name(x, idx));
    int t = lua_absindex(L, idx);
    static const char *const keys[] = { "ja", "en", NULL };
    mf_check_keys(x, t, path, "Text");
    for (int i = 0; i < 2; i++) {
        int type = mf_field(x, t, keys[i]);
        if (type == LUA_TNIL)
            mf_fail(x, 0, TT_MSG(E_SC_TEXT_MISSING_LANG_FMT), path, keys[i]);
        if (type != LUA_TSTRING)
            mf_fail(x, 0, TT_MSG(E_SC_EXPECTED_STRING_FMT), path, keys[i], mf_type_name(x, -1));
        size_t len;
        const char *s = lua_tolstring(L, -1, &len);
        if (len > TT_MAX_TEXT)
            mf_fail(x, 0, TT_MSG(E_SC_LONGER_THAN_FMT), path, keys[i], TT_MAX_TEXT);
        mf_check_text(x, s, len, path, keys[i]);
        if (i == 0)
            r.ja = mf_dup(x, s, len);
        else
            r.en = mf_dup(x, s, len);
        lua_pop(L, 1);
    }
    return r;
}

tt_text mf_get_text(ex *x, int t, const char *where, const char *key, bool required)
{
    tt_text r = { NULL, NULL };
    if (mf_field(x, t, key) == LUA_TNIL) {
        lua_pop(x->L, 1);
        if (required)
            mf_missing(x, where, key, TT_MSG(E_SC_KIND_TEXT));
        return r;
    }
    char path[300];
    mf_path(path, sizeof path, where, key);
    r = mf_text_at(x, -1, path);
    lua_pop(x->L, 1);
    return r;
}

tt_ms mf_time_at(ex *x, int idx, const char *path)
{
    lua_State *L = x->L;
    tt_ms v = 0;
    if (lua_type(L, idx) == LUA_TSTRING) {
        char why[200];
        if (!tt_duration_parse(lua_tostring(L, idx), &v, why, sizeof why))
            mf_fail(x, 0, "%s: %s", path, why);
        return v;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        lua_Integer secs;
        if (lua_isinteger(L, idx))
            secs = lua_tointeger(L, idx);
        else {
            double d = lua_tonumber(L, idx);
            char num[64];
            if (!(d == floor(d)) || !isfinite(d) || d < -1e15 || d > 1e15) {
                tt_number_text(d, tt_lang_messages(), num, sizeof num);
                mf_fail(x, 0, TT_MSG(E_SC_NOT_WHOLE_SECONDS_FMT), path, num);
            }
            secs = (lua_Integer)d;
        }
        if (secs < 0)
            mf_fail(x, 0, TT_MSG(E_SC_TIME_NEGATIVE_FMT), path);
        if (secs > (lua_Integer)3650 * 86400)
            mf_fail(x, 0, TT_MSG(E_SC_TIME_TOO_LARGE_FMT), path);
        return (tt_ms)secs * 1000;
    }
    mf_fail(x, mf_value_line(x, idx),
            TT_MSG(E_SC_EXPECTED_TIME_FMT), path,
            mf_type_name(x, idx));
}

bool mf_get_time(ex *x, int t, const char *where, const char *key, bool required,
                 tt_ms *out)
{
    if (mf_field(x, t, key) == LUA_TNIL) {
        lua_pop(x->L, 1);
        if (required)
            mf_missing(x, where, key, TT_MSG(E_SC_KIND_TIME));
        return false;
    }
    char path[300];
    mf_path(path, sizeof path, where, key);
    *out = mf_time_at(x, -1, path);
    lua_pop(x->L, 1);
    return true;
}

bool mf_get_bool(ex *x, int t, const char *where, const char *key, bool dflt)
{
    int type = mf_field(x, t, key);
    bool r = dflt;
    if (type == LUA_TBOOLEAN)
        r = lua_toboolean(x->L, -1);
    else if (type != LUA_TNIL)
        mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_EXPECTED_BOOL_FMT), where, key,
                mf_type_name(x, -1));
    lua_pop(x->L, 1);
    return r;
}

/* A behaviour function: kept in the registry under fns[kind][index + 1]. */
bool mf_get_function(ex *x, int t, const char *where, const char *key, bool required,
                     const char *kind, size_t index)
{
    lua_State *L = x->L;
    int type = mf_field(x, t, key);
    if (type == LUA_TNIL) {
        lua_pop(L, 1);
        if (required)
            mf_missing(x, where, key, TT_MSG(E_SC_KIND_FUNCTION));
        return false;
    }
    if (type != LUA_TFUNCTION)
        mf_fail(x, 0, TT_MSG(E_SC_EXPECTED_FUNCTION_FMT), where, key, mf_type_name(x, -1));
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_FNS);
    lua_getfield(L, -1, kind);
    lua_pushvalue(L, -3);
    lua_rawseti(L, -2, (lua_Integer)index + 1);
    lua_pop(L, 3);
    return true;
}

/* [-0, +1] Push a table field that must be a table (or nothing). */
bool mf_push_table(ex *x, int t, const char *where, const char *key, bool required)
{
    int type = mf_field(x, t, key);
    if (type == LUA_TNIL) {
        lua_pop(x->L, 1);
        if (required)
            mf_missing(x, where, key, TT_MSG(E_SC_KIND_TABLE));
        return false;
    }
    if (type != LUA_TTABLE)
        mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_EXPECTED_TABLE_FMT), where,
                *where ? "." : "", key, mf_type_name(x, -1));
    return true;
}

/* [-0, +1] Push entry `key` of map t (known to be a table after checking). */
int mf_entry(ex *x, int t, const char *where, const char *key)
{
    mf_field(x, t, key);
    if (lua_type(x->L, -1) != LUA_TTABLE)
        mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_EXPECTED_TABLE_BRACES_FMT), where, key,
                mf_type_name(x, -1));
    return lua_gettop(x->L);
}
