/* Reading a journal back. Every record must be a complete YAML document closed
 * by "..."; only the last one may be cut short (a crash mid-write), and it is
 * then dropped with `torn` set. Anything else malformed is a located error. */
#include "tabletop/terms.h"
#include "journal_internal.h"
#include "ydoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct rctx {
    const char *file;
    tt_arena *arena;  /* the journal's arena: records' strings live there */
    tt_error *err;
    bool borrow;      /* the tree is in `arena` too: strings are not copied */
} rctx;

/* A node's text for the record: copied, or the tree's own when it lives as
 * long as the record. */
static const char *keep_text(rctx *c, const char *s)
{
    return c->borrow ? s : tt_arena_strdup(c->arena, s);
}

/* A field's text (none when n is NULL). Its path ("start.team") is made
 * only for a message: yscalar_text says what is wrong. */
static int field_text(rctx *c, const ynode *n, const char *path, const char *key,
                      const char **out)
{
    if (!n)
        return 0;
    if (n->kind == Y_SCALAR && (*out = keep_text(c, n->str)) != NULL)
        return 0;
    char p[128];
    snprintf(p, sizeof p, "%s%s%s", path, *path ? "." : "", key);
    return yscalar_text(c->file, n, p, c->borrow ? NULL : c->arena, out, c->err);
}

static int get_str(rctx *c, const ynode *map, const char *key, const char *path,
                   const char **out)
{
    return field_text(c, ymap_get(map, key), path, key, out);
}

/* `to`: a string, or (API 1.1) a list of role ids, kept joined by ','
 * (tt_to_includes); an id holding a comma or nothing is refused. */
static int get_to(rctx *c, const ynode *n, const char **out)
{
    if (!n || n->kind != Y_SEQ) {
        if (field_text(c, n, "", "to", out) != 0)
            return -1;
        /* One recipient; several are a list (what the writer writes). */
        if (*out && strchr(*out, ',')) {
            yerror(c->err, c->file, n, "to", TT_MSG(E_JR_NOT_ROLE_LIST_FMT), *out);
            return -1;
        }
        return 0;
    }
    if (n->n == 0) {
        yerror(c->err, c->file, n, "to", TT_MSG(E_JR_EMPTY_RECIPIENTS));
        return -1;
    }
    const char **ids = tt_arena_alloc(c->arena, n->n * sizeof *ids);
    if (!ids) {
        yerror(c->err, c->file, n, "to", TT_MSG(E_OUT_OF_MEMORY));
        return -1;
    }
    size_t len = 0;
    for (size_t i = 0; i < n->n; i++) {
        char p[32];
        snprintf(p, sizeof p, "to[%zu]", i);
        if (yscalar_text(c->file, n->vals[i], p, c->borrow ? NULL : c->arena, &ids[i],
                         c->err) < 0)
            return -1;
        if (!ids[i][0] || strchr(ids[i], ',')) {
            yerror(c->err, c->file, n->vals[i], p, TT_MSG(E_JR_NOT_ROLE_FMT), ids[i]);
            return -1;
        }
        len += strlen(ids[i]) + 1;
    }
    char *joined = tt_arena_alloc(c->arena, len + 1);
    if (!joined) {
        yerror(c->err, c->file, n, "to", TT_MSG(E_OUT_OF_MEMORY));
        return -1;
    }
    size_t used = 0;
    for (size_t i = 0; i < n->n; i++)
        used += (size_t)snprintf(joined + used, len + 1 - used, "%s%s", i ? "," : "", ids[i]);
    *out = joined;
    return 0;
}

static int get_text(rctx *c, const ynode *n, const char *path, tt_text *out)
{
    static const char *const keys[] = { "ja", "en", NULL };
    if (yexpect(c->file, n, Y_MAP, path, c->err) < 0 ||
        ymap_check_keys(c->file, n, path, keys, c->err) < 0)
        return -1;
    if (get_str(c, n, "ja", path, &out->ja) < 0 || get_str(c, n, "en", path, &out->en) < 0)
        return -1;
    return 0;
}

