/* The shared test library: runs the tabletop binary from the source folder
 * (so scenarios/ is found), output captured per process in a private
 * temporary folder; reads and writes files. Used by every end-to-end test. */
#ifndef TT_TEST_CLI_UTIL_H
#define TT_TEST_CLI_UTIL_H

#include <stddef.h>

typedef struct cli_result {
    int status;
    char *out;
    char *err;
} cli_result;

/* The temporary folder of this test process (made on first use, in the
 * build folder when $TT_BUILD_DIR is set). */
const char *cli_tmp(void);
/* cli_tmp()/name (the last eight results stay valid). */
const char *cli_path(const char *name);
/* Run `tabletop ARGS` in the source folder (killed after two minutes). */
cli_result cli_run(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Run a shell command line (no tabletop prefix) in the source folder. */
cli_result cli_sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same in another folder (an installed copy run away from the source). */
cli_result cli_sh_in(const char *dir, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_done(cli_result *r);
/* The file's content ("" when it cannot be read); *len when len is not NULL. */
char *cli_slurp(const char *path);
char *cli_slurp_n(const char *path, size_t *len);
void cli_write(const char *path, const char *text);

/* Text checks that print the text (its first 2000 bytes) when they fail. */
#define assert_contains(hay, needle)                                                    \
    do {                                                                                \
        if (!(hay) || !strstr((hay), (needle)))                                         \
            fail_msg("expected '%s' in:\n%.2000s", (needle), (hay) ? (hay) : "(null)"); \
    } while (0)
#define assert_not_contains(hay, needle)                                                \
    do {                                                                                \
        if ((hay) && strstr((hay), (needle)))                                           \
            fail_msg("did not expect '%s' in:\n%.2000s", (needle), (hay));              \
    } while (0)
#define assert_lacks(hay, needle)                                                       \
    do {                                                                                \
        if ((hay) && strstr((hay), (needle)))                                           \
            fail_msg("did not expect '%s' in:\n%.2000s", (needle), (hay));              \
    } while (0)

#endif
