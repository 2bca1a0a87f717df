/* PCG32 (XSH-RR, 64-bit state), M.E. O'Neill, "PCG: A Family of Simple Fast
 * Space-Efficient Statistically Good Algorithms for Random Number Generation"
 * (2014). Chosen because it is small, documented and reproducible everywhere. */
#include "tabletop/sim.h"

void tt_rng_seed(tt_rng *r, uint64_t seed, uint64_t stream)
{
    r->state = 0;
    r->inc = (stream << 1) | 1u;
    tt_rng_next(r);
    r->state += seed;
    tt_rng_next(r);
}

uint32_t tt_rng_next(tt_rng *r)
{
    uint64_t old = r->state;
    r->state = old * 6364136223846793005ULL + r->inc;
    uint32_t xorshifted = (uint32_t)(((old >> 18u) ^ old) >> 27u);
    uint32_t rot = (uint32_t)(old >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((-rot) & 31));
}

/* Unbiased value in [0, bound) by rejection (Lemire's threshold method). */
static uint64_t bounded64(tt_rng *r, uint64_t bound)
{
    if (bound <= UINT32_MAX) {
        uint32_t b = (uint32_t)bound;
        uint32_t threshold = (uint32_t)(-b) % b;
        for (;;) {
            uint32_t x = tt_rng_next(r);
            if (x >= threshold)
                return x % b;
        }
    }
    uint64_t threshold = (uint64_t)(-bound) % bound;
    for (;;) {
        uint64_t hi = tt_rng_next(r);
        uint64_t x = (hi << 32) | tt_rng_next(r);
        if (x >= threshold)
            return x % bound;
    }
}

int64_t tt_rng_range(tt_rng *r, int64_t lo, int64_t hi)
{
    if (lo >= hi)
        return lo;
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    if (span == UINT64_MAX) {
        uint64_t upper = tt_rng_next(r); /* one call per statement: C leaves the */
        uint64_t lower = tt_rng_next(r); /* order of calls in one expression open */
        return (int64_t)((upper << 32) | lower);
    }
    return (int64_t)((uint64_t)lo + bounded64(r, span + 1));
}

double tt_rng_unit(tt_rng *r)
{
    /* 53 random bits -> [0, 1). */
    uint64_t hi = tt_rng_next(r);
    uint64_t x = (hi << 32) | tt_rng_next(r);
    return (double)(x >> 11) * (1.0 / 9007199254740992.0);
}
