/* Typed --set arguments. */
#include "settings_arg.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/terms.h"

static tt_value typed(const char *s)
{
    tt_value v = { .type = TT_VAL_STR, .as.s = s };
    if (strcmp(s, "true") == 0)
        return (tt_value){ .type = TT_VAL_BOOL, .as.b = true };
    if (strcmp(s, "false") == 0)
        return (tt_value){ .type = TT_VAL_BOOL, .as.b = false };
    if (!*s)
        return v;
    char *end;
    errno = 0;
    long long i = strtoll(s, &end, 10);
    if (!*end && !errno)
        return (tt_value){ .type = TT_VAL_INT, .as.i = i };
    errno = 0;
    double d = strtod(s, &end);
    if (!*end && !errno && isfinite(d))
        return (tt_value){ .type = TT_VAL_NUM, .as.n = d };
    return v;
}

bool tt_setting_args_add(tt_setting_args *a, const char *arg, char *why, size_t why_size)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SET_WANTS_KV_FMT), arg);
        return false;
    }
    tt_kv *items = realloc(a->items, (a->n + 1) * sizeof *items);
    if (!items) {
        why[0] = '\0'; /* out of memory (see tt_opt_parse_fn) */
        return false;
    }
    a->items = items;
    /* The key is copied; the value points into argv, which lives on. */
    char *key = strndup(arg, (size_t)(eq - arg));
    if (!key) {
        why[0] = '\0';
        return false;
    }
    a->items[a->n].key = key;
    a->items[a->n].value = typed(eq + 1);
    a->n++;
    return true;
}

void tt_setting_args_free(tt_setting_args *a)
{
    for (size_t i = 0; i < a->n; i++)
        free((char *)a->items[i].key);
    free(a->items);
    a->items = NULL;
    a->n = 0;
}

void tt_setting_args_put(tt_kv *arr, size_t *n, const tt_kv *kv)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(arr[i].key, kv->key) == 0) {
            arr[i] = *kv;
            return;
        }
    arr[(*n)++] = *kv;
}
