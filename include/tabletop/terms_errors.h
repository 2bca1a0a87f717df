/* Part of the one terminology table (tabletop/terms.h): the error and
 * warning messages of the engine modules (data, script, exercise, score,
 * sweep, author, ui, base). A module words a failure with TT_MSG, which
 * picks the column of the process's language (tt_lang_messages: the
 * command line's --lang, else the locale) and hands the compiler both
 * literals to check against the arguments:
 *
 *     tt_error_set(err, file, line, col, TT_MSG(E_YAML_DUPLICATE_KEY_FMT), key);
 *
 * Every entry is a NAME_TEXT pair ("ja", "en"); both columns take the same
 * conversions in the same order (tests/base/test_error_texts.c checks it,
 * and fails on an English-only message literal left in engine/). The
 * English column is what tests and docs quote: change it deliberately. */
#ifndef TABLETOP_TERMS_ERRORS_H
#define TABLETOP_TERMS_ERRORS_H

#define E_YAML_KIND_SCALAR_TEXT "単一の値", "a scalar"
#define E_YAML_KIND_MAPPING_TEXT "マッピング", "a mapping"
#define E_YAML_KIND_LIST_TEXT "リスト", "a list"
#define E_YAML_KEY_NOT_PLAIN_FMT_TEXT "キーは普通のテキストで書いてください（%sは使えません）", \
    "a key must be plain text, not a %s"
#define E_YAML_KIND_MAPPING_WORD_TEXT "マッピング", "mapping"
#define E_YAML_KIND_LIST_WORD_TEXT "リスト", "list"
#define E_IN_YAML_TEXT "YAML", "YAML"
#define E_IN_JOURNAL_TEXT "記録ファイル", "a journal"
#define E_IN_TEXT_TEXT "テキスト", "text"
#define E_NUM_NOT_INTEGER_FMT_TEXT "'%s' は整数ではありません", "'%s' is not an integer"
#define E_NUM_NOT_UINT64_FMT_TEXT "'%s' は 0 から %" PRIu64 " までの整数ではありません", \
    "'%s' is not a whole number from 0 to %" PRIu64
#define E_NUM_TOO_LARGE_UINT64_FMT_TEXT "'%s' は大きすぎます（最大 %" PRIu64 "）", \
    "'%s' is too large (max %" PRIu64 ")"
#define E_JR_ABOVE_ZERO_TEXT "0 超", "above 0"
#define E_MODULE_DLOPEN_TEXT "dlopen に失敗しました", "dlopen"
#define E_SUGGEST_NONE_TEXT "宣言されたものがありません", "none are declared"
#define E_SUGGEST_DID_YOU_MEAN_FMT_TEXT "'%s' のことですか？", "did you mean '%s'?"
#define E_SUGGEST_VALID_TEXT "使えるもの: ", "valid: "
#define E_UTF8_AT_OFFSET_FMT_TEXT "、位置 %zu", " at offset %zu"
#define E_KIND_BOOL_TEXT "true か false", "true or false"
#define E_KIND_WHOLE_NUMBER_TEXT "整数", "a whole number"
#define E_KIND_NUMBER_TEXT "数値", "a number"
#define E_KIND_TEXT_TEXT "テキスト", "text"
#define E_DURATION_NOT_FMT_TEXT "'%s' は時間の長さではありません: %s", \
    "'%s' is not a duration: %s"
#define E_DURATION_HOURS_RANGE_TEXT "日数の後の時間は 0〜23 です", \
    "hours after the days must be 0-23"
#define E_DURATION_MINUTES_TWO_DIGITS_TEXT "分は 00〜59 の2桁で書いてください", \
    "minutes must be two digits, 00-59"
#define E_DURATION_SECONDS_MISSING_TEXT "秒がありません（H:MM:SS の形。15:00 だけではあいまいです）", \
    "seconds are missing (H:MM:SS; 15:00 alone is ambiguous)"
#define E_DURATION_SECONDS_TWO_DIGITS_TEXT "秒は 00〜59 の2桁で書いてください", \
    "seconds must be two digits, 00-59"
#define E_DURATION_TOO_LARGE_DAYS_TEXT "大きすぎます（3650 日を超えています）", \
    "too large (over 3650 days)"
