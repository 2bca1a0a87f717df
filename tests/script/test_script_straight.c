/* Straight-line callbacks run without the count hook (engine/script/
 * straight.c): the classifier reads Lua 5.4's bytecode right (a wrong
 * opcode number would let a loop run unhooked), and the limits hold for
 * straight callbacks exactly as for hooked ones, including when a scenario
 * metatable could run scenario code inside a plain field read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lualib.h>

#include "fixture.h"
#include "host.h"
#include "tabletop/script.h"
#include "tabletop/sim.h"

#define NAME "scenarios/inline.lua"

static bool classify(lua_State *L, const char *chunk)
{
    if (luaL_dostring(L, chunk) != LUA_OK)
        fail_msg("%s: %s", chunk, lua_tostring(L, -1));
    bool straight = tt_host_fn_straight(L, -1, TT_HOOK_STEP);
    lua_pop(L, 1);
    return straight;
}

/* `return function(s) <body> end` with n copies of `line` as the body. */
static char *repeated(const char *line, int n)
{
    size_t len = strlen(line);
    char *text = malloc(64 + len * (size_t)n);
    assert_non_null(text);
    char *p = text + sprintf(text, "return function(s) local x = 0 ");
    for (int i = 0; i < n; i++) {
        memcpy(p, line, len);
        p += len;
    }
    strcpy(p, " return x end");
    return text;
}

static void classifier_reads_the_bytecode(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    static const struct {
        const char *chunk;
        bool straight;
    } list[] = {
        { "return function(s) return s.a > 0 and s.b end", true },
        { "return function(s, ctx) return ctx.now > 60 and (s.a + 1) * 2 >= s.b end", true },
        { "return function(s) s.x = true s.y = s.y .. 'z' end", true },
        { "local up = {} return function(s) up.n = #s.list + (up.n or 0) return { up.n } end",
          true },
        { "return function(s) if s.a then return 1 elseif s.b then return 2 end return 3 end",
          true },
        { "return function(...) return select('#', ...) end", false },           /* call */
        { "local f = print return function(s) f(s) end", false },                /* call */
        { "local f = print return function(s) return f(s) end", false },         /* tail call */
        { "return function(s) return s.name:upper() end", false },               /* method call */
        { "return function() while true do end end", false },                    /* back jump */
        { "return function(s) repeat s.n = s.n - 1 until s.n < 0 end", false },
        { "return function() ::again:: goto again end", false },
        { "return function() for i = 1, 3 do end end", false },                 /* FORPREP/LOOP */
        { "return function(t) for k in next, t do end end", false },            /* TFOR* */
        { "return print", false },                                              /* C function */
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
        if (classify(L, list[i].chunk) != list[i].straight)
            fail_msg("%s: want %s", list[i].chunk, list[i].straight ? "straight" : "not straight");
    /* Fewer instructions than the hook's step only (x = x + 1 is two). */
    char *short_body = repeated("x = x + 1 ", TT_HOOK_STEP / 2 - 10);
    char *long_body = repeated("x = x + 1 ", TT_HOOK_STEP / 2 + 10);
    assert_true(classify(L, short_body));
    assert_false(classify(L, long_body));
    free(short_body);
    free(long_body);
    lua_close(L);
}

/* Conditions that use s and ctx only as `s.key` / `ctx.key` are passed the
 * tables behind the proxies (call.c): every other use must read as "no". */
static void field_reader_classifier(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    static const struct {
        const char *chunk;
        bool fields;
    } list[] = {
        { "return function(s) return s.a > 0 and s.b end", true },
        { "return function(s, ctx) return ctx.now > 60 and (s.a + 1) * 2 >= s.b end", true },
        { "local K = 3 return function(s) return not s.a or s.b == 'x' or s.c ~= K end", true },
        { "return function(s) return s.x.y end", true },
        { "return function() return true end", true },
        { "return function(s) return s end", false },                  /* returned */
        { "return function(s, ctx) return ctx end", false },
        { "return function(s) s.x = true end", false },                 /* written through */
        { "return function(s) s = {} return s.x end", false },          /* register rewritten */
        { "return function(s) return s.x, s end", false },
        { "return function(s) return #s > 0 end", false },              /* length */
        { "return function(s) return s == nil end", false },            /* compared */
        { "return function(s) return s[1] end", false },                /* GETI */
        { "return function(s) local k = 'x' return s[k] end", false },  /* GETTABLE */
        { "return function(s) return s .. '' end", false },             /* concat */
        { "return function(s) return s + 1 end", false },               /* arithmetic */
        { "return function(s) local t = s return t.x end", false },     /* copied */
        { "return function(s) return function() return s.x end end", false }, /* captured */
        { "local up return function(s) up = s return true end", false },
        { "local f = print return function(s) return f(s.x) end", false },    /* call */
        { "return function(...) local s = ... return s.x end", false },       /* vararg */
        { "return print", false },
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        if (luaL_dostring(L, list[i].chunk) != LUA_OK)
            fail_msg("%s: %s", list[i].chunk, lua_tostring(L, -1));
        if (tt_host_fn_reads_only_fields(L, -1) != list[i].fields)
            fail_msg("%s: want %s", list[i].chunk, list[i].fields ? "fields only" : "not");
        lua_pop(L, 1);
    }
    lua_close(L);
}

static tt_script *load(const char *top, const char *does, const tt_sandbox_limits *l)
{
    const char *text = inline_scenario(top, does, NULL);
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), l, &err);
    if (!s)
        fail_msg("load failed: %s:%d: %s", err.file, err.line, err.message);
    return s;
}

