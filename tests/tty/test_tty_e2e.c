/* End to end through the binary: live drills in a pseudo-terminal (menu,
 * facilitator controls, Ctrl-C, hang-up), kill -9 at varied points then
 * resume reaching the uninterrupted outcome, replay checks, tampering. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "e2e_util.h"

#define SCENARIO e2e_src("tests/tty/tty-drill.lua")
#define SCRIPT e2e_src("tests/tty/tty-drill.yaml")
#define WAIT 30000   /* ms: a bound against hangs, not a timing assertion */

static char baseline[1024];        /* uninterrupted headless journal */
static char *baseline_outcome;

static int group_setup(void **state)
{
    (void)state;
    snprintf(baseline, sizeof baseline, "%s", e2e_tmp("baseline.journal.yaml"));
    const char *args[] = { "run", "--script", SCRIPT, "--ui", "none",
                           "--journal", baseline, "--no-scorecard", SCENARIO, NULL };
    int rc = e2e_run(e2e_tmp("baseline.out"), args);
    if (rc != 0) {
        char *log = cli_slurp(e2e_tmp("baseline.out"));
        fprintf(stderr, "baseline run failed (%d):\n%s\n", rc, log ? log : "");
        free(log);
        return -1;
    }
    baseline_outcome = e2e_outcome(baseline);
    return baseline_outcome ? 0 : -1;
}

