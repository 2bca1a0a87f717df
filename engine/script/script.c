/* Loading a scenario into its sandbox and calling its behaviour by index.
 * Every touch of the Lua state from here runs under lua_pcall (through
 * tt_sandbox_call or a protected C function), so no Lua error escapes and
 * no C frame of ours is jumped over while it holds a resource. */
#include "tabletop/terms.h"
#include <errno.h>
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host.h"
#include "model_cache.h"

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
    if (in->exercise_instructions)
        out->exercise_instructions = in->exercise_instructions;
    if (in->hour_instructions)
        out->hour_instructions = in->hour_instructions;
}

/* ---- Building a state: sandbox, chunk, extraction ---- */

typedef struct prepare_job {
    tt_script *s;
    const char *text;
    size_t len;
    int status;
} prepare_job;

/* lua_Writer: append to s->bytecode (malloc'ed, outside the Lua cap). */
static int keep_bytecode(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    tt_script *s = ud;
    char *grown = realloc(s->bytecode, s->bytecode_len + sz + 1);
    if (!grown)
        return 1;
    memcpy(grown + s->bytecode_len, p, sz);
    s->bytecode = grown;
    s->bytecode_len += sz;
    return 0;
}

/* Protected: install the scenario API, compile the chunk (text only, named
 * "@path") and give it the scenario's _ENV. Leaves the chunk, or the
 * compiler's message with job->status set. */
static int prepare(lua_State *L)
{
    prepare_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    tt_model_install(L);
    const char *chunkname = lua_pushfstring(L, "@%s", s->model.path);
    /* How Lua shortens this name in messages, to locate them later: from
     * the chunk itself when it is our dump (it loads), else from an empty
     * chunk of the same name (a syntax error must be located too). */
    lua_Debug ar;
    if (s->bytecode) {
        /* Our own dump of this file's text, made below by an earlier build. */
        job->status = luaL_loadbufferx(L, s->bytecode, s->bytecode_len, chunkname, "b");
        lua_pushvalue(L, -1);
        if (job->status == LUA_OK && lua_getinfo(L, ">S", &ar))
            snprintf(s->sb->short_src, sizeof s->sb->short_src, "%s", ar.short_src);
        else
            lua_pop(L, 1);
    } else {
        if (luaL_loadbufferx(L, "", 0, chunkname, "t") == LUA_OK && lua_getinfo(L, ">S", &ar))
            snprintf(s->sb->short_src, sizeof s->sb->short_src, "%s", ar.short_src);
        lua_settop(L, 2);
        job->status = luaL_loadbufferx(L, job->text, job->len, chunkname, "t");
        /* Dumped for later states only once a rebuild shows there will be
         * some: most processes run one exercise. */
        if (job->status == LUA_OK && s->validated && lua_dump(L, keep_bytecode, s, 0) != 0) {
            free(s->bytecode); /* out of memory: compile again next time */
            s->bytecode = NULL;
            s->bytecode_len = 0;
        }
    }
    if (job->status == LUA_OK) {
        tt_sandbox_push_env(L);
        if (!lua_setupvalue(L, -2, 1))
            lua_pop(L, 1);
    }
    return 1;
}

/* Lua's parser stops nesting at LUAI_MAXCCALLS (200) with "C stack
 * overflow" and no line. Compiling again, fed one byte at a time, shows
 * where it stopped: the last byte handed out is the lexer's look-ahead,
 * the place Lua's own syntax errors name. Only on that error path. */
typedef struct byte_feed {
    const char *text;
    size_t len, next;
} byte_feed;

static const char *feed_byte(lua_State *L, void *ud, size_t *size)
{
    (void)L;
    byte_feed *f = ud;
    if (f->next >= f->len) {
        *size = 0;
        return NULL;
    }
    *size = 1;
    return f->text + f->next++;
}

