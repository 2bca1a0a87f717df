/* The scenario model as C sees it, extracted from the Lua file by the script
 * host (engine/script). Everything is owned by the model's arena. Behaviour
 * (conditions, effects, dynamics) stays in Lua and is reached through
 * include/tabletop/script.h by index. */
#ifndef TABLETOP_SCENARIO_H
#define TABLETOP_SCENARIO_H

#include "tabletop/base.h"

typedef enum tt_objective_phase {
    TT_OBJ_ISOLATE,
    TT_OBJ_REPORT,
    TT_OBJ_RECOVER
} tt_objective_phase;

const char *tt_objective_phase_name(tt_objective_phase p); /* "isolate"... */

typedef struct tt_role {
    const char *id;
    tt_text name;
    tt_text description;
    int capacity;          /* API 1.1: actions it can run at once; 0 = no limit */
    tt_text short_name;    /* API 1.1: for narrow places (the dashboard), may be empty */
} tt_role;

/* Actor kinds are a closed set (docs/scenario-api.md), each with a group
 * label in both languages. */
typedef struct tt_actor_kind {
    const char *id;        /* "ministry" */
    tt_text label;         /* 所管省庁 / Ministries */
} tt_actor_kind;

const tt_actor_kind *tt_actor_kinds(size_t *n);     /* sorted by id */
const tt_actor_kind *tt_actor_kind_find(const char *id); /* NULL when not a kind */

typedef struct tt_actor {
    const char *id;
    const char *kind;      /* one of tt_actor_kinds(): department, vendor, ministry... */
    tt_text name;
    tt_ms delay_min;       /* reply delay drawn uniformly in [min, max] */
    tt_ms delay_max;
    tt_text short_name;    /* API 1.1: for narrow places (the dashboard), may be empty */
} tt_actor;

typedef struct tt_inject {
    const char *id;
    tt_ms at;              /* timed inject; TT_MS_NEVER when conditional */
    bool conditional;      /* fires the first time its `when` holds */
    const char *from;      /* actor or role id, may be NULL */
    const char *to;        /* role id, several joined by ',' (API 1.1: a list),
                              or NULL (= everyone); see tt_to_includes */
    tt_text text;
    tt_text *questions;    /* discussion questions for the facilitator */
    size_t n_questions;
} tt_inject;

typedef struct tt_dynamic {
    const char *id;        /* "every[1]" style when unnamed */
    tt_ms period;
    tt_ms start;           /* first run at start + period */
} tt_dynamic;

typedef struct tt_action {
    const char *id;
    tt_text label;
    tt_text description;
    const char **roles;    /* who may take it */
    size_t n_roles;
    tt_ms takes;           /* effect applies at start + takes */
    bool has_requires;     /* precondition function present */
    const char *completes; /* objective id or NULL */
    const char *lesson;    /* lesson id or NULL */
    bool harmful;
    bool wasted;
    tt_text why_bad;       /* explanation shown in the scorecard for harmful/wasted */
    bool repeatable;       /* may be taken more than once */
    /* API 1.1: functions evaluated when the action starts (journaled on its
     * ACTION record: `until`, and `status`/`text` for a bad verdict). */
    bool takes_fn;         /* `takes` is a function of the state */
    bool harmful_fn;       /* `harmful` is a function returning why, or nil */
    bool wasted_fn;        /* `wasted` likewise */
    bool has_on_cancel;    /* `on_cancel` runs when the action is cancelled */
} tt_action;

/* An action started at a simulated time: `action` indexes
 * tt_scenario.actions. What scoring needs of what a team did. */
typedef struct tt_action_taken {
    tt_ms at;
    int action;
    int bad;       /* API 1.1: TT_TAKEN_HARMFUL / TT_TAKEN_WASTED when the action's
                      function judged this taking so; 0: as the scenario's flags say */
} tt_action_taken;
enum { TT_TAKEN_HARMFUL = 1, TT_TAKEN_WASTED = 2 };

typedef struct tt_objective {
    const char *id;
    tt_objective_phase phase;
    const char *party;     /* report objectives: who is told (supervisor, ministry...) */
    tt_text title;
    tt_ms target;          /* from the incident's start */
    tt_ms limit;
    const char *notice;    /* inject id marking the team's first notice, or NULL (= 0) */
    bool has_when;         /* reached when its condition first holds */
    tt_text rationale;     /* why these target/limit times (shown to auditors) */
    tt_text capability;    /* API 1.1: the HSEEP core capability it exercises, may be empty */
} tt_objective;

