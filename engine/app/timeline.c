/* Headless output: what happened, one line per event, then how each
 * objective went. State changes are left to the journal and the scorecard. */
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

/* Print at most `max` bytes of s, cut on a UTF-8 boundary, one line. */
static void put_clipped(FILE *out, const char *s, size_t max)
{
    size_t len = strcspn(s, "\n");
    bool clipped = len > max || s[len] == '\n';
    if (len > max) {
        len = max;
        while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
            len--;
    }
    /* Notes and scenario texts must not drive the terminal. */
    char safe[4096];
    if (tt_term_safe(safe, sizeof safe, s, len, 0) >= sizeof safe)
        clipped = true;
    fputs(safe, out);
    if (clipped)
        fputs(" …", out);
}

static const char *name_of(const tt_scenario *sc, const char *id, tt_lang lang)
{
    if (!id)
        return "";
    int i = tt_scenario_actor(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->actors[i].name, lang);
    i = tt_scenario_role(sc, id);
    if (i >= 0)
        return tt_text_get(&sc->roles[i].name, lang);
    return id;
}

static const char *action_label(const tt_scenario *sc, const char *id, tt_lang lang)
{
    int i = id ? tt_scenario_action(sc, id) : -1;
    return i >= 0 ? tt_text_get(&sc->actions[i].label, lang) : (id ? id : "?");
}

static void write_event(const tt_timeline *tl, const tt_record *r, FILE *out)
{
    const tt_scenario *sc = tl->sc;
    char when[32];
    tt_ms_format(r->t, when, sizeof when);
    switch (r->type) {
    case TT_REC_START:
        fprintf(out, "%s — %s (seed %llu)\n", sc->id, tt_text_get(&sc->title, tl->lang),
                (unsigned long long)r->start->seed);
        return;
    case TT_REC_INJECT:
        fprintf(out, "%8s  inject     %s: ", when, name_of(sc, r->from, tl->lang));
        put_clipped(out, tt_text_get(&r->text, tl->lang), 110);
        break;
    case TT_REC_MESSAGE:
        fprintf(out, "%8s  message    %s: ", when, name_of(sc, r->from, tl->lang));
        put_clipped(out, tt_text_get(&r->text, tl->lang), 110);
        break;
    case TT_REC_CUSTOM:
        fprintf(out, "%8s  inject     facilitator%s%s: ", when, r->to ? " -> " : "",
                r->to ? (r->member ? r->member : name_of(sc, r->to, tl->lang)) : "");
        put_clipped(out, tt_text_get(&r->text, tl->lang), 110);
        break;
    case TT_REC_ANSWER:
        fprintf(out, "%8s  answer     %s%s%s%s: ", when, name_of(sc, r->role, tl->lang),
                r->member ? " (" : "", r->member ? r->member : "", r->member ? ")" : "");
        put_clipped(out, r->note ? r->note : "", 110);
        break;
    case TT_REC_ACTION: {
        char until[32];
        tt_ms_format(r->until, until, sizeof until);
        fprintf(out, "%8s  action     %s%s%s%s: %s (until %s)", when,
                name_of(sc, r->role, tl->lang), r->member ? " (" : "",
                r->member ? r->member : "", r->member ? ")" : "",
                action_label(sc, r->id, tl->lang), until);
        break;
    }
    case TT_REC_DONE:
        fprintf(out, "%8s  done       %s", when, action_label(sc, r->id, tl->lang));
        break;
    case TT_REC_REFUSED:
        fprintf(out, "%8s  refused    %s: %s — %s", when, name_of(sc, r->role, tl->lang),
                r->id ? r->id : "?", tt_text_get(&r->text, tl->lang));
        break;
    case TT_REC_OBJECTIVE: {
        int o = tt_scenario_objective(sc, r->id);
        fprintf(out, "%8s  objective  %s %s", when, r->status,
                o >= 0 ? tt_text_get(&sc->objectives[o].title, tl->lang) : r->id);
        break;
    }
    case TT_REC_NOTE:
        fprintf(out, "%8s  note       %s: ", when, name_of(sc, r->role, tl->lang));
        put_clipped(out, r->note ? r->note : "", 110);
        break;
    case TT_REC_END:
        fprintf(out, "%8s  end        (%s)", when, r->status);
        break;
    case TT_REC_CANCEL:
    case TT_REC_REPLY:
        fprintf(out, "%8s  %-10s %s: %s%s%s", when, tt_record_type_name(r->type),
                name_of(sc, r->role, tl->lang), action_label(sc, r->id, tl->lang),
                r->status ? " — " : "", r->status ? tt_text_get(&r->text, tl->lang) : "");
        if (r->note && r->note[0]) {
            fputs(" — ", out);
            put_clipped(out, r->note, 110);
        }
        break;
    case TT_REC_DECLINED:
    case TT_REC_ASKED:
        fprintf(out, "%8s  %-10s %s -> %s: %s — ", when, tt_record_type_name(r->type),
                name_of(sc, r->from, tl->lang), name_of(sc, r->role, tl->lang),
                action_label(sc, r->id, tl->lang));
        put_clipped(out, tt_text_get(&r->text, tl->lang), 110);
        break;
    default:
        return; /* state changes, pause/resume/speed: in the journal */
    }
    fputc('\n', out);
}

