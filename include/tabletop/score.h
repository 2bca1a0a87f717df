/* Post-exercise scorecard: a pure function of (scenario model, journal),
 * written as HTML, Markdown or JSON, and the drill history (SQLite) that lets
 * a team compare itself with its earlier runs. Formulas, rating rules and the
 * JSON schema are documented in docs/scorecard.md.
 *
 * The one call a front-end needs at the end of an exercise is
 * tt_score_after_exercise() (bottom of this file). */
#ifndef TABLETOP_SCORE_H
#define TABLETOP_SCORE_H

#include "tabletop/journal.h"
#include "tabletop/scenario.h"

/* HSEEP evaluation ratings (FACTS F13), best first. */
typedef enum tt_rating {
    TT_RATING_P,   /* performed without challenges */
    TT_RATING_S,   /* performed with some challenges */
    TT_RATING_M,   /* performed with major challenges */
    TT_RATING_U,   /* unable to be performed */
    TT_RATING_NA   /* not assessed: the drill ended before its limit, unreached */
} tt_rating;

const char *tt_rating_letter(tt_rating r);            /* "P", "S", "M", "U", "N/A" */
bool tt_rating_parse(const char *letter, tt_rating *out);
/* The letter as a name part (HTML/SVG classes): "P" ... "U", "NA". */
const char *tt_rating_key(tt_rating r);
const char *tt_rating_name(tt_rating r, tt_lang lang); /* "Performed without challenges" */

typedef enum tt_card_format { TT_CARD_HTML, TT_CARD_MD, TT_CARD_JSON } tt_card_format;

/* Format from a file name's extension (.html/.htm, .md, .json); false otherwise. */
bool tt_card_format_from_path(const char *path, tt_card_format *out);

/* ---- Rules (pure; documented in docs/scorecard.md) ---- */

/* Rating of one objective from when it was reached (TT_MS_NEVER = not
 * reached), its target and limit, and the number of harmful actions started
 * before it was reached. */
tt_rating tt_score_rate(tt_ms reached, tt_ms target, tt_ms limit, size_t harmful);
/* Score 0-100 of one objective; wasted = wasted actions started before it
 * was reached. */
int tt_score_points(tt_ms reached, tt_ms target, tt_ms limit, size_t harmful,
                    size_t wasted);
/* Overall rating from the overall score and the objectives' ratings
 * (TT_RATING_NA entries are left out; NA when every entry is). */
tt_rating tt_score_overall_rating(int score, const tt_rating *ratings, size_t n);

/* ---- The drill ended now ----
 * The one rule set for a drill ending at `now`, whatever ended it: the card
 * (scored at its END), the terminal's /status and the dashboard's live
 * score all call it, so they cannot disagree (docs/scorecard.md, "Ending
 * early"):
 *   - an objective reached is rated and scored as on the card
 *     (tt_score_rate, tt_score_points, counting the harmful and wasted
 *     actions started before it);
 *   - one not reached whose limit has passed (now >= limit, or now is the
 *     scenario's end) is U, 0 points;
 *   - one not reached whose limit has not passed is not assessed
 *     (TT_RATING_NA, score 0): left out of the score.
 * The overall score is the rounded mean of the assessed objectives (0 when
 * none is), its rating tt_score_overall_rating of theirs. */
typedef struct tt_score_verdict {
    tt_rating rating;          /* TT_RATING_NA: not assessed */
    int score;                 /* 0 when not assessed */
    size_t harmful_before;     /* harmful actions started before it was reached */
    size_t wasted_before;
} tt_score_verdict;

typedef struct tt_score_summary {
    int score;                 /* 0-100 over the assessed objectives */
    tt_rating rating;          /* TT_RATING_NA when nothing is assessed */
    size_t n_assessed;
    size_t n_not_assessed;
    size_t n_unable;           /* rated U: never show such a score as good */
} tt_score_summary;

/* reached_at: per scenario objective, when it was reached (TT_MS_NEVER: not
 * reached). taken: the actions started so far (any order; only harmful and
 * wasted ones count). verdicts: NULL, or one per objective. */
