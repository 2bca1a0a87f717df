/* The results store behind tt_history: one small interface, two back-ends
 * (SQLite file, PostgreSQL via libpq). Callers write one SQL text for both
 * (the common subset: $1..$n parameters, ON CONFLICT, RETURNING, CAST) and
 * pass every value as a parameter; only the schema's DDL differs per
 * back-end (store_schema.c). Nothing here builds SQL from values. */
#ifndef TT_SCORE_STORE_H
#define TT_SCORE_STORE_H

#include <time.h>

#include "tabletop/module.h"
#include "tabletop/score.h"

/* A parameter: text (NUL-terminated, NULL = SQL NULL) or, when blob is set,
 * len bytes of binary data. */
typedef struct store_param {
    const char *text;
    const void *blob;
    size_t len;
} store_param;

/* A result, every cell as text (NULL = SQL NULL) with its length (binary
 * columns of a blob query keep their bytes). */
typedef struct store_rows {
    size_t n, cols;
    const char **cell;      /* n * cols */
    size_t *len;            /* n * cols */
    void *keep;             /* back-end's result (PGresult) or NULL */
    tt_arena arena;
} store_rows;

/* NULL for SQL NULL, and for a cell the result does not have: a server
 * answering with fewer columns or rows than the query names is not read
 * past the end. */
static inline const char *store_cell(const store_rows *r, size_t row, size_t col)
{
    return row < r->n && col < r->cols && r->cell ? r->cell[row * r->cols + col] : NULL;
}

typedef struct store_ops {
    /* Run one statement with parameters; out may be NULL. */
    int (*exec)(tt_history *h, const char *sql, size_t np, const store_param *p,
                store_rows *out, tt_error *err);
    /* Run a script of statements without parameters (schema steps). */
    int (*script)(tt_history *h, const char *sql, tt_error *err);
    int (*begin)(tt_history *h, tt_error *err);      /* a write transaction */
    int (*commit)(tt_history *h, tt_error *err);
    void (*rollback)(tt_history *h);
    /* Inside a write transaction: serialise schema changes across clients. */
    int (*lock_schema)(tt_history *h, tt_error *err);
    int (*get_version)(tt_history *h, int *v, tt_error *err);
    int (*set_version)(tt_history *h, int v, tt_error *err);
    void (*close)(tt_history *h);
} store_ops;

struct tt_history {
    const store_ops *ops;
    tt_store_kind kind;
    char *display;          /* path, or the URI without its password */
    char *secrets[3];       /* password spellings to scrub from messages */
    void *conn;             /* sqlite3 * or PGconn * */
    bool ahead;             /* opened by tt_history_open_ahead's thread */
};

extern const store_ops store_sqlite_ops;
extern const store_ops store_pg_ops;

/* Back-end openers: connect only (the caller migrates). */
int store_sqlite_connect(tt_history *h, const char *path, bool create, tt_error *err);
int store_pg_connect(tt_history *h, const char *uri, tt_store_failure *why, tt_error *err);

/* The schema: migrations[i] takes version i to i + 1, per back-end. */
const char *store_migration(tt_store_kind kind, int step);
int store_migrate(tt_history *h, tt_store_failure *why, tt_error *err);

/* The connection tt_history_open_ahead opened to `path` (waiting for it),
 * or NULL: none, another file, or it gave up. */
tt_history *store_take_ahead(const char *path);
/* tt_history_open_ahead starts no thread when the process may run on
 * fewer CPUs than this (2; tests set 1 to run it on any machine). */
void store_ahead_min_cpus(int n);

/* tt_history_record_marked, also telling whether the journal was recorded
 * already (found, nothing written). */
int store_record_known(tt_history *h, const tt_scorecard *card, const char *sync_state,
                       bool *inserted, bool *known_before, tt_error *err);

/* The trend memo (history_memo.c), prepared by tt_history_memo_prepare for
 * the history `spec` names (NULL: the default file). store_memo_fill puts
 * the trend a kept entry holds on the card and says whether it did (then
 * the history is not opened); store_memo_save keeps the trend just read,
 * after a pass that found the journal recorded and wrote nothing. */
bool store_memo_fill(const char *spec, tt_scorecard *card);
void store_memo_save(const char *spec, const tt_scorecard *card);
/* Whether a file changed at `changed` (its ctime) can change again only
 * with another change time, read at `now` (CLOCK_REALTIME_COARSE): the
 * memo keeps a history file's stat only then. */
bool store_memo_settled(const struct timespec *changed, const struct timespec *now);

void store_rows_free(store_rows *r);
void store_pg_rows_release(void *pgresult);

/* The PostgreSQL back-end (store_pg.c, libpq) behind this table: pg.so, the
 * module the program loads only for a postgresql:// store
 * (include/tabletop/module.h), or linked in (tests link tt_store_pg, whose
 * store_pg_linked then stands in for the module). */
typedef struct store_pg_api {
    tt_module_head head;
    int (*connect)(tt_history *h, const char *uri, tt_store_failure *why, tt_error *err);
    void (*rows_release)(void *pgresult);
} store_pg_api;
extern const store_pg_api store_pg_linked;

/* The SQLite back-end (store_sqlite.c) the same way: sqlite.so, loaded by
 * the program only when a command opens a drill-history file, so a run
 * without a scorecard maps no SQLite; tests link tt_store_sqlite whole. */
typedef struct store_sqlite_api {
    tt_module_head head;
    int (*connect)(tt_history *h, const char *path, bool create, tt_error *err);
} store_sqlite_api;
extern const store_sqlite_api store_sqlite_linked;

/* The filter's WHERE clause (exercises aliased "e"), the same for listings
 * and reports: every value is a parameter ($1-$4, from
 * tt_history_filter_params); an absent one is NULL and matches anything. */
#define STORE_FILTER_SQL \
    " (CAST($1 AS TEXT) IS NULL OR e.team = $1)" \
    " AND (CAST($2 AS TEXT) IS NULL OR e.scenario = $2)" \
    " AND (CAST($3 AS TEXT) IS NULL OR e.organisation = $3)" \
    " AND (CAST($4 AS TEXT) IS NULL OR COALESCE(e.started, e.recorded) >= $4)"
void tt_history_filter_params(const tt_history_filter *f, store_param p[4]);
/* Error text with the store's name and any password removed. */
void store_fail(tt_history *h, tt_error *err, const char *what, const char *detail);
/* Replace every secret in `msg` by "***" (in place, msg has `size` bytes). */
void store_scrub(const tt_history *h, char *msg, size_t size);

#endif