static int get_kvs(rctx *c, const ynode *n, const char *path, tt_kv **out, size_t *count)
{
    if (yexpect(c->file, n, Y_MAP, path, c->err) < 0)
        return -1;
    *count = 0;
    *out = NULL;
    if (!n->n)
        return 0;
    tt_kv *kv = tt_arena_alloc(c->arena, n->n * sizeof *kv);
    if (!kv) {
        yoom(c->err, c->file, n, path);
        return -1;
    }
    for (size_t i = 0; i < n->n; i++) {
        kv[i].key = keep_text(c, n->keys[i]->str);
        if (!kv[i].key) {
            yoom(c->err, c->file, n, path);
            return -1;
        }
        tt_arena *strings = c->borrow ? NULL : c->arena;
        if (yscalar_value(c->file, n->vals[i], "", strings, &kv[i].value, c->err) == 0)
            continue;
        /* Say it again with the value's path ("changes.x"), made only now:
         * a state record has a value per key. */
        char p[256];
        snprintf(p, sizeof p, "%s.%s", path, n->keys[i]->str);
        if (yscalar_value(c->file, n->vals[i], p, strings, &kv[i].value, c->err) < 0)
            return -1;
    }
    *out = kv;
    *count = n->n;
    return 0;
}

/* A non-negative integer of milliseconds; simulated times (not wall-clock
 * stamps) are also bounded. */
static int get_ms(rctx *c, const ynode *n, const char *key, bool simulated, int64_t *out)
{
    if (!n)
        return 0;
    if (yscalar_int(c->file, n, key, out, c->err) < 0)
        return -1;
    if (*out < 0) {
        yerror(c->err, c->file, n, key, TT_MSG(E_JR_NEGATIVE_FMT), n->str);
        return -1;
    }
    /* The same bound as every duration: anything longer is not a real
     * exercise, and later arithmetic on it must not overflow. */
    if (simulated && *out > TT_JOURNAL_MAX_MS) {
        yerror(c->err, c->file, n, key, TT_MSG(E_JR_OVER_3650_FMT), n->str);
        return -1;
    }
    return 0;
}

/* Clock speeds: finite, 0 (start: as fast as possible) or above, at most 1e6. */
static int get_speed(rctx *c, const ynode *v, const char *key, bool zero_ok, double *out)
{
    if (yscalar_num(c->file, v, key, out, c->err) < 0)
        return -1;
    if (!(*out >= 0 && *out <= 1e6) || (!zero_ok && *out == 0)) {
        yerror(c->err, c->file, v, key, TT_MSG(E_JR_NOT_SPEED_FMT), v->str,
               zero_ok ? "0" : TT_MSG(E_JR_ABOVE_ZERO));
        return -1;
    }
    return 0;
}

static int get_members(rctx *c, const ynode *n, tt_start_info *s)
{
    static const char *const keys[] = { "name", "role", NULL };
    if (yexpect(c->file, n, Y_SEQ, "start.members", c->err) < 0)
        return -1;
    if (!n->n)
        return 0;
    s->members = tt_arena_alloc(c->arena, n->n * sizeof *s->members);
    if (!s->members) {
        yoom(c->err, c->file, n, "start.members");
        return -1;
    }
    for (size_t i = 0; i < n->n; i++) {
        char p[64];
        snprintf(p, sizeof p, "start.members[%zu]", i);
        const ynode *m = n->vals[i];
        if (yexpect(c->file, m, Y_MAP, p, c->err) < 0 ||
            ymap_check_keys(c->file, m, p, keys, c->err) < 0 ||
            get_str(c, m, "name", p, &s->members[i].name) < 0 ||
            get_str(c, m, "role", p, &s->members[i].role) < 0)
            return -1;
    }
    s->n_members = n->n;
    return 0;
}

