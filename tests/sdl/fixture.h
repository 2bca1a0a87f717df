/* A hand-built scenario and journal for dashboard tests: three objectives
 * (one reached, one missed, one open at the end), Japanese and English
 * texts, metrics, actors of two kinds and a harmful action. */
#ifndef TT_TEST_SDL_FIXTURE_H
#define TT_TEST_SDL_FIXTURE_H

#include "tabletop/journal.h"
#include "tabletop/scenario.h"

#define MIN(m) ((tt_ms)(m) * 60 * 1000)

typedef struct fixture {
    tt_scenario sc;
    tt_journal j;
} fixture;

/* Fills f; everything lives in f->sc.arena / static storage. */
void fixture_build(fixture *f);
void fixture_free(fixture *f);

#endif
