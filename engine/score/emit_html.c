/* HTML scorecard: the document as one self-contained page (inline CSS,
 * inline SVG, no network, no script) laid out for A4 printing. It is also
 * well-formed XML, so tests can check it with both an HTML and an XML
 * parser. */
#include "doc.h"

#include <stdio.h>

static const char css[] =
    "@page{size:A4;margin:14mm 12mm}"
    "body{font-family:\"Noto Sans CJK JP\",\"Noto Sans JP\",\"Hiragino Sans\",\"Yu Gothic\",\"Helvetica Neue\",Arial,sans-serif;"
    "color:#1a1a1a;max-width:186mm;margin:0 auto;padding:8px;font-size:10.5pt;line-height:1.45}"
    "h1{font-size:18pt;margin:0 0 4px}h2{font-size:13pt;border-bottom:2px solid #345;margin:18px 0 6px;padding-bottom:2px}"
    "table{border-collapse:collapse;width:100%;margin:4px 0 8px}"
    "th,td{border:1px solid #bbb;padding:3px 5px;text-align:left;vertical-align:top}"
    "th{background:#eef1f5}td.num{text-align:right;white-space:nowrap}"
    "tr,section.keep,.headline{break-inside:avoid;page-break-inside:avoid}"
    "h2{break-after:avoid;page-break-after:avoid}"
    ".overall{display:flex;gap:16px;align-items:center;margin:8px 0}"
    ".badge{font-size:28pt;font-weight:bold;width:56px;height:56px;line-height:56px;text-align:center;border-radius:8px;color:#fff}"
    ".rP{background:#2e7d32}.rS{background:#9e9d24}.rM{background:#ef6c00}.rU{background:#c62828}.rNA{background:#757575}"
    "span.rating{display:inline-block;min-width:1.6em;text-align:center;border-radius:4px;color:#fff;font-weight:bold}"
    ".warn{border:2px solid #c62828;background:#fdecea;padding:6px 10px;margin:8px 0}"
    ".early{border:3px solid #ef6c00;background:#fff3e0;padding:8px 12px;margin:8px 0;font-size:12pt;"
    "-webkit-print-color-adjust:exact;print-color-adjust:exact;break-inside:avoid}"
    ".headline{display:flex;gap:8px;margin:6px 0}"
    ".headline>div{flex:1;border:1px solid #345;border-radius:6px;padding:6px 8px}"
    ".headline .big{font-size:20pt;font-weight:bold}"
    ".headline .sub{font-size:9pt;color:#444}"
    ".covered{color:#2e7d32}.missed{color:#c62828}"
    ".small{font-size:9pt;color:#444}"
    "svg.timeline{width:100%;height:auto;border:1px solid #ccc;background:#fff}"
    "svg .ll{font-size:10px;fill:#222}svg .tl{font-size:9px;fill:#444}"
    "svg .lane{stroke:#eee}svg .axis,svg .tick{stroke:#666}"
    "svg .inj{fill:#1565c0}svg .msg{fill:#90caf9}"
    "svg .act{fill:#2e7d32}svg .harm{fill:#c62828}svg .waste{fill:#ef6c00}svg .ref{fill:#9e9e9e}"
    "svg .dur{opacity:.35}"
    "svg .tgt{fill:#c8e6c9}svg .lim{fill:#fff3c4}svg .notice{stroke:#1565c0;stroke-dasharray:2 2}"
    "svg .ratP{fill:#2e7d32}svg .ratS{fill:#9e9d24}svg .ratM{fill:#ef6c00}svg .ratU{fill:#c62828}svg .ratNA{fill:#757575}"
    "svg .real{fill:#6a1b9a}svg .beyond{opacity:.4}svg .past{opacity:.55}"
    "code{font-size:8.5pt;overflow-wrap:anywhere}th.obj{width:30%}th.n{white-space:nowrap}"
    "td.role,th.role{white-space:nowrap}th.prio{width:3.5em}"
    ".legend{font-size:8.5pt;color:#444;margin:2px 0 0}.legend span{margin-right:10px;white-space:nowrap}"
    ".sw{display:inline-block;width:10px;height:10px;border-radius:5px;vertical-align:middle;margin-right:3px}"
    "@media print{body{padding:0}a{color:inherit}}";

static void attr(tt_buf *b, const char *name, const char *value)
{
    if (!value)
        return;
    /* Tags and attributes are added, not printed: a card has thousands. */
    tt_buf_add(b, " ");
    tt_buf_add(b, name);
    tt_buf_add(b, "=\"");
    tt_buf_html(b, value);
    tt_buf_add(b, "\"");
}

static void open_tag(tt_buf *b, const char *tag, const doc_node *n)
{
    tt_buf_add(b, "<");
    tt_buf_add(b, tag);
    if (n->kind == DOC_CELL && n->num > 1)
        tt_buf_printf(b, " colspan=\"%d\"", n->num);
    attr(b, "class", n->kind == DOC_SECTION ? (n->num ? "keep" : NULL) : n->cls);
    attr(b, "id", n->id);
    attr(b, "style", n->style);
    tt_buf_add(b, ">");
}

