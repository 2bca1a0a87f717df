/* Conditions are re-run only when something they read changed: a state key
 * they read was written, or time moved and they read ctx.now; one drawing
 * random numbers runs after every event. Each still fires at the first
 * instant it holds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/exercise.h"

static const char SCENARIO[] =
    "local function t(x) return { ja = x, en = x } end\n"
    "return scenario {\n"
    "  id = \"conditions\", source = \"test\", length = \"20m\",\n"
    "  title = t(\"c\"), summary = t(\"c\"), invented = t(\"all\"),\n"
    "  roles = { staff = { name = t(\"Staff\") } },\n"
    "  state = { level = 0, noise = 0 },\n"
    "  every = { { id = \"noise\", period = \"1m\", run = function(s) s.noise = s.noise + 1 end } },\n"
    "  injects = {\n"
    "    { id = \"tick\", at = \"10m\", text = t(\"tick\") },\n"
    "    { id = \"by_time\", when = function(s, ctx) return ctx.now >= 420 end, text = t(\"time\") },\n"
    "    { id = \"by_level\", when = function(s) return s.level >= 2 end, text = t(\"level\") },\n"
    "    { id = \"lucky\", when = function(s, ctx) return ctx.random(1, 4) == 5 end,\n"
    "      text = t(\"never\") },\n"
    "  },\n"
    "  actions = { raise = { by = \"staff\", label = t(\"raise\"), takes = \"1m\", repeatable = true,\n"
    "                        does = function(s) s.level = s.level + 1 end } },\n"
    "  objectives = { done = { phase = \"isolate\", title = t(\"done\"), target = \"10m\",\n"
    "                          limit = \"20m\", when = function(s) return s.level >= 9 end } },\n"
    "}\n";

typedef struct seen {
    tt_ms fired[8];
    const char *ids[8];
    size_t n;
    size_t calls_by_level, calls_lucky, calls_by_time, settles;
} seen;

static void sink(void *user, const tt_record *r)
{
    seen *s = user;
    if (r->type == TT_REC_INJECT && s->n < 8) {
        s->ids[s->n] = strcmp(r->id, "tick") == 0       ? "tick"
                     : strcmp(r->id, "by_time") == 0    ? "by_time"
                     : strcmp(r->id, "by_level") == 0   ? "by_level"
                                                        : "other";
        s->fired[s->n++] = r->t;
    }
}

static void trace(void *user, tt_callback kind, int index, tt_ms now, const char *role,
                  bool result)
{
    (void)now;
    (void)role;
    (void)result;
    seen *s = user;
    if (kind != TT_CB_INJECT_WHEN)
        return;
    if (index == 1)
        s->calls_by_time++;
    else if (index == 2)
        s->calls_by_level++;
    else if (index == 3)
        s->calls_lucky++;
}

static tt_ms fired_at(const seen *s, const char *id)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->ids[i], id) == 0)
            return s->fired[i];
    return -1;
}

static void conditions_rerun_only_when_what_they_read_changes(void **state)
{
    (void)state;
    tt_error err;
    tt_script *script = tt_script_load_buffer("conditions.lua", SCENARIO, sizeof SCENARIO - 1,
                                              NULL, &err);
    if (!script)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    seen s = { 0 };
    tt_script_set_tracer(script, trace, &s);
    tt_exercise_config cfg = { .seed = 3, .sink = sink, .sink_user = &s };
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    /* raise at 1m and 3m: level 1 at 2m, level 2 at 4m */
    assert_int_equal(tt_exercise_advance(ex, 60000, &err), 0);
    assert_int_equal(tt_exercise_act(ex, "staff", "raise", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, 180000, &err), 0);
    assert_int_equal(tt_exercise_act(ex, "staff", "raise", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, TT_MS_NEVER, &err), 0);

    /* Each fires at the first event at which it holds. */
    assert_int_equal(fired_at(&s, "by_level"), 4 * 60000);
    assert_int_equal(fired_at(&s, "by_time"), 7 * 60000); /* the dynamic runs at 7m */
    assert_int_equal(fired_at(&s, "tick"), 10 * 60000);

    /* by_level reads only `level`: run at the first event (1m), then after
     * each of its two writes (2m, 4m); the dynamic writing `noise` every
     * minute does not wake it (3m). */
    assert_int_equal(s.calls_by_level, 3);
    /* lucky draws random numbers: run at every settle (more than by_level),
     * and by_time reads the time: run whenever time moved. */
    assert_true(s.calls_lucky > s.calls_by_level);
    assert_true(s.calls_by_time > s.calls_by_level);
    tt_exercise_free(ex);

    /* The same script again (a fresh state): memos start over, same outcome. */
    seen again = { 0 };
    tt_script_set_tracer(script, trace, &again);
    cfg.sink_user = &again;
    ex = tt_exercise_new(script, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    assert_int_equal(tt_exercise_advance(ex, TT_MS_NEVER, &err), 0);
    assert_int_equal(fired_at(&again, "by_level"), -1); /* no raise this time */
    assert_int_equal(again.calls_by_level, 1);
    tt_exercise_free(ex);
    tt_script_free(script);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conditions_rerun_only_when_what_they_read_changes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
