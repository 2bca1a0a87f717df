/* The terminology table: every entry in both languages, one word per concept,
 * and no front-end keeps user-visible text of its own outside the table. */
#define _GNU_SOURCE /* mkstemps */
#include <ctype.h>
#include <ftw.h>
#include <unistd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "source_scan.h"
#include "tabletop/terms.h"

static void every_entry_has_both_languages(void **state)
{
    (void)state;
    for (int i = 0; i < TT_TERM__COUNT; i++) {
        const char *key = tt_term_key((tt_term)i);
        if (!key[0] || !tt_term_text((tt_term)i, TT_LANG_JA)[0] ||
            !tt_term_text((tt_term)i, TT_LANG_EN)[0])
            fail_msg("term %d (%s) lacks a key or a language", i, key);
    }
    assert_string_equal(tt_term_text(TT_TERM__COUNT, TT_LANG_JA), "");
    assert_string_equal(tt_term_key(M_INJECT), "M_INJECT");
}

/* One Japanese word per concept: the synonyms a reader met before are gone. */
static const char *const retired[] = {
    "インジェクト", /* inject is 状況付与 */
    "隔離",         /* isolate is 封じ込め */
    "限度",         /* limit is 期限 */
    "ファシリテーター", /* facilitator is 進行役 */
    "回答スクリプト",   /* an answer script is 解答スクリプト */
    "アクション",       /* an action is 対応 (check's count and three --help said アクション) */
    "アクター",         /* an outside party is 関係者 */
};

/* The table is kept as blocks of text with offsets (engine/base/terms.c):
 * each term reads back exactly the texts and name its entry gives. */
static void every_term_reads_its_own_texts(void **state)
{
    (void)state;
    static const struct {
        tt_term id;
        const char *key, *ja, *en;
    } want[] = {
#define TT_TERM_WANT(name, ...) { name, #name, TT_TERM_JA_(__VA_ARGS__), TT_TERM_EN_(__VA_ARGS__) },
        TT_TERMS(TT_TERM_WANT)
#undef TT_TERM_WANT
    };
    assert_int_equal(sizeof want / sizeof want[0], TT_TERM__COUNT);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_string_equal(tt_term_key(want[i].id), want[i].key);
        assert_string_equal(tt_term_text(want[i].id, TT_LANG_JA), want[i].ja);
        assert_string_equal(tt_term_text(want[i].id, TT_LANG_EN), want[i].en);
    }
    assert_string_equal(tt_term_key(TT_TERM__COUNT), "");
    assert_string_equal(tt_term_text((tt_term)-1, TT_LANG_EN), "");
}

static void one_word_per_concept(void **state)
{
    (void)state;
    for (int i = 0; i < TT_TERM__COUNT; i++) {
        const char *ja = tt_term_text((tt_term)i, TT_LANG_JA);
        for (size_t k = 0; k < sizeof retired / sizeof retired[0]; k++)
            if (strstr(ja, retired[k]))
                fail_msg("%s uses the retired word %s: %s", tt_term_key((tt_term)i),
                         retired[k], ja);
    }
    /* The same concept shown by several front-ends reads the same. */
    static const tt_term same[][3] = {
        { M_OBJ_OPEN, S_OPEN, S_OPEN },
        { M_END_LENGTH, S_END_LENGTH, LBL_END_LENGTH },
        { M_END_SETTLED, S_END_SETTLED, LBL_END_SETTLED },
        { M_END_FACILITATOR, S_END_FACILITATOR, LBL_END_FACILITATOR },
        { M_PHASE_ISOLATE, S_ISOLATE, LBL_PHASE_ISOLATE },
        { S_LIMIT, LBL_LIMIT, LBL_LIMIT },
        { S_TARGET, LBL_TARGET, LBL_TARGET },
        { M_INJECT, LBL_INJECTS, LBL_INJECTS },
        { S_FACILITATOR, LBL_CUSTOM, LBL_CUSTOM },
        { S_MISSED, LBL_STATUS_MISSED, LBL_NOT_REACHED },
        /* An action the exercise refused: 実行不可 / 実施できず / 却下 before. */
        { M_REFUSED, S_REFUSED, LBL_REFUSED },
        { M_REFUSED, LBL_N_REFUSED, LBL_LEG_REFUSED },
        { M_REFUSED, C_TL_REFUSED, C_TL_REFUSED },
        /* "not available now": the terminal's and the seat's error. */
        { M_NOT_AVAILABLE, W_ERR_NOT_AVAILABLE, W_ERR_NOT_AVAILABLE },
    };
    for (size_t k = 0; k < sizeof same / sizeof same[0]; k++)
        for (int j = 1; j < 3; j++)
            if (strcmp(tt_term_text(same[k][0], TT_LANG_JA),
                       tt_term_text(same[k][j], TT_LANG_JA)) != 0)
                fail_msg("%s and %s name one concept differently: %s / %s",
                         tt_term_key(same[k][0]), tt_term_key(same[k][j]),
                         tt_term_text(same[k][0], TT_LANG_JA),
                         tt_term_text(same[k][j], TT_LANG_JA));
    /* "open" (not settled yet) and "not reached" are different words. */
    assert_string_not_equal(tt_term_text(M_OBJ_OPEN, TT_LANG_JA),
                            tt_term_text(LBL_NOT_REACHED, TT_LANG_JA));
}

