/* The command line of every tabletop command: a table of typed options,
 * one parser, one bilingual failure message and one help convention
 * (curl's tool_getparam table, git's parse_options).
 *
 * A command lists what it accepts and parses once:
 *
 *     int tt_cmd_show(int argc, char **argv)
 *     {
 *         tt_cmdline cl = { .name = "show", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
 *                           .min_args = 1, .max_args = 1,
 *                           .missing = { "記録ファイルを1つ指定してください", "which journal? give one file" } };
 *         const char *db = NULL;
 *         tt_ms at = 0;
 *         bool has_at = false;
 *         const tt_opt opts[] = {
 *             { "db", 0, TT_OPT_PATH, &db },
 *             { "at", 0, TT_OPT_DURATION, &at, &has_at },
 *             { "lang", 0, TT_OPT_LANG, &cl.lang },
 *             { 0 },
 *         };
 *         if (!tt_opts_parse(&cl, argc, argv, opts))
 *             return cl.status;          // help shown (0) or bad command line (2)
 *         ... cl.args[0] is the journal ...
 *     }
 *
 * The language (cl.lang, also tt_lang_messages()) is read first: a --lang
 * anywhere on the line, even after a bad option, sets it before any
 * message is printed. -h/--help is always accepted: the usage goes to
 * stdout and the command exits 0. Every failure is one line
 * "tabletop NAME: message" plus "(see 'tabletop NAME --help')", in the
 * command-line's language, and exit 2 (tt_cmd_fail). A command's own
 * checks after parsing use tt_cmd_fail too. */
#ifndef TABLETOP_APP_OPTIONS_H
#define TABLETOP_APP_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "tabletop/base.h"

typedef enum tt_opt_kind {
    TT_OPT_FLAG,       /* bool: no argument */
    TT_OPT_TEXT,       /* const char *: any text */
    TT_OPT_PATH,       /* const char *: a file or folder path (not empty) */
    TT_OPT_OUTPUT,     /* const char *: a file the command writes (not empty;
                        * refused, exit 2, when it exists and is not a
                        * regular file: a FIFO would block, a device lose it) */
    TT_OPT_FOLDER,     /* const char *: a folder the command reads (refused,
                        * exit 2, when it is not an existing folder: a file
                        * given there would be ignored) */
    TT_OPT_LANG,       /* tt_lang: ja | en (also the messages' language) */
    TT_OPT_UI,         /* tt_ui_kind: none | tty | sdl */
    TT_OPT_SPEED,      /* double: above 0, at most 1000000 */
    TT_OPT_DURATION,   /* tt_ms: +0:15:00, 90s, 15m, 1h30m */
    TT_OPT_SEED,       /* uint64_t: a non-negative integer */
    TT_OPT_CUSTOM,     /* parse(arg, dest, why): anything else */
} tt_opt_kind;

/* A custom kind's parser: false with why (already naming the option when
 * it wants to, in tt_lang_messages(): the parser keeps it to the command
 * line's language) on a bad argument; false with why left empty when it ran
 * out of memory (a runtime failure, not the argument's). */
typedef bool (*tt_opt_parse_fn)(const char *arg, void *dest, char *why, size_t why_size);

typedef struct tt_opt {
    const char *name;        /* long name without "--"; NULL ends the table */
    char short_name;         /* 0: none */
    tt_opt_kind kind;
    void *dest;              /* written when the option is given */
    bool *given;             /* optional: set to true when it is given */
    tt_opt_parse_fn parse;   /* TT_OPT_CUSTOM only */
} tt_opt;

typedef struct tt_cmdline {
    const char *name;                  /* "run": messages say "tabletop run: " */
    const char *usage_en, *usage_ja;   /* usage_ja NULL: English only */
    int min_args, max_args;            /* positional arguments; max -1: no limit */
    tt_text missing;                   /* fewer than min_args ("which scenario?") */
    tt_text extra;                     /* more than max_args (default: "unexpected argument X") */
    tt_text exits;                     /* what exit codes 0, 1, 2 mean, the last line of
                                        * --help (default: C_EXITS_DEFAULT) */
    tt_lang lang;                      /* set from the locale by the parser, then --lang */
    char **args;                       /* the positional arguments (into argv) */
    int n_args;
    int status;                        /* the exit code when tt_opts_parse returns false */
} tt_cmdline;

/* The language a command line asks for (its last valid --lang/--lang=X),
 * else the locale's: for messages printed before a command's own parse
 * (the command list, an unknown command). */
tt_lang tt_lang_of_command_line(int argc, char **argv);

/* true: go on (cl->args set). false: help was shown or the command line is
 * wrong (message printed); exit with cl->status. */
bool tt_opts_parse(tt_cmdline *cl, int argc, char **argv, const tt_opt *opts);

/* The exit-code line that ends every --help ("Exit codes: 0 ok, ..."):
 * exits NULL or empty is C_EXITS_DEFAULT. */
void tt_help_exit_codes(FILE *out, tt_lang lang, const tt_text *exits);

/* "tabletop NAME: <message>" and the --help hint, in cl->lang; returns
 * TT_EXIT_BADINPUT. Both formats take the same arguments. */
int tt_cmd_fail(const tt_cmdline *cl, const char *ja, const char *en, ...)
    __attribute__((format(printf, 2, 4), format(printf, 3, 4)));
/* The same for any class of failure: "tabletop NAME: <message>" (the --help
 * hint only for bad input); returns tt_exit_for(cls). With a terms-table
 * format: tt_cmd_fail_as(cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, path). */
int tt_cmd_fail_as(const tt_cmdline *cl, tt_error_class cls, const char *ja, const char *en, ...)
    __attribute__((format(printf, 3, 5), format(printf, 4, 5)));

/* The folder an option names (new --dir, explore -o): made when missing;
 * an existing file or device there is bad input, said before any work
 * (explore ran every exercise, then failed on each file). 0, or -1 with
 * err set. */
int tt_make_folder(const char *path, tt_lang lang, tt_error *err);

#endif
