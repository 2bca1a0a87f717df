/* The engine thread's side: records into the shared history, queued inputs
 * applied to the exercise, and the per-role views (clock, menus) rebuilt
 * after each change. Only this thread touches the exercise. */
#define _GNU_SOURCE
#include "web_internal.h"
#include "tabletop/qr.h"
#include "tabletop/score.h"
#include "tabletop/terms.h"

#include <fcntl.h>
#include <jansson.h>

#include "tabletop/cache_files.h"
#include "tabletop/json_text.h"
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int push_record(tt_web *w, const tt_record *r)
{
    hist_item h = { .type = r->type };
    h.json = web_record_json(r);
    h.role = dup_or_null(r->role);
    h.to = dup_or_null(r->to);
    h.member = dup_or_null(r->member);
    if (!h.json || (r->role && !h.role) || (r->to && !h.to) || (r->member && !h.member))
        goto oom;
    h.len = strlen(h.json);
    pthread_mutex_lock(&w->mu);
    if (!tt_grow(&w->hist, &w->cap_hist, w->n_hist + 1, sizeof *w->hist)) {
        pthread_mutex_unlock(&w->mu);
        goto oom;
    }
    w->hist[w->n_hist++] = h;
    if (!w->holding)
        w->n_published = w->n_hist;
    pthread_mutex_unlock(&w->mu);
    return 0;
oom:
    free(h.json);
    free(h.role);
    free(h.to);
    free(h.member);
    return -1;
}

int tt_web_preload(tt_web *w, const tt_journal *j)
{
    for (size_t i = 0; i < j->n_records; i++)
        if (push_record(w, &j->records[i]) != 0)
            return -1;
    return 0;
}

void tt_web_sink(void *web, const tt_record *r)
{
    tt_web *w = web;
    if (!w)
        return;
    /* Out of memory loses a page update, never a journal record. */
    push_record(w, r);
    /* Notes, answers and facilitator injects change no menu or clock. */
    if (r->type != TT_REC_NOTE && r->type != TT_REC_ANSWER && r->type != TT_REC_CUSTOM)
        w->views_stale = true;
    lws_cancel_service(w->ctx);
}

static json_t *text_json(const tt_text *t)
{
    return json_pack("{s:s?, s:s?}", "ja", t->ja, "en", t->en);
}