/* Each line is built first and printed through the terminal-safe filter:
 * names, labels, notes and titles come from the scenario, the roster and
 * the keyboard. */
static void put_safe(FILE *out, char *text, size_t len)
{
    if (text && len)
        tt_term_fputs(text, TT_TERM_KEEP_NEWLINES, out);
    free(text);
}

/* Records the timeline leaves to the journal (write_event's default case):
 * most of a run's records are state changes, and each line costs a
 * memory stream. */
static bool silent(tt_record_type type)
{
    return type == TT_REC_STATE || type == TT_REC_PAUSE || type == TT_REC_RESUME ||
           type == TT_REC_SPEED;
}

void tt_timeline_sink(void *timeline, const tt_record *r)
{
    tt_timeline *tl = timeline;
    if (silent(r->type))
        return;
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return;
    write_event(tl, r, mem);
    fclose(mem);
    put_safe(tl->out, text, len);
}

static void put_time(FILE *out, tt_ms t)
{
    char buf[32];
    tt_ms_format(t, buf, sizeof buf);
    fprintf(out, " %9s", buf);
}

static void write_summary(FILE *out, tt_exercise *ex, tt_lang lang)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    const tt_objective_view *ov = tt_exercise_objectives(ex);
    fprintf(out, "\n%-24s %-8s %9s %9s %9s  %s\n", "objective", "phase", "target",
            "limit", "reached", "verdict");
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const tt_objective *o = &sc->objectives[i];
        fprintf(out, "%-24s %-8s", o->id, tt_objective_phase_name(o->phase));
        put_time(out, o->target);
        put_time(out, o->limit);
        bool reached = ov[i].status == TT_OBJECTIVE_REACHED;
        put_time(out, reached ? ov[i].at : TT_MS_NEVER);
        const char *verdict = !reached              ? "not reached"
                              : ov[i].at <= o->target ? "within target"
                              : ov[i].at <= o->limit  ? "within limit"
                                                      : "late";
        fprintf(out, "  %s\n", verdict);
    }
    const tt_kv *state;
    size_t n;
    tt_error err;
    if (sc->n_metrics == 0 || tt_exercise_state(ex, &state, &n, &err) != 0)
        return;
    fputc('\n', out);
    for (size_t m = 0; m < sc->n_metrics; m++)
        for (size_t k = 0; k < n; k++)
            if (strcmp(state[k].key, sc->metrics[m].key) == 0) {
                char v[64];
                bool yes_no = state[k].value.type == TT_VAL_BOOL; /* API 1.1: yes/no */
                tt_value_display(&state[k].value, lang, v, sizeof v);
                fprintf(out, "%s%s: %s%s%s\n", sc->metrics[m].damage ? "damage  " : "state   ",
                        tt_text_get(&sc->metrics[m].label, lang), v, yes_no ? "" : " ",
                        yes_no ? "" : tt_text_get(&sc->metrics[m].unit, lang));
            }
}

void tt_timeline_summary(FILE *out, tt_exercise *ex, tt_lang lang)
{
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    if (!mem)
        return;
    write_summary(mem, ex, lang);
    fclose(mem);
    put_safe(out, text, len);
}
