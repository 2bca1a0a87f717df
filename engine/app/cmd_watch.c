/* tabletop watch SCENARIO --script F [...]: re-run the answers each time the
 * scenario file is saved (inotify) and print what changed in the outcome. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"

#define MAX_SCRIPTS 16

typedef struct script_list {
    const char *paths[MAX_SCRIPTS];
    size_t n;
} script_list;

static bool add_script(const char *arg, void *dest, char *why, size_t why_size)
{
    script_list *l = dest;
    if (l->n >= MAX_SCRIPTS) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_WATCH_MAX_SCRIPTS_FMT), MAX_SCRIPTS);
        return false;
    }
    l->paths[l->n++] = arg;
    return true;
}

static bool parse_count(const char *arg, void *dest, char *why, size_t why_size)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > 1000000) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_WATCH_MAX_CHANGES_FMT), arg);
        return false;
    }
    *(long *)dest = v;
    return true;
}

typedef struct result {
    bool ok;            /* ran (script loaded, outcome made) */
    char error[2048];   /* why not, or the scenario's runtime error */
    tt_outcome o;
} result;

static volatile sig_atomic_t stop;
static void on_signal(int sig)
{
    (void)sig;
    stop = 1;
}

static const char *base_name(const char *p)
{
    const char *s = strrchr(p, '/');
    return s ? s + 1 : p;
}

static void run_all(const char *path, const script_list *scripts, uint64_t seed, result *res,
                    char *load_error, size_t le_size)
{
    tt_error err;
    tt_error_clear(&err);
    load_error[0] = '\0';
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    tt_script *s = tt_script_load(path, &limits, &err);
    if (!s) {
        tt_error_format(&err, load_error, le_size);
        return;
    }
    for (size_t i = 0; i < scripts->n; i++) {
        result *r = &res[i];
        tt_outcome_free(&r->o);
        r->ok = false;
        r->error[0] = '\0';
        tt_action_script as;
        if (tt_action_script_load(scripts->paths[i], tt_script_scenario(s), &as, &err) != 0) {
            tt_error_format(&err, r->error, sizeof r->error);
            continue;
        }
        if (tt_outcome_run(s, &as, as.has_seed ? as.seed : seed, &r->o, &err) != 0)
            snprintf(r->error, sizeof r->error, "%s", err.message);
        else
            r->ok = true;
        tt_action_script_free(&as);
        /* Each exercise needs the script fresh: load again for the next. */
        tt_script_free(s);
        s = tt_script_load(path, &limits, &err);
        if (!s) {
            tt_error_format(&err, load_error, le_size);
            return;
        }
    }
    tt_script_free(s);
}

static void fmt_time(tt_ms t, char *buf, size_t size)
{
    tt_time_format(t, TT_TIME_AT, buf, size);
}

static void print_value(const tt_value *v, tt_lang lang, char *buf, size_t size)
{
    tt_value_display(v, lang, buf, size);
}

static void summary(const tt_scenario *m, const char *name, const result *r, tt_lang lang)
{
    if (!r->ok) {
        printf("%s: %s\n", name, r->error);
        return;
    }
    printf("%s: %s %d (%s)%s%s\n", name, tt_term_text(C_WATCH_SCORE, lang), r->o.score,
           tt_rating_letter((tt_rating)r->o.rating), r->o.failed ? "  " : "",
           r->o.failed ? r->o.error : "");
    for (size_t i = 0; i < r->o.n_objectives && i < m->n_objectives; i++) {
        char t[64];
        fmt_time(r->o.reached[i], t, sizeof t);
        printf("  %-28s %10s  %s\n", m->objectives[i].id, t,
               tt_rating_letter((tt_rating)r->o.ratings[i]));
    }
    for (size_t i = 0; i < r->o.n_damage && i < m->n_metrics; i++) {
        if (!m->metrics[i].damage)
            continue;
        char v[64];
        print_value(&r->o.damage[i], lang, v, sizeof v);
        printf("  %-28s %10s\n", m->metrics[i].key, v);
    }
}

