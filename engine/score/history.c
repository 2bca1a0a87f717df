/* Drill history: opening a store by its spec (SQLite file or postgresql://
 * URI), messages without passwords, and the queries every back-end answers
 * with the same SQL text. Recording is in history_record.c; each back-end in
 * store_sqlite.c and store_pg.c; the schema in store_schema.c. */
#define _DEFAULT_SOURCE  /* realpath */
#include "tabletop/terms.h"
#include "store.h"
#include "util.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int mkdirs(const char *path, tt_error *err)
{
    char *dir = strdup(path);
    if (!dir) {
        tt_error_oom(err, path);
        return -1;
    }
    char *slash = strrchr(dir, '/');
    if (!slash || slash == dir) {
        free(dir);
        return 0;
    }
    *slash = '\0';
    for (char *p = dir + 1; ; p++) {
        if (*p == '/' || *p == '\0') {
            char c = *p;
            *p = '\0';
            if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
                tt_error_runtime(err, dir, TT_MSG(E_HIST_CANNOT_CREATE_FOLDER_FMT), tt_os_error(errno));
                free(dir);
                return -1;
            }
            *p = c;
            if (c == '\0')
                break;
        }
    }
    free(dir);
    return 0;
}

int tt_history_default_path(char *buf, size_t size, tt_error *err)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    int n;
    if (xdg && xdg[0] == '/') {
        n = snprintf(buf, size, "%s/tabletop/history.sqlite3", xdg);
    } else {
        const char *home = getenv("HOME");
        if (!home || !*home) {
            tt_error_set(err, NULL, 0, 0, TT_MSG(E_HIST_NO_HOME));
            return -1;
        }
        n = snprintf(buf, size, "%s/.local/share/tabletop/history.sqlite3", home);
    }
    if (n < 0 || (size_t)n >= size) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_HIST_PATH_TOO_LONG));
        return -1;
    }
    return 0;
}

bool tt_store_is_uri(const char *spec)
{
    return spec && (strncmp(spec, "postgresql://", 13) == 0 || strncmp(spec, "postgres://", 11) == 0);
}

const char *tt_history_spec(const char *flag)
{
    if (flag)
        return flag;
    const char *env = getenv("TABLETOP_DB");
    return env && *env ? env : NULL;
}

/* Linked in by tests (tt_store_pg); the program loads pg.so instead. */
extern const store_pg_api store_pg_linked __attribute__((weak));

static const store_pg_api *pg_backend(tt_error *err)
{
    if (&store_pg_linked)
        return &store_pg_linked;
    return tt_module_api(TT_MODULE_PG, sizeof(store_pg_api), tt_lang_from_env(), err);
}

/* Linked in by tests (tt_store_sqlite); the program loads sqlite.so. */
extern const store_sqlite_api store_sqlite_linked __attribute__((weak));

static const store_sqlite_api *sqlite_backend(tt_error *err)
{
    if (&store_sqlite_linked)
        return &store_sqlite_linked;
    return tt_module_api(TT_MODULE_SQLITE, sizeof(store_sqlite_api), tt_lang_from_env(), err);
}

void store_rows_free(store_rows *r)
{
    if (!r)
        return;
    if (r->keep) { /* only a PostgreSQL result keeps one: the back-end is there */
        tt_error ignored;
        const store_pg_api *pg = pg_backend(&ignored);
        if (pg)
            pg->rows_release(r->keep);
    }
    free(r->cell);
    free(r->len);
    tt_arena_free(&r->arena);
    memset(r, 0, sizeof *r);
}

void store_scrub(const tt_history *h, char *msg, size_t size)
{
    (void)size;
    for (size_t i = 0; i < sizeof h->secrets / sizeof h->secrets[0]; i++) {
        const char *s = h->secrets[i];
        size_t n = s ? strlen(s) : 0;
        if (n == 0)
            continue;
        char *hit;
        while ((hit = strstr(msg, s)) != NULL) {
            /* "***" is never longer than what it replaces when n >= 3. */
            size_t tail = strlen(hit + n) + 1;
            if (n >= 3) {
                memcpy(hit, "***", 3);
                memmove(hit + 3, hit + n, tail);
            } else {
                memmove(hit, hit + n, tail);
            }
        }
    }
}

