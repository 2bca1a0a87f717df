/* The exercise engine on a small fixture scenario: injects, dynamics,
 * conditional injects, actions and refusals, actor replies, objectives and
 * the settled end, determinism, replay, tampering and restore. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli_util.h"

#include "tabletop/exercise.h"

typedef struct fixture {
    tt_script *script;
    char journal[64];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/exercise/fixtures/mini.lua", getenv("TT_SOURCE_DIR"));
    tt_error err;
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    f->script = tt_script_load(path, &limits, &err);
    if (!f->script)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    snprintf(f->journal, sizeof f->journal, "/tmp/tt-exercise-XXXXXX");
    int fd = mkstemp(f->journal);
    assert_true(fd >= 0);
    close(fd);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tt_script_free(f->script);
    unlink(f->journal);
    free(f);
    return 0;
}

typedef struct step {
    const char *at;
    const char *role;
    const char *action;
} step;

/* Run the fixture with `steps` headless up to `until` (or the end); the
 * journal stays open when `leave_open` (a simulated crash). */
static tt_exercise *run_steps(fixture *f, uint64_t seed, const step *steps, size_t n,
                              tt_ms until, tt_journal_writer **writer)
{
    tt_error err;
    tt_exercise_config cfg = { .seed = seed };
    cfg.journal = tt_journal_create(f->journal, false, &err);
    assert_non_null(cfg.journal);
    tt_exercise *ex = tt_exercise_new(f->script, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    for (size_t i = 0; i < n; i++) {
        tt_ms at;
        assert_true(tt_duration_parse(steps[i].at, &at, NULL, 0));
        if (at > until)
            break;
        assert_int_equal(tt_exercise_advance(ex, at, &err), 0);
        if (tt_exercise_phase(ex) == TT_PHASE_ENDED)
            break;
        assert_int_equal(tt_exercise_act(ex, steps[i].role, steps[i].action, NULL, NULL,
                                         NULL, &err), 0);
    }
    assert_int_equal(tt_exercise_advance(ex, until, &err), 0);
    *writer = cfg.journal;
    return ex;
}

static void read_journal(const char *path, tt_journal *j)
{
    tt_error err;
    if (tt_journal_read(path, j, &err) != 0)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
}

static const tt_record *find(const tt_journal *j, tt_record_type type, const char *id,
                             size_t nth)
{
    for (size_t i = 0; i < j->n_records; i++) {
        const tt_record *r = &j->records[i];
        if (r->type == type && (!id || (r->id && strcmp(r->id, id) == 0)) && nth-- == 0)
            return r;
    }
    return NULL;
}

static const step MODEL[] = {
    { "2m", "staff", "isolate" },
    { "3m", "staff", "ask_vendor" },
    { "8m", "staff", "tell_boss" },
};

static void model_run_reaches_everything_and_settles(void **state)
{
    fixture *f = *state;
    tt_journal_writer *w;
    tt_exercise *ex = run_steps(f, 7, MODEL, 3, TT_MS_NEVER, &w);
    const tt_objective_view *ov = tt_exercise_objectives(ex);
    const tt_scenario *sc = tt_exercise_scenario(ex);
    int contain = tt_scenario_objective(sc, "contain");
    int report = tt_scenario_objective(sc, "report");
    int recover = tt_scenario_objective(sc, "recover");
    assert_int_equal(ov[contain].status, TT_OBJECTIVE_REACHED);
    assert_int_equal(ov[contain].at, 7 * 60000);     /* 2m + takes 5m */
    assert_int_equal(ov[report].at, 10 * 60000);     /* 8m + 2m */
    assert_int_equal(ov[recover].at, 10 * 60000);    /* its `when` holds then */
    assert_int_equal(tt_exercise_phase(ex), TT_PHASE_ENDED);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(w, NULL), 0);

    tt_journal j;
    read_journal(f->journal, &j);
    assert_true(j.ended);
    const tt_record *end = find(&j, TT_REC_END, NULL, 0);
    assert_non_null(end);
    assert_string_equal(end->status, "settled");
    /* The alert fired at 0 with its question; damage stopped at isolation. */
    const tt_record *alert = find(&j, TT_REC_INJECT, "alert", 0);
    assert_non_null(alert);
    assert_int_equal(alert->t, 0);
    assert_int_equal(alert->n_questions, 1);
    assert_string_equal(alert->questions[0].en, "Whom do you call?");
    /* The vendor's reply is still on its way when the exercise settles at 10m
     * (delay 10-20m after 4m): no vendor message yet. */
    assert_null(find(&j, TT_REC_MESSAGE, NULL, 0));
    tt_journal_free(&j);
}

