/* tabletop score JOURNAL [-o FILE]: the scorecard of a journal (.html, .md or
 * .json by extension), with the team's trend from the drill history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/score.h"
#include "tabletop/script.h"

typedef struct score_options {
    const char *journal;
    const char *out;
    const char *db;
    const char *scenarios;
    bool no_record;
    tt_lang lang;
} score_options;

static const char usage_ja[] =
    "使い方: tabletop score JOURNAL [オプション]\n"
    "\n"
    "演習記録（JOURNAL）からスコアカードを書き出します。\n"
    "\n"
    "  -o, --output F      出力先。拡張子で形式を選びます: .html .md .json\n"
    "                      （既定: 記録ファイルの隣の .html）\n"
    "  --lang ja|en        言語（既定: ロケールから）\n"
    "  --db F|URI          演習履歴データベース、または postgresql:// URI（中央の結果。届かないときは\n"
    "                      この端末に未送信として保存。既定: $TABLETOP_DB、なければ XDG データディレクトリ）\n"
    "  --no-record         演習履歴に記録しない（比較だけ表示）\n"
    "  --scenarios DIR     記録のパスにシナリオがない場合に探すフォルダー\n"
    "  -h, --help          この説明\n"
    "\n"
    "終了コード: 0 成功、1 実行時の失敗、2 入力の誤り。\n";
static const char usage_en[] =
    "usage: tabletop score JOURNAL [options]\n"
    "\n"
    "Write the scorecard of an exercise journal.\n"
    "\n"
    "  -o, --output F      output file; the extension picks the format: .html .md .json\n"
    "                      (default: beside the journal, .html)\n"
    "  --lang ja|en        language (default: from the locale)\n"
    "  --db F|URI          drill-history database, or a postgresql:// URI: central results,\n"
    "                      kept here as not yet sent when unreachable (docs/results.md;\n"
    "                      default: $TABLETOP_DB, else the XDG data directory)\n"
    "  --no-record         do not record the exercise in the history (trend only)\n"
    "  --scenarios DIR     where to look for the scenario when the journal's path is gone\n"
    "  -h, --help          this help\n"
    "\n"
    "Exit codes: 0 ok, 1 runtime failure, 2 bad input.\n";

int tt_cmd_score(int argc, char **argv)
{
    tt_cmdline cl = { .name = "score", .usage_en = usage_en, .usage_ja = usage_ja,
                      .min_args = 1, .max_args = 1,
                      .missing = { "記録ファイル（JOURNAL）を1つ指定してください", "give exactly one JOURNAL" },
                      .extra = { "記録ファイル（JOURNAL）は1つだけ指定してください", "give exactly one JOURNAL" } };
    score_options o = { 0 };
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_PATH, &o.out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &o.lang, NULL, NULL },
        { "db", 0, TT_OPT_PATH, &o.db, NULL, NULL },
        { "no-record", 0, TT_OPT_FLAG, &o.no_record, NULL, NULL },
        { "scenarios", 0, TT_OPT_PATH, &o.scenarios, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    o.lang = cl.lang;
    o.journal = cl.args[0];

    char def[4096];
    const char *out = o.out;
    if (!out) {
        if (tt_score_default_card_path(o.journal, ".html", def, sizeof def) != 0)
            return tt_cmd_fail(&cl, "記録ファイルの隣に出力先を作れません: %s",
                               "cannot make an output path beside the journal; give -o FILE: %s", o.journal);
        out = def;
    }
    tt_card_format fmt;
    if (!tt_card_format_from_path(out, &fmt))
        return tt_cmd_fail(&cl, "出力先の拡張子は .html .md .json のいずれかです: %s",
                           "the output's extension must be .html, .md or .json: %s", out);
    if (tt_same_file(o.journal, out))
        return tt_cmd_fail(&cl, "出力先が記録ファイルそのものです（記録は上書きしません）: %s",
                           "the output is the journal itself (a journal is never overwritten): %s",
                           out);

    tt_error err;
    tt_error_clear(&err);
    char hash[65];
    if (tt_score_file_hash(o.journal, hash, &err) != 0) {
        tt_error_print(&err, "tabletop score");
        return TT_EXIT_BADINPUT;
    }
    /* Read record by record: memory holds what the card shows, whatever
     * the journal's size. */
    tt_journal_stream *in = tt_journal_stream_open(o.journal, &err);
    const tt_record *first = NULL;
    if (!in || tt_journal_stream_next(in, &first, &err) < 0) {
        tt_error_print(&err, "tabletop score");
        tt_journal_stream_close(in);
        return TT_EXIT_BADINPUT;
    }
    /* The START record alone names the scenario. */
    tt_journal j = { .records = (tt_record *)first, .n_records = first ? 1 : 0 };
    bool differs = false;
    const char *search = o.scenarios;
    char found[1024], why[256];
    if (!search && j.n_records && j.records[0].start &&
        tt_score_is_scenario_id(j.records[0].start->scenario) &&
        tt_locate_scenario(j.records[0].start->scenario, found, sizeof found, why, sizeof why)) {
        char *slash = strrchr(found, '/'); /* the folder the id was found in */
        if (slash)
            *slash = '\0';
        search = found;
    }
    tt_script *script = tt_score_load_scenario(&j, search ? search
                                                   : tt_score_default_scenario_dir(),
                                               &differs, &err);
    if (!script) {
        tt_error_print(&err, "tabletop score");
        tt_journal_stream_close(in);
        return TT_EXIT_BADINPUT;
    }
    tt_scorecard card;
    int built = tt_scorecard_build_file(&card, tt_script_scenario(script), in, first, o.journal,
                                        hash, &err);
    tt_journal_stream_close(in);
    if (built != 0) {
        tt_error_print(&err, "tabletop score");
        tt_script_free(script);
        return tt_error_exit(&err);
    }
    if (differs)
        fputs(o.lang == TT_LANG_JA
                  ? "tabletop score: 警告: シナリオファイルの内容が演習時と異なります\n"
                  : "tabletop score: warning: the scenario file differs from the one the exercise ran\n",
              stderr);
    if (card.incomplete)
        fputs(o.lang == TT_LANG_JA
                  ? "tabletop score: 警告: 記録が不完全です。含まれる範囲だけを採点します\n"
                  : "tabletop score: warning: the journal is incomplete; scored for what it holds\n",
              stderr);
    tt_error db_err;
    int db_rc = tt_score_history_step(&card, o.db, !o.no_record, &db_err);
    int rc = TT_EXIT_OK;
    if (tt_scorecard_write(&card, out, fmt, o.lang, &err) != 0) {
        rc = tt_error_report(&err, "tabletop score");
    } else {
        printf("%s %s %d/100  %s\n", tt_rating_letter(card.rating),
               o.lang == TT_LANG_JA ? "スコア" : "score", card.score, out);
        char banner[512];
        if (tt_scorecard_banner(&card, o.lang, banner, sizeof banner))
            printf("%s\n", banner);
        /* An explicitly chosen database that fails is an error; the
         * default one only warns (the card is still useful). */
        if (db_rc != 0 && o.db)
            rc = TT_EXIT_RUNTIME;
    }
    tt_scorecard_free(&card);
    tt_script_free(script);
    return rc;
}
