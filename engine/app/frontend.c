/* One way to drive an exercise per front-end, for run and resume alike. */
#include "frontend.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "finish.h"
#include "timeline.h"
#include "tabletop/dashboard.h"
#include "tabletop/terms.h"
#include "tabletop/tty.h"
#include "tabletop/web.h"

bool tt_serve_parse(const char *arg, void *dest, char *why, size_t why_size)
{
    tt_serve_options *o = dest;
    const char *port = arg, *addr = NULL;
    size_t addr_len = 0;
    if (arg[0] == '[') {
        const char *close = strchr(arg, ']');
        if (!close || close[1] != ':') {
            snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SERVE_BAD_BRACKET_FMT), arg);
            return false;
        }
        addr = arg + 1;
        addr_len = (size_t)(close - addr);
        port = close + 2;
    } else if (strrchr(arg, ':')) {
        addr = arg;
        addr_len = (size_t)(strrchr(arg, ':') - arg);
        port = strrchr(arg, ':') + 1;
    }
    char *end = NULL;
    errno = 0;
    long p = strtol(port, &end, 10);
    if (errno || end == port || *end || p < 0 || p > 65535 || (addr && addr_len == 0) ||
        addr_len >= sizeof o->addr) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SERVE_BAD_FMT), arg);
        return false;
    }
    if (addr) {
        /* An address, as the docs say (127.0.0.1, 0.0.0.0, ::): a name or
         * interface ('lo', 'bad host') made links nobody could open. */
        char a[sizeof o->addr];
        unsigned char bin[sizeof(struct in6_addr)];
        snprintf(a, sizeof a, "%.*s", (int)addr_len, addr);
        if (inet_pton(AF_INET, a, bin) != 1 && inet_pton(AF_INET6, a, bin) != 1) {
            snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_SERVE_BAD_FMT), arg);
            return false;
        }
    }
    o->on = true;
    o->port = (int)p;
    if (addr)
        snprintf(o->addr, sizeof o->addr, "%.*s", (int)addr_len, addr);
    else
        snprintf(o->addr, sizeof o->addr, "127.0.0.1");
    return true;
}

/* The exercise's records go to the front-end's sink and to the pages. */
/* The web module's table while --serve runs (loaded by tt_frontend_run). */
static const tt_web_api *web_api;

typedef struct web_tee {
    tt_record_sink inner;
    void *inner_user;
    tt_web *web;
    const tt_web_api *api;
    tt_exercise_maker make;
    void *make_ctx;
} web_tee;

static void tee_sink(void *user, const tt_record *r)
{
    web_tee *t = user;
    if (t->inner)
        t->inner(t->inner_user, r);
    t->api->sink(t->web, r);
}

static tt_exercise *tee_make(void *ctx, tt_exercise_config *cfg, tt_error *err)
{
    web_tee *t = ctx;
    t->inner = cfg->sink;
    t->inner_user = cfg->sink_user;
    cfg->sink = tee_sink;
    cfg->sink_user = t;
    return t->make(t->make_ctx, cfg, err);
}

static int web_pump(void *user, tt_exercise *ex, bool *clock_changed, tt_error *err)
{
    return web_api->pump(user, ex, clock_changed, err);
}

bool tt_ui_parse(const char *text, tt_ui_kind *out)
{
    static const struct { const char *name; tt_ui_kind kind; } kinds[] = {
        { "none", TT_UI_NONE }, { "tty", TT_UI_TTY }, { "sdl", TT_UI_SDL } };
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(text, kinds[i].name) == 0) {
            *out = kinds[i].kind;
            return true;
        }
    return false;
}

bool tt_speed_parse(const char *text, double *out)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (errno || end == text || *end || !(v > 0) || v > 1e6)
        return false;
    *out = v;
    return true;
}

double tt_live_speed(const tt_scenario *sc)
{
    return sc->speed > 0 ? sc->speed : tt_tty_default_speed(sc->length);
}

/* Steps of the script after the exercise ended (every objective settled
 * first) are never played: said, with the first one's line, rather than
 * dropped without a word. */
