/* The concise timeline a headless run prints, and its closing summary. */
#ifndef TABLETOP_APP_TIMELINE_H
#define TABLETOP_APP_TIMELINE_H

#include <stdio.h>

#include "tabletop/exercise.h"

typedef struct tt_timeline {
    FILE *out;
    const tt_scenario *sc;
    tt_lang lang;
    FILE *line;  /* the line being built (opened at the first line) */
    char *text;
    size_t len;
} tt_timeline;

/* Record sink: one line per inject, message, action, objective and end. */
void tt_timeline_sink(void *timeline, const tt_record *r);
/* Frees what the sink kept between lines. */
void tt_timeline_close(tt_timeline *tl);
/* Objective table (phase, target, limit, reached, verdict) and damage. */
void tt_timeline_summary(FILE *out, tt_exercise *ex, tt_lang lang);

#endif
