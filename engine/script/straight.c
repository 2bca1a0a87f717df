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

/* Whether the registers of the first two parameters (0: s, 1: ctx, those
 * the function declares) are only
 * ever read as the table of a GETFIELD (`s.key`, `ctx.now`): never written,
 * compared, returned, passed, indexed otherwise or captured. Such a function
 * cannot tell a proxy whose __index is a table from that table itself, nor
 * write through either. A whitelist of opcodes, each with the operands that
 * name registers; anything else (calls, closures, varargs, SETs, LEN,
 * CONCAT, ...) reads as "no". */
static bool code_reads_only_fields(const dump_buf *b)
{
    static const unsigned char head[] = { 0x1b, 'L', 'u', 'a', 0x54, 0,
                                          0x19, 0x93, '\r', '\n', 0x1a, '\n',
                                          4, 8, 8 };
    size_t at = sizeof head + 8 + 8 + 1;
    if (b->len < at || memcmp(b->p, head, sizeof head) != 0)
        return false;
    size_t source, ignored, n;
    if (!read_size(b, &at, &source))
        return false;
    if (source > 0)
        at += source - 1;
    if (!read_size(b, &at, &ignored) || !read_size(b, &at, &ignored))
        return false;
    if (at + 3 > b->len || b->p[at + 1] != 0) /* is_vararg */
        return false;
    /* The parameters' registers; a function declaring one has no ctx in
     * register 1 (it is passed only s), which is then a temporary. */
    unsigned params = b->p[at] < 2 ? b->p[at] : 2;
    at += 3;
    if (!read_size(b, &at, &n) || n == 0 || at > b->len || (b->len - at) / 4 < n)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint32_t ins;
        memcpy(&ins, b->p + at + 4 * i, 4);
        unsigned op = ins & 0x7f, a = (ins >> 7) & 0xff, bb = (ins >> 16) & 0xff,
                 c = (ins >> 24) & 0xff;
        bool reg_a = true, reg_b = false, reg_c = false;
        switch (op) {
        case 14: /* GETFIELD A B C: R[A] := R[B][K[C]], the one use of 0 and 1 */
            break;
        case 0: case 12: /* MOVE A B; GETTABLE A B C */
        case 34: case 35: case 36: case 37: case 38: case 39: /* ADD..DIV A B C */
        case 40: case 41: case 42: case 43: case 44: case 45: /* IDIV..SHR */
            reg_b = true;
            reg_c = op != 0;
            break;
        case 13: /* GETI A B C(int) */
        case 21: case 22: case 23: case 24: case 25: case 26: case 27: /* ADDI, ADDK.. */
        case 28: case 29: case 30: case 31: case 32: case 33: /* ..BXORK, SHRI, SHLI */
        case 46: /* MMBIN A B C(event) */
        case 49: case 50: case 51: /* UNM, BNOT, NOT A B */
        case 57: case 58: case 59: /* EQ, LT, LE A B k */
        case 67: /* TESTSET A B k */
            reg_b = true;
            break;
        case 1: case 2: case 3: /* LOADI, LOADF A sBx; LOADK A Bx */
        case 5: case 6: case 7: /* LOADFALSE, LFALSESKIP, LOADTRUE A */
        case 8: /* LOADNIL A B: R[A..A+B], A above the parameters suffices */
        case 9: case 11: /* GETUPVAL A B(upvalue); GETTABUP A B(upvalue) C(K) */
        case 47: case 48: /* MMBINI A sB; MMBINK A B(K) */
        case 60: case 61: case 62: case 63: case 64: case 65: /* EQK, EQI..GEI A */
        case 66: /* TEST A k */
        case 72: /* RETURN1 A */
            break;
        case 56: /* JMP sJ */
        case 71: /* RETURN0 */
            reg_a = false;
            break;
        case 70: /* RETURN A B: R[A..A+B-2], A above the parameters suffices;
                  * B == 0 is "up to the top" */
            if (bb == 0)
                return false;
            break;
        default:
            return false;
        }
        if ((reg_a && a < params) || (reg_b && bb < params) || (reg_c && c < params))
            return false;
    }
    return true;
}

bool tt_host_fn_reads_only_fields(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TFUNCTION || lua_iscfunction(L, idx))
        return false;
    lua_pushvalue(L, idx);
    dump_buf b = { 0 };
    bool ok = lua_dump(L, collect, &b, 1) == 0 && !b.failed && code_reads_only_fields(&b);
    lua_pop(L, 1);
    free(b.p);
    return ok;
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
