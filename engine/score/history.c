/* Drill history in SQLite. One database per user (XDG data directory) that
 * several drills may write at once: WAL journal, a busy timeout, and every
 * write inside BEGIN IMMEDIATE. The schema is versioned with
 * PRAGMA user_version and migrated step by step. */
#define _DEFAULT_SOURCE  /* realpath */
#include "tabletop/score.h"
#include "util.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

struct tt_history {
    sqlite3 *db;
    char *path;
};

/* migrations[i] takes the schema from version i to i + 1. */
static const char *const migrations[] = {
    "CREATE TABLE exercises ("
    "  id INTEGER PRIMARY KEY,"
    "  journal_hash TEXT NOT NULL UNIQUE,"
    "  journal_path TEXT,"
    "  scenario TEXT NOT NULL,"
    "  scenario_hash TEXT,"
    "  team TEXT NOT NULL DEFAULT '',"
    "  members TEXT NOT NULL DEFAULT '',"
    "  seed INTEGER NOT NULL DEFAULT 0,"
    "  started TEXT,"
    "  recorded TEXT NOT NULL,"
    "  duration_ms INTEGER NOT NULL,"
    "  score INTEGER NOT NULL,"
    "  rating TEXT NOT NULL,"
    "  complete INTEGER NOT NULL);"
    "CREATE INDEX exercises_team_scenario ON exercises(team, scenario, id);"
    "CREATE TABLE objectives ("
    "  exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,"
    "  objective TEXT NOT NULL,"
    "  phase TEXT NOT NULL,"
    "  reached_ms INTEGER,"
    "  rating TEXT NOT NULL,"
    "  score INTEGER NOT NULL,"
    "  PRIMARY KEY (exercise_id, objective));",
};
#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

static int db_fail(tt_history *h, tt_error *err, const char *what)
{
    tt_error_runtime(err, h->path, "history database: %s: %s", what, sqlite3_errmsg(h->db));
    return -1;
}

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
                tt_error_set(err, dir, 0, 0, "cannot create the folder: %s", strerror(errno));
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
            tt_error_set(err, NULL, 0, 0, "neither XDG_DATA_HOME nor HOME is set; give --db FILE");
            return -1;
        }
        n = snprintf(buf, size, "%s/.local/share/tabletop/history.sqlite3", home);
    }
    if (n < 0 || (size_t)n >= size) {
        tt_error_set(err, NULL, 0, 0, "the history database path is too long");
        return -1;
    }
    return 0;
}

static int user_version(tt_history *h, int *out)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return rc == SQLITE_ROW ? 0 : -1;
}

