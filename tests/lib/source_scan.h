/* The shared source scanner of the tests that police the engine's code
 * (test_exit_codes, test_terms, test_error_texts): C sources read as
 * tokens (comments and whitespace skipped, lines counted), a walk over a
 * source folder's .c/.h files with a pending list that only shrinks, and
 * one report of what was found, as path:line. */
#ifndef TT_TEST_SOURCE_SCAN_H
#define TT_TEST_SOURCE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

typedef enum scan_kind {
    SCAN_IDENT,   /* a name or a keyword: TT_EXIT_RUNTIME, return, snprintf */
    SCAN_NUMBER,  /* 42, 0x1F, 1e9 */
    SCAN_STRING,  /* "...": text/len are its content between the quotes */
    SCAN_CHAR,    /* '...': likewise */
    SCAN_PUNCT,   /* one operator or punctuation character: ( ) , ? . - > ... */
} scan_kind;

typedef struct scan_token {
    scan_kind kind;
    const char *text;   /* into the file's text (not NUL-terminated) */
    size_t len;
    int line;           /* where the token starts */
} scan_token;

/* A source file in memory. */
typedef struct scan_file {
    const char *path;
    char *text;
    size_t n;
} scan_file;

/* Reads the whole file; false when it cannot be read. */
bool scan_file_read(scan_file *f, const char *path);
/* A file of the given text under `name` (a checker's own self-test: no
 * file on disk); false when out of memory. */
bool scan_file_from_text(scan_file *f, const char *name, const char *text);
void scan_file_free(scan_file *f);

/* A reader over a file's tokens. */
typedef struct scan_reader {
    const scan_file *file;
    size_t pos;
    int line;
} scan_reader;

void scan_reader_init(scan_reader *r, const scan_file *f);
/* The next token; false at the end of the file. */
bool scan_next(scan_reader *r, scan_token *tok);
/* Is the token this punctuation character / this identifier? */
bool scan_is_punct(const scan_token *t, char c);
bool scan_is_ident(const scan_token *t, const char *name);

/* What a scan found: one line per finding, and how many. */
typedef struct scan_report {
    char text[65536];
    size_t used;
    int found;
} scan_report;

void scan_report_init(scan_report *r);
/* A finding: "path:line: message" (line 0: "path: message"). */
void scan_say(scan_report *r, const char *path, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Checks one file, reporting into r; returns the findings it made. */
typedef int (*scan_file_fn)(const scan_file *f, scan_report *r, void *ctx);

/* Runs check over every .c/.h file under root/rel (into sub-folders when
 * recursive), naming files by their path relative to root. A file on the
 * pending list (NULL-terminated; NULL: none) is skipped while it still has
 * findings; found clean, it is a finding itself ("remove it from the
 * pending list in TEST"): the list only shrinks. Returns the number of
 * files seen, or -1 when root/rel cannot be read. */
int scan_tree(const char *root, const char *rel, bool recursive, const char *const *pending,
              const char *test_name, scan_file_fn check, void *ctx, scan_report *r);

#endif
