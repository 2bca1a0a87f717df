/* Journal writer and reader: round trips, byte-identical output, torn
 * records at every offset, and appending after a torn tail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "journal_thread.h" /* journal_thread_min_cpus */
#include "sample.h"
#include "tabletop/journal.h"

static void write_file(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

/* Write the sample records to `path`; returns the file's bytes. */
static char *write_sample(const char *path, bool durable, size_t *len)
{
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    tt_journal_writer *w = tt_journal_create(path, durable, &err);
    assert_non_null(w);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(tt_journal_write(w, &recs[i], &err), 0);
    assert_int_equal(tt_journal_close(w, &err), 0);
    return sample_read_all(path, len);
}

static void assert_records(const tt_journal *j, size_t count)
{
    size_t n;
    const tt_record *recs = sample_records(&n);
    assert_true(count <= n);
    assert_int_equal(j->n_records, count);
    for (size_t i = 0; i < count; i++) {
        char why[64] = "";
        if (!sample_records_equal(&recs[i], &j->records[i], why, sizeof why))
            fail_msg("record %zu (%s): %s", i, tt_record_type_name(recs[i].type), why);
    }
}

static void round_trip_every_record_type(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("round.yaml");
    size_t len;
    free(write_sample(path, true, &len));
    tt_journal j;
    tt_error err;
    if (tt_journal_read(path, &j, &err) != 0)
        fail_msg("%s:%d:%d: %s", err.file, err.line, err.column, err.message);
    size_t n;
    const tt_record *recs = sample_records(&n);
    bool seen[TT_REC__COUNT] = { false };
    for (size_t i = 0; i < n; i++)
        seen[recs[i].type] = true;
    for (int t = 0; t < TT_REC__COUNT; t++)
        assert_true(seen[t]); /* the sample really covers every type */
    assert_records(&j, n);
    assert_false(j.torn);
    assert_true(j.ended);
    tt_journal_free(&j);
    remove(path);
}

static void values_keep_their_type(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    char *doc = tt_record_to_yaml(&recs[0], &err);
    assert_non_null(doc);
    /* bools and ints plain, numbers always with a '.', strings quoted */
    assert_non_null(strstr(doc, "offline_backup: true\n"));
    assert_non_null(strstr(doc, "staff: -7\n"));
    assert_non_null(strstr(doc, "budget: 2.0\n"));
    assert_non_null(strstr(doc, "region: \"true\"\n"));
    assert_non_null(strstr(doc, "ratio: 0.1\n"));
    assert_non_null(strstr(doc, "neg_zero: -0.0\n"));
    assert_non_null(strstr(doc, "label: \"12\"\n"));
    assert_non_null(strstr(doc, "seed: 18446744073709551615\n"));
    assert_true(strncmp(doc, "---", 3) == 0);
    size_t len = strlen(doc);
    assert_true(len > 4 && strcmp(doc + len - 4, "...\n") == 0);
    free(doc);
}

static void japanese_text_is_readable_and_round_trips(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    char *doc = tt_record_to_yaml(&recs[1], &err);
    assert_non_null(doc);
    /* written as UTF-8, not \u escapes */
    assert_non_null(strstr(doc, "ja: \"画面に脅迫文が表示された。\""));
    assert_non_null(strstr(doc, "誰に最初に連絡しますか？"));
    tt_journal j;
    /* a lone inject is not a journal (start must come first) ... */
    assert_int_equal(tt_journal_read_buffer("x.yaml", doc, strlen(doc), &j, &err), -1);
    assert_non_null(strstr(err.message, "first record must be 'start'"));
    free(doc);
    /* ... so read it back behind a start record */
    char *d0 = tt_record_to_yaml(&recs[0], &err);
    char *d1 = tt_record_to_yaml(&recs[1], &err);
    assert_non_null(d0);
    assert_non_null(d1);
    size_t l0 = strlen(d0), l1 = strlen(d1);
    char *both = malloc(l0 + l1 + 1);
    assert_non_null(both);
    memcpy(both, d0, l0);
    memcpy(both + l0, d1, l1 + 1);
    assert_int_equal(tt_journal_read_buffer("x.yaml", both, l0 + l1, &j, &err), 0);
    assert_int_equal(j.n_records, 2);
    assert_string_equal(j.records[1].text.ja, "画面に脅迫文が表示された。");
    assert_string_equal(j.records[1].questions[0].ja, "誰に最初に連絡しますか？");
    assert_null(j.records[1].questions[1].ja);
    assert_string_equal(j.records[0].start->team, "青チーム");
    assert_string_equal(j.records[0].start->members[0].name, "佐藤");
    tt_journal_free(&j);
    free(both);
    free(d0);
    free(d1);
}

static void same_records_give_identical_bytes(void **state)
{
    (void)state;
    const char *a = sample_tmp_path("same-a.yaml");
    size_t la, lb;
    char *da = write_sample(a, false, &la);
    char *db = write_sample(a, true, &lb);
    assert_int_equal(la, lb);
    assert_memory_equal(da, db, la);
    /* and serialising one record twice gives the same document */
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    for (size_t i = 0; i < n; i++) {
        char *x = tt_record_to_yaml(&recs[i], &err), *y = tt_record_to_yaml(&recs[i], &err);
        assert_non_null(x);
        assert_non_null(y);
        assert_string_equal(x, y);
        free(x);
        free(y);
    }
    free(da);
    free(db);
    remove(a);
}

/* Offset where the last record's document starts. */
static size_t last_record_start(const char *data, size_t len)
{
    size_t pos = 0;
    for (size_t i = 0; i + 4 <= len; i++)
        if ((i == 0 || data[i - 1] == '\n') && memcmp(data + i, "---", 3) == 0)
            pos = i;
    return pos;
}

static void torn_record_at_every_offset_is_dropped(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("torn.yaml");
    size_t len, n;
    char *data = write_sample(path, false, &len);
    sample_records(&n);
    size_t start = last_record_start(data, len);
    assert_true(start > 0 && start < len);
    for (size_t cut = start; cut <= len; cut++) {
        /* exact-size copy so ASan sees any read past the end */
        char *copy = malloc(cut ? cut : 1);
        assert_non_null(copy);
        memcpy(copy, data, cut);
        tt_journal j;
        tt_error err;
        int rc = tt_journal_read_buffer("torn.yaml", copy, cut, &j, &err);
        if (rc != 0)
            fail_msg("cut at %zu of %zu: %s:%d:%d: %s", cut, len, err.file, err.line,
                     err.column, err.message);
        if (cut == start) { /* nothing of the last record written yet */
            assert_records(&j, n - 1);
            assert_false(j.torn);
        } else if (cut >= len - 1) { /* "..." present; only the newline may be missing */
            assert_records(&j, n);
            assert_false(j.torn);
            assert_true(j.ended);
        } else {
            assert_records(&j, n - 1);
            if (!j.torn)
                fail_msg("cut at %zu of %zu: not flagged torn", cut, len);
            assert_false(j.ended);
            assert_non_null(strstr(j.warning, "cut short"));
        }
        tt_journal_free(&j);
        free(copy);
    }
    free(data);
    remove(path);
}

/* A byte order mark is skipped by libyaml without being counted; offsets of
 * record ends must still come out right. */
static void journal_with_bom_reads_and_tears(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("bom.yaml");
    size_t len, n;
    char *data = write_sample(path, false, &len);
    remove(path);
    sample_records(&n);
    char *bom = malloc(len + 3);
    assert_non_null(bom);
    memcpy(bom, "\xEF\xBB\xBF", 3);
    memcpy(bom + 3, data, len);
    size_t start = last_record_start(bom, len + 3);
    for (size_t cut = start + 1; cut < len + 2; cut++) {
        tt_journal j;
        tt_error err;
        if (tt_journal_read_buffer("bom.yaml", bom, cut, &j, &err) != 0)
            fail_msg("cut %zu: %d:%d: %s", cut, err.line, err.column, err.message);
        assert_true(j.torn);
        assert_records(&j, n - 1);
        tt_journal_free(&j);
    }
    tt_journal j;
    tt_error err;
    assert_int_equal(tt_journal_read_buffer("bom.yaml", bom, len + 3, &j, &err), 0);
    assert_records(&j, n);
    tt_journal_free(&j);
    free(bom);
    free(data);
}

/* Recipients read back as written: several (kept joined by ',') are a list
 * whatever an id's length; a single `to` holding a comma is refused (it
 * used to read as a list with an empty id, then write back differently). */
static void records_read_only_as_they_are_written(void **state)
{
    (void)state;
    size_t n;
    tt_error err;
    char *start = tt_record_to_yaml(&sample_records(&n)[0], &err);
    assert_non_null(start);
    char to[700];
    memset(to, 'a', 300);
    snprintf(to + 300, sizeof to - 300, ",%s", "boss");
    tt_record r = { .type = TT_REC_MESSAGE, .t = 60000, .from = "vendor", .to = to,
                    .text = { "x", "x" } };
    char *doc = tt_record_to_yaml(&r, &err);
    assert_non_null(doc);
    char buf[8192];
    snprintf(buf, sizeof buf, "%s%s", start, doc);
    tt_journal j;
    if (tt_journal_read_buffer("to.yaml", buf, strlen(buf), &j, &err) != 0)
        fail_msg("%s\n%s", err.message, buf);
    assert_int_equal(j.n_records, 2);
    assert_string_equal(j.records[1].to, to);
    tt_journal_free(&j);
    free(doc);
    snprintf(buf, sizeof buf, "%s%s", start,
             "---\ntype: message\nt: 60000\nfrom: \"vendor\"\n"
             "to: \"boss,\"\ntext:\n  ja: \"x\"\n  en: \"x\"\n...\n");
    assert_int_equal(tt_journal_read_buffer("comma.yaml", buf, strlen(buf), &j, &err), -1);
    assert_non_null(strstr(err.message, "is not a role id"));
    /* A speed record without its speed (read as 0, which no writer writes). */
    snprintf(buf, sizeof buf, "%s%s", start, "---\ntype: speed\nt: 60000\n...\n");
    assert_int_equal(tt_journal_read_buffer("speed.yaml", buf, strlen(buf), &j, &err), -1);
    assert_non_null(strstr(err.message, "needs its 'speed'"));
    free(start);
}

/* A crash while writing the very first record leaves no records, no error. */
static void torn_start_record_leaves_empty_journal(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    char *doc = tt_record_to_yaml(&recs[0], &err);
    assert_non_null(doc);
    size_t len = strlen(doc);
    for (size_t cut = 1; cut + 1 < len; cut++) {
        tt_journal j;
        assert_int_equal(tt_journal_read_buffer("j.yaml", doc, cut, &j, &err), 0);
        assert_int_equal(j.n_records, 0);
        assert_true(j.torn);
        tt_journal_free(&j);
    }
    free(doc);
}

static void append_cuts_a_torn_tail(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("append.yaml");
    size_t len, n;
    const tt_record *recs = sample_records(&n);
    char *data = write_sample(path, false, &len);
    size_t start = last_record_start(data, len);
    /* tear the END record half-way, then continue the journal */
    write_file(path, data, start + (len - start) / 2);
    tt_error err;
    tt_journal_writer *w = tt_journal_append(path, true, &err);
    if (!w)
        fail_msg("%s", err.message);
    assert_int_equal(tt_journal_write(w, &recs[n - 1], &err), 0);
    assert_int_equal(tt_journal_close(w, &err), 0);
    size_t len2;
    char *data2 = sample_read_all(path, &len2);
    assert_int_equal(len2, len);
    assert_memory_equal(data2, data, len); /* exactly as if never torn */
    free(data2);

    /* a record whose "..." lacks only its newline stays, and gets one */
    write_file(path, data, start - 1);
    w = tt_journal_append(path, false, &err);
    assert_non_null(w);
    assert_int_equal(tt_journal_write(w, &recs[n - 1], &err), 0);
    assert_int_equal(tt_journal_close(w, &err), 0);
    data2 = sample_read_all(path, &len2);
    assert_int_equal(len2, len);
    assert_memory_equal(data2, data, len);
    free(data2);

    tt_journal j;
    assert_int_equal(tt_journal_read(path, &j, &err), 0);
    assert_records(&j, n);
    tt_journal_free(&j);
    free(data);
    remove(path);
}

static void append_refuses_a_malformed_journal(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("bad.yaml");
    size_t len;
    char *data = write_sample(path, false, &len);
    /* damage a record in the middle: it is complete, so this is an error */
    char *p = strstr(data, "type: message");
    assert_non_null(p);
    memcpy(p, "type: massage", 13);
    write_file(path, data, len);
    tt_error err;
    assert_null(tt_journal_append(path, false, &err));
    assert_non_null(strstr(err.message, "unknown record type 'massage'"));
    assert_true(err.line > 1);
    assert_int_equal(err.column, 7);
    free(data);
    remove(path);
    assert_null(tt_journal_append(path, false, &err)); /* missing file */
    assert_non_null(strstr(err.message, "cannot open"));
}

static void malformed_records_are_located_errors(void **state)
{
    (void)state;
    static const char head[] = "--- \ntype: start\nt: 0\nstart:\n  scenario: \"x\"\n...\n";
    static const struct { const char *body; const char *msg; int line, col; } bad[] = {
        { "--- \ntype: note\nt: -5\n...\n", "t: '-5' is negative", 9, 4 },
        { "--- \ntype: note\nt: soon\n...\n", "t: 'soon' is not an integer", 9, 4 },
        { "--- \ntype: nope\nt: 1\n...\n", "unknown record type 'nope'", 8, 7 },
        { "--- \ntype: note\nt: 1\ncolour: red\n...\n", "unknown key 'colour'", 10, 1 },
        { "--- \nt: 1\n...\n", "has no 'type'", 8, 1 },
        { "--- \ntype: note\nt: 1\nt: 2\n...\n", "duplicate key 't'", 10, 1 },
        { "--- \ntype: note\nt: 1\nnote: &a \"x\"\n...\n", "anchors", 10, 7 },
        { "--- \ntype: note\nt: 1\nnote: *a\n...\n", "aliases", 10, 7 },
        { "--- \ntype: state\nt: 1\nchanges: [1, 2]\n...\n", "changes: expected a mapping", 10, 10 },
        { "--- \ntype: note\nt: 1\n--- \ntype: note\nt: 2\n...\n", "not closed by '...'", 7, 1 },
        { "--- \ntype: note\nt: \"1\n...\n--- \ntype: note\nt: 2\n...\n", "syntax error", 10, 1 },
        { "--- \ntype: note\nt: 1\nnote: \"\xff\"\n...\n", "not valid UTF-8", 10, 8 },
        { "--- \ntype: state\nt: 1\nchanges:\n  x: ~\n...\n", "changes.x: needs a value", 11, 6 },
        { "--- \ntype: note\nt: 1\nstart: {scenario: \"x\"}\n...\n", "only a start record", 10, 8 },
        { "--- \ntype: note\nt: 9223372036854775807\n...\n", "more than 3650 days", 9, 4 },
        { "--- \ntype: action\nt: 1\nuntil: 315360000001\n...\n", "more than 3650 days", 10, 8 },
        { "--- \ntype: speed\nt: 1\nspeed: .inf\n...\n", "not a clock speed", 10, 8 },
        { "--- \ntype: speed\nt: 1\nspeed: .nan\n...\n", "not a clock speed", 10, 8 },
        { "--- \ntype: speed\nt: 1\nspeed: -2.0\n...\n", "not a clock speed", 10, 8 },
        { "--- \ntype: speed\nt: 1\nspeed: 0.0\n...\n", "not a clock speed", 10, 8 },
        /* Paths of fields are made only for the message: still named. */
        { "--- \ntype: note\nt: 1\nid: [1]\n...\n", "id: expected a scalar", 10, 5 },
        { "--- \ntype: note\nt: 1\nto: {a: 1}\n...\n", "to: expected a scalar", 10, 5 },
        { "--- \ntype: note\nt: 1\nwall: x\n...\n", "wall: 'x' is not an integer", 10, 7 },
        { "--- \ntype: state\nt: 1\nchanges:\n  a: 1\n  x: [1]\n...\n",
          "changes.x: expected a scalar", 12, 6 },
        { "--- \ntype: state\nt: 1\nchanges:\n  y: 99999999999999999999\n...\n",
          "changes.y: '99999999999999999999' is out of range", 11, 6 },
        { "--- \ntype: note\nt: 1\nzz: 1\nid: \"a\"\n...\n", "unknown key 'zz'", 10, 1 },
        /* Escapes are read in double-quoted text only; other styles hold
         * the raw text, which is checked before parsing. */
        { "--- \ntype: note\nt: 1\nnote: \"a\\eb\"\n...\n", "control character U+001B", 10, 7 },
        { "--- \ntype: note\nt: 1\nnote: 'a\x7f'\n...\n", "U+007F", 10, 9 },
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        char buf[512];
        int len = snprintf(buf, sizeof buf, "%s%s", head, bad[i].body);
        tt_journal j;
        tt_error err;
        int rc = tt_journal_read_buffer("j.yaml", buf, (size_t)len, &j, &err);
        if (rc != -1)
            fail_msg("case %zu: accepted (torn=%d)", i, j.torn);
        if (!strstr(err.message, bad[i].msg) || err.line != bad[i].line ||
            err.column != bad[i].col)
            fail_msg("case %zu: got %s:%d:%d: %s", i, err.file, err.line, err.column,
                     err.message);
        assert_string_equal(err.file, "j.yaml");
    }
    /* The start's language is one the program speaks, said at the value. */
    static const char fr[] = "--- \ntype: start\nt: 0\nstart:\n  scenario: \"x\"\n"
                             "  lang: \"fr\"\n...\n";
    tt_journal j;
    tt_error err;
    assert_int_equal(tt_journal_read_buffer("j.yaml", fr, sizeof fr - 1, &j, &err), -1);
    assert_non_null(strstr(err.message, "language 'fr' is not ja or en"));
    assert_int_equal(err.line, 6);
    assert_int_equal(err.column, 9);
    char ja[sizeof fr];
    memcpy(ja, fr, sizeof fr);
    memcpy(strstr(ja, "\"fr\"") + 1, "ja", 2);
    assert_int_equal(tt_journal_read_buffer("j.yaml", ja, sizeof ja - 1, &j, &err), 0);
    tt_journal_free(&j);
}

/* The writer refuses what the reader would refuse, so a journal it writes is
 * always readable. */
static void writer_refuses_unreadable_records(void **state)
{
    (void)state;
    tt_kv dup[] = { { "a", { .type = TT_VAL_INT, .as.i = 1 } },
                    { "a", { .type = TT_VAL_INT, .as.i = 2 } } };
    tt_kv nan_kv[] = { { "x", { .type = TT_VAL_NUM, .as.n = NAN } } };
    tt_start_info start = { .scenario = "s" };
    static const struct { tt_record r; const char *msg; } bad[] = {
        { { .type = TT_REC_NOTE, .t = -1 }, "cannot write a note record: a time is negative" },
        { { .type = TT_REC_NOTE, .t = INT64_MAX }, "a time is more than 3650 days" },
        { { .type = TT_REC_SPEED, .t = 1, .speed = 0 }, "the speed is not a clock speed" },
        { { .type = TT_REC_SPEED, .t = 1, .speed = INFINITY }, "the speed is not a clock speed" },
        { { .type = TT_REC_START }, "a start record needs its start information" },
        { { .type = TT_REC__COUNT }, "unknown type" },
        { { .type = TT_REC_NOTE, .note = "bad \xff text" }, "not valid UTF-8" },
    };
    tt_error err;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        assert_null(tt_record_to_yaml(&bad[i].r, &err));
        if (!strstr(err.message, bad[i].msg))
            fail_msg("case %zu: %s", i, err.message);
    }
    tt_record r = { .type = TT_REC_STATE, .changes = dup, .n_changes = 2 };
    assert_null(tt_record_to_yaml(&r, &err));
    assert_string_equal(err.message, "cannot write a state record: changes has the key 'a' twice");
    r.changes = nan_kv;
    r.n_changes = 1;
    assert_null(tt_record_to_yaml(&r, &err));
    assert_non_null(strstr(err.message, "changes.x is not a number (NaN)"));
    r = (tt_record){ .type = TT_REC_NOTE, .start = &start };
    assert_null(tt_record_to_yaml(&r, &err));
    assert_non_null(strstr(err.message, "only a start record"));
}

