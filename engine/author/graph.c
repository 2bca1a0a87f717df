/* tabletop graph: the scenario's structure without running it, built with
 * Graphviz's cgraph and written as DOT (agwrite) or laid out and rendered
 * to SVG (gvc). Injects, dynamics, actions, state keys and objectives are
 * nodes; reads, writes, completes and notices are edges (from the same
 * analysis as lint: tt_access_of). */
#include <gvc.h>
#include <stdio.h>
#include <string.h>

#include "tabletop/author.h"
#include "tabletop/terms.h"

typedef struct gctx {
    Agraph_t *g;
    const tt_scenario *m;
    tt_lang lang;
} gctx;

static Agnode_t *node(gctx *c, const char *kind, const char *id, const char *label,
                      const char *shape, const char *fill)
{
    char name[512];
    snprintf(name, sizeof name, "%s:%s", kind, id);
    Agnode_t *n = agnode(c->g, name, 0);
    if (n)
        return n; /* made once, with its first (fullest) label */
    n = agnode(c->g, name, 1);
    if (!n)
        return NULL;
    char text[1200];
    if (label && *label)
        snprintf(text, sizeof text, "%s\n%s", id, label);
    else
        snprintf(text, sizeof text, "%s", id);
    agsafeset(n, "label", text, "");
    agsafeset(n, "shape", (char *)shape, "");
    agsafeset(n, "style", "filled", "");
    agsafeset(n, "fillcolor", (char *)fill, "");
    return n;
}

static Agnode_t *state_node(gctx *c, const char *key)
{
    return node(c, "state", key, "", "ellipse", "white");
}

static void edge(gctx *c, Agnode_t *a, Agnode_t *b, const char *label, const char *style)
{
    if (!a || !b)
        return;
    Agedge_t *e = agedge(c->g, a, b, NULL, 1);
    if (!e)
        return;
    if (label && *label)
        agsafeset(e, "label", (char *)label, "");
    if (style && *style)
        agsafeset(e, "style", (char *)style, "");
}

/* The node of the behaviour function's owner. */
static Agnode_t *owner(gctx *c, const tt_access_entry *e)
{
    const tt_scenario *m = c->m;
    if (!strcmp(e->kind, "requires") || !strcmp(e->kind, "does") || !strcmp(e->kind, "takes") ||
        !strcmp(e->kind, "bad") || !strcmp(e->kind, "on_cancel"))
        return e->index < m->n_actions ? node(c, "action", m->actions[e->index].id,
                                              tt_text_get(&m->actions[e->index].label, c->lang),
                                              "box", "lightblue") : NULL;
    if (!strcmp(e->kind, "run"))
        return e->index < m->n_dynamics ? node(c, "every", m->dynamics[e->index].id, "",
                                               "cds", "lightgrey") : NULL;
    if (!strcmp(e->kind, "inject_when") || !strcmp(e->kind, "inject_does"))
        return e->index < m->n_injects ? node(c, "inject", m->injects[e->index].id, "",
                                              "note", "lightyellow") : NULL;
    if (!strcmp(e->kind, "objective_when"))
        return e->index < m->n_objectives
                   ? node(c, "objective", m->objectives[e->index].id,
                          tt_text_get(&m->objectives[e->index].title, c->lang), "octagon",
                          "palegreen")
                   : NULL;
    return NULL;
}

int tt_graph_write(tt_script *s, const tt_access *acc, FILE *out, bool svg, tt_lang lang,
                   tt_error *err)
{
    gctx c = { agopen("scenario", Agdirected, NULL), tt_script_scenario(s), lang };
    if (!c.g) {
        tt_error_oom(err, NULL);
        return -1;
    }
    const tt_scenario *m = c.m;
    agsafeset(c.g, "rankdir", "LR", "");
    agsafeset(c.g, "label", (char *)tt_text_get(&m->title, lang), "");
    agattr(c.g, AGNODE, "fontname", "Noto Sans CJK JP");
    agattr(c.g, AGEDGE, "fontsize", "10");
    for (size_t i = 0; i < m->n_injects; i++) {
        char when[64] = "";
        if (!m->injects[i].conditional)
            tt_time_format(m->injects[i].at, TT_TIME_AT, when, sizeof when);
        node(&c, "inject", m->injects[i].id, when, "note", "lightyellow");
    }
    for (size_t i = 0; i < m->n_actions; i++)
        node(&c, "action", m->actions[i].id, tt_text_get(&m->actions[i].label, lang), "box",
             "lightblue");
    for (size_t i = 0; i < m->n_objectives; i++) {
        const tt_objective *ob = &m->objectives[i];
        Agnode_t *o = node(&c, "objective", ob->id, tt_text_get(&ob->title, lang), "octagon",
                           "palegreen");
        if (ob->notice)
            edge(&c, node(&c, "inject", ob->notice, "", "note", "lightyellow"), o, "notice",
                 "dotted");
        for (size_t a = 0; a < m->n_actions; a++)
            if (m->actions[a].completes && strcmp(m->actions[a].completes, ob->id) == 0)
                edge(&c, node(&c, "action", m->actions[a].id,
                              tt_text_get(&m->actions[a].label, lang), "box", "lightblue"),
                     o, "completes", "bold");
    }
    for (size_t i = 0; i < acc->n; i++) {
        const tt_access_entry *e = &acc->e[i];
        Agnode_t *own = owner(&c, e);
        const char *rlabel = !strcmp(e->kind, "requires") ? "requires"
                           : strstr(e->kind, "when")      ? "when"
                           : !strcmp(e->kind, "takes")    ? "takes"
                           : !strcmp(e->kind, "bad")      ? "harmful/wasted"
                                                          : "";
        for (size_t k = 0; k < e->n_reads; k++)
            edge(&c, state_node(&c, e->reads[k]), own, rlabel, "dashed");
        for (size_t k = 0; k < e->n_writes; k++)
            edge(&c, own, state_node(&c, e->writes[k]), "", "");
    }
    int rc = 0;
    if (svg) {
        GVC_t *gvc = gvContext();
        if (!gvc || gvLayout(gvc, c.g, "dot") != 0 || gvRender(gvc, c.g, "svg", out) != 0) {
            tt_error_runtime(err, NULL, TT_MSG(E_GRAPH_GRAPHVIZ));
            rc = -1;
        }
        if (gvc) {
            gvFreeLayout(gvc, c.g);
            gvFreeContext(gvc);
        }
    } else if (agwrite(c.g, out) == EOF) {
        tt_error_runtime(err, NULL, TT_MSG(E_GRAPH_CANNOT_WRITE));
        rc = -1;
    }
    agclose(c.g);
    if (rc == 0 && ferror(out)) {
        tt_error_runtime(err, NULL, TT_MSG(E_GRAPH_CANNOT_WRITE));
        rc = -1;
    }
    return rc;
}