void store_fail(tt_history *h, tt_error *err, const char *what, const char *detail)
{
    char text[1024];
    size_t n = (size_t)snprintf(text, sizeof text, "%s: %s%s%s",
                                h->kind == TT_STORE_PG ? TT_MSG(E_DB_RESULTS) : TT_MSG(E_DB_HISTORY),
                                what, detail && *detail ? ": " : "", detail ? detail : "");
    /* libpq ends its messages with a newline; one line is enough. */
    while (n > 0 && n < sizeof text && (text[n - 1] == '\n' || text[n - 1] == ' '))
        text[--n] = '\0';
    for (char *p = text; *p; p++)
        if (*p == '\n' || *p == '\t')
            *p = ' ';
    store_scrub(h, text, sizeof text);
    if (strcmp(what, TT_MSG(E_OUT_OF_MEMORY)) == 0)
        tt_error_oom(err, h->display);
    else
        tt_error_runtime(err, h->display, "%s", text);
}

tt_history *tt_history_open_spec(const char *spec, unsigned flags, tt_store_failure *why,
                                 tt_error *err)
{
    tt_store_failure dummy;
    if (!why)
        why = &dummy;
    *why = TT_STORE_ERROR;
    char def[4096];
    if (!spec) {
        if (tt_history_default_path(def, sizeof def, err) != 0)
            return NULL;
        spec = def;
    }
    /* Opened ahead while the journal was read (history_ahead.c): an
     * existing file of the current schema, nothing left to do. */
    tt_history *ready = tt_store_is_uri(spec) ? NULL : store_take_ahead(spec);
    if (ready) {
        *why = TT_STORE_OK;
        return ready;
    }
    tt_history *h = calloc(1, sizeof *h);
    if (!h) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    int rc;
    if (tt_store_is_uri(spec)) {
        const store_pg_api *pg = pg_backend(err);
        rc = pg ? pg->connect(h, spec, why, err) : -1;
    } else {
        bool create = !(flags & TT_HISTORY_EXISTING);
        h->kind = TT_STORE_SQLITE;
        if (!(h->display = strdup(spec))) {
            tt_error_oom(err, spec);
            free(h);
            return NULL;
        }
        if (!create && access(spec, R_OK) != 0) {
            tt_error_set(err, spec, 0, 0, TT_MSG(E_HIST_NO_DB_FMT), tt_os_error(errno));
            *why = TT_STORE_REFUSED;
            rc = -1;
        } else {
            const store_sqlite_api *sq = sqlite_backend(err);
            /* A history that exists has its folders: one stat instead of
             * a mkdir per path component. */
            struct stat st;
            rc = !sq ? -1 : create && stat(spec, &st) != 0 ? mkdirs(spec, err) : 0;
            if (rc == 0)
                rc = sq->connect(h, spec, create, err);
        }
    }
    if (rc == 0)
        rc = store_migrate(h, why, err);
    if (rc != 0) {
        /* A password, a URI, a newer schema: the user's to fix (exit 2). */
        if (*why == TT_STORE_REFUSED && err->cls != TT_ERR_NOMEM)
            err->cls = TT_ERR_INPUT;
        tt_history_close(h);
        return NULL;
    }
    *why = TT_STORE_OK;
    return h;
}

tt_history *tt_history_open(const char *path, tt_error *err)
{
    return tt_history_open_spec(path, 0, NULL, err);
}

void tt_history_close(tt_history *h)
{
    if (!h)
        return;
    if (h->conn && h->ops)
        h->ops->close(h);
    free(h->display);
    for (size_t i = 0; i < sizeof h->secrets / sizeof h->secrets[0]; i++)
        free(h->secrets[i]);
    free(h);
}

int tt_history_schema_version(tt_history *h)
{
    int v = -1;
    tt_error err;
    return h->ops->get_version(h, &v, &err) == 0 ? v : -1;
}

tt_store_kind tt_history_kind(const tt_history *h)
{
    return h->kind;
}

const char *tt_history_name(const tt_history *h)
{
    return h->display;
}

static const char *team_of(const tt_scorecard *card)
{
    return card->start && card->start->team ? card->start->team : "";
}

