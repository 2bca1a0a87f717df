/* sqlite.so's table (include/tabletop/module.h): the SQLite drill history,
 * loaded by the program only when a command opens it (a scorecard, score,
 * history, sync...), so a run without a scorecard maps no SQLite. */
#include "store.h"

extern const store_sqlite_api tt_module_table;
const store_sqlite_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(store_sqlite_api) },
    .connect = store_sqlite_connect,
};
