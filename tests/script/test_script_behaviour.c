/* Behaviour by index: preconditions, effects, dynamics, injects,
 * objectives, ctx (messages, deferred calls, randomness), the state rules
 * and runtime errors located at file:line with the callback named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "tabletop/script.h"
#include "tabletop/sim.h"

static tt_script *load_full(void)
{
    tt_error err;
    tt_script *s = tt_script_load(fixture("full.lua"), NULL, &err);
    if (!s)
        tt_error_print(&err, "load");
    assert_non_null(s);
    return s;
}

static const tt_value *state_get(tt_script *s, const char *key)
{
    const tt_kv *kv;
    size_t n;
    tt_error err;
    assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
    for (size_t i = 0; i < n; i++)
        if (strcmp(kv[i].key, key) == 0)
            return &kv[i].value;
    fail_msg("no state key %s", key);
    return NULL;
}

static int idx(int i)
{
    assert_true(i >= 0);
    return i;
}

static void state_snapshot_is_sorted_with_settings(void **state)
{
    (void)state;
    tt_script *s = load_full();
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    const tt_kv *kv;
    size_t n;
    assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
    const char *expected[] = { "alerted", "encrypted", "isolated", "note", "offline_backup",
                               "ratio" };
    assert_int_equal(n, 6);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(kv[i].key, expected[i]);
    assert_int_equal(kv[1].value.type, TT_VAL_INT);
    assert_int_equal(kv[3].value.type, TT_VAL_STR);
    assert_int_equal(kv[4].value.type, TT_VAL_BOOL);
    assert_int_equal(kv[5].value.type, TT_VAL_NUM);
    assert_true(kv[5].value.as.n == 0.5);
    tt_script_free(s);
}

static void overrides_apply_and_are_checked(void **state)
{
    (void)state;
    tt_script *s = load_full();
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    tt_kv ok = { "offline_backup", { .type = TT_VAL_STR, .as.s = "true" } };
    assert_int_equal(tt_script_begin(s, &rng, &ok, 1, &err), 0);
    assert_true(state_get(s, "offline_backup")->as.b);
    tt_kv unknown = { "encrypted", { .type = TT_VAL_INT, .as.i = 5 } };
    assert_int_equal(tt_script_begin(s, &rng, &unknown, 1, &err), -1);
    assert_non_null(strstr(err.message, "unknown setting 'encrypted'"));
    assert_non_null(strstr(err.message, "offline_backup"));
    tt_kv wrong = { "offline_backup", { .type = TT_VAL_INT, .as.i = 5 } };
    assert_int_equal(tt_script_begin(s, &rng, &wrong, 1, &err), -1);
    assert_non_null(strstr(err.message, "setting 'offline_backup' is a boolean"));
    tt_script_free(s);
}

static void actions_requires_and_does(void **state)
{
    (void)state;
    tt_script *s = load_full();
    const tt_scenario *m = tt_script_scenario(s);
    tt_rng rng;
    tt_rng_seed(&rng, 7, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    int pull = idx(tt_scenario_action(m, "pull_cable"));
    int reboot = idx(tt_scenario_action(m, "reboot"));
    int report = idx(tt_scenario_action(m, "report_up"));
    bool ok = false;
    tt_text why = { "x", "x" };
    assert_int_equal(tt_script_action_allowed(s, pull, 0, &ok, &why, &err), 0);
    assert_true(ok);
    assert_int_equal(tt_script_action_allowed(s, report, 0, &ok, &why, &err), 0);
    assert_true(ok); /* no requires: allowed */
    assert_int_equal(tt_script_action_allowed(s, reboot, 0, &ok, &why, &err), 0);
    assert_false(ok);
    assert_string_equal(why.en, "plain reason");
    assert_string_equal(why.ja, "plain reason");

    assert_int_equal(tt_script_action_apply(s, pull, 300000, "sysadmin", &err), 0);
    assert_true(state_get(s, "isolated")->as.b);
    assert_string_equal(state_get(s, "note")->as.s, "sysadmin");
    tt_scheduled *sc;
    size_t n = tt_script_take_scheduled(s, &sc);
    assert_int_equal(n, 3);
    assert_int_equal(sc[0].kind, TT_SCHED_MESSAGE);
    assert_string_equal(sc[0].from, "ministry");
    assert_string_equal(sc[0].to, "supervisor");
    assert_string_equal(sc[0].text.ja, "了解");
    assert_in_range(sc[0].delay, 20 * 60000, 40 * 60000);
    assert_int_equal(sc[1].kind, TT_SCHED_MESSAGE);
    assert_string_equal(sc[1].from, "vendor");
    assert_null(sc[1].to);
    assert_int_equal(sc[1].delay, 90000);
    assert_int_equal(sc[2].kind, TT_SCHED_CALL);
    assert_string_equal(sc[2].from, "ministry"); /* the actor whose delay was used */
    assert_in_range(sc[2].delay, 20 * 60000, 40 * 60000);
    int ref = sc[2].ref;
    assert_int_equal(tt_script_take_scheduled(s, &sc), 0);

    assert_int_equal(tt_script_call_deferred(s, ref, 1500000, &err), 0);
    assert_string_equal(state_get(s, "note")->as.s, "deferred 1500");
    n = tt_script_take_scheduled(s, &sc);
    assert_int_equal(n, 2);
    assert_string_equal(sc[0].from, "ministry");
    assert_int_equal(sc[0].delay, 0);
    assert_string_equal(sc[1].from, "vendor");
    assert_int_equal(sc[1].delay, 10 * 60000);
    /* Called once, then forgotten. */
    assert_int_equal(tt_script_call_deferred(s, ref, 1500000, &err), -1);
    assert_non_null(strstr(err.message, "no function scheduled"));

    assert_int_equal(tt_script_action_allowed(s, pull, 0, &ok, &why, &err), 0);
    assert_false(ok);
    assert_string_equal(why.en, "Already isolated");
    assert_string_equal(why.ja, "既に隔離済み");
    assert_int_equal(tt_script_action_allowed(s, 99, 0, &ok, &why, &err), -1);
    tt_script_free(s);
}

