/* The scenario model cache: see model_cache.h and docs/architecture.md
 * "The model cache". One generic walk over the schema tables below turns a
 * model into CBOR (each struct an array of its fields, in table order;
 * libcbor encodes and decodes every item, in cbor.so: cbor_items.h) and
 * back; nothing here knows a field by name. */
#define _GNU_SOURCE /* dl_iterate_phdr, mkostemp */
#include "model_cache.h"

#include <errno.h>
#include <fcntl.h>
#include <link.h>
#include <math.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "tabletop/cache_files.h"
#include "tabletop/script.h"
#include "tabletop/terms.h"
#include "cbor_items.h"

/* Bump when the file's layout (not the schema: that is hashed) changes. */
#define MC_FORMAT 3
#define MC_MAGIC "tabletop-model-cache"
#define MC_MAX_FILE ((size_t)16 << 20)   /* one entry: larger is not ours */
#define MC_MAX_ENTRIES 64                /* the folder keeps at most this many */
#define MC_MAX_TOTAL ((off_t)32 << 20)   /* and at most this many bytes */
#define MC_STALE_TMP_S 600               /* a writer's temporary file left this long */

_Static_assert(sizeof(tt_objective_phase) == sizeof(int), "enums are int-sized");

/* ---- The schema ---- */

#define F(T, m, k) { #m, NULL, k, offsetof(T, m), 0, NULL }
#define L(T, m, n, k) { #m, #n, k, offsetof(T, m), offsetof(T, n), NULL }
#define A(T, m, n, sub) { #m, #n, MC_ARRAY, offsetof(T, m), offsetof(T, n), &sub }
#define S(T, list) { #T, sizeof(T), list, sizeof list / sizeof list[0] }

static const mc_field role_fields[] = {
    F(tt_role, id, MC_STR), F(tt_role, name, MC_TEXT), F(tt_role, description, MC_TEXT),
    F(tt_role, capacity, MC_INT), F(tt_role, short_name, MC_TEXT),
};
static const mc_field actor_fields[] = {
    F(tt_actor, id, MC_STR), F(tt_actor, kind, MC_STR), F(tt_actor, name, MC_TEXT),
    F(tt_actor, delay_min, MC_MS), F(tt_actor, delay_max, MC_MS),
    F(tt_actor, short_name, MC_TEXT),
};
static const mc_field inject_fields[] = {
    F(tt_inject, id, MC_STR), F(tt_inject, at, MC_MS), F(tt_inject, conditional, MC_BOOL),
    F(tt_inject, from, MC_STR), F(tt_inject, to, MC_STR), F(tt_inject, text, MC_TEXT),
    L(tt_inject, questions, n_questions, MC_TEXTS),
};
static const mc_field dynamic_fields[] = {
    F(tt_dynamic, id, MC_STR), F(tt_dynamic, period, MC_MS), F(tt_dynamic, start, MC_MS),
};
static const mc_field action_fields[] = {
    F(tt_action, id, MC_STR), F(tt_action, label, MC_TEXT),
    F(tt_action, description, MC_TEXT), L(tt_action, roles, n_roles, MC_STRS),
    F(tt_action, takes, MC_MS), F(tt_action, has_requires, MC_BOOL),
    F(tt_action, completes, MC_STR), F(tt_action, lesson, MC_STR),
    F(tt_action, harmful, MC_BOOL), F(tt_action, wasted, MC_BOOL),
    F(tt_action, why_bad, MC_TEXT), F(tt_action, repeatable, MC_BOOL),
    F(tt_action, takes_fn, MC_BOOL), F(tt_action, harmful_fn, MC_BOOL),
    F(tt_action, wasted_fn, MC_BOOL), F(tt_action, has_on_cancel, MC_BOOL),
};
static const mc_field objective_fields[] = {
    F(tt_objective, id, MC_STR), F(tt_objective, phase, MC_ENUM),
    F(tt_objective, party, MC_STR), F(tt_objective, title, MC_TEXT),
    F(tt_objective, target, MC_MS), F(tt_objective, limit, MC_MS),
    F(tt_objective, notice, MC_STR), F(tt_objective, has_when, MC_BOOL),
    F(tt_objective, rationale, MC_TEXT), F(tt_objective, capability, MC_TEXT),
};
static const mc_field lesson_fields[] = {
    F(tt_lesson, id, MC_STR), F(tt_lesson, text, MC_TEXT),
    L(tt_lesson, actions, n_actions, MC_STRS), F(tt_lesson, capability, MC_TEXT),
};
static const mc_field history_fields[] = {
    F(tt_history_item, at, MC_MS), F(tt_history_item, at_invented, MC_BOOL),
    F(tt_history_item, action, MC_STR), F(tt_history_item, text, MC_TEXT),
};
static const mc_field metric_fields[] = {
    F(tt_metric, key, MC_STR), F(tt_metric, label, MC_TEXT), F(tt_metric, unit, MC_TEXT),
    F(tt_metric, max, MC_DOUBLE), F(tt_metric, damage, MC_BOOL),
    F(tt_metric, short_label, MC_TEXT),
};
static const mc_field setting_fields[] = {
    F(tt_setting, key, MC_STR), F(tt_setting, label, MC_TEXT), F(tt_setting, value, MC_VALUE),
};
static const mc_field reference_fields[] = {
    F(tt_reference, title, MC_TEXT), F(tt_reference, publisher, MC_STR),
    F(tt_reference, url, MC_STR), F(tt_reference, date, MC_STR),
};

