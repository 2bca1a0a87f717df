/* Calling a scenario's behaviour by index: the hot path of every exercise.
 *
 * Functions are held by registry reference (taken once per state), the `s`
 * proxy and the one ctx table likewise; a call pushes the three and runs
 * them under tt_sandbox_call. Where a call comes from ("actions.x.does") is
 * formatted only when a message needs it. Conditions (inject and objective
 * `when`) remember which state keys they read and are re-run only when one
 * of those was written since, or time moved and they read ctx.now. */
#include "tabletop/terms.h"
#include <lauxlib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

static const char *const FN_TABLES[TT_N_FN_KINDS] = {
    [TT_CB_REQUIRES] = TT_FN_REQUIRES,         [TT_CB_DOES] = TT_FN_DOES,
    [TT_CB_RUN] = TT_FN_RUN,                   [TT_CB_INJECT_WHEN] = TT_FN_INJECT_WHEN,
    [TT_CB_INJECT_DOES] = TT_FN_INJECT_DOES,   [TT_CB_OBJECTIVE_WHEN] = TT_FN_OBJECTIVE_WHEN,
    [TT_CB_TAKES] = TT_FN_TAKES,               [TT_CB_BAD] = TT_FN_BAD,
    [TT_CB_ON_CANCEL] = TT_FN_ON_CANCEL,
};

static size_t kind_count(const tt_script *s, int kind)
{
    switch (kind) {
    case TT_CB_REQUIRES:
    case TT_CB_DOES:
    case TT_CB_TAKES:
    case TT_CB_BAD:
    case TT_CB_ON_CANCEL: return s->model.n_actions;
    case TT_CB_RUN: return s->model.n_dynamics;
    case TT_CB_INJECT_WHEN:
    case TT_CB_INJECT_DOES: return s->model.n_injects;
    default: return s->model.n_objectives;
    }
}

/* s->straight[slot]: the class in the low bits; for a Lua function that is
 * not vararg, how many of (s, ctx) it declares (extra arguments are
 * dropped by the call, so a condition declaring only s is passed only s). */
enum { STRAIGHT_UNKNOWN, STRAIGHT_NO, STRAIGHT_YES,
       STRAIGHT_CALLED = 3, /* not classified yet, called once (hooked) */
       STRAIGHT_MASK = 3,
       TAKES_ONE = 4, TAKES_NONE = 8, READS_FIELDS = 16,
       LIB_CALLS = 32, /* not straight, but its calls are in s->lib_calls[slot] */
       SETS_UPVALUES = 64 /* its code assigns an upvalue (SETUPVAL) */ };

/* Protected: references to every behaviour function, the proxy and ctx. */
static int index_callbacks(lua_State *L)
{
    tt_script *s = lua_touserdata(L, 1);
    tt_host_refs *r = &s->refs;
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_FNS);
    int fns = lua_gettop(L);
    for (int k = 0; k < TT_N_FN_KINDS; k++) {
        lua_getfield(L, fns, FN_TABLES[k]);
        for (size_t i = 0; i < kind_count(s, k); i++) {
            if (lua_rawgeti(L, -1, (lua_Integer)i + 1) == LUA_TFUNCTION)
                r->fn[r->off[k] + i] = luaL_ref(L, LUA_REGISTRYINDEX);
            else
                lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_PROXY);
    lua_getmetatable(L, -1);
    r->proxy_mt = luaL_ref(L, LUA_REGISTRYINDEX);
    r->proxy = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_STATE);
    r->state = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_RECORDING_INDEX);
    r->recording_index = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_NAMES);
    r->names = luaL_ref(L, LUA_REGISTRYINDEX);
    /* Pushed by reference on the hot paths: no C string to intern each time. */
    lua_pushliteral(L, "__index");
    r->key_index = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushliteral(L, "now");
    r->key_now = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushcfunction(L, tt_ctx_create);
    lua_call(L, 0, 1);
    lua_getmetatable(L, -1);
    r->ctx_mt = luaL_ref(L, LUA_REGISTRYINDEX);
    r->ctx = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_CTX_TABLE);
    lua_pushvalue(L, -1);
    r->ctx_table = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushcclosure(L, tt_ctx_recording_index, 1);
    r->ctx_index = luaL_ref(L, LUA_REGISTRYINDEX);
    /* Each condition's own view and ctx. */
    size_t n_cond = s->model.n_injects + s->model.n_objectives;
    for (size_t i = 0; i < n_cond; i++) {
        int fn = i < s->model.n_injects
                     ? r->fn[r->off[TT_CB_INJECT_WHEN] + i]
                     : r->fn[r->off[TT_CB_OBJECTIVE_WHEN] + (i - s->model.n_injects)];
        if (fn == LUA_NOREF)
            continue;
        tt_state_push_view(L);
        r->cond[i].proxy = luaL_ref(L, LUA_REGISTRYINDEX);
        r->cond[i].view = luaL_ref(L, LUA_REGISTRYINDEX);
        tt_ctx_push_condition(L);
        r->cond[i].ctx = luaL_ref(L, LUA_REGISTRYINDEX);
        r->cond[i].ctx_table = luaL_ref(L, LUA_REGISTRYINDEX);
    }
    return 0;
}

