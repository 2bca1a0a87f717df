/* The live drill loop: one poll() on the keyboard with a timeout until the
 * next simulated event, readline's callback interface for line editing,
 * events printed above the prompt as the exercise journals them. */
#include "tabletop/terms.h"
#include "tty_internal.h"

#include <errno.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

struct tt_tty {
    tt_tty_options o;
    FILE *out;
    FILE *in;                  /* readline's input, NULL when not interactive */
    bool rl_on;                /* callback handler installed */
    tt_exercise *ex;
    tty_menu menu;             /* the last menu shown: numbers refer to it */
    bool events_seen;          /* records arrived since the menu was checked */
    size_t next_step;          /* next action-script step to play */
    tt_buf early;             /* records shown before the drill began */
    bool holding;              /* starting: records wait in `early` for the menu */
    char prompt[128];          /* the prompt shown (clock, speed) */
    unsigned char *alerted;    /* per objective: deadline lines printed (ALERT_*) */
    char *line;                /* a line typed, waiting to be handled */
    bool eof;                  /* input closed */
    bool confirming;           /* asking whether to quit after Ctrl-C */
    bool run_after_confirm;    /* the clock ran before the question */
    enum { ASK_NONE, ASK_NEXT, ASK_END } asking;   /* a yes/no question open */
    bool leave;
    int64_t anchor_wall;       /* wall/sim pair the exercise clock runs from */
    tt_ms anchor_sim;
};

/* Readline's callbacks carry no user pointer: one drill at a time. */
static tt_tty *active;
static volatile sig_atomic_t got_int, got_hup;

static void on_signal(int sig)
{
    if (sig == SIGINT)
        got_int = 1;
    else
        got_hup = 1;
}

tt_tty *tt_tty_new(const tt_tty_options *o, tt_error *err)
{
    tt_tty *t = calloc(1, sizeof *t);
    if (!t) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    t->o = *o;
    t->next_step = o->script_from;
    int fd = dup(o->out_fd);
    t->out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!t->out) {
        if (fd >= 0)
            close(fd);
        tt_error_runtime(err, NULL, TT_MSG(E_TTY_CANNOT_OPEN_OUTPUT_FMT), tt_os_error(errno));
        free(t);
        return NULL;
    }
    /* A script rehearsed from a pipe or /dev/null needs no keyboard. */
    if (o->in_fd >= 0 && !(o->script && !isatty(o->in_fd))) {
        fd = dup(o->in_fd);
        t->in = fd >= 0 ? fdopen(fd, "r") : NULL;
        if (!t->in) {
            if (fd >= 0)
                close(fd);
            tt_error_runtime(err, NULL, TT_MSG(E_TTY_CANNOT_OPEN_INPUT_FMT), tt_os_error(errno));
            fclose(t->out);
            free(t);
            return NULL;
        }
    }
    return t;
}

void tt_tty_free(tt_tty *t)
{
    if (!t)
        return;
    if (t->rl_on)
        rl_callback_handler_remove();
    if (active == t)
        active = NULL;
    tty_menu_free(&t->menu);
    tt_buf_free(&t->early);
    free(t->alerted);
    free(t->line);
    if (t->in)
        fclose(t->in);
    fclose(t->out);
    free(t);
}

/* The text broken to the terminal's width (neutralised first, so what is
 * measured is what is printed); NULL when the output is no terminal. */
static char *fit_to_terminal(tt_tty *t, const char *text)
{
    struct winsize ws;
    if (ioctl(fileno(t->out), TIOCGWINSZ, &ws) != 0 || ws.ws_col == 0)
        return NULL;
    char *safe = tt_term_safe_dup(text, TT_TERM_KEEP_NEWLINES);
    char *fitted = safe ? tty_fit_width(safe, ws.ws_col) : NULL;
    free(safe);
    return fitted;
}

/* Print text above the prompt, keeping what the facilitator was typing. */
static void show(tt_tty *t, const char *text)
{
    if (!text || !text[0])
        return;
    char *fitted = fit_to_terminal(t, text);
    if (fitted)
        text = fitted;
    /* Everything the drill prints passes here: scenario, roster and
     * journal text never drives the terminal. */
    if (!t->rl_on) {
        tt_term_fputs(text, TT_TERM_KEEP_NEWLINES, t->out);
        fflush(t->out);
        free(fitted);
        return;
    }
    int point = rl_point;
    char *saved = rl_copy_text(0, rl_end);
    rl_save_prompt();
    rl_replace_line("", 0);
    rl_redisplay();
    fputs("\r\033[K", t->out);
    tt_term_fputs(text, TT_TERM_KEEP_NEWLINES, t->out);
    fflush(t->out);
    rl_restore_prompt();
    rl_replace_line(saved ? saved : "", 0);
    rl_point = point;
    rl_forced_update_display();
    free(saved);
    free(fitted);
}