char *web_scenario_json(const tt_scenario *sc, const tt_roster *roster)
{
    json_t *roles = json_object(), *actors = json_object(), *actions = json_object(),
           *members = json_array(), *objectives = json_array();
    /* Every value made or no description: a seat's page must not miss a name. */
    bool ok = roles && actors && actions && members && objectives;
    for (size_t i = 0; ok && i < sc->n_roles; i++)
        ok = json_object_set_new(roles, sc->roles[i].id,
                                 json_pack("{s:o}", "name", text_json(&sc->roles[i].name))) == 0;
    for (size_t i = 0; ok && i < sc->n_actors; i++)
        ok = json_object_set_new(actors, sc->actors[i].id,
                                 json_pack("{s:o}", "name", text_json(&sc->actors[i].name))) == 0;
    for (size_t i = 0; ok && i < sc->n_actions; i++)
        ok = json_object_set_new(actions, sc->actions[i].id,
                                 json_pack("{s:o}", "label",
                                           text_json(&sc->actions[i].label))) == 0;
    for (size_t i = 0; ok && i < sc->n_objectives; i++) {
        const tt_objective *ob = &sc->objectives[i];
        ok = json_array_append_new(objectives,
                                   json_pack("{s:s, s:s, s:o, s:I, s:I}", "id", ob->id, "phase",
                                             tt_objective_phase_name(ob->phase), "title",
                                             text_json(&ob->title), "target",
                                             (json_int_t)ob->target, "limit",
                                             (json_int_t)ob->limit)) == 0;
    }
    for (size_t i = 0; ok && roster && i < roster->n_members; i++)
        ok = json_array_append_new(members, json_pack("{s:s, s:s}", "name",
                                                      roster->members[i].name, "role",
                                                      roster->members[i].role)) == 0;
    if (!ok) {
        json_decref(roles);
        json_decref(actors);
        json_decref(actions);
        json_decref(members);
        json_decref(objectives);
        return NULL;
    }
    json_t *o = json_pack("{s:s, s:o, s:I, s:o, s:o, s:o, s:o, s:o}", "id", sc->id, "title",
                          text_json(&sc->title), "length", (json_int_t)sc->length, "roles",
                          roles, "actors", actors, "actions", actions, "objectives", objectives,
                          "roster", members);
    char *s = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

static const char *phase_name(tt_phase p)
{
    switch (p) {
    case TT_PHASE_READY: return "ready";
    case TT_PHASE_RUNNING: return "running";
    case TT_PHASE_PAUSED: return "paused";
    default: return "ended";
    }
}

static const char *objective_status_name(tt_objective_status s)
{
    return s == TT_OBJECTIVE_REACHED ? "reached" : s == TT_OBJECTIVE_MISSED ? "missed" : "open";
}

/* The drill scored as if it ended now, by the rules the card, the
 * terminal's /status and the dashboard use (tt_score_ended_now): what the
 * exercise has journaled, scored here on the engine thread. NULL on OOM. */
static json_t *score_json(tt_exercise *ex)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    const tt_objective_view *views = tt_exercise_objectives(ex);
    size_t n_taken = tt_exercise_taken(ex, NULL, 0);
    tt_score_verdict *verdicts = calloc(sc->n_objectives + 1, sizeof *verdicts);
    tt_ms *reached = calloc(sc->n_objectives + 1, sizeof *reached);
    tt_action_taken *taken = calloc(n_taken + 1, sizeof *taken);
    json_t *list = json_array(), *o = NULL;
    if (!verdicts || !reached || !taken || !list)
        goto out;
    tt_exercise_taken(ex, taken, n_taken);
    for (size_t i = 0; i < sc->n_objectives; i++)
        reached[i] = views && views[i].status == TT_OBJECTIVE_REACHED ? views[i].at
                                                                       : TT_MS_NEVER;
    tt_score_summary sum;
    tt_score_ended_now(sc, tt_exercise_now(ex), reached, taken, n_taken, verdicts, &sum);
    for (size_t i = 0; i < sc->n_objectives; i++) {
        tt_objective_status st = views ? views[i].status : TT_OBJECTIVE_OPEN;
        bool na = verdicts[i].rating == TT_RATING_NA;
        json_t *at = st == TT_OBJECTIVE_OPEN ? json_null() : json_integer(views[i].at);
        json_t *points = na ? json_null() : json_integer(verdicts[i].score);
        if (json_array_append_new(list, json_pack("{s:s, s:s, s:o, s:s, s:o}", "id",
                                                  sc->objectives[i].id, "status",
                                                  objective_status_name(st), "at", at,
                                                  "rating", tt_rating_letter(verdicts[i].rating),
                                                  "score", points)) != 0)
            goto out;
    }
    o = json_pack("{s:o, s:s, s:I, s:I, s:I, s:s, s:O}", "score",
                  sum.n_assessed ? json_integer(sum.score) : json_null(), "rating",
                  tt_rating_letter(sum.rating), "assessed", (json_int_t)sum.n_assessed,
                  "not_assessed", (json_int_t)sum.n_not_assessed, "unable",
                  (json_int_t)sum.n_unable, "tone",
                  tt_score_tone_key(tt_score_summary_tone(&sum)), "objectives", list);
out:
    json_decref(list);
    free(verdicts);
    free(reached);
    free(taken);
    return o;
}

/* Status for one role (r < n_roles) or for the staff seats (r == n_roles).
 * The staff seats also get the score if the drill ended now; players do
 * not: which objectives another role has settled is not their seat's to
 * see (docs/multiseat.md). */
static char *status_json(tt_exercise *ex, size_t r, const tt_pending *p, size_t n)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    json_t *pend = json_array();
    bool ok = pend != NULL;   /* a view with an item missing is a wrong view: none */
    for (size_t i = 0; ok && i < n; i++) {
        if (r < sc->n_roles && (!p[i].role || strcmp(p[i].role, sc->roles[r].id) != 0))
            continue;
        if (r < sc->n_roles && !p[i].is_action)
            continue;   /* replies on their way are the facilitator's secret */
        ok = json_array_append_new(pend, json_pack("{s:s, s:s?, s:s?, s:I, s:b, s:b}", "kind",
                                                   p[i].is_action ? "action" : "message", "id",
                                                   p[i].id, "role", p[i].role, "at",
                                                   (json_int_t)p[i].at, "action",
                                                   p[i].is_action, "waiting",
                                                   p[i].waiting)) == 0;
    }
    if (!ok) {
        json_decref(pend);
        return NULL;
    }
    json_t *o = json_pack("{s:s, s:I, s:f, s:s, s:I, s:o}", "type", "status", "t",
                          (json_int_t)tt_exercise_now(ex), "speed", tt_exercise_speed(ex),
                          "phase", phase_name(tt_exercise_phase(ex)), "length",
                          (json_int_t)sc->length, "pending", pend);
    if (o && r == sc->n_roles) {
        json_t *score = score_json(ex);
        if (!score || json_object_set_new(o, "score", score) != 0) {
            json_decref(o);
            return NULL;
        }
    }
    char *s = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