/* The `calls`-th call of action a's does fails with `expect` at `line`. */
static void expect_failure(const char *top, const char *does, const tt_sandbox_limits *l,
                           int calls, const char *expect, int line)
{
    print_message("  %s | %s\n", top ? top : "", does);
    tt_script *s = load(top, does, l);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    tt_error err;
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    for (int i = 1; i < calls; i++)
        if (tt_script_action_apply(s, 0, 0, "r", &err) != 0)
            fail_msg("call %d failed early: %s", i, err.message);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
    if (!strstr(err.message, expect) || !strstr(err.message, "(in actions.a.does)"))
        fail_msg("got %s:%d: %s\nwant: %s", err.file, err.line, err.message, expect);
    assert_int_equal(err.line, line);
    tt_script_free(s);
}

/* A scenario metatable makes every callback of that state run hooked: a
 * field read may then run scenario code, however straight the reader. */
static void scenario_metatables_keep_the_hook(void **state)
{
    (void)state;
    tt_sandbox_limits l;
    tt_sandbox_limits_default(&l);
    l.call_instructions = 1000000;
    /* set at load */
    expect_failure("local M = setmetatable({}, { __index = function() while true do end end })",
                   "local _ = M.x", &l, 1, "instruction budget of 1000000 exceeded", 1);
    /* __index added after setmetatable, by an earlier call */
    expect_failure("local mt = {} local M = setmetatable({}, mt) local armed = false",
                   "if armed then local _ = M.x else mt.__index = function() while true do end "
                   "end armed = true end",
                   &l, 2, "instruction budget of 1000000 exceeded", TT_DOES_LINE);
    /* a metamethod on a straight comparison or concatenation */
    expect_failure("local M = setmetatable({}, { __lt = function() while true do end end, "
                   "__concat = function() while true do end end })",
                   "local _ = M < M", &l, 1, "instruction budget", 1);
    expect_failure("local M = setmetatable({}, { __concat = function() while true do end end })",
                   "local _ = M .. 'x'", &l, 1, "instruction budget", 1);
    /* setmetatable reached by an earlier callback (not at load) */
    expect_failure("local M = {} local armed = false",
                   "if armed then local _ = M.x else setmetatable(M, { __index = function() "
                   "while true do end end }) armed = true end",
                   &l, 2, "instruction budget of 1000000 exceeded", TT_DOES_LINE);
}

/* Charges of a straight callback count as in a hooked one: allocations
 * over the budget stop it, and the memory cap holds. */
