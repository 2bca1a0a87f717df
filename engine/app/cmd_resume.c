/* tabletop resume: continue an interrupted exercise (killed, hung up, left)
 * from its journal: same state, same pending events, the clock going on
 * from the last recorded time; live in the terminal or on the dashboard, or
 * headless with the rest of an action script. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "finish.h"
#include "journal_open.h"
#include "timeline.h"
#include "tabletop/dashboard.h"
#include "tabletop/exercise.h"
#include "tabletop/tty.h"

typedef enum { UI_AUTO, UI_NONE, UI_TTY, UI_SDL } ui_kind;

typedef struct resume_options {
    const char *journal_path;
    const char *script_path;
    const char *scenario_arg;
    const char *card_path;
    const char *db_path;
    bool has_speed, no_card;
    double speed;
    tt_lang lang;
    ui_kind ui;
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
        char *end = NULL;
        switch (c) {
        case O_SCRIPT: o->script_path = optarg; break;
        case O_SCENARIO: o->scenario_arg = optarg; break;
        case O_CARD: o->card_path = optarg; break;
        case O_NOCARD: o->no_card = true; break;
        case O_DB: o->db_path = optarg; break;
        case O_UI:
            if (strcmp(optarg, "none") == 0) o->ui = UI_NONE;
            else if (strcmp(optarg, "tty") == 0) o->ui = UI_TTY;
            else if (strcmp(optarg, "sdl") == 0) o->ui = UI_SDL;
            else return bad("--ui must be none, tty or sdl, not", optarg);
            break;
        case O_SPEED:
            errno = 0;
            o->speed = strtod(optarg, &end);
            if (errno || end == optarg || *end || !(o->speed > 0) || o->speed > 1e6)
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
    if (o->ui == UI_AUTO)
        o->ui = o->script_path && !o->has_speed ? UI_NONE : UI_TTY;
    if (o->ui == UI_NONE && !o->script_path && o->has_speed)
        return bad("--speed with --ui none needs --script", NULL);
    if (o->ui == UI_TTY && !o->script_path && !isatty(STDIN_FILENO))
        return bad("a live drill needs a terminal: run it in one, use --ui sdl, "
                   "or give --script F --ui none", NULL);
    return 0;
}

/* The headless timeline, silent while the journal's history is re-run. */
typedef struct quiet_timeline {
    bool on;
    tt_timeline tl;
} quiet_timeline;

static void quiet_timeline_sink(void *user, const tt_record *r)
{
    quiet_timeline *q = user;
    if (q->on)
        tt_timeline_sink(&q->tl, r);
}

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

typedef struct resume_run {
    const resume_options *o;
    tt_script *script;
    const tt_journal *journal;
    const tt_action_script *answers;   /* may be NULL */
    size_t first_step;
} resume_run;

static tt_exercise *restore(const resume_run *r, tt_exercise_config *cfg, tt_error *err)
{
    tt_exercise *ex = tt_exercise_restore(r->script, r->journal, r->o->journal_path,
                                          cfg, err);
    if (ex && r->o->has_speed &&
        tt_exercise_set_speed(ex, r->o->speed, wall_ms(), err) != 0) {
        tt_exercise_free(ex);
        return NULL;
    }
    return ex;
}

static int drive_headless(const resume_run *r, bool *ended, tt_error *err)
{
    const tt_scenario *sc = tt_script_scenario(r->script);
    quiet_timeline q = { false, { stdout, sc, r->o->lang } };
    tt_exercise_config cfg = { .lang = r->o->lang, .sink = quiet_timeline_sink,
                               .sink_user = &q };
    tt_exercise *ex = restore(r, &cfg, err);
    if (!ex)
        return -1;
    q.on = true;
    char when[32];
    tt_ms_format(tt_exercise_now(ex), when, sizeof when);
    printf(r->o->lang == TT_LANG_JA ? "%s から再開\n" : "resumed at %s\n", when);
    int rc = r->answers ? tt_exercise_play(ex, r->answers, r->first_step, err)
                        : tt_exercise_advance(ex, sc->length, err);
    if (rc == 0) {
        tt_timeline_summary(stdout, ex, r->o->lang);
        *ended = tt_exercise_phase(ex) == TT_PHASE_ENDED;
    }
    tt_exercise_free(ex);
    return rc;
}

