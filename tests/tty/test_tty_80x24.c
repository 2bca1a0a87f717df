/* The terminal at 80x24, in a real terminal emulator (tmux, the room's
 * laptop): the inject and its discussion questions stay on screen while
 * the drill runs (the menu is not reprinted after every event; /menu shows
 * it), in Japanese and in English. tmux runs on its own socket in the
 * test's scratch folder with its status line off, so the drill has all 24
 * rows; `capture-pane -J` gives the visible screen with wrapped lines
 * joined. A missing tmux fails the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "e2e_util.h"
#include "tabletop/script.h"
#include "tabletop/terms.h"

#define WAIT 60000   /* ms: a bound against hangs, not a timing assertion */

static char sock[600], conf[600];

static void sleep_ms(int ms)
{
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    nanosleep(&ts, NULL);
}

/* Run tmux with args (NULL-terminated, after the socket and config);
 * stdout into out (or /dev/null). Exit status, 127 when tmux is missing. */
static int tmux(const char *out, const char *const *args)
{
    const char *argv[32];
    size_t n = 0;
    argv[n++] = "tmux";
    argv[n++] = "-u";             /* UTF-8, whatever the locale says */
    argv[n++] = "-S";
    argv[n++] = sock;
    argv[n++] = "-f";
    argv[n++] = conf;
    for (size_t i = 0; args[i] && n < 31; i++)
        argv[n++] = args[i];
    argv[n] = NULL;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            close(fd);
        }
        execvp("tmux", (char *const *)argv);
        _exit(127);
    }
    int st = 0;
    if (waitpid(pid, &st, 0) != pid)
        return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Text with every blank and line break taken out: tmux breaks long lines
 * at column 80 (a wide character that does not fit leaves a blank), so
 * texts are compared without them. */
static char *squeeze(const char *s)
{
    char *out = malloc(strlen(s) + 1), *o = out;
    assert_non_null(out);
    for (; *s; s++)
        if (*s != ' ' && *s != '\n' && *s != '\r' && *s != '\t')
            *o++ = *s;
    *o = '\0';
    return out;
}

