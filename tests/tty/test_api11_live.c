/* Scenario API 1.1 in a live terminal drill (pseudo-terminal): an inject to
 * two roles names both, /cancel N calls off an action in progress (and says
 * why when nothing is in progress), an actor's question shows how to answer
 * it, /reply N TEXT answers and the action goes on; the journal replays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "e2e_util.h"

#define SCENARIO e2e_src("tests/authoring/fixtures/api11.lua")
#define WAIT 30000   /* ms: a bound against hangs, not a timing assertion */

/* Stable numbers of the fixture: roles manager, oncall; actions by id. */
#define CALL_VENDOR "1"   /* manager */
#define SAVE_LOGS "6"     /* oncall */

static void cancel_and_reply_in_a_terminal(void **state)
{
    (void)state;
    const char *journal = e2e_tmp("api11-live.journal.yaml");
    const char *args[] = { "run", "--journal", journal, "--speed", "1", "--lang", "en",
                           "--seed", "1", "--no-scorecard", SCENARIO, NULL };
    e2e_pty *p = calloc(1, sizeof *p);   /* 256 KiB of screen: not on the stack */
    assert_non_null(p);
    assert_true(e2e_pty_start(p, args));
    assert_true(e2e_expect(p, "On-call engineer, Duty manager: Monitoring alert.", WAIT));
    assert_true(e2e_expect(p, "action> ", WAIT));
    e2e_send(p, "/pause\r");
    assert_true(e2e_expect(p, "-- Paused --", WAIT));

    e2e_send(p, CALL_VENDOR "\r");
    assert_true(e2e_expect(p, "ACTION: Duty manager - Call the vendor in", WAIT));
    e2e_send(p, SAVE_LOGS "\r");
    assert_true(e2e_expect(p, "ACTION: On-call engineer - Save the logs", WAIT));
    e2e_send(p, "/cancel " SAVE_LOGS " the vendor is coming\r");
    assert_true(e2e_expect(p, "CANCELLED: On-call engineer - Save the logs", WAIT));
    assert_true(e2e_expect(p, "the vendor is coming", WAIT));
    e2e_send(p, "/cancel " SAVE_LOGS "\r");
    assert_true(e2e_expect(p, "CANNOT CANCEL: On-call engineer - Save the logs: This action is not in progress.", WAIT));
    e2e_send(p, "/cancel\r");
    assert_true(e2e_expect(p, "give the action's number or name", WAIT));
    /* By name, as an action is taken: the id, then the start of its label. */
    e2e_send(p, "save_logs\r");
    assert_true(e2e_expect(p, "ACTION: On-call engineer - Save the logs", WAIT));
    e2e_send(p, "/cancel save_logs by name\r");
    assert_true(e2e_expect(p, "CANCELLED: On-call engineer - Save the logs", WAIT));
    assert_true(e2e_expect(p, "by name", WAIT));
    e2e_send(p, "Save the\r");
    assert_true(e2e_expect(p, "ACTION: On-call engineer - Save the logs", WAIT));
    e2e_send(p, "/cancel Save the logs by label\r");
    assert_true(e2e_expect(p, "CANCELLED: On-call engineer - Save the logs", WAIT));
    assert_true(e2e_expect(p, "by label", WAIT));

    /* The vendor asks after the request's 10 minutes. */
    e2e_send(p, "/resume\r");
    assert_true(e2e_expect(p, "-- Resumed --", WAIT));
    e2e_send(p, "/speed 600\r");
    assert_true(e2e_expect(p, "QUESTION BACK Maintenance vendor -> Duty manager - Call the vendor in: Which servers?", WAIT));
    assert_true(e2e_expect(p, "answer with /reply " CALL_VENDOR " TEXT", WAIT));
    e2e_send(p, "/pause\r");
    assert_true(e2e_expect(p, "-- Paused --", WAIT));
    e2e_send(p, "/reply " CALL_VENDOR " web01 and db01\r");
    assert_true(e2e_expect(p, "REPLY: Duty manager - Call the vendor in", WAIT));
    assert_true(e2e_expect(p, "web01 and db01", WAIT));
    assert_true(e2e_expect(p, "DONE: Duty manager - Call the vendor in", WAIT));
    e2e_send(p, "/reply " CALL_VENDOR " again\r");
    assert_true(e2e_expect(p, "CANNOT REPLY: Duty manager - Call the vendor in: No question about this action is waiting", WAIT));
    e2e_send(p, "/quit\r");
    e2e_pty_finish(p, WAIT);
    free(p);

    /* Every record, the refused attempts too, reproduces. */
    const char *replay[] = { "replay", journal, NULL };
    assert_int_equal(e2e_run(e2e_tmp("api11-live.replay.out"), replay), 0);
    char *text = cli_slurp(journal);
    assert_non_null(text);
    assert_non_null(strstr(text, "type: cancel\n"));
    assert_non_null(strstr(text, "status: \"refused\""));
    assert_non_null(strstr(text, "type: asked\n"));
    assert_non_null(strstr(text, "type: reply\n"));
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cancel_and_reply_in_a_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
