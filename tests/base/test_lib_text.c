/* The OS's and the libraries' own texts inside messages (strerror, libyaml's
 * problems and contexts, SQLite's result codes) exist in Japanese and
 * English: tt_os_error and tt_lib_text word them from the terms table
 * (include/tabletop/terms_libs.h), whose English column must be the
 * library's text exactly, or the Japanese would never be found. */
#define _GNU_SOURCE /* dladdr, memmem */
#include <dlfcn.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>
#include <sqlite3.h>
#include <yaml.h>

#include "tabletop/terms.h"

/* Two ASCII letters in a row: English left in a Japanese text. */
static bool has_latin_word(const char *s)
{
    for (; s[0] && s[1]; s++)
        if (((s[0] | 32) >= 'a' && (s[0] | 32) <= 'z') && ((s[1] | 32) >= 'a' && (s[1] | 32) <= 'z'))
            return true;
    return false;
}

static const struct {
    int code;
    tt_term term;
    const char *name;
} os[] = {
#define OS_ROW(X, code, ja, en) { code, E_OS_##code, #code },
    TT_OS_ERRORS(OS_ROW, unused)
#undef OS_ROW
};

static void os_errors_in_both_languages(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof os / sizeof os[0]; i++) {
        const char *en = tt_term_text(os[i].term, TT_LANG_EN);
        const char *ja = tt_term_text(os[i].term, TT_LANG_JA);
        if (strcmp(en, strerror(os[i].code)) != 0)
            fail_msg("%s: the English column '%s' is not strerror's '%s'", os[i].name, en,
                     strerror(os[i].code));
        if (has_latin_word(ja))
            fail_msg("%s: English in the Japanese column: %s", os[i].name, ja);
        tt_lang_messages_set(TT_LANG_JA);
        errno = EINTR;
        assert_string_equal(tt_os_error(os[i].code), ja);
        assert_int_equal(errno, EINTR); /* kept for the caller */
        tt_lang_messages_set(TT_LANG_EN);
        assert_string_equal(tt_os_error(os[i].code), strerror(os[i].code));
    }
    /* The common ones have their own words. */
    static const int common[] = { ENOENT, EACCES, EPERM, EISDIR, ENOTDIR, ENOSPC, EROFS, EEXIST,
                                  ENAMETOOLONG, ELOOP, EMFILE, ENFILE, EIO, ENOMEM, EBUSY,
                                  EADDRINUSE, EADDRNOTAVAIL, ECONNREFUSED, EDQUOT, EFBIG, EXDEV };
    tt_lang_messages_set(TT_LANG_JA);
    for (size_t k = 0; k < sizeof common / sizeof common[0]; k++)
        if (strstr(tt_os_error(common[k]), "システムのエラー"))
            fail_msg("errno %d has no Japanese entry: %s", common[k], tt_os_error(common[k]));
    assert_string_equal(tt_os_error(ENOENT), "ファイルまたはフォルダーがありません");
    /* One without an entry keeps the OS's words in parentheses. */
    char want[512];
    snprintf(want, sizeof want, "システムのエラー（%s）", strerror(EDOM));
    assert_string_equal(tt_os_error(EDOM), want);
    /* Two in one message do not overwrite each other. */
    const char *a = tt_os_error(EDOM), *b = tt_os_error(ECHILD);
    assert_string_equal(a, want);
    assert_true(strstr(b, strerror(ECHILD)) != NULL);
    tt_lang_messages_set(TT_LANG_EN);
    assert_string_equal(tt_os_error(EDOM), strerror(EDOM));
}

static const tt_term sqlite_terms[] = {
#define ID(name, ...) name,
    TT_TERMS_SQLITE(ID)
};
static const tt_term yaml_terms[] = {
    TT_TERMS_LIBYAML(ID)
#undef ID
};

