/* Headless output: what happened, one line per event, then how each
 * objective went. State changes are left to the journal and the scorecard. */
#include "timeline.h"

#include <stdlib.h>
#include <string.h>

#include "tabletop/terms.h"

/* s, then spaces up to `cells` terminal cells (at least one when s fills
 * them): the columns hold in Japanese (double-width) as in English. */
static void put_padded(FILE *out, const char *s, size_t cells)
{
    fputs(s, out);
    size_t w = tt_display_width(s);
    do
        fputc(' ', out);
    while (++w < cells + 1);
}

/* The kind of a line ("inject     "): a column of ten cells and a space. */
static void put_kind(FILE *out, tt_term kind, tt_lang lang)
{
    put_padded(out, tt_term_text(kind, lang), 10);
}

/* What an objective's or the end's journaled status word says ("reached",
 * "length"): the journal's word in English, the table's in Japanese. */
static const char *status_word(const char *status, tt_lang lang)
{
    static const struct { const char *word; tt_term term; } words[] = {
        { "reached", C_TL_REACHED_WORD }, { "missed", C_TL_MISSED_WORD },
        { "length", C_TL_END_LENGTH }, { "settled", C_TL_END_SETTLED },
        { "facilitator", C_TL_END_FACILITATOR },
    };
    if (!status)
        return "";
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(status, words[i].word) == 0)
            return tt_term_text(words[i].term, lang);
    return status;
}

static tt_term record_kind(tt_record_type type)
{
    switch (type) {
    case TT_REC_CANCEL: return C_TL_CANCEL;
    case TT_REC_REPLY: return C_TL_REPLY;
    case TT_REC_DECLINED: return C_TL_DECLINED;
    default: return C_TL_ASKED;
    }
}

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
    tt_lang lang = tl->lang;
    if (r->type == TT_REC_START) {
        fprintf(out, TT_FMT(lang, C_TL_START_FMT), sc->id, tt_text_get(&sc->title, lang),
                (unsigned long long)r->start->seed);
        return;
    }
    /* State changes, pause/resume/speed: in the journal. */
    if (r->type == TT_REC_STATE || r->type == TT_REC_PAUSE || r->type == TT_REC_RESUME ||
        r->type == TT_REC_SPEED || r->type >= TT_REC__COUNT)
        return;
    fprintf(out, "%8s  ", when);
    switch (r->type) {
    case TT_REC_INJECT:
    case TT_REC_MESSAGE:
        put_kind(out, r->type == TT_REC_INJECT ? C_TL_INJECT : C_TL_MESSAGE, lang);
        if (r->from) /* an inject without `from` has no sender to name */
            fprintf(out, "%s: ", name_of(sc, r->from, lang));
        put_clipped(out, tt_text_get(&r->text, lang), 110);
        break;
    case TT_REC_CUSTOM:
        put_kind(out, C_TL_INJECT, lang);
        fprintf(out, "%s%s%s: ", tt_term_text(LBL_CUSTOM, lang), r->to ? " -> " : "",
                r->to ? (r->member ? r->member : name_of(sc, r->to, lang)) : "");
        put_clipped(out, tt_text_get(&r->text, lang), 110);
        break;
    case TT_REC_ANSWER:
        put_kind(out, C_TL_ANSWER, lang);
        fprintf(out, "%s%s%s%s: ", name_of(sc, r->role, lang), r->member ? " (" : "",
                r->member ? r->member : "", r->member ? ")" : "");
        put_clipped(out, r->note ? r->note : "", 110);
        break;
    case TT_REC_ACTION: {
        char until[32];
        tt_ms_format(r->until, until, sizeof until);
        put_kind(out, C_TL_ACTION, lang);
        fprintf(out, "%s%s%s%s: %s", name_of(sc, r->role, lang), r->member ? " (" : "",
                r->member ? r->member : "", r->member ? ")" : "", action_label(sc, r->id, lang));
        fprintf(out, TT_FMT(lang, C_TL_UNTIL_FMT), until);
        break;
    }
    case TT_REC_DONE:
        put_kind(out, C_TL_DONE, lang);
        fputs(action_label(sc, r->id, lang), out);
        break;
    case TT_REC_REFUSED:
        put_kind(out, C_TL_REFUSED, lang);
        fprintf(out, "%s: %s — %s", name_of(sc, r->role, lang), r->id ? r->id : "?",
                tt_text_get(&r->text, lang));
        break;
    case TT_REC_OBJECTIVE: {
        int o = tt_scenario_objective(sc, r->id);
        put_kind(out, C_TL_OBJECTIVE, lang);
        fprintf(out, "%s %s", status_word(r->status, lang),
                o >= 0 ? tt_text_get(&sc->objectives[o].title, lang) : r->id);
        break;
    }
    case TT_REC_NOTE:
        put_kind(out, C_TL_NOTE, lang);
        fprintf(out, "%s: ", name_of(sc, r->role, lang));
        put_clipped(out, r->note ? r->note : "", 110);
        break;
    case TT_REC_END:
        put_kind(out, C_TL_END, lang);
        fprintf(out, TT_FMT(lang, C_TL_END_WHY_FMT), status_word(r->status, lang));
        break;
    case TT_REC_CANCEL:
    case TT_REC_REPLY:
        /* One that could not be carried out is a refusal, not a cancel or a
         * reply: "refused  Role: Label (cancel) — why". */
        put_kind(out, r->status ? C_TL_REFUSED : record_kind(r->type), lang);
        fprintf(out, "%s: %s", name_of(sc, r->role, lang), action_label(sc, r->id, lang));
        if (r->status) {
            fprintf(out, TT_FMT(lang, C_TL_WHAT_FMT), tt_term_text(record_kind(r->type), lang));
            fprintf(out, " — %s", tt_text_get(&r->text, lang));
        }
        if (r->note && r->note[0]) {
            fputs(" — ", out);
            put_clipped(out, r->note, 110);
        }
        break;
    default: /* declined, asked */
        put_kind(out, record_kind(r->type), lang);
        fprintf(out, "%s -> %s: %s — ", name_of(sc, r->from, lang), name_of(sc, r->role, lang),
                action_label(sc, r->id, lang));
        put_clipped(out, tt_text_get(&r->text, lang), 110);
        break;
    }
    fputc('\n', out);
}

