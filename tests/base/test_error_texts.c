/* The engine's error and warning messages come from the terms table
 * (include/tabletop/terms_errors.h, worded with TT_MSG), so they exist in
 * Japanese and English and are shown in the user's language. This scans
 * every source file under engine/ for an English-only literal handed to a
 * message function, and checks that both columns of every entry take the
 * same printf/Lua conversions. */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "source_scan.h"
#include "tabletop/terms.h"

/* The functions that word a message, and the index of the argument their
 * text starts at: arguments before it are files, lines, YAML paths, codes. */
static const struct { const char *name; int text_arg; } message_functions[] = {
    { "tt_error_set", 4 },    { "tt_error_runtime", 2 }, { "tt_error_set_as", 5 },
    { "yerror", 4 },          { "mf_fail", 2 },          { "tt_findings_add", 4 },
    { "finding", 3 },         { "luaL_error", 1 },       { "luaL_argerror", 2 },
    { "not_a_duration", 3 },  { "module_fail", 2 },      { "fail_run", 1 },
    { "sql_fail", 2 },        { "refuse_msg", 4 },       { "snprintf", 2 },
    { "mf_missing", 3 },      { "store_fail", 2 },      { "reply_error", 3 },
    { "web_error_json", 1 },  { "fail_res", 2 },        { "fail_conn", 2 },
};

/* snprintf words a message when it writes into a buffer named so: a name
 * in its first argument holds one of these. */
static bool message_buffer(const scan_token *t)
{
    static const char *const names[] = { "why", "msg", "message", "reason" };
    if (t->kind != SCAN_IDENT)
        return false;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        for (size_t i = 0; i + strlen(names[k]) <= t->len; i++)
            if (memcmp(t->text + i, names[k], strlen(names[k])) == 0)
                return true;
    return false;
}

/* Words in a literal's text once conversions and escapes are taken out:
 * two letters in a row is prose ("%s: %s" and "%s (%d)" are not). */
static bool literal_has_words(const char *s, size_t len)
{
    int run = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\') {
            i++;
            run = 0;
            continue;
        }
        if (s[i] == '%') {
            i++;
            while (i < len && strchr("-+ #0123456789.*hlzjtLI", s[i]))
                i++;
            run = 0;
            continue;
        }
        run = isalpha((unsigned char)s[i]) ? run + 1 : 0;
        if (run >= 2)
            return true;
    }
    return false;
}

static bool opens(const scan_token *t)
{
    return scan_is_punct(t, '(') || scan_is_punct(t, '[') || scan_is_punct(t, '{');
}

static bool closes(const scan_token *t)
{
    return scan_is_punct(t, ')') || scan_is_punct(t, ']') || scan_is_punct(t, '}');
}

/* The arguments of the call whose '(' rd has just read: flags the first
 * literal with words from the function's text argument on (reported at
 * the call's line). Returns the findings. */
static int scan_call(const scan_file *f, scan_reader rd, int line, const char *name, int text_arg,
                     scan_report *r)
{
    int depth = 1, arg = 0;
    bool is_snprintf = strcmp(name, "snprintf") == 0, checked = !is_snprintf;
    scan_token t;
    while (depth > 0 && scan_next(&rd, &t)) {
        if (opens(&t)) {
            depth++;
        } else if (closes(&t)) {
            depth--;
        } else if (scan_is_punct(&t, ',') && depth == 1) {
            arg++;
        } else if (arg == 0 && is_snprintf && message_buffer(&t)) {
            checked = true;
        } else if (t.kind == SCAN_STRING && arg >= text_arg && checked &&
                   literal_has_words(t.text, t.len)) {
            scan_say(r, f->path, line, "English-only text in %s(): \"%.*s\"", name,
                     (int)(t.len > 60 ? 60 : t.len), t.text);
            return 1;
        }
    }
    return 0;
}

/* Every call of a message function in one file (not a member: x.finding()). */
static int english_only_messages(const scan_file *f, scan_report *r, void *ctx)
{
    (void)ctx;
    int found = 0;
    scan_reader rd;
    scan_reader_init(&rd, f);
    scan_token t, last = { 0 };
    while (scan_next(&rd, &t)) {
        bool member = scan_is_punct(&last, '.') || scan_is_punct(&last, '>');
        last = t;
        if (t.kind != SCAN_IDENT || member)
            continue;
        scan_reader after = rd;
        scan_token open;
        if (!scan_next(&after, &open) || !scan_is_punct(&open, '('))
            continue;
        for (size_t k = 0; k < sizeof message_functions / sizeof message_functions[0]; k++)
            if (scan_is_ident(&t, message_functions[k].name))
                found += scan_call(f, after, t.line, message_functions[k].name,
                                   message_functions[k].text_arg, r);
    }
    return found;
}

/* Files (relative to engine/) whose messages are still being moved into
 * terms_errors.h. This list only shrinks: a listed file found clean fails. */
static const char *const pending[] = {
    NULL,
};

