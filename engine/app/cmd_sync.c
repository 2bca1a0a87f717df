/* tabletop sync [--db URI] [--journals] [JOURNAL...]: send the results this
 * machine kept while the central server was unreachable (and, with
 * --journals, the journal files themselves) to the central store. */
#include <stdio.h>
#include <string.h>

#include "commands.h"
#include "options.h"
#include "tabletop/journal.h"
#include "tabletop/results.h"
#include "tabletop/terms.h"

/* Team names come from rosters: show them without control characters. */
static void print_clean(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++)
        putchar(*p < 0x20 || *p == 0x7f ? '?' : *p);
}

static void progress(void *ctx, const char *hash, const char *scenario, const char *team,
                     bool already)
{
    tt_lang lang = *(tt_lang *)ctx;
    printf("%s %.12s ", tt_term_text(already ? C_SYNC_ALREADY : C_SYNC_SENT, lang), hash ? hash : "");
    print_clean(scenario);
    putchar(' ');
    print_clean(team && *team ? team : "-");
    putchar('\n');
    fflush(stdout);   /* one line per result as it is committed */
}

int tt_cmd_sync(int argc, char **argv)
{
    tt_cmdline cl = { .name = "sync", .usage_en = tt_term_text(C_SYNC_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_SYNC_USAGE, TT_LANG_JA), .max_args = -1 };
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
        return tt_cmd_fail(&cl, C_SYNC_GIVE_JOURNALS_TEXT);
    db = tt_history_spec(db);
    if (!tt_store_is_uri(db))
        return tt_cmd_fail(&cl, C_SYNC_WHERE_TEXT);
    tt_error err;
    tt_error_clear(&err);
    /* A file given as a journal is read as one first, as score and replay
     * read it: an answer script is said not to be a journal (exit 2) before
     * anything is sent, never archived as one. */
    for (int i = 0; i < cl.n_args; i++) {
        tt_journal j;
        if (tt_journal_read(cl.args[i], &j, &err) != 0)
            return tt_error_report(&err, "tabletop sync");
        tt_journal_free(&j);
    }
    tt_history *central = tt_history_open_spec(db, 0, NULL, &err);
    if (!central)
        return tt_error_report(&err, "tabletop sync");
    tt_history *local = tt_history_open_spec(NULL, 0, NULL, &err);
    if (!local) {
        tt_history_close(central);
        return tt_error_report(&err, "tabletop sync");
    }
    tt_sync_stats st;
    int rc = tt_sync_pending(local, central, progress, &cl.lang, &st, &err);
    if (rc == 0)
        printf(TT_FMT(cl.lang, C_SYNC_RESULTS_FMT), st.sent, st.already);
    if (rc == 0 && journals) {
        rc = tt_journal_archive_all(local, central, progress, &cl.lang, &st, &err);
        for (int i = 0; rc == 0 && i < cl.n_args; i++) {
            bool stored = false;
            rc = tt_journal_archive(central, cl.args[i], &stored, &err);
            if (rc == 0)
                stored ? st.sent++ : st.already++;
        }
        if (rc == 0)
            printf(TT_FMT(cl.lang, C_SYNC_JOURNALS_FMT), st.sent, st.already);
    }
    tt_history_close(local);
    tt_history_close(central);
    if (rc != 0) {
        int code = tt_error_report(&err, "tabletop sync");
        fprintf(stderr, "tabletop sync: %s\n", tt_term_text(C_SYNC_STILL_PENDING, cl.lang));
        return code;
    }
    return TT_EXIT_OK;
}
