#define _DEFAULT_SOURCE  /* setenv, tzset */
/* Scorecard model and writers on a hand-built scenario and journals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "check.h"
#include "fixture.h"
#include "tabletop/score.h"

static void build(tt_scorecard *card, fixture_journal *f)
{
    tt_error err;
    tt_error_clear(&err);
    int rc = tt_scorecard_build(card, fixture_scenario(), &f->j, "/tmp/x.journal.yaml",
                                "0123abcd", &err);
    if (rc != 0)
        fprintf(stderr, "%s\n", err.message);
    assert_int_equal(rc, 0);
}

static const tt_score_objective *obj(const tt_scorecard *c, const char *id)
{
    for (size_t i = 0; i < c->n_objectives; i++)
        if (strcmp(c->objectives[i].def->id, id) == 0)
            return &c->objectives[i];
    fail_msg("no objective %s", id);
    return NULL;
}

static void test_model_is_p_everywhere(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    tt_scorecard c;
    build(&c, &f);
    for (size_t i = 0; i < c.n_objectives; i++) {
        assert_int_equal(c.objectives[i].rating, TT_RATING_P);
        assert_int_equal(c.objectives[i].score, 100);
    }
    assert_int_equal(c.rating, TT_RATING_P);
    assert_int_equal(c.score, 100);
    assert_false(c.incomplete);
    assert_int_equal(c.n_warnings, 0);
    const tt_score_objective *iso = obj(&c, "isolate");
    assert_int_equal(iso->reached_at, MIN(9));
    assert_int_equal(iso->notice_at, MIN(2));
    assert_int_equal(iso->from_notice, MIN(7));
    assert_string_equal(iso->action, "pull_cable");
    assert_string_equal(iso->role, "sysadmin");
    /* Headline times: the report phase is its one party. */
    assert_int_equal(c.phases[TT_OBJ_ISOLATE].reached_at, MIN(9));
    assert_int_equal(c.phases[TT_OBJ_REPORT].reached_at, MIN(15));
    assert_int_equal(c.phases[TT_OBJ_RECOVER].reached_at, MIN(70));
    /* First success of each phase, against its target. */
    assert_string_equal(c.phases[TT_OBJ_ISOLATE].first->id, "isolate");
    assert_int_equal(c.phases[TT_OBJ_ISOLATE].first_at, MIN(9));
    assert_int_equal(c.phases[TT_OBJ_ISOLATE].target, MIN(15));
    /* Damage: last STATE value; the non-damage metric is left out. */
    assert_int_equal(c.n_damage, 2);
    assert_string_equal(c.damage[0].def->key, "encrypted");
    assert_true(c.damage[0].known);
    assert_int_equal(c.damage[0].final.as.i, 3400);
    assert_false(c.damage[1].known);
    /* Lessons: two covered by actions, one never coverable. */
    assert_true(c.lessons[0].covered);
    assert_int_equal(c.lessons[0].at, MIN(4));
    assert_true(c.lessons[1].covered);
    assert_false(c.lessons[2].covered);
    /* History beside the team's timeline. */
    assert_int_equal(c.history[0].team_at, MIN(4));
    assert_int_equal(c.history[1].team_at, MIN(5));
    assert_int_equal(c.history[2].team_at, TT_MS_NEVER);
    /* Roles: counts and busy time from `takes`. */
    assert_string_equal(c.roles[0].id, "sysadmin");
    assert_int_equal(c.roles[0].actions, 2);
    assert_int_equal(c.roles[0].objectives, 2);
    assert_int_equal(c.roles[0].busy, MIN(65));
    assert_string_equal(c.roles[0].members, "Sato");
    assert_int_equal(c.roles[1].notes, 1);
    /* The only finding is the lesson no action covers. */
    assert_int_equal(c.n_findings, 1);
    assert_string_equal(c.findings[0].lesson, "logs");
    assert_int_equal(c.duration, MIN(70));
    tt_scorecard_free(&c);
}

