/* QR codes of the join links (libqrencode), for the terminal (UTF-8 half
 * blocks, two module rows per text line) and the dashboard (drawn from the
 * module matrix). A code is plain data, so a front-end that draws one needs
 * no QR library of its own. */
#ifndef TABLETOP_QR_H
#define TABLETOP_QR_H

#include <stdbool.h>
#include <stdio.h>

#include "tabletop/base.h"

typedef struct tt_qr {
    int width;                 /* modules per side (21 + 4 * (version - 1)) */
    unsigned char *dark;       /* width * width, row by row: 1 = dark module */
} tt_qr;

/* A join link with its code and the seat's label ("Sysadmin (Sato)"). */
typedef struct tt_join_code {
    char *label;
    char *url;
    tt_qr qr;
} tt_join_code;

#define TT_QR_QUIET 2          /* light modules around a code in the terminal */

/* Encode text (8-bit mode, error correction M). 0, or -1 with err. */
int tt_qr_encode(const char *text, tt_qr *out, tt_error *err);
void tt_qr_free(tt_qr *q);
static inline bool tt_qr_dark(const tt_qr *q, int x, int y)
{
    return x >= 0 && y >= 0 && x < q->width && y < q->width && q->dark[y * q->width + x];
}
/* Print q with a TT_QR_QUIET border, two module rows per line. ansi: black
 * on white escape codes, dark modules as blocks, right on any terminal
 * theme; else (a file, a pipe) light modules as blocks, as `qrencode -t
 * UTF8` does for dark terminals. */
void tt_qr_print(FILE *out, const tt_qr *q, bool ansi);
void tt_join_codes_free(tt_join_code *codes, size_t n);

#endif
