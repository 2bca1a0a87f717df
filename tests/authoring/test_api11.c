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
    assert_contains(r.out, "+3:30:00  inject     The office is open");
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
        { "date = \"2020-01\"", "date = \"2020-13\"", "references[2].date: '2020-13' is not YYYY" },
        { "date = \"2022-06-17\"", "date = \"2022-02-29\"", "references[1].date: '2022-02-29' is not YYYY" },
        { "date = \"2022-06-17\"", "date = \"2022-04-31\"", "references[1].date: '2022-04-31' is not YYYY" },
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
    /* A setting of another kind than its state key, named in good English. */
    snprintf(path, sizeof path, "%s/kind.lua", t);
    cli_write(path, "local T = { ja = 't', en = 't' }\n"
                    "return scenario { id = 'kind', source = 's', title = T, summary = T,\n"
                    "  length = '1h', invented = T, roles = { r = { name = T } },\n"
                    "  state = { n = 0 }, settings = { n = { value = 'x', label = T } },\n"
                    "  actions = { a = { by = 'r', label = T, completes = 'o' } },\n"
                    "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } } }\n");
    cli_result k = cli_run("check '%s'", path);
    assert_int_equal(k.status, 2);
    assert_contains(k.err, "settings.n.value: the setting's value is a string but state.n is an integer");
    cli_done(&k);
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

/* takes as a function, wasted as a function, an inject to two roles,
 * cancelling an action in progress (with on_cancel), an actor that asks
 * back (answered by a script's reply step) and one that refuses: shown in
 * the run's timeline, journaled, on the card, replayed and resumed. */
