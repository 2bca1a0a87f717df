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

static char dir[256];
#define SCENARIO "tests/cli/fixtures/rate.lua"

typedef struct result {
    int status;
    char *err;
} result;

static char *slurp(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return NULL;
    char *buf = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n + 4096 + 1 > cap) {
            cap = cap ? cap * 2 : 8192;
            char *grown = realloc(buf, cap);
            assert_non_null(grown);
            buf = grown;
        }
        size_t got = fread(buf + n, 1, 4096, fp);
        n += got;
        if (got == 0)
            break;
    }
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static void spit(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static const char *in_dir(const char *name)
{
    static char paths[8][512];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

static result run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static result run(const char *fmt, ...)
{
    char args[3072], cmd[4096], err[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(err, sizeof err, "%s/stderr", dir);
    snprintf(cmd, sizeof cmd,
             "cd '%s' && XDG_DATA_HOME='%s/xdg' timeout 60 '%s' %s >/dev/null 2>'%s' </dev/null",
             getenv("TT_SOURCE_DIR"), dir, getenv("TT_BINARY"), args, err);
    int rc = system(cmd);
    result r = { WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc), slurp(err) };
    if (!r.err)
        r.err = strdup("");
    return r;
}

#define assert_contains(hay, needle)                                                       \
    do {                                                                                   \
        if (!strstr((hay), (needle)))                                                      \
            fail_msg("expected '%s' in:\n%s", (needle), (hay));                           \
    } while (0)

/* Exit 2 with `needle` in the message. */
static void expect_refused(result r, const char *needle)
{
    if (r.status != 2)
        fail_msg("expected exit 2, got %d:\n%s", r.status, r.err);
    assert_contains(r.err, needle);
    free(r.err);
}

static void expect_ok(result r)
{
    if (r.status != 0)
        fail_msg("expected exit 0, got %d:\n%s", r.status, r.err);
    free(r.err);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/cli-safety-XXXXXX",
             getenv("TT_BUILD_DIR") ? getenv("TT_BUILD_DIR") : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static void existing_journal_is_refused_and_untouched(void **state)
{
    (void)state;
    const char *j = in_dir("old.journal.yaml");
    spit(j, "evidence\n");
    expect_refused(run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", j),
                   "already exists");
    char *after = slurp(j);
    assert_string_equal(after, "evidence\n");
    free(after);
}

static void symlinked_journal_is_refused_and_its_target_untouched(void **state)
{
    (void)state;
    const char *target = in_dir("target.txt");
    const char *link = in_dir("link.journal.yaml");
    spit(target, "precious\n");
    assert_int_equal(symlink(target, link), 0);
    expect_refused(run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", link),
                   "already exists");
    char *after = slurp(target);
    assert_string_equal(after, "precious\n");
    free(after);
    /* A dangling link is refused too: nothing is created where it points. */
    const char *nowhere = in_dir("nowhere.txt");
    const char *dangling = in_dir("dangling.journal.yaml");
    assert_int_equal(symlink(nowhere, dangling), 0);
    expect_refused(run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", dangling),
                   "already exists");
    assert_int_not_equal(access(nowhere, F_OK), 0);
}

static void journal_in_a_missing_directory_is_bad_input(void **state)
{
    (void)state;
    expect_refused(run("run " SCENARIO " --ui none --journal '%s' --no-scorecard",
                       in_dir("no/such/dir/j.yaml")),
                   "directory does not exist");
}

static void scorecard_that_is_the_journal_is_refused(void **state)
{
    (void)state;
    /* run: the same name, or another spelling of it. */
    const char *j = in_dir("x.json");
    expect_refused(run("run " SCENARIO " --ui none --journal '%s' --scorecard '%s'", j, j),
                   "journal itself");
    assert_int_not_equal(access(j, F_OK), 0);
    expect_refused(run("run " SCENARIO " --ui none --journal '%s' --scorecard '%s/./x.json'", j,
                       dir),
                   "journal itself");
    assert_int_not_equal(access(j, F_OK), 0);
    /* A real journal, then score -o and resume --scorecard at it, directly,
     * through a symbolic link and through a hard link. */
    expect_ok(run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", j));
    char *before = slurp(j);
    assert_non_null(before);
    assert_non_null(strstr(before, "type: end"));
    const char *sym = in_dir("sym.json");
    const char *hard = in_dir("hard.json");
    assert_int_equal(symlink(j, sym), 0);
    assert_int_equal(link(j, hard), 0);
    expect_refused(run("score '%s' -o '%s' --no-record", j, j), "journal itself");
    expect_refused(run("score '%s' -o '%s' --no-record", j, sym), "journal itself");
    expect_refused(run("score '%s' -o '%s' --no-record", j, hard), "journal itself");
    expect_refused(run("resume '%s' --ui none --scorecard '%s'", j, sym), "journal itself");
    char *after = slurp(j);
    assert_string_equal(after, before);
    free(after);
    free(before);
    /* The normal case still works. */
    expect_ok(run("score '%s' -o '%s' --no-record", j, in_dir("card.json")));
}

/* A START path naming a device or FIFO is never read (/dev/zero used to
 * hang score, replay and resume): the scenario is then looked up by id. */
static void start_path_that_is_not_a_regular_file_is_not_read(void **state)
{
    (void)state;
    const char *j = in_dir("dev.journal.yaml");
    expect_ok(run("run " SCENARIO " --ui none --journal '%s' --no-scorecard", j));
    char *text = slurp(j);
    char *path = strstr(text, "\n  path: ");
    assert_non_null(path);
    char *eol = strchr(path + 1, '\n');
    const char *fifo = in_dir("fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    const char *targets[] = { "/dev/zero", fifo };
    for (size_t i = 0; i < 2; i++) {
        char edited[65536];
        snprintf(edited, sizeof edited, "%.*s\n  path: \"%s\"%s", (int)(path - text), text,
                 targets[i], eol);
        const char *e = in_dir("edited.journal.yaml");
        unlink(e);
        spit(e, edited);
        /* Found neither at the path nor by id: a clear refusal, at once. */
        expect_refused(run("score '%s' -o '%s' --no-record", e, in_dir("e.json")),
                       "cannot find scenario");
        expect_refused(run("replay '%s'", e), "no scenario 'rate'");
        expect_refused(run("resume '%s' --ui none --no-scorecard", e), "no scenario 'rate'");
        /* With the scenario given, it works. */
        expect_ok(run("replay '%s' --scenario " SCENARIO, e));
    }
    free(text);
}

static void number_settings_must_be_finite(void **state)
{
    (void)state;
    const char *bad[] = { "1e999", "-1e999", "inf", "nan", "-inf" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *j = in_dir("set.journal.yaml");
        unlink(j);
        expect_refused(run("run " SCENARIO " --ui none --set rate=%s --journal '%s' --no-scorecard",
                           bad[i], j),
                       "setting 'rate' is a finite number");
        assert_int_not_equal(access(j, F_OK), 0); /* refused before the drill */
    }
    const char *script = in_dir("inf.yaml");
    const char *forms[] = { ".inf", "-.inf", ".nan", "1e999" };
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "settings:\n  rate: %s\nactions: []\n", forms[i]);
        unlink(script);
        spit(script, text);
        const char *j = in_dir("inf.journal.yaml");
        unlink(j);
        result r = run("run " SCENARIO " --ui none --script '%s' --journal '%s' --no-scorecard",
                       script, j);
        if (r.status != 2)
            fail_msg("%s: expected exit 2, got %d:\n%s", forms[i], r.status, r.err);
        assert_contains(r.err, "inf.yaml:2:9: settings.rate");
        free(r.err);
        assert_int_not_equal(access(j, F_OK), 0);
    }
    /* Finite numbers and text settings of any scalar are accepted. */
    const char *j = in_dir("ok.journal.yaml");
    expect_ok(run("run " SCENARIO " --ui none --set rate=2.5 --set name=12 --journal '%s' "
                  "--no-scorecard", j));
    unlink(script);
    spit(script, "settings:\n  rate: 3\n  name: .inf\nactions: []\n");
    unlink(j);
    expect_ok(run("run " SCENARIO " --ui none --script '%s' --journal '%s' --no-scorecard",
                  script, j));
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
        cmocka_unit_test(scorecard_that_is_the_journal_is_refused),
        cmocka_unit_test(start_path_that_is_not_a_regular_file_is_not_read),
        cmocka_unit_test(number_settings_must_be_finite),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