static void straight_callbacks_keep_their_limits(void **state)
{
    (void)state;
    tt_sandbox_limits l;
    tt_sandbox_limits_default(&l);
    l.memory_bytes = (size_t)16 << 20;
    l.call_instructions = 2000; /* 64 bytes of allocation charge one unit */
    expect_failure("local big = ('x'):rep(200000)", "s.name = #(big .. big) > 0 and 'y' or 'n'",
                   &l, 1, "instruction budget of 2000 exceeded", TT_DOES_LINE);
    l.call_instructions = 1000000000;
    l.memory_bytes = (size_t)4 << 20;
    expect_failure("local big = ('x'):rep(1500000)", "local a = big .. big .. big",
                   &l, 1, "memory cap of 4 MiB exceeded", TT_DOES_LINE);
    /* The straight callback's reads and writes still go through the state's
     * rules. */
    l.memory_bytes = (size_t)16 << 20;
    expect_failure(NULL, "s.n = 1.5", &l, 1, "state.n is an integer", TT_DOES_LINE);
    expect_failure(NULL, "s.nope = 1", &l, 1, "state key 'nope' is not declared", TT_DOES_LINE);
}

/* Loop-free code whose calls are of library or ctx fields (straight.c
 * tt_host_fn_lib_calls): where each call's function comes from. */
static void lib_call_classifier(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    static const struct {
        const char *chunk;
        bool lib_calls;
        size_t sites;
    } list[] = {
        { "return function(s, ctx) s.x = math.floor(ctx.random(1, 9) / 2) + math.max(1, 2) end",
          true, 3 },
        { "return function(s) s.a = math.floor(math.max(s.b, 2) / 3) s.c = math.floor(1.5) end",
          true, 2 },
        { "return function(s, ctx) if ctx.now > 60 then s.x = math.min(s.y, 3) end end", true, 1 },
        { "return function(s) s.x = string.format('%d', 1) end", true, 1 },
        { "return function(s) s.x = 1 end", false, 0 },                        /* no call */
        { "local f = function() end return function(s) f() end", false, 0 },   /* upvalue */
        { "return function(s) print(1) end", false, 0 },                       /* global */
        { "return function(s, c) s.x = (c and math.floor or math.ceil)(1.5) end", false, 0 },
        { "return function(s) local m = math m.x = 1 s.x = math.floor(1) end", false, 0 },
        { "return function(s) math.floor = nil s.x = math.floor(1) end", false, 0 },
        { "return function(s) x = 1 s.x = math.floor(1) end", false, 0 },     /* global store */
        { "return function(s) for i = 1, 3 do s.x = math.floor(i) end end", false, 0 },
        { "return function(s) return math.floor(1) end", false, 0 },           /* tail call */
        { "return function(s, ctx) ctx = {} ctx.random() end", false, 0 },     /* ctx rewritten */
        { "return function(s) s = {} s.x = math.floor(1) end", false, 0 },     /* s rewritten */
        { "return function(s) local t = {} t.x = math.floor(1) end", false, 0 },
        { "return function(s) s.x = ('x'):rep(2) end", false, 0 },             /* method */
        { "return function(...) s.x = math.floor(1) end", false, 0 },          /* vararg */
        { "return print", false, 0 },
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        if (luaL_dostring(L, list[i].chunk) != LUA_OK)
            fail_msg("%s: %s", list[i].chunk, lua_tostring(L, -1));
        tt_lib_calls calls;
        bool got = tt_host_fn_lib_calls(L, -1, TT_HOOK_STEP, &calls);
        if (got != list[i].lib_calls || (got && calls.n != list[i].sites))
            fail_msg("%s: want %s (%zu sites), got %s (%zu)", list[i].chunk,
                     list[i].lib_calls ? "library calls" : "not", list[i].sites,
                     got ? "library calls" : "not", got ? calls.n : 0);
        lua_pop(L, 1);
    }
    tt_lib_calls calls;
    assert_true(luaL_dostring(L, "return function(s, ctx) s.x = ctx.random(1, 2) + "
                                 "math.floor(1.5) + string.len('x') end") == LUA_OK);
    assert_true(tt_host_fn_lib_calls(L, -1, TT_HOOK_STEP, &calls));
    assert_int_equal(calls.n, 3); /* one table's sites together */
    assert_int_equal(calls.site[0].upvalue, -1);
    assert_string_equal(calls.site[0].name, "random");
    assert_string_equal(calls.site[1].lib, "math");
    assert_string_equal(calls.site[1].name, "floor");
    assert_string_equal(calls.site[2].lib, "string");
    lua_close(L);
}

/* 40 instructions, so a library call after it is worth running unhooked. */
#define PADDING "local x = 0 " \
    "x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 " \
    "x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 x = x + 1 " \
    "x = x + 1 x = x + 1 x = x + 1 x = x + 1 "

