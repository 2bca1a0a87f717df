/* What happens when simulated time reaches an event, and the consequences
 * every change is settled with (state journaled, objectives, conditional
 * injects, the settled end). */
#include "tabletop/terms.h"
#include "events.h"

#include <stdlib.h>
#include <string.h>

static int oom(tt_error *err)
{
    tt_error_oom(err, NULL);
    return -1;
}

static int push(tt_exercise *ex, tt_ms at, int kind, int index, int64_t arg,
                tt_error *err)
{
    if (ex->queue.count >= TT_MAX_PENDING_EVENTS) {
        tt_error_set(err, ex->sc->path, 0, 0,
                     TT_MSG(E_EX_EVENTS_PENDING_FMT),
                     TT_MAX_PENDING_EVENTS);
        return -1;
    }
    if (!tt_queue_push(&ex->queue, at, kind, index, arg))
        return oom(err);
    return 0;
}

int ex_schedule_initial(tt_exercise *ex, tt_error *err)
{
    const tt_scenario *sc = ex->sc;
    for (size_t i = 0; i < sc->n_injects; i++)
        if (!sc->injects[i].conditional && sc->injects[i].at <= sc->length &&
            push(ex, sc->injects[i].at, EV_INJECT, (int)i, 0, err) != 0)
            return -1;
    for (size_t i = 0; i < sc->n_dynamics; i++) {
        tt_ms first = sc->dynamics[i].start + sc->dynamics[i].period;
        if (sc->dynamics[i].period > 0 && first <= sc->length &&
            push(ex, first, EV_DYNAMIC, (int)i, 0, err) != 0)
            return -1;
    }
    for (size_t i = 0; i < sc->n_objectives; i++)
        if (sc->objectives[i].limit <= sc->length &&
            push(ex, sc->objectives[i].limit, EV_LIMIT, (int)i, 0, err) != 0)
            return -1;
    return push(ex, sc->length, EV_END, 0, 0, err);
}

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

/* Text is counted when it is said or queued, so text waiting in C memory
 * counts as much as text already journaled. */
static int count_message(tt_exercise *ex, tt_text text, tt_error *err)
{
    ex->message_bytes += (text.ja ? strlen(text.ja) : 0) + (text.en ? strlen(text.en) : 0);
    if (ex->message_bytes > TT_MAX_MESSAGE_BYTES) {
        tt_error_set(err, ex->sc->path, 0, 0,
                     TT_MSG(E_EX_MESSAGES_TOO_MUCH_FMT),
                     TT_MAX_MESSAGE_BYTES >> 20);
        return -1;
    }
    return 0;
}

static int write_message(tt_exercise *ex, const char *from, const char *to,
                         tt_text text, tt_error *err)
{
    tt_record r = { .type = TT_REC_MESSAGE, .from = from, .to = to, .text = text };
    return ex_emit(ex, &r, err);
}

static int queue_message(tt_exercise *ex, const tt_scheduled *m, tt_error *err)
{
    if (count_message(ex, m->text, err) != 0)
        return -1;
    if (m->delay == 0)
        return write_message(ex, m->from, m->to, m->text, err);
    size_t slot = ex->free_message;
    if (slot != EX_NO_SLOT) {
        ex->free_message = ex->messages[slot].next_free;
    } else if (!tt_grow(&ex->messages, &ex->cap_messages, ex->n_messages + 1, sizeof *ex->messages)) {
        return oom(err);
    }
    if (slot == EX_NO_SLOT)
        slot = ex->n_messages++;
    pending_message *p = &ex->messages[slot];
    *p = (pending_message){ .at = ex->now + m->delay, .next_free = EX_NO_SLOT };
    p->from = dup_or_null(m->from);
    p->to = dup_or_null(m->to);
    p->text.ja = dup_or_null(m->text.ja);
    p->text.en = dup_or_null(m->text.en);
    if ((m->from && !p->from) || (m->to && !p->to) ||
        (m->text.ja && !p->text.ja) || (m->text.en && !p->text.en)) {
        free(p->from);
        free(p->to);
        free((char *)p->text.ja);
        free((char *)p->text.en);
        *p = (pending_message){ .delivered = true, .next_free = ex->free_message };
        ex->free_message = slot;
        return oom(err);
    }
    return push(ex, p->at, EV_MESSAGE, (int)slot, 0, err);
}

