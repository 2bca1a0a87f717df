/* Deterministic simulation core: no I/O, no Lua.
 * Clock (simulated ms, driven from wall time with a speed factor and pauses),
 * event queue ordered by (time, insertion sequence), seeded RNG (PCG32), and
 * the exercise state machine ready -> running <-> paused -> ended. */
#ifndef TABLETOP_SIM_H
#define TABLETOP_SIM_H

#include "tabletop/base.h"

/* ---- RNG: PCG32 (O'Neill, pcg-random.org, XSH-RR 64/32) ---- */
typedef struct tt_rng {
    uint64_t state;
    uint64_t inc;
} tt_rng;

void tt_rng_seed(tt_rng *r, uint64_t seed, uint64_t stream);
uint32_t tt_rng_next(tt_rng *r);
/* Uniform integer in [lo, hi] without modulo bias; lo > hi returns lo. */
int64_t tt_rng_range(tt_rng *r, int64_t lo, int64_t hi);
/* Uniform double in [0, 1). */
double tt_rng_unit(tt_rng *r);

/* ---- Event queue: binary min-heap on (time, seq) ---- */
typedef struct tt_event {
    tt_ms time;
    uint64_t seq;  /* insertion order: ties fire first-in first-out */
    int kind;      /* meaning is the caller's */
    int index;     /* meaning is the caller's */
    int64_t arg;   /* meaning is the caller's */
} tt_event;

typedef struct tt_queue {
    tt_event *items;
    size_t count;
    size_t capacity;
    uint64_t next_seq;
} tt_queue;

void tt_queue_init(tt_queue *q);
void tt_queue_free(tt_queue *q);
/* Returns false on allocation failure (queue unchanged). */
bool tt_queue_push(tt_queue *q, tt_ms time, int kind, int index, int64_t arg);
bool tt_queue_peek(const tt_queue *q, tt_event *out);
bool tt_queue_pop(tt_queue *q, tt_event *out);

/* ---- Clock: maps wall time to simulated time ----
 * sim = base_sim + (wall - base_wall) * speed while running; frozen when paused. */
typedef struct tt_clock {
    tt_ms base_sim;
    int64_t base_wall_ms;
    double speed;
    bool running;
} tt_clock;

void tt_clock_init(tt_clock *c, double speed);
void tt_clock_start(tt_clock *c, int64_t wall_ms);
void tt_clock_pause(tt_clock *c, int64_t wall_ms);
void tt_clock_resume(tt_clock *c, int64_t wall_ms);
void tt_clock_set_speed(tt_clock *c, double speed, int64_t wall_ms);
/* Jump the simulated clock forward (never backward) to sim_ms. */
void tt_clock_jump(tt_clock *c, tt_ms sim_ms, int64_t wall_ms);
tt_ms tt_clock_now(const tt_clock *c, int64_t wall_ms);
/* Wall milliseconds until the clock reaches sim_ms (0 if past, -1 if paused). */
int64_t tt_clock_wall_until(const tt_clock *c, tt_ms sim_ms, int64_t wall_ms);

/* ---- Exercise state machine ---- */
typedef enum tt_phase {
    TT_PHASE_READY,
    TT_PHASE_RUNNING,
    TT_PHASE_PAUSED,
    TT_PHASE_ENDED
} tt_phase;

typedef enum tt_transition {
    TT_GO_START,
    TT_GO_PAUSE,
    TT_GO_RESUME,
    TT_GO_END
} tt_transition;

/* Returns false (phase unchanged) when the transition is not allowed. */
bool tt_phase_step(tt_phase *phase, tt_transition t);
const char *tt_phase_name(tt_phase p);

#endif
