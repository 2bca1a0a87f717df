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

static const char usage_ja[] =
    "使い方: tabletop sweep SCENARIO --script F [--script G ...] -o 出力 [オプション]\n"
    "\n"
    "各回答スクリプトを多数のシードで並列に実行・採点し、結果の分布を書き出します:\n"
    "スコアと評価、各目標の達成時刻（最小・中央値・90%点・最大）と P/S/M/U の割合、\n"
    "被害の指標の分布、極端な結果になったシード。\n"
    "\n"
    "  --script F.yaml     回答スクリプト（複数指定可）\n"
    "  -o, --output F      出力先。拡張子で形式を選びます: .html .md .json\n"
    "  --runs N            シードの数（既定 100、シードは 1 から）\n"
    "  --seeds A..B        シードの範囲（両端を含む）\n"
    "  --set KEY=VALUE     シナリオの設定（スクリプトの設定より優先）\n"
    "  --jobs J            並列に動かすプロセス数（既定: CPU の数）\n"
    "  --strict            拒否された対応（実施不可、役割違い）を誤りとする\n"
    "  --lang ja|en        言語（既定: ロケールから）\n"
    "  -h, --help          この説明\n"
    "\n"
    "端末では進捗（速度と残り時間）を表示します。\n"
    "終了コード: 0 成功、1 失敗した演習がある／実行時の失敗、2 入力の誤り。\n";
static const char usage_en[] =
    "usage: tabletop sweep SCENARIO --script F [--script G ...] -o OUT [options]\n"
    "\n"
    "Run and score each answer script over many seeds in parallel and report the\n"
    "distribution: score and rating, each objective's reach time (min, median, p90,\n"
    "max) and P/S/M/U shares, each damage metric, and the seeds giving the extremes.\n"
    "\n"
    "  --script F.yaml     an answer script (repeat for several)\n"
    "  -o, --output F      report; the extension picks the format: .html .md .json\n"
    "  --runs N            how many seeds (default 100, from seed 1)\n"
    "  --seeds A..B        the seeds, both ends included\n"
    "  --set KEY=VALUE     scenario setting (wins over the scripts' own)\n"
    "  --jobs J            worker processes (default: the number of CPUs)\n"
    "  --strict            a refused step (not available, wrong role) fails the exercise\n"
    "  --lang ja|en        language (default: from the locale)\n"
    "  -h, --help          this help\n"
    "\n"
    "On a terminal a progress bar shows the rate and the time left.\n"
    "Exit codes: 0 ok, 1 an exercise failed or a runtime failure, 2 bad input.\n";

typedef struct paths {
    const char **items;
    size_t n;
} paths;

static bool add_script(const char *arg, void *dest, char *why, size_t why_size)
{
    paths *p = dest;
    const char **grown = realloc(p->items, (p->n + 1) * sizeof *grown);
    if (!grown) {
        snprintf(why, why_size, "out of memory");
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
        snprintf(why, why_size, "'%s' is not a count between 1 and 10000000", arg);
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
        snprintf(why, why_size, "--seeds wants A..B (e.g. 1..1000), not '%s'", arg);
        return false;
    }
    errno = 0;
    r->first = strtoull(arg, &end, 10);
    bool ok = end == dots && !errno;
    r->last = strtoull(dots + 2, &end, 10);
    ok = ok && end != dots + 2 && !*end && !errno && r->first <= r->last &&
         r->last - r->first < 10000000;
    if (!ok)
        snprintf(why, why_size, "--seeds wants A..B with A <= B and at most 10000000 seeds, "
                 "not '%s'", arg);
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
    if (p->lang == TT_LANG_JA)
        fprintf(stderr, "\r[%s] %zu/%zu  %.0f 件/秒  残り %.0f 秒 ", bar, done, total, rate, left);
    else
        fprintf(stderr, "\r[%s] %zu/%zu  %.0f/s  %.0fs left ", bar, done, total, rate, left);
    if (done == total)
        fputc('\n', stderr);
    fflush(stderr);
}

