/* The journals archive: journal files stored zlib-compressed in the results
 * store, keyed by their SHA-256, so `tabletop score` and `replay` can work
 * from the central copy after `tabletop fetch`. */
#define _DEFAULT_SOURCE  /* mkstemp */
#include "tabletop/results.h"
#include "tabletop/terms.h"

#include "archive_zlib.h"
#include "store.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* zlib is in a module of its own (archive_zlib.h): loaded here, on first
 * use, with the usual message naming the module when it is missing. */
static const tt_zlib_api *zlib_api(tt_error *err)
{
    return tt_module_api(TT_MODULE_ZLIB, sizeof(tt_zlib_api), tt_lang_from_env(), err);
}

/* A journal is capped (issue 10: 64 MiB of messages); refuse anything much
 * larger rather than compress gigabytes by mistake. */
#define MAX_JOURNAL (256u * 1024u * 1024u)

static void hex_sha256(const void *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t md[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof md, md);
    for (unsigned i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
}

static char *slurp(const char *path, size_t *len, tt_error *err)
{
    char why[160];
    FILE *f = tt_fopen_regular(path, SIZE_MAX, why, sizeof why);
    if (!f) {
        tt_error_runtime(err, path, TT_MSG(E_JOURNAL_CANNOT_READ_FMT), why);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || (size_t)st.st_size > MAX_JOURNAL) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_JOURNAL_NOT_SENSIBLE));
        fclose(f);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = buf ? fread(buf, 1, (size_t)st.st_size, f) : 0;
    bool bad = !buf || ferror(f) || got != (size_t)st.st_size;
    fclose(f);
    if (bad) {
        free(buf);
        tt_error_runtime(err, path, TT_MSG(E_JOURNAL_CANNOT_READ));
        return NULL;
    }
    *len = got;
    return buf;
}

/* The organisation the journal's exercise was recorded with ("" if none). */
static char *organisation_of(tt_history *h, const char *hash, tt_error *err)
{
    store_param p = { .text = hash };
    store_rows r;
    if (h->ops->exec(h, "SELECT organisation FROM exercises WHERE journal_hash = $1", 1, &p, &r, err) != 0)
        return NULL;
    char *org = strdup(r.n == 1 && store_cell(&r, 0, 0) ? store_cell(&r, 0, 0) : "");
    store_rows_free(&r);
    if (!org)
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
    return org;
}

static int archive_bytes(tt_history *central, const char *org, const char *data, size_t len,
                         const char *hash, bool *stored, tt_error *err)
{
    *stored = false;
    store_param q = { .text = hash };
    store_rows r;
    if (central->ops->exec(central, "SELECT 1 FROM journals WHERE hash = $1", 1, &q, &r, err) != 0)
        return -1;
    bool there = r.n > 0;
    store_rows_free(&r);
    if (there)
        return 0;
    const tt_zlib_api *zlib = zlib_api(err);
    if (!zlib)
        return -1;
    unsigned char *z;
    size_t zlen;
    if (zlib->compress(data, len, &z, &zlen) != 0) {
        store_fail(central, err, TT_MSG(E_ARCHIVE_CANNOT_COMPRESS), NULL);
        return -1;
    }
    char size[32], now[32];
    snprintf(size, sizeof size, "%zu", len);
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    store_param p[6] = {
        { .text = hash }, { .text = org }, { .text = size }, { .text = "zlib" },
        { .blob = z, .len = zlen }, { .text = now },
    };
    int rc = central->ops->exec(central,
        "INSERT INTO journals (hash, organisation, size, compression, data, stored)"
        " VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (hash) DO NOTHING RETURNING hash",
        6, p, &r, err);
    free(z);
    if (rc != 0)
        return -1;
    *stored = r.n == 1;
    store_rows_free(&r);
    return 0;
}

int tt_journal_archive(tt_history *central, const char *path, bool *stored, tt_error *err)
{
    size_t len = 0;
    char *data = slurp(path, &len, err);
    if (!data)
        return -1;
    char hash[65];
    hex_sha256(data, len, hash);
    char *org = organisation_of(central, hash, err);
    int rc = org ? archive_bytes(central, org, data, len, hash, stored, err) : -1;
    free(org);
    free(data);
    return rc;
}

int tt_journal_archive_all(tt_history *local, tt_history *central, tt_sync_progress progress,
                           void *ctx, tt_sync_stats *stats, tt_error *err)
{
    memset(stats, 0, sizeof *stats);
    store_rows r;
    if (local->ops->exec(local,
            "SELECT journal_hash, journal_path, scenario, team, organisation FROM exercises"
            " WHERE journal_path IS NOT NULL AND journal_path <> '' ORDER BY id",
            0, NULL, &r, err) != 0)
        return -1;
    int rc = 0;
    for (size_t i = 0; i < r.n && rc == 0; i++) {
        const char *want = store_cell(&r, i, 0), *path = store_cell(&r, i, 1);
        if (!want || !path || access(path, R_OK) != 0)
            continue;   /* moved or deleted since: nothing to send */
        tt_error ferr;
        size_t len = 0;
        char *data = slurp(path, &len, &ferr);
        if (!data)
            continue;
        char hash[65];
        hex_sha256(data, len, hash);
        /* A journal appended to since (resumed) is another journal. */
        if (strcmp(hash, want) == 0) {
            bool stored = false;
            const char *org = store_cell(&r, i, 4);
            rc = archive_bytes(central, org ? org : "", data, len, hash, &stored, err);
            if (rc == 0) {
                if (stored)
                    stats->sent++;
                else
                    stats->already++;
                if (progress)
                    progress(ctx, hash, store_cell(&r, i, 2), store_cell(&r, i, 3), !stored);
            } else {
                stats->failed++;
            }
        }
        free(data);
    }
    store_rows_free(&r);
    return rc;
}

