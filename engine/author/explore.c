/* tabletop explore: dynamic lint. Plays many exercises with a random but
 * valid policy (actions the exercise says are available, at random times;
 * random settings) and reports runtime errors, objectives never reached,
 * actions never available, injects never fired and metrics never changed,
 * each with the shortest action script that shows it: the run's own steps,
 * shrunk (steps removed while the finding still shows), written as YAML. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "tabletop/author.h"
#include "tabletop/exercise.h"
#include "tabletop/sim.h"
#include "tabletop/terms.h"

#define MAX_STEPS 200

typedef struct step {
    tt_ms at;
    const char *role;   /* model strings */
    const char *action;
    const char *verb;   /* "do", or (API 1.1) "cancel" / "reply" an action in progress */
} step;

typedef struct plan {
    step steps[MAX_STEPS];
    size_t n;
    tt_kv settings[64];
    size_t n_settings;
    char setting_text[64][64];
    uint64_t seed;
} plan;

/* ---- The plan as a YAML action script (libyaml emitter) ---- */

static bool scalar(yaml_emitter_t *e, const char *v)
{
    yaml_event_t ev;
    return yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)v, (int)strlen(v), 1, 1,
                                        YAML_ANY_SCALAR_STYLE) &&
           yaml_emitter_emit(e, &ev);
}

static bool map_start(yaml_emitter_t *e)
{
    yaml_event_t ev;
    return yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE) &&
           yaml_emitter_emit(e, &ev);
}

static bool map_end(yaml_emitter_t *e)
{
    yaml_event_t ev;
    return yaml_mapping_end_event_initialize(&ev) && yaml_emitter_emit(e, &ev);
}

static char *plan_yaml(const tt_scenario *m, const plan *p, const char *comment)
{
    yaml_emitter_t e;
    yaml_event_t ev;
    /* A comment line first says what the script shows. */
    tt_buf b = TT_BUF_INIT;
    tt_buf_printf(&b, "# %s\n", comment);
    if (!yaml_emitter_initialize(&e)) {
        tt_buf_free(&b);
        return NULL;
    }
    yaml_emitter_set_output(&e, tt_buf_write, &b);
    yaml_emitter_set_unicode(&e, 1);
    char num[64];
    bool ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
              yaml_emitter_emit(&e, &ev) &&
              yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1) &&
              yaml_emitter_emit(&e, &ev) && map_start(&e) && scalar(&e, "scenario") &&
              scalar(&e, m->id) && scalar(&e, "seed");
    snprintf(num, sizeof num, "%llu", (unsigned long long)p->seed);
    ok = ok && scalar(&e, num);
    if (ok && p->n_settings) {
        ok = scalar(&e, "settings") && map_start(&e);
        for (size_t i = 0; ok && i < p->n_settings; i++)
            ok = scalar(&e, p->settings[i].key) && scalar(&e, p->setting_text[i]);
        ok = ok && map_end(&e);
    }
    ok = ok && scalar(&e, "actions") &&
         yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE) &&
         yaml_emitter_emit(&e, &ev);
    for (size_t i = 0; ok && i < p->n; i++) {
        char at[64];
        tt_time_format(p->steps[i].at, TT_TIME_AT, at, sizeof at);
        const char *verb = p->steps[i].verb ? p->steps[i].verb : "do";
        ok = map_start(&e) && scalar(&e, "at") && scalar(&e, at) && scalar(&e, "by") &&
             scalar(&e, p->steps[i].role) && scalar(&e, verb) &&
             scalar(&e, p->steps[i].action) &&
             (strcmp(verb, "reply") != 0 || (scalar(&e, "note") && scalar(&e, "explore"))) &&
             map_end(&e);
    }
    ok = ok && yaml_sequence_end_event_initialize(&ev) && yaml_emitter_emit(&e, &ev) &&
         map_end(&e) && yaml_document_end_event_initialize(&ev, 1) &&
         yaml_emitter_emit(&e, &ev) && yaml_stream_end_event_initialize(&ev) &&
         yaml_emitter_emit(&e, &ev);
    yaml_emitter_delete(&e);
    if (!ok) {
        tt_buf_free(&b);
        return NULL;
    }
    return tt_buf_take(&b, NULL);
}

/* ---- Running a plan ---- */

static int run_plan(tt_script *s, const plan *p, tt_outcome *o, tt_error *err)
{
    const tt_scenario *m = tt_script_scenario(s);
    char *y = plan_yaml(m, p, "explore");
    if (!y) {
        tt_error_oom(err, NULL);
        return -1;
    }
    tt_action_script as;
    int rc = tt_action_script_load_buffer("explore.yaml", y, strlen(y), m, &as, err);
    free(y);
    if (rc != 0)
        return -1;
    rc = tt_outcome_run(s, &as, p->seed, o, err);
    tt_action_script_free(&as);
    return rc;
}

