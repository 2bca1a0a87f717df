/* Golden-run harness: runs a scenario with a scripted answer headless (the
 * same path as `tabletop run --ui none`) and answers questions about what
 * happened, from the journal it wrote. Shared by tests/golden/test_*.c. */
#ifndef TABLETOP_TESTS_GOLDEN_H
#define TABLETOP_TESTS_GOLDEN_H

#include "tabletop/journal.h"
#include "tabletop/script.h"

typedef struct golden_run {
    tt_script *script;     /* the loaded scenario */
    tt_journal journal;    /* every record of the run */
    char journal_path[512];
} golden_run;

/* Run scenarios/ID.lua with scenarios/answers/ID/ANSWER.yaml. seed 0 means
 * the script's own seed (or 1). Fails the current cmocka test on error. */
void golden_run_answer(const char *scenario_id, const char *answer, uint64_t seed,
                       golden_run *out);
/* Same with an action script given as YAML text (property tests). */
void golden_run_yaml(const char *scenario_id, const char *yaml, uint64_t seed,
                     golden_run *out);
void golden_free(golden_run *r);

const tt_scenario *golden_scenario(const golden_run *r);
/* When the objective was reached; TT_MS_NEVER when it was not. */
tt_ms golden_reached(const golden_run *r, const char *objective);
/* Number of objectives reached, and how many of those within target. */
size_t golden_count_reached(const golden_run *r, size_t *within_target);
/* Last value of a state key (numeric view; booleans 0/1). Fails the test if
 * the key never appears in the journal. */
double golden_final(const golden_run *r, const char *key);
/* Value of a state key as of simulated time t. */
double golden_value_at(const golden_run *r, const char *key, tt_ms t);
/* When the inject (by id) fired; TT_MS_NEVER when it did not. */
tt_ms golden_inject_time(const golden_run *r, const char *inject_id);
/* Count of records of a type (e.g. TT_REC_MESSAGE from an actor: pass from). */
size_t golden_count(const golden_run *r, tt_record_type type, const char *from);
/* Simulated time of the END record and its reason. */
tt_ms golden_end_time(const golden_run *r, const char **reason);

/* Every objective reached, all within target (the model answer's promise);
 * the message names the seed. */
void golden_assert_all_within_target(const golden_run *r, uint64_t seed);
/* Every lesson of the scenario is covered by an action the run took. */
void golden_assert_lessons_covered(const golden_run *r);
/* Every item of the scenario's `history` that names an action and a time
 * was taken at the item's time (for runs of history.yaml). */
void golden_assert_history_replayed(const golden_run *r);

#endif
