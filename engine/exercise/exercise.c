/* Exercise lifecycle: creation, start, advancing time, facilitator controls,
 * and the one place records are written (journal first, then the sink). */
#include "internal.h"
#include "events.h"
#include "tabletop/terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void ex_free_kvs(tt_kv *kvs, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free((char *)kvs[i].key);
        if (kvs[i].value.type == TT_VAL_STR)
            free((char *)kvs[i].value.as.s);
    }
    free(kvs);
}

int tt_exercise_check_recordable(const char *scenario_path, const char *db,
                                 const char *scorecard, tt_error *err)
{
    const struct {
        const char *path, *what;
    } paths[] = { { scenario_path, TT_MSG(E_EX_PATH_SCENARIO) }, { db, TT_MSG(E_EX_PATH_DB) },
                  { scorecard, TT_MSG(E_EX_PATH_SCORECARD) } };
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        tt_text_fault fault;
        if (!paths[i].path || tt_text_scan(paths[i].path, strlen(paths[i].path), &fault))
            continue;
        char why[160];
        tt_text_fault_say(&fault, TT_MSG(E_IN_JOURNAL), true, why, sizeof why);
        tt_error_set_as(err, TT_ERR_INPUT, paths[i].path, 0, 0,
                        TT_MSG(E_EX_CANNOT_RECORD_PATH_FMT),
                        paths[i].what, why);
        return -1;
    }
    return 0;
}

tt_exercise *tt_exercise_new(tt_script *script, const tt_exercise_config *cfg,
                             tt_error *err)
{
    tt_exercise *ex = calloc(1, sizeof *ex);
    if (!ex) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    ex->script = script;
    ex->sc = tt_script_scenario(script);
    ex->cfg = *cfg;
    ex->phase = TT_PHASE_READY;
    tt_queue_init(&ex->queue);
    ex->free_message = ex->free_call = EX_NO_SLOT;
    ex->last_said_inject = ex->last_said_from = -1;
    tt_clock_init(&ex->clock, cfg->speed > 0 ? cfg->speed : 1.0);
    /* Stream constant is fixed so a seed alone names a run. */
    tt_rng_seed(&ex->rng, cfg->seed, 0x7461626c65746f70ULL /* "tabletop" */);
    const tt_scenario *sc = ex->sc;
    ex->objectives = calloc(sc->n_objectives + 1, sizeof *ex->objectives);
    ex->inject_fired = calloc(sc->n_injects + 1, sizeof *ex->inject_fired);
    ex->action_taken = calloc(sc->n_actions + 1, sizeof *ex->action_taken);
    ex->action_running = calloc(sc->n_actions + 1, sizeof *ex->action_running);
    if (!ex->objectives || !ex->inject_fired || !ex->action_taken ||
        !ex->action_running) {
        tt_error_oom(err, NULL);
        tt_exercise_free(ex);
        return NULL;
    }
    for (size_t i = 0; i < sc->n_objectives; i++)
        ex->objectives[i] = (tt_objective_view){ TT_OBJECTIVE_OPEN, TT_MS_NEVER };
    if (tt_script_begin(script, &ex->rng, cfg->settings, cfg->n_settings, err) != 0) {
        tt_exercise_free(ex);
        return NULL;
    }
    return ex;
}

void tt_exercise_free(tt_exercise *ex)
{
    if (!ex)
        return;
    tt_queue_free(&ex->queue);
    for (size_t i = 0; i < ex->n_running; i++) {
        free(ex->running[i].role);
        free(ex->running[i].member);
    }
    free(ex->running);
    for (size_t i = 0; i < ex->n_messages; i++) {
        free(ex->messages[i].from);
        free(ex->messages[i].to);
        free((char *)ex->messages[i].text.ja);
        free((char *)ex->messages[i].text.en);
    }
    free(ex->messages);
    free(ex->changes);
    for (size_t i = 0; i < ex->n_calls; i++)
        free(ex->calls[i].actor);
    free(ex->calls);
    ex_free_kvs(ex->shown_state, ex->n_shown_state);
    free(ex->objectives);
    free(ex->inject_fired);
    free(ex->action_taken);
    free(ex->action_running);
    free(ex->preview);
    free(ex->preview_want);
    if (ex->owned_journal)
        tt_journal_close(ex->owned_journal, NULL);
    free(ex);
}

