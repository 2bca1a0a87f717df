/* The pages' words come from the one terms table (include/tabletop/terms.h),
 * served as GET /terms.json: the pages keep no text of their own. */
#include "web_internal.h"
#include "tabletop/terms.h"

#include <jansson.h>

#include "tabletop/json_text.h"
#include <stdlib.h>

char *web_terms_json(void)
{
    json_t *root = json_object(), *ja = json_object(), *en = json_object();
    bool ok = root && ja && en;
    for (int i = 0; ok && i < TT_TERM__COUNT; i++) {
        const char *key = tt_term_key((tt_term)i);
        ok = json_object_set_new(ja, key, json_string(tt_term_text((tt_term)i, TT_LANG_JA))) == 0 &&
             json_object_set_new(en, key, json_string(tt_term_text((tt_term)i, TT_LANG_EN))) == 0;
    }
    char *text = NULL;
    if (ok && json_object_set(root, "ja", ja) == 0 && json_object_set(root, "en", en) == 0)
        text = tt_json_dumps(root, JSON_COMPACT);
    json_decref(ja);
    json_decref(en);
    json_decref(root);
    return text;
}
