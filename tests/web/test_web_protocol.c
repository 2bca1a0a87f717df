/* tabletop.v1 over real sockets (docs/protocol.md): `tabletop run ransomware
 * --serve 127.0.0.1:0` driven by a libwebsockets client (ws_client.c) in the
 * seats of two roster members, the facilitator and the observer.
 * One CTest entry per case (the argument filters the cmocka test):
 *   drill   two seats, asymmetric injects, acting, stable numbers, answers,
 *           bad input of every kind, flood, reconnect, wrong token, the end
 *   resume  kill -9 of the server, resume --serve: same links, nothing lost
 *   tls     --tls-cert/--tls-key: the page over HTTPS, the socket over WSS */
#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "../tty/e2e_util.h"
#include "tabletop/base.h"
#include "tabletop/scenario.h"
#include "tabletop/score.h"
#include "tabletop/script.h"
#include "ws_client.h"

#define WAIT_MS 10000     /* generous: the machine is shared; a hang fails */

#define assert_got(m, what)                                                             \
    do {                                                                                \
        if (!(m))                                                                       \
            fail_msg("no message: %s", (what));                                         \
    } while (0)

/* A served drill: the process, its links and its files. */
typedef struct served {
    pid_t pid;
    json_t *links;
    char name[64];
} served;

static const char *file_of(const served *s, const char *what)
{
    char name[128];
    snprintf(name, sizeof name, "%s-%s", s->name, what);
    return e2e_tmp(name);
}

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

/* Wait for the --seats file, then read it. */
static json_t *read_links(const char *path, pid_t pid, const char *log)
{
    for (int i = 0; i < 600; i++) {
        struct stat st;
        if (stat(path, &st) == 0 && st.st_size > 0) {
            sleep_ms(50);   /* written in one go, but let it finish */
            json_error_t jerr;
            json_t *j = json_load_file(path, 0, &jerr);
            if (j)
                return j;
        }
        if (waitpid(pid, NULL, WNOHANG) == pid)
            break;
        sleep_ms(50);
    }
    char *out = cli_slurp(log);
    fail_msg("the server wrote no --seats file; it said:\n%s", out ? out : "");
    return NULL;
}

/* Start `tabletop ARGS... --seats F` under name; extra args NULL-terminated. */
static void serve(served *s, const char *name, ...)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    const char *args[48];
    size_t n = 0;
    va_list ap;
    va_start(ap, name);
    for (const char *a; (a = va_arg(ap, const char *)) && n < 40;)
        args[n++] = a;
    va_end(ap);
    char seats[1024], log[1024];
    snprintf(seats, sizeof seats, "%s", file_of(s, "seats.json"));
    snprintf(log, sizeof log, "%s", file_of(s, "server.log"));
    unlink(seats);
    args[n++] = "--seats";
    args[n++] = seats;
    args[n] = NULL;
    s->pid = e2e_spawn(log, args);
    assert_true(s->pid > 0);
    s->links = read_links(seats, s->pid, log);
}

static int finish(served *s, int timeout_ms)
{
    int rc = e2e_wait(s->pid, timeout_ms);
    json_decref(s->links);
    s->links = NULL;
    return rc;
}

static const char *link_of(const served *s, const char *role)
{
    if (!strcmp(role, "facilitator") || !strcmp(role, "observer"))
        return json_string_value(json_object_get(s->links, role));
    size_t i;
    json_t *seat;
    json_array_foreach(json_object_get(s->links, "seats"), i, seat)
        if (!strcmp(json_string_value(json_object_get(seat, "role")), role))
            return json_string_value(json_object_get(seat, "url"));
    fail_msg("no seat for %s", role);
    return NULL;
}

static const char *token_of(const char *url)
{
    return strrchr(url, '/') + 1;
}

static wc_conn *open_seat(wc_ctx *c, const served *s, const char *role)
{
    wc_conn *k = wc_open(c, link_of(s, role), WAIT_MS);
    if (!wc_is_open(k))
        fail_msg("the %s seat's socket did not open", role);
    return k;
}

/* {"type":"event","record":{"type":T, ...}} with the fields given as JSON. */
static const char *event(const char *type, const char *fields)
{
    static char buf[4][512];
    static int next;
    char *out = buf[next++ % 4];
    snprintf(out, 512, "{\"type\":\"event\",\"record\":{\"type\":\"%s\"%s%s}}", type,
             fields && fields[0] ? "," : "", fields ? fields : "");
    return out;
}

static void act(wc_ctx *c, wc_conn *k, const char *action)
{
    wc_send_json(c, k, json_pack("{s:s, s:s}", "type", "act", "action", action));
}

/* The number each action of the role's menus carries is the stable number
 * (tt_action_number, the terminal's): in every menu the seat received. */
static void menus_carry_stable_numbers(const wc_conn *k, const tt_scenario *sc, const char *role)
{
    int r = tt_scenario_role(sc, role);
    assert_true(r >= 0);
    char pattern[64];
    snprintf(pattern, sizeof pattern, "{\"type\":\"menu\",\"role\":\"%s\"}", role);
    assert_true(wc_count(k, pattern) > 0);
    for (size_t a = 0; a < sc->n_actions; a++) {
        if (!tt_action_allows_role(&sc->actions[a], role))
            continue;
        char numbered[256];
        snprintf(numbered, sizeof numbered,
                 "{\"type\":\"menu\",\"actions\":[{\"id\":\"%s\",\"number\":%d}]}",
                 sc->actions[a].id, tt_action_number(sc, r, (int)a));
        char any[200];
        snprintf(any, sizeof any, "{\"type\":\"menu\",\"actions\":[{\"id\":\"%s\"}]}",
                 sc->actions[a].id);
        /* every menu listing the action lists it under its stable number */
        if (wc_count(k, numbered) != wc_count(k, any) || wc_count(k, any) == 0)
            fail_msg("%s: the page's number of %s is not tt_action_number's %d", role,
                     sc->actions[a].id, tt_action_number(sc, r, (int)a));
    }
}