static void dynamics_injects_objectives(void **state)
{
    (void)state;
    tt_script *s = load_full();
    const tt_scenario *m = tt_script_scenario(s);
    tt_rng rng;
    tt_rng_seed(&rng, 42, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    int share = idx(tt_scenario_inject(m, "share_hit"));
    int alert = idx(tt_scenario_inject(m, "av_alert"));
    bool due = true;
    assert_int_equal(tt_script_inject_due(s, share, 0, &due, &err), 0);
    assert_false(due);
    /* Timed inject without `when`: never "due" through this call. */
    assert_int_equal(tt_script_inject_due(s, alert, 0, &due, &err), 0);
    assert_false(due);
    int64_t last = 0;
    for (int i = 1; i <= 4; i++) {
        assert_int_equal(tt_script_dynamic_run(s, 0, i * 60000, &err), 0);
        int64_t now = state_get(s, "encrypted")->as.i;
        assert_in_range(now - last, 1500, 3000);
        last = now;
    }
    assert_int_equal(tt_script_dynamic_run(s, 1, 1800000, &err), 0);
    assert_int_equal(tt_script_inject_due(s, share, 0, &due, &err), 0);
    assert_true(due);
    assert_int_equal(tt_script_inject_fired(s, alert, 0, &err), 0);
    assert_true(state_get(s, "alerted")->as.b);
    /* Injects without does: nothing to do, no error. */
    assert_int_equal(tt_script_inject_fired(s, share, 0, &err), 0);
    bool met = true;
    int restore = idx(tt_scenario_objective(m, "restore"));
    assert_int_equal(tt_script_objective_met(s, restore, 0, &met, &err), 0);
    assert_false(met);
    assert_int_equal(tt_script_objective_met(s, 0, 0, &met, &err), 0);
    assert_false(met); /* no when */
    tt_script_free(s);
}

static int64_t run_three(tt_script *s, uint64_t seed)
{
    tt_rng rng;
    tt_rng_seed(&rng, seed, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    for (int i = 0; i < 3; i++)
        assert_int_equal(tt_script_dynamic_run(s, 0, i * 60000, &err), 0);
    return state_get(s, "encrypted")->as.i;
}

static void same_seed_same_run_and_begin_starts_over(void **state)
{
    (void)state;
    tt_script *s = load_full();
    tt_script *t = load_full();
    int64_t a = run_three(s, 5);
    assert_int_equal(a, run_three(t, 5));
    assert_int_equal(a, run_three(s, 5)); /* begin again: state starts over */
    /* Values captured by the scenario's functions start over too. */
    const tt_scenario *m = tt_script_scenario(s);
    int count = idx(tt_scenario_action(m, "count_steps"));
    tt_error err;
    assert_int_equal(tt_script_action_apply(s, count, 0, "sysadmin", &err), 0);
    assert_int_equal(state_get(s, "encrypted")->as.i, 3);
    tt_script_free(s);
    tt_script_free(t);
}

static tt_script *load_inline(const char *top, const char *does, const char *extra)
{
    tt_error err;
    const char *text = inline_scenario(top, does, extra);
    tt_script *s = tt_script_load_buffer("scenarios/inline.lua", text, strlen(text), NULL, &err);
    if (!s)
        tt_error_print(&err, "load");
    assert_non_null(s);
    return s;
}

/* Run action a's does; expect failure with message containing `want`. */
static void expect_does_error(const char *does, const char *want, int line)
{
    tt_script *s = load_inline(NULL, does, NULL);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
    if (!strstr(err.message, want) || err.line != line)
        fail_msg("got %s:%d: %s; want line %d: %s", err.file, err.line, err.message, line, want);
    assert_string_equal(err.file, "scenarios/inline.lua");
    assert_non_null(strstr(err.message, "(in actions.a.does)"));
    tt_script_free(s);
}

static void runtime_errors_are_located(void **state)
{
    (void)state;
    expect_does_error("local x = nil; x.foo = 1", "attempt to index a nil value", TT_DOES_LINE);
    expect_does_error("s.nope = 1", "state key 'nope' is not declared", TT_DOES_LINE);
    expect_does_error("local y = s.nope", "state key 'nope' is not declared", TT_DOES_LINE);
    expect_does_error("s.n = {}", "state.n can only hold a boolean, number or string, not a table",
                      TT_DOES_LINE);
    expect_does_error("s.n = 'text'", "state.n is an integer; cannot store a string", TT_DOES_LINE);
    /* n is declared 0: whole numbers only (231.0 is stored as 231). */
    expect_does_error("s.n = 462 / 2; assert(math.type(s.n) == 'integer'); error('whole ok')",
                      "whole ok", TT_DOES_LINE);
    expect_does_error("s.n = 463 / 2", "state.n is an integer (declared with a whole number); "
                      "231.5 is not whole", TT_DOES_LINE);
    /* Misspelt ids are named as such, with the nearest valid one. */
    expect_does_error("s.nn = 1", "state key 'nn' is not declared in the scenario's state "
                      "(did you mean 'n'?", TT_DOES_LINE);
    expect_does_error("ctx.after('rr', function() end)",
                      "ctx.after: 'rr' is neither a time nor an actor of this scenario", TT_DOES_LINE);
    expect_does_error("ctx.message{ from = 'rr', text = T }", "(actors: none are declared; roles: "
                      "did you mean 'r'?)", TT_DOES_LINE);
    expect_does_error("ctx.message{ from = 'r', to = 'x', text = T }",
                      "to = 'x' is not a role of this scenario (did you mean 'r'?)", TT_DOES_LINE);
    expect_does_error("s.n = 0/0", "must be finite", TT_DOES_LINE);
    expect_does_error("rawset(s, 'n', 1)", "bad argument #1 to 'rawset' (table expected",
                      TT_DOES_LINE);
    expect_does_error("error('boom')", "boom", TT_DOES_LINE);
    expect_does_error("s.name = 'bell\\7'", "state.name: character U+0007 at offset 4", TT_DOES_LINE);
    expect_does_error("ctx.message{ from = 'r', text = { ja = '\\xc0\\x80', en = 'x' } }",
                      "ctx.message: text: its 'ja': not valid UTF-8 (bad sequence", TT_DOES_LINE);
    expect_does_error("ctx.message{ from = 'ghost', text = T }", "neither an actor nor a role",
                      TT_DOES_LINE);
    expect_does_error("ctx.after('5x', function() end)", "'5x' is not a duration", TT_DOES_LINE);
    expect_does_error("math.random(2, 1)", "interval is empty", TT_DOES_LINE);
    /* A probability out of [0, 1] (15 meant as 15%) or NaN is a mistake. */
    expect_does_error("ctx.chance(15)", "ctx.chance: the probability must be a number from 0 to 1, "
                      "not 15 (15% is 0.15)", TT_DOES_LINE);
    expect_does_error("ctx.chance(-0.1)", "not -0.1", TT_DOES_LINE);
    expect_does_error("ctx.chance(0/0)", "ctx.chance: the probability must be", TT_DOES_LINE);
    /* Numbers echoed as written: an integer as one (it said -5.0), NaN and
     * the infinities in words (it said -nan and inf). */
    expect_does_error("ctx.after(-5, function() end)",
                      "ctx.after delay: -5 is not a time between 0 and 3650 days", TT_DOES_LINE);
    expect_does_error("ctx.after(-2.5, function() end)", "delay: -2.5 is not a time",
                      TT_DOES_LINE);
    expect_does_error("ctx.after(0/0, function() end)",
                      "delay: NaN (not a number) is not a time", TT_DOES_LINE);
    expect_does_error("ctx.after(1/0, function() end)", "delay: infinity is not a time",
                      TT_DOES_LINE);
    expect_does_error("s.n = 0/0", "must be finite (got NaN (not a number))", TT_DOES_LINE);
    expect_does_error("s.n = -1/0", "must be finite (got minus infinity)", TT_DOES_LINE);
    expect_does_error("ctx.chance(0/0)", "from 0 to 1, not NaN (not a number) (15% is 0.15)",
                      TT_DOES_LINE);
    expect_does_error("ctx.chance(2.0)", "from 0 to 1, not 2 (15% is 0.15)", TT_DOES_LINE);
    expect_does_error("assert(ctx.chance('1') and not ctx.chance(0.0)) error('edges ok')",
                      "edges ok", TT_DOES_LINE);
    expect_does_error("local x = math.random(math.mininteger, math.maxinteger) "
                      "local f = math.random() assert(f >= 0 and f < 1) "
                      "assert(math.random(1) == 1 and ctx.random(5, 5) == 5) "
                      "assert(ctx.chance(1) and not ctx.chance(0)) "
                      "math.randomseed(42) error('random ok')", "random ok", TT_DOES_LINE);
}

static void conditions_only_read(void **state)
{
    (void)state;
    tt_script *s = load_inline(NULL, "",
        "injects = { { id = 'i', when = function(s) s.n = 1 end, text = T } },");
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    bool due;
    assert_int_equal(tt_script_inject_due(s, 0, 0, &due, &err), -1);
    assert_non_null(strstr(err.message, "cannot change state.n in injects.i.when"));
    assert_int_equal(err.line, 11);
    tt_script_free(s);
}

static void state_pairs_sorted_and_ctx_fields(void **state)
{
    (void)state;
    tt_script *s = load_inline(NULL,
        "local keys = ''\n"
        "for k, v in pairs(s) do keys = keys .. k .. ',' end\n"
        /* next walks the state in the same order (docs/scenario-api.md):
         * by itself and as the iterator of a for loop. */
        "local nk = ''\n"
        "for k in next, s do nk = nk .. k .. ',' end\n"
        "assert(nk == keys, nk)\n"
        "assert(next(s) == 'flag' and next(s, 'flag') == 'n' and next(s, 'name') == nil)\n"
        "assert(not pcall(next, s, 'nokey') and not pcall(next, 5))\n"
        "local t, u = {}, ''\n"
        "for i = 1, 50 do t['k' .. i] = i end\n"
        "for k in pairs(t) do u = u .. k .. ' ' end\n"
        "assert(u:sub(1, 10) == 'k1 k10 k11', u)\n"
        "s.name = keys .. ctx.role .. ',' .. ctx.now .. ',' .. math.random(3, 3)", NULL);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    if (tt_script_action_apply(s, 0, 90500, "r", &err) != 0)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_string_equal(state_get(s, "name")->as.s, "flag,n,name,r,90.5,3");
    tt_script_free(s);
}


/* A condition declaring fewer parameters than (s, ctx) is passed only
 * those (the rest would be dropped by the call); a vararg or wider one
 * still gets both. Each is called twice: the first call classifies the
 * function, the second takes the condition path. */
static void conditions_get_their_arguments(void **state)
{
    (void)state;
    static const char text[] =
        "local T = { ja = 't', en = 't' }\n"
        "return scenario {\n"
        "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
        "  roles = { r = { name = T } },\n"
        "  state = { n = 0 },\n"
        "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n"
        "  injects = {\n"
        "    { id = 'none', from = 'r', text = T, when = function() return true end },\n"
        "    { id = 'one', from = 'r', text = T, when = function(s) return s.n == 0 end },\n"
        "    { id = 'two', from = 'r', text = T,\n"
        "      when = function(s, ctx) return s.n == 0 and ctx.now == 60 end },\n"
        "    { id = 'vararg', from = 'r', text = T,\n"
        "      when = function(...) local s, ctx = ...\n"
        "        return select('#', ...) == 2 and s.n == 0 and ctx.now == 60 end },\n"
        "    { id = 'three', from = 'r', text = T,\n"
        "      when = function(s, ctx, x) return x == nil and ctx.now == 60 and s.n == 0 end },\n"
        "  },\n"
        "  actions = { a = { by = 'r', label = T, completes = 'o', does = function(s) end } },\n"
        "}\n";
    tt_error err;
    tt_script *s = tt_script_load_buffer("inline.lua", text, sizeof text - 1, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 5; i++) {
            bool due = false;
            if (tt_script_inject_due(s, i, 60000, &due, &err) != 0)
                fail_msg("inject %d: %s:%d: %s", i, err.file, err.line, err.message);
            assert_true(due);
        }
        tt_script_forget_conditions(s);
    }
    tt_script_free(s);
}

/* Writing the value a key already holds is no change: the conditions that
 * read it are not re-run and there is nothing to journal. The same value
 * means the same type, bit for bit: 0 into a key holding 0.0 (math.type
 * tells them apart), or -0.0, is a change. */
/* An error object that is not text, raised while the scenario file runs,
 * is placed at the line that raised it, as a string would be (it had no
 * line: 'error object is a table value'). Text keeps its own place. */
static void load_errors_of_any_kind_have_a_line(void **state)
{
    (void)state;
    static const struct { const char *text; int line; const char *msg; } cases[] = {
        { "local x = 1\nerror({})\nreturn scenario {}\n", 2, "error object is a table value" },
        { "local function f()\n  error(true)\nend\nf()\n", 2,
          "error object is a boolean value" },
        { "error(setmetatable({}, { __tostring = function() return 'x' end }))\n", 1,
          "error object is a table value" },
        { "\n\nerror('plain')\n", 3, "plain" },
        { "error(42)\n", 0, "42" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tt_error err;
        tt_script *s = tt_script_load_buffer("inline.lua", cases[i].text,
                                             strlen(cases[i].text), NULL, &err);
        assert_null(s);
        if (err.line != cases[i].line || !strstr(err.message, cases[i].msg))
            fail_msg("case %zu: got %s:%d: %s", i, err.file, err.line, err.message);
    }
}

/* A function scheduled with ctx.after that fails without a position of its
 * own (error(nil), error({}), error("x", 0)) is placed at its first line, as
 * other callbacks are; and every callback failure is a runtime failure (exit
 * 1 in run, replay and resume alike), never bad input. */
static void deferred_errors_have_a_line_and_are_runtime(void **state)
{
    (void)state;
    static const char *raises[] = { "error(nil)", "error({})", "error('x', 0)", "error(true)",
                                    "local t = nil; t.x = 1" };
    for (size_t i = 0; i < sizeof raises / sizeof raises[0]; i++) {
        char does[256];
        snprintf(does, sizeof does, "ctx.after('1m', function(s2, ctx2) %s end)", raises[i]);
        tt_script *s = load_inline(NULL, does, NULL);
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        tt_error err;
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), 0);
        tt_scheduled *sched;
        assert_int_equal(tt_script_take_scheduled(s, &sched), 1);
        assert_int_equal(tt_script_call_deferred(s, sched[0].ref, 60000, &err), -1);
        if (err.line != TT_DOES_LINE || !strstr(err.message, "(in a function scheduled with ctx.after)"))
            fail_msg("%s: got %s:%d: %s", raises[i], err.file, err.line, err.message);
        assert_int_equal(tt_error_exit(&err), 1);
        tt_script_free(s);
    }
    /* The same for the other callbacks (placed where `does` begins). */
    tt_script *s = load_inline(NULL, "error({})", NULL);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
    assert_int_equal(err.line, TT_DOES_LINE - 1);
    assert_int_equal(tt_error_exit(&err), 1);
    tt_script_free(s);
}

