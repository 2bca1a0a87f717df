/* The step count of a pattern call (engine/script/pattern_cost.c) walks the
 * same choices as Lua's own matcher: on any pattern and subject it must
 * never read out of bounds, and where Lua answers without an error it must
 * find the same number of matches (find: found or not; gmatch and gsub:
 * how many), so the count is of the work Lua really does. Input: the
 * pattern, a NUL byte, the subject. */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../engine/script/sandbox.h"

static const char probe[] =
    "local s, p = ...\n"
    "local found = string.find(s, p) ~= nil\n"
    "local n = 0\n"
    "for _ in string.gmatch(s, p) do n = n + 1 end\n"
    "local _, g = string.gsub(s, p, '')\n"
    "return found, n, g\n";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    if (!nul || size > 4096)
        return 0;
    const char *p = (const char *)data;
    size_t lp = (size_t)(nul - data);
    const char *s = (const char *)nul + 1;
    size_t ls = size - lp - 1;
    /* Lua strings end with a NUL the matchers may read: give copies one. */
    char *pc = malloc(lp + 1), *sc = malloc(ls + 1);
    if (!pc || !sc) {
        free(pc);
        free(sc);
        return 0;
    }
    memcpy(pc, p, lp);
    pc[lp] = '\0';
    memcpy(sc, s, ls);
    sc[ls] = '\0';
    const uint64_t limit = 2000000;
    uint64_t found, gm, gs;
    uint64_t c1 = tt_pattern_cost(sc, ls, pc, lp, TT_PATTERN_FIND, 0, UINT64_MAX, limit, &found);
    uint64_t c2 = tt_pattern_cost(sc, ls, pc, lp, TT_PATTERN_GMATCH, 0, UINT64_MAX, limit, &gm);
    uint64_t c3 = tt_pattern_cost(sc, ls, pc, lp, TT_PATTERN_GSUB, 0, UINT64_MAX, limit, &gs);
    /* Plain searches are not counted this way; and only a full count can
     * be compared. */
    bool plain = strpbrk(pc, "^$*+?.([%-") == NULL && strlen(pc) == lp;
    if (!plain && c1 <= limit && c2 <= limit && c3 <= limit) {
        lua_State *L = luaL_newstate();
        if (L) {
            luaL_openlibs(L);
            if (luaL_loadstring(L, probe) == LUA_OK) {
                lua_pushlstring(L, sc, ls);
                lua_pushlstring(L, pc, lp);
                if (lua_pcall(L, 2, 3, 0) == LUA_OK) {
                    bool lua_found = lua_toboolean(L, -3);
                    lua_Integer lua_gm = lua_tointeger(L, -2), lua_gs = lua_tointeger(L, -1);
                    if (lua_found != (found == 1) || (uint64_t)lua_gm != gm ||
                        (uint64_t)lua_gs != gs) {
                        fprintf(stderr, "pattern '%s' on %zu bytes: Lua finds %d/%lld/%lld, "
                                        "the count %d/%llu/%llu\n", pc, ls, lua_found,
                                (long long)lua_gm, (long long)lua_gs, found == 1,
                                (unsigned long long)gm, (unsigned long long)gs);
                        abort();
                    }
                }
            }
            lua_close(L);
        }
    }
    free(pc);
    free(sc);
    return 0;
}
