/* The action menu (what each role may do right now) and the reading of a
 * typed line into an action or a facilitator command. */
#include "tty_internal.h"
#include "tabletop/suggest.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const tty_command_names[] = {
    "/menu", "/status", "/pause", "/resume", "/speed", "/next", "/inject",
    "/note", "/cancel", "/reply", "/end", "/quit", "/help", NULL
};

static void choice_free(tty_choice *c)
{
    free(c->why_ja);
    free(c->why_en);
    c->why_ja = c->why_en = NULL;
}

static int menu_push(tty_menu *m, int role, int action)
{
    if (!tt_grow(&m->items, &m->cap, m->n + 1, sizeof *m->items))
        return -1;
    m->items[m->n++] = (tty_choice){ role, action, false, NULL, NULL };
    return 0;
}

static char *dup_or_empty(const char *s)
{
    return strdup(s ? s : "");
}

int tty_menu_build(tty_menu *m, tt_exercise *ex)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    bool ended = tt_exercise_phase(ex) == TT_PHASE_ENDED;
    for (size_t i = 0; i < m->n; i++)
        choice_free(&m->items[i]);
    m->n = 0;
    /* The stable numbering's order: entry i is number i + 1. */
    for (int number = 1;; number++) {
        int r, a;
        if (!tt_action_by_number(sc, number, &r, &a))
            break;
        if (menu_push(m, r, a) != 0)
            return -1;
        tty_choice *c = &m->items[m->n - 1];
        tt_text why = { NULL, NULL };
        c->available = !ended && tt_exercise_can_act(ex, sc->roles[r].id, a, &why);
        if (!c->available) {
            /* The reason is the exercise's until its next call: copy it. */
            c->why_ja = dup_or_empty(why.ja);
            c->why_en = dup_or_empty(why.en);
            if (!c->why_ja || !c->why_en)
                return -1;
        }
    }
    return 0;
}

void tty_menu_free(tty_menu *m)
{
    for (size_t i = 0; i < m->n; i++)
        choice_free(&m->items[i]);
    free(m->items);
    *m = (tty_menu){ 0 };
}

static const char *choice_why(const tty_choice *c, tt_lang lang)
{
    const char *w = lang == TT_LANG_JA ? c->why_ja : c->why_en;
    if (!w || !w[0])
        w = lang == TT_LANG_JA ? c->why_en : c->why_ja;
    return w && w[0] ? w : tty_msg(M_NOT_AVAILABLE, lang);
}

void tty_menu_format(const tty_menu *m, const tt_scenario *sc, tt_lang lang, bool all,
                     tt_buf *out)
{
    size_t shown = 0, hidden = 0;
    for (size_t i = 0; i < m->n; i++)
        m->items[i].available ? shown++ : hidden++;
    if (shown == 0 && !all) {
        tt_buf_printf(out, "%s\n", tty_msg(M_MENU_NONE, lang));
    } else {
        tt_buf_printf(out, "%s:\n", tty_msg(M_MENU_TITLE, lang));
        int last_role = -1;
        for (size_t i = 0; i < m->n; i++) {
            const tty_choice *c = &m->items[i];
            if (!c->available && !all)
                continue;
            if (c->role != last_role) {
                const tt_role *r = &sc->roles[c->role];
                tt_buf_printf(out, " [%s] %s\n", r->id, tt_text_get(&r->name, lang));
                last_role = c->role;
            }
            const tt_action *a = &sc->actions[c->action];
            /* Unavailable: the number in brackets (never reused), and why. */
            if (c->available)
                tt_buf_printf(out, "  %3zu. %s - %s\n", i + 1, a->id,
                               tt_text_get(&a->label, lang));
            else
                tt_buf_printf(out, "  (%zu) %s - %s: %s\n", i + 1, a->id,
                               tt_text_get(&a->label, lang), choice_why(c, lang));
        }
    }
    if (hidden && !all) {
        tt_buf_printf(out, "(");
        tt_buf_printf(out, TT_FMT(lang, M_MENU_HIDDEN_FMT), hidden);
        tt_buf_printf(out, ")\n");
    }
    tt_buf_printf(out, "(%s)\n", tty_msg(M_MENU_HINT, lang));
}

