/* web.so's table (include/tabletop/module.h): the browser seats, loaded by
 * the program only for --serve. */
#include "tabletop/web.h"

extern const tt_web_api tt_module_table;
const tt_web_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(tt_web_api) },
    .start = tt_web_start,
    .stop = tt_web_stop,
    .port = tt_web_port,
    .print_links = tt_web_print_links,
    .join_codes = tt_web_join_codes,
    .free_join_codes = tt_join_codes_free,
    .preload = tt_web_preload,
    .sink = tt_web_sink,
    .fd = tt_web_fd,
    .pump = tt_web_pump,
    .leave_requested = tt_web_leave_requested,
    .finish = tt_web_finish,
    .drive = tt_web_drive,
};
