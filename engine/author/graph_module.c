/* graph.so's table (include/tabletop/module.h): the Graphviz layout of
 * `tabletop graph`. */
#include "tabletop/author.h"

extern const tt_graph_api tt_module_table;
const tt_graph_api tt_module_table = {
    .head = { TT_MODULE_VERSION, sizeof(tt_graph_api) },
    .write = tt_graph_write,
};
