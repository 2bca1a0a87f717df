/* tabletop: incident-response tabletop exercises. Dispatches subcommands. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "tabletop/base.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *summary;
} COMMANDS[] = {
    { "list", tt_cmd_list, "list the scenarios found" },
    { "check", tt_cmd_check, "load and validate scenarios" },
    { "run", tt_cmd_run, "run an exercise (live drill, dashboard or headless)" },
    { "resume", tt_cmd_resume, "continue an interrupted exercise from its journal" },
    { "replay", tt_cmd_replay, "re-run a journal and check it reproduces" },
    { "score", tt_cmd_score, "write the scorecard of a journal (.html, .md, .json)" },
    { "history", tt_cmd_history, "list past exercises" },
    { "sweep", tt_cmd_sweep, "run answer scripts over many seeds and report the spread" },
    { "new", tt_cmd_new, "write a skeleton scenario and its four answers" },
    { "lint", tt_cmd_lint, "static checks of scenarios (file:line:col: message)" },
    { "explore", tt_cmd_explore, "play random valid exercises, report what never happens" },
    { "watch", tt_cmd_watch, "re-run answers on every save, print what changed" },
    { "graph", tt_cmd_graph, "draw the scenario's structure (.svg, .dot)" },
    { "msel", tt_cmd_msel, "write the Master Scenario Events List (.csv, .md)" },
    { "show", tt_cmd_show, "write the facilitator's briefing (.md, .html)" },
    { "api", tt_cmd_api, "print editor annotations of the scenario API (--luals)" },
    { "sync", tt_cmd_sync, "send results kept offline (and journals) to the central database" },
    { "fetch", tt_cmd_fetch, "write a journal from the central archive" },
    { "report", tt_cmd_report, "report across exercises (.html, .md, .json, .csv)" },
};

static void usage(FILE *out)
{
    fprintf(out, "usage: tabletop COMMAND [ARGS...]\n\ncommands:\n");
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        fprintf(out, "  %-8s %s\n", COMMANDS[i].name, COMMANDS[i].summary);
    fprintf(out, "\n'tabletop COMMAND --help' describes each command;\n"
                 "'tabletop --version' (-V) prints the version.\n"
                 "Exit codes: 0 ok, 1 runtime failure, 2 bad input.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return TT_EXIT_BADINPUT;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return TT_EXIT_OK;
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("tabletop %s\n", tt_version());
        return TT_EXIT_OK;
    }
    for (size_t i = 0; i < sizeof COMMANDS / sizeof COMMANDS[0]; i++)
        if (strcmp(argv[1], COMMANDS[i].name) == 0)
            return COMMANDS[i].run(argc - 1, argv + 1);
    /* A misspelt command: name the one meant ("did you mean 'resume'?"). */
    tt_lang lang = tt_lang_from_env();
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
    usage(stderr);
    return TT_EXIT_BADINPUT;
}
