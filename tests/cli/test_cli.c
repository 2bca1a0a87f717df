/* The tabletop binary end to end: list, check, a headless run of the
 * ransomware model answer, determinism through the CLI, replay, and bad
 * input of each kind giving a located message and exit code 2. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli_util.h"
#include "tabletop/base.h"

/* Files of this test live in its build folder: several checkouts on one
 * machine run this suite at once, and shared /tmp names raced. */
#ifndef TT_CLI_TMP
#error "TT_CLI_TMP must be defined by CMake"
#endif

static void list_shows_the_six_scenarios_with_both_titles(void **state)
{
    (void)state;
    cli_result r = cli_run("list");
    assert_int_equal(r.status, 0);
    const char *ids[] = { "mail-form-flood", "exposed-monitoring", "ransomware",
                          "admin-server-breach", "wordpress-xss", "card-buffer-outage" };
    for (size_t i = 0; i < 6; i++)
        assert_contains(r.out, ids[i]);
    assert_contains(r.out, "ランサムウェア");
    assert_contains(r.out, "Ransomware");
    cli_done(&r);
}

static void check_accepts_scenarios_and_locates_errors(void **state)
{
    (void)state;
    cli_result r = cli_run("check ransomware");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "ok ransomware");
    cli_done(&r);
    r = cli_run("check tests/cli/fixtures/syntax-error.lua");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "syntax-error.lua:4");
    cli_done(&r);
    r = cli_run("check tests/cli/fixtures/endless.lua");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "endless.lua");
    assert_contains(r.err, "instruction");
    cli_done(&r);
    r = cli_run("check no-such-scenario");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "no scenario 'no-such-scenario'");
    cli_done(&r);
}

static void headless_model_run_prints_timeline_and_objectives(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-a.yaml");
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                   "--journal " TT_CLI_TMP "-a.yaml --scorecard " TT_CLI_TMP "-a.json --db " TT_CLI_TMP ".db");
    if (r.status != 0)
        fail_msg("exit %d\n%s\n%s", r.status, r.out, r.err);
    assert_contains(r.out, "inject");
    assert_contains(r.out, "action");
    assert_contains(r.out, "within target");
    assert_true(strstr(r.out, "not reached") == NULL);
    assert_contains(r.out, "scorecard: " TT_CLI_TMP "-a.json");
    assert_int_equal(access(TT_CLI_TMP "-a.json", R_OK), 0);
    cli_done(&r);
}

/* An action script's `{ at: 1h30m, end: true }` ends the drill as the
 * facilitator would: the card is scored by the early-end rules (objectives
 * whose limit had not passed are N/A, no score), opens with the banner, and
 * the history says the same; the journal replays. */
static void end_step_ends_the_drill_early(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-e.yaml");
    unlink(TT_CLI_TMP "-e.db");
    cli_result r = cli_run("run ransomware --script tests/cli/fixtures/ransomware-end.yaml --ui none "
                   "--journal " TT_CLI_TMP "-e.yaml --scorecard " TT_CLI_TMP "-e.json --db "
                   TT_CLI_TMP "-e.db");
    if (r.status != 0)
        fail_msg("exit %d\n%s\n%s", r.status, r.out, r.err);
    cli_done(&r);
    char *journal = cli_slurp(TT_CLI_TMP "-e.yaml");
    assert_contains(journal, "t: 5400000\nstatus: \"facilitator\"");
    free(journal);
    char *json = cli_slurp(TT_CLI_TMP "-e.json");
    assert_contains(json, "\"rating\": \"N/A\",\n      \"score\": null");
    assert_contains(json, "\"not_assessed\": 6");
    assert_contains(json, "\"ended_s\": 5400");
    assert_contains(json, "Ended at +1:30:00 of 8:00:00: 6 objective(s) not assessed");
    /* Headline: the isolate phase's first success is the PC unplugged at
     * +0:02:00 (target +0:15:00), though the phase is not complete. */
    assert_contains(json, "\"first_objective\": \"isolate_pc\",\n      \"first_s\": 120,\n"
                          "      \"first_target_s\": 900\n");
    free(json);
    r = cli_run("score " TT_CLI_TMP "-e.yaml -o " TT_CLI_TMP "-e.html --lang ja --db " TT_CLI_TMP "-e.db");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "演習は +1:30:00 に終了しました（シナリオの長さ 8:00:00）。目標 6 件は期限前のため未評価です。");
    cli_done(&r);
    char *html = cli_slurp(TT_CLI_TMP "-e.html");
    assert_contains(html, "<p class=\"early\"><strong>途中終了:</strong> 演習は +1:30:00 に終了しました");
    assert_contains(html, "<span class=\"rating rNA\"");
    assert_contains(html, "最初の達成: 感染PCをネットワークから切り離す（目標時間 +0:15:00）");
    assert_contains(html, "段階の完了: 未達（目標時間 +2:30:00、達成 1/3）");
    free(html);
    r = cli_run("history --db " TT_CLI_TMP "-e.db");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "ended early (6 not assessed)");
    cli_done(&r);
    r = cli_run("replay " TT_CLI_TMP "-e.yaml");
    if (r.status != 0)
        fail_msg("replay exit %d\n%s\n%s", r.status, r.out, r.err);
    cli_done(&r);
}

/* Ended before anything could be assessed: no score number anywhere the
 * facilitator looks afterwards (score, the card, history), never a 0 that
 * reads as a failed drill. */
static void nothing_assessed_shows_no_number(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-n.yaml");
    unlink(TT_CLI_TMP "-n.db");
    unlink(TT_CLI_TMP "-n.html");
    unlink(TT_CLI_TMP "-n1.yaml");
    unlink(TT_CLI_TMP "-n2.yaml");
    unlink(TT_CLI_TMP "-n2.html");
    /* A scored run before, so the card and history have a trend. */
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none --journal " TT_CLI_TMP "-n1.yaml "
                           "--no-scorecard --db " TT_CLI_TMP "-n.db");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("score " TT_CLI_TMP "-n1.yaml -o " TT_CLI_TMP "-n1.json --db " TT_CLI_TMP "-n.db");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    cli_write(TT_CLI_TMP "-n-script.yaml",
              "scenario: ransomware\nseed: 7\nactions:\n  - { at: 1m, end: true }\n");
    r = cli_run("run ransomware --script " TT_CLI_TMP "-n-script.yaml --ui none "
                           "--journal " TT_CLI_TMP "-n.yaml --scorecard " TT_CLI_TMP "-n.html --db " TT_CLI_TMP "-n.db");
    if (r.status != 0)
        fail_msg("run exit %d\n%s\n%s", r.status, r.out, r.err);
    cli_done(&r);
    r = cli_run("score " TT_CLI_TMP "-n.yaml -o " TT_CLI_TMP "-n.md --lang en --no-record");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "N/A score —/100");
    cli_done(&r);
    char *md = cli_slurp(TT_CLI_TMP "-n.md");
    assert_contains(md, "**Score:** — / 100");
    free(md);
    r = cli_run("history --db " TT_CLI_TMP "-n.db");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, " —     N/A ");
    assert_contains(r.out, "# date");
    assert_contains(r.out, " scenario ");   /* a column name, lower case like the others */
    cli_done(&r);
    /* The card of the run with nothing assessed: its own score and change are "—". */
    char *html = cli_slurp(TT_CLI_TMP "-n.html");
    assert_contains(html, "<td class=\"num\"><strong>—</strong></td>");
    assert_not_contains(html, "<strong>0</strong> (");
    free(html);
    /* A scored run after it: its change is against the last run with a
     * number, the run without one shows "—" in the table and has no bar. */
    r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none --journal " TT_CLI_TMP "-n2.yaml --scorecard "
                TT_CLI_TMP "-n2.html --db " TT_CLI_TMP "-n.db");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    html = cli_slurp(TT_CLI_TMP "-n2.html");
    assert_contains(html, "<td class=\"num\">—</td>");
    assert_contains(html, "(+0)</td>");
    assert_contains(html, "text-anchor=\"middle\">—</text>");
    free(html);
    /* history's trend line leaves the run without a number out: no "→ 0". */
    r = cli_run("history --db " TT_CLI_TMP "-n.db");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "(+0");
    assert_not_contains(r.out, "→ 0");
    assert_not_contains(r.out, "→ —");
    cli_done(&r);
}