static void test_nothing_is_u_everywhere(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_nothing(&f);
    tt_scorecard c;
    build(&c, &f);
    for (size_t i = 0; i < c.n_objectives; i++) {
        assert_int_equal(c.objectives[i].rating, TT_RATING_U);
        assert_int_equal(c.objectives[i].score, 0);
        assert_false(c.objectives[i].reached);
        assert_true(c.objectives[i].missed);
    }
    assert_int_equal(c.rating, TT_RATING_U);
    assert_int_equal(c.score, 0);
    assert_int_equal(c.phases[TT_OBJ_ISOLATE].reached_at, TT_MS_NEVER);
    assert_int_equal(c.damage[0].final.as.i, 15000);
    assert_int_equal(c.damage[1].final.as.i, 8);
    /* One finding per objective (high priority first) and per missed lesson
     * not already cited. */
    assert_true(c.n_findings >= 3);
    assert_int_equal(c.findings[0].priority, TT_PRIORITY_HIGH);
    assert_string_equal(c.findings[0].objective, "isolate");
    assert_string_equal(c.findings[0].lesson, "contact");
    assert_string_equal(c.findings[0].owner, "sysadmin");
    assert_non_null(strstr(c.findings[0].recommendation.en, "Agree the contact route"));
    assert_non_null(strstr(c.findings[0].recommendation.ja, "連絡経路"));
    tt_scorecard_free(&c);
}

static void test_harm_and_waste(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_mediocre(&f);
    tt_scorecard c;
    build(&c, &f);
    const tt_score_objective *iso = obj(&c, "isolate");
    assert_int_equal(iso->harmful_before, 1);
    assert_int_equal(iso->wasted_before, 1);
    assert_int_equal(iso->rating, TT_RATING_M);   /* S by time, one step down for harm */
    assert_int_equal(iso->score, 67);              /* 86.7 - 15 - 5 */
    const tt_score_objective *rep = obj(&c, "report_ministry");
    assert_int_equal(rep->rating, TT_RATING_M);
    assert_int_equal(rep->score, 47);
    assert_int_equal(obj(&c, "recover")->rating, TT_RATING_U);
    assert_int_equal(c.score, 38);
    assert_int_equal(c.rating, TT_RATING_M);
    assert_int_equal(c.n_bad, 2);
    assert_int_equal(c.harmful_cost, MIN(20));
    assert_int_equal(c.wasted_cost, MIN(30));
    assert_int_equal(c.roles[0].harmful, 1);
    assert_int_equal(c.roles[1].wasted, 1);
    bool harmful_row = false;
    for (size_t i = 0; i < c.n_findings; i++)
        if (strstr(c.findings[i].finding.en, "Reboot the server") &&
            c.findings[i].priority == TT_PRIORITY_HIGH)
            harmful_row = true;
    assert_true(harmful_row);
    tt_scorecard_free(&c);
}

static void test_torn_journal_warns(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    f.j.n_records -= 4;   /* lost the tail: recover and END never recorded */
    f.j.ended = false;
    f.j.torn = true;
    tt_scorecard c;
    build(&c, &f);
    assert_true(c.incomplete);
    assert_true(c.torn);
    assert_false(c.ended);
    assert_int_equal(c.n_warnings, 3);
    assert_int_equal(obj(&c, "isolate")->rating, TT_RATING_P);
    /* What the journal lost is not held against the team: recover's limit
     * had not passed at the last record, so it is not assessed. */
    assert_int_equal(obj(&c, "recover")->rating, TT_RATING_NA);
    size_t len;
    tt_error err;
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, &len, &err);
    json_t *root = check_json(json);
    assert_true(json_is_false(json_object_get(root, "complete")));
    assert_true(json_array_size(json_object_get(root, "warnings")) == 3);
    json_decref(root);
    free(json);
    char *html = tt_scorecard_render(&c, TT_CARD_HTML, TT_LANG_JA, &len, &err);
    assert_non_null(strstr(html, "不完全な記録"));
    check_html(html, len);
    free(html);
    char *md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, &len, &err);
    assert_non_null(strstr(md, "Incomplete journal"));
    free(md);
    tt_scorecard_free(&c);
}

/* Ended before any objective could be assessed: no score number, as the
 * dashboard and the web pages show it (a 0 would read as a failed drill). */
static void test_nothing_assessed_shows_no_number(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_init(&f, "Blue team");
    fj_end(&f, MIN(1));
    tt_scorecard c;
    build(&c, &f);
    assert_int_equal(c.rating, TT_RATING_NA);
    size_t len;
    tt_error err;
    char *md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, &len, &err);
    assert_non_null(md);
    assert_non_null(strstr(md, "**Score:** — / 100"));
    assert_null(strstr(md, "0 / 100"));
    free(md);
    char *html = tt_scorecard_render(&c, TT_CARD_HTML, TT_LANG_JA, &len, &err);
    assert_non_null(html);
    assert_non_null(strstr(html, ">—</span> / 100"));
    assert_null(strstr(html, ">0</span> / 100"));
    check_html(html, len);
    free(html);
    tt_scorecard_free(&c);
}

