/* Lua's own view of a scenario file's code: the bytecode listing of
 * `luac5.4 -l -l -p` (the reference parser; nothing runs), read into
 * functions, instructions, constants, locals and upvalues. The authoring
 * tools analyse this instead of parsing Lua themselves. Internal to
 * engine/author. */
#ifndef TT_AUTHOR_LISTING_H
#define TT_AUTHOR_LISTING_H

#include <stdbool.h>
#include <stddef.h>

#include "tabletop/base.h"

typedef struct ll_const {
    char type;             /* 'S' string, 'I' integer, 'N' float, 'B' boolean, ... */
    char *s;               /* S: the string (unescaped; may hold NULs: see len) */
    size_t len;
    double n;              /* I, N */
} ll_const;

typedef struct ll_ins {
    int line;
    char op[16];
    int arg[4];            /* the instruction's operands as listed */
    int n_args;
    bool k;                /* the last operand is a constant ("5k") */
} ll_ins;

typedef struct ll_local {
    char *name;
    int start, end;        /* pc range, 1-based as listed */
} ll_local;

typedef struct ll_function {
    int first_line, last_line; /* 0, 0 for the main chunk */
    int n_params;
    int n_children;        /* functions defined directly inside */
    int *children;         /* their indexes in the listing */
    ll_ins *code;       size_t n_code;
    ll_const *k;        size_t n_k;
    ll_local *locals;   size_t n_locals;
    char **upvalues;    size_t n_upvalues;
} ll_function;

typedef struct ll_listing {
    ll_function *fns;   size_t n_fns; /* in luac's order: main first, then depth first */
} ll_listing;

/* List `text` (a Lua chunk) through luac in a child process with CPU,
 * memory and output limits. -1 with err on failure (a syntax error is
 * reported at its line, named `name`). */
int ll_read(const char *name, const char *text, size_t len, ll_listing *out, tt_error *err);
void ll_free(ll_listing *l);

/* The local variable name of register `reg` at pc (1-based), or NULL. */
const char *ll_local_at(const ll_function *f, int reg, int pc);
/* Constant index i as a string, or NULL when it is not one. */
const char *ll_kstr(const ll_function *f, int i);

#endif
