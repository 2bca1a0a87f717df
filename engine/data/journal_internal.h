/* Internal: the reader's entry point that also says where the last complete
 * record ends, so tt_journal_append can cut a torn tail there. */
#ifndef TT_DATA_JOURNAL_INTERNAL_H
#define TT_DATA_JOURNAL_INTERNAL_H

/* Longest simulated time a journal may hold: 3650 days, as for durations. */
#define TT_JOURNAL_MAX_MS ((int64_t)3650 * 86400000)

#include "tabletop/journal.h"
#include "ydoc.h"

int journal_parse(const char *name, const char *data, size_t len,
                  tt_journal *out, size_t *complete_end, tt_error *err);
/* The same for a part of a journal after its first (tt_journal_stream):
 * `continuing` parts start with JOURNAL_PART_PREFIX, an empty record closed
 * by "...", which puts the parser where it is after the previous part's
 * "..." line (skipped, not returned). `need_start`: the first record read
 * must be START (no record was read before). */
#define JOURNAL_PART_PREFIX "---\n...\n"
#define JOURNAL_PART_PREFIX_LINES 2
/* A record in its place: one START, first (every reader); with check_time
 * also its time not before the last one's (the scorer's stream: a card
 * from a journal whose clock goes back would be nonsense, while replay
 * reports such a journal as differing from its re-run). False with the
 * message at line:column of the record. */
bool journal_record_in_order(const char *name, size_t index, tt_ms prev_t, bool check_time,
                             const tt_record *r, int line, int column, tt_error *err);

int journal_parse_part(const char *name, const char *data, size_t len, bool continuing,
                       bool need_start, tt_journal *out, size_t *complete_end, tt_error *err);
/* The next record of a journal stream from a parser kept across its parts
 * (journal_stream.c), fed the part's text without the prefix. 1 = *r
 * built in `arena` with the document's tree, whose strings it shares; 0 = not here: the
 * part must go through journal_parse_part, which accepts or refuses it and
 * says why (nothing is reported here). `end_index`: libyaml's character
 * index of the part's last line (its "..." line) in the whole stream. */
int journal_parse_kept(yreader *yr, const char *name, size_t end_index, bool need_start,
                       tt_arena *arena, tt_record *r);
/* A line (p..end, no newline) that closes a record: "..." then blanks or a
 * comment. */
bool journal_is_end_marker_line(const char *p, const char *end);

/* A deep copy of r in `a` (its strings, texts, lists, start info): what a
 * record points to may be gone once its writer returns. 0 ok, -1 out of
 * memory (part of it may be in `a`). */
/* write() all of buf, again after EINTR; 0 ok, -1 with errno. */
int journal_write_all(int fd, const char *buf, size_t len);
int journal_record_copy(tt_arena *a, const tt_record *r, tt_record *out);

#endif
