/* Golden runs of scenarios/mail-form-flood.lua (case 1): the scripted
 * answers, and properties over many seeds (the real response's firewall block
 * stops the flood and mail is down about a day, as in the source; one IP
 * block does not survive the wave from many addresses). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "golden.h"

#define ID "mail-form-flood"
#define MIN(m) ((tt_ms)(m) * 60 * 1000)
#define SEEDS 20

static void model_reaches_every_objective_in_time(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    golden_assert_lessons_covered(&r);
    golden_assert_all_within_target(&r, 0);
    /* the firewall block done at 1h35m, the queue cleared, nothing lost */
    assert_int_equal(golden_reached(&r, "stop_flood"), MIN(95));
    assert_true(golden_final(&r, "mail_lost") == 0);
    assert_true(golden_final(&r, "q_attack") == 0);
    assert_true(golden_final(&r, "site_down_minutes") == 0);
    /* CAPTCHA and closed forms held the second wave off */
    assert_true(golden_inject_time(&r, "wave2_held_off") == MIN(360));
    assert_int_equal(golden_inject_time(&r, "wave2"), TT_MS_NEVER);
    assert_int_equal(golden_reached(&r, "wave2_held"), MIN(361));
    /* the mail server reports the queue; the source address and the probe
     * results come from the web side (access log, forms), not the mail server */
    assert_int_equal(golden_count(&r, TT_REC_MESSAGE, "mail_server"), 1);
    assert_true(golden_count(&r, TT_REC_MESSAGE, "web_admin") >= 2);
    golden_free(&r);
}

/* The source lists the firewall and form-program blocks as what was done;
 * nothing invented punishes the real response. Its firewall block stops the
 * flood, and mail is down for about a day, as in the source, on every seed. */
static void history_blocks_in_time_and_mail_is_down_about_a_day(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_answer(ID, "history", seed, &r);
        if (seed == 1)
            golden_assert_history_replayed(&r);
        assert_int_equal(golden_reached(&r, "stop_flood"), MIN(170));
        assert_true(golden_value_at(&r, "attack_in", MIN(171)) == 0);
        double down = golden_final(&r, "mail_down_minutes");
        if (down < 18 * 60 || down > 26 * 60)
            fail_msg("seed %llu: mail down %.0f min, the source says about a day",
                     (unsigned long long)seed, down);
        tt_ms back = golden_reached(&r, "mail_restored");
        assert_true(back != TT_MS_NEVER && back <= MIN(30 * 60));
        assert_true(golden_inject_time(&r, "wave2") == MIN(360));
        golden_free(&r);
    }
}

/* Case 1 has no supervisor: no objective reports to one. */
static void no_invented_supervisor_report(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    const tt_scenario *sc = golden_scenario(&r);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        if (sc->objectives[i].party && strcmp(sc->objectives[i].party, "supervisor") == 0)
            fail_msg("objective %s reports to a supervisor", sc->objectives[i].id);
        /* the stop-the-flood rationale measures from the start, as its target does */
        if (strcmp(sc->objectives[i].id, "stop_flood") == 0) {
            assert_null(strstr(sc->objectives[i].rationale.en, "after detection"));
            assert_non_null(strstr(sc->objectives[i].rationale.en, "from the start"));
        }
    }
    golden_free(&r);
}

static void nothing_fills_the_queue(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "nothing", 0, &r);
    size_t within = 0;
    assert_int_equal(golden_count_reached(&r, &within), 0);
    /* detection is department B's complaint, before the 40-minute answers start */
    tt_ms noticed = golden_inject_time(&r, "mail_missing");
    assert_true(noticed > 0 && noticed < MIN(40));
    assert_true(golden_inject_time(&r, "queue_full") != TT_MS_NEVER);
    assert_true(golden_final(&r, "mail_lost") > 0);
    assert_true(golden_final(&r, "blind_minutes") == golden_final(&r, "mail_down_minutes"));
    golden_free(&r);
}

