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
#define E_NUM_NAN_TEXT "NaN（数ではない値）", "NaN (not a number)"
#define E_NUM_INFINITY_TEXT "無限大", "infinity"
#define E_NUM_MINUS_INFINITY_TEXT "負の無限大", "minus infinity"
#define E_KIND_BOOL_TEXT "真偽値（true か false）", "true or false"
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
#define E_DURATION_CLOCK_FORM_TEXT "H:MM:SS の形で書いてください（例: 0:15:00、41d 02:30:00）", \
    "write H:MM:SS, e.g. 0:15:00 or 41d 02:30:00"
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
/* A --set argument's own fault, as typed, then what is wrong with it. */
#define E_SET_ARG_FMT_TEXT "--set %s=%s の指定: %s", "--set %s=%s: %s"
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
#define E_JR_BAD_LANG_FMT_TEXT "言語 '%s' は使えません（ja か en）", \
    "language '%s' is not ja or en"
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
#define E_JR_NOT_A_JOURNAL_FMT_TEXT \
    "tabletop の記録ファイルではありません（記録ファイルは '---' で始まり '...' で閉じる 'type: start' の記録から始まります）%s", \
    "not a tabletop journal (a journal begins with a 'type: start' record opened by '---' and closed by '...')%s"
#define E_LOOKS_LIKE_ANSWERS_TEXT "。台本のようです（run、watch、sweep の --script で使います）", \
    "; this looks like an answer script (run, watch and sweep take it with --script)"
#define E_LOOKS_LIKE_ROSTER_TEXT "。名簿のようです（run の --roster で使います）", \
    "; this looks like a roster (run takes it with --roster)"
#define E_YAML_IS_A_JOURNAL_TEXT \
    "これは tabletop の記録ファイルです（score、replay、resume が読みます）。ここには1つの YAML 文書が必要です", \
    "this is a tabletop journal (score, replay and resume read it); one YAML document is expected here"
#define E_JR_FIRST_START_FMT_TEXT "最初の記録は 'start' でなければなりません（'%s' です）", \
    "the first record must be 'start', not '%s'"
#define E_JR_SECOND_START_TEXT \
    "2つ目の 'start' 記録です（記録ファイルには演習が1つだけ入ります）", \
    "a second 'start' record (a journal holds one exercise)"
#define E_JR_TIME_BACKWARDS_FMT_TEXT \
    "時刻が戻っています（t: %lld の次に %lld）", \
    "time goes backwards (t: %lld after %lld)"
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
#define E_ROSTER_FIELD_EMPTY_TEXT "空です。書かないか、名前を書いてください", \
    "empty: leave it out or give a name"
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
#define E_YAML_SYNTAX_AT_FMT_TEXT "YAML の構文エラー: %s（%s、%d 行 %d 列から）", \
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
#define E_NONE_TEXT "なし", "none"
#define E_SC_SETTING_KIND_AN_FMT_TEXT "設定 '%s' は %s 型です。'%s' は当てはまりません", \
    "setting '%s' is an %s; '%s' is not one"
#define E_SC_SETTING_KIND_A_FMT_TEXT "設定 '%s' は %s 型です。'%s' は当てはまりません", \
    "setting '%s' is a %s; '%s' is not one"
#define E_SC_ROLES_REQUIRED_TEXT "roles: 役割が1つ以上必要です", \
    "roles: at least one role is required"
#define E_SC_CAPACITY_FMT_TEXT "%s.capacity: 1 から 1000 までの整数が必要です", \
    "%s.capacity: expected a whole number from 1 to 1000"
#define E_SC_ACTOR_IS_ROLE_FMT_TEXT "%s: 同じ id の役割があります。連絡の送り手は一意に決まる必要があります", \
    "%s: the same id is also a role; message senders must be unambiguous"
#define E_SC_ACTOR_KIND_FMT_TEXT "%s.kind: '%s' は関係者の種別ではありません（%s）", \
    "%s.kind: '%s' is not an actor kind (%s)"
#define E_SC_DELAY_RANGE_FMT_TEXT "%s: 時間を1つ、または範囲 { \"20m\", \"40m\" } で書いてください", \
    "%s: expected one time or a range { \"20m\", \"40m\" }"
#define E_SC_RANGE_ORDER_FMT_TEXT "%s: 範囲の最初の時間が2つ目より大きくなっています", \
    "%s: the range's first time is larger than its second"
#define E_SC_STATE_STRING_LIMIT_FMT_TEXT "%s: 状態の文字列は %zu バイトまでです", \
    "%s: strings in the state are limited to %zu bytes"
#define E_SC_STATE_FINITE_FMT_TEXT "%s: 状態の数値は有限の値でなければなりません", \
    "%s: numbers in the state must be finite"
#define E_SC_STATE_VALUE_KIND_FMT_TEXT "%s: 状態の値は真偽値、数値、文字列のどれかですが、%s です", \
    "%s: state values are booleans, numbers or strings, got a %s"
/* The article before a type name ("an integer", "a number"); Japanese has
 * none: a space, for a format whose Japanese column writes "%s%s". */
#define E_ARTICLE_AN_TEXT " ", "an"
#define E_ARTICLE_A_TEXT " ", "a"
#define E_SC_SETTING_STATE_KIND_FMT_TEXT "%s: 設定の値は%s%s 型ですが、state.%s は%s%s 型です", \
    "%s: the setting's value is %s %s but state.%s is %s %s"
#define E_SC_STATE_KEY_NAME_FMT_TEXT "%s: 状態のキーは Lua の名前（英字、数字、_）にしてください", \
    "%s: state keys must be Lua names (letters, digits, _)"
#define E_SC_SETTING_KEY_NAME_FMT_TEXT "%s: 設定のキーは Lua の名前（英字、数字、_）にしてください", \
    "%s: setting keys must be Lua names (letters, digits, _)"
#define E_SC_METRIC_NOT_STATE_FMT_TEXT "%s: '%s' は状態のキーではありません（state か settings で宣言してください）", \
    "%s: '%s' is not a state key (declare it in state or settings)"
#define E_SC_METRIC_STRING_FMT_TEXT "%s: state.%s は文字列です。指標に表示できるのは数値か真偽値です", \
    "%s: state.%s is a string; metrics show numbers or booleans"
#define E_SC_MAX_NONNEG_FMT_TEXT "%s.max: 0 以上の数値が必要です", \
    "%s.max: expected a number of 0 or more"
#define E_SC_MAX_NUMBER_FMT_TEXT "%s.max: 数値が必要ですが、%s です", \
    "%s.max: expected a number, got a %s"
#define E_SC_NOT_ROLE_FIELD_FMT_TEXT "%s.%s: '%s' はこのシナリオの役割ではありません（%s）", \
    "%s.%s: '%s' is not a role of this scenario (%s)"
#define E_SC_TO_EMPTY_FMT_TEXT "%s: 一覧が空です（全員宛てなら `to` を書かないでください）", \
    "%s: an empty list (omit `to` to address everyone)"
#define E_SC_EXPECTED_ROLE_ID_FMT_TEXT "%s[%zu]: 役割 id が必要ですが、%s です", \
    "%s[%zu]: expected a role id, got a %s"
#define E_SC_ROLE_TWICE_FMT_TEXT "%s: 役割 '%s' が2回書かれています", \
    "%s: role '%s' is listed twice"
#define E_SC_INJECT_TABLE_FMT_TEXT "%s: テーブル { id = ..., ... } が必要ですが、%s です", \
    "%s: expected a table { id = ..., ... }, got a %s"
#define E_SC_BAD_ID_FMT_TEXT "%s.id: '%s' は正しい id ではありません（英字、数字、_、-）", \
    "%s.id: '%s' is not a valid id (letters, digits, _ and -)"
#define E_SC_DUP_INJECT_FMT_TEXT "%s.id: 状況付与の id '%s' が重複しています（injects[%zu] にもあります）", \
    "%s.id: duplicate inject id '%s' (also injects[%zu])"
#define E_SC_AT_AND_WHEN_FMT_TEXT "%s: 'at'（時刻）か 'when'（条件）のどちらか一方を書いてください", \
    "%s: give either 'at' (timed) or 'when' (conditional), not both"
#define E_SC_AT_OR_WHEN_FMT_TEXT "%s: 'at'（時刻）か 'when'（条件の関数）が必要です", \
    "%s: needs 'at' (a time) or 'when' (a condition function)"
#define E_SC_AT_AFTER_END_FMT_TEXT "%s.at: 演習の終わり（length）より後です", \
    "%s.at: after the end of the exercise (length)"
#define E_SC_EVERY_AFTER_END_FMT_TEXT "%s: 最初に実行されるのは start + period の %s で、演習の終わり（length）より後です。一度も実行されません", \
    "%s: it would first run at start + period, %s, after the end of the exercise (length): it never runs"
#define E_SC_FROM_NOT_ACTOR_FMT_TEXT "%s.from: '%s' はこのシナリオの関係者でも役割でもありません（関係者: %s、役割: %s）", \
    "%s.from: '%s' is neither an actor nor a role of this scenario (actors: %s; roles: %s)"
#define E_SC_EVERY_TABLE_FMT_TEXT "%s: テーブル { period = ..., run = ... } が必要ですが、%s です", \
    "%s: expected a table { period = ..., run = ... }, got a %s"
#define E_SC_DUP_EVERY_FMT_TEXT "%s.id: id '%s' が重複しています（every[%zu] にもあります）", \
    "%s.id: duplicate id '%s' (also every[%zu])"
#define E_SC_PERIOD_POSITIVE_FMT_TEXT "%s.period: 0s より長くしてください", \
    "%s.period: must be longer than 0s"
#define E_SC_OBJECTIVES_REQUIRED_TEXT "objectives: 目標が1つ以上必要です", \
    "objectives: at least one objective is required"
#define E_SC_BAD_PHASE_FMT_TEXT "%s.phase: '%s' は段階ではありません（isolate、report、recover のどれか）", \
    "%s.phase: '%s' is not a phase (expected isolate, report or recover)"
#define E_SC_TARGET_AFTER_LIMIT_FMT_TEXT "%s: 目標時間が期限より後です", \
    "%s: target is later than limit"
#define E_SC_LIMIT_AFTER_LENGTH_FMT_TEXT "%s: 期限が演習の長さより後です", \
    "%s: limit is later than the exercise's length"
#define E_SC_NOTICE_NOT_INJECT_FMT_TEXT "%s.notice: '%s' はこのシナリオの状況付与の id ではありません（%s）", \
    "%s.notice: '%s' is not an inject id of this scenario (%s)"
#define E_SC_ACTIONS_REQUIRED_TEXT "actions: 対応が1つ以上必要です", \
    "actions: at least one action is required"
#define E_SC_ROLE_ID_OR_LIST_FMT_TEXT "%s: 役割 id か役割 id の一覧が必要ですが、%s です", \
    "%s: expected a role id or a list of role ids, got a %s"
#define E_SC_ONE_ROLE_REQUIRED_FMT_TEXT "%s: 役割が1つ以上必要です", \
    "%s: at least one role is required"
#define E_SC_NOT_ROLE_FMT_TEXT "%s: '%s' はこのシナリオの役割ではありません（%s）", \
    "%s: '%s' is not a role of this scenario (%s)"
#define E_SC_COMPLETES_FMT_TEXT "%s.completes: '%s' はこのシナリオの目標ではありません（%s）", \
    "%s.completes: '%s' is not an objective of this scenario (%s)"
#define E_SC_LESSON_FMT_TEXT "%s.lesson: '%s' はこのシナリオの教訓ではありません（%s）", \
    "%s.lesson: '%s' is not a lesson of this scenario (%s)"
#define E_SC_HARMFUL_AND_WASTED_FMT_TEXT "%s: 対応は有害か無駄のどちらか一方です（両方にはできません）", \
    "%s: an action is either harmful or wasted, not both"
#define E_SC_HISTORY_TABLE_FMT_TEXT "%s: テーブル { at = ..., text = ... } が必要ですが、%s です", \
    "%s: expected a table { at = ..., text = ... }, got a %s"
#define E_SC_HISTORY_ACTION_FMT_TEXT "%s.action: '%s' はこのシナリオの対応ではありません（%s）", \
    "%s.action: '%s' is not an action of this scenario (%s)"
#define E_SC_REFERENCE_TABLE_FMT_TEXT "%s: テーブル { title = ..., url = ... } が必要ですが、%s です", \
    "%s: expected a table { title = ..., url = ... }, got a %s"
#define E_SC_URL_FMT_TEXT "%s.url: '%s' は http:// または https:// のアドレスではありません", \
    "%s.url: '%s' is not an http:// or https:// address"
#define E_SC_DATE_FMT_TEXT "%s.date: '%s' は YYYY、YYYY-MM、YYYY-MM-DD のどの形でもありません", \
    "%s.date: '%s' is not YYYY, YYYY-MM or YYYY-MM-DD"
#define E_SC_NEVER_REACHED_FMT_TEXT "objectives.%s: 決して達成できません（'when' がなく、'completes' で達成させる対応もありません）", \
    "objectives.%s: can never be reached (no 'when' and no action 'completes' it)"
#define E_SC_ID_CHARS_FMT_TEXT "id: '%s' に使えるのは a-z、0-9、- だけです", \
    "id: '%s' may only use a-z, 0-9 and -"
#define E_SC_ID_EMPTY_TEXT "id: 空にはできません", \
    "id: must not be empty"
#define E_SC_LENGTH_POSITIVE_TEXT "length: 0s より長くしてください", \
    "length: must be longer than 0s"
#define E_SC_STARTS_AT_FMT_TEXT "starts_at: '%s' は時刻 \"HH:MM\"（00:00〜23:59）ではありません", \
    "starts_at: '%s' is not a time of day \"HH:MM\" (00:00 to 23:59)"
