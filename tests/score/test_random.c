/* Property test: journals of random records (known and unknown ids, missing
 * fields, any order and time) always give a card in the three formats, with
 * scores in 0..100, ratings consistent with the rules, valid JSON, and
 * well-formed HTML. Seeded, so a failure repeats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

#include "check.h"
#include "fixture.h"
#include "tabletop/score.h"

static uint64_t rng_state = 0x9E3779B97F4A7C15ULL;

static uint32_t next(void)
{
    /* xorshift64*: enough for picking test data. */
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return (uint32_t)((rng_state * 0x2545F4914F6CDD1DULL) >> 32);
}

static const char *pick(const char *const *pool, size_t n)
{
    return pool[next() % n];
}

static void random_journal(fixture_journal *f)
{
    static const char *const ids[] = { "pull_cable", "report_ministry", "restore", "reboot", "meeting",
                                       "isolate", "report_ministry", "recover", "alert", "start",
                                       "nope", "<b>&amp;", NULL };
    static const char *const roles[] = { "sysadmin", "supervisor", "ghost", NULL };
    static const char *const statuses[] = { "reached", "missed", "weird", NULL };
    static const char *const keys[] = { "encrypted", "mail_hours", "isolated", "other" };
    static const char *const notes[] = { "ok", "<script>alert(1)</script>", "\"quoted\" & 'single'",
                                         "改行\nあり", NULL };
    fj_init(f, next() % 2 ? "Team" : NULL);
    size_t n = 1 + next() % 50;
    for (size_t i = 0; i < n; i++) {
        tt_record_type type = (tt_record_type)(1 + next() % (TT_REC__COUNT - 1));
        tt_ms t = (tt_ms)(next() % 600) * 60000 / (1 + next() % 3);
        if (type == TT_REC_STATE) {
            fj_state(f, t, keys[next() % 4], (int64_t)(next() % 100000));
            continue;
        }
        tt_record *r = fj_add(f, type, t, pick(ids, 13));
        r->role = pick(roles, 4);
        r->status = pick(statuses, 4);
        r->note = pick(notes, 5);
        r->member = next() % 2 ? "M & <m>" : NULL;
        r->text = (tt_text){ next() % 2 ? "日本語 <x>" : NULL, next() % 2 ? "text & <y>" : NULL };
        if (type == TT_REC_END)
            f->j.ended = true;
    }
    f->j.torn = next() % 5 == 0;
}

static void test_random_journals(void **state)
{
    (void)state;
    static fixture_journal f;
    for (int round = 0; round < 300; round++) {
        random_journal(&f);
        tt_scorecard c;
        tt_error err;
        assert_int_equal(tt_scorecard_build(&c, fixture_scenario(), &f.j, "r.yaml", "h", &err), 0);
        assert_in_range(c.score, 0, 100);
        bool any_reached = false, any_assessed = false;
        for (size_t i = 0; i < c.n_objectives; i++) {
            const tt_score_objective *o = &c.objectives[i];
            assert_in_range(o->score, 0, 100);
            /* Not reached and its limit not passed when the journal ends:
             * not assessed; otherwise rated as always. */
            bool open = !o->reached && c.duration < o->def->limit &&
                        c.duration < c.scenario->length;
            if (open)
                assert_int_equal(o->rating, TT_RATING_NA);
            else
                assert_int_equal(o->rating,
                                 tt_score_rate(o->reached ? o->reached_at : TT_MS_NEVER,
                                               o->def->target, o->def->limit, o->harmful_before));
            assert_true(o->reached == (o->rating != TT_RATING_U && o->rating != TT_RATING_NA));
            assert_true(o->reached == (o->score > 0));
            any_reached |= o->reached;
            any_assessed |= !open;
        }
        assert_true(!any_assessed || any_reached == (c.rating != TT_RATING_U));
        assert_true(any_assessed == (c.rating != TT_RATING_NA));
        assert_true(c.incomplete == (f.j.torn || !c.ended));
        tt_lang lang = round % 2 ? TT_LANG_JA : TT_LANG_EN;
        size_t len;
        char *json = tt_scorecard_render(&c, TT_CARD_JSON, lang, &len, &err);
        assert_non_null(json);
        json_decref(check_json(json));
        free(json);
        char *md = tt_scorecard_render(&c, TT_CARD_MD, lang, &len, &err);
        assert_non_null(md);
        assert_null(strstr(md, "<script>"));
        free(md);
        char *html = tt_scorecard_render(&c, TT_CARD_HTML, lang, &len, &err);
        assert_non_null(html);
        assert_null(strstr(html, "<script>"));
        if (round % 25 == 0)
            check_html(html, len);   /* xmllint is slow: a sample */
        free(html);
        tt_scorecard_free(&c);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_random_journals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
