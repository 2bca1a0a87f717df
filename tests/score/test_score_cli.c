/* `tabletop score` and `tabletop history` end to end through the built
 * binary (TT_BINARY): the three formats, a torn journal scored with its
 * warning, bad input exiting 2, and the history listing runs once each. */
#define _DEFAULT_SOURCE  /* mkdtemp */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "check.h"
#include "cli_util.h"

static char tmp[256];
static char journal[512];
static char db[512];

static int setup(void **state)
{
    (void)state;
    const char *bin = getenv("TT_BINARY");
    if (!bin || access(bin, X_OK) != 0 || !getenv("TT_SOURCE_DIR")) {
        fprintf(stderr, "TT_BINARY (an executable tabletop) and TT_SOURCE_DIR must be set\n");
        return -1;  /* a missing component fails, never skips */
    }
    setenv("LANG", "C", 1); /* English messages */
    snprintf(tmp, sizeof tmp, "%s", cli_tmp());
    snprintf(journal, sizeof journal, "%s/model.journal.yaml", tmp);
    snprintf(db, sizeof db, "%s/history.sqlite3", tmp);
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                   "--journal '%s' --no-scorecard", journal);
    int rc = r.status;
    if (rc != 0)
        fprintf(stderr, "run: %s\n", r.err);
    cli_done(&r);
    return rc == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    if (!tmp[0])
        return 0;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    return system(cmd) == 0 ? 0 : -1;
}

/* sha256sum's answer for a file (a static buffer). */
static const char *sha256_of(const char *path)
{
    static char hex[65];
    char cmd[700];
    snprintf(cmd, sizeof cmd, "sha256sum '%s'", path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    assert_non_null(fgets(hex, sizeof hex, p));
    pclose(p);
    assert_int_equal(strlen(hex), 64);
    return hex;
}

#define NEED_BINARY() do { if (!tmp[0]) fail_msg("no tabletop binary"); } while (0)

static void test_three_formats(void **state)
{
    (void)state;
    NEED_BINARY();
    static const char *exts[] = { "json", "md", "html" };
    for (int i = 0; i < 3; i++) {
        cli_result r = cli_run("score '%s' -o '%s/card.%s' --db '%s' --lang %s", journal, tmp, exts[i], db,
                       i == 2 ? "ja" : "en");
        assert_int_equal(r.status, 0);
        assert_non_null(strstr(r.out, "P "));
        cli_done(&r);
        char path[600];
        snprintf(path, sizeof path, "%s/card.%s", tmp, exts[i]);
        size_t len;
        char *text = cli_slurp_n(path, &len);
        assert_true(len > 1000);
        if (i == 0) {
            json_t *root = check_json(text);
            assert_string_equal(json_string_value(json_object_get(root, "rating")), "P");
            assert_true(json_is_true(json_object_get(root, "complete")));
            /* The hash taken while the journal was read: the whole file's. */
            assert_string_equal(json_string_value(json_object_get(json_object_get(root, "exercise"), "journal_hash")),
                                sha256_of(journal));
            json_decref(root);
        } else if (i == 1) {
            assert_non_null(strstr(text, "## Improvement plan"));
        } else {
            check_html(text, len);
            assert_non_null(strstr(text, "lang=\"ja\""));
        }
        free(text);
    }
    /* Default output: beside the journal, .html. */
    cli_result r = cli_run("score '%s' --no-record", journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char beside[600];
    snprintf(beside, sizeof beside, "%s/model.html", tmp);
    assert_int_equal(access(beside, R_OK), 0);

    /* Three cards of one journal: one row in the history. */
    r = cli_run("history --db '%s' --scenario ransomware", db);
    assert_int_equal(r.status, 0);
    char *first = strstr(r.out, "ransomware");
    assert_non_null(first);
    assert_null(strstr(first + 1, "ransomware"));
    cli_done(&r);
    r = cli_run("history --db '%s' --team 'nobody'", db);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "No exercises"));
    cli_done(&r);
}

static void test_torn_journal(void **state)
{
    (void)state;
    NEED_BINARY();
    size_t len;
    char *text = cli_slurp_n(journal, &len);
    char torn[600];
    snprintf(torn, sizeof torn, "%s/torn.journal.yaml", tmp);
    FILE *f = fopen(torn, "wb");
    assert_non_null(f);
    fwrite(text, 1, len - 12, f);   /* cut inside the END record */
    fclose(f);
    free(text);
    cli_result r = cli_run("score '%s' -o '%s/torn.json' --db '%s'", torn, tmp, db);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "incomplete"));
    cli_done(&r);
    char path[600];
    snprintf(path, sizeof path, "%s/torn.json", tmp);
    char *card = cli_slurp(path);
    json_t *root = check_json(card);
    assert_true(json_is_false(json_object_get(root, "complete")));
    assert_true(json_is_true(json_object_get(root, "torn")));
    assert_true(json_array_size(json_object_get(root, "warnings")) >= 2);
    /* Every byte, the torn tail too. */
    assert_string_equal(json_string_value(json_object_get(json_object_get(root, "exercise"), "journal_hash")), sha256_of(torn));
    json_decref(root);
    free(card);
    /* Incomplete exercises are not recorded. */
    r = cli_run("history --db '%s'", db);
    assert_null(strstr(r.out, "incomplete"));
    cli_done(&r);
}

