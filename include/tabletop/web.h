/* The browser front-end: an embedded HTTP + WebSocket server (libwebsockets,
 * subprotocol "tabletop.v1", docs/protocol.md) beside the terminal or the
 * dashboard. Each seat (one per roster member, else one per role), the
 * facilitator and the observer get a link carrying a 128-bit token.
 *
 * Threads: the caller's (engine) thread owns the exercise; it gives the
 * server every record through tt_web_sink and calls tt_web_pump whenever
 * tt_web_fd is readable (or at least every loop turn). The server's own
 * thread only queues inputs and sends what the engine emitted. */
#ifndef TABLETOP_WEB_H
#define TABLETOP_WEB_H

#include "tabletop/exercise.h"
#include "tabletop/inputs.h"
#include "tabletop/journal.h"
#include "tabletop/module.h"
#include "tabletop/qr.h"

typedef struct tt_web tt_web;

typedef struct tt_web_options {
    const char *addr;             /* listen address; default "127.0.0.1" */
    int port;                     /* 0: any free port (see tt_web_port) */
    tt_lang lang;                 /* the pages' first language */
    const tt_scenario *sc;
    const tt_roster *roster;      /* may be NULL: one seat per role */
    const char *journal_path;     /* tokens are kept beside it (JOURNAL.links, 0600) */
    bool reuse_links;             /* resume: the same links as before */
    const char *tls_cert;         /* both or neither */
    const char *tls_key;
    const char *assets_dir;       /* folder with player.html etc.; NULL: located */
} tt_web_options;

/* Binds, makes or reloads the tokens and starts the server thread.
 * NULL with err (bad address, port in use, unreadable certificate). */
tt_web *tt_web_start(const tt_web_options *o, tt_error *err);
/* Stops the thread, closes every connection; the links stop working. */
void tt_web_stop(tt_web *w);

int tt_web_port(const tt_web *w);
/* Print the links, each followed by its QR code when qr (and write them as
 * JSON to seats_path when not NULL). */
int tt_web_print_links(const tt_web *w, FILE *out, const char *seats_path, bool qr,
                       tt_error *err);
/* The join links with their labels and QR codes, facilitator and observer
 * first (free with tt_join_codes_free, the table's free_join_codes). 0, or
 * -1 with err. */
int tt_web_join_codes(const tt_web *w, tt_join_code **out, size_t *n, tt_error *err);

/* Records already in a resumed journal: seats catch up from them. */
int tt_web_preload(tt_web *w, const tt_journal *j);
/* Record sink (journal first, then this); engine thread. */
void tt_web_sink(void *web, const tt_record *r);

/* Readable when inputs wait for tt_web_pump. */
int tt_web_fd(const tt_web *w);
/* Engine thread: apply queued inputs to the exercise and refresh what the
 * seats see (menus, clock). *clock_changed (may be NULL) tells a loop that
 * anchors its own wait on the clock to re-anchor. 0 ok, -1 with err. */
int tt_web_pump(tt_web *w, tt_exercise *ex, bool *clock_changed, tt_error *err);
/* The facilitator left from the browser ("leave" without ending). */
bool tt_web_leave_requested(const tt_web *w);
/* After the exercise ended: tell every seat, wait (bounded) for the
 * messages to go out, then refuse every token. */
void tt_web_finish(tt_web *w);

/* The browser as the only front-end (--ui none): start (or keep a restored
 * drill paused until the facilitator resumes it), run on the wall clock
 * until the end or SIGINT/SIGTERM/SIGHUP (journal resumable). */
int tt_web_drive(tt_web *w, tt_exercise *ex, bool *ended, tt_error *err);

/* ---- The module ----
 * These functions live in web.so (include/tabletop/module.h), loaded only
 * for --serve; the program calls them through this table. */
typedef struct tt_web_api {
    tt_module_head head;
    tt_web *(*start)(const tt_web_options *o, tt_error *err);
    void (*stop)(tt_web *w);
    int (*port)(const tt_web *w);
    int (*print_links)(const tt_web *w, FILE *out, const char *seats_path, bool qr,
                       tt_error *err);
    int (*join_codes)(const tt_web *w, tt_join_code **out, size_t *n, tt_error *err);
    void (*free_join_codes)(tt_join_code *codes, size_t n);
    int (*preload)(tt_web *w, const tt_journal *j);
    void (*sink)(void *web, const tt_record *r);
    int (*fd)(const tt_web *w);
    int (*pump)(tt_web *w, tt_exercise *ex, bool *clock_changed, tt_error *err);
    bool (*leave_requested)(const tt_web *w);
    void (*finish)(tt_web *w);
    int (*drive)(tt_web *w, tt_exercise *ex, bool *ended, tt_error *err);
} tt_web_api;

/* The loaded module's table, or NULL with err (module.h). */
static inline const tt_web_api *tt_web_module(tt_lang lang, tt_error *err)
{
    return tt_module_api(TT_MODULE_WEB, sizeof(tt_web_api), lang, err);
}

#endif
