/* A sweep's report: JSON (jansson; the contract in docs/sweep.md), Markdown
 * and a self-contained HTML page with small SVG histograms (no script). */
#include "tabletop/terms.h"
#include <errno.h>
#include <jansson.h>

#include "tabletop/json_text.h"
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Every label of the reports, in both languages. */
enum {
    L_TITLE, L_SCENARIO, L_SEEDS, L_SETTINGS, L_STRICT, L_ANSWER, L_RUNS, L_FAILED,
    L_SCORE, L_RATING, L_OBJECTIVES, L_OBJECTIVE, L_REACHED, L_MIN, L_MEDIAN, L_P90, L_MAX,
    L_MEAN, L_P10, L_DAMAGE, L_METRIC, L_EXTREMES, L_WORST, L_BEST, L_FAILURES, L_SEED,
    L_NONE, L_TARGET, L_YES, L_NO, L_SHARES, L_HIST, L_COUNT
};
static const char *const LABELS[L_COUNT][2] = {
    [L_TITLE] = { "シード別の結果分布（sweep）", "Outcome over seeds (sweep)" },
    [L_SCENARIO] = { "シナリオ", "Scenario" },
    [L_SEEDS] = { "シード", "Seeds" },
    [L_SETTINGS] = { "設定", "Settings" },
    [L_STRICT] = { "拒否された対応を誤りとする（--strict）", "Refused steps are errors (--strict)" },
    [L_ANSWER] = { "解答スクリプト", "Answer script" },
    [L_RUNS] = { "演習数", "Exercises" },
    [L_FAILED] = { "失敗", "Failed" },
    [L_SCORE] = { "スコア", "Score" },
    [L_RATING] = { "評価", "Rating" },
    [L_OBJECTIVES] = { "目標", "Objectives" },
    [L_OBJECTIVE] = { "目標", "Objective" },
    [L_REACHED] = { "達成率", "Reached" },
    [L_MIN] = { "最小", "Min" },
    [L_MEDIAN] = { "中央値", "Median" },
    [L_P90] = { "90%点", "p90" },
    [L_MAX] = { "最大", "Max" },
    [L_MEAN] = { "平均", "Mean" },
    [L_P10] = { "10%点", "p10" },
    [L_DAMAGE] = { "被害の指標", "Damage metrics" },
    [L_METRIC] = { "指標", "Metric" },
    [L_EXTREMES] = { "極端な結果のシード", "Seeds giving the extremes" },
    [L_WORST] = { "最低スコア", "Lowest score" },
    [L_BEST] = { "最高スコア", "Highest score" },
    [L_FAILURES] = { "失敗した演習", "Failed exercises" },
    [L_SEED] = { "シード", "Seed" },
    [L_NONE] = { "なし", "none" },
    [L_TARGET] = { "目標時間", "Target" },
    [L_YES] = { "はい", "yes" },
    [L_NO] = { "いいえ", "no" },
    [L_SHARES] = { "P/S/M/U の割合", "P/S/M/U shares" },
    [L_HIST] = { "分布", "Distribution" },
};

static const char *L(tt_lang lang, int id)
{
    return LABELS[id][lang == TT_LANG_JA ? 0 : 1];
}

static const char *tx(const tt_text *t, tt_lang lang)
{
    const char *s = lang == TT_LANG_JA ? t->ja : t->en;
    return s ? s : (t->en ? t->en : (t->ja ? t->ja : ""));
}

bool tt_sweep_format_from_path(const char *path, tt_sweep_format *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot || strchr(dot, '/'))
        return false;
    if (strcmp(dot, ".html") == 0 || strcmp(dot, ".htm") == 0)
        *out = TT_SWEEP_HTML;
    else if (strcmp(dot, ".md") == 0)
        *out = TT_SWEEP_MD;
    else if (strcmp(dot, ".json") == 0)
        *out = TT_SWEEP_JSON;
    else
        return false;
    return true;
}

static void fmt_time(double seconds, char *buf, size_t size)
{
    tt_ms_format((tt_ms)llround(seconds * 1000.0), buf, size);
}

static void fmt_num(double v, char *buf, size_t size)
{
    if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.2f", v);
}