#define E_DURATION_EXPECTED_NUMBER_TEXT "数値がありません（例: 90s、15m、2h、1d）", \
    "expected a number (write e.g. 90s, 15m, 2h, 1d)"
#define E_DURATION_TOO_LARGE_TEXT "大きすぎます", \
    "too large"
#define E_DURATION_NO_UNIT_TEXT "ほかの部分の後に単位のない数値があります", \
    "a number without a unit after another part"
#define E_DURATION_UNKNOWN_UNIT_TEXT "不明な単位です（s、m、h、d のいずれか）", \
    "unknown unit (use s, m, h or d)"
#define E_DURATION_UNIT_ORDER_TEXT "単位は大きいものから順に書いてください", \
    "units must go from largest to smallest"
#define E_DURATION_MISSING_TEXT "指定がありません", \
    "missing"
#define E_DURATION_EMPTY_TEXT "空です（例: 90s、15m、2h、1d、0:15:00）", \
    "empty (write e.g. 90s, 15m, 2h, 1d or 0:15:00)"
#define E_DURATION_NEGATIVE_TEXT "負の値です", \
    "negative"
#define E_DURATION_TRAILING_TEXT "時間の長さの後に余分な文字があります", \
    "unexpected text after the duration"
#define E_OUT_OF_MEMORY_TEXT "メモリが足りません", \
    "out of memory"
#define E_MODULE_UNKNOWN_FMT_TEXT "不明なモジュールです（%d）", \
    "unknown module %d"
#define E_MODULE_VERSION_FMT_TEXT "バージョン %s 用に作られています（このプログラムは %s）", \
    "built for version %s, this is %s"
#define E_UTF8_BAD_BYTE_FMT_TEXT "正しい UTF-8 ではありません（バイト 0x%02x%s）", \
    "not valid UTF-8 (byte 0x%02x%s)"
#define E_UTF8_CUT_SHORT_FMT_TEXT "正しい UTF-8 ではありません（途中で切れています%s）", \
    "not valid UTF-8 (cut short%s)"
#define E_UTF8_BAD_SEQUENCE_FMT_TEXT "正しい UTF-8 ではありません（不正なバイト列%s）", \
    "not valid UTF-8 (bad sequence%s)"
#define E_UTF8_CHAR_NOT_ALLOWED_FMT_TEXT "文字 U+%04X%s は %s では使えません", \
    "character U+%04X%s is not allowed in %s"
#define E_AS_UNKNOWN_SETTING_FMT_TEXT "不明な設定 '%s' です。使える設定: %s", \
    "unknown setting '%s'; valid: %s"
#define E_AS_NOT_FINITE_FMT_TEXT "有限の数値が必要です（既定値は %s）が、'%s' です", \
    "expected a finite number (the default is %s), found '%s'"
#define E_AS_EXPECTED_KIND_FMT_TEXT "%sが必要です（既定値は %s）が、'%s' です", \
    "expected %s (the default is %s), found '%s'"
#define E_AS_AT_MISSING_TEXT "'at'（いつ実行するか。例: 90s、15m、2h）がありません", \
    "'at' is missing (when, e.g. 90s, 15m, 2h)"
#define E_AS_EXPECTED_DURATION_FMT_TEXT "90s、15m、2h のような時間の長さが必要ですが、%s です", \
    "expected a duration such as 90s, 15m or 2h, found %s"
#define E_AS_END_TRUE_TEXT "ここで演習を終了するなら 'end: true' と書き、そうでなければ 'end' を書かないでください", \
    "write 'end: true' to end the drill here, or leave 'end' out"
#define E_AS_END_ONLY_AT_TEXT "終了のステップには 'at' だけを書きます（'{ at: 1h30m, end: true }' のように）", \
    "an end step takes only 'at' (write '{ at: 1h30m, end: true }')"
#define E_AS_BY_MISSING_TEXT "'by'（対応する役割）がありません", \
    "'by' is missing (the role that acts)"
#define E_UNKNOWN_ROLE_FMT_TEXT "不明な役割 '%s' です。使える役割: %s", \
    "unknown role '%s'; valid: %s"
#define E_AS_ONE_OF_DO_TEXT "1つのステップには 'do'、'cancel'、'reply' のどれか1つを書いてください", \
    "give one of 'do', 'cancel' or 'reply' per step"
