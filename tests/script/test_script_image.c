/* A script reused for many exercises keeps an image of a freshly built
 * state (engine/script/blocks.c, tt_sandbox_save) and writes it back
 * before each later exercise instead of building the state again. The
 * region allocator behind it hands out, frees and restores blocks right;
 * an exercise that mutates library tables, globals and captured locals
 * leaves nothing behind for the next; a restored state counts the same
 * memory and work as the state the image was taken from. (Journals of
 * restored states equal first builds': tests/exercise/test_rebuild.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "fixture.h"
#include "host.h"
#include "tabletop/script.h"
#include "tabletop/sim.h"

#define NAME "scenarios/inline.lua"

static void region_blocks_are_reused_saved_and_restored(void **state)
{
    (void)state;
    tt_blocks *b = tt_blocks_new(64 << 10);
    assert_non_null(b);
    /* Freed blocks come back for their size class. */
    char *a = tt_blocks_realloc(b, NULL, 0, 40);
    assert_non_null(a);
    assert_null(tt_blocks_realloc(b, a, 40, 0));
    char *again = tt_blocks_realloc(b, NULL, 0, 33);
    assert_ptr_equal(again, a);
    /* Growing within the class keeps the block and its bytes. */
    memset(again, 'x', 33);
    assert_ptr_equal(tt_blocks_realloc(b, again, 33, 48), again);
    char *big = tt_blocks_realloc(b, again, 48, 3000);
    assert_non_null(big);
    assert_int_equal(big[32], 'x');

    tt_blocks_image *img = tt_blocks_save(b);
    assert_non_null(img);
    assert_true(tt_blocks_image_size(img) >= 3000 + 48);
    memset(big, 'y', 3000);
    char *more = tt_blocks_realloc(b, NULL, 0, 200);
    assert_non_null(more);
    /* Past the region's 64 KiB: malloc'ed outside it (ASan sees a leak if a
     * restore forgets it), and no image can be taken then. */
    char *outside = tt_blocks_realloc(b, NULL, 0, 100 << 10);
    assert_non_null(outside);
    memset(outside, 'z', 100 << 10);
    outside = tt_blocks_realloc(b, outside, 100 << 10, 200 << 10);
    assert_non_null(outside);
    assert_int_equal(outside[(100 << 10) - 1], 'z');
    assert_null(tt_blocks_save(b));

    tt_blocks_restore(b, img);
    assert_int_equal(big[32], 'x'); /* the bytes as saved */
    assert_int_equal(big[100], 0); /* not the 'y' written after the image */
    /* The lists as saved: the next block of 200 bytes is the one handed
     * out after the image, at the same address. */
    assert_ptr_equal(tt_blocks_realloc(b, NULL, 0, 200), more);
    tt_blocks_image *after = tt_blocks_save(b); /* nothing outside any more */
    assert_non_null(after);
    tt_blocks_image_free(after);
    tt_blocks_image_free(img);
    tt_blocks_free(b);
}

/* Each exercise's `does` records what it finds, then breaks the libraries,
 * sets a global and bumps a captured local: the next exercise must find
 * everything as a fresh state has it. */
static const char TOP[] = "local calls = 0";
static const char DOES[] =
    "calls = calls + 1\n"
    "s.n = calls * 1000 + (string.upper and 100 or 0) + (math.pi < 4 and 10 or 0)"
    " + (leftover == nil and 1 or 0)\n"
    "s.name = string.rep('ab', 3) .. tostring(#table.concat({ 'x', 'y' }))\n"
    "string.upper = nil; math.pi = 4; table.concat = nil; leftover = true\n"
    "string.rep = function() return 'broken' end\n"
    "local junk = {} for i = 1, 2000 do junk[i] = { i, tostring(i) } end\n"
    "s.flag = #junk == 2000";

