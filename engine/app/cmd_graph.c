/* tabletop graph SCENARIO -o graph.svg|graph.dot: the scenario's structure
 * without running it (Graphviz). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"
#include "tabletop/terms.h"
#include "tabletop/terms.h"

int tt_cmd_graph(int argc, char **argv)
{
    tt_cmdline cl = { .name = "graph", .usage_en = tt_term_text(C_GRAPH_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_GRAPH_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO) };
    const char *out = NULL;
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_OUTPUT, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    bool svg = false;
    if (out) {
        size_t n = strlen(out);
        if (n > 4 && strcmp(out + n - 4, ".svg") == 0)
            svg = true;
        else if (!(n > 4 && strcmp(out + n - 4, ".dot") == 0) &&
                 !(n > 3 && strcmp(out + n - 3, ".gv") == 0))
            return tt_cmd_fail(&cl, C_GRAPH_EXT_FMT_TEXT, out);
    }
    char path[1024], why[4096];
    if (!tt_locate_scenario(cl.args[0], path, sizeof path, why, sizeof why))
        return tt_cmd_fail(&cl, "%s", "%s", why);
    tt_error err;
    tt_error_clear(&err);
    tt_access acc;
    if (tt_access_of(path, &acc, &err) != 0)
        return tt_error_report(&err, "tabletop graph");
    int rc = TT_EXIT_OK;
    tt_script *s = tt_open_scenario("tabletop graph", path, NULL, &rc);
    if (!s) {
        tt_access_free(&acc);
        return rc;
    }
    if (out && tt_same_file(out, path)) {
        tt_script_free(s);
        tt_access_free(&acc);
        return tt_cmd_fail(&cl, C_OUTPUT_IS_SCENARIO_FMT_TEXT, out);
    }
    const tt_graph_api *graph = tt_graph_module(cl.lang, &err);
    if (!graph) {
        rc = tt_error_report(&err, "tabletop graph");
        tt_script_free(s);
        tt_access_free(&acc);
        return rc;
    }
    tt_term_doc doc; /* standard output: shown safely on a terminal */
    const char *shown = out ? out : tt_term_text(C_STDOUT, cl.lang);
    FILE *fp = out ? fopen(out, "wb") : tt_term_doc_open(&doc, stdout);
    if (!fp) {
        rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, shown, tt_os_error(errno));
    } else {
        if (graph->write(s, &acc, fp, svg, cl.lang, &err) != 0)
            rc = tt_error_report(&err, "tabletop graph");
        if (out ? fclose(fp) != 0 : tt_term_doc_close(&doc) != 0)
            rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, shown, tt_os_error(errno));
    }
    if (rc == TT_EXIT_OK && out)
        tt_term_printf(stdout, "%s\n", out);
    tt_script_free(s);
    tt_access_free(&acc);
    return rc;
}