static double share(size_t k, size_t n)
{
    return n ? (double)k / (double)n : 0.0;
}

static void settings_text(const tt_sweep *sw, char *buf, size_t size)
{
    buf[0] = '\0';
    for (size_t i = 0; i < sw->n_overrides; i++) {
        char v[200];
        tt_value_format(&sw->overrides[i].value, v, sizeof v);
        size_t len = strlen(buf);
        snprintf(buf + len, size - len, "%s%s=%s", i ? ", " : "", sw->overrides[i].key, v);
    }
}

/* ---- JSON ---- */

static json_t *dist_json(const sw_dist *d, bool times)
{
    if (d->n == 0)
        return json_null();
    json_t *hist = json_array();
    bool ok = hist != NULL;
    for (size_t i = 0; ok && i < SW_BINS; i++)
        ok = json_array_append_new(hist, json_integer((json_int_t)d->hist[i])) == 0;
    if (!ok) {
        json_decref(hist);
        return NULL;
    }
    json_t *o = json_pack("{s:I, s:f, s:f, s:f, s:f, s:f, s:f, s:I, s:I, s:{s:f, s:f, s:o}}",
                          "n", (json_int_t)d->n, "min", d->min, "p10", d->p10, "median",
                          d->median, "mean", d->mean, "p90", d->p90, "max", d->max, "min_seed",
                          (json_int_t)d->min_seed, "max_seed", (json_int_t)d->max_seed,
                          "histogram", "from", d->lo, "to", d->hi, "counts", hist);
    (void)times;
    return o;
}

static json_t *ratings_json(const size_t counts[4], size_t n)
{
    return json_pack("{s:f, s:f, s:f, s:f}", "P", share(counts[0], n), "S",
                     share(counts[1], n), "M", share(counts[2], n), "U", share(counts[3], n));
}

/* A file name or a message as JSON text; one that is not UTF-8 (a path
 * can be any bytes) becomes the replacement character, not a hole. NULL:
 * out of memory. */
static json_t *jstr(const char *s)
{
    s = s ? s : "";
    json_t *v = json_string(s);
    return v || tt_utf8_valid(s, strlen(s)) ? v : json_string("\xEF\xBF\xBD");
}

static json_t *value_json(const tt_value *v)
{
    switch (v->type) {
    case TT_VAL_BOOL: return json_boolean(v->as.b);
    case TT_VAL_INT: return json_integer((json_int_t)v->as.i);
    case TT_VAL_NUM: return json_real(v->as.n);
    default: return jstr(v->as.s);
    }
}

/* Sticky: false once a value could not be made or placed (out of memory);
 * the report is then not written rather than written with holes. */
static void put(bool *ok, json_t *o, const char *key, json_t *v)
{
    if (json_object_set_new(o, key, v) != 0)   /* frees v; fails on NULL o or v */
        *ok = false;
}

static void push(bool *ok, json_t *a, json_t *v)
{
    if (json_array_append_new(a, v) != 0)
        *ok = false;
}

static json_t *answer_json(const tt_sweep *sw, const sw_answer *ans, bool *ok)
{
    json_t *o = json_object();
    put(ok, o, "script", jstr(ans->path));
    put(ok, o, "runs", json_integer((json_int_t)ans->runs));
    put(ok, o, "scored", json_integer((json_int_t)ans->scored));
    put(ok, o, "failed", json_integer((json_int_t)ans->n_failures));
    json_t *fails = json_array();
    for (size_t i = 0; i < ans->n_failures && i < SW_MAX_LISTED; i++)
        push(ok, fails, json_pack("{s:I, s:o}", "seed", (json_int_t)ans->listed[i].seed,
                                  "message", jstr(ans->listed[i].message)));
    put(ok, o, "failures", fails);
    put(ok, o, "score", dist_json(&ans->score, false));
    put(ok, o, "rating", ratings_json(ans->ratings, ans->scored));
    json_t *objs = json_array();
    for (size_t i = 0; i < sw->sc->n_objectives; i++) {
        const sw_objective *so = &ans->objectives[i];
        push(ok, objs,
             json_pack("{s:s, s:s, s:f, s:f, s:f, s:o, s:o}", "id", so->def->id, "phase",
                       tt_objective_phase_name(so->def->phase), "target_s",
                       (double)so->def->target / 1000.0, "limit_s",
                       (double)so->def->limit / 1000.0, "reached",
                       share(so->reached, ans->scored), "reach_s", dist_json(&so->reach_s, true),
                       "rating", ratings_json(so->ratings, ans->scored)));
    }
    put(ok, o, "objectives", objs);
    json_t *dmg = json_array();
    for (size_t m = 0; m < ans->n_metrics; m++) {
        const sw_metric *sm = &ans->metrics[m];
        push(ok, dmg,
             json_pack("{s:s, s:{s:s?, s:s?}, s:{s:s?, s:s?}, s:o}", "key", sm->def->key,
                       "label", "ja", sm->def->label.ja, "en", sm->def->label.en, "unit", "ja",
                       sm->def->unit.ja, "en", sm->def->unit.en, "value",
                       dist_json(&sm->value, false)));
    }
    put(ok, o, "damage", dmg);
    return o;
}

