/* Action scripts: who does what at which simulated time, checked against the
 * scenario so a typo is caught before the exercise starts. */
#include "tabletop/inputs.h"
#include "tabletop/terms.h"

#include "lookup.h"
#include "ydoc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct sctx {
    const char *file;
    const tt_scenario *sc;
    tt_action_script *out;
    tt_error *err;
} sctx;

static int load_settings(sctx *c, const ynode *map)
{
    if (yexpect(c->file, map, Y_MAP, "settings", c->err) < 0)
        return -1;
    if (!map->n)
        return 0;
    tt_kv *kv = tt_arena_alloc(&c->out->arena, map->n * sizeof *kv);
    if (!kv) {
        tt_error_oom(c->err, c->file);
        return -1;
    }
    for (size_t i = 0; i < map->n; i++) {
        const ynode *key = map->keys[i], *val = map->vals[i];
        char path[160];
        snprintf(path, sizeof path, "settings.%s", key->str);
        const tt_setting *def = c->sc ? lookup_setting(c->sc, key->str) : NULL;
        if (c->sc && !def) {
            char valid[512];
            lookup_list_settings(c->sc, valid, sizeof valid);
            yerror(c->err, c->file, key, "settings", TT_MSG(E_AS_UNKNOWN_SETTING_FMT),
                   key->str, valid);
            return -1;
        }
        kv[i].key = tt_arena_strdup(&c->out->arena, key->str);
        if (!kv[i].key ||
            yscalar_value(c->file, val, path, &c->out->arena, &kv[i].value, c->err) < 0)
            return -1;
        if (!def)
            continue;
        /* The value must have the setting's type; whole numbers do for numbers
         * and any text does for text settings. */
        tt_value *v = &kv[i].value;
        char dflt[64];
        tt_value_format(&def->value, dflt, sizeof dflt);
        if (def->value.type == TT_VAL_NUM && v->type == TT_VAL_INT) {
            v->type = TT_VAL_NUM;
            v->as.n = (double)v->as.i;
        } else if (def->value.type == TT_VAL_STR && v->type != TT_VAL_STR) {
            v->type = TT_VAL_STR;
            v->as.s = tt_arena_strdup(&c->out->arena, val->str);
            if (!v->as.s) {
                tt_error_oom(c->err, c->file);
                return -1;
            }
        } else if (def->value.type == TT_VAL_NUM && v->type == TT_VAL_NUM && !isfinite(v->as.n)) {
            yerror(c->err, c->file, val, path, TT_MSG(E_AS_NOT_FINITE_FMT), dflt, val->str);
            return -1;
        } else if (def->value.type != v->type) {
            static const tt_term want[] = {
                [TT_VAL_BOOL] = E_KIND_BOOL, [TT_VAL_INT] = E_KIND_WHOLE_NUMBER,
                [TT_VAL_NUM] = E_KIND_NUMBER, [TT_VAL_STR] = E_KIND_TEXT,
            };
            yerror(c->err, c->file, val, path, TT_MSG(E_AS_EXPECTED_KIND_FMT),
                   tt_term_text(want[def->value.type], tt_lang_messages()), dflt, val->str);
            return -1;
        }
    }
    c->out->settings = kv;
    c->out->n_settings = map->n;
    return 0;
}