static int migrate(tt_history *h, tt_error *err)
{
    int v = 0;
    if (user_version(h, &v) != 0)
        return db_fail(h, err, "cannot read the schema version");
    if (v == (int)N_MIGRATIONS)
        return 0;
    if (sqlite3_exec(h->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return db_fail(h, err, "cannot lock for migration");
    /* Another process may have migrated while we waited for the lock. */
    if (user_version(h, &v) != 0) {
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return db_fail(h, err, "cannot read the schema version");
    }
    if (v > (int)N_MIGRATIONS) {
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        tt_error_set(err, h->path, 0, 0,
                     "history database: schema version %d is newer than this program knows (%d)",
                     v, (int)N_MIGRATIONS);
        return -1;
    }
    for (; v < (int)N_MIGRATIONS; v++) {
        char pragma[64];
        snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
        if (sqlite3_exec(h->db, migrations[v], NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(h->db, pragma, NULL, NULL, NULL) != SQLITE_OK) {
            db_fail(h, err, "migration failed");
            sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
            return -1;
        }
    }
    if (sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(h, err, "cannot commit the migration");
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    return 0;
}

tt_history *tt_history_open(const char *path, tt_error *err)
{
    char def[4096];
    if (!path) {
        if (tt_history_default_path(def, sizeof def, err) != 0)
            return NULL;
        path = def;
    }
    if (mkdirs(path, err) != 0)
        return NULL;
    tt_history *h = calloc(1, sizeof *h);
    if (!h || !(h->path = strdup(path))) {
        free(h);
        tt_error_oom(err, path);
        return NULL;
    }
    if (sqlite3_open_v2(path, &h->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        NULL) != SQLITE_OK) {
        if (h->db)
            db_fail(h, err, "cannot open");
        else
            tt_error_set(err, path, 0, 0, "history database: cannot open");
        tt_history_close(h);
        return NULL;
    }
    sqlite3_busy_timeout(h->db, 10000);
    /* WAL lets readers and a writer work at once; changing the mode needs a
     * moment of exclusive access, which the busy timeout waits for. */
    if (sqlite3_exec(h->db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK ||
        sqlite3_exec(h->db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL", NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(h, err, "cannot prepare");
        tt_history_close(h);
        return NULL;
    }
    if (migrate(h, err) != 0) {
        tt_history_close(h);
        return NULL;
    }
    return h;
}

void tt_history_close(tt_history *h)
{
    if (!h)
        return;
    sqlite3_close(h->db);
    free(h->path);
    free(h);
}

int tt_history_schema_version(tt_history *h)
{
    int v = -1;
    return user_version(h, &v) == 0 ? v : -1;
}

static const char *team_of(const tt_scorecard *card)
{
    return card->start && card->start->team ? card->start->team : "";
}

static char *members_text(const tt_scorecard *card)
{
    size_t len = 1;
    const tt_start_info *s = card->start;
    for (size_t i = 0; i < s->n_members; i++)
        len += strlen(s->members[i].name ? s->members[i].name : "") +
               strlen(s->members[i].role ? s->members[i].role : "") + 4;
    char *out = malloc(len);
    if (!out)
        return NULL;
    out[0] = '\0';
    for (size_t i = 0; i < s->n_members; i++) {
        if (i)
            strcat(out, ", ");
        strcat(out, s->members[i].name ? s->members[i].name : "");
        strcat(out, "/");
        strcat(out, s->members[i].role ? s->members[i].role : "");
    }
    return out;
}

static void now_iso(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int insert_objectives(tt_history *h, const tt_scorecard *card, int64_t id)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(h->db,
                           "INSERT INTO objectives (exercise_id, objective, phase, reached_ms, rating, score) "
                           "VALUES (?, ?, ?, ?, ?, ?)", -1, &st, NULL) != SQLITE_OK)
        return -1;
    int rc = SQLITE_DONE;
    for (size_t i = 0; i < card->n_objectives && rc == SQLITE_DONE; i++) {
        const tt_score_objective *o = &card->objectives[i];
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, id);
        sqlite3_bind_text(st, 2, o->def->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, sc_phase_key(o->def->phase), -1, SQLITE_STATIC);
        if (o->reached)
            sqlite3_bind_int64(st, 4, o->reached_at);
        else
            sqlite3_bind_null(st, 4);
        sqlite3_bind_text(st, 5, tt_rating_letter(o->rating), -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 6, o->score);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : -1;
}

int tt_history_record(tt_history *h, const tt_scorecard *card, bool *inserted, tt_error *err)
{
    if (inserted)
        *inserted = false;
    if (!card->journal_hash) {
        tt_error_set(err, h->path, 0, 0, "history database: the scorecard has no journal hash");
        return -1;
    }
    char *members = members_text(card);
    if (!members) {
        tt_error_oom(err, h->path);
        return -1;
    }
    char recorded[32];
    now_iso(recorded, sizeof recorded);
    /* Absolute, so `tabletop history` points at the file from anywhere. */
    char *abs_path = card->journal_path ? realpath(card->journal_path, NULL) : NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_exec(h->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
        free(members);
        free(abs_path);
        return db_fail(h, err, "cannot lock for writing");
    }
    int rc = sqlite3_prepare_v2(h->db,
        "INSERT OR IGNORE INTO exercises (journal_hash, journal_path, scenario, scenario_hash, team, members,"
        " seed, started, recorded, duration_ms, score, rating, complete)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", -1, &st, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(st, 1, card->journal_hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, abs_path ? abs_path : card->journal_path, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 3, card->scenario->id, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 4, card->start->hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 5, team_of(card), -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 6, members, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 7, (sqlite3_int64)card->start->seed);
        sqlite3_bind_text(st, 8, card->start->date, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 9, recorded, -1, SQLITE_STATIC);
        sqlite3_bind_int64(st, 10, card->duration);
        sqlite3_bind_int(st, 11, card->score);
        sqlite3_bind_text(st, 12, tt_rating_letter(card->rating), -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 13, !card->incomplete);
        rc = sqlite3_step(st);
    }
    sqlite3_finalize(st);
    bool added = rc == SQLITE_DONE && sqlite3_changes(h->db) == 1;
    if (rc == SQLITE_DONE && added)
        rc = insert_objectives(h, card, sqlite3_last_insert_rowid(h->db)) == 0 ? SQLITE_DONE : SQLITE_ERROR;
    free(members);
    free(abs_path);
    if (rc != SQLITE_DONE) {
        db_fail(h, err, "cannot record the exercise");
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        db_fail(h, err, "cannot commit");
        sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
        return -1;
    }
    if (inserted)
        *inserted = added;
    return 0;
}

static char *col_dup(sqlite3_stmt *st, int i)
{
    const unsigned char *t = sqlite3_column_text(st, i);
    return strdup(t ? (const char *)t : "");
}

int tt_history_fill_trend(tt_history *h, tt_scorecard *card, tt_error *err)
{
    sqlite3_stmt *st;
    /* Earlier = recorded before this journal (all runs when it is not recorded). */
    const char *sql =
        "SELECT COALESCE(started, recorded), score, rating, complete FROM exercises"
        " WHERE team = ?1 AND scenario = ?2 AND journal_hash IS NOT ?3"
        " AND id < COALESCE((SELECT id FROM exercises WHERE journal_hash = ?3), 9223372036854775807)"
        " ORDER BY id";
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(h, err, "cannot read the trend");
    sqlite3_bind_text(st, 1, team_of(card), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, card->scenario->id, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, card->journal_hash, -1, SQLITE_STATIC);
    size_t cap = 0, n = 0;
    tt_score_trend *rows = NULL;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            tt_score_trend *bigger = tt_arena_alloc(&card->arena, ncap * sizeof *bigger);
            if (!bigger)
                break;
            if (n)
                memcpy(bigger, rows, n * sizeof *rows);
            rows = bigger;
            cap = ncap;
        }
        tt_score_trend *t = &rows[n++];
        const unsigned char *when = sqlite3_column_text(st, 0);
        t->when = tt_arena_strdup(&card->arena, when ? (const char *)when : "");
        t->score = sqlite3_column_int(st, 1);
        const unsigned char *r = sqlite3_column_text(st, 2);
        if (!r || !tt_rating_parse((const char *)r, &t->rating))
            t->rating = TT_RATING_U;
        t->complete = sqlite3_column_int(st, 3) != 0;
        if (!t->when)
            break;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        tt_error_set(err, h->path, 0, 0, "history database: cannot read the trend");
        return -1;
    }
    card->trend = rows;
    card->n_trend = n;
    return 0;
}

int tt_history_list(tt_history *h, const char *team, const char *scenario,
                    tt_history_row **rows_out, size_t *n_out, tt_error *err)
{
    *rows_out = NULL;
    *n_out = 0;
    sqlite3_stmt *st;
    const char *sql =
        "SELECT id, scenario, team, COALESCE(started, recorded), COALESCE(journal_path, ''),"
        " score, rating, complete, duration_ms, seed FROM exercises"
        " WHERE (?1 IS NULL OR team = ?1) AND (?2 IS NULL OR scenario = ?2) ORDER BY id";
    if (sqlite3_prepare_v2(h->db, sql, -1, &st, NULL) != SQLITE_OK)
        return db_fail(h, err, "cannot list");
    if (team)
        sqlite3_bind_text(st, 1, team, -1, SQLITE_STATIC);
    if (scenario)
        sqlite3_bind_text(st, 2, scenario, -1, SQLITE_STATIC);
    tt_history_row *rows = NULL;
    size_t n = 0, cap = 0;
    int rc;
    bool oom = false;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (n == cap) {
            size_t ncap = cap ? cap * 2 : 16;
            tt_history_row *bigger = realloc(rows, ncap * sizeof *bigger);
            if (!bigger) {
                oom = true;
                break;
            }
            rows = bigger;
            cap = ncap;
        }
        tt_history_row *r = &rows[n++];
        memset(r, 0, sizeof *r);
        r->id = sqlite3_column_int64(st, 0);
        r->scenario = col_dup(st, 1);
        r->team = col_dup(st, 2);
        r->when = col_dup(st, 3);
        r->journal = col_dup(st, 4);
        r->score = sqlite3_column_int(st, 5);
        const unsigned char *rt = sqlite3_column_text(st, 6);
        if (!rt || !tt_rating_parse((const char *)rt, &r->rating))
            r->rating = TT_RATING_U;
        r->complete = sqlite3_column_int(st, 7) != 0;
        r->duration = sqlite3_column_int64(st, 8);
        r->seed = (uint64_t)sqlite3_column_int64(st, 9);
        if (!r->scenario || !r->team || !r->when || !r->journal) {
            oom = true;
            break;
        }
    }
    sqlite3_finalize(st);
    if (oom || (rc != SQLITE_DONE && rc != SQLITE_ROW)) {
        tt_history_rows_free(rows, n);
        if (oom)
            tt_error_oom(err, h->path);
        else
            tt_error_set(err, h->path, 0, 0, "history database: cannot list");
        return -1;
    }
    *rows_out = rows;
    *n_out = n;
    return 0;
}

void tt_history_rows_free(tt_history_row *rows, size_t n)
{
    for (size_t i = 0; rows && i < n; i++) {
        free(rows[i].scenario);
        free(rows[i].team);
        free(rows[i].when);
        free(rows[i].journal);
    }
    free(rows);
}
