/* tabletop show SCENARIO [-o brief.md|brief.html] [--lang ja|en]: the
 * facilitator's briefing, read before the drill: roles, outside parties,
 * objectives, settings, length, the injects at fixed times and the
 * discussion questions. One document tree (engine/score/doc.h) gives both
 * the Markdown and the HTML. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../score/doc.h"
#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/script.h"
#include "tabletop/terms.h"

#define W(id) tt_term_text(id, L)

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

static const char *span(tt_doc *d, tt_ms t)
{
    char buf[48];
    tt_span_format(t, buf, sizeof buf);
    return doc_fmt(d, "%s", buf);
}

static const char *at(tt_doc *d, tt_ms t)
{
    char buf[48];
    tt_ms_format(t, buf, sizeof buf);
    return doc_fmt(d, "%s", buf);
}

static const char *phase_name(tt_objective_phase p, tt_lang L)
{
    switch (p) {
    case TT_OBJ_ISOLATE: return W(LBL_PHASE_ISOLATE);
    case TT_OBJ_REPORT: return W(LBL_PHASE_REPORT);
    case TT_OBJ_RECOVER: return W(LBL_PHASE_RECOVER);
    }
    return "";
}

static void overview(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    doc_section(d, "overview", true, W(C_SHOW_OVERVIEW));
    doc_open(d, DOC_TABLE, NULL);
    doc_label_row(d, W(C_SHOW_SCENARIO_ID));
    doc_text(d, tt_text_get(&sc->title, L));
    doc_text(d, " (");
    doc_code(d, sc->id);
    doc_text(d, ")");
    const char *sum = tt_text_get(&sc->summary, L);
    if (*sum) {
        doc_br(d);
        doc_span(d, "small", sum);
    }
    doc_close_n(d, 2);
    doc_label_row(d, W(C_SHOW_LENGTH));
    doc_text(d, span(d, sc->length));
    doc_close_n(d, 2);
    if (sc->speed > 0) {
        doc_label_row(d, W(C_SHOW_SPEED));
        doc_textf(d, "×%g", sc->speed);
        doc_close_n(d, 2);
    }
    if (sc->source && *sc->source) {
        doc_label_row(d, W(C_SHOW_SOURCE));
        doc_text(d, sc->source);
        doc_close_n(d, 2);
    }
    doc_close_n(d, 2);
}

static void roles(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    if (!doc_table_section(d, "roles", false, W(C_SHOW_ROLES), sc->n_roles, W(C_SHOW_NONE),
                           (const char *[]){ W(C_SHOW_ID), W(C_SHOW_NAME),
                                             W(C_SHOW_DESCRIPTION), NULL }, NULL))
        return;
    for (size_t i = 0; i < sc->n_roles; i++) {
        const tt_role *r = &sc->roles[i];
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, NULL);
        doc_code(d, r->id);
        doc_close(d);
        doc_cell(d, NULL, tt_text_get(&r->name, L));
        doc_cell(d, NULL, tt_text_get(&r->description, L));
        doc_close(d);
    }
    doc_close_n(d, 2);
}

static void actors(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    if (!doc_table_section(d, "actors", false, W(C_SHOW_ACTORS), sc->n_actors, W(C_SHOW_NONE),
                           (const char *[]){ W(C_SHOW_ID), W(C_SHOW_NAME), W(C_SHOW_KIND),
                                             W(C_SHOW_REPLY_DELAY), NULL }, NULL))
        return;
    for (size_t i = 0; i < sc->n_actors; i++) {
        const tt_actor *a = &sc->actors[i];
        const tt_actor_kind *k = a->kind ? tt_actor_kind_find(a->kind) : NULL;
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, NULL);
        doc_code(d, a->id);
        doc_close(d);
        doc_cell(d, NULL, tt_text_get(&a->name, L));
        doc_cell(d, NULL, k ? tt_text_get(&k->label, L) : (a->kind ? a->kind : ""));
        doc_cell(d, NULL, a->delay_min == a->delay_max
                              ? span(d, a->delay_min)
                              : doc_fmt(d, "%s – %s", span(d, a->delay_min), span(d, a->delay_max)));
        doc_close(d);
    }
    doc_close_n(d, 2);
}

static void objectives(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    if (!doc_table_section(d, "objectives", false, W(C_SHOW_OBJECTIVES), sc->n_objectives,
                           W(C_SHOW_NONE),
                           (const char *[]){ W(C_SHOW_ID), W(LBL_OBJECTIVE), W(C_SHOW_PHASE),
                                             W(LBL_TARGET), W(LBL_LIMIT), NULL }, NULL))
        return;
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const tt_objective *o = &sc->objectives[i];
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, NULL);
        doc_code(d, o->id);
        doc_close(d);
        doc_open(d, DOC_CELL, NULL);
        doc_text(d, tt_text_get(&o->title, L));
        const char *why = tt_text_get(&o->rationale, L);
        if (*why) {
            doc_br(d);
            doc_span(d, "small", why);
        }
        doc_close(d);
        doc_cell(d, NULL, phase_name(o->phase, L));
        doc_cell(d, NULL, at(d, o->target));
        doc_cell(d, NULL, at(d, o->limit));
        doc_close(d);
    }
    doc_close_n(d, 2);
}

static void settings(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    if (!doc_table_section(d, "settings", false, W(C_SHOW_SETTINGS), sc->n_settings,
                           W(C_SHOW_NONE),
                           (const char *[]){ W(C_SHOW_KEY), W(C_SHOW_DESCRIPTION),
                                             W(C_SHOW_DEFAULT), W(C_SHOW_VALUES), NULL },
                           NULL))
        return;
    for (size_t i = 0; i < sc->n_settings; i++) {
        const tt_setting *st = &sc->settings[i];
        char buf[128];
        tt_value_display(&st->value, L, buf, sizeof buf);
        doc_open(d, DOC_ROW, NULL);
        doc_open(d, DOC_CELL, NULL);
        doc_code(d, st->key);
        doc_close(d);
        doc_cell(d, NULL, tt_text_get(&st->label, L));
        doc_cell(d, NULL, doc_fmt(d, "%s", buf));
        /* What --set takes: a setting keeps the kind of its default (the
         * scenario API declares no narrower range). */
        doc_open(d, DOC_CELL, NULL);
        if (st->value.type == TT_VAL_BOOL) {
            doc_code(d, "true");
            doc_text(d, ", ");
            doc_code(d, "false");
        } else {
            doc_text(d, W(st->value.type == TT_VAL_STR ? C_SHOW_ANY_TEXT : C_SHOW_ANY_NUMBER));
        }
        doc_close(d);
        doc_close(d);
    }
    doc_close_n(d, 2);
}

