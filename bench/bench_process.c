/* Process start and peak memory of the tabletop binary (issue 11).
 *
 * Runs each command many times and prints the minimum wall time, its ratio
 * to `lua5.4 -e ''` measured in the same rounds (interleaved, so a shared
 * machine's load falls on both alike), and the peak RSS (wait4's
 * ru_maxrss), and the minimum CPU time (user + system) with its ratio,
 * steadier than wall time when other jobs share the machine. Goals: a
 * headless run and a scorecard within 3x of the bare interpreter; peak RSS
 * of a headless run <= 8 MiB; scoring any journal, however large, <= 16 MiB.
 * The large journal (about 30 MB) comes from a synthetic scenario written
 * here: a minute-by-minute dynamic over many days.
 * `tabletop --version` (the bare process) and `check` (loading the scenario)
 * show where a run's time goes. The five other scenarios follow, each run
 * with its model answer and its journal scored.
 *
 * usage: bench_process [TABLETOP [LUA]] */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spawn.h"

#define ROUNDS 15

static const char SYNTHETIC[] =
    "-- Synthetic: a long exercise with a state change every minute (bench/).\n"
    "local function t(ja, en) return { ja = ja, en = en } end\n"
    "return scenario {\n"
    "  id = \"synthetic-long\", source = \"bench\", length = \"%dd\",\n"
    "  title = t(\"長い演習\", \"Long exercise\"), summary = t(\"試験用\", \"For benches\"),\n"
    "  invented = t(\"すべて架空\", \"All invented\"),\n"
    "  roles = { staff = { name = t(\"担当\", \"Staff\") } },\n"
    "  state = { tick = 0, load = 0 },\n"
    "  every = { { id = \"tick\", period = \"1m\", run = function(s, ctx)\n"
    "    s.tick = s.tick + 1; s.load = ctx.random(0, 1000) end } },\n"
    "  actions = { fix = { by = \"staff\", label = t(\"直す\", \"Fix\"), takes = \"1m\",\n"
    "                      completes = \"fixed\" } },\n"
    "  objectives = { fixed = { phase = \"isolate\", title = t(\"修復\", \"Fixed\"),\n"
    "                           target = \"1d\", limit = \"%dd\" } },\n"
    "}\n";

/* A scenario of `days` days; its journal grows ~100 bytes a minute. */
int bench_write_synthetic(const char *path, int days);
int bench_write_synthetic(const char *path, int days)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fprintf(f, SYNTHETIC, days, days);
    return fclose(f) == 0 ? 0 : -1;
}

static void print_row(const char *what, const bench_measure *m, const bench_measure *base,
                      double goal_x, double goal_mib)
{
    printf("%-34s %8.2f %7.2fx %8.2f %7.2fx %8.1f", what, m->min_ms, m->min_ms / base->min_ms,
           m->min_cpu_ms, m->min_cpu_ms / base->min_cpu_ms, m->max_rss_kib / 1024.0);
    if (goal_x > 0)
        printf("   time goal <= %.0fx", goal_x);
    if (goal_mib > 0)
        printf("   rss goal <= %.0f MiB", goal_mib);
    if (m->status != 0)
        printf("   (exit %d!)", m->status);
    printf("\n");
}