int tt_host_index_callbacks(tt_script *s, tt_error *err)
{
    tt_host_refs *r = &s->refs;
    size_t n = 0;
    for (int k = 0; k < TT_N_FN_KINDS; k++) {
        r->off[k] = n;
        n += kind_count(s, k);
    }
    r->off[TT_N_FN_KINDS] = n;
    free(r->fn);
    free(r->cond);
    r->fn = malloc((n + 1) * sizeof *r->fn);
    size_t n_cond = s->model.n_injects + s->model.n_objectives + 1;
    r->cond = malloc(n_cond * sizeof *r->cond);
    if (!s->memo)
        s->memo = calloc(n_cond, sizeof *s->memo);
    if (!s->straight)
        s->straight = calloc(n + 1, 1);
    if (!s->lib_calls) {
        s->lib_calls = calloc(n + 1, sizeof *s->lib_calls);
        s->n_lib_calls = s->lib_calls ? n + 1 : 0;
    }
    if (!r->fn || !r->cond || !s->memo || !s->straight || !s->lib_calls) {
        tt_error_oom(err, s->model.path);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        r->fn[i] = LUA_NOREF;
    for (size_t i = 0; i < n_cond; i++)
        r->cond[i] = (tt_cond_refs){ LUA_NOREF, LUA_NOREF, LUA_NOREF, LUA_NOREF };
    r->proxy = r->ctx = LUA_NOREF;
    lua_pushcfunction(s->L, index_callbacks);
    lua_pushlightuserdata(s->L, s);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK) {
        lua_pop(s->L, 1);
        tt_error_set_as(err, TT_ERR_NOMEM, s->model.path, 0, 0,
                        TT_MSG(E_SC_SETUP_OOM));
        return -1;
    }
    return 0;
}

void tt_host_forget(tt_script *s)
{
    if (s->memo)
        memset(s->memo, 0, (s->model.n_injects + s->model.n_objectives + 1) * sizeof *s->memo);
}

void tt_script_forget_conditions(tt_script *s)
{
    /* Run each again (what they read is kept: their views hold it): a
     * result is kept only from a run at or after valid_from. */
    s->valid_from = ++s->gen;
}

const char *tt_host_where(tt_script *s)
{
    const tt_scenario *m = &s->model;
    int i = s->where_index;
    switch (s->where_kind) {
    case TT_CB_REQUIRES:
        snprintf(s->where_text, sizeof s->where_text, "actions.%s.requires", m->actions[i].id);
        break;
    case TT_CB_DOES:
        snprintf(s->where_text, sizeof s->where_text, "actions.%s.does", m->actions[i].id);
        break;
    case TT_CB_RUN:
        if (strncmp(m->dynamics[i].id, "every[", 6) == 0)
            snprintf(s->where_text, sizeof s->where_text, "%s.run", m->dynamics[i].id);
        else
            snprintf(s->where_text, sizeof s->where_text, "every.%s.run", m->dynamics[i].id);
        break;
    case TT_CB_INJECT_WHEN:
        snprintf(s->where_text, sizeof s->where_text, "injects.%s.when", m->injects[i].id);
        break;
    case TT_CB_INJECT_DOES:
        snprintf(s->where_text, sizeof s->where_text, "injects.%s.does", m->injects[i].id);
        break;
    case TT_CB_OBJECTIVE_WHEN:
        snprintf(s->where_text, sizeof s->where_text, "objectives.%s.when",
                 m->objectives[i].id);
        break;
    case TT_CB_TAKES:
        snprintf(s->where_text, sizeof s->where_text, "actions.%s.takes", m->actions[i].id);
        break;
    case TT_CB_BAD:
        snprintf(s->where_text, sizeof s->where_text, "actions.%s.%s", m->actions[i].id,
                 m->actions[i].harmful_fn ? "harmful" : "wasted");
        break;
    case TT_CB_ON_CANCEL:
        snprintf(s->where_text, sizeof s->where_text, "actions.%s.on_cancel", m->actions[i].id);
        break;
    case TT_CB_DEFERRED:
        snprintf(s->where_text, sizeof s->where_text, TT_MSG(E_CALL_WHERE_AFTER));
        break;
    default:
        return NULL;
    }
    return s->where_text;
}

