/* dashboard.so's table (include/tabletop/module.h): what the program calls
 * once it has loaded the module for --ui sdl, --snapshot or replay --ui sdl. */
#include "tabletop/dashboard.h"

extern const tt_dashboard_api tt_module_table;
const tt_dashboard_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(tt_dashboard_api) },
    .feed_new = tt_dashboard_feed_new,
    .feed_sink = tt_dashboard_feed_sink,
    .feed_free = tt_dashboard_feed_free,
    .feed_load = tt_dashboard_feed_load,
    .drive = tt_dashboard_drive,
    .replay = tt_dashboard_replay,
    .snapshot = tt_dashboard_snapshot,
};