static int overflow_line(lua_State *L, const char *text, size_t len, const char *chunkname)
{
    byte_feed f = { text, len, 0 };
    int top = lua_gettop(L);
    int status = lua_load(L, feed_byte, &f, chunkname, "t");
    lua_settop(L, top);
    if (status == LUA_OK || status == LUA_ERRMEM || f.next == 0)
        return 0;
    /* Lines as Lua's lexer counts them: \n, \r, \r\n and \n\r each end one. */
    int line = 1;
    for (size_t i = 0; i + 1 < f.next; i++) {
        if (text[i] != '\n' && text[i] != '\r')
            continue;
        if (i + 2 < f.next && (text[i + 1] == '\n' || text[i + 1] == '\r') &&
            text[i + 1] != text[i])
            i++;
        line++;
    }
    return line;
}

/* Create the state, run the chunk and extract the model into s->model
 * (light: s->model is the first build's; only follow s->recipe).
 * s->model.path and s->text are set. */
static int build(tt_script *s, bool light, tt_error *err)
{
    const char *path = s->model.path;
    s->sb = malloc(sizeof *s->sb);
    if (!s->sb) {
        tt_error_oom(err, path);
        return -1;
    }
    lua_State *L = tt_sandbox_open(s->sb, &s->limits, s->blocks, path, err);
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
        tt_error_set(err, path, 0, 0, TT_MSG(E_SC_MEMORY_CAP_COMPILING));
        lua_pop(L, 1);
        return -1;
    }
    if (prep.status != LUA_OK) {
        const char *msg = lua_tostring(L, -1);
        if (prep.status == LUA_ERRMEM || !msg)
            tt_error_set(err, path, 0, 0, TT_MSG(E_SC_MEMORY_CAP_COMPILING));
        else if (strcmp(msg, "C stack overflow") == 0)
            tt_error_set(err, path, overflow_line(L, prep.text, prep.len, path), 0, "%s",
                         TT_MSG(E_SC_TOO_DEEP));
        else
            tt_sandbox_locate(s->sb, path, msg, NULL, err);
        lua_pop(L, 1);
        return -1;
    }

    s->sb->place_objects = true;
    s->sb->loaded = s->sb->loaded || tt_sandbox_source_calls_load(prep.text, prep.len);
    if (tt_sandbox_call(s->sb, path, 0, 1, s->limits.load_instructions, NULL, err) != 0)
        return -1;

    tt_model_job job = { s, err, false };
    lua_pushcfunction(L, light ? tt_recipe_apply : tt_model_extract);
    lua_insert(L, -2);
    if (light)
        lua_pushlightuserdata(L, s);
    else
        lua_pushlightuserdata(L, &job);
    lua_insert(L, -2);
    if (lua_pcall(L, 2, 0, 0) != LUA_OK) {
        if (!job.failed) {
            const char *msg = lua_tostring(L, -1);
            tt_error_set(err, path, 0, 0, "%s", msg ? msg : TT_MSG(E_OUT_OF_MEMORY));
        }
        lua_pop(L, 1);
        return -1;
    }
    lua_pushcfunction(L, tt_state_install);
    if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
        tt_error_set_as(err, TT_ERR_NOMEM, path, 0, 0,
                        TT_MSG(E_SC_STATE_SETUP_OOM));
        lua_pop(L, 1);
        return -1;
    }
    return tt_host_index_callbacks(s, err);
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
    tt_blocks_free(s->blocks); /* after the state gave its blocks back */
    tt_sandbox_image_free(s->image);
    tt_arena_free(&s->model.arena);
    tt_arena_free(&s->pending_arena);
    tt_arena_free(&s->taken_arena);
    tt_arena_free(&s->scratch);
    tt_arena_free(&s->preview_arena);
    free(s->pending);
    free(s->taken);
    free(s->text);
    free(s->refs.fn);
    free(s->refs.cond);
    free(s->memo);
    free(s->written);
    free(s->dirty);
    free(s->held);
    free(s->dirty_list);
    free(s->changed_index);
    tt_state_forget_keys(s);
    free(s->bytecode);
    free(s->straight);
    for (size_t i = 0; i < s->n_lib_calls; i++)
        free(s->lib_calls[i]);
    free(s->lib_calls);
    tt_recipe_free(s->recipe);
    free(s);
}

