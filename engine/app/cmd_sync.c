/* tabletop sync [--db URI] [--journals] [JOURNAL...]: send the results this
 * machine kept while the central server was unreachable (and, with
 * --journals, the journal files themselves) to the central store. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tabletop/results.h"

static const char usage_ja[] =
    "使い方: tabletop sync [--db URI] [--journals] [記録ファイル...]\n"
    "\n"
    "結果サーバーに届かなかった演習の結果（「未送信」）を中央の結果データベースへ送ります。\n"
    "同じ記録（SHA-256）は二度送られません。途中で止まっても、もう一度実行すれば続きから送ります。\n"
    "\n"
    "  --db URI            中央の結果データベース（postgresql://...、既定: $TABLETOP_DB）\n"
    "  --journals          記録ファイルも圧縮して保管する（この端末の履歴にあるものと、指定したもの）\n"
    "  --lang ja|en        言語（既定: ロケールから）\n"
    "  -h, --help          この説明\n";
static const char usage_en[] =
    "usage: tabletop sync [--db URI] [--journals] [JOURNAL...]\n"
    "\n"
    "Send the results kept on this machine as not yet sent (the results server was\n"
    "unreachable) to the central results database. A journal (its SHA-256) is never\n"
    "sent twice; after an interruption, run it again and it carries on.\n"
    "\n"
    "  --db URI            the central results database (postgresql://...; default: $TABLETOP_DB)\n"
    "  --journals          also archive the journal files, compressed (those in this\n"
    "                      machine's history, and any given)\n"
    "  --lang ja|en        language (default: from the locale)\n"
    "  -h, --help          this help\n";

/* Team names come from rosters: show them without control characters. */
static void print_clean(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        putchar(*p < 0x20 || *p == 0x7f ? '?' : *p);
}

static void progress(void *ctx, const char *hash, const char *scenario, const char *team,
                     bool already)
{
    bool ja = *(tt_lang *)ctx == TT_LANG_JA;
    printf("%s %.12s ", already ? (ja ? "送信済み" : "already") : (ja ? "送信" : "sent"), hash ? hash : "");
    print_clean(scenario);
    putchar(' ');
    print_clean(team && *team ? team : "-");
    putchar('\n');
    fflush(stdout);   /* one line per result as it is committed */
}

int tt_cmd_sync(int argc, char **argv)
{
    tt_cmdline cl = { .name = "sync", .usage_en = usage_en, .usage_ja = usage_ja, .max_args = -1 };
    const char *db = NULL;
    bool journals = false;
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_TEXT, &db, NULL, NULL },
        { "journals", 0, TT_OPT_FLAG, &journals, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    if (cl.n_args && !journals)
        return tt_cmd_fail(&cl, "記録ファイルは --journals と一緒に指定します",
                           "journal files are given with --journals");
    db = tt_history_spec(db);
    if (!tt_store_is_uri(db))
        return tt_cmd_fail(&cl, "送り先を --db postgresql://... か TABLETOP_DB で指定してください",
                           "where to? give --db postgresql://... or set TABLETOP_DB");
    tt_error err;
    tt_error_clear(&err);
    tt_history *central = tt_history_open_spec(db, 0, NULL, &err);
    if (!central)
        return tt_error_report(&err, "tabletop sync");
    tt_history *local = tt_history_open_spec(NULL, 0, NULL, &err);
    if (!local) {
        tt_history_close(central);
        return tt_error_report(&err, "tabletop sync");
    }
    bool ja = cl.lang == TT_LANG_JA;
    tt_sync_stats st;
    int rc = tt_sync_pending(local, central, progress, &cl.lang, &st, &err);
    if (rc == 0)
        printf(ja ? "結果: 送信 %zu 件、送信済み %zu 件\n" : "results: %zu sent, %zu already there\n",
               st.sent, st.already);
    if (rc == 0 && journals) {
        rc = tt_journal_archive_all(local, central, progress, &cl.lang, &st, &err);
        for (int i = 0; rc == 0 && i < cl.n_args; i++) {
            bool stored = false;
            rc = tt_journal_archive(central, cl.args[i], &stored, &err);
            if (rc == 0)
                stored ? st.sent++ : st.already++;
        }
        if (rc == 0)
            printf(ja ? "記録ファイル: 保管 %zu 件、保管済み %zu 件\n"
                      : "journals: %zu archived, %zu already there\n", st.sent, st.already);
    }
    tt_history_close(local);
    tt_history_close(central);
    if (rc != 0) {
        int code = tt_error_report(&err, "tabletop sync");
        fputs(ja ? "tabletop sync: 送れなかった分は未送信のままです。もう一度実行してください\n"
                 : "tabletop sync: what was not sent stays pending; run it again\n", stderr);
        return code;
    }
    return TT_EXIT_OK;
}
