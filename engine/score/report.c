/* Reports across exercises: the model is a JSON document built from a few
 * grouped queries (the same SQL on both back-ends, every filter value a
 * parameter); HTML and Markdown are written through the card's document
 * model, CSV as one long table under RFC 4180. */
#include "tabletop/results.h"
#include "tabletop/terms.h"

#include "doc.h"
#include "store.h"
#include "util.h"

#include <jansson.h>

#include "tabletop/json_text.h"
#include <nettle/hmac.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


bool tt_report_format_from_path(const char *path, tt_report_format *out)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return false;
    static const struct { const char *ext; tt_report_format f; } map[] = {
        { ".html", TT_REPORT_HTML }, { ".htm", TT_REPORT_HTML }, { ".md", TT_REPORT_MD },
        { ".json", TT_REPORT_JSON }, { ".csv", TT_REPORT_CSV },
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(dot, map[i].ext) == 0) {
            *out = map[i].f;
            return true;
        }
    return false;
}

void tt_pseudonym(const char *kind, const char *name, char *out, size_t size)
{
    const char *key = getenv("TABLETOP_PSEUDONYM_KEY");
    if (!key || !*key)
        key = "tabletop pseudonyms";
    struct hmac_sha256_ctx ctx;
    uint8_t md[SHA256_DIGEST_SIZE];
    hmac_sha256_set_key(&ctx, strlen(key), (const uint8_t *)key);
    hmac_sha256_update(&ctx, strlen(name), (const uint8_t *)name);
    hmac_sha256_digest(&ctx, sizeof md, md);
    snprintf(out, size, "%s-%02x%02x%02x", kind, md[0], md[1], md[2]);
}

bool tt_csv_field(tt_buf *b, const char *field)
{
    const char *f = field ? field : "";
    bool formula = strchr("=+-@\t\r", f[0]) && f[0];
    bool quote = formula || strpbrk(f, ",\"\r\n") != NULL;
    tt_buf_add(b, quote ? "\"" : "");
    tt_buf_add(b, formula ? "'" : "");
    for (const char *q; (q = strchr(f, '"')); f = q + 1) {
        tt_buf_addn(b, f, (size_t)(q - f) + 1); /* through the quote, */
        tt_buf_add(b, "\"");                    /* doubled */
    }
    tt_buf_add(b, f);
    return tt_buf_add(b, quote ? "\"" : "");
}

/* ---- The model ---- */

static const char *cell_or(const store_rows *r, size_t i, size_t c, const char *dflt)
{
    const char *v = store_cell(r, i, c);
    return v ? v : dflt;
}

static json_int_t cell_int(const store_rows *r, size_t i, size_t c)
{
    const char *v = store_cell(r, i, c);
    return v ? strtoll(v, NULL, 10) : 0;
}

static int cmp_int(const void *a, const void *b)
{
    json_int_t x = *(const json_int_t *)a, y = *(const json_int_t *)b;
    return (x > y) - (x < y);
}

/* {"median": m, "best": b, "runs": n} of the values (best = max or min). */
static json_t *summary(json_int_t *v, size_t n, bool higher_is_better)
{
    if (n == 0)
        return json_pack("{s:n,s:n,s:i}", "median", "best", "runs", 0);
    qsort(v, n, sizeof *v, cmp_int);
    json_int_t median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    return json_pack("{s:I,s:I,s:I}", "median", median, "best", higher_is_better ? v[n - 1] : v[0],
                     "runs", (json_int_t)n);
}

typedef struct id_group {
    json_int_t id;
    size_t group;
} id_group;

static int cmp_id(const void *a, const void *b)
{
    json_int_t x = ((const id_group *)a)->id, y = ((const id_group *)b)->id;
    return (x > y) - (x < y);
}

static long group_of(const id_group *map, size_t n, json_int_t id)
{
    if (n == 0)
        return -1;
    id_group key = { id, 0 };
    const id_group *hit = bsearch(&key, map, n, sizeof *map, cmp_id);
    return hit ? (long)hit->group : -1;
}

static const char *display_name(const tt_report_options *o, const char *kind, const char *name,
                                char *buf, size_t size)
{
    if (!o->anonymise || !*name)
        return name;
    tt_pseudonym(kind, name, buf, size);
    return buf;
}

static const char *const phase_keys[] = { "isolate", "report", "recover" };

