/* tty.so's table (include/tabletop/module.h): the live terminal drill, the
 * program's only use of readline, loaded for --ui tty. */
#include "tabletop/tty.h"

extern const tt_tty_api tt_module_table;
const tt_tty_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(tt_tty_api) },
    .tty_new = tt_tty_new,
    .tty_free = tt_tty_free,
    .sink = tt_tty_sink,
    .drive = tt_tty_drive,
};
