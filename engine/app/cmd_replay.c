/* tabletop replay: re-run a recorded exercise from its inputs and check that
 * it reproduces the journal; optionally show it (terminal timeline or the
 * SDL dashboard's scrubber). Exit 0 identical, 1 differs, 2 bad input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "frontend.h"
#include "journal_open.h"
#include "locate.h"
#include "options.h"
#include "tabletop/dashboard.h"
#include "tabletop/exercise.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"
#include "tabletop/tty.h"

int tt_open_journal_scenario(const char *cmd, const char *journal_path,
                             const char *scenario_arg, tt_lang lang, tt_journal *j,
                             tt_script **script)
{
    tt_error err;
    tt_error_clear(&err);
    *script = NULL;
    memset(j, 0, sizeof *j);
    if (tt_journal_read(journal_path, j, &err) != 0)
        return tt_error_report(&err, cmd);
    /* The reader's warning already names the file, line and column. */
    if (j->torn && j->warning[0])
        fprintf(stderr, "%s: %s\n", cmd, j->warning);
    else if (j->torn)
        fprintf(stderr, "%s: %s: %s\n", cmd, journal_path, tt_term_text(C_TORN_DROPPED, lang));
    if (j->n_records == 0 || j->records[0].type != TT_REC_START || !j->records[0].start) {
        tt_error_set(&err, journal_path, 0, 0, "%s", tt_term_text(C_NOT_A_JOURNAL, lang));
        tt_journal_free(j);
        return tt_error_report(&err, cmd);
    }
    const tt_start_info *start = j->records[0].start;
    /* Where the scenario is: as told, else where it was (when the file
     * there is still the one recorded), else by its id. */
    char path[1024], why[4096];
    const char *wanted = scenario_arg;
    if (!wanted && tt_score_start_path_matches(start))
        wanted = start->path;
    /* The file it names, edited since: used (with a warning below) when it
     * still holds the journal's scenario. */
    if (!wanted && (*script = tt_score_load_edited(start)) != NULL)
        goto loaded;
    if (!wanted && !tt_score_is_scenario_id(start->scenario)) {
        tt_error_set(&err, journal_path, 0, 0, "%s", tt_term_text(C_JOURNAL_BAD_SCENARIO_ID, lang));
        tt_journal_free(j);
        return tt_error_report(&err, cmd);
    }
    if (!wanted)
        wanted = start->scenario;
    if (!tt_locate_scenario(wanted, path, sizeof path, why, sizeof why)) {
        /* Said as score says it, at the journal, naming the option that
         * helps; a --scenario that is not there is that option's fault. */
        if (scenario_arg)
            tt_error_set(&err, NULL, 0, 0, TT_MSG(E_SCENARIO_OPTION_FMT), why);
        else
            tt_error_set(&err, journal_path, 0, 0, TT_MSG(E_REPLAY_CANNOT_FIND_SCENARIO_FMT),
                         start->scenario, start->scenario);
        tt_journal_free(j);
        return tt_error_report(&err, cmd);
    }
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    *script = tt_script_load(path, &limits, &err);
    if (!*script) {
        tt_journal_free(j);
        return tt_error_report(&err, cmd);
    }
loaded:;
    const tt_scenario *sc = tt_script_scenario(*script);
    /* Another scenario altogether: said as score says it, at the file. */
    if (!sc->id || !start->scenario || strcmp(sc->id, start->scenario) != 0) {
        tt_error_set(&err, sc->path, 0, 0, TT_MSG(E_JOURNAL_OTHER_SCENARIO_FMT),
                     start->scenario ? start->scenario : "?", sc->id ? sc->id : "?");
        tt_script_free(*script);
        *script = NULL;
        tt_journal_free(j);
        return tt_error_report(&err, cmd);
    }
    if (start->hash && sc->hash && strcmp(start->hash, sc->hash) != 0) {
        /* The path may come from the journal: shown safely. */
        char *shown = tt_term_safe_dup(sc->path, 0);
        char *hash = tt_term_safe_dup(start->hash, 0);
        fprintf(stderr, TT_FMT(lang, C_SCENARIO_CHANGED_FMT), cmd, shown ? shown : "?", sc->hash,
                hash ? hash : "?");
        free(shown);
        free(hash);
    }
    return TT_EXIT_OK;
}

static void print_timeline(const tt_scenario *sc, const tt_journal *j, tt_lang lang)
{
    for (size_t i = 0; i < j->n_records; i++) {
        char *text = tt_tty_format_record(sc, &j->records[i], lang);
        if (text)
            tt_term_fputs(text, TT_TERM_KEEP_NEWLINES, stdout);
        free(text);
    }
}

int tt_cmd_replay(int argc, char **argv)
{
    tt_cmdline cl = { .name = "replay", .usage_en = tt_term_text(C_REPLAY_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_REPLAY_USAGE, TT_LANG_JA), .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_JOURNAL), .extra = tt_term_pair(C_ONE_JOURNAL),
                      .exits = tt_term_pair(C_EXITS_REPLAY) };
    tt_ui_kind show = TT_UI_NONE;
    const char *scenario_arg = NULL;
    const tt_opt opts[] = {
        { "ui", 0, TT_OPT_UI, &show, NULL, NULL },
        { "scenario", 0, TT_OPT_PATH, &scenario_arg, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    tt_lang lang = cl.lang;
    const char *journal_path = cl.args[0];

    tt_journal j;
    tt_script *script;
    int status = tt_open_journal_scenario("tabletop replay", journal_path, scenario_arg, lang,
                                          &j, &script);
    if (status != TT_EXIT_OK)
        return status;
    const tt_scenario *sc = tt_script_scenario(script);
    tt_error err;
    tt_error_clear(&err);
    tt_replay_result result;
    bool replayed = tt_exercise_replay(script, &j, &result, &err) == 0;
    if (!replayed) {
        /* What names no file (the START's settings, its members) is the journal's. */
        if (!err.file[0])
            tt_term_safe(err.file, sizeof err.file, journal_path, strlen(journal_path), 0);
        status = tt_error_report(&err, "tabletop replay");
    } else if (result.identical) {
        tt_term_printf(stdout, TT_FMT(lang, C_REPLAY_IDENTICAL_FMT), journal_path, result.records_compared);
        status = TT_EXIT_OK;
    } else {
        /* The difference quotes journal text: shown like all of it. */
        tt_term_printf(stdout, TT_FMT(lang, C_REPLAY_DIFFERS_FMT), journal_path, result.records_compared);
        tt_term_fputs(result.diff, TT_TERM_KEEP_NEWLINES, stdout);
        putchar('\n');
        /* A journal the engine does not reproduce is the documented exit 1
         * (the command ran; its check failed), not bad input. */
        status = tt_exit_for(TT_ERR_RUNTIME);
    }
    if (replayed) {
        if (show == TT_UI_TTY) {
            print_timeline(sc, &j, lang);
        } else if (show == TT_UI_SDL) {
            tt_dashboard_options o;
            tt_dashboard_options_default(&o);
            o.lang = lang;
            const tt_dashboard_api *dash = tt_dashboard_module(lang, &err);
            if (!dash || dash->replay(sc, &j, &o, &err) != 0)
                status = tt_error_report(&err, "tabletop replay");
        }
    }
    tt_journal_free(&j);
    tt_script_free(script);
    return status;
}
