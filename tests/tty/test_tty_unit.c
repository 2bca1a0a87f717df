/* The terminal drill's pieces on the tty-drill fixture scenario: the menu
 * of available actions, reading typed lines, record and status texts in
 * both languages, the script steps a journal already holds, and a scripted
 * drill played in real time reproducing the headless run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../engine/ui/tty/tty_internal.h"
#include "tabletop/score.h"
#include "tabletop/tty.h"

typedef struct fixture {
    tt_script *script;
    tt_exercise *ex;
    const tt_scenario *sc;
} fixture;

static char *fixture_path(const char *name)
{
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    static char path[1024];
    snprintf(path, sizeof path, "%s/tests/tty/%s", root, name);
    return path;
}

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits lim;
    tt_sandbox_limits_default(&lim);
    f->script = tt_script_load(fixture_path("tty-drill.lua"), &lim, &err);
    if (!f->script)
        tt_error_print(&err, "fixture");
    assert_non_null(f->script);
    f->sc = tt_script_scenario(f->script);
    tt_exercise_config cfg = { .seed = 7 };
    f->ex = tt_exercise_new(f->script, &cfg, &err);
    assert_non_null(f->ex);
    assert_int_equal(tt_exercise_start(f->ex, 0, &err), 0);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    tt_exercise_free(f->ex);
    tt_script_free(f->script);
    free(f);
    return 0;
}

/* Is the pair available now in the menu? */
static bool menu_has(const tty_menu *m, const tt_scenario *sc, const char *role,
                     const char *action)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(sc->roles[m->items[i].role].id, role) == 0 &&
            strcmp(sc->actions[m->items[i].action].id, action) == 0)
            return m->items[i].available;
    return false;
}

/* The stable number of a pair in the menu (0: not in it). */
static size_t menu_number(const tty_menu *m, const tt_scenario *sc, const char *role,
                          const char *action)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(sc->roles[m->items[i].role].id, role) == 0 &&
            strcmp(sc->actions[m->items[i].action].id, action) == 0)
            return i + 1;
    return 0;
}

/* One number per (role, action) pair for the whole drill: the model's
 * numbering, the same before and after availability changes. */