static tt_script *load_ransomware(void)
{
    tt_error err;
    tt_script *s = tt_script_load(e2e_src("scenarios/ransomware.lua"), NULL, &err);
    if (!s)
        fail_msg("cannot load the scenario: %s", err.message);
    return s;
}

static void drill(void **state)
{
    (void)state;
    const char *roster = e2e_tmp("drill-roster.yaml");
    assert_true(e2e_write_file(roster, "team: \"Blue\"\nmembers:\n"
                                       "  - { name: \"Sato\", role: sysadmin }\n"
                                       "  - { name: \"Ito\", role: user }\n"));
    char journal[1024], card[1024];
    snprintf(journal, sizeof journal, "%s", e2e_tmp("drill-j.yaml"));
    snprintf(card, sizeof card, "%s", e2e_tmp("drill-card.json"));
    served s;
    serve(&s, "drill", "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none", "--roster",
          roster, "--journal", journal, "--speed", "60", "--lang", "en", "--scorecard", card,
          (char *)NULL);

    /* The links: loopback by default, one per member, the tokens private. */
    assert_int_equal(json_object_size(s.links), 3);
    assert_int_equal(json_array_size(json_object_get(s.links, "seats")), 2);
    assert_true(!strncmp(link_of(&s, "facilitator"), "http://127.0.0.1:", 17));
    char links_file[1100];
    snprintf(links_file, sizeof links_file, "%s.links", journal);
    struct stat st;
    assert_int_equal(stat(links_file, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);

    wc_ctx *c = wc_new();
    assert_non_null(c);

    /* HTTP: each link its page; a wrong or missing token 403 and no page. */
    int status;
    char *body;
    wc_http_get(c, link_of(&s, "user"), &status, &body, WAIT_MS);
    assert_int_equal(status, 200);
    assert_contains(body, "data-kind=\"player\"");
    free(body);
    wc_http_get(c, link_of(&s, "facilitator"), &status, &body, WAIT_MS);
    assert_int_equal(status, 200);
    assert_contains(body, "data-kind=\"facilitator\"");
    free(body);
    char wrong[512];
    snprintf(wrong, sizeof wrong, "%s", link_of(&s, "observer"));
    size_t wl = strlen(wrong);
    wrong[wl - 1] = wrong[wl - 1] == '0' ? '1' : '0';
    wc_http_get(c, wrong, &status, &body, WAIT_MS);
    assert_int_equal(status, 403);
    assert_lacks(body, "app.js");
    assert_lacks(body, "data-kind");
    /* ... but says why, in both languages: a bare "403" told a player nothing. */
    assert_contains(body, "This link is not a seat of this drill. Ask the facilitator for your own join link.");
    assert_contains(body, "このリンクはこの演習の席ではありません。");
    free(body);
    char none[512];
    snprintf(none, sizeof none, "%.*s", (int)(token_of(wrong) - wrong), wrong);
    wc_http_get(c, none, &status, &body, WAIT_MS);
    assert_int_equal(status, 403);
    assert_lacks(body, "data-kind");
    free(body);
    /* The pages' words: the terms table, both languages. */
    char terms[512];
    snprintf(terms, sizeof terms, "%.*sterms.json", (int)(strstr(wrong, "/join/") + 1 - wrong),
             wrong);
    wc_http_get(c, terms, &status, &body, WAIT_MS);
    assert_int_equal(status, 200);
    json_error_t jerr;
    json_t *tj = json_loads(body, 0, &jerr);
    assert_non_null(tj);
    assert_string_equal(json_string_value(json_object_get(json_object_get(tj, "en"), "W_TAKE")),
                        "Take");
    assert_non_null(json_object_get(json_object_get(tj, "ja"), "M_INJECT"));
    json_decref(tj);
    free(body);

    /* Four sockets. */
    wc_conn *fac = open_seat(c, &s, "facilitator"), *obs = open_seat(c, &s, "observer");
    wc_conn *sys = open_seat(c, &s, "sysadmin"), *user = open_seat(c, &s, "user");
    assert_got(wc_wait(c, user, "{\"type\":\"hello\",\"protocol\":\"tabletop.v1\","
                                "\"seat\":{\"kind\":\"player\",\"role\":\"user\",\"member\":\"Ito\"}}",
                       WAIT_MS),
               "hello names the protocol, the role and the member");
    assert_got(wc_wait(c, user, "{\"type\":\"menu\",\"actions\":[{\"id\":\"call_sysadmin\"},"
                                "{\"id\":\"user_unplug\"}]}", WAIT_MS),
               "the user's menu");
    assert_int_equal(wc_count(user, "{\"type\":\"menu\",\"actions\":[{\"id\":\"pull_cable\"}]}"), 0);

    /* Asymmetric injects: the user's inject never reaches the sysadmin. */
    assert_got(wc_wait(c, user, event("inject", "\"id\":\"av_alert\""), WAIT_MS),
               "the user sees the inject addressed to the user");
    assert_got(wc_wait(c, obs, event("inject", "\"id\":\"av_alert\""), WAIT_MS),
               "the observer sees it too");
    wc_run(c, 300);
    assert_int_equal(wc_count(sys, event("inject", "\"id\":\"av_alert\"")), 0);

    /* Facilitator injects to a role and to one member. */
    wc_send(c, fac, "{\"type\":\"inject\",\"to\":\"sysadmin\",\"text\":\"secret-for-sysadmin\"}");
    wc_send(c, fac, "{\"type\":\"inject\",\"to\":\"user\",\"member\":\"Ito\",\"text\":\"only-for-ito\"}");
    assert_got(wc_wait(c, sys, event("custom", "\"text\":{\"en\":\"secret-for-sysadmin\"}"), WAIT_MS),
               "a facilitator inject to a role reaches it");
    assert_got(wc_wait(c, user, event("custom", "\"text\":{\"en\":\"only-for-ito\"}"), WAIT_MS),
               "a facilitator inject to a member reaches it");
    assert_got(wc_wait(c, obs, event("custom", "\"text\":{\"en\":\"only-for-ito\"}"), WAIT_MS),
               "the observer sees everything");
    wc_run(c, 300);
    assert_false(wc_saw_text(user, "secret-for-sysadmin"));
    assert_false(wc_saw_text(sys, "only-for-ito"));
    wc_send(c, fac, "{\"type\":\"inject\",\"to\":\"ministry\",\"text\":\"x\"}");
    assert_got(wc_wait(c, fac, "{\"type\":\"error\",\"code\":\"unknown_target\"}", WAIT_MS),
               "an inject to no such role");

    /* Acting: another role's action (by id and by its stable number), one
     * not available now (with the menu's reason), an observer, a player
     * pausing; then a good one, journaled by member. */
    tt_script *script = load_ransomware();
    const tt_scenario *sc = tt_script_scenario(script);
    int pull = tt_action_number(sc, tt_scenario_role(sc, "sysadmin"),
                                tt_scenario_action(sc, "pull_cable"));
    assert_true(pull > 0);
    act(c, user, "pull_cable");
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"not_your_role\"}", WAIT_MS),
               "another role's action");
    char by_number[80];
    snprintf(by_number, sizeof by_number, "{\"type\":\"act\",\"number\":%d}", pull);
    wc_send(c, user, by_number);
    if (!wc_wait_n(c, user, "{\"type\":\"error\",\"code\":\"not_your_role\"}", 2, WAIT_MS))
        fail_msg("another role's action by its number is refused too");
    wc_send(c, sys, by_number);
    json_t *na = wc_wait(c, sys, "{\"type\":\"error\",\"code\":\"not_available\"}", WAIT_MS);
    assert_got(na, "an action not available now is refused with its reason");
    const char *reason = json_string_value(json_object_get(na, "message"));
    assert_non_null(reason);
    /* The reason in both languages, for a page switched to the other one. */
    const char *why_en = json_string_value(json_object_get(json_object_get(na, "why"), "en"));
    const char *why_ja = json_string_value(json_object_get(json_object_get(na, "why"), "ja"));
    assert_non_null(why_en);
    assert_non_null(why_ja);
    assert_string_equal(why_en, reason);
    assert_string_not_equal(why_ja, why_en);
    char menu_why[512];
    snprintf(menu_why, sizeof menu_why,
             "{\"type\":\"menu\",\"actions\":[{\"id\":\"pull_cable\",\"number\":%d,"
             "\"available\":false,\"why\":{\"en\":\"%s\"}}]}", pull, reason);
    assert_got(wc_wait(c, sys, menu_why, WAIT_MS),
               "the menu shows the same number, availability and reason");
    act(c, obs, "call_sysadmin");
    assert_got(wc_wait(c, obs, "{\"type\":\"error\",\"code\":\"forbidden\"}", WAIT_MS),
               "an observer cannot act");
    wc_send(c, user, "{\"type\":\"pause\"}");
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"forbidden\"}", WAIT_MS),
               "a player cannot use the facilitator's controls");
    wc_send(c, user, "{\"type\":\"act\",\"action\":\"call_sysadmin\",\"note\":\"calling\"}");
    assert_got(wc_wait(c, user, event("action", "\"id\":\"call_sysadmin\",\"member\":\"Ito\""), WAIT_MS),
               "the user's action is journaled by member");
    /* The consequence on the other seat: pull_cable becomes available,
     * under the same number. */
    snprintf(menu_why, sizeof menu_why,
             "{\"type\":\"menu\",\"actions\":[{\"id\":\"pull_cable\",\"number\":%d,"
             "\"available\":true}]}", pull);
    assert_got(wc_wait(c, sys, menu_why, 3 * WAIT_MS),
               "the sysadmin's menu offers pull_cable after the user's call");
    menus_carry_stable_numbers(user, sc, "user");
    menus_carry_stable_numbers(sys, sc, "sysadmin");
    tt_script_free(script);

    /* Answers: to the facilitator with the member; not to a seat never asked. */
    wc_send(c, user, "{\"type\":\"answer\",\"inject\":\"av_alert\",\"question\":0,\"text\":\"the IT desk\"}");
    assert_got(wc_wait(c, fac, event("answer", "\"id\":\"av_alert\",\"note\":\"the IT desk\","
                                               "\"member\":\"Ito\""), WAIT_MS),
               "an answer reaches the facilitator with its member");
    wc_send(c, sys, "{\"type\":\"answer\",\"inject\":\"av_alert\",\"question\":0,\"text\":\"x\"}");
    assert_got(wc_wait(c, sys, "{\"type\":\"error\",\"code\":\"not_answerable\"}", WAIT_MS),
               "a seat cannot answer a question it was not asked");

    /* Bad input: an error to that seat only, the connection stays. */
    size_t sys_before = wc_received(sys);
    size_t fac_errors = wc_count(fac, "{\"type\":\"error\"}");
    wc_send(c, user, "{not json");
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"bad_json\"}", WAIT_MS),
               "malformed JSON");
    wc_send(c, user, "{\"type\":\"launch_missiles\"}");
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"unknown_type\"}", WAIT_MS),
               "an unknown type");
    wc_send(c, user, "[1,2,3]");
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"bad_message\"}", WAIT_MS),
               "not an object");
    size_t big_len = 70 * 1024;
    char *big = malloc(big_len + 64);
    assert_non_null(big);
    int head = snprintf(big, 64, "{\"type\":\"note\",\"text\":\"");
    memset(big + head, 'x', big_len);
    strcpy(big + head + big_len, "\"}");
    wc_send(c, user, big);
    free(big);
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"too_long\"}", WAIT_MS),
               "a frame over 64 KiB");
    wc_run(c, 500);
    assert_true(wc_is_open(user));
    /* the sysadmin's errors are its own two (not_available, not_answerable) */
    assert_int_equal(wc_count(sys, "{\"type\":\"error\"}"), 2);
    assert_true(wc_received(sys) >= sys_before);
    assert_int_equal(wc_count(fac, "{\"type\":\"error\"}"), fac_errors);
    assert_false(wc_saw_text(fac, "launch_missiles"));
    assert_int_equal(wc_count(obs, event("note", NULL)), 0);   /* the oversized note never landed */

    /* A flood from one seat is rate limited; the seat works again after. */
    for (int i = 0; i < 60; i++)
        wc_send(c, user, "{\"type\":\"ping\"}");
    assert_got(wc_wait(c, user, "{\"type\":\"error\",\"code\":\"rate_limited\"}", WAIT_MS),
               "a flood is rate limited");
    assert_int_equal(wc_count(sys, "{\"type\":\"error\",\"code\":\"rate_limited\"}"), 0);
    wc_run(c, 2500);   /* the bucket refills */
    size_t pongs = wc_count(user, "{\"type\":\"pong\"}");
    wc_send(c, user, "{\"type\":\"note\",\"text\":\"after-the-flood\"}");
    assert_got(wc_wait(c, user, event("note", "\"note\":\"after-the-flood\""), WAIT_MS),
               "the seat still works after bad input");
    assert_true(pongs >= 15 && pongs < 60);

    /* Reconnect with the same link: the seat catches up from the start. */
    wc_close(c, user);
    user = open_seat(c, &s, "user");
    assert_got(wc_wait(c, user, event("inject", "\"id\":\"av_alert\""), WAIT_MS),
               "a reconnected seat gets the inject again");
    assert_got(wc_wait(c, user, event("custom", "\"text\":{\"en\":\"only-for-ito\"}"), WAIT_MS),
               "and the facilitator's inject to its member");
    assert_got(wc_wait(c, user, event("note", "\"note\":\"after-the-flood\""), WAIT_MS),
               "and its own note");
    assert_false(wc_saw_text(user, "secret-for-sysadmin"));
    assert_got(wc_wait(c, fac, "{\"type\":\"seats\",\"seats\":[{\"role\":\"user\",\"connected\":1}]}",
                       WAIT_MS),
               "the facilitator sees who is connected");

    /* A wrong token opens no socket. */
    wc_conn *bad = wc_open(c, wrong, WAIT_MS);
    assert_false(wc_is_open(bad));
    assert_true(wc_failed(bad));

    /* The facilitator ends: every seat is told; then the server goes. */
    wc_send(c, fac, "{\"type\":\"end\"}");
    assert_got(wc_wait(c, user, event("end", NULL), WAIT_MS), "the end reaches the players");
    assert_got(wc_wait(c, sys, event("end", NULL), WAIT_MS), "both of them");
    assert_got(wc_wait(c, user, "{\"type\":\"menu\",\"actions\":[{\"available\":false}]}", WAIT_MS),
               "nothing is available after the end");
    assert_true(wc_wait_closed(c, user, 3 * WAIT_MS));
    /* An expired token: no page any more (403 while the server lingers,
     * then nothing listens). */
    wc_http_get(c, link_of(&s, "user"), &status, &body, WAIT_MS);
    assert_int_not_equal(status, 200);
    assert_lacks(body, "data-kind");
    free(body);
    wc_free(c);

    assert_int_equal(finish(&s, 3 * WAIT_MS), 0);
    assert_int_not_equal(access(links_file, F_OK), 0);   /* tokens forgotten */
    char *text = cli_slurp(journal);
    assert_non_null(text);
    json_t *links = json_load_file(file_of(&s, "seats.json"), 0, &jerr);
    assert_non_null(links);
    assert_lacks(text, token_of(json_string_value(json_object_get(links, "facilitator"))));
    size_t i;
    json_t *seat;
    json_array_foreach(json_object_get(links, "seats"), i, seat)
        assert_lacks(text, token_of(json_string_value(json_object_get(seat, "url"))));
    json_decref(links);
    assert_contains(text, "type: answer");
    assert_contains(text, "\"the IT desk\"");
    assert_contains(text, "to: \"user\"");
    assert_contains(text, "member: \"Ito\"");
    assert_lacks(text, "xxxxxxxxxx");   /* the oversized note */
    free(text);

    /* The scorecard's hot wash names the member; replay agrees. */
    json_t *cj = json_load_file(card, 0, &jerr);
    assert_non_null(cj);
    char *hot = json_dumps(json_object_get(cj, "hotwash"), JSON_COMPACT);
    assert_contains(hot, "\"member\":\"Ito\"");
    assert_contains(hot, "\"answer\":\"the IT desk\"");
    assert_contains(hot, "\"inject\":\"av_alert\"");
    free(hot);
    json_decref(cj);
    const char *html = e2e_tmp("drill-card.html");
    const char *score[] = { "score", journal, "-o", html, "--lang", "en", NULL };
    assert_int_equal(e2e_run(e2e_tmp("drill-score.log"), score), 0);
    char *page = cli_slurp(html);
    assert_contains(page, "id=\"hotwash\"");
    assert_contains(page, "the IT desk");
    assert_contains(page, "Ito");
    free(page);
    const char *replay[] = { "replay", journal, NULL };
    assert_int_equal(e2e_run(e2e_tmp("drill-replay.log"), replay), 0);
}

