/* The ctx table handed to callbacks: time, seeded randomness, messages and
 * deferred calls. Messages and calls are collected in the script and taken
 * by the exercise with tt_script_take_scheduled. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"
#include "tabletop/api.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

#define HINT(buf, wrong, arr, n)                                                           \
    tt_suggest((wrong), (n) ? &(arr)[0].id : NULL, (n), sizeof *(arr), (buf), sizeof(buf))

static tt_script *script_for_effect(lua_State *L, const char *what)
{
    tt_script *s = tt_host_of(L);
    if (s->read_only) {
        const char *where = tt_host_where(s);
        luaL_error(L, TT_MSG(E_CTX_CONDITION_ONLY_READS_FMT), what,
                   where ? where : TT_MSG(E_A_CONDITION));
    }
    if (!s->rng)
        luaL_error(L, TT_MSG(E_CTX_ONLY_WHILE_RUNNING_FMT), what);
    return s;
}

static tt_scheduled *push_scheduled(lua_State *L, tt_script *s)
{
    if (s->n_pending >= TT_MAX_SCHEDULED)
        luaL_error(L, TT_MSG(E_CTX_TOO_MANY_SCHEDULED_FMT),
                   TT_MAX_SCHEDULED);
    if (!tt_grow(&s->pending, &s->cap_pending, s->n_pending + 1, sizeof *s->pending))
        luaL_error(L, TT_MSG(E_OUT_OF_MEMORY));
    tt_scheduled *e = &s->pending[s->n_pending++];
    memset(e, 0, sizeof *e);
    return e;
}

const char *tt_host_number_text(lua_State *L, int idx, char *buf, size_t size)
{
    if (lua_isinteger(L, idx))
        snprintf(buf, size, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
    else
        tt_number_text(lua_tonumber(L, idx), tt_lang_messages(), buf, size);
    return buf;
}

/* A time argument: "15m" or seconds. */
tt_ms tt_host_check_time(lua_State *L, int idx, const char *what)
{
    if (lua_type(L, idx) == LUA_TSTRING) {
        tt_ms v;
        char why[200];
        if (!tt_duration_parse(lua_tostring(L, idx), &v, why, sizeof why))
            luaL_error(L, "%s: %s", what, why);
        return v;
    }
    if (lua_type(L, idx) == LUA_TNUMBER) {
        double secs = lua_tonumber(L, idx);
        char num[64];
        if (!isfinite(secs) || secs < 0 || secs > 3650.0 * 86400)
            luaL_error(L, TT_MSG(E_CTX_TIME_RANGE_FMT), what,
                       tt_host_number_text(L, idx, num, sizeof num));
        return (tt_ms)llround(secs * 1000.0);
    }
    luaL_error(L, TT_MSG(E_CTX_EXPECTED_TIME_FMT), what,
               luaL_typename(L, idx));
    return 0;
}

static tt_ms actor_delay(tt_script *s, int actor)
{
    const tt_actor *a = &s->model.actors[actor];
    return (tt_ms)tt_rng_range(s->rng, a->delay_min, a->delay_max);
}

/* One role id at idx, or NULL with an error naming the nearest role. */
static const char *check_role(lua_State *L, const tt_scenario *m, int idx, const char *what)
{
    int r = lua_type(L, idx) == LUA_TSTRING ? tt_scenario_role(m, lua_tostring(L, idx)) : -1;
    if (r < 0) {
        const char *wrong = lua_type(L, idx) == LUA_TSTRING ? lua_tostring(L, idx) : "?";
        char hint[300];
        HINT(hint, wrong, m->roles, m->n_roles);
        luaL_error(L, TT_MSG(E_CTX_TO_NOT_ROLE_FMT), what, wrong, hint);
    }
    return m->roles[r].id;
}

/* `to` at idx: nil (everyone), a role id, or (API 1.1) a list of role ids,
 * joined by ',' in the pending arena (tt_to_includes). */
static const char *check_recipients(lua_State *L, tt_script *s, int idx, const char *what)
{
    const tt_scenario *m = &s->model;
    if (lua_isnil(L, idx))
        return NULL;
    if (lua_type(L, idx) != LUA_TTABLE)
        return check_role(L, m, idx, what);
    lua_Integer n = (lua_Integer)lua_rawlen(L, idx);
    if (n < 1 || (size_t)n > m->n_roles)
        return luaL_error(L, TT_MSG(E_CTX_TO_LIST_FMT), what,
                          (int)m->n_roles), NULL;
    size_t cap = 1;
    for (lua_Integer j = 1; j <= n; j++) {
        lua_rawgeti(L, idx, j);
        cap += strlen(check_role(L, m, -1, what)) + 1;
        lua_pop(L, 1);
    }
    char *joined = tt_arena_alloc(&s->pending_arena, cap);
    if (!joined)
        return luaL_error(L, TT_MSG(E_OUT_OF_MEMORY)), NULL;
    size_t used = 0;
    joined[0] = '\0';
    for (lua_Integer j = 1; j <= n; j++) {
        lua_rawgeti(L, idx, j);
        const char *id = check_role(L, m, -1, what);
        lua_pop(L, 1);
        if (used && tt_to_includes(joined, id))
            return luaL_error(L, TT_MSG(E_CTX_TO_TWICE_FMT), what, id), NULL;
        used += (size_t)snprintf(joined + used, cap - used, "%s%s", used ? "," : "", id);
    }
    return joined;
}

