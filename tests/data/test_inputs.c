/* Roster and action-script loaders: good files, and every kind of bad file
 * with its message, line and column. The scenario is built by hand (no Lua). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sample.h"
#include "tabletop/inputs.h"

static void roster_good(void **state)
{
    (void)state;
    tt_roster r;
    tt_error err;
    if (tt_roster_load(sample_fixture("roster-good.yaml"), sample_scenario(), &r, &err) != 0)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_string_equal(r.team, "青チーム / Blue team");
    assert_int_equal(r.n_members, 4);
    assert_string_equal(r.members[0].name, "佐藤");
    assert_string_equal(r.members[0].role, "sysadmin");
    assert_string_equal(r.members[1].name, "Suzuki");
    assert_string_equal(tt_roster_member_for(&r, "supervisor"), "Suzuki");
    assert_string_equal(tt_roster_member_for(&r, "sysadmin"), "佐藤"); /* first holder */
    assert_string_equal(tt_roster_member_for(&r, "user"), "Tanaka");
    assert_null(tt_roster_member_for(&r, "ministry"));
    assert_null(tt_roster_member_for(NULL, "user"));
    tt_roster_free(&r);
    tt_roster_free(&r); /* freeing twice is harmless */
}

typedef struct bad_case {
    const char *fixture;
    const char *message; /* the whole message after "file:line:col: " */
    int line, column;
} bad_case;

static void check_bad(const bad_case *c, int rc, const tt_error *err)
{
    if (rc != -1)
        fail_msg("%s: accepted", c->fixture);
    if (strstr(err->file, c->fixture) == NULL)
        fail_msg("%s: error names file '%s'", c->fixture, err->file);
    if (strcmp(err->message, c->message) != 0 || err->line != c->line ||
        err->column != c->column)
        fail_msg("%s: got %d:%d: %s\n  want %d:%d: %s", c->fixture, err->line, err->column,
                 err->message, c->line, c->column, c->message);
}

static void roster_bad_files(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        { "roster-unknown-role.yaml",
          "members[1].role: unknown role 'sysadmn'; valid: user, sysadmin, supervisor", 4, 27 },
        { "roster-wrong-type.yaml", "members: expected a list, found 'Sato'", 2, 10 },
        { "roster-unknown-key.yaml", "members[0]: unknown key 'phone'; valid: name, role", 5, 5 },
        { "roster-missing-role.yaml", "members[0]: a member needs both 'name' and 'role'", 2, 5 },
        { "script-good.yaml", "unknown key 'scenario'; valid: team, organisation, members", 2, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tt_roster r;
        tt_error err;
        int rc = tt_roster_load(sample_fixture(cases[i].fixture), sample_scenario(), &r, &err);
        check_bad(&cases[i], rc, &err);
        assert_int_equal(r.n_members, 0); /* nothing left to free */
        assert_null(r.arena.head);
    }
    tt_roster r;
    tt_error err;
    assert_int_equal(tt_roster_load(sample_fixture("no-such-file.yaml"), NULL, &r, &err), -1);
    assert_non_null(strstr(err.message, "cannot open"));
    /* A team or organisation given empty is refused at it (a team called
     * "" reached the journal and the drill history). */
    static const struct { const char *text; const char *what; int line, col; } empty[] = {
        { "team: \"\"\nmembers:\n  - {name: A, role: user}\n", "team: empty", 1, 7 },
        { "team: T\norganisation: ''\nmembers:\n  - {name: A, role: user}\n",
          "organisation: empty", 2, 15 },
    };
    for (size_t i = 0; i < sizeof empty / sizeof empty[0]; i++) {
        tt_error_clear(&err);
        assert_int_equal(tt_roster_load_buffer("r.yaml", empty[i].text, strlen(empty[i].text),
                                               sample_scenario(), &r, &err),
                         -1);
        if (!strstr(err.message, empty[i].what))
            fail_msg("'%s' lacks '%s'", err.message, empty[i].what);
        assert_int_equal(err.line, empty[i].line);
        assert_int_equal(err.column, empty[i].col);
        assert_null(r.arena.head);
    }
    /* without a scenario, any role is accepted */
    assert_int_equal(tt_roster_load(sample_fixture("roster-unknown-role.yaml"), NULL, &r, &err), 0);
    assert_string_equal(r.members[1].role, "sysadmn");
    tt_roster_free(&r);
}