static int get_start(rctx *c, const ynode *n, tt_start_info **out)
{
    static const char *const keys[] = { "scenario", "hash", "path", "seed", "speed",
                                        "lang", "team", "organisation", "members", "settings",
                                        "state", "date", "engine", "db", "scorecard",
                                        "no_scorecard", NULL };
    if (yexpect(c->file, n, Y_MAP, "start", c->err) < 0 ||
        ymap_check_keys(c->file, n, "start", keys, c->err) < 0)
        return -1;
    tt_start_info *s = tt_arena_alloc(c->arena, sizeof *s);
    if (!s) {
        yoom(c->err, c->file, n, "start");
        return -1;
    }
    const ynode *v;
    if (get_str(c, n, "scenario", "start", &s->scenario) < 0 ||
        get_str(c, n, "hash", "start", &s->hash) < 0 ||
        get_str(c, n, "path", "start", &s->path) < 0 ||
        get_str(c, n, "lang", "start", &s->lang) < 0 ||
        get_str(c, n, "team", "start", &s->team) < 0 ||
        get_str(c, n, "organisation", "start", &s->organisation) < 0 ||
        get_str(c, n, "date", "start", &s->date) < 0 ||
        get_str(c, n, "engine", "start", &s->engine) < 0 ||
        get_str(c, n, "db", "start", &s->db) < 0 ||
        get_str(c, n, "scorecard", "start", &s->scorecard) < 0)
        return -1;
    if ((v = ymap_get(n, "no_scorecard")) &&
        yscalar_bool(c->file, v, "start.no_scorecard", &s->no_scorecard, c->err) < 0)
        return -1;
    if (!s->scenario) {
        yerror(c->err, c->file, n, "start", TT_MSG(E_JR_NO_SCENARIO_ID));
        return -1;
    }
    /* A journal in another language cannot be replayed or scored as it is:
     * bad input, said at the value, not a difference found later. */
    if (s->lang && strcmp(s->lang, "ja") != 0 && strcmp(s->lang, "en") != 0) {
        yerror(c->err, c->file, ymap_get(n, "lang"), "start.lang", TT_MSG(E_JR_BAD_LANG_FMT),
               s->lang);
        return -1;
    }
    if ((v = ymap_get(n, "seed")) && yscalar_uint64(c->file, v, "start.seed", &s->seed, c->err) < 0)
        return -1;
    if ((v = ymap_get(n, "speed")) && get_speed(c, v, "start.speed", true, &s->speed) < 0)
        return -1;
    if ((v = ymap_get(n, "members")) && get_members(c, v, s) < 0)
        return -1;
    if ((v = ymap_get(n, "settings")) &&
        get_kvs(c, v, "start.settings", &s->settings, &s->n_settings) < 0)
        return -1;
    if ((v = ymap_get(n, "state")) && get_kvs(c, v, "start.state", &s->state, &s->n_state) < 0)
        return -1;
    *out = s;
    return 0;
}

/* A record's fields, found in one pass over its keys (each is read once;
 * ydoc has refused duplicate keys). */
enum { F_TYPE, F_T, F_WALL, F_ID, F_ROLE, F_MEMBER, F_FROM, F_TO, F_NOTE, F_STATUS, F_TEXT,
       F_QUESTIONS, F_CHANGES, F_UNTIL, F_SPEED, F_START, F__COUNT };
static const char *const record_keys[F__COUNT + 1] = {
    "type", "t", "wall", "id", "role", "member", "from", "to", "note", "status", "text",
    "questions", "changes", "until", "speed", "start", NULL,
};

static int record_fields(rctx *c, const ynode *root, const ynode *f[F__COUNT])
{
    for (int k = 0; k < F__COUNT; k++)
        f[k] = NULL;
    for (size_t i = 0; i < root->n; i++) {
        const char *key = root->keys[i]->str;
        int hit = -1;
        for (int k = 0; k < F__COUNT && hit < 0; k++)
            if (record_keys[k][0] == key[0] && strcmp(record_keys[k], key) == 0)
                hit = k;
        if (hit < 0) /* names the first unknown key, as before */
            return ymap_check_keys(c->file, root, "", record_keys, c->err) < 0 ? -1 : 0;
        f[hit] = root->vals[i];
    }
    return 0;
}

