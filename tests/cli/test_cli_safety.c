/* Bad paths and settings never destroy data or start a drill: an existing
 * journal or a symbolic link is refused, a scorecard that is the journal is
 * refused (run, resume, score), a journal in a missing directory is bad
 * input, a START path that is not a small regular file is never read, and
 * number settings must be finite. Each refusal is exit 2, nothing touched. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "cli_util.h"

#define SCENARIO "tests/cli/fixtures/rate.lua"

/* Exit 2 with `needle` in the message. */
static void expect_refused(cli_result r, const char *needle)
{
    if (r.status != 2)
        fail_msg("expected exit 2, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, needle);
    free(r.err);
    free(r.out);
}

static void expect_ok(cli_result r)
{
    if (r.status != 0)
        fail_msg("expected exit 0, got %d:\n%s", r.status, r.err);
    free(r.err);
    free(r.out);
}

/* A file of another kind where a journal is read (score, replay, resume,
 * sync --journals)
 * is said to be no journal, at its first document, with what it looks
 * like; a journal where one document is read (--script, --roster) is said
 * to be a journal. One rule in the readers: every command says the same. */
static void files_of_another_kind_are_not_journals(void **state)
{
    (void)state;
    struct {
        const char *name, *text, *where, *hint_en, *hint_ja;
    } files[] = {
        { "k-answers.yaml", "# answers\nscenario: rate\nseed: 1\nactions:\n  - at: 1m\n",
          "k-answers.yaml:2:1:", "looks like an answer script", "台本のようです" },
        { "k-dashes.yaml", "---\nscenario: rate\nactions: []\n", "k-dashes.yaml:1:1:",
          "looks like an answer script", "台本のようです" },
        { "k-roster.yaml", "team: Blue\nmembers:\n  - { name: A, role: staff }\n",
          "k-roster.yaml:1:1:", "looks like a roster", "名簿のようです" },
        { "k-text.txt", "\nhello there\n", "k-text.txt:2:1:", NULL, NULL },
        { "k-list.yaml", "---\n- type: start\n...\n", "k-list.yaml:1:1:", NULL, NULL },
    };
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        const char *path = cli_path(files[i].name);
        cli_write(path, files[i].text);
        for (size_t c = 0; c < 4; c++)
            for (int ja = 0; ja < 2; ja++) {
                const char *lang = ja ? "ja" : "en";
                cli_result r =
                    c == 0 ? cli_run("score '%s' -o '%s' --no-record --lang %s", path,
                                     cli_path("k.html"), lang)
                    : c == 1 ? cli_run("replay '%s' --ui none --lang %s", path, lang)
                    : c == 2 ? cli_run("resume '%s' --ui none --script '%s' --lang %s", path,
                                       path, lang)
                             /* checked before any database is opened */
                             : cli_run("sync --journals '%s' --db postgresql://127.0.0.1:9/x "
                                       "--lang %s", path, lang);
                if (r.status != 2)
                    fail_msg("%s, command %zu: expected exit 2, got %d:\n%s", files[i].name, c,
                             r.status, r.err);
                assert_contains(r.err, files[i].where);
                assert_contains(r.err, ja ? "tabletop の記録ファイルではありません"
                                          : "not a tabletop journal");
                if (files[i].hint_en)
                    assert_contains(r.err, ja ? files[i].hint_ja : files[i].hint_en);
                assert_lacks(r.err, ja ? "閉じられていません" : "not closed");
                assert_lacks(r.err, ja ? "途中で切れ" : "cut short");
                cli_done(&r);
            }
    }
    /* The other way: a journal given as an answer script or a roster. */
    const char *journal = cli_path("k-journal.yaml");
    expect_ok(cli_run("run " SCENARIO " --ui none --no-scorecard --journal '%s'", journal));
    for (int ja = 0; ja < 2; ja++) {
        const char *said = ja ? "これは tabletop の記録ファイルです" : "this is a tabletop journal";
        cli_result r = cli_run("run " SCENARIO " --ui none --no-scorecard --script '%s' "
                               "--journal '%s' --lang %s", journal, cli_path("k-j2.yaml"),
                               ja ? "ja" : "en");
        assert_contains(r.err, "k-journal.yaml:1:1:");
        expect_refused(r, said);
        r = cli_run("run " SCENARIO " --ui none --no-scorecard --roster '%s' "
                    "--journal '%s' --lang %s", journal, cli_path("k-j3.yaml"), ja ? "ja" : "en");
        assert_contains(r.err, "k-journal.yaml:1:1:");
        expect_refused(r, said);
    }
}

static void existing_journal_is_refused_and_untouched(void **state)
{
    (void)state;
    const char *j = cli_path("old.journal.yaml");
    cli_write(j, "evidence\n");
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", j),
                   "already exists");
    char *after = cli_slurp(j);
    assert_string_equal(after, "evidence\n");
    free(after);
}

static void symlinked_journal_is_refused_and_its_target_untouched(void **state)
{
    (void)state;
    const char *target = cli_path("target.txt");
    const char *link = cli_path("link.journal.yaml");
    cli_write(target, "precious\n");
    assert_int_equal(symlink(target, link), 0);
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", link),
                   "already exists");
    char *after = cli_slurp(target);
    assert_string_equal(after, "precious\n");
    free(after);
    /* A dangling link is refused too: nothing is created where it points. */
    const char *nowhere = cli_path("nowhere.txt");
    const char *dangling = cli_path("dangling.journal.yaml");
    assert_int_equal(symlink(nowhere, dangling), 0);
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", dangling),
                   "already exists");
    assert_int_not_equal(access(nowhere, F_OK), 0);
}

static void journal_in_a_missing_directory_is_bad_input(void **state)
{
    (void)state;
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard",
                       cli_path("no/such/dir/j.yaml")),
                   "directory does not exist");
}

/* Every command's output in a missing folder is refused before any work,
 * as the journal is (score, graph, msel, show and report did the work, then
 * exited 1 with the system's words: "No such file or directory"). */
