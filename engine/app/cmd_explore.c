/* tabletop explore SCENARIO [--runs N] [--seed S] [-o DIR]: dynamic lint. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"

static const char USAGE_EN[] =
    "usage: tabletop explore SCENARIO [--runs N] [--seed S] [-o DIR]\n"
    "\n"
    "Plays N exercises (default 50) with a random but valid policy: at random\n"
    "times one of the actions available then, with random settings. Reports\n"
    "runtime errors, objectives never reached, actions never available, injects\n"
    "never fired and metrics never changed, each with the shortest action script\n"
    "that shows it (shrunk), as YAML: printed after the findings, or written to\n"
    "DIR/finding-N.yaml with -o. Run one with tabletop run SCENARIO --script F.\n"
    "\n"
    "Exit codes: 0 nothing found, 1 findings, 2 bad input.\n";
static const char USAGE_JA[] =
    "使い方: tabletop explore シナリオ [--runs N] [--seed S] [-o DIR]\n"
    "\n"
    "ランダムだが有効な方針（その時点で選べるアクションをランダムな時刻に、設定もランダム）\n"
    "で N 回（既定 50）演習し、実行時エラー、一度も達成されない目標、一度も選べない\n"
    "アクション、一度も発生しないインジェクト、一度も変わらない指標を報告します。それぞれに\n"
    "再現する最短の解答スクリプト（縮約済み、YAML）を付けます。-o で DIR/finding-N.yaml へ。\n"
    "\n"
    "終了コード: 0 指摘なし、1 指摘あり、2 入力の誤り。\n";

static bool parse_runs(const char *arg, void *dest, char *why, size_t why_size)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > 100000) {
        snprintf(why, why_size, "--runs must be a whole number from 1 to 100000, not '%s'", arg);
        return false;
    }
    *(unsigned *)dest = (unsigned)v;
    return true;
}

int tt_cmd_explore(int argc, char **argv)
{
    tt_cmdline cl = { .name = "explore", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
                      .min_args = 1, .max_args = 1,
                      .missing = { "シナリオを1つ指定してください", "which scenario? give one id or .lua path" } };
    unsigned runs = 50;
    uint64_t seed = 1;
    const char *dir = NULL;
    const tt_opt opts[] = {
        { "runs", 0, TT_OPT_CUSTOM, &runs, NULL, parse_runs },
        { "seed", 0, TT_OPT_SEED, &seed, NULL, NULL },
        { "output", 'o', TT_OPT_PATH, &dir, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    char path[1024], why[4096];
    if (!tt_locate_scenario(cl.args[0], path, sizeof path, why, sizeof why)) {
        fprintf(stderr, "tabletop explore: %s\n", why);
        return TT_EXIT_BADINPUT;
    }
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        perror(dir);
        return TT_EXIT_RUNTIME;
    }
    tt_explore_report rep;
    tt_error err;
    tt_error_clear(&err);
    if (tt_explore(path, runs, seed, &rep, &err) != 0) {
        printf("%s:%d:%d: %s\n", err.file[0] ? err.file : path, err.line,
               err.column > 0 ? err.column : 1, err.message);
        return TT_EXIT_BADINPUT;
    }
    tt_findings_print(&rep.findings, stdout);
    int rc = rep.findings.n ? TT_EXIT_RUNTIME : TT_EXIT_OK;
    for (size_t i = 0; i < rep.n_witnesses; i++) {
        if (!rep.witnesses[i].yaml)
            continue;
        if (dir) {
            char file[2048];
            snprintf(file, sizeof file, "%s/finding-%zu.yaml", dir, i + 1);
            FILE *fp = fopen(file, "wb");
            if (!fp || fputs(rep.witnesses[i].yaml, fp) < 0) {
                perror(file);
                rc = TT_EXIT_RUNTIME;
            }
            if (fp && fclose(fp) != 0)
                rc = TT_EXIT_RUNTIME;
            printf("%s: %s\n", file, rep.witnesses[i].message);
        } else {
            printf("\n--- finding %zu\n%s", i + 1, rep.witnesses[i].yaml);
        }
    }
    if (!rep.findings.n)
        printf(cl.lang == TT_LANG_JA ? "%u 回の演習で指摘なし\n" : "nothing found in %u runs\n",
               rep.runs);
    tt_explore_report_free(&rep);
    return rc;
}
