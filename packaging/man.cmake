# Build the man page from the program's own help, so it cannot drift:
# help2man reads `tabletop --help` and `--version`; every subcommand's
# `--help` becomes a subsection of COMMANDS through help2man's include file.
# Run with -DTABLETOP=path/to/tabletop -DOUT=tabletop.1 -DWORK=dir.
set(ENV{LC_ALL} C)
set(ENV{LANG} C)
execute_process(COMMAND "${TABLETOP}" --help OUTPUT_VARIABLE top RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "tabletop --help failed (${rc})")
endif()
string(REGEX MATCHALL "\n  ([a-z][a-z-]*) " lines "${top}")
set(inc "[COMMANDS]\n")
foreach(line ${lines})
  string(STRIP "${line}" cmd)
  string(REGEX REPLACE " .*" "" cmd "${cmd}")
  execute_process(COMMAND "${TABLETOP}" ${cmd} --help OUTPUT_VARIABLE help RESULT_VARIABLE rc)
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
string(APPEND inc "[FILES]\n"
  ".TP\n.I PREFIX/share/tabletop/scenarios\nthe scenarios and their scripted answers\n"
  ".TP\n.I PREFIX/share/tabletop\nassets: dashboard font preferences (fonts.conf), web pages, the templates of tabletop new\n"
  ".TP\n.I PREFIX/lib/tabletop/modules\nthe modules loaded when a command needs them: dashboard.so, web.so, pg.so, graph.so, tty.so, sqlite.so\n"
  ".TP\n.I $XDG_DATA_HOME/tabletop\njournals, scorecards and the drill history\n"
  "[ENVIRONMENT]\n"
  ".TP\n.B TABLETOP_SCENARIOS\ncolon\\-separated folders searched for scenarios before the installed ones\n"
  ".TP\n.B TABLETOP_DB\nthe drill history: a SQLite file or a postgresql:// URI (default: the XDG data folder's history.sqlite3)\n"
  ".TP\n.B TABLETOP_PSEUDONYM_KEY\nthe key of report \\-\\-anonymise pseudonyms\n"
  ".TP\n.B TABLETOP_MODULE_DIR\nthe folder to load the modules from instead of the installed one\n"
  ".TP\n.B XDG_DATA_HOME\njournals, scorecards and the drill history go under its tabletop folder (default ~/.local/share)\n"
  ".TP\n.B LANG, LC_ALL, LC_MESSAGES\nja* selects Japanese, anything else English\n"
  "[SEE ALSO]\nThe documentation in\n.I PREFIX/share/doc/tabletop\n")
file(WRITE "${WORK}/tabletop.h2m" "${inc}")
execute_process(COMMAND help2man --no-info --no-discard-stderr
  --name "incident-response tabletop exercise simulator"
  --section 1 --include "${WORK}/tabletop.h2m" --output "${OUT}" "${TABLETOP}"
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
