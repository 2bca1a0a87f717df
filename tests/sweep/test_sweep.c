/* tabletop sweep's engine: outcomes do not depend on the number of
 * workers, the JSON report carries the documented fields, --strict turns a
 * refused step into a failed exercise, a hostile scenario is stopped by the
 * sandbox in every run (listed, not hung), and the HTML needs no script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <jansson.h>

#include "tabletop/sweep.h"

#include "json_oom.h"

static const char GOOD[] = "actions:\n"
                           "  - { at: 1m, by: staff, do: isolate }\n"
                           "  - { at: 7m, by: staff, do: tell_boss }\n";
static const char REFUSED[] = "actions:\n"
                              "  - { at: 1m, by: staff, do: tell_boss }\n";

static tt_script *load_mini(void)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/tests/exercise/fixtures/mini.lua", getenv("TT_SOURCE_DIR"));
    tt_error err;
    tt_script *s = tt_script_load(path, NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    return s;
}

static void answers(tt_script *s, const char *text, tt_action_script *out)
{
    tt_error err;
    if (tt_action_script_load_buffer("answer.yaml", text, strlen(text), tt_script_scenario(s),
                                     out, &err) != 0)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
}

static tt_sweep *sweep(tt_script *s, const tt_action_script *a, size_t n, int jobs,
                       bool strict, uint64_t last)
{
    tt_sweep_config cfg = { .script = s, .answers = a, .n_answers = n, .first_seed = 1,
                            .last_seed = last, .jobs = jobs, .strict = strict };
    tt_sweep *sw = NULL;
    bool bad = false;
    tt_error err;
    if (tt_sweep_run(&cfg, &sw, &bad, &err) != 0)
        fail_msg("sweep: %s", err.message);
    return sw;
}

static json_t *as_json(const tt_sweep *sw)
{
    tt_error err;
    char *text = tt_sweep_render(sw, TT_SWEEP_JSON, TT_LANG_EN, NULL, &err);
    assert_non_null(text);
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (!root)
        fail_msg("JSON: %s", jerr.text);
    free(text);
    /* What depends on the machine, not on the exercises. */
    json_object_del(root, "jobs");
    json_object_del(root, "seconds");
    return root;
}

static void outcome_does_not_depend_on_the_workers(void **state)
{
    (void)state;
    tt_script *s = load_mini();
    tt_action_script a[2];
    answers(s, GOOD, &a[0]);
    answers(s, REFUSED, &a[1]);
    tt_sweep *one = sweep(s, a, 2, 1, false, 40);
    tt_sweep *three = sweep(s, a, 2, 3, false, 40);
    json_t *j1 = as_json(one), *j3 = as_json(three);
    assert_true(json_equal(j1, j3));

    /* The documented fields, with the distribution over the 40 seeds. */
    assert_int_equal(json_integer_value(json_object_get(j1, "tabletop_sweep")), 1);
    json_t *ans = json_array_get(json_object_get(j1, "answers"), 0);
    assert_int_equal(json_integer_value(json_object_get(ans, "runs")), 40);
    assert_int_equal(json_integer_value(json_object_get(ans, "failed")), 0);
    json_t *score = json_object_get(ans, "score");
    assert_int_equal(json_integer_value(json_object_get(score, "n")), 40);
    double min = json_real_value(json_object_get(score, "min"));
    double max = json_real_value(json_object_get(score, "max"));
    double median = json_real_value(json_object_get(score, "median"));
    assert_true(min <= median && median <= max && max <= 100);
    json_t *objs = json_object_get(ans, "objectives");
    assert_int_equal(json_array_size(objs), 3);
    json_t *contain = json_array_get(objs, 0);
    assert_string_equal(json_string_value(json_object_get(contain, "id")), "contain");
    /* isolate at 1m takes 5m: reached at 6m in every run */
    assert_true(json_real_value(json_object_get(contain, "reached")) == 1.0);
    json_t *reach = json_object_get(contain, "reach_s");
    assert_true(json_real_value(json_object_get(reach, "min")) == 360.0);
    assert_true(json_real_value(json_object_get(reach, "max")) == 360.0);
    json_t *rating = json_object_get(contain, "rating");
    double shares = json_real_value(json_object_get(rating, "P")) +
                    json_real_value(json_object_get(rating, "S")) +
                    json_real_value(json_object_get(rating, "M")) +
                    json_real_value(json_object_get(rating, "U"));
    assert_true(shares > 0.999 && shares < 1.001);
    /* damage grows by a random amount each minute until isolated: it varies
     * over the seeds, and the extremes name their seeds */
    json_t *damage = json_object_get(json_array_get(json_object_get(ans, "damage"), 0), "value");
    assert_true(json_real_value(json_object_get(damage, "min")) <
                json_real_value(json_object_get(damage, "max")));
    assert_true(json_integer_value(json_object_get(damage, "min_seed")) >= 1);
    assert_true(json_integer_value(json_object_get(damage, "max_seed")) <= 40);
    /* the second answer never reports: its refused step is a note */
    json_t *second = json_array_get(json_object_get(j1, "answers"), 1);
    assert_int_equal(json_integer_value(json_object_get(second, "failed")), 0);

    json_decref(j1);
    json_decref(j3);
    tt_sweep_free(one);
    tt_sweep_free(three);
    tt_action_script_free(&a[0]);
    tt_action_script_free(&a[1]);
    tt_script_free(s);
}