#define Q_FROM " FROM exercises e WHERE" STORE_FILTER_SQL
#define Q_JOIN(t, a) " FROM " t " " a " JOIN exercises e ON e.id = " a ".exercise_id WHERE" STORE_FILTER_SQL

static int exec_q(tt_history *h, const char *sql, const store_param *p, store_rows *r, tt_error *err)
{
    return h->ops->exec(h, sql, 4, p, r, err);
}

/* Median and best time of each phase per group, from rows (exercise id,
 * phase, ms): one pass into buckets (group x phase), then a summary each. */
static int phase_summaries(const store_rows *r, const id_group *map, size_t n_map, json_t *groups)
{
    size_t n_groups = json_array_size(groups), n_buckets = n_groups * 3;
    size_t *fill = calloc(n_buckets + 1, sizeof *fill);
    size_t *bucket_of = r->n ? malloc(r->n * sizeof *bucket_of) : NULL;
    json_int_t *values = r->n ? malloc(r->n * sizeof *values) : NULL;
    if (!fill || (r->n && (!bucket_of || !values))) {
        free(fill);
        free(bucket_of);
        free(values);
        return -1;
    }
    for (size_t k = 0; k < r->n; k++) {
        long g = group_of(map, n_map, cell_int(r, k, 0));
        size_t ph = 0;
        while (ph < 3 && strcmp(cell_or(r, k, 1, ""), phase_keys[ph]) != 0)
            ph++;
        bucket_of[k] = g < 0 || (size_t)g >= n_groups || ph == 3 ? n_buckets : (size_t)g * 3 + ph;
        fill[bucket_of[k]]++;
    }
    /* Offsets, then place each value in its bucket. */
    size_t *start = calloc(n_buckets + 2, sizeof *start);
    if (!start) {
        free(fill);
        free(bucket_of);
        free(values);
        return -1;
    }
    for (size_t b = 0; b <= n_buckets; b++)
        start[b + 1] = start[b] + fill[b];
    memset(fill, 0, (n_buckets + 1) * sizeof *fill);
    for (size_t k = 0; k < r->n; k++)
        values[start[bucket_of[k]] + fill[bucket_of[k]]++] = cell_int(r, k, 2);
    bool ok = true;
    for (size_t b = 0; ok && b < n_buckets; b++)
        if (fill[b])
            ok = json_object_set_new(json_object_get(json_array_get(groups, b / 3), "phases"),
                                     phase_keys[b % 3],
                                     summary(values + start[b], fill[b], false)) == 0;
    free(start);
    free(fill);
    free(bucket_of);
    free(values);
    return ok ? 0 : -1;
}