static void outputs_in_a_missing_directory_are_bad_input(void **state)
{
    (void)state;
    const char *journal = cli_path("missing-dir.journal.yaml");
    cli_result r = cli_run("run " SCENARIO " --ui none --no-scorecard --journal '%s'", journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    const char *out = cli_path("no/such/dir/out");
    expect_refused(cli_run("score '%s' --no-record -o '%s.html'", journal, out),
                   "cannot write");
    expect_refused(cli_run("graph " SCENARIO " -o '%s.svg'", out), "directory does not exist");
    expect_refused(cli_run("msel " SCENARIO " -o '%s.csv'", out), "directory does not exist");
    expect_refused(cli_run("show " SCENARIO " -o '%s.md'", out), "directory does not exist");
    expect_refused(cli_run("report --db '%s' -o '%s.html'", cli_path("missing-dir.sqlite3"), out),
                   "directory does not exist");
    expect_refused(cli_run("show " SCENARIO " -o '%s.md' --lang ja", out), "フォルダーがありません");
    /* A file where a folder should be is no folder (it was called "not a
     * regular file", as if the output were). */
    char under_file[700];
    snprintf(under_file, sizeof under_file, "%s/x.md", journal);
    expect_refused(cli_run("show " SCENARIO " -o '%s'", under_file), "directory does not exist");
}

/* An option that names a folder to read (score --scenarios) refuses a
 * file or a missing path: it was ignored, and `--scenario F` (replay's
 * option, a prefix of score's) silently meant it. */
static void folder_options_refuse_what_is_not_a_folder(void **state)
{
    (void)state;
    const char *journal = cli_path("folder-opt.yaml");
    cli_result r = cli_run("run " SCENARIO " --ui none --no-scorecard --journal '%s'", journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    static const char *const given[] = { "--scenarios " SCENARIO, "--scenario " SCENARIO,
                                         "--scenarios no/such/folder" };
    for (size_t i = 0; i < sizeof given / sizeof given[0]; i++) {
        for (int ja = 0; ja < 2; ja++) {
            r = cli_run("score '%s' -o '%s' --no-record %s --lang %s", journal,
                        cli_path("folder-opt.json"), given[i], ja ? "ja" : "en");
            if (r.status != 2)
                fail_msg("score %s: expected exit 2, got %d:\n%s", given[i], r.status, r.err);
            assert_contains(r.err, ja ? "既存のフォルダーではありません" : "is not an existing folder");
            assert_contains(r.err, "--scenarios");
            cli_done(&r);
        }
    }
    /* A folder is taken, as before. */
    r = cli_run("score '%s' -o '%s' --no-record --scenarios tests/cli/fixtures", journal,
                cli_path("folder-opt.json"));
    if (r.status != 0)
        fail_msg("score --scenarios FOLDER: expected exit 0, got %d:\n%s", r.status, r.err);
    cli_done(&r);
}

/* A journal holds one exercise, its records in time order: a second START
 * (two journals pasted together) is refused by every reader, and `score`
 * refuses a clock that goes back (a card made of it was silently wrong);
 * both at the record's line, exit 2. */
static void journals_out_of_order_are_refused(void **state)
{
    (void)state;
    const char *journal = cli_path("order.yaml");
    cli_result r = cli_run("run " SCENARIO " --ui none --no-scorecard --journal '%s'", journal);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *text = cli_slurp(journal);
    assert_non_null(text);
    size_t first_end = (size_t)(strstr(text, "\n...\n") - text) + 5;
    /* The START document again at the end: two exercises in one file. */
    size_t n = strlen(text);
    char *twice = malloc(n + first_end + 1);
    assert_non_null(twice);
    memcpy(twice, text, n);
    memcpy(twice + n, text, first_end);
    twice[n + first_end] = '\0';
    int lines = 1;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    const char *two = cli_path("order-two.yaml");
    cli_write(two, twice);
    char where[600];
    snprintf(where, sizeof where, "order-two.yaml:%d:", lines);
    for (int ja = 0; ja < 2; ja++) {
        r = cli_run("score '%s' -o '%s' --no-record --lang %s", two, cli_path("order.json"),
                    ja ? "ja" : "en");
        if (r.status != 2)
            fail_msg("second start: expected exit 2, got %d:\n%s", r.status, r.err);
        assert_contains(r.err, ja ? "2つ目の 'start' 記録" : "a second 'start' record");
        assert_contains(r.err, where);
        cli_done(&r);
    }
    r = cli_run("replay '%s' --ui none", two);
    if (r.status != 2)
        fail_msg("replay, second start: expected exit 2, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, "a second 'start' record");
    cli_done(&r);
    /* The last record (end) stamped at 0, after records later in time. */
    char *last = NULL;
    for (char *p = strstr(text, "\nt: "); p; p = strstr(p + 1, "\nt: "))
        last = p;
    assert_non_null(last);
    char *num_end = strchr(last + 4, '\n');
    assert_non_null(num_end);
    assert_true(strtoll(last + 4, NULL, 10) > 0);
    char *back = malloc(n + 2);
    assert_non_null(back);
    snprintf(back, n + 2, "%.*s\nt: 0%s", (int)(last - text), text, num_end);
    const char *backwards = cli_path("order-back.yaml");
    cli_write(backwards, back);
    for (int ja = 0; ja < 2; ja++) {
        r = cli_run("score '%s' -o '%s' --no-record --lang %s", backwards,
                    cli_path("order.json"), ja ? "ja" : "en");
        if (r.status != 2)
            fail_msg("time going back: expected exit 2, got %d:\n%s", r.status, r.err);
        assert_contains(r.err, ja ? "時刻が戻っています" : "time goes backwards");
        assert_contains(r.err, "order-back.yaml:");
        cli_done(&r);
    }
    free(back);
    free(twice);
    free(text);
}

/* Exit codes follow the failure's class: a journal that cannot be written
 * where the user asked (a folder the program may not write in) or in the
 * default place is the machine's failure (exit 1, no --help hint); a
 * missing folder or scenario is the user's input (exit 2). */
static void unwritable_journal_is_a_runtime_failure(void **state)
{
    (void)state;
    /* Root writes in a read-only folder: /sys refuses everyone. */
    const char *dir = cli_path("read-only");
    assert_int_equal(mkdir(dir, 0555), 0);
    const char *where = geteuid() == 0 ? "/sys" : dir;
    char journal[600];
    snprintf(journal, sizeof journal, "%s/j.journal.yaml", where);
    cli_result r = cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", journal);
    if (r.status != 1)
        fail_msg("unwritable --journal: expected exit 1, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, "cannot create the journal");
    assert_lacks(r.err, "--help");
    cli_done(&r);
    /* The default place: its folder cannot be made. */
    r = cli_sh("XDG_DATA_HOME='%s/tabletop-test' '%s' run " SCENARIO " --ui none --no-scorecard", where,
               getenv("TT_BINARY"));
    if (r.status != 1)
        fail_msg("unwritable data folder: expected exit 1, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, "cannot create");
    cli_done(&r);
    /* The same command with the user's mistakes: exit 2. */
    expect_refused(cli_run("run no-such-scenario --ui none --journal '%s' --no-scorecard",
                           cli_path("j2.journal.yaml")),
                   "no scenario 'no-such-scenario'");
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard",
                           cli_path("missing/j.journal.yaml")),
                   "directory does not exist");
}

/* A folder under the test's own of at least `len` bytes, made. */
static const char *long_folder(const char *name, size_t len)
{
    static char dir[4096];
    snprintf(dir, sizeof dir, "%s/%s", cli_tmp(), name);
    mkdir(dir, 0755);
    while (strlen(dir) < len) {
        size_t used = strlen(dir);
        snprintf(dir + used, sizeof dir - used, "/%.200s",
                 "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
                 "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
                 "dddddddddddddddddddddddddddddddddddddddd");
        mkdir(dir, 0755);
    }
    char check[4200];
    snprintf(check, sizeof check, "test -d '%s'", dir);
    assert_int_equal(system(check), 0);
    return dir;
}

/* A path too long for the program's buffers is refused whole: a cut name is
 * another file (the default journal was written as ".../exercises/ran"). */
static void paths_too_long_are_refused_not_cut(void **state)
{
    (void)state;
    /* The default journal's folder fits, its file name does not. */
    const char *data = long_folder("long-data", 1000);
    cli_result r = cli_sh("XDG_DATA_HOME='%s' '%s' run " SCENARIO " --ui none --no-scorecard", data,
                          getenv("TT_BINARY"));
    if (r.status != 1)
        fail_msg("long XDG_DATA_HOME: expected exit 1, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, "XDG_DATA_HOME: the path is too long");
    cli_done(&r);
    char listing[4200];
    snprintf(listing, sizeof listing, "%s/tabletop/exercises", data);
    r = cli_sh("ls -A '%s'", listing);
    assert_string_equal(r.out, "");
    cli_done(&r);
    /* A scenario named by a path longer than the program keeps. */
    const char *deep = long_folder("long-scenario", 1100);
    char scenario[4200];
    snprintf(scenario, sizeof scenario, "%s/rate.lua", deep);
    r = cli_sh("cp " SCENARIO " '%s'", scenario);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    expect_refused(cli_run("check '%s'", scenario), "the path is too long");
    /* A scorecard whose folder name would be cut before it is checked. */
    char card[4200];
    snprintf(card, sizeof card, "%s/card.html", deep);
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --scorecard '%s'",
                           cli_path("long-card.journal.yaml"), card),
                   "--scorecard: the path is too long");
    /* A scenario folder whose id's path would be cut. */
    r = cli_sh("TABLETOP_SCENARIOS='%.1015s' '%s' check rate", deep, getenv("TT_BINARY"));
    if (r.status != 2)
        fail_msg("long TABLETOP_SCENARIOS: expected exit 2, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, "the path is too long");
    cli_done(&r);
}

/* Every folder TABLETOP_SCENARIOS names is searched, or the command says
 * which it cannot: the fifteenth folder and a folder of 5,000 bytes were
 * left out unsaid (a scenario there was 'not found', list did not show it). */
static void scenario_folders_are_all_searched_or_refused(void **state)
{
    (void)state;
    char many[2048] = "";
    for (int i = 0; i < 14; i++) {
        char dir[600];
        snprintf(dir, sizeof dir, "%s/sd%d", cli_tmp(), i);
        mkdir(dir, 0755);
        size_t used = strlen(many);
        snprintf(many + used, sizeof many - used, "%s%s", i ? ":" : "", dir);
    }
    /* The fourteenth folder holds the scenario: found by id, listed. */
    char copy[700];
    snprintf(copy, sizeof copy, "cp " SCENARIO " '%s/sd13/lastdir.lua'", cli_tmp());
    cli_result r = cli_sh("%s", copy);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    r = cli_sh("TABLETOP_SCENARIOS='%s' '%s' check lastdir", many, getenv("TT_BINARY"));
    if (r.status != 0)
        fail_msg("14 folders: expected exit 0, got %d:\n%s", r.status, r.err);
    cli_done(&r);
    /* list reads the same folders, thirteen of them empty (it sorted an
     * empty folder's names with qsort(NULL, 0): UBSan stopped it). */
    r = cli_sh("TABLETOP_SCENARIOS='%s' '%s' list", many, getenv("TT_BINARY"));
    if (r.status != 0)
        fail_msg("list with 14 folders: expected exit 0, got %d:\n%s", r.status, r.err);
    assert_contains(r.out, "rate "); /* the file's scenario id */
    cli_done(&r);
    /* One more is refused by name, by every command that searches. */
    r = cli_sh("TABLETOP_SCENARIOS='%s:%s/sd14' '%s' check lastdir", many, cli_tmp(),
               getenv("TT_BINARY"));
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "TABLETOP_SCENARIOS: too many folders (at most 14)");
    cli_done(&r);
    r = cli_sh("TABLETOP_SCENARIOS='%s:%s/sd14' '%s' list", many, cli_tmp(), getenv("TT_BINARY"));
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "too many folders");
    cli_done(&r);
    r = cli_sh("TABLETOP_SCENARIOS='%s:%s/sd14' '%s' list --lang ja", many, cli_tmp(),
               getenv("TT_BINARY"));
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "フォルダーが多すぎます");
    cli_done(&r);
    /* A folder path longer than any the program holds. */
    char longer[5200];
    longer[0] = '/';
    memset(longer + 1, 'a', 5000);
    longer[5001] = '\0';
    r = cli_sh("TABLETOP_SCENARIOS='%s' '%s' check lastdir", longer, getenv("TT_BINARY"));
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "TABLETOP_SCENARIOS: the path of the folder '/aaa");
    cli_done(&r);
}