int ex_emit(tt_exercise *ex, tt_record *r, tt_error *err)
{
    r->t = ex->now;
    r->wall_ms = ex->cfg.record_wall ? tt_wall_ms() : 0;
    /* What /next stops at: an inject, or an actor speaking (a message, and
     * (1.1) an actor's question or refusal, which the team must hear). */
    if (r->type == TT_REC_INJECT || r->type == TT_REC_MESSAGE || r->type == TT_REC_ASKED ||
        r->type == TT_REC_DECLINED) {
        ex->said++;
        ex->last_said_inject = r->type == TT_REC_INJECT ? tt_scenario_inject(ex->sc, r->id) : -1;
        ex->last_said_from = r->type != TT_REC_INJECT && r->from
                                 ? tt_scenario_actor(ex->sc, r->from) : -1;
    }
    if (ex->expect && ex->expect_cursor < ex->expect->n_records)
        return ex_expect(ex, r, err); /* already journaled: check, don't repeat */
    if (ex->cfg.journal && tt_journal_write(ex->cfg.journal, r, err) != 0)
        return -1;
    if (ex->cfg.sink)
        ex->cfg.sink(ex->cfg.sink_user, r);
    return 0;
}

const tt_scenario *tt_exercise_scenario(const tt_exercise *ex) { return ex->sc; }
tt_phase tt_exercise_phase(const tt_exercise *ex) { return ex->phase; }
tt_ms tt_exercise_now(const tt_exercise *ex) { return ex->now; }
uint64_t tt_exercise_seed(const tt_exercise *ex) { return ex->cfg.seed; }
double tt_exercise_speed(const tt_exercise *ex) { return ex->cfg.speed; }

/* Settings as they took effect: each setting key's value in the state. */
static void effective_settings(tt_exercise *ex, const tt_kv *state, size_t n,
                               tt_kv *out, size_t *n_out)
{
    *n_out = 0;
    for (size_t i = 0; i < ex->sc->n_settings; i++)
        for (size_t k = 0; k < n; k++)
            if (strcmp(state[k].key, ex->sc->settings[i].key) == 0)
                out[(*n_out)++] = state[k];
}

static int write_start(tt_exercise *ex, tt_error *err)
{
    const tt_kv *state;
    size_t n_state;
    if (tt_script_state(ex->script, &state, &n_state, err) != 0)
        return -1;
    tt_kv *settings = calloc(ex->sc->n_settings + 1, sizeof *settings);
    if (!settings) {
        tt_error_oom(err, NULL);
        return -1;
    }
    size_t n_settings;
    effective_settings(ex, state, n_state, settings, &n_settings);
    char date[32] = "";
    if (ex->cfg.record_wall) {
        time_t t = time(NULL);
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm);
    }
    tt_start_info info = {
        .scenario = ex->sc->id,
        .hash = ex->sc->hash,
        .path = ex->sc->path,
        .seed = ex->cfg.seed,
        .speed = ex->cfg.speed,
        .lang = tt_lang_name(ex->cfg.lang),
        .team = ex->cfg.roster ? ex->cfg.roster->team : NULL,
        .organisation = ex->cfg.roster ? ex->cfg.roster->organisation : NULL,
        .members = ex->cfg.roster ? ex->cfg.roster->members : NULL,
        .n_members = ex->cfg.roster ? ex->cfg.roster->n_members : 0,
        .settings = settings,
        .n_settings = n_settings,
        .state = (tt_kv *)state,
        .n_state = n_state,
        .date = date[0] ? date : NULL,
        .engine = tt_version(),
        .db = ex->cfg.run_db,
        .scorecard = ex->cfg.run_scorecard,
        .no_scorecard = ex->cfg.run_no_scorecard,
    };
    tt_record r = { .type = TT_REC_START, .start = &info };
    int rc = ex_emit(ex, &r, err);
    /* The state as journaled is the baseline for later STATE diffs. */
    if (rc == 0)
        rc = ex_remember_state(ex, state, n_state, err);
    free(settings);
    return rc;
}

