/* tt_term_safe: the one function that makes scenario, roster, journal,
 * history and typed text harmless on a terminal. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <pty.h>
#include <termios.h>
#include <unistd.h>

#include "tabletop/base.h"

static char *safe(const char *in, unsigned flags)
{
    char *s = tt_term_safe_dup(in, flags);
    assert_non_null(s);
    return s;
}

static void check(const char *in, unsigned flags, const char *want)
{
    char *got = safe(in, flags);
    assert_string_equal(got, want);
    /* The length answer matches what is written. */
    assert_int_equal(tt_term_safe(NULL, 0, in, strlen(in), flags), strlen(want));
    free(got);
}

static void plain_and_japanese_text_pass_unchanged(void **state)
{
    (void)state;
    check("Isolate the PC", 0, "Isolate the PC");
    check("端末の隔離 😀 ¥100 « »", 0, "端末の隔離 😀 ¥100 « »");
    check("", 0, "");
    check("U+0085 is \xc2\x85 but U+00A0 \xc2\xa0 stays", 0, "U+0085 is \\u0085 but U+00A0 \xc2\xa0 stays");
}

static void c0_del_c1_and_bidi_become_visible_escapes(void **state)
{
    (void)state;
    check("\x1b]0;owned\x07title", 0, "\\x1b]0;owned\\x07title");
    check("\x1b[2J\x1b[H", 0, "\\x1b[2J\\x1b[H");
    check("a\rb\bc\x7f", 0, "a\\x0db\\x08c\\x7f");
    check("csi \xc2\x9b" "31m", 0, "csi \\u009b31m");   /* U+009B = CSI */
    check("\xe2\x80\xae" "evil", 0, "\\u202eevil");     /* RIGHT-TO-LEFT OVERRIDE */
    check("\xe2\x81\xa6x\xe2\x81\xa9", 0, "\\u2066x\\u2069");
    /* Directional marks (RLM, ALM) reorder neutral text too; line and
     * paragraph separators break lines on some terminals. */
    check("a\xe2\x80\x8f" "b\xd8\x9c" "c", 0, "a\\u200fb\\u061cc");
    check("x\xe2\x80\xa8y\xe2\x80\xa9z", TT_TERM_KEEP_NEWLINES, "x\\u2028y\\u2029z");
}

static void newlines_and_tabs_are_kept_only_when_asked(void **state)
{
    (void)state;
    check("a\nb\tc", 0, "a\\x0ab\\x09c");
    check("a\nb\tc", TT_TERM_KEEP_NEWLINES, "a\nb\tc");
    check("a\r\nb", TT_TERM_KEEP_NEWLINES, "a\\x0d\nb");
}

static void bytes_that_are_not_utf8_are_shown_as_bytes(void **state)
{
    (void)state;
    check("ab\xff", 0, "ab\\xff");
    check("\xe3\x81", 0, "\\xe3\\x81");          /* cut short */
    check("\xc0\xaf", 0, "\\xc0\\xaf");          /* overlong */
    check("\xed\xa0\x80", 0, "\\xed\\xa0\\x80"); /* surrogate */
}

static void a_short_buffer_gets_whole_pieces_only(void **state)
{
    (void)state;
    char buf[8];
    const char *in = "ab\x1b" "cd";
    /* "ab\x1bcd" needs 8 bytes: "ab" fits, the 4-byte escape would end at 6, 'c' at 7. */
    size_t need = tt_term_safe(buf, sizeof buf, in, strlen(in), 0);
    assert_int_equal(need, 8);
    assert_string_equal(buf, "ab\\x1bc");
    char small[4];
    tt_term_safe(small, sizeof small, "隔離", strlen("隔離"), 0);
    assert_string_equal(small, "隔");  /* never half a character */
    tt_term_safe(small, sizeof small, "\x1b", 1, 0);
    assert_string_equal(small, "");   /* never half an escape */
    tt_term_safe(small, 0, "x", 1, 0);   /* size 0: nothing written, no crash */
}

static void fputs_writes_the_same_text(void **state)
{
    (void)state;
    const char *in = "ok \x1b[31m赤\xc2\x9b\n\xff end";
    char *want = safe(in, TT_TERM_KEEP_NEWLINES);
    char *got = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&got, &len);
    assert_non_null(f);
    tt_term_fputs(in, TT_TERM_KEEP_NEWLINES, f);
    fclose(f);
    assert_string_equal(got, want);
    free(got);
    free(want);
}

/* Every error message (Lua's included, which may quote a metatable's
 * __name) is neutral once set. */
static void error_messages_are_neutralised_when_set(void **state)
{
    (void)state;
    tt_error err;
    tt_error_set(&err, "x\x1b.lua", 3, 0, "attempt to call a %s value", "\x1b]2;pwned\x07");
    assert_string_equal(err.message, "attempt to call a \\x1b]2;pwned\\x07 value");
    assert_string_equal(err.file, "x\\x1b.lua");
    tt_error_set(&err, NULL, 0, 0, "two\nlines");
    assert_string_equal(err.message, "two\nlines");
}

/* A document for standard output (msel's CSV, graph's DOT) is written
 * byte for byte into a pipe, and neutralised on a terminal. */
static void write_doc(FILE *dest)
{
    tt_term_doc d;
    FILE *f = tt_term_doc_open(&d, dest);
    assert_non_null(f);
    fputs("\"a\x1b]0;x\x07\",\"\xe2\x80\xae" "b\"\r\n", f);
    assert_int_equal(tt_term_doc_close(&d), 0);
}

static void documents_are_exact_in_a_pipe_and_safe_on_a_terminal(void **state)
{
    (void)state;
    char buf[256];
    int p[2];
    assert_int_equal(pipe(p), 0);
    FILE *w = fdopen(p[1], "w");
    assert_non_null(w);
    write_doc(w);
    fclose(w);
    ssize_t n = read(p[0], buf, sizeof buf - 1);
    close(p[0]);
    assert_true(n > 0);
    buf[n] = '\0';
    assert_string_equal(buf, "\"a\x1b]0;x\x07\",\"\xe2\x80\xae" "b\"\r\n");

    int master, slave;
    assert_int_equal(openpty(&master, &slave, NULL, NULL, NULL), 0);
    struct termios raw;
    assert_int_equal(tcgetattr(slave, &raw), 0);
    raw.c_oflag &= ~(tcflag_t)OPOST; /* the bytes as written, no CRLF translation */
    assert_int_equal(tcsetattr(slave, TCSANOW, &raw), 0);
    FILE *t = fdopen(slave, "w");
    assert_non_null(t);
    write_doc(t);
    fclose(t);
    size_t got = 0;
    while (got < sizeof buf - 1) {
        ssize_t r = read(master, buf + got, sizeof buf - 1 - got);
        if (r <= 0)
            break;
        got += (size_t)r;
        if (memchr(buf, '\n', got))
            break;
    }
    close(master);
    buf[got] = '\0';
    assert_string_equal(buf, "\"a\\x1b]0;x\\x07\",\"\\u202eb\"\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(plain_and_japanese_text_pass_unchanged),
        cmocka_unit_test(c0_del_c1_and_bidi_become_visible_escapes),
        cmocka_unit_test(newlines_and_tabs_are_kept_only_when_asked),
        cmocka_unit_test(bytes_that_are_not_utf8_are_shown_as_bytes),
        cmocka_unit_test(a_short_buffer_gets_whole_pieces_only),
        cmocka_unit_test(fputs_writes_the_same_text),
        cmocka_unit_test(error_messages_are_neutralised_when_set),
        cmocka_unit_test(documents_are_exact_in_a_pipe_and_safe_on_a_terminal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
