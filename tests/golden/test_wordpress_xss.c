/* Golden runs of scenarios/wordpress-xss.lua (case 5): the scripted answers'
 * outcomes, and properties of the dynamics over many seeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>

#include "golden.h"

#define ID "wordpress-xss"
#define HOUR ((tt_ms)3600000)
#define DAY (24 * HOUR)
#define SEEDS 20

static void model_reaches_everything_within_target(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    golden_assert_lessons_covered(&r);
    golden_assert_all_within_target(&r, 0);
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
    /* The unused file is gone the same morning: nobody is hit, as in the source. */
    assert_true(golden_reached(&r, "remove_file") == 3 * HOUR + 45 * 60000);
    assert_true(golden_final(&r, "visitors_lured") == 0);
    /* the other sites were updated within days: 3 sites x at most 5 days */
    assert_true(golden_final(&r, "other_exposed_days") <= 15);
    assert_true(golden_final(&r, "other_unpatched") == 0);
    assert_true(golden_inject_time(&r, "exploited") == TT_MS_NEVER);
    /* The department learns the CMS is its job. */
    assert_true(golden_inject_time(&r, "dept_surprised") != TT_MS_NEVER);
    golden_free(&r);
}

static void nothing_is_exploited(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "nothing", 0, &r);
    assert_int_equal(golden_count_reached(&r, NULL), 0);
    assert_true(golden_final(&r, "visitors_lured") > 0);
    assert_true(golden_final(&r, "other_exposed_days") > 0);
    /* Exploitation starts 3-8 days after the notice (invented). */
    tt_ms hit = golden_inject_time(&r, "exploited");
    assert_true(hit >= 3 * DAY && hit <= 8 * DAY + HOUR);
    assert_true(golden_inject_time(&r, "org_follow_up") == 7 * DAY);
    golden_free(&r);
}

static void history_deletes_in_time_but_upgrades_late(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "history", 0, &r);
    golden_assert_history_replayed(&r);
    /* First response on day 2: before exploitation, so no trace (the source). */
    assert_true(golden_reached(&r, "remove_file") == 2 * DAY + 6 * HOUR + 30 * 60000);
    assert_true(golden_final(&r, "visitors_lured") == 0);
    assert_true(golden_reached(&r, "check_exploitation") != TT_MS_NEVER);
    /* The upgrade with the server migration comes after its target. */
    tt_ms up = golden_reached(&r, "upgrade_cms");
    assert_true(up != TT_MS_NEVER && up > 21 * DAY);
    /* The other sites were left open to attack for days. */
    assert_true(golden_final(&r, "other_exposed_days") > 0);
    golden_free(&r);
}

static void red_herring_stops_everyone_and_leaves_the_hole(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "red-herring", 0, &r);
    /* Stopping the shared server takes every department's site offline. */
    assert_true(golden_final(&r, "offline_site_hours") > 0);
    assert_true(golden_inject_time(&r, "server_down_calls") != TT_MS_NEVER);
    /* The file stays online until the upgrade: visitors are hit. */
    assert_true(golden_reached(&r, "remove_file") == TT_MS_NEVER);
    assert_true(golden_final(&r, "visitors_lured") > 0);
    /* Nothing fixed, yet an interim answer to the organisation is accepted. */
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
    assert_true(golden_reached(&r, "reply_sec_org") != TT_MS_NEVER);
    golden_free(&r);
}

static void earlier_deletion_never_exposes_more(void **state)
{
    (void)state;
    static const char *const times[] = { "3h", "3d", "5d", "8d" };
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double prev = -1;
        for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
            char yaml[512];
            snprintf(yaml, sizeof yaml,
                     "actions:\n"
                     "  - { at: 10m, by: sysadmin, do: tell_owning_dept }\n"
                     "  - { at: 45m, by: sysadmin, do: check_file_usage }\n"
                     "  - { at: %s, by: sysadmin, do: delete_vulnerable_file }\n",
                     times[i]);
            golden_run r;
            golden_run_yaml(ID, yaml, seed, &r);
            assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
            double lured = golden_final(&r, "visitors_lured");
            if (lured < prev)
                fail_msg("seed %llu: deleting at %s lured fewer than earlier",
                         (unsigned long long)seed, times[i]);
            prev = lured;
            golden_free(&r);
        }
        /* By day 8 exploitation has always begun. */
        assert_true(prev > 0);
    }
}

