/* Internal: shared by the journal writer and tests of number formatting. */
#ifndef TT_DATA_JOURNAL_EMIT_H
#define TT_DATA_JOURNAL_EMIT_H

#include <stddef.h>
#include "tabletop/journal.h"

/* Shortest text that reads back to the same double, always with '.' or 'e'
 * (".inf", "-.inf", ".nan" for the specials). */
void journal_format_number(double v, char *buf, size_t size);

#endif
