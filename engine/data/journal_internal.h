/* Internal: the reader's entry point that also says where the last complete
 * record ends, so tt_journal_append can cut a torn tail there. */
#ifndef TT_DATA_JOURNAL_INTERNAL_H
#define TT_DATA_JOURNAL_INTERNAL_H

/* Longest simulated time a journal may hold: 3650 days, as for durations. */
#define TT_JOURNAL_MAX_MS ((int64_t)3650 * 86400000)

#include "tabletop/journal.h"

int journal_parse(const char *name, const char *data, size_t len,
                  tt_journal *out, size_t *complete_end, tt_error *err);

#endif