/* ---- Calls ---- */

enum call_result {
    RESULT_NONE, RESULT_BOOL,
    RESULT_ALLOWED,  /* ok, why */
    RESULT_TIME,     /* a time (API 1.1 takes) */
    RESULT_REASON    /* why, or nil (API 1.1 harmful / wasted) */
};

typedef struct call_job {
    tt_script *s;
    tt_callback kind;
    int index;              /* or the ctx.after reference */
    const tt_cond_refs *cond; /* a condition's own view and ctx, or NULL */
    enum call_result result;
    bool present;
    bool value;
    tt_text why;
    tt_ms time;
    int line;               /* a deferred function's first line (for its errors) */
} call_job;

/* A reason (a text table or a string for both languages) at idx into
 * job->why, copied to the scratch arena; nil is no reason; raises on
 * anything else, as every text a scenario hands the engine does. */
static void read_reason(lua_State *L, tt_script *s, int idx, call_job *job, const char *what)
{
    if (lua_type(L, idx) != LUA_TNIL)
        job->why = tt_host_check_text(L, idx, &s->scratch, what, true);
}

/* Preconditions (their reason is read from Lua values, which may run
 * metamethods) and deferred calls (their tables change) run inside this
 * protected C function; everything else is called directly. */
static int trampoline(lua_State *L)
{
    call_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    if (job->kind != TT_CB_DEFERRED) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.fn[s->refs.off[job->kind] + job->index]);
    } else {
        lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_REPLIES);
        if (lua_rawgeti(L, -1, job->index) == LUA_TSTRING) {
            int a = tt_scenario_actor(&s->model, lua_tostring(L, -1));
            s->replying = a >= 0 ? s->model.actors[a].id : NULL;
        }
        lua_pop(L, 1);
        lua_pushnil(L);
        lua_rawseti(L, -2, job->index);
        lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DEFERRED);
        lua_rawgeti(L, -1, job->index);
        lua_pushnil(L);
        lua_rawseti(L, -3, job->index); /* forget it: called once */
        /* Forgotten before it runs: its line is kept for an error that has
         * none of its own (error(nil), error({}), error("x", 0)). */
        lua_Debug ar;
        lua_pushvalue(L, -1);
        if (lua_isfunction(L, -1) && lua_getinfo(L, ">S", &ar))
            job->line = ar.linedefined;
        else
            lua_pop(L, 1);
    }
    if (lua_type(L, -1) != LUA_TFUNCTION)
        return 0;
    job->present = true;
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.proxy);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.ctx);
    int base = lua_gettop(L) - 3;
    lua_call(L, 2, 2);
    if (job->result == RESULT_BOOL || job->result == RESULT_ALLOWED)
        job->value = lua_toboolean(L, base + 1);
    if (job->result == RESULT_ALLOWED && !job->value)
        read_reason(L, s, base + 2, job, TT_MSG(E_CALL_WHAT_REASON_FALSE));
    if (job->result == RESULT_TIME)
        job->time = tt_host_check_time(L, base + 1, TT_MSG(E_CALL_WHAT_TIME));
    if (job->result == RESULT_REASON) {
        job->value = lua_toboolean(L, base + 1);
        if (job->value)
            read_reason(L, s, base + 1, job, TT_MSG(E_CALL_WHAT_REASON));
    }
    return 0;
}

/* " (in <where>)" after the message, as every call's error carries. A
 * callback that fails while an exercise runs is a runtime failure (exit 1)
 * whichever command runs it (run, replay, resume, sweep), not bad input. */
static void add_where(tt_script *s, tt_error *err)
{
    if (err->cls == TT_ERR_INPUT)
        err->cls = TT_ERR_RUNTIME;
    const char *where = tt_host_where(s);
    size_t len = strlen(err->message);
    if (where && len < sizeof err->message)
        snprintf(err->message + len, sizeof err->message - len, TT_MSG(E_IN_WHERE_FMT), where);
}

