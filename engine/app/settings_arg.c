/* Typed --set arguments. */
#include "settings_arg.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/scenario.h"
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
    const char **texts = realloc(a->texts, (a->n + 1) * sizeof *texts);
    if (!texts) {
        why[0] = '\0';
        return false;
    }
    a->texts = texts;
    a->texts[a->n] = eq + 1;
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
    free(a->texts);
    a->items = NULL;
    a->texts = NULL;
    a->n = 0;
}

int tt_setting_args_check(const tt_setting_args *a, const tt_scenario *sc, tt_error *err)
{
    tt_lang lang = tt_lang_messages();
    for (size_t i = 0; i < a->n; i++) {
        tt_value_type type = a->items[i].value.type;
        const char *key = a->items[i].key, *text = a->texts[i];
        const tt_setting *def = NULL;
        for (size_t j = 0; j < sc->n_settings && !def; j++)
            if (strcmp(sc->settings[j].key, key) == 0)
                def = &sc->settings[j];
        if (!def) {
            char valid[400] = "";
            for (size_t j = 0; j < sc->n_settings; j++) {
                strncat(valid, j ? ", " : "", sizeof valid - strlen(valid) - 1);
                strncat(valid, sc->settings[j].key, sizeof valid - strlen(valid) - 1);
            }
            char what[600];
            snprintf(what, sizeof what, TT_MSG(E_AS_UNKNOWN_SETTING_FMT), key,
                     valid[0] ? valid : tt_term_text(E_NONE, lang));
            tt_error_set(err, NULL, 0, 0, TT_MSG(E_SET_ARG_FMT), key, text, what);
            return -1;
        }
        /* As an answer script's settings: a whole number does for a
         * number, any value for a text (the exercise converts them). */
        if ((def->value.type == TT_VAL_NUM && type == TT_VAL_INT) || def->value.type == TT_VAL_STR)
            type = def->value.type;
        if (def->value.type == type)
            continue;
        static const tt_term want[] = {
            [TT_VAL_BOOL] = E_KIND_BOOL, [TT_VAL_INT] = E_KIND_WHOLE_NUMBER,
            [TT_VAL_NUM] = E_KIND_NUMBER, [TT_VAL_STR] = E_KIND_TEXT,
        };
        char dflt[64], what[600];
        tt_value_format(&def->value, dflt, sizeof dflt);
        char *end;
        double d = strtod(text, &end);
        if (def->value.type == TT_VAL_NUM && *text && !*end && !isfinite(d)) /* inf, 1e999 */
            snprintf(what, sizeof what, TT_MSG(E_AS_NOT_FINITE_FMT), dflt, text);
        else
            snprintf(what, sizeof what, TT_MSG(E_AS_EXPECTED_KIND_FMT),
                     tt_term_text(want[def->value.type], lang), dflt, text);
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_SET_ARG_FMT), key, text, what);
        return -1;
    }
    return 0;
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