void tt_score_ended_now(const tt_scenario *sc, tt_ms now, const tt_ms *reached_at,
                        const tt_action_taken *taken, size_t n_taken,
                        tt_score_verdict *verdicts, tt_score_summary *out);

/* How a live score may be coloured, one rule for every front-end (the
 * dashboard's number, the web pages): never good while an objective is
 * rated U; NONE while nothing is assessed (no number is shown). */
typedef enum tt_score_tone {
    TT_TONE_NONE,
    TT_TONE_GOOD,      /* >= 80, nothing U */
    TT_TONE_FAIR,      /* >= 50 */
    TT_TONE_POOR
} tt_score_tone;

tt_score_tone tt_score_summary_tone(const tt_score_summary *s);
const char *tt_score_tone_key(tt_score_tone t);   /* "none" "good" "fair" "poor" */

/* ---- The scorecard model ---- */

typedef struct tt_score_objective {
    const tt_objective *def;   /* borrowed from the scenario */
    bool reached;
    tt_ms reached_at;          /* from the incident's start; TT_MS_NEVER */
    bool noticed;              /* the notice inject fired (always true without one) */
    tt_ms notice_at;           /* the team's first notice (0 without a notice inject) */
    tt_ms from_notice;         /* reached_at - notice_at; TT_MS_NEVER when unknown */
    bool missed;               /* the engine recorded its limit passing */
    const char *action;        /* action that completed it, or NULL */
    const char *role;          /* role that took that action, or NULL */
    size_t harmful_before;
    size_t wasted_before;
    tt_rating rating;          /* TT_RATING_NA: not assessed (tt_score_ended_now) */
    int score;                 /* 0 when not assessed */
} tt_score_objective;

/* Headline per phase: when its first objective was reached (the first
 * containment, report, recovery) against that objective's target, and when
 * the phase was complete (all its objectives reached) against the latest
 * of their targets. */
typedef struct tt_score_phase {
    tt_objective_phase phase;
    size_t n_objectives;       /* 0: the scenario has none in this phase */
    size_t n_reached;
    tt_ms reached_at;          /* completion: last of them; TT_MS_NEVER unless all reached */
    tt_ms from_notice;         /* completion from the earliest notice of them; or NEVER */
    tt_ms target;              /* completion's target: the latest of their targets */
    const tt_objective *first; /* the first reached, or NULL */
    tt_ms first_at;            /* when; TT_MS_NEVER */
} tt_score_phase;

typedef struct tt_score_bad_action {
    const tt_action *def;
    tt_ms at;
    const char *role;
    const char *member;
    bool harmful;              /* else wasted */
    tt_ms cost;                /* minutes lost: the action's duration (journaled `until`) */
    tt_text why;               /* the scenario's reason (1.1: the one its function gave) */
} tt_score_bad_action;

typedef struct tt_score_damage {
    const tt_metric *def;
    bool known;                /* a value was found (START state or STATE) */
    tt_value final;            /* last value in the journal */
} tt_score_damage;

typedef struct tt_score_lesson {
    const tt_lesson *def;
    bool covered;
    const char *action;        /* first action that covered it */
    const char *role;
    tt_ms at;
} tt_score_lesson;

typedef struct tt_score_history {
    const tt_history_item *def;
    tt_ms team_at;             /* when the team took the same action; NEVER */
} tt_score_history;

typedef struct tt_score_role {
    const char *id;
    const tt_role *def;        /* NULL for a role unknown to the scenario */
    const char *members;       /* "Sato, Suzuki" from the roster, or NULL */
    size_t actions;            /* actions started */
    size_t objectives;         /* objectives its actions completed */
    size_t harmful;
    size_t wasted;
    size_t refused;
    size_t notes;              /* NOTE records and action notes */
    tt_ms busy;                /* sum of its actions' `takes` */
} tt_score_role;

