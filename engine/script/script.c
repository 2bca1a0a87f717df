/* Loading a scenario into its sandbox and calling its behaviour by index.
 * Every touch of the Lua state from here runs under lua_pcall (through
 * tt_sandbox_call or a protected C function), so no Lua error escapes and
 * no C frame of ours is jumped over while it holds a resource. */
#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host.h"

#define TT_MAX_SCENARIO_BYTES TT_SCENARIO_MAX_BYTES

static void fill_limits(tt_sandbox_limits *out, const tt_sandbox_limits *in)
{
    tt_sandbox_limits_default(out);
    if (!in)
        return;
    if (in->memory_bytes)
        out->memory_bytes = in->memory_bytes;
    if (in->load_instructions)
        out->load_instructions = in->load_instructions;
    if (in->call_instructions)
        out->call_instructions = in->call_instructions;
    if (in->wall_ms)
        out->wall_ms = in->wall_ms;
}

/* ---- Building a state: sandbox, chunk, extraction ---- */

typedef struct prepare_job {
    tt_script *s;
    const char *text;
    size_t len;
    int status;
} prepare_job;

/* Protected: install the scenario API, compile the chunk (text only, named
 * "@path") and give it the scenario's _ENV. Leaves the chunk, or the
 * compiler's message with job->status set. */
static int prepare(lua_State *L)
{
    prepare_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    tt_model_install(L);
    const char *chunkname = lua_pushfstring(L, "@%s", s->model.path);
    /* How Lua shortens this name in messages, to locate them later. */
    lua_Debug ar;
    if (luaL_loadbufferx(L, "", 0, chunkname, "t") == LUA_OK && lua_getinfo(L, ">S", &ar))
        snprintf(s->sb->short_src, sizeof s->sb->short_src, "%s", ar.short_src);
    lua_settop(L, 2);
    job->status = luaL_loadbufferx(L, job->text, job->len, chunkname, "t");
    if (job->status == LUA_OK) {
        tt_sandbox_push_env(L);
        if (!lua_setupvalue(L, -2, 1))
            lua_pop(L, 1);
    }
    return 1;
}

/* Create the state, run the chunk and extract the model into s->model.
 * s->model.path and s->text are set. */
static int build(tt_script *s, tt_error *err)
{
    const char *path = s->model.path;
    s->sb = malloc(sizeof *s->sb);
    if (!s->sb) {
        tt_error_set(err, path, 0, 0, "out of memory");
        return -1;
    }
    lua_State *L = tt_sandbox_open(s->sb, &s->limits, path, err);
    if (!L)
        return -1;
    s->L = L;
    s->sb->host = s;

    /* Skip a UTF-8 byte order mark. */
    prepare_job prep = { s, s->text, s->text_len, LUA_OK };
    if (prep.len >= 3 && memcmp(prep.text, "\xEF\xBB\xBF", 3) == 0) {
        prep.text += 3;
        prep.len -= 3;
    }
    lua_pushcfunction(L, prepare);
    lua_pushlightuserdata(L, &prep);
    if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
        tt_error_set(err, path, 0, 0, "memory cap exceeded while compiling the scenario");
        lua_pop(L, 1);
        return -1;
    }
    if (prep.status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (prep.status == LUA_ERRMEM || !msg)
            tt_error_set(err, path, 0, 0, "memory cap exceeded while compiling the scenario");
        else
            tt_sandbox_locate(s->sb, path, msg, NULL, err);
        lua_pop(L, 1);
        return -1;
    }

    if (tt_sandbox_call(s->sb, path, 0, 1, s->limits.load_instructions, NULL, err) != 0)
        return -1;

    tt_model_job job = { s, err, false };
    lua_pushcfunction(L, tt_model_extract);
    lua_insert(L, -2);
    lua_pushlightuserdata(L, &job);
    lua_insert(L, -2);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        if (!job.failed) {
            const char *msg = lua_tostring(L, -1);
            tt_error_set(err, path, 0, 0, "%s", msg ? msg : "out of memory");
        }
        lua_pop(L, 1);
        return -1;
    }
    lua_pushcfunction(L, tt_state_install);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        tt_error_set(err, path, 0, 0, "cannot set up the scenario state: out of memory");
        lua_pop(L, 1);
        return -1;
    }
    return 0;
}

