/* Opening the SQLite drill history ahead of use. Loading sqlite.so (with
 * libsqlite3's ~1,600 symbol bindings) and opening the file (its schema
 * parsed) cost about a fifth of a `score`, and need nothing from the
 * journal: a thread does them while the caller reads the journal, and the
 * history step takes the open connection (tt_history_open_spec). The thread
 * only reads: it opens an existing file of the current schema version and
 * gives up on anything else (no file, an older schema, any error), leaving
 * creation, migration and every message to the history step, which then
 * opens the file itself exactly as without this. The card is the same: the
 * trend is read by the history step after the journal, as before. */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */
#include "store.h"

#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct ahead {
    bool started;           /* a thread runs or ran and is not joined yet */
    pthread_t thread;
    char *path;             /* the SQLite file it opens */
    tt_history *h;          /* the connection, or NULL (given up) */
} ahead;

static ahead pending;
static int min_cpus = 2;

void store_ahead_min_cpus(int n)
{
    min_cpus = n;
}

/* Linked in by tests (tt_store_sqlite); the program loads sqlite.so. */
extern const store_sqlite_api store_sqlite_linked __attribute__((weak));

static void *open_ahead(void *arg)
{
    ahead *a = arg;
    tt_error err;
    tt_error_clear(&err);
    const store_sqlite_api *sq = &store_sqlite_linked
        ? &store_sqlite_linked
        : tt_module_api(TT_MODULE_SQLITE, sizeof(store_sqlite_api), tt_lang_from_env(), &err);
    struct stat st;
    if (!sq || stat(a->path, &st) != 0 || !S_ISREG(st.st_mode))
        return NULL;
    tt_history *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->kind = TT_STORE_SQLITE;
    int v = -1;
    if (!(h->display = strdup(a->path)) || sq->connect(h, a->path, false, &err) != 0 ||
        h->ops->get_version(h, &v, &err) != 0 || v != TT_HISTORY_SCHEMA_VERSION) {
        tt_history_close(h);
        return NULL;
    }
    h->ahead = true;
    a->h = h;
    return NULL;
}

/* Wait for the thread; the connection it left, or NULL. */
static tt_history *join_ahead(void)
{
    if (!pending.started)
        return NULL;
    pthread_join(pending.thread, NULL);
    pending.started = false;
    tt_history *h = pending.h;
    pending.h = NULL;
    return h;
}

static void drop_ahead(void)
{
    tt_history_close(join_ahead());
    free(pending.path);
    pending.path = NULL;
}

/* A child forked meanwhile has no such thread to wait for. */
static void forget_in_child(void)
{
    memset(&pending, 0, sizeof pending);
}

void tt_history_open_ahead(const char *db_flag)
{
    static bool registered;
    drop_ahead();
    /* On one CPU the thread cannot run beside the journal's reading: it
     * would only add its own cost (a thread, locked malloc). */
    cpu_set_t cpus;
    if (sched_getaffinity(0, sizeof cpus, &cpus) == 0 && CPU_COUNT(&cpus) < min_cpus)
        return;
    const char *spec = tt_history_spec(db_flag);
    if (tt_store_is_uri(spec))
        return;
    char def[4096];
    if (!spec) {
        tt_error ignored;
        if (tt_history_default_path(def, sizeof def, &ignored) != 0)
            return;
        spec = def;
    }
    if (!registered) {
        if (atexit(drop_ahead) != 0 || pthread_atfork(NULL, NULL, forget_in_child) != 0)
            return;
        registered = true;
    }
    if (!(pending.path = strdup(spec)))
        return;
    /* Signals stay with the caller's thread (a terminal drill's handlers). */
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    pending.started = pthread_create(&pending.thread, NULL, open_ahead, &pending) == 0;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (!pending.started)
        drop_ahead();
}

tt_history *store_take_ahead(const char *path)
{
    if (!pending.path)
        return NULL;
    tt_history *h = join_ahead();
    bool same = strcmp(pending.path, path) == 0;
    free(pending.path);
    pending.path = NULL;
    if (!same) {
        tt_history_close(h);
        return NULL;
    }
    return h;
}

bool tt_history_opened_ahead(const tt_history *h)
{
    return h->ahead;
}