/* A timeline entry (injects, messages, actions, objectives, notes). */
typedef enum tt_score_event_kind {
    TT_EV_INJECT, TT_EV_MESSAGE, TT_EV_CUSTOM, TT_EV_ACTION, TT_EV_REFUSED,
    TT_EV_OBJECTIVE, TT_EV_NOTE,
    /* API 1.1 */
    TT_EV_CANCEL,              /* an action cancelled in progress (status "refused": could not) */
    TT_EV_DECLINED,            /* an actor refused a request: from, text */
    TT_EV_ASKED,               /* an actor asked before going on: from, text */
    TT_EV_REPLY                /* the team's answer to it: note */
} tt_score_event_kind;

typedef struct tt_score_event {
    tt_score_event_kind kind;
    tt_ms t;
    const char *id;            /* inject/action/objective id */
    const char *role;
    const char *member;
    const char *from;
    const char *to;            /* inject/message/custom: recipients, NULL = everyone (API 1.1:
                                  several roles joined by ',', see tt_to_includes) */
    const char *status;        /* objective: reached | missed */
    const char *note;          /* action or NOTE note */
    tt_text text;              /* inject/message/custom text, refusal reason */
    const tt_text *questions;  size_t n_questions;
    tt_ms until;               /* action: when its effect was due */
} tt_score_event;

/* A discussion question's answer (the hot wash), in journal order. */
typedef struct tt_score_answer {
    tt_ms t;
    const char *inject;        /* inject id the question belongs to */
    tt_text question;
    const char *role;
    const char *member;        /* may be NULL */
    const char *answer;
} tt_score_answer;

typedef enum tt_priority { TT_PRIORITY_HIGH, TT_PRIORITY_MEDIUM, TT_PRIORITY_LOW } tt_priority;
const char *tt_priority_name(tt_priority p, tt_lang lang);
const char *tt_priority_key(tt_priority p);   /* "high" | "medium" | "low" */
/* Days to complete a corrective action of this priority: 30, 90, 180. */
int tt_priority_due_days(tt_priority p);

/* One row of the improvement plan (AAR/IP). Texts hold both languages. */
typedef struct tt_score_finding {
    tt_text finding;
    tt_text recommendation;
    const char *owner;         /* role id */
    tt_priority priority;
    const char *objective;     /* related objective id or NULL */
    const char *lesson;        /* related lesson id or NULL */
    tt_text capability;        /* the core capability exercised (from the objective), may be empty */
} tt_score_finding;

/* An earlier run of the same team and scenario (from the history DB). */
typedef struct tt_score_trend {
    const char *when;          /* ISO date (exercise date, else recording date) */
    int score;
    tt_rating rating;
    bool complete;
} tt_score_trend;

typedef struct tt_scorecard {
    tt_arena arena;
    const tt_scenario *scenario;   /* borrowed */
    const tt_journal *journal;     /* borrowed; NULL when built record by record */
    const tt_start_info *start;    /* from the journal */
    const char *journal_path;      /* may be NULL */
    const char *journal_hash;      /* sha256 hex of the journal file, may be NULL */

    bool incomplete;               /* torn, or no END record */
    bool torn;
    bool ended;
    const char *end_status;        /* END status or NULL */
    bool hash_mismatch;            /* START hash differs from the scenario's */
    tt_ms duration;                /* END time, else the last record's */
    size_t n_records;

    int score;                     /* over the assessed objectives */
    tt_rating rating;              /* TT_RATING_NA when none was assessed */
    size_t n_not_assessed;         /* ended before their limit, unreached */
    bool early;                    /* ended (END) before the scenario's length with
                                      objectives still open: the card's banner */
    tt_ms length;                  /* the scenario's length */
    tt_score_objective *objectives;  size_t n_objectives;
    tt_score_phase phases[3];        /* isolate, report, recover */
    tt_score_bad_action *bad;        size_t n_bad;
    tt_ms harmful_cost, wasted_cost;
    tt_score_damage *damage;         size_t n_damage;
    tt_score_lesson *lessons;        size_t n_lessons;
    tt_score_history *history;       size_t n_history;
    tt_score_role *roles;            size_t n_roles;
    tt_score_event *events;          size_t n_events;
    tt_score_answer *answers;        size_t n_answers;
    tt_score_finding *findings;      size_t n_findings;
    tt_score_trend *trend;           size_t n_trend;   /* oldest first */
    tt_text *warnings;               size_t n_warnings;
    struct tt_score_feed *feed;      /* internal: what building keeps */
} tt_scorecard;

