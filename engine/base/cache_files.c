/* The cache folder's files: see include/tabletop/cache_files.h. */
#define _DEFAULT_SOURCE /* dirfd */
#include "tabletop/cache_files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int tt_cache_dir(const char *sub, char *out, size_t size, size_t *root_len)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(out, size, "%s/tabletop/%s", xdg, sub);
    else if (home && home[0] == '/')
        n = snprintf(out, size, "%s/.cache/tabletop/%s", home, sub);
    else
        return -1;
    if (n < 0 || (size_t)n >= size)
        return -1;
    *root_len = (size_t)n - strlen("/tabletop/") - strlen(sub);
    return 0;
}

int tt_cache_make_dirs(char *dir, size_t root_len)
{
    /* The root ($XDG_CACHE_HOME or ~/.cache) and the levels below it. */
    for (char *p = dir + root_len; p; p = strchr(p + 1, '/')) {
        *p = '\0';
        int rc = mkdir(dir, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

char *tt_cache_slurp(const char *path, size_t max, size_t *len, bool *bad)
{
    *bad = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        *bad = errno == ELOOP;
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        (uintmax_t)st.st_size > max)
        *bad = true;
    else
        buf = malloc((size_t)st.st_size + 1);
    size_t n = 0;
    while (buf && n < (size_t)st.st_size) {
        ssize_t got = read(fd, buf + n, (size_t)st.st_size - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            free(buf);
            buf = NULL;
            *bad = got == 0; /* shorter than it said */
        } else {
            n += (size_t)got;
        }
    }
    close(fd);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

bool tt_cache_write_all(int fd, const void *data, size_t n)
{
    const char *p = data;
    while (n) {
        ssize_t put = write(fd, p, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        p += put;
        n -= (size_t)put;
    }
    return true;
}

typedef struct entry {
    char name[96];
    off_t size;
    struct timespec mtime;
} entry;

static int older_first(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->mtime.tv_sec != y->mtime.tv_sec)
        return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
    if (x->mtime.tv_nsec != y->mtime.tv_nsec)
        return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
    return strcmp(x->name, y->name);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

void tt_cache_prune(const char *dir, const char *ext, size_t max_entries, off_t max_total,
                    time_t stale_tmp_s)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    entry *list = NULL;
    size_t n = 0, cap = 0;
    off_t total = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        if (strlen(de->d_name) >= sizeof list->name ||
            fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;   /* longer than any name a cache writes */
        if (de->d_name[0] == '.' && ends_with(de->d_name, ".tmp")) {
            if (now - st.st_mtime > stale_tmp_s)
                unlinkat(dirfd(d), de->d_name, 0);
            continue;
        }
        if (!ends_with(de->d_name, ext))
            continue;
        if (n == cap) {
            size_t grown_cap = cap ? cap * 2 : 64;
            entry *grown = realloc(list, grown_cap * sizeof *list);
            if (!grown)
                break;
            list = grown;
            cap = grown_cap;
        }
        memcpy(list[n].name, de->d_name, strlen(de->d_name) + 1);
        list[n].size = st.st_size;
        list[n].mtime = st.st_mtim;
        total += st.st_size;
        n++;
    }
    if (n > max_entries || total > max_total) {
        qsort(list, n, sizeof *list, older_first);
        for (size_t i = 0; i < n && (n - i > max_entries || total > max_total); i++) {
            if (unlinkat(dirfd(d), list[i].name, 0) == 0 || errno == ENOENT)
                total -= list[i].size;
        }
    }
    free(list);
    closedir(d);
}
