/* One journal record as one YAML document, written through libyaml's emitter.
 * Strings are double-quoted so they read back as strings whatever they hold;
 * numbers always carry '.' or 'e' so they read back as numbers; absent fields
 * are omitted. The same record always gives the same bytes. */
#include "tabletop/terms.h"
#include "journal_emit.h"
#include "journal_internal.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct em {
    yaml_emitter_t emitter;
    tt_buf out;
    bool failed;
    bool dry;      /* only check the texts, emit nothing (journal_record_check) */
    bool trusted;  /* the record was checked before: skip the checks */
    char why[256]; /* a text the reader would refuse */
} em;

/* One emitter for a whole journal: a YAML stream whose documents are the
 * records. Each "..." flushes the emitter, so a record's bytes are out when
 * it is emitted, the same bytes as a stream of its own (stream start and
 * end write nothing in UTF-8 and after an explicit "..."). */
struct journal_emitter {
    em e;
    bool open; /* the stream is started and between documents */
};

/* The emitter takes ownership of an event; after a failure later events are
 * only freed. */
static void emit(em *e, yaml_event_t *ev, int init_ok)
{
    if (!init_ok) {
        e->failed = true;
        return;
    }
    if (e->failed) {
        yaml_event_delete(ev);
        return;
    }
    if (!yaml_emitter_emit(&e->emitter, ev))
        e->failed = true;
}

/* The event yaml_scalar_event_initialize makes for a scalar with no anchor
 * or tag, both implicit flags set, without its second UTF-8 check of the
 * text: every text given here passed tt_text_scan (which refuses all that
 * check refuses, and more) or is the emitter's own ASCII. A third of the
 * cost of the journal's scalar events (callgrind). The value is a malloc'ed
 * copy, as libyaml's own (its yaml_event_delete frees it with free()). */
static void scalar_event(em *e, const char *s, size_t len, yaml_scalar_style_t style)
{
    if (e->dry || e->failed)
        return;
    yaml_char_t *copy = malloc(len + 1);
    if (!copy) {
        e->failed = true;
        return;
    }
    memcpy(copy, s, len);
    copy[len] = '\0';
    yaml_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.type = YAML_SCALAR_EVENT;
    ev.data.scalar.value = copy;
    ev.data.scalar.length = len;
    ev.data.scalar.plain_implicit = 1;
    ev.data.scalar.quoted_implicit = 1;
    ev.data.scalar.style = style;
    emit(e, &ev, 1);
}

static void scalar_n(em *e, const char *s, size_t len, yaml_scalar_style_t style)
{
    /* The reader refuses control characters in any text (ydoc.c), so
     * writing one would leave a journal nothing can read: every string is
     * checked here, whatever field it is for (a scenario path named with
     * an escape included). */
    tt_text_fault fault;
    if (!e->trusted && !e->failed && !tt_text_scan(s, len, &fault)) {
        char say[120];
        tt_text_fault_say(&fault, TT_MSG(E_IN_JOURNAL), true, say, sizeof say);
        snprintf(e->why, sizeof e->why, TT_MSG(E_JE_TEXT_FAULT_FMT), s, say);
        e->failed = true;
    }
    scalar_event(e, s, len, style);
}

/* A text made here (a field name, a number's digits): nothing to check. */
static void word_n(em *e, const char *s, size_t len)
{
    scalar_event(e, s, len, YAML_PLAIN_SCALAR_STYLE);
}

static void word(em *e, const char *s) { word_n(e, s, strlen(s)); }

static void scalar(em *e, const char *s, yaml_scalar_style_t style)
{
    if (!s)
        s = "";
    scalar_n(e, s, strlen(s), style);
}

static void plain(em *e, const char *s) { scalar(e, s, YAML_PLAIN_SCALAR_STYLE); }
static void quoted(em *e, const char *s) { scalar(e, s, YAML_DOUBLE_QUOTED_SCALAR_STYLE); }

static void map_start(em *e)
{
    if (e->dry)
        return;
    yaml_event_t ev;
    emit(e, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                     YAML_BLOCK_MAPPING_STYLE));
}

static void map_end(em *e)
{
    if (e->dry)
        return;
    yaml_event_t ev;
    emit(e, &ev, yaml_mapping_end_event_initialize(&ev));
}

