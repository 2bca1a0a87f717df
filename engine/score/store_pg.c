/* PostgreSQL back-end of the results store (libpq). The connection string is
 * a postgresql:// URI under libpq's rules (password from the URI, ~/.pgpass
 * or PGPASSWORD); it is never shown: messages name the server by a
 * password-free spelling, and libpq's own messages are scrubbed. The schema
 * version lives in the table tabletop_schema; migrations hold an advisory
 * lock so two clients never migrate at once. */
#include "tabletop/terms.h"
#include "store.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Any constant: the advisory lock key of schema migrations. */
#define SCHEMA_LOCK_KEY "7461626c65746f70"

static PGconn *conn_of(tt_history *h)
{
    return h->conn;
}

static void fail_conn(tt_history *h, tt_error *err, const char *what)
{
    store_fail(h, err, what, tt_lib_text(TT_LIB_PQ, PQerrorMessage(conn_of(h)), NULL));
}

static void fail_res(tt_history *h, tt_error *err, const char *what, PGresult *res)
{
    const char *msg = res ? tt_lib_text(TT_LIB_PQ, PQresultErrorMessage(res), NULL) : NULL;
    store_fail(h, err, what,
               msg && *msg ? msg : tt_lib_text(TT_LIB_PQ, PQerrorMessage(conn_of(h)), NULL));
}

static int pg_exec(tt_history *h, const char *sql, size_t np, const store_param *p,
                   store_rows *out, tt_error *err)
{
    if (out)
        memset(out, 0, sizeof *out);
    if (np > 64) {
        store_fail(h, err, TT_MSG(E_DB_TOO_MANY_PARAMS), NULL);
        return -1;
    }
    /* Zeroed: with np == 0 gcc -O3 cannot see that libpq reads none. */
    const char *values[64] = { 0 };
    int lengths[64] = { 0 }, formats[64] = { 0 };
    for (size_t i = 0; i < np; i++) {
        values[i] = p[i].blob ? p[i].blob : p[i].text;
        lengths[i] = p[i].blob ? (int)p[i].len : 0;
        formats[i] = p[i].blob ? 1 : 0;
    }
    PGresult *res = PQexecParams(conn_of(h), sql, (int)np, NULL, values, lengths, formats, 0);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        fail_res(h, err, TT_MSG(E_DB_STATEMENT_FAILED), res);
        PQclear(res);
        return -1;
    }
    if (!out) {
        PQclear(res);
        return 0;
    }
    out->n = (size_t)PQntuples(res);
    out->cols = (size_t)PQnfields(res);
    out->keep = res;
    if (out->n && out->cols) {
        out->cell = malloc(out->n * out->cols * sizeof *out->cell);
        out->len = malloc(out->n * out->cols * sizeof *out->len);
        if (!out->cell || !out->len) {
            store_rows_free(out);
            store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
            return -1;
        }
    }
    /* bytea comes back in its text spelling (\x hex); decode those cells. */
    for (size_t c = 0; c < out->cols; c++) {
        bool bytea = PQftype(res, (int)c) == 17;
        for (size_t r = 0; r < out->n; r++) {
            size_t k = r * out->cols + c;
            out->len[k] = 0;
            out->cell[k] = NULL;
            if (PQgetisnull(res, (int)r, (int)c))
                continue;
            const char *v = PQgetvalue(res, (int)r, (int)c);
            if (!bytea) {
                out->cell[k] = v;
                out->len[k] = (size_t)PQgetlength(res, (int)r, (int)c);
                continue;
            }
            size_t n = 0;
            unsigned char *raw = PQunescapeBytea((const unsigned char *)v, &n);
            char *copy = raw ? tt_arena_alloc(&out->arena, n + 1) : NULL;
            if (copy && n)
                memcpy(copy, raw, n);
            PQfreemem(raw);
            if (!copy) {
                store_rows_free(out);
                store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
                return -1;
            }
            out->cell[k] = copy;
            out->len[k] = n;
        }
    }
    return 0;
}

static int pg_script(tt_history *h, const char *sql, tt_error *err)
{
    PGresult *res = PQexec(conn_of(h), sql);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        fail_res(h, err, TT_MSG(E_DB_STATEMENT_FAILED), res);
        PQclear(res);
        return -1;
    }
    PQclear(res);
    return 0;
}

static int pg_begin(tt_history *h, tt_error *err)
{
    return pg_script(h, "BEGIN", err);
}

static int pg_commit(tt_history *h, tt_error *err)
{
    return pg_script(h, "COMMIT", err);
}

static void pg_rollback(tt_history *h)
{
    PQclear(PQexec(conn_of(h), "ROLLBACK"));
}

static int pg_lock_schema(tt_history *h, tt_error *err)
{
    return pg_script(h, "SELECT pg_advisory_xact_lock(x'" SCHEMA_LOCK_KEY "'::bigint)", err);
}