/* `resume` keeps the drill's --db and --scorecard (journaled in START):
 * a drill interrupted before its end and resumed without them lands in the
 * same history and card as it started with. */
static void resume_keeps_the_drills_db_and_card(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-r.yaml");
    unlink(TT_CLI_TMP "-r.db");
    unlink(TT_CLI_TMP "-r.json");
    cli_result r = cli_run("run ransomware --script tests/cli/fixtures/ransomware-end.yaml --ui none "
                   "--journal " TT_CLI_TMP "-r.yaml --scorecard " TT_CLI_TMP "-r.json --db "
                   TT_CLI_TMP "-r.db");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *journal = cli_slurp(TT_CLI_TMP "-r.yaml");
    assert_contains(journal, "db: \"" TT_CLI_TMP "-r.db\"");
    assert_contains(journal, "scorecard: \"" TT_CLI_TMP "-r.json\"");
    /* Interrupted before its end: the END record is lost. */
    char *end = strstr(journal, "type: end");
    assert_non_null(end);
    while (end > journal && strncmp(end, "---", 3) != 0)
        end--;
    FILE *fp = fopen(TT_CLI_TMP "-r.yaml", "wb");
    assert_non_null(fp);
    fwrite(journal, 1, (size_t)(end - journal), fp);
    fclose(fp);
    free(journal);
    unlink(TT_CLI_TMP "-r.db");
    unlink(TT_CLI_TMP "-r.json");
    r = cli_run("resume " TT_CLI_TMP "-r.yaml --script tests/cli/fixtures/ransomware-end.yaml --ui none");
    if (r.status != 0)
        fail_msg("resume exit %d\n%s\n%s", r.status, r.out, r.err);
    assert_contains(r.out, "scorecard: " TT_CLI_TMP "-r.json");
    cli_done(&r);
    assert_int_equal(access(TT_CLI_TMP "-r.json", R_OK), 0);
    r = cli_run("history --db " TT_CLI_TMP "-r.db");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "ransomware");
    assert_contains(r.out, "ended early (6 not assessed)");
    cli_done(&r);
}

/* Terminal cells of a UTF-8 prefix (the test's CJK is all three-byte, two cells). */
static size_t cells(const char *s, size_t bytes)
{
    size_t w = 0;
    for (size_t i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            w += ((unsigned char)s[i] & 0xF0) == 0xE0 ? 2 : 1;
    return w;
}

/* history: columns line up in terminal cells (a Japanese team name is
 * double width), team and scenario match whatever their case, a misspelt
 * one is answered with the nearest, and trends are shown per team and
 * scenario without --scenario. */
static void history_filters_columns_and_trends(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-h.db");
    static const char *const rosters[] = { "roster-ja", "roster-en", "roster-ja" };
    for (int i = 0; i < 3; i++) {
        char journal[512];
        snprintf(journal, sizeof journal, TT_CLI_TMP "-h%d.yaml", i);
        unlink(journal);
        cli_result r = cli_run("run ransomware --script %s --ui none --roster tests/cli/fixtures/%s.yaml "
                       "--journal %s --scorecard " TT_CLI_TMP "-h.json --db " TT_CLI_TMP "-h.db",
                       i == 2 ? "scenarios/answers/ransomware/model.yaml"
                              : "tests/cli/fixtures/ransomware-end.yaml",
                       rosters[i], journal);
        if (r.status != 0)
            fail_msg("run %d: exit %d\n%s", i, r.status, r.err);
        cli_done(&r);
    }
    cli_result r = cli_run("history --db " TT_CLI_TMP "-h.db");
    assert_int_equal(r.status, 0);
    /* Every line's status column starts at the same cell. */
    size_t col = 0, lines = 0;
    for (char *line = r.out; line && *line && lines < 4; lines++) {
        char *nl = strchr(line, '\n');
        const char *st = strstr(line, lines == 0 ? "status" : strstr(line, "ended early") ? "ended early"
                                                                                        : "complete");
        assert_non_null(st);
        size_t at = cells(line, (size_t)(st - line));
        if (lines == 0)
            col = at;
        else if (at != col)
            fail_msg("line %zu: status at cell %zu, not %zu:\n%s", lines, at, col, r.out);
        line = nl ? nl + 1 : NULL;
    }
    assert_int_equal(lines, 4);
    /* Trend per team and scenario though --scenario was not given. */
    assert_contains(r.out, "trend 青チーム · ransomware: 100 → 100 (+0 since the previous run)");
    cli_done(&r);
    r = cli_run("history --db " TT_CLI_TMP "-h.db --team BLUE --scenario RansomWare");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "Blue");
    assert_true(strstr(r.out, "青チーム") == NULL);
    cli_done(&r);
    r = cli_run("history --db " TT_CLI_TMP "-h.db --team blu");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "No exercises recorded.");
    assert_contains(r.err, "no exercise of team 'blu' is recorded; did you mean 'Blue'?");
    cli_done(&r);
    r = cli_run("history --db " TT_CLI_TMP "-h.db --scenario ransomwar --lang ja");
    assert_int_equal(r.status, 0);
    assert_contains(r.err, "「ransomware」のことですか？");
    cli_done(&r);
}

/* Every roster example in the docs (a ```yaml block with `members:`) loads
 * against ransomware, the docs' running example: a documented roster that
 * is refused teaches the wrong roles. */
