/* tabletop sweep SCENARIO --script F [--script G ...] [--runs N] [--seeds A..B]
 * [--set k=v] [--jobs J] [--strict] -o sweep.html|md|json: every answer over
 * many seeds, in parallel, and the distribution of the outcomes. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "settings_arg.h"
#include "tabletop/sweep.h"
#include "tabletop/terms.h"

typedef struct paths {
    const char **items;
    size_t n;
} paths;

static bool add_script(const char *arg, void *dest, char *why, size_t why_size)
{
    (void)why_size;
    paths *p = dest;
    const char **grown = realloc(p->items, (p->n + 1) * sizeof *grown);
    if (!grown) {
        why[0] = '\0'; /* out of memory (see tt_opt_parse_fn) */
        return false;
    }
    p->items = grown;
    p->items[p->n++] = arg;
    return true;
}

static bool parse_set(const char *arg, void *dest, char *why, size_t why_size)
{
    return tt_setting_args_add(dest, arg, why, why_size);
}

static bool parse_count(const char *arg, void *dest, char *why, size_t why_size)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(arg, &end, 10);
    if (!*arg || *end || errno || v == 0 || v > 10000000 || arg[0] == '-') {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SWEEP_COUNT_FMT), arg);
        return false;
    }
    *(uint64_t *)dest = v;
    return true;
}

typedef struct seed_range {
    uint64_t first, last;
} seed_range;

static bool parse_seeds(const char *arg, void *dest, char *why, size_t why_size)
{
    seed_range *r = dest;
    const char *dots = strstr(arg, "..");
    char *end;
    if (!dots || arg[0] == '-' || dots[2] == '-') {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SWEEP_SEEDS_FMT), arg);
        return false;
    }
    errno = 0;
    r->first = strtoull(arg, &end, 10);
    bool ok = end == dots && !errno;
    r->last = strtoull(dots + 2, &end, 10);
    ok = ok && end != dots + 2 && !*end && !errno && r->first <= r->last &&
         r->last - r->first < 10000000;
    if (!ok)
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SWEEP_SEEDS_RANGE_FMT), arg);
    return ok;
}

/* ---- Progress on a terminal ---- */

typedef struct progress {
    tt_lang lang;
    double start, last;
} progress;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void show_progress(void *user, size_t done, size_t total)
{
    progress *p = user;
    double t = now_s();
    if (done != total && t - p->last < 0.1)
        return;
    p->last = t;
    double rate = t > p->start ? (double)done / (t - p->start) : 0;
    double left = rate > 0 ? (double)(total - done) / rate : 0;
    int width = 30, filled = total ? (int)((double)width * (double)done / (double)total) : 0;
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    /* The raw stream: the CR that redraws the line is meant to drive it. */
    FILE *err = tt_term_raw_stderr();
    fprintf(err, TT_FMT(p->lang, C_SWEEP_PROGRESS_FMT), bar, done, total, rate, left);
    if (done == total)
        fputc('\n', err);
    fflush(err);
}

