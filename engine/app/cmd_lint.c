/* tabletop lint SCENARIO...: static checks, one finding per line as
 * file:line:col: message. Exit 0 clean, 1 findings, 2 a file that cannot be
 * read or loaded. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"

static const char USAGE_EN[] =
    "usage: tabletop lint SCENARIO...\n"
    "\n"
    "Static checks of scenario files (ids or paths), without running them:\n"
    "state keys read or written but not declared, misspelt actor/role ids and\n"
    "ctx fields, texts missing a language, numbers neither cited nor marked\n"
    "invented, objectives no action can reach. One finding per line:\n"
    "file:line:col: message (docs/authoring.md, \"Authoring tools\").\n"
    "\n"
    "Exit codes: 0 nothing found, 1 findings, 2 a scenario that cannot be loaded.\n";
static const char USAGE_JA[] =
    "使い方: tabletop lint シナリオ...\n"
    "\n"
    "シナリオを実行せずに静的に検査します: 宣言されていない状態キーの読み書き、\n"
    "綴りの誤ったアクター/役割/ctx、片方の言語しかない文、出典も「仮」の注記もない\n"
    "数値、どのアクションでも到達できない目標。1行に1件、file:line:col: message。\n"
    "\n"
    "終了コード: 0 指摘なし、1 指摘あり、2 読み込めないシナリオ。\n";

int tt_cmd_lint(int argc, char **argv)
{
    tt_cmdline cl = { .name = "lint", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
                      .min_args = 1, .max_args = -1,
                      .missing = { "シナリオを1つ以上指定してください",
                                   "which scenarios? give at least one id or .lua path" } };
    const tt_opt opts[] = {
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    int status = TT_EXIT_OK;
    for (int i = 0; i < cl.n_args; i++) {
        char path[1024], why[4096];
        if (!tt_locate_scenario(cl.args[i], path, sizeof path, why, sizeof why)) {
            fprintf(stderr, "tabletop lint: %s\n", why);
            status = TT_EXIT_BADINPUT;
            continue;
        }
        tt_findings f = { 0 };
        tt_error err;
        tt_error_clear(&err);
        if (tt_lint_file(path, &f, &err) != 0) {
            printf("%s:%d:%d: %s\n", err.file[0] ? err.file : path, err.line,
                   err.column > 0 ? err.column : 1, err.message);
            status = TT_EXIT_BADINPUT;
        } else if (f.n) {
            tt_findings_print(&f, stdout);
            if (status == TT_EXIT_OK)
                status = TT_EXIT_RUNTIME;
        }
        tt_findings_free(&f);
    }
    fflush(stdout);
    return status;
}
