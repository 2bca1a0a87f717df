/* Content hash of a scenario file: SHA-256 through nettle (a small library
 * with no start-up cost, unlike OpenSSL's first EVP use). */
#include <nettle/sha2.h>
#include <string.h>

#include "tabletop/script.h"

void tt_sha256_hex(const void *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    /* By table: 32 snprintf calls cost 22 K instructions a hash. */
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof digest; i++) {
        out[2 * i] = hex[digest[i] >> 4];
        out[2 * i + 1] = hex[digest[i] & 15];
    }
    out[64] = '\0';
}