static void test_stable_numbers(void **state)
{
    fixture *f = *state;
    tt_error err;
    const tt_scenario *sc = f->sc;
    int sys = tt_scenario_role(sc, "sysadmin"), sup = tt_scenario_role(sc, "supervisor");
    int isolate = tt_scenario_action(sc, "isolate"), report = tt_scenario_action(sc, "report");
    int restore = tt_scenario_action(sc, "restore");
    /* The model orders by id: supervisor (report), then sysadmin
     * (call_vendor, isolate, reboot_all, report, restore). */
    assert_int_equal(tt_action_number(sc, sup, report), 1);
    assert_int_equal(tt_action_number(sc, sys, isolate), 3);
    assert_int_equal(tt_action_number(sc, sys, report), 5);
    assert_int_equal(tt_action_number(sc, sys, restore), 6);
    assert_int_equal(tt_action_number(sc, sup, isolate), 0);   /* not its action */
    assert_int_equal(tt_action_number(sc, -1, isolate), 0);
    for (int n = 1; n <= 6; n++) {
        int r = -1, a = -1;
        assert_true(tt_action_by_number(sc, n, &r, &a));
        assert_int_equal(tt_action_number(sc, r, a), n);
    }
    assert_false(tt_action_by_number(sc, 7, NULL, NULL));
    assert_false(tt_action_by_number(sc, 0, NULL, NULL));

    tty_menu m = { 0 };
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    assert_int_equal(m.n, 6);
    assert_false(menu_has(&m, sc, "sysadmin", "restore"));
    tty_cmd c;
    tty_parse_line("6", &m, sc, NULL, TT_LANG_EN, &c);     /* unavailable: says why */
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "6 restore (Restore from backup): not available now: "
                                   "Isolate and call the vendor first"));
    tt_buf b = TT_BUF_INIT;
    tty_menu_format(&m, sc, TT_LANG_EN, false, &b);
    assert_null(strstr(b.data, "restore -"));             /* hidden ... */
    assert_non_null(strstr(b.data, "1 more not available now"));
    assert_non_null(strstr(b.data, "    1. report - Report to management"));
    assert_non_null(strstr(b.data, "    5. report - Report to management"));
    tt_buf_free(&b);
    tty_menu_format(&m, sc, TT_LANG_EN, true, &b);         /* ... or listed with why */
    assert_non_null(strstr(b.data, "  (6) restore - Restore from backup: Isolate and call"));
    tt_buf_free(&b);

    /* Availability changes; the numbers do not. */
    tty_menu before = m;
    m = (tty_menu){ 0 };
    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "isolate", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "call_vendor", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_advance(f->ex, 10 * 60000, &err), 0);
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    assert_int_equal(m.n, 6);
    assert_true(menu_has(&m, sc, "sysadmin", "restore"));
    assert_false(menu_has(&m, sc, "sysadmin", "isolate"));
    assert_int_equal(menu_number(&m, sc, "sysadmin", "restore"), 6);
    assert_int_equal(menu_number(&m, sc, "supervisor", "report"), 1);
    tty_parse_line("6", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_int_equal(c.action, restore);
    tty_parse_line("1", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_int_equal(c.role, sup);
    tty_parse_line("3", &m, sc, NULL, TT_LANG_JA, &c);     /* isolate, now taken */
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "3 isolate"));
    assert_non_null(strstr(c.text, "いまは取れません"));
    tty_menu_format_new(&before, &m, sc, TT_LANG_EN, &b);
    assert_non_null(b.data);
    assert_non_null(strstr(b.data, "Now available: 6 restore"));
    tt_buf_free(&b);
    tty_menu_format_new(&m, &m, sc, TT_LANG_EN, &b);       /* nothing new: nothing said */
    assert_null(b.data);
    /* An action two roles may take says whose number is whose. */
    tty_choice both[2] = { { .role = sup, .action = report, .available = true },
                           { .role = sys, .action = report, .available = true } };
    tty_menu none = { 0 }, two = { .items = both, .n = 2 };
    tty_menu_format_new(&none, &two, sc, TT_LANG_EN, &b);
    assert_non_null(b.data);
    assert_non_null(strstr(b.data, "Now available: 1 report (Supervisor), 2 report (System staff)"));
    tt_buf_free(&b);
    tty_menu_free(&before);
    tty_menu_free(&m);
}

static void test_menu_lists_only_what_preconditions_allow(void **state)
{
    fixture *f = *state;
    tt_error err;
    tty_menu m = { 0 };
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    assert_true(menu_has(&m, f->sc, "sysadmin", "isolate"));
    assert_true(menu_has(&m, f->sc, "supervisor", "report"));
    assert_true(menu_has(&m, f->sc, "sysadmin", "report"));
    assert_false(menu_has(&m, f->sc, "sysadmin", "restore"));   /* requires */
    assert_false(menu_has(&m, f->sc, "supervisor", "isolate")); /* wrong role */

    /* Grouped by role: every sysadmin entry before every supervisor one
     * (roles in scenario order), and the text shows both groups. */
    tt_buf b = TT_BUF_INIT;
    tty_menu_format(&m, f->sc, TT_LANG_EN, false, &b);
    assert_non_null(b.data);
    assert_non_null(strstr(b.data, "[sysadmin] System staff"));
    assert_non_null(strstr(b.data, "Isolate the network"));
    tt_buf_free(&b);
    tty_menu_format(&m, f->sc, TT_LANG_JA, false, &b);
    assert_non_null(strstr(b.data, "ネットワークから切り離す"));
    tt_buf_free(&b);

    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "isolate", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "call_vendor", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_advance(f->ex, 10 * 60000, &err), 0);
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    assert_true(menu_has(&m, f->sc, "sysadmin", "restore"));
    assert_false(menu_has(&m, f->sc, "sysadmin", "isolate")); /* taken once */
    tty_menu_free(&m);
}

/* What a Japanese IME types (full-width digits, slash and letters, the
 * ideographic space) reads as ASCII; labels choose by their start; typos
 * get "did you mean"; /note without a role names the roles. */
