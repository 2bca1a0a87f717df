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
#define C_OPT_OUTPUT_NOT_REGULAR_FMT_TEXT \
    "--%s: '%s' は通常のファイルではありません（FIFO、デバイス、フォルダーには書き出しません）", \
    "--%s: '%s' is not a regular file (output is never written to a FIFO, device or folder)"
#define C_OPT_OUTPUT_NO_FOLDER_FMT_TEXT \
    "--%s: '%s' を書き出せません: フォルダーがありません", \
    "--%s: cannot write '%s': the directory does not exist"
#define C_OPT_NOT_FOLDER_FMT_TEXT \
    "--%s: '%s' は既存のフォルダーではありません（フォルダーを指定します）", \
    "--%s: '%s' is not an existing folder (the option names a folder)"
#define C_OPT_LANG_FMT_TEXT "--%s は ja か en です（'%s'）", \
    "--%s must be ja or en (got '%s')"
#define C_OPT_UI_FMT_TEXT "--%s は none、tty、sdl のいずれかです（'%s'）", \
    "--%s must be none, tty or sdl (got '%s')"
#define C_OPT_SPEED_FMT_TEXT "--%s は 0 より大きく 1000000 以下の数です（'%s'）", \
    "--%s must be a number above 0 and at most 1000000 (got '%s')"
#define C_OPT_SEED_FMT_TEXT "--%s は 0 以上の整数です（'%s'）", \
    "--%s must be a non-negative integer (got '%s')"
/* The last line of every --help (engine/app/options.c): what each exit
 * code means for that command (C_EXITS_*; C_EXITS_DEFAULT unless it says). */
#define C_EXITS_LINE_FMT_TEXT "\n終了コード: %s。\n", \
    "\nExit codes: %s.\n"
#define C_OPT_TWICE_FMT_TEXT "オプション '--%s' が2回指定されています。1回だけ指定してください", \
    "option '--%s' is given twice; give it once"
#define C_OPT_CONTRADICT_FMT_TEXT "'--%s' と '--%s' は同時に指定できません", \
    "'--%s' and '--%s' cannot go together"
#define C_OPT_EXTRA_ARG_FMT_TEXT "余分な引数があります: '%s'", \
    "unexpected argument '%s'"

/* ---- tabletop watch (engine/app/cmd_watch.c) */
#define C_WATCH_MAX_SCRIPTS_FMT_TEXT "--script は %d 個までです", "at most %d --script"
#define C_WATCH_MAX_CHANGES_FMT_TEXT "--max-changes は 1 以上の整数です（'%s'）", \
    "--max-changes must be a whole number from 1, not '%s'"
#define C_WATCH_NEED_SCRIPT_TEXT "解答スクリプトを --script で1つ以上指定してください", \
    "which answers? give at least one --script F"
#define C_WATCH_WATCHING_FMT_TEXT "%s を監視中（Ctrl-C で終了）\n", "watching %s (Ctrl-C to stop)\n"

/* ---- run, resume: shared checks and lines (engine/app/cmd_run.c, cmd_resume.c,
 * frontend.c, finish.c) */
#define C_CARD_IS_JOURNAL_FMT_TEXT "--scorecard が記録ファイルそのものです（記録は上書きしません）: %s", \
    "--scorecard is the journal itself (a journal is never overwritten): %s"
#define C_SERVE_COMPANIONS_TEXT "--seats, --tls-cert, --tls-key, --qr は --serve と使います", \
    "--seats, --tls-cert, --tls-key and --qr go with --serve"
#define C_TLS_PAIR_TEXT "--tls-cert と --tls-key は両方指定してください", \
    "--tls-cert and --tls-key go together"
#define C_SERVE_BAD_BRACKET_FMT_TEXT "--serve: '%s' は [ADDR]:PORT の形ではありません", \
    "--serve: '%s' is not [ADDR]:PORT"
#define C_SERVE_BAD_FMT_TEXT "--serve: '%s' は [ADDR:]PORT の形ではありません（ポートは 0-65535）", \
    "--serve: '%s' is not [ADDR:]PORT (port 0-65535)"
#define C_CARD_FORMAT_FMT_TEXT "--scorecard は .html、.md、.json のいずれかで終わる名前です（'%s'）", \
    "--scorecard must end in .html, .md or .json (got '%s')"
#define C_CARD_DIR_FMT_TEXT "--scorecard: %s に書き込めません: %s", \
    "--scorecard: cannot write in %s: %s"
#define C_SET_WANTS_KV_FMT_TEXT "--set は KEY=VALUE の形です（'%s'）", \
    "--set wants KEY=VALUE (got '%s')"
#define C_JOURNAL_SO_FAR_FMT_TEXT "%s: ここまでの記録は %s にあります\n", \
    "%s: the journal so far is in %s\n"
#define C_NOT_FINISHED_FMT_TEXT "演習は終了していません。続けるには:\n  tabletop resume %s\n", \
    "The exercise is not finished. Continue it with:\n  tabletop resume %s\n"