static const mc_struct role_s = S(tt_role, role_fields);
static const mc_struct actor_s = S(tt_actor, actor_fields);
static const mc_struct inject_s = S(tt_inject, inject_fields);
static const mc_struct dynamic_s = S(tt_dynamic, dynamic_fields);
static const mc_struct action_s = S(tt_action, action_fields);
static const mc_struct objective_s = S(tt_objective, objective_fields);
static const mc_struct lesson_s = S(tt_lesson, lesson_fields);
static const mc_struct history_s = S(tt_history_item, history_fields);
static const mc_struct metric_s = S(tt_metric, metric_fields);
static const mc_struct setting_s = S(tt_setting, setting_fields);
static const mc_struct reference_s = S(tt_reference, reference_fields);

static const mc_field scenario_fields[] = {
    F(tt_scenario, id, MC_STR), F(tt_scenario, title, MC_TEXT),
    F(tt_scenario, summary, MC_TEXT), F(tt_scenario, source, MC_STR),
    F(tt_scenario, length, MC_MS), F(tt_scenario, speed, MC_DOUBLE),
    F(tt_scenario, starts_at, MC_MS), F(tt_scenario, invented, MC_TEXT),
    A(tt_scenario, roles, n_roles, role_s), A(tt_scenario, actors, n_actors, actor_s),
    A(tt_scenario, injects, n_injects, inject_s),
    A(tt_scenario, dynamics, n_dynamics, dynamic_s),
    A(tt_scenario, actions, n_actions, action_s),
    A(tt_scenario, objectives, n_objectives, objective_s),
    A(tt_scenario, lessons, n_lessons, lesson_s),
    A(tt_scenario, history, n_history, history_s),
    A(tt_scenario, metrics, n_metrics, metric_s),
    A(tt_scenario, settings, n_settings, setting_s),
    A(tt_scenario, references, n_references, reference_s),
};
static const mc_struct scenario_s = S(tt_scenario, scenario_fields);

static const mc_struct *const schema[] = {
    &scenario_s, &role_s, &actor_s, &inject_s, &dynamic_s, &action_s, &objective_s,
    &lesson_s, &history_s, &metric_s, &setting_s, &reference_s,
};

/* Set by each load, never stored. */
const char *const tt_model_cache_not_stored[] = { "arena", "path", "hash", NULL };

const mc_struct *const *tt_model_cache_schema(size_t *n)
{
    *n = sizeof schema / sizeof schema[0];
    return schema;
}

/* ---- libcbor, loaded on first use ----
 *
 * cbor.so maps libcbor; a process that never reads or writes an entry
 * (a headless run or a check with a warm cache) maps neither. Without the
 * module every entry is a miss and none is written: the cache only saves
 * time. */

static const tt_cbor_api *cbor;
static pthread_once_t cbor_once = PTHREAD_ONCE_INIT;