static void roster_examples_in_the_docs_load(void **state)
{
    (void)state;
    static const char *const docs[] = { "README.md", "docs/drills.md", "docs/journal.md",
                                        "docs/results.md", "docs/multiseat.md", NULL };
    char path[1024];
    size_t examples = 0;
    for (size_t d = 0; docs[d]; d++) {
        snprintf(path, sizeof path, "%s/%s", getenv("TT_SOURCE_DIR"), docs[d]);
        char *text = cli_slurp(path);
        for (char *p = strstr(text, "```yaml\n"); p; p = strstr(p, "```yaml\n")) {
            /* The fence's indentation (inside a list item) is taken off. */
            size_t indent = 0;
            while (p - (ptrdiff_t)indent > text && p[-1 - (ptrdiff_t)indent] == ' ')
                indent++;
            char *body = p + 8, *end = strstr(body, "```");
            if (!end)
                break;
            p = end + 3;
            char block[4096];
            size_t n = 0;
            for (char *line = body; line < end && n + 2 < sizeof block;) {
                char *nl = strchr(line, '\n');
                if (nl && nl > end)
                    nl = NULL;
                size_t skip = 0;
                while (skip < indent && line[skip] == ' ')
                    skip++;
                size_t len = (size_t)((nl ? nl : end) - line) - skip;
                if (n + len + 2 >= sizeof block)
                    break;
                memcpy(block + n, line + skip, len);
                n += len;
                block[n++] = '\n';
                line = nl ? nl + 1 : end;
            }
            block[n] = '\0';
            if (!strstr(block, "members:") || strstr(block, "actions:") || strstr(block, "type:"))
                continue;
            examples++;
            char roster[512], journal[512];
            snprintf(roster, sizeof roster, "%s", cli_path("doc-roster.yaml"));
            snprintf(journal, sizeof journal, "%s", cli_path("doc-roster.journal.yaml"));
            cli_write(roster, block);
            unlink(journal);
            cli_result r = cli_run("run ransomware --roster '%s' --script "
                                   "tests/cli/fixtures/ransomware-end.yaml --ui none "
                                   "--no-scorecard --journal '%s'", roster, journal);
            if (r.status != 0)
                fail_msg("%s: the roster example does not load:\n%s\n%s", docs[d], block, r.err);
            cli_done(&r);
        }
        free(text);
    }
    assert_true(examples >= 3);
}

static void same_seed_same_journal_and_replay_agrees(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-b1.yaml"); /* journals are never overwritten */
    unlink(TT_CLI_TMP "-b2.yaml");
    cli_result a = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                   "--seed 42 --journal " TT_CLI_TMP "-b1.yaml --no-scorecard");
    cli_result b = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                   "--seed 42 --journal " TT_CLI_TMP "-b2.yaml --no-scorecard");
    assert_int_equal(a.status, 0);
    assert_int_equal(b.status, 0);
    char *j1 = cli_slurp(TT_CLI_TMP "-b1.yaml"), *j2 = cli_slurp(TT_CLI_TMP "-b2.yaml");
    assert_true(strlen(j1) > 1000);
    assert_string_equal(j1, j2);
    free(j1);
    free(j2);
    cli_done(&a);
    cli_done(&b);
    cli_result r = cli_run("replay " TT_CLI_TMP "-b1.yaml");
    if (r.status != 0)
        fail_msg("replay exit %d\n%s\n%s", r.status, r.out, r.err);
    cli_done(&r);
    /* Another seed: the first draw (record 3) differs; the two records
     * before it matched (the count once included the differing record). */
    char *text = cli_slurp(TT_CLI_TMP "-b1.yaml");
    char *seed = strstr(text, "seed: 42");
    assert_non_null(seed);
    seed[7] = '3';
    cli_write(TT_CLI_TMP "-b1.yaml", text);
    free(text);
    r = cli_run("replay " TT_CLI_TMP "-b1.yaml --lang en");
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "differs after 2 matching records\nrecord 3 (t=+0:00:00)");
    cli_done(&r);
}

/* An edited journal is refused by resume (exit 2) and left as it was. */
static void resume_refuses_a_journal_that_does_not_reproduce(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-c.yaml");
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                   "--seed 42 --journal " TT_CLI_TMP "-c.yaml --no-scorecard");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *text = cli_slurp(TT_CLI_TMP "-c.yaml");
    char *last = strstr(text, "\ntype: end\n");
    assert_non_null(last);
    while (last > text && strncmp(last, "---", 3) != 0)
        last--;
    *last = '\0'; /* cut the end record: an interrupted exercise */
    char *seed = strstr(text, "seed: 42");
    assert_non_null(seed);
    seed[7] = '3'; /* and edit its seed */
    FILE *fp = fopen(TT_CLI_TMP "-c.yaml", "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    r = cli_run("resume " TT_CLI_TMP "-c.yaml --script scenarios/answers/ransomware/model.yaml "
            "--ui none --no-scorecard");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "does not reproduce");
    cli_done(&r);
    char *after = cli_slurp(TT_CLI_TMP "-c.yaml");
    assert_string_equal(after, text);
    free(after);
    free(text);
}

/* A journal cut inside its first record, or empty: every reader names the
 * file once ("J:L:C:" of the dropped record, never "J: J:L:C:") and says
 * the same thing (no start record), exit 2. */
/* A scenario that does not load is reported under the command's name, as
 * every other failure is ('tabletop check: F:1: ...', was 'tabletop: ...'). */
static void scenario_faults_name_the_command(void **state)
{
    (void)state;
    const char *bad = cli_path("no-source.lua");
    cli_write(bad, "return scenario { id = \"x\" }\n");
    static const char *const cmds[] = { "check", "show", "msel", "graph", "run", "sweep" };
    static const char *const tails[] = { "", "", "", "-o g.svg", "--ui none",
                                         "-o s.json --script scenarios/answers/ransomware/model.yaml" };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        cli_result r = cli_run("%s '%s' %s --lang en", cmds[i], bad, tails[i]);
        assert_int_equal(r.status, 2);
        char want[1200];
        snprintf(want, sizeof want, "tabletop %s: %s:1:", cmds[i], bad);
        if (!strstr(r.err, want))
            fail_msg("%s: no '%s' in:\n%s", cmds[i], want, r.err);
        cli_done(&r);
    }
    cli_result r = cli_run("check no-such-scenario-id --lang en");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "tabletop check: no scenario 'no-such-scenario-id'");
    cli_done(&r);
}

/* resume names a missing or unusable journal before anything the drill
 * would need next (it said a live drill needs a terminal, outside one). */
static void resume_names_a_missing_journal_first(void **state)
{
    (void)state;
    const char *missing = cli_path("no-such-journal.yaml");
    cli_result r = cli_run("resume '%s' --lang en < /dev/null", missing);
    assert_int_equal(r.status, 2);
    char named[1200];
    snprintf(named, sizeof named, "%s: cannot open: ", missing);
    assert_contains(r.err, named);
    assert_not_contains(r.err, "terminal");
    cli_done(&r);
    r = cli_run("resume '%s' --lang ja < /dev/null", cli_path(""));
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "通常のファイルではありません");
    cli_done(&r);
}

