/* tabletop list: one line per scenario found: id, Japanese and English title. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/terms.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int tt_cmd_list(int argc, char **argv)
{
    tt_cmdline cl = { .name = "list", .max_args = 0,
                      .usage_en = tt_term_text(C_LIST_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_LIST_USAGE, TT_LANG_JA) };
    const tt_opt opts[] = {
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    char dirs[8][1024];
    size_t n_dirs = tt_scenario_dirs(dirs, 8);
    int status = TT_EXIT_OK;
    size_t shown = 0;
    char seen[256][128];
    size_t n_seen = 0;
    static char ids[256][128], id_paths[256][2048];
    size_t n_ids = 0;
    for (size_t d = 0; d < n_dirs; d++) {
        DIR *dir = opendir(dirs[d]);
        if (!dir)
            continue;
        char *names[256];
        size_t n = 0;
        struct dirent *e;
        while ((e = readdir(dir)) && n < 256) {
            size_t len = strlen(e->d_name);
            /* NAME.d.lua is an editor annotation file (tabletop api --luals). */
            if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0 && e->d_name[0] != '.' &&
                !(len > 6 && strcmp(e->d_name + len - 6, ".d.lua") == 0)) {
                names[n] = strdup(e->d_name);
                if (names[n])
                    n++;
            }
        }
        closedir(dir);
        qsort(names, n, sizeof *names, by_name);
        for (size_t i = 0; i < n; i++) {
            names[i][strlen(names[i]) - 4] = '\0';
            bool dup = false;
            for (size_t k = 0; k < n_seen; k++)
                dup = dup || strcmp(seen[k], names[i]) == 0;
            if (!dup && n_seen < 256 && strlen(names[i]) < 128) {
                snprintf(seen[n_seen++], 128, "%s", names[i]);
                char path[2048];
                snprintf(path, sizeof path, "%s/%s.lua", dirs[d], names[i]);
                tt_sandbox_limits limits;
                tt_sandbox_limits_default(&limits);
                tt_error err;
                tt_error_clear(&err);
                tt_script *s = tt_script_load(path, &limits, &err);
                if (s) {
                    const tt_scenario *sc = tt_script_scenario(s);
                    /* Ids must be unique among the scenarios listed (a file
                     * name may differ from its id: a draft copy). */
                    int other = -1;
                    for (size_t k = 0; k < n_ids && other < 0; k++)
                        if (strcmp(ids[k], sc->id) == 0)
                            other = (int)k;
                    if (other >= 0) {
                        tt_error_set(&err, path, 0, 0, TT_FMT(cl.lang, C_ID_TAKEN_FMT), sc->id,
                                     id_paths[other]);
                        status = tt_error_report(&err, "tabletop list");
                    } else {
                        if (n_ids < 256 && strlen(sc->id) < 128) {
                            snprintf(ids[n_ids], 128, "%s", sc->id);
                            snprintf(id_paths[n_ids++], sizeof id_paths[0], "%s", path);
                        }
                        printf("%-22s ", sc->id);
                        tt_term_fputs(sc->title.ja, 0, stdout);
                        putchar('\t');
                        tt_term_fputs(sc->title.en, 0, stdout);
                        putchar('\n');
                        shown++;
                    }
                    tt_script_free(s);
                } else {
                    status = tt_error_report(&err, "tabletop list");
                }
            }
            free(names[i]);
        }
    }
    if (shown == 0 && status == TT_EXIT_OK) {
        tt_error err;
        tt_error_set(&err, NULL, 0, 0, "%s", tt_term_text(C_LIST_NONE, cl.lang));
        status = tt_error_report(&err, "tabletop list");
    }
    return status;
}