void tty_menu_format_new(const tty_menu *before, const tty_menu *now,
                         const tt_scenario *sc, tt_lang lang, tt_buf *out)
{
    bool any = false;
    for (size_t i = 0; i < now->n; i++) {
        if (!now->items[i].available ||
            (i < before->n && before->items[i].available))
            continue;
        if (any)
            tt_buf_printf(out, ", %zu %s", i + 1, sc->actions[now->items[i].action].id);
        else
            tt_buf_printf(out, "%s: %zu %s", tty_msg(M_NOW_AVAILABLE, lang), i + 1,
                           sc->actions[now->items[i].action].id);
        /* An action several roles may take: say whose number this is. */
        bool shared = false;
        for (size_t k = 0; k < now->n && !shared; k++)
            shared = k != i && now->items[k].action == now->items[i].action;
        if (shared && now->items[i].role >= 0)
            tt_buf_printf(out, " (%s)", tt_text_get(&sc->roles[now->items[i].role].name, lang));
        any = true;
    }
    if (any)
        tt_buf_printf(out, "\n");
}

/* Next word of *s into word, full-width ASCII folded ("７" is 7, "／ｓｔａｔｕｓ"
 * is /status: what a Japanese IME types); words are separated by ASCII or
 * ideographic (U+3000) spaces. *s moves past it. */
static bool next_word(const char **s, char *word, size_t size)
{
    const char *p = *s;
    size_t sp;
    while ((sp = tt_width_space(p)) != 0)
        p += sp;
    if (!*p)
        return false;
    size_t n = 0;
    while (p[n] && !tt_width_space(p + n))
        n++;
    size_t keep = n;
    if (keep >= size) {
        keep = size - 1;
        while (keep > 0 && ((unsigned char)p[keep] & 0xC0) == 0x80)
            keep--;
    }
    memcpy(word, p, keep);
    word[keep] = '\0';
    tt_width_fold(word);
    *s = p + n;
    return true;
}

/* Length of s without trailing ASCII or ideographic spaces. */
static size_t trimmed_len(const char *s)
{
    size_t n = strlen(s);
    for (;;) {
        if (n && isspace((unsigned char)s[n - 1]))
            n--;
        else if (n >= 3 && tt_width_space(s + n - 3) == 3)
            n -= 3;
        else
            return n;
    }
}

