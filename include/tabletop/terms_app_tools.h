/* Part of the one terminology table (tabletop/terms.h): the texts of the
 * other commands in engine/app (score, history, report, sync, fetch, show,
 * sweep, new, lint, check, api, list, explore, graph, msel): their --help,
 * their failures and their output. */
#ifndef TABLETOP_TERMS_APP_TOOLS_H
#define TABLETOP_TERMS_APP_TOOLS_H

#include <inttypes.h> /* PRIu64 in a format */

/* ---- the --help of each command */
#define C_FETCH_USAGE_TEXT \
    "使い方: tabletop fetch HASH -o ファイル [--db URI]\n" \
    "\n" \
    "中央に保管された記録ファイルを取り出します（SHA-256 で確認し、既存のファイルは\n" \
    "上書きしません）。HASH は 64 桁か、一意に決まる 8 桁以上の先頭部分です。\n" \
    "\n" \
    "  -o, --output F      書き出すファイル（新しいファイル）\n" \
    "  --db URI            結果データベース（既定: $TABLETOP_DB、なければこの端末の\n" \
    "                      履歴）\n" \
    "  --lang ja|en        言語（既定: ロケールから）\n" \
    "  -h, --help          この説明\n", \
    "usage: tabletop fetch HASH -o FILE [--db URI]\n" \
    "\n" \
    "Write an archived journal to FILE, checked against its SHA-256 (an existing file\n" \
    "is never replaced). HASH is the 64 hex digits, or a unique prefix of 8 or more.\n" \
    "\n" \
    "  -o, --output F      the file to write (a new file)\n" \
    "  --db URI            results database (default: $TABLETOP_DB, else this\n" \
    "                      machine's history)\n" \
    "  --lang ja|en        language (default: from the locale)\n" \
    "  -h, --help          this help\n"

#define C_SYNC_USAGE_TEXT \
    "使い方: tabletop sync [--db URI] [--journals] [記録ファイル...]\n" \
    "\n" \
    "結果サーバーに届かなかった演習の結果（「未送信」）を中央の結果データベースへ\n" \
    "送ります。同じ記録（SHA-256）は二度送られません。途中で止まっても、\n" \
    "もう一度実行すれば続きから送ります。\n" \
    "\n" \
    "  --db URI            中央の結果データベース（postgresql://...、既定:\n" \
    "                      $TABLETOP_DB）\n" \
    "  --journals          記録ファイルも圧縮して保管する（この端末の履歴にあるもの\n" \
    "                      と、指定したもの）\n" \
    "  --lang ja|en        言語（既定: ロケールから）\n" \
    "  -h, --help          この説明\n", \
    "usage: tabletop sync [--db URI] [--journals] [JOURNAL...]\n" \
    "\n" \
    "Send the results kept on this machine as not yet sent (the results server was\n" \
    "unreachable) to the central results database. A journal (its SHA-256) is never\n" \
    "sent twice; after an interruption, run it again and it carries on.\n" \
    "\n" \
    "  --db URI            the central results database (postgresql://...; default:\n" \
    "                      $TABLETOP_DB)\n" \
    "  --journals          also archive the journal files, compressed (those in this\n" \
    "                      machine's history, and any given)\n" \
    "  --lang ja|en        language (default: from the locale)\n" \
    "  -h, --help          this help\n"

#define C_REPORT_USAGE_TEXT \
    "使い方: tabletop report [--db URI] [絞り込み] -o report.html|md|json|csv\n" \
    "\n" \
    "演習をまたいだ結果: チームとシナリオごとの点数と各フェーズの時間の推移（中央値と\n" \
    "最高、チームごとの小さなグラフ）、目標ごとの P/S/M/U の分布、繰り返し挙がる改善\n" \
    "項目、見落とされることの多い教訓。\n" \
    "\n" \
    "  --db F|URI          結果データベース（既定: $TABLETOP_DB、なければこの端末の\n" \
    "                      履歴）\n" \
    "  --team T            このチームだけ\n" \
    "  --scenario ID       このシナリオだけ\n" \
    "  --organisation O    この組織だけ\n" \
    "  --since DATE        この日付（YYYY-MM-DD）以降の演習だけ\n" \
    "  --anonymise         チーム名と参加者名を安定した仮名に置き換える\n" \
    "  -o, --output F      書き出すファイル（拡張子で形式を決めます）\n" \
    "  --lang ja|en        言語（既定: ロケールから）\n" \
    "  -h, --help          この説明\n", \
    "usage: tabletop report [--db URI] [filters] -o report.html|md|json|csv\n" \
    "\n" \
    "Results across exercises: per team and scenario the trend of the score and of\n" \
    "each phase's time (median and best, a small chart per team), each objective's\n" \
    "P/S/M/U distribution, improvement-plan items that keep coming back, and the\n" \
    "lessons missed most often.\n" \
    "\n" \
    "  --db F|URI          results database (default: $TABLETOP_DB, else this\n" \
    "                      machine's history)\n" \
    "  --team T            only this team\n" \
    "  --scenario ID       only this scenario\n" \
    "  --organisation O    only this organisation\n" \
    "  --since DATE        only exercises on or after this date (YYYY-MM-DD)\n" \
    "  --anonymise         replace team and member names by stable pseudonyms\n" \
    "  -o, --output F      the file to write (its extension picks the format)\n" \
    "  --lang ja|en        language (default: from the locale)\n" \
    "  -h, --help          this help\n"