/* A writer keeps one emitter for all its records: the file holds, byte for
 * byte, each record's own document, also when records it refused (one
 * failing inside its document: a bad text after good fields) came between.
 * Refusals come from the call itself with the emitter's own message, with
 * or without the writer thread; a durable writer has each record in the
 * file when the call returns, the others (inline or threaded) after a flush. */
typedef enum { DURABLE, INLINE, THREADED } writer_kind;

static void writes_each_records_own_document(writer_kind kind)
{
    const char *path = sample_tmp_path("one-emitter.yaml");
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_record bad_text = { .type = TT_REC_NOTE, .t = 5, .role = "ok", .note = "bad \x01 text" };
    tt_record bad_utf8 = { .type = TT_REC_NOTE, .t = 5, .note = "bad \xff text" };
    tt_record bad_time = { .type = TT_REC_NOTE, .t = -1 };
    const tt_record *refused[] = { &bad_text, &bad_utf8, &bad_time };
    tt_error err, said;
    journal_thread_min_cpus(kind == INLINE ? 1 << 20 : 1); /* durable: never threaded */
    tt_journal_writer *w = tt_journal_create(path, kind == DURABLE, &err);
    journal_thread_min_cpus(JOURNAL_THREAD_MIN_CPUS);
    assert_non_null(w);
    tt_buf want = TT_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        char *doc = tt_record_to_yaml(&recs[i], &err);
        assert_non_null(doc);
        tt_buf_add(&want, doc);
        free(doc);
        assert_int_equal(tt_journal_write(w, &recs[i], &err), 0);
        if (kind != DURABLE)
            assert_int_equal(tt_journal_flush(w, &err), 0);
        size_t len;
        char *got = sample_read_all(path, &len);
        assert_int_equal(len, want.len);
        assert_memory_equal(got, want.data, len);
        free(got);
        if (i % 2 == 0) {
            const tt_record *bad = refused[i % 3];
            assert_null(tt_record_to_yaml(bad, &said));
            assert_int_equal(tt_journal_write(w, bad, &err), -1);
            assert_string_equal(err.message, said.message);
            assert_int_equal(err.cls, said.cls);
        }
    }
    assert_int_equal(tt_journal_close(w, &err), 0);
    size_t len;
    char *got = sample_read_all(path, &len);
    assert_int_equal(len, want.len);
    assert_memory_equal(got, want.data, len);
    free(got);
    tt_buf_free(&want);
    remove(path);
}

