/* Text the journal can hold: valid UTF-8 of characters YAML may print
 * (YAML 1.1 "printable"; no NUL, no control characters but tab and line
 * breaks). Checked where text leaves Lua, so a scenario cannot make the
 * journal writer fail halfway through an exercise. */
#include <stdio.h>

#include "host.h"

static bool printable(uint32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E) ||
           cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

bool tt_host_text_ok(const char *text, size_t len, char *why, size_t why_size)
{
    const unsigned char *s = (const unsigned char *)text;
    static const uint32_t min_for_len[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        uint32_t cp;
        size_t n;
        if (c < 0x80) {
            cp = c;
            n = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F;
            n = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F;
            n = 3;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07;
            n = 4;
        } else {
            snprintf(why, why_size, "not valid UTF-8 (byte 0x%02x at offset %zu)", c, i);
            return false;
        }
        if (i + n > len) {
            snprintf(why, why_size, "not valid UTF-8 (cut short at offset %zu)", i);
            return false;
        }
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                snprintf(why, why_size, "not valid UTF-8 (byte 0x%02x at offset %zu)", c, i);
                return false;
            }
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min_for_len[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
            snprintf(why, why_size, "not valid UTF-8 (bad sequence at offset %zu)", i);
            return false;
        }
        if (!printable(cp)) {
            snprintf(why, why_size, "character U+%04X at offset %zu is not allowed in text",
                     (unsigned)cp, i);
            return false;
        }
        i += n;
    }
    return true;
}