static int group_teardown(void **state)
{
    (void)state;
    free(baseline_outcome);
    return 0;
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

static int replay(const char *journal, const char *out)
{
    const char *args[] = { "replay", "--lang", "en", journal, NULL };
    return e2e_run(out, args);
}

static void test_baseline_reaches_every_objective(void **state)
{
    (void)state;
    /* The fixture and its script are what the other tests rely on. */
    assert_non_null(strstr(baseline_outcome, "objective"));
    assert_null(strstr(baseline_outcome, " missed\n"));
    assert_non_null(strstr(baseline_outcome, "end "));
    assert_non_null(strstr(baseline_outcome, " settled\n"));
}

static void test_replay_reproduces_the_journal(void **state)
{
    (void)state;
    const char *out = e2e_tmp("replay.out");
    assert_int_equal(replay(baseline, out), 0);
    char *text = cli_slurp(out);
    assert_non_null(text);
    assert_non_null(strstr(text, "identical"));
    free(text);
}

/* Change the time of the first objective record: replay names that record. */
static void test_replay_reports_first_difference(void **state)
{
    (void)state;
    char *text = cli_slurp(baseline);
    assert_non_null(text);
    char *obj = strstr(text, "type: objective\nt: ");
    assert_non_null(obj);
    size_t index = 1;
    for (char *p = text; (p = strstr(p, "\n...\n")) != NULL && p < obj; p += 4)
        index++;
    char *num = obj + strlen("type: objective\nt: ");
    long long t = strtoll(num, NULL, 10);
    char *rest = strchr(num, '\n');
    assert_non_null(rest);
    size_t head = (size_t)(num - text);
    size_t size = strlen(text) + 32;
    char *tampered = malloc(size);
    assert_non_null(tampered);
    snprintf(tampered, size, "%.*s%lld%s", (int)head, text, t + 60000, rest);
    const char *path = e2e_tmp("tampered.journal.yaml");
    assert_true(e2e_write_file(path, tampered));
    const char *out = e2e_tmp("tampered.out");
    assert_int_equal(replay(path, out), 1);
    char *report = cli_slurp(out);
    assert_non_null(report);
    char want[64];
    snprintf(want, sizeof want, "record %zu ", index);
    if (!strstr(report, want))
        fprintf(stderr, "report:\n%s\n(wanted '%s')\n", report, want);
    assert_non_null(strstr(report, want));
    free(report);
    free(tampered);
    free(text);
}

static void test_replay_bad_input(void **state)
{
    (void)state;
    const char *out = e2e_tmp("bad.out");
    assert_int_equal(replay(e2e_tmp("no-such.journal.yaml"), out), 2);
    const char *garbage = e2e_tmp("garbage.journal.yaml");
    assert_true(e2e_write_file(garbage, "type: [unclosed\n...\n"));
    assert_int_equal(replay(garbage, out), 2);
    const char *args[] = { "replay", NULL };
    assert_int_equal(e2e_run(out, args), 2);
}

/* Wait for the journal to hold `records`, then kill -9. Returns 1 when
 * killed, 0 when the run ended on its own first (the last records of an
 * instant follow each other within microseconds), -1 on a hang. */
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

/* A scripted drill in real time (fast clock) killed at several points;
 * each resumed headless with the same script reaches the same outcome as
 * the uninterrupted run, and its journal still replays. */
static void test_kill_and_resume_reaches_same_outcome(void **state)
{
    (void)state;
    size_t total = e2e_journal_records(baseline);
    assert_true(total > 10);
    const size_t points[] = { 2, total / 5, total / 3, total / 2, 2 * total / 3,
                              total - 3 };
    int killed = 0;
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        char name[64];
        snprintf(name, sizeof name, "killed-%zu.journal.yaml", i);
        char journal[1024];
        snprintf(journal, sizeof journal, "%s", e2e_tmp(name));
        const char *run_args[] = { "run", "--script", SCRIPT, "--speed", "1500",
                                   "--journal", journal, "--no-scorecard", SCENARIO, NULL };
        pid_t pid = e2e_spawn(e2e_tmp("killed.out"), run_args);
        assert_true(pid > 0);
        int killed_here = kill_at(pid, journal, points[i]);
        if (killed_here < 0) {
            char *log = cli_slurp(e2e_tmp("killed.out"));
            fprintf(stderr, "the run hung before record %zu:\n%s\n", points[i],
                    log ? log : "");
            free(log);
            fail();
        }
        killed += killed_here;
        /* The kill can land after the run wrote its end (the clock is fast):
         * then there is nothing to resume, and the journal itself must
         * already hold the uninterrupted outcome. */
        char *text = cli_slurp(journal);
        assert_non_null(text);
        bool ended_first = strstr(text, "\ntype: end\n") != NULL;
        free(text);
        const char *resume_args[] = { "resume", journal, "--script", SCRIPT, "--ui", "none",
                                      "--no-scorecard", NULL };
        const char *out = e2e_tmp("resume.out");
        int rc = ended_first ? 0 : e2e_run(out, resume_args);
        char *log = ended_first ? NULL : cli_slurp(out);
        if (rc != 0)
            fprintf(stderr, "resume after record %zu failed (%d):\n%s\n", points[i], rc,
                    log ? log : "");
        free(log);
        assert_int_equal(rc, 0);
        char *got = e2e_outcome(journal);
        assert_non_null(got);
        bool same = strcmp(got, baseline_outcome) == 0;
        if (!same)
            fprintf(stderr, "killed after record %zu: outcome differs\n--- want\n%s--- got\n%s",
                    points[i], baseline_outcome, got);
        free(got);
        assert_true(same);
        assert_int_equal(replay(journal, e2e_tmp("resumed-replay.out")), 0);
    }
    /* The points inside an instant may race the run's end; the others not. */
    assert_true(killed >= 4);
}

static e2e_pty *new_pty(void)
{
    e2e_pty *p = malloc(sizeof *p);
    assert_non_null(p);
    return p;
}

/* A live drill: injects with questions appear, the menu lists what may be
 * done, the facilitator's controls work, Ctrl-C asks, "y" leaves the
 * journal resumable; resume restores it paused and /end ends it. */
