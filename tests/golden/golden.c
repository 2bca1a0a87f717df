/* Golden-run harness: the headless path of `tabletop run --ui none`, with
 * the journal read back for assertions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "golden.h"
#include "tabletop/exercise.h"

static void scenario_path(const char *id, char *buf, size_t size)
{
    const char *src = getenv("TT_SOURCE_DIR");
    if (src)
        snprintf(buf, size, "%s/scenarios/%s.lua", src, id);
    else
        snprintf(buf, size, "%s/%s.lua", TT_SCENARIO_DIR, id);
}

static void run(const char *scenario_id, const char *label, const char *yaml_path,
                const char *yaml_text, uint64_t seed, golden_run *out)
{
    memset(out, 0, sizeof *out);
    char path[1024];
    scenario_path(scenario_id, path, sizeof path);
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    out->script = tt_script_load(path, &limits, &err);
    if (!out->script)
        fail_msg("%s: %s:%d: %s", scenario_id, err.file, err.line, err.message);
    const tt_scenario *sc = tt_script_scenario(out->script);
    tt_action_script answers;
    int rc = yaml_path ? tt_action_script_load(yaml_path, sc, &answers, &err)
                       : tt_action_script_load_buffer(label, yaml_text, strlen(yaml_text),
                                                      sc, &answers, &err);
    if (rc != 0)
        fail_msg("%s: %s:%d:%d: %s", label, err.file, err.line, err.column, err.message);
    snprintf(out->journal_path, sizeof out->journal_path, "/tmp/tt-golden-XXXXXX");
    int fd = mkstemp(out->journal_path);
    assert_true(fd >= 0);
    close(fd);
    tt_exercise_config cfg = {
        .seed = seed ? seed : (answers.has_seed ? answers.seed : 1),
        .settings = answers.settings,
        .n_settings = answers.n_settings,
    };
    cfg.journal = tt_journal_create(out->journal_path, false, &err);
    if (!cfg.journal)
        fail_msg("journal: %s", err.message);
    tt_exercise *ex = tt_exercise_new(out->script, &cfg, &err);
    rc = ex ? tt_exercise_start(ex, 0, &err) : -1;
    if (rc == 0)
        rc = tt_exercise_play(ex, &answers, 0, &err);
    tt_exercise_free(ex);
    tt_action_script_free(&answers);
    if (tt_journal_close(cfg.journal, rc == 0 ? &err : NULL) != 0)
        rc = -1;
    if (rc != 0)
        fail_msg("%s with %s: %s:%d: %s", scenario_id, label, err.file, err.line, err.message);
    if (tt_journal_read(out->journal_path, &out->journal, &err) != 0)
        fail_msg("reading the journal: %s:%d:%d: %s", err.file, err.line, err.column,
                 err.message);
}

void golden_run_answer(const char *scenario_id, const char *answer, uint64_t seed,
                       golden_run *out)
{
    const char *src = getenv("TT_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/answers/%s/%s.yaml",
             src ? src : TT_SCENARIO_DIR "/..", scenario_id, answer);
    run(scenario_id, path, path, NULL, seed, out);
}

void golden_run_yaml(const char *scenario_id, const char *yaml, uint64_t seed,
                     golden_run *out)
{
    run(scenario_id, "generated.yaml", NULL, yaml, seed, out);
}

void golden_free(golden_run *r)
{
    tt_journal_free(&r->journal);
    tt_script_free(r->script);
    if (r->journal_path[0])
        unlink(r->journal_path);
    memset(r, 0, sizeof *r);
}

const tt_scenario *golden_scenario(const golden_run *r)
{
    return tt_script_scenario(r->script);
}

tt_ms golden_reached(const golden_run *r, const char *objective)
{
    if (tt_scenario_objective(golden_scenario(r), objective) < 0)
        fail_msg("no objective '%s' in the scenario", objective);
    for (size_t i = 0; i < r->journal.n_records; i++) {
        const tt_record *rec = &r->journal.records[i];
        if (rec->type == TT_REC_OBJECTIVE && strcmp(rec->id, objective) == 0 &&
            strcmp(rec->status, "reached") == 0)
            return rec->t;
    }
    return TT_MS_NEVER;
}

size_t golden_count_reached(const golden_run *r, size_t *within_target)
{
    const tt_scenario *sc = golden_scenario(r);
    size_t reached = 0, within = 0;
    for (size_t i = 0; i < sc->n_objectives; i++) {
        tt_ms t = golden_reached(r, sc->objectives[i].id);
        if (t != TT_MS_NEVER) {
            reached++;
            within += t <= sc->objectives[i].target;
        }
    }
    if (within_target)
        *within_target = within;
    return reached;
}

/* Value of `key` as of time t: the START state, then STATE changes. */
static bool value_at(const golden_run *r, const char *key, tt_ms t, double *out)
{
    bool found = false;
    for (size_t i = 0; i < r->journal.n_records; i++) {
        const tt_record *rec = &r->journal.records[i];
        if (rec->t > t)
            break;
        const tt_kv *kvs = rec->type == TT_REC_START ? rec->start->state : rec->changes;
        size_t n = rec->type == TT_REC_START ? rec->start->n_state : rec->n_changes;
        if (rec->type != TT_REC_START && rec->type != TT_REC_STATE)
            continue;
        for (size_t k = 0; k < n; k++)
            if (strcmp(kvs[k].key, key) == 0) {
                *out = tt_value_number(&kvs[k].value);
                found = true;
            }
    }
    return found;
}

