/* Nearest valid id to a misspelt one (see include/tabletop/suggest.h). */
#include "tabletop/suggest.h"

#include <stdio.h>
#include <string.h>

size_t tt_edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64) /* ids are short; long strings are never typos of them */
        return cap;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t v = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < v)
                v = up + 1;
            if (row[j - 1] + 1 < v)
                v = row[j - 1] + 1;
            row[j] = v;
            diag = up;
            if (v < best)
                best = v;
        }
        if (best >= cap)
            return cap;
    }
    return row[lb] < cap ? row[lb] : cap;
}

static const char *id_at(const char *const *first, size_t stride, size_t i)
{
    return *(const char *const *)((const char *)first + i * stride);
}

void tt_suggest(const char *wrong, const char *const *first, size_t n, size_t stride,
                char *out, size_t size)
{
    if (!size)
        return;
    if (n == 0) {
        snprintf(out, size, "none are declared");
        return;
    }
    size_t len = strlen(wrong);
    size_t cap = len / 3 + 1; /* "polce" -> "police": 1 of 6 */
    if (cap < 2)
        cap = 2;
    const char *best = NULL;
    size_t best_d = cap;
    for (size_t i = 0; i < n; i++) {
        const char *id = id_at(first, stride, i);
        size_t d = tt_edit_distance(wrong, id, best_d);
        if (d < best_d) {
            best_d = d;
            best = id;
        }
    }
    if (best) {
        snprintf(out, size, "did you mean '%s'?", best);
        return;
    }
    size_t off = (size_t)snprintf(out, size, "valid: ");
    for (size_t i = 0; i < n && off < size; i++) {
        const char *id = id_at(first, stride, i);
        if (off + strlen(id) + 6 >= size) {
            snprintf(out + off, size - off, "...");
            return;
        }
        off += (size_t)snprintf(out + off, size - off, "%s%s", i ? ", " : "", id);
    }
}