static void close_state(tt_script *s)
{
    if (s->sb) {
        tt_sandbox_close(s->sb);
        free(s->sb);
        s->sb = NULL;
    }
    s->L = NULL;
}

void tt_script_free(tt_script *s)
{
    if (!s)
        return;
    close_state(s);
    tt_arena_free(&s->model.arena);
    tt_arena_free(&s->pending_arena);
    tt_arena_free(&s->taken_arena);
    tt_arena_free(&s->scratch);
    free(s->pending);
    free(s->taken);
    free(s->text);
    free(s);
}

tt_script *tt_script_load_buffer(const char *name, const char *text, size_t len,
                                 const tt_sandbox_limits *limits, tt_error *err)
{
    tt_error_clear(err);
    if (!name)
        name = "(scenario)";
    tt_script *s = calloc(1, sizeof *s);
    if (!s) {
        tt_error_set(err, name, 0, 0, "out of memory");
        return NULL;
    }
    fill_limits(&s->limits, limits);
    char hash[65];
    tt_sha256_hex(text, len, hash);
    s->model.path = tt_arena_strdup(&s->model.arena, name);
    s->model.hash = tt_arena_strdup(&s->model.arena, hash);
    s->text = malloc(len ? len : 1);
    if (!s->model.path || !s->model.hash || !s->text) {
        tt_error_set(err, name, 0, 0, "out of memory");
        tt_script_free(s);
        return NULL;
    }
    memcpy(s->text, text, len);
    s->text_len = len;
    if (build(s, err) != 0) {
        tt_script_free(s);
        return NULL;
    }
    return s;
}

tt_script *tt_script_load(const char *path, const tt_sandbox_limits *limits, tt_error *err)
{
    tt_error_clear(err);
    FILE *f = fopen(path, "rb");
    if (!f) {
        tt_error_set(err, path, 0, 0, "cannot open the scenario: %s", strerror(errno));
        return NULL;
    }
    char *buf = malloc(TT_MAX_SCENARIO_BYTES + 1);
    if (!buf) {
        fclose(f);
        tt_error_set(err, path, 0, 0, "out of memory");
        return NULL;
    }
    size_t len = fread(buf, 1, TT_MAX_SCENARIO_BYTES + 1, f);
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        free(buf);
        tt_error_set(err, path, 0, 0, "cannot read the scenario");
        return NULL;
    }
    if (len > TT_MAX_SCENARIO_BYTES) {
        free(buf);
        tt_error_set(err, path, 0, 0, "the scenario file is larger than %zu MiB",
                     TT_MAX_SCENARIO_BYTES >> 20);
        return NULL;
    }
    tt_script *s = tt_script_load_buffer(path, buf, len, limits, err);
    free(buf);
    return s;
}

const tt_scenario *tt_script_scenario(const tt_script *s)
{
    return &s->model;
}

/* ---- Starting an exercise ---- */

typedef struct reset_job {
    tt_script *s;
    const tt_kv *overrides;
    size_t n;
    tt_error *err;
    bool failed;
} reset_job;