int tt_cmd_sweep(int argc, char **argv)
{
    tt_cmdline cl = { .name = "sweep", .usage_en = usage_en, .usage_ja = usage_ja,
                      .min_args = 1, .max_args = 1,
                      .missing = { "シナリオを1つ指定してください", "which scenario? give one" },
                      .extra = { "シナリオは1つだけ指定してください", "give exactly one scenario" } };
    paths scripts = { 0 };
    tt_setting_args settings = { 0 };
    const char *output = NULL;
    uint64_t runs = 100;
    bool has_runs = false, has_seeds = false, strict = false, has_jobs = false;
    uint64_t jobs = 0;
    seed_range seeds = { 1, 100 };
    const tt_opt opts[] = {
        { "script", 0, TT_OPT_CUSTOM, &scripts, NULL, add_script },
        { "output", 'o', TT_OPT_PATH, &output, NULL, NULL },
        { "runs", 0, TT_OPT_CUSTOM, &runs, &has_runs, parse_count },
        { "seeds", 0, TT_OPT_CUSTOM, &seeds, &has_seeds, parse_seeds },
        { "set", 0, TT_OPT_CUSTOM, &settings, NULL, parse_set },
        { "jobs", 'j', TT_OPT_CUSTOM, &jobs, &has_jobs, parse_count },
        { "strict", 0, TT_OPT_FLAG, &strict, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    int rc = TT_EXIT_BADINPUT;
    tt_script *script = NULL;
    tt_action_script *answers = NULL;
    size_t n_loaded = 0;
    tt_sweep *sw = NULL;
    if (!tt_opts_parse(&cl, argc, argv, opts)) {
        rc = cl.status;
        goto out;
    }
    if (scripts.n == 0) {
        rc = tt_cmd_fail(&cl, "回答スクリプトを --script で1つ以上指定してください%s",
                         "give at least one answer script with --script%s", "");
        goto out;
    }
    if (!output) {
        rc = tt_cmd_fail(&cl, "出力先を -o で指定してください（.html .md .json）%s",
                         "give the report with -o (.html, .md or .json)%s", "");
        goto out;
    }
    tt_sweep_format fmt;
    if (!tt_sweep_format_from_path(output, &fmt)) {
        rc = tt_cmd_fail(&cl, "出力先の拡張子は .html .md .json のいずれかです: %s",
                         "the output's extension must be .html, .md or .json: %s", output);
        goto out;
    }
    if (has_seeds && has_runs && runs != seeds.last - seeds.first + 1) {
        rc = tt_cmd_fail(&cl, "--runs %" PRIu64 " と --seeds の範囲の数が合いません",
                         "--runs %" PRIu64 " does not match the number of --seeds", runs);
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

    script = tt_open_scenario(cl.args[0], NULL, NULL);
    if (!script)
        goto out;
    answers = calloc(scripts.n, sizeof *answers);
    if (!answers) {
        rc = TT_EXIT_RUNTIME;
        goto out;
    }
    tt_error err;
    for (; n_loaded < scripts.n; n_loaded++) {
        if (tt_action_script_load(scripts.items[n_loaded], tt_script_scenario(script),
                                  &answers[n_loaded], &err) != 0) {
            tt_error_print(&err, "tabletop sweep");
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
    bool bad_input = false;
    if (tt_sweep_run(&cfg, &sw, &bad_input, &err) != 0) {
        tt_error_print(&err, "tabletop sweep");
        rc = bad_input ? TT_EXIT_BADINPUT : TT_EXIT_RUNTIME;
        goto out;
    }
    if (tt_sweep_write(sw, output, fmt, cl.lang, &err) != 0) {
        tt_error_print(&err, "tabletop sweep");
        rc = TT_EXIT_RUNTIME;
        goto out;
    }
    size_t total = (size_t)(seeds.last - seeds.first + 1) * scripts.n;
    size_t failed = tt_sweep_failures(sw);
    if (cl.lang == TT_LANG_JA)
        printf("%zu 件の演習（失敗 %zu 件）: %s\n", total, failed, output);
    else
        printf("%zu exercises (%zu failed): %s\n", total, failed, output);
    if (failed)
        fprintf(stderr, cl.lang == TT_LANG_JA
                            ? "tabletop sweep: %zu 件の演習が失敗しました（報告の一覧を参照）\n"
                            : "tabletop sweep: %zu exercises failed (listed in the report)\n",
                failed);
    rc = failed ? TT_EXIT_RUNTIME : TT_EXIT_OK;
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
