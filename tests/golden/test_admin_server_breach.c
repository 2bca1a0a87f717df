/* Golden runs of scenarios/admin-server-breach.lua (case 4): the scripted
 * answers' outcomes, and properties of the dynamics over many seeds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <stdio.h>
#include <cmocka.h>

#include "golden.h"

#define ID "admin-server-breach"
#define HOUR ((tt_ms)3600000)
#define DAY (24 * HOUR)
#define SEEDS 20
#define CUSTOMERS 60000.0 /* the scenario's invented customer count */

static void model_reaches_everything_within_target(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    golden_assert_lessons_covered(&r);
    golden_assert_all_within_target(&r, 0);
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
    /* Credentials changed 45 min in: one more hour of copying at most. */
    assert_int_equal(golden_reached(&r, "revoke_access"), 45 * 60000);
    /* Logs secured before any rotated away: the scope is exactly what was taken. */
    assert_true(golden_final(&r, "log_days_lost") == 0);
    assert_true(golden_final(&r, "affected") == golden_final(&r, "records_taken"));
    assert_true(golden_final(&r, "relapses") == 0);
    const char *reason = NULL;
    golden_end_time(&r, &reason);
    assert_string_equal(reason, "settled");
    golden_free(&r);
}

static void nothing_reaches_nothing_and_the_breach_grows(void **state)
{
    (void)state;
    golden_run model, none;
    golden_run_answer(ID, "model", 0, &model);
    golden_run_answer(ID, "nothing", 0, &none);
    assert_int_equal(golden_count_reached(&none, NULL), 0);
    /* The attacker keeps copying for 60 days, the logs rotate away, fraud grows. */
    assert_true(golden_final(&none, "records_taken") > 4 * golden_final(&model, "records_taken"));
    assert_true(golden_final(&none, "log_days_lost") > 30);
    assert_true(golden_final(&none, "fraud_victims") > 10 * golden_final(&model, "fraud_victims"));
    assert_true(golden_inject_time(&none, "ppc_due") == 3 * DAY);
    assert_true(golden_inject_time(&none, "final_due") == 50 * DAY);
    assert_true(golden_inject_time(&none, "customers_calling") != TT_MS_NEVER);
    /* Every objective is settled by the final report's 60-day limit. */
    const char *reason = NULL;
    assert_true(golden_end_time(&none, &reason) == 60 * DAY);
    golden_free(&model);
    golden_free(&none);
}

static void history_misses_the_modern_ppc_reports(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "history", 0, &r);
    golden_assert_history_replayed(&r);
    /* The source predates the 2022 duty (F1): no PPC report, no individual notice. */
    assert_true(golden_reached(&r, "ppc_preliminary") == TT_MS_NEVER);
    assert_true(golden_reached(&r, "ppc_final") == TT_MS_NEVER);
    assert_true(golden_reached(&r, "notify_individuals") == TT_MS_NEVER);
    /* What it did: credentials at 2 h (done 2 h 30 min), logs by disclosure request, investigation. */
    assert_true(golden_reached(&r, "revoke_access") == 2 * HOUR + 30 * 60000);
    assert_true(golden_reached(&r, "preserve_logs") == 4 * DAY);
    assert_true(golden_reached(&r, "investigation") != TT_MS_NEVER);
    /* The website apology came after its limit. */
    assert_true(golden_reached(&r, "warn_customers") > 14 * DAY);
    /* The leak route is switched off for the history, as nothing relapsed in reality. */
    assert_true(golden_final(&r, "relapses") == 0);
    golden_free(&r);
}

static void red_herring_destroys_the_evidence(void **state)
{
    (void)state;
    golden_run model, rh;
    golden_run_answer(ID, "model", 0, &model);
    golden_run_answer(ID, "red-herring", 0, &rh);
    /* The wipe destroyed the logs before the disclosure request. */
    assert_true(golden_reached(&rh, "preserve_logs") == TT_MS_NEVER);
    assert_true(golden_final(&rh, "server_wiped") == 1);
    assert_true(golden_final(&rh, "log_days_lost") > 0);
    /* No logs at all: nothing to estimate from, every customer is notified. */
    assert_true(golden_final(&rh, "affected") == CUSTOMERS);
    /* No IP restriction: the still-open leak route hands over the new password. */
    assert_true(golden_final(&rh, "relapses") == 1);
    assert_true(golden_inject_time(&rh, "relapse") != TT_MS_NEVER);
    assert_true(golden_final(&rh, "records_taken") > 3 * golden_final(&model, "records_taken"));
    size_t within_rh = 0, within_model = 0;
    golden_count_reached(&rh, &within_rh);
    golden_count_reached(&model, &within_model);
    assert_true(within_rh < within_model);
    golden_free(&model);
    golden_free(&rh);
}

