/* Small blocks for Lua states, kept for re-use: a sweep makes a fresh
 * state per exercise, and most of its allocations are small objects
 * (strings, tables, closures) freed by the collector or at close and made
 * again by the next state. Blocks are malloc'ed at their size class (16
 * bytes) and, when freed, put on their class's list for the next request,
 * so the steady state calls neither malloc nor free; at most
 * TT_BLOCKS_KEPT bytes are kept, the rest go back to free(). Nothing here
 * changes what the sandbox counts: its cap applies to the sizes Lua asks
 * for (sandbox.c). */
#include <stdlib.h>

#include "sandbox.h"

#define GRAIN 16
#define CLASSES 32 /* blocks up to 512 bytes */
#define TT_BLOCKS_KEPT ((size_t)8 << 20)

struct tt_blocks {
    void *free[CLASSES + 1]; /* by class; a free block holds the next one */
    size_t kept;             /* bytes on the lists */
};

tt_blocks *tt_blocks_new(void)
{
    return calloc(1, sizeof(tt_blocks));
}

void tt_blocks_free(tt_blocks *b)
{
    if (!b)
        return;
    for (size_t c = 1; c <= CLASSES; c++)
        while (b->free[c]) {
            void *next = *(void **)b->free[c];
            free(b->free[c]);
            b->free[c] = next;
        }
    free(b);
}

static size_t class_of(size_t n)
{
    return (n + GRAIN - 1) / GRAIN;
}

bool tt_blocks_small(size_t n)
{
    return class_of(n) <= CLASSES;
}

bool tt_blocks_same(size_t a, size_t b)
{
    return class_of(a) == class_of(b);
}

void *tt_blocks_get(tt_blocks *b, size_t n)
{
    size_t c = class_of(n);
    void *p = b->free[c];
    if (!p)
        return malloc(c * GRAIN);
    b->free[c] = *(void **)p;
    b->kept -= c * GRAIN;
    return p;
}

void tt_blocks_put(tt_blocks *b, void *p, size_t n)
{
    size_t c = class_of(n);
    if (b->kept + c * GRAIN > TT_BLOCKS_KEPT) {
        free(p);
        return;
    }
    *(void **)p = b->free[c];
    b->free[c] = p;
    b->kept += c * GRAIN;
}