/* Each line is built first and printed through the terminal-safe filter:
 * names, labels, notes and titles come from the scenario, the roster and
 * the keyboard. */
static void put_safe(FILE *out, const char *text, size_t len)
{
    if (text && len)
        tt_term_fputs(text, TT_TERM_KEEP_NEWLINES, out);
}

/* Records the timeline leaves to the journal (write_event's default case):
 * most of a run's records are state changes. */
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
    /* One memory stream for all the lines, rewound for each: opening one
     * per line cost more than writing the line. The NUL is written here
     * because a rewound stream only ends its text where it grew. */
    if (!tl->line && !(tl->line = open_memstream(&tl->text, &tl->len)))
        return;
    rewind(tl->line);
    write_event(tl, r, tl->line);
    fputc('\0', tl->line);
    if (fflush(tl->line) == 0 && !ferror(tl->line))
        put_safe(tl->out, tl->text, tl->len);
}

void tt_timeline_close(tt_timeline *tl)
{
    if (tl->line)
        fclose(tl->line);
    free(tl->text);
    tl->line = NULL;
    tl->text = NULL;
    tl->len = 0;
}

/* Left-aligned in `cells` terminal cells. */
static void put_left(FILE *out, const char *s, size_t cells)
{
    fputs(s, out);
    for (size_t w = tt_display_width(s); w < cells; w++)
        fputc(' ', out);
}

/* Right-aligned in `cells` terminal cells, after a space. */
static void put_right(FILE *out, const char *s, size_t cells)
{
    fputc(' ', out);
    for (size_t w = tt_display_width(s); w < cells; w++)
        fputc(' ', out);
    fputs(s, out);
}

static void put_time(FILE *out, tt_ms t)
{
    char buf[32];
    tt_ms_format(t, buf, sizeof buf);
    put_right(out, buf, 9);
}

static tt_term phase_term(tt_objective_phase p)
{
    switch (p) {
    case TT_OBJ_ISOLATE: return M_PHASE_ISOLATE;
    case TT_OBJ_REPORT: return M_PHASE_REPORT;
    default: return M_PHASE_RECOVER;
    }
}

static void write_summary(FILE *out, tt_exercise *ex, tt_lang lang)
{
    const tt_scenario *sc = tt_exercise_scenario(ex);
    const tt_objective_view *ov = tt_exercise_objectives(ex);
    fputc('\n', out);
    put_padded(out, tt_term_text(C_TL_COL_OBJECTIVE, lang), 24);
    put_left(out, tt_term_text(C_TL_COL_PHASE, lang), 8);
    put_right(out, tt_term_text(C_TL_COL_TARGET, lang), 9);
    put_right(out, tt_term_text(C_TL_COL_LIMIT, lang), 9);
    put_right(out, tt_term_text(C_TL_COL_REACHED, lang), 9);
    fprintf(out, "  %s\n", tt_term_text(C_TL_COL_VERDICT, lang));
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const tt_objective *o = &sc->objectives[i];
        fprintf(out, "%-24s ", o->id);
        put_left(out, tt_term_text(phase_term(o->phase), lang), 8);
        put_time(out, o->target);
        put_time(out, o->limit);
        bool reached = ov[i].status == TT_OBJECTIVE_REACHED;
        put_time(out, reached ? ov[i].at : TT_MS_NEVER);
        tt_term verdict = !reached              ? LBL_NOT_REACHED
                          : ov[i].at <= o->target ? C_TL_WITHIN_TARGET
                          : ov[i].at <= o->limit  ? C_TL_WITHIN_LIMIT
                                                  : C_TL_LATE;
        fprintf(out, "  %s\n", tt_term_text(verdict, lang));
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
                const char *kind = tt_term_text(sc->metrics[m].damage ? C_TL_DAMAGE : C_TL_STATE,
                                                lang);
                put_left(out, kind, 8);
                /* yes/no and a metric without a unit: nothing after the value */
                const char *unit = yes_no ? "" : tt_text_get(&sc->metrics[m].unit, lang);
                fprintf(out, "%s: %s%s%s\n", tt_text_get(&sc->metrics[m].label, lang), v,
                        unit && *unit ? " " : "", unit ? unit : "");
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
    free(text);
}
