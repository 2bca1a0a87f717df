/* The installed program: `cmake --install` into a prefix, the prefix moved
 * elsewhere, and the binary run from a folder with no scenarios/ and no
 * access to the source tree's paths. Also the man page, the bash completion
 * and the desktop entry that the install writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli_util.h"

/* Outside the build tree: a binary under it reads the source tree. */
static char tmp[256];
static char *out;

/* Run a shell command in the temporary folder, with a home of its own and
 * no scenarios but the installed ones; stdout+stderr into `out`. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
    char body[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(body, sizeof body, fmt, ap);
    va_end(ap);
    cli_result r = cli_sh_in(tmp, "env -u TABLETOP_SCENARIOS HOME='%s' XDG_DATA_HOME='%s/data' "
                                  "LC_ALL=C sh -c '%s' 2>&1", tmp, tmp, body);
    free(out);
    out = r.out;
    free(r.err);
    return r.status;
}

static int setup(void **state)
{
    (void)state;
    snprintf(tmp, sizeof tmp, "/tmp/tt-install-XXXXXX");
    if (!mkdtemp(tmp))
        return -1;
    /* Install, then move the prefix: nothing may depend on where it was. */
    return sh("\"%s\" --install \"%s\" --prefix first >/dev/null && mv first moved",
              getenv("TT_CMAKE"), getenv("TT_BUILD_DIR"));
}

static int teardown(void **state)
{
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    free(out);
    out = NULL;
    return system(cmd) == 0 ? 0 : -1;
}

static void lists_the_installed_scenarios(void **state)
{
    (void)state;
    assert_int_equal(sh("moved/bin/tabletop list | wc -l"), 0);
    assert_int_equal(atoi(out), 6);
    assert_int_equal(sh("moved/bin/tabletop list"), 0);
    assert_contains(out, "ransomware");
}

static void runs_and_scores_from_the_installed_scenarios(void **state)
{
    (void)state;
    assert_int_equal(sh("moved/bin/tabletop run ransomware --script "
                        "moved/share/tabletop/scenarios/answers/ransomware/model.yaml "
                        "--ui none --journal j.yaml --no-scorecard"),
                     0);
    char expect[512];
    snprintf(expect, sizeof expect, "path: \"%s/moved/share/tabletop/scenarios/ransomware.lua\"",
             tmp);
    assert_int_equal(sh("grep -m1 path: j.yaml"), 0);
    assert_contains(out, expect);
    /* The journal and the card say which version wrote and scored them. */
    snprintf(expect, sizeof expect, "engine: \"%s\"", getenv("TT_VERSION"));
    assert_int_equal(sh("grep -m1 engine: j.yaml"), 0);
    assert_contains(out, expect);
    assert_int_equal(sh("moved/bin/tabletop score j.yaml -o card.json && grep -c objectives card.json"), 0);
    snprintf(expect, sizeof expect, "\"scored_by\": \"%s\"", getenv("TT_VERSION"));
    assert_int_equal(sh("grep scored_by card.json"), 0);
    assert_contains(out, expect);
    assert_int_equal(sh("moved/bin/tabletop check ransomware"), 0);
}

/* The heavy libraries are in the modules, found beside the moved binary;
 * the program itself maps none of them (nor SQLite or zlib, which only some
 * commands use: each library mapped costs every process ~0.05 ms). */
