/* Part of the one terminology table (tabletop/terms.h): texts that are not
 * the engine's own but reach users inside its messages: the OS's error
 * descriptions (errno), libyaml's problem and context texts, SQLite's result
 * codes, Lua's runtime and compile errors, dlerror()'s texts, libpq's
 * messages (framed, not matched). The English column is the library's own text, exactly (tests check
 * it against strerror, sqlite3_errstr and libyaml), so a message reads as
 * before in English; tt_os_error and tt_lib_text (engine/base/lib_text.c)
 * give the column of the process's language, and keep the library's text in
 * parentheses after a generic Japanese word when it has no entry. */
#ifndef TABLETOP_TERMS_LIBS_H
#define TABLETOP_TERMS_LIBS_H

/* The OS's error descriptions: Y(X, ERRNO, "ja", "en"); the entry is E_OS_ERRNO. */
#define TT_OS_ERRORS(Y, X) \
    Y(X, EPERM, "操作が許可されていません", \
      "Operation not permitted") \
    Y(X, ENOENT, "ファイルまたはフォルダーがありません", \
      "No such file or directory") \
    Y(X, EINTR, "シグナルで中断されました", \
      "Interrupted system call") \
    Y(X, EIO, "入出力エラー", \
      "Input/output error") \
    Y(X, ENXIO, "デバイスまたはアドレスがありません", \
      "No such device or address") \
    Y(X, EBADF, "ファイル記述子が正しくありません", \
      "Bad file descriptor") \
    Y(X, EAGAIN, "リソースが一時的に使えません", \
      "Resource temporarily unavailable") \
    Y(X, ENOMEM, "メモリーが足りません", \
      "Cannot allocate memory") \
    Y(X, EACCES, "アクセスが許可されていません", \
      "Permission denied") \
    Y(X, EBUSY, "デバイスまたはリソースが使用中です", \
      "Device or resource busy") \
    Y(X, EEXIST, "ファイルがすでにあります", \
      "File exists") \
    Y(X, EXDEV, "別のファイルシステムへはリンクできません", \
      "Invalid cross-device link") \
    Y(X, ENODEV, "デバイスがありません", \
      "No such device") \
    Y(X, ENOTDIR, "フォルダーではありません", \
      "Not a directory") \
    Y(X, EISDIR, "フォルダーです", \
      "Is a directory") \
    Y(X, EINVAL, "引数が正しくありません", \
      "Invalid argument") \
    Y(X, ENFILE, "システム全体で開いているファイルが多すぎます", \
      "Too many open files in system") \
    Y(X, EMFILE, "開いているファイルが多すぎます", \
      "Too many open files") \
    Y(X, ETXTBSY, "実行中のファイルです", \
      "Text file busy") \
    Y(X, EFBIG, "ファイルが大きすぎます", \
      "File too large") \
    Y(X, ENOSPC, "ディスクの空きがありません", \
      "No space left on device") \
    Y(X, ESPIPE, "シークできません", \
      "Illegal seek") \
    Y(X, EROFS, "読み取り専用のファイルシステムです", \
      "Read-only file system") \
    Y(X, EPIPE, "接続先が閉じています（パイプが切れました）", \
      "Broken pipe") \
    Y(X, ENAMETOOLONG, "ファイル名が長すぎます", \
      "File name too long") \
    Y(X, ENOSYS, "この機能は実装されていません", \
      "Function not implemented") \
    Y(X, ENOTEMPTY, "フォルダーが空ではありません", \
      "Directory not empty") \
    Y(X, ELOOP, "シンボリックリンクの階層が深すぎます（循環している可能性があります）", \
      "Too many levels of symbolic links") \
    Y(X, EOVERFLOW, "値がデータ型に対して大きすぎます", \
      "Value too large for defined data type") \
    Y(X, EOPNOTSUPP, "この操作には対応していません", \
      "Operation not supported") \
    Y(X, EADDRINUSE, "アドレスはすでに使われています", \
      "Address already in use") \
    Y(X, EADDRNOTAVAIL, "このアドレスは割り当てられません（この端末のアドレスではありません）", \
      "Cannot assign requested address") \
    Y(X, ENETUNREACH, "ネットワークに到達できません", \
      "Network is unreachable") \
    Y(X, ECONNRESET, "接続が相手側からリセットされました", \
      "Connection reset by peer") \
    Y(X, ETIMEDOUT, "接続がタイムアウトしました", \
      "Connection timed out") \
    Y(X, ECONNREFUSED, "接続を拒否されました", \
      "Connection refused") \
    Y(X, EHOSTUNREACH, "ホストへの経路がありません", \
      "No route to host") \
    Y(X, EDQUOT, "ディスクの使用量の上限を超えました", \
      "Disk quota exceeded") \
    /* end */

#define TT_OS_AS_TERM_(X, code, ja, en) X(E_OS_##code, ja, en)

