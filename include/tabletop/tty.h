/* The terminal front-end: a live drill at the facilitator's keyboard.
 * Events are printed above a readline prompt as the exercise writes them
 * (journal first, then this sink); the facilitator pauses, resumes, changes
 * speed, skips to the next inject, adds injects and ends the exercise;
 * participants' actions are picked from a menu grouped by role. An action
 * script can also be played in real time (rehearsal / demo).
 * Reference for facilitators: docs/drills.md. */
#ifndef TABLETOP_TTY_H
#define TABLETOP_TTY_H

#include "tabletop/exercise.h"
#include "tabletop/inputs.h"
#include "tabletop/journal.h"
#include "tabletop/module.h"

typedef struct tt_tty_options {
    tt_lang lang;
    const tt_action_script *script;  /* may be NULL: steps played in real time */
    size_t script_from;              /* first step to play (resume skips done ones) */
    const tt_roster *roster;         /* may be NULL: names members who acted */
    int in_fd;                       /* facilitator's keyboard; -1 = none */
    int out_fd;                      /* where events are shown */
    const char *journal_path;        /* shown in the "resume with" hint; may be NULL */
    tt_input_pump extra;             /* optional (pump NULL): e.g. the web seats */
    const tt_scenario *scenario;     /* optional: lets records that arrive before
                                        tt_tty_drive (a restore finishing the
                                        interrupted instant) be shown then */
} tt_tty_options;

/* Defaults: language from the locale, stdin/stdout, nothing else. */
void tt_tty_options_default(tt_tty_options *o);

typedef enum tt_tty_outcome {
    TT_TTY_ENDED,   /* the exercise ended: the caller writes the scorecard */
    TT_TTY_LEFT     /* quit, hang-up or end of input: the journal is resumable */
} tt_tty_outcome;

typedef struct tt_tty tt_tty;

/* NULL with err on failure. The options are copied (pointers borrowed). */
tt_tty *tt_tty_new(const tt_tty_options *o, tt_error *err);
void tt_tty_free(tt_tty *t);

/* Record sink to put in tt_exercise_config (sink = tt_tty_sink,
 * sink_user = the tty) before tt_exercise_new / tt_exercise_restore. */
void tt_tty_sink(void *tty, const tt_record *r);

/* Run the drill until it ends or is left. Starts the exercise when it is
 * still ready; a restored (paused) exercise stays paused until the
 * facilitator resumes it, unless an action script drives it.
 * SIGINT pauses and asks before quitting; SIGHUP, SIGTERM and end of input
 * leave the journal resumable. 0 ok (see *outcome), -1 with err. */
int tt_tty_drive(tt_tty *t, tt_exercise *ex, tt_tty_outcome *outcome,
                 tt_error *err);

/* Print a line through the drill's output (e.g. "Scorecard: card.html"). */
void tt_tty_say(tt_tty *t, const char *line);

/* The drill itself (drive.c, the only user of readline) is tty.so, the
 * module the program loads only for a live terminal drill
 * (include/tabletop/module.h); a headless run or a scorecard maps no
 * readline. Tests link tt_tty and call the functions above directly. */
typedef struct tt_tty_api {
    tt_module_head head;
    tt_tty *(*tty_new)(const tt_tty_options *o, tt_error *err);
    void (*tty_free)(tt_tty *t);
    void (*sink)(void *tty, const tt_record *r);
    int (*drive)(tt_tty *t, tt_exercise *ex, tt_tty_outcome *outcome, tt_error *err);
} tt_tty_api;

static inline const tt_tty_api *tt_tty_module(tt_lang lang, tt_error *err)
{
    return tt_module_api(TT_MODULE_TTY, sizeof(tt_tty_api), lang, err);
}

/* Clock speed that fits a scenario of `length` into a session of about
 * 90 minutes (never below 1: real time). */
double tt_tty_default_speed(tt_ms length);

/* One record as the drill shows it (several lines for injects with
 * questions); NULL for records the drill does not show (state diffs) or on
 * out of memory. The caller frees. Used by `tabletop replay --ui tty`. */
char *tt_tty_format_record(const tt_scenario *sc, const tt_record *r,
                           tt_lang lang);

/* Script steps already played in a journal: the journal's ACTION, REFUSED
 * and NOTE records, matched in order against the script's steps. When they
 * do not match, the steps at or before the journal's last time are counted
 * instead and *matched is false. */
size_t tt_tty_script_steps_done(const tt_action_script *s, const tt_journal *j,
                                bool *matched);

#endif
