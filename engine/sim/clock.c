/* Simulated clock driven by wall time: sim advances at `speed` simulated ms
 * per wall ms while running and stands still while paused. Rebasing at every
 * change keeps the arithmetic exact across many pauses and speed changes. */
#include "tabletop/sim.h"

#include <math.h>

void tt_clock_init(tt_clock *c, double speed)
{
    c->base_sim = 0;
    c->base_wall_ms = 0;
    c->speed = speed > 0 && isfinite(speed) ? speed : 1.0;
    c->running = false;
}

static tt_ms project(const tt_clock *c, int64_t wall_ms)
{
    if (!c->running || wall_ms <= c->base_wall_ms)
        return c->base_sim;
    double d = (double)(wall_ms - c->base_wall_ms) * c->speed;
    if (d >= (double)(TT_MS_NEVER - c->base_sim))
        return TT_MS_NEVER - 1;
    return c->base_sim + (tt_ms)d;
}

static void rebase(tt_clock *c, int64_t wall_ms)
{
    c->base_sim = project(c, wall_ms);
    c->base_wall_ms = wall_ms;
}

void tt_clock_start(tt_clock *c, int64_t wall_ms)
{
    c->base_wall_ms = wall_ms;
    c->running = true;
}

void tt_clock_pause(tt_clock *c, int64_t wall_ms)
{
    rebase(c, wall_ms);
    c->running = false;
}

void tt_clock_resume(tt_clock *c, int64_t wall_ms)
{
    c->base_wall_ms = wall_ms;
    c->running = true;
}

void tt_clock_set_speed(tt_clock *c, double speed, int64_t wall_ms)
{
    rebase(c, wall_ms);
    if (speed > 0 && isfinite(speed))
        c->speed = speed;
}

void tt_clock_jump(tt_clock *c, tt_ms sim_ms, int64_t wall_ms)
{
    rebase(c, wall_ms);
    if (sim_ms > c->base_sim)
        c->base_sim = sim_ms;
}

tt_ms tt_clock_now(const tt_clock *c, int64_t wall_ms)
{
    return project(c, wall_ms);
}

int64_t tt_clock_wall_until(const tt_clock *c, tt_ms sim_ms, int64_t wall_ms)
{
    if (!c->running)
        return -1;
    tt_ms now = project(c, wall_ms);
    if (sim_ms <= now)
        return 0;
    double w = ceil((double)(sim_ms - now) / c->speed);
    return w > 1e15 ? (int64_t)1e15 : (int64_t)w;
}