static void test_json_contract(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_mediocre(&f);
    tt_scorecard c;
    build(&c, &f);
    tt_error err;
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, NULL, &err);
    assert_non_null(json);
    json_t *root = check_json(json);
    assert_string_equal(json_string_value(json_object_get(root, "scenario")), "fixture");
    assert_int_equal(json_integer_value(json_object_get(root, "score")), 38);
    assert_string_equal(json_string_value(json_object_get(root, "rating")), "M");
    json_t *objs = json_object_get(root, "objectives");
    assert_int_equal(json_array_size(objs), 3);
    json_t *iso = json_array_get(objs, 0);
    assert_string_equal(json_string_value(json_object_get(iso, "id")), "isolate");
    assert_string_equal(json_string_value(json_object_get(iso, "phase")), "isolate");
    assert_int_equal(json_integer_value(json_object_get(iso, "target_s")), 900);
    assert_int_equal(json_integer_value(json_object_get(iso, "limit_s")), 3600);
    assert_int_equal(json_integer_value(json_object_get(iso, "reached_s")), 1800);
    assert_string_equal(json_string_value(json_object_get(iso, "rating")), "M");
    assert_int_equal(json_integer_value(json_object_get(iso, "score")), 67);
    json_t *rec = json_array_get(objs, 2);
    assert_true(json_is_null(json_object_get(rec, "reached_s")));
    assert_string_equal(json_string_value(json_object_get(rec, "phase")), "recover");
    json_t *parties = json_object_get(json_object_get(json_object_get(root, "times"), "report"), "parties");
    assert_string_equal(json_string_value(json_object_get(json_array_get(parties, 0), "party")), "ministry");
    assert_int_equal(json_array_size(json_object_get(root, "bad_actions")), 2);
    assert_true(json_array_size(json_object_get(root, "improvement_plan")) >= 3);
    assert_true(json_is_null(json_object_get(json_object_get(root, "exercise"), "team")));
    /* The harmful action's text holds quotes and an ampersand: JSON keeps them. */
    json_t *bad = json_array_get(json_object_get(root, "bad_actions"), 1);
    assert_string_equal(json_string_value(json_object_get(bad, "why")), "Destroys evidence & \"memory\"");
    json_decref(root);
    free(json);
    tt_scorecard_free(&c);
}

static void test_html_is_valid_and_escaped(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    tt_scorecard c;
    build(&c, &f);
    tt_lang langs[] = { TT_LANG_EN, TT_LANG_JA };
    for (int k = 0; k < 2; k++) {
        size_t len;
        tt_error err;
        char *html = tt_scorecard_render(&c, TT_CARD_HTML, langs[k], &len, &err);
        assert_non_null(html);
        assert_int_equal(strlen(html), len);
        check_html(html, len);
        assert_null(strstr(html, "<script"));          /* inject text was escaped */
        assert_null(strstr(html, "<b>"));
        /* Self-contained: nothing fetched from anywhere. */
        assert_null(strstr(html, "<link"));
        assert_null(strstr(html, "src="));
        assert_null(strstr(html, "url("));
        assert_non_null(strstr(html, "<svg"));
        assert_non_null(strstr(html, "@page{size:A4"));
        assert_non_null(strstr(html, k ? "lang=\"ja\"" : "lang=\"en\""));
        assert_non_null(strstr(html, k ? "封じ込めまで" : "Time to isolate"));
        assert_non_null(strstr(html, "We should have called the vendor &lt;earlier&gt;"));
        free(html);
    }
    tt_scorecard_free(&c);
}

