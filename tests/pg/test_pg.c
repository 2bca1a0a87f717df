/* Central results on a real PostgreSQL server, started for this test by
 * with_postgres.sh (pg_virtualenv): migrations (fresh, concurrent, from an
 * old SQLite file), a newer schema refused, a wrong password, an
 * unreachable host (offline fallback, then sync), injected team names,
 * sync idempotence with the client killed and the server killed mid-sync,
 * the server stopped during a drill, organisation isolation by row-level
 * security, the journals archive and fetch, and reports. Without a server
 * the test fails: it never skips. */
#define _DEFAULT_SOURCE  /* mkdtemp, setenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <libpq-fe.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cli_util.h"
#include "fixture.h"
#include "tabletop/results.h"

/* ---- the server ---- */

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v ? v : "";
}

/* A URI for database `db` (the password comes from PGPASSWORD). */
static const char *uri(const char *db)
{
    static char buf[4][512];
    static int slot;
    char *b = buf[slot++ % 4];
    snprintf(b, 512, "postgresql://%s@%s:%s/%s", env("PGUSER"), env("PGHOST"), env("PGPORT"), db);
    return b;
}

static PGconn *connect_db(const char *db)
{
    PGconn *c = PQconnectdb(uri(db));
    if (PQstatus(c) != CONNECTION_OK)
        fail_msg("cannot connect to %s: %s", db, PQerrorMessage(c));
    return c;
}

static void sql(const char *db, const char *text)
{
    PGconn *c = connect_db(db);
    PGresult *r = PQexec(c, text);
    if (PQresultStatus(r) != PGRES_COMMAND_OK && PQresultStatus(r) != PGRES_TUPLES_OK)
        fail_msg("%s: %s", text, PQerrorMessage(c));
    PQclear(r);
    PQfinish(c);
}

static long count(const char *db, const char *text)
{
    PGconn *c = connect_db(db);
    PGresult *r = PQexec(c, text);
    if (PQresultStatus(r) != PGRES_TUPLES_OK)
        fail_msg("%s: %s", text, PQerrorMessage(c));
    long n = atol(PQgetvalue(r, 0, 0));
    PQclear(r);
    PQfinish(c);
    return n;
}

static void createdb(const char *name)
{
    char text[256];
    snprintf(text, sizeof text, "DROP DATABASE IF EXISTS %s", name);
    sql("postgres", text);
    snprintf(text, sizeof text, "CREATE DATABASE %s", name);
    sql("postgres", text);
}

static void server(const char *what)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "pg_ctlcluster %s regress %s%s >/dev/null 2>&1", env("PGVERSION"), what,
             strcmp(what, "stop") == 0 ? " -m immediate" : "");
    assert_int_equal(system(cmd), 0);
}

/* ---- the binary (tests/lib/cli_util) ---- */

/* Run tabletop in the source folder with XDG_DATA_HOME = cli_tmp()/MACHINE
 * (each "machine" has its own local history). The result stays valid until
 * the next call. */
