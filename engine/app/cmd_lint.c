/* tabletop lint SCENARIO...: static checks, one finding per line as
 * file:line:col: message. Exit 0 clean, 1 findings, 2 a file that cannot be
 * read or loaded. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"
#include "tabletop/terms.h"

int tt_cmd_lint(int argc, char **argv)
{
    tt_cmdline cl = { .name = "lint", .usage_en = tt_term_text(C_LINT_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_LINT_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = -1,
                      .missing = tt_term_pair(C_WHICH_SCENARIOS),
                      .exits = tt_term_pair(C_EXITS_LINT) };
    const tt_opt opts[] = {
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    int status = TT_EXIT_OK;
    for (int i = 0; i < cl.n_args; i++) {
        char path[1024], why[4096];
        if (!tt_locate_scenario(cl.args[i], path, sizeof path, why, sizeof why)) {
            status = tt_cmd_fail(&cl, "%s", "%s", why);
            continue;
        }
        tt_findings f = { 0 };
        tt_error err;
        tt_error_clear(&err);
        if (tt_lint_file(path, &f, &err) != 0) {
            tt_findings_print_error(&err, path, stdout);
            status = tt_error_exit(&err);
        } else if (f.n) {
            tt_findings_print(&f, stdout);
            if (status == TT_EXIT_OK)
                status = TT_EXIT_FINDINGS;
        }
        tt_findings_free(&f);
    }
    fflush(stdout);
    return status;
}
