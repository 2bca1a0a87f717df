/* The facilitator's status view: clock, incident state, objective timers
 * and what is on its way. */
#include "tty_internal.h"
#include "tabletop/score.h"

#include <stdlib.h>
#include <string.h>

static void format_value(const tt_value *v, char *buf, size_t size)
{
    if (tt_value_format(v, buf, size) < 0 && size)
        buf[0] = '\0';
}

/* Only the state the scenario declares as metrics: the rest is the
 * simulation's bookkeeping (some of it, like when encryption starts, would
 * give the exercise away). The journal keeps everything. */
static void state_lines(const tt_scenario *sc, const tt_kv *kv, size_t n,
                        tt_lang lang, tt_buf *out)
{
    char val[128];
    for (size_t k = 0; k < sc->n_metrics; k++) {
        const tt_metric *m = &sc->metrics[k];
        for (size_t i = 0; i < n; i++) {
            if (strcmp(m->key, kv[i].key) != 0)
                continue;
            bool yes_no = kv[i].value.type == TT_VAL_BOOL;
            if (yes_no)
                tt_value_display(&kv[i].value, lang, val, sizeof val);
            else
                format_value(&kv[i].value, val, sizeof val);
            tt_buf_printf(out, "  %s: %s %s", tt_text_get(&m->label, lang),
                           val, yes_no ? "" : tt_text_get(&m->unit, lang));
            if (m->max > 0 && !yes_no)
                tt_buf_printf(out, " / %g", m->max);
            tt_buf_printf(out, "\n");
        }
    }
}

/* What the card would say if the drill ended now (tt_score_ended_now). */
static void verdict(const tt_score_verdict *v, tt_lang lang, tt_buf *out)
{
    if (!v)
        return;
    if (v->rating == TT_RATING_NA)
        tt_buf_printf(out, "  → %s", tty_msg(M_VERDICT_NA, lang));
    else
        tt_buf_printf(out, "  → %s %d", tt_rating_letter(v->rating), v->score);
}

static void objective_lines(const tt_scenario *sc,
                            const tt_objective_view *views, tt_ms now, bool ended,
                            const tt_score_verdict *verdicts, tt_lang lang, tt_buf *out)
{
    char a[32], b[32];
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const tt_objective *o = &sc->objectives[i];
        tty_msg_id ph = o->phase == TT_OBJ_ISOLATE ? M_PHASE_ISOLATE
                      : o->phase == TT_OBJ_REPORT  ? M_PHASE_REPORT
                                                   : M_PHASE_RECOVER;
        tt_buf_printf(out, "  [%s] %s: ", tty_msg(ph, lang),
                       tt_text_get(&o->title, lang));
        const tt_objective_view *v = views ? &views[i] : NULL;
        if (v && v->status != TT_OBJECTIVE_OPEN) {
            tt_ms_format(v->at, a, sizeof a);
            tt_buf_printf(out, "%s %s",
                           tty_msg(v->status == TT_OBJECTIVE_REACHED
                                       ? M_OBJ_AT_REACHED : M_OBJ_AT_MISSED, lang),
                           a);
            verdict(verdicts ? &verdicts[i] : NULL, lang, out);
            tt_buf_printf(out, "\n");
            continue;
        }
        if (ended) {            /* no clock left to count down */
            tt_buf_printf(out, "%s", tty_msg(M_OBJ_OPEN, lang));
            verdict(verdicts ? &verdicts[i] : NULL, lang, out);
            tt_buf_printf(out, "\n");
            continue;
        }
        if (o->target >= now) {
            tt_span_format(o->target - now, a, sizeof a);
            tt_buf_printf(out, "%s, %s %s", tty_msg(M_OBJ_OPEN, lang),
                           tty_msg(M_OBJ_TARGET_IN, lang), a);
        } else {
            tt_span_format(now - o->target, a, sizeof a);
            /* a span: no "+", which would read as a time since the start */
            tt_buf_printf(out, "%s, %s (%s)", tty_msg(M_OBJ_OPEN, lang),
                           tty_msg(M_OBJ_TARGET_PASSED, lang), a);
        }
        tt_span_format(o->limit > now ? o->limit - now : 0, b, sizeof b);
        tt_buf_printf(out, ", %s %s", tty_msg(M_OBJ_LIMIT_IN, lang), b);
        verdict(verdicts ? &verdicts[i] : NULL, lang, out);
        tt_buf_printf(out, "\n");
    }
}

/* The verdicts of the drill ended now, as the card would give them. NULL
 * when out of memory (the status is then shown without them). */
static tt_score_verdict *score_now(tt_exercise *ex, tt_score_summary *sum)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    const tt_objective_view *views = tt_exercise_objectives(ex);
    size_t n_taken = tt_exercise_taken(ex, NULL, 0);
    tt_score_verdict *verdicts = calloc(sc->n_objectives + 1, sizeof *verdicts);
    tt_ms *reached = calloc(sc->n_objectives + 1, sizeof *reached);
    tt_action_taken *taken = calloc(n_taken + 1, sizeof *taken);
    if (!verdicts || !reached || !taken) {
        free(verdicts);
        free(reached);
        free(taken);
        return NULL;
    }
    tt_exercise_taken(ex, taken, n_taken);
    for (size_t i = 0; i < sc->n_objectives; i++)
        reached[i] = views && views[i].status == TT_OBJECTIVE_REACHED ? views[i].at
                                                                       : TT_MS_NEVER;
    tt_score_ended_now(sc, tt_exercise_now(ex), reached, taken, n_taken, verdicts, sum);
    free(reached);
    free(taken);
    return verdicts;
}

