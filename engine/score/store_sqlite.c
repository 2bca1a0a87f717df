/* SQLite back-end of the results store: one file per user that several
 * drills may write at once (WAL journal, a busy timeout, writes inside
 * BEGIN IMMEDIATE). The schema version is PRAGMA user_version. The program
 * loads it as sqlite.so only when a command opens the drill history
 * (include/tabletop/module.h); tests link tt_store_sqlite whole. */
#include "tabletop/terms.h"
#include "store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A connection and the statements it keeps prepared: recording an
 * exercise runs each child table's INSERT once per row (17 statements for
 * a mail-form-flood card), and each prepare parses and plans it again. */
enum { KEPT_STATEMENTS = 16 };
typedef struct sq_conn {
    sqlite3 *db;
    sqlite3_stmt *kept[KEPT_STATEMENTS];
    size_t next;            /* the slot a new statement takes (oldest) */
} sq_conn;

static sqlite3 *db_of(tt_history *h)
{
    return ((sq_conn *)h->conn)->db;
}

/* What SQLite said, in the message language. */
static const char *sqlite_text(sqlite3 *db)
{
    return tt_lib_text(TT_LIB_SQLITE, sqlite3_errstr(sqlite3_extended_errcode(db)),
                       sqlite3_errmsg(db));
}

static int sql_fail(tt_history *h, tt_error *err, const char *what)
{
    store_fail(h, err, what, sqlite_text(db_of(h)));
    return -1;
}

static int bind_all(sqlite3_stmt *st, size_t np, const store_param *p)
{
    /* "$1".."$n" are named parameters in SQLite: bind by name so a
     * statement may use them in any order, or more than once. */
    for (size_t i = 0; i < np; i++) {
        char name[32];
        snprintf(name, sizeof name, "$%zu", i + 1);
        int idx = sqlite3_bind_parameter_index(st, name);
        if (idx == 0)
            continue;
        int rc;
        if (p[i].blob)
            rc = sqlite3_bind_blob64(st, idx, p[i].blob, p[i].len, SQLITE_STATIC);
        else if (p[i].text)
            rc = sqlite3_bind_text(st, idx, p[i].text, -1, SQLITE_STATIC);
        else
            rc = sqlite3_bind_null(st, idx);
        if (rc != SQLITE_OK)
            return -1;
    }
    return 0;
}

/* The statement for `sql` (the same text: kept ones are compared by
 * content, never by address), prepared once per connection. */
static sqlite3_stmt *statement(tt_history *h, const char *sql)
{
    sq_conn *c = h->conn;
    for (size_t i = 0; i < KEPT_STATEMENTS; i++)
        if (c->kept[i] && strcmp(sqlite3_sql(c->kept[i]), sql) == 0)
            return c->kept[i];
    sqlite3_stmt *st;
    if (sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
        return NULL;
    sqlite3_finalize(c->kept[c->next]);   /* NULL: nothing */
    c->kept[c->next] = st;
    c->next = (c->next + 1) % KEPT_STATEMENTS;
    return st;
}

/* Done with a kept statement: no read transaction left open, no pointer
 * into the caller's parameters kept. */
static void release(sqlite3_stmt *st)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
}

static int sq_exec(tt_history *h, const char *sql, size_t np, const store_param *p,
                   store_rows *out, tt_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    sqlite3_stmt *st = statement(h, sql);
    if (!st)
        return sql_fail(h, err, TT_MSG(E_DB_CANNOT_PREPARE_STATEMENT));
    if (bind_all(st, np, p) != 0) {
        release(st);
        return sql_fail(h, err, TT_MSG(E_DB_CANNOT_BIND));
    }
    size_t cap_cell = 0, cap_len = 0;
    int rc;
    bool oom = false;
    if (out)
        out->cols = (size_t)sqlite3_column_count(st);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!out)
            continue;
        size_t need = (out->n + 1) * out->cols;
        if (!tt_grow(&out->cell, &cap_cell, need, sizeof *out->cell) ||
            !tt_grow(&out->len, &cap_len, need, sizeof *out->len)) {
            oom = true;
            break;
        }
        for (size_t c = 0; c < out->cols; c++) {
            size_t k = out->n * out->cols + c;
            int type = sqlite3_column_type(st, (int)c);
            const void *v = type == SQLITE_BLOB ? sqlite3_column_blob(st, (int)c)
                                                : (const void *)sqlite3_column_text(st, (int)c);
            size_t n = (size_t)sqlite3_column_bytes(st, (int)c);
            out->len[k] = n;
            out->cell[k] = NULL;
            if (type == SQLITE_NULL)
                continue;
            char *copy = tt_arena_alloc(&out->arena, n + 1);
            if (!copy) {
                oom = true;
                break;
            }
            if (n)
                memcpy(copy, v, n);
            out->cell[k] = copy;
        }
        if (oom)
            break;
        out->n++;
    }
    if (oom) {
        release(st);
        store_rows_free(out);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    if (rc != SQLITE_DONE) {
        sql_fail(h, err, TT_MSG(E_DB_STATEMENT_FAILED));
        release(st);
        if (out)
            store_rows_free(out);
        return -1;
    }
    release(st);
    return 0;
}