/* Out of memory anywhere in the JSON report: no report, or the whole one,
 * never one with a field or a list entry left out (every set and append
 * ignored its result). */
static void json_report_out_of_memory_has_no_holes(void **state)
{
    (void)state;
    tt_script *s = load_mini();
    tt_action_script a[2];
    answers(s, GOOD, &a[0]);
    answers(s, REFUSED, &a[1]);
    tt_sweep *sw = sweep(s, a, 2, 1, false, 5);
    tt_error err;
    char *whole = json_oom_cut_line(tt_sweep_render(sw, TT_SWEEP_JSON, TT_LANG_EN, NULL, &err), "\"seconds\"");
    assert_non_null(whole);
    long n = 0;
    for (bool failed = true; failed; n++) {
        json_oom_fail_nth(n);
        char *text = tt_sweep_render(sw, TT_SWEEP_JSON, TT_LANG_EN, NULL, &err);
        failed = json_oom_came();   /* the nth request came and failed */
        if (text && strcmp(json_oom_cut_line(text, "\"seconds\""), whole) != 0)
            fail_msg("allocation %ld failed: a report with holes:\n%.1500s", n, text);
        free(text);
    }
    json_oom_off();
    assert_true(n > 50);   /* every allocation of the report was failed in turn */
    free(whole);
    tt_sweep_free(sw);
    tt_action_script_free(&a[0]);
    tt_action_script_free(&a[1]);
    tt_script_free(s);
}

static void strict_fails_an_exercise_with_a_refused_step(void **state)
{
    (void)state;
    tt_script *s = load_mini();
    tt_action_script a;
    answers(s, REFUSED, &a);
    tt_sweep *sw = sweep(s, &a, 1, 2, true, 5);
    assert_int_equal(tt_sweep_failures(sw), 5);
    json_t *j = as_json(sw);
    json_t *fails = json_object_get(json_array_get(json_object_get(j, "answers"), 0), "failures");
    assert_int_equal(json_array_size(fails), 5);
    const char *msg = json_string_value(json_object_get(json_array_get(fails, 0), "message"));
    assert_non_null(strstr(msg, "refused"));
    assert_non_null(strstr(msg, "tell_boss"));
    json_decref(j);
    tt_sweep_free(sw);
    tt_action_script_free(&a);
    tt_script_free(s);
}

static const char ENDLESS[] =
    "local function t(x) return { ja = x, en = x } end\n"
    "return scenario {\n"
    "  id = \"endless\", source = \"test\", length = \"1h\",\n"
    "  title = t(\"e\"), summary = t(\"e\"), invented = t(\"all\"),\n"
    "  roles = { staff = { name = t(\"Staff\") } },\n"
    "  every = { { id = \"spin\", period = \"10m\", run = function() while true do end end } },\n"
    "  actions = { a = { by = \"staff\", label = t(\"a\"), takes = \"1m\", completes = \"o\" } },\n"
    "  objectives = { o = { phase = \"isolate\", title = t(\"o\"), target = \"30m\", limit = \"1h\" } },\n"
    "}\n";

