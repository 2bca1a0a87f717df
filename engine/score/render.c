/* Render a scorecard in the chosen format and write it atomically. */
#include "tabletop/terms.h"
#include "render.h"
#include "doc.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *sc_event_kind_key(tt_score_event_kind k)
{
    switch (k) {
    case TT_EV_INJECT: return "inject";
    case TT_EV_MESSAGE: return "message";
    case TT_EV_CUSTOM: return "custom";
    case TT_EV_ACTION: return "action";
    case TT_EV_REFUSED: return "refused";
    case TT_EV_OBJECTIVE: return "objective";
    case TT_EV_NOTE: return "note";
    case TT_EV_CANCEL: return "cancel";
    case TT_EV_DECLINED: return "declined";
    case TT_EV_ASKED: return "asked";
    case TT_EV_REPLY: return "reply";
    }
    return "?";
}

char *tt_scorecard_render(const tt_scorecard *card, tt_card_format fmt,
                          tt_lang lang, size_t *len, tt_error *err)
{
    char *out = NULL;
    tt_doc doc;
    if (fmt == TT_CARD_JSON) {
        out = sc_render_json(card, lang, len);
    } else if (sc_card_doc(&doc, card, lang) == 0) {
        out = fmt == TT_CARD_MD ? doc_emit_md(&doc, len) : doc_emit_html(&doc, len);
        doc_free(&doc);
    }
    if (!out)
        tt_error_oom(err, NULL);
    return out;
}

int tt_scorecard_write(const tt_scorecard *card, const char *path,
                       tt_card_format fmt, tt_lang lang, tt_error *err)
{
    size_t len = 0;
    char *text = tt_scorecard_render(card, fmt, lang, &len, err);
    if (!text)
        return -1;
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 32);
    if (!tmp) {
        free(text);
        tt_error_oom(err, path);
        return -1;
    }
    snprintf(tmp, plen + 32, "%s.tmp%ld", path, (long)getpid());
    /* One write of the whole card (no stdio buffer to fill and flush). */
    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        tt_error_runtime(err, path, TT_MSG(E_CARD_CANNOT_WRITE_FMT), tt_os_error(errno));
        free(text);
        free(tmp);
        return -1;
    }
    bool ok = true;
    int saved = 0;
    for (size_t done = 0; ok && done < len;) {
        ssize_t n = write(fd, text + done, len - done);
        if (n > 0) {
            done += (size_t)n;
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            saved = n < 0 ? errno : EIO;
            ok = false;
        }
    }
    if (close(fd) != 0 && ok) {
        saved = errno;
        ok = false;
    }
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        tt_error_runtime(err, path, TT_MSG(E_CARD_CANNOT_WRITE_FMT), tt_os_error(saved));
        remove(tmp);
    }
    free(text);
    free(tmp);
    return ok ? 0 : -1;
}

int tt_score_file_hash_bounded(const char *path, size_t max_bytes, char out[65],
                               tt_error *err)
{
    char why[128];
    int fd = tt_open_regular(path, max_bytes, why, sizeof why);
    FILE *f = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!f) {
        if (fd >= 0) {
            snprintf(why, sizeof why, TT_MSG(E_CANNOT_READ_FMT), tt_os_error(errno));
            close(fd);
        }
        tt_error_set(err, path, 0, 0, "%s", why);
        return -1;
    }
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        sha256_update(&ctx, n, buf);
    bool ok = !ferror(f);
    uint8_t md[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof md, md);
    fclose(f);
    if (!ok) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_CANNOT_READ_FMT), tt_os_error(errno));
        return -1;
    }
    for (unsigned i = 0; i < 32; i++)
        snprintf(out + 2 * i, 3, "%02x", md[i]);
    return 0;
}

struct tt_score_hash {
    struct sha256_ctx ctx;
};

tt_score_hash *tt_score_hash_new(void)
{
    tt_score_hash *h = malloc(sizeof *h);
    if (h)
        sha256_init(&h->ctx);
    return h;
}

void tt_score_hash_tap(void *h, const void *bytes, size_t n)
{
    sha256_update(&((tt_score_hash *)h)->ctx, n, bytes);
}

void tt_score_hash_hex(tt_score_hash *h, char out[65])
{
    static const char digits[] = "0123456789abcdef";
    uint8_t md[SHA256_DIGEST_SIZE];
    sha256_digest(&h->ctx, sizeof md, md);
    for (unsigned i = 0; i < SHA256_DIGEST_SIZE; i++) {
        out[2 * i] = digits[md[i] >> 4];
        out[2 * i + 1] = digits[md[i] & 15];
    }
    out[64] = '\0';
}

void tt_score_hash_free(tt_score_hash *h)
{
    free(h);
}

int tt_score_file_hash(const char *path, char out[65], tt_error *err)
{
    return tt_score_file_hash_bounded(path, SIZE_MAX, out, err);
}