static int sq_script(tt_history *h, const char *sql, tt_error *err)
{
    if (sqlite3_exec(db_of(h), sql, NULL, NULL, NULL) != SQLITE_OK)
        return sql_fail(h, err, TT_MSG(E_DB_SCHEMA_STEP_FAILED));
    return 0;
}

static int sq_begin(tt_history *h, tt_error *err)
{
    if (sqlite3_exec(db_of(h), "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return sql_fail(h, err, TT_MSG(E_DB_CANNOT_LOCK));
    return 0;
}

static int sq_commit(tt_history *h, tt_error *err)
{
    if (sqlite3_exec(db_of(h), "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(h, err, TT_MSG(E_DB_CANNOT_COMMIT));
        sqlite3_exec(db_of(h), "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

static void sq_rollback(tt_history *h)
{
    sqlite3_exec(db_of(h), "ROLLBACK", NULL, NULL, NULL);
}

static int sq_lock_schema(tt_history *h, tt_error *err)
{
    (void)h;
    (void)err;
    return 0;   /* BEGIN IMMEDIATE already holds the only write lock */
}

static int sq_get_version(tt_history *h, int *v, tt_error *err)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(db_of(h), "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return sql_fail(h, err, TT_MSG(E_DB_CANNOT_READ_VERSION));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : sql_fail(h, err, TT_MSG(E_DB_CANNOT_READ_VERSION));
}

static int sq_set_version(tt_history *h, int v, tt_error *err)
{
    /* PRAGMA takes no parameters: one fixed statement per version. */
    static const char *const set[] = {
        "PRAGMA user_version = 0", "PRAGMA user_version = 1", "PRAGMA user_version = 2",
        "PRAGMA user_version = 3", "PRAGMA user_version = 4", "PRAGMA user_version = 5",
        "PRAGMA user_version = 6", "PRAGMA user_version = 7", "PRAGMA user_version = 8",
    };
    if (v < 0 || (size_t)v >= sizeof set / sizeof set[0]) {
        store_fail(h, err, TT_MSG(E_DB_NO_STATEMENT), NULL);
        return -1;
    }
    return sq_script(h, set[v], err);
}

static void sq_close(tt_history *h)
{
    sq_conn *c = h->conn;
    for (size_t i = 0; i < KEPT_STATEMENTS; i++)
        sqlite3_finalize(c->kept[i]);
    sqlite3_close(c->db);
    free(c);
    h->conn = NULL;
}

const store_ops store_sqlite_ops = {
    sq_exec, sq_script, sq_begin, sq_commit, sq_rollback, sq_lock_schema,
    sq_get_version, sq_set_version, sq_close,
};

enum { BUSY_TIMEOUT_MS = 10000 };

/* Switch the file to WAL. That needs an exclusive lock for a moment, and
 * SQLite does not call the busy handler for it (waiting while holding a
 * read lock could deadlock), so when several drills open a new history at
 * once all but one are told SQLITE_BUSY at once. Wait and retry here, for
 * as long as the busy timeout would have waited. */
static int enter_wal(sqlite3 *db)
{
    int rc;
    for (long waited = 0, pause = 1;; waited += pause, pause = pause < 64 ? pause * 2 : 100) {
        rc = sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || waited >= BUSY_TIMEOUT_MS)
            return rc;
        sqlite3_sleep((int)pause);
    }
}

int store_sqlite_connect(tt_history *h, const char *path, bool create, tt_error *err)
{
    h->ops = &store_sqlite_ops;
    h->kind = TT_STORE_SQLITE;
    sqlite3 *db = NULL;
    /* One thread uses a connection at a time (a history opened ahead of
     * use is handed over by a thread join): no per-call mutex. */
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
    if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK) {
        store_fail(h, err, TT_MSG(E_DB_CANNOT_OPEN), db ? sqlite_text(db) : NULL);
        sqlite3_close(db);
        return -1;
    }
    sq_conn *c = calloc(1, sizeof *c);
    if (!c) {
        sqlite3_close(db);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    c->db = db;
    h->conn = c;
    sqlite3_busy_timeout(db, BUSY_TIMEOUT_MS);
    /* Keep the -wal and -shm files from one process to the next (the last
     * close still checkpoints everything into the database file and syncs
     * it): creating and deleting both at every open was most of a
     * `score`'s system time (filesystem inode allocation).
     * journal_size_limit=0 empties the kept WAL once that checkpoint is
     * done. A WAL left full of checkpointed frames is not known to be
     * checkpointed by the next process: its open reads every frame back
     * (recovery) and its close copied them all into the database again
     * with three fsyncs, even when it only read the trend. Empty, a
     * process that only reads does no WAL I/O and no sync at all. */
    int persist = 1;
    sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &persist);
    /* WAL lets readers and a writer work at once. */
    if (enter_wal(db) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; "
                         "PRAGMA journal_size_limit=0", NULL, NULL, NULL) != SQLITE_OK)
        return sql_fail(h, err, TT_MSG(E_DB_CANNOT_PREPARE));
    return 0;
}

const store_sqlite_api store_sqlite_linked = {
    .head = { TT_MODULE_VERSION, sizeof(store_sqlite_api) },
    .connect = store_sqlite_connect,
};
