/* Appending records to a journal file. Each record goes out in one write()
 * of a whole YAML document; durable writers write inline and fsync before
 * returning, so a record the drill has shown is on disk. Other journals
 * (headless runs) are written by a thread beside the caller
 * (journal_thread.c) when the process may use two CPUs, and at the close
 * handed to the disk without waiting for it (sync_file_range): a headless
 * run is a reproducible computation, and waiting for the disk was a sixth
 * to a quarter of its time. A crash can at worst leave one torn record at
 * the end, which the reader drops and append cuts off. */
#define _GNU_SOURCE /* sync_file_range */
#include "journal_emit.h"
#include "journal_internal.h"
#include "journal_thread.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tabletop/terms.h"

struct tt_journal_writer {
    int fd;
    bool durable;
    bool dirty;     /* written since the last fsync */
    bool held;      /* group commit: fsync at the release */
    bool broken;    /* a write failed part-way: refuse further records */
    char *path;
    journal_emitter *emitter; /* one for all the records */
    journal_thread *thread;   /* not durable: writes the records, or NULL */
    size_t bytes;   /* in the file */
    size_t cap;     /* a record that would pass it is refused */
    /* Not durable and inline: documents kept for one write() (a write per
     * record was 7% of a headless run), written at JOURNAL_BATCH_RECORDS,
     * JOURNAL_BATCH_BYTES, tt_journal_flush and the close. */
    tt_buf pending;
    size_t pending_records;
};

#define JOURNAL_BATCH_RECORDS 16
#define JOURNAL_BATCH_BYTES ((size_t)256 << 10)

int journal_write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Make a new file's directory entry durable too. */
static void sync_parent_dir(const char *path)
{
    char *copy = strdup(path);
    if (!copy)
        return;
    int dfd = open(dirname(copy), O_RDONLY | O_CLOEXEC);
    if (dfd >= 0) {
        (void)fsync(dfd);
        close(dfd);
    }
    free(copy);
}

static tt_journal_writer *writer_new(int fd, const char *path, bool durable,
                                     tt_error *err)
{
    tt_journal_writer *w = calloc(1, sizeof *w);
    char *p = strdup(path);
    journal_emitter *em = journal_emitter_new();
    if (!w || !p || !em) {
        free(w);
        free(p);
        journal_emitter_free(em);
        close(fd);
        tt_error_oom(err, path);
        return NULL;
    }
    w->fd = fd;
    w->durable = durable;
    w->path = p;
    w->emitter = em;
    w->cap = TT_JOURNAL_MAX_BYTES;
    return w;
}

/* A journal that is not durable is written by a thread from its first
 * record on (bytes: already in the file). */
static tt_journal_writer *writer_started(tt_journal_writer *w, size_t bytes)
{
    if (!w)
        return NULL;
    w->bytes = bytes;
    if (!w->durable)
        w->thread = journal_thread_start(w->fd, w->path, bytes, w->cap);
    return w;
}

tt_journal_writer *tt_journal_create(const char *path, bool durable, tt_error *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        tt_error_runtime(err, path, TT_FMT(tt_lang_messages(), C_JOURNAL_CANNOT_CREATE_FMT),
                         tt_os_error(errno));
        return NULL;
    }
    if (durable)
        sync_parent_dir(path);
    return writer_started(writer_new(fd, path, durable, err), 0);
}

tt_journal_writer *tt_journal_create_new(const char *path, bool durable, tt_error *err)
{
    /* O_EXCL: an existing file is never truncated, and a symbolic link in
     * the last component is never followed (even a dangling one). */
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        int e = errno;
        bool users_path = e == EEXIST || e == ENOENT || e == ENOTDIR || e == EISDIR ||
                          e == ELOOP || e == ENAMETOOLONG;
        tt_lang lang = tt_lang_messages();
        if (e == EEXIST)
            tt_error_set(err, path, 0, 0, "%s", tt_term_text(C_JOURNAL_EXISTS, lang));
        else if (e == ENOENT || e == ENOTDIR)
            tt_error_set(err, path, 0, 0, "%s", tt_term_text(C_JOURNAL_NO_FOLDER, lang));
        else
            tt_error_set_as(err, users_path ? TT_ERR_INPUT : TT_ERR_RUNTIME, path, 0, 0,
                            TT_FMT(lang, C_JOURNAL_CANNOT_CREATE_FMT), tt_os_error(e));
        return NULL;
    }
    if (durable)
        sync_parent_dir(path);
    return writer_started(writer_new(fd, path, durable, err), 0);
}