/* A random plan, chosen while an exercise runs: at random times, one of the
 * actions the exercise says is available now. available[] collects every
 * action seen available. An eager plan (every other run) takes, at each of
 * the same random times, most actions available then (each with chance
 * 0.6) that it has not taken yet: a random team rarely plays a long chain (report, investigate,
 * then the final report; isolate, rebuild, then restore) to its end, and
 * "never reached" would then be explore's blindness, not the scenario's. */
static int random_plan(tt_script *s, tt_rng *rng, uint64_t seed, bool eager, plan *p,
                       bool *available, tt_error *err)
{
    const tt_scenario *m = tt_script_scenario(s);
    memset(p, 0, sizeof *p);
    p->seed = seed;
    for (size_t i = 0; i < m->n_settings && p->n_settings < 64; i++) {
        const tt_setting *st = &m->settings[i];
        tt_kv *kv = &p->settings[p->n_settings];
        char *text = p->setting_text[p->n_settings];
        kv->key = st->key;
        kv->value = st->value;
        if (st->value.type == TT_VAL_BOOL) {
            kv->value.as.b = tt_rng_range(rng, 0, 1) == 1;
            snprintf(text, 64, "%s", kv->value.as.b ? "true" : "false");
        } else if (st->value.type == TT_VAL_INT) {
            /* around the default: half to double */
            int64_t d = st->value.as.i;
            kv->value.as.i = d ? (int64_t)tt_rng_range(rng, d / 2, d * 2) : 0;
            snprintf(text, 64, "%lld", (long long)kv->value.as.i);
        } else if (st->value.type == TT_VAL_NUM) {
            kv->value.as.n = st->value.as.n * (0.5 + 1.5 * tt_rng_unit(rng));
            snprintf(text, 64, "%.6g", kv->value.as.n);
        } else {
            continue; /* strings keep their default */
        }
        p->n_settings++;
    }
    tt_exercise_config cfg = { .seed = seed, .speed = 0, .lang = TT_LANG_EN,
                               .settings = p->settings, .n_settings = p->n_settings };
    tt_exercise *ex = tt_exercise_new(s, &cfg, err);
    if (!ex)
        return -1;
    tt_error run;
    tt_error_clear(&run);
    if (tt_exercise_start(ex, 0, &run) != 0) {
        tt_exercise_free(ex);
        return 0; /* the failure shows again when the plan is run */
    }
    tt_ms t = 0, mean = m->length / 12 > 60000 ? m->length / 12 : 60000;
    typedef struct pair { const char *role, *action; } pair;
    pair *avail = malloc((m->n_actions * 8 + 1) * sizeof *avail);
    bool *taken = calloc(m->n_actions + 1, sizeof *taken);
    if (!avail || !taken) {
        free(avail);
        free(taken);
        tt_exercise_free(ex);
        tt_error_oom(err, NULL);
        return -1;
    }
    while (p->n < MAX_STEPS && tt_exercise_phase(ex) != TT_PHASE_ENDED) {
        t += 1000 * 60 * (tt_ms)tt_rng_range(rng, 1, (uint32_t)(2 * mean / 60000));
        if (t >= m->length)
            break;
        if (tt_exercise_advance(ex, t, &run) != 0 || tt_exercise_phase(ex) == TT_PHASE_ENDED)
            break;
        size_t n = 0;
        for (size_t a = 0; a < m->n_actions; a++)
            for (size_t r = 0; r < m->actions[a].n_roles && r < 8; r++)
                if (tt_exercise_can_act(ex, m->actions[a].roles[r], (int)a, NULL)) {
                    available[a] = true;
                    avail[n++] = (pair){ m->actions[a].roles[r], m->actions[a].id };
                }
        /* API 1.1: answer every question an actor asked (the team would),
         * and now and then call off an action in progress. */
        bool acted = false;
        for (size_t a = 0; a < m->n_actions && p->n < MAX_STEPS && !acted; a++) {
            bool waiting = tt_exercise_action_waiting(ex, (int)a);
            bool cancel = !waiting && tt_exercise_action_in_progress(ex, (int)a) &&
                          tt_rng_unit(rng) < 0.1;
            if (!waiting && !cancel)
                continue;
            const char *role = m->actions[a].roles[0];
            p->steps[p->n++] = (step){ t, role, m->actions[a].id, waiting ? "reply" : "cancel" };
            int rc = waiting ? tt_exercise_reply(ex, role, m->actions[a].id, NULL, "explore", NULL,
                                                 &run)
                             : tt_exercise_cancel(ex, role, m->actions[a].id, NULL, NULL, NULL,
                                                  &run);
            if (rc != 0)
                break;
            acted = true;
        }
        if (eager && !acted) {
            bool stop = false;
            for (size_t k = 0; k < n && p->n < MAX_STEPS && !stop; k++) {
                int a = tt_scenario_action(m, avail[k].action);
                if (a < 0 || taken[a] || tt_rng_unit(rng) < 0.4 ||
                    tt_exercise_phase(ex) == TT_PHASE_ENDED ||
                    !tt_exercise_can_act(ex, avail[k].role, a, NULL))
                    continue; /* an earlier one this look may have changed it */
                taken[a] = true;
                p->steps[p->n++] = (step){ t, avail[k].role, avail[k].action, "do" };
                stop = tt_exercise_act(ex, avail[k].role, avail[k].action, NULL, NULL, NULL,
                                       &run) != 0;
            }
            if (stop)
                break;
            continue;
        }
        if (acted || n == 0 || tt_rng_unit(rng) < 0.3)
            continue;
        pair pick = avail[tt_rng_range(rng, 0, (uint32_t)n - 1)];
        bool refused = false;
        p->steps[p->n++] = (step){ t, pick.role, pick.action, "do" };
        if (tt_exercise_act(ex, pick.role, pick.action, NULL, NULL, &refused, &run) != 0)
            break;
    }
    free(avail);
    free(taken);
    tt_exercise_free(ex);
    return 0;
}