static void rewriting_a_value_is_no_change(void **state)
{
    (void)state;
    static const char text[] =
        "local T = { ja = 't', en = 't' } local step = 0\n"
        "return scenario {\n"
        "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
        "  roles = { r = { name = T } },\n"
        "  state = { n = 0, flag = false, name = '', ratio = 0.0 },\n"
        "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n"
        "  injects = { { id = 'i', from = 'r', text = T,\n"
        "    when = function(s) return s.n > 0 or s.flag or s.name ~= '' or s.ratio ~= 0 end } },\n"
        "  actions = { a = { by = 'r', label = T, completes = 'o', repeatable = true,\n"
        "    does = function(s, ctx) step = step + 1\n"
        "      if step == 1 then s.n = 0 s.flag = false s.name = '' s.ratio = 0.0 s.n = 0.0\n"
        "      elseif step == 2 then s.ratio = 0\n"
        "      elseif step == 3 then s.ratio = -0.0\n"
        "      end end } },\n"
        "}\n";
    tt_error err;
    tt_script *s = tt_script_load_buffer("inline.lua", text, sizeof text - 1, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    bool due = true;
    assert_int_equal(tt_script_inject_due(s, 0, 0, &due, &err), 0);
    assert_false(due);
    const tt_kv *changed;
    const uint32_t *index;
    size_t n = 9;
    for (int step = 1; step <= 3; step++) {
        assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), 0);
        uint64_t calls = tt_script_calls(s);
        assert_int_equal(tt_script_inject_due(s, 0, 0, &due, &err), 0);
        assert_false(due);
        assert_int_equal(tt_script_state_changes(s, &changed, &index, &n, &err), 0);
        if (step == 1) { /* every key rewritten as it was: nothing ran, nothing changed */
            assert_int_equal(tt_script_calls(s), calls);
            assert_int_equal(n, 0);
        } else { /* 0 after 0.0, -0.0 after 0: ratio changed, the condition ran */
            assert_int_equal(tt_script_calls(s), calls + 1);
            assert_int_equal(n, 1);
            assert_string_equal(changed[0].key, "ratio");
            assert_int_equal(changed[0].value.type, step == 2 ? TT_VAL_INT : TT_VAL_NUM);
        }
    }
    tt_script_free(s);
}

