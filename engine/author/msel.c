/* The Master Scenario Events List (HSEEP) of a scenario, from its model
 * alone: one row per inject, with when it fires (a time, or the condition
 * that triggers it), who sends it to whom, what the team is expected to do
 * and by when (the objectives it is the notice of, and the actions that
 * reach them), and the facilitator's notes (discussion questions). Written
 * as RFC 4180 CSV through libcsv (CRLF, every field quoted, optional UTF-8
 * BOM so spreadsheets read Japanese) or as a Markdown table. */
#include <csv.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/author.h"
#include "tabletop/terms.h"

/* Column headings and fixed words, in both languages. */
static const tt_text HEAD[] = {
    { "番号", "#" },
    { "時刻・契機", "Time or trigger" },
    { NULL, NULL }, /* the inject: C_SHOW_INJECT of the terms table */
    { "発信", "From" },
    { "宛先", "To" },
    { "期待される対応", "Expected action" },
    { "目標", "Objective" },
    { "備考", "Notes" },
};
/* Column k's heading; the inject's word is the one every front-end uses. */
static const char *heading(int k, tt_lang lang)
{
    return HEAD[k].ja ? tt_text_get(&HEAD[k], lang) : tt_term_text(C_SHOW_INJECT, lang);
}

static const tt_text EVERYONE = { "全員", "Everyone" };
static const tt_text CONDITION = { "条件", "Condition" };
/* A condition too long to quote: where it is in the file. */
#define MSEL_LINE_FMT_TEXT "%d 行目", "line %d"
static const tt_text QUESTIONS = { "討議の問い", "Discussion questions" };

#define N_COLS 8

static const char *name_of(const tt_scenario *m, const char *id, tt_lang lang)
{
    int i = id ? tt_scenario_actor(m, id) : -1;
    if (i >= 0)
        return tt_text_get(&m->actors[i].name, lang);
    i = id ? tt_scenario_role(m, id) : -1;
    if (i >= 0)
        return tt_text_get(&m->roles[i].name, lang);
    return id ? id : "";
}