/* The join links printed in Japanese line up: each URL starts at the same
 * terminal column, whatever the label's width (printf's %-24s counted
 * bytes, three per kana/kanji, two cells on screen). */
static void links_line_up_in_japanese(void **state)
{
    (void)state;
    const char *roster = e2e_tmp("ja-roster.yaml");
    assert_true(e2e_write_file(roster, "members:\n  - { name: \"佐藤\", role: sysadmin }\n"
                                       "  - { name: \"Ito\", role: user }\n"));
    served s;
    serve(&s, "ja", "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none", "--roster",
          roster, "--journal", e2e_tmp("ja-j.yaml"), "--lang", "ja", "--no-scorecard", (char *)NULL);
    char *log = cli_slurp(file_of(&s, "server.log"));
    kill(s.pid, SIGKILL);
    finish(&s, WAIT_MS);
    int lines = 0;
    size_t column = 0;
    for (char *line = strtok(log, "\n"); line; line = strtok(NULL, "\n")) {
        char *url = strstr(line, "http://");
        if (!url)
            continue;
        *url = '\0';
        size_t cells = tt_display_width(line);
        if (lines++ == 0)
            column = cells;
        else if (cells != column)
            fail_msg("'%s' puts its link at column %zu, the first at %zu", line, cells, column);
    }
    assert_int_equal(lines, 4); /* facilitator, observer, two seats */
    free(log);
}

