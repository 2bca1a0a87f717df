/* Internal: what the input loaders need beyond the model's own lookups
 * (tabletop/scenario.h): settings by key and lists of valid choices. */
#ifndef TT_DATA_LOOKUP_H
#define TT_DATA_LOOKUP_H

#include "tabletop/scenario.h"

const tt_setting *lookup_setting(const tt_scenario *sc, const char *key);

/* "a, b, c" lists of valid choices, cut short with ", ..." when long. */
void lookup_list_roles(const tt_scenario *sc, char *buf, size_t size);
void lookup_list_actions(const tt_scenario *sc, char *buf, size_t size);
void lookup_list_settings(const tt_scenario *sc, char *buf, size_t size);
void lookup_list_action_roles(const tt_action *a, char *buf, size_t size);

#endif
