/* Seats and their tokens: one per roster member (else one per role), the
 * facilitator and the observer. A token is 128 random bits (getrandom) in
 * hex, compared in constant time. Tokens are kept beside the journal in
 * JOURNAL.links (mode 0600, never in the journal) so a resumed drill
 * gives the same links; the file is removed when the exercise ends. */
#ifndef TABLETOP_WEB_SEATS_H
#define TABLETOP_WEB_SEATS_H

#include <stdbool.h>
#include <stddef.h>

#include "tabletop/inputs.h"

#define WEB_TOKEN_HEX 32

typedef enum seat_kind { SEAT_PLAYER, SEAT_FACILITATOR, SEAT_OBSERVER } seat_kind;

typedef struct web_seat {
    seat_kind kind;
    const char *role;          /* player: role id (scenario-owned) */
    const char *member;        /* player: roster member or NULL */
    char token[WEB_TOKEN_HEX + 1];
    int connections;           /* open sockets (server thread, under the lock) */
} web_seat;

/* Seat 0 is the facilitator, 1 the observer, then the players. */
int web_seats_make(web_seat **out, size_t *n, const tt_scenario *sc, const tt_roster *roster,
                   const char *links_path, bool reuse, tt_error *err);
/* Index of the seat holding `token` (exactly WEB_TOKEN_HEX hex digits), or -1.
 * Every seat is compared in full, so the time says nothing about the token. */
int web_seat_find(const web_seat *seats, size_t n, const char *token, size_t len);
/* Remove the links file (the exercise ended). */
void web_seats_forget(const char *links_path);

#endif