static int drive_sdl(const resume_run *r, bool *ended, tt_error *err)
{
    tt_dashboard_feed *feed = tt_dashboard_feed_new();
    if (!feed) {
        tt_error_set(err, NULL, 0, 0, "out of memory");
        return -1;
    }
    tt_exercise_config cfg = { .lang = r->o->lang, .record_wall = true,
                               .sink = tt_dashboard_feed_sink, .sink_user = feed };
    tt_exercise *ex = restore(r, &cfg, err);
    int rc = -1;
    if (ex) {
        tt_dashboard_options dopt;
        tt_dashboard_options_default(&dopt);
        dopt.lang = r->o->lang;
        rc = tt_dashboard_drive(ex, feed, &dopt, err);
        *ended = rc == 0 && tt_exercise_phase(ex) == TT_PHASE_ENDED;
    }
    tt_exercise_free(ex);
    tt_dashboard_feed_free(feed);
    return rc;
}

static int drive_tty(const resume_run *r, bool *ended, tt_error *err)
{
    tt_tty_options topt;
    tt_tty_options_default(&topt);
    topt.lang = r->o->lang;
    topt.script = r->answers;
    topt.script_from = r->first_step;
    topt.journal_path = r->o->journal_path;
    topt.scenario = tt_script_scenario(r->script);
    /* The team as journaled: names who acted, completes @member. */
    const tt_start_info *start = r->journal->records[0].start;
    tt_roster team = { .team = start->team, .members = start->members,
                       .n_members = start->n_members };
    if (start->team || start->n_members)
        topt.roster = &team;
    if (!isatty(STDIN_FILENO))
        topt.in_fd = -1;
    tt_tty *tty = tt_tty_new(&topt, err);
    if (!tty)
        return -1;
    tt_exercise_config cfg = { .lang = r->o->lang, .record_wall = true,
                               .sink = tt_tty_sink, .sink_user = tty };
    tt_exercise *ex = restore(r, &cfg, err);
    tt_tty_outcome outcome = TT_TTY_LEFT;
    int rc = -1;
    if (ex)
        rc = tt_tty_drive(tty, ex, &outcome, err);
    *ended = rc == 0 && outcome == TT_TTY_ENDED;
    tt_exercise_free(ex);
    tt_tty_free(tty);
    return rc;
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
    tt_action_script answers;
    bool has_answers = false;
    resume_run run = { &o, script, &j, NULL, 0 };
    if (o.script_path) {
        if (tt_action_script_load(o.script_path, sc, &answers, &err) != 0) {
            tt_error_print(&err, "tabletop resume");
            tt_journal_free(&j);
            tt_script_free(script);
            return TT_EXIT_BADINPUT;
        }
        has_answers = true;
        bool matched;
        run.answers = &answers;
        run.first_step = tt_tty_script_steps_done(&answers, &j, &matched);
        if (!matched)
            fprintf(stderr, "tabletop resume: the journal's inputs are not the first steps "
                            "of %s; playing its steps after the journal's last time\n",
                    o.script_path);
    }
    bool ended = false;
    int rc = o.ui == UI_NONE ? drive_headless(&run, &ended, &err)
           : o.ui == UI_SDL  ? drive_sdl(&run, &ended, &err)
                             : drive_tty(&run, &ended, &err);
    if (rc != 0) {
        tt_error_print(&err, "tabletop resume");
        fprintf(stderr, "tabletop resume: the journal so far is in %s\n", o.journal_path);
        status = TT_EXIT_RUNTIME;
    } else if (!ended) {
        printf(o.lang == TT_LANG_JA ? "演習は終了していません。続けるには:\n  tabletop resume %s\n"
                                    : "The exercise is not finished. Continue it with:\n"
                                      "  tabletop resume %s\n",
               o.journal_path);
    } else if (!o.no_card) {
        status = tt_finish_exercise(sc, o.journal_path, o.card_path, o.db_path, o.lang,
                                    stdout);
    } else {
        printf("journal:   %s\n", o.journal_path);
    }
    if (has_answers)
        tt_action_script_free(&answers);
    tt_journal_free(&j);
    tt_script_free(script);
    return status;
}
