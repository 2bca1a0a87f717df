/* Reading a journal record by record (include/tabletop/journal.h): each
 * record's text, up to and including its "..." line, is read into one buffer
 * and parsed by the whole-journal reader, so both accept and refuse exactly
 * the same input; memory holds one record, whatever the journal's size.
 *
 * A record that is well formed takes a shorter way: one libyaml parser is
 * kept for the whole stream and fed each part's text as it is read (a
 * parser per record cost its set-up, 64 KB of buffers and the prefix
 * document each time). From the second part on, the kept parser stands
 * where a new parser stands after the prefix, so it sees the same events; the record it reads is
 * taken only when it is exactly one document closed by the part's own
 * "..." line, with no bad text and no field in error. Anything else (an
 * error, a torn tail, a stray "...", a part it would have to read past)
 * gives the kept parser up: that part and all after it are parsed as
 * before, which says what is wrong with the same words and place. */
#define _POSIX_C_SOURCE 200809L /* getline */
#include "journal_internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
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
    long next_line;      /* file line number of the next line read (1-based, */
                         /* libyaml's count: ydoc_line_breaks)              */
    tt_journal part;     /* the parsed current record */
    size_t index;        /* records returned so far */
    tt_ms last_t;        /* the time of the last one returned */
    size_t parts;        /* parts (texts up to a "..." line) read so far */
    bool done, torn;
    char warning[256];
    void (*tap)(void *ctx, const void *bytes, size_t n);
    void *tap_ctx;
    size_t last_line;    /* offset in text of the part's last line */
    /* The kept parser (see the top of this file). */
    yreader kept;
    bool kept_on, kept_off; /* started; given up for the rest */
    const char *window;  /* bytes it may read next: the current part */
    size_t window_len;
    char *carry;         /* the end of the last part's "..." line it did */
    size_t carry_len, carry_off, carry_cap; /* not read yet, read first */
    bool overrun;        /* it asked for more than the current part */
    size_t chars;        /* libyaml's character index at the window's start */
    tt_arena kept_arena; /* its record and the document's tree */
    tt_record kept_rec;
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
        /* Lines as libyaml counts them, as the whole-journal reader does:
         * a lone CR or a U+2028 inside a line ends a line too. */
        s->next_line += (long)ydoc_line_breaks(s->line, (size_t)n);
        s->last_line = s->len;
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

/* libyaml's read handler for the kept parser: what is left of the last
 * part's "..." line, then the current part; never past it. */
static int kept_read(void *ctx, unsigned char *buf, size_t size, size_t *got)
{
    tt_journal_stream *s = ctx;
    const char *from = s->window;
    size_t *left = &s->window_len;
    if (s->carry_off < s->carry_len) {
        from = s->carry + s->carry_off;
        size_t n = s->carry_len - s->carry_off;
        n = n < size ? n : size;
        memcpy(buf, from, n);
        s->carry_off += n;
        *got = n;
        return 1;
    }
    size_t n = *left < size ? *left : size;
    if (n == 0)
        s->overrun = true; /* libyaml takes this as the end of the stream */
    memcpy(buf, from, n);
    s->window += n;
    *left -= n;
    *got = n;
    return 1;
}

/* Characters (what libyaml's marks count) in valid UTF-8. */
static size_t utf8_chars(const char *p, size_t n)
{
    size_t i = 0, cont = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (!(w & 0x8080808080808080u))
            continue;
        for (size_t k = 0; k < 8; k++)
            cont += ((unsigned char)p[i + k] & 0xC0) == 0x80;
    }
    for (; i < n; i++)
        cont += ((unsigned char)p[i] & 0xC0) == 0x80;
    return n - cont;
}

/* The part just read through the kept parser: true with s->kept_rec, or
 * false (and the kept parser given up) when the usual path must judge it. */
static bool read_kept(tt_journal_stream *s, bool continuing, bool at_eof)
{
    /* The kept parser starts with the second part, after the first (the
     * START record) was read the usual way: `score` reads that one alone
     * and loads the scenario before reading on, and the memory the first
     * parser used is free for that. */
    if (s->kept_off || (!s->kept_on && !continuing))
        return false;
    size_t skip = strlen(JOURNAL_PART_PREFIX);
    /* Only parts closed by their "..." line, of good text. */
    tt_text_fault fault;
    if (at_eof || s->len < skip || !tt_text_scan(s->text, s->len, &fault))
        goto off;
    /* Started, it is fed the prefix first, as a new parser is: then it
     * stands where every later part leaves it. */
    size_t from = s->kept_on ? skip : 0;
    const char *w = s->text + from;
    size_t len = s->len - from, last = s->last_line - from;
    s->window = w;
    s->window_len = len;
    if (!s->kept_on) {
        tt_error ignored;
        if (yreader_init_input(&s->kept, s->path, kept_read, s, &ignored) < 0)
            goto off;
        s->kept_on = true;
        ynode *root;
        ydoc_info info;
        if (yreader_next(&s->kept, &s->kept_arena, &root, &info, &ignored) != 1 ||
            !info.explicit_end)
            goto off;
    }
    size_t end_index = s->chars + utf8_chars(w, last);
    if (journal_parse_kept(&s->kept, s->path, end_index, s->index == 0, &s->kept_arena,
                           &s->kept_rec) != 1 || s->overrun)
        goto off;
    s->chars = end_index + utf8_chars(w + last, len - last);
    /* What it has not read of the "..." line comes first next time. */
    if (!tt_grow(&s->carry, &s->carry_cap, s->window_len ? s->window_len : 1, 1))
        goto off;
    memcpy(s->carry, s->window, s->window_len);
    s->carry_len = s->window_len;
    s->carry_off = 0;
    s->window_len = 0;
    return true;
off:
    s->kept_off = true;
    tt_arena_reset(&s->kept_arena);
    return false;
}

/* The next record, once it is in its place (journal_record_in_order). */
static int stream_give(tt_journal_stream *s, const tt_record *r, long first_line,
                       const tt_record **out, tt_error *err)
{
    if (!journal_record_in_order(s->path, s->index, s->last_t, true, r, (int)first_line, 1,
                                 err))
        return -1;
    s->index++;
    s->last_t = r->t;
    *out = r;
    return 1;
}

int tt_journal_stream_next(tt_journal_stream *s, const tt_record **out, tt_error *err)
{
    *out = NULL;
    tt_journal_free(&s->part);
    tt_arena_reset(&s->kept_arena);
    while (!s->done) {
        long first_line;
        bool at_eof;
        if (read_record_text(s, &first_line, &at_eof, err) != 0)
            return -1;
        if (at_eof)
            s->done = true;
        size_t end;
        bool continuing = s->parts++ > 0;
        if (read_kept(s, continuing, at_eof))
            return stream_give(s, &s->kept_rec, first_line, out, err);
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
        return stream_give(s, &s->part.records[0], first_line, out, err);
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
    if (s->kept_on)
        yreader_done(&s->kept);
    free(s->carry);
    tt_arena_free(&s->kept_arena);
    tt_journal_free(&s->part);
    free(s->line);
    free(s->text);
    free(s->path);
    free(s);
}