#define C_JOURNAL_LINE_FMT_TEXT "記録ファイル: %s\n", "journal:   %s\n"
#define C_SCORECARD_LINE_FMT_TEXT "スコアカード: %s\n", "scorecard: %s\n"
#define C_CANNOT_CREATE_FMT_TEXT "%s を作成できません: %s", "cannot create %s: %s"
#define C_PATH_FAULT_FMT_TEXT "%s: %s", "%s: %s"
#define C_TOO_MANY_THIS_SECOND_FMT_TEXT "%s で同じ1秒間に始めた演習が多すぎます", \
    "too many exercises started this second in %s"

/* ---- the journal a drill writes, as run and resume report it
 * (engine/data/journal_writer.c) */
#define C_JOURNAL_CANNOT_CREATE_FMT_TEXT "記録ファイルを作成できません: %s", \
    "cannot create the journal: %s"
#define C_JOURNAL_CANNOT_OPEN_FMT_TEXT "記録ファイルを開けません: %s", "cannot open the journal: %s"
#define C_JOURNAL_CANNOT_APPEND_FMT_TEXT "記録ファイルに追記する準備ができません: %s", \
    "cannot prepare the journal for appending: %s"

/* ---- a file read back: journals, rosters, scripts (engine/base/files.c,
 * engine/data/ydoc.c, journal_stream.c) */
#define C_FILE_CANNOT_OPEN_FMT_TEXT "開けません: %s", "cannot open: %s"
#define C_FILE_LARGER_THAN_FMT_TEXT "%zu バイトより大きいファイルです", "larger than %zu bytes"
#define C_FILE_TOO_LARGE_FMT_TEXT "ファイルが大きすぎます（%zu MiB 超）", "file too large (over %zu MiB)"

/* ---- tabletop run */
#define C_JOURNAL_EXISTS_FMT_TEXT "--journal %s は既にあります（記録は上書きしません）: 新しい名前にするか、" \
    "'tabletop resume' で続けてください", \
    "--journal %s already exists (a journal is never overwritten): " \
    "choose a new name, or continue it with 'tabletop resume'"
#define C_JOURNAL_PATH_LONG_TEXT "--journal のパスが長すぎます", "--journal: the path is too long"
#define C_CARD_PATH_LONG_TEXT "--scorecard のパスが長すぎます", "--scorecard: the path is too long"
#define C_SNAPSHOT_NEEDS_AT_TEXT "--snapshot には --at TIME が必要です", "--snapshot needs --at TIME"
#define C_RUN_SERVE_ALONE_TEXT "--serve は --snapshot や --script と一緒には使えません", \
    "--serve does not go with --snapshot or --script"
#define C_AT_SIZE_NEED_SNAPSHOT_TEXT "--at と --size は --snapshot と使います", \
    "--at and --size go with --snapshot"
#define C_RUN_NEEDS_TTY_TEXT "ライブ演習には端末が必要です: 端末で実行するか、--ui sdl、" \
    "またはヘッドレス実行に --script F --ui none を指定してください", \
    "a live drill needs a terminal: run it in one, use --ui sdl, " \
    "or give --script F --ui none for a headless run"
#define C_TEMP_JOURNAL_FMT_TEXT "一時的な記録ファイル: %s", "temporary journal: %s"
#define C_SNAPSHOT_LINE_FMT_TEXT "スナップショット: %s\n", "snapshot: %s\n"
#define C_STRICT_REFUSED_FMT_TEXT "--strict: 対応 %s が %s に拒否されました: %s", \
    "--strict: action %s refused at %s: %s"

/* ---- tabletop resume */
#define C_RESUME_SERVE_SCRIPT_TEXT "--serve は --script と一緒には使えません", \
    "--serve does not go with --script"
#define C_RESUME_SPEED_NEEDS_SCRIPT_TEXT "--ui none で --speed を使うには --script が必要です", \
    "--speed with --ui none needs --script"
#define C_RESUME_NEEDS_TTY_TEXT "ライブ演習には端末が必要です: 端末で実行するか、--ui sdl、" \
    "または --script F --ui none を指定してください", \
    "a live drill needs a terminal: run it in one, use --ui sdl, " \
    "or give --script F --ui none"
#define C_RESUMED_AT_FMT_TEXT "%s から再開\n", "resumed at %s\n"
#define C_RESUME_NOT_REPRODUCED_FMT_TEXT "tabletop resume: %s は再現できないため再開できません:\n", \
    "tabletop resume: %s does not reproduce, so it cannot be resumed:\n"
#define C_RESUME_STEPS_MISMATCH_FMT_TEXT "tabletop resume: 記録ファイルの入力は %s の最初のステップと" \
    "一致しません。記録ファイルの最後の時刻より後のステップを実行します\n", \
    "tabletop resume: the journal's inputs are not the first steps " \
    "of %s; playing its steps after the journal's last time\n"

