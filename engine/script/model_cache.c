/* The scenario model cache: see model_cache.h and docs/architecture.md
 * "The model cache". One generic walk over the schema tables below turns a
 * model into JSON (each struct an array of its fields, in table order; its
 * strings in a block after the JSON) and back; nothing here knows a field
 * by name. */
#define _GNU_SOURCE /* dl_iterate_phdr, mkostemp */
#include "model_cache.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <link.h>
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

#include "tabletop/script.h"

/* Bump when the file's layout (not the schema: that is hashed) changes. */
#define MC_FORMAT 2
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

/* ---- Model -> JSON ----
 *
 * The JSON holds the structure and numbers; each string is the offset of
 * its bytes in a block of NUL-terminated strings written after the JSON
 * (null for a NULL string). jansson reads a JSON string a byte at a time
 * (about 150 instructions a byte), and texts are most of a model. */

typedef struct encoder {
    tt_buf block;
} encoder;

static json_t *str_json(encoder *e, const char *s)
{
    if (!s)
        return json_null();
    size_t n = strlen(s);
    tt_text_fault fault;
    if (!tt_text_scan(s, n, &fault))
        return NULL; /* the reader would refuse it: keep nothing */
    size_t at = e->block.len;
    if (!tt_buf_addn(&e->block, s, n + 1))
        return NULL;
    return json_integer((json_int_t)at);
}

static json_t *text_json(encoder *e, const tt_text *t)
{
    return json_pack("[oo]", str_json(e, t->ja), str_json(e, t->en));
}

static json_t *struct_json(encoder *e, const mc_struct *st, const char *base);

static json_t *field_json(encoder *e, const mc_field *f, const char *base)
{
    const char *at = base + f->offset;
    size_t n = f->count_name ? *(const size_t *)(base + f->count_offset) : 0;
    json_t *list;
    switch (f->kind) {
    case MC_STR:
        return str_json(e, *(const char *const *)at);
    case MC_TEXT:
        return text_json(e, (const tt_text *)at);
    case MC_MS:
        return json_integer(*(const tt_ms *)at);
    case MC_INT:
    case MC_ENUM:
        return json_integer(*(const int *)at);
    case MC_BOOL:
        return json_boolean(*(const bool *)at);
    case MC_DOUBLE:
        return json_real(*(const double *)at); /* NULL when not finite */
    case MC_VALUE: {
        const tt_value *v = (const tt_value *)at;
        switch (v->type) {
        case TT_VAL_BOOL:
            return json_pack("[io]", (int)v->type, json_boolean(v->as.b));
        case TT_VAL_INT:
            return json_pack("[iI]", (int)v->type, (json_int_t)v->as.i);
        case TT_VAL_NUM:
            return json_pack("[io]", (int)v->type, json_real(v->as.n));
        case TT_VAL_STR:
            return json_pack("[io]", (int)v->type, str_json(e, v->as.s));
        }
        return NULL;
    }
    case MC_STRS:
    case MC_TEXTS:
    case MC_ARRAY:
        list = json_array();
        for (size_t i = 0; list && i < n; i++) {
            json_t *item;
            if (f->kind == MC_STRS)
                item = str_json(e, (*(const char *const *const *)at)[i]);
            else if (f->kind == MC_TEXTS)
                item = text_json(e, &(*(const tt_text *const *)at)[i]);
            else
                item = struct_json(e, f->item, *(const char *const *)at + i * f->item->size);
            if (json_array_append_new(list, item) != 0) {
                json_decref(list);
                list = NULL;
            }
        }
        return list;
    }
    return NULL;
}

static json_t *struct_json(encoder *e, const mc_struct *st, const char *base)
{
    json_t *out = json_array();
    for (size_t i = 0; out && i < st->n_fields; i++) {
        if (json_array_append_new(out, field_json(e, &st->fields[i], base)) != 0) {
            json_decref(out);
            out = NULL;
        }
    }
    return out;
}

