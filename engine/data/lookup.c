/* Settings by key, and lists of valid choices for messages (the id lookups
 * are the model's, engine/model). */
#include "lookup.h"

#include <stdio.h>
#include <string.h>

const tt_setting *lookup_setting(const tt_scenario *sc, const char *key)
{
    for (size_t i = 0; key && i < sc->n_settings; i++)
        if (sc->settings[i].key && strcmp(sc->settings[i].key, key) == 0)
            return &sc->settings[i];
    return NULL;
}

/* Append names while they fit, leaving room for ", ...". */
typedef struct listbuf {
    char *buf;
    size_t size, used;
    bool full;
} listbuf;

static void list_add(listbuf *l, const char *name)
{
    if (l->full || !name)
        return;
    size_t need = strlen(name) + (l->used ? 2 : 0);
    if (l->used + need + 6 >= l->size) {
        if (l->used + 5 < l->size) {
            memcpy(l->buf + l->used, ", ...", 6);
            l->used += 5;
        }
        l->full = true;
        return;
    }
    l->used += (size_t)snprintf(l->buf + l->used, l->size - l->used, "%s%s",
                                l->used ? ", " : "", name);
}

static listbuf list_begin(char *buf, size_t size)
{
    listbuf l = { buf, size, 0, size < 8 };
    if (size)
        buf[0] = '\0';
    return l;
}

static void list_end(listbuf *l)
{
    if (l->size && l->used == 0)
        snprintf(l->buf, l->size, "(none)");
}

void lookup_list_roles(const tt_scenario *sc, char *buf, size_t size)
{
    listbuf l = list_begin(buf, size);
    for (size_t i = 0; i < sc->n_roles; i++)
        list_add(&l, sc->roles[i].id);
    list_end(&l);
}

void lookup_list_actions(const tt_scenario *sc, char *buf, size_t size)
{
    listbuf l = list_begin(buf, size);
    for (size_t i = 0; i < sc->n_actions; i++)
        list_add(&l, sc->actions[i].id);
    list_end(&l);
}

void lookup_list_settings(const tt_scenario *sc, char *buf, size_t size)
{
    listbuf l = list_begin(buf, size);
    for (size_t i = 0; i < sc->n_settings; i++)
        list_add(&l, sc->settings[i].key);
    list_end(&l);
}

void lookup_list_action_roles(const tt_action *a, char *buf, size_t size)
{
    listbuf l = list_begin(buf, size);
    for (size_t i = 0; i < a->n_roles; i++)
        list_add(&l, a->roles[i]);
    list_end(&l);
}