static void loads_its_modules_from_the_moved_prefix(void **state)
{
    (void)state;
    assert_int_equal(sh("ldd moved/bin/tabletop"), 0);
    static const char *const heavy[] = { "SDL2", "X11", "asound", "pulse", "fontconfig",
                                         "websockets", "libpq", "gvc", "libcrypto",
                                         "readline", "libsqlite3", "libz.so" };
    for (size_t i = 0; i < sizeof heavy / sizeof heavy[0]; i++)
        if (strstr(out, heavy[i]))
            fail_msg("the program links %s:\n%s", heavy[i], out);
    assert_int_equal(sh("moved/bin/tabletop run ransomware --script "
                        "moved/share/tabletop/scenarios/answers/ransomware/model.yaml "
                        "--snapshot board.png --at 30m --size 640x360 && test -s board.png"),
                     0);
    assert_int_equal(sh("moved/bin/tabletop graph ransomware -o g.svg && grep -c \"<svg\" g.svg"),
                     0);
    /* A missing module is a clear runtime error naming it; the rest works. */
    assert_int_equal(sh("m=$(find moved -name dashboard.so) && test -n \"$m\" && mv \"$m\" dashboard.so.away && echo \"$m\" >where"), 0);
    assert_int_equal(sh("moved/bin/tabletop run ransomware --script "
                        "moved/share/tabletop/scenarios/answers/ransomware/model.yaml "
                        "--snapshot board2.png --at 30m"),
                     1);
    assert_contains(out, "dashboard.so");
    assert_contains(out, "--snapshot");
    assert_contains(out, "reinstall tabletop");
    assert_int_equal(sh("test ! -e board2.png"), 0);
    assert_int_equal(sh("moved/bin/tabletop run ransomware --script "
                        "moved/share/tabletop/scenarios/answers/ransomware/model.yaml "
                        "--ui none --journal j2.yaml --no-scorecard"),
                     0);
    assert_int_equal(sh("mv dashboard.so.away \"$(cat where)\""), 0);
}

/* tabletop new writes the installed templates (share/tabletop/new), and
 * what it writes checks, lints and runs. */
static void new_writes_a_scenario_from_the_installed_templates(void **state)
{
    (void)state;
    assert_int_equal(sh("moved/bin/tabletop new water-plant --dir drafts"), 0);
    assert_contains(out, "drafts/answers/water-plant/red-herring.yaml");
    assert_int_equal(sh("moved/bin/tabletop check drafts/water-plant.lua && "
                        "moved/bin/tabletop lint drafts/water-plant.lua && "
                        "moved/bin/tabletop run drafts/water-plant.lua --script "
                        "drafts/answers/water-plant/model.yaml --ui none --no-scorecard"),
                     0);
    /* A broken installation is the machine's failure (1), not the user's. */
    assert_int_equal(sh("mv moved/share/tabletop/new new.away"), 0);
    assert_int_equal(sh("moved/bin/tabletop new sewage-plant --dir drafts"), 1);
    assert_contains(out, "reinstall tabletop");
    assert_int_equal(sh("test ! -e drafts/sewage-plant.lua && mv new.away moved/share/tabletop/new"), 0);
}

static void prints_its_version(void **state)
{
    (void)state;
    char expect[128];
    snprintf(expect, sizeof expect, "tabletop %s\n", getenv("TT_VERSION"));
    assert_int_equal(sh("moved/bin/tabletop --version"), 0);
    assert_string_equal(out, expect);
    assert_int_equal(sh("moved/bin/tabletop -V"), 0);
    assert_string_equal(out, expect);
}

/* Both man pages (English in man1, Japanese in ja/man1) hold every command
 * of the installed program's command list, in their language, and format
 * without a groff warning (what lintian's groff-message check runs). */