#define C_CHECK_USAGE_TEXT \
    "使い方: tabletop check シナリオ... [--lang ja|en]\n" \
    "\n" \
    "各シナリオ（ID か .lua ファイルのパス）をサンドボックスで読み込んで検証します。\n" \
    "正しいシナリオごとに ok を、誤りごとに file:line: message を表示します。\n", \
    "usage: tabletop check SCENARIO... [--lang ja|en]\n" \
    "\n" \
    "Loads each scenario (an id or a path to a .lua file) in the sandbox and\n" \
    "validates it. Prints 'ok' per valid scenario and each error as\n" \
    "file:line: message.\n"

#define C_LIST_USAGE_TEXT \
    "使い方: tabletop list [--lang ja|en]\n" \
    "\n" \
    "$TABLETOP_SCENARIOS、./scenarios、組み込みのフォルダーにあるシナリオを\n" \
    "一覧します: ID、日本語の題名、英語の題名。\n", \
    "usage: tabletop list [--lang ja|en]\n" \
    "\n" \
    "Lists the scenarios found in $TABLETOP_SCENARIOS, ./scenarios and the built-in\n" \
    "folder: id, Japanese title, English title.\n"

#define C_LINT_USAGE_TEXT \
    "使い方: tabletop lint シナリオ... [--lang ja|en]\n" \
    "\n" \
    "シナリオを実行せずに静的に検査します: 宣言されていない状態キーの読み書き、\n" \
    "綴りの誤った関係者/役割/ctx、片方の言語しかない文、出典も演習用の印もない\n" \
    "数値、どの対応でも達成できない目標。1 行に 1 件（ファイル:行:列: 内容）。\n", \
    "usage: tabletop lint SCENARIO... [--lang ja|en]\n" \
    "\n" \
    "Static checks of scenario files (ids or paths), without running them:\n" \
    "state keys read or written but not declared, misspelt actor/role ids and\n" \
    "ctx fields, texts missing a language, numbers neither cited nor marked\n" \
    "invented, objectives no action can reach. One finding per line:\n" \
    "file:line:col: message (docs/authoring.md, \"Authoring tools\").\n"

#define C_API_USAGE_TEXT \
    "使い方: tabletop api --luals [--lang ja|en]\n" \
    "\n" \
    "シナリオファイル用の LuaLS（lua-language-server）注釈を出力します。scenario{}、\n" \
    "状態 s、ctx、各コールバックの型を、エンジンが検証に使う表から生成します。\n" \
    "scenarios/types/tabletop.d.lua はこの出力で、scenarios/.luarc.json\n" \
    "が参照します。\n", \
    "usage: tabletop api --luals [--lang ja|en]\n" \
    "\n" \
    "Prints LuaLS (lua-language-server) annotations for scenario files: the\n" \
    "scenario{} table, the state `s`, `ctx` and every callback, generated from\n" \
    "the tables the engine validates scenarios with. scenarios/types/tabletop.d.lua\n" \
    "is this output, and scenarios/.luarc.json points the language server at it:\n" \
    "\n" \
    "  tabletop api --luals > tabletop.d.lua\n"

