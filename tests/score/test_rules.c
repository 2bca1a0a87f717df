/* Rating rules and the score formula (docs/scorecard.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "tabletop/score.h"

#define MIN(m) ((tt_ms)(m) * 60000)

static void test_rating_by_time(void **state)
{
    (void)state;
    assert_int_equal(tt_score_rate(MIN(15), MIN(15), MIN(60), 0), TT_RATING_P);
    assert_int_equal(tt_score_rate(0, MIN(15), MIN(60), 0), TT_RATING_P);
    assert_int_equal(tt_score_rate(MIN(15) + 1, MIN(15), MIN(60), 0), TT_RATING_S);
    assert_int_equal(tt_score_rate(MIN(60), MIN(15), MIN(60), 0), TT_RATING_S);
    assert_int_equal(tt_score_rate(MIN(61), MIN(15), MIN(60), 0), TT_RATING_M);
    assert_int_equal(tt_score_rate(TT_MS_NEVER, MIN(15), MIN(60), 0), TT_RATING_U);
}

static void test_harm_costs_one_step_never_below_m(void **state)
{
    (void)state;
    assert_int_equal(tt_score_rate(MIN(5), MIN(15), MIN(60), 1), TT_RATING_S);
    assert_int_equal(tt_score_rate(MIN(30), MIN(15), MIN(60), 3), TT_RATING_M);
    assert_int_equal(tt_score_rate(MIN(90), MIN(15), MIN(60), 2), TT_RATING_M);
    assert_int_equal(tt_score_rate(TT_MS_NEVER, MIN(15), MIN(60), 2), TT_RATING_U);
}

static void test_points(void **state)
{
    (void)state;
    assert_int_equal(tt_score_points(MIN(10), MIN(15), MIN(60), 0, 0), 100);
    assert_int_equal(tt_score_points(TT_MS_NEVER, MIN(15), MIN(60), 0, 0), 0);
    /* Seconds late never rounds up to the 100 of "within target". */
    assert_int_equal(tt_score_points(MIN(15) + 5000, MIN(15), MIN(60), 0, 0), 99);
    /* Linear from 100 at target to 60 at limit. */
    assert_int_equal(tt_score_points(MIN(60), MIN(15), MIN(60), 0, 0), 60);
    assert_int_equal(tt_score_points(MIN(37) + 30000, MIN(15), MIN(60), 0, 0), 80);
    /* After the limit: from 60 down, floored at 10. */
    assert_int_equal(tt_score_points(MIN(90), MIN(15), MIN(60), 0, 0), 35);
    assert_int_equal(tt_score_points(MIN(600), MIN(15), MIN(60), 0, 0), 10);
    /* Penalties, capped; reaching it is always worth at least 1. */
    assert_int_equal(tt_score_points(MIN(10), MIN(15), MIN(60), 1, 1), 80);
    assert_int_equal(tt_score_points(MIN(10), MIN(15), MIN(60), 9, 9), 40);
    assert_int_equal(tt_score_points(MIN(600), MIN(15), MIN(60), 9, 9), 1);
    /* A P objective always scores at least 85. */
    assert_true(tt_score_points(MIN(15), MIN(15), MIN(60), 0, 50) >= 85);
    /* Degenerate target = limit. */
    assert_int_equal(tt_score_points(MIN(20), MIN(20), MIN(20), 0, 0), 100);
}

static void test_overall(void **state)
{
    (void)state;
    tt_rating all_p[] = { TT_RATING_P, TT_RATING_P };
    tt_rating all_u[] = { TT_RATING_U, TT_RATING_U };
    tt_rating mixed[] = { TT_RATING_P, TT_RATING_P, TT_RATING_M };
    tt_rating one_u[] = { TT_RATING_P, TT_RATING_P, TT_RATING_U };
    tt_rating mostly_s[] = { TT_RATING_P, TT_RATING_S, TT_RATING_S };
    assert_int_equal(tt_score_overall_rating(97, mostly_s, 3), TT_RATING_S);
    assert_int_equal(tt_score_overall_rating(100, all_p, 2), TT_RATING_P);
    assert_int_equal(tt_score_overall_rating(0, all_u, 2), TT_RATING_U);
    assert_int_equal(tt_score_overall_rating(90, mixed, 3), TT_RATING_S);
    assert_int_equal(tt_score_overall_rating(67, one_u, 3), TT_RATING_S);
    assert_int_equal(tt_score_overall_rating(40, mixed, 3), TT_RATING_M);
    /* Not assessed objectives are left out; nothing assessed is N/A. */
    tt_rating with_na[] = { TT_RATING_P, TT_RATING_NA, TT_RATING_NA };
    tt_rating all_na[] = { TT_RATING_NA, TT_RATING_NA };
    assert_int_equal(tt_score_overall_rating(100, with_na, 3), TT_RATING_P);
    assert_int_equal(tt_score_overall_rating(0, all_na, 2), TT_RATING_NA);
    assert_int_equal(tt_score_overall_rating(0, NULL, 0), TT_RATING_NA);
}

/* A three-objective scenario: isolate (target 15, limit 60), report
 * (30, 50), recover (120, 240); 8 hours long. Actions: 0 harmful, 1
 * wasted, 2 plain. */
static tt_objective now_objectives[] = {
    { .id = "isolate", .phase = TT_OBJ_ISOLATE, .target = MIN(15), .limit = MIN(60) },
    { .id = "report", .phase = TT_OBJ_REPORT, .target = MIN(30), .limit = MIN(50) },
    { .id = "recover", .phase = TT_OBJ_RECOVER, .target = MIN(120), .limit = MIN(240) },
};
static tt_action now_actions[] = {
    { .id = "reboot", .harmful = true }, { .id = "meeting", .wasted = true }, { .id = "pull" },
};
static const tt_scenario now_scenario = {
    .id = "now", .length = MIN(480), .objectives = now_objectives, .n_objectives = 3,
    .actions = now_actions, .n_actions = 3,
};

