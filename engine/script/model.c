/* Scenario API v1 (docs/scenario-api.md): the `scenario` function and the
 * extraction and validation of its table into tt_scenario.
 *
 * Runs under lua_pcall after the chunk. It reads with raw accesses only, so
 * no scenario code runs here, and raises only after writing the message to
 * the job's error; everything it allocates lives in the model's arena,
 * which the caller frees on failure. Maps are sorted by id so the model's
 * order never depends on Lua's hash order. */
#include <lauxlib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "locate.h"
#include "model_fields.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

/* "did you mean ...?" or the valid ids of an array of structs with an `id`. */
#define HINT(buf, wrong, arr, n)                                                           \
    tt_suggest((wrong), (n) ? &(arr)[0].id : NULL, (n), sizeof *(arr), (buf), sizeof(buf))

#define TT_REG_RESULT_LINE "tt.result_line"

/* ---- Parts of the scenario ---- */

static void read_roles(ex *x, int top)
{
    tt_scenario *m = x->m;
    mf_push_table(x, top, "", "roles", true);
    int t = lua_gettop(x->L);
    const char **ids = mf_map_keys(x, t, "roles", &m->n_roles);
    if (m->n_roles == 0)
        mf_fail(x, 0, TT_MSG(E_SC_ROLES_REQUIRED));
    m->roles = mf_alloc(x, m->n_roles * sizeof *m->roles);
    for (size_t i = 0; i < m->n_roles; i++) {
        char where[200];
        mf_path(where, sizeof where, "roles", ids[i]);
        int r = mf_entry(x, t, "roles", ids[i]);
        mf_check_keys(x, r, where, "Role");
        m->roles[i].id = ids[i];
        m->roles[i].name = mf_get_text(x, r, where, "name", true);
        m->roles[i].short_name = mf_get_text(x, r, where, "short", false);
        m->roles[i].description = mf_get_text(x, r, where, "description", false);
        int ct = mf_field(x, r, "capacity");
        if (ct == LUA_TNUMBER && lua_isinteger(x->L, -1) && lua_tointeger(x->L, -1) >= 1 &&
            lua_tointeger(x->L, -1) <= 1000)
            m->roles[i].capacity = (int)lua_tointeger(x->L, -1);
        else if (ct != LUA_TNIL)
            mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_CAPACITY_FMT),
                    where);
        lua_pop(x->L, 1);
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}

static void read_actors(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "actors", false))
        return;
    int t = lua_gettop(x->L);
    const char **ids = mf_map_keys(x, t, "actors", &m->n_actors);
    m->actors = mf_alloc(x, m->n_actors * sizeof *m->actors);
    for (size_t i = 0; i < m->n_actors; i++) {
        char where[200];
        mf_path(where, sizeof where, "actors", ids[i]);
        if (tt_scenario_role(m, ids[i]) >= 0)
            mf_fail(x, 0, TT_MSG(E_SC_ACTOR_IS_ROLE_FMT),
                    where);
        int a = mf_entry(x, t, "actors", ids[i]);
        mf_check_keys(x, a, where, "Actor");
        tt_actor *ac = &m->actors[i];
        ac->id = ids[i];
        ac->kind = mf_get_string(x, a, where, "kind", true);
        if (!tt_actor_kind_find(ac->kind)) {
            size_t nk;
            const tt_actor_kind *kinds = tt_actor_kinds(&nk);
            char hint[600];
            HINT(hint, ac->kind, kinds, nk);
            mf_fail(x, 0, TT_MSG(E_SC_ACTOR_KIND_FMT), where, ac->kind, hint);
        }
        ac->name = mf_get_text(x, a, where, "name", true);
        ac->short_name = mf_get_text(x, a, where, "short", false);
        int type = mf_field(x, a, "delay");
        char path[300];
        mf_path(path, sizeof path, where, "delay");
        if (type == LUA_TTABLE) {
            int d = lua_gettop(x->L);
            if (mf_list_len(x, d, path) != 2)
                mf_fail(x, 0, TT_MSG(E_SC_DELAY_RANGE_FMT), path);
            lua_rawgeti(x->L, d, 1);
            ac->delay_min = mf_time_at(x, -1, path);
            lua_rawgeti(x->L, d, 2);
            ac->delay_max = mf_time_at(x, -1, path);
            lua_pop(x->L, 2);
            if (ac->delay_min > ac->delay_max)
                mf_fail(x, 0, TT_MSG(E_SC_RANGE_ORDER_FMT), path);
        } else if (type != LUA_TNIL) {
            ac->delay_min = ac->delay_max = mf_time_at(x, -1, path);
        }
        lua_pop(x->L, 2);
    }
    lua_pop(x->L, 1);
}