#define E_SC_SPEED_RANGE_TEXT "speed: 1 から 1000000 までの数値にしてください", \
    "speed: must be a number from 1 to 1000000"
#define E_SC_SPEED_NUMBER_FMT_TEXT "speed: 数値が必要ですが、%s です", \
    "speed: expected a number, got a %s"
#define E_SC_NEVER_CALLED_TEXT "ファイルの最後は 'return scenario { ... }' にしてください（scenario が一度も呼ばれていません）", \
    "the file must end with 'return scenario { ... }' (scenario was never called)"
#define E_SC_MUST_RETURN_TEXT "ファイルは scenario { ... } の結果を返す必要があります（'return scenario { ... }' と書いてください）", \
    "the file must return the result of scenario { ... } (write 'return scenario { ... }')"
#define E_SC_KEY_TWICE_FMT_TEXT "'%s' が同じテーブルに2回あります（%d 行目と %d 行目）。Lua では最後のものだけが残ります", \
    "'%s' is given twice in the same table (lines %d and %d); Lua would keep only the last"
#define E_SC_EXPECTS_TABLE_TEXT "scenario にはテーブルを渡してください: 'return scenario { ... }' と書きます", \
    "scenario expects a table: write 'return scenario { ... }'"
#define E_SC_CALLED_TWICE_TEXT "scenario { ... } を呼べるのは1つのファイルで1回だけです", \
    "scenario { ... } may be called only once per file"
#define E_SC_OOM_READING_TEXT "シナリオの読み込み中にメモリが足りなくなりました", \
    "out of memory while reading the scenario"
#define E_SC_STRING_TOO_LONG_FMT_TEXT "%zu バイトの文字列です。モデルに書けるのは %zu バイトまでです", \
    "a string of %zu bytes; at most %zu are allowed in the model"
#define E_SC_UNEXPECTED_LIST_ENTRY_FMT_TEXT "%s: 一覧の項目 [%s] は書けません（名前付きの項目 name = ... を書いてください）", \
    "%s: unexpected list entry [%s] (expected named fields name = ...)"
#define E_SC_UNEXPECTED_KEY_KIND_FMT_TEXT "%s: %s のキーは書けません（名前付きの項目 name = ... を書いてください）", \
    "%s: unexpected %s key (expected named fields name = ...)"
#define E_SC_UNKNOWN_KEY_FMT_TEXT "%s: 不明なキー '%s' です（使えるキー: %s）", \
    "%s: unknown key '%s' (expected one of: %s)"
#define E_SC_NAMED_ENTRIES_FMT_TEXT "%s: 名前付きの項目（id = { ... }）のテーブルにしてください。%s のキーがあります", \
    "%s: must be a table of named entries (id = { ... }), found a %s key"
#define E_SC_TOO_MANY_ENTRIES_FMT_TEXT "%s: 項目が %zu 個あります。%d 個までです", \
    "%s: %zu entries; at most %d are allowed"
#define E_SC_NOT_VALID_ID_FMT_TEXT "%s: '%s' は正しい id ではありません（英字、数字、_、-）", \
    "%s: '%s' is not a valid id (letters, digits, _ and -)"
#define E_SC_MUST_BE_LIST_FMT_TEXT "%s: 名前付きのキーのない一覧 { {...}, {...} } にしてください", \
    "%s: must be a list { {...}, {...} } without named keys"
#define E_SC_LIST_HOLES_FMT_TEXT "%s: 抜けのない一覧にしてください", \
    "%s: must be a list without holes"
#define E_SC_MISSING_FIELD_FMT_TEXT "%s: 必須の項目 '%s' がありません（%s）", \
    "%s: missing required field '%s' (%s)"
#define E_SC_EXPECTED_STRING_FMT_TEXT "%s.%s: 文字列が必要ですが、%s です", \
    "%s.%s: expected a string, got a %s"
#define E_SC_LONGER_THAN_FMT_TEXT "%s.%s: %zu バイトを超えています", \
    "%s.%s: longer than %zu bytes"
#define E_SC_EXPECTED_TEXT_FMT_TEXT "%s: テキスト { ja = \"...\", en = \"...\" } が必要ですが、%s です", \
    "%s: expected a text { ja = \"...\", en = \"...\" }, got a %s"
#define E_SC_TEXT_MISSING_LANG_FMT_TEXT "%s: '%s' がありません（テキストにはすべて ja と en の両方が必要です）", \
    "%s: missing '%s' (every text needs both ja and en)"
#define E_SC_NOT_WHOLE_SECONDS_FMT_TEXT "%s: %s は秒単位の整数ではありません", \
    "%s: %s is not a whole number of seconds"
#define E_SC_TIME_NEGATIVE_FMT_TEXT "%s: 時間は負の値にできません", \
    "%s: a time cannot be negative"
#define E_SC_TIME_TOO_LARGE_FMT_TEXT "%s: 大きすぎます（3650 日を超えています）", \
    "%s: too large (over 3650 days)"
#define E_SC_EXPECTED_TIME_FMT_TEXT "%s: \"90s\"、\"15m\"、\"2h\" のような時間か秒数が必要ですが、%s です", \
    "%s: expected a time such as \"90s\", \"15m\", \"2h\" or seconds, got a %s"
#define E_SC_EXPECTED_BOOL_FMT_TEXT "%s.%s: true か false が必要ですが、%s です", \
    "%s.%s: expected true or false, got a %s"
#define E_SC_EXPECTED_FUNCTION_FMT_TEXT "%s.%s: 関数が必要ですが、%s です", \
    "%s.%s: expected a function, got a %s"
#define E_SC_EXPECTED_TABLE_FMT_TEXT "%s%s%s: テーブルが必要ですが、%s です", \
    "%s%s%s: expected a table, got a %s"
#define E_SC_EXPECTED_TABLE_BRACES_FMT_TEXT "%s.%s: テーブル { ... } が必要ですが、%s です", \
    "%s.%s: expected a table { ... }, got a %s"
#define E_SC_TOO_DEEP_TEXT \
    "入れ子が深すぎて Lua がシナリオを読めません（テーブル、かっこ、関数、ブロックの入れ子はおよそ 200 段まで）", \
    "the scenario is nested too deeply for Lua to read (tables, parentheses, functions and blocks nest up to about 200 levels)"
#define E_SC_MEMORY_CAP_COMPILING_TEXT "シナリオのコンパイル中にメモリの上限を超えました", \
    "memory cap exceeded while compiling the scenario"
#define E_SC_STATE_SETUP_OOM_TEXT "シナリオの状態を準備できません: メモリが足りません", \
    "cannot set up the scenario state: out of memory"
#define E_SC_CANNOT_OPEN_FMT_TEXT "シナリオを開けません: %s", \
    "cannot open the scenario: %s"
#define E_SC_CANNOT_READ_TEXT "シナリオを読み込めません", \
    "cannot read the scenario"
#define E_SC_FILE_TOO_LARGE_FMT_TEXT "シナリオファイルが %zu MiB を超えています", \
    "the scenario file is larger than %zu MiB"
#define E_SC_SETTING_FINITE_FMT_TEXT "設定 '%s' は有限の数値です。'%s' は数値ではありません", \
    "setting '%s' is a finite number; '%s' is not one"
#define E_SC_RESET_OOM_TEXT "状態を元に戻せません: メモリが足りません", \
    "cannot reset the state: out of memory"
#define E_SC_MODEL_ONLY_TEXT "シナリオのモデルだけを読み込んだため、演習を実行できません", \
    "only the scenario's model was loaded: no exercise can run on it"
#define E_SC_READ_STATE_OOM_TEXT "状態の読み込み中にメモリが足りなくなりました", \
    "out of memory while reading the state"
#define E_SC_WORK_LIMIT_EXERCISE_FMT_TEXT "シナリオのコールバックが、%llu 命令という1回の演習の処理量の上限を %s に超えました（何かが自分自身を頻繁に予約し直していないか、重い条件を出来事ごとに実行していないか確認してください）", \
    "the scenario's callbacks passed the work limit of %llu instructions for one exercise at %s (does something reschedule itself too often, or run heavy conditions after every event?)"
#define E_SC_WORK_LIMIT_HOUR_FMT_TEXT "シナリオのコールバックが、%llu 命令という演習内1時間あたりの処理量の上限を %s に超えました（何かが自分自身を頻繁に予約し直していないか、重い条件を出来事ごとに実行していないか確認してください）", \
    "the scenario's callbacks passed the work limit of %llu instructions for one simulated hour at %s (does something reschedule itself too often, or run heavy conditions after every event?)"
#define E_SC_UNKNOWN_SETTING_FMT_TEXT "設定 '%s' はシナリオ %s にありません（設定: %s）", \
    "unknown setting '%s' for scenario %s (settings: %s)"
#define E_SC_KIND_STRING_TEXT "文字列", "a string"
#define E_SC_KIND_TEXT_TEXT "テキスト { ja = \"...\", en = \"...\" }", "a text { ja = \"...\", en = \"...\" }"
#define E_SC_KIND_TIME_TEXT "\"15m\" のような時間", "a time such as \"15m\""
#define E_SC_KIND_FUNCTION_TEXT "関数", "a function"
#define E_SC_KIND_TABLE_TEXT "テーブル", "a table"
#define E_SC_KIND_SETTING_DEFAULT_TEXT "既定値: 真偽値、数値、または文字列", "the default: a boolean, number or string"
#define E_SC_KIND_ACTION_BY_TEXT "この対応を取れる役割、またはその一覧", "the role or list of roles that may take it"
#define E_RECIPE_MISMATCH_FMT_TEXT "内部エラー: シナリオを同じ形で組み立て直せませんでした（%s）", \
    "internal: the scenario did not rebuild the same way (%s)"
#define E_ST_HOW_TO_ADD_TEXT "。追加するには: state = { ... }", "; to add it: state = { ... }"
#define E_A_CONDITION_TEXT "条件", "a condition"
#define E_ST_KIND_AN_FMT_TEXT "state.%s は %s 型です。%s は入れられません", \
    "state.%s is an %s; cannot store a %s in it"
#define E_ST_KIND_A_FMT_TEXT "state.%s は %s 型です。%s は入れられません", \
    "state.%s is a %s; cannot store a %s in it"
#define E_SB_TIME_LIMIT_FMT_TEXT "時間の上限 %" PRIu64 " ミリ秒を超えました（無限ループ？）", \
    "time limit of %" PRIu64 " ms exceeded (endless loop?)"
#define E_SB_BUDGET_FMT_TEXT "命令数の上限 %" PRIu64 " を超えました（無限ループ？）", \
    "instruction budget of %" PRIu64 " exceeded (endless loop?)"
#define E_SB_ERROR_OBJECT_FMT_TEXT "エラーオブジェクトが %s 型の値です", "error object is a %s value"
#define E_SB_MEMORY_CAP_MIB_FMT_TEXT "メモリの上限 %zu MiB を超えました", "memory cap of %zu MiB exceeded"
#define E_SB_MEMORY_CAP_BYTES_FMT_TEXT "メモリの上限 %zu バイトを超えました", "memory cap of %zu bytes exceeded"
#define E_SB_NEXT_INVALID_KEY_TEXT "next に渡したキーがありません", "invalid key to 'next'"
#define E_PV_SNAPSHOT_OOM_TEXT "前提条件を問い合わせられません: スナップショットのメモリが足りなくなりました", \
    "cannot ask the preconditions: the snapshot ran out of memory"
#define E_PV_SNAPSHOT_KILLED_TEXT "前提条件を問い合わせられません: スナップショットが強制終了されました", \
    "cannot ask the preconditions: the snapshot was killed"
#define E_PV_SNAPSHOT_SILENT_TEXT "前提条件を問い合わせられません: スナップショットが応答しませんでした", \
    "cannot ask the preconditions: the snapshot did not answer"
#define E_SC_SETUP_OOM_TEXT "シナリオを準備できません: メモリが足りません", \
    "cannot set up the scenario: out of memory"
#define E_HOST_TEXT_LANG_MISSING_FMT_TEXT \
    "%s: '%s' は文字列でなければなりません（テキストには ja と en の両方が必要です。%s です）", \
    "%s: its '%s' must be a string (a text has both ja and en), not %s"
#define E_HOST_TEXT_LANG_TOO_LONG_FMT_TEXT "%s: '%s' が %d バイトを超えています", \
    "%s: its '%s' is longer than %d bytes"
#define E_HOST_TEXT_TOO_LONG_FMT_TEXT "%s が %d バイトを超えています", \
    "%s is longer than %d bytes"
#define E_HOST_TEXT_LANG_BAD_FMT_TEXT "%s: '%s': %s", \
    "%s: its '%s': %s"
#define E_HOST_TEXT_BAD_FMT_TEXT "%s: %s", \
    "%s: %s"
#define E_CALL_NOT_TEXT_FMT_TEXT "%s はテキスト { ja = \"...\", en = \"...\" } でなければなりません（%s です）", \
    "%s must be a text { ja = \"...\", en = \"...\" }, not a %s"
#define E_IN_WHERE_FMT_TEXT "（%s 内）", \
    " (in %s)"
#define E_CALL_NOT_BEGUN_TEXT "演習が始まっていません（tt_script_begin を呼んでください）", \
    "no exercise started (call tt_script_begin)"
#define E_CALL_NO_INDEX_FMT_TEXT "%s の番号 %d はありません", \
    "no %s with index %d"
#define E_CALL_NO_AFTER_FMT_TEXT "ctx.after で予約された関数 %d はありません", \
    "no function scheduled with ctx.after as %d"
#define E_CTX_CONDITION_ONLY_READS_FMT_TEXT "%s は %s では使えません: 条件は状態を読むだけです", \
    "%s is not available in %s: conditions only read the state"
#define E_CTX_ONLY_WHILE_RUNNING_FMT_TEXT "%s は演習の実行中にだけ使えます", \
    "%s is only available while an exercise runs"
