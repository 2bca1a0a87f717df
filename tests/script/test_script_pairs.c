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
 * next; the order goes into the state. The table has array keys only: the
 * raw order the ordered pairs sorts from is then the same in every state
 * (with keys in the hash part it follows the state's hash seed, and so do
 * the sort's comparisons and the work charged). */
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_state_builds_pairs_on_first_use_alike),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