/* A seat's error reads the same whether a client shows the server's message
 * (E_WEB_..., the drill's language) or the page words it by its code
 * (W_ERR_..., the page's language): same text but for a capital and the
 * closing stop. They said その対応はほかの役割のものです / この役割の対応
 * ではありません, その役割かメンバーはいません / 宛先がありません. */
static void normalise(const char *in, char *out, size_t size)
{
    snprintf(out, size, "%s", in);
    size_t n = strlen(out);
    if (n >= 3 && strcmp(out + n - 3, "。") == 0)
        out[n -= 3] = '\0';
    if (n && out[n - 1] == '.')
        out[--n] = '\0';
    if (out[0] >= 'A' && out[0] <= 'Z')
        out[0] = (char)(out[0] - 'A' + 'a');
}

/* A code point of Japanese script (kana, kanji) at s, or 0. */
static unsigned japanese_at(const unsigned char *s)
{
    if ((s[0] & 0xF0) != 0xE0 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
        return 0;
    unsigned cp = (s[0] & 0x0Fu) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu);
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ? cp : 0;
}

/* A Latin word touching Japanese script ("true か falseが"): Japanese texts
 * set Latin words apart with a space. A printf conversion (%s, %zu) is not
 * a word; what it is filled with is checked where it is filled. */
static const char *latin_touches_japanese(const char *text)
{
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; s[i]; i++) {
        if (!isalpha(s[i]))
            continue;
        size_t k = i;
        while (k > 0 && (isdigit(s[k - 1]) || strchr(".-lzhj", s[k - 1])))
            k--;
        bool conversion = k > 0 && s[k - 1] == '%';
        if (!conversion && (japanese_at(s + i + 1) ||
                            (i >= 3 && japanese_at(s + i - 3))))
            return (const char *)s + i;
    }
    return NULL;
}

static void latin_words_are_set_apart_in_japanese(void **state)
{
    (void)state;
    assert_non_null(latin_touches_japanese("true か falseが必要です"));
    assert_non_null(latin_touches_japanese("すべてPならP"));
    assert_null(latin_touches_japanese("%sが必要です（%zu件）"));
    for (int i = 0; i < TT_TERM__COUNT; i++) {
        const char *ja = tt_term_text((tt_term)i, TT_LANG_JA);
        const char *at = latin_touches_japanese(ja);
        if (at)
            fail_msg("%s: a Latin word touches Japanese at '%.24s' in: %s",
                     tt_term_key((tt_term)i), at, ja);
    }
    /* The kinds an answer script's and --set's settings expect, filled in. */
    static const tt_term kinds[] = { E_KIND_BOOL, E_KIND_WHOLE_NUMBER, E_KIND_NUMBER,
                                     E_KIND_TEXT };
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
        char msg[512];
        snprintf(msg, sizeof msg, TT_FMT(TT_LANG_JA, E_AS_EXPECTED_KIND_FMT),
                 tt_term_text(kinds[k], TT_LANG_JA), "false", "maybe");
        if (latin_touches_japanese(msg))
            fail_msg("%s reads: %s", tt_term_key(kinds[k]), msg);
    }
}

