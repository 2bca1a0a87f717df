/* Scenario lookup shared by the subcommands. */
#include "locate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <unistd.h>

#include "tabletop/suggest.h"
#include "tabletop/terms.h"

bool tt_scenario_dirs(char dirs[TT_SCENARIO_DIRS_MAX][TT_SCENARIO_DIR_SIZE], size_t *n_out,
                      char *why, size_t why_size)
{
    /* Room for ./scenarios and the built-in folder after the variable's. */
    const size_t max_env = TT_SCENARIO_DIRS_MAX - 2;
    size_t n = 0;
    *n_out = 0;
    const char *env = getenv("TABLETOP_SCENARIOS");
    for (const char *p = env ? env : ""; *p;) {
        size_t len = strcspn(p, ":");
        if (len >= TT_SCENARIO_DIR_SIZE) {
            snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SCENARIO_DIR_TOO_LONG_FMT), 40,
                     p);
            return false;
        }
        if (len > 0) {
            if (n == max_env) {
                snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SCENARIO_DIRS_TOO_MANY_FMT),
                         max_env);
                return false;
            }
            memcpy(dirs[n], p, len);
            dirs[n++][len] = '\0';
        }
        p += len + (p[len] == ':');
    }
    snprintf(dirs[n++], TT_SCENARIO_DIR_SIZE, "scenarios");
    if (tt_data_path(TT_DATA_SCENARIOS, NULL, dirs[n], TT_SCENARIO_DIR_SIZE) == 0 &&
        strcmp(dirs[n], "scenarios") != 0)
        n++;
    *n_out = n;
    return true;
}

static bool looks_like_path(const char *arg)
{
    size_t len = strlen(arg);
    return strchr(arg, '/') || (len > 4 && strcmp(arg + len - 4, ".lua") == 0);
}

/* The scenario id in the folders closest to a misspelt one ("ransomwear"
 * -> "ransomware"); false when none is a plausible typo. */
static bool nearest_scenario(const char *arg, char dirs[][TT_SCENARIO_DIR_SIZE], size_t n_dirs,
                             char *out, size_t size)
{
    char *ids[256];
    size_t n = 0;
    for (size_t i = 0; i < n_dirs; i++) {
        DIR *d = opendir(dirs[i]);
        struct dirent *e;
        while (d && (e = readdir(d)) != NULL && n < sizeof ids / sizeof ids[0]) {
            size_t len = strlen(e->d_name);
            if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0 &&
                (ids[n] = strndup(e->d_name, len - 4)) != NULL)
                n++;
        }
        if (d)
            closedir(d);
    }
    const char *near = tt_suggest_nearest(arg, (const char *const *)ids, n, sizeof *ids);
    if (near)
        snprintf(out, size, "%s", near);
    for (size_t i = 0; i < n; i++)
        free(ids[i]);
    return near != NULL;
}

/* A cut name would name another file: refuse it whole. */
static bool too_long(const char *arg, char *why, size_t why_size)
{
    snprintf(why, why_size, "%s: %s", arg, tt_term_text(C_PATH_TOO_LONG, tt_lang_messages()));
    return false;
}

bool tt_locate_scenario(const char *arg, char *path, size_t size, char *why,
                        size_t why_size)
{
    if (looks_like_path(arg)) {
        if (access(arg, R_OK) != 0) {
            snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SCENARIO_UNREADABLE_FMT), arg);
            return false;
        }
        if ((size_t)snprintf(path, size, "%s", arg) >= size)
            return too_long(arg, why, why_size);
        return true;
    }
    for (const char *c = arg; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')) {
            snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_NOT_SCENARIO_ARG_FMT), arg);
            return false;
        }
    char dirs[TT_SCENARIO_DIRS_MAX][TT_SCENARIO_DIR_SIZE];
    size_t n;
    if (!tt_scenario_dirs(dirs, &n, why, why_size))
        return false;
    for (size_t i = 0; i < n; i++) {
        int len = snprintf(path, size, "%s/%s.lua", dirs[i], arg);
        if (len < 0 || (size_t)len >= size)
            return too_long(arg, why, why_size);
        if (access(path, R_OK) == 0)
            return true;
    }
    char near[256];
    if (nearest_scenario(arg, dirs, n, near, sizeof near)) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_NO_SCENARIO_NEAR_FMT), arg, near);
        return false;
    }
    tt_lang lang = tt_lang_messages();
    int off = snprintf(why, why_size, TT_FMT(lang, C_NO_SCENARIO_LOOKED_FMT), arg);
    for (size_t i = 0; i < n && off > 0 && (size_t)off < why_size; i++) {
        /* The built-in folder is a path on the machine the program was built
         * on: name it, do not show it. */
        char data[1024];
        bool builtin = tt_data_path(TT_DATA_SCENARIOS, NULL, data, sizeof data) == 0 &&
                       strcmp(dirs[i], data) == 0 && strcmp(dirs[i], "scenarios") != 0;
        off += snprintf(why + off, why_size - (size_t)off, "%s%s",
                        tt_term_text(i ? C_LIST_SEP : C_LIST_FIRST, lang),
                        builtin ? tt_term_text(C_BUILTIN_SCENARIOS, lang) : dirs[i]);
    }
    if (off > 0 && (size_t)off < why_size)
        snprintf(why + off, why_size - (size_t)off, "%s", tt_term_text(C_NO_SCENARIO_LOOKED_END, lang));
    return false;
}

tt_script *tt_open_scenario(const char *who, const char *arg, const tt_sandbox_limits *limits,
                            int *status)
{
    char path[1024], why[4096];
    if (!tt_locate_scenario(arg, path, sizeof path, why, sizeof why)) {
        fprintf(stderr, "%s: %s\n", who, why);
        if (status)
            *status = tt_exit_for(TT_ERR_INPUT);
        return NULL;
    }
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits defaults;
    tt_sandbox_limits_default(&defaults);
    tt_script *s = tt_script_load(path, limits ? limits : &defaults, &err);
    if (!s && status)
        *status = tt_error_report(&err, who);
    else if (!s)
        tt_error_print(&err, who);
    return s;
}
