/* Scorecards of every scenario's scripted answers: the model answer is rated
 * P on every objective, doing nothing U on every objective, every answer's
 * card comes out complete in the three formats, and the history shows
 * repeated runs with their trend. Needs the engine and scenarios. */
#define _DEFAULT_SOURCE  /* mkdtemp */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "check.h"
#include "golden.h"
#include "tabletop/score.h"
#include "tabletop/script.h"

static char tmpdir[256];

static const char *source_dir(void)
{
    const char *s = getenv("TT_SOURCE_DIR");
    return s && *s ? s : TT_SCENARIO_DIR "/..";
}

/* Scenario ids with an answers folder, and each one's answers. */
typedef struct answer_list {
    char ids[32][64];
    size_t n;
} answer_list;

static void list_yaml(const char *dir, const char *ext, answer_list *out)
{
    out->n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) && out->n < 32) {
        size_t len = strlen(e->d_name), el = strlen(ext);
        if (len > el && len - el < 64 && strcmp(e->d_name + len - el, ext) == 0) {
            memcpy(out->ids[out->n], e->d_name, len - el);
            out->ids[out->n][len - el] = '\0';
            out->n++;
        }
    }
    closedir(d);
}

static bool has_answer(const char *id, const char *answer)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/scenarios/answers/%s/%s.yaml", source_dir(), id, answer);
    return access(path, R_OK) == 0;
}

static void card_of(const golden_run *r, tt_scorecard *card)
{
    char hash[65];
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(tt_score_file_hash(r->journal_path, hash, &err), 0);
    if (tt_scorecard_build(card, golden_scenario(r), &r->journal, r->journal_path, hash, &err) != 0)
        fail_msg("%s", err.message);
}

/* The three formats, complete: every objective appears in each. */
static void check_formats(const tt_scorecard *card)
{
    static const tt_lang langs[] = { TT_LANG_EN, TT_LANG_JA };
    for (int k = 0; k < 2; k++) {
        tt_error err;
        size_t len;
        char *json = tt_scorecard_render(card, TT_CARD_JSON, langs[k], &len, &err);
        assert_non_null(json);
        json_t *root = check_json(json);
        assert_int_equal(json_array_size(json_object_get(root, "objectives")), card->n_objectives);
        assert_int_equal(json_integer_value(json_object_get(root, "score")), card->score);
        json_decref(root);
        free(json);

        char *html = tt_scorecard_render(card, TT_CARD_HTML, langs[k], &len, &err);
        assert_non_null(html);
        check_html(html, len);
        char *md = tt_scorecard_render(card, TT_CARD_MD, langs[k], &len, &err);
        assert_non_null(md);
        for (size_t i = 0; i < card->n_objectives; i++) {
            const char *title = tt_text_get(&card->objectives[i].def->title, langs[k]);
            char code[256];   /* ids appear as code spans */
            snprintf(code, sizeof code, "`%s`", card->objectives[i].def->id);
            assert_non_null(strstr(md, code));
            if (!strpbrk(title, "&<>\"'*_[]#|`~\\{}"))
                assert_non_null(strstr(md, title));
            assert_non_null(strstr(html, card->objectives[i].def->id));
        }
        assert_non_null(strstr(html, "</html>"));
        assert_non_null(strstr(md, langs[k] == TT_LANG_JA ? "## 演習の詳細" : "## Exercise details"));
        free(html);
        free(md);
    }
}