static bool push_override(lua_State *L, const tt_value *v, const char *cls)
{
    if (strcmp(cls, "boolean") == 0) {
        if (v->type == TT_VAL_BOOL)
            lua_pushboolean(L, v->as.b);
        else if (v->type == TT_VAL_STR && v->as.s && strcmp(v->as.s, "true") == 0)
            lua_pushboolean(L, 1);
        else if (v->type == TT_VAL_STR && v->as.s && strcmp(v->as.s, "false") == 0)
            lua_pushboolean(L, 0);
        else
            return false;
        return true;
    }
    if (strcmp(cls, "integer") == 0) {
        if (v->type == TT_VAL_INT) {
            lua_pushinteger(L, v->as.i);
            return true;
        }
        if (v->type == TT_VAL_NUM)
            lua_pushnumber(L, v->as.n);
        else if (!(v->type == TT_VAL_STR && v->as.s && lua_stringtonumber(L, v->as.s)))
            return false;
        int whole = 0;
        lua_Integer i = lua_tointegerx(L, -1, &whole); /* 2.0 and "2" are whole; 2.5 is not */
        lua_pop(L, 1);
        if (!whole)
            return false;
        lua_pushinteger(L, i);
        return true;
    }
    if (strcmp(cls, "number") == 0) {
        /* Finite only: an infinite or NaN setting would poison every
         * comparison and sum the scenario makes with it. */
        if (v->type == TT_VAL_INT)
            lua_pushinteger(L, v->as.i);
        else if (v->type == TT_VAL_NUM && isfinite(v->as.n))
            lua_pushnumber(L, v->as.n);
        else if (v->type == TT_VAL_STR && v->as.s && lua_stringtonumber(L, v->as.s)) {
            if (!lua_isinteger(L, -1) && !isfinite(lua_tonumber(L, -1))) {
                lua_pop(L, 1);
                return false;
            }
        } else
            return false;
        return true;
    }
    /* A text setting takes any scalar, as written (--set name=12). */
    char shown[64], why[160];
    const char *text = v->as.s;
    if (v->type != TT_VAL_STR) {
        tt_value_format(v, shown, sizeof shown);
        text = shown;
    }
    if (!text || strlen(text) > TT_MAX_TEXT || !tt_host_text_ok(text, strlen(text), why, sizeof why))
        return false;
    lua_pushstring(L, text);
    return true;
}

static int reset_state(lua_State *L)
{
    reset_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_STATE);
    int state = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_INITIAL);
    int initial = lua_gettop(L);
    for (size_t i = 0; i < s->n_state_keys; i++) {
        lua_getfield(L, initial, s->state_keys[i]);
        lua_setfield(L, state, s->state_keys[i]);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    int decl = lua_gettop(L);
    for (size_t i = 0; i < job->n; i++) {
        const tt_kv *kv = &job->overrides[i];
        bool is_setting = false;
        for (size_t j = 0; kv->key && j < s->model.n_settings; j++)
            if (strcmp(s->model.settings[j].key, kv->key) == 0)
                is_setting = true;
        if (!is_setting) {
            char known[400] = "";
            for (size_t j = 0; j < s->model.n_settings; j++) {
                strncat(known, j ? ", " : "", sizeof known - strlen(known) - 1);
                strncat(known, s->model.settings[j].key, sizeof known - strlen(known) - 1);
            }
            tt_error_set(job->err, NULL, 0, 0, "unknown setting '%s' for scenario %s "
                         "(settings: %s)", kv->key ? kv->key : "(null)", s->model.id,
                         known[0] ? known : "none");
            job->failed = true;
            return 0;
        }
        lua_getfield(L, decl, kv->key);
        const char *cls = lua_tostring(L, -1);
        if (!push_override(L, &kv->value, cls)) {
            char shown[200];
            tt_value_format(&kv->value, shown, sizeof shown);
            if (strcmp(cls, "number") == 0)
                tt_error_set(job->err, NULL, 0, 0,
                             "setting '%s' is a finite number; '%s' is not one", kv->key, shown);
            else
                tt_error_set(job->err, NULL, 0, 0, "setting '%s' is %s %s; '%s' is not one",
                             kv->key, strcmp(cls, "integer") == 0 ? "an" : "a", cls, shown);
            job->failed = true;
            return 0;
        }
        lua_setfield(L, state, kv->key);
        lua_pop(L, 1);
    }
    /* Forget deferred calls of an earlier exercise (fresh tables). */
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_DEFERRED);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_REPLIES);
    return 0;
}

/* A second exercise on the same script gets a fresh Lua state, so that
 * values captured by the scenario's functions start over too. */
static int rebuild(tt_script *s, tt_error *err)
{
    tt_script *fresh = calloc(1, sizeof *fresh);
    if (!fresh) {
        tt_error_set(err, s->model.path, 0, 0, "out of memory");
        return -1;
    }
    fresh->limits = s->limits;
    fresh->model.path = s->model.path;
    fresh->text = s->text;
    fresh->text_len = s->text_len;
    int rc = build(fresh, err);
    fresh->text = NULL;
    if (rc == 0) {
        tt_sandbox *old = s->sb;
        s->sb = fresh->sb;
        s->L = fresh->L;
        s->sb->host = s;
        fresh->sb = old;
        fresh->L = old->L;
    }
    tt_script_free(fresh);
    return rc;
}