static void resume_after_kill_9(void **state)
{
    (void)state;
    char journal[1024];
    snprintf(journal, sizeof journal, "%s", e2e_tmp("kill-j.yaml"));
    served s;
    serve(&s, "kill", "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none", "--journal",
          journal, "--speed", "60", "--lang", "en", "--no-scorecard", (char *)NULL);
    wc_ctx *c = wc_new();
    assert_non_null(c);
    wc_conn *user = open_seat(c, &s, "user");
    act(c, user, "call_sysadmin");
    assert_got(wc_wait(c, user, event("action", "\"id\":\"call_sysadmin\""), WAIT_MS),
               "acted before the crash");
    wc_send(c, user, "{\"type\":\"note\",\"text\":\"before-the-crash\"}");
    assert_got(wc_wait(c, user, event("note", "\"note\":\"before-the-crash\""), WAIT_MS),
               "a note before the crash");
    json_t *links = json_deep_copy(s.links);
    const char *fac_url = json_string_value(json_object_get(links, "facilitator"));
    char port[16];
    snprintf(port, sizeof port, "%d", atoi(strrchr(fac_url, ':') + 1));

    kill(s.pid, SIGKILL);   /* no chance to tidy up */
    assert_int_equal(finish(&s, WAIT_MS), 128 + SIGKILL);
    assert_true(wc_wait_closed(c, user, WAIT_MS));
    char links_file[1100];
    snprintf(links_file, sizeof links_file, "%s.links", journal);
    assert_int_equal(access(links_file, F_OK), 0);   /* the tokens survive */

    char addr[64];
    snprintf(addr, sizeof addr, "127.0.0.1:%s", port);
    served r;
    serve(&r, "resumed", "resume", journal, "--serve", addr, "--ui", "none", "--no-scorecard",
          "--lang", "en", (char *)NULL);
    if (!json_equal(r.links, links))
        fail_msg("resume --serve did not give every seat the same link");
    user = open_seat(c, &r, "user");
    wc_conn *fac = open_seat(c, &r, "facilitator");
    assert_got(wc_wait(c, user, event("action", "\"id\":\"call_sysadmin\""), WAIT_MS),
               "the same link catches up on the action before the crash");
    assert_got(wc_wait(c, user, event("note", "\"note\":\"before-the-crash\""), WAIT_MS),
               "and on the note");
    assert_got(wc_wait(c, user, "{\"type\":\"status\",\"phase\":\"paused\"}", WAIT_MS),
               "the resumed drill waits, paused");
    wc_send(c, fac, "{\"type\":\"resume\"}");
    assert_got(wc_wait(c, user, "{\"type\":\"status\",\"phase\":\"running\"}", WAIT_MS),
               "the facilitator resumes it from the page");
    wc_send(c, user, "{\"type\":\"note\",\"text\":\"after-the-crash\"}");
    assert_got(wc_wait(c, user, event("note", "\"note\":\"after-the-crash\""), WAIT_MS),
               "the seat goes on after the crash");
    wc_send(c, fac, "{\"type\":\"end\"}");
    assert_got(wc_wait(c, user, event("end", NULL), WAIT_MS), "the end");
    wc_free(c);
    json_decref(links);
    assert_int_equal(finish(&r, 3 * WAIT_MS), 0);
    char *text = cli_slurp(journal);
    assert_contains(text, "before-the-crash");
    assert_contains(text, "after-the-crash");
    free(text);
    const char *replay[] = { "replay", journal, NULL };
    assert_int_equal(e2e_run(e2e_tmp("kill-replay.log"), replay), 0);
}

