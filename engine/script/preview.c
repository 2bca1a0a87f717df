/* Preconditions asked only to draw a menu or a button, answered on a
 * snapshot of the process.
 *
 * A `requires` can write what the sandbox cannot watch: an upvalue, a
 * global, a table reachable from one, the RNG, the work counters. Asked
 * live at whatever moments a screen redraws, such a write would make the
 * live drill differ from its replay (which never draws), and the journal
 * would no longer replay or resume. So display questions run in a forked
 * child: it shares the parent's memory copy-on-write, answers every asked
 * action through a pipe and exits, and whatever it wrote dies with it. The
 * precondition checked when an action is taken still runs in the drill's
 * own state, at a journaled point, the same live and in replay. */
#include "tabletop/terms.h"
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "host.h"

enum { P_OK = 1, P_FAILED = 2, P_USES_NOW = 4, P_JA = 8, P_EN = 16 };

static bool write_all(int fd, const void *data, size_t len)
{
    const char *p = data;
    while (len > 0) {
        ssize_t w = write(fd, p, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        len -= (size_t)w;
    }
    return true;
}

static bool write_text(int fd, const char *t)
{
    if (!t)
        return true;
    uint32_t len = (uint32_t)strlen(t);
    return write_all(fd, &len, sizeof len) && write_all(fd, t, len);
}

/* In the child: one record per asked action, then exit without running
 * the parent's exit handlers or flushing its stdio buffers. */
_Noreturn static void answer(tt_script *s, tt_ms now, const bool *want, int fd)
{
    signal(SIGPIPE, SIG_DFL);
    for (size_t i = 0; i < s->model.n_actions; i++) {
        if (!want[i])
            continue;
        tt_cond_memo seen = { 0 }; /* learns whether it read ctx.now */
        bool ok = false;
        tt_text why = { NULL, NULL };
        tt_error err;
        s->recording = &seen;
        int rc = tt_script_action_allowed(s, (int)i, now, &ok, &why, &err);
        s->recording = NULL;
        uint8_t flags = (uint8_t)((rc != 0 ? P_FAILED : ok ? P_OK : 0) |
                                  (seen.uses_now ? P_USES_NOW : 0));
        if (rc == 0 && !ok)
            flags |= (uint8_t)((why.ja ? P_JA : 0) | (why.en ? P_EN : 0));
        uint32_t index = (uint32_t)i;
        if (!write_all(fd, &index, sizeof index) || !write_all(fd, &flags, 1) ||
            ((flags & P_JA) && !write_text(fd, why.ja)) ||
            ((flags & P_EN) && !write_text(fd, why.en)))
            _exit(1);
    }
    _exit(0);
}

/* Everything the child wrote, until it closes the pipe. */
static char *read_all(int fd, size_t *len)
{
    size_t cap = 0, n = 0;
    char *buf = NULL;
    while (tt_grow(&buf, &cap, n + 4096, 1)) {
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            break;
        if (r == 0) {
            *len = n;
            return buf;
        }
        n += (size_t)r;
    }
    free(buf);
    return NULL;
}

static bool take(const char **p, const char *end, void *out, size_t len)
{
    if ((size_t)(end - *p) < len)
        return false;
    memcpy(out, *p, len);
    *p += len;
    return true;
}

static bool take_text(tt_script *s, const char **p, const char *end, const char **out)
{
    uint32_t len;
    if (!take(p, end, &len, sizeof len) || (size_t)(end - *p) < len)
        return false;
    *out = tt_arena_strndup(&s->preview_arena, *p, len);
    *p += len;
    return *out != NULL;
}

static int parse(tt_script *s, const char *buf, size_t len, tt_preview *out)
{
    const char *p = buf, *end = buf + len;
    while (p < end) {
        uint32_t i;
        uint8_t flags;
        if (!take(&p, end, &i, sizeof i) || i >= s->model.n_actions ||
            !take(&p, end, &flags, 1))
            return -1;
        tt_preview *r = &out[i];
        *r = (tt_preview){ .known = true, .ok = flags & P_OK, .failed = flags & P_FAILED,
                           .uses_now = flags & P_USES_NOW };
        if (((flags & P_JA) && !take_text(s, &p, end, &r->why.ja)) ||
            ((flags & P_EN) && !take_text(s, &p, end, &r->why.en)))
            return -1;
    }
    return 0;
}

int tt_script_preview_allowed(tt_script *s, tt_ms now, const bool *want, tt_preview *out,
                              tt_error *err)
{
    size_t n = s->model.n_actions;
    for (size_t i = 0; i < n; i++)
        out[i] = (tt_preview){ .known = false };
    tt_arena_free(&s->preview_arena);
    int fds[2];
    if (pipe(fds) != 0) {
        tt_error_runtime(err, NULL, TT_MSG(E_PV_CANNOT_ASK_FMT), tt_os_error(errno));
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(fds[0]);
        close(fds[1]);
        tt_error_runtime(err, NULL, TT_MSG(E_PV_CANNOT_ASK_FMT), tt_os_error(e));
        return -1;
    }
    if (pid == 0) {
        close(fds[0]);
        answer(s, now, want, fds[1]);
    }
    close(fds[1]);
    size_t len = 0;
    char *buf = read_all(fds[0], &len);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    int rc = 0;
    if (!buf || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || parse(s, buf, len, out) != 0) {
        for (size_t i = 0; i < n; i++)
            out[i] = (tt_preview){ .known = false };
        tt_error_runtime(err, NULL,
                         !buf ? TT_MSG(E_PV_SNAPSHOT_OOM)
                         : WIFSIGNALED(status) ? TT_MSG(E_PV_SNAPSHOT_KILLED)
                                               : TT_MSG(E_PV_SNAPSHOT_SILENT));
        rc = -1;
    }
    free(buf);
    return rc;
}

uint64_t tt_script_calls(const tt_script *s)
{
    return s->calls;
}