static void scorecard_that_is_the_journal_is_refused(void **state)
{
    (void)state;
    /* run: the same name, or another spelling of it. */
    const char *j = cli_path("x.json");
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --scorecard '%s'", j, j),
                   "journal itself");
    assert_int_not_equal(access(j, F_OK), 0);
    expect_refused(cli_run("run " SCENARIO " --ui none --journal '%s' --scorecard '%s/./x.json'", j,
                           cli_tmp()),
                   "journal itself");
    assert_int_not_equal(access(j, F_OK), 0);
    /* A real journal, then score -o and resume --scorecard at it, directly,
     * through a symbolic link and through a hard link. */
    expect_ok(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", j));
    char *before = cli_slurp(j);
    assert_non_null(before);
    assert_non_null(strstr(before, "type: end"));
    const char *sym = cli_path("sym.json");
    const char *hard = cli_path("hard.json");
    assert_int_equal(symlink(j, sym), 0);
    assert_int_equal(link(j, hard), 0);
    expect_refused(cli_run("score '%s' -o '%s' --no-record", j, j), "journal itself");
    expect_refused(cli_run("score '%s' -o '%s' --no-record", j, sym), "journal itself");
    expect_refused(cli_run("score '%s' -o '%s' --no-record", j, hard), "journal itself");
    expect_refused(cli_run("resume '%s' --ui none --scorecard '%s'", j, sym), "journal itself");
    char *after = cli_slurp(j);
    assert_string_equal(after, before);
    free(after);
    free(before);
    /* The normal case still works. */
    expect_ok(cli_run("score '%s' -o '%s' --no-record", j, cli_path("card.json")));
}