int tt_script_begin(tt_script *s, tt_rng *rng, const tt_kv *overrides,
                    size_t n_overrides, tt_error *err)
{
    tt_error_clear(err);
    if (s->begun && rebuild(s, err) != 0)
        return -1;
    s->rng = rng;
    s->sb->rng = rng;
    s->n_pending = 0;
    s->pending_bytes = 0;
    s->next_deferred = 0;
    tt_arena_free(&s->pending_arena);
    reset_job job = { s, overrides, n_overrides, err, false };
    lua_pushcfunction(s->L, reset_state);
    lua_pushlightuserdata(s->L, &job);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK) {
        tt_error_set(err, s->model.path, 0, 0, "cannot reset the state: out of memory");
        lua_pop(s->L, 1);
        return -1;
    }
    if (job.failed)
        return -1;
    s->begun = true;
    return 0;
}

/* ---- Behaviour calls ---- */

enum call_result { RESULT_NONE, RESULT_BOOL, RESULT_ALLOWED };

typedef struct call_job {
    tt_script *s;
    const char *kind;       /* subtable of fns, or NULL for a deferred ref */
    tt_callback cb;         /* the same, for the tracer */
    int index;
    int ref;
    enum call_result result;
    bool present;
    bool value;
    tt_text why;
} call_job;

static const char *copy_lang(lua_State *L, tt_script *s, int idx, const char *lang)
{
    if (lua_getfield(L, idx, lang) != LUA_TSTRING) {
        lua_pop(L, 1);
        return NULL;
    }
    if (lua_rawlen(L, -1) > TT_MAX_TEXT)
        luaL_error(L, "the reason is longer than %d bytes", (int)TT_MAX_TEXT);
    char why[160];
    if (!tt_host_text_ok(lua_tostring(L, -1), lua_rawlen(L, -1), why, sizeof why))
        luaL_error(L, "the reason's %s text: %s", lang, why);
    char *c = tt_arena_strdup(&s->scratch, lua_tostring(L, -1));
    lua_pop(L, 1);
    if (!c)
        luaL_error(L, "out of memory");
    return c;
}

static int trampoline(lua_State *L)
{
    call_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    if (job->kind) {
        lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_FNS);
        lua_getfield(L, -1, job->kind);
        lua_rawgeti(L, -1, job->index + 1);
    } else {
        lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_REPLIES);
        if (lua_rawgeti(L, -1, job->ref) == LUA_TSTRING) {
            int a = tt_scenario_actor(&s->model, lua_tostring(L, -1));
            s->replying = a >= 0 ? s->model.actors[a].id : NULL;
        }
        lua_pop(L, 1);
        lua_pushnil(L);
        lua_rawseti(L, -2, job->ref);
        lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DEFERRED);
        lua_rawgeti(L, -1, job->ref);
        lua_pushnil(L);
        lua_rawseti(L, -3, job->ref); /* forget it: called once */
    }
    if (lua_type(L, -1) != LUA_TFUNCTION)
        return 0;
    job->present = true;
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_PROXY);
    tt_ctx_push(L, s);
    int base = lua_gettop(L) - 3;
    lua_call(L, 2, 2);
    if (job->result == RESULT_BOOL || job->result == RESULT_ALLOWED)
        job->value = lua_toboolean(L, base + 1);
    if (job->result == RESULT_ALLOWED && !job->value) {
        int why = base + 2;
        if (lua_type(L, why) == LUA_TSTRING) {
            if (lua_rawlen(L, why) > TT_MAX_TEXT)
                return luaL_error(L, "the reason is longer than %d bytes", (int)TT_MAX_TEXT);
            char bad[160];
            if (!tt_host_text_ok(lua_tostring(L, why), lua_rawlen(L, why), bad, sizeof bad))
                return luaL_error(L, "the reason: %s", bad);
            char *c = tt_arena_strdup(&s->scratch, lua_tostring(L, why));
            if (!c)
                return luaL_error(L, "out of memory");
            job->why.ja = job->why.en = c;
        } else if (lua_type(L, why) == LUA_TTABLE) {
            job->why.ja = copy_lang(L, s, why, "ja");
            job->why.en = copy_lang(L, s, why, "en");
        } else if (lua_type(L, why) != LUA_TNIL) {
            return luaL_error(L, "the reason returned with false must be a text "
                                 "{ ja = \"...\", en = \"...\" }, not a %s",
                              luaL_typename(L, why));
        }
    }
    return 0;
}

