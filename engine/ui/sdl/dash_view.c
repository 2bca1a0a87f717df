/* The dashboard's view model: a pure function of the scenario and the
 * journal records up to a simulated time. Live, replay and snapshot all
 * build their board through here. */
#include "tabletop/terms.h"
#include <stdlib.h>
#include <string.h>

#include "dash.h"

void dash_view_init(dash_view *v)
{
    memset(v, 0, sizeof *v);
}

void dash_view_free(dash_view *v)
{
    free(v->feed);
    free(v->state);
    free(v->objectives);
    free(v->actions);
    free(v->actor_last);
    free(v->role_last);
    free(v->verdicts);
    free(v->taken);
    free(v->reached);
    dash_view_init(v);
}

/* Per-scenario arrays are sized once per scenario (and grown if it changes). */
static bool size_arrays(dash_view *v, const tt_scenario *sc)
{
    size_t no = sc->n_objectives ? sc->n_objectives : 1;
    size_t na = sc->n_actions ? sc->n_actions : 1;
    size_t nac = sc->n_actors ? sc->n_actors : 1;
    size_t nr = sc->n_roles ? sc->n_roles : 1;
    if (v->sc == sc && v->objectives)
        return true;
    free(v->objectives);
    free(v->actions);
    free(v->actor_last);
    free(v->role_last);
    free(v->verdicts);
    free(v->reached);
    v->built_from = NULL; /* another scenario: rebuild */
    v->reached = calloc(no, sizeof *v->reached);
    v->objectives = calloc(no, sizeof *v->objectives);
    v->verdicts = calloc(no, sizeof *v->verdicts);
    v->actions = calloc(na, sizeof *v->actions);
    v->actor_last = calloc(nac, sizeof *v->actor_last);
    v->role_last = calloc(nr, sizeof *v->role_last);
    if (!v->objectives || !v->actions || !v->actor_last || !v->role_last || !v->verdicts ||
        !v->reached)
        return false;
    v->sc = sc;
    return true;
}

const tt_value *dash_view_state(const dash_view *v, const char *key)
{
    if (!key)
        return NULL;
    for (size_t i = 0; i < v->n_state; i++)
        if (strcmp(v->state[i].key, key) == 0)
            return &v->state[i].value;
    return NULL;
}

static bool set_state(dash_view *v, const tt_kv *kv)
{
    if (!kv->key)
        return true;
    for (size_t i = 0; i < v->n_state; i++)
        if (strcmp(v->state[i].key, kv->key) == 0) {
            v->state[i].value = kv->value;
            return true;
        }
    if (!tt_grow(&v->state, &v->cap_state, v->n_state + 1, sizeof *v->state))
        return false;
    v->state[v->n_state++] = *kv;
    return true;
}

static void reset(dash_view *v, const tt_scenario *sc, tt_ms at, tt_lang lang)
{
    v->lang = lang;
    v->now = at < 0 ? 0 : at;
    v->speed = 1.0;
    v->started = v->paused = v->ended = false;
    v->end_status = NULL;
    v->start = NULL;
    v->n_feed = v->n_state = v->n_records = v->n_taken = 0;
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const tt_objective *o = &sc->objectives[i];
        v->objectives[i] = (dash_objective){ TT_OBJECTIVE_OPEN, TT_MS_NEVER,
                                             o->target, o->limit };
    }
    for (size_t i = 0; i < sc->n_actions; i++)
        v->actions[i] = (dash_action){ 0, TT_MS_NEVER, TT_MS_NEVER, false, NULL, NULL };
    for (size_t i = 0; i < sc->n_actors; i++)
        v->actor_last[i] = TT_MS_NEVER;
    for (size_t i = 0; i < sc->n_roles; i++)
        v->role_last[i] = TT_MS_NEVER;
    /* Before START, show the scenario's declared settings and metrics at 0. */
    for (size_t i = 0; i < sc->n_settings; i++) {
        tt_kv kv = { sc->settings[i].key, sc->settings[i].value };
        set_state(v, &kv);
    }
}

static bool in_feed(tt_record_type t)
{
    switch (t) {
    case TT_REC_INJECT: case TT_REC_MESSAGE: case TT_REC_ACTION:
    case TT_REC_DONE: case TT_REC_REFUSED: case TT_REC_NOTE:
    case TT_REC_CUSTOM: case TT_REC_OBJECTIVE: case TT_REC_END:
    case TT_REC_CANCEL: case TT_REC_DECLINED: case TT_REC_ASKED: case TT_REC_REPLY:
        return true;
    default:
        return false;
    }
}

static void note_sender(dash_view *v, const char *from, tt_ms t)
{
    int a = tt_scenario_actor(v->sc, from);
    if (a >= 0)
        v->actor_last[a] = t;
    int r = tt_scenario_role(v->sc, from);
    if (r >= 0)
        v->role_last[r] = t;
}