#define E_AS_UNKNOWN_ACTION_FMT_TEXT "不明な対応 '%s' です。使える対応: %s", \
    "unknown action '%s'; valid: %s"
#define E_AS_ROLE_MAY_NOT_FMT_TEXT "役割 '%s' は対応 '%s' を取れません。取れる役割: %s", \
    "role '%s' may not take action '%s'; allowed: %s"
#define E_AS_GIVE_DO_TEXT "'do'（対応）、'cancel' か 'reply'（実施中の対応）、または 'note'（メモだけ）を書いてください", \
    "give 'do' (an action), 'cancel' or 'reply' (an action in progress) or 'note' (a pure note)"
#define E_AS_REPLY_NEEDS_NOTE_TEXT "'reply' には回答を 'note' に書いてください", \
    "a 'reply' needs the answer in 'note'"
#define E_AS_EMPTY_TEXT "台本が空です。'actions' が必要です", \
    "the script is empty; expected 'actions'"
#define E_AS_OTHER_SCENARIO_FMT_TEXT "この台本はシナリオ '%s' のもので、'%s' のものではありません", \
    "this script is for scenario '%s', not '%s'"
#define E_AS_NO_ACTIONS_TEXT "台本に 'actions' の一覧がありません（何もしないなら 'actions: []' と書いてください）", \
    "the script has no 'actions' list (write 'actions: []' for none)"
#define E_AS_AFTER_END_FMT_TEXT "このステップは終了のステップ（%d 行目、%s）より後にあるため、実行されません", \
    "this step comes after the end step (line %d, at %s) and would never be taken"
#define E_JE_TEXT_FAULT_FMT_TEXT "テキスト（\"%.32s\"...）: %s", \
    "a text (\"%.32s\"...): %s"
#define E_JE_EMPTY_KEY_FMT_TEXT "%s に空のキーがあります", \
    "%s has an empty key"
#define E_JE_NAN_FMT_TEXT "%s.%s が数値ではありません（NaN）", \
    "%s.%s is not a number (NaN)"
#define E_JE_KEY_TWICE_FMT_TEXT "%s にキー '%s' が2回あります", \
    "%s has the key '%s' twice"
#define E_JE_UNKNOWN_TYPE_TEXT "不明な種類の記録は書き込めません", \
    "cannot write a record of unknown type"
#define E_JE_CANNOT_WRITE_FMT_TEXT "%s の記録を書き込めません: %s", \
    "cannot write a %s record: %s"
#define E_JR_NOT_ROLE_LIST_FMT_TEXT "'%s' は役割 id ではありません（宛先が複数なら一覧で書きます）", \
    "'%s' is not a role id (several recipients are written as a list)"
#define E_JR_EMPTY_RECIPIENTS_TEXT "宛先の一覧が空です", \
    "an empty list of recipients"
#define E_JR_NOT_ROLE_FMT_TEXT "'%s' は役割 id ではありません", \
    "'%s' is not a role id"
#define E_JR_NEGATIVE_FMT_TEXT "'%s' は負の値です", \
    "'%s' is negative"
#define E_JR_OVER_3650_FMT_TEXT "'%s' は 3650 日を超えています", \
    "'%s' is more than 3650 days"
#define E_JR_NOT_SPEED_FMT_TEXT "'%s' は時計の速度ではありません（%s〜1000000）", \
    "'%s' is not a clock speed (%s to 1000000)"
#define E_JR_NO_SCENARIO_ID_TEXT "シナリオ id がありません", \
    "the scenario id is missing"
#define E_JR_EMPTY_RECORD_TEXT "空の記録です", \
    "empty record"
#define E_JR_NO_TYPE_TEXT "記録に 'type' がありません", \
    "the record has no 'type'"
#define E_JR_UNKNOWN_TYPE_FMT_TEXT "不明な記録の種類 '%s' です。使える種類: %s", \
    "unknown record type '%s'; valid: %s"
#define E_JR_NO_TIME_TEXT "記録に時刻 't' がありません", \
    "the record has no time 't'"
#define E_JR_SPEED_NEEDS_TEXT "speed の記録には 'speed' が必要です", \
    "a speed record needs its 'speed'"