static void show_buf(tt_tty *t, tt_buf *b)
{
    if (b->failed)
        show(t, TT_MSG(E_TTY_OOM_LINE));
    else if (b->data)
        show(t, b->data);
    tt_buf_free(b);
}

void tt_tty_say(tt_tty *t, const char *line)
{
    tt_buf b = TT_BUF_INIT;
    tt_buf_printf(&b, "%s\n", line);
    show_buf(t, &b);
}

void tt_tty_sink(void *user, const tt_record *r)
{
    tt_tty *t = user;
    if (!t)
        return;
    if (!t->ex || t->holding) {
        /* Before the drill: keep the text to show when it begins (as it
         * starts, after the menu, so the first inject and its questions
         * are what stays on a small screen). */
        const tt_scenario *sc = t->ex ? tt_exercise_scenario(t->ex) : t->o.scenario;
        char *text = sc ? tt_tty_format_record(sc, r, t->o.lang) : NULL;
        if (text)
            tt_buf_printf(&t->early, "%s", text);
        free(text);
        return;
    }
    t->events_seen = true;
    char *text = tt_tty_format_record(tt_exercise_scenario(t->ex), r, t->o.lang);
    show(t, text);
    free(text);
}

/* ---- menu ---- */

typedef enum menu_show { MENU_CHANGES, MENU_AVAILABLE, MENU_ALL } menu_show;

/* Rebuild the menu (numbers never change, only availability). Print it
 * when asked; otherwise only one line naming what became available, so
 * the inject and its questions stay on a small screen. */
static int refresh_menu(tt_tty *t, menu_show how, tt_error *err)
{
    if (!t->in || tt_exercise_phase(t->ex) == TT_PHASE_ENDED)
        return 0;
    tty_menu fresh = { 0 };
    if (tty_menu_build(&fresh, t->ex) != 0) {
        tty_menu_free(&fresh);
        tt_error_oom(err, NULL);
        return -1;
    }
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    tt_buf b = TT_BUF_INIT;
    if (how == MENU_CHANGES)
        tty_menu_format_new(&t->menu, &fresh, sc, t->o.lang, &b);
    else
        tty_menu_format(&fresh, sc, t->o.lang, how == MENU_ALL, &b);
    tty_menu_free(&t->menu);
    t->menu = fresh;
    show_buf(t, &b);
    return 0;
}

static int show_status(tt_tty *t, tt_error *err)
{
    tt_buf b = TT_BUF_INIT;
    if (tty_status_format(t->ex, t->o.lang, &b, err) != 0) {
        tt_buf_free(&b);
        return -1;
    }
    show_buf(t, &b);
    return 0;
}

/* ---- completion ---- */

static const char **completion_words;
static size_t completion_count;

static char *complete_next(const char *text, int state)
{
    static size_t i;
    if (!state)
        i = 0;
    size_t len = strlen(text);
    while (i < completion_count) {
        const char *w = completion_words[i++];
        if (strncmp(w, text, len) == 0)
            return strdup(w);
    }
    return NULL;
}

static char **complete(const char *text, int start, int end)
{
    (void)start;
    (void)end;
    rl_attempted_completion_over = 1;
    tt_tty *t = active;
    if (!t)
        return NULL;
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    size_t members = t->o.roster ? t->o.roster->n_members : 0;
    size_t cap = 16 + sc->n_roles + t->menu.n + members;
    const char **words = calloc(cap, sizeof *words);
    char **at_names = calloc(members + 1, sizeof *at_names);
    if (!words || !at_names) {
        free(words);
        free(at_names);
        return NULL;
    }
    size_t n = 0;
    for (const char *const *c = tty_command_names; *c; c++)
        words[n++] = *c;
    for (size_t i = 0; i < sc->n_roles; i++)
        words[n++] = sc->roles[i].id;
    for (size_t i = 0; i < t->menu.n; i++)
        words[n++] = sc->actions[t->menu.items[i].action].id;
    for (size_t i = 0; i < members; i++) {
        const char *name = t->o.roster->members[i].name;
        at_names[i] = malloc(strlen(name) + 2);
        if (at_names[i]) {
            at_names[i][0] = '@';
            strcpy(at_names[i] + 1, name);
            words[n++] = at_names[i];
        }
    }
    completion_words = words;
    completion_count = n;
    char **matches = rl_completion_matches(text, complete_next);
    completion_words = NULL;
    completion_count = 0;
    for (size_t i = 0; i < members; i++)
        free(at_names[i]);
    free(at_names);
    free(words);
    return matches;
}

