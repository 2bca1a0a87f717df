/* Fuzz-style smoke test: the journal reader and the script loader are fed
 * deterministic mutations of good files (bit flips and YAML-significant bytes
 * at every offset, deletions, truncations). They must never crash (ASan and
 * UBSan watch) and must answer either ok or an error with file:line:column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sample.h"
#include "tabletop/inputs.h"
#include "tabletop/journal.h"

static char *sample_journal(size_t *len)
{
    size_t n, used = 0;
    const tt_record *recs = sample_records(&n);
    char *all = NULL;
    for (size_t i = 0; i < n; i++) {
        tt_error err;
        char *doc = tt_record_to_yaml(&recs[i], &err);
        assert_non_null(doc);
        size_t l = strlen(doc);
        char *grown = realloc(all, used + l + 1);
        assert_non_null(grown);
        all = grown;
        memcpy(all + used, doc, l + 1);
        used += l;
        free(doc);
    }
    *len = used;
    return all;
}

static void assert_located(const tt_error *err, const char *what, size_t off)
{
    if (err->file[0] == '\0' || err->line < 1 || err->column < 1 || err->message[0] == '\0')
        fail_msg("%s at offset %zu: error without location: '%s:%d:%d: %s'", what, off,
                 err->file, err->line, err->column, err->message);
}

/* Read a mutated journal from an exact-size heap copy (so ASan sees overreads). */
static int read_mutant(const char *data, size_t len, size_t off, const char *what)
{
    char *copy = malloc(len ? len : 1);
    assert_non_null(copy);
    memcpy(copy, data, len);
    tt_journal j;
    tt_error err;
    int rc = tt_journal_read_buffer("fuzz.yaml", copy, len, &j, &err);
    if (rc == 0) {
        assert_true(j.n_records == 0 || j.records[0].type == TT_REC_START);
        if (j.torn)
            assert_non_null(strstr(j.warning, "fuzz.yaml:"));
        tt_journal_free(&j);
    } else {
        assert_int_equal(rc, -1);
        assert_located(&err, what, off);
    }
    free(copy);
    return rc;
}

static const unsigned char specials[] = { ':', '"', '\'', '\n', ' ', '-', '.', '&', '*',
                                          '[', '{', '#', '!', '\\', 0xff, 0x00, 0xe3 };

static void journal_mutations(void **state)
{
    (void)state;
    size_t len;
    char *good = sample_journal(&len);
    char *buf = malloc(len);
    assert_non_null(buf);
    size_t ok = 0, errors = 0;
    for (size_t off = 0; off < len; off++) {
        for (int bit = 0; bit < 8; bit += 3) { /* bits 0, 3, 6 */
            memcpy(buf, good, len);
            buf[off] = (char)(buf[off] ^ (1 << ((bit + off) % 8)));
            read_mutant(buf, len, off, "bit flip") == 0 ? ok++ : errors++;
        }
        for (size_t s = 0; s < sizeof specials; s++) {
            if ((off + s) % 3) /* a third of them, still every byte value everywhere-ish */
                continue;
            memcpy(buf, good, len);
            buf[off] = (char)specials[s];
            read_mutant(buf, len, off, "special byte") == 0 ? ok++ : errors++;
        }
        /* delete one byte */
        memcpy(buf, good, off);
        memcpy(buf + off, good + off + 1, len - off - 1);
        read_mutant(buf, len - 1, off, "deletion") == 0 ? ok++ : errors++;
    }
    /* both outcomes occur: the mutations really reach the checks */
    assert_true(ok > 0);
    assert_true(errors > 0);
    free(buf);
    free(good);
}

/* Any prefix of a good journal is complete records plus at most one torn one. */
static void journal_every_truncation_reads(void **state)
{
    (void)state;
    size_t len;
    char *good = sample_journal(&len);
    size_t n;
    sample_records(&n);
    size_t last_count = 0;
    for (size_t cut = 0; cut <= len; cut++) {
        char *copy = malloc(cut ? cut : 1);
        assert_non_null(copy);
        memcpy(copy, good, cut);
        tt_journal j;
        tt_error err;
        int rc = tt_journal_read_buffer("cut.yaml", copy, cut, &j, &err);
        if (rc != 0)
            fail_msg("cut at %zu: %s:%d:%d: %s", cut, err.file, err.line, err.column,
                     err.message);
        assert_true(j.n_records >= last_count); /* records only ever appear */
        last_count = j.n_records;
        tt_journal_free(&j);
        free(copy);
    }
    assert_int_equal(last_count, n);
    free(good);
}

static void script_mutations(void **state)
{
    (void)state;
    FILE *f = fopen(sample_fixture("script-good.yaml"), "rb");
    assert_non_null(f);
    char good[4096];
    size_t len = fread(good, 1, sizeof good, f);
    fclose(f);
    assert_true(len > 100 && len < sizeof good);
    size_t ok = 0, errors = 0;
    for (size_t off = 0; off < len; off++) {
        for (size_t s = 0; s < sizeof specials + 3; s++) {
            char *buf = malloc(len);
            assert_non_null(buf);
            memcpy(buf, good, len);
            if (s < sizeof specials)
                buf[off] = (char)specials[s];
            else
                buf[off] = (char)(buf[off] ^ (1 << (s * 3 % 8)));
            tt_action_script sc;
            tt_error err;
            int rc = tt_action_script_load_buffer("fuzz.yaml", buf, len, sample_scenario(),
                                                  &sc, &err);
            if (rc == 0) {
                ok++;
                for (size_t i = 1; i < sc.n_steps; i++)
                    assert_true(sc.steps[i - 1].at <= sc.steps[i].at);
                tt_action_script_free(&sc);
            } else {
                errors++;
                assert_int_equal(rc, -1);
                assert_located(&err, "script mutation", off);
            }
            free(buf);
        }
    }
    assert_true(ok > 0);
    assert_true(errors > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(journal_mutations),
        cmocka_unit_test(journal_every_truncation_reads),
        cmocka_unit_test(script_mutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
