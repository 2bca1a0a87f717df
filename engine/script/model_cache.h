/* The scenario model cache (docs/architecture.md "The model cache"): the C
 * model a full load extracted, kept as data (CBOR, through libcbor) under
 * $XDG_CACHE_HOME/tabletop/models/ and keyed by the scenario file's SHA-256,
 * the engine's version and build, and the model's schema. `score` reads it
 * instead of compiling; anything missing, foreign or damaged is a miss.
 * Internal to engine/script (and its tests). */
#ifndef TT_SCRIPT_MODEL_CACHE_H
#define TT_SCRIPT_MODEL_CACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "tabletop/scenario.h"

/* The schema: every model struct as a list of its fields. The cache walks
 * these tables and nothing else; tests/script/test_model_cache checks that
 * they name every member include/tabletop/scenario.h declares. */
typedef enum mc_kind {
    MC_STR,     /* const char *, may be NULL */
    MC_TEXT,    /* tt_text */
    MC_MS,      /* tt_ms */
    MC_INT,     /* int */
    MC_ENUM,    /* an enum (int-sized) */
    MC_BOOL,    /* bool */
    MC_DOUBLE,  /* double */
    MC_VALUE,   /* tt_value */
    MC_STRS,    /* const char ** with a size_t count */
    MC_TEXTS,   /* tt_text * with a size_t count */
    MC_ARRAY    /* struct array with a size_t count */
} mc_kind;

typedef struct mc_struct mc_struct;

typedef struct mc_field {
    const char *name;
    const char *count_name;  /* the count member of MC_STRS/TEXTS/ARRAY */
    mc_kind kind;
    size_t offset;
    size_t count_offset;
    const mc_struct *item;   /* MC_ARRAY's element */
} mc_field;

struct mc_struct {
    const char *name;        /* the C type: "tt_action" */
    size_t size;
    const mc_field *fields;
    size_t n_fields;
};

/* Every described struct (the scenario first), and the members of
 * tt_scenario deliberately not stored (set by each load). */
const mc_struct *const *tt_model_cache_schema(size_t *n);
extern const char *const tt_model_cache_not_stored[];

/* The model (all but arena, path and hash) as CBOR: each struct an array
 * of its fields in table order; malloc'ed, NULL when it cannot be (out of
 * memory, a string that is not printable UTF-8, a number that is not
 * finite). */
char *tt_model_cache_encode(const tt_scenario *m, size_t *len);
/* Fill `m` (its arena; path and hash untouched) from such a body: 0, or -1
 * (m's arena may hold a part: the caller frees it). */
int tt_model_cache_decode(const char *body, size_t len, tt_scenario *m);
/* Read m's model for `scenario_hash`: 0 on a hit, -1 on any miss. */
int tt_model_cache_read(const char *scenario_hash, tt_scenario *m);
/* An entry for `scenario_hash` is there (whatever its state: only a load
 * that succeeded writes one). */
bool tt_model_cache_has(const char *scenario_hash);
/* Keep m (m->hash is the key) unless an entry is there already; never
 * fails a caller: any error only means nothing was written. */
void tt_model_cache_write(const tt_scenario *m);

#endif