/* ---- input ---- */

static void on_line(char *line)
{
    tt_tty *t = active;
    if (!t) {
        free(line);
        return;
    }
    if (!line) {
        t->eof = true;
        return;
    }
    if (line[0] && !t->confirming && t->asking == ASK_NONE)
        add_history(line);
    free(t->line);
    t->line = line;
}

static void set_prompt(tt_tty *t)
{
    if (!t->rl_on)
        return;
    tty_msg_id p = t->confirming ? M_QUIT_PROMPT
                 : t->asking == ASK_NEXT ? M_NEXT_PROMPT
                 : t->asking == ASK_END ? M_END_PROMPT
                 : tt_exercise_phase(t->ex) == TT_PHASE_PAUSED ? M_PROMPT_PAUSED
                                                                : M_PROMPT;
    /* The simulated clock and the speed, so the room always knows where
     * the drill stands: "+0:15:00 x60 action> ". */
    char now[32], prompt[sizeof t->prompt];
    tt_ms_format(tt_exercise_now(t->ex), now, sizeof now);
    snprintf(prompt, sizeof prompt, "%s x%g %s", now, tt_exercise_speed(t->ex),
             tty_msg(p, t->o.lang));
    if (strcmp(prompt, t->prompt) == 0)
        return;
    memcpy(t->prompt, prompt, sizeof prompt);
    rl_set_prompt(t->prompt);
    rl_redisplay();
}

static void anchor(tt_tty *t, int64_t wall)
{
    t->anchor_wall = wall;
    t->anchor_sim = tt_exercise_now(t->ex);
}

static int do_pause(tt_tty *t, tt_error *err)
{
    int64_t w = tt_wall_ms();
    return tt_exercise_pause(t->ex, w, err);
}

static int do_resume(tt_tty *t, tt_error *err)
{
    int64_t w = tt_wall_ms();
    if (tt_exercise_resume(t->ex, w, err) != 0)
        return -1;
    anchor(t, w);
    return 0;
}

static void leave_message(tt_tty *t)
{
    tt_buf b = TT_BUF_INIT;
    tt_buf_printf(&b, "%s\n", tty_msg(M_LEFT, t->o.lang));
    if (t->o.journal_path)
        tt_buf_printf(&b, "%s: tabletop resume %s\n",
                       tty_msg(M_RESUME_HINT, t->o.lang), t->o.journal_path);
    show_buf(t, &b);
}

static int answer_quit(tt_tty *t, const char *line, tt_error *err)
{
    t->confirming = false;
    while (*line == ' ')
        line++;
    if (line[0] == 'y' || line[0] == 'Y' || strncmp(line, tty_msg(M_YES_WORD, TT_LANG_JA), strlen(tty_msg(M_YES_WORD, TT_LANG_JA))) == 0) {
        t->leave = true;
        return 0;
    }
    if (line[0] == 'e' || line[0] == 'E')
        return tt_exercise_end(t->ex, err);
    tt_tty_say(t, tty_msg(M_CONTINUE, t->o.lang));
    if (t->run_after_confirm)
        return do_resume(t, err);
    return 0;
}

static int take_action(tt_tty *t, const tty_cmd *c, tt_error *err)
{
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    const char *role = sc->roles[c->role].id;
    const char *member = c->member[0] ? c->member
                       : t->o.roster ? tt_roster_member_for(t->o.roster, role)
                                     : NULL;
    if (tt_exercise_tick(t->ex, tt_wall_ms(), err) != 0)
        return -1;
    return tt_exercise_act(t->ex, role, sc->actions[c->action].id, member,
                           c->text[0] ? c->text : NULL, NULL, err);
}

/* Pause while a yes/no question is open, so the clock cannot pass what
 * is being asked about; the answer resumes it if it ran. */
