/* Run a command as a child process and record its time and peak memory
 * (shared by the process benches). */
#ifndef TT_BENCH_SPAWN_H
#define TT_BENCH_SPAWN_H

typedef struct bench_measure {
    double min_ms;      /* wall time, the least of the runs */
    double min_cpu_ms;  /* user + system: what the process itself used */
    double sum_ms;      /* totals over the runs */
    double sum_cpu_ms;
    long max_rss_kib;
    int status;         /* exit status of the last run (128: killed) */
} bench_measure;

/* Run argv (PATH searched) with stdout and stderr to /dev/null; fold its
 * wall time, CPU time and peak RSS into m. 0, or -1 when it cannot run. */
int bench_spawn(char *const argv[], bench_measure *m);

#endif