static void script_good(void **state)
{
    (void)state;
    tt_action_script s;
    tt_error err;
    const char *path = sample_fixture("script-good.yaml");
    if (tt_action_script_load(path, sample_scenario(), &s, &err) != 0)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_string_equal(s.path, path);
    assert_string_equal(s.scenario, "ransomware");
    assert_true(s.has_seed);
    assert_true(s.seed == UINT64_MAX);
    assert_int_equal(s.n_settings, 4);
    assert_string_equal(s.settings[0].key, "offline_backup");
    assert_int_equal(s.settings[0].value.type, TT_VAL_BOOL);
    assert_true(s.settings[0].value.as.b);
    assert_int_equal(s.settings[1].value.type, TT_VAL_INT);
    assert_int_equal(s.settings[1].value.as.i, 5);
    assert_int_equal(s.settings[2].value.type, TT_VAL_NUM); /* "2" for a number setting */
    assert_true(s.settings[2].value.as.n == 2.0);
    assert_int_equal(s.settings[3].value.type, TT_VAL_STR);
    assert_string_equal(s.settings[3].value.as.s, "osaka");

    static const struct { tt_ms at; const char *by, *action, *note; int line; } want[] = {
        { 90000, "user", NULL, "画面が変だ", 18 },
        { 240000, "sysadmin", "pull_cable", "抜線した", 14 },
        { 240000, "user", "scan_all", NULL, 21 },
        { 240000, "sysadmin", "scan_all", NULL, 24 }, /* "240" = 240 s, written last */
        { 900000, "supervisor", "call_ministry", NULL, 10 },
        { 5400000, "supervisor", NULL, "first", 27 },
        { 5400000, "user", NULL, "second", 28 },
    };
    assert_int_equal(s.n_steps, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < s.n_steps; i++) {
        const tt_script_step *st = &s.steps[i];
        assert_int_equal(st->at, want[i].at);
        assert_string_equal(st->by, want[i].by);
        if (want[i].action)
            assert_string_equal(st->action, want[i].action);
        else
            assert_null(st->action);
        if (want[i].note)
            assert_string_equal(st->note, want[i].note);
        else
            assert_null(st->note);
        assert_int_equal(st->line, want[i].line);
    }
    assert_string_equal(s.steps[4].member, "Suzuki");
    assert_null(s.steps[0].member);
    tt_action_script_free(&s);
}

static void script_bad_files(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        { "script-syntax.yaml",
          "YAML syntax error: did not find expected '-' indicator (while parsing a block "
          "collection at line 3, column 3)", 5, 4 },
        { "script-alias.yaml", "aliases (*admin) are not allowed; write the value out in full",
          3, 9 },
        { "script-anchor.yaml", "anchors (&step) are not allowed; write the value out in full",
          2, 5 },
        { "script-deep.yaml", "nesting is deeper than 32 levels", 4, 40 },
        { "script-utf8.yaml", "not valid UTF-8 (byte 0xe9)", 4, 15 },
        { "script-negative.yaml", "actions[3].at: '-5m' is not a duration: negative", 11, 9 },
        { "script-overflow.yaml",
          "actions[0].at: '99999999999999999999s' is not a duration: too large", 2, 9 },
        { "script-not-number.yaml",
          "actions[0].at: 'soon' is not a duration: expected a number (write e.g. 90s, 15m, 2h, 1d)",
          2, 9 },
        { "script-unknown-key.yaml",
          "actions[0]: unknown key 'doo'; valid: at, by, do, member, note, end, cancel, reply", 4, 5 },
        { "script-unknown-action.yaml",
          "actions[0].do: unknown action 'pull_cabel'; valid: pull_cable, scan_all, "
          "report_boss, call_ministry", 4, 9 },
        { "script-unknown-role.yaml",
          "actions[0].by: unknown role 'sysadmn'; valid: user, sysadmin, supervisor", 3, 9 },
        { "script-not-allowed.yaml",
          "actions[0].do: role 'user' may not take action 'pull_cable'; allowed: sysadmin", 4, 9 },
        { "script-wrong-type.yaml", "actions: expected a list, found a mapping", 2, 3 },
        { "script-scenario-mismatch.yaml",
          "scenario: this script is for scenario 'phishing', not 'ransomware'", 1, 11 },
        { "script-bad-setting.yaml",
          "settings.offline_backup: expected true or false (the default is false), found 'yes'",
          2, 19 },
        { "roster-good.yaml",
          "unknown key 'team'; valid: scenario, seed, settings, actions", 2, 1 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tt_action_script s;
        tt_error err;
        int rc = tt_action_script_load(sample_fixture(cases[i].fixture), sample_scenario(), &s,
                                       &err);
        check_bad(&cases[i], rc, &err);
        assert_int_equal(s.n_steps, 0);
        assert_null(s.arena.head);
    }
}