static void a_journal_without_its_start_is_named_once(void **state)
{
    (void)state;
    const char *j = cli_path("cut.yaml");
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                           "--journal '%s' --no-scorecard", j);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *text = cli_slurp(j);
    char *end = strstr(text, "\n...\n");
    assert_non_null(end);
    *end = '\0'; /* inside the START record */
    cli_write(j, text);
    free(text);
    static const char *const cmds[] = { "replay", "resume", "score" };
    char score_out[1024];
    snprintf(score_out, sizeof score_out, "-o '%s.json'", j);
    const char *const tails[] = { "", "--ui none --no-scorecard", score_out };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        r = cli_run("%s '%s' %s --lang en", cmds[i], j, tails[i]);
        assert_int_equal(r.status, 2);
        char twice[1200];
        snprintf(twice, sizeof twice, "%s: %s:", j, j);
        assert_not_contains(r.err, twice);
        char named[1200];
        snprintf(named, sizeof named, "%s: not a tabletop journal (no start record)", j);
        assert_contains(r.err, named);
        cli_done(&r);
    }
    cli_write(j, "");
    r = cli_run("score '%s' -o '%s.json' --lang en", j, j);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "not a tabletop journal (no start record)");
    cli_done(&r);
}

/* A journal names its scenario by id and path; neither is trusted as a way
 * to run some other file. */
static void journal_scenario_names_are_not_trusted(void **state)
{
    (void)state;
    unlink(TT_CLI_TMP "-d.yaml");
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                   "--journal " TT_CLI_TMP "-d.yaml --no-scorecard");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *text = cli_slurp(TT_CLI_TMP "-d.yaml");
    char *path = strstr(text, "  path: \"");
    assert_non_null(path);
    char *end = strchr(path + 9, '"');
    assert_non_null(end);
    char edited[65536];
    /* path -> a file whose hash is not the recorded one: ignored, the id is used */
    snprintf(edited, sizeof edited, "%.*s  path: \"/etc/passwd\"%s", (int)(path - text), text,
             end + 1);
    FILE *fp = fopen(TT_CLI_TMP "-d2.yaml", "wb");
    fputs(edited, fp);
    fclose(fp);
    r = cli_run("replay " TT_CLI_TMP "-d2.yaml");
    assert_int_equal(r.status, 0);
    assert_true(strstr(r.err, "passwd") == NULL);
    cli_done(&r);
    /* and the id must be an id, not a path */
    char *id = strstr(edited, "scenario: \"ransomware\"");
    assert_non_null(id);
    char worse[65536];
    snprintf(worse, sizeof worse, "%.*sscenario: \"../../etc/passwd\"%s", (int)(id - edited),
             edited, id + strlen("scenario: \"ransomware\""));
    fp = fopen(TT_CLI_TMP "-d3.yaml", "wb");
    fputs(worse, fp);
    fclose(fp);
    r = cli_run("replay " TT_CLI_TMP "-d3.yaml");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "not a scenario id");
    cli_done(&r);
    /* score says it too, at the journal (it said "cannot find scenario '?'") */
    r = cli_run("score " TT_CLI_TMP "-d3.yaml -o " TT_CLI_TMP "-d3.json --no-record");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "-d3.yaml: the journal's scenario id is not a scenario id");
    assert_not_contains(r.err, "'?'");
    cli_done(&r);
    free(text);
}