static bool apply(dash_view *v, const tt_record *r)
{
    const tt_scenario *sc = v->sc;
    int i;
    switch (r->type) {
    case TT_REC_START:
        v->started = true;
        v->start = r->start;
        if (r->start) {
            if (r->start->speed > 0)
                v->speed = r->start->speed;
            for (size_t k = 0; k < r->start->n_settings; k++)
                if (!set_state(v, &r->start->settings[k]))
                    return false;
            for (size_t k = 0; k < r->start->n_state; k++)
                if (!set_state(v, &r->start->state[k]))
                    return false;
        }
        break;
    case TT_REC_STATE:
        for (size_t k = 0; k < r->n_changes; k++)
            if (!set_state(v, &r->changes[k]))
                return false;
        break;
    case TT_REC_INJECT:
    case TT_REC_MESSAGE:
        note_sender(v, r->from, r->t);
        break;
    case TT_REC_ACTION:
        i = tt_scenario_action(sc, r->id);
        if (i >= 0) {
            dash_action *a = &v->actions[i];
            a->taken++;
            a->last_taken = r->t;
            a->until = r->until;
            a->in_progress = true;
            a->role = r->role;
            a->refused = NULL;
        }
        note_sender(v, r->role, r->t);
        if (!tt_grow(&v->taken, &v->cap_taken, v->n_taken + 1, sizeof *v->taken))
            return false;
        v->taken[v->n_taken++] = (tt_action_taken){
            r->t, i,
            /* API 1.1: a harmful/wasted function's verdict is on the record */
            !r->status                         ? 0
            : strcmp(r->status, "harmful") == 0 ? TT_TAKEN_HARMFUL
            : strcmp(r->status, "wasted") == 0  ? TT_TAKEN_WASTED
                                                : 0 };
        break;
    case TT_REC_DONE:
        i = tt_scenario_action(sc, r->id);
        if (i >= 0)
            v->actions[i].in_progress = false;
        break;
    case TT_REC_REFUSED:
        i = tt_scenario_action(sc, r->id);
        if (i >= 0)
            v->actions[i].refused = tt_text_get(&r->text, v->lang);
        break;
    case TT_REC_OBJECTIVE:
        i = tt_scenario_objective(sc, r->id);
        if (i >= 0 && r->status) {
            dash_objective *o = &v->objectives[i];
            o->status = strcmp(r->status, "reached") == 0 ? TT_OBJECTIVE_REACHED
                        : strcmp(r->status, "missed") == 0 ? TT_OBJECTIVE_MISSED
                                                           : TT_OBJECTIVE_OPEN;
            o->at = r->t;
        }
        break;
    case TT_REC_PAUSE:
        v->paused = true;
        break;
    case TT_REC_RESUME:
        v->paused = false;
        break;
    case TT_REC_SPEED:
        if (r->speed > 0)
            v->speed = r->speed;
        break;
    case TT_REC_END:
        v->ended = true;
        v->end_status = r->status;
        v->now = r->t;          /* the clock stops where the exercise ended */
        break;
    default:
        break;
    }
    if (in_feed(r->type)) {
        if (!tt_grow(&v->feed, &v->cap_feed, v->n_feed + 1, sizeof *v->feed))
            return false;
        v->feed[v->n_feed++] = r;
    }
    return true;
}

int dash_view_build(dash_view *v, const tt_scenario *sc, const tt_record *recs,
                    size_t n, tt_ms at, tt_lang lang, tt_error *err)
{
    if (!size_arrays(v, sc)) {
        tt_error_set_as(err, TT_ERR_NOMEM, NULL, 0, 0, TT_MSG(E_DASH_OOM));
        return -1;
    }
    size_t first = 0;
    if (recs && recs == v->built_from && lang == v->lang && at >= v->built_at &&
        v->n_records <= n) {
        first = v->n_records; /* the same records, later: only what is new */
        if (!v->ended)
            v->now = at < 0 ? 0 : at;
    } else {
        reset(v, sc, at, lang);
    }
    v->built_from = recs;
    v->built_at = at;
    for (size_t i = first; i < n && recs[i].t <= at; i++) {
        if (!apply(v, &recs[i])) {
            tt_error_set_as(err, TT_ERR_NOMEM, NULL, 0, 0, TT_MSG(E_DASH_OOM));
            return -1;
        }
        v->n_records = i + 1;
    }
    if (dash_score_now(v) != 0) {
        tt_error_set_as(err, TT_ERR_NOMEM, NULL, 0, 0, TT_MSG(E_DASH_OOM));
        return -1;
    }
    return 0;
}
