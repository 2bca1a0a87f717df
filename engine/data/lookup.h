/* Internal: the few scenario lookups the input loaders need, done here over
 * the model's plain arrays so tt_data does not depend on the script host. */
#ifndef TT_DATA_LOOKUP_H
#define TT_DATA_LOOKUP_H

#include "tabletop/scenario.h"

const tt_role *lookup_role(const tt_scenario *sc, const char *id);
const tt_action *lookup_action(const tt_scenario *sc, const char *id);
const tt_setting *lookup_setting(const tt_scenario *sc, const char *key);
bool lookup_action_allows(const tt_action *a, const char *role);

/* "a, b, c" lists of valid choices, cut short with ", ..." when long. */
void lookup_list_roles(const tt_scenario *sc, char *buf, size_t size);
void lookup_list_actions(const tt_scenario *sc, char *buf, size_t size);
void lookup_list_settings(const tt_scenario *sc, char *buf, size_t size);
void lookup_list_action_roles(const tt_action *a, char *buf, size_t size);

#endif