/* Exercises grouped by (organisation, team, scenario), oldest run first. */
static int build_groups(tt_history *h, const tt_report_options *o, const store_param *p,
                        json_t *model, tt_error *err)
{
    store_rows r;
    if (exec_q(h, "SELECT e.id, e.organisation, e.team, e.scenario, COALESCE(e.started, e.recorded),"
                  " e.score, e.rating" Q_FROM
                  " ORDER BY e.organisation, e.team, e.scenario, COALESCE(e.started, e.recorded), e.id",
               p, &r, err) != 0)
        return -1;
    json_t *groups = json_array();
    id_group *map = r.n ? malloc(r.n * sizeof *map) : NULL;
    json_int_t *scores = r.n ? malloc(r.n * sizeof *scores) : NULL;
    if (!groups || (r.n && (!map || !scores))) {
        json_decref(groups);
        free(map);
        free(scores);
        store_rows_free(&r);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    bool ok = json_object_set_new(model, "exercises", json_integer((json_int_t)r.n)) == 0;
    size_t start = 0;
    for (size_t i = 0; i <= r.n; i++) {
        bool boundary = i == r.n || (i > start &&
            (strcmp(cell_or(&r, i, 1, ""), cell_or(&r, start, 1, "")) != 0 ||
             strcmp(cell_or(&r, i, 2, ""), cell_or(&r, start, 2, "")) != 0 ||
             strcmp(cell_or(&r, i, 3, ""), cell_or(&r, start, 3, "")) != 0));
        if (!boundary || i == start)
            continue;
        char pseudo[40];
        json_t *trend = json_array();
        for (size_t k = start; k < i; k++) {
            scores[k - start] = cell_int(&r, k, 5);
            map[k] = (id_group){ cell_int(&r, k, 0), json_array_size(groups) };
            ok &= json_array_append_new(trend, json_pack("{s:s,s:I,s:s}", "date",
                                                         cell_or(&r, k, 4, ""),
                                                         "score", cell_int(&r, k, 5),
                                                         "rating", cell_or(&r, k, 6, "U"))) == 0;
        }
        json_int_t first = scores[0], last = scores[i - start - 1];
        json_t *score = summary(scores, i - start, true);
        ok &= json_object_set_new(score, "first", json_integer(first)) == 0;
        ok &= json_object_set_new(score, "last", json_integer(last)) == 0;
        ok &= json_array_append_new(groups, json_pack("{s:s,s:s,s:s,s:I,s:o,s:o,s:o,s:o}",
            "organisation", cell_or(&r, start, 1, ""),
            "team", display_name(o, "team", cell_or(&r, start, 2, ""), pseudo, sizeof pseudo),
            "scenario", cell_or(&r, start, 3, ""),
            "runs", (json_int_t)(i - start),
            "score", score, "trend", trend, "phases", json_object(), "members", json_array())) == 0;
        start = i;
    }
    size_t n_map = r.n;
    store_rows_free(&r);
    if (n_map)
        qsort(map, n_map, sizeof *map, cmp_id);

    /* Phase times: completed phases only, per group. */
    int rc = ok ? exec_q(h, "SELECT e.id, ph.phase, ph.reached_ms" Q_JOIN("phases", "ph")
                            " AND ph.reached_ms IS NOT NULL AND ph.reached = ph.objectives"
                            " ORDER BY e.id", p, &r, err)
                : -1;
    if (rc == 0 && phase_summaries(&r, map, n_map, groups) != 0) {
        store_rows_free(&r);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        rc = -1;
        r.n = 0;
    }
    if (rc == 0)
        store_rows_free(&r);
    /* Who took part (pseudonyms when anonymised), once each. */
    if (rc == 0)
        rc = exec_q(h, "SELECT DISTINCT e.id, pa.name" Q_JOIN("participants", "pa") " ORDER BY e.id",
                    p, &r, err);
    for (size_t k = 0; rc == 0 && k < r.n; k++) {
        long g = group_of(map, n_map, cell_int(&r, k, 0));
        if (g < 0)
            continue;
        char pseudo[40];
        const char *name = display_name(o, "member", cell_or(&r, k, 1, ""), pseudo, sizeof pseudo);
        json_t *members = json_object_get(json_array_get(groups, (size_t)g), "members");
        bool seen = false;
        for (size_t m = 0; m < json_array_size(members) && !seen; m++)
            seen = strcmp(json_string_value(json_array_get(members, m)), name) == 0;
        if (!seen && json_array_append_new(members, json_string(name)) != 0) {
            store_rows_free(&r);
            ok = false;
            rc = -1;
        }
    }
    if (rc == 0)
        store_rows_free(&r);
    free(map);
    free(scores);
    ok &= json_object_set_new(model, "groups", groups) == 0;
    if (!ok) {   /* a value that could not be made: no report with holes */
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        rc = -1;
    }
    return rc;
}

/* model[key] = list when every value of it was made (ok); else out of
 * memory, and the list is dropped: a report never has holes. */
static int added(tt_history *h, json_t *model, const char *key, json_t *list, bool ok,
                 tt_error *err)
{
    if (!ok)
        json_decref(list);
    if (!ok || json_object_set_new(model, key, list) != 0) {   /* set_new frees it */
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    return 0;
}

static int build_objectives(tt_history *h, const store_param *p, json_t *model, tt_error *err)
{
    store_rows r;
    if (exec_q(h, "SELECT e.scenario, ob.objective, ob.rating, COUNT(*)" Q_JOIN("objectives", "ob")
                  " GROUP BY e.scenario, ob.objective, ob.rating ORDER BY e.scenario, ob.objective",
               p, &r, err) != 0)
        return -1;
    json_t *list = json_array();
    json_t *cur = NULL;
    bool ok = list != NULL;
    for (size_t i = 0; ok && i < r.n; i++) {
        const char *sc = cell_or(&r, i, 0, ""), *ob = cell_or(&r, i, 1, "");
        if (!cur || strcmp(json_string_value(json_object_get(cur, "scenario")), sc) != 0 ||
            strcmp(json_string_value(json_object_get(cur, "objective")), ob) != 0) {
            cur = json_pack("{s:s,s:s,s:i,s:i,s:i,s:i,s:i}", "scenario", sc, "objective", ob,
                            "P", 0, "S", 0, "M", 0, "U", 0, "total", 0);
            if (json_array_append_new(list, cur) != 0) {
                ok = false;   /* cur was NULL or is freed */
                break;
            }
        }
        const char *rating = cell_or(&r, i, 2, "U");
        json_int_t n = cell_int(&r, i, 3);
        if (json_object_get(cur, rating))
            ok &= json_object_set_new(cur, rating,
                                      json_integer(json_integer_value(json_object_get(cur, rating)) +
                                                   n)) == 0;
        ok &= json_object_set_new(cur, "total",
                                  json_integer(json_integer_value(json_object_get(cur, "total")) +
                                               n)) == 0;
    }
    store_rows_free(&r);
    return added(h, model, "objectives", list, ok, err);
}

static int build_lessons(tt_history *h, const store_param *p, json_t *model, tt_error *err)
{
    store_rows r;
    if (exec_q(h, "SELECT e.scenario, le.lesson, COUNT(*), SUM(1 - le.covered)" Q_JOIN("lessons", "le")
                  " GROUP BY e.scenario, le.lesson"
                  " HAVING SUM(1 - le.covered) > 0"
                  " ORDER BY SUM(1 - le.covered) DESC, e.scenario, le.lesson",
               p, &r, err) != 0)
        return -1;
    json_t *list = json_array();
    bool ok = true;
    for (size_t i = 0; ok && i < r.n; i++) {
        json_int_t total = cell_int(&r, i, 2), missed = cell_int(&r, i, 3);
        ok = json_array_append_new(list, json_pack("{s:s,s:s,s:I,s:I,s:I}", "scenario", cell_or(&r, i, 0, ""),
                                              "lesson", cell_or(&r, i, 1, ""), "missed", missed,
                                              "exercises", total,
                                              "percent", total ? missed * 100 / total : 0)) == 0;
    }
    store_rows_free(&r);
    return added(h, model, "lessons_missed", list, ok, err);
}

static int build_findings(tt_history *h, const store_param *p, json_t *model, tt_error *err)
{
    store_rows r;
    if (exec_q(h, "SELECT e.scenario, f.finding_en, f.finding_ja, f.recommendation_en, f.recommendation_ja,"
                  " f.priority, COUNT(DISTINCT e.id), COUNT(DISTINCT e.team)" Q_JOIN("findings", "f")
                  " GROUP BY e.scenario, f.finding_en, f.finding_ja, f.recommendation_en,"
                  " f.recommendation_ja, f.priority"
                  " HAVING COUNT(DISTINCT e.id) > 1"
                  " ORDER BY COUNT(DISTINCT e.id) DESC, e.scenario, f.finding_en",
               p, &r, err) != 0)
        return -1;
    json_t *list = json_array();
    bool ok = true;
    for (size_t i = 0; ok && i < r.n; i++)
        ok = json_array_append_new(list, json_pack("{s:s,s:{s:s,s:s},s:{s:s,s:s},s:s,s:I,s:I}",
            "scenario", cell_or(&r, i, 0, ""),
            "finding", "en", cell_or(&r, i, 1, ""), "ja", cell_or(&r, i, 2, ""),
            "recommendation", "en", cell_or(&r, i, 3, ""), "ja", cell_or(&r, i, 4, ""),
            "priority", cell_or(&r, i, 5, ""),
            "exercises", cell_int(&r, i, 6), "teams", cell_int(&r, i, 7))) == 0;
    store_rows_free(&r);
    return added(h, model, "recurring_improvements", list, ok, err);
}

static json_t *build_model(tt_history *h, const tt_report_options *o, tt_error *err)
{
    store_param p[4];
    tt_history_filter_params(&o->filter, p);
    char now[32];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    const tt_history_filter *f = &o->filter;
    char pseudo[40];
    json_t *model = json_pack("{s:s,s:s,s:{s:s?,s:s?,s:s?,s:s?},s:b}",
        "report", "tabletop results", "generated", now,
        "filter", "team", f->team ? display_name(o, "team", f->team, pseudo, sizeof pseudo) : NULL,
        "scenario", f->scenario, "organisation", f->organisation, "since", f->since,
        "anonymised", o->anonymise);
    if (!model) {
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return NULL;
    }
    if (build_groups(h, o, p, model, err) != 0 || build_objectives(h, p, model, err) != 0 ||
        build_findings(h, p, model, err) != 0 || build_lessons(h, p, model, err) != 0) {
        json_decref(model);
        return NULL;
    }
    return model;
}

/* ---- Writers ---- */

static const char *jstr(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static json_int_t jint(const json_t *o, const char *key)
{
    return json_integer_value(json_object_get(o, key));
}

static void svg_trend(tt_buf *b, const json_t *trend)
{
    size_t n = json_array_size(trend), from = n > 40 ? n - 40 : 0;
    size_t w = (n - from) * 10 + 10;
    tt_buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" viewBox=\"0 0 %zu 60\" "
                 "width=\"%zu\" height=\"60\" role=\"img\"><polyline fill=\"none\" stroke=\"currentColor\" "
                 "stroke-width=\"1.5\" points=\"", w, w);
    for (size_t i = from; i < n; i++)
        tt_buf_printf(b, "%zu,%lld ", 5 + (i - from) * 10,
                  55 - (long long)jint(json_array_get(trend, i), "score") / 2);
    tt_buf_add(b, "\"/>");
    for (size_t i = from; i < n; i++) {
        const json_t *t = json_array_get(trend, i);
        tt_buf_printf(b, "<circle cx=\"%zu\" cy=\"%lld\" r=\"2\" class=\"rat%s\"><title>", 5 + (i - from) * 10,
                  55 - (long long)jint(t, "score") / 2, jstr(t, "rating"));
        tt_buf_html(b, jstr(t, "date"));
        tt_buf_printf(b, ": %lld</title></circle>", (long long)jint(t, "score"));
    }
    tt_buf_add(b, "</svg>");
}

static const char *ms_text(tt_doc *d, const json_t *v)
{
    if (!json_is_integer(v))
        return "—";
    char buf[48];
    sc_time((tt_ms)json_integer_value(v), d->lang, buf, sizeof buf);
    return doc_fmt(d, "%s", buf);
}

static void doc_report(tt_doc *d, const json_t *m, tt_lang lang)
{
    d->title = tt_term_text(RPT_TITLE, lang);
    d->subtitle = doc_fmt(d, "%lld %s", (long long)jint(m, "exercises"),
                          tt_term_text(RPT_N_EXERCISES, lang));
    doc_node *header = doc_open(d, DOC_HEADER, NULL);
    if (!header)
        return;
    header->text = d->title;
    doc_para(d, NULL, d->subtitle);
    doc_close(d);
    doc_section(d, "groups", false, tt_term_text(RPT_GROUPS, lang));
    const json_t *groups = json_object_get(m, "groups");
    for (size_t i = 0; i < json_array_size(groups); i++) {
        const json_t *g = json_array_get(groups, i);
        const json_t *sc = json_object_get(g, "score");
        doc_open(d, DOC_PARA, NULL);
        const char *org = jstr(g, "organisation");
        doc_strong(d, doc_fmt(d, "%s%s%s — %s", *org ? org : "", *org ? " / " : "",
                              *jstr(g, "team") ? jstr(g, "team") : "-", jstr(g, "scenario")));
        doc_textf(d, TT_FMT(lang, RPT_GROUP_LINE_FMT),
                  (long long)jint(g, "runs"), (long long)jint(sc, "median"), (long long)jint(sc, "best"),
                  (long long)jint(sc, "last"));
        doc_close(d);
        tt_buf svg = TT_BUF_INIT;
        svg_trend(&svg, json_object_get(g, "trend"));
        char *s = tt_buf_take(&svg, NULL);
        if (s) {
            doc_leaf(d, DOC_FIGURE, doc_fmt(d, "%s", s));
            free(s);
        }
        doc_table_head(d, (const char *[]){ tt_term_text(RPT_PHASE, lang), tt_term_text(RPT_MEDIAN, lang), tt_term_text(RPT_BEST, lang), tt_term_text(RPT_COMPLETED, lang), NULL }, NULL);
        for (size_t ph = 0; ph < 3; ph++) {
            const json_t *s2 = json_object_get(json_object_get(g, "phases"), phase_keys[ph]);
            doc_open(d, DOC_ROW, NULL);
            doc_cell(d, NULL, sc_phase_label((tt_objective_phase)ph, lang));
            doc_cell(d, NULL, ms_text(d, json_object_get(s2, "median")));
            doc_cell(d, NULL, ms_text(d, json_object_get(s2, "best")));
            doc_cell(d, NULL, doc_fmt(d, "%lld", (long long)jint(s2, "runs")));
            doc_close(d);
        }
        doc_close(d);
        const json_t *members = json_object_get(g, "members");
        if (json_array_size(members)) {
            doc_open(d, DOC_PARA, NULL);
            doc_text(d, tt_term_text(RPT_MEMBERS, lang));
            for (size_t k = 0; k < json_array_size(members); k++)
                doc_textf(d, "%s%s", k ? ", " : "", json_string_value(json_array_get(members, k)));
            doc_close(d);
        }
    }
    doc_close(d);
    doc_section(d, "objectives", false, tt_term_text(RPT_OBJECTIVES, lang));
    doc_table_head(d, (const char *[]){ tt_term_text(RPT_SCENARIO, lang), tt_term_text(RPT_OBJECTIVE, lang), "P", "S", "M", "U", NULL }, NULL);
    const json_t *objs = json_object_get(m, "objectives");
    for (size_t i = 0; i < json_array_size(objs); i++) {
        const json_t *ob = json_array_get(objs, i);
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, jstr(ob, "scenario"));
        doc_cell(d, NULL, jstr(ob, "objective"));
        for (const char *const *r = (const char *const[]){ "P", "S", "M", "U", NULL }; *r; r++)
            doc_cell(d, NULL, doc_fmt(d, "%lld", (long long)jint(ob, *r)));
        doc_close(d);
    }
    doc_close(d);
    doc_close(d);
    doc_section(d, "recurring", false, tt_term_text(RPT_RECURRING, lang));
    doc_table_head(d, (const char *[]){ tt_term_text(RPT_SCENARIO, lang), tt_term_text(RPT_FINDING, lang), tt_term_text(RPT_RECOMMENDATION, lang), tt_term_text(RPT_EXERCISES, lang), tt_term_text(RPT_TEAMS, lang), NULL }, NULL);
    const json_t *fs = json_object_get(m, "recurring_improvements");
    for (size_t i = 0; i < json_array_size(fs); i++) {
        const json_t *f = json_array_get(fs, i);
        const char *key = tt_lang_name(lang);
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, jstr(f, "scenario"));
        doc_cell(d, NULL, jstr(json_object_get(f, "finding"), key));
        doc_cell(d, NULL, jstr(json_object_get(f, "recommendation"), key));
        doc_cell(d, NULL, doc_fmt(d, "%lld", (long long)jint(f, "exercises")));
        doc_cell(d, NULL, doc_fmt(d, "%lld", (long long)jint(f, "teams")));
        doc_close(d);
    }
    doc_close(d);
    doc_close(d);
    doc_section(d, "lessons", false, tt_term_text(RPT_LESSONS_MISSED, lang));
    doc_table_head(d, (const char *[]){ tt_term_text(RPT_SCENARIO, lang), tt_term_text(RPT_LESSON, lang), tt_term_text(RPT_MISSED, lang), tt_term_text(RPT_EXERCISES, lang), NULL }, NULL);
    const json_t *ls = json_object_get(m, "lessons_missed");
    for (size_t i = 0; i < json_array_size(ls); i++) {
        const json_t *l = json_array_get(ls, i);
        doc_open(d, DOC_ROW, NULL);
        doc_cell(d, NULL, jstr(l, "scenario"));
        doc_cell(d, NULL, jstr(l, "lesson"));
        doc_cell(d, NULL, doc_fmt(d, "%lld (%lld%%)", (long long)jint(l, "missed"), (long long)jint(l, "percent")));
        doc_cell(d, NULL, doc_fmt(d, "%lld", (long long)jint(l, "exercises")));
        doc_close(d);
    }
    doc_close(d);
    doc_close(d);
}