static void damage_grows_until_isolated_and_conditional_inject_fires_once(void **state)
{
    fixture *f = *state;
    tt_journal_writer *w;
    tt_exercise *ex = run_steps(f, 3, NULL, 0, TT_MS_NEVER, &w);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(w, NULL), 0);
    tt_journal j;
    read_journal(f->journal, &j);
    /* 120 minutes of 5..15 per minute. */
    double last = -1;
    tt_ms worse_at = TT_MS_NEVER;
    size_t worse_count = 0;
    for (size_t i = 0; i < j.n_records; i++) {
        const tt_record *r = &j.records[i];
        for (size_t k = 0; r->type == TT_REC_STATE && k < r->n_changes; k++)
            if (strcmp(r->changes[k].key, "damage") == 0) {
                double v = tt_value_number(&r->changes[k].value);
                assert_true(v > last);
                if (v >= 100 && worse_at == TT_MS_NEVER)
                    worse_at = r->t;
                last = v;
            }
        if (r->type == TT_REC_INJECT && strcmp(r->id, "worse") == 0) {
            worse_count++;
            assert_int_equal(r->t, worse_at); /* the same instant it held */
        }
    }
    assert_true(last >= 600 && last <= 1800);
    assert_int_equal(worse_count, 1);
    /* Nothing done: every objective missed at its limit. */
    const tt_record *missed = find(&j, TT_REC_OBJECTIVE, "contain", 0);
    assert_non_null(missed);
    assert_string_equal(missed->status, "missed");
    assert_int_equal(missed->t, 60 * 60000);
    assert_null(find(&j, TT_REC_OBJECTIVE, "contain", 1));
    tt_journal_free(&j);
}