/* The role's menu: every action it may take, with its stable number
 * (tt_action_number, the terminal's and the dashboard's), whether it is
 * available now and why not. */
static char *menu_json(tt_exercise *ex, size_t r)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    const char *role = sc->roles[r].id;
    json_t *items = json_array();
    bool made = items != NULL;   /* a menu with an action missing is a wrong menu: none */
    for (size_t a = 0; made && a < sc->n_actions; a++) {
        if (!tt_action_allows_role(&sc->actions[a], role))
            continue;
        tt_text why = { NULL, NULL };
        bool ok = tt_exercise_phase(ex) != TT_PHASE_ENDED &&
                  tt_exercise_can_act(ex, role, (int)a, &why);
        made = json_array_append_new(items, json_pack("{s:i, s:s, s:o, s:b, s:o?}", "number",
                                                      tt_action_number(sc, (int)r, (int)a), "id",
                                                      sc->actions[a].id, "label",
                                                      text_json(&sc->actions[a].label),
                                                      "available", ok, "why",
                                                      ok || (!why.ja && !why.en)
                                                          ? NULL
                                                          : text_json(&why))) == 0;
    }
    if (!made) {
        json_decref(items);
        return NULL;
    }
    json_t *o = json_pack("{s:s, s:s, s:o}", "type", "menu", "role", role, "actions", items);
    char *s = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    return s;
}

int web_refresh_views(tt_web *w, tt_exercise *ex, tt_error *err)
{
    const tt_scenario *sc = w->sc;
    size_t n = tt_exercise_pending(ex, NULL, 0);
    tt_pending *p = n ? calloc(n, sizeof *p) : NULL;
    if (n && !p) {
        tt_error_oom(err, NULL);
        return -1;
    }
    n = tt_exercise_pending(ex, p, n);
    char **status = calloc(sc->n_roles + 1, sizeof *status);
    char **menus = calloc(sc->n_roles + 1, sizeof *menus);
    bool bad = !status || !menus;
    for (size_t r = 0; !bad && r <= sc->n_roles; r++) {
        status[r] = status_json(ex, r, p, n);
        bad = !status[r];
        if (!bad && r < sc->n_roles) {
            menus[r] = menu_json(ex, r);
            bad = !menus[r];
        }
    }
    free(p);
    if (!bad) {
        pthread_mutex_lock(&w->mu);
        char **old_status = w->status, **old_menus = w->menus;
        w->status = status;
        w->menus = menus;
        w->status_ver++;
        /* Menus are resent only when they changed. */
        bool changed = !old_menus;
        for (size_t r = 0; !changed && r < sc->n_roles; r++)
            changed = strcmp(old_menus[r], menus[r]) != 0;
        if (changed)
            w->menu_ver++;
        pthread_mutex_unlock(&w->mu);
        status = old_status;
        menus = old_menus;
    }
    for (size_t r = 0; r <= sc->n_roles; r++) {
        free(status ? status[r] : NULL);
        free(menus ? menus[r] : NULL);
    }
    free(status);
    free(menus);
    if (bad) {
        tt_error_oom(err, NULL);
        return -1;
    }
    lws_cancel_service(w->ctx);
    return 0;
}

static int64_t wall_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void reply_error(tt_web *w, unsigned conn, const char *code, const char *message)
{
    char *e = web_error_json(code, message);
    if (e)
        web_send_to(w, conn, e);
    free(e);
}

/* "not_available" with the engine's reason in both languages ("why"), so a
 * page switched to the other language than the drill's shows it in its
 * own; "message" stays the drill language's. */
static void reply_not_available(tt_web *w, unsigned conn, const tt_text *why)
{
    const char *text = tt_text_get(why, w->o.lang);
    json_t *o = json_pack("{s:s, s:s, s:s, s:o?}", "type", "error", "code", "not_available",
                          "message", text && text[0] ? text : TT_FMT(w->o.lang, E_WEB_NOT_AVAILABLE),
                          "why", why->ja || why->en ? text_json(why) : NULL);
    char *e = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (e)
        web_send_to(w, conn, e);
    free(e);
}