/* Document writers never overwrite the scenario they read: graph and msel
 * -o at the scenario itself, directly or through a symbolic link. */
static void documents_never_overwrite_their_scenario(void **state)
{
    (void)state;
    const char *sc = cli_path("copy.lua");
    char src[1024];
    snprintf(src, sizeof src, "%s/%s", getenv("TT_SOURCE_DIR"), SCENARIO);
    char *text = cli_slurp(src);
    assert_non_null(text);
    cli_write(sc, text);
    const char *svg = cli_path("copy-link.svg"), *csv = cli_path("copy-link.csv");
    assert_int_equal(symlink(sc, svg), 0);
    assert_int_equal(symlink(sc, csv), 0);
    expect_refused(cli_run("graph '%s' -o '%s'", sc, svg), "scenario file itself");
    expect_refused(cli_run("msel '%s' -o '%s'", sc, csv), "scenario file itself");
    char *after = cli_slurp(sc);
    assert_string_equal(after, text);
    free(after);
    free(text);
}

/* A START path naming a device or FIFO is never read (/dev/zero used to
 * hang score, replay and resume): the scenario is then looked up by id. */
static void start_path_that_is_not_a_regular_file_is_not_read(void **state)
{
    (void)state;
    const char *j = cli_path("dev.journal.yaml");
    expect_ok(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", j));
    char *text = cli_slurp(j);
    char *path = strstr(text, "\n  path: ");
    assert_non_null(path);
    char *eol = strchr(path + 1, '\n');
    const char *fifo = cli_path("fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *targets[] = { "/dev/zero", fifo };
    for (size_t i = 0; i < 2; i++) {
        char edited[65536];
        snprintf(edited, sizeof edited, "%.*s\n  path: \"%s\"%s", (int)(path - text), text,
                 targets[i], eol);
        const char *e = cli_path("edited.journal.yaml");
        unlink(e);
        cli_write(e, edited);
        /* Found neither at the path nor by id: a clear refusal, at once. */
        expect_refused(cli_run("score '%s' -o '%s' --no-record", e, cli_path("e.json")),
                       "cannot find scenario");
        /* Said as score says it, at the journal, with the option that helps
         * (it said "the journal's scenario: no scenario 'rate' ..."). */
        char want[1200];
        snprintf(want, sizeof want, "%s: cannot find scenario 'rate': the file the journal names is "
                 "gone or holds another scenario, and the scenario folders have no 'rate.lua' "
                 "(give the file with --scenario F)", e);
        expect_refused(cli_run("replay '%s'", e), want);
        expect_refused(cli_run("resume '%s' --ui none --no-scorecard", e), want);
        expect_refused(cli_run("replay '%s' --scenario '%s'", e, cli_path("nowhere.lua")),
                       "tabletop replay: --scenario: ");
        /* With the scenario given, it works. */
        expect_ok(cli_run("replay '%s' --scenario " SCENARIO, e));
    }
    free(text);
}

static void number_settings_must_be_finite(void **state)
{
    (void)state;
    const char *bad[] = { "1e999", "-1e999", "inf", "nan", "-inf" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *j = cli_path("set.journal.yaml");
        unlink(j);
        char want[200];
        snprintf(want, sizeof want, "--set rate=%s: expected a finite number (the default is 1.5), "
                 "found '%s'", bad[i], bad[i]);
        expect_refused(cli_run("run " SCENARIO " --ui none --set rate=%s --journal '%s' --no-scorecard",
                           bad[i], j),
                       want);
        assert_int_not_equal(access(j, F_OK), 0); /* refused before the drill */
    }
    const char *script = cli_path("inf.yaml");
    const char *forms[] = { ".inf", "-.inf", ".nan", "1e999" };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "settings:\n  rate: %s\nactions: []\n", forms[i]);
        unlink(script);
        cli_write(script, text);
        const char *j = cli_path("inf.journal.yaml");
        unlink(j);
        cli_result r = cli_run("run " SCENARIO " --ui none --script '%s' --journal '%s' --no-scorecard",
                       script, j);
        if (r.status != 2)
            fail_msg("%s: expected exit 2, got %d:\n%s", forms[i], r.status, r.err);
        assert_contains(r.err, "inf.yaml:2:9: settings.rate");
        free(r.err);
        free(r.out);
        assert_int_not_equal(access(j, F_OK), 0);
    }
    /* Finite numbers and text settings of any scalar are accepted. */
    const char *j = cli_path("ok.journal.yaml");
    expect_ok(cli_run("run " SCENARIO " --ui none --set rate=2.5 --set name=12 --journal '%s' "
                  "--no-scorecard", j));
    unlink(script);
    cli_write(script, "settings:\n  rate: 3\n  name: .inf\nactions: []\n");
    unlink(j);
    expect_ok(cli_run("run " SCENARIO " --ui none --script '%s' --journal '%s' --no-scorecard",
                  script, j));
}

