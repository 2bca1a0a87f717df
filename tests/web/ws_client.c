/* The protocol tests' libwebsockets client (see ws_client.h). */
#define _GNU_SOURCE
#include "ws_client.h"

#include <libwebsockets.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct out_item {
    struct out_item *next;
    size_t len;
    unsigned char data[];       /* LWS_PRE bytes, then the text */
} out_item;

struct wc_conn {
    wc_conn *next;
    bool http;
    struct lws *wsi;
    bool open, failed, closed, want_close;
    json_t *msgs;               /* every message received, parsed */
    char *rx;                   /* a message arriving in fragments */
    size_t rx_len;
    out_item *out_head, *out_tail;
    int status;                 /* http: response code */
    char *body;
    size_t body_len;
    bool done;
};

struct wc_ctx {
    struct lws_context *ctx;
    struct lws_protocols protocols[2];
    pthread_t ticker;
    volatile int stop;
    wc_conn *conns;
};

static int64_t now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void append(char **buf, size_t *len, const void *in, size_t n)
{
    char *p = realloc(*buf, *len + n + 1);
    if (!p)
        abort();   /* a test client out of memory cannot go on */
    memcpy(p + *len, in, n);
    *len += n;
    p[*len] = '\0';
    *buf = p;
}

static int on_event(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                    size_t len)
{
    wc_conn *k = user;
    if (!k)
        return 0;
    switch (reason) {
    case LWS_CALLBACK_CLIENT_ESTABLISHED:
        k->open = true;
        return 0;
    case LWS_CALLBACK_CLIENT_CONNECTION_ERROR:
        k->failed = k->closed = k->done = true;
        k->open = false;
        k->wsi = NULL;
        return 0;
    case LWS_CALLBACK_CLIENT_CLOSED:
        k->open = false;
        k->closed = true;
        k->wsi = NULL;
        return 0;
    case LWS_CALLBACK_CLIENT_RECEIVE:
        append(&k->rx, &k->rx_len, in, len);
        if (lws_is_final_fragment(wsi) && !lws_remaining_packet_payload(wsi)) {
            json_error_t jerr;
            json_t *m = json_loadb(k->rx, k->rx_len, 0, &jerr);
            json_array_append_new(k->msgs, m ? m : json_stringn(k->rx, k->rx_len));
            free(k->rx);
            k->rx = NULL;
            k->rx_len = 0;
        }
        return 0;
    case LWS_CALLBACK_CLIENT_WRITEABLE: {
        if (k->want_close)
            return -1;
        out_item *o = k->out_head;
        if (!o)
            return 0;
        k->out_head = o->next;
        if (!k->out_head)
            k->out_tail = NULL;
        int n = lws_write(wsi, o->data + LWS_PRE, o->len, LWS_WRITE_TEXT);
        free(o);
        if (n < 0)
            return -1;
        if (k->out_head)
            lws_callback_on_writable(wsi);
        return 0;
    }
    case LWS_CALLBACK_ESTABLISHED_CLIENT_HTTP:
        k->status = (int)lws_http_client_http_response(wsi);
        return 0;
    case LWS_CALLBACK_RECEIVE_CLIENT_HTTP: {
        char buf[LWS_PRE + 4096], *p = buf + LWS_PRE;
        int n = (int)sizeof buf - LWS_PRE;
        return lws_http_client_read(wsi, &p, &n) < 0 ? -1 : 0;
    }
    case LWS_CALLBACK_RECEIVE_CLIENT_HTTP_READ:
        append(&k->body, &k->body_len, in, len);
        return 0;
    case LWS_CALLBACK_COMPLETED_CLIENT_HTTP:
        k->done = true;
        return 0;
    case LWS_CALLBACK_CLOSED_CLIENT_HTTP:
        k->done = true;
        k->wsi = NULL;
        return 0;
    default:
        return 0;
    }
}

static void *tick(void *arg)
{
    wc_ctx *c = arg;
    while (!c->stop) {
        lws_cancel_service(c->ctx);
        usleep(5000);
    }
    return NULL;
}

wc_ctx *wc_new(void)
{
    wc_ctx *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->protocols[0] = (struct lws_protocols){ "tt-test-client", on_event, 0, 0, 0, NULL, 0 };
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = CONTEXT_PORT_NO_LISTEN;
    info.protocols = c->protocols;
    info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
    lws_set_log_level(LLL_ERR, NULL);
    c->ctx = lws_create_context(&info);
    if (!c->ctx || pthread_create(&c->ticker, NULL, tick, c) != 0) {
        if (c->ctx)
            lws_context_destroy(c->ctx);
        free(c);
        return NULL;
    }
    return c;
}

