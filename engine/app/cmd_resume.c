/* tabletop resume: continue an interrupted exercise (killed, hung up, left)
 * from its journal: same state, same pending events, the clock going on
 * from the last recorded time; live in the terminal or on the dashboard, or
 * headless with the rest of an action script. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "finish.h"
#include "frontend.h"
#include "journal_open.h"
#include "tabletop/exercise.h"
#include "tabletop/score.h"
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
} resume_options;

static void usage(FILE *out)
{
    fputs("usage: tabletop resume JOURNAL [options]\n"
          "\n"
          "Restores the exercise exactly as the journal left it (paused at its\n"
          "last recorded time) and goes on, appending to the same journal.\n"
          "\n"
          "  --script F.yaml     play the script's remaining steps; with --ui none (and no\n"
          "                      --speed) headless, as fast as possible\n"
          "  --ui none|tty|sdl   front-end (default: tty, or none with --script)\n"
          "  --speed X           simulated seconds per real second from now on\n"
          "  --scenario F        the scenario file (default: the one the journal names)\n"
          "  --scorecard F       scorecard (.html, .md or .json; default: beside the journal)\n"
          "  --no-scorecard      do not write a scorecard or record the drill history\n"
          "  --db F              drill-history database (default: XDG data directory)\n"
          "  --lang ja|en        language (default: from the locale)\n"
          "\n"
          "Exit codes: 0 ok, 1 runtime failure, 2 bad input.\n",
          out);
}

static int bad(const char *msg, const char *arg)
{
    fprintf(stderr, "tabletop resume: %s%s%s\n(see 'tabletop resume --help')\n", msg,
            arg ? " " : "", arg ? arg : "");
    return TT_EXIT_BADINPUT;
}

/* 0 ok, -1 help shown, else an exit code. */
static int parse_options(int argc, char **argv, resume_options *o)
{
    enum { O_SCRIPT = 256, O_UI, O_SPEED, O_SCENARIO, O_CARD, O_NOCARD, O_DB,
           O_LANG, O_HELP };
    static const struct option longs[] = {
        { "script", required_argument, NULL, O_SCRIPT },
        { "ui", required_argument, NULL, O_UI },
        { "speed", required_argument, NULL, O_SPEED },
        { "scenario", required_argument, NULL, O_SCENARIO },
        { "scorecard", required_argument, NULL, O_CARD },
        { "no-scorecard", no_argument, NULL, O_NOCARD },
        { "db", required_argument, NULL, O_DB },
        { "lang", required_argument, NULL, O_LANG },
        { "help", no_argument, NULL, O_HELP },
        { NULL, 0, NULL, 0 },
    };
    memset(o, 0, sizeof *o);
    o->lang = tt_lang_from_env();
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
        switch (c) {
        case O_SCRIPT: o->script_path = optarg; break;
        case O_SCENARIO: o->scenario_arg = optarg; break;
        case O_CARD: {
            char why[1200];
            if (!tt_card_path_usable(optarg, why, sizeof why))
                return bad(why, NULL);
            o->card_path = optarg;
            break;
        }
        case O_NOCARD: o->no_card = true; break;
        case O_DB: o->db_path = optarg; break;
        case O_UI:
            if (!tt_ui_parse(optarg, &o->ui))
                return bad("--ui must be none, tty or sdl, not", optarg);
            break;
        case O_SPEED:
            if (!tt_speed_parse(optarg, &o->speed))
                return bad("--speed must be a number above 0 and at most 1000000, not",
                           optarg);
            o->has_speed = true;
            break;
        case O_LANG:
            if (!tt_lang_parse(optarg, &o->lang))
                return bad("--lang must be ja or en, not", optarg);
            break;
        case O_HELP:
        case 'h':
            usage(stdout);
            return -1;
        default:
            return bad("unknown or incomplete option", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        return bad(optind >= argc ? "which journal? give one file" : "give exactly one journal",
                   NULL);
    o->journal_path = argv[optind];
    if (o->ui == TT_UI_AUTO)
        o->ui = o->script_path && !o->has_speed ? TT_UI_NONE : TT_UI_TTY;
    if (o->ui == TT_UI_NONE && !o->script_path && o->has_speed)
        return bad("--speed with --ui none needs --script", NULL);
    if (o->ui == TT_UI_TTY && !o->script_path && !isatty(STDIN_FILENO))
        return bad("a live drill needs a terminal: run it in one, use --ui sdl, "
                   "or give --script F --ui none", NULL);
    return 0;
}

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
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
    bool live = src->o->ui != TT_UI_NONE;
    double speed = src->o->has_speed                   ? src->o->speed
                 : live && tt_exercise_speed(ex) == 0 ? tt_live_speed(tt_exercise_scenario(ex))
                                                      : 0;
    if (speed > 0 && tt_exercise_set_speed(ex, speed, wall_ms(), err) != 0) {
        tt_exercise_free(ex);
        return NULL;
    }
    if (src->o->ui == TT_UI_NONE) {
        char when[32];
        tt_ms_format(tt_exercise_now(ex), when, sizeof when);
        printf(src->o->lang == TT_LANG_JA ? "%s から再開\n" : "resumed at %s\n", when);
    }
    return ex;
}

int tt_cmd_resume(int argc, char **argv)
{
    resume_options o;
    int prc = parse_options(argc, argv, &o);
    if (prc != 0)
        return prc < 0 ? TT_EXIT_OK : prc;
    tt_journal j;
    tt_script *script;
    int status = tt_open_journal_scenario("tabletop resume", o.journal_path,
                                          o.scenario_arg, &j, &script);
    if (status != TT_EXIT_OK)
        return status;
    const tt_scenario *sc = tt_script_scenario(script);
    tt_error err;
    tt_error_clear(&err);
    if (j.ended) {
        fprintf(stderr, "tabletop resume: %s: this exercise has already ended; "
                        "use 'tabletop score' or 'tabletop replay'\n", o.journal_path);
        tt_journal_free(&j);
        tt_script_free(script);
        return TT_EXIT_BADINPUT;
    }
    /* Check that the journal reproduces before touching it: restoring cuts a
     * torn tail and appends, which must not happen to a journal that was
     * edited or whose scenario changed. */
    tt_replay_result check;
    if (tt_exercise_replay(script, &j, &check, &err) != 0 || !check.identical) {
        if (check.diff[0])
            fprintf(stderr, "tabletop resume: %s does not reproduce, so it cannot be "
                            "resumed:\n%s\n", o.journal_path, check.diff);
        else
            tt_error_print(&err, "tabletop resume");
        tt_journal_free(&j);
        tt_script_free(script);
        return TT_EXIT_BADINPUT;
    }
    tt_action_script answers;
    bool has_answers = false;
    size_t first_step = 0;
    if (o.script_path) {
        if (tt_action_script_load(o.script_path, sc, &answers, &err) != 0) {
            tt_error_print(&err, "tabletop resume");
            tt_journal_free(&j);
            tt_script_free(script);
            return TT_EXIT_BADINPUT;
        }
        has_answers = true;
        bool matched;
        first_step = tt_tty_script_steps_done(&answers, &j, &matched);
        if (!matched)
            fprintf(stderr, "tabletop resume: the journal's inputs are not the first steps "
                            "of %s; playing its steps after the journal's last time\n",
                    o.script_path);
    }
    /* The team as journaled: names who acted, completes @member. */
    const tt_start_info *start = j.records[0].start;
    tt_roster team = { .team = start->team, .members = start->members,
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
        .cfg = { .lang = o.lang, .record_wall = o.ui != TT_UI_NONE },
        .make = make_restored,
        .make_ctx = &src,
    };
    bool ended = false;
    int rc = tt_frontend_run(&job, &ended, &err);
    status = tt_frontend_conclude("tabletop resume", rc, &err, ended, sc, o.journal_path,
                                  o.no_card, o.card_path, o.db_path, o.lang);
    if (has_answers)
        tt_action_script_free(&answers);
    tt_journal_free(&j);
    tt_script_free(script);
    return status;
}
