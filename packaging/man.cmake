# Build a man page from the program's own help, so it cannot drift:
# help2man reads `tabletop --help` and `--version`; every subcommand's
# `--help` becomes a subsection of the commands section through help2man's
# include file. One script for both languages:
#   -DTABLETOP=path/to/tabletop -DOUT=tabletop.1 -DWORK=dir [-DMAN_LANG=en|ja]
# The Japanese page takes every text from `--lang ja`; help2man words its
# own headings (名前, 説明, ファイル...) and the date in the ja_JP.UTF-8
# locale, compiled into WORK with localedef (no system locale needed: the
# `locales` package's sources are enough).
if(NOT MAN_LANG)
  set(MAN_LANG en)
endif()
set(ENV{LANG} C)
set(ENV{LC_ALL} C)
set(locale_args)
if(MAN_LANG STREQUAL "ja")
  set(locale_dir "${WORK}/locale")
  if(NOT EXISTS "${locale_dir}/ja_JP.UTF-8/LC_CTYPE")   # compiled once per build folder
    file(MAKE_DIRECTORY "${locale_dir}")
    execute_process(COMMAND localedef -i ja_JP -f UTF-8 "${locale_dir}/ja_JP.UTF-8"
      RESULT_VARIABLE rc OUTPUT_QUIET)
    if(NOT rc EQUAL 0 OR NOT EXISTS "${locale_dir}/ja_JP.UTF-8/LC_CTYPE")
      message(FATAL_ERROR "localedef could not compile ja_JP.UTF-8 (${rc}): install the 'locales' package")
    endif()
  endif()
  set(ENV{LOCPATH} "${locale_dir}")
  set(locale_args --locale=ja_JP.UTF-8)
  # help2man would take --name's bytes as Latin-1: the name comes through
  # the include file (read as UTF-8), which replaces the NAME section.
  set(name_args)
  set(name_section "[名前]\ntabletop \\- インシデント対応机上演習シミュレーター\n")
  set(commands_section "コマンド")
  set(files_section "ファイル")
  set(environment_section "環境変数")
  set(see_also_section "関連項目")
  string(CONCAT files_text
    ".TP\n.I PREFIX/share/tabletop/scenarios\nシナリオとその解答スクリプト\n"
    ".TP\n.I PREFIX/share/tabletop\n付属データ: ダッシュボードのフォント設定（fonts.conf）、ウェブページ、tabletop new のひな形\n"
    ".TP\n.I PREFIX/lib/tabletop/modules\nコマンドが必要なときに読み込むモジュール: dashboard.so, web.so, pg.so, graph.so, tty.so, sqlite.so, zlib.so, cbor.so\n"
    ".TP\n.I $XDG_DATA_HOME/tabletop\n記録ファイル、スコアカード、演習履歴\n")
  string(CONCAT environment_text
    ".TP\n.B TABLETOP_SCENARIOS\nインストールされたシナリオより先にシナリオを探すフォルダー（コロン区切り）\n"
    ".TP\n.B TABLETOP_DB\n演習履歴: SQLite ファイルか postgresql:// URI（既定: XDG データフォルダーの history.sqlite3）\n"
    ".TP\n.B TABLETOP_PSEUDONYM_KEY\nreport \\-\\-anonymise の仮名を作る鍵\n"
    ".TP\n.B TABLETOP_MODULE_DIR\nインストールされたフォルダーの代わりにモジュールを読み込むフォルダー\n"
    ".TP\n.B XDG_DATA_HOME\n記録ファイル、スコアカード、演習履歴はその下の tabletop フォルダーに置かれます（既定 ~/.local/share）\n"
    ".TP\n.B LANG, LC_ALL, LC_MESSAGES\nja で始まれば日本語、それ以外は英語（\\-\\-lang が優先）\n")
  set(see_also_text "文書:\n.I PREFIX/share/doc/tabletop\n.br\n英語の man ページ:\n.B LANG=C man tabletop\n")
