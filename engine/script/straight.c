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

/* The main function's code in the engine's own dump (ldump.c's layout):
 * where its n instructions start, its parameter count (at most 2: s, ctx)
 * and whether it takes varargs; false for a dump that is not one. */
static bool dump_code(const dump_buf *b, size_t *code_at, size_t *n, unsigned *params,
                      bool *vararg)
{
    static const unsigned char head[] = { 0x1b, 'L', 'u', 'a', 0x54, 0,
                                          0x19, 0x93, '\r', '\n', 0x1a, '\n',
                                          4, 8, 8 };
    size_t at = sizeof head + 8 + 8 + 1; /* LUAC_INT, LUAC_NUM, sizeupvalues */
    if (b->len < at || memcmp(b->p, head, sizeof head) != 0)
        return false;
    size_t source, ignored;
    if (!read_size(b, &at, &source)) /* stripped: 0 */
        return false;
    if (source > 0)
        at += source - 1;
    if (!read_size(b, &at, &ignored) || !read_size(b, &at, &ignored)) /* lines */
        return false;
    if (at + 3 > b->len)
        return false;
    *params = b->p[at] < 2 ? b->p[at] : 2;
    *vararg = b->p[at + 1] != 0;
    at += 3; /* numparams, is_vararg, maxstacksize */
    if (!read_size(b, &at, n) || at > b->len || (b->len - at) / 4 < *n)
        return false;
    *code_at = at;
    return true;
}

static bool code_is_straight(const dump_buf *b, int max_instructions)
{
    size_t at, n;
    unsigned params;
    bool vararg;
    if (!dump_code(b, &at, &n, &params, &vararg) || n == 0 || n >= (size_t)max_instructions)
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
    size_t at, n;
    /* The parameters' registers; a function declaring one has no ctx in
     * register 1 (it is passed only s), which is then a temporary. */
    unsigned params;
    bool vararg;
    if (!dump_code(b, &at, &n, &params, &vararg) || vararg || n == 0)
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

/* ---- Loop-free code calling only library functions ----
 * A function with no loop and fewer than max_instructions instructions
 * whose every call is of a field of a table held by an upvalue
 * (`math.floor(x)`: GETTABUP R _ENV "math"; GETFIELD R R "floor") or of a
 * field of its ctx parameter (`ctx.random(1, 6)`) executes each of its own
 * instructions at most once. If, when a run begins, each of those fields
 * holds one of the engine's C functions that never call Lua (the caller
 * checks: tt_host_lib_calls_hold), no other Lua code can run during it, so
 * the count hook could never fire, as for straight-line code. */

enum {
    OP54_MOVE = 0, OP54_LFALSESKIP = 6, OP54_LOADNIL = 8, OP54_SETUPVAL = 10,
    OP54_GETTABUP = 11, OP54_GETFIELD = 14, OP54_SETTABUP = 15, OP54_SETTABLE = 16,
    OP54_SETI = 17, OP54_SETFIELD = 18, OP54_SELF = 20, OP54_EQ = 57, OP54_TESTSET = 67,
    OP54_VARARG = 80,
};
#define SHORT_NAME_MAX 40 /* LUAI_MAXSHORTLEN: interned, so pushing it allocates nothing */
#define NO_REG 1000

/* The lowest register instruction `ins` may write, or NO_REG; *upto the
 * highest (NO_REG: every register above). */
static unsigned written_from(uint32_t ins, unsigned *upto)
{
    unsigned op = ins & 0x7f, a = (ins >> 7) & 0xff, b = (ins >> 16) & 0xff;
    *upto = a;
    switch (op) {
    case OP54_LOADNIL:
        *upto = a + b;
        return a;
    case OP54_SELF:
        *upto = a + 1;
        return a;
    case OP54_CALL:
    case OP54_VARARG:
        *upto = NO_REG; /* results, or garbage, from A up */
        return a;
    case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: /* MOVE..LOADTRUE */
    case 9: case 11: case 12: case 13: case 14: /* GETUPVAL, GETTABUP..GETFIELD */
    case 19: /* NEWTABLE */
    case 21: case 22: case 23: case 24: case 25: case 26: case 27: case 28: case 29:
    case 30: case 31: case 32: case 33: case 34: case 35: case 36: case 37: case 38:
    case 39: case 40: case 41: case 42: case 43: case 44: case 45: /* ADDI..SHR */
    case 49: case 50: case 51: case 52: case 53: /* UNM, BNOT, NOT, LEN, CONCAT */
    case OP54_TESTSET: case 79: /* CLOSURE */
        return a;
    default: /* SET*, MMBIN*, CLOSE, TBC, JMP, tests, RETURN*, SETLIST, ... */
        return NO_REG;
    }
}

static bool writes(uint32_t ins, unsigned reg)
{
    unsigned upto;
    unsigned from = written_from(ins, &upto);
    return from != NO_REG && reg >= from && (upto == NO_REG || reg <= upto);
}

typedef struct dump_const {
    const unsigned char *str; /* a string constant's bytes, else NULL */
    size_t len;
} dump_const;

/* The constants after the code (ldump.c's dumpConstants); NULL when the
 * dump is not as expected. */
static dump_const *read_constants(const dump_buf *b, size_t at, size_t *count)
{
    size_t n;
    if (!read_size(b, &at, &n) || n > b->len)
        return NULL;
    dump_const *k = calloc(n + 1, sizeof *k);
    if (!k)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        if (at >= b->len)
            goto bad;
        unsigned char tag = b->p[at++];
        if (tag == 3 || tag == 19) { /* integer, float */
            at += 8;
        } else if (tag == 4 || tag == 20) { /* short, long string */
            size_t size;
            if (!read_size(b, &at, &size) || size == 0 || size - 1 > b->len - at)
                goto bad;
            k[i].str = b->p + at;
            k[i].len = size - 1;
            at += size - 1;
        } else if (tag != 0 && tag != 1 && tag != 17) { /* nil, false, true */
            goto bad;
        }
    }
    *count = n;
    return k;
bad:
    free(k);
    return NULL;
}