static void test_model_p_nothing_u(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/scenarios", source_dir());
    answer_list scenarios;
    list_yaml(dir, ".lua", &scenarios);
    assert_true(scenarios.n > 0);
    size_t checked = 0;
    for (size_t s = 0; s < scenarios.n; s++) {
        const char *id = scenarios.ids[s];
        if (has_answer(id, "model")) {
            golden_run r;
            golden_run_answer(id, "model", 0, &r);
            tt_scorecard card;
            card_of(&r, &card);
            for (size_t i = 0; i < card.n_objectives; i++) {
                if (card.objectives[i].rating != TT_RATING_P)
                    fail_msg("%s model: objective %s rated %s", id, card.objectives[i].def->id,
                             tt_rating_letter(card.objectives[i].rating));
            }
            assert_int_equal(card.rating, TT_RATING_P);
            assert_false(card.incomplete);
            check_formats(&card);
            tt_scorecard_free(&card);
            golden_free(&r);
            checked++;
        }
        if (has_answer(id, "nothing")) {
            golden_run r;
            golden_run_answer(id, "nothing", 0, &r);
            tt_scorecard card;
            card_of(&r, &card);
            for (size_t i = 0; i < card.n_objectives; i++) {
                if (card.objectives[i].rating != TT_RATING_U)
                    fail_msg("%s nothing: objective %s rated %s", id, card.objectives[i].def->id,
                             tt_rating_letter(card.objectives[i].rating));
            }
            assert_int_equal(card.rating, TT_RATING_U);
            assert_int_equal(card.score, 0);
            check_formats(&card);
            tt_scorecard_free(&card);
            golden_free(&r);
            checked++;
        }
    }
    assert_true(checked >= 6);   /* every stock scenario has a "nothing" answer */
}

static void test_every_answer_scores(void **state)
{
    (void)state;
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/scenarios", source_dir());
    answer_list scenarios;
    list_yaml(dir, ".lua", &scenarios);
    for (size_t s = 0; s < scenarios.n; s++) {
        char adir[1200];
        snprintf(adir, sizeof adir, "%s/answers/%s", dir, scenarios.ids[s]);
        answer_list answers;
        list_yaml(adir, ".yaml", &answers);
        for (size_t a = 0; a < answers.n; a++) {
            if (strcmp(answers.ids[a], "model") == 0 || strcmp(answers.ids[a], "nothing") == 0)
                continue;
            golden_run r;
            golden_run_answer(scenarios.ids[s], answers.ids[a], 0, &r);
            tt_scorecard card;
            card_of(&r, &card);
            check_formats(&card);
            /* The red herrings the real operator fell into are on the card. */
            if (strcmp(answers.ids[a], "red-herring") == 0)
                assert_true(card.n_bad > 0);
            /* The real operator's answer stands beside its own history at
             * the history's times, repeated actions included (ransomware's
             * second decryption attempt is 5:40, not the first's 3:30). */
            if (strcmp(answers.ids[a], "history") == 0)
                for (size_t i = 0; i < card.n_history; i++) {
                    const tt_history_item *h = card.history[i].def;
                    if (h->action && h->at != TT_MS_NEVER && card.history[i].team_at != h->at)
                        fail_msg("%s history: entry %zu (%s) shown at %lld ms, history says %lld ms",
                                 scenarios.ids[s], i, h->action, (long long)card.history[i].team_at,
                                 (long long)h->at);
                }
            tt_scorecard_free(&card);
            golden_free(&r);
        }
    }
}

/* Ransomware without a backup: the plan names the missing backup and the
 * file-server requirement, never "drill the restore from backups" the team
 * could not take. */
static void test_advice_follows_what_blocked(void **state)
{
    (void)state;
    static const char *const answers[] = { "model-no-backup", "history", "red-herring" };
    for (size_t a = 0; a < 3; a++) {
        golden_run r;
        golden_run_answer("ransomware", answers[a], 0, &r);
        tt_scorecard card;
        card_of(&r, &card);
        bool file_server = false;
        for (size_t i = 0; i < card.n_findings; i++) {
            const tt_score_finding *f = &card.findings[i];
            if (strstr(f->recommendation.en, "Restore from backups"))
                fail_msg("ransomware %s: plan advises drilling the restore: %s", answers[a],
                         f->recommendation.en);
            file_server |= strstr(f->recommendation.en, "file server") != NULL;
        }
        /* the history team took no prevention step: the plan names the file
         * server's backup requirement (what blocked the recovery) */
        if (strcmp(answers[a], "history") == 0)
            assert_true(file_server);
        tt_scorecard_free(&card);
        golden_free(&r);
    }
}

/* Two runs by the same team through the end-of-exercise call: both are in
 * the history, the second card shows the first as its trend, and scoring
 * the same journal again adds nothing. */