static int to_record(rctx *c, const ynode *root, int doc_line, int doc_col, tt_record *r)
{
    memset(r, 0, sizeof *r);
    if (!root) {
        tt_error_set(c->err, c->file, doc_line, doc_col, TT_MSG(E_JR_EMPTY_RECORD));
        return -1;
    }
    const ynode *f[F__COUNT];
    if (yexpect(c->file, root, Y_MAP, "record", c->err) < 0 || record_fields(c, root, f) < 0)
        return -1;
    const ynode *v = f[F_TYPE];
    if (!v) {
        yerror(c->err, c->file, root, "", TT_MSG(E_JR_NO_TYPE));
        return -1;
    }
    if (yexpect(c->file, v, Y_SCALAR, "type", c->err) < 0)
        return -1;
    if (!tt_record_type_parse(v->str, &r->type)) {
        char list[256] = "";
        for (int t = 0; t < TT_REC__COUNT; t++) {
            size_t used = strlen(list);
            snprintf(list + used, sizeof list - used, "%s%s", t ? ", " : "",
                     tt_record_type_name((tt_record_type)t));
        }
        yerror(c->err, c->file, v, "type", TT_MSG(E_JR_UNKNOWN_TYPE_FMT), v->str, list);
        return -1;
    }
    if (!f[F_T]) {
        yerror(c->err, c->file, root, "", TT_MSG(E_JR_NO_TIME));
        return -1;
    }
    if (get_ms(c, f[F_T], "t", true, &r->t) < 0 ||
        get_ms(c, f[F_WALL], "wall", false, &r->wall_ms) < 0 ||
        get_ms(c, f[F_UNTIL], "until", true, &r->until) < 0)
        return -1;
    if (field_text(c, f[F_ID], "", "id", &r->id) < 0 ||
        field_text(c, f[F_ROLE], "", "role", &r->role) < 0 ||
        field_text(c, f[F_MEMBER], "", "member", &r->member) < 0 ||
        field_text(c, f[F_FROM], "", "from", &r->from) < 0 || get_to(c, f[F_TO], &r->to) < 0 ||
        field_text(c, f[F_NOTE], "", "note", &r->note) < 0 ||
        field_text(c, f[F_STATUS], "", "status", &r->status) < 0)
        return -1;
    if ((v = f[F_TEXT]) && get_text(c, v, "text", &r->text) < 0)
        return -1;
    if ((v = f[F_QUESTIONS])) {
        if (yexpect(c->file, v, Y_SEQ, "questions", c->err) < 0)
            return -1;
        if (v->n) {
            r->questions = tt_arena_alloc(c->arena, v->n * sizeof *r->questions);
            if (!r->questions) {
                yoom(c->err, c->file, v, "questions");
                return -1;
            }
            for (size_t i = 0; i < v->n; i++) {
                char p[48];
                snprintf(p, sizeof p, "questions[%zu]", i);
                if (get_text(c, v->vals[i], p, &r->questions[i]) < 0)
                    return -1;
            }
            r->n_questions = v->n;
        }
    }
    if ((v = f[F_CHANGES]) && get_kvs(c, v, "changes", &r->changes, &r->n_changes) < 0)
        return -1;
    if ((v = f[F_SPEED]) && get_speed(c, v, "speed", r->type != TT_REC_SPEED, &r->speed) < 0)
        return -1;
    if (r->type == TT_REC_SPEED && !f[F_SPEED]) {
        /* Found by fuzz_journal: read as speed 0, which no writer writes. */
        yerror(c->err, c->file, root, "", TT_MSG(E_JR_SPEED_NEEDS));
        return -1;
    }
    v = f[F_START];
    if (r->type == TT_REC_START) {
        if (!v) {
            yerror(c->err, c->file, root, "", TT_MSG(E_JR_START_NEEDS));
            return -1;
        }
        if (get_start(c, v, &r->start) < 0)
            return -1;
    } else if (v) {
        yerror(c->err, c->file, v, "start", TT_MSG(E_JR_ONLY_START));
        return -1;
    }
    return 0;
}

/* After "...": skip the rest of that line (blanks, a comment, the newline). */
static size_t skip_line_end(const char *data, size_t len, size_t off)
{
    while (off < len && (data[off] == ' ' || data[off] == '\t'))
        off++;
    if (off < len && data[off] == '#')
        while (off < len && data[off] != '\n')
            off++;
    if (off < len && data[off] == '\r')
        off++;
    if (off < len && data[off] == '\n')
        off++;
    return off;
}

