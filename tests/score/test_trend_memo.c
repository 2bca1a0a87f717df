/* The trend memo (engine/score/history_memo.c) through the built binary:
 * scoring a recorded journal again gives the card the history would give,
 * from the memo (shown by a changed entry reaching the card), and the
 * history is read as before whenever the memo could be wrong: another drill
 * recorded, the file replaced or deleted, a write still in the -wal, another
 * journal at the same path, a damaged entry. */
#define _DEFAULT_SOURCE /* setenv, usleep */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>
#include <sqlite3.h>

#include "cli_util.h"

static char db[512], trends[600];

static int setup(void **state)
{
    (void)state;
    const char *bin = getenv("TT_BINARY");
    if (!bin || access(bin, X_OK) != 0) {
        fprintf(stderr, "TT_BINARY (an executable tabletop) must be set\n");
        return -1;  /* a missing component fails, never skips */
    }
    setenv("LANG", "C", 1);
    /* A cache folder of this test's own: its entries are what it checks. */
    char cache[512];
    snprintf(cache, sizeof cache, "%s/cache", cli_tmp());
    setenv("XDG_CACHE_HOME", cache, 1);
    snprintf(trends, sizeof trends, "%s/tabletop/trends", cache);
    snprintf(db, sizeof db, "%s/history.sqlite3", cli_tmp());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    return system(cmd) == 0 ? 0 : -1;
}

/* A journal of ransomware's model answer with this seed, at `name` (a
 * path of the test's folder, kept for the whole test). */
static const char *journal(const char *name, int seed)
{
    static char paths[8][600];
    static int next;
    char *path = paths[next++ % 8];
    snprintf(path, sizeof paths[0], "%s", cli_path(name));
    unlink(path);
    cli_result r = cli_run("run ransomware --script scenarios/answers/ransomware/model.yaml "
                           "--ui none --no-scorecard --seed %d --journal '%s'", seed, path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    return path;
}

/* The JSON card of scoring `j` into the test's history. */
static json_t *score(const char *j)
{
    const char *card = cli_path("card.json");
    cli_result r = cli_run("score '%s' -o '%s' --db '%s'", j, card, db);
    if (r.status != 0)
        fprintf(stderr, "score %s: %s\n", j, r.err);
    assert_int_equal(r.status, 0);
    assert_string_equal(r.err, "");
    cli_done(&r);
    json_error_t e;
    json_t *root = json_load_file(card, 0, &e);
    assert_non_null(root);
    return root;
}

/* The trend's scores, "70,80" ("" when empty). */
static const char *trend_scores(json_t *card)
{
    static char out[256];
    out[0] = '\0';
    json_t *t = json_object_get(card, "trend");
    assert_true(json_is_array(t));
    for (size_t i = 0; i < json_array_size(t); i++) {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%lld", i ? "," : "",
                 (long long)json_integer_value(json_object_get(json_array_get(t, i), "score")));
    }
    return out;
}

/* The one entry in the memo's folder ("" when there is none). */
static const char *entry(void)
{
    static char path[1024];
    path[0] = '\0';
    DIR *d = opendir(trends);
    if (!d)
        return path;
    struct dirent *de;
    int n = 0;
    while ((de = readdir(d)) != NULL) {
        size_t len = strlen(de->d_name);
        if (len > 6 && strcmp(de->d_name + len - 6, ".trend") == 0) {
            snprintf(path, sizeof path, "%s/%s", trends, de->d_name);
            n++;
        }
    }
    closedir(d);
    assert_true(n <= 1);
    return path;
}

/* Change the entry's first trend score (or another field) to see whether
 * the card comes from it. */
static void tamper(const char *field, json_t *value)
{
    json_error_t e;
    json_t *root = json_load_file(entry(), 0, &e);
    assert_non_null(root);
    if (field)
        json_object_set_new(root, field, value);
    else
        json_array_set_new(json_array_get(json_object_get(root, "trend"), 0), 1, value);
    assert_int_equal(json_dump_file(root, entry(), JSON_COMPACT), 0);
    json_decref(root);
}

static void wait_a_tick(void)
{
    usleep(30 * 1000);   /* past the file timestamps' coarse clock tick */
}

