/* The scenario API as data: every table a scenario writes, with its fields,
 * their LuaLS types and a line of documentation, and every ctx function.
 * The script host validates scenarios against these tables (an unknown key
 * is an error) and registers ctx from its table; `tabletop api --luals`
 * prints LuaLS annotations from the same tables, so editor types cannot
 * drift from what the engine accepts. */
#ifndef TABLETOP_API_H
#define TABLETOP_API_H

#include <stdbool.h>
#include <stddef.h>

#define TT_API_VERSION "1.1"

typedef struct tt_api_field {
    const char *name;      /* NULL ends a field list */
    const char *type;      /* LuaLS type expression */
    bool required;
    const char *since;     /* "1.0" or "1.1" */
    const char *doc;
} tt_api_field;

typedef struct tt_api_class {
    const char *name;      /* "Action": LuaLS class tabletop.Action */
    const char *doc;
    const tt_api_field *fields;
} tt_api_class;

/* All classes, in documentation order. */
const tt_api_class *tt_api_classes(size_t *n);
/* The fields of a class by name, or NULL. */
const tt_api_field *tt_api_fields(const char *class_name);

/* ctx: what a callback's second argument holds (the table the host fills). */
size_t tt_api_ctx_count(void);
const tt_api_field *tt_api_ctx_field(size_t i);

#endif
