/* Finding scenarios: by id in the scenario folders, or by path. */
#ifndef TABLETOP_APP_LOCATE_H
#define TABLETOP_APP_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

#include "tabletop/script.h"

/* Folders searched for ID.lua, in order: $TABLETOP_SCENARIOS (colon-
 * separated), ./scenarios, the built-in folder. */
#define TT_SCENARIO_DIRS_MAX 16
#define TT_SCENARIO_DIR_SIZE 4096
/* Fills `dirs` and *n; false, with a message in `why`, when
 * $TABLETOP_SCENARIOS names more folders than fit or one too long to hold:
 * a folder left out unsaid would hide its scenarios. */
bool tt_scenario_dirs(char dirs[TT_SCENARIO_DIRS_MAX][TT_SCENARIO_DIR_SIZE], size_t *n,
                      char *why, size_t why_size);
/* A path (contains '/' or ends in .lua) is taken as is; an id is looked up.
 * false with a message listing where it looked. */
bool tt_locate_scenario(const char *arg, char *path, size_t size, char *why,
                        size_t why_size);
/* Locate and load: prints the located error after `who` (the command,
 * "tabletop check") and returns NULL on failure, with *status (when not
 * NULL) the exit code of its class (a scenario not found or invalid is bad
 * input; out of memory is not). */
tt_script *tt_open_scenario(const char *who, const char *arg, const tt_sandbox_limits *limits,
                            int *status);

#endif
