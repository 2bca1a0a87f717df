/* Work and memory limits that hold across a whole exercise, not only inside
 * one callback: a ctx.after chain rescheduling itself for years, heavy
 * conditions re-checked after every event, events piling up in the queue
 * and delayed message text held in C memory all end the run with a clear
 * error (issue 10, "Work limits hold for everything a scenario can start"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tabletop/exercise.h"
#include "tabletop/journal.h"
#include "tabletop/script.h"

#define HEAD                                                                                \
    "return scenario {\n"                                                                   \
    "  id = 'limits', source = 'test', title = { ja = 't', en = 't' },\n"                  \
    "  summary = { ja = 't', en = 't' }, invented = { ja = 't', en = 't' },\n"             \
    "  roles = { sysadmin = { name = { ja = 's', en = 's' } } },\n"                        \
    "  actors = { r = { kind = 'vendor', name = { ja = 'r', en = 'r' } } },\n"            \
    "  actions = { pull_cable = { by = 'sysadmin', label = { ja = 'p', en = 'p' },\n"      \
    "                             takes = '5m', completes = 'isolate_pc' } },\n"

#define OBJ_WHEN(n)                                                                         \
    "    o" #n " = { phase = 'isolate', title = { ja = 'i', en = 'i' }, target = '1d',"     \
    " limit = '3000d', when = heavy },\n"

/* Run the scenario to its end; return the error message (static) or NULL. */
static const char *run_to_end(const char *prelude, const char *body,
                              const tt_sandbox_limits *limits, tt_ms *stopped_at)
{
    static char text[8192], message[1200];
    snprintf(text, sizeof text, "%s%s%s}\n", prelude, HEAD, body);
    tt_error err;
    tt_script *s = tt_script_load_buffer("limits.lua", text, strlen(text), limits, &err);
    if (!s)
        fail_msg("load: %d: %s", err.line, err.message);
    tt_exercise_config cfg = { .seed = 1 };
    tt_exercise *ex = tt_exercise_new(s, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    int rc = tt_exercise_advance(ex, TT_MS_NEVER, &err);
    if (stopped_at)
        *stopped_at = tt_exercise_now(ex);
    tt_exercise_free(ex);
    tt_script_free(s);
    if (rc == 0)
        return NULL;
    snprintf(message, sizeof message, "%s", err.message);
    return message;
}

static void expect_stop(const char *prelude, const char *body, const tt_sandbox_limits *l,
                        const char *needle, tt_ms before)
{
    tt_ms at = 0;
    const char *msg = run_to_end(prelude, body, l, &at);
    if (!msg)
        fail_msg("the run was not stopped (expected '%s')", needle);
    if (!strstr(msg, needle))
        fail_msg("expected '%s' in: %s", needle, msg);
    if (at > before)
        fail_msg("stopped only at %lld ms: %s", (long long)at, msg);
}

/* ctx.after re-scheduling itself every second in a 10-year scenario. */
static const char chain[] =
    "  length = '3650d', state = { n = 0, started = false },\n"
    "  every = { { id = 'e', period = '1m', run = function(s, ctx)\n"
    "    if s.started then return end\n"
    "    s.started = true\n"
    "    local function f(st, c) st.n = st.n + 1; c.after('1s', f) end\n"
    "    ctx.after('1s', f)\n"
    "  end } },\n"
    "  objectives = { isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
    "                 target = '1d', limit = '3000d' } },\n";

static void a_self_rescheduling_chain_hits_the_hourly_limit(void **state)
{
    (void)state;
    tt_sandbox_limits l = { .hour_instructions = 1000000 };
    /* 3600 calls an hour at 1000 units at least: past 1e6 within the hour. */
    expect_stop("", chain, &l, "work limit of 1000000 instructions for one simulated hour",
                2 * 3600000);
}

static void a_self_rescheduling_chain_hits_the_exercise_limit(void **state)
{
    (void)state;
    tt_sandbox_limits l = { .exercise_instructions = 20000000 };
    expect_stop("", chain, &l, "work limit of 20000000 instructions for one exercise",
                (tt_ms)30 * 86400000);
}

/* Conditions each far under the per-call budget, re-checked after every
 * event (an every-minute dynamic changes the state each time). */
static void heavy_conditions_after_every_event_hit_the_hourly_limit(void **state)
{
    (void)state;
    static const char body[] =
        "  length = '3650d', state = { n = 0 },\n"
        "  every = { { id = 'e', period = '1m', run = function(s) s.n = s.n + 1 end } },\n"
        "  objectives = {\n"
        OBJ_WHEN(1) OBJ_WHEN(2) OBJ_WHEN(3) OBJ_WHEN(4) OBJ_WHEN(5)
        "    isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
        "                   target = '1d', limit = '3000d' } },\n";
    /* About 150,000 instructions each: far under the call budget. */
    static const char prelude[] =
        "local function heavy(s) local x = 0 for i = 1, 50000 do x = x + i end "
        "return s.n < 0 end\n";
    tt_sandbox_limits l = { .hour_instructions = 10000000 };
    expect_stop(prelude, body, &l, "for one simulated hour", 2 * 3600000);
}

/* The same with the work done inside string.find (issue 10): each condition
 * is a handful of instructions for Lua's count, but the matcher's ~45,000
 * steps a call are charged, so the hour's limit is reached as with Lua
 * loops. Uncharged, the run would go on for 10 years of simulated time. */
static void pattern_work_in_conditions_counts_toward_the_hourly_limit(void **state)
{
    (void)state;
    static const char body[] =
        "  length = '3650d', state = { n = 0 },\n"
        "  every = { { id = 'e', period = '1m', run = function(s) s.n = s.n + 1 end } },\n"
        "  objectives = {\n"
        OBJ_WHEN(1) OBJ_WHEN(2) OBJ_WHEN(3) OBJ_WHEN(4) OBJ_WHEN(5)
        "    isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
        "                   target = '1d', limit = '3000d' } },\n";
    static const char prelude[] =
        "local text = ('a'):rep(300)\n"
        "local function heavy(s) return s.n < 0 and text:find('.-b') ~= nil "
        "or text:find('.-b') ~= nil end\n";
    tt_sandbox_limits l = { .hour_instructions = 10000000 };
    expect_stop(prelude, body, &l, "for one simulated hour", 2 * 3600000);
    l = (tt_sandbox_limits){ .exercise_instructions = 50000000 };
    expect_stop(prelude, body, &l, "for one exercise", 2 * 86400000);
}

/* Events that pile up: every minute, 5000 calls scheduled far ahead. */
static void pending_events_are_capped(void **state)
{
    (void)state;
    static const char body[] =
        "  length = '3650d', state = { n = 0 },\n"
        "  every = { { id = 'e', period = '1m', run = function(s, ctx)\n"
        "    for i = 1, 5000 do ctx.after('3000d', function() end) end\n"
        "  end } },\n"
        "  objectives = { isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
        "                 target = '1d', limit = '3000d' } },\n";
    tt_sandbox_limits l = { .call_instructions = 50000000 };
    expect_stop("", body, &l, "more than 100000 events pending", 30 * 60000);
}

/* Message text queued with a delay counts when queued (it is held in C
 * memory), not when said: 12 MB a minute passes 64 MiB in minutes. */
static void delayed_message_text_counts_when_queued(void **state)
{
    (void)state;
    static const char body[] =
        "  length = '3650d', state = { n = 0 },\n"
        "  every = { { id = 'e', period = '1m', run = function(s, ctx)\n"
        "    local t = ('x'):rep(60000)\n"
        "    for i = 1, 100 do\n"
        "      ctx.message{ from = 'r', text = { ja = t, en = t }, after = '3000d' }\n"
        "    end\n"
        "  end } },\n"
        "  objectives = { isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
        "                 target = '1d', limit = '3000d' } },\n";
    tt_sandbox_limits l = { .call_instructions = 50000000 };
    expect_stop("", body, &l, "messages exceed 64 MiB", 10 * 60000);
}

/* A long, ordinary scenario is not affected, and delivered messages and
 * called functions free their slots (the run's memory does not grow). */
static void ordinary_long_runs_are_not_stopped(void **state)
{
    (void)state;
    static const char body[] =
        "  length = '365d', state = { n = 0 },\n"
        "  every = { { id = 'e', period = '1h', run = function(s, ctx)\n"
        "    s.n = s.n + 1\n"
        "    ctx.message{ from = 'r', text = { ja = 'x', en = 'x' }, after = '30m' }\n"
        "    ctx.after('10m', function(st) st.n = st.n + 1 end)\n"
        "  end } },\n"
        "  objectives = { isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
        "                 target = '1d', limit = '300d' } },\n";
    const char *msg = run_to_end("", body, NULL, NULL);
    if (msg)
        fail_msg("stopped: %s", msg);
}

/* A scenario flipping a 64 KiB state string every second journals fast: the
 * cap ends the run with a clear error and the journal still reads back. */
static void the_journal_cap_ends_the_run_and_keeps_the_journal_readable(void **state)
{
    (void)state;
    static const char body[] =
        "  length = '3650d', state = { big = '' },\n"
        "  every = { { id = 'e', period = '1s', run = function(s)\n"
        "    s.big = (s.big == ('a'):rep(65536)) and ('b'):rep(65536) or ('a'):rep(65536)\n"
        "  end } },\n"
        "  objectives = { isolate_pc = { phase = 'isolate', title = { ja = 'i', en = 'i' },\n"
        "                 target = '1d', limit = '3000d' } },\n";
    char text[8192];
    snprintf(text, sizeof text, "%s%s}\n", HEAD, body);
    tt_error err;
    tt_script *s = tt_script_load_buffer("limits.lua", text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("load: %d: %s", err.line, err.message);
    char path[] = "/tmp/tt-journal-cap-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    tt_exercise_config cfg = { .seed = 1 };
    cfg.journal = tt_journal_create(path, false, &err);
    assert_non_null(cfg.journal);
    tt_journal_set_cap(cfg.journal, (size_t)4 << 20);
    tt_exercise *ex = tt_exercise_new(s, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, TT_MS_NEVER, &err), -1);
    assert_non_null(strstr(err.message, "the journal reached its limit of 4 MiB"));
    assert_true(tt_exercise_now(ex) < 3600000);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(cfg.journal, &err), 0);
    tt_journal j;
    if (tt_journal_read(path, &j, &err) != 0)
        fail_msg("the capped journal does not read back: %s", err.message);
    assert_true(j.n_records > 10);
    assert_false(j.torn);
    assert_int_equal(j.records[0].type, TT_REC_START);
    tt_journal_free(&j);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    assert_true(ftell(f) <= (long)4 << 20);
    fclose(f);
    unlink(path);
    tt_script_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_self_rescheduling_chain_hits_the_hourly_limit),
        cmocka_unit_test(a_self_rescheduling_chain_hits_the_exercise_limit),
        cmocka_unit_test(heavy_conditions_after_every_event_hit_the_hourly_limit),
        cmocka_unit_test(pattern_work_in_conditions_counts_toward_the_hourly_limit),
        cmocka_unit_test(pending_events_are_capped),
        cmocka_unit_test(delayed_message_text_counts_when_queued),
        cmocka_unit_test(ordinary_long_runs_are_not_stopped),
        cmocka_unit_test(the_journal_cap_ends_the_run_and_keeps_the_journal_readable),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
