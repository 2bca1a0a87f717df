/* Internal interface of the SDL dashboard: the view model (a pure function of
 * scenario + records up to a time), fonts and the text-texture cache, the
 * layout, and the renderer that draws one view. Live, replay and snapshot
 * modes only differ in where records and the clock come from. */
#ifndef TT_DASH_H
#define TT_DASH_H

#include <SDL.h>
#include <SDL_ttf.h>

#include "tabletop/dashboard.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"

/* ------------------------------------------------------------ view model */

typedef struct dash_objective {
    tt_objective_status status;
    tt_ms at;            /* when reached or missed */
    tt_ms target_at;     /* absolute simulated deadlines */
    tt_ms limit_at;
} dash_objective;

typedef struct dash_action {
    int taken;           /* ACTION records so far */
    tt_ms last_taken;    /* TT_MS_NEVER when never taken */
    tt_ms until;         /* when the last one applies */
    bool in_progress;    /* taken, its DONE not yet recorded */
    const char *role;    /* who took it last */
    const char *refused; /* last refusal reason (record text, current lang) */
} dash_action;

typedef struct dash_view {
    const tt_scenario *sc;
    tt_lang lang;
    tt_ms now;
    double speed;
    bool started, paused, ended;
    const char *end_status;         /* END record status or NULL */
    const tt_start_info *start;     /* START record payload or NULL */
    /* Feed: INJECT, MESSAGE, ACTION, DONE, REFUSED, NOTE, CUSTOM and
     * OBJECTIVE records in journal order (oldest first). */
    const tt_record **feed;         size_t n_feed, cap_feed;
    tt_kv *state;                   size_t n_state, cap_state;
    dash_objective *objectives;     /* sc->n_objectives */
    dash_action *actions;           /* sc->n_actions */
    tt_ms *actor_last;              /* sc->n_actors: last message time */
    tt_ms *role_last;               /* sc->n_roles: last action time */
    double score;                   /* scored.score */
    tt_score_summary scored;        /* the drill as if it ended now */
    tt_score_verdict *verdicts;     /* sc->n_objectives, tt_score_ended_now */
    size_t n_records;               /* records taken into account */
    /* Built incrementally: the next frame of the same records at a later
     * time applies only the records since (a frame costs the same at any
     * journal length); anything else rebuilds from the first record. */
    const tt_record *built_from;    /* the records array last built from */
    tt_ms built_at;
    tt_action_taken *taken;         size_t n_taken, cap_taken; /* ACTION records */
    tt_ms *reached;                 /* sc->n_objectives, for dash_score_now */
} dash_view;

void dash_view_init(dash_view *v);
/* v from the records with t <= at (records in journal order; records
 * already given are never changed, only appended). From the same array at
 * the same or a later time only the new records are applied; otherwise it
 * is rebuilt. Reuses v's arrays; -1 with err on allocation failure. */
int dash_view_build(dash_view *v, const tt_scenario *sc, const tt_record *recs,
                    size_t n, tt_ms at, tt_lang lang, tt_error *err);
void dash_view_free(dash_view *v);
/* Current value of a state key, or NULL. */
const tt_value *dash_view_state(const dash_view *v, const char *key);

/* Score the board's time as the end of the drill (tt_score_ended_now):
 * fills v->verdicts, v->scored and v->score. -1 when out of memory. */
int dash_score_now(dash_view *v);
/* Objective i's points and rating (tt_rating; TT_RATING_NA: not assessed)
 * if the drill ended at the board's time, and the board's score. */
int dash_objective_points(const dash_view *v, size_t i);
int dash_objective_rating(const dash_view *v, size_t i);
double dash_score(const dash_view *v);

/* Scenario indexes of the actions role index `role` may take, in scenario
 * order; returns the count (at most max). */
#define DASH_MAX_ACTIONS 256
size_t dash_role_actions(const tt_scenario *sc, int role, size_t *idx, size_t max);

/* Deep copy of a record into an arena (false on OOM). */
bool dash_record_copy(tt_arena *a, tt_record *dst, const tt_record *src);
/* A record could not be copied (out of memory): the board is incomplete. */
bool dash_feed_failed(const tt_dashboard_feed *f);

/* ------------------------------------------------------------ UI strings */

typedef tt_term dash_str;

const char *dash_s(dash_str s, tt_lang lang);