static void test_markdown(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_mediocre(&f);
    tt_scorecard c;
    build(&c, &f);
    tt_error err;
    char *md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, NULL, &err);
    assert_non_null(md);
    const char *sections[] = { "# Exercise scorecard", "## Time to isolate, report and recover",
                               "## Executive summary", "## Objectives", "## Damage", "## The real operator's history",
                               "## Lessons", "## Harmful and wasted actions", "## Improvement plan",
                               "## Contribution per role", "## Notes and discussion", "## Trend",
                               "## Exercise details" };
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
        assert_non_null(strstr(md, sections[i]));
    assert_non_null(strstr(md, "Fixture &amp; \\<scenario\\>"));
    assert_null(strstr(md, "<scenario>"));
    /* What once only the HTML card had: who took each bad action, the
     * refused column, who reached each objective. */
    assert_non_null(strstr(md, " / Sato |"));
    assert_non_null(strstr(md, "| Refused |"));
    assert_non_null(strstr(md, "30:00<br>"));
    free(md);
    /* ...and the change of score against the last run. */
    tt_score_trend earlier = { .when = "2026-01-01", .score = 50, .rating = TT_RATING_S };
    c.trend = &earlier;
    c.n_trend = 1;
    md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, NULL, &err);
    assert_non_null(strstr(md, "| **This run** | **38** (-12) | **M** |"));
    free(md);
    c.trend = NULL;
    c.n_trend = 0;
    char *ja = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_JA, NULL, &err);
    assert_non_null(strstr(ja, "改善計画"));
    free(ja);
    tt_scorecard_free(&c);
}

static void test_rejects_other_journals(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    f.start.scenario = "ransomware";
    tt_scorecard c;
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(tt_scorecard_build(&c, fixture_scenario(), &f.j, "j.yaml", NULL, &err), -1);
    assert_non_null(strstr(err.message, "ransomware"));
    f.j.n_records = 0;
    assert_int_equal(tt_scorecard_build(&c, fixture_scenario(), &f.j, "j.yaml", NULL, &err), -1);
    assert_non_null(strstr(err.message, "START"));
}

/* Records the scenario does not know (or with fields missing) are shown or
 * ignored, never a crash. */
static void test_strange_records(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_init(&f, "Team & <co>");
    fj_add(&f, TT_REC_INJECT, MIN(1), NULL);
    fj_action(&f, MIN(2), "no_such_action", "sysadmin", NULL);
    tt_record *r = fj_add(&f, TT_REC_ACTION, MIN(3), NULL);
    r->role = NULL;
    r = fj_add(&f, TT_REC_ACTION, MIN(4), "reboot");
    r->role = "intruder";                       /* a role the scenario lacks */
    fj_add(&f, TT_REC_DONE, MIN(5), "no_such_action");
    fj_objective(&f, MIN(6), "no_such_objective", "reached");
    fj_objective(&f, MIN(7), NULL, NULL);
    fj_add(&f, TT_REC_REFUSED, MIN(8), "pull_cable")->role = "intruder";
    fj_add(&f, TT_REC_NOTE, MIN(9), NULL);
    fj_add(&f, TT_REC_MESSAGE, -5, NULL);        /* negative time */
    fj_add(&f, TT_REC_CUSTOM, MIN(100000), NULL); /* far beyond the length */
    fj_add(&f, TT_REC_NOTE, INT64_MAX - 1, NULL);  /* absurd: still a finite card */
    tt_scorecard c;
    build(&c, &f);
    assert_int_equal(c.n_roles, 3);
    assert_string_equal(c.roles[2].id, "intruder");
    assert_null(c.roles[2].def);
    assert_int_equal(c.roles[2].harmful, 1);
    assert_int_equal(c.roles[2].refused, 1);
    assert_int_equal(c.n_bad, 1);
    assert_true(c.incomplete);
    static const tt_card_format fmts[] = { TT_CARD_HTML, TT_CARD_MD, TT_CARD_JSON };
    for (int i = 0; i < 3; i++) {
        size_t len;
        tt_error err;
        char *out = tt_scorecard_render(&c, fmts[i], TT_LANG_JA, &len, &err);
        assert_non_null(out);
        if (fmts[i] == TT_CARD_HTML)
            check_html(out, len);
        if (fmts[i] == TT_CARD_JSON)
            json_decref(check_json(out));
        free(out);
    }
    tt_scorecard_free(&c);
}

/* Pause and resume are no timeline entries; a cancelled action keeps its
 * role busy, and costs its time, only until it was called off. */
