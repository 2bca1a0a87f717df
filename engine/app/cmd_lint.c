/* tabletop lint SCENARIO...: static checks, one finding per line as
 * file:line:col: message. Exit 0 clean, 1 findings, 2 a file that cannot be
 * read or loaded. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "tabletop/author.h"

static void usage(FILE *out)
{
    fputs("usage: tabletop lint SCENARIO...\n"
          "\n"
          "Static checks of scenario files (ids or paths), without running them:\n"
          "state keys read or written but not declared, misspelt actor/role ids and\n"
          "ctx fields, texts missing a language, numbers neither cited nor marked\n"
          "invented, objectives no action can reach. One finding per line:\n"
          "file:line:col: message (docs/authoring.md, \"Authoring tools\").\n"
          "\n"
          "Exit codes: 0 nothing found, 1 findings, 2 a scenario that cannot be loaded.\n",
          out);
}

int tt_cmd_lint(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? TT_EXIT_BADINPUT : TT_EXIT_OK;
    }
    int status = TT_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        char path[1024], why[4096];
        if (!tt_locate_scenario(argv[i], path, sizeof path, why, sizeof why)) {
            fprintf(stderr, "tabletop lint: %s\n", why);
            status = TT_EXIT_BADINPUT;
            continue;
        }
        tt_findings f = { 0 };
        tt_error err;
        tt_error_clear(&err);
        if (tt_lint_file(path, &f, &err) != 0) {
            printf("%s:%d:%d: %s\n", err.file[0] ? err.file : path, err.line,
                   err.column > 0 ? err.column : 1, err.message);
            status = TT_EXIT_BADINPUT;
        } else if (f.n) {
            tt_findings_print(&f, stdout);
            if (status == TT_EXIT_OK)
                status = TT_EXIT_RUNTIME;
        }
        tt_findings_free(&f);
    }
    fflush(stdout);
    return status;
}
