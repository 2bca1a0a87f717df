/* One exercise as rows (the exercise and its child tables), made from a
 * scorecard or read back from a store, and written to any store in one
 * transaction, keyed by the journal's SHA-256: writing it again, from
 * another machine or after a crash half-way, adds nothing. */
#define _DEFAULT_SOURCE  /* realpath */
#include "tabletop/terms.h"
#include "history_record.h"
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define EX_COLS "journal_hash, journal_path, scenario, scenario_hash, team, members, seed," \
                " started, recorded, duration_ms, score, rating, complete, length_ms, not_assessed," \
                " ended_early, organisation, sync_state"

static const char insert_exercise[] =
    "INSERT INTO exercises (" EX_COLS ")"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)"
    " ON CONFLICT (journal_hash) DO NOTHING RETURNING id";
static const char select_exercise[] = "SELECT " EX_COLS " FROM exercises WHERE id = $1";

typedef struct child_table {
    const char *select;     /* $1 = exercise id */
    const char *insert;     /* $1 = exercise id, then the columns */
    size_t cols;
} child_table;

static const child_table children[STORE_N_CHILDREN] = {
    { "SELECT objective, phase, reached_ms, rating, score FROM objectives"
      " WHERE exercise_id = $1 ORDER BY objective",
      "INSERT INTO objectives (exercise_id, objective, phase, reached_ms, rating, score)"
      " VALUES ($1, $2, $3, $4, $5, $6)", 5 },
    { "SELECT phase, objectives, reached, reached_ms, from_notice_ms FROM phases"
      " WHERE exercise_id = $1 ORDER BY phase",
      "INSERT INTO phases (exercise_id, phase, objectives, reached, reached_ms, from_notice_ms)"
      " VALUES ($1, $2, $3, $4, $5, $6)", 5 },
    { "SELECT lesson, covered FROM lessons WHERE exercise_id = $1 ORDER BY lesson",
      "INSERT INTO lessons (exercise_id, lesson, covered) VALUES ($1, $2, $3)", 2 },
    { "SELECT position, objective, lesson, owner, priority, finding_en, finding_ja,"
      " recommendation_en, recommendation_ja FROM findings WHERE exercise_id = $1 ORDER BY position",
      "INSERT INTO findings (exercise_id, position, objective, lesson, owner, priority, finding_en,"
      " finding_ja, recommendation_en, recommendation_ja)"
      " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)", 9 },
    { "SELECT position, name, role FROM participants WHERE exercise_id = $1 ORDER BY position",
      "INSERT INTO participants (exercise_id, position, name, role) VALUES ($1, $2, $3, $4)", 3 },
};

void store_record_free(store_record *rec)
{
    tt_arena_free(&rec->arena);
    memset(rec, 0, sizeof *rec);
}

static const char **child_rows(store_record *rec, int table, size_t n)
{
    rec->child[table].n = n;
    rec->child[table].cells = n ? tt_arena_alloc(&rec->arena, n * children[table].cols * sizeof(char *))
                                : NULL;
    return rec->child[table].cells;
}

static const char *num(store_record *rec, long long v)
{
    return sc_printf(&rec->arena, "%lld", v);
}

static const char *ms_or_null(store_record *rec, tt_ms t)
{
    return t == TT_MS_NEVER ? NULL : num(rec, (long long)t);
}

static const char *text_or_empty(const char *s)
{
    return s ? s : "";
}

static char *members_text(tt_arena *a, const tt_start_info *s)
{
    size_t len = 1;
    for (size_t i = 0; i < s->n_members; i++)
        len += strlen(text_or_empty(s->members[i].name)) + strlen(text_or_empty(s->members[i].role)) + 4;
    char *out = tt_arena_alloc(a, len);
    if (!out)
        return NULL;
    for (size_t i = 0; i < s->n_members; i++) {
        if (i)
            strcat(out, ", ");
        strcat(out, text_or_empty(s->members[i].name));
        strcat(out, "/");
        strcat(out, text_or_empty(s->members[i].role));
    }
    return out;
}