#define E_JR_START_NEEDS_TEXT "start の記録には 'start' のマッピングが必要です", \
    "a start record needs a 'start' mapping"
#define E_JR_ONLY_START_TEXT "'start' を持てるのは start の記録だけです", \
    "only a start record has 'start'"
#define E_JR_NOT_CLOSED_TEXT "この記録が '...' で閉じられていません", \
    "this record is not closed by '...'"
#define E_JR_FIRST_START_FMT_TEXT "最初の記録は 'start' でなければなりません（'%s' です）", \
    "the first record must be 'start', not '%s'"
#define E_JR_OOM_TEXT "記録ファイルの読み込み中にメモリが足りなくなりました", \
    "out of memory reading the journal"
#define E_CANNOT_READ_FMT_TEXT "読み込めません: %s", \
    "cannot read: %s"
#define E_JW_NOT_REGULAR_TEXT "記録ファイルが通常のファイルではありません", \
    "the journal is not a regular file"
#define E_JW_UNUSABLE_TEXT "以前の書き込みエラーのため、記録ファイルを使えません", \
    "the journal is unusable after an earlier write error"
#define E_JW_LIMIT_FMT_TEXT "記録ファイルが1回の演習の上限 %zu MiB に達しました。シナリオの記録が多すぎます（長い文字列の状態が絶えず変わっていませんか？）。ここまでの記録は score、replay、resume で読めます", \
    "the journal reached its limit of %zu MiB for one exercise: the scenario journals too much (a long state string changing all the time?); the journal so far stays readable by score, replay and resume"
#define E_JW_CANNOT_WRITE_FMT_TEXT "記録ファイルに書き込めません: %s", \
    "cannot write to the journal: %s"
#define E_JW_CANNOT_SYNC_FMT_TEXT "記録ファイルをディスクに書き出せません: %s", \
    "cannot sync the journal to disk: %s"
#define E_JW_CANNOT_CLOSE_FMT_TEXT "記録ファイルを閉じられません: %s", \
    "cannot close the journal: %s"
#define E_ROSTER_MEMBER_NEEDS_TEXT "メンバーには 'name' と 'role' の両方が必要です", \
    "a member needs both 'name' and 'role'"
#define E_ROSTER_NAME_EMPTY_TEXT "氏名が空です", \
    "the name is empty"
#define E_ROSTER_EMPTY_TEXT "名簿が空です。'team' と 'members' が必要です", \
    "the roster is empty; expected 'team' and 'members'"
#define E_ROSTER_NO_MEMBERS_TEXT "名簿に 'members' の一覧がありません", \
    "the roster has no 'members' list"
#define E_ROSTER_LIST_EMPTY_TEXT "一覧が空です。メンバーを1人以上書いてください", \
    "the list is empty; name at least one member"
#define E_ROSTER_TOO_MANY_FMT_TEXT "メンバーが %d 人を超えています。演習のチームはもっと小さいはずです", \
    "more than %d members; a drill team is smaller"
#define E_ROSTER_TWICE_FMT_TEXT "'%s'（'%s'）が2回書かれています", \
    "'%s' as '%s' is listed twice"
#define E_YAML_CANNOT_READ_TEXT_FMT_TEXT "テキストを読み込めません: %s", \
    "cannot read text: %s"
#define E_YAML_SYNTAX_AT_FMT_TEXT "YAML の構文エラー: %s（%s、%d 行 %d 列）", \
    "YAML syntax error: %s (%s at line %d, column %d)"
#define E_YAML_SYNTAX_FMT_TEXT "YAML の構文エラー: %s", \
    "YAML syntax error: %s"
#define E_YAML_ANCHOR_FMT_TEXT "アンカー（&%s）は使えません。値をそのまま書いてください", \
    "anchors (&%s) are not allowed; write the value out in full"
#define E_YAML_TAG_FMT_TEXT "タグ（%s）は使えません", \
    "tags (%s) are not allowed"
#define E_YAML_END_WITHOUT_START_TEXT "内部エラー: 文書の開始がないまま終了しました", \
    "internal: document end without start"
#define E_YAML_ALIAS_FMT_TEXT "エイリアス（*%s）は使えません。値をそのまま書いてください", \
    "aliases (*%s) are not allowed; write the value out in full"