static bool add_site(tt_lib_calls *c, int upvalue, const dump_const *lib,
                     const dump_const *name)
{
    if ((lib && (!lib->str || lib->len > SHORT_NAME_MAX)) || !name->str ||
        name->len > SHORT_NAME_MAX)
        return false;
    for (size_t i = 0; i < c->n; i++)
        if (c->site[i].upvalue == upvalue && strlen(c->site[i].name) == name->len &&
            memcmp(c->site[i].name, name->str, name->len) == 0 &&
            (!lib || (strlen(c->site[i].lib) == lib->len &&
                      memcmp(c->site[i].lib, lib->str, lib->len) == 0)))
            return true;
    if (c->n == TT_LIB_CALL_SITES)
        return false;
    tt_lib_call *s = &c->site[c->n++];
    s->upvalue = upvalue;
    s->leaf = NULL;
    s->lib[0] = '\0';
    memcpy(s->name, name->str, name->len);
    s->name[name->len] = '\0';
    if (lib) {
        memcpy(s->lib, lib->str, lib->len);
        s->lib[lib->len] = '\0';
    }
    return true;
}

static bool code_calls_only_fields(const dump_buf *b, int max_instructions, tt_lib_calls *out)
{
    size_t at, n;
    unsigned params;
    bool vararg;
    if (!dump_code(b, &at, &n, &params, &vararg) || vararg || n == 0 ||
        n >= (size_t)max_instructions)
        return false;
    const unsigned char *code = b->p + at;
    size_t nk;
    dump_const *k = read_constants(b, at + 4 * n, &nk);
    if (!k)
        return false;
    uint32_t *ins = malloc(n * sizeof *ins);
    bool ok = ins != NULL;
    for (size_t i = 0; ok && i < n; i++)
        memcpy(&ins[i], code + 4 * i, 4);
    /* No loop, no tail call, no store but into s (register 0, never
     * written, like ctx in register 1). */
    for (size_t i = 0; ok && i < n; i++) {
        unsigned op = ins[i] & 0x7f, a = (ins[i] >> 7) & 0xff;
        if (op > OP54_LAST || op == OP54_TAILCALL || op == OP54_FORLOOP ||
            op == OP54_FORPREP || op == OP54_TFORPREP || op == OP54_TFORCALL ||
            op == OP54_TFORLOOP || op == OP54_SETUPVAL || op == OP54_SETTABUP)
            ok = false;
        else if (op == OP54_JMP && (int32_t)(ins[i] >> 7) - ((1 << 24) - 1) < 0)
            ok = false;
        else if ((op == OP54_SETTABLE || op == OP54_SETI || op == OP54_SETFIELD) &&
                 (a != 0 || params < 1))
            ok = false;
        else if ((params > 0 && writes(ins[i], 0)) || (params > 1 && writes(ins[i], 1)))
            ok = false;
    }
    out->n = 0;
    bool calls = false;
    for (size_t pc = 0; ok && pc < n; pc++) {
        if ((ins[pc] & 0x7f) != OP54_CALL)
            continue;
        calls = true;
        unsigned r = (ins[pc] >> 7) & 0xff;
        /* The instructions that loaded the function: the last writers of r. */
        size_t w = pc, start = pc;
        while (w > 0 && !writes(ins[w - 1], r))
            w--;
        if (w == 0) {
            ok = false;
            break;
        }
        uint32_t get = ins[--w];
        unsigned gop = get & 0x7f, ga = (get >> 7) & 0xff, gb = (get >> 16) & 0xff,
                 gc = (get >> 24) & 0xff;
        if (gop != OP54_GETFIELD || ga != r || gc >= nk) {
            ok = false;
        } else if (gb == 1 && params > 1) { /* ctx.name */
            start = w;
            ok = add_site(out, -1, NULL, &k[gc]);
        } else if (gb == r) { /* up.lib.name */
            size_t t = w;
            while (t > 0 && !writes(ins[t - 1], r))
                t--;
            uint32_t tab = t > 0 ? ins[t - 1] : 0;
            unsigned top = tab & 0x7f, tc = (tab >> 24) & 0xff;
            if (t == 0 || top != OP54_GETTABUP || ((tab >> 7) & 0xff) != r || tc >= nk) {
                ok = false;
            } else {
                start = t - 1;
                ok = add_site(out, (int)((tab >> 16) & 0xff), &k[tc], &k[gc]);
            }
        } else {
            ok = false;
        }
        /* Nothing may jump into the call from outside it (a function
         * chosen on another path would be another call). */
        for (size_t j = 0; ok && j < n; j++) {
            unsigned op = ins[j] & 0x7f;
            size_t to;
            if (op == OP54_JMP)
                to = j + 1 + (size_t)((int32_t)(ins[j] >> 7) - ((1 << 24) - 1));
            else if (op == OP54_LFALSESKIP || (op >= OP54_EQ && op <= OP54_TESTSET))
                to = j + 2;
            else
                continue;
            if (to > start && to <= pc && (j < start || j > pc))
                ok = false;
        }
    }
    free(ins);
    free(k);
    out->length = n;
    /* One table's sites together, so each table is looked up once. */
    for (size_t i = 1; ok && i < out->n; i++) {
        tt_lib_call site = out->site[i];
        size_t j = i;
        while (j > 0 && (out->site[j - 1].upvalue > site.upvalue ||
                         (out->site[j - 1].upvalue == site.upvalue &&
                          strcmp(out->site[j - 1].lib, site.lib) > 0))) {
            out->site[j] = out->site[j - 1];
            j--;
        }
        out->site[j] = site;
    }
    return ok && calls;
}