/* ctx.message{ from =, to =, text =, after = } */
static int ctx_message(lua_State *L)
{
    tt_script *s = script_for_effect(L, "ctx.message");
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        const tt_api_field *f = tt_api_fields("Message");
        while (k && f->name && strcmp(f->name, k) != 0)
            f++;
        if (!k || !f->name)
            return luaL_error(L, TT_MSG(E_CTX_MSG_UNKNOWN_FIELD_FMT),
                              k ? k : luaL_typename(L, -1));
    }
    const tt_scenario *m = &s->model;
    if (lua_getfield(L, 1, "from") != LUA_TSTRING)
        return luaL_error(L, TT_MSG(E_CTX_MSG_FROM_ID));
    const char *from = lua_tostring(L, -1);
    int actor = tt_scenario_actor(m, from), role = tt_scenario_role(m, from);
    if (actor < 0 && role < 0) {
        char ha[300], hr[300];
        HINT(ha, from, m->actors, m->n_actors);
        HINT(hr, from, m->roles, m->n_roles);
        return luaL_error(L, TT_MSG(E_CTX_MSG_FROM_FMT), from, ha, hr);
    }
    lua_getfield(L, 1, "to");
    const char *to = check_recipients(L, s, lua_gettop(L), "ctx.message");
    lua_getfield(L, 1, "text");
    int text = lua_gettop(L);
    tt_ms delay = 0;
    if (lua_getfield(L, 1, "after") != LUA_TNIL)
        delay = tt_host_check_time(L, -1, TT_MSG(E_CTX_WHAT_MESSAGE_AFTER));
    else if (actor >= 0 && !(s->replying && strcmp(s->replying, from) == 0))
        delay = actor_delay(s, actor); /* inside its own reply it speaks at once */
    tt_text t = tt_host_check_text(L, text, &s->pending_arena, "ctx.message: text", false);
    size_t bytes = strlen(t.ja) + strlen(t.en);
    if (s->pending_bytes + bytes > TT_MAX_SCHEDULED_BYTES)
        return luaL_error(L, TT_MSG(E_CTX_MSG_TOO_MUCH_FMT),
                          (int)(TT_MAX_SCHEDULED_BYTES >> 20));
    s->pending_bytes += bytes;
    tt_scheduled *e = push_scheduled(L, s);
    e->kind = TT_SCHED_MESSAGE;
    e->delay = delay;
    e->from = actor >= 0 ? m->actors[actor].id : m->roles[role].id;
    e->to = to;
    e->text = t;
    return 0;
}

/* API 1.1: ctx.refuse{ from =, text = } and ctx.ask{ from =, text = }, in
 * an action's does: an outside party refuses the request (the action ends
 * without completing and may be taken again) or asks a question the team
 * must answer before the action goes on (does runs again with ctx.answer). */
static int actor_says(lua_State *L, tt_action_outcome outcome, const char *what)
{
    tt_script *s = script_for_effect(L, what);
    if (s->where_kind != TT_CB_DOES)
        return luaL_error(L, TT_MSG(E_CTX_ONLY_IN_DOES_FMT), what);
    if (s->outcome != TT_OUTCOME_DONE)
        return luaL_error(L, TT_MSG(E_CTX_ALREADY_REFUSED_FMT), what);
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        const char *k = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
        if (strcmp(k, "from") != 0 && strcmp(k, "text") != 0)
            return luaL_error(L, TT_MSG(E_CTX_UNKNOWN_FIELD_FMT), what, k);
    }
    const tt_scenario *m = &s->model;
    int actor = lua_getfield(L, 1, "from") == LUA_TSTRING
                    ? tt_scenario_actor(m, lua_tostring(L, -1)) : -1;
    if (actor < 0) {
        char hint[300];
        const char *wrong = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
        HINT(hint, wrong, m->actors, m->n_actors);
        return luaL_error(L, TT_MSG(E_CTX_FROM_NOT_ACTOR_FMT), what,
                          wrong, hint);
    }
    char field[40];
    snprintf(field, sizeof field, "%s: text", what);
    lua_getfield(L, 1, "text");
    tt_text said = tt_host_check_text(L, -1, &s->scratch, field, false);
    s->outcome = outcome;
    s->outcome_from = m->actors[actor].id;
    s->outcome_text = said;
    return 0;
}