static void seat_errors_read_alike(void **state)
{
    (void)state;
    static const tt_term pairs[][2] = {
        { E_WEB_RATE_LIMITED, W_ERR_RATE_LIMITED }, { E_WEB_NOT_YOUR_ROLE, W_ERR_NOT_YOUR_ROLE },
        { E_WEB_FORBIDDEN, W_ERR_FORBIDDEN },       { E_EX_NOT_RUNNING, W_ERR_NOT_RUNNING },
        { E_WEB_NO_TARGET, W_ERR_UNKNOWN_TARGET },  { E_WEB_NO_SUCH_ACTION, W_ERR_UNKNOWN_ACTION },
        { E_WEB_BUSY, W_ERR_BUSY },
    };
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
        for (int lang = 0; lang < 2; lang++) {
            char a[512], b[512];
            normalise(tt_term_text(pairs[k][0], (tt_lang)lang), a, sizeof a);
            normalise(tt_term_text(pairs[k][1], (tt_lang)lang), b, sizeof b);
            if (strcmp(a, b) != 0)
                fail_msg("%s and %s word one error differently: %s / %s", tt_term_key(pairs[k][0]),
                         tt_term_key(pairs[k][1]), a, b);
        }
}

/* Nor anywhere else a user reads: texts made outside the table (MSEL,
 * lint), the generated facilitator guides, the docs, the pages, the
 * templates. The MSEL kept インジェクト and 目標時刻 after the table moved on. */
static char retired_report[16384];
static int retired_found;

static int scan_for_retired(const char *path, const struct stat *st, int kind, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    if (kind != FTW_F)
        return 0;
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static char text[1 << 21];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    for (size_t k = 0; k < sizeof retired / sizeof retired[0]; k++)
        for (const char *p = strstr(text, retired[k]); p; p = strstr(p + 1, retired[k])) {
            /* The one place that names them as retired. */
            const char *line = p;
            while (line > text && line[-1] != '\n')
                line--;
            if (strstr(path, "docs/architecture.md") && strstr(line, "retired synonym"))
                continue;
            int no = 1;
            for (const char *q = text; q < p; q++)
                no += *q == '\n';
            size_t used = strlen(retired_report);
            snprintf(retired_report + used, sizeof retired_report - used, "%s:%d: %s\n", path,
                     no, retired[k]);
            retired_found++;
        }
    return 0;
}

static void retired_words_appear_nowhere_users_read(void **state)
{
    (void)state;
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    static const char *const places[] = { "engine", "include", "assets", "tools", "docs",
                                          "scenarios", "packaging", "README.md" };
    retired_report[0] = '\0';
    retired_found = 0;
    for (size_t k = 0; k < sizeof places / sizeof places[0]; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", root, places[k]);
        if (nftw(path, scan_for_retired, 16, FTW_PHYS) != 0)
            fail_msg("cannot read %s", path);
    }
    if (retired_found)
        fail_msg("%d retired word(s) (test_terms.c, retired[]):\n%s", retired_found, retired_report);
}

/* A Japanese character: kana, CJK ideographs, CJK punctuation, full-width forms. */
static bool is_japanese(const unsigned char *p, size_t n, size_t *len)
{
    uint32_t c;
    if (p[0] < 0x80) {
        *len = 1;
        return false;
    }
    if ((p[0] & 0xF0) == 0xE0 && n >= 3) {
        c = (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
        *len = 3;
        return (c >= 0x3000 && c <= 0x9FFF) || (c >= 0xFF00 && c <= 0xFFEF);
    }
    *len = 1;
    return false;
}

/* Does a literal's content hold Japanese text? */
static bool has_japanese(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (s[i] == '\\') {
            i += 2;
            continue;
        }
        size_t len;
        if (is_japanese((const unsigned char *)s + i, n - i, &len))
            return true;
        i += len;
    }
    return false;
}

