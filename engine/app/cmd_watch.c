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

static const char USAGE_EN[] =
    "usage: tabletop watch SCENARIO --script F [--script G ...] [--seed N] [--lang ja|en]\n"
    "\n"
    "Runs each answer script headless, then again every time the scenario file\n"
    "(or an answer) is saved, and prints what changed since the previous save:\n"
    "objective times and ratings, the score and rating, damage, and errors.\n"
    "Stop with Ctrl-C.\n"
    "\n"
    "  --script F        an answer script (repeatable)\n"
    "  --seed N          seed for scripts without their own (default 1)\n"
    "  --max-changes N   stop after N saves (scripts, tests)\n"
    "\n"
    "Exit codes: 0 stopped, 1 cannot watch, 2 bad input.\n";
static const char USAGE_JA[] =
    "使い方: tabletop watch シナリオ --script F [--script G ...] [--seed N] [--lang ja|en]\n"
    "\n"
    "解答スクリプトをそれぞれ画面なしで実行し、シナリオファイル（または解答）が保存される\n"
    "たびに再実行して、前回の保存からの変化を表示します: 目標の時刻と評価、スコアと評価、\n"
    "被害、エラー。Ctrl-C で終了します。\n"
    "\n"
    "  --script F        解答スクリプト（複数可）\n"
    "  --seed N          シードのないスクリプトのシード（既定 1）\n"
    "  --max-changes N   N 回の保存で終了（スクリプトやテスト用）\n"
    "\n"
    "終了コード: 0 終了、1 監視できない、2 入力の誤り。\n";

#define MAX_SCRIPTS 16

typedef struct script_list {
    const char *paths[MAX_SCRIPTS];
    size_t n;
} script_list;

static bool add_script(const char *arg, void *dest, char *why, size_t why_size)
{
    script_list *l = dest;
    if (l->n >= MAX_SCRIPTS) {
        snprintf(why, why_size, "at most %d --script", MAX_SCRIPTS);
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
        snprintf(why, why_size, "--max-changes must be a whole number from 1, not '%s'", arg);
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
        snprintf(load_error, le_size, "%s:%d: %s", err.file, err.line, err.message);
        return;
    }
    for (size_t i = 0; i < scripts->n; i++) {
        result *r = &res[i];
        tt_outcome_free(&r->o);
        r->ok = false;
        r->error[0] = '\0';
        tt_action_script as;
        if (tt_action_script_load(scripts->paths[i], tt_script_scenario(s), &as, &err) != 0) {
            snprintf(r->error, sizeof r->error, "%s:%d: %s", err.file, err.line, err.message);
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
            snprintf(load_error, le_size, "%s:%d: %s", err.file, err.line, err.message);
            return;
        }
    }
    tt_script_free(s);
}

static void fmt_time(tt_ms t, char *buf, size_t size)
{
    tt_time_format(t, TT_TIME_AT, buf, size);
}

static void print_value(const tt_value *v, char *buf, size_t size)
{
    tt_value_display(v, TT_LANG_EN, buf, size);
}

static void summary(const tt_scenario *m, const char *name, const result *r, tt_lang lang)
{
    if (!r->ok) {
        printf("%s: %s\n", name, r->error);
        return;
    }
    printf("%s: %s %d (%s)%s%s\n", name, lang == TT_LANG_JA ? "スコア" : "score", r->o.score,
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
        print_value(&r->o.damage[i], v, sizeof v);
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
            printf("%s: %s\n", name, lang == TT_LANG_JA ? "変化なし" : "no change");
        return;
    }
    int n = 0;
    printf("%s:", name);
    if (a->o.score != b->o.score || a->o.rating != b->o.rating) {
        printf("\n  %s %d (%s) -> %d (%s)", lang == TT_LANG_JA ? "スコア" : "score", a->o.score,
               tt_rating_letter((tt_rating)a->o.rating), b->o.score,
               tt_rating_letter((tt_rating)b->o.rating));
        n++;
    }
    if (strcmp(a->o.failed ? a->o.error : "", b->o.failed ? b->o.error : "") != 0) {
        printf("\n  %s", b->o.failed ? b->o.error : (lang == TT_LANG_JA ? "エラー解消" : "error gone"));
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
        print_value(&a->o.damage[i], va, sizeof va);
        print_value(&b->o.damage[i], vb, sizeof vb);
        printf("\n  %s %s -> %s", m->metrics[i].key, va, vb);
        n++;
    }
    printf("%s\n", n ? "" : (lang == TT_LANG_JA ? " 変化なし" : " no change"));
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
    tt_cmdline cl = { .name = "watch", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
                      .min_args = 1, .max_args = 1,
                      .missing = { "シナリオを1つ指定してください", "which scenario? give one id or .lua path" } };
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
        return tt_cmd_fail(&cl, "解答スクリプトを --script で1つ以上指定してください",
                           "which answers? give at least one --script F");
    char path[1024], why[4096];
    if (!tt_locate_scenario(cl.args[0], path, sizeof path, why, sizeof why)) {
        fprintf(stderr, "tabletop watch: %s\n", why);
        return TT_EXIT_BADINPUT;
    }
    int fd = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (fd < 0 || watch_dir(fd, path) < 0) {
        perror("tabletop watch: inotify");
        if (fd >= 0)
            close(fd);
        return TT_EXIT_RUNTIME;
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

    result *prev = calloc(scripts.n, sizeof *prev), *cur = calloc(scripts.n, sizeof *cur);
    if (!prev || !cur) {
        free(prev);
        free(cur);
        close(fd);
        fprintf(stderr, "tabletop watch: out of memory\n");
        return TT_EXIT_RUNTIME;
    }
    char load_error[2048];
    run_all(path, &scripts, seed, prev, load_error, sizeof load_error);
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    tt_error err;
    tt_script *shown = tt_script_load(path, &limits, &err);
    if (load_error[0] || !shown) {
        printf("%s\n", load_error[0] ? load_error : err.message);
    } else {
        for (size_t i = 0; i < scripts.n; i++)
            summary(tt_script_scenario(shown), base_name(scripts.paths[i]), &prev[i], cl.lang);
    }
    printf(cl.lang == TT_LANG_JA ? "%s を監視中（Ctrl-C で終了）\n" : "watching %s (Ctrl-C to stop)\n",
           path);
    fflush(stdout);
    long changes_seen = 0;
    while (!stop && wait_for_save(fd, names, scripts.n + 1)) {
        time_t now = time(NULL);
        struct tm tmv;
        char stamp[32];
        strftime(stamp, sizeof stamp, "%H:%M:%S", localtime_r(&now, &tmv));
        printf("\n-- %s %s --\n", stamp, cl.lang == TT_LANG_JA ? "保存" : "saved");
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
    for (size_t i = 0; i < scripts.n; i++) {
        tt_outcome_free(&prev[i].o);
        tt_outcome_free(&cur[i].o);
    }
    free(prev);
    free(cur);
    tt_script_free(shown);
    close(fd);
    return TT_EXIT_OK;
}