static int queue_call(tt_exercise *ex, const tt_scheduled *c, tt_error *err)
{
    size_t slot = ex->free_call;
    if (slot != EX_NO_SLOT) {
        ex->free_call = ex->calls[slot].next_free;
    } else if (!tt_grow(&ex->calls, &ex->cap_calls, ex->n_calls + 1, sizeof *ex->calls)) {
        return oom(err);
    }
    pending_call pc = { c->ref, dup_or_null(c->from), EX_NO_SLOT };
    if (c->from && !pc.actor) {
        if (slot != EX_NO_SLOT) {
            ex->calls[slot] = (pending_call){ 0, NULL, ex->free_call };
            ex->free_call = slot;
        }
        return oom(err);
    }
    if (slot == EX_NO_SLOT)
        slot = ex->n_calls++;
    ex->calls[slot] = pc;
    return push(ex, ex->now + c->delay, EV_DEFERRED, (int)slot, 0, err);
}

int ex_take_scheduled(tt_exercise *ex, tt_error *err)
{
    tt_scheduled *items;
    size_t n = tt_script_take_scheduled(ex->script, &items);
    for (size_t i = 0; i < n; i++) {
        const tt_scheduled *s = &items[i];
        int rc = s->kind == TT_SCHED_MESSAGE
                     ? queue_message(ex, s, err)
                     : queue_call(ex, s, err);
        if (rc != 0)
            return -1;
    }
    return 0;
}

int ex_remember_state(tt_exercise *ex, const tt_kv *state, size_t n, tt_error *err)
{
    tt_kv *copy = calloc(n + 1, sizeof *copy);
    if (!copy)
        return oom(err);
    for (size_t i = 0; i < n; i++) {
        /* Strings are copied before they are stored, so a failure leaves
         * nothing in `copy` that it does not own. */
        copy[i].value = state[i].value;
        if (state[i].value.type == TT_VAL_STR) {
            copy[i].value.as.s = strdup(state[i].value.as.s ? state[i].value.as.s : "");
            if (!copy[i].value.as.s) {
                copy[i].value.type = TT_VAL_INT;
                ex_free_kvs(copy, i);
                return oom(err);
            }
        }
        copy[i].key = strdup(state[i].key);
        if (!copy[i].key) {
            ex_free_kvs(copy, i + 1);
            return oom(err);
        }
    }
    ex_free_kvs(ex->shown_state, ex->n_shown_state);
    ex->shown_state = copy;
    ex->n_shown_state = n;
    return 0;
}

/* Journal the state keys whose value changed since the last STATE record.
 * Only keys written since are compared (the script lists them), each with
 * its journaled value at the same index. */
static int journal_state_changes(tt_exercise *ex, tt_error *err)
{
    const tt_kv *written;
    const uint32_t *index;
    size_t n;
    if (tt_script_state_changes(ex->script, &written, &index, &n, err) != 0)
        return -1;
    if (n == 0)
        return 0;
    /* One array for every STATE record (sinks do not keep it). */
    if (!tt_grow(&ex->changes, &ex->cap_changes, n + 1, sizeof *ex->changes))
        return oom(err);
    tt_kv *changes = ex->changes;
    size_t n_changes = 0;
    for (size_t i = 0; i < n; i++) {
        if (index[i] >= ex->n_shown_state) {
            tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_STATE_NOT_JOURNALED_FMT),
                         (unsigned)index[i]);
            return -1;
        }
        if (!tt_value_equal(&ex->shown_state[index[i]].value, &written[i].value))
            changes[n_changes++] = written[i];
    }
    changes[n_changes] = (tt_kv){ 0 }; /* as the calloc'ed array ended */
    int rc = 0;
    if (n_changes > 0) {
        tt_record r = { .type = TT_REC_STATE, .changes = changes, .n_changes = n_changes };
        rc = ex_emit(ex, &r, err);
        for (size_t i = 0; rc == 0 && i < n; i++) {
            tt_value *shown = &ex->shown_state[index[i]].value;
            if (tt_value_equal(shown, &written[i].value))
                continue;
            tt_value v = written[i].value;
            if (v.type == TT_VAL_STR) {
                v.as.s = strdup(v.as.s ? v.as.s : "");
                if (!v.as.s) {
                    rc = oom(err);
                    break;
                }
            }
            if (shown->type == TT_VAL_STR)
                free((char *)shown->as.s);
            *shown = v;
        }
    }
    return rc;
}