/* Room for the states of a script: the capped memory of two (the old one
 * lives while the next is built) and what Lua may take beyond the cap. */
static size_t blocks_reserve(const tt_sandbox_limits *l)
{
    return 2 * l->memory_bytes + ((size_t)16 << 20);
}

static bool default_limits(const tt_sandbox_limits *l)
{
    tt_sandbox_limits d;
    tt_sandbox_limits_default(&d);
    return l->memory_bytes == d.memory_bytes && l->load_instructions == d.load_instructions &&
           l->call_instructions == d.call_instructions && l->wall_ms == d.wall_ms &&
           l->exercise_instructions == d.exercise_instructions &&
           l->hour_instructions == d.hour_instructions;
}

/* Takes `text` (malloc'ed, freed here whatever happens). `keep`: a file's
 * model, kept in the model cache for `score` (only under the default
 * limits, the ones score loads with: a model that needed larger ones must
 * not be read where compiling would fail). */
static tt_script *load_owned(const char *name, char *text, size_t len, const char *known_hash,
                             const tt_sandbox_limits *limits, bool keep, tt_error *err)
{
    tt_script *s = calloc(1, sizeof *s);
    if (!s) {
        free(text);
        tt_error_oom(err, name);
        return NULL;
    }
    s->text = text;
    s->text_len = len;
    fill_limits(&s->limits, limits);
    s->where_kind = -1;
    char hash[65];
    if (!known_hash) {
        tt_sha256_hex(text, len, hash);
        known_hash = hash;
    }
    s->model.path = tt_arena_strdup(&s->model.arena, name);
    s->model.hash = tt_arena_strdup(&s->model.arena, known_hash);
    if (!s->model.path || !s->model.hash || !s->text) {
        tt_error_oom(err, name);
        tt_script_free(s);
        return NULL;
    }
    /* A text whose model is kept loaded before (the checks that depend on
     * the text alone passed then); a model is kept once. */
    s->loaded_before = keep && tt_model_cache_has(s->model.hash);
    /* The state's memory comes from a region of its own (blocks.c): a
     * block taken or given back costs a few instructions where malloc and
     * free cost a hundred, and Lua makes thousands while compiling, running
     * the chunk and closing the state. Without it (the region cannot be
     * reserved), plain malloc. */
    s->blocks = tt_blocks_new(blocks_reserve(&s->limits));
    if (build(s, false, err) != 0) {
        tt_script_free(s);
        return NULL;
    }
    if (keep && !s->loaded_before && default_limits(&s->limits))
        tt_model_cache_write(&s->model);
    return s;
}

tt_script *tt_script_load_buffer(const char *name, const char *text, size_t len,
                                 const tt_sandbox_limits *limits, tt_error *err)
{
    tt_error_clear(err);
    if (!name)
        name = "(scenario)";
    char *copy = malloc(len ? len : 1);
    if (!copy) {
        tt_error_oom(err, name);
        return NULL;
    }
    memcpy(copy, text, len);
    return load_owned(name, copy, len, NULL, limits, false, err);
}