static void test_live_drill_in_a_terminal(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("live.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "30",
                           "--lang", "en", "--seed", "3", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "[sysadmin] System staff", WAIT));
    assert_true(e2e_expect(p, "isolate - Isolate the network", WAIT));
    assert_true(e2e_expect(p, "Suspicious traffic detected", WAIT));
    assert_true(e2e_expect(p, "Who do you tell first?", WAIT));
    assert_true(e2e_expect(p, "action> ", WAIT));

    e2e_send(p, "/pause\r");
    assert_true(e2e_expect(p, "-- Paused --", WAIT));
    e2e_send(p, "/status\r");
    assert_true(e2e_expect(p, "Clock: ", WAIT));
    assert_true(e2e_expect(p, "Stop the spread: open, target in", WAIT));
    e2e_send(p, "/resume\r");
    assert_true(e2e_expect(p, "-- Resumed --", WAIT));

    e2e_send(p, "restore\r");                 /* precondition not met */
    assert_true(e2e_expect(p, "not available now: Isolate and call the vendor first", WAIT));
    e2e_send(p, "sysadmin call_vendor phoned the on-call engineer\r");
    assert_true(e2e_expect(p, "ACTION: System staff - Call the vendor", WAIT));
    assert_true(e2e_expect(p, "phoned the on-call engineer", WAIT));
    e2e_send(p, "/speed 600\r");
    assert_true(e2e_expect(p, "-- Speed x600 --", WAIT));
    assert_true(e2e_expect(p, "DONE: System staff - Call the vendor", WAIT));
    e2e_send(p, "/inject The building loses power\r");
    assert_true(e2e_expect(p, "FACILITATOR INJECT: The building loses power", WAIT));
    e2e_send(p, "/note supervisor the press is calling\r");
    assert_true(e2e_expect(p, "NOTE: Supervisor: the press is calling", WAIT));
    e2e_send(p, "/speed 1\r");
    assert_true(e2e_expect(p, "-- Speed x1 --", WAIT));

    /* Ctrl-C pauses and asks; "n" goes on, a second time "y" leaves. */
    e2e_send(p, "\x03");
    assert_true(e2e_expect(p, "-- Paused --", WAIT));
    assert_true(e2e_expect(p, "Quit the drill?", WAIT));
    e2e_send(p, "n\r");
    assert_true(e2e_expect(p, "Going on", WAIT));
    assert_true(e2e_expect(p, "-- Resumed --", WAIT));
    e2e_send(p, "\x03");
    assert_true(e2e_expect(p, "Quit the drill?", WAIT));
    e2e_send(p, "y\r");
    assert_true(e2e_expect(p, "Left the drill", WAIT));
    assert_true(e2e_expect(p, "tabletop resume", WAIT));
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);

    /* The journal is whole and not ended; it replays. */
    assert_int_equal(replay(journal, e2e_tmp("live-replay.out")), 0);
    char *text = cli_slurp(journal);
    assert_non_null(text);
    assert_null(strstr(text, "type: end"));
    free(text);

    /* Resume: restored paused, the facilitator resumes then ends it. */
    const char *resume_args[] = { "resume", journal, "--lang", "en", "--no-scorecard", NULL };
    assert_true(e2e_pty_start(p, resume_args));
    assert_true(e2e_expect(p, "Restored from the journal", WAIT));
    assert_true(e2e_expect(p, "Maintenance vendor: reply due at", WAIT));  /* pending */
    e2e_send(p, "/resume\r");
    assert_true(e2e_expect(p, "-- Resumed --", WAIT));
    /* /next stops at each target on the way, then at the vendor's reply. */
    bool replied = false;
    for (int i = 0; i < 4 && !replied; i++) {
        size_t from = p->mark;
        e2e_send(p, "/next\r");
        assert_true(e2e_expect(p, "stopped at +", WAIT));
        replied = strstr(p->screen + from, "MESSAGE Maintenance vendor -> System staff") != NULL;
        assert_null(strstr(p->screen + from, "OBJECTIVE MISSED"));
    }
    assert_true(replied);
    assert_non_null(strstr(p->screen, ": message from Maintenance vendor"));
    e2e_send(p, "isolate\r");
    assert_true(e2e_expect(p, "ACTION: System staff - Isolate the network", WAIT));
    e2e_send(p, "/end\r");
    assert_true(e2e_expect(p, "End the exercise at +", WAIT));
    e2e_send(p, "y\r");
    assert_true(e2e_expect(p, "Exercise ended: ended by the facilitator", WAIT));
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    assert_int_equal(replay(journal, e2e_tmp("live-replay2.out")), 0);
    text = cli_slurp(journal);
    assert_non_null(strstr(text, "status: \"facilitator\""));
    free(text);
    free(p);
}

/* A number keeps its meaning for the whole drill: typed before its action
 * is available it says why (and takes nothing); once available the same
 * number takes that action; an action taken once keeps its number and
 * says it is no longer available. Nothing is renumbered in between. */