#define E_CTX_TOO_MANY_SCHEDULED_FMT_TEXT "1回の処理で予約された連絡と後回しの呼び出しが %d 件を超えました", \
    "more than %d messages and deferred calls scheduled in one step"
#define E_CTX_TIME_RANGE_FMT_TEXT "%s: %s は 0 から 3650 日までの時間ではありません", \
    "%s: %s is not a time between 0 and 3650 days"
#define E_CTX_EXPECTED_TIME_FMT_TEXT "%s: \"15m\" のような時間か秒数が必要ですが、%s です", \
    "%s: expected a time such as \"15m\" or seconds, got a %s"
#define E_CTX_MSG_TOO_MUCH_FMT_TEXT "ctx.message: 1回の処理で連絡が %d MiB を超えました", \
    "ctx.message: more than %d MiB of messages in one step"
#define E_CTX_TO_NOT_ROLE_FMT_TEXT "%s: to = '%s' はこのシナリオの役割ではありません（%s）", \
    "%s: to = '%s' is not a role of this scenario (%s)"
#define E_CTX_TO_LIST_FMT_TEXT "%s: to には異なる役割 id を 1 から %d 個並べた一覧を書きます", \
    "%s: to = a list of 1 to %d distinct role ids"
#define E_CTX_TO_TWICE_FMT_TEXT "%s: to に役割 '%s' が2回書かれています", \
    "%s: role '%s' is listed twice in to"
#define E_CTX_MSG_UNKNOWN_FIELD_FMT_TEXT "ctx.message: 不明な項目 '%s' です（from、to、text、after のどれか）", \
    "ctx.message: unknown field '%s' (expected from, to, text, after)"
#define E_CTX_MSG_FROM_ID_TEXT "ctx.message: 'from' は関係者か役割の id でなければなりません", \
    "ctx.message: 'from' must be an actor or role id"
#define E_CTX_MSG_FROM_FMT_TEXT "ctx.message: from = '%s' はこのシナリオの関係者でも役割でもありません（関係者: %s、役割: %s）", \
    "ctx.message: from = '%s' is neither an actor nor a role of this scenario (actors: %s; roles: %s)"
#define E_CTX_ONLY_IN_DOES_FMT_TEXT "%s は対応の does の中でだけ使えます", \
    "%s is only available in an action's does"
#define E_CTX_ALREADY_REFUSED_FMT_TEXT "%s: この does はすでに ctx.refuse か ctx.ask を呼んでいます", \
    "%s: this does already called ctx.refuse or ctx.ask"
#define E_CTX_UNKNOWN_FIELD_FMT_TEXT "%s: 不明な項目 '%s' です（from か text）", \
    "%s: unknown field '%s' (expected from, text)"
#define E_CTX_FROM_NOT_ACTOR_FMT_TEXT "%s: from = '%s' はこのシナリオの関係者ではありません（%s）", \
    "%s: from = '%s' is not an actor of this scenario (%s)"
#define E_CTX_AFTER_NOT_TIME_FMT_TEXT "ctx.after: '%s' は時間でも、このシナリオの関係者でもありません（関係者: %s）", \
    "ctx.after: '%s' is neither a time nor an actor of this scenario (actors: %s)"
#define E_CTX_AFTER_TOO_MANY_TEXT "ctx.after: 後回しの呼び出しが多すぎます", \
    "ctx.after: too many deferred calls"
#define E_CTX_CHANCE_ONLY_RUNNING_TEXT "ctx.chance は演習の実行中にだけ使えます", \
    "ctx.chance is only available while an exercise runs"
#define E_CTX_CHANCE_RANGE_FMT_TEXT "ctx.chance: 確率は 0 から 1 の数で指定してください（%s が渡されました。15%% なら 0.15）", \
    "ctx.chance: the probability must be a number from 0 to 1, not %s (15%% is 0.15)"
#define E_CTX_READ_ONLY_TEXT "ctx は読み取り専用です（値は状態かローカル変数に保存してください）", \
    "ctx is read-only (keep values in the state or in locals)"
#define E_CTX_CLOCK_NEEDS_STARTS_AT_TEXT "ctx.clock にはシナリオの starts_at = \"HH:MM\" が必要です", \
    "ctx.clock needs the scenario's starts_at = \"HH:MM\""
#define E_ST_UNDECLARED_FMT_TEXT "状態のキー '%s' はシナリオの state で宣言されていません（%s%s）", \
    "state key '%s' is not declared in the scenario's state (%s%s)"
#define E_ST_KEY_NOT_NAME_FMT_TEXT "状態のキーは名前です。%s が渡されました", \
    "state keys are names; got a %s"
#define E_ST_CONDITION_ONLY_READS_FMT_TEXT "state.%s は %s の中では変更できません: 条件は状態を読むだけです", \
    "cannot change state.%s in %s: conditions only read the state"
#define E_ST_VALUE_KIND_FMT_TEXT "state.%s に入れられるのは真偽値、数値、文字列だけです（%s は入れられません）", \
    "state.%s can only hold a boolean, number or string, not a %s"
#define E_ST_NOT_FINITE_FMT_TEXT "state.%s: 状態の数値は有限の値でなければなりません（%s です）", \
    "state.%s: numbers in the state must be finite (got %s)"
#define E_ST_NOT_WHOLE_FMT_TEXT "state.%s は整数です（整数で宣言されています）。%s は整数ではありません: 丸める（// か math.floor）か、小数点付きの数値で宣言してください（%s = 0.0）", \
    "state.%s is an integer (declared with a whole number); %s is not whole: round it (// or math.floor) or declare it as a number with a decimal point (%s = 0.0)"
#define E_ST_STRING_LIMIT_FMT_TEXT "state.%s: 状態の文字列は %d バイトまでです", \
    "state.%s: strings in the state are limited to %d bytes"
#define E_ST_TEXT_BAD_FMT_TEXT "state.%s: %s", \
    "state.%s: %s"
#define E_SB_IN_WHERE_FMT_TEXT "%s（%s 内）", \
    "%s (in %s)"
#define E_SB_CANNOT_CREATE_FMT_TEXT "Lua の状態を作れません（メモリの上限 %zu バイト）", \
    "cannot create a Lua state (memory cap %zu bytes)"
#define E_SB_CANNOT_SETUP_FMT_TEXT "Lua のサンドボックスを準備できません: %s", \
    "cannot set up the Lua sandbox: %s"
#define E_SBL_NOT_AVAILABLE_FMT_TEXT "'%s' はシナリオでは使えません（サンドボックス）", \
    "'%s' is not available in scenarios (sandbox)"
#define E_SBL_LOAD_STRING_TEXT "load: シナリオで受け付けるのは文字列のチャンクだけです", \
    "load: only a string chunk is accepted in scenarios"
#define E_SBL_LOAD_TEXT_TEXT "load: シナリオで受け付けるのはテキストのチャンクだけです", \
    "load: only text chunks are accepted in scenarios"
#define E_SBL_FORMAT_P_TEXT "string.format: '%%p' はシナリオでは使えません", \
    "string.format: '%%p' is not available in scenarios"
#define E_SBL_PROTECTED_MT_TEXT "保護されたメタテーブルは変更できません", \
    "cannot change a protected metatable"
#define E_SBL_GC_TEXT "setmetatable: シナリオでは __gc ファイナライザーは使えません", \
    "setmetatable: __gc finalizers are not allowed in scenarios"
#define E_SBL_RANDOM_NOT_RUNNING_TEXT "乱数は演習の実行中にだけ使えます（シナリオファイルの読み込み中は使えません）", \
    "random numbers are only available while an exercise runs (not while the scenario file loads)"
#define E_SBL_RANDOM_ARGS_TEXT "random の引数の数が正しくありません", \
    "wrong number of arguments to random"
#define E_SBL_PLAIN_TABLES_FMT_TEXT "シナリオでは table の関数にはメタテーブルのないテーブルを渡してください（引数 %d にメタテーブルがあります）", \
    "table functions take plain tables in scenarios (argument %d has a metatable)"
#define E_SBL_PATTERN_COMPLEX_FMT_TEXT "パターン '%s' は %d バイトの対象には複雑すぎます（1e9 ステップを超えるおそれがあります）", \
    "pattern '%s' is too complex for a subject of %d bytes (it could take more than 1e9 steps)"
#define E_SBL_PATTERN_SIZE_COMPLEX_FMT_TEXT "%d バイトのパターンは %d バイトの対象には複雑すぎます（1e9 ステップを超えるおそれがあります）", \
    "a pattern of %d bytes is too complex for a subject of %d bytes (it could take more than 1e9 steps)"
#define E_PV_CANNOT_ASK_FMT_TEXT "前提条件を問い合わせられません: %s", \
    "cannot ask the preconditions: %s"
#define E_ARCHIVE_HASH_SEVERAL_FMT_TEXT "ハッシュ %s に当てはまる記録ファイルが複数あります。桁を増やしてください", \
    "the hash %s matches several journals; give more digits"
#define E_ARCHIVE_HASH_NONE_FMT_TEXT "アーカイブにハッシュ %s の記録ファイルはありません", \
    "no journal with the hash %s in the archive"
#define E_SWEEP_EXERCISE_TEXT "演習", "exercise"
#define E_SWEEP_STEP_BY_FMT_TEXT "%s（%s）", "%s by %s"
#define E_SWEEP_A_STEP_TEXT "ステップ", "a step"
#define E_SWEEP_REFUSED_AT_FMT_TEXT "%s に実行できませんでした: %s（%s）", "refused at %s: %s (%s)"
#define E_SWEEP_NOT_AVAILABLE_TEXT "いまは取れません", "not available"
#define E_SWEEP_CANNOT_SCORE_FMT_TEXT "採点できません: %s", "cannot score: %s"
#define E_SWEEP_WORKER_SIGNAL_FMT_TEXT "スイープのワーカーが停止しました（シグナル %d）", \
    "a sweep worker stopped (signal %d)"
#define E_SWEEP_WORKER_STATUS_FMT_TEXT "スイープのワーカーが停止しました（終了コード %d）", \
    "a sweep worker stopped (status %d)"
#define E_REPLAY_DIFF_FMT_TEXT "記録 %zu（t=%s）: 記録ファイルでは\n%sですが、再実行では\n%sでした", \
    "record %zu (t=%s): the journal has\n%sbut the replay produced\n%s"
#define E_REPLAY_MISSING_FMT_TEXT "記録 %zu（t=%s、%s）は記録ファイルにありますが、再実行では出てきませんでした", \
    "record %zu (t=%s, %s) is in the journal but the replay did not produce it"
#define E_DB_SCHEMA_NEWER_FMT_TEXT "スキーマのバージョン %d はこのプログラムが知っているもの（%d）より新しいです。tabletop を更新してください", \
    "schema version %d is newer than this program knows (%d); upgrade tabletop"
#define E_DB_MIGRATION_FAILED_FMT_TEXT "スキーマのバージョン %d への移行に失敗しました", \
    "migration to schema version %d failed"
#define E_DB_RESULTS_TEXT "結果データベース", "results database"
#define E_DB_HISTORY_TEXT "演習履歴データベース", "history database"
#define E_EX_NOT_RUNNING_TEXT "演習は進行中ではありません", \
    "the exercise is not running"
#define E_EX_EVENTS_PENDING_FMT_TEXT "待機中の出来事（届く途中の連絡、ctx.after の呼び出し）が %d 件を超えました: 時間が進むより速く予約し続けているものはありませんか？", \
    "more than %d events pending (messages on their way, ctx.after calls): does something keep scheduling faster than time passes?"
#define E_EX_MESSAGES_TOO_MUCH_FMT_TEXT "シナリオの連絡が1回の演習で %zu MiB を超えました", \
    "the scenario's messages exceed %zu MiB of text in one exercise"
#define E_EX_STATE_NOT_JOURNALED_FMT_TEXT "内部エラー: 状態のキー %u が一度も記録されていません", \
    "internal: state key %u was never journaled"
#define E_EX_UNKNOWN_EVENT_FMT_TEXT "内部エラー: 不明な出来事の種類 %d", \
    "internal: unknown event kind %d"
#define E_EX_CANNOT_RECORD_PATH_FMT_TEXT "%s は記録ファイルに記録できません（%s）: ファイル名を変えてください", \
    "%s cannot be recorded in the journal (%s): rename the file"
#define E_EX_ALREADY_STARTED_TEXT "演習はすでに始まっています", \
    "the exercise has already started"
#define E_EX_NOT_STARTED_TEXT "演習はまだ始まっていません", \
    "the exercise has not started"
#define E_EX_EVENTS_AT_ONCE_FMT_TEXT "出来事が %d 件を超えました（%s）: ctx.after(0, ...) で自分自身を予約し続けているものはありませんか？", \
    "more than %d events at %s: does something keep scheduling itself with ctx.after(0, ...)?"
#define E_EX_SPEED_POSITIVE_FMT_TEXT "速度は 0 より大きい数値にしてください（%s です）", \
    "speed must be a number above 0 (got %s)"
#define E_REPLAY_NOT_REPRODUCED_AT_FMT_TEXT "記録ファイルが記録 %zu で再現されません", \
    "the journal does not reproduce at record %zu"
#define E_REPLAY_NO_START_TEXT "記録ファイルが開始記録で始まっていません", \
    "the journal does not begin with a start record"
/* The one wording of a journal and a scenario that do not belong together
 * (replay, resume, score, the card): the journal's id, then the scenario's. */
#define E_JOURNAL_OTHER_SCENARIO_FMT_TEXT "記録ファイルはシナリオ '%s' のもので、'%s' のものではありません", \
    "the journal is of scenario '%s', not '%s'"
#define E_REPLAY_ALREADY_ENDED_TEXT "この演習はすでに終了しています。'tabletop score' か 'tabletop replay' を使ってください", \
    "this exercise has already ended; use 'tabletop score' or 'tabletop replay'"
