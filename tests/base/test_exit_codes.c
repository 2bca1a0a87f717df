/* Exit codes are chosen in one place: a failure carries its class (input,
 * runtime, out of memory: tt_error, tt_cmd_fail, tt_cmd_fail_as) and
 * tt_exit_for maps the class to the code. No command picks
 * TT_EXIT_BADINPUT or TT_EXIT_RUNTIME by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "source_scan.h"
#include "tabletop/base.h"

/* Commands not yet converted; this list only shrinks. */
static const char *const pending[] = {
    NULL,
};

/* Each use of a hand-picked code outside comments and string literals
 * (the identifier itself, not MY_TT_EXIT_RUNTIME), as path:line. */
static int hand_picked_codes(const scan_file *f, scan_report *r, void *ctx)
{
    (void)ctx;
    static const char *const banned[] = { "TT_EXIT_BADINPUT", "TT_EXIT_RUNTIME" };
    int found = 0;
    scan_reader rd;
    scan_reader_init(&rd, f);
    scan_token t;
    while (scan_next(&rd, &t))
        for (size_t k = 0; k < sizeof banned / sizeof banned[0]; k++)
            if (scan_is_ident(&t, banned[k])) {
                scan_say(r, f->path, t.line, "%s chosen by hand", banned[k]);
                found++;
            }
    return found;
}

static void commands_leave_the_code_to_the_failure_class(void **state)
{
    (void)state;
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/engine/app", root);
    static scan_report report;
    scan_report_init(&report);
    int files = scan_tree(dir, "", false, pending, "test_exit_codes.c", hand_picked_codes, NULL, &report);
    if (files < 0)
        fail_msg("cannot read %s", dir);
    assert_true(files >= 20);
    if (report.found)
        fail_msg("%d exit code(s) chosen outside tt_exit_for:\n%s", report.found, report.text);
}

/* The scanner finds what it must (a test that cannot fail is none). */
static void the_scan_catches_a_hand_picked_code(void **state)
{
    (void)state;
    static const char text[] =
        "/* TT_EXIT_RUNTIME in a comment is fine */\nconst char *s = \"TT_EXIT_BADINPUT\";\n"
        "int f(void) { return TT_EXIT_BADINPUT; }\nint g(void) { return MY_TT_EXIT_RUNTIME; }\n"
        "int h(int s) { s = TT_EXIT_RUNTIME; return s; }\n";
    scan_file f;
    assert_true(scan_file_from_text(&f, "tt-exit.c", text));
    static scan_report report;
    scan_report_init(&report);
    int n = hand_picked_codes(&f, &report, NULL);
    scan_file_free(&f);
    assert_int_equal(n, 2);
    assert_int_equal(report.found, 2);
    assert_non_null(strstr(report.text, ":3: TT_EXIT_BADINPUT"));
    assert_non_null(strstr(report.text, ":5: TT_EXIT_RUNTIME"));
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
