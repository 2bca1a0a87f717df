/* tabletop fetch HASH -o FILE [--db URI]: a journal from the central
 * archive, checked against its SHA-256, so score and replay work from it. */
#include <stdio.h>

#include "commands.h"
#include "options.h"
#include "tabletop/results.h"
#include "tabletop/terms.h"

int tt_cmd_fetch(int argc, char **argv)
{
    tt_cmdline cl = { .name = "fetch", .usage_en = tt_term_text(C_FETCH_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_FETCH_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_FETCH_WHICH) };
    const char *db = NULL, *out = NULL;
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_TEXT, &db, NULL, NULL },
        { "output", 'o', TT_OPT_OUTPUT, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    if (!out)
        return tt_cmd_fail(&cl, C_WHERE_TO_TEXT);
    tt_error err;
    tt_error_clear(&err);
    db = tt_history_spec(db);
    tt_history *h = tt_history_open_spec(db, db ? TT_HISTORY_EXISTING : 0, NULL, &err);
    if (!h)
        return tt_error_report(&err, "tabletop fetch");
    int rc = tt_journal_fetch(h, cl.args[0], out, &err);
    tt_history_close(h);
    if (rc != 0)
        return tt_error_report(&err, "tabletop fetch");
    tt_term_printf(stdout, "%s\n", out);
    return TT_EXIT_OK;
}