/* The action a player asked for: by id or by menu number; -1 when none. */
static int resolve_action(const tt_scenario *sc, const web_msg *m, const char **role_out)
{
    if (m->action[0]) {
        *role_out = NULL;
        return tt_scenario_action(sc, m->action);
    }
    int role, action;
    if (!tt_action_by_number(sc, m->number, &role, &action))
        return -1;
    *role_out = sc->roles[role].id;
    return action;
}

static int apply_player(tt_web *w, tt_exercise *ex, const web_input *in, tt_error *err)
{
    const web_seat *s = &w->seats[in->seat];
    const web_msg *m = &in->m;
    const tt_scenario *sc = w->sc;
    if (m->kind == WM_NOTE)
        return tt_exercise_note(ex, s->role, s->member, m->text, err);
    if (m->kind == WM_ANSWER) {
        int i = tt_scenario_inject(sc, m->inject);
        if (i < 0 || !tt_to_includes(sc->injects[i].to, s->role)) {
            reply_error(w, in->conn, "not_answerable", TT_MSG(E_WEB_NO_SUCH_QUESTION));
            return 0;
        }
        bool refused = false;
        if (tt_exercise_answer(ex, s->role, s->member, m->inject, (size_t)m->question,
                               m->text, &refused, err) != 0)
            return -1;
        if (refused)
            reply_error(w, in->conn, "not_answerable", TT_MSG(E_WEB_NOT_ASKED));
        return 0;
    }
    const char *by_number_role = NULL;
    int a = resolve_action(sc, m, &by_number_role);
    if (m->kind == WM_CANCEL || m->kind == WM_REPLY) {
        /* API 1.1: this seat's own role only; a refusal is journaled with why. */
        if (a < 0 || (by_number_role && strcmp(by_number_role, s->role) != 0) ||
            !tt_action_allows_role(&sc->actions[a], s->role)) {
            reply_error(w, in->conn, "not_your_role", TT_MSG(E_WEB_NOT_YOUR_ROLE));
            return 0;
        }
        return m->kind == WM_CANCEL
                   ? tt_exercise_cancel(ex, s->role, sc->actions[a].id, s->member, m->text, NULL,
                                        err)
                   : tt_exercise_reply(ex, s->role, sc->actions[a].id, s->member, m->text, NULL,
                                       err);
    }
    if (a < 0) {
        reply_error(w, in->conn, "unknown_action", TT_MSG(E_WEB_NO_SUCH_ACTION));
        return 0;
    }
    if ((by_number_role && strcmp(by_number_role, s->role) != 0) ||
        !tt_action_allows_role(&sc->actions[a], s->role)) {
        reply_error(w, in->conn, "not_your_role", TT_MSG(E_WEB_NOT_YOUR_ROLE));
        return 0;
    }
    tt_text why = { NULL, NULL };
    if (!tt_exercise_can_act(ex, s->role, a, &why)) {
        reply_not_available(w, in->conn, &why);
        return 0;
    }
    return tt_exercise_act(ex, s->role, sc->actions[a].id, s->member, m->text, NULL, err);
}

/* "next" as the terminal's /next: stop at the next inject, message, target or
 * limit and tell the facilitator where and why; before passing the limit of
 * an open objective, answer "next_blocked" with the question, and pass it
 * only when the page sends next again with pass_limit. */
static int facilitator_next(tt_web *w, tt_exercise *ex, unsigned conn, bool pass_limit,
                            int64_t wall, tt_error *err)
{
    tt_next_stop stop;
    if (tt_exercise_skip_to_next(ex, wall, pass_limit, &stop, err) != 0)
        return -1;
    if (stop.kind == TT_STOP_NONE)
        return 0;
    const tt_scenario *sc = tt_exercise_scenario(ex);
    char ja[512], en[512];
    tt_next_stop_say(sc, &stop, TT_LANG_JA, ja, sizeof ja);
    tt_next_stop_say(sc, &stop, TT_LANG_EN, en, sizeof en);
    json_t *o = json_pack("{s:s, s:{s:s, s:s}}", "type", stop.blocked ? "next_blocked" : "next_stop",
                          "text", "ja", ja, "en", en);
    char *s = o ? tt_json_dumps(o, JSON_COMPACT) : NULL;
    json_decref(o);
    if (s)
        web_send_to(w, conn, s);
    free(s);
    return 0;
}

