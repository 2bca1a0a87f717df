/* Join-link QR codes: the module matrix is libqrencode's, and the terminal
 * rendering has the size and the modules it must (two module rows per line,
 * a quiet zone, ink on the right modules in both modes). Decoding is left to
 * phones; the matrix is compared with libqrencode's own. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <qrencode.h>

#include "tabletop/qr.h"

static const char URL[] = "http://192.168.10.20:8080/join/0123456789abcdef0123456789abcdef";

static void the_matrix_is_libqrencodes(void **state)
{
    (void)state;
    tt_qr q;
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(tt_qr_encode(URL, &q, &err), 0);
    QRcode *ref = QRcode_encodeString(URL, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    assert_non_null(ref);
    assert_int_equal(q.width, ref->width);
    assert_int_equal(q.width, 17 + 4 * ref->version);
    /* A 63-character link at level M fits in version 4 (33 modules, the
     * hex token coded partly as digits): small enough to read off a
     * terminal or a projector. */
    assert_int_equal(ref->version, 4);
    for (int y = 0; y < q.width; y++)
        for (int x = 0; x < q.width; x++)
            assert_int_equal(tt_qr_dark(&q, x, y), ref->data[y * ref->width + x] & 1);
    QRcode_free(ref);
    /* The three finder patterns: dark ring, light ring, dark 3x3 centre. */
    int corners[3][2] = { { 0, 0 }, { q.width - 7, 0 }, { 0, q.width - 7 } };
    for (int k = 0; k < 3; k++) {
        int cx = corners[k][0], cy = corners[k][1];
        assert_true(tt_qr_dark(&q, cx, cy) && tt_qr_dark(&q, cx + 6, cy + 6));
        assert_false(tt_qr_dark(&q, cx + 1, cy + 1));
        assert_true(tt_qr_dark(&q, cx + 3, cy + 3));
    }
    assert_false(tt_qr_dark(&q, -1, 0));        /* outside is light */
    assert_false(tt_qr_dark(&q, 0, q.width));
    tt_qr_free(&q);
    assert_null(q.dark);
}

/* The printed text as lines of cells (one UTF-8 character each). */
typedef struct printed {
    char *text;
    size_t len;
    int lines;
} printed;

static printed print(const tt_qr *q, bool ansi)
{
    printed p = { NULL, 0, 0 };
    FILE *f = open_memstream(&p.text, &p.len);
    assert_non_null(f);
    tt_qr_print(f, q, ansi);
    fclose(f);
    for (size_t i = 0; i < p.len; i++)
        p.lines += p.text[i] == '\n';
    return p;
}

/* The cell at column x (0-based, quiet zone included) of a line. */
static const char *cell(const char *line, int x, char *out)
{
    const unsigned char *p = (const unsigned char *)line;
    if (*p == 0x1b)
        p = (const unsigned char *)strchr((const char *)p, 'm') + 1;
    for (int i = 0; i < x; i++)
        p += *p < 0x80 ? 1 : 3;
    size_t n = *p < 0x80 ? 1 : 3;
    memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

static const char *line_at(const printed *p, int k)
{
    const char *s = p->text;
    for (int i = 0; i < k; i++)
        s = strchr(s, '\n') + 1;
    return s;
}

static void the_terminal_code_has_its_size_and_modules(void **state)
{
    (void)state;
    tt_qr q;
    tt_error err;
    assert_int_equal(tt_qr_encode(URL, &q, &err), 0);
    int side = q.width + 2 * TT_QR_QUIET;
    for (int mode = 0; mode < 2; mode++) {
        bool ansi = mode == 1;
        printed p = print(&q, ansi);
        assert_int_equal(p.lines, (side + 1) / 2);   /* two module rows a line */
        for (int k = 0; k < p.lines; k++) {
            const char *l = line_at(&p, k);
            if (ansi) {
                assert_memory_equal(l, "\x1b[30;47m", 8);
                assert_non_null(strstr(l, "\x1b[0m\n"));
            }
            /* every line is side cells wide */
            int cells = 0;
            const unsigned char *c = (const unsigned char *)l + (ansi ? 8 : 0);
            while (*c != '\n' && *c != 0x1b) {
                c += *c < 0x80 ? 1 : 3;
                cells++;
            }
            assert_int_equal(cells, side);
        }
        /* Each module: ink where it must be (dark in ANSI, light in plain). */
        char got[4];
        for (int y = -TT_QR_QUIET; y < q.width + TT_QR_QUIET; y++)
            for (int x = -TT_QR_QUIET; x < q.width + TT_QR_QUIET; x++) {
                const char *c = cell(line_at(&p, (y + TT_QR_QUIET) / 2), x + TT_QR_QUIET, got);
                bool top = (y + TT_QR_QUIET) % 2 == 0;
                bool inked = !strcmp(c, "\u2588") || !strcmp(c, top ? "\u2580" : "\u2584");
                if (inked != (tt_qr_dark(&q, x, y) == ansi))
                    fail_msg("%s mode: module (%d,%d) printed as '%s'", ansi ? "ANSI" : "plain",
                             x, y, c);
            }
        /* The last line's lower half lies past the border: never inked. */
        const char *last = line_at(&p, p.lines - 1);
        assert_string_equal(cell(last, 0, got), ansi ? " " : "\u2580");
        free(p.text);
    }
    tt_qr_free(&q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_matrix_is_libqrencodes),
        cmocka_unit_test(the_terminal_code_has_its_size_and_modules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
