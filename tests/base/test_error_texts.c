/* The engine's error and warning messages come from the terms table
 * (include/tabletop/terms_errors.h, worded with TT_MSG), so they exist in
 * Japanese and English and are shown in the user's language. This scans
 * every source file under engine/ for an English-only literal handed to a
 * message function, and checks that both columns of every entry take the
 * same printf/Lua conversions. */
#define _GNU_SOURCE /* mkstemps */
#include <ctype.h>
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "tabletop/terms.h"

/* The functions that word a message, and the index of the argument their
 * text starts at: arguments before it are files, lines, YAML paths, codes. */
static const struct { const char *name; int text_arg; } message_functions[] = {
    { "tt_error_set", 4 },    { "tt_error_runtime", 2 }, { "tt_error_set_as", 5 },
    { "yerror", 4 },          { "mf_fail", 2 },          { "tt_findings_add", 4 },
    { "finding", 3 },         { "luaL_error", 1 },       { "luaL_argerror", 2 },
    { "not_a_duration", 3 },  { "module_fail", 2 },      { "fail_run", 1 },
    { "sql_fail", 2 },        { "refuse_msg", 4 },       { "snprintf", 2 },
    { "mf_missing", 3 },      { "store_fail", 2 },
};

/* snprintf words a message when it writes into a buffer named so. */
static bool message_buffer(const char *arg, size_t len)
{
    static const char *const names[] = { "why", "msg", "message", "reason" };
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        for (size_t i = 0; i + strlen(names[k]) <= len; i++)
            if (memcmp(arg + i, names[k], strlen(names[k])) == 0)
                return true;
    return false;
}

/* Past a string or character literal starting at text[i] (its quote). */
static size_t skip_literal(const char *text, size_t n, size_t i, int *line)
{
    char q = text[i++];
    while (i < n && text[i] != q) {
        if (text[i] == '\\')
            i++;
        else if (text[i] == '\n')
            (*line)++;
        i++;
    }
    return i + 1;
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

static void say(char *report, size_t size, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *report, size_t size, const char *fmt, ...)
{
    size_t used = strlen(report);
    if (used + 1 >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(report + used, size - used, fmt, ap);
    va_end(ap);
}

/* The arguments of the call whose '(' is at text[i]: flags a literal with
 * words from the function's text argument on. Returns the findings. */
static int scan_call(const char *path, const char *text, size_t n, size_t i, int line,
                     const char *name, int text_arg, char *report, size_t size)
{
    int depth = 0, arg = 0, found = 0, at_line = line;
    size_t arg_start = i + 1;
    bool is_snprintf = strcmp(name, "snprintf") == 0, checked = !is_snprintf;
    for (; i < n; i++) {
        char c = text[i];
        if (c == '\n') {
            line++;
        } else if (c == '/' && text[i + 1] == '*') {
            const char *end = strstr(text + i + 2, "*/");
            if (!end)
                break;
            for (; text + i < end; i++)
                line += text[i] == '\n';
            i++;
        } else if (c == '"' || c == '\'') {
            size_t end = skip_literal(text, n, i, &line);
            if (c == '"' && arg >= text_arg && checked && literal_has_words(text + i + 1, end - i - 2)) {
                say(report, size, "%s:%d: English-only text in %s(): \"%.*s\"\n", path, at_line, name,
                    (int)(end - i - 2 > 60 ? 60 : end - i - 2), text + i + 1);
                found++;
                return found;
            }
            i = end - 1;
        } else if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            if (--depth == 0)
                break;
        } else if (c == ',' && depth == 1) {
            if (arg == 0 && is_snprintf)
                checked = message_buffer(text + arg_start, i - arg_start);
            arg++;
            arg_start = i + 1;
        }
    }
    return found;
}

/* Every call of a message function in one file. */
static int scan_source(const char *path, char *report, size_t size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static char text[1 << 21];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    int found = 0, line = 1;
    for (size_t i = 0; i < n;) {
        if (text[i] == '\n') {
            line++;
            i++;
        } else if (text[i] == '/' && text[i + 1] == '*') {
            for (i += 2; i < n && !(text[i] == '*' && text[i + 1] == '/'); i++)
                line += text[i] == '\n';
            i += 2;
        } else if (text[i] == '/' && text[i + 1] == '/') {
            while (i < n && text[i] != '\n')
                i++;
        } else if (text[i] == '"' || text[i] == '\'') {
            i = skip_literal(text, n, i, &line);
        } else if (isalpha((unsigned char)text[i]) || text[i] == '_') {
            size_t start = i;
            while (i < n && (isalnum((unsigned char)text[i]) || text[i] == '_'))
                i++;
            size_t j = i;
            while (j < n && (text[j] == ' ' || text[j] == '\t'))
                j++;
            if (j >= n || text[j] != '(' || (start > 0 && (text[start - 1] == '.' || text[start - 1] == '>')))
                continue;
            for (size_t k = 0; k < sizeof message_functions / sizeof message_functions[0]; k++)
                if (strlen(message_functions[k].name) == i - start &&
                    memcmp(message_functions[k].name, text + start, i - start) == 0)
                    found += scan_call(path, text, n, j, line, message_functions[k].name,
                                       message_functions[k].text_arg, report, size);
        } else {
            i++;
        }
    }
    return found;
}

static bool listed(const char *name, const char *const *names)
{
    for (; *names; names++)
        if (strcmp(name, *names) == 0)
            return true;
    return false;
}

/* Files (relative to engine/) whose messages are still being moved into
 * terms_errors.h. This list only shrinks: a listed file found clean fails. */
static const char *const pending[] = {
    "app/finish.c", "app/cmd_run.c", "ui/web/drive.c", "ui/web/engine.c", "ui/web/proto.c", "ui/web/qr.c", "ui/web/seats.c",
    "ui/web/server.c", "ui/sdl/dash_draw.c", "ui/sdl/dash_font.c", "ui/sdl/dash_live.c",
    "ui/sdl/dash_replay.c", "ui/sdl/dash_sdl.c", "ui/sdl/dash_view.c", "ui/sdl/dash_window.c",
    "ui/sdl/dash_options.c", "ui/tty/drive.c", 
    
    "author/explore.c", "author/graph.c", "author/lint.c", "author/listing.c", "author/msel.c",
    "author/outcome.c", 
    
    
    
    
    NULL,
};

static int scan_tree(const char *root, const char *rel, char *report, size_t size, int *files)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", root, rel);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int found = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char sub[4096], path[8192];
        snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
        snprintf(path, sizeof path, "%s/%s", root, sub);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            int k = scan_tree(root, sub, report, size, files);
            found += k > 0 ? k : 0;
            continue;
        }
        size_t len = strlen(e->d_name);
        if (len < 3 || (strcmp(e->d_name + len - 2, ".c") != 0 && strcmp(e->d_name + len - 2, ".h") != 0))
            continue;
        (*files)++;
        if (!listed(sub, pending)) {
            found += scan_source(path, report, size);
            continue;
        }
        char scratch[4096] = "";
        if (scan_source(path, scratch, sizeof scratch) == 0) {
            say(report, size, "%s: clean now; remove it from the pending list in test_error_texts.c\n", path);
            found++;
        }
    }
    closedir(d);
    return found;
}