/* --set is checked and worded as an answer script's settings: are (the
 * value as typed, the kind, the default), by run and sweep alike, in both
 * languages; it said "settings: setting 'rate' is a finite number; 'x' is
 * not one" and showed 99999999999999999999 as 1e+20. */
static void set_is_worded_as_a_scripts_settings(void **state)
{
    (void)state;
    const char *script = cli_path("set-answer.yaml");
    cli_write(script, "actions: []\n");
    static const struct {
        const char *set, *want;
    } cases[] = {
        { "rate=abc", "--set rate=abc: expected a number (the default is 1.5), found 'abc'" },
        { "rate=99999999999999999999x", "found '99999999999999999999x'" },
        { "bogus=1", "--set bogus=1: unknown setting 'bogus'; valid: name, rate" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *j = cli_path("set-worded.journal.yaml");
        unlink(j);
        expect_refused(cli_run("run " SCENARIO " --ui none --script '%s' --set '%s' --journal '%s' "
                               "--no-scorecard", script, cases[i].set, j),
                       cases[i].want);
        assert_int_not_equal(access(j, F_OK), 0);
        expect_refused(cli_run("sweep " SCENARIO " --script '%s' --runs 1 --set '%s' -o '%s'", script,
                               cases[i].set, cli_path("set-worded.json")),
                       cases[i].want);
    }
    expect_refused(cli_run("run " SCENARIO " --ui none --script '%s' --set rate=abc --lang ja "
                           "--no-scorecard", script),
                   "--set rate=abc の指定: 数値が必要です（既定値は 1.5）が、'abc' です");
    /* The same mistake in a script's settings: the same words, at the place. */
    cli_write(script, "settings:\n  rate: abc\nactions: []\n");
    expect_refused(cli_run("run " SCENARIO " --ui none --script '%s' --no-scorecard", script),
                   "set-answer.yaml:2:9: settings.rate: expected a number (the default is 1.5), found 'abc'");
}

/* No byte that drives a terminal (C0 but newline and tab, DEL, C1 as
 * UTF-8, bidi overrides) in what a command printed. */
static void assert_terminal_safe(const char *text)
{
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
            fail_msg("control byte 0x%02x in:\n%s", *p, text);
        if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
            fail_msg("C1 control U+00%02X in:\n%s", p[1], text);
        if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
            fail_msg("bidi override in:\n%s", text);
    }
}

/* YAML escapes are text too: refused after parsing with file:line:column,
 * in rosters, action scripts and journals alike. */
static void yaml_escapes_of_control_characters_are_refused(void **state)
{
    (void)state;
    const char *roster = cli_path("esc-roster.yaml");
    const char *script = cli_path("esc-script.yaml");
    const char *j = cli_path("esc.journal.yaml");
    const char *escapes[] = { "\\e[2J", "\\a", "\\u009b31m", "\\x07", "\\0" };
    for (size_t i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "team: \"Blue\"\nmembers:\n  - { name: \"Sato%s\", role: sysadmin }\n",
                 escapes[i]);
        unlink(roster);
        cli_write(roster, text);
        unlink(j);
        expect_refused(cli_run("run " SCENARIO " --ui none --roster '%s' --journal '%s' --no-scorecard",
                           roster, j),
                       "esc-roster.yaml:3:13: text holds");
        assert_int_not_equal(access(j, F_OK), 0);
        snprintf(text, sizeof text, "actions:\n  - { at: 1m, by: sysadmin, note: \"x%s\" }\n",
                 escapes[i]);
        unlink(script);
        cli_write(script, text);
        expect_refused(cli_run("run " SCENARIO " --ui none --script '%s' --journal '%s' --no-scorecard",
                           script, j),
                       "esc-script.yaml:2:");
        assert_int_not_equal(access(j, F_OK), 0);
    }
    /* A journal edited to hold one: score, replay and resume refuse it. */
    unlink(script);
    cli_write(script, "actions:\n  - { at: 1m, by: sysadmin, note: \"plain\" }\n");
    expect_ok(cli_run("run " SCENARIO " --ui none --script '%s' --journal '%s' --no-scorecard",
                  script, j));
    char *text = cli_slurp(j);
    char *note = strstr(text, "plain");
    assert_non_null(note);
    memcpy(note, "\\e[2J", 5);
    const char *edited = cli_path("esc-edited.journal.yaml");
    cli_write(edited, text);
    free(text);
    expect_refused(cli_run("score '%s' -o '%s' --no-record", edited, cli_path("esc.json")),
                   "text holds the control character U+001B");
    expect_refused(cli_run("replay '%s' --scenario " SCENARIO, edited), "U+001B");
    expect_refused(cli_run("resume '%s' --ui none --scenario " SCENARIO " --no-scorecard", edited),
                   "U+001B");
}