static void bad_command_lines_exit_2_with_a_message(void **state)
{
    (void)state;
    static const struct { const char *args; const char *says; } cases[] = {
        { "frobnicate", "unknown command" },
        { "run", "which scenario" },
        { "run ransomware --ui bogus", "--ui must be" },
        { "run ransomware --seed -3 --script scenarios/answers/ransomware/model.yaml", "--seed" },
        { "run ransomware --speed zero --script scenarios/answers/ransomware/model.yaml", "--speed" },
        { "run ransomware --lang fr", "--lang" },
        { "run ransomware --set nokey", "KEY=VALUE" },
        { "run ransomware --snapshot x.png", "--at" },
        { "run ransomware --no-such-flag", "no-such-flag" },
        { "run ransomware --script tests/cli/fixtures/bad-duration.yaml --ui none",
          "bad-duration.yaml:6:" },
        { "run ransomware --script /nonexistent.yaml --ui none", "nonexistent.yaml" },
        { "run ransomware --ui none --set bogus=1", "bogus" },
        { "run ransomware --ui none --set offline_backup=maybe", "offline_backup" },
        { "run ransomware --ui none --scorecard card.txt", "--scorecard must end in" },
        { "resume x.yaml --scorecard card.pdf", "--scorecard must end in" },
        { "history --db /nonexistent/tt-history.db", "no drill-history database" },
        /* Dates that do not exist (one check: tt_calendar_date_ok). */
        { "report --since 2026-99-99 -o r.md", "--since must be a date" },
        { "report --since 2026-02-30 -o r.md", "--since must be a date" },
        { "run ransomware --ui none --scorecard /nonexistent-dir/card.html", "cannot write in" },
        /* Typos get "did you mean": commands, long options, scenario ids. */
        { "rnu ransomware", "did you mean 'run'?" },
        { "run ransomware --jounral x.yaml", "did you mean '--journal'?" },
        { "score x.yaml --hlep", "did you mean '--help'?" },
        { "check ransomwear", "no scenario 'ransomwear'; did you mean 'ransomware'?" },
        { "run admin-server-breech --ui none", "did you mean 'admin-server-breach'?" },
        { "run --lang ja ransomware --speeed 3", "「--speed」のことですか？" },
        /* A known option given last without its value says so (it said
         * "unknown or incomplete option '--journal'; did you mean '--journal'?"). */
        { "run ransomware --journal", "option '--journal' needs a value\n(see 'tabletop run --help')" },
        { "run ransomware --jour", "option '--jour' needs a value" },
        { "score x.yaml -o", "option '-o' needs a value\n(see 'tabletop score --help')" },
        { "sweep ransomware --script", "option '--script' needs a value" },
        { "run ransomware --lang ja --seed", "オプション '--seed' には値が必要です" },
        { "run ransomware --strict=yes", "--strict=yes" },
        /* One value per option: the last one silently won (--script A
         * --script B played B alone); opposite options say so. */
        { "run ransomware --ui none --script a.yaml --script b.yaml", "option '--script' is given twice; give it once" },
        { "score x.yaml -o a.json -o b.json", "option '--output' is given twice" },
        { "run ransomware --lang ja --seed 1 --seed 2", "オプション '--seed' が2回指定されています" },
        { "run ransomware --ui none --no-scorecard --scorecard c.html", "'--scorecard' and '--no-scorecard' cannot go together" },
        { "resume j.yaml --scorecard c.html --no-scorecard", "'--scorecard' and '--no-scorecard' cannot go together" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_result r = cli_run("%s", cases[i].args);
        if (r.status != 2)
            fail_msg("'%s': exit %d, want 2\n%s%s", cases[i].args, r.status, r.out, r.err);
        assert_contains(r.err, cases[i].says);
        assert_true(strlen(r.err) > 0);
        /* The hint once ("needs a value (see ...) (see ...)" said it twice). */
        const char *see = strstr(r.err, "--help')");
        if (see && strstr(see + 1, "--help')"))
            fail_msg("'%s': the help hint twice: %s", cases[i].args, r.err);
        see = strstr(r.err, "--help' を参照");
        if (see && strstr(see + 1, "--help' を参照"))
            fail_msg("'%s': the help hint twice: %s", cases[i].args, r.err);
        cli_done(&r);
    }
}

/* A failure's exit code is its class, chosen where it happens: what the
 * user gave is wrong (2), or the machine failed (1). An output that cannot
 * be written is never "bad input", a malformed journal never a runtime
 * failure. */
static void failures_exit_by_their_class(void **state)
{
    (void)state;
    char journal[512], db[512], broken[512];
    snprintf(journal, sizeof journal, "%s", cli_path("class.yaml"));
    snprintf(db, sizeof db, "%s", cli_path("class.db"));
    snprintf(broken, sizeof broken, "%s", cli_path("broken.yaml"));
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                           "--journal %s --no-scorecard", journal);
    if (r.status != 0)
        fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
    cli_done(&r);
    r = cli_run("score %s --db %s -o %s", journal, db, cli_path("class.html"));
    if (r.status != 0)
        fail_msg("exit %d\n%s%s", r.status, r.out, r.err);
    cli_done(&r);
    cli_write(broken, "- type: START\n  t: [not a time\n");
    /* Each command line is before, then a path (0 none, 1 the journal, 2 the
     * database, 3 the broken journal), then after. */
    static const struct { const char *before; int arg; const char *after; int status; const char *says; } cases[] = {
        /* An output that cannot be written: a runtime failure. In a folder
         * that does not exist: the user's mistake, before any work. */
        { "score ", 1, " --no-record -o /proc/card.html", 1, "cannot write" },
        { "score ", 1, " --no-record -o /nonexistent-dir/card.html", 2, "directory does not exist" },
        { "score ", 1, " --no-record -o card.txt", 2, "--help" },
        { "score ", 3, " --no-record", 2, "broken.yaml" },
        { "graph ransomware -o /proc/graph.dot", 0, "", 1, "cannot write" },
        { "msel ransomware -o /proc/msel.csv", 0, "", 1, "cannot write" },
        { "show ransomware -o /proc/brief.md", 0, "", 1, "cannot write" },
        { "show ransomware -o /nonexistent-dir/brief.md", 0, "", 2, "directory does not exist" },
        { "show ransomwear", 0, "", 2, "did you mean 'ransomware'?" },
        { "sweep ransomware --script scenarios/answers/ransomware/model.yaml --runs 2 --jobs 1 "
          "-o /proc/sweep.json", 0, "", 1, "cannot write the report" },
        { "report --db ", 2, " -o /proc/report.html", 1, "cannot write the report" },
        { "report --db ", 2, " -o /nonexistent-dir/report.html", 2, "directory does not exist" },
        { "report --db ", 2, " -o report.txt", 2, "--help" },
        { "explore ransomware --runs 0", 0, "", 2, "--runs" },
        /* A folder option naming a file or device: bad input, before any
         * work (tt_make_folder). */
        { "explore ransomware --runs 1 -o /dev/null", 0, "", 2, "/dev/null: not a folder" },
        { "new zz --dir /dev/null", 0, "", 2, "/dev/null: not a folder" },
        { "new zz --dir ", 1, "/x", 2, "not a folder" },
        /* --serve takes an address: a name or interface is bad input; an
         * address not on this machine (TEST-NET-1) cannot be listened on,
         * at once (it ran the drill with links nobody could open). */
        { "run ransomware --ui none --no-scorecard --serve 'bad host:80'", 0, "", 2, "--serve" },
        { "run ransomware --ui none --no-scorecard --serve lo:0", 0, "", 2, "--serve" },
        { "run ransomware --ui none --no-scorecard --journal ", 1, ".serve --serve 192.0.2.1:0", 1,
          "cannot listen on 192.0.2.1:0" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *args[] = { "", journal, db, broken };
        char line[2048];
        snprintf(line, sizeof line, "%s%s%s", cases[i].before, args[cases[i].arg], cases[i].after);
        r = cli_run("%s", line);
        if (r.status != cases[i].status)
            fail_msg("'%s': exit %d, want %d\n%s%s", line, r.status, cases[i].status, r.out, r.err);
        assert_contains(r.err, cases[i].says);
        cli_done(&r);
    }
}

/* A scenario that fails while it runs fails the same way when its journal
 * is replayed or resumed: exit 1 (runtime) with the located error, as in
 * `run`, never 2 (bad input). Here an inject's effect at +0:00:00 raises. */
static void a_callback_failure_is_runtime_in_replay_and_resume(void **state)
{
    (void)state;
    char lua[512], script[512], journal[512];
    snprintf(lua, sizeof lua, "%s", cli_path("fails.lua"));
    snprintf(script, sizeof script, "%s", cli_path("fails.yaml"));
    snprintf(journal, sizeof journal, "%s", cli_path("fails.journal.yaml"));
    cli_write(lua,
              "local T = { ja = 't', en = 't' }\n"
              "return scenario { id = 'fails', source = 't', title = T, summary = T,\n"
              "  length = '1h', invented = T, roles = { r = { name = T } },\n"
              "  injects = { { id = 'i', at = '0m', text = T,\n"
              "                does = function() error(42) end } },\n"
              "  actions = { a = { by = 'r', label = T, completes = 'o' } },\n"
              "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } } }\n");
    cli_write(script, "scenario: fails\nactions: []\n");
    const char *where = "fails.lua:5: 42 (in injects.i.does)";
    cli_result r = cli_run("run '%s' --script '%s' --ui none --no-scorecard --journal '%s'", lua,
                           script, journal);
    assert_int_equal(r.status, 1);
    assert_contains(r.err, where);
    cli_done(&r);
    r = cli_run("replay '%s'", journal);
    if (r.status != 1)
        fail_msg("replay: exit %d\n%s%s", r.status, r.out, r.err);
    assert_contains(r.err, where);
    cli_done(&r);
    r = cli_run("resume '%s' --script '%s' --ui none --no-scorecard", journal, script);
    if (r.status != 1)
        fail_msg("resume: exit %d\n%s%s", r.status, r.out, r.err);
    assert_contains(r.err, where);
    cli_done(&r);
}

/* A journal whose START the scenario refuses (a setting it does not have)
 * is bad input named at the journal, in replay and resume alike (the
 * message named no file). */
static void journal_start_errors_name_the_journal(void **state)
{
    (void)state;
    char journal[512], bad[512];
    snprintf(journal, sizeof journal, "%s", cli_path("start-ok.yaml"));
    snprintf(bad, sizeof bad, "%s", cli_path("start-bad.yaml"));
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                           "--no-scorecard --journal '%s'", journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *text = cli_slurp(journal);
    char *at = strstr(text, "  settings:\n");
    assert_non_null(at);
    at += strlen("  settings:\n");
    /* Cut before the END so that resume has something to go on with. */
    char *end = strstr(text, "---\ntype: end");
    assert_non_null(end);
    *end = '\0';
    char *edited = malloc(strlen(text) + 64);
    assert_non_null(edited);
    sprintf(edited, "%.*s    bogus: 1\n%s", (int)(at - text), text, at);
    cli_write(bad, edited);
    free(edited);
    free(text);
    r = cli_run("replay '%s'", bad);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "start-bad.yaml: unknown setting 'bogus'");
    cli_done(&r);
    r = cli_run("resume '%s' --ui none --no-scorecard", bad);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "start-bad.yaml: unknown setting 'bogus'");
    cli_done(&r);
}

