/* Loading scenarios into the model: every field of the API lands where
 * scenario.h says, maps are sorted by id, lists keep their order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "tabletop/script.h"

static void minimal_scenario_loads(void **state)
{
    (void)state;
    tt_error err;
    tt_script *s = tt_script_load(fixture("minimal.lua"), NULL, &err);
    if (!s)
        tt_error_print(&err, "load");
    assert_non_null(s);
    const tt_scenario *m = tt_script_scenario(s);
    assert_string_equal(m->id, "minimal");
    assert_string_equal(m->source, "test");
    assert_string_equal(m->title.en, "Minimal");
    assert_string_equal(m->title.ja, "最小");
    assert_int_equal(m->length, 3600000);
    assert_true(m->speed == 0); /* not given */
    assert_int_equal(m->n_roles, 1);
    assert_string_equal(m->roles[0].id, "sysadmin");
    assert_null(m->roles[0].description.en);
    assert_int_equal(m->n_actions, 1);
    const tt_action *a = &m->actions[0];
    assert_string_equal(a->id, "pull_cable");
    assert_int_equal(a->n_roles, 1);
    assert_true(tt_action_allows_role(a, "sysadmin"));
    assert_false(tt_action_allows_role(a, "supervisor"));
    assert_int_equal(a->takes, 300000);
    assert_string_equal(a->completes, "isolate_pc");
    assert_false(a->has_requires);
    assert_false(a->repeatable);
    assert_int_equal(m->n_objectives, 1);
    assert_int_equal(m->objectives[0].phase, TT_OBJ_ISOLATE);
    assert_int_equal(m->objectives[0].target, 900000);
    assert_false(m->objectives[0].has_when);
    assert_null(m->objectives[0].notice);
    assert_int_equal(m->n_injects, 0);
    assert_int_equal(m->n_actors, 0);
    assert_true(strstr(m->path, "minimal.lua") != NULL);
    assert_int_equal(strlen(m->hash), 64);
    tt_script_free(s);
}