static int load_text(const char *text, tt_action_script *s, tt_error *err)
{
    return tt_action_script_load_buffer("t.yaml", text, strlen(text), sample_scenario(), s,
                                        err);
}

static void script_durations(void **state)
{
    (void)state;
    static const struct { const char *at; tt_ms ms; } good[] = {
        { "90s", 90000 }, { "15m", 900000 }, { "2h", 7200000 }, { "1d", 86400000 },
        { "1h30m", 5400000 }, { "0", 0 }, { "45", 45000 }, { "\"15m\"", 900000 },
        /* every form the program prints reads back */
        { "1:00:00", 3600000 }, { "+0:15:00", 900000 }, { "\"+41d 02:30:00\"", 3551400000LL },
        { "+41d 02:30:00", 3551400000LL },
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "actions:\n  - at: %s\n    by: user\n    note: x\n",
                 good[i].at);
        tt_action_script s;
        tt_error err;
        if (load_text(text, &s, &err) != 0)
            fail_msg("at: %s: %s", good[i].at, err.message);
        assert_int_equal(s.steps[0].at, good[i].ms);
        tt_action_script_free(&s);
    }
    static const struct { const char *at; const char *msg; } bad[] = {
        { "-5m", "actions[0].at: '-5m' is not a duration: negative" },
        { "-5", "actions[0].at: '-5' is not a duration: negative" },
        { "5x", "actions[0].at: '5x' is not a duration: unknown unit (use s, m, h or d)" },
        { "1.5h", "actions[0].at: '1.5h' is not a duration: unknown unit (use s, m, h or d)" },
        { "5000d", "actions[0].at: '5000d' is not a duration: too large (over 3650 days)" },
        { "true", "actions[0].at: 'true' is not a duration: expected a number (write e.g. "
                  "90s, 15m, 2h, 1d)" },
        { "", "actions[0].at: '' is not a duration: empty (write e.g. 90s, 15m, 2h, 1d or 0:15:00)" },
        { "[1m]", "actions[0].at: expected a duration such as 90s, 15m or 2h, found a list" },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "actions:\n  - at: %s\n    by: user\n    note: x\n",
                 bad[i].at);
        tt_action_script s;
        tt_error err;
        assert_int_equal(load_text(text, &s, &err), -1);
        assert_string_equal(err.message, bad[i].msg);
        assert_string_equal(err.file, "t.yaml");
        assert_int_equal(err.line, 2);
        /* an empty value is located where the parser saw it */
        assert_int_equal(err.column, bad[i].at[0] ? 9 : 8);
    }
}