#define C_EXPLORE_USAGE_TEXT \
    "使い方: tabletop explore シナリオ [--runs N] [--seed S] [-o DIR] [--lang ja|en]\n" \
    "\n" \
    "ランダムだが有効な方針（その時点で選べる対応をランダムな時刻に、\n" \
    "設定もランダム）で N 回（既定 50）演習し、実行時エラー、一度も達成されない目標、\n" \
    "一度も選べない対応、一度も発生しない状況付与、一度も変わらない指標を\n" \
    "報告します。それぞれに再現する最短の解答スクリプト（縮約済み、YAML）を付けます。\n" \
    "-o で DIR/finding-N.yaml へ。\n", \
    "usage: tabletop explore SCENARIO [--runs N] [--seed S] [-o DIR] [--lang ja|en]\n" \
    "\n" \
    "Plays N exercises (default 50) with a random but valid policy: at random\n" \
    "times one of the actions available then, with random settings. Reports\n" \
    "runtime errors, objectives never reached, actions never available, injects\n" \
    "never fired and metrics never changed, each with the shortest action script\n" \
    "that shows it (shrunk), as YAML: printed after the findings, or written to\n" \
    "DIR/finding-N.yaml with -o. Run one with tabletop run SCENARIO --script F.\n"

#define C_GRAPH_USAGE_TEXT \
    "使い方: tabletop graph シナリオ [-o FILE.svg|FILE.dot] [--lang ja|en]\n" \
    "\n" \
    "シナリオを実行せずに構造を描きます: 状況付与、動的要素、対応、\n" \
    "それぞれが読む（破線）・書く状態キー、目標、目標を達成する対応（太線）、\n" \
    "最初の通知となる状況付与（点線）。拡張子で形式を選びます: Graphviz で配置した\n" \
    "SVG か DOT テキスト。-o がなければ DOT を標準出力へ。\n", \
    "usage: tabletop graph SCENARIO [-o FILE.svg|FILE.dot] [--lang ja|en]\n" \
    "\n" \
    "Draws the scenario's structure without running it: injects, dynamics,\n" \
    "actions, the state keys each reads (dashed) and writes, objectives, which\n" \
    "actions complete them (bold) and which inject is their notice (dotted).\n" \
    "The extension picks the format: SVG laid out by Graphviz, or DOT text.\n" \
    "Without -o, DOT goes to standard output.\n"

#define C_MSEL_USAGE_TEXT \
    "使い方: tabletop msel シナリオ [-o FILE.csv|FILE.md] [--lang ja|en] [--bom]\n" \
    "\n" \
    "シナリオのマスターシナリオイベントリスト（MSEL、HSEEP）を書きます。\n" \
    "状況付与ごとに時刻または契機、状況付与、発信、宛先、期待される対応、\n" \
    "目標（目標時間と期限）、備考（討議の問い）を1行にします。拡張子で形式を選びます:\n" \
    "RFC 4180 の CSV（UTF-8。--bom で表計算ソフトが日本語を読めるよう BOM\n" \
    "を付けます）か Markdown の表。-o がなければ CSV を標準出力へ。\n", \
    "usage: tabletop msel SCENARIO [-o FILE.csv|FILE.md] [--lang ja|en] [--bom]\n" \
    "\n" \
    "Writes the Master Scenario Events List (HSEEP) of a scenario: one row per\n" \
    "inject with its time or trigger, the inject, from, to, the expected action,\n" \
    "the objective (target and limit) and the facilitator's notes (discussion\n" \
    "questions). The extension picks the format: RFC 4180 CSV (UTF-8; --bom adds\n" \
    "a byte order mark so spreadsheets read Japanese) or a Markdown table.\n" \
    "Without -o, CSV goes to standard output.\n"

#define C_SCORE_USAGE_TEXT \
    "使い方: tabletop score JOURNAL [オプション]\n" \
    "\n" \
    "演習記録（JOURNAL）からスコアカードを書き出します。\n" \
    "\n" \
    "  -o, --output F      出力先。拡張子で形式を選びます: .html .md .json\n" \
    "                      （既定: 記録ファイルの隣の .html）\n" \
    "  --lang ja|en        言語（既定: ロケールから）\n" \
    "  --db F|URI          演習履歴データベース、または postgresql:// URI（中央の\n" \
    "                      結果。届かないときはこの端末に未送信として保存。既定:\n" \
    "                      $TABLETOP_DB、なければ XDG データディレクトリ）\n" \
    "  --no-record         演習履歴に記録しない（比較だけ表示）\n" \
    "  --scenarios DIR     記録のパスにシナリオがない場合に探すフォルダー\n" \
    "  -h, --help          この説明\n", \
    "usage: tabletop score JOURNAL [options]\n" \
    "\n" \
    "Write the scorecard of an exercise journal.\n" \
    "\n" \
    "  -o, --output F      output file; the extension picks the format: .html .md\n" \
    "                      .json (default: beside the journal, .html)\n" \
    "  --lang ja|en        language (default: from the locale)\n" \
    "  --db F|URI          drill-history database, or a postgresql:// URI: central\n" \
    "                      results, kept here as not yet sent when unreachable\n" \
    "                      (docs/results.md; default: $TABLETOP_DB, else the XDG data\n" \
    "                      directory)\n" \
    "  --no-record         do not record the exercise in the history (trend only)\n" \
    "  --scenarios DIR     where to look for the scenario when the journal's path is\n" \
    "                      gone\n" \
    "  -h, --help          this help\n"

