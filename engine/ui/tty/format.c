/* How each journal record reads on the facilitator's screen. */
#include "tty_internal.h"

#include <stdlib.h>
#include <string.h>

static void stamp(tt_buf *b, tt_ms t)
{
    char when[32];
    tt_ms_format(t, when, sizeof when);
    tt_buf_printf(b, "[%s] ", when);
}

static const char *end_reason(const char *status, tt_lang lang)
{
    if (status && strcmp(status, "length") == 0)
        return tty_msg(M_END_LENGTH, lang);
    if (status && strcmp(status, "settled") == 0)
        return tty_msg(M_END_SETTLED, lang);
    if (status && strcmp(status, "facilitator") == 0)
        return tty_msg(M_END_FACILITATOR, lang);
    return status ? status : "";
}

static void who(tt_buf *b, const tt_scenario *sc, const tt_record *r,
                tt_lang lang)
{
    tt_buf_printf(b, "%s", tty_party_name(sc, r->role, lang));
    if (r->member && r->member[0])
        tt_buf_printf(b, " (%s)", r->member);
}

/* Recipients: everyone, one role, or (API 1.1) several, by name. */
static const char *to_names(const tt_scenario *sc, const char *to, tt_lang lang, char *buf,
                            size_t size)
{
    if (!to || !strchr(to, ','))
        return tty_party_name(sc, to, lang);
    return tt_scenario_recipients(sc, to, lang, buf, size);
}