static void seq_start(em *e)
{
    if (e->dry)
        return;
    yaml_event_t ev;
    emit(e, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                      YAML_BLOCK_SEQUENCE_STYLE));
}

static void seq_end(em *e)
{
    if (e->dry)
        return;
    yaml_event_t ev;
    emit(e, &ev, yaml_sequence_end_event_initialize(&ev));
}

/* Decimal digits of v, as "%" PRId64 writes them (without printf: a
 * journal holds thousands of integers). */
static void int_val(em *e, int64_t v)
{
    if (e->dry)
        return;
    char buf[24];
    char *p = buf + sizeof buf;
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    do
        *--p = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        *--p = '-';
    word_n(e, p, (size_t)(buf + sizeof buf - p));
}

void journal_format_number(double v, char *buf, size_t size)
{
    if (isnan(v)) {
        snprintf(buf, size, ".nan");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, size, "%s", v < 0 ? "-.inf" : ".inf");
        return;
    }
    /* Shortest form that reads back to the same double (at most %.17g),
     * written without an exponent for ordinary magnitudes (60.0, not 6e+01). */
    int prec = 1;
    for (; prec < 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        double back = strtod(buf, NULL);
        if (memcmp(&back, &v, sizeof v) == 0)
            break;
    }
    char sci[40];
    snprintf(sci, sizeof sci, "%.*e", prec - 1, v);
    const char *e = strchr(sci, 'e');
    int exp10 = e ? atoi(e + 1) : 0;
    if (exp10 >= prec && exp10 < 17)
        prec = exp10 + 1;
    snprintf(buf, size, "%.*g", prec, v);
    if (!strpbrk(buf, ".e")) {
        size_t len = strlen(buf);
        if (len + 3 <= size)
            memcpy(buf + len, ".0", 3);
    }
}

static void num_val(em *e, double v)
{
    if (e->dry)
        return;
    char buf[48];
    journal_format_number(v, buf, sizeof buf);
    word(e, buf);
}

static void value(em *e, const tt_value *v)
{
    switch (v->type) {
    case TT_VAL_BOOL:
        word(e, v->as.b ? "true" : "false");
        return;
    case TT_VAL_INT:
        int_val(e, v->as.i);
        return;
    case TT_VAL_NUM:
        num_val(e, v->as.n);
        return;
    case TT_VAL_STR:
        quoted(e, v->as.s);
        return;
    }
}

static void str_field(em *e, const char *key, const char *v)
{
    if (!v)
        return;
    word(e, key);
    quoted(e, v);
}

/* Recipients: one role as a string, several (API 1.1, kept joined by ',')
 * as a list of strings. */
static void to_field(em *e, const char *to)
{
    if (!to || !strchr(to, ',')) {
        str_field(e, "to", to);
        return;
    }
    word(e, "to");
    seq_start(e);
    for (const char *p = to; *p;) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        scalar_n(e, p, len, YAML_DOUBLE_QUOTED_SCALAR_STYLE); /* whole, however long */
        if (!end)
            break;
        p = end + 1;
    }
    seq_end(e);
}

static void text_map(em *e, const tt_text *t)
{
    map_start(e);
    str_field(e, "ja", t->ja);
    str_field(e, "en", t->en);
    map_end(e);
}

static void kv_map(em *e, const tt_kv *kv, size_t n)
{
    map_start(e);
    for (size_t i = 0; i < n; i++) {
        plain(e, kv[i].key);
        value(e, &kv[i].value);
    }
    map_end(e);
}

static void start_map(em *e, const tt_start_info *s)
{
    map_start(e);
    str_field(e, "scenario", s->scenario);
    str_field(e, "hash", s->hash);
    str_field(e, "path", s->path);
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIu64, s->seed); /* once per journal */
    word(e, "seed");
    word(e, buf);
    word(e, "speed");
    num_val(e, s->speed);
    str_field(e, "lang", s->lang);
    str_field(e, "team", s->team);
    if (s->organisation)
        str_field(e, "organisation", s->organisation);
    if (s->n_members) {
        word(e, "members");
        seq_start(e);
        for (size_t i = 0; i < s->n_members; i++) {
            map_start(e);
            str_field(e, "name", s->members[i].name);
            str_field(e, "role", s->members[i].role);
            map_end(e);
        }
        seq_end(e);
    }
    if (s->n_settings) {
        word(e, "settings");
        kv_map(e, s->settings, s->n_settings);
    }
    if (s->n_state) {
        word(e, "state");
        kv_map(e, s->state, s->n_state);
    }
    str_field(e, "date", s->date);
    str_field(e, "engine", s->engine);
    str_field(e, "db", s->db);
    str_field(e, "scorecard", s->scorecard);
    if (s->no_scorecard) {
        word(e, "no_scorecard");
        word(e, "true");
    }
    map_end(e);
}

