/* tabletop msel SCENARIO [-o msel.csv|msel.md] [--lang ja|en] [--bom]: the
 * Master Scenario Events List facilitators use (HSEEP). */
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
#include "tabletop/terms.h"

static char *slurp(const char *path)
{
    char why[160];
    FILE *fp = tt_fopen_regular(path, SIZE_MAX, why, sizeof why);
    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) != 0) {
        fclose(fp);
        return NULL;
    }
    long n = ftell(fp);
    rewind(fp);
    char *b = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (b) {
        size_t got = fread(b, 1, (size_t)n, fp);
        b[got] = '\0';
    }
    fclose(fp);
    return b;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

int tt_cmd_msel(int argc, char **argv)
{
    tt_cmdline cl = { .name = "msel", .usage_en = tt_term_text(C_MSEL_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_MSEL_USAGE, TT_LANG_JA),
                      .min_args = 1, .max_args = 1,
                      .missing = tt_term_pair(C_WHICH_SCENARIO) };
    const char *out = NULL;
    bool bom = false;
    const tt_opt opts[] = {
        { "output", 'o', TT_OPT_OUTPUT, &out, NULL, NULL },
        { "bom", 0, TT_OPT_FLAG, &bom, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    tt_msel_format fmt = TT_MSEL_CSV;
    if (out) {
        size_t n = strlen(out);
        if (n > 4 && strcmp(out + n - 4, ".csv") == 0)
            fmt = TT_MSEL_CSV;
        else if (n > 3 && strcmp(out + n - 3, ".md") == 0)
            fmt = TT_MSEL_MD;
        else
            return tt_cmd_fail(&cl, C_MSEL_EXT_FMT_TEXT, out);
    }
    int rc = TT_EXIT_OK;
    tt_script *s = tt_open_scenario("tabletop msel", cl.args[0], NULL, &rc);
    if (!s)
        return rc;
    const tt_scenario *sc = tt_script_scenario(s);
    if (out && same_file(out, sc->path)) {
        tt_script_free(s);
        return tt_cmd_fail(&cl, C_OUTPUT_IS_SCENARIO_FMT_TEXT, out);
    }
    char *src = slurp(sc->path);
    tt_term_doc doc; /* standard output: shown safely on a terminal */
    const char *shown = out ? out : tt_term_text(C_STDOUT, cl.lang);
    FILE *fp = out ? fopen(out, "wb") : tt_term_doc_open(&doc, stdout);
    tt_error err;
    tt_error_clear(&err);
    if (!fp) {
        rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, shown, tt_os_error(errno));
    } else {
        if (tt_msel_write(s, src, fp, fmt, cl.lang, bom, &err) != 0)
            rc = tt_error_report(&err, "tabletop msel");
        if (out ? fclose(fp) != 0 : tt_term_doc_close(&doc) != 0)
            rc = tt_cmd_fail_as(&cl, TT_ERR_RUNTIME, C_CANNOT_WRITE_FMT_TEXT, shown, tt_os_error(errno));
    }
    if (rc == TT_EXIT_OK && out)
        tt_term_printf(stdout, "%s\n", out);
    free(src);
    tt_script_free(s);
    return rc;
}
