/* Sending results kept on a drill machine ("pending": the central server
 * was unreachable when the drill ended) to the central store. Each result
 * goes in one central transaction keyed by its journal's SHA-256, and only
 * then is marked "sent" here: a crash between the two leaves a result that
 * the next sync finds already there and only marks. */
#include "tabletop/results.h"

#include "history_record.h"

#include <stdlib.h>
#include <string.h>

long tt_sync_count_pending(tt_history *local, tt_error *err)
{
    store_rows r;
    if (local->ops->exec(local, "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'",
                         0, NULL, &r, err) != 0)
        return -1;
    long n = r.n == 1 && store_cell(&r, 0, 0) ? atol(store_cell(&r, 0, 0)) : 0;
    store_rows_free(&r);
    return n;
}

static int mark_sent(tt_history *local, const char *id, tt_error *err)
{
    store_param p = { .text = id };
    if (local->ops->begin(local, err) != 0)
        return -1;
    if (local->ops->exec(local, "UPDATE exercises SET sync_state = 'sent' WHERE id = $1",
                         1, &p, NULL, err) != 0) {
        local->ops->rollback(local);
        return -1;
    }
    return local->ops->commit(local, err);
}

int tt_sync_pending(tt_history *local, tt_history *central, tt_sync_progress progress,
                    void *ctx, tt_sync_stats *stats, tt_error *err)
{
    tt_sync_stats dummy;
    if (!stats)
        stats = &dummy;
    memset(stats, 0, sizeof *stats);
    store_rows ids;
    if (local->ops->exec(local, "SELECT id FROM exercises WHERE sync_state = 'pending' ORDER BY id",
                         0, NULL, &ids, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < ids.n && rc == 0; i++) {
        const char *id = store_cell(&ids, i, 0);
        store_record rec;
        if (store_record_load(local, id, &rec, err) != 0) {
            rc = -1;
            break;
        }
        rec.ex[STORE_EX_COLS - 1] = NULL;   /* the central copy carries no sync mark */
        bool inserted = false;
        if (store_record_insert(central, &rec, &inserted, err) != 0 ||
            mark_sent(local, id, err) != 0) {
            stats->failed++;
            rc = -1;
        } else {
            if (inserted)
                stats->sent++;
            else
                stats->already++;
            if (progress)
                progress(ctx, rec.ex[0], rec.ex[2], rec.ex[4], !inserted);
        }
        store_record_free(&rec);
    }
    store_rows_free(&ids);
    return rc;
}
