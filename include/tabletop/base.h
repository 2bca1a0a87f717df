/* Shared basics: simulated time, bilingual text, scalar values, errors,
 * and a bump arena that owns model strings so one call frees a model. */
#ifndef TABLETOP_BASE_H
#define TABLETOP_BASE_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* Simulated time in integer milliseconds since the exercise started. */
typedef int64_t tt_ms;
#define TT_MS_NEVER INT64_MAX

/* Wall-clock time in milliseconds since the Unix epoch (live clocks and
 * record stamps; simulated time never depends on it). */
int64_t tt_wall_ms(void);
/* An ISO 8601 wall date ("2026-11-27T13:48:49Z", "...+09:00") as people
 * read it: local time with the zone, honouring TZ ("2026-11-27 22:48 JST").
 * A bare date is kept; anything unreadable is copied as written (false). */
bool tt_date_local(const char *iso, char *buf, size_t size);
/* The same date as seconds since the epoch (a bare date: its local noon). */
bool tt_date_parse(const char *iso, int64_t *epoch_s);
/* A date that exists, written YYYY, YYYY-MM or YYYY-MM-DD (2022-02-29 and
 * 2020-13 do not): one check for every date a user writes. */
bool tt_calendar_date_ok(const char *s);
/* The local calendar day of an instant: "2026-12-27". */
void tt_date_local_day(int64_t epoch_s, char *buf, size_t size);
/* Terminal cells a UTF-8 text takes: East Asian wide and fullwidth
 * characters (CJK, kana, ｆｕｌｌ) two, combining marks none. */
size_t tt_display_width(const char *s);
/* Terminal cells of one code point: 0 (combining), 1, or 2 (East Asian
 * wide: CJK, kana, fullwidth forms, emoji). */
int tt_cp_width(uint32_t cp);

/* Line breaking (engine/base/wrap.c), one mechanism for every front end:
 * Latin text breaks between words, CJK text between any two characters
 * (with the Japanese line-start / line-end rules), a word longer than the
 * line anywhere. Widths come from `measure` (glyph advances on the board,
 * tt_wrap_cells on a terminal). A newline ends a line. */
typedef long (*tt_wrap_measure)(void *ctx, uint32_t cp);
typedef struct tt_wrap_line {
    size_t start, len;          /* bytes of the text, spaces at the break left out */
} tt_wrap_line;
/* The line of s[0..total) starting at pos that fits in width; returns where
 * the next line starts (== pos only when no progress can be made). */
size_t tt_wrap_next(const char *s, size_t total, size_t pos, long width,
                    tt_wrap_measure measure, void *ctx, tt_wrap_line *line);
/* Display cells (tt_cp_width) as a tt_wrap_measure; ctx unused. */
long tt_wrap_cells(void *ctx, uint32_t cp);

/* Process exit codes used by every subcommand. */
enum { TT_EXIT_OK = 0, TT_EXIT_RUNTIME = 1, TT_EXIT_BADINPUT = 2 };
/* lint and explore: the run went fine and found something (not a failure). */
enum { TT_EXIT_FINDINGS = 1 };

/* Every user-visible text exists in Japanese and English. */
typedef struct tt_text {
    const char *ja;
    const char *en;
} tt_text;

typedef enum tt_lang { TT_LANG_EN = 0, TT_LANG_JA = 1 } tt_lang;

/* Pick the text for a language; falls back to the other one, then "". */
const char *tt_text_get(const tt_text *t, tt_lang lang);
/* Language from the locale (LC_ALL, LC_MESSAGES, LANG): "ja*" -> ja, else en. */
tt_lang tt_lang_from_env(void);
/* The language of the command's messages: the locale's until the command
 * line says otherwise (--lang; set by the option parser, engine/app). Used
 * by code that words a failure without a language of its own (an option
 * argument's parser, a scenario lookup). */
tt_lang tt_lang_messages(void);
void tt_lang_messages_set(tt_lang lang);
/* Parse "ja" / "en"; false otherwise. */
bool tt_lang_parse(const char *s, tt_lang *out);
const char *tt_lang_name(tt_lang lang);

/* Recipients of an inject or message (API 1.1: several roles): one role id,
 * or several joined by ',' (ids never hold a comma; the journal writes them
 * as a YAML list). NULL or "" is everyone. Is `role` among them? */
bool tt_to_includes(const char *to, const char *role);

