/* Read-only views for status displays. */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tabletop/terms.h"

const tt_objective_view *tt_exercise_objectives(const tt_exercise *ex)
{
    return ex->objectives;
}

int tt_exercise_state(tt_exercise *ex, const tt_kv **out, size_t *n, tt_error *err)
{
    return tt_script_state(ex->script, out, n, err);
}

static int by_time(const void *a, const void *b)
{
    const tt_pending *x = a, *y = b;
    return (x->at > y->at) - (x->at < y->at);
}

static bool pending_of(const tt_exercise *ex, const tt_event *e, tt_pending *p)
{
    if (e->kind == EV_ACTION_DONE) {
        const running_action *ra = &ex->running[e->index];
        if (ra->cancelled)
            return false;
        *p = (tt_pending){ e->time, true, ex->sc->actions[ra->action].id, ra->role, false };
        return true;
    }
    if (e->kind == EV_MESSAGE) {
        const pending_message *m = &ex->messages[e->index];
        *p = (tt_pending){ e->time, false, m->from, m->to, false };
        return true;
    }
    if (e->kind == EV_DEFERRED && ex->calls[e->index].actor) {
        *p = (tt_pending){ e->time, false, ex->calls[e->index].actor, NULL, false };
        return true;
    }
    return false;
}

/* An action an actor asked about: in progress, with no event queued
 * until the team answers (the status lists showed nothing for it). */
static bool waiting_of(const tt_exercise *ex, size_t slot, tt_pending *p)
{
    const running_action *ra = &ex->running[slot];
    if (!ra->waiting || ra->cancelled || ra->finished)
        return false;
    *p = (tt_pending){ ra->asked, true, ex->sc->actions[ra->action].id, ra->role, true };
    return true;
}

size_t tt_exercise_pending(const tt_exercise *ex, tt_pending *out, size_t max)
{
    /* The soonest `max`: the heap is ordered only at its root, so gather
     * all and sort by time. This is for display; nothing depends on how
     * ties are ordered. */
    size_t count = 0;
    for (size_t i = 0; i < ex->queue.count; i++) {
        tt_pending p;
        count += pending_of(ex, &ex->queue.items[i], &p);
    }
    for (size_t i = 0; i < ex->n_running; i++) {
        tt_pending p;
        count += waiting_of(ex, i, &p);
    }
    if (count == 0 || max == 0)
        return count;
    tt_pending *all = malloc(count * sizeof *all);
    if (!all)
        return 0;
    size_t k = 0;
    for (size_t i = 0; i < ex->queue.count; i++)
        k += pending_of(ex, &ex->queue.items[i], &all[k]);
    for (size_t i = 0; i < ex->n_running; i++)
        k += waiting_of(ex, i, &all[k]);
    qsort(all, count, sizeof *all, by_time);
    memcpy(out, all, (count < max ? count : max) * sizeof *out);
    free(all);
    return count;
}

size_t tt_exercise_taken(const tt_exercise *ex, tt_action_taken *out, size_t max)
{
    for (size_t i = 0; i < ex->n_running && i < max; i++)
        out[i] = (tt_action_taken){ ex->running[i].started, ex->running[i].action,
                                    ex->running[i].bad };
    return ex->n_running;
}

void tt_next_stop_say(const tt_scenario *sc, const tt_next_stop *stop, tt_lang lang,
                      char *buf, size_t size)
{
    char at[48];
    tt_ms_format(stop->at, at, sizeof at);
    const char *title = stop->objective >= 0 && (size_t)stop->objective < sc->n_objectives
                            ? tt_text_get(&sc->objectives[stop->objective].title, lang)
                            : "";
    switch (stop->kind) {
    case TT_STOP_TARGET:
        snprintf(buf, size, TT_FMT(lang, M_STOP_TARGET_FMT), at, title);
        return;
    case TT_STOP_LIMIT:
        if (stop->blocked)
            snprintf(buf, size, TT_FMT(lang, M_ASK_LIMIT_FMT), title, at);
        else
            snprintf(buf, size, TT_FMT(lang, M_STOP_LIMIT_FMT), at, title);
        return;
    case TT_STOP_INJECT: {
        const tt_inject *in = stop->inject >= 0 && (size_t)stop->inject < sc->n_injects
                                  ? &sc->injects[stop->inject] : NULL;
        const char *what = !in ? "" : in->from ? tt_scenario_party_name(sc, in->from, lang)
                                               : in->id;
        snprintf(buf, size, TT_FMT(lang, M_STOP_INJECT_FMT), at, what);
        return;
    }
    case TT_STOP_MESSAGE:
        snprintf(buf, size, TT_FMT(lang, M_STOP_MESSAGE_FMT), at,
                 stop->actor >= 0 && (size_t)stop->actor < sc->n_actors
                     ? tt_text_get(&sc->actors[stop->actor].name, lang) : "");
        return;
    case TT_STOP_END:
        snprintf(buf, size, TT_FMT(lang, M_STOP_END_FMT), at);
        return;
    case TT_STOP_NONE:
        break;
    }
    snprintf(buf, size, "%s", tt_term_text(M_STOP_NONE, lang));
}