#define C_HISTORY_USAGE_TEXT \
    "使い方: tabletop history [オプション]\n" \
    "\n" \
    "記録された過去の演習を古い順に一覧します。\n" \
    "\n" \
    "  --db F|URI          演習履歴データベース: ファイルか postgresql:// URI\n" \
    "                      （既定: $TABLETOP_DB、なければ XDG データディレクトリ）\n" \
    "  --team T            このチームの演習だけ\n" \
    "  --scenario ID       このシナリオの演習だけ\n" \
    "  --organisation O    この組織の演習だけ\n" \
    "  --lang ja|en        言語（既定: ロケールから）\n" \
    "  -h, --help          この説明\n", \
    "usage: tabletop history [options]\n" \
    "\n" \
    "List recorded exercises, oldest first.\n" \
    "\n" \
    "  --db F|URI          drill-history database: a file or a postgresql:// URI\n" \
    "                      (default: $TABLETOP_DB, else the XDG data directory)\n" \
    "  --team T            only this team's exercises\n" \
    "  --scenario ID       only exercises of this scenario\n" \
    "  --organisation O    only this organisation's exercises\n" \
    "  --lang ja|en        language (default: from the locale)\n" \
    "  -h, --help          this help\n"

#define C_SHOW_USAGE_TEXT \
    "使い方: tabletop show シナリオ [-o FILE.md|FILE.html] [--lang ja|en]\n" \
    "\n" \
    "演習の前に読む進行役ブリーフィングを書きます: 役割とその ID、外部の関係者、\n" \
    "目標（段階、目標時間、期限）、設定と既定値、長さ、時刻の決まった状況付与\n" \
    "（チームの対応によらないもの）、討議の問い。拡張子で形式を選びます:\n" \
    "Markdown か HTML。-o がなければ Markdown を標準出力へ。\n", \
    "usage: tabletop show SCENARIO [-o FILE.md|FILE.html] [--lang ja|en]\n" \
    "\n" \
    "Writes the facilitator's briefing of a scenario, to read before the drill:\n" \
    "its roles with their ids, the outside parties, the objectives (phase,\n" \
    "target and limit), the settings with their defaults, the length, the\n" \
    "injects at fixed times (those that do not depend on the team) and the\n" \
    "discussion questions. The extension picks the format: Markdown or HTML.\n" \
    "Without -o, Markdown goes to standard output.\n"

#define C_SWEEP_USAGE_TEXT \
    "使い方: tabletop sweep SCENARIO --script F [--script G ...] -o 出力 [オプション]\n" \
    "\n" \
    "各解答スクリプトを多数のシードで並列に実行・採点し、結果の分布を書き出します:\n" \
    "スコアと評価、各目標の達成時刻（最小・中央値・90%点・最大）と P/S/M/U の割合、\n" \
    "被害の指標の分布、極端な結果になったシード。\n" \
    "\n" \
    "  --script F.yaml     解答スクリプト（複数指定可）\n" \
    "  -o, --output F      出力先。拡張子で形式を選びます: .html .md .json\n" \
    "  --runs N            シードの数（既定 100、シードは 1 から）\n" \
    "  --seeds A..B        シードの範囲（両端を含む）\n" \
    "  --set KEY=VALUE     シナリオの設定（スクリプトの設定より優先）\n" \
    "  --jobs J            並列に動かすプロセス数（既定: CPU の数）\n" \
    "  --strict            拒否された対応（実施不可、役割違い）を誤りとする\n" \
    "  --lang ja|en        言語（既定: ロケールから）\n" \
    "  -h, --help          この説明\n" \
    "\n" \
    "端末では進捗（速度と残り時間）を表示します。\n", \
    "usage: tabletop sweep SCENARIO --script F [--script G ...] -o OUT [options]\n" \
    "\n" \
    "Run and score each answer script over many seeds in parallel and report the\n" \
    "distribution: score and rating, each objective's reach time (min, median, p90,\n" \
    "max) and P/S/M/U shares, each damage metric, and the seeds giving the extremes.\n" \
    "\n" \
    "  --script F.yaml     an answer script (repeat for several)\n" \
    "  -o, --output F      report; the extension picks the format: .html .md .json\n" \
    "  --runs N            how many seeds (default 100, from seed 1)\n" \
    "  --seeds A..B        the seeds, both ends included\n" \
    "  --set KEY=VALUE     scenario setting (wins over the scripts' own)\n" \
    "  --jobs J            worker processes (default: the number of CPUs)\n" \
    "  --strict            a refused step (not available, wrong role) fails the\n" \
    "                      exercise\n" \
    "  --lang ja|en        language (default: from the locale)\n" \
    "  -h, --help          this help\n" \
    "\n" \
    "On a terminal a progress bar shows the rate and the time left.\n"