#define E_RESTORE_NOT_REPRODUCED_FMT_TEXT "記録ファイルを復元できません: 再現されません。\n%s", \
    "the journal cannot be restored: it does not reproduce.\n%s"
#define E_RESTORE_RECORD_MISSING_FMT_TEXT "記録ファイルを復元できません: 記録 %zu が再現されませんでした", \
    "the journal cannot be restored: record %zu was not reproduced"
#define E_CARD_PATH_BESIDE_TEXT "記録ファイルの隣にスコアカードのパスを作れません", \
    "cannot make a scorecard path beside the journal"
#define E_CARD_FORMAT_TEXT "不明なスコアカードの形式です: .html、.md、.json のどれかにしてください", \
    "unknown scorecard format: use .html, .md or .json"
#define E_CARD_WOULD_REPLACE_TEXT "スコアカードが記録ファイルを置き換えてしまいます（記録ファイルは上書きしません）", \
    "the scorecard would replace the journal (a journal is never overwritten)"
#define E_CARD_NO_START_TEXT "記録ファイルが START 記録で始まっていません", \
    "the journal does not begin with a START record"
#define E_HIST_CANNOT_CREATE_FOLDER_FMT_TEXT "フォルダーを作成できません: %s", \
    "cannot create the folder: %s"
#define E_HIST_NO_HOME_TEXT "XDG_DATA_HOME も HOME も設定されていません。--db FILE を指定してください", \
    "neither XDG_DATA_HOME nor HOME is set; give --db FILE"
#define E_HIST_PATH_TOO_LONG_TEXT "演習履歴データベースのパスが長すぎます", \
    "the history database path is too long"
#define E_HIST_NO_DB_FMT_TEXT "ここに演習履歴データベースはありません: %s", \
    "no drill-history database here: %s"
#define E_HIST_CANNOT_RECORD_FMT_TEXT "%s（演習を記録できません）", \
    "%s (cannot record the exercise)"
#define E_JOURNAL_CANNOT_READ_FMT_TEXT "記録ファイルを読み込めません: %s", \
    "cannot read the journal: %s"
#define E_JOURNAL_NOT_SENSIBLE_TEXT "妥当な大きさの記録ファイルではありません", \
    "not a journal file of a sensible size"
#define E_JOURNAL_CANNOT_READ_TEXT "記録ファイルを読み込めません", \
    "cannot read the journal"
#define E_PATH_IS_TOO_LONG_TEXT "パスが長すぎます", \
    "the path is too long"
#define E_CANNOT_WRITE_FMT_TEXT "書き込めません: %s", \
    "cannot write: %s"
#define E_FILE_EXISTS_GIVE_O_TEXT "ファイルはすでにあります。別の -o を指定してください", \
    "the file exists; give another -o"
#define E_NOT_A_HASH_FMT_TEXT "'%.80s' は記録ファイルのハッシュではありません（小文字の16進数 8〜64 桁）", \
    "'%.80s' is not a journal hash (8 to 64 lowercase hex digits)"
#define E_SCORE_CANNOT_FIND_SCENARIO_FMT_TEXT "シナリオ '%s' が見つかりません: 記録ファイルにあるファイルがないか別のシナリオで、シナリオフォルダーにも '%s.lua' がありません（--scenarios DIR でフォルダーを指定してください）", \
    "cannot find scenario '%s': the file the journal names is gone or holds another scenario, and the scenario folders have no '%s.lua' (give the folder with --scenarios DIR)"
#define E_REPLAY_CANNOT_FIND_SCENARIO_FMT_TEXT "シナリオ '%s' が見つかりません: 記録ファイルにあるファイルがないか別のシナリオで、シナリオフォルダーにも '%s.lua' がありません（--scenario F でファイルを指定してください）", \
    "cannot find scenario '%s': the file the journal names is gone or holds another scenario, and the scenario folders have no '%s.lua' (give the file with --scenario F)"
#define E_SCENARIO_OPTION_FMT_TEXT "--scenario の指定: %s", "--scenario: %s"
#define E_CARD_CANNOT_WRITE_FMT_TEXT "スコアカードを書き込めません: %s", \
    "cannot write the scorecard: %s"
#define E_DB_CANNOT_PREPARE_STATEMENT_TEXT "SQL 文を準備できません", \
    "cannot prepare a statement"
#define E_DB_CANNOT_BIND_TEXT "値を割り当てられません", \
    "cannot bind a value"
#define E_DB_STATEMENT_FAILED_TEXT "SQL 文の実行に失敗しました", \
    "a statement failed"
#define E_DB_SCHEMA_STEP_FAILED_TEXT "スキーマの手順に失敗しました", \
    "a schema step failed"
#define E_DB_CANNOT_LOCK_TEXT "書き込み用にロックできません", \
    "cannot lock for writing"
#define E_DB_CANNOT_COMMIT_TEXT "コミットできません", \
    "cannot commit"
#define E_DB_CANNOT_READ_VERSION_TEXT "スキーマのバージョンを読み込めません", \
    "cannot read the schema version"
#define E_DB_CANNOT_PREPARE_TEXT "準備できません", \
    "cannot prepare"
#define E_SWEEP_CANNOT_WRITE_REPORT_FMT_TEXT "レポートを書き込めません: %s", \
    "cannot write the report: %s"
#define E_SWEEP_CANNOT_START_WORKER_FMT_TEXT "ワーカーを起動できません: %s", \
    "cannot start a worker: %s"
#define E_SWEEP_WORKERS_RETURNED_FMT_TEXT "スイープのワーカーが返した演習は %zu 件（%zu 件中）でした", \
    "the sweep workers returned %zu of %zu exercises"
#define E_SWEEP_NOTHING_TO_RUN_TEXT "実行するものがありません（解答スクリプトかシードがありません）", \
    "nothing to run (no answer script, or no seed)"
#define E_SWEEP_SETTINGS_FMT_TEXT "設定: %s", \
    "settings: %s"
#define E_DB_NO_STATEMENT_TEXT "このスキーマのバージョンに対応する SQL 文がありません", \
    "no statement for this schema version"
#define E_DB_CANNOT_OPEN_TEXT "開けません", \
    "cannot open"
#define E_DB_TOO_MANY_PARAMS_TEXT "パラメーターが多すぎます", \
    "too many parameters"
#define E_DB_NOT_URI_TEXT "正しい接続 URI ではありません", \
    "not a valid connection URI"
#define E_DB_EXERCISE_GONE_TEXT "送信する演習がなくなっています", \
    "the exercise to send has gone"
#define E_DB_NO_JOURNAL_HASH_TEXT "スコアカードに記録ファイルのハッシュがありません", \
    "the scorecard has no journal hash"
#define E_ARCHIVE_CANNOT_COMPRESS_TEXT "記録ファイルを圧縮できません", \
    "cannot compress the journal"
#define E_ARCHIVE_UNKNOWN_FORM_TEXT "保管された記録ファイルの形式が不明です", \
    "the archived journal is in an unknown form"
#define E_ARCHIVE_DAMAGED_TEXT "保管された記録ファイルが壊れています（ハッシュが一致しません）", \
    "the archived journal is damaged (its hash does not match)"
#define E_LINT_STATE_WRITTEN_FMT_TEXT "状態のキー '%s' に書き込んでいますが、state で宣言されていません（%s）", \
    "state key '%s' is written but not declared in state (%s)"
#define E_LINT_STATE_READ_FMT_TEXT "状態のキー '%s' を読んでいますが、state で宣言されていません（%s）", \
    "state key '%s' is read but not declared in state (%s)"
#define E_LINT_TEXT_NO_EN_TEXT "テキストに ja はありますが en がありません: 画面に出るテキストにはすべて両方の言語が必要です", \
    "text has ja but no en: every user-visible text needs both languages"
#define E_LINT_TEXT_NO_JA_TEXT "テキストに en はありますが ja がありません: 画面に出るテキストにはすべて両方の言語が必要です", \
    "text has en but no ja: every user-visible text needs both languages"
#define E_LINT_NOTHING_TEXT "なし", "nothing"
#define E_EXPLORE_RUNTIME_ERROR_FMT_TEXT "実行時エラー: %s", \
    "runtime error: %s"
#define E_EXPLORE_NEVER_REACHED_FMT_TEXT "目標 '%s' は %u 回の実行で一度も達成されませんでした", \
    "objective '%s' was never reached in %u runs"
#define E_EXPLORE_NEVER_AVAILABLE_FMT_TEXT "対応 '%s' は %u 回の実行で一度も取れるようになりませんでした", \
    "action '%s' was never available in %u runs"
#define E_EXPLORE_NEVER_FIRED_FMT_TEXT "状況付与 '%s' は %u 回の実行で一度も発生しませんでした", \
    "inject '%s' never fired in %u runs"
#define E_EXPLORE_NEVER_CHANGED_FMT_TEXT "指標 '%s' は %u 回の実行で一度も変わりませんでした", \
    "metric '%s' never changed in %u runs"
#define E_GRAPH_GRAPHVIZ_TEXT "Graphviz で図を配置または描画できませんでした", \
    "Graphviz could not lay out or render the graph"
#define E_GRAPH_CANNOT_WRITE_TEXT "図を書き込めません", \
    "cannot write the graph"
#define E_LINT_NOT_DURATION_FMT_TEXT "%s: '%s' は時間の長さではありません: %s", \
    "%s: '%s' is not a duration: %s"
#define E_LINT_AFTER_NOT_TIME_FMT_TEXT "%s: '%s' は時間でも、このシナリオの関係者でもありません（関係者: %s）", \
    "%s: '%s' is neither a time nor an actor of this scenario (actors: %s)"
#define E_LINT_CTX_NO_FIELD_FMT_TEXT "ctx に項目 '%s' はありません（%s）", \
    "ctx has no field '%s' (%s)"
#define E_LINT_FROM_FMT_TEXT "from = '%s' はこのシナリオの関係者でも役割でもありません（関係者: %s、役割: %s）", \
    "from = '%s' is neither an actor nor a role of this scenario (actors: %s; roles: %s)"
#define E_LINT_TO_FMT_TEXT "to = '%s' はこのシナリオの役割ではありません（%s）", \
    "to = '%s' is not a role of this scenario (%s)"
#define E_LINT_NUMBER_UNCITED_FMT_TEXT "数値 %s に出典も演習用の印もありません（コメントを付けてください: -- invented、または -- F7 のような事実の id）", \
    "number %s is neither cited nor marked invented (add a comment: -- invented, or the fact's id such as -- F7)"
#define E_LINT_TIME_UNCITED_FMT_TEXT "時間 \"%s\" に出典も演習用の印もありません（コメントを付けてください: -- invented、または -- F1 のような事実の id）", \
    "time \"%s\" is neither cited nor marked invented (add a comment: -- invented, or the fact's id such as -- F1)"
#define E_LINT_UNREACHABLE_FMT_TEXT "目標 '%s'（%s）はどの対応でも達成できません: completes で達成させる対応がなく、when が読むもの（%s）を変える対応もありません", \
    "objective '%s' (%s) cannot be reached by any action: none completes it and no action changes what its when reads (%s)"
#define E_LISTING_CANNOT_START_FMT_TEXT "luac を起動できません: %s", \
    "cannot start luac: %s"
#define E_LISTING_OOM_TEXT "リストの読み込み中にメモリが足りなくなりました", \
    "out of memory reading the listing"
#define E_LISTING_TOO_LARGE_TEXT "ファイルのコードが大きすぎて解析できません", \
    "the file's code is too large to analyse"
#define E_LISTING_CANNOT_RUN_FMT_TEXT "%s を実行できません（Debian パッケージ lua5.4）", \
    "cannot run %s (Debian package lua5.4)"
#define E_MSEL_CANNOT_WRITE_TEXT "MSEL を書き込めません", \
    "cannot write the MSEL"
#define E_OUTCOME_TEMP_JOURNAL_TEXT "一時的な記録ファイルを作れません", \
    "cannot make a temporary journal"
#define E_DASH_OOM_TEXT "ダッシュボード: メモリが足りません", \
    "dashboard: out of memory"
#define E_DASH_FONT_PATH_TOO_LONG_TEXT "フォントのパスが長すぎます", \
    "font path too long"
#define E_DASH_FONTCONFIG_TEXT "fontconfig を初期化できませんでした", \
    "fontconfig could not be initialised"
#define E_DASH_CANNOT_OPEN_FONT_FMT_TEXT "フォントを開けません: %s", \
    "cannot open font: %s"
#define E_DASH_NO_EXERCISE_TEXT "ダッシュボード: 演習もフィードもありません", \
    "dashboard: no exercise or feed"
#define E_DASH_OOM_RECORDS_TEXT "ダッシュボード: 記録のコピー中にメモリが足りなくなりました", \
    "dashboard: out of memory copying records"
#define E_DASH_SIZE_EMPTY_TEXT "サイズが空です（WIDTHxHEIGHT の形。例: 1920x1080）", \
    "empty size (expected WIDTHxHEIGHT, e.g. 1920x1080)"
#define E_DASH_SIZE_FORM_FMT_TEXT "'%s' は WIDTHxHEIGHT の形ではありません（例: 1920x1080）", \
    "'%s' is not WIDTHxHEIGHT (e.g. 1920x1080)"
#define E_DASH_SIZE_RANGE_FMT_TEXT "サイズ '%s' は範囲外です（320x240〜7680x4320）", \
    "size '%s' out of range (320x240 .. 7680x4320)"
#define E_DASH_REPLAY_NOTHING_TEXT "replay: シナリオも記録ファイルもありません", \
    "replay: no scenario or journal"
#define E_DASH_NO_DISPLAY_FMT_TEXT "ディスプレイを開けません（SDL: %s）。画面なしで出力するには --snapshot を使ってください", \
    "cannot open a display (SDL: %s); use --snapshot for headless output"
#define E_DASH_TTF_FMT_TEXT "SDL_ttf のエラー: %s", \
    "SDL_ttf: %s"
