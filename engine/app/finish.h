/* The end of every exercise, whichever front-end ran it: the scorecard is
 * written (default: beside the journal) and the exercise recorded in the
 * drill history; the paths are shown. */
#ifndef TABLETOP_APP_FINISH_H
#define TABLETOP_APP_FINISH_H

#include <stdio.h>

#include "tabletop/scenario.h"

/* journal_path must be closed (fully written). card_path / db_path may be
 * NULL for the defaults. cmd ("tabletop run") prefixes the error of a
 * db_path that fails. Returns an exit code. */
int tt_finish_exercise(const char *cmd, const tt_scenario *sc, const char *journal_path,
                       const char *card_path, const char *db_path, tt_lang lang,
                       FILE *out);

/* --scorecard F (a TT_OPT_CUSTOM parser, see options.h): can a scorecard be
 * written at `path` (known format, writable folder)? Checked before a drill
 * starts, not discovered after it. Stores path into *(const char **)dest. */
bool tt_opt_card_path(const char *path, void *dest, char *why, size_t why_size);

/* Default journal path for a new exercise of `scenario_id`:
 * $XDG_DATA_HOME/tabletop/exercises/ID-YYYYmmdd-HHMMSS[-N].journal.yaml
 * (folders created; the file is created empty to reserve the name).
 * false with err (a runtime failure, in lang) on failure. */
bool tt_default_journal_path(const char *scenario_id, tt_lang lang, char *buf, size_t size,
                             tt_error *err);

/* A run setting as journaled in START for `resume` (docs/journal.md): a
 * path made absolute (its folder resolved; the file may not exist yet), a
 * postgresql:// URI without its password (libpq finds it again in
 * PGPASSWORD or ~/.pgpass). NULL in, or no room: buf "" and NULL out. */
const char *tt_run_path_for_journal(const char *spec, char *buf, size_t size);

#endif