static void a_hostile_scenario_fails_each_run_and_the_sweep_ends(void **state)
{
    (void)state;
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    limits.call_instructions = 100000; /* quick to trip */
    tt_error err;
    tt_script *s = tt_script_load_buffer("endless.lua", ENDLESS, sizeof ENDLESS - 1, &limits,
                                         &err);
    if (!s)
        fail_msg("%s", err.message);
    tt_action_script a;
    answers(s, "actions: []\n", &a);
    tt_sweep *sw = sweep(s, &a, 1, 2, false, 4);
    assert_int_equal(tt_sweep_failures(sw), 4);
    json_t *j = as_json(sw);
    json_t *fails = json_object_get(json_array_get(json_object_get(j, "answers"), 0), "failures");
    const char *msg = json_string_value(json_object_get(json_array_get(fails, 0), "message"));
    assert_non_null(strstr(msg, "instruction budget"));
    assert_non_null(strstr(msg, "every.spin.run"));
    /* Located in every exercise, the rebuilt states' too (the same line). */
    for (size_t i = 0; i < json_array_size(fails); i++) {
        msg = json_string_value(json_object_get(json_array_get(fails, i), "message"));
        if (!strstr(msg, "endless.lua:6: "))
            fail_msg("failure %zu not located: %s", i, msg);
    }
    json_decref(j);

    /* The HTML report is self-contained: SVG histograms, no script. */
    char *html = tt_sweep_render(sw, TT_SWEEP_HTML, TT_LANG_JA, NULL, &err);
    assert_non_null(html);
    assert_null(strstr(html, "<script"));
    assert_non_null(strstr(html, "lang=\"ja\""));
    free(html);
    tt_sweep_free(sw);
    tt_action_script_free(&a);
    tt_script_free(s);
}

static void html_and_markdown_show_histograms_and_tables(void **state)
{
    (void)state;
    tt_script *s = load_mini();
    tt_action_script a;
    answers(s, GOOD, &a);
    tt_sweep *sw = sweep(s, &a, 1, 1, false, 10);
    tt_error err;
    char *html = tt_sweep_render(sw, TT_SWEEP_HTML, TT_LANG_EN, NULL, &err);
    assert_non_null(html);
    assert_non_null(strstr(html, "<svg class=\"hist\""));
    assert_null(strstr(html, "<script"));
    assert_non_null(strstr(html, "Mini exercise"));
    free(html);
    char *md = tt_sweep_render(sw, TT_SWEEP_MD, TT_LANG_JA, NULL, &err);
    assert_non_null(md);
    assert_non_null(strstr(md, "| 目標 |"));
    assert_non_null(strstr(md, "小さな演習"));
    free(md);
    tt_sweep_free(sw);
    tt_action_script_free(&a);
    tt_script_free(s);
}

/* The commands: run --strict exits 1 on a refused step (0 without it);
 * sweep's bad input exits 2, failed exercises 1, a clean sweep 0. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char args[2048], cmd[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' %s >/dev/null 2>&1", getenv("TT_BUILD_DIR"),
             getenv("TT_BINARY"), args);
    int rc = system(cmd);
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

static void strict_and_exit_codes_on_the_command_line(void **state)
{
    (void)state;
    const char *dir = getenv("TT_BUILD_DIR");
    assert_non_null(dir);
    char script[1024], mini[1024];
    snprintf(script, sizeof script, "%s/test-sweep-refused.yaml", dir);
    snprintf(mini, sizeof mini, "%s/tests/exercise/fixtures/mini.lua", getenv("TT_SOURCE_DIR"));
    FILE *f = fopen(script, "w");
    assert_non_null(f);
    fputs(REFUSED, f);
    fclose(f);
    char j1[1100], j2[1100];
    snprintf(j1, sizeof j1, "%s/test-sweep-j1.yaml", dir);
    snprintf(j2, sizeof j2, "%s/test-sweep-j2.yaml", dir);
    unlink(j1);
    unlink(j2);
    assert_int_equal(sh("run '%s' --script '%s' --ui none --no-scorecard --journal '%s' --strict",
                        mini, script, j1), 1);
    assert_int_equal(sh("run '%s' --script '%s' --ui none --no-scorecard --journal '%s'", mini,
                        script, j2), 0);
    assert_int_equal(sh("sweep '%s' --script '%s' --runs 3 -o test-sweep.json", mini, script), 0);
    assert_int_equal(sh("sweep '%s' --script '%s' --runs 3 --strict -o test-sweep.json", mini,
                        script), 1);
    assert_int_equal(sh("sweep '%s' --script '%s' --seeds 5..2 -o test-sweep.json", mini, script),
                     2);
    assert_int_equal(sh("sweep '%s' --script '%s' -o test-sweep.txt", mini, script), 2);
    assert_int_equal(sh("sweep '%s' -o test-sweep.json", mini), 2);
    assert_int_equal(sh("sweep '%s' --script '%s' --set nope=1 -o test-sweep.json", mini, script),
                     2);
    unlink(j1);
    unlink(j2);
    unlink(script);
}

/* The sweep's in-memory score is the one `tabletop score` gives for the
 * journal `tabletop run` writes of the same exercise: every scenario's model
 * answer, two seeds; score, rating, and each objective's reach and rating. */