/* libyaml's problems and contexts (yaml_parser_t.problem, .context).
 * Not "did not find expected <stream-start>": libyaml's scanner always
 * begins with that token, so the problem never reaches a user, and the text
 * is lintian's mark of a copy of libyaml inside a binary (embedded-library). */
#define TT_TERMS_LIBYAML(X) \
    X(E_LIBYAML_BLOCK_SEQUENCE_ENTRIES_ARE_NOT_ALLOWED_IN_THIS_CONTEXT, "ここではブロックのリスト項目（- ）は使えません", \
      "block sequence entries are not allowed in this context") \
    X(E_LIBYAML_CONTROL_CHARACTERS_ARE_NOT_ALLOWED, "制御文字は使えません", \
      "control characters are not allowed") \
    X(E_LIBYAML_NO_COLON, "':' があるべきところにありません", \
      "could not find expected ':'") \
    X(E_LIBYAML_NO_DIRECTIVE_NAME, "ディレクティブ名があるべきところにありません", \
      "could not find expected directive name") \
    X(E_LIBYAML_DID_NOT_FIND_URI_ESCAPED_OCTET, "URI のエスケープが正しくありません", \
      "did not find URI escaped octet") \
    X(E_LIBYAML_NO_BANG, "'!' があるべきところにありません", \
      "did not find expected '!'") \
    X(E_LIBYAML_NO_COMMA_OR_RBRACKET, "',' か ']' があるべきところにありません", \
      "did not find expected ',' or ']'") \
    X(E_LIBYAML_NO_COMMA_OR_RBRACE, "',' か '}' があるべきところにありません", \
      "did not find expected ',' or '}'") \
    X(E_LIBYAML_NO_DASH_INDICATOR, "リスト項目の '-' があるべきところにありません", \
      "did not find expected '-' indicator") \
    X(E_LIBYAML_NO_DOCUMENT_START_GT, "文書の開始（---）があるべきところにありません", \
      "did not find expected <document start>") \
    X(E_LIBYAML_NO_ALPHABETIC_OR_NUMERIC_CHARACTER, "英字か数字があるべきところにありません", \
      "did not find expected alphabetic or numeric character") \
    X(E_LIBYAML_NO_COMMENT_OR_LINE_BREAK, "コメントか改行があるべきところにありません", \
      "did not find expected comment or line break") \
    X(E_LIBYAML_NO_DIGIT_OR_DOT_CHARACTER, "数字か '.' があるべきところにありません", \
      "did not find expected digit or '.' character") \
    X(E_LIBYAML_NO_HEXDECIMAL_NUMBER, "16 進数があるべきところにありません", \
      "did not find expected hexdecimal number") \
    X(E_LIBYAML_NO_KEY, "キーがあるべきところにありません（字下げを確かめてください）", \
      "did not find expected key") \
    X(E_LIBYAML_NO_NODE_CONTENT, "値があるべきところにありません", \
      "did not find expected node content") \
    X(E_LIBYAML_NO_TAG_URI, "タグの URI があるべきところにありません", \
      "did not find expected tag URI") \
    X(E_LIBYAML_NO_VERSION_NUMBER, "バージョン番号があるべきところにありません", \
      "did not find expected version number") \
    X(E_LIBYAML_NO_WHITESPACE, "空白があるべきところにありません", \
      "did not find expected whitespace") \
    X(E_LIBYAML_NO_WHITESPACE_OR_LINE_BREAK, "空白か改行があるべきところにありません", \
      "did not find expected whitespace or line break") \
    X(E_LIBYAML_DID_NOT_FIND_THE_EXPECTED_GT, "'>' があるべきところにありません", \
      "did not find the expected '>'") \
    X(E_LIBYAML_FOUND_A_TAB_CHARACTER_THAT_VIOLATES_INDENTATION, "字下げを乱すタブ文字があります", \
      "found a tab character that violates indentation") \
    X(E_LIBYAML_FOUND_A_TAB_CHARACTER_WHERE_AN_INDENTATION_SPACE_IS_EXPECTED, "字下げの空白があるべきところにタブ文字があります", \
      "found a tab character where an indentation space is expected") \
    X(E_LIBYAML_FOUND_AN_INCORRECT_LEADING_UTF8_OCTET, "UTF-8 の先頭バイトが正しくありません", \
      "found an incorrect leading UTF-8 octet") \
    X(E_LIBYAML_FOUND_AN_INCORRECT_TRAILING_UTF8_OCTET, "UTF-8 の後続バイトが正しくありません", \
      "found an incorrect trailing UTF-8 octet") \
    X(E_LIBYAML_FOUND_AN_INDENTATION_INDICATOR_EQUAL_TO_0, "字下げの指定が 0 です", \
      "found an indentation indicator equal to 0") \
    X(E_LIBYAML_FOUND_CHARACTER_THAT_CANNOT_START_ANY_TOKEN, "ここに書けない文字があります（どの要素も始められない文字）", \
      "found character that cannot start any token") \
    X(E_LIBYAML_FOUND_DUPLICATE_PCT_TAG_DIRECTIVE, "%TAG ディレクティブが重複しています", \
      "found duplicate %TAG directive") \
    X(E_LIBYAML_FOUND_DUPLICATE_PCT_YAML_DIRECTIVE, "%YAML ディレクティブが重複しています", \
      "found duplicate %YAML directive") \
    X(E_LIBYAML_FOUND_EXTREMELY_LONG_VERSION_NUMBER, "バージョン番号が長すぎます", \
      "found extremely long version number") \
    X(E_LIBYAML_FOUND_INCOMPATIBLE_YAML_DOCUMENT, "互換性のない YAML 文書です", \
      "found incompatible YAML document") \
    X(E_LIBYAML_FOUND_INVALID_UNICODE_CHARACTER_ESCAPE_CODE, "Unicode 文字のエスケープが正しくありません", \
      "found invalid Unicode character escape code") \
    X(E_LIBYAML_FOUND_UNDEFINED_ALIAS, "定義されていないエイリアスがあります", \
      "found undefined alias") \
    X(E_LIBYAML_FOUND_UNDEFINED_TAG_HANDLE, "定義されていないタグハンドルがあります", \
      "found undefined tag handle") \
    X(E_LIBYAML_FOUND_UNEXPECTED_COLON, "予期しない ':' があります", \
      "found unexpected ':'") \
    X(E_LIBYAML_FOUND_UNEXPECTED_DOCUMENT_INDICATOR, "予期しない文書の区切り（--- か ...）があります", \
      "found unexpected document indicator") \
    X(E_LIBYAML_FOUND_UNEXPECTED_END_OF_STREAM, "途中でファイルが終わっています", \
      "found unexpected end of stream") \
    X(E_LIBYAML_FOUND_UNEXPECTED_NON_ALPHABETICAL_CHARACTER, "予期しない英字以外の文字があります", \
      "found unexpected non-alphabetical character") \
    X(E_LIBYAML_FOUND_UNKNOWN_DIRECTIVE_NAME, "不明なディレクティブ名です", \
      "found unknown directive name") \
    X(E_LIBYAML_FOUND_UNKNOWN_ESCAPE_CHARACTER, "不明なエスケープ文字です", \
      "found unknown escape character") \
    X(E_LIBYAML_INCOMPATIBLE_PCT_YAML_DIRECTIVE, "互換性のない %YAML ディレクティブです", \
      "incompatible %YAML directive") \
    X(E_LIBYAML_INCOMPLETE_UTF16_CHARACTER, "UTF-16 の文字が途中で切れています", \
      "incomplete UTF-16 character") \
    X(E_LIBYAML_INCOMPLETE_UTF16_SURROGATE_PAIR, "UTF-16 のサロゲートペアが途中で切れています", \
      "incomplete UTF-16 surrogate pair") \
    X(E_LIBYAML_INCOMPLETE_UTF8_OCTET_SEQUENCE, "UTF-8 のバイト列が途中で切れています", \
      "incomplete UTF-8 octet sequence") \
    X(E_LIBYAML_INPUT_ERROR, "入力エラー", \
      "input error") \
    X(E_LIBYAML_INPUT_IS_TOO_LONG, "入力が長すぎます", \
      "input is too long") \
    X(E_LIBYAML_INVALID_UNICODE_CHARACTER, "使えない Unicode 文字です", \
      "invalid Unicode character") \
    X(E_LIBYAML_INVALID_LEADING_UTF8_OCTET, "UTF-8 の先頭バイトが正しくありません", \
      "invalid leading UTF-8 octet") \
    X(E_LIBYAML_INVALID_LENGTH_OF_A_UTF8_SEQUENCE, "UTF-8 のバイト列の長さが正しくありません", \
      "invalid length of a UTF-8 sequence") \
    X(E_LIBYAML_INVALID_TRAILING_UTF8_OCTET, "UTF-8 の後続バイトが正しくありません", \
      "invalid trailing UTF-8 octet") \
    X(E_LIBYAML_MAPPING_KEYS_ARE_NOT_ALLOWED_IN_THIS_CONTEXT, "ここではマッピングのキーは使えません", \
      "mapping keys are not allowed in this context") \
    X(E_LIBYAML_MAPPING_VALUES_ARE_NOT_ALLOWED_IN_THIS_CONTEXT, "ここではマッピングの値は使えません（':' の使い方か字下げを確かめてください）", \
      "mapping values are not allowed in this context") \
    X(E_LIBYAML_UNEXPECTED_LOW_SURROGATE_AREA, "予期しない下位サロゲートがあります", \
      "unexpected low surrogate area") \
    X(E_LIBYAML_PARSING_A_PCT_TAG_DIRECTIVE, "%TAG ディレクティブを読んでいるところ", \
      "while parsing a %TAG directive") \
    X(E_LIBYAML_PARSING_A_BLOCK_COLLECTION, "ブロックのリストかマッピングを読んでいるところ", \
      "while parsing a block collection") \
    X(E_LIBYAML_PARSING_A_BLOCK_MAPPING, "ブロックのマッピングを読んでいるところ", \
      "while parsing a block mapping") \
    X(E_LIBYAML_PARSING_A_BLOCK_NODE, "ブロックの要素を読んでいるところ", \
      "while parsing a block node") \
    X(E_LIBYAML_PARSING_A_FLOW_MAPPING, "フローのマッピング { } を読んでいるところ", \
      "while parsing a flow mapping") \
    X(E_LIBYAML_PARSING_A_FLOW_NODE, "フローの要素を読んでいるところ", \
      "while parsing a flow node") \
    X(E_LIBYAML_PARSING_A_FLOW_SEQUENCE, "フローのリスト [ ] を読んでいるところ", \
      "while parsing a flow sequence") \
    X(E_LIBYAML_PARSING_A_NODE, "要素を読んでいるところ", \
      "while parsing a node") \
    X(E_LIBYAML_PARSING_A_QUOTED_SCALAR, "引用符で囲んだ値を読んでいるところ", \
      "while parsing a quoted scalar") \
    X(E_LIBYAML_PARSING_A_TAG, "タグを読んでいるところ", \
      "while parsing a tag") \
    X(E_LIBYAML_PARSING_A_TAG_DIRECTIVE, "タグのディレクティブを読んでいるところ", \
      "while parsing a tag directive") \
    X(E_LIBYAML_SCANNING_A_PCT_TAG_DIRECTIVE, "%TAG ディレクティブを読んでいるところ", \
      "while scanning a %TAG directive") \
    X(E_LIBYAML_SCANNING_A_PCT_YAML_DIRECTIVE, "%YAML ディレクティブを読んでいるところ", \
      "while scanning a %YAML directive") \
    X(E_LIBYAML_SCANNING_A_BLOCK_SCALAR, "ブロックの値を読んでいるところ", \
      "while scanning a block scalar") \
    X(E_LIBYAML_SCANNING_A_DIRECTIVE, "ディレクティブを読んでいるところ", \
      "while scanning a directive") \
    X(E_LIBYAML_SCANNING_A_PLAIN_SCALAR, "引用符のない値を読んでいるところ", \
      "while scanning a plain scalar") \
    X(E_LIBYAML_SCANNING_A_QUOTED_SCALAR, "引用符で囲んだ値を読んでいるところ", \
      "while scanning a quoted scalar") \
    X(E_LIBYAML_SCANNING_A_SIMPLE_KEY, "キーを読んでいるところ", \
      "while scanning a simple key") \
    X(E_LIBYAML_SCANNING_A_TAG, "タグを読んでいるところ", \
      "while scanning a tag") \
    X(E_LIBYAML_SCANNING_A_TAG_DIRECTIVE, "タグのディレクティブを読んでいるところ", \
      "while scanning a tag directive") \
    X(E_LIBYAML_SCANNING_AN_ALIAS, "エイリアスを読んでいるところ", \
      "while scanning an alias") \
    X(E_LIBYAML_SCANNING_AN_ANCHOR, "アンカーを読んでいるところ", \
      "while scanning an anchor") \
    X(E_LIBYAML_SCANNING_FOR_THE_NEXT_TOKEN, "次の要素を探しているところ", \
      "while scanning for the next token") \
    /* end */

