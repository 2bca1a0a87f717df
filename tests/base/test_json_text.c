/* JSON text goes through tt_json_dumps (include/tabletop/json_text.h):
 * jansson 2.14's json_dumps, json_dumpf, json_dumpfd and json_dump_file go
 * on past a failed write of an object's key and give a document with the
 * key missing (akheron/jansson#655). No engine source calls them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "source_scan.h"
#include "tabletop/json_text.h"

static int bare_dumps(const scan_file *f, scan_report *r, void *ctx)
{
    (void)ctx;
    static const char *const banned[] = { "json_dumps", "json_dumpf", "json_dumpfd",
                                          "json_dump_file" };
    int found = 0;
    scan_reader rd;
    scan_reader_init(&rd, f);
    scan_token t;
    while (scan_next(&rd, &t))
        for (size_t k = 0; k < sizeof banned / sizeof banned[0]; k++)
            if (scan_is_ident(&t, banned[k])) {
                scan_say(r, f->path, t.line, "%s (use tt_json_dumps)", banned[k]);
                found++;
            }
    return found;
}

static void the_engine_writes_json_through_tt_json_dumps(void **state)
{
    (void)state;
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    static scan_report report;
    scan_report_init(&report);
    int files = scan_tree(root, "engine", true, NULL, "test_json_text.c", bare_dumps, NULL,
                          &report);
    if (files < 0)
        fail_msg("cannot read %s/engine", root);
    assert_true(files >= 100);
    if (report.found)
        fail_msg("%d bare jansson dump(s):\n%s", report.found, report.text);
}

/* The scanner finds what it must (a test that cannot fail is none). */
static void the_scan_catches_a_bare_dump(void **state)
{
    (void)state;
    static const char text[] =
        "/* json_dumps in a comment is fine */\nconst char *s = \"json_dumps\";\n"
        "char *f(json_t *j) { return json_dumps(j, 0); }\nchar *g(json_t *j) "
        "{ return tt_json_dumps(j, 0); }\nint h(json_t *j) { return json_dumpfd(j, 1, 0); }\n";
    scan_file f;
    assert_true(scan_file_from_text(&f, "tt-json.c", text));
    static scan_report report;
    scan_report_init(&report);
    int n = bare_dumps(&f, &report, NULL);
    scan_file_free(&f);
    assert_int_equal(n, 2);
    assert_non_null(strstr(report.text, ":3: json_dumps"));
    assert_non_null(strstr(report.text, ":5: json_dumpfd"));
}

/* The same text as json_dumps, and NULL where json_dumps gives NULL. */
static void tt_json_dumps_writes_what_json_dumps_writes(void **state)
{
    (void)state;
    json_t *o = json_pack("{s:i, s:s, s:[i, s], s:{s:n}}", "a", 1, "b", "端末\n\"x\"", "c", 2,
                          "d", "e", "f");
    assert_non_null(o);
    const size_t flags[] = { 0, JSON_COMPACT, JSON_INDENT(2) | JSON_PRESERVE_ORDER };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        char *want = json_dumps(o, flags[i]), *got = tt_json_dumps(o, flags[i]);
        assert_non_null(got);
        assert_string_equal(got, want);
        free(want);
        free(got);
    }
    json_decref(o);
    json_t *n = json_integer(3);
    assert_null(tt_json_dumps(n, 0));   /* not a container, no JSON_ENCODE_ANY */
    json_decref(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tt_json_dumps_writes_what_json_dumps_writes),
        cmocka_unit_test(the_scan_catches_a_bare_dump),
        cmocka_unit_test(the_engine_writes_json_through_tt_json_dumps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
