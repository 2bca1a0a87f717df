/* Exit codes are chosen in one place: a failure carries its class (input,
 * runtime, out of memory: tt_error, tt_cmd_fail, tt_cmd_fail_as) and
 * tt_exit_for maps the class to the code. No command picks
 * TT_EXIT_BADINPUT or TT_EXIT_RUNTIME by hand. */
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
#include <unistd.h>
#include <cmocka.h>

#include "tabletop/base.h"

/* Commands not yet converted; this list only shrinks. */
static const char *const pending[] = {
    NULL,
};

/* Counts uses of the hand-picked codes outside comments and string
 * literals, reporting each as path:line. */
static int scan_source(const char *path, char *report, size_t report_size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    static const char *const banned[] = { "TT_EXIT_BADINPUT", "TT_EXIT_RUNTIME" };
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
            char q = text[i];
            for (i++; i < n && text[i] != q; i++) {
                i += text[i] == '\\';
                line += i < n && text[i] == '\n';
            }
            i++;
        } else {
            bool hit = false;
            for (size_t k = 0; k < sizeof banned / sizeof banned[0]; k++) {
                size_t len = strlen(banned[k]);
                if (strncmp(text + i, banned[k], len) == 0 &&
                    (i == 0 || !(text[i - 1] == '_' || isalnum((unsigned char)text[i - 1])))) {
                    size_t used = strlen(report);
                    snprintf(report + used, report_size - used, "%s:%d: %s chosen by hand\n", path,
                             line, banned[k]);
                    found++;
                    i += len;
                    hit = true;
                    break;
                }
            }
            if (!hit)
                i++;
        }
    }
    return found;
}

static bool is_pending(const char *name)
{
    for (const char *const *p = pending; *p; p++)
        if (strcmp(*p, name) == 0)
            return true;
    return false;
}

static void commands_leave_the_code_to_the_failure_class(void **state)
{
    (void)state;
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/engine/app", root);
    DIR *d = opendir(dir);
    if (!d)
        fail_msg("cannot read %s", dir);
    static char report[32768];
    report[0] = '\0';
    int found = 0, files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 3 || (strcmp(e->d_name + len - 2, ".c") != 0 && strcmp(e->d_name + len - 2, ".h") != 0))
            continue;
        char path[8192];
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        files++;
        if (!is_pending(e->d_name)) {
            found += scan_source(path, report, sizeof report);
            continue;
        }
        char scratch[4096] = "";
        if (scan_source(path, scratch, sizeof scratch) == 0) {
            size_t used = strlen(report);
            snprintf(report + used, sizeof report - used,
                     "%s: clean now; remove it from the pending list in test_exit_codes.c\n", path);
            found++;
        }
    }
    closedir(d);
    assert_true(files >= 20);
    if (found)
        fail_msg("%d exit code(s) chosen outside tt_exit_for:\n%s", found, report);
}

/* The scanner finds what it must (a test that cannot fail is none). */
static void the_scan_catches_a_hand_picked_code(void **state)
{
    (void)state;
    char path[] = "/tmp/tt-exit-XXXXXX.c";
    int fd = mkstemps(path, 2);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("/* TT_EXIT_RUNTIME in a comment is fine */\nconst char *s = \"TT_EXIT_BADINPUT\";\n"
          "int f(void) { return TT_EXIT_BADINPUT; }\nint g(void) { return MY_TT_EXIT_RUNTIME; }\n"
          "int h(int s) { s = TT_EXIT_RUNTIME; return s; }\n", f);
    fclose(f);
    char report[1024] = "";
    int n = scan_source(path, report, sizeof report);
    unlink(path);
    assert_int_equal(n, 2);
    assert_non_null(strstr(report, ":3: TT_EXIT_BADINPUT"));
    assert_non_null(strstr(report, ":5: TT_EXIT_RUNTIME"));
}

static void classes_map_to_codes(void **state)
{
    (void)state;
    assert_int_equal(tt_exit_for(TT_ERR_INPUT), TT_EXIT_BADINPUT);
    assert_int_equal(tt_exit_for(TT_ERR_RUNTIME), TT_EXIT_RUNTIME);
    assert_int_equal(tt_exit_for(TT_ERR_NOMEM), TT_EXIT_RUNTIME);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(classes_map_to_codes),
        cmocka_unit_test(the_scan_catches_a_hand_picked_code),
        cmocka_unit_test(commands_leave_the_code_to_the_failure_class),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
