/* Optional modules: the parts of the program that need heavy libraries
 * (SDL2, X11 and audio for the dashboard, libwebsockets for --serve, libpq
 * for PostgreSQL results, Graphviz for `tabletop graph`, readline for the
 * live terminal drill, SQLite for the drill history, zlib for the journals
 * archive, libcbor for the model cache) are shared objects
 * loaded only by the commands that use them, so a headless run maps only the
 * core libraries. Each module exports one table, `tt_module_table`, that begins
 * with a tt_module_head; it calls back into the program for everything else
 * (the binary exports its symbols). Reference: docs/architecture.md. */
#ifndef TABLETOP_MODULE_H
#define TABLETOP_MODULE_H

#include "tabletop/base.h"

typedef enum tt_module_id {
    TT_MODULE_DASHBOARD,   /* dashboard.so: tt_dashboard_api (dashboard.h) */
    TT_MODULE_WEB,         /* web.so: tt_web_api (web.h) */
    TT_MODULE_PG,          /* pg.so: the PostgreSQL results store */
    TT_MODULE_GRAPH,       /* graph.so: tt_graph_api (author.h) */
    TT_MODULE_TTY,         /* tty.so: tt_tty_api (tty.h), readline */
    TT_MODULE_SQLITE,      /* sqlite.so: the drill-history file (score/store.h) */
    TT_MODULE_ZLIB,        /* zlib.so: the journals archive (sync --journals, fetch) */
    TT_MODULE_CBOR,        /* cbor.so: the model cache's CBOR (engine/script/cbor_items.h) */
    TT_MODULE__COUNT
} tt_module_id;

/* First member of every module's table: the module checks it was built for
 * this very program (a module of another version is refused). */
typedef struct tt_module_head {
    const char *version;   /* the program's version it was built with */
    size_t size;           /* sizeof its table */
} tt_module_head;

/* The module's table, loaded once (later calls return the same pointer).
 * NULL with a runtime error naming the module's file and what needs it
 * (in `lang`) when it is missing, broken or of another version. */
const void *tt_module_api(tt_module_id id, size_t size, tt_lang lang, tt_error *err);

#endif
