/* Finding scenarios: by id in the scenario folders, or by path. */
#ifndef TABLETOP_APP_LOCATE_H
#define TABLETOP_APP_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

#include "tabletop/script.h"

/* Folders searched for ID.lua, in order: $TABLETOP_SCENARIOS (colon-
 * separated), ./scenarios, the built-in folder. Returns how many were
 * filled (each at most `size` bytes). */
size_t tt_scenario_dirs(char dirs[][1024], size_t max);
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