static void script_other_bad_inputs(void **state)
{
    (void)state;
    static const struct { const char *text; const char *msg; int line, col; } bad[] = {
        { "", "the script is empty; expected 'actions'", 1, 1 },
        { "scenario: ransomware\n", "the script has no 'actions' list (write 'actions: []' "
                                    "for none)", 1, 1 },
        { "- 1\n", "script: expected a mapping, found a list", 1, 1 },
        { "actions: []\n---\nactions: []\n", "expected one YAML document, found a second one "
                                             "here", 2, 1 },
        { "seed: -1\nactions: []\n", "seed: '-1' is not a whole number from 0 to "
                                     "18446744073709551615", 1, 7 },
        { "seed: 18446744073709551616\nactions: []\n",
          "seed: '18446744073709551616' is too large (max 18446744073709551615)", 1, 7 },
        { "seed: \"7\"\nactions: []\n", "seed: '7' is not a whole number from 0 to "
                                        "18446744073709551615", 1, 7 },
        { "actions:\n  - { at: 1m, by: user }\n", "actions[0]: give 'do' (an action), "
                                                   "'cancel' or 'reply' (an action in progress) "
                                                   "or 'note' (a pure note)", 2, 5 },
        { "actions:\n  - { at: 1m, by: user, do: scan_all, cancel: scan_all }\n",
          "actions[0].cancel: give one of 'do', 'cancel' or 'reply' per step", 2, 47 },
        { "actions:\n  - { at: 1m, by: user, reply: scan_all }\n",
          "actions[0]: a 'reply' needs the answer in 'note'", 2, 5 },
        { "actions:\n  - { at: 1m, by: user, cancel: scann_all }\n",
          "actions[0].cancel: unknown action 'scann_all'; valid: pull_cable, scan_all, report_boss, "
          "call_ministry", 2, 33 },
        { "actions:\n  - { by: user, note: x }\n", "actions[0]: 'at' is missing (when, e.g. "
                                                    "90s, 15m, 2h)", 2, 5 },
        { "actions:\n  - { at: 1m, note: x }\n", "actions[0]: 'by' is missing (the role that "
                                                  "acts)", 2, 5 },
        { "actions:\n  - { at: 1m, at: 2m, by: user, note: x }\n", "duplicate key 'at'", 2, 15 },
        { "actions:\n  - { ? [a]: 1 }\n", "a key must be plain text, not a list", 2, 9 },
        { "settings: { colour: red }\nactions: []\n",
          "settings: unknown setting 'colour'; valid: offline_backup, staff, budget, region",
          1, 13 },
        { "settings: { staff: 2.5 }\nactions: []\n",
          "settings.staff: expected a whole number (the default is 3), found '2.5'", 1, 20 },
        { "settings: { staff: ~ }\nactions: []\n",
          "settings.staff: needs a value (true/false, a number or \"text\")", 1, 20 },
        { "settings: { staff: 99999999999999999999 }\nactions: []\n",
          "settings.staff: '99999999999999999999' is out of range", 1, 20 },
        { "actions: []\nnote: \"\\0\"\n", "text holds a NUL character, which is not allowed",
          2, 7 },
        { "actions: !!seq []\n", "tags (tag:yaml.org,2002:seq) are not allowed", 1, 10 },
        { "actions: []\n\x01\n", "character U+0001 is not allowed in YAML", 2, 1 },
        /* end steps: `end: true` and nothing but `at`, and nothing after them */
        { "actions:\n  - { at: 1m, end: false }\n",
          "actions[0].end: write 'end: true' to end the drill here, or leave 'end' out", 2, 20 },
        { "actions:\n  - { at: 1m, end: yes please }\n",
          "actions[0].end: 'yes please' is not true or false", 2, 20 },
        { "actions:\n  - { at: 1m, end: true, by: user }\n",
          "actions[0].by: an end step takes only 'at' (write '{ at: 1h30m, end: true }')", 2, 30 },
        { "actions:\n  - { at: 1h, end: true }\n  - { at: 2h, by: user, note: x }\n",
          "this step comes after the end step (line 2, at +1:00:00) and would never be taken",
          3, 1 },
        { "actions:\n  - { at: 1h, end: true }\n  - { at: 1h, by: user, note: x }\n",
          "this step comes after the end step (line 2, at +1:00:00) and would never be taken",
          3, 1 },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        tt_action_script s;
        tt_error err;
        int rc = load_text(bad[i].text, &s, &err);
        if (rc != -1)
            fail_msg("case %zu accepted", i);
        if (strcmp(err.message, bad[i].msg) != 0 || err.line != bad[i].line ||
            err.column != bad[i].col)
            fail_msg("case %zu: got %d:%d: %s\n  want %d:%d: %s", i, err.line, err.column,
                     err.message, bad[i].line, bad[i].col, bad[i].msg);
    }
}