static int ctx_refuse(lua_State *L)
{
    return actor_says(L, TT_OUTCOME_REFUSED, "ctx.refuse");
}

static int ctx_ask(lua_State *L)
{
    return actor_says(L, TT_OUTCOME_ASKED, "ctx.ask");
}

/* ctx.after(delay, fn): delay is a time or an actor id (its reply delay). */
static int ctx_after(lua_State *L)
{
    tt_script *s = script_for_effect(L, "ctx.after");
    luaL_checktype(L, 2, LUA_TFUNCTION);
    tt_ms delay;
    int actor = lua_type(L, 1) == LUA_TSTRING ? tt_scenario_actor(&s->model, lua_tostring(L, 1))
                                              : -1;
    if (actor >= 0) {
        delay = actor_delay(s, actor);
    } else if (lua_type(L, 1) == LUA_TSTRING && !(lua_tostring(L, 1)[0] >= '0' &&
                                                    lua_tostring(L, 1)[0] <= '9')) {
        /* Not a time ("15m" starts with a digit): a misspelt actor. */
        char hint[300];
        HINT(hint, lua_tostring(L, 1), s->model.actors, s->model.n_actors);
        return luaL_error(L, TT_MSG(E_CTX_AFTER_NOT_TIME_FMT), lua_tostring(L, 1), hint);
    } else {
        delay = tt_host_check_time(L, 1, TT_MSG(E_CTX_WHAT_AFTER_DELAY));
    }
    if (s->next_deferred == INT32_MAX)
        return luaL_error(L, TT_MSG(E_CTX_AFTER_TOO_MANY));
    int ref = s->next_deferred + 1;
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DEFERRED);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, ref);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_REPLIES);
    if (actor >= 0)
        lua_pushstring(L, s->model.actors[actor].id);
    else
        lua_pushnil(L);
    lua_rawseti(L, -2, ref);
    tt_scheduled *e = push_scheduled(L, s);
    s->next_deferred = ref;
    e->kind = TT_SCHED_CALL;
    e->delay = delay;
    e->ref = ref;
    e->from = actor >= 0 ? s->model.actors[actor].id : NULL; /* an answer on its way */
    return 0;
}

static int ctx_chance(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    double p = luaL_checknumber(L, 1);
    if (!s->rng)
        return luaL_error(L, TT_MSG(E_CTX_CHANCE_ONLY_RUNNING));
    /* chance(15) meant as 15% would always hold, chance(0/0) never: both
     * are mistakes, said at the line. */
    if (!(p >= 0.0 && p <= 1.0)) {
        char num[64];
        return luaL_error(L, TT_MSG(E_CTX_CHANCE_RANGE_FMT),
                          tt_host_number_text(L, 1, num, sizeof num));
    }
    tt_sandbox_of(L)->drew = true;
    lua_pushboolean(L, tt_rng_unit(s->rng) < p);
    return 1;
}

static void push_now(lua_State *L, const tt_script *s)
{
    if (s->now % 1000 == 0)
        lua_pushinteger(L, s->now / 1000);
    else
        lua_pushnumber(L, (double)s->now / 1000.0);
}

/* ctx.role and (API 1.1) ctx.answer: the fields table's own __index (both
 * are rarely read, and only an action's does has them). */
static int ctx_role(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "role") == 0 && s->role) {
        lua_pushstring(L, s->role);
        return 1;
    }
    if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "answer") == 0 && s->answer) {
        lua_pushstring(L, s->answer);
        return 1;
    }
    return 0;
}

/* While conditions run, the main ctx's __index (upvalue: the fields
 * table): a condition reading the time is re-run whenever time moves. */
int tt_ctx_recording_index(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (lua_type(L, 2) == LUA_TSTRING && strcmp(lua_tostring(L, 2), "now") == 0) {
        if (s->recording)
            s->recording->uses_now = true;
        push_now(L, s);
        return 1;
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
    return ctx_role(L);
}

/* A condition's own ctx fields' __index (upvalue: the main fields table):
 * a first read of now records it and keeps it there (the script keeps it
 * current); functions are taken from the main ctx. */
static int condition_ctx_miss(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (lua_type(L, 2) != LUA_TSTRING)
        return 0;
    if (strcmp(lua_tostring(L, 2), "now") == 0) {
        push_now(L, s);
        if (s->recording) {
            s->recording->uses_now = true;
            s->recording->ctx_has_now = true;
            s->recording->ctx_now = s->now;
            lua_pushvalue(L, 2);
            lua_pushvalue(L, -2);
            lua_rawset(L, 1);
        }
        return 1;
    }
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TFUNCTION)
        return ctx_role(L);
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
    return 1;
}

static int ctx_newindex(lua_State *L)
{
    return luaL_error(L, TT_MSG(E_CTX_READ_ONLY));
}