static void test_after_exercise_history_trend(void **state)
{
    (void)state;
    const char *id = "ransomware";
    if (!has_answer(id, "model") || !has_answer(id, "nothing"))
        fail_msg("%s: an answer script is missing", id);
    char db[512], card1[512], card2[512], card3[512];
    snprintf(db, sizeof db, "%s/history.sqlite3", tmpdir);
    snprintf(card1, sizeof card1, "%s/first.json", tmpdir);
    snprintf(card2, sizeof card2, "%s/second.json", tmpdir);
    snprintf(card3, sizeof card3, "%s/second.html", tmpdir);

    golden_run first, second;
    golden_run_answer(id, "nothing", 0, &first);
    golden_run_answer(id, "model", 0, &second);
    tt_error err;
    char written[512];
    tt_error_clear(&err);
    assert_int_equal(tt_score_after_exercise(golden_scenario(&first), first.journal_path, card1,
                                             TT_LANG_EN, db, written, sizeof written, &err), 0);
    assert_string_equal(written, card1);
    assert_int_equal(tt_score_after_exercise(golden_scenario(&second), second.journal_path, card2,
                                             TT_LANG_EN, db, written, sizeof written, &err), 0);
    assert_int_equal(tt_score_after_exercise(golden_scenario(&second), second.journal_path, card3,
                                             TT_LANG_JA, db, written, sizeof written, &err), 0);

    json_error_t je;
    json_t *root = json_load_file(card2, 0, &je);
    assert_non_null(root);
    json_t *trend = json_object_get(root, "trend");
    assert_int_equal(json_array_size(trend), 1);
    assert_int_equal(json_integer_value(json_object_get(json_array_get(trend, 0), "score")), 0);
    assert_string_equal(json_string_value(json_object_get(json_array_get(trend, 0), "rating")), "U");
    json_decref(root);

    tt_history *h = tt_history_open(db, &err);
    assert_non_null(h);
    tt_history_row *rows;
    size_t n;
    assert_int_equal(tt_history_list(h, NULL, id, &rows, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_int_equal(rows[0].rating, TT_RATING_U);
    assert_int_equal(rows[1].rating, TT_RATING_P);
    tt_history_rows_free(rows, n);
    tt_history_close(h);

    /* Default card path: beside the journal, .html. */
    assert_int_equal(tt_score_after_exercise(golden_scenario(&second), second.journal_path, NULL,
                                             TT_LANG_EN, db, written, sizeof written, &err), 0);
    assert_string_equal(strrchr(written, '.'), ".html");
    assert_int_equal(access(written, R_OK), 0);
    remove(written);
    golden_free(&first);
    golden_free(&second);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    assert_non_null(buf);
    *len = fread(buf, 1, (size_t)n, f);
    buf[*len] = '\0';
    fclose(f);
    return buf;
}

/* Replace the first `from` in a journal's text and write it to `path`. */
static void write_edited(const char *text, const char *from, const char *to, const char *path)
{
    const char *at = strstr(text, from);
    assert_non_null(at);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fwrite(text, 1, (size_t)(at - text), f);
    fputs(to, f);
    fputs(at + strlen(from), f);
    fclose(f);
}

/* The scenario of a journal: from its START path, else from a search
 * folder; an edited scenario file is noticed by its hash. */
static void test_load_scenario_for_journal(void **state)
{
    (void)state;
    const char *id = "ransomware";
    if (!has_answer(id, "model"))
        fail_msg("%s: an answer script is missing", id);
    golden_run r;
    golden_run_answer(id, "model", 0, &r);
    const tt_scenario *sc = golden_scenario(&r);
    tt_error err;
    bool differs = true;
    tt_script *s = tt_score_load_scenario(&r.journal, NULL, &differs, &err);
    assert_non_null(s);
    assert_false(differs);
    assert_string_equal(tt_script_scenario(s)->id, id);
    tt_script_free(s);

    size_t len;
    char *text = read_all(r.journal_path, &len);
    char moved[600], edited[600], scen_dir[1024];
    snprintf(moved, sizeof moved, "%s/moved.journal.yaml", tmpdir);
    snprintf(edited, sizeof edited, "%s/edited.journal.yaml", tmpdir);
    snprintf(scen_dir, sizeof scen_dir, "%s/scenarios", source_dir());
    write_edited(text, sc->path, "/nonexistent/ransomware.lua", moved);
    write_edited(text, sc->hash, "0000000000000000000000000000000000000000000000000000000000000000", edited);
    free(text);

    tt_journal j;
    assert_int_equal(tt_journal_read(moved, &j, &err), 0);
    tt_error_clear(&err);
    assert_null(tt_score_load_scenario(&j, NULL, NULL, &err));
    assert_non_null(strstr(err.message, "ransomware"));
    s = tt_score_load_scenario(&j, scen_dir, &differs, &err);
    assert_non_null(s);
    assert_false(differs);
    tt_script_free(s);
    tt_journal_free(&j);

    assert_int_equal(tt_journal_read(edited, &j, &err), 0);
    s = tt_score_load_scenario(&j, scen_dir, &differs, &err);
    assert_non_null(s);
    assert_true(differs);
    tt_scorecard card;
    assert_int_equal(tt_scorecard_build(&card, tt_script_scenario(s), &j, edited, NULL, &err), 0);
    assert_true(card.hash_mismatch);
    tt_scorecard_free(&card);
    tt_script_free(s);
    tt_journal_free(&j);
    golden_free(&r);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    assert_int_equal(fclose(f), 0);
}

/* The file a journal names is read once and judged by the loader's hash: a
 * file with the journal's hash that does not load is an error (not a quiet
 * fall back to the folder), and a .lua file now holding another scenario
 * is passed over for the folder's. */
static void test_named_scenario_file_is_judged_by_its_hash(void **state)
{
    (void)state;
    golden_run r;
    golden_run_answer("ransomware", "model", 0, &r);
    const tt_scenario *sc = golden_scenario(&r);
    size_t len;
    char *text = read_all(r.journal_path, &len);
    char bad[600], other[600], journal[600], scen_dir[1024], hash[65];
    snprintf(bad, sizeof bad, "%s/broken.lua", tmpdir);
    snprintf(other, sizeof other, "%s/other.lua", tmpdir);
    snprintf(journal, sizeof journal, "%s/named.journal.yaml", tmpdir);
    snprintf(scen_dir, sizeof scen_dir, "%s/scenarios", source_dir());
    static const char broken[] = "return scenario {\n";
    write_text(bad, broken);
    tt_sha256_hex(broken, strlen(broken), hash);

    /* broken.lua with the hash the journal recorded for it */
    char *named = NULL;
    {
        write_edited(text, sc->path, bad, journal);
        size_t n;
        named = read_all(journal, &n);
        write_edited(named, sc->hash, hash, journal);
        free(named);
    }
    tt_journal j;
    tt_error err;
    bool differs = true;
    assert_int_equal(tt_journal_read(journal, &j, &err), 0);
    tt_error_clear(&err);
    assert_null(tt_score_load_scenario(&j, scen_dir, &differs, &err));
    assert_non_null(strstr(err.file, "broken.lua"));
    tt_journal_free(&j);

    /* other.lua holds another scenario: the folder's ransomware.lua is used */
    char path[1200];
    snprintf(path, sizeof path, "%s/scenarios/wordpress-xss.lua", source_dir());
    size_t olen;
    char *wp = read_all(path, &olen);
    write_text(other, wp);
    free(wp);
    write_edited(text, sc->path, other, journal);
    assert_int_equal(tt_journal_read(journal, &j, &err), 0);
    tt_script *s = tt_score_load_scenario(&j, scen_dir, &differs, &err);
    assert_non_null(s);
    assert_string_equal(tt_script_scenario(s)->id, "ransomware");
    assert_false(differs);
    tt_script_free(s);
    tt_journal_free(&j);
    free(text);
    golden_free(&r);
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/tt-score-scen-XXXXXX");
    return mkdtemp(tmpdir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_p_nothing_u),
        cmocka_unit_test(test_every_answer_scores),
        cmocka_unit_test(test_advice_follows_what_blocked),
        cmocka_unit_test(test_after_exercise_history_trend),
        cmocka_unit_test(test_load_scenario_for_journal),
        cmocka_unit_test(test_named_scenario_file_is_judged_by_its_hash),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
