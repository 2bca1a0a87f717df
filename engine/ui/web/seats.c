/* Seat tokens: random, compared in constant time, kept beside the journal. */
#define _GNU_SOURCE
#include "tabletop/terms.h"
#include "seats.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>

#include "tabletop/json_text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

static int new_token(char *hex, tt_error *err)
{
    unsigned char raw[WEB_TOKEN_HEX / 2];
    size_t got = 0;
    while (got < sizeof raw) {
        ssize_t n = getrandom(raw + got, sizeof raw - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            tt_error_runtime(err, NULL, TT_MSG(E_WEB_GETRANDOM_FMT), tt_os_error(errno));
            return -1;
        }
        got += (size_t)n;
    }
    for (size_t i = 0; i < sizeof raw; i++)
        snprintf(hex + 2 * i, 3, "%02x", raw[i]);
    return 0;
}

static bool is_token(const char *s)
{
    if (!s || strlen(s) != WEB_TOKEN_HEX)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return false;
    return true;
}

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* The tokens of an earlier run of the same drill, matched by seat. */
static void reload(web_seat *seats, size_t n, const char *path)
{
    json_error_t jerr;
    json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
    if (!root)
        return;
    const char *t = json_string_value(json_object_get(root, "facilitator"));
    if (is_token(t))
        memcpy(seats[0].token, t, WEB_TOKEN_HEX + 1);
    t = json_string_value(json_object_get(root, "observer"));
    if (is_token(t))
        memcpy(seats[1].token, t, WEB_TOKEN_HEX + 1);
    json_t *list = json_object_get(root, "seats");
    size_t i;
    json_t *s;
    json_array_foreach(list, i, s) {
        const char *role = json_string_value(json_object_get(s, "role"));
        const char *member = json_string_value(json_object_get(s, "member"));
        t = json_string_value(json_object_get(s, "token"));
        if (!is_token(t))
            continue;
        for (size_t k = 2; k < n; k++)
            if (same(seats[k].role, role) && same(seats[k].member, member))
                memcpy(seats[k].token, t, WEB_TOKEN_HEX + 1);
    }
    json_decref(root);
}

static int save(const web_seat *seats, size_t n, const char *path, tt_error *err)
{
    json_t *root = json_object(), *list = json_array();
    int bad = !root || !list;
    if (!bad) {
        bad |= json_object_set_new(root, "facilitator", json_string(seats[0].token));
        bad |= json_object_set_new(root, "observer", json_string(seats[1].token));
        bad |= json_object_set(root, "seats", list);
        for (size_t k = 2; k < n; k++) {
            json_t *s = json_pack("{s:s, s:s?, s:s}", "role", seats[k].role, "member",
                                  seats[k].member, "token", seats[k].token);
            bad |= !s || json_array_append_new(list, s);
        }
    }
    char *text = bad ? NULL : tt_json_dumps(root, JSON_INDENT(1));
    json_decref(list);
    json_decref(root);
    if (!text) {
        tt_error_oom(err, NULL);
        return -1;
    }
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
    size_t len = strlen(text);
    bool ok = fd >= 0 && fchmod(fd, 0600) == 0 && write(fd, text, len) == (ssize_t)len;
    int saved = errno;
    if (fd >= 0 && close(fd) != 0)
        ok = false;
    free(text);
    if (!ok) {
        tt_error_runtime(err, path, TT_MSG(E_WEB_CANNOT_KEEP_LINKS_FMT), tt_os_error(saved));
        return -1;
    }
    return 0;
}

int web_seats_make(web_seat **out, size_t *n_out, const tt_scenario *sc, const tt_roster *roster,
                   const char *links_path, bool reuse, tt_error *err)
{
    size_t players = roster && roster->n_members ? roster->n_members : sc->n_roles;
    size_t n = 2 + players;
    web_seat *seats = calloc(n, sizeof *seats);
    if (!seats) {
        tt_error_oom(err, NULL);
        return -1;
    }
    seats[0].kind = SEAT_FACILITATOR;
    seats[1].kind = SEAT_OBSERVER;
    for (size_t i = 0; i < players; i++) {
        web_seat *s = &seats[2 + i];
        s->kind = SEAT_PLAYER;
        if (roster && roster->n_members) {
            s->role = roster->members[i].role;
            s->member = roster->members[i].name;
        } else {
            s->role = sc->roles[i].id;
        }
    }
    for (size_t i = 0; i < n; i++)
        if (new_token(seats[i].token, err) != 0) {
            free(seats);
            return -1;
        }
    if (reuse && links_path)
        reload(seats, n, links_path);
    if (links_path && save(seats, n, links_path, err) != 0) {
        free(seats);
        return -1;
    }
    *out = seats;
    *n_out = n;
    return 0;
}

int web_seat_find(const web_seat *seats, size_t n, const char *token, size_t len)
{
    if (len != WEB_TOKEN_HEX)
        return -1;
    int found = -1;
    for (size_t i = 0; i < n; i++) {
        unsigned char diff = 0;
        for (size_t k = 0; k < WEB_TOKEN_HEX; k++)
            diff |= (unsigned char)(seats[i].token[k] ^ token[k]);
        /* No early exit: every seat is compared in full. */
        int hit = diff == 0;
        found = hit ? (int)i : found;
    }
    return found;
}

void web_seats_forget(const char *links_path)
{
    if (links_path)
        unlink(links_path);
}
