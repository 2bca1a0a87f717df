/* Findings of the authoring tools, compiler style. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/author.h"

int tt_findings_add(tt_findings *f, const char *file, int line, int col, const char *fmt, ...)
{
    if (!tt_grow(&f->items, &f->cap, f->n + 1, sizeof *f->items))
        return -1;
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    tt_finding *it = &f->items[f->n];
    it->file = strdup(file ? file : "?");
    it->message = strdup(msg);
    if (!it->file || !it->message) {
        free(it->file);
        free(it->message);
        return -1;
    }
    it->line = line;
    it->col = col;
    f->n++;
    return 0;
}

static int by_place(const void *a, const void *b)
{
    const tt_finding *p = a, *q = b;
    int c = strcmp(p->file, q->file);
    if (c)
        return c;
    if (p->line != q->line)
        return p->line < q->line ? -1 : 1;
    if (p->col != q->col)
        return p->col < q->col ? -1 : 1;
    return strcmp(p->message, q->message);
}

void tt_findings_print(tt_findings *f, FILE *out)
{
    if (f->n)
        qsort(f->items, f->n, sizeof *f->items, by_place);
    for (size_t i = 0; i < f->n; i++) {
        /* The same finding twice (one line, two instructions) prints once. */
        if (i && by_place(&f->items[i], &f->items[i - 1]) == 0)
            continue;
        if (f->items[i].line > 0)
            tt_term_printf(out, "%s:%d:%d: %s\n", f->items[i].file, f->items[i].line,
                           f->items[i].col > 0 ? f->items[i].col : 1, f->items[i].message);
        else /* no place in the file (a limit of the whole exercise) */
            tt_term_printf(out, "%s: %s\n", f->items[i].file, f->items[i].message);
    }
}

void tt_findings_print_error(const tt_error *err, const char *path, FILE *out)
{
    const char *file = err->file[0] ? err->file : path;
    if (err->line > 0)
        tt_term_printf(out, "%s:%d:%d: %s\n", file, err->line, err->column > 0 ? err->column : 1,
                       err->message);
    else
        tt_term_printf(out, "%s: %s\n", file, err->message);
}

void tt_findings_free(tt_findings *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->items[i].file);
        free(f->items[i].message);
    }
    free(f->items);
    memset(f, 0, sizeof *f);
}
