/* Simulation core: queue ordering with ties, clock and pause arithmetic,
 * RNG reproducibility, the exercise state machine. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "tabletop/sim.h"

static void queue_orders_by_time_then_insertion(void **state)
{
    (void)state;
    tt_queue q;
    tt_queue_init(&q);
    /* Many ties at t=5 interleaved with other times. */
    for (int i = 0; i < 100; i++)
        assert_true(tt_queue_push(&q, (i % 3 == 0) ? 5 : 100 - i, 0, i, 0));
    tt_event prev = { -1, 0, 0, 0, 0 }, e;
    int popped = 0;
    while (tt_queue_pop(&q, &e)) {
        assert_true(e.time >= prev.time);
        if (e.time == prev.time)
            assert_true(e.index > prev.index); /* FIFO among ties */
        prev = e;
        popped++;
    }
    assert_int_equal(popped, 100);
    assert_false(tt_queue_peek(&q, &e));
    tt_queue_free(&q);
}

static void queue_peek_does_not_remove(void **state)
{
    (void)state;
    tt_queue q;
    tt_queue_init(&q);
    assert_true(tt_queue_push(&q, 10, 1, 2, 3));
    tt_event e;
    assert_true(tt_queue_peek(&q, &e));
    assert_int_equal(e.time, 10);
    assert_int_equal(q.count, 1);
    assert_true(tt_queue_pop(&q, &e));
    assert_int_equal(e.kind, 1);
    assert_int_equal(e.arg, 3);
    tt_queue_free(&q);
}

static void clock_runs_pauses_and_changes_speed(void **state)
{
    (void)state;
    tt_clock c;
    tt_clock_init(&c, 10.0);
    assert_int_equal(tt_clock_now(&c, 5000), 0); /* not started */
    tt_clock_start(&c, 1000);
    assert_int_equal(tt_clock_now(&c, 2000), 10000);
    tt_clock_pause(&c, 3000);                     /* sim 20 s */
    assert_int_equal(tt_clock_now(&c, 99000), 20000);
    assert_int_equal(tt_clock_wall_until(&c, 30000, 99000), -1);
    tt_clock_resume(&c, 100000);
    assert_int_equal(tt_clock_now(&c, 101000), 30000);
    tt_clock_set_speed(&c, 60.0, 101000);
    assert_int_equal(tt_clock_now(&c, 102000), 90000);
    assert_int_equal(tt_clock_wall_until(&c, 150000, 102000), 1000);
    tt_clock_jump(&c, 600000, 102000);
    assert_int_equal(tt_clock_now(&c, 102000), 600000);
    tt_clock_jump(&c, 1000, 102000);              /* never backwards */
    assert_int_equal(tt_clock_now(&c, 102000), 600000);
}

static void rng_is_reproducible_and_in_range(void **state)
{
    (void)state;
    tt_rng a, b, c;
    tt_rng_seed(&a, 42, 54);
    tt_rng_seed(&b, 42, 54);
    tt_rng_seed(&c, 43, 54);
    int same_as_other_seed = 0;
    for (int i = 0; i < 1000; i++) {
        uint32_t x = tt_rng_next(&a);
        assert_int_equal(x, tt_rng_next(&b));
        same_as_other_seed += x == tt_rng_next(&c);
    }
    assert_true(same_as_other_seed < 5);
    /* Known answer from the PCG reference (pcg32-demo, seed 42, stream 54). */
    tt_rng_seed(&a, 42, 54);
    assert_int_equal(tt_rng_next(&a), 0xa15c02b7);
    assert_int_equal(tt_rng_next(&a), 0x7b47f409);
    int seen[7] = { 0 };
    for (int i = 0; i < 7000; i++) {
        int64_t v = tt_rng_range(&a, -3, 3);
        assert_true(v >= -3 && v <= 3);
        seen[v + 3]++;
        double u = tt_rng_unit(&a);
        assert_true(u >= 0.0 && u < 1.0);
    }
    for (int i = 0; i < 7; i++)
        assert_true(seen[i] > 800); /* roughly uniform */
    assert_int_equal(tt_rng_range(&a, 5, 5), 5);
}

static void phase_machine_allows_only_valid_steps(void **state)
{
    (void)state;
    tt_phase p = TT_PHASE_READY;
    assert_false(tt_phase_step(&p, TT_GO_PAUSE));
    assert_true(tt_phase_step(&p, TT_GO_START));
    assert_false(tt_phase_step(&p, TT_GO_START));
    assert_false(tt_phase_step(&p, TT_GO_RESUME));
    assert_true(tt_phase_step(&p, TT_GO_PAUSE));
    assert_int_equal(p, TT_PHASE_PAUSED);
    assert_true(tt_phase_step(&p, TT_GO_RESUME));
    assert_true(tt_phase_step(&p, TT_GO_END));
    assert_false(tt_phase_step(&p, TT_GO_END));
    assert_string_equal(tt_phase_name(p), "ended");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(queue_orders_by_time_then_insertion),
        cmocka_unit_test(queue_peek_does_not_remove),
        cmocka_unit_test(clock_runs_pauses_and_changes_speed),
        cmocka_unit_test(rng_is_reproducible_and_in_range),
        cmocka_unit_test(phase_machine_allows_only_valid_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