/* Conditions on: reads through the main proxy and ctx go through C and
 * are recorded (a condition may reach them through an upvalue); off: the
 * proxy's and ctx's __index are their tables. Rawsets of existing,
 * non-nil fields: nothing is allocated, nothing can fail. */
static void condition_mode(tt_script *s, bool on)
{
    if (s->condition_mode == on)
        return;
    lua_State *L = s->L;
    const tt_host_refs *r = &s->refs;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->proxy_mt);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->key_index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, on ? r->recording_index : r->state);
    lua_rawset(L, -3);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->ctx_mt);
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->key_index);
    lua_rawgeti(L, LUA_REGISTRYINDEX, on ? r->ctx_index : r->ctx_table);
    lua_rawset(L, -3);
    lua_pop(L, 2);
    s->condition_mode = on;
}

static void push_time(lua_State *L, tt_ms now)
{
    if (now % 1000 == 0)
        lua_pushinteger(L, now / 1000);
    else
        lua_pushnumber(L, (double)now / 1000.0);
}

/* [-0, +0] Set field "now" (present and non-nil) of the table ref. */
static void set_now(tt_script *s, int ref, tt_ms now)
{
    lua_State *L = s->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.key_now);
    push_time(L, now);
    lua_rawset(L, -3);
    lua_pop(L, 1);
}

/* Whether each field a loop-free function calls (tt_host_fn_lib_calls)
 * now holds one of the engine's C functions that never call Lua (the math
 * library as set up, ctx's own): then no Lua runs but the function's own
 * instructions, each at most once, and it runs unhooked as straight-line
 * code does. Raw reads of fields the function's own constants name (short
 * strings, interned: nothing is allocated, nothing can raise); the values
 * read are those its field reads will find, as nothing it calls and
 * nothing it stores (into s only) changes them. */
static bool lib_calls_hold(tt_script *s, size_t slot)
{
    lua_State *L = s->L;
    tt_lib_calls *c = s->lib_calls[slot];
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.fn[slot]);
    int fn = top + 1;
    bool ok = true;
    /* Sites are grouped by table (tt_host_fn_lib_calls): each table once. */
    for (size_t i = 0; ok && i < c->n; i++) {
        tt_lib_call *site = &c->site[i];
        const tt_lib_call *prev = i > 0 ? &c->site[i - 1] : NULL;
        if (!prev || prev->upvalue != site->upvalue || strcmp(prev->lib, site->lib) != 0) {
            lua_settop(L, fn);
            if (site->upvalue < 0) {
                lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.ctx_table);
            } else if (!lua_getupvalue(L, fn, site->upvalue + 1) ||
                       lua_type(L, -1) != LUA_TTABLE) {
                ok = false;
                break;
            } else {
                lua_pushstring(L, site->lib);
                ok = lua_rawget(L, -2) == LUA_TTABLE;
            }
        }
        if (ok) {
            lua_pushstring(L, site->name);
            lua_rawget(L, -2);
            lua_CFunction f = lua_tocfunction(L, -1);
            /* The leaves are the same C functions in every state of the
             * process (the math library as set up, ctx's own): one found
             * at a site before need not be looked up again. */
            ok = f && (f == site->leaf ||
                       (site->upvalue < 0 ? tt_ctx_leaf(f) : tt_sandbox_leaf(s->sb, f)));
            if (ok)
                site->leaf = f;
            lua_pop(L, 1);
        }
    }
    lua_settop(L, top);
    return ok;
}

/* Whether a behaviour function is straight-line code, classified at its
 * second call, once per process: rebuilt states run the same code. Its
 * first call runs hooked, as any call may (a run charges the same work
 * either way): most actions' and injects' functions run once in a run,
 * and classifying one (its dump read three ways) cost more than running
 * it hooked. lua_dump allocates nothing and cannot raise. */
