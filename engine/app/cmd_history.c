/* tabletop history [--db F|URI] [--team T] [--scenario ID] [--organisation O]:
 * past exercises. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "tabletop/score.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

/* Team names and titles come from the database: never terminal codes. */
static char *safe(const char *raw)
{
    return tt_term_safe_dup(raw ? raw : "", 0);
}

/* A table whose columns are as wide as their widest cell in terminal cells
 * (CJK characters take two), so long times and Japanese team names keep
 * every column in line. */
#define HIST_COLS 8
typedef struct hist_table {
    char **cells;        /* rows * HIST_COLS, row 0 the head */
    size_t rows;
    size_t width[HIST_COLS];
} hist_table;

static void table_free(hist_table *t)
{
    for (size_t i = 0; t->cells && i < t->rows * HIST_COLS; i++)
        free(t->cells[i]);
    free(t->cells);
}

static void table_print(const hist_table *t)
{
    for (size_t r = 0; r < t->rows; r++) {
        for (size_t c = 0; c < HIST_COLS; c++) {
            const char *v = t->cells[r * HIST_COLS + c];
            fputs(v, stdout);
            if (c + 1 == HIST_COLS)
                break;
            for (size_t w = tt_display_width(v); w <= t->width[c]; w++)
                putchar(' ');
        }
        putchar('\n');
    }
}

static bool same_name(const char *a, const char *b)
{
    return strcasecmp(a, b) == 0;
}

/* Names of one column (team or scenario) of the rows, once each. */
static const char **distinct(const tt_history_row *rows, size_t n, bool team, size_t *count)
{
    const char **out = calloc(n + 1, sizeof *out);
    *count = 0;
    for (size_t i = 0; out && i < n; i++) {
        const char *v = team ? rows[i].team : rows[i].scenario;
        bool seen = !*v;
        for (size_t k = 0; k < *count && !seen; k++)
            seen = strcmp(out[k], v) == 0;
        if (!seen)
            out[(*count)++] = v;
    }
    return out;
}

/* A --team or --scenario that names nothing recorded: say so, with the
 * nearest recorded name. */
static bool known(const tt_history_row *rows, size_t n, bool team, const char *want,
                  tt_lang lang)
{
    if (!want)
        return true;
    for (size_t i = 0; i < n; i++)
        if (same_name(team ? rows[i].team : rows[i].scenario, want))
            return true;
    size_t count;
    const char **names = distinct(rows, n, team, &count);
    char hint[512] = "";
    /* The nearest name whatever the case ("blu" -> "Blue"), as a typo. */
    char lw[256], ln[256];
    snprintf(lw, sizeof lw, "%s", want);
    for (char *c = lw; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    size_t cap = strlen(lw) / 3 + 1 < 2 ? 2 : strlen(lw) / 3 + 1, best = cap;
    const char *nearest = NULL;
    for (size_t i = 0; names && i < count; i++) {
        snprintf(ln, sizeof ln, "%s", names[i]);
        for (char *c = ln; *c; c++)
            *c = (char)tolower((unsigned char)*c);
        size_t d = tt_edit_distance(lw, ln, cap);
        if (d < best) {
            best = d;
            nearest = names[i];
        }
    }
    if (nearest) {
        char *shown = safe(nearest);
        snprintf(hint, sizeof hint, TT_FMT(lang, C_DID_YOU_MEAN_FMT), shown ? shown : "");
        free(shown);
    } else if (names) {
        tt_suggest(want, names, count, sizeof *names, hint, sizeof hint);
    }
    free(names);
    char *shown = safe(want);
    fprintf(stderr, TT_FMT(lang, C_HIST_NO_MATCH_FMT),
            tt_term_text(team ? C_HIST_TEAM : C_HIST_SCENARIO, lang), shown ? shown : "", hint);
    free(shown);
    return false;
}

/* Per team and scenario with two scored runs or more: the scores in order
 * and the change since the previous one. A run with nothing assessed has
 * no number and is left out (a 0 would read as a failed drill). */
static void trends(const tt_history_row *rows, size_t n, tt_lang lang)
{
    bool *done = calloc(n + 1, sizeof *done);
    if (!done)
        return;
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        char line[1024] = "";
        size_t len = 0, runs = 0;
        int last = 0, before = 0;
        for (size_t k = i; k < n; k++) {
            if (strcmp(rows[k].team, rows[i].team) != 0 ||
                strcmp(rows[k].scenario, rows[i].scenario) != 0)
                continue;
            done[k] = true;
            if (rows[k].rating == TT_RATING_NA)
                continue;
            before = last;
            last = rows[k].score;
            runs++;
            if (len < sizeof line)
                len += (size_t)snprintf(line + len, sizeof line - len, "%s%d",
                                        runs > 1 ? " → " : "", rows[k].score);
        }
        if (runs < 2)
            continue;
        char *team = safe(rows[i].team[0] ? rows[i].team : "-");
        char *sc = safe(rows[i].scenario);
        printf(TT_FMT(lang, C_HIST_TREND_FMT), team ? team : "", sc ? sc : "", line,
               last - before);
        free(team);
        free(sc);
    }
    free(done);
}

