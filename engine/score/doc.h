/* The scorecard as a document: one tree built once from the scorecard
 * (card_doc.c) and written by two small emitters (emit_html.c, emit_md.c),
 * the shape of cmark's renderers. JSON is not a document: it stays on
 * jansson (render_json.c).
 *
 * Blocks: HEADER (title and the overall BADGE), SECTION (id, title), PARA,
 * LIST of ITEMs, TABLE (an optional HEAD row, then ROWs of CELLs; HCELL is a
 * row-header cell), TILES of TILEs made of PARTs (the headline figures) and
 * FIGURE (an SVG that only HTML shows; Markdown leaves out a section that
 * holds nothing else). Inlines: TEXT, CODE, STRONG, EM, SPAN, BREAK,
 * RATING. Each node may carry a class, an id and a style for HTML; the
 * Markdown emitter ignores them.
 *
 * Building: doc_open() appends a container to the current one and enters
 * it, doc_close() leaves it; the leaf helpers append to the current
 * container. An allocation failure makes every later call a no-op and sets
 * `failed`, so a builder checks once at the end.
 *
 * Adding a card section: write one `static void NAME(tt_doc *d, const
 * tt_scorecard *card, tt_lang L)` in card_doc.c that opens a section with
 * doc_section(), adds paragraphs, lists or tables, and closes it; then list
 * NAME in `sections[]` there at the place it belongs. Both the HTML and the
 * Markdown card show it; nothing else changes. For example:
 *
 *     static void hotwash(tt_doc *d, const tt_scorecard *card, tt_lang L)
 *     {
 *         doc_section(d, "hotwash", false, T(HOTWASH));
 *         doc_table_head(d, (const char *[]){ T(ROLE), T(NOTE), NULL }, NULL);
 *         for (size_t i = 0; i < card->n_hotwash; i++) {
 *             doc_open(d, DOC_ROW, NULL);
 *             doc_cell(d, NULL, tt_scenario_role_name(card->scenario, card->hotwash[i].role, L));
 *             doc_cell(d, NULL, card->hotwash[i].text);
 *             doc_close(d);
 *         }
 *         doc_close(d);   // the table
 *         doc_close(d);   // the section
 *     }
 */
#ifndef TT_SCORE_DOC_H
#define TT_SCORE_DOC_H

#include "tabletop/score.h"

#include <stdbool.h>

typedef enum doc_kind {
    DOC_ROOT,
    DOC_HEADER, DOC_BADGE, DOC_SECTION, DOC_PARA, DOC_LIST, DOC_ITEM,
    DOC_TABLE, DOC_HEAD, DOC_ROW, DOC_CELL, DOC_HCELL,
    DOC_TILES, DOC_TILE, DOC_PART, DOC_FIGURE,
    DOC_TEXT, DOC_CODE, DOC_STRONG, DOC_EM, DOC_SPAN, DOC_BREAK, DOC_RATING,
} doc_kind;

typedef struct doc_node doc_node;
struct doc_node {
    doc_kind kind;
    const char *text;    /* TEXT, CODE; SECTION/HEADER title; FIGURE's SVG */
    const char *cls;     /* HTML class */
    const char *id;      /* HTML id (SECTION, SPAN) */
    const char *style;   /* HTML style (SPAN) */
    int num;             /* RATING/BADGE: tt_rating; CELL: colspan; SECTION: keep together */
    doc_node *parent, *first, *last, *next;
};

typedef struct tt_doc {
    tt_arena arena;
    doc_node *root;
    doc_node *cur;
    tt_lang lang;
    const char *title;      /* "Exercise scorecard" */
    const char *subtitle;   /* the scenario's title */
    bool failed;
} tt_doc;

/* The card's document. 0, or -1 when out of memory (then nothing to free). */
int sc_card_doc(tt_doc *d, const tt_scorecard *card, tt_lang lang);
void doc_free(tt_doc *d);

/* Emitters: a malloc'd string, NULL when out of memory. */
char *doc_emit_html(const tt_doc *d, size_t *len);
char *doc_emit_md(const tt_doc *d, size_t *len);

/* Building. Strings are not copied unless the helper formats them: they
 * must outlive the document (labels, the scenario, the card do). */
doc_node *doc_open(tt_doc *d, doc_kind kind, const char *cls);
void doc_close(tt_doc *d);
doc_node *doc_leaf(tt_doc *d, doc_kind kind, const char *text);
void doc_text(tt_doc *d, const char *s);
/* A formatted string kept in the document ("" and `failed` when out of memory). */
const char *doc_fmt(tt_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_textf(tt_doc *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void doc_code(tt_doc *d, const char *s);
void doc_strong(tt_doc *d, const char *s);
void doc_span(tt_doc *d, const char *cls, const char *s);
void doc_br(tt_doc *d);
void doc_rating(tt_doc *d, tt_rating r);
/* A simulated time; "not reached" (marked missed) for TT_MS_NEVER. */
void doc_time(tt_doc *d, tt_ms t);
/* Opens a section (close it with doc_close). */
void doc_section(tt_doc *d, const char *id, bool keep, const char *title);
/* Opens a table whose head row has these labels (NULL-terminated) with
 * these HTML classes (NULL, or one entry per label, each may be NULL). */
void doc_table_head(tt_doc *d, const char *const *labels, const char *const *classes);
/* A section holding a table with this head row; when it would have no rows
 * the section holds the paragraph `none` instead, is closed, and false is
 * returned. */
bool doc_table_section(tt_doc *d, const char *id, bool keep, const char *title, size_t rows,
                       const char *none, const char *const *labels, const char *const *classes);
/* A row of a header cell `label` and an open value cell: close both with
 * doc_close_n(d, 2). */
void doc_label_row(tt_doc *d, const char *label);
/* Closes the n innermost containers (a row and its table, a table and its section). */
void doc_close_n(tt_doc *d, int n);
/* A table cell of one text, of one rating. */
void doc_cell(tt_doc *d, const char *cls, const char *s);
void doc_rating_cell(tt_doc *d, tt_rating r);
/* A list item of one text. */
void doc_item(tt_doc *d, const char *cls, const char *s);
/* A paragraph of one text. */
void doc_para(tt_doc *d, const char *cls, const char *s);

#endif