#define C_NEW_USAGE_TEXT \
    "使い方: tabletop new ID [--dir D]\n" \
    "\n" \
    "新しいシナリオ D/ID.lua（既定の D: scenarios）を書きます。役割1つ、報告先1つ、\n" \
    "動的要素1つ、局面ごとの目標1つを日英両方で用意し、4つの解答スクリプト\n" \
    "D/answers/ID/model.yaml、history.yaml、nothing.yaml、red-herring.yaml\n" \
    "も書きます。そのまま 'tabletop check' と 'tabletop lint' を通ります。\n" \
    "既存のファイルは上書きしません。\n" \
    "\n" \
    "  --dir D          シナリオのフォルダー（なければ作成）\n" \
    "  --lang ja|en     言語（既定: ロケールから）\n" \
    "  -h, --help       この説明\n", \
    "usage: tabletop new ID [--dir D]\n" \
    "\n" \
    "Writes a new scenario D/ID.lua (default D: scenarios) with one role, one\n" \
    "reporting party, one dynamic and one objective per phase, in Japanese and\n" \
    "English, and its four answer scripts D/answers/ID/model.yaml, history.yaml,\n" \
    "nothing.yaml and red-herring.yaml. The files pass 'tabletop check' and\n" \
    "'tabletop lint' as written. Existing files are never overwritten.\n" \
    "\n" \
    "  --dir D          the scenario folder (created if missing)\n" \
    "  --lang ja|en     language (default: from the locale)\n" \
    "  -h, --help       this help\n"

/* ---- failures and output shared by several commands */
#define C_CANNOT_WRITE_FMT_TEXT "%s に書き込めません: %s", "cannot write %s: %s"
#define C_OUTPUT_IS_SCENARIO_FMT_TEXT "出力先がシナリオファイルそのものです: %s", \
    "the output is the scenario file itself: %s"
#define C_ID_TAKEN_FMT_TEXT "ID '%s' は %s の ID でもあります（並べたシナリオの ID は重複できません）", \
    "id '%s' is also the id of %s (ids must be unique among the scenarios listed)"
#define C_NOMEM_TEXT "メモリが足りません", "out of memory"

/* ---- one command each */
#define C_CHECK_OK_FMT_TEXT "ok %s（%s）: 役割 %zu、外部の関係者 %zu、状況付与 %zu、対応 %zu、目標 %zu\n", \
    "ok %s (%s): %zu roles, %zu actors, %zu injects, %zu actions, %zu objectives\n"
#define C_EXPLORE_RUNS_FMT_TEXT "--runs は 1 から 100000 までの整数です（'%s'）", \
    "--runs must be a whole number from 1 to 100000, not '%s'"
#define C_EXPLORE_FINDING_FMT_TEXT "\n--- 指摘 %zu\n", "\n--- finding %zu\n"
#define C_EXPLORE_NONE_FMT_TEXT "%u 回の演習で指摘なし\n", "nothing found in %u runs\n"
#define C_GRAPH_EXT_FMT_TEXT "出力先の拡張子は .svg か .dot です: %s", \
    "the output's extension must be .svg or .dot: %s"
#define C_MSEL_EXT_FMT_TEXT "出力先の拡張子は .csv か .md です: %s", \
    "the output's extension must be .csv or .md: %s"