static void full_scenario_model(void **state)
{
    (void)state;
    tt_error err;
    tt_script *s = tt_script_load(fixture("full.lua"), NULL, &err);
    if (!s)
        tt_error_print(&err, "load");
    assert_non_null(s);
    const tt_scenario *m = tt_script_scenario(s);
    assert_true(m->speed == 20);
    /* Maps sorted by id. */
    assert_int_equal(m->n_roles, 2);
    assert_string_equal(m->roles[0].id, "supervisor");
    assert_string_equal(m->roles[1].id, "sysadmin");
    assert_string_equal(m->roles[1].description.ja, "説明");
    assert_int_equal(m->n_actors, 2);
    assert_string_equal(m->actors[0].id, "ministry");
    assert_int_equal(m->actors[0].delay_min, 20 * 60000);
    assert_int_equal(m->actors[0].delay_max, 40 * 60000);
    assert_string_equal(m->actors[1].kind, "vendor");
    assert_int_equal(m->actors[1].delay_min, m->actors[1].delay_max);
    assert_int_equal(m->n_actions, 4);
    assert_string_equal(m->actions[0].id, "count_steps");
    assert_string_equal(m->actions[1].id, "pull_cable");
    assert_string_equal(m->actions[2].id, "reboot");
    assert_string_equal(m->actions[3].id, "report_up");
    assert_true(m->actions[0].wasted);
    assert_string_equal(m->actions[0].why_bad.en, "Wasted");
    assert_true(m->actions[2].harmful);
    assert_string_equal(m->actions[2].why_bad.en, "Destroys evidence");
    assert_true(m->actions[1].has_requires);
    assert_string_equal(m->actions[1].lesson, "contact_route");
    assert_int_equal(m->actions[3].n_roles, 2);
    assert_true(m->actions[3].repeatable);
    /* Lists keep their order. */
    assert_int_equal(m->n_injects, 2);
    assert_string_equal(m->injects[0].id, "av_alert");
    assert_int_equal(m->injects[0].at, 0);
    assert_false(m->injects[0].conditional);
    assert_string_equal(m->injects[0].from, "vendor");
    assert_string_equal(m->injects[0].to, "sysadmin");
    assert_int_equal(m->injects[0].n_questions, 1);
    assert_string_equal(m->injects[0].questions[0].en, "Question?");
    assert_true(m->injects[1].conditional);
    assert_int_equal(m->injects[1].at, TT_MS_NEVER);
    assert_null(m->injects[1].to);
    assert_int_equal(m->n_dynamics, 2);
    assert_string_equal(m->dynamics[0].id, "encrypt");
    assert_int_equal(m->dynamics[0].period, 60000);
    assert_string_equal(m->dynamics[1].id, "every[2]");
    assert_int_equal(m->dynamics[1].start, 0);
    assert_int_equal(m->n_objectives, 3);
    assert_string_equal(m->objectives[0].id, "isolate_pc");
    assert_string_equal(m->objectives[0].notice, "av_alert");
    assert_string_equal(m->objectives[0].rationale.en, "Why");
    assert_string_equal(m->objectives[1].id, "report_boss");
    assert_int_equal(m->objectives[1].phase, TT_OBJ_REPORT);
    assert_string_equal(m->objectives[1].party, "supervisor");
    assert_int_equal(m->objectives[1].target, 900000);
    assert_int_equal(m->objectives[2].phase, TT_OBJ_RECOVER);
    assert_true(m->objectives[2].has_when);
    /* lesson.actions is derived from action.lesson, in action order. */
    assert_int_equal(m->n_lessons, 2);
    assert_string_equal(m->lessons[0].id, "backups");
    assert_int_equal(m->lessons[0].n_actions, 0);
    assert_string_equal(m->lessons[1].id, "contact_route");
    assert_int_equal(m->lessons[1].n_actions, 2);
    assert_string_equal(m->lessons[1].actions[0], "pull_cable");
    assert_string_equal(m->lessons[1].actions[1], "report_up");
    assert_int_equal(m->n_history, 2);
    assert_true(m->history[0].at_invented);
    assert_string_equal(m->history[0].action, "pull_cable");
    assert_int_equal(m->history[1].at, TT_MS_NEVER);
    assert_int_equal(m->n_metrics, 1);
    assert_string_equal(m->metrics[0].key, "encrypted");
    assert_true(m->metrics[0].damage);
    assert_true(m->metrics[0].max == 20000.0);
    assert_int_equal(m->n_settings, 1);
    assert_string_equal(m->settings[0].key, "offline_backup");
    assert_int_equal(m->settings[0].value.type, TT_VAL_BOOL);
    assert_false(m->settings[0].value.as.b);
    /* Lookups. */
    assert_int_equal(tt_scenario_role(m, "sysadmin"), 1);
    assert_int_equal(tt_scenario_actor(m, "vendor"), 1);
    assert_int_equal(tt_scenario_action(m, "reboot"), 2);
    assert_int_equal(tt_scenario_objective(m, "restore"), 2);
    assert_int_equal(tt_scenario_inject(m, "share_hit"), 1);
    assert_int_equal(tt_scenario_lesson(m, "backups"), 0);
    assert_int_equal(tt_scenario_role(m, "nobody"), -1);
    assert_int_equal(tt_scenario_action(m, NULL), -1);
    assert_string_equal(tt_objective_phase_name(TT_OBJ_REPORT), "report");
    tt_script_free(s);
}

static void hash_is_sha256_of_the_bytes(void **state)
{
    (void)state;
    char hex[65];
    tt_sha256_hex("abc", 3, hex);
    assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const char *text = "return scenario { }";
    tt_error err;
    tt_script *s = tt_script_load_buffer("x", text, strlen(text), NULL, &err);
    assert_null(s); /* invalid, but the hash helper is what we test */
    tt_sha256_hex("", 0, hex);
    assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

static void limits_default(void **state)
{
    (void)state;
    tt_sandbox_limits l;
    tt_sandbox_limits_default(&l);
    assert_int_equal(l.memory_bytes, TT_SANDBOX_DEFAULT_MEMORY);
    assert_int_equal(l.load_instructions, TT_SANDBOX_DEFAULT_LOAD_BUDGET);
    assert_int_equal(l.call_instructions, TT_SANDBOX_DEFAULT_CALL_BUDGET);
    assert_int_equal(l.wall_ms, TT_SANDBOX_DEFAULT_WALL_MS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(minimal_scenario_loads),
        cmocka_unit_test(full_scenario_model),
        cmocka_unit_test(hash_is_sha256_of_the_bytes),
        cmocka_unit_test(limits_default),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