static void one_writer_writes_each_records_own_document(void **state)
{
    (void)state;
    writes_each_records_own_document(DURABLE);
    writes_each_records_own_document(INLINE);
    writes_each_records_own_document(THREADED);
}

/* A journal that is not durable writes its records in batches: the write
 * that sends a batch (inline: the 16th record's) or the next call after
 * the thread failed (here the flush) says so, once; afterwards the writer
 * is unusable either way. */
static void write_errors_stop_the_writer(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    for (int threaded = 0; threaded < 2; threaded++) {
        journal_thread_min_cpus(threaded ? 1 : 1 << 20);
        tt_journal_writer *w = tt_journal_create("/dev/full", false, &err);
        journal_thread_min_cpus(JOURNAL_THREAD_MIN_CPUS);
        if (!w)
            fail_msg("cannot open /dev/full: %s", err.message);
        if (threaded) {
            assert_int_equal(tt_journal_write(w, &recs[0], &err), 0);
            assert_int_equal(tt_journal_flush(w, &err), -1);
        } else {
            for (int i = 0; i < 15; i++)
                assert_int_equal(tt_journal_write(w, &recs[i % n], &err), 0);
            assert_int_equal(tt_journal_write(w, &recs[0], &err), -1);
        }
        assert_non_null(strstr(err.message, "cannot write to the journal"));
        assert_string_equal(err.file, "/dev/full");
        assert_int_equal(tt_journal_write(w, &recs[1], &err), -1);
        assert_non_null(strstr(err.message, "unusable"));
        tt_journal_close(w, &err);
    }
    /* Durable: the write that fails says so. */
    tt_journal_writer *w = tt_journal_create("/dev/full", true, &err);
    if (!w)
        fail_msg("cannot open /dev/full: %s", err.message);
    assert_int_equal(tt_journal_write(w, &recs[0], &err), -1);
    assert_non_null(strstr(err.message, "cannot write to the journal"));
    tt_journal_close(w, &err);
    assert_null(tt_journal_create("/no/such/dir/j.yaml", true, &err));
    assert_non_null(strstr(err.message, "cannot create the journal"));
    assert_string_equal(err.file, "/no/such/dir/j.yaml");
}

