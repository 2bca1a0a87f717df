/* Text the journal can hold: valid UTF-8 of characters YAML may print
 * (YAML 1.1 "printable"; no NUL, no control characters but tab and line
 * breaks). Checked where text leaves Lua, so a scenario cannot make the
 * journal writer fail halfway through an exercise. */
#include "host.h"

#include <lauxlib.h>
#include "tabletop/terms.h"

bool tt_host_text_ok(const char *text, size_t len, char *why, size_t why_size)
{
    tt_text_fault f;
    if (tt_text_scan(text, len, &f))
        return true;
    tt_text_fault_say(&f, TT_MSG(E_IN_TEXT), true, why, why_size);
    return false;
}

/* [-0, +0, e] One language's string (lang NULL: the one string at idx). */
static const char *check_string(lua_State *L, int idx, tt_arena *arena, const char *what,
                                const char *lang)
{
    size_t len;
    const char *t = lua_tolstring(L, idx, &len);
    if (len > TT_MAX_TEXT) {
        if (lang)
            luaL_error(L, TT_MSG(E_HOST_TEXT_LANG_TOO_LONG_FMT), what, lang, (int)TT_MAX_TEXT);
        luaL_error(L, TT_MSG(E_HOST_TEXT_TOO_LONG_FMT), what, (int)TT_MAX_TEXT);
    }
    char why[160];
    if (!tt_host_text_ok(t, len, why, sizeof why)) {
        if (lang)
            luaL_error(L, TT_MSG(E_HOST_TEXT_LANG_BAD_FMT), what, lang, why);
        luaL_error(L, TT_MSG(E_HOST_TEXT_BAD_FMT), what, why);
    }
    tt_sandbox_charge(L, len >> 4);
    char *c = tt_arena_strndup(arena, t, len);
    if (!c)
        luaL_error(L, TT_MSG(E_OUT_OF_MEMORY));
    return c;
}

tt_text tt_host_check_text(lua_State *L, int idx, tt_arena *arena, const char *what,
                           bool one_string)
{
    idx = lua_absindex(L, idx);
    tt_text out = { NULL, NULL };
    if (one_string && lua_type(L, idx) == LUA_TSTRING) {
        out.ja = out.en = check_string(L, idx, arena, what, NULL);
        return out;
    }
    if (lua_type(L, idx) != LUA_TTABLE)
        luaL_error(L, TT_MSG(E_CALL_NOT_TEXT_FMT), what, luaL_typename(L, idx));
    static const char *const langs[2] = { "ja", "en" };
    const char *got[2];
    for (int i = 0; i < 2; i++) {
        if (lua_getfield(L, idx, langs[i]) != LUA_TSTRING)
            luaL_error(L, TT_MSG(E_HOST_TEXT_LANG_MISSING_FMT), what, langs[i],
                       luaL_typename(L, -1));
        got[i] = check_string(L, -1, arena, what, langs[i]);
        lua_pop(L, 1);
    }
    out.ja = got[0];
    out.en = got[1];
    return out;
}
