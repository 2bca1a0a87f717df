/* pg.so's table (include/tabletop/module.h): the PostgreSQL results store,
 * loaded by the program only for a postgresql:// --db. */
#include "store.h"

extern const store_pg_api tt_module_table;
const store_pg_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(store_pg_api) },
    .connect = store_pg_connect,
    .rows_release = store_pg_rows_release,
};
