/* A journal's writer thread. libyaml's emitter and the write() of each
 * record were a fifth of a headless run; a journal that is not durable
 * needs neither before tt_journal_write returns, only in order, so they
 * run beside the exercise. The caller does what decides whether a record
 * is accepted and is cheap (the emitter's checks, with its messages) and
 * copies the record into its batch (its strings may be gone when the call
 * returns); a full batch goes to the thread, which emits its records in
 * order and writes them in one write() while the caller fills the other.
 * What only the thread can see (the cap, a write error) stops it: nothing
 * after that record reaches the file, so the file holds exactly what an
 * inline writer would have written before refusing, and the caller's next
 * call reports it. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "journal_thread.h"
#include "journal_emit.h"
#include "journal_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/terms.h"


/* Copies of records (their strings in the arena), oldest first. */
typedef struct batch {
    tt_arena arena;
    tt_record *recs;
    size_t n, cap;
} batch;

struct journal_thread {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t work;    /* the thread waits: a batch handed over, or closing */
    pthread_cond_t room;    /* callers wait: the thread gave its batch back */
    batch batches[2];
    batch *fill;            /* the caller's */
    /* Under mu. */
    batch *handed;          /* for the thread, not taken yet */
    batch *spare;           /* written and given back: the caller's next */
    bool busy;              /* the thread holds a batch it has not written */
    bool closing;
    size_t cap;
    bool reported;          /* error was given to a caller */
    bool wrote;             /* bytes went to the file since it opened */
    atomic_bool failed;     /* the thread stopped at a record (error); set under mu */
    tt_error error;         /* written by the thread before failed is set */
    /* The thread's own. */
    int fd;
    const char *path;
    size_t bytes;           /* in the file */
    journal_emitter *emitter;
    tt_buf out;             /* a batch's documents for one write() */
};

static int min_cpus = JOURNAL_THREAD_MIN_CPUS;

void journal_thread_min_cpus(int n)
{
    min_cpus = n;
}

/* Emit a batch's records in order and write them in one write(); false
 * with *e at the first failure (what came before it is written). */
static bool write_batch(journal_thread *t, const batch *b, size_t cap, bool *wrote, tt_error *e)
{
    bool ok = true;
    const char *out = NULL;
    size_t out_len = 0;
    t->out.len = 0;
    for (size_t i = 0; i < b->n; i++) {
        size_t len = 0;
        const char *doc = journal_emitter_put(t->emitter, &b->recs[i], &len, e);
        if (!doc) {
            ok = false;
            break;
        }
        size_t in_file = t->bytes + out_len;
        if (len > cap - (in_file < cap ? in_file : cap)) {
            /* Refused whole: what is in the file stays a readable journal. */
            tt_error_set(e, t->path, 0, 0, TT_MSG(E_JW_LIMIT_FMT), cap >> 20);
            ok = false;
            break;
        }
        if (b->n == 1) { /* written from the emitter's own buffer */
            out = doc;
            out_len = len;
            break;
        }
        if (!tt_buf_addn(&t->out, doc, len)) {
            tt_error_oom(e, t->path);
            ok = false;
            break;
        }
        out = t->out.data;
        out_len = t->out.len;
    }
    if (out_len > 0) {
        /* Those before a refused record go out first, as inline. */
        if (journal_write_all(t->fd, out, out_len) != 0) {
            tt_error_runtime(e, t->path, TT_MSG(E_JW_CANNOT_WRITE_FMT), tt_os_error(errno));
            return false;
        }
        t->bytes += out_len;
        *wrote = true;
    }
    return ok;
}

static void *writer_main(void *arg)
{
    journal_thread *t = arg;
    pthread_mutex_lock(&t->mu);
    for (;;) {
        while (!t->handed && !t->closing)
            pthread_cond_wait(&t->work, &t->mu);
        if (!t->handed)
            break; /* closing, and all written */
        batch *b = t->handed;
        t->handed = NULL;
        t->busy = true;
        size_t cap = t->cap;
        bool stopped = atomic_load(&t->failed);
        pthread_mutex_unlock(&t->mu);

        /* t->error is read by callers only once failed is set. */
        bool wrote = false;
        bool ok = stopped || write_batch(t, b, cap, &wrote, &t->error);

        pthread_mutex_lock(&t->mu);
        if (wrote)
            t->wrote = true;
        if (!ok)
            atomic_store(&t->failed, true);
        t->spare = b;
        t->busy = false;
        pthread_cond_signal(&t->room);
    }
    pthread_mutex_unlock(&t->mu);
    return NULL;
}

/* Under mu: an error of the thread for the caller, true when there is one. */
static bool take_failure(journal_thread *t, tt_error *err)
{
    if (!atomic_load(&t->failed))
        return false;
    if (!t->reported) {
        t->reported = true;
        if (err)
            *err = t->error;
    } else if (err) {
        tt_error_runtime(err, t->path, TT_MSG(E_JW_UNUSABLE));
    }
    return true;
}

/* Under mu: give the caller's batch to the thread (once it gave the other
 * back) and take the other; the caller wakes the thread after unlocking
 * (woken under the lock, it would only wait for it). False when the
 * thread failed (the batch is dropped: nothing after a refused record is
 * written). */
static bool hand_over(journal_thread *t)
{
    while (!t->spare && !atomic_load(&t->failed))
        pthread_cond_wait(&t->room, &t->mu);
    if (atomic_load(&t->failed))
        return false;
    t->handed = t->fill;
    t->fill = t->spare;
    t->spare = NULL;
    return true;
}

