/* Where a scenario's behaviour functions are in its source, for the
 * authoring tools' static analysis. Reads debug information only; no
 * scenario code runs. */
#include <lauxlib.h>
#include <string.h>

#include "host.h"
#include "locate.h"

int tt_script_function_lines(tt_script *s, const char *kind, size_t index, int *first,
                             int *last)
{
    lua_State *L = s->L;
    int top = lua_gettop(L);
    int rc = -1;
    if (lua_getfield(L, LUA_REGISTRYINDEX, TT_REG_FNS) == LUA_TTABLE &&
        lua_getfield(L, -1, kind) == LUA_TTABLE &&
        lua_rawgeti(L, -1, (lua_Integer)index + 1) == LUA_TFUNCTION) {
        lua_Debug ar;
        if (lua_getinfo(L, ">S", &ar) && ar.what[0] == 'L') {
            *first = ar.linedefined;
            *last = ar.lastlinedefined;
            rc = 0;
        }
    }
    lua_settop(L, top);
    return rc;
}

int tt_script_field_line(tt_script *s, const char *path)
{
    lua_State *L = s->L;
    lua_getfield(L, LUA_REGISTRYINDEX, "tt.result_line");
    int call_line = (int)lua_tointeger(L, -1);
    lua_pop(L, 1);
    return tt_locate_field(s->text, s->text_len, call_line, path);
}