static void deletion_needs_the_department_and_a_check(void **state)
{
    (void)state;
    static const char hasty[] =
        "actions:\n"
        "  - { at: 10m, by: sysadmin, do: delete_vulnerable_file }\n"
        "  - { at: 20m, by: sysadmin, do: tell_owning_dept }\n"
        "  - { at: 1h, by: sysadmin, do: delete_vulnerable_file }\n";
    golden_run r;
    golden_run_yaml(ID, hasty, 0, &r);
    /* Refused twice: without the department, then without the usage check. */
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 2);
    assert_true(golden_reached(&r, "remove_file") == TT_MS_NEVER);
    golden_free(&r);
}

/* The source found no trace of an attack: the real operator's run shows no
 * compromised site of another department, on any seed. */
static void history_has_no_invented_compromise(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_answer(ID, "history", seed, &r);
        assert_int_equal(golden_inject_time(&r, "other_sites_hit"), TT_MS_NEVER);
        assert_int_equal(golden_inject_time(&r, "exploited"), TT_MS_NEVER);
        assert_true(golden_final(&r, "visitors_lured") == 0);
        golden_free(&r);
    }
}

/* "Other sites updated" is reached when they are updated, not when asked;
 * an interim answer to the organisation is accepted before any fix. */
static void objectives_follow_what_happened(void **state)
{
    (void)state;
    static const char yaml[] =
        "actions:\n"
        "  - { at: 1h, by: sysadmin, do: reply_to_sec_org }\n"
        "  - { at: 1h, by: sysadmin, do: survey_shared_server }\n"
        "  - { at: 1d2h, by: sysadmin, do: ask_departments_to_update }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_yaml(ID, yaml, seed, &r);
        assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
        assert_int_equal(golden_reached(&r, "reply_sec_org"), 2 * HOUR);
        tt_ms other = golden_reached(&r, "other_sites");
        assert_true(other != TT_MS_NEVER);
        assert_true(other >= DAY + 3 * HOUR + DAY);  /* asked by 1d3h, answered a day later at the soonest */
        assert_true(golden_value_at(&r, "other_unpatched", other) == 0);
        golden_free(&r);
    }
}

/* [5]: checking the running maintenance contracts and drafting standard
 * clauses are actions; the maintenance-contract lesson is theirs, not the
 * one-off paid order's. */
static void maintenance_contract_measures_are_actions(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    const tt_scenario *sc = golden_scenario(&r);
    int found = 0;
    for (size_t i = 0; i < sc->n_actions; i++) {
        const tt_action *a = &sc->actions[i];
        if (strcmp(a->id, "issue_purchase_order") == 0)
            assert_null(a->lesson);
        if (strcmp(a->id, "check_maintenance_contracts") == 0 ||
            strcmp(a->id, "draft_standard_clauses") == 0) {
            assert_non_null(a->lesson);
            assert_string_equal(a->lesson, "maintenance_contract");
            found++;
        }
    }
    assert_int_equal(found, 2);
    assert_true(golden_final(&r, "contracts_checked") == 1);
    assert_true(golden_final(&r, "clauses_drafted") == 1);
    golden_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_everything_within_target),
        cmocka_unit_test(nothing_is_exploited),
        cmocka_unit_test(history_deletes_in_time_but_upgrades_late),
        cmocka_unit_test(red_herring_stops_everyone_and_leaves_the_hole),
        cmocka_unit_test(earlier_deletion_never_exposes_more),
        cmocka_unit_test(deletion_needs_the_department_and_a_check),
        cmocka_unit_test(history_has_no_invented_compromise),
        cmocka_unit_test(objectives_follow_what_happened),
        cmocka_unit_test(maintenance_contract_measures_are_actions),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
