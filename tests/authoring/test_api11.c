/* Scenario API 1.1 through the binary, on tests/authoring/fixtures/api11.lua:
 * role capacity refuses a second concurrent action with the reason; starts_at
 * and ctx.clock() fire the office-hours inject at 09:00; references appear on
 * the card (Markdown and JSON); boolean metrics read yes/no; bad values of the
 * new fields are located errors; API 1.0 scenarios are unchanged. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"

#define FX "tests/authoring/fixtures/api11"

static void capacity_clock_references_and_yes_no(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_run("run " FX ".lua --script " FX "-busy.yaml --ui none --lang en "
                           "--journal '%s/busy.yaml' --scorecard '%s/busy.md' --db '%s/h.db'",
                           t, t, t);
    if (r.status != 0)
        fail_msg("%s%s", r.out, r.err);
    assert_contains(r.out, "+0:10:00  refused    On-call engineer: restart — This role is busy");
    assert_contains(r.out, "+1:10:00  action     On-call engineer: Restart");
    assert_contains(r.out, "state   Office open: no\n");
    cli_done(&r);
    char path[512];
    snprintf(path, sizeof path, "%s/busy.md", t);
    char *md = cli_slurp(path);
    assert_contains(md, "## References");
    assert_contains(md, "| HSEEP | FEMA | 2020-01 |");
    free(md);
    r = cli_run("score '%s/busy.yaml' -o '%s/busy.json' --no-record", t, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    snprintf(path, sizeof path, "%s/busy.json", t);
    char *json = cli_slurp(path);
    assert_contains(json, "\"references\"");
    assert_contains(json, "\"publisher\": \"NISC\"");
    free(json);

    r = cli_run("run " FX ".lua --script " FX "-late.yaml --ui none --lang en "
                "--journal '%s/late.yaml' --no-scorecard", t);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "+3:30:00  inject     : The office is open");
    assert_contains(r.out, "state   Office open: yes\n");
    cli_done(&r);
}

static void new_fields_are_checked(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    char path[512];
    snprintf(path, sizeof path, "%s/bad.lua", t);
    char src[1024];
    snprintf(src, sizeof src, "%s/" FX ".lua", getenv("TT_SOURCE_DIR"));
    char *text = cli_slurp(src);
    assert_non_null(text);
    /* Each edit makes one located error. */
    static const char *const edits[][3] = {
        { "starts_at = \"05:30\"", "starts_at = \"25:00\"", "starts_at: '25:00' is not a time of day" },
        { "capacity = 1", "capacity = 0", "roles.oncall.capacity: expected a whole number from 1 to 1000" },
        { "date = \"2020-01\"", "date = \"Jan 2020\"", "references[2].date: 'Jan 2020' is not YYYY" },
        { "url = \"https://www.nisc.go.jp/\"", "url = \"file:///etc/passwd\"", "references[1].url: 'file:///etc/passwd' is not an http" },
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        const char *at = strstr(text, edits[i][0]);
        assert_non_null(at);
        FILE *fp = fopen(path, "w");
        assert_non_null(fp);
        fprintf(fp, "%.*s%s%s", (int)(at - text), text, edits[i][1], at + strlen(edits[i][0]));
        fclose(fp);
        cli_result r = cli_run("check '%s'", path);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, edits[i][2]);
        cli_done(&r);
    }
    free(text);
    /* ctx.clock without starts_at is a located runtime error. */
    snprintf(path, sizeof path, "%s/noclock.lua", t);
    cli_write(path, "local T = { ja = 't', en = 't' }\n"
                    "return scenario { id = 'noclock', source = 's', title = T, summary = T,\n"
                    "  length = '1h', invented = T, roles = { r = { name = T } },\n"
                    "  every = { { period = '1m', run = function(s, ctx) ctx.clock() end } },\n"
                    "  actions = { a = { by = 'r', label = T, completes = 'o' } },\n"
                    "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } } }\n");
    cli_result r = cli_run("run '%s' --script /dev/null --ui none --no-scorecard --journal '%s/nc.yaml'",
                           path, t);
    assert_int_not_equal(r.status, 0);
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capacity_clock_references_and_yes_no),
        cmocka_unit_test(new_fields_are_checked),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
