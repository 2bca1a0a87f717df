/* Golden runs of scenarios/ransomware.lua (case 3): the scripted answers and
 * properties over many seeds (earlier isolation never costs more files, doing
 * nothing never beats the model, the offline_backup setting decides whether
 * the files come back). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "golden.h"

#define ID "ransomware"
#define MIN(m) ((tt_ms)(m) * 60 * 1000)
#define SEEDS 20
#define SHARE_FILES 50000.0 /* the scenario's shared drive */

static void model_reaches_every_objective_in_time(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model", 0, &r);
    golden_assert_all_within_target(&r, 0);
    golden_assert_lessons_covered(&r);
    /* unplugged at 2 min, before the encryptor starts (6-12 min) */
    assert_int_equal(golden_reached(&r, "isolate_pc"), MIN(2));
    assert_true(golden_final(&r, "encrypted_pc") >= 500);
    assert_true(golden_final(&r, "encrypted_pc") <= 900);
    assert_true(golden_final(&r, "encrypted_share") == 0);
    /* the offline backup brings every encrypted file back */
    assert_true(golden_final(&r, "files_restored") == golden_final(&r, "encrypted_pc"));
    assert_true(golden_final(&r, "files_lost") == 0);
    assert_true(golden_final(&r, "critical_hit") == 0);
    assert_int_equal(golden_inject_time(&r, "share_hit"), TT_MS_NEVER);
    /* the supervisor answered, content depending on the PC being isolated */
    assert_true(golden_count(&r, TT_REC_MESSAGE, "supervisor") == 1);
    assert_true(golden_count(&r, TT_REC_MESSAGE, "ministry") == 1);
    golden_free(&r);
}

static void without_offline_backup_the_files_are_lost(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "model-no-backup", 0, &r);
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 1);
    assert_int_equal(golden_reached(&r, "files_restored"), TT_MS_NEVER);
    size_t within = 0;
    golden_count_reached(&r, &within);
    assert_int_equal(within, golden_scenario(&r)->n_objectives - 1);
    assert_true(golden_final(&r, "files_lost") == golden_final(&r, "encrypted_pc"));
    assert_true(golden_final(&r, "files_lost") > 0);
    golden_free(&r);
}

static void history_matches_the_source(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "history", 0, &r);
    golden_assert_history_replayed(&r);
    /* cable pulled by the system staff after rushing over: 4 + 5 min */
    assert_int_equal(golden_reached(&r, "isolate_pc"), MIN(9));
    assert_true(golden_reached(&r, "confirm_separation") != TT_MS_NEVER);
    assert_true(golden_reached(&r, "report_ministry") != TT_MS_NEVER);
    /* two decryption tools, hours each, nothing decrypted (seed 7) */
    assert_true(golden_final(&r, "decrypt_attempts") == 2);
    assert_int_equal(golden_reached(&r, "files_restored"), TT_MS_NEVER);
    assert_int_equal(golden_reached(&r, "pc_back"), TT_MS_NEVER);
    /* several hundred files on the PC, as in the source */
    assert_true(golden_final(&r, "encrypted_pc") >= 500);
    assert_true(golden_final(&r, "encrypted_pc") <= 900);
    assert_true(golden_final(&r, "critical_hit") == 0);
    golden_free(&r);
}

static void doing_nothing_loses_the_shared_drive(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer(ID, "nothing", 0, &r);
    size_t within = 0;
    assert_int_equal(golden_count_reached(&r, &within), 0);
    assert_true(golden_final(&r, "encrypted_share") == SHARE_FILES);
    assert_true(golden_inject_time(&r, "share_hit") != TT_MS_NEVER);
    assert_true(golden_inject_time(&r, "share_half") > golden_inject_time(&r, "share_hit"));
    assert_true(golden_inject_time(&r, "supervisor_asks") == MIN(60));
    golden_free(&r);
}

static void red_herring_costs_the_shared_drive(void **state)
{
    (void)state;
    golden_run model, herring;
    golden_run_answer(ID, "model", 0, &model);
    golden_run_answer(ID, "red-herring", 0, &herring);
    size_t within = 0;
    golden_count_reached(&herring, &within);
    assert_int_equal(within, 0);
    /* reconnecting the PC let the encryptor back onto the shared drive */
    assert_true(golden_final(&herring, "encrypted_share") >
                golden_value_at(&herring, "encrypted_share", MIN(40)));
    assert_true(golden_final(&herring, "files_lost") > golden_final(&model, "files_lost"));
    golden_free(&model);
    golden_free(&herring);
}