/* Is the token a language test ("TT_LANG_JA", "ja", "is_ja")? */
static bool names_japanese(const scan_token *t)
{
    return t->kind == SCAN_IDENT && t->len >= 2 &&
           (memcmp(t->text + t->len - 2, "ja", 2) == 0 || memcmp(t->text + t->len - 2, "JA", 2) == 0);
}

/* Finds string literals holding Japanese text (comments and character
 * literals skipped) and ja/en choices written inline ("TT_LANG_JA ? \"",
 * "ja ? \""). */
static int text_outside_the_table(const scan_file *f, scan_report *r, void *ctx)
{
    (void)ctx;
    int found = 0;
    scan_reader rd;
    scan_reader_init(&rd, f);
    scan_token t, before = { 0 }, last = { 0 };
    while (scan_next(&rd, &t)) {
        if (t.kind == SCAN_STRING && scan_is_punct(&last, '?') && names_japanese(&before)) {
            scan_say(r, f->path, before.line, "inline ja/en choice");
            found++;
        }
        if (t.kind == SCAN_STRING && has_japanese(t.text, t.len)) {
            scan_say(r, f->path, t.line, "Japanese text outside the table");
            found++;
        }
        before = last;
        last = t;
    }
    return found;
}

static void front_ends_keep_no_text_of_their_own(void **state)
{
    (void)state;
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    /* engine/app files whose texts are still being moved into the table
     * (terms_app_drill.h, terms_app_tools.h); this list only shrinks. */
    static const char *const app_pending[] = {
        NULL,
    };
    /* Front-ends: terminal drill, dashboard, scorecard, web seats, command output. */
    static const struct { const char *dir; const char *const *pending; } dirs[] = {
        { "engine/ui/tty", NULL }, { "engine/ui/sdl", NULL }, { "engine/score", NULL },
        { "engine/ui/web", NULL }, { "engine/script", NULL }, { "engine/app", app_pending },
    };
    static scan_report report;
    scan_report_init(&report);
    for (size_t k = 0; k < sizeof dirs / sizeof dirs[0]; k++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/%s", root, dirs[k].dir);
        if (scan_tree(dir, "", false, dirs[k].pending, "test_terms.c", text_outside_the_table, NULL,
                      &report) <= 0)
            fail_msg("cannot read %s", dir);
    }
    if (report.found)
        fail_msg("%d user-visible text(s) missing from the terminology table "
                 "(include/tabletop/terms.h):\n%s", report.found, report.text);
}

static bool is_term_key(const char *key, size_t len)
{
    for (int i = 0; i < TT_TERM__COUNT; i++) {
        const char *k = tt_term_key((tt_term)i);
        if (strlen(k) == len && memcmp(k, key, len) == 0)
            return true;
    }
    return false;
}

/* A web page file (assets/web): every term key it names ("W_TAKE",
 * data-t="W_ACTIONS") must be in the table, and it holds no Japanese text
 * of its own. Returns the problems found; *keys counts the keys seen. */
static int scan_page(const char *path, int *keys, char *report, size_t report_size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    static char text[1 << 20];
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    static const char *const prefixes[] = { "M_", "S_", "LBL_", "W_", "C_", "RPT_" };
    int found = 0, line = 1;
    for (size_t i = 0; i < n;) {
        size_t len;
        if (text[i] == '\n')
            line++;
        if (is_japanese((const unsigned char *)text + i, n - i, &len)) {
            size_t used = strlen(report);
            snprintf(report + used, report_size - used, "%s:%d: Japanese text outside the table\n",
                     path, line);
            found++;
            while (i < n && text[i] != '\n')
                i++;
            continue;
        }
        bool start = i == 0 || !(isalnum((unsigned char)text[i - 1]) || text[i - 1] == '_');
        for (size_t k = 0; start && k < sizeof prefixes / sizeof prefixes[0]; k++) {
            size_t plen = strlen(prefixes[k]);
            if (strncmp(text + i, prefixes[k], plen) != 0 || !isupper((unsigned char)text[i + plen]))
                continue;
            size_t end = i + plen;
            while (end < n && (isupper((unsigned char)text[end]) || isdigit((unsigned char)text[end]) ||
                               text[end] == '_'))
                end++;
            (*keys)++;
            if (!is_term_key(text + i, end - i)) {
                size_t used = strlen(report);
                snprintf(report + used, report_size - used, "%s:%d: %.*s is not in the terms table\n",
                         path, line, (int)(end - i), text + i);
                found++;
            }
            len = end - i;
            break;
        }
        i += len ? len : 1;
    }
    return found;
}

