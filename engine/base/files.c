/* Path checks that keep a command from destroying data: is this the same
 * file as that one, and is this a regular file of bounded size (not a
 * device, FIFO or directory that would hang or flood a reader). */
#include "tabletop/base.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tabletop/terms.h"

bool tt_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (!a || !b || stat(a, &sa) != 0 || stat(b, &sb) != 0)
        return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

FILE *tt_fopen_regular(const char *path, size_t max_bytes, char *why, size_t why_size)
{
    int fd = tt_open_regular(path, max_bytes, why, why_size);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_FILE_CANNOT_OPEN_FMT), tt_os_error(errno));
        close(fd);
    }
    return f;
}

bool tt_output_path_usable(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return errno == ENOENT;     /* to be created (other errors: refused) */
    return S_ISREG(st.st_mode);
}

int tt_open_regular(const char *path, size_t max_bytes, char *why, size_t why_size)
{
    /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_FILE_CANNOT_OPEN_FMT), tt_os_error(errno));
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        snprintf(why, why_size, "%s", tt_term_text(C_FILE_NOT_REGULAR, tt_lang_messages()));
        close(fd);
        return -1;
    }
    if ((uintmax_t)st.st_size > (uintmax_t)max_bytes) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_FILE_LARGER_THAN_FMT), max_bytes);
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    return fd;
}
