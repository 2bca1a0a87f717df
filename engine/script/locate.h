/* Best-effort source line of a field path in a scenario's text. Internal. */
#ifndef TT_SCRIPT_LOCATE_H
#define TT_SCRIPT_LOCATE_H

#include <stdbool.h>
#include <stddef.h>

/* Line of the deepest part of `path` ("actions.x.takes", "injects[2].at")
 * spelled out in the table passed to `scenario` on `call_line`; 0 when not
 * even the first part is found. */
int tt_locate_field(const char *src, size_t len, int call_line, const char *path);

/* A key written twice in one literal table inside the scenario's table
 * (Lua silently keeps the last): its name and both lines. */
bool tt_locate_duplicate(const char *src, size_t len, int call_line, char *key,
                         size_t key_size, int *first_line, int *second_line);

#endif