static void load_cbor(void)
{
    tt_error err;
    tt_error_clear(&err);
    cbor = tt_module_api(TT_MODULE_CBOR, sizeof(tt_cbor_api), tt_lang_messages(), &err);
}

static bool cbor_ready(void)
{
    pthread_once(&cbor_once, load_cbor);
    return cbor != NULL;
}

/* ---- Model -> CBOR ----
 *
 * Each struct is a CBOR array of its fields in table order; a string is a
 * text string (null for NULL), a text an array of two, a value an array of
 * its type and value. libcbor writes every head; a string's bytes follow
 * their head as CBOR lays them out. */

static bool put_item(tt_buf *b, tt_cbor_kind kind, uint64_t u, bool v, double d)
{
    tt_cbor_item it = { .kind = kind, .u = u, .b = v, .d = d };
    unsigned char item[9];
    size_t n = cbor->encode(&it, item, sizeof item);
    return n > 0 && tt_buf_addn(b, (const char *)item, n);
}

static bool put_head(tt_buf *b, tt_cbor_kind kind, uint64_t v)
{
    return put_item(b, kind, v, false, 0);
}

static bool put_int(tt_buf *b, int64_t v)
{
    return v >= 0 ? put_head(b, TT_CBOR_UINT, (uint64_t)v)
                  : put_head(b, TT_CBOR_NEGINT, (uint64_t)(-1 - v));
}

static bool put_bool(tt_buf *b, bool v)
{
    return put_item(b, TT_CBOR_BOOL, 0, v, 0);
}

static bool put_double(tt_buf *b, double v)
{
    return isfinite(v) && put_item(b, TT_CBOR_DOUBLE, 0, false, v);
}

static bool put_str(tt_buf *b, const char *s)
{
    if (!s)
        return put_item(b, TT_CBOR_NULL, 0, false, 0);
    size_t n = strlen(s);
    tt_text_fault fault;
    /* The reader would refuse it: keep nothing. */
    return tt_text_scan(s, n, &fault) && put_head(b, TT_CBOR_TEXT, n) && tt_buf_addn(b, s, n);
}

static bool put_text(tt_buf *b, const tt_text *t)
{
    return put_head(b, TT_CBOR_ARRAY, 2) && put_str(b, t->ja) && put_str(b, t->en);
}

static bool put_struct(tt_buf *b, const mc_struct *st, const char *base);

static bool put_field(tt_buf *b, const mc_field *f, const char *base)
{
    const char *at = base + f->offset;
    size_t n = f->count_name ? *(const size_t *)(base + f->count_offset) : 0;
    switch (f->kind) {
    case MC_STR:
        return put_str(b, *(const char *const *)at);
    case MC_TEXT:
        return put_text(b, (const tt_text *)at);
    case MC_MS:
        return put_int(b, *(const tt_ms *)at);
    case MC_INT:
    case MC_ENUM:
        return put_int(b, *(const int *)at);
    case MC_BOOL:
        return put_bool(b, *(const bool *)at);
    case MC_DOUBLE:
        return put_double(b, *(const double *)at);
    case MC_VALUE: {
        const tt_value *v = (const tt_value *)at;
        if (!put_head(b, TT_CBOR_ARRAY, 2) || !put_int(b, (int64_t)v->type))
            return false;
        switch (v->type) {
        case TT_VAL_BOOL:
            return put_bool(b, v->as.b);
        case TT_VAL_INT:
            return put_int(b, v->as.i);
        case TT_VAL_NUM:
            return put_double(b, v->as.n);
        case TT_VAL_STR:
            return put_str(b, v->as.s);
        }
        return false;
    }
    case MC_STRS:
    case MC_TEXTS:
    case MC_ARRAY:
        if (!put_head(b, TT_CBOR_ARRAY, n))
            return false;
        for (size_t i = 0; i < n; i++) {
            bool ok = f->kind == MC_STRS ? put_str(b, (*(const char *const *const *)at)[i])
                      : f->kind == MC_TEXTS
                          ? put_text(b, &(*(const tt_text *const *)at)[i])
                          : put_struct(b, f->item, *(const char *const *)at + i * f->item->size);
            if (!ok)
                return false;
        }
        return true;
    }
    return false;
}

