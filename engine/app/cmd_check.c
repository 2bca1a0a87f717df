/* tabletop check SCENARIO...: load and validate; 0 when all valid, 2 when not. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "options.h"

int tt_cmd_check(int argc, char **argv)
{
    tt_cmdline cl = { .name = "check", .min_args = 1, .max_args = -1,
                      .missing = { "シナリオを1つ以上指定してください", "which scenarios? give at least one id or .lua path" },
                      .usage_en = "usage: tabletop check SCENARIO...\n\n"
                                  "Loads each scenario (an id or a path to a .lua file) in the sandbox and\n"
                                  "validates it. Prints 'ok' per valid scenario and each error as\n"
                                  "file:line: message. Exit 0 when all are valid, 2 when any is not.\n" };
    const tt_opt opts[] = { { NULL, 0, 0, NULL, NULL, NULL } };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    int status = TT_EXIT_OK;
    /* Ids need only be unique among the scenarios given (a draft copy under
     * another file name keeps its id). */
    char (*ids)[128] = calloc((size_t)argc, sizeof *ids);
    char (*paths)[1024] = calloc((size_t)argc, sizeof *paths);
    if (!ids || !paths) {
        free(ids);
        free(paths);
        fprintf(stderr, "tabletop check: out of memory\n");
        return TT_EXIT_RUNTIME;
    }
    for (int i = 0; i < cl.n_args; i++) {
        tt_script *s = tt_open_scenario(cl.args[i], NULL);
        if (!s) {
            status = TT_EXIT_BADINPUT;
            continue;
        }
        const tt_scenario *sc = tt_script_scenario(s);
        snprintf(ids[i], sizeof ids[i], "%s", sc->id);
        snprintf(paths[i], sizeof paths[i], "%s", sc->path);
        bool dup = false;
        for (int k = 0; k < i && !dup; k++)
            if (strcmp(ids[k], ids[i]) == 0 && strcmp(paths[k], paths[i]) != 0) {
                fprintf(stderr, "tabletop check: %s: id '%s' is also the id of %s "
                                "(ids must be unique among the scenarios listed)\n",
                        paths[i], ids[i], paths[k]);
                dup = true;
            }
        if (dup) {
            status = TT_EXIT_BADINPUT;
            tt_script_free(s);
            continue;
        }
        printf("ok %s (%s): %zu roles, %zu actors, %zu injects, %zu actions, %zu objectives\n",
               sc->id, sc->path, sc->n_roles, sc->n_actors, sc->n_injects, sc->n_actions,
               sc->n_objectives);
        tt_script_free(s);
    }
    free(ids);
    free(paths);
    return status;
}
