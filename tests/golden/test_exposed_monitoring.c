/* Golden runs of scenarios/exposed-monitoring.lua (case 2): the scripted
 * answers, and properties over many seeds (disconnecting earlier never costs
 * more service, an early voluntary report spares other operators, doing
 * nothing never beats the model). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "golden.h"

#define ID "exposed-monitoring"
#define MIN(m) ((tt_ms)(m) * 60 * 1000)
#define SEEDS 20

static void model_reaches_every_objective_in_time(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    golden_assert_lessons_covered(&r);
    golden_assert_all_within_target(&r, 0);
    assert_int_equal(golden_reached(&r, "isolate_monitor"), MIN(100));
    /* the main equipment ran throughout and the service never suffered */
    assert_true(golden_final(&r, "main_running") == 1);
    assert_true(golden_final(&r, "service_down_minutes") == 0);
    assert_int_equal(golden_inject_time(&r, "main_stopped"), TT_MS_NEVER);
    /* unwatched only until the local contractor arrived (at most 5 + 10 + 60 min) */
    assert_true(golden_final(&r, "unwatched_minutes") <= 75);
    /* the ministry's warning went out to operators with the same model */
    assert_true(golden_final(&r, "alert_shared") == 1);
    assert_int_equal(golden_count(&r, TT_REC_MESSAGE, "ministry"), 1);
    golden_free(&r);
}

static void history_isolates_late_and_leaves_ports_open(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "history", 0, &r);
    golden_assert_history_replayed(&r);
    const tt_scenario *sc = golden_scenario(&r);
    int isolate = tt_scenario_objective(sc, "isolate_monitor");
    assert_true(isolate >= 0);
    tt_ms t = golden_reached(&r, "isolate_monitor");
    assert_true(t > sc->objectives[isolate].target);
    assert_true(t <= sc->objectives[isolate].limit);
    /* the router was restricted, the device's unneeded ports never closed */
    assert_true(golden_final(&r, "router_restricted") == 1);
    assert_int_equal(golden_reached(&r, "ports_restricted"), TT_MS_NEVER);
    assert_int_equal(golden_reached(&r, "monitoring_back"), TT_MS_NEVER);
    assert_true(golden_reached(&r, "report_ministry") != TT_MS_NEVER);
    assert_true(golden_final(&r, "main_running") == 1);
    golden_free(&r);
}

static void nothing_leaves_the_facility_unwatched(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "nothing", 0, &r);
    assert_int_equal(golden_count_reached(&r, NULL), 0);
    assert_true(golden_inject_time(&r, "vendor_call") == MIN(120));
    assert_true(golden_final(&r, "unwatched_minutes") >= 12 * 60 - 1);
    assert_true(golden_final(&r, "attacker_commands") > 0);
    assert_true(golden_final(&r, "alert_shared") == 0);
    golden_free(&r);
}

static void red_herring_stops_the_service(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "red-herring", 0, &r);
    size_t within = 0;
    golden_count_reached(&r, &within);
    assert_int_equal(within, 0);
    /* stopping the main equipment stopped the service itself */
    assert_true(golden_inject_time(&r, "main_stopped") != TT_MS_NEVER);
    assert_true(golden_final(&r, "service_down_minutes") >= 3 * 60);
    /* the remote reboot is undone by the next commands from outside */
    assert_true(golden_inject_time(&r, "stopped_again") != TT_MS_NEVER);
    assert_true(golden_final(&r, "remote_reboots") == 2);
    golden_free(&r);
}

/* Only the disconnection time differs: the same seed sees the same attacker. */
static void disconnect_run(uint64_t seed, const char *at, double *down, double *commands,
                           bool *control_hit)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml,
             "scenario: exposed-monitoring\nactions:\n"
             "  - { at: 5m, by: sysadmin, do: ask_local_contractor }\n"
             "%s%s%s",
             at ? "  - { at: " : "", at ? at : "", at ? ", by: sysadmin, do: disconnect_monitor }\n" : "");
    golden_run r;
    golden_run_yaml(ID, yaml, seed, &r);
    *down = golden_final(&r, "service_down_minutes");
    *commands = golden_final(&r, "attacker_commands");
    *control_hit = golden_inject_time(&r, "control_hit") != TT_MS_NEVER;
    golden_free(&r);
}

static void disconnecting_earlier_never_costs_more(void **state)
{
    (void)state;
    double total_early = 0, total_never = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double d_early, c_early, d_late, c_late, d_never, c_never;
        bool hit_early, hit_late, hit_never;
        disconnect_run(seed, "1h20m", &d_early, &c_early, &hit_early);
        disconnect_run(seed, "5h", &d_late, &c_late, &hit_late);
        disconnect_run(seed, NULL, &d_never, &c_never, &hit_never);
        /* cut off before the attacker can reach the control server (3 h) */
        assert_false(hit_early);
        assert_true(!hit_late || hit_never);
        assert_true(d_early <= d_late);
        assert_true(d_late <= d_never);
        assert_true(c_early < c_late);
        assert_true(c_late < c_never);
        total_early += d_early;
        total_never += d_never;
    }
    assert_true(total_early < total_never);
}

static double others_hit(uint64_t seed, const char *report_at)
{
    char yaml[256];
    if (report_at)
        snprintf(yaml, sizeof yaml,
                 "scenario: exposed-monitoring\nactions:\n"
                 "  - { at: %s, by: manager, do: report_ministry }\n", report_at);
    else
        snprintf(yaml, sizeof yaml, "scenario: exposed-monitoring\nactions: []\n");
    golden_run r;
    golden_run_yaml(ID, yaml, seed, &r);
    double v = golden_final(&r, "other_sites_hit");
    golden_free(&r);
    return v;
}

/* The source's lesson: the voluntary report protects operators with the
 * same model. Summed over seeds, the earlier the fewer are hit. */
static void early_report_spares_other_operators(void **state)
{
    (void)state;
    double early = 0, late = 0, never = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        early += others_hit(seed, "30m");
        late += others_hit(seed, "6h");
        never += others_hit(seed, NULL);
    }
    assert_true(early < late);
    assert_true(late < never);
}

static void nothing_never_beats_the_model(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run model, nothing;
        golden_run_answer(ID, "model", seed, &model);
        golden_run_answer(ID, "nothing", seed, &nothing);
        size_t within = 0;
        size_t reached = golden_count_reached(&model, &within);
        assert_int_equal(reached, golden_scenario(&model)->n_objectives);
        assert_int_equal(within, reached);
        assert_int_equal(golden_count_reached(&nothing, NULL), 0);
        /* at most a fault at the first hour, seen when the contractor arrives */
        assert_true(golden_final(&model, "service_down_minutes") <= 15);
        assert_int_equal(golden_inject_time(&model, "control_hit"), TT_MS_NEVER);
        assert_true(golden_final(&nothing, "unwatched_minutes") >
                    golden_final(&model, "unwatched_minutes"));
        golden_free(&model);
        golden_free(&nothing);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_every_objective_in_time),
        cmocka_unit_test(history_isolates_late_and_leaves_ports_open),
        cmocka_unit_test(nothing_leaves_the_facility_unwatched),
        cmocka_unit_test(red_herring_stops_the_service),
        cmocka_unit_test(disconnecting_earlier_never_costs_more),
        cmocka_unit_test(early_report_spares_other_operators),
        cmocka_unit_test(nothing_never_beats_the_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
