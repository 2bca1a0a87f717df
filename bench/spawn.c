#define _DEFAULT_SOURCE /* wait4 */
#include "spawn.h"

#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int bench_spawn(char *const argv[], bench_measure *m)
{
    posix_spawn_file_actions_t fa;
    if (posix_spawn_file_actions_init(&fa) != 0)
        return -1;
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    double start = now_ms();
    pid_t pid;
    int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) {
        fprintf(stderr, "bench: cannot run %s: %s\n", argv[0], strerror(rc));
        return -1;
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0)
        return -1;
    double ms = now_ms() - start;
    double cpu = (ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                 (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    if (m->min_ms == 0 || ms < m->min_ms)
        m->min_ms = ms;
    if (m->min_cpu_ms == 0 || cpu < m->min_cpu_ms)
        m->min_cpu_ms = cpu;
    m->sum_ms += ms;
    m->sum_cpu_ms += cpu;
    if (ru.ru_maxrss > m->max_rss_kib)
        m->max_rss_kib = ru.ru_maxrss;
    m->status = WIFEXITED(status) ? WEXITSTATUS(status) : 128;
    return 0;
}
