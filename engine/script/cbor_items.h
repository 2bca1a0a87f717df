/* CBOR one item at a time: the model cache's codec (model_cache.c) through
 * libcbor, in a module of its own (cbor.so, cbor_module.c,
 * include/tabletop/module.h), so that only a process that reads or writes a
 * model cache entry maps libcbor: a headless `run` or a `check` with a warm
 * cache never does. Internal to engine/script. */
#ifndef TT_SCRIPT_CBOR_ITEMS_H
#define TT_SCRIPT_CBOR_ITEMS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "tabletop/module.h"

/* The kinds the model cache writes; anything else decodes as NONE. */
typedef enum tt_cbor_kind {
    TT_CBOR_NONE, TT_CBOR_UINT, TT_CBOR_NEGINT, TT_CBOR_TEXT, TT_CBOR_BYTES, TT_CBOR_ARRAY,
    TT_CBOR_BOOL, TT_CBOR_NULL, TT_CBOR_DOUBLE
} tt_cbor_kind;

typedef struct tt_cbor_item {
    tt_cbor_kind kind;
    uint64_t u;                  /* UINT; NEGINT (-1 - u); ARRAY, TEXT, BYTES: the count */
    double d;                    /* DOUBLE */
    bool b;                      /* BOOL */
    const unsigned char *bytes;  /* decoded TEXT, BYTES: in the buffer decoded */
    size_t len;
} tt_cbor_item;

typedef struct tt_cbor_api {
    tt_module_head head;
    /* `it` encoded into out (TEXT, BYTES, ARRAY: the head only, of u bytes
     * or items): its length, 0 when it cannot be (out too small). */
    size_t (*encode)(const tt_cbor_item *it, unsigned char *out, size_t size);
    /* The next item of p[0..left) into *it (a string's head with its bytes,
     * which stay in p): the bytes it takes, 0 when libcbor's streaming
     * decoder does not finish one whole. Maps, tags, indefinite lengths and
     * floats other than doubles come back as NONE. */
    size_t (*decode)(const unsigned char *p, size_t left, tt_cbor_item *it);
} tt_cbor_api;

#endif
