/* The browser as the facilitator's only front-end (--serve with --ui none):
 * the exercise runs on the wall clock, inputs come from the pages. */
#define _GNU_SOURCE
#include "tabletop/terms.h"
#include "web_internal.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t got_signal;

static void on_signal(int sig)
{
    (void)sig;
    got_signal = 1;
}

static int64_t wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Wall milliseconds until the next simulated event, at most 250. */
static int wait_ms(tt_exercise *ex)
{
    if (tt_exercise_phase(ex) != TT_PHASE_RUNNING)
        return 250;
    tt_ms next = tt_exercise_next_event(ex);
    const tt_scenario *sc = tt_exercise_scenario(ex);
    if (next > sc->length)
        next = sc->length;
    double speed = tt_exercise_speed(ex);
    double wait = speed > 0 ? (double)(next - tt_exercise_now(ex)) / speed : 250;
    if (wait < 1)
        return 1;
    return wait > 250 ? 250 : (int)wait + 1;
}

int tt_web_drive(tt_web *w, tt_exercise *ex, bool *ended, tt_error *err)
{
    got_signal = 0;
    struct sigaction sa = { .sa_handler = on_signal }, old_int, old_term, old_hup, old_pipe,
                     ign = { .sa_handler = SIG_IGN };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGHUP, &sa, &old_hup);
    sigaction(SIGPIPE, &ign, &old_pipe);
    int rc = 0;
    /* A restored drill stays paused until the facilitator resumes it. */
    if (tt_exercise_phase(ex) == TT_PHASE_READY)
        rc = tt_exercise_start(ex, wall_now(), err);
    while (rc == 0 && !got_signal && tt_exercise_phase(ex) != TT_PHASE_ENDED) {
        if (tt_exercise_phase(ex) == TT_PHASE_RUNNING &&
            tt_exercise_tick(ex, wall_now(), err) != 0) {
            rc = -1;
            break;
        }
        if (tt_web_pump(w, ex, NULL, err) != 0) {
            rc = -1;
            break;
        }
        if (tt_exercise_phase(ex) == TT_PHASE_ENDED)
            break;
        struct pollfd pfd = { .fd = tt_web_fd(w), .events = POLLIN };
        if (poll(&pfd, 1, wait_ms(ex)) < 0 && errno != EINTR) {
            tt_error_runtime(err, NULL, TT_MSG(E_POLL_FMT), tt_os_error(errno));
            rc = -1;
        }
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    sigaction(SIGPIPE, &old_pipe, NULL);
    *ended = rc == 0 && tt_exercise_phase(ex) == TT_PHASE_ENDED;
    return rc;
}