/* ---- Shrinking ---- */

typedef bool (*shows_fn)(const tt_outcome *o, size_t which);

static bool shows_error(const tt_outcome *o, size_t which)
{
    (void)which;
    return o->failed;
}

static bool shows_unreached(const tt_outcome *o, size_t which)
{
    return which < o->n_objectives && o->reached[which] == TT_MS_NEVER;
}

static bool shows_unfired(const tt_outcome *o, size_t which)
{
    return !o->inject_fired[which];
}

static bool shows_unchanged(const tt_outcome *o, size_t which)
{
    return !o->metric_changed[which];
}

/* Remove steps one at a time, from the last, while the finding still shows. */
static void shrink(tt_script *s, plan *p, shows_fn shows, size_t which)
{
    for (size_t i = p->n; i-- > 0;) {
        plan q = *p;
        memmove(&q.steps[i], &q.steps[i + 1], (q.n - i - 1) * sizeof q.steps[0]);
        q.n--;
        tt_outcome o;
        tt_error err;
        if (run_plan(s, &q, &o, &err) != 0)
            continue;
        bool still = shows(&o, which);
        tt_outcome_free(&o);
        if (still)
            *p = q;
    }
}

/* ---- Driver ---- */

static void add(tt_findings *f, const char *path, int line, const char *msg,
                tt_explore_witness *w,
                size_t *nw, size_t cap, const tt_scenario *m, const plan *p)
{
    tt_findings_add(f, path, line, 1, "%s", msg);
    if (*nw < cap) {
        /* Out of memory: the finding stays listed, without its witness. */
        char *message = strdup(msg), *yaml = message ? plan_yaml(m, p, msg) : NULL;
        if (!yaml) {
            free(message);
            return;
        }
        w[*nw].message = message;
        w[*nw].yaml = yaml;
        (*nw)++;
    }
}