static void man_pages_hold_every_command(void **state)
{
    (void)state;
    assert_int_equal(sh("moved/bin/tabletop --help"), 0);
    char *commands = strdup(out);
    assert_non_null(commands);
    /* the roff source, then the page as man shows it (wide: no line breaks) */
    static const struct { const char *page, *source[4], *shown[5]; const char *lacks; } pages[] = {
        { "moved/share/man/man1/tabletop.1.gz",
          { ".TH TABLETOP \"1\"", ".SH NAME", ".SH COMMANDS", ".SH ENVIRONMENT" },
          { "tabletop - incident-response tabletop exercise simulator", "usage: tabletop run",
            "--script", "Exit codes: 0 ok, 1 runtime failure, 2 bad input.", "TABLETOP_DB" },
          "使い方" },
        { "moved/share/man/ja/man1/tabletop.1.gz",
          { ".TH TABLETOP \"1\"", ".SH 名前", ".SH コマンド", ".SH 環境変数" },
          { "tabletop - インシデント対応机上演習シミュレーター", "使い方: tabletop run",
            "状況付与", "終了コード: 0 正常、1 実行時の失敗、2 入力の誤り。",
            "記録ファイル、スコアカード、演習履歴" },
          "usage:" },
    };
    for (size_t p = 0; p < sizeof pages / sizeof pages[0]; p++) {
        assert_int_equal(sh("gzip -dc %s | LC_ALL=C.UTF-8 MANWIDTH=1000 man -E UTF-8 -l -", pages[p].page), 0);
        for (size_t k = 0; k < 5; k++)
            assert_contains(out, pages[p].shown[k]);
        assert_lacks(out, pages[p].lacks);
        assert_int_equal(sh("gzip -dc %s", pages[p].page), 0);
        for (size_t k = 0; k < 4; k++)
            assert_contains(out, pages[p].source[k]);
        char *page = strdup(out);
        assert_non_null(page);
        size_t n = 0;
        for (const char *line = commands; (line = strstr(line, "\n  ")) != NULL; line++) {
            char name[32], section[64];
            if (sscanf(line + 3, "%31[a-z]", name) != 1)
                continue;
            snprintf(section, sizeof section, ".SS \"tabletop %s\"", name);
            assert_contains(page, section);
            n++;
        }
        assert_true(n >= 19);
        free(page);
        assert_int_equal(sh("gzip -dc %s | LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z - "
                            "2>&1 >/dev/null", pages[p].page), 0);
        assert_string_equal(out, "");
    }
    free(commands);
}

static void bash_completes_commands_options_and_ids(void **state)
{
    (void)state;
    const char *load = ". moved/share/bash-completion/completions/tabletop; ";
    assert_int_equal(sh("bash -c '\\''%s COMP_WORDS=(moved/bin/tabletop ru); COMP_CWORD=1; "
                        "_tabletop; echo \"${COMPREPLY[*]}\"'\\''", load),
                     0);
    assert_contains(out, "run");
    assert_int_equal(sh("bash -c '\\''%s COMP_WORDS=(moved/bin/tabletop run ransom); "
                        "COMP_CWORD=2; _tabletop; echo \"${COMPREPLY[*]}\"'\\''", load),
                     0);
    assert_contains(out, "ransomware");
    assert_int_equal(sh("bash -c '\\''%s COMP_WORDS=(moved/bin/tabletop run --scr); "
                        "COMP_CWORD=2; _tabletop; echo \"${COMPREPLY[*]}\"'\\''", load),
                     0);
    assert_contains(out, "--script");
}

static void desktop_entry_is_valid(void **state)
{
    (void)state;
    assert_int_equal(sh("desktop-file-validate moved/share/applications/tabletop.desktop"), 0);
    assert_int_equal(sh("test -s moved/share/icons/hicolor/scalable/apps/tabletop.svg && "
                        "test -s moved/share/tabletop/fonts.conf && "
                        "test -s moved/share/tabletop/web/player.html && "
                        "test -s moved/share/tabletop/scenarios/types/tabletop.d.lua && "
                        "test -s moved/share/tabletop/scenarios/.luarc.json && "
                        "test -s moved/share/doc/tabletop/copyright"),
                     0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lists_the_installed_scenarios),
        cmocka_unit_test(runs_and_scores_from_the_installed_scenarios),
        cmocka_unit_test(loads_its_modules_from_the_moved_prefix),
        cmocka_unit_test(new_writes_a_scenario_from_the_installed_templates),
        cmocka_unit_test(prints_its_version),
        cmocka_unit_test(man_pages_hold_every_command),
        cmocka_unit_test(bash_completes_commands_options_and_ids),
        cmocka_unit_test(desktop_entry_is_valid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