static bool straight(tt_script *s, tt_callback kind, int index)
{
    size_t slot = s->refs.off[kind] + (size_t)index;
    if (s->straight[slot] == STRAIGHT_UNKNOWN) {
        s->straight[slot] = STRAIGHT_CALLED;
        return false;
    }
    if (s->straight[slot] == STRAIGHT_CALLED) {
        int ref = s->refs.fn[slot];
        if (ref == LUA_NOREF)
            return false;
        lua_rawgeti(s->L, LUA_REGISTRYINDEX, ref);
        tt_fn_class fc;
        tt_host_fn_classify(s->L, -1, TT_HOOK_STEP, &fc);
        unsigned char cls = fc.straight ? STRAIGHT_YES : STRAIGHT_NO;
        if (fc.reads_only_fields)
            cls |= READS_FIELDS;
        if (fc.sets_upvalues)
            cls |= SETS_UPVALUES;
        /* Checking the fields costs about what a dozen hooked instructions
         * do: worth it for a function long enough. */
        if (fc.lib_calls && fc.calls.length >= 32 * fc.calls.n &&
            (s->lib_calls[slot] = malloc(sizeof fc.calls)) != NULL) {
            *s->lib_calls[slot] = fc.calls;
            cls |= LIB_CALLS;
        }
        lua_Debug ar;
        if (lua_getinfo(s->L, ">u", &ar) && !ar.isvararg && ar.nparams < 2)
            cls |= ar.nparams == 0 ? TAKES_NONE : TAKES_ONE;
        s->straight[slot] = cls; /* the function was popped by ">" */
    }
    if (s->straight[slot] & LIB_CALLS)
        return lib_calls_hold(s, slot);
    return (s->straight[slot] & STRAIGHT_MASK) == STRAIGHT_YES;
}

static int call(tt_script *s, call_job *job, tt_ms now, const char *role, bool read_only,
                tt_error *err)
{
    if (!s->begun) {
        tt_error_set(err, s->model.path, 0, 0, TT_MSG(E_CALL_NOT_BEGUN));
        return -1;
    }
    lua_State *L = s->L;
    s->ran = true;
    s->calls++;
    /* Recording: a condition, or a caller asking what a call read (preview.c). */
    bool recording = job->kind == TT_CB_INJECT_WHEN || job->kind == TT_CB_OBJECTIVE_WHEN ||
                     s->recording;
    condition_mode(s, recording);
    if (!recording && s->ctx_now != now) {
        set_now(s, s->refs.ctx_table, now);
        s->ctx_now = now;
    }
    s->now = now;
    s->role = role;
    s->read_only = read_only;
    s->where_kind = (int)job->kind;
    s->where_index = job->index;
    job->s = s;
    size_t scheduled_before = s->n_pending;
    int rc;
    /* The trampoline is engine C code; what it calls is the function. */
    if (job->kind != TT_CB_DEFERRED)
        s->sb->straight = straight(s, job->kind, job->index);
    /* Lua that may assign an upvalue a condition holds (call_condition):
     * all but a function that runs unhooked (it calls no Lua, and no
     * metamethod of the scenario's can run) and assigns none itself. */
    if (job->kind == TT_CB_DEFERRED || !s->sb->straight || s->sb->metatables ||
        (s->straight[s->refs.off[job->kind] + job->index] & SETS_UPVALUES))
        s->lua_epoch++;
    if (job->result == RESULT_ALLOWED || job->result == RESULT_TIME ||
        job->result == RESULT_REASON || job->kind == TT_CB_DEFERRED) {
        lua_pushcfunction(L, trampoline);
        lua_pushlightuserdata(L, job);
        rc = tt_sandbox_call(s->sb, s->model.path, 1, 0, s->limits.call_instructions, NULL,
                             err);
    } else {
        int ref = s->refs.fn[s->refs.off[job->kind] + job->index];
        if (ref == LUA_NOREF) {
            s->sb->straight = false;
            rc = 0; /* no such function: nothing to do */
        } else {
            job->present = true;
            lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
            lua_rawgeti(L, LUA_REGISTRYINDEX, job->cond ? job->cond->proxy : s->refs.proxy);
            lua_rawgeti(L, LUA_REGISTRYINDEX, job->cond ? job->cond->ctx : s->refs.ctx);
            rc = tt_sandbox_call(s->sb, s->model.path, 2, 1, s->limits.call_instructions, NULL,
                                 err);
            if (rc == 0) {
                job->value = lua_toboolean(L, -1);
                lua_pop(L, 1);
            }
        }
    }
    if (rc != 0) {
        s->n_pending = scheduled_before; /* a failed call schedules nothing */
        add_where(s, err);
        if (err->line == 0 && job->kind == TT_CB_DEFERRED && job->line > 0)
            err->line = job->line;
        if (err->line == 0 && job->kind != TT_CB_DEFERRED) {
            /* A bad returned value has no Lua line: give the function's. */
            lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.fn[s->refs.off[job->kind] + job->index]);
            lua_Debug ar;
            if (lua_isfunction(L, -1) && lua_getinfo(L, ">S", &ar) && ar.linedefined > 0)
                err->line = ar.linedefined;
            else
                lua_pop(L, 1);
        }
    } else if (s->tracer && job->present) {
        s->tracer(s->tracer_user, job->kind, job->index, now, role, job->value);
    }
    s->role = NULL;
    s->read_only = false;
    s->where_kind = -1;
    s->replying = NULL;
    return rc;
}