static int pg_get_version(tt_history *h, int *v, tt_error *err)
{
    store_rows r;
    /* Not to_regclass(): inside a transaction that waited for the schema
     * lock, the catalog cache may not know a table another client just
     * created; a catalog query sees what was committed. */
    if (pg_exec(h, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                   " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                   " WHERE c.relname = 'tabletop_schema' AND n.nspname = current_schema())",
                0, NULL, &r, err) != 0)
        return -1;
    bool exists = r.n == 1 && store_cell(&r, 0, 0) && store_cell(&r, 0, 0)[0] == 't';
    store_rows_free(&r);
    *v = 0;
    if (!exists)
        return 0;
    if (pg_exec(h, "SELECT version FROM tabletop_schema", 0, NULL, &r, err) != 0)
        return -1;
    if (r.n == 1 && store_cell(&r, 0, 0))
        *v = atoi(store_cell(&r, 0, 0));
    store_rows_free(&r);
    return 0;
}

static int pg_set_version(tt_history *h, int v, tt_error *err)
{
    char text[16];
    snprintf(text, sizeof text, "%d", v);
    store_param p = { .text = text };
    return pg_exec(h, "UPDATE tabletop_schema SET version = $1", 1, &p, NULL, err);
}

void store_pg_rows_release(void *pgresult)
{
    PQclear(pgresult);
}

static void pg_close(tt_history *h)
{
    PQfinish(conn_of(h));
    h->conn = NULL;
}

const store_ops store_pg_ops = {
    pg_exec, pg_script, pg_begin, pg_commit, pg_rollback, pg_lock_schema,
    pg_get_version, pg_set_version, pg_close,
};

/* Password spellings to scrub: the URI's userinfo part as written
 * (percent-encoded), and libpq's decoded value. False when one could not be
 * kept (out of memory): a message could then show it. */
static bool collect_secrets(tt_history *h, const char *uri, PQconninfoOption *opts)
{
    bool ok = true;
    const char *rest = strstr(uri, "://");
    if (rest) {
        rest += 3;
        const char *at = strchr(rest, '@');
        const char *slash = strchr(rest, '/');
        const char *colon = strchr(rest, ':');
        if (at && (!slash || at < slash) && colon && colon < at)
            ok = (h->secrets[0] = strndup(colon + 1, (size_t)(at - colon - 1))) != NULL;
    }
    const char *q = strstr(uri, "password=");
    if (q) {
        q += 9;
        ok = (h->secrets[1] = strndup(q, strcspn(q, "&"))) != NULL && ok;
    }
    for (PQconninfoOption *o = opts; o && o->keyword; o++)
        if (strcmp(o->keyword, "password") == 0 && o->val && *o->val)
            ok = (h->secrets[2] = strdup(o->val)) != NULL && ok;
    return ok;
}

/* postgresql://user@host:port/dbname: enough to say which server. */
static char *display_name(PQconninfoOption *opts)
{
    const char *user = "", *host = "", *port = "", *db = "";
    for (PQconninfoOption *o = opts; o && o->keyword; o++) {
        const char *v = o->val ? o->val : "";
        if (strcmp(o->keyword, "user") == 0) user = v;
        else if (strcmp(o->keyword, "host") == 0) host = v;
        else if (strcmp(o->keyword, "port") == 0) port = v;
        else if (strcmp(o->keyword, "dbname") == 0) db = v;
    }
    size_t n = strlen(user) + strlen(host) + strlen(port) + strlen(db) + 32;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, "postgresql://%s%s%s%s%s/%s", user, *user ? "@" : "", host,
                 *port ? ":" : "", port, db);
    return out;
}

int store_pg_connect(tt_history *h, const char *uri, tt_store_failure *why, tt_error *err)
{
    h->ops = &store_pg_ops;
    h->kind = TT_STORE_PG;
    *why = TT_STORE_REFUSED;
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(uri, &perr);
    if (!collect_secrets(h, uri, opts)) {
        PQconninfoFree(opts);
        PQfreemem(perr);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    if (!opts) {
        h->display = strdup("postgresql://...");
        store_fail(h, err, TT_MSG(E_DB_NOT_URI), perr);
        PQfreemem(perr);
        return -1;
    }
    h->display = display_name(opts);
    PQconninfoFree(opts);
    if (!h->display) {
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    /* A drill must not hang on a dead network: 5 s unless the URI says
     * otherwise (later keywords override earlier ones). */
    const char *const keys[] = { "connect_timeout", "application_name", "dbname", NULL };
    const char *const vals[] = { "5", "tabletop", uri, NULL };
    PGconn *c = PQconnectdbParams(keys, vals, 1);
    h->conn = c;
    if (!c) {
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    if (PQstatus(c) != CONNECTION_OK) {
        /* libpq's own words stay inside the frame, so they can be looked
         * at in either language. */
        const char *msg = tt_lib_text(TT_LIB_PQ, PQerrorMessage(c), NULL);
        /* A wrong password, user or database is the user's to fix; anything
         * else (no route, refused, timeout) may pass: offline fallback. */
        if (PQconnectionNeedsPassword(c) || strstr(msg, "authentication") ||
            strstr(msg, "does not exist") || strstr(msg, "no password supplied"))
            *why = TT_STORE_REFUSED;
        else
            *why = TT_STORE_UNREACHABLE;
        fail_conn(h, err, TT_MSG(E_DB_CANNOT_CONNECT));
        return -1;
    }
    PQclear(PQexec(c, "SET client_min_messages = warning"));
    *why = TT_STORE_OK;
    return 0;
}

const store_pg_api store_pg_linked = {
    .head = { TT_MODULE_VERSION, sizeof(store_pg_api) },
    .connect = store_pg_connect,
    .rows_release = store_pg_rows_release,
};
