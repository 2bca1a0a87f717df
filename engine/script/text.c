/* Text the journal can hold: valid UTF-8 of characters YAML may print
 * (YAML 1.1 "printable"; no NUL, no control characters but tab and line
 * breaks). Checked where text leaves Lua, so a scenario cannot make the
 * journal writer fail halfway through an exercise. */
#include <stdio.h>

#include "host.h"

bool tt_host_text_ok(const char *text, size_t len, char *why, size_t why_size)
{
    tt_text_fault f;
    if (tt_text_scan(text, len, &f))
        return true;
    switch (f.problem) {
    case TT_TEXT_BAD_BYTE:
        snprintf(why, why_size, "not valid UTF-8 (byte 0x%02x at offset %zu)", f.byte, f.offset);
        break;
    case TT_TEXT_CUT_SHORT:
        snprintf(why, why_size, "not valid UTF-8 (cut short at offset %zu)", f.offset);
        break;
    case TT_TEXT_BAD_SEQUENCE:
        snprintf(why, why_size, "not valid UTF-8 (bad sequence at offset %zu)", f.offset);
        break;
    default:
        snprintf(why, why_size, "character U+%04X at offset %zu is not allowed in text",
                 (unsigned)f.code_point, f.offset);
        break;
    }
    return false;
}
