/* What participants and the facilitator do: actions (checked, refused with a
 * reason, or started), notes and custom injects. */
#include "tabletop/terms.h"
#include "events.h"

#include <stdlib.h>
#include <string.h>

static const tt_text WHY_NOT_RUNNING = {
    "演習は実行中ではありません。", "The exercise is not running." };
static const tt_text WHY_ROLE = {
    "この役割はこの対応を実施できません。", "This role cannot take this action." };
static const tt_text WHY_TAKEN = {
    "この対応は実施済みです。", "This action has already been taken." };
static const tt_text WHY_RUNNING = {
    "この対応は実施中です。", "This action is already in progress." };
static const tt_text WHY_UNKNOWN = {
    "シナリオにない対応です。", "The scenario has no such action." };
static const tt_text WHY_BUSY = {
    "この役割は手一杯です（同時に実施できる対応の数に達しています）。",
    "This role is busy: it is already running as many actions as it can at once." };
static const tt_text WHY_NOT_IN_PROGRESS = {
    "この対応は実施中ではありません。", "This action is not in progress." };
static const tt_text WHY_NO_QUESTION = {
    "この対応について回答を待つ質問はありません。",
    "No question about this action is waiting for an answer." };
static const tt_text WHY_PRECONDITION = {
    "前提条件を満たしていません。", "Its precondition does not hold yet." };

/* Static checks (everything but the scenario's own precondition). */
static const tt_text *static_refusal(const tt_exercise *ex, const char *role, int action)
{
    if (ex->phase != TT_PHASE_RUNNING && ex->phase != TT_PHASE_PAUSED)
        return &WHY_NOT_RUNNING;
    if (action < 0 || (size_t)action >= ex->sc->n_actions)
        return &WHY_UNKNOWN;
    const tt_action *a = &ex->sc->actions[action];
    if (!role || !tt_action_allows_role(a, role))
        return &WHY_ROLE;
    if (ex->action_running[action])
        return &WHY_RUNNING;
    if (ex->action_taken[action] && !a->repeatable)
        return &WHY_TAKEN;
    /* API 1.1: a role's capacity bounds the actions it runs at once. */
    int r = tt_scenario_role(ex->sc, role);
    if (r >= 0 && ex->sc->roles[r].capacity > 0) {
        int busy = 0;
        for (size_t i = 0; i < ex->n_running; i++)
            busy += !ex->running[i].finished && strcmp(ex->running[i].role, role) == 0;
        if (busy >= ex->sc->roles[r].capacity)
            return &WHY_BUSY;
    }
    return NULL;
}

/* A screen redraws often: an answer that read ctx.now is asked again as
 * time moves, but at most this often (wall clock). */
#define PREVIEW_WALL_MS 250

/* The display answers, asked again when a callback ran since (it may have
 * changed what `requires` reads, in `s` or outside it) or time moved for
 * one that reads ctx.now. -1 when they cannot be asked. */
static int fresh_preview(tt_exercise *ex)
{
    size_t n = ex->sc->n_actions;
    if (!ex->preview) {
        ex->preview = calloc(n + 1, sizeof *ex->preview);
        ex->preview_want = calloc(n + 1, sizeof *ex->preview_want);
        if (!ex->preview || !ex->preview_want) {
            free(ex->preview);
            free(ex->preview_want);
            ex->preview = NULL;
            ex->preview_want = NULL;
            return -1;
        }
        for (size_t i = 0; i < n; i++)
            ex->preview_want[i] = ex->sc->actions[i].has_requires;
    }
    uint64_t calls = tt_script_calls(ex->script);
    int64_t wall = tt_wall_ms();
    if (ex->preview_valid && ex->preview_calls == calls &&
        (!ex->preview_uses_now || ex->preview_now == ex->now ||
         wall - ex->preview_wall < PREVIEW_WALL_MS))
        return 0;
    tt_error err;
    int rc = tt_script_preview_allowed(ex->script, ex->now, ex->preview_want, ex->preview,
                                       &err);
    ex->preview_valid = true;
    ex->preview_calls = calls;
    ex->preview_now = ex->now;
    ex->preview_wall = wall;
    ex->preview_uses_now = false;
    for (size_t i = 0; i < n; i++)
        ex->preview_uses_now |= ex->preview[i].uses_now;
    return rc;
}

