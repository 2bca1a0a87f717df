/* tabletop fetch HASH -o FILE [--db URI]: a journal from the central
 * archive, checked against its SHA-256, so score and replay work from it. */
#include <stdio.h>

#include "commands.h"
#include "options.h"
#include "tabletop/results.h"

static const char usage_ja[] =
    "使い方: tabletop fetch HASH -o ファイル [--db URI]\n"
    "\n"
    "中央に保管された記録ファイルを取り出します（SHA-256 で確認し、既存のファイルは上書きしません）。\n"
    "HASH は 64 桁か、一意に決まる 8 桁以上の先頭部分です。\n"
    "\n"
    "  -o, --output F      書き出すファイル（新しいファイル）\n"
    "  --db URI            結果データベース（既定: $TABLETOP_DB、なければこの端末の履歴）\n"
    "  --lang ja|en        言語（既定: ロケールから）\n"
    "  -h, --help          この説明\n";
static const char usage_en[] =
    "usage: tabletop fetch HASH -o FILE [--db URI]\n"
    "\n"
    "Write an archived journal to FILE, checked against its SHA-256 (an existing file\n"
    "is never replaced). HASH is the 64 hex digits, or a unique prefix of 8 or more.\n"
    "\n"
    "  -o, --output F      the file to write (a new file)\n"
    "  --db URI            results database (default: $TABLETOP_DB, else this machine's history)\n"
    "  --lang ja|en        language (default: from the locale)\n"
    "  -h, --help          this help\n";

int tt_cmd_fetch(int argc, char **argv)
{
    tt_cmdline cl = { .name = "fetch", .usage_en = usage_en, .usage_ja = usage_ja,
                      .min_args = 1, .max_args = 1,
                      .missing = { "記録の HASH を指定してください", "which journal? give its HASH" } };
    const char *db = NULL, *out = NULL;
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_TEXT, &db, NULL, NULL },
        { "output", 'o', TT_OPT_PATH, &out, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    if (!out)
        return tt_cmd_fail(&cl, "書き出し先を -o で指定してください", "where to? give -o FILE");
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
    printf("%s\n", out);
    return TT_EXIT_OK;
}