static void engine_messages_come_from_the_table(void **state)
{
    (void)state;
    const char *source = getenv("TT_SOURCE_DIR");
    assert_non_null(source);
    char root[4096];
    snprintf(root, sizeof root, "%s/engine", source);
    static char report[65536];
    report[0] = '\0';
    int files = 0;
    int found = scan_tree(root, "", report, sizeof report, &files);
    assert_true(found >= 0);
    assert_true(files > 100); /* the walk did reach the engine's sources */
    if (found)
        fail_msg("%d English-only message text(s) outside the terms table "
                 "(word them with TT_MSG and an entry of include/tabletop/terms_errors.h):\n%s",
                 found, report);
}

/* The scanner finds what it must (a test that cannot fail is none). */
static void the_scan_catches_english_only_messages(void **state)
{
    (void)state;
    char path[4096];
    const char *dir = getenv("TT_BUILD_DIR");
    snprintf(path, sizeof path, "%s/tt-errtexts-XXXXXX.c", dir ? dir : ".");
    int fd = mkstemps(path, 2);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("/* tt_error_set(err, f, 1, 1, \"in a comment\"); */\n"
          "tt_error_set(err, file, 1, 2, TT_MSG(E_OUT_OF_MEMORY));\n"
          "tt_error_set(err, file, 1, 2, \"%s: %s\", a, b);\n"
          "tt_error_set(err, file, line, col,\n    \"duplicate key '%s'\", key);\n"
          "yerror(err, file, n, \"settings.x\", TT_MSG(E_OUT_OF_MEMORY));\n"
          "luaL_error(L, \"out of \" \"memory\");\n"
          "snprintf(why, sizeof why, \"too large\");\n"
          "snprintf(path, sizeof path, \"%s/%s.lua\", dir, id);\n"
          "tt_error_runtime(err, p, TT_MSG(E_CANNOT_READ_FMT), ok ? \"x\" : \"a list\");\n",
          f);
    fclose(f);
    char report[2048] = "";
    int n = scan_source(path, report, sizeof report);
    unlink(path);
    assert_int_equal(n, 4);
    assert_non_null(strstr(report, ":4: English-only text in tt_error_set(): \"duplicate key"));
    assert_non_null(strstr(report, ":7: English-only text in luaL_error(): \"out of \""));
    assert_non_null(strstr(report, ":8: English-only text in snprintf(): \"too large\""));
    assert_non_null(strstr(report, ":10: English-only text in tt_error_runtime(): \"a list\""));
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
        if (strstr(key, "_FMT") == NULL && en[0])
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
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