char *tt_model_cache_encode(const tt_scenario *m, size_t *len, size_t *json_len)
{
    encoder e = { TT_BUF_INIT };
    tt_buf_init(&e.block, MC_MAX_FILE);
    json_t *doc = struct_json(&e, &scenario_s, (const char *)m);
    char *json = doc ? json_dumps(doc, JSON_COMPACT) : NULL;
    json_decref(doc);
    size_t block_len = 0;
    char *block = tt_buf_take(&e.block, &block_len);
    char *body = NULL;
    if (json && block) {
        *json_len = strlen(json);
        body = malloc(*json_len + block_len + 1);
        if (body) {
            memcpy(body, json, *json_len);
            memcpy(body + *json_len, block, block_len);
            body[*json_len + block_len] = '\0';
            *len = *json_len + block_len;
        }
    }
    free(json);
    free(block);
    return body;
}

/* ---- JSON -> model ---- */

typedef struct decoder {
    tt_arena *a;
    const char *block;   /* the strings, copied into the model's arena */
    size_t block_len;
} decoder;

static int str_from(decoder *d, json_t *j, const char **out)
{
    if (json_is_null(j)) {
        *out = NULL;
        return 0;
    }
    if (!json_is_integer(j))
        return -1;
    json_int_t at = json_integer_value(j);
    /* The start of one of the block's strings (checked whole below). */
    if (at < 0 || (uintmax_t)at >= d->block_len || (at > 0 && d->block[at - 1] != '\0'))
        return -1;
    *out = d->block + at;
    return 0;
}

static int text_from(decoder *d, json_t *j, tt_text *out)
{
    if (!json_is_array(j) || json_array_size(j) != 2)
        return -1;
    return str_from(d, json_array_get(j, 0), &out->ja) == 0 &&
                   str_from(d, json_array_get(j, 1), &out->en) == 0
               ? 0
               : -1;
}

static int struct_from(decoder *d, const mc_struct *st, json_t *j, char *base);

