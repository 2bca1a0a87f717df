/* When the trend memo may keep a history file's stat: only when a later
 * write could not leave the same change time. File systems that keep
 * whole seconds (no fraction) settle only in a later second. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "store.h"

static bool settled(long cs, long cn, long ns, long nn)
{
    struct timespec changed = { .tv_sec = cs, .tv_nsec = cn };
    struct timespec now = { .tv_sec = ns, .tv_nsec = nn };
    return store_memo_settled(&changed, &now);
}

static void test_fine_stamps(void **state)
{
    (void)state;
    assert_true(settled(100, 4000000, 100, 8000000));   /* an earlier tick */
    assert_true(settled(99, 999000000, 100, 1000));
    assert_false(settled(100, 8000000, 100, 8000000));  /* the same tick */
    assert_false(settled(100, 9000000, 100, 8000000));  /* after the clock read */
    assert_false(settled(101, 1000, 100, 8000000));
}

static void test_whole_second_stamps(void **state)
{
    (void)state;
    /* Changed at 100.0 and read at 100.5: a write at 100.7 would also show
     * 100.0, so the stat cannot tell; at 101.2 it can. */
    assert_false(settled(100, 0, 100, 500000000));
    assert_false(settled(100, 0, 100, 0));
    assert_true(settled(100, 0, 101, 200000000));
    assert_true(settled(100, 0, 101, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fine_stamps),
        cmocka_unit_test(test_whole_second_stamps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
