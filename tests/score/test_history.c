/* Drill history: round trips, no duplicates, trend, schema version, default
 * path, and several processes writing at once. */
#define _GNU_SOURCE  /* mkdtemp, setenv, usleep, sched_setaffinity */
#include <sched.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>
#include <sqlite3.h>

#include "fixture.h"
#include "json_oom.h"
#include "tabletop/results.h"
#include "store.h"   /* store_ahead_min_cpus */

static char dir[256];
static char db[512];

static int setup(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/tt-history-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    snprintf(db, sizeof db, "%s/sub/dir/history.sqlite3", dir);   /* folders created */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void card_for(tt_scorecard *c, fixture_journal *f, const char *hash)
{
    tt_error err;
    assert_int_equal(tt_scorecard_build(c, fixture_scenario(), &f->j, "/tmp/j.yaml", hash, &err), 0);
}

static void test_round_trip_and_no_duplicates(void **state)
{
    (void)state;
    tt_error err;
    tt_history *h = tt_history_open(db, &err);
    assert_non_null(h);
    assert_int_equal(tt_history_schema_version(h), TT_HISTORY_SCHEMA_VERSION);

    static fixture_journal model, nothing;
    fj_model(&model);
    fj_nothing(&nothing);
    tt_scorecard c1, c2;
    card_for(&c1, &nothing, "hash-1");
    card_for(&c2, &model, "hash-2");
    bool inserted = false;
    assert_int_equal(tt_history_record(h, &c1, &inserted, &err), 0);
    assert_true(inserted);
    assert_int_equal(tt_history_record(h, &c1, &inserted, &err), 0);
    assert_false(inserted);                     /* same journal: no duplicate */
    assert_int_equal(tt_history_record(h, &c2, &inserted, &err), 0);
    assert_true(inserted);

    tt_history_row *rows;
    size_t n;
    assert_int_equal(tt_history_list(h, NULL, NULL, &rows, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(rows[0].scenario, "fixture");
    assert_string_equal(rows[0].team, "Blue team");
    assert_int_equal(rows[0].score, 0);
    assert_int_equal(rows[0].rating, TT_RATING_U);
    assert_int_equal(rows[1].score, 100);
    assert_int_equal(rows[1].rating, TT_RATING_P);
    assert_true(rows[1].complete);
    assert_int_equal(rows[1].seed, 7);
    assert_int_equal(rows[1].duration, MIN(70));
    tt_history_rows_free(rows, n);

    /* Trend: c2 sees c1 before it; c1 sees nothing. */
    assert_int_equal(tt_history_fill_trend(h, &c2, &err), 0);
    assert_int_equal(c2.n_trend, 1);
    assert_int_equal(c2.trend[0].score, 0);
    assert_int_equal(c2.trend[0].rating, TT_RATING_U);
    assert_int_equal(tt_history_fill_trend(h, &c1, &err), 0);
    assert_int_equal(c1.n_trend, 0);
    /* An unrecorded journal sees every earlier run of its team. */
    tt_scorecard c3;
    card_for(&c3, &model, "hash-3");
    assert_int_equal(tt_history_fill_trend(h, &c3, &err), 0);
    assert_int_equal(c3.n_trend, 2);
    char *html = tt_scorecard_render(&c3, TT_CARD_HTML, TT_LANG_EN, NULL, &err);
    assert_non_null(strstr(html, "(+0)"));    /* this run against the last one */
    free(html);

    /* Another team's runs are not in the trend, and filters work. */
    static fixture_journal other;
    fj_mediocre(&other);          /* no team */
    tt_scorecard c4;
    card_for(&c4, &other, "hash-4");
    assert_int_equal(tt_history_record(h, &c4, &inserted, &err), 0);
    assert_int_equal(tt_history_fill_trend(h, &c4, &err), 0);
    assert_int_equal(c4.n_trend, 0);
    assert_int_equal(tt_history_list(h, "Blue team", "fixture", &rows, &n, &err), 0);
    assert_int_equal(n, 2);
    tt_history_rows_free(rows, n);
    assert_int_equal(tt_history_list(h, NULL, "ransomware", &rows, &n, &err), 0);
    assert_int_equal(n, 0);
    tt_history_rows_free(rows, n);

    tt_scorecard no_hash;
    card_for(&no_hash, &model, NULL);
    assert_int_equal(tt_history_record(h, &no_hash, &inserted, &err), -1);
    tt_scorecard_free(&no_hash);
    tt_scorecard_free(&c1);
    tt_scorecard_free(&c2);
    tt_scorecard_free(&c3);
    tt_scorecard_free(&c4);
    tt_history_close(h);

    /* Reopening keeps everything (and does not migrate again). */
    h = tt_history_open(db, &err);
    assert_non_null(h);
    assert_int_equal(tt_history_list(h, NULL, NULL, &rows, &n, &err), 0);
    assert_int_equal(n, 3);
    tt_history_rows_free(rows, n);
    tt_history_close(h);
}

/* A drill ended early is stored as the card says it: the exercise's
 * length, not-assessed count and early mark, and each not-assessed
 * objective with rating N/A and no score (NULL). */
static void test_early_end_is_stored(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_init(&f, "Early team");
    fj_action(&f, MIN(4), "pull_cable", "sysadmin", NULL);
    fj_objective(&f, MIN(9), "isolate", "reached");
    fj_end(&f, MIN(30));
    f.recs[f.j.n_records - 1].status = "facilitator";
    tt_scorecard c;
    card_for(&c, &f, "hash-early");
    assert_true(c.early);
    assert_int_equal(c.n_not_assessed, 2);
    char banner[256];
    assert_true(tt_scorecard_banner(&c, TT_LANG_EN, banner, sizeof banner));
    assert_string_equal(banner, "Ended at +0:30:00 of 8:00:00: 2 objective(s) not assessed "
                                "(their limit had not passed).");
    tt_error err;
    char path[600];
    snprintf(path, sizeof path, "%s/early.sqlite3", dir);
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    bool inserted;
    assert_int_equal(tt_history_record(h, &c, &inserted, &err), 0);
    assert_true(inserted);
    tt_history_row *rows;
    size_t n;
    assert_int_equal(tt_history_list(h, "Early team", NULL, &rows, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_true(rows[0].ended_early);
    assert_int_equal(rows[0].not_assessed, 2);
    assert_int_equal(rows[0].length, MIN(480));
    assert_int_equal(rows[0].score, c.score);
    tt_history_rows_free(rows, n);
    tt_history_close(h);
    tt_scorecard_free(&c);

    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw, "SELECT objective, rating, score FROM objectives "
                                             "ORDER BY objective", -1, &st, NULL), SQLITE_OK);
    int na = 0, scored = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
        const char *rating = (const char *)sqlite3_column_text(st, 1);
        if (strcmp(rating, "N/A") == 0) {
            assert_int_equal(sqlite3_column_type(st, 2), SQLITE_NULL);
            na++;
        } else {
            assert_int_equal(sqlite3_column_type(st, 2), SQLITE_INTEGER);
            scored++;
        }
    }
    sqlite3_finalize(st);
    sqlite3_close(raw);
    assert_int_equal(na, 2);
    assert_int_equal(scored, 1);
}

/* A schema-4 file keeps its objectives through migration 5 (SQLite rebuilds
 * the objectives table to let a score be NULL). */
static void test_schema_4_migrates_keeping_objectives(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/v4.sqlite3", dir);
    tt_error err;
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    static fixture_journal model;
    fj_model(&model);
    tt_scorecard c;
    card_for(&c, &model, "hash-v4");
    bool inserted;
    assert_int_equal(tt_history_record(h, &c, &inserted, &err), 0);
    tt_scorecard_free(&c);
    tt_history_close(h);
    /* Undo step 5 by hand: the file as schema 4 wrote it. */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
        "ALTER TABLE exercises DROP COLUMN length_ms;"
        "ALTER TABLE exercises DROP COLUMN not_assessed;"
        "ALTER TABLE exercises DROP COLUMN ended_early;"
        "CREATE TABLE o4 (exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,"
        " objective TEXT NOT NULL, phase TEXT NOT NULL, reached_ms INTEGER, rating TEXT NOT NULL,"
        " score INTEGER NOT NULL, PRIMARY KEY (exercise_id, objective));"
        "INSERT INTO o4 SELECT * FROM objectives; DROP TABLE objectives;"
        "ALTER TABLE o4 RENAME TO objectives; PRAGMA user_version = 4;", NULL, NULL, NULL),
        SQLITE_OK);
    sqlite3_close(raw);
    h = tt_history_open(path, &err);
    assert_non_null(h);
    assert_int_equal(tt_history_schema_version(h), TT_HISTORY_SCHEMA_VERSION);
    tt_history_close(h);
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw, "SELECT COUNT(*), SUM(score) FROM objectives", -1, &st,
                                        NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), 3);
    assert_true(sqlite3_column_int(st, 1) > 0);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