bool tt_host_fn_lib_calls(lua_State *L, int idx, int max_instructions, tt_lib_calls *out)
{
    if (lua_type(L, idx) != LUA_TFUNCTION || lua_iscfunction(L, idx))
        return false;
    lua_pushvalue(L, idx);
    dump_buf b = { 0 };
    bool ok = lua_dump(L, collect, &b, 1) == 0 && !b.failed &&
              code_calls_only_fields(&b, max_instructions, out);
    lua_pop(L, 1);
    free(b.p);
    return ok;
}

/* Whether the function's own code assigns one of its upvalues (SETUPVAL;
 * the code of closures it makes runs only when called). */
static bool code_sets_upvalues(const dump_buf *b)
{
    size_t at, n;
    unsigned params;
    bool vararg;
    if (!dump_code(b, &at, &n, &params, &vararg))
        return true;
    for (size_t i = 0; i < n; i++) {
        uint32_t ins;
        memcpy(&ins, b->p + at + 4 * i, 4);
        if ((ins & 0x7f) == OP54_SETUPVAL)
            return true;
    }
    return false;
}

bool tt_host_fn_classify(lua_State *L, int idx, int max_instructions, tt_fn_class *out)
{
    memset(out, 0, sizeof *out);
    if (lua_type(L, idx) != LUA_TFUNCTION || lua_iscfunction(L, idx))
        return false;
    lua_pushvalue(L, idx);
    dump_buf b = { 0 };
    bool ok = lua_dump(L, collect, &b, 1) == 0 && !b.failed;
    lua_pop(L, 1);
    if (ok) {
        out->straight = code_is_straight(&b, max_instructions);
        out->reads_only_fields = code_reads_only_fields(&b);
        out->sets_upvalues = code_sets_upvalues(&b);
        out->lib_calls =
            !out->straight && code_calls_only_fields(&b, max_instructions, &out->calls);
    }
    free(b.p);
    return ok;
}
