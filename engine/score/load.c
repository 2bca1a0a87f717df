/* Find and load the scenario a journal was run with. */
#include "tabletop/score.h"
#include "tabletop/script.h"
#include "tabletop/terms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *tt_score_default_scenario_dir(void)
{
    const char *env = getenv("TABLETOP_SCENARIOS");
    if (env && *env)
        return env;
    static char dir[4096];
    if (tt_data_path(TT_DATA_SCENARIOS, NULL, dir, sizeof dir) == 0)
        return dir;
    return "scenarios";
}

bool tt_score_is_scenario_id(const char *id)
{
    if (!id || !*id)
        return false;
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-'))
            return false;
    return true;
}

/* The bytes of the file the journal names (read once: hashed, then loaded
 * from the same bytes), or NULL. A journal may name any path: only a
 * regular file no bigger than a scenario may be is read (never /dev/zero
 * or a FIFO). */
static char *read_named(const tt_start_info *start, size_t *len, bool *matches,
                        char hash[65])
{
    *matches = false;
    if (!start->path || access(start->path, R_OK) != 0)
        return NULL;
    tt_error err;
    char *text = tt_script_read_file(start->path, len, &err);
    if (text && start->hash) {
        tt_sha256_hex(text, *len, hash);
        *matches = strcmp(hash, start->hash) == 0;
    }
    return text;
}

bool tt_score_start_path_matches(const tt_start_info *start)
{
    if (!start->path || !start->hash)
        return false;
    size_t len;
    bool matches;
    char hash[65];
    free(read_named(start, &len, &matches, hash));
    return matches;
}

/* A regular file whose name ends in .lua: only such a file named by a journal
 * is ever loaded without a matching hash (never a device, a folder or
 * another kind of file a crafted journal could point at). */
static bool is_lua_file(const char *path)
{
    struct stat st;
    size_t len = path ? strlen(path) : 0;
    return len > 4 && strcmp(path + len - 4, ".lua") == 0 && stat(path, &st) == 0 &&
           S_ISREG(st.st_mode) && access(path, R_OK) == 0;
}

/* tt_score_load_edited from the bytes already read (taken), if any, and
 * their hash when known; `model_only`: the caller needs the model alone
 * (tt_script_load_model). */
static tt_script *load_edited(const tt_start_info *start, char *text, size_t len,
                              const char *hash, bool model_only)
{
    if (!start || !is_lua_file(start->path) || !tt_score_is_scenario_id(start->scenario)) {
        free(text);
        return NULL;
    }
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    tt_error err;
    tt_error_clear(&err);
    tt_script *s = !text        ? tt_script_load(start->path, &limits, &err)
                   : model_only ? tt_script_load_model(start->path, text, len, hash, &err)
                                : tt_script_load_text(start->path, text, len, hash, &limits, &err);
    if (s && strcmp(tt_script_scenario(s)->id, start->scenario) != 0) {
        tt_script_free(s); /* another scenario lives there now */
        s = NULL;
    }
    return s;
}

tt_script *tt_score_load_edited(const tt_start_info *start)
{
    return load_edited(start, NULL, 0, NULL, false);
}

tt_script *tt_score_load_scenario(const tt_journal *j, const char *search_dir,
                                  bool *hash_differs, tt_error *err)
{
    if (hash_differs)
        *hash_differs = false;
    if (!j->n_records || j->records[0].type != TT_REC_START || !j->records[0].start) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_CARD_NO_START));
        return NULL;
    }
    const tt_start_info *start = j->records[0].start;
    const char *path = NULL;
    char fallback[4096];
    tt_script *s = NULL;
    size_t len = 0;
    bool matches;
    char hash[65];
    char *text = read_named(start, &len, &matches, hash);
    if (matches) {
        path = start->path;
    } else {
        s = load_edited(start, text, len, text && start->hash ? hash : NULL, true);
        text = NULL; /* taken by load_edited */
        if (!s && tt_score_is_scenario_id(start->scenario) && search_dir) {
            int n = snprintf(fallback, sizeof fallback, "%s/%s.lua", search_dir, start->scenario);
            if (n > 0 && (size_t)n < sizeof fallback && access(fallback, R_OK) == 0)
                path = fallback;
        }
    }
    if (!path && !s) {
        /* No folder in the message: the default one is where the program was
         * built, meaningless to whoever reads this. */
        tt_error_set(err, NULL, 0, 0,
                     TT_MSG(E_SCORE_CANNOT_FIND_SCENARIO_FMT),
                     tt_score_is_scenario_id(start->scenario) ? start->scenario : "?",
                     tt_score_is_scenario_id(start->scenario) ? start->scenario : "?");
        return NULL;
    }
    /* The scorecard needs the model alone: from the model cache when it
     * has these bytes' (the bytes hashed above). */
    if (!s && !text)
        text = tt_script_read_file(path, &len, err);
    if (!s && text)
        s = tt_script_load_model(path, text, len, matches ? hash : NULL, err);
    if (!s)
        return NULL;
    const tt_scenario *sc = tt_script_scenario(s);
    if (!sc->id || !start->scenario || strcmp(sc->id, start->scenario) != 0) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_JOURNAL_OTHER_SCENARIO_FMT),
                     start->scenario ? start->scenario : "?", sc->id ? sc->id : "?");
        tt_script_free(s);
        return NULL;
    }
    if (hash_differs)
        *hash_differs = sc->hash && start->hash && strcmp(sc->hash, start->hash) != 0;
    return s;
}