#define E_DASH_SURFACE_FMT_TEXT "%dx%d のサーフェスを作れません: %s", \
    "cannot create a %dx%d surface: %s"
#define E_DASH_SOFTWARE_RENDERER_FMT_TEXT "ソフトウェアレンダラーのエラー: %s", \
    "software renderer: %s"
#define E_DASH_SNAPSHOT_NOTHING_TEXT "snapshot: シナリオも出力先もありません", \
    "snapshot: no scenario or output path"
#define E_DASH_CANNOT_WRITE_PNG_FMT_TEXT "PNG を書き込めません: %s", \
    "cannot write PNG: %s"
#define E_DASH_CANNOT_OPEN_WINDOW_FMT_TEXT "ウィンドウを開けません: %s", \
    "cannot open a window: %s"
#define E_DASH_CANNOT_CREATE_RENDERER_FMT_TEXT "レンダラーを作れません: %s", \
    "cannot create a renderer: %s"
#define E_TTY_CANNOT_OPEN_OUTPUT_FMT_TEXT "演習の出力を開けません: %s", \
    "cannot open the drill's output: %s"
#define E_TTY_CANNOT_OPEN_INPUT_FMT_TEXT "演習の入力を開けません: %s", \
    "cannot open the drill's input: %s"
#define E_POLL_FMT_TEXT "poll に失敗しました: %s", \
    "poll: %s"
#define E_TTY_ANOTHER_DRILL_TEXT "別の端末での演習が実行中です", \
    "another terminal drill is running"
#define E_WEB_CANNOT_WRITE_LINKS_TEXT "参加リンクを書き込めません", \
    "cannot write the seat links"
#define E_WEB_MUST_BE_STRING_TEXT "文字列でなければなりません", \
    "must be a string"
#define E_WEB_TOO_LONG_TEXT "長すぎます", \
    "too long"
#define E_WEB_CONTROL_CHAR_TEXT "制御文字があります", \
    "control character in"
#define E_WEB_MISSING_TEXT "ありません", \
    "missing"
#define E_WEB_TEXT_TOO_LONG_TEXT "テキストが長すぎます", \
    "text too long"
#define E_WEB_EMPTY_TEXT "空です", \
    "empty"
#define E_WEB_OUT_OF_RANGE_TEXT "範囲外です", \
    "out of range"
#define E_WEB_NOT_OBJECT_TEXT "メッセージは JSON のオブジェクトです", \
    "a message is a JSON object"
#define E_WEB_NO_TYPE_TEXT "メッセージに 'type' がありません", \
    "the message has no 'type'"
#define E_WEB_UNKNOWN_TYPE_TEXT "不明なメッセージの種類です", \
    "unknown message type"
#define E_WEB_WHICH_ACTION_TEXT "どの対応ですか？ 'action' か 'number' を指定してください", \
    "which action? give 'action' or 'number'"
#define E_WEB_ANSWER_NEEDS_TEXT "回答には 'inject' と 'question' が必要です", \
    "an answer needs 'inject' and 'question'"
#define E_WEB_PASS_LIMIT_BOOL_TEXT "pass_limit は true か false です", \
    "pass_limit must be true or false"
#define E_WEB_SPEED_RANGE_TEXT "速度は 0.1 から 10000 までの数値です", \
    "speed must be a number from 0.1 to 10000"
#define E_WEB_MEMBER_NEEDS_TO_TEXT "'member' には 'to'（メンバーの役割）が必要です", \
    "'member' needs 'to' (the member's role)"
#define E_WEB_OVER_64K_TEXT "メッセージが 64 KiB を超えています", \
    "message over 64 KiB"
#define E_WEB_NOT_JSON_TEXT "JSON ではありません", \
    "not JSON"
#define E_WEB_QR_FMT_TEXT "%s の QR コードを作れません: %s", \
    "cannot make a QR code of %s: %s"
#define E_WEB_GETRANDOM_FMT_TEXT "getrandom に失敗しました: %s", \
    "getrandom: %s"
#define E_WEB_CANNOT_KEEP_LINKS_FMT_TEXT "参加リンクを保存できません: %s", \
    "cannot keep the seat links: %s"
#define E_WEB_PAGES_NOT_INSTALLED_TEXT "ウェブページ（assets/web）がインストールされていません", \
    "the web pages (assets/web) are not installed"
#define E_WEB_PAGES_MISSING_FMT_TEXT "ウェブページがありません: %s", \
    "the web pages are missing: %s"
#define E_WEB_CANNOT_START_FMT_TEXT "ウェブサーバーを起動できません: %s", \
    "cannot start the web server: %s"
#define E_WEB_TLS_PAIR_TEXT "--tls-cert と --tls-key は一緒に指定します", \
    "--tls-cert and --tls-key go together"
#define E_WEB_CANNOT_LISTEN_FMT_TEXT "%s:%d で待ち受けできません（アドレスが使用中か、このマシンのアドレスでないか、TLS のファイルを読めません）", \
    "cannot listen on %s:%d (address in use, not this machine's, or a TLS file unreadable)"
#define E_WEB_CANNOT_START_THREAD_TEXT "ウェブサーバーのスレッドを起動できません", \
    "cannot start the web server thread"
#define E_OPT_SIZE_FMT_TEXT "--size の値が正しくありません: %s", "--size: %s"
#define E_JE_TIME_NEGATIVE_TEXT "時刻が負の値です", "a time is negative"
#define E_JE_TIME_TOO_LARGE_TEXT "時刻が 3650 日を超えています", "a time is more than 3650 days"
#define E_JE_SPEED_TEXT "速度が時計の速度ではありません", "the speed is not a clock speed"
#define E_JE_ONLY_START_TEXT "開始の情報を持てるのは start の記録だけです", \
    "only a start record may carry start information"
#define E_JE_START_NEEDS_TEXT "start の記録には開始の情報が必要です", "a start record needs its start information"
#define E_JE_NO_SCENARIO_ID_TEXT "start の記録にシナリオ id がありません", "the start record has no scenario id"
#define E_JE_START_SPEED_TEXT "開始時の速度が時計の速度ではありません", "the start speed is not a clock speed"
#define E_JR_TORN_FMT_TEXT "%s:%d:%d: 最後の記録が途中で切れていたため（書き込み中にプログラムが止まりました）、除外しました", \
    "%s:%d:%d: the last record was cut short (the program stopped while writing it) and was dropped"
#define E_JR_TORN_STREAM_FMT_TEXT "%s:%ld:1: 最後の記録が途中で切れていたため（書き込み中にプログラムが止まりました）、除外しました", \
    "%s:%ld:1: the last record was cut short (the program stopped while writing it) and was dropped"
#define E_YAML_UNKNOWN_PROBLEM_TEXT "不明な問題", "unknown problem"
#define E_UNKNOWN_ERROR_TEXT "不明なエラー", "unknown error"
#define E_LISTING_LUAC_FAILED_TEXT "luac が失敗しました（上限を超えた？）", "luac failed (limits exceeded?)"
#define E_EX_PATH_SCENARIO_TEXT "シナリオのパス", "the scenario's path"
#define E_EX_PATH_DB_TEXT "--db のパス", "the --db path"
#define E_EX_PATH_SCORECARD_TEXT "--scorecard のパス", "the --scorecard path"
#define E_TTY_OOM_LINE_TEXT "メモリが足りません\n", "out of memory\n"
#define E_CALL_WHERE_AFTER_TEXT "ctx.after で予約された関数", "a function scheduled with ctx.after"
#define E_CALL_WHAT_REASON_FALSE_TEXT "false と一緒に返された理由", "the reason returned with false"
#define E_CALL_WHAT_TIME_TEXT "返された時間", "the time returned"
#define E_CALL_WHAT_REASON_TEXT "返された理由", "the reason returned"
#define E_CTX_WHAT_MESSAGE_AFTER_TEXT "ctx.message の after", "ctx.message after"
#define E_CTX_WHAT_AFTER_DELAY_TEXT "ctx.after の delay", "ctx.after delay"
#define E_WEB_NO_SUCH_QUESTION_TEXT "この席にはその問いはありません", \
    "no such question for this seat"
#define E_WEB_NOT_ASKED_TEXT "その問いはまだ出ていません", \
    "that question has not been asked"
#define E_WEB_NOT_YOUR_ROLE_TEXT "その対応はほかの役割のものです", \
    "that action belongs to another role"
#define E_WEB_NO_SUCH_ACTION_TEXT "その対応はありません", \
    "no such action"
#define E_WEB_NO_TARGET_TEXT "その役割かメンバーはいません", \
    "no such role or member"
#define E_WEB_RATE_LIMITED_TEXT "操作が多すぎます。少し待ってください", \
    "too many messages; wait a moment"
#define E_WEB_FORBIDDEN_TEXT "この席ではできません", \
    "this seat may not do that"
#define E_WEB_BUSY_TEXT "演習はいま入力を受け付けていません。少し待ってください", \
    "the exercise is not taking inputs now; wait a moment"
#define E_DB_CANNOT_CONNECT_TEXT "接続できません", \
    "cannot connect"