int tt_cmd_sweep(int argc, char **argv)
{
    tt_cmdline cl = { .name = "sweep", .usage_en = tt_term_text(C_SWEEP_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_SWEEP_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO), .extra = tt_term_pair(C_ONE_SCENARIO),
                      .exits = tt_term_pair(C_EXITS_SWEEP) };
    paths scripts = { 0 };
    tt_setting_args settings = { 0 };
    const char *output = NULL;
    uint64_t runs = 100;
    bool has_runs = false, has_seeds = false, strict = false, has_jobs = false;
    uint64_t jobs = 0;
    seed_range seeds = { 1, 100 };
    const tt_opt opts[] = {
        { "script", 0, TT_OPT_CUSTOM, &scripts, NULL, add_script },
        { "output", 'o', TT_OPT_OUTPUT, &output, NULL, NULL },
        { "runs", 0, TT_OPT_CUSTOM, &runs, &has_runs, parse_count },
        { "seeds", 0, TT_OPT_CUSTOM, &seeds, &has_seeds, parse_seeds },
        { "set", 0, TT_OPT_CUSTOM, &settings, NULL, parse_set },
        { "jobs", 'j', TT_OPT_CUSTOM, &jobs, &has_jobs, parse_count },
        { "strict", 0, TT_OPT_FLAG, &strict, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    int rc = TT_EXIT_OK;
    tt_script *script = NULL;
    tt_action_script *answers = NULL;
    size_t n_loaded = 0;
    tt_sweep *sw = NULL;
    if (!tt_opts_parse(&cl, argc, argv, opts)) {
        rc = cl.status;
        goto out;
    }
    if (scripts.n == 0) {
        rc = tt_cmd_fail(&cl, C_SWEEP_WHICH_SCRIPT_TEXT);
        goto out;
    }
    if (!output) {
        rc = tt_cmd_fail(&cl, C_SWEEP_WHERE_TEXT);
        goto out;
    }
    tt_sweep_format fmt;
    if (!tt_sweep_format_from_path(output, &fmt)) {
        rc = tt_cmd_fail(&cl, C_CARD_EXT_FMT_TEXT, output);
        goto out;
    }
    if (has_seeds && has_runs && runs != seeds.last - seeds.first + 1) {
        rc = tt_cmd_fail(&cl, C_SWEEP_RUNS_SEEDS_FMT_TEXT, runs);
        goto out;
    }
    if (!has_seeds) {
        seeds.first = 1;
        seeds.last = runs;
    }
    if (!has_jobs) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = n > 0 ? (uint64_t)n : 1;
    }
    if (jobs > 256)
        jobs = 256;

    script = tt_open_scenario("tabletop sweep", cl.args[0], NULL, &rc);
    if (!script)
        goto out;
    answers = calloc(scripts.n, sizeof *answers);
    if (!answers) {
        rc = tt_cmd_fail_as(&cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
        goto out;
    }
    tt_error err;
    if (tt_setting_args_check(&settings, tt_script_scenario(script), &err) != 0) {
        rc = tt_error_report(&err, "tabletop sweep");
        goto out;
    }
    for (; n_loaded < scripts.n; n_loaded++) {
        if (tt_action_script_load(scripts.items[n_loaded], tt_script_scenario(script),
                                  &answers[n_loaded], &err) != 0) {
            rc = tt_error_report(&err, "tabletop sweep");
            goto out;
        }
    }
    progress prog = { cl.lang, now_s(), 0 };
    tt_sweep_config cfg = {
        .script = script,
        .scenario_path = tt_script_scenario(script)->path,
        .answers = answers,
        .n_answers = scripts.n,
        .overrides = settings.items,
        .n_overrides = settings.n,
        .first_seed = seeds.first,
        .last_seed = seeds.last,
        .jobs = (int)jobs,
        .strict = strict,
        .progress = isatty(STDERR_FILENO) ? show_progress : NULL,
        .progress_user = &prog,
    };
    bool bad_input; /* err carries the class */
    if (tt_sweep_run(&cfg, &sw, &bad_input, &err) != 0 ||
        tt_sweep_write(sw, output, fmt, cl.lang, &err) != 0) {
        rc = tt_error_report(&err, "tabletop sweep");
        goto out;
    }
    size_t total = (size_t)(seeds.last - seeds.first + 1) * scripts.n;
    size_t failed = tt_sweep_failures(sw);
    printf(TT_FMT(cl.lang, C_SWEEP_DONE_FMT), total, failed, output);
    fflush(stdout);
    if (failed) /* an exercise that failed is the run's failure, not the input's */
        rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_SWEEP_FAILED_FMT_TEXT, failed);
out:
    tt_sweep_free(sw);
    for (size_t i = 0; i < n_loaded; i++)
        tt_action_script_free(&answers[i]);
    free(answers);
    tt_script_free(script);
    tt_setting_args_free(&settings);
    free(scripts.items);
    return rc;
}
