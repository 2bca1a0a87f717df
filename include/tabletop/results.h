/* Central results (docs/results.md): sending results kept on a drill machine
 * to the central store, the journals archive, and reports across exercises.
 * The stores themselves are tt_history (tabletop/score.h). */
#ifndef TABLETOP_RESULTS_H
#define TABLETOP_RESULTS_H

#include "tabletop/score.h"

/* ---- Sync: local results marked "pending" -> central store ---- */

typedef struct tt_sync_stats {
    size_t sent;          /* new rows on the central store */
    size_t already;       /* were there already (same journal hash) */
    size_t failed;
} tt_sync_stats;

/* Called after each result: its journal hash, scenario, team, and whether
 * the central store had it already. */
typedef void (*tt_sync_progress)(void *ctx, const char *hash, const char *scenario,
                                 const char *team, bool already);

/* Send every pending result of `local` to `central`, one transaction each on
 * the central side, then mark it "sent" locally. Idempotent: a result sent
 * before a crash is found by its hash and only marked. Stops at the first
 * failure (-1, err): what was sent stays sent. */
int tt_sync_pending(tt_history *local, tt_history *central, tt_sync_progress progress,
                    void *ctx, tt_sync_stats *stats, tt_error *err);

/* How many results of `local` are still to be sent (-1 on error). */
long tt_sync_count_pending(tt_history *local, tt_error *err);

/* ---- Journals archive ---- */

/* Store the journal file at `path` in `central`, zlib-compressed, keyed by
 * its SHA-256 (*stored = false when it was there already). The organisation
 * is the one its exercise was recorded with. */
int tt_journal_archive(tt_history *central, const char *path, bool *stored, tt_error *err);
/* Archive the journals of every exercise `local` has recorded whose file is
 * still there with the recorded hash. */
int tt_journal_archive_all(tt_history *local, tt_history *central, tt_sync_progress progress,
                           void *ctx, tt_sync_stats *stats, tt_error *err);
/* Write the archived journal `hash` (64 hex digits, or an unambiguous
 * prefix of at least 8) to `out_path`, checked against its hash, written
 * atomically; an existing file is not replaced. Returns 0, -1 (runtime), or
 * -2 (bad input: no such journal, ambiguous, bad hash, file exists). */
int tt_journal_fetch(tt_history *central, const char *hash, const char *out_path, tt_error *err);

/* ---- Reports across exercises ---- */

typedef enum tt_report_format {
    TT_REPORT_HTML, TT_REPORT_MD, TT_REPORT_JSON, TT_REPORT_CSV
} tt_report_format;

bool tt_report_format_from_path(const char *path, tt_report_format *out);

typedef struct tt_report_options {
    tt_history_filter filter;
    bool anonymise;        /* teams and members by stable pseudonyms */
    tt_lang lang;
} tt_report_options;

/* Build the report and render it (malloc'd, *len set). */
char *tt_report_render(tt_history *h, const tt_report_options *o, tt_report_format fmt,
                       size_t *len, tt_error *err);

/* One CSV field under RFC 4180 (quoted when it holds a comma, quote, CR or
 * LF; quotes doubled), and a leading = + - @ or tab neutralised with an
 * apostrophe so spreadsheets do not run it as a formula. false once the
 * buffer has failed. */
bool tt_csv_field(tt_buf *b, const char *field);

/* Stable pseudonym of a name ("team-3fa9c2"): HMAC-SHA256 keyed by
 * $TABLETOP_PSEUDONYM_KEY (a fixed key when unset). */
void tt_pseudonym(const char *kind, const char *name, char *out, size_t size);

#endif