static void record_map(em *e, const tt_record *r)
{
    map_start(e);
    word(e, "type");
    word(e, tt_record_type_name(r->type));
    word(e, "t");
    int_val(e, r->t);
    if (r->wall_ms) {
        word(e, "wall");
        int_val(e, r->wall_ms);
    }
    str_field(e, "id", r->id);
    str_field(e, "role", r->role);
    str_field(e, "member", r->member);
    str_field(e, "from", r->from);
    to_field(e, r->to);
    str_field(e, "note", r->note);
    str_field(e, "status", r->status);
    if (r->text.ja || r->text.en) {
        word(e, "text");
        text_map(e, &r->text);
    }
    if (r->n_questions) {
        word(e, "questions");
        seq_start(e);
        for (size_t i = 0; i < r->n_questions; i++)
            text_map(e, &r->questions[i]);
        seq_end(e);
    }
    if (r->n_changes) {
        word(e, "changes");
        kv_map(e, r->changes, r->n_changes);
    }
    if (r->type == TT_REC_ACTION || r->until) {
        word(e, "until");
        int_val(e, r->until);
    }
    if (r->type == TT_REC_SPEED || r->speed != 0) {
        word(e, "speed");
        num_val(e, r->speed);
    }
    if (r->start) {
        word(e, "start");
        start_map(e, r->start);
    }
    map_end(e);
}

/* Keys must be present and unique, values usable: the reader refuses
 * duplicates and NaN, so the writer must never produce them. */
static bool check_kvs(const tt_kv *kv, size_t n, const char *what, char *why, size_t size)
{
    for (size_t i = 0; i < n; i++) {
        if (!kv[i].key || !kv[i].key[0]) {
            snprintf(why, size, TT_MSG(E_JE_EMPTY_KEY_FMT), what);
            return false;
        }
        if (kv[i].value.type == TT_VAL_NUM && isnan(kv[i].value.as.n)) {
            snprintf(why, size, TT_MSG(E_JE_NAN_FMT), what, kv[i].key);
            return false;
        }
        for (size_t k = 0; k < i; k++) {
            if (strcmp(kv[k].key, kv[i].key) == 0) {
                snprintf(why, size, TT_MSG(E_JE_KEY_TWICE_FMT), what, kv[i].key);
                return false;
            }
        }
    }
    return true;
}

/* What the reader would refuse, the writer refuses first. */
static bool check_record(const tt_record *r, char *why, size_t size)
{
    const char *bad = NULL;
    if (r->t < 0 || r->wall_ms < 0 || r->until < 0)
        bad = TT_MSG(E_JE_TIME_NEGATIVE);
    else if (r->t > TT_JOURNAL_MAX_MS || r->until > TT_JOURNAL_MAX_MS)
        bad = TT_MSG(E_JE_TIME_TOO_LARGE);
    else if (!(r->speed >= 0 && r->speed <= 1e6) ||
             (r->type == TT_REC_SPEED && r->speed == 0))
        bad = TT_MSG(E_JE_SPEED);
    else if ((r->type == TT_REC_START) != (r->start != NULL))
        bad = r->start ? TT_MSG(E_JE_ONLY_START) : TT_MSG(E_JE_START_NEEDS);
    else if (r->start && !r->start->scenario)
        bad = TT_MSG(E_JE_NO_SCENARIO_ID);
    else if (r->start && !(r->start->speed >= 0 && r->start->speed <= 1e6))
        bad = TT_MSG(E_JE_START_SPEED);
    if (bad) {
        snprintf(why, size, "%s", bad);
        return false;
    }
    if (r->start &&
        (!check_kvs(r->start->settings, r->start->n_settings, "start.settings", why, size) ||
         !check_kvs(r->start->state, r->start->n_state, "start.state", why, size)))
        return false;
    return check_kvs(r->changes, r->n_changes, "changes", why, size);
}