int tt_cmd_history(int argc, char **argv)
{
    tt_cmdline cl = { .name = "history", .usage_en = tt_term_text(C_HISTORY_USAGE, TT_LANG_EN),
                      .usage_ja = tt_term_text(C_HISTORY_USAGE, TT_LANG_JA), .max_args = 0 };
    const char *db = NULL, *team = NULL, *scenario = NULL, *org = NULL;
    const tt_opt opts[] = {
        { "db", 0, TT_OPT_OUTPUT, &db, NULL, NULL },
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
        return tt_cmd_fail(&cl, C_HIST_NO_DB_FMT_TEXT, db);
    tt_error err;
    tt_error_clear(&err);
    /* A refused store (password, newer schema) is classed as input there. */
    tt_history *h = tt_history_open_spec(db, db ? TT_HISTORY_EXISTING : 0, NULL, &err);
    if (!h)
        return tt_error_report(&err, "tabletop history");
    tt_history_row *rows = NULL;
    size_t n = 0;
    /* Team and scenario match whatever their case: filtered here, so a
     * name that matches nothing can be answered with the nearest one. */
    tt_history_filter filter = { .organisation = org };
    int rc = tt_history_list_filtered(h, &filter, &rows, &n, &err);
    tt_history_close(h);
    if (rc != 0)
        return tt_error_report(&err, "tabletop history");
    /* A name nothing recorded matches: the nearest one on stderr; the
     * listing is then empty, as for any filter that matches nothing. */
    if (n && known(rows, n, true, team, lang))
        known(rows, n, false, scenario, lang);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if ((team && !same_name(rows[i].team, team)) ||
            (scenario && !same_name(rows[i].scenario, scenario))) {
            free(rows[i].scenario);
            free(rows[i].team);
            free(rows[i].when);
            free(rows[i].journal);
            free(rows[i].organisation);
            free(rows[i].sync_state);
            continue;
        }
        rows[kept++] = rows[i];
    }
    n = kept;
    if (n == 0) {
        puts(tt_term_text(C_HIST_NONE, lang));
        tt_history_rows_free(rows, n);
        return TT_EXIT_OK;
    }
    hist_table t = { .cells = calloc((n + 1) * HIST_COLS, sizeof(char *)), .rows = n + 1 };
    bool oom = !t.cells;
    static const tt_term heads[HIST_COLS] = { TT_TERM__COUNT, C_HIST_DATE, C_HIST_SCENARIO,
                                              C_HIST_TEAM, C_HIST_SCORE, C_HIST_RATING,
                                              C_HIST_DURATION, C_HIST_STATUS };
    for (size_t c = 0; !oom && c < HIST_COLS; c++)
        oom = !(t.cells[c] = strdup(c ? tt_term_text(heads[c], lang) : "#"));
    for (size_t i = 0; !oom && i < n; i++) {
        const tt_history_row *r = &rows[i];
        char num[32], when[64], score[16], dur[48], status[160];
        snprintf(num, sizeof num, "%lld", (long long)r->id);
        tt_date_local(r->when, when, sizeof when);
        if (r->rating == TT_RATING_NA)   /* nothing assessed: no number, as on the card */
            snprintf(score, sizeof score, "—");
        else
            snprintf(score, sizeof score, "%d", r->score);
        tt_span_format(r->duration, dur, sizeof dur);
        bool pending = r->sync_state && strcmp(r->sync_state, "pending") == 0;
        if (r->complete && r->ended_early)
            snprintf(status, sizeof status, TT_FMT(lang, C_ENDED_EARLY_FMT), r->not_assessed);
        else
            snprintf(status, sizeof status, "%s",
                     tt_term_text(r->complete ? C_HIST_COMPLETE : C_HIST_INCOMPLETE, lang));
        if (pending)
            snprintf(status + strlen(status), sizeof status - strlen(status), "%s",
                     tt_term_text(C_HIST_NOT_SENT, lang));
        const char *vals[HIST_COLS] = { num, when, r->scenario, r->team[0] ? r->team : "-",
                                        score, tt_rating_letter(r->rating), dur, status };
        for (size_t c = 0; !oom && c < HIST_COLS; c++)
            oom = !(t.cells[(i + 1) * HIST_COLS + c] = safe(vals[c]));
    }
    if (oom) {
        table_free(&t);
        tt_history_rows_free(rows, n);
        return tt_cmd_fail_as(&cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
    }
    for (size_t r = 0; r < t.rows; r++)
        for (size_t c = 0; c < HIST_COLS; c++) {
            size_t w = tt_display_width(t.cells[r * HIST_COLS + c]);
            if (w > t.width[c])
                t.width[c] = w;
        }
    table_print(&t);
    table_free(&t);
    /* Trends per team and scenario, with or without --scenario. */
    trends(rows, n, lang);
    tt_history_rows_free(rows, n);
    return TT_EXIT_OK;
}