/* Build the card. `sc` and `j` must outlive it. journal_path and
 * journal_hash may be NULL. Returns -1 (bad input) when the journal has no
 * START record or is for another scenario; err says why. */
int tt_scorecard_build(tt_scorecard *card, const tt_scenario *sc,
                       const tt_journal *j, const char *journal_path,
                       const char *journal_hash, tt_error *err);
void tt_scorecard_free(tt_scorecard *card);
/* The early-end banner ("ended at +1:30:00 of 4:00:00, 2 objectives not
 * assessed") in `lang` into buf; false (buf "") when the card has none. */
bool tt_scorecard_banner(const tt_scorecard *card, tt_lang lang, char *buf, size_t size);

/* The same card built one record at a time, holding only what the card
 * shows: begin with the START record, add every later record in journal
 * order, finish (torn: the journal's last record was dropped). With `copy`
 * the card copies what it keeps, so each record may go as soon as it was
 * added (a journal of any size scores in bounded memory); without, the
 * records must outlive the card. On failure the card is freed. */
int tt_scorecard_begin(tt_scorecard *card, const tt_scenario *sc, const tt_record *start,
                       bool copy, const char *journal_path, const char *journal_hash,
                       tt_error *err);
int tt_scorecard_add(tt_scorecard *card, const tt_record *r, tt_error *err);
int tt_scorecard_finish(tt_scorecard *card, bool torn, tt_error *err);
/* Score the rest of a journal read record by record (`start`: its first
 * record, already read from `in`). */
int tt_scorecard_build_file(tt_scorecard *card, const tt_scenario *sc,
                            tt_journal_stream *in, const tt_record *start,
                            const char *journal_path, const char *journal_hash,
                            tt_error *err);
/* Open, read record by record and score a journal file. */
int tt_scorecard_read_file(tt_scorecard *card, const tt_scenario *sc, const char *journal_path,
                           const char *journal_hash, tt_error *err);
/* The same, with the journal's hash (card->journal_hash) taken from the
 * same reads: the file is read once. */
int tt_scorecard_read_file_hashed(tt_scorecard *card, const tt_scenario *sc,
                                  const char *journal_path, tt_error *err);
/* The improvement plan's owner of a finding: the roster member(s) holding
 * its role ("Sato, Suzuki"), else the role's name; never empty. */
const char *tt_scorecard_owner(const tt_scorecard *card, const tt_score_finding *f,
                               tt_lang lang);
/* Its absolute due date, local: the exercise's date (else today) plus the
 * priority's days ("2026-12-27"). */
void tt_scorecard_due_date(const tt_scorecard *card, const tt_score_finding *f, char *buf,
                           size_t size);
/* Add a warning shown on the card (both languages copied). */
int tt_scorecard_warn(tt_scorecard *card, const char *ja, const char *en);

/* Render to a malloc'd NUL-terminated string (*len set when not NULL). */
char *tt_scorecard_render(const tt_scorecard *card, tt_card_format fmt,
                          tt_lang lang, size_t *len, tt_error *err);
/* Render and write atomically (temporary file then rename). */
int tt_scorecard_write(const tt_scorecard *card, const char *path,
                       tt_card_format fmt, tt_lang lang, tt_error *err);

/* sha256 hex of a file's bytes. */
int tt_score_file_hash(const char *path, char out[65], tt_error *err);
/* The same taken while the file is read: tt_journal_stream_tap(stream,
 * tt_score_hash_tap, h); the hex once the stream has reached its end. */
typedef struct tt_score_hash tt_score_hash;
tt_score_hash *tt_score_hash_new(void);
void tt_score_hash_tap(void *h, const void *bytes, size_t n);
void tt_score_hash_hex(tt_score_hash *h, char out[65]);
void tt_score_hash_free(tt_score_hash *h);
/* The same for a regular file of at most max_bytes; anything else (a
 * device such as /dev/zero, a FIFO, a directory, a bigger file) is an error
 * found without reading it. */