/* SQLite's result codes, as sqlite3_errstr words them. */
#define TT_TERMS_SQLITE(X) \
    X(E_SQLITE_ERROR, "SQL の論理エラー", \
      "SQL logic error") \
    X(E_SQLITE_PERM, "アクセスが許可されていません", \
      "access permission denied") \
    X(E_SQLITE_ABORT, "問い合わせが中止されました", \
      "query aborted") \
    X(E_SQLITE_BUSY, "データベースがロックされています（ほかの処理が使用中です）", \
      "database is locked") \
    X(E_SQLITE_LOCKED, "データベースの表がロックされています", \
      "database table is locked") \
    X(E_SQLITE_NOMEM, "メモリーが足りません", \
      "out of memory") \
    X(E_SQLITE_READONLY, "読み取り専用のデータベースに書き込もうとしました", \
      "attempt to write a readonly database") \
    X(E_SQLITE_INTERRUPT, "中断されました", \
      "interrupted") \
    X(E_SQLITE_IOERR, "ディスクの入出力エラー", \
      "disk I/O error") \
    X(E_SQLITE_CORRUPT, "データベースファイルが壊れています", \
      "database disk image is malformed") \
    X(E_SQLITE_FULL, "データベースまたはディスクがいっぱいです", \
      "database or disk is full") \
    X(E_SQLITE_CANTOPEN, "データベースファイルを開けません", \
      "unable to open database file") \
    X(E_SQLITE_PROTOCOL, "ロックのプロトコルエラー", \
      "locking protocol") \
    X(E_SQLITE_SCHEMA, "データベースのスキーマが変わりました", \
      "database schema has changed") \
    X(E_SQLITE_TOOBIG, "文字列または BLOB が大きすぎます", \
      "string or blob too big") \
    X(E_SQLITE_CONSTRAINT, "制約に違反しています", \
      "constraint failed") \
    X(E_SQLITE_MISMATCH, "データ型が一致しません", \
      "datatype mismatch") \
    X(E_SQLITE_MISUSE, "引数が正しくないか、API の使い方が誤っています", \
      "bad parameter or other API misuse") \
    X(E_SQLITE_AUTH, "認可されていません", \
      "authorization denied") \
    X(E_SQLITE_RANGE, "列の番号が範囲外です", \
      "column index out of range") \
    X(E_SQLITE_NOTADB, "データベースファイルではありません", \
      "file is not a database") \
    /* end */