bool journal_is_end_marker_line(const char *p, const char *end)
{
    if (end - p < 3 || memcmp(p, "...", 3) != 0)
        return false;
    p += 3;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p == end || *p == '#';
}

/* The tail after the last complete record is torn when it is the start of a
 * record ("---", possibly cut inside) and no "..." line closes it. */
static bool tail_is_torn(const char *data, size_t len, size_t from)
{
    size_t p = from;
    while (p < len && (data[p] == ' ' || data[p] == '\t' || data[p] == '\r' ||
                       data[p] == '\n'))
        p++;
    size_t rest = len - p;
    if (rest == 0)
        return false;
    if (memcmp(data + p, "---", rest < 3 ? rest : 3) != 0)
        return false;
    const char *line = data + p;
    const char *end = data + len;
    while (line < end) {
        const char *nl = memchr(line, '\n', (size_t)(end - line));
        const char *line_end = nl ? nl : end;
        if (journal_is_end_marker_line(line, line_end))
            return false;
        line = nl ? nl + 1 : end;
    }
    return true;
}

/* A journal's first document that is no record at all: a file of another
 * kind (an answer script, a roster, any text): a mapping with none of a
 * record's keys, or a scalar or list that is not the head of a record cut
 * short ("-", "---\nty": 'type' is the writer's first key). A mapping with
 * some of them is a record, whose faults are said as such. */
static bool foreign_first(const char *data, size_t len, const ynode *root,
                          const ydoc_info *info)
{
    if (!root)
        return false; /* "---" then "...": an empty record, said as such */
    if (root->kind == Y_MAP) {
        for (size_t i = 0; record_keys[i]; i++)
            if (ymap_get(root, record_keys[i]))
                return false;
        return true;
    }
    return info->explicit_end || !tail_is_torn(data, len, info->start);
}

static int push_record(tt_journal *j, size_t *cap, const tt_record *r)
{
    if (!tt_grow(&j->records, cap, j->n_records + 1, sizeof *j->records))
        return -1;
    j->records[j->n_records++] = *r;
    return 0;
}

int journal_parse(const char *name, const char *data, size_t len, tt_journal *out,
                  size_t *complete_end, tt_error *err)
{
    return journal_parse_part(name, data, len, false, true, out, complete_end, err);
}