static void sqlite_codes_in_both_languages(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof sqlite_terms / sizeof sqlite_terms[0]; i++) {
        const char *en = tt_term_text(sqlite_terms[i], TT_LANG_EN);
        bool found = false;
        for (int code = 1; code < 32 && !found; code++)
            found = strcmp(sqlite3_errstr(code), en) == 0;
        if (!found)
            fail_msg("%s: '%s' is no sqlite3_errstr text", tt_term_key(sqlite_terms[i]), en);
    }
    /* Every code a history can meet has an entry. */
    static const int codes[] = { SQLITE_ERROR, SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED,
                                 SQLITE_NOMEM, SQLITE_READONLY, SQLITE_IOERR, SQLITE_CORRUPT,
                                 SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_CONSTRAINT, SQLITE_NOTADB };
    tt_lang_messages_set(TT_LANG_JA);
    for (size_t k = 0; k < sizeof codes / sizeof codes[0]; k++) {
        const char *t = tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(codes[k]), sqlite3_errstr(codes[k]));
        if (has_latin_word(t) && !strstr(t, "SQL"))
            fail_msg("SQLite code %d: %s", codes[k], t);
    }
    assert_string_equal(tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(SQLITE_NOTADB), "file is not a database"),
                        "データベースファイルではありません");
    /* What SQLite says in particular stays, after the code's words. */
    assert_string_equal(tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(SQLITE_ERROR), "no such table: x"),
                        "SQL の論理エラー（no such table: x）");
    assert_string_equal(tt_lib_text(TT_LIB_SQLITE, "something new", "something new"),
                        "データベースのエラー（something new）");
    tt_lang_messages_set(TT_LANG_EN);
    assert_string_equal(tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(SQLITE_ERROR), "no such table: x"),
                        "no such table: x");
    assert_string_equal(tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(SQLITE_BUSY), NULL),
                        "database is locked");
}

/* libyaml's texts are not in its API: the entries are checked against the
 * library's own bytes, and against what a parser really says. */
static void yaml_problems_in_both_languages(void **state)
{
    (void)state;
    Dl_info info;
    assert_true(dladdr((void *)yaml_parser_initialize, &info) != 0 && info.dli_fname);
    FILE *f = fopen(info.dli_fname, "rb");
    assert_non_null(f);
    static char lib[1 << 22];
    size_t n = fread(lib, 1, sizeof lib, f);
    fclose(f);
    assert_true(n > 0 && n < sizeof lib);
    for (size_t i = 0; i < sizeof yaml_terms / sizeof yaml_terms[0]; i++) {
        const char *en = tt_term_text(yaml_terms[i], TT_LANG_EN);
        if (!memmem(lib, n, en, strlen(en) + 1))
            fail_msg("%s: '%s' is not a text of %s", tt_term_key(yaml_terms[i]), en, info.dli_fname);
        assert_string_not_equal(tt_term_text(yaml_terms[i], TT_LANG_JA), en);
    }
    static const char *const bad[] = { "a: [1, 2\n", "a: b\n\tc: d\n", "a: b: c\n", "- a\nb: c\n",
                                       "a: 'x\n", "@x\n", "{a: 1\n" };
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        yaml_parser_t p;
        assert_true(yaml_parser_initialize(&p));
        yaml_parser_set_input_string(&p, (const unsigned char *)bad[k], strlen(bad[k]));
        yaml_event_t ev;
        bool failed = false;
        for (int steps = 0; steps < 100 && !failed; steps++) {
            if (!yaml_parser_parse(&p, &ev)) {
                failed = true;
                break;
            }
            bool end = ev.type == YAML_STREAM_END_EVENT;
            yaml_event_delete(&ev);
            if (end)
                break;
        }
        assert_true(failed);
        tt_lang_messages_set(TT_LANG_JA);
        const char *problem = tt_lib_text(TT_LIB_YAML, p.problem, NULL);
        if (strstr(problem, "YAML を読めません"))
            fail_msg("'%s': libyaml's '%s' has no Japanese entry", bad[k], p.problem);
        if (p.context && strstr(tt_lib_text(TT_LIB_YAML, p.context, NULL), "YAML を読めません"))
            fail_msg("'%s': libyaml's '%s' has no Japanese entry", bad[k], p.context);
        tt_lang_messages_set(TT_LANG_EN);
        assert_string_equal(tt_lib_text(TT_LIB_YAML, p.problem, NULL), p.problem);
        yaml_parser_delete(&p);
    }
    tt_lang_messages_set(TT_LANG_JA);
    assert_string_equal(tt_lib_text(TT_LIB_YAML, "did not find expected key", NULL),
                        "キーがあるべきところにありません（字下げを確かめてください）");
    assert_string_equal(tt_lib_text(TT_LIB_YAML, "expected SCALAR", NULL), "YAML を読めません（expected SCALAR）");
    assert_string_equal(tt_lib_text(TT_LIB_YAML, NULL, NULL), "不明な問題");
    tt_lang_messages_set(TT_LANG_EN);
}

