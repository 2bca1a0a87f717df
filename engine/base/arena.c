/* Bump arena: models (scenario, journal, roster) are built once and freed
 * at once, so every error path frees with a single call. */
#include "tabletop/base.h"

#include <stdlib.h>
#include <string.h>

struct tt_arena_block {
    tt_arena_block *next;
    size_t used;
    size_t size;
    max_align_t data[]; /* aligned storage */
};

#define TT_ARENA_BLOCK (64 * 1024)

void *tt_arena_alloc(tt_arena *a, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    if (size > SIZE_MAX - align)
        return NULL;
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    tt_arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t cap = size > TT_ARENA_BLOCK ? size : TT_ARENA_BLOCK;
        b = malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->size = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *tt_arena_strndup(tt_arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    if (n == SIZE_MAX)
        return NULL;
    char *p = tt_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *tt_arena_strdup(tt_arena *a, const char *s)
{
    return s ? tt_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t tt_arena_size(const tt_arena *a)
{
    size_t n = 0;
    for (const tt_arena_block *b = a->head; b; b = b->next)
        n += b->size;
    return n;
}

void tt_arena_reset(tt_arena *a)
{
    tt_arena_block *keep = NULL;
    tt_arena_block *b = a->head;
    while (b) {
        tt_arena_block *next = b->next;
        if (!keep && b->size == TT_ARENA_BLOCK)
            keep = b;
        else
            free(b);
        b = next;
    }
    if (keep) {
        keep->used = 0;
        keep->next = NULL;
    }
    a->head = keep;
}

void tt_arena_free(tt_arena *a)
{
    tt_arena_block *b = a->head;
    while (b) {
        tt_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