static char *render_json(const tt_sweep *sw, size_t *len)
{
    bool ok = true;
    json_t *root = json_object();
    put(&ok, root, "tabletop_sweep", json_integer(1));
    put(&ok, root, "engine", json_string(tt_version()));
    put(&ok, root, "scenario",
        json_pack("{s:s, s:o, s:s}", "id", sw->sc->id, "path", jstr(sw->scenario_path), "hash",
                  sw->sc->hash ? sw->sc->hash : ""));
    put(&ok, root, "seeds",
        json_pack("{s:I, s:I}", "first", (json_int_t)sw->first_seed, "last",
                  (json_int_t)sw->last_seed));
    json_t *settings = json_object();
    for (size_t i = 0; i < sw->n_overrides; i++)
        put(&ok, settings, sw->overrides[i].key, value_json(&sw->overrides[i].value));
    put(&ok, root, "settings", settings);
    put(&ok, root, "strict", json_boolean(sw->strict));
    put(&ok, root, "jobs", json_integer(sw->jobs));
    put(&ok, root, "seconds", json_real(sw->seconds));
    json_t *answers = json_array();
    for (size_t a = 0; a < sw->n_answers; a++)
        push(&ok, answers, answer_json(sw, &sw->answers[a], &ok));
    put(&ok, root, "answers", answers);
    char *text = ok ? tt_json_dumps(root, JSON_INDENT(2) | JSON_PRESERVE_ORDER |
                                           JSON_REAL_PRECISION(10))
                    : NULL;
    json_decref(root);
    if (text && len)
        *len = strlen(text);
    return text;
}

/* ---- Markdown ---- */

static void md_dist_row(tt_buf *o, const char *name, const sw_dist *d, bool times)
{
    char v[6][48];
    const double xs[6] = { d->min, d->p10, d->median, d->mean, d->p90, d->max };
    for (int i = 0; i < 6; i++) {
        if (times)
            fmt_time(xs[i], v[i], sizeof v[i]);
        else
            fmt_num(xs[i], v[i], sizeof v[i]);
    }
    tt_buf_printf(o, "| ");
    tt_buf_md(o, name);
    tt_buf_printf(o, " | %s | %s | %s | %s | %s | %s |\n", v[0], v[1], v[2], v[3], v[4], v[5]);
}

