/* The view model: a pure function of (scenario, records up to T). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <cmocka.h>

#include "dash.h"
#include "fixture.h"
#include "tabletop/score.h"

static fixture F;

static int setup(void **state)
{
    (void)state;
    fixture_build(&F);
    return 0;
}

static void build(dash_view *v, tt_ms at)
{
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(dash_view_build(v, &F.sc, F.j.records, F.j.n_records, at,
                                     TT_LANG_EN, &err), 0);
}

static void test_state_follows_records(void **state)
{
    (void)state;
    dash_view v;
    dash_view_init(&v);
    build(&v, MIN(2));
    assert_true(v.started);
    assert_int_equal(dash_view_state(&v, "encrypted")->as.i, 0);
    build(&v, MIN(3));
    assert_int_equal(dash_view_state(&v, "encrypted")->as.i, 4200);
    assert_int_equal(dash_view_state(&v, "calls")->as.i, 3);
    assert_false(dash_view_state(&v, "isolated")->as.b);
    build(&v, MIN(100));
    assert_int_equal(dash_view_state(&v, "encrypted")->as.i, 6100);
    assert_true(dash_view_state(&v, "isolated")->as.b);
    assert_null(dash_view_state(&v, "nope"));
    assert_true(v.speed == 60.0);
    dash_view_free(&v);
}

static void test_objectives_and_actions(void **state)
{
    (void)state;
    dash_view v;
    dash_view_init(&v);
    build(&v, MIN(7));
    assert_int_equal(v.objectives[0].status, TT_OBJECTIVE_OPEN);
    assert_true(v.actions[0].in_progress);              /* pull_cable */
    assert_int_equal(v.actions[0].until, MIN(11));
    assert_int_equal(v.actions[1].taken, 1);             /* reboot */
    build(&v, MIN(11));
    assert_int_equal(v.objectives[0].status, TT_OBJECTIVE_REACHED);
    assert_int_equal(v.objectives[0].at, MIN(11));
    assert_false(v.actions[0].in_progress);
    build(&v, MIN(20));
    assert_string_equal(v.actions[3].refused, "No backup yet");
    build(&v, MIN(60));
    assert_int_equal(v.objectives[1].status, TT_OBJECTIVE_MISSED);
    assert_int_equal(v.objectives[2].status, TT_OBJECTIVE_OPEN);
    assert_int_equal(v.objectives[2].target_at, MIN(120));
    dash_view_free(&v);
}

static void test_feed_and_senders(void **state)
{
    (void)state;
    dash_view v;
    dash_view_init(&v);
    build(&v, 0);
    assert_int_equal(v.n_feed, 1);                     /* the inject */
    assert_int_equal(v.feed[0]->type, TT_REC_INJECT);
    assert_int_equal(v.actor_last[0], 0);              /* user_dept spoke */
    assert_int_equal(v.actor_last[1], TT_MS_NEVER);
    build(&v, MIN(8));
    assert_int_equal(v.actor_last[1], MIN(8));         /* vendor */
    assert_int_equal(v.role_last[0], MIN(6));          /* sysadmin acted */
    build(&v, MIN(240));
    /* inject, 2 actions, message, 2 done, objective x2, refused */
    assert_int_equal(v.n_feed, 9);
    assert_false(v.paused);
    build(&v, MIN(25) - 1);
    assert_false(v.paused);
    dash_view_free(&v);
}

/* An inject without `from` names no sender, as the terminal, the headless
 * timeline and the browser do (979a085): not the facilitator. */
static void test_inject_without_sender_names_none(void **state)
{
    (void)state;
    size_t k = 0;
    while (k < F.j.n_records && F.j.records[k].type != TT_REC_INJECT)
        k++;
    assert_true(k < F.j.n_records);
    tt_record r = F.j.records[k];
    char head[512], body[512];
    SDL_Color col;
    for (int l = 0; l < 2; l++) {
        tt_lang lang = l ? TT_LANG_EN : TT_LANG_JA;
        dash_view v;
        dash_view_init(&v);
        tt_error err;
        tt_error_clear(&err);
        assert_int_equal(dash_view_build(&v, &F.sc, F.j.records, F.j.n_records, 0, lang,
                                         &err), 0);
        char want[256];
        r.from = "user_dept";   /* with a sender: "00:00  Sender → To" */
        dash_feed_describe(&v, &r, head, sizeof head, body, sizeof body, &col);
        snprintf(want, sizeof want, "  %s → %s",
                 tt_scenario_party_name(&F.sc, "user_dept", lang),
                 tt_scenario_party_name(&F.sc, "sysadmin", lang));
        assert_non_null(strstr(head, want));
        r.from = NULL;
        dash_feed_describe(&v, &r, head, sizeof head, body, sizeof body, &col);
        snprintf(want, sizeof want, "  → %s", tt_scenario_party_name(&F.sc, "sysadmin", lang));
        assert_non_null(strstr(head, want));
        assert_null(strstr(head, dash_s(S_FACILITATOR, lang)));
        const char *arrow = strstr(head, "→");
        assert_non_null(arrow);
        assert_true(arrow - head >= 2 && arrow[-1] == ' ' && arrow[-2] == ' ');
        assert_string_equal(body, tt_text_get(&r.text, lang));
        dash_view_free(&v);
    }
}

