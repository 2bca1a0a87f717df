/* The concise timeline a headless run prints, and its closing summary. */
#ifndef TABLETOP_APP_TIMELINE_H
#define TABLETOP_APP_TIMELINE_H

#include <stdio.h>

#include "tabletop/exercise.h"

typedef struct tt_timeline {
    FILE *out;
    const tt_scenario *sc;
    tt_lang lang;
} tt_timeline;

/* Record sink: one line per inject, message, action, objective and end. */
void tt_timeline_sink(void *timeline, const tt_record *r);
/* Objective table (phase, target, limit, reached, verdict) and damage. */
void tt_timeline_summary(FILE *out, tt_exercise *ex, tt_lang lang);

#endif