/* ------------------------------------------------------------ fonts/text */

typedef enum dash_font_id {
    F_SMALL, F_BODY, F_BODY_BOLD, F_TITLE, F_CLOCK, F__COUNT
} dash_font_id;

typedef struct dash_fonts {
    char path[1024], bold_path[1024];
    long index, bold_index;
    double scale;               /* 1.0 = sizes for 1280x720 */
    TTF_Font *f[F__COUNT];
} dash_fonts;

/* Find a Japanese-capable font through fontconfig ("Noto Sans CJK JP", then
 * any face with lang=ja); `path` overrides. -1 with err when none. */
int dash_fonts_find(dash_fonts *fs, const char *path, long index, tt_error *err);
/* (Re)open every size for a scale (1.0 = 1280x720); -1 with err. */
int dash_fonts_open(dash_fonts *fs, double scale, tt_error *err);
void dash_fonts_close(dash_fonts *fs);

/* Line breaking (dash_wrap.c): Latin between words, CJK between characters
 * with Japanese line-start / line-end rules. Returns the number of lines. */
typedef struct dash_line {
    size_t start, len;          /* bytes of the text */
} dash_line;
size_t dash_wrap(TTF_Font *f, const char *s, int width, dash_line *out, size_t max);
/* The text wrapped at width, as one ARGB surface (NULL on failure). */
SDL_Surface *dash_render_wrapped(TTF_Font *f, const char *s, SDL_Color col, int width);

typedef struct dash_text_entry dash_text_entry;

typedef struct dash_text_cache {
    SDL_Renderer *r;
    dash_fonts *fonts;
    dash_text_entry *slots;
    size_t cap, used;
    uint64_t frame;
    size_t bytes;               /* pixels held by the textures, 4 bytes each */
    uint64_t budget_frame;      /* last frame trimmed to the memory budget */
    size_t rasterized;          /* textures made so far (tests, bench); also
                                 * the source of dash_tex ids */
} dash_text_cache;

typedef struct dash_tex {
    SDL_Texture *tex;           /* NULL for empty text */
    int w, h;
    uint64_t id;                /* unique per texture made (display lists) */
} dash_tex;

int dash_text_init(dash_text_cache *c, SDL_Renderer *r, dash_fonts *fonts);
void dash_text_free(dash_text_cache *c);
void dash_text_clear(dash_text_cache *c);         /* after fonts reopen */
void dash_text_frame(dash_text_cache *c);         /* once per frame */
/* Texture of `text` in a font and colour, wrapped at wrap_w pixels when
 * wrap_w > 0 (word breaks for Latin, any character for CJK). Cached by
 * (text, font, colour, wrap). Returns false on failure (nothing drawn). */
bool dash_text_get(dash_text_cache *c, const char *text, dash_font_id f,
                   SDL_Color col, int wrap_w, dash_tex *out);

/* ------------------------------------------------------------ layout */

typedef enum dash_region {
    R_HEADER, R_FEED, R_STATE, R_DIAGRAM, R_OBJECTIVES, R_SCORE, R_ACTIONS,
    R_SCRUBBER, R__COUNT
} dash_region;

typedef struct dash_layout {
    int w, h;
    int pad;                    /* outer spacing, scales with size */
    SDL_Rect r[R__COUNT];       /* R_SCRUBBER is empty unless replaying */
} dash_layout;

void dash_layout_compute(dash_layout *l, int w, int h, bool scrubber);
const char *dash_region_name(dash_region r);

/* ------------------------------------------------------------ renderer */

typedef enum dash_mode { DASH_SNAPSHOT, DASH_LIVE, DASH_REPLAY } dash_mode;

#define DASH_MAX_BUTTONS 64

/* What a click can hit; filled while drawing. */
typedef enum dash_hit_kind {
    H_NONE, H_ROLE, H_ACTION, H_PAUSE, H_SPEED_DOWN, H_SPEED_UP, H_SKIP,
    H_END, H_SCRUB, H_FEED
} dash_hit_kind;

typedef struct dash_hit {
    dash_hit_kind kind;
    int index;
    SDL_Rect rect;
} dash_hit;

