/* A folder of derived data under $XDG_CACHE_HOME/tabletop (engine/base/
 * cache_files.c): the scenario model cache and the drill history's trend
 * memo keep their entries there. Nothing in it is ever needed: an entry
 * that is missing, damaged or cannot be written is a miss, never an error. */
#ifndef TABLETOP_CACHE_FILES_H
#define TABLETOP_CACHE_FILES_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

/* $XDG_CACHE_HOME/tabletop/SUB (an absolute XDG_CACHE_HOME only, as the
 * XDG spec says), else ~/.cache/tabletop/SUB; *root_len is the length of
 * the part before "/tabletop". -1 when neither is known or it is too long. */
int tt_cache_dir(const char *sub, char *out, size_t size, size_t *root_len);

/* Make `dir` (from tt_cache_dir) and the folders above it, from the root
 * on; 0 when it exists afterwards. */
int tt_cache_make_dirs(char *dir, size_t root_len);

/* The whole of a regular file of 1 to `max` bytes, NUL-terminated; NULL
 * with *bad set when something else sits at `path` (a link, a folder, a
 * file too large, empty or shorter than it said), not when it is absent
 * or memory ran out. */
char *tt_cache_slurp(const char *path, size_t max, size_t *len, bool *bad);

/* write(2) all of it (EINTR retried); false on any failure. */
bool tt_cache_write_all(int fd, const void *p, size_t n);

/* Keep `dir` within max_entries files named *EXT and max_total bytes (the
 * oldest go first) and remove the temporary files (".*.tmp") a killed
 * writer left more than stale_tmp_s seconds ago. */
void tt_cache_prune(const char *dir, const char *ext, size_t max_entries, off_t max_total,
                    time_t stale_tmp_s);

#endif