/* Only the time of the credential change varies. */
static void run_with_change_at(const char *when, uint64_t seed, golden_run *out)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "actions:\n"
             "  - { at: 10m, by: sysadmin, do: report_to_management }\n"
             "  - { at: %s, by: sysadmin, do: change_admin_credentials }\n"
             "  - { at: 30m, by: management, do: disclosure_request }\n"
             "  - { at: 1h, by: sysadmin, do: restrict_to_operator_ips }\n"
             "  - { at: 1h, by: pr, do: post_apology }\n",
             when);
    golden_run_yaml(ID, yaml, seed, out);
}

static void earlier_lockout_never_loses_more(void **state)
{
    (void)state;
    static const char *const times[] = { "15m", "2h", "12h" };
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double prev_taken = -1, prev_fraud = -1;
        for (size_t i = 0; i < sizeof times / sizeof times[0]; i++) {
            golden_run r;
            run_with_change_at(times[i], seed, &r);
            assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
            double taken = golden_final(&r, "records_taken");
            double fraud = golden_final(&r, "fraud_victims");
            if (taken < prev_taken || fraud < prev_fraud)
                fail_msg("seed %llu: changing at %s lost less than earlier", (unsigned long long)seed,
                         times[i]);
            prev_taken = taken;
            prev_fraud = fraud;
            golden_free(&r);
        }
    }
}

static void password_change_alone_relapses(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        static const char only_change[] =
            "actions:\n"
            "  - { at: 15m, by: sysadmin, do: change_admin_credentials }\n";
        static const char change_and_restrict[] =
            "actions:\n"
            "  - { at: 15m, by: sysadmin, do: change_admin_credentials }\n"
            "  - { at: 1h, by: sysadmin, do: restrict_to_operator_ips }\n";
        static const char route_closed[] =
            "settings: { leak_route_open: false }\n"
            "actions:\n"
            "  - { at: 15m, by: sysadmin, do: change_admin_credentials }\n";
        golden_run a, b, c;
        golden_run_yaml(ID, only_change, seed, &a);
        golden_run_yaml(ID, change_and_restrict, seed, &b);
        golden_run_yaml(ID, route_closed, seed, &c);
        assert_true(golden_final(&a, "relapses") == 1);
        assert_true(golden_final(&b, "relapses") == 0);
        assert_true(golden_final(&c, "relapses") == 0);
        assert_true(golden_final(&a, "records_taken") > golden_final(&b, "records_taken"));
        assert_true(golden_final(&b, "records_taken") == golden_final(&c, "records_taken"));
        golden_free(&a);
        golden_free(&b);
        golden_free(&c);
    }
}

static void late_disclosure_loses_logs(void **state)
{
    (void)state;
    /* The server keeps 14 days and the intrusion began 6-12 days before
     * discovery: a request after day 9 always loses some of it. */
    static const char late[] =
        "actions:\n"
        "  - { at: 10m, by: sysadmin, do: report_to_management }\n"
        "  - { at: 9d, by: management, do: disclosure_request }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_yaml(ID, late, seed, &r);
        assert_true(golden_final(&r, "log_days_lost") > 0);
        assert_true(golden_inject_time(&r, "logs_rotating") != TT_MS_NEVER);
        golden_free(&r);
    }
}

/* Logs lost for some days: the vendor traces what the logs hold and
 * estimates the rest; the scope is uncertain, never "all 60,000". */
static void lost_logs_make_the_scope_uncertain_not_everyone(void **state)
{
    (void)state;
    static const char late[] =
        "actions:\n"
        "  - { at: 10m, by: sysadmin, do: report_to_management }\n"
        "  - { at: 9d, by: management, do: disclosure_request }\n"
        "  - { at: 9d, by: sysadmin, do: engage_security_vendor }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_yaml(ID, late, seed, &r);
        assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
        assert_true(golden_final(&r, "log_days_lost") > 0);
        assert_true(golden_final(&r, "investigation_done") == 1);
        assert_true(golden_final(&r, "affected") < CUSTOMERS);
        /* what was taken by the report (the attacker still copies afterwards here) */
        assert_true(golden_final(&r, "affected") <= golden_final(&r, "records_taken"));
        assert_true(golden_final(&r, "affected_estimated") > 0);
        assert_true(golden_final(&r, "affected_estimated") < golden_final(&r, "affected"));
        golden_free(&r);
    }
}