static void engine_messages_come_from_the_table(void **state)
{
    (void)state;
    const char *source = getenv("TT_SOURCE_DIR");
    assert_non_null(source);
    char root[4096];
    snprintf(root, sizeof root, "%s/engine", source);
    static scan_report report;
    scan_report_init(&report);
    int files = scan_tree(root, "", true, pending, "test_error_texts.c", english_only_messages, NULL,
                          &report);
    assert_true(files > 100); /* the walk did reach the engine's sources */
    if (report.found)
        fail_msg("%d English-only message text(s) outside the terms table "
                 "(word them with TT_MSG and an entry of include/tabletop/terms_errors.h):\n%s",
                 report.found, report.text);
}

/* The scanner finds what it must (a test that cannot fail is none). */
static void the_scan_catches_english_only_messages(void **state)
{
    (void)state;
    static const char text[] =
        "/* tt_error_set(err, f, 1, 1, \"in a comment\"); */\n"
        "tt_error_set(err, file, 1, 2, TT_MSG(E_OUT_OF_MEMORY));\n"
        "tt_error_set(err, file, 1, 2, \"%s: %s\", a, b);\n"
        "tt_error_set(err, file, line, col,\n    \"duplicate key '%s'\", key);\n"
        "yerror(err, file, n, \"settings.x\", TT_MSG(E_OUT_OF_MEMORY));\n"
        "luaL_error(L, \"out of \" \"memory\");\n"
        "snprintf(why, sizeof why, \"too large\");\n"
        "snprintf(path, sizeof path, \"%s/%s.lua\", dir, id);\n"
        "tt_error_runtime(err, p, TT_MSG(E_CANNOT_READ_FMT), ok ? \"x\" : \"a list\");\n";
    scan_file f;
    assert_true(scan_file_from_text(&f, "tt-errtexts.c", text));
    static scan_report report;
    scan_report_init(&report);
    int n = english_only_messages(&f, &report, NULL);
    scan_file_free(&f);
    assert_int_equal(n, 4);
    assert_non_null(strstr(report.text, ":4: English-only text in tt_error_set(): \"duplicate key"));
    assert_non_null(strstr(report.text, ":7: English-only text in luaL_error(): \"out of \""));
    assert_non_null(strstr(report.text, ":8: English-only text in snprintf(): \"too large\""));
    assert_non_null(strstr(report.text, ":10: English-only text in tt_error_runtime(): \"a list\""));
}


/* ---- the OS's and the libraries' own texts ------------------------------
 * strerror, SQLite's and libyaml's texts are English whatever the user's
 * language: a message quotes them only through tt_os_error / tt_lib_text
 * (engine/base/lib_text.c, the terms table's terms_libs.h section). */
static const char *const library_text_functions[] = {
    "strerror", "strerror_r", "strerror_l", "sqlite3_errmsg", "sqlite3_errstr",
    "dlerror", "PQerrorMessage", "PQresultErrorMessage", "PQresultVerboseErrorMessage",
};

static bool mentions_libyaml(const scan_file *f)
{
    scan_reader rd;
    scan_reader_init(&rd, f);
    scan_token t;
    while (scan_next(&rd, &t))
        if (t.kind == SCAN_IDENT && t.len > 5 && memcmp(t.text, "yaml_", 5) == 0)
            return true;
    return false;
}

static int bare_library_texts(const scan_file *f, scan_report *r, void *ctx)
{
    (void)ctx;
    size_t len = strlen(f->path);
    if (len >= 15 && strcmp(f->path + len - 15, "base/lib_text.c") == 0)
        return 0; /* the one place that words them */
    bool yaml = mentions_libyaml(f);
    int found = 0, inside = 0; /* paren depth inside tt_lib_text(...) */
    scan_reader rd;
    scan_reader_init(&rd, f);
    scan_token t, last = { 0 };
    while (scan_next(&rd, &t)) {
        bool member = scan_is_punct(&last, '.') || scan_is_punct(&last, '>');
        last = t;
        if (inside) {
            inside += opens(&t) ? 1 : closes(&t) ? -1 : 0;
            continue;
        }
        if (t.kind != SCAN_IDENT)
            continue;
        scan_reader after = rd;
        scan_token next, next2;
        bool has_next = scan_next(&after, &next);
        bool call = has_next && scan_is_punct(&next, '(');
        if (call && scan_is_ident(&t, "tt_lib_text")) {
            scan_next(&rd, &next);
            last = next;
            inside = 1;
            continue;
        }
        for (size_t k = 0; call && !member && k < sizeof library_text_functions / sizeof library_text_functions[0]; k++)
            if (scan_is_ident(&t, library_text_functions[k])) {
                scan_say(r, f->path, t.line, "%s() quoted as is: word it with tt_os_error or tt_lib_text",
                         library_text_functions[k]);
                found++;
            }
        /* libyaml's problem/context texts: only tested (== / != NULL) outside tt_lib_text. */
        if (yaml && member && (scan_is_ident(&t, "problem") || scan_is_ident(&t, "context"))) {
            bool compared = has_next && (scan_is_punct(&next, '=') || scan_is_punct(&next, '!')) &&
                            scan_next(&after, &next2) && scan_is_punct(&next2, '=');
            if (!compared) {
                scan_say(r, f->path, t.line, "libyaml's %.*s quoted as is: word it with tt_lib_text",
                         (int)t.len, t.text);
                found++;
            }
        }
    }
    return found;
}

