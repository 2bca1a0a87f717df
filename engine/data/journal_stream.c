/* Reading a journal record by record (include/tabletop/journal.h): each
 * record's text, up to and including its "..." line, is read into one buffer
 * and parsed by the whole-journal reader, so both accept and refuse exactly
 * the same input; memory holds one record, whatever the journal's size. */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "journal_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tabletop/terms.h"

/* The whole-journal reader's limit, for one record here. */
#define MAX_RECORD_TEXT ((size_t)512 * 1024 * 1024)

struct tt_journal_stream {
    FILE *f;
    char *path;
    char *line;          /* getline's buffer */
    size_t line_cap;
    char *text;          /* the current record's text */
    size_t len, cap;
    long next_line;      /* file line number of the next line read (1-based) */
    tt_journal part;     /* the parsed current record */
    size_t index;        /* records returned so far */
    size_t parts;        /* parts (texts up to a "..." line) read so far */
    bool done, torn;
    char warning[256];
    void (*tap)(void *ctx, const void *bytes, size_t n);
    void *tap_ctx;
};

void tt_journal_stream_tap(tt_journal_stream *s,
                           void (*tap)(void *ctx, const void *bytes, size_t n), void *ctx)
{
    s->tap = tap;
    s->tap_ctx = ctx;
}

tt_journal_stream *tt_journal_stream_open(const char *path, tt_error *err)
{
    tt_journal_stream *s = calloc(1, sizeof *s);
    if (!s || !(s->path = strdup(path))) {
        free(s);
        tt_error_oom(err, path);
        return NULL;
    }
    s->next_line = 1;
    char why[160];
    s->f = tt_fopen_regular(path, SIZE_MAX, why, sizeof why);
    struct stat st;
    tt_lang lang = tt_lang_messages();
    if (!s->f) {
        tt_error_set(err, path, 0, 0, "%s", why);
    } else if (fstat(fileno(s->f), &st) != 0 || !S_ISREG(st.st_mode)) {
        tt_error_set(err, path, 0, 0, "%s", tt_term_text(C_FILE_NOT_REGULAR, lang));
    } else if ((unsigned long long)st.st_size > MAX_RECORD_TEXT) {
        tt_error_set(err, path, 0, 0, TT_FMT(lang, C_FILE_TOO_LARGE_FMT),
                     MAX_RECORD_TEXT / (1024 * 1024));
    } else {
        return s;
    }
    tt_journal_stream_close(s);
    return NULL;
}

static bool append(tt_journal_stream *s, const char *p, size_t n)
{
    if (!tt_grow(&s->text, &s->cap, s->len + n + 1, 1))
        return false;
    memcpy(s->text + s->len, p, n);
    s->len += n;
    s->text[s->len] = '\0';
    return true;
}

/* Read lines up to and including the next "..." line (or to the end of the
 * file). *first_line: the file line the text starts at. */
static int read_record_text(tt_journal_stream *s, long *first_line, bool *at_eof, tt_error *err)
{
    s->len = 0;
    if (s->parts && !append(s, JOURNAL_PART_PREFIX, strlen(JOURNAL_PART_PREFIX))) {
        tt_error_oom(err, s->path);
        return -1;
    }
    *first_line = s->next_line;
    *at_eof = false;
    for (;;) {
        errno = 0;
        ssize_t n = getline(&s->line, &s->line_cap, s->f);
        if (n < 0) {
            if (ferror(s->f)) {
                tt_error_runtime(err, s->path, TT_MSG(E_CANNOT_READ_FMT), tt_os_error(errno));
                return -1;
            }
            *at_eof = true;
            return 0;
        }
        s->next_line++;
        if (s->tap)
            s->tap(s->tap_ctx, s->line, (size_t)n);
        if (s->len + (size_t)n > MAX_RECORD_TEXT || !append(s, s->line, (size_t)n)) {
            tt_error_oom(err, s->path);
            return -1;
        }
        size_t body = (size_t)n;
        if (body && s->line[body - 1] == '\n')
            body--;
        if (journal_is_end_marker_line(s->line, s->line + body))
            return 0;
    }
}

int tt_journal_stream_next(tt_journal_stream *s, const tt_record **out, tt_error *err)
{
    *out = NULL;
    tt_journal_free(&s->part);
    while (!s->done) {
        long first_line;
        bool at_eof;
        if (read_record_text(s, &first_line, &at_eof, err) != 0)
            return -1;
        if (at_eof)
            s->done = true;
        size_t end;
        bool continuing = s->parts++ > 0;
        if (journal_parse_part(s->path, s->text ? s->text : "", s->len, continuing,
                               s->index == 0, &s->part, &end, err) != 0) {
            /* Lines are counted from this part's first line (after the
             * prefix of a continuing part). */
            if (err && err->line > 0)
                err->line += (int)(first_line - 1) -
                             (continuing ? JOURNAL_PART_PREFIX_LINES : 0);
            return -1;
        }
        if (s->part.torn) {
            s->torn = true;
            snprintf(s->warning, sizeof s->warning, TT_MSG(E_JR_TORN_STREAM_FMT), s->path,
                     first_line);
        }
        if (s->part.n_records == 0)
            continue; /* blank lines or comments only */
        if (s->part.n_records != 1) { /* two records before one "..." */
            tt_error_set(err, s->path, (int)first_line, 1, TT_MSG(E_JR_NOT_CLOSED));
            return -1;
        }
        s->index++;
        *out = &s->part.records[0];
        return 1;
    }
    return 0;
}

bool tt_journal_stream_torn(const tt_journal_stream *s, const char **warning)
{
    if (warning)
        *warning = s->torn ? s->warning : NULL;
    return s->torn;
}

void tt_journal_stream_close(tt_journal_stream *s)
{
    if (!s)
        return;
    if (s->f)
        fclose(s->f);
    tt_journal_free(&s->part);
    free(s->line);
    free(s->text);
    free(s->path);
    free(s);
}
