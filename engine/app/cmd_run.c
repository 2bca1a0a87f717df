/* tabletop run: one exercise of a scenario — a live drill in the terminal,
 * on the SDL dashboard, a real-time rehearsal of a script, a headless
 * scripted run as fast as possible, or an off-screen dashboard snapshot. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "finish.h"
#include "frontend.h"
#include "locate.h"
#include "options.h"
#include "settings_arg.h"
#include "tabletop/dashboard.h"
#include "tabletop/exercise.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"
#include "tabletop/tty.h"

typedef struct run_options {
    const char *scenario;
    const char *script_path;
    const char *roster_path;
    const char *journal_path;
    const char *card_path;
    const char *db_path;
    const char *snapshot_path;
    int snapshot_w, snapshot_h;     /* 0: the dashboard's default */
    bool has_seed, has_speed, has_at, no_card, strict;
    uint64_t seed;
    double speed;
    tt_ms at;
    tt_lang lang;
    tt_ui_kind ui;
    tt_setting_args settings;
    tt_serve_options serve;
} run_options;

static bool parse_size(const char *arg, void *dest, char *why, size_t why_size)
{
    int *wh = dest;
    char detail[256];
    if (tt_dashboard_parse_size(arg, &wh[0], &wh[1], detail, sizeof detail))
        return true;
    snprintf(why, why_size, TT_MSG(E_OPT_SIZE_FMT), detail);
    return false;
}

static bool parse_set(const char *arg, void *dest, char *why, size_t why_size)
{
    return tt_setting_args_add(dest, arg, why, why_size);
}