/* The card's rules applied to "the drill ended now": reached as scored,
 * unreached past the limit U, unreached before it not assessed. */
static void test_ended_now(void **state)
{
    (void)state;
    const tt_action_taken taken[] = { { MIN(4), 0, 0 }, { MIN(20), 1, 0 }, { MIN(11), 2, 0 } };
    tt_ms reached[] = { MIN(11), TT_MS_NEVER, TT_MS_NEVER };
    tt_score_verdict v[3];
    tt_score_summary s;

    /* At 0:40 nothing has passed a limit: only isolate is assessed. */
    tt_score_ended_now(&now_scenario, MIN(40), reached, taken, 3, v, &s);
    assert_int_equal(v[0].rating, TT_RATING_S);              /* P, one harmful before */
    assert_int_equal(v[0].harmful_before, 1);
    assert_int_equal(v[0].wasted_before, 0);                 /* the meeting came after */
    assert_int_equal(v[0].score, tt_score_points(MIN(11), MIN(15), MIN(60), 1, 0));
    assert_int_equal(v[1].rating, TT_RATING_NA);
    assert_int_equal(v[1].score, 0);
    assert_int_equal(v[2].rating, TT_RATING_NA);
    assert_int_equal(s.n_assessed, 1);
    assert_int_equal(s.n_not_assessed, 2);
    assert_int_equal(s.n_unable, 0);
    assert_int_equal(s.score, v[0].score);
    assert_int_equal(s.rating, TT_RATING_S);

    /* At 0:50 the report's limit has come: U, and it counts. */
    tt_score_ended_now(&now_scenario, MIN(50), reached, taken, 3, v, &s);
    assert_int_equal(v[1].rating, TT_RATING_U);
    assert_int_equal(v[1].harmful_before, 1);
    assert_int_equal(v[1].wasted_before, 1);
    assert_int_equal(s.n_assessed, 2);
    assert_int_equal(s.n_unable, 1);
    assert_int_equal(s.score, (v[0].score + 0 + 1) / 2);
    assert_int_equal(s.rating, TT_RATING_M);

    /* The scenario's end passes every limit: nothing is left unassessed. */
    tt_score_ended_now(&now_scenario, MIN(480), reached, taken, 3, v, &s);
    assert_int_equal(v[2].rating, TT_RATING_U);
    assert_int_equal(s.n_not_assessed, 0);
    assert_int_equal(s.n_assessed, 3);

    /* API 1.1: a plain action its harmful/wasted function judged bad counts
     * as that taking says (the record's verdict), the scenario's flags aside. */
    const tt_action_taken judged[] = { { MIN(2), 2, TT_TAKEN_HARMFUL }, { MIN(3), 2, TT_TAKEN_WASTED },
                                       { MIN(5), 2, 0 } };
    tt_score_ended_now(&now_scenario, MIN(40), reached, judged, 3, v, &s);
    assert_int_equal(v[0].harmful_before, 1);
    assert_int_equal(v[0].wasted_before, 1);
    assert_int_equal(v[0].score, tt_score_points(MIN(11), MIN(15), MIN(60), 1, 1));

    /* Ended at once: nothing assessed, no score, N/A; verdicts optional. */
    tt_ms none[] = { TT_MS_NEVER, TT_MS_NEVER, TT_MS_NEVER };
    tt_score_ended_now(&now_scenario, MIN(1), none, NULL, 0, NULL, &s);
    assert_int_equal(s.n_assessed, 0);
    assert_int_equal(s.n_not_assessed, 3);
    assert_int_equal(s.score, 0);
    assert_int_equal(s.rating, TT_RATING_NA);

    /* An action unknown to the scenario (index -1) is ignored. */
    const tt_action_taken odd[] = { { MIN(1), -1, 0 }, { MIN(2), 7, 0 } };
    tt_score_ended_now(&now_scenario, MIN(40), reached, odd, 2, v, &s);
    assert_int_equal(v[0].rating, TT_RATING_P);
    assert_int_equal(v[0].score, 100);
}

static void test_names_and_formats(void **state)
{
    (void)state;
    tt_rating r;
    assert_true(tt_rating_parse("M", &r));
    assert_int_equal(r, TT_RATING_M);
    assert_false(tt_rating_parse("X", &r));
    assert_false(tt_rating_parse(NULL, &r));
    assert_string_equal(tt_rating_letter(TT_RATING_U), "U");
    assert_string_equal(tt_rating_name(TT_RATING_P, TT_LANG_EN), "Performed without challenges");
    assert_string_equal(tt_rating_name(TT_RATING_U, TT_LANG_JA), "実施できなかった");
    tt_card_format f;
    assert_true(tt_card_format_from_path("a/b.HTML", &f));
    assert_int_equal(f, TT_CARD_HTML);
    assert_true(tt_card_format_from_path("b.md", &f));
    assert_int_equal(f, TT_CARD_MD);
    assert_true(tt_card_format_from_path("b.json", &f));
    assert_int_equal(f, TT_CARD_JSON);
    assert_false(tt_card_format_from_path("b.pdf", &f));
    assert_false(tt_card_format_from_path("dir.json/b", &f));
    assert_false(tt_card_format_from_path("b", &f));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rating_by_time),
        cmocka_unit_test(test_harm_costs_one_step_never_below_m),
        cmocka_unit_test(test_points),
        cmocka_unit_test(test_overall),
        cmocka_unit_test(test_ended_now),
        cmocka_unit_test(test_names_and_formats),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
