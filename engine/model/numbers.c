/* Stable action numbers: one number per (role, action) pair the scenario
 * allows, counted from 1 over roles in scenario order, then actions in
 * scenario order. It depends on the scenario alone, never on what is
 * available now, so a number read from a screen a minute old (terminal,
 * dashboard, web seat) still means the same action for the whole drill. */
#include "tabletop/scenario.h"

int tt_action_number(const tt_scenario *s, int role, int action)
{
    if (!s || role < 0 || action < 0 || (size_t)role >= s->n_roles ||
        (size_t)action >= s->n_actions ||
        !tt_action_allows_role(&s->actions[action], s->roles[role].id))
        return 0;
    int number = 0;
    for (size_t r = 0; r <= (size_t)role; r++)
        for (size_t a = 0; a < s->n_actions; a++) {
            if (r == (size_t)role && a > (size_t)action)
                break;
            if (tt_action_allows_role(&s->actions[a], s->roles[r].id))
                number++;
        }
    return number;
}

bool tt_action_by_number(const tt_scenario *s, int number, int *role, int *action)
{
    if (!s || number < 1)
        return false;
    int n = 0;
    for (size_t r = 0; r < s->n_roles; r++)
        for (size_t a = 0; a < s->n_actions; a++)
            if (tt_action_allows_role(&s->actions[a], s->roles[r].id) && ++n == number) {
                if (role)
                    *role = (int)r;
                if (action)
                    *action = (int)a;
                return true;
            }
    return false;
}