/* `{ at: 1h30m, end: true }` is a step of its own, sorted with the others. */
static void script_end_step(void **state)
{
    (void)state;
    static const char text[] =
        "actions:\n  - { at: 1h30m, end: true }\n  - { at: 4m, by: user, note: first }\n"
        "  - { at: 1h30m, by: user, note: same time, written before the end }\n";
    tt_action_script s;
    tt_error err;
    /* Written below the end at the same time: refused (never taken). */
    assert_int_equal(load_text(text, &s, &err), -1);
    static const char ok[] =
        "actions:\n  - { at: 4m, by: user, note: first }\n  - { at: 1h30m, end: true }\n";
    if (load_text(ok, &s, &err) != 0)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    assert_int_equal(s.n_steps, 2);
    assert_false(s.steps[0].end);
    assert_true(s.steps[1].end);
    assert_int_equal(s.steps[1].at, 5400000);
    assert_null(s.steps[1].by);
    assert_null(s.steps[1].action);
    tt_action_script_free(&s);
}

static void script_without_scenario_types_settings(void **state)
{
    (void)state;
    static const char text[] =
        "settings: { a: true, b: 3, c: 1.5, d: \"true\", e: hello, f: -2, g: 1e3, h: 'x' }\n"
        "actions:\n  - { at: 1m, by: anyone, do: anything }\n";
    tt_action_script s;
    tt_error err;
    assert_int_equal(tt_action_script_load_buffer("t.yaml", text, strlen(text), NULL, &s, &err),
                     0);
    assert_false(s.has_seed);
    assert_null(s.scenario);
    assert_int_equal(s.n_settings, 8);
    static const tt_value_type types[] = { TT_VAL_BOOL, TT_VAL_INT, TT_VAL_NUM, TT_VAL_STR,
                                           TT_VAL_STR,  TT_VAL_INT, TT_VAL_NUM, TT_VAL_STR };
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(s.settings[i].value.type, types[i]);
    assert_string_equal(s.settings[3].value.as.s, "true");
    assert_int_equal(s.settings[5].value.as.i, -2);
    assert_true(s.settings[6].value.as.n == 1000.0);
    assert_string_equal(s.steps[0].action, "anything");
    tt_action_script_free(&s);
}

/* Hostile sizes end quickly with a located message: a mapping with more
 * keys than YDOC allows, a roster larger than any drill team. */
static void oversized_inputs_are_refused(void **state)
{
    (void)state;
    size_t cap = 64 * 5000 + 256;
    char *text = malloc(cap);
    assert_non_null(text);
    size_t n = (size_t)snprintf(text, cap, "settings:\n");
    for (int i = 0; i < 5000; i++)
        n += (size_t)snprintf(text + n, cap - n, "  k%d: 1\n", i);
    snprintf(text + n, cap - n, "actions: []\n");
    tt_action_script s;
    tt_error err;
    assert_int_equal(tt_action_script_load_buffer("big.yaml", text, strlen(text),
                                                  sample_scenario(), &s, &err), -1);
    assert_non_null(strstr(err.message, "too many keys in one mapping"));
    assert_int_equal(err.line, 4098);

    char path[] = "/tmp/tt-roster-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *fp = fdopen(fd, "w");
    assert_non_null(fp);
    fputs("team: big\nmembers:\n", fp);
    for (int i = 0; i <= TT_ROSTER_MAX_MEMBERS; i++)
        fprintf(fp, "  - { name: m%d, role: sysadmin }\n", i);
    fclose(fp);
    tt_roster r;
    assert_int_equal(tt_roster_load(path, sample_scenario(), &r, &err), -1);
    assert_non_null(strstr(err.message, "members"));
    assert_int_equal(err.line, 3);
    unlink(path);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(roster_good),
        cmocka_unit_test(roster_bad_files),
        cmocka_unit_test(script_good),
        cmocka_unit_test(script_bad_files),
        cmocka_unit_test(script_durations),
        cmocka_unit_test(script_other_bad_inputs),
        cmocka_unit_test(script_end_step),
        cmocka_unit_test(script_without_scenario_types_settings),
        cmocka_unit_test(oversized_inputs_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