static void rest_of(const char *s, char *out, size_t size)
{
    size_t sp;
    while ((sp = tt_width_space(s)) != 0)
        s += sp;
    size_t n = trimmed_len(s);
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

static const char *did_you_mean(const char *what, tt_lang lang)
{
    static char buf[256];
    snprintf(buf, sizeof buf, TT_FMT(lang, M_DID_YOU_MEAN_FMT), what);
    return buf;
}

/* "/note" without a role: the roles there are ("give a role first: roles:
 * sysadmin (System staff), ..."), or the one a misspelt role meant. */
static void roles_hint(const tt_scenario *sc, const char *typed, tt_lang lang, char *out,
                       size_t size)
{
    const char *near = typed && typed[0] && sc->n_roles
                           ? tt_suggest_nearest(typed, &sc->roles[0].id, sc->n_roles,
                                                sizeof sc->roles[0])
                           : NULL;
    int off = snprintf(out, size, "%s", tty_msg(M_NOTE_ROLE, lang));
    if (near) {
        snprintf(out + off, size - (size_t)off, "; %s", did_you_mean(near, lang));
        return;
    }
    off += snprintf(out + off, size - (size_t)off, "; %s:", tty_msg(M_ROLES_ARE, lang));
    for (size_t i = 0; i < sc->n_roles && off > 0 && (size_t)off < size; i++)
        off += snprintf(out + off, size - (size_t)off, "%s %s (%s)", i ? "," : "",
                        sc->roles[i].id, tt_text_get(&sc->roles[i].name, lang));
}

static int resolve_choice(const char *word, const char **p, const tty_menu *m,
                          const tt_scenario *sc, tt_lang lang, bool by_availability,
                          tty_cmd *out);

static void parse_command(const char *line, tt_lang lang, const tty_menu *m,
                          const tt_scenario *sc, tty_cmd *out)
{
    char word[64];
    const char *p = line;
    next_word(&p, word, sizeof word);
    static const struct { const char *name; tty_cmd_kind kind; } simple[] = {
        { "/status", CMD_STATUS },
        { "/pause", CMD_PAUSE }, { "/resume", CMD_RESUME },
        { "/next", CMD_NEXT }, { "/end", CMD_END }, { "/quit", CMD_QUIT },
        { "/help", CMD_HELP }, { "/?", CMD_HELP },
    };
    for (size_t i = 0; i < sizeof simple / sizeof simple[0]; i++)
        if (strcmp(word, simple[i].name) == 0) {
            out->kind = simple[i].kind;
            return;
        }
    if (strcmp(word, "/menu") == 0) {
        char arg[16];
        bool all = next_word(&p, arg, sizeof arg) && strcmp(arg, "all") == 0;
        out->kind = all ? CMD_MENU_ALL : CMD_MENU;
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
        char role[128] = "";
        if (!next_word(&p, role, sizeof role) || tt_scenario_role(sc, role) < 0) {
            /* Say which roles there are (or which one was meant). */
            char roles[2048];
            roles_hint(sc, role, lang, roles, sizeof roles);
            fail(out, word, roles);
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
    if (strcmp(word, "/cancel") == 0 || strcmp(word, "/reply") == 0) {
        /* API 1.1: the action as taking one names it: its stable number,
         * its id (after a role id when several roles may take it) or the
         * start of its label; the rest is the note or the answer. */
        bool cancel = word[1] == 'c';
        char choice[256];
        if (!next_word(&p, choice, sizeof choice)) {
            fail(out, word, tty_msg(M_NEED_NUMBER, lang));
            return;
        }
        int found = resolve_choice(choice, &p, m, sc, lang, false, out);
        if (found < 0)
            return;
        rest_of(p, out->text, sizeof out->text);
        if (!cancel && !out->text[0]) {
            fail(out, word, tty_msg(M_NEED_TEXT, lang));
            return;
        }
        out->kind = cancel ? CMD_CANCEL : CMD_REPLY;
        out->role = m->items[found].role;
        out->action = m->items[found].action;
        return;
    }
    size_t n_names = 0;
    while (tty_command_names[n_names])
        n_names++;
    const char *near = tt_suggest_nearest(word, tty_command_names, n_names,
                                          sizeof *tty_command_names);
    if (near) {
        char hint[1024];
        snprintf(hint, sizeof hint, "%s; %s", tty_msg(M_UNKNOWN_COMMAND, lang),
                 did_you_mean(near, lang));
        fail(out, word, hint);
        return;
    }
    fail(out, word, tty_msg(M_UNKNOWN_COMMAND, lang));
}

/* Does label start with prefix (ASCII letters in any case)? */
static bool starts_with(const char *label, const char *prefix)
{
    if (!prefix[0])
        return false;
    for (; *prefix; label++, prefix++) {
        unsigned char a = (unsigned char)*label, b = (unsigned char)*prefix;
        if (a < 0x80 && b < 0x80 ? tolower(a) != tolower(b) : a != b)
            return false;
    }
    return true;
}

/* Does some action of the menu (of role, when role >= 0) have a label
 * beginning with start? */
static bool some_label_starts(const tty_menu *m, const tt_scenario *sc, tt_lang lang, int role,
                              const char *start)
{
    for (size_t i = 0; i < m->n; i++)
        if ((role < 0 || m->items[i].role == role) &&
            starts_with(tt_text_get(&sc->actions[m->items[i].action].label, lang), start))
            return true;
    return false;
}

/* Take the following words into start while it still begins a label; *p
 * moves past the words taken. */
static void extend_label_start(const tty_menu *m, const tt_scenario *sc, tt_lang lang, int role,
                               char *start, size_t size, const char **p)
{
    if (!some_label_starts(m, sc, lang, role, start))
        return;
    char word[256], longer[512];
    for (const char *q = *p; next_word(&q, word, sizeof word);) {
        int n = snprintf(longer, sizeof longer, "%s %s", start, word);
        if (n < 0 || (size_t)n >= size || !some_label_starts(m, sc, lang, role, longer))
            return;
        memcpy(start, longer, (size_t)n + 1);
        *p = q;
    }
}

/* A label start that fits several actions: name them with their numbers. */
static void label_candidates(const tty_menu *m, const tt_scenario *sc, tt_lang lang, int role,
                             const char *typed, tty_cmd *out)
{
    out->kind = CMD_ERROR;
    size_t size = sizeof out->text;
    int off = snprintf(out->text, size, "%s: %s:", typed, tty_msg(M_AMBIGUOUS_LABEL, lang));
    for (size_t i = 0; i < m->n && off > 0 && (size_t)off + 200 < size; i++) {
        const tty_choice *c = &m->items[i];
        const char *label = tt_text_get(&sc->actions[c->action].label, lang);
        if ((role >= 0 && c->role != role) || !starts_with(label, typed))
            continue;
        off += snprintf(out->text + off, size - (size_t)off, " %zu %s (%s)", i + 1,
                        sc->actions[c->action].id, label);
    }
}

/* Neither a number, an action id nor a label: the nearest action or role id. */
static void unknown_choice(const tt_scenario *sc, const char *typed, tt_lang lang, tt_term what,
                           tty_cmd *out)
{
    size_t n = sc->n_actions + sc->n_roles;
    const char **ids = calloc(n + 1, sizeof *ids);
    const char *near = NULL;
    if (ids) {
        for (size_t i = 0; i < sc->n_actions; i++)
            ids[i] = sc->actions[i].id;
        for (size_t i = 0; i < sc->n_roles; i++)
            ids[sc->n_actions + i] = sc->roles[i].id;
        near = tt_suggest_nearest(typed, ids, n, sizeof *ids);
    }
    char why[1024];
    if (near)
        snprintf(why, sizeof why, "%s; %s", tty_msg(what, lang), did_you_mean(near, lang));
    else
        snprintf(why, sizeof why, "%s", tty_msg(what, lang));
    free(ids);
    fail(out, typed, why);
}

/* The menu entry a typed choice names: a stable number, an action id (after
 * an optional role id) or the start of a label in the drill's language, as
 * many of the following words as still begin one ("Ask the form" chooses
 * "Ask the form owners ..."). by_availability (taking an action): entries of
 * one id are told apart by which is available now; otherwise (cancel,
 * reply) several are ambiguous. *p moves past the words taken. Returns the
 * entry's index, or -1 with out set to the error. */
static int resolve_choice(const char *word, const char **p, const tty_menu *m,
                          const tt_scenario *sc, tt_lang lang, bool by_availability,
                          tty_cmd *out)
{
    if (is_number(word)) {
        /* A stable number: the same action whatever is available now. */
        long n = strlen(word) < 9 ? strtol(word, NULL, 10) : 0;
        if (n < 1 || (size_t)n > m->n) {
            fail(out, word, tty_msg(M_NO_SUCH_NUMBER, lang));
            return -1;
        }
        return (int)n - 1;
    }
    int role = tt_scenario_role(sc, word);
    char action[256];
    if (role >= 0) {
        if (!next_word(p, action, sizeof action)) {
            fail(out, word, tty_msg(M_UNKNOWN_CHOICE, lang));
            return -1;
        }
    } else {
        snprintf(action, sizeof action, "%s", word);
    }
    size_t matches = 0, available = 0;
    int first_match = -1, found = -1;
    for (size_t i = 0; i < m->n; i++) {
        if (strcmp(sc->actions[m->items[i].action].id, action) != 0 ||
            (role >= 0 && m->items[i].role != role))
            continue;
        if (matches++ == 0)
            first_match = (int)i;
        if (m->items[i].available && available++ == 0)
            found = (int)i;
    }
    if (matches == 0) {
        /* Not an id: the start of a label; the rest is the note. */
        extend_label_start(m, sc, lang, role, action, sizeof action, p);
        int distinct = -1;
        for (size_t i = 0; i < m->n; i++) {
            const tty_choice *c = &m->items[i];
            if ((role >= 0 && c->role != role) ||
                !starts_with(tt_text_get(&sc->actions[c->action].label, lang), action))
                continue;
            distinct = distinct < 0 || distinct == c->action ? c->action : -2;
            if (matches++ == 0)
                first_match = (int)i;
            if (c->available && available++ == 0)
                found = (int)i;
        }
        if (distinct == -2) {
            label_candidates(m, sc, lang, role, action, out);
            return -1;
        }
    }
    if (matches == 0) {
        unknown_choice(sc, action, lang, by_availability ? M_UNKNOWN_CHOICE : M_NO_SUCH_ACTION, out);
        return -1;
    }
    if (by_availability ? available > 1 : matches > 1) {
        fail(out, action, tty_msg(M_AMBIGUOUS, lang));
        return -1;
    }
    return by_availability && available ? found : first_match;
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
        parse_command(line, lang, m, sc, out);
        return;
    }
    int found = resolve_choice(word, &p, m, sc, lang, true, out);
    if (found < 0)
        return;
    if (!m->items[found].available) {
        const tty_choice *c = &m->items[found];
        char what[512];
        snprintf(what, sizeof what, "%d %s (%s)", found + 1, sc->actions[c->action].id,
                 tt_text_get(&sc->actions[c->action].label, lang));
        out->kind = CMD_ERROR;
        snprintf(out->text, sizeof out->text, "%s: %s: %s", what,
                 tty_msg(M_NOT_AVAILABLE, lang), choice_why(c, lang));
        return;
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