#define E_YAML_NUL_TEXT "テキストに NUL 文字があります。使えません", \
    "text holds a NUL character, which is not allowed"
#define E_YAML_CONTROL_FMT_TEXT "テキストに制御文字 U+%04X（エスケープで書かれたもの）があります。使えません", \
    "text holds the control character U+%04X (written as an escape), which is not allowed"
#define E_YAML_BAD_UTF8_ESCAPES_TEXT "エスケープを読んだ後のテキストが正しい UTF-8 ではありません", \
    "text is not valid UTF-8 after its escapes are read"
#define E_YAML_TOO_DEEP_FMT_TEXT "入れ子が %d 段より深くなっています", \
    "nesting is deeper than %d levels"
#define E_YAML_TOO_MANY_KEYS_FMT_TEXT "1つのマッピングのキーが多すぎます（%d 個を超えています）", \
    "too many keys in one mapping (more than %d)"
#define E_YAML_DUPLICATE_KEY_FMT_TEXT "キー '%s' が重複しています", \
    "duplicate key '%s'"
#define E_YAML_SECOND_DOCUMENT_TEXT "YAML の文書は1つだけのはずですが、ここに2つ目があります", \
    "expected one YAML document, found a second one here"
#define E_YAML_UNKNOWN_KEY_FMT_TEXT "不明なキー '%s' です。使えるキー: %s", \
    "unknown key '%s'; valid: %s"
#define E_YAML_EXPECTED_FOUND_TEXT_FMT_TEXT "%sが必要ですが、'%s' です", \
    "expected %s, found '%s'"
#define E_YAML_EXPECTED_FOUND_FMT_TEXT "%sが必要ですが、%sです", \
    "expected %s, found %s"
#define E_NUM_NEEDS_VALUE_TEXT "値が必要です（true/false、数値、または \"テキスト\"）", \
    "needs a value (true/false, a number or \"text\")"
#define E_NUM_NOT_USABLE_FMT_TEXT "'%s' は使える数値ではありません", \
    "'%s' is not a usable number"
#define E_NUM_OUT_OF_RANGE_FMT_TEXT "'%s' は範囲外です", \
    "'%s' is out of range"
#define E_NUM_NOT_NUMBER_FMT_TEXT "'%s' は数値ではありません", \
    "'%s' is not a number"
#define E_NUM_NOT_BOOL_FMT_TEXT "'%s' は true でも false でもありません", \
    "'%s' is not true or false"
#define E_JE_BAD_TEXT_TEXT "テキストが正しい UTF-8 ではありません（またはメモリが足りません）", \
    "a text is not valid UTF-8 (or memory ran out)"
#define E_PATH_TOO_LONG_TEXT "パスが長すぎます", "path too long"
#define E_MODULE_NO_TABLE_TEXT "tt_module_table がありません", "no tt_module_table"
/* @DEFS@ */

