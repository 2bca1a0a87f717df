/* tabletop msel SCENARIO [-o msel.csv|msel.md] [--lang ja|en] [--bom]: the
 * Master Scenario Events List facilitators use (HSEEP). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"

static const char USAGE_EN[] =
    "usage: tabletop msel SCENARIO [-o FILE.csv|FILE.md] [--lang ja|en] [--bom]\n"
    "\n"
    "Writes the Master Scenario Events List (HSEEP) of a scenario: one row per\n"
    "inject with its time or trigger, the inject, from, to, the expected action,\n"
    "the objective (target and limit) and the facilitator's notes (discussion\n"
    "questions). The extension picks the format: RFC 4180 CSV (UTF-8; --bom adds\n"
    "a byte order mark so spreadsheets read Japanese) or a Markdown table.\n"
    "Without -o, CSV goes to standard output.\n"
    "\n"
    "Exit codes: 0 ok, 1 cannot write, 2 bad input.\n";
static const char USAGE_JA[] =
    "使い方: tabletop msel シナリオ [-o FILE.csv|FILE.md] [--lang ja|en] [--bom]\n"
    "\n"
    "シナリオのマスターシナリオイベントリスト（MSEL、HSEEP）を書きます。インジェクトごとに\n"
    "時刻または契機、インジェクト、発信、宛先、期待される対応、目標（目標時刻と期限）、\n"
    "備考（討議の問い）を1行にします。拡張子で形式を選びます: RFC 4180 の CSV\n"
    "（UTF-8。--bom で表計算ソフトが日本語を読めるよう BOM を付けます）か Markdown の表。\n"
    "-o がなければ CSV を標準出力へ。\n"
    "\n"
    "終了コード: 0 正常、1 書き込めない、2 入力の誤り。\n";

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) != 0) {
        fclose(fp);
        return NULL;
    }
    long n = ftell(fp);
    rewind(fp);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b) {
        size_t got = fread(b, 1, (size_t)n, fp);
        b[got] = '\0';
    }
    fclose(fp);
    return b;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int tt_cmd_msel(int argc, char **argv)
{
    tt_cmdline cl = { .name = "msel", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
                      .min_args = 1, .max_args = 1,
                      .missing = { "シナリオを1つ指定してください", "which scenario? give one id or .lua path" } };
    const char *out = NULL;
    bool bom = false;
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_PATH, &out, NULL, NULL },
        { "bom", 0, TT_OPT_FLAG, &bom, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    tt_msel_format fmt = TT_MSEL_CSV;
    if (out) {
        size_t n = strlen(out);
        if (n > 4 && strcmp(out + n - 4, ".csv") == 0)
            fmt = TT_MSEL_CSV;
        else if (n > 3 && strcmp(out + n - 3, ".md") == 0)
            fmt = TT_MSEL_MD;
        else
            return tt_cmd_fail(&cl, "出力先の拡張子は .csv か .md です: %s",
                               "the output's extension must be .csv or .md: %s", out);
    }
    tt_script *s = tt_open_scenario(cl.args[0], NULL);
    if (!s)
        return TT_EXIT_BADINPUT;
    const tt_scenario *sc = tt_script_scenario(s);
    if (out && same_file(out, sc->path)) {
        tt_script_free(s);
        return tt_cmd_fail(&cl, "出力先がシナリオファイルそのものです: %s",
                           "the output is the scenario file itself: %s", out);
    }
    char *src = slurp(sc->path);
    tt_term_doc doc; /* standard output: shown safely on a terminal */
    FILE *fp = out ? fopen(out, "wb") : tt_term_doc_open(&doc, stdout);
    int rc = TT_EXIT_OK;
    tt_error err;
    tt_error_clear(&err);
    if (!fp) {
        perror(out ? out : "standard output");
        rc = TT_EXIT_RUNTIME;
    } else {
        if (tt_msel_write(s, src, fp, fmt, cl.lang, bom, &err) != 0) {
            fprintf(stderr, "tabletop msel: %s\n", err.message);
            rc = TT_EXIT_RUNTIME;
        }
        if (out && fclose(fp) != 0) {
            perror(out);
            rc = TT_EXIT_RUNTIME;
        } else if (!out && tt_term_doc_close(&doc) != 0) {
            rc = TT_EXIT_RUNTIME;
        }
    }
    if (rc == TT_EXIT_OK && out)
        printf("%s\n", out);
    free(src);
    tt_script_free(s);
    return rc;
}