static int call(tt_script *s, call_job *job, tt_ms now, const char *role, bool read_only,
                const char *where, tt_error *err)
{
    tt_error_clear(err);
    if (!s->begun) {
        tt_error_set(err, s->model.path, 0, 0, "no exercise started (call tt_script_begin)");
        return -1;
    }
    s->now = now;
    s->role = role;
    s->read_only = read_only;
    s->where = where;
    job->s = s;
    size_t scheduled_before = s->n_pending;
    lua_pushcfunction(s->L, trampoline);
    lua_pushlightuserdata(s->L, job);
    int rc = tt_sandbox_call(s->sb, s->model.path, 1, 0, s->limits.call_instructions, where,
                             err);
    if (rc != 0)
        s->n_pending = scheduled_before; /* a failed call schedules nothing */
    else if (s->tracer && job->present)
        s->tracer(s->tracer_user, job->cb, job->kind ? job->index : job->ref, now, role,
                  job->value);
    s->role = NULL;
    s->read_only = false;
    s->where = NULL;
    s->replying = NULL;
    return rc;
}

static bool bad_index(tt_script *s, int i, size_t n, const char *what, tt_error *err)
{
    if (i >= 0 && (size_t)i < n)
        return false;
    tt_error_set(err, s->model.path, 0, 0, "no %s with index %d", what, i);
    return true;
}

int tt_script_action_allowed(tt_script *s, int action, tt_ms now, bool *ok, tt_text *why,
                             tt_error *err)
{
    tt_error_clear(err);
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    tt_arena_free(&s->scratch);
    char where[200];
    snprintf(where, sizeof where, "actions.%s.requires", s->model.actions[action].id);
    call_job job = { .kind = TT_FN_REQUIRES, .cb = TT_CB_REQUIRES, .index = action, .result = RESULT_ALLOWED };
    if (call(s, &job, now, NULL, true, where, err) != 0)
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
    tt_error_clear(err);
    if (bad_index(s, action, s->model.n_actions, "action", err))
        return -1;
    char where[200];
    snprintf(where, sizeof where, "actions.%s.does", s->model.actions[action].id);
    call_job job = { .kind = TT_FN_DOES, .cb = TT_CB_DOES, .index = action, .result = RESULT_NONE };
    return call(s, &job, now, role, false, where, err);
}

int tt_script_dynamic_run(tt_script *s, int dynamic, tt_ms now, tt_error *err)
{
    tt_error_clear(err);
    if (bad_index(s, dynamic, s->model.n_dynamics, "dynamic", err))
        return -1;
    char where[200];
    snprintf(where, sizeof where, "every.%s.run", s->model.dynamics[dynamic].id);
    if (strncmp(s->model.dynamics[dynamic].id, "every[", 6) == 0)
        snprintf(where, sizeof where, "%s.run", s->model.dynamics[dynamic].id);
    call_job job = { .kind = TT_FN_RUN, .cb = TT_CB_RUN, .index = dynamic, .result = RESULT_NONE };
    return call(s, &job, now, NULL, false, where, err);
}

int tt_script_inject_due(tt_script *s, int inject, tt_ms now, bool *due, tt_error *err)
{
    tt_error_clear(err);
    if (bad_index(s, inject, s->model.n_injects, "inject", err))
        return -1;
    char where[200];
    snprintf(where, sizeof where, "injects.%s.when", s->model.injects[inject].id);
    call_job job = { .kind = TT_FN_INJECT_WHEN, .cb = TT_CB_INJECT_WHEN, .index = inject, .result = RESULT_BOOL };
    if (call(s, &job, now, NULL, true, where, err) != 0)
        return -1;
    *due = job.present && job.value;
    return 0;
}

int tt_script_inject_fired(tt_script *s, int inject, tt_ms now, tt_error *err)
{
    tt_error_clear(err);
    if (bad_index(s, inject, s->model.n_injects, "inject", err))
        return -1;
    char where[200];
    snprintf(where, sizeof where, "injects.%s.does", s->model.injects[inject].id);
    call_job job = { .kind = TT_FN_INJECT_DOES, .cb = TT_CB_INJECT_DOES, .index = inject, .result = RESULT_NONE };
    return call(s, &job, now, NULL, false, where, err);
}