static void restored_states_start_over(void **state)
{
    (void)state;
    const char *text = inline_scenario(TOP, DOES, "");
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    size_t used[8];
    uint64_t work[8];
    for (int i = 0; i < 8; i++) {
        tt_rng rng;
        tt_rng_seed(&rng, 7, 1);
        if (tt_script_begin(s, &rng, NULL, 0, &err) != 0)
            fail_msg("exercise %d: %s", i, err.message);
        /* From the third exercise on (the first light rebuild takes the
         * image) the state is the image written back. */
        assert_true(i < 2 || s->image != NULL);
        used[i] = s->sb->used;
        if (tt_script_action_apply(s, 0, 0, "r", &err) != 0)
            fail_msg("exercise %d: %s", i, err.message);
        work[i] = tt_script_work(s);
        const tt_kv *kv;
        size_t n;
        assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
        bool seen_n = false;
        for (size_t k = 0; k < n; k++) {
            if (strcmp(kv[k].key, "n") == 0) {
                assert_int_equal(kv[k].value.as.i, 1111);
                seen_n = true;
            } else if (strcmp(kv[k].key, "name") == 0) {
                assert_string_equal(kv[k].value.as.s, "ababab2");
            } else if (strcmp(kv[k].key, "flag") == 0) {
                assert_true(kv[k].value.as.b);
            }
        }
        assert_true(seen_n);
    }
    /* The same memory held and the same work charged as by the state the
     * image was taken from (the third). */
    for (int i = 3; i < 8; i++) {
        assert_int_equal(used[i], used[2]);
        assert_int_equal(work[i], work[2]);
    }
    tt_script_free(s);
}

/* A state built after a restore (a second script, same text) is the same
 * as the restored one, so the image adds nothing of its own: the same
 * counts, the same results. */
static void restored_state_counts_as_a_fresh_build(void **state)
{
    (void)state;
    const char *text = inline_scenario(TOP, DOES, "");
    tt_error err;
    tt_script *a = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    tt_script *b = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    assert_non_null(a);
    assert_non_null(b);
    tt_rng rng;
    tt_rng_seed(&rng, 7, 1);
    for (int i = 0; i < 5; i++) { /* a: restored from the third on */
        assert_int_equal(tt_script_begin(a, &rng, NULL, 0, &err), 0);
        assert_int_equal(tt_script_action_apply(a, 0, 0, "r", &err), 0);
    }
    for (int i = 0; i < 3; i++) { /* b: the third is a light build */
        assert_int_equal(tt_script_begin(b, &rng, NULL, 0, &err), 0);
        if (i < 2)
            assert_int_equal(tt_script_action_apply(b, 0, 0, "r", &err), 0);
    }
    assert_int_equal(tt_script_begin(a, &rng, NULL, 0, &err), 0);
    assert_int_equal(a->sb->used, b->sb->used);
    assert_int_equal(tt_script_action_apply(a, 0, 0, "r", &err), 0);
    assert_int_equal(tt_script_action_apply(b, 0, 0, "r", &err), 0);
    assert_int_equal(tt_script_work(a), tt_script_work(b));
    assert_int_equal(a->sb->used, b->sb->used);
    tt_script_free(a);
    tt_script_free(b);
}

/* Limits hold in restored states exactly as in built ones: a `does`
 * that fills memory meets the cap, one that loops meets the budget, every
 * exercise alike; a string larger than the region's largest class (here
 * 20 MB under a 64 MiB cap) is malloc'ed outside it, and the next
 * exercise still starts from the image (that the restore frees such
 * blocks: region_blocks_are_reused_saved_and_restored). */
static void limits_hold_in_restored_states(void **state)
{
    (void)state;
    static const struct {
        const char *does, *want;
    } list[] = {
        { "local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1e2):rep(1e3) .. i end", "memory cap of 16 MiB exceeded" },
        { "local s = 'x' while true do s = s .. s end", "memory cap of 16 MiB exceeded" },
        { "while true do end", "instruction budget of" },
        { "local x = ('x'):rep(1e4):rep(2e3) error('made ' .. #x)", "made 20000000" },
    };
    for (size_t t = 0; t < sizeof list / sizeof list[0]; t++) {
        tt_sandbox_limits l = { 0 };
        l.memory_bytes = (size_t)(t < 3 ? 16 : 64) << 20;
        const char *text = inline_scenario(NULL, list[t].does, "");
        tt_error err;
        tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), &l, &err);
        if (!s)
            fail_msg("%s", err.message);
        char first[sizeof err.message] = "";
        uint64_t work = 0;
        for (int i = 0; i < 6; i++) {
            tt_rng rng;
            tt_rng_seed(&rng, 3, 1);
            if (tt_script_begin(s, &rng, NULL, 0, &err) != 0)
                fail_msg("%s, exercise %d: %s", list[t].does, i, err.message);
            assert_int_equal(tt_script_action_apply(s, 0, 0, "r", &err), -1);
            if (!strstr(err.message, list[t].want))
                fail_msg("%s, exercise %d: %s", list[t].does, i, err.message);
            if (i == 2) {
                snprintf(first, sizeof first, "%s", err.message);
                work = tt_script_work(s);
            } else if (i > 2) {
                assert_string_equal(err.message, first);
                assert_int_equal(tt_script_work(s), work);
            }
        }
        assert_non_null(s->image);
        tt_script_free(s);
    }
}