static void test_bad_input(void **state)
{
    (void)state;
    NEED_BINARY();
    cli_result r = cli_run("score");
    assert_int_equal(r.status, 2);
    cli_done(&r);
    r = cli_run("score '%s' -o '%s/card.pdf'", journal, tmp);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, ".html"));
    cli_done(&r);
    r = cli_run("score '%s' --lang xx -o '%s/c.json'", journal, tmp);
    assert_int_equal(r.status, 2);
    cli_done(&r);
    r = cli_run("score '%s/missing.yaml' -o '%s/c.json'", tmp, tmp);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "missing.yaml"));
    cli_done(&r);
    char garbage[600];
    snprintf(garbage, sizeof garbage, "%s/garbage.yaml", tmp);
    FILE *f = fopen(garbage, "w");
    fputs("{ this: is: not a journal\n", f);
    fclose(f);
    r = cli_run("score '%s' -o '%s/c.json'", garbage, tmp);
    assert_int_equal(r.status, 2);
    assert_non_null(strstr(r.err, "garbage.yaml:"));
    cli_done(&r);
    r = cli_run("score --help");
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.out, "usage: tabletop score"));
    cli_done(&r);
    r = cli_run("history --help --lang ja");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("history extra");
    assert_int_equal(r.status, 2);
    cli_done(&r);
    /* A database that cannot be opened: the card is written, exit 1. */
    r = cli_run("score '%s' -o '%s/c2.json' --db /proc/nope/h.sqlite3", journal, tmp);
    assert_int_equal(r.status, 1);
    cli_done(&r);
    /* The same at a drill's end (run, and resume, which keeps the --db):
     * a database chosen with --db that fails is exit 1, the journal and the
     * card kept and named; the default database only warns. It exited 0. */
    char bad_db[600], card[600], j2[600];
    snprintf(bad_db, sizeof bad_db, "%s/not-a-db.sqlite3", tmp);
    f = fopen(bad_db, "w");
    fputs("this is not a database\n", f);
    fclose(f);
    snprintf(card, sizeof card, "%s/run-card.json", tmp);
    snprintf(j2, sizeof j2, "%s/run-bad-db.journal.yaml", tmp);
    r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
                "--journal '%s' --scorecard '%s' --db '%s'", j2, card, bad_db);
    assert_int_equal(r.status, 1);
    assert_non_null(strstr(r.err, "not-a-db.sqlite3"));
    assert_non_null(strstr(r.out, "run-card.json"));
    assert_int_equal(access(card, R_OK), 0);
    assert_int_equal(access(j2, R_OK), 0);
    cli_done(&r);
    /* When it fails the command, it reads as that command's error, not a
     * warning (it said 'tabletop: warning: ...' and exited 1), in ja and en,
     * for run as for score; a database not chosen with --db (TABLETOP_DB,
     * the default) stays a warning in the messages' language. */
    static const char *const cmds[] = { "run", "score" };
    for (int l = 0; l < 2; l++)
        for (int c = 0; c < 2; c++) {
            const char *lang = l ? "ja" : "en";
            char j3[700];
            snprintf(j3, sizeof j3, "%s/run-bad-db-%s.journal.yaml", tmp, lang);
            if (c == 0)
                r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml "
                            "--ui none --journal '%s' --scorecard '%s' --db '%s' --lang %s",
                            j3, card, bad_db, lang);
            else
                r = cli_run("score '%s' -o '%s' --db '%s' --lang %s", j2, card, bad_db, lang);
            assert_int_equal(r.status, 1);
            char want[700];
            snprintf(want, sizeof want, "tabletop %s: %s: ", cmds[c], bad_db);
            if (!strstr(r.err, want))
                fail_msg("%s %s: wanted '%s' in: %s", cmds[c], lang, want, r.err);
            assert_null(strstr(r.err, "warning"));
            assert_null(strstr(r.err, "警告"));
            cli_done(&r);
        }
    setenv("TABLETOP_DB", bad_db, 1);
    r = cli_run("score '%s' -o '%s' --lang ja", j2, card);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "tabletop: 警告: "));
    assert_null(strstr(r.err, "warning"));
    cli_done(&r);
    r = cli_run("score '%s' -o '%s'", j2, card);
    assert_int_equal(r.status, 0);
    assert_non_null(strstr(r.err, "tabletop: warning: "));
    cli_done(&r);
    unsetenv("TABLETOP_DB");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_three_formats),
        cmocka_unit_test(test_torn_journal),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