int tt_explore(const char *path, unsigned runs, uint64_t seed, tt_explore_report *rep,
               tt_error *err)
{
    memset(rep, 0, sizeof *rep);
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    tt_script *s = tt_script_load(path, &limits, err);
    if (!s)
        return -1;
    const tt_scenario *m = tt_script_scenario(s);
    bool *available = calloc(m->n_actions + 1, sizeof *available);
    bool *reached = calloc(m->n_objectives + 1, sizeof *reached);
    bool *fired = calloc(m->n_injects + 1, sizeof *fired);
    bool *changed = calloc(m->n_metrics + 1, sizeof *changed);
    plan *p = malloc(sizeof *p), *shortest = malloc(sizeof *shortest);
    size_t cap = 64;
    rep->witnesses = calloc(cap, sizeof *rep->witnesses);
    int rc = -1;
    if (!available || !reached || !fired || !changed || !p || !shortest || !rep->witnesses) {
        tt_error_oom(err, path);
        goto done;
    }
    tt_rng rng;
    tt_rng_seed(&rng, seed, 54);
    shortest->n = MAX_STEPS + 1;
    char seen_errors[8][512];
    size_t n_seen = 0;
    for (unsigned r = 0; r < runs; r++) {
        if (random_plan(s, &rng, seed + r, r % 2 == 1, p, available, err) != 0)
            goto done;
        tt_outcome o;
        if (run_plan(s, p, &o, err) != 0)
            goto done;
        rep->runs++;
        for (size_t i = 0; i < m->n_objectives; i++)
            reached[i] = reached[i] || o.reached[i] != TT_MS_NEVER;
        for (size_t i = 0; i < m->n_injects; i++)
            fired[i] = fired[i] || o.inject_fired[i];
        for (size_t i = 0; i < m->n_metrics; i++)
            changed[i] = changed[i] || o.metric_changed[i];
        if (o.failed) {
            bool dup = false;
            for (size_t k = 0; k < n_seen; k++)
                dup = dup || strncmp(seen_errors[k], o.error, 511) == 0;
            if (!dup && n_seen < 8) {
                snprintf(seen_errors[n_seen++], 512, "%.511s", o.error);
                plan q = *p;
                shrink(s, &q, shows_error, 0);
                char msg[2300];
                /* The line and message as the run had them: read back from
                 * "file:line: message", an error without a line lost the
                 * start of its message ("runtime error: 1:00: does ..."
                 * from "... events at +0:01:00: does ..."). */
                snprintf(msg, sizeof msg, TT_MSG(E_EXPLORE_RUNTIME_ERROR_FMT), o.error_message);
                add(&rep->findings, path, o.error_line, msg, rep->witnesses, &rep->n_witnesses,
                    cap, m, &q);
            }
        } else if (p->n < shortest->n) {
            *shortest = *p;
        }
        tt_outcome_free(&o);
    }
    if (shortest->n > MAX_STEPS) {
        shortest->n = 0;
        shortest->seed = seed;
        shortest->n_settings = 0;
    }
    char msg[600], where[300];
    for (size_t i = 0; i < m->n_objectives; i++)
        if (!reached[i]) {
            snprintf(where, sizeof where, "objectives.%s", m->objectives[i].id);
            snprintf(msg, sizeof msg, TT_MSG(E_EXPLORE_NEVER_REACHED_FMT),
                     m->objectives[i].id, rep->runs);
            plan q = *shortest;
            shrink(s, &q, shows_unreached, i);
            add(&rep->findings, path, tt_script_field_line(s, where), msg, rep->witnesses,
                &rep->n_witnesses, cap, m, &q);
        }
    for (size_t i = 0; i < m->n_actions; i++)
        if (!available[i]) {
            snprintf(where, sizeof where, "actions.%s", m->actions[i].id);
            snprintf(msg, sizeof msg, TT_MSG(E_EXPLORE_NEVER_AVAILABLE_FMT),
                     m->actions[i].id, rep->runs);
            add(&rep->findings, path, tt_script_field_line(s, where), msg, rep->witnesses,
                &rep->n_witnesses, cap, m, shortest);
        }
    for (size_t i = 0; i < m->n_injects; i++)
        if (!fired[i]) {
            snprintf(where, sizeof where, "injects[%zu]", i + 1);
            snprintf(msg, sizeof msg, TT_MSG(E_EXPLORE_NEVER_FIRED_FMT), m->injects[i].id,
                     rep->runs);
            plan q = *shortest;
            shrink(s, &q, shows_unfired, i);
            add(&rep->findings, path, tt_script_field_line(s, where), msg, rep->witnesses,
                &rep->n_witnesses, cap, m, &q);
        }
    for (size_t i = 0; i < m->n_metrics; i++)
        if (!changed[i]) {
            snprintf(where, sizeof where, "metrics.%s", m->metrics[i].key);
            snprintf(msg, sizeof msg, TT_MSG(E_EXPLORE_NEVER_CHANGED_FMT), m->metrics[i].key,
                     rep->runs);
            plan q = *shortest;
            shrink(s, &q, shows_unchanged, i);
            add(&rep->findings, path, tt_script_field_line(s, where), msg, rep->witnesses,
                &rep->n_witnesses, cap, m, &q);
        }
    rc = 0;
done:
    free(available);
    free(reached);
    free(fired);
    free(changed);
    free(p);
    free(shortest);
    tt_script_free(s);
    if (rc != 0)
        tt_explore_report_free(rep);
    return rc;
}

void tt_explore_report_free(tt_explore_report *rep)
{
    for (size_t i = 0; rep->witnesses && i < rep->n_witnesses; i++) {
        free(rep->witnesses[i].message);
        free(rep->witnesses[i].yaml);
    }
    free(rep->witnesses);
    tt_findings_free(&rep->findings);
    memset(rep, 0, sizeof *rep);
}
