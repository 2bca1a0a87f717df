/* A hand-built scenario model and journals for the scorecard's unit tests
 * (no Lua, no YAML: the scorecard is a pure function of these two). */
#ifndef TT_TEST_SCORE_FIXTURE_H
#define TT_TEST_SCORE_FIXTURE_H

#include "tabletop/journal.h"
#include "tabletop/scenario.h"

#define MIN(m) ((tt_ms)(m) * 60000)

/* Scenario "fixture": objectives isolate (15m/1h, notice "alert"),
 * report_ministry (party ministry, 1h/4h), recover (4h/8h). */
const tt_scenario *fixture_scenario(void);

typedef struct fixture_journal {
    tt_journal j;
    tt_record recs[64];
    tt_start_info start;
} fixture_journal;

void fj_init(fixture_journal *f, const char *team);
tt_record *fj_add(fixture_journal *f, tt_record_type type, tt_ms t, const char *id);
void fj_action(fixture_journal *f, tt_ms t, const char *action, const char *role,
               const char *note);
void fj_objective(fixture_journal *f, tt_ms t, const char *id, const char *status);
void fj_state(fixture_journal *f, tt_ms t, const char *key, int64_t value);
void fj_end(fixture_journal *f, tt_ms t);

/* The model answer (everything within target), doing nothing, and a
 * mediocre run with a harmful and a wasted action. */
void fj_model(fixture_journal *f);
void fj_nothing(fixture_journal *f);
void fj_mediocre(fixture_journal *f);

/* Write text to a fresh temporary file; returns its path (static buffer per call slot). */
void write_temp(const char *text, size_t len, const char *suffix, char *path, size_t size);

#endif
