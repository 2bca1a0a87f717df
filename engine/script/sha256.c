/* Content hash of a scenario file: sha256 through OpenSSL's EVP interface. */
#include <openssl/evp.h>
#include <stdio.h>
#include <string.h>

#include "tabletop/script.h"

void tt_sha256_hex(const void *data, size_t len, char out[65])
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    out[0] = '\0';
    if (!EVP_Digest(data, len, digest, &n, EVP_sha256(), NULL) || n != 32)
        return;
    for (unsigned int i = 0; i < n; i++)
        snprintf(out + 2 * i, 3, "%02x", digest[i]);
}
