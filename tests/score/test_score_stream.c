/* Scoring a journal record by record (tt_scorecard_read_file, `tabletop
 * score`): the card is the one built from the whole journal in memory, byte
 * for byte, and the memory it takes does not grow with the journal. Memory is
 * measured by the allocator's own count of bytes in use (mallinfo2, or
 * ASan's allocator under -DTT_SANITIZE=ON), sampled after every record: a
 * deterministic measure, not a timing. */
#define _GNU_SOURCE /* mkdtemp */
#include <malloc.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "fixture.h"
#include "tabletop/journal.h"
#include "tabletop/score.h"

#if defined(__SANITIZE_ADDRESS__)
#define TT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TT_ASAN 1
#endif
#endif

#ifdef TT_ASAN
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t heap_in_use(void)
{
    return __sanitizer_get_current_allocated_bytes();
}
#else
static size_t heap_in_use(void)
{
    struct mallinfo2 m = mallinfo2();
    return m.uordblks + m.hblkhd;
}
#endif

static char dir[] = "/tmp/tt-score-stream-XXXXXX";

static void path_in_dir(char *out, size_t size, const char *name)
{
    snprintf(out, size, "%s/%s", dir, name);
}

static void write_journal(const char *path, const tt_journal *j)
{
    tt_error err;
    tt_journal_writer *w = tt_journal_create(path, false, &err);
    assert_non_null(w);
    for (size_t i = 0; i < j->n_records; i++)
        assert_int_equal(tt_journal_write(w, &j->records[i], &err), 0);
    assert_int_equal(tt_journal_close(w, &err), 0);
}

static char *render(const tt_scorecard *card, tt_card_format fmt)
{
    tt_error err;
    char *text = tt_scorecard_render(card, fmt, TT_LANG_EN, NULL, &err);
    assert_non_null(text);
    return text;
}