static bool parse_options(int argc, char **argv, tt_cmdline *cl, run_options *o)
{
    memset(o, 0, sizeof *o);
    int size[2] = { 0, 0 };
    const tt_opt opts[] = {
        { "script", 0, TT_OPT_PATH, &o->script_path, NULL, NULL },
        { "ui", 0, TT_OPT_UI, &o->ui, NULL, NULL },
        { "speed", 0, TT_OPT_SPEED, &o->speed, &o->has_speed, NULL },
        { "seed", 0, TT_OPT_SEED, &o->seed, &o->has_seed, NULL },
        { "set", 0, TT_OPT_CUSTOM, &o->settings, NULL, parse_set },
        { "roster", 0, TT_OPT_PATH, &o->roster_path, NULL, NULL },
        { "journal", 0, TT_OPT_OUTPUT, &o->journal_path, NULL, NULL },
        { "scorecard", 0, TT_OPT_CUSTOM, &o->card_path, NULL, tt_opt_card_path },
        { "no-scorecard", 0, TT_OPT_FLAG, &o->no_card, NULL, NULL },
        { "strict", 0, TT_OPT_FLAG, &o->strict, NULL, NULL },
        { "db", 0, TT_OPT_OUTPUT, &o->db_path, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &o->lang, NULL, NULL },
        { "snapshot", 0, TT_OPT_OUTPUT, &o->snapshot_path, NULL, NULL },
        { "at", 0, TT_OPT_DURATION, &o->at, &o->has_at, NULL },
        { "size", 0, TT_OPT_CUSTOM, size, NULL, parse_size },
        { "serve", 0, TT_OPT_CUSTOM, &o->serve, NULL, tt_serve_parse },
        { "seats", 0, TT_OPT_PATH, &o->serve.seats_path, NULL, NULL },
        { "tls-cert", 0, TT_OPT_PATH, &o->serve.tls_cert, NULL, NULL },
        { "tls-key", 0, TT_OPT_PATH, &o->serve.tls_key, NULL, NULL },
        { "qr", 0, TT_OPT_FLAG, &o->serve.qr, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(cl, argc, argv, opts))
        return false;
    o->lang = cl->lang;
    o->snapshot_w = size[0];
    o->snapshot_h = size[1];
    o->scenario = cl->args[0];
    struct stat st;
    if (o->journal_path && lstat(o->journal_path, &st) == 0)
        return cl->status = tt_cmd_fail(cl, C_JOURNAL_EXISTS_FMT_TEXT, o->journal_path), false;
    if (o->journal_path && strlen(o->journal_path) >= 1024)
        return cl->status = tt_cmd_fail(cl, C_JOURNAL_PATH_LONG_TEXT), false;
    if (o->snapshot_path && !o->has_at)
        return cl->status = tt_cmd_fail(cl, C_SNAPSHOT_NEEDS_AT_TEXT), false;
    if ((o->serve.seats_path || o->serve.tls_cert || o->serve.tls_key || o->serve.qr) &&
        !o->serve.on)
        return cl->status = tt_cmd_fail(cl, C_SERVE_COMPANIONS_TEXT), false;
    if (!o->serve.tls_cert != !o->serve.tls_key)
        return cl->status = tt_cmd_fail(cl, C_TLS_PAIR_TEXT), false;
    if (o->serve.on && (o->snapshot_path || o->script_path))
        return cl->status = tt_cmd_fail(cl, C_RUN_SERVE_ALONE_TEXT), false;
    if ((o->has_at || o->snapshot_w) && !o->snapshot_path)
        return cl->status = tt_cmd_fail(cl, C_AT_SIZE_NEED_SNAPSHOT_TEXT), false;
    return true;
}

/* Which front-end: explicit, else headless for a script without --speed,
 * else the terminal. */
static tt_ui_kind choose_ui(const run_options *o)
{
    if (o->ui != TT_UI_AUTO)
        return o->ui;
    if (o->script_path && !o->has_speed)
        return TT_UI_NONE;
    if (o->serve.on && !isatty(STDIN_FILENO))
        return TT_UI_NONE;
    return TT_UI_TTY;
}

typedef struct run_inputs {
    tt_script *script;
    tt_roster roster;
    bool has_roster;
    tt_action_script answers;
    bool has_answers;
    tt_kv *settings;
    size_t n_settings;
} run_inputs;

static void free_inputs(run_inputs *in)
{
    if (in->has_roster)
        tt_roster_free(&in->roster);
    if (in->has_answers)
        tt_action_script_free(&in->answers);
    free(in->settings);
    /* The process ends when the command returns: closing the scenario's
     * Lua state there would only walk and free every object it holds
     * (0.3-0.5 M instructions, 2-3% of a headless run). Sanitizer builds
     * (TT_SANITIZE defines TT_FREE_AT_EXIT) free it, so their leak check
     * sees everything given back. */
#ifdef TT_FREE_AT_EXIT
    tt_script_free(in->script);
#endif
}

static int load_inputs(const run_options *o, run_inputs *in)
{
    memset(in, 0, sizeof *in);
    int status;
    in->script = tt_open_scenario("tabletop run", o->scenario, NULL, &status);
    if (!in->script)
        return status;
    const tt_scenario *sc = tt_script_scenario(in->script);
    tt_error err;
    tt_error_clear(&err);
    if (o->roster_path) {
        if (tt_roster_load(o->roster_path, sc, &in->roster, &err) != 0)
            return tt_error_report(&err, "tabletop run");
        in->has_roster = true;
    }
    if (o->script_path) {
        if (tt_action_script_load(o->script_path, sc, &in->answers, &err) != 0)
            return tt_error_report(&err, "tabletop run");
        in->has_answers = true;
    }
    /* Settings: the script's, then --set on top (each checked as a
     * script's are, and worded alike). */
    if (tt_setting_args_check(&o->settings, sc, &err) != 0)
        return tt_error_report(&err, "tabletop run");
    size_t from_script = in->has_answers ? in->answers.n_settings : 0;
    in->settings = calloc(from_script + o->settings.n + 1, sizeof *in->settings);
    if (!in->settings) {
        tt_error_set_as(&err, TT_ERR_NOMEM, NULL, 0, 0, "%s", tt_term_text(C_NOMEM, o->lang));
        return tt_error_report(&err, "tabletop run");
    }
    for (size_t i = 0; i < from_script; i++)
        tt_setting_args_put(in->settings, &in->n_settings, &in->answers.settings[i]);
    for (size_t i = 0; i < o->settings.n; i++)
        tt_setting_args_put(in->settings, &in->n_settings, &o->settings.items[i]);
    /* Check the settings now (unknown key, wrong type), before any journal
     * exists: the exercise applies them the same way when it begins. */
    tt_rng rng;
    tt_rng_seed(&rng, 0, 0);
    if (tt_script_begin(in->script, &rng, in->settings, in->n_settings, &err) != 0) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "tabletop run: %s", tt_term_text(C_SETTINGS_WORD, o->lang));
        return tt_error_report(&err, prefix);
    }
    return TT_EXIT_OK;
}