static void test_input_from_an_ime_and_typos(void **state)
{
    fixture *f = *state;
    const tt_scenario *sc = f->sc;
    tty_menu m = { 0 };
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    tty_cmd c;
    char s[64] = "\xef\xbc\x97 x";          /* "７ x" (U+FF17) */
    assert_int_equal(tt_width_fold(s), 3);
    assert_string_equal(s, "7 x");
    tty_parse_line("\xef\xbc\x93", &m, sc, NULL, TT_LANG_JA, &c);         /* ３ */
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    /* ／ｓｔａｔｕｓ, ／ｐａｕｓｅ */
    tty_parse_line("\xef\xbc\x8f\xef\xbd\x93\xef\xbd\x94\xef\xbd\x81\xef\xbd\x94"
                   "\xef\xbd\x95\xef\xbd\x93", &m, sc, NULL, TT_LANG_JA, &c);
    assert_int_equal(c.kind, CMD_STATUS);
    /* "３　全角スペースのメモ（括弧）": the number folds, the note stays as typed. */
    tty_parse_line("\xef\xbc\x93\xe3\x80\x80メモ（括弧）\xe3\x80\x80", &m, sc, NULL,
                   TT_LANG_JA, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(c.text, "メモ（括弧）");
    tty_parse_line("／note\xe3\x80\x80supervisor 電話あり", &m, sc, NULL, TT_LANG_JA, &c);
    assert_int_equal(c.kind, CMD_NOTE);
    assert_string_equal(c.text, "電話あり");

    /* The start of a label, in the drill's language. */
    tty_parse_line("ネットワーク", &m, sc, NULL, TT_LANG_JA, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    tty_parse_line("isol", &m, sc, NULL, TT_LANG_EN, &c);          /* "Isolate the network" */
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    tty_parse_line("Re", &m, sc, NULL, TT_LANG_EN, &c);            /* Report, Restore, Reboot */
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "fits several actions"));
    assert_non_null(strstr(c.text, "6 restore (Restore from backup)"));
    /* Several words of a label choose it; what follows them is the note. */
    tty_parse_line("Call the", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(sc->actions[c.action].id, "call_vendor");
    assert_string_equal(c.text, "");
    tty_parse_line("Restore from", &m, sc, NULL, TT_LANG_EN, &c);   /* one action, not now */
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "6 restore (Restore from backup): not available"));
    tty_parse_line("isolate the network now", &m, sc, NULL, TT_LANG_EN, &c);  /* an id: all note */
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(c.text, "the network now");
    tty_parse_line("Isolate the network before noon", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    assert_string_equal(c.text, "before noon");
    tty_parse_line("Re boot", &m, sc, NULL, TT_LANG_EN, &c);    /* not a label's start: still ambiguous */
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("sysadmin Rep", &m, sc, NULL, TT_LANG_EN, &c);  /* the role decides */
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(sc->actions[c.action].id, "report");
    assert_string_equal(sc->roles[c.role].id, "sysadmin");

    /* Typos. */
    tty_parse_line("isoalte", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "did you mean 'isolate'?"));
    tty_parse_line("isoalte", &m, sc, NULL, TT_LANG_JA, &c);
    assert_non_null(strstr(c.text, "「isolate」のことですか？"));
    tty_parse_line("/stauts", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "did you mean '/status'?"));
    tty_parse_line("/note supervsor hello", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "did you mean 'supervisor'?"));
    tty_parse_line("/note", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "roles: supervisor (Supervisor), sysadmin (System staff)"));
    tty_parse_line("/note nobody hi", &m, sc, NULL, TT_LANG_JA, &c);
    assert_non_null(strstr(c.text, "役割: supervisor (監督者), sysadmin (システム担当)"));
    tty_menu_free(&m);
}

/* /cancel and /reply name the action as taking one does: its number, its
 * id (after a role when several roles may take it) or the start of its
 * label; whether it is available now does not matter (an action in
 * progress is not). The rest of the line is the note or the answer. */