/* What changed from `a` to `b`, one line each; "no change" when nothing. */
static void changes(const tt_scenario *m, const char *name, const result *a, const result *b,
                    tt_lang lang)
{
    if (!a->ok || !b->ok) {
        if (a->ok != b->ok || strcmp(a->error, b->error) != 0)
            summary(m, name, b, lang);
        else
            printf("%s: %s\n", name, tt_term_text(C_WATCH_NO_CHANGE, lang));
        return;
    }
    int n = 0;
    printf("%s:", name);
    if (a->o.score != b->o.score || a->o.rating != b->o.rating) {
        printf("\n  %s %d (%s) -> %d (%s)", tt_term_text(C_WATCH_SCORE, lang), a->o.score,
               tt_rating_letter((tt_rating)a->o.rating), b->o.score,
               tt_rating_letter((tt_rating)b->o.rating));
        n++;
    }
    if (strcmp(a->o.failed ? a->o.error : "", b->o.failed ? b->o.error : "") != 0) {
        printf("\n  %s", b->o.failed ? b->o.error : tt_term_text(C_WATCH_ERROR_GONE, lang));
        n++;
    }
    for (size_t i = 0; i < m->n_objectives && i < a->o.n_objectives && i < b->o.n_objectives;
         i++) {
        if (a->o.reached[i] == b->o.reached[i] && a->o.ratings[i] == b->o.ratings[i])
            continue;
        char ta[64], tb[64];
        fmt_time(a->o.reached[i], ta, sizeof ta);
        fmt_time(b->o.reached[i], tb, sizeof tb);
        printf("\n  %s %s (%s) -> %s (%s)", m->objectives[i].id, ta,
               tt_rating_letter((tt_rating)a->o.ratings[i]), tb,
               tt_rating_letter((tt_rating)b->o.ratings[i]));
        n++;
    }
    for (size_t i = 0; i < m->n_metrics && i < a->o.n_damage && i < b->o.n_damage; i++) {
        if (tt_value_equal(&a->o.damage[i], &b->o.damage[i]))
            continue;
        char va[64], vb[64];
        print_value(&a->o.damage[i], lang, va, sizeof va);
        print_value(&b->o.damage[i], lang, vb, sizeof vb);
        printf("\n  %s %s -> %s", m->metrics[i].key, va, vb);
        n++;
    }
    if (n)
        putchar('\n');
    else
        printf(" %s\n", tt_term_text(C_WATCH_NO_CHANGE, lang));
}

static int watch_dir(int fd, const char *file)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", file);
    char *slash = strrchr(dir, '/');
    if (slash)
        *(slash == dir ? slash + 1 : slash) = '\0';
    else
        snprintf(dir, sizeof dir, ".");
    return inotify_add_watch(fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE);
}

/* Wait for a save of one of the names; then let the burst settle. */
static bool wait_for_save(int fd, const char *const *names, size_t n)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool hit = false;
    while (!stop) {
        struct pollfd p = { fd, POLLIN, 0 };
        int pr = poll(&p, 1, hit ? 150 : 500);
        if (pr < 0 && errno != EINTR)
            return false;
        if (pr == 0 && hit)
            return true; /* quiet for 150 ms after a save */
        if (pr <= 0)
            continue;
        ssize_t len = read(fd, buf, sizeof buf);
        for (char *q = buf; len > 0 && q < buf + len;) {
            struct inotify_event *e = (struct inotify_event *)q;
            for (size_t i = 0; e->len && i < n; i++)
                if (strcmp(e->name, names[i]) == 0)
                    hit = true;
            q += sizeof *e + e->len;
        }
    }
    return false;
}

