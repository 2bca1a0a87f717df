/* tabletop resume: continue an interrupted exercise (killed, hung up, left)
 * from its journal: same state, same pending events, the clock going on
 * from the last recorded time; live in the terminal or on the dashboard, or
 * headless with the rest of an action script. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "finish.h"
#include "frontend.h"
#include "journal_open.h"
#include "options.h"
#include "tabletop/exercise.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"
#include "tabletop/tty.h"

typedef struct resume_options {
    const char *journal_path;
    const char *script_path;
    const char *scenario_arg;
    const char *card_path;
    const char *db_path;
    bool has_speed, no_card;
    double speed;
    tt_lang lang;
    tt_ui_kind ui;
    tt_serve_options serve;
} resume_options;

static bool parse_options(int argc, char **argv, tt_cmdline *cl, resume_options *o)
{
    memset(o, 0, sizeof *o);
    const tt_opt opts[] = {
        { "script", 0, TT_OPT_PATH, &o->script_path, NULL, NULL },
        { "ui", 0, TT_OPT_UI, &o->ui, NULL, NULL },
        { "speed", 0, TT_OPT_SPEED, &o->speed, &o->has_speed, NULL },
        { "scenario", 0, TT_OPT_PATH, &o->scenario_arg, NULL, NULL },
        { "scorecard", 0, TT_OPT_CUSTOM, &o->card_path, NULL, tt_opt_card_path },
        { "no-scorecard", 0, TT_OPT_FLAG, &o->no_card, NULL, NULL },
        { "db", 0, TT_OPT_OUTPUT, &o->db_path, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &o->lang, NULL, NULL },
        { "serve", 0, TT_OPT_CUSTOM, &o->serve, NULL, tt_serve_parse },
        { "seats", 0, TT_OPT_PATH, &o->serve.seats_path, NULL, NULL },
        { "tls-cert", 0, TT_OPT_PATH, &o->serve.tls_cert, NULL, NULL },
        { "tls-key", 0, TT_OPT_PATH, &o->serve.tls_key, NULL, NULL },
        { "qr", 0, TT_OPT_FLAG, &o->serve.qr, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(cl, argc, argv, opts))
        return false;
    o->lang = cl->lang;
    o->journal_path = cl->args[0];
    if (o->card_path && tt_same_file(o->card_path, o->journal_path))
        return cl->status = tt_cmd_fail(cl, C_CARD_IS_JOURNAL_FMT_TEXT, o->card_path), false;
    o->serve.reuse_links = true;
    if ((o->serve.seats_path || o->serve.tls_cert || o->serve.tls_key || o->serve.qr) &&
        !o->serve.on)
        return cl->status = tt_cmd_fail(cl, C_SERVE_COMPANIONS_TEXT), false;
    if (!o->serve.tls_cert != !o->serve.tls_key)
        return cl->status = tt_cmd_fail(cl, C_TLS_PAIR_TEXT), false;
    if (o->serve.on && o->script_path)
        return cl->status = tt_cmd_fail(cl, C_RESUME_SERVE_SCRIPT_TEXT), false;
    if (o->ui == TT_UI_AUTO && o->serve.on)
        o->ui = isatty(STDIN_FILENO) ? TT_UI_TTY : TT_UI_NONE;
    if (o->ui == TT_UI_AUTO)
        o->ui = o->script_path && !o->has_speed ? TT_UI_NONE : TT_UI_TTY;
    if (o->ui == TT_UI_NONE && !o->script_path && o->has_speed && !o->serve.on)
        return cl->status = tt_cmd_fail(cl, C_RESUME_SPEED_NEEDS_SCRIPT_TEXT), false;
    /* The journal before the terminal: a missing journal is the fault to
     * name, whatever the drill would need next. */
    char why[256];
    int fd = tt_open_regular(o->journal_path, SIZE_MAX, why, sizeof why);
    if (fd < 0)
        return cl->status = tt_cmd_fail(cl, C_PATH_FAULT_FMT_TEXT, o->journal_path, why), false;
    close(fd);
    if (o->ui == TT_UI_TTY && !o->script_path && !isatty(STDIN_FILENO))
        return cl->status = tt_cmd_fail(cl, C_RESUME_NEEDS_TTY_TEXT), false;
    return true;
}

typedef struct resume_source {
    const resume_options *o;
    tt_script *script;
    const tt_journal *journal;
} resume_source;

/* The exercise as the journal left it, at the new speed when one is given.
 * Restoring re-runs the journal silently: records already journaled are
 * compared, not shown again. */