/* Lua's runtime errors: templates, with the parts inside worded again. */
static void lua_errors_in_both_languages(void **state)
{
    (void)state;
    static const struct { const char *en, *ja; } cases[] = {
        { "attempt to index a nil value (upvalue 'x')", "nil の値を添字で参照しようとしました（上位値 'x'）" },
        { "attempt to call a nil value (global 'foo')", "nil の値を関数として呼び出そうとしました（グローバル変数 'foo'）" },
        { "attempt to perform arithmetic on a string value (field 'count')",
          "string の値で算術演算をしようとしました（フィールド 'count'）" },
        { "attempt to concatenate a table value", "table の値を連結しようとしました" },
        { "attempt to compare number with nil", "number と nil を比較しようとしました" },
        { "attempt to compare two table values", "table の値どうしを比較しようとしました" },
        { "bad argument #1 to 'insert' (table expected, got nil)",
          "引数 #1 が正しくありません（'insert' の呼び出し: table が必要ですが、nil です）" },
        { "number has no integer representation", "数値を整数で表せません" },
        { "stack overflow", "スタックがあふれました（再帰が深すぎませんか？）" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        tt_lang_messages_set(TT_LANG_JA);
        assert_string_equal(tt_lib_text(TT_LIB_LUA, cases[k].en, NULL), cases[k].ja);
        tt_lang_messages_set(TT_LANG_EN);
        assert_string_equal(tt_lib_text(TT_LIB_LUA, cases[k].en, NULL), cases[k].en);
    }
    /* A script's own error() text is the author's: as written. */
    tt_lang_messages_set(TT_LANG_JA);
    assert_string_equal(tt_lib_text(TT_LIB_LUA, "ログがありません", NULL), "ログがありません");
    assert_string_equal(tt_lib_text(TT_LIB_LUA, "attempt to index", NULL), "attempt to index");
    static char long_text[4096];
    memset(long_text, 'a', sizeof long_text - 1);
    memcpy(long_text, "stack overflow", 14);
    assert_ptr_equal(tt_lib_text(TT_LIB_LUA, long_text, NULL), long_text);
    tt_lang_messages_set(TT_LANG_EN);
}

/* Lua's compile errors, made by Lua's own parser from bad chunks: every
 * one gets a Japanese template, the message and the token after "near"
 * worded again. */
static void lua_compile_errors_in_both_languages(void **state)
{
    (void)state;
    static const struct { const char *chunk, *ja; } cases[] = {
        { "x = = 1", "予期しない記号です（'=' の付近）" },
        { "local function f()\n  return 1\n",
          "'end' が必要です（'function' を閉じるもの。1 行目から）（ファイルの終わり の付近）" },
        { "x = \"abc\n", "文字列が閉じられていません（'\"abc' の付近）" },
        { "x = [[abc", "長い文字列が閉じられていません（1 行目から）（ファイルの終わり の付近）" },
        { "--[[ abc", NULL },
        { "x = 3x", "数値の書き方が正しくありません（'3x' の付近）" },
        { "x = '\\q'", NULL },
        { "local t = { 1, 2", NULL },
        { "f(", NULL },
        { "local 1 = 2", "名前が必要です（'1' の付近）" },
        { "x = 1 y", "構文エラーです（ファイルの終わり の付近）" },
        { "break", "1 行目の break がループの外にあります" },
        { "goto nowhere", NULL },
        { "::a:: ::a::", NULL },
        { "local x <const> = 1; x = 2", "定数 'x' に代入しようとしました" },
        { "local x <bogus> = 1", NULL },
        { "function f() return ... end", NULL },
        { "x = '\\300'", NULL },
        { "x = '\\u{7FFFFFFFF}'", NULL },
        { "x = '\\xZZ'", NULL },
        { "x = [==[ a ]=]", NULL },
        { "if x then", NULL },
        { "x = {", NULL },
        { "a.b:c = 1", NULL },
        { "for i = 1 do end", "',' が必要です（'do' の付近）" },
        { "local a <close>, b <close> = 1, 2", NULL },
        { "do goto l end local x ::l:: print(x)", NULL },
        { "x = '\\u{12'", NULL },
    };
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        if (luaL_loadbufferx(L, cases[k].chunk, strlen(cases[k].chunk), "=x", "t") == LUA_OK)
            fail_msg("'%s' compiled", cases[k].chunk);
        const char *msg = lua_tostring(L, -1);
        assert_non_null(msg);
        const char *colon = strchr(msg + 2, ':'); /* "x:LINE: MESSAGE" */
        assert_non_null(colon);
        const char *en = colon + 2;
        tt_lang_messages_set(TT_LANG_JA);
        const char *ja = tt_lib_text(TT_LIB_LUA, en, NULL);
        if (strcmp(ja, en) == 0)
            fail_msg("'%s': Lua's '%s' has no Japanese template", cases[k].chunk, en);
        if (strstr(ja, " near ") || strstr(ja, " expected"))
            fail_msg("'%s': English left in '%s'", cases[k].chunk, ja);
        if (cases[k].ja)
            assert_string_equal(ja, cases[k].ja);
        tt_lang_messages_set(TT_LANG_EN);
        assert_string_equal(tt_lib_text(TT_LIB_LUA, en, NULL), en);
        lua_pop(L, 1);
    }
    lua_close(L);
}