static void test_newer_schema_is_refused(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/newer.sqlite3", dir);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    tt_error err;
    tt_error_clear(&err);
    assert_null(tt_history_open(path, &err));
    assert_non_null(strstr(err.message, "newer"));
    /* Not a database at all. */
    snprintf(path, sizeof path, "%s/garbage.sqlite3", dir);
    FILE *f = fopen(path, "w");
    fputs("this is not a database, just some text that is long enough to be a header......", f);
    fclose(f);
    assert_null(tt_history_open(path, &err));
}

static long file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

static void copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* Closing the history leaves everything in the database file itself (the
 * close checkpoints and syncs) and the kept WAL empty, so the next process
 * has nothing to read back or copy again: a copy of the database file
 * alone holds the recorded exercise, and a process that only reads the
 * trend leaves the WAL empty. */
static void test_close_leaves_all_in_the_database_file(void **state)
{
    (void)state;
    char path[600], wal[640], copy[640];
    snprintf(path, sizeof path, "%s/closed.sqlite3", dir);
    snprintf(wal, sizeof wal, "%s-wal", path);
    snprintf(copy, sizeof copy, "%s/closed-copy.sqlite3", dir);
    static fixture_journal model;
    fj_model(&model);
    tt_scorecard c;
    card_for(&c, &model, "hash-closed");
    tt_error err;
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    bool inserted = false;
    assert_int_equal(tt_history_record(h, &c, &inserted, &err), 0);
    assert_true(inserted);
    assert_true(file_size(wal) > 0);      /* the write went to the WAL */
    tt_history_close(h);
    assert_int_equal(file_size(wal), 0);  /* kept, empty */

    copy_file(path, copy);                /* the database file without its WAL */
    h = tt_history_open(copy, &err);
    assert_non_null(h);
    tt_history_row *rows;
    size_t n;
    assert_int_equal(tt_history_list(h, NULL, NULL, &rows, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(rows[0].score, 100);
    tt_history_rows_free(rows, n);
    tt_history_close(h);

    /* Reading the trend (what `score` of a recorded journal does). */
    h = tt_history_open(path, &err);
    assert_non_null(h);
    assert_int_equal(tt_history_record(h, &c, &inserted, &err), 0);
    assert_false(inserted);
    assert_int_equal(tt_history_fill_trend(h, &c, &err), 0);
    tt_history_close(h);
    assert_int_equal(file_size(wal), 0);
    tt_scorecard_free(&c);
}

/* A history opened ahead (the thread `score` starts before reading the
 * journal) is taken by the next open of the same file, sees what was
 * written meanwhile, and is never used for another file, a missing file or
 * an older schema (those are opened, created, migrated as always). */
static void test_opened_ahead(void **state)
{
    (void)state;
    char a[600], b[600], missing[600], old[600];
    snprintf(a, sizeof a, "%s/ahead-a.sqlite3", dir);
    snprintf(b, sizeof b, "%s/ahead-b.sqlite3", dir);
    snprintf(missing, sizeof missing, "%s/ahead/new/history.sqlite3", dir);
    snprintf(old, sizeof old, "%s/ahead-v4.sqlite3", dir);
    static fixture_journal model;
    fj_model(&model);
    tt_scorecard c1, c2;
    card_for(&c1, &model, "hash-ahead-1");
    card_for(&c2, &model, "hash-ahead-2");
    tt_error err;
    bool inserted;
    store_ahead_min_cpus(1);   /* whatever this machine's CPUs */

    tt_history *h = tt_history_open(a, &err);   /* the file exists, current schema */
    assert_non_null(h);
    assert_false(tt_history_opened_ahead(h));
    tt_history_close(h);
    h = tt_history_open(b, &err);
    assert_non_null(h);
    tt_history_close(h);

    /* Written by another connection after the thread opened its own: seen. */
    tt_history *other = tt_history_open(a, &err);
    assert_non_null(other);
    tt_history_open_ahead(a);
    assert_int_equal(tt_history_record(other, &c1, &inserted, &err), 0);
    assert_true(inserted);
    tt_history_close(other);
    h = tt_history_open(a, &err);
    assert_non_null(h);
    assert_true(tt_history_opened_ahead(h));
    assert_string_equal(tt_history_name(h), a);
    assert_int_equal(tt_history_fill_trend(h, &c2, &err), 0);
    assert_int_equal(c2.n_trend, 1);
    assert_int_equal(tt_history_record(h, &c2, &inserted, &err), 0);
    assert_true(inserted);
    tt_history_close(h);
    h = tt_history_open(a, &err);                /* taken once only */
    assert_non_null(h);
    assert_false(tt_history_opened_ahead(h));
    tt_history_row *rows;
    size_t n;
    assert_int_equal(tt_history_list(h, NULL, NULL, &rows, &n, &err), 0);
    assert_int_equal(n, 2);
    tt_history_rows_free(rows, n);
    tt_history_close(h);

    /* Another file: opened as always (the one opened ahead is closed). */
    tt_history_open_ahead(a);
    h = tt_history_open(b, &err);
    assert_non_null(h);
    assert_false(tt_history_opened_ahead(h));
    assert_string_equal(tt_history_name(h), b);
    tt_history_close(h);

    /* No file yet: created with its folders, as without the thread. */
    tt_history_open_ahead(missing);
    h = tt_history_open(missing, &err);
    assert_non_null(h);
    assert_false(tt_history_opened_ahead(h));
    assert_int_equal(tt_history_schema_version(h), TT_HISTORY_SCHEMA_VERSION);
    tt_history_close(h);

    /* An older schema: migrated by the open itself. */
    h = tt_history_open(old, &err);
    assert_non_null(h);
    tt_history_close(h);
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(old, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
        "ALTER TABLE exercises DROP COLUMN length_ms;"
        "ALTER TABLE exercises DROP COLUMN not_assessed;"
        "ALTER TABLE exercises DROP COLUMN ended_early;"
        "PRAGMA user_version = 4;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    tt_history_open_ahead(old);
    h = tt_history_open(old, &err);
    assert_non_null(h);
    assert_false(tt_history_opened_ahead(h));
    assert_int_equal(tt_history_schema_version(h), TT_HISTORY_SCHEMA_VERSION);
    tt_history_close(h);

    /* A store that is not a SQLite file is not opened ahead; one started
     * again replaces the last (closing its connection). */
    tt_history_open_ahead("postgresql://nobody@127.0.0.1:1/none");
    tt_history_open_ahead(a);
    tt_history_open_ahead(a);
    h = tt_history_open(a, &err);
    assert_non_null(h);
    assert_true(tt_history_opened_ahead(h));
    tt_history_close(h);

    /* A process on one CPU opens its history itself (no thread to gain). */
    store_ahead_min_cpus(2);
    cpu_set_t all, one;
    assert_int_equal(sched_getaffinity(0, sizeof all, &all), 0);
    CPU_ZERO(&one);
    for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
        if (CPU_ISSET(cpu, &all)) {
            CPU_SET(cpu, &one);
            break;
        }
    assert_int_equal(sched_setaffinity(0, sizeof one, &one), 0);
    tt_history_open_ahead(a);
    h = tt_history_open(a, &err);
    assert_int_equal(sched_setaffinity(0, sizeof all, &all), 0);
    assert_non_null(h);
    assert_false(tt_history_opened_ahead(h));
    tt_history_close(h);
    tt_scorecard_free(&c1);
    tt_scorecard_free(&c2);
}

static void test_default_path(void **state)
{
    (void)state;
    char buf[512];
    tt_error err;
    char *old_xdg = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
    char *old_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
    setenv("XDG_DATA_HOME", "/data", 1);
    assert_int_equal(tt_history_default_path(buf, sizeof buf, &err), 0);
    assert_string_equal(buf, "/data/tabletop/history.sqlite3");
    unsetenv("XDG_DATA_HOME");
    setenv("HOME", "/home/u", 1);
    assert_int_equal(tt_history_default_path(buf, sizeof buf, &err), 0);
    assert_string_equal(buf, "/home/u/.local/share/tabletop/history.sqlite3");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);   /* the spec says absolute only */
    assert_int_equal(tt_history_default_path(buf, sizeof buf, &err), 0);
    assert_string_equal(buf, "/home/u/.local/share/tabletop/history.sqlite3");
    if (old_xdg)
        setenv("XDG_DATA_HOME", old_xdg, 1);
    else
        unsetenv("XDG_DATA_HOME");
    if (old_home)
        setenv("HOME", old_home, 1);
    free(old_xdg);
    free(old_home);
}

enum { WRITERS = 3, PER_WRITER = 40 };

/* A child process: open, record PER_WRITER journals, exit 0 on success. */
static int writer(const char *path, int who)
{
    static fixture_journal f;
    fj_model(&f);
    for (int i = 0; i < PER_WRITER; i++) {
        tt_error err;
        tt_history *h = tt_history_open(path, &err);   /* open races too */
        if (!h) {
            fprintf(stderr, "writer %d: %s\n", who, err.message);
            return 1;
        }
        char hash[64];
        snprintf(hash, sizeof hash, "w%d-%d", who, i);
        tt_scorecard c;
        if (tt_scorecard_build(&c, fixture_scenario(), &f.j, "/tmp/j.yaml", hash, &err) != 0)
            return 1;
        bool inserted = false;
        int rc = tt_history_record(h, &c, &inserted, &err);
        /* Every writer also records one shared journal: only one row may win. */
        tt_scorecard shared;
        if (rc == 0 && tt_scorecard_build(&shared, fixture_scenario(), &f.j, "/tmp/j.yaml", "shared", &err) == 0) {
            rc = tt_history_record(h, &shared, NULL, &err);
            tt_scorecard_free(&shared);
        }
        tt_scorecard_free(&c);
        tt_history_close(h);
        if (rc != 0 || !inserted) {
            fprintf(stderr, "writer %d: %s\n", who, err.message);
            return 1;
        }
    }
    return 0;
}

/* RFC 4180 fields for hostile names: quoted when needed, quotes doubled,
 * formulas neutralised; the output read back by a strict parser. */
static void test_csv_fields_against_hostile_names(void **state)
{
    (void)state;
    static const struct { const char *in, *out; } cases[] = {
        { "Blue team", "Blue team" },
        { "", "" },
        { "a,b", "\"a,b\"" },
        { "say \"hi\"", "\"say \"\"hi\"\"\"" },
        { "two\nlines", "\"two\nlines\"" },
        { "cr\rlf", "\"cr\rlf\"" },
        { "=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"" },
        { "+1", "\"'+1\"" },
        { "-2", "\"'-2\"" },
        { "@SUM(A1)", "\"'@SUM(A1)\"" },
        { "x'); DROP TABLE exercises; --", "x'); DROP TABLE exercises; --" },
        { "青チーム", "青チーム" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        tt_buf b = TT_BUF_INIT;
        size_t len = 0;
        assert_true(tt_csv_field(&b, cases[i].in));
        char *buf = tt_buf_take(&b, &len);
        assert_non_null(buf);
        assert_string_equal(buf, cases[i].out);
        assert_int_equal(len, strlen(cases[i].out));
        free(buf);
    }
}

static void test_pseudonyms_are_stable_and_keyed(void **state)
{
    (void)state;
    char a[40], b[40], c[40], d[40];
    unsetenv("TABLETOP_PSEUDONYM_KEY");
    tt_pseudonym("team", "Blue team", a, sizeof a);
    tt_pseudonym("team", "Blue team", b, sizeof b);
    tt_pseudonym("team", "Red team", c, sizeof c);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_int_equal(strncmp(a, "team-", 5), 0);
    assert_int_equal(strlen(a), 11);
    setenv("TABLETOP_PSEUDONYM_KEY", "site secret", 1);
    tt_pseudonym("team", "Blue team", d, sizeof d);
    unsetenv("TABLETOP_PSEUDONYM_KEY");
    assert_string_not_equal(a, d);
}

/* The same report from the SQLite store: filters are parameters, the
 * anonymised report holds no team name. */
static void test_report_from_sqlite(void **state)
{
    (void)state;
    tt_error err;
    char path[600];
    snprintf(path, sizeof path, "%s/report.sqlite3", dir);
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    static fixture_journal f;
    const char *teams[] = { "Blue team", "x'); DROP TABLE exercises; --" };
    for (int i = 0; i < 6; i++) {
        if (i % 2)
            fj_mediocre(&f);
        else
            fj_model(&f);
        f.start.team = teams[i % 2];
        char hash[65];
        snprintf(hash, sizeof hash, "r%063d", i);
        tt_scorecard c;
        assert_int_equal(tt_scorecard_build(&c, fixture_scenario(), &f.j, NULL, hash, &err), 0);
        assert_int_equal(tt_history_record(h, &c, NULL, &err), 0);
        tt_scorecard_free(&c);
    }
    tt_report_options o = { .lang = TT_LANG_EN };
    size_t len;
    char *json = tt_report_render(h, &o, TT_REPORT_JSON, &len, &err);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"exercises\": 6"));
    assert_non_null(strstr(json, "DROP TABLE"));
    free(json);
    o.filter.team = teams[1];
    o.anonymise = true;
    json = tt_report_render(h, &o, TT_REPORT_JSON, &len, &err);
    assert_non_null(json);
    assert_non_null(strstr(json, "\"exercises\": 3"));
    assert_null(strstr(json, "DROP TABLE"));
    assert_null(strstr(json, "Blue team"));
    assert_non_null(strstr(json, "team-"));
    free(json);
    o.filter.team = "' OR '1'='1";
    json = tt_report_render(h, &o, TT_REPORT_JSON, &len, &err);
    assert_non_null(strstr(json, "\"exercises\": 0"));
    free(json);
    o.filter.team = NULL;
    o.anonymise = false;
    const tt_report_format fmts[] = { TT_REPORT_HTML, TT_REPORT_MD, TT_REPORT_CSV };
    for (size_t i = 0; i < 3; i++) {
        char *text = tt_report_render(h, &o, fmts[i], &len, &err);
        assert_non_null(text);
        assert_true(len > 100);
        free(text);
    }
    tt_history_close(h);
}

/* Out of memory anywhere in building the report's model: no report, or the
 * whole report, never one with rows missing (a list whose value could not
 * be made was left out, and the objectives' rows read a NULL). */
static void test_report_out_of_memory_has_no_holes(void **state)
{
    (void)state;
    tt_error err;
    char path[600];
    snprintf(path, sizeof path, "%s/report-oom.sqlite3", dir);
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    static fixture_journal f;
    for (int i = 0; i < 4; i++) {
        if (i % 2)
            fj_mediocre(&f);
        else
            fj_model(&f);
        f.start.team = i < 2 ? "Blue team" : "Red team";
        char hash[65];
        snprintf(hash, sizeof hash, "o%063d", i);
        tt_scorecard c;
        assert_int_equal(tt_scorecard_build(&c, fixture_scenario(), &f.j, NULL, hash, &err), 0);
        assert_int_equal(tt_history_record(h, &c, NULL, &err), 0);
        tt_scorecard_free(&c);
    }
    tt_report_options o = { .lang = TT_LANG_EN };
    size_t len;
    char *whole = json_oom_cut_line(tt_report_render(h, &o, TT_REPORT_JSON, &len, &err), "\"generated\"");
    assert_non_null(whole);
    assert_non_null(strstr(whole, "\"lessons_missed\""));
    long n = 0;
    for (bool failed = true; failed; n++) {
        json_oom_fail_nth(n);
        tt_error_clear(&err);
        char *json = tt_report_render(h, &o, TT_REPORT_JSON, &len, &err);
        failed = json_oom_came();   /* the nth request came and failed */
        if (!json && !strstr(err.message, "out of memory"))
            fail_msg("allocation %ld: %s", n, err.message);
        if (json && strcmp(json_oom_cut_line(json, "\"generated\""), whole) != 0)
            fail_msg("allocation %ld failed: a report with holes:\n%.1500s", n, json);
        free(json);
    }
    json_oom_off();
    assert_true(n > 100);   /* every allocation of the model was failed in turn */
    free(whole);
    tt_history_close(h);
}

static void test_concurrent_writers(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/concurrent.sqlite3", dir);
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0)
            _exit(writer(path, w));
    }
    for (int w = 0; w < WRITERS; w++) {
        int status = 0;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status));
        assert_int_equal(WEXITSTATUS(status), 0);
    }
    tt_error err;
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    tt_history_row *rows;
    size_t n;
    assert_int_equal(tt_history_list(h, NULL, NULL, &rows, &n, &err), 0);
    assert_int_equal(n, WRITERS * PER_WRITER + 1);
    tt_history_rows_free(rows, n);
    tt_history_close(h);

    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(raw, "SELECT count(*) FROM objectives", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), (WRITERS * PER_WRITER + 1) * 3);
    sqlite3_finalize(st);
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