static void over_tls(void **state)
{
    (void)state;
    char cert[1024], key[1024];
    snprintf(cert, sizeof cert, "%s", e2e_tmp("tls-cert.pem"));
    snprintf(key, sizeof key, "%s", e2e_tmp("tls-key.pem"));
    char cmd[3000];
    snprintf(cmd, sizeof cmd,
             "openssl req -x509 -newkey rsa:2048 -nodes -keyout '%s' -out '%s' -days 1 "
             "-subj /CN=127.0.0.1 >/dev/null 2>&1", key, cert);
    if (system(cmd) != 0)
        fail_msg("openssl could not make a test certificate (package openssl)");
    served s;
    serve(&s, "tls", "run", "ransomware", "--serve", "127.0.0.1:0", "--ui", "none", "--journal",
          e2e_tmp("tls-j.yaml"), "--tls-cert", cert, "--tls-key", key, "--no-scorecard", "--lang",
          "en", "--qr", (char *)NULL);
    assert_true(!strncmp(link_of(&s, "observer"), "https://127.0.0.1:", 18));
    /* --qr: a code under each of the four links (half blocks; into a file,
     * so plain, with the bottom border's upper-half blocks closing each). */
    char *out = cli_slurp(file_of(&s, "server.log"));
    assert_contains(out, link_of(&s, "observer"));
    size_t closing = 0;
    for (const char *p = out; (p = strstr(p, "\n\u2580\u2580\u2580")); p++)
        closing++;
    assert_int_equal(closing, 4);
    free(out);
    wc_ctx *c = wc_new();
    assert_non_null(c);
    int status;
    char *body;
    wc_http_get(c, link_of(&s, "observer"), &status, &body, WAIT_MS);
    assert_int_equal(status, 200);
    assert_contains(body, "data-kind=\"observer\"");
    free(body);
    char wrong[512];
    snprintf(wrong, sizeof wrong, "%s", link_of(&s, "user"));
    wrong[strlen(wrong) - 2] = wrong[strlen(wrong) - 2] == 'a' ? 'b' : 'a';
    wc_http_get(c, wrong, &status, &body, WAIT_MS);
    assert_int_equal(status, 403);
    assert_lacks(body, "data-kind");
    free(body);
    wc_conn *obs = open_seat(c, &s, "observer");
    assert_got(wc_wait(c, obs, "{\"type\":\"hello\",\"seat\":{\"kind\":\"observer\"}}", WAIT_MS),
               "the socket over WSS says hello");
    wc_conn *fac = open_seat(c, &s, "facilitator");
    wc_send(c, fac, "{\"type\":\"end\"}");
    assert_got(wc_wait(c, obs, event("end", NULL), WAIT_MS), "the end over WSS");
    wc_free(c);
    assert_int_equal(finish(&s, 3 * WAIT_MS), 0);
}