/* Text YAML may hold but a terminal would act on (U+0085, bidi overrides)
 * is shown as an escape by the headless timeline, replay --ui tty and
 * history; Lua's messages quoting a metatable's __name are neutralised. */
static void terminal_output_is_neutralised_everywhere(void **state)
{
    (void)state;
    const char *script = cli_path("odd-script.yaml");
    const char *roster = cli_path("odd-roster.yaml");
    const char *j = cli_path("odd.journal.yaml");
    const char *db = cli_path("odd.sqlite3");
    cli_write(script, "actions:\n  - { at: 1m, by: sysadmin, note: \"x\\u0085y \\u202eevil\" }\n"
                 "  - { at: 2m, by: sysadmin, do: pull_cable }\n");
    cli_write(roster, "team: \"Blue\\u202e\\u0085\"\nmembers:\n  - { name: \"Sato\\u202e\", role: sysadmin }\n");
    cli_result r = cli_run("run " SCENARIO " --ui none --script '%s' --roster '%s' --journal '%s' "
                   "--scorecard '%s' --db '%s'", script, roster, j, cli_path("odd.json"), db);
    if (r.status != 0)
        fail_msg("run: exit %d\n%s", r.status, r.err);
    assert_contains(r.out, "x\\u0085y \\u202eevil");
    assert_terminal_safe(r.out);
    assert_terminal_safe(r.err);
    free(r.out);
    free(r.err);
    r = cli_run("replay '%s' --ui tty --lang en", j);
    if (r.status != 0)
        fail_msg("replay: exit %d\n%s", r.status, r.err);
    assert_contains(r.out, "\\u202eevil");
    assert_terminal_safe(r.out);
    free(r.out);
    free(r.err);
    /* A journal that no longer reproduces: the difference quotes its text
     * (the member's name) on replay's output and resume's error. */
    char *text = cli_slurp(j);
    assert_non_null(text);
    char *done = strstr(text, "type: done\nt: ");   /* one second later */
    assert_non_null(done);
    done += strlen("type: done\nt: ");
    *done = *done == '9' ? '8' : (char)(*done + 1);
    char *end = strstr(text, "---\ntype: end");     /* not ended: resume may try */
    assert_non_null(end);
    *end = '\0';
    const char *edited = cli_path("odd-edited.journal.yaml");
    cli_write(edited, text);
    free(text);
    r = cli_run("replay '%s' --lang en", edited);
    assert_int_equal(r.status, 1);
    assert_contains(r.out, "Sato\\u202e");
    assert_terminal_safe(r.out);
    free(r.out);
    free(r.err);
    r = cli_run("resume '%s' --ui none --no-scorecard", edited);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "Sato\\u202e");
    assert_terminal_safe(r.err);
    free(r.out);
    free(r.err);
    r = cli_run("history --db '%s' --lang en", db);
    if (r.status != 0)
        fail_msg("history: exit %d\n%s", r.status, r.err);
    assert_contains(r.out, "Blue\\u202e\\u0085");
    assert_terminal_safe(r.out);
    free(r.out);
    free(r.err);
    r = cli_run("check tests/cli/fixtures/evil-name.lua");
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "\\x1b]0;pwned\\x07\\x1b[2J");
    assert_terminal_safe(r.err);
    free(r.out);
    free(r.err);
}

/* A FIFO (or device) named as any input file is refused at once, never
 * waited on: every input is opened without blocking and must be a regular
 * file (tt_fopen_regular). */
static void fifos_named_as_inputs_are_refused_without_blocking(void **state)
{
    (void)state;
    char *lua = strdup(cli_path("fifo.lua"));
    char *yaml = strdup(cli_path("fifo.yaml"));
    unlink(lua);
    unlink(yaml);
    assert_int_equal(mkfifo(lua, 0600), 0);
    assert_int_equal(mkfifo(yaml, 0600), 0);
    static const char *const commands[] = {
        "check '%1$s'", "lint '%1$s'", "show '%1$s'", "graph '%1$s'", "msel '%1$s'",
        "explore '%1$s'", "run '%1$s' --ui none --no-scorecard",
        "run " SCENARIO " --ui none --no-scorecard --script '%2$s'",
        "run " SCENARIO " --ui none --no-scorecard --roster '%2$s'",
        "score '%2$s'", "replay '%2$s'", "resume '%2$s' --ui none",
    };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        char line[1024];
        /* %1$s is the .lua, %2$s the .yaml */
        char filled[900];
        const char *c = commands[i];
        size_t n = 0;
        for (; *c && n + 1 < sizeof filled; c++) {
            if (c[0] == '%' && c[2] == '$') {
                n += (size_t)snprintf(filled + n, sizeof filled - n, "%s", c[1] == '1' ? lua : yaml);
                c += 3;
            } else {
                filled[n++] = *c;
            }
        }
        filled[n] = '\0';
        snprintf(line, sizeof line, "timeout 20 '%s' %s", getenv("TT_BINARY"), filled);
        cli_result r = cli_sh("%s", line);
        if (r.status != 2)
            fail_msg("%s: expected exit 2 at once, got %d:\n%s%s", filled, r.status, r.out, r.err);
        if (!strstr(r.out, "not a regular file") && !strstr(r.err, "not a regular file"))
            fail_msg("%s: no 'not a regular file' in:\n%s%s", filled, r.out, r.err);
        cli_done(&r);
    }
    unlink(lua);
    unlink(yaml);
    free(lua);
    free(yaml);
}