double golden_final(const golden_run *r, const char *key)
{
    double v = 0;
    if (!value_at(r, key, TT_MS_NEVER, &v))
        fail_msg("state key '%s' never appears in the journal", key);
    return v;
}

double golden_value_at(const golden_run *r, const char *key, tt_ms t)
{
    double v = 0;
    if (!value_at(r, key, t, &v))
        fail_msg("state key '%s' never appears in the journal", key);
    return v;
}

tt_ms golden_inject_time(const golden_run *r, const char *inject_id)
{
    for (size_t i = 0; i < r->journal.n_records; i++) {
        const tt_record *rec = &r->journal.records[i];
        if (rec->type == TT_REC_INJECT && rec->id && strcmp(rec->id, inject_id) == 0)
            return rec->t;
    }
    return TT_MS_NEVER;
}

size_t golden_count(const golden_run *r, tt_record_type type, const char *from)
{
    size_t n = 0;
    for (size_t i = 0; i < r->journal.n_records; i++) {
        const tt_record *rec = &r->journal.records[i];
        if (rec->type == type && (!from || (rec->from && strcmp(rec->from, from) == 0)))
            n++;
    }
    return n;
}

tt_ms golden_end_time(const golden_run *r, const char **reason)
{
    for (size_t i = r->journal.n_records; i-- > 0;) {
        const tt_record *rec = &r->journal.records[i];
        if (rec->type == TT_REC_END) {
            if (reason)
                *reason = rec->status;
            return rec->t;
        }
    }
    fail_msg("the run has no end record");
    return TT_MS_NEVER;
}

void golden_assert_lessons_covered(const golden_run *r)
{
    const tt_scenario *sc = golden_scenario(r);
    for (size_t l = 0; l < sc->n_lessons; l++) {
        bool covered = false;
        for (size_t i = 0; i < r->journal.n_records && !covered; i++) {
            const tt_record *rec = &r->journal.records[i];
            if (rec->type != TT_REC_ACTION || !rec->id)
                continue;
            for (size_t a = 0; a < sc->lessons[l].n_actions; a++)
                if (strcmp(rec->id, sc->lessons[l].actions[a]) == 0)
                    covered = true;
        }
        if (!covered)
            fail_msg("lesson '%s' is not covered by the answer", sc->lessons[l].id);
    }
}

void golden_assert_history_replayed(const golden_run *r)
{
    const tt_scenario *sc = golden_scenario(r);
    size_t checked = 0;
    for (size_t h = 0; h < sc->n_history; h++) {
        const tt_history_item *item = &sc->history[h];
        if (!item->action || item->at == TT_MS_NEVER)
            continue;  /* no action, or the source gives no time (prevention measures) */
        bool taken = false;
        for (size_t i = 0; i < r->journal.n_records && !taken; i++) {
            const tt_record *rec = &r->journal.records[i];
            taken = rec->type == TT_REC_ACTION && rec->id && rec->t == item->at &&
                    strcmp(rec->id, item->action) == 0;
        }
        if (!taken)
            fail_msg("history item %zu (%s) is not in history.yaml at its time", h, item->action);
        checked++;
    }
    assert_true(checked > 0);
}

void golden_assert_all_within_target(const golden_run *r, uint64_t seed)
{
    size_t within = 0;
    size_t reached = golden_count_reached(r, &within);
    if (reached != golden_scenario(r)->n_objectives || within != reached)
        fail_msg("seed %llu: %zu of %zu objectives reached, %zu within target",
                 (unsigned long long)seed, reached, golden_scenario(r)->n_objectives, within);
}