int ex_reach_objective(tt_exercise *ex, int objective, tt_error *err)
{
    tt_objective_view *o = &ex->objectives[objective];
    if (o->status == TT_OBJECTIVE_REACHED)
        return 0;
    o->status = TT_OBJECTIVE_REACHED;
    o->at = ex->now;
    tt_record r = { .type = TT_REC_OBJECTIVE, .id = ex->sc->objectives[objective].id,
                    .status = "reached" };
    return ex_emit(ex, &r, err);
}

static int fire_inject(tt_exercise *ex, int index, tt_error *err)
{
    const tt_inject *in = &ex->sc->injects[index];
    ex->inject_fired[index] = true;
    tt_record r = { .type = TT_REC_INJECT, .id = in->id, .from = in->from, .to = in->to,
                    .text = in->text, .questions = in->questions,
                    .n_questions = in->n_questions };
    if (ex_emit(ex, &r, err) != 0)
        return -1;
    if (tt_script_inject_fired(ex->script, index, ex->now, err) != 0)
        return -1;
    return ex_take_scheduled(ex, err);
}

static bool all_settled(const tt_exercise *ex)
{
    if (ex->sc->n_objectives == 0)
        return false;
    for (size_t i = 0; i < ex->sc->n_objectives; i++)
        if (ex->objectives[i].status == TT_OBJECTIVE_OPEN)
            return false;
    return true;
}

int ex_settle(tt_exercise *ex, tt_error *err)
{
    const tt_scenario *sc = ex->sc;
    /* Each round may change state again (an inject's effect); injects fire
     * at most once, so this ends after at most n_injects + 1 rounds. */
    for (size_t round = 0; round <= sc->n_injects; round++) {
        if (journal_state_changes(ex, err) != 0)
            return -1;
        for (size_t i = 0; i < sc->n_objectives; i++) {
            if (ex->objectives[i].status == TT_OBJECTIVE_REACHED ||
                !sc->objectives[i].has_when)
                continue;
            bool met = false;
            if (tt_script_objective_met(ex->script, (int)i, ex->now, &met, err) != 0)
                return -1;
            if (met && ex_reach_objective(ex, (int)i, err) != 0)
                return -1;
        }
        bool fired = false;
        for (size_t i = 0; i < sc->n_injects; i++) {
            if (!sc->injects[i].conditional || ex->inject_fired[i])
                continue;
            bool due = false;
            if (tt_script_inject_due(ex->script, (int)i, ex->now, &due, err) != 0)
                return -1;
            if (due) {
                if (fire_inject(ex, (int)i, err) != 0)
                    return -1;
                fired = true;
            }
        }
        if (!fired)
            break;
    }
    if (all_settled(ex))
        return ex_finish(ex, "settled", err);
    return 0;
}