/* A scalar for the state: boolean, integer, finite float or string. */
static const char *scalar_class(ex *x, int idx, const char *path)
{
    switch (lua_type(x->L, idx)) {
    case LUA_TBOOLEAN: return "boolean";
    case LUA_TSTRING:
        if (lua_rawlen(x->L, idx) > TT_MAX_TEXT)
            mf_fail(x, 0, TT_MSG(E_SC_STATE_STRING_LIMIT_FMT), path, TT_MAX_TEXT);
        mf_check_text(x, lua_tostring(x->L, idx), lua_rawlen(x->L, idx), path, NULL);
        return "string";
    case LUA_TNUMBER:
        if (lua_isinteger(x->L, idx))
            return "integer"; /* declared 0: only whole numbers (231.0 is stored as 231) */
        if (!isfinite(lua_tonumber(x->L, idx)))
            mf_fail(x, 0, TT_MSG(E_SC_STATE_FINITE_FMT), path);
        return "number";  /* declared 0.0: any finite number */
    default:
        mf_fail(x, mf_value_line(x, idx),
                TT_MSG(E_SC_STATE_VALUE_KIND_FMT), path,
                mf_type_name(x, idx));
    }
}

static void declare(ex *x, const char *key, int value_idx, const char *path)
{
    lua_State *L = x->L;
    int v = lua_absindex(L, value_idx);
    const char *cls = scalar_class(x, v, path);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    if (lua_getfield(L, -1, key) == LUA_TSTRING && strcmp(lua_tostring(L, -1), cls) != 0) {
        bool numeric = lua_type(L, v) == LUA_TNUMBER && (strcmp(lua_tostring(L, -1), "integer") == 0 ||
                                                         strcmp(lua_tostring(L, -1), "number") == 0);
        if (!numeric)
            mf_fail(x, 0, TT_MSG(E_SC_SETTING_STATE_KIND_FMT), path,
                    cls[0] == 'i' ? TT_MSG(E_ARTICLE_AN) : TT_MSG(E_ARTICLE_A), cls, key,
                    lua_tostring(L, -1)[0] == 'i' ? TT_MSG(E_ARTICLE_AN) : TT_MSG(E_ARTICLE_A),
                    lua_tostring(L, -1));
        cls = "number"; /* 0 and 0.5: the field holds any number */
    }
    lua_pop(L, 1);
    lua_pushstring(L, cls);
    lua_setfield(L, -2, key);
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_INITIAL);
    lua_pushvalue(L, v);
    lua_setfield(L, -2, key);
    lua_pop(L, 2);
}

static void read_state(ex *x, int top)
{
    lua_State *L = x->L;
    tt_scenario *m = x->m;
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_INITIAL);
    if (mf_push_table(x, top, "", "state", false)) {
        int t = lua_gettop(L);
        size_t n;
        const char **keys = mf_map_keys(x, t, "state", &n);
        for (size_t i = 0; i < n; i++) {
            char path[200];
            mf_path(path, sizeof path, "state", keys[i]);
            if (!mf_is_id(keys[i], strlen(keys[i]), true))
                mf_fail(x, 0, TT_MSG(E_SC_STATE_KEY_NAME_FMT), path);
            mf_field(x, t, keys[i]);
            declare(x, keys[i], -1, path);
            lua_pop(L, 1);
        }
        lua_pop(L, 1);
    }
    if (mf_push_table(x, top, "", "settings", false)) {
        int t = lua_gettop(L);
        const char **ids = mf_map_keys(x, t, "settings", &m->n_settings);
        m->settings = mf_alloc(x, m->n_settings * sizeof *m->settings);
        for (size_t i = 0; i < m->n_settings; i++) {
            char where[200], path[220];
            mf_path(where, sizeof where, "settings", ids[i]);
            mf_path(path, sizeof path, where, "value");
            if (!mf_is_id(ids[i], strlen(ids[i]), true))
                mf_fail(x, 0, TT_MSG(E_SC_SETTING_KEY_NAME_FMT), where);
            int e = mf_entry(x, t, "settings", ids[i]);
            mf_check_keys(x, e, where, "Setting");
            tt_setting *st = &m->settings[i];
            st->key = ids[i];
            st->label = mf_get_text(x, e, where, "label", true);
            if (mf_field(x, e, "value") == LUA_TNIL)
                mf_missing(x, where, "value", TT_MSG(E_SC_KIND_SETTING_DEFAULT));
            declare(x, ids[i], -1, path);
            switch (lua_type(L, -1)) {
            case LUA_TBOOLEAN:
                st->value.type = TT_VAL_BOOL;
                st->value.as.b = lua_toboolean(L, -1);
                break;
            case LUA_TSTRING:
                st->value.type = TT_VAL_STR;
                st->value.as.s = mf_dup(x, lua_tostring(L, -1), lua_rawlen(L, -1));
                break;
            default:
                if (lua_isinteger(L, -1)) {
                    st->value.type = TT_VAL_INT;
                    st->value.as.i = lua_tointeger(L, -1);
                } else {
                    st->value.type = TT_VAL_NUM;
                    st->value.as.n = lua_tonumber(L, -1);
                }
            }
            lua_pop(L, 2);
        }
        lua_pop(L, 1);
    }
    /* The sorted list of every state key. */
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_DECL);
    int d = lua_gettop(L);
    x->s->state_keys = mf_map_keys(x, d, "state", &x->s->n_state_keys);
    lua_pop(L, 1);
}

