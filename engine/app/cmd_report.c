/* tabletop report --db URI [--team T] [--scenario ID] [--organisation O]
 * [--since DATE] [--anonymise] -o report.html|md|json|csv: results across
 * exercises (docs/results.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tabletop/results.h"

static const char usage_ja[] =
    "使い方: tabletop report [--db URI] [絞り込み] -o report.html|md|json|csv\n"
    "\n"
    "演習をまたいだ結果: チームとシナリオごとの点数と各フェーズの時間の推移（中央値と最高、\n"
    "チームごとの小さなグラフ）、目標ごとの P/S/M/U の分布、繰り返し挙がる改善項目、\n"
    "見落とされることの多い教訓。\n"
    "\n"
    "  --db F|URI          結果データベース（既定: $TABLETOP_DB、なければこの端末の履歴）\n"
    "  --team T            このチームだけ\n"
    "  --scenario ID       このシナリオだけ\n"
    "  --organisation O    この組織だけ\n"
    "  --since DATE        この日付（YYYY-MM-DD）以降の演習だけ\n"
    "  --anonymise         チーム名と参加者名を安定した仮名に置き換える\n"
    "  -o, --output F      書き出すファイル（拡張子で形式を決めます）\n"
    "  --lang ja|en        言語（既定: ロケールから）\n"
    "  -h, --help          この説明\n";
static const char usage_en[] =
    "usage: tabletop report [--db URI] [filters] -o report.html|md|json|csv\n"
    "\n"
    "Results across exercises: per team and scenario the trend of the score and of\n"
    "each phase's time (median and best, a small chart per team), each objective's\n"
    "P/S/M/U distribution, improvement-plan items that keep coming back, and the\n"
    "lessons missed most often.\n"
    "\n"
    "  --db F|URI          results database (default: $TABLETOP_DB, else this machine's history)\n"
    "  --team T            only this team\n"
    "  --scenario ID       only this scenario\n"
    "  --organisation O    only this organisation\n"
    "  --since DATE        only exercises on or after this date (YYYY-MM-DD)\n"
    "  --anonymise         replace team and member names by stable pseudonyms\n"
    "  -o, --output F      the file to write (its extension picks the format)\n"
    "  --lang ja|en        language (default: from the locale)\n"
    "  -h, --help          this help\n";

static bool is_date(const char *s)
{
    if (strlen(s) < 10)
        return false;
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? s[i] != '-' : (s[i] < '0' || s[i] > '9'))
            return false;
    return s[10] == '\0' || s[10] == 'T';
}

static int write_file(const char *path, const char *data, size_t len, tt_error *err)
{
    char tmp[4096];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        tt_error_set(err, path, 0, 0, "the path is too long");
        return -1;
    }
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        tt_error_runtime(err, path, "cannot write the report");
        return -1;
    }
    bool ok = fwrite(data, 1, len, f) == len;
    ok = fclose(f) == 0 && ok;
    if (!ok || rename(tmp, path) != 0) {
        remove(tmp);
        tt_error_runtime(err, path, "cannot write the report");
        return -1;
    }
    return 0;
}

int tt_cmd_report(int argc, char **argv)
{
    tt_cmdline cl = { .name = "report", .usage_en = usage_en, .usage_ja = usage_ja, .max_args = 0 };
    const char *db = NULL, *out = NULL;
    tt_report_options o = { 0 };
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_TEXT, &db, NULL, NULL },
        { "team", 0, TT_OPT_TEXT, &o.filter.team, NULL, NULL },
        { "scenario", 0, TT_OPT_TEXT, &o.filter.scenario, NULL, NULL },
        { "organisation", 0, TT_OPT_TEXT, &o.filter.organisation, NULL, NULL },
        { "since", 0, TT_OPT_TEXT, &o.filter.since, NULL, NULL },
        { "anonymise", 0, TT_OPT_FLAG, &o.anonymise, NULL, NULL },
        { "output", 'o', TT_OPT_PATH, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    o.lang = cl.lang;
    tt_report_format fmt;
    if (!out)
        return tt_cmd_fail(&cl, "書き出し先を -o で指定してください（.html .md .json .csv）",
                           "where to? give -o report.html, .md, .json or .csv");
    if (!tt_report_format_from_path(out, &fmt))
        return tt_cmd_fail(&cl, "-o の拡張子は .html .md .json .csv のどれかです（%s）",
                           "-o must end in .html, .md, .json or .csv (got %s)", out);
    if (o.filter.since && !is_date(o.filter.since))
        return tt_cmd_fail(&cl, "--since は YYYY-MM-DD の日付です（%s）",
                           "--since must be a date YYYY-MM-DD (got %s)", o.filter.since);
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
    int rc = write_file(out, text, len, &err);
    free(text);
    if (rc != 0)
        return tt_error_report(&err, "tabletop report");
    printf("%s\n", out);
    return TT_EXIT_OK;
}