/* Steps of a script after the exercise ended are not played: said with the
 * first one's line (they were dropped without a word). */
static void steps_after_the_end_are_named(void **state)
{
    (void)state;
    char script[512];
    snprintf(script, sizeof script, "%s", cli_path("late-steps.yaml"));
    char *model = cli_slurp("scenarios/answers/ransomware/model.yaml");
    if (!*model) {
        free(model);
        char path[1024];
        snprintf(path, sizeof path, "%s/scenarios/answers/ransomware/model.yaml", getenv("TT_SOURCE_DIR"));
        model = cli_slurp(path);
    }
    assert_true(strlen(model) > 0);
    size_t lines = 0;
    for (const char *p = model; *p; p++)
        lines += *p == '\n';
    char *text = malloc(strlen(model) + 200);
    assert_non_null(text);
    sprintf(text, "%s  - { at: 7h, by: sysadmin, note: 'too late' }\n"
                  "  - { at: 7h30m, by: sysadmin, note: 'later still' }\n", model);
    cli_write(script, text);
    free(text);
    free(model);
    cli_result r = cli_run("run ransomware --script '%s' --ui none --no-scorecard --journal '%s'",
                           script, cli_path("late-steps.journal.yaml"));
    assert_int_equal(r.status, 0);
    char want[700];
    snprintf(want, sizeof want, "late-steps.yaml:%zu: warning: this step and the 1 after it were not "
             "played: the exercise ended at +5:10:00, before this step's +7:00:00", lines + 1);
    assert_contains(r.err, want);
    cli_done(&r);
    /* One late step: it alone was not played (it said "and the 0 after it"). */
    text = cli_slurp(script);
    char *second = strstr(text, "  - { at: 7h30m");
    assert_non_null(second);
    *second = '\0';
    cli_write(script, text);
    free(text);
    r = cli_run("run ransomware --script '%s' --ui none --no-scorecard --journal '%s'",
                script, cli_path("late-step.journal.yaml"));
    assert_int_equal(r.status, 0);
    snprintf(want, sizeof want, "late-steps.yaml:%zu: warning: this step was not played: the "
             "exercise ended at +5:10:00, before this step's +7:00:00", lines + 1);
    assert_contains(r.err, want);
    assert_not_contains(r.err, "after it");
    cli_done(&r);
    r = cli_run("run ransomware --lang ja --script '%s' --ui none --no-scorecard --journal '%s'",
                script, cli_path("late-step-ja.journal.yaml"));
    assert_int_equal(r.status, 0);
    assert_contains(r.err, "警告: このステップは実行されませんでした: 演習は +5:10:00 に終了し");
    cli_done(&r);
    r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                "--no-scorecard --journal '%s'", cli_path("all-steps.journal.yaml"));
    assert_int_equal(r.status, 0);
    assert_not_contains(r.err, "not played");
    cli_done(&r);
}

/* `from` of an inject is optional: without it there is no sender to name.
 * The headless timeline printed an empty one (": text"), in both languages. */
static void an_inject_without_a_sender_names_none(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s", cli_path("no-sender.lua"));
    cli_write(path,
        "local function t(ja, en) return { ja = ja, en = en } end\n"
        "return scenario {\n"
        "  id = 'no-sender', source = 'x', title = t('x', 'x'), summary = t('x', 'x'),\n"
        "  length = '1h', invented = t('x', 'x'),\n"
        "  roles = { r = { name = t('担当', 'Responder') } },\n"
        "  actors = { a = { kind = 'vendor', name = t('業者', 'Vendor') } },\n"
        "  injects = {\n"
        "    { id = 'quiet', at = '0m', text = t('静かな朝。', 'A quiet morning.') },\n"
        "    { id = 'call', at = '1m', from = 'a', to = 'r', text = t('電話。', 'A call.') },\n"
        "  },\n"
        "  actions = { act = { by = 'r', label = t('対応', 'Act'), completes = 'o' } },\n"
        "  objectives = { o = { phase = 'isolate', title = t('o', 'o'), target = '10m', limit = '20m' } },\n"
        "}\n");
    char script[600];
    snprintf(script, sizeof script, "%s.yaml", path);
    cli_write(script, "actions: []\n");
    static const struct {
        const char *lang, *quiet, *call;
    } want[] = {
        { "en", "inject     A quiet morning.", "inject     Vendor: A call." },
        { "ja", "静かな朝。", "業者: 電話。" },
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        cli_result r = cli_run("run '%s' --script '%s' --ui none --no-scorecard --lang %s "
                               "--journal '%s.%s.journal.yaml'", path, script, want[i].lang, path,
                               want[i].lang);
        assert_int_equal(r.status, 0);
        assert_contains(r.out, want[i].quiet);
        assert_contains(r.out, want[i].call);
        assert_not_contains(r.out, ": A quiet");
        assert_not_contains(r.out, ": 静かな朝");
        cli_done(&r);
    }
}

/* The line of text at which s has a line ending in a space or a tab, or NULL. */
static const char *trailing_blank(const char *s)
{
    for (const char *line = s; *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        if (end > line && (end[-1] == ' ' || end[-1] == '\t'))
            return line;
        line = *end ? end + 1 : end;
    }
    return NULL;
}

/* No headless line ends in a blank: every stock scenario played with its
 * model answer, in both languages, and a metric with no unit (its line
 * ended 'Score: 5 '). */