static void test_pause_is_no_event_and_cancel_cuts_the_cost(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_init(&f, "Blue team");
    fj_action(&f, MIN(10), "meeting", "supervisor", NULL);      /* wasted, 30 min */
    fj_add(&f, TT_REC_PAUSE, MIN(12), NULL);
    fj_add(&f, TT_REC_RESUME, MIN(12), NULL);
    fj_action(&f, MIN(13), "reboot", "sysadmin", NULL);         /* harmful, 20 min */
    tt_record *r = fj_add(&f, TT_REC_CANCEL, MIN(20), "meeting");
    r->role = "supervisor";
    r = fj_add(&f, TT_REC_CANCEL, MIN(21), "meeting");          /* nothing left to cancel */
    r->role = "supervisor";
    r->status = "refused";
    r->text = (tt_text){ "実施中ではない", "Not in progress" };
    r = fj_add(&f, TT_REC_CANCEL, MIN(23), "reboot");           /* by another role */
    r->role = "supervisor";
    fj_add(&f, TT_REC_SPEED, MIN(24), NULL);
    fj_end(&f, MIN(60));
    tt_scorecard c;
    build(&c, &f);
    size_t cancels = 0;
    for (size_t i = 0; i < c.n_events; i++) {
        assert_true(c.events[i].kind != TT_EV_CANCEL || c.events[i].id != NULL);
        cancels += c.events[i].kind == TT_EV_CANCEL;
    }
    assert_int_equal(cancels, 3);
    assert_int_equal(c.wasted_cost, MIN(10));
    assert_int_equal(c.harmful_cost, MIN(10));
    assert_int_equal(c.n_bad, 2);
    assert_int_equal(c.bad[0].cost, MIN(10));
    assert_int_equal(c.bad[1].cost, MIN(10));
    assert_string_equal(c.roles[1].id, "supervisor");
    assert_int_equal(c.roles[1].busy, MIN(10));
    assert_int_equal(c.roles[0].busy, MIN(10));
    size_t len;
    tt_error err;
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, &len, &err);
    assert_non_null(json);
    json_t *doc = check_json(json);
    json_t *tl = json_object_get(doc, "timeline");
    size_t i;
    json_t *e;
    json_array_foreach(tl, i, e)
        if (strcmp(json_string_value(json_object_get(e, "kind")), "cancel") == 0)
            assert_true(json_is_string(json_object_get(e, "id")));
    assert_int_equal(json_integer_value(json_object_get(doc, "wasted_cost_s")), 600);
    json_decref(doc);
    free(json);
    tt_scorecard_free(&c);
}

static void test_hash_mismatch_warns(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    f.start.hash = "bbbb";
    tt_scorecard c;
    build(&c, &f);
    assert_true(c.hash_mismatch);
    assert_int_equal(c.n_warnings, 1);
    tt_scorecard_free(&c);
}

/* The history lists an action twice (the real operator's two decryption
 * attempts); the team's first taking stands beside the first entry and its
 * second beside the second, never the first time beside both. */
static void test_history_matches_nth_attempt_to_nth_entry(void **state)
{
    (void)state;
    static tt_history_item twice[] = {
        { MIN(210), true, "restore", { "1回目", "First attempt" } },
        { MIN(340), true, "restore", { "2回目", "Second attempt" } },
        { MIN(400), true, "restore", { "3回目", "Third attempt" } },
    };
    tt_scenario sc = *fixture_scenario();
    sc.history = twice;
    sc.n_history = 3;
    static fixture_journal f;
    fj_init(&f, "Blue team");
    fj_action(&f, MIN(210), "restore", "sysadmin", NULL);
    fj_action(&f, MIN(340), "restore", "sysadmin", NULL);
    fj_end(&f, MIN(480));
    tt_scorecard c;
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(tt_scorecard_build(&c, &sc, &f.j, "/tmp/x.journal.yaml", "0123abcd", &err), 0);
    assert_int_equal(c.n_history, 3);
    assert_int_equal(c.history[0].team_at, MIN(210));
    assert_int_equal(c.history[1].team_at, MIN(340));
    assert_true(c.history[2].team_at == TT_MS_NEVER);
    tt_scorecard_free(&c);
}

/* An objective missed because its action was refused: the plan names what
 * blocked the team instead of telling it to drill an action it could not take. */