static void sweep_scores_what_score_gives_for_the_journal(void **state)
{
    (void)state;
    static const char *const ids[] = { "mail-form-flood", "exposed-monitoring", "ransomware",
                                       "admin-server-breach", "wordpress-xss",
                                       "card-buffer-outage" };
    char dir[] = "/tmp/tt-sweep-score-XXXXXX";
    assert_non_null(mkdtemp(dir));
    const char *src = getenv("TT_SOURCE_DIR");
    size_t compared = 0;
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        for (int seed = 2; seed <= 5; seed += 3) {
            char answer[1024], journal[1100], card[1100], report[1100];
            snprintf(answer, sizeof answer, "%s/scenarios/answers/%s/model.yaml", src, ids[i]);
            snprintf(journal, sizeof journal, "%s/j.yaml", dir);
            snprintf(card, sizeof card, "%s/card.json", dir);
            snprintf(report, sizeof report, "%s/sweep.json", dir);
            unlink(journal);
            assert_int_equal(sh("run %s --script '%s' --seed %d --ui none --no-scorecard "
                                "--journal '%s'", ids[i], answer, seed, journal), 0);
            assert_int_equal(sh("score '%s' -o '%s'", journal, card), 0);
            assert_int_equal(sh("sweep %s --script '%s' --seeds %d..%d --jobs 1 -o '%s'", ids[i],
                                answer, seed, seed, report), 0);
            json_error_t jerr;
            json_t *c = json_load_file(card, 0, &jerr);
            json_t *w = json_load_file(report, 0, &jerr);
            assert_non_null(c);
            assert_non_null(w);
            json_t *ans = json_array_get(json_object_get(w, "answers"), 0);
            json_t *score = json_object_get(ans, "score");
            double card_score = json_number_value(json_object_get(c, "score"));
            assert_true(json_number_value(json_object_get(score, "min")) == card_score);
            assert_true(json_number_value(json_object_get(score, "max")) == card_score);
            const char *rating = json_string_value(json_object_get(c, "rating"));
            assert_non_null(rating);
            assert_true(json_number_value(json_object_get(json_object_get(ans, "rating"),
                                                          rating)) == 1.0);
            json_t *cobjs = json_object_get(c, "objectives");
            json_t *wobjs = json_object_get(ans, "objectives");
            assert_int_equal(json_array_size(cobjs), json_array_size(wobjs));
            for (size_t k = 0; k < json_array_size(cobjs); k++) {
                json_t *co = json_array_get(cobjs, k);
                const char *id = json_string_value(json_object_get(co, "id"));
                json_t *wo = NULL;
                for (size_t m = 0; m < json_array_size(wobjs); m++)
                    if (strcmp(json_string_value(json_object_get(json_array_get(wobjs, m), "id")),
                               id) == 0)
                        wo = json_array_get(wobjs, m);
                assert_non_null(wo);
                json_t *reached = json_object_get(co, "reached_s");
                if (json_is_number(reached)) {
                    assert_true(json_number_value(json_object_get(wo, "reached")) == 1.0);
                    assert_true(json_number_value(json_object_get(json_object_get(wo, "reach_s"),
                                                                  "min")) ==
                                json_number_value(reached));
                } else {
                    assert_true(json_number_value(json_object_get(wo, "reached")) == 0.0);
                }
                const char *r = json_string_value(json_object_get(co, "rating"));
                if (r && strlen(r) == 1)
                    assert_true(json_number_value(json_object_get(json_object_get(wo, "rating"),
                                                                  r)) == 1.0);
            }
            json_decref(c);
            json_decref(w);
            compared++;
        }
    }
    char path[1100];
    const char *names[] = { "j.yaml", "card.json", "sweep.json" };
    for (size_t i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    assert_int_equal(compared, 12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(outcome_does_not_depend_on_the_workers),
        cmocka_unit_test(json_report_out_of_memory_has_no_holes),
        cmocka_unit_test(strict_fails_an_exercise_with_a_refused_step),
        cmocka_unit_test(a_hostile_scenario_fails_each_run_and_the_sweep_ends),
        cmocka_unit_test(html_and_markdown_show_histograms_and_tables),
        cmocka_unit_test(strict_and_exit_codes_on_the_command_line),
        cmocka_unit_test(sweep_scores_what_score_gives_for_the_journal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