/* Another drill creating the same new history holds its write lock on the
 * still empty file: this drill's open must wait for it, not fail. SQLite
 * answers "database is locked" at once there, without the busy handler
 * (switching an empty file to WAL), which made test_concurrent_writers
 * fail under load. One child holds the lock, another opens meanwhile; the
 * holder lets go once the opener is trying (if the opener is slower than
 * that, the test proves less, but never fails wrongly). Each child opens
 * its own connection: SQLite connections do not survive fork. */
static void test_open_waits_for_a_new_file_being_created(void **state)
{
    (void)state;
    char path[600];
    snprintf(path, sizeof path, "%s/being-created.sqlite3", dir);
    int locked[2], release[2];
    assert_int_equal(pipe(locked), 0);
    assert_int_equal(pipe(release), 0);
    pid_t holder = fork();
    assert_true(holder >= 0);
    if (holder == 0) {
        close(locked[0]);
        close(release[1]);
        sqlite3 *raw;
        char c = 'L';
        if (sqlite3_open(path, &raw) != SQLITE_OK ||
            sqlite3_exec(raw, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK ||
            write(locked[1], &c, 1) != 1)
            _exit(1);
        (void)!read(release[0], &c, 1);   /* EOF: let go */
        int rc = sqlite3_exec(raw, "COMMIT", NULL, NULL, NULL);
        sqlite3_close(raw);
        _exit(rc == SQLITE_OK ? 0 : 1);
    }
    close(locked[1]);
    close(release[0]);
    char c;
    assert_int_equal(read(locked[0], &c, 1), 1);   /* the lock is held */
    close(locked[0]);
    int started[2];
    assert_int_equal(pipe(started), 0);
    pid_t opener = fork();
    assert_true(opener >= 0);
    if (opener == 0) {
        close(release[1]);
        close(started[0]);
        close(started[1]);   /* EOF: the open starts now */
        tt_error err;
        tt_history *h = tt_history_open(path, &err);
        if (!h)
            fprintf(stderr, "open while another drill creates the file: %s\n", err.message);
        tt_history_close(h);
        _exit(h ? 0 : 1);
    }
    close(started[1]);
    assert_int_equal(read(started[0], &c, 1), 0);
    close(started[0]);
    int status = 0;
    pid_t done = 0;
    for (int i = 0; i < 20 && (done = waitpid(opener, &status, WNOHANG)) == 0; i++)
        usleep(10000);
    close(release[1]);
    int held = 0;
    assert_int_equal(waitpid(holder, &held, 0), holder);
    assert_true(WIFEXITED(held) && WEXITSTATUS(held) == 0);
    if (done == 0)
        done = waitpid(opener, &status, 0);
    assert_int_equal(done, opener);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    tt_error err;
    tt_history *h = tt_history_open(path, &err);
    assert_non_null(h);
    assert_int_equal(tt_history_schema_version(h), TT_HISTORY_SCHEMA_VERSION);
    tt_history_close(h);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_and_no_duplicates),
        cmocka_unit_test(test_early_end_is_stored),
        cmocka_unit_test(test_schema_4_migrates_keeping_objectives),
        cmocka_unit_test(test_newer_schema_is_refused),
        cmocka_unit_test(test_close_leaves_all_in_the_database_file),
        cmocka_unit_test(test_opened_ahead),
        cmocka_unit_test(test_default_path),
        cmocka_unit_test(test_concurrent_writers),
        cmocka_unit_test(test_open_waits_for_a_new_file_being_created),
        cmocka_unit_test(test_csv_fields_against_hostile_names),
        cmocka_unit_test(test_pseudonyms_are_stable_and_keyed),
        cmocka_unit_test(test_report_from_sqlite),
        cmocka_unit_test(test_report_out_of_memory_has_no_holes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
