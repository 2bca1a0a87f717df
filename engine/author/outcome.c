/* One headless exercise and what came of it, for watch and explore: the
 * scorecard's score, rating, objective times and ratings and damage, which
 * injects fired, which actions were taken and which metrics changed. The
 * journal goes to a private temporary file and is scored like any other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tabletop/author.h"
#include "tabletop/exercise.h"
#include "tabletop/journal.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"

typedef struct seen {
    tt_outcome *o;
    const tt_scenario *m;
} seen;

static void on_record(void *user, const tt_record *r)
{
    seen *s = user;
    if (r->type == TT_REC_INJECT && r->id) {
        int i = tt_scenario_inject(s->m, r->id);
        if (i >= 0)
            s->o->inject_fired[i] = true;
    } else if (r->type == TT_REC_ACTION && r->id) {
        int i = tt_scenario_action(s->m, r->id);
        if (i >= 0)
            s->o->action_taken[i] = true;
    } else if (r->type == TT_REC_REFUSED) {
        s->o->refused++;
    } else if (r->type == TT_REC_STATE) {
        for (size_t k = 0; k < r->n_changes; k++)
            for (size_t m = 0; m < s->m->n_metrics; m++)
                if (strcmp(s->m->metrics[m].key, r->changes[k].key) == 0)
                    s->o->metric_changed[m] = true;
    }
}

void tt_outcome_free(tt_outcome *o)
{
    free(o->reached);
    free(o->ratings);
    free(o->damage);
    free(o->inject_fired);
    free(o->action_taken);
    free(o->metric_changed);
    memset(o, 0, sizeof *o);
}

int tt_outcome_run(tt_script *script, const tt_action_script *as, uint64_t seed,
                   tt_outcome *o, tt_error *err)
{
    const tt_scenario *m = tt_script_scenario(script);
    memset(o, 0, sizeof *o);
    o->n_objectives = m->n_objectives;
    o->n_damage = m->n_metrics;
    o->reached = calloc(m->n_objectives + 1, sizeof *o->reached);
    o->ratings = calloc(m->n_objectives + 1, sizeof *o->ratings);
    o->damage = calloc(m->n_metrics + 1, sizeof *o->damage);
    o->inject_fired = calloc(m->n_injects + 1, sizeof *o->inject_fired);
    o->action_taken = calloc(m->n_actions + 1, sizeof *o->action_taken);
    o->metric_changed = calloc(m->n_metrics + 1, sizeof *o->metric_changed);
    if (!o->reached || !o->ratings || !o->damage || !o->inject_fired || !o->action_taken ||
        !o->metric_changed) {
        tt_outcome_free(o);
        tt_error_oom(err, NULL);
        return -1;
    }
    char path[] = "/tmp/tabletop-outcome-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) {
        tt_error_runtime(err, NULL, TT_MSG(E_OUTCOME_TEMP_JOURNAL));
        return -1;
    }
    close(fd);
    int rc = -1;
    tt_exercise *ex = NULL;
    tt_journal j;
    memset(&j, 0, sizeof j);
    tt_journal_writer *w = tt_journal_create(path, false, err);
    if (!w)
        goto done;
    seen s = { o, m };
    tt_exercise_config cfg = { .seed = seed, .speed = 0, .lang = TT_LANG_EN,
                               .settings = as ? as->settings : NULL,
                               .n_settings = as ? as->n_settings : 0, .journal = w,
                               .sink = on_record, .sink_user = &s };
    ex = tt_exercise_new(script, &cfg, err);
    tt_error run_err;
    tt_error_clear(&run_err);
    bool ran = ex && tt_exercise_start(ex, 0, &run_err) == 0 &&
               (as ? tt_exercise_play(ex, as, 0, &run_err)
                   : tt_exercise_advance(ex, m->length, &run_err)) == 0;
    if (!ex)
        goto done;
    if (!ran) {
        /* A runtime error of the scenario is an outcome, not a failure. */
        o->failed = true;
        tt_error_format(&run_err, o->error, sizeof o->error);
        o->error_line = run_err.line;
        snprintf(o->error_message, sizeof o->error_message, "%s", run_err.message);
        o->failed_at = tt_exercise_now(ex);
    }
    tt_exercise_free(ex);
    ex = NULL;
    if (tt_journal_close(w, err) != 0) {
        w = NULL;
        goto done;
    }
    w = NULL;
    if (tt_journal_read(path, &j, err) != 0)
        goto done;
    tt_scorecard card;
    if (tt_scorecard_build(&card, m, &j, NULL, NULL, err) != 0)
        goto done;
    o->score = card.score;
    o->rating = card.rating;
    for (size_t i = 0; i < card.n_objectives && i < m->n_objectives; i++) {
        o->reached[i] = card.objectives[i].reached_at;
        o->ratings[i] = card.objectives[i].rating;
    }
    /* The card lists damage metrics only; the outcome keeps one slot per
     * metric of the scenario, so each goes to its metric's own index. */
    for (size_t i = 0; i < card.n_damage; i++) {
        const tt_metric *def = card.damage[i].def;
        if (def >= m->metrics && def < m->metrics + m->n_metrics)
            o->damage[def - m->metrics] = card.damage[i].final;
    }
    tt_scorecard_free(&card);
    rc = 0;
done:
    if (ex)
        tt_exercise_free(ex);
    if (w) {
        tt_error ignored;
        tt_journal_close(w, &ignored);
    }
    tt_journal_free(&j);
    unlink(path);
    if (rc != 0)
        tt_outcome_free(o);
    return rc;
}
