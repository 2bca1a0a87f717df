/* The dashboard's options and --size parsing: no SDL here, so the program
 * checks its command line without loading the dashboard module. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/dashboard.h"
#include "tabletop/terms.h"

bool tt_dashboard_parse_size(const char *text, int *w, int *h, char *why,
                             size_t why_size)
{
    char *end = NULL;
    if (!text || !*text) {
        snprintf(why, why_size, TT_MSG(E_DASH_SIZE_EMPTY));
        return false;
    }
    errno = 0;
    long a = strtol(text, &end, 10);
    if (end == text || (*end != 'x' && *end != 'X') || errno) {
        snprintf(why, why_size, TT_MSG(E_DASH_SIZE_FORM_FMT), text);
        return false;
    }
    const char *second = end + 1;
    long b = strtol(second, &end, 10);
    if (end == second || *end != '\0' || errno || *second == '-' || *second == '+' ||
        *text == '-' || *text == '+') {
        snprintf(why, why_size, TT_MSG(E_DASH_SIZE_FORM_FMT), text);
        return false;
    }
    if (a < 320 || a > 7680 || b < 240 || b > 4320) {
        snprintf(why, why_size, TT_MSG(E_DASH_SIZE_RANGE_FMT), text);
        return false;
    }
    *w = (int)a;
    *h = (int)b;
    return true;
}

void tt_dashboard_options_default(tt_dashboard_options *o)
{
    memset(o, 0, sizeof *o);
    o->lang = tt_lang_from_env();
    o->width = 1280;
    o->height = 720;
}
