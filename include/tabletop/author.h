/* The authoring tools (docs/authoring.md, "Authoring tools"): static lint,
 * exploratory runs, structure graph and MSEL. Each reads a scenario file;
 * none changes it. */
#ifndef TABLETOP_AUTHOR_H
#define TABLETOP_AUTHOR_H

#include <stdio.h>

#include "tabletop/base.h"
#include "tabletop/inputs.h"
#include "tabletop/module.h"
#include "tabletop/script.h"

/* One finding, printed as file:line:col: message. */
typedef struct tt_finding {
    char *file;
    int line, col;
    char *message;
} tt_finding;

typedef struct tt_findings {
    tt_finding *items;
    size_t n, cap;
} tt_findings;

int tt_findings_add(tt_findings *f, const char *file, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
/* Sorted by line then column, printed one per line. */
void tt_findings_print(tt_findings *f, FILE *out);
/* A file that could not be read or loaded, said like a finding:
 * "file:line:col: message", or "file: message" when there is no line
 * (a device, a folder: it said "/dev/null:0:1: ..."). `path` when err
 * names no file. */
void tt_findings_print_error(const tt_error *err, const char *path, FILE *out);
void tt_findings_free(tt_findings *f);

/* Static lint of a scenario file (see docs/authoring.md): appends its
 * findings. -1 with err when the file cannot be analysed at all (it does not
 * load: that error is the one finding to show). */
int tt_lint_file(const char *path, tt_findings *out, tt_error *err);

/* What each behaviour function reads and writes of the state (with the
 * functions it schedules and the local helpers it calls), from the same
 * analysis as lint. kind: "requires", "does", "run", "inject_when",
 * "inject_does" or "objective_when"; index: of its action, dynamic, inject
 * or objective. */
typedef struct tt_access_entry {
    const char *kind;
    size_t index;
    char **reads;   size_t n_reads;
    char **writes;  size_t n_writes;
} tt_access_entry;
typedef struct tt_access {
    tt_access_entry *e;
    size_t n;
} tt_access;
int tt_access_of(const char *path, tt_access *out, tt_error *err);
void tt_access_free(tt_access *a);

/* The structure graph (docs/authoring.md): DOT text, or SVG laid out by
 * Graphviz. acc from tt_access_of on the same file. */
int tt_graph_write(tt_script *s, const tt_access *acc, FILE *out, bool svg, tt_lang lang,
                   tt_error *err);
/* tt_graph_write lives in graph.so (include/tabletop/module.h), loaded only
 * by `tabletop graph`, so no other command maps Graphviz. */
typedef struct tt_graph_api {
    tt_module_head head;
    int (*write)(tt_script *s, const tt_access *acc, FILE *out, bool svg, tt_lang lang,
                 tt_error *err);
} tt_graph_api;
static inline const tt_graph_api *tt_graph_module(tt_lang lang, tt_error *err)
{
    return tt_module_api(TT_MODULE_GRAPH, sizeof(tt_graph_api), lang, err);
}

/* One headless exercise and what came of it (watch, explore). A runtime
 * error of the scenario is part of the outcome (failed, error: located);
 * -1 only when the run could not be made or scored at all. */
typedef struct tt_outcome {
    bool failed;
    char error[2048];          /* "file:line: message", as the run said it */
    int error_line;            /* the error's line in the scenario, 0 when none */
    char error_message[1024];  /* the message alone */
    tt_ms failed_at;
    int score;
    int rating;                /* tt_rating */
    size_t n_objectives;
    tt_ms *reached;            /* per objective; TT_MS_NEVER when not reached */
    int *ratings;              /* per objective, tt_rating */
    size_t n_damage;
    tt_value *damage;          /* per metric: final value */
    bool *inject_fired;        /* per inject */
    bool *action_taken;        /* per action */
    bool *metric_changed;      /* per metric */
    size_t refused;
} tt_outcome;

/* as may be NULL: nobody acts. Settings come from the action script. */
int tt_outcome_run(tt_script *script, const tt_action_script *as, uint64_t seed,
                   tt_outcome *out, tt_error *err);
void tt_outcome_free(tt_outcome *o);

/* Exploratory runs (docs/authoring.md): findings (file:line), and for each
 * the shortest action script that shows it, as YAML. */
typedef struct tt_explore_witness {
    char *message;
    char *yaml;
} tt_explore_witness;
typedef struct tt_explore_report {
    unsigned runs;
    tt_findings findings;
    tt_explore_witness *witnesses;  size_t n_witnesses;
} tt_explore_report;
int tt_explore(const char *path, unsigned runs, uint64_t seed, tt_explore_report *rep,
               tt_error *err);
void tt_explore_report_free(tt_explore_report *rep);

/* The MSEL (docs/authoring.md): one row per inject. `src` is the scenario's
 * text (conditions are quoted from it; may be NULL). bom: a UTF-8 byte order
 * mark first (CSV only). */
typedef enum tt_msel_format { TT_MSEL_CSV, TT_MSEL_MD } tt_msel_format;
int tt_msel_write(tt_script *s, const char *src, FILE *out, tt_msel_format fmt, tt_lang lang,
                  bool bom, tt_error *err);

#endif
