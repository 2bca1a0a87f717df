/* The dashboard's fixed texts: the S_* entries of the terminology table. */
#include "dash.h"

const char *dash_s(dash_str s, tt_lang lang)
{
    return tt_term_text(s, lang);
}
