/* Nearest valid id to a misspelt one (see include/tabletop/suggest.h). */
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

#include <stdio.h>
#include <string.h>

size_t tt_edit_distance(const char *a, const char *b, size_t cap)
{
    /* Optimal string alignment: insertions, deletions, substitutions and
     * transpositions of neighbours ("cuont" -> "count" is one edit). */
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) /* ids are short; long strings are never typos of them */
        return cap;
    size_t d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < v)
                v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb] < cap ? d[la][lb] : cap;
}

static const char *id_at(const char *const *first, size_t stride, size_t i)
{
    return *(const char *const *)((const char *)first + i * stride);
}

const char *tt_suggest_nearest(const char *wrong, const char *const *first, size_t n,
                               size_t stride)
{
    size_t len = strlen(wrong);
    size_t cap = len / 3 + 1; /* "polce" -> "police": 1 of 6 */
    if (cap < 2)
        cap = 2;
    const char *best = NULL;
    size_t best_d = cap;
    for (size_t i = 0; i < n; i++) {
        const char *id = id_at(first, stride, i);
        if (!id)
            continue;
        size_t d = tt_edit_distance(wrong, id, best_d);
        if (d < best_d) {
            best_d = d;
            best = id;
        }
    }
    return best;
}

void tt_suggest(const char *wrong, const char *const *first, size_t n, size_t stride,
                char *out, size_t size)
{
    if (!size)
        return;
    if (n == 0) {
        snprintf(out, size, "%s", TT_MSG(E_SUGGEST_NONE));
        return;
    }
    const char *best = tt_suggest_nearest(wrong, first, n, stride);
    if (best) {
        snprintf(out, size, TT_MSG(E_SUGGEST_DID_YOU_MEAN_FMT), best);
        return;
    }
    size_t off = (size_t)snprintf(out, size, "%s", TT_MSG(E_SUGGEST_VALID));
    for (size_t i = 0; i < n && off < size; i++) {
        const char *id = id_at(first, stride, i);
        if (off + strlen(id) + 6 >= size) {
            snprintf(out + off, size - off, "...");
            return;
        }
        off += (size_t)snprintf(out + off, size - off, "%s%s", i ? ", " : "", id);
    }
}
