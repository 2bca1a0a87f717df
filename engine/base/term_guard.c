/* Standard error through tt_term_safe, for the whole process: every error
 * message quotes something from outside (a command-line argument, a file
 * name, a scenario's error text, a journal's field), and there are too many
 * places that print one to trust each to neutralise it. No message needs
 * a raw control character: newlines and tabs pass, everything else that
 * would drive a terminal is shown as a visible escape ("\x1b"). Output
 * meant to drive the terminal (sweep's progress line) uses the raw stream.
 * The guard writes to file descriptor 2, so redirections with dup2 still
 * apply. */
#define _GNU_SOURCE
#include "tabletop/base.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static FILE *raw_stderr;

typedef struct guard {
    unsigned char tail[4]; /* an incomplete UTF-8 character held back */
    size_t ntail;
} guard;

static guard the_guard;

static bool write_all(const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(STDERR_FILENO, p, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        p += w;
        n -= (size_t)w;
    }
    return true;
}

/* Neutralise and write [p, p + n), which ends on a character boundary. */
static bool emit(const char *p, size_t n)
{
    char out[4 * 256 + 16];
    while (n > 0) {
        size_t take = n < 256 ? n : 256;
        /* Cut before a character's continuation bytes, not inside it. */
        while (take < n && take > 1 && ((unsigned char)p[take] & 0xC0) == 0x80)
            take--;
        size_t m = tt_term_safe(out, sizeof out, p, take, TT_TERM_KEEP_NEWLINES);
        if (!write_all(out, m < sizeof out ? m : sizeof out - 1))
            return false;
        p += take;
        n -= take;
    }
    return true;
}

/* Bytes at the end of buf that start a UTF-8 character not yet complete. */
static size_t incomplete_tail(const unsigned char *buf, size_t n)
{
    for (size_t back = 1; back <= 3 && back <= n; back++) {
        unsigned char c = buf[n - back];
        if ((c & 0xC0) == 0x80)
            continue;
        size_t need = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
        return need > back ? back : 0;
    }
    return 0;
}

static ssize_t guard_write(void *cookie, const char *buf, size_t size)
{
    guard *g = cookie;
    size_t used = 0;
    /* Finish a character held back from the last write first. */
    while (g->ntail > 0 && used < size && ((unsigned char)buf[used] & 0xC0) == 0x80 &&
           g->ntail < sizeof g->tail) {
        g->tail[g->ntail++] = (unsigned char)buf[used++];
        if (incomplete_tail(g->tail, g->ntail) == 0)
            break;
    }
    if (g->ntail > 0 && (incomplete_tail(g->tail, g->ntail) == 0 || used < size ||
                         g->ntail == sizeof g->tail)) {
        if (!emit((const char *)g->tail, g->ntail))
            return -1;
        g->ntail = 0;
    }
    size_t rest = size - used;
    size_t hold = incomplete_tail((const unsigned char *)buf + used, rest);
    if (!emit(buf + used, rest - hold))
        return -1;
    memcpy(g->tail + g->ntail, buf + size - hold, hold);
    g->ntail += hold;
    return (ssize_t)size;
}

static int guard_close(void *cookie)
{
    guard *g = cookie;
    if (g->ntail > 0)
        emit((const char *)g->tail, g->ntail);
    g->ntail = 0;
    return 0;
}

void tt_term_guard_stderr(void)
{
    if (raw_stderr)
        return;
    cookie_io_functions_t io = { .write = guard_write, .close = guard_close };
    FILE *f = fopencookie(&the_guard, "w", io);
    if (!f)
        return; /* out of memory at start: stderr stays as it was */
    setvbuf(f, NULL, _IONBF, 0);
    fflush(stderr);
    raw_stderr = stderr;
    stderr = f;
}

FILE *tt_term_raw_stderr(void)
{
    return raw_stderr ? raw_stderr : stderr;
}