char *tt_script_read_file(const char *path, size_t *len, tt_error *err)
{
    tt_error_clear(err);
    char why[160];
    /* Not limited by size here: a longer file is refused below, by what
     * was read (a device such as /dev/zero is not a regular file). */
    int fd = tt_open_regular(path, SIZE_MAX, why, sizeof why);
    if (fd < 0) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_SC_CANNOT_OPEN_FMT), why);
        return NULL;
    }
    /* A buffer of the file's size (and a byte to see it grow): the whole
     * of a larger one only when the file really is larger. */
    struct stat st;
    size_t cap = TT_MAX_SCENARIO_BYTES + 1;
    if (fstat(fd, &st) == 0 && st.st_size >= 0) {
        if ((uintmax_t)st.st_size > TT_MAX_SCENARIO_BYTES) {
            close(fd);
            tt_error_set(err, path, 0, 0, TT_MSG(E_SC_FILE_TOO_LARGE_FMT),
                         TT_MAX_SCENARIO_BYTES >> 20);
            return NULL;
        }
        cap = (size_t)st.st_size + 1;
    }
    char *buf = malloc(cap);
    size_t n = 0;
    bool bad = false;
    while (buf && !bad) {
        if (n == cap) {
            if (cap > TT_MAX_SCENARIO_BYTES)
                break;
            size_t grown_cap = cap * 2 > TT_MAX_SCENARIO_BYTES + 1 ? TT_MAX_SCENARIO_BYTES + 1
                                                                    : cap * 2;
            char *grown = realloc(buf, grown_cap);
            if (!grown) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = grown;
            cap = grown_cap;
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            bad = true;
        else if (got == 0)
            break;
        else
            n += (size_t)got;
    }
    close(fd);
    if (!buf) {
        tt_error_oom(err, path);
        return NULL;
    }
    if (bad) {
        free(buf);
        tt_error_set(err, path, 0, 0, TT_MSG(E_SC_CANNOT_READ));
        return NULL;
    }
    if (n > TT_MAX_SCENARIO_BYTES) {
        free(buf);
        tt_error_set(err, path, 0, 0, TT_MSG(E_SC_FILE_TOO_LARGE_FMT),
                     TT_MAX_SCENARIO_BYTES >> 20);
        return NULL;
    }
    *len = n;
    return buf;
}

tt_script *tt_script_load(const char *path, const tt_sandbox_limits *limits, tt_error *err)
{
    size_t len;
    char *text = tt_script_read_file(path, &len, err);
    if (!text)
        return NULL;
    return load_owned(path, text, len, NULL, limits, true, err);
}

tt_script *tt_script_load_text(const char *path, char *text, size_t len, const char *hash,
                               const tt_sandbox_limits *limits, tt_error *err)
{
    tt_error_clear(err);
    return load_owned(path, text, len, hash, limits, true, err);
}