static char *read_fd(int fd, const char *path, size_t *len, tt_error *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_JW_NOT_REGULAR));
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    if (!buf) {
        tt_error_oom(err, path);
        return NULL;
    }
    size_t got = 0;
    while (got < size) {
        ssize_t n = read(fd, buf + got, size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    buf[got] = '\0';
    *len = got;
    return buf;
}

tt_journal_writer *tt_journal_append(const char *path, bool durable, tt_error *err)
{
    int fd = open(path, O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        tt_error_runtime(err, path, TT_FMT(tt_lang_messages(), C_JOURNAL_CANNOT_OPEN_FMT),
                         tt_os_error(errno));
        return NULL;
    }
    size_t len = 0;
    char *data = read_fd(fd, path, &len, err);
    if (!data) {
        close(fd);
        return NULL;
    }
    tt_journal j;
    size_t end = 0;
    if (journal_parse(path, data, len, &j, &end, err) < 0) {
        free(data);
        close(fd);
        return NULL;
    }
    tt_journal_free(&j);
    /* A record closed by "..." at the very end of the file lacks its newline. */
    bool need_newline = end > 0 && data[end - 1] != '\n';
    free(data);
    if ((end < len && ftruncate(fd, (off_t)end) != 0) ||
        lseek(fd, (off_t)end, SEEK_SET) < 0 ||
        (need_newline && journal_write_all(fd, "\n", 1) != 0) ||
        (durable && fsync(fd) != 0)) {
        tt_error_runtime(err, path, TT_FMT(tt_lang_messages(), C_JOURNAL_CANNOT_APPEND_FMT),
                         tt_os_error(errno));
        close(fd);
        return NULL;
    }
    return writer_started(writer_new(fd, path, durable, err), end + (need_newline ? 1 : 0));
}

/* The kept documents, in one write(). `bytes` counted them already. */
static int write_pending(tt_journal_writer *w, tt_error *err)
{
    int rc = w->pending.len ? journal_write_all(w->fd, w->pending.data, w->pending.len) : 0;
    if (w->pending.failed)
        tt_buf_free(&w->pending); /* could not grow: what it held is written */
    w->pending.len = 0;
    w->pending_records = 0;
    if (rc != 0) {
        w->broken = true;
        tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_WRITE_FMT), tt_os_error(errno));
        return -1;
    }
    w->dirty = true;
    return 0;
}

int tt_journal_write(tt_journal_writer *w, const tt_record *r, tt_error *err)
{
    if (w->thread)
        return journal_thread_write(w->thread, r, err);
    if (w->broken) {
        tt_error_runtime(err, w->path, TT_MSG(E_JW_UNUSABLE));
        return -1;
    }
    size_t len = 0;
    const char *doc = journal_emitter_put(w->emitter, r, &len, err);
    if (!doc)
        return -1;
    if (len > w->cap - (w->bytes < w->cap ? w->bytes : w->cap)) {
        /* Refused whole: what is in the file stays a readable journal. */
        tt_error_set(err, w->path, 0, 0,
                     TT_MSG(E_JW_LIMIT_FMT),
                     w->cap >> 20);
        return -1;
    }
    if (!w->durable && tt_buf_addn(&w->pending, doc, len)) {
        w->bytes += len;
        if (++w->pending_records < JOURNAL_BATCH_RECORDS && w->pending.len < JOURNAL_BATCH_BYTES)
            return 0;
        return write_pending(w, err);
    }
    /* Durable, or no memory to keep it: what is kept, then this one. */
    if (write_pending(w, err) != 0)
        return -1;
    if (journal_write_all(w->fd, doc, len) != 0) {
        w->broken = true;
        tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_WRITE_FMT), tt_os_error(errno));
        return -1;
    }
    w->bytes += len;
    w->dirty = true;
    if (w->durable && !w->held) {
        if (fsync(w->fd) != 0) {
            w->broken = true;
            tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_SYNC_FMT),
                         tt_os_error(errno));
            return -1;
        }
        w->dirty = false;
    }
    return 0;
}

int tt_journal_hold(tt_journal_writer *w, bool hold, tt_error *err)
{
    if (!w)
        return 0;
    if (w->thread)
        return journal_thread_check(w->thread, err);
    w->held = hold;
    if (hold || !w->durable || !w->dirty || w->broken)
        return 0;
    if (fsync(w->fd) != 0) {
        w->broken = true;
        tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_SYNC_FMT), tt_os_error(errno));
        return -1;
    }
    w->dirty = false;
    return 0;
}

int tt_journal_close(tt_journal_writer *w, tt_error *err)
{
    if (!w)
        return 0;
    int rc = 0;
    if (w->thread) {
        bool wrote = false;
        rc = journal_thread_stop(w->thread, &wrote, err);
        w->thread = NULL;
        w->dirty = wrote;
    }
    if (!w->broken && write_pending(w, err) != 0)
        rc = -1;
    if (w->dirty && w->durable && fsync(w->fd) != 0 && rc == 0) {
        tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_SYNC_FMT), tt_os_error(errno));
        rc = -1;
    }
    /* Not durable: the writeback starts now (the file reaches the disk in
     * milliseconds, not at the file system's next flush), unwaited. Files
     * that cannot take it (a pipe, a device) need nothing. */
    if (w->dirty && !w->durable && sync_file_range(w->fd, 0, 0, SYNC_FILE_RANGE_WRITE) != 0 &&
        errno != ESPIPE && errno != EINVAL && errno != ENOSYS && rc == 0) {
        tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_SYNC_FMT), tt_os_error(errno));
        rc = -1;
    }
    if (close(w->fd) != 0 && rc == 0) {
        tt_error_runtime(err, w->path, TT_MSG(E_JW_CANNOT_CLOSE_FMT), tt_os_error(errno));
        rc = -1;
    }
    free(w->path);
    tt_buf_free(&w->pending);
    journal_emitter_free(w->emitter);
    free(w);
    return rc;
}

int tt_journal_flush(tt_journal_writer *w, tt_error *err)
{
    if (!w)
        return 0;
    if (w->thread)
        return journal_thread_flush(w->thread, err);
    return w->broken ? 0 : write_pending(w, err);
}

void tt_journal_set_cap(tt_journal_writer *w, size_t bytes)
{
    w->cap = bytes;
    if (w->thread)
        journal_thread_set_cap(w->thread, bytes);
}