static bool stream_start(em *e)
{
    if (!yaml_emitter_initialize(&e->emitter))
        return false;
    yaml_emitter_set_output(&e->emitter, tt_buf_write, &e->out);
    yaml_emitter_set_unicode(&e->emitter, 1);      /* Japanese stays readable */
    yaml_emitter_set_width(&e->emitter, -1);       /* never fold long lines */
    yaml_emitter_set_indent(&e->emitter, 2);
    yaml_emitter_set_break(&e->emitter, YAML_LN_BREAK);
    yaml_event_t ev;
    if (!yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) ||
        !yaml_emitter_emit(&e->emitter, &ev)) {
        yaml_emitter_delete(&e->emitter);
        return false;
    }
    return true;
}

/* The checks of the record as a whole (its type, times, keys). */
static bool record_ok(const tt_record *r, tt_error *err)
{
    if (!r || (unsigned)r->type >= TT_REC__COUNT) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_JE_UNKNOWN_TYPE));
        return false;
    }
    char why[256];
    if (!check_record(r, why, sizeof why)) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_JE_CANNOT_WRITE_FMT),
                     tt_record_type_name(r->type), why);
        return false;
    }
    return true;
}

int journal_record_check(const tt_record *r, tt_error *err)
{
    if (!record_ok(r, err))
        return -1;
    /* The emitter's own walk, in its order, so the first text at fault
     * is the one journal_emitter_put would name. */
    em e;
    e.failed = false;
    e.dry = true;
    e.trusted = false;
    e.why[0] = '\0';
    record_map(&e, r);
    if (!e.failed)
        return 0;
    tt_error_set_as(err, TT_ERR_INPUT, NULL, 0, 0, TT_MSG(E_JE_CANNOT_WRITE_FMT),
                    tt_record_type_name(r->type), e.why[0] ? e.why : TT_MSG(E_JE_BAD_TEXT));
    return -1;
}

void journal_emitter_trust(journal_emitter *je)
{
    je->e.trusted = true;
}

const char *journal_emitter_put(journal_emitter *je, const tt_record *r, size_t *len,
                                tt_error *err)
{
    if (!je->e.trusted && !record_ok(r, err))
        return NULL;
    em *e = &je->e;
    /* The last record's bytes are dropped, their room kept. */
    e->out.len = 0;
    if (e->out.data)
        e->out.data[0] = '\0';
    e->failed = false;
    e->why[0] = '\0';
    if (!je->open && !stream_start(e)) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    je->open = true;

    yaml_event_t ev;
    emit(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0));
    record_map(e, r);
    emit(e, &ev, yaml_document_end_event_initialize(&ev, 0)); /* explicit "..." */
    if (!e->failed && !yaml_emitter_flush(&e->emitter))
        e->failed = true;

    if (e->failed || e->out.failed || !e->out.data) {
        tt_error_set_as(err, e->out.failed ? TT_ERR_NOMEM : TT_ERR_INPUT, NULL, 0, 0,
                        TT_MSG(E_JE_CANNOT_WRITE_FMT), tt_record_type_name(r->type),
                        e->out.failed                ? TT_MSG(E_OUT_OF_MEMORY)
                        : e->why[0]                  ? e->why
                        : e->emitter.problem != NULL ? tt_lib_text(TT_LIB_YAML, e->emitter.problem, NULL)
                                                     : TT_MSG(E_JE_BAD_TEXT));
        /* The emitter stopped inside the document: the next record starts
         * a new stream (the same bytes) and a fresh buffer. */
        yaml_emitter_delete(&e->emitter);
        je->open = false;
        tt_buf_free(&e->out);
        return NULL;
    }
    if (len)
        *len = e->out.len;
    return e->out.data;
}

journal_emitter *journal_emitter_new(void)
{
    return calloc(1, sizeof(journal_emitter));
}

void journal_emitter_free(journal_emitter *je)
{
    if (!je)
        return;
    if (je->open)
        yaml_emitter_delete(&je->e.emitter);
    tt_buf_free(&je->e.out);
    free(je);
}

char *tt_record_to_yaml(const tt_record *r, tt_error *err)
{
    journal_emitter *je = journal_emitter_new();
    if (!je) {
        tt_error_oom(err, NULL);
        return NULL;
    }
    char *doc = journal_emitter_put(je, r, NULL, err) ? tt_buf_take(&je->e.out, NULL) : NULL;
    journal_emitter_free(je);
    return doc;
}
