/* kill -9 at 50 random points of a live drill (scripted, fast clock), then
 * `tabletop resume`: every resumed journal holds, record for record and
 * byte for byte (wall-clock stamps and the pause/resume of the interruption
 * aside), what the uninterrupted run journaled, and scores the same. The
 * points are random but seeded, so a failure can be reproduced. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "e2e_util.h"
#include "tabletop/journal.h"

#define SCENARIO e2e_src("tests/tty/tty-drill.lua")
#define SCRIPT e2e_src("tests/tty/tty-drill.yaml")
#define WAIT 30000
#define TRIALS 50
#define POINTS_SEED 20261127u

/* The journal's records as the engine wrote them, minus what depends on
 * the wall clock or on the interruption: wall stamps, the START record
 * (speed, date), pause, resume and speed records. */
static char *normalised(const char *path)
{
    tt_journal j;
    tt_error err;
    if (tt_journal_read(path, &j, &err) != 0) {
        fprintf(stderr, "%s: %s\n", path, err.message);
        return NULL;
    }
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    assert_non_null(mem);
    for (size_t i = 0; i < j.n_records; i++) {
        tt_record r = j.records[i];
        if (r.type == TT_REC_START || r.type == TT_REC_PAUSE || r.type == TT_REC_RESUME ||
            r.type == TT_REC_SPEED)
            continue;
        r.wall_ms = 0;
        char *doc = tt_record_to_yaml(&r, &err);
        assert_non_null(doc);
        fputs(doc, mem);
        free(doc);
    }
    fclose(mem);
    tt_journal_free(&j);
    return text;
}

/* "P score 87/100" of `tabletop score`, without the card's path. */
static char *score_line(const char *journal)
{
    const char *card = e2e_tmp("kill50-card.json");
    const char *out = e2e_tmp("kill50-score.out");
    unlink(card);
    const char *args[] = { "score", journal, "-o", card, "--no-record", "--lang", "en",
                           "--scenarios", e2e_src("tests/tty"), NULL };
    int rc = e2e_run(out, args);
    char *text = cli_slurp(out);
    if (rc != 0 || !text) {
        fprintf(stderr, "score %s failed (%d):\n%s\n", journal, rc, text ? text : "");
        free(text);
        return NULL;
    }
    char *line = strstr(text, "score ");
    char *end = line ? strchr(line, '\n') : NULL;
    if (!line || !end)
        return text;
    /* Keep "<letter> score N/100". */
    char *path = strstr(text, "/100");
    if (path)
        path[4] = '\0';
    return text;
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

/* 1 killed, 0 ended by itself first, -1 hung. */
static int kill_at(pid_t pid, const char *journal, size_t records)
{
    for (int waited = 0; waited < WAIT; waited++) {
        if (e2e_journal_records(journal) >= records) {
            kill(pid, SIGKILL);
            return e2e_wait(pid, WAIT) == 128 + SIGKILL ? 1 : 0;
        }
        if (waitpid(pid, NULL, WNOHANG) == pid)
            return 0;
        sleep_ms(1);
    }
    kill(pid, SIGKILL);
    e2e_wait(pid, WAIT);
    return -1;
}

static void fifty_kills_resume_to_the_same_journal_and_score(void **state)
{
    (void)state;
    const char *baseline = e2e_tmp("kill50-baseline.journal.yaml");
    const char *base_args[] = { "run", "--script", SCRIPT, "--ui", "none", "--journal",
                                baseline, "--no-scorecard", SCENARIO, NULL };
    assert_int_equal(e2e_run(e2e_tmp("kill50-baseline.out"), base_args), 0);
    char *want = normalised(baseline);
    char *want_score = score_line(baseline);
    assert_non_null(want);
    assert_non_null(want_score);
    size_t total = e2e_journal_records(baseline);
    assert_true(total > 20);

    unsigned seed = POINTS_SEED;
    int killed = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
        size_t point = 2 + (size_t)rand_r(&seed) % (total - 3);
        char name[64];
        snprintf(name, sizeof name, "kill50-%d.journal.yaml", trial);
        const char *journal = e2e_tmp(name);
        char path[1024];
        snprintf(path, sizeof path, "%s", journal);
        unlink(path);
        const char *run_args[] = { "run", "--script", SCRIPT, "--speed", "5000", "--journal",
                                   path, "--no-scorecard", SCENARIO, NULL };
        pid_t pid = e2e_spawn(e2e_tmp("kill50-run.out"), run_args);
        assert_true(pid > 0);
        int k = kill_at(pid, path, point);
        if (k < 0)
            fail_msg("trial %d: the drill hung before record %zu", trial, point);
        killed += k;
        char *text = cli_slurp(path);
        assert_non_null(text);
        bool ended = strstr(text, "\ntype: end\n") != NULL;
        free(text);
        if (!ended) {
            const char *resume_args[] = { "resume", path, "--script", SCRIPT, "--ui", "none",
                                          "--no-scorecard", NULL };
            int rc = e2e_run(e2e_tmp("kill50-resume.out"), resume_args);
            if (rc != 0) {
                char *log = cli_slurp(e2e_tmp("kill50-resume.out"));
                fail_msg("trial %d (killed at record %zu): resume exit %d\n%s", trial, point,
                         rc, log ? log : "");
            }
        }
        char *got = normalised(path);
        assert_non_null(got);
        if (strcmp(got, want) != 0) {
            size_t at = 0;
            while (got[at] && got[at] == want[at])
                at++;
            fail_msg("trial %d (killed at record %zu): the journal differs from byte %zu:\n"
                     "--- want\n%.300s\n--- got\n%.300s", trial, point, at, want + at, got + at);
        }
        free(got);
        char *score = score_line(path);
        assert_non_null(score);
        if (strcmp(score, want_score) != 0)
            fail_msg("trial %d: score '%s', uninterrupted '%s'", trial, score, want_score);
        free(score);
        unlink(path);
    }
    /* The last records of an instant race the run's end; most kills land. */
    print_message("%d of %d trials killed mid-drill\n", killed, TRIALS);
    assert_true(killed >= TRIALS * 3 / 4);
    free(want);
    free(want_score);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fifty_kills_resume_to_the_same_journal_and_score),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