static int apply_facilitator(tt_web *w, tt_exercise *ex, const web_input *in,
                             bool *clock_changed, tt_error *err)
{
    const web_msg *m = &in->m;
    tt_phase ph = tt_exercise_phase(ex);
    int64_t wall = wall_now();
    switch (m->kind) {
    case WM_PAUSE:
        if (ph != TT_PHASE_RUNNING)
            return 0;
        *clock_changed = true;
        return tt_exercise_pause(ex, wall, err);
    case WM_RESUME:
        if (ph != TT_PHASE_PAUSED)
            return 0;
        *clock_changed = true;
        return tt_exercise_resume(ex, wall, err);
    case WM_SPEED:
        *clock_changed = true;
        return tt_exercise_set_speed(ex, m->speed, wall, err);
    case WM_NEXT:
        *clock_changed = true;
        return facilitator_next(w, ex, in->conn, m->pass_limit, wall, err);
    case WM_INJECT: {
        tt_text text = { m->text, m->text };
        bool refused = false;
        if (tt_exercise_inject_to(ex, &text, m->to[0] ? m->to : NULL,
                                  m->member[0] ? m->member : NULL, &refused, err) != 0)
            return -1;
        if (refused)
            reply_error(w, in->conn, "unknown_target", TT_MSG(E_WEB_NO_TARGET));
        return 0;
    }
    case WM_END:
        return tt_exercise_end(ex, err);
    default:
        return 0;
    }
}

int tt_web_pump(tt_web *w, tt_exercise *ex, bool *clock_changed, tt_error *err)
{
    bool changed = false;
    uint64_t count;
    if (read(w->efd, &count, sizeof count) < 0) {
        /* nothing signalled: the queue is looked at anyway */
    }
    pthread_mutex_lock(&w->mu);
    web_input *list = w->in_head;
    w->in_head = w->in_tail = NULL;
    w->n_inputs = 0;
    pthread_mutex_unlock(&w->mu);
    int rc = 0;
    bool any = list != NULL;
    /* A burst of inputs is one group commit: one fsync for all its records,
     * which the seats see only once they are on disk. */
    if (any) {
        w->holding = true;
        rc = tt_exercise_hold_journal(ex, true, err);
    }
    if (rc == 0 && any && tt_exercise_phase(ex) == TT_PHASE_RUNNING)
        rc = tt_exercise_tick(ex, wall_now(), err);
    for (web_input *in = list, *next; in; in = next) {
        next = in->next;
        tt_phase ph = tt_exercise_phase(ex);
        if (rc == 0 && (ph == TT_PHASE_READY || ph == TT_PHASE_ENDED)) {
            reply_error(w, in->conn, "not_running", TT_MSG(E_EX_NOT_RUNNING));
        } else if (rc == 0) {
            seat_kind kind = w->seats[in->seat].kind;
            rc = kind == SEAT_PLAYER ? apply_player(w, ex, in, err)
                                     : apply_facilitator(w, ex, in, &changed, err);
        }
        web_msg_free(&in->m);
        free(in);
    }
    if (any) {
        tt_error ignored;
        if (tt_exercise_hold_journal(ex, false, rc == 0 ? err : &ignored) != 0)
            rc = -1;
        w->holding = false;
        pthread_mutex_lock(&w->mu);
        w->n_published = w->n_hist;
        pthread_mutex_unlock(&w->mu);
        lws_cancel_service(w->ctx);
    }
    if (clock_changed)
        *clock_changed = changed;
    if (rc != 0)
        return -1;
    int64_t now = web_wall_ms();
    if (w->views_stale || changed || now - w->last_status_ms >= 2000) {
        w->views_stale = false;
        w->last_status_ms = now;
        return web_refresh_views(w, ex, err);
    }
    return 0;
}

/* ---- links ---- */

static void link_of(const tt_web *w, const web_seat *s, char *out, size_t size)
{
    const char *host = w->host;
    char name[256];
    if (strcmp(host, "0.0.0.0") == 0 || strcmp(host, "::") == 0)
        host = gethostname(name, sizeof name) == 0 ? name : "localhost";
    bool v6 = strchr(host, ':') != NULL;
    snprintf(out, size, "%s://%s%s%s:%d/join/%s", w->tls ? "https" : "http", v6 ? "[" : "",
             host, v6 ? "]" : "", w->port, s->token);
}