static bool put_struct(tt_buf *b, const mc_struct *st, const char *base)
{
    if (!put_head(b, TT_CBOR_ARRAY, st->n_fields))
        return false;
    for (size_t i = 0; i < st->n_fields; i++)
        if (!put_field(b, &st->fields[i], base))
            return false;
    return true;
}

char *tt_model_cache_encode(const tt_scenario *m, size_t *len)
{
    if (!cbor_ready())
        return NULL;
    tt_buf b = TT_BUF_INIT;
    tt_buf_init(&b, MC_MAX_FILE);
    if (!put_struct(&b, &scenario_s, (const char *)m)) {
        tt_buf_free(&b);
        return NULL;
    }
    return tt_buf_take(&b, len);
}

/* ---- CBOR -> model ----
 *
 * A pull reader over libcbor's streaming decoder: each step decodes one
 * item's head (a string with its bytes, which stay in the buffer) into
 * `cur`; anything the encoder never writes (maps, tags, indefinite
 * lengths, other floats) is an item of no kind, and a miss. */

typedef struct reader {
    const unsigned char *p;
    size_t left;
    tt_cbor_item cur;
} reader;

/* False without cbor.so: then nothing decodes. */
static bool reader_init(reader *r, const void *data, size_t len)
{
    r->p = data;
    r->left = len;
    r->cur.kind = TT_CBOR_NONE;
    return cbor_ready();
}

/* The next item, which must be of `kind`. */
static bool next(reader *r, tt_cbor_kind kind)
{
    size_t read = cbor->decode(r->p, r->left, &r->cur);
    if (read == 0)
        return false;
    r->p += read;
    r->left -= read;
    return r->cur.kind == kind;
}

/* An array of n items; n no larger than the bytes left (each item takes
 * one at least), so a forged length never sizes an allocation. */
static bool next_array(reader *r, size_t *n)
{
    if (!next(r, TT_CBOR_ARRAY) || r->cur.u > r->left)
        return false;
    *n = (size_t)r->cur.u;
    return true;
}

