/* Golden scorecards: for every scenario's scripted answers, the scoring part
 * of the JSON card (ratings, scores, times, damage, bad actions, lessons,
 * plan rows, roles, the real case's history beside the team's; texts left out) is compared structurally with
 * tests/score/golden/ID-ANSWER.json.
 *
 * A golden file pins the scorer's behaviour for one version of a scenario
 * (its content hash is stored). Equal outcomes always pass; different
 * ones fail, unless the scenario file changed since (then a notice asks to
 * regenerate); regenerate with
 *   TT_UPDATE_GOLDEN=1 ctest -R test_score_golden
 * and review the diff. */
#define _DEFAULT_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cmocka.h>
#include <jansson.h>

#include "golden.h"
#include "tabletop/score.h"

static const char *source_dir(void)
{
    const char *s = getenv("TT_SOURCE_DIR");
    return s && *s ? s : TT_SCENARIO_DIR "/..";
}

/* Copy only `keys` of each object of an array (or of one object). */
static json_t *pick(json_t *v, const char *const *keys)
{
    if (json_is_array(v)) {
        json_t *out = json_array();
        size_t i;
        json_t *item;
        json_array_foreach(v, i, item)
            json_array_append_new(out, pick(item, keys));
        return out;
    }
    json_t *out = json_object();
    for (size_t k = 0; keys[k]; k++) {
        json_t *x = json_object_get(v, keys[k]);
        if (x)
            json_object_set(out, keys[k], x);
    }
    return out;
}

static json_t *scoring_part(json_t *card, const char *answer)
{
    static const char *const objective[] = { "id", "phase", "target_s", "limit_s", "reached_s",
                                             "from_notice_s", "rating", "score", "harmful_before",
                                             "wasted_before", NULL };
    static const char *const damage[] = { "key", "value", NULL };
    static const char *const bad[] = { "action", "kind", "at_s", "role", "cost_s", NULL };
    static const char *const lesson[] = { "id", "covered", "at_s", NULL };
    static const char *const history[] = { "action", "at_s", "team_s", NULL };
    static const char *const plan[] = { "owner", "priority", "objective", "lesson", "capability", NULL };
    static const char *const role[] = { "id", "actions", "objectives", "harmful", "wasted",
                                        "refused", "notes", "busy_s", NULL };
    json_t *g = json_object();
    json_object_set_new(g, "scenario_hash", json_deep_copy(json_object_get(card, "scenario_file_hash")));
    json_object_set(g, "scenario", json_object_get(card, "scenario"));
    json_object_set_new(g, "answer", json_string(answer));
    json_object_set(g, "score", json_object_get(card, "score"));
    json_object_set(g, "rating", json_object_get(card, "rating"));
    json_object_set(g, "complete", json_object_get(card, "complete"));
    json_object_set(g, "times", json_object_get(card, "times"));
    json_object_set_new(g, "objectives", pick(json_object_get(card, "objectives"), objective));
    json_object_set_new(g, "damage", pick(json_object_get(card, "damage"), damage));
    json_object_set_new(g, "bad_actions", pick(json_object_get(card, "bad_actions"), bad));
    json_object_set_new(g, "lessons", pick(json_object_get(card, "lessons"), lesson));
    json_object_set_new(g, "history", pick(json_object_get(card, "history"), history));
    json_object_set_new(g, "improvement_plan", pick(json_object_get(card, "improvement_plan"), plan));
    json_object_set_new(g, "roles", pick(json_object_get(card, "roles"), role));
    return g;
}

static size_t list(const char *dir, const char *ext, char names[][64], size_t max)
{
    size_t n = 0;
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < max) {
        size_t len = strlen(e->d_name), el = strlen(ext);
        if (len > el && len - el < 64 && strcmp(e->d_name + len - el, ext) == 0) {
            memcpy(names[n], e->d_name, len - el);
            names[n][len - el] = '\0';
            n++;
        }
    }
    closedir(d);
    return n;
}

static void test_golden_scorecards(void **state)
{
    (void)state;
    bool update = getenv("TT_UPDATE_GOLDEN") && *getenv("TT_UPDATE_GOLDEN");
    char dir[1024], golden_dir[1024];
    snprintf(dir, sizeof dir, "%s/scenarios", source_dir());
    snprintf(golden_dir, sizeof golden_dir, "%s/tests/score/golden", source_dir());
    if (update)
        mkdir(golden_dir, 0755);
    char scenarios[32][64], answers[32][64];
    size_t ns = list(dir, ".lua", scenarios, 32);
    size_t compared = 0, stale = 0, failures = 0;
    for (size_t s = 0; s < ns; s++) {
        char adir[1200];
        snprintf(adir, sizeof adir, "%s/answers/%s", dir, scenarios[s]);
        size_t na = list(adir, ".yaml", answers, 32);
        for (size_t a = 0; a < na; a++) {
            golden_run r;
            golden_run_answer(scenarios[s], answers[a], 0, &r);
            tt_scorecard card;
            tt_error err;
            char hash[65];
            assert_int_equal(tt_score_file_hash(r.journal_path, hash, &err), 0);
            assert_int_equal(tt_scorecard_build(&card, golden_scenario(&r), &r.journal,
                                                r.journal_path, hash, &err), 0);
            char *text = tt_scorecard_render(&card, TT_CARD_JSON, TT_LANG_EN, NULL, &err);
            assert_non_null(text);
            json_t *full = json_loads(text, 0, NULL);
            assert_non_null(full);
            json_t *got = scoring_part(full, answers[a]);
            char path[1500];
            snprintf(path, sizeof path, "%s/%s-%s.json", golden_dir, scenarios[s], answers[a]);
            if (update) {
                assert_int_equal(json_dump_file(got, path, JSON_INDENT(2) | JSON_SORT_KEYS), 0);
            } else {
                json_error_t je;
                json_t *want = json_load_file(path, 0, &je);
                if (!want) {
                    fprintf(stderr, "no golden scorecard %s: run TT_UPDATE_GOLDEN=1 ctest -R test_score_golden\n", path);
                    failures++;
                } else {
                    /* Equal outcomes pass whatever the hash; different ones
                     * fail unless the scenario itself changed since. */
                    bool same_scenario = json_equal(json_object_get(want, "scenario_hash"),
                                                    json_object_get(got, "scenario_hash"));
                    json_object_del(want, "scenario_hash");
                    json_t *got_cmp = json_deep_copy(got);
                    json_object_del(got_cmp, "scenario_hash");
                    if (json_equal(want, got_cmp)) {
                        compared++;
                    } else if (!same_scenario) {
                        fprintf(stderr, "note: %s changed since %s was written and scores differently; "
                                        "regenerate with TT_UPDATE_GOLDEN=1 and review\n", scenarios[s], path);
                        stale++;
                    } else {
                        char *w = json_dumps(want, JSON_INDENT(1) | JSON_SORT_KEYS);
                        char *g = json_dumps(got_cmp, JSON_INDENT(1) | JSON_SORT_KEYS);
                        fprintf(stderr, "golden scorecard differs: %s\n--- want\n%s\n--- got\n%s\n", path, w, g);
                        free(w);
                        free(g);
                        failures++;
                    }
                    json_decref(got_cmp);
                }
                json_decref(want);
            }
            json_decref(got);
            json_decref(full);
            free(text);
            tt_scorecard_free(&card);
            golden_free(&r);
        }
    }
    fprintf(stderr, "golden scorecards: %zu equal, %zu stale, %zu failed\n", compared, stale, failures);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_scorecards),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