#define TT_TERMS_ERRORS(X) \
    X(E_YAML_KIND_SCALAR, E_YAML_KIND_SCALAR_TEXT) \
    X(E_YAML_KIND_MAPPING, E_YAML_KIND_MAPPING_TEXT) \
    X(E_YAML_KIND_LIST, E_YAML_KIND_LIST_TEXT) \
    X(E_YAML_KEY_NOT_PLAIN_FMT, E_YAML_KEY_NOT_PLAIN_FMT_TEXT) \
    X(E_YAML_KIND_MAPPING_WORD, E_YAML_KIND_MAPPING_WORD_TEXT) \
    X(E_YAML_KIND_LIST_WORD, E_YAML_KIND_LIST_WORD_TEXT) \
    X(E_IN_YAML, E_IN_YAML_TEXT) \
    X(E_IN_JOURNAL, E_IN_JOURNAL_TEXT) \
    X(E_IN_TEXT, E_IN_TEXT_TEXT) \
    X(E_NUM_NOT_INTEGER_FMT, E_NUM_NOT_INTEGER_FMT_TEXT) \
    X(E_NUM_NOT_UINT64_FMT, E_NUM_NOT_UINT64_FMT_TEXT) \
    X(E_NUM_TOO_LARGE_UINT64_FMT, E_NUM_TOO_LARGE_UINT64_FMT_TEXT) \
    X(E_JR_ABOVE_ZERO, E_JR_ABOVE_ZERO_TEXT) \
    X(E_MODULE_DLOPEN, E_MODULE_DLOPEN_TEXT) \
    X(E_SUGGEST_NONE, E_SUGGEST_NONE_TEXT) \
    X(E_SUGGEST_DID_YOU_MEAN_FMT, E_SUGGEST_DID_YOU_MEAN_FMT_TEXT) \
    X(E_SUGGEST_VALID, E_SUGGEST_VALID_TEXT) \
    X(E_UTF8_AT_OFFSET_FMT, E_UTF8_AT_OFFSET_FMT_TEXT) \
    X(E_KIND_BOOL, E_KIND_BOOL_TEXT) \
    X(E_KIND_WHOLE_NUMBER, E_KIND_WHOLE_NUMBER_TEXT) \
    X(E_KIND_NUMBER, E_KIND_NUMBER_TEXT) \
    X(E_KIND_TEXT, E_KIND_TEXT_TEXT) \
    X(E_DURATION_NOT_FMT, E_DURATION_NOT_FMT_TEXT) \
    X(E_DURATION_HOURS_RANGE, E_DURATION_HOURS_RANGE_TEXT) \
    X(E_DURATION_MINUTES_TWO_DIGITS, E_DURATION_MINUTES_TWO_DIGITS_TEXT) \
    X(E_DURATION_SECONDS_MISSING, E_DURATION_SECONDS_MISSING_TEXT) \
    X(E_DURATION_SECONDS_TWO_DIGITS, E_DURATION_SECONDS_TWO_DIGITS_TEXT) \
    X(E_DURATION_TOO_LARGE_DAYS, E_DURATION_TOO_LARGE_DAYS_TEXT) \
    X(E_DURATION_EXPECTED_NUMBER, E_DURATION_EXPECTED_NUMBER_TEXT) \
    X(E_DURATION_TOO_LARGE, E_DURATION_TOO_LARGE_TEXT) \
    X(E_DURATION_NO_UNIT, E_DURATION_NO_UNIT_TEXT) \
    X(E_DURATION_UNKNOWN_UNIT, E_DURATION_UNKNOWN_UNIT_TEXT) \
    X(E_DURATION_UNIT_ORDER, E_DURATION_UNIT_ORDER_TEXT) \
    X(E_DURATION_MISSING, E_DURATION_MISSING_TEXT) \
    X(E_DURATION_EMPTY, E_DURATION_EMPTY_TEXT) \
    X(E_DURATION_NEGATIVE, E_DURATION_NEGATIVE_TEXT) \
    X(E_DURATION_TRAILING, E_DURATION_TRAILING_TEXT) \
    X(E_OUT_OF_MEMORY, E_OUT_OF_MEMORY_TEXT) \
    X(E_MODULE_UNKNOWN_FMT, E_MODULE_UNKNOWN_FMT_TEXT) \
    X(E_MODULE_VERSION_FMT, E_MODULE_VERSION_FMT_TEXT) \
    X(E_UTF8_BAD_BYTE_FMT, E_UTF8_BAD_BYTE_FMT_TEXT) \
    X(E_UTF8_CUT_SHORT_FMT, E_UTF8_CUT_SHORT_FMT_TEXT) \
    X(E_UTF8_BAD_SEQUENCE_FMT, E_UTF8_BAD_SEQUENCE_FMT_TEXT) \
    X(E_UTF8_CHAR_NOT_ALLOWED_FMT, E_UTF8_CHAR_NOT_ALLOWED_FMT_TEXT) \
    X(E_AS_UNKNOWN_SETTING_FMT, E_AS_UNKNOWN_SETTING_FMT_TEXT) \
    X(E_AS_NOT_FINITE_FMT, E_AS_NOT_FINITE_FMT_TEXT) \
    X(E_AS_EXPECTED_KIND_FMT, E_AS_EXPECTED_KIND_FMT_TEXT) \
    X(E_AS_AT_MISSING, E_AS_AT_MISSING_TEXT) \
    X(E_AS_EXPECTED_DURATION_FMT, E_AS_EXPECTED_DURATION_FMT_TEXT) \
    X(E_AS_END_TRUE, E_AS_END_TRUE_TEXT) \
    X(E_AS_END_ONLY_AT, E_AS_END_ONLY_AT_TEXT) \
    X(E_AS_BY_MISSING, E_AS_BY_MISSING_TEXT) \
    X(E_UNKNOWN_ROLE_FMT, E_UNKNOWN_ROLE_FMT_TEXT) \
    X(E_AS_ONE_OF_DO, E_AS_ONE_OF_DO_TEXT) \
    X(E_AS_UNKNOWN_ACTION_FMT, E_AS_UNKNOWN_ACTION_FMT_TEXT) \
    X(E_AS_ROLE_MAY_NOT_FMT, E_AS_ROLE_MAY_NOT_FMT_TEXT) \
    X(E_AS_GIVE_DO, E_AS_GIVE_DO_TEXT) \
    X(E_AS_REPLY_NEEDS_NOTE, E_AS_REPLY_NEEDS_NOTE_TEXT) \
    X(E_AS_EMPTY, E_AS_EMPTY_TEXT) \
    X(E_AS_OTHER_SCENARIO_FMT, E_AS_OTHER_SCENARIO_FMT_TEXT) \
    X(E_AS_NO_ACTIONS, E_AS_NO_ACTIONS_TEXT) \
    X(E_AS_AFTER_END_FMT, E_AS_AFTER_END_FMT_TEXT) \
    X(E_JE_TEXT_FAULT_FMT, E_JE_TEXT_FAULT_FMT_TEXT) \
    X(E_JE_EMPTY_KEY_FMT, E_JE_EMPTY_KEY_FMT_TEXT) \
    X(E_JE_NAN_FMT, E_JE_NAN_FMT_TEXT) \
    X(E_JE_KEY_TWICE_FMT, E_JE_KEY_TWICE_FMT_TEXT) \
    X(E_JE_UNKNOWN_TYPE, E_JE_UNKNOWN_TYPE_TEXT) \
    X(E_JE_CANNOT_WRITE_FMT, E_JE_CANNOT_WRITE_FMT_TEXT) \
    X(E_JR_NOT_ROLE_LIST_FMT, E_JR_NOT_ROLE_LIST_FMT_TEXT) \
    X(E_JR_EMPTY_RECIPIENTS, E_JR_EMPTY_RECIPIENTS_TEXT) \
    X(E_JR_NOT_ROLE_FMT, E_JR_NOT_ROLE_FMT_TEXT) \
    X(E_JR_NEGATIVE_FMT, E_JR_NEGATIVE_FMT_TEXT) \
    X(E_JR_OVER_3650_FMT, E_JR_OVER_3650_FMT_TEXT) \
    X(E_JR_NOT_SPEED_FMT, E_JR_NOT_SPEED_FMT_TEXT) \
    X(E_JR_NO_SCENARIO_ID, E_JR_NO_SCENARIO_ID_TEXT) \
    X(E_JR_EMPTY_RECORD, E_JR_EMPTY_RECORD_TEXT) \
    X(E_JR_NO_TYPE, E_JR_NO_TYPE_TEXT) \
    X(E_JR_UNKNOWN_TYPE_FMT, E_JR_UNKNOWN_TYPE_FMT_TEXT) \
    X(E_JR_NO_TIME, E_JR_NO_TIME_TEXT) \
    X(E_JR_SPEED_NEEDS, E_JR_SPEED_NEEDS_TEXT) \
    X(E_JR_START_NEEDS, E_JR_START_NEEDS_TEXT) \
    X(E_JR_ONLY_START, E_JR_ONLY_START_TEXT) \
    X(E_JR_NOT_CLOSED, E_JR_NOT_CLOSED_TEXT) \
    X(E_JR_FIRST_START_FMT, E_JR_FIRST_START_FMT_TEXT) \
    X(E_JR_OOM, E_JR_OOM_TEXT) \
    X(E_CANNOT_READ_FMT, E_CANNOT_READ_FMT_TEXT) \
    X(E_JW_NOT_REGULAR, E_JW_NOT_REGULAR_TEXT) \
    X(E_JW_UNUSABLE, E_JW_UNUSABLE_TEXT) \
    X(E_JW_LIMIT_FMT, E_JW_LIMIT_FMT_TEXT) \
    X(E_JW_CANNOT_WRITE_FMT, E_JW_CANNOT_WRITE_FMT_TEXT) \
    X(E_JW_CANNOT_SYNC_FMT, E_JW_CANNOT_SYNC_FMT_TEXT) \
    X(E_JW_CANNOT_CLOSE_FMT, E_JW_CANNOT_CLOSE_FMT_TEXT) \
    X(E_ROSTER_MEMBER_NEEDS, E_ROSTER_MEMBER_NEEDS_TEXT) \
    X(E_ROSTER_NAME_EMPTY, E_ROSTER_NAME_EMPTY_TEXT) \
    X(E_ROSTER_EMPTY, E_ROSTER_EMPTY_TEXT) \
    X(E_ROSTER_NO_MEMBERS, E_ROSTER_NO_MEMBERS_TEXT) \
    X(E_ROSTER_LIST_EMPTY, E_ROSTER_LIST_EMPTY_TEXT) \
    X(E_ROSTER_TOO_MANY_FMT, E_ROSTER_TOO_MANY_FMT_TEXT) \
    X(E_ROSTER_TWICE_FMT, E_ROSTER_TWICE_FMT_TEXT) \
    X(E_YAML_CANNOT_READ_TEXT_FMT, E_YAML_CANNOT_READ_TEXT_FMT_TEXT) \
    X(E_YAML_SYNTAX_AT_FMT, E_YAML_SYNTAX_AT_FMT_TEXT) \
    X(E_YAML_SYNTAX_FMT, E_YAML_SYNTAX_FMT_TEXT) \
    X(E_YAML_ANCHOR_FMT, E_YAML_ANCHOR_FMT_TEXT) \
    X(E_YAML_TAG_FMT, E_YAML_TAG_FMT_TEXT) \
    X(E_YAML_END_WITHOUT_START, E_YAML_END_WITHOUT_START_TEXT) \
    X(E_YAML_ALIAS_FMT, E_YAML_ALIAS_FMT_TEXT) \
    X(E_YAML_NUL, E_YAML_NUL_TEXT) \
    X(E_YAML_CONTROL_FMT, E_YAML_CONTROL_FMT_TEXT) \
    X(E_YAML_BAD_UTF8_ESCAPES, E_YAML_BAD_UTF8_ESCAPES_TEXT) \
    X(E_YAML_TOO_DEEP_FMT, E_YAML_TOO_DEEP_FMT_TEXT) \
    X(E_YAML_TOO_MANY_KEYS_FMT, E_YAML_TOO_MANY_KEYS_FMT_TEXT) \
    X(E_YAML_DUPLICATE_KEY_FMT, E_YAML_DUPLICATE_KEY_FMT_TEXT) \
    X(E_YAML_SECOND_DOCUMENT, E_YAML_SECOND_DOCUMENT_TEXT) \
    X(E_YAML_UNKNOWN_KEY_FMT, E_YAML_UNKNOWN_KEY_FMT_TEXT) \
    X(E_YAML_EXPECTED_FOUND_TEXT_FMT, E_YAML_EXPECTED_FOUND_TEXT_FMT_TEXT) \
    X(E_YAML_EXPECTED_FOUND_FMT, E_YAML_EXPECTED_FOUND_FMT_TEXT) \
    X(E_NUM_NEEDS_VALUE, E_NUM_NEEDS_VALUE_TEXT) \
    X(E_NUM_NOT_USABLE_FMT, E_NUM_NOT_USABLE_FMT_TEXT) \
    X(E_NUM_OUT_OF_RANGE_FMT, E_NUM_OUT_OF_RANGE_FMT_TEXT) \
    X(E_NUM_NOT_NUMBER_FMT, E_NUM_NOT_NUMBER_FMT_TEXT) \
    X(E_NUM_NOT_BOOL_FMT, E_NUM_NOT_BOOL_FMT_TEXT) \
    X(E_JE_BAD_TEXT, E_JE_BAD_TEXT_TEXT) \
    X(E_PATH_TOO_LONG, E_PATH_TOO_LONG_TEXT) \
    X(E_MODULE_NO_TABLE, E_MODULE_NO_TABLE_TEXT) \
    /* @X@ */

#endif
