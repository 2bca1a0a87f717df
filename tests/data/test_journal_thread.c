/* The writer thread of a journal that is not durable: records reach the
 * file in order and byte for byte as an inline writer writes them, from
 * copies (the caller's strings may be gone), and what only the writing sees
 * (the cap, a full disk) is reported by the caller's next call, once, with
 * nothing after the refused record in the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <cmocka.h>

#include "journal_thread.h"
#include "sample.h"
#include "tabletop/journal.h"

static tt_journal_writer *writer(const char *path, bool threaded)
{
    tt_error err;
    journal_thread_min_cpus(threaded ? 1 : 1 << 20);
    tt_journal_writer *w = tt_journal_create(path, false, &err);
    journal_thread_min_cpus(JOURNAL_THREAD_MIN_CPUS);
    if (!w)
        fail_msg("%s: %s", path, err.message);
    return w;
}

static void assert_file_is(const char *path, const tt_buf *want)
{
    size_t len;
    char *got = sample_read_all(path, &len);
    assert_int_equal(len, want->len);
    assert_memory_equal(got, want->data, len);
    free(got);
}

/* Far more records than the queue holds, written as fast as they come:
 * the thread writes several in one write() and waits for none. */
static void many_records_reach_the_file_in_order(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("many.yaml");
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    tt_buf want = TT_BUF_INIT;
    tt_journal_writer *w = writer(path, true);
    for (int round = 0; round < 200; round++) {
        for (size_t i = 0; i < n; i++) {
            tt_record r = recs[i];
            r.t = (tt_ms)round * 1000 + (tt_ms)i;
            char *doc = tt_record_to_yaml(&r, &err);
            assert_non_null(doc);
            tt_buf_add(&want, doc);
            free(doc);
            assert_int_equal(tt_journal_write(w, &r, &err), 0);
        }
    }
    assert_int_equal(tt_journal_close(w, &err), 0);
    assert_file_is(path, &want);
    tt_buf_free(&want);
    remove(path);
}

/* What a record points to may change or be freed once the call returns. */
static void records_are_copied_before_the_call_returns(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("copied.yaml");
    tt_error err;
    tt_journal_writer *w = writer(path, true);
    tt_buf want = TT_BUF_INIT;
    for (int i = 0; i < 100; i++) {
        char *note = malloc(64);
        char *key = malloc(16);
        char *value = malloc(32);
        assert_true(note && key && value);
        snprintf(note, 64, "note %d", i);
        snprintf(key, 16, "k%d", i);
        snprintf(value, 32, "value %d", i);
        tt_kv *kv = calloc(1, sizeof *kv);
        assert_non_null(kv);
        kv->key = key;
        kv->value = (tt_value){ .type = TT_VAL_STR, .as.s = value };
        tt_text *q = calloc(1, sizeof *q);
        assert_non_null(q);
        q->ja = note;
        tt_record r = { .type = TT_REC_STATE, .t = i, .note = note, .changes = kv,
                        .n_changes = 1, .questions = q, .n_questions = 1,
                        .text = { .en = value } };
        char *doc = tt_record_to_yaml(&r, &err);
        assert_non_null(doc);
        tt_buf_add(&want, doc);
        free(doc);
        assert_int_equal(tt_journal_write(w, &r, &err), 0);
        memset(note, 'x', 63);
        memset(value, 'y', 31);
        free(note);
        free(key);
        free(value);
        free(kv);
        free(q);
    }
    assert_int_equal(tt_journal_close(w, &err), 0);
    assert_file_is(path, &want);
    tt_buf_free(&want);
    remove(path);
}

/* A START record's strings too, the history and card paths with the rest
 * (they are the caller's buffers: gone before the thread emits them). */
static void start_records_are_copied_whole(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("copied-start.yaml");
    tt_error err;
    tt_journal_writer *w = writer(path, true);
    char *s[10];
    for (size_t i = 0; i < 10; i++) {
        s[i] = malloc(32);
        assert_non_null(s[i]);
        snprintf(s[i], 32, "/field/%zu", i);
    }
    tt_start_info info = { .scenario = s[0], .hash = s[1], .path = s[2], .lang = "en",
                           .team = s[3], .date = s[4], .engine = s[5],
                           .organisation = s[6], .db = s[7], .scorecard = s[8] };
    tt_member member = { .name = s[9], .role = "lead" };
    info.members = &member;
    info.n_members = 1;
    tt_record r = { .type = TT_REC_START, .start = &info };
    char *doc = tt_record_to_yaml(&r, &err);
    assert_non_null(doc);
    tt_buf want = TT_BUF_INIT;
    tt_buf_add(&want, doc);
    free(doc);
    assert_int_equal(tt_journal_write(w, &r, &err), 0);
    for (size_t i = 0; i < 10; i++)
        memset(s[i], 'x', 31);
    assert_int_equal(tt_journal_close(w, &err), 0);
    for (size_t i = 0; i < 10; i++)
        free(s[i]);
    assert_file_is(path, &want);
    tt_buf_free(&want);
    remove(path);
}

/* Long records go to the thread before a batch's count is reached, so
 * the copies waiting stay small. */