static void test_cancel_and_reply_name_the_action(void **state)
{
    fixture *f = *state;
    const tt_scenario *sc = f->sc;
    tty_menu m = { 0 };
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    tty_cmd c;
    tty_parse_line("/cancel 3", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    tty_parse_line("/cancel isolate the vendor is here", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    assert_string_equal(sc->roles[c.role].id, "sysadmin");
    assert_string_equal(c.text, "the vendor is here");
    tty_parse_line("/cancel Isolate the network now", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    assert_string_equal(c.text, "now");
    tty_parse_line("/cancel isol", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    tty_parse_line("\xef\xbc\x8f" "cancel\xe3\x80\x80ネットワーク", &m, sc, NULL, TT_LANG_JA, &c);
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->actions[c.action].id, "isolate");
    tty_parse_line("/cancel restore", &m, sc, NULL, TT_LANG_EN, &c);   /* not available: still named */
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->actions[c.action].id, "restore");
    tty_parse_line("/cancel Re", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "fits several actions"));
    tty_parse_line("/cancel report", &m, sc, NULL, TT_LANG_EN, &c);    /* two roles take it */
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "report: several roles can take it: put the role first"));
    tty_parse_line("/cancel sysadmin report", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_CANCEL);
    assert_string_equal(sc->roles[c.role].id, "sysadmin");
    assert_string_equal(sc->actions[c.action].id, "report");
    tty_parse_line("/cancel isoalte", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "isoalte: no action has that number or name (/menu all lists them); "
                                   "did you mean 'isolate'?"));
    tty_parse_line("/cancel isoalte", &m, sc, NULL, TT_LANG_JA, &c);
    assert_non_null(strstr(c.text, "その番号・名前の対応はありません"));
    tty_parse_line("/cancel", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "give the action's number or name"));
    tty_parse_line("/cancel", &m, sc, NULL, TT_LANG_JA, &c);
    assert_non_null(strstr(c.text, "対応の番号か名前を指定してください"));
    tty_parse_line("/cancel 999", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "no action has that number"));
    tty_parse_line("/reply call_vendor web01 and db01", &m, sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_REPLY);
    assert_string_equal(sc->actions[c.action].id, "call_vendor");
    assert_string_equal(c.text, "web01 and db01");
    tty_parse_line("/reply Call the vendor", &m, sc, NULL, TT_LANG_EN, &c);  /* no answer */
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "text is missing"));
    /* The help says so, in both languages. */
    assert_non_null(strstr(tt_term_text(M_HELP, TT_LANG_EN), "a number or a name"));
    assert_non_null(strstr(tt_term_text(M_HELP, TT_LANG_JA), "名前でも指定できます"));
    tty_menu_free(&m);
}