/* A write is compared with what the key holds in this exercise: each new
 * exercise (a first build, a rebuilt state, an image written back) starts
 * from the defaults, so writing the last exercise's values is a change. */
static void a_new_exercise_compares_with_the_defaults(void **state)
{
    (void)state;
    static const char text[] =
        "local T = { ja = 't', en = 't' }\n"
        "return scenario {\n"
        "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
        "  roles = { r = { name = T } },\n"
        "  state = { n = 0, flag = false, name = '', ratio = 0.0 },\n"
        "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n"
        "  actions = { a = { by = 'r', label = T, completes = 'o', repeatable = true,\n"
        "    does = function(s, ctx) s.n = 5 s.flag = true s.name = 'x' s.ratio = 2.5\n"
        "      s.n = 5 s.flag = true s.name = 'x' s.ratio = 2.5 end } },\n"
        "}\n";
    tt_error err;
    tt_script *s = tt_script_load_buffer("inline.lua", text, sizeof text - 1, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    for (int exercise = 0; exercise < 4; exercise++) {
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        for (int take = 0; take < 2; take++) {
            assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), 0);
            const tt_kv *changed;
            const uint32_t *index;
            size_t n = 9;
            assert_int_equal(tt_script_state_changes(s, &changed, &index, &n, &err), 0);
            /* The first take changes all four keys; the second writes them as they are. */
            if (n != (take == 0 ? 4u : 0u))
                fail_msg("exercise %d, take %d: %zu changes", exercise, take, n);
            if (take == 1)
                continue;
            /* The values as written, whether held by the proxy or read. */
            assert_string_equal(changed[0].key, "flag");
            assert_int_equal(changed[0].value.type, TT_VAL_BOOL);
            assert_true(changed[0].value.as.b);
            assert_string_equal(changed[1].key, "n");
            assert_int_equal(changed[1].value.type, TT_VAL_INT);
            assert_int_equal(changed[1].value.as.i, 5);
            assert_string_equal(changed[2].key, "name");
            assert_int_equal(changed[2].value.type, TT_VAL_STR);
            assert_string_equal(changed[2].value.as.s, "x");
            assert_string_equal(changed[3].key, "ratio");
            assert_int_equal(changed[3].value.type, TT_VAL_NUM);
            assert_true(changed[3].value.as.n == 2.5);
        }
    }
    tt_script_free(s);
}

