/* Errors made inside the engine's modules (YAML and journal parsing, answer
 * scripts, scenarios, replay) reach the user in the user's language: --lang
 * ja gives the Japanese text of the terms table, --lang en (or an English
 * locale) the English one, both located at file:line:column. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli_util.h"

/* One bad input, its located message in each language. */
typedef struct lang_case {
    const char *file, *text; /* written to cli_path(file) */
    const char *pre, *post;  /* the command line: PRE PATH --lang L POST */
    int status;
    const char *where, *ja, *en; /* where: ":LINE:COL: " after the path */
} lang_case;

static void check_case(const lang_case *c)
{
    const char *path = cli_path(c->file);
    cli_write(path, c->text);
    static const char *const langs[] = { "ja", "en" };
    for (int k = 0; k < 2; k++) {
        cli_result r = cli_run("%s %s --lang %s %s", c->pre, path, langs[k], c->post);
        if (r.status != c->status)
            fail_msg("%s %s (%s): exit %d, want %d\n%s%s", c->pre, c->post, langs[k], r.status, c->status,
                     r.out, r.err);
        char want[4096];
        snprintf(want, sizeof want, "%s%s%s", path, c->where, k == 0 ? c->ja : c->en);
        assert_contains(r.err, want);
        if (k == 1)
            assert_lacks(r.err, c->ja);
        cli_done(&r);
    }
}

