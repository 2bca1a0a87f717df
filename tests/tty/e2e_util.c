/* See e2e_util.h. */
#include "e2e_util.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static char tmpdir[512];

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *e2e_tmpdir(void)
{
    if (!tmpdir[0]) {
        /* Inside the build tree when known, so runs do not litter /tmp. */
        const char *build = getenv("TT_BUILD_DIR");
        snprintf(tmpdir, sizeof tmpdir, "%s/tty-e2e-XXXXXX", build ? build : "/tmp");
        if (!mkdtemp(tmpdir)) {
            perror("mkdtemp");
            abort();
        }
        char xdg[600];
        snprintf(xdg, sizeof xdg, "%s/xdg", tmpdir);
        setenv("XDG_DATA_HOME", xdg, 1);
    }
    return tmpdir;
}

static const char *rotate(const char *a, const char *b)
{
    static char bufs[8][1024];
    static int next;
    char *out = bufs[next++ % 8];
    snprintf(out, 1024, "%s/%s", a, b);
    return out;
}

const char *e2e_tmp(const char *name) { return rotate(e2e_tmpdir(), name); }

const char *e2e_src(const char *rel)
{
    const char *root = getenv("TT_SOURCE_DIR");
    return rotate(root ? root : ".", rel);
}

const char *e2e_binary(void)
{
    const char *b = getenv("TT_BINARY");
    return b ? b : "tabletop";
}

static void exec_binary(const char *const *args)
{
    const char *argv[64];
    size_t n = 0;
    argv[n++] = e2e_binary();
    for (size_t i = 0; args[i] && n < 63; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    execv(argv[0], (char *const *)argv);
    _exit(127);
}

pid_t e2e_spawn(const char *out_path, const char *const *args)
{
    pid_t pid = fork();
    if (pid != 0)
        return pid;
    int in = open("/dev/null", O_RDONLY);
    int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (in < 0 || out < 0)
        _exit(126);
    dup2(in, 0);
    dup2(out, 1);
    dup2(out, 2);
    exec_binary(args);
    return -1;
}

static int status_code(int st)
{
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    if (WIFSIGNALED(st))
        return 128 + WTERMSIG(st);
    return -1;
}

int e2e_wait(pid_t pid, int timeout_ms)
{
    for (int64_t end = now_ms() + timeout_ms; now_ms() <= end;) {
        int st;
        pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid)
            return status_code(st);
        if (r < 0)
            return -1;
        struct timespec ts = { 0, 5 * 1000000 };
        nanosleep(&ts, NULL);
    }
    kill(pid, SIGKILL);
    waitpid(pid, NULL, 0);
    return -1;
}

int e2e_run(const char *out_path, const char *const *args)
{
    pid_t pid = e2e_spawn(out_path, args);
    return pid < 0 ? -1 : e2e_wait(pid, 120000);
}

bool e2e_write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return false;
    bool ok = fputs(text, f) >= 0;
    return fclose(f) == 0 && ok;
}

size_t e2e_journal_records(const char *path)
{
    char *text = cli_slurp(path);
    if (!text)
        return 0;
    size_t n = 0;
    for (const char *p = text; (p = strstr(p, "\n...\n")) != NULL; p += 4)
        n++;
    free(text);
    return n;
}

/* ---- outcome ---- */

typedef struct kvtext {
    char key[128];
    char value[256];
} kvtext;

static void put_state(kvtext *st, size_t *n, size_t cap, const tt_kv *kv)
{
    char v[256];
    if (tt_value_format(&kv->value, v, sizeof v) < 0)
        snprintf(v, sizeof v, "?");
    for (size_t i = 0; i < *n; i++)
        if (strcmp(st[i].key, kv->key) == 0) {
            snprintf(st[i].value, sizeof st[i].value, "%s", v);
            return;
        }
    if (*n < cap) {
        snprintf(st[*n].key, sizeof st[*n].key, "%s", kv->key);
        snprintf(st[*n].value, sizeof st[*n].value, "%s", v);
        (*n)++;
    }
}

static int by_key(const void *a, const void *b)
{
    return strcmp(((const kvtext *)a)->key, ((const kvtext *)b)->key);
}

