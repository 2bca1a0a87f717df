/* The trend memo: what the drill history answered for a recorded journal,
 * kept so that scoring the same journal again needs no SQLite at all (no
 * sqlite.so, no libsqlite3 and its ~1,600 symbol bindings, no open, no
 * -shm set-up: about a third of such a `score`'s CPU time).
 *
 * Why an answer can be kept: the history step of a journal already recorded
 * writes nothing, and what it reads for the card, the trend, is the same
 * team's rows of the same scenario recorded *before* that journal's row.
 * Rows are never deleted and the program never changes those columns, and
 * a new row gets a larger id, so that answer never changes while the file
 * holds the same database. An entry is kept only when nothing else could
 * have changed the file while it was read, and used only when the file is,
 * by every stat field, the one it was read from:
 *
 * - kept after a read-only pass (the journal was found recorded, nothing
 *   written), when the file's stat (device, inode, size, modification and
 *   change times) is the same before the history was opened and after it
 *   was closed, its change time is before the coarse clock read before
 *   the first stat (a change after that read would carry a later change
 *   time, whatever the timestamp granularity), the -wal is empty or absent
 *   (every committed write is in the database file) and there is no
 *   rollback -journal;
 * - used only when the journal's SHA-256, team and scenario are the
 *   entry's and the history file still has that stat, with an empty or no
 *   -wal and no -journal, at the moment the trend is read (where the
 *   history step would read it). Any write to the file (a new drill
 *   recorded, a restored backup, `sqlite3` by hand) changes its change
 *   time, and the history step then reads the file as before.
 *
 * Entries live in $XDG_CACHE_HOME/tabletop/trends, one per history file
 * (device and inode) and journal path, JSON (jansson), written whole under
 * a temporary name then renamed; anything unreadable is a miss and is
 * replaced. The entry is looked up before the journal is read (by the
 * journal's path and size), so that `score` opens no history ahead in a
 * thread when the memo will likely answer; the hash read from the journal
 * decides. */
#define _GNU_SOURCE /* mkostemps */
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <jansson.h>

#include "tabletop/json_text.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tabletop/cache_files.h"

#define TM_FORMAT 1
#define TM_MAX_FILE ((size_t)4 << 20)   /* one entry: larger is not ours */
#define TM_MAX_ENTRIES 256
#define TM_MAX_TOTAL ((off_t)16 << 20)
#define TM_STALE_TMP_S 600

/* A file's stat as text: "dev ino size mtime ctime" (ns); "" when absent. */
typedef char stamp[160];

static bool stamp_of(const char *path, stamp out, struct stat *st)
{
    if (stat(path, st) != 0 || !S_ISREG(st->st_mode)) {
        out[0] = '\0';
        return false;
    }
    snprintf(out, sizeof(stamp), "%ju %ju %jd %jd.%09ld %jd.%09ld", (uintmax_t)st->st_dev,
             (uintmax_t)st->st_ino, (intmax_t)st->st_size, (intmax_t)st->st_mtim.tv_sec,
             st->st_mtim.tv_nsec, (intmax_t)st->st_ctim.tv_sec, st->st_ctim.tv_nsec);
    return true;
}

/* True when every committed write is in the file itself: its -wal is
 * empty or absent and there is no rollback -journal. */
static bool all_in_file(const char *db)
{
    char side[4200];
    struct stat st;
    if (snprintf(side, sizeof side, "%s-wal", db) >= (int)sizeof side)
        return false;
    if (stat(side, &st) == 0 ? st.st_size != 0 : errno != ENOENT)
        return false;
    snprintf(side, sizeof side, "%s-journal", db);
    return stat(side, &st) != 0 && errno == ENOENT;
}

typedef struct memo {
    bool prepared;
    char db[4096];            /* the history file */
    char journal[4096];       /* the journal file */
    stamp db_before;          /* its stat when prepared */
    bool quiet_before;        /* ...unchanged since before the clock read, all in the file */
    char path[4200];          /* the entry's file */
    size_t root;              /* tt_cache_dir's root length of `path` */
    json_t *entry;            /* the entry, when its journal and file matched */
} memo;

static memo pending;

static void forget(void)
{
    json_decref(pending.entry);
    memset(&pending, 0, sizeof pending);
}

bool store_memo_settled(const struct timespec *changed, const struct timespec *now)
{
    /* A change time with no fraction may come from a file system that keeps
     * whole seconds: a write later in that second would leave it as it is,
     * so only an earlier second is settled. Otherwise the kernel's coarse
     * clock stamps both, and a later write gets a later time. */
    if (changed->tv_nsec == 0)
        return changed->tv_sec < now->tv_sec;
    return changed->tv_sec < now->tv_sec ||
           (changed->tv_sec == now->tv_sec && changed->tv_nsec < now->tv_nsec);
}