static void headless_lines_have_no_trailing_blanks(void **state)
{
    (void)state;
    static const char *const stock[] = { "admin-server-breach", "card-buffer-outage",
                                         "exposed-monitoring", "mail-form-flood",
                                         "ransomware", "wordpress-xss" };
    char path[512];
    snprintf(path, sizeof path, "%s", cli_path("no-unit.lua"));
    cli_write(path,
        "local function t(ja, en) return { ja = ja, en = en } end\n"
        "return scenario {\n"
        "  id = 'no-unit', source = 'x', title = t('x', 'x'), summary = t('x', 'x'),\n"
        "  length = '1h', invented = t('x', 'x'),\n"
        "  roles = { r = { name = t('担当', 'Responder') } },\n"
        "  state = { points = 5 },\n"
        "  metrics = { points = { label = t('得点', 'Points'), max = 10 } },\n"
        "  injects = { { id = 'quiet', at = '0m', text = t('静かな朝。', 'A quiet morning.') } },\n"
        "  actions = { act = { by = 'r', label = t('対応', 'Act'), completes = 'o' } },\n"
        "  objectives = { o = { phase = 'isolate', title = t('o', 'o'), target = '10m', limit = '20m' } },\n"
        "}\n");
    char script[600];
    snprintf(script, sizeof script, "%s.yaml", path);
    cli_write(script, "actions: []\n");
    static const char *const langs[] = { "en", "ja" };
    for (size_t l = 0; l < 2; l++) {
        for (size_t i = 0; i <= sizeof stock / sizeof stock[0]; i++) {
            bool mine = i == sizeof stock / sizeof stock[0];
            cli_result r = mine
                ? cli_run("run '%s' --script '%s' --ui none --no-scorecard --lang %s "
                          "--journal '%s.%s.journal.yaml'", path, script, langs[l], path, langs[l])
                : cli_run("run %s --script scenarios/answers/%s/model.yaml --ui none "
                          "--no-scorecard --lang %s --journal '%s.%s.%s.journal.yaml'",
                          stock[i], stock[i], langs[l], path, stock[i], langs[l]);
            assert_int_equal(r.status, 0);
            if (mine)
                assert_contains(r.out, l ? "得点: 5" : "Points: 5");
            const char *bad = trailing_blank(r.out);
            if (bad)
                fail_msg("%s (%s): a line ends in a blank: '%.*s'", mine ? "no-unit" : stock[i],
                         langs[l], (int)strcspn(bad, "\n"), bad);
            cli_done(&r);
        }
    }
}

/* The commands of the command table, as `tabletop --help` lists them
 * (indented "  NAME  summary" lines): a new command is tested unasked. */
static size_t command_table(char names[][16], size_t max)
{
    cli_result r = cli_run("--help");
    assert_int_equal(r.status, 0);
    size_t n = 0;
    for (const char *line = r.out; line && *line && n < max;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        int name_len = 0;
        if (len > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ' &&
            sscanf(line, " %15[a-z]%n", names[n], &name_len) == 1 && line[2 + strlen(names[n])] == ' ')
            n++;
        line = end ? end + 1 : line + len;
    }
    cli_done(&r);
    assert_true(n >= 19);
    return n;
}

/* The language is read before anything is printed: a --lang after the
 * first fault still chooses the language of that fault's message, for
 * every command, in both spellings, and over the locale. */
static void lang_after_a_bad_option_still_counts(void **state)
{
    (void)state;
    char names[64][16];
    size_t n = command_table(names, 64);
    for (size_t i = 0; i < n; i++) {
        const char *spellings[] = { "--lang ja", "--lang=ja" };
        for (size_t k = 0; k < 2; k++) {
            cli_result r = cli_run("%s --no-such-option %s", names[i], spellings[k]);
            if (r.status != 2)
                fail_msg("%s: exit %d\n%s", names[i], r.status, r.err);
            char hint[1200];
            snprintf(hint, sizeof hint, "tabletop %s: 不明なオプション", names[i]);
            assert_contains(r.err, hint);
            snprintf(hint, sizeof hint, "（'tabletop %s --help' を参照）", names[i]);
            assert_contains(r.err, hint);
            assert_lacks(r.err, "unknown");
            cli_done(&r);
        }
        cli_result r = cli_sh("LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= \"$TT_BINARY\" %s --no-such-option --lang en",
                              names[i]);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, "unknown or incomplete option '--no-such-option'");
        cli_done(&r);
    }
    static const struct { const char *args; const char *says; } cases[] = {
        /* a custom option's own message (the parser of --serve) */
        { "run ransomware --serve nowhere:port --lang ja", "tabletop run: --serve" },
        { "run ransomware --speed zero --lang ja", "--speed は 0 より大きく" },
        /* the command's own checks after the parse */
        { "report -o x.txt --lang=ja", "-o の拡張子は" },
        /* before any command: a misspelt one */
        { "rnu ransomware --lang ja", "不明なコマンドです: 'rnu'; 「run」のことですか？" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_result r = cli_run("%s", cases[i].args);
        if (r.status != 2)
            fail_msg("'%s': exit %d\n%s", cases[i].args, r.status, r.err);
        assert_contains(r.err, cases[i].says);
        assert_lacks(r.err, "(see '");
        assert_lacks(r.err, "usage:");
        cli_done(&r);
    }
    /* An option's argument is not an option, and "--" ends the options. */
    cli_result r = cli_run("run ransomware --no-such-option --journal --lang ja");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "unknown or incomplete option");
    cli_done(&r);
    r = cli_run("run ransomware --no-such-option -- --lang=ja");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "unknown or incomplete option");
    cli_done(&r);
}

/* Every command of the command table has --help in both languages, and
 * every help ends with one line of what its exit codes mean (the option
 * parser adds it: a command cannot forget it). */
static void help_is_available_for_every_command(void **state)
{
    (void)state;
    char names[64][16];
    size_t n = command_table(names, 64);
    static const struct { const char *lang, *usage, *exits, *end; } langs[] = {
        { "en", "usage: tabletop ", "\n\nExit codes: 0 ", ".\n" },
        { "ja", "使い方: tabletop ", "\n\n終了コード: 0 ", "。\n" },
    };
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < 2; k++) {
            cli_result r = cli_run("%s --help --lang %s", names[i], langs[k].lang);
            if (r.status != 0)
                fail_msg("%s --help --lang %s: exit %d\n%s", names[i], langs[k].lang, r.status, r.err);
            char usage[64];
            snprintf(usage, sizeof usage, "%s%s", langs[k].usage, names[i]);
            if (strncmp(r.out, usage, strlen(usage)) != 0)
                fail_msg("%s --help --lang %s starts:\n%.200s", names[i], langs[k].lang, r.out);
            const char *exits = strstr(r.out, langs[k].exits);
            if (!exits)
                fail_msg("%s --help --lang %s has no exit codes:\n%s", names[i], langs[k].lang, r.out);
            exits += 2;
            /* the last paragraph, once, naming 0, 1 and 2 */
            assert_null(strstr(exits, "\n\n"));
            assert_ptr_equal(strstr(r.out, langs[k].exits + 2), exits);
            assert_null(strstr(exits + 1, langs[k].exits + 2));
            assert_non_null(strstr(exits, "1 "));
            assert_non_null(strstr(exits, "2 "));
            size_t len = strlen(r.out), end = strlen(langs[k].end);
            assert_true(len > end && strcmp(r.out + len - end, langs[k].end) == 0);
            /* every command takes --lang (this line passed it): its help says so
             * (lint, explore and api did not) */
            if (!strstr(r.out, "--lang"))
                fail_msg("%s --help --lang %s does not name --lang:\n%s", names[i], langs[k].lang, r.out);
            /* an 80-column terminal shows every line whole (a kanji is two cells) */
            for (char *line = strtok(r.out, "\n"); line; line = strtok(NULL, "\n"))
                if (tt_display_width(line) > 80)
                    fail_msg("%s --help --lang %s: a line of %zu cells:\n%s", names[i], langs[k].lang,
                             tt_display_width(line), line);
            cli_done(&r);
        }
    /* the command list too */
    cli_result r = cli_run("--help --lang ja");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\n\n終了コード: 0 正常、1 実行時の失敗、2 入力の誤り。\n");
    cli_done(&r);
}

