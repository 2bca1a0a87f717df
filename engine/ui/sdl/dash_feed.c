/* The live feed: the exercise's record sink copies every record here, so the
 * dashboard builds its view from records exactly as replay does. */
#include <stdlib.h>
#include <string.h>

#include "dash.h"

struct tt_dashboard_feed {
    tt_arena arena;
    tt_record *records;
    size_t n, cap;
    bool failed;                /* a copy ran out of memory: records lost */
};

static bool copy_text(tt_arena *a, tt_text *dst, const tt_text *src)
{
    dst->ja = tt_arena_strdup(a, src->ja);
    dst->en = tt_arena_strdup(a, src->en);
    return (!src->ja || dst->ja) && (!src->en || dst->en);
}

static bool copy_str(tt_arena *a, const char **dst, const char *src)
{
    *dst = tt_arena_strdup(a, src);
    return !src || *dst;
}

static bool copy_kvs(tt_arena *a, tt_kv **dst, const tt_kv *src, size_t n)
{
    *dst = NULL;
    if (n == 0)
        return true;
    tt_kv *kv = tt_arena_alloc(a, n * sizeof *kv);
    if (!kv)
        return false;
    for (size_t i = 0; i < n; i++) {
        kv[i] = src[i];
        if (!copy_str(a, &kv[i].key, src[i].key))
            return false;
        if (src[i].value.type == TT_VAL_STR &&
            !copy_str(a, &kv[i].value.as.s, src[i].value.as.s))
            return false;
    }
    *dst = kv;
    return true;
}

static bool copy_start(tt_arena *a, tt_start_info **dst, const tt_start_info *src)
{
    tt_start_info *s = tt_arena_alloc(a, sizeof *s);
    if (!s)
        return false;
    *s = *src;
    if (!copy_str(a, &s->scenario, src->scenario) ||
        !copy_str(a, &s->hash, src->hash) || !copy_str(a, &s->path, src->path) ||
        !copy_str(a, &s->lang, src->lang) || !copy_str(a, &s->team, src->team) ||
        !copy_str(a, &s->date, src->date))
        return false;
    s->members = NULL;
    if (src->n_members) {
        s->members = tt_arena_alloc(a, src->n_members * sizeof *s->members);
        if (!s->members)
            return false;
        for (size_t i = 0; i < src->n_members; i++)
            if (!copy_str(a, &s->members[i].name, src->members[i].name) ||
                !copy_str(a, &s->members[i].role, src->members[i].role))
                return false;
    }
    if (!copy_kvs(a, &s->settings, src->settings, src->n_settings) ||
        !copy_kvs(a, &s->state, src->state, src->n_state))
        return false;
    *dst = s;
    return true;
}

bool dash_record_copy(tt_arena *a, tt_record *dst, const tt_record *src)
{
    *dst = *src;
    if (!copy_str(a, &dst->id, src->id) || !copy_str(a, &dst->role, src->role) ||
        !copy_str(a, &dst->member, src->member) ||
        !copy_str(a, &dst->from, src->from) || !copy_str(a, &dst->to, src->to) ||
        !copy_str(a, &dst->note, src->note) ||
        !copy_str(a, &dst->status, src->status) ||
        !copy_text(a, &dst->text, &src->text))
        return false;
    dst->questions = NULL;
    if (src->n_questions) {
        dst->questions = tt_arena_alloc(a, src->n_questions * sizeof *dst->questions);
        if (!dst->questions)
            return false;
        for (size_t i = 0; i < src->n_questions; i++)
            if (!copy_text(a, &dst->questions[i], &src->questions[i]))
                return false;
    }
    if (!copy_kvs(a, &dst->changes, src->changes, src->n_changes))
        return false;
    dst->start = NULL;
    if (src->start && !copy_start(a, &dst->start, src->start))
        return false;
    return true;
}

tt_dashboard_feed *tt_dashboard_feed_new(void)
{
    return calloc(1, sizeof(tt_dashboard_feed));
}

void tt_dashboard_feed_sink(void *user, const tt_record *r)
{
    tt_dashboard_feed *f = user;
    if (!f || !r || f->failed)
        return;
    if (!tt_grow(&f->records, &f->cap, f->n + 1, sizeof *f->records)) {
        f->failed = true;
        return;
    }
    if (!dash_record_copy(&f->arena, &f->records[f->n], r)) {
        f->failed = true;
        return;
    }
    f->n++;
}

int tt_dashboard_feed_load(tt_dashboard_feed *f, const tt_journal *j)
{
    for (size_t i = 0; f && j && i < j->n_records; i++)
        tt_dashboard_feed_sink(f, &j->records[i]);
    return f && !f->failed ? 0 : -1;
}

const tt_record *tt_dashboard_feed_records(const tt_dashboard_feed *f, size_t *n)
{
    *n = f ? f->n : 0;
    return f ? f->records : NULL;
}

bool dash_feed_failed(const tt_dashboard_feed *f)
{
    return f && f->failed;
}

void tt_dashboard_feed_free(tt_dashboard_feed *f)
{
    if (!f)
        return;
    tt_arena_free(&f->arena);
    free(f->records);
    free(f);
}