static void csv_row(tt_buf *b, const char *const *cells, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        tt_buf_add(b, i ? "," : "");
        tt_csv_field(b, cells[i]);
    }
    tt_buf_add(b, "\r\n");
}

/* CSV: one long table (section, organisation, team, scenario, item, metric,
 * value) that a spreadsheet pivots as it likes. */
static char *render_csv(const json_t *m, size_t *len_out)
{
    tt_buf b = TT_BUF_INIT;
#define ROW(...)                                                                     \
    do {                                                                             \
        const char *cells_[] = { __VA_ARGS__ };                                      \
        csv_row(&b, cells_, sizeof cells_ / sizeof cells_[0]);                       \
    } while (0)
    char v[64];
    ROW("section", "organisation", "team", "scenario", "item", "metric", "value");
    const json_t *groups = json_object_get(m, "groups");
    for (size_t i = 0; i < json_array_size(groups); i++) {
        const json_t *g = json_array_get(groups, i);
        const char *org = jstr(g, "organisation"), *team = jstr(g, "team"), *sc = jstr(g, "scenario");
        const json_t *trend = json_object_get(g, "trend");
        for (size_t k = 0; k < json_array_size(trend); k++) {
            const json_t *t = json_array_get(trend, k);
            snprintf(v, sizeof v, "%lld", (long long)jint(t, "score"));
            ROW("run", org, team, sc, jstr(t, "date"), "score", v);
        }
        const char *metrics[] = { "median", "best" };
        for (size_t k = 0; k < 2; k++) {
            snprintf(v, sizeof v, "%lld", (long long)jint(json_object_get(g, "score"), metrics[k]));
            ROW("score", org, team, sc, "", metrics[k], v);
        }
        for (size_t ph = 0; ph < 3; ph++) {
            const json_t *s = json_object_get(json_object_get(g, "phases"), phase_keys[ph]);
            for (size_t k = 0; s && k < 2; k++) {
                snprintf(v, sizeof v, "%lld", (long long)jint(s, metrics[k]));
                ROW("phase_ms", org, team, sc, phase_keys[ph], metrics[k], v);
            }
        }
    }
    const json_t *objs = json_object_get(m, "objectives");
    for (size_t i = 0; i < json_array_size(objs); i++) {
        const json_t *ob = json_array_get(objs, i);
        for (const char *const *r = (const char *const[]){ "P", "S", "M", "U", NULL }; *r; r++) {
            snprintf(v, sizeof v, "%lld", (long long)jint(ob, *r));
            ROW("objective", "", "", jstr(ob, "scenario"), jstr(ob, "objective"), *r, v);
        }
    }
    const json_t *fs = json_object_get(m, "recurring_improvements");
    for (size_t i = 0; i < json_array_size(fs); i++) {
        const json_t *f = json_array_get(fs, i);
        snprintf(v, sizeof v, "%lld", (long long)jint(f, "exercises"));
        ROW("recurring_improvement", "", "", jstr(f, "scenario"),
            jstr(json_object_get(f, "finding"), "en"), "exercises", v);
    }
    const json_t *ls = json_object_get(m, "lessons_missed");
    for (size_t i = 0; i < json_array_size(ls); i++) {
        const json_t *l = json_array_get(ls, i);
        snprintf(v, sizeof v, "%lld", (long long)jint(l, "missed"));
        ROW("lesson_missed", "", "", jstr(l, "scenario"), jstr(l, "lesson"), "missed", v);
    }
#undef ROW
    return tt_buf_take(&b, len_out);
}

char *tt_report_render(tt_history *h, const tt_report_options *o, tt_report_format fmt,
                       size_t *len, tt_error *err)
{
    json_t *model = build_model(h, o, err);
    if (!model)
        return NULL;
    char *out = NULL;
    size_t n = 0;
    if (fmt == TT_REPORT_JSON) {
        out = tt_json_dumps(model, JSON_INDENT(2));
        n = out ? strlen(out) : 0;
    } else if (fmt == TT_REPORT_CSV) {
        out = render_csv(model, &n);
    } else {
        tt_doc d;
        memset(&d, 0, sizeof d);
        d.lang = o->lang;
        d.root = tt_arena_alloc(&d.arena, sizeof *d.root);
        if (d.root) {
            d.root->kind = DOC_ROOT;
            d.cur = d.root;
            doc_report(&d, model, o->lang);
            if (d.cur != d.root)   /* a container left open: a bug */
                d.failed = true;
        }
        if (!d.failed && d.root)
            out = fmt == TT_REPORT_HTML ? doc_emit_html(&d, &n) : doc_emit_md(&d, &n);
        doc_free(&d);
    }
    json_decref(model);
    if (!out) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    if (len)
        *len = n;
    return out;
}