static void test_numbers_keep_their_meaning(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("numbers.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "30",
                           "--lang", "en", "--seed", "3", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    /* tty-drill's numbers: 1 supervisor report; sysadmin 2 call_vendor,
     * 3 isolate, 4 reboot_all, 5 report, 6 restore. */
    assert_true(e2e_expect(p, "    3. isolate - Isolate the network", WAIT));
    assert_true(e2e_expect(p, "1 more not available now", WAIT));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "/menu all\r");
    assert_true(e2e_expect(p, "  (6) restore - Restore from backup: Isolate and call the vendor first",
                           WAIT));
    e2e_send(p, "6\r");
    assert_true(e2e_expect(p, "6 restore (Restore from backup): not available now: "
                              "Isolate and call the vendor first", WAIT));
    /* Typed through a Japanese IME: "３" and "／ｓｔａｔｕｓ" in full width. */
    e2e_send(p, "\xef\xbc\x93\r");
    assert_true(e2e_expect(p, "ACTION: System staff - Isolate the network", WAIT));
    e2e_send(p, "\xef\xbc\x8f\xef\xbd\x93\xef\xbd\x94\xef\xbd\x81\xef\xbd\x94"
                "\xef\xbd\x95\xef\xbd\x93\r");
    assert_true(e2e_expect(p, "Objectives:", WAIT));
    e2e_send(p, "2\r");
    assert_true(e2e_expect(p, "ACTION: System staff - Call the vendor", WAIT));
    e2e_send(p, "/speed 600\r");
    /* Not the whole menu again: one line says what became available. */
    assert_true(e2e_expect(p, "Now available: 6 restore", WAIT));
    e2e_send(p, "/pause\r");
    assert_true(e2e_expect(p, "-- Paused --", WAIT));
    e2e_send(p, "6 from the nightly copy\r");
    assert_true(e2e_expect(p, "ACTION: System staff - Restore from backup", WAIT));
    e2e_send(p, "3\r");
    assert_true(e2e_expect(p, "3 isolate (Isolate the network): not available now", WAIT));
    e2e_send(p, "/end\r");
    assert_true(e2e_expect(p, "end? [y/N]", WAIT));
    e2e_send(p, "y\r");
    assert_true(e2e_expect(p, "Exercise ended", WAIT));
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    free(p);
    char *text = cli_slurp(journal);
    assert_non_null(text);
    /* The refused number took nothing: restore was taken once, after. */
    const char *first = strstr(text, "id: \"restore\"");
    assert_non_null(first);
    assert_null(strstr(first + 1, "id: \"restore\""));
    assert_null(strstr(text, "type: refused"));
    free(text);
    assert_int_equal(replay(journal, e2e_tmp("numbers-replay.out")), 0);
}

static const char *scenario_file(const char *id)
{
    static char path[1024];
    char rel[256];
    snprintf(rel, sizeof rel, "scenarios/%s.lua", id);
    snprintf(path, sizeof path, "%s", e2e_src(rel));
    return path;
}

/* /next never jumps over a deadline: at minute 1 of admin-server-breach
 * it stops at the first target (+1:00:00, report to management), then the
 * next, and asks before passing the limit of an open objective; "n" keeps
 * the clock, "y" passes it and the objective is missed. */
