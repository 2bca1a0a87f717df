/* tabletop graph SCENARIO -o graph.svg|graph.dot: the scenario's structure
 * without running it (Graphviz). */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"

static const char USAGE_EN[] =
    "usage: tabletop graph SCENARIO [-o FILE.svg|FILE.dot] [--lang ja|en]\n"
    "\n"
    "Draws the scenario's structure without running it: injects, dynamics,\n"
    "actions, the state keys each reads (dashed) and writes, objectives, which\n"
    "actions complete them (bold) and which inject is their notice (dotted).\n"
    "The extension picks the format: SVG laid out by Graphviz, or DOT text.\n"
    "Without -o, DOT goes to standard output.\n"
    "\n"
    "Exit codes: 0 ok, 1 cannot write, 2 bad input.\n";
static const char USAGE_JA[] =
    "使い方: tabletop graph シナリオ [-o FILE.svg|FILE.dot] [--lang ja|en]\n"
    "\n"
    "シナリオを実行せずに構造を描きます: インジェクト、動的要素、アクション、それぞれが\n"
    "読む（破線）・書く状態キー、目標、目標を達成するアクション（太線）、最初の通知となる\n"
    "インジェクト（点線）。拡張子で形式を選びます: Graphviz で配置した SVG か DOT テキスト。\n"
    "-o がなければ DOT を標準出力へ。\n"
    "\n"
    "終了コード: 0 正常、1 書き込めない、2 入力の誤り。\n";

int tt_cmd_graph(int argc, char **argv)
{
    tt_cmdline cl = { .name = "graph", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
                      .min_args = 1, .max_args = 1,
                      .missing = { "シナリオを1つ指定してください", "which scenario? give one id or .lua path" } };
    const char *out = NULL;
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_PATH, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    bool svg = false;
    if (out) {
        size_t n = strlen(out);
        if (n > 4 && strcmp(out + n - 4, ".svg") == 0)
            svg = true;
        else if (!(n > 4 && strcmp(out + n - 4, ".dot") == 0) &&
                 !(n > 3 && strcmp(out + n - 3, ".gv") == 0))
            return tt_cmd_fail(&cl, "出力先の拡張子は .svg か .dot です: %s",
                               "the output's extension must be .svg or .dot: %s", out);
    }
    char path[1024], why[4096];
    if (!tt_locate_scenario(cl.args[0], path, sizeof path, why, sizeof why)) {
        fprintf(stderr, "tabletop graph: %s\n", why);
        return TT_EXIT_BADINPUT;
    }
    tt_error err;
    tt_error_clear(&err);
    tt_access acc;
    if (tt_access_of(path, &acc, &err) != 0) {
        tt_error_print(&err, "tabletop graph");
        return TT_EXIT_BADINPUT;
    }
    tt_script *s = tt_open_scenario(path, NULL);
    if (!s) {
        tt_access_free(&acc);
        return TT_EXIT_BADINPUT;
    }
    if (out && tt_same_file(out, path)) {
        tt_script_free(s);
        tt_access_free(&acc);
        return tt_cmd_fail(&cl, "出力先がシナリオファイルそのものです: %s",
                           "the output is the scenario file itself: %s", out);
    }
    const tt_graph_api *graph = tt_graph_module(cl.lang, &err);
    if (!graph) {
        tt_error_print(&err, "tabletop graph");
        tt_script_free(s);
        tt_access_free(&acc);
        return tt_error_exit(&err);
    }
    int rc = TT_EXIT_OK;
    tt_term_doc doc; /* standard output: shown safely on a terminal */
    FILE *fp = out ? fopen(out, "wb") : tt_term_doc_open(&doc, stdout);
    if (!fp) {
        perror(out ? out : "standard output");
        rc = TT_EXIT_RUNTIME;
    } else {
        if (graph->write(s, &acc, fp, svg, cl.lang, &err) != 0) {
            fprintf(stderr, "tabletop graph: %s\n", err.message);
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
    tt_script_free(s);
    tt_access_free(&acc);
    return rc;
}