/* Whether every upvalue of the function at idx is a boolean, number,
 * string or nil: nothing through which another object can be reached. */
static bool upvalues_are_scalars(lua_State *L, int idx)
{
    for (int n = 1; lua_getupvalue(L, idx, n) != NULL; n++) {
        int t = lua_type(L, -1);
        lua_pop(L, 1);
        if (t != LUA_TNUMBER && t != LUA_TBOOLEAN && t != LUA_TSTRING && t != LUA_TNIL)
            return false;
    }
    return true;
}

/* call() for a condition, its common case inlined: a function that is
 * present and returns. The same effects in the same order as call() with
 * RESULT_BOOL, recording and read-only; anything else (not begun, no
 * function, an error) goes through call() itself, so messages are its. */
static int call_condition(tt_script *s, tt_callback kind, int index, const tt_cond_refs *c,
                          tt_ms now, bool *holds, tt_error *err)
{
    size_t slot = s->refs.off[kind] + (size_t)index;
    int ref = s->refs.fn[slot];
    unsigned char cls = s->straight[slot];
    if (!s->begun || ref == LUA_NOREF || (cls & STRAIGHT_MASK) == STRAIGHT_UNKNOWN ||
        cls == STRAIGHT_CALLED) {
        call_job job = { .kind = kind, .index = index, .result = RESULT_BOOL, .cond = c };
        int rc = call(s, &job, now, NULL, true, err);
        *holds = rc == 0 && job.present && job.value;
        return rc;
    }
    lua_State *L = s->L;
    s->ran = true;
    s->calls++;
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    /* A condition that only reads fields of s and ctx gets the tables its
     * proxies' __index name: the same reads, one metatable hop less each. */
    bool tables = c && (cls & READS_FIELDS);
    /* The main proxy and ctx record reads only for a condition that could
     * reach them: one given its own view that calls nothing and whose
     * upvalues hold no object cannot (switching them is a third of a
     * condition's cost, twice per settled minute). Its upvalues change
     * only when other Lua code that may assign one runs, which bumps
     * lua_epoch (call()): checked once per epoch. Any other condition may
     * run any code. */
    tt_cond_memo *m = s->recording;
    if (tables && m &&
        (m->scalars_epoch == s->lua_epoch || upvalues_are_scalars(L, lua_gettop(L)))) {
        m->scalars_epoch = s->lua_epoch;
    } else {
        s->lua_epoch++;
        condition_mode(s, true);
    }
    s->now = now;
    s->role = NULL;
    s->read_only = true;
    s->where_kind = (int)kind;
    s->where_index = index;
    size_t scheduled_before = s->n_pending;
    s->sb->straight = (cls & STRAIGHT_MASK) == STRAIGHT_YES;
    int nargs = 0;
    if (!(cls & TAKES_NONE)) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, !c ? s->refs.proxy : tables ? c->view : c->proxy);
        nargs++;
    }
    if (!(cls & (TAKES_NONE | TAKES_ONE))) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, !c ? s->refs.ctx : tables ? c->ctx_table : c->ctx);
        nargs++;
    }
    int rc = tt_sandbox_call(s->sb, s->model.path, nargs, 1, s->limits.call_instructions,
                             NULL, err);
    if (rc == 0) {
        *holds = lua_toboolean(L, -1);
        lua_pop(L, 1);
        if (s->tracer)
            s->tracer(s->tracer_user, kind, index, now, NULL, *holds);
    } else {
        s->n_pending = scheduled_before; /* a failed call schedules nothing */
        add_where(s, err);
        if (err->line == 0) {
            /* A bad returned value has no Lua line: give the function's. */
            lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
            lua_Debug ar;
            if (lua_isfunction(L, -1) && lua_getinfo(L, ">S", &ar) && ar.linedefined > 0)
                err->line = ar.linedefined;
            else
                lua_pop(L, 1);
        }
    }
    s->read_only = false;
    s->where_kind = -1;
    s->replying = NULL;
    return rc;
}