else()
  set(name_args --name "incident-response tabletop exercise simulator")
  set(name_section "")
  set(commands_section "COMMANDS")
  set(files_section "FILES")
  set(environment_section "ENVIRONMENT")
  set(see_also_section "SEE ALSO")
  string(CONCAT files_text
    ".TP\n.I PREFIX/share/tabletop/scenarios\nthe scenarios and their scripted answers\n"
    ".TP\n.I PREFIX/share/tabletop\nassets: dashboard font preferences (fonts.conf), web pages, the templates of tabletop new\n"
    ".TP\n.I PREFIX/lib/tabletop/modules\nthe modules loaded when a command needs them: dashboard.so, web.so, pg.so, graph.so, tty.so, sqlite.so, zlib.so, cbor.so\n"
    ".TP\n.I $XDG_DATA_HOME/tabletop\njournals, scorecards and the drill history\n")
  string(CONCAT environment_text
    ".TP\n.B TABLETOP_SCENARIOS\ncolon\\-separated folders searched for scenarios before the installed ones\n"
    ".TP\n.B TABLETOP_DB\nthe drill history: a SQLite file or a postgresql:// URI (default: the XDG data folder's history.sqlite3)\n"
    ".TP\n.B TABLETOP_PSEUDONYM_KEY\nthe key of report \\-\\-anonymise pseudonyms\n"
    ".TP\n.B TABLETOP_MODULE_DIR\nthe folder to load the modules from instead of the installed one\n"
    ".TP\n.B XDG_DATA_HOME\njournals, scorecards and the drill history go under its tabletop folder (default ~/.local/share)\n"
    ".TP\n.B LANG, LC_ALL, LC_MESSAGES\nja* selects Japanese, anything else English (\\-\\-lang wins)\n")
  set(see_also_text "The documentation in\n.I PREFIX/share/doc/tabletop\n")
endif()
execute_process(COMMAND "${TABLETOP}" --help --lang ${MAN_LANG} OUTPUT_VARIABLE top RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tabletop --help failed (${rc})")
endif()
string(REGEX MATCHALL "\n  ([a-z][a-z-]*) " lines "${top}")
set(inc "${name_section}[${commands_section}]\n")
foreach(line ${lines})
  string(STRIP "${line}" cmd)
  string(REGEX REPLACE " .*" "" cmd "${cmd}")
  execute_process(COMMAND "${TABLETOP}" ${cmd} --help --lang ${MAN_LANG}
    OUTPUT_VARIABLE help RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "tabletop ${cmd} --help failed (${rc})")
  endif()
  # Verbatim text in roff: backslashes and hyphens escaped, control
  # characters at line starts neutralised.
  string(REPLACE "\\" "\\e" help "${help}")
  string(REPLACE "-" "\\-" help "${help}")
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
  string(APPEND inc ".SS \"tabletop ${cmd}\"\n.nf\n${help}.fi\n")
endforeach()
string(APPEND inc "[${files_section}]\n${files_text}"
  "[${environment_section}]\n${environment_text}"
  "[${see_also_section}]\n${see_also_text}")
file(WRITE "${WORK}/tabletop.${MAN_LANG}.h2m" "${inc}")
execute_process(COMMAND help2man --no-info --no-discard-stderr ${locale_args}
  --help-option "--help --lang ${MAN_LANG}"
  ${name_args}
  --section 1 --include "${WORK}/tabletop.${MAN_LANG}.h2m" --output "${OUT}" "${TABLETOP}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
if(MAN_LANG STREQUAL "ja")
  # Japanese has no spaces to break lines at, and this groff does not break
  # between CJK characters by itself ("can't break line"): allow a break
  # (\:, invisible) between two CJK characters of text lines, never before
  # closing punctuation, a small kana or ー, nor after opening punctuation.
  execute_process(COMMAND perl -CSD -i -pe
    "next if /^[.']/; s/([\\p{Han}\\p{Hiragana}\\p{Katakana}ー、。）」』：！？])(?=[\\p{Han}\\p{Hiragana}\\p{Katakana}（「『])(?![ーァィゥェォッャュョぁぃぅぇぉっゃゅょ])/\$1\\\\:/g"
    "${OUT}" RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "perl could not mark the break points (${rc})")
  endif()
endif()