bool tt_exercise_can_act(tt_exercise *ex, const char *role, int action, tt_text *why)
{
    const tt_text *refusal = static_refusal(ex, role, action);
    if (refusal) {
        if (why)
            *why = *refusal;
        return false;
    }
    if (!ex->sc->actions[action].has_requires)
        return true;
    /* A display asking must not change the drill: the precondition runs on
     * a snapshot (tt_script_preview_allowed). Unanswered, the action is
     * offered and its precondition decides when it is taken. */
    if (fresh_preview(ex) != 0 && !ex->preview)
        return true;
    const tt_preview *p = &ex->preview[action];
    if (!p->known || p->ok)
        return true;
    if (why)
        *why = (!p->failed && (p->why.ja || p->why.en)) ? p->why : WHY_PRECONDITION;
    return false;
}

/* Whatever is due at this instant happens before an input, as in a replay
 * (which advances to the input's time first). 1 when that ended the
 * exercise (the input is then dropped), -1 on error, else 0. */
static int run_due_events(tt_exercise *ex, tt_error *err)
{
    if (tt_exercise_advance(ex, ex->now, err) != 0)
        return -1;
    return ex->phase == TT_PHASE_ENDED ? 1 : 0;
}

static int refuse(tt_exercise *ex, const char *role, const char *action,
                  const char *member, const char *note, tt_text why, tt_error *err)
{
    tt_record r = { .type = TT_REC_REFUSED, .id = action, .role = role,
                    .member = member, .note = note, .text = why };
    return ex_emit(ex, &r, err);
}

static int start_running(tt_exercise *ex, int action, const char *role,
                         const char *member, tt_ms until, int bad, tt_error *err)
{
    if (!tt_grow(&ex->running, &ex->cap_running, ex->n_running + 1, sizeof *ex->running)) {
        tt_error_oom(err, NULL);
        return -1;
    }
    running_action ra = { action, strdup(role), member ? strdup(member) : NULL, false,
                          ex->now, bad, false, false, 0 };
    if (!ra.role || (member && !ra.member)) {
        free(ra.role);
        free(ra.member);
        tt_error_oom(err, NULL);
        return -1;
    }
    if (!tt_queue_push(&ex->queue, until, EV_ACTION_DONE, (int)ex->n_running, 0)) {
        free(ra.role);
        free(ra.member);
        tt_error_oom(err, NULL);
        return -1;
    }
    ex->running[ex->n_running++] = ra;
    ex->action_taken[action] = true;
    ex->action_running[action] = true;
    return 0;
}

/* What every team input (act, cancel, reply) does first: refuse when the
 * exercise is not running, then run what fell due before it. 1: go on;
 * 0: stop, *refused says whether the drill ended on the way; -1: error. */
static int begin_team_input(tt_exercise *ex, bool *refused, tt_error *err)
{
    if (refused)
        *refused = false;
    if (ex->phase == TT_PHASE_READY || ex->phase == TT_PHASE_ENDED) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_NOT_RUNNING));
        return -1;
    }
    int due = run_due_events(ex, err);
    if (due != 0) {
        if (refused)
            *refused = due > 0;
        return due < 0 ? -1 : 0;
    }
    return 1;
}

