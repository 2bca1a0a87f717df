/* One exercise as rows, for recording a scorecard and for copying results
 * between stores (sync). */
#ifndef TT_SCORE_HISTORY_RECORD_H
#define TT_SCORE_HISTORY_RECORD_H

#include "store.h"

#define STORE_EX_COLS 18      /* exercises' columns but id; the last is sync_state */
#define STORE_N_CHILDREN 5    /* objectives, phases, lessons, findings, participants */

typedef struct store_record {
    const char *ex[STORE_EX_COLS];
    struct {
        size_t n;
        const char **cells;   /* n * that table's columns (exercise_id aside) */
    } child[STORE_N_CHILDREN];
    tt_arena arena;
} store_record;

/* Borrowing the card's strings: the card must outlive the record. */
int store_record_from_card(store_record *rec, const tt_scorecard *card, const char *sync_state);
/* Read exercise `id` (decimal text) with its child rows. */
int store_record_load(tt_history *h, const char *id, store_record *rec, tt_error *err);
/* Insert in one transaction; *inserted false when the journal hash was there. */
int store_record_insert(tt_history *h, const store_record *rec, bool *inserted, tt_error *err);
void store_record_free(store_record *rec);

#endif
