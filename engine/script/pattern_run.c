/* The longest run of subject bytes one single-character pattern item
 * matches, with Lua 5.4's own rules (lstrlib.c: singlematch, match_class,
 * matchbracketclass; C locale). A quantified item (*, +, -) can try at most
 * that many lengths + 1 at any position, so the pattern-cost bound can use
 * it instead of the subject's whole length: `(%w+)=(%w+)` over "k=v;k=v;..."
 * is cheap, whatever the subject's length. */
#include <ctype.h>

#include "sandbox.h"

static bool class_match(int c, int cl)
{
    bool res;
    switch (tolower(cl)) {
    case 'a': res = isalpha(c); break;
    case 'c': res = iscntrl(c); break;
    case 'd': res = isdigit(c); break;
    case 'g': res = isgraph(c); break;
    case 'l': res = islower(c); break;
    case 'p': res = ispunct(c); break;
    case 's': res = isspace(c); break;
    case 'u': res = isupper(c); break;
    case 'w': res = isalnum(c); break;
    case 'x': res = isxdigit(c); break;
    case 'z': res = (c == 0); break; /* deprecated in Lua, still there */
    default: return cl == c;
    }
    return isupper(cl) ? !res : res;
}

/* p points at '[', end at its closing ']'. */
static bool bracket_match(int c, const char *p, const char *end)
{
    bool sig = true;
    if (*(p + 1) == '^') {
        sig = false;
        p++;
    }
    while (++p < end) {
        if (*p == '%') {
            /* As Lua: the escaped character may be the ']' taken for the
             * end ('[a-%%]': the range ends at the first '%', the second
             * escapes the ']'), and that ']' matches itself. */
            p++;
            if (class_match(c, (unsigned char)*p))
                return sig;
        } else if (p + 2 < end && *(p + 1) == '-') {
            if ((unsigned char)*p <= c && c <= (unsigned char)*(p + 2))
                return sig;
            p += 2;
        } else if ((unsigned char)*p == c) {
            return sig;
        }
    }
    return !sig;
}

bool tt_pattern_single_match(int c, const char *p, const char *ep)
{
    switch (*p) {
    case '.': return true;
    case '%': return p + 1 < ep && class_match(c, (unsigned char)p[1]);
    case '[': return bracket_match(c, p, ep - 1);
    default: return (unsigned char)*p == c;
    }
}

size_t tt_pattern_item_run(const char *item, const char *item_end, const char *subject,
                           size_t len)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < len; i++) {
        if (tt_pattern_single_match((unsigned char)subject[i], item, item_end)) {
            if (++run > best)
                best = run;
        } else {
            run = 0;
        }
    }
    return best;
}
