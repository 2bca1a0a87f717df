/* Join-link QR codes (see tabletop/qr.h). */
#include "tabletop/qr.h"
#include "tabletop/terms.h"

#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

int tt_qr_encode(const char *text, tt_qr *out, tt_error *err)
{
    *out = (tt_qr){ 0, NULL };
    QRcode *code = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code) {
        if (errno == ENOMEM)
            tt_error_oom(err, NULL);
        else
            tt_error_runtime(err, NULL, TT_MSG(E_WEB_QR_FMT), text, tt_os_error(errno));
        return -1;
    }
    size_t n = (size_t)code->width * (size_t)code->width;
    out->dark = malloc(n);
    if (!out->dark) {
        QRcode_free(code);
        tt_error_oom(err, NULL);
        return -1;
    }
    out->width = code->width;
    /* libqrencode: bit 0 of each byte is the module's colour (1 = dark). */
    for (size_t i = 0; i < n; i++)
        out->dark[i] = code->data[i] & 1;
    QRcode_free(code);
    return 0;
}

void tt_qr_free(tt_qr *q)
{
    free(q->dark);
    *q = (tt_qr){ 0, NULL };
}

/* Is (x, y) printed in ink? In ANSI mode ink is dark (black on white);
 * otherwise ink is light (the terminal's foreground on its background).
 * Rows past the bottom border are never inked. */
static bool ink(const tt_qr *q, int x, int y, bool ansi)
{
    if (y >= q->width + TT_QR_QUIET)
        return false;
    return tt_qr_dark(q, x, y) == ansi;
}

void tt_qr_print(FILE *out, const tt_qr *q, bool ansi)
{
    static const char *const cell[2][2] = { { " ", "\u2584" }, { "\u2580", "\u2588" } };
    for (int y = -TT_QR_QUIET; y < q->width + TT_QR_QUIET; y += 2) {
        fputs(ansi ? "\x1b[30;47m" : "", out);
        for (int x = -TT_QR_QUIET; x < q->width + TT_QR_QUIET; x++)
            fputs(cell[ink(q, x, y, ansi)][ink(q, x, y + 1, ansi)], out);
        fputs(ansi ? "\x1b[0m\n" : "\n", out);
    }
}

void tt_join_codes_free(tt_join_code *codes, size_t n)
{
    for (size_t i = 0; codes && i < n; i++) {
        free(codes[i].label);
        free(codes[i].url);
        tt_qr_free(&codes[i].qr);
    }
    free(codes);
}