static void test_next_stops_at_targets_and_asks_before_limits(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("next.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "60", "--lang", "en",
                           "--seed", "1", "--no-scorecard", scenario_file("admin-server-breach"),
                           NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "stopped at +1:00:00: target of Report to management", WAIT));
    assert_null(strstr(p->screen, "24:00:00"));
    assert_null(strstr(p->screen, "OBJECTIVE MISSED"));
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "stopped at +2:00:00: target of Lock the attacker out", WAIT));
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "Next comes the limit of Report to management at +4:00:00; "
                              "it is still open", WAIT));
    assert_true(e2e_expect(p, "pass the limit? [y/N]", WAIT));
    e2e_send(p, "n\r");
    assert_true(e2e_expect(p, "The clock stays where it was", WAIT));
    assert_null(strstr(p->screen, "OBJECTIVE MISSED"));
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "pass the limit? [y/N]", WAIT));
    e2e_send(p, "y\r");
    assert_true(e2e_expect(p, "OBJECTIVE MISSED", WAIT));
    assert_true(e2e_expect(p, "stopped at +4:00:00: limit of Report to management", WAIT));
    e2e_send(p, "/quit\r");
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    free(p);
    assert_int_equal(replay(journal, e2e_tmp("next-replay.out")), 0);

    /* The same in Japanese. */
    const char *ja[] = { "run", "--journal", e2e_tmp("next-ja.journal.yaml"), "--speed", "60",
                         "--lang", "ja", "--seed", "1", "--no-scorecard",
                         scenario_file("admin-server-breach"), NULL };
    p = new_pty();
    assert_true(e2e_pty_start(p, ja));
    assert_true(e2e_expect(p, "対応> ", WAIT));
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "+1:00:00 で停止: 「経営者に報告する」の目標時間", WAIT));
    e2e_send(p, "/quit\r");
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    free(p);
}

/* /end asks; "n" goes on; "y" ends and shows the result on screen: score,
 * rating and every objective's verdict, N/A for those not assessed. */
static void test_end_asks_then_shows_the_result(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("end.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "60", "--lang", "en",
                           "--seed", "3", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "1\r");                     /* supervisor reports */
    assert_true(e2e_expect(p, "ACTION: Supervisor - Report to management", WAIT));
    assert_true(e2e_expect(p, "OBJECTIVE REACHED", WAIT));
    e2e_send(p, "/end\r");
    assert_true(e2e_expect(p, "End the exercise at +", WAIT));
    assert_true(e2e_expect(p, "2 open objective(s)", WAIT));
    e2e_send(p, "n\r");
    assert_true(e2e_expect(p, "Going on", WAIT));
    assert_null(strstr(p->screen, "Exercise ended"));
    e2e_send(p, "/end\r");
    /* The question names the time the drill ends at: it is asked paused. */
    assert_true(e2e_expect(p, "End the exercise at +", WAIT));
    char when[32] = "", ended[64];
    assert_int_equal(sscanf(p->screen + p->mark - 1, "%31[^?]", when), 1);
    assert_true(e2e_expect(p, "end? [y/N]", WAIT));
    e2e_send(p, "y\r");
    assert_true(e2e_expect(p, "Exercise ended: ended by the facilitator", WAIT));
    snprintf(ended, sizeof ended, "ended at %s of", when);
    assert_true(e2e_expect(p, ended, WAIT));
    p->mark = 0;
    assert_true(e2e_expect(p, "== Result: 100 / 100 (", WAIT));
    assert_true(e2e_expect(p, "of 2:00:00 ==", WAIT));   /* a length: no "+" */
    assert_non_null(strstr(p->screen, "Tell management: reached at"));
    assert_non_null(strstr(p->screen, "→ P 100"));
    assert_non_null(strstr(p->screen, "Stop the spread: open  → not assessed"));
    assert_non_null(strstr(p->screen, "Recover: open  → not assessed"));
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    free(p);
}

/* Lines printed since the last occurrence of `from` (0 when absent). */
static size_t lines_after(const e2e_pty *p, const char *from)
{
    const char *at = NULL;
    for (const char *q = p->screen; (q = strstr(q, from)) != NULL; q++)
        at = q;
    size_t n = 0;
    for (const char *q = at; q && *q; q++)
        n += *q == '\n';
    return n;
}

/* The terminal keeps the room aware on a small screen: the menu comes
 * first and the first inject with its discussion question last, so they
 * stay in view; the menu is not reprinted after events (one line says
 * what became available; /menu shows it); the prompt shows the simulated
 * clock and the speed; lines say when a target passes and when a limit is
 * 5 simulated minutes away. */