/* The drill commands speak the command line's language: --help, failures
 * and the headless timeline come from the terms table in Japanese too
 * (English output is pinned by the tests above and the goldens). */
static void drill_commands_speak_japanese(void **state)
{
    (void)state;
    const char *cmds[] = { "run", "resume", "replay", "watch" };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        cli_result r = cli_run("%s --lang ja --help", cmds[i]);
        assert_int_equal(r.status, 0);
        char head[64];
        snprintf(head, sizeof head, "使い方: tabletop %s", cmds[i]);
        assert_contains(r.out, head);
        assert_contains(r.out, "終了コード");
        cli_done(&r);
    }
    cli_result r = cli_sh("LANG=ja_JP.UTF-8 LC_ALL= \"$TT_BINARY\"");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "使い方: tabletop コマンド");
    assert_contains(r.err, "進行役ブリーフィングを作成");
    cli_done(&r);
    r = cli_run("run --lang ja ransomware --ui none --set nokey");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "tabletop run: --set は KEY=VALUE の形です（'nokey'）\n（'tabletop run --help' を参照）");
    cli_done(&r);
    unlink(TT_CLI_TMP "-ja.yaml");
    r = cli_run("run ransomware --lang ja --script scenarios/answers/ransomware/model.yaml --ui none "
                "--journal " TT_CLI_TMP "-ja.yaml --no-scorecard");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "ransomware — ランサムウェア被害（シード ");
    assert_contains(r.out, "  状況付与   ");
    assert_contains(r.out, "目標時間内");
    assert_contains(r.out, "記録ファイル: " TT_CLI_TMP "-ja.yaml");
    assert_lacks(r.out, "within target");
    cli_done(&r);
    r = cli_run("run ransomware --lang ja --ui none --no-scorecard --journal " TT_CLI_TMP "-no/dir/j.yaml");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "記録ファイルを作成できません: フォルダーがありません");
    cli_done(&r);
    r = cli_run("replay --lang ja " TT_CLI_TMP "-ja.yaml");
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "一致（");
    cli_done(&r);
    r = cli_run("resume --lang ja " TT_CLI_TMP "-ja.yaml --ui none --script scenarios/answers/ransomware/model.yaml");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "この演習はすでに終了しています");
    cli_done(&r);
}

/* The other commands speak the command line's language too: --help, their
 * failures and their output lines come from the terms table. */
static void tool_commands_speak_japanese(void **state)
{
    (void)state;
    const char *cmds[] = { "list", "check", "score", "history", "sweep", "report", "sync", "fetch",
                           "show", "new", "lint", "api", "explore", "graph", "msel" };
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        cli_result r = cli_run("%s --lang ja --help", cmds[i]);
        if (r.status != 0)
            fail_msg("%s --lang ja --help: exit %d\n%s", cmds[i], r.status, r.err);
        char head[64];
        snprintf(head, sizeof head, "使い方: tabletop %s", cmds[i]);
        assert_contains(r.out, head);
        assert_lacks(r.out, "usage:");
        cli_done(&r);
    }
    static const struct { const char *args; int status; const char *says; } cases[] = {
        { "check --lang ja ransomware", 0, "ok ransomware（scenarios/ransomware.lua）: 役割 2、" },
        { "score --lang ja x.yaml -o card.txt", 2, "tabletop score: 出力先の拡張子は .html .md .json のいずれかです: card.txt\n（'tabletop score --help' を参照）" },
        { "sweep --lang ja ransomware", 2, "解答スクリプトを --script で1つ以上指定してください" },
        { "explore --lang ja ransomware --runs 0", 2, "--runs は 1 から 100000 までの整数です（'0'）" },
        { "new --lang ja Bad_Id", 2, "'Bad_Id' はシナリオ ID ではありません" },
        { "report --lang ja", 2, "書き出し先を -o で指定してください" },
        { "sync --lang ja x.yaml", 2, "記録ファイルは --journals と一緒に指定します" },
        { "api --lang ja", 2, "出力形式を指定してください（--luals）" },
        { "msel --lang ja ransomware -o x.txt", 2, "出力先の拡張子は .csv か .md です" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        cli_result r = cli_run("%s", cases[i].args);
        if (r.status != cases[i].status)
            fail_msg("'%s': exit %d, want %d\n%s%s", cases[i].args, r.status, cases[i].status, r.out,
                     r.err);
        assert_contains(cases[i].status ? r.err : r.out, cases[i].says);
        cli_done(&r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_shows_the_six_scenarios_with_both_titles),
        cmocka_unit_test(check_accepts_scenarios_and_locates_errors),
        cmocka_unit_test(headless_model_run_prints_timeline_and_objectives),
        cmocka_unit_test(end_step_ends_the_drill_early),
        cmocka_unit_test(resume_keeps_the_drills_db_and_card),
        cmocka_unit_test(nothing_assessed_shows_no_number),
        cmocka_unit_test(history_filters_columns_and_trends),
        cmocka_unit_test(roster_examples_in_the_docs_load),
        cmocka_unit_test(same_seed_same_journal_and_replay_agrees),
        cmocka_unit_test(resume_refuses_a_journal_that_does_not_reproduce),
        cmocka_unit_test(a_journal_without_its_start_is_named_once),
        cmocka_unit_test(resume_names_a_missing_journal_first),
        cmocka_unit_test(scenario_faults_name_the_command),
        cmocka_unit_test(journal_scenario_names_are_not_trusted),
        cmocka_unit_test(bad_command_lines_exit_2_with_a_message),
        cmocka_unit_test(failures_exit_by_their_class),
        cmocka_unit_test(a_callback_failure_is_runtime_in_replay_and_resume),
        cmocka_unit_test(journal_start_errors_name_the_journal),
        cmocka_unit_test(steps_after_the_end_are_named),
        cmocka_unit_test(an_inject_without_a_sender_names_none),
        cmocka_unit_test(headless_lines_have_no_trailing_blanks),
        cmocka_unit_test(help_is_available_for_every_command),
        cmocka_unit_test(lang_after_a_bad_option_still_counts),
        cmocka_unit_test(drill_commands_speak_japanese),
        cmocka_unit_test(tool_commands_speak_japanese),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
