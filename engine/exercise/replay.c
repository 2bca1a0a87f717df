/* Replay and resume: a journal's inputs are fed again, at their simulated
 * times, to a fresh exercise of the same scenario, seed, settings and roster.
 * Because the core is deterministic, every record the engine produces must
 * equal the journaled one; the first difference is reported. */
#include "tabletop/terms.h"
#include "events.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records are compared as their journal text, without what legitimately
 * differs between runs: wall-clock stamps, the date, the file path, the
 * version of the engine that wrote it; and
 * the scenario's content hash, which the commands compare first (an edited
 * file is a warning there, and what replay then asks is whether the
 * outcome still reproduces). */
static char *comparable_yaml(const tt_record *r, tt_error *err)
{
    tt_record copy = *r;
    tt_start_info start;
    copy.wall_ms = 0;
    if (r->start) {
        start = *r->start;
        start.date = NULL;
        start.engine = NULL;
        start.path = NULL;
        start.hash = NULL;
        /* How it was run (history, card) is not what happened in it. */
        start.db = NULL;
        start.scorecard = NULL;
        start.no_scorecard = false;
        copy.start = &start;
    }
    return tt_record_to_yaml(&copy, err);
}

int ex_expect(tt_exercise *ex, const tt_record *r, tt_error *err)
{
    size_t i = ex->expect_cursor++;
    const tt_record *want = &ex->expect->records[i];
    char *a = comparable_yaml(want, err);
    char *b = a ? comparable_yaml(r, err) : NULL;
    if (!a || !b) {
        free(a);
        free(b);
        return -1;
    }
    int rc = 0;
    if (strcmp(a, b) != 0) {
        char when[32];
        tt_ms_format(r->t, when, sizeof when);
        snprintf(ex->diff, sizeof ex->diff,
                 TT_MSG(E_REPLAY_DIFF_FMT),
                 i + 1, when, a, b);
        ex->diverged = true;
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_REPLAY_NOT_REPRODUCED_AT_FMT), i + 1);
        rc = -1;
    }
    free(a);
    free(b);
    return rc;
}

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* An answer names its question by text: find which of the inject's it is. */
static int feed_answer(tt_exercise *ex, const tt_record *r, tt_error *err)
{
    int index = r->id ? tt_scenario_inject(ex->sc, r->id) : -1;
    size_t q = 0;
    if (index >= 0 && r->n_questions == 1) {
        const tt_inject *in = &ex->sc->injects[index];
        for (q = 0; q < in->n_questions; q++)
            if (same_str(in->questions[q].ja, r->questions[0].ja) &&
                same_str(in->questions[q].en, r->questions[0].en))
                break;
    }
    return tt_exercise_answer(ex, r->role, r->member, r->id, index >= 0 ? q : SIZE_MAX,
                              r->note, NULL, err);
}

static int feed_input(tt_exercise *ex, const tt_record *r, tt_error *err)
{
    if (tt_exercise_advance(ex, r->t, err) != 0)
        return -1;
    if (ex->phase == TT_PHASE_ENDED)
        return 0; /* the replay ended earlier: the comparison will say so */
    switch (r->type) {
    case TT_REC_ACTION:
    case TT_REC_REFUSED:
        return tt_exercise_act(ex, r->role, r->id, r->member, r->note, NULL, err);
    case TT_REC_NOTE:
        return tt_exercise_note(ex, r->role, r->member, r->note, err);
    case TT_REC_CUSTOM:
        return tt_exercise_inject_to(ex, &r->text, r->to, r->member, NULL, err);
    case TT_REC_ANSWER:
        return feed_answer(ex, r, err);
    case TT_REC_CANCEL:
        return tt_exercise_cancel(ex, r->role, r->id, r->member, r->note, NULL, err);
    case TT_REC_REPLY:
        return tt_exercise_reply(ex, r->role, r->id, r->member, r->note, NULL, err);
    case TT_REC_PAUSE:
        return ex_do_pause(ex, 0, err);
    case TT_REC_RESUME:
        return tt_exercise_resume(ex, 0, err);
    case TT_REC_SPEED:
        return ex_do_set_speed(ex, r->speed, 0, err);
    case TT_REC_END:
        return tt_exercise_end(ex, err);
    default:
        return 0;
    }
}

/* An error of the journal's START (its settings, its members) that names no
 * file is the journal's. */
static void at_journal(tt_error *err, const char *journal_path)
{
    if (err && journal_path && !err->file[0])
        tt_term_safe(err->file, sizeof err->file, journal_path, strlen(journal_path), 0);
}

