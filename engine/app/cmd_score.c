/* tabletop score JOURNAL [-o FILE]: the scorecard of a journal (.html, .md or
 * .json by extension), with the team's trend from the drill history. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/score.h"
#include "tabletop/script.h"
#include "tabletop/terms.h"

typedef struct score_options {
    const char *journal;
    const char *out;
    const char *db;
    const char *scenarios;
    bool no_record;
    tt_lang lang;
} score_options;

int tt_cmd_score(int argc, char **argv)
{
    tt_cmdline cl = { .name = "score", .usage_en = tt_term_text(C_SCORE_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_SCORE_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_SCORE_WHICH), .extra = tt_term_pair(C_SCORE_ONE) };
    score_options o = { 0 };
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_OUTPUT, &o.out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &o.lang, NULL, NULL },
        { "db", 0, TT_OPT_OUTPUT, &o.db, NULL, NULL },
        { "no-record", 0, TT_OPT_FLAG, &o.no_record, NULL, NULL },
        { "scenarios", 0, TT_OPT_FOLDER, &o.scenarios, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    o.lang = cl.lang;
    o.journal = cl.args[0];

    char def[4096];
    const char *out = o.out;
    if (!out) {
        if (tt_score_default_card_path(o.journal, ".html", def, sizeof def) != 0)
            return tt_cmd_fail(&cl, C_SCORE_NO_DEFAULT_FMT_TEXT, o.journal);
        out = def;
    }
    tt_card_format fmt;
    if (!tt_card_format_from_path(out, &fmt))
        return tt_cmd_fail(&cl, C_CARD_EXT_FMT_TEXT, out);
    if (tt_same_file(o.journal, out))
        return tt_cmd_fail(&cl, C_SCORE_OUT_IS_JOURNAL_FMT_TEXT, out);

    /* The drill history opens in a thread meanwhile (the trend is still
     * read after the journal, below), unless the trend memo will likely
     * answer without it (a journal scored before, an unchanged history). */
    if (!tt_history_memo_prepare(o.db, o.journal))
        tt_history_open_ahead(o.db);
    tt_error err;
    tt_error_clear(&err);
    /* Read record by record: memory holds what the card shows, whatever
     * the journal's size. The journal's hash (the history's key) is taken
     * from the same reads. */
    tt_journal_stream *in = tt_journal_stream_open(o.journal, &err);
    if (!in)
        return tt_error_report(&err, "tabletop score");
    tt_score_hash *hash = tt_score_hash_new();
    if (!hash) {
        tt_journal_stream_close(in);
        tt_error_oom(&err, o.journal);
        return tt_error_report(&err, "tabletop score");
    }
    tt_journal_stream_tap(in, tt_score_hash_tap, hash);
    const tt_record *first = NULL;
    if (tt_journal_stream_next(in, &first, &err) < 0) {
        tt_journal_stream_close(in);
        tt_score_hash_free(hash);
        return tt_error_report(&err, "tabletop score");
    }
    /* The START record alone names the scenario; without one this is no
     * journal (said as replay and resume say it, naming the file). */
    if (!first || first->type != TT_REC_START || !first->start) {
        tt_journal_stream_close(in);
        tt_score_hash_free(hash);
        tt_error_set(&err, o.journal, 0, 0, "%s", tt_term_text(C_NOT_A_JOURNAL, o.lang));
        return tt_error_report(&err, "tabletop score");
    }
    /* A scenario id no scenario can have ('../x'): said as replay and
     * resume say it, at the journal (it read "cannot find scenario '?'"). */
    if (!tt_score_is_scenario_id(first->start->scenario)) {
        tt_journal_stream_close(in);
        tt_score_hash_free(hash);
        tt_error_set(&err, o.journal, 0, 0, "%s", tt_term_text(C_JOURNAL_BAD_SCENARIO_ID, o.lang));
        return tt_error_report(&err, "tabletop score");
    }
    /* The START record alone names the scenario. */
    tt_journal j = { .records = (tt_record *)first, .n_records = first ? 1 : 0 };
    bool differs = false;
    const char *search = o.scenarios;
    char found[1024], why[256];
    if (!search && j.n_records && j.records[0].start &&
        tt_score_is_scenario_id(j.records[0].start->scenario) &&
        tt_locate_scenario(j.records[0].start->scenario, found, sizeof found, why, sizeof why)) {
        char *slash = strrchr(found, '/'); /* the folder the id was found in */
        if (slash)
            *slash = '\0';
        search = found;
    }
    tt_script *script = tt_score_load_scenario(&j, search ? search
                                                   : tt_score_default_scenario_dir(),
                                               &differs, &err);
    if (!script) {
        /* A scenario that cannot be found is said at the journal that
         * names it, as replay and resume say it. */
        if (!err.file[0])
            snprintf(err.file, sizeof err.file, "%s", o.journal);
        tt_journal_stream_close(in);
        tt_score_hash_free(hash);
        return tt_error_report(&err, "tabletop score");
    }
    tt_scorecard card;
    int built = tt_scorecard_build_file(&card, tt_script_scenario(script), in, first, o.journal,
                                        NULL, &err);
    tt_journal_stream_close(in);
    if (built == 0) { /* the whole file was read */
        char hex[65];
        tt_score_hash_hex(hash, hex);
        if (!(card.journal_hash = tt_arena_strdup(&card.arena, hex))) {
            tt_scorecard_free(&card);
            tt_error_oom(&err, o.journal);
            built = -1;
        }
    }
    tt_score_hash_free(hash);
    if (built != 0) {
        tt_script_free(script);
        return tt_error_report(&err, "tabletop score");
    }
    if (differs)
        fprintf(stderr, "tabletop score: %s\n", tt_term_text(C_SCORE_DIFFERS, o.lang));
    if (card.incomplete)
        fprintf(stderr, "tabletop score: %s\n", tt_term_text(C_SCORE_INCOMPLETE, o.lang));
    tt_error db_err;
    int db_rc = tt_score_history_step(&card, o.db, !o.no_record, &db_err);
    int rc = TT_EXIT_OK;
    if (tt_scorecard_write(&card, out, fmt, o.lang, &err) != 0) {
        rc = tt_error_report(&err, "tabletop score");
    } else {
        char num[16];   /* nothing assessed: no number, as on the card */
        if (card.rating == TT_RATING_NA)
            snprintf(num, sizeof num, "—");
        else
            snprintf(num, sizeof num, "%d", card.score);
        printf("%s %s %s/100  %s\n", tt_rating_letter(card.rating),
               tt_term_text(C_SCORE_WORD, o.lang), num, out);
        char banner[512];
        if (tt_scorecard_banner(&card, o.lang, banner, sizeof banner))
            printf("%s\n", banner);
        /* An explicitly chosen database that fails is an error; the
         * default one only warns (the card is still useful). */
        if (db_rc != 0 && o.db)
            rc = tt_error_report(&db_err, "tabletop score");
    }
    tt_scorecard_free(&card);
    tt_script_free(script);
    return rc;
}