static void test_terminal_keeps_the_room_aware(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("aware.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "30", "--lang", "en",
                           "--seed", "3", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "x30 action> ", WAIT));
    const char *menu = strstr(p->screen, "Actions available now");
    const char *inject = strstr(p->screen, "Suspicious traffic detected");
    assert_non_null(menu);
    assert_non_null(inject);
    assert_true(menu < inject);                            /* menu first ... */
    assert_true(lines_after(p, "Who do you tell first?") <= 3);   /* ... question last */
    assert_non_null(strstr(p->screen, "+0:00:0"));         /* the clock in the prompt */

    e2e_send(p, "3\r");                                    /* isolate */
    assert_true(e2e_expect(p, "ACTION: System staff - Isolate the network", WAIT));
    e2e_send(p, "2\r");                                    /* call the vendor */
    assert_true(e2e_expect(p, "DONE: System staff - Call the vendor", WAIT));
    e2e_send(p, "/pause\r");
    assert_true(e2e_expect(p, "-- Paused --", WAIT));
    /* Events came (actions, state, done): the menu was not printed again. */
    const char *again = strstr(menu + 1, "Actions available now");
    assert_null(again);
    e2e_send(p, "/menu\r");
    assert_true(e2e_expect(p, "Actions available now", WAIT));

    /* /next to the contain target (+0:15:00): it passes, a line says so. */
    e2e_send(p, "/resume\r");
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "the target of", WAIT));
    e2e_send(p, "/next\r");
    e2e_send(p, "/next\r");
    assert_true(e2e_expect(p, "stopped at +0:45:00", WAIT));
    e2e_send(p, "/speed 300\r");
    assert_true(e2e_expect(p, "x300 ", WAIT));
    assert_true(e2e_expect(p, "is 0:05:00 away; past it", WAIT));
    e2e_send(p, "/quit\r");
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    free(p);
}

/* Japanese on the screen (UTF-8), and a closed terminal leaves a journal
 * that resumes headless to the end. */
static void test_hangup_leaves_resumable_journal(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("hup.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "60",
                           "--lang", "ja", "--seed", "5", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "不審な通信を検知しました", WAIT));
    assert_true(e2e_expect(p, "最初に誰に知らせますか", WAIT));
    assert_true(e2e_expect(p, "対応> ", WAIT));
    e2e_send(p, "isolate\r");
    assert_true(e2e_expect(p, "対応開始: システム担当 - ネットワークから切り離す", WAIT));
    int rc = e2e_pty_close(p, WAIT);
    assert_true(rc == 0 || rc == 128 + SIGHUP);
    free(p);
    char *text = cli_slurp(journal);
    assert_non_null(text);
    assert_non_null(strstr(text, "id: \"isolate\""));
    assert_null(strstr(text, "type: end"));
    free(text);
    const char *resume_args[] = { "resume", journal, "--ui", "none", "--script", SCRIPT,
                                  "--no-scorecard", NULL };
    const char *out = e2e_tmp("hup-resume.out");
    rc = e2e_run(out, resume_args);
    if (rc != 0) {
        char *log = cli_slurp(out);
        fprintf(stderr, "%s\n", log ? log : "");
        free(log);
    }
    assert_int_equal(rc, 0);
    text = cli_slurp(journal);
    assert_non_null(strstr(text, "type: end"));
    free(text);
    assert_int_equal(replay(journal, e2e_tmp("hup-replay.out")), 0);
}

/* A live drill with a roster, killed -9 mid-action, resumes with that
 * action (and who took it) in place. */
static void test_live_kill_then_resume(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("livekill.journal.yaml");
    const char *roster = e2e_tmp("roster.yaml");
    assert_true(e2e_write_file(roster, "team: Blue\nmembers:\n"
                                       "  - { name: Sato, role: sysadmin }\n"
                                       "  - { name: Suzuki, role: supervisor }\n"));
    const char *args[] = { "run", "--journal", journal, "--speed", "120", "--roster", roster,
                           "--lang", "en", "--seed", "9", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = new_pty();
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "call_vendor\r");
    assert_true(e2e_expect(p, "ACTION: System staff (Sato) - Call the vendor", WAIT));
    kill(p->pid, SIGKILL);
    assert_int_equal(e2e_pty_finish(p, WAIT), 128 + SIGKILL);
    free(p);
    const char *resume_args[] = { "resume", journal, "--ui", "none", "--script", SCRIPT,
                                  "--no-scorecard", NULL };
    const char *out = e2e_tmp("livekill-resume.out");
    int rc = e2e_run(out, resume_args);
    char *log = cli_slurp(out);
    if (rc != 0)
        fprintf(stderr, "%s\n", log ? log : "");
    assert_int_equal(rc, 0);
    free(log);
    char *got = e2e_outcome(journal);
    assert_non_null(got);
    assert_non_null(strstr(got, "action "));
    assert_non_null(strstr(got, "call_vendor"));
    assert_non_null(strstr(got, "end "));
    free(got);
    assert_int_equal(replay(journal, e2e_tmp("livekill-replay.out")), 0);
    /* A finished journal cannot be resumed again. */
    assert_int_equal(e2e_run(out, resume_args), 2);
}

