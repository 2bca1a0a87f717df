/* A scenario's `source` in words: "case N" names a case of the NISC
 * supplementary survey the shipped scenarios replay (../shared/seeds), shown
 * by its title in the card's language; any other source is shown as written. */
#include "util.h"
#include "tabletop/terms.h"

#include <string.h>

static const tt_term case_titles[] = {
    LBL_SOURCE_CASE1, LBL_SOURCE_CASE2, LBL_SOURCE_CASE3,
    LBL_SOURCE_CASE4, LBL_SOURCE_CASE5, LBL_SOURCE_CASE6,
};

const char *sc_source_title(const char *source, tt_lang lang)
{
    if (!source)
        return NULL;
    /* exactly "case N", N one digit naming one of the survey's cases */
    size_t n_cases = sizeof case_titles / sizeof case_titles[0];
    if (strncmp(source, "case ", 5) == 0 && source[5] >= '1' && source[5] <= '9' && source[6] == '\0' &&
        (size_t)(source[5] - '0') <= n_cases)
        return tt_term_text(case_titles[source[5] - '1'], lang);
    return source;
}