#define E_WEB_NOT_AVAILABLE_TEXT "その対応はいまは取れません", "that action is not available now"
#define E_SBL_PAIRS_UNORDERED_BEFORE_TEXT "pairs/next: キーが ", "pairs/next: a table with "
#define E_SBL_PAIRS_UNORDERED_AFTER_TEXT " 型のテーブルは、シナリオでは順序が決まりません", \
    " keys has no fixed order in scenarios"
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
    X(E_NUM_NAN, E_NUM_NAN_TEXT) \
    X(E_NUM_INFINITY, E_NUM_INFINITY_TEXT) \
    X(E_NUM_MINUS_INFINITY, E_NUM_MINUS_INFINITY_TEXT) \
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
    X(E_DURATION_CLOCK_FORM, E_DURATION_CLOCK_FORM_TEXT) \
    X(E_OUT_OF_MEMORY, E_OUT_OF_MEMORY_TEXT) \
    X(E_MODULE_UNKNOWN_FMT, E_MODULE_UNKNOWN_FMT_TEXT) \
    X(E_MODULE_VERSION_FMT, E_MODULE_VERSION_FMT_TEXT) \
    X(E_UTF8_BAD_BYTE_FMT, E_UTF8_BAD_BYTE_FMT_TEXT) \
    X(E_UTF8_CUT_SHORT_FMT, E_UTF8_CUT_SHORT_FMT_TEXT) \
    X(E_UTF8_BAD_SEQUENCE_FMT, E_UTF8_BAD_SEQUENCE_FMT_TEXT) \
    X(E_UTF8_CHAR_NOT_ALLOWED_FMT, E_UTF8_CHAR_NOT_ALLOWED_FMT_TEXT) \
    X(E_AS_UNKNOWN_SETTING_FMT, E_AS_UNKNOWN_SETTING_FMT_TEXT) \
    X(E_SET_ARG_FMT, E_SET_ARG_FMT_TEXT) \
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
    X(E_JR_BAD_LANG_FMT, E_JR_BAD_LANG_FMT_TEXT) \
    X(E_JR_EMPTY_RECORD, E_JR_EMPTY_RECORD_TEXT) \
    X(E_JR_NO_TYPE, E_JR_NO_TYPE_TEXT) \
    X(E_JR_UNKNOWN_TYPE_FMT, E_JR_UNKNOWN_TYPE_FMT_TEXT) \
    X(E_JR_NO_TIME, E_JR_NO_TIME_TEXT) \
    X(E_JR_SPEED_NEEDS, E_JR_SPEED_NEEDS_TEXT) \
    X(E_JR_START_NEEDS, E_JR_START_NEEDS_TEXT) \
    X(E_JR_ONLY_START, E_JR_ONLY_START_TEXT) \
    X(E_JR_NOT_CLOSED, E_JR_NOT_CLOSED_TEXT) \
    X(E_JR_NOT_A_JOURNAL_FMT, E_JR_NOT_A_JOURNAL_FMT_TEXT) \
    X(E_LOOKS_LIKE_ANSWERS, E_LOOKS_LIKE_ANSWERS_TEXT) \
    X(E_LOOKS_LIKE_ROSTER, E_LOOKS_LIKE_ROSTER_TEXT) \
    X(E_YAML_IS_A_JOURNAL, E_YAML_IS_A_JOURNAL_TEXT) \
    X(E_JR_FIRST_START_FMT, E_JR_FIRST_START_FMT_TEXT) \
    X(E_JR_SECOND_START, E_JR_SECOND_START_TEXT) \
    X(E_JR_TIME_BACKWARDS_FMT, E_JR_TIME_BACKWARDS_FMT_TEXT) \
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
    X(E_ROSTER_FIELD_EMPTY, E_ROSTER_FIELD_EMPTY_TEXT) \
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
    X(E_NONE, E_NONE_TEXT) \
    X(E_SC_SETTING_KIND_AN_FMT, E_SC_SETTING_KIND_AN_FMT_TEXT) \
    X(E_SC_SETTING_KIND_A_FMT, E_SC_SETTING_KIND_A_FMT_TEXT) \
    X(E_SC_ROLES_REQUIRED, E_SC_ROLES_REQUIRED_TEXT) \
    X(E_SC_CAPACITY_FMT, E_SC_CAPACITY_FMT_TEXT) \
    X(E_SC_ACTOR_IS_ROLE_FMT, E_SC_ACTOR_IS_ROLE_FMT_TEXT) \
    X(E_SC_ACTOR_KIND_FMT, E_SC_ACTOR_KIND_FMT_TEXT) \
    X(E_SC_DELAY_RANGE_FMT, E_SC_DELAY_RANGE_FMT_TEXT) \
    X(E_SC_RANGE_ORDER_FMT, E_SC_RANGE_ORDER_FMT_TEXT) \
    X(E_SC_STATE_STRING_LIMIT_FMT, E_SC_STATE_STRING_LIMIT_FMT_TEXT) \
    X(E_SC_STATE_FINITE_FMT, E_SC_STATE_FINITE_FMT_TEXT) \
    X(E_SC_STATE_VALUE_KIND_FMT, E_SC_STATE_VALUE_KIND_FMT_TEXT) \
    X(E_SC_SETTING_STATE_KIND_FMT, E_SC_SETTING_STATE_KIND_FMT_TEXT) \
    X(E_ARTICLE_AN, E_ARTICLE_AN_TEXT) \
    X(E_ARTICLE_A, E_ARTICLE_A_TEXT) \
    X(E_SC_STATE_KEY_NAME_FMT, E_SC_STATE_KEY_NAME_FMT_TEXT) \
    X(E_SC_SETTING_KEY_NAME_FMT, E_SC_SETTING_KEY_NAME_FMT_TEXT) \
    X(E_SC_METRIC_NOT_STATE_FMT, E_SC_METRIC_NOT_STATE_FMT_TEXT) \
    X(E_SC_METRIC_STRING_FMT, E_SC_METRIC_STRING_FMT_TEXT) \
    X(E_SC_MAX_NONNEG_FMT, E_SC_MAX_NONNEG_FMT_TEXT) \
    X(E_SC_MAX_NUMBER_FMT, E_SC_MAX_NUMBER_FMT_TEXT) \
    X(E_SC_NOT_ROLE_FIELD_FMT, E_SC_NOT_ROLE_FIELD_FMT_TEXT) \
    X(E_SC_TO_EMPTY_FMT, E_SC_TO_EMPTY_FMT_TEXT) \
    X(E_SC_EXPECTED_ROLE_ID_FMT, E_SC_EXPECTED_ROLE_ID_FMT_TEXT) \
    X(E_SC_ROLE_TWICE_FMT, E_SC_ROLE_TWICE_FMT_TEXT) \
    X(E_SC_INJECT_TABLE_FMT, E_SC_INJECT_TABLE_FMT_TEXT) \
    X(E_SC_BAD_ID_FMT, E_SC_BAD_ID_FMT_TEXT) \
    X(E_SC_DUP_INJECT_FMT, E_SC_DUP_INJECT_FMT_TEXT) \
    X(E_SC_AT_AND_WHEN_FMT, E_SC_AT_AND_WHEN_FMT_TEXT) \
    X(E_SC_AT_OR_WHEN_FMT, E_SC_AT_OR_WHEN_FMT_TEXT) \
    X(E_SC_AT_AFTER_END_FMT, E_SC_AT_AFTER_END_FMT_TEXT) \
    X(E_SC_EVERY_AFTER_END_FMT, E_SC_EVERY_AFTER_END_FMT_TEXT) \
    X(E_SC_FROM_NOT_ACTOR_FMT, E_SC_FROM_NOT_ACTOR_FMT_TEXT) \
    X(E_SC_EVERY_TABLE_FMT, E_SC_EVERY_TABLE_FMT_TEXT) \
    X(E_SC_DUP_EVERY_FMT, E_SC_DUP_EVERY_FMT_TEXT) \
    X(E_SC_PERIOD_POSITIVE_FMT, E_SC_PERIOD_POSITIVE_FMT_TEXT) \
    X(E_SC_OBJECTIVES_REQUIRED, E_SC_OBJECTIVES_REQUIRED_TEXT) \
    X(E_SC_BAD_PHASE_FMT, E_SC_BAD_PHASE_FMT_TEXT) \
    X(E_SC_TARGET_AFTER_LIMIT_FMT, E_SC_TARGET_AFTER_LIMIT_FMT_TEXT) \
    X(E_SC_LIMIT_AFTER_LENGTH_FMT, E_SC_LIMIT_AFTER_LENGTH_FMT_TEXT) \
    X(E_SC_NOTICE_NOT_INJECT_FMT, E_SC_NOTICE_NOT_INJECT_FMT_TEXT) \
    X(E_SC_ACTIONS_REQUIRED, E_SC_ACTIONS_REQUIRED_TEXT) \
    X(E_SC_ROLE_ID_OR_LIST_FMT, E_SC_ROLE_ID_OR_LIST_FMT_TEXT) \
    X(E_SC_ONE_ROLE_REQUIRED_FMT, E_SC_ONE_ROLE_REQUIRED_FMT_TEXT) \
    X(E_SC_NOT_ROLE_FMT, E_SC_NOT_ROLE_FMT_TEXT) \
    X(E_SC_COMPLETES_FMT, E_SC_COMPLETES_FMT_TEXT) \
    X(E_SC_LESSON_FMT, E_SC_LESSON_FMT_TEXT) \
    X(E_SC_HARMFUL_AND_WASTED_FMT, E_SC_HARMFUL_AND_WASTED_FMT_TEXT) \
    X(E_SC_HISTORY_TABLE_FMT, E_SC_HISTORY_TABLE_FMT_TEXT) \
    X(E_SC_HISTORY_ACTION_FMT, E_SC_HISTORY_ACTION_FMT_TEXT) \
    X(E_SC_REFERENCE_TABLE_FMT, E_SC_REFERENCE_TABLE_FMT_TEXT) \
    X(E_SC_URL_FMT, E_SC_URL_FMT_TEXT) \
    X(E_SC_DATE_FMT, E_SC_DATE_FMT_TEXT) \
    X(E_SC_NEVER_REACHED_FMT, E_SC_NEVER_REACHED_FMT_TEXT) \
    X(E_SC_ID_CHARS_FMT, E_SC_ID_CHARS_FMT_TEXT) \
    X(E_SC_ID_EMPTY, E_SC_ID_EMPTY_TEXT) \
    X(E_SC_LENGTH_POSITIVE, E_SC_LENGTH_POSITIVE_TEXT) \
    X(E_SC_STARTS_AT_FMT, E_SC_STARTS_AT_FMT_TEXT) \
    X(E_SC_SPEED_RANGE, E_SC_SPEED_RANGE_TEXT) \
    X(E_SC_SPEED_NUMBER_FMT, E_SC_SPEED_NUMBER_FMT_TEXT) \
    X(E_SC_NEVER_CALLED, E_SC_NEVER_CALLED_TEXT) \
    X(E_SC_MUST_RETURN, E_SC_MUST_RETURN_TEXT) \
    X(E_SC_KEY_TWICE_FMT, E_SC_KEY_TWICE_FMT_TEXT) \
    X(E_SC_EXPECTS_TABLE, E_SC_EXPECTS_TABLE_TEXT) \
    X(E_SC_CALLED_TWICE, E_SC_CALLED_TWICE_TEXT) \
    X(E_SC_OOM_READING, E_SC_OOM_READING_TEXT) \
    X(E_SC_STRING_TOO_LONG_FMT, E_SC_STRING_TOO_LONG_FMT_TEXT) \
    X(E_SC_UNEXPECTED_LIST_ENTRY_FMT, E_SC_UNEXPECTED_LIST_ENTRY_FMT_TEXT) \
    X(E_SC_UNEXPECTED_KEY_KIND_FMT, E_SC_UNEXPECTED_KEY_KIND_FMT_TEXT) \
    X(E_SC_UNKNOWN_KEY_FMT, E_SC_UNKNOWN_KEY_FMT_TEXT) \
    X(E_SC_NAMED_ENTRIES_FMT, E_SC_NAMED_ENTRIES_FMT_TEXT) \
    X(E_SC_TOO_MANY_ENTRIES_FMT, E_SC_TOO_MANY_ENTRIES_FMT_TEXT) \
    X(E_SC_NOT_VALID_ID_FMT, E_SC_NOT_VALID_ID_FMT_TEXT) \
    X(E_SC_MUST_BE_LIST_FMT, E_SC_MUST_BE_LIST_FMT_TEXT) \
    X(E_SC_LIST_HOLES_FMT, E_SC_LIST_HOLES_FMT_TEXT) \
    X(E_SC_MISSING_FIELD_FMT, E_SC_MISSING_FIELD_FMT_TEXT) \
    X(E_SC_EXPECTED_STRING_FMT, E_SC_EXPECTED_STRING_FMT_TEXT) \
    X(E_SC_LONGER_THAN_FMT, E_SC_LONGER_THAN_FMT_TEXT) \
    X(E_SC_EXPECTED_TEXT_FMT, E_SC_EXPECTED_TEXT_FMT_TEXT) \
    X(E_SC_TEXT_MISSING_LANG_FMT, E_SC_TEXT_MISSING_LANG_FMT_TEXT) \
    X(E_SC_NOT_WHOLE_SECONDS_FMT, E_SC_NOT_WHOLE_SECONDS_FMT_TEXT) \
    X(E_SC_TIME_NEGATIVE_FMT, E_SC_TIME_NEGATIVE_FMT_TEXT) \
    X(E_SC_TIME_TOO_LARGE_FMT, E_SC_TIME_TOO_LARGE_FMT_TEXT) \
    X(E_SC_EXPECTED_TIME_FMT, E_SC_EXPECTED_TIME_FMT_TEXT) \
    X(E_SC_EXPECTED_BOOL_FMT, E_SC_EXPECTED_BOOL_FMT_TEXT) \
    X(E_SC_EXPECTED_FUNCTION_FMT, E_SC_EXPECTED_FUNCTION_FMT_TEXT) \
    X(E_SC_EXPECTED_TABLE_FMT, E_SC_EXPECTED_TABLE_FMT_TEXT) \
    X(E_SC_EXPECTED_TABLE_BRACES_FMT, E_SC_EXPECTED_TABLE_BRACES_FMT_TEXT) \
    X(E_SC_MEMORY_CAP_COMPILING, E_SC_MEMORY_CAP_COMPILING_TEXT) \
    X(E_SC_TOO_DEEP, E_SC_TOO_DEEP_TEXT) \
    X(E_SC_STATE_SETUP_OOM, E_SC_STATE_SETUP_OOM_TEXT) \
    X(E_SC_CANNOT_OPEN_FMT, E_SC_CANNOT_OPEN_FMT_TEXT) \
    X(E_SC_CANNOT_READ, E_SC_CANNOT_READ_TEXT) \
    X(E_SC_FILE_TOO_LARGE_FMT, E_SC_FILE_TOO_LARGE_FMT_TEXT) \
    X(E_SC_SETTING_FINITE_FMT, E_SC_SETTING_FINITE_FMT_TEXT) \
    X(E_SC_RESET_OOM, E_SC_RESET_OOM_TEXT) \
    X(E_SC_MODEL_ONLY, E_SC_MODEL_ONLY_TEXT) \
    X(E_SC_READ_STATE_OOM, E_SC_READ_STATE_OOM_TEXT) \
    X(E_SC_WORK_LIMIT_EXERCISE_FMT, E_SC_WORK_LIMIT_EXERCISE_FMT_TEXT) \
    X(E_SC_WORK_LIMIT_HOUR_FMT, E_SC_WORK_LIMIT_HOUR_FMT_TEXT) \
    X(E_SC_UNKNOWN_SETTING_FMT, E_SC_UNKNOWN_SETTING_FMT_TEXT) \
    X(E_SC_KIND_STRING, E_SC_KIND_STRING_TEXT) \
    X(E_SC_KIND_TEXT, E_SC_KIND_TEXT_TEXT) \
    X(E_SC_KIND_TIME, E_SC_KIND_TIME_TEXT) \
    X(E_SC_KIND_FUNCTION, E_SC_KIND_FUNCTION_TEXT) \
    X(E_SC_KIND_TABLE, E_SC_KIND_TABLE_TEXT) \
    X(E_SC_KIND_SETTING_DEFAULT, E_SC_KIND_SETTING_DEFAULT_TEXT) \
    X(E_SC_KIND_ACTION_BY, E_SC_KIND_ACTION_BY_TEXT) \
    X(E_RECIPE_MISMATCH_FMT, E_RECIPE_MISMATCH_FMT_TEXT) \
    X(E_ST_HOW_TO_ADD, E_ST_HOW_TO_ADD_TEXT) \
    X(E_A_CONDITION, E_A_CONDITION_TEXT) \
    X(E_ST_KIND_AN_FMT, E_ST_KIND_AN_FMT_TEXT) \
    X(E_ST_KIND_A_FMT, E_ST_KIND_A_FMT_TEXT) \
    X(E_SB_TIME_LIMIT_FMT, E_SB_TIME_LIMIT_FMT_TEXT) \
    X(E_SB_BUDGET_FMT, E_SB_BUDGET_FMT_TEXT) \
    X(E_SB_ERROR_OBJECT_FMT, E_SB_ERROR_OBJECT_FMT_TEXT) \
    X(E_SB_MEMORY_CAP_MIB_FMT, E_SB_MEMORY_CAP_MIB_FMT_TEXT) \
    X(E_SB_MEMORY_CAP_BYTES_FMT, E_SB_MEMORY_CAP_BYTES_FMT_TEXT) \
    X(E_SB_NEXT_INVALID_KEY, E_SB_NEXT_INVALID_KEY_TEXT) \
    X(E_PV_SNAPSHOT_OOM, E_PV_SNAPSHOT_OOM_TEXT) \
    X(E_PV_SNAPSHOT_KILLED, E_PV_SNAPSHOT_KILLED_TEXT) \
    X(E_PV_SNAPSHOT_SILENT, E_PV_SNAPSHOT_SILENT_TEXT) \
    X(E_SC_SETUP_OOM, E_SC_SETUP_OOM_TEXT) \
    X(E_CALL_NOT_TEXT_FMT, E_CALL_NOT_TEXT_FMT_TEXT) \
    X(E_HOST_TEXT_LANG_MISSING_FMT, E_HOST_TEXT_LANG_MISSING_FMT_TEXT) \
    X(E_HOST_TEXT_LANG_TOO_LONG_FMT, E_HOST_TEXT_LANG_TOO_LONG_FMT_TEXT) \
    X(E_HOST_TEXT_TOO_LONG_FMT, E_HOST_TEXT_TOO_LONG_FMT_TEXT) \
    X(E_HOST_TEXT_LANG_BAD_FMT, E_HOST_TEXT_LANG_BAD_FMT_TEXT) \
    X(E_HOST_TEXT_BAD_FMT, E_HOST_TEXT_BAD_FMT_TEXT) \
    X(E_IN_WHERE_FMT, E_IN_WHERE_FMT_TEXT) \
    X(E_CALL_NOT_BEGUN, E_CALL_NOT_BEGUN_TEXT) \
    X(E_CALL_NO_INDEX_FMT, E_CALL_NO_INDEX_FMT_TEXT) \
    X(E_CALL_NO_AFTER_FMT, E_CALL_NO_AFTER_FMT_TEXT) \
    X(E_CTX_CONDITION_ONLY_READS_FMT, E_CTX_CONDITION_ONLY_READS_FMT_TEXT) \
    X(E_CTX_ONLY_WHILE_RUNNING_FMT, E_CTX_ONLY_WHILE_RUNNING_FMT_TEXT) \
    X(E_CTX_TOO_MANY_SCHEDULED_FMT, E_CTX_TOO_MANY_SCHEDULED_FMT_TEXT) \
    X(E_CTX_TIME_RANGE_FMT, E_CTX_TIME_RANGE_FMT_TEXT) \
    X(E_CTX_EXPECTED_TIME_FMT, E_CTX_EXPECTED_TIME_FMT_TEXT) \
    X(E_CTX_MSG_TOO_MUCH_FMT, E_CTX_MSG_TOO_MUCH_FMT_TEXT) \
    X(E_CTX_TO_NOT_ROLE_FMT, E_CTX_TO_NOT_ROLE_FMT_TEXT) \
    X(E_CTX_TO_LIST_FMT, E_CTX_TO_LIST_FMT_TEXT) \
    X(E_CTX_TO_TWICE_FMT, E_CTX_TO_TWICE_FMT_TEXT) \
    X(E_CTX_MSG_UNKNOWN_FIELD_FMT, E_CTX_MSG_UNKNOWN_FIELD_FMT_TEXT) \
    X(E_CTX_MSG_FROM_ID, E_CTX_MSG_FROM_ID_TEXT) \
    X(E_CTX_MSG_FROM_FMT, E_CTX_MSG_FROM_FMT_TEXT) \
    X(E_CTX_ONLY_IN_DOES_FMT, E_CTX_ONLY_IN_DOES_FMT_TEXT) \
    X(E_CTX_ALREADY_REFUSED_FMT, E_CTX_ALREADY_REFUSED_FMT_TEXT) \
    X(E_CTX_UNKNOWN_FIELD_FMT, E_CTX_UNKNOWN_FIELD_FMT_TEXT) \
    X(E_CTX_FROM_NOT_ACTOR_FMT, E_CTX_FROM_NOT_ACTOR_FMT_TEXT) \
    X(E_CTX_AFTER_NOT_TIME_FMT, E_CTX_AFTER_NOT_TIME_FMT_TEXT) \
    X(E_CTX_AFTER_TOO_MANY, E_CTX_AFTER_TOO_MANY_TEXT) \
    X(E_CTX_CHANCE_ONLY_RUNNING, E_CTX_CHANCE_ONLY_RUNNING_TEXT) \
    X(E_CTX_CHANCE_RANGE_FMT, E_CTX_CHANCE_RANGE_FMT_TEXT) \
    X(E_CTX_READ_ONLY, E_CTX_READ_ONLY_TEXT) \
    X(E_CTX_CLOCK_NEEDS_STARTS_AT, E_CTX_CLOCK_NEEDS_STARTS_AT_TEXT) \
    X(E_ST_UNDECLARED_FMT, E_ST_UNDECLARED_FMT_TEXT) \
    X(E_ST_KEY_NOT_NAME_FMT, E_ST_KEY_NOT_NAME_FMT_TEXT) \
    X(E_ST_CONDITION_ONLY_READS_FMT, E_ST_CONDITION_ONLY_READS_FMT_TEXT) \
    X(E_ST_VALUE_KIND_FMT, E_ST_VALUE_KIND_FMT_TEXT) \
    X(E_ST_NOT_FINITE_FMT, E_ST_NOT_FINITE_FMT_TEXT) \
    X(E_ST_NOT_WHOLE_FMT, E_ST_NOT_WHOLE_FMT_TEXT) \
    X(E_ST_STRING_LIMIT_FMT, E_ST_STRING_LIMIT_FMT_TEXT) \
    X(E_ST_TEXT_BAD_FMT, E_ST_TEXT_BAD_FMT_TEXT) \
    X(E_SB_IN_WHERE_FMT, E_SB_IN_WHERE_FMT_TEXT) \
    X(E_SB_CANNOT_CREATE_FMT, E_SB_CANNOT_CREATE_FMT_TEXT) \
    X(E_SB_CANNOT_SETUP_FMT, E_SB_CANNOT_SETUP_FMT_TEXT) \
    X(E_SBL_NOT_AVAILABLE_FMT, E_SBL_NOT_AVAILABLE_FMT_TEXT) \
    X(E_SBL_LOAD_STRING, E_SBL_LOAD_STRING_TEXT) \
    X(E_SBL_LOAD_TEXT, E_SBL_LOAD_TEXT_TEXT) \
    X(E_SBL_FORMAT_P, E_SBL_FORMAT_P_TEXT) \
    X(E_SBL_PROTECTED_MT, E_SBL_PROTECTED_MT_TEXT) \
    X(E_SBL_GC, E_SBL_GC_TEXT) \
    X(E_SBL_RANDOM_NOT_RUNNING, E_SBL_RANDOM_NOT_RUNNING_TEXT) \
    X(E_SBL_RANDOM_ARGS, E_SBL_RANDOM_ARGS_TEXT) \
    X(E_SBL_PLAIN_TABLES_FMT, E_SBL_PLAIN_TABLES_FMT_TEXT) \
    X(E_SBL_PATTERN_COMPLEX_FMT, E_SBL_PATTERN_COMPLEX_FMT_TEXT) \
    X(E_SBL_PATTERN_SIZE_COMPLEX_FMT, E_SBL_PATTERN_SIZE_COMPLEX_FMT_TEXT) \
    X(E_PV_CANNOT_ASK_FMT, E_PV_CANNOT_ASK_FMT_TEXT) \
    X(E_ARCHIVE_HASH_SEVERAL_FMT, E_ARCHIVE_HASH_SEVERAL_FMT_TEXT) \
    X(E_ARCHIVE_HASH_NONE_FMT, E_ARCHIVE_HASH_NONE_FMT_TEXT) \
    X(E_SWEEP_EXERCISE, E_SWEEP_EXERCISE_TEXT) \
    X(E_SWEEP_STEP_BY_FMT, E_SWEEP_STEP_BY_FMT_TEXT) \
    X(E_SWEEP_A_STEP, E_SWEEP_A_STEP_TEXT) \
    X(E_SWEEP_REFUSED_AT_FMT, E_SWEEP_REFUSED_AT_FMT_TEXT) \
    X(E_SWEEP_NOT_AVAILABLE, E_SWEEP_NOT_AVAILABLE_TEXT) \
    X(E_SWEEP_CANNOT_SCORE_FMT, E_SWEEP_CANNOT_SCORE_FMT_TEXT) \
    X(E_SWEEP_WORKER_SIGNAL_FMT, E_SWEEP_WORKER_SIGNAL_FMT_TEXT) \
    X(E_SWEEP_WORKER_STATUS_FMT, E_SWEEP_WORKER_STATUS_FMT_TEXT) \
    X(E_REPLAY_DIFF_FMT, E_REPLAY_DIFF_FMT_TEXT) \
    X(E_REPLAY_MISSING_FMT, E_REPLAY_MISSING_FMT_TEXT) \
    X(E_DB_SCHEMA_NEWER_FMT, E_DB_SCHEMA_NEWER_FMT_TEXT) \
    X(E_DB_MIGRATION_FAILED_FMT, E_DB_MIGRATION_FAILED_FMT_TEXT) \
    X(E_DB_RESULTS, E_DB_RESULTS_TEXT) \
    X(E_DB_HISTORY, E_DB_HISTORY_TEXT) \
    X(E_EX_NOT_RUNNING, E_EX_NOT_RUNNING_TEXT) \
    X(E_EX_EVENTS_PENDING_FMT, E_EX_EVENTS_PENDING_FMT_TEXT) \
    X(E_EX_MESSAGES_TOO_MUCH_FMT, E_EX_MESSAGES_TOO_MUCH_FMT_TEXT) \
    X(E_EX_STATE_NOT_JOURNALED_FMT, E_EX_STATE_NOT_JOURNALED_FMT_TEXT) \
    X(E_EX_UNKNOWN_EVENT_FMT, E_EX_UNKNOWN_EVENT_FMT_TEXT) \
    X(E_EX_CANNOT_RECORD_PATH_FMT, E_EX_CANNOT_RECORD_PATH_FMT_TEXT) \
    X(E_EX_ALREADY_STARTED, E_EX_ALREADY_STARTED_TEXT) \
    X(E_EX_NOT_STARTED, E_EX_NOT_STARTED_TEXT) \
    X(E_EX_EVENTS_AT_ONCE_FMT, E_EX_EVENTS_AT_ONCE_FMT_TEXT) \
    X(E_EX_SPEED_POSITIVE_FMT, E_EX_SPEED_POSITIVE_FMT_TEXT) \
    X(E_REPLAY_NOT_REPRODUCED_AT_FMT, E_REPLAY_NOT_REPRODUCED_AT_FMT_TEXT) \
    X(E_REPLAY_NO_START, E_REPLAY_NO_START_TEXT) \
    X(E_JOURNAL_OTHER_SCENARIO_FMT, E_JOURNAL_OTHER_SCENARIO_FMT_TEXT) \
    X(E_REPLAY_ALREADY_ENDED, E_REPLAY_ALREADY_ENDED_TEXT) \
    X(E_RESTORE_NOT_REPRODUCED_FMT, E_RESTORE_NOT_REPRODUCED_FMT_TEXT) \
    X(E_RESTORE_RECORD_MISSING_FMT, E_RESTORE_RECORD_MISSING_FMT_TEXT) \
    X(E_CARD_PATH_BESIDE, E_CARD_PATH_BESIDE_TEXT) \
    X(E_CARD_FORMAT, E_CARD_FORMAT_TEXT) \
    X(E_CARD_WOULD_REPLACE, E_CARD_WOULD_REPLACE_TEXT) \
    X(E_CARD_NO_START, E_CARD_NO_START_TEXT) \
    X(E_HIST_CANNOT_CREATE_FOLDER_FMT, E_HIST_CANNOT_CREATE_FOLDER_FMT_TEXT) \
    X(E_HIST_NO_HOME, E_HIST_NO_HOME_TEXT) \
    X(E_HIST_PATH_TOO_LONG, E_HIST_PATH_TOO_LONG_TEXT) \
    X(E_HIST_NO_DB_FMT, E_HIST_NO_DB_FMT_TEXT) \
    X(E_HIST_CANNOT_RECORD_FMT, E_HIST_CANNOT_RECORD_FMT_TEXT) \
    X(E_JOURNAL_CANNOT_READ_FMT, E_JOURNAL_CANNOT_READ_FMT_TEXT) \
    X(E_JOURNAL_NOT_SENSIBLE, E_JOURNAL_NOT_SENSIBLE_TEXT) \
    X(E_JOURNAL_CANNOT_READ, E_JOURNAL_CANNOT_READ_TEXT) \
    X(E_PATH_IS_TOO_LONG, E_PATH_IS_TOO_LONG_TEXT) \
    X(E_CANNOT_WRITE_FMT, E_CANNOT_WRITE_FMT_TEXT) \
    X(E_FILE_EXISTS_GIVE_O, E_FILE_EXISTS_GIVE_O_TEXT) \
    X(E_NOT_A_HASH_FMT, E_NOT_A_HASH_FMT_TEXT) \
    X(E_SCORE_CANNOT_FIND_SCENARIO_FMT, E_SCORE_CANNOT_FIND_SCENARIO_FMT_TEXT) \
    X(E_REPLAY_CANNOT_FIND_SCENARIO_FMT, E_REPLAY_CANNOT_FIND_SCENARIO_FMT_TEXT) \
    X(E_SCENARIO_OPTION_FMT, E_SCENARIO_OPTION_FMT_TEXT) \
    X(E_CARD_CANNOT_WRITE_FMT, E_CARD_CANNOT_WRITE_FMT_TEXT) \
    X(E_DB_CANNOT_PREPARE_STATEMENT, E_DB_CANNOT_PREPARE_STATEMENT_TEXT) \
    X(E_DB_CANNOT_BIND, E_DB_CANNOT_BIND_TEXT) \
    X(E_DB_STATEMENT_FAILED, E_DB_STATEMENT_FAILED_TEXT) \
    X(E_DB_SCHEMA_STEP_FAILED, E_DB_SCHEMA_STEP_FAILED_TEXT) \
    X(E_DB_CANNOT_LOCK, E_DB_CANNOT_LOCK_TEXT) \
    X(E_DB_CANNOT_COMMIT, E_DB_CANNOT_COMMIT_TEXT) \
    X(E_DB_CANNOT_READ_VERSION, E_DB_CANNOT_READ_VERSION_TEXT) \
    X(E_DB_CANNOT_PREPARE, E_DB_CANNOT_PREPARE_TEXT) \
    X(E_SWEEP_CANNOT_WRITE_REPORT_FMT, E_SWEEP_CANNOT_WRITE_REPORT_FMT_TEXT) \
    X(E_SWEEP_CANNOT_START_WORKER_FMT, E_SWEEP_CANNOT_START_WORKER_FMT_TEXT) \
    X(E_SWEEP_WORKERS_RETURNED_FMT, E_SWEEP_WORKERS_RETURNED_FMT_TEXT) \
    X(E_SWEEP_NOTHING_TO_RUN, E_SWEEP_NOTHING_TO_RUN_TEXT) \
    X(E_SWEEP_SETTINGS_FMT, E_SWEEP_SETTINGS_FMT_TEXT) \
    X(E_DB_NO_STATEMENT, E_DB_NO_STATEMENT_TEXT) \
    X(E_DB_CANNOT_OPEN, E_DB_CANNOT_OPEN_TEXT) \
    X(E_DB_TOO_MANY_PARAMS, E_DB_TOO_MANY_PARAMS_TEXT) \
    X(E_DB_NOT_URI, E_DB_NOT_URI_TEXT) \
    X(E_DB_EXERCISE_GONE, E_DB_EXERCISE_GONE_TEXT) \
    X(E_DB_NO_JOURNAL_HASH, E_DB_NO_JOURNAL_HASH_TEXT) \
    X(E_ARCHIVE_CANNOT_COMPRESS, E_ARCHIVE_CANNOT_COMPRESS_TEXT) \
    X(E_ARCHIVE_UNKNOWN_FORM, E_ARCHIVE_UNKNOWN_FORM_TEXT) \
    X(E_ARCHIVE_DAMAGED, E_ARCHIVE_DAMAGED_TEXT) \
    X(E_LINT_STATE_WRITTEN_FMT, E_LINT_STATE_WRITTEN_FMT_TEXT) \
    X(E_LINT_STATE_READ_FMT, E_LINT_STATE_READ_FMT_TEXT) \
    X(E_LINT_TEXT_NO_EN, E_LINT_TEXT_NO_EN_TEXT) \
    X(E_LINT_TEXT_NO_JA, E_LINT_TEXT_NO_JA_TEXT) \
    X(E_LINT_NOTHING, E_LINT_NOTHING_TEXT) \
    X(E_EXPLORE_RUNTIME_ERROR_FMT, E_EXPLORE_RUNTIME_ERROR_FMT_TEXT) \
    X(E_EXPLORE_NEVER_REACHED_FMT, E_EXPLORE_NEVER_REACHED_FMT_TEXT) \
    X(E_EXPLORE_NEVER_AVAILABLE_FMT, E_EXPLORE_NEVER_AVAILABLE_FMT_TEXT) \
    X(E_EXPLORE_NEVER_FIRED_FMT, E_EXPLORE_NEVER_FIRED_FMT_TEXT) \
    X(E_EXPLORE_NEVER_CHANGED_FMT, E_EXPLORE_NEVER_CHANGED_FMT_TEXT) \
    X(E_GRAPH_GRAPHVIZ, E_GRAPH_GRAPHVIZ_TEXT) \
    X(E_GRAPH_CANNOT_WRITE, E_GRAPH_CANNOT_WRITE_TEXT) \
    X(E_LINT_NOT_DURATION_FMT, E_LINT_NOT_DURATION_FMT_TEXT) \
    X(E_LINT_AFTER_NOT_TIME_FMT, E_LINT_AFTER_NOT_TIME_FMT_TEXT) \
    X(E_LINT_CTX_NO_FIELD_FMT, E_LINT_CTX_NO_FIELD_FMT_TEXT) \
    X(E_LINT_FROM_FMT, E_LINT_FROM_FMT_TEXT) \
    X(E_LINT_TO_FMT, E_LINT_TO_FMT_TEXT) \
    X(E_LINT_NUMBER_UNCITED_FMT, E_LINT_NUMBER_UNCITED_FMT_TEXT) \
    X(E_LINT_TIME_UNCITED_FMT, E_LINT_TIME_UNCITED_FMT_TEXT) \
    X(E_LINT_UNREACHABLE_FMT, E_LINT_UNREACHABLE_FMT_TEXT) \
    X(E_LISTING_CANNOT_START_FMT, E_LISTING_CANNOT_START_FMT_TEXT) \
    X(E_LISTING_OOM, E_LISTING_OOM_TEXT) \
    X(E_LISTING_TOO_LARGE, E_LISTING_TOO_LARGE_TEXT) \
    X(E_LISTING_CANNOT_RUN_FMT, E_LISTING_CANNOT_RUN_FMT_TEXT) \
    X(E_MSEL_CANNOT_WRITE, E_MSEL_CANNOT_WRITE_TEXT) \
    X(E_OUTCOME_TEMP_JOURNAL, E_OUTCOME_TEMP_JOURNAL_TEXT) \
    X(E_DASH_OOM, E_DASH_OOM_TEXT) \
    X(E_DASH_FONT_PATH_TOO_LONG, E_DASH_FONT_PATH_TOO_LONG_TEXT) \
    X(E_DASH_FONTCONFIG, E_DASH_FONTCONFIG_TEXT) \
    X(E_DASH_CANNOT_OPEN_FONT_FMT, E_DASH_CANNOT_OPEN_FONT_FMT_TEXT) \
    X(E_DASH_NO_EXERCISE, E_DASH_NO_EXERCISE_TEXT) \
    X(E_DASH_OOM_RECORDS, E_DASH_OOM_RECORDS_TEXT) \
    X(E_DASH_SIZE_EMPTY, E_DASH_SIZE_EMPTY_TEXT) \
    X(E_DASH_SIZE_FORM_FMT, E_DASH_SIZE_FORM_FMT_TEXT) \
    X(E_DASH_SIZE_RANGE_FMT, E_DASH_SIZE_RANGE_FMT_TEXT) \
    X(E_DASH_REPLAY_NOTHING, E_DASH_REPLAY_NOTHING_TEXT) \
    X(E_DASH_NO_DISPLAY_FMT, E_DASH_NO_DISPLAY_FMT_TEXT) \
    X(E_DASH_TTF_FMT, E_DASH_TTF_FMT_TEXT) \
    X(E_DASH_SURFACE_FMT, E_DASH_SURFACE_FMT_TEXT) \
    X(E_DASH_SOFTWARE_RENDERER_FMT, E_DASH_SOFTWARE_RENDERER_FMT_TEXT) \
    X(E_DASH_SNAPSHOT_NOTHING, E_DASH_SNAPSHOT_NOTHING_TEXT) \
    X(E_DASH_CANNOT_WRITE_PNG_FMT, E_DASH_CANNOT_WRITE_PNG_FMT_TEXT) \
    X(E_DASH_CANNOT_OPEN_WINDOW_FMT, E_DASH_CANNOT_OPEN_WINDOW_FMT_TEXT) \
    X(E_DASH_CANNOT_CREATE_RENDERER_FMT, E_DASH_CANNOT_CREATE_RENDERER_FMT_TEXT) \
    X(E_TTY_CANNOT_OPEN_OUTPUT_FMT, E_TTY_CANNOT_OPEN_OUTPUT_FMT_TEXT) \
    X(E_TTY_CANNOT_OPEN_INPUT_FMT, E_TTY_CANNOT_OPEN_INPUT_FMT_TEXT) \
    X(E_POLL_FMT, E_POLL_FMT_TEXT) \
    X(E_TTY_ANOTHER_DRILL, E_TTY_ANOTHER_DRILL_TEXT) \
    X(E_WEB_CANNOT_WRITE_LINKS, E_WEB_CANNOT_WRITE_LINKS_TEXT) \
    X(E_WEB_MUST_BE_STRING, E_WEB_MUST_BE_STRING_TEXT) \
    X(E_WEB_TOO_LONG, E_WEB_TOO_LONG_TEXT) \
    X(E_WEB_CONTROL_CHAR, E_WEB_CONTROL_CHAR_TEXT) \
    X(E_WEB_MISSING, E_WEB_MISSING_TEXT) \
    X(E_WEB_TEXT_TOO_LONG, E_WEB_TEXT_TOO_LONG_TEXT) \
    X(E_WEB_EMPTY, E_WEB_EMPTY_TEXT) \
    X(E_WEB_OUT_OF_RANGE, E_WEB_OUT_OF_RANGE_TEXT) \
    X(E_WEB_NOT_OBJECT, E_WEB_NOT_OBJECT_TEXT) \
    X(E_WEB_NO_TYPE, E_WEB_NO_TYPE_TEXT) \
    X(E_WEB_UNKNOWN_TYPE, E_WEB_UNKNOWN_TYPE_TEXT) \
    X(E_WEB_WHICH_ACTION, E_WEB_WHICH_ACTION_TEXT) \
    X(E_WEB_ANSWER_NEEDS, E_WEB_ANSWER_NEEDS_TEXT) \
    X(E_WEB_PASS_LIMIT_BOOL, E_WEB_PASS_LIMIT_BOOL_TEXT) \
    X(E_WEB_SPEED_RANGE, E_WEB_SPEED_RANGE_TEXT) \
    X(E_WEB_MEMBER_NEEDS_TO, E_WEB_MEMBER_NEEDS_TO_TEXT) \
    X(E_WEB_OVER_64K, E_WEB_OVER_64K_TEXT) \
    X(E_WEB_NOT_JSON, E_WEB_NOT_JSON_TEXT) \
    X(E_WEB_QR_FMT, E_WEB_QR_FMT_TEXT) \
    X(E_WEB_GETRANDOM_FMT, E_WEB_GETRANDOM_FMT_TEXT) \
    X(E_WEB_CANNOT_KEEP_LINKS_FMT, E_WEB_CANNOT_KEEP_LINKS_FMT_TEXT) \
    X(E_WEB_PAGES_NOT_INSTALLED, E_WEB_PAGES_NOT_INSTALLED_TEXT) \
    X(E_WEB_PAGES_MISSING_FMT, E_WEB_PAGES_MISSING_FMT_TEXT) \
    X(E_WEB_CANNOT_START_FMT, E_WEB_CANNOT_START_FMT_TEXT) \
    X(E_WEB_TLS_PAIR, E_WEB_TLS_PAIR_TEXT) \
    X(E_WEB_CANNOT_LISTEN_FMT, E_WEB_CANNOT_LISTEN_FMT_TEXT) \
    X(E_WEB_CANNOT_START_THREAD, E_WEB_CANNOT_START_THREAD_TEXT) \
    X(E_OPT_SIZE_FMT, E_OPT_SIZE_FMT_TEXT) \
    X(E_JE_TIME_NEGATIVE, E_JE_TIME_NEGATIVE_TEXT) \
    X(E_JE_TIME_TOO_LARGE, E_JE_TIME_TOO_LARGE_TEXT) \
    X(E_JE_SPEED, E_JE_SPEED_TEXT) \
    X(E_JE_ONLY_START, E_JE_ONLY_START_TEXT) \
    X(E_JE_START_NEEDS, E_JE_START_NEEDS_TEXT) \
    X(E_JE_NO_SCENARIO_ID, E_JE_NO_SCENARIO_ID_TEXT) \
    X(E_JE_START_SPEED, E_JE_START_SPEED_TEXT) \
    X(E_JR_TORN_FMT, E_JR_TORN_FMT_TEXT) \
    X(E_JR_TORN_STREAM_FMT, E_JR_TORN_STREAM_FMT_TEXT) \
    X(E_YAML_UNKNOWN_PROBLEM, E_YAML_UNKNOWN_PROBLEM_TEXT) \
    X(E_UNKNOWN_ERROR, E_UNKNOWN_ERROR_TEXT) \
    X(E_LISTING_LUAC_FAILED, E_LISTING_LUAC_FAILED_TEXT) \
    X(E_EX_PATH_SCENARIO, E_EX_PATH_SCENARIO_TEXT) \
    X(E_EX_PATH_DB, E_EX_PATH_DB_TEXT) \
    X(E_EX_PATH_SCORECARD, E_EX_PATH_SCORECARD_TEXT) \
    X(E_TTY_OOM_LINE, E_TTY_OOM_LINE_TEXT) \
    X(E_CALL_WHERE_AFTER, E_CALL_WHERE_AFTER_TEXT) \
    X(E_CALL_WHAT_REASON_FALSE, E_CALL_WHAT_REASON_FALSE_TEXT) \
    X(E_CALL_WHAT_TIME, E_CALL_WHAT_TIME_TEXT) \
    X(E_CALL_WHAT_REASON, E_CALL_WHAT_REASON_TEXT) \
    X(E_CTX_WHAT_MESSAGE_AFTER, E_CTX_WHAT_MESSAGE_AFTER_TEXT) \
    X(E_CTX_WHAT_AFTER_DELAY, E_CTX_WHAT_AFTER_DELAY_TEXT) \
    X(E_WEB_NO_SUCH_QUESTION, E_WEB_NO_SUCH_QUESTION_TEXT) \
    X(E_WEB_NOT_ASKED, E_WEB_NOT_ASKED_TEXT) \
    X(E_WEB_NOT_YOUR_ROLE, E_WEB_NOT_YOUR_ROLE_TEXT) \
    X(E_WEB_NO_SUCH_ACTION, E_WEB_NO_SUCH_ACTION_TEXT) \
    X(E_WEB_NO_TARGET, E_WEB_NO_TARGET_TEXT) \
    X(E_WEB_RATE_LIMITED, E_WEB_RATE_LIMITED_TEXT) \
    X(E_WEB_FORBIDDEN, E_WEB_FORBIDDEN_TEXT) \
    X(E_WEB_BUSY, E_WEB_BUSY_TEXT) \
    X(E_DB_CANNOT_CONNECT, E_DB_CANNOT_CONNECT_TEXT) \
    X(E_WEB_NOT_AVAILABLE, E_WEB_NOT_AVAILABLE_TEXT) \
    X(E_SBL_PAIRS_UNORDERED_BEFORE, E_SBL_PAIRS_UNORDERED_BEFORE_TEXT) \
    X(E_SBL_PAIRS_UNORDERED_AFTER, E_SBL_PAIRS_UNORDERED_AFTER_TEXT) \
    /* @X@ */

#endif