static const char *decl_class(ex *x, const char *key)
{
    lua_getfield(x->L, LUA_REGISTRYINDEX, TT_REG_DECL);
    lua_getfield(x->L, -1, key);
    const char *cls = lua_tostring(x->L, -1); /* interned: lives in the table */
    lua_pop(x->L, 2);
    return cls;
}

static void read_metrics(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "metrics", false))
        return;
    int t = lua_gettop(x->L);
    const char **ids = mf_map_keys(x, t, "metrics", &m->n_metrics);
    m->metrics = mf_alloc(x, m->n_metrics * sizeof *m->metrics);
    for (size_t i = 0; i < m->n_metrics; i++) {
        char where[200];
        mf_path(where, sizeof where, "metrics", ids[i]);
        const char *cls = decl_class(x, ids[i]);
        if (!cls)
            mf_fail(x, 0, TT_MSG(E_SC_METRIC_NOT_STATE_FMT), where,
                    ids[i]);
        if (strcmp(cls, "string") == 0)
            mf_fail(x, 0, TT_MSG(E_SC_METRIC_STRING_FMT), where,
                    ids[i]);
        int e = mf_entry(x, t, "metrics", ids[i]);
        mf_check_keys(x, e, where, "Metric");
        tt_metric *mt = &m->metrics[i];
        mt->key = ids[i];
        mt->label = mf_get_text(x, e, where, "label", true);
        mt->short_label = mf_get_text(x, e, where, "short", false);
        mt->unit = mf_get_text(x, e, where, "unit", false);
        mt->damage = mf_get_bool(x, e, where, "damage", false);
        int type = mf_field(x, e, "max");
        if (type == LUA_TNUMBER) {
            mt->max = lua_tonumber(x->L, -1);
            if (!isfinite(mt->max) || mt->max < 0)
                mf_fail(x, 0, TT_MSG(E_SC_MAX_NONNEG_FMT), where);
        } else if (type != LUA_TNIL) {
            mf_fail(x, 0, TT_MSG(E_SC_MAX_NUMBER_FMT), where, mf_type_name(x, -1));
        }
        lua_pop(x->L, 2);
    }
    lua_pop(x->L, 1);
}

static void read_lessons(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "lessons", false))
        return;
    int t = lua_gettop(x->L);
    const char **ids = mf_map_keys(x, t, "lessons", &m->n_lessons);
    m->lessons = mf_alloc(x, m->n_lessons * sizeof *m->lessons);
    for (size_t i = 0; i < m->n_lessons; i++) {
        char where[200];
        mf_path(where, sizeof where, "lessons", ids[i]);
        int e = mf_entry(x, t, "lessons", ids[i]);
        mf_check_keys(x, e, where, "Lesson");
        m->lessons[i].id = ids[i];
        m->lessons[i].text = mf_get_text(x, e, where, "text", true);
        m->lessons[i].capability = mf_get_text(x, e, where, "capability", false);
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}

static void need_role(ex *x, const char *where, const char *field_name, const char *id)
{
    if (id && tt_scenario_role(x->m, id) < 0) {
        char hint[300];
        HINT(hint, id, x->m->roles, x->m->n_roles);
        mf_fail(x, 0, TT_MSG(E_SC_NOT_ROLE_FIELD_FMT), where, field_name, id,
                hint);
    }
}

/* `to`: a role id, or (API 1.1) a list of role ids, kept joined by ','
 * (tt_to_includes). */