static void warn_steps_not_played(const tt_frontend_job *job, const tt_exercise *ex)
{
    const tt_action_script *a = job->answers;
    size_t next = tt_exercise_inputs_taken(ex);
    if (next >= a->n_steps)
        return;
    const tt_script_step *st = &a->steps[next];
    char ended_at[32], step_at[32];
    tt_ms_format(tt_exercise_now(ex), ended_at, sizeof ended_at);
    tt_ms_format(st->at, step_at, sizeof step_at);
    const char *path = a->path ? a->path : "?";
    size_t after = a->n_steps - next - 1;
    if (after == 0) /* the last step alone: not "and the 0 after it" */
        fprintf(stderr, TT_FMT(job->lang, C_STEP_NOT_PLAYED_FMT), path, st->line, ended_at, step_at);
    else
        fprintf(stderr, TT_FMT(job->lang, C_STEPS_NOT_PLAYED_FMT), path, st->line, after, ended_at,
                step_at);
}

static int run_headless(tt_frontend_job *job, bool *ended, tt_error *err)
{
    tt_timeline tl = { .out = stdout, .sc = job->sc, .lang = job->lang };
    job->cfg.sink = tt_timeline_sink;
    job->cfg.sink_user = &tl;
    tt_exercise *ex = job->make(job->make_ctx, &job->cfg, err);
    if (!ex) {
        tt_timeline_close(&tl);
        return -1;
    }
    int rc = 0;
    if (tt_exercise_phase(ex) == TT_PHASE_READY)
        rc = tt_exercise_start(ex, 0, err);
    else if (tt_exercise_phase(ex) == TT_PHASE_PAUSED)
        rc = tt_exercise_resume(ex, 0, err); /* restored: go on at once */
    if (rc == 0)
        rc = job->answers ? tt_exercise_play(ex, job->answers, job->first_step, err)
                          : tt_exercise_advance(ex, job->sc->length, err);
    if (rc == 0) {
        tt_timeline_summary(stdout, ex, job->lang);
        *ended = tt_exercise_phase(ex) == TT_PHASE_ENDED;
        if (*ended && job->answers)
            warn_steps_not_played(job, ex);
    }
    tt_exercise_free(ex);
    tt_timeline_close(&tl);
    return rc;
}

/* --serve --ui none: the pages are the only front-end. */
static int run_web(tt_frontend_job *job, tt_web *web, bool *ended, tt_error *err)
{
    tt_exercise *ex = job->make(job->make_ctx, &job->cfg, err);
    if (!ex)
        return -1;
    int rc = web_api->drive(web, ex, ended, err);
    tt_exercise_free(ex);
    return rc;
}

static tt_input_pump job_pump;
/* --serve with the dashboard: the join links' QR codes it can show (J). */
static const tt_join_code *job_codes;
static size_t job_n_codes;
static bool job_codes_shown;

static int run_sdl(tt_frontend_job *job, bool *ended, tt_error *err)
{
    const tt_dashboard_api *dash = tt_dashboard_module(job->lang, err);
    if (!dash)
        return -1;
    tt_dashboard_feed *feed = dash->feed_new();
    if (!feed) {
        tt_error_oom(err, NULL);
        return -1;
    }
    if (job->restored_from && dash->feed_load(feed, job->restored_from) != 0) {
        dash->feed_free(feed);
        tt_error_oom(err, NULL);
        return -1;
    }
    job->cfg.sink = dash->feed_sink;
    job->cfg.sink_user = feed;
    tt_exercise *ex = job->make(job->make_ctx, &job->cfg, err);
    int rc = -1;
    if (ex) {
        tt_dashboard_options dopt;
        tt_dashboard_options_default(&dopt);
        dopt.lang = job->lang;
        dopt.script = job->answers;
        dopt.script_from = job->first_step;
        dopt.roster = job->roster;
        dopt.extra = job_pump;
        dopt.join = job_codes;
        dopt.n_join = job_n_codes;
        dopt.join_shown = job_codes_shown;
        rc = dash->drive(ex, feed, &dopt, err);
        *ended = rc == 0 && tt_exercise_phase(ex) == TT_PHASE_ENDED;
    }
    tt_exercise_free(ex);
    dash->feed_free(feed);
    return rc;
}