int store_record_from_card(store_record *rec, const tt_scorecard *card, const char *sync_state)
{
    memset(rec, 0, sizeof *rec);
    const tt_start_info *s = card->start;
    char recorded[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(recorded, sizeof recorded, "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* Absolute, so `tabletop history` points at the file from anywhere. */
    char *abs_path = card->journal_path ? realpath(card->journal_path, NULL) : NULL;
    const char **ex = rec->ex;
    ex[0] = card->journal_hash;
    ex[1] = abs_path ? tt_arena_strdup(&rec->arena, abs_path) : card->journal_path;
    free(abs_path);
    ex[2] = card->scenario->id;
    ex[3] = s->hash;
    ex[4] = text_or_empty(s->team);
    ex[5] = members_text(&rec->arena, s);
    ex[6] = num(rec, (long long)(int64_t)s->seed);   /* the signed spelling both stores hold */
    ex[7] = s->date;
    ex[8] = tt_arena_strdup(&rec->arena, recorded);
    ex[9] = num(rec, (long long)card->duration);
    ex[10] = num(rec, card->score);
    ex[11] = tt_rating_letter(card->rating);
    ex[12] = card->incomplete ? "0" : "1";
    ex[13] = num(rec, (long long)card->length);
    ex[14] = num(rec, (long long)card->n_not_assessed);
    ex[15] = card->early ? "1" : "0";
    ex[16] = text_or_empty(s->organisation);
    ex[17] = sync_state;
    if (!ex[5] || !ex[6] || !ex[8] || !ex[9] || !ex[10] || !ex[13] || !ex[14])
        return -1;

    const char **c = child_rows(rec, 0, card->n_objectives);
    for (size_t i = 0; i < card->n_objectives; i++, c += 5) {
        const tt_score_objective *o = &card->objectives[i];
        c[0] = o->def->id;
        c[1] = sc_phase_key(o->def->phase);
        c[2] = o->reached ? num(rec, (long long)o->reached_at) : NULL;
        c[3] = tt_rating_letter(o->rating);
        /* Not assessed: no score (NULL), as in the JSON card. */
        c[4] = o->rating == TT_RATING_NA ? NULL : num(rec, o->score);
        if ((o->rating != TT_RATING_NA && !c[4]) || (o->reached && !c[2]))
            return -1;
    }
    size_t n_phases = 0;
    for (size_t i = 0; i < 3; i++)
        n_phases += card->phases[i].n_objectives > 0;
    c = child_rows(rec, 1, n_phases);
    for (size_t i = 0; i < 3; i++) {
        const tt_score_phase *p = &card->phases[i];
        if (!p->n_objectives)
            continue;
        c[0] = sc_phase_key(p->phase);
        c[1] = num(rec, (long long)p->n_objectives);
        c[2] = num(rec, (long long)p->n_reached);
        c[3] = ms_or_null(rec, p->reached_at);
        c[4] = ms_or_null(rec, p->from_notice);
        if (!c[1] || !c[2])
            return -1;
        c += 5;
    }
    c = child_rows(rec, 2, card->n_lessons);
    for (size_t i = 0; i < card->n_lessons; i++, c += 2) {
        c[0] = card->lessons[i].def->id;
        c[1] = card->lessons[i].covered ? "1" : "0";
    }
    c = child_rows(rec, 3, card->n_findings);
    for (size_t i = 0; i < card->n_findings; i++, c += 9) {
        const tt_score_finding *f = &card->findings[i];
        c[0] = num(rec, (long long)i);
        c[1] = f->objective;
        c[2] = f->lesson;
        c[3] = f->owner;
        c[4] = tt_priority_key(f->priority);
        c[5] = text_or_empty(f->finding.en);
        c[6] = text_or_empty(f->finding.ja);
        c[7] = text_or_empty(f->recommendation.en);
        c[8] = text_or_empty(f->recommendation.ja);
        if (!c[0])
            return -1;
    }
    c = child_rows(rec, 4, s->n_members);
    for (size_t i = 0; i < s->n_members; i++, c += 3) {
        c[0] = num(rec, (long long)i);
        c[1] = text_or_empty(s->members[i].name);
        c[2] = text_or_empty(s->members[i].role);
        if (!c[0])
            return -1;
    }
    for (int t = 0; t < STORE_N_CHILDREN; t++)
        if (rec->child[t].n && !rec->child[t].cells)
            return -1;
    return 0;
}

/* Copy a result's cells into the record's arena (results die first). */
static const char *keep(store_record *rec, const char *v, bool *oom)
{
    if (!v)
        return NULL;
    const char *copy = tt_arena_strdup(&rec->arena, v);
    if (!copy)
        *oom = true;
    return copy;
}

int store_record_load(tt_history *h, const char *id, store_record *rec, tt_error *err)
{
    memset(rec, 0, sizeof *rec);
    store_param p = { .text = id };
    store_rows r;
    if (h->ops->exec(h, select_exercise, 1, &p, &r, err) != 0)
        return -1;
    bool oom = false;
    if (r.n != 1) {
        store_rows_free(&r);
        store_fail(h, err, TT_MSG(E_DB_EXERCISE_GONE), NULL);
        return -1;
    }
    for (size_t c = 0; c < STORE_EX_COLS; c++)
        rec->ex[c] = keep(rec, store_cell(&r, 0, c), &oom);
    store_rows_free(&r);
    for (int t = 0; t < STORE_N_CHILDREN && !oom; t++) {
        if (h->ops->exec(h, children[t].select, 1, &p, &r, err) != 0) {
            store_record_free(rec);
            return -1;
        }
        const char **c = child_rows(rec, t, r.n);
        oom = r.n && !c;
        for (size_t i = 0; !oom && i < r.n; i++)
            for (size_t k = 0; k < children[t].cols; k++)
                c[i * children[t].cols + k] = keep(rec, store_cell(&r, i, k), &oom);
        store_rows_free(&r);
    }
    if (oom) {
        store_record_free(rec);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    return 0;
}

int store_record_insert(tt_history *h, const store_record *rec, bool *inserted, tt_error *err)
{
    *inserted = false;
    store_param p[STORE_EX_COLS];
    for (size_t i = 0; i < STORE_EX_COLS; i++)
        p[i] = (store_param){ .text = rec->ex[i] };
    if (h->ops->begin(h, err) != 0)
        return -1;
    store_rows r;
    if (h->ops->exec(h, insert_exercise, STORE_EX_COLS, p, &r, err) != 0) {
        h->ops->rollback(h);
        return -1;
    }
    bool added = r.n == 1 && store_cell(&r, 0, 0);
    char id[32] = "";
    if (added)
        snprintf(id, sizeof id, "%s", store_cell(&r, 0, 0));
    store_rows_free(&r);
    for (int t = 0; added && t < STORE_N_CHILDREN; t++) {
        size_t cols = children[t].cols;
        for (size_t i = 0; i < rec->child[t].n; i++) {
            store_param cp[16] = { { .text = id } };
            for (size_t k = 0; k < cols; k++)
                cp[k + 1].text = rec->child[t].cells[i * cols + k];
            if (h->ops->exec(h, children[t].insert, cols + 1, cp, NULL, err) != 0) {
                h->ops->rollback(h);
                return -1;
            }
        }
    }
    if (h->ops->commit(h, err) != 0)
        return -1;
    *inserted = added;
    return 0;
}

int tt_history_record_marked(tt_history *h, const tt_scorecard *card, const char *sync_state,
                             bool *inserted, tt_error *err)
{
    bool known;
    return store_record_known(h, card, sync_state, inserted, &known, err);
}

int store_record_known(tt_history *h, const tt_scorecard *card, const char *sync_state,
                       bool *inserted, bool *known_before, tt_error *err)
{
    bool dummy;
    if (!inserted)
        inserted = &dummy;
    *inserted = false;
    *known_before = false;
    if (!card->journal_hash) {
        store_fail(h, err, TT_MSG(E_DB_NO_JOURNAL_HASH), NULL);
        return -1;
    }
    /* Scoring a recorded journal again (the common `score`) writes
     * nothing: a read finds it, with no write lock, no INSERT to parse and
     * no realpath. Rows are never deleted, so a hit stays true; a miss
     * still goes through the transaction below, whose ON CONFLICT settles a
     * race with another writer. */
    static const char recorded_sql[] = "SELECT 1 FROM exercises WHERE journal_hash = $1";
    store_param hp = { .text = card->journal_hash };
    store_rows found;
    if (h->ops->exec(h, recorded_sql, 1, &hp, &found, err) != 0) {
        tt_error e = *err;
        tt_error_runtime(err, e.file, TT_MSG(E_HIST_CANNOT_RECORD_FMT), e.message);
        return -1;
    }
    bool known = found.n > 0;
    store_rows_free(&found);
    if (known) {
        *known_before = true;
        return 0;
    }
    store_record rec;
    if (store_record_from_card(&rec, card, sync_state) != 0) {
        store_record_free(&rec);
        store_fail(h, err, TT_MSG(E_OUT_OF_MEMORY), NULL);
        return -1;
    }
    int rc = store_record_insert(h, &rec, inserted, err);
    if (rc != 0) {
        tt_error e = *err;
        tt_error_runtime(err, e.file, TT_MSG(E_HIST_CANNOT_RECORD_FMT), e.message);
    }
    store_record_free(&rec);
    return rc;
}

int tt_history_record(tt_history *h, const tt_scorecard *card, bool *inserted, tt_error *err)
{
    return tt_history_record_marked(h, card, NULL, inserted, err);
}
