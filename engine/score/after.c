/* The end of an exercise: score the journal, record it in the history, show
 * the trend, write the card. Also the shared path of `tabletop score`. */
#include "tabletop/score.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ends_with(const char *s, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && strncmp(s + len - n, suffix, n) == 0;
}

int tt_score_default_card_path(const char *journal_path, const char *ext,
                               char *out, size_t size)
{
    const char *slash = strrchr(journal_path, '/');
    const char *base = slash ? slash + 1 : journal_path;
    size_t stem = strlen(journal_path);
    /* "x.journal.yaml" -> "x.html"; "x.log" -> "x.html". */
    if (ends_with(journal_path, stem, ".yaml"))
        stem -= 5;
    else if (ends_with(journal_path, stem, ".yml"))
        stem -= 4;
    else {
        const char *dot = strrchr(base, '.');
        if (dot && dot != base)
            stem = (size_t)(dot - journal_path);
    }
    if (ends_with(journal_path, stem, ".journal"))
        stem -= 8;
    if (journal_path + stem <= base)   /* nothing left of the name */
        stem = strlen(journal_path);
    int n = snprintf(out, size, "%.*s%s", (int)stem, journal_path, ext);
    if (n < 0 || (size_t)n >= size || strcmp(out, journal_path) == 0)
        return -1;
    return 0;
}

static void db_warning(tt_scorecard *card, const tt_error *e)
{
    char ja[1400], en[1400];
    snprintf(ja, sizeof ja, "演習履歴データベースを使えませんでした: %s", e->message);
    snprintf(en, sizeof en, "The drill history database could not be used: %s", e->message);
    tt_scorecard_warn(card, ja, en);
    tt_error_print(e, "tabletop: warning");
}

int tt_score_history_step(tt_scorecard *card, const char *db_path, bool record,
                          tt_error *db_err)
{
    tt_error_clear(db_err);
    tt_history *h = tt_history_open(db_path, db_err);
    if (!h) {
        db_warning(card, db_err);
        return -1;
    }
    int rc = 0;
    /* Only finished exercises go into the history; partial ones still get
     * their trend. */
    if (record && card->ended && !card->torn && tt_history_record(h, card, NULL, db_err) != 0)
        rc = -1;
    if (rc == 0 && tt_history_fill_trend(h, card, db_err) != 0)
        rc = -1;
    if (rc != 0)
        db_warning(card, db_err);
    tt_history_close(h);
    return rc;
}

int tt_score_after_exercise(const tt_scenario *sc, const char *journal_path,
                            const char *card_path, tt_lang lang,
                            const char *db_path, char *written,
                            size_t written_size, tt_error *err)
{
    char def[4096];
    if (!card_path) {
        if (tt_score_default_card_path(journal_path, ".html", def, sizeof def) != 0) {
            tt_error_set(err, journal_path, 0, 0, "cannot make a scorecard path beside the journal");
            return -1;
        }
        card_path = def;
    }
    tt_card_format fmt;
    if (!tt_card_format_from_path(card_path, &fmt)) {
        tt_error_set(err, card_path, 0, 0, "unknown scorecard format: use .html, .md or .json");
        return -1;
    }
    if (tt_same_file(journal_path, card_path)) {
        tt_error_set(err, card_path, 0, 0,
                     "the scorecard would replace the journal (a journal is never overwritten)");
        return -1;
    }
    char hash[65];
    if (tt_score_file_hash(journal_path, hash, err) != 0)
        return -1;
    tt_journal j;
    if (tt_journal_read(journal_path, &j, err) != 0)
        return -1;
    tt_scorecard card;
    if (tt_scorecard_build(&card, sc, &j, journal_path, hash, err) != 0) {
        tt_journal_free(&j);
        return -1;
    }
    tt_error db_err;
    tt_score_history_step(&card, db_path, true, &db_err);
    int rc = tt_scorecard_write(&card, card_path, fmt, lang, err);
    if (rc == 0 && written && written_size) {
        snprintf(written, written_size, "%s", card_path);
    }
    tt_scorecard_free(&card);
    tt_journal_free(&j);
    return rc;
}
