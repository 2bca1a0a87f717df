/* The libwebsockets side: one service thread serving the pages (a seat's
 * link, then static files) and the tabletop.v1 sockets. It only checks,
 * queues and sends; the engine thread decides (engine.c). */
#define _GNU_SOURCE
#include "tabletop/terms.h"
#include "web_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <jansson.h>

#include "tabletop/json_text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

int64_t web_wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

char *web_error_json(const char *code, const char *message)
{
    json_t *o = json_pack("{s:s, s:s, s:s}", "type", "error", "code", code, "message",
                          message ? message : "");
    char *s = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

static out_msg *make_msg(const char *json, size_t len)
{
    out_msg *m = malloc(sizeof *m + LWS_PRE + len);
    if (!m)
        return NULL;
    m->next = NULL;
    m->len = len;
    memcpy(m->data + LWS_PRE, json, len);
    return m;
}

void web_queue_locked(tt_web *w, web_conn *c, const char *json)
{
    (void)w;
    if (!json || c->q_count >= WEB_MAX_DIRECT)
        return;
    out_msg *m = make_msg(json, strlen(json));
    if (!m)
        return;
    if (c->q_tail)
        c->q_tail->next = m;
    else
        c->q_head = m;
    c->q_tail = m;
    c->q_count++;
}

void web_send_to(tt_web *w, unsigned conn, const char *json)
{
    pthread_mutex_lock(&w->mu);
    for (web_conn *c = w->conns; c; c = c->next)
        if (c->id == conn)
            web_queue_locked(w, c, json);
    pthread_mutex_unlock(&w->mu);
    lws_cancel_service(w->ctx);
}

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

bool web_visible(const web_seat *s, const hist_item *h)
{
    if (s->kind != SEAT_PLAYER)
        return true;
    switch (h->type) {
    case TT_REC_INJECT:
    case TT_REC_MESSAGE:
        return tt_to_includes(h->to, s->role); /* API 1.1: one role or several */
    case TT_REC_CUSTOM:
        return !h->to || (same(h->to, s->role) && (!h->member || same(h->member, s->member)));
    case TT_REC_ACTION:
    case TT_REC_DONE:
    case TT_REC_REFUSED:
    case TT_REC_NOTE:
    case TT_REC_ANSWER:
    case TT_REC_CANCEL:
    case TT_REC_DECLINED:
    case TT_REC_ASKED:
    case TT_REC_REPLY:
        return same(h->role, s->role);
    case TT_REC_OBJECTIVE:
    case TT_REC_PAUSE:
    case TT_REC_RESUME:
    case TT_REC_SPEED:
    case TT_REC_END:
        return true;
    default:
        return false;   /* start, state: the facilitator's view */
    }
}

/* ---- HTTP: a seat's page, or 403 ---- */

/* Sent with every page and file: a token never leaks through a Referer,
 * pages are not cached, and scripts come from this server only. Added
 * through lws (not as raw text) so HTTP/2 over TLS works too. */
static const char *const page_headers[][2] = {
    { "cache-control:", "no-store" },
    { "referrer-policy:", "no-referrer" },
    { "x-content-type-options:", "nosniff" },
    { "content-security-policy:", "default-src 'self'; connect-src 'self' ws: wss:; "
                                   "img-src 'self' data:; style-src 'self'; script-src 'self'" },
};

static int put_page_headers(struct lws *wsi, unsigned char **p, unsigned char *end)
{
    for (size_t i = 0; i < sizeof page_headers / sizeof page_headers[0]; i++)
        if (lws_add_http_header_by_name(wsi, (const unsigned char *)page_headers[i][0],
                                        (const unsigned char *)page_headers[i][1],
                                        (int)strlen(page_headers[i][1]), p, end))
            return 1;
    return 0;
}

static int add_headers(struct lws *wsi, struct lws_process_html_args *args)
{
    unsigned char *p = (unsigned char *)args->p, *end = p + args->max_len;
    if (put_page_headers(wsi, &p, end))
        return 1;
    args->p = (char *)p;
    return 0;
}

/* One HTTP transaction sending the terms table (the pages' words). */
typedef struct http_sess {
    bool terms;
    size_t pos;
} http_sess;

#define TERMS_CHUNK 4096

static int start_terms(struct lws *wsi, tt_web *w, http_sess *hs)
{
    unsigned char buf[LWS_PRE + 1024], *start = buf + LWS_PRE, *p = start, *end = buf + sizeof buf;
    if (lws_add_http_common_headers(wsi, HTTP_STATUS_OK, "application/json; charset=utf-8",
                                    (lws_filepos_t)w->terms_len, &p, end) ||
        lws_add_http_header_by_name(wsi, (const unsigned char *)"cache-control:",
                                    (const unsigned char *)"no-store", 8, &p, end) ||
        lws_finalize_write_http_header(wsi, start, &p, end))
        return -1;
    hs->terms = true;
    hs->pos = 0;
    lws_callback_on_writable(wsi);
    return 0;
}

static int send_terms(struct lws *wsi, tt_web *w, http_sess *hs)
{
    unsigned char buf[LWS_PRE + TERMS_CHUNK];
    size_t n = w->terms_len - hs->pos;
    if (n > TERMS_CHUNK)
        n = TERMS_CHUNK;
    bool last = hs->pos + n == w->terms_len;
    memcpy(buf + LWS_PRE, w->terms_json + hs->pos, n);
    if (lws_write(wsi, buf + LWS_PRE, n, last ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP) != (int)n)
        return -1;
    hs->pos += n;
    if (!last) {
        lws_callback_on_writable(wsi);
        return 0;
    }
    hs->terms = false;
    return lws_http_transaction_completed(wsi) ? -1 : 0;
}

/* The seat a "/join/TOKEN" or "/ws/TOKEN" path names, or -1. */
static int seat_of_path(tt_web *w, const char *path, const char *prefix)
{
    size_t plen = strlen(prefix);
    if (strncmp(path, prefix, plen) != 0)
        return -1;
    const char *tok = path + plen;
    size_t len = strcspn(tok, "?#/");
    pthread_mutex_lock(&w->mu);
    int seat = w->closed ? -1 : web_seat_find(w->seats, w->n_seats, tok, len);
    pthread_mutex_unlock(&w->mu);
    return seat;
}

/* A link that opens no seat says why, in both languages (the page does
 * not know the reader's): a person with a mistyped or old link saw a bare
 * "403". The texts are the terms table's, never the request's. */
static int forbid(struct lws *wsi, tt_web *w)
{
    pthread_mutex_lock(&w->mu);
    tt_term why = w->closed ? W_LINK_CLOSED : W_LINK_UNKNOWN;
    pthread_mutex_unlock(&w->mu);
    char body[1024];
    snprintf(body, sizeof body, "<p lang=\"ja\">%s</p><p lang=\"en\">%s</p>",
             tt_term_text(why, TT_LANG_JA), tt_term_text(why, TT_LANG_EN));
    if (lws_return_http_status(wsi, HTTP_STATUS_FORBIDDEN, body))
        return -1;
    return lws_http_transaction_completed(wsi) ? -1 : 0;
}

static int on_http(struct lws *wsi, enum lws_callback_reasons reason, void *user,
                   void *in, size_t len)
{
    http_sess *hs = user;
    if (reason == LWS_CALLBACK_ADD_HEADERS)
        return add_headers(wsi, in);
    if (reason == LWS_CALLBACK_HTTP_WRITEABLE && hs && hs->terms)
        return send_terms(wsi, lws_context_user(lws_get_context(wsi)), hs);
    if (reason != LWS_CALLBACK_HTTP)
        return lws_callback_http_dummy(wsi, reason, user, in, len);
    tt_web *w = lws_context_user(lws_get_context(wsi));
    const char *path = in;
    /* The pages' words: the terms table, nothing secret. */
    if (strcmp(path, "/terms.json") == 0)
        return start_terms(wsi, w, hs);
    int seat = seat_of_path(w, path, "/join/");
    if (seat < 0)
        return forbid(wsi, w);
    static const char *const pages[] = { "player.html", "facilitator.html", "observer.html" };
    seat_kind kind = w->seats[seat].kind;
    char file[1200];
    snprintf(file, sizeof file, "%s/%s", w->assets,
             pages[kind == SEAT_PLAYER ? 0 : kind == SEAT_FACILITATOR ? 1 : 2]);
    int n = lws_serve_http_file(wsi, file, "text/html; charset=utf-8", NULL, 0);
    if (n < 0 || (n > 0 && lws_http_transaction_completed(wsi)))
        return -1;
    return 0;
}

/* ---- the tabletop.v1 sockets ---- */

static bool has_pending(const tt_web *w, const web_conn *c)
{
    const web_seat *s = &w->seats[c->seat];
    if (!c->hello_sent || c->q_head || c->status_ver != w->status_ver)
        return true;
    if (s->kind == SEAT_PLAYER && c->menu_ver != w->menu_ver)
        return true;
    if (s->kind == SEAT_FACILITATOR && c->seats_ver != w->seats_ver)
        return true;
    for (size_t i = c->hist_pos; i < w->n_published; i++)
        if (web_visible(s, &w->hist[i]))
            return true;
    return false;
}

static int role_index(const tt_scenario *sc, const char *role)
{
    return role ? tt_scenario_role(sc, role) : -1;
}

static char *seats_json(const tt_web *w)
{
    json_t *list = json_array();
    bool ok = list != NULL;   /* a seat missing from the list is a wrong list: none */
    for (size_t i = 0; ok && i < w->n_seats; i++) {
        const web_seat *s = &w->seats[i];
        static const char *const kinds[] = { "player", "facilitator", "observer" };
        ok = json_array_append_new(list, json_pack("{s:s, s:s?, s:s?, s:i}", "kind",
                                                   kinds[s->kind], "role", s->role, "member",
                                                   s->member, "connected",
                                                   s->connections)) == 0;
    }
    if (!ok) {
        json_decref(list);
        return NULL;
    }
    json_t *o = json_pack("{s:s, s:o}", "type", "seats", "seats", list);
    char *text = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return text;
}

static char *hello_json(const tt_web *w, const web_seat *s)
{
    static const char *const kinds[] = { "player", "facilitator", "observer" };
    json_error_t jerr;
    json_t *scen = json_loads(w->hello_scenario, 0, &jerr);
    json_t *o = json_pack("{s:s, s:s, s:{s:s, s:s?, s:s?}, s:s, s:o?}", "type", "hello",
                          "protocol", WEB_PROTOCOL, "seat", "kind", kinds[s->kind], "role",
                          s->role, "member", s->member, "lang",
                          tt_lang_name(w->o.lang), "scenario", scen);
    char *text = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return text;
}

/* The next message for c (lock held): a malloc'd copy, or NULL. */
static out_msg *next_message(tt_web *w, web_conn *c)
{
    const web_seat *s = &w->seats[c->seat];
    if (!c->hello_sent) {
        c->hello_sent = true;
        char *h = hello_json(w, s);
        out_msg *m = h ? make_msg(h, strlen(h)) : NULL;
        free(h);
        return m;
    }
    if (c->q_head) {
        out_msg *m = c->q_head;
        c->q_head = m->next;
        if (!c->q_head)
            c->q_tail = NULL;
        c->q_count--;
        return m;
    }
    while (c->hist_pos < w->n_published) {
        const hist_item *h = &w->hist[c->hist_pos++];
        if (web_visible(s, h))
            return make_msg(h->json, h->len);
    }
    if (c->status_ver != w->status_ver) {
        c->status_ver = w->status_ver;
        int r = s->kind == SEAT_PLAYER ? role_index(w->sc, s->role) : (int)w->sc->n_roles;
        if (w->status && r >= 0 && w->status[r])
            return make_msg(w->status[r], strlen(w->status[r]));
    }
    if (s->kind == SEAT_PLAYER && c->menu_ver != w->menu_ver) {
        c->menu_ver = w->menu_ver;
        int r = role_index(w->sc, s->role);
        if (w->menus && r >= 0 && w->menus[r])
            return make_msg(w->menus[r], strlen(w->menus[r]));
    }
    if (s->kind == SEAT_FACILITATOR && c->seats_ver != w->seats_ver) {
        c->seats_ver = w->seats_ver;
        char *j = seats_json(w);
        out_msg *m = j ? make_msg(j, strlen(j)) : NULL;
        free(j);
        return m;
    }
    return NULL;
}

static bool rate_ok(web_conn *c)
{
    int64_t now = web_wall_ms();
    c->bucket += (double)(now - c->bucket_ms) * WEB_RATE_PER_S / 1000.0;
    if (c->bucket > WEB_RATE_BURST)
        c->bucket = WEB_RATE_BURST;
    c->bucket_ms = now;
    if (c->bucket < 1)
        return false;
    c->bucket -= 1;
    return true;
}

static bool allowed(seat_kind kind, web_msg_kind m)
{
    switch (m) {
    case WM_PING: return true;
    case WM_ACT: case WM_NOTE: case WM_ANSWER: case WM_CANCEL: case WM_REPLY:
        return kind == SEAT_PLAYER;
    default: return kind == SEAT_FACILITATOR;
    }
}

/* A whole message from c (service thread, lock held). */
static void on_message(tt_web *w, web_conn *c, const char *data, size_t len)
{
    if (!rate_ok(c)) {
        char *e = web_error_json("rate_limited", TT_MSG(E_WEB_RATE_LIMITED));
        web_queue_locked(w, c, e);
        free(e);
        return;
    }
    web_input *in = calloc(1, sizeof *in);
    const char *code = "internal";
    char why[200];
    if (!in || web_msg_decode(data, len, &in->m, &code, why, sizeof why) != 0) {
        if (!in)
            snprintf(why, sizeof why, TT_MSG(E_OUT_OF_MEMORY));
        char *e = web_error_json(code, why);
        web_queue_locked(w, c, e);
        free(e);
        free(in);
        return;
    }
    if (!allowed(w->seats[c->seat].kind, in->m.kind)) {
        char *e = web_error_json("forbidden", TT_MSG(E_WEB_FORBIDDEN));
        web_queue_locked(w, c, e);
        free(e);
        web_msg_free(&in->m);
        free(in);
        return;
    }
    if (in->m.kind == WM_PING) {
        web_queue_locked(w, c, "{\"type\":\"pong\"}");
        free(in);
        return;
    }
    if (w->n_inputs >= WEB_MAX_QUEUED_INPUTS || w->closed) {
        char *e = web_error_json("busy", TT_MSG(E_WEB_BUSY));
        web_queue_locked(w, c, e);
        free(e);
        web_msg_free(&in->m);
        free(in);
        return;
    }
    in->conn = c->id;
    in->seat = c->seat;
    if (w->in_tail)
        w->in_tail->next = in;
    else
        w->in_head = in;
    w->in_tail = in;
    w->n_inputs++;
    uint64_t one = 1;
    if (write(w->efd, &one, sizeof one) < 0) {
        /* The counter is full only when the engine is far behind; it will
         * still see the queue on its next turn. */
    }
}

static void free_conn(web_conn *c)
{
    for (out_msg *m = c->q_head, *next; m; m = next) {
        next = m->next;
        free(m);
    }
    free(c->rx);
    free(c);
}

static int on_ws(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
                 size_t len)
{
    struct lws_context *ctx = lws_get_context(wsi);
    tt_web *w = ctx ? lws_context_user(ctx) : NULL;
    web_conn **slot = user;
    web_conn *c = slot ? *slot : NULL;
    switch (reason) {
    case LWS_CALLBACK_FILTER_PROTOCOL_CONNECTION: {
        char uri[256];
        if (lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) <= 0)
            return -1;
        return seat_of_path(w, uri, "/ws/") < 0 ? -1 : 0;
    }
    case LWS_CALLBACK_ESTABLISHED: {
        char uri[256];
        int seat = lws_hdr_copy(wsi, uri, sizeof uri, WSI_TOKEN_GET_URI) > 0
                       ? seat_of_path(w, uri, "/ws/") : -1;
        if (seat < 0)
            return -1;
        c = calloc(1, sizeof *c);
        if (!c)
            return -1;
        c->wsi = wsi;
        c->seat = seat;
        c->bucket = WEB_RATE_BURST;
        c->bucket_ms = web_wall_ms();
        pthread_mutex_lock(&w->mu);
        c->id = ++w->next_conn;
        c->next = w->conns;
        w->conns = c;
        w->seats[seat].connections++;
        w->seats_ver++;
        pthread_mutex_unlock(&w->mu);
        *slot = c;
        lws_callback_on_writable_all_protocol(ctx, lws_get_protocol(wsi));
        return 0;
    }
    case LWS_CALLBACK_CLOSED:
        if (!c)
            return 0;
        pthread_mutex_lock(&w->mu);
        for (web_conn **p = &w->conns; *p; p = &(*p)->next)
            if (*p == c) {
                *p = c->next;
                break;
            }
        w->seats[c->seat].connections--;
        w->seats_ver++;
        pthread_mutex_unlock(&w->mu);
        free_conn(c);
        *slot = NULL;
        lws_callback_on_writable_all_protocol(ctx, lws_get_protocol(wsi));
        return 0;
    case LWS_CALLBACK_RECEIVE: {
        if (!c)
            return -1;
        if (!c->rx_over && c->rx_len + len <= WEB_MAX_FRAME) {
            char *p = realloc(c->rx, c->rx_len + len + 1);
            if (!p)
                return -1;
            memcpy(p + c->rx_len, in, len);
            c->rx = p;
            c->rx_len += len;
            c->rx[c->rx_len] = '\0';
        } else {
            c->rx_over = true;
            free(c->rx);
            c->rx = NULL;
            c->rx_len = 0;
        }
        if (!lws_is_final_fragment(wsi) || lws_remaining_packet_payload(wsi))
            return 0;
        pthread_mutex_lock(&w->mu);
        if (c->rx_over) {
            char *e = web_error_json("too_long", TT_MSG(E_WEB_OVER_64K));
            web_queue_locked(w, c, e);
            free(e);
        } else {
            on_message(w, c, c->rx ? c->rx : "", c->rx_len);
        }
        pthread_mutex_unlock(&w->mu);
        free(c->rx);
        c->rx = NULL;
        c->rx_len = 0;
        c->rx_over = false;
        lws_callback_on_writable(wsi);
        return 0;
    }
    case LWS_CALLBACK_SERVER_WRITEABLE: {
        if (!c)
            return 0;
        pthread_mutex_lock(&w->mu);
        out_msg *m = next_message(w, c);
        bool more = has_pending(w, c);
        bool drop = c->q_count >= WEB_MAX_DIRECT;
        pthread_mutex_unlock(&w->mu);
        if (drop) {
            free(m);
            return -1;
        }
        if (m) {
            int n = lws_write(wsi, m->data + LWS_PRE, m->len, LWS_WRITE_TEXT);
            free(m);
            if (n < 0)
                return -1;
        }
        if (more)
            lws_callback_on_writable(wsi);
        return 0;
    }
    case LWS_CALLBACK_EVENT_WAIT_CANCELLED:
        if (!w)
            return 0;
        pthread_mutex_lock(&w->mu);
        for (web_conn *k = w->conns; k; k = k->next)
            if (has_pending(w, k))
                lws_callback_on_writable(k->wsi);
        pthread_mutex_unlock(&w->mu);
        return 0;
    default:
        return 0;
    }
}