typedef struct tt_lesson {
    const char *id;
    tt_text text;
    const char **actions;  /* actions that cover it (derived from action.lesson) */
    size_t n_actions;
    tt_text capability;    /* API 1.1: the core capability it strengthens, may be empty */
} tt_lesson;

typedef struct tt_history_item {
    tt_ms at;              /* TT_MS_NEVER when the source gives no time */
    bool at_invented;      /* time invented for the exercise (source silent) */
    const char *action;    /* matching action id or NULL */
    tt_text text;
} tt_history_item;

typedef struct tt_metric {
    const char *key;       /* state key */
    tt_text label;
    tt_text unit;
    double max;            /* gauge scale; 0 = counter without scale */
    bool damage;           /* reported as damage in the scorecard */
    tt_text short_label;   /* API 1.1: for narrow places (the dashboard), may be empty */
} tt_metric;

typedef struct tt_setting {
    const char *key;       /* also a state key, holding the chosen value */
    tt_text label;
    tt_value value;        /* default */
} tt_setting;

/* API 1.1: a source the card cites (title, publisher, URL, date). */
typedef struct tt_reference {
    tt_text title;
    const char *publisher; /* may be NULL */
    const char *url;       /* http(s) or NULL */
    const char *date;      /* "2023", "2023-01" or "2023-01-31", or NULL */
} tt_reference;

typedef struct tt_scenario {
    tt_arena arena;
    const char *path;
    const char *id;
    tt_text title;
    tt_text summary;
    const char *source;    /* e.g. "case 3" */
    const char *hash;      /* sha256 hex of the file's bytes */
    tt_ms length;
    double speed;          /* recommended live clock speed; 0 = not given */
    tt_ms starts_at;       /* API 1.1: time of day at the start ("07:00"), or -1 */
    tt_text invented;      /* which numbers are invented, in words */
    tt_role *roles;            size_t n_roles;
    tt_actor *actors;          size_t n_actors;
    tt_inject *injects;        size_t n_injects;
    tt_dynamic *dynamics;      size_t n_dynamics;
    tt_action *actions;        size_t n_actions;
    tt_objective *objectives;  size_t n_objectives;
    tt_lesson *lessons;        size_t n_lessons;
    tt_history_item *history;  size_t n_history;
    tt_metric *metrics;        size_t n_metrics;
    tt_setting *settings;      size_t n_settings;
    tt_reference *references;  size_t n_references;   /* API 1.1 */
} tt_scenario;

/* Helpers on the model (engine/model, below every module that needs them).
 * Lookups by id; -1 when absent (or id NULL). */
int tt_scenario_role(const tt_scenario *s, const char *id);
int tt_scenario_actor(const tt_scenario *s, const char *id);
int tt_scenario_action(const tt_scenario *s, const char *id);
int tt_scenario_objective(const tt_scenario *s, const char *id);
int tt_scenario_inject(const tt_scenario *s, const char *id);
int tt_scenario_lesson(const tt_scenario *s, const char *id);
bool tt_action_allows_role(const tt_action *a, const char *role);
/* Display names: the scenario's text in `lang`, else the id ("" for NULL). */
const char *tt_scenario_role_name(const tt_scenario *s, const char *id, tt_lang lang);
const char *tt_scenario_action_label(const tt_scenario *s, const char *id, tt_lang lang);
/* A report's party or a message's sender: an actor's name, else a role's, else the id. */
const char *tt_scenario_party_name(const tt_scenario *s, const char *id, tt_lang lang);
/* Recipients (tt_to_includes' form) as display names joined by ", " into
 * buf; returns buf. NULL `to` writes "" (the caller says "everyone"). */
const char *tt_scenario_recipients(const tt_scenario *s, const char *to, tt_lang lang,
                                   char *buf, size_t size);

/* Stable action numbers (engine/model/numbers.c), the one numbering every
 * front-end shows and reads: each (role, action) pair the scenario allows
 * is numbered from 1, roles in scenario order, then actions in scenario
 * order. A number depends on the scenario alone, never on availability, so
 * it means the same action for the whole drill.
 * tt_action_number: the number of role index `role` taking action index
 * `action`, 0 when that role may not take it. tt_action_by_number: the
 * pair behind a number; false when no pair has it. */
int tt_action_number(const tt_scenario *s, int role, int action);
bool tt_action_by_number(const tt_scenario *s, int number, int *role, int *action);

#endif