static void refusals_are_journaled_with_reasons(void **state)
{
    fixture *f = *state;
    tt_error err;
    tt_exercise_config cfg = { .seed = 1 };
    cfg.journal = tt_journal_create(f->journal, false, &err);
    tt_exercise *ex = tt_exercise_new(f->script, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    bool refused = false;
    tt_text why;
    int tell = tt_scenario_action(tt_exercise_scenario(ex), "tell_boss");
    assert_false(tt_exercise_can_act(ex, "staff", tell, &why));
    assert_string_equal(why.en, "Isolate first.");
    assert_int_equal(tt_exercise_act(ex, "staff", "tell_boss", NULL, NULL, &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_act(ex, "boss", "isolate", NULL, NULL, &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_act(ex, "staff", "no_such", NULL, NULL, &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_act(ex, "staff", "isolate", "Sato", "go", &refused, &err), 0);
    assert_false(refused);
    /* In progress: a second try is refused. */
    assert_int_equal(tt_exercise_act(ex, "staff", "isolate", NULL, NULL, &refused, &err), 0);
    assert_true(refused);
    tt_pending pend[4];
    assert_int_equal(tt_exercise_pending(ex, pend, 4), 1);
    assert_true(pend[0].is_action);
    assert_string_equal(pend[0].id, "isolate");
    assert_int_equal(pend[0].at, 5 * 60000);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(cfg.journal, NULL), 0);

    tt_journal j;
    read_journal(f->journal, &j);
    const tt_record *r = find(&j, TT_REC_REFUSED, "tell_boss", 0);
    assert_non_null(r);
    assert_string_equal(r->text.ja, "先に隔離してください。");
    r = find(&j, TT_REC_REFUSED, "isolate", 0);
    assert_non_null(r);
    assert_string_equal(r->role, "boss");
    r = find(&j, TT_REC_ACTION, "isolate", 0);
    assert_non_null(r);
    assert_string_equal(r->member, "Sato");
    assert_string_equal(r->note, "go");
    assert_int_equal(r->until, 5 * 60000);
    tt_journal_free(&j);
}

static void actor_reply_depends_on_state_and_arrives_after_its_delay(void **state)
{
    fixture *f = *state;
    static const step ask_only[] = { { "1m", "staff", "ask_vendor" } };
    static const step isolate_then_ask[] = { { "0m", "staff", "isolate" },
                                             { "6m", "staff", "ask_vendor" } };
    for (int variant = 0; variant < 2; variant++) {
        tt_journal_writer *w;
        tt_exercise *ex = variant == 0 ? run_steps(f, 11, ask_only, 1, 40 * 60000, &w)
                                       : run_steps(f, 11, isolate_then_ask, 2, 40 * 60000, &w);
        tt_exercise_free(ex);
        assert_int_equal(tt_journal_close(w, NULL), 0);
        tt_journal j;
        read_journal(f->journal, &j);
        const tt_record *done = find(&j, TT_REC_DONE, "ask_vendor", 0);
        const tt_record *reply = find(&j, TT_REC_MESSAGE, NULL, 0);
        assert_non_null(done);
        assert_non_null(reply);
        assert_string_equal(reply->from, "vendor");
        assert_true(reply->t >= done->t + 10 * 60000 && reply->t <= done->t + 20 * 60000);
        assert_string_equal(reply->text.en, variant == 0 ? "It is still connected."
                                                         : "Good that it is isolated.");
        tt_journal_free(&j);
    }
}

static void same_seed_gives_byte_identical_journal(void **state)
{
    fixture *f = *state;
    char *runs[3];
    size_t lens[3];
    uint64_t seeds[3] = { 5, 5, 6 };
    for (int i = 0; i < 3; i++) {
        tt_journal_writer *w;
        tt_exercise *ex = run_steps(f, seeds[i], MODEL, 3, TT_MS_NEVER, &w);
        tt_exercise_free(ex);
        assert_int_equal(tt_journal_close(w, NULL), 0);
        runs[i] = cli_slurp_n(f->journal, &lens[i]);
    }
    assert_int_equal(lens[0], lens[1]);
    assert_memory_equal(runs[0], runs[1], lens[0]);
    assert_true(lens[0] != lens[2] || memcmp(runs[0], runs[2], lens[0]) != 0);
    for (int i = 0; i < 3; i++)
        free(runs[i]);
}

static void replay_reproduces_and_detects_tampering(void **state)
{
    fixture *f = *state;
    tt_journal_writer *w;
    tt_exercise *ex = run_steps(f, 9, MODEL, 3, TT_MS_NEVER, &w);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(w, NULL), 0);
    tt_journal j;
    read_journal(f->journal, &j);
    tt_replay_result res;
    tt_error err;
    assert_int_equal(tt_exercise_replay(f->script, &j, &res, &err), 0);
    assert_true(res.identical);
    assert_int_equal(res.records_compared, j.n_records);
    tt_journal_free(&j);

    /* Move the isolation one minute later in the file: the replay then
     * disagrees at the first state change after it. */
    size_t len;
    char *text = cli_slurp_n(f->journal, &len);
    char *at = strstr(text, "type: \"action\"");
    if (!at)
        at = strstr(text, "type: action");
    assert_non_null(at);
    char *t = strstr(at, "t: 120000");
    assert_non_null(t);
    memcpy(t, "t: 180000", 9);
    FILE *fp = fopen(f->journal, "wb");
    fwrite(text, 1, len, fp);
    fclose(fp);
    free(text);
    read_journal(f->journal, &j);
    assert_int_equal(tt_exercise_replay(f->script, &j, &res, &err), 0);
    assert_false(res.identical);
    assert_non_null(strstr(res.diff, "record"));
    tt_journal_free(&j);
}

static void restore_after_crash_reaches_the_same_outcome(void **state)
{
    fixture *f = *state;
    /* Uninterrupted reference. */
    tt_journal_writer *w;
    tt_exercise *ex = run_steps(f, 21, MODEL, 3, TT_MS_NEVER, &w);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(w, NULL), 0);
    tt_journal ref;
    read_journal(f->journal, &ref);

    for (tt_ms cut = 60000; cut <= 9 * 60000; cut += 90000) {
        /* Crash at `cut`: the writer is dropped without a clean close. */
        ex = run_steps(f, 21, MODEL, 3, cut, &w);
        tt_exercise_free(ex);
        assert_int_equal(tt_journal_close(w, NULL), 0);
        tt_journal part;
        read_journal(f->journal, &part);
        tt_error err;
        tt_exercise_config over = { 0 };
        tt_exercise *back = tt_exercise_restore(f->script, &part, f->journal, &over, &err);
        if (!back)
            fail_msg("restore at %lld: %s", (long long)cut, err.message);
        assert_int_equal(tt_exercise_phase(back), TT_PHASE_PAUSED);
        assert_int_equal(tt_exercise_resume(back, 0, &err), 0);
        for (size_t i = 0; i < 3; i++) {
            tt_ms at;
            tt_duration_parse(MODEL[i].at, &at, NULL, 0);
            if (at <= cut)
                continue; /* already in the journal */
            assert_int_equal(tt_exercise_advance(back, at, &err), 0);
            assert_int_equal(tt_exercise_act(back, MODEL[i].role, MODEL[i].action, NULL, NULL,
                                             NULL, &err), 0);
        }
        assert_int_equal(tt_exercise_advance(back, TT_MS_NEVER, &err), 0);
        tt_exercise_free(back);
        tt_journal_free(&part);
        tt_journal after;
        read_journal(f->journal, &after);
        /* Same objectives at the same times, same end. */
        const char *objs[] = { "contain", "report", "recover" };
        for (int o = 0; o < 3; o++) {
            const tt_record *a = find(&ref, TT_REC_OBJECTIVE, objs[o], 0);
            const tt_record *b = find(&after, TT_REC_OBJECTIVE, objs[o], 0);
            assert_non_null(a);
            assert_non_null(b);
            assert_string_equal(a->status, b->status);
            assert_int_equal(a->t, b->t);
        }
        assert_true(after.ended);
        tt_journal_free(&after);
    }
    tt_journal_free(&ref);
}

static void facilitator_controls_are_journaled(void **state)
{
    fixture *f = *state;
    tt_error err;
    tt_exercise_config cfg = { .seed = 1, .speed = 60 };
    cfg.journal = tt_journal_create(f->journal, false, &err);
    tt_exercise *ex = tt_exercise_new(f->script, &cfg, &err);
    assert_int_equal(tt_exercise_start(ex, 1000, &err), 0);
    assert_int_equal(tt_exercise_tick(ex, 2000, &err), 0);       /* 1 s wall = 1 min */
    assert_int_equal(tt_exercise_now(ex), 60000);
    assert_int_equal(tt_exercise_pause(ex, 3000, &err), 0);
    assert_int_equal(tt_exercise_now(ex), 120000);
    assert_int_equal(tt_exercise_tick(ex, 60000, &err), 0);      /* paused: no time passes */
    assert_int_equal(tt_exercise_now(ex), 120000);
    assert_int_equal(tt_exercise_resume(ex, 60000, &err), 0);
    assert_int_equal(tt_exercise_set_speed(ex, 120, 61000, &err), 0);
    assert_int_equal(tt_exercise_now(ex), 180000);
    tt_text custom = { "停電が発生。", "A power cut." };
    assert_int_equal(tt_exercise_custom_inject(ex, &custom, &err), 0);
    assert_int_equal(tt_exercise_note(ex, "boss", "Ito", "we wait", &err), 0);
    /* Skip lands on the next thing said (the spreading-damage inject or
     * the vendor's reply, whichever comes first), never past it. */
    assert_int_equal(tt_exercise_act(ex, "staff", "ask_vendor", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_skip_to_next(ex, 61000, false, NULL, &err), 0);
    tt_ms landed = tt_exercise_now(ex);
    assert_true(landed > 180000 && landed <= 180000 + 21 * 60000);
    assert_int_equal(tt_exercise_phase(ex), TT_PHASE_RUNNING);
    assert_int_equal(tt_exercise_end(ex, &err), 0);
    assert_int_equal(tt_exercise_phase(ex), TT_PHASE_ENDED);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(cfg.journal, NULL), 0);
    tt_journal j;
    read_journal(f->journal, &j);
    assert_non_null(find(&j, TT_REC_PAUSE, NULL, 0));
    assert_non_null(find(&j, TT_REC_RESUME, NULL, 0));
    const tt_record *sp = find(&j, TT_REC_SPEED, NULL, 0);
    assert_non_null(sp);
    assert_true(sp->speed == 120.0);
    const tt_record *c = find(&j, TT_REC_CUSTOM, NULL, 0);
    assert_non_null(c);
    assert_string_equal(c->text.ja, "停電が発生。");
    const tt_record *said = NULL;
    for (size_t i = 0; i < j.n_records && !said; i++)
        if ((j.records[i].type == TT_REC_INJECT || j.records[i].type == TT_REC_MESSAGE) &&
            j.records[i].t > 180000)
            said = &j.records[i];
    assert_non_null(said);
    assert_int_equal(said->t, landed);
    const tt_record *end = find(&j, TT_REC_END, NULL, 0);
    assert_int_equal(end->t, landed);
    assert_string_equal(end->status, "facilitator");
    /* And the whole drill replays identically. */
    tt_replay_result res;
    assert_int_equal(tt_exercise_replay(f->script, &j, &res, &err), 0);
    if (!res.identical)
        fail_msg("%s", res.diff);
    tt_journal_free(&j);
}

/* ctx.after(0, f) calling itself forever is stopped with a clear error,
 * not a hang or a journal that fills the disk. */
static void zero_delay_loop_is_stopped(void **state)
{
    fixture *f = *state;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/exercise/fixtures/loop.lua", getenv("TT_SOURCE_DIR"));
    tt_error err;
    tt_script *loop = tt_script_load(path, NULL, &err);
    if (!loop)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_exercise_config cfg = { .seed = 1 };
    tt_exercise *ex = tt_exercise_new(loop, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, TT_MS_NEVER, &err), -1);
    assert_non_null(strstr(err.message, "keep scheduling itself"));
    assert_int_equal(tt_exercise_now(ex), 10 * 60000);
    tt_exercise_free(ex);
    tt_script_free(loop);
    (void)f;
}


