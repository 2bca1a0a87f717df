/* A small libwebsockets CLIENT for the protocol tests: tabletop.v1 sockets
 * and plain HTTP(S) GETs against a served drill, driven from the test's own
 * thread (a ticker thread only wakes the service loop). Every message a
 * socket receives is kept, parsed by jansson, so a test can wait for one
 * matching a pattern or assert that none ever came. */
#ifndef TT_TEST_WS_CLIENT_H
#define TT_TEST_WS_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

#include <jansson.h>

typedef struct wc_ctx wc_ctx;
typedef struct wc_conn wc_conn;

/* One client context (TLS ready: self-signed server certificates accepted). */
wc_ctx *wc_new(void);
void wc_free(wc_ctx *c);

/* Open the socket of a seat's join link (http://H:P/join/T -> ws://H:P/ws/T,
 * https -> wss) with the tabletop.v1 subprotocol. Waits up to timeout_ms for
 * the handshake; returns the connection (see wc_is_open) or NULL on OOM. */
wc_conn *wc_open(wc_ctx *c, const char *join_url, int timeout_ms);
bool wc_is_open(const wc_conn *k);
/* Did the server refuse or drop the connection? */
bool wc_failed(const wc_conn *k);

/* Queue a text message and service the loop until it is written. */
void wc_send(wc_ctx *c, wc_conn *k, const char *text);
/* The same for a JSON value (stolen). */
void wc_send_json(wc_ctx *c, wc_conn *k, json_t *msg);

/* The first message received so far (from index 0) that matches pattern:
 * every key of a pattern object matches in the message; a pattern array
 * matches when each of its elements matches some element; strings, numbers
 * and booleans are equal. Services the loop up to timeout_ms. NULL if none. */
json_t *wc_wait(wc_ctx *c, wc_conn *k, const char *pattern_json, int timeout_ms);
/* The last message received so far that matches (no waiting); NULL if none. */
json_t *wc_last(const wc_conn *k, const char *pattern_json);
/* Wait until at least n received messages match pattern. */
bool wc_wait_n(wc_ctx *c, wc_conn *k, const char *pattern_json, size_t n, int timeout_ms);
/* How many received messages match (no waiting). */
size_t wc_count(const wc_conn *k, const char *pattern_json);
/* Does any received message's compact JSON text contain needle? */
bool wc_saw_text(const wc_conn *k, const char *needle);
size_t wc_received(const wc_conn *k);

/* Service the loop for ms milliseconds. */
void wc_run(wc_ctx *c, int ms);
/* Close and wait until the server has seen it (then k is freed). */
void wc_close(wc_ctx *c, wc_conn *k);
/* Wait until the server closes k (true) or timeout_ms passes (false). */
bool wc_wait_closed(wc_ctx *c, wc_conn *k, int timeout_ms);

/* GET url over HTTP/1.1 (or HTTPS); *status is the response code (0 when
 * the connection failed), *body the body (malloc'd, NUL-terminated). */
int wc_http_get(wc_ctx *c, const char *url, int *status, char **body, int timeout_ms);

#endif
