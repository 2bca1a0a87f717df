/* Private layout of the web front-end, shared by its files. The lock
 * guards everything both threads touch: history, per-role views, the
 * connections and the input queue. */
#ifndef TABLETOP_WEB_INTERNAL_H
#define TABLETOP_WEB_INTERNAL_H

#include <pthread.h>
#include <stdint.h>

#include <libwebsockets.h>

#include "proto.h"
#include "seats.h"
#include "tabletop/web.h"

/* One record as sent to the pages, with what decides who sees it. */
typedef struct hist_item {
    char *json;
    size_t len;
    tt_record_type type;
    char *role, *to, *member;
} hist_item;

typedef struct out_msg {
    struct out_msg *next;
    size_t len;
    unsigned char data[];        /* LWS_PRE bytes, then the payload */
} out_msg;

typedef struct web_conn {
    struct web_conn *next;
    struct lws *wsi;
    unsigned id;
    int seat;
    bool hello_sent;
    size_t hist_pos;             /* next history item to consider */
    unsigned status_ver, menu_ver, seats_ver;
    out_msg *q_head, *q_tail;    /* direct messages (errors, pong) */
    size_t q_count;
    char *rx;                    /* a message arriving in fragments */
    size_t rx_len;
    bool rx_over;                /* over WEB_MAX_FRAME: refused when it ends */
    double bucket;               /* rate limit: messages that may still come */
    int64_t bucket_ms;
} web_conn;

typedef struct web_input {
    struct web_input *next;
    unsigned conn;
    int seat;
    web_msg m;
} web_input;

#define WEB_MAX_QUEUED_INPUTS 20000
#define WEB_MAX_DIRECT 256           /* a slower reader is disconnected */
#define WEB_RATE_PER_S 10.0
#define WEB_RATE_BURST 20.0

struct tt_web {
    tt_web_options o;
    const tt_scenario *sc;
    web_seat *seats;
    size_t n_seats;
    char links_path[1100];
    char assets[1024];
    char host[256];
    bool tls;
    int port;
    struct lws_context *ctx;
    struct lws_protocols protocols[3];
    struct lws_http_mount mount;
    pthread_t thread;
    bool thread_on;
    volatile int stop;

    pthread_mutex_t mu;
    hist_item *hist;       size_t n_hist, cap_hist;
    size_t n_published;    /* items the journal holds on disk: may be sent */
    char **status;         /* per role, then one for the staff seats */
    unsigned status_ver;
    char **menus;          /* per role */
    unsigned menu_ver;
    unsigned seats_ver;
    char *hello_scenario;  /* the scenario part of hello, JSON */
    char *terms_json;      /* GET /terms.json: the terms table, both languages */
    size_t terms_len;
    web_conn *conns;
    unsigned next_conn;
    web_input *in_head, *in_tail;
    size_t n_inputs;
    bool closed;           /* tokens refused (ended or stopping) */
    bool leave;

    /* engine thread only */
    int efd;
    bool views_stale;
    bool holding;          /* inside a group commit: publish after it */
    int64_t last_status_ms;
};

int64_t web_wall_ms(void);
/* Queue a message for one connection (lock held). */
void web_queue_locked(tt_web *w, web_conn *c, const char *json);
/* Queue for a connection by id from the engine thread, then wake. */
void web_send_to(tt_web *w, unsigned conn, const char *json);
/* {"type":"error","code":..,"message":..} */
char *web_error_json(const char *code, const char *message);
/* Rebuild the status (clock, pending) and the menus (engine thread). */
int web_refresh_views(tt_web *w, tt_exercise *ex, tt_error *err);
/* Is history item h for seat s? */
bool web_visible(const web_seat *s, const hist_item *h);
/* The scenario part of hello (roles, actors, actions, roster). */
char *web_scenario_json(const tt_scenario *sc, const tt_roster *roster);
/* {"ja": {KEY: text, ...}, "en": {...}}: every entry of the terms table
 * (include/tabletop/terms.h) by its key, for the pages; NULL on OOM. */
char *web_terms_json(void);

#endif