/* The standard library's own words, made by Lua's libraries at run time
 * (the sandbox keeps them): none is left in English in a Japanese message.
 * `gone` is the English that must not remain. */
static void lua_library_errors_in_both_languages(void **state)
{
    (void)state;
    static const struct { const char *chunk, *gone; } cases[] = {
        { "math.random(1, 0)", "interval is empty" },
        { "math.random(1, 2, 3)", "wrong number" },
        { "math.fmod(1, 0)", "(zero)" },
        { "math.max()", "value expected" },
        { "string.format('%d')", "no value" },
        { "table.insert({}, 1, 2, 3)", "wrong number" },
        { "table.insert({}, 5, 1)", "out of bounds" },
        { "table.concat({{}})", "invalid value" },
        { "table.sort({3,2,1,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20}, function() return true end)",
          "invalid order" },
        { "table.move({}, 1, math.maxinteger, 2)", "wrap around" },
        { "table.move({}, -1, math.maxinteger, 2)", "too many elements" },
        { "table.unpack({}, 1, 1e7)", "too many results" },
        { "string.rep('xx', math.maxinteger)", "too large" },
        { "('x'):find('%')", "malformed" },
        { "('x'):find('[a')", "malformed" },
        { "('x'):find('%b')", "malformed" },
        { "('x'):find('%f')", "missing" },
        { "('x'):find('(')", "unfinished" },
        { "('x'):find('%1')", "invalid capture" },
        { "('x'):gsub('x', '%z')", "invalid use" },
        { "('x'):gsub('x', { x = {} })", "invalid replacement" },
        { "string.format('%y', 1)", "invalid conversion" },
        { "string.format('%10.1000f', 1)", "invalid conversion" },
        { "string.format('%q', {})", "literal form" },
        { "string.char(256)", "out of range" },
        { "utf8.codepoint('\\xff')", "invalid UTF-8" },
        { "utf8.offset('\\x80', 1)", "continuation" },
        { "utf8.len('abc', 10)", "out of bounds" },
        { "utf8.codepoint('abc', 10)", "out of bounds" },
        { "string.pack('i17', 1)", "out of limits" },
        { "string.pack('c', 'x')", "missing size" },
        { "string.pack('y', 1)", "invalid format" },
        { "string.pack('!3i4', 1)", "alignment" },
        { "string.pack('i1', 1000)", "overflow" },
        { "string.unpack('i4', 'x')", "too short" },
        { "string.pack('z', 'a\\0b')", "zeros" },
        { "string.pack('c1', 'ab')", "longer than" },
        { "string.unpack('z', 'abc')", "unfinished" },
        { "string.unpack('i4', 'abcd', 10)", "out of string" },
        { "string.unpack('i16', ('\\xff'):rep(15) .. '\\x7f')", "does not fit" },
        { "string.packsize('s')", "variable-length" },
        { "select(0, 1)", "out of range" },
        { "tonumber('1', 99)", "out of range" },
        { "setmetatable(setmetatable({}, { __metatable = 1 }), {})", "protected" },
        { "assert(false)", "assertion" },
        { "next({}, 'nope')", "invalid key" },
    };
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        assert_int_equal(luaL_loadbufferx(L, cases[k].chunk, strlen(cases[k].chunk), "=x", "t"), LUA_OK);
        if (lua_pcall(L, 0, 0, 0) == LUA_OK)
            fail_msg("'%s' ran", cases[k].chunk);
        const char *msg = lua_tostring(L, -1);
        assert_non_null(msg);
        const char *en = strncmp(msg, "x:1: ", 5) == 0 ? msg + 5 : msg; /* "x:1: MESSAGE" */
        if (!strstr(en, cases[k].gone))
            fail_msg("'%s': Lua said '%s' (the case is out of date)", cases[k].chunk, en);
        tt_lang_messages_set(TT_LANG_JA);
        const char *ja = tt_lib_text(TT_LIB_LUA, en, NULL);
        if (strstr(ja, cases[k].gone) || strstr(ja, "bad argument") || strstr(ja, " expected"))
            fail_msg("'%s': English left in '%s'", cases[k].chunk, ja);
        tt_lang_messages_set(TT_LANG_EN);
        assert_string_equal(tt_lib_text(TT_LIB_LUA, en, NULL), en);
        lua_pop(L, 1);
    }
    lua_close(L);
}