/* Only the cable time differs: the same seed sees the same attacker. */
static double shared_files_lost(uint64_t seed, const char *pull_at)
{
    char yaml[512];
    if (pull_at)
        snprintf(yaml, sizeof yaml,
                 "scenario: ransomware\nactions:\n"
                 "  - { at: 1m, by: user, do: call_sysadmin }\n"
                 "  - { at: %s, by: sysadmin, do: pull_cable }\n", pull_at);
    else
        snprintf(yaml, sizeof yaml,
                 "scenario: ransomware\nactions:\n"
                 "  - { at: 1m, by: user, do: call_sysadmin }\n");
    golden_run r;
    golden_run_yaml(ID, yaml, seed, &r);
    double v = golden_final(&r, "encrypted_share");
    golden_free(&r);
    return v;
}

static void isolating_earlier_never_costs_more(void **state)
{
    (void)state;
    double total_early = 0, total_never = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double early = shared_files_lost(seed, "4m");
        double later = shared_files_lost(seed, "20m");
        double late = shared_files_lost(seed, "1h");
        double never = shared_files_lost(seed, NULL);
        assert_true(early <= later);
        assert_true(later <= late);
        assert_true(late <= never);
        total_early += early;
        total_never += never;
    }
    assert_true(total_early < total_never);
}

static void nothing_never_beats_the_model(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run model, nothing;
        golden_run_answer(ID, "model", seed, &model);
        golden_run_answer(ID, "nothing", seed, &nothing);
        golden_assert_all_within_target(&model, seed);
        size_t within = 0;
        assert_int_equal(golden_count_reached(&nothing, &within), 0);
        assert_true(golden_final(&nothing, "files_lost") > golden_final(&model, "files_lost"));
        assert_true(golden_final(&nothing, "encrypted_share") >
                    golden_final(&model, "encrypted_share"));
        golden_free(&model);
        golden_free(&nothing);
    }
}

/* The setting decides the recover objective whatever the seed. */
static void offline_backup_decides_recovery(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run with, without;
        golden_run_answer(ID, "model", seed, &with);
        golden_run_answer(ID, "model-no-backup", seed, &without);
        assert_true(golden_reached(&with, "files_restored") != TT_MS_NEVER);
        assert_true(golden_final(&with, "files_lost") == 0);
        assert_int_equal(golden_reached(&without, "files_restored"), TT_MS_NEVER);
        assert_true(golden_final(&without, "files_lost") > 0);
        golden_free(&with);
        golden_free(&without);
    }
}

/* Critical-business network: separated (the source) it is never hit; not
 * separated and left connected it always is. */
static void separation_protects_the_critical_network(void **state)
{
    (void)state;
    const char *open_network =
        "scenario: ransomware\nsettings: { network_separated: false }\nactions: []\n";
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run separated, open;
        golden_run_answer(ID, "nothing", seed, &separated);
        golden_run_yaml(ID, open_network, seed, &open);
        assert_true(golden_final(&separated, "critical_hit") == 0);
        assert_int_equal(golden_inject_time(&separated, "critical_spread"), TT_MS_NEVER);
        assert_true(golden_final(&open, "critical_hit") == 1);
        assert_true(golden_inject_time(&open, "critical_spread") != TT_MS_NEVER);
        golden_free(&separated);
        golden_free(&open);
    }
}

/* Decryption tools are a time sink: hours each, and they rarely work. */
static void decryption_rarely_helps(void **state)
{
    (void)state;
    const char *yaml =
        "scenario: ransomware\nactions:\n"
        "  - { at: 1m, by: user, do: user_unplug }\n"
        "  - { at: 1m, by: user, do: call_sysadmin }\n"
        "  - { at: 4m, by: sysadmin, do: confirm_ransomware }\n"
        "  - { at: 20m, by: sysadmin, do: try_decryptor }\n"
        "  - { at: 2h30m, by: sysadmin, do: try_decryptor }\n"
        "  - { at: 4h40m, by: sysadmin, do: try_decryptor }\n";
    int restored = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_yaml(ID, yaml, seed, &r);
        tt_ms t = golden_reached(&r, "files_restored");
        if (t != TT_MS_NEVER) {
            restored++;
            assert_true(t >= MIN(20 + 120)); /* never before a tool has run for hours */
        }
        golden_free(&r);
    }
    assert_true(restored <= SEEDS / 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(model_reaches_every_objective_in_time),
        cmocka_unit_test(without_offline_backup_the_files_are_lost),
        cmocka_unit_test(history_matches_the_source),
        cmocka_unit_test(doing_nothing_loses_the_shared_drive),
        cmocka_unit_test(red_herring_costs_the_shared_drive),
        cmocka_unit_test(isolating_earlier_never_costs_more),
        cmocka_unit_test(nothing_never_beats_the_model),
        cmocka_unit_test(offline_backup_decides_recovery),
        cmocka_unit_test(separation_protects_the_critical_network),
        cmocka_unit_test(decryption_rarely_helps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
