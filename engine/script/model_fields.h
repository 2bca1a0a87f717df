/* Reading the scenario table: typed field helpers shared by the parts of
 * model extraction. Each raises (after filling the job's error) on a bad
 * value; internal to engine/script. */
#ifndef TT_SCRIPT_MODEL_FIELDS_H
#define TT_SCRIPT_MODEL_FIELDS_H

#include "host.h"

typedef struct ex {
    lua_State *L;
    tt_script *s;
    tt_scenario *m;
    tt_arena *a;
    tt_model_job *job;
    int line;          /* line of the scenario{ call */
} ex;

/* Fail with "path: message" at `line`, or where the source spells the path
 * out, or at the scenario{ call. Never returns. */
_Noreturn void mf_fail(ex *x, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* out = "a.b" (cut to size, as snprintf would). */
void mf_path(char *out, size_t size, const char *a, const char *b);
/* Arena memory and strings of the model (failing on OOM or overlong). */
void *mf_alloc(ex *x, size_t size);
const char *mf_dup(ex *x, const char *s, size_t len);
/* Text must be UTF-8 the journal can hold; `key` may be NULL. */
void mf_check_text(ex *x, const char *s, size_t len, const char *path, const char *key);
/* The line a function value at idx was defined on, else 0. */
int mf_value_line(ex *x, int idx);
const char *mf_type_name(ex *x, int idx);
/* Ids: letters, digits, _ and - (identifier: a Lua name). */
bool mf_is_id(const char *s, size_t len, bool identifier);
/* Unknown keys of the table at t are an error listing the allowed ones: the
 * fields of that class in the API tables (include/tabletop/api.h). */
void mf_check_keys(ex *x, int t, const char *where, const char *class_name);
/* Sorted ids of the map at t; length of the list at t. */
const char **mf_map_keys(ex *x, int t, const char *where, size_t *n_out);
size_t mf_list_len(ex *x, int t, const char *where);
/* [-0, +1] Push field `key` of the table at t (raw); returns its type. */
int mf_field(ex *x, int t, const char *key);
void mf_missing(ex *x, const char *where, const char *key, const char *what);
/* Typed optional/required fields of the table at t; nothing is left pushed. */
const char *mf_get_string(ex *x, int t, const char *where, const char *key, bool required);
const char *mf_get_id(ex *x, int t, const char *where, const char *key, bool required);
tt_text mf_text_at(ex *x, int idx, const char *path);
tt_text mf_get_text(ex *x, int t, const char *where, const char *key, bool required);
tt_ms mf_time_at(ex *x, int idx, const char *path);
bool mf_get_time(ex *x, int t, const char *where, const char *key, bool required,
                 tt_ms *out);
bool mf_get_bool(ex *x, int t, const char *where, const char *key, bool dflt);
/* A behaviour function, kept in the registry as fns[kind][index + 1]. */
bool mf_get_function(ex *x, int t, const char *where, const char *key, bool required,
                     const char *kind, size_t index);
/* [-0, +1] Push a field that must be a table; entry of a map (a table). */
bool mf_push_table(ex *x, int t, const char *where, const char *key, bool required);
int mf_entry(ex *x, int t, const char *where, const char *key);

#endif