static bool fixed(const tt_inject *in)
{
    return !in->conditional && in->at != TT_MS_NEVER;
}

static int by_time(const void *a, const void *b)
{
    const tt_inject *x = *(const tt_inject *const *)a, *y = *(const tt_inject *const *)b;
    if (x->at != y->at)
        return x->at < y->at ? -1 : 1;
    return x < y ? -1 : x > y;   /* scenario order among equal times */
}

static void inject_who(tt_doc *d, const tt_scenario *sc, const tt_inject *in, tt_lang L)
{
    char to[512];
    doc_cell(d, NULL, in->from ? tt_scenario_party_name(sc, in->from, L) : "");
    /* The cell keeps a pointer: the names are copied into the document. */
    doc_cell(d, NULL, in->to && *in->to
                          ? doc_fmt(d, "%s", tt_scenario_recipients(sc, in->to, L, to, sizeof to))
                          : W(C_SHOW_EVERYONE));
}

static void timeline(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->n_injects; i++)
        n += fixed(&sc->injects[i]);
    const tt_inject **order = n ? malloc(n * sizeof *order) : NULL;
    if (n && !order) {
        d->failed = true;
        return;
    }
    size_t k = 0;
    for (size_t i = 0; i < sc->n_injects; i++)
        if (fixed(&sc->injects[i]))
            order[k++] = &sc->injects[i];
    if (n)
        qsort(order, n, sizeof *order, by_time);
    if (doc_table_section(d, "timeline", false, W(C_SHOW_TIMELINE), n, W(C_SHOW_NONE),
                          (const char *[]){ W(C_SHOW_AT), W(C_SHOW_ID), W(C_SHOW_FROM),
                                            W(C_SHOW_TO), W(C_SHOW_INJECT), NULL }, NULL)) {
        for (size_t i = 0; i < n; i++) {
            doc_open(d, DOC_ROW, NULL);
            doc_cell(d, NULL, at(d, order[i]->at));
            doc_open(d, DOC_CELL, NULL);
            doc_code(d, order[i]->id);
            doc_close(d);
            inject_who(d, sc, order[i], L);
            doc_cell(d, NULL, tt_text_get(&order[i]->text, L));
            doc_close(d);
        }
        doc_close(d);   /* the table; the section stays open for the note */
        if (sc->n_injects > n)
            doc_para(d, "small", doc_fmt(d, TT_FMT(L, C_SHOW_CONDITIONAL_FMT), sc->n_injects - n));
        doc_close(d);
    }
    free(order);
}