static void pending_lines(tt_exercise *ex, const tt_scenario *sc, tt_lang lang,
                          tt_buf *out)
{
    tt_pending items[32];
    size_t n = tt_exercise_pending(ex, items, 32);
    if (n > 32)
        n = 32;
    if (n == 0) {
        tt_buf_printf(out, "  %s\n", tty_msg(M_PENDING_NONE, lang));
        return;
    }
    char when[32];
    for (size_t i = 0; i < n; i++) {
        tt_ms_format(items[i].at, when, sizeof when);
        if (items[i].is_action && items[i].waiting)
            tt_buf_printf(out, "  %s - %s: %s %s\n",
                           tty_party_name(sc, items[i].role, lang),
                           tty_action_label(sc, items[i].id, lang),
                           tty_msg(M_PENDING_WAITING, lang), when);
        else if (items[i].is_action)
            tt_buf_printf(out, "  %s - %s: %s %s\n",
                           tty_party_name(sc, items[i].role, lang),
                           tty_action_label(sc, items[i].id, lang),
                           tty_msg(M_PENDING_ACTION, lang), when);
        else
            tt_buf_printf(out, "  %s: %s %s\n",
                           tty_party_name(sc, items[i].id, lang),
                           tty_msg(M_PENDING_MESSAGE, lang), when);
    }
}

int tty_status_format(tt_exercise *ex, tt_lang lang, tt_buf *out,
                      tt_error *err)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    tt_ms now = tt_exercise_now(ex);
    char t[32], len[32];
    tt_ms_format(now, t, sizeof t);
    tt_span_format(sc->length, len, sizeof len);
    tt_phase phase = tt_exercise_phase(ex);
    tty_msg_id ph = phase == TT_PHASE_RUNNING ? M_STATUS_RUNNING
                  : phase == TT_PHASE_PAUSED  ? M_STATUS_PAUSED
                  : phase == TT_PHASE_READY   ? M_STATUS_READY
                                              : M_STATUS_ENDED;
    tt_buf_printf(out, "== %s: %s / %s  x%g  (%s) ==\n",
                   tty_msg(M_STATUS_CLOCK, lang), t, len,
                   tt_exercise_speed(ex), tty_msg(ph, lang));

    const tt_kv *kv;
    size_t n;
    if (tt_exercise_state(ex, &kv, &n, err) != 0)
        return -1;
    tt_buf_printf(out, "%s:\n", tty_msg(M_STATUS_STATE, lang));
    state_lines(sc, kv, n, lang, out);
    tt_buf_printf(out, "%s:\n", tty_msg(M_STATUS_OBJECTIVES, lang));
    tt_score_summary sum;
    tt_score_verdict *verdicts = score_now(ex, &sum);
    objective_lines(sc, tt_exercise_objectives(ex), now, false, verdicts, lang, out);
    if (verdicts) {
        if (sum.n_assessed)
            tt_buf_printf(out, TT_FMT(lang, M_SCORE_NOW_FMT), sum.score,
                           tt_rating_name(sum.rating, lang));
        else
            tt_buf_printf(out, "%s", tty_msg(M_SCORE_NOW_NONE, lang));
        tt_buf_printf(out, "\n");
        if (sum.n_not_assessed)
            tt_buf_printf(out, TT_FMT(lang, M_SCORE_NOT_ASSESSED_FMT), sum.n_not_assessed);
        if (sum.n_not_assessed)
            tt_buf_printf(out, "\n");
    }
    free(verdicts);
    tt_buf_printf(out, "%s:\n", tty_msg(M_STATUS_PENDING, lang));
    pending_lines(ex, sc, lang, out);
    return 0;
}

int tty_result_format(tt_exercise *ex, tt_lang lang, tt_buf *out)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    tt_ms now = tt_exercise_now(ex);
    tt_score_summary sum;
    tt_score_verdict *verdicts = score_now(ex, &sum);
    if (!verdicts)
        return -1;
    char t[32], len[32];
    tt_ms_format(now, t, sizeof t);
    tt_span_format(sc->length, len, sizeof len);   /* a length: no "+" */
    tt_buf_printf(out, "== ");
    if (sum.n_assessed)
        tt_buf_printf(out, TT_FMT(lang, M_RESULT_FMT), sum.score,
                       tt_rating_name(sum.rating, lang), t, len);
    else
        tt_buf_printf(out, TT_FMT(lang, M_RESULT_NONE_FMT), t, len);
    tt_buf_printf(out, " ==\n");
    objective_lines(sc, tt_exercise_objectives(ex), now, true, verdicts, lang, out);
    if (sum.n_not_assessed) {
        tt_buf_printf(out, TT_FMT(lang, M_SCORE_NOT_ASSESSED_FMT), sum.n_not_assessed);
        tt_buf_printf(out, "\n");
    }
    free(verdicts);
    return 0;
}