/* The clock stops while a question waits for y/N. */
static int pause_to_ask(tt_tty *t, tt_error *err)
{
    t->run_after_confirm = tt_exercise_phase(t->ex) == TT_PHASE_RUNNING;
    return do_pause(t, err);
}

static int ask(tt_tty *t, int what, const char *question, tt_error *err)
{
    if (pause_to_ask(t, err) != 0)
        return -1;
    t->asking = what;
    tt_tty_say(t, question);
    return 0;
}

static bool is_yes(const char *line)
{
    while (*line == ' ')
        line++;
    const char *ja = tty_msg(M_YES_WORD, TT_LANG_JA);
    return line[0] == 'y' || line[0] == 'Y' || strncmp(line, ja, strlen(ja)) == 0;
}

/* /next: on to the next inject, message, target or limit; a limit of an
 * open objective is passed only when the facilitator says so. */
static int next_stop(tt_tty *t, bool pass_limit, tt_error *err)
{
    int64_t w = tt_wall_ms();
    tt_next_stop st;
    if (tt_exercise_skip_to_next(t->ex, w, pass_limit, &st, err) != 0)
        return -1;
    anchor(t, w);
    char say[1024];
    tt_next_stop_say(tt_exercise_scenario(t->ex), &st, t->o.lang, say, sizeof say);
    if (st.blocked)
        return ask(t, ASK_NEXT, say, err);
    tt_buf b = TT_BUF_INIT;
    tt_buf_printf(&b, "%s\n", say);
    show_buf(t, &b);
    return 0;
}

/* The drill's result on screen once it ended (not only file paths). */
static int show_result(tt_tty *t, tt_error *err)
{
    tt_buf b = TT_BUF_INIT;
    if (tty_result_format(t->ex, t->o.lang, &b) != 0 || b.failed) {
        tt_buf_free(&b);
        tt_error_oom(err, NULL);
        return -1;
    }
    show_buf(t, &b);
    return 0;
}

/* /end: asks first, saying how many objectives are still open. */
static int ask_end(tt_tty *t, tt_error *err)
{
    /* Paused first: the question names the time the drill would end at
     * (at a high speed the clock ran on while the line was read). */
    if (pause_to_ask(t, err) != 0)
        return -1;
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    const tt_objective_view *ov = tt_exercise_objectives(t->ex);
    size_t open = 0;
    for (size_t i = 0; i < sc->n_objectives; i++)
        open += ov[i].status == TT_OBJECTIVE_OPEN;
    char at[48], q[512];
    tt_ms_format(tt_exercise_now(t->ex), at, sizeof at);
    snprintf(q, sizeof q, TT_FMT(t->o.lang, M_ASK_END_FMT), at, open);
    t->asking = ASK_END;
    tt_tty_say(t, q);
    return 0;
}

/* The result is shown once the loop sees the end, however it came. */
static int end_now(tt_tty *t, tt_error *err)
{
    return tt_exercise_end(t->ex, err);
}

static int answer(tt_tty *t, const char *line, tt_error *err)
{
    int what = t->asking;
    t->asking = ASK_NONE;
    bool yes = is_yes(line);
    if (yes && what == ASK_END)
        return end_now(t, err);     /* ends where it was asked, paused */
    if (t->run_after_confirm && do_resume(t, err) != 0)
        return -1;
    if (!yes) {
        tt_tty_say(t, tty_msg(what == ASK_NEXT ? M_NEXT_KEPT : M_CONTINUE, t->o.lang));
        return 0;
    }
    return next_stop(t, true, err);
}

