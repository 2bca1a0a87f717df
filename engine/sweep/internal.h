/* The aggregated outcome of a sweep, shared by the runner and the writers. */
#ifndef TT_SWEEP_INTERNAL_H
#define TT_SWEEP_INTERNAL_H

#include "tabletop/sweep.h"

#define SW_BINS 10
#define SW_MAX_LISTED 20     /* failures listed per answer (all are counted) */

/* A distribution of values over runs (nearest-rank percentiles: every
 * figure is one run's value, except the mean). */
typedef struct sw_dist {
    size_t n;                 /* values (0: the rest is meaningless) */
    double min, p10, median, mean, p90, max;
    uint64_t min_seed, max_seed;   /* the smallest seed giving min / max */
    double lo, hi;            /* histogram range */
    size_t hist[SW_BINS];
} sw_dist;

typedef struct sw_objective {
    const tt_objective *def;
    size_t reached;           /* runs that reached it */
    sw_dist reach_s;          /* seconds from the start, over those runs */
    size_t ratings[4];        /* P, S, M, U over all scored runs */
} sw_objective;

typedef struct sw_metric {
    const tt_metric *def;
    sw_dist value;            /* final value over the runs that have one */
} sw_metric;

typedef struct sw_failure {
    uint64_t seed;
    char message[240];
} sw_failure;

typedef struct sw_answer {
    const char *path;
    size_t runs;              /* exercises played */
    size_t scored;            /* of which scored (the rest failed) */
    sw_dist score;
    size_t ratings[4];
    sw_objective *objectives; /* scenario order */
    sw_metric *metrics;       /* damage metrics, scenario order */
    size_t n_metrics;
    size_t n_failures;
    sw_failure listed[SW_MAX_LISTED];
} sw_answer;

struct tt_sweep {
    const tt_scenario *sc;
    char *scenario_path;
    uint64_t first_seed, last_seed;
    bool strict;
    int jobs;
    double seconds;           /* wall time of the runs */
    tt_kv *overrides;         /* copies */
    size_t n_overrides;
    sw_answer *answers;
    size_t n_answers;
    size_t failures;
};

#endif
