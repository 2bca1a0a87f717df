/* Shared by `tabletop replay` and `tabletop resume`: read a journal and load
 * the scenario it was recorded with (checked by content hash). */
#ifndef TABLETOP_APP_JOURNAL_OPEN_H
#define TABLETOP_APP_JOURNAL_OPEN_H

#include "tabletop/journal.h"
#include "tabletop/script.h"

/* scenario_arg (an id or a path) overrides the path the journal recorded.
 * Messages are printed with `cmd` as prefix, in lang. Returns the exit
 * code of the failure's class; on TT_EXIT_OK *j and *script are the
 * caller's to free. */
int tt_open_journal_scenario(const char *cmd, const char *journal_path,
                             const char *scenario_arg, tt_lang lang, tt_journal *j,
                             tt_script **script);

#endif
