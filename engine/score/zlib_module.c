/* zlib.so's table (include/tabletop/module.h): compressing and inflating
 * archived journals (sync, fetch); see archive_zlib.h. */
#include "archive_zlib.h"

#include <limits.h>
#include <stdlib.h>
#include <zlib.h>

static int archive_compress(const void *data, size_t len, unsigned char **out, size_t *out_len)
{
    *out = NULL;
    *out_len = 0;
    if (len > ULONG_MAX)
        return -1;
    uLongf zlen = compressBound((uLong)len);
    unsigned char *z = malloc(zlen ? zlen : 1);
    if (!z || compress2(z, &zlen, (const Bytef *)data, (uLong)len, 9) != Z_OK) {
        free(z);
        return -1;
    }
    *out = z;
    *out_len = zlen;
    return 0;
}

static int archive_uncompress(unsigned char *dst, size_t *dst_len, const void *src,
                              size_t src_len)
{
    if (*dst_len > ULONG_MAX || src_len > ULONG_MAX)
        return -1;
    uLongf n = (uLongf)*dst_len;
    if (uncompress(dst, &n, (const Bytef *)src, (uLong)src_len) != Z_OK)
        return -1;
    *dst_len = n;
    return 0;
}

extern const tt_zlib_api tt_module_table;
const tt_zlib_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(tt_zlib_api) },
    .compress = archive_compress,
    .uncompress = archive_uncompress,
};
