/* Markdown scorecard: the document as CommonMark (GitHub tables). Classes,
 * ids and figures are HTML's; Markdown keeps the words. */
#include "doc.h"
#include "sbuf.h"

#include <string.h>

/* Inside a code span backslashes are literal: copy the text, with
 * backticks and line breaks (which would end the span) made harmless. */
static void md_code(sbuf *b, const char *s)
{
    for (const char *p = s; p && *p; p++) {
        char c = *p == '`' ? '\'' : (*p == '\n' || *p == '|') ? ' ' : *p;
        sb_addn(b, &c, 1);
    }
}

static bool inside(const doc_node *n, doc_kind kind)
{
    for (const doc_node *p = n->parent; p; p = p->parent)
        if (p->kind == kind)
            return true;
    return false;
}

static void inlines(sbuf *b, const doc_node *n, tt_lang L);

static void inline_node(sbuf *b, const doc_node *n, tt_lang L)
{
    switch (n->kind) {
    case DOC_TEXT: sb_md(b, n->text); break;
    case DOC_CODE: sb_add(b, "`"); md_code(b, n->text); sb_add(b, "`"); break;
    case DOC_STRONG: sb_add(b, "**"); inlines(b, n, L); sb_add(b, "**"); break;
    case DOC_EM: sb_add(b, "*"); inlines(b, n, L); sb_add(b, "*"); break;
    case DOC_RATING: sb_printf(b, "**%s**", tt_rating_letter((tt_rating)n->num)); break;
    case DOC_BREAK:
        if (!n->next)   /* a trailing break would end in a stray backslash */
            break;
        /* Tables take no line breaks but HTML's; list items continue indented. */
        sb_add(b, inside(n, DOC_CELL) ? "<br>" : inside(n, DOC_ITEM) || inside(n, DOC_TILE) ? "\\\n  " : "\\\n");
        break;
    default: inlines(b, n, L); break;
    }
}

static void inlines(sbuf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next)
        inline_node(b, c, L);
}

static void list(sbuf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next) {
        sb_add(b, "- ");
        inlines(b, c, L);
        sb_add(b, "\n");
    }
    if (n->first)
        sb_add(b, "\n");
}

static void row(sbuf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next) {
        sb_add(b, "| ");
        inlines(b, c, L);
        sb_add(b, " ");
        for (int k = 1; k < c->num; k++)
            sb_add(b, "| ");
    }
    sb_add(b, "|\n");
}

static void table(sbuf *b, const doc_node *n, tt_lang L)
{
    if (n->first && n->first->kind == DOC_HEAD) {
        row(b, n->first, L);
        for (const doc_node *c = n->first->first; c; c = c->next)
            sb_add(b, "|---");
        sb_add(b, "|\n");
        for (const doc_node *r = n->first->next; r; r = r->next)
            row(b, r, L);
        sb_add(b, "\n");
        return;
    }
    /* Without a head row, each row is a header and its value: a list item,
     * or a titled list when the value is one. */
    bool pending = false;
    for (const doc_node *r = n->first; r; r = r->next) {
        const doc_node *key = r->first, *value = key ? key->next : NULL;
        if (value && value->first && value->first->kind == DOC_LIST) {
            sb_add(b, pending ? "\n**" : "**");
            inlines(b, key, L);
            sb_add(b, "**\n\n");
            list(b, value->first, L);
            pending = false;
            continue;
        }
        sb_add(b, "- **");
        inlines(b, key, L);
        sb_add(b, "**: ");
        if (value)
            inlines(b, value, L);
        sb_add(b, "\n");
        pending = true;
    }
    if (pending)
        sb_add(b, "\n");
}

static void block(sbuf *b, const doc_node *n, tt_lang L)
{
    switch (n->kind) {
    case DOC_ROOT:
        for (const doc_node *c = n->first; c; c = c->next)
            block(b, c, L);
        break;
    case DOC_HEADER:
        sb_add(b, "# ");
        sb_md(b, n->text);
        sb_add(b, "\n\n");
        for (const doc_node *c = n->first; c; c = c->next)
            block(b, c, L);
        break;
    case DOC_BADGE:
        sb_printf(b, "**%s** ", tt_rating_letter((tt_rating)n->num));
        inlines(b, n, L);
        sb_add(b, "\n\n");
        break;
    case DOC_SECTION: {
        bool words = false;
        for (const doc_node *c = n->first; c; c = c->next)
            words = words || c->kind != DOC_FIGURE;
        if (!words)
            break;
        sb_add(b, "## ");
        sb_md(b, n->text);
        sb_add(b, "\n\n");
        for (const doc_node *c = n->first; c; c = c->next)
            block(b, c, L);
        break;
    }
    case DOC_PARA:
        if (n->cls && (strcmp(n->cls, "warn") == 0 || strcmp(n->cls, "early") == 0))
            sb_add(b, "> ");
        inlines(b, n, L);
        sb_add(b, "\n\n");
        break;
    case DOC_LIST: list(b, n, L); break;
    case DOC_TABLE: table(b, n, L); break;
    case DOC_TILES:
        for (const doc_node *t = n->first; t; t = t->next) {
            sb_add(b, "- **");
            inlines(b, t->first, L);
            sb_add(b, "**:");
            for (const doc_node *part = t->first->next; part; part = part->next) {
                sb_add(b, part == t->first->next ? " " : "\\\n  ");
                inlines(b, part, L);
            }
            sb_add(b, "\n");
        }
        sb_add(b, "\n");
        break;
    default: break;   /* figures are HTML's */
    }
}

char *doc_emit_md(const tt_doc *d, size_t *len)
{
    sbuf b;
    sb_init(&b);
    block(&b, d->root, d->lang);
    return sb_take(&b, len);
}