static const char *read_recipients(ex *x, int e, const char *where)
{
    lua_State *L = x->L;
    if (mf_field(x, e, "to") != LUA_TTABLE) {
        lua_pop(L, 1);
        const char *to = mf_get_id(x, e, where, "to", false);
        need_role(x, where, "to", to);
        return to;
    }
    int t = lua_gettop(L);
    char path[230];
    mf_path(path, sizeof path, where, "to");
    size_t n = mf_list_len(x, t, path);
    if (n == 0)
        mf_fail(x, 0, TT_MSG(E_SC_TO_EMPTY_FMT), path);
    size_t cap = 0;
    for (size_t j = 0; j < n; j++) {
        if (lua_rawgeti(L, t, (lua_Integer)j + 1) != LUA_TSTRING)
            mf_fail(x, 0, TT_MSG(E_SC_EXPECTED_ROLE_ID_FMT), path, j + 1,
                    mf_type_name(x, -1));
        cap += lua_rawlen(L, -1) + 1;
        lua_pop(L, 1);
    }
    char *joined = mf_alloc(x, cap + 1);
    size_t used = 0;
    for (size_t j = 0; j < n; j++) {
        lua_rawgeti(L, t, (lua_Integer)j + 1);
        const char *id = lua_tostring(L, -1);
        char item[240];
        snprintf(item, sizeof item, "to[%zu]", j + 1);
        need_role(x, where, item, id);
        if (tt_to_includes(used ? joined : "\x01", id))
            mf_fail(x, 0, TT_MSG(E_SC_ROLE_TWICE_FMT), path, id);
        used += (size_t)snprintf(joined + used, cap + 1 - used, "%s%s", used ? "," : "", id);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return joined;
}

static void read_injects(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "injects", false))
        return;
    int t = lua_gettop(x->L);
    m->n_injects = mf_list_len(x, t, "injects");
    m->injects = mf_alloc(x, m->n_injects * sizeof *m->injects);
    for (size_t i = 0; i < m->n_injects; i++) {
        char where[200];
        snprintf(where, sizeof where, "injects[%zu]", i + 1);
        lua_rawgeti(x->L, t, (lua_Integer)i + 1);
        if (!lua_istable(x->L, -1))
            mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_INJECT_TABLE_FMT),
                    where, mf_type_name(x, -1));
        int e = lua_gettop(x->L);
        mf_check_keys(x, e, where, "Inject");
        tt_inject *in = &m->injects[i];
        in->id = mf_get_id(x, e, where, "id", true);
        if (!mf_is_id(in->id, strlen(in->id), false))
            mf_fail(x, 0, TT_MSG(E_SC_BAD_ID_FMT), where,
                    in->id);
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->injects[j].id, in->id) == 0)
                mf_fail(x, 0, TT_MSG(E_SC_DUP_INJECT_FMT), where,
                        in->id, j + 1);
        in->conditional = mf_get_function(x, e, where, "when", false, TT_FN_INJECT_WHEN, i);
        bool timed = mf_get_time(x, e, where, "at", false, &in->at);
        if (timed && in->conditional)
            mf_fail(x, 0, TT_MSG(E_SC_AT_AND_WHEN_FMT), where);
        if (!timed && !in->conditional)
            mf_fail(x, 0, TT_MSG(E_SC_AT_OR_WHEN_FMT), where);
        if (!timed)
            in->at = TT_MS_NEVER;
        else if (in->at > m->length)
            mf_fail(x, 0, TT_MSG(E_SC_AT_AFTER_END_FMT), where);
        in->from = mf_get_id(x, e, where, "from", false);
        if (in->from && tt_scenario_actor(m, in->from) < 0 && tt_scenario_role(m, in->from) < 0) {
            char ha[300], hr[300];
            HINT(ha, in->from, m->actors, m->n_actors);
            HINT(hr, in->from, m->roles, m->n_roles);
            mf_fail(x, 0, TT_MSG(E_SC_FROM_NOT_ACTOR_FMT), where, in->from, ha, hr);
        }
        in->to = read_recipients(x, e, where);
        in->text = mf_get_text(x, e, where, "text", true);
        mf_get_function(x, e, where, "does", false, TT_FN_INJECT_DOES, i);
        if (mf_push_table(x, e, where, "questions", false)) {
            int q = lua_gettop(x->L);
            char path[300];
            mf_path(path, sizeof path, where, "questions");
            in->n_questions = mf_list_len(x, q, path);
            in->questions = mf_alloc(x, in->n_questions * sizeof *in->questions);
            for (size_t j = 0; j < in->n_questions; j++) {
                char qpath[330];
                snprintf(qpath, sizeof qpath, "%s[%zu]", path, j + 1);
                lua_rawgeti(x->L, q, (lua_Integer)j + 1);
                in->questions[j] = mf_text_at(x, -1, qpath);
                lua_pop(x->L, 1);
            }
            lua_pop(x->L, 1);
        }
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}

static void read_every(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "every", false))
        return;
    int t = lua_gettop(x->L);
    m->n_dynamics = mf_list_len(x, t, "every");
    m->dynamics = mf_alloc(x, m->n_dynamics * sizeof *m->dynamics);
    for (size_t i = 0; i < m->n_dynamics; i++) {
        char where[200];
        snprintf(where, sizeof where, "every[%zu]", i + 1);
        lua_rawgeti(x->L, t, (lua_Integer)i + 1);
        if (!lua_istable(x->L, -1))
            mf_fail(x, mf_value_line(x, -1),
                    TT_MSG(E_SC_EVERY_TABLE_FMT), where,
                    mf_type_name(x, -1));
        int e = lua_gettop(x->L);
        mf_check_keys(x, e, where, "Every");
        tt_dynamic *dy = &m->dynamics[i];
        dy->id = mf_get_id(x, e, where, "id", false);
        if (!dy->id) {
            char name[40];
            snprintf(name, sizeof name, "every[%zu]", i + 1);
            dy->id = mf_dup(x, name, strlen(name));
        } else if (!mf_is_id(dy->id, strlen(dy->id), false)) {
            mf_fail(x, 0, TT_MSG(E_SC_BAD_ID_FMT), where,
                    dy->id);
        }
        for (size_t j = 0; j < i; j++)
            if (strcmp(m->dynamics[j].id, dy->id) == 0)
                mf_fail(x, 0, TT_MSG(E_SC_DUP_EVERY_FMT), where, dy->id, j + 1);
        mf_get_time(x, e, where, "period", true, &dy->period);
        if (dy->period <= 0)
            mf_fail(x, 0, TT_MSG(E_SC_PERIOD_POSITIVE_FMT), where);
        mf_get_time(x, e, where, "start", false, &dy->start);
        if (m->length > 0 && dy->start + dy->period > m->length) {
            /* A period or start past the end: the dynamic silently never ran. */
            char first[48];
            tt_ms_format(dy->start + dy->period, first, sizeof first);
            mf_fail(x, 0, TT_MSG(E_SC_EVERY_AFTER_END_FMT), where, first);
        }
        mf_get_function(x, e, where, "run", true, TT_FN_RUN, i);
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}