tt_script *tt_script_load_model(const char *path, char *text, size_t len, const char *hash,
                                tt_error *err)
{
    tt_error_clear(err);
    char own_hash[65];
    if (!hash) {
        tt_sha256_hex(text, len, own_hash);
        hash = own_hash;
    }
    tt_script *s = calloc(1, sizeof *s);
    if (s) {
        fill_limits(&s->limits, NULL);
        s->where_kind = -1;
        s->model.path = tt_arena_strdup(&s->model.arena, path);
        s->model.hash = tt_arena_strdup(&s->model.arena, hash);
        if (s->model.path && s->model.hash && tt_model_cache_read(hash, &s->model) == 0) {
            free(text); /* a model only: no Lua state, nothing to rebuild */
            return s;
        }
        tt_script_free(s);
    }
    return load_owned(path, text, len, hash, NULL, true, err);
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
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_NAMES);
    int names = lua_gettop(L);
    for (size_t i = 0; i < s->n_state_keys; i++) { /* raw: the state has no __newindex */
        lua_rawgeti(L, names, (lua_Integer)i + 1);
        lua_pushvalue(L, -1);
        lua_rawget(L, initial);
        lua_rawset(L, state);
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
            tt_error_set(job->err, NULL, 0, 0, TT_MSG(E_SC_UNKNOWN_SETTING_FMT),
                         kv->key ? kv->key : "?", s->model.id,
                         known[0] ? known : TT_MSG(E_NONE));
            job->failed = true;
            return 0;
        }
        lua_getfield(L, decl, kv->key);
        const char *cls = lua_tostring(L, -1);
        if (!push_override(L, &kv->value, cls)) {
            char shown[200];
            tt_value_format(&kv->value, shown, sizeof shown);
            bool is_integer = strcmp(cls, "integer") == 0; /* "an integer" in English */
            if (strcmp(cls, "number") == 0)
                tt_error_set(job->err, NULL, 0, 0,
                             TT_MSG(E_SC_SETTING_FINITE_FMT), kv->key, shown);
            else
                tt_error_set(job->err, NULL, 0, 0,
                             is_integer ? TT_MSG(E_SC_SETTING_KIND_AN_FMT) : TT_MSG(E_SC_SETTING_KIND_A_FMT),
                             kv->key, cls, shown);
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
 * values captured by the scenario's functions start over too. With a
 * recipe the fresh state borrows this script's model instead of extracting
 * its own (the model is built once per process); without one, or if the
 * recipe does not fit, the model is extracted again. Not needed when no
 * callback ran since the state was built: nothing can have changed it. */
static int rebuild_state(tt_script *s, bool light, tt_error *err)
{
    tt_script *fresh = calloc(1, sizeof *fresh);
    if (!fresh) {
        tt_error_oom(err, s->model.path);
        return -1;
    }
    fresh->limits = s->limits;
    fresh->model.path = s->model.path;
    fresh->text = s->text;
    fresh->text_len = s->text_len;
    fresh->bytecode = s->bytecode;
    fresh->bytecode_len = s->bytecode_len;
    fresh->validated = true;
    fresh->straight = s->straight; /* the same functions: classified once */
    fresh->lib_calls = s->lib_calls;
    fresh->n_lib_calls = s->n_lib_calls;
    /* States made one after another live in one region (without it, if it
     * cannot be had, blocks are plain malloc'ed). The first light rebuild
     * gets a region of its own, so that an image of it holds that state
     * alone. */
    size_t reserve = blocks_reserve(&s->limits);
    tt_blocks *own = light && !s->image_tried ? tt_blocks_new(reserve) : NULL;
    if (!s->blocks && !own)
        s->blocks = tt_blocks_new(reserve);
    fresh->blocks = own ? own : s->blocks;
    if (light) {
        fresh->model = s->model; /* borrowed: given back below */
        fresh->model.arena.head = NULL;
        fresh->state_keys = s->state_keys;
        fresh->n_state_keys = s->n_state_keys;
        fresh->recipe = s->recipe;
    }
    int rc = build(fresh, light, err);
    /* The first rebuild is a full one (the recipe is taken from its state,
     * untouched as the first build's was when recipes were taken at load);
     * later ones follow the recipe. A single exercise takes none. */
    if (rc == 0 && !light && !s->recipe && !s->recipe_tried) {
        s->recipe = tt_recipe_take(fresh);
        s->recipe_tried = true;
    }
    if (light) {
        memset(&fresh->model, 0, sizeof fresh->model);
        fresh->state_keys = NULL;
        fresh->n_state_keys = 0;
        fresh->recipe = NULL;
    }
    fresh->text = NULL;
    if (fresh->bytecode != s->bytecode) { /* the first build could not dump */
        free(s->bytecode);
        s->bytecode = fresh->bytecode;
        s->bytecode_len = fresh->bytecode_len;
    }
    fresh->bytecode = NULL;
    if (!s->straight)
        s->straight = fresh->straight;
    fresh->straight = NULL;
    if (!s->lib_calls) {
        s->lib_calls = fresh->lib_calls;
        s->n_lib_calls = fresh->n_lib_calls;
    }
    fresh->lib_calls = NULL;
    fresh->n_lib_calls = 0;
    fresh->blocks = NULL;
    tt_sandbox_image *image = NULL;
    if (rc == 0 && own) {
        s->image_tried = true;
        image = tt_sandbox_save(fresh->sb);
    }
    if (rc == 0) {
        tt_sandbox *old = s->sb;
        s->sb = fresh->sb;
        s->L = fresh->L;
        s->sb->host = s;
        fresh->sb = old;
        fresh->L = old->L;
        tt_host_refs refs = s->refs;
        s->refs = fresh->refs;
        fresh->refs = refs;
        tt_state_forget_keys(s); /* they were the old state's */
        s->condition_mode = false; /* as the fresh state was made */
        s->ctx_now = 0;
    }
    tt_script_free(fresh); /* the old state, or the failed one */
    if (own && rc == 0) {
        tt_blocks_free(s->blocks);
        s->blocks = own;
        s->image = image;
    } else {
        tt_blocks_free(own);
    }
    return rc;
}

static int rebuild(tt_script *s, tt_error *err)
{
    if (s->image) {
        /* The state the light rebuild made, written back: the same bytes
         * at the same addresses (the refs in s->refs are that state's). */
        tt_sandbox_restore(s->sb, s->image);
        s->sb->host = s; /* the image was taken before the state was moved here */
        s->condition_mode = false;
        s->ctx_now = 0;
        return 0;
    }
    if (s->recipe && rebuild_state(s, true, err) == 0)
        return 0;
    tt_error_clear(err);
    return rebuild_state(s, false, err);
}

int tt_script_begin(tt_script *s, tt_rng *rng, const tt_kv *overrides,
                    size_t n_overrides, tt_error *err)
{
    tt_error_clear(err);
    if (!s->L) { /* tt_script_load_model's model only: a caller's mistake */
        tt_error_set_as(err, TT_ERR_RUNTIME, s->model.path, 0, 0, TT_MSG(E_SC_MODEL_ONLY));
        return -1;
    }
    if (s->begun && s->ran && rebuild(s, err) != 0)
        return -1;
    s->ran = false;
    s->rng = rng;
    s->sb->rng = rng;
    s->n_pending = 0;
    s->pending_bytes = 0;
    s->next_deferred = 0;
    s->sb->total_spent = 0;
    s->work_hour = 0;
    s->work_at_hour = 0;
    tt_arena_free(&s->pending_arena);
    reset_job job = { s, overrides, n_overrides, err, false };
    lua_pushcfunction(s->L, reset_state);
    lua_pushlightuserdata(s->L, &job);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK) {
        tt_error_set_as(err, TT_ERR_NOMEM, s->model.path, 0, 0,
                        TT_MSG(E_SC_RESET_OOM));
        lua_pop(s->L, 1);
        return -1;
    }
    if (job.failed)
        return -1;
    /* Nothing written yet: no key to journal, no condition remembered. */
    size_t n = s->n_state_keys + 1;
    if (!s->written) {
        s->written = calloc(n, sizeof *s->written);
        s->dirty = calloc(n, sizeof *s->dirty);
        s->dirty_list = calloc(n, sizeof *s->dirty_list);
        s->changed_index = calloc(n, sizeof *s->changed_index);
        s->held = calloc(n, sizeof *s->held);
        if (!s->written || !s->dirty || !s->dirty_list || !s->changed_index || !s->held) {
            tt_error_oom(err, s->model.path);
            return -1;
        }
    }
    memset(s->written, 0, n * sizeof *s->written);
    memset(s->dirty, 0, n * sizeof *s->dirty);
    memset(s->held, 0, n * sizeof *s->held); /* reset_state wrote the table */
    s->n_dirty = 0;
    s->gen = 1;
    s->valid_from = 1;
    tt_host_forget(s);
    s->lua_epoch++; /* a new state, or Lua ran since */
    s->begun = true;
    return 0;
}