#define C_REPORT_EXT_FMT_TEXT "-o の拡張子は .html .md .json .csv のどれかです（%s）", \
    "-o must end in .html, .md, .json or .csv (got %s)"
#define C_REPORT_SINCE_FMT_TEXT "--since は YYYY-MM-DD の日付です（%s）", \
    "--since must be a date YYYY-MM-DD (got %s)"
#define C_CARD_EXT_FMT_TEXT "出力先の拡張子は .html .md .json のいずれかです: %s", \
    "the output's extension must be .html, .md or .json: %s"
#define C_SCORE_NO_DEFAULT_FMT_TEXT "記録ファイルの隣に出力先を作れません: %s", \
    "cannot make an output path beside the journal; give -o FILE: %s"
#define C_SCORE_OUT_IS_JOURNAL_FMT_TEXT "出力先が記録ファイルそのものです（記録は上書きしません）: %s", \
    "the output is the journal itself (a journal is never overwritten): %s"
#define C_HIST_NO_DB_FMT_TEXT "演習履歴データベースがありません: %s", "no drill-history database at %s"
#define C_SHOW_EXT_FMT_TEXT "出力先の拡張子は .md か .html です: %s", \
    "the output's extension must be .md or .html: %s"
#define C_SWEEP_COUNT_FMT_TEXT "'%s' は 1 から 10000000 までの数ではありません", \
    "'%s' is not a count between 1 and 10000000"
#define C_SWEEP_SEEDS_FMT_TEXT "--seeds は A..B の形です（例 1..1000）: '%s'", \
    "--seeds wants A..B (e.g. 1..1000), not '%s'"
#define C_SWEEP_SEEDS_RANGE_FMT_TEXT "--seeds は A <= B の A..B で、シードは 10000000 個までです: '%s'", \
    "--seeds wants A..B with A <= B and at most 10000000 seeds, not '%s'"
#define C_SWEEP_RUNS_SEEDS_FMT_TEXT "--runs %" PRIu64 " と --seeds の範囲の数が合いません", \
    "--runs %" PRIu64 " does not match the number of --seeds"
#define C_SWEEP_PROGRESS_FMT_TEXT "\r[%s] %zu/%zu  %.0f 件/秒  残り %.0f 秒 ", \
    "\r[%s] %zu/%zu  %.0f/s  %.0fs left "
#define C_SWEEP_DONE_FMT_TEXT "%zu 件の演習（失敗 %zu 件）: %s\n", "%zu exercises (%zu failed): %s\n"
#define C_SWEEP_FAILED_FMT_TEXT "%zu 件の演習が失敗しました（報告の一覧を参照）", \
    "%zu exercises failed (listed in the report)"
#define C_NEW_BAD_ID_FMT_TEXT "'%s' はシナリオ ID ではありません（a-z、0-9、-、64文字まで）", \
    "'%s' is not a scenario id (a-z, 0-9 and -, at most 64)"
#define C_NEW_MKDIR_FMT_TEXT "フォルダーを作れません: %s", "cannot create the folder: %s"
#define C_NOT_A_FOLDER_FMT_TEXT "%s: フォルダーではありません（既存のファイルやデバイスです）", \
    "%s: not a folder (an existing file or device)"
#define C_NEW_TEMPLATE_FMT_TEXT "雛形 %s を読めません（%s）。tabletop を入れ直してください", \
    "cannot read the template %s (%s); reinstall tabletop"
#define C_NEW_NEXT_FMT_TEXT "次に: tabletop check %s && tabletop lint %s\n" \
    "      tabletop run %s --script %s/model.yaml --ui none\n", \
    "next: tabletop check %s && tabletop lint %s\n" \
    "      tabletop run %s --script %s/model.yaml --ui none\n"
#define C_SYNC_RESULTS_FMT_TEXT "結果: 送信 %zu 件、送信済み %zu 件\n", \
    "results: %zu sent, %zu already there\n"
#define C_SYNC_JOURNALS_FMT_TEXT "記録ファイル: 保管 %zu 件、保管済み %zu 件\n", \
    "journals: %zu archived, %zu already there\n"
/* messages given to tt_cmd_fail whole (no printf arguments) */
#define C_WHERE_TO_TEXT "書き出し先を -o で指定してください", \
    "where to? give -o FILE"
#define C_API_WHICH_TEXT "出力形式を指定してください（--luals）", \
    "which format? give --luals"
