/* Internal: shared by the journal writer and tests of number formatting. */
#ifndef TT_DATA_JOURNAL_EMIT_H
#define TT_DATA_JOURNAL_EMIT_H

#include <stddef.h>
#include "tabletop/journal.h"

/* Shortest text that reads back to the same double, always with '.' or 'e'
 * (".inf", "-.inf", ".nan" for the specials). */
void journal_format_number(double v, char *buf, size_t size);

/* Records as YAML documents through one libyaml emitter (a journal's
 * writer keeps one for all its records): the bytes are those of
 * tt_record_to_yaml. */
typedef struct journal_emitter journal_emitter;
journal_emitter *journal_emitter_new(void); /* NULL when out of memory */
/* The record's document, valid until the next call; NULL with err when the
 * record cannot be written (nothing of it is kept). */
const char *journal_emitter_put(journal_emitter *je, const tt_record *r, size_t *len,
                                tt_error *err);
void journal_emitter_free(journal_emitter *je);
/* What journal_emitter_put would refuse in a record (its type, times, keys,
 * a text the reader would refuse), with the same message; 0 when it can be
 * written. Cheap: nothing is emitted. */
int journal_record_check(const tt_record *r, tt_error *err);
/* Every record given to this emitter passed journal_record_check first
 * (the writer thread): it skips those checks. */
void journal_emitter_trust(journal_emitter *je);

#endif