int tt_exercise_act(tt_exercise *ex, const char *role, const char *action,
                    const char *member, const char *note, bool *refused,
                    tt_error *err)
{
    int go = begin_team_input(ex, refused, err);
    if (go <= 0)
        return go;
    if (!member && ex->cfg.roster && role)
        member = tt_roster_member_for(ex->cfg.roster, role);
    ex->inputs_taken++;
    int index = tt_scenario_action(ex->sc, action);
    const tt_text *refusal = static_refusal(ex, role, index);
    tt_text why = refusal ? *refusal : (tt_text){ NULL, NULL };
    bool ok = refusal == NULL;
    if (ok && ex->sc->actions[index].has_requires) {
        if (tt_script_action_allowed(ex->script, index, ex->now, &ok, &why, err) != 0)
            return -1;
        if (!ok && !why.ja && !why.en)
            why = WHY_PRECONDITION;
    }
    if (!ok) {
        if (refused)
            *refused = true;
        return refuse(ex, role, action, member, note, why, err);
    }
    const tt_action *a = &ex->sc->actions[index];
    /* API 1.1: takes and harmful/wasted as functions of the state, asked
     * once, now; their answers are journaled (until, status and text), so a
     * replay or resume compares them and the card reads them. */
    tt_ms takes = a->takes;
    bool bad = false;
    tt_text bad_why = { NULL, NULL };
    if (a->takes_fn &&
        tt_script_action_takes(ex->script, index, ex->now, role, &takes, err) != 0)
        return -1;
    if ((a->harmful_fn || a->wasted_fn) &&
        tt_script_action_bad(ex->script, index, ex->now, role, &bad, &bad_why, err) != 0)
        return -1;
    const tt_ms max_ms = (tt_ms)3650 * 86400000; /* the journal's bound on any time */
    if (takes > max_ms - ex->now)
        takes = max_ms - ex->now;
    tt_record r = { .type = TT_REC_ACTION, .id = a->id, .role = role,
                    .member = member, .note = note, .until = ex->now + takes };
    if (bad) {
        r.status = a->harmful_fn ? "harmful" : "wasted";
        r.text = bad_why;
    }
    if (ex_emit(ex, &r, err) != 0)
        return -1;
    return start_running(ex, index, role, member, ex->now + takes,
                         !bad ? 0 : a->harmful_fn ? TT_TAKEN_HARMFUL : TT_TAKEN_WASTED, err);
}

/* The running (not finished, not cancelled) instance of an action. */
static int running_slot(const tt_exercise *ex, int action)
{
    for (size_t i = ex->n_running; i-- > 0;)
        if (ex->running[i].action == action && !ex->running[i].finished)
            return (int)i;
    return -1;
}

int tt_exercise_cancel(tt_exercise *ex, const char *role, const char *action,
                       const char *member, const char *note, bool *refused, tt_error *err)
{
    int go = begin_team_input(ex, refused, err);
    if (go <= 0)
        return go;
    int index = action ? tt_scenario_action(ex->sc, action) : -1;
    int slot = index >= 0 ? running_slot(ex, index) : -1;
    if (!member && ex->cfg.roster && role)
        member = tt_roster_member_for(ex->cfg.roster, role);
    ex->inputs_taken++;
    /* Who took it, or another role that may take it, can call it off; an
     * attempt that cannot is journaled too (a script's step, a resume). */
    const tt_text *why = index < 0 ? &WHY_UNKNOWN
                         : !role || !tt_action_allows_role(&ex->sc->actions[index], role)
                             ? &WHY_ROLE
                         : slot < 0 ? &WHY_NOT_IN_PROGRESS
                                    : NULL;
    if (why) {
        if (refused)
            *refused = true;
        tt_record no = { .type = TT_REC_CANCEL, .id = action, .role = role, .member = member,
                         .note = note, .status = "refused", .text = *why };
        return ex_emit(ex, &no, err);
    }
    running_action *ra = &ex->running[slot];
    ra->cancelled = true;
    ra->finished = true;
    ra->waiting = false;
    ex->action_running[index] = false;
    ex->action_taken[index] = false; /* never done: it may be taken again */
    tt_record r = { .type = TT_REC_CANCEL, .id = ex->sc->actions[index].id, .role = role,
                    .member = member, .note = note };
    if (ex_emit(ex, &r, err) != 0)
        return -1;
    if (ex->sc->actions[index].has_on_cancel &&
        (tt_script_action_cancelled(ex->script, index, ex->now, ra->role, err) != 0 ||
         ex_take_scheduled(ex, err) != 0))
        return -1;
    return ex_settle(ex, err);
}

