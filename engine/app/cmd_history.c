/* tabletop history [--db F|URI] [--team T] [--scenario ID] [--organisation O]:
 * past exercises. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"

static const char usage_ja[] =
    "使い方: tabletop history [オプション]\n"
    "\n"
    "記録された過去の演習を古い順に一覧します。\n"
    "\n"
    "  --db F|URI          演習履歴データベース: ファイルか postgresql:// URI\n"
    "                      （既定: $TABLETOP_DB、なければ XDG データディレクトリ）\n"
    "  --team T            このチームの演習だけ\n"
    "  --scenario ID       このシナリオの演習だけ\n"
    "  --organisation O    この組織の演習だけ\n"
    "  --lang ja|en        言語（既定: ロケールから）\n"
    "  -h, --help          この説明\n";
static const char usage_en[] =
    "usage: tabletop history [options]\n"
    "\n"
    "List recorded exercises, oldest first.\n"
    "\n"
    "  --db F|URI          drill-history database: a file or a postgresql:// URI\n"
    "                      (default: $TABLETOP_DB, else the XDG data directory)\n"
    "  --team T            only this team's exercises\n"
    "  --scenario ID       only exercises of this scenario\n"
    "  --organisation O    only this organisation's exercises\n"
    "  --lang ja|en        language (default: from the locale)\n"
    "  -h, --help          this help\n";

/* Print a column padded to `width` terminal cells (East Asian characters
 * take two), at least one space after it. */
static void cell(const char *raw, int width)
{
    /* Team names and titles come from the database: never terminal codes. */
    char text[1024];
    tt_term_safe(text, sizeof text, raw, strlen(raw), 0);
    int used = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        if ((*p & 0xC0) != 0x80)
            used += *p >= 0xE0 ? 2 : 1;
    fputs(text, stdout);
    do
        putchar(' ');
    while (++used < width);
}

int tt_cmd_history(int argc, char **argv)
{
    tt_cmdline cl = { .name = "history", .usage_en = usage_en, .usage_ja = usage_ja, .max_args = 0 };
    const char *db = NULL, *team = NULL, *scenario = NULL, *org = NULL;
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_PATH, &db, NULL, NULL },
        { "team", 0, TT_OPT_TEXT, &team, NULL, NULL },
        { "scenario", 0, TT_OPT_TEXT, &scenario, NULL, NULL },
        { "organisation", 0, TT_OPT_TEXT, &org, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    tt_lang lang = cl.lang;

    /* Listing never creates: a mistyped --db is an error, not an empty history. */
    db = tt_history_spec(db);
    if (db && !tt_store_is_uri(db) && access(db, R_OK) != 0)
        return tt_cmd_fail(&cl, "演習履歴データベースがありません: %s", "no drill-history database at %s", db);
    tt_error err;
    tt_error_clear(&err);
    tt_store_failure why;
    tt_history *h = tt_history_open_spec(db, db ? TT_HISTORY_EXISTING : 0, &why, &err);
    if (!h) {
        tt_error_print(&err, "tabletop history");
        return why == TT_STORE_REFUSED ? TT_EXIT_BADINPUT : TT_EXIT_RUNTIME;
    }
    tt_history_row *rows = NULL;
    size_t n = 0;
    tt_history_filter filter = { .team = team, .scenario = scenario, .organisation = org };
    int rc = tt_history_list_filtered(h, &filter, &rows, &n, &err);
    tt_history_close(h);
    if (rc != 0) {
        tt_error_print(&err, "tabletop history");
        return TT_EXIT_RUNTIME;
    }
    if (n == 0) {
        puts(lang == TT_LANG_JA ? "記録された演習はありません。" : "No exercises recorded.");
        return TT_EXIT_OK;
    }
    bool ja = lang == TT_LANG_JA;
    cell("#", 5);
    cell(ja ? "日付" : "date", 21);
    cell(ja ? "シナリオ" : "scenario", 22);
    cell(ja ? "チーム" : "team", 20);
    cell(ja ? "点数" : "score", 6);
    cell(ja ? "評価" : "rating", 7);
    cell(ja ? "時間" : "duration", 9);
    puts(ja ? "状態" : "status");
    for (size_t i = 0; i < n; i++) {
        char num[32], dur[32], score[16];
        snprintf(num, sizeof num, "%lld", (long long)rows[i].id);
        tt_span_format(rows[i].duration, dur, sizeof dur);
        snprintf(score, sizeof score, "%d", rows[i].score);
        cell(num, 5);
        cell(rows[i].when, 21);
        cell(rows[i].scenario, 22);
        cell(rows[i].team[0] ? rows[i].team : "-", 20);
        cell(score, 6);
        cell(tt_rating_letter(rows[i].rating), 7);
        cell(dur, 9);
        if (rows[i].complete && rows[i].ended_early)
            printf(TT_FMT(lang, C_ENDED_EARLY_FMT), rows[i].not_assessed);
        else
            fputs(rows[i].complete ? (ja ? "完了" : "complete") : (ja ? "不完全" : "incomplete"), stdout);
        bool pending = rows[i].sync_state && strcmp(rows[i].sync_state, "pending") == 0;
        puts(pending ? (ja ? "（未送信）" : " (not yet sent)") : "");
    }
    /* Trend per team and scenario: the change since the previous run. */
    if (n > 1 && team && scenario) {
        int delta = rows[n - 1].score - rows[n - 2].score;
        printf(ja ? "前回からの変化: %+d\n" : "change since the previous run: %+d\n", delta);
    }
    tt_history_rows_free(rows, n);
    return TT_EXIT_OK;
}
