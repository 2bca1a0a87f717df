/* tabletop new ID [--dir D]: a bilingual skeleton scenario (one role, one
 * party, one dynamic, one objective per phase) and its four answer scripts,
 * which pass check and lint as written. Never overwrites a file.
 *
 * The files written are templates kept as data in assets/new (installed in
 * PREFIX/share/tabletop/new), "@ID@" replaced by the scenario id. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "tabletop/base.h"
#include "tabletop/terms.h"

/* The scenario, then its answers in D/answers/ID/NAME.yaml. */
enum { N_FILES = 5 };
static const char *const templates[N_FILES] = {
    "new/scenario.lua.in", "new/model.yaml.in", "new/history.yaml.in", "new/nothing.yaml.in",
    "new/red-herring.yaml.in",
};
static const char *const answer_names[N_FILES] = { NULL, "model", "history", "nothing",
                                                   "red-herring" };

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
            return false;
    return true;
}

/* The template with every "@ID@" replaced; NULL when out of memory. */
static char *expand(const char *tpl, const char *id)
{
    size_t n = 0, idl = strlen(id);
    for (const char *p = strstr(tpl, "@ID@"); p; p = strstr(p + 4, "@ID@"))
        n++;
    size_t size = strlen(tpl) + n * idl + 1;
    char *out = malloc(size), *w = out;
    if (!out)
        return NULL;
    for (const char *p = tpl; *p;) {
        if (strncmp(p, "@ID@", 4) == 0) {
            memcpy(w, id, idl);
            w += idl;
            p += 4;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

/* A template file, read whole and expanded; NULL with err set. A missing
 * template is a broken installation, not the user's input. */
static char *load_template(const char *name, const char *id, tt_lang lang, tt_error *err)
{
    char path[4096];
    if (tt_data_path(TT_DATA_ASSETS, name, path, sizeof path) != 0) {
        tt_error_runtime(err, NULL, TT_FMT(lang, C_NEW_TEMPLATE_FMT), name, tt_os_error(ENAMETOOLONG));
        return NULL;
    }
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        tt_error_runtime(err, NULL, TT_FMT(lang, C_NEW_TEMPLATE_FMT), path, tt_os_error(errno));
        return NULL;
    }
    tt_buf b;
    tt_buf_init(&b, (size_t)1 << 20);
    bool ok = tt_buf_read(&b, fp);
    bool failed = ferror(fp);
    fclose(fp);
    char *text = tt_buf_take(&b, NULL);
    if (!ok || !text) {
        free(text);
        if (failed)
            tt_error_runtime(err, NULL, TT_FMT(lang, C_NEW_TEMPLATE_FMT), path, tt_os_error(EIO));
        else
            tt_error_oom(err, path);
        return NULL;
    }
    char *out = expand(text, id);
    free(text);
    if (!out)
        tt_error_oom(err, path);
    return out;
}

static int make_dir(const char *path, tt_lang lang, tt_error *err)
{
    return tt_make_folder(path, lang, err);
}

/* Create path exclusively (never an existing file, never through a link). */
static int write_new(const char *path, const char *text, tt_lang lang, tt_error *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0666);
    if (fd < 0) {
        if (errno == EEXIST) /* made since the check: still the user's file */
            tt_error_set(err, path, 0, 0, "%s", tt_term_text(C_NEW_EXISTS, lang));
        else
            tt_error_runtime(err, NULL, TT_FMT(lang, C_CANNOT_WRITE_FMT), path, tt_os_error(errno));
        return -1;
    }
    size_t len = strlen(text), off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            tt_error_runtime(err, NULL, TT_FMT(lang, C_CANNOT_WRITE_FMT), path,
                             tt_os_error(w < 0 ? errno : EIO));
            close(fd);
            return -1;
        }
        off += (size_t)w;
    }
    if (close(fd) != 0) {
        tt_error_runtime(err, NULL, TT_FMT(lang, C_CANNOT_WRITE_FMT), path, tt_os_error(errno));
        return -1;
    }
    return 0;
}

int tt_cmd_new(int argc, char **argv)
{
    tt_cmdline cl = { .name = "new", .usage_en = tt_term_text(C_NEW_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_NEW_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1, .missing = tt_term_pair(C_NEW_WHICH) };
    const char *dir = "scenarios";
    const tt_opt opts[] = {
        { "dir", 0, TT_OPT_PATH, &dir, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    const char *id = cl.args[0];
    if (!valid_id(id))
        return tt_cmd_fail(&cl, C_NEW_BAD_ID_FMT_TEXT, id);
    char answers[4096], answers_parent[4200], paths[N_FILES][4200];
    int n1 = snprintf(paths[0], sizeof paths[0], "%s/%s.lua", dir, id);
    int n2 = snprintf(answers, sizeof answers, "%s/answers/%s", dir, id);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof paths[0] || (size_t)n2 + 32 >= sizeof answers)
        return tt_cmd_fail(&cl, "%s", "%s", tt_term_text(C_NEW_DIR_TOO_LONG, cl.lang));
    for (size_t i = 1; i < N_FILES; i++)
        snprintf(paths[i], sizeof paths[i], "%s/%s.yaml", answers, answer_names[i]);
    snprintf(answers_parent, sizeof answers_parent, "%s/answers", dir);

    tt_error err;
    tt_error_clear(&err);
    char *texts[N_FILES] = { 0 };
    int rc = TT_EXIT_OK;
    /* Refuse before writing anything when any file exists, or a template
     * cannot be read. */
    struct stat st;
    for (size_t i = 0; i < N_FILES && rc == TT_EXIT_OK; i++)
        if (lstat(paths[i], &st) == 0) {
            tt_error_set(&err, paths[i], 0, 0, "%s", tt_term_text(C_NEW_EXISTS, cl.lang));
            rc = tt_error_report(&err, "tabletop new");
        }
    for (size_t i = 0; i < N_FILES && rc == TT_EXIT_OK; i++)
        if (!(texts[i] = load_template(templates[i], id, cl.lang, &err)))
            rc = tt_error_report(&err, "tabletop new");
    if (rc == TT_EXIT_OK && (make_dir(dir, cl.lang, &err) || make_dir(answers_parent, cl.lang, &err) ||
                             make_dir(answers, cl.lang, &err)))
        rc = tt_error_report(&err, "tabletop new");
    for (size_t i = 0; i < N_FILES && rc == TT_EXIT_OK; i++) {
        if (write_new(paths[i], texts[i], cl.lang, &err) != 0)
            rc = tt_error_report(&err, "tabletop new");
        else
            tt_term_printf(stdout, "%s\n", paths[i]);
    }
    if (rc == TT_EXIT_OK)
        tt_term_printf(stdout, TT_FMT(cl.lang, C_NEW_NEXT_FMT), paths[0], paths[0], paths[0], answers);
    for (size_t i = 0; i < N_FILES; i++)
        free(texts[i]);
    return rc;
}