/* ---- Behaviour calls are in call.c ---- */

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
    const uint32_t *only;   /* these key indices, or all when NULL */
    size_t n;
    bool skip_held;         /* leave the keys s->held knows (filled already) */
    bool oom;
} snap_job;

static int snapshot(lua_State *L)
{
    snap_job *job = lua_touserdata(L, 1);
    tt_script *s = job->s;
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.state);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->refs.names);
    for (size_t i = 0; i < job->n; i++) {
        tt_kv *kv = &s->snapshot[i];
        size_t k = job->only ? job->only[i] : i;
        if (job->skip_held && s->held[k].kind != TT_HELD_UNKNOWN)
            continue;
        kv->key = s->state_keys[k];
        /* Every declared key holds a value: a raw read by the interned name. */
        lua_rawgeti(L, -1, (lua_Integer)k + 1);
        lua_rawget(L, -3);
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

static int take_snapshot(tt_script *s, snap_job *job, tt_error *err)
{
    lua_pushcfunction(s->L, snapshot);
    lua_pushlightuserdata(s->L, job);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK || job->oom) {
        if (lua_gettop(s->L) > 0)
            lua_settop(s->L, 0);
        tt_error_set_as(err, TT_ERR_NOMEM, s->model.path, 0, 0,
                        TT_MSG(E_SC_READ_STATE_OOM));
        return -1;
    }
    return 0;
}

