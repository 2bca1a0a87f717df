/* The engine against a bare-Lua replica of the same work (issue 11).
 *
 * For each scenario's model answer, one traced run records every behaviour
 * call the engine makes (kind, index, simulated time, role). The replica
 * then does that work with nothing but Lua: a fresh lua_State with the
 * standard libraries, the same scenario file compiled from its text, the
 * same callbacks in the same order at the same times, a plain state table,
 * and a stub ctx drawing from the engine's generator (PCG32, same seed and
 * stream), so every random draw is the same. Its conditions must give the
 * engine's answers; a mismatch is printed.
 *
 * Printed per scenario (min of several rounds, measured interleaved so the
 * load of a shared machine falls on both alike):
 *   engine   one exercise: fresh state, start, the answer played to the end
 *            (no journal file: records are built and dropped)
 *   replica  the same callbacks in bare Lua, including the fresh state and
 *            the compile of the scenario file
 *   ratio    engine / replica (goal: <= 1.5)
 * and, for the scenario's most frequent condition, ns per call through the
 * engine (its memo forgotten before each call, so the function really runs)
 * and through a bare lua_pcall of the same function, their ratio (goal:
 * <= 1.6), the same against a bare lua_pcall with the sandbox's count hook
 * set (with a count hook Lua 5.4 traps every instruction, so the hook alone
 * costs a few ns per instruction: "only the budget hook may cost"), and the
 * floor: lua_pcall of an empty function, bare and with the hook. */
#include <lauxlib.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tabletop/exercise.h"

#define ROUNDS 11
#define CALLS 20000

static const char *const IDS[] = { "mail-form-flood", "exposed-monitoring", "ransomware",
                                   "admin-server-breach", "wordpress-xss",
                                   "card-buffer-outage" };

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* ---- The trace ---- */

typedef struct traced {
    tt_callback kind;
    int index;
    tt_ms now;
    char *role;         /* a copy */
    bool result;
} traced;

typedef struct trace {
    traced *calls;
    size_t n, cap;
    bool oom;
} trace;

static void record_call(void *user, tt_callback kind, int index, tt_ms now, const char *role,
                        bool result)
{
    trace *t = user;
    if (!tt_grow(&t->calls, &t->cap, t->n + 1, sizeof *t->calls)) {
        t->oom = true;
        return;
    }
    char *copy = role ? strdup(role) : NULL;
    if (role && !copy) {
        t->oom = true;
        return;
    }
    t->calls[t->n++] = (traced){ kind, index, now, copy, result };
}

/* One engine exercise on `script` (its state is rebuilt when reused). */
static int engine_run(tt_script *script, const tt_action_script *answers, uint64_t seed)
{
    tt_error err;
    tt_exercise_config cfg = { .seed = seed, .settings = answers->settings,
                               .n_settings = answers->n_settings };
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    int rc = ex ? tt_exercise_start(ex, 0, &err) : -1;
    if (rc == 0)
        rc = tt_exercise_play(ex, answers, 0, &err);
    tt_exercise_free(ex);
    if (rc != 0)
        tt_error_print(&err, "bench_replica");
    return rc;
}

/* ---- The replica ---- */

typedef struct replica {
    lua_State *L;
    const tt_scenario *model;
    tt_rng rng;
    int next_ref;
    const char *replying;   /* actor whose reply is running */
    int fns[TT_CB_DEFERRED][64 * 4]; /* registry refs by kind and index */
    int state, ctx, deferred, replies;
    size_t mismatches;
} replica;

static replica *replica_of(lua_State *L)
{
    return *(replica **)lua_getextraspace(L);
}

static int stub_random(lua_State *L)
{
    replica *r = replica_of(L);
    lua_Integer lo = 1, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, tt_rng_unit(&r->rng));
        return 1;
    case 1:
        hi = luaL_checkinteger(L, 1);
        break;
    default:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
    }
    lua_pushinteger(L, (lua_Integer)tt_rng_range(&r->rng, lo, hi));
    return 1;
}

static int stub_chance(lua_State *L)
{
    replica *r = replica_of(L);
    lua_pushboolean(L, tt_rng_unit(&r->rng) < luaL_checknumber(L, 1));
    return 1;
}

static int actor_index(const tt_scenario *m, const char *id)
{
    for (size_t i = 0; id && i < m->n_actors; i++)
        if (strcmp(m->actors[i].id, id) == 0)
            return (int)i;
    return -1;
}

static void draw_delay(replica *r, int actor)
{
    const tt_actor *a = &r->model->actors[actor];
    tt_rng_range(&r->rng, a->delay_min, a->delay_max);
}