static bool bad_index(tt_script *s, int i, size_t n, const char *what, tt_error *err)
{
    if (i >= 0 && (size_t)i < n)
        return false;
    tt_error_set(err, s->model.path, 0, 0, TT_MSG(E_CALL_NO_INDEX_FMT), what, i);
    return true;
}

/* Bring a condition's view up to date: the keys it holds that were
 * written since, and its now. Only fields already present (non-nil) are
 * set, so nothing is allocated and nothing can fail. */
static void sync_view(tt_script *s, tt_cond_memo *m, const tt_cond_refs *c, tt_ms now)
{
    lua_State *L = s->L;
    if (m->synced_gen != s->gen) {
        int base = 0;
        for (unsigned i = 0; i < m->n_reads; i++) {
            uint32_t k = m->reads[i];
            if (s->written[k] <= m->synced_gen)
                continue;
            if (!base) {
                lua_rawgeti(L, LUA_REGISTRYINDEX, c->view);
                lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.state);
                lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.names);
                base = lua_gettop(L) - 2;
            }
            lua_rawgeti(L, base + 2, (lua_Integer)k + 1);
            lua_pushvalue(L, -1);
            if (lua_rawget(L, base) == LUA_TNIL) { /* read through the main proxy */
                lua_pop(L, 2);
                continue;
            }
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_rawget(L, base + 1);
            lua_rawset(L, base);
        }
        if (base)
            lua_settop(L, base - 1);
        m->synced_gen = s->gen;
    }
    if (m->ctx_has_now && m->ctx_now != now) {
        set_now(s, c->ctx_table, now);
        m->ctx_now = now;
    }
}

/* A condition's kept result still holds: it ran since valid_from, at this
 * time if it read ctx.now, and nothing it read was written since. Checked
 * before condition() is entered: most checks end here (a wide condition
 * never kept a result: at_gen 0). */
static inline bool memo_fresh(const tt_script *s, const tt_cond_memo *m, tt_ms now)
{
    if (m->at_gen < s->valid_from || (m->uses_now && m->at_now != now))
        return false;
    for (unsigned i = 0; i < m->n_reads; i++)
        if (s->written[m->reads[i]] > m->at_gen)
            return false;
    return true;
}

/* A condition whose kept result does not hold (memo_fresh): run it. */
static int condition(tt_script *s, tt_callback kind, int index, tt_cond_memo *m,
                     const tt_cond_refs *c, tt_ms now, bool *holds, tt_error *err)
{
    m->at_gen = 0;
    bool wide = m->n_reads > TT_MEMO_READS || c->view == LUA_NOREF;
    if (!wide)
        sync_view(s, m, c, now);
    s->recording = m;
    int rc = call_condition(s, kind, index, wide ? NULL : c, now, holds, err);
    s->recording = NULL;
    if (rc != 0)
        return -1;
    /* Kept unless it drew random numbers or read too much to list. */
    if (!s->sb->drew && m->n_reads <= TT_MEMO_READS) {
        m->at_gen = s->gen;
        m->at_now = now;
        m->value = *holds;
    }
    return 0;
}

int tt_script_action_allowed(tt_script *s, int action, tt_ms now, bool *ok, tt_text *why,
                             tt_error *err)
{
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    tt_arena_free(&s->scratch);
    call_job job = { .kind = TT_CB_REQUIRES, .index = action, .result = RESULT_ALLOWED };
    if (call(s, &job, now, NULL, true, err) != 0)
        return -1;
    *ok = job.present ? job.value : true;
    if (why) {
        why->ja = job.why.ja;
        why->en = job.why.en;
    }
    return 0;
}

int tt_script_action_apply(tt_script *s, int action, tt_ms now, const char *role,
                           tt_error *err)
{
    tt_action_outcome outcome;
    const char *asker;
    tt_text said;
    return tt_script_action_finish(s, action, now, role, NULL, &outcome, &asker, &said, err);
}