static bool next_int(reader *r, int64_t lo, int64_t hi, int64_t *out)
{
    r->cur.kind = TT_CBOR_NONE;
    if (!next(r, TT_CBOR_UINT) && r->cur.kind != TT_CBOR_NEGINT)
        return false;
    if (r->cur.u > INT64_MAX)
        return false;
    int64_t v = r->cur.kind == TT_CBOR_UINT ? (int64_t)r->cur.u : -1 - (int64_t)r->cur.u;
    if (v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

typedef struct decoder {
    reader r;
    tt_arena *a;
} decoder;

/* A string: null, or text the model may hold (what the encoder checked),
 * copied into the model's arena. */
static int str_from(decoder *d, const char **out)
{
    if (!next(&d->r, TT_CBOR_TEXT)) {
        if (d->r.cur.kind != TT_CBOR_NULL)
            return -1;
        *out = NULL;
        return 0;
    }
    tt_text_fault fault;
    const char *s = (const char *)d->r.cur.bytes;
    size_t n = d->r.cur.len;
    if (!tt_text_scan(s, n, &fault))
        return -1;
    char *copy = tt_arena_strndup(d->a, s, n);
    if (!copy)
        return -1;
    *out = copy;
    return 0;
}

static int text_from(decoder *d, tt_text *out)
{
    size_t n;
    if (!next_array(&d->r, &n) || n != 2)
        return -1;
    return str_from(d, &out->ja) == 0 && str_from(d, &out->en) == 0 ? 0 : -1;
}

static int double_from(decoder *d, double *out)
{
    if (!next(&d->r, TT_CBOR_DOUBLE) || !isfinite(d->r.cur.d))
        return -1;
    *out = d->r.cur.d;
    return 0;
}

static int bool_from(decoder *d, bool *out)
{
    if (!next(&d->r, TT_CBOR_BOOL))
        return -1;
    *out = d->r.cur.b;
    return 0;
}

static int struct_from(decoder *d, const mc_struct *st, char *base);

static int field_from(decoder *d, const mc_field *f, char *base)
{
    char *at = base + f->offset;
    int64_t i;
    switch (f->kind) {
    case MC_STR:
        return str_from(d, (const char **)at);
    case MC_TEXT:
        return text_from(d, (tt_text *)at);
    case MC_MS:
        if (!next_int(&d->r, INT64_MIN, INT64_MAX, &i))
            return -1;
        *(tt_ms *)at = i;
        return 0;
    case MC_INT:
        if (!next_int(&d->r, INT32_MIN, INT32_MAX, &i))
            return -1;
        *(int *)at = (int)i;
        return 0;
    case MC_ENUM:
        /* The one enum, an objective's phase: only the values it has, as
         * the scenario's loader gives them (a forged entry is a miss). */
        if (!next_int(&d->r, TT_OBJ_ISOLATE, TT_OBJ_RECOVER, &i))
            return -1;
        *(int *)at = (int)i;
        return 0;
    case MC_BOOL:
        return bool_from(d, (bool *)at);
    case MC_DOUBLE:
        return double_from(d, (double *)at);
    case MC_VALUE: {
        tt_value *v = (tt_value *)at;
        size_t n;
        if (!next_array(&d->r, &n) || n != 2 || !next_int(&d->r, 0, INT32_MAX, &i))
            return -1;
        switch (i) {
        case TT_VAL_BOOL:
            v->type = TT_VAL_BOOL;
            return bool_from(d, &v->as.b);
        case TT_VAL_INT:
            v->type = TT_VAL_INT;
            return next_int(&d->r, INT64_MIN, INT64_MAX, &v->as.i) ? 0 : -1;
        case TT_VAL_NUM:
            v->type = TT_VAL_NUM;
            return double_from(d, &v->as.n);
        case TT_VAL_STR:
            v->type = TT_VAL_STR;
            return str_from(d, &v->as.s);
        }
        return -1;
    }
    case MC_STRS:
    case MC_TEXTS:
    case MC_ARRAY: {
        size_t n;
        if (!next_array(&d->r, &n))
            return -1;
        /* Each item takes this many bytes at least (a null string; a text's
         * head and two nulls; a struct's head and a byte per field): a
         * forged count is refused before it sizes the allocation. */
        size_t least = f->kind == MC_STRS    ? 1
                       : f->kind == MC_TEXTS ? 3
                                             : 1 + f->item->n_fields;
        if (n > d->r.left / least)
            return -1;
        size_t size = f->kind == MC_STRS    ? sizeof(const char *)
                      : f->kind == MC_TEXTS ? sizeof(tt_text)
                                            : f->item->size;
        char *items = NULL;
        if (n) {
            items = tt_arena_alloc(d->a, n * size);
            if (!items)
                return -1;
        }
        for (size_t k = 0; k < n; k++) {
            char *slot = items + k * size;
            int rc = f->kind == MC_STRS    ? str_from(d, (const char **)slot)
                     : f->kind == MC_TEXTS ? text_from(d, (tt_text *)slot)
                                           : struct_from(d, f->item, slot);
            if (rc != 0)
                return -1;
        }
        *(char **)at = items;
        *(size_t *)(base + f->count_offset) = n;
        return 0;
    }
    }
    return -1;
}

static int struct_from(decoder *d, const mc_struct *st, char *base)
{
    size_t n;
    if (!next_array(&d->r, &n) || n != st->n_fields)
        return -1;
    for (size_t i = 0; i < st->n_fields; i++)
        if (field_from(d, &st->fields[i], base) != 0)
            return -1;
    return 0;
}

int tt_model_cache_decode(const char *body, size_t len, tt_scenario *m)
{
    decoder d;
    if (!reader_init(&d.r, body, len))
        return -1;
    d.a = &m->arena;
    /* The model is the body's one item: nothing may follow it. */
    return struct_from(&d, &scenario_s, (char *)m) == 0 && d.r.left == 0 ? 0 : -1;
}

/* ---- The key ---- */

/* The running program's GNU build id (hex), "" when it has none: a rebuilt
 * engine, even of the same version, never reads a model its predecessor
 * extracted. */
static char build_id[2 * 64 + 1];
static pthread_once_t build_id_once = PTHREAD_ONCE_INIT;

static int find_build_id(struct dl_phdr_info *info, size_t size, void *ud)
{
    (void)size;
    (void)ud;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type != PT_NOTE)
            continue;
        const char *p = (const char *)(info->dlpi_addr + ph->p_vaddr);
        const char *end = p + ph->p_memsz;
        while (p + sizeof(ElfW(Nhdr)) <= end) {
            const ElfW(Nhdr) *nh = (const ElfW(Nhdr) *)p;
            size_t name = (nh->n_namesz + 3) & ~(size_t)3;
            size_t desc = (nh->n_descsz + 3) & ~(size_t)3;
            const unsigned char *bytes =
                (const unsigned char *)p + sizeof(ElfW(Nhdr)) + name;
            if (nh->n_type == NT_GNU_BUILD_ID && nh->n_namesz == 4 &&
                memcmp(p + sizeof(ElfW(Nhdr)), "GNU", 4) == 0 && nh->n_descsz <= 64 &&
                (const char *)bytes + nh->n_descsz <= end) {
                for (size_t k = 0; k < nh->n_descsz; k++)
                    snprintf(build_id + 2 * k, 3, "%02x", bytes[k]);
                return 1;
            }
            p += sizeof(ElfW(Nhdr)) + name + desc;
        }
    }
    return 1; /* the first object is the program itself: stop there */
}