/* Prevention 2 is an action with effect: every ID/PW changed under new rules
 * closes the leak route even without the IP restriction. */
static void changing_every_credential_stops_the_relapse(void **state)
{
    (void)state;
    static const char yaml[] =
        "actions:\n"
        "  - { at: 5m, by: sysadmin, do: report_to_management }\n"
        "  - { at: 15m, by: sysadmin, do: change_admin_credentials }\n"
        "  - { at: 20m, by: management, do: change_all_credentials }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_yaml(ID, yaml, seed, &r);
        assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
        assert_true(golden_final(&r, "all_credentials_changed") == 1);
        assert_true(golden_final(&r, "relapses") == 0);
        golden_free(&r);
    }
}

/* Prevention 4 (internal log rules) is its own action with effect: logs are
 * kept from then on, distinct from the contract's log clause (lesson). */
static void log_rules_keep_logs_and_differ_from_the_contract(void **state)
{
    (void)state;
    static const char yaml[] =
        "actions:\n"
        "  - { at: 10m, by: sysadmin, do: set_log_rules }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r, none;
        golden_run_yaml(ID, yaml, seed, &r);
        golden_run_answer(ID, "nothing", seed, &none);
        double at_rules = golden_value_at(&r, "log_days_lost", 7 * DAY + HOUR);
        assert_true(golden_final(&r, "log_days_lost") == at_rules);
        assert_true(golden_final(&r, "log_days_lost") < golden_final(&none, "log_days_lost"));
        golden_free(&r);
        golden_free(&none);
    }
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    const tt_scenario *sc = golden_scenario(&r);
    const char *rules_lesson = NULL, *contract_lesson = NULL;
    for (size_t i = 0; i < sc->n_actions; i++) {
        if (strcmp(sc->actions[i].id, "set_log_rules") == 0)
            rules_lesson = sc->actions[i].lesson;
        if (strcmp(sc->actions[i].id, "amend_contract") == 0)
            contract_lesson = sc->actions[i].lesson;
    }
    assert_non_null(rules_lesson);
    assert_non_null(contract_lesson);
    assert_string_not_equal(rules_lesson, contract_lesson);
    /* the history's "ログ管理に関する規程" is the internal rules, not the contract */
    for (size_t i = 0; i < sc->n_history; i++)
        if (sc->history[i].action)
            assert_string_not_equal(sc->history[i].action, "amend_contract");
    golden_free(&r);
}

/* The notice to individuals cites the rule it uses ("promptly", APPI Art.
 * 26(2), Enforcement Rules Art. 10), not the final report's period; the
 * discovery shows no login history (the source: logs were not kept). */
static void texts_follow_the_source_and_the_law(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    const tt_scenario *sc = golden_scenario(&r);
    bool found = false;
    for (size_t i = 0; i < sc->n_objectives; i++) {
        if (strcmp(sc->objectives[i].id, "notify_individuals") != 0)
            continue;
        found = true;
        assert_non_null(strstr(sc->objectives[i].rationale.ja, "第26条第2項"));
        assert_non_null(strstr(sc->objectives[i].rationale.ja, "速やかに"));
        assert_non_null(strstr(sc->objectives[i].rationale.en, "Art. 26(2)"));
        assert_null(strstr(sc->objectives[i].rationale.en, "final-report period"));
    }
    assert_true(found);
    for (size_t i = 0; i < sc->n_injects; i++)
        if (strcmp(sc->injects[i].id, "discovery") == 0) {
            assert_null(strstr(sc->injects[i].text.ja, "ログイン"));
            assert_null(strstr(sc->injects[i].text.en, "login"));
        }
    golden_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_everything_within_target),
        cmocka_unit_test(nothing_reaches_nothing_and_the_breach_grows),
        cmocka_unit_test(history_misses_the_modern_ppc_reports),
        cmocka_unit_test(red_herring_destroys_the_evidence),
        cmocka_unit_test(earlier_lockout_never_loses_more),
        cmocka_unit_test(password_change_alone_relapses),
        cmocka_unit_test(late_disclosure_loses_logs),
        cmocka_unit_test(lost_logs_make_the_scope_uncertain_not_everyone),
        cmocka_unit_test(changing_every_credential_stops_the_relapse),
        cmocka_unit_test(log_rules_keep_logs_and_differ_from_the_contract),
        cmocka_unit_test(texts_follow_the_source_and_the_law),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