int tt_script_action_finish(tt_script *s, int action, tt_ms now, const char *role,
                            const char *answer, tt_action_outcome *outcome,
                            const char **asker, tt_text *said, tt_error *err)
{
    *outcome = TT_OUTCOME_DONE;
    *asker = NULL;
    *said = (tt_text){ NULL, NULL };
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    tt_arena_free(&s->scratch);
    s->answer = answer;
    s->outcome = TT_OUTCOME_DONE;
    s->outcome_from = NULL;
    s->outcome_text = (tt_text){ NULL, NULL };
    call_job job = { .kind = TT_CB_DOES, .index = action, .result = RESULT_NONE };
    int rc = call(s, &job, now, role, false, err);
    s->answer = NULL;
    if (rc == 0) {
        *outcome = s->outcome;
        *asker = s->outcome_from;
        *said = s->outcome_text;
    }
    return rc;
}

/* Read-only like a precondition: evaluated when the action starts. */
int tt_script_action_takes(tt_script *s, int action, tt_ms now, const char *role,
                           tt_ms *takes, tt_error *err)
{
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    *takes = s->model.actions[action].takes;
    if (!s->model.actions[action].takes_fn)
        return 0;
    call_job job = { .kind = TT_CB_TAKES, .index = action, .result = RESULT_TIME };
    if (call(s, &job, now, role, true, err) != 0)
        return -1;
    if (job.present)
        *takes = job.time;
    return 0;
}

int tt_script_action_bad(tt_script *s, int action, tt_ms now, const char *role, bool *bad,
                         tt_text *why, tt_error *err)
{
    *bad = false;
    *why = (tt_text){ NULL, NULL };
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    const tt_action *a = &s->model.actions[action];
    if (!a->harmful_fn && !a->wasted_fn)
        return 0;
    tt_arena_free(&s->scratch);
    call_job job = { .kind = TT_CB_BAD, .index = action, .result = RESULT_REASON };
    if (call(s, &job, now, role, true, err) != 0)
        return -1;
    *bad = job.present && job.value;
    if (*bad)
        *why = job.why;
    return 0;
}

int tt_script_action_cancelled(tt_script *s, int action, tt_ms now, const char *role,
                               tt_error *err)
{
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    call_job job = { .kind = TT_CB_ON_CANCEL, .index = action, .result = RESULT_NONE };
    return call(s, &job, now, role, false, err);
}

int tt_script_dynamic_run(tt_script *s, int dynamic, tt_ms now, tt_error *err)
{
    if (bad_index(s, dynamic, s->model.n_dynamics, "dynamic", err))
        return -1;
    call_job job = { .kind = TT_CB_RUN, .index = dynamic, .result = RESULT_NONE };
    return call(s, &job, now, NULL, false, err);
}

int tt_script_inject_due(tt_script *s, int inject, tt_ms now, bool *due, tt_error *err)
{
    if (bad_index(s, inject, s->model.n_injects, "inject", err))
        return -1;
    tt_cond_memo *m = &s->memo[inject];
    if (memo_fresh(s, m, now)) {
        *due = m->value;
        return 0;
    }
    return condition(s, TT_CB_INJECT_WHEN, inject, m, &s->refs.cond[inject], now, due, err);
}

int tt_script_inject_fired(tt_script *s, int inject, tt_ms now, tt_error *err)
{
    if (bad_index(s, inject, s->model.n_injects, "inject", err))
        return -1;
    call_job job = { .kind = TT_CB_INJECT_DOES, .index = inject, .result = RESULT_NONE };
    return call(s, &job, now, NULL, false, err);
}

int tt_script_objective_met(tt_script *s, int objective, tt_ms now, bool *met,
                            tt_error *err)
{
    if (bad_index(s, objective, s->model.n_objectives, "objective", err))
        return -1;
    size_t i = s->model.n_injects + (size_t)objective;
    tt_cond_memo *m = &s->memo[i];
    if (memo_fresh(s, m, now)) {
        *met = m->value;
        return 0;
    }
    return condition(s, TT_CB_OBJECTIVE_WHEN, objective, m, &s->refs.cond[i], now, met, err);
}

int tt_script_call_deferred(tt_script *s, int ref, tt_ms now, tt_error *err)
{
    call_job job = { .kind = TT_CB_DEFERRED, .index = ref, .result = RESULT_NONE };
    if (call(s, &job, now, NULL, false, err) != 0)
        return -1;
    if (!job.present) {
        tt_error_set(err, s->model.path, 0, 0, TT_MSG(E_CALL_NO_AFTER_FMT),
                     ref);
        return -1;
    }
    return 0;
}