int ex_action_done(tt_exercise *ex, int slot, const char *answer, tt_error *err)
{
    running_action *ra = &ex->running[slot];
    const tt_action *a = &ex->sc->actions[ra->action];
    tt_action_outcome outcome;
    const char *asker;
    tt_text said;
    /* does runs before DONE is written: it journals nothing itself (state
     * and messages are written after), so a 1.0 journal is unchanged, and
     * an actor's refusal or question replaces DONE. */
    ra->waiting = false;
    if (tt_script_action_finish(ex->script, ra->action, ex->now, ra->role, answer, &outcome,
                                &asker, &said, err) != 0)
        return -1;
    tt_record r = { .type = TT_REC_DONE, .id = a->id, .role = ra->role,
                    .member = ra->member };
    if (outcome != TT_OUTCOME_DONE) {
        r.type = outcome == TT_OUTCOME_REFUSED ? TT_REC_DECLINED : TT_REC_ASKED;
        r.from = asker;
        r.text = said;
    }
    if (outcome == TT_OUTCOME_ASKED) {
        ra->waiting = true; /* still in progress: the role's capacity counts it */
        ra->asked = ex->now;
    } else {
        ex->action_running[ra->action] = false;
        ra->finished = true;
    }
    if (outcome == TT_OUTCOME_REFUSED)
        ex->action_taken[ra->action] = false; /* the team may try again */
    if (ex_emit(ex, &r, err) != 0)
        return -1;
    if (ex_take_scheduled(ex, err) != 0)
        return -1;
    if (outcome == TT_OUTCOME_DONE && a->completes) {
        int o = tt_scenario_objective(ex->sc, a->completes);
        if (o >= 0 && ex_reach_objective(ex, o, err) != 0)
            return -1;
    }
    return 0;
}

static int objective_limit(tt_exercise *ex, int index, tt_error *err)
{
    tt_objective_view *o = &ex->objectives[index];
    if (o->status != TT_OBJECTIVE_OPEN)
        return 0;
    o->status = TT_OBJECTIVE_MISSED;
    o->at = ex->now;
    tt_record r = { .type = TT_REC_OBJECTIVE, .id = ex->sc->objectives[index].id,
                    .status = "missed" };
    return ex_emit(ex, &r, err);
}

int ex_handle_event(tt_exercise *ex, const tt_event *ev, tt_error *err)
{
    int rc = 0;
    switch (ev->kind) {
    case EV_INJECT:
        rc = fire_inject(ex, ev->index, err);
        break;
    case EV_DYNAMIC: {
        const tt_dynamic *d = &ex->sc->dynamics[ev->index];
        rc = tt_script_dynamic_run(ex->script, ev->index, ex->now, err);
        if (rc == 0)
            rc = ex_take_scheduled(ex, err);
        if (rc == 0 && ex->now + d->period <= ex->sc->length)
            rc = push(ex, ex->now + d->period, EV_DYNAMIC, ev->index, 0, err);
        break;
    }
    case EV_ACTION_DONE:
        if (ex->running[ev->index].cancelled)
            return 0; /* cancelled in progress: nothing happens at its end */
        rc = ex_action_done(ex, ev->index, NULL, err);
        break;
    case EV_MESSAGE: {
        size_t slot = (size_t)ev->index;
        pending_message *m = &ex->messages[slot];
        m->delivered = true;
        rc = write_message(ex, m->from, m->to, m->text, err);
        /* Said: its copies go and its slot is reused (no growth without end). */
        m = &ex->messages[slot];
        free(m->from);
        free(m->to);
        free((char *)m->text.ja);
        free((char *)m->text.en);
        *m = (pending_message){ .delivered = true, .next_free = ex->free_message };
        ex->free_message = slot;
        break;
    }
    case EV_DEFERRED: {
        size_t slot = (size_t)ev->index;
        rc = tt_script_call_deferred(ex->script, ex->calls[slot].ref, ex->now, err);
        free(ex->calls[slot].actor);
        ex->calls[slot] = (pending_call){ 0, NULL, ex->free_call };
        ex->free_call = slot;
        if (rc == 0)
            rc = ex_take_scheduled(ex, err);
        break;
    }
    case EV_LIMIT:
        rc = objective_limit(ex, ev->index, err);
        break;
    case EV_END:
        /* Settle first so what happened at the last instant is journaled. */
        rc = ex_settle(ex, err);
        if (rc == 0)
            rc = ex_finish(ex, "length", err);
        return rc;
    default:
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_UNKNOWN_EVENT_FMT), ev->kind);
        return -1;
    }
    if (rc != 0)
        return -1;
    return ex_settle(ex, err);
}
