/* The journal file: append-only YAML, one document per record, each ended by
 * an explicit "..." so a torn last record (crash mid-write) is detected and
 * dropped by the reader. Written and read through libyaml only.
 * Format reference: docs/journal.md. */
#ifndef TABLETOP_JOURNAL_H
#define TABLETOP_JOURNAL_H

#include <stdio.h>
#include "tabletop/record.h"

typedef struct tt_journal_writer tt_journal_writer;

/* Create (truncate) a journal. `durable` = each record written and fsynced
 * before tt_journal_write returns (live drills). Otherwise (headless runs)
 * records are written in batches (every 16 records or 256 KiB, at flush
 * and at close, whose writeback is started, not waited for): by the call
 * itself, or where the process may use three CPUs or more by a thread
 * beside the caller (tt_journal_write then returns once the record is
 * checked and copied). A failure of the writing (a full disk; the cap, on
 * the thread) is reported by the call that sends the batch, or after the
 * thread failed by the next write, hold, flush or close; after it nothing
 * more is written. Failures are runtime errors (the path is the program's
 * own choice or already checked). */
tt_journal_writer *tt_journal_create(const char *path, bool durable, tt_error *err);
/* Create a journal that must not exist yet: an existing file or a symbolic
 * link there is refused and left untouched. The error's class tells whose
 * failure it is: the user's path (exists, missing directory) is input, a
 * folder that cannot be written in or a full disk is runtime. */
tt_journal_writer *tt_journal_create_new(const char *path, bool durable, tt_error *err);
/* Open an existing journal to continue it (resume): appends after the last
 * complete record, truncating a torn tail first. */
tt_journal_writer *tt_journal_append(const char *path, bool durable, tt_error *err);
/* Most bytes one journal file may hold: half of what the reader accepts
 * (512 MiB), so a capped journal, resumed or not, always reads back. */
#define TT_JOURNAL_MAX_BYTES ((size_t)256 << 20)
/* Change the cap (tests); a record that would pass it is refused with an
 * error and not written. */
void tt_journal_set_cap(tt_journal_writer *w, size_t bytes);
/* Serialise and write (and fsync when durable); not durable: hand it to the
 * writer thread (see tt_journal_create). 0 ok, -1 with err. */
int tt_journal_write(tt_journal_writer *w, const tt_record *r, tt_error *err);
/* Group commit: while held, a durable writer writes each record at once but
 * fsyncs only when released (hold false), once for all of them. Whoever
 * holds it shows nothing of those records before the release. Not durable:
 * reports a failure of the writer thread. */
int tt_journal_hold(tt_journal_writer *w, bool hold, tt_error *err);
/* Wait until every record written so far is in the file (not fsynced);
 * -1 with err when one could not be written. */
int tt_journal_flush(tt_journal_writer *w, tt_error *err);
/* Close; -1 with err if a record not reported yet, the final fsync or the
 * close failed. Always frees. */
int tt_journal_close(tt_journal_writer *w, tt_error *err);

/* Serialise one record to a malloc'd YAML document (tests, replay diffs). */
char *tt_record_to_yaml(const tt_record *r, tt_error *err);

typedef struct tt_journal {
    tt_arena arena;
    tt_record *records;
    size_t n_records;
    bool torn;        /* a torn last record was dropped */
    bool ended;       /* holds an END record */
    char warning[256];
} tt_journal;

/* Read a whole journal. A torn last record is dropped with `torn` set; any
 * other malformation is an error with file:line:column. 0 ok, -1 err. */
int tt_journal_read(const char *path, tt_journal *out, tt_error *err);
int tt_journal_read_buffer(const char *name, const char *data, size_t len,
                           tt_journal *out, tt_error *err);
void tt_journal_free(tt_journal *j);
/* Append a copy of `r` to an in-memory journal (start from a zeroed
 * tt_journal and *cap 0; free with tt_journal_free). 0 ok, -1 out of memory. */
int tt_journal_add(tt_journal *j, size_t *cap, const tt_record *r, tt_error *err);
/* Empty an in-memory journal for the next tt_journal_add, keeping its
 * record array (*cap stays valid) and one block of its arena. */
void tt_journal_clear(tt_journal *j);

/* ---- Reading record by record ----
 * The same records, checks and messages as tt_journal_read, holding one
 * record's text at a time: a journal of any size is read in bounded memory
 * (the scorer, `tabletop score`). Records are split at their "..." lines and
 * each is parsed with the reader above; a located error names the line in
 * the whole file. */
typedef struct tt_journal_stream tt_journal_stream;

/* NULL with err when the file cannot be opened or is not a regular file. */
tt_journal_stream *tt_journal_stream_open(const char *path, tt_error *err);
/* The next record: 1 with *out (valid until the next call or close), 0 at
 * the end, -1 with err on malformed input (as tt_journal_read). The first
 * record is the START record. */
int tt_journal_stream_next(tt_journal_stream *s, const tt_record **out, tt_error *err);
/* After the end: a torn last record was dropped (message in *warning). */
bool tt_journal_stream_torn(const tt_journal_stream *s, const char **warning);
void tt_journal_stream_close(tt_journal_stream *s);
/* Hand every byte read from the file, in order, to tap (set before the
 * first record is read): the file's hash taken while it is read, once the
 * stream has reached its end. */
void tt_journal_stream_tap(tt_journal_stream *s,
                           void (*tap)(void *ctx, const void *bytes, size_t n), void *ctx);

#endif
