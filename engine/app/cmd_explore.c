/* tabletop explore SCENARIO [--runs N] [--seed S] [-o DIR]: dynamic lint. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "commands.h"
#include "locate.h"
#include "options.h"
#include "tabletop/author.h"
#include "tabletop/terms.h"

static bool parse_runs(const char *arg, void *dest, char *why, size_t why_size)
{
    char *end;
    long v = strtol(arg, &end, 10);
    if (*end || v < 1 || v > 100000) {
        snprintf(why, why_size, TT_FMT(tt_lang_messages(), C_EXPLORE_RUNS_FMT), arg);
        return false;
    }
    *(unsigned *)dest = (unsigned)v;
    return true;
}

int tt_cmd_explore(int argc, char **argv)
{
    tt_cmdline cl = { .name = "explore", .usage_en = tt_term_text(C_EXPLORE_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_EXPLORE_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO),
                      .exits = tt_term_pair(C_EXITS_EXPLORE) };
    unsigned runs = 50;
    uint64_t seed = 1;
    const char *dir = NULL;
    const tt_opt opts[] = {
        { "runs", 0, TT_OPT_CUSTOM, &runs, NULL, parse_runs },
        { "seed", 0, TT_OPT_SEED, &seed, NULL, NULL },
        { "output", 'o', TT_OPT_PATH, &dir, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    char path[1024], why[4096];
    if (!tt_locate_scenario(cl.args[0], path, sizeof path, why, sizeof why))
        return tt_cmd_fail(&cl, "%s", "%s", why);
    tt_explore_report rep;
    tt_error err;
    tt_error_clear(&err);
    if (dir && tt_make_folder(dir, cl.lang, &err) != 0)
        return tt_error_report(&err, "tabletop explore");
    if (tt_explore(path, runs, seed, &rep, &err) != 0) {
        tt_findings_print_error(&err, path, stdout);
        return tt_error_exit(&err);
    }
    tt_findings_print(&rep.findings, stdout);
    int rc = rep.findings.n ? TT_EXIT_FINDINGS : TT_EXIT_OK;
    for (size_t i = 0; i < rep.n_witnesses; i++) {
        if (!rep.witnesses[i].yaml)
            continue;
        if (dir) {
            char file[2048];
            int n = snprintf(file, sizeof file, "%s/finding-%zu.yaml", dir, i + 1);
            FILE *fp = n >= 0 && (size_t)n < sizeof file ? fopen(file, "wb") : NULL;
            if (!fp && n >= 0 && (size_t)n >= sizeof file)
                errno = ENAMETOOLONG;   /* a cut name would be another file */
            bool ok = fp && fputs(rep.witnesses[i].yaml, fp) >= 0;
            if (fp && fclose(fp) != 0)
                ok = false;
            if (!ok)
                rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, file, tt_os_error(errno));
            tt_term_printf(stdout, "%s: %s\n", file, rep.witnesses[i].message);
        } else {
            printf(TT_FMT(cl.lang, C_EXPLORE_FINDING_FMT), i + 1);
            fputs(rep.witnesses[i].yaml, stdout);
        }
    }
    if (!rep.findings.n)
        printf(TT_FMT(cl.lang, C_EXPLORE_NONE_FMT), rep.runs);
    tt_explore_report_free(&rep);
    return rc;
}