typedef struct dash_ui {
    dash_mode mode;
    int role;                   /* selected role index */
    int focus;                  /* focused action button (keyboard) */
    int hover_x, hover_y;
    bool confirm_end;           /* E pressed once */
    bool confirm_next;          /* N stopped before an open objective's limit */
    bool has_stop;              /* where the last N stopped (until another key) */
    tt_next_stop stop;
    size_t feed_skip;           /* newest feed items scrolled past (wheel) */
    size_t feed_seen;           /* feed length at the last frame */
    const bool *actor_waiting;  /* live: sc->n_actors, a reply is on its way */
    /* live: the facilitator typing a custom inject or a role's note */
    enum { INPUT_NONE, INPUT_INJECT, INPUT_NOTE } input;
    char input_text[1024];
    char input_editing[256];    /* IME composition not yet committed */
    /* live: availability per scenario action for the selected role */
    bool *can;                  /* sc->n_actions, or NULL = from records */
    tt_text *why;
    /* replay */
    tt_ms scrub_end;            /* timeline length */
    bool playing;
    double play_speed;
    const tt_record *recs;      /* for timeline marks */
    size_t n_recs;
    /* filled by the renderer */
    dash_hit hits[DASH_MAX_BUTTONS];
    size_t n_hits;
    /* live with web seats: the join link whose QR code covers the board
     * (-1: none), and where its modules were drawn (tests sample them) */
    int join_at;
    SDL_Rect join_rect;         /* the code's modules, quiet zone excluded */
    int join_module;            /* pixels per module */
    /* objective status chips as drawn (tests sample their colours) */
    SDL_Rect chips[32];
    size_t n_chips;
} dash_ui;

/* Text as a reader sees it on the board (dash_labels.c; tests only). */
typedef struct dash_label {
    char *full;                 /* the text asked for */
    char *shown;                /* what can be read ("…" where one is drawn,
                                 * lines joined by '\n') */
    bool cut;                   /* ellipsised, clipped, lines left out, or a
                                 * short form standing in for it */
    bool pick;                  /* a short form chosen (dash_label_pick) */
    SDL_Rect at;
} dash_label;

typedef struct dash_label_log {
    dash_label *items;
    size_t n, cap;
    bool failed;                /* out of memory: the log is incomplete */
} dash_label_log;

/* One drawing command of a frame's display list (dash_frame.c). */
typedef enum dash_cmd_kind { CMD_FILL, CMD_LINE, CMD_COPY } dash_cmd_kind;

typedef struct dash_cmd {
    uint8_t kind, region;
    bool clip_on;
    SDL_Color col;
    SDL_Rect a;                 /* fill: the rectangle; line: x1, y1, x2, y2;
                                 * copy: where */
    SDL_Rect src;               /* copy: from where in the texture */
    SDL_Rect clip;
    SDL_Rect bounds;            /* the pixels it can touch */
    SDL_Texture *tex;
    uint64_t tex_id;
} dash_cmd;

typedef struct dash_list {
    dash_cmd *cmds;
    size_t n, cap;
    bool failed;                /* out of memory: draw the frame whole */
} dash_list;

/* The regions of a frame's list: the layout's, then the page itself. */
#define DASH_REGIONS (R__COUNT + 1)

typedef struct dash_gfx {
    SDL_Renderer *r;
    dash_fonts fonts;
    dash_text_cache text;
    dash_layout layout;
    bool clip_on;               /* the clip set through dash_clip */
    SDL_Rect clip;
    dash_label_log *labels;     /* non-NULL: record every text drawn (tests) */
    /* Display list (dash_frame.c). retained: the target keeps its pixels
     * from one frame to the next, so only what changed is drawn again. */
    bool retained;
    bool recording;             /* inside dash_draw: commands are recorded */
    bool invalid;               /* the next frame is drawn whole */
    bool have_prev;
    int prev_w, prev_h;
    int region;                 /* region being recorded */
    int cur;                    /* lists[cur] is this frame's */
    dash_list lists[2];
    uint64_t damaged;           /* pixels drawn again so far (bench) */
} dash_gfx;

/* Colours of objective states (tests compare against these). */
extern const SDL_Color DASH_COL_BG, DASH_COL_PANEL, DASH_COL_REACHED,
    DASH_COL_OPEN, DASH_COL_OVERDUE, DASH_COL_MISSED, DASH_COL_TEXT,
    DASH_COL_DIM, DASH_COL_ACCENT, DASH_COL_LINE, DASH_COL_BUTTON,
    DASH_COL_DISABLED, DASH_COL_FOCUS;