#define C_SYNC_GIVE_JOURNALS_TEXT "記録ファイルは --journals と一緒に指定します", \
    "journal files are given with --journals"
#define C_SYNC_WHERE_TEXT "送り先を --db postgresql://... か TABLETOP_DB で指定してください", \
    "where to? give --db postgresql://... or set TABLETOP_DB"
#define C_REPORT_WHERE_TEXT "書き出し先を -o で指定してください（.html .md .json .csv）", \
    "where to? give -o report.html, .md, .json or .csv"
#define C_SWEEP_WHICH_SCRIPT_TEXT "解答スクリプトを --script で1つ以上指定してください", \
    "give at least one answer script with --script"
#define C_SWEEP_WHERE_TEXT "出力先を -o で指定してください（.html .md .json）", \
    "give the report with -o (.html, .md or .json)"

#define TT_TERMS_APP_TOOLS(X) \
    /* ---- --help */ \
    X(C_FETCH_USAGE, C_FETCH_USAGE_TEXT) \
    X(C_SYNC_USAGE, C_SYNC_USAGE_TEXT) \
    X(C_REPORT_USAGE, C_REPORT_USAGE_TEXT) \
    X(C_CHECK_USAGE, C_CHECK_USAGE_TEXT) \
    X(C_LIST_USAGE, C_LIST_USAGE_TEXT) \
    X(C_LINT_USAGE, C_LINT_USAGE_TEXT) \
    X(C_API_USAGE, C_API_USAGE_TEXT) \
    X(C_EXPLORE_USAGE, C_EXPLORE_USAGE_TEXT) \
    X(C_GRAPH_USAGE, C_GRAPH_USAGE_TEXT) \
    X(C_MSEL_USAGE, C_MSEL_USAGE_TEXT) \
    X(C_SCORE_USAGE, C_SCORE_USAGE_TEXT) \
    X(C_HISTORY_USAGE, C_HISTORY_USAGE_TEXT) \
    X(C_SHOW_USAGE, C_SHOW_USAGE_TEXT) \
    X(C_SWEEP_USAGE, C_SWEEP_USAGE_TEXT) \
    X(C_NEW_USAGE, C_NEW_USAGE_TEXT) \
    /* ---- shared */ \
    X(C_CANNOT_WRITE_FMT, C_CANNOT_WRITE_FMT_TEXT) \
    X(C_OUTPUT_IS_SCENARIO_FMT, C_OUTPUT_IS_SCENARIO_FMT_TEXT) \
    X(C_ID_TAKEN_FMT, C_ID_TAKEN_FMT_TEXT) \
    X(C_NOMEM, C_NOMEM_TEXT) \
    X(C_STDOUT, "標準出力", "standard output") \
    X(C_STDOUT_LOST, "標準出力に書き込めませんでした（出力の一部が失われました）", \
      "could not write standard output (some of the output is lost)") \
    X(C_WHICH_SCENARIO, "シナリオを1つ指定してください", "which scenario? give one id or .lua path") \
    X(C_WHICH_SCENARIOS, "シナリオを1つ以上指定してください", "which scenarios? give at least one id or .lua path") \
    X(C_WHERE_TO, C_WHERE_TO_TEXT) \
    X(C_PATH_TOO_LONG, "パスが長すぎます", "the path is too long") \
    /* ---- check, list, lint, api, explore, graph, msel */ \
    X(C_CHECK_OK_FMT, C_CHECK_OK_FMT_TEXT) \
    X(C_LIST_NONE, "シナリオが見つかりません", "no scenarios found") \
    X(C_API_WHICH, C_API_WHICH_TEXT) \
    X(C_EXPLORE_RUNS_FMT, C_EXPLORE_RUNS_FMT_TEXT) \
    X(C_EXPLORE_FINDING_FMT, C_EXPLORE_FINDING_FMT_TEXT) \
    X(C_EXPLORE_NONE_FMT, C_EXPLORE_NONE_FMT_TEXT) \
    X(C_GRAPH_EXT_FMT, C_GRAPH_EXT_FMT_TEXT) \
    X(C_MSEL_EXT_FMT, C_MSEL_EXT_FMT_TEXT) \
    /* ---- fetch, sync, report */ \
    X(C_FETCH_WHICH, "記録の HASH を指定してください", "which journal? give its HASH") \
    X(C_SYNC_SENT, "送信", "sent") \
    X(C_SYNC_ALREADY, "送信済み", "already") \
    X(C_SYNC_RESULTS_FMT, C_SYNC_RESULTS_FMT_TEXT) \
    X(C_SYNC_JOURNALS_FMT, C_SYNC_JOURNALS_FMT_TEXT) \
    X(C_SYNC_GIVE_JOURNALS, C_SYNC_GIVE_JOURNALS_TEXT) \
    X(C_SYNC_WHERE, C_SYNC_WHERE_TEXT) \
    X(C_SYNC_STILL_PENDING, "送れなかった分は未送信のままです。もう一度実行してください", "what was not sent stays pending; run it again") \
    X(C_REPORT_WHERE, C_REPORT_WHERE_TEXT) \
    X(C_REPORT_EXT_FMT, C_REPORT_EXT_FMT_TEXT) \
    X(C_REPORT_SINCE_FMT, C_REPORT_SINCE_FMT_TEXT) \
    X(C_REPORT_CANNOT_WRITE, "報告を書き込めません", "cannot write the report") \
    /* ---- score, history, show, sweep */ \
    X(C_CARD_EXT_FMT, C_CARD_EXT_FMT_TEXT) \
    X(C_SCORE_WHICH, "記録ファイル（JOURNAL）を1つ指定してください", "give exactly one JOURNAL") \
    X(C_SCORE_ONE, "記録ファイル（JOURNAL）は1つだけ指定してください", "give exactly one JOURNAL") \
    X(C_SCORE_NO_DEFAULT_FMT, C_SCORE_NO_DEFAULT_FMT_TEXT) \
    X(C_SCORE_WORD, "スコア", "score") \
    X(C_SCORE_OUT_IS_JOURNAL_FMT, C_SCORE_OUT_IS_JOURNAL_FMT_TEXT) \
    X(C_WARNING_WORD, "警告", "warning") \
    X(C_SCORE_DIFFERS, "警告: シナリオファイルの内容が演習時と異なります", \
      "warning: the scenario file differs from the one the exercise ran") \
    X(C_SCORE_INCOMPLETE, "警告: 記録が不完全です。含まれる範囲だけを採点します", \
      "warning: the journal is incomplete; scored for what it holds") \
    X(C_HIST_NO_DB_FMT, C_HIST_NO_DB_FMT_TEXT) \
    X(C_SHOW_EXT_FMT, C_SHOW_EXT_FMT_TEXT) \
    X(C_ONE_SCENARIO, "シナリオは1つだけ指定してください", "give exactly one scenario") \
    X(C_SWEEP_COUNT_FMT, C_SWEEP_COUNT_FMT_TEXT) \
    X(C_SWEEP_SEEDS_FMT, C_SWEEP_SEEDS_FMT_TEXT) \
    X(C_SWEEP_SEEDS_RANGE_FMT, C_SWEEP_SEEDS_RANGE_FMT_TEXT) \
    X(C_SWEEP_RUNS_SEEDS_FMT, C_SWEEP_RUNS_SEEDS_FMT_TEXT) \
    X(C_SWEEP_PROGRESS_FMT, C_SWEEP_PROGRESS_FMT_TEXT) \
    X(C_SWEEP_DONE_FMT, C_SWEEP_DONE_FMT_TEXT) \
    X(C_SWEEP_FAILED_FMT, C_SWEEP_FAILED_FMT_TEXT) \
    X(C_SWEEP_WHICH_SCRIPT, C_SWEEP_WHICH_SCRIPT_TEXT) \
    X(C_SWEEP_WHERE, C_SWEEP_WHERE_TEXT) \
    /* ---- new */ \
    X(C_NEW_WHICH, "シナリオの ID を指定してください", "which id? give one, e.g. water-plant") \
    X(C_NEW_BAD_ID_FMT, C_NEW_BAD_ID_FMT_TEXT) \
    X(C_NEW_DIR_TOO_LONG, "フォルダー名が長すぎます", "the folder name is too long") \
    X(C_NEW_EXISTS, "既にあります。何も書き込んでいません", "already exists; nothing was written") \
    X(C_NEW_MKDIR_FMT, C_NEW_MKDIR_FMT_TEXT) \
    X(C_NOT_A_FOLDER_FMT, C_NOT_A_FOLDER_FMT_TEXT) \
    X(C_NEW_TEMPLATE_FMT, C_NEW_TEMPLATE_FMT_TEXT) \
    X(C_NEW_NEXT_FMT, C_NEW_NEXT_FMT_TEXT)

#endif
