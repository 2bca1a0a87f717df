/* The tabletop.v1 messages (docs/protocol.md): decoding what a page sends,
 * encoding records for the pages. No sockets here, so the decoder can be
 * fuzzed on its own (tests/fuzz). */
#ifndef TABLETOP_WEB_PROTO_H
#define TABLETOP_WEB_PROTO_H

#include <stdbool.h>
#include <stddef.h>

#include "tabletop/record.h"
#include "tabletop/scenario.h"

#define WEB_PROTOCOL "tabletop.v1"
#define WEB_MAX_FRAME (64 * 1024)     /* a bigger message is refused */
#define WEB_MAX_TEXT 4000             /* bytes of a note, answer or inject */
#define WEB_MAX_ID 128

typedef enum web_msg_kind {
    WM_PING, WM_ACT, WM_NOTE, WM_ANSWER,                 /* players */
    WM_CANCEL, WM_REPLY,                                 /* players (API 1.1) */
    WM_PAUSE, WM_RESUME, WM_SPEED, WM_NEXT, WM_INJECT, WM_END   /* facilitator */
} web_msg_kind;

typedef struct web_msg {
    web_msg_kind kind;
    char action[WEB_MAX_ID];   /* act, cancel, reply: action id ("" when given by number) */
    int number;                /* act: menu number (0 = by id) */
    char inject[WEB_MAX_ID];   /* answer */
    int question;              /* answer: 0-based */
    char to[WEB_MAX_ID];       /* inject: role ("" = everyone) */
    char member[256];          /* inject: one member of `to` ("" = the role) */
    double speed;              /* speed */
    bool pass_limit;           /* next: the facilitator confirmed passing a limit */
    char *text;                /* note, answer, inject, act (note); malloc'd or NULL */
} web_msg;

/* 0 ok; -1 with a short English reason in why (the code in *code:
 * "bad_json", "bad_message", "unknown_type", "too_long"). */
int web_msg_decode(const char *data, size_t len, web_msg *out, const char **code,
                   char *why, size_t why_size);
void web_msg_free(web_msg *m);

/* {"type":"event","record":{...}}: a record as the pages read it; NULL on OOM. */
char *web_record_json(const tt_record *r);

#endif