static void render_md(const tt_sweep *sw, tt_lang lang, tt_buf *o)
{
    tt_buf_printf(o, "# %s: ", L(lang, L_TITLE));
    tt_buf_md(o, tx(&sw->sc->title, lang));
    tt_buf_printf(o, "\n\n- %s: `%s` (", L(lang, L_SCENARIO), sw->sc->id);
    tt_buf_md(o, sw->scenario_path);
    tt_buf_printf(o, ")\n- %s: %llu..%llu\n", L(lang, L_SEEDS), (unsigned long long)sw->first_seed,
        (unsigned long long)sw->last_seed);
    char settings[1024];
    settings_text(sw, settings, sizeof settings);
    if (settings[0]) {
        tt_buf_printf(o, "- %s: ", L(lang, L_SETTINGS));
        tt_buf_md(o, settings);
        tt_buf_printf(o, "\n");
    }
    if (sw->strict)
        tt_buf_printf(o, "- %s\n", L(lang, L_STRICT));
    for (size_t a = 0; a < sw->n_answers; a++) {
        const sw_answer *ans = &sw->answers[a];
        tt_buf_printf(o, "\n## %s: ", L(lang, L_ANSWER));
        tt_buf_md(o, ans->path);
        tt_buf_printf(o, "\n\n%s: %zu, %s: %zu\n\n", L(lang, L_RUNS), ans->runs, L(lang, L_FAILED),
            ans->n_failures);
        if (ans->scored) {
            tt_buf_printf(o, "| | %s | %s | %s | %s | %s | %s |\n|---|---:|---:|---:|---:|---:|---:|\n",
                L(lang, L_MIN), L(lang, L_P10), L(lang, L_MEDIAN), L(lang, L_MEAN),
                L(lang, L_P90), L(lang, L_MAX));
            md_dist_row(o, L(lang, L_SCORE), &ans->score, false);
            tt_buf_printf(o, "\n%s (%s): P %.0f%%, S %.0f%%, M %.0f%%, U %.0f%%\n", L(lang, L_RATING),
                L(lang, L_SHARES), 100 * share(ans->ratings[0], ans->scored),
                100 * share(ans->ratings[1], ans->scored),
                100 * share(ans->ratings[2], ans->scored),
                100 * share(ans->ratings[3], ans->scored));
            tt_buf_printf(o, "\n%s: %s %d (%s %llu), %s %d (%s %llu)\n", L(lang, L_EXTREMES),
                L(lang, L_WORST), (int)ans->score.min, L(lang, L_SEED),
                (unsigned long long)ans->score.min_seed, L(lang, L_BEST), (int)ans->score.max,
                L(lang, L_SEED), (unsigned long long)ans->score.max_seed);

            tt_buf_printf(o, "\n### %s\n\n| %s | %s | %s | %s | %s | %s | %s | P | S | M | U |\n"
                   "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
                L(lang, L_OBJECTIVES), L(lang, L_OBJECTIVE), L(lang, L_TARGET),
                L(lang, L_REACHED), L(lang, L_MIN), L(lang, L_MEDIAN), L(lang, L_P90),
                L(lang, L_MAX));
            for (size_t i = 0; i < sw->sc->n_objectives; i++) {
                const sw_objective *so = &ans->objectives[i];
                char target[32], t[4][32];
                tt_ms_format(so->def->target, target, sizeof target);
                const double xs[4] = { so->reach_s.min, so->reach_s.median, so->reach_s.p90,
                                       so->reach_s.max };
                for (int k = 0; k < 4; k++) {
                    if (so->reach_s.n)
                        fmt_time(xs[k], t[k], sizeof t[k]);
                    else
                        snprintf(t[k], sizeof t[k], "-");
                }
                tt_buf_printf(o, "| ");
                tt_buf_md(o, tx(&so->def->title, lang));
                tt_buf_printf(o, " | %s | %.0f%% | %s | %s | %s | %s | %.0f%% | %.0f%% | %.0f%% | %.0f%% |\n",
                    target, 100 * share(so->reached, ans->scored), t[0], t[1], t[2], t[3],
                    100 * share(so->ratings[0], ans->scored),
                    100 * share(so->ratings[1], ans->scored),
                    100 * share(so->ratings[2], ans->scored),
                    100 * share(so->ratings[3], ans->scored));
            }
            if (ans->n_metrics) {
                tt_buf_printf(o, "\n### %s\n\n| %s | %s | %s | %s | %s | %s | %s | %s |\n"
                       "|---|---:|---:|---:|---:|---:|---:|---|\n",
                    L(lang, L_DAMAGE), L(lang, L_METRIC), L(lang, L_MIN), L(lang, L_P10),
                    L(lang, L_MEDIAN), L(lang, L_MEAN), L(lang, L_P90), L(lang, L_MAX),
                    L(lang, L_EXTREMES));
                for (size_t m = 0; m < ans->n_metrics; m++) {
                    const sw_metric *sm = &ans->metrics[m];
                    if (!sm->value.n)
                        continue;
                    char v[6][48];
                    const double xs[6] = { sm->value.min, sm->value.p10, sm->value.median,
                                           sm->value.mean, sm->value.p90, sm->value.max };
                    for (int k = 0; k < 6; k++)
                        fmt_num(xs[k], v[k], sizeof v[k]);
                    tt_buf_printf(o, "| ");
                    tt_buf_md(o, tx(&sm->def->label, lang));
                    tt_buf_printf(o, " | %s | %s | %s | %s | %s | %s | %s %llu / %s %llu |\n", v[0], v[1],
                        v[2], v[3], v[4], v[5], L(lang, L_MIN),
                        (unsigned long long)sm->value.min_seed, L(lang, L_MAX),
                        (unsigned long long)sm->value.max_seed);
                }
            }
        }
        if (ans->n_failures) {
            tt_buf_printf(o, "\n### %s\n\n| %s | |\n|---:|---|\n", L(lang, L_FAILURES), L(lang, L_SEED));
            for (size_t i = 0; i < ans->n_failures && i < SW_MAX_LISTED; i++) {
                tt_buf_printf(o, "| %llu | ", (unsigned long long)ans->listed[i].seed);
                tt_buf_md(o, ans->listed[i].message);
                tt_buf_printf(o, " |\n");
            }
        }
    }
}