/* The file's card read whole and read record by record, in every format. */
static void assert_same_cards(const char *path)
{
    tt_error err;
    tt_journal j;
    assert_int_equal(tt_journal_read(path, &j, &err), 0);
    tt_scorecard whole, streamed;
    assert_int_equal(tt_scorecard_build(&whole, fixture_scenario(), &j, path, "hash", &err), 0);
    assert_int_equal(tt_scorecard_read_file(&streamed, fixture_scenario(), path, "hash", &err), 0);
    assert_int_equal(whole.torn, streamed.torn);
    assert_int_equal(whole.n_records, streamed.n_records);
    static const tt_card_format formats[] = { TT_CARD_HTML, TT_CARD_MD, TT_CARD_JSON };
    for (size_t i = 0; i < 3; i++) {
        char *a = render(&whole, formats[i]);
        char *b = render(&streamed, formats[i]);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    tt_scorecard_free(&whole);
    tt_scorecard_free(&streamed);
    tt_journal_free(&j);
}

static void streamed_card_is_the_whole_journal_card(void **state)
{
    (void)state;
    void (*runs[])(fixture_journal *) = { fj_model, fj_nothing, fj_mediocre };
    char path[512];
    path_in_dir(path, sizeof path, "run.yaml");
    for (size_t i = 0; i < sizeof runs / sizeof runs[0]; i++) {
        fixture_journal f;
        runs[i](&f);
        write_journal(path, &f.j);
        assert_same_cards(path);
    }
    /* A damage metric with a text value (copied by the streamed card) and a
     * torn last record. */
    fixture_journal f;
    fj_mediocre(&f);
    f.start.organisation = "O'Brien \"Org\", Ltd";
    f.j.n_records--; /* take the END off */
    tt_kv kv = { "mail_hours", { .type = TT_VAL_STR, .as.s = "most of the day" } };
    tt_record *r = fj_add(&f, TT_REC_STATE, MIN(500), NULL);
    r->changes = &kv;
    r->n_changes = 1;
    write_journal(path, &f.j);
    FILE *fp = fopen(path, "ab");
    assert_non_null(fp);
    fputs("---\ntype: note\nt: 30060000\nrole: it\nnote: \"cut sho", fp);
    fclose(fp);
    assert_same_cards(path);
    tt_error err;
    tt_scorecard card;
    assert_int_equal(tt_scorecard_read_file(&card, fixture_scenario(), path, NULL, &err), 0);
    assert_true(card.torn);
    /* Read once, hashed from the same reads: the whole file's hash. */
    tt_scorecard hashed;
    char want[65];
    assert_int_equal(tt_score_file_hash(path, want, &err), 0);
    assert_int_equal(tt_scorecard_read_file_hashed(&hashed, fixture_scenario(), path, &err), 0);
    assert_string_equal(hashed.journal_hash, want);
    assert_true(hashed.torn);
    tt_scorecard_free(&hashed);
    assert_string_equal(card.start->organisation, "O'Brien \"Org\", Ltd");
    bool found = false;
    for (size_t i = 0; i < card.n_damage; i++)
        if (strcmp(card.damage[i].def->key, "mail_hours") == 0) {
            assert_int_equal(card.damage[i].final.type, TT_VAL_STR);
            assert_string_equal(card.damage[i].final.as.s, "most of the day");
            found = true;
        }
    assert_true(found);
    tt_scorecard_free(&card);
}

/* Reading record by record accepts and refuses what the whole reader does,
 * with the same message at the same line and column. */
static void stream_reads_as_the_whole_reader(void **state)
{
    (void)state;
    static const char start[] =
        "---\ntype: start\nt: 0\nstart:\n  scenario: fixture\n  seed: 1\n...\n";
    static const char *const bodies[] = {
        "",
        "\n\n",
        "---\ntype: note\nt: 0\nnote: x\n...\n",                 /* no START first */
        "%s---\ntype: note\nt: 5\nnote: a\n---\ntype: note\nt: 6\nnote: b\n...\n",
        "%s---\ntype: note\nt: 5\nnote: \"\xff\xfe\"\n...\n",      /* not UTF-8 */
        "%s---\ntype: note\nt: 5\nnote: a\n...\n---\ntype: note\nt: -5\nnote: b\n...\n",
        "%s---\ntype: note\nt: 5\nnote: a\n...\ngarbage: [\n",          /* not torn */
        "%s---\ntype: note\nt: 5\nnote: a\n...\n---\ntype: no",         /* torn */
        "%s# a comment\n---\ntype: end\nt: 9\nstatus: length\n... # done\n\n",
        "%s---\ntype: bogus\nt: 5\n...\n",
        /* The stream's kept parser gives up on these (journal_stream.c):
         * the usual path must then say the same as the whole reader. */
        "%s...\n---\ntype: note\nt: 5\nnote: a\n...\n",                    /* stray "..." */
        "%s---\ntype: note\nt: 5\nnote: a\n... x\n---\ntype: note\nt: 6\n...\n",
        "%s---\ntype: note\nt: 5\nnote: a\r... x\n...\n",                /* CR: a line for libyaml */
        "%s---\ntype: note\nt: 5\nnote: \xe3\x81\x82\n...   # done\n---\ntype: note\nt: 6\n"
        "note: \"x\\e\"\n...\n",
        "%s---\ntype: note\nt: 5\nnote: a\n...\r\n---\ntype: note\nt: 6\nnote: b\n...\r\n",
        "%s---\ntype: note\nt: 5\nnote: a\n...\n---\ntype: note\nt: 6\nnote: b\n",   /* torn */
        "%s---\ntype: note\nt: 5\nnote: a\n...\n---\ntype: note\nt: 6\n  bad: [\n...\n",
        "\xef\xbb\xbf---\ntype: start\nt: 0\nstart:\n  scenario: fixture\n...\n"
        "---\ntype: note\nt: -5\n...\n",                                        /* BOM */
    };
    char path[512];
    path_in_dir(path, sizeof path, "odd.yaml");
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        FILE *fp = fopen(path, "wb");
        assert_non_null(fp);
        /* "%s" first: the START record goes there. */
        bool with_start = strncmp(bodies[i], "%s", 2) == 0;
        if (with_start)
            fputs(start, fp);
        fputs(bodies[i] + (with_start ? 2 : 0), fp);
        fclose(fp);
        tt_error whole_err, stream_err;
        tt_error_clear(&whole_err);
        tt_error_clear(&stream_err);
        tt_journal j;
        int whole = tt_journal_read(path, &j, &whole_err);
        size_t n = 0;
        bool torn = false;
        int streamed = 0;
        tt_journal_stream *in = tt_journal_stream_open(path, &stream_err);
        assert_non_null(in);
        const tt_record *r;
        while ((streamed = tt_journal_stream_next(in, &r, &stream_err)) == 1)
            n++;
        torn = tt_journal_stream_torn(in, NULL);
        tt_journal_stream_close(in);
        if (whole == 0) {
            if (streamed != 0)
                fail_msg("case %zu: the stream refused what the whole reader read: %s", i,
                         stream_err.message);
            assert_int_equal(n, j.n_records);
            assert_int_equal(torn, j.torn);
            tt_journal_free(&j);
        } else {
            if (streamed != -1)
                fail_msg("case %zu: the stream read what the whole reader refused: %s", i,
                         whole_err.message);
            assert_string_equal(stream_err.message, whole_err.message);
            assert_int_equal(stream_err.line, whole_err.line);
            assert_int_equal(stream_err.column, whole_err.column);
        }
    }
    unlink(path);
}

