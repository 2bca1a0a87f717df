/* Running the tabletop binary from the authoring tests: from the source
 * folder, output captured per process, in a private temporary folder. */
#ifndef TT_TEST_AUTHORING_CLI_UTIL_H
#define TT_TEST_AUTHORING_CLI_UTIL_H

typedef struct cli_result {
    int status;
    char *out;
    char *err;
} cli_result;

/* The temporary folder of this test process (made on first use). */
const char *cli_tmp(void);
/* Run `tabletop ARGS` in the source folder. */
cli_result cli_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Run a shell command line (no tabletop prefix) in the source folder. */
cli_result cli_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_done(cli_result *r);
char *cli_slurp(const char *path);
void cli_write(const char *path, const char *text);

#define assert_contains(hay, needle)                                                       \
    do {                                                                                   \
        if (!strstr((hay), (needle)))                                                      \
            fail_msg("expected '%s' in:\n%s", (needle), (hay));                           \
    } while (0)
#define assert_lacks(hay, needle)                                                          \
    do {                                                                                   \
        if (strstr((hay), (needle)))                                                       \
            fail_msg("did not expect '%s' in:\n%s", (needle), (hay));                     \
    } while (0)

#endif