/* The seat's label on screen: "Facilitator", or "Sysadmin (Sato)". */
static void label_of(const tt_web *w, const web_seat *s, char *out, size_t size)
{
    tt_lang L = w->o.lang;
    if (s->kind == SEAT_FACILITATOR) {
        snprintf(out, size, "%s", tt_term_text(W_SEAT_FACILITATOR, L));
    } else if (s->kind == SEAT_OBSERVER) {
        snprintf(out, size, "%s", tt_term_text(W_SEAT_OBSERVER, L));
    } else {
        int r = tt_scenario_role(w->sc, s->role);
        snprintf(out, size, "%s%s%s%s", r >= 0 ? tt_text_get(&w->sc->roles[r].name, L) : s->role,
                 s->member ? " (" : "", s->member ? s->member : "", s->member ? ")" : "");
    }
}

int tt_web_join_codes(const tt_web *w, tt_join_code **out, size_t *n, tt_error *err)
{
    *out = NULL;
    *n = 0;
    tt_join_code *codes = calloc(w->n_seats, sizeof *codes);
    if (!codes) {
        tt_error_oom(err, NULL);
        return -1;
    }
    for (size_t i = 0; i < w->n_seats; i++) {
        char url[512], label[300];
        link_of(w, &w->seats[i], url, sizeof url);
        label_of(w, &w->seats[i], label, sizeof label);
        codes[i].url = strdup(url);
        codes[i].label = strdup(label);
        if (!codes[i].url || !codes[i].label) {
            tt_join_codes_free(codes, i + 1);
            tt_error_oom(err, NULL);
            return -1;
        }
        if (tt_qr_encode(url, &codes[i].qr, err) != 0) {
            tt_join_codes_free(codes, i + 1);
            return -1;
        }
    }
    *out = codes;
    *n = w->n_seats;
    return 0;
}

int tt_web_print_links(const tt_web *w, FILE *out, const char *seats_path, bool qr,
                       tt_error *err)
{
    tt_lang L = w->o.lang;
    char url[512], label[300];
    json_t *root = json_object(), *list = json_array();
    if (!root || !list) {
        json_decref(root);
        json_decref(list);
        tt_error_oom(err, NULL);
        return -1;
    }
    /* Codes in colour on a terminal; plain half blocks into a file. */
    bool ansi = isatty(fileno(out));
    int rc = 0;
    fprintf(out, "%s\n", tt_term_text(W_JOIN_LINKS, L));
    for (size_t i = 0; i < w->n_seats; i++) {
        const web_seat *s = &w->seats[i];
        link_of(w, s, url, sizeof url);
        label_of(w, s, label, sizeof label);
        /* Padded in display cells: a Japanese label takes two per character
         * (printf's %-24s counts bytes and the URLs went out of line). */
        fprintf(out, "  %s", label);
        for (size_t cells = tt_display_width(label); cells < 24; cells++)
            fputc(' ', out);
        fprintf(out, " %s\n", url);
        int kept = s->kind == SEAT_FACILITATOR
                       ? json_object_set_new(root, "facilitator", json_string(url))
                   : s->kind == SEAT_OBSERVER
                       ? json_object_set_new(root, "observer", json_string(url))
                       : json_array_append_new(list, json_pack("{s:s, s:s?, s:s}", "role",
                                                               s->role, "member", s->member,
                                                               "url", url));
        if (kept != 0 && rc == 0) {   /* a links file without a seat's link: none */
            tt_error_oom(err, NULL);
            rc = -1;
        }
        tt_qr code;
        if (qr && rc == 0 && (rc = tt_qr_encode(url, &code, err)) == 0) {
            tt_qr_print(out, &code, ansi);
            tt_qr_free(&code);
        }
    }
    fflush(out);
    if (json_object_set_new(root, "seats", list) != 0 && rc == 0) {
        tt_error_oom(err, NULL);
        rc = -1;
    }
    /* The whole text first: json_dumpfd goes on past a failed write. */
    char *text = rc == 0 && seats_path ? tt_json_dumps(root, JSON_INDENT(2)) : NULL;
    if (rc == 0 && seats_path && !text) {
        tt_error_oom(err, NULL);
        rc = -1;
    }
    if (rc == 0 && seats_path) {
        /* The links are keys: readable by the owner only. */
        int fd = open(seats_path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 || fchmod(fd, 0600) != 0 || !tt_cache_write_all(fd, text, strlen(text)) ||
            write(fd, "\n", 1) != 1) {
            tt_error_runtime(err, seats_path, TT_MSG(E_WEB_CANNOT_WRITE_LINKS));
            rc = -1;
        }
        if (fd >= 0 && close(fd) != 0)
            rc = -1;
    }
    free(text);
    json_decref(root);
    return rc;
}