/* The web pages take their words from the table (served as /terms.json):
 * a key the page uses but the table lacks fails here, not in a browser. */
static void web_pages_use_only_table_keys(void **state)
{
    (void)state;
    const char *root = getenv("TT_SOURCE_DIR");
    assert_non_null(root);
    static const char *const files[] = { "app.js", "player.html", "facilitator.html", "observer.html" };
    static char report[16384];
    report[0] = '\0';
    int found = 0, keys = 0;
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/assets/web/%s", root, files[k]);
        int n = scan_page(path, &keys, report, sizeof report);
        if (n < 0)
            fail_msg("cannot read %s", path);
        found += n;
    }
    if (found)
        fail_msg("%d page text(s) outside the terminology table:\n%s", found, report);
    /* The pages do name their words by key (else the scan saw nothing). */
    assert_true(keys >= 40);
    /* The facilitator's Next does what the dashboard's and /next do (stop
     * at the next inject, message, target or limit): the same words. It
     * said 次の状況付与へ / Next inject. */
    char path[4096];
    snprintf(path, sizeof path, "%s/assets/web/facilitator.html", root);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    static char page[1 << 16];
    size_t n = fread(page, 1, sizeof page - 1, f);
    fclose(f);
    page[n] = '\0';
    assert_non_null(strstr(page, "id=\"next\" data-t=\"S_NEXT_BUTTON\""));
}

static void the_page_scan_catches_unknown_keys(void **state)
{
    (void)state;
    char path[] = "/tmp/tt-terms-XXXXXX.js";
    int fd = mkstemps(path, 3);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("t(\"W_TAKE\"); t(\"W_NO_SUCH_WORD\");\n<h2 data-t=\"M_INJECT\"></h2>\n"
          "const MY_W_X = 1; b.textContent = \"実行\";\n", f);
    fclose(f);
    char report[1024] = "";
    int keys = 0;
    int n = scan_page(path, &keys, report, sizeof report);
    unlink(path);
    assert_int_equal(keys, 3);
    assert_int_equal(n, 2);
    assert_non_null(strstr(report, ":1: W_NO_SUCH_WORD is not"));
    assert_non_null(strstr(report, ":3: Japanese"));
}

/* The scanner itself finds what it must (a test that cannot fail is none). */
static void the_scan_catches_text_outside_the_table(void **state)
{
    (void)state;
    static const char text[] =
        "/* 日本語のコメントは可 */\nconst char *a = \"ok\";\n"
        "const char *b = \"未達\";\nconst char *c = lang == TT_LANG_JA ? \"x\" : \"y\";\n"
        "char q = '\"'; // \"未達\" in a comment\nconst char *d = \"\\\"\";\n";
    scan_file f;
    assert_true(scan_file_from_text(&f, "tt-terms.c", text));
    static scan_report report;
    scan_report_init(&report);
    int n = text_outside_the_table(&f, &report, NULL);
    scan_file_free(&f);
    assert_int_equal(n, 2);
    assert_non_null(strstr(report.text, ":3: Japanese"));
    assert_non_null(strstr(report.text, ":4: inline"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_entry_has_both_languages),
        cmocka_unit_test(every_term_reads_its_own_texts),
        cmocka_unit_test(one_word_per_concept),
        cmocka_unit_test(latin_words_are_set_apart_in_japanese),
        cmocka_unit_test(seat_errors_read_alike),
        cmocka_unit_test(the_scan_catches_text_outside_the_table),
        cmocka_unit_test(retired_words_appear_nowhere_users_read),
        cmocka_unit_test(front_ends_keep_no_text_of_their_own),
        cmocka_unit_test(the_page_scan_catches_unknown_keys),
        cmocka_unit_test(web_pages_use_only_table_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