static void test_parse_lines(void **state)
{
    fixture *f = *state;
    tty_menu m = { 0 };
    assert_int_equal(tty_menu_build(&m, f->ex), 0);
    tty_cmd c;

    tty_parse_line("   ", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_NONE);

    tty_parse_line("1 first thing", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);   /* number 1: sysadmin isolate, available */
    assert_int_equal(c.role, m.items[0].role);
    assert_int_equal(c.action, m.items[0].action);
    assert_string_equal(c.text, "first thing");

    tty_parse_line("isolate", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(f->sc->actions[c.action].id, "isolate");
    assert_string_equal(f->sc->roles[c.role].id, "sysadmin");
    assert_string_equal(c.text, "");

    /* Two roles may report: the name alone is ambiguous, the role decides. */
    tty_parse_line("report", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "several roles"));
    tty_parse_line("supervisor report @Sato  called the CEO ", &m, f->sc, NULL,
                   TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);
    assert_string_equal(f->sc->roles[c.role].id, "supervisor");
    assert_string_equal(c.member, "Sato");
    assert_string_equal(c.text, "called the CEO");

    tty_parse_line("restore", &m, f->sc, NULL, TT_LANG_EN, &c);  /* not available */
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("999", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("0", &m, f->sc, NULL, TT_LANG_JA, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    assert_non_null(strstr(c.text, "その番号の対応はありません"));

    /* The member must be on the roster when there is one. */
    tt_member members[] = { { "Sato", "sysadmin" } };
    tt_roster roster = { .team = "Blue", .members = members, .n_members = 1 };
    tty_parse_line("isolate @Suzuki", &m, f->sc, &roster, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("isolate @Sato", &m, f->sc, &roster, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ACTION);

    tty_parse_line("/speed 2.5", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_SPEED);
    assert_true(c.speed > 2.49 && c.speed < 2.51);
    tty_parse_line("/speed 0", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("/speed fast", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("/speed 1000000", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR); /* a typo must not end the drill */
    /* A pasted paragraph longer than the line buffer is cut on a character
     * boundary, so the journal can hold it. */
    static char longline[20000];
    size_t n = (size_t)snprintf(longline, sizeof longline, "/inject ");
    while (n + 3 < sizeof longline - 1) {
        memcpy(longline + n, "い", 3);
        n += 3;
    }
    longline[n] = '\0';
    tty_parse_line(longline, &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_INJECT);
    tt_text_fault fault;
    assert_true(tt_text_scan(c.text, strlen(c.text), &fault));
    assert_true(strlen(c.text) > 16000);
    tty_parse_line("/inject  The power fails ", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_INJECT);
    assert_string_equal(c.text, "The power fails");
    tty_parse_line("/inject", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("/note supervisor press is calling", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_NOTE);
    assert_string_equal(f->sc->roles[c.role].id, "supervisor");
    assert_string_equal(c.text, "press is calling");
    tty_parse_line("/note nobody hi", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_parse_line("/pause", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_PAUSE);
    tty_parse_line("/next", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_NEXT);
    tty_parse_line("/end", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_END);
    tty_parse_line("/fly", &m, f->sc, NULL, TT_LANG_EN, &c);
    assert_int_equal(c.kind, CMD_ERROR);
    tty_menu_free(&m);
}

static void test_record_texts(void **state)
{
    fixture *f = *state;
    tt_text q = { "最初に誰に知らせますか", "Who do you tell first?" };
    tt_record inject = { .type = TT_REC_INJECT, .t = 65000, .from = "vendor",
                         .to = "sysadmin",
                         .text = { "不審な通信", "Suspicious traffic" },
                         .questions = &q, .n_questions = 1 };
    char *en = tt_tty_format_record(f->sc, &inject, TT_LANG_EN);
    char *ja = tt_tty_format_record(f->sc, &inject, TT_LANG_JA);
    assert_non_null(en);
    assert_non_null(ja);
    assert_non_null(strstr(en, "Maintenance vendor -> System staff: Suspicious traffic"));
    assert_non_null(strstr(en, "Who do you tell first?"));
    assert_non_null(strstr(ja, "保守業者 -> システム担当: 不審な通信"));
    assert_non_null(strstr(ja, "最初に誰に知らせますか"));
    free(en);
    free(ja);

    tt_record obj = { .type = TT_REC_OBJECTIVE, .t = 600000, .id = "contain",
                      .status = "missed" };
    en = tt_tty_format_record(f->sc, &obj, TT_LANG_EN);
    assert_non_null(strstr(en, "OBJECTIVE MISSED: Stop the spread"));
    free(en);

    tt_record act = { .type = TT_REC_ACTION, .t = 60000, .id = "isolate",
                      .role = "sysadmin", .member = "Sato", .note = "now",
                      .until = 360000 };
    en = tt_tty_format_record(f->sc, &act, TT_LANG_EN);
    assert_non_null(strstr(en, "System staff (Sato) - Isolate the network"));
    assert_non_null(strstr(en, "now"));
    free(en);

    tt_record state_rec = { .type = TT_REC_STATE, .t = 60000 };
    assert_null(tt_tty_format_record(f->sc, &state_rec, TT_LANG_EN));

    tt_record end = { .type = TT_REC_END, .t = 60000, .status = "settled" };
    ja = tt_tty_format_record(f->sc, &end, TT_LANG_JA);
    assert_non_null(strstr(ja, "すべての目標が確定"));
    free(ja);
}

static void test_status_view(void **state)
{
    fixture *f = *state;
    tt_error err;
    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "call_vendor", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_advance(f->ex, 5 * 60000, &err), 0);
    tt_buf b = TT_BUF_INIT;
    assert_int_equal(tty_status_format(f->ex, TT_LANG_EN, &b, &err), 0);
    assert_non_null(b.data);
    /* Clock, metric with its label, objective timers, the vendor's reply. */
    assert_non_null(strstr(b.data, "Clock: +0:05:00 / 2:00:00"));
    assert_non_null(strstr(b.data, "Infected hosts:"));
    /* Bookkeeping state that is not a metric stays hidden. */
    assert_null(strstr(b.data, "vendor_called"));
    assert_non_null(strstr(b.data, "Stop the spread: open, target in 0:10:00, limit in 0:55:00"));
    assert_non_null(strstr(b.data, "Maintenance vendor: reply due at"));
    tt_buf_free(&b);
    assert_int_equal(tty_status_format(f->ex, TT_LANG_JA, &b, &err), 0);
    assert_non_null(strstr(b.data, "目標まで 0:10:00"));
    tt_buf_free(&b);
    /* Past the target: how long ago is a span, without the "+" of a time
     * since the start. */
    assert_int_equal(tt_exercise_advance(f->ex, 17 * 60000, &err), 0);
    assert_int_equal(tty_status_format(f->ex, TT_LANG_EN, &b, &err), 0);
    assert_non_null(strstr(b.data, "Stop the spread: open, target passed (0:02:00), limit in"));
    tt_buf_free(&b);
}

/* /status scores the drill as if it ended now, with the card's rules
 * (tt_score_ended_now): open objectives before their limit are not
 * assessed, unreached ones past it are U, reached ones scored; the wasted
 * reboot counts against every objective reached after it. */
static void test_status_scores_ended_now(void **state)
{
    fixture *f = *state;
    tt_error err;
    tt_buf b = TT_BUF_INIT;
    assert_int_equal(tt_exercise_advance(f->ex, 60000, &err), 0);
    assert_int_equal(tty_status_format(f->ex, TT_LANG_EN, &b, &err), 0);
    assert_non_null(strstr(b.data, "Stop the spread: open, target in 0:14:00, limit in 0:59:00"
                                   "  → not assessed"));
    assert_non_null(strstr(b.data, "Score if the drill ended now: no objective can be assessed yet"));
    assert_non_null(strstr(b.data, "3 open objective(s) before their limit: not assessed"));
    tt_buf_free(&b);

    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "reboot_all", NULL, NULL, NULL, &err), 0);
    assert_int_equal(tt_exercise_act(f->ex, "sysadmin", "isolate", NULL, NULL, NULL, &err), 0);
    /* Past the limit (1h) of the report nobody made. */
    assert_int_equal(tt_exercise_advance(f->ex, 61 * 60000, &err), 0);
    int contain = tt_score_points(6 * 60000, 15 * 60000, 60 * 60000, 0, 1);
    char line[128];
    assert_int_equal(tty_status_format(f->ex, TT_LANG_EN, &b, &err), 0);
    snprintf(line, sizeof line, "→ P %d", contain);
    assert_non_null(strstr(b.data, line));
    assert_non_null(strstr(b.data, "Tell management: missed at +1:00:00  → U 0"));
    assert_non_null(strstr(b.data, "Recover: open"));
    snprintf(line, sizeof line, "Score if the drill ended now: %d/100 (Performed with major "
                                "challenges)", (contain + 1) / 2);
    assert_non_null(strstr(b.data, line));
    assert_non_null(strstr(b.data, "1 open objective(s) before their limit"));
    tt_buf_free(&b);
    assert_int_equal(tty_status_format(f->ex, TT_LANG_JA, &b, &err), 0);
    assert_non_null(strstr(b.data, "→ 未評価"));
    assert_non_null(strstr(b.data, "今終了した場合の採点:"));
    tt_buf_free(&b);
}

static void test_default_speed(void **state)
{
    (void)state;
    assert_true(tt_tty_default_speed(30 * 60000) == 1.0);
    assert_true(tt_tty_default_speed(8 * 3600000LL) > 5.2);
    assert_true(tt_tty_default_speed(8 * 3600000LL) < 5.4);
    assert_true(tt_tty_default_speed(61LL * 86400000) > 900);
}

/* Headless run of the fixture script; journal read back. */
static void run_headless(fixture *f, const tt_action_script *s, tt_journal *out)
{
    char path[] = "/tmp/tty-unit-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    tt_error err;
    tt_error_clear(&err);
    tt_exercise_config cfg = { .seed = 7 };
    cfg.journal = tt_journal_create(path, false, &err);
    assert_non_null(cfg.journal);
    tt_exercise *ex = tt_exercise_new(f->script, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    assert_int_equal(tt_exercise_play(ex, s, 0, &err), 0);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(cfg.journal, &err), 0);
    assert_int_equal(tt_journal_read(path, out, &err), 0);
    unlink(path);
}

static void test_steps_done(void **state)
{
    fixture *f = *state;
    tt_error err;
    tt_action_script s;
    assert_int_equal(tt_action_script_load(fixture_path("tty-drill.yaml"), f->sc, &s, &err), 0);
    tt_journal j;
    run_headless(f, &s, &j);
    bool matched = false;
    assert_int_equal(tt_tty_script_steps_done(&s, &j, &matched), s.n_steps);
    assert_true(matched);
    /* Cut the journal after the third input: three steps are done. */
    size_t inputs = 0, cut = 0;
    for (size_t i = 0; i < j.n_records && !cut; i++)
        if (j.records[i].type == TT_REC_ACTION || j.records[i].type == TT_REC_NOTE ||
            j.records[i].type == TT_REC_REFUSED)
            if (++inputs == 3)
                cut = i + 1;
    size_t all = j.n_records;
    j.n_records = cut;
    assert_int_equal(tt_tty_script_steps_done(&s, &j, &matched), 3);
    assert_true(matched);
    /* A journal whose inputs are not the script's: go by time. */
    j.records[cut - 1].role = "supervisor";
    assert_int_equal(tt_tty_script_steps_done(&s, &j, &matched), 3);
    assert_false(matched);
    j.n_records = all;
    tt_journal_free(&j);
    tt_action_script_free(&s);
}

/* A script played in real time by the drill (fast clock, no keyboard)
 * takes every step at its written time: same records as headless. */
static void test_scripted_drill_matches_headless(void **state)
{
    fixture *f = *state;
    tt_error err;
    tt_error_clear(&err);
    tt_action_script s;
    assert_int_equal(tt_action_script_load(fixture_path("tty-drill.yaml"), f->sc, &s, &err), 0);
    tt_journal want;
    run_headless(f, &s, &want);

    char path[] = "/tmp/tty-unit-rt-XXXXXX", out_path[] = "/tmp/tty-unit-out-XXXXXX";
    int fd = mkstemp(path);
    close(fd);
    int out_fd = mkstemp(out_path);
    assert_true(out_fd >= 0);
    tt_tty_options o = { .lang = TT_LANG_EN, .script = &s, .in_fd = -1,
                         .out_fd = out_fd, .journal_path = path };
    tt_tty *t = tt_tty_new(&o, &err);
    assert_non_null(t);
    tt_exercise_config cfg = { .seed = 7, .speed = 20000, .sink = tt_tty_sink,
                               .sink_user = t };
    cfg.journal = tt_journal_create(path, true, &err);
    assert_non_null(cfg.journal);
    tt_script_free(f->script);   /* one exercise per script: load a fresh one */
    tt_exercise_free(f->ex);
    f->ex = NULL;
    tt_sandbox_limits lim;
    tt_sandbox_limits_default(&lim);
    f->script = tt_script_load(fixture_path("tty-drill.lua"), &lim, &err);
    assert_non_null(f->script);
    tt_exercise *ex = tt_exercise_new(f->script, &cfg, &err);
    assert_non_null(ex);
    tt_tty_outcome outcome = TT_TTY_LEFT;
    assert_int_equal(tt_tty_drive(t, ex, &outcome, &err), 0);
    assert_int_equal(outcome, TT_TTY_ENDED);
    tt_exercise_free(ex);
    tt_tty_free(t);
    assert_int_equal(tt_journal_close(cfg.journal, &err), 0);

    tt_journal got;
    assert_int_equal(tt_journal_read(path, &got, &err), 0);
    assert_int_equal(got.n_records, want.n_records);
    for (size_t i = 1; i < want.n_records; i++) {
        tt_record a = want.records[i], b = got.records[i];
        a.wall_ms = b.wall_ms = 0;
        char *ya = tt_record_to_yaml(&a, &err), *yb = tt_record_to_yaml(&b, &err);
        assert_non_null(ya);
        assert_non_null(yb);
        assert_string_equal(ya, yb);
        free(ya);
        free(yb);
    }
    /* What the facilitator saw. */
    char text[65536];
    ssize_t n = pread(out_fd, text, sizeof text - 1, 0);
    assert_true(n > 0);
    text[n] = '\0';
    assert_non_null(strstr(text, "Suspicious traffic detected"));
    assert_non_null(strstr(text, "OBJECTIVE REACHED: Recover"));
    assert_non_null(strstr(text, "every objective settled"));
    close(out_fd);
    unlink(out_path);
    unlink(path);
    tt_journal_free(&got);
    tt_journal_free(&want);
    tt_action_script_free(&s);
}

/* Each line of `out` (the text tty_fit_width made) at most cols cells. */
static void assert_lines_fit(const char *out, long cols)
{
    const char *p = out;
    while (*p) {
        size_t n = strcspn(p, "\n");
        char line[1024];
        assert_true(n < sizeof line);
        memcpy(line, p, n);
        line[n] = '\0';
        if ((long)tt_display_width(line) > cols)
            fail_msg("line wider than %ld cells: '%s'", cols, line);
        p += n + (p[n] == '\n');
    }
}

/* The drill breaks text to the terminal's width itself: English between
 * words (at 80 columns the terminal cut "y / our antivirus" in
 * ransomware's first inject), Japanese between characters, measured in
 * display cells (a kanji takes two), continuation lines keeping the
 * line's indent. */
static void test_fit_width(void **state)
{
    (void)state;
    const char *en = ">> Inject User -> User: While you browse an ordinary website, your "
                     "antivirus shows an alert: 'Threat detected'. The PC is on the office "
                     "network (internet-connected).";
    char *out = tty_fit_width(en, 80);
    assert_non_null(out);
    assert_lines_fit(out, 80);
    /* Filled as far as whole words allow, broken only at spaces: with each
     * break read back as a space the text is unchanged. */
    assert_string_equal(out, ">> Inject User -> User: While you browse an ordinary website, "
                             "your antivirus\nshows an alert: 'Threat detected'. The PC is on "
                             "the office network\n(internet-connected).");
    for (char *p = out; *p; p++)
        if (*p == '\n')
            *p = ' ';
    assert_string_equal(out, en);
    free(out);
    /* A question's second line keeps its five-space indent; the text's
     * newline between the two lines stays. */
    out = tty_fit_width("Top\n     ? Question: Whom does the user call, and how? Does everyone "
                        "know that contact, and where it is written down?\n", 80);
    assert_non_null(out);
    assert_lines_fit(out, 80);
    assert_string_equal(out, "Top\n     ? Question: Whom does the user call, and how? Does "
                             "everyone know that\n     contact, and where it is written down?\n");
    free(out);

    /* Japanese: 40 characters a line at 80 columns, nothing lost, no line
     * starting with 。 or 、. */
    const char *ja = "一般的なWebサイトを閲覧中、ウイルス対策ソフトのアラートが表示された。"
                     "「脅威を検出しました」。PCは事務用ネットワーク（インターネット接続）に"
                     "つながっている。利用者は誰に、どうやって連絡するか。連絡先は全員が知っているか。";
    out = tty_fit_width(ja, 80);
    assert_non_null(out);
    assert_lines_fit(out, 80);
    assert_true(strchr(out, '\n') != NULL);
    char first[512];
    size_t fl = strcspn(out, "\n");
    memcpy(first, out, fl);
    first[fl] = '\0';
    assert_true(tt_display_width(first) >= 76);         /* breaks mid-text, not at a word */
    char back[2048];
    size_t n = 0;
    for (const char *p = out; *p; p++) {
        if (*p == '\n') {
            assert_true(strncmp(p + 1, "。", 3) != 0 && strncmp(p + 1, "、", 3) != 0);
            continue;
        }
        back[n++] = *p;
    }
    back[n] = '\0';
    assert_string_equal(back, ja);
    free(out);

    /* A word longer than the line is cut; the text's own newlines stay. */
    out = tty_fit_width("abcdefghij\n\nxy", 4);
    assert_non_null(out);
    assert_string_equal(out, "abcd\nefgh\nij\n\nxy");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_menu_lists_only_what_preconditions_allow,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_parse_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cancel_and_reply_name_the_action, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stable_numbers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_input_from_an_ime_and_typos, setup, teardown),
        cmocka_unit_test_setup_teardown(test_record_texts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_scores_ended_now, setup, teardown),
        cmocka_unit_test_setup_teardown(test_status_view, setup, teardown),
        cmocka_unit_test(test_default_speed),
        cmocka_unit_test(test_fit_width),
        cmocka_unit_test_setup_teardown(test_steps_done, setup, teardown),
        cmocka_unit_test_setup_teardown(test_scripted_drill_matches_headless, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