/* Same records and time give the same view whatever was built before. */
static void test_pure(void **state)
{
    (void)state;
    dash_view a, b;
    dash_view_init(&a);
    dash_view_init(&b);
    build(&a, MIN(30));
    build(&b, MIN(200));
    build(&b, MIN(30));
    assert_int_equal(a.n_feed, b.n_feed);
    assert_int_equal(a.n_state, b.n_state);
    for (size_t i = 0; i < a.n_state; i++) {
        assert_string_equal(a.state[i].key, b.state[i].key);
        assert_true(tt_value_equal(&a.state[i].value, &b.state[i].value));
    }
    for (size_t i = 0; i < F.sc.n_objectives; i++) {
        assert_int_equal(a.objectives[i].status, b.objectives[i].status);
        assert_int_equal(a.objectives[i].at, b.objectives[i].at);
    }
    assert_true(a.score == b.score);
    dash_view_free(&a);
    dash_view_free(&b);
}

/* The board's score is the drill scored as if it ended now, by the card's
 * rules (tt_score_ended_now): reached objectives with the harmful actions
 * before them, unreached ones past their limit U, open ones before their
 * limit not assessed and left out. */
static void test_provisional_score(void **state)
{
    (void)state;
    dash_view v;
    dash_view_init(&v);
    build(&v, MIN(60));
    /* isolate reached at 11m with the harmful reboot (4m) before it */
    int iso = tt_score_points(MIN(11), MIN(15), MIN(60), 1, 0);
    assert_int_equal(dash_objective_points(&v, 0), iso);
    assert_int_equal(dash_objective_rating(&v, 0), TT_RATING_S);  /* P, one harmful */
    /* report: its limit (50m) has passed unreached: U, 0 */
    assert_int_equal(dash_objective_points(&v, 1), 0);
    assert_int_equal(dash_objective_rating(&v, 1), TT_RATING_U);
    /* recover: open, limit at 240m: not assessed */
    assert_int_equal(dash_objective_rating(&v, 2), TT_RATING_NA);
    assert_int_equal(v.scored.n_assessed, 2);
    assert_int_equal(v.scored.n_not_assessed, 1);
    assert_int_equal(v.scored.n_unable, 1);
    assert_true(v.score == (double)((iso + 0 + 1) / 2));
    /* Before the report's limit it is not assessed either. */
    build(&v, MIN(40));
    assert_int_equal(dash_objective_rating(&v, 1), TT_RATING_NA);
    assert_int_equal(v.scored.n_unable, 0);
    assert_true(v.score == (double)iso);
    dash_view_free(&v);
}

/* After an early END the board shows the card's score: the same verdicts. */
static void test_score_after_end(void **state)
{
    (void)state;
    size_t n = F.j.n_records;
    tt_record recs[32];
    memcpy(recs, F.j.records, n * sizeof *recs);
    recs[n] = (tt_record){ .type = TT_REC_END, .t = MIN(90), .status = "facilitator" };
    tt_error err;
    dash_view v;
    dash_view_init(&v);
    assert_int_equal(dash_view_build(&v, &F.sc, recs, n + 1, MIN(200), TT_LANG_EN, &err), 0);
    assert_true(v.ended);
    assert_int_equal(v.now, MIN(90));   /* the clock stops at END */
    assert_int_equal(dash_objective_points(&v, 1), 0);
    assert_int_equal(dash_objective_rating(&v, 2), TT_RATING_NA);
    int iso = tt_score_points(MIN(11), MIN(15), MIN(60), 1, 0);
    assert_true(v.score == (double)((iso + 1) / 2));
    dash_view_free(&v);
}

/* The live feed deep-copies records: the sink's argument may be reused. */
static void test_feed_copies(void **state)
{
    (void)state;
    tt_dashboard_feed *feed = tt_dashboard_feed_new();
    assert_non_null(feed);
    char id[16] = "pull_cable";
    tt_kv kv = { "encrypted", { .type = TT_VAL_STR, .as.s = "many" } };
    char key[16] = "encrypted";
    kv.key = key;
    tt_record r = { .type = TT_REC_ACTION, .t = 5, .id = id, .role = "sysadmin",
                    .changes = &kv, .n_changes = 1 };
    tt_dashboard_feed_sink(feed, &r);
    for (size_t i = 0; i < F.j.n_records; i++)
        tt_dashboard_feed_sink(feed, &F.j.records[i]);
    strcpy(id, "XXXX");
    strcpy(key, "YYYY");
    size_t n;
    const tt_record *got = tt_dashboard_feed_records(feed, &n);
    assert_int_equal(n, F.j.n_records + 1);
    assert_string_equal(got[0].id, "pull_cable");
    assert_string_equal(got[0].changes[0].key, "encrypted");
    assert_string_equal(got[0].changes[0].value.as.s, "many");
    assert_ptr_not_equal(got[1].start, F.j.records[0].start);
    assert_string_equal(got[1].start->members[1].name, "Suzuki");
    assert_string_equal(got[2].questions[1].ja, "ネットワークから切り離しますか？");
    assert_false(dash_feed_failed(feed));
    tt_dashboard_feed_free(feed);

    /* Resume: a journal loaded first, then what the exercise adds. */
    feed = tt_dashboard_feed_new();
    assert_int_equal(tt_dashboard_feed_load(feed, &F.j), 0);
    tt_dashboard_feed_sink(feed, &r);
    got = tt_dashboard_feed_records(feed, &n);
    assert_int_equal(n, F.j.n_records + 1);
    assert_int_equal(got[0].type, TT_REC_START);
    assert_string_equal(got[n - 1].id, "XXXX");
    tt_dashboard_feed_free(feed);
}