static void emit(tt_buf *b, const doc_node *n, tt_lang L);

static void children(tt_buf *b, const doc_node *n, tt_lang L)
{
    for (const doc_node *c = n->first; c; c = c->next)
        emit(b, c, L);
}

/* <tag attrs>children</tag> followed by `after`. */
static void element(tt_buf *b, const char *tag, const doc_node *n, const char *after, tt_lang L)
{
    open_tag(b, tag, n);
    children(b, n, L);
    tt_buf_add(b, "</");
    tt_buf_add(b, tag);
    tt_buf_add(b, ">");
    tt_buf_add(b, after);
}

static void emit(tt_buf *b, const doc_node *n, tt_lang L)
{
    bool in_cell = n->parent && n->parent->kind == DOC_CELL;
    const char *letter = "";
    switch (n->kind) {
    case DOC_ROOT:
        children(b, n, L);
        break;
    case DOC_HEADER:
        tt_buf_add(b, "<header>\n<h1>");
        tt_buf_html(b, n->text);
        tt_buf_add(b, "</h1>\n");
        children(b, n, L);
        tt_buf_add(b, "</header>\n");
        break;
    case DOC_BADGE:
        letter = tt_rating_letter((tt_rating)n->num);
        tt_buf_printf(b, "<div class=\"overall\"><div class=\"badge r%s\">%s</div>",
                  tt_rating_key((tt_rating)n->num), letter);
        element(b, "div", n, "</div>\n", L);
        break;
    case DOC_SECTION:
        open_tag(b, "section", n);
        tt_buf_add(b, "\n<h2>");
        tt_buf_html(b, n->text);
        tt_buf_add(b, "</h2>\n");
        children(b, n, L);
        tt_buf_add(b, "</section>\n");
        break;
    case DOC_PARA: element(b, "p", n, "\n", L); break;
    case DOC_LIST:
        open_tag(b, "ul", n);
        tt_buf_add(b, in_cell ? "" : "\n");
        children(b, n, L);
        tt_buf_add(b, in_cell ? "</ul>" : "</ul>\n");
        break;
    case DOC_ITEM: element(b, "li", n, n->parent->parent->kind == DOC_CELL ? "" : "\n", L); break;
    case DOC_TABLE:
        tt_buf_add(b, "<table>\n");
        for (const doc_node *c = n->first; c && c->kind == DOC_HEAD; c = c->next)
            emit(b, c, L);
        tt_buf_add(b, "<tbody>\n");
        for (const doc_node *c = n->first; c; c = c->next)
            if (c->kind != DOC_HEAD)
                emit(b, c, L);
        tt_buf_add(b, "</tbody>\n</table>\n");
        break;
    case DOC_HEAD:
        tt_buf_add(b, "<thead><tr>");
        for (const doc_node *c = n->first; c; c = c->next)
            element(b, "th", c, "", L);
        tt_buf_add(b, "</tr></thead>\n");
        break;
    case DOC_ROW: element(b, "tr", n, "\n", L); break;
    case DOC_CELL: element(b, "td", n, "", L); break;
    case DOC_HCELL: element(b, "th", n, "", L); break;
    case DOC_TILES: tt_buf_add(b, "<div class=\"headline\">\n"); children(b, n, L); tt_buf_add(b, "</div>\n"); break;
    case DOC_TILE: element(b, "div", n, "\n", L); break;
    case DOC_PART: element(b, "div", n, "", L); break;
    case DOC_FIGURE:
        tt_buf_add(b, n->text);
        children(b, n, L);
        break;
    case DOC_TEXT: tt_buf_html(b, n->text); break;
    case DOC_CODE: tt_buf_add(b, "<code>"); tt_buf_html(b, n->text); tt_buf_add(b, "</code>"); break;
    case DOC_STRONG: element(b, "strong", n, "", L); break;
    case DOC_EM: element(b, "em", n, "", L); break;
    case DOC_SPAN: element(b, "span", n, "", L); break;
    case DOC_BREAK: tt_buf_add(b, "<br/>"); break;
    case DOC_RATING:
        letter = tt_rating_letter((tt_rating)n->num);
        tt_buf_printf(b, "<span class=\"rating r%s\" title=\"", tt_rating_key((tt_rating)n->num));
        tt_buf_html(b, tt_rating_name((tt_rating)n->num, L));
        tt_buf_printf(b, "\">%s</span>", letter);
        break;
    }
}

char *doc_emit_html(const tt_doc *d, size_t *len)
{
    tt_buf b = TT_BUF_INIT;
    tt_buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>",
              tt_lang_name(d->lang));
    tt_buf_html(&b, d->title);
    tt_buf_add(&b, " — ");
    tt_buf_html(&b, d->subtitle);
    tt_buf_add(&b, "</title>\n<style>");
    tt_buf_addn(&b, css, sizeof css - 1);
    tt_buf_add(&b, "</style>\n</head>\n<body>\n");
    emit(&b, d->root, d->lang);
    tt_buf_add(&b, "</body>\n</html>\n");
    return tt_buf_take(&b, len);
}