/* Scenario API 1.1 over the sockets: an inject to two roles reaches both
 * seats (and lists them), a seat cancels its role's action in progress and
 * answers the question an actor asked about another; each seat sees only
 * its own role's records; another role's action is refused; it replays. */
static void api11(void **state)
{
    (void)state;
    char journal[1024];
    snprintf(journal, sizeof journal, "%s", e2e_tmp("api11-j.yaml"));
    served s;
    serve(&s, "api11", "run", e2e_src("tests/authoring/fixtures/api11.lua"), "--serve",
          "127.0.0.1:0", "--ui", "none", "--journal", journal, "--speed", "300", "--lang", "en",
          "--no-scorecard", (char *)NULL);
    wc_ctx *c = wc_new();
    assert_non_null(c);
    wc_conn *fac = open_seat(c, &s, "facilitator");
    wc_conn *oncall = open_seat(c, &s, "oncall"), *manager = open_seat(c, &s, "manager");
    const char *alert = event("inject", "\"id\":\"alert\",\"to\":[\"oncall\",\"manager\"]");
    assert_got(wc_wait(c, oncall, alert, WAIT_MS), "the alert reaches the engineer");
    assert_got(wc_wait(c, manager, alert, WAIT_MS), "and the manager");

    act(c, manager, "call_vendor");
    act(c, oncall, "save_logs");
    assert_got(wc_wait(c, oncall, event("action", "\"id\":\"save_logs\""), WAIT_MS), "saving");
    wc_send(c, oncall, "{\"type\":\"cancel\",\"action\":\"save_logs\",\"note\":\"later\"}");
    assert_got(wc_wait(c, oncall, event("cancel", "\"id\":\"save_logs\",\"note\":\"later\""),
                       WAIT_MS), "cancelled");
    wc_send(c, oncall, "{\"type\":\"cancel\",\"action\":\"call_vendor\"}");
    assert_got(wc_wait(c, oncall, "{\"type\":\"error\",\"code\":\"not_your_role\"}", WAIT_MS),
               "another role's action is not this seat's to cancel");
    const char *asked = event("asked", "\"id\":\"call_vendor\",\"from\":\"vendor\"");
    assert_got(wc_wait(c, manager, asked, WAIT_MS), "the vendor asks the manager");
    wc_send(c, manager, "{\"type\":\"reply\",\"action\":\"call_vendor\",\"text\":\"web01\"}");
    assert_got(wc_wait(c, manager, event("reply", "\"id\":\"call_vendor\",\"note\":\"web01\""),
                       WAIT_MS), "the answer");
    assert_got(wc_wait(c, manager, event("done", "\"id\":\"call_vendor\""), WAIT_MS),
               "the request goes on");
    assert_got(wc_wait(c, fac, event("reply", "\"id\":\"call_vendor\""), WAIT_MS),
               "the facilitator sees every record");
    /* Each player seat sees its own role's records only. */
    assert_int_equal(wc_count(oncall, event("asked", NULL)), 0);
    assert_int_equal(wc_count(oncall, event("reply", NULL)), 0);
    assert_int_equal(wc_count(manager, event("cancel", NULL)), 0);

    wc_send(c, fac, "{\"type\":\"end\"}");
    assert_got(wc_wait(c, manager, event("end", NULL), WAIT_MS), "the end");
    wc_free(c);
    assert_int_equal(finish(&s, 3 * WAIT_MS), 0);
    const char *replay[] = { "replay", journal, NULL };
    assert_int_equal(e2e_run(e2e_tmp("api11-replay.log"), replay), 0);
}

/* The facilitator's "next" is the terminal's /next: it says where it stopped
 * and why, and before passing the limit of an open objective it asks first
 * (admin-server-breach once jumped from minute 1 to +24:00:00). */
