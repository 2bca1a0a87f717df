/* The model cache's reader (engine/script/model_cache.c) on damaged
 * entries: a cached model of the mini fixture, edited by the input (each
 * three bytes: an offset in the body and the byte put there; a first byte
 * '!' takes the rest of the input itself as the body), is read back or refused, never
 * a crash, a leak or a read outside the body. A body that is read back
 * encodes again. */
#include <string.h>

#include "fuzz.h"
#include "model_cache.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char *model;
    static size_t model_len;
    if (!model) {
        tt_script *s = fuzz_scenario(FUZZ_MINI);
        model = tt_model_cache_encode(tt_script_scenario(s), &model_len);
        tt_script_free(s);
        if (!model)
            abort();
    }
    char *body;
    size_t len;
    if (size > 0 && data[0] == '!') {
        len = size - 1;
        body = malloc(len ? len : 1);
        if (!body)
            return 0;
        memcpy(body, data + 1, len);
    } else {
        len = model_len;
        body = malloc(len);
        if (!body)
            return 0;
        memcpy(body, model, len);
        for (size_t i = 0; i + 3 <= size; i += 3) {
            size_t at = ((size_t)data[i] << 8 | data[i + 1]) % len;
            body[at] = (char)data[i + 2];
        }
        if (size % 3 == 1) /* a cut body */
            len = len * data[size - 1] / 256;
    }
    tt_scenario m;
    memset(&m, 0, sizeof m);
    if (tt_model_cache_decode(body, len, &m) == 0) {
        size_t again_len;
        char *again = tt_model_cache_encode(&m, &again_len);
        if (!again)
            abort(); /* read back, so it was text and finite numbers */
        free(again);
    }
    tt_arena_free(&m.arena);
    free(body);
    return 0;
}
