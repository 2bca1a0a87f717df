/* --set KEY=VALUE scenario settings from the command line. */
#ifndef TABLETOP_APP_SETTINGS_ARG_H
#define TABLETOP_APP_SETTINGS_ARG_H

#include "tabletop/base.h"

typedef struct tt_setting_args {
    tt_kv *items;
    const char **texts; /* each VALUE as typed (in argv) */
    size_t n;
} tt_setting_args;

/* VALUE is typed like a YAML plain scalar: true/false, an integer, a
 * number, else a string. false with why on a malformed argument (why
 * left empty: out of memory). */
bool tt_setting_args_add(tt_setting_args *a, const char *arg, char *why, size_t why_size);
void tt_setting_args_free(tt_setting_args *a);
/* Each KEY must be a setting of sc and each VALUE of its kind, checked and
 * worded as an answer script's `settings:` are ("--set mfa=maybe: expected
 * true or false (the default is false), found 'maybe'"); a number setting
 * takes a whole number, a text setting any VALUE (made text). -1 with err
 * (bad input) else 0. */
struct tt_scenario;
int tt_setting_args_check(const tt_setting_args *a, const struct tt_scenario *sc, tt_error *err);
/* Put kv into arr (capacity is the caller's), replacing an equal key. */
void tt_setting_args_put(tt_kv *arr, size_t *n, const tt_kv *kv);

#endif