static bool hash_text_ok(const char *hash)
{
    size_t n = strlen(hash);
    if (n < 8 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isxdigit((unsigned char)hash[i]) || isupper((unsigned char)hash[i]))
            return false;
    return true;
}

static int write_atomically(const char *out_path, const unsigned char *data, size_t len,
                            tt_error *err)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.XXXXXX", out_path) >= (int)sizeof tmp) {
        tt_error_set(err, out_path, 0, 0, TT_MSG(E_PATH_IS_TOO_LONG));
        return -2;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        tt_error_runtime(err, out_path, TT_MSG(E_CANNOT_WRITE_FMT), tt_os_error(errno));
        return -1;
    }
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, data + off, len - off);
        if (w <= 0) {
            if (w < 0 && errno == EINTR)
                continue;
            break;
        }
        off += (size_t)w;
    }
    bool ok = off == len && fsync(fd) == 0;
    ok = close(fd) == 0 && ok;
    /* link() refuses an existing name: never replace a file. */
    if (ok && link(tmp, out_path) != 0) {
        int e = errno;
        unlink(tmp);
        if (e == EEXIST)
            tt_error_set(err, out_path, 0, 0, TT_MSG(E_FILE_EXISTS_GIVE_O));
        else
            tt_error_runtime(err, out_path, TT_MSG(E_CANNOT_WRITE_FMT), tt_os_error(e));
        return e == EEXIST ? -2 : -1;
    }
    unlink(tmp);
    if (!ok) {
        tt_error_runtime(err, out_path, TT_MSG(E_CANNOT_WRITE_FMT), tt_os_error(errno));
        return -1;
    }
    return 0;
}

int tt_journal_fetch(tt_history *central, const char *hash, const char *out_path, tt_error *err)
{
    if (!hash_text_ok(hash)) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_NOT_A_HASH_FMT), hash);
        return -2;
    }
    /* A prefix is compared by length, not with LIKE (no pattern characters
     * to escape, and no collation-dependent ranges). */
    char n_digits[24];
    snprintf(n_digits, sizeof n_digits, "%zu", strlen(hash));
    store_param p[2] = { { .text = hash }, { .text = n_digits } };
    store_rows r;
    if (central->ops->exec(central,
            "SELECT hash, CAST(size AS TEXT), compression, data FROM journals"
            " WHERE substr(hash, 1, CAST($2 AS INTEGER)) = $1 ORDER BY hash LIMIT 2", 2, p, &r, err) != 0)
        return -1;
    if (r.n != 1) {
        tt_error_set(err, NULL, 0, 0, r.n ? TT_MSG(E_ARCHIVE_HASH_SEVERAL_FMT)
                                          : TT_MSG(E_ARCHIVE_HASH_NONE_FMT), hash);
        store_rows_free(&r);
        return -2;
    }
    const char *full = store_cell(&r, 0, 0), *size_text = store_cell(&r, 0, 1);
    unsigned long long size = size_text ? strtoull(size_text, NULL, 10) : 0;
    const char *comp = store_cell(&r, 0, 2);
    /* The server's row as the archive writes it, or no journal. */
    if (!full || !size_text || r.cols < 4 || !comp || strcmp(comp, "zlib") != 0 ||
        size > MAX_JOURNAL) {
        store_fail(central, err, TT_MSG(E_ARCHIVE_UNKNOWN_FORM), NULL);
        store_rows_free(&r);
        return -1;
    }
    const tt_zlib_api *zlib = zlib_api(err);
    if (!zlib) {
        store_rows_free(&r);
        return -1;
    }
    unsigned char *data = malloc(size ? size : 1);
    size_t out_len = (size_t)size;
    int zrc = data ? zlib->uncompress(data, &out_len, store_cell(&r, 0, 3), r.len[3]) : -1;
    char got[65];
    if (zrc == 0)
        hex_sha256(data, out_len, got);
    if (zrc != 0 || out_len != size || strcmp(got, full) != 0) {
        store_fail(central, err, TT_MSG(E_ARCHIVE_DAMAGED), NULL);
        free(data);
        store_rows_free(&r);
        return -1;
    }
    store_rows_free(&r);
    int rc = write_atomically(out_path, data, out_len, err);
    free(data);
    return rc;
}