/* The visible 24 rows (history: the whole scrollback too), squeezed. */
static char *screen(bool history)
{
    const char *path = e2e_tmp("pane.txt");
    const char *visible[] = { "capture-pane", "-p", "-J", "-t", "drill", NULL };
    const char *all[] = { "capture-pane", "-p", "-J", "-S", "-", "-t", "drill", NULL };
    int rc = tmux(path, history ? all : visible);
    if (rc != 0)
        fail_msg("tmux capture-pane failed (%d)", rc);
    char *raw = cli_slurp(path);
    assert_non_null(raw);
    char *s = squeeze(raw);
    free(raw);
    return s;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Wait until the visible screen holds text (squeezed). */
static void expect(const char *text)
{
    char *want = squeeze(text);
    for (int waited = 0;; waited += 100) {
        char *s = screen(false);
        bool hit = strstr(s, want) != NULL;
        if (hit || waited > WAIT) {
            if (!hit) {
                char *raw = cli_slurp(e2e_tmp("pane.txt"));
                fail_msg("not on the 80x24 screen: %s\n--- screen ---\n%s", text, raw ? raw : "");
            }
            free(s);
            free(want);
            return;
        }
        free(s);
        sleep_ms(100);
    }
}

/* The inject printed last (in the scrollback), in the drill's language. */
static const tt_inject *latest_inject(const tt_scenario *sc, tt_lang lang, const char *all)
{
    const tt_inject *best = NULL;
    const char *best_at = NULL;
    for (size_t i = 0; i < sc->n_injects; i++) {
        char *t = squeeze(tt_text_get(&sc->injects[i].text, lang));
        for (const char *p = all; (p = strstr(p, t)); p++)
            if (!best_at || p > best_at) {
                best_at = p;
                best = &sc->injects[i];
            }
        free(t);
    }
    return best;
}

/* The inject and every one of its questions are on the visible screen. */
static void inject_on_screen(const tt_inject *in, tt_lang lang)
{
    char *s = screen(false);
    char *t = squeeze(tt_text_get(&in->text, lang));
    if (!strstr(s, t)) {
        char *raw = cli_slurp(e2e_tmp("pane.txt"));
        char *all = screen(true);
        char *hist = cli_slurp(e2e_tmp("pane.txt"));
        fail_msg("inject %s is off the 80x24 screen:\n%s\n--- with the scrollback ---\n%s",
                 in->id, raw ? raw : "", hist ? hist : "");
        free(all);
    }
    free(t);
    for (size_t q = 0; q < in->n_questions; q++) {
        char *qt = squeeze(tt_text_get(&in->questions[q], lang));
        if (!strstr(s, qt)) {
            char *raw = cli_slurp(e2e_tmp("pane.txt"));
            fail_msg("question %zu of %s is off the 80x24 screen:\n%s", q + 1, in->id,
                     raw ? raw : "");
        }
        free(qt);
    }
    free(s);
}

static void keys(const char *text)
{
    const char *args[] = { "send-keys", "-t", "drill", "-l", text, NULL };
    assert_int_equal(tmux(NULL, args), 0);
    const char *enter[] = { "send-keys", "-t", "drill", "Enter", NULL };
    assert_int_equal(tmux(NULL, enter), 0);
}

/* A ransomware drill at 80x24: the first inject and its questions are on
 * screen at the prompt; the PC user calls the system staff (an action, its
 * completion, what became available, the next inject, a target line); the
 * latest inject and its questions are still on screen and the menu was
 * printed once; /menu shows it. */
static void drill_at_80x24(tt_lang lang)
{
    const char *L = lang == TT_LANG_JA ? "ja" : "en";
    snprintf(sock, sizeof sock, "%s/tmux-%s.sock", e2e_tmpdir(), L);
    snprintf(conf, sizeof conf, "%s", e2e_tmp("tmux.conf"));
    assert_true(e2e_write_file(conf, "set -g status off\nset -g history-limit 5000\n"));
    tt_error err;
    tt_script *script = tt_script_load(e2e_src("scenarios/ransomware.lua"), NULL, &err);
    if (!script)
        fail_msg("cannot load ransomware: %s", err.message);
    const tt_scenario *sc = tt_script_scenario(script);

    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 '%s' run ransomware --lang %s --speed 60 "
             "--seed 3 --journal '%s' --no-scorecard",
             e2e_binary(), L, e2e_tmp(lang == TT_LANG_JA ? "80x24-ja.yaml" : "80x24-en.yaml"));
    const char *start[] = { "new-session", "-d", "-x", "80", "-y", "24", "-s", "drill", cmd, NULL };
    int rc = tmux(NULL, start);
    if (rc == 127)
        fail_msg("tmux is missing (apt-get install tmux)");
    assert_int_equal(rc, 0);
    const char *size[] = { "display-message", "-p", "-t", "drill", "#{pane_width}x#{pane_height}",
                           NULL };
    assert_int_equal(tmux(e2e_tmp("size.txt"), size), 0);
    char *sz = cli_slurp(e2e_tmp("size.txt"));
    assert_non_null(sz);
    assert_string_equal(sz, "80x24\n");
    free(sz);

    const char *prompt = lang == TT_LANG_JA ? "対応>" : "action>";
    expect(prompt);
    int first = tt_scenario_inject(sc, "av_alert");
    assert_true(first >= 0);
    /* The prompt comes up before the text kept from the start is shown. */
    expect(tt_text_get(&sc->injects[first].text, lang));
    inject_on_screen(&sc->injects[first], lang);

    keys("call_sysadmin");
    char done[256];
    snprintf(done, sizeof done, "%s", tt_term_text(M_NOW_AVAILABLE, lang));
    expect(done);
    /* The contain target (+0:15:00) comes 5 minutes ahead: a line says so. */
    expect(lang == TT_LANG_JA ? "まであと0:05:00" : "is 0:05:00 away");
    char *all = screen(true);
    const tt_inject *latest = latest_inject(sc, lang, all);
    assert_non_null(latest);
    inject_on_screen(latest, lang);
    char *title = squeeze(tt_term_text(M_MENU_TITLE, lang));
    assert_int_equal(count(all, title), 1);   /* printed once, at the start */
    free(all);

    keys("/menu");
    expect(tt_term_text(M_MENU_TITLE, lang));
    all = screen(true);
    assert_int_equal(count(all, title), 2);
    free(all);
    free(title);

    keys("/quit");
    for (int waited = 0; waited < WAIT; waited += 100) {
        const char *has[] = { "has-session", "-t", "drill", NULL };
        if (tmux(NULL, has) != 0)
            break;
        sleep_ms(100);
    }
    tt_script_free(script);
}

/* Whatever happened, no tmux server is left running. */
static int stop_tmux(void **state)
{
    (void)state;
    const char *kill[] = { "kill-server", NULL };
    if (sock[0])
        (void)tmux(NULL, kill);
    return 0;
}

static void english_at_80x24(void **state)
{
    (void)state;
    drill_at_80x24(TT_LANG_EN);
}

static void japanese_at_80x24(void **state)
{
    (void)state;
    drill_at_80x24(TT_LANG_JA);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(english_at_80x24, stop_tmux),
        cmocka_unit_test_teardown(japanese_at_80x24, stop_tmux),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