typedef struct objective_order {
    const char *id;
    int phase;    /* isolate, report, recover; unknown last */
    tt_ms target;
} objective_order;

static int by_phase_then_target(const void *a, const void *b)
{
    const objective_order *p = a, *q = b;
    if (p->phase != q->phase)
        return p->phase - q->phase;
    if (p->target != q->target)
        return p->target < q->target ? -1 : 1;
    return strcmp(p->id, q->id);
}

/* Objectives are listed the way an exercise unfolds — isolate, report,
 * recover, each by target time — so every front-end and the scorecard show
 * them in one sensible order. Bad values are left for the main pass to report. */
static void order_objectives(ex *x, int t, const char **ids, size_t n)
{
    static const char *const phases[] = { "isolate", "report", "recover" };
    objective_order *order = mf_alloc(x, n * sizeof *order);
    for (size_t i = 0; i < n; i++) {
        order[i] = (objective_order){ ids[i], 3, TT_MS_NEVER };
        int e = mf_entry(x, t, "objectives", ids[i]);
        if (mf_field(x, e, "phase") == LUA_TSTRING)
            for (int p = 0; p < 3; p++)
                if (strcmp(lua_tostring(x->L, -1), phases[p]) == 0)
                    order[i].phase = p;
        lua_pop(x->L, 1);
        if (mf_field(x, e, "target") == LUA_TSTRING)
            tt_duration_parse(lua_tostring(x->L, -1), &order[i].target, NULL, 0);
        else if (lua_isinteger(x->L, -1) && lua_tointeger(x->L, -1) >= 0 &&
                 lua_tointeger(x->L, -1) < INT64_MAX / 1000)
            order[i].target = lua_tointeger(x->L, -1) * 1000;
        lua_pop(x->L, 2); /* target, entry */
    }
    if (n > 1) /* none: no array (qsort of NULL is undefined) */
        qsort(order, n, sizeof *order, by_phase_then_target);
    for (size_t i = 0; i < n; i++)
        ids[i] = order[i].id;
}