static uint64_t choose_seed(const run_options *o, const run_inputs *in, tt_ui_kind ui)
{
    if (o->has_seed)
        return o->seed;
    if (in->has_answers && in->answers.has_seed)
        return in->answers.seed;
    if ((ui == TT_UI_NONE && !o->serve.on) || o->snapshot_path)
        return 1;
    return (uint64_t)time(NULL);
}

/* Off-screen dashboard at simulated time o->at: run the script up to there,
 * read the journal back and render it. */
static int run_snapshot(const run_options *o, run_inputs *in, tt_exercise_config *cfg,
                        const char *journal_path)
{
    const tt_scenario *sc = tt_script_scenario(in->script);
    tt_error err;
    tt_error_clear(&err);
    tt_exercise *ex = tt_exercise_new(in->script, cfg, &err);
    int rc = ex ? tt_exercise_start(ex, 0, &err) : -1;
    size_t next = 0;
    if (rc == 0)
        rc = tt_exercise_play_until(ex, in->has_answers ? &in->answers : NULL, &next, o->at, &err);
    if (rc == 0)
        rc = tt_exercise_advance(ex, o->at, &err);
    tt_exercise_free(ex);
    if (tt_journal_close(cfg->journal, rc == 0 ? &err : NULL) != 0)
        rc = -1;
    cfg->journal = NULL;
    tt_journal j = { 0 };
    if (rc == 0)
        rc = tt_journal_read(journal_path, &j, &err);
    const tt_dashboard_api *dash = rc == 0 ? tt_dashboard_module(o->lang, &err) : NULL;
    if (!dash)
        rc = -1;
    if (rc == 0)
        rc = dash->snapshot(sc, &j, o->at, o->snapshot_w, o->snapshot_h, o->lang,
                            o->snapshot_path, &err);
    tt_journal_free(&j);
    if (rc != 0) {
        tt_error_of_the_run(&err);
        return tt_error_report(&err, "tabletop run");
    }
    tt_term_printf(stdout, TT_FMT(o->lang, C_SNAPSHOT_LINE_FMT), o->snapshot_path);
    return TT_EXIT_OK;
}

/* --strict: the first refused input, noticed on its way to the front-end. */
typedef struct strict_watch {
    tt_script *script;
    bool strict;
    tt_record_sink inner;
    void *inner_user;
    bool refused;
    tt_ms at;
    char what[200];
    char why_ja[300], why_en[300];
} strict_watch;

static void strict_sink(void *user, const tt_record *r)
{
    strict_watch *w = user;
    if (r->type == TT_REC_REFUSED && !w->refused) {
        w->refused = true;
        w->at = r->t;
        snprintf(w->what, sizeof w->what, "%s (%s)", r->id ? r->id : "?", r->role ? r->role : "?");
        snprintf(w->why_ja, sizeof w->why_ja, "%s", r->text.ja ? r->text.ja : "");
        snprintf(w->why_en, sizeof w->why_en, "%s", r->text.en ? r->text.en : "");
    }
    if (w->inner)
        w->inner(w->inner_user, r);
}

static tt_exercise *make_new(void *ctx, tt_exercise_config *cfg, tt_error *err)
{
    strict_watch *w = ctx;
    if (w->strict) {
        w->inner = cfg->sink;
        w->inner_user = cfg->sink_user;
        cfg->sink = strict_sink;
        cfg->sink_user = w;
    }
    return tt_exercise_new(w->script, cfg, err);
}

