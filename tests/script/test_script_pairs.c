/* The process's first Lua state builds its ordered pairs and next only when
 * its scenario first calls one of them (engine/script/sandbox_lib.c,
 * build_ordered); later states build them at set-up from the engine's own
 * dump. Both must behave and charge alike: the same order, the same work
 * charged to the callback, the originals captured before any scenario code
 * ran (a scenario replacing table.sort, next or type first changes nothing)
 * and the same error places. This file's first test builds the process's
 * first state: keep it first, and keep it the only one building states
 * before it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "tabletop/script.h"
#include "tabletop/sim.h"

#define NAME "scenarios/inline.lua"

/* Breaks what the ordered pairs captured, then walks a table with pairs and
 * next; the order goes into the state. (Keys in the hash part, whose raw
 * order follows each state's hash seed: the last test.) */
static const char DOES[] =
    "table.sort = function() error('replaced sort used') end\n"
    "local t = { 'w', 'x', 'y', 'z' }\n"
    "local out = {}\n"
    "for k in pairs(t) do out[#out + 1] = tostring(k) end\n"
    "local k = next(t)\n"
    "while k ~= nil do out[#out + 1] = tostring(k); k = next(t, k) end\n"
    "for k2 in next, t do out[#out + 1] = tostring(k2) end\n"
    "local ok, e = pcall(next, t, 'missing')\n"
    "s.name = table.concat(out, ',') .. '|' .. tostring(e)\n"
    "s.flag = not ok\n"
    "s.n = #out";

static void run_once(tt_script *s, char *name, size_t size, uint64_t *work, bool *flag)
{
    tt_error err;
    tt_rng rng;
    tt_rng_seed(&rng, 7, 1);
    if (tt_script_begin(s, &rng, NULL, 0, &err) != 0)
        fail_msg("%s", err.message);
    if (tt_script_action_apply(s, 0, 0, "r", &err) != 0)
        fail_msg("%s", err.message);
    *work = tt_script_work(s);
    const tt_kv *kv;
    size_t n;
    assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(kv[i].key, "name") == 0)
            snprintf(name, size, "%s", kv[i].value.as.s);
        else if (strcmp(kv[i].key, "flag") == 0)
            *flag = kv[i].value.as.b;
    }
}

static void first_state_builds_pairs_on_first_use_alike(void **state)
{
    (void)state;
    const char *text = inline_scenario("", DOES, "");
    tt_error err;
    /* The process's first state: pairs and next built at their first call. */
    tt_script *first = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!first)
        fail_msg("%s", err.message);
    char name1[512] = "", name2[512] = "";
    uint64_t work1 = 0, work2 = 0;
    bool flag1 = false, flag2 = false;
    run_once(first, name1, sizeof name1, &work1, &flag1);
    /* A later state: built at set-up from the dump. */
    tt_script *later = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!later)
        fail_msg("%s", err.message);
    run_once(later, name2, sizeof name2, &work2, &flag2);

    const char *order = "1,2,3,4";
    char want[512];
    snprintf(want, sizeof want, "%s,%s,%s|", order, order, order);
    assert_memory_equal(name1, want, strlen(want));
    assert_string_equal(name1, name2); /* the same error text too */
    assert_non_null(strstr(name1, "invalid key to 'next'"));
    assert_true(flag1);
    assert_true(flag2);
    assert_true(work1 > 0);
    assert_int_equal(work1, work2);
    tt_script_free(later);
    tt_script_free(first);
}

/* Keys of every orderable kind: booleans (false first), numbers as Lua's
 * `<` compares integers and floats (2^63 as a float after
 * math.maxinteger, -2^64 before math.mininteger, 2^53 + 1 as an integer
 * after the float 2^53 made an integer key), then strings as Lua's `<`
 * compares them (bytes after an embedded NUL count; a prefix first). The
 * order is the one the Lua sort of the earlier sandbox gave. pairs and
 * next agree. */