static void next_asks_before_a_limit(void **state)
{
    (void)state;
    char journal[1024];
    snprintf(journal, sizeof journal, "%s", e2e_tmp("next-j.yaml"));
    served s;
    serve(&s, "next", "run", "admin-server-breach", "--serve", "127.0.0.1:0", "--ui", "none",
          "--journal", journal, "--speed", "1", "--lang", "en", "--no-scorecard", (char *)NULL);
    wc_ctx *c = wc_new();
    assert_non_null(c);
    wc_conn *fac = open_seat(c, &s, "facilitator");
    const char *stop = "{\"type\":\"next_stop\"}", *blocked = "{\"type\":\"next_blocked\"}";
    size_t answers = 0;
    while (wc_count(fac, blocked) == 0) {
        assert_true(answers < 40);   /* a limit comes before the end */
        wc_send(c, fac, "{\"type\":\"next\"}");
        answers++;
        for (int waited = 0; wc_count(fac, stop) + wc_count(fac, blocked) < answers; waited += 20) {
            assert_true(waited < WAIT_MS);
            (void)wc_wait(c, fac, "{\"type\":\"-\"}", 20);   /* service the socket */
        }
    }
    json_t *q = wc_wait(c, fac, blocked, WAIT_MS);
    assert_got(q, "the question before a limit");
    const char *en = json_string_value(json_object_get(json_object_get(q, "text"), "en"));
    assert_non_null(en);
    assert_true(strlen(en) > 0);
    assert_int_equal(wc_count(fac, event("end", NULL)), 0);
    /* Asked again without the confirmation: still blocked, the clock stays. */
    wc_send(c, fac, "{\"type\":\"next\"}");
    assert_true(wc_wait_n(c, fac, blocked, 2, WAIT_MS));
    /* Confirmed: it passes the limit and says where it stopped. */
    size_t stops = wc_count(fac, stop);
    wc_send(c, fac, "{\"type\":\"next\",\"pass_limit\":true}");
    assert_true(wc_wait_n(c, fac, stop, stops + 1, WAIT_MS));
    wc_send(c, fac, "{\"type\":\"next\",\"pass_limit\":1}");
    assert_got(wc_wait(c, fac, "{\"type\":\"error\",\"code\":\"bad_message\"}", WAIT_MS),
               "pass_limit must be a boolean");
    wc_send(c, fac, "{\"type\":\"end\"}");
    wc_free(c);
    assert_int_equal(finish(&s, 3 * WAIT_MS), 0);
    const char *replay[] = { "replay", journal, NULL };
    assert_int_equal(e2e_run(e2e_tmp("next-replay.log"), replay), 0);
}

/* The first player seat's link (any role). */
static const char *first_player_link(const served *s)
{
    json_t *seat = json_array_get(json_object_get(s->links, "seats"), 0);
    assert_non_null(seat);
    return json_string_value(json_object_get(seat, "url"));
}

/* A staff status's score is tt_score_ended_now of the clock and the
 * objectives it reports (no action was taken): the terminal's /status and
 * the dashboard give the same numbers. */
static void score_is_ended_now(const tt_scenario *sc, const json_t *status)
{
    const json_t *score = json_object_get(status, "score");
    assert_non_null(score);
    const json_t *objs = json_object_get(score, "objectives");
    assert_int_equal(json_array_size(objs), sc->n_objectives);
    tt_ms now = json_integer_value(json_object_get(status, "t"));
    tt_ms reached[64];
    assert_true(sc->n_objectives <= 64);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const json_t *o = json_array_get(objs, i);
        assert_string_equal(json_string_value(json_object_get(o, "id")), sc->objectives[i].id);
        bool hit = !strcmp(json_string_value(json_object_get(o, "status")), "reached");
        reached[i] = hit ? json_integer_value(json_object_get(o, "at")) : TT_MS_NEVER;
    }
    tt_score_verdict v[64];
    tt_score_summary sum;
    tt_score_ended_now(sc, now, reached, NULL, 0, v, &sum);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const json_t *o = json_array_get(objs, i);
        assert_string_equal(json_string_value(json_object_get(o, "rating")),
                            tt_rating_letter(v[i].rating));
        if (v[i].rating == TT_RATING_NA) {
            assert_true(json_is_null(json_object_get(o, "score")));
            /* not assessed: open, its limit still ahead */
            assert_string_equal(json_string_value(json_object_get(o, "status")), "open");
            assert_true(now < sc->objectives[i].limit);
        } else {
            assert_int_equal(json_integer_value(json_object_get(o, "score")), v[i].score);
        }
    }
    if (sum.n_assessed)
        assert_int_equal(json_integer_value(json_object_get(score, "score")), sum.score);
    else
        assert_true(json_is_null(json_object_get(score, "score")));
    assert_string_equal(json_string_value(json_object_get(score, "rating")),
                        tt_rating_letter(sum.rating));
    assert_int_equal(json_integer_value(json_object_get(score, "assessed")), sum.n_assessed);
    assert_int_equal(json_integer_value(json_object_get(score, "not_assessed")),
                     sum.n_not_assessed);
    assert_int_equal(json_integer_value(json_object_get(score, "unable")), sum.n_unable);
    assert_string_equal(json_string_value(json_object_get(score, "tone")),
                        tt_score_tone_key(tt_score_summary_tone(&sum)));
}

/* The staff seats see the live "ended now" score (docs/multiseat.md): at
 * the start nothing is assessed (no number, not green); once /next passes a
 * limit the missed objective is U and the score is never green; after the
 * end the page's numbers are the card's. Players get no score. */