int tt_exercise_start(tt_exercise *ex, int64_t wall_ms, tt_error *err)
{
    if (!tt_phase_step(&ex->phase, TT_GO_START)) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_ALREADY_STARTED));
        return -1;
    }
    if (ex->cfg.speed > 0)
        tt_clock_start(&ex->clock, wall_ms);
    if (write_start(ex, err) != 0 || ex_schedule_initial(ex, err) != 0)
        return -1;
    return tt_exercise_advance(ex, 0, err);
}

int tt_exercise_advance(tt_exercise *ex, tt_ms to, tt_error *err)
{
    if (ex->phase == TT_PHASE_ENDED)
        return 0;
    if (ex->phase == TT_PHASE_READY) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_NOT_STARTED));
        return -1;
    }
    if (to > ex->sc->length)
        to = ex->sc->length;
    tt_event ev;
    while (ex->phase != TT_PHASE_ENDED && tt_queue_peek(&ex->queue, &ev) &&
           ev.time <= to) {
        tt_queue_pop(&ex->queue, &ev);
        if (ev.time > ex->now)
            ex->now = ev.time;
        ex->events_at_instant = ev.time == ex->instant ? ex->events_at_instant + 1 : 1;
        ex->instant = ev.time;
        if (ex->events_at_instant > TT_MAX_EVENTS_PER_INSTANT) {
            char when[32];
            tt_ms_format(ev.time, when, sizeof when);
            tt_error_set(err, ex->sc->path, 0, 0,
                         TT_MSG(E_EX_EVENTS_AT_ONCE_FMT), TT_MAX_EVENTS_PER_INSTANT, when);
            return -1;
        }
        if (ex_handle_event(ex, &ev, err) != 0 ||
            tt_script_check_work(ex->script, ex->now, err) != 0)
            return -1;
    }
    if (ex->phase != TT_PHASE_ENDED && to > ex->now)
        ex->now = to;
    return 0;
}

int tt_exercise_tick(tt_exercise *ex, int64_t wall_ms, tt_error *err)
{
    if (ex->phase != TT_PHASE_RUNNING)
        return 0;
    return tt_exercise_advance(ex, tt_clock_now(&ex->clock, wall_ms), err);
}

tt_ms tt_exercise_next_event(const tt_exercise *ex)
{
    tt_event ev;
    if (ex->phase == TT_PHASE_ENDED || !tt_queue_peek(&ex->queue, &ev))
        return TT_MS_NEVER;
    return ev.time;
}

/* The soonest target or limit of an open objective after now (a limit
 * wins a tie: it is the one that needs asking). False when none. */
static bool next_deadline(const tt_exercise *ex, tt_next_stop *out)
{
    bool found = false;
    for (size_t i = 0; i < ex->sc->n_objectives; i++) {
        if (ex->objectives[i].status != TT_OBJECTIVE_OPEN)
            continue;
        const tt_objective *o = &ex->sc->objectives[i];
        const struct { tt_ms at; tt_stop_kind kind; } d[2] = {
            { o->limit, TT_STOP_LIMIT }, { o->target, TT_STOP_TARGET } };
        for (int k = 0; k < 2; k++) {
            if (d[k].at <= ex->now || d[k].at > ex->sc->length)
                continue;
            if (!found || d[k].at < out->at ||
                (d[k].at == out->at && d[k].kind == TT_STOP_LIMIT &&
                 out->kind != TT_STOP_LIMIT)) {
                *out = (tt_next_stop){ .kind = d[k].kind, .at = d[k].at,
                                       .objective = (int)i, .inject = -1, .actor = -1 };
                found = true;
            }
        }
    }
    return found;
}

