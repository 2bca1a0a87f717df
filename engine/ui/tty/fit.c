/* Text for the terminal broken to its width before it is printed: left to
 * itself the terminal cuts at the last column, mid-word ("y / our
 * antivirus"). The breaking is the one the board uses (tt_wrap_next),
 * measured in display cells (CJK characters take two). */
#include "tty_internal.h"

#include <string.h>

char *tty_fit_width(const char *text, long cols)
{
    tt_buf b = TT_BUF_INIT;
    size_t total = strlen(text), pos = 0;
    while (pos < total) {
        /* One line of the text (up to its newline): its continuation lines
         * keep its indent ("     ? ...") when that leaves room. */
        size_t indent = strspn(text + pos, " ");
        if ((long)indent * 2 > cols)
            indent = 0;
        size_t eol = pos + strcspn(text + pos, "\n");
        bool first = true;
        do {
            long room = first ? cols : cols - (long)indent;
            tt_wrap_line line;
            size_t next = tt_wrap_next(text, eol, pos, room, tt_wrap_cells, NULL, &line);
            if (!first)
                for (size_t i = 0; i < indent; i++)
                    tt_buf_add(&b, " ");
            tt_buf_addn(&b, text + line.start, line.len);
            tt_buf_add(&b, "\n");
            first = false;
            if (next == pos)    /* no progress (cannot happen for room >= 1) */
                next = eol;
            pos = next;
        } while (pos < eol);
        pos = eol + 1;
    }
    if (total > 0 && text[total - 1] != '\n' && b.len > 0 && !b.failed)
        b.len--, b.data[b.len] = '\0';     /* no newline the text did not have */
    return tt_buf_take(&b, NULL);
}
