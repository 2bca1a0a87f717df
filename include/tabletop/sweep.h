/* Batch runs (tabletop sweep): each answer script of a scenario played over
 * a range of seeds, every exercise scored in memory (no journal files), in
 * parallel worker processes, and the distribution of the outcomes: score
 * and rating, each objective's reach time and rating, each damage metric.
 * Each exercise is deterministic, so the result does not depend on the
 * number of workers. The JSON report is a contract: docs/sweep.md. */
#ifndef TABLETOP_SWEEP_H
#define TABLETOP_SWEEP_H

#include "tabletop/inputs.h"
#include "tabletop/score.h"
#include "tabletop/script.h"

typedef struct tt_sweep_config {
    tt_script *script;                 /* loaded; workers are forked from it */
    const char *scenario_path;         /* shown in the report */
    const tt_action_script *answers;   /* one per --script, in order */
    size_t n_answers;
    const tt_kv *overrides;            /* --set: win over each script's settings */
    size_t n_overrides;
    uint64_t first_seed, last_seed;    /* inclusive */
    int jobs;                          /* worker processes; 1 runs in this process */
    bool strict;                       /* a refused step fails the exercise */
    /* Called in this process as exercises finish (at most ~10 times a second
     * is the caller's business); may be NULL. */
    void (*progress)(void *user, size_t done, size_t total);
    void *progress_user;
} tt_sweep_config;

typedef struct tt_sweep tt_sweep;

/* Check every answer's settings (bad input: -1 with *bad_input set), run
 * every exercise and aggregate. An exercise that fails (a runtime error of
 * the scenario, or a refused step with strict) is counted and listed, not
 * fatal; tt_sweep_failures tells how many. -1 with err on a failure of the
 * sweep itself (a worker that died, out of memory). */
int tt_sweep_run(const tt_sweep_config *cfg, tt_sweep **out, bool *bad_input, tt_error *err);
size_t tt_sweep_failures(const tt_sweep *sw);
void tt_sweep_free(tt_sweep *sw);

typedef enum tt_sweep_format { TT_SWEEP_HTML, TT_SWEEP_MD, TT_SWEEP_JSON } tt_sweep_format;
bool tt_sweep_format_from_path(const char *path, tt_sweep_format *out);
/* Render to a malloc'd NUL-terminated string; write atomically (temporary
 * file, then rename). */
char *tt_sweep_render(const tt_sweep *sw, tt_sweep_format fmt, tt_lang lang, size_t *len,
                      tt_error *err);
int tt_sweep_write(const tt_sweep *sw, const char *path, tt_sweep_format fmt, tt_lang lang,
                   tt_error *err);

#endif
