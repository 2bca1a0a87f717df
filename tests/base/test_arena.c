/* The bump arena: a reset arena hands out zeroed memory again, from the
 * block it kept, and forgets (frees) the others; ASan checks the frees. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/base.h"

static void reset_reuses_one_block_and_zeroes(void **state)
{
    (void)state;
    tt_arena a = { 0 };
    char *first = tt_arena_alloc(&a, 100);
    assert_non_null(first);
    memset(first, 'x', 100);
    /* Larger than a block: a block of its own, freed by the reset. */
    assert_non_null(tt_arena_alloc(&a, 200 * 1024));
    /* Fill the standard block so a second one is made too. */
    for (int i = 0; i < 100; i++)
        assert_non_null(tt_arena_alloc(&a, 1024));
    /* Its size counts every block: the large one and three standard ones. */
    assert_int_equal(tt_arena_size(&a), 200 * 1024 + 3 * 64 * 1024);
    tt_arena_reset(&a);
    assert_int_equal(tt_arena_size(&a), 64 * 1024);
    assert_non_null(a.head);
    char *again = tt_arena_alloc(&a, 100);
    assert_non_null(again);
    for (int i = 0; i < 100; i++)
        assert_int_equal(again[i], 0);
    assert_non_null(tt_arena_strdup(&a, "kept"));
    tt_arena_free(&a);
    assert_null(a.head);
}

static void reset_hands_out_the_same_block_again(void **state)
{
    (void)state;
    tt_arena a = { 0 };
    char *first = tt_arena_alloc(&a, 64);
    assert_non_null(tt_arena_alloc(&a, 64));
    tt_arena_reset(&a);
    assert_ptr_equal(tt_arena_alloc(&a, 64), first);
    tt_arena_free(&a);
}

static void reset_of_an_empty_arena_is_empty(void **state)
{
    (void)state;
    tt_arena a = { 0 };
    tt_arena_reset(&a);
    assert_null(a.head);
    assert_int_equal(tt_arena_size(&a), 0);
    assert_non_null(tt_arena_alloc(&a, 8));
    tt_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reset_reuses_one_block_and_zeroes),
        cmocka_unit_test(reset_hands_out_the_same_block_again),
        cmocka_unit_test(reset_of_an_empty_arena_is_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