static void long_records_are_handed_over_early(void **state)
{
    (void)state;
    const char *path = sample_tmp_path("long.yaml");
    enum { LONG = 60 * 1024, NOTES = 6 };
    char *note = malloc(LONG + 1);
    assert_non_null(note);
    memset(note, 'n', LONG);
    note[LONG] = '\0';
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    tt_journal_writer *w = writer(path, true);
    assert_int_equal(tt_journal_write(w, &recs[0], &err), 0); /* start */
    for (int i = 0; i < NOTES; i++) {
        tt_record r = { .type = TT_REC_NOTE, .t = i, .role = "r", .note = note };
        assert_int_equal(tt_journal_write(w, &r, &err), 0);
    }
    assert_true(1 + NOTES < JOURNAL_THREAD_BATCH);
    struct timespec pause = { 0, 1000000 };
    struct stat st = { 0 };
    for (int tries = 0; stat(path, &st) == 0 && st.st_size < 2 * LONG; tries++) {
        assert_true(tries < 10000); /* never handed over: waits for the 16th */
        nanosleep(&pause, NULL);
    }
    assert_int_equal(tt_journal_close(w, &err), 0);
    tt_journal j;
    if (tt_journal_read(path, &j, &err) != 0)
        fail_msg("%s", err.message);
    assert_int_equal(j.n_records, 1 + NOTES);
    assert_string_equal(j.records[NOTES].note, note);
    tt_journal_free(&j);
    free(note);
    remove(path);
}

/* The cap refuses a record whole, as inline: the file holds exactly the
 * records before it (a readable journal), the refusal is said once by a
 * later call or the close, and the writer takes nothing more. */
static void the_cap_refuses_a_record_whole(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    assert_true(n > 4);
    tt_error err;
    tt_buf want = TT_BUF_INIT;
    for (size_t i = 0; i < 3; i++) {
        char *doc = tt_record_to_yaml(&recs[i], &err);
        assert_non_null(doc);
        tt_buf_add(&want, doc);
        free(doc);
    }
    for (int threaded = 0; threaded < 2; threaded++) {
        const char *path = sample_tmp_path("cap.yaml");
        tt_journal_writer *w = writer(path, threaded);
        tt_journal_set_cap(w, want.len + 1);
        int refusals = 0;
        for (size_t i = 0; i < n && refusals == 0; i++) {
            if (tt_journal_write(w, &recs[i], &err) == 0)
                continue;
            if (!strstr(err.message, "reached its limit"))
                fail_msg("record %zu: %s", i, err.message);
            refusals++;
        }
        if (threaded && refusals == 0) {
            assert_int_equal(tt_journal_flush(w, &err), -1);
            assert_non_null(strstr(err.message, "reached its limit"));
            refusals++;
        }
        if (threaded) {
            assert_int_equal(tt_journal_write(w, &recs[0], &err), -1);
            assert_non_null(strstr(err.message, "unusable"));
        }
        assert_int_equal(refusals, 1);
        assert_int_equal(tt_journal_close(w, &err), 0);
        assert_file_is(path, &want);
        tt_journal j;
        assert_int_equal(tt_journal_read(path, &j, &err), 0);
        assert_int_equal(j.n_records, 3);
        assert_false(j.torn);
        tt_journal_free(&j);
        remove(path);
    }
    tt_buf_free(&want);
}

/* A full disk: reported by the close when no call came after the record,
 * else by the next write or hold once the thread met it. */
static void a_full_disk_is_reported_by_the_next_call(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;

    tt_journal_writer *w = writer("/dev/full", true);
    assert_int_equal(tt_journal_write(w, &recs[0], &err), 0);
    assert_int_equal(tt_journal_close(w, &err), -1);
    assert_non_null(strstr(err.message, "cannot write to the journal"));
    assert_string_equal(err.file, "/dev/full");

    /* A caller closing after a failure of its own passes no error. */
    w = writer("/dev/full", true);
    assert_int_equal(tt_journal_write(w, &recs[0], &err), 0);
    assert_int_equal(tt_journal_close(w, NULL), -1);

    w = writer("/dev/full", true);
    assert_int_equal(tt_journal_write(w, &recs[0], &err), 0);
    int calls = 0;
    while (tt_journal_write(w, &recs[1], &err) == 0)
        assert_true(++calls <= JOURNAL_THREAD_BATCH_MAX + JOURNAL_THREAD_BATCH);
    assert_non_null(strstr(err.message, "cannot write to the journal"));
    assert_int_equal(tt_journal_write(w, &recs[1], &err), -1);
    assert_non_null(strstr(err.message, "unusable"));
    assert_int_equal(tt_journal_close(w, &err), 0); /* already said */

    w = writer("/dev/full", true);
    for (size_t i = 0; i < JOURNAL_THREAD_BATCH; i++) /* the last hands them over */
        assert_int_equal(tt_journal_write(w, &recs[i % n], &err), 0);
    struct timespec pause = { 0, 1000000 };
    for (int tries = 0; tt_journal_hold(w, false, &err) == 0; tries++) {
        assert_true(tries < 10000);
        nanosleep(&pause, NULL);
    }
    assert_non_null(strstr(err.message, "cannot write to the journal"));
    assert_int_equal(tt_journal_close(w, &err), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_records_reach_the_file_in_order),
        cmocka_unit_test(records_are_copied_before_the_call_returns),
        cmocka_unit_test(start_records_are_copied_whole),
        cmocka_unit_test(long_records_are_handed_over_early),
        cmocka_unit_test(the_cap_refuses_a_record_whole),
        cmocka_unit_test(a_full_disk_is_reported_by_the_next_call),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
