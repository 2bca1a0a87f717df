/* "Did you mean": the nearest of a set of valid ids to a misspelt one, for
 * messages that name a wrong id as such. */
#ifndef TABLETOP_SUGGEST_H
#define TABLETOP_SUGGEST_H

#include <stddef.h>

/* Write into out either "did you mean 'police'?" (the closest id, when it is
 * a plausible typo: at most a third of the letters differ) or "valid: a, b,
 * c" (the ids in order, shortened with "..." to fit), or "none are declared"
 * when n is 0. The ids are read at `first`, then every `stride` bytes (a
 * field of an array of structs, or a plain array of strings with stride
 * sizeof(char *)). */
void tt_suggest(const char *wrong, const char *const *first, size_t n, size_t stride,
                char *out, size_t size);

/* The closest id when it is a plausible typo (as tt_suggest judges), else
 * NULL; for messages a front-end words in its own language. */
const char *tt_suggest_nearest(const char *wrong, const char *const *first, size_t n,
                               size_t stride);

/* Levenshtein distance of two byte strings, capped at `cap` (returns cap
 * when it is at least that). */
size_t tt_edit_distance(const char *a, const char *b, size_t cap);

#endif