/* A lone CR, NEL, U+2028 or U+2029 is a line break to libyaml: both
 * readers number lines by libyaml's rule (ydoc_line_breaks), so a later
 * record's error is placed at the same line by the stream (which reads
 * line by line, whichever way it read the records before) and by the
 * whole-journal reader, and so is a text fault found before libyaml reads
 * (invalid UTF-8). */
static void stream_and_whole_reader_count_lines_alike(void **state)
{
    (void)state;
    static const char head[] =
        "---\ntype: start\nt: 0\nstart:\n  scenario: fixture\n  seed: 1\n...\n"
        "---\ntype: note\nt: 5\nnote: \"a%sb\xe3\x81\x82\"\n...\n";
    static const char *const breaks[] = { "\r", "\xc2\x85", "\xe2\x80\xa8", "\xe2\x80\xa9",
                                          "\r\r" };
    static const struct {
        const char *tail, *message;
        int line, column;
    } tails[] = {
        { "---\ntype: note\nt: -6\n...\n", "t: '-6' is negative", 15, 4 },
        { "---\ntype: note\nt: 6\nnote: \"\xff\"\n...\n", NULL, 16, 8 },
    };
    char path[512];
    path_in_dir(path, sizeof path, "breaks.yaml");
    for (size_t i = 0; i < sizeof breaks / sizeof breaks[0]; i++)
        for (size_t t = 0; t < sizeof tails / sizeof tails[0]; t++) {
            FILE *fp = fopen(path, "wb");
            assert_non_null(fp);
            fprintf(fp, head, breaks[i]);
            fputs(tails[t].tail, fp);
            fclose(fp);
            /* libyaml's line: one more for the break ("\r\r": two more). */
            int line = tails[t].line + 1 + (i == 4);
            tt_error err, whole_err;
            tt_error_clear(&err);
            tt_error_clear(&whole_err);
            tt_journal j;
            assert_int_equal(tt_journal_read(path, &j, &whole_err), -1);
            tt_journal_stream *in = tt_journal_stream_open(path, &err);
            assert_non_null(in);
            const tt_record *r;
            int got, n = 0;
            while ((got = tt_journal_stream_next(in, &r, &err)) == 1)
                n++;
            tt_journal_stream_close(in);
            assert_int_equal(got, -1);
            assert_int_equal(n, 2);
            if (err.line != line || whole_err.line != line)
                fail_msg("break %zu, tail %zu: line %d (stream) and %d (whole), expected %d", i,
                         t, err.line, whole_err.line, line);
            assert_int_equal(err.column, tails[t].column);
            assert_int_equal(whole_err.column, tails[t].column);
            assert_string_equal(err.message, whole_err.message);
            if (tails[t].message)
                assert_string_equal(err.message, tails[t].message);
        }
    unlink(path);
}

