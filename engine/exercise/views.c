/* Read-only views for status displays. */
#include "internal.h"

#include <stdlib.h>

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

size_t tt_exercise_pending(const tt_exercise *ex, tt_pending *out, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < ex->queue.count; i++) {
        const tt_event *e = &ex->queue.items[i];
        tt_pending p;
        if (e->kind == EV_ACTION_DONE) {
            const running_action *ra = &ex->running[e->index];
            p = (tt_pending){ e->time, true, ex->sc->actions[ra->action].id, ra->role };
        } else if (e->kind == EV_MESSAGE) {
            const pending_message *m = &ex->messages[e->index];
            p = (tt_pending){ e->time, false, m->from, m->to };
        } else if (e->kind == EV_DEFERRED && ex->calls[e->index].actor) {
            p = (tt_pending){ e->time, false, ex->calls[e->index].actor, NULL };
        } else {
            continue;
        }
        if (count < max)
            out[count] = p;
        count++;
    }
    qsort(out, count < max ? count : max, sizeof *out, by_time);
    return count;
}