int tt_script_objective_met(tt_script *s, int objective, tt_ms now, bool *met,
                            tt_error *err)
{
    tt_error_clear(err);
    if (bad_index(s, objective, s->model.n_objectives, "objective", err))
        return -1;
    char where[200];
    snprintf(where, sizeof where, "objectives.%s.when", s->model.objectives[objective].id);
    call_job job = { .kind = TT_FN_OBJECTIVE_WHEN, .cb = TT_CB_OBJECTIVE_WHEN, .index = objective, .result = RESULT_BOOL };
    if (call(s, &job, now, NULL, true, where, err) != 0)
        return -1;
    *met = job.present && job.value;
    return 0;
}

int tt_script_call_deferred(tt_script *s, int ref, tt_ms now, tt_error *err)
{
    tt_error_clear(err);
    call_job job = { .kind = NULL, .cb = TT_CB_DEFERRED, .ref = ref, .result = RESULT_NONE };
    if (call(s, &job, now, NULL, false, "a function scheduled with ctx.after", err) != 0)
        return -1;
    if (!job.present) {
        tt_error_set(err, s->model.path, 0, 0, "no function scheduled with ctx.after as %d",
                     ref);
        return -1;
    }
    return 0;
}

void tt_script_set_tracer(tt_script *s, tt_script_tracer fn, void *user)
{
    s->tracer = fn;
    s->tracer_user = user;
}

size_t tt_script_take_scheduled(tt_script *s, tt_scheduled **out)
{
    /* The previous batch dies now; this one lives until the next take. */
    free(s->taken);
    tt_arena_free(&s->taken_arena);
    s->taken = s->pending;
    s->taken_arena = s->pending_arena;
    size_t n = s->n_pending;
    s->pending = NULL;
    s->pending_arena.head = NULL;
    s->n_pending = s->cap_pending = 0;
    s->pending_bytes = 0;
    *out = s->taken;
    return n;
}

/* ---- State snapshot ---- */

typedef struct snap_job {
    tt_script *s;
    bool oom;
} snap_job;

static int snapshot(lua_State *L)
{
    snap_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_STATE);
    for (size_t i = 0; i < s->n_state_keys; i++) {
        tt_kv *kv = &s->snapshot[i];
        kv->key = s->state_keys[i];
        lua_getfield(L, -1, kv->key);
        switch (lua_type(L, -1)) {
        case LUA_TBOOLEAN:
            kv->value.type = TT_VAL_BOOL;
            kv->value.as.b = lua_toboolean(L, -1);
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, -1)) {
                kv->value.type = TT_VAL_INT;
                kv->value.as.i = lua_tointeger(L, -1);
            } else {
                kv->value.type = TT_VAL_NUM;
                kv->value.as.n = lua_tonumber(L, -1);
            }
            break;
        default:
            kv->value.type = TT_VAL_STR;
            const char *str = lua_tostring(L, -1);
            kv->value.as.s = tt_arena_strdup(&s->scratch, str ? str : "");
            if (!kv->value.as.s)
                job->oom = true;
        }
        lua_pop(L, 1);
    }
    return 0;
}

int tt_script_state(tt_script *s, const tt_kv **out, size_t *n, tt_error *err)
{
    tt_error_clear(err);
    tt_arena_free(&s->scratch);
    s->snapshot = tt_arena_alloc(&s->scratch, (s->n_state_keys + 1) * sizeof *s->snapshot);
    if (!s->snapshot) {
        tt_error_set(err, s->model.path, 0, 0, "out of memory");
        return -1;
    }
    snap_job job = { s, false };
    lua_pushcfunction(s->L, snapshot);
    lua_pushlightuserdata(s->L, &job);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK || job.oom) {
        if (lua_gettop(s->L) > 0)
            lua_settop(s->L, 0);
        tt_error_set(err, s->model.path, 0, 0, "out of memory while reading the state");
        return -1;
    }
    *out = s->snapshot;
    *n = s->n_state_keys;
    return 0;
}