static int handle_line(tt_tty *t, const char *line, tt_error *err)
{
    if (t->confirming)
        return answer_quit(t, line, err);
    if (t->asking != ASK_NONE)
        return answer(t, line, err);
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    tty_cmd c;
    tty_parse_line(line, &t->menu, sc, t->o.roster, t->o.lang, &c);
    int64_t w;
    switch (c.kind) {
    case CMD_NONE:
    case CMD_MENU:
        return refresh_menu(t, MENU_AVAILABLE, err);
    case CMD_MENU_ALL:
        return refresh_menu(t, MENU_ALL, err);
    case CMD_ACTION:
        return take_action(t, &c, err);
    case CMD_STATUS:
        if (tt_exercise_tick(t->ex, tt_wall_ms(), err) != 0)
            return -1;
        return show_status(t, err);
    case CMD_PAUSE:
        return do_pause(t, err);
    case CMD_RESUME:
        return do_resume(t, err);
    case CMD_SPEED:
        w = tt_wall_ms();
        if (tt_exercise_set_speed(t->ex, c.speed, w, err) != 0)
            return -1;
        anchor(t, w);
        return 0;
    case CMD_NEXT:
        return next_stop(t, false, err);
    case CMD_INJECT: {
        if (tt_exercise_tick(t->ex, tt_wall_ms(), err) != 0)
            return -1;
        tt_text text = { c.text, c.text };
        return tt_exercise_custom_inject(t->ex, &text, err);
    }
    case CMD_NOTE: {
        const char *role = sc->roles[c.role].id;
        const char *member = t->o.roster ? tt_roster_member_for(t->o.roster, role)
                                         : NULL;
        if (tt_exercise_tick(t->ex, tt_wall_ms(), err) != 0)
            return -1;
        return tt_exercise_note(t->ex, role, member, c.text, err);
    }
    case CMD_CANCEL:
    case CMD_REPLY: {
        const char *role = sc->roles[c.role].id;
        const char *member = t->o.roster ? tt_roster_member_for(t->o.roster, role) : NULL;
        if (tt_exercise_tick(t->ex, tt_wall_ms(), err) != 0)
            return -1;
        /* A refusal is journaled and shown like any record, with why. */
        return c.kind == CMD_CANCEL
                   ? tt_exercise_cancel(t->ex, role, sc->actions[c.action].id, member,
                                        c.text[0] ? c.text : NULL, NULL, err)
                   : tt_exercise_reply(t->ex, role, sc->actions[c.action].id, member, c.text,
                                       NULL, err);
    }
    case CMD_END:
        return ask_end(t, err);
    case CMD_QUIT:
        t->leave = true;
        return 0;
    case CMD_HELP: {
        tt_buf b = TT_BUF_INIT;
        tt_buf_printf(&b, "%s\n", tty_msg(M_HELP, t->o.lang));
        show_buf(t, &b);
        return 0;
    }
    case CMD_ERROR: {
        tt_buf b = TT_BUF_INIT;
        tt_buf_printf(&b, "  %s\n", c.text);
        show_buf(t, &b);
        return 0;
    }
    }
    return 0;
}

/* Ctrl-C: pause, then ask (a second Ctrl-C while asking leaves). */
static int on_interrupt(tt_tty *t, tt_error *err)
{
    if (!t->rl_on || t->confirming) {
        t->leave = true;
        return 0;
    }
    t->run_after_confirm = tt_exercise_phase(t->ex) == TT_PHASE_RUNNING;
    if (do_pause(t, err) != 0)
        return -1;
    rl_replace_line("", 0);
    t->confirming = true;
    tt_tty_say(t, tty_msg(M_QUIT_ASK, t->o.lang));
    return 0;
}

/* ---- action script in real time ---- */

/* Simulated time of the clock at wall `w`, as the exercise computes it,
 * plus a little so a step is never overtaken by the clock (which would
 * stamp it later than written and make the drill irreproducible). */
static tt_ms clock_estimate(const tt_tty *t, int64_t w)
{
    double speed = tt_exercise_speed(t->ex);
    return t->anchor_sim + (tt_ms)((double)(w - t->anchor_wall) * speed) +
           (tt_ms)speed + 2;
}

static int play_due_steps(tt_tty *t, int64_t w, tt_error *err)
{
    return tt_exercise_play_until(t->ex, t->o.script, &t->next_step, clock_estimate(t, w), err);
}

/* Wall milliseconds to sleep until the next thing happens (bounded so
 * signals and the status stay responsive). */
static int wait_ms(tt_tty *t, int64_t w)
{
    if (tt_exercise_phase(t->ex) != TT_PHASE_RUNNING)
        return 500;
    tt_ms next = tt_exercise_next_event(t->ex);
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    if (next > sc->length)
        next = sc->length;
    if (t->o.script && t->next_step < t->o.script->n_steps &&
        t->o.script->steps[t->next_step].at < next)
        next = t->o.script->steps[t->next_step].at;
    double speed = tt_exercise_speed(t->ex);
    tt_ms now = t->anchor_sim + (tt_ms)((double)(w - t->anchor_wall) * speed);
    double wait = speed > 0 ? (double)(next - now) / speed : 500;
    if (wait < 1)
        return 1;
    return wait > 500 ? 500 : (int)wait + 1;
}