/* Lua's own runtime errors (lua 5.4's ldebug.c, lauxlib.c): templates whose
 * %s are matched against the message (and translated again themselves, so
 * " (upvalue 'x')" and "number expected, got nil" inside are worded too).
 * Lua type names and the script's names stay as they are: they are code. */
#define TT_TERMS_LUA(X) \
    X(E_LUA_INDEX_FMT, "%s の値を添字で参照しようとしました%s", \
      "attempt to index a %s value%s") \
    X(E_LUA_CALL_FMT, "%s の値を関数として呼び出そうとしました%s", \
      "attempt to call a %s value%s") \
    X(E_LUA_ARITH_FMT, "%s の値で算術演算をしようとしました%s", \
      "attempt to perform arithmetic on a %s value%s") \
    X(E_LUA_BITWISE_FMT, "%s の値でビット演算をしようとしました%s", \
      "attempt to perform bitwise operation on a %s value%s") \
    X(E_LUA_CONCAT_FMT, "%s の値を連結しようとしました%s", \
      "attempt to concatenate a %s value%s") \
    X(E_LUA_LENGTH_FMT, "%s の値の長さを取ろうとしました%s", \
      "attempt to get length of a %s value%s") \
    X(E_LUA_COMPARE_TWO_FMT, "%s の値どうしを比較しようとしました", \
      "attempt to compare two %s values") \
    X(E_LUA_COMPARE_FMT, "%s と %s を比較しようとしました", \
      "attempt to compare %s with %s") \
    X(E_LUA_BAD_ARGUMENT_FMT, "引数 #%s が正しくありません（'%s' の呼び出し: %s）", \
      "bad argument #%s to '%s' (%s)") \
    X(E_LUA_EXPECTED_GOT_FMT, "%s が必要ですが、%s です", \
      "%s expected, got %s") \
    X(E_LUA_NO_INTEGER, "数値を整数で表せません", \
      "number has no integer representation") \
    X(E_LUA_INDEX_NIL, "テーブルの添字が nil です", \
      "table index is nil") \
    X(E_LUA_INDEX_NAN, "テーブルの添字が NaN です", \
      "table index is NaN") \
    X(E_LUA_STACK_OVERFLOW, "スタックがあふれました（再帰が深すぎませんか？）", \
      "stack overflow") \
    X(E_LUA_FOR_INITIAL, "'for' の初期値は数値にしてください", \
      "'for' initial value must be a number") \
    X(E_LUA_FOR_LIMIT, "'for' の上限は数値にしてください", \
      "'for' limit must be a number") \
    X(E_LUA_FOR_STEP, "'for' の増分は数値にしてください", \
      "'for' step must be a number") \
    X(E_LUA_FOR_ZERO, "'for' の増分が 0 です", \
      "'for' step is zero") \
    X(E_LUA_UPVALUE_FMT, "（上位値 '%s'）", " (upvalue '%s')") \
    X(E_LUA_LOCAL_FMT, "（ローカル変数 '%s'）", " (local '%s')") \
    X(E_LUA_GLOBAL_FMT, "（グローバル変数 '%s'）", " (global '%s')") \
    X(E_LUA_FIELD_FMT, "（フィールド '%s'）", " (field '%s')") \
    X(E_LUA_METHOD_FMT, "（メソッド '%s'）", " (method '%s')") \
    X(E_LUA_CONSTANT_FMT, "（定数 '%s'）", " (constant '%s')") \
    X(E_LUA_C_STACK_OVERFLOW, "C のスタックがあふれました（入れ子か再帰が深すぎませんか？）", \
      "C stack overflow") \
    /* The standard library's own words (lbaselib, lmathlib, ltablib, \
     * lstrlib, lutf8lib 5.4), inside "bad argument #N to 'f' (...)" or \
     * alone; a pattern's or format's item is a %s ('%b', '%y'). Before \
     * the parser's general "%s expected" and "missing %s". */ \
    X(E_LUA_INTERVAL_EMPTY, "区間が空です（最小値が最大値より大きい）", "interval is empty") \
    X(E_LUA_WRONG_ARG_COUNT, "引数の数が正しくありません", "wrong number of arguments") \
    X(E_LUA_WRONG_ARG_COUNT_TO_FMT, "'%s' の引数の数が正しくありません", \
      "wrong number of arguments to '%s'") \
    X(E_LUA_ZERO, "0 は使えません", "zero") \
    X(E_LUA_VALUE_EXPECTED, "値が必要です", "value expected") \
    X(E_LUA_NO_VALUE, "値がありません", "no value") \
    X(E_LUA_POSITION_OUT_OF_BOUNDS, "位置が範囲外です", "position out of bounds") \
    X(E_LUA_INITIAL_OUT_OF_BOUNDS, "開始位置が範囲外です", "initial position out of bounds") \
    X(E_LUA_FINAL_OUT_OF_BOUNDS, "終了位置が範囲外です", "final position out of bounds") \
    X(E_LUA_OUT_OF_BOUNDS, "範囲外です", "out of bounds") \
    X(E_LUA_INDEX_OUT_OF_RANGE, "番号が範囲外です", "index out of range") \
    X(E_LUA_BASE_OUT_OF_RANGE, "基数が範囲外です（2 から 36）", "base out of range") \
    X(E_LUA_VALUE_OUT_OF_RANGE, "値が範囲外です", "value out of range") \
    X(E_LUA_CONCAT_BAD_VALUE_FMT, "表の値が連結できません（%s 型、%s 番目、'%s' の表）", \
      "invalid value (%s) at index %s in table for '%s'") \
    X(E_LUA_SORT_ORDER, "並べ替えの比較関数が正しくありません（a < b と b < a が同時に成り立つなど）", \
      "invalid order function for sorting") \
    X(E_LUA_MOVE_WRAP, "移動先が整数の範囲を超えます", "destination wrap around") \
    X(E_LUA_MOVE_TOO_MANY, "移動する要素が多すぎます", "too many elements to move") \
    X(E_LUA_UNPACK_TOO_MANY, "unpack の結果が多すぎます", "too many results to unpack") \
    X(E_LUA_STRING_TOO_LARGE, "結果の文字列が大きすぎます", "resulting string too large") \
    X(E_LUA_SLICE_TOO_LONG, "文字列の切り出しが長すぎます", "string slice too long") \
    X(E_LUA_PATTERN_ENDS_FMT, "パターンが正しくありません（'%s' で終わっています）", \
      "malformed pattern (ends with '%s')") \
    X(E_LUA_PATTERN_BRACKET, "パターンが正しくありません（']' がありません）", \
      "malformed pattern (missing ']')") \
    X(E_LUA_PATTERN_BALANCE_FMT, "パターンが正しくありません（'%s' の引数がありません）", \
      "malformed pattern (missing arguments to '%s')") \
    X(E_LUA_PATTERN_FRONTIER_FMT, "パターンの '%s' の後に '[' がありません", \
      "missing '[' after '%s' in pattern") \
    X(E_LUA_CAPTURE_UNFINISHED, "キャプチャが閉じられていません", "unfinished capture") \
    X(E_LUA_CAPTURE_INVALID, "パターンのキャプチャが正しくありません", "invalid pattern capture") \
    X(E_LUA_CAPTURE_INDEX_FMT, "キャプチャの番号 %s が正しくありません", "invalid capture index %s") \
    X(E_LUA_CAPTURES_TOO_MANY, "キャプチャが多すぎます", "too many captures") \
    X(E_LUA_PATTERN_TOO_COMPLEX, "パターンが複雑すぎます", "pattern too complex") \
    X(E_LUA_REPLACEMENT_USE_FMT, "置き換え文字列の '%s' の使い方が正しくありません", \
      "invalid use of '%s' in replacement string") \
    X(E_LUA_REPLACEMENT_VALUE_FMT, "置き換えの値が正しくありません（%s 型）", \
      "invalid replacement value (a %s)") \
    X(E_LUA_FORMAT_CONVERSION_FMT, "'format' の変換指定 '%s' は使えません", \
      "invalid conversion '%s' to 'format'") \
    X(E_LUA_FORMAT_SPEC_FMT, "変換指定が正しくありません: '%s'", \
      "invalid conversion specification: '%s'") \
    X(E_LUA_NO_LITERAL, "この値はリテラルで書けません", "value has no literal form") \
    X(E_LUA_UTF8_INVALID, "UTF-8 の符号が正しくありません", "invalid UTF-8 code") \
    X(E_LUA_UTF8_CONTINUATION, "開始位置が UTF-8 の継続バイトです", \
      "initial position is a continuation byte") \
    X(E_LUA_PACK_SIZE_FMT, "整数の大きさ（%s）が範囲外です（%s）", \
      "integral size (%s) out of limits %s") \
    X(E_LUA_PACK_SIZE_MISSING_FMT, "書式 '%s' に大きさがありません", \
      "missing size for format option '%s'") \
    X(E_LUA_PACK_OPTION_FMT, "書式 '%s' は使えません", "invalid format option '%s'") \
    X(E_LUA_PACK_ALIGN, "書式の境界合わせが 2 のべき乗ではありません", \
      "format asks for alignment not power of 2") \
    X(E_LUA_INTEGER_OVERFLOW, "整数があふれます", "integer overflow") \
    X(E_LUA_DATA_TOO_SHORT, "データの文字列が短すぎます", "data string too short") \
    X(E_LUA_STRING_ZEROS, "文字列に 0 のバイトがあります", "string contains zeros") \
    X(E_LUA_STRING_LONGER, "文字列が指定の大きさより長いです", "string longer than given size") \
    X(E_LUA_UNFINISHED_Z_FMT, "書式 '%s' の文字列が終わっていません", \
      "unfinished string for format '%s'") \
    X(E_LUA_POSITION_OUT_OF_STRING, "開始位置が文字列の外です", "initial position out of string") \
    X(E_LUA_INTEGER_TOO_BIG_FMT, "%s バイトの整数は Lua の整数に収まりません", \
      "%s-byte integer does not fit into Lua Integer") \
    X(E_LUA_VARIABLE_LENGTH, "長さの決まらない書式です", "variable-length format") \
    X(E_LUA_PROTECTED_METATABLE, "保護されたメタテーブルは変更できません", \
      "cannot change a protected metatable") \
    X(E_LUA_ASSERTION_FAILED, "assert が失敗しました", "assertion failed!") \
    X(E_LUA_NEXT_KEY, "'next' のキーが正しくありません", "invalid key to 'next'") \
    /* The parser's and the lexer's messages (lparser.c, llex.c): "MESSAGE \
     * near TOKEN", the message and the token worded again; particular \
     * entries before the general "%s expected". */ \
    X(E_LUA_NEAR_FMT, "%s（%s の付近）", "%s near %s") \
    X(E_LUA_EOF, "ファイルの終わり", "<eof>") \
    X(E_LUA_UNEXPECTED_SYMBOL, "予期しない記号です", "unexpected symbol") \
    X(E_LUA_TO_CLOSE_FMT, "%s が必要です（%s を閉じるもの。%s 行目から）", \
      "%s expected (to close %s at line %s)") \
    X(E_LUA_NAME_EXPECTED, "名前が必要です", "<name> expected") \
    X(E_LUA_ARGS_EXPECTED, "関数の引数が必要です", "function arguments expected") \
    X(E_LUA_HEX_EXPECTED, "16 進数の数字が必要です", "hexadecimal digit expected") \
    X(E_LUA_TOKEN_EXPECTED_FMT, "%s が必要です", "%s expected") \
    X(E_LUA_UNFINISHED_STRING, "文字列が閉じられていません", "unfinished string") \
    X(E_LUA_UNFINISHED_LONG_STRING_FMT, "長い文字列が閉じられていません（%s 行目から）", \
      "unfinished long string (starting at line %s)") \
    X(E_LUA_UNFINISHED_LONG_COMMENT_FMT, "長いコメントが閉じられていません（%s 行目から）", \
      "unfinished long comment (starting at line %s)") \
    X(E_LUA_LONG_DELIMITER, "長い文字列の区切りが正しくありません", \
      "invalid long string delimiter") \
    X(E_LUA_MALFORMED_NUMBER, "数値の書き方が正しくありません", "malformed number") \
    X(E_LUA_BAD_ESCAPE, "エスケープシーケンスが正しくありません", "invalid escape sequence") \
    X(E_LUA_DECIMAL_ESCAPE, "10 進のエスケープが大きすぎます", "decimal escape too large") \
    X(E_LUA_UTF8_TOO_LARGE, "UTF-8 の値が大きすぎます", "UTF-8 value too large") \
    X(E_LUA_VARARG_OUTSIDE, "'...' は可変長引数の関数の中でしか使えません", \
      "cannot use '...' outside a vararg function") \
    X(E_LUA_SYNTAX_ERROR, "構文エラーです", "syntax error") \
    X(E_LUA_MISSING_FMT, "%s がありません", "missing %s") \
    X(E_LUA_BREAK_OUTSIDE_FMT, "%s 行目の break がループの外にあります", \
      "break outside loop at line %s") \
    X(E_LUA_BREAK_OUTSIDE_A_FMT, "%s 行目の break がループの外にあります", \
      "break outside a loop at line %s") \
    X(E_LUA_GOTO_INTO_SCOPE_FMT, "<goto %s>（%s 行目）がローカル変数 '%s' のスコープの中へ飛んでいます", \
      "<goto %s> at line %s jumps into the scope of local '%s'") \
    X(E_LUA_TWO_TO_CLOSE, "local の並びに to-be-closed 変数が2つ以上あります", \
      "multiple to-be-closed variables in local list") \
    X(E_LUA_NO_LABEL_FMT, "ラベル '%s' が見えません（%s 行目の goto）", \
      "no visible label '%s' for <goto> at line %s") \
    X(E_LUA_LABEL_TWICE_FMT, "ラベル '%s' は %s 行目で定義済みです", \
      "label '%s' already defined on line %s") \
    X(E_LUA_CONST_ASSIGN_FMT, "定数 '%s' に代入しようとしました", \
      "attempt to assign to const variable '%s'") \
    X(E_LUA_UNKNOWN_ATTRIBUTE_FMT, "不明な属性 '%s' です", "unknown attribute '%s'") \
    X(E_LUA_TOO_MANY_FMT, "%s が多すぎます（上限 %s、%s）", "too many %s (limit is %s) in %s") \
    X(E_LUA_MAIN_FUNCTION, "メインの関数", "main function") \
    X(E_LUA_FUNCTION_AT_FMT, "%s 行目の関数", "function at line %s") \
    X(E_LUA_LOCALS, "ローカル変数", "local variables") \
    X(E_LUA_UPVALUES, "上位値", "upvalues") \
    X(E_LUA_CONTROL_TOO_LONG, "制御構造が長すぎます", "control structure too long") \
    X(E_LUA_TOO_MANY_REGISTERS, "関数か式のレジスターが多すぎます", \
      "function or expression needs too many registers") \
    X(E_LUA_TOO_MANY_LINES, "行が多すぎます", "chunk has too many lines") \
    X(E_LUA_TOKEN_TOO_LONG, "字句が長すぎます", "lexical element too long") \
    /* end */

