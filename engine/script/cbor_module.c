/* cbor.so's table (cbor_items.h, include/tabletop/module.h): one CBOR item
 * at a time through libcbor, for the model cache (model_cache.c). */
#include "cbor_items.h"

#include <cbor.h>
#include <pthread.h>

static size_t encode(const tt_cbor_item *it, unsigned char *out, size_t size)
{
    switch (it->kind) {
    case TT_CBOR_UINT:
        return cbor_encode_uint(it->u, out, size);
    case TT_CBOR_NEGINT:
        return cbor_encode_negint(it->u, out, size);
    case TT_CBOR_ARRAY:
        return cbor_encode_array_start((size_t)it->u, out, size);
    case TT_CBOR_TEXT:
        return cbor_encode_string_start((size_t)it->u, out, size);
    case TT_CBOR_BYTES:
        return cbor_encode_bytestring_start((size_t)it->u, out, size);
    case TT_CBOR_BOOL:
        return cbor_encode_bool(it->b, out, size);
    case TT_CBOR_NULL:
        return cbor_encode_null(out, size);
    case TT_CBOR_DOUBLE:
        return cbor_encode_double(it->d, out, size);
    case TT_CBOR_NONE:
        break;
    }
    return 0;
}

/* libcbor's streaming decoder calls one of these for the item it decoded;
 * every other callback is its empty one (an item of no kind). */
static void on_u8(void *c, uint8_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_UINT; ((tt_cbor_item *)c)->u = v; }
static void on_u16(void *c, uint16_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_UINT; ((tt_cbor_item *)c)->u = v; }
static void on_u32(void *c, uint32_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_UINT; ((tt_cbor_item *)c)->u = v; }
static void on_u64(void *c, uint64_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_UINT; ((tt_cbor_item *)c)->u = v; }
static void on_n8(void *c, uint8_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_NEGINT; ((tt_cbor_item *)c)->u = v; }
static void on_n16(void *c, uint16_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_NEGINT; ((tt_cbor_item *)c)->u = v; }
static void on_n32(void *c, uint32_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_NEGINT; ((tt_cbor_item *)c)->u = v; }
static void on_n64(void *c, uint64_t v) { ((tt_cbor_item *)c)->kind = TT_CBOR_NEGINT; ((tt_cbor_item *)c)->u = v; }
static void on_array(void *c, size_t n) { ((tt_cbor_item *)c)->kind = TT_CBOR_ARRAY; ((tt_cbor_item *)c)->u = n; }
static void on_null(void *c) { ((tt_cbor_item *)c)->kind = TT_CBOR_NULL; }
static void on_bool(void *c, bool v) { ((tt_cbor_item *)c)->kind = TT_CBOR_BOOL; ((tt_cbor_item *)c)->b = v; }
static void on_double(void *c, double v) { ((tt_cbor_item *)c)->kind = TT_CBOR_DOUBLE; ((tt_cbor_item *)c)->d = v; }

static void on_text(void *c, cbor_data s, size_t n)
{
    tt_cbor_item *it = c;
    it->kind = TT_CBOR_TEXT;
    it->bytes = s;
    it->len = n;
}

static void on_bytes(void *c, cbor_data s, size_t n)
{
    tt_cbor_item *it = c;
    it->kind = TT_CBOR_BYTES;
    it->bytes = s;
    it->len = n;
}

/* Set once: cbor_empty_callbacks is a variable, not a constant. */
static struct cbor_callbacks calls;
static pthread_once_t calls_once = PTHREAD_ONCE_INIT;

static void set_calls(void)
{
    calls = cbor_empty_callbacks;
    calls.uint8 = on_u8;
    calls.uint16 = on_u16;
    calls.uint32 = on_u32;
    calls.uint64 = on_u64;
    calls.negint8 = on_n8;
    calls.negint16 = on_n16;
    calls.negint32 = on_n32;
    calls.negint64 = on_n64;
    calls.array_start = on_array;
    calls.string = on_text;
    calls.byte_string = on_bytes;
    calls.null = on_null;
    calls.boolean = on_bool;
    calls.float8 = on_double;
}

static size_t decode(const unsigned char *p, size_t left, tt_cbor_item *it)
{
    it->kind = TT_CBOR_NONE;
    if (left == 0)
        return 0;
    pthread_once(&calls_once, set_calls);
    struct cbor_decoder_result got = cbor_stream_decode(p, left, &calls, it);
    if (got.status != CBOR_DECODER_FINISHED || got.read == 0 || got.read > left) {
        it->kind = TT_CBOR_NONE;
        return 0;
    }
    return got.read;
}

extern const tt_cbor_api tt_module_table;
const tt_cbor_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(tt_cbor_api) },
    .encode = encode,
    .decode = decode,
};
