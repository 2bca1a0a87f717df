/* The closed set of actor kinds (docs/scenario-api.md, "Actor kinds"): each
 * with its group label in both languages, shown by the dashboard's diagram
 * and the MSEL. A kind outside the set is a validation error. The labels
 * are the terminology table's (K_* in tabletop/terms.h). */
#include <string.h>

#include "tabletop/scenario.h"
#include "tabletop/terms.h"

static const tt_actor_kind KINDS[] = {
    { "agency", { K_AGENCY_TEXT } },
    { "centre", { K_CENTRE_TEXT } },
    { "company", { K_COMPANY_TEXT } },
    { "contractor", { K_CONTRACTOR_TEXT } },
    { "customer", { K_CUSTOMER_TEXT } },
    { "department", { K_DEPARTMENT_TEXT } },
    { "management", { K_MANAGEMENT_TEXT } },
    { "media", { K_MEDIA_TEXT } },
    { "ministry", { K_MINISTRY_TEXT } },
    { "outsourcer", { K_OUTSOURCER_TEXT } },
    { "police", { K_POLICE_TEXT } },
    { "regulator", { K_REGULATOR_TEXT } },
    { "system", { K_SYSTEM_TEXT } },
    { "vendor", { K_VENDOR_TEXT } },
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
