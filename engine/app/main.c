/* tabletop: incident-response tabletop exercises. Dispatches subcommands. */
#include <errno.h>
#include <malloc.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "tabletop/base.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    tt_term summary;
} COMMANDS[] = {
    { "list", tt_cmd_list, C_CMD_LIST },
    { "check", tt_cmd_check, C_CMD_CHECK },
    { "run", tt_cmd_run, C_CMD_RUN },
    { "resume", tt_cmd_resume, C_CMD_RESUME },
    { "replay", tt_cmd_replay, C_CMD_REPLAY },
    { "score", tt_cmd_score, C_CMD_SCORE },
    { "history", tt_cmd_history, C_CMD_HISTORY },
    { "sweep", tt_cmd_sweep, C_CMD_SWEEP },
    { "new", tt_cmd_new, C_CMD_NEW },
    { "lint", tt_cmd_lint, C_CMD_LINT },
    { "explore", tt_cmd_explore, C_CMD_EXPLORE },
    { "watch", tt_cmd_watch, C_CMD_WATCH },
    { "graph", tt_cmd_graph, C_CMD_GRAPH },
    { "msel", tt_cmd_msel, C_CMD_MSEL },
    { "show", tt_cmd_show, C_CMD_SHOW },
    { "api", tt_cmd_api, C_CMD_API },
    { "sync", tt_cmd_sync, C_CMD_SYNC },
    { "fetch", tt_cmd_fetch, C_CMD_FETCH },
    { "report", tt_cmd_report, C_CMD_REPORT },
};

static void usage(FILE *out, tt_lang lang)
{
    fputs(tt_term_text(C_MAIN_USAGE_HEAD, lang), out);
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        fprintf(out, "  %-8s %s\n", COMMANDS[i].name, tt_term_text(COMMANDS[i].summary, lang));
    fputs(tt_term_text(C_MAIN_USAGE_FOOT, lang), out);
    tt_help_exit_codes(out, lang, NULL);
}

/* What a command printed must have reached standard output: a full disk or
 * a closed pipe behind it is a runtime failure, never a silent exit 0 with
 * the output lost (`tabletop history > /full/disk/h.txt`). Commands that
 * failed already said why; only a success is turned into a failure here. */
static bool stdout_is_terminal; /* taken at the start: a hung-up one no longer says */

static int finish_stdout(int rc, const char *command, int argc, char **argv)
{
    /* A terminal that went away (a hangup ends a live drill, journal kept)
     * loses nothing the user could still read. */
    if (stdout_is_terminal)
        return rc;
    bool failed = ferror(stdout) != 0;
    int e = 0;
    if (fflush(stdout) != 0) {
        failed = true;
        e = errno;
    }
    if (!failed || rc != TT_EXIT_OK)
        return rc;
    tt_lang lang = tt_lang_of_command_line(argc, argv);
    fprintf(stderr, "tabletop%s%s: ", command ? " " : "", command ? command : "");
    if (e) /* the reason is known only when the last write failed */
        fprintf(stderr, TT_FMT(lang, C_CANNOT_WRITE_FMT), tt_term_text(C_STDOUT, lang),
                tt_os_error(e));
    else
        fputs(tt_term_text(C_STDOUT_LOST, lang), stderr);
    fputc('\n', stderr);
    return tt_exit_for(TT_ERR_RUNTIME);
}

int main(int argc, char **argv)
{
    /* Keep freed memory at the top of the heap (up to 8 MiB) instead of
     * giving it back at once: reading a journal record by record frees a
     * record's blocks just before the next one takes them again, and with
     * glibc's 128 KiB default each record cost two brk calls and the page
     * faults of touching the memory anew (290 brk in one score). Peak
     * memory is unchanged: only what was already in use is kept. */
#ifdef M_TRIM_THRESHOLD
    mallopt(M_TRIM_THRESHOLD, 8 << 20);
#endif
    tt_term_guard_stderr();
    stdout_is_terminal = isatty(STDOUT_FILENO);
    if (argc < 2) {
        usage(stderr, tt_lang_from_env());
        return tt_exit_for(TT_ERR_INPUT);
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout, tt_lang_of_command_line(argc, argv));
        return finish_stdout(TT_EXIT_OK, NULL, argc, argv);
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("tabletop %s\n", tt_version());
        return finish_stdout(TT_EXIT_OK, NULL, argc, argv);
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0)
            return finish_stdout(COMMANDS[i].run(argc - 1, argv + 1), COMMANDS[i].name,
                                 argc, argv);
    /* A misspelt command: name the one meant ("did you mean 'resume'?"). */
    tt_lang lang = tt_lang_of_command_line(argc, argv);
    const char *near = tt_suggest_nearest(argv[1], &COMMANDS[0].name,
                                          sizeof COMMANDS / sizeof COMMANDS[0],
                                          sizeof COMMANDS[0]);
    fprintf(stderr, "tabletop: ");
    fprintf(stderr, TT_FMT(lang, C_UNKNOWN_COMMAND_FMT), argv[1]);
    if (near) {
        fprintf(stderr, "; ");
        fprintf(stderr, TT_FMT(lang, M_DID_YOU_MEAN_FMT), near);
    }
    fprintf(stderr, "\n\n");
    usage(stderr, lang);
    return tt_exit_for(TT_ERR_INPUT);
}