static void read_objectives(ex *x, int top)
{
    tt_scenario *m = x->m;
    mf_push_table(x, top, "", "objectives", true);
    int t = lua_gettop(x->L);
    const char **ids = mf_map_keys(x, t, "objectives", &m->n_objectives);
    if (m->n_objectives == 0)
        mf_fail(x, 0, TT_MSG(E_SC_OBJECTIVES_REQUIRED));
    order_objectives(x, t, ids, m->n_objectives);
    m->objectives = mf_alloc(x, m->n_objectives * sizeof *m->objectives);
    for (size_t i = 0; i < m->n_objectives; i++) {
        char where[200];
        mf_path(where, sizeof where, "objectives", ids[i]);
        int e = mf_entry(x, t, "objectives", ids[i]);
        mf_check_keys(x, e, where, "Objective");
        tt_objective *ob = &m->objectives[i];
        ob->id = ids[i];
        const char *phase = mf_get_string(x, e, where, "phase", true);
        if (strcmp(phase, "isolate") == 0)
            ob->phase = TT_OBJ_ISOLATE;
        else if (strcmp(phase, "report") == 0)
            ob->phase = TT_OBJ_REPORT;
        else if (strcmp(phase, "recover") == 0)
            ob->phase = TT_OBJ_RECOVER;
        else
            mf_fail(x, 0, TT_MSG(E_SC_BAD_PHASE_FMT),
                    where, phase);
        ob->title = mf_get_text(x, e, where, "title", true);
        mf_get_time(x, e, where, "target", true, &ob->target);
        mf_get_time(x, e, where, "limit", true, &ob->limit);
        if (ob->target > ob->limit)
            mf_fail(x, 0, TT_MSG(E_SC_TARGET_AFTER_LIMIT_FMT), where);
        if (ob->limit > m->length)
            mf_fail(x, 0, TT_MSG(E_SC_LIMIT_AFTER_LENGTH_FMT), where);
        ob->notice = mf_get_id(x, e, where, "notice", false);
        if (ob->notice && tt_scenario_inject(m, ob->notice) < 0) {
            char hint[300];
            HINT(hint, ob->notice, m->injects, m->n_injects);
            mf_fail(x, 0, TT_MSG(E_SC_NOTICE_NOT_INJECT_FMT), where,
                    ob->notice, hint);
        }
        ob->party = mf_get_string(x, e, where, "party", false);
        ob->rationale = mf_get_text(x, e, where, "rationale", false);
        ob->capability = mf_get_text(x, e, where, "capability", false);
        ob->has_when = mf_get_function(x, e, where, "when", false, TT_FN_OBJECTIVE_WHEN, i);
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}

static void read_actions(ex *x, int top)
{
    lua_State *L = x->L;
    tt_scenario *m = x->m;
    mf_push_table(x, top, "", "actions", true);
    int t = lua_gettop(L);
    const char **ids = mf_map_keys(x, t, "actions", &m->n_actions);
    if (m->n_actions == 0)
        mf_fail(x, 0, TT_MSG(E_SC_ACTIONS_REQUIRED));
    m->actions = mf_alloc(x, m->n_actions * sizeof *m->actions);
    for (size_t i = 0; i < m->n_actions; i++) {
        char where[200];
        mf_path(where, sizeof where, "actions", ids[i]);
        int e = mf_entry(x, t, "actions", ids[i]);
        mf_check_keys(x, e, where, "Action");
        tt_action *ac = &m->actions[i];
        ac->id = ids[i];
        int type = mf_field(x, e, "by");
        char path[300];
        mf_path(path, sizeof path, where, "by");
        if (type == LUA_TSTRING) {
            ac->roles = mf_alloc(x, sizeof *ac->roles);
            ac->roles[0] = mf_dup(x, lua_tostring(L, -1), lua_rawlen(L, -1));
            ac->n_roles = 1;
        } else if (type == LUA_TTABLE) {
            int b = lua_gettop(L);
            ac->n_roles = mf_list_len(x, b, path);
            ac->roles = mf_alloc(x, ac->n_roles * sizeof *ac->roles);
            for (size_t j = 0; j < ac->n_roles; j++) {
                if (lua_rawgeti(L, b, (lua_Integer)j + 1) != LUA_TSTRING)
                    mf_fail(x, 0, TT_MSG(E_SC_EXPECTED_ROLE_ID_FMT), path, j + 1,
                            mf_type_name(x, -1));
                ac->roles[j] = mf_dup(x, lua_tostring(L, -1), lua_rawlen(L, -1));
                lua_pop(L, 1);
                for (size_t k = 0; k < j; k++)
                    if (strcmp(ac->roles[k], ac->roles[j]) == 0)
                        mf_fail(x, 0, TT_MSG(E_SC_ROLE_TWICE_FMT), path, ac->roles[j]);
            }
        } else if (type == LUA_TNIL) {
            mf_missing(x, where, "by", TT_MSG(E_SC_KIND_ACTION_BY));
        } else {
            mf_fail(x, 0, TT_MSG(E_SC_ROLE_ID_OR_LIST_FMT), path,
                    mf_type_name(x, -1));
        }
        lua_pop(L, 1);
        if (ac->n_roles == 0)
            mf_fail(x, 0, TT_MSG(E_SC_ONE_ROLE_REQUIRED_FMT), path);
        for (size_t j = 0; j < ac->n_roles; j++)
            if (tt_scenario_role(m, ac->roles[j]) < 0) {
                char hint[300];
                HINT(hint, ac->roles[j], m->roles, m->n_roles);
                mf_fail(x, 0, TT_MSG(E_SC_NOT_ROLE_FMT), path, ac->roles[j],
                        hint);
            }
        ac->label = mf_get_text(x, e, where, "label", true);
        ac->description = mf_get_text(x, e, where, "description", false);
        /* API 1.1: takes may be a function of the state, evaluated when the
         * action starts. */
        if (mf_field(x, e, "takes") == LUA_TFUNCTION) {
            lua_pop(L, 1);
            ac->takes_fn = mf_get_function(x, e, where, "takes", false, TT_FN_TAKES, i);
        } else {
            lua_pop(L, 1);
            mf_get_time(x, e, where, "takes", false, &ac->takes);
        }
        ac->has_on_cancel = mf_get_function(x, e, where, "on_cancel", false, TT_FN_ON_CANCEL, i);
        ac->has_requires = mf_get_function(x, e, where, "requires", false, TT_FN_REQUIRES, i);
        mf_get_function(x, e, where, "does", false, TT_FN_DOES, i);
        ac->completes = mf_get_id(x, e, where, "completes", false);
        if (ac->completes && tt_scenario_objective(m, ac->completes) < 0) {
            char hint[300];
            HINT(hint, ac->completes, m->objectives, m->n_objectives);
            mf_fail(x, 0, TT_MSG(E_SC_COMPLETES_FMT), where,
                    ac->completes, hint);
        }
        ac->lesson = mf_get_id(x, e, where, "lesson", false);
        if (ac->lesson && tt_scenario_lesson(m, ac->lesson) < 0) {
            char hint[300];
            HINT(hint, ac->lesson, m->lessons, m->n_lessons);
            mf_fail(x, 0, TT_MSG(E_SC_LESSON_FMT), where,
                    ac->lesson, hint);
        }
        /* API 1.1: harmful / wasted may be a function returning why, or nil. */
        bool harmful_fn = mf_field(x, e, "harmful") == LUA_TFUNCTION;
        bool wasted_fn = mf_field(x, e, "wasted") == LUA_TFUNCTION;
        bool has_harmful = lua_type(L, -2) != LUA_TNIL, has_wasted = lua_type(L, -1) != LUA_TNIL;
        lua_pop(L, 2);
        if (has_harmful && has_wasted)
            mf_fail(x, 0, TT_MSG(E_SC_HARMFUL_AND_WASTED_FMT), where);
        tt_text harmful = { NULL, NULL }, wasted = { NULL, NULL };
        if (harmful_fn)
            ac->harmful_fn = mf_get_function(x, e, where, "harmful", false, TT_FN_BAD, i);
        else
            harmful = mf_get_text(x, e, where, "harmful", false);
        if (wasted_fn)
            ac->wasted_fn = mf_get_function(x, e, where, "wasted", false, TT_FN_BAD, i);
        else
            wasted = mf_get_text(x, e, where, "wasted", false);
        ac->harmful = harmful.ja != NULL;
        ac->wasted = wasted.ja != NULL;
        ac->why_bad = ac->harmful ? harmful : wasted;
        ac->repeatable = mf_get_bool(x, e, where, "repeatable", false);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void read_history(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "history", false))
        return;
    int t = lua_gettop(x->L);
    m->n_history = mf_list_len(x, t, "history");
    m->history = mf_alloc(x, m->n_history * sizeof *m->history);
    for (size_t i = 0; i < m->n_history; i++) {
        char where[200];
        snprintf(where, sizeof where, "history[%zu]", i + 1);
        lua_rawgeti(x->L, t, (lua_Integer)i + 1);
        if (!lua_istable(x->L, -1))
            mf_fail(x, 0, TT_MSG(E_SC_HISTORY_TABLE_FMT), where,
                    mf_type_name(x, -1));
        int e = lua_gettop(x->L);
        mf_check_keys(x, e, where, "HistoryItem");
        tt_history_item *h = &m->history[i];
        if (!mf_get_time(x, e, where, "at", false, &h->at))
            h->at = TT_MS_NEVER;
        h->at_invented = mf_get_bool(x, e, where, "invented", false);
        h->action = mf_get_id(x, e, where, "action", false);
        if (h->action && tt_scenario_action(m, h->action) < 0) {
            char hint[300];
            HINT(hint, h->action, m->actions, m->n_actions);
            mf_fail(x, 0, TT_MSG(E_SC_HISTORY_ACTION_FMT), where,
                    h->action, hint);
        }
        h->text = mf_get_text(x, e, where, "text", true);
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}


/* API 1.1: references = { { title =, publisher =, url =, date = }, ... } */
static void read_references(ex *x, int top)
{
    tt_scenario *m = x->m;
    if (!mf_push_table(x, top, "", "references", false))
        return;
    int t = lua_gettop(x->L);
    m->n_references = mf_list_len(x, t, "references");
    m->references = mf_alloc(x, (m->n_references ? m->n_references : 1) * sizeof *m->references);
    for (size_t i = 0; i < m->n_references; i++) {
        char where[200];
        snprintf(where, sizeof where, "references[%zu]", i + 1);
        lua_rawgeti(x->L, t, (lua_Integer)i + 1);
        if (!lua_istable(x->L, -1))
            mf_fail(x, 0, TT_MSG(E_SC_REFERENCE_TABLE_FMT), where,
                    mf_type_name(x, -1));
        int e = lua_gettop(x->L);
        mf_check_keys(x, e, where, "Reference");
        tt_reference *r = &m->references[i];
        if (mf_field(x, e, "title") == LUA_TSTRING) {
            const char *s = mf_get_string(x, e, where, "title", true);
            r->title.ja = r->title.en = s;
            lua_pop(x->L, 1);
        } else {
            lua_pop(x->L, 1);
            r->title = mf_get_text(x, e, where, "title", true);
        }
        r->publisher = mf_get_string(x, e, where, "publisher", false);
        r->url = mf_get_string(x, e, where, "url", false);
        if (r->url && strncmp(r->url, "https://", 8) != 0 && strncmp(r->url, "http://", 7) != 0)
            mf_fail(x, 0, TT_MSG(E_SC_URL_FMT), where, r->url);
        r->date = mf_get_string(x, e, where, "date", false);
        if (r->date && !tt_calendar_date_ok(r->date))
            mf_fail(x, 0, TT_MSG(E_SC_DATE_FMT), where, r->date);
        lua_pop(x->L, 1);
    }
    lua_pop(x->L, 1);
}

/* Objectives must be reachable; lessons list the actions that cover them. */
static void cross_checks(ex *x)
{
    tt_scenario *m = x->m;
    for (size_t i = 0; i < m->n_objectives; i++) {
        const tt_objective *ob = &m->objectives[i];
        bool reachable = ob->has_when;
        for (size_t j = 0; j < m->n_actions && !reachable; j++)
            if (m->actions[j].completes && strcmp(m->actions[j].completes, ob->id) == 0)
                reachable = true;
        if (!reachable)
            mf_fail(x, 0, TT_MSG(E_SC_NEVER_REACHED_FMT), ob->id);
    }
    for (size_t i = 0; i < m->n_lessons; i++) {
        tt_lesson *le = &m->lessons[i];
        for (size_t j = 0; j < m->n_actions; j++)
            if (m->actions[j].lesson && strcmp(m->actions[j].lesson, le->id) == 0)
                le->n_actions++;
        le->actions = mf_alloc(x, le->n_actions * sizeof *le->actions);
        size_t k = 0;
        for (size_t j = 0; j < m->n_actions; j++)
            if (m->actions[j].lesson && strcmp(m->actions[j].lesson, le->id) == 0)
                le->actions[k++] = m->actions[j].id;
    }
}

static void read_meta(ex *x, int top)
{
    tt_scenario *m = x->m;
    m->id = mf_get_string(x, top, "scenario", "id", true);
    size_t len = strlen(m->id);
    for (size_t i = 0; i < len; i++) {
        char c = m->id[i];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
            mf_fail(x, 0, TT_MSG(E_SC_ID_CHARS_FMT), m->id);
    }
    if (len == 0)
        mf_fail(x, 0, TT_MSG(E_SC_ID_EMPTY));
    /* The id need not be the file name (a draft copy keeps its id); the
     * commands that list several scenarios check that ids are unique. */
    m->source = mf_get_string(x, top, "scenario", "source", true);
    m->title = mf_get_text(x, top, "scenario", "title", true);
    m->summary = mf_get_text(x, top, "scenario", "summary", true);
    m->invented = mf_get_text(x, top, "scenario", "invented", true);
    mf_get_time(x, top, "scenario", "length", true, &m->length);
    if (m->length <= 0)
        mf_fail(x, 0, TT_MSG(E_SC_LENGTH_POSITIVE));
    /* API 1.1: the time of day when the incident starts ("07:00"). */
    m->starts_at = -1;
    const char *sa = mf_get_string(x, top, "scenario", "starts_at", false);
    if (sa) {
        int h = -1, mi = -1;
        char end = 0;
        if (strlen(sa) != 5 || sscanf(sa, "%2d:%2d%c", &h, &mi, &end) != 2 || h < 0 || h > 23 ||
            mi < 0 || mi > 59 || sa[2] != ':')
            mf_fail(x, 0, TT_MSG(E_SC_STARTS_AT_FMT), sa);
        m->starts_at = ((tt_ms)h * 3600 + mi * 60) * 1000;
    }
    /* Recommended live clock speed (simulated seconds per real second). */
    int type = mf_field(x, top, "speed");
    if (type == LUA_TNUMBER) {
        m->speed = lua_tonumber(x->L, -1);
        if (!(m->speed >= 1 && m->speed <= 1e6))
            mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_SPEED_RANGE));
    } else if (type != LUA_TNIL) {
        mf_fail(x, mf_value_line(x, -1), TT_MSG(E_SC_SPEED_NUMBER_FMT),
                mf_type_name(x, -1));
    }
    lua_pop(x->L, 1);
}

