/* One check of the text every journal and YAML file may hold. (A byte order
 * mark, U+FEFF, is printable in YAML 1.1 and so passes anywhere.) */
#include <stdio.h>
#include <string.h>

#include "tabletop/base.h"
#include "tabletop/terms.h"

static bool printable(uint32_t cp)
{
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0x7E) ||
           cp == 0x85 || (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
           (cp >= 0x10000 && cp <= 0x10FFFF);
}

static bool fail(tt_text_fault *f, tt_text_problem p, size_t offset, unsigned char byte,
                 uint32_t cp)
{
    *f = (tt_text_fault){ p, offset, byte, cp };
    return false;
}

bool tt_text_scan(const char *text, size_t len, tt_text_fault *fault)
{
    static const uint32_t min_for_len[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    const unsigned char *s = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        /* Printable ASCII, most of any journal, needs no decoding: eight
         * bytes at a time while none is below 0x20 or above 0x7E (the
         * "has less / has more" word tests, exact for these bounds). */
        for (uint64_t w; i + 8 <= len; i += 8) {
            memcpy(&w, s + i, 8);
            const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
            if ((((w - ones * 0x20) & ~w) | ((w + ones * (127 - 0x7E)) | w)) & highs)
                break;
        }
        if (i >= len)
            break;
        unsigned char c = s[i];
        if ((unsigned char)(c - 0x20) < 0x5F || c == '\n' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        /* Runs of three-byte characters led by 0xE1 to 0xEC (U+1000 to
         * U+CFFF: kana and kanji, most of a Japanese text) need no decoding
         * either: well formed, none a surrogate, all printable. */
        if ((unsigned char)(c - 0xE1) < 12 && i + 3 <= len && (s[i + 1] & 0xC0) == 0x80 &&
            (s[i + 2] & 0xC0) == 0x80) {
            i += 3;
            while (i + 3 <= len && (unsigned char)(s[i] - 0xE1) < 12 &&
                   (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80)
                i += 3;
            continue;
        }
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
            return fail(fault, TT_TEXT_BAD_BYTE, i, c, 0);
        }
        if (i + n > len)
            return fail(fault, TT_TEXT_CUT_SHORT, i, c, 0);
        for (size_t k = 1; k < n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return fail(fault, TT_TEXT_BAD_BYTE, i, c, 0);
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min_for_len[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return fail(fault, TT_TEXT_BAD_SEQUENCE, i, c, cp);
        if (!printable(cp))
            return fail(fault, TT_TEXT_NOT_PRINTABLE, i, c, cp);
        i += n;
    }
    fault->problem = TT_TEXT_OK;
    return true;
}

bool tt_utf8_valid(const char *text, size_t len)
{
    tt_text_fault f;
    size_t at = 0;
    /* Past each character that is valid but not printable (a control). */
    while (!tt_text_scan(text + at, len - at, &f)) {
        if (f.problem != TT_TEXT_NOT_PRINTABLE)
            return false;
        at += f.offset + (f.code_point < 0x80 ? 1 : f.code_point < 0x800 ? 2
                          : f.code_point < 0x10000 ? 3 : 4);
    }
    return true;
}

void tt_text_fault_say(const tt_text_fault *f, const char *in, bool with_offset, char *why, size_t size)
{
    char at[48] = "";
    if (with_offset)
        snprintf(at, sizeof at, TT_MSG(E_UTF8_AT_OFFSET_FMT), f->offset);
    switch (f->problem) {
    case TT_TEXT_BAD_BYTE: snprintf(why, size, TT_MSG(E_UTF8_BAD_BYTE_FMT), f->byte, at); break;
    case TT_TEXT_CUT_SHORT: snprintf(why, size, TT_MSG(E_UTF8_CUT_SHORT_FMT), at); break;
    case TT_TEXT_BAD_SEQUENCE: snprintf(why, size, TT_MSG(E_UTF8_BAD_SEQUENCE_FMT), at); break;
    default:
        snprintf(why, size, TT_MSG(E_UTF8_CHAR_NOT_ALLOWED_FMT), (unsigned)f->code_point, at, in);
        break;
    }
}

/* East Asian Wide and Fullwidth ranges (Unicode 15, abridged to what text
 * in this program holds: CJK, kana, Hangul, fullwidth forms, emoji). */
static bool wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
           (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
           (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

static bool zero_width(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
           (cp >= 0x3099 && cp <= 0x309A) || (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF;
}

int tt_cp_width(uint32_t cp)
{
    return zero_width(cp) ? 0 : wide(cp) ? 2 : 1;
}

size_t tt_display_width(const char *s)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (p && *p) {
        uint32_t cp;
        size_t n;
        if (*p < 0x80) { cp = *p; n = 1; }
        else if ((*p & 0xE0) == 0xC0) { cp = *p & 0x1F; n = 2; }
        else if ((*p & 0xF0) == 0xE0) { cp = *p & 0x0F; n = 3; }
        else if ((*p & 0xF8) == 0xF0) { cp = *p & 0x07; n = 4; }
        else { w++; p++; continue; }   /* not UTF-8: one cell */
        size_t k = 1;
        for (; k < n && (p[k] & 0xC0) == 0x80; k++)
            cp = (cp << 6) | (p[k] & 0x3F);
        p += k;
        if (k < n) { w++; continue; }
        w += zero_width(cp) ? 0 : wide(cp) ? 2 : 1;
    }
    return w;
}