static void *service_main(void *arg)
{
    tt_web *w = arg;
    while (!w->stop)
        if (lws_service(w->ctx, 0) < 0)
            break;
    return NULL;
}

static bool find_assets(tt_web *w, tt_error *err)
{
    if (w->o.assets_dir)
        snprintf(w->assets, sizeof w->assets, "%s", w->o.assets_dir);
    else if (tt_data_path(TT_DATA_ASSETS, "web", w->assets, sizeof w->assets) != 0) {
        tt_error_runtime(err, NULL, TT_MSG(E_WEB_PAGES_NOT_INSTALLED));
        return false;
    }
    char probe[1200];
    snprintf(probe, sizeof probe, "%s/player.html", w->assets);
    if (access(probe, R_OK) != 0) {
        tt_error_runtime(err, probe, TT_MSG(E_WEB_PAGES_MISSING_FMT), tt_os_error(errno));
        return false;
    }
    return true;
}

/* Can a socket be bound to this numeric address (port 0)? */
static bool address_is_ours(const char *host)
{
    struct sockaddr_in v4 = { .sin_family = AF_INET };
    struct sockaddr_in6 v6 = { .sin6_family = AF_INET6 };
    const struct sockaddr *sa;
    socklen_t len;
    if (inet_pton(AF_INET, host, &v4.sin_addr) == 1) {
        sa = (const struct sockaddr *)&v4;
        len = sizeof v4;
    } else if (inet_pton(AF_INET6, host, &v6.sin6_addr) == 1) {
        sa = (const struct sockaddr *)&v6;
        len = sizeof v6;
    } else {
        return false;
    }
    int fd = socket(sa->sa_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    bool ok = bind(fd, sa, len) == 0;
    close(fd);
    return ok;
}

tt_web *tt_web_start(const tt_web_options *o, tt_error *err)
{
    tt_web *w = calloc(1, sizeof *w);
    if (!w) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    w->o = *o;
    w->sc = o->sc;
    w->efd = -1;
    pthread_mutex_init(&w->mu, NULL);
    snprintf(w->host, sizeof w->host, "%s", o->addr ? o->addr : "127.0.0.1");
    if (o->journal_path)
        snprintf(w->links_path, sizeof w->links_path, "%s.links", o->journal_path);
    w->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    w->hello_scenario = web_scenario_json(o->sc, o->roster);
    w->terms_json = web_terms_json();
    w->terms_len = w->terms_json ? strlen(w->terms_json) : 0;
    if (w->efd < 0 || !w->hello_scenario || !w->terms_json) {
        tt_error_runtime(err, NULL, TT_MSG(E_WEB_CANNOT_START_FMT), tt_os_error(errno));
        tt_web_stop(w);
        return NULL;
    }
    if (!find_assets(w, err) ||
        web_seats_make(&w->seats, &w->n_seats, o->sc, o->roster,
                       o->journal_path ? w->links_path : NULL, o->reuse_links, err) != 0) {
        tt_web_stop(w);
        return NULL;
    }
    w->protocols[0] = (struct lws_protocols){ "http", on_http, sizeof(http_sess), 0, 0, NULL, 0 };
    w->protocols[1] = (struct lws_protocols){ WEB_PROTOCOL, on_ws, sizeof(web_conn *), 4096,
                                              0, NULL, 0 };
    w->mount = (struct lws_http_mount){ 0 };
    w->mount.mountpoint = "/static";
    w->mount.mountpoint_len = 7;
    w->mount.origin = w->assets;
    w->mount.origin_protocol = LWSMPRO_FILE;
    w->mount.cache_max_age = 0;

    lws_set_log_level(LLL_ERR, NULL);
    struct lws_context_creation_info info;
    memset(&info, 0, sizeof info);
    info.port = o->port;
    info.iface = w->host;
    info.protocols = w->protocols;
    info.mounts = &w->mount;
    info.user = w;
    info.options = LWS_SERVER_OPTION_VALIDATE_UTF8 | LWS_SERVER_OPTION_HTTP_HEADERS_SECURITY_BEST_PRACTICES_ENFORCE |
                   LWS_SERVER_OPTION_FAIL_UPON_UNABLE_TO_BIND;
    if (o->tls_cert || o->tls_key) {
        if (!o->tls_cert || !o->tls_key) {
            tt_error_set(err, NULL, 0, 0, TT_MSG(E_WEB_TLS_PAIR));
            tt_web_stop(w);
            return NULL;
        }
        info.options |= LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT;
        info.ssl_cert_filepath = o->tls_cert;
        info.ssl_private_key_filepath = o->tls_key;
        w->tls = true;
    }
    /* An address that is not this machine's: libwebsockets keeps such a
     * vhost and retries its bind in the background, so the drill ran with
     * links nobody could open. Bind it once here first (port 0: whether
     * the port is free is libwebsockets' FAIL_UPON_UNABLE_TO_BIND). */
    if (!address_is_ours(w->host)) {
        tt_error_runtime(err, NULL, TT_MSG(E_WEB_CANNOT_LISTEN_FMT), w->host, o->port);
        tt_web_stop(w);
        return NULL;
    }
    w->ctx = lws_create_context(&info);
    struct lws_vhost *vh = w->ctx ? lws_get_vhost_by_name(w->ctx, "default") : NULL;
    w->port = vh ? lws_get_vhost_listen_port(vh) : -1;
    if (!w->ctx || w->port <= 0) {
        tt_error_runtime(err, NULL, TT_MSG(E_WEB_CANNOT_LISTEN_FMT), w->host, o->port);
        tt_web_stop(w);
        return NULL;
    }
    if (pthread_create(&w->thread, NULL, service_main, w) != 0) {
        tt_error_runtime(err, NULL, TT_MSG(E_WEB_CANNOT_START_THREAD));
        tt_web_stop(w);
        return NULL;
    }
    w->thread_on = true;
    return w;
}

int tt_web_port(const tt_web *w)
{
    return w->port;
}

int tt_web_fd(const tt_web *w)
{
    return w->efd;
}

bool tt_web_leave_requested(const tt_web *w)
{
    return w->leave;
}

void tt_web_finish(tt_web *w)
{
    /* Let the last records (the END) reach every page, for at most 2 s. */
    lws_cancel_service(w->ctx);
    for (int i = 0; i < 200; i++) {
        pthread_mutex_lock(&w->mu);
        bool pending = false;
        for (web_conn *c = w->conns; c && !pending; c = c->next)
            pending = has_pending(w, c);
        pthread_mutex_unlock(&w->mu);
        if (!pending)
            break;
        lws_cancel_service(w->ctx);
        usleep(10000);
    }
    pthread_mutex_lock(&w->mu);
    w->closed = true;
    pthread_mutex_unlock(&w->mu);
    web_seats_forget(w->links_path[0] ? w->links_path : NULL);
}

void tt_web_stop(tt_web *w)
{
    if (!w)
        return;
    if (w->thread_on) {
        w->stop = 1;
        lws_cancel_service(w->ctx);
        pthread_join(w->thread, NULL);
    }
    if (w->ctx)
        lws_context_destroy(w->ctx);
    for (size_t i = 0; i < w->n_hist; i++) {
        free(w->hist[i].json);
        free(w->hist[i].role);
        free(w->hist[i].to);
        free(w->hist[i].member);
    }
    free(w->hist);
    for (size_t r = 0; w->status && r <= w->sc->n_roles; r++)
        free(w->status[r]);
    free(w->status);
    for (size_t r = 0; w->menus && r < w->sc->n_roles; r++)
        free(w->menus[r]);
    free(w->menus);
    for (web_conn *c = w->conns, *next; c; c = next) {
        next = c->next;
        free_conn(c);
    }
    for (web_input *in = w->in_head, *next; in; in = next) {
        next = in->next;
        web_msg_free(&in->m);
        free(in);
    }
    free(w->hello_scenario);
    free(w->terms_json);
    free(w->seats);
    if (w->efd >= 0)
        close(w->efd);
    pthread_mutex_destroy(&w->mu);
    free(w);
}
