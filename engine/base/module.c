/* Loading the optional modules (include/tabletop/module.h). Modules are
 * never unloaded: their code may hold callbacks until the process exits. */
#include "tabletop/module.h"
#include "tabletop/terms.h"

#include <dlfcn.h>
#include <pthread.h>
#include <limits.h>
#include <string.h>

static const struct {
    const char *file;
    tt_term what;
} modules[TT_MODULE__COUNT] = {
    [TT_MODULE_DASHBOARD] = { "dashboard", C_MODULE_DASHBOARD },
    [TT_MODULE_WEB] = { "web", C_MODULE_WEB },
    [TT_MODULE_PG] = { "pg", C_MODULE_PG },
    [TT_MODULE_GRAPH] = { "graph", C_MODULE_GRAPH },
    [TT_MODULE_TTY] = { "tty", C_MODULE_TTY },
    [TT_MODULE_SQLITE] = { "sqlite", C_MODULE_SQLITE },
    [TT_MODULE_ZLIB] = { "zlib", C_MODULE_ZLIB },
    [TT_MODULE_CBOR] = { "cbor", C_MODULE_CBOR },
};

static const void *loaded[TT_MODULE__COUNT];

static const void *module_fail(tt_module_id id, const char *path, const char *why, tt_lang lang,
                               tt_error *err)
{
    tt_error_runtime(err, NULL, TT_FMT(lang, C_MODULE_MISSING_FMT),
                     tt_term_text(modules[id].what, lang), path, why);
    return NULL;
}

static const void *load_module(tt_module_id id, size_t size, tt_lang lang, tt_error *err);

/* The drill history is loaded by a thread while the journal is read
 * (engine/score/history_ahead.c): one load at a time. */
static pthread_mutex_t loading = PTHREAD_MUTEX_INITIALIZER;

const void *tt_module_api(tt_module_id id, size_t size, tt_lang lang, tt_error *err)
{
    pthread_mutex_lock(&loading);
    const void *api = load_module(id, size, lang, err);
    pthread_mutex_unlock(&loading);
    return api;
}

static const void *load_module(tt_module_id id, size_t size, tt_lang lang, tt_error *err)
{
    if ((unsigned)id >= TT_MODULE__COUNT) {
        tt_error_runtime(err, NULL, TT_MSG(E_MODULE_UNKNOWN_FMT), (int)id);
        return NULL;
    }
    if (loaded[id])
        return loaded[id];
    char path[PATH_MAX];
    if (tt_module_path(modules[id].file, path, sizeof path) != 0)
        return module_fail(id, modules[id].file, TT_FMT(lang, E_PATH_TOO_LONG), lang, err);
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = tt_lib_text(TT_LIB_DL, dlerror(), NULL);
        return module_fail(id, path, *why ? why : TT_FMT(lang, E_MODULE_DLOPEN), lang, err);
    }
    const tt_module_head *head = dlsym(h, "tt_module_table");
    if (!head)
        return module_fail(id, path, TT_FMT(lang, E_MODULE_NO_TABLE), lang, err);
    if (!head->version || strcmp(head->version, tt_version()) != 0 || head->size != size) {
        char why[128];
        snprintf(why, sizeof why, TT_FMT(lang, E_MODULE_VERSION_FMT),
                 head->version ? head->version : "?", tt_version());
        return module_fail(id, path, why, lang, err);
    }
    loaded[id] = head;
    return head;
}
