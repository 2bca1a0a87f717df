/* Central results at scale (issue 13): 20 simulated sites write 10,000
 * exercises in parallel to one PostgreSQL server over loopback, then
 * `tabletop report` and `tabletop history` run over all of them. Prints the
 * measured times and their ratio to the goals (report <= 2 s, history <=
 * 200 ms). Run it through tests/pg/with_postgres.sh, which starts a
 * throw-away server and sets PGHOST/PGPORT/PGUSER/PGPASSWORD. */
#define _DEFAULT_SOURCE  /* setenv, mkdtemp */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "fixture.h"
#include "tabletop/score.h"

enum { SITES = 20, PER_SITE = 500, TEAMS_PER_SITE = 5 };

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v ? v : "";
}

/* One site: PER_SITE finished exercises of its teams, each its own journal. */
static int site(const char *uri, int s)
{
    tt_error err;
    tt_history *h = tt_history_open(uri, &err);
    if (!h) {
        fprintf(stderr, "site %d: %s\n", s, err.message);
        return 1;
    }
    static fixture_journal f;
    char team[64], hash[65];
    for (int i = 0; i < PER_SITE; i++) {
        switch (i % 3) {
        case 0: fj_model(&f); break;
        case 1: fj_mediocre(&f); break;
        default: fj_nothing(&f); break;
        }
        snprintf(team, sizeof team, "Site %02d team %d", s, i % TEAMS_PER_SITE);
        f.start.team = team;
        snprintf(hash, sizeof hash, "%032d%032d", s, i);
        tt_scorecard c;
        if (tt_scorecard_build(&c, fixture_scenario(), &f.j, NULL, hash, &err) != 0 ||
            tt_history_record(h, &c, NULL, &err) != 0) {
            fprintf(stderr, "site %d: %s\n", s, err.message);
            tt_history_close(h);
            return 1;
        }
        tt_scorecard_free(&c);
    }
    tt_history_close(h);
    return 0;
}

/* Wall time of one command, best of `runs`. */
static double timed(const char *cmd, int runs)
{
    double best = 1e9;
    for (int i = 0; i < runs; i++) {
        double t0 = now();
        if (system(cmd) != 0) {
            fprintf(stderr, "failed: %s\n", cmd);
            return -1;
        }
        double t = now() - t0;
        if (t < best)
            best = t;
    }
    return best;
}

int main(int argc, char **argv)
{
    const char *binary = argc > 1 ? argv[1] : TT_BENCH_BINARY;
    if (!*env("PGHOST")) {
        fprintf(stderr, "bench_results: no PostgreSQL server; run it through "
                        "tests/pg/with_postgres.sh\n");
        return 1;
    }
    PGconn *c = PQconnectdb("dbname=postgres");
    PQclear(PQexec(c, "DROP DATABASE IF EXISTS bench_results"));
    PGresult *r = PQexec(c, "CREATE DATABASE bench_results");
    if (PQresultStatus(r) != PGRES_COMMAND_OK) {
        fprintf(stderr, "bench_results: %s", PQerrorMessage(c));
        return 1;
    }
    PQclear(r);
    PQfinish(c);
    char uri[512];
    snprintf(uri, sizeof uri, "postgresql://%s@%s:%s/bench_results", env("PGUSER"), env("PGHOST"),
             env("PGPORT"));
    tt_error err;
    tt_history *h = tt_history_open(uri, &err);   /* migrate once before the writers */
    if (!h) {
        fprintf(stderr, "bench_results: %s\n", err.message);
        return 1;
    }
    tt_history_close(h);

    double t0 = now();
    pid_t kids[SITES];
    for (int s = 0; s < SITES; s++)
        if ((kids[s] = fork()) == 0)
            _exit(site(uri, s));
    int failed = 0;
    for (int s = 0; s < SITES; s++) {
        int st;
        waitpid(kids[s], &st, 0);
        failed |= !WIFEXITED(st) || WEXITSTATUS(st) != 0;
    }
    double write_s = now() - t0;
    if (failed)
        return 1;
    printf("bench_results: %d exercises from %d sites written in parallel in %.2f s (%.0f/s)\n",
           SITES * PER_SITE, SITES, write_s, SITES * PER_SITE / write_s);

    char dir[] = "/tmp/tt-bench-results-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char cmd[2048];
    const char *fmts[] = { "html", "json", "csv" };
    for (size_t i = 0; i < sizeof fmts / sizeof fmts[0]; i++) {
        snprintf(cmd, sizeof cmd, "'%s' report --db '%s' -o '%s/report.%s' >/dev/null", binary, uri, dir,
                 fmts[i]);
        double t = timed(cmd, 3);
        if (t < 0)
            return 1;
        printf("report (.%s) over %d exercises: %.3f s  (goal <= 2 s: %.2fx of the goal)\n", fmts[i],
               SITES * PER_SITE, t, t / 2.0);
    }
    snprintf(cmd, sizeof cmd, "'%s' report --db '%s' --team 'Site 03 team 1' -o '%s/team.html' >/dev/null",
             binary, uri, dir);
    double t = timed(cmd, 3);
    printf("report of one team: %.3f s\n", t);
    snprintf(cmd, sizeof cmd, "'%s' history --db '%s' >/dev/null", binary, uri);
    t = timed(cmd, 5);
    printf("history, all %d exercises: %.0f ms  (goal <= 200 ms: %.2fx of the goal)\n",
           SITES * PER_SITE, t * 1000, t / 0.2);
    snprintf(cmd, sizeof cmd, "'%s' history --db '%s' --team 'Site 03 team 1' >/dev/null", binary, uri);
    t = timed(cmd, 5);
    printf("history, one team: %.0f ms  (goal <= 200 ms: %.2fx of the goal)\n", t * 1000, t / 0.2);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : 1;
}
