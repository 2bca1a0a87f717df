/* Names the terminal drill shows: its fixed texts are the M_* entries of
 * the terminology table (tabletop/terms.h). */
#include "tty_internal.h"

#include <string.h>

const char *tty_msg(tty_msg_id id, tt_lang lang)
{
    return tt_term_text(id, lang);
}

const char *tty_party_name(const tt_scenario *sc, const char *id, tt_lang lang)
{
    if (!id)
        return tty_msg(M_EVERYONE, lang);
    int i = tt_scenario_role(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->roles[i].name, lang);
    i = tt_scenario_actor(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->actors[i].name, lang);
    return id;
}

const char *tty_action_label(const tt_scenario *sc, const char *id, tt_lang lang)
{
    int i = id ? tt_scenario_action(sc, id) : -1;
    return i >= 0 ? tt_text_get(&sc->actions[i].label, lang) : (id ? id : "");
}

const char *tty_objective_title(const tt_scenario *sc, const char *id,
                                tt_lang lang)
{
    int i = id ? tt_scenario_objective(sc, id) : -1;
    return i >= 0 ? tt_text_get(&sc->objectives[i].title, lang) : (id ? id : "");
}