static void read_build_id(void)
{
    dl_iterate_phdr(find_build_id, NULL);
}

/* The key: format, version, build, scenario hash and the schema (struct
 * and field names, sizes, kinds and offsets), fed to SHA-256 as they are. */
static void hash_text(struct sha256_ctx *ctx, const char *s)
{
    sha256_update(ctx, strlen(s) + 1, (const uint8_t *)s);
}

static void hash_size(struct sha256_ctx *ctx, size_t n)
{
    uint64_t v = n;
    sha256_update(ctx, sizeof v, (const uint8_t *)&v);
}

static int cache_key(const char *scenario_hash, char key[65])
{
    pthread_once(&build_id_once, read_build_id);
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    hash_text(&ctx, MC_MAGIC);
    hash_size(&ctx, MC_FORMAT);
    hash_text(&ctx, tt_version());
    hash_text(&ctx, build_id);
    hash_text(&ctx, scenario_hash);
    for (size_t s = 0; s < sizeof schema / sizeof schema[0]; s++) {
        const mc_struct *st = schema[s];
        hash_text(&ctx, st->name);
        hash_size(&ctx, st->size);
        for (size_t i = 0; i < st->n_fields; i++) {
            hash_text(&ctx, st->fields[i].name);
            hash_size(&ctx, st->fields[i].kind);
            hash_size(&ctx, st->fields[i].offset);
            hash_size(&ctx, st->fields[i].count_offset);
        }
    }
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    static const char hex[] = "0123456789abcdef";
    for (size_t i = 0; i < sizeof digest; i++) {
        key[2 * i] = hex[digest[i] >> 4];
        key[2 * i + 1] = hex[digest[i] & 15];
    }
    key[64] = '\0';
    return 0;
}

/* ---- The folder ---- */

/* The entry's key and file name; -1 when there is no cache folder. */
static int entry_path(const char *scenario_hash, char key[65], char *out, size_t size,
                      size_t *root)
{
    if (!scenario_hash || cache_key(scenario_hash, key) != 0 ||
        tt_cache_dir("models", out, size, root) != 0)
        return -1;
    size_t used = strlen(out);
    int n = snprintf(out + used, size - used, "/%s.model", key);
    return n > 0 && (size_t)n < size - used ? 0 : -1;
}

/* An entry is one CBOR array: the magic, the format, the key, the body's
 * SHA-256 (hex) and the body (a byte string: the model's CBOR). */
#define MC_ENTRY_ITEMS 5

static bool put_entry(tt_buf *b, const char *key, const char *body, size_t len)
{
    char body_hash[65];
    tt_sha256_hex(body, len, body_hash);
    return put_head(b, TT_CBOR_ARRAY, MC_ENTRY_ITEMS) && put_str(b, MC_MAGIC) &&
           put_int(b, MC_FORMAT) && put_str(b, key) && put_str(b, body_hash) &&
           put_head(b, TT_CBOR_BYTES, len) && tt_buf_addn(b, body, len);
}

