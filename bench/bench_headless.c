/* Headless exercise throughput: each scenario's model answer, run to the end
 * with its journal, many times. Prints the time per run and its ratio to the
 * goal: a scripted exercise (the golden tests, `tabletop run --ui none`)
 * should finish in under 100 ms, so a suite of many seeds stays quick. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tabletop/exercise.h"

#define GOAL_MS 100.0
#define RUNS 20

static const char *const IDS[] = { "mail-form-flood", "exposed-monitoring", "ransomware",
                                   "admin-server-breach", "wordpress-xss",
                                   "card-buffer-outage" };

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* One run; returns the number of journal records, or -1. */
static long run_once(tt_script *script, const tt_action_script *answers, uint64_t seed,
                     const char *journal_path)
{
    tt_error err;
    tt_exercise_config cfg = { .seed = seed, .settings = answers->settings,
                               .n_settings = answers->n_settings };
    cfg.journal = tt_journal_create(journal_path, false, &err);
    if (!cfg.journal)
        return -1;
    tt_exercise *ex = tt_exercise_new(script, &cfg, &err);
    int rc = ex ? tt_exercise_start(ex, 0, &err) : -1;
    if (rc == 0)
        rc = tt_exercise_play(ex, answers, 0, &err);
    tt_exercise_free(ex);
    if (tt_journal_close(cfg.journal, rc == 0 ? &err : NULL) != 0 || rc != 0) {
        tt_error_print(&err, "bench");
        return -1;
    }
    tt_journal j;
    if (tt_journal_read(journal_path, &j, &err) != 0)
        return -1;
    long n = (long)j.n_records;
    tt_journal_free(&j);
    return n;
}

int main(void)
{
    char journal[] = "/tmp/tt-bench-XXXXXX";
    int fd = mkstemp(journal);
    if (fd < 0)
        return 1;
    close(fd);
    double worst = 0;
    printf("%-22s %8s %10s %8s\n", "scenario", "records", "ms/run", "ratio");
    for (size_t i = 0; i < sizeof IDS / sizeof IDS[0]; i++) {
        char path[1024], answer[1024];
        snprintf(path, sizeof path, "%s/%s.lua", TT_BENCH_SCENARIO_DIR, IDS[i]);
        snprintf(answer, sizeof answer, "%s/answers/%s/model.yaml", TT_BENCH_SCENARIO_DIR, IDS[i]);
        tt_error err;
        tt_script *script = tt_script_load(path, NULL, &err);
        if (!script) {
            tt_error_print(&err, "bench");
            return 1;
        }
        tt_action_script answers;
        if (tt_action_script_load(answer, tt_script_scenario(script), &answers, &err) != 0) {
            tt_error_print(&err, "bench");
            tt_script_free(script);
            return 1;
        }
        long records = 0;
        double start = now_ms();
        for (int r = 0; r < RUNS && records >= 0; r++)
            records = run_once(script, &answers, (uint64_t)r + 1, journal);
        double per = (now_ms() - start) / RUNS;
        tt_action_script_free(&answers);
        tt_script_free(script);
        if (records < 0)
            return 1;
        printf("%-22s %8ld %10.2f %7.2fx\n", IDS[i], records, per, per / GOAL_MS);
        if (per > worst)
            worst = per;
    }
    unlink(journal);
    printf("worst %.2f ms per run: %.2fx the %.0f ms goal (below 1 meets it)\n", worst,
           worst / GOAL_MS, GOAL_MS);
    return 0;
}