/* ctx.message: only what decides a random draw (the text is dropped). */
static int stub_message(lua_State *L)
{
    replica *r = replica_of(L);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_getfield(L, 1, "from");
    const char *from = lua_tostring(L, -1);
    int actor = actor_index(r->model, from);
    if (lua_getfield(L, 1, "after") == LUA_TNIL && actor >= 0 &&
        !(r->replying && strcmp(r->replying, from) == 0))
        draw_delay(r, actor);
    return 0;
}

static int stub_after(lua_State *L)
{
    replica *r = replica_of(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    int actor = lua_type(L, 1) == LUA_TSTRING ? actor_index(r->model, lua_tostring(L, 1)) : -1;
    if (actor >= 0)
        draw_delay(r, actor);
    int ref = ++r->next_ref;
    lua_pushvalue(L, 2);
    lua_rawseti(L, lua_upvalueindex(1), ref);
    if (actor >= 0) {
        lua_pushstring(L, r->model->actors[actor].id);
        lua_rawseti(L, lua_upvalueindex(2), ref);
    }
    return 0;
}

static int stub_scenario(lua_State *L)
{
    lua_settop(L, 1);
    return 1;
}

/* t[field] where t is the list entry of `list` whose id is `id`. */
static int list_entry_fn(lua_State *L, int top, const char *list, const char *id,
                         const char *field)
{
    lua_getfield(L, top, list);
    for (lua_Integer i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
        lua_getfield(L, -1, "id");
        bool same = lua_type(L, -1) == LUA_TSTRING && strcmp(lua_tostring(L, -1), id) == 0;
        lua_pop(L, 1);
        if (same) {
            lua_getfield(L, -1, field);
            lua_replace(L, -3);
            lua_pop(L, 1);
            return luaL_ref(L, LUA_REGISTRYINDEX);
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 2);
    return LUA_NOREF;
}

static int ref_field(lua_State *L, int tbl, const char *field)
{
    lua_getfield(L, tbl, field);
    return luaL_ref(L, LUA_REGISTRYINDEX);
}

/* Protected: fresh libraries, the file compiled and run, callbacks found,
 * the state table filled with the engine's initial state. */
static int replica_setup(lua_State *L)
{
    replica *r = lua_touserdata(L, 1);
    const char *path = lua_touserdata(L, 2);
    const tt_kv *state = lua_touserdata(L, 3);
    size_t n_state = (size_t)lua_tointeger(L, 4);
    lua_settop(L, 0);
    luaL_openlibs(L);
    lua_pushcfunction(L, stub_random);
    lua_getglobal(L, "math");
    lua_pushvalue(L, 1);
    lua_setfield(L, -2, "random");
    lua_settop(L, 0);
    lua_pushcfunction(L, stub_scenario);
    lua_setglobal(L, "scenario");
    if (luaL_loadfilex(L, path, "t") != LUA_OK)
        return lua_error(L);
    lua_call(L, 0, 1);
    int top = lua_gettop(L);
    const tt_scenario *m = r->model;
    if (m->n_actions > 256 || m->n_injects > 256 || m->n_objectives > 256 ||
        m->n_dynamics > 256)
        return luaL_error(L, "scenario too large for the replica's tables");
    lua_getfield(L, top, "actions");
    int acts = lua_gettop(L);
    for (size_t i = 0; i < m->n_actions; i++) {
        lua_getfield(L, acts, m->actions[i].id);
        int a = lua_gettop(L);
        r->fns[TT_CB_REQUIRES][i] = ref_field(L, a, "requires");
        r->fns[TT_CB_DOES][i] = ref_field(L, a, "does");
        lua_pop(L, 1);
    }
    lua_getfield(L, top, "every");
    for (size_t i = 0; i < m->n_dynamics; i++) {
        lua_rawgeti(L, -1, (lua_Integer)i + 1);
        r->fns[TT_CB_RUN][i] = ref_field(L, lua_gettop(L), "run");
        lua_pop(L, 1);
    }
    for (size_t i = 0; i < m->n_injects; i++) {
        r->fns[TT_CB_INJECT_WHEN][i] = list_entry_fn(L, top, "injects", m->injects[i].id, "when");
        r->fns[TT_CB_INJECT_DOES][i] = list_entry_fn(L, top, "injects", m->injects[i].id, "does");
    }
    /* objectives are a map keyed by id */
    lua_getfield(L, top, "objectives");
    int objs = lua_gettop(L);
    for (size_t i = 0; i < m->n_objectives; i++) {
        lua_getfield(L, objs, m->objectives[i].id);
        r->fns[TT_CB_OBJECTIVE_WHEN][i] =
            lua_type(L, -1) == LUA_TTABLE ? ref_field(L, lua_gettop(L), "when") : LUA_NOREF;
        lua_pop(L, 1);
    }
    lua_settop(L, 0);

    lua_createtable(L, 0, (int)n_state);
    for (size_t i = 0; i < n_state; i++) {
        const tt_value *v = &state[i].value;
        switch (v->type) {
        case TT_VAL_BOOL: lua_pushboolean(L, v->as.b); break;
        case TT_VAL_INT: lua_pushinteger(L, v->as.i); break;
        case TT_VAL_NUM: lua_pushnumber(L, v->as.n); break;
        default: lua_pushstring(L, v->as.s ? v->as.s : ""); break;
        }
        lua_setfield(L, -2, state[i].key);
    }
    r->state = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    lua_newtable(L);
    lua_pushvalue(L, -2);
    r->deferred = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_pushvalue(L, -1);
    r->replies = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_createtable(L, 0, 6);
    lua_pushcfunction(L, stub_random);
    lua_setfield(L, -2, "random");
    lua_pushcfunction(L, stub_chance);
    lua_setfield(L, -2, "chance");
    lua_pushcfunction(L, stub_message);
    lua_setfield(L, -2, "message");
    lua_insert(L, -3);
    lua_pushcclosure(L, stub_after, 2);
    lua_setfield(L, -2, "after");
    r->ctx = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static int replica_start(replica *r, const char *path, uint64_t seed, const tt_kv *state,
                         size_t n_state)
{
    r->L = luaL_newstate();
    if (!r->L)
        return -1;
    *(replica **)lua_getextraspace(r->L) = r;
    tt_rng_seed(&r->rng, seed, 0x7461626c65746f70ULL); /* the exercise's stream */
    r->next_ref = 0;
    r->replying = NULL;
    lua_pushcfunction(r->L, replica_setup);
    lua_pushlightuserdata(r->L, r);
    lua_pushlightuserdata(r->L, (void *)path);
    lua_pushlightuserdata(r->L, (void *)state);
    lua_pushinteger(r->L, (lua_Integer)n_state);
    if (lua_pcall(r->L, 4, 0, 0) != LUA_OK) {
        fprintf(stderr, "replica: %s\n", lua_tostring(r->L, -1));
        lua_close(r->L);
        return -1;
    }
    return 0;
}

/* Push the function of a traced call; false when there is none. */
static bool push_fn(replica *r, const traced *c)
{
    lua_State *L = r->L;
    if (c->kind == TT_CB_DEFERRED) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->replies);
        lua_rawgeti(L, -1, c->index);
        r->replying = lua_tostring(L, -1); /* kept alive by the table */
        lua_pop(L, 2);
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->deferred);
        lua_rawgeti(L, -1, c->index);
        lua_remove(L, -2);
    } else {
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->fns[c->kind][c->index]);
    }
    return lua_type(L, -1) == LUA_TFUNCTION;
}

