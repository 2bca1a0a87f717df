/* The end of an exercise: score the journal, record it in the history, show
 * the trend, write the card. Also the shared path of `tabletop score`. */
#include "tabletop/results.h"
#include "tabletop/terms.h"
#include "store.h"

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

/* On the card always. On stderr only for the default database, as a
 * warning: a database chosen with --db (db_path) that fails fails the
 * command, and the caller reports it as its error. */
static void db_warning(tt_scorecard *card, const char *db_path, const tt_error *e)
{
    char ja[1400], en[1400];
    snprintf(ja, sizeof ja, TT_FMT(TT_LANG_JA, LBL_DB_UNUSABLE_FMT), e->message);
    snprintf(en, sizeof en, TT_FMT(TT_LANG_EN, LBL_DB_UNUSABLE_FMT), e->message);
    tt_scorecard_warn(card, ja, en);
    if (db_path)
        return;
    char prefix[64];
    snprintf(prefix, sizeof prefix, "tabletop: %s", tt_term_text(C_WARNING_WORD, tt_lang_messages()));
    tt_error_print(e, prefix);
}

static bool drill_in_japanese(const tt_scorecard *card)
{
    return card->start && card->start->lang && strcmp(card->start->lang, "ja") == 0;
}

static void sent_progress(void *ctx, const char *hash, const char *scenario, const char *team,
                          bool already)
{
    (void)hash, (void)scenario, (void)team, (void)already;
    (*(size_t *)ctx)++;
}

/* The central store answered: record there, keep a local copy marked "sent"
 * (the machine's own history, and the journal paths `sync --journals`
 * needs), and send what earlier offline drills left pending. */
static int central_step(tt_scorecard *card, tt_history *central, bool record, tt_error *db_err)
{
    bool recordable = record && card->ended && !card->torn;
    if (recordable && tt_history_record(central, card, NULL, db_err) != 0)
        return -1;
    tt_error local_err;
    tt_history *local = tt_history_open_spec(NULL, 0, NULL, &local_err);
    if (local) {
        if (recordable)
            tt_history_record_marked(local, card, "sent", NULL, &local_err);
        size_t n = 0;
        tt_sync_stats st;
        if (tt_sync_pending(local, central, sent_progress, &n, &st, &local_err) == 0 && st.sent)
            fprintf(stderr, TT_FMT(drill_in_japanese(card) ? TT_LANG_JA : TT_LANG_EN,
                                   LBL_SENT_OFFLINE_FMT),
                    st.sent, tt_history_name(central));
        tt_history_close(local);
    }
    return tt_history_fill_trend(central, card, db_err);
}

/* The central store did not answer: the drill's result must not be lost. */
static int offline_step(tt_scorecard *card, const char *spec, bool record, const tt_error *why,
                        tt_error *db_err)
{
    tt_history *local = tt_history_open_spec(NULL, 0, NULL, db_err);
    if (!local)
        return -1;
    int rc = 0;
    bool recordable = record && card->ended && !card->torn;
    if (recordable && tt_history_record_marked(local, card, "pending", NULL, db_err) != 0)
        rc = -1;
    if (rc == 0 && tt_history_fill_trend(local, card, db_err) != 0)
        rc = -1;
    tt_history_close(local);
    (void)spec;
    if (rc == 0 && recordable) {
        /* One line: what happened, where the result is, how to send it. */
        fprintf(stderr, TT_FMT(drill_in_japanese(card) ? TT_LANG_JA : TT_LANG_EN,
                               LBL_SERVER_UNREACHABLE_FMT), why->message);
        char ja[1400], en[1400];
        snprintf(ja, sizeof ja, TT_FMT(TT_LANG_JA, LBL_KEPT_UNSENT_FMT), why->message);
        snprintf(en, sizeof en, TT_FMT(TT_LANG_EN, LBL_KEPT_UNSENT_FMT), why->message);
        tt_scorecard_warn(card, ja, en);
    }
    return rc;
}

int tt_score_history_step(tt_scorecard *card, const char *db_path, bool record,
                          tt_error *db_err)
{
    tt_error_clear(db_err);
    const char *spec = tt_history_spec(db_path);
    if (tt_store_is_uri(spec)) {
        tt_store_failure why;
        tt_error cerr;
        tt_error_clear(&cerr);
        tt_history *central = tt_history_open_spec(spec, 0, &why, &cerr);
        int rc = central ? central_step(card, central, record, &cerr) : -1;
        tt_history_close(central);
        if (rc == 0)
            return 0;
        /* Whatever stopped the central store (down, network, password, a
         * newer schema), the result goes to this machine, marked pending. */
        tt_error_clear(db_err);
        if (offline_step(card, spec, record, &cerr, db_err) != 0) {
            db_warning(card, db_path, db_err);
            return -1;
        }
        return 0;
    }
    /* A journal recorded already: the trend memo may know its trend
     * (history_memo.c), and the file is not opened at all. */
    if (store_memo_fill(spec, card))
        return 0;
    tt_history *h = tt_history_open(spec, db_err);
    if (!h) {
        db_warning(card, db_path, db_err);
        return -1;
    }
    int rc = 0;
    /* Only finished exercises go into the history; partial ones still get
     * their trend. */
    bool inserted, known = false;
    if (record && card->ended && !card->torn &&
        store_record_known(h, card, NULL, &inserted, &known, db_err) != 0)
        rc = -1;
    if (rc == 0 && tt_history_fill_trend(h, card, db_err) != 0)
        rc = -1;
    if (rc != 0)
        db_warning(card, db_path, db_err);
    tt_history_close(h);
    if (rc == 0 && known)
        store_memo_save(spec, card);
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
            tt_error_set(err, journal_path, 0, 0, TT_MSG(E_CARD_PATH_BESIDE));
            return -1;
        }
        card_path = def;
    }
    tt_card_format fmt;
    if (!tt_card_format_from_path(card_path, &fmt)) {
        tt_error_set(err, card_path, 0, 0, TT_MSG(E_CARD_FORMAT));
        return -1;
    }
    if (tt_same_file(journal_path, card_path)) {
        tt_error_set(err, card_path, 0, 0,
                     TT_MSG(E_CARD_WOULD_REPLACE));
        return -1;
    }
    tt_history_open_ahead(db_path);   /* while the journal is read */
    tt_scorecard card;
    if (tt_scorecard_read_file_hashed(&card, sc, journal_path, err) != 0)
        return -1;
    tt_error db_err;
    int db_rc = tt_score_history_step(&card, db_path, true, &db_err);
    int rc = tt_scorecard_write(&card, card_path, fmt, lang, err);
    if (rc == 0 && written && written_size) {
        snprintf(written, written_size, "%s", card_path);
    }
    /* A database the user chose that fails is a failure, as in `score`
     * (the card is written all the same); the default one only warns. */
    if (rc == 0 && db_rc != 0 && db_path) {
        *err = db_err;
        rc = 1;
    }
    tt_scorecard_free(&card);
    return rc;
}
