/* The SVG figures' numbers added without printf: a card's timeline has
 * hundreds of coordinates, and vsnprintf's float path was most of its cost.
 * The text is byte for byte what printf writes (tests/score/test_svg_fmt). */
#ifndef TT_SCORE_SVG_FMT_H
#define TT_SCORE_SVG_FMT_H

#include "tabletop/base.h"

/* `x` as "%.1f" writes it (the exact value rounded half to even). */
void sc_buf_1f(tt_buf *b, double x);
/* printf for the conversions the figures use: %d, %zu, %s, %.1f and %%;
 * any other marks the buffer failed. */
void sc_svg_printf(tt_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