static void set_ctx(replica *r, const traced *c)
{
    lua_State *L = r->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, r->ctx);
    if (c->now % 1000 == 0)
        lua_pushinteger(L, c->now / 1000);
    else
        lua_pushnumber(L, (double)c->now / 1000.0);
    lua_setfield(L, -2, "now");
    if (c->role)
        lua_pushstring(L, c->role);
    else
        lua_pushnil(L);
    lua_setfield(L, -2, "role");
}

static int replica_run(replica *r, const trace *t)
{
    lua_State *L = r->L;
    for (size_t i = 0; i < t->n; i++) {
        const traced *c = &t->calls[i];
        if (!push_fn(r, c)) {
            lua_pop(L, 1);
            r->mismatches++;
            continue;
        }
        lua_rawgeti(L, LUA_REGISTRYINDEX, r->state);
        set_ctx(r, c);
        if (lua_pcall(L, 2, 1, 0) != LUA_OK) {
            fprintf(stderr, "replica: %s\n", lua_tostring(L, -1));
            lua_pop(L, 1);
            return -1;
        }
        if ((c->kind == TT_CB_INJECT_WHEN || c->kind == TT_CB_OBJECTIVE_WHEN ||
             c->kind == TT_CB_REQUIRES) && (bool)lua_toboolean(L, -1) != c->result)
            r->mismatches++;
        lua_pop(L, 1);
        r->replying = NULL;
    }
    return 0;
}

/* ---- Per-call costs ---- */

static int empty_hook_count;
static void empty_hook(lua_State *L, lua_Debug *ar)
{
    (void)L;
    (void)ar;
    empty_hook_count++;
}