/* ---- replay, resume: reading a journal and its scenario (cmd_replay.c) */
#define C_SCENARIO_CHANGED_FMT_TEXT \
    "%s: 警告: シナリオファイルが演習を実行したときのものと異なります\n" \
    "  （%s: sha256 %.12s...、記録ファイルでは %.12s...）。結果が異なる可能性があります。\n" \
    "  正確に再現するには --scenario FILE で元のファイルを指定してください。\n", \
    "%s: warning: the scenario file differs from the one the exercise ran\n" \
    "  (%s: sha256 %.12s..., the journal's: %.12s...); the outcome may differ.\n" \
    "  Give the original file with --scenario FILE to reproduce it exactly.\n"
#define C_REPLAY_IDENTICAL_FMT_TEXT "%s: 一致（%zu 件の記録をすべて再現）\n", \
    "%s: identical (%zu records reproduced)\n"
#define C_REPLAY_DIFFERS_FMT_TEXT "%s: 相違あり（%zu 件まで一致）\n", \
    "%s: differs after %zu matching records\n"

/* ---- finding a scenario (engine/app/locate.c) */
#define C_SCENARIO_UNREADABLE_FMT_TEXT "%s: シナリオファイルを読めません", \
    "%s: cannot read the scenario file"
#define C_NOT_SCENARIO_ARG_FMT_TEXT "'%s' はシナリオ id でも .lua のパスでもありません", \
    "'%s' is neither a scenario id nor a .lua path"
#define C_NO_SCENARIO_LOOKED_FMT_TEXT "シナリオ '%s' はありません（探した場所:", \
    "no scenario '%s' (looked in"
#define C_SCENARIO_DIRS_TOO_MANY_FMT_TEXT \
    "TABLETOP_SCENARIOS: フォルダーが多すぎます（%zu 個まで）", \
    "TABLETOP_SCENARIOS: too many folders (at most %zu)"
#define C_SCENARIO_DIR_TOO_LONG_FMT_TEXT "TABLETOP_SCENARIOS: フォルダー '%.*s…' のパスが長すぎます", \
    "TABLETOP_SCENARIOS: the path of the folder '%.*s...' is too long"

/* ---- the headless timeline and its summary (engine/app/timeline.c) */
#define C_TL_START_FMT_TEXT "%s — %s（シード %llu）\n", "%s — %s (seed %llu)\n"
#define C_TL_UNTIL_FMT_TEXT "（完了予定 %s）", " (until %s)"
#define C_TL_END_WHY_FMT_TEXT "（%s）", "(%s)"
#define C_TL_WHAT_FMT_TEXT "（%s）", " (%s)"
#define C_STEPS_NOT_PLAYED_FMT_TEXT \
    "%s:%d: 警告: このステップとその後の %zu 件は実行されませんでした: 演習は %s に終了し、このステップの時刻 %s には届きませんでした\n", \
    "%s:%d: warning: this step and the %zu after it were not played: the exercise ended at %s, before this step's %s\n"
#define C_STEP_NOT_PLAYED_FMT_TEXT \
    "%s:%d: 警告: このステップは実行されませんでした: 演習は %s に終了し、このステップの時刻 %s には届きませんでした\n", \
    "%s:%d: warning: this step was not played: the exercise ended at %s, before this step's %s\n"

