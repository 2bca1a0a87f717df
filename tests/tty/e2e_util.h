/* Helpers for end-to-end tests of the tabletop binary: run it (plain or in
 * a pseudo-terminal), wait for screen text, read journals. Every wait has a
 * generous bound so a hang fails the test instead of blocking CI; nothing
 * asserts how long anything took. */
#ifndef TABLETOP_TESTS_TTY_E2E_UTIL_H
#define TABLETOP_TESTS_TTY_E2E_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "tabletop/journal.h"
#include "cli_util.h"   /* cli_slurp, cli_write */

/* Scratch folder for the test run (XDG_DATA_HOME points inside it). */
const char *e2e_tmpdir(void);
/* "$TMP/name" into a static rotating buffer. */
const char *e2e_tmp(const char *name);
/* "$TT_SOURCE_DIR/rel" likewise. */
const char *e2e_src(const char *rel);
const char *e2e_binary(void);

/* Run the binary with args (NULL-terminated, without argv[0]); stdin is
 * /dev/null, stdout+stderr go to out_path. Returns the exit status, or
 * 128+signal. */
int e2e_run(const char *out_path, const char *const *args);
/* Start it in the background likewise. */
pid_t e2e_spawn(const char *out_path, const char *const *args);
/* Exit status of a child, waiting at most timeout_ms (-1 on timeout). */
int e2e_wait(pid_t pid, int timeout_ms);

/* Complete records in a journal file (its "..." document ends). */
size_t e2e_journal_records(const char *path);
bool e2e_write_file(const char *path, const char *text);

/* What must be the same between a drill and the same drill killed and
 * resumed: participants' inputs, objectives, the end, the final state, as
 * one canonical text (malloc'd). */
char *e2e_outcome(const char *journal_path);

/* A session in a pseudo-terminal. */
typedef struct e2e_pty {
    int fd;
    pid_t pid;
    char screen[1 << 18];   /* everything the program wrote so far */
    size_t len;
    size_t mark;            /* e2e_expect searches from here */
} e2e_pty;

bool e2e_pty_start(e2e_pty *p, const char *const *args);
/* Wait until `text` appears after the mark; the mark moves past it. */
bool e2e_expect(e2e_pty *p, const char *text, int timeout_ms);
void e2e_send(e2e_pty *p, const char *keys);
/* Close the terminal (the child gets SIGHUP) and reap it; exit status. */
int e2e_pty_close(e2e_pty *p, int timeout_ms);
/* Wait for the child to exit on its own, reading what it prints. */
int e2e_pty_finish(e2e_pty *p, int timeout_ms);

#endif
