/* Full-width ASCII from a Japanese IME, read as ASCII: U+FF01..U+FF5E are
 * the NFKC compatibility forms of U+0021..U+007E ("７" -> "7", "／ｓｔａｔｕｓ"
 * -> "/status") and U+3000 (ideographic space) that of a space. Only this
 * range is folded: kana, kanji and other text are left as typed. */
#include "tabletop/base.h"

/* Code point of the 3-byte sequence at s when it is one, else 0. */
static uint32_t three_byte(const unsigned char *s)
{
    if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
}

size_t tt_width_space(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == ' ' || u[0] == '\t' || u[0] == '\n' || u[0] == '\r' || u[0] == '\v' ||
        u[0] == '\f')
        return 1;
    return u[0] && u[1] && three_byte(u) == 0x3000 ? 3 : 0;
}

size_t tt_width_fold(char *s)
{
    unsigned char *r = (unsigned char *)s, *w = r;
    while (*r) {
        uint32_t cp = r[1] && r[2] ? three_byte(r) : 0;
        if (cp >= 0xFF01 && cp <= 0xFF5E) {
            *w++ = (unsigned char)(cp - 0xFF01 + 0x21);
            r += 3;
        } else if (cp == 0x3000) {
            *w++ = ' ';
            r += 3;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return (size_t)(w - (unsigned char *)s);
}