/* A loop-free callback calling library functions runs unhooked only while
 * each holds one of the engine's C functions that never call Lua: a Lua
 * function or a C function calling Lua put in its place, at load or by an
 * earlier callback, is counted and stopped as before. */
static void library_calls_keep_their_limits(void **state)
{
    (void)state;
    tt_sandbox_limits l;
    tt_sandbox_limits_default(&l);
    l.call_instructions = 1000000;
    expect_failure("math.floor = function() while true do end end",
                   PADDING "s.n = math.floor(1.5)", &l, 1,
                   "instruction budget of 1000000 exceeded", 1);
    expect_failure("math.floor = table.sort",
                   PADDING "math.floor({ 3, 2, 1 }, function() while true do end end)", &l, 1,
                   "instruction budget of 1000000 exceeded", TT_DOES_LINE);
    /* replaced after the callback ran unhooked once: by a dynamic */
    const char *text = inline_scenario(
        NULL, PADDING "s.n = math.floor(1.5) + x",
        "every = { { id = 'arm', period = '1m', run = function(s)\n"
        "  math.floor = function() while true do end end end } },");
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), &l, &err);
    if (!s)
        fail_msg("load failed: %s:%d: %s", err.file, err.line, err.message);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), 0);
    uint64_t work = tt_script_work(s);
    assert_int_equal(tt_script_dynamic_run(s, 0, 60000, &err), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 60000, "r", &err), -1);
    if (!strstr(err.message, "instruction budget of 1000000 exceeded"))
        fail_msg("got %s:%d: %s", err.file, err.line, err.message);
    assert_int_equal(err.line, TT_DOES_LINE + 3);
    tt_script_free(s);
    /* The work charged is that of the same callback run hooked (a scenario
     * metatable keeps every callback hooked). */
    const char *hooked = inline_scenario("setmetatable({}, {})", PADDING "s.n = math.floor(1.5)",
                                         NULL);
    tt_script *h = tt_script_load_buffer(NAME, hooked, strlen(hooked), &l, &err);
    assert_non_null(h);
    tt_rng_seed(&rng, 1, 1);
    assert_int_equal(tt_script_begin(h, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_action_apply(h, 0, 0, "r", &err), 0);
    assert_int_equal(tt_script_work(h), work);
    tt_script_free(h);
}

/* Whether a function's own code assigns an upvalue (a condition's
 * upvalues are checked again only after such code, or any hooked code,
 * has run: call.c). */
static void upvalue_assignment_classifier(void **state)
{
    (void)state;
    lua_State *L = luaL_newstate();
    assert_non_null(L);
    luaL_openlibs(L);
    static const struct {
        const char *chunk;
        bool sets;
    } list[] = {
        { "local saved return function(s) saved = s end", true },
        { "local n = 0 return function(s) n = n + 1 s.x = n end", true },
        { "local n = 0 return function(s) if s.y then n = 2 end end", true },
        { "local n = 3 return function(s) s.x = n end", false },
        { "return function(s, ctx) s.x = math.floor(ctx.now / 60) end", false },
        { "return function(s) local n = 1 local f = function() n = 2 end s.x = n end", false },
        { "x = 1 return function(s) x = 2 end", false }, /* a global: a table's field */
    };
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        if (luaL_dostring(L, list[i].chunk) != LUA_OK)
            fail_msg("%s: %s", list[i].chunk, lua_tostring(L, -1));
        tt_fn_class fc;
        assert_true(tt_host_fn_classify(L, -1, TT_HOOK_STEP, &fc));
        if (fc.sets_upvalues != list[i].sets)
            fail_msg("%s: sets_upvalues %d", list[i].chunk, fc.sets_upvalues);
        lua_pop(L, 1);
    }
    lua_close(L);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(classifier_reads_the_bytecode),
        cmocka_unit_test(field_reader_classifier),
        cmocka_unit_test(scenario_metatables_keep_the_hook),
        cmocka_unit_test(straight_callbacks_keep_their_limits),
        cmocka_unit_test(lib_call_classifier),
        cmocka_unit_test(library_calls_keep_their_limits),
        cmocka_unit_test(upvalue_assignment_classifier),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