/* A FIFO, device or folder named as any output (-o of every command that
 * writes one, run's --journal, --snapshot and --scorecard) is refused at
 * once with exit 2 in the command line's language: opening a FIFO to
 * write waits for a reader forever. The FIFO is still a FIFO afterwards. */
static void fifos_named_as_outputs_are_refused_without_blocking(void **state)
{
    (void)state;
    char *fifo_md = strdup(cli_path("out-fifo.md"));
    char *fifo_html = strdup(cli_path("out-fifo.html"));
    char *journal = strdup(cli_path("fifo-out.journal.yaml"));
    char *dir = strdup(cli_path("out-dir.md"));
    unlink(fifo_md);
    unlink(fifo_html);
    rmdir(dir);
    assert_int_equal(mkfifo(fifo_md, 0600), 0);
    assert_int_equal(mkfifo(fifo_html, 0600), 0);
    assert_int_equal(mkdir(dir, 0700), 0);
    unlink(journal);
    expect_ok(cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", journal));
    static const char *const commands[] = {
        "score '%2$s' -o '%1$s'", "show " SCENARIO " -o '%1$s'",
        "graph " SCENARIO " -o '%1$s'", "msel " SCENARIO " -o '%1$s'",
        "report --db '%4$s.db' -o '%3$s'", "sweep " SCENARIO " -o '%3$s'",
        "score '%2$s' --output '%4$s'",
        "run " SCENARIO " --ui none --scorecard '%1$s'",
        "run " SCENARIO " --ui none --no-scorecard --journal '%1$s'",
        /* the drill history's database is written too: a folder or FIFO
         * as --db is bad input, said before any work */
        "history --db '%4$s'", "history --db '%1$s'", "score '%2$s' -o x.json --db '%4$s'",
        "run " SCENARIO " --ui none --db '%4$s'", "resume '%2$s' --ui none --db '%1$s'",
    };
    for (int ja = 0; ja < 2; ja++) {
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
            char filled[1200];
            const char *c = commands[i];
            size_t n = 0;
            for (; *c && n + 1 < sizeof filled; c++) {
                if (c[0] == '%' && c[2] == '$') {
                    const char *v = c[1] == '1' ? fifo_md : c[1] == '2' ? journal
                                  : c[1] == '3' ? fifo_html : dir;
                    n += (size_t)snprintf(filled + n, sizeof filled - n, "%s", v);
                    c += 3;
                } else {
                    filled[n++] = *c;
                }
            }
            filled[n] = '\0';
            /* --lang right after the command: --scorecard is worded as it is read */
            size_t verb = strcspn(filled, " ");
            cli_result r = cli_sh("timeout 20 '%s' %.*s --lang %s%s", getenv("TT_BINARY"),
                                  (int)verb, filled, ja ? "ja" : "en", filled + verb);
            if (r.status != 2)
                fail_msg("%s: expected exit 2 at once, got %d:\n%s%s", filled, r.status, r.out,
                         r.err);
            const char *want = ja ? "通常のファイルではありません" : "is not a regular file";
            if (!strstr(r.err, want))
                fail_msg("%s: no '%s' in:\n%s", filled, want, r.err);
            cli_done(&r);
        }
    }
    struct stat st;
    assert_int_equal(stat(fifo_md, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(stat(fifo_html, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    unlink(fifo_md);
    unlink(fifo_html);
    unlink(journal);
    rmdir(dir);
    free(fifo_md);
    free(fifo_html);
    free(journal);
    free(dir);
}

/* Names from outside reach the terminal only neutralised: a command-line
 * argument quoted in an error, a file named with an escape sequence in
 * what lint, check, run and replay print (standard error is guarded for
 * the whole process, paths on standard output go through the same
 * function). A scenario file named so cannot be recorded in a journal
 * (the reader refuses control characters): refused before a journal
 * exists, instead of a drill nothing can read back. */
static void names_from_outside_reach_the_terminal_neutralised(void **state)
{
    (void)state;
    static const char esc[] = "\x1b]0;PWN\x07\x1b[2J";
    char name[128];
    snprintf(name, sizeof name, "evil%s.lua", esc);
    char *scenario = strdup(cli_path(name));
    char source[4096];
    snprintf(source, sizeof source, "%s/" SCENARIO, getenv("TT_SOURCE_DIR"));
    char *text = cli_slurp(source);
    assert_non_null(strstr(text, "return scenario"));
    cli_write(scenario, text);
    free(text);
    snprintf(name, sizeof name, "j%s.yaml", esc);
    char *journal = strdup(cli_path(name));
    unlink(journal);

    cli_result r = cli_run("'bogus%s'", esc);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "bogus\\x1b]0;PWN\\x07\\x1b[2J");
    assert_terminal_safe(r.err);
    cli_done(&r);
    const char *const bad_options[] = { "--ui 'x", "--lang 'x", "'--fo", "--ui none --set 'k",
                                        "--speed 'x", "--seed 'x" };
    for (size_t i = 0; i < sizeof bad_options / sizeof bad_options[0]; i++) {
        r = cli_run("run " SCENARIO " --no-scorecard %s%s=1'", bad_options[i], esc);
        assert_int_equal(r.status, 2);
        assert_contains(r.err, "\\x1b");
        assert_terminal_safe(r.err);
        cli_done(&r);
    }
    r = cli_run("run '%s' --ui none --journal '%s' --no-scorecard", scenario, journal);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "cannot be recorded in the journal");
    assert_terminal_safe(r.err);
    cli_done(&r);
    assert_int_equal(access(journal, F_OK), -1);
    r = cli_run("check '%s'", scenario);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\\x1b]0;PWN");
    assert_terminal_safe(r.out);
    cli_done(&r);
    r = cli_run("lint '%s'", scenario);
    assert_terminal_safe(r.out);
    assert_terminal_safe(r.err);
    cli_done(&r);
    r = cli_run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", journal);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\\x1b]0;PWN");
    assert_terminal_safe(r.out);
    cli_done(&r);
    r = cli_run("replay '%s'", journal);
    assert_int_equal(r.status, 0);
    assert_contains(r.out, "\\x1b]0;PWN");
    assert_terminal_safe(r.out);
    cli_done(&r);
    unlink(journal);
    unlink(scenario);
    free(journal);
    free(scenario);
}