static int run_tty(tt_frontend_job *job, bool *ended, tt_error *err)
{
    tt_tty_options topt;
    tt_tty_options_default(&topt);
    topt.lang = job->lang;
    topt.script = job->answers;
    topt.script_from = job->first_step;
    topt.roster = job->roster;
    topt.journal_path = job->journal_path;
    topt.scenario = job->sc;
    topt.extra = job_pump;
    if (!isatty(STDIN_FILENO))
        topt.in_fd = -1; /* a rehearsal from a script needs no keyboard */
    const tt_tty_api *api = tt_tty_module(job->lang, err);
    if (!api)
        return -1;
    tt_tty *tty = api->tty_new(&topt, err);
    if (!tty)
        return -1;
    job->cfg.sink = api->sink;
    job->cfg.sink_user = tty;
    tt_exercise *ex = job->make(job->make_ctx, &job->cfg, err);
    tt_tty_outcome outcome = TT_TTY_LEFT;
    int rc = -1;
    if (ex)
        rc = api->drive(tty, ex, &outcome, err);
    *ended = rc == 0 && outcome == TT_TTY_ENDED;
    tt_exercise_free(ex);
    api->tty_free(tty);
    return rc;
}

static int run_ui(tt_frontend_job *job, bool *ended, tt_error *err)
{
    switch (job->ui) {
    case TT_UI_NONE: return run_headless(job, ended, err);
    case TT_UI_SDL: return run_sdl(job, ended, err);
    default: return run_tty(job, ended, err);
    }
}

void tt_error_of_the_run(tt_error *err)
{
    if (err->cls == TT_ERR_INPUT)
        err->cls = TT_ERR_RUNTIME;
}

static int run_job(tt_frontend_job *job, bool *ended, tt_error *err);

int tt_frontend_run(tt_frontend_job *job, bool *ended, tt_error *err)
{
    int rc = run_job(job, ended, err);
    if (rc != 0)
        tt_error_of_the_run(err);
    return rc;
}

static int run_job(tt_frontend_job *job, bool *ended, tt_error *err)
{
    *ended = false;
    job_pump = (tt_input_pump){ -1, NULL, NULL };
    const tt_serve_options *s = job->serve;
    if (!s || !s->on)
        return run_ui(job, ended, err);
    tt_web_options wo = { .addr = s->addr, .port = s->port, .lang = job->lang, .sc = job->sc,
                          .roster = job->roster, .journal_path = job->journal_path,
                          .reuse_links = s->reuse_links, .tls_cert = s->tls_cert,
                          .tls_key = s->tls_key };
    web_api = tt_web_module(job->lang, err);
    if (!web_api)
        return -1;
    tt_web *web = web_api->start(&wo, err);
    if (!web)
        return -1;
    int rc = 0;
    if ((job->restored_from && web_api->preload(web, job->restored_from) != 0)) {
        tt_error_oom(err, NULL);
        rc = -1;
    }
    if (rc == 0)
        rc = web_api->print_links(web, stdout, s->seats_path, s->qr, err);
    tt_join_code *codes = NULL;
    size_t n_codes = 0;
    if (rc == 0 && job->ui == TT_UI_SDL)
        rc = web_api->join_codes(web, &codes, &n_codes, err);
    job_codes = codes;
    job_n_codes = n_codes;
    job_codes_shown = s->qr;
    web_tee tee = { .web = web, .api = web_api, .make = job->make, .make_ctx = job->make_ctx };
    job->make = tee_make;
    job->make_ctx = &tee;
    job_pump = (tt_input_pump){ web_api->fd(web), web_pump, web };
    if (rc == 0)
        rc = job->ui == TT_UI_NONE ? run_web(job, web, ended, err) : run_ui(job, ended, err);
    job->make = tee.make;
    job->make_ctx = tee.make_ctx;
    job_pump = (tt_input_pump){ -1, NULL, NULL };
    job_codes = NULL;
    job_n_codes = 0;
    web_api->free_join_codes(codes, n_codes);
    if (rc == 0 && *ended)
        web_api->finish(web);
    web_api->stop(web);
    return rc;
}

int tt_frontend_conclude(const char *cmd, int rc, const tt_error *err, bool ended,
                         const tt_scenario *sc, const char *journal_path,
                         bool no_card, const char *card_path, const char *db_path,
                         tt_lang lang)
{
    if (rc != 0) {
        tt_error_print(err, cmd);
        fprintf(stderr, TT_FMT(lang, C_JOURNAL_SO_FAR_FMT), cmd, journal_path);
        return tt_error_exit(err);
    }
    if (!ended) {
        printf(TT_FMT(lang, C_NOT_FINISHED_FMT), journal_path);
        return TT_EXIT_OK;
    }
    if (no_card) {
        tt_term_printf(stdout, TT_FMT(lang, C_JOURNAL_LINE_FMT), journal_path);
        return TT_EXIT_OK;
    }
    return tt_finish_exercise(cmd, sc, journal_path, card_path, db_path, lang, stdout);
}