static void test_memo(void **state)
{
    (void)state;
    /* Three drills of the same team and scenario, recorded in order. */
    const char *a1 = journal("a1.yaml", 1), *a2 = journal("a2.yaml", 2),
               *a3 = journal("a3.yaml", 3);
    json_decref(score(a1));
    json_decref(score(a2));
    json_decref(score(a3));
    wait_a_tick();
    json_t *ref = score(a2);   /* read from the file; kept */
    const char *want = strdup(trend_scores(ref));
    assert_int_equal(json_array_size(json_object_get(ref, "trend")), 1);
    assert_string_not_equal(entry(), "");

    /* Scored again: the card of the history, from the memo. */
    json_t *again = score(a2);
    assert_true(json_equal(again, ref));
    json_decref(again);
    tamper(NULL, json_integer(7));
    again = score(a2);
    assert_string_equal(trend_scores(again), "7");   /* the memo answered */
    json_decref(again);

    /* A write still in the -wal (a connection open elsewhere): the file
     * alone is not the history; it is read. */
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "CREATE TABLE scratch (x); INSERT INTO scratch VALUES (1)",
                                  NULL, NULL, NULL), SQLITE_OK);
    again = score(a2);
    assert_string_equal(trend_scores(again), want);
    json_decref(again);
    assert_int_equal(sqlite3_exec(raw, "DROP TABLE scratch", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);

    /* Another drill recorded: the file changed, it is read again (and the
     * trend of a2 is still the drills before it). */
    wait_a_tick();
    json_decref(score(a2));   /* kept again */
    tamper(NULL, json_integer(7));
    const char *a4 = journal("a4.yaml", 4);
    json_decref(score(a4));
    again = score(a2);
    assert_string_equal(trend_scores(again), want);
    json_decref(again);

    /* Another journal at the same path, of the size the entry names: the
     * hash read decides, the history answers (a3 is recorded after a1, a2). */
    wait_a_tick();
    json_decref(score(a2));
    struct stat st3;
    assert_int_equal(stat(a3, &st3), 0);
    char where[1200];
    snprintf(where, sizeof where, "%jd %s", (intmax_t)st3.st_size, a2);
    tamper("journal", json_string(where));
    tamper(NULL, json_integer(7));
    char *a3_text = cli_slurp(a3), *a2_text = cli_slurp(a2);
    cli_write(a2, a3_text);
    json_t *of3 = score(a2);
    assert_int_equal(json_array_size(json_object_get(of3, "trend")), 2);
    assert_null(strstr(trend_scores(of3), "7"));
    json_decref(of3);
    cli_write(a2, a2_text);
    free(a3_text);
    free(a2_text);

    /* A damaged entry: ignored, replaced. */
    wait_a_tick();
    json_decref(score(a2));
    cli_write(entry(), "{\"format\":");
    again = score(a2);
    assert_true(json_equal(again, ref));
    json_decref(again);
    json_error_t e;
    json_t *fixed = json_load_file(entry(), 0, &e);
    assert_non_null(fixed);
    json_decref(fixed);

    /* The history replaced in place (a backup holding a1 only copied over
     * it): a2 is recorded into it, the trend is what that file holds. */
    tamper(NULL, json_integer(7));
    char backup[600];
    snprintf(backup, sizeof backup, "%s.backup", db);
    cli_result r = cli_run("score '%s' -o '%s' --db '%s'", a1, cli_path("c.json"), backup);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_sh("cp '%s' '%s'", backup, db);   /* the same inode, other bytes */
    assert_int_equal(r.status, 0);
    cli_done(&r);
    again = score(a2);
    assert_string_equal(trend_scores(again), want);
    json_decref(again);
    sqlite3 *check;
    sqlite3_stmt *count;
    assert_int_equal(sqlite3_open(db, &check), SQLITE_OK);
    assert_int_equal(sqlite3_prepare_v2(check, "SELECT count(*) FROM exercises", -1, &count, NULL),
                     SQLITE_OK);
    assert_int_equal(sqlite3_step(count), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(count, 0), 2);   /* a1 and a2 */
    sqlite3_finalize(count);
    sqlite3_close(check);

    /* Deleted: a new file, a2 recorded first, no trend. */
    wait_a_tick();
    json_decref(score(a2));
    tamper(NULL, json_integer(7));
    r = cli_sh("rm -f '%s' '%s-wal' '%s-shm'", db, db, db);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    again = score(a2);
    assert_string_equal(trend_scores(again), "");
    json_decref(again);
    free((char *)want);
    json_decref(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memo),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
