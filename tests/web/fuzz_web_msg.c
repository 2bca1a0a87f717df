/* libFuzzer target for the tabletop.v1 message decoder (engine/ui/web/proto.c):
 * any bytes a page can send. Built with clang as fuzz_web_msg (a short smoke
 * in CI); with any compiler, test_web_msg_corpus replays tests/web/corpus. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "proto.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    web_msg m;
    const char *code = NULL;
    char why[200];
    if (web_msg_decode((const char *)data, size, &m, &code, why, sizeof why) == 0) {
        /* What the decoder accepts respects its own limits. */
        if (m.text && strlen(m.text) > WEB_MAX_TEXT)
            abort();
        if (strlen(m.action) >= sizeof m.action || strlen(m.to) >= sizeof m.to ||
            strlen(m.member) >= sizeof m.member || strlen(m.inject) >= sizeof m.inject)
            abort();
        if (m.kind == WM_ANSWER && (m.question < 0 || !m.inject[0] || !m.text))
            abort();
        web_msg_free(&m);
    } else if (!code || !why[0]) {
        abort();   /* every refusal says why */
    }
    return 0;
}