static void journal_errors_speak_the_users_language(void **state)
{
    (void)state;
    static const lang_case cases[] = {
        { "dup.yaml", "type: start\nt: 0\nt: 1\n...\n", "score", "-o x.html", 2, ":3:1: ",
          "キー 't' が重複しています", "duplicate key 't'" },
        { "notype.yaml", "t: 0\n...\n", "score", "-o x.html", 2, ":1:1: ",
          "記録に 'type' がありません", "the record has no 'type'" },
        { "syntax.yaml", "type: start\nt: [1, 2\n", "replay", "", 2, ":3:1: ",
          "YAML の構文エラー: ',' か ']' があるべきところにありません（フローのリスト [ ] を読んでいるところ、2 行 4 列から）",
          "YAML syntax error: did not find expected ',' or ']' (while parsing a flow sequence at line 2, column 4)" },
        { "tab.yaml", "type: start\n\tt: 0\n", "score", "-o x.html", 2, ":2:1: ",
          "YAML の構文エラー: 字下げを乱すタブ文字があります（引用符のない値を読んでいるところ、1 行 7 列から）",
          "YAML syntax error: found a tab character that violates indentation (while scanning a plain scalar at line 1, column 7)" },
        { "anchor.yaml", "type: &a start\nt: 0\n...\n", "score", "-o x.html", 2, ":1:7: ",
          "アンカー（&a）は使えません。値をそのまま書いてください",
          "anchors (&a) are not allowed; write the value out in full" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

static void answer_script_errors_speak_the_users_language(void **state)
{
    (void)state;
    static const lang_case cases[] = {
        { "neg.yaml", "scenario: ransomware\nactions:\n  - at: -5m\n    by: sysadmin\n    do: pull_cable\n",
          "run ransomware --ui none --no-scorecard --script", "", 2, ":3:9: actions[0].at: ",
          "'-5m' は時間の長さではありません: 負の値です", "'-5m' is not a duration: negative" },
        { "role.yaml", "scenario: ransomware\nactions:\n  - at: 5m\n    by: nobody\n    do: pull_cable\n",
          "run ransomware --ui none --no-scorecard --script", "", 2, ":4:9: actions[0].by: ",
          "不明な役割 'nobody' です。", "unknown role 'nobody'; " },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

/* A scenario's own errors, found while it loads (engine/script). */
static void scenario_errors_speak_the_users_language(void **state)
{
    (void)state;
    static const lang_case cases[] = {
        { "bad-id.lua", "return scenario {\n  id = \"Bad_One\",\n}\n", "check", "", 2, ":2: ",
          "id: 'Bad_One' に使えるのは a-z、0-9、- だけです", "id: 'Bad_One' may only use a-z, 0-9 and -" },
        { "no-source.lua",
          "return scenario {\n  id = \"no-source\",\n  title = { ja = \"x\", en = \"x\" },\n}\n",
          "check", "", 2, ":1: ", "scenario: 必須の項目 'source' がありません（文字列）",
          "scenario: missing required field 'source' (a string)" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_case(&cases[i]);
}

/* A text a scenario's callback hands back that is not a text of both
 * languages (here requires' reason with Japanese only) stops the run at
 * the function's line, worded in the user's language; it fell back to
 * "the precondition does not hold" before, while harmful refused it. */
static void callback_texts_are_refused_in_the_users_language(void **state)
{
    (void)state;
    const char *scenario = cli_path("one-lang.lua");
    cli_write(scenario,
              "local T = { ja = 't', en = 't' }\n"
              "return scenario {\n"
              "  id = 'one-lang', source = 't', title = T, summary = T, length = '1h',\n"
              "  invented = T, roles = { r = { name = T } }, state = { n = 0 },\n"
              "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n"
              "  actions = { b = { by = 'r', label = T, completes = 'o',\n"
              "    requires = function(s)\n"
              "      return false, { ja = '先に確認' }\n"
              "    end } },\n"
              "}\n");
    const char *answers = cli_path("one-lang.yaml");
    cli_write(answers, "scenario: one-lang\nseed: 1\nactions:\n  - at: 1m\n    by: r\n    do: b\n");
    static const char *const langs[] = { "ja", "en" };
    static const char *const said[] = {
        "'en' は文字列でなければなりません（テキストには ja と en の両方が必要です。nil です）",
        "the reason returned with false: its 'en' must be a string (a text has both ja and en), "
        "not nil (in actions.b.requires)",
    };
    for (int k = 0; k < 2; k++) {
        cli_result r = cli_run("run '%s' --lang %s --ui none --no-scorecard --script '%s' "
                               "--journal '%s'", scenario, langs[k], answers,
                               cli_path(k ? "one-lang-en.yaml" : "one-lang-ja.yaml"));
        if (r.status != 1)
            fail_msg("exit %d, want 1\n%s%s", r.status, r.out, r.err);
        char want[1024];
        snprintf(want, sizeof want, "%s:7: ", scenario); /* the function's line */
        assert_contains(r.err, want);
        assert_contains(r.err, said[k]);
        cli_done(&r);
    }
}

/* Nesting too deep to read: a scenario past Lua's parser limit (about 200
 * levels: "C stack overflow" with no line before) and YAML past 32 levels
 * in an answer script, a roster and a journal, each at its file and line,
 * in both languages, exit 2, never a crash. */
static void too_deep_nesting_is_located(void **state)
{
    (void)state;
    static char text[300000];
    /* Lua: 300 levels of tables on line 3, then a million parentheses. */
    const char *deep = cli_path("deep.lua");
    int n = snprintf(text, sizeof text, "return scenario {\n  id = 'deep',\n  x = ");
    for (int i = 0; i < 300; i++)
        text[n++] = '{';
    for (int i = 0; i < 300; i++)
        text[n++] = '}';
    snprintf(text + n, sizeof text - (size_t)n, ",\n}\n");
    cli_write(deep, text);
    const char *parens = cli_path("parens.lua");
    n = snprintf(text, sizeof text, "local x = 1\nlocal f = function()\n  return ");
    while (n < 200000)
        text[n++] = '(';
    text[n] = '\0';
    cli_write(parens, text);
    struct { const char *path, *where; } lua[] = { { deep, ":3: " }, { parens, ":3: " } };
    for (size_t i = 0; i < 2; i++)
        for (int k = 0; k < 2; k++) {
            cli_result r = cli_run("check '%s' --lang %s", lua[i].path, k ? "en" : "ja");
            if (r.status != 2)
                fail_msg("exit %d, want 2\n%s", r.status, r.err);
            char want[1024];
            snprintf(want, sizeof want, "%s%s%s", lua[i].path, lua[i].where,
                     k ? "the scenario is nested too deeply for Lua to read"
                       : "入れ子が深すぎて Lua がシナリオを読めません");
            assert_contains(r.err, want);
            assert_lacks(r.err, "C stack overflow");
            cli_done(&r);
        }
    /* YAML: 40 levels of lists, and 100,000. */
    for (int depth = 40; depth <= 100000; depth += 99960) {
        n = 0;
        for (int i = 0; i < depth; i++)
            text[n++] = '[';
        text[n] = '\0';
        static char script[300100], roster[300100], journal[300100];
        snprintf(script, sizeof script, "scenario: ransomware\nseed: 1\nactions:\n  - %s\n", text);
        snprintf(roster, sizeof roster, "team: Blue\nmembers: %s\n", text);
        snprintf(journal, sizeof journal, "---\ntype: start\nt: 0\nstart: %s\n...\n", text);
        struct { const char *name, *body, *cmd, *where; } yaml[] = {
            { "deep-script.yaml", script, "run ransomware --ui none --no-scorecard --script", ":4:35:" },
            { "deep-roster.yaml", roster, "run ransomware --ui none --no-scorecard --script "
              "scenarios/answers/ransomware/model.yaml --roster", ":2:41:" },
            { "deep-journal.yaml", journal, "score", ":4:39:" },
        };
        for (size_t i = 0; i < 3; i++) {
            const char *path = cli_path(yaml[i].name);
            cli_write(path, yaml[i].body);
            for (int k = 0; k < 2; k++) {
                cli_result r = cli_run("%s '%s' --lang %s", yaml[i].cmd, path, k ? "en" : "ja");
                if (r.status != 2)
                    fail_msg("%s: exit %d, want 2\n%s", yaml[i].name, r.status, r.err);
                char want[1024];
                snprintf(want, sizeof want, "%s%s ", path, yaml[i].where);
                assert_contains(r.err, want);
                assert_contains(r.err, k ? "nesting is deeper than 32 levels"
                                         : "入れ子が 32 段より深くなっています");
                cli_done(&r);
            }
        }
    }
}

/* Lint's findings (engine/author) are worded in the user's language too. */
static void lint_findings_speak_the_users_language(void **state)
{
    (void)state;
    const char *fixture = "tests/authoring/fixtures/lint-findings.lua";
    cli_result r = cli_run("lint --lang ja %s", fixture);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "lint-findings.lua:11:11: 状態のキー 'cuont' に書き込んでいますが、"
                           "state で宣言されていません（'count' のことですか？）");
    assert_contains(r.out, "lint-findings.lua:18:20: ctx.after: 'polce' は時間でも、このシナリオの"
                           "関係者でもありません（関係者: 'police' のことですか？）");
    cli_done(&r);
    r = cli_run("lint --lang en %s", fixture);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "lint-findings.lua:11:11: state key 'cuont' is written but not declared "
                           "in state (did you mean 'count'?)");
    assert_lacks(r.out, "状態のキー");
    cli_done(&r);
}

/* The exercise module's refusals (restoring a journal) too. */
static void restore_errors_speak_the_users_language(void **state)
{
    (void)state;
    const char *journal = cli_path("ended.yaml");
    cli_result r = cli_run("run ransomware --ui none --no-scorecard --script "
                           "scenarios/answers/ransomware/model.yaml --journal '%s'", journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("resume --lang ja '%s' --ui none", journal);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, ": この演習はすでに終了しています。'tabletop score' か 'tabletop replay' を使ってください");
    cli_done(&r);
    r = cli_run("resume --lang en '%s' --ui none", journal);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, ": this exercise has already ended; use 'tabletop score' or 'tabletop replay'");
    cli_done(&r);
}

/* The OS's and SQLite's own words inside a message are in the user's
 * language too (tt_os_error, tt_lib_text): no English left in Japanese. */
static void os_and_library_texts_speak_the_users_language(void **state)
{
    (void)state;
    const char *file = cli_path("plain.txt");
    cli_write(file, "not a folder\n");
    const char *db = cli_path("not-a-db.sqlite");
    cli_write(db, "this is not an SQLite database, just text long enough to have a header\n");
    static const struct {
        const char *cmd, *path, *rest, *ja, *en;
    } cases[] = {
        { "score", "missing.yaml", "-o x.html", ": 開けません: ファイルまたはフォルダーがありません\n",
          ": cannot open: No such file or directory\n" },
        { "score", "plain.txt/x.yaml", "-o x.html", ": 開けません: フォルダーではありません\n",
          ": cannot open: Not a directory\n" },
        { "history --db", "not-a-db.sqlite", "", ": データベースファイルではありません\n",
          ": file is not a database\n" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char cmd[1024];
        snprintf(cmd, sizeof cmd, "%s '%s/%s' %s", cases[i].cmd, cli_tmp(), cases[i].path, cases[i].rest);
        cli_result r = cli_run("%s --lang ja", cmd);
        assert_true(r.status == 1 || r.status == 2);
        assert_contains(r.err, cases[i].ja);
        assert_lacks(r.err, cases[i].en + 2);
        cli_done(&r);
        r = cli_run("%s --lang en", cmd);
        assert_contains(r.err, cases[i].en);
        cli_done(&r);
    }
}

/* Lua's own runtime errors in a scenario's callback are worded in the
 * user's language too, at the line, with where they happened. */
static void lua_errors_speak_the_users_language(void **state)
{
    (void)state;
    const char *bad = cli_path("lua-error.lua");
    cli_result r = cli_sh("sed 's/return s.encrypted_pc > 0 end/return s.encrypted_pc + ({}).nothing.y > 0 end/' "
                          "scenarios/ransomware.lua > '%s' && grep -n 'nothing.y' '%s' | cut -d: -f1", bad, bad);
    assert_int_equal(r.status, 0);
    int line = atoi(r.out);
    assert_true(line > 0);
    cli_done(&r);
    static const char *const langs[] = { "ja", "en" };
    static const char *const said[] = {
        "nil の値を添字で参照しようとしました（フィールド 'nothing'）（injects.ransom_note.when 内）",
        "attempt to index a nil value (field 'nothing') (in injects.ransom_note.when)",
    };
    for (int k = 0; k < 2; k++) {
        r = cli_run("run '%s' --ui none --no-scorecard --script scenarios/answers/ransomware/model.yaml "
                    "--journal '%s' --lang %s", bad, cli_path(k ? "lua-error-en.yaml" : "lua-error-ja.yaml"),
                    langs[k]);
        assert_int_not_equal(r.status, 0);
        char want[512];
        snprintf(want, sizeof want, "lua-error.lua:%d: %s", line, said[k]);
        assert_contains(r.err, want);
        cli_done(&r);
    }
}

/* A journal and a scenario that do not belong together are said one way by
 * every command that reads both (score, replay, resume): the same sentence,
 * the journal's scenario first, at the scenario file. */
static void a_mismatch_is_worded_alike_everywhere(void **state)
{
    (void)state;
    char own[512], other_dir[512], other[600], journal[512];
    snprintf(own, sizeof own, "%s", cli_path("ransomware.lua"));
    snprintf(other_dir, sizeof other_dir, "%s", cli_path("elsewhere"));
    snprintf(other, sizeof other, "%s/ransomware.lua", other_dir);
    snprintf(journal, sizeof journal, "%s", cli_path("mismatch.yaml"));
    cli_result r = cli_sh("cp scenarios/ransomware.lua '%s'", own);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("run '%s' --ui none --no-scorecard --script "
                           "scenarios/answers/ransomware/model.yaml --journal '%s'", own, journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    unlink(own); /* score then looks in --scenarios DIR, where another scenario has the name */
    r = cli_sh("mkdir -p '%s' && cp scenarios/wordpress-xss.lua '%s'", other_dir, other);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    static const char *const langs[] = { "ja", "en" };
    static const char *const said[] = {
        "記録ファイルはシナリオ 'ransomware' のもので、'wordpress-xss' のものではありません\n",
        "the journal is of scenario 'ransomware', not 'wordpress-xss'\n",
    };
    for (int k = 0; k < 2; k++) {
        char want[1024];
        snprintf(want, sizeof want, "%s: %s", other, said[k]);
        r = cli_run("score '%s' --scenarios '%s' -o '%s' --lang %s", journal, other_dir,
                    cli_path("mismatch.html"), langs[k]);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, want);
        cli_done(&r);
        r = cli_run("replay '%s' --scenario '%s' --lang %s", journal, other, langs[k]);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, want);
        cli_done(&r);
        r = cli_run("resume '%s' --scenario '%s' --ui none --lang %s", journal, other, langs[k]);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, want);
        cli_done(&r);
    }
}

/* Without --lang the locale decides, as for the commands' own texts. */
static void the_locale_decides_without_lang(void **state)
{
    (void)state;
    const char *path = cli_path("dup-locale.yaml");
    cli_write(path, "type: start\nt: 0\nt: 1\n...\n");
    cli_result r = cli_sh("LANG=ja_JP.UTF-8 LC_ALL= LC_MESSAGES= \"$TT_BINARY\" score '%s' -o x.html", path);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, ":3:1: キー 't' が重複しています");
    cli_done(&r);
    r = cli_sh("LANG=C LC_ALL= LC_MESSAGES= \"$TT_BINARY\" score '%s' -o x.html", path);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, ":3:1: duplicate key 't'");
    cli_done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(journal_errors_speak_the_users_language),
        cmocka_unit_test(answer_script_errors_speak_the_users_language),
        cmocka_unit_test(scenario_errors_speak_the_users_language),
        cmocka_unit_test(callback_texts_are_refused_in_the_users_language),
        cmocka_unit_test(too_deep_nesting_is_located),
        cmocka_unit_test(lint_findings_speak_the_users_language),
        cmocka_unit_test(restore_errors_speak_the_users_language),
        cmocka_unit_test(the_locale_decides_without_lang),
        cmocka_unit_test(a_mismatch_is_worded_alike_everywhere),
        cmocka_unit_test(os_and_library_texts_speak_the_users_language),
        cmocka_unit_test(lua_errors_speak_the_users_language),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