/* Build an exercise configured as the journal's START record says. */
static tt_exercise *exercise_for(tt_script *script, const tt_journal *j,
                                 tt_roster *roster, const tt_exercise_config *base,
                                 tt_error *err)
{
    if (j->n_records == 0 || j->records[0].type != TT_REC_START || !j->records[0].start) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_REPLAY_NO_START));
        return NULL;
    }
    const tt_start_info *s = j->records[0].start;
    const tt_scenario *sc = tt_script_scenario(script);
    if (!s->scenario || strcmp(s->scenario, sc->id) != 0) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_JOURNAL_OTHER_SCENARIO_FMT),
                     s->scenario ? s->scenario : "?", sc->id);
        return NULL;
    }
    memset(roster, 0, sizeof *roster);
    roster->team = s->team;
    roster->organisation = s->organisation;
    roster->members = s->members;
    roster->n_members = s->n_members;
    tt_exercise_config cfg = base ? *base : (tt_exercise_config){ 0 };
    cfg.seed = s->seed;
    cfg.speed = s->speed;
    tt_lang_parse(s->lang, &cfg.lang);
    cfg.roster = (s->team || s->organisation || s->n_members) ? roster : NULL;
    cfg.settings = s->settings;
    cfg.n_settings = s->n_settings;
    cfg.journal = NULL;
    tt_exercise *ex = tt_exercise_new(script, &cfg, err);
    if (!ex)
        return NULL;
    /* The journal's members, kept by the exercise (the journal outlives it). */
    ex->replay_roster = *roster;
    if (cfg.roster)
        ex->cfg.roster = &ex->replay_roster;
    ex->expect = j;
    return ex;
}

/* Feed every input; on return the cursor says how far the journal matched. */
static int feed_journal(tt_exercise *ex, const tt_journal *j, tt_error *err)
{
    if (tt_exercise_start(ex, 0, err) != 0)
        return -1;
    for (size_t i = 1; i < j->n_records; i++)
        if (tt_record_is_input(&j->records[i]) && feed_input(ex, &j->records[i], err) != 0)
            return -1;
    /* Produce what followed the last input up to the journal's last record. */
    return tt_exercise_advance(ex, j->records[j->n_records - 1].t, err);
}

int tt_exercise_replay(tt_script *script, const tt_journal *journal,
                       tt_replay_result *result, tt_error *err)
{
    memset(result, 0, sizeof *result);
    tt_roster roster;
    tt_exercise *ex = exercise_for(script, journal, &roster, NULL, err);
    if (!ex)
        return -1;
    tt_error run_err;
    tt_error_clear(&run_err);
    int rc = feed_journal(ex, journal, &run_err);
    /* The cursor moved past the record that differed: it did not match. */
    result->records_compared = ex->diverged && ex->expect_cursor ? ex->expect_cursor - 1
                                                                  : ex->expect_cursor;
    if (ex->diverged) {
        snprintf(result->diff, sizeof result->diff, "%s", ex->diff);
        rc = 0;
    } else if (rc != 0) {
        /* The journal was read and checked before: what fails while it is
         * played again (a callback, a limit) fails the run, as in `run`. */
        *err = run_err;
        if (err->cls == TT_ERR_INPUT)
            err->cls = TT_ERR_RUNTIME;
    } else if (ex->expect_cursor < journal->n_records) {
        const tt_record *next = &journal->records[ex->expect_cursor];
        char when[32];
        tt_ms_format(next->t, when, sizeof when);
        snprintf(result->diff, sizeof result->diff,
                 TT_MSG(E_REPLAY_MISSING_FMT),
                 ex->expect_cursor + 1, when, tt_record_type_name(next->type));
    } else {
        result->identical = true;
    }
    tt_exercise_free(ex);
    return rc;
}

tt_exercise *tt_exercise_restore(tt_script *script, const tt_journal *journal,
                                 const char *journal_path,
                                 const tt_exercise_config *overrides,
                                 tt_error *err)
{
    if (journal->ended) {
        tt_error_set(err, journal_path, 0, 0,
                     TT_MSG(E_REPLAY_ALREADY_ENDED));
        return NULL;
    }
    tt_roster roster;
    tt_exercise *ex = exercise_for(script, journal, &roster, overrides, err);
    if (!ex) {
        at_journal(err, journal_path);
        return NULL;
    }
    /* Open for appending first: a kill can fall between two records of one
     * instant, and re-running that instant must write the records the
     * journal lacks (those before its end are only compared). */
    ex->owned_journal = tt_journal_append(journal_path, true, err);
    if (!ex->owned_journal) {
        tt_exercise_free(ex);
        return NULL;
    }
    ex->cfg.journal = ex->owned_journal;
    if (feed_journal(ex, journal, err) != 0) {
        if (ex->diverged)
            tt_error_set(err, journal_path, 0, 0,
                         TT_MSG(E_RESTORE_NOT_REPRODUCED_FMT), ex->diff);
        else if (err->cls == TT_ERR_INPUT)
            err->cls = TT_ERR_RUNTIME; /* as in tt_exercise_replay */
        tt_exercise_free(ex);
        return NULL;
    }
    if (ex->expect_cursor < journal->n_records) {
        tt_error_set(err, journal_path, 0, 0,
                     TT_MSG(E_RESTORE_RECORD_MISSING_FMT),
                     ex->expect_cursor + 1);
        tt_exercise_free(ex);
        return NULL;
    }
    ex->expect = NULL;
    /* The interruption itself is recorded: the exercise continues paused. */
    if (ex->phase == TT_PHASE_RUNNING && ex_do_pause(ex, 0, err) != 0) {
        tt_exercise_free(ex);
        return NULL;
    }
    tt_clock_init(&ex->clock, ex->cfg.speed > 0 ? ex->cfg.speed : 1.0);
    ex->clock.base_sim = ex->now;
    return ex;
}