static int load_step(sctx *c, const ynode *m, size_t index, tt_script_step *st)
{
    static const char *const keys[] = { "at", "by", "do", "member", "note", "end", "cancel",
                                        "reply", NULL };
    char path[48], p[64];
    snprintf(path, sizeof path, "actions[%zu]", index);
    if (yexpect(c->file, m, Y_MAP, path, c->err) < 0 ||
        ymap_check_keys(c->file, m, path, keys, c->err) < 0)
        return -1;
    tt_arena *a = &c->out->arena;
    st->line = m->line;

    const ynode *at = ymap_get(m, "at");
    snprintf(p, sizeof p, "%s.at", path);
    if (!at) {
        yerror(c->err, c->file, m, path, TT_MSG(E_AS_AT_MISSING));
        return -1;
    }
    if (at->kind != Y_SCALAR) {
        yerror(c->err, c->file, at, p, TT_MSG(E_AS_EXPECTED_DURATION_FMT),
               ynode_kind_name(at));
        return -1;
    }
    char why[256];
    if (!tt_duration_parse(at->str, &st->at, why, sizeof why)) {
        yerror(c->err, c->file, at, p, "%s", why);
        return -1;
    }

    /* `{ at: 1h30m, end: true }`: the facilitator ends the drill early. */
    const ynode *end = ymap_get(m, "end");
    if (end) {
        snprintf(p, sizeof p, "%s.end", path);
        if (yscalar_bool(c->file, end, p, &st->end, c->err) < 0)
            return -1;
        if (!st->end) {
            yerror(c->err, c->file, end, p, TT_MSG(E_AS_END_TRUE));
            return -1;
        }
        static const char *const others[] = { "by", "do", "member", "note", "cancel", "reply",
                                              NULL };
        for (size_t k = 0; others[k]; k++) {
            const ynode *o = ymap_get(m, others[k]);
            if (o) {
                snprintf(p, sizeof p, "%s.%s", path, others[k]);
                yerror(c->err, c->file, o, p, TT_MSG(E_AS_END_ONLY_AT));
                return -1;
            }
        }
        return 0;
    }

    const ynode *by = ymap_get(m, "by");
    snprintf(p, sizeof p, "%s.by", path);
    if (!by) {
        yerror(c->err, c->file, m, path, TT_MSG(E_AS_BY_MISSING));
        return -1;
    }
    if (yscalar_text(c->file, by, p, a, &st->by, c->err) < 0)
        return -1;
    if (c->sc && tt_scenario_role(c->sc, st->by) < 0) {
        char valid[512];
        lookup_list_roles(c->sc, valid, sizeof valid);
        yerror(c->err, c->file, by, p, TT_MSG(E_UNKNOWN_ROLE_FMT), st->by, valid);
        return -1;
    }

    const ynode *n;
    /* do: take an action; cancel / reply (API 1.1): an action in progress. */
    static const char *const verbs[] = { "do", "cancel", "reply" };
    const char **slots[] = { &st->action, &st->cancel, &st->reply };
    const ynode *verb = NULL;
    for (size_t v = 0; v < 3; v++) {
        if (!(n = ymap_get(m, verbs[v])))
            continue;
        snprintf(p, sizeof p, "%s.%s", path, verbs[v]);
        if (verb) {
            yerror(c->err, c->file, n, p, TT_MSG(E_AS_ONE_OF_DO));
            return -1;
        }
        verb = n;
        if (yscalar_text(c->file, n, p, a, slots[v], c->err) < 0)
            return -1;
        const char *id = *slots[v];
        if (c->sc) {
            int ai = tt_scenario_action(c->sc, id);
            const tt_action *act = ai >= 0 ? &c->sc->actions[ai] : NULL;
            char valid[512];
            if (!act) {
                lookup_list_actions(c->sc, valid, sizeof valid);
                yerror(c->err, c->file, n, p, TT_MSG(E_AS_UNKNOWN_ACTION_FMT), id, valid);
                return -1;
            }
            if (!tt_action_allows_role(act, st->by)) {
                lookup_list_action_roles(act, valid, sizeof valid);
                yerror(c->err, c->file, n, p, TT_MSG(E_AS_ROLE_MAY_NOT_FMT),
                       st->by, id, valid);
                return -1;
            }
        }
    }
    if ((n = ymap_get(m, "member"))) {
        snprintf(p, sizeof p, "%s.member", path);
        if (yscalar_text(c->file, n, p, a, &st->member, c->err) < 0)
            return -1;
    }
    if ((n = ymap_get(m, "note"))) {
        snprintf(p, sizeof p, "%s.note", path);
        if (yscalar_text(c->file, n, p, a, &st->note, c->err) < 0)
            return -1;
    }
    if (!st->action && !st->cancel && !st->reply && !st->note) {
        yerror(c->err, c->file, m, path,
               TT_MSG(E_AS_GIVE_DO));
        return -1;
    }
    if (st->reply && (!st->note || !st->note[0])) {
        yerror(c->err, c->file, m, path, TT_MSG(E_AS_REPLY_NEEDS_NOTE));
        return -1;
    }
    return 0;
}

/* Stable order by time: ties keep the order they were written in (qsort is
 * not stable, so sort positions and compare them last). */
typedef struct step_pos {
    tt_ms at;
    size_t pos;
} step_pos;

static int pos_cmp(const void *pa, const void *pb)
{
    const step_pos *a = pa, *b = pb;
    if (a->at != b->at)
        return a->at < b->at ? -1 : 1;
    return (a->pos > b->pos) - (a->pos < b->pos);
}

