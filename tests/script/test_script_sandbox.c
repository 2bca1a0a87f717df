/* The sandbox suite: every escape or exhaustion attempt is refused with a
 * clear message naming the scenario file (and line where Lua knows it), has
 * no side effect, and never hangs: this suite finishing is the proof. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <unistd.h>

#include "fixture.h"
#include "tabletop/script.h"
#include "tabletop/sim.h"

#define NAME "scenarios/inline.lua"

typedef struct attempt {
    const char *top;     /* Lua before `return scenario {` (line 1), or NULL */
    const char *does;    /* body of action a's does, or NULL */
    const char *expect;  /* substring of the message */
    int line;            /* expected line, -1 = any */
} attempt;

static tt_sandbox_limits small_limits(void)
{
    tt_sandbox_limits l;
    tt_sandbox_limits_default(&l);
    l.memory_bytes = (size_t)16 << 20;
    l.load_instructions = 2000000;
    l.call_instructions = 1000000;
    return l;
}

static void check(const attempt *a, const tt_sandbox_limits *limits)
{
    const char *text = inline_scenario(a->top, a->does, NULL);
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), limits, &err);
    if (a->does) {
        if (!s)
            fail_msg("load failed: %s:%d: %s", err.file, err.line, err.message);
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
        assert_non_null(strstr(err.message, "(in actions.a.does)"));
        /* The state is still usable after a refused call. */
        const tt_kv *kv;
        size_t n;
        tt_error e2;
        assert_int_equal(tt_script_state(s, &kv, &n, &e2), 0);
        tt_script_free(s);
    } else if (s) {
        tt_script_free(s);
        fail_msg("loaded, but expected: %s", a->expect);
    }
    if (!strstr(err.message, a->expect) || (a->line >= 0 && err.line != a->line))
        fail_msg("got %s:%d: %s\nwant line %d: %s", err.file, err.line, err.message, a->line,
                 a->expect);
    assert_string_equal(err.file, NAME);
}

static void run_all(const attempt *list, size_t n, const tt_sandbox_limits *limits)
{
    for (size_t i = 0; i < n; i++) {
        print_message("  %s\n", list[i].top ? list[i].top : list[i].does);
        check(&list[i], limits);
    }
}

#define ESCAPE_FILE "/tmp/tt-sandbox-escape"

