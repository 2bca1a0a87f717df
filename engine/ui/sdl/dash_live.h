/* Internal to the live board (dash_live*.c): its state and the pieces the
 * loop, the typing of injects/notes and the script rehearsal share. */
#ifndef TT_DASH_LIVE_H
#define TT_DASH_LIVE_H

#include "dash.h"

#define WHY_MAX 256

typedef struct live {
    tt_exercise *ex;
    tt_dashboard_feed *feed;
    const tt_scenario *sc;
    dash_app app;
    dash_view view;
    dash_ui ui;
    tt_lang lang;
    char *why_buf;              /* n_actions * 2 * WHY_MAX: copies of reasons */
    bool *waiting;              /* per actor: a reply is on its way */
    tt_pending *pending;        /* scratch for tt_exercise_pending */
    size_t n_pending_cap;
    bool quit;
    bool swallow_text;          /* ignore the text of the key that opened input */
    const tt_dashboard_options *o;
    size_t next_step;           /* next action-script step to play */
    tt_ms anchor_sim;           /* clock reading at anchor_wall */
    int64_t anchor_wall;
} live;



/* Remember where the clock stood (after start/resume/speed/skip/tick). */
void live_anchor(live *L, int64_t wall);
/* Roster member holding a role, from the START record (NULL if none). */
const char *live_member_for(const live *L, const char *role);

/* Rehearsal (dash_live_script.c): take the script steps due by wall w. */
int live_play_due_steps(live *L, int64_t w, tt_error *err);

/* Typing (dash_live_input.c). */
void live_input_open(live *L, int mode);
void live_on_text(live *L, const char *text);
int live_on_input_key(live *L, const SDL_KeyboardEvent *k, tt_error *err);

#endif