static int extract(lua_State *L)
{
    ex x;
    x.L = L;
    x.job = lua_touserdata(L, 1);
    x.s = x.job->script;
    x.m = &x.s->model;
    x.a = &x.m->arena;
    lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT_LINE);
    x.line = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    if (lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT) == LUA_TNIL)
        mf_fail(&x, -1, TT_MSG(E_SC_NEVER_CALLED));
    if (!lua_rawequal(L, 2, -1))
        mf_fail(&x, 0, TT_MSG(E_SC_MUST_RETURN));
    int top = lua_gettop(L);

    lua_newtable(L);
    static const char *const kinds[] = { TT_FN_REQUIRES, TT_FN_DOES, TT_FN_RUN,
                                         TT_FN_INJECT_WHEN, TT_FN_INJECT_DOES,
                                         TT_FN_OBJECTIVE_WHEN, TT_FN_TAKES, TT_FN_BAD,
                                         TT_FN_ON_CANCEL, NULL };
    for (size_t i = 0; kinds[i]; i++) {
        lua_newtable(L);
        lua_setfield(L, -2, kinds[i]);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_FNS);

    char dup_key[80];
    int first, second;
    if (!x.s->validated && !x.s->loaded_before && tt_locate_duplicate(x.s->text, x.s->text_len, x.line, dup_key, sizeof dup_key, &first,
                            &second))
        mf_fail(&x, second, TT_MSG(E_SC_KEY_TWICE_FMT), dup_key, first, second);
    mf_check_keys(&x, top, "scenario", "Scenario");
    read_meta(&x, top);
    read_roles(&x, top);
    read_actors(&x, top);
    read_state(&x, top);
    read_metrics(&x, top);
    read_lessons(&x, top);
    read_injects(&x, top);
    read_objectives(&x, top);
    read_every(&x, top);
    read_actions(&x, top);
    read_history(&x, top);
    read_references(&x, top);
    cross_checks(&x);
    return 0;
}

int tt_model_extract(lua_State *L)
{
    return extract(L);
}

/* scenario { ... }: remember the table and where it was called. */
static int scenario_fn(lua_State *L)
{
    if (lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, TT_MSG(E_SC_EXPECTS_TABLE));
    if (lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT) != LUA_TNIL)
        return luaL_error(L, TT_MSG(E_SC_CALLED_TWICE));
    lua_pop(L, 1);
    lua_Debug ar;
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar))
        line = ar.currentline;
    lua_pushinteger(L, line);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT_LINE);
    lua_settop(L, 1);
    lua_pushvalue(L, 1);
    lua_setfield(L, LUA_REGISTRYINDEX, TT_REG_RESULT);
    return 1;
}

void tt_model_install(lua_State *L)
{
    tt_sandbox_push_env(L);
    lua_pushcfunction(L, scenario_fn);
    lua_setfield(L, -2, "scenario");
    lua_pop(L, 1);
}
