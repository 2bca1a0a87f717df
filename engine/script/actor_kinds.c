/* The closed set of actor kinds (docs/scenario-api.md, "Actor kinds"): each
 * with its group label in both languages, shown by the dashboard's diagram
 * and the MSEL. A kind outside the set is a validation error. */
#include <string.h>

#include "tabletop/scenario.h"

static const tt_actor_kind KINDS[] = {
    { "agency", { "関係機関", "Agencies" } },
    { "centre", { "センター", "Centres" } },
    { "company", { "企業", "Companies" } },
    { "contractor", { "委託先", "Contractors" } },
    { "customer", { "顧客", "Customers" } },
    { "department", { "社内部門", "Departments" } },
    { "management", { "経営層", "Management" } },
    { "media", { "報道", "Media" } },
    { "ministry", { "所管省庁", "Ministries" } },
    { "outsourcer", { "外部委託先", "Outsourcers" } },
    { "police", { "警察", "Police" } },
    { "regulator", { "監督機関", "Regulators" } },
    { "system", { "システム", "Systems" } },
    { "vendor", { "ベンダー", "Vendors" } },
};

const tt_actor_kind *tt_actor_kinds(size_t *n)
{
    *n = sizeof KINDS / sizeof KINDS[0];
    return KINDS;
}

const tt_actor_kind *tt_actor_kind_find(const char *id)
{
    for (size_t i = 0; id && i < sizeof KINDS / sizeof KINDS[0]; i++)
        if (strcmp(KINDS[i].id, id) == 0)
            return &KINDS[i];
    return NULL;
}