/* Scalar scenario-state values. Strings are owned by whoever owns the value. */
typedef enum tt_value_type {
    TT_VAL_BOOL,
    TT_VAL_INT,
    TT_VAL_NUM,
    TT_VAL_STR
} tt_value_type;

typedef struct tt_value {
    tt_value_type type;
    union {
        bool b;
        int64_t i;
        double n;
        const char *s;
    } as;
} tt_value;

bool tt_value_equal(const tt_value *a, const tt_value *b);
/* Canonical text form used in journals and reports ("true", "42", "3.5", "x"). */
int tt_value_format(const tt_value *v, char *buf, size_t size);
/* A value for people: booleans as yes/no (はい/いいえ), else as
 * tt_value_format. API 1.1: boolean metrics show this way everywhere. */
int tt_value_display(const tt_value *v, tt_lang lang, char *buf, size_t size);
/* A number for people, in a message (not a journal: tt_value_format):
 * integral values as integers (-5, not -5.0), others as Lua shows them
 * (%.14g), NaN and the infinities in words (NaN (not a number), infinity),
 * never printf's "-nan". */
int tt_number_text(double v, tt_lang lang, char *buf, size_t size);
/* Numeric view: bool 0/1, int, number; strings give 0. */
double tt_value_number(const tt_value *v);

/* Read-only data shipped with the program. */
typedef enum tt_data_kind { TT_DATA_SCENARIOS, TT_DATA_ASSETS } tt_data_kind;
/* Path of `sub` (may be NULL or "") inside the scenario or asset folder of
 * this installation: PREFIX/share/tabletop[/scenarios] beside an installed
 * binary, the source tree for a binary in its build tree. -1 if too long. */
int tt_data_path(tt_data_kind kind, const char *sub, char *out, size_t size);
/* Path of an optional module (`name`.so, engine/base/module.c): beside an
 * installed binary in LIBDIR/tabletop/modules (whatever the prefix), BUILD/modules
 * for a binary in its build tree; $TABLETOP_MODULE_DIR overrides. -1 if too
 * long. */
int tt_module_path(const char *name, char *out, size_t size);
/* The program's version, from the project's VERSION file ("0.2.0"). */
const char *tt_version(void);

typedef struct tt_kv {
    const char *key;
    tt_value value;
} tt_kv;

/* What kind of failure an error is; it alone picks the exit code
 * (tt_error_exit): bad input 2, a runtime failure or no memory 1. */
typedef enum tt_error_class { TT_ERR_INPUT = 0, TT_ERR_RUNTIME, TT_ERR_NOMEM } tt_error_class;

/* Errors carry a location when there is one (line/column 0 = unknown). */
typedef struct tt_error {
    char file[512];
    int line;
    int column;
    char message[1024];
    tt_error_class cls;   /* tt_error_set: input; tt_error_runtime, tt_error_oom */
} tt_error;

