/* zlib.so's table (include/tabletop/module.h): the compression of the
 * journals archive (engine/score/journals.c). Only `sync` and `fetch` use
 * it, so every other command (a headless run, check, score) maps no zlib:
 * each shared library a process loads costs it about 0.05 ms of start-up. */
#ifndef TT_SCORE_ARCHIVE_ZLIB_H
#define TT_SCORE_ARCHIVE_ZLIB_H

#include <stddef.h>

#include "tabletop/module.h"

typedef struct tt_zlib_api {
    tt_module_head head;
    /* `len` bytes compressed at level 9 into a malloc'ed *out of *out_len
     * bytes. 0, or -1 (out of memory, zlib refused) with *out NULL. */
    int (*compress)(const void *data, size_t len, unsigned char **out, size_t *out_len);
    /* `src` inflated into `dst` (room for *dst_len bytes; *dst_len becomes
     * the bytes written). 0, or -1 when the data is damaged or larger. */
    int (*uncompress)(unsigned char *dst, size_t *dst_len, const void *src, size_t src_len);
} tt_zlib_api;

#endif
