/* The batch goal of issue 11: 60,000 scored exercises (10,000 seeds of each
 * scenario's model answer) on 2 cores in <= 15 s wall.
 *
 * Runs `tabletop sweep ID --script answers/ID/model.yaml --runs N --jobs J`
 * for the six scenarios one after another, as a user would, and prints
 * each one's wall and CPU time (user + system of the sweep and its
 * workers), the totals, and the exercises per CPU-second. On a shared
 * machine the wall time holds other jobs' load too; the CPU time divided
 * by the workers is what the batch takes when the cores are free.
 *
 * usage: bench_sweep [RUNS [JOBS [TABLETOP]]]   (default 10000 2) */
#define _DEFAULT_SOURCE /* mkdtemp, setenv */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "spawn.h"

static const char *const SCENARIOS[] = {
    "mail-form-flood", "exposed-monitoring", "ransomware",
    "admin-server-breach", "wordpress-xss", "card-buffer-outage",
};
#define N_SCENARIOS (sizeof SCENARIOS / sizeof SCENARIOS[0])

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 10000;
    int jobs = argc > 2 ? atoi(argv[2]) : 2;
    char *tabletop = argc > 3 ? argv[3] : TT_BENCH_BINARY;
    if (runs < 1 || jobs < 1) {
        fprintf(stderr, "usage: bench_sweep [RUNS [JOBS [TABLETOP]]]\n");
        return 2;
    }
    char dir[] = "/tmp/tt-bench-sweep-XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char report[512], runs_arg[16], jobs_arg[16];
    snprintf(report, sizeof report, "%s/report.json", dir);
    snprintf(runs_arg, sizeof runs_arg, "%d", runs);
    snprintf(jobs_arg, sizeof jobs_arg, "%d", jobs);

    printf("sweep: %d seeds of each model answer, --jobs %d, %zu scenarios one after another\n",
           runs, jobs, N_SCENARIOS);
    printf("%-22s %10s %10s %14s\n", "scenario", "wall s", "cpu s", "exercises/cpu-s");
    double wall = 0, cpu = 0;
    int failed = 0;
    for (size_t i = 0; i < N_SCENARIOS; i++) {
        char scen[512], answer[512];
        snprintf(scen, sizeof scen, "%s/%s.lua", TT_BENCH_SCENARIO_DIR, SCENARIOS[i]);
        snprintf(answer, sizeof answer, "%s/answers/%s/model.yaml", TT_BENCH_SCENARIO_DIR,
                 SCENARIOS[i]);
        char *argv_sweep[] = { tabletop, "sweep", scen, "--script", answer, "--runs", runs_arg,
                               "--jobs", jobs_arg, "-o", report, NULL };
        bench_measure m = { 0 };
        if (bench_spawn(argv_sweep, &m) != 0)
            return 1;
        unlink(report);
        if (m.status != 0) {
            fprintf(stderr, "bench_sweep: the sweep of %s failed (exit %d)\n", SCENARIOS[i],
                    m.status);
            failed = 1;
        }
        printf("%-22s %10.2f %10.2f %14.0f\n", SCENARIOS[i], m.min_ms / 1e3, m.min_cpu_ms / 1e3,
               runs / (m.min_cpu_ms / 1e3));
        wall += m.min_ms / 1e3;
        cpu += m.min_cpu_ms / 1e3;
    }
    rmdir(dir);
    int total = runs * (int)N_SCENARIOS;
    printf("%d scored exercises: %.2f s wall, %.2f s CPU (%.2f s of CPU per worker), "
           "%.0f exercises per CPU-second\n",
           total, wall, cpu, cpu / jobs, total / cpu);
    if (runs == 10000 && jobs == 2)
        printf("goal: 60,000 on 2 cores <= 15 s wall: %s (%.2fx the goal)\n",
               wall <= 15.0 ? "met" : "not met", wall / 15.0);
    return failed;
}