static const char *get_str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* "SIZE PATH" of the journal file, its path made absolute; false when it
 * is not a regular file or does not fit. */
static bool journal_where(const char *path, char *out, size_t size)
{
    struct stat st;
    char cwd[4096] = "";
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
        (path[0] != '/' && !getcwd(cwd, sizeof cwd)))
        return false;
    int n = snprintf(out, size, "%jd %s%s%s", (intmax_t)st.st_size, cwd, cwd[0] ? "/" : "", path);
    return n > 0 && (size_t)n < size;
}

/* FNV-1a of the text: the entry's name for it (the entry holds the text). */
static uint64_t fnv1a(const char *s)
{
    uint64_t h = 14695981039346656037u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

bool tt_history_memo_prepare(const char *db_flag, const char *journal_path)
{
    static bool registered;
    forget();
    const char *spec = tt_history_spec(db_flag);
    if (tt_store_is_uri(spec))
        return false;
    if (!spec) {
        tt_error ignored;
        if (tt_history_default_path(pending.db, sizeof pending.db, &ignored) != 0)
            return false;
    } else if (snprintf(pending.db, sizeof pending.db, "%s", spec) >= (int)sizeof pending.db) {
        return false;
    }
    /* The clock first: a change of the file after this read carries a
     * later change time than any the stat below can show. */
    struct timespec now;
    struct stat db_st;
    char where[4200];
    if (snprintf(pending.journal, sizeof pending.journal, "%s", journal_path) >=
            (int)sizeof pending.journal ||
        clock_gettime(CLOCK_REALTIME_COARSE, &now) != 0 ||
        !stamp_of(pending.db, pending.db_before, &db_st) ||
        !journal_where(journal_path, where, sizeof where))
        return false;
    pending.quiet_before = store_memo_settled(&db_st.st_ctim, &now) && all_in_file(pending.db);
    char dir[4096];
    if (tt_cache_dir("trends", dir, sizeof dir, &pending.root) != 0 ||
        snprintf(pending.path, sizeof pending.path, "%s/%jx-%jx-%016" PRIx64 ".trend", dir,
                 (uintmax_t)db_st.st_dev, (uintmax_t)db_st.st_ino,
                 fnv1a(where + strcspn(where, " "))) >=
            (int)sizeof pending.path)
        return false;
    if (!registered) {
        if (atexit(forget) != 0)
            return false;
        registered = true;
    }
    pending.prepared = true;
    if (!pending.quiet_before)
        return false;   /* the file is being written: no entry can answer */
    size_t len;
    bool bad;
    char *text = tt_cache_slurp(pending.path, TM_MAX_FILE, &len, &bad);
    if (!text) {
        if (bad)
            unlink(pending.path);
        return false;
    }
    json_t *e = json_loadb(text, len, 0, NULL);
    free(text);
    const char *version = get_str(e, "version");
    if (!e || json_integer_value(json_object_get(e, "format")) != TM_FORMAT ||
        json_integer_value(json_object_get(e, "schema")) != TT_HISTORY_SCHEMA_VERSION ||
        !version || strcmp(version, tt_version()) != 0 || !get_str(e, "journal") ||
        !get_str(e, "db")) {
        json_decref(e);
        unlink(pending.path);   /* another format, or damaged: replaced */
        return false;
    }
    if (strcmp(get_str(e, "journal"), where) != 0 ||
        strcmp(get_str(e, "db"), pending.db_before) != 0) {
        json_decref(e);
        return false;           /* another state: the next read replaces it */
    }
    pending.entry = e;
    return true;
}

/* The entry's trend rows on the card; false (nothing changed) when one is
 * not of the expected shape. */
static bool trend_from(json_t *rows, tt_scorecard *card)
{
    size_t n = json_array_size(rows);
    if (!json_is_array(rows))
        return false;
    tt_score_trend *t = n ? tt_arena_alloc(&card->arena, n * sizeof *t) : NULL;
    if (n && !t)
        return false;
    for (size_t i = 0; i < n; i++) {
        json_t *r = json_array_get(rows, i);
        json_t *score = json_array_get(r, 1), *rating = json_array_get(r, 2),
               *complete = json_array_get(r, 3);
        const char *when = json_string_value(json_array_get(r, 0));
        if (json_array_size(r) != 4 || !when || !json_is_integer(score) ||
            json_integer_value(score) < INT32_MIN || json_integer_value(score) > INT32_MAX ||
            !json_is_integer(rating) || json_integer_value(rating) < TT_RATING_P ||
            json_integer_value(rating) > TT_RATING_NA || !json_is_boolean(complete))
            return false;
        t[i].when = tt_arena_strdup(&card->arena, when);
        t[i].score = (int)json_integer_value(score);
        t[i].rating = (tt_rating)json_integer_value(rating);
        t[i].complete = json_is_true(complete);
        if (!t[i].when)
            return false;
    }
    card->trend = t;
    card->n_trend = n;
    return true;
}

static const char *team_of(const tt_scorecard *card)
{
    return card->start && card->start->team ? card->start->team : "";
}

/* Whether `spec` (NULL: the default file) names the prepared file. */
static bool prepared_for(const char *spec)
{
    char def[4096];
    tt_error ignored;
    if (!pending.prepared || tt_store_is_uri(spec) ||
        (!spec && tt_history_default_path(def, sizeof def, &ignored) != 0))
        return false;
    return strcmp(spec ? spec : def, pending.db) == 0;
}

bool store_memo_fill(const char *spec, tt_scorecard *card)
{
    json_t *e = pending.entry;
    if (!e || !prepared_for(spec) || !card->journal_hash ||
        !card->scenario || !card->scenario->id)
        return false;
    const char *hash = get_str(e, "hash"), *team = get_str(e, "team"),
               *scenario = get_str(e, "scenario");
    if (!hash || !team || !scenario || strcmp(hash, card->journal_hash) != 0 ||
        strcmp(team, team_of(card)) != 0 || strcmp(scenario, card->scenario->id) != 0)
        return false;
    /* Where the history step would read the file: still the same one. */
    stamp now;
    struct stat st;
    if (!stamp_of(pending.db, now, &st) || strcmp(now, get_str(e, "db")) != 0 ||
        !all_in_file(pending.db))
        return false;
    return trend_from(json_object_get(e, "trend"), card);
}

static json_t *trend_json(const tt_scorecard *card)
{
    json_t *rows = json_array();
    for (size_t i = 0; rows && i < card->n_trend; i++) {
        const tt_score_trend *t = &card->trend[i];
        if (json_array_append_new(rows, json_pack("[siib]", t->when ? t->when : "", t->score,
                                                  (int)t->rating, t->complete)) != 0) {
            json_decref(rows);
            rows = NULL;
        }
    }
    return rows;
}

void store_memo_save(const char *spec, const tt_scorecard *card)
{
    if (!pending.quiet_before || !prepared_for(spec) || !card->journal_hash ||
        !card->scenario || !card->scenario->id)
        return;
    /* Nothing changed the file while it was read (the connection is
     * closed: a last close's checkpoint would show here). */
    stamp after;
    struct stat st;
    if (!stamp_of(pending.db, after, &st) || strcmp(after, pending.db_before) != 0 ||
        !all_in_file(pending.db))
        return;
    char where[4200];
    if (!journal_where(pending.journal, where, sizeof where))
        return;
    json_t *e = json_pack("{si si ss ss ss ss ss ss so*}", "format", TM_FORMAT, "schema",
                          TT_HISTORY_SCHEMA_VERSION, "version", tt_version(), "journal",
                          where, "db", after, "hash", card->journal_hash, "team",
                          team_of(card), "scenario", card->scenario->id, "trend",
                          trend_json(card));
    char *text = e && json_object_get(e, "trend") ? tt_json_dumps(e, JSON_COMPACT) : NULL;
    json_decref(e);
    if (!text)
        return;
    char dir[4200], tmp[4300];
    size_t dir_len = (size_t)(strrchr(pending.path, '/') - pending.path);
    memcpy(dir, pending.path, dir_len);
    dir[dir_len] = '\0';
    snprintf(tmp, sizeof tmp, "%s/.trend.XXXXXX.tmp", dir);
    int fd = tt_cache_make_dirs(dir, pending.root) == 0 ? mkostemps(tmp, 4, O_CLOEXEC) : -1;
    if (fd >= 0) {
        bool ok = tt_cache_write_all(fd, text, strlen(text));
        ok = close(fd) == 0 && ok;
        if (ok && rename(tmp, pending.path) == 0)
            tt_cache_prune(dir, ".trend", TM_MAX_ENTRIES, TM_MAX_TOTAL, TM_STALE_TMP_S);
        else
            unlink(tmp);
    }
    free(text);
}