/* ---- HTML ---- */

static void svg_hist(tt_buf *o, const sw_dist *d, const char *label)
{
    size_t top = 1;
    for (int i = 0; i < SW_BINS; i++)
        if (d->hist[i] > top)
            top = d->hist[i];
    tt_buf_printf(o, "<svg class=\"hist\" width=\"200\" height=\"48\" viewBox=\"0 0 200 48\" role=\"img\" "
           "aria-label=\"");
    tt_buf_html(o, label);
    tt_buf_printf(o, "\">");
    for (int i = 0; i < SW_BINS; i++) {
        int h = (int)llround(44.0 * (double)d->hist[i] / (double)top);
        tt_buf_printf(o, "<rect x=\"%d\" y=\"%d\" width=\"18\" height=\"%d\"><title>%zu</title></rect>",
            i * 20 + 1, 46 - h, h ? h : 0, d->hist[i]);
    }
    tt_buf_printf(o, "<line x1=\"0\" y1=\"47\" x2=\"200\" y2=\"47\"/></svg>");
}

static void html_cells(tt_buf *o, const double *xs, int n, bool times)
{
    for (int i = 0; i < n; i++) {
        char v[48];
        if (times)
            fmt_time(xs[i], v, sizeof v);
        else
            fmt_num(xs[i], v, sizeof v);
        tt_buf_printf(o, "<td class=\"n\">%s</td>", v);
    }
}

