/* The SDL2 facilitator dashboard: a projector window for a live drill, a
 * timeline scrubber to review a journal, and headless PNG snapshots.
 * All three draw one view model built from journal records ("records up to
 * T -> view"), so live, replay and snapshot share one renderer.
 * Reference: docs/dashboard.md. */
#ifndef TABLETOP_DASHBOARD_H
#define TABLETOP_DASHBOARD_H

#include "tabletop/exercise.h"
#include "tabletop/qr.h"
#include "tabletop/inputs.h"
#include "tabletop/journal.h"
#include "tabletop/module.h"
#include "tabletop/scenario.h"

typedef struct tt_dashboard_options {
    tt_lang lang;
    int width, height;        /* initial window size; 0 = 1280x720 */
    bool fullscreen;
    const char *font_path;    /* a font file instead of the fontconfig lookup */
    long font_index;          /* face index inside font_path (.ttc) */
    bool close_on_end;        /* live: return as soon as the exercise ends
                                 (else the final board stays up until a key) */
    int max_frames;           /* > 0: return after that many frames (tests) */
    /* Live rehearsal: an action script played in real time (may be NULL);
     * each step is taken at exactly its simulated time. */
    const tt_action_script *script;
    size_t script_from;       /* first step to play (resume skips done ones) */
    const tt_roster *roster;  /* may be NULL: names the member who acted */
    tt_input_pump extra;      /* optional (pump NULL): e.g. the web seats */
    /* The web seats' join links with their QR codes (may be NULL): J shows
     * them one by one over the board (for the projector); join_shown shows
     * the first from the start. */
    const tt_join_code *join;
    size_t n_join;
    bool join_shown;
} tt_dashboard_options;

void tt_dashboard_options_default(tt_dashboard_options *o);

/* ---- Live drills ----
 * The dashboard sees what happens through the exercise's record sink: create
 * a feed, and pass tt_dashboard_feed_sink / the feed as the exercise config's
 * `sink` / `sink_user` before tt_exercise_new. The feed copies each record. */
typedef struct tt_dashboard_feed tt_dashboard_feed;

tt_dashboard_feed *tt_dashboard_feed_new(void);           /* NULL on OOM */
void tt_dashboard_feed_sink(void *feed, const tt_record *r);
void tt_dashboard_feed_free(tt_dashboard_feed *feed);
/* Resume: a restored exercise does not send the records its journal already
 * holds to the sink, so load them first — call this with the journal BEFORE
 * tt_exercise_restore(), then pass the feed as the restore's sink. 0 ok,
 * -1 on out of memory. */
int tt_dashboard_feed_load(tt_dashboard_feed *feed, const tt_journal *j);
/* Records received so far (valid until the next record or free). */
const tt_record *tt_dashboard_feed_records(const tt_dashboard_feed *feed,
                                           size_t *n);

/* Open a window and run the drill: starts the exercise when it is still
 * ready (a restored, paused one stays paused until the facilitator resumes
 * it, unless o->script drives it), ticks the clock, takes actions from
 * buttons and keys, and lets the facilitator type injects and notes.
 * Returns when the exercise has ended (at once with close_on_end, else when
 * the facilitator closes the final board) or the window is closed (the
 * exercise is then left as it is: its journal can be resumed or ended by the
 * caller). 0 ok, -1 with err (no display, SDL or exercise failure). */
int tt_dashboard_drive(tt_exercise *ex, tt_dashboard_feed *feed,
                       const tt_dashboard_options *o, tt_error *err);

/* ---- After the fact ----
 * Replay a journal in a window with a timeline scrubber. */
int tt_dashboard_replay(const tt_scenario *sc, const tt_journal *j,
                        const tt_dashboard_options *o, tt_error *err);

/* Render the board as it stood at simulated time `at` (records with t <= at)
 * off-screen, w x h pixels (0 = 1920x1080), and write it as PNG. Needs no
 * display and no video driver: a software renderer draws into a surface.
 * The font is found through fontconfig; TT_DASHBOARD_FONT names a file
 * instead. */
int tt_dashboard_snapshot(const tt_scenario *sc, const tt_journal *j, tt_ms at,
                          int w, int h, tt_lang lang, const char *png_path,
                          tt_error *err);

/* "1920x1080" -> 1920, 1080 (320x240 .. 7680x4320); false with why otherwise. */
bool tt_dashboard_parse_size(const char *text, int *w, int *h, char *why,
                             size_t why_size);

/* ---- The module ----
 * The program links only the two functions above (no SDL); the rest lives in
 * dashboard.so (include/tabletop/module.h), whose table is this. */
typedef struct tt_dashboard_api {
    tt_module_head head;
    tt_dashboard_feed *(*feed_new)(void);
    void (*feed_sink)(void *feed, const tt_record *r);
    void (*feed_free)(tt_dashboard_feed *feed);
    int (*feed_load)(tt_dashboard_feed *feed, const tt_journal *j);
    int (*drive)(tt_exercise *ex, tt_dashboard_feed *feed, const tt_dashboard_options *o,
                 tt_error *err);
    int (*replay)(const tt_scenario *sc, const tt_journal *j, const tt_dashboard_options *o,
                  tt_error *err);
    int (*snapshot)(const tt_scenario *sc, const tt_journal *j, tt_ms at, int w, int h,
                    tt_lang lang, const char *png_path, tt_error *err);
} tt_dashboard_api;

/* The loaded module's table, or NULL with err (module.h). */
static inline const tt_dashboard_api *tt_dashboard_module(tt_lang lang, tt_error *err)
{
    return tt_module_api(TT_MODULE_DASHBOARD, sizeof(tt_dashboard_api), lang, err);
}

#endif