static void library_texts_go_through_the_table(void **state)
{
    (void)state;
    const char *source = getenv("TT_SOURCE_DIR");
    assert_non_null(source);
    char root[4096];
    snprintf(root, sizeof root, "%s/engine", source);
    static scan_report report;
    scan_report_init(&report);
    int files = scan_tree(root, "", true, NULL, "test_error_texts.c", bare_library_texts, NULL,
                          &report);
    assert_true(files > 100);
    if (report.found)
        fail_msg("%d OS or library text(s) quoted in English whatever the language "
                 "(tt_os_error(errno), tt_lib_text(TT_LIB_YAML/TT_LIB_SQLITE, ...)):\n%s",
                 report.found, report.text);
}

static void the_scan_catches_bare_library_texts(void **state)
{
    (void)state;
    static const char text[] =
        "static yaml_parser_t p;\n"
        "tt_error_runtime(err, f, TT_MSG(E_CANNOT_READ_FMT), strerror(errno));\n"
        "tt_error_runtime(err, f, TT_MSG(E_CANNOT_READ_FMT), tt_os_error(errno));\n"
        "x = p->problem ? p->problem : \"?\";\n"
        "x = tt_lib_text(TT_LIB_YAML, p->problem, NULL);\n"
        "if (p->context != NULL && fault.problem == 0) y();\n"
        "store_fail(h, err, what, sqlite3_errmsg(db));\n"
        "d = tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(rc), sqlite3_errmsg(db));\n"
        "z = q.context;\n"
        "why = dlerror();\n"
        "store_fail(h, err, what, PQerrorMessage(c));\n"
        "why = tt_lib_text(TT_LIB_DL, dlerror(), NULL);\n";
    scan_file f;
    assert_true(scan_file_from_text(&f, "tt-libtexts.c", text));
    static scan_report report;
    scan_report_init(&report);
    int n = bare_library_texts(&f, &report, NULL);
    scan_file_free(&f);
    assert_int_equal(n, 7);
    assert_non_null(strstr(report.text, ":10: dlerror() quoted as is"));
    assert_non_null(strstr(report.text, ":11: PQerrorMessage() quoted as is"));
    assert_non_null(strstr(report.text, ":2: strerror() quoted as is"));
    assert_non_null(strstr(report.text, ":4: libyaml's problem quoted as is"));
    assert_non_null(strstr(report.text, ":7: sqlite3_errmsg() quoted as is"));
    assert_non_null(strstr(report.text, ":9: libyaml's context quoted as is"));
}

/* The conversions of a printf or Lua format, in order ("%s%d%zu"). */
static void conversions(const char *s, char *out, size_t size)
{
    size_t o = 0;
    for (; *s && o + 8 < size; s++) {
        if (*s != '%')
            continue;
        s++;
        if (*s == '%')
            continue;
        while (*s && strchr("-+ #0123456789.*", *s))
            s++;
        out[o++] = '%';
        while (*s && strchr("hlzjtLI", *s))
            out[o++] = *s++;
        if (*s)
            out[o++] = *s;
        else
            break;
    }
    out[o] = '\0';
}

static void both_columns_take_the_same_arguments(void **state)
{
    (void)state;
    int entries = 0;
    for (int i = 0; i < TT_TERM__COUNT; i++) {
        const char *key = tt_term_key((tt_term)i);
        if (strncmp(key, "E_", 2) != 0)
            continue;
        entries++;
        char ja[128], en[128];
        conversions(tt_term_text((tt_term)i, TT_LANG_JA), ja, sizeof ja);
        conversions(tt_term_text((tt_term)i, TT_LANG_EN), en, sizeof en);
        if (strcmp(ja, en) != 0)
            fail_msg("%s: the Japanese takes %s, the English %s", key, ja, en);
        /* libyaml's own texts may hold a '%' ("%TAG"): never a format. */
        if (strstr(key, "_FMT") == NULL && en[0] && strncmp(key, "E_LIBYAML_", 10) != 0)
            fail_msg("%s takes arguments (%s) but its name does not end in _FMT", key, en);
    }
    assert_true(entries > 50);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_scan_catches_english_only_messages),
        cmocka_unit_test(engine_messages_come_from_the_table),
        cmocka_unit_test(both_columns_take_the_same_arguments),
        cmocka_unit_test(the_scan_catches_bare_library_texts),
        cmocka_unit_test(library_texts_go_through_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