int tt_exercise_reply(tt_exercise *ex, const char *role, const char *action,
                      const char *member, const char *answer, bool *refused, tt_error *err)
{
    int go = begin_team_input(ex, refused, err);
    if (go <= 0)
        return go;
    if (!answer || !answer[0]) {
        if (refused)
            *refused = true; /* nothing said: nothing journaled */
        return 0;
    }
    int index = action ? tt_scenario_action(ex->sc, action) : -1;
    int slot = index >= 0 ? running_slot(ex, index) : -1;
    if (!member && ex->cfg.roster && role)
        member = tt_roster_member_for(ex->cfg.roster, role);
    ex->inputs_taken++;
    const tt_text *why = index < 0 ? &WHY_UNKNOWN
                         : !role || !tt_action_allows_role(&ex->sc->actions[index], role)
                             ? &WHY_ROLE
                         : slot < 0 || !ex->running[slot].waiting ? &WHY_NO_QUESTION
                                                                  : NULL;
    if (why) {
        if (refused)
            *refused = true;
        tt_record no = { .type = TT_REC_REPLY, .id = action, .role = role, .member = member,
                         .note = answer, .status = "refused", .text = *why };
        return ex_emit(ex, &no, err);
    }
    tt_record r = { .type = TT_REC_REPLY, .id = ex->sc->actions[index].id, .role = role,
                    .member = member, .note = answer };
    if (ex_emit(ex, &r, err) != 0)
        return -1;
    if (ex_action_done(ex, slot, answer, err) != 0)
        return -1;
    return ex_settle(ex, err);
}

bool tt_exercise_action_waiting(const tt_exercise *ex, int action)
{
    int slot = action >= 0 && (size_t)action < ex->sc->n_actions ? running_slot(ex, action) : -1;
    return slot >= 0 && ex->running[slot].waiting;
}

bool tt_exercise_action_in_progress(const tt_exercise *ex, int action)
{
    return action >= 0 && (size_t)action < ex->sc->n_actions && running_slot(ex, action) >= 0;
}

int tt_exercise_note(tt_exercise *ex, const char *role, const char *member,
                     const char *note, tt_error *err)
{
    if (ex->phase == TT_PHASE_READY || ex->phase == TT_PHASE_ENDED) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_NOT_RUNNING));
        return -1;
    }
    int due = run_due_events(ex, err);
    if (due != 0)
        return due < 0 ? -1 : 0;
    if (!member && ex->cfg.roster && role)
        member = tt_roster_member_for(ex->cfg.roster, role);
    ex->inputs_taken++;
    tt_record r = { .type = TT_REC_NOTE, .role = role, .member = member, .note = note };
    return ex_emit(ex, &r, err);
}

int tt_exercise_custom_inject(tt_exercise *ex, const tt_text *text, tt_error *err)
{
    return tt_exercise_inject_to(ex, text, NULL, NULL, NULL, err);
}

static bool member_holds(const tt_roster *roster, const char *member, const char *role)
{
    for (size_t i = 0; roster && i < roster->n_members; i++)
        if (strcmp(roster->members[i].name, member) == 0 &&
            strcmp(roster->members[i].role, role) == 0)
            return true;
    return false;
}

