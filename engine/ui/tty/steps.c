/* Which steps of an action script a journal already holds (resume). */
#include "tty_internal.h"

#include <string.h>

static bool same(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

/* A script step leaves exactly one record: ACTION or REFUSED when it names
 * an action, CANCEL or REPLY (API 1.1, refused or not) for those steps,
 * NOTE when it is a pure note. */
static bool step_matches(const tt_script_step *st, const tt_record *r)
{
    if (st->end)   /* leaves END, after which nothing resumes */
        return false;
    if (st->cancel || st->reply)
        return r->type == (st->cancel ? TT_REC_CANCEL : TT_REC_REPLY) && r->t == st->at &&
               same(r->role, st->by) && same(r->id, st->cancel ? st->cancel : st->reply);
    if (st->action)
        return (r->type == TT_REC_ACTION || r->type == TT_REC_REFUSED) &&
               r->t == st->at && same(r->role, st->by) && same(r->id, st->action);
    return r->type == TT_REC_NOTE && r->t == st->at && same(r->role, st->by);
}

size_t tt_tty_script_steps_done(const tt_action_script *s, const tt_journal *j,
                                bool *matched)
{
    size_t done = 0;
    bool ok = true;
    tt_ms last = 0;
    for (size_t i = 0; i < j->n_records; i++) {
        const tt_record *r = &j->records[i];
        if (r->t > last)
            last = r->t;
        if (r->type != TT_REC_ACTION && r->type != TT_REC_REFUSED &&
            r->type != TT_REC_NOTE && r->type != TT_REC_CANCEL && r->type != TT_REC_REPLY)
            continue;
        if (ok && done < s->n_steps && step_matches(&s->steps[done], r))
            done++;
        else
            ok = false;
    }
    if (matched)
        *matched = ok;
    if (ok)
        return done;
    /* Inputs typed live or another script: go by time instead. */
    done = 0;
    while (done < s->n_steps && s->steps[done].at <= last)
        done++;
    return done;
}
