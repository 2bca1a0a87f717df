/* Building the scorecard document (see doc.h). */
#include "doc.h"
#include "labels.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static doc_node *append(tt_doc *d, doc_kind kind)
{
    if (d->failed)
        return NULL;
    doc_node *n = tt_arena_alloc(&d->arena, sizeof *n);
    if (!n) {
        d->failed = true;
        return NULL;
    }
    n->kind = kind;
    n->parent = d->cur;
    if (d->cur->last)
        d->cur->last->next = n;
    else
        d->cur->first = n;
    d->cur->last = n;
    return n;
}

doc_node *doc_open(tt_doc *d, doc_kind kind, const char *cls)
{
    doc_node *n = append(d, kind);
    if (n) {
        n->cls = cls;
        d->cur = n;
    }
    return n;
}

void doc_close(tt_doc *d)
{
    if (!d->failed && d->cur->parent)
        d->cur = d->cur->parent;
}

doc_node *doc_leaf(tt_doc *d, doc_kind kind, const char *text)
{
    doc_node *n = append(d, kind);
    if (n)
        n->text = text ? text : "";
    return n;
}

void doc_text(tt_doc *d, const char *s)
{
    doc_leaf(d, DOC_TEXT, s);
}

__attribute__((format(printf, 2, 0))) static const char *vfmt(tt_doc *d, const char *fmt, va_list ap)
{
    if (d->failed)
        return "";
    /* Formatted once on the stack (cells and labels are short), again
     * into the arena only when longer. */
    char tmp[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    char *s = n >= 0 ? tt_arena_alloc(&d->arena, (size_t)n + 1) : NULL;
    if (s && (size_t)n < sizeof tmp)
        memcpy(s, tmp, (size_t)n + 1);
    else if (s)
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    else
        d->failed = true;
    va_end(ap2);
    return s ? s : "";
}

const char *doc_fmt(tt_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = vfmt(d, fmt, ap);
    va_end(ap);
    return s;
}

void doc_textf(tt_doc *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    const char *s = vfmt(d, fmt, ap);
    va_end(ap);
    doc_text(d, s);
}

void doc_code(tt_doc *d, const char *s)
{
    doc_leaf(d, DOC_CODE, s);
}

void doc_strong(tt_doc *d, const char *s)
{
    doc_open(d, DOC_STRONG, NULL);
    doc_text(d, s);
    doc_close(d);
}

void doc_span(tt_doc *d, const char *cls, const char *s)
{
    doc_open(d, DOC_SPAN, cls);
    doc_text(d, s);
    doc_close(d);
}

void doc_br(tt_doc *d)
{
    append(d, DOC_BREAK);
}

void doc_rating(tt_doc *d, tt_rating r)
{
    doc_node *n = append(d, DOC_RATING);
    if (n)
        n->num = (int)r;
}

void doc_time(tt_doc *d, tt_ms t)
{
    if (t == TT_MS_NEVER) {
        doc_span(d, "missed", tt_lbl(LBL_NOT_REACHED, d->lang));
        return;
    }
    char buf[32];
    sc_time(t, d->lang, buf, sizeof buf);
    doc_textf(d, "%s", buf);
}

void doc_section(tt_doc *d, const char *id, bool keep, const char *title)
{
    doc_node *n = doc_open(d, DOC_SECTION, NULL);
    if (n) {
        n->id = id;
        n->text = title;
        n->num = keep;
    }
}

void doc_table_head(tt_doc *d, const char *const *labels, const char *const *classes)
{
    doc_open(d, DOC_TABLE, NULL);
    doc_open(d, DOC_HEAD, NULL);
    for (size_t i = 0; labels[i]; i++)
        doc_cell(d, classes ? classes[i] : NULL, labels[i]);
    doc_close(d);
}

bool doc_table_section(tt_doc *d, const char *id, bool keep, const char *title, size_t rows,
                       const char *none, const char *const *labels, const char *const *classes)
{
    doc_section(d, id, keep, title);
    if (!rows) {
        doc_para(d, NULL, none);
        doc_close(d);
        return false;
    }
    doc_table_head(d, labels, classes);
    return true;
}

void doc_label_row(tt_doc *d, const char *label)
{
    doc_open(d, DOC_ROW, NULL);
    doc_open(d, DOC_HCELL, NULL);
    doc_text(d, label);
    doc_close(d);
    doc_open(d, DOC_CELL, NULL);
}

void doc_close_n(tt_doc *d, int n)
{
    while (n-- > 0)
        doc_close(d);
}

void doc_cell(tt_doc *d, const char *cls, const char *s)
{
    doc_open(d, DOC_CELL, cls);
    doc_text(d, s);
    doc_close(d);
}

void doc_rating_cell(tt_doc *d, tt_rating r)
{
    doc_open(d, DOC_CELL, NULL);
    doc_rating(d, r);
    doc_close(d);
}

void doc_item(tt_doc *d, const char *cls, const char *s)
{
    doc_open(d, DOC_ITEM, cls);
    doc_text(d, s);
    doc_close(d);
}

void doc_para(tt_doc *d, const char *cls, const char *s)
{
    doc_open(d, DOC_PARA, cls);
    doc_text(d, s);
    doc_close(d);
}

void doc_free(tt_doc *d)
{
    tt_arena_free(&d->arena);
    memset(d, 0, sizeof *d);
}