char *e2e_outcome(const char *journal_path)
{
    tt_journal j;
    tt_error err;
    tt_error_clear(&err);
    if (tt_journal_read(journal_path, &j, &err) != 0) {
        tt_error_print(&err, "e2e_outcome");
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    kvtext state[128];
    size_t n_state = 0;
    if (!out) {
        tt_journal_free(&j);
        return NULL;
    }
    out[0] = '\0';
#define ADD(...) do { int k_ = snprintf(out + len, cap - len, __VA_ARGS__); \
                      if (k_ > 0 && (size_t)k_ < cap - len) len += (size_t)k_; } while (0)
    for (size_t i = 0; i < j.n_records; i++) {
        const tt_record *r = &j.records[i];
        switch (r->type) {
        case TT_REC_START:
            for (size_t k = 0; r->start && k < r->start->n_state; k++)
                put_state(state, &n_state, 128, &r->start->state[k]);
            break;
        case TT_REC_STATE:
            for (size_t k = 0; k < r->n_changes; k++)
                put_state(state, &n_state, 128, &r->changes[k]);
            break;
        case TT_REC_ACTION:
        case TT_REC_REFUSED:
        case TT_REC_NOTE:
        case TT_REC_DONE:
            ADD("%s %" PRId64 " %s %s\n", tt_record_type_name(r->type), r->t,
                r->role ? r->role : "-", r->id ? r->id : "-");
            break;
        case TT_REC_OBJECTIVE:
            ADD("objective %" PRId64 " %s %s\n", r->t, r->id, r->status);
            break;
        case TT_REC_INJECT:
        case TT_REC_MESSAGE:
            ADD("%s %" PRId64 " %s\n", tt_record_type_name(r->type), r->t,
                r->id ? r->id : (r->from ? r->from : "-"));
            break;
        case TT_REC_END:
            ADD("end %" PRId64 " %s\n", r->t, r->status);
            break;
        default:
            break;
        }
    }
    qsort(state, n_state, sizeof state[0], by_key);
    for (size_t i = 0; i < n_state; i++)
        ADD("state %s=%s\n", state[i].key, state[i].value);
#undef ADD
    tt_journal_free(&j);
    return out;
}

/* ---- pseudo-terminal sessions ---- */

bool e2e_pty_start(e2e_pty *p, const char *const *args)
{
    memset(p, 0, sizeof *p);
    struct winsize ws = { .ws_row = 50, .ws_col = 200 };
    p->pid = forkpty(&p->fd, NULL, NULL, &ws);
    if (p->pid < 0)
        return false;
    if (p->pid == 0) {
        setenv("TERM", "dumb", 1);
        exec_binary(args);
    }
    return true;
}

/* Read what is there (waiting up to wait_ms for something). false at EOF. */
static bool pty_read(e2e_pty *p, int wait_ms)
{
    struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
    int n = poll(&pfd, 1, wait_ms);
    if (n <= 0)
        return n == 0 || errno == EINTR;
    if (p->len + 1 >= sizeof p->screen) {
        /* Keep the recent half: old text was already matched. */
        size_t keep = sizeof p->screen / 2;
        memmove(p->screen, p->screen + p->len - keep, keep);
        p->mark = p->mark > p->len - keep ? p->mark - (p->len - keep) : 0;
        p->len = keep;
    }
    ssize_t got = read(p->fd, p->screen + p->len, sizeof p->screen - p->len - 1);
    if (got <= 0)
        return false;
    p->len += (size_t)got;
    p->screen[p->len] = '\0';
    return true;
}

bool e2e_expect(e2e_pty *p, const char *text, int timeout_ms)
{
    for (int64_t end = now_ms() + timeout_ms;;) {
        char *hit = strstr(p->screen + p->mark, text);
        if (hit) {
            p->mark = (size_t)(hit - p->screen) + strlen(text);
            return true;
        }
        if (now_ms() > end || !pty_read(p, 20)) {
            hit = strstr(p->screen + p->mark, text);
            if (hit) {
                p->mark = (size_t)(hit - p->screen) + strlen(text);
                return true;
            }
            fprintf(stderr, "--- expected %s; the screen since the last match:\n%s\n---\n",
                    text, p->screen + p->mark);
            return false;
        }
    }
}

void e2e_send(e2e_pty *p, const char *keys)
{
    size_t n = strlen(keys), off = 0;
    while (off < n) {
        ssize_t w = write(p->fd, keys + off, n - off);
        if (w <= 0 && errno != EINTR)
            return;
        if (w > 0)
            off += (size_t)w;
    }
}

int e2e_pty_finish(e2e_pty *p, int timeout_ms)
{
    for (int64_t end = now_ms() + timeout_ms; now_ms() <= end;) {
        int st;
        pid_t r = waitpid(p->pid, &st, WNOHANG);
        if (r == p->pid) {
            while (pty_read(p, 0) && p->len) {
                struct pollfd pfd = { .fd = p->fd, .events = POLLIN };
                if (poll(&pfd, 1, 0) <= 0)
                    break;
            }
            close(p->fd);
            return status_code(st);
        }
        if (!pty_read(p, 20)) {
            struct timespec ts = { 0, 5 * 1000000 };
            nanosleep(&ts, NULL);   /* terminal closed: wait for the exit */
        }
    }
    kill(p->pid, SIGKILL);
    waitpid(p->pid, NULL, 0);
    close(p->fd);
    return -1;
}

int e2e_pty_close(e2e_pty *p, int timeout_ms)
{
    close(p->fd);
    return e2e_wait(p->pid, timeout_ms);
}