static void test_refused_action_advice_names_the_block(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_init(&f, "Blue team");
    fj_action(&f, MIN(4), "pull_cable", "sysadmin", NULL);
    tt_record *r = fj_add(&f, TT_REC_REFUSED, MIN(30), "restore");
    r->role = "sysadmin";
    r->text = (tt_text){ "バックアップがない", "There is no backup" };
    fj_objective(&f, MIN(480), "recover", "missed");
    fj_end(&f, MIN(480));
    tt_scorecard c;
    build(&c, &f);
    bool found = false;
    for (size_t i = 0; i < c.n_findings; i++) {
        if (!c.findings[i].objective || strcmp(c.findings[i].objective, "recover") != 0)
            continue;
        found = true;
        assert_non_null(strstr(c.findings[i].recommendation.en, "There is no backup"));
        assert_non_null(strstr(c.findings[i].recommendation.ja, "バックアップがない"));
        assert_null(strstr(c.findings[i].recommendation.en, "drill it"));
    }
    assert_true(found);
    tt_scorecard_free(&c);
}

/* `source = "case 3"` shows as the case's title in the card's language,
 * never as the raw key (出典: case 3 in a Japanese card). */
static void test_source_shows_the_case_title(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    tt_scorecard c;
    build(&c, &f);
    tt_error err;
    size_t len;
    char *ja = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_JA, &len, &err);
    char *en = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, &len, &err);
    char *html = tt_scorecard_render(&c, TT_CARD_HTML, TT_LANG_JA, &len, &err);
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, &len, &err);
    assert_non_null(ja);
    assert_non_null(en);
    assert_non_null(html);
    assert_non_null(json);
    assert_non_null(strstr(ja, "事例3「ランサムウェア被害」"));
    assert_null(strstr(ja, "case 3"));
    assert_non_null(strstr(en, "case 3: Ransomware infection"));
    assert_non_null(strstr(html, "事例3「ランサムウェア被害」"));
    json_t *root = json_loads(json, 0, NULL);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "source")), "case 3");
    assert_non_null(strstr(json_string_value(json_object_get(root, "source_title")), "Ransomware infection"));
    json_decref(root);
    free(ja);
    free(en);
    free(html);
    free(json);
    tt_scorecard_free(&c);
}

/* The facilitator's /inject and the team's notes are in the card's
 * timeline and notes in HTML, Markdown (and so print) and JSON, not only
 * in the SVG's tooltips. */
static void test_facilitator_injects_and_notes_in_every_format(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_model(&f);
    /* Before END (the last record): one to everyone, one to a member. */
    tt_record end = f.recs[f.j.n_records - 1];
    f.j.n_records--;
    tt_record *c1 = fj_add(&f, TT_REC_CUSTOM, MIN(30), NULL);
    c1->from = "facilitator";
    c1->text = (tt_text){ "停電が発生", "A power cut hits the office" };
    tt_record *c2 = fj_add(&f, TT_REC_CUSTOM, MIN(31), NULL);
    c2->from = "facilitator";
    c2->to = "sysadmin";
    c2->member = "Sato";
    c2->text = (tt_text){ "上司が不在", "Your boss is away" };
    f.recs[f.j.n_records++] = end;
    tt_scorecard c;
    build(&c, &f);
    size_t len;
    tt_error err;
    char *md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, &len, &err);
    assert_non_null(md);
    /* Timeline (in words) and notes: both injects and the note. */
    const char *tl = strstr(md, "Facilitator injects and notes:");
    assert_non_null(tl);
    assert_non_null(strstr(tl, "+0:30:00 **Facilitator inject** (to everyone): A power cut hits the office"));
    const char *notes = strstr(md, "## Notes and discussion");
    assert_non_null(notes);
    assert_true(notes > tl);
    assert_non_null(strstr(notes, "**Facilitator inject** (to everyone): A power cut"));
    assert_non_null(strstr(notes, "+0:31:00 **Facilitator inject** (to System staff / Sato): "
                                  "Your boss is away"));
    assert_non_null(strstr(notes, "We should have called the vendor"));
    free(md);
    char *html = tt_scorecard_render(&c, TT_CARD_HTML, TT_LANG_JA, &len, &err);
    assert_non_null(html);
    assert_non_null(strstr(html, "<strong>進行役の状況付与</strong> (全員へ): 停電が発生"));
    free(html);
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, &len, &err);
    json_t *root = check_json(json);
    json_t *jn = json_object_get(root, "notes");
    size_t i, customs = 0;
    json_t *n;
    json_array_foreach(jn, i, n) {
        if (strcmp(json_string_value(json_object_get(n, "kind")), "custom") != 0)
            continue;
        customs++;
        if (json_is_string(json_object_get(n, "to")))
            assert_string_equal(json_string_value(json_object_get(n, "to")), "sysadmin");
    }
    assert_int_equal(customs, 2);
    json_decref(root);
    free(json);
    tt_scorecard_free(&c);
}

