/* Part of the one terminology table (tabletop/terms.h): the texts of the
 * drill commands in engine/app (run, resume, replay, watch, the terminal
 * front-end, the command-line parser). Kept in its own file so the table's
 * sections can be edited side by side. */
#ifndef TABLETOP_TERMS_APP_DRILL_H
#define TABLETOP_TERMS_APP_DRILL_H

/* ---- the command-line parser (engine/app/options.c) */
#define C_SEE_HELP_FMT_TEXT "（'tabletop %s --help' を参照）", \
    "(see 'tabletop %s --help')"
#define C_OPT_WANTS_PATH_FMT_TEXT "--%s にはパスを指定してください", \
    "--%s wants a path"
#define C_OPT_LANG_FMT_TEXT "--%s は ja か en です（'%s'）", \
    "--%s must be ja or en (got '%s')"
#define C_OPT_UI_FMT_TEXT "--%s は none、tty、sdl のいずれかです（'%s'）", \
    "--%s must be none, tty or sdl (got '%s')"
#define C_OPT_SPEED_FMT_TEXT "--%s は 0 より大きく 1000000 以下の数です（'%s'）", \
    "--%s must be a number above 0 and at most 1000000 (got '%s')"
#define C_OPT_SEED_FMT_TEXT "--%s は 0 以上の整数です（'%s'）", \
    "--%s must be a non-negative integer (got '%s')"
#define C_OPT_EXTRA_ARG_FMT_TEXT "余分な引数があります: '%s'", \
    "unexpected argument '%s'"

#define TT_TERMS_APP_DRILL(X) \
    /* ---- command-line parser */ \
    X(C_SEE_HELP_FMT, C_SEE_HELP_FMT_TEXT) \
    X(C_OPT_WANTS_PATH_FMT, C_OPT_WANTS_PATH_FMT_TEXT) \
    X(C_OPT_LANG_FMT, C_OPT_LANG_FMT_TEXT) \
    X(C_OPT_UI_FMT, C_OPT_UI_FMT_TEXT) \
    X(C_OPT_SPEED_FMT, C_OPT_SPEED_FMT_TEXT) \
    X(C_OPT_SEED_FMT, C_OPT_SEED_FMT_TEXT) \
    X(C_OPT_EXTRA_ARG_FMT, C_OPT_EXTRA_ARG_FMT_TEXT) \
    /* ---- tabletop without a command (engine/app/main.c) */ \
    X(C_MAIN_USAGE_HEAD, "使い方: tabletop コマンド [引数...]\n\nコマンド:\n", \
      "usage: tabletop COMMAND [ARGS...]\n\ncommands:\n") \
    X(C_MAIN_USAGE_FOOT, "\n各コマンドの説明は 'tabletop コマンド --help'、\n" \
      "バージョンは 'tabletop --version'（-V）で表示します。\n" \
      "終了コード: 0 正常、1 実行時の失敗、2 入力の誤り。\n", \
      "\n'tabletop COMMAND --help' describes each command;\n" \
      "'tabletop --version' (-V) prints the version.\n" \
      "Exit codes: 0 ok, 1 runtime failure, 2 bad input.\n") \
    X(C_CMD_LIST, "見つかったシナリオを一覧表示", "list the scenarios found") \
    X(C_CMD_CHECK, "シナリオを読み込んで検証", "load and validate scenarios") \
    X(C_CMD_RUN, "演習を実行（ライブ演習、ダッシュボード、画面なし）", \
      "run an exercise (live drill, dashboard or headless)") \
    X(C_CMD_RESUME, "中断した演習を記録ファイルから再開", \
      "continue an interrupted exercise from its journal") \
    X(C_CMD_REPLAY, "記録ファイルを入力から再実行して再現を確認", \
      "re-run a journal and check it reproduces") \
    X(C_CMD_SCORE, "記録ファイルのスコアカードを作成（.html, .md, .json）", \
      "write the scorecard of a journal (.html, .md, .json)") \
    X(C_CMD_HISTORY, "過去の演習を一覧表示", "list past exercises") \
    X(C_CMD_SWEEP, "解答スクリプトを多数のシードで実行し、ばらつきを報告", \
      "run answer scripts over many seeds and report the spread") \
    X(C_CMD_NEW, "シナリオのひな形と4つの解答を作成", \
      "write a skeleton scenario and its four answers") \
    X(C_CMD_LINT, "シナリオの静的チェック（file:line:col: message）", \
      "static checks of scenarios (file:line:col: message)") \
    X(C_CMD_EXPLORE, "ランダムな演習を多数実行し、一度も起きないことを報告", \
      "play random valid exercises, report what never happens") \
    X(C_CMD_WATCH, "保存のたびに解答を再実行し、変化を表示", \
      "re-run answers on every save, print what changed") \
    X(C_CMD_GRAPH, "シナリオの構造を図にする（.svg, .dot）", \
      "draw the scenario's structure (.svg, .dot)") \
    X(C_CMD_MSEL, "マスターシナリオイベントリスト（MSEL）を作成（.csv, .md）", \
      "write the Master Scenario Events List (.csv, .md)") \
    X(C_CMD_SHOW, "進行役ブリーフィングを作成（.md, .html）", \
      "write the facilitator's briefing (.md, .html)") \
    X(C_CMD_API, "シナリオ API のエディター用注釈を出力（--luals）", \
      "print editor annotations of the scenario API (--luals)") \
    X(C_CMD_SYNC, "オフラインで保存した結果（と記録ファイル）を中央データベースへ送信", \
      "send results kept offline (and journals) to the central database") \
    X(C_CMD_FETCH, "中央アーカイブから記録ファイルを書き出す", \
      "write a journal from the central archive") \
    X(C_CMD_REPORT, "演習をまたいだ報告を作成（.html, .md, .json, .csv）", \
      "report across exercises (.html, .md, .json, .csv)")

#endif
