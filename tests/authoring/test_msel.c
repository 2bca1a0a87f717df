/* tabletop msel: RFC 4180 CSV that libcsv reads back into the same cells
 * (one row per inject, eight columns, Japanese intact, optional BOM), a
 * Markdown table, and bad output names refused. */
#define _GNU_SOURCE /* memmem */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <csv.h>

#include "cli_util.h"

typedef struct parsed {
    size_t fields, rows, row_fields;
    bool ragged;
    char first_field[64];
    bool saw_japanese, saw_questions;
} parsed;

static void on_field(void *s, size_t len, void *data)
{
    parsed *p = data;
    const char *f = s;
    if (p->fields == 0)
        snprintf(p->first_field, sizeof p->first_field, "%.*s", (int)len, f);
    p->fields++;
    p->row_fields++;
    if (len >= 3 && memmem(f, len, "ランサムウェア", strlen("ランサムウェア")))
        p->saw_japanese = true;
    if (memmem(f, len, "討議の問い", strlen("討議の問い")))
        p->saw_questions = true;
}

static void on_row(int c, void *data)
{
    (void)c;
    parsed *p = data;
    if (p->row_fields != 8)
        p->ragged = true;
    p->row_fields = 0;
    p->rows++;
}

static parsed parse_csv(const char *text)
{
    parsed p = { 0 };
    struct csv_parser csv;
    assert_int_equal(csv_init(&csv, CSV_STRICT | CSV_STRICT_FINI), 0);
    size_t n = strlen(text);
    if (csv_parse(&csv, text, n, on_field, on_row, &p) != n)
        fail_msg("not RFC 4180: %s", csv_strerror(csv_error(&csv)));
    assert_int_equal(csv_fini(&csv, on_field, on_row, &p), 0);
    csv_free(&csv);
    return p;
}

static void csv_reads_back_with_japanese_intact(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/m.csv", cli_tmp());
    cli_result r = cli_run("msel ransomware -o '%s' --lang ja --bom", path);
    if (r.status != 0)
        fail_msg("%s", r.err);
    cli_done(&r);
    char *text = cli_slurp(path);
    assert_memory_equal(text, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(text, "\r\n"));
    parsed p = parse_csv(text + 3);
    assert_false(p.ragged);
    assert_true(p.rows >= 5); /* heading + one row per inject */
    assert_string_equal(p.first_field, "番号");
    assert_true(p.saw_questions);
    free(text);
    /* Standard output, English, no BOM. */
    r = cli_run("msel ransomware --lang en");
    assert_int_equal(r.status, 0);
    assert_true(strncmp(r.out, "\"#\",\"Time or trigger\",\"Inject\"", 30) == 0);
    p = parse_csv(r.out);
    assert_false(p.ragged);
    assert_string_equal(p.first_field, "#");
    cli_done(&r);
}

static void markdown_table_and_bad_outputs(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/m.md", cli_tmp());
    cli_result r = cli_run("msel card-buffer-outage -o '%s' --lang en", path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *md = cli_slurp(path);
    assert_contains(md, "| # | Time or trigger | Inject | From | To | Expected action | Objective | Notes |");
    assert_contains(md, "|---|---|---|---|---|---|---|---|");
    assert_contains(md, "Condition: s.recurrences > 0");
    assert_contains(md, "(isolate; target +1:00:00, limit +3:00:00)");
    free(md);
    /* Japanese in the words of every other front-end (the terms table):
     * the phase translated, 目標時間 and 状況付与, not the retired words. */
    r = cli_run("msel card-buffer-outage -o '%s' --lang ja", path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    md = cli_slurp(path);
    assert_contains(md, "| 番号 | 時刻・契機 | 状況付与 |");
    assert_contains(md, "(封じ込め; 目標時間 +1:00:00, 期限 +3:00:00)");
    assert_not_contains(md, "isolate;");
    free(md);
    /* A condition that cannot be quoted on one line is placed by its line,
     * in the language asked (it was 'line N' in Japanese too). */
    char lua[512];
    snprintf(lua, sizeof lua, "%s/long-when.lua", cli_tmp());
    cli_write(lua, "local T = { ja = 't', en = 't' }\n"
                   "return scenario { id = 'long-when', source = 's', title = T, summary = T,\n"
                   "  length = '1h', invented = T, roles = { r = { name = T } }, state = { n = 0 },\n"
                   "  injects = { { id = 'late', text = T, when = function(s)\n"
                   "    return s.n > 0 end } },\n"
                   "  actions = { a = { by = 'r', label = T, completes = 'o' } },\n"
                   "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } } }\n");
    r = cli_run("msel '%s' --lang ja", lua);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\"条件: 4 行目\"");
    cli_done(&r);
    r = cli_run("msel '%s' --lang en", lua);
    assert_contains(r.out, "\"Condition: line 4\"");
    cli_done(&r);
    r = cli_run("msel ransomware -o '%s/m.txt'", cli_tmp());
    assert_int_equal(r.status, 2);
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(csv_reads_back_with_japanese_intact),
        cmocka_unit_test(markdown_table_and_bad_outputs),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