int tt_exercise_inject_to(tt_exercise *ex, const tt_text *text, const char *to,
                          const char *member, bool *refused, tt_error *err)
{
    if (refused)
        *refused = false;
    if (ex->phase == TT_PHASE_READY || ex->phase == TT_PHASE_ENDED) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_NOT_RUNNING));
        return -1;
    }
    if ((to && tt_scenario_role(ex->sc, to) < 0) || (member && !to) ||
        (member && !member_holds(ex->cfg.roster, member, to))) {
        if (refused)
            *refused = true;
        return 0;
    }
    int due = run_due_events(ex, err);
    if (due != 0)
        return due < 0 ? -1 : 0;
    tt_record r = { .type = TT_REC_CUSTOM, .from = "facilitator", .to = to,
                    .member = member, .text = *text };
    return ex_emit(ex, &r, err);
}

int tt_exercise_hold_journal(tt_exercise *ex, bool hold, tt_error *err)
{
    tt_journal_writer *w = ex->owned_journal ? ex->owned_journal : ex->cfg.journal;
    return tt_journal_hold(w, hold, err);
}

bool tt_exercise_inject_given(const tt_exercise *ex, size_t index)
{
    return index < ex->sc->n_injects && ex->inject_fired[index];
}

int tt_exercise_answer(tt_exercise *ex, const char *role, const char *member,
                       const char *inject, size_t question, const char *answer,
                       bool *refused, tt_error *err)
{
    if (refused)
        *refused = false;
    if (ex->phase == TT_PHASE_READY || ex->phase == TT_PHASE_ENDED) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_EX_NOT_RUNNING));
        return -1;
    }
    int index = inject ? tt_scenario_inject(ex->sc, inject) : -1;
    if (index < 0 || !ex->inject_fired[index] ||
        question >= ex->sc->injects[index].n_questions || !answer || !answer[0] ||
        (role && tt_scenario_role(ex->sc, role) < 0)) {
        if (refused)
            *refused = true;
        return 0;
    }
    int due = run_due_events(ex, err);
    if (due != 0)
        return due < 0 ? -1 : 0;
    const tt_inject *in = &ex->sc->injects[index];
    tt_record r = { .type = TT_REC_ANSWER, .id = in->id, .role = role, .member = member,
                    .note = answer, .questions = &in->questions[question],
                    .n_questions = 1 };
    return ex_emit(ex, &r, err);
}

size_t tt_exercise_inputs_taken(const tt_exercise *ex)
{
    return ex->inputs_taken;
}

int tt_exercise_play_until(tt_exercise *ex, const tt_action_script *script, size_t *next, tt_ms horizon,
                           tt_error *err)
{
    while (script && *next < script->n_steps && ex->phase == TT_PHASE_RUNNING) {
        const tt_script_step *st = &script->steps[*next];
        if (st->at > horizon)
            break;
        if (tt_exercise_advance(ex, st->at, err) != 0)
            return -1;
        if (ex->phase == TT_PHASE_ENDED)
            break;
        (*next)++;
        /* An end step: the facilitator ends the drill at its time. */
        if (st->end)
            return tt_exercise_end(ex, err);
        /* No member given: the exercise names the roster's member for the role. */
        int rc = st->action ? tt_exercise_act(ex, st->by, st->action, st->member, st->note, NULL, err)
                 : st->cancel ? tt_exercise_cancel(ex, st->by, st->cancel, st->member, st->note,
                                                   NULL, err)
                 : st->reply  ? tt_exercise_reply(ex, st->by, st->reply, st->member, st->note,
                                                  NULL, err)
                              : tt_exercise_note(ex, st->by, st->member, st->note, err);
        if (rc != 0)
            return -1;
    }
    return 0;
}

int tt_exercise_play(tt_exercise *ex, const tt_action_script *script, size_t first,
                     tt_error *err)
{
    if (tt_exercise_play_until(ex, script, &first, TT_MS_NEVER, err) != 0)
        return -1;
    return tt_exercise_advance(ex, ex->sc->length, err);
}