int dash_gfx_init(dash_gfx *g, SDL_Renderer *r, const char *font_path,
                  long font_index, tt_error *err);
/* Follow a new output size (reopens fonts when the scale changes). */
int dash_gfx_resize(dash_gfx *g, int w, int h, bool scrubber, tt_error *err);
void dash_gfx_free(dash_gfx *g);

/* Clip drawing to r (NULL: the whole board). */
void dash_clip(dash_gfx *g, const SDL_Rect *r);
/* A texture (src NULL: all of it) at dst; a line. */
void dash_copy(dash_gfx *g, const dash_tex *t, const SDL_Rect *src, SDL_Rect dst);
void dash_draw_line(dash_gfx *g, int x1, int y1, int x2, int y2, SDL_Color c);

/* Display list (dash_frame.c): dash_draw records between begin and end;
 * end draws again only the pixels whose commands changed since the last
 * frame (all of them unless g->retained). */
void dash_frame_begin(dash_gfx *g);
void dash_frame_end(dash_gfx *g);
void dash_frame_free(dash_gfx *g);
void dash_rec_fill(dash_gfx *g, SDL_Rect r, SDL_Color c);
void dash_rec_line(dash_gfx *g, int x1, int y1, int x2, int y2, SDL_Color c);
void dash_rec_copy(dash_gfx *g, const dash_tex *t, const SDL_Rect *src, SDL_Rect dst);

/* Label log (dash_labels.c): a text drawn at x,y in font f, wrapped at
 * wrap_w (0: one line), its first max_lines lines (0: all) shown; for an
 * ellipsised line, shown_w pixels of it then "…". */
void dash_label_note(dash_gfx *g, const char *text, dash_font_id f, int x, int y,
                     int wrap_w, int max_lines, int shown_w, bool ellipsis);
/* A short form shown in place of full. */
void dash_label_note_pick(dash_gfx *g, const char *full, const char *shown);
void dash_label_log_clear(dash_label_log *l);
void dash_label_log_free(dash_label_log *l);
/* Pairs of different texts that read the same where at least one is cut:
 * fn (may be NULL) is called for each; returns how many. */
size_t dash_label_collisions(const dash_label_log *l,
                             void (*fn)(void *user, const dash_label *a, const dash_label *b),
                             void *user);

/* Draw the whole board for a view. */
void dash_draw(dash_gfx *g, const dash_view *v, dash_ui *ui);

/* Pieces of the board (dash_draw_*.c). */
void dash_draw_header(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r);
void dash_draw_feed(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r);
/* Head line, body and accent colour of one feed item (dash_draw_feed.c). */
void dash_feed_describe(const dash_view *v, const tt_record *r, char *head, size_t hn,
                        char *body, size_t bn, SDL_Color *col);
void dash_draw_state(dash_gfx *g, const dash_view *v, SDL_Rect r);
void dash_draw_diagram(dash_gfx *g, const dash_view *v, const dash_ui *ui, SDL_Rect r);
void dash_draw_objectives(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r);
void dash_draw_score(dash_gfx *g, const dash_view *v, SDL_Rect r);
void dash_draw_actions(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r);
void dash_draw_scrubber(dash_gfx *g, const dash_view *v, dash_ui *ui, SDL_Rect r);
/* The text being typed, across the bottom of r (live only). */
void dash_draw_input(dash_gfx *g, const dash_view *v, const dash_ui *ui, SDL_Rect r);
/* A join link's QR code over the whole board, with its label and link
 * (code i of n); records where the modules went in ui. */
void dash_draw_join(dash_gfx *g, const tt_join_code *code, size_t i, size_t n, tt_lang lang,
                    dash_ui *ui);

/* Drawing helpers (dash_draw.c). */
void dash_fill(dash_gfx *g, SDL_Rect r, SDL_Color c);
void dash_frame(dash_gfx *g, SDL_Rect r, SDL_Color c, int thickness);
/* Draw text at x,y (top-left); returns its height (0 if nothing). Clipped
 * to max_w when max_w > 0 and no wrap. */
int dash_text(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c, int x,
              int y, int wrap_w);
int dash_text_width(dash_gfx *g, const char *s, dash_font_id f);
/* One line cut at max_w pixels (no wrap); returns its height. */
int dash_text_fit(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c, int x,
                  int y, int max_w);
