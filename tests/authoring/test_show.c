/* tabletop show: the facilitator's briefing of every shipped scenario, in
 * both languages, holds each role id, each objective title and each inject
 * at a fixed time; -o .html writes HTML; a misspelt scenario id is refused
 * with a suggestion; the scenario file itself is never overwritten. */
#include <glob.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cli_util.h"
#include "tabletop/scenario.h"
#include "tabletop/script.h"

/* The Markdown emitter's escaping (tt_buf_md), so a title is found as printed. */
static char *md(const char *s)
{
    char *o = malloc(strlen(s) * 5 + 1), *p = o;
    assert_non_null(o);
    for (; *s; s++) {
        if (strchr("\\`*_{}[]<>#|~", *s)) {
            *p++ = '\\';
            *p++ = *s;
        } else if (*s == '\n' || *s == '\r' || *s == '\t') {
            *p++ = ' ';
        } else if (*s == '&') {
            memcpy(p, "&amp;", 5);
            p += 5;
        } else if ((unsigned char)*s >= 0x20) {
            *p++ = *s;
        }
    }
    *p = '\0';
    return o;
}

static void check_md(const char *text, const char *s)
{
    char *e = md(s);
    assert_contains(text, e);
    free(e);
}

/* Ids are code spans: `id`, as written. */
static void check_code(const char *text, const char *id)
{
    char want[256];
    snprintf(want, sizeof want, "`%s`", id);
    assert_contains(text, want);
}

static void briefing_of_every_scenario_in_both_languages(void **state)
{
    (void)state;
    char pattern[1024];
    snprintf(pattern, sizeof pattern, "%s/scenarios/*.lua", getenv("TT_SOURCE_DIR"));
    glob_t g;
    assert_int_equal(glob(pattern, 0, NULL, &g), 0);
    assert_true(g.gl_pathc >= 5);
    for (size_t f = 0; f < g.gl_pathc; f++) {
        tt_error err;
        tt_error_clear(&err);
        tt_script *s = tt_script_load(g.gl_pathv[f], NULL, &err);
        if (!s)
            fail_msg("%s: %s", g.gl_pathv[f], err.message);
        const tt_scenario *sc = tt_script_scenario(s);
        for (int l = 0; l < 2; l++) {
            tt_lang L = l ? TT_LANG_EN : TT_LANG_JA;
            cli_result r = cli_run("show %s --lang %s", sc->id, l ? "en" : "ja");
            if (r.status != 0)
                fail_msg("show %s: %s", sc->id, r.err);
            assert_contains(r.out, l ? "Facilitator briefing" : "進行役ブリーフィング");
            /* The overview's labels are capitalised alike (was "**scenario**"). */
            if (l)
                assert_contains(r.out, "- **Scenario**: ");
            for (size_t i = 0; i < sc->n_roles; i++)
                check_code(r.out, sc->roles[i].id);
            for (size_t i = 0; i < sc->n_objectives; i++)
                check_md(r.out, tt_text_get(&sc->objectives[i].title, L));
            /* Settings: what --set takes, as the engine reads it. */
            for (size_t i = 0; i < sc->n_settings; i++) {
                char row[256];
                snprintf(row, sizeof row, "| `%s` |", sc->settings[i].key);
                const char *at = strstr(r.out, row);
                assert_non_null(at);
                const char *eol = strchr(at, '\n');
                char line[2048];
                snprintf(line, sizeof line, "%.*s", (int)(eol ? eol - at : 2000), at);
                if (sc->settings[i].value.type == TT_VAL_BOOL && !strstr(line, "| `true`, `false` |"))
                    fail_msg("%s: the setting's values are missing: %s", sc->id, line);
            }
            size_t fixed = 0;
            for (size_t i = 0; i < sc->n_injects; i++) {
                const tt_inject *in = &sc->injects[i];
                if (in->conditional || in->at == TT_MS_NEVER)
                    continue;
                fixed++;
                char at[48];
                tt_ms_format(in->at, at, sizeof at);
                check_code(r.out, in->id);
                check_md(r.out, tt_text_get(&in->text, L));
                assert_contains(r.out, at);
            }
            assert_true(fixed > 0);
            char len[48];
            tt_span_format(sc->length, len, sizeof len);
            assert_contains(r.out, len);
            cli_done(&r);
        }
        tt_script_free(s);
    }
    globfree(&g);
}

static void html_output_and_refusals(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/brief.html", cli_tmp());
    cli_result r = cli_run("show ransomware -o '%s' --lang en", path);
    if (r.status != 0)
        fail_msg("%s", r.err);
    cli_done(&r);
    char *text = cli_slurp(path);
    assert_contains(text, "<!DOCTYPE html>");
    assert_contains(text, "Facilitator briefing");
    assert_contains(text, "<table");
    assert_lacks(text, "\\_"); /* no Markdown escapes in HTML */
    free(text);

    snprintf(path, sizeof path, "%s/brief.md", cli_tmp());
    r = cli_run("show ransomware -o '%s'", path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    text = cli_slurp(path);
    assert_contains(text, "# ");
    assert_contains(text, "| ");
    free(text);

    r = cli_run("show ransomwar");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "did you mean 'ransomware'?");
    cli_done(&r);

    r = cli_run("show ransomware -o brief.txt");
    assert_int_equal(r.status, 2);
    cli_done(&r);

    /* The scenario file itself, under a name show would write: refused, intact. */
    char lua[512];
    snprintf(lua, sizeof lua, "%s/scenarios/ransomware.lua", getenv("TT_SOURCE_DIR"));
    char *before = cli_slurp(lua);
    snprintf(path, sizeof path, "%s/same.md", cli_tmp());
    r = cli_sh("ln -sf '%s' '%s'", lua, path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_run("show ransomware -o '%s'", path);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "scenario file itself");
    cli_done(&r);
    char *after = cli_slurp(lua);
    assert_string_equal(before, after);
    free(before);
    free(after);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(briefing_of_every_scenario_in_both_languages),
        cmocka_unit_test(html_output_and_refusals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