static cli_result *run(const char *machine, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static cli_result *run(const char *machine, const char *fmt, ...)
{
    static cli_result r;
    cli_done(&r);
    char args[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    r = cli_sh("XDG_DATA_HOME='%s/%s' LANG=C timeout 120 '%s' %s", cli_tmp(), machine, env("TT_BINARY"),
               args);
    return &r;
}

/* The file's text once it holds `needle` (or after a minute); free it. */
static char *wait_for(const char *path, const char *needle)
{
    char *text = cli_slurp(path);
    for (int ms = 0; !strstr(text, needle) && ms < 60000; ms += 200) {
        usleep(200000);
        free(text);
        text = cli_slurp(path);
    }
    return text;
}

static const char *local_db(const char *machine)
{
    static char b[512];
    snprintf(b, sizeof b, "%s/%s/tabletop/history.sqlite3", cli_tmp(), machine);
    return b;
}

static long local_count(const char *machine, const char *text)
{
    sqlite3 *db;
    assert_int_equal(sqlite3_open(local_db(machine), &db), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(db, text, -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return n;
}

#define MODEL "--script scenarios/answers/ransomware/model.yaml"

/* ---- fixtures ---- */

static int setup(void **state)
{
    (void)state;
    if (!*env("PGHOST") || !*env("PGPORT")) {
        fprintf(stderr, "no PostgreSQL server: run this test through with_postgres.sh "
                        "(pg_virtualenv, Debian package postgresql-common)\n");
        return -1;
    }
    cli_tmp(); /* made now: a failure stops before any test */
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    cli_result r = cli_sh("rm -rf '%s'", cli_tmp());
    int status = r.status;
    cli_done(&r);
    return status == 0 ? 0 : -1;
}

/* `n` distinct finished results recorded on `machine` as pending. */
static void pending_results(const char *machine, int first, int n, const char *team)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s/tabletop", cli_tmp(), machine);
    char cmd[700];
    snprintf(cmd, sizeof cmd, "mkdir -p '%s'", path);
    assert_int_equal(system(cmd), 0);
    tt_error err;
    tt_history *h = tt_history_open(local_db(machine), &err);
    assert_non_null(h);
    static fixture_journal f;
    for (int i = first; i < first + n; i++) {
        fj_model(&f);
        f.start.team = team;
        f.start.seed = (uint64_t)i;
        char hash[65];
        snprintf(hash, sizeof hash, "%064d", i);
        tt_scorecard c;
        assert_int_equal(tt_scorecard_build(&c, fixture_scenario(), &f.j, NULL, hash, &err), 0);
        bool inserted = false;
        assert_int_equal(tt_history_record_marked(h, &c, "pending", &inserted, &err), 0);
        assert_true(inserted);
        tt_scorecard_free(&c);
    }
    tt_history_close(h);
}

/* ---- tests ---- */

static void migrations_fresh_concurrent_and_from_old_sqlite(void **state)
{
    (void)state;
    createdb("t_migrate");
    /* Four clients reach an empty database at once: one migrates, each step
     * once, and all of them work. */
    pid_t kids[4];
    for (int i = 0; i < 4; i++) {
        kids[i] = fork();
        if (kids[i] == 0) {
            tt_error err;
            tt_history *h = tt_history_open(uri("t_migrate"), &err);
            int ok = h && tt_history_schema_version(h) == TT_HISTORY_SCHEMA_VERSION;
            tt_history_close(h);
            _exit(ok ? 0 : 1);
        }
    }
    for (int i = 0; i < 4; i++) {
        int st;
        assert_int_equal(waitpid(kids[i], &st, 0), kids[i]);
        assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
    }
    assert_int_equal(count("t_migrate", "SELECT version FROM tabletop_schema"), TT_HISTORY_SCHEMA_VERSION);
    assert_int_equal(count("t_migrate", "SELECT COUNT(*) FROM tabletop_schema"), 1);
    /* The same tables on both back-ends. */
    const char *tables[] = { "exercises", "objectives", "phases", "lessons", "findings",
                             "participants", "journals", "organisation_roles" };
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        char q[200];
        snprintf(q, sizeof q, "SELECT COUNT(*) FROM information_schema.tables WHERE table_name = '%s'",
                 tables[i]);
        assert_int_equal(count("t_migrate", q), 1);
    }
    /* A SQLite file of schema 1 (the previous release) with a result in it
     * is migrated step by step and keeps the result. */
    char path[600];
    snprintf(path, sizeof path, "%s/old.sqlite3", cli_tmp());
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw,
        "CREATE TABLE exercises (id INTEGER PRIMARY KEY, journal_hash TEXT NOT NULL UNIQUE,"
        " journal_path TEXT, scenario TEXT NOT NULL, scenario_hash TEXT, team TEXT NOT NULL DEFAULT '',"
        " members TEXT NOT NULL DEFAULT '', seed INTEGER NOT NULL DEFAULT 0, started TEXT,"
        " recorded TEXT NOT NULL, duration_ms INTEGER NOT NULL, score INTEGER NOT NULL,"
        " rating TEXT NOT NULL, complete INTEGER NOT NULL);"
        "CREATE INDEX exercises_team_scenario ON exercises(team, scenario, id);"
        "CREATE TABLE objectives (exercise_id INTEGER NOT NULL REFERENCES exercises(id) ON DELETE CASCADE,"
        " objective TEXT NOT NULL, phase TEXT NOT NULL, reached_ms INTEGER, rating TEXT NOT NULL,"
        " score INTEGER NOT NULL, PRIMARY KEY (exercise_id, objective));"
        "INSERT INTO exercises (journal_hash, scenario, team, recorded, duration_ms, score, rating, complete)"
        " VALUES ('abc', 'ransomware', 'Old team', '2025-01-01T00:00:00Z', 1000, 77, 'S', 1);"
        "PRAGMA user_version = 1;", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    cli_result *r = run("m0", "history --db '%s'", path);
    assert_int_equal(r->status, 0);
    assert_contains(r->out, "Old team");
    assert_contains(r->out, "77");
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    sqlite3_stmt *st;
    assert_int_equal(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(st, 0), TT_HISTORY_SCHEMA_VERSION);
    sqlite3_finalize(st);
    sqlite3_close(raw);
}

static void a_newer_schema_is_refused_on_both(void **state)
{
    (void)state;
    createdb("t_newer");
    cli_result *r = run("m1", "history --db '%s'", uri("t_newer"));
    assert_int_equal(r->status, 0);
    sql("t_newer", "UPDATE tabletop_schema SET version = 99");
    r = run("m1", "history --db '%s'", uri("t_newer"));
    assert_int_equal(r->status, 2);
    assert_contains(r->err, "newer than this program");
    assert_int_equal(count("t_newer", "SELECT version FROM tabletop_schema"), 99);   /* untouched */
    char path[600];
    snprintf(path, sizeof path, "%s/newer.sqlite3", cli_tmp());
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(path, &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    r = run("m1", "history --db '%s'", path);
    assert_int_equal(r->status, 2);
    assert_contains(r->err, "newer than this program");
}

static void a_wrong_password_is_refused_and_never_printed(void **state)
{
    (void)state;
    createdb("t_pw");
    char bad[600];
    snprintf(bad, sizeof bad, "postgresql://%s:S3cr%%21tWrong@%s:%s/t_pw", env("PGUSER"), env("PGHOST"),
             env("PGPORT"));
    cli_result *r = run("m2", "history --db '%s'", bad);
    assert_int_equal(r->status, 2);
    assert_contains(r->err, "password authentication failed");
    assert_lacks(r->err, "S3cr");
    assert_lacks(r->out, "S3cr");
    /* At a drill's end the result is not lost: it waits on this machine. */
    r = run("m2", "run ransomware --ui none " MODEL " --journal '%s/pw.journal.yaml' --db '%s'", cli_tmp(), bad);
    assert_int_equal(r->status, 0);
    assert_contains(r->err, "not yet sent");
    assert_lacks(r->err, "S3cr");
    assert_lacks(r->out, "S3cr");
    assert_int_equal(local_count("m2", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'"), 1);
    /* The password given through TABLETOP_DB is not printed either. */
    char cmdenv[700];
    snprintf(cmdenv, sizeof cmdenv, "%s", bad);
    setenv("TABLETOP_DB", cmdenv, 1);
    r = run("m2", "history");
    unsetenv("TABLETOP_DB");
    assert_int_equal(r->status, 2);
    assert_lacks(r->err, "S3cr");
}

static void an_unreachable_host_falls_back_then_sync_sends(void **state)
{
    (void)state;
    createdb("t_offline");
    cli_result *r = run("m3", "run ransomware --ui none " MODEL " --journal '%s/off.journal.yaml'"
                          " --db 'postgresql://nobody:pw@127.0.0.1:1/none'", cli_tmp());
    assert_int_equal(r->status, 0);
    assert_contains(r->err, "not yet sent");
    assert_contains(r->err, "tabletop sync");
    /* exactly one line of notice */
    assert_int_equal(strchr(strstr(r->err, "not yet sent"), '\n') == strrchr(r->err, '\n'), 1);
    assert_int_equal(local_count("m3", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'"), 1);
    r = run("m3", "history");
    assert_contains(r->out, "not yet sent");
    r = run("m3", "history --db 'postgresql://nobody@127.0.0.1:1/none'");
    assert_int_equal(r->status, 1);
    r = run("m3", "sync --db '%s'", uri("t_offline"));
    assert_int_equal(r->status, 0);
    assert_contains(r->out, "1 sent");
    assert_int_equal(count("t_offline", "SELECT COUNT(*) FROM exercises"), 1);
    assert_int_equal(count("t_offline", "SELECT COUNT(*) FROM objectives"), 7);
    assert_int_equal(local_count("m3", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'"), 0);
    r = run("m3", "sync --db '%s'", uri("t_offline"));   /* nothing left */
    assert_int_equal(r->status, 0);
    assert_contains(r->out, "0 sent");
    assert_int_equal(count("t_offline", "SELECT COUNT(*) FROM exercises"), 1);
}

static void injected_team_names_are_data(void **state)
{
    (void)state;
    createdb("t_inject");
    const char *team = "x'); DROP TABLE exercises; --";
    char roster[600];
    snprintf(roster, sizeof roster, "%s/roster.yaml", cli_tmp());
    FILE *f = fopen(roster, "w");
    assert_non_null(f);
    fprintf(f, "team: \"%s\"\norganisation: \"O'Brien \\\"Org\\\", Ltd\"\nmembers:\n"
               "  - { name: \"=HYPERLINK(\\\"http://x\\\")\", role: sysadmin }\n"
               "  - { name: \"Robert'); DROP TABLE participants;--\", role: user }\n", team);
    fclose(f);
    cli_result *r = run("m4", "run ransomware --ui none " MODEL " --roster '%s' --journal '%s/inj.journal.yaml'"
                          " --db '%s'", roster, cli_tmp(), uri("t_inject"));
    if (r->status != 0)
        fail_msg("run: %d\n%s%s", r->status, r->out, r->err);
    assert_int_equal(count("t_inject", "SELECT COUNT(*) FROM exercises"), 1);
    assert_int_equal(count("t_inject", "SELECT COUNT(*) FROM participants"), 2);
    r = run("m4", "history --db '%s' --team \"x'); DROP TABLE exercises; --\"", uri("t_inject"));
    assert_int_equal(r->status, 0);
    assert_contains(r->out, "DROP TABLE");
    r = run("m4", "history --db '%s' --team \"' OR '1'='1\"", uri("t_inject"));
    assert_contains(r->out, "No exercises");
    r = run("m4", "report --db '%s' --organisation \"O'Brien \\\"Org\\\", Ltd\" -o '%s/inj.csv'",
            uri("t_inject"), cli_tmp());
    assert_int_equal(r->status, 0);
    char *csv = cli_slurp(cli_path("inj.csv"));
    assert_contains(csv, "\"O'Brien \"\"Org\"\", Ltd\"");
    assert_contains(csv, "x'); DROP TABLE exercises; --");
    free(csv);
    assert_int_equal(count("t_inject", "SELECT COUNT(*) FROM exercises"), 1);   /* still there */
}

/* Start `tabletop sync` and return after it has printed `lines` lines. */
static pid_t sync_until(const char *machine, const char *db, int lines, FILE **out)
{
    int fd[2];
    assert_int_equal(pipe(fd), 0);
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        char xdg[600];
        snprintf(xdg, sizeof xdg, "%s/%s", cli_tmp(), machine);
        setenv("XDG_DATA_HOME", xdg, 1);
        execl(env("TT_BINARY"), "tabletop", "sync", "--db", db, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    *out = fdopen(fd[0], "r");
    char line[512];
    for (int i = 0; i < lines; i++)
        assert_non_null(fgets(line, sizeof line, *out));
    return pid;
}

static void sync_is_idempotent_when_the_client_or_the_server_dies(void **state)
{
    (void)state;
    enum { N = 300 };
    createdb("t_sync");
    pending_results("m5", 1, N, "Blue team");
    /* The client is killed after a few results. */
    FILE *out;
    pid_t pid = sync_until("m5", uri("t_sync"), 5, &out);
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    fclose(out);
    long sent = count("t_sync", "SELECT COUNT(*) FROM exercises");
    assert_true(sent >= 5 && sent < N);
    /* Every central result is whole: its objectives came with it. */
    assert_int_equal(count("t_sync", "SELECT COUNT(*) FROM objectives"), sent * 3);
    cli_result *r = run("m5", "sync --db '%s'", uri("t_sync"));
    assert_int_equal(r->status, 0);
    assert_int_equal(count("t_sync", "SELECT COUNT(*) FROM exercises"), N);
    assert_int_equal(count("t_sync", "SELECT COUNT(*) FROM objectives"), N * 3);
    assert_int_equal(local_count("m5", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'"), 0);

    /* The server dies mid-sync (immediate shutdown) and comes back. */
    createdb("t_sync2");
    const char *again = "UPDATE exercises SET sync_state = 'pending'";
    sqlite3 *raw;
    assert_int_equal(sqlite3_open(local_db("m5"), &raw), SQLITE_OK);
    assert_int_equal(sqlite3_exec(raw, again, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(raw);
    pid = sync_until("m5", uri("t_sync2"), 5, &out);
    server("stop");
    int st;
    waitpid(pid, &st, 0);
    fclose(out);
    assert_true(WIFEXITED(st) && WEXITSTATUS(st) != 0);
    server("start");
    long left = local_count("m5", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'");
    assert_true(left > 0 && left < N);
    r = run("m5", "sync --db '%s'", uri("t_sync2"));
    assert_int_equal(r->status, 0);
    assert_int_equal(count("t_sync2", "SELECT COUNT(*) FROM exercises"), N);
    assert_int_equal(count("t_sync2", "SELECT COUNT(*) FROM objectives"), N * 3);

    /* A second machine holding some of the same journals adds nothing twice. */
    pending_results("m6", N - 10, 20, "Blue team");
    r = run("m6", "sync --db '%s'", uri("t_sync2"));
    assert_int_equal(r->status, 0);
    assert_contains(r->out, "9 sent, 11 already there");
    assert_int_equal(count("t_sync2", "SELECT COUNT(*) FROM exercises"), N + 9);
    assert_int_equal(count("t_sync2", "SELECT COUNT(DISTINCT journal_hash) FROM exercises"), N + 9);
}

static void server_stopped_during_a_drill(void **state)
{
    (void)state;
    createdb("t_drill");
#define DRILL_FMT "cd '%s' && XDG_DATA_HOME='%s/m7' '%s' run ransomware " MODEL \
                  " --speed 3000 --journal '%s/%s' --db '%s' </dev/null >'%s/%s.out' 2>&1 &"
    char cmd[4096];
    /* Stopped and restarted while the drill runs: the end finds it. */
    snprintf(cmd, sizeof cmd, DRILL_FMT, env("TT_SOURCE_DIR"), cli_tmp(), env("TT_BINARY"), cli_tmp(),
             "d1.journal.yaml", uri("t_drill"), cli_tmp(), "d1");
    assert_int_equal(system(cmd), 0);
    sleep(1);
    server("stop");
    sleep(1);
    server("start");
    /* Stopped until after the drill's end: the result waits locally. */
    snprintf(cmd, sizeof cmd, DRILL_FMT, env("TT_SOURCE_DIR"), cli_tmp(), env("TT_BINARY"), cli_tmp(),
             "d2.journal.yaml", uri("t_drill"), cli_tmp(), "d2");
    char *text = wait_for(cli_path("d1.out"), "scorecard:");
    assert_contains(text, "scorecard:");
    assert_lacks(text, "not yet sent");
    free(text);
    assert_int_equal(count("t_drill", "SELECT COUNT(*) FROM exercises"), 1);

    assert_int_equal(system(cmd), 0);
    sleep(1);
    server("stop");
    text = wait_for(cli_path("d2.out"), "scorecard:");
    assert_contains(text, "not yet sent");
    free(text);
    server("start");
    assert_int_equal(local_count("m7", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'"), 1);
    /* The next drill's end sends it. */
    cli_result *r = run("m7", "run ransomware --ui none " MODEL " --seed 5 --journal '%s/d3.journal.yaml' --db '%s'",
                    cli_tmp(), uri("t_drill"));
    assert_int_equal(r->status, 0);
    assert_contains(r->err, "sent 1 result");
    assert_int_equal(count("t_drill", "SELECT COUNT(*) FROM exercises"), 3);
    assert_int_equal(local_count("m7", "SELECT COUNT(*) FROM exercises WHERE sync_state = 'pending'"), 0);
}

static void organisations_see_only_their_rows(void **state)
{
    (void)state;
    createdb("t_org");
    cli_result *r = run("m8", "history --db '%s'", uri("t_org"));   /* migrate */
    assert_int_equal(r->status, 0);
    sql("t_org", "DROP ROLE IF EXISTS org_a; DROP ROLE IF EXISTS org_b;"
                 "CREATE ROLE org_a LOGIN PASSWORD 'pa'; CREATE ROLE org_b LOGIN PASSWORD 'pb';"
                 "GRANT SELECT, INSERT ON ALL TABLES IN SCHEMA public TO org_a, org_b;"
                 "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO org_a, org_b;"
                 "INSERT INTO organisation_roles VALUES ('org_a', 'Org A'), ('org_b', 'Org B')");
    char roster[600];
    snprintf(roster, sizeof roster, "%s/roster-a.yaml", cli_tmp());
    FILE *f = fopen(roster, "w");
    fputs("team: Alpha\norganisation: Org A\nmembers:\n  - { name: Sato, role: sysadmin }\n", f);
    fclose(f);
    char ua[600], ub[600];
    snprintf(ua, sizeof ua, "postgresql://org_a:pa@%s:%s/t_org", env("PGHOST"), env("PGPORT"));
    snprintf(ub, sizeof ub, "postgresql://org_b:pb@%s:%s/t_org", env("PGHOST"), env("PGPORT"));
    r = run("m8", "run ransomware --ui none " MODEL " --roster '%s' --journal '%s/oa.journal.yaml' --db '%s'",
            roster, cli_tmp(), ua);
    assert_int_equal(r->status, 0);
    assert_lacks(r->err, "not yet sent");
    r = run("m8", "history --db '%s'", ua);
    assert_contains(r->out, "Alpha");
    r = run("m8", "history --db '%s'", ub);
    assert_contains(r->out, "No exercises");
    /* Org B cannot write a row of Org A. */
    r = run("m9", "run ransomware --ui none " MODEL " --roster '%s' --seed 9 --journal '%s/ob.journal.yaml'"
                  " --db '%s'", roster, cli_tmp(), ub);
    assert_contains(r->err, "not yet sent");
    assert_int_equal(count("t_org", "SELECT COUNT(*) FROM exercises"), 1);
    /* The owner sees everything. */
    r = run("m8", "history --db '%s' --organisation 'Org A'", uri("t_org"));
    assert_contains(r->out, "Alpha");
}

static void journals_archive_fetch_and_report(void **state)
{
    (void)state;
    createdb("t_arch");
    cli_result *r = run("m10", "run ransomware --ui none " MODEL " --seed 11 --journal '%s/a.journal.yaml' --db '%s'",
                    cli_tmp(), uri("t_arch"));
    assert_int_equal(r->status, 0);
    r = run("m10", "run ransomware --ui none --seed 12 --journal '%s/b.journal.yaml' --db '%s'",
            cli_tmp(), uri("t_arch"));
    assert_int_equal(r->status, 0);
    r = run("m10", "sync --journals --db '%s'", uri("t_arch"));
    assert_int_equal(r->status, 0);
    assert_contains(r->out, "journals: 2 archived");
    r = run("m10", "sync --journals --db '%s'", uri("t_arch"));
    assert_contains(r->out, "journals: 0 archived, 2 already there");
    assert_int_equal(count("t_arch", "SELECT COUNT(*) FROM journals WHERE compression = 'zlib'"
                                     " AND length(data) < size"), 2);
    char path[600], hash[65];
    snprintf(path, sizeof path, "%s/a.journal.yaml", cli_tmp());
    tt_error err;
    assert_int_equal(tt_score_file_hash(path, hash, &err), 0);
    r = run("m10", "fetch %.12s -o '%s/fetched.yaml' --db '%s'", hash, cli_tmp(), uri("t_arch"));
    assert_int_equal(r->status, 0);
    char fetched[600], got[65];
    snprintf(fetched, sizeof fetched, "%s/fetched.yaml", cli_tmp());
    assert_int_equal(tt_score_file_hash(fetched, got, &err), 0);
    assert_string_equal(got, hash);
    r = run("m10", "fetch %s -o '%s/fetched.yaml' --db '%s'", hash, cli_tmp(), uri("t_arch"));
    assert_int_equal(r->status, 2);   /* never replaces a file */
    r = run("m10", "fetch 00000000 -o '%s/none.yaml' --db '%s'", cli_tmp(), uri("t_arch"));
    assert_int_equal(r->status, 2);
    r = run("m10", "score '%s' -o '%s/fetched.json' --db '%s'", fetched, cli_tmp(), uri("t_arch"));
    assert_int_equal(r->status, 0);
    /* Reports in the four formats, anonymised names stable. */
    const char *fmts[] = { "html", "md", "json", "csv" };
    for (size_t i = 0; i < 4; i++) {
        r = run("m10", "report --db '%s' -o '%s/rep.%s'", uri("t_arch"), cli_tmp(), fmts[i]);
        assert_int_equal(r->status, 0);
    }
    char *text = cli_slurp(cli_path("rep.json"));
    assert_contains(text, "\"exercises\": 2");
    assert_contains(text, "\"P\":");
    free(text);
    r = run("m10", "report --db '%s' --since 2999-01-01 -o '%s/empty.json'", uri("t_arch"), cli_tmp());
    assert_int_equal(r->status, 0);
    text = cli_slurp(cli_path("empty.json"));
    assert_contains(text, "\"exercises\": 0");
    free(text);
    r = run("m10", "report --db '%s' --since yesterday -o '%s/x.json'", uri("t_arch"), cli_tmp());
    assert_int_equal(r->status, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(migrations_fresh_concurrent_and_from_old_sqlite),
        cmocka_unit_test(a_newer_schema_is_refused_on_both),
        cmocka_unit_test(a_wrong_password_is_refused_and_never_printed),
        cmocka_unit_test(an_unreachable_host_falls_back_then_sync_sends),
        cmocka_unit_test(injected_team_names_are_data),
        cmocka_unit_test(sync_is_idempotent_when_the_client_or_the_server_dies),
        cmocka_unit_test(server_stopped_during_a_drill),
        cmocka_unit_test(organisations_see_only_their_rows),
        cmocka_unit_test(journals_archive_fetch_and_report),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