static int sort_steps(tt_action_script *s)
{
    step_pos *order = malloc(s->n_steps * sizeof *order);
    tt_script_step *copy = malloc(s->n_steps * sizeof *copy);
    if (!order || !copy) {
        free(order);
        free(copy);
        return -1;
    }
    for (size_t i = 0; i < s->n_steps; i++)
        order[i] = (step_pos){ s->steps[i].at, i };
    qsort(order, s->n_steps, sizeof *order, pos_cmp);
    memcpy(copy, s->steps, s->n_steps * sizeof *copy);
    for (size_t i = 0; i < s->n_steps; i++)
        s->steps[i] = copy[order[i].pos];
    free(order);
    free(copy);
    return 0;
}

static int load_script(sctx *c, const ynode *root)
{
    static const char *const keys[] = { "scenario", "seed", "settings", "actions", NULL };
    if (!root) {
        tt_error_set(c->err, c->file, 1, 1, TT_MSG(E_AS_EMPTY));
        return -1;
    }
    if (yexpect(c->file, root, Y_MAP, "script", c->err) < 0 ||
        ymap_check_keys(c->file, root, "", keys, c->err) < 0)
        return -1;
    tt_action_script *out = c->out;
    const ynode *n;
    if ((n = ymap_get(root, "scenario"))) {
        if (yscalar_text(c->file, n, "scenario", &out->arena, &out->scenario, c->err) < 0)
            return -1;
        if (c->sc && c->sc->id && strcmp(out->scenario, c->sc->id) != 0) {
            yerror(c->err, c->file, n, "scenario",
                   TT_MSG(E_AS_OTHER_SCENARIO_FMT), out->scenario, c->sc->id);
            return -1;
        }
    }
    if ((n = ymap_get(root, "seed"))) {
        if (yscalar_uint64(c->file, n, "seed", &out->seed, c->err) < 0)
            return -1;
        out->has_seed = true;
    }
    if ((n = ymap_get(root, "settings")) && load_settings(c, n) < 0)
        return -1;
    const ynode *acts = ymap_get(root, "actions");
    if (!acts) {
        yerror(c->err, c->file, root, "", TT_MSG(E_AS_NO_ACTIONS));
        return -1;
    }
    if (yexpect(c->file, acts, Y_SEQ, "actions", c->err) < 0)
        return -1;
    if (acts->n) {
        out->steps = tt_arena_alloc(&out->arena, acts->n * sizeof *out->steps);
        if (!out->steps) {
            tt_error_oom(c->err, c->file);
            return -1;
        }
        for (size_t i = 0; i < acts->n; i++) {
            if (load_step(c, acts->vals[i], i, &out->steps[i]) < 0)
                return -1;
            out->n_steps = i + 1;
        }
        if (sort_steps(out) < 0) {
            tt_error_oom(c->err, c->file);
            return -1;
        }
        /* Nothing can follow the end: a step after it would be dropped silently. */
        for (size_t i = 0; i + 1 < out->n_steps; i++) {
            if (!out->steps[i].end)
                continue;
            const tt_script_step *after = &out->steps[i + 1];
            char at[32];
            tt_time_format(out->steps[i].at, TT_TIME_AT, at, sizeof at);
            tt_error_set(c->err, c->file, after->line, 1,
                         TT_MSG(E_AS_AFTER_END_FMT), out->steps[i].line, at);
            return -1;
        }
    }
    return 0;
}

int tt_action_script_load_buffer(const char *name, const char *data, size_t len,
                                 const tt_scenario *sc, tt_action_script *out,
                                 tt_error *err)
{
    memset(out, 0, sizeof *out);
    if (!name)
        name = "script";
    out->path = tt_arena_strdup(&out->arena, name);
    if (!out->path) {
        tt_error_oom(err, name);
        return -1;
    }
    tt_arena scratch = { 0 };
    ynode *root;
    sctx c = { out->path, sc, out, err };
    int rc = ydoc_parse_single(out->path, data, len, &scratch, &root, err);
    if (rc == 0)
        rc = load_script(&c, root);
    tt_arena_free(&scratch);
    if (rc != 0)
        tt_action_script_free(out);
    return rc;
}

int tt_action_script_load(const char *path, const tt_scenario *sc,
                          tt_action_script *out, tt_error *err)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *data = ydoc_read_file(path, &len, err);
    if (!data)
        return -1;
    int rc = tt_action_script_load_buffer(path, data, len, sc, out, err);
    free(data);
    return rc;
}

void tt_action_script_free(tt_action_script *s)
{
    if (!s)
        return;
    tt_arena_free(&s->arena);
    memset(s, 0, sizeof *s);
}
