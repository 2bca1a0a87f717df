/* Markdown scorecard: the document as CommonMark (GitHub tables). Classes,
 * ids and figures are HTML's; Markdown keeps the words. */
#include "doc.h"

#include <string.h>

/* Inside a code span backslashes are literal: copy the text, with
 * backticks and line breaks (which would end the span) made harmless. */
static void md_code(tt_buf *b, const char *s)
{
    for (const char *p = s; p && *p; p++) {
        char c = *p == '`' ? '\'' : (*p == '\n' || *p == '|') ? ' ' : *p;
        tt_buf_addn(b, &c, 1);
    }
}

static bool inside(const doc_node *n, doc_kind kind)
{
    for (const doc_node *p = n->parent; p; p = p->parent)
        if (p->kind == kind)
            return true;
    return false;
}

static void inlines(tt_buf *b, const doc_node *n, tt_lang L);

static void inline_node(tt_buf *b, const doc_node *n, tt_lang L)
{
    switch (n->kind) {
    case DOC_TEXT: tt_buf_md(b, n->text); break;
    case DOC_CODE: tt_buf_add(b, "`"); md_code(b, n->text); tt_buf_add(b, "`"); break;
    case DOC_STRONG: tt_buf_add(b, "**"); inlines(b, n, L); tt_buf_add(b, "**"); break;
    case DOC_EM: tt_buf_add(b, "*"); inlines(b, n, L); tt_buf_add(b, "*"); break;
    case DOC_RATING: tt_buf_printf(b, "**%s**", tt_rating_letter((tt_rating)n->num)); break;
    case DOC_BREAK:
        if (!n->next)   /* a trailing break would end in a stray backslash */
            break;
        /* Tables take no line breaks but HTML's; list items continue indented. */
        tt_buf_add(b, inside(n, DOC_CELL) ? "<br>" : inside(n, DOC_ITEM) || inside(n, DOC_TILE) ? "\\\n  " : "\\\n");
        break;
    default: inlines(b, n, L); break;
    }
}

static void inlines(tt_buf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next)
        inline_node(b, c, L);
}

static void list(tt_buf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next) {
        tt_buf_add(b, "- ");
        inlines(b, c, L);
        tt_buf_add(b, "\n");
    }
    if (n->first)
        tt_buf_add(b, "\n");
}

static void row(tt_buf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next) {
        tt_buf_add(b, "| ");
        inlines(b, c, L);
        tt_buf_add(b, " ");
        for (int k = 1; k < c->num; k++)
            tt_buf_add(b, "| ");
    }
    tt_buf_add(b, "|\n");
}

static void table(tt_buf *b, const doc_node *n, tt_lang L)
{
    if (n->first && n->first->kind == DOC_HEAD) {
        row(b, n->first, L);
        for (const doc_node *c = n->first->first; c; c = c->next)
            tt_buf_add(b, "|---");
        tt_buf_add(b, "|\n");
        for (const doc_node *r = n->first->next; r; r = r->next)
            row(b, r, L);
        tt_buf_add(b, "\n");
        return;
    }
    /* Without a head row, each row is a header and its value: a list item,
     * or a titled list when the value is one. */
    bool pending = false;
    for (const doc_node *r = n->first; r; r = r->next) {
        const doc_node *key = r->first, *value = key ? key->next : NULL;
        if (value && value->first && value->first->kind == DOC_LIST) {
            tt_buf_add(b, pending ? "\n**" : "**");
            inlines(b, key, L);
            tt_buf_add(b, "**\n\n");
            list(b, value->first, L);
            pending = false;
            continue;
        }
        tt_buf_add(b, "- **");
        inlines(b, key, L);
        tt_buf_add(b, "**: ");
        if (value)
            inlines(b, value, L);
        tt_buf_add(b, "\n");
        pending = true;
    }
    if (pending)
        tt_buf_add(b, "\n");
}

static void block(tt_buf *b, const doc_node *n, tt_lang L)
{
    switch (n->kind) {
    case DOC_ROOT:
        for (const doc_node *c = n->first; c; c = c->next)
            block(b, c, L);
        break;
    case DOC_HEADER:
        tt_buf_add(b, "# ");
        tt_buf_md(b, n->text);
        tt_buf_add(b, "\n\n");
        for (const doc_node *c = n->first; c; c = c->next)
            block(b, c, L);
        break;
    case DOC_BADGE:
        tt_buf_printf(b, "**%s** ", tt_rating_letter((tt_rating)n->num));
        inlines(b, n, L);
        tt_buf_add(b, "\n\n");
        break;
    case DOC_SECTION: {
        bool words = false;
        for (const doc_node *c = n->first; c; c = c->next)
            words = words || c->kind != DOC_FIGURE;
        if (!words)
            break;
        tt_buf_add(b, "## ");
        tt_buf_md(b, n->text);
        tt_buf_add(b, "\n\n");
        for (const doc_node *c = n->first; c; c = c->next)
            block(b, c, L);
        break;
    }
    case DOC_PARA:
        if (n->cls && (strcmp(n->cls, "warn") == 0 || strcmp(n->cls, "early") == 0))
            tt_buf_add(b, "> ");
        inlines(b, n, L);
        tt_buf_add(b, "\n\n");
        break;
    case DOC_LIST: list(b, n, L); break;
    case DOC_TABLE: table(b, n, L); break;
    case DOC_TILES:
        for (const doc_node *t = n->first; t; t = t->next) {
            tt_buf_add(b, "- **");
            inlines(b, t->first, L);
            tt_buf_add(b, "**:");
            for (const doc_node *part = t->first->next; part; part = part->next) {
                tt_buf_add(b, part == t->first->next ? " " : "\\\n  ");
                inlines(b, part, L);
            }
            tt_buf_add(b, "\n");
        }
        tt_buf_add(b, "\n");
        break;
    default: break;   /* figures are HTML's */
    }
}

char *doc_emit_md(const tt_doc *d, size_t *len)
{
    tt_buf b = TT_BUF_INIT;
    block(&b, d->root, d->lang);
    return tt_buf_take(&b, len);
}