/* HSEEP improvement plan: the owner is the roster's member(s) of the
 * responsible role (the role without a roster, never "—"), the due date is
 * absolute (the exercise's date + the priority's days, local), status open. */
static void test_improvement_plan_owner_due_status(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_mediocre(&f);
    f.start.date = "2026-11-27T13:00:00Z";
    setenv("TZ", "Asia/Tokyo", 1);
    tzset();
    tt_scorecard c;
    build(&c, &f);
    assert_true(c.n_findings > 0);
    size_t len;
    tt_error err;
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, &len, &err);
    json_t *root = check_json(json);
    json_t *plan = json_object_get(root, "improvement_plan"), *row;
    size_t i;
    json_array_foreach(plan, i, row) {
        const char *owner = json_string_value(json_object_get(row, "owner_name"));
        assert_non_null(owner);
        assert_true(*owner && strcmp(owner, "—") != 0);
        assert_string_equal(json_string_value(json_object_get(row, "status")), "open");
        const char *prio = json_string_value(json_object_get(row, "priority"));
        const char *due = json_string_value(json_object_get(row, "due_date"));
        /* 22:00 JST on 27 November, plus 30, 90 or 180 days. */
        assert_string_equal(due, strcmp(prio, "high") == 0     ? "2026-12-27"
                                 : strcmp(prio, "medium") == 0 ? "2027-02-25"
                                                               : "2027-05-26");
        if (strcmp(json_string_value(json_object_get(row, "owner")), "sysadmin") == 0)
            assert_string_equal(owner, "Sato");
    }
    json_decref(root);
    free(json);
    char *md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, &len, &err);
    assert_non_null(strstr(md, "| Owner | Priority | Due | Status |"));
    assert_non_null(strstr(md, "| Sato | High | 2026-12-27 | open |"));
    assert_null(strstr(md, "| — | High"));
    free(md);
    tt_scorecard_free(&c);
    unsetenv("TZ");
    tzset();
}

/* HSEEP improvement plan: each row names the core capability of its
 * objective (a Capability column, JSON "capability", null when the
 * scenario gives none), and no row repeats another: the generic advice
 * names its objective, and an identical row is dropped. */
static void test_improvement_plan_capability_and_no_repeats(void **state)
{
    (void)state;
    static fixture_journal f;
    fj_nothing(&f);
    tt_scorecard c;
    build(&c, &f);
    size_t len;
    tt_error err;
    char *json = tt_scorecard_render(&c, TT_CARD_JSON, TT_LANG_EN, &len, &err);
    json_t *root = check_json(json);
    json_t *plan = json_object_get(root, "improvement_plan"), *row;
    size_t i, seen = 0;
    json_array_foreach(plan, i, row) {
        const char *objective = json_string_value(json_object_get(row, "objective"));
        const char *lesson = json_string_value(json_object_get(row, "lesson"));
        json_t *capability = json_object_get(row, "capability");
        assert_non_null(capability);
        if (!objective && lesson && strcmp(lesson, "logs") == 0) {
            assert_string_equal(json_string_value(capability), "Forensics and Attribution");
            seen++;
        } else if (objective && strcmp(objective, "isolate") == 0) {
            assert_string_equal(json_string_value(capability), "Cybersecurity");
            seen++;
        } else if (objective && strcmp(objective, "report_ministry") == 0) {
            assert_string_equal(json_string_value(capability), "Public Information and Warning");
            seen++;
        } else if (objective && strcmp(objective, "recover") == 0) {
            assert_true(json_is_null(capability));
            seen++;
        }
    }
    assert_int_equal(seen, 4);
    json_decref(root);
    free(json);
    for (size_t a = 0; a < c.n_findings; a++)
        for (size_t b = a + 1; b < c.n_findings; b++)
            assert_false(strcmp(c.findings[a].finding.en, c.findings[b].finding.en) == 0 &&
                         strcmp(c.findings[a].recommendation.en, c.findings[b].recommendation.en) == 0);
    char *md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_EN, &len, &err);
    assert_non_null(strstr(md, "| Capability | Finding | Recommendation | Owner |"));
    assert_non_null(strstr(md, "| Cybersecurity | "));
    assert_non_null(strstr(md, "| — | "));
    free(md);
    md = tt_scorecard_render(&c, TT_CARD_MD, TT_LANG_JA, &len, &err);
    assert_non_null(strstr(md, "| 対応能力 | 所見 |"));
    assert_non_null(strstr(md, "| サイバーセキュリティ | "));
    free(md);
    tt_scorecard_free(&c);

    /* Two objectives alike in all but id, neither completed by an action:
     * the same finding and advice for the same owner make one row. */
    tt_scenario twin = *fixture_scenario();
    tt_objective objs[8];
    assert_true(twin.n_objectives + 2 <= 8);
    memcpy(objs, twin.objectives, twin.n_objectives * sizeof *objs);
    objs[twin.n_objectives] = objs[twin.n_objectives - 1];
    objs[twin.n_objectives].id = "recover_twin";
    objs[twin.n_objectives + 1] = objs[twin.n_objectives];
    objs[twin.n_objectives + 1].id = "recover_twin_again";
    twin.objectives = objs;
    twin.n_objectives += 2;
    tt_error_clear(&err);
    assert_int_equal(tt_scorecard_build(&c, &twin, &f.j, "/tmp/x.journal.yaml", "0123abcd", &err), 0);
    size_t recover_rows = 0;
    for (size_t k = 0; k < c.n_findings; k++)
        recover_rows += c.findings[k].objective && strncmp(c.findings[k].objective, "recover_twin", 12) == 0;
    assert_int_equal(c.n_objectives, twin.n_objectives);
    assert_int_equal(recover_rows, 1);
    tt_scorecard_free(&c);
}

