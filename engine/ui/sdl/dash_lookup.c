/* Id lookups over the scenario model that accept NULL ids (records may
 * omit them) and display names for senders. */
#include <string.h>

#include "dash.h"

#define FIND(arr, n)                                      \
    do {                                                  \
        if (!id)                                          \
            return -1;                                    \
        for (size_t i = 0; i < (n); i++)                  \
            if ((arr)[i].id && strcmp((arr)[i].id, id) == 0) \
                return (int)i;                            \
        return -1;                                        \
    } while (0)

int dash_find_role(const tt_scenario *sc, const char *id) { FIND(sc->roles, sc->n_roles); }
int dash_find_actor(const tt_scenario *sc, const char *id) { FIND(sc->actors, sc->n_actors); }
int dash_find_action(const tt_scenario *sc, const char *id) { FIND(sc->actions, sc->n_actions); }
int dash_find_objective(const tt_scenario *sc, const char *id) { FIND(sc->objectives, sc->n_objectives); }

bool dash_action_allows(const tt_action *a, const char *role)
{
    if (!role)
        return false;
    for (size_t i = 0; i < a->n_roles; i++)
        if (a->roles[i] && strcmp(a->roles[i], role) == 0)
            return true;
    return false;
}

const char *dash_party_name(const tt_scenario *sc, const char *id, tt_lang lang)
{
    int i = dash_find_actor(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->actors[i].name, lang);
    i = dash_find_role(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->roles[i].name, lang);
    return id ? id : "";
}

size_t dash_role_actions(const tt_scenario *sc, int role, size_t *idx, size_t max)
{
    if (role < 0 || (size_t)role >= sc->n_roles)
        return 0;
    size_t n = 0;
    for (size_t a = 0; a < sc->n_actions && n < max; a++)
        if (dash_action_allows(&sc->actions[a], sc->roles[role].id))
            idx[n++] = a;
    return n;
}