/* A journal of `minutes` state changes (one a minute), a note every 1000. */
static void write_long_journal(const char *path, size_t minutes)
{
    tt_error err;
    tt_journal_writer *w = tt_journal_create(path, false, &err);
    assert_non_null(w);
    fixture_journal f;
    fj_init(&f, "Long");
    assert_int_equal(tt_journal_write(w, &f.j.records[0], &err), 0);
    for (size_t m = 1; m <= minutes; m++) {
        tt_kv kv = { "encrypted", { .type = TT_VAL_INT, .as.i = (int64_t)(m * 7 % 20000) } };
        tt_record r = { .type = TT_REC_STATE, .t = MIN(m), .changes = &kv, .n_changes = 1 };
        assert_int_equal(tt_journal_write(w, &r, &err), 0);
        if (m % 1000 == 0) {
            tt_record n = { .type = TT_REC_NOTE, .t = MIN(m), .role = "it", .note = "still going" };
            assert_int_equal(tt_journal_write(w, &n, &err), 0);
        }
    }
    tt_record end = { .type = TT_REC_END, .t = MIN(minutes + 1), .status = "length" };
    assert_int_equal(tt_journal_write(w, &end, &err), 0);
    assert_int_equal(tt_journal_close(w, &err), 0);
}

/* Most heap in use, above what was in use before, while the journal is
 * scored record by record. */
static size_t peak_while_streaming(const char *path, size_t *records)
{
    size_t base = heap_in_use(), peak = 0;
    tt_error err;
    tt_journal_stream *in = tt_journal_stream_open(path, &err);
    assert_non_null(in);
    const tt_record *r;
    assert_int_equal(tt_journal_stream_next(in, &r, &err), 1);
    tt_scorecard card;
    assert_int_equal(tt_scorecard_begin(&card, fixture_scenario(), r, true, path, NULL, &err), 0);
    int got;
    while ((got = tt_journal_stream_next(in, &r, &err)) == 1) {
        assert_int_equal(tt_scorecard_add(&card, r, &err), 0);
        size_t now = heap_in_use();
        if (now > base && now - base > peak)
            peak = now - base;
    }
    assert_int_equal(got, 0);
    assert_int_equal(tt_scorecard_finish(&card, false, &err), 0);
    *records = card.n_records;
    assert_true(card.ended);
    tt_scorecard_free(&card);
    tt_journal_stream_close(in);
    return peak;
}

static size_t file_size(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return (size_t)st.st_size;
}

static void scoring_memory_does_not_grow_with_the_journal(void **state)
{
    (void)state;
    char small[512], large[512];
    path_in_dir(small, sizeof small, "small.yaml");
    path_in_dir(large, sizeof large, "large.yaml");
    write_long_journal(small, 10000);
    write_long_journal(large, 80000);
    assert_true(file_size(large) >= 7 * file_size(small));
    assert_true(file_size(large) >= 4u << 20);

    size_t n_small, n_large;
    size_t peak_small = peak_while_streaming(small, &n_small);
    size_t peak_large = peak_while_streaming(large, &n_large);
    assert_true(n_large > 7 * n_small);
    print_message("heap while scoring: %zu bytes for a %zu-byte journal, %zu bytes for %zu\n",
                  peak_small, file_size(small), peak_large, file_size(large));
    /* Eight times the journal, the same memory (give or take the card's one
     * note event per 1000 minutes and arena blocks); well under a MiB. */
    if (peak_large > peak_small + 64 * 1024 || peak_large > (1u << 20))
        fail_msg("scoring %zu bytes took %zu bytes of heap, %zu bytes took %zu",
                 file_size(large), peak_large, file_size(small), peak_small);

    /* The measure sees memory: the whole journal in memory is megabytes. */
    size_t base = heap_in_use();
    tt_error err;
    tt_journal j;
    assert_int_equal(tt_journal_read(large, &j, &err), 0);
    size_t whole = heap_in_use() - base;
    tt_journal_free(&j);
    print_message("the whole %zu-byte journal in memory: %zu bytes\n", file_size(large), whole);
    if (whole < 4 * peak_large || whole < (2u << 20))
        fail_msg("the whole journal measured %zu bytes: the measure is blind", whole);
    unlink(small);
    unlink(large);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char path[512];
    path_in_dir(path, sizeof path, "run.yaml");
    unlink(path);
    return rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(streamed_card_is_the_whole_journal_card),
        cmocka_unit_test(stream_reads_as_the_whole_reader),
        cmocka_unit_test(stream_and_whole_reader_count_lines_alike),
        cmocka_unit_test(scoring_memory_does_not_grow_with_the_journal),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