/* Every shipped scenario can be run live: it starts, shows its first
 * events and the menu, answers /status, takes an action from the menu, and
 * ends on /end. */
static void test_every_scenario_runs_live(void **state)
{
    (void)state;
    DIR *d = opendir(e2e_src("scenarios"));
    assert_non_null(d);
    size_t seen = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char rel[512], name[300];
        snprintf(rel, sizeof rel, "scenarios/%s", e->d_name);
        snprintf(name, sizeof name, "live-%s.journal.yaml", e->d_name);
        char scenario[1024], journal[1024];
        snprintf(scenario, sizeof scenario, "%s", e2e_src(rel));
        snprintf(journal, sizeof journal, "%s", e2e_tmp(name));
        const char *args[] = { "run", "--journal", journal, "--lang", "en",
                               "--no-scorecard", scenario, NULL };
        e2e_pty *p = new_pty();
        assert_true(e2e_pty_start(p, args));
        if (!e2e_expect(p, "Actions available now", WAIT) ||
            !e2e_expect(p, "action> ", WAIT)) {
            fprintf(stderr, "%s did not start live\n", e->d_name);
            fail();
        }
        /* The first number the menu lists as available (numbers are the
         * scenario's, so 1 may be one not available yet). */
        const char *menu = strstr(p->screen, "Actions available now");
        assert_non_null(menu);
        const char *dot = NULL;
        for (const char *q = menu; (q = strstr(q, ". ")) != NULL; q++)
            if (q > menu && q[-1] >= '0' && q[-1] <= '9') {
                dot = q;
                break;
            }
        assert_non_null(dot);
        const char *digits = dot;
        while (digits > menu && digits[-1] >= '0' && digits[-1] <= '9')
            digits--;
        char first[16];
        snprintf(first, sizeof first, "%.*s\r", (int)(dot - digits), digits);
        e2e_send(p, "/status\r");
        assert_true(e2e_expect(p, "Objectives:", WAIT));
        e2e_send(p, first);
        assert_true(e2e_expect(p, "ACTION: ", WAIT));
        e2e_send(p, "/end\r");
        assert_true(e2e_expect(p, "end? [y/N]", WAIT));
        e2e_send(p, "y\r");
        assert_true(e2e_expect(p, "Exercise ended: ended by the facilitator", WAIT));
        assert_true(e2e_expect(p, "== Result: ", WAIT));
        assert_int_equal(e2e_pty_finish(p, WAIT), 0);
        free(p);
        assert_int_equal(replay(journal, e2e_tmp("live-scenario-replay.out")), 0);
        seen++;
    }
    closedir(d);
    assert_true(seen >= 1);
}

int main(void)
{
    e2e_tmpdir();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_baseline_reaches_every_objective),
        cmocka_unit_test(test_replay_reproduces_the_journal),
        cmocka_unit_test(test_replay_reports_first_difference),
        cmocka_unit_test(test_replay_bad_input),
        cmocka_unit_test(test_kill_and_resume_reaches_same_outcome),
        cmocka_unit_test(test_live_drill_in_a_terminal),
        cmocka_unit_test(test_numbers_keep_their_meaning),
        cmocka_unit_test(test_next_stops_at_targets_and_asks_before_limits),
        cmocka_unit_test(test_end_asks_then_shows_the_result),
        cmocka_unit_test(test_terminal_keeps_the_room_aware),
        cmocka_unit_test(test_hangup_leaves_resumable_journal),
        cmocka_unit_test(test_live_kill_then_resume),
        cmocka_unit_test(test_every_scenario_runs_live),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