static void test_write_file_and_default_path(void **state)
{
    (void)state;
    char out[512];
    assert_int_equal(tt_score_default_card_path("/x/ransomware-1.journal.yaml", ".html", out, sizeof out), 0);
    assert_string_equal(out, "/x/ransomware-1.html");
    assert_int_equal(tt_score_default_card_path("/x.y/run.log", ".html", out, sizeof out), 0);
    assert_string_equal(out, "/x.y/run.html");
    assert_int_equal(tt_score_default_card_path("/x.y/run", ".md", out, sizeof out), 0);
    assert_string_equal(out, "/x.y/run.md");
    assert_int_equal(tt_score_default_card_path("/x/.yaml", ".html", out, sizeof out), 0);
    assert_string_equal(out, "/x/.yaml.html");

    static fixture_journal f;
    fj_model(&f);
    tt_scorecard c;
    build(&c, &f);
    char path[512];
    write_temp("", 0, ".json", path, sizeof path);
    tt_error err;
    assert_int_equal(tt_scorecard_write(&c, path, TT_CARD_JSON, TT_LANG_JA, &err), 0);
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "lang")), "ja");
    json_decref(root);
    remove(path);
    assert_int_equal(tt_scorecard_write(&c, "/nonexistent-dir/x.json", TT_CARD_JSON, TT_LANG_EN, &err), -1);
    assert_non_null(strstr(err.message, "cannot write"));
    tt_scorecard_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_model_is_p_everywhere),
        cmocka_unit_test(test_nothing_is_u_everywhere),
        cmocka_unit_test(test_harm_and_waste),
        cmocka_unit_test(test_torn_journal_warns),
        cmocka_unit_test(test_nothing_assessed_shows_no_number),
        cmocka_unit_test(test_json_contract),
        cmocka_unit_test(test_html_is_valid_and_escaped),
        cmocka_unit_test(test_markdown),
        cmocka_unit_test(test_rejects_other_journals),
        cmocka_unit_test(test_strange_records),
        cmocka_unit_test(test_pause_is_no_event_and_cancel_cuts_the_cost),
        cmocka_unit_test(test_hash_mismatch_warns),
        cmocka_unit_test(test_history_matches_nth_attempt_to_nth_entry),
        cmocka_unit_test(test_refused_action_advice_names_the_block),
        cmocka_unit_test(test_source_shows_the_case_title),
        cmocka_unit_test(test_facilitator_injects_and_notes_in_every_format),
        cmocka_unit_test(test_improvement_plan_owner_due_status),
        cmocka_unit_test(test_improvement_plan_capability_and_no_repeats),
        cmocka_unit_test(test_write_file_and_default_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