/* Built frame by frame (each frame applies only the records since the
 * last), the view equals one built from scratch at every time. */
static void test_incremental_equals_rebuilt(void **state)
{
    (void)state;
    dash_view inc, full;
    dash_view_init(&inc);
    dash_view_init(&full);
    tt_ms end = F.j.n_records ? F.j.records[F.j.n_records - 1].t : 0;
    for (tt_ms at = 0; at <= end + MIN(1); at += 30000) {
        build(&inc, at);
        dash_view_init(&full);
        build(&full, at);
        assert_int_equal(inc.n_records, full.n_records);
        assert_int_equal(inc.n_feed, full.n_feed);
        assert_int_equal(inc.n_state, full.n_state);
        assert_int_equal(inc.n_taken, full.n_taken);
        assert_int_equal(inc.now, full.now);
        assert_int_equal(inc.ended, full.ended);
        for (size_t i = 0; i < inc.n_state; i++) {
            assert_string_equal(inc.state[i].key, full.state[i].key);
            assert_true(tt_value_equal(&inc.state[i].value, &full.state[i].value));
        }
        for (size_t i = 0; i < F.sc.n_objectives; i++) {
            assert_int_equal(inc.objectives[i].status, full.objectives[i].status);
            assert_int_equal(inc.objectives[i].at, full.objectives[i].at);
            assert_int_equal(inc.verdicts[i].score, full.verdicts[i].score);
        }
        for (size_t i = 0; i < F.sc.n_actions; i++) {
            assert_int_equal(inc.actions[i].taken, full.actions[i].taken);
            assert_int_equal(inc.actions[i].in_progress, full.actions[i].in_progress);
        }
        assert_true(inc.score == full.score);
        dash_view_free(&full);
    }
    assert_true(inc.n_records > 5);
    /* Going back in time rebuilds. */
    build(&inc, MIN(2));
    dash_view_init(&full);
    build(&full, MIN(2));
    assert_int_equal(inc.n_records, full.n_records);
    assert_int_equal(inc.n_feed, full.n_feed);
    dash_view_free(&full);
    dash_view_free(&inc);
}

static void test_parse_size(void **state)
{
    (void)state;
    int w = 0, h = 0;
    char why[128];
    assert_true(tt_dashboard_parse_size("1280x720", &w, &h, why, sizeof why));
    assert_int_equal(w, 1280);
    assert_int_equal(h, 720);
    const char *bad[] = { "", "1280", "x720", "1280x", "-1280x720", "1280x-720",
                          "10x10", "99999x720", "1280x720x3", "axb" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        why[0] = '\0';
        assert_false(tt_dashboard_parse_size(bad[i], &w, &h, why, sizeof why));
        assert_true(why[0] != '\0');
    }
}

static void test_layout(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 }, { 1024, 768 } };
    for (size_t s = 0; s < 3; s++)
        for (int scrub = 0; scrub < 2; scrub++) {
            dash_layout l;
            dash_layout_compute(&l, sizes[s][0], sizes[s][1], scrub);
            SDL_Rect screen = { 0, 0, sizes[s][0], sizes[s][1] };
            for (int i = 0; i < R__COUNT; i++) {
                if (i == R_SCRUBBER && !scrub) {
                    assert_int_equal(l.r[i].w, 0);
                    continue;
                }
                assert_true(l.r[i].w > 100 && l.r[i].h > 40);
                SDL_Rect in;
                assert_true(SDL_IntersectRect(&l.r[i], &screen, &in));
                assert_true(SDL_RectEquals(&in, &l.r[i]));
                for (int k = i + 1; k < R__COUNT; k++)
                    if (l.r[k].w > 0)
                        assert_false(SDL_HasIntersection(&l.r[i], &l.r[k]));
            }
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_state_follows_records),
        cmocka_unit_test(test_objectives_and_actions),
        cmocka_unit_test(test_feed_and_senders),
        cmocka_unit_test(test_inject_without_sender_names_none),
        cmocka_unit_test(test_pure),
        cmocka_unit_test(test_provisional_score),
        cmocka_unit_test(test_score_after_end),
        cmocka_unit_test(test_feed_copies),
        cmocka_unit_test(test_incremental_equals_rebuilt),
        cmocka_unit_test(test_parse_size),
        cmocka_unit_test(test_layout),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