void tt_error_clear(tt_error *err);
/* Sets file/line/column and a printf-style message. Any of them may be NULL/0. */
void tt_error_set(tt_error *err, const char *file, int line, int column,
                  const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* The same for a failure of the machine, not of the input (a file that
 * cannot be written, a database that fails). */
void tt_error_runtime(tt_error *err, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Any class, for a message of its own ("cannot reset the state: out of
 * memory" as TT_ERR_NOMEM). */
void tt_error_set_as(tt_error *err, tt_error_class cls, const char *file, int line, int column,
                     const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* "out of memory" (file may be NULL). */
void tt_error_oom(tt_error *err, const char *file);
/* The process exit code for a class of failure: the one place that maps
 * classes to codes (TT_EXIT_BADINPUT or TT_EXIT_RUNTIME). */
int tt_exit_for(tt_error_class cls);
/* The process exit code for this error: tt_exit_for(err->cls). */
int tt_error_exit(const tt_error *err);
/* "file:line:column: message" (parts omitted when unknown). */
void tt_error_print(const tt_error *err, const char *prefix);
/* The same text in buf (no prefix, no newline), cut to size. */
void tt_error_format(const tt_error *err, char *buf, size_t size);
/* Prints the error and returns its exit code. */
int tt_error_report(const tt_error *err, const char *prefix);

/* Bump arena: allocations live until tt_arena_free. Returns NULL on OOM. */
typedef struct tt_arena_block tt_arena_block;
typedef struct tt_arena {
    tt_arena_block *head;
} tt_arena;

void *tt_arena_alloc(tt_arena *a, size_t size);        /* zeroed */
char *tt_arena_strdup(tt_arena *a, const char *s);     /* NULL in -> NULL out */
char *tt_arena_strndup(tt_arena *a, const char *s, size_t n);
void tt_arena_free(tt_arena *a);
/* Bytes of the blocks it holds (what it costs in memory). */
size_t tt_arena_size(const tt_arena *a);
/* Forget every allocation but keep one standard-size block for the next
 * ones (a caller filling the arena again and again: the sweep's journal). */
void tt_arena_reset(tt_arena *a);

/* Room for `need` elements of `elem` bytes in the array *arr_ptr (a T **)
 * of capacity *cap: the capacity doubles (from 8) until it fits, the byte
 * count checked for overflow (lua's luaM_growvector). false on overflow or no
 * memory, and then *arr_ptr and *cap are unchanged (still owned by the caller). */
bool tt_grow(void *arr_ptr, size_t *cap, size_t need, size_t elem);

/* Growable text (SQLite's StrAccum, curl's dynbuf). A failed allocation or
 * passing `max` makes the buffer failed: later appends do nothing, so a
 * writer checks once at the end (tt_buf_take). Start from TT_BUF_INIT or
 * tt_buf_init (to choose the cap); `data` is NUL-terminated once not NULL. */
typedef struct tt_buf {
    char *data;
    size_t len, cap;
    size_t max;     /* most bytes of text; 0 = TT_BUF_MAX */
    bool failed;
} tt_buf;
#define TT_BUF_MAX ((size_t)1 << 30)
#define TT_BUF_INIT { 0 }

void tt_buf_init(tt_buf *b, size_t max);
void tt_buf_free(tt_buf *b);
/* The text, handed over (malloc'd, "" when nothing was added; *len if not
 * NULL), the buffer reset; NULL (and the buffer freed) once it failed. */
char *tt_buf_take(tt_buf *b, size_t *len);
/* Appends return false once the buffer has failed. NULL s adds nothing. */
bool tt_buf_addn(tt_buf *b, const char *s, size_t n);
bool tt_buf_add(tt_buf *b, const char *s);
bool tt_buf_printf(tt_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool tt_buf_vprintf(tt_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends the rest of the stream (a whole file). false on a read error or
 * once the buffer has failed (out of memory, past its cap). */
bool tt_buf_read(tt_buf *b, FILE *f);
/* libyaml's write handler (yaml_emitter_set_output(e, tt_buf_write, b)). */
int tt_buf_write(void *b, unsigned char *data, size_t size);
/* Text escaped for HTML element content and quoted attribute values
 * (& < > " ' ; control characters but tab and newline dropped). */
void tt_buf_html(tt_buf *b, const char *s);
/* Text escaped for Markdown: punctuation that could start markup is
 * backslash-escaped, "|" too (tables), newlines become spaces. */
void tt_buf_md(tt_buf *b, const char *s);

/* Text journals and YAML can hold: valid UTF-8 of characters YAML may print
 * (YAML 1.1 c-printable: no NUL, no controls but tab and line breaks). */
typedef enum tt_text_problem {
    TT_TEXT_OK,
    TT_TEXT_BAD_BYTE,       /* a byte no UTF-8 sequence may hold here */
    TT_TEXT_CUT_SHORT,      /* a sequence runs past the end */
    TT_TEXT_BAD_SEQUENCE,   /* overlong, surrogate or above U+10FFFF */
    TT_TEXT_NOT_PRINTABLE   /* valid, but not a character YAML prints */
} tt_text_problem;

typedef struct tt_text_fault {
    tt_text_problem problem;
    size_t offset;          /* of the first bad character */
    unsigned char byte;     /* its first byte */
    uint32_t code_point;    /* TT_TEXT_NOT_PRINTABLE */
} tt_text_fault;

/* Full-width ASCII typed through a Japanese IME (engine/base/width.c):
 * tt_width_fold rewrites s in place with U+FF01..U+FF5E as their ASCII
 * forms and U+3000 as a space (NFKC for that range only; other text stays
 * as typed) and returns the new length. tt_width_space: the byte length of
 * the white space at s (ASCII white space: 1, U+3000: 3), 0 when none. */
size_t tt_width_fold(char *s);
size_t tt_width_space(const char *s);

/* true when all of text[0..len) is fine; else *fault says what and where. */
bool tt_text_scan(const char *text, size_t len, tt_text_fault *fault);
/* Is it UTF-8 (controls allowed: only the encoding is checked)? */
bool tt_utf8_valid(const char *text, size_t len);
/* The fault in words: "not valid UTF-8 (byte 0xff at offset 3)", "character
 * U+0001 is not allowed in YAML". `in` names what the text is for ("YAML",
 * "text"); with_offset adds where (leave it out when a line:column says so). */
void tt_text_fault_say(const tt_text_fault *f, const char *in, bool with_offset, char *why, size_t size);

/* Text made safe to print on a terminal: control characters (C0 but, with
 * TT_TERM_KEEP_NEWLINES, newline and tab; DEL; C1 U+0080-U+009F), bidi
 * overrides and bytes that are not UTF-8 become visible escapes ("\x1b",
 * "\u009b", "\xff"); all other text is unchanged. Every place that shows
 * scenario, roster, journal, history or typed text uses these.
 * tt_term_safe works like snprintf (returns the full length, writes whole
 * characters only, always terminates when size > 0). */
#define TT_TERM_KEEP_NEWLINES 1u
size_t tt_term_safe(char *out, size_t size, const char *in, size_t len, unsigned flags);
char *tt_term_safe_dup(const char *in, unsigned flags);     /* malloc'd; NULL on OOM */
void tt_term_fputs(const char *in, unsigned flags, FILE *f);
/* printf through tt_term_fputs (newlines and tabs kept): for a line that
 * quotes a path or text from outside, on standard output. */
void tt_term_printf(FILE *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* From now on, standard error shows control characters as visible escapes
 * (newlines and tabs pass): every message of the process is safe, whatever
 * it quotes. Called first thing in main. tt_term_raw_stderr is the stream
 * as it was, for output meant to drive the terminal (a progress line's CR). */
void tt_term_guard_stderr(void);
FILE *tt_term_raw_stderr(void);
/* A document (CSV, SVG, DOT) for standard output: written unchanged into a
 * pipe or a file, but on a terminal collected and shown through
 * tt_term_fputs (line ends kept, CRLF shown as a line end). Write to what
 * tt_term_doc_open returns (NULL on out of memory), then close: 0, or -1
 * on a write error. */
typedef struct tt_term_doc {
    FILE *dest, *mem;
    char *buf;
    size_t len;
} tt_term_doc;
FILE *tt_term_doc_open(tt_term_doc *d, FILE *dest);
int tt_term_doc_close(tt_term_doc *d);

/* true when both paths exist and name the same file (device and inode,
 * symbolic links followed): a command writing `b` would destroy `a`. */
bool tt_same_file(const char *a, const char *b);
/* Open a regular file of at most max_bytes for reading (a device, FIFO or
 * directory is refused without blocking). fd, or -1 with `why` set. */
int tt_open_regular(const char *path, size_t max_bytes, char *why, size_t why_size);
/* The same as a stdio stream ("rb"): how every input file is opened, so a
 * FIFO or a device named as a scenario, roster, script or journal is
 * refused at once instead of blocking the program. NULL with `why` set. */
FILE *tt_fopen_regular(const char *path, size_t max_bytes, char *why, size_t why_size);
/* Whether a command may write its output to path: it does not exist yet or
 * is a regular file (symbolic links followed). A FIFO, device or folder
 * would block the command or lose what it writes, so it is refused. Only
 * looks (stat), never opens. */
bool tt_output_path_usable(const char *path);

/* Simulated time has one notation everywhere: "+0:15:00" for an instant
 * (elapsed since the start; the "+" keeps a Japanese reader from taking it
 * for a time of day), "+41d 02:30:00" past a day, and the same without "+"
 * for a span (a length, time left). Every printed form is read back.
 * Reads "90s", "15m", "2h", "1d", "1h30m", a plain integer of seconds,
 * "[+]H:MM:SS" and "[+]Nd HH:MM:SS". Rejects negatives, overflow, empty
 * strings, unknown units and the ambiguous "15:00". */
bool tt_duration_parse(const char *text, tt_ms *out, char *why, size_t why_size);

typedef enum tt_time_kind {
    TT_TIME_AT,     /* an instant: "+0:15:00" */
    TT_TIME_SPAN    /* a span: "0:15:00" ("-0:05:00" when negative) */
} tt_time_kind;

/* The one formatter of simulated time; TT_MS_NEVER prints "—". */
void tt_time_format(tt_ms t, tt_time_kind kind, char *buf, size_t size);
/* Shorthands: tt_time_format(t, TT_TIME_AT / TT_TIME_SPAN, ...). */
void tt_ms_format(tt_ms t, char *buf, size_t size);
void tt_span_format(tt_ms t, char *buf, size_t size);

#endif