static void empty_journal_reads_as_no_records(void **state)
{
    (void)state;
    tt_journal j;
    tt_error err;
    assert_int_equal(tt_journal_read_buffer("e.yaml", "", 0, &j, &err), 0);
    assert_int_equal(j.n_records, 0);
    assert_false(j.torn);
    tt_journal_free(&j);
}

static void record_type_names_and_inputs(void **state)
{
    (void)state;
    for (int t = 0; t < TT_REC__COUNT; t++) {
        tt_record_type back;
        assert_true(tt_record_type_parse(tt_record_type_name((tt_record_type)t), &back));
        assert_int_equal(back, t);
    }
    tt_record_type x;
    assert_false(tt_record_type_parse("Start", &x));
    assert_false(tt_record_type_parse(NULL, &x));
    assert_string_equal(tt_record_type_name(TT_REC_OBJECTIVE), "objective");
    tt_record r = { .type = TT_REC_ACTION };
    assert_true(tt_record_is_input(&r));
    r.type = TT_REC_STATE;
    assert_false(tt_record_is_input(&r));
    r.type = TT_REC_END;
    assert_false(tt_record_is_input(&r));
    r.status = "length";
    assert_false(tt_record_is_input(&r));
    r.status = "facilitator";
    assert_true(tt_record_is_input(&r));
    static const tt_record_type inputs[] = { TT_REC_NOTE, TT_REC_CUSTOM, TT_REC_PAUSE,
                                             TT_REC_RESUME, TT_REC_SPEED, TT_REC_REFUSED };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        tt_record in = { .type = inputs[i] };
        assert_true(tt_record_is_input(&in));
    }
    static const tt_record_type engine[] = { TT_REC_START, TT_REC_INJECT, TT_REC_MESSAGE,
                                             TT_REC_DONE, TT_REC_OBJECTIVE };
    for (size_t i = 0; i < sizeof engine / sizeof engine[0]; i++) {
        tt_record in = { .type = engine[i] };
        assert_false(tt_record_is_input(&in));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip_every_record_type),
        cmocka_unit_test(values_keep_their_type),
        cmocka_unit_test(japanese_text_is_readable_and_round_trips),
        cmocka_unit_test(same_records_give_identical_bytes),
        cmocka_unit_test(torn_record_at_every_offset_is_dropped),
        cmocka_unit_test(torn_start_record_leaves_empty_journal),
        cmocka_unit_test(journal_with_bom_reads_and_tears),
        cmocka_unit_test(append_cuts_a_torn_tail),
        cmocka_unit_test(append_refuses_a_malformed_journal),
        cmocka_unit_test(malformed_records_are_located_errors),
        cmocka_unit_test(writer_refuses_unreadable_records),
        cmocka_unit_test(one_writer_writes_each_records_own_document),
        cmocka_unit_test(write_errors_stop_the_writer),
        cmocka_unit_test(empty_journal_reads_as_no_records),
        cmocka_unit_test(record_type_names_and_inputs),
        cmocka_unit_test(records_read_only_as_they_are_written),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
