/* JSON text from jansson, all of it or none. jansson 2.14's json_dumps
 * ignores a failed write of an object's key (akheron/jansson#655): out of
 * memory there gives a document with the key left out ({"id": 1, ": 2}).
 * Writing through json_dump_callback into a tt_buf, whose failure is
 * sticky, sees every failed write. For the modules that link jansson. */
#ifndef TT_JSON_TEXT_H
#define TT_JSON_TEXT_H

#include <jansson.h>

#include "tabletop/base.h"

static inline int tt_json_text_add(const char *s, size_t n, void *buf)
{
    return tt_buf_addn(buf, s, n) ? 0 : -1;
}

/* json_dumps' contract: a malloc'd NUL-terminated text (free() it), or
 * NULL (out of memory, or what json_dumps refuses). */
static inline char *tt_json_dumps(const json_t *json, size_t flags)
{
    tt_buf b = TT_BUF_INIT;
    if (json_dump_callback(json, tt_json_text_add, &b, flags) != 0) {
        tt_buf_free(&b);
        return NULL;
    }
    return tt_buf_take(&b, NULL);
}

#endif
