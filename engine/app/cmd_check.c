/* tabletop check SCENARIO...: load and validate; 0 when all valid, 2 when not. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "locate.h"

int tt_cmd_check(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        bool help = argc >= 2;
        fprintf(help ? stdout : stderr,
                "usage: tabletop check SCENARIO...\n\n"
                "Loads each scenario (an id or a path to a .lua file) in the sandbox and\n"
                "validates it. Prints 'ok' per valid scenario and each error as\n"
                "file:line: message. Exit 0 when all are valid, 2 when any is not.\n");
        return help ? TT_EXIT_OK : TT_EXIT_BADINPUT;
    }
    int status = TT_EXIT_OK;
    for (int i = 1; i < argc; i++) {
        tt_script *s = tt_open_scenario(argv[i], NULL);
        if (!s) {
            status = TT_EXIT_BADINPUT;
            continue;
        }
        const tt_scenario *sc = tt_script_scenario(s);
        printf("ok %s (%s): %zu roles, %zu actors, %zu injects, %zu actions, %zu objectives\n",
               sc->id, sc->path, sc->n_roles, sc->n_actors, sc->n_injects, sc->n_actions,
               sc->n_objectives);
        tt_script_free(s);
    }
    return status;
}