/* Whatever a callback writes (integers, whole and other floats, -0.0,
 * extremes, booleans, strings; refused writes caught by pcall, a callback
 * failing half way), the changes listed after it are the keys whose value
 * differs from the state before it, each with the value the state holds,
 * bit for bit: the proxy's held copies (state.c) never go stale, in any
 * exercise of the same script. */
static bool same_value(const tt_value *a, const tt_value *b)
{
    if (a->type != b->type)
        return false;
    switch (a->type) {
    case TT_VAL_BOOL:
        return a->as.b == b->as.b;
    case TT_VAL_INT:
        return a->as.i == b->as.i;
    case TT_VAL_NUM:
        return memcmp(&a->as.n, &b->as.n, sizeof a->as.n) == 0;
    default:
        return strcmp(a->as.s, b->as.s) == 0;
    }
}

static void changes_always_match_the_state(void **state)
{
    (void)state;
    static const char text[] =
        "local T = { ja = 't', en = 't' }\n"
        "local V = { 0, 1, -1, 0.0, -0.0, 1.0, 0.5, 2^53, math.maxinteger, math.mininteger,\n"
        "  231.0, 1e308, -1e-308, 1e308 * 10, 'a', '', true, false }\n"
        "local KEYS = { 'n', 'r', 'f', 't' }\n"
        "local shadow\n"
        "local function same(a, b)\n"
        "  if type(a) ~= type(b) or math.type(a) ~= math.type(b) or a ~= b then return false end\n"
        "  if a == 0 and math.type(a) == 'float' then return 1 / a == 1 / b end\n"
        "  return true\n"
        "end\n"
        "return scenario {\n"
        "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
        "  roles = { r = { name = T } },\n"
        "  state = { n = 0, r = 0.0, f = false, t = '', bad = false },\n"
        "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h',\n"
        "    when = function(s) return s.n == 1 and s.r == 0.5 end } },\n"
        "  actions = { a = { by = 'r', label = T, repeatable = true,\n"
        "    does = function(s, ctx)\n"
        "      local function fixed()\n"
        "        s.n, s.r, s.f, s.t = 7, -0.0, true, 'a'\n"
        "        shadow.n, shadow.r, shadow.f, shadow.t = 7, -0.0, true, 'a'\n"
        "      end\n"
        "      if ctx.now == 0 then shadow = { n = 0, r = 0.0, f = false, t = '' } fixed() end\n"
        "      for _ = 1, ctx.random(1, 6) do\n"
        "        local k = KEYS[ctx.random(1, 4)]\n"
        "        local v = V[ctx.random(1, #V)]\n"
        "        if pcall(function() s[k] = v end) then\n"
        "          shadow[k] = k == 'n' and math.tointeger(v) or v\n"
        "        end\n"
        "      end\n"
        "      for _, k in ipairs(KEYS) do\n"
        "        if not same(s[k], shadow[k]) then s.bad = true end\n"
        "      end\n"
        "      if ctx.now == 299 * 60 then fixed() end\n"
        "      if ctx.random(1, 8) == 1 then s.n = 0.25 end\n"
        "    end } },\n"
        "}\n";
    tt_error err;
    tt_script *s = tt_script_load_buffer("inline.lua", text, sizeof text - 1, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    enum { KEYS = 5 }; /* bad, f, n, r, t */
    for (int exercise = 0; exercise < 3; exercise++) {
        tt_rng rng;
        tt_rng_seed(&rng, 7 + (uint64_t)exercise, 1);
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        tt_value before[KEYS];
        char before_text[KEYS][8];
        const tt_kv *kv;
        size_t n;
        assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
        assert_int_equal(n, KEYS);
        for (size_t i = 0; i < KEYS; i++) {
            before[i] = kv[i].value;
            if (kv[i].value.type == TT_VAL_STR) {
                snprintf(before_text[i], sizeof before_text[i], "%s", kv[i].value.as.s);
                before[i].as.s = before_text[i];
            }
        }
        for (int step = 0; step < 300; step++) {
            bool met = false;
            assert_int_equal(tt_script_objective_met(s, 0, (tt_ms)step * 60000, &met, &err), 0);
            (void)tt_script_action_apply(s, 0, (tt_ms)step * 60000, "r", &err); /* may fail half way */
            const tt_kv *changed;
            const uint32_t *index;
            size_t n_changed = 0;
            assert_int_equal(tt_script_state_changes(s, &changed, &index, &n_changed, &err), 0);
            bool listed[KEYS] = { false };
            tt_value listed_value[KEYS];
            char listed_text[KEYS][8];
            for (size_t i = 0; i < n_changed; i++) {
                assert_true(index[i] < KEYS);
                listed[index[i]] = true;
                listed_value[index[i]] = changed[i].value;
                if (changed[i].value.type == TT_VAL_STR) {
                    snprintf(listed_text[index[i]], sizeof listed_text[0], "%s",
                             changed[i].value.as.s);
                    listed_value[index[i]].as.s = listed_text[index[i]];
                }
            }
            assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
            for (size_t i = 0; i < KEYS; i++) {
                if (listed[i] && !same_value(&listed_value[i], &kv[i].value))
                    fail_msg("exercise %d step %d: %s listed unlike the state", exercise, step,
                             kv[i].key);
                if (!listed[i] && !same_value(&before[i], &kv[i].value))
                    fail_msg("exercise %d step %d: %s changed unlisted", exercise, step,
                             kv[i].key);
                before[i] = kv[i].value;
                if (kv[i].value.type == TT_VAL_STR) {
                    snprintf(before_text[i], sizeof before_text[i], "%s", kv[i].value.as.s);
                    before[i].as.s = before_text[i];
                }
            }
            /* Every write the callback made is in the state (bad: one was lost). */
            assert_string_equal(kv[0].key, "bad");
            if (kv[0].value.as.b)
                fail_msg("exercise %d step %d: a write was lost", exercise, step);
        }
    }
    tt_script_free(s);
}

/* A condition reaching the main state proxy through an upvalue has its
 * reads there recorded too (conditions re-run when a key they read is
 * written), while one whose upvalues hold only numbers, strings and
 * booleans runs without switching the main proxy to recording. The
 * inject's upvalue `saved` is nil (checked: no object) until an action
 * stores the proxy in it: the check must be made again after any other
 * Lua has run. */
static void a_condition_reaching_the_proxy_through_an_upvalue_records(void **state)
{
    (void)state;
    static const char text[] =
        "local T = { ja = 't', en = 't' } local saved local LIMIT = 0\n"
        "return scenario {\n"
        "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
        "  roles = { r = { name = T } },\n"
        "  state = { n = 0, m = 0, k = 0 },\n"
        "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h',\n"
        "    when = function(s) return s.k > LIMIT end } },\n"
        "  injects = { { id = 'i', from = 'r', text = T,\n"
        "    when = function(s) return s.m >= 0 and saved ~= nil and saved.n > 0 end } },\n"
        "  actions = {\n"
        "    keep = { by = 'r', label = T, repeatable = true, does = function(s) saved = s s.m = 1 end },\n"
        "    bump = { by = 'r', label = T, repeatable = true, does = function(s) s.n = 1 end },\n"
        "    kick = { by = 'r', label = T, repeatable = true, does = function(s) s.k = 1 end } },\n"
        "}\n";
    tt_error err;
    tt_script *s = tt_script_load_buffer("inline.lua", text, sizeof text - 1, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    const tt_scenario *sc = tt_script_scenario(s);
    int keep = idx(tt_scenario_action(sc, "keep")), bump = idx(tt_scenario_action(sc, "bump")),
        kick = idx(tt_scenario_action(sc, "kick"));
    for (int exercise = 0; exercise < 2; exercise++) {
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        bool due = true, met = true;
        /* Twice each: the first call classifies the function, the second
         * takes the common path. */
        for (int i = 0; i < 2; i++) {
            assert_int_equal(tt_script_inject_due(s, 0, 0, &due, &err), 0);
            assert_false(due);
            assert_int_equal(tt_script_objective_met(s, 0, 0, &met, &err), 0);
            assert_false(met);
        }
        assert_int_equal(tt_script_action_apply(s, keep, 0, "r", &err), 0);
        assert_int_equal(tt_script_inject_due(s, 0, 0, &due, &err), 0);
        assert_false(due); /* read saved.n = 0 through the main proxy */
        assert_int_equal(tt_script_action_apply(s, bump, 0, "r", &err), 0);
        assert_int_equal(tt_script_inject_due(s, 0, 0, &due, &err), 0);
        assert_true(due); /* n was written: the condition ran again */
        assert_int_equal(tt_script_action_apply(s, kick, 0, "r", &err), 0);
        assert_int_equal(tt_script_objective_met(s, 0, 0, &met, &err), 0);
        assert_true(met);
    }
    tt_script_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(state_snapshot_is_sorted_with_settings),
        cmocka_unit_test(overrides_apply_and_are_checked),
        cmocka_unit_test(actions_requires_and_does),
        cmocka_unit_test(dynamics_injects_objectives),
        cmocka_unit_test(same_seed_same_run_and_begin_starts_over),
        cmocka_unit_test(runtime_errors_are_located),
        cmocka_unit_test(conditions_only_read),
        cmocka_unit_test(state_pairs_sorted_and_ctx_fields),
        cmocka_unit_test(rewriting_a_value_is_no_change),
        cmocka_unit_test(a_new_exercise_compares_with_the_defaults),
        cmocka_unit_test(changes_always_match_the_state),
        cmocka_unit_test(a_condition_reaching_the_proxy_through_an_upvalue_records),
        cmocka_unit_test(conditions_get_their_arguments),
        cmocka_unit_test(load_errors_of_any_kind_have_a_line),
        cmocka_unit_test(deferred_errors_have_a_line_and_are_runtime),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
