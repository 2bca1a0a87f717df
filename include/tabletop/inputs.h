/* YAML inputs written by people: the roster and the action script.
 * Every error names file, line, column and the field path, e.g.
 * "script.yaml:12:7: actions[3].at: '-5m' is not a duration". */
#ifndef TABLETOP_INPUTS_H
#define TABLETOP_INPUTS_H

#include "tabletop/record.h"
#include "tabletop/scenario.h"

#define TT_YAML_MAX_DEPTH 32
#define TT_ROSTER_MAX_MEMBERS 1000

typedef struct tt_roster {
    tt_arena arena;
    const char *team;
    tt_member *members;  size_t n_members;
    const char *organisation;  /* optional: whose results these are (docs/results.md) */
} tt_roster;

/* roster.yaml:
 *   team: "Blue team"
 *   organisation: "Example Corp"     # optional
 *   members:
 *     - { name: "Sato", role: sysadmin }
 * Roles are checked against the scenario when one is given (may be NULL). */
int tt_roster_load(const char *path, const tt_scenario *sc, tt_roster *out,
                   tt_error *err);
/* Same from memory; `name` is used as the file name in messages. */
int tt_roster_load_buffer(const char *name, const char *data, size_t len,
                          const tt_scenario *sc, tt_roster *out, tt_error *err);
void tt_roster_free(tt_roster *r);
/* Member name holding `role`, or NULL. */
const char *tt_roster_member_for(const tt_roster *r, const char *role);

typedef struct tt_script_step {
    tt_ms at;
    const char *by;      /* role */
    const char *action;  /* action id; NULL for a pure note */
    const char *member;  /* optional */
    const char *note;    /* optional; a reply's answer */
    const char *cancel;  /* API 1.1: cancel this action in progress (action NULL) */
    const char *reply;   /* API 1.1: answer (note) the question asked about this action */
    bool end;            /* `end: true`: the facilitator ends the drill here */
    int line;            /* where it was written, for messages */
} tt_script_step;

typedef struct tt_action_script {
    tt_arena arena;
    const char *path;
    const char *scenario;    /* optional */
    bool has_seed;
    uint64_t seed;
    tt_kv *settings;         size_t n_settings;   /* optional "settings:" map */
    tt_script_step *steps;   size_t n_steps;      /* sorted by `at`, stable */
} tt_action_script;

/* Parse and check against the scenario: unknown roles or actions are named
 * with the valid choices; a role not allowed to take the action is an error;
 * a declared `scenario:` different from sc->id is an error. */
int tt_action_script_load(const char *path, const tt_scenario *sc,
                          tt_action_script *out, tt_error *err);
int tt_action_script_load_buffer(const char *name, const char *data, size_t len,
                                 const tt_scenario *sc, tt_action_script *out,
                                 tt_error *err);
void tt_action_script_free(tt_action_script *s);

#endif