static void batch_empty(batch *b)
{
    tt_arena_reset(&b->arena);
    b->n = 0;
}

int journal_thread_write(journal_thread *t, const tt_record *r, tt_error *err)
{
    if (atomic_load_explicit(&t->failed, memory_order_relaxed)) {
        pthread_mutex_lock(&t->mu);
        take_failure(t, err);
        pthread_mutex_unlock(&t->mu);
        return -1;
    }
    if (journal_record_check(r, err) != 0)
        return -1;
    batch *b = t->fill;
    if (!tt_grow(&b->recs, &b->cap, b->n + 1, sizeof *b->recs) ||
        journal_record_copy(&b->arena, r, &b->recs[b->n]) != 0) {
        tt_error_oom(err, t->path);
        return -1;
    }
    size_t held = tt_arena_size(&b->arena);
    if (++b->n < JOURNAL_THREAD_BATCH && held < JOURNAL_THREAD_BATCH_BYTES)
        return 0;
    pthread_mutex_lock(&t->mu);
    /* The thread still writes the last batch (a busy machine): fill on
     * rather than wait, up to a bound. */
    if (!t->spare && b->n < JOURNAL_THREAD_BATCH_MAX && held < 4 * JOURNAL_THREAD_BATCH_BYTES &&
        !atomic_load(&t->failed)) {
        pthread_mutex_unlock(&t->mu);
        return 0;
    }
    bool ok = hand_over(t);
    if (!ok)
        take_failure(t, err);
    pthread_mutex_unlock(&t->mu);
    if (ok)
        pthread_cond_signal(&t->work);
    batch_empty(t->fill);
    return ok ? 0 : -1;
}

int journal_thread_flush(journal_thread *t, tt_error *err)
{
    pthread_mutex_lock(&t->mu);
    bool handed = t->fill->n > 0 && hand_over(t);
    if (handed)
        pthread_cond_signal(&t->work);
    while ((t->handed || t->busy) && !atomic_load(&t->failed))
        pthread_cond_wait(&t->room, &t->mu);
    int rc = take_failure(t, err) ? -1 : 0;
    pthread_mutex_unlock(&t->mu);
    if (handed || rc != 0)
        batch_empty(t->fill);
    return rc;
}

int journal_thread_check(journal_thread *t, tt_error *err)
{
    if (!atomic_load(&t->failed))
        return 0;
    pthread_mutex_lock(&t->mu);
    int rc = take_failure(t, err) ? -1 : 0;
    pthread_mutex_unlock(&t->mu);
    return rc;
}

void journal_thread_set_cap(journal_thread *t, size_t cap)
{
    pthread_mutex_lock(&t->mu);
    t->cap = cap;
    pthread_mutex_unlock(&t->mu);
}

static void thread_free(journal_thread *t)
{
    for (size_t i = 0; i < 2; i++) {
        tt_arena_free(&t->batches[i].arena);
        free(t->batches[i].recs);
    }
    journal_emitter_free(t->emitter);
    tt_buf_free(&t->out);
    pthread_cond_destroy(&t->room);
    pthread_cond_destroy(&t->work);
    pthread_mutex_destroy(&t->mu);
    free(t);
}

int journal_thread_stop(journal_thread *t, bool *wrote, tt_error *err)
{
    pthread_mutex_lock(&t->mu);
    if (t->fill->n > 0)
        hand_over(t);
    t->closing = true;
    pthread_cond_signal(&t->work);
    pthread_mutex_unlock(&t->mu);
    pthread_join(t->thread, NULL);
    /* Joined: everything the thread did is seen here. */
    *wrote = t->wrote;
    int rc = atomic_load(&t->failed) && !t->reported ? -1 : 0;
    if (rc != 0 && err) /* callers closing after a failure of their own pass none */
        *err = t->error;
    thread_free(t);
    return rc;
}

journal_thread *journal_thread_start(int fd, const char *path, size_t bytes, size_t cap)
{
    /* On one CPU the thread cannot run beside the exercise: it would only
     * add its own cost (a thread, the hand-over, locked malloc). On two it
     * did not pay either (bench_process A/B, 28 Nov: run mail-form-flood
     * 3.13x wall / 3.30x CPU threaded against 2.97x / 3.07x inline, mean
     * of three rounds each): the other CPU is rarely free enough. */
    cpu_set_t cpus;
    if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) < min_cpus)
        return NULL;
    journal_thread *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    if (pthread_mutex_init(&t->mu, NULL) != 0) {
        free(t);
        return NULL;
    }
    if (pthread_cond_init(&t->work, NULL) != 0) {
        pthread_mutex_destroy(&t->mu);
        free(t);
        return NULL;
    }
    if (pthread_cond_init(&t->room, NULL) != 0) {
        pthread_cond_destroy(&t->work);
        pthread_mutex_destroy(&t->mu);
        free(t);
        return NULL;
    }
    t->fd = fd;
    t->path = path;
    t->bytes = bytes;
    t->cap = cap;
    t->out = (tt_buf)TT_BUF_INIT;
    t->fill = &t->batches[0];
    t->spare = &t->batches[1];
    atomic_init(&t->failed, false);
    t->emitter = journal_emitter_new();
    if (!t->emitter) {
        thread_free(t);
        return NULL;
    }
    journal_emitter_trust(t->emitter);
    /* Signals stay with the caller's thread (a terminal drill's handlers). */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    int rc = pthread_create(&t->thread, NULL, writer_main, t);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc != 0) {
        thread_free(t);
        return NULL;
    }
    return t;
}