/* Hostile behaviour after a clean load (tests/cli/fixtures/hostile.lua):
 * each attack ends the run with a clear error (exit 1, no signal) while the
 * process stays under a virtual-memory limit, and the journal reads back.
 * (Under AddressSanitizer, which reserves terabytes of address space, the
 * limit cannot be set; the attacks still run.) */
static void hostile_scenarios_end_cleanly_under_a_memory_limit(void **state)
{
    (void)state;
#if defined(__SANITIZE_ADDRESS__)
    const char *limit = "true";
#else
    const char *limit = "ulimit -v 1000000"; /* KiB: about 1 GB */
#endif
    static const struct {
        const char *attack, *message;
    } cases[] = {
        { "messages", "messages exceed 64 MiB of text" },
        { "calls", "more than 100000 events pending" },
        { "memory", "memory cap of 64 MiB exceeded" },
        { "state", "the journal reached its limit of 256 MiB" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *j = cli_path("hostile.journal.yaml");
        unlink(j);
        cli_result r = cli_sh("(%s; exec timeout 300 '%s' run tests/cli/fixtures/hostile.lua --ui none "
                              "--set attack=%s --journal '%s' --no-scorecard)",
                              limit, getenv("TT_BINARY"), cases[i].attack, j);
        if (r.status != 1)
            fail_msg("%s: expected exit 1, got status %d:\n%s", cases[i].attack, r.status, r.err);
        if (!strstr(r.err, cases[i].message))
            fail_msg("%s: expected '%s' in:\n%s", cases[i].attack, cases[i].message, r.err);
        cli_done(&r);
        expect_ok(cli_run("score '%s' -o '%s' --no-record --scenarios tests/cli/fixtures", j,
                      cli_path("hostile.json")));
    }
}

/* Standard output on a full disk: every command that prints fails with the
 * reason (exit 1), never exit 0 with its output lost. */
static void standard_output_that_cannot_be_written_is_a_failure(void **state)
{
    (void)state;
    static const char *commands[] = {
        "list", "check ransomware", "--help", "--version", "run --help", "history",
        "show ransomware", "msel ransomware", "api --luals",
        "run ransomware --script scenarios/answers/ransomware/model.yaml --ui none "
        "--no-scorecard --journal @/full.journal.yaml",
        "score @/full.journal.yaml -o @/full.md --no-record",
        "replay @/full.journal.yaml --ui tty",
        "sweep ransomware --script scenarios/answers/ransomware/model.yaml --runs 2 --jobs 1 "
        "-o @/full-sweep.json",
        "new full-disk --dir @/new",
    };
    const char *t = cli_tmp();
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        char line[1024];
        size_t n = 0;
        for (const char *c = commands[i]; *c && n + strlen(t) + 3 < sizeof line; c++)
            n += (size_t)(*c == '@' ? snprintf(line + n, sizeof line - n, "'%s'", t)
                                    : snprintf(line + n, sizeof line - n, "%c", *c));
        cli_result r = cli_run("%s >/dev/full", line);
        if (r.status != 1)
            fail_msg("'%s' >/dev/full: exit %d, %s", line, r.status, r.err);
        assert_contains(r.err, "standard output");
        cli_done(&r);
    }
    cli_result r = cli_run("list >/dev/full");
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "tabletop list: cannot write standard output: No space left on device");
    cli_done(&r);
    r = cli_run("list --lang ja >/dev/full");
    assert_int_equal(r.status, 1);
    assert_contains(r.err, "tabletop list: 標準出力 に書き込めません");
    cli_done(&r);
}

int main(void)
{
    if (!getenv("TT_BINARY") || !getenv("TT_SOURCE_DIR")) {
        fprintf(stderr, "TT_BINARY and TT_SOURCE_DIR must be set (run through ctest)\n");
        return 1;
    }
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(existing_journal_is_refused_and_untouched),
        cmocka_unit_test(symlinked_journal_is_refused_and_its_target_untouched),
        cmocka_unit_test(journal_in_a_missing_directory_is_bad_input),
        cmocka_unit_test(outputs_in_a_missing_directory_are_bad_input),
        cmocka_unit_test(unwritable_journal_is_a_runtime_failure),
        cmocka_unit_test(folder_options_refuse_what_is_not_a_folder),
        cmocka_unit_test(journals_out_of_order_are_refused),
        cmocka_unit_test(files_of_another_kind_are_not_journals),
        cmocka_unit_test(paths_too_long_are_refused_not_cut),
        cmocka_unit_test(scenario_folders_are_all_searched_or_refused),
        cmocka_unit_test(scorecard_that_is_the_journal_is_refused),
        cmocka_unit_test(documents_never_overwrite_their_scenario),
        cmocka_unit_test(start_path_that_is_not_a_regular_file_is_not_read),
        cmocka_unit_test(number_settings_must_be_finite),
        cmocka_unit_test(set_is_worded_as_a_scripts_settings),
        cmocka_unit_test(yaml_escapes_of_control_characters_are_refused),
        cmocka_unit_test(terminal_output_is_neutralised_everywhere),
        cmocka_unit_test(names_from_outside_reach_the_terminal_neutralised),
        cmocka_unit_test(fifos_named_as_inputs_are_refused_without_blocking),
        cmocka_unit_test(fifos_named_as_outputs_are_refused_without_blocking),
        cmocka_unit_test(hostile_scenarios_end_cleanly_under_a_memory_limit),
        cmocka_unit_test(standard_output_that_cannot_be_written_is_a_failure),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