static tt_exercise *make_restored(void *ctx, tt_exercise_config *cfg, tt_error *err)
{
    const resume_source *src = ctx;
    tt_exercise *ex = tt_exercise_restore(src->script, src->journal, src->o->journal_path,
                                          cfg, err);
    if (!ex)
        return NULL;
    /* A headless journal has no live speed (0): going on live needs one. */
    bool live = src->o->ui != TT_UI_NONE || src->o->serve.on;
    double speed = src->o->has_speed                   ? src->o->speed
                 : live && tt_exercise_speed(ex) == 0 ? tt_live_speed(tt_exercise_scenario(ex))
                                                      : 0;
    if (speed > 0 && tt_exercise_set_speed(ex, speed, tt_wall_ms(), err) != 0) {
        tt_exercise_free(ex);
        return NULL;
    }
    if (src->o->ui == TT_UI_NONE && !src->o->serve.on) {
        char when[32];
        tt_ms_format(tt_exercise_now(ex), when, sizeof when);
        printf(TT_FMT(src->o->lang, C_RESUMED_AT_FMT), when);
    }
    return ex;
}

int tt_cmd_resume(int argc, char **argv)
{
    tt_cmdline cl = { .name = "resume", .usage_en = tt_term_text(C_RESUME_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_RESUME_USAGE, TT_LANG_JA), .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_JOURNAL), .extra = tt_term_pair(C_ONE_JOURNAL) };
    resume_options o;
    tt_journal j = { 0 };
    tt_script *script = NULL;
    tt_action_script answers;
    bool has_answers = false;
    tt_error err;
    tt_error_clear(&err);
    if (!parse_options(argc, argv, &cl, &o))
        return cl.status;
    int status = tt_open_journal_scenario("tabletop resume", o.journal_path, o.scenario_arg, o.lang,
                                          &j, &script);
    if (status != TT_EXIT_OK)
        return status;
    const tt_scenario *sc = tt_script_scenario(script);
    if (j.ended) {
        tt_error_set(&err, o.journal_path, 0, 0, "%s", tt_term_text(C_RESUME_ENDED, o.lang));
        status = tt_error_report(&err, "tabletop resume");
        goto out;
    }
    /* Check that the journal reproduces before touching it: restoring cuts a
     * torn tail and appends, which must not happen to a journal that was
     * edited or whose scenario changed. */
    tt_replay_result check;
    if (tt_exercise_replay(script, &j, &check, &err) != 0) {
        /* What names no file (the START's settings, its members) is the journal's. */
        if (!err.file[0])
            tt_term_safe(err.file, sizeof err.file, o.journal_path, strlen(o.journal_path), 0);
        status = tt_error_report(&err, "tabletop resume");
        goto out;
    }
    if (!check.identical) {
        fprintf(stderr, TT_FMT(o.lang, C_RESUME_NOT_REPRODUCED_FMT), o.journal_path);
        tt_term_fputs(check.diff, TT_TERM_KEEP_NEWLINES, stderr); /* journal text */
        fputc('\n', stderr);
        status = tt_exit_for(TT_ERR_INPUT); /* the journal was edited or its scenario changed */
        goto out;
    }
    size_t first_step = 0;
    if (o.script_path) {
        if (tt_action_script_load(o.script_path, sc, &answers, &err) != 0) {
            status = tt_error_report(&err, "tabletop resume");
            goto out;
        }
        has_answers = true;
        bool matched;
        first_step = tt_tty_script_steps_done(&answers, &j, &matched);
        if (!matched)
            fprintf(stderr, TT_FMT(o.lang, C_RESUME_STEPS_MISMATCH_FMT), o.script_path);
    }
    /* The team as journaled: names who acted, completes @member. */
    const tt_start_info *start = j.records[0].start;
    tt_roster team = { .team = start->team, .organisation = start->organisation,
                       .members = start->members,
                       .n_members = start->n_members };
    resume_source src = { &o, script, &j };
    tt_frontend_job job = {
        .ui = o.ui,
        .lang = o.lang,
        .sc = sc,
        .answers = has_answers ? &answers : NULL,
        .first_step = first_step,
        .roster = (start->team || start->n_members) ? &team : NULL,
        .journal_path = o.journal_path,
        .restored_from = &j,
        .cfg = { .lang = o.lang, .record_wall = o.ui != TT_UI_NONE || o.serve.on },
        .make = make_restored,
        .make_ctx = &src,
        .serve = &o.serve,
    };
    /* The drill's own run settings unless told otherwise: a resumed drill
     * lands in the history and card it started with (docs/journal.md). */
    bool told_card = o.card_path || o.no_card;
    const char *db = o.db_path ? o.db_path : start->db;
    const char *card = o.card_path ? o.card_path : told_card ? NULL : start->scorecard;
    bool no_card = told_card ? o.no_card : start->no_scorecard;
    job.cfg.run_db = db;
    job.cfg.run_scorecard = card;
    job.cfg.run_no_scorecard = no_card;
    bool ended = false;
    int rc = tt_frontend_run(&job, &ended, &err);
    status = tt_frontend_conclude("tabletop resume", rc, &err, ended, sc, o.journal_path,
                                  no_card, card, db, o.lang);
out:
    if (has_answers)
        tt_action_script_free(&answers);
    tt_journal_free(&j);
    tt_script_free(script);
    return status;
}