int tt_score_file_hash_bounded(const char *path, size_t max_bytes, char out[65],
                               tt_error *err);

/* ---- Drill history: SQLite file or PostgreSQL server ----
 * The same schema and migrations on both (docs/results.md). A store is
 * named by a "spec": a SQLite file path, or a postgresql:// (postgres://)
 * URI under libpq's rules. */

typedef struct tt_history tt_history;

#define TT_HISTORY_SCHEMA_VERSION 5

typedef enum tt_store_kind { TT_STORE_SQLITE, TT_STORE_PG } tt_store_kind;
/* Why a store could not be used. */
typedef enum tt_store_failure {
    TT_STORE_OK,
    TT_STORE_UNREACHABLE,   /* server down or network gone: may pass */
    TT_STORE_REFUSED,       /* wrong password/user/database, bad URI, newer schema */
    TT_STORE_ERROR          /* anything else (disk, SQL) */
} tt_store_failure;

/* A postgresql:// or postgres:// URI. */
bool tt_store_is_uri(const char *spec);
/* The store to use: `flag` (--db) when given, else $TABLETOP_DB when set and
 * not empty, else NULL (the default SQLite file). */
const char *tt_history_spec(const char *flag);

/* $XDG_DATA_HOME/tabletop/history.sqlite3, default
 * ~/.local/share/tabletop/history.sqlite3. */
int tt_history_default_path(char *buf, size_t size, tt_error *err);
/* Open (creating the file and its folder, migrating the schema). NULL path =
 * the default. Safe with concurrent writers (WAL, busy timeout). */
tt_history *tt_history_open(const char *path, tt_error *err);
/* Open any spec (NULL = the default SQLite file). TT_HISTORY_EXISTING: a
 * SQLite file must exist already. *why (may be NULL) says why it failed.
 * Messages never contain a password. */
#define TT_HISTORY_EXISTING 1u
tt_history *tt_history_open_spec(const char *spec, unsigned flags, tt_store_failure *why,
                                 tt_error *err);
void tt_history_close(tt_history *h);
/* Start opening the SQLite history that tt_history_open_spec will open for
 * `db_flag` (as tt_history_spec takes it) in a thread, while the caller
 * reads the journal; the next open of that file takes the connection.
 * Only an existing file of the current schema is opened ahead; anything
 * else (a postgresql:// store, no file, any failure) is left to the open
 * itself, with its messages. Never fails; a connection not taken is closed
 * at exit. */
void tt_history_open_ahead(const char *db_flag);
/* `score`: look for the trend memo's entry for the journal at
 * `journal_path` and the SQLite history `db_flag` names (as
 * tt_history_spec takes it). True when one is likely to give the trend
 * (the history then need not be opened ahead); tt_score_history_step uses
 * it only for the same journal hash, team and scenario and an unchanged
 * history file, else reads the history as always. docs/drills.md. */
bool tt_history_memo_prepare(const char *db_flag, const char *journal_path);
/* Whether `h` is the connection tt_history_open_ahead opened. */
bool tt_history_opened_ahead(const tt_history *h);
int tt_history_schema_version(tt_history *h);
tt_store_kind tt_history_kind(const tt_history *h);
/* The store's name for messages: the path, or the URI without password. */
const char *tt_history_name(const tt_history *h);

/* Record a scored exercise, keyed by the journal's content hash (the card
 * must have one): recording the same journal again changes nothing
 * (*inserted = false). */
int tt_history_record(tt_history *h, const tt_scorecard *card, bool *inserted,
                      tt_error *err);
/* The same, with the offline mark: sync_state NULL (kept here only),
 * "pending" (not yet sent to the central server) or "sent". */
int tt_history_record_marked(tt_history *h, const tt_scorecard *card, const char *sync_state,
                             bool *inserted, tt_error *err);
/* Fill card->trend with the same team's earlier runs of the same scenario
 * (recorded before this journal, or all when it is not recorded). */
int tt_history_fill_trend(tt_history *h, tt_scorecard *card, tt_error *err);