/* dlerror()'s texts, made by the loader itself, and libpq's messages. */
static void loader_and_libpq_texts_in_both_languages(void **state)
{
    (void)state;
    void *h = dlopen("/nonexistent-tabletop/x.so", RTLD_NOW | RTLD_LOCAL);
    assert_null(h);
    char en[512];
    snprintf(en, sizeof en, "%s", dlerror());
    tt_lang_messages_set(TT_LANG_JA);
    assert_string_equal(tt_lib_text(TT_LIB_DL, en, NULL),
                        "/nonexistent-tabletop/x.so: 共有オブジェクトファイルを開けません: "
                        "ファイルまたはフォルダーがありません");
    /* A file that is no shared object: the loader's words for it. */
    char path[4096];
    const char *dir = getenv("TT_BUILD_DIR");
    snprintf(path, sizeof path, "%s/tt-notelf-XXXXXX.so", dir ? dir : ".");
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    static const char junk[] = "this is not a shared object, only text long enough for a header";
    assert_int_equal(write(fd, junk, sizeof junk), (ssize_t)sizeof junk);
    close(fd);
    tt_lang_messages_set(TT_LANG_EN);
    h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    assert_null(h);
    snprintf(en, sizeof en, "%s", dlerror());
    unlink(path);
    tt_lang_messages_set(TT_LANG_JA);
    const char *ja = tt_lib_text(TT_LIB_DL, en, NULL);
    if (strcmp(ja, en) == 0 || !strstr(ja, path))
        fail_msg("the loader's '%s' has no Japanese template (got '%s')", en, ja);
    assert_string_equal(tt_lib_text(TT_LIB_PQ, "FATAL:  database \"x\" does not exist\n", NULL),
                        "PostgreSQL のエラー（FATAL:  database \"x\" does not exist）");
    tt_lang_messages_set(TT_LANG_EN);
    assert_string_equal(tt_lib_text(TT_LIB_DL, en, NULL), en);
    assert_string_equal(tt_lib_text(TT_LIB_PQ, "FATAL:  x\n", NULL), "FATAL:  x\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(os_errors_in_both_languages),
        cmocka_unit_test(sqlite_codes_in_both_languages),
        cmocka_unit_test(yaml_problems_in_both_languages),
        cmocka_unit_test(lua_errors_in_both_languages),
        cmocka_unit_test(lua_compile_errors_in_both_languages),
        cmocka_unit_test(lua_library_errors_in_both_languages),
        cmocka_unit_test(loader_and_libpq_texts_in_both_languages),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