static void takes_wasted_to_cancel_ask_refuse(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    cli_result r = cli_run("run " FX ".lua --script " FX "-vendor.yaml --ui none --lang en "
                           "--journal '%s/v.yaml' --scorecard '%s/v.md' --db '%s/h.db'", t, t, t);
    if (r.status != 0)
        fail_msg("%s%s", r.out, r.err);
    assert_contains(r.out, "+0:11:00  asked      Maintenance vendor -> Duty manager: Call the vendor in — Which servers?");
    assert_contains(r.out, "+0:30:00  reply      Duty manager: Call the vendor in — web01 and db01");
    assert_contains(r.out, "+0:30:00  done       Call the vendor in");
    assert_contains(r.out, "+0:40:00  cancel     On-call engineer: Save the logs — the vendor is coming");
    /* Undrilled: restart takes 2 hours (the takes function, at 1:15). */
    assert_contains(r.out, "+1:15:00  action     On-call engineer: Restart (until +3:15:00)");
    assert_lacks(r.out, "done       Save the logs");
    cli_done(&r);
    char path[512];
    snprintf(path, sizeof path, "%s/v.yaml", t);
    char *j = cli_slurp(path);
    assert_contains(j, "type: inject\nt: 0\nid: \"alert\"\nto:\n- \"oncall\"\n- \"manager\"\n");
    assert_contains(j, "status: \"wasted\"\ntext:\n  ja: \"回線が開いたままでは");
    assert_contains(j, "type: cancel\nt: 2400000\nid: \"save_logs\"\nrole: \"oncall\"\n");
    assert_contains(j, "logs_partial: true"); /* on_cancel ran */
    assert_contains(j, "type: asked\nt: 660000\nid: \"call_vendor\"\nrole: \"manager\"\nfrom: \"vendor\"\n");
    assert_contains(j, "type: reply\nt: 1800000\nid: \"call_vendor\"\nrole: \"manager\"\nnote: \"web01 and db01\"\n");
    /* The second change of passwords, after the link was cut, is not wasted. */
    const char *second = strstr(j, "t: 3000000\nid: \"change_passwords\"");
    assert_non_null(second);
    assert_null(strstr(second, "wasted"));
    free(j);
    snprintf(path, sizeof path, "%s/v.md", t);
    char *md = cli_slurp(path);
    assert_contains(md, "| +0:02:00<br>wasted | Change the passwords | On-call engineer | 20 min | With the link still open, the new passwords can be stolen again. |");
    free(md);
    r = cli_run("score '%s/v.yaml' -o '%s/v.json' --no-record", t, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    snprintf(path, sizeof path, "%s/v.json", t);
    char *json = cli_slurp(path);
    assert_contains(json, "\"kind\": \"cancel\"");
    assert_contains(json, "\"kind\": \"asked\"");
    assert_contains(json, "\"kind\": \"reply\"");
    free(json);
    snprintf(path, sizeof path, "%s/v.html", t);
    r = cli_run("score '%s/v.yaml' -o '%s' --no-record --lang en", t, path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *html = cli_slurp(path);
    assert_contains(html, "class=\"ref cancel\"><title>+0:40:00 cancelled: Save the logs");
    assert_contains(html, "<title>+0:11:00 Maintenance vendor: Which servers?</title>");
    free(html);
    r = cli_run("replay '%s/v.yaml'", t);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "identical");
    cli_done(&r);

    /* Drilled: the same restart takes 30 minutes. No contract: the vendor
     * refuses, nothing completes, and the request may be made again. */
    snprintf(path, sizeof path, "%s/d.yaml", t);
    cli_write(path, "scenario: api11\nseed: 1\nsettings: { drilled: true, contract: false }\n"
                    "actions:\n  - { at: 1m, by: manager, do: call_vendor }\n"
                    "  - { at: 12m, by: manager, do: call_vendor }\n"
                    "  - { at: 13m, by: manager, reply: call_vendor, note: 'web01' }\n"
                    "  - { at: 14m, by: oncall, cancel: restart }\n"
                    "  - { at: 15m, by: oncall, do: restart }\n");
    r = cli_run("run " FX ".lua --script '%s' --ui none --lang en --journal '%s/d-j.yaml' "
                "--no-scorecard", path, t);
    if (r.status != 0)
        fail_msg("%s%s", r.out, r.err);
    assert_contains(r.out, "+0:11:00  declined   Maintenance vendor -> Duty manager: Call the vendor in — No night maintenance contract");
    assert_contains(r.out, "+0:12:00  action     Duty manager: Call the vendor in (until +0:22:00)");
    /* A reply or cancel that cannot be carried out reads as refused, not done. */
    assert_contains(r.out, "+0:13:00  refused    Duty manager: Call the vendor in (reply) — No question about this action is waiting");
    assert_contains(r.out, "+0:14:00  refused    On-call engineer: Restart (cancel) — This action is not in progress.");
    assert_contains(r.out, "+0:15:00  action     On-call engineer: Restart (until +0:45:00)");
    cli_done(&r);
    r = cli_run("run " FX ".lua --script '%s' --ui none --lang ja --journal '%s/d-ja.yaml' "
                "--no-scorecard", path, t);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "+0:14:00  実施できず 当番技術者: 再起動する（対応中止） — ");
    cli_done(&r);
    r = cli_run("score '%s/d-j.yaml' -o '%s/d.html' --no-record --lang en", t, t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    snprintf(path, sizeof path, "%s/d.html", t);
    char *card = cli_slurp(path);
    assert_contains(card, "class=\"ref cancel no\"><title>+0:14:00 could not cancel: Restart");
    assert_contains(card, "class=\"ref reply\"><title>+0:13:00 could not answer: Call the vendor in");
    assert_null(strstr(card, "cancelled: Restart"));
    free(card);
    r = cli_run("replay '%s/d-j.yaml'", t);
    assert_int_equal(r.status, 0);
    cli_done(&r);

    /* Resume while the vendor's question waits: the reply step is played. */
    snprintf(path, sizeof path, "%s/v.yaml", t);
    j = cli_slurp(path);
    char *cut = strstr(j, "---\ntype: reply");
    assert_non_null(cut);
    snprintf(path, sizeof path, "%s/cut.yaml", t);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fwrite(j, 1, (size_t)(cut - j) + 4, f);
    fclose(f);
    free(j);
    r = cli_run("resume '%s' --script " FX "-vendor.yaml --ui none --no-scorecard --lang en", path);
    if (r.status != 0)
        fail_msg("%s%s", r.out, r.err);
    assert_contains(r.out, "+0:30:00  reply      Duty manager: Call the vendor in — web01 and db01");
    assert_contains(r.out, "+0:40:00  cancel     On-call engineer: Save the logs");
    cli_done(&r);
    r = cli_run("replay '%s'", path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
}

/* lint, graph and msel know the 1.1 forms: a takes or wasted function is a
 * callback like any (its state reads are checked), graph draws what it
 * reads, the MSEL names every recipient. */
static void tools_know_the_new_forms(void **state)
{
    (void)state;
    const char *t = cli_tmp();
    char src[1024], path[512];
    snprintf(src, sizeof src, "%s/" FX ".lua", getenv("TT_SOURCE_DIR"));
    char *text = cli_slurp(src);
    assert_non_null(text);
    static const char *const edits[][2] = {
        { "if s.drilled then return \"30m\"", "if s.drileld then return \"30m\"" },
        { "if s.link_open then", "if s.link_opn then" },
    };
    for (size_t i = 0; i < 2; i++) {
        char *at = strstr(text, edits[i][0]);
        assert_non_null(at);
        snprintf(path, sizeof path, "%s/lint%zu.lua", t, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "%.*s%s%s", (int)(at - text), text, edits[i][1], at + strlen(edits[i][0]));
        fclose(f);
    }
    free(text);
    cli_result r = cli_run("lint '%s/lint0.lua' '%s/lint1.lua'", t, t);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "state key 'drileld' is read but not declared in state (did you mean 'drilled'?)");
    assert_contains(r.out, "state key 'link_opn' is read but not declared in state (did you mean 'link_open'?)");
    cli_done(&r);
    r = cli_run("lint " FX ".lua");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("graph " FX ".lua -o '%s/g.dot'", t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    snprintf(path, sizeof path, "%s/g.dot", t);
    char *dot = cli_slurp(path);
    assert_contains(dot, "label=takes");
    assert_contains(dot, "label=\"harmful/wasted\"");
    free(dot);
    r = cli_run("msel " FX ".lua -o '%s/m.csv' --lang en", t);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    snprintf(path, sizeof path, "%s/m.csv", t);
    char *csv = cli_slurp(path);
    assert_contains(csv, "\"On-call engineer, Duty manager\"");
    free(csv);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(tools_know_the_new_forms),
        cmocka_unit_test(capacity_clock_references_and_yes_no),
        cmocka_unit_test(takes_wasted_to_cancel_ask_refuse),
        cmocka_unit_test(new_fields_are_checked),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