/* ---- setup and the loop ---- */

static void setup_readline(tt_tty *t)
{
    if (!setlocale(LC_CTYPE, "") || strcmp(setlocale(LC_CTYPE, NULL), "C") == 0)
        setlocale(LC_CTYPE, "C.UTF-8");
    rl_readline_name = "tabletop";
    rl_instream = t->in;
    rl_outstream = t->out;
    rl_catch_signals = 0;
    rl_change_environment = 0;
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t";
    rl_callback_handler_install(tty_msg(M_PROMPT, t->o.lang), on_line);
    t->rl_on = true;
}

static int begin(tt_tty *t, tt_error *err)
{
    show_buf(t, &t->early);
    int64_t w = tt_wall_ms();
    tt_phase ph = tt_exercise_phase(t->ex);
    if (ph == TT_PHASE_READY) {
        t->holding = t->in != NULL;
        if (tt_exercise_start(t->ex, w, err) != 0)
            return -1;
        anchor(t, w);
        return 0;
    }
    anchor(t, w);
    if (ph != TT_PHASE_PAUSED)
        return 0;
    /* Restored from a journal: a script goes straight on; a facilitator
     * first sees where the drill stood. */
    if (t->o.script && !t->in)
        return do_resume(t, err);
    tt_buf b = TT_BUF_INIT;
    tt_buf_printf(&b, "%s\n", tty_msg(M_RESTORED, t->o.lang));
    show_buf(t, &b);
    if (show_status(t, err) != 0)
        return -1;
    tt_tty_say(t, tty_msg(M_RESUME_HOW, t->o.lang));
    return 0;
}

/* ---- deadlines ---- */

enum { ALERT_TARGET_SOON = 1, ALERT_TARGET = 2, ALERT_LIMIT_SOON = 4 };
#define ALERT_AHEAD (5 * 60 * 1000)    /* simulated: 5 minutes */

/* The time left to a deadline, up to the whole minute: after a jump (/next)
 * it is less than the 5 minutes the line usually comes at. */
static void time_left(tt_ms left, char *buf, size_t size)
{
    const tt_ms minute = 60 * 1000;
    tt_span_format((left + minute - 1) / minute * minute, buf, size);
}

/* A line when an open objective's target or limit is 5 simulated minutes
 * away, and when its target passes (its limit passing is the engine's
 * OBJECTIVE MISSED line). Each is said once; a jump past several says the
 * last only. */
static void deadline_lines(tt_tty *t)
{
    const tt_scenario *sc = tt_exercise_scenario(t->ex);
    if (!t->alerted) {
        t->alerted = calloc(sc->n_objectives + 1, 1);
        if (!t->alerted)
            return;     /* the drill goes on without these reminders */
    }
    const tt_objective_view *ov = tt_exercise_objectives(t->ex);
    tt_ms now = tt_exercise_now(t->ex);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        if (ov[i].status != TT_OBJECTIVE_OPEN)
            continue;
        const tt_objective *o = &sc->objectives[i];
        const char *title = tt_text_get(&o->title, t->o.lang);
        char at[32], when[32], left[32], line[1024];
        tt_ms_format(now, at, sizeof at);
        line[0] = '\0';
        unsigned char *a = &t->alerted[i];
        if (now >= o->limit - ALERT_AHEAD && now < o->limit && !(*a & ALERT_LIMIT_SOON)) {
            *a |= ALERT_LIMIT_SOON | ALERT_TARGET_SOON | (now >= o->target ? ALERT_TARGET : 0);
            tt_ms_format(o->limit, when, sizeof when);
            time_left(o->limit - now, left, sizeof left);
            snprintf(line, sizeof line, TT_FMT(t->o.lang, M_LIMIT_SOON_FMT), at, title, when,
                     left);
        } else if (now >= o->target && o->target > 0 && !(*a & ALERT_TARGET)) {
            *a |= ALERT_TARGET | ALERT_TARGET_SOON;
            tt_ms_format(o->limit, when, sizeof when);
            snprintf(line, sizeof line, TT_FMT(t->o.lang, M_TARGET_PASSED_FMT), at, title, when);
        } else if (now >= o->target - ALERT_AHEAD && now < o->target &&
                   !(*a & ALERT_TARGET_SOON)) {
            *a |= ALERT_TARGET_SOON;
            tt_ms_format(o->target, when, sizeof when);
            time_left(o->target - now, left, sizeof left);
            snprintf(line, sizeof line, TT_FMT(t->o.lang, M_TARGET_SOON_FMT), at, title, when,
                     left);
        }
        if (line[0])
            tt_tty_say(t, line);
    }
}