typedef struct tt_history_row {
    int64_t id;
    char *scenario;
    char *team;              /* "" when the run had no team */
    char *when;              /* exercise date, else recording date */
    char *journal;
    int score;
    tt_rating rating;
    bool complete;
    tt_ms duration;
    uint64_t seed;
    char *organisation;      /* "" when none */
    char *sync_state;        /* NULL, "pending" or "sent" */
    tt_ms length;            /* the scenario's length (0: recorded before schema 5) */
    size_t not_assessed;     /* objectives not assessed (ended early) */
    bool ended_early;        /* ended before its length with objectives open */
} tt_history_row;

/* Which exercises a listing or report covers (NULL fields = any). `since`
 * is an ISO date compared with the exercise's date. */
typedef struct tt_history_filter {
    const char *team;
    const char *scenario;
    const char *organisation;
    const char *since;
} tt_history_filter;

/* Past exercises, oldest first, filtered by team and/or scenario (NULL = any). */
int tt_history_list(tt_history *h, const char *team, const char *scenario,
                    tt_history_row **rows, size_t *n, tt_error *err);
int tt_history_list_filtered(tt_history *h, const tt_history_filter *f,
                             tt_history_row **rows, size_t *n, tt_error *err);
void tt_history_rows_free(tt_history_row *rows, size_t n);

/* ---- Loading a journal's scenario ---- */

struct tt_script;
/* A journal is input like any other: its START record's `path` is used only
 * when the file there has the content hash the journal recorded (checked
 * before the file runs), and its scenario id only when it is a plain id
 * ([a-z0-9-]), never a path. */
bool tt_score_start_path_matches(const tt_start_info *start);
bool tt_score_is_scenario_id(const char *id);

/* Load the scenario a journal was run with: the START record's `path` when
 * its hash matches, else that file edited (same id; *hash_differs is set),
 * else `search_dir`/<id>.lua (search_dir may be NULL).
 * *hash_differs (may be NULL) tells whether the file's content hash differs
 * from the journal's. */
struct tt_script *tt_score_load_scenario(const tt_journal *j,
                                         const char *search_dir,
                                         bool *hash_differs, tt_error *err);

/* The scenario file a journal names, edited since the exercise ran: loaded
 * when it is still a regular .lua file holding the journal's scenario id,
 * else NULL (quietly: the caller falls back to the id). */
struct tt_script *tt_score_load_edited(const tt_start_info *start);

/* Scenario folder used when a journal's own path is gone:
 * $TABLETOP_SCENARIOS, else the one the program was built with. */
const char *tt_score_default_scenario_dir(void);

/* Card path beside a journal: its extension replaced by `ext` (".html").
 * -1 when it would not fit or would be the journal itself. */
int tt_score_default_card_path(const char *journal_path, const char *ext,
                               char *out, size_t size);

/* Open the history (db_path NULL = default), record the card when `record`
 * and the exercise ended cleanly, and fill its trend. A failure becomes a
 * warning on the card, and is returned (-1, db_err); it is also printed to
 * stderr as a warning for the default database only: a db_path that fails
 * fails the command, which reports db_err as its error. */
int tt_score_history_step(tt_scorecard *card, const char *db_path, bool record,
                          tt_error *db_err);

/* ---- End of an exercise ----
 * Score the journal at `journal_path` against `sc`, record the exercise in
 * the history database (db_path NULL = the XDG default; only exercises with
 * an END record are recorded), fill the trend of the team's earlier runs,
 * and write the scorecard to card_path (NULL = beside the journal, its
 * extension replaced by ".html"; the format follows the extension). The
 * path written is copied into `written` (may be NULL). A failing history
 * database does not stop the card: it becomes a warning on the card (and
 * on stderr for the default database). Returns 0, or -1 with err
 * (unreadable journal, unwritable card), or 1 with err when the card was
 * written but db_path (chosen, not the default) failed, as `score` exits 1
 * then: the caller reports err as an error. */
int tt_score_after_exercise(const tt_scenario *sc, const char *journal_path,
                            const char *card_path, tt_lang lang,
                            const char *db_path, char *written,
                            size_t written_size, tt_error *err);

#endif