static int field_from(decoder *d, const mc_field *f, json_t *j, char *base)
{
    char *at = base + f->offset;
    switch (f->kind) {
    case MC_STR:
        return str_from(d, j, (const char **)at);
    case MC_TEXT:
        return text_from(d, j, (tt_text *)at);
    case MC_MS:
        if (!json_is_integer(j))
            return -1;
        *(tt_ms *)at = json_integer_value(j);
        return 0;
    case MC_INT:
    case MC_ENUM:
        if (!json_is_integer(j) || json_integer_value(j) < INT32_MIN ||
            json_integer_value(j) > INT32_MAX)
            return -1;
        *(int *)at = (int)json_integer_value(j);
        return 0;
    case MC_BOOL:
        if (!json_is_boolean(j))
            return -1;
        *(bool *)at = json_is_true(j);
        return 0;
    case MC_DOUBLE:
        if (!json_is_real(j))
            return -1;
        *(double *)at = json_real_value(j);
        return 0;
    case MC_VALUE: {
        tt_value *v = (tt_value *)at;
        json_t *type = json_array_get(j, 0), *val = json_array_get(j, 1);
        if (!json_is_array(j) || json_array_size(j) != 2 || !json_is_integer(type))
            return -1;
        switch (json_integer_value(type)) {
        case TT_VAL_BOOL:
            v->type = TT_VAL_BOOL;
            v->as.b = json_is_true(val);
            return json_is_boolean(val) ? 0 : -1;
        case TT_VAL_INT:
            v->type = TT_VAL_INT;
            v->as.i = json_integer_value(val);
            return json_is_integer(val) ? 0 : -1;
        case TT_VAL_NUM:
            v->type = TT_VAL_NUM;
            v->as.n = json_real_value(val);
            return json_is_real(val) ? 0 : -1;
        case TT_VAL_STR:
            v->type = TT_VAL_STR;
            return str_from(d, val, &v->as.s);
        }
        return -1;
    }
    case MC_STRS:
    case MC_TEXTS:
    case MC_ARRAY: {
        if (!json_is_array(j))
            return -1;
        size_t n = json_array_size(j);
        size_t size = f->kind == MC_STRS    ? sizeof(const char *)
                      : f->kind == MC_TEXTS ? sizeof(tt_text)
                                            : f->item->size;
        char *items = NULL;
        if (n) {
            items = tt_arena_alloc(d->a, n * size);
            if (!items)
                return -1;
        }
        for (size_t i = 0; i < n; i++) {
            json_t *item = json_array_get(j, i);
            char *slot = items + i * size;
            int rc = f->kind == MC_STRS    ? str_from(d, item, (const char **)slot)
                     : f->kind == MC_TEXTS ? text_from(d, item, (tt_text *)slot)
                                           : struct_from(d, f->item, item, slot);
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

static int struct_from(decoder *d, const mc_struct *st, json_t *j, char *base)
{
    if (!json_is_array(j) || json_array_size(j) != st->n_fields)
        return -1;
    for (size_t i = 0; i < st->n_fields; i++)
        if (field_from(d, &st->fields[i], json_array_get(j, i), base) != 0)
            return -1;
    return 0;
}

/* Every string of the block ends in a NUL and is text the model may hold
 * (what the encoder checked). */
static bool block_ok(const char *block, size_t len)
{
    if (len && block[len - 1] != '\0')
        return false;
    for (size_t at = 0; at < len;) {
        size_t n = strlen(block + at);
        tt_text_fault fault;
        if (!tt_text_scan(block + at, n, &fault))
            return false;
        at += n + 1;
    }
    return true;
}

int tt_model_cache_decode(const char *body, size_t len, size_t json_len, tt_scenario *m)
{
    if (json_len > len || !block_ok(body + json_len, len - json_len))
        return -1;
    decoder d = { &m->arena, NULL, len - json_len };
    char *block = tt_arena_alloc(&m->arena, d.block_len + 1);
    if (!block)
        return -1;
    memcpy(block, body + json_len, d.block_len);
    d.block = block;
    json_t *doc = json_loadb(body, json_len, 0, NULL);
    if (!doc)
        return -1;
    int rc = struct_from(&d, &scenario_s, doc, (char *)m);
    json_decref(doc);
    return rc;
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

/* $XDG_CACHE_HOME/tabletop/models (an absolute XDG_CACHE_HOME only, as the
 * XDG spec says), else ~/.cache/tabletop/models. */
static int cache_dir(char *out, size_t size, size_t *root_len)
{
    const char *xdg = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    int n;
    if (xdg && xdg[0] == '/')
        n = snprintf(out, size, "%s/tabletop/models", xdg);
    else if (home && home[0] == '/')
        n = snprintf(out, size, "%s/.cache/tabletop/models", home);
    else
        return -1;
    if (n < 0 || (size_t)n >= size)
        return -1;
    *root_len = (size_t)n - strlen("/tabletop/models");
    return 0;
}

/* The entry's key and file name; -1 when there is no cache folder. */
static int entry_path(const char *scenario_hash, char key[65], char *out, size_t size,
                      size_t *root)
{
    if (!scenario_hash || cache_key(scenario_hash, key) != 0 || cache_dir(out, size, root) != 0)
        return -1;
    size_t used = strlen(out);
    int n = snprintf(out + used, size - used, "/%s.model", key);
    return n > 0 && (size_t)n < size - used ? 0 : -1;
}

/* The whole of a regular file of at most MC_MAX_FILE bytes; NULL with
 * *bad set when something else sits at `path` (not when it is absent or
 * memory ran out). */
static char *slurp(const char *path, size_t *len, bool *bad)
{
    *bad = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        *bad = errno == ELOOP;
        return NULL;
    }
    struct stat st;
    char *buf = NULL;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        (uintmax_t)st.st_size > MC_MAX_FILE)
        *bad = true;
    else
        buf = malloc((size_t)st.st_size + 1);
    size_t n = 0;
    while (buf && n < (size_t)st.st_size) {
        ssize_t got = read(fd, buf + n, (size_t)st.st_size - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            free(buf);
            buf = NULL;
            *bad = got == 0; /* shorter than it said */
        } else {
            n += (size_t)got;
        }
    }
    close(fd);
    if (buf) {
        buf[n] = '\0';
        *len = n;
    }
    return buf;
}

/* "MAGIC FORMAT KEY BODY-SHA256 JSON-LENGTH\n", then the JSON and the
 * strings (the body). */
#define HEADER_LEN (sizeof MC_MAGIC - 1 + 3 + 64 + 1 + 64 + 1 + 10 + 1)

static void header(char *out, const char *key, const char *body_hash, size_t json_len)
{
    snprintf(out, HEADER_LEN + 1, "%s %d %s %s %010zu\n", MC_MAGIC, MC_FORMAT, key, body_hash,
             json_len);
}

int tt_model_cache_read(const char *scenario_hash, tt_scenario *m)
{
    char key[65], path[4096];
    size_t root;
    if (entry_path(scenario_hash, key, path, sizeof path, &root) != 0)
        return -1;
    size_t len = 0;
    bool bad;
    char *file = slurp(path, &len, &bad);
    if (!file) {
        if (bad)
            unlink(path); /* not a regular file, too large or empty */
        return -1;
    }
    int rc = -1;
    char *json_len_at = file + HEADER_LEN - 11;
    if (len > HEADER_LEN && json_len_at[-1] == ' ' && file[HEADER_LEN - 1] == '\n') {
        char body_hash[65], want[HEADER_LEN + 1];
        size_t json_len = (size_t)strtoull(json_len_at, NULL, 10);
        tt_sha256_hex(file + HEADER_LEN, len - HEADER_LEN, body_hash);
        header(want, key, body_hash, json_len);
        if (memcmp(file, want, HEADER_LEN) == 0)
            rc = tt_model_cache_decode(file + HEADER_LEN, len - HEADER_LEN, json_len, m);
    }
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

static int make_dirs(char *dir, size_t root_len)
{
    /* The root ($XDG_CACHE_HOME or ~/.cache) and our two levels. */
    for (char *p = dir + root_len; p; p = strchr(p + 1, '/')) {
        *p = '\0';
        int rc = mkdir(dir, 0700);
        *p = '/';
        if (rc != 0 && errno != EEXIST)
            return -1;
    }
    return mkdir(dir, 0700) == 0 || errno == EEXIST ? 0 : -1;
}

typedef struct entry {
    char name[80];
    off_t size;
    struct timespec mtime;
} entry;

static int older_first(const void *a, const void *b)
{
    const entry *x = a, *y = b;
    if (x->mtime.tv_sec != y->mtime.tv_sec)
        return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
    if (x->mtime.tv_nsec != y->mtime.tv_nsec)
        return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
    return strcmp(x->name, y->name);
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), t = strlen(tail);
    return n >= t && strcmp(s + n - t, tail) == 0;
}

/* Keep the folder within MC_MAX_ENTRIES and MC_MAX_TOTAL (the oldest go
 * first), and drop temporary files a killed writer left. */
static void prune(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    entry *list = NULL;
    size_t n = 0, cap = 0;
    off_t total = 0;
    time_t now = time(NULL);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        struct stat st;
        if (strlen(de->d_name) >= sizeof list->name ||
            fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
            continue;
        if (de->d_name[0] == '.' && ends_with(de->d_name, ".tmp")) {
            if (now - st.st_mtime > MC_STALE_TMP_S)
                unlinkat(dirfd(d), de->d_name, 0);
            continue;
        }
        if (!ends_with(de->d_name, ".model") || strlen(de->d_name) >= sizeof list->name)
            continue;   /* longer than any name the cache writes */
        if (n == cap) {
            size_t grown_cap = cap ? cap * 2 : 64;
            entry *grown = realloc(list, grown_cap * sizeof *list);
            if (!grown)
                break;
            list = grown;
            cap = grown_cap;
        }
        memcpy(list[n].name, de->d_name, strlen(de->d_name) + 1);
        list[n].size = st.st_size;
        list[n].mtime = st.st_mtim;
        total += st.st_size;
        n++;
    }
    if (n > MC_MAX_ENTRIES || total > MC_MAX_TOTAL) {
        qsort(list, n, sizeof *list, older_first);
        for (size_t i = 0; i < n && (n - i > MC_MAX_ENTRIES || total > MC_MAX_TOTAL); i++) {
            if (unlinkat(dirfd(d), list[i].name, 0) == 0 || errno == ENOENT)
                total -= list[i].size;
        }
    }
    free(list);
    closedir(d);
}

static bool write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t put = write(fd, p, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        p += put;
        n -= (size_t)put;
    }
    return true;
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
    int fd = make_dirs(dir, root) == 0 ? mkostemps(tmp, 4, O_CLOEXEC) : -1;
    if (fd < 0)
        return;
    size_t len = 0, json_len = 0;
    char *body = tt_model_cache_encode(m, &len, &json_len);
    bool ok = body != NULL;
    if (ok) {
        char body_hash[65], head[HEADER_LEN + 1];
        tt_sha256_hex(body, len, body_hash);
        header(head, key, body_hash, json_len);
        ok = write_all(fd, head, HEADER_LEN) && write_all(fd, body, len);
    }
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) == 0)
        prune(dir);
    else
        unlink(tmp);
    free(body);
}