static int loop(tt_tty *t, tt_error *err)
{
    while (!t->leave && tt_exercise_phase(t->ex) != TT_PHASE_ENDED) {
        if (got_hup) {
            t->leave = true;
            break;
        }
        if (got_int) {
            got_int = 0;
            if (on_interrupt(t, err) != 0)
                return -1;
            set_prompt(t);
            continue;
        }
        int64_t w = tt_wall_ms();
        if (play_due_steps(t, w, err) != 0 || tt_exercise_tick(t->ex, w, err) != 0)
            return -1;
        if (tt_exercise_phase(t->ex) == TT_PHASE_ENDED)
            break;
        if (t->o.extra.pump) {
            bool clock_changed = false;
            if (t->o.extra.pump(t->o.extra.user, t->ex, &clock_changed, err) != 0)
                return -1;
            if (clock_changed)
                anchor(t, w);
            if (tt_exercise_phase(t->ex) == TT_PHASE_ENDED)
                break;
        }
        if (t->events_seen) {
            t->events_seen = false;
            if (refresh_menu(t, MENU_CHANGES, err) != 0)
                return -1;
        }
        deadline_lines(t);
        set_prompt(t);
        struct pollfd pfds[2] = { { .fd = t->in ? fileno(t->in) : -1, .events = POLLIN },
                                  { .fd = t->o.extra.pump ? t->o.extra.fd : -1,
                                    .events = POLLIN } };
        struct pollfd *pfd = &pfds[0];
        int n = poll(pfds, 2, wait_ms(t, w));
        if (n < 0 && errno != EINTR) {
            tt_error_runtime(err, NULL, TT_MSG(E_POLL_FMT), tt_os_error(errno));
            return -1;
        }
        if (n <= 0 || !t->in || !pfd->revents)
            continue;
        if (pfd->revents & POLLIN)
            rl_callback_read_char();
        else if (pfd->revents & (POLLHUP | POLLERR | POLLNVAL))
            t->eof = true;
        if (t->eof) {
            t->leave = true;
            break;
        }
        if (t->line) {
            char *line = t->line;
            t->line = NULL;
            int rc = handle_line(t, line, err);
            free(line);
            if (rc != 0)
                return -1;
        }
    }
    return 0;
}

int tt_tty_drive(tt_tty *t, tt_exercise *ex, tt_tty_outcome *outcome,
                 tt_error *err)
{
    if (active && active != t) {
        tt_error_runtime(err, NULL, TT_MSG(E_TTY_ANOTHER_DRILL));
        return -1;
    }
    active = t;
    t->ex = ex;
    got_int = got_hup = 0;
    struct sigaction sa = { .sa_handler = on_signal }, old_int, old_hup,
                     old_term, ign = { .sa_handler = SIG_IGN }, old_pipe;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGHUP, &sa, &old_hup);
    sigaction(SIGTERM, &sa, &old_term);
    sigaction(SIGPIPE, &ign, &old_pipe);

    int rc = begin(t, err);
    if (rc == 0 && t->in) {
        setup_readline(t);
        if (tt_exercise_phase(ex) == TT_PHASE_RUNNING)
            rc = refresh_menu(t, MENU_AVAILABLE, err);
    }
    t->holding = false;
    show_buf(t, &t->early);     /* the first events, below the menu */
    if (rc == 0)
        rc = loop(t, err);
    if (t->rl_on) {
        rl_callback_handler_remove();
        t->rl_on = false;
        fputs("\r\033[K", t->out);   /* the prompt readline redrew */
        fflush(t->out);
    }
    if (rc == 0 && t->leave && tt_exercise_phase(ex) != TT_PHASE_ENDED)
        leave_message(t);
    if (rc == 0 && tt_exercise_phase(ex) == TT_PHASE_ENDED)
        rc = show_result(t, err);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGHUP, &old_hup, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    sigaction(SIGPIPE, &old_pipe, NULL);
    active = NULL;
    if (outcome)
        *outcome = tt_exercise_phase(ex) == TT_PHASE_ENDED ? TT_TTY_ENDED
                                                           : TT_TTY_LEFT;
    return rc;
}