int tt_exercise_skip_to_next(tt_exercise *ex, int64_t wall_ms, bool pass_limit,
                             tt_next_stop *stop, tt_error *err)
{
    tt_next_stop none = { .kind = TT_STOP_NONE, .objective = -1, .inject = -1, .actor = -1 };
    if (!stop)
        stop = &none;
    *stop = none;
    stop->at = ex->now;
    if (ex->phase == TT_PHASE_ENDED || ex->phase == TT_PHASE_READY)
        return 0;
    /* Step event by event until something is said (an inject or an actor's
     * message, which may only be scheduled by an event on the way), a
     * deadline of an open objective comes (objectives reached on the way
     * drop theirs), or the end. */
    size_t said = ex->said;
    while (ex->phase != TT_PHASE_ENDED) {
        tt_next_stop deadline;
        bool has_deadline = next_deadline(ex, &deadline);
        tt_ms next = tt_exercise_next_event(ex);
        if (has_deadline && (next == TT_MS_NEVER || next >= deadline.at)) {
            *stop = deadline;
            if (deadline.kind == TT_STOP_LIMIT && !pass_limit) {
                stop->blocked = true;   /* the caller asks first */
                break;
            }
            if (tt_exercise_advance(ex, deadline.at, err) != 0)
                return -1;
            break;
        }
        if (next == TT_MS_NEVER)
            break;
        if (tt_exercise_advance(ex, next, err) != 0)
            return -1;
        if (ex->said != said) {
            *stop = (tt_next_stop){ .kind = ex->last_said_inject >= 0 ? TT_STOP_INJECT
                                                                      : TT_STOP_MESSAGE,
                                    .at = ex->now, .objective = -1,
                                    .inject = ex->last_said_inject,
                                    .actor = ex->last_said_from };
            break;
        }
    }
    if (ex->phase == TT_PHASE_ENDED && !stop->blocked) {
        stop->kind = TT_STOP_END;
        stop->at = ex->now;
    }
    tt_clock_jump(&ex->clock, ex->now, wall_ms);
    return 0;
}

static int control_record(tt_exercise *ex, tt_record_type type, double speed,
                          tt_error *err)
{
    tt_record r = { .type = type, .speed = speed };
    return ex_emit(ex, &r, err);
}

int tt_exercise_pause(tt_exercise *ex, int64_t wall_ms, tt_error *err)
{
    if (tt_exercise_tick(ex, wall_ms, err) != 0)
        return -1;
    return ex_do_pause(ex, wall_ms, err);
}

int ex_do_pause(tt_exercise *ex, int64_t wall_ms, tt_error *err)
{
    if (!tt_phase_step(&ex->phase, TT_GO_PAUSE))
        return 0; /* not running: nothing to pause */
    tt_clock_pause(&ex->clock, wall_ms);
    return control_record(ex, TT_REC_PAUSE, 0, err);
}

int tt_exercise_resume(tt_exercise *ex, int64_t wall_ms, tt_error *err)
{
    if (!tt_phase_step(&ex->phase, TT_GO_RESUME))
        return 0;
    /* Continue from the simulated time reached, whatever the wall clock did. */
    ex->clock.base_sim = ex->now;
    tt_clock_resume(&ex->clock, wall_ms);
    return control_record(ex, TT_REC_RESUME, 0, err);
}

int tt_exercise_set_speed(tt_exercise *ex, double speed, int64_t wall_ms,
                          tt_error *err)
{
    if (!(speed > 0) || speed > 1e6) {
        char num[64];
        tt_number_text(speed, tt_lang_messages(), num, sizeof num);
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_SPEED_POSITIVE_FMT), num);
        return -1;
    }
    if (tt_exercise_tick(ex, wall_ms, err) != 0)
        return -1;
    return ex_do_set_speed(ex, speed, wall_ms, err);
}

int ex_do_set_speed(tt_exercise *ex, double speed, int64_t wall_ms, tt_error *err)
{
    if (!(speed > 0) || speed > 1e6) {
        char num[64];
        tt_number_text(speed, tt_lang_messages(), num, sizeof num);
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_SPEED_POSITIVE_FMT), num);
        return -1;
    }
    tt_clock_set_speed(&ex->clock, speed, wall_ms);
    ex->cfg.speed = speed;
    return control_record(ex, TT_REC_SPEED, speed, err);
}

int ex_finish(tt_exercise *ex, const char *reason, tt_error *err)
{
    if (!tt_phase_step(&ex->phase, TT_GO_END))
        return 0;
    tt_record r = { .type = TT_REC_END, .status = reason };
    return ex_emit(ex, &r, err);
}

int tt_exercise_end(tt_exercise *ex, tt_error *err)
{
    if (ex->phase == TT_PHASE_READY) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_NOT_STARTED));
        return -1;
    }
    return ex_finish(ex, "facilitator", err);
}
