/* Private pieces of the terminal front-end, shared by engine/ui/tty files. */
#ifndef TABLETOP_TTY_INTERNAL_H
#define TABLETOP_TTY_INTERNAL_H

/* /speed during a drill: a typo of 1000000 would end an 8-hour drill in a
 * blink; /next is the way over long waits. */
#define TTY_SPEED_MIN 0.1
#define TTY_SPEED_MAX 10000.0

#include <stdarg.h>
#include "tabletop/tty.h"
#include "tabletop/terms.h"

/* ---- Bilingual user-visible strings ---- */
typedef tt_term tty_msg_id;

const char *tty_msg(tty_msg_id id, tt_lang lang);

/* Display names: a role's or actor's name in `lang`, else the id itself. */
const char *tty_party_name(const tt_scenario *sc, const char *id, tt_lang lang);
const char *tty_action_label(const tt_scenario *sc, const char *id, tt_lang lang);
const char *tty_objective_title(const tt_scenario *sc, const char *id,
                                tt_lang lang);

/* Text broken to a terminal `cols` cells wide (tt_wrap_next: between
 * words, CJK anywhere), each line's continuation keeping its indent; the
 * text's own newlines kept. malloc'd; NULL when out of memory. */
char *tty_fit_width(const char *text, long cols);

/* ---- Menu of every action, numbered for the whole drill ----
 * One entry per (role, action) pair the scenario allows, in the order of
 * the stable numbers (tt_action_number: entry i has number i + 1), with
 * whether it is available now and why not. */
typedef struct tty_choice {
    int role;          /* index in sc->roles */
    int action;        /* index in sc->actions */
    bool available;
    char *why_ja, *why_en;   /* owned; the reason when not available */
} tty_choice;

typedef struct tty_menu {
    tty_choice *items;
    size_t n, cap;
} tty_menu;

/* Rebuild the menu: every pair with its availability now. */
int tty_menu_build(tty_menu *m, tt_exercise *ex);
void tty_menu_free(tty_menu *m);
/* The available entries by role (all = also the others, with the reason). */
void tty_menu_format(const tty_menu *m, const tt_scenario *sc, tt_lang lang, bool all,
                     tt_buf *out);
/* Entries available in `now` that were not in `before`, as one line
 * ("Now available: 4 restore, ..."); nothing when none. */
void tty_menu_format_new(const tty_menu *before, const tty_menu *now,
                         const tt_scenario *sc, tt_lang lang, tt_buf *out);

/* What a typed line asks for. */
typedef enum tty_cmd_kind {
    CMD_NONE,       /* empty line */
    CMD_ACTION,     /* role/action/member/note filled */
    CMD_MENU, CMD_MENU_ALL, CMD_STATUS, CMD_PAUSE, CMD_RESUME, CMD_SPEED, CMD_NEXT,
    CMD_INJECT, CMD_NOTE, CMD_END, CMD_QUIT, CMD_HELP,
    CMD_CANCEL,     /* API 1.1: role/action of the stable number, note */
    CMD_REPLY,      /* API 1.1: role/action of the stable number, text */
    CMD_ERROR       /* message filled */
} tty_cmd_kind;

typedef struct tty_cmd {
    tty_cmd_kind kind;
    int role, action;          /* CMD_ACTION; role also for CMD_NOTE */
    char member[128];          /* "@Name" given, else empty */
    char text[16384];          /* note, inject text, or error message */
    double speed;              /* CMD_SPEED */
} tty_cmd;

/* Parse one line: "3 [note]", "[role] action [@member] [note]",
 * or a facilitator command ("/pause", "/speed 2", "/inject text", ...). */
void tty_parse_line(const char *line, const tty_menu *m, const tt_scenario *sc,
                    const tt_roster *roster, tt_lang lang, tty_cmd *out);

/* Facilitator command names (for completion), NULL-terminated. */
extern const char *const tty_command_names[];

/* ---- Status view ---- */
int tty_status_format(tt_exercise *ex, tt_lang lang, tt_buf *out,
                      tt_error *err);
/* The result of an ended drill as the card gives it (tt_score_ended_now):
 * score, rating, each objective's verdict (N/A: not assessed). -1 when out
 * of memory. */
int tty_result_format(tt_exercise *ex, tt_lang lang, tt_buf *out);

#endif
