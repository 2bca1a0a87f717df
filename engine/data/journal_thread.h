/* Internal: a journal's writer thread (journal_writer.c starts one for a
 * journal that is not durable). The caller's tt_journal_write checks the
 * record and copies it into a batch; a full batch (or a flush, a close)
 * goes to the thread, which emits its records in order with one libyaml
 * emitter and writes them in one write(). A failure on the thread (the
 * cap, a write error) stops it writing and is reported by the caller's
 * next call. */
#ifndef TT_DATA_JOURNAL_THREAD_H
#define TT_DATA_JOURNAL_THREAD_H

#include <stddef.h>
#include "tabletop/journal.h"

typedef struct journal_thread journal_thread;

/* Records the caller gathers before handing them to the thread at once:
 * each hand-over wakes the thread (two context switches and a futex call,
 * measured to cost more CPU per record than the write() it saves). A full
 * batch, a flush and a close hand over; nothing waits on a timer. */
#define JOURNAL_THREAD_BATCH 16
/* A batch holding this much (long texts) is handed over however few
 * records it holds, so the copies stay small beside what inline writing
 * held. */
#define JOURNAL_THREAD_BATCH_BYTES ((size_t)256 << 10)
/* While the thread still writes the previous batch, the caller goes on
 * filling its own (no wait, no context switch) up to this many records
 * and four times those bytes. */
#define JOURNAL_THREAD_BATCH_MAX 1024

/* A thread writing to fd (bytes already in the file, the cap), or NULL
 * when none is started: the process may use one CPU only, or the thread
 * could not be made. The caller then writes inline. `path` is for
 * messages and must outlive the thread. */
journal_thread *journal_thread_start(int fd, const char *path, size_t bytes, size_t cap);
/* Check r (the emitter's checks, same messages), copy and queue it. -1 with
 * err when r is refused, or when an earlier record failed on the thread
 * (its error, once; afterwards "unusable"). Waits only when a batch of
 * JOURNAL_THREAD_BATCH_MAX finds the thread still writing the previous one. */
int journal_thread_write(journal_thread *t, const tt_record *r, tt_error *err);
/* Wait until every queued record is in the file; -1 with a failure not
 * reported yet (also when it happened before). */
int journal_thread_flush(journal_thread *t, tt_error *err);
/* Report a failure of the thread not reported yet, without waiting. */
int journal_thread_check(journal_thread *t, tt_error *err);
void journal_thread_set_cap(journal_thread *t, size_t cap);
/* Write what is queued, end the thread, free it. *wrote: bytes went to
 * the file (the close's writeback or fsync is due). -1 with a failure not reported yet. */
int journal_thread_stop(journal_thread *t, bool *wrote, tt_error *err);
/* A process that may use fewer CPUs than this writes inline: on two CPUs
 * the thread measured no faster than writing inline (journal_thread.c). */
#define JOURNAL_THREAD_MIN_CPUS 3
/* Tests: fewer CPUs than n means no thread (default JOURNAL_THREAD_MIN_CPUS). */
void journal_thread_min_cpus(int n);

#endif