/* ns per lua_pcall of the function at the top of r->L with (state, ctx). */
static double bare_call_ns(replica *r, int ref, bool with_args, bool hook)
{
    lua_State *L = r->L;
    if (hook)
        lua_sethook(L, empty_hook, LUA_MASKCOUNT, 1000);
    double start = now_ns();
    for (int i = 0; i < CALLS; i++) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
        int n = 0;
        if (with_args) {
            lua_rawgeti(L, LUA_REGISTRYINDEX, r->state);
            lua_rawgeti(L, LUA_REGISTRYINDEX, r->ctx);
            n = 2;
        }
        if (lua_pcall(L, n, 1, 0) != LUA_OK) {
            lua_pop(L, 1);
            return -1;
        }
        lua_pop(L, 1);
    }
    double ns = (now_ns() - start) / CALLS;
    lua_sethook(L, NULL, 0, 0);
    return ns;
}

static double engine_call_ns(tt_script *script, tt_callback kind, int index, tt_ms now)
{
    tt_error err;
    bool v;
    double start = now_ns();
    for (int i = 0; i < CALLS; i++) {
        tt_script_forget_conditions(script); /* the full call, not its memo */
        int rc = kind == TT_CB_OBJECTIVE_WHEN
                     ? tt_script_objective_met(script, index, now, &v, &err)
                     : tt_script_inject_due(script, index, now, &v, &err);
        if (rc != 0)
            return -1;
    }
    return (now_ns() - start) / CALLS;
}

static double min_of(double a, double b)
{
    return a < b ? a : b;
}

static int bench_scenario(const char *id, double *ratio_out, double *call_ratio_out,
                          double *hooked_ratio_out)
{
    char path[1024], answer[1024];
    snprintf(path, sizeof path, "%s/%s.lua", TT_BENCH_SCENARIO_DIR, id);
    snprintf(answer, sizeof answer, "%s/answers/%s/model.yaml", TT_BENCH_SCENARIO_DIR, id);
    tt_error err;
    tt_script *script = tt_script_load(path, NULL, &err);
    if (!script) {
        tt_error_print(&err, "bench_replica");
        return -1;
    }
    tt_action_script answers;
    if (tt_action_script_load(answer, tt_script_scenario(script), &answers, &err) != 0) {
        tt_error_print(&err, "bench_replica");
        tt_script_free(script);
        return -1;
    }
    uint64_t seed = answers.has_seed ? answers.seed : 1;
    int rc = -1;
    trace t = { 0 };
    replica *r = calloc(1, sizeof *r);
    if (!r)
        goto out;
    r->model = tt_script_scenario(script);

    /* The trace, and the initial state the replica starts from. */
    tt_script_set_tracer(script, record_call, &t);
    if (engine_run(script, &answers, seed) != 0 || t.oom)
        goto out;
    tt_script_set_tracer(script, NULL, NULL);
    tt_exercise_config cfg0 = { .seed = seed, .settings = answers.settings,
                                .n_settings = answers.n_settings };
    tt_exercise *ex0 = tt_exercise_new(script, &cfg0, &err);
    const tt_kv *st;
    size_t n_st;
    if (!ex0 || tt_exercise_state(ex0, &st, &n_st, &err) != 0) {
        tt_exercise_free(ex0);
        goto out;
    }
    tt_kv *initial = calloc(n_st + 1, sizeof *initial);
    for (size_t i = 0; initial && i < n_st; i++) {
        initial[i] = st[i];
        initial[i].key = strdup(st[i].key);
        if (st[i].value.type == TT_VAL_STR)
            initial[i].value.as.s = strdup(st[i].value.as.s ? st[i].value.as.s : "");
    }
    tt_exercise_free(ex0);
    if (!initial)
        goto out;

    double engine = 1e300, bare = 1e300;
    for (int round = 0; round < ROUNDS; round++) {
        double a = now_ns();
        if (engine_run(script, &answers, seed) != 0)
            goto out_initial;
        engine = min_of(engine, now_ns() - a);
        a = now_ns();
        r->mismatches = 0;
        if (replica_start(r, path, seed, initial, n_st) != 0)
            goto out_initial;
        int ok = replica_run(r, &t);
        double b = now_ns();
        if (round + 1 < ROUNDS)
            lua_close(r->L);
        if (ok != 0)
            goto out_initial;
        bare = min_of(bare, b - a);
    }

    /* The most frequent condition, called again and again at the end state. */
    size_t count[2][256] = { { 0 } };
    for (size_t i = 0; i < t.n; i++)
        if (t.calls[i].kind == TT_CB_OBJECTIVE_WHEN || t.calls[i].kind == TT_CB_INJECT_WHEN)
            count[t.calls[i].kind == TT_CB_INJECT_WHEN][t.calls[i].index & 255]++;
    int best_k = 0, best_i = -1;
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < 256; i++)
            if (count[k][i] && (best_i < 0 || count[k][i] > count[best_k][best_i])) {
                best_k = k;
                best_i = i;
            }
    tt_callback kind = best_k ? TT_CB_INJECT_WHEN : TT_CB_OBJECTIVE_WHEN;
    double e_call = -1, b_call = -1, h_call = -1, floor_bare = -1, floor_hook = -1;
    tt_ms end_time = t.n ? t.calls[t.n - 1].now : 0;
    tt_exercise_config cfg = { .seed = seed, .settings = answers.settings,
                               .n_settings = answers.n_settings };
    /* At the end state, as the replica's: the same branches run. */
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    if (!ex || tt_exercise_start(ex, 0, &err) != 0 ||
        tt_exercise_play(ex, &answers, 0, &err) != 0) {
        tt_exercise_free(ex);
        goto out_replica;
    }
    luaL_dostring(r->L, "return function() end");
    int empty = luaL_ref(r->L, LUA_REGISTRYINDEX);
    for (int round = 0; round < ROUNDS && best_i >= 0; round++) {
        double e = engine_call_ns(script, kind, best_i, end_time);
        double b = bare_call_ns(r, r->fns[kind][best_i], true, false);
        double hb = bare_call_ns(r, r->fns[kind][best_i], true, true);
        double f = bare_call_ns(r, empty, false, false);
        double h = bare_call_ns(r, empty, false, true);
        e_call = round ? min_of(e_call, e) : e;
        b_call = round ? min_of(b_call, b) : b;
        h_call = round ? min_of(h_call, hb) : hb;
        floor_bare = round ? min_of(floor_bare, f) : f;
        floor_hook = round ? min_of(floor_hook, h) : h;
    }
    tt_exercise_free(ex);

    printf("%-20s %6zu %4zu %9.1f %9.1f %6.2fx  %-14.14s %6.0f %6.0f %5.2fx %6.0f %5.2fx "
           "%5.0f %5.0f\n", id,
           t.n, r->mismatches, engine / 1e3, bare / 1e3, engine / bare,
           best_i < 0 ? "-" : kind == TT_CB_OBJECTIVE_WHEN ? r->model->objectives[best_i].id
                                                          : r->model->injects[best_i].id,
           e_call, b_call, e_call / b_call, h_call, e_call / h_call, floor_bare, floor_hook);
    *ratio_out = engine / bare;
    *call_ratio_out = e_call / b_call;
    *hooked_ratio_out = e_call / h_call;
    rc = 0;