static void questions(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    size_t n = 0;
    for (size_t i = 0; i < sc->n_injects; i++)
        n += sc->injects[i].n_questions;
    if (!doc_table_section(d, "questions", false, W(C_SHOW_QUESTIONS), n, W(C_SHOW_NONE),
                           (const char *[]){ W(C_SHOW_AT), W(C_SHOW_INJECT),
                                             W(C_SHOW_QUESTION), NULL }, NULL))
        return;
    for (size_t i = 0; i < sc->n_injects; i++) {
        const tt_inject *in = &sc->injects[i];
        for (size_t q = 0; q < in->n_questions; q++) {
            doc_open(d, DOC_ROW, NULL);
            doc_cell(d, NULL, fixed(in) ? at(d, in->at) : "—");
            doc_open(d, DOC_CELL, NULL);
            doc_code(d, in->id);
            doc_close(d);
            doc_cell(d, NULL, tt_text_get(&in->questions[q], L));
            doc_close(d);
        }
    }
    doc_close_n(d, 2);
}

static int brief_doc(tt_doc *d, const tt_scenario *sc, tt_lang L)
{
    static void (*const sections[])(tt_doc *, const tt_scenario *, tt_lang) = {
        overview, roles, actors, objectives, settings, timeline, questions,
    };
    memset(d, 0, sizeof *d);
    d->lang = L;
    d->title = W(C_SHOW_TITLE);
    d->subtitle = tt_text_get(&sc->title, L);
    d->root = tt_arena_alloc(&d->arena, sizeof *d->root);
    if (!d->root) {
        doc_free(d);
        return -1;
    }
    d->root->kind = DOC_ROOT;
    d->cur = d->root;
    doc_node *h = doc_open(d, DOC_HEADER, NULL);
    if (h)
        h->text = doc_fmt(d, "%s: %s", W(C_SHOW_TITLE), d->subtitle);
    doc_close(d);
    for (size_t i = 0; i < sizeof sections / sizeof sections[0] && !d->failed; i++) {
        sections[i](d, sc, L);
        if (d->cur != d->root)   /* a section left a container open: a bug */
            d->failed = true;
    }
    if (d->failed) {
        doc_free(d);
        return -1;
    }
    return 0;
}

int tt_cmd_show(int argc, char **argv)
{
    tt_cmdline cl = { .name = "show", .usage_en = tt_term_text(C_SHOW_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_SHOW_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO) };
    const char *out = NULL;
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_OUTPUT, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    bool html = false;
    if (out) {
        size_t n = strlen(out);
        if (n > 5 && strcmp(out + n - 5, ".html") == 0)
            html = true;
        else if (!(n > 3 && strcmp(out + n - 3, ".md") == 0))
            return tt_cmd_fail(&cl, C_SHOW_EXT_FMT_TEXT, out);
    }
    int rc = TT_EXIT_OK;
    tt_script *s = tt_open_scenario("tabletop show", cl.args[0], NULL, &rc);
    if (!s)
        return rc;
    const tt_scenario *sc = tt_script_scenario(s);
    if (out && same_file(out, sc->path)) {
        tt_script_free(s);
        return tt_cmd_fail(&cl, C_OUTPUT_IS_SCENARIO_FMT_TEXT, out);
    }
    tt_doc d;
    if (brief_doc(&d, sc, cl.lang) != 0) {
        tt_script_free(s);
        return tt_cmd_fail_as(&cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
    }
    size_t len = 0;
    char *text = html ? doc_emit_html(&d, &len) : doc_emit_md(&d, &len);
    doc_free(&d);
    tt_script_free(s);
    if (!text)
        return tt_cmd_fail_as(&cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
    tt_term_doc term; /* standard output: shown safely on a terminal */
    const char *shown = out ? out : tt_term_text(C_STDOUT, cl.lang);
    FILE *fp = out ? fopen(out, "wb") : tt_term_doc_open(&term, stdout);
    bool ok = fp && fwrite(text, 1, len, fp) == len;
    if (fp && (out ? fclose(fp) != 0 : tt_term_doc_close(&term) != 0))
        ok = false;
    if (!ok)
        rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, shown, tt_os_error(errno));
    if (rc == TT_EXIT_OK && out)
        tt_term_printf(stdout, "%s\n", out);
    free(text);
    return rc;
}