static const char MIXED[] =
    "local t = { [true] = 1, [false] = 1, [3] = 1, [-1.5] = 1, [2.5] = 1, [1] = 1,\n"
    "  [math.maxinteger] = 1, [2^63] = 1, [math.mininteger] = 1, [-2^64] = 1,\n"
    "  [9007199254740993] = 1, [2^53] = 1, [2^53 + 2.0] = 1, [1e300] = 1,\n"
    "  [-math.huge] = 1, [math.huge] = 1, [''] = 1, a = 1, ['a\\0b'] = 1,\n"
    "  ['a\\0a'] = 1, ['a\\0'] = 1, ab = 1, b = 1, ['\\0'] = 1, B = 1, ['10'] = 1, ['9'] = 1 }\n"
    "local out, again = {}, {}\n"
    "for k in pairs(t) do out[#out + 1] = string.format('%q', k) end\n"
    "local k = next(t)\n"
    "while k ~= nil do again[#again + 1] = string.format('%q', k); k = next(t, k) end\n"
    "s.name = table.concat(out, ' ')\n"
    "s.flag = table.concat(again, ' ') == s.name";

static void keys_of_every_kind_are_ordered_as_lua_compares_them(void **state)
{
    (void)state;
    const char *text = inline_scenario("", MIXED, "");
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    char name[1024] = "";
    uint64_t work = 0;
    bool flag = false;
    run_once(s, name, sizeof name, &work, &flag);
    assert_string_equal(name,
                        "false true -1e9999 -0x1p+64 0x8000000000000000 -0x1.8p+0 1 "
                        "0x1.4p+1 3 9007199254740992 9007199254740993 9007199254740994 "
                        "9223372036854775807 0x1p+63 0x1.7e43c8800759cp+996 1e9999 "
                        "\"\" \"\\0\" \"10\" \"9\" \"B\" \"a\" \"a\\0\" \"a\\0a\" "
                        "\"a\\0b\" \"ab\" \"b\"");
    assert_true(flag);
    tt_script_free(s);
}

/* pairs and next over a table whose keys sit in the hash part: each state
 * has its own random hash seed, so the raw order the keys are collected in
 * differs from state to state; the work charged must not (a callback near
 * its budget would trip in one run and not in another). The states are
 * kept alive together so that none reuses another's address, and so its
 * seed. The sorted order is checked too. */
#define STATES 24
static const char MANY_KEYS[] =
    "local t = {}\n"
    "for i = 1, 600 do t['key' .. (i * 7919 % 100003)] = i end\n"
    "local count, last, unsorted = 0, '', 0\n"
    "for k in pairs(t) do\n"
    "  count = count + 1\n"
    "  if not (last < k) then unsorted = unsorted + 1 end\n"
    "  last = k\n"
    "end\n"
    "local k = next(t)\n"
    "for _ = 1, 3 do k = next(t, k) end\n"
    "s.name = tostring(count) .. ' ' .. k\n"
    "s.flag = unsorted == 0";

static void work_charged_for_pairs_is_the_same_in_every_state(void **state)
{
    (void)state;
    const char *text = inline_scenario("", MANY_KEYS, "");
    tt_script *s[STATES];
    uint64_t work[STATES];
    char first[64] = "";
    for (int i = 0; i < STATES; i++) {
        tt_error err;
        s[i] = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
        if (!s[i])
            fail_msg("%s", err.message);
        char name[64] = "";
        bool flag = false;
        run_once(s[i], name, sizeof name, &work[i], &flag);
        assert_true(flag);
        if (i == 0)
            snprintf(first, sizeof first, "%s", name);
        assert_string_equal(name, first);
        assert_string_equal(name, "600 key10453");
    }
    for (int i = 1; i < STATES; i++)
        if (work[i] != work[0])
            fail_msg("state %d was charged %llu, state 0 %llu", i,
                     (unsigned long long)work[i], (unsigned long long)work[0]);
    for (int i = 0; i < STATES; i++)
        tt_script_free(s[i]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_state_builds_pairs_on_first_use_alike),
        cmocka_unit_test(keys_of_every_kind_are_ordered_as_lua_compares_them),
        cmocka_unit_test(work_charged_for_pairs_is_the_same_in_every_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
