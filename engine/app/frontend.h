/* Driving an exercise on a front-end — headless timeline, terminal drill or
 * SDL dashboard — and concluding it (scorecard or resume hint). Shared by
 * `tabletop run` (a new exercise) and `tabletop resume` (a restored one). */
#ifndef TABLETOP_APP_FRONTEND_H
#define TABLETOP_APP_FRONTEND_H

#include "tabletop/exercise.h"

typedef enum tt_ui_kind { TT_UI_AUTO, TT_UI_NONE, TT_UI_TTY, TT_UI_SDL } tt_ui_kind;

/* "none" | "tty" | "sdl". */
bool tt_ui_parse(const char *text, tt_ui_kind *out);
/* A clock speed: a number above 0, at most 1e6. */
bool tt_speed_parse(const char *text, double *out);

/* The live clock speed when none is given: the scenario's recommendation,
 * else one that fits its length into about 90 minutes. */
double tt_live_speed(const tt_scenario *sc);

/* --serve [ADDR:]PORT and its companions: browser seats beside the
 * front-end (engine/ui/web). */
typedef struct tt_serve_options {
    bool on;
    char addr[256];                    /* default 127.0.0.1 */
    int port;
    const char *seats_path;            /* --seats F.json */
    const char *tls_cert, *tls_key;
    bool reuse_links;                  /* resume: the links of the interrupted run */
    bool qr;                           /* --qr: a QR code per link, on the terminal and
                                          shown by the dashboard from the start */
} tt_serve_options;

/* Option parser (tt_opt custom kind) for --serve [ADDR:]PORT; [::1]:8080 for IPv6. */
bool tt_serve_parse(const char *arg, void *dest, char *why, size_t why_size);

/* Creates the exercise once the front-end has put its sink into cfg:
 * tt_exercise_new for a new exercise, tt_exercise_restore for a resumed one. */
typedef tt_exercise *(*tt_exercise_maker)(void *ctx, tt_exercise_config *cfg,
                                          tt_error *err);

typedef struct tt_frontend_job {
    tt_ui_kind ui;                     /* NONE, TTY or SDL */
    tt_lang lang;
    const tt_scenario *sc;
    const tt_action_script *answers;   /* may be NULL */
    size_t first_step;                 /* first step of answers to play */
    const tt_roster *roster;           /* may be NULL */
    const char *journal_path;          /* for the resume hint */
    const tt_journal *restored_from;   /* resume: the journal so far (its records
                                          are shown; the restore re-runs them silently) */
    const tt_serve_options *serve;     /* may be NULL: no browser seats */
    tt_exercise_config cfg;            /* everything but the sink */
    tt_exercise_maker make;
    void *make_ctx;
} tt_frontend_job;

/* Run the exercise to its end (or until the facilitator leaves). *ended
 * tells whether it finished. 0 ok, -1 with err (a runtime failure: see
 * tt_error_of_the_run). */
int tt_frontend_run(tt_frontend_job *job, bool *ended, tt_error *err);

/* A failure once the exercise runs is the run's (exit 1), whatever module
 * reports it: a scenario's callback failing or passing its limits, the
 * journal, the front-end. The command line, the scenario's load, the
 * settings, roster and script were all checked before the exercise
 * started; what the scenario module calls its input's fault is, by then, a
 * failure of the run (tests/cli/test_cli_safety.c: hostile scenarios exit 1). */
void tt_error_of_the_run(tt_error *err);

/* After tt_frontend_run and the journal's close: print the error, the
 * resume hint, or write the scorecard (unless no_card). Returns the exit
 * code (of err's class when rc is not 0). */
int tt_frontend_conclude(const char *cmd, int rc, const tt_error *err, bool ended,
                         const tt_scenario *sc, const char *journal_path,
                         bool no_card, const char *card_path, const char *db_path,
                         tt_lang lang);

#endif
