/* The action menu (what each role may do right now) and the reading of a
 * typed line into an action or a facilitator command. */
#include "tty_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const tty_command_names[] = {
    "/menu", "/status", "/pause", "/resume", "/speed", "/next", "/inject",
    "/note", "/end", "/quit", "/help", NULL
};

static int menu_push(tty_menu *m, int role, int action)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 16;
        tty_choice *p = realloc(m->items, cap * sizeof *p);
        if (!p)
            return -1;
        m->items = p;
        m->cap = cap;
    }
    m->items[m->n++] = (tty_choice){ role, action };
    return 0;
}

int tty_menu_build(tty_menu *m, tt_exercise *ex)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    m->n = 0;
    for (size_t r = 0; r < sc->n_roles; r++)
        for (size_t a = 0; a < sc->n_actions; a++) {
            if (!tt_action_allows_role(&sc->actions[a], sc->roles[r].id))
                continue;
            tt_text why;
            if (!tt_exercise_can_act(ex, sc->roles[r].id, (int)a, &why))
                continue;
            if (menu_push(m, (int)r, (int)a) != 0)
                return -1;
        }
    return 0;
}

void tty_menu_free(tty_menu *m)
{
    free(m->items);
    *m = (tty_menu){ 0 };
}

void tty_menu_format(const tty_menu *m, const tt_scenario *sc, tt_lang lang,
                     tty_buf *out)
{
    if (m->n == 0) {
        tty_buf_printf(out, "%s\n", tty_msg(M_MENU_NONE, lang));
        return;
    }
    tty_buf_printf(out, "%s:\n", tty_msg(M_MENU_TITLE, lang));
    int last_role = -1;
    for (size_t i = 0; i < m->n; i++) {
        const tty_choice *c = &m->items[i];
        if (c->role != last_role) {
            const tt_role *r = &sc->roles[c->role];
            tty_buf_printf(out, " [%s] %s\n", r->id, tt_text_get(&r->name, lang));
            last_role = c->role;
        }
        const tt_action *a = &sc->actions[c->action];
        tty_buf_printf(out, "  %2zu. %s - %s\n", i + 1, a->id,
                       tt_text_get(&a->label, lang));
    }
    tty_buf_printf(out, "(%s)\n", tty_msg(M_MENU_HINT, lang));
}

/* Next whitespace-separated word of *s into word; *s moves past it. */
static bool next_word(const char **s, char *word, size_t size)
{
    const char *p = *s;
    while (*p && isspace((unsigned char)*p))
        p++;
    if (!*p)
        return false;
    size_t n = 0;
    while (p[n] && !isspace((unsigned char)p[n]))
        n++;
    if (n >= size)
        n = size - 1;
    memcpy(word, p, n);
    word[n] = '\0';
    while (*p && !isspace((unsigned char)*p))
        p++;
    *s = p;
    return true;
}

static void rest_of(const char *s, char *out, size_t size)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (n >= size) {
        /* Cut on a character boundary: half a character would be text the
         * journal refuses. */
        n = size - 1;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    /* Typed (or pasted) control characters never reach the journal or the
     * screen as such: they are kept as visible escapes. */
    tt_term_safe(out, size, s, n, 0);
}

static void fail(tty_cmd *out, const char *what, const char *why)
{
    out->kind = CMD_ERROR;
    if (what && what[0])
        snprintf(out->text, sizeof out->text, "%s: %s", what, why);
    else
        snprintf(out->text, sizeof out->text, "%s", why);
}

static bool is_number(const char *w)
{
    if (!*w)
        return false;
    for (const char *p = w; *p; p++)
        if (!isdigit((unsigned char)*p))
            return false;
    return true;
}

/* Is `name` on the roster in `role` (any role when role is NULL)? */
static bool roster_has(const tt_roster *roster, const char *name, const char *role)
{
    for (size_t i = 0; i < roster->n_members; i++)
        if (strcmp(roster->members[i].name, name) == 0 &&
            (!role || strcmp(roster->members[i].role, role) == 0))
            return true;
    return false;
}

