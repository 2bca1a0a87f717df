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

/* A growing list of owned strings. */
typedef struct str_list {
    char **v;
    size_t n, cap;
} str_list;

static bool str_list_add(str_list *l, const char *s, size_t len)
{
    char *copy = strndup(s, len);
    if (!copy || !tt_grow(&l->v, &l->cap, l->n + 1, sizeof *l->v)) {
        free(copy);
        return false;
    }
    l->v[l->n++] = copy;
    return true;
}

static bool str_list_has(const str_list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->v[i], s) == 0)
            return true;
    return false;
}

static void str_list_free(str_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    *l = (str_list){ 0 };
}

/* The scenario names (without .lua) of a folder, sorted; false when out of
 * memory. NAME.d.lua is an editor annotation file (tabletop api --luals). */
static bool folder_names(const char *folder, str_list *names)
{
    DIR *dir = opendir(folder);
    if (!dir)
        return true;
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(dir))) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0 && e->d_name[0] != '.' &&
            !(len > 6 && strcmp(e->d_name + len - 6, ".d.lua") == 0))
            ok = str_list_add(names, e->d_name, len - 4);
    }
    closedir(dir);
    if (ok && names->n > 1) /* an empty folder has no array: qsort(NULL) is undefined */
        qsort(names->v, names->n, sizeof *names->v, by_name);
    return ok;
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
    char dirs[TT_SCENARIO_DIRS_MAX][TT_SCENARIO_DIR_SIZE], why[256];
    size_t n_dirs;
    if (!tt_scenario_dirs(dirs, &n_dirs, why, sizeof why)) {
        fprintf(stderr, "tabletop list: %s\n", why);
        return tt_exit_for(TT_ERR_INPUT);
    }
    int status = TT_EXIT_OK;
    size_t shown = 0;
    /* Every name and id in full, however many: fixed tables left out the
     * 257th file of a folder and any name of 128 bytes or more, unsaid. */
    str_list seen = { 0 }, ids = { 0 }, id_paths = { 0 };
    bool oom = false;
    for (size_t d = 0; d < n_dirs && !oom; d++) {
        str_list names = { 0 };
        oom = !folder_names(dirs[d], &names);
        for (size_t i = 0; i < names.n && !oom; i++) {
            if (str_list_has(&seen, names.v[i]))
                continue;   /* an earlier folder's file of that name wins */
            if (!str_list_add(&seen, names.v[i], strlen(names.v[i]))) {
                oom = true;
                break;
            }
            char path[2048];
            int len = snprintf(path, sizeof path, "%s/%s.lua", dirs[d], names.v[i]);
            tt_error err;
            tt_error_clear(&err);
            if (len < 0 || (size_t)len >= sizeof path) {
                tt_error_set(&err, names.v[i], 0, 0, "%s", tt_term_text(C_PATH_TOO_LONG, cl.lang));
                status = tt_error_report(&err, "tabletop list");
                continue;
            }
            tt_sandbox_limits limits;
            tt_sandbox_limits_default(&limits);
            tt_script *s = tt_script_load(path, &limits, &err);
            if (!s) {
                status = tt_error_report(&err, "tabletop list");
                continue;
            }
            const tt_scenario *sc = tt_script_scenario(s);
            /* Ids must be unique among the scenarios listed (a file name
             * may differ from its id: a draft copy). */
            int other = -1;
            for (size_t k = 0; k < ids.n && other < 0; k++)
                if (strcmp(ids.v[k], sc->id) == 0)
                    other = (int)k;
            if (other >= 0) {
                tt_error_set(&err, path, 0, 0, TT_FMT(cl.lang, C_ID_TAKEN_FMT), sc->id,
                             id_paths.v[other]);
                status = tt_error_report(&err, "tabletop list");
            } else if (!str_list_add(&ids, sc->id, strlen(sc->id)) ||
                       !str_list_add(&id_paths, path, strlen(path))) {
                oom = true;
            } else {
                printf("%-22s ", sc->id);
                tt_term_fputs(sc->title.ja, 0, stdout);
                putchar('\t');
                tt_term_fputs(sc->title.en, 0, stdout);
                putchar('\n');
                shown++;
            }
            tt_script_free(s);
        }
        str_list_free(&names);
    }
    str_list_free(&seen);
    str_list_free(&ids);
    str_list_free(&id_paths);
    if (oom)
        return tt_cmd_fail_as(&cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
    if (shown == 0 && status == TT_EXIT_OK) {
        tt_error err;
        tt_error_set(&err, NULL, 0, 0, "%s", tt_term_text(C_LIST_NONE, cl.lang));
        status = tt_error_report(&err, "tabletop list");
    }
    return status;
}
