/* tabletop graph: DOT that Graphviz reads back with the scenario's nodes
 * and the edges the analysis finds (completes, notice, reads, writes); SVG
 * laid out by Graphviz; hostile files refused within the sandbox limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <gvc.h>

#include "cli_util.h"

static bool has_edge(Agraph_t *g, const char *from, const char *to)
{
    Agnode_t *a = agnode(g, (char *)from, 0), *b = agnode(g, (char *)to, 0);
    return a && b && agedge(g, a, b, NULL, 0) != NULL;
}

static void dot_reads_back_with_the_structure(void **state)
{
    (void)state;
    cli_result r = cli_run("graph ransomware --lang en");
    assert_int_equal(r.status, 0);
    Agraph_t *g = agmemread(r.out);
    assert_non_null(g);
    assert_true(agisdirected(g));
    assert_non_null(agnode(g, "inject:av_alert", 0));
    assert_non_null(agnode(g, "objective:isolate_pc", 0));
    assert_true(has_edge(g, "inject:av_alert", "objective:isolate_pc"));   /* notice */
    assert_true(has_edge(g, "action:pull_cable", "objective:isolate_pc")); /* completes */
    assert_true(has_edge(g, "action:pull_cable", "state:isolated"));       /* does writes */
    assert_true(has_edge(g, "state:isolated", "action:pull_cable"));       /* requires reads */
    agclose(g);
    cli_done(&r);
}

static void svg_is_laid_out_and_bad_input_refused(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/g.svg", cli_tmp());
    cli_result r = cli_run("graph card-buffer-outage -o '%s' --lang ja", path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *svg = cli_slurp(path);
    assert_contains(svg, "<svg");
    assert_contains(svg, "</svg>");
    assert_contains(svg, "objective:restore_service");
    free(svg);
    r = cli_run("graph ransomware -o '%s/g.png'", cli_tmp());
    assert_int_equal(r.status, 2);
    cli_done(&r);
    snprintf(path, sizeof path, "%s/endless.lua", cli_tmp());
    cli_write(path, "local x = 0 while true do x = x + 1 end\n");
    r = cli_run("graph '%s'", path);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "instruction budget");
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dot_reads_back_with_the_structure),
        cmocka_unit_test(svg_is_laid_out_and_bad_input_refused),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    char cmd[400];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", cli_tmp());
    if (system(cmd) != 0)
        rc = rc ? rc : 1;
    return rc;
}