static bool next_is(reader *r, const char *text)
{
    return next(r, TT_CBOR_TEXT) && r->cur.len == strlen(text) &&
           memcmp(r->cur.bytes, text, r->cur.len) == 0;
}

/* The entry's body, when the file is an entry of this format and key whose
 * body has the SHA-256 it says. */
static bool entry_body(const char *file, size_t len, const char *key, const char **body,
                       size_t *body_len)
{
    reader r;
    if (!reader_init(&r, file, len))
        return false;
    size_t n;
    int64_t format;
    if (!next_array(&r, &n) || n != MC_ENTRY_ITEMS || !next_is(&r, MC_MAGIC) ||
        !next_int(&r, 0, INT32_MAX, &format) || format != MC_FORMAT || !next_is(&r, key) ||
        !next(&r, TT_CBOR_TEXT) || r.cur.len != 64)
        return false;
    char want[65], got[65];
    memcpy(want, r.cur.bytes, 64);
    want[64] = '\0';
    if (!next(&r, TT_CBOR_BYTES) || r.left != 0)
        return false;
    tt_sha256_hex((const char *)r.cur.bytes, r.cur.len, got);
    if (strcmp(want, got) != 0)
        return false;
    *body = (const char *)r.cur.bytes;
    *body_len = r.cur.len;
    return true;
}

int tt_model_cache_read(const char *scenario_hash, tt_scenario *m)
{
    char key[65], path[4096];
    size_t root;
    if (entry_path(scenario_hash, key, path, sizeof path, &root) != 0)
        return -1;
    size_t len = 0;
    bool bad;
    char *file = tt_cache_slurp(path, MC_MAX_FILE, &len, &bad);
    if (!file) {
        if (bad)
            unlink(path); /* not a regular file, too large or empty */
        return -1;
    }
    const char *body;
    size_t body_len;
    int rc = entry_body(file, len, key, &body, &body_len)
                 ? tt_model_cache_decode(body, body_len, m)
                 : -1;
    free(file);
    if (rc != 0)
        unlink(path); /* damaged: the load that follows writes it again */
    return rc;
}

bool tt_model_cache_has(const char *scenario_hash)
{
    char key[65], path[4096];
    size_t root;
    return entry_path(scenario_hash, key, path, sizeof path, &root) == 0 &&
           access(path, F_OK) == 0;
}

void tt_model_cache_write(const tt_scenario *m)
{
    char key[65], dir[4096], path[4096], tmp[4096 + 80];
    size_t root;
    if (entry_path(m->hash, key, path, sizeof path, &root) != 0)
        return;
    if (access(path, F_OK) == 0)
        return; /* kept already (by this or another process) */
    /* Written whole under a temporary name, then renamed: a reader sees
     * the old state or the new file, never a part. The file is made
     * before the model is encoded: a folder that cannot take it costs a
     * failed call, not an encoding, in every process. */
    size_t dir_len = root + strlen("/tabletop/models");
    memcpy(dir, path, dir_len);
    dir[dir_len] = '\0';
    memcpy(tmp, dir, dir_len);
    snprintf(tmp + dir_len, sizeof tmp - dir_len, "/.%.64s.XXXXXX.tmp", key);
    int fd = tt_cache_make_dirs(dir, root) == 0 ? mkostemps(tmp, 4, O_CLOEXEC) : -1;
    if (fd < 0)
        return;
    size_t len = 0, entry_len = 0;
    char *body = tt_model_cache_encode(m, &len);
    tt_buf out = TT_BUF_INIT;
    tt_buf_init(&out, MC_MAX_FILE);
    char *file = body && put_entry(&out, key, body, len) ? tt_buf_take(&out, &entry_len) : NULL;
    tt_buf_free(&out);
    bool ok = file && tt_cache_write_all(fd, file, entry_len);
    free(file);
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) == 0)
        tt_cache_prune(dir, ".model", MC_MAX_ENTRIES, MC_MAX_TOTAL, MC_STALE_TMP_S);
    else
        unlink(tmp);
    free(body);
}