static void no_escape(void **state)
{
    (void)state;
    unlink(ESCAPE_FILE);
    static const attempt list[] = {
        { "io.open('" ESCAPE_FILE "', 'w')", NULL, "'io' is not available in scenarios", 1 },
        { "os.execute('touch " ESCAPE_FILE "')", NULL, "'os' is not available", 1 },
        { "_G.os.exit(1)", NULL, "'os' is not available", 1 },
        { "require('io')", NULL, "'require' is not available", 1 },
        { "dofile('/etc/passwd')", NULL, "'dofile' is not available", 1 },
        { "loadfile('/etc/passwd')", NULL, "'loadfile' is not available", 1 },
        { "collectgarbage('count')", NULL, "'collectgarbage' is not available", 1 },
        { "print('x')", NULL, "'print' is not available", 1 },
        { "debug.getregistry()", NULL, "'debug' is not available", 1 },
        { "package.loadlib('libc.so.6', 'system')", NULL, "'package' is not available", 1 },
        { "coroutine.wrap(print)", NULL, "'coroutine' is not available", 1 },
        { "string.dump(function() end)", NULL, "'dump' is not available", 1 },
        { "('x').dump(function() end)", NULL, "'dump' is not available", 1 },
        { "local f, e = load('\\27LuaT\\0'); assert(f, e)", NULL,
          "attempt to load a binary chunk", 1 },
        { "local f, e = load('\\27LuaT\\0', 'x', 'b'); assert(f, e)", NULL,
          "only text chunks", 1 },
        { "load(function() return nil end)", NULL, "only a string chunk", 1 },
        { "load('return io')()", NULL, "(load):1: 'io' is not available", -1 },
        { "local g = load('return _G')(); g.os.exit()", NULL, "'os' is not available", 1 },
        { "local f = load('x = 1', 'c', 't', {}); f(); assert(x == nil); error('own env')",
          NULL, "own env", 1 },
        { "setmetatable(_G, nil); io.open('" ESCAPE_FILE "', 'w')", NULL,
          "cannot change a protected metatable", 1 },
        { "getmetatable('').__index = { upper = function() return 'pwned' end }", NULL,
          "attempt to index a boolean value", 1 },
        { "pcall(function() getmetatable('').__index = {} end) "
          "assert(('x'):upper() == 'X'); error('string methods intact')", NULL,
          "string methods intact", 1 },
        { "setmetatable({}, { __gc = function() while true do end end })", NULL,
          "__gc finalizers are not allowed", 1 },
        { "math.random(1, 6)", NULL, "only available while an exercise runs", 1 },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
    assert_int_equal(access(ESCAPE_FILE, F_OK), -1);
}

static void no_exhaustion_at_load(void **state)
{
    (void)state;
    static const attempt list[] = {
        { "while true do end", NULL, "instruction budget of 2000000 exceeded", 1 },
        { "while true do pcall(function() while true do end end) end", NULL,
          "instruction budget of 2000000 exceeded", 1 },
        { "xpcall(function() while true do end end, function() while true do end end)", NULL,
          "instruction budget of 2000000 exceeded", 1 },
        { "local x = string.rep('x', 1e9)", NULL, "memory cap of 16 MiB exceeded", 1 },
        { "local x = ('x'):rep(1e6):rep(1e3)", NULL, "memory cap of 16 MiB exceeded", 1 },
        { "local t = {} for i = 1, 1e9 do t[i] = i end", NULL, "exceeded", 1 },
        { "local t = {} for i = 1, 1e9 do t[#t + 1] = 'v' .. i end", NULL, "exceeded", 1 },
        { "local s = 'x' while true do s = s .. s end", NULL, "memory cap of 16 MiB exceeded", 1 },
        { "string.find(string.rep('a', 1e5), '.-.-.-.-.-.-b')", NULL,
          "is too complex for a subject of 100000 bytes", 1 },
        { "string.gsub(string.rep('a', 1e5), '(a*)*b', '')", NULL, "too complex", 1 },
        { "string.gsub(string.rep('a', 1e5), '.-.-.-.-b', '', 1)", NULL, "too complex", 1 },
        { "local n = 0 for w in ('a'):rep(1e5):gmatch('a-a-a-a-b') do n = n + 1 end", NULL,
          "too complex", 1 },
        { "assert(string.find(('a'):rep(1e5) .. 'b', '.-.-.-.-.-.-b', 1, true) == nil) "
          "assert(('x = 1'):match('^(%w+)%s*=%s*(%d+)$') == 'x') error('plain and simple ok')",
          NULL, "plain and simple ok", 1 },
        { "tostring(setmetatable({}, { __tostring = function() while true do end end }))",
          NULL, "instruction budget", 1 },
        { "local t = setmetatable({}, { __index = function() while true do end end }) "
          "local _ = t.x", NULL, "instruction budget", 1 },
        { "local t; t = setmetatable({}, { __index = function(u, k) return u[k] end }) "
          "local _ = t.x", NULL, "stack overflow", -1 },
        { "local function f(n) return 1 + f(n + 1) end f(1)", NULL, "", -1 },
        { "error(setmetatable({}, { __tostring = function() while true do end end }))", NULL,
          "error object is a table value", -1 },
        { "table.move({}, 1, 1e15, 1, {})", NULL, "instruction budget", 1 },
        { "do local x <close> = setmetatable({}, { __close = function() while true do end end }) end",
          NULL, "instruction budget", 1 },
        { "local x <close> = setmetatable({}, { __close = function() while true do end end }) "
          "error('first')", NULL, "instruction budget", 1 },
        { "local t = {} for i = 1, 2e5 do table.insert(t, 1, i) end", NULL,
          "instruction budget", 1 },
        { "local ok = pcall(string.rep, 'x', 1e9) assert(not ok) error('recovered')", NULL,
          "recovered", 1 },
        /* C loops driven by __len / __index, which no budget sees */
        { "local t = setmetatable({}, { __len = function() return 1 << 62 end }) "
          "table.insert(t, 1, true)", NULL, "table functions take plain tables", 1 },
        { "local t = setmetatable({}, { __len = function() return 2147483600 end, "
          "__index = type, __newindex = rawequal }) table.sort(t)", NULL,
          "table functions take plain tables", 1 },
        { "table.unpack({}, 1, 1e15)", NULL, "instruction budget", 1 },
        { "assert(string.rep('', math.maxinteger) == '') error('empty rep ok')", NULL,
          "empty rep ok", 1 },
        { "for _ in string.rep('^', 30000):gmatch('^.-.-b') do end", NULL, "too complex", 1 },
        /* Shapes whose cost grows with the pattern's length (issue 10): a
         * long literal (or literal prefix) in a long subject, plain or not,
         * and a lazy '.-' before a long literal (n^3). */
        { "local s = ('a'):rep(1e6) s:find(('a'):rep(5e5) .. 'b', 1, true)", NULL,
          "a pattern of 500001 bytes is too complex for a subject of 1000000 bytes", 1 },
        { "local s = ('a'):rep(1e6) s:find(('a'):rep(5e5) .. 'b')", NULL, "too complex", 1 },
        { "local s = ('a'):rep(1e6) s:match(('a'):rep(5e5) .. 'b.')", NULL, "too complex", 1 },
        { "local s = ('a'):rep(1e6) s:gsub(('a'):rep(5e5) .. 'b', '')", NULL, "too complex", 1 },
        { "local s = ('a'):rep(2e4) s:find('.-' .. ('a'):rep(2e4) .. 'b')", NULL,
          "too complex for a subject of 20000 bytes", 1 },
        { "local s = ('a'):rep(2e4) for _ in s:gmatch('a-' .. ('a'):rep(2e4)) do end", NULL,
          "too complex", 1 },
        { "local s = ('a'):rep(4e3) s:find(('.-'):rep(2) .. ('a'):rep(4e3) .. 'b')", NULL,
          "too complex", 1 },
        /* Up to the memory cap (16 MiB here): refused or quick, never stuck. */
        { "local s = ('a'):rep(1e3):rep(8e3) s:find(('a'):rep(1e3):rep(1e3) .. 'b', 1, true)", NULL,
          "too complex", 1 },
        { "local s = ('a'):rep(1e3):rep(8e3) s:find('a-b')", NULL, "too complex", 1 },
        /* ... and what they really do is charged: 8e6 candidate starts
         * are 8e6 steps, more than this budget of 2e6 */
        { "local s = ('a'):rep(1e3):rep(8e3) assert(s:find(('a'):rep(20) .. 'b', 1, true) == nil) "
          "assert(s:find('aab') == nil) assert(s:find('^a+$')) error('big subject ok')", NULL,
          "instruction budget of 2000000 exceeded", 1 },
        { "local s = ('a'):rep(2e5) assert(s:find(('a'):rep(20) .. 'b', 1, true) == nil) "
          "assert(s:find('aab') == nil) assert(s:find('^a+$')) error('big subject ok')", NULL,
          "big subject ok", 1 },
        /* Ordinary patterns on long subjects are not refused: a class item
         * tries at most its longest run in the subject. */
        { "local s = ('k=v;'):rep(500) local n = 0 "
          "for k, v in s:gmatch('(%w+)=(%w+)') do n = n + 1 end "
          "assert(n == 500) error('pairs ok')", NULL, "pairs ok", 1 },
        { "local s = ('x = 1 '):rep(200) assert(s:match('(%w+)%s*=%s*(%d+)')) "
          "assert(('ab12'):rep(1e4):find('[a-z]+%d+[a-z]-%d%d%d') == nil) "
          "error('classes ok')", NULL, "classes ok", 1 },
        { "local s = ('ab'):rep(5e4) s:find('[a-z]*[a-z]*[a-z]*c')", NULL, "too complex", 1 },
        { "local c = '--' .. string.rep('a', 2e6) for i = 1, 1e9 do load(c) end", NULL,
          "instruction budget", 1 },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
}

static void deep_recursion_is_refused(void **state)
{
    (void)state;
    const char *text = inline_scenario("local function f(n) return 1 + f(n + 1) end f(1)",
                                       NULL, NULL);
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    assert_null(s);
    /* Either limit may come first; both are clear and located. */
    if (!strstr(err.message, "stack overflow") && !strstr(err.message, "memory cap"))
        fail_msg("%s", err.message);
    assert_int_equal(err.line, 1);
}

static void no_exhaustion_in_callbacks(void **state)
{
    (void)state;
    static const attempt list[] = {
        { NULL, "while true do end", "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "while true do pcall(function() while true do end end) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local t = {} while true do t[#t + 1] = {} end", "exceeded", TT_DOES_LINE },
        { NULL, "local x = string.rep('x', 1e9)", "memory cap of 16 MiB exceeded", TT_DOES_LINE },
        { NULL, "string.find(string.rep('a', 1e5), '.-.-.-.-.-.-b')", "too complex",
          TT_DOES_LINE },
        { NULL, "tostring(setmetatable({}, { __tostring = function() while true do end end }))",
          "instruction budget", TT_DOES_LINE },
        { NULL, "local function f() return f() + 1 end f()", "", TT_DOES_LINE },
        { NULL, "ctx.after('1m', function() end) while true do end", "instruction budget",
          TT_DOES_LINE },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
}

/* What leaves the Lua state is bounded too: copies made in C are not under
 * the memory cap, so sizes and counts are. */
static void copies_out_of_lua_are_bounded(void **state)
{
    (void)state;
    static const attempt list[] = {
        { NULL, "local big = ('x'):rep(1e6) "
                "for i = 1, 2000 do ctx.message{ from = 'r', text = { ja = big, en = big } } end",
          "ctx.message: text: its 'ja' is longer than 65536 bytes", TT_DOES_LINE },
        { NULL, "for i = 1, 20000 do ctx.message{ from = 'r', text = T } end",
          "more than 10000 messages and deferred calls", TT_DOES_LINE },
        { NULL, "local t = ('x'):rep(60000) "
                "for i = 1, 9000 do ctx.message{ from = 'r', text = { ja = t, en = t } } end",
          "more than 16 MiB of messages", TT_DOES_LINE },
        { NULL, "s.name = ('x'):rep(1e6)", "strings in the state are limited to 65536 bytes",
          TT_DOES_LINE },
    };
    tt_sandbox_limits l = small_limits();
    l.call_instructions = 50000000;
    run_all(list, sizeof list / sizeof list[0], &l);

    const char *text = inline_scenario(NULL, NULL,
        "injects = (function() local t = {} for i = 1, 1001 do "
        "t[i] = { id = 'i' .. i, at = 0, text = T } end return t end)(),");
    tt_error err;
    assert_null(tt_script_load_buffer(NAME, text, strlen(text), NULL, &err));
    assert_non_null(strstr(err.message, "injects: 1001 entries; at most 1000 are allowed"));
    text = inline_scenario("local big = ('x'):rep(1e6)", NULL,
                           "lessons = { l = { text = { ja = big, en = 'x' } } },");
    assert_null(tt_script_load_buffer(NAME, text, strlen(text), NULL, &err));
    assert_non_null(strstr(err.message, "lessons.l.text.ja: longer than 65536 bytes"));
}

/* C library work in a loop (issue 10): each call is far under its own
 * bound, but what it really does is charged to the callback's budget, so
 * the loop ends with the budget error after a few calls. Uncharged, each
 * of these would run on until the 10 s wall clock: the error's kind is the
 * proof, not the time it took. */
static void c_work_in_a_loop_is_charged(void **state)
{
    (void)state;
    static const attempt list[] = {
        /* the matcher's backtracking: ~90,000 steps a call */
        { NULL, "local s = ('a'):rep(300) while true do s:find('.-b') end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('a'):rep(300) while true do s:match('a*b') end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('a'):rep(300) while true do s:gsub('a-b', '') end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('a'):rep(100) while true do for _ in s:gmatch('a-a-b') do end end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('(a)'):rep(100) while true do s:find('%b()%b()x') end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('a'):rep(300) while true do s:find('(a*)%1b') end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('a'):rep(300) while true do pcall(string.find, s, '.-b') end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* a plain search: every candidate start compares the needle */
        { NULL, "local s, n = ('a'):rep(5e4), ('a'):rep(999) .. 'b' "
                "while true do s:find(n, 1, true) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* number parsing reads every byte: tonumber and string arithmetic */
        { NULL, "local s = ('1'):rep(1e3):rep(1e3) while true do local _ = tonumber(s) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = '0.' .. ('1'):rep(1e3):rep(1e3) while true do local _ = s + 0 end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* one copy per piece */
        { NULL, "while true do local _ = ('x'):rep(1e5) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* printf of a huge float, ~8 us each */
        { NULL, "local a = {} for i = 1, 200 do a[i] = -1e308 end "
                "local f = ('%99.99f'):rep(200) while true do string.format(f, table.unpack(a)) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* sorting long strings compares them */
        { NULL, "local t = {} for i = 1, 200 do t[i] = ('x'):rep(5e4) .. i end "
                "while true do table.sort(t) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* compiling a chunk */
        { NULL, "local c = ('x=1 '):rep(25000) while true do load(c) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        /* one value per position */
        { NULL, "local s = ('x'):rep(5e4) while true do local _ = select('#', s:byte(1, -1)) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local s = ('\u3042'):rep(1e2):rep(1e3) while true do local _ = utf8.len(s) end",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
}

/* A limit that trips in Lua that is not the file's own (a chunk the
 * scenario load()ed, the sandbox's ordered pairs) is placed at the file's
 * line that led there: it named no line at all. */
static void limits_in_other_chunks_name_the_files_line(void **state)
{
    (void)state;
    static const attempt list[] = {
        { "local f = load('while true do end')\nf()", NULL,
          "instruction budget of 2000000 exceeded", 2 },
        { "local f = load('local t = {} for i = 1, 1e9 do t[i] = {} end')\n\nf()", NULL,
          "exceeded", 3 },
        { "local t = {}\nfor i = 1, 1.5e5 do t[-i] = i end\nfor _ in pairs(t) do end", NULL,
          "instruction budget of 2000000 exceeded", 3 },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
}

/* An error raised in a chunk the scenario load()ed names the file's line
 * that led there, as a limit does (3a2ad6e): it read '(load):1: boom'
 * alone, at the chunk's run and in a callback, and in a later callback
 * calling a function the chunk made. */
static void errors_in_loaded_chunks_name_the_files_line(void **state)
{
    (void)state;
    static const attempt list[] = {
        { "local f = load('error(\"boom\")')\nf()", NULL, "(load):1: boom", 2 },
        { NULL, "local f = load('local x = nil; return x.y'); f()",
          "(load):1: attempt to index a nil value", TT_DOES_LINE },
        { "local g = load('return function() local t = nil; return t.k end')()", "g()",
          "(load):1: attempt to index a nil value", TT_DOES_LINE },
    };
    run_all(list, sizeof list / sizeof list[0], NULL);
}

/* An error raised by string.format or next names the line that called
 * them, as Lua's own functions do: the sandbox's format called its charged
 * wrapper with lua_call, and its next raised from the ordered-next chunk
 * one frame below, so the message had no place and was put at the
 * callback's first line (8), or at no line while the file loaded (0). */
static void library_errors_name_the_calling_line(void **state)
{
    (void)state;
    static const attempt list[] = {
        { "local _ = string.format('%99999d', 1)", NULL, "invalid conversion", 1 },
        { NULL, "local _ = string.format('%99999d', 1)", "invalid conversion", TT_DOES_LINE },
        { NULL, "local _ = ('%s'):format(setmetatable({}, { __tostring = function() return {} end }))",
          "'__tostring' must return a string", TT_DOES_LINE },
        { NULL, "local _ = string.format('%d', 'x')", "bad argument #2 to 'format'", TT_DOES_LINE },
        { "next({}, 'nokey')", NULL, "invalid key to 'next'", 1 },
        { NULL, "next({ a = 1 }, 'nokey')", "invalid key to 'next'", TT_DOES_LINE },
        { NULL, "local k, v = next({ a = 1 }, 'a') assert(k == nil and v == nil) "
                "k = next({}) assert(k == nil) error('next ends as in Lua')",
          "next ends as in Lua", TT_DOES_LINE },
    };
    run_all(list, sizeof list / sizeof list[0], NULL);
}

/* Lua's library reads a count as luaL_checkinteger does: 1e7 (a float
 * with a whole value) and "1e7" are counts too, and a number is a string.
 * Each call below is one instruction of Lua and does its work in C: only
 * the charge can stop it, so read any other way the call ran uncharged
 * (string.rep with an empty piece and a nil separator even looped in C
 * for hours, past the wall clock, which only Lua instructions see). */
static void counts_are_read_as_lua_reads_them(void **state)
{
    (void)state;
    static const attempt list[] = {
        { NULL, "local _ = ('x'):rep(2e6)", "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local _ = ('x'):rep('2000000')", "instruction budget of 1000000 exceeded",
          TT_DOES_LINE },
        { NULL, "local _ = string.rep(7, 2000000)", "instruction budget of 1000000 exceeded",
          TT_DOES_LINE },
        { NULL, "local s = ('x'):rep(600000) local _ = select('#', s:byte(1.0, 6e5))",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "local a = {} for i = 1, 600 do a[i] = '-1e308' end "
                "local _ = string.format(('%99.99f'):rep(600), table.unpack(a))",
          "instruction budget of 1000000 exceeded", TT_DOES_LINE },
        { NULL, "assert(string.rep('', 1e15, nil) == '' and string.rep('', math.maxinteger, nil) == '') "
                "assert(('x'):rep(3.0, nil) == 'xxx' and ('x'):rep('2', 1) == 'x1x') "
                "assert(not pcall(string.rep, '', 1.5)) error('empty pieces are cheap')",
          "empty pieces are cheap", TT_DOES_LINE },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
}

/* The step count walks patterns before Lua does: malformed ones must give
 * Lua's own errors (the count stops), and every shape gives Lua's results. */
static void patterns_behave_as_in_lua(void **state)
{
    (void)state;
    static const attempt list[] = {
        { "local bad = { '[', '[^', '[%', '%', '(', ')', '%b', '%ba', '%f', '%fx', '%f[', "
          "'%1', '(()', 'a)', '(a%2)', ('('):rep(40) .. ('a)'):rep(40), '[a-', '%g%' } "
          "for _, p in ipairs(bad) do for _, f in ipairs{ string.find, string.match, "
          "string.gmatch, string.gsub } do "
          "pcall(function() local r = f('abc(a)b', p, f == string.gsub and 'x' or nil) "
          "if type(r) == 'function' then r() end end) end end "
          "for _, p in ipairs{ '[', '%', '%b', '%f', '%fx', '%1', '[a-' } do "
          "local ok, e = pcall(string.find, 'abc(a)b', p) "
          "assert(not ok and e:find('pattern') or e:find('capture'), p) end "
          "error('malformed ok')", NULL, "malformed ok", 1 },
        { "assert(('hello world'):find('o w') == 5) assert(('x(a(b)c)y'):match('%b()') == '(a(b)c)') "
          "assert(('THE (quick) fox'):find('%f[%a]%a+', 5) == 6) "
          "assert(('abcabc'):match('(a)(b)(c)%1%2%3') == 'a') "
          "assert(select(2, ('a,b,,c'):gsub(',', ';')) == 3) "
          "assert(('abc'):gsub('', '-') == '-a-b-c-') "
          "assert(('aaa'):gsub('a*', 'x') == 'x') "
          "assert(('hello'):gsub('l+', '%0%0', 1) == 'hellllo') "
          "assert(('  x  '):match('^%s*(.-)%s*$') == 'x') "
          "assert(('a1b2'):find('%d', -2) == 4) assert(('abc'):find('b', 10) == nil) "
          "assert(('abc'):find('', 4) == 4) assert(('^a'):gmatch('^a')() == '^a') "
          "local n = 0 for a, b in ('k1=v1, k2=v2'):gmatch('(%w+)=(%w+)') do n = n + 1 end "
          "assert(n == 2) assert(('x'):rep(3, ',') == 'x,x,x') "
          "assert(string.format('%5.1f|%q', 3.14159, 'a\\n') == '  3.1|\"a\\\\\\n\"') "
          "assert(tonumber('0x10') == 16 and ('2' + 1) == 3 and -('2') == -2) "
          "error('lua results ok')", NULL, "lua results ok", 1 },
    };
    tt_sandbox_limits l = small_limits();
    run_all(list, sizeof list / sizeof list[0], &l);
}

/* Ordinary pattern use on texts of the size scenarios hold (64 KiB is the
 * longest state or message string) stays far under the default budget. */
static void ordinary_patterns_fit_the_default_budget(void **state)
{
    (void)state;
    static const attempt list[] = {
        { NULL, "local s = ('k=v;'):rep(16384) local n = 0 "
                "for k, v in s:gmatch('(%w+)=(%w+)') do n = n + 1 end assert(n == 16384) "
                "local w = 0 for _ in s:gmatch('[^;]+') do w = w + 1 end assert(w == 16384) "
                "assert(#s:gsub(';', ',') == #s) assert(s:find('k=v;k=v', 1, true) == 1) "
                "assert(not s:find('ransom')) assert(s:match('^(%w+)=') == 'k') "
                "assert(#s:upper() == #s) "
                "error('ordinary ok')", "ordinary ok", TT_DOES_LINE },
    };
    run_all(list, sizeof list / sizeof list[0], NULL);
}

/* Work the instruction count cannot see (comparing two long strings is one
 * instruction) is stopped by the wall-clock limit. */
static void wall_clock_limit(void **state)
{
    (void)state;
    tt_sandbox_limits l = small_limits();
    l.load_instructions = 1000000000;
    l.wall_ms = 300;
    attempt a = { "local a, b = ('a'):rep(4e6), ('a'):rep(4e6) while true do local _ = a < b end",
                  NULL, "time limit of 300 ms exceeded", 1 };
    check(&a, &l);
}

/* A __gc added to a metatable after setmetatable never runs (Lua only marks
 * objects for finalization at setmetatable), so closing cannot hang. */
static void late_gc_field_never_runs(void **state)
{
    (void)state;
    const char *text = inline_scenario(
        "local mt = {} local keep = setmetatable({}, mt) "
        "mt.__gc = function() while true do end end", NULL, NULL);
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    assert_non_null(s);
    tt_script_free(s); /* returns: no finalizer ran */
}

/* next walks the same fixed order as pairs: no iteration may depend on the
 * hash layout, which changes from one process to the next. */
static void next_is_ordered_like_pairs(void **state)
{
    (void)state;
    const char *text = inline_scenario(
        "local t = { kappa = 1, alpha = 2, mu = 3, beta = 4, [2] = 5, [1] = 6 } "
        "assert(next(t) == 1) assert(next({}) == nil) "
        "local seq, k = {}, nil "
        "repeat k = next(t, k) if k ~= nil then seq[#seq + 1] = tostring(k) end until k == nil "
        "local want = {} for key in pairs(t) do want[#want + 1] = tostring(key) end "
        "assert(table.concat(seq, ',') == '1,2,alpha,beta,kappa,mu') "
        "assert(table.concat(want, ',') == table.concat(seq, ',')) "
        "local ok, msg = pcall(next, t, 'nope') "
        "assert(not ok and msg:find('invalid key'))", NULL, NULL);
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_script_free(s);
}

/* Nothing a scenario sees depends on memory addresses or hash layout, and a
 * loaded chunk cannot pretend to be the scenario file. */
static void no_addresses_and_no_forged_locations(void **state)
{
    (void)state;
    static const attempt list[] = {
        { "assert(tostring({}) == 'table') assert(tostring(type) == 'function') "
          "assert(string.format('%s|%d', {}, 3) == 'table|3') "
          "assert(not pcall(string.format, '%p', {})) error('no addresses')", NULL,
          "no addresses", 1 },
        { "local t = {} t[{}] = 1 for _ in pairs(t) do end", NULL, "has no fixed order", -1 },
        { "load('\\n\\n\\nerror(\"forged\")', '@" NAME "')()", NULL, "(load):4: forged", -1 },
    };
    run_all(list, sizeof list / sizeof list[0], NULL);
}

/* After a tripped budget the same script keeps working. */
static void budget_resets_per_call(void **state)
{
    (void)state;
    const char *text = inline_scenario(NULL, "if s.n == 0 then s.n = 1 while true do end end", NULL);
    tt_sandbox_limits l = small_limits();
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), &l, &err);
    assert_non_null(s);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), 0);
    tt_script_free(s);
    /* A failed call schedules nothing. */
    text = inline_scenario(NULL, "ctx.message{ from = 'r', text = T } "
                                 "if s.n == 0 then s.n = 1 error('late') end", NULL);
    s = tt_script_load_buffer(NAME, text, strlen(text), &l, &err);
    assert_non_null(s);
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
    tt_scheduled *sc;
    assert_int_equal(tt_script_take_scheduled(s, &sc), 0);
    assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), 0);
    assert_int_equal(tt_script_take_scheduled(s, &sc), 1);
    tt_script_free(s);
}

/* API 1.1: the new callbacks (takes, harmful/wasted, on_cancel) and what
 * ctx.refuse/ctx.ask copy out run under the same budgets and rules as every
 * callback: a hostile one ends with a located error, changes nothing it may
 * not, and leaves the script usable. */
typedef struct hostile_11 {
    const char *field;   /* "takes", "wasted", "harmful", "on_cancel", "does" */
    const char *body;    /* the function's body */
    const char *expect;
    const char *where;   /* "(in ...)" */
} hostile_11;

static const char *scenario_11(const char *field, const char *body)
{
    static char buf[8192];
    snprintf(buf, sizeof buf,
             "local T = { ja = 't', en = 't' }\n"
             "return scenario {\n"
             "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
             "  roles = { r = { name = T } },\n"
             "  actors = { v = { kind = 'vendor', name = T } },\n"
             "  state = { n = 0 },\n"
             "  every = { { id = 'e', period = '1m', run = function(s, ctx) ctx.refuse{ from = 'v', text = T } end } },\n"
             "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n"
             "  actions = { b = { by = 'r', label = T, completes = 'o', %s = function(s, ctx)\n"
             "%s\n"
             "  end } },\n"
             "}\n", field, body);
    return buf;
}

static int call_11(tt_script *s, const char *field, tt_error *err)
{
    if (!strcmp(field, "takes")) {
        tt_ms t;
        return tt_script_action_takes(s, 0, 0, "r", &t, err);
    }
    if (!strcmp(field, "wasted") || !strcmp(field, "harmful")) {
        bool bad;
        tt_text why;
        return tt_script_action_bad(s, 0, 0, "r", &bad, &why, err);
    }
    if (!strcmp(field, "on_cancel"))
        return tt_script_action_cancelled(s, 0, 0, "r", err);
    if (!strcmp(field, "requires")) {
        bool ok;
        tt_text why;
        return tt_script_action_allowed(s, 0, 0, &ok, &why, err);
    }
    return tt_script_action_apply(s, 0, 0, "r", err);
}

static void api11_callbacks_are_sandboxed(void **state)
{
    (void)state;
    static const hostile_11 list[] = {
        { "takes", "while true do end", "instruction budget of 1000000 exceeded", "(in actions.b.takes)" },
        { "takes", "local x = string.rep('x', 1e9)", "memory cap of 16 MiB exceeded", "(in actions.b.takes)" },
        { "takes", "s.n = 1 return '5m'", "cannot change state.n in actions.b.takes", "(in actions.b.takes)" },
        { "takes", "ctx.message{ from = 'r', text = T } return '5m'", "ctx.message is not available in actions.b.takes", "(in actions.b.takes)" },
        { "takes", "return {}", "the time returned: expected a time", "(in actions.b.takes)" },
        { "takes", "return '5x'", "the time returned: ", "(in actions.b.takes)" },
        { "takes", "return -1", "not a time between 0 and 3650 days", "(in actions.b.takes)" },
        { "wasted", "while true do pcall(function() while true do end end) end", "instruction budget", "(in actions.b.wasted)" },
        { "harmful", "return ('x'):rep(1e3):rep(1e3)", "the reason returned is longer than 65536 bytes", "(in actions.b.harmful)" },
        { "harmful", "return 42", "the reason returned must be a text", "(in actions.b.harmful)" },
        { "wasted", "return { ja = 'a\\0b', en = 'x' }", "the reason returned: its 'ja': ", "(in actions.b.wasted)" },
        /* One rule for every text a callback hands the engine: requires'
         * reason as harmful's and wasted's, ctx.message's as ctx.refuse's. */
        { "harmful", "return {}", "the reason returned: its 'ja' must be a string (a text has both ja and en), not nil", "(in actions.b.harmful)" },
        { "wasted", "return { ja = 'x' }", "the reason returned: its 'en' must be a string (a text has both ja and en), not nil", "(in actions.b.wasted)" },
        { "requires", "return false, {}", "the reason returned with false: its 'ja' must be a string", "(in actions.b.requires)" },
        { "requires", "return false, { ja = 'x' }", "the reason returned with false: its 'en' must be a string", "(in actions.b.requires)" },
        { "requires", "return false, { ja = 'x', en = 5 }", "its 'en' must be a string (a text has both ja and en), not number", "(in actions.b.requires)" },
        { "requires", "return false, 5", "the reason returned with false must be a text { ja = \"...\", en = \"...\" }, not a number", "(in actions.b.requires)" },
        { "requires", "return false, { ja = ('x'):rep(1e3):rep(1e3), en = 'x' }", "the reason returned with false: its 'ja' is longer than 65536 bytes", "(in actions.b.requires)" },
        { "does", "ctx.message{ from = 'v', text = { en = 'x' } }", "ctx.message: text: its 'ja' must be a string", "(in actions.b.does)" },
        { "does", "ctx.ask{ from = 'v', text = { ja = 'x' } }", "ctx.ask: text: its 'en' must be a string", "(in actions.b.does)" },
        { "does", "ctx.refuse{ from = 'v', text = 'x' }", "ctx.refuse: text must be a text", "(in actions.b.does)" },
        { "wasted", "ctx.after('1m', function() end)", "ctx.after is not available in actions.b.wasted", "(in actions.b.wasted)" },
        { "wasted", "return setmetatable({}, { __index = function() while true do end end })", "instruction budget", "(in actions.b.wasted)" },
        { "on_cancel", "while true do end", "instruction budget of 1000000 exceeded", "(in actions.b.on_cancel)" },
        { "on_cancel", "ctx.ask{ from = 'v', text = T }", "ctx.ask is only available in an action's does", "(in actions.b.on_cancel)" },
        { "does", "ctx.refuse{ from = 'v', text = { ja = ('x'):rep(1e3):rep(1e3), en = 'x' } }", "ctx.refuse: text: its 'ja' is longer than 65536 bytes", "(in actions.b.does)" },
        { "does", "ctx.refuse{ from = 'nobody', text = T }", "ctx.refuse: from = 'nobody' is not an actor", "(in actions.b.does)" },
        { "does", "ctx.ask{ from = 'v', text = T } ctx.refuse{ from = 'v', text = T }", "already called ctx.refuse or ctx.ask", "(in actions.b.does)" },
        { "does", "ctx.ask{ from = 'v', text = T, extra = 1 }", "ctx.ask: unknown field 'extra'", "(in actions.b.does)" },
    };
    tt_sandbox_limits l = small_limits();
    for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) {
        print_message("  %s: %s\n", list[i].field, list[i].body);
        const char *text = scenario_11(list[i].field, list[i].body);
        tt_error err;
        tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), &l, &err);
        if (!s)
            fail_msg("load failed: %s:%d: %s", err.file, err.line, err.message);
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        assert_int_equal(call_11(s, list[i].field, &err), -1);
        if (!strstr(err.message, list[i].expect) || !strstr(err.message, list[i].where))
            fail_msg("got %s:%d: %s\nwant: %s %s", err.file, err.line, err.message,
                     list[i].expect, list[i].where);
        assert_string_equal(err.file, NAME);
        /* The line of the function's body, or of the function for a bad result. */
        if (err.line != 10 && err.line != 9)
            fail_msg("line %d: %s", err.line, err.message);
        /* Nothing scheduled, the state untouched and still readable. */
        tt_scheduled *sc;
        assert_int_equal(tt_script_take_scheduled(s, &sc), 0);
        const tt_kv *kv;
        size_t n;
        assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
        assert_int_equal(kv[0].value.as.i, 0);
        tt_script_free(s);
    }
    /* ctx.refuse outside an action's does (a dynamic) is refused, located. */
    const char *text = scenario_11("takes", "return '1m'");
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), &l, &err);
    assert_non_null(s);
    tt_rng rng;
    tt_rng_seed(&rng, 1, 1);
    assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
    assert_int_equal(tt_script_dynamic_run(s, 0, 60000, &err), -1);
    assert_non_null(strstr(err.message, "ctx.refuse is only available in an action's does"));
    assert_int_equal(err.line, 7);
    tt_ms t = 0;
    assert_int_equal(tt_script_action_takes(s, 0, 0, "r", &t, &err), 0); /* still usable */
    assert_int_equal(t, 60000);
    tt_script_free(s);
}

/* Running out of memory at any point of loading, starting and calling is
 * a clean error, never a crash (Lua's panic would abort). */
static void tiny_memory_caps_fail_cleanly(void **state)
{
    (void)state;
    const char *path = fixture("full.lua");
    size_t loaded = 0, failed = 0, first_ok = 0;
    /* Coarse, to find where loading starts to succeed... */
    for (size_t cap = 4096; cap <= ((size_t)1 << 20) && !first_ok; cap += cap / 8) {
        tt_sandbox_limits l;
        tt_sandbox_limits_default(&l);
        l.memory_bytes = cap;
        tt_error err;
        tt_script *s = tt_script_load(path, &l, &err);
        if (s)
            first_ok = cap;
        tt_script_free(s);
    }
    assert_true(first_ok > 0);
    /* ...then fine around it, so every phase runs out at some step. */
    size_t from = first_ok > 40000 ? first_ok - 40000 : 4096;
    for (size_t cap = from; cap <= first_ok + 40000; cap += 128) {
        tt_sandbox_limits l;
        tt_sandbox_limits_default(&l);
        l.memory_bytes = cap;
        tt_error err;
        tt_script *s = tt_script_load(path, &l, &err);
        if (!s) {
            failed++;
            assert_true(err.message[0] != '\0');
            continue;
        }
        loaded++;
        tt_rng rng;
        tt_rng_seed(&rng, 3, 1);
        if (tt_script_begin(s, &rng, NULL, 0, &err) == 0) {
            for (int i = 0; i < 5; i++)
                (void)tt_script_action_apply(s, 1, i * 1000, "sysadmin", &err);
            const tt_kv *kv;
            size_t n;
            (void)tt_script_state(s, &kv, &n, &err);
            tt_scheduled *sc;
            (void)tt_script_take_scheduled(s, &sc);
        }
        tt_script_free(s);
    }
    assert_true(failed > 0);
    assert_true(loaded > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_escape),
        cmocka_unit_test(no_exhaustion_at_load),
        cmocka_unit_test(deep_recursion_is_refused),
        cmocka_unit_test(no_exhaustion_in_callbacks),
        cmocka_unit_test(copies_out_of_lua_are_bounded),
        cmocka_unit_test(c_work_in_a_loop_is_charged),
        cmocka_unit_test(limits_in_other_chunks_name_the_files_line),
        cmocka_unit_test(errors_in_loaded_chunks_name_the_files_line),
        cmocka_unit_test(library_errors_name_the_calling_line),
        cmocka_unit_test(counts_are_read_as_lua_reads_them),
        cmocka_unit_test(ordinary_patterns_fit_the_default_budget),
        cmocka_unit_test(patterns_behave_as_in_lua),
        cmocka_unit_test(wall_clock_limit),
        cmocka_unit_test(late_gc_field_never_runs),
        cmocka_unit_test(next_is_ordered_like_pairs),
        cmocka_unit_test(no_addresses_and_no_forged_locations),
        cmocka_unit_test(budget_resets_per_call),
        cmocka_unit_test(api11_callbacks_are_sandboxed),
        cmocka_unit_test(tiny_memory_caps_fail_cleanly),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
