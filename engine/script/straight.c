/* Which behaviour functions are straight-line code: no call instruction,
 * no loop, fewer instructions than the count hook's step. Such a function
 * executes each of its instructions at most once, so the count hook could
 * never fire during it; the sandbox then runs it without the hook (whose
 * per-instruction trap is most of a short callback's cost), which changes
 * nothing a scenario can observe: the same work is charged, the same
 * limits apply (sandbox.c explains the one further condition: no
 * scenario-made metatable, so no metamethod can run scenario code).
 *
 * The code is read from the engine's own lua_dump of the function (format
 * of Lua 5.4's ldump.c); anything unexpected reads as "not straight". */
#include <stdlib.h>
#include <string.h>

#include "host.h"

/* Lua 5.4 opcodes (lopcodes.h, "ORDER OP"); tests/script checks them. */
enum {
    OP54_JMP = 56,
    OP54_CALL = 68,
    OP54_TAILCALL = 69,
    OP54_FORLOOP = 73,
    OP54_FORPREP = 74,
    OP54_TFORPREP = 75,
    OP54_TFORCALL = 76,
    OP54_TFORLOOP = 77,
    OP54_LAST = 82, /* OP_EXTRAARG */
};
#define DUMP_MAX ((size_t)1 << 20)

typedef struct dump_buf {
    unsigned char *p;
    size_t len, cap;
    bool failed;
} dump_buf;

static int collect(lua_State *L, const void *p, size_t sz, void *ud)
{
    (void)L;
    dump_buf *b = ud;
    if (b->len + sz > DUMP_MAX) {
        b->failed = true;
        return 1;
    }
    if (b->len + sz > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + sz)
            cap *= 2;
        unsigned char *grown = realloc(b->p, cap);
        if (!grown) {
            b->failed = true;
            return 1;
        }
        b->p = grown;
        b->cap = cap;
    }
    memcpy(b->p + b->len, p, sz);
    b->len += sz;
    return 0;
}

/* ldump.c's dumpSize: 7 bits a byte, most significant first, the last
 * byte marked with 0x80. */
static bool read_size(const dump_buf *b, size_t *at, size_t *out)
{
    size_t x = 0;
    for (int n = 0; n < 10 && *at < b->len; n++) {
        unsigned char c = b->p[(*at)++];
        x = (x << 7) | (c & 0x7f);
        if (c & 0x80) {
            *out = x;
            return true;
        }
    }
    return false;
}

static bool code_is_straight(const dump_buf *b, int max_instructions)
{
    static const unsigned char head[] = { 0x1b, 'L', 'u', 'a', 0x54, 0,
                                          0x19, 0x93, '\r', '\n', 0x1a, '\n',
                                          4, 8, 8 };
    size_t at = sizeof head + 8 + 8 + 1; /* LUAC_INT, LUAC_NUM, sizeupvalues */
    if (b->len < at || memcmp(b->p, head, sizeof head) != 0)
        return false;
    size_t source, ignored, n;
    if (!read_size(b, &at, &source)) /* stripped: 0 */
        return false;
    if (source > 0)
        at += source - 1;
    if (!read_size(b, &at, &ignored) || !read_size(b, &at, &ignored)) /* lines */
        return false;
    at += 3; /* numparams, is_vararg, maxstacksize */
    if (!read_size(b, &at, &n) || n == 0 || n >= (size_t)max_instructions ||
        at > b->len || (b->len - at) / 4 < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t ins;
        memcpy(&ins, b->p + at + 4 * i, 4);
        unsigned op = ins & 0x7f;
        if (op > OP54_LAST || op == OP54_CALL || op == OP54_TAILCALL ||
            op == OP54_FORLOOP || op == OP54_FORPREP || op == OP54_TFORPREP ||
            op == OP54_TFORCALL || op == OP54_TFORLOOP)
            return false;
        /* isJ: sJ in the upper 25 bits, excess 2^24 - 1; < 0 jumps back */
        if (op == OP54_JMP && (int32_t)(ins >> 7) - ((1 << 24) - 1) < 0)
            return false;
    }
    return true;
}

bool tt_host_fn_straight(lua_State *L, int idx, int max_instructions)
{
    if (lua_type(L, idx) != LUA_TFUNCTION || lua_iscfunction(L, idx))
        return false;
    lua_pushvalue(L, idx);
    dump_buf b = { 0 };
    bool ok = lua_dump(L, collect, &b, 1) == 0 && !b.failed &&
              code_is_straight(&b, max_instructions);
    lua_pop(L, 1);
    free(b.p);
    return ok;
}