/* dlerror()'s texts (glibc's dl-*.c), same templates as Lua's; an OS text
 * inside ("No such file or directory") is worded as tt_os_error words it. */
#define TT_TERMS_DL(X) \
    X(E_DL_CANNOT_OPEN_FMT, "%s: 共有オブジェクトファイルを開けません: %s", \
      "%s: cannot open shared object file: %s") \
    X(E_DL_UNDEFINED_SYMBOL_FMT, "%s: 未定義のシンボル: %s", "%s: undefined symbol: %s") \
    X(E_DL_WRONG_CLASS_FMT, "%s: ELF のクラスが違います: %s", "%s: wrong ELF class: %s") \
    X(E_DL_BAD_HEADER_FMT, "%s: ELF ヘッダーが正しくありません", "%s: invalid ELF header") \
    X(E_DL_TOO_SHORT_FMT, "%s: ファイルが短すぎます", "%s: file too short") \
    X(E_DL_CANNOT_READ_FMT, "%s: ファイルのデータを読めません: %s", \
      "%s: cannot read file data: %s") \
    /* end */

/* What a library said when the table has no entry for it: the library's
 * own text goes in the parentheses. */
#define E_OS_OTHER_FMT_TEXT "システムのエラー（%s）", "%s"
#define E_LIBYAML_OTHER_FMT_TEXT "YAML を読めません（%s）", "%s"
#define E_SQLITE_OTHER_FMT_TEXT "データベースのエラー（%s）", "%s"
/* libpq's messages: libpq words (and may translate) them itself. */
#define E_PQ_OTHER_FMT_TEXT "PostgreSQL のエラー（%s）", "%s"
/* An entry's text with the library's more particular words after it
 * (SQLite's "no such table: x" after "SQL logic error"). */
#define E_LIB_DETAIL_FMT_TEXT "%s（%s）", "%s (%s)"

#define TT_TERMS_LIBS(X) \
    TT_OS_ERRORS(TT_OS_AS_TERM_, X) \
    TT_TERMS_LIBYAML(X) \
    TT_TERMS_SQLITE(X) \
    TT_TERMS_LUA(X) \
    TT_TERMS_DL(X) \
    X(E_OS_OTHER_FMT, E_OS_OTHER_FMT_TEXT) \
    X(E_PQ_OTHER_FMT, E_PQ_OTHER_FMT_TEXT) \
    X(E_LIBYAML_OTHER_FMT, E_LIBYAML_OTHER_FMT_TEXT) \
    X(E_SQLITE_OTHER_FMT, E_SQLITE_OTHER_FMT_TEXT) \
    X(E_LIB_DETAIL_FMT, E_LIB_DETAIL_FMT_TEXT)

#endif