out_replica:
    lua_close(r->L);
out_initial:
    for (size_t i = 0; i < n_st; i++) {
        free((char *)initial[i].key);
        if (initial[i].value.type == TT_VAL_STR)
            free((char *)initial[i].value.as.s);
    }
    free(initial);
out:
    free(r);
    for (size_t i = 0; i < t.n; i++)
        free(t.calls[i].role);
    free(t.calls);
    tt_action_script_free(&answers);
    tt_script_free(script);
    return rc;
}

int main(void)
{
    printf("engine vs bare-Lua replica, min of %d rounds; times in us, per-call in ns\n",
           ROUNDS);
    printf("%-20s %6s %4s %9s %9s %7s  %-14s %6s %6s %6s %6s %6s %5s %5s\n", "scenario",
           "calls", "miss", "engine", "replica", "ratio", "condition", "eng/c", "bare/c",
           "ratio", "hook/c", "ratio", "pcall", "+hook");
    double worst = 0, worst_call = 0, worst_hooked = 0, sum = 0;
    size_t n = sizeof IDS / sizeof IDS[0];
    for (size_t i = 0; i < n; i++) {
        double ratio, call_ratio, hooked_ratio;
        if (bench_scenario(IDS[i], &ratio, &call_ratio, &hooked_ratio) != 0)
            return 1;
        if (hooked_ratio > worst_hooked)
            worst_hooked = hooked_ratio;
        sum += ratio;
        if (ratio > worst)
            worst = ratio;
        if (call_ratio > worst_call)
            worst_call = call_ratio;
    }
    printf("exercise vs replica: mean %.2fx, worst %.2fx (goal <= 1.5x); "
           "callback vs bare pcall: worst %.2fx (goal <= 1.6x), vs bare pcall with the "
           "count hook: worst %.2fx\n", sum / (double)n, worst, worst_call, worst_hooked);
    return 0;
}
