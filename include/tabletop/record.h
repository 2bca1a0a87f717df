/* Journal records: one per event of an exercise. The journal is the single
 * source of truth; scoring, replay, resume and the dashboards read these.
 * Inputs (what people did) are ACTION, REFUSED (an attempt that was refused),
 * NOTE, CUSTOM, ANSWER, CANCEL, REPLY, PAUSE, RESUME, SPEED and END with reason "facilitator";
 * everything else is produced by the engine
 * and is reproduced exactly by replaying the inputs. */
#ifndef TABLETOP_RECORD_H
#define TABLETOP_RECORD_H

#include "tabletop/base.h"

typedef enum tt_record_type {
    TT_REC_START,      /* scenario, hash, seed, settings, roster, speed      */
    TT_REC_INJECT,     /* id, from, to, text, questions                       */
    TT_REC_MESSAGE,    /* from (actor), to, text                              */
    TT_REC_ACTION,     /* id (action), role, member, note, until; API 1.1:
                          status "harmful"|"wasted" and text (why) when the
                          action's harmful/wasted function gave a reason     */
    TT_REC_DONE,       /* id (action), role: an action's effect applied       */
    TT_REC_REFUSED,    /* id (action), role, member, text (why)               */
    TT_REC_STATE,      /* changes: state keys whose value changed             */
    TT_REC_OBJECTIVE,  /* id, status "reached" | "missed"                     */
    TT_REC_NOTE,       /* role, member, note                                  */
    TT_REC_CUSTOM,     /* facilitator's own inject: text (both languages)     */
    TT_REC_PAUSE,
    TT_REC_RESUME,
    TT_REC_SPEED,      /* speed                                               */
    TT_REC_END,        /* status: "length" | "settled" | "facilitator"        */
    TT_REC_ANSWER,     /* id (inject), role, member, note (the answer),
                          questions (the one question answered)               */
    /* API 1.1 */
    TT_REC_CANCEL,     /* id (action), role, member, note: an action in
                          progress cancelled (input)                          */
    TT_REC_DECLINED,   /* id (action), role, member, from (actor), text: the
                          actor refused the request (ctx.refuse)              */
    TT_REC_ASKED,      /* id (action), role, member, from (actor), text: the
                          actor asks before it goes on (ctx.ask)              */
    TT_REC_REPLY,      /* id (action), role, member, note: the team's answer
                          to an ASKED question (input)                        */
    TT_REC__COUNT
} tt_record_type;

const char *tt_record_type_name(tt_record_type t);   /* "start", "inject", ... */
bool tt_record_type_parse(const char *name, tt_record_type *out);

typedef struct tt_member {
    const char *name;
    const char *role;
} tt_member;

/* A new pointer field here or in tt_record must also be copied by
 * tt_journal_add (engine/data/journal_memory.c): the streamed scorer and
 * sweep keep records through it. */
typedef struct tt_start_info {
    const char *scenario;     /* id */
    const char *hash;         /* sha256 hex of the scenario file */
    const char *path;         /* where it was loaded from */
    uint64_t seed;
    double speed;             /* 0 = as fast as possible (headless) */
    const char *lang;         /* "ja" | "en" */
    const char *team;         /* may be NULL */
    tt_member *members;       size_t n_members;
    tt_kv *settings;          size_t n_settings;
    tt_kv *state;             size_t n_state;  /* initial state */
    const char *date;         /* ISO 8601 wall date, NULL in headless runs */
    const char *engine;       /* version of the tabletop that wrote it; NULL before 0.2 */
    const char *organisation; /* from the roster; may be NULL */
    /* How the drill was run, so `resume` keeps it (docs/journal.md): the
     * drill history (a SQLite path made absolute, or a postgresql:// URI
     * without its password), the scorecard path, --no-scorecard. */
    const char *db;           /* may be NULL */
    const char *scorecard;    /* may be NULL */
    bool no_scorecard;
} tt_start_info;

typedef struct tt_record {
    tt_record_type type;
    tt_ms t;                  /* simulated time */
    int64_t wall_ms;          /* wall clock (ms since epoch), 0 = not recorded */
    const char *id;
    const char *role;
    const char *member;
    const char *from;
    const char *to;
    const char *note;
    const char *status;
    tt_text text;
    tt_text *questions;       size_t n_questions;
    tt_kv *changes;           size_t n_changes;
    tt_ms until;              /* ACTION: when its effect applies */
    double speed;             /* SPEED */
    tt_start_info *start;     /* START only */
} tt_record;

bool tt_record_is_input(const tt_record *r);

#endif
