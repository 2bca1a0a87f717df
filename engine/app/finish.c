/* Scorecard and history at the end of an exercise; default journal place. */
#include "finish.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tabletop/score.h"
#include "tabletop/terms.h"

/* "postgresql://user:secret@host/db?password=x&sslmode=y" without either
 * spelling of the password. */
static void uri_without_password(const char *uri, char *buf, size_t size)
{
    size_t n = 0;
    const char *rest = strstr(uri, "://");
    const char *at = rest ? strchr(rest + 3, '@') : NULL;
    const char *slash = rest ? strchr(rest + 3, '/') : NULL;
    const char *colon = rest ? strchr(rest + 3, ':') : NULL;
    bool userinfo_pw = at && (!slash || at < slash) && colon && colon < at;
    for (size_t i = 0; uri[i] && n + 1 < size;) {
        if (userinfo_pw && uri + i == colon) {
            i = (size_t)(at - uri);   /* drop ":secret" */
            continue;
        }
        if (i > 0 && (uri[i - 1] == '?' || uri[i - 1] == '&') &&
            strncmp(uri + i, "password=", 9) == 0) {
            i += strcspn(uri + i, "&");
            if (uri[i] == '&')
                i++;
            else if (n && (buf[n - 1] == '&' || buf[n - 1] == '?'))
                n--;
            continue;
        }
        buf[n++] = uri[i++];
    }
    buf[n] = '\0';
}

const char *tt_run_path_for_journal(const char *spec, char *buf, size_t size)
{
    if (size)
        buf[0] = '\0';
    if (!spec || !*spec || size < 2)
        return NULL;
    if (tt_store_is_uri(spec)) {
        uri_without_password(spec, buf, size);
        return buf;
    }
    if (spec[0] == '/') {
        snprintf(buf, size, "%s", spec);
        return buf;
    }
    /* Relative: from the folder it was given in, as resume runs anywhere. */
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd) ||
        (size_t)snprintf(buf, size, "%s/%s", cwd, spec) >= size) {
        buf[0] = '\0';
        return NULL;
    }
    return buf;
}

int tt_finish_exercise(const char *cmd, const tt_scenario *sc, const char *journal_path,
                       const char *card_path, const char *db_path, tt_lang lang,
                       FILE *out)
{
    char written[1024] = "";
    tt_error err;
    tt_error_clear(&err);
    int rc = tt_score_after_exercise(sc, journal_path, card_path, lang, db_path, written,
                                     sizeof written, &err);
    if (rc < 0) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "tabletop: %s", tt_term_text(C_SCORECARD_WORD, lang));
        return tt_error_report(&err, prefix);
    }
    tt_term_printf(out, TT_FMT(lang, C_JOURNAL_LINE_FMT), journal_path);
    tt_term_printf(out, TT_FMT(lang, C_SCORECARD_LINE_FMT), written);
    /* The --db given failed (on the card too): an error, exit 1, as score. */
    return rc > 0 ? tt_error_report(&err, cmd) : TT_EXIT_OK;
}

/* A folder that cannot be made is the machine's failure (runtime). */
static bool make_dirs(char *path, tt_lang lang, tt_error *err)
{
    for (char *p = path + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        int rc = mkdir(path, 0755);
        *p = '/';
        if (rc != 0 && errno != EEXIST) {
            tt_error_runtime(err, NULL, TT_FMT(lang, C_CANNOT_CREATE_FMT), path, tt_os_error(errno));
            return false;
        }
    }
    if (mkdir(path, 0755) != 0 && errno != EEXIST) {
        tt_error_runtime(err, NULL, TT_FMT(lang, C_CANNOT_CREATE_FMT), path, tt_os_error(errno));
        return false;
    }
    return true;
}

bool tt_default_journal_path(const char *scenario_id, tt_lang lang, char *buf, size_t size,
                             tt_error *err)
{
    char dir[1024];
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    const char *from = xdg && *xdg ? "XDG_DATA_HOME" : "HOME";
    int n_dir;
    if (xdg && *xdg)
        n_dir = snprintf(dir, sizeof dir, "%s/tabletop/exercises", xdg);
    else if (home && *home)
        n_dir = snprintf(dir, sizeof dir, "%s/.local/share/tabletop/exercises", home);
    else {
        tt_error_runtime(err, NULL, "%s", tt_term_text(C_NO_DATA_HOME, lang));
        return false;
    }
    /* A cut name would put the journal somewhere else (or under a name no
     * one would look for): refuse, as --journal does. */
    if (n_dir < 0 || (size_t)n_dir >= sizeof dir) {
        tt_error_runtime(err, from, "%s", tt_term_text(C_PATH_TOO_LONG, lang));
        return false;
    }
    if (!make_dirs(dir, lang, err))
        return false;
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    char stamp[32];
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    for (int n = 1; n < 1000; n++) {
        int len = n == 1 ? snprintf(buf, size, "%s/%s-%s.journal.yaml", dir, scenario_id, stamp)
                         : snprintf(buf, size, "%s/%s-%s-%d.journal.yaml", dir, scenario_id,
                                    stamp, n);
        if (len < 0 || (size_t)len >= size) {
            tt_error_runtime(err, from, "%s", tt_term_text(C_PATH_TOO_LONG, lang));
            return false;
        }
        /* Reserve the name atomically: two drills started in the same
         * second must not share a journal. */
        int fd = open(buf, O_CREAT | O_EXCL | O_WRONLY, 0644);
        if (fd >= 0) {
            close(fd);
            return true;
        }
        if (errno != EEXIST) {
            tt_error_runtime(err, NULL, TT_FMT(lang, C_CANNOT_CREATE_FMT), buf, tt_os_error(errno));
            return false;
        }
    }
    tt_error_runtime(err, NULL, TT_FMT(lang, C_TOO_MANY_THIS_SECOND_FMT), dir);
    return false;
}

bool tt_opt_card_path(const char *path, void *dest, char *why, size_t why_size)
{
    tt_card_format fmt;
    if (!tt_card_format_from_path(path, &fmt)) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_CARD_FORMAT_FMT), path);
        return false;
    }
    char dir[1024];
    if ((size_t)snprintf(dir, sizeof dir, "%s", path) >= sizeof dir) {
        snprintf(why, why_size, "%s", tt_term_text(C_CARD_PATH_LONG, tt_lang_messages()));
        return false;
    }
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    if (access(dir, W_OK) != 0) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_CARD_DIR_FMT), dir, tt_os_error(errno));
        return false;
    }
    if (!tt_output_path_usable(path)) {     /* as TT_OPT_OUTPUT: a FIFO would block */
        static const char option[] = "scorecard"; /* the option's name, as typed */
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_OPT_OUTPUT_NOT_REGULAR_FMT), option,
                 path);
        return false;
    }
    *(const char **)dest = path;
    return true;
}
