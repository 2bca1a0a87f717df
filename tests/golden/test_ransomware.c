/* Golden runs of scenarios/ransomware.lua (case 3): the scripted answers and
 * properties over many seeds (no shared drive unless the what-if setting is
 * on, the PC encrypted one file after another during the response, earlier
 * isolation never costs more files, the offline_backup setting decides
 * whether the files come back). */
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

/* The shared drive is not in the source: with default settings no answer
 * touches it, on any seed, and the PC's files go one after another during
 * the response (対応中も次々に), several hundred in the end. */
static void history_loses_no_shared_drive_files(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_answer(ID, "history", seed, &r);
        assert_true(golden_final(&r, "encrypted_share") == 0);
        assert_int_equal(golden_inject_time(&r, "share_hit"), TT_MS_NEVER);
        /* cable out at 9 min, yet the PC keeps encrypting for a good while */
        tt_ms iso = golden_reached(&r, "isolate_pc");
        assert_int_equal(iso, MIN(9));
        double at_iso = golden_value_at(&r, "encrypted_pc", iso);
        double at_30 = golden_value_at(&r, "encrypted_pc", MIN(30));
        assert_true(at_iso < 300);
        assert_true(at_30 > at_iso);
        assert_true(golden_final(&r, "encrypted_pc") >= 500);
        assert_true(golden_final(&r, "encrypted_pc") <= 900 + 10 * 900);
        golden_free(&r);
    }
}

static void doing_nothing_never_touches_an_unmapped_share(void **state)
{
    (void)state;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        golden_run r;
        golden_run_answer(ID, "nothing", seed, &r);
        size_t within = 0;
        assert_int_equal(golden_count_reached(&r, &within), 0);
        assert_true(golden_final(&r, "encrypted_share") == 0);
        assert_true(golden_final(&r, "encrypted_pc") >= 500);
        assert_true(golden_inject_time(&r, "supervisor_asks") == MIN(60));
        golden_free(&r);
    }
}

/* The what-if setting: reconnecting the PC lets the encryptor onto the share. */
static void red_herring_with_a_mapped_share_costs_it(void **state)
{
    (void)state;
    const char *yaml =
        "scenario: ransomware\nseed: 7\nsettings: { shared_drive: true }\nactions:\n"
        "  - { at: 1m, by: user, do: call_sysadmin }\n"
        "  - { at: 3m, by: sysadmin, do: confirm_ransomware }\n"
        "  - { at: 20m, by: sysadmin, do: pull_cable }\n"
        "  - { at: 40m, by: user, do: reconnect_pc }\n";
    golden_run model, herring;
    golden_run_answer(ID, "model", 0, &model);
    golden_run_yaml(ID, yaml, 0, &herring);
    assert_true(golden_value_at(&herring, "encrypted_share", MIN(40)) == 0);
    assert_true(golden_final(&herring, "encrypted_share") > 0);
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
                 "scenario: ransomware\nsettings: { shared_drive: true }\nactions:\n"
                 "  - { at: 1m, by: user, do: call_sysadmin }\n"
                 "  - { at: %s, by: sysadmin, do: pull_cable }\n", pull_at);
    else
        snprintf(yaml, sizeof yaml,
                 "scenario: ransomware\nsettings: { shared_drive: true }\nactions:\n"
                 "  - { at: 1m, by: user, do: call_sysadmin }\n");
    golden_run r;
    golden_run_yaml(ID, yaml, seed, &r);
    assert_int_equal(golden_count(&r, TT_REC_REFUSED, NULL), 0);
    double v = golden_final(&r, "encrypted_share");
    golden_free(&r);
    return v;
}

/* Pace and target agree: with the what-if share, a cable pulled by the
 * isolation limit (30 min: pulled at 25 min, 5 min walk) never loses a
 * shared file on any seed; later costs files, never fewer. */
static void isolating_earlier_never_costs_more(void **state)
{
    (void)state;
    double total_limit = 0, total_never = 0;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        double early = shared_files_lost(seed, "4m");
        double at_limit = shared_files_lost(seed, "25m");
        double late = shared_files_lost(seed, "1h");
        double later = shared_files_lost(seed, "2h");
        double never = shared_files_lost(seed, NULL);
        assert_true(early == 0);
        assert_true(at_limit == 0);
        assert_true(at_limit <= late);
        assert_true(late <= later);
        assert_true(later <= never);
        total_limit += at_limit;
        total_never += never;
    }
    assert_true(total_limit < total_never);
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
        cmocka_unit_test(history_loses_no_shared_drive_files),
        cmocka_unit_test(doing_nothing_never_touches_an_unmapped_share),
        cmocka_unit_test(red_herring_with_a_mapped_share_costs_it),
        cmocka_unit_test(isolating_earlier_never_costs_more),
        cmocka_unit_test(offline_backup_decides_recovery),
        cmocka_unit_test(separation_protects_the_critical_network),
        cmocka_unit_test(decryption_rarely_helps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