#define TT_TERMS_APP_DRILL(X) \
    /* ---- shared by several commands */ \
    X(C_WHICH_JOURNAL, "記録ファイルを1つ指定してください", "which journal? give one file") \
    X(C_ONE_JOURNAL, "記録ファイルは1つだけ指定してください", "give exactly one journal") \
    /* ---- tabletop watch */ \
    X(C_WATCH_USAGE, \
      "使い方: tabletop watch シナリオ --script F [--script G ...] [--seed N]\n" \
      "        [--lang ja|en]\n" \
      "\n" \
      "解答スクリプトをそれぞれ画面なしで実行し、シナリオファイル（または解答）\n" \
      "が保存されるたびに再実行して、前回の保存からの変化を表示します: 目標の時刻と\n" \
      "評価、スコアと評価、被害、エラー。Ctrl-C で終了します。\n" \
      "\n" \
      "  --script F        解答スクリプト（複数可）\n" \
      "  --seed N          シードのないスクリプトのシード（既定 1）\n" \
      "  --max-changes N   N 回の保存で終了（スクリプトやテスト用）\n", \
      "usage: tabletop watch SCENARIO --script F [--script G ...] [--seed N]\n" \
      "        [--lang ja|en]\n" \
      "\n" \
      "Runs each answer script headless, then again every time the scenario file\n" \
      "(or an answer) is saved, and prints what changed since the previous save:\n" \
      "objective times and ratings, the score and rating, damage, and errors.\n" \
      "Stop with Ctrl-C.\n" \
      "\n" \
      "  --script F        an answer script (repeatable)\n" \
      "  --seed N          seed for scripts without their own (default 1)\n" \
      "  --max-changes N   stop after N saves (scripts, tests)\n") \
    X(C_WATCH_MAX_SCRIPTS_FMT, C_WATCH_MAX_SCRIPTS_FMT_TEXT) \
    X(C_WATCH_MAX_CHANGES_FMT, C_WATCH_MAX_CHANGES_FMT_TEXT) \
    X(C_WATCH_NEED_SCRIPT, C_WATCH_NEED_SCRIPT_TEXT) \
    X(C_WATCH_WATCHING_FMT, C_WATCH_WATCHING_FMT_TEXT) \
    X(C_WATCH_SCORE, "スコア", "score") \
    X(C_WATCH_NO_CHANGE, "変化なし", "no change") \
    X(C_WATCH_ERROR_GONE, "エラー解消", "error gone") \
    X(C_WATCH_SAVED, "保存", "saved") \
    /* ---- run, resume: shared */ \
    X(C_CARD_IS_JOURNAL_FMT, C_CARD_IS_JOURNAL_FMT_TEXT) \
    X(C_SERVE_COMPANIONS, C_SERVE_COMPANIONS_TEXT) \
    X(C_TLS_PAIR, C_TLS_PAIR_TEXT) \
    X(C_SERVE_BAD_BRACKET_FMT, C_SERVE_BAD_BRACKET_FMT_TEXT) \
    X(C_SERVE_BAD_FMT, C_SERVE_BAD_FMT_TEXT) \
    X(C_CARD_FORMAT_FMT, C_CARD_FORMAT_FMT_TEXT) \
    X(C_CARD_DIR_FMT, C_CARD_DIR_FMT_TEXT) \
    X(C_SET_WANTS_KV_FMT, C_SET_WANTS_KV_FMT_TEXT) \
    X(C_JOURNAL_SO_FAR_FMT, C_JOURNAL_SO_FAR_FMT_TEXT) \
    X(C_NOT_FINISHED_FMT, C_NOT_FINISHED_FMT_TEXT) \
    X(C_JOURNAL_LINE_FMT, C_JOURNAL_LINE_FMT_TEXT) \
    X(C_SCORECARD_LINE_FMT, C_SCORECARD_LINE_FMT_TEXT) \
    X(C_CANNOT_CREATE_FMT, C_CANNOT_CREATE_FMT_TEXT) \
    X(C_PATH_FAULT_FMT, C_PATH_FAULT_FMT_TEXT) \
    X(C_TOO_MANY_THIS_SECOND_FMT, C_TOO_MANY_THIS_SECOND_FMT_TEXT) \
    X(C_SETTINGS_WORD, "設定", "settings") \
    X(C_SCORECARD_WORD, "スコアカード", "scorecard") \
    X(C_JOURNAL_CANNOT_CREATE_FMT, C_JOURNAL_CANNOT_CREATE_FMT_TEXT) \
    X(C_JOURNAL_CANNOT_OPEN_FMT, C_JOURNAL_CANNOT_OPEN_FMT_TEXT) \
    X(C_JOURNAL_CANNOT_APPEND_FMT, C_JOURNAL_CANNOT_APPEND_FMT_TEXT) \
    X(C_JOURNAL_EXISTS, "記録ファイルは既にあります（記録は上書きしません）: 新しい名前にするか、" \
      "'tabletop resume' で続けてください", \
      "the journal already exists (a journal is never overwritten): " \
      "choose a new name, or continue it with 'tabletop resume'") \
    X(C_JOURNAL_NO_FOLDER, "記録ファイルを作成できません: フォルダーがありません", \
      "cannot create the journal: the directory does not exist") \
    X(C_FILE_CANNOT_OPEN_FMT, C_FILE_CANNOT_OPEN_FMT_TEXT) \
    X(C_FILE_NOT_REGULAR, "通常のファイルではありません", "not a regular file") \
    X(C_FILE_TOO_LARGE_FMT, C_FILE_TOO_LARGE_FMT_TEXT) \
    X(C_FILE_LARGER_THAN_FMT, C_FILE_LARGER_THAN_FMT_TEXT) \
    X(C_NO_DATA_HOME, "XDG_DATA_HOME も HOME も設定されていません: --journal FILE を指定してください", \
      "neither XDG_DATA_HOME nor HOME is set: give --journal FILE") \
    /* ---- tabletop run */ \
    X(C_RUN_USAGE, \
      "使い方: tabletop run シナリオ [オプション]\n" \
      "\n" \
      "シナリオは id（'tabletop list'）か .lua ファイルのパスです。\n" \
      "\n" \
      "  --script F.yaml     台本（解答スクリプト）。--ui none（--speed なし）なら\n" \
      "                      画面なしで最速で実行\n" \
      "  --ui none|tty|sdl   表示方法（既定: ライブ演習は tty、--script があれば none）\n" \
      "  --speed X           実時間1秒あたりの演習内の秒数（ライブの既定: シナリオの\n" \
      "                      推奨速度、なければ約90分に収まる速度）。--script と使うと\n" \
      "                      台本を実時間で再生\n" \
      "  --seed N            乱数のシード（既定: 台本のシード、なければ画面なしでは 1、\n" \
      "                      それ以外は時計から。常に記録ファイルに残ります）\n" \
      "  --set KEY=VALUE     シナリオの設定（例: --set offline_backup=true）\n" \
      "  --roster F.yaml     チーム名と、役割ごとのメンバー\n" \
      "  --journal F         記録ファイル（既定: $XDG_DATA_HOME/tabletop/exercises/）\n" \
      "  --scorecard F       スコアカード（.html, .md, .json。既定: 記録ファイルの隣）\n" \
      "  --no-scorecard      スコアカードを作らず、演習履歴にも記録しない\n" \
      "  --strict            実行できない対応（取れない、役割が違う）を記録ファイルの\n" \
      "                      メモにせず、エラーにする（終了コード 1）\n" \
      "  --db F|URI          演習履歴データベース、または postgresql:// URI:\n" \
      "                      中央の結果サーバー。届かないときはこの端末に\n" \
      "                      未送信として保存（docs/results.md。既定: $TABLETOP_DB、\n" \
      "                      なければ XDG データディレクトリ）\n" \
      "  --lang ja|en        言語（既定: ロケールから）\n" \
      "  --serve [ADDR:]PORT ブラウザー参加: 名簿のメンバーごと（名簿がなければ\n" \
      "                      役割ごと）の参加リンクと、進行役・見学のリンク\n" \
      "                      （既定のアドレス 127.0.0.1。--ui none なら進行役は\n" \
      "                      ブラウザーで操作）\n" \
      "  --seats F.json      リンクをこのファイルにも書き出す\n" \
      "  --tls-cert F --tls-key F\n" \
      "                      HTTPS/WSS で提供\n" \
      "  --qr                各リンクの下に QR コード（開始時にダッシュボードにも表示。\n" \
      "                      J で切り替え）\n" \
      "  --snapshot F.png --at TIME [--size WxH]\n" \
      "                      演習内の時刻 TIME のダッシュボードを画面なしで描いて終了\n" \
      "\n" \
      "演習内の時刻は表示どおり（+0:15:00、+41d 02:30:00）か、90s、15m、1h30m\n" \
      "で書けます。\n", \
      "usage: tabletop run SCENARIO [options]\n" \
      "\n" \
      "SCENARIO is an id ('tabletop list') or a path to a .lua file.\n" \
      "\n" \
      "  --script F.yaml     scripted answers; with --ui none (and no --speed) the\n" \
      "                      exercise runs headless, as fast as possible\n" \
      "  --ui none|tty|sdl   front-end (default: tty for a live drill, none with\n" \
      "                      --script)\n" \
      "  --speed X           simulated seconds per real second (live default: the\n" \
      "                      scenario's own speed, else one that fits it into about 90\n" \
      "                      minutes); with --script, plays it in real time\n" \
      "  --seed N            random seed (default: the script's seed, else 1 headless,\n" \
      "                      else taken from the clock; always journaled)\n" \
      "  --set KEY=VALUE     scenario setting (e.g. --set offline_backup=true)\n" \
      "  --roster F.yaml     team name and members with their roles\n" \
      "  --journal F         journal file (default: $XDG_DATA_HOME/tabletop/exercises/)\n" \
      "  --scorecard F       scorecard (.html, .md or .json; default: beside the\n" \
      "                      journal)\n" \
      "  --no-scorecard      do not write a scorecard or record the drill history\n" \
      "  --strict            a refused action (not available, wrong role) is an error\n" \
      "                      (exit 1) instead of a note in the journal\n" \
      "  --db F|URI          drill-history database, or a postgresql:// URI: central\n" \
      "                      results, kept here as not yet sent when unreachable\n" \
      "                      (docs/results.md; default: $TABLETOP_DB, else the XDG data\n" \
      "                      directory)\n" \
      "  --lang ja|en        language (default: from the locale)\n" \
      "  --serve [ADDR:]PORT browser seats: one join link per roster member (else per\n" \
      "                      role), a facilitator and an observer link (default address\n" \
      "                      127.0.0.1; --ui none: the facilitator works in the\n" \
      "                      browser)\n" \
      "  --seats F.json      also write the links there\n" \
      "  --tls-cert F --tls-key F\n" \
      "                      serve over HTTPS/WSS\n" \
      "  --qr                a QR code under each link (and shown on the dashboard\n" \
      "                      at the start; J there cycles through them)\n" \
      "  --snapshot F.png --at TIME [--size WxH]\n" \
      "                      render the dashboard at simulated TIME off-screen and exit\n" \
      "\n" \
      "Simulated times read as printed (+0:15:00, +41d 02:30:00) or as 90s, 15m, 1h30m.\n") \
    X(C_JOURNAL_EXISTS_FMT, C_JOURNAL_EXISTS_FMT_TEXT) \
    X(C_JOURNAL_PATH_LONG, C_JOURNAL_PATH_LONG_TEXT) \
    X(C_CARD_PATH_LONG, C_CARD_PATH_LONG_TEXT) \
    X(C_SNAPSHOT_NEEDS_AT, C_SNAPSHOT_NEEDS_AT_TEXT) \
    X(C_RUN_SERVE_ALONE, C_RUN_SERVE_ALONE_TEXT) \
    X(C_AT_SIZE_NEED_SNAPSHOT, C_AT_SIZE_NEED_SNAPSHOT_TEXT) \
    X(C_RUN_NEEDS_TTY, C_RUN_NEEDS_TTY_TEXT) \
    X(C_TEMP_JOURNAL_FMT, C_TEMP_JOURNAL_FMT_TEXT) \
    X(C_SNAPSHOT_LINE_FMT, C_SNAPSHOT_LINE_FMT_TEXT) \
    X(C_STRICT_REFUSED_FMT, C_STRICT_REFUSED_FMT_TEXT) \
    /* ---- tabletop resume */ \
    X(C_RESUME_USAGE, \
      "使い方: tabletop resume 記録ファイル [オプション]\n" \
      "\n" \
      "記録ファイルが残した状態（最後に記録された時刻で一時停止）をそのまま復元して\n" \
      "続行し、同じ記録ファイルに追記します。\n" \
      "\n" \
      "  --script F.yaml     台本の残りのステップを実行。--ui none（--speed なし）なら\n" \
      "                      画面なしで最速で実行\n" \
      "  --ui none|tty|sdl   表示方法（既定: tty、--script があれば none）\n" \
      "  --speed X           これ以降の、実時間1秒あたりの演習内の秒数\n" \
      "  --scenario F        シナリオファイル（既定: 記録ファイルにあるもの）\n" \
      "  --scorecard F       スコアカード（.html, .md, .json。既定: 記録ファイルに\n" \
      "                      記録されたこの演習のもの、なければ記録ファイルの隣）\n" \
      "  --no-scorecard      スコアカードを作らず、演習履歴にも記録しない\n" \
      "  --db F|URI          演習履歴データベース、または postgresql:// URI:\n" \
      "                      中央の結果サーバー。届かないときはこの端末に\n" \
      "                      未送信として保存（docs/results.md。既定: 記録ファイルに\n" \
      "                      記録されたこの演習のもの、なければ $TABLETOP_DB、なければ\n" \
      "                      XDG データディレクトリ）\n" \
      "  --lang ja|en        言語（既定: ロケールから）\n" \
      "  --serve [ADDR:]PORT ブラウザー参加を再開（前回と同じリンク）\n" \
      "  --seats F.json      リンクをこのファイルにも書き出す\n" \
      "  --tls-cert F --tls-key F  HTTPS/WSS で提供\n" \
      "  --qr                各リンクの下に QR コード（ダッシュボードにも）\n", \
      "usage: tabletop resume JOURNAL [options]\n" \
      "\n" \
      "Restores the exercise exactly as the journal left it (paused at its\n" \
      "last recorded time) and goes on, appending to the same journal.\n" \
      "\n" \
      "  --script F.yaml     play the script's remaining steps; with --ui none (and no\n" \
      "                      --speed) headless, as fast as possible\n" \
      "  --ui none|tty|sdl   front-end (default: tty, or none with --script)\n" \
      "  --speed X           simulated seconds per real second from now on\n" \
      "  --scenario F        the scenario file (default: the one the journal names)\n" \
      "  --scorecard F       scorecard (.html, .md or .json; default: the drill's own,\n" \
      "                      as its journal recorded it, else beside the journal)\n" \
      "  --no-scorecard      do not write a scorecard or record the drill history\n" \
      "  --db F|URI          drill-history database, or a postgresql:// URI: central\n" \
      "                      results, kept here as not yet sent when unreachable\n" \
      "                      (docs/results.md; default: the drill's own, as its journal\n" \
      "                      recorded it, else $TABLETOP_DB, else the XDG data\n" \
      "                      directory)\n" \
      "  --lang ja|en        language (default: from the locale)\n" \
      "  --serve [ADDR:]PORT browser seats again, with the same links as before\n" \
      "  --seats F.json      also write the links there\n" \
      "  --tls-cert F --tls-key F  serve over HTTPS/WSS\n" \
      "  --qr                a QR code under each link (and on the dashboard)\n") \
    X(C_RESUME_SERVE_SCRIPT, C_RESUME_SERVE_SCRIPT_TEXT) \
    X(C_RESUME_SPEED_NEEDS_SCRIPT, C_RESUME_SPEED_NEEDS_SCRIPT_TEXT) \
    X(C_RESUME_NEEDS_TTY, C_RESUME_NEEDS_TTY_TEXT) \
    X(C_RESUMED_AT_FMT, C_RESUMED_AT_FMT_TEXT) \
    X(C_RESUME_ENDED, "この演習はすでに終了しています。'tabletop score' か 'tabletop replay' を使ってください", \
      "this exercise has already ended; use 'tabletop score' or 'tabletop replay'") \
    X(C_RESUME_NOT_REPRODUCED_FMT, C_RESUME_NOT_REPRODUCED_FMT_TEXT) \
    X(C_RESUME_STEPS_MISMATCH_FMT, C_RESUME_STEPS_MISMATCH_FMT_TEXT) \
    /* ---- tabletop replay; reading a journal and its scenario */ \
    X(C_REPLAY_USAGE, \
      "使い方: tabletop replay 記録ファイル [オプション]\n" \
      "\n" \
      "記録された演習を入力（対応、メモ、進行役の操作）から再実行し、\n" \
      "すべての記録が再現されることを確認します。\n" \
      "\n" \
      "  --ui none|tty|sdl   内容も表示: tty はタイムラインを出力、sdl はタイムラインを\n" \
      "                      操作できるダッシュボードを開く（既定: none）\n" \
      "  --scenario F        シナリオファイル（既定: 記録ファイルにあるもの）\n" \
      "  --lang ja|en        タイムラインの言語（既定: ロケールから）\n", \
      "usage: tabletop replay JOURNAL [options]\n" \
      "\n" \
      "Re-runs the recorded exercise from its inputs (actions, notes, the\n" \
      "facilitator's controls) and checks that every record is reproduced.\n" \
      "\n" \
      "  --ui none|tty|sdl   also show it: tty prints the timeline, sdl opens the\n" \
      "                      dashboard with a timeline scrubber (default: none)\n" \
      "  --scenario F        the scenario file (default: the one the journal names)\n" \
      "  --lang ja|en        language of the timeline (default: from the locale)\n") \
    X(C_TORN_DROPPED, "途中で切れた最後の記録を除外しました", "a torn last record was dropped") \
    X(C_NOT_A_JOURNAL, "tabletop の記録ファイルではありません（開始記録がありません）", \
      "not a tabletop journal (no start record)") \
    X(C_JOURNAL_BAD_SCENARIO_ID, "記録ファイルのシナリオ id がシナリオ id の形をしていません", \
      "the journal's scenario id is not a scenario id") \
    X(C_SCENARIO_CHANGED_FMT, C_SCENARIO_CHANGED_FMT_TEXT) \
    X(C_REPLAY_IDENTICAL_FMT, C_REPLAY_IDENTICAL_FMT_TEXT) \
    X(C_REPLAY_DIFFERS_FMT, C_REPLAY_DIFFERS_FMT_TEXT) \
    /* ---- finding a scenario */ \
    X(C_SCENARIO_UNREADABLE_FMT, C_SCENARIO_UNREADABLE_FMT_TEXT) \
    X(C_NOT_SCENARIO_ARG_FMT, C_NOT_SCENARIO_ARG_FMT_TEXT) \
    X(C_NO_SCENARIO_LOOKED_FMT, C_NO_SCENARIO_LOOKED_FMT_TEXT) \
    X(C_SCENARIO_DIRS_TOO_MANY_FMT, C_SCENARIO_DIRS_TOO_MANY_FMT_TEXT) \
    X(C_SCENARIO_DIR_TOO_LONG_FMT, C_SCENARIO_DIR_TOO_LONG_FMT_TEXT) \
    X(C_LIST_FIRST, " ", " ") \
    X(C_LIST_SEP, "、", ", ") \
    X(C_BUILTIN_SCENARIOS, "組み込みのシナリオ", "the built-in scenarios") \
    X(C_NO_SCENARIO_LOOKED_END, "）。'tabletop list' で一覧を表示します", \
      "); 'tabletop list' shows them") \
    /* ---- the headless timeline: each line's kind, the summary's columns */ \
    X(C_TL_START_FMT, C_TL_START_FMT_TEXT) \
    X(C_TL_UNTIL_FMT, C_TL_UNTIL_FMT_TEXT) \
    X(C_TL_END_WHY_FMT, C_TL_END_WHY_FMT_TEXT) \
    X(C_TL_WHAT_FMT, C_TL_WHAT_FMT_TEXT) \
    X(C_STEPS_NOT_PLAYED_FMT, C_STEPS_NOT_PLAYED_FMT_TEXT) \
    X(C_STEP_NOT_PLAYED_FMT, C_STEP_NOT_PLAYED_FMT_TEXT) \
    X(C_TL_INJECT, "状況付与", "inject") \
    X(C_TL_MESSAGE, "連絡", "message") \
    X(C_TL_ANSWER, "討議の回答", "answer") \
    X(C_TL_ACTION, "対応開始", "action") \
    X(C_TL_DONE, "対応完了", "done") \
    X(C_TL_REFUSED, "実施できず", "refused") \
    X(C_TL_OBJECTIVE, "目標", "objective") \
    X(C_TL_NOTE, "メモ", "note") \
    X(C_TL_END, "演習終了", "end") \
    X(C_TL_CANCEL, "対応中止", "cancel") \
    X(C_TL_REPLY, "質問への回答", "reply") \
    X(C_TL_DECLINED, "依頼を断られた", "declined") \
    X(C_TL_ASKED, "確認の質問", "asked") \
    X(C_TL_REACHED_WORD, "達成", "reached") \
    X(C_TL_MISSED_WORD, "未達", "missed") \
    X(C_TL_END_LENGTH, "シナリオの時間が終了", "length") \
    X(C_TL_END_SETTLED, "すべての目標が確定", "settled") \
    X(C_TL_END_FACILITATOR, "進行役が終了", "facilitator") \
    X(C_TL_COL_OBJECTIVE, "目標", "objective") \
    X(C_TL_COL_PHASE, "段階", "phase") \
    X(C_TL_COL_TARGET, "目標時間", "target") \
    X(C_TL_COL_LIMIT, "期限", "limit") \
    X(C_TL_COL_REACHED, "達成", "reached") \
    X(C_TL_COL_VERDICT, "判定", "verdict") \
    X(C_TL_WITHIN_TARGET, "目標時間内", "within target") \
    X(C_TL_WITHIN_LIMIT, "期限内", "within limit") \
    X(C_TL_LATE, "期限後", "late") \
    X(C_TL_DAMAGE, "被害", "damage") \
    X(C_TL_STATE, "状況", "state") \
    /* ---- command-line parser */ \
    X(C_SEE_HELP_FMT, C_SEE_HELP_FMT_TEXT) \
    X(C_OPT_WANTS_PATH_FMT, C_OPT_WANTS_PATH_FMT_TEXT) \
    X(C_OPT_OUTPUT_NOT_REGULAR_FMT, C_OPT_OUTPUT_NOT_REGULAR_FMT_TEXT) \
    X(C_OPT_NOT_FOLDER_FMT, C_OPT_NOT_FOLDER_FMT_TEXT) \
    X(C_OPT_OUTPUT_NO_FOLDER_FMT, C_OPT_OUTPUT_NO_FOLDER_FMT_TEXT) \
    X(C_OPT_LANG_FMT, C_OPT_LANG_FMT_TEXT) \
    X(C_OPT_UI_FMT, C_OPT_UI_FMT_TEXT) \
    X(C_OPT_SPEED_FMT, C_OPT_SPEED_FMT_TEXT) \
    X(C_OPT_SEED_FMT, C_OPT_SEED_FMT_TEXT) \
    X(C_OPT_EXTRA_ARG_FMT, C_OPT_EXTRA_ARG_FMT_TEXT) \
    X(C_OPT_TWICE_FMT, C_OPT_TWICE_FMT_TEXT) \
    X(C_OPT_CONTRADICT_FMT, C_OPT_CONTRADICT_FMT_TEXT) \
    X(C_EXITS_LINE_FMT, C_EXITS_LINE_FMT_TEXT) \
    X(C_EXITS_DEFAULT, "0 正常、1 実行時の失敗、2 入力の誤り", \
      "0 ok, 1 runtime failure, 2 bad input") \
    X(C_EXITS_CHECK, "0 すべて正しい、1 実行時の失敗、2 正しくないシナリオがある", \
      "0 all valid, 1 runtime failure, 2 a scenario is not valid") \
    X(C_EXITS_REPLAY, "0 一致、1 相違あり（最初の相違を表示）または実行時の失敗、\n2 入力の誤り", \
      "0 identical, 1 differs (the first difference is shown) or a runtime\nfailure, 2 bad input") \
    X(C_EXITS_WATCH, "0 終了、1 監視できない、2 入力の誤り", \
      "0 stopped, 1 cannot watch, 2 bad input") \
    X(C_EXITS_SWEEP, "0 正常、1 失敗した演習がある／実行時の失敗、2 入力の誤り", \
      "0 ok, 1 an exercise failed or a runtime failure, 2 bad input") \
    X(C_EXITS_LINT, "0 指摘なし、1 指摘あり／実行時の失敗、2 読み込めないシナリオ", \
      "0 nothing found, 1 findings or a runtime failure, 2 a scenario that\ncannot be loaded") \
    X(C_EXITS_EXPLORE, "0 指摘なし、1 指摘あり／実行時の失敗、2 入力の誤り", \
      "0 nothing found, 1 findings or a runtime failure, 2 bad input") \
    /* ---- tabletop without a command (engine/app/main.c) */ \
    X(C_MAIN_USAGE_HEAD, "使い方: tabletop コマンド [引数...]\n\nコマンド:\n", \
      "usage: tabletop COMMAND [ARGS...]\n\ncommands:\n") \
    X(C_MAIN_USAGE_FOOT, "\n各コマンドの説明は 'tabletop コマンド --help'、\n" \
      "バージョンは 'tabletop --version'（-V）で表示します。\n", \
      "\n'tabletop COMMAND --help' describes each command;\n" \
      "'tabletop --version' (-V) prints the version.\n") \
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