/* (1.1) An actor's question or refusal is an actor speaking: /next stops
 * there (it once ran on to the next target, past the question the team
 * had to answer). */
static void skip_stops_at_an_actors_question_and_refusal(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/authoring/fixtures/api11.lua", getenv("TT_SOURCE_DIR"));
    tt_error err;
    tt_script *s = tt_script_load(path, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    const tt_scenario *sc = tt_script_scenario(s);
    for (int contract = 1; contract >= 0; contract--) {
        tt_kv set = { .key = "contract", .value = { .type = TT_VAL_BOOL, .as.b = contract } };
        tt_exercise_config cfg = { .seed = 1, .settings = &set, .n_settings = 1 };
        tt_exercise *ex = tt_exercise_new(s, &cfg, &err);
        assert_non_null(ex);
        assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
        assert_int_equal(tt_exercise_act(ex, "manager", "call_vendor", NULL, NULL, NULL, &err), 0);
        tt_next_stop stop;
        assert_int_equal(tt_exercise_skip_to_next(ex, 0, false, &stop, &err), 0);
        assert_int_equal(stop.kind, TT_STOP_MESSAGE);
        assert_int_equal(stop.at, 10 * 60000); /* takes 10m: asked (contract) or declined */
        assert_int_equal(stop.actor, tt_scenario_actor(sc, "vendor"));
        char said[256];
        tt_next_stop_say(sc, &stop, TT_LANG_EN, said, sizeof said);
        assert_non_null(strstr(said, "Maintenance vendor"));
        tt_exercise_free(ex);
    }
    tt_script_free(s);
}

/* An action an actor asked about is still in progress while it waits for
 * the team's answer: the status lists (terminal /status, the browser
 * seats' and facilitator's "Actions in progress") showed nothing for it,
 * since it has no completion event queued, so a seat saw no action in
 * progress and no Cancel button for it. */
static void an_action_waiting_for_an_answer_is_pending(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/authoring/fixtures/api11.lua", getenv("TT_SOURCE_DIR"));
    tt_error err;
    tt_script *s = tt_script_load(path, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_kv set = { .key = "contract", .value = { .type = TT_VAL_BOOL, .as.b = true } };
    tt_exercise_config cfg = { .seed = 1, .settings = &set, .n_settings = 1 };
    tt_exercise *ex = tt_exercise_new(s, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    assert_int_equal(tt_exercise_act(ex, "manager", "call_vendor", NULL, NULL, NULL, &err), 0);
    tt_pending pend[16];
    size_t n = tt_exercise_pending(ex, pend, 16);
    bool found = false;
    for (size_t i = 0; i < n && i < 16; i++)
        if (pend[i].is_action && strcmp(pend[i].id, "call_vendor") == 0) {
            assert_false(pend[i].waiting);
            assert_int_equal(pend[i].at, 10 * 60000); /* takes 10m */
            found = true;
        }
    assert_true(found);
    assert_int_equal(tt_exercise_advance(ex, 15 * 60000, &err), 0);
    int call = tt_scenario_action(tt_exercise_scenario(ex), "call_vendor");
    assert_true(tt_exercise_action_waiting(ex, call));
    n = tt_exercise_pending(ex, pend, 16);
    found = false;
    for (size_t i = 0; i < n && i < 16; i++)
        if (pend[i].is_action && strcmp(pend[i].id, "call_vendor") == 0) {
            assert_true(pend[i].waiting);
            assert_int_equal(pend[i].at, 10 * 60000); /* asked then */
            assert_string_equal(pend[i].role, "manager");
            found = true;
        }
    assert_true(found);
    /* Counted (a NULL array asks for the count) as it is listed. */
    assert_int_equal(tt_exercise_pending(ex, NULL, 0), n);
    bool refused = true;
    assert_int_equal(tt_exercise_reply(ex, "manager", "call_vendor", NULL, "web01", &refused, &err), 0);
    assert_false(refused);
    assert_false(tt_exercise_action_waiting(ex, call));
    n = tt_exercise_pending(ex, pend, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        assert_false(pend[i].is_action && strcmp(pend[i].id, "call_vendor") == 0);
    tt_exercise_free(ex);
    tt_script_free(s);
}

/* Facilitator injects go to everyone, a role or one member of it; answers to
 * discussion questions are journaled with their question and replay. */
static void targeted_injects_and_answers_are_journaled_and_replayed(void **state)
{
    fixture *f = *state;
    tt_error err;
    tt_member members[] = { { "Sato", "staff" }, { "Ito", "boss" } };
    tt_roster roster = { .team = "Blue", .members = members, .n_members = 2 };
    tt_exercise_config cfg = { .seed = 3, .roster = &roster };
    cfg.journal = tt_journal_create(f->journal, false, &err);
    assert_non_null(cfg.journal);
    tt_exercise *ex = tt_exercise_new(f->script, &cfg, &err);
    assert_non_null(ex);
    bool refused = true;
    /* Before the inject is given, it cannot be answered. */
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, 60000, &err), 0);
    tt_text all = { "全員へ", "To all" }, staff = { "担当へ", "To staff" },
            ito = { "伊藤さんへ", "To Ito" };
    assert_int_equal(tt_exercise_inject_to(ex, &all, NULL, NULL, &refused, &err), 0);
    assert_false(refused);
    assert_int_equal(tt_exercise_inject_to(ex, &staff, "staff", NULL, &refused, &err), 0);
    assert_false(refused);
    assert_int_equal(tt_exercise_inject_to(ex, &ito, "boss", "Ito", &refused, &err), 0);
    assert_false(refused);
    /* Unknown role, a member not in that role, a member without a role. */
    assert_int_equal(tt_exercise_inject_to(ex, &all, "nobody", NULL, &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_inject_to(ex, &all, "staff", "Ito", &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_inject_to(ex, &all, NULL, "Ito", &refused, &err), 0);
    assert_true(refused);

    assert_int_equal(tt_exercise_answer(ex, "staff", "Sato", "alert", 0, "IT desk", &refused,
                                        &err), 0);
    assert_false(refused);
    /* No such question, an inject not given yet, an unknown inject, empty. */
    assert_int_equal(tt_exercise_answer(ex, "staff", NULL, "alert", 1, "x", &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_answer(ex, "staff", NULL, "worse", 0, "x", &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_answer(ex, "staff", NULL, "nope", 0, "x", &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_answer(ex, "staff", NULL, "alert", 0, "", &refused, &err), 0);
    assert_true(refused);
    assert_int_equal(tt_exercise_end(ex, &err), 0);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(cfg.journal, NULL), 0);

    tt_journal j;
    read_journal(f->journal, &j);
    const tt_record *c0 = find(&j, TT_REC_CUSTOM, NULL, 0);
    const tt_record *c1 = find(&j, TT_REC_CUSTOM, NULL, 1);
    const tt_record *c2 = find(&j, TT_REC_CUSTOM, NULL, 2);
    assert_non_null(c2);
    assert_null(find(&j, TT_REC_CUSTOM, NULL, 3));
    assert_null(c0->to);
    assert_string_equal(c1->to, "staff");
    assert_null(c1->member);
    assert_string_equal(c2->to, "boss");
    assert_string_equal(c2->member, "Ito");
    const tt_record *a = find(&j, TT_REC_ANSWER, "alert", 0);
    assert_non_null(a);
    assert_null(find(&j, TT_REC_ANSWER, NULL, 1));
    assert_string_equal(a->role, "staff");
    assert_string_equal(a->member, "Sato");
    assert_string_equal(a->note, "IT desk");
    assert_int_equal(a->n_questions, 1);
    assert_string_equal(a->questions[0].en, "Whom do you call?");
    assert_true(tt_record_is_input(a));

    tt_replay_result res;
    assert_int_equal(tt_exercise_replay(f->script, &j, &res, &err), 0);
    if (!res.identical)
        fail_msg("%s", res.diff);
    tt_journal_free(&j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(model_run_reaches_everything_and_settles, setup, teardown),
        cmocka_unit_test_setup_teardown(damage_grows_until_isolated_and_conditional_inject_fires_once, setup, teardown),
        cmocka_unit_test_setup_teardown(refusals_are_journaled_with_reasons, setup, teardown),
        cmocka_unit_test_setup_teardown(actor_reply_depends_on_state_and_arrives_after_its_delay, setup, teardown),
        cmocka_unit_test_setup_teardown(same_seed_gives_byte_identical_journal, setup, teardown),
        cmocka_unit_test_setup_teardown(replay_reproduces_and_detects_tampering, setup, teardown),
        cmocka_unit_test_setup_teardown(restore_after_crash_reaches_the_same_outcome, setup, teardown),
        cmocka_unit_test_setup_teardown(facilitator_controls_are_journaled, setup, teardown),
        cmocka_unit_test_setup_teardown(zero_delay_loop_is_stopped, setup, teardown),
        cmocka_unit_test(skip_stops_at_an_actors_question_and_refusal),
        cmocka_unit_test(an_action_waiting_for_an_answer_is_pending),
        cmocka_unit_test_setup_teardown(targeted_injects_and_answers_are_journaled_and_replayed, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