static void format_into(tt_buf *b, const tt_scenario *sc, const tt_record *r,
                        tt_lang lang)
{
    char when[32];
    char names[512];
    switch (r->type) {
    case TT_REC_START:
        tt_span_format(sc->length, when, sizeof when);
        tt_buf_printf(b, "== %s: %s (%s %s", tty_msg(M_START, lang),
                       tt_text_get(&sc->title, lang),
                       tty_msg(M_LENGTH_SPEED, lang), when);
        if (r->start && r->start->speed > 0)
            tt_buf_printf(b, ", x%g", r->start->speed);
        tt_buf_printf(b, ") ==\n");
        return;
    case TT_REC_INJECT:
        stamp(b, r->t);
        tt_buf_printf(b, ">> %s", tty_msg(M_INJECT, lang));
        if (r->from)
            tt_buf_printf(b, " %s", tty_party_name(sc, r->from, lang));
        tt_buf_printf(b, " -> %s: %s\n", to_names(sc, r->to, lang, names, sizeof names),
                       tt_text_get(&r->text, lang));
        for (size_t i = 0; i < r->n_questions; i++)
            tt_buf_printf(b, "     ? %s: %s\n", tty_msg(M_QUESTION, lang),
                           tt_text_get(&r->questions[i], lang));
        return;
    case TT_REC_MESSAGE:
        stamp(b, r->t);
        tt_buf_printf(b, ">> %s %s -> %s: %s\n", tty_msg(M_MESSAGE, lang),
                       tty_party_name(sc, r->from, lang),
                       to_names(sc, r->to, lang, names, sizeof names),
                       tt_text_get(&r->text, lang));
        return;
    case TT_REC_ACTION:
        stamp(b, r->t);
        tt_buf_printf(b, "%s: ", tty_msg(M_ACTION, lang));
        who(b, sc, r, lang);
        tt_ms_format(r->until, when, sizeof when);
        tt_buf_printf(b, " - %s [%s] (%s %s)\n",
                       tty_action_label(sc, r->id, lang), r->id ? r->id : "",
                       tty_msg(M_ACTION_DONE_AT, lang), when);
        if (r->note && r->note[0])
            tt_buf_printf(b, "     %s: %s\n", tty_msg(M_NOTE, lang), r->note);
        return;
    case TT_REC_DONE:
        stamp(b, r->t);
        tt_buf_printf(b, "%s: ", tty_msg(M_DONE, lang));
        who(b, sc, r, lang);
        tt_buf_printf(b, " - %s\n", tty_action_label(sc, r->id, lang));
        return;
    case TT_REC_REFUSED:
        stamp(b, r->t);
        tt_buf_printf(b, "%s: ", tty_msg(M_REFUSED, lang));
        who(b, sc, r, lang);
        tt_buf_printf(b, " - %s", tty_action_label(sc, r->id, lang));
        if (tt_text_get(&r->text, lang)[0])
            tt_buf_printf(b, ": %s", tt_text_get(&r->text, lang));
        tt_buf_printf(b, "\n");
        return;
    case TT_REC_OBJECTIVE: {
        bool reached = r->status && strcmp(r->status, "reached") == 0;
        stamp(b, r->t);
        tt_buf_printf(b, "%s %s: %s\n", reached ? "**" : "!!",
                       tty_msg(reached ? M_OBJ_REACHED : M_OBJ_MISSED, lang),
                       tty_objective_title(sc, r->id, lang));
        return;
    }
    case TT_REC_NOTE:
        stamp(b, r->t);
        tt_buf_printf(b, "%s: ", tty_msg(M_NOTE, lang));
        who(b, sc, r, lang);
        tt_buf_printf(b, ": %s\n", r->note ? r->note : "");
        return;
    case TT_REC_CUSTOM:
        stamp(b, r->t);
        tt_buf_printf(b, ">> %s", tty_msg(M_CUSTOM, lang));
        if (r->to) {
            tt_buf_printf(b, " -> %s", tty_party_name(sc, r->to, lang));
            if (r->member)
                tt_buf_printf(b, " (%s)", r->member);
        }
        tt_buf_printf(b, ": %s\n", tt_text_get(&r->text, lang));
        return;
    case TT_REC_ANSWER:
        stamp(b, r->t);
        tt_buf_printf(b, "%s: ", tty_msg(M_ANSWER, lang));
        who(b, sc, r, lang);
        if (r->n_questions)
            tt_buf_printf(b, " - %s", tt_text_get(&r->questions[0], lang));
        tt_buf_printf(b, "\n     %s\n", r->note ? r->note : "");
        return;
    case TT_REC_CANCEL:
    case TT_REC_REPLY: {
        bool cancel = r->type == TT_REC_CANCEL, no = r->status != NULL;
        stamp(b, r->t);
        tt_buf_printf(b, "%s: ", tty_msg(cancel ? (no ? M_CANCEL_REFUSED : M_CANCEL)
                                                 : (no ? M_REPLY_REFUSED : M_REPLY), lang));
        who(b, sc, r, lang);
        tt_buf_printf(b, " - %s", tty_action_label(sc, r->id, lang));
        if (no && tt_text_get(&r->text, lang)[0])
            tt_buf_printf(b, ": %s", tt_text_get(&r->text, lang));
        tt_buf_printf(b, "\n");
        if (r->note && r->note[0])
            tt_buf_printf(b, "     %s\n", r->note);
        return;
    }
    case TT_REC_DECLINED:
    case TT_REC_ASKED: {
        stamp(b, r->t);
        tt_buf_printf(b, ">> %s %s -> %s - %s: %s\n",
                       tty_msg(r->type == TT_REC_DECLINED ? M_DECLINED : M_ASKED, lang),
                       tty_party_name(sc, r->from, lang), tty_party_name(sc, r->role, lang),
                       tty_action_label(sc, r->id, lang), tt_text_get(&r->text, lang));
        int role = tt_scenario_role(sc, r->role);
        int number = tt_action_number(sc, role, tt_scenario_action(sc, r->id));
        if (r->type == TT_REC_ASKED && number > 0) {
            tt_buf_printf(b, "     (");
            tt_buf_printf(b, TT_FMT(lang, M_ASKED_HINT_FMT), number);
            tt_buf_printf(b, ")\n");
        }
        return;
    }
    case TT_REC_PAUSE:
        stamp(b, r->t);
        tt_buf_printf(b, "-- %s --\n", tty_msg(M_PAUSED, lang));
        return;
    case TT_REC_RESUME:
        stamp(b, r->t);
        tt_buf_printf(b, "-- %s --\n", tty_msg(M_RESUMED, lang));
        return;
    case TT_REC_SPEED:
        stamp(b, r->t);
        tt_buf_printf(b, "-- %s x%g --\n", tty_msg(M_SPEED, lang), r->speed);
        return;
    case TT_REC_END:
        stamp(b, r->t);
        tt_buf_printf(b, "== %s: %s ==\n", tty_msg(M_END, lang),
                       end_reason(r->status, lang));
        return;
    case TT_REC_STATE:
    case TT_REC__COUNT:
        return;
    }
}

char *tt_tty_format_record(const tt_scenario *sc, const tt_record *r,
                           tt_lang lang)
{
    tt_buf b = TT_BUF_INIT;
    format_into(&b, sc, r, lang);
    if (b.len == 0 && !b.failed) {
        tt_buf_free(&b);
        return NULL;
    }
    return tt_buf_take(&b, NULL);
}

void tt_tty_options_default(tt_tty_options *o)
{
    *o = (tt_tty_options){ .lang = tt_lang_from_env(), .in_fd = 0, .out_fd = 1 };
}

double tt_tty_default_speed(tt_ms length)
{
    const double session = 90.0 * 60 * 1000;
    double speed = (double)length / session;
    if (!(speed > 1))
        return 1;
    /* Round to a number a facilitator can say aloud. */
    return (double)(long)(speed * 10 + 0.5) / 10;
}
