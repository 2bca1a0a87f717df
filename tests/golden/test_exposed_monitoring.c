/* Golden runs of scenarios/exposed-monitoring.lua (case 2): the scripted
 * answers, and properties over many seeds (disconnecting earlier never costs
 * more service, an early voluntary report spares other operators). */
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
static void disconnect_run(uint64_t seed, const char *at, bool what_if, double *down,
                           double *commands, double *exposed, bool *control_hit)
{
    char yaml[512];
    snprintf(yaml, sizeof yaml,
             "scenario: exposed-monitoring\n%sactions:\n"
             "  - { at: 5m, by: sysadmin, do: ask_local_contractor }\n"
             "%s%s%s",
             what_if ? "settings: { control_server_reachable: true }\n" : "",
             at ? "  - { at: " : "", at ? at : "", at ? ", by: sysadmin, do: disconnect_monitor }\n" : "");
    golden_run r;
    golden_run_yaml(ID, yaml, seed, &r);
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
    *down = golden_final(&r, "service_down_minutes");
    *commands = golden_final(&r, "attacker_commands");
    *exposed = golden_final(&r, "exposed_minutes");
    *control_hit = golden_inject_time(&r, "control_hit") != TT_MS_NEVER;
    golden_free(&r);
}

/* The source: 主要装置の基本的な動作には影響はなく. With default settings
 * the service never goes down on any seed, whatever the team does short of
 * stopping the main equipment itself; what grows is the exposure. */
static void default_settings_never_stop_the_service(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double d_early, c_early, e_early, d_late, c_late, e_late, d_never, c_never, e_never;
        bool hit_early, hit_late, hit_never;
        disconnect_run(seed, "1h20m", false, &d_early, &c_early, &e_early, &hit_early);
        disconnect_run(seed, "5h", false, &d_late, &c_late, &e_late, &hit_late);
        disconnect_run(seed, NULL, false, &d_never, &c_never, &e_never, &hit_never);
        assert_true(d_early == 0 && d_late == 0 && d_never == 0);
        assert_false(hit_early || hit_late || hit_never);
        assert_true(c_early < c_late && c_late < c_never);
        assert_true(e_early < e_late && e_late < e_never);
        golden_run nothing, history;
        golden_run_answer(ID, "nothing", seed, &nothing);
        golden_run_answer(ID, "history", seed, &history);
        assert_true(golden_final(&nothing, "service_down_minutes") == 0);
        assert_true(golden_final(&history, "service_down_minutes") == 0);
        assert_int_equal(golden_inject_time(&nothing, "service_impact"), TT_MS_NEVER);
        golden_free(&nothing);
        golden_free(&history);
    }
}

/* The what-if setting (off by default): the attack may reach the control
 * server, and disconnecting earlier never costs more. */
static void what_if_control_server_disconnecting_earlier_never_costs_more(void **state)
{
    (void)state;
    double total_early = 0, total_never = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double d_early, c_early, e_early, d_late, c_late, e_late, d_never, c_never, e_never;
        bool hit_early, hit_late, hit_never;
        disconnect_run(seed, "1h20m", true, &d_early, &c_early, &e_early, &hit_early);
        disconnect_run(seed, "5h", true, &d_late, &c_late, &e_late, &hit_late);
        disconnect_run(seed, NULL, true, &d_never, &c_never, &e_never, &hit_never);
        /* cut off before the attacker can reach the control server (3 h) */
        assert_false(hit_early);
        assert_true(!hit_late || hit_never);
        assert_true(d_early <= d_late);
        assert_true(d_late <= d_never);
        total_early += d_early;
        total_never += d_never;
    }
    assert_true(total_early < total_never);
}

/* Prevention [5]: the fixed program makes the device ignore the commands,
 * so a reboot holds even while the ports are still open. */
static void program_fix_has_an_effect(void **state)
{
    (void)state;
    static const char yaml[] =
        "actions:\n"
        "  - { at: 10m, by: sysadmin, do: request_vendor }\n"
        "  - { at: 20m, by: sysadmin, do: order_program_fix }\n"
        "  - { at: 5h, by: sysadmin, do: reboot_monitor_remotely }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_yaml(ID, yaml, seed, &r);
        assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
        assert_true(golden_value_at(&r, "program_fixed", MIN(4 * 60 + 51)) == 1);
        assert_true(golden_final(&r, "monitor_working") == 1);
        assert_int_equal(golden_inject_time(&r, "stopped_again"), TT_MS_NEVER);
        golden_free(&r);
    }
}

/* Nobody reports from a site nobody was sent to: without the local
 * contractor, no message comes from it. The label says "watch on site". */
static void local_contractor_only_speaks_when_sent(void **state)
{
    (void)state;
    static const char yaml[] =
        "actions:\n"
        "  - { at: 10m, by: manager, do: shutdown_main_equipment }\n";
    golden_run r;
    golden_run_yaml(ID, yaml, 0, &r);
    assert_true(golden_inject_time(&r, "main_stopped") != TT_MS_NEVER);
    for (size_t i = 0; i < r.journal.n_records; i++) {
        const tt_record *rec = &r.journal.records[i];
        if (rec->from && strcmp(rec->from, "local_contractor") == 0)
            fail_msg("record %zu comes from the local contractor, who was never sent", i);
    }
    const tt_scenario *sc = golden_scenario(&r);
    for (size_t i = 0; i < sc->n_actions; i++)
        if (strcmp(sc->actions[i].id, "ask_local_contractor") == 0) {
            assert_null(strstr(sc->actions[i].label.ja, "立会い"));
            assert_non_null(strstr(sc->actions[i].label.en, "watch"));
        }
    golden_free(&r);
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_every_objective_in_time),
        cmocka_unit_test(history_isolates_late_and_leaves_ports_open),
        cmocka_unit_test(nothing_leaves_the_facility_unwatched),
        cmocka_unit_test(red_herring_stops_the_service),
        cmocka_unit_test(default_settings_never_stop_the_service),
        cmocka_unit_test(what_if_control_server_disconnecting_earlier_never_costs_more),
        cmocka_unit_test(program_fix_has_an_effect),
        cmocka_unit_test(local_contractor_only_speaks_when_sent),
        cmocka_unit_test(early_report_spares_other_operators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