int tt_history_fill_trend(tt_history *h, tt_scorecard *card, tt_error *err)
{
    /* Earlier = recorded before this journal (all runs when it is not recorded). */
    const char *sql =
        "SELECT COALESCE(started, recorded), score, rating, complete FROM exercises"
        " WHERE team = $1 AND scenario = $2 AND journal_hash <> $3"
        " AND id < COALESCE((SELECT id FROM exercises WHERE journal_hash = $3), 9223372036854775807)"
        " ORDER BY id";
    store_param p[3] = {
        { .text = team_of(card) }, { .text = card->scenario->id },
        { .text = card->journal_hash ? card->journal_hash : "" },
    };
    store_rows r;
    if (h->ops->exec(h, sql, 3, p, &r, err) != 0)
        return -1;
    tt_score_trend *rows = r.n ? tt_arena_alloc(&card->arena, r.n * sizeof *rows) : NULL;
    if (r.n && !rows) {
        store_rows_free(&r);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    for (size_t i = 0; i < r.n; i++) {
        tt_score_trend *t = &rows[i];
        const char *when = store_cell(&r, i, 0);
        t->when = tt_arena_strdup(&card->arena, when ? when : "");
        t->score = atoi(store_cell(&r, i, 1) ? store_cell(&r, i, 1) : "0");
        const char *rt = store_cell(&r, i, 2);
        if (!rt || !tt_rating_parse(rt, &t->rating))
            t->rating = TT_RATING_U;
        t->complete = store_cell(&r, i, 3) && atoi(store_cell(&r, i, 3)) != 0;
        if (!t->when) {
            store_rows_free(&r);
            store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
            return -1;
        }
    }
    card->trend = rows;
    card->n_trend = r.n;
    store_rows_free(&r);
    return 0;
}

void tt_history_filter_params(const tt_history_filter *f, store_param p[4])
{
    memset(p, 0, 4 * sizeof *p);
    if (!f)
        return;
    p[0].text = f->team;
    p[1].text = f->scenario;
    p[2].text = f->organisation;
    p[3].text = f->since;
}

static char *dup_cell(const store_rows *r, size_t row, size_t col)
{
    const char *v = store_cell(r, row, col);
    return strdup(v ? v : "");
}

int tt_history_list_filtered(tt_history *h, const tt_history_filter *f,
                             tt_history_row **rows_out, size_t *n_out, tt_error *err)
{
    *rows_out = NULL;
    *n_out = 0;
    static const char sql[] =
        "SELECT e.id, e.scenario, e.team, COALESCE(e.started, e.recorded), COALESCE(e.journal_path, ''),"
        " e.score, e.rating, e.complete, e.duration_ms, e.seed, e.organisation, e.sync_state,"
        " e.length_ms, e.not_assessed, e.ended_early"
        " FROM exercises e WHERE" STORE_FILTER_SQL " ORDER BY e.id";
    store_param p[4];
    tt_history_filter_params(f, p);
    store_rows r;
    if (h->ops->exec(h, sql, 4, p, &r, err) != 0)
        return -1;
    tt_history_row *rows = r.n ? calloc(r.n, sizeof *rows) : NULL;
    bool oom = r.n && !rows;
    size_t n = 0;
    for (; !oom && n < r.n; n++) {
        tt_history_row *o = &rows[n];
        o->id = strtoll(store_cell(&r, n, 0), NULL, 10);
        o->scenario = dup_cell(&r, n, 1);
        o->team = dup_cell(&r, n, 2);
        o->when = dup_cell(&r, n, 3);
        o->journal = dup_cell(&r, n, 4);
        o->score = atoi(store_cell(&r, n, 5) ? store_cell(&r, n, 5) : "0");
        const char *rt = store_cell(&r, n, 6);
        if (!rt || !tt_rating_parse(rt, &o->rating))
            o->rating = TT_RATING_U;
        o->complete = store_cell(&r, n, 7) && atoi(store_cell(&r, n, 7)) != 0;
        o->duration = store_cell(&r, n, 8) ? strtoll(store_cell(&r, n, 8), NULL, 10) : 0;
        o->seed = store_cell(&r, n, 9) ? (uint64_t)strtoll(store_cell(&r, n, 9), NULL, 10) : 0;
        o->organisation = dup_cell(&r, n, 10);
        o->sync_state = store_cell(&r, n, 11) ? strdup(store_cell(&r, n, 11)) : NULL;
        o->length = store_cell(&r, n, 12) ? strtoll(store_cell(&r, n, 12), NULL, 10) : 0;
        o->not_assessed = store_cell(&r, n, 13) ? (size_t)strtoull(store_cell(&r, n, 13), NULL, 10) : 0;
        o->ended_early = store_cell(&r, n, 14) && atoi(store_cell(&r, n, 14)) != 0;
        oom = !o->scenario || !o->team || !o->when || !o->journal || !o->organisation ||
              (store_cell(&r, n, 11) && !o->sync_state);
    }
    store_rows_free(&r);
    if (oom) {
        tt_history_rows_free(rows, n);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    *rows_out = rows;
    *n_out = n;
    return 0;
}

int tt_history_list(tt_history *h, const char *team, const char *scenario,
                    tt_history_row **rows, size_t *n, tt_error *err)
{
    tt_history_filter f = { .team = team, .scenario = scenario };
    return tt_history_list_filtered(h, &f, rows, n, err);
}

void tt_history_rows_free(tt_history_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        free(rows[i].scenario);
        free(rows[i].team);
        free(rows[i].when);
        free(rows[i].journal);
        free(rows[i].organisation);
        free(rows[i].sync_state);
    }
    free(rows);
}