int journal_parse_part(const char *name, const char *data, size_t len, bool continuing,
                       bool need_start, tt_journal *out, size_t *complete_end, tt_error *err)
{
    memset(out, 0, sizeof *out);
    *complete_end = 0;
    if (!name)
        name = "journal";
    char why[128];
    size_t bad = ydoc_check_text(data, len, why, sizeof why);

    yreader yr;
    if (yreader_init(&yr, name, data, bad, err) < 0)
        return -1;
    rctx c = { name, &out->arena, err, false };
    size_t cap = 0;
    tt_error tail_err;
    bool tail_problem = false;
    int rc = -1;

    if (continuing) { /* JOURNAL_PART_PREFIX: a record already closed */
        tt_arena scratch = { 0 };
        ynode *root = NULL;
        ydoc_info info;
        int got = yreader_next(&yr, &scratch, &root, &info, err);
        tt_arena_free(&scratch);
        if (got != 1 || !info.explicit_end) {
            yreader_done(&yr);
            return -1;
        }
        *complete_end = skip_line_end(data, len, info.end);
    }
    for (;;) {
        tt_arena scratch = { 0 };
        ynode *root = NULL;
        ydoc_info info;
        int got = yreader_next(&yr, &scratch, &root, &info, &tail_err);
        if (got == 0) {
            tt_arena_free(&scratch);
            if (bad < len) {
                int line, col;
                ydoc_locate(data, len, bad, &line, &col);
                tt_error_set(&tail_err, name, line, col, "%s", why);
                tail_problem = true;
            } else {
                rc = 0;
            }
            break;
        }
        if (got == 1 && need_start && out->n_records == 0 &&
            foreign_first(data, len, root, &info)) {
            tt_error_set(err, name, info.line, info.column, TT_MSG(E_JR_NOT_A_JOURNAL_FMT),
                         ydoc_kind_hint(ydoc_kind_of(root)));
            tt_arena_free(&scratch);
            goto fail;
        }
        if (got < 0) {
            tt_arena_free(&scratch);
            if (bad < len) { /* cutting at bad text can upset the parser: blame the text */
                int line, col;
                ydoc_locate(data, len, bad, &line, &col);
                tt_error_set(&tail_err, name, line, col, "%s", why);
            }
            tail_problem = true;
            break;
        }
        if (!info.explicit_end) {
            tt_arena_free(&scratch);
            tt_error_set(&tail_err, name, info.line, info.column,
                         TT_MSG(E_JR_NOT_CLOSED));
            tail_problem = true;
            break;
        }
        tt_record r;
        int conv = to_record(&c, root, info.line, info.column, &r);
        tt_arena_free(&scratch);
        if (conv < 0)
            goto fail;
        if (out->n_records == 0 && need_start && r.type != TT_REC_START) {
            tt_error_set(err, name, info.line, info.column,
                         TT_MSG(E_JR_FIRST_START_FMT),
                         tt_record_type_name(r.type));
            goto fail;
        }
        if (need_start &&
            !journal_record_in_order(name, out->n_records,
                                     0, false, &r, info.line, info.column, err))
            goto fail;
        if (push_record(out, &cap, &r) < 0) {
            tt_error_set_as(err, TT_ERR_NOMEM, name, info.line, info.column,
                            TT_MSG(E_JR_OOM));
            goto fail;
        }
        if (r.type == TT_REC_END)
            out->ended = true;
        *complete_end = skip_line_end(data, len, info.end);
    }
    if (tail_problem) {
        if (!tail_is_torn(data, len, *complete_end)) {
            *err = tail_err;
            goto fail;
        }
        int line, col;
        ydoc_locate(data, len, *complete_end, &line, &col);
        out->torn = true;
        snprintf(out->warning, sizeof out->warning, TT_MSG(E_JR_TORN_FMT), name, line, col);
        rc = 0;
    }
    yreader_done(&yr);
    return rc;
fail:
    yreader_done(&yr);
    tt_journal_free(out);
    return -1;
}

bool journal_record_in_order(const char *name, size_t index, tt_ms prev_t, bool check_time,
                             const tt_record *r, int line, int column, tt_error *err)
{
    if (index > 0 && r->type == TT_REC_START) {
        tt_error_set(err, name, line, column, "%s", TT_MSG(E_JR_SECOND_START));
        return false;
    }
    if (check_time && index > 0 && r->t < prev_t) {
        tt_error_set(err, name, line, column, TT_MSG(E_JR_TIME_BACKWARDS_FMT), (long long)r->t,
                     (long long)prev_t);
        return false;
    }
    return true;
}

int journal_parse_kept(yreader *yr, const char *name, size_t end_index, bool need_start,
                       tt_arena *arena, tt_record *r)
{
    tt_error err; /* whatever is wrong, the usual path says it */
    tt_error_clear(&err);
    rctx c = { name, arena, &err, true };
    ynode *root = NULL;
    ydoc_info info;
    /* One document closed by "..." where the part's last line starts: any
     * other "..." (a stray one, one on another line libyaml breaks) and
     * anything the part holds after it is the usual path's to judge. */
    if (yreader_next(yr, arena, &root, &info, &err) != 1 || !info.explicit_end ||
        info.end_index != end_index)
        return 0;
    if (to_record(&c, root, info.line, info.column, r) < 0)
        return 0;
    if (need_start && r->type != TT_REC_START)
        return 0;
    return 1;
}

int tt_journal_read_buffer(const char *name, const char *data, size_t len,
                           tt_journal *out, tt_error *err)
{
    size_t end;
    return journal_parse(name, data, len, out, &end, err);
}

int tt_journal_read(const char *path, tt_journal *out, tt_error *err)
{
    memset(out, 0, sizeof *out);
    size_t len;
    char *data = ydoc_read_file(path, &len, err);
    if (!data)
        return -1;
    int rc = tt_journal_read_buffer(path, data, len, out, err);
    free(data);
    return rc;
}

void tt_journal_free(tt_journal *j)
{
    if (!j)
        return;
    free(j->records);
    tt_arena_free(&j->arena);
    memset(j, 0, sizeof *j);
}
