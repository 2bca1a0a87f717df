/* A live drill in a terminal whose preconditions write an upvalue, a
 * global and a table reachable from an upvalue, and draw from the RNG
 * (tests/tty/requires-trace.lua). The terminal asks them for every menu it
 * draws; the drill's journal must still replay identically, and a drill
 * killed with SIGKILL must resume (resume replays the journal first). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "e2e_util.h"

#define SCENARIO e2e_src("tests/tty/requires-trace.lua")
#define WAIT 30000   /* ms: a bound against hangs, not a timing assertion */

static int run_logged(const char *out, const char *const *args)
{
    int rc = e2e_run(out, args);
    if (rc != 0) {
        char *log = cli_slurp(out);
        fprintf(stderr, "%s\n", log ? log : "");
        free(log);
    }
    return rc;
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

/* The journal's precondition counters moved (the `requires` taken by the
 * drill ran) but only as often as replay runs them. */
static void assert_replays(const char *journal, const char *out)
{
    const char *args[] = { "replay", "--lang", "en", journal, NULL };
    assert_int_equal(run_logged(out, args), 0);
    char *log = cli_slurp(out);
    assert_non_null(log);
    assert_non_null(strstr(log, "identical"));
    free(log);
}

static void test_menus_leave_no_trace(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("trace.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "300", "--lang", "en",
                           "--seed", "4", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = malloc(sizeof *p);
    assert_non_null(p);
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "The drill begins", WAIT));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "step\r");
    assert_true(e2e_expect(p, "ACTION: Lead - Take a step", WAIT));
    assert_true(e2e_expect(p, "DONE: Lead - Take a step", WAIT));
    sleep_ms(500); /* more events, more menus drawn */
    e2e_send(p, "check\r");
    assert_true(e2e_expect(p, "ACTION: Lead - Check", WAIT));
    assert_true(e2e_expect(p, "DONE: Lead - Check", WAIT));
    e2e_send(p, "/status\r");
    assert_true(e2e_expect(p, "Clock: ", WAIT));
    e2e_send(p, "step\r");
    assert_true(e2e_expect(p, "ACTION: Lead - Take a step", WAIT));
    sleep_ms(500);
    e2e_send(p, "/end\r");
    assert_true(e2e_expect(p, "end? [y/N]", WAIT));   /* /end asks first */
    e2e_send(p, "y\r");
    assert_true(e2e_expect(p, "Exercise ended", WAIT));
    assert_int_equal(e2e_pty_finish(p, WAIT), 0);
    free(p);

    char *text = cli_slurp(journal);
    assert_non_null(text);
    assert_non_null(strstr(text, "asked: "));   /* the counters reached the journal */
    assert_non_null(strstr(text, "peeked: "));
    free(text);
    assert_replays(journal, e2e_tmp("trace-replay.out"));
}

static void test_killed_drill_resumes(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("trace-kill.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "300", "--lang", "en",
                           "--seed", "6", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = malloc(sizeof *p);
    assert_non_null(p);
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "check\r");
    assert_true(e2e_expect(p, "ACTION: Lead - Check", WAIT));
    assert_true(e2e_expect(p, "DONE: Lead - Check", WAIT));
    e2e_send(p, "step\r");
    assert_true(e2e_expect(p, "ACTION: Lead - Take a step", WAIT));
    sleep_ms(700);
    kill(p->pid, SIGKILL);
    assert_int_equal(e2e_pty_finish(p, WAIT), 128 + SIGKILL);
    free(p);
    const char *resume[] = { "resume", journal, "--ui", "none", "--no-scorecard", NULL };
    assert_int_equal(run_logged(e2e_tmp("trace-resume.out"), resume), 0);
    char *text = cli_slurp(journal);
    assert_non_null(text);
    assert_non_null(strstr(text, "type: end"));
    free(text);
    assert_replays(journal, e2e_tmp("trace-kill-replay.out"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_menus_leave_no_trace),
        cmocka_unit_test(test_killed_drill_resumes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