static void render_html(const tt_sweep *sw, tt_lang lang, tt_buf *o)
{
    tt_buf_printf(o, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n<title>",
        lang == TT_LANG_JA ? "ja" : "en");
    tt_buf_html(o, L(lang, L_TITLE));
    tt_buf_printf(o, ": ");
    tt_buf_html(o, tx(&sw->sc->title, lang));
    tt_buf_printf(o, "</title>\n<style>\n"
           "body{font-family:sans-serif;max-width:72rem;margin:1rem auto;padding:0 1rem;color:#222}\n"
           "table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem}\n"
           "th{background:#f2f2f2;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
           "svg.hist rect{fill:#4a7bb7}svg.hist line{stroke:#888}\n"
           ".fail{color:#a00}\n</style>\n</head>\n<body>\n<h1>");
    tt_buf_html(o, L(lang, L_TITLE));
    tt_buf_printf(o, ": ");
    tt_buf_html(o, tx(&sw->sc->title, lang));
    tt_buf_printf(o, "</h1>\n<ul>\n<li>%s: <code>", L(lang, L_SCENARIO));
    tt_buf_html(o, sw->sc->id);
    tt_buf_printf(o, "</code> (");
    tt_buf_html(o, sw->scenario_path);
    tt_buf_printf(o, ")</li>\n<li>%s: %llu..%llu</li>\n", L(lang, L_SEEDS),
        (unsigned long long)sw->first_seed, (unsigned long long)sw->last_seed);
    char settings[1024];
    settings_text(sw, settings, sizeof settings);
    if (settings[0]) {
        tt_buf_printf(o, "<li>%s: ", L(lang, L_SETTINGS));
        tt_buf_html(o, settings);
        tt_buf_printf(o, "</li>\n");
    }
    if (sw->strict)
        tt_buf_printf(o, "<li>%s</li>\n", L(lang, L_STRICT));
    tt_buf_printf(o, "</ul>\n");
    for (size_t a = 0; a < sw->n_answers; a++) {
        const sw_answer *ans = &sw->answers[a];
        tt_buf_printf(o, "<section>\n<h2>%s: <code>", L(lang, L_ANSWER));
        tt_buf_html(o, ans->path);
        tt_buf_printf(o, "</code></h2>\n<p>%s: %zu, %s: <span%s>%zu</span></p>\n", L(lang, L_RUNS),
            ans->runs, L(lang, L_FAILED), ans->n_failures ? " class=\"fail\"" : "",
            ans->n_failures);
        if (ans->scored) {
            tt_buf_printf(o, "<table>\n<tr><th></th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                   "<th>%s</th><th>%s</th></tr>\n<tr><th>%s</th>",
                L(lang, L_MIN), L(lang, L_P10), L(lang, L_MEDIAN), L(lang, L_MEAN),
                L(lang, L_P90), L(lang, L_MAX), L(lang, L_HIST), L(lang, L_SCORE));
            const double xs[6] = { ans->score.min, ans->score.p10, ans->score.median,
                                   ans->score.mean, ans->score.p90, ans->score.max };
            html_cells(o, xs, 6, false);
            tt_buf_printf(o, "<td>");
            svg_hist(o, &ans->score, L(lang, L_SCORE));
            tt_buf_printf(o, "</td></tr>\n</table>\n<p>%s (%s): P %.0f%%, S %.0f%%, M %.0f%%, U %.0f%%</p>\n",
                L(lang, L_RATING), L(lang, L_SHARES), 100 * share(ans->ratings[0], ans->scored),
                100 * share(ans->ratings[1], ans->scored),
                100 * share(ans->ratings[2], ans->scored),
                100 * share(ans->ratings[3], ans->scored));
            tt_buf_printf(o, "<p>%s: %s %d (%s %llu), %s %d (%s %llu)</p>\n", L(lang, L_EXTREMES),
                L(lang, L_WORST), (int)ans->score.min, L(lang, L_SEED),
                (unsigned long long)ans->score.min_seed, L(lang, L_BEST), (int)ans->score.max,
                L(lang, L_SEED), (unsigned long long)ans->score.max_seed);
            tt_buf_printf(o, "<h3>%s</h3>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                   "<th>%s</th><th>%s</th><th>%s</th><th>P</th><th>S</th><th>M</th><th>U</th>"
                   "<th>%s</th></tr>\n",
                L(lang, L_OBJECTIVES), L(lang, L_OBJECTIVE), L(lang, L_TARGET),
                L(lang, L_REACHED), L(lang, L_MIN), L(lang, L_MEDIAN), L(lang, L_P90),
                L(lang, L_MAX), L(lang, L_HIST));
            for (size_t i = 0; i < sw->sc->n_objectives; i++) {
                const sw_objective *so = &ans->objectives[i];
                char target[32];
                tt_ms_format(so->def->target, target, sizeof target);
                tt_buf_printf(o, "<tr><td>");
                tt_buf_html(o, tx(&so->def->title, lang));
                tt_buf_printf(o, "</td><td class=\"n\">%s</td><td class=\"n\">%.0f%%</td>", target,
                    100 * share(so->reached, ans->scored));
                if (so->reach_s.n) {
                    const double ts[4] = { so->reach_s.min, so->reach_s.median, so->reach_s.p90,
                                           so->reach_s.max };
                    html_cells(o, ts, 4, true);
                } else {
                    tt_buf_printf(o, "<td class=\"n\">-</td><td class=\"n\">-</td><td class=\"n\">-</td>"
                           "<td class=\"n\">-</td>");
                }
                for (int k = 0; k < 4; k++)
                    tt_buf_printf(o, "<td class=\"n\">%.0f%%</td>", 100 * share(so->ratings[k], ans->scored));
                tt_buf_printf(o, "<td>");
                if (so->reach_s.n)
                    svg_hist(o, &so->reach_s, tx(&so->def->title, lang));
                tt_buf_printf(o, "</td></tr>\n");
            }
            tt_buf_printf(o, "</table>\n");
            if (ans->n_metrics) {
                tt_buf_printf(o, "<h3>%s</h3>\n<table>\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                       "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                    L(lang, L_DAMAGE), L(lang, L_METRIC), L(lang, L_MIN), L(lang, L_P10),
                    L(lang, L_MEDIAN), L(lang, L_MEAN), L(lang, L_P90), L(lang, L_MAX),
                    L(lang, L_EXTREMES), L(lang, L_HIST));
                for (size_t m = 0; m < ans->n_metrics; m++) {
                    const sw_metric *sm = &ans->metrics[m];
                    if (!sm->value.n)
                        continue;
                    tt_buf_printf(o, "<tr><td>");
                    tt_buf_html(o, tx(&sm->def->label, lang));
                    tt_buf_printf(o, "</td>");
                    const double vs[6] = { sm->value.min, sm->value.p10, sm->value.median,
                                           sm->value.mean, sm->value.p90, sm->value.max };
                    html_cells(o, vs, 6, false);
                    tt_buf_printf(o, "<td>%s %llu / %s %llu</td><td>", L(lang, L_MIN),
                        (unsigned long long)sm->value.min_seed, L(lang, L_MAX),
                        (unsigned long long)sm->value.max_seed);
                    svg_hist(o, &sm->value, tx(&sm->def->label, lang));
                    tt_buf_printf(o, "</td></tr>\n");
                }
                tt_buf_printf(o, "</table>\n");
            }
        }
        if (ans->n_failures) {
            tt_buf_printf(o, "<h3 class=\"fail\">%s</h3>\n<table>\n<tr><th>%s</th><th></th></tr>\n",
                L(lang, L_FAILURES), L(lang, L_SEED));
            for (size_t i = 0; i < ans->n_failures && i < SW_MAX_LISTED; i++) {
                tt_buf_printf(o, "<tr><td class=\"n\">%llu</td><td>", (unsigned long long)ans->listed[i].seed);
                tt_buf_html(o, ans->listed[i].message);
                tt_buf_printf(o, "</td></tr>\n");
            }
            tt_buf_printf(o, "</table>\n");
        }
        tt_buf_printf(o, "</section>\n");
    }
    tt_buf_printf(o, "</body>\n</html>\n");
}