/* ctx.clock(): the simulated time of day, hour and minute (API 1.1). */
static int ctx_clock(lua_State *L)
{
    tt_script *s = tt_host_of(L);
    if (s->model.starts_at < 0)
        return luaL_error(L, TT_MSG(E_CTX_CLOCK_NEEDS_STARTS_AT));
    if (s->recording)
        s->recording->uses_now = true; /* a condition reading the clock re-runs as time moves */
    tt_ms day = 86400000;
    tt_ms t = (s->model.starts_at + s->now) % day;
    lua_pushinteger(L, t / 3600000);
    lua_pushinteger(L, (t / 60000) % 60);
    lua_pushinteger(L, (lua_Integer)((s->model.starts_at + s->now) / day));
    return 3;
}

/* ctx as registered, and as `tabletop api --luals` documents it: one table.
 * Rows without a function are values read through __index per call. */
static const struct ctx_row {
    tt_api_field api;
    lua_CFunction fn;
} CTX[] = {
    { { "now", "integer|number", true, "1.0", "simulated seconds since the start" }, NULL },
    { { "role", "string?", false, "1.0", "in an action's does: the role that took it" }, NULL },
    { { "random", "fun(a?: integer, b?: integer): number", true, "1.0",
        "the exercise's seeded RNG, like math.random" }, tt_sandbox_random },
    { { "chance", "fun(p: number): boolean", true, "1.0", "true with probability p" },
      ctx_chance },
    { { "message", "fun(m: tabletop.Message)", true, "1.0",
        "an actor or role says something, now or after a delay" }, ctx_message },
    { { "after", "fun(delay: tabletop.Time|string, fn: fun(s: tabletop.State, ctx: tabletop.Ctx))",
        true, "1.0", "run fn later; delay is a time or an actor id (its reply delay)" },
      ctx_after },
    { { "answer", "string", false, "1.1",
        "in an action's does run again after ctx.ask: the team's answer" }, NULL },
    { { "refuse", "fun(r: tabletop.ActorWords)", true, "1.1",
        "in an action's does: an actor refuses the request, with why; the action does not "
        "complete and may be taken again" }, ctx_refuse },
    { { "ask", "fun(q: tabletop.ActorWords)", true, "1.1",
        "in an action's does: an actor asks a question; the action waits for the team's "
        "answer, then does runs again with ctx.answer" }, ctx_ask },
    { { "clock", "fun(): integer, integer, integer", true, "1.1",
        "time of day now: hour, minute, and days since the start (needs starts_at)" },
      ctx_clock },
};

bool tt_ctx_leaf(lua_CFunction f)
{
    /* None of them calls Lua (ctx.after keeps its function for later). */
    for (size_t i = 0; i < sizeof CTX / sizeof CTX[0]; i++)
        if (CTX[i].fn && CTX[i].fn == f)
            return true;
    return false;
}

size_t tt_api_ctx_count(void)
{
    return sizeof CTX / sizeof CTX[0];
}

const tt_api_field *tt_api_ctx_field(size_t i)
{
    return i < sizeof CTX / sizeof CTX[0] ? &CTX[i].api : NULL;
}

/* [-0, +1] A ctx userdata reading its fields from the table at idx. */
static void push_ctx_userdata(lua_State *L, int fields)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushvalue(L, fields);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ctx_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushliteral(L, "ctx");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
}

#define TT_REG_CTX_CONDITION_MT "tt.ctxcondmt"

/* One ctx per state, shared by every call but conditions: a userdata
 * (nothing can be stored in it) whose fields are a table holding the
 * functions and now, which the script updates in place when time moves;
 * so reading ctx.now or calling ctx.random costs a table read. */
int tt_ctx_create(lua_State *L)
{
    lua_createtable(L, 0, (int)(sizeof CTX / sizeof CTX[0]));
    int fields = lua_gettop(L);
    for (size_t i = 0; i < sizeof CTX / sizeof CTX[0]; i++)
        if (CTX[i].fn) {
            lua_pushcfunction(L, CTX[i].fn);
            lua_setfield(L, fields, CTX[i].api.name);
        }
    lua_pushinteger(L, 0);
    lua_setfield(L, fields, "now");
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, ctx_role);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, fields);
    lua_pushvalue(L, fields);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_CTX_TABLE);
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, fields);
    lua_pushcclosure(L, condition_ctx_miss, 1);
    lua_setfield(L, -2, "__index");
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_CTX_CONDITION_MT);
    push_ctx_userdata(L, fields);
    return 1;
}

int tt_ctx_push_condition(lua_State *L)
{
    lua_newtable(L);
    int fields = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_CTX_CONDITION_MT);
    lua_setmetatable(L, fields);
    push_ctx_userdata(L, fields);
    return 2;
}