int main(int argc, char **argv)
{
    char *tabletop = argc > 1 ? argv[1] : TT_BENCH_BINARY;
    char *lua = argc > 2 ? argv[2] : "lua5.4";
    char dir[] = "/tmp/tt-bench-process-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char journal[512], card[512], synth[512], big[512], bigcard[512], answer[512];
    snprintf(journal, sizeof journal, "%s/run.yaml", dir);
    snprintf(card, sizeof card, "%s/card.html", dir);
    snprintf(synth, sizeof synth, "%s/synthetic-long.lua", dir);
    snprintf(big, sizeof big, "%s/big.yaml", dir);
    snprintf(bigcard, sizeof bigcard, "%s/big.html", dir);
    snprintf(answer, sizeof answer, "%s/answers/mail-form-flood/model.yaml",
             TT_BENCH_SCENARIO_DIR);
    char scen[512];
    snprintf(scen, sizeof scen, "%s/mail-form-flood.lua", TT_BENCH_SCENARIO_DIR);
    /* A drill history of the bench's own (score records each card and reads
     * the team's trend): the user's, shared by every test and bench run on
     * the machine, grows without end and would make the numbers drift. */
    char data[512];
    snprintf(data, sizeof data, "%s/data", dir);
    if (setenv("XDG_DATA_HOME", data, 1) != 0)
        return 1;

    char *lua_argv[] = { lua, "-e", "", NULL };
    char *run_argv[] = { tabletop, "run", scen, "--script", answer, "--ui", "none",
                         "--no-scorecard", "--journal", journal, NULL };
    char *score_argv[] = { tabletop, "score", journal, "-o", card, NULL };
    /* Where the time goes: the bare process (exec, dynamic linking of the
     * core libraries, no module), then loading the scenario (compile, model
     * extraction, content hash), then the whole run and scorecard. */
    char *version_argv[] = { tabletop, "--version", NULL };
    char *check_argv[] = { tabletop, "check", scen, NULL };
    bench_measure base = { 0 }, bare = { 0 }, check = { 0 }, headless = { 0 }, score = { 0 },
            large = { 0 };
    for (int r = 0; r < ROUNDS; r++) {
        unlink(journal);
        unlink(card);
        if (bench_spawn(lua_argv, &base) != 0 || bench_spawn(version_argv, &bare) != 0 ||
            bench_spawn(check_argv, &check) != 0 || bench_spawn(run_argv, &headless) != 0 ||
            bench_spawn(score_argv, &score) != 0)
            return 1;
    }

    /* The large journal: 300 days of minutes is about 30 MB. */
    if (bench_write_synthetic(synth, 300) != 0)
        return 1;
    char *make_big[] = { tabletop, "run", synth, "--ui", "none", "--no-scorecard",
                         "--journal", big, NULL };
    bench_measure made = { 0 };
    if (bench_spawn(make_big, &made) != 0 || made.status != 0) {
        fprintf(stderr, "bench_process: cannot write the large journal (exit %d)\n",
                made.status);
        return 1;
    }
    struct stat st;
    double big_mb = stat(big, &st) == 0 ? st.st_size / 1e6 : 0;
    char *big_argv[] = { tabletop, "score", big, "-o", bigcard, NULL };
    for (int r = 0; r < 3; r++) {
        unlink(bigcard);
        if (bench_spawn(big_argv, &large) != 0)
            return 1;
    }

    printf("process start and peak RSS, min of %d rounds interleaved with `%s -e ''`\n",
           ROUNDS, lua);
    /* Wall time is the goal's measure; on a loaded machine it also holds
     * waits for the CPU and the disk (the journal's fsync), so the CPU time
     * the process used (user + system, min) is printed beside it. */
    printf("%-34s %8s %8s %8s %8s %8s\n", "command", "ms", "vs lua", "cpu ms", "vs lua", "MiB");
    print_row("lua5.4 -e ''", &base, &base, 0, 0);
    print_row("tabletop --version", &bare, &base, 0, 0);
    print_row("check mail-form-flood", &check, &base, 0, 0);
    print_row("run mail-form-flood --ui none", &headless, &base, 3, 8);
    print_row("score J -o card.html", &score, &base, 3, 0);
    char label[64];
    snprintf(label, sizeof label, "score %.0f MB journal", big_mb);
    print_row(label, &large, &base, 0, 16);

    /* The goal names no scenario: the five others, each run with its model
     * answer and its journal scored (mail-form-flood above is the heaviest:
     * a minute-by-minute dynamic over 36 simulated hours). */
    static const char *const others[] = { "exposed-monitoring", "ransomware",
                                          "admin-server-breach", "wordpress-xss",
                                          "card-buffer-outage" };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        char oscen[512], oanswer[512];
        snprintf(oscen, sizeof oscen, "%s/%s.lua", TT_BENCH_SCENARIO_DIR, others[i]);
        snprintf(oanswer, sizeof oanswer, "%s/answers/%s/model.yaml", TT_BENCH_SCENARIO_DIR,
                 others[i]);
        char *orun[] = { tabletop, "run", oscen, "--script", oanswer, "--ui", "none",
                         "--no-scorecard", "--journal", journal, NULL };
        bench_measure obase = { 0 }, o_run = { 0 }, o_score = { 0 };
        for (int r = 0; r < ROUNDS; r++) {
            unlink(journal);
            unlink(card);
            if (bench_spawn(lua_argv, &obase) != 0 || bench_spawn(orun, &o_run) != 0 ||
                bench_spawn(score_argv, &o_score) != 0)
                return 1;
        }
        snprintf(label, sizeof label, "run %s", others[i]);
        print_row(label, &o_run, &obase, 3, 8);
        snprintf(label, sizeof label, "score %s", others[i]);
        print_row(label, &o_score, &obase, 3, 0);
    }

    unlink(journal);
    unlink(card);
    unlink(synth);
    unlink(big);
    unlink(bigcard);
    /* The history the scorecards went into (data/tabletop/history.sqlite3*). */
    char rm[600];
    snprintf(rm, sizeof rm, "rm -rf '%s'", data);
    if (system(rm) != 0)
        fprintf(stderr, "bench_process: cannot remove %s\n", data);
    rmdir(dir);
    return 0;
}
