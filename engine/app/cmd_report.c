/* tabletop report --db URI [--team T] [--scenario ID] [--organisation O]
 * [--since DATE] [--anonymise] -o report.html|md|json|csv: results across
 * exercises (docs/results.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tabletop/results.h"
#include "tabletop/terms.h"

static bool is_date(const char *s)
{
    if (strlen(s) < 10)
        return false;
    char day[11];
    memcpy(day, s, 10);
    day[10] = '\0';
    return tt_calendar_date_ok(day) && strlen(day) == 10 && (s[10] == '\0' || s[10] == 'T');
}

static int write_file(const char *path, const char *data, size_t len, tt_lang lang, tt_error *err)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        tt_error_set(err, path, 0, 0, "%s", tt_term_text(C_PATH_TOO_LONG, lang));
        return -1;
    }
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        tt_error_runtime(err, path, "%s", tt_term_text(C_REPORT_CANNOT_WRITE, lang));
        return -1;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        tt_error_runtime(err, path, "%s", tt_term_text(C_REPORT_CANNOT_WRITE, lang));
        return -1;
    }
    return 0;
}

int tt_cmd_report(int argc, char **argv)
{
    tt_cmdline cl = { .name = "report", .usage_en = tt_term_text(C_REPORT_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_REPORT_USAGE, TT_LANG_JA), .max_args = 0 };
    const char *db = NULL, *out = NULL;
    tt_report_options o = { 0 };
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_TEXT, &db, NULL, NULL },
        { "team", 0, TT_OPT_TEXT, &o.filter.team, NULL, NULL },
        { "scenario", 0, TT_OPT_TEXT, &o.filter.scenario, NULL, NULL },
        { "organisation", 0, TT_OPT_TEXT, &o.filter.organisation, NULL, NULL },
        { "since", 0, TT_OPT_TEXT, &o.filter.since, NULL, NULL },
        { "anonymise", 0, TT_OPT_FLAG, &o.anonymise, NULL, NULL },
        { "output", 'o', TT_OPT_OUTPUT, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    o.lang = cl.lang;
    tt_report_format fmt;
    if (!out)
        return tt_cmd_fail(&cl, C_REPORT_WHERE_TEXT);
    if (!tt_report_format_from_path(out, &fmt))
        return tt_cmd_fail(&cl, C_REPORT_EXT_FMT_TEXT, out);
    if (o.filter.since && !is_date(o.filter.since))
        return tt_cmd_fail(&cl, C_REPORT_SINCE_FMT_TEXT, o.filter.since);
    db = tt_history_spec(db);
    tt_error err;
    tt_error_clear(&err);
    tt_history *h = tt_history_open_spec(db, db ? TT_HISTORY_EXISTING : 0, NULL, &err);
    if (!h)
        return tt_error_report(&err, "tabletop report");
    size_t len = 0;
    char *text = tt_report_render(h, &o, fmt, &len, &err);
    tt_history_close(h);
    if (!text)
        return tt_error_report(&err, "tabletop report");
    int rc = write_file(out, text, len, cl.lang, &err);
    free(text);
    if (rc != 0)
        return tt_error_report(&err, "tabletop report");
    tt_term_printf(stdout, "%s\n", out);
    return TT_EXIT_OK;
}
