/* A journal kept in memory: records copied as an exercise produces them
 * (its sink), read by the scorer exactly as a journal read from a file.
 * Used by batch runs (tabletop sweep), which write no file per exercise. */
#include <stdlib.h>
#include <string.h>

#include "journal_internal.h"

static bool dup_str(tt_arena *a, const char **s)
{
    if (!*s)
        return true;
    *s = tt_arena_strdup(a, *s);
    return *s != NULL;
}

static bool dup_text(tt_arena *a, tt_text *t)
{
    return dup_str(a, &t->ja) && dup_str(a, &t->en);
}

static bool dup_kvs(tt_arena *a, tt_kv **kvs, size_t n)
{
    if (!*kvs || n == 0)
        return true;
    tt_kv *copy = tt_arena_alloc(a, n * sizeof *copy);
    if (!copy)
        return false;
    memcpy(copy, *kvs, n * sizeof *copy);
    for (size_t i = 0; i < n; i++) {
        if (!dup_str(a, &copy[i].key))
            return false;
        if (copy[i].value.type == TT_VAL_STR && !dup_str(a, &copy[i].value.as.s))
            return false;
    }
    *kvs = copy;
    return true;
}

static bool dup_start(tt_arena *a, tt_start_info **start)
{
    if (!*start)
        return true;
    tt_start_info *s = tt_arena_alloc(a, sizeof *s);
    if (!s)
        return false;
    *s = **start;
    *start = s;
    if (!dup_str(a, &s->scenario) || !dup_str(a, &s->hash) || !dup_str(a, &s->path) ||
        !dup_str(a, &s->lang) || !dup_str(a, &s->team) || !dup_str(a, &s->date) ||
        !dup_str(a, &s->engine) || !dup_str(a, &s->organisation) ||
        !dup_str(a, &s->db) || !dup_str(a, &s->scorecard) ||
        !dup_kvs(a, &s->settings, s->n_settings) ||
        !dup_kvs(a, &s->state, s->n_state))
        return false;
    if (s->members && s->n_members) {
        tt_member *m = tt_arena_alloc(a, s->n_members * sizeof *m);
        if (!m)
            return false;
        memcpy(m, s->members, s->n_members * sizeof *m);
        for (size_t i = 0; i < s->n_members; i++)
            if (!dup_str(a, &m[i].name) || !dup_str(a, &m[i].role))
                return false;
        s->members = m;
    }
    return true;
}

int journal_record_copy(tt_arena *a, const tt_record *r, tt_record *out)
{
    tt_record c = *r;
    if (!dup_str(a, &c.id) || !dup_str(a, &c.role) || !dup_str(a, &c.member) ||
        !dup_str(a, &c.from) || !dup_str(a, &c.to) || !dup_str(a, &c.note) ||
        !dup_str(a, &c.status) || !dup_text(a, &c.text) ||
        !dup_kvs(a, &c.changes, c.n_changes) || !dup_start(a, &c.start))
        return -1;
    if (c.questions && c.n_questions) {
        tt_text *q = tt_arena_alloc(a, c.n_questions * sizeof *q);
        if (!q)
            return -1;
        for (size_t i = 0; i < c.n_questions; i++) {
            q[i] = c.questions[i];
            if (!dup_text(a, &q[i]))
                return -1;
        }
        c.questions = q;
    }
    *out = c;
    return 0;
}

int tt_journal_add(tt_journal *j, size_t *cap, const tt_record *r, tt_error *err)
{
    if (!tt_grow(&j->records, cap, j->n_records + 1, sizeof *j->records) ||
        journal_record_copy(&j->arena, r, &j->records[j->n_records]) != 0) {
        tt_error_oom(err, NULL);
        return -1;
    }
    if (j->records[j->n_records++].type == TT_REC_END)
        j->ended = true;
    return 0;
}

void tt_journal_clear(tt_journal *j)
{
    tt_arena_reset(&j->arena);
    j->n_records = 0;
    j->torn = false;
    j->ended = false;
    j->warning[0] = '\0';
}
