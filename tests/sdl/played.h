/* A scenario played to its end for dashboard tests: from a file or a
 * buffer, with an answer script when one is given; records kept in a feed. */
#ifndef TT_TEST_SDL_PLAYED_H
#define TT_TEST_SDL_PLAYED_H

#include "dash.h"
#include "tabletop/script.h"

typedef struct played {
    tt_script *script;
    tt_dashboard_feed *feed;
    tt_exercise *ex;
    const tt_record *recs;
    size_t n;
} played;

void play(played *p, const char *path, const char *buf, const char *answers);
void unplay(played *p);
/* Calls fn for every scenario in TT_SOURCE_DIR/scenarios, played with its
 * model answer; returns how many. */
size_t play_every_scenario(void (*fn)(void *user, const char *id, const played *p), void *user);

#endif