int tt_cmd_run(int argc, char **argv)
{
    tt_cmdline cl = { .name = "run", .usage_en = tt_term_text(C_RUN_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_RUN_USAGE, TT_LANG_JA), .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO), .extra = tt_term_pair(C_ONE_SCENARIO) };
    run_options o;
    run_inputs in = { 0 };
    char journal_path[1024];
    char temp_journal[] = "/tmp/tabletop-snapshot-XXXXXX";
    bool temp_made = false;
    tt_error err;
    tt_error_clear(&err);
    int status;
    if (!parse_options(argc, argv, &cl, &o)) {
        status = cl.status;
        goto out;
    }
    tt_ui_kind ui = choose_ui(&o);
    if (ui == TT_UI_TTY && !o.snapshot_path && !isatty(STDIN_FILENO) && !o.script_path &&
        !o.serve.on) {
        status = tt_cmd_fail(&cl, C_RUN_NEEDS_TTY_TEXT);
        goto out;
    }
    status = load_inputs(&o, &in);
    if (status != TT_EXIT_OK)
        goto out;
    const tt_scenario *sc = tt_script_scenario(in.script);
    if (o.journal_path) {
        snprintf(journal_path, sizeof journal_path, "%s", o.journal_path);
    } else if (o.snapshot_path) {
        int fd = mkstemp(temp_journal);
        if (fd < 0) {
            status = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_TEMP_JOURNAL_FMT_TEXT, tt_os_error(errno));
            goto out;
        }
        close(fd);
        temp_made = true;
        snprintf(journal_path, sizeof journal_path, "%s", temp_journal);
    } else if (!tt_default_journal_path(sc->id, o.lang, journal_path, sizeof journal_path, &err)) {
        status = tt_error_report(&err, "tabletop run");
        goto out;
    }
    bool live = (ui != TT_UI_NONE || o.serve.on) && !o.snapshot_path;
    tt_exercise_config cfg = {
        .seed = choose_seed(&o, &in, ui),
        .speed = !live ? 0 : o.has_speed ? o.speed : tt_live_speed(sc),
        .lang = o.lang,
        .roster = in.has_roster ? &in.roster : NULL,
        .settings = in.settings,
        .n_settings = in.n_settings,
        .record_wall = live,
    };
    /* How this drill was run, journaled so `resume` lands it in the same
     * history and card (docs/journal.md). */
    char run_db[4096], run_card[4096];
    cfg.run_db = o.no_card ? NULL
                           : tt_run_path_for_journal(tt_history_spec(o.db_path), run_db, sizeof run_db);
    cfg.run_scorecard = tt_run_path_for_journal(o.card_path, run_card, sizeof run_card);
    cfg.run_no_scorecard = o.no_card;
    /* START records these paths: one the reader would refuse is refused
     * now, before a journal exists. */
    if (tt_exercise_check_recordable(sc->path, cfg.run_db, cfg.run_scorecard, &err) != 0) {
        status = tt_error_report(&err, "tabletop run");
        goto out;
    }
    /* A journal named by the user must be new: evidence is never truncated
     * and a symbolic link is never followed. Default and temporary names
     * were reserved (created empty) above. */
    cfg.journal = o.journal_path ? tt_journal_create_new(journal_path, live, &err)
                                 : tt_journal_create(journal_path, live, &err);
    if (!cfg.journal) {
        status = tt_error_report(&err, "tabletop run");
        goto out;
    }
    if (o.card_path && tt_same_file(o.card_path, journal_path)) {
        /* Only the empty file just made is removed. */
        tt_error ignored;
        tt_journal_close(cfg.journal, &ignored);
        unlink(journal_path);
        status = tt_cmd_fail(&cl, C_CARD_IS_JOURNAL_FMT_TEXT, o.card_path);
        goto out;
    }
    if (o.snapshot_path) {
        status = run_snapshot(&o, &in, &cfg, journal_path);
        goto out;
    }
    strict_watch watch = { .script = in.script, .strict = o.strict };
    tt_frontend_job job = {
        .ui = ui,
        .lang = o.lang,
        .sc = sc,
        .answers = in.has_answers ? &in.answers : NULL,
        .roster = in.has_roster ? &in.roster : NULL,
        .journal_path = journal_path,
        .cfg = cfg,
        .make = make_new,
        .make_ctx = &watch,
        .serve = &o.serve,
    };
    bool ended = false;
    int rc = tt_frontend_run(&job, &ended, &err);
    tt_error close_err;
    tt_error_clear(&close_err);
    if (tt_journal_close(cfg.journal, &close_err) != 0 && rc == 0) {
        err = close_err;
        rc = -1;
    }
    status = tt_frontend_conclude("tabletop run", rc, &err, ended, sc, journal_path, o.no_card,
                                  o.card_path, o.db_path, o.lang);
    if (watch.refused && status == TT_EXIT_OK) {
        char at[32];
        tt_ms_format(watch.at, at, sizeof at);
        /* The refusal's reason in the drill's language, else the other. */
        const char *first = o.lang == TT_LANG_JA ? watch.why_ja : watch.why_en;
        const char *other = o.lang == TT_LANG_JA ? watch.why_en : watch.why_ja;
        status = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_STRICT_REFUSED_FMT_TEXT, watch.what, at,
                                first[0] ? first : other);
    }
out:
    if (temp_made)
        unlink(temp_journal);
    free_inputs(&in);
    tt_setting_args_free(&o.settings);
    return status;
}