static void red_herring_is_harmful_and_slow(void **state)
{
    (void)state;
    golden_run model, herring;
    golden_run_answer(ID, "model", 0, &model);
    golden_run_answer(ID, "red-herring", 0, &herring);
    size_t within = 0;
    golden_count_reached(&herring, &within);
    assert_int_equal(within, 0);
    assert_true(golden_reached(&herring, "stop_flood") > golden_reached(&model, "stop_flood"));
    assert_true(golden_final(&herring, "site_down_minutes") > 0);
    /* deleting the whole queue threw legitimate mail away */
    assert_true(golden_final(&herring, "mail_lost") > golden_final(&model, "mail_lost"));
    assert_true(golden_final(&herring, "mail_down_minutes") >
                golden_final(&model, "mail_down_minutes"));
    golden_free(&model);
    golden_free(&herring);
}

static double down_minutes(uint64_t seed, bool form_block)
{
    char yaml[1024];
    snprintf(yaml, sizeof yaml,
             "scenario: mail-form-flood\nactions:\n"
             "  - { at: 40m, by: sysadmin, do: inspect_mail_queue }\n"
             "  - { at: 1h, by: web_admin, do: find_source_ip }\n"
             "  - { at: 1h25m, by: sysadmin, do: block_ip_firewall }\n"
             "%s",
             form_block ? "  - { at: 1h25m, by: web_admin, do: block_ip_form }\n" : "");
    golden_run r;
    golden_run_yaml(ID, yaml, seed, &r);
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
    double v = golden_final(&r, "mail_down_minutes");
    golden_free(&r);
    return v;
}

/* No invented leak: the firewall block alone stops the single address, so it
 * does exactly as well as both blocks (the second is defence in depth). */
static void firewall_alone_stops_the_flood(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++)
        assert_true(down_minutes(seed, true) == down_minutes(seed, false));
}

/* The source's open question: an IP block alone does not hold the wave from
 * many addresses; CAPTCHA on every form does. */
static void one_ip_block_does_not_hold_the_second_wave(void **state)
{
    (void)state;
    const char *blocks_only =
        "scenario: mail-form-flood\nactions:\n"
        "  - { at: 40m, by: sysadmin, do: inspect_mail_queue }\n"
        "  - { at: 1h, by: web_admin, do: find_source_ip }\n"
        "  - { at: 1h25m, by: sysadmin, do: block_ip_firewall }\n"
        "  - { at: 1h25m, by: web_admin, do: block_ip_form }\n"
        "  - { at: 1h50m, by: sysadmin, do: purge_form_mail }\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run blocked, model;
        golden_run_yaml(ID, blocks_only, seed, &blocked);
        golden_run_answer(ID, "model", seed, &model);
        assert_true(golden_reached(&blocked, "mail_restored") != TT_MS_NEVER);
        /* graded in time: CAPTCHA holds it in the wave's first minute, well
         * before the 6:30 target; without CAPTCHA it is late or never */
        assert_true(golden_reached(&blocked, "wave2_held") > MIN(390));
        assert_true(golden_reached(&model, "wave2_held") < MIN(390));
        assert_true(golden_inject_time(&blocked, "wave2") != TT_MS_NEVER);
        assert_true(golden_reached(&model, "wave2_held") != TT_MS_NEVER);
        assert_true(golden_final(&model, "wave2_mails") < golden_final(&blocked, "wave2_mails"));
        golden_free(&blocked);
        golden_free(&model);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_every_objective_in_time),
        cmocka_unit_test(history_blocks_in_time_and_mail_is_down_about_a_day),
        cmocka_unit_test(no_invented_supervisor_report),
        cmocka_unit_test(nothing_fills_the_queue),
        cmocka_unit_test(red_herring_is_harmful_and_slow),
        cmocka_unit_test(firewall_alone_stops_the_flood),
        cmocka_unit_test(one_ip_block_does_not_hold_the_second_wave),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