int tt_cmd_watch(int argc, char **argv)
{
    tt_cmdline cl = { .name = "watch", .usage_en = tt_term_text(C_WATCH_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_WATCH_USAGE, TT_LANG_JA), .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO),
                      .exits = tt_term_pair(C_EXITS_WATCH) };
    script_list scripts = { { 0 }, 0 };
    uint64_t seed = 1;
    long max_changes = 0;
    const tt_opt opts[] = {
        { "script", 0, TT_OPT_CUSTOM, &scripts, NULL, add_script },
        { "seed", 0, TT_OPT_SEED, &seed, NULL, NULL },
        { "max-changes", 0, TT_OPT_CUSTOM, &max_changes, NULL, parse_count },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    if (scripts.n == 0)
        return tt_cmd_fail(&cl, C_WATCH_NEED_SCRIPT_TEXT);
    char path[1024], why[4096];
    tt_error err;
    if (!tt_locate_scenario(cl.args[0], path, sizeof path, why, sizeof why)) {
        tt_error_set(&err, NULL, 0, 0, "%s", why);
        return tt_error_report(&err, "tabletop watch");
    }
    int status = TT_EXIT_OK;
    result *prev = NULL, *cur = NULL;
    tt_script *shown = NULL;
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd < 0 || watch_dir(fd, path) < 0) {
        status = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, "inotify: %s", "inotify: %s", tt_os_error(errno));
        goto out;
    }
    const char *names[MAX_SCRIPTS + 1];
    names[0] = base_name(path);
    for (size_t i = 0; i < scripts.n; i++) {
        names[i + 1] = base_name(scripts.paths[i]);
        watch_dir(fd, scripts.paths[i]); /* answers are saved too */
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    prev = calloc(scripts.n, sizeof *prev);
    cur = calloc(scripts.n, sizeof *cur);
    if (!prev || !cur) {
        status = tt_cmd_fail_as(&cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
        goto out;
    }
    char load_error[2048];
    run_all(path, &scripts, seed, prev, load_error, sizeof load_error);
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    shown = tt_script_load(path, &limits, &err);
    if (load_error[0] || !shown) {
        printf("%s\n", load_error[0] ? load_error : err.message);
    } else {
        for (size_t i = 0; i < scripts.n; i++)
            summary(tt_script_scenario(shown), base_name(scripts.paths[i]), &prev[i], cl.lang);
    }
    printf(TT_FMT(cl.lang, C_WATCH_WATCHING_FMT), path);
    fflush(stdout);
    long changes_seen = 0;
    while (!stop && wait_for_save(fd, names, scripts.n + 1)) {
        time_t now = time(NULL);
        struct tm tmv;
        char stamp[32];
        strftime(stamp, sizeof stamp, "%H:%M:%S", localtime_r(&now, &tmv));
        printf("\n-- %s %s --\n", stamp, tt_term_text(C_WATCH_SAVED, cl.lang));
        run_all(path, &scripts, seed, cur, load_error, sizeof load_error);
        if (load_error[0]) {
            printf("%s\n", load_error); /* keep the last good outcome to compare with */
        } else {
            tt_script_free(shown);
            shown = tt_script_load(path, &limits, &err);
            for (size_t i = 0; shown && i < scripts.n; i++) {
                changes(tt_script_scenario(shown), base_name(scripts.paths[i]), &prev[i], &cur[i],
                        cl.lang);
                tt_outcome_free(&prev[i].o);
                prev[i] = cur[i];
                memset(&cur[i], 0, sizeof cur[i]);
            }
        }
        fflush(stdout);
        if (max_changes && ++changes_seen >= max_changes)
            break;
    }
out:
    for (size_t i = 0; prev && cur && i < scripts.n; i++) {
        tt_outcome_free(&prev[i].o);
        tt_outcome_free(&cur[i].o);
    }
    free(prev);
    free(cur);
    tt_script_free(shown);
    if (fd >= 0)
        close(fd);
    return status;
}
