/* Lookups and display names on the scenario model. Models are small (tens
 * of entries), so a linear scan is the simplest correct thing. */
#include <stdio.h>
#include <string.h>

#include "tabletop/scenario.h"

const char *tt_objective_phase_name(tt_objective_phase p)
{
    switch (p) {
    case TT_OBJ_ISOLATE: return "isolate";
    case TT_OBJ_REPORT: return "report";
    case TT_OBJ_RECOVER: return "recover";
    }
    return "?";
}

#define FIND(array, count, field)                                   \
    do {                                                            \
        if (!s || !id)                                              \
            return -1;                                              \
        for (size_t i = 0; i < s->count; i++)                       \
            if (s->array[i].field && strcmp(s->array[i].field, id) == 0) \
                return (int)i;                                      \
        return -1;                                                  \
    } while (0)

int tt_scenario_role(const tt_scenario *s, const char *id) { FIND(roles, n_roles, id); }
int tt_scenario_actor(const tt_scenario *s, const char *id) { FIND(actors, n_actors, id); }
int tt_scenario_action(const tt_scenario *s, const char *id) { FIND(actions, n_actions, id); }
int tt_scenario_objective(const tt_scenario *s, const char *id)
{
    FIND(objectives, n_objectives, id);
}
int tt_scenario_inject(const tt_scenario *s, const char *id) { FIND(injects, n_injects, id); }
int tt_scenario_lesson(const tt_scenario *s, const char *id) { FIND(lessons, n_lessons, id); }

bool tt_action_allows_role(const tt_action *a, const char *role)
{
    if (!a || !role)
        return false;
    for (size_t i = 0; i < a->n_roles; i++)
        if (a->roles[i] && strcmp(a->roles[i], role) == 0)
            return true;
    return false;
}

static const char *named(const tt_text *name, const char *id, tt_lang lang)
{
    const char *text = name ? tt_text_get(name, lang) : "";
    return *text ? text : id ? id : "";
}

const char *tt_scenario_role_name(const tt_scenario *s, const char *id, tt_lang lang)
{
    int i = tt_scenario_role(s, id);
    return named(i >= 0 ? &s->roles[i].name : NULL, id, lang);
}

const char *tt_scenario_action_label(const tt_scenario *s, const char *id, tt_lang lang)
{
    int i = tt_scenario_action(s, id);
    return named(i >= 0 ? &s->actions[i].label : NULL, id, lang);
}

const char *tt_scenario_party_name(const tt_scenario *s, const char *id, tt_lang lang)
{
    int i = tt_scenario_actor(s, id);
    return i >= 0 ? named(&s->actors[i].name, id, lang) : tt_scenario_role_name(s, id, lang);
}

const char *tt_scenario_recipients(const tt_scenario *s, const char *to, tt_lang lang,
                                   char *buf, size_t size)
{
    if (!size)
        return buf;
    buf[0] = '\0';
    size_t used = 0;
    for (const char *p = to; p && *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        char id[128];
        snprintf(id, sizeof id, "%.*s", (int)(len < sizeof id ? len : sizeof id - 1), p);
        int w = snprintf(buf + used, size - used, "%s%s", used ? ", " : "",
                         tt_scenario_party_name(s, id, lang));
        if (w < 0 || (size_t)w >= size - used) {
            buf[used] = '\0'; /* whole names only */
            break;
        }
        used += (size_t)w;
        if (!end)
            break;
        p = end + 1;
    }
    return buf;
}