static void parse_command(const char *line, tt_lang lang,
                          const tt_scenario *sc, tty_cmd *out)
{
    char word[64];
    const char *p = line;
    next_word(&p, word, sizeof word);
    static const struct { const char *name; tty_cmd_kind kind; } simple[] = {
        { "/menu", CMD_MENU }, { "/status", CMD_STATUS },
        { "/pause", CMD_PAUSE }, { "/resume", CMD_RESUME },
        { "/next", CMD_NEXT }, { "/end", CMD_END }, { "/quit", CMD_QUIT },
        { "/help", CMD_HELP }, { "/?", CMD_HELP },
    };
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (strcmp(word, simple[i].name) == 0) {
            out->kind = simple[i].kind;
            return;
        }
    if (strcmp(word, "/speed") == 0) {
        char num[64];
        char *end = NULL;
        double v = next_word(&p, num, sizeof num) ? strtod(num, &end) : 0;
        if (!end || *end || !(v >= TTY_SPEED_MIN) || v > TTY_SPEED_MAX) {
            fail(out, word, tty_msg(M_BAD_SPEED, lang));
            return;
        }
        out->kind = CMD_SPEED;
        out->speed = v;
        return;
    }
    if (strcmp(word, "/inject") == 0) {
        rest_of(p, out->text, sizeof out->text);
        if (!out->text[0]) {
            fail(out, word, tty_msg(M_NEED_TEXT, lang));
            return;
        }
        out->kind = CMD_INJECT;
        return;
    }
    if (strcmp(word, "/note") == 0) {
        char role[128];
        if (!next_word(&p, role, sizeof role) || tt_scenario_role(sc, role) < 0) {
            fail(out, word, tty_msg(M_NOTE_ROLE, lang));
            return;
        }
        out->role = tt_scenario_role(sc, role);
        rest_of(p, out->text, sizeof out->text);
        if (!out->text[0]) {
            fail(out, word, tty_msg(M_NEED_TEXT, lang));
            return;
        }
        out->kind = CMD_NOTE;
        return;
    }
    fail(out, word, tty_msg(M_UNKNOWN_COMMAND, lang));
}

void tty_parse_line(const char *line, const tty_menu *m, const tt_scenario *sc,
                    const tt_roster *roster, tt_lang lang, tty_cmd *out)
{
    memset(out, 0, sizeof *out);
    out->role = out->action = -1;
    char word[256];
    const char *p = line;
    if (!next_word(&p, word, sizeof word)) {
        out->kind = CMD_NONE;
        return;
    }
    if (word[0] == '/') {
        parse_command(line, lang, sc, out);
        return;
    }
    int found = -1;
    if (is_number(word)) {
        long n = strtol(word, NULL, 10);
        if (n < 1 || (size_t)n > m->n) {
            fail(out, word, tty_msg(M_UNKNOWN_CHOICE, lang));
            return;
        }
        found = (int)n - 1;
    } else {
        int role = tt_scenario_role(sc, word);
        char action[256];
        if (role >= 0) {
            if (!next_word(&p, action, sizeof action)) {
                fail(out, word, tty_msg(M_UNKNOWN_CHOICE, lang));
                return;
            }
        } else {
            memcpy(action, word, sizeof action);
        }
        size_t matches = 0;
        for (size_t i = 0; i < m->n; i++)
            if (strcmp(sc->actions[m->items[i].action].id, action) == 0 &&
                (role < 0 || m->items[i].role == role)) {
                if (matches++ == 0)
                    found = (int)i;
            }
        if (matches == 0) {
            fail(out, action, tty_msg(M_UNKNOWN_CHOICE, lang));
            return;
        }
        if (matches > 1) {
            fail(out, action, tty_msg(M_AMBIGUOUS, lang));
            return;
        }
    }
    out->role = m->items[found].role;
    out->action = m->items[found].action;
    /* An optional "@member", then the note. */
    const char *q = p;
    char member[256];
    if (next_word(&q, member, sizeof member) && member[0] == '@' && member[1]) {
        if (roster && !roster_has(roster, member + 1, out->role >= 0 ? sc->roles[out->role].id : NULL)) {
            fail(out, member, tty_msg(M_NOT_ROSTER, lang));
            return;
        }
        size_t len = strlen(member + 1);
        if (len >= sizeof out->member) { /* no roster name is that long */
            fail(out, member, tty_msg(M_NOT_ROSTER, lang));
            return;
        }
        memcpy(out->member, member + 1, len + 1);
        p = q;
    }
    rest_of(p, out->text, sizeof out->text);
    out->kind = CMD_ACTION;
}
