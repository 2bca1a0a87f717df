/* The memory of Lua states built one after another (a sweep builds a fresh
 * state per exercise): one region reserved at a fixed address, cut into
 * blocks by size class (16-byte classes up to 512 bytes, then four classes
 * per doubling up to TT_BLOCKS_MAX_CLASS); a freed block goes on its
 * class's list for the next request of that class, so the steady state
 * calls neither malloc nor free.
 *
 * Everything the region's allocator knows is the region's bytes below
 * `top` plus the list heads, so a copy of both (an image) taken after a
 * state was built, written back later, gives the same bytes at the same
 * addresses: the same state, as if it had just been built
 * (tt_sandbox_save/restore). Requests the region cannot serve (larger than
 * the largest class, or the region full) are malloc'ed and listed, so a
 * restore frees them; an image is only taken when there are none.
 *
 * Nothing here changes what the sandbox counts: its cap applies to the
 * sizes Lua asks for (sandbox.c). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE, madvise */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "sandbox.h"

#define GRAIN 16
#define SMALL_CLASSES 32                  /* 16..512 bytes by 16 */
#define SMALL_MAX (SMALL_CLASSES * GRAIN)
#define LARGE_SHIFT_MAX 24                /* classes up to 16 MiB */
#define TT_BLOCKS_MAX_CLASS ((size_t)1 << LARGE_SHIFT_MAX)
#define CLASSES (SMALL_CLASSES + 4 * (LARGE_SHIFT_MAX - 9))
/* Pages above an image's top are given back at a restore once an exercise
 * went this far above it (the old block lists kept at most this much). */
#define TT_BLOCKS_KEPT ((size_t)8 << 20)

/* A malloc'ed block outside the region: listed so that a restore can free
 * it. 32 bytes keep the block 16-byte aligned. */
typedef struct outside {
    struct outside *prev, *next;
    size_t pad[2];
} outside;

struct tt_blocks {
    char *base;                       /* the region, fixed for its life */
    size_t reserve;                   /* bytes reserved (mapped on use) */
    size_t top;                       /* bytes handed out so far */
    size_t peak;                      /* highest top since the last restore */
    void *free[CLASSES + 1];          /* by class; a free block holds the next */
    outside *out;                     /* blocks malloc'ed outside the region */
    size_t n_out;
};

struct tt_blocks_image {
    size_t top;
    void *free[CLASSES + 1];
    char bytes[];                     /* the region's first `top` bytes */
};

tt_blocks *tt_blocks_new(size_t reserve)
{
    tt_blocks *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    reserve = (reserve + 0xFFFF) & ~(size_t)0xFFFF;
    void *p = mmap(NULL, reserve, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED) {
        free(b);
        return NULL;
    }
    b->base = p;
    b->reserve = reserve;
    return b;
}

static void free_outside(tt_blocks *b)
{
    while (b->out) {
        outside *next = b->out->next;
        free(b->out);
        b->out = next;
    }
    b->n_out = 0;
}

void tt_blocks_free(tt_blocks *b)
{
    if (!b)
        return;
    free_outside(b);
    munmap(b->base, b->reserve);
    free(b);
}

/* Class index (1..CLASSES, 0 when too large) and its block size. */
static size_t class_of(size_t n, size_t *size)
{
    if (n <= SMALL_MAX) {
        size_t c = (n + GRAIN - 1) / GRAIN;
        *size = c * GRAIN;
        return c;
    }
    if (n > TT_BLOCKS_MAX_CLASS)
        return 0;
    /* (2^k, 2^(k+1)] in four steps of 2^(k-2). */
    unsigned k = 63u - (unsigned)__builtin_clzll((unsigned long long)(n - 1));
    size_t step = (size_t)1 << (k - 2), low = (size_t)1 << k;
    size_t q = (n - low + step - 1) / step;
    *size = low + q * step;
    return SMALL_CLASSES + (k - 9) * 4 + q;
}

static bool in_region(const tt_blocks *b, const void *p)
{
    return (const char *)p >= b->base && (const char *)p < b->base + b->reserve;
}

static void *outside_get(tt_blocks *b, size_t n)
{
    outside *o = malloc(sizeof *o + n);
    if (!o)
        return NULL;
    o->prev = NULL;
    o->next = b->out;
    if (b->out)
        b->out->prev = o;
    b->out = o;
    b->n_out++;
    return o + 1;
}

static void outside_put(tt_blocks *b, void *p)
{
    outside *o = (outside *)p - 1;
    if (o->prev)
        o->prev->next = o->next;
    else
        b->out = o->next;
    if (o->next)
        o->next->prev = o->prev;
    b->n_out--;
    free(o);
}

static void *get(tt_blocks *b, size_t n)
{
    size_t size;
    size_t c = class_of(n, &size);
    if (c) {
        void *p = b->free[c];
        if (p) {
            b->free[c] = *(void **)p;
            return p;
        }
        if (size <= b->reserve - b->top) {
            p = b->base + b->top;
            b->top += size;
            if (b->top > b->peak)
                b->peak = b->top;
            return p;
        }
    }
    return outside_get(b, n);
}

static void put(tt_blocks *b, void *p, size_t n)
{
    if (!in_region(b, p)) {
        outside_put(b, p);
        return;
    }
    size_t size;
    size_t c = class_of(n, &size);
    *(void **)p = b->free[c];
    b->free[c] = p;
}

void *tt_blocks_realloc(tt_blocks *b, void *ptr, size_t old, size_t nsize)
{
    if (nsize == 0) {
        if (ptr)
            put(b, ptr, old);
        return NULL;
    }
    if (ptr) {
        size_t a, z;
        size_t ca = class_of(old, &a), cz = class_of(nsize, &z);
        if (in_region(b, ptr) && ca && ca == cz)
            return ptr; /* the block already has room */
        if (!in_region(b, ptr) && !cz) {
            /* Large to large outside the region: realloc, relinked. */
            outside *o = (outside *)ptr - 1;
            outside *prev = o->prev, *next = o->next;
            outside *moved = realloc(o, sizeof *o + nsize);
            if (!moved)
                return NULL;
            if (prev)
                prev->next = moved;
            else
                b->out = moved;
            if (next)
                next->prev = moved;
            return moved + 1;
        }
    }
    void *p = get(b, nsize);
    if (!p || !ptr)
        return p;
    memcpy(p, ptr, old < nsize ? old : nsize);
    put(b, ptr, old);
    return p;
}

tt_blocks_image *tt_blocks_save(const tt_blocks *b)
{
    if (b->n_out)
        return NULL; /* not all of the state is in the region */
    tt_blocks_image *img = malloc(sizeof *img + b->top);
    if (!img)
        return NULL;
    img->top = b->top;
    memcpy(img->free, b->free, sizeof img->free);
    memcpy(img->bytes, b->base, b->top);
    return img;
}

void tt_blocks_restore(tt_blocks *b, const tt_blocks_image *img)
{
    free_outside(b);
    memcpy(b->base, img->bytes, img->top);
    memcpy(b->free, img->free, sizeof b->free);
    b->top = img->top;
    if (b->peak > img->top + TT_BLOCKS_KEPT) {
        size_t from = (img->top + 0xFFFF) & ~(size_t)0xFFFF;
        if (b->peak > from)
            madvise(b->base + from, b->peak - from, MADV_DONTNEED);
    }
    b->peak = b->top;
}

void tt_blocks_image_free(tt_blocks_image *img)
{
    free(img);
}

size_t tt_blocks_image_size(const tt_blocks_image *img)
{
    return img ? img->top : 0;
}