/* The condition's source: one line of `when` (its body), else its line. */
static void condition_text(tt_script *s, size_t inject, const char *src, tt_lang lang, tt_buf *b)
{
    int first = 0, last = 0;
    tt_buf_add(b, tt_text_get(&CONDITION, lang));
    tt_buf_add(b, ": ");
    if (tt_script_function_lines(s, "inject_when", inject, &first, &last) != 0 || !src) {
        tt_buf_add(b, "?");
        return;
    }
    const char *p = src;
    for (int l = 1; l < first && p; l++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    const char *body = p ? strstr(p, "return ") : NULL;
    const char *eol = p ? strchr(p, '\n') : NULL;
    /* The keyword `end`, not a name that starts with it (s.ended). */
    const char *end = body ? strstr(body + 6, " end") : NULL;
    while (end && (isalnum((unsigned char)end[4]) || end[4] == '_'))
        end = strstr(end + 4, " end");
    char text[300];
    if (first == last && body && end && (!eol || end < eol) && end >= body + 7 &&
        end - body - 7 < 200) {
        snprintf(text, sizeof text, "%.*s", (int)(end - body - 7), body + 7);
        tt_buf_add(b, text);
    } else {
        snprintf(text, sizeof text, TT_FMT(lang, MSEL_LINE_FMT), first);
        tt_buf_add(b, text);
    }
}

/* The phase in the words every front-end uses (the terms table). */
static tt_term phase_term(tt_objective_phase phase)
{
    switch (phase) {
    case TT_OBJ_ISOLATE: return M_PHASE_ISOLATE;
    case TT_OBJ_REPORT: return M_PHASE_REPORT;
    default: return M_PHASE_RECOVER;
    }
}

/* Objectives this inject is the team's notice of; objectives without a
 * notice count from the start and go with the first timed inject. */
static bool noticed_by(const tt_scenario *m, const tt_objective *ob, size_t inject,
                       size_t first_timed)
{
    if (ob->notice)
        return strcmp(ob->notice, m->injects[inject].id) == 0;
    return inject == first_timed;
}

static int build_rows(tt_script *s, const char *src, tt_lang lang, char ***cells, size_t *rows)
{
    const tt_scenario *m = tt_script_scenario(s);
    size_t first_timed = m->n_injects;
    for (size_t i = 0; i < m->n_injects; i++)
        if (!m->injects[i].conditional &&
            (first_timed == m->n_injects || m->injects[i].at < m->injects[first_timed].at))
            first_timed = i;
    *rows = m->n_injects;
    *cells = calloc((m->n_injects ? m->n_injects : 1) * N_COLS, sizeof **cells);
    if (!*cells)
        return -1;
    for (size_t i = 0; i < m->n_injects; i++) {
        const tt_inject *in = &m->injects[i];
        tt_buf c[N_COLS] = { TT_BUF_INIT };
        char t[64];
        snprintf(t, sizeof t, "%zu", i + 1);
        tt_buf_add(&c[0], t);
        if (in->conditional) {
            condition_text(s, i, src, lang, &c[1]);
        } else {
            tt_time_format(in->at, TT_TIME_AT, t, sizeof t);
            tt_buf_add(&c[1], t);
        }
        tt_buf_add(&c[2], in->id);
        tt_buf_add(&c[2], ": ");
        tt_buf_add(&c[2], tt_text_get(&in->text, lang));
        tt_buf_add(&c[3], in->from ? name_of(m, in->from, lang) : "");
        char names[512];
        tt_buf_add(&c[4], !in->to ? tt_text_get(&EVERYONE, lang)
                   : strchr(in->to, ',') ? tt_scenario_recipients(m, in->to, lang, names, sizeof names)
                                         : name_of(m, in->to, lang));
        for (size_t o = 0; o < m->n_objectives; o++) {
            const tt_objective *ob = &m->objectives[o];
            if (!noticed_by(m, ob, i, first_timed))
                continue;
            char target[64], limit[64];
            tt_time_format(ob->target, TT_TIME_AT, target, sizeof target);
            tt_time_format(ob->limit, TT_TIME_AT, limit, sizeof limit);
            if (c[6].len)
                tt_buf_add(&c[6], "\n");
            tt_buf_add(&c[6], tt_text_get(&ob->title, lang));
            tt_buf_add(&c[6], " (");
            tt_buf_add(&c[6], tt_term_text(phase_term(ob->phase), lang));
            tt_buf_add(&c[6], "; ");
            tt_buf_add(&c[6], tt_term_text(S_TARGET, lang));
            tt_buf_add(&c[6], " ");
            tt_buf_add(&c[6], target);
            tt_buf_add(&c[6], ", ");
            tt_buf_add(&c[6], tt_term_text(S_LIMIT, lang));
            tt_buf_add(&c[6], " ");
            tt_buf_add(&c[6], limit);
            tt_buf_add(&c[6], ")");
            for (size_t a = 0; a < m->n_actions; a++) {
                const tt_action *ac = &m->actions[a];
                if (!ac->completes || strcmp(ac->completes, ob->id) != 0)
                    continue;
                if (c[5].len)
                    tt_buf_add(&c[5], "\n");
                tt_buf_add(&c[5], tt_text_get(&ac->label, lang));
                tt_buf_add(&c[5], " (");
                for (size_t r = 0; r < ac->n_roles; r++) {
                    if (r)
                        tt_buf_add(&c[5], ", ");
                    tt_buf_add(&c[5], name_of(m, ac->roles[r], lang));
                }
                tt_buf_add(&c[5], ")");
            }
        }
        if (in->n_questions) {
            tt_buf_add(&c[7], tt_text_get(&QUESTIONS, lang));
            tt_buf_add(&c[7], ":");
        }
        for (size_t q = 0; q < in->n_questions; q++) {
            tt_buf_add(&c[7], "\n- ");
            tt_buf_add(&c[7], tt_text_get(&in->questions[q], lang));
        }
        bool failed = false;
        for (int k = 0; k < N_COLS; k++)
            failed |= !((*cells)[i * N_COLS + (size_t)k] = tt_buf_take(&c[k], NULL));
        if (failed)
            return -1;
    }
    return 0;
}

static int write_csv(FILE *out, char **cells, size_t rows, tt_lang lang, bool bom)
{
    if (bom)
        fputs("\xEF\xBB\xBF", out);
    for (int k = 0; k < N_COLS; k++) {
        const char *h = heading(k, lang);
        if (k)
            fputc(',', out);
        csv_fwrite(out, h, strlen(h));
    }
    fputs("\r\n", out);
    for (size_t r = 0; r < rows; r++) {
        for (int k = 0; k < N_COLS; k++) {
            const char *v = cells[r * N_COLS + (size_t)k];
            if (k)
                fputc(',', out);
            csv_fwrite(out, v, strlen(v));
        }
        fputs("\r\n", out);
    }
    return ferror(out) ? -1 : 0;
}

/* A Markdown table cell: pipes escaped, line breaks as <br>. */
static void md_cell(FILE *out, const char *v)
{
    fputs(" ", out);
    for (const char *p = v; *p; p++) {
        if (*p == '|')
            fputs("\\|", out);
        else if (*p == '\n')
            fputs("<br>", out);
        else if (*p == '\r')
            continue;
        else
            fputc(*p, out);
    }
    fputs(" |", out);
}

static int write_md(FILE *out, const tt_scenario *m, char **cells, size_t rows, tt_lang lang)
{
    fprintf(out, "# MSEL: %s\n\n|", tt_text_get(&m->title, lang));
    for (int k = 0; k < N_COLS; k++)
        md_cell(out, heading(k, lang));
    fputs("\n|", out);
    for (int k = 0; k < N_COLS; k++)
        fputs("---|", out);
    fputs("\n", out);
    for (size_t r = 0; r < rows; r++) {
        fputs("|", out);
        for (int k = 0; k < N_COLS; k++)
            md_cell(out, cells[r * N_COLS + (size_t)k]);
        fputs("\n", out);
    }
    return ferror(out) ? -1 : 0;
}

int tt_msel_write(tt_script *s, const char *src, FILE *out, tt_msel_format fmt, tt_lang lang,
                  bool bom, tt_error *err)
{
    char **cells = NULL;
    size_t rows = 0;
    int rc = build_rows(s, src, lang, &cells, &rows);
    if (rc == 0)
        rc = fmt == TT_MSEL_CSV ? write_csv(out, cells, rows, lang, bom)
                                : write_md(out, tt_script_scenario(s), cells, rows, lang);
    else
        tt_error_oom(err, NULL);
    if (cells)
        for (size_t i = 0; i < rows * N_COLS; i++)
            free(cells[i]);
    free(cells);
    if (rc != 0 && !err->message[0])
        tt_error_runtime(err, NULL, TT_MSG(E_MSEL_CANNOT_WRITE));
    return rc;
}
