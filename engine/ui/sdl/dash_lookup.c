/* The actions a role may take, for the board's action panel (the id
 * lookups and names are the model's, engine/model). */
#include <string.h>

#include "dash.h"

size_t dash_role_actions(const tt_scenario *sc, int role, size_t *idx, size_t max)
{
    if (role < 0 || (size_t)role >= sc->n_roles)
        return 0;
    size_t n = 0;
    for (size_t a = 0; a < sc->n_actions && n < max; a++)
        if (tt_action_allows_role(&sc->actions[a], sc->roles[role].id))
            idx[n++] = a;
    return n;
}