static void live_score(void **state)
{
    (void)state;
    char journal[1024], card[1024];
    snprintf(journal, sizeof journal, "%s", e2e_tmp("score-j.yaml"));
    snprintf(card, sizeof card, "%s", e2e_tmp("score-card.json"));
    tt_error err;
    tt_script *script = tt_script_load(e2e_src("scenarios/admin-server-breach.lua"), NULL, &err);
    if (!script)
        fail_msg("cannot load the scenario: %s", err.message);
    const tt_scenario *sc = tt_script_scenario(script);
    served s;
    serve(&s, "score", "run", "admin-server-breach", "--serve", "127.0.0.1:0", "--ui", "none",
          "--journal", journal, "--speed", "1", "--lang", "en", "--scorecard", card,
          (char *)NULL);
    wc_ctx *c = wc_new();
    assert_non_null(c);
    wc_conn *fac = open_seat(c, &s, "facilitator");
    wc_conn *obs = open_seat(c, &s, "observer");
    wc_conn *player = wc_open(c, first_player_link(&s), WAIT_MS);
    assert_true(wc_is_open(player));
    const char *staff = "{\"type\":\"status\",\"score\":{}}";

    /* The objectives' titles, phases, targets and limits come with hello. */
    json_t *hello = wc_wait(c, fac, "{\"type\":\"hello\"}", WAIT_MS);
    assert_got(hello, "hello");
    json_t *objs = json_object_get(json_object_get(hello, "scenario"), "objectives");
    assert_int_equal(json_array_size(objs), sc->n_objectives);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        json_t *o = json_array_get(objs, i);
        assert_string_equal(json_string_value(json_object_get(o, "id")), sc->objectives[i].id);
        assert_int_equal(json_integer_value(json_object_get(o, "limit")), sc->objectives[i].limit);
        assert_int_equal(json_integer_value(json_object_get(o, "target")), sc->objectives[i].target);
    }

    /* The start: nothing assessed, no number. */
    json_t *first = wc_wait(c, fac, staff, WAIT_MS);
    assert_got(first, "a status with the score");
    score_is_ended_now(sc, first);
    assert_true(json_is_null(json_object_get(json_object_get(first, "score"), "score")));
    assert_string_equal(json_string_value(json_object_get(json_object_get(first, "score"), "tone")),
                        "none");
    assert_got(wc_wait(c, obs, staff, WAIT_MS), "the observer's score");

    /* /next up to a limit, confirmed: an objective is missed. */
    const char *blocked = "{\"type\":\"next_blocked\"}", *stop = "{\"type\":\"next_stop\"}";
    size_t asked = 0;
    while (wc_count(fac, blocked) == 0) {
        assert_true(asked < 40);   /* a limit comes before the end */
        wc_send(c, fac, "{\"type\":\"next\"}");
        asked++;
        for (int waited = 0; wc_count(fac, stop) + wc_count(fac, blocked) < asked; waited += 20) {
            assert_true(waited < WAIT_MS);
            (void)wc_wait(c, fac, "{\"type\":\"-\"}", 20);   /* service the socket */
        }
    }
    wc_send(c, fac, "{\"type\":\"next\",\"pass_limit\":true}");
    assert_got(wc_wait(c, fac, event("objective", "\"status\":\"missed\""), WAIT_MS),
               "an objective missed at its limit");
    wc_send(c, fac, "{\"type\":\"pause\"}");
    assert_got(wc_wait(c, fac, "{\"type\":\"status\",\"phase\":\"paused\",\"score\":{}}",
                       WAIT_MS), "a paused status");
    json_t *missed = wc_last(fac, staff);
    score_is_ended_now(sc, missed);
    json_t *ms = json_object_get(missed, "score");
    assert_true(json_integer_value(json_object_get(ms, "unable")) >= 1);
    assert_string_not_equal(json_string_value(json_object_get(ms, "tone")), "good");
    assert_string_equal(json_string_value(json_object_get(ms, "rating")), "U");
    /* open objectives whose limit is ahead: not assessed */
    assert_true(json_integer_value(json_object_get(ms, "not_assessed")) >= 1);

    /* The end: the last status is the card. */
    wc_send(c, fac, "{\"type\":\"end\"}");
    json_t *over = wc_wait(c, fac, "{\"type\":\"status\",\"phase\":\"ended\",\"score\":{}}",
                           WAIT_MS);
    assert_got(over, "the ended status with the final score");
    score_is_ended_now(sc, over);
    /* Players never get it. */
    assert_false(wc_saw_text(player, "\"score\":{"));
    assert_true(wc_count(player, "{\"type\":\"status\"}") > 0);
    json_t *final = json_deep_copy(json_object_get(over, "score"));
    wc_free(c);
    assert_int_equal(finish(&s, 3 * WAIT_MS), 0);
    json_error_t jerr;
    json_t *cj = json_load_file(card, 0, &jerr);
    if (!cj)
        fail_msg("no JSON card: %s", jerr.text);
    assert_int_equal(json_integer_value(json_object_get(cj, "score")),
                     json_integer_value(json_object_get(final, "score")));
    assert_string_equal(json_string_value(json_object_get(cj, "rating")),
                        json_string_value(json_object_get(final, "rating")));
    json_t *cobjs = json_object_get(cj, "objectives");
    assert_int_equal(json_array_size(cobjs), sc->n_objectives);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        json_t *co = json_array_get(cobjs, i), *wo = json_array_get(json_object_get(final, "objectives"), i);
        assert_string_equal(json_string_value(json_object_get(co, "rating")),
                            json_string_value(json_object_get(wo, "rating")));
        assert_true(json_equal(json_object_get(co, "score"), json_object_get(wo, "score")));
    }
    json_decref(cj);
    json_decref(final);
    tt_script_free(script);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(drill),
        cmocka_unit_test(resume_after_kill_9),
        cmocka_unit_test(over_tls),
        cmocka_unit_test(api11),
        cmocka_unit_test(next_asks_before_a_limit),
        cmocka_unit_test(live_score),
        cmocka_unit_test(links_line_up_in_japanese),
    };
    if (argc > 1)
        cmocka_set_test_filter(argv[1]);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
