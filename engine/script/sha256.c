/* Content hash of a scenario file: SHA-256 through nettle (a small library
 * with no start-up cost, unlike OpenSSL's first EVP use). */
#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "tabletop/script.h"

void tt_sha256_hex(const void *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}