static void conn_free(wc_conn *k)
{
    for (out_item *o = k->out_head, *next; o; o = next) {
        next = o->next;
        free(o);
    }
    json_decref(k->msgs);
    free(k->rx);
    free(k->body);
    free(k);
}

void wc_free(wc_ctx *c)
{
    if (!c)
        return;
    c->stop = 1;
    pthread_join(c->ticker, NULL);
    lws_context_destroy(c->ctx);   /* closes what is still open */
    for (wc_conn *k = c->conns, *next; k; k = next) {
        next = k->next;
        conn_free(k);
    }
    free(c);
}

void wc_run(wc_ctx *c, int ms)
{
    int64_t end = now_ms() + ms;
    while (now_ms() < end)
        lws_service(c->ctx, 0);
}

/* Split url into its parts; path keeps its leading '/'. */
static bool parse_url(const char *url, char *copy, size_t size, bool *tls, const char **host,
                      int *port, char *path, size_t path_size)
{
    const char *prot, *p;
    snprintf(copy, size, "%s", url);
    if (lws_parse_uri(copy, &prot, host, port, &p) != 0)
        return false;
    *tls = strcmp(prot, "https") == 0 || strcmp(prot, "wss") == 0;
    snprintf(path, path_size, "/%s", p);
    return true;
}

static wc_conn *connect_to(wc_ctx *c, const char *url, bool http)
{
    char copy[512], path[512];
    const char *host;
    int port;
    bool tls;
    if (!parse_url(url, copy, sizeof copy, &tls, &host, &port, path, sizeof path))
        return NULL;
    if (!http) {   /* the seat's socket: /join/TOKEN -> /ws/TOKEN */
        char *j = strstr(path, "/join/");
        if (j) {
            char rest[512];
            snprintf(rest, sizeof rest, "%s", j + 6);
            snprintf(j, path + sizeof path - j, "/ws/%s", rest);
        }
    }
    wc_conn *k = calloc(1, sizeof *k);
    if (!k || !(k->msgs = json_array())) {
        free(k);
        return NULL;
    }
    k->http = http;
    k->next = c->conns;
    c->conns = k;
    struct lws_client_connect_info i;
    memset(&i, 0, sizeof i);
    i.context = c->ctx;
    i.address = host;
    i.port = port;
    i.path = path;
    i.host = host;
    i.origin = host;
    i.ssl_connection = tls ? LCCSCF_USE_SSL | LCCSCF_ALLOW_SELFSIGNED |
                                 LCCSCF_SKIP_SERVER_CERT_HOSTNAME_CHECK
                           : 0;
    i.userdata = k;
    i.pwsi = &k->wsi;
    i.alpn = "http/1.1";
    /* An HTTP client binds to our protocol by naming it (lws 4.1 swallows
     * the body otherwise); a socket asks for tabletop.v1 and is served by it. */
    if (http) {
        i.method = "GET";
        i.protocol = c->protocols[0].name;
    } else {
        i.protocol = "tabletop.v1";
        i.local_protocol_name = c->protocols[0].name;
    }
    if (!lws_client_connect_via_info(&i))
        k->failed = k->closed = k->done = true;
    return k;
}

wc_conn *wc_open(wc_ctx *c, const char *join_url, int timeout_ms)
{
    wc_conn *k = connect_to(c, join_url, false);
    int64_t end = now_ms() + timeout_ms;
    while (k && !k->open && !k->failed && !k->closed && now_ms() < end)
        lws_service(c->ctx, 0);
    return k;
}

bool wc_is_open(const wc_conn *k)
{
    return k && k->open;
}

bool wc_failed(const wc_conn *k)
{
    return !k || k->failed || k->closed;
}

void wc_send(wc_ctx *c, wc_conn *k, const char *text)
{
    if (!k || !k->wsi)
        return;
    size_t len = strlen(text);
    out_item *o = malloc(sizeof *o + LWS_PRE + len);
    if (!o)
        abort();
    o->next = NULL;
    o->len = len;
    memcpy(o->data + LWS_PRE, text, len);
    if (k->out_tail)
        k->out_tail->next = o;
    else
        k->out_head = o;
    k->out_tail = o;
    lws_callback_on_writable(k->wsi);
    int64_t end = now_ms() + 5000;
    while (k->out_head && k->wsi && now_ms() < end)
        lws_service(c->ctx, 0);
}

void wc_send_json(wc_ctx *c, wc_conn *k, json_t *msg)
{
    char *text = msg ? json_dumps(msg, JSON_COMPACT) : NULL;
    json_decref(msg);
    if (!text)
        abort();
    wc_send(c, k, text);
    free(text);
}