/* Writes find a declared key by the address of its interned name
 * (state.c): in every state, the image's included, a name made at run
 * time and a long name (another object with the same bytes) reach the
 * same key, and undeclared keys and wrong kinds are refused as before. */
#define LONG_KEY "a_state_key_whose_name_is_much_longer_than_forty_bytes"
static const char KEYS_SCENARIO[] =
    "local T = { ja = 't', en = 't' }\n"
    "return scenario {\n"
    "  id = 'keys', source = 't', title = T, summary = T, length = '1h', invented = T,\n"
    "  roles = { r = { name = T } },\n"
    "  state = { n = 0, flag = false, " LONG_KEY " = 0 },\n"
    "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n"
    "  actions = {\n"
    "    a = { by = 'r', label = T, completes = 'o', repeatable = true, does = function(s)\n"
    "      local long = 'a_state_key_whose_name_is_' .. 'much_longer_than_forty_bytes'\n"
    "      s[long] = s[long] + 5\n"
    "      s['fl' .. 'ag'] = true\n"
    "      s.n = s.n + 2.0\n"
    "    end },\n"
    "    b = { by = 'r', label = T, repeatable = true, does = function(s) s.flg = true end },\n"
    "    c = { by = 'r', label = T, repeatable = true, does = function(s) s.n = 'x' end },\n"
    "  },\n"
    "}\n";

static void writes_find_their_keys_in_every_state(void **state)
{
    (void)state;
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, KEYS_SCENARIO, strlen(KEYS_SCENARIO), NULL, &err);
    if (!s)
        fail_msg("%s", err.message);
    for (int i = 0; i < 6; i++) {
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        assert_int_equal(tt_script_begin(s, &rng, NULL, 0, &err), 0);
        for (int twice = 0; twice < 2; twice++)
            if (tt_script_action_apply(s, 0, 0, "r", &err) != 0)
                fail_msg("exercise %d: %s", i, err.message);
        const tt_kv *kv;
        size_t n;
        assert_int_equal(tt_script_state(s, &kv, &n, &err), 0);
        assert_int_equal(n, 3);
        for (size_t k = 0; k < n; k++) {
            if (strcmp(kv[k].key, LONG_KEY) == 0)
                assert_int_equal(kv[k].value.as.i, 10);
            else if (strcmp(kv[k].key, "n") == 0) {
                assert_int_equal(kv[k].value.type, TT_VAL_INT); /* 4.0 stored as 4 */
                assert_int_equal(kv[k].value.as.i, 4);
            } else
                assert_true(kv[k].value.as.b);
        }
        assert_int_equal(tt_script_action_apply(s, 1, 0, "r", &err), -1);
        if (!strstr(err.message, "flg"))
            fail_msg("exercise %d: %s", i, err.message);
        assert_int_equal(tt_script_action_apply(s, 2, 0, "r", &err), -1);
        if (!strstr(err.message, "state.n"))
            fail_msg("exercise %d: %s", i, err.message);
    }
    assert_non_null(s->image);
    tt_script_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(region_blocks_are_reused_saved_and_restored),
        cmocka_unit_test(restored_states_start_over),
        cmocka_unit_test(restored_state_counts_as_a_fresh_build),
        cmocka_unit_test(limits_hold_in_restored_states),
        cmocka_unit_test(writes_find_their_keys_in_every_state),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