char *tt_sweep_render(const tt_sweep *sw, tt_sweep_format fmt, tt_lang lang, size_t *len,
                      tt_error *err)
{
    if (fmt == TT_SWEEP_JSON) {
        char *text = render_json(sw, len);
        if (!text)
            tt_error_oom(err, NULL);
        return text;
    }
    tt_buf o = TT_BUF_INIT;
    if (fmt == TT_SWEEP_MD)
        render_md(sw, lang, &o);
    else
        render_html(sw, lang, &o);
    char *text = tt_buf_take(&o, len);
    if (!text)
        tt_error_oom(err, NULL);
    return text;
}

int tt_sweep_write(const tt_sweep *sw, const char *path, tt_sweep_format fmt, tt_lang lang,
                   tt_error *err)
{
    size_t len = 0;
    char *text = tt_sweep_render(sw, fmt, lang, &len, err);
    if (!text)
        return -1;
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof tmp) {
        free(text);
        tt_error_set(err, path, 0, 0, TT_MSG(E_PATH_TOO_LONG));
        return -1;
    }
    FILE *f = fopen(tmp, "wb");
    bool ok = f && fwrite(text, 1, len, f) == len;
    int saved = errno;
    if (f && fclose(f) != 0 && ok) {
        ok = false;
        saved = errno;
    }
    if (ok && rename(tmp, path) != 0) {
        ok = false;
        saved = errno;
    }
    free(text);
    if (!ok) {
        unlink(tmp);
        tt_error_runtime(err, path, TT_MSG(E_SWEEP_CANNOT_WRITE_REPORT_FMT), tt_os_error(saved));
        return -1;
    }
    return 0;
}