int tt_script_state(tt_script *s, const tt_kv **out, size_t *n, tt_error *err)
{
    tt_error_clear(err);
    tt_arena_free(&s->scratch);
    s->snapshot = tt_arena_alloc(&s->scratch, (s->n_state_keys + 1) * sizeof *s->snapshot);
    if (!s->snapshot) {
        tt_error_oom(err, s->model.path);
        return -1;
    }
    snap_job job = { s, NULL, s->n_state_keys, false, false };
    if (take_snapshot(s, &job, err) != 0)
        return -1;
    *out = s->snapshot;
    *n = s->n_state_keys;
    return 0;
}

int tt_script_state_changes(tt_script *s, const tt_kv **out, const uint32_t **index,
                            size_t *n, tt_error *err)
{
    *n = 0;
    if (!s->dirty_list || s->n_dirty == 0)
        return 0;
    /* In key order, as a full snapshot lists them (insertion sort: few). */
    uint32_t *list = s->changed_index;
    size_t count = s->n_dirty;
    for (size_t i = 0; i < count; i++) {
        uint32_t k = s->dirty_list[i];
        size_t j = i;
        while (j > 0 && list[j - 1] > k) {
            list[j] = list[j - 1];
            j--;
        }
        list[j] = k;
        s->dirty[k] = false;
    }
    s->n_dirty = 0;
    tt_arena_free(&s->scratch);
    s->snapshot = tt_arena_alloc(&s->scratch, (count + 1) * sizeof *s->snapshot);
    if (!s->snapshot) {
        tt_error_oom(err, s->model.path);
        return -1;
    }
    /* A boolean or number written since is as the proxy held it
     * (state.c): only the other keys are read from the state. */
    bool all_held = s->held != NULL;
    for (size_t i = 0; i < count; i++) {
        const tt_held *h = s->held ? &s->held[list[i]] : NULL;
        tt_kv *kv = &s->snapshot[i];
        kv->key = s->state_keys[list[i]];
        if (!h || h->kind == TT_HELD_UNKNOWN) {
            all_held = false;
        } else if (h->kind == TT_HELD_BOOL) {
            kv->value.type = TT_VAL_BOOL;
            kv->value.as.b = h->as.b != 0;
        } else if (h->kind == TT_HELD_INT) {
            kv->value.type = TT_VAL_INT;
            kv->value.as.i = h->as.i;
        } else {
            kv->value.type = TT_VAL_NUM;
            kv->value.as.n = h->as.n;
        }
    }
    snap_job job = { s, list, count, s->held != NULL, false };
    if (!all_held && take_snapshot(s, &job, err) != 0)
        return -1;
    *out = s->snapshot;
    *index = list;
    *n = count;
    return 0;
}

uint64_t tt_script_work(const tt_script *s)
{
    return s->sb ? s->sb->total_spent : 0;
}

void tt_script_set_work(tt_script *s, uint64_t work)
{
    if (s->sb)
        s->sb->total_spent = work;
}

int tt_script_check_work(tt_script *s, tt_ms now, tt_error *err)
{
    uint64_t work = tt_script_work(s);
    int64_t hour = now / 3600000;
    if (hour != s->work_hour) {
        s->work_hour = hour;
        s->work_at_hour = work;
    }
    char when[48];
    if (work > s->limits.exercise_instructions) {
        tt_time_format(now, TT_TIME_AT, when, sizeof when);
        tt_error_set(err, s->model.path, 0, 0,
                     TT_MSG(E_SC_WORK_LIMIT_EXERCISE_FMT),
                     (unsigned long long)s->limits.exercise_instructions, when);
        return -1;
    }
    if (work - s->work_at_hour > s->limits.hour_instructions) {
        tt_time_format(now, TT_TIME_AT, when, sizeof when);
        tt_error_set(err, s->model.path, 0, 0,
                     TT_MSG(E_SC_WORK_LIMIT_HOUR_FMT),
                     (unsigned long long)s->limits.hour_instructions, when);
        return -1;
    }
    return 0;
}
