/* Text the journal can hold: valid UTF-8 of characters YAML may print
 * (YAML 1.1 "printable"; no NUL, no control characters but tab and line
 * breaks). Checked where text leaves Lua, so a scenario cannot make the
 * journal writer fail halfway through an exercise. */
#include "host.h"
#include "tabletop/terms.h"

bool tt_host_text_ok(const char *text, size_t len, char *why, size_t why_size)
{
    tt_text_fault f;
    if (tt_text_scan(text, len, &f))
        return true;
    tt_text_fault_say(&f, TT_MSG(E_IN_TEXT), true, why, why_size);
    return false;
}