/* A scenario's name or label for a place max_w wide: the full text when it
 * fits, else the scenario's short form (API 1.1 `short`) when it gives one,
 * so two long labels are not cut to the same text. */
const char *dash_label_pick(dash_gfx *g, const tt_text *full, const tt_text *shorter,
                            tt_lang lang, dash_font_id f, int max_w);
/* Lines s takes wrapped at max_w (1 when it fits on one). */
int dash_text_line_count(dash_gfx *g, const char *s, dash_font_id f, int max_w);
/* A name for a box max_w wide and up to max_lines lines: the full text when
 * it fits in them (wrapping before cutting), else the scenario's short form
 * when it gives one, else the full text (cut on its last line); *lines (may
 * be NULL) gets the lines it takes, at most max_lines. */
const char *dash_label_fit(dash_gfx *g, const tt_text *full, const tt_text *shorter,
                           tt_lang lang, dash_font_id f, int max_w, int max_lines, int *lines);
/* Does s fit max_w in max_lines lines without breaking a Latin word? */
bool dash_label_fits(dash_gfx *g, const char *s, dash_font_id f, int max_w, int max_lines);
const char *dash_label_fit_str(dash_gfx *g, const char *full, const char *shorter,
                               dash_font_id f, int max_w, int max_lines, int *lines);
/* Text wrapped at wrap_w, showing at most max_lines lines (the last one
 * ellipsised when text is left out); returns height. */
int dash_text_lines(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c, int x,
                    int y, int wrap_w, int max_lines);
/* Text right-aligned so it ends at x_right. */
int dash_text_right(dash_gfx *g, const char *s, dash_font_id f, SDL_Color c,
                    int x_right, int y);
/* Panel background with a title; returns the content rectangle. */
SDL_Rect dash_panel(dash_gfx *g, SDL_Rect r, const char *title);
int dash_line_h(dash_gfx *g, dash_font_id f);
void dash_add_hit(dash_ui *ui, dash_hit_kind k, int index, SDL_Rect r);
/* Mouse wheel over the board: scrolls the feed when it is under the mouse. */
void dash_wheel(dash_ui *ui, const dash_hit *h, int dy);
int dash_px(const dash_gfx *g, int px_at_720);    /* scale a 720p length */

/* ------------------------------------------------------------ SDL setup */

/* TTF_Init (counted) and, unless headless, the video subsystem; each up is
 * paired with a down of the same kind. */
int dash_sdl_up(bool headless, tt_error *err);
void dash_sdl_down(bool headless);
/* Render one view at w x h on a software renderer into a new ARGB8888
 * surface (caller frees). NULL with err. */
SDL_Surface *dash_render_surface(const tt_scenario *sc, const tt_record *recs,
                                 size_t n, tt_ms at, int w, int h, tt_lang lang,
                                 const char *font_path, long font_index,
                                 dash_layout *layout_out, dash_ui *ui_out,
                                 tt_error *err);

/* ------------------------------------------------------------ windows */

typedef struct dash_app {
    SDL_Window *win;
    SDL_Renderer *ren;
    bool vsync;
    bool fullscreen;
    bool scrubber;
    dash_gfx g;
    uint64_t frame_start;       /* performance counter, for frame pacing */
    /* The board is drawn into this texture, which keeps its pixels between
     * frames (only what changed is drawn again, dash_frame.c), and copied
     * to the window on present; NULL when the renderer has no target
     * textures (then every frame is drawn whole). */
    SDL_Texture *board;
} dash_app;

/* Open a resizable window and a renderer (vsync where the driver has it). */
int dash_app_open(dash_app *a, const tt_dashboard_options *o, const char *title,
                  bool scrubber, tt_error *err);
/* Follow the window's output size and aim drawing at the board texture
 * (call once per frame, before drawing). */
int dash_app_sync(dash_app *a, tt_error *err);
/* Copy the board to the window, present, and keep to 60 frames per second
 * when there is no vsync. */
void dash_app_present(dash_app *a);
void dash_app_toggle_fullscreen(dash_app *a);
/* The hit under a mouse position given in window coordinates, or NULL. */
const dash_hit *dash_app_hit(const dash_app *a, const dash_ui *ui, int x, int y);
/* Mouse x (window coordinates) in output pixels. */
int dash_app_output_x(const dash_app *a, int x);
void dash_app_close(dash_app *a);

#endif