static bool match(const json_t *pattern, const json_t *value)
{
    if (!value)
        return false;
    if (json_is_object(pattern)) {
        if (!json_is_object(value))
            return false;
        const char *key;
        json_t *p;
        json_object_foreach((json_t *)pattern, key, p)
            if (!match(p, json_object_get(value, key)))
                return false;
        return true;
    }
    if (json_is_array(pattern)) {
        if (!json_is_array(value))
            return false;
        size_t i, j;
        json_t *p, *v;
        json_array_foreach(pattern, i, p) {
            bool any = false;
            json_array_foreach(value, j, v)
                if ((any = match(p, v)))
                    break;
            if (!any)
                return false;
        }
        return true;
    }
    return json_equal((json_t *)pattern, (json_t *)value);
}

static json_t *pattern_of(const char *text)
{
    json_error_t jerr;
    json_t *p = json_loads(text, 0, &jerr);
    if (!p) {
        fprintf(stderr, "ws_client: bad pattern %s: %s\n", text, jerr.text);
        abort();
    }
    return p;
}

static json_t *first_match(const wc_conn *k, const json_t *pattern)
{
    size_t i;
    json_t *m;
    json_array_foreach(k->msgs, i, m)
        if (match(pattern, m))
            return m;
    return NULL;
}

json_t *wc_wait(wc_ctx *c, wc_conn *k, const char *pattern_json, int timeout_ms)
{
    if (!k)
        return NULL;
    json_t *p = pattern_of(pattern_json);
    int64_t end = now_ms() + timeout_ms;
    json_t *m;
    while (!(m = first_match(k, p)) && now_ms() < end)
        lws_service(c->ctx, 0);
    json_decref(p);
    return m;
}

json_t *wc_last(const wc_conn *k, const char *pattern_json)
{
    json_t *p = pattern_of(pattern_json), *last = NULL, *m;
    size_t i;
    json_array_foreach(k->msgs, i, m)
        if (match(p, m))
            last = m;
    json_decref(p);
    return last;
}

bool wc_wait_n(wc_ctx *c, wc_conn *k, const char *pattern_json, size_t n, int timeout_ms)
{
    int64_t end = now_ms() + timeout_ms;
    while (wc_count(k, pattern_json) < n && now_ms() < end)
        lws_service(c->ctx, 0);
    return wc_count(k, pattern_json) >= n;
}

size_t wc_count(const wc_conn *k, const char *pattern_json)
{
    json_t *p = pattern_of(pattern_json);
    size_t n = 0, i;
    json_t *m;
    json_array_foreach(k->msgs, i, m)
        n += match(p, m);
    json_decref(p);
    return n;
}

bool wc_saw_text(const wc_conn *k, const char *needle)
{
    size_t i;
    json_t *m;
    json_array_foreach(k->msgs, i, m) {
        char *text = json_dumps(m, JSON_COMPACT | JSON_ENCODE_ANY);
        bool hit = text && strstr(text, needle);
        free(text);
        if (hit)
            return true;
    }
    return false;
}

size_t wc_received(const wc_conn *k)
{
    return k ? json_array_size(k->msgs) : 0;
}

static void unlink_conn(wc_ctx *c, wc_conn *k)
{
    for (wc_conn **p = &c->conns; *p; p = &(*p)->next)
        if (*p == k) {
            *p = k->next;
            break;
        }
    conn_free(k);
}

bool wc_wait_closed(wc_ctx *c, wc_conn *k, int timeout_ms)
{
    int64_t end = now_ms() + timeout_ms;
    while (k->wsi && !k->closed && now_ms() < end)
        lws_service(c->ctx, 0);
    return k->closed || !k->wsi;
}

void wc_close(wc_ctx *c, wc_conn *k)
{
    if (!k)
        return;
    if (k->wsi) {
        k->want_close = true;
        lws_callback_on_writable(k->wsi);
        wc_wait_closed(c, k, 5000);
    }
    if (!k->wsi)
        unlink_conn(c, k);
}

int wc_http_get(wc_ctx *c, const char *url, int *status, char **body, int timeout_ms)
{
    *status = 0;
    *body = NULL;
    wc_conn *k = connect_to(c, url, true);
    if (!k)
        return -1;
    int64_t end = now_ms() + timeout_ms;
    while (!k->done && now_ms() < end)
        lws_service(c->ctx, 0);
    *status = k->status;
    *body = k->body ? k->body : strdup("");
    k->body = NULL;
    bool finished = k->done;
    if (k->wsi) {   /* still open (keep-alive): let lws close it */
        lws_set_timeout(k->wsi, PENDING_TIMEOUT_CLOSE_SEND, LWS_TO_KILL_SYNC);
        k->wsi = NULL;
    }
    unlink_conn(c, k);
    return finished && *body ? 0 : -1;
}
