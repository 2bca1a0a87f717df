/* The scenario model cache (engine/script/model_cache.c, docs/architecture.md
 * "The model cache"): its schema names every member of the model, models of
 * every scenario and test fixture come back from it unchanged, scorecards
 * (html, md, json) scored from a cached model are byte for byte those scored
 * by compiling, damaged or foreign entries are ignored (and replaced), an
 * unwritable cache fails no command, and the folder stays bounded. */
#define _GNU_SOURCE
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <cbor.h>

#include "cli_util.h"
#include "model_cache.h"
#include "tabletop/script.h"

static const char *src(void)
{
    return getenv("TT_SOURCE_DIR");
}

/* ---- The schema covers include/tabletop/scenario.h ---- */

/* Structs of scenario.h that are not part of a loaded model. */
static const char *const not_model[] = { "tt_actor_kind", "tt_action_taken", NULL };

static bool listed(const char *const *list, const char *name)
{
    for (size_t i = 0; list[i]; i++)
        if (strcmp(list[i], name) == 0)
            return true;
    return false;
}

static const mc_struct *described(const char *name)
{
    size_t n;
    const mc_struct *const *schema = tt_model_cache_schema(&n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(schema[i]->name, name) == 0)
            return schema[i];
    return NULL;
}

static bool field_named(const mc_struct *st, const char *member)
{
    for (size_t i = 0; i < st->n_fields; i++)
        if (strcmp(st->fields[i].name, member) == 0 ||
            (st->fields[i].count_name && strcmp(st->fields[i].count_name, member) == 0))
            return true;
    return false;
}

/* Comments out, so that only declarations are left. */
static void strip_comments(char *s)
{
    for (char *p = s; *p; p++) {
        if (p[0] == '/' && p[1] == '*') {
            char *end = strstr(p + 2, "*/");
            char *stop = end ? end + 2 : p + strlen(p);
            memset(p, ' ', (size_t)(stop - p));
            p = stop - 1;
        } else if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                *p++ = ' ';
            p--;
        }
    }
}

static void schema_covers_every_member(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/include/tabletop/scenario.h", src());
    char *h = cli_slurp(path);
    assert_non_null(h);
    strip_comments(h);
    int structs = 0, members = 0;
    for (char *p = strstr(h, "typedef struct "); p; p = strstr(p + 1, "typedef struct ")) {
        char name[64];
        if (sscanf(p, "typedef struct %63[a-z_] {", name) != 1)
            continue;
        char *open = strchr(p, '{'), *close = strchr(p, '}');
        assert_non_null(close);
        if (listed(not_model, name))
            continue;
        const mc_struct *st = described(name);
        if (!st)
            fail_msg("%s is in the model but not in the cache's schema "
                     "(engine/script/model_cache.c)", name);
        structs++;
        /* Each declaration: its last identifier is the member. */
        char *body = strndup(open + 1, (size_t)(close - open - 1));
        for (char *decl = strtok(body, ";"); decl; decl = strtok(NULL, ";")) {
            char *end = decl + strlen(decl);
            while (end > decl && !((end[-1] >= 'a' && end[-1] <= 'z') ||
                                   (end[-1] >= '0' && end[-1] <= '9') || end[-1] == '_'))
                end--;
            char *start = end;
            while (start > decl && ((start[-1] >= 'a' && start[-1] <= 'z') ||
                                    (start[-1] >= '0' && start[-1] <= '9') || start[-1] == '_'))
                start--;
            if (start == end)
                continue;
            char member[64];
            snprintf(member, sizeof member, "%.*s", (int)(end - start), start);
            members++;
            bool skipped = strcmp(name, "tt_scenario") == 0 &&
                           listed(tt_model_cache_not_stored, member);
            if (!skipped && !field_named(st, member))
                fail_msg("%s.%s is not in the cache's schema (engine/script/model_cache.c): "
                         "a cached model would lose it", name, member);
        }
        free(body);
    }
    free(h);
    size_t n;
    tt_model_cache_schema(&n);
    assert_int_equal(structs, (int)n); /* and the schema describes nothing else */
    assert_true(members > 60);
}

/* ---- Every scenario and fixture: the same model back ---- */

typedef struct scen {
    char path[1100];
    char id[128];
} scen;

static scen all[64];
static size_t n_all;

static void collect(const char *dir)
{
    char full[512];
    if (snprintf(full, sizeof full, "%s/%s", src(), dir) >= (int)sizeof full)
        fail_msg("source folder path too long");
    DIR *d = opendir(full);
    assert_non_null(d);
    struct dirent *de;
    while ((de = readdir(d)) != NULL && n_all < sizeof all / sizeof all[0]) {
        size_t len = strlen(de->d_name);
        if (len < 5 || strcmp(de->d_name + len - 4, ".lua") != 0)
            continue;
        scen *s = &all[n_all];
        snprintf(s->path, sizeof s->path, "%s/%s", full, de->d_name);
        tt_sandbox_limits limits;
        tt_sandbox_limits_default(&limits);
        tt_error err;
        size_t n;
        char *text = tt_script_read_file(s->path, &n, &err);
        assert_non_null(text);
        tt_script *sc = tt_script_load_buffer(s->path, text, n, &limits, &err);
        free(text);
        if (!sc)
            continue; /* a fixture that is meant not to load */
        snprintf(s->id, sizeof s->id, "%s", tt_script_scenario(sc)->id);
        tt_script_free(sc);
        n_all++;
    }
    closedir(d);
}

static int collect_all(void **state)
{
    (void)state;
    static const char *const dirs[] = { "scenarios", "tests/script/fixtures",
                                        "tests/exercise/fixtures", "tests/authoring/fixtures",
                                        "tests/cli/fixtures", "tests/tty",
                                        "tests/fuzz/corpus/scenario", NULL };
    for (size_t i = 0; dirs[i]; i++)
        collect(dirs[i]);
    return 0;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Field by field through the schema: what decoding gave back equals what
 * the extraction made (strings by content, NULL kept NULL). */
static void assert_same(const mc_struct *st, const char *a, const char *b, const char *where)
{
    for (size_t i = 0; i < st->n_fields; i++) {
        const mc_field *f = &st->fields[i];
        const char *x = a + f->offset, *y = b + f->offset;
        bool same = true;
        size_t n = f->count_name ? *(const size_t *)(a + f->count_offset) : 0;
        if (f->count_name && n != *(const size_t *)(b + f->count_offset))
            fail_msg("%s: %s: %zu items, back %zu", where, f->name, n,
                     *(const size_t *)(b + f->count_offset));
        switch (f->kind) {
        case MC_STR:
            same = same_str(*(const char *const *)x, *(const char *const *)y);
            break;
        case MC_TEXT:
            same = same_str(((const tt_text *)x)->ja, ((const tt_text *)y)->ja) &&
                   same_str(((const tt_text *)x)->en, ((const tt_text *)y)->en);
            break;
        case MC_MS:
            same = *(const tt_ms *)x == *(const tt_ms *)y;
            break;
        case MC_INT:
        case MC_ENUM:
            same = *(const int *)x == *(const int *)y;
            break;
        case MC_BOOL:
            same = *(const bool *)x == *(const bool *)y;
            break;
        case MC_DOUBLE:
            same = memcmp(x, y, sizeof(double)) == 0;
            break;
        case MC_VALUE: {
            const tt_value *v = (const tt_value *)x, *w = (const tt_value *)y;
            same = v->type == w->type &&
                   (v->type == TT_VAL_STR ? same_str(v->as.s, w->as.s)
                                          : tt_value_equal(v, w));
            break;
        }
        case MC_STRS:
            for (size_t k = 0; k < n && same; k++)
                same = same_str((*(const char *const *const *)x)[k],
                                (*(const char *const *const *)y)[k]);
            break;
        case MC_TEXTS:
            for (size_t k = 0; k < n && same; k++) {
                const tt_text *p = &(*(const tt_text *const *)x)[k];
                const tt_text *q = &(*(const tt_text *const *)y)[k];
                same = same_str(p->ja, q->ja) && same_str(p->en, q->en);
            }
            break;
        case MC_ARRAY:
            for (size_t k = 0; k < n; k++) {
                char sub[256];
                snprintf(sub, sizeof sub, "%s.%s[%zu]", where, f->name, k);
                assert_same(f->item, *(const char *const *)x + k * f->item->size,
                            *(const char *const *)y + k * f->item->size, sub);
            }
            break;
        }
        if (!same)
            fail_msg("%s: %s differs after the cache", where, f->name);
    }
}

static void models_come_back_unchanged(void **state)
{
    (void)state;
    assert_true(n_all >= 6 + 8); /* the six scenarios and the loading fixtures */
    for (size_t i = 0; i < n_all; i++) {
        tt_sandbox_limits limits;
        tt_sandbox_limits_default(&limits);
        tt_error err;
        tt_script *s = tt_script_load(all[i].path, &limits, &err);
        assert_non_null(s);
        const tt_scenario *a = tt_script_scenario(s);
        size_t len = 0, len2 = 0, n_schema;
        char *body = tt_model_cache_encode(a, &len);
        assert_non_null(body);
        tt_scenario b;
        memset(&b, 0, sizeof b);
        if (tt_model_cache_decode(body, len, &b) != 0)
            fail_msg("%s: its cached model does not decode", all[i].path);
        assert_same(tt_model_cache_schema(&n_schema)[0], (const char *)a, (const char *)&b,
                    all[i].path);
        char *again = tt_model_cache_encode(&b, &len2);
        assert_non_null(again);
        assert_int_equal(len, len2);
        assert_memory_equal(body, again, len);
        /* A cut body never decodes, nor one with bytes after the model. */
        tt_scenario c;
        memset(&c, 0, sizeof c);
        assert_int_equal(tt_model_cache_decode(body, len / 2, &c), -1);
        tt_arena_free(&c.arena);
        memset(&c, 0, sizeof c);
        assert_int_equal(tt_model_cache_decode(body, len - 1, &c), -1);
        tt_arena_free(&c.arena);
        memset(&c, 0, sizeof c);
        char *longer = malloc(len + 1);
        assert_non_null(longer);
        memcpy(longer, body, len);
        longer[len] = '\0'; /* a CBOR 0 */
        assert_int_equal(tt_model_cache_decode(longer, len + 1, &c), -1);
        free(longer);
        tt_arena_free(&c.arena);
        free(again);
        free(body);
        tt_arena_free(&b.arena);
        tt_script_free(s);
    }
}

/* An objective's phase is one of the three: an entry with another number
 * (only a forged one can have it) is a miss, never a model whose phase
 * names nothing. */
static void phase_out_of_range_is_a_miss(void **state)
{
    (void)state;
    for (int phase = -1; phase <= 3; phase++) {
        tt_objective ob;
        memset(&ob, 0, sizeof ob);
        ob.id = "o";
        ob.phase = (tt_objective_phase)phase;
        tt_scenario m;
        memset(&m, 0, sizeof m);
        m.objectives = &ob;
        m.n_objectives = 1;
        size_t len = 0;
        char *body = tt_model_cache_encode(&m, &len);
        assert_non_null(body);
        tt_scenario c;
        memset(&c, 0, sizeof c);
        int rc = tt_model_cache_decode(body, len, &c);
        if (phase >= TT_OBJ_ISOLATE && phase <= TT_OBJ_RECOVER) {
            assert_int_equal(rc, 0);
            assert_int_equal(c.n_objectives, 1);
            assert_int_equal((int)c.objectives[0].phase, phase);
        } else {
            assert_int_equal(rc, -1);
        }
        tt_arena_free(&c.arena);
        free(body);
    }
}

/* ---- Through the binary ---- */

static char cache_root[512];  /* XDG_CACHE_HOME of the cached runs */
static char no_cache[512];    /* a regular file: no cache can live under it */

/* An array's length sizes its allocation only as far as the bytes left
 * can hold its items: a forged count of a million actions followed by a
 * million bytes (an action is 17 at least) is refused before anything is
 * allocated for it (it took 120 MB). */
static void forged_counts_size_no_allocation(void **state)
{
    (void)state;
    tt_scenario empty;
    memset(&empty, 0, sizeof empty);
    size_t len = 0;
    char *body = tt_model_cache_encode(&empty, &len);
    assert_non_null(body);
    /* The model ends with its eleven empty lists (roles ... references);
     * actions is the fifth. */
    size_t at = len - 7;
    for (size_t i = len - 11; i < len; i++)
        assert_int_equal((unsigned char)body[i], 0x80);
    const size_t n = 1000000;
    size_t forged_len = at + 5 + n;
    unsigned char *forged = calloc(1, forged_len);
    assert_non_null(forged);
    memcpy(forged, body, at);
    forged[at] = 0x9a; /* an array, its length in four bytes */
    forged[at + 1] = (unsigned char)(n >> 24);
    forged[at + 2] = (unsigned char)(n >> 16);
    forged[at + 3] = (unsigned char)(n >> 8);
    forged[at + 4] = (unsigned char)n;
    tt_scenario c;
    memset(&c, 0, sizeof c);
    assert_int_equal(tt_model_cache_decode((const char *)forged, forged_len, &c), -1);
    assert_true(tt_arena_size(&c.arena) < n);
    tt_arena_free(&c.arena);
    free(forged);
    free(body);
}

static void use_cache(const char *root)
{
    assert_int_equal(setenv("XDG_CACHE_HOME", root, 1), 0);
}

/* The one entry of the cache folder (fails unless there is exactly one). */
static const char *only_entry(void)
{
    static char path[1024];
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tabletop/models", cache_root);
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
        n++;
    }
    closedir(d);
    assert_int_equal(n, 1);
    return path;
}

static void clear_cache(void)
{
    cli_result r = cli_sh("rm -rf '%s'", cache_root);
    assert_int_equal(r.status, 0);
    cli_done(&r);
}

static const char *const formats[] = { "html", "md", "json" };

/* Score `journal` into card-TAG.FORMAT for each format. */
static void score_cards(const char *journal, const char *tag)
{
    for (size_t f = 0; f < 3; f++) {
        char card[600];
        snprintf(card, sizeof card, "%s/card-%s.%s", cli_tmp(), tag, formats[f]);
        cli_result r = cli_run("score '%s' -o '%s' --no-record --db '%s/history.db'", journal,
                               card, cli_tmp());
        if (r.status != 0)
            fail_msg("score %s: exit %d: %s", journal, r.status, r.err);
        cli_done(&r);
    }
}

static void assert_cards_equal(const char *tag_a, const char *tag_b, const char *what)
{
    for (size_t f = 0; f < 3; f++) {
        char a[600], b[600];
        snprintf(a, sizeof a, "%s/card-%s.%s", cli_tmp(), tag_a, formats[f]);
        snprintf(b, sizeof b, "%s/card-%s.%s", cli_tmp(), tag_b, formats[f]);
        size_t la, lb;
        char *x = cli_slurp_n(a, &la), *y = cli_slurp_n(b, &lb);
        if (la == 0 || la != lb || memcmp(x, y, la) != 0)
            fail_msg("%s: the %s card from %s differs from the one from %s", what, formats[f],
                     tag_b, tag_a);
        free(x);
        free(y);
    }
}

/* A journal of scenario i: no action taken (every scenario and fixture
 * can run that); false when the fixture does not run to its end. */
static bool journal_of(size_t i, char *journal, size_t size)
{
    char answer[600];
    snprintf(answer, sizeof answer, "%s/answer-%zu.yaml", cli_tmp(), i);
    char text[300];
    snprintf(text, sizeof text, "scenario: %s\nseed: 3\nactions: []\n", all[i].id);
    cli_write(answer, text);
    snprintf(journal, size, "%s/journal-%zu.yaml", cli_tmp(), i);
    unlink(journal); /* run never writes over a journal */
    cli_result r = cli_run("run '%s' --script '%s' --ui none --no-scorecard --journal '%s'",
                           all[i].path, answer, journal);
    bool ok = r.status == 0;
    cli_done(&r);
    return ok;
}

static void cards_from_the_cache_are_identical(void **state)
{
    (void)state;
    size_t compared = 0;
    for (size_t i = 0; i < n_all; i++) {
        use_cache(no_cache);
        char journal[600];
        if (!journal_of(i, journal, sizeof journal))
            continue;
        score_cards(journal, "compiled");
        use_cache(cache_root);
        clear_cache();
        score_cards(journal, "first"); /* compiles, keeps the model */
        struct stat st;
        assert_int_equal(stat(only_entry(), &st), 0);
        score_cards(journal, "cached");
        assert_cards_equal("compiled", "first", all[i].path);
        assert_cards_equal("compiled", "cached", all[i].path);
        compared++;
    }
    assert_true(compared >= 6 + 5);
}

/* mail-form-flood's journal, its compiled cards, and a fresh cache entry. */
static const char *mail_setup(void)
{
    static char journal[600];
    size_t i = 0;
    while (i < n_all && strcmp(all[i].id, "mail-form-flood") != 0)
        i++;
    assert_true(i < n_all);
    use_cache(no_cache);
    assert_true(journal_of(i, journal, sizeof journal));
    score_cards(journal, "compiled");
    use_cache(cache_root);
    clear_cache();
    cli_result r = cli_run("check '%s'", all[i].path); /* check keeps the model too */
    assert_int_equal(r.status, 0);
    cli_done(&r);
    only_entry();
    return journal;
}

/* The entry's items (libcbor's own tree, not the engine's reader): the
 * array [magic, format, key, body SHA-256, body]. */
static cbor_item_t *entry_items(const char *path)
{
    size_t n;
    char *file = cli_slurp_n(path, &n);
    struct cbor_load_result res;
    cbor_item_t *item = cbor_load((cbor_data)file, n, &res);
    free(file);
    assert_non_null(item);
    assert_true(cbor_isa_array(item) && cbor_array_size(item) == 5);
    return item;
}

/* Rewrite the entry with `body` and the digest that matches it. */
static void rewrite_entry(const char *path, const char *body, size_t len)
{
    cbor_item_t *old = entry_items(path);
    cbor_item_t *a = cbor_new_definite_array(5);
    char hash[65];
    tt_sha256_hex(body, len, hash);
    for (size_t i = 0; i < 5; i++) {
        cbor_item_t *it = i == 3   ? cbor_build_stringn(hash, 64)
                          : i == 4 ? cbor_build_bytestring((cbor_data)body, len)
                                   : cbor_array_get(old, i);
        assert_true(cbor_array_push(a, it));
        cbor_decref(&it);
    }
    unsigned char *out;
    size_t size, n = cbor_serialize_alloc(a, &out, &size);
    assert_true(n > 0);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fwrite(out, 1, n, f), n);
    fclose(f);
    free(out);
    cbor_decref(&a);
    cbor_decref(&old);
}

/* The entry's body (the model's CBOR) and its length. */
static char *entry_body(const char *path, size_t *len)
{
    cbor_item_t *items = entry_items(path);
    cbor_item_t *bytes = cbor_array_get(items, 4);
    assert_true(cbor_isa_bytestring(bytes) && cbor_bytestring_is_definite(bytes));
    *len = cbor_bytestring_length(bytes);
    char *body = malloc(*len + 1);
    assert_non_null(body);
    memcpy(body, cbor_bytestring_handle(bytes), *len);
    body[*len] = '\0';
    cbor_decref(&bytes);
    cbor_decref(&items);
    return body;
}

static void score_reads_the_cache(void **state)
{
    (void)state;
    const char *journal = mail_setup();
    const char *entry = only_entry();
    size_t len;
    char *body = entry_body(entry, &len);
    /* The same model but its English title (as long): the card must show it. */
    const char *title = "Attack on the web mail forms";
    char *at = memmem(body, len, title, strlen(title));
    assert_non_null(at);
    memcpy(at, "CACHED TITLE of the web mail", strlen(title));
    rewrite_entry(entry, body, len);
    char card[600];
    snprintf(card, sizeof card, "%s/card-altered.md", cli_tmp());
    cli_result r = cli_run("score '%s' -o '%s' --no-record --db '%s/history.db' --lang en",
                           journal, card, cli_tmp());
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *md = cli_slurp(card);
    assert_contains(md, "CACHED TITLE of the web mail");
    free(md);
    free(body);
}

static void damaged_entries_are_ignored(void **state)
{
    (void)state;
    const char *journal = mail_setup();
    char entry[1024];
    snprintf(entry, sizeof entry, "%s", only_entry());
    size_t len;
    char *good = cli_slurp_n(entry, &len);
    assert_true(len > 200);
    size_t body_len;
    char *body = entry_body(entry, &body_len);
    assert_true(body_len + 8 < len);
    for (int damage = 0; damage < 10; damage++) {
        char *bad = malloc(len + 64);
        memcpy(bad, good, len);
        size_t bad_len = len;
        const char *what = "";
        switch (damage) {
        case 0: what = "truncated"; bad_len = len / 2; break;
        case 1: what = "a byte flipped in the body"; bad[len - 10] ^= 0x01; break;
        case 2: what = "a byte flipped in the header"; bad[5] ^= 0x20; break;
        case 3: what = "empty"; bad_len = 0; break;
        case 4: what = "its body missing"; bad_len = len - body_len; break;
        case 5: /* another format number, body and digest intact: the array's
                 * head, the magic's head and its 20 bytes, then the format */
            what = "a foreign format";
            assert_int_equal((unsigned char)bad[2 + 20], 3);
            bad[2 + 20] = 9;
            break;
        case 6: /* valid CBOR of another shape, its digest matching */
            what = "another shape";
            rewrite_entry(entry, "\x84\x00\x01\x02\x03", 5);
            break;
        case 7: { /* the model's array made a map of as many pairs */
            what = "a map for an array";
            char *copy = malloc(body_len + 1);
            memcpy(copy, body, body_len + 1);
            assert_int_equal((unsigned char)copy[0] & 0xe0, 0x80);
            copy[0] = (char)(((unsigned char)copy[0] & 0x1f) | 0xa0);
            rewrite_entry(entry, copy, body_len);
            free(copy);
            break;
        }
        case 8: { /* a string that is not text */
            what = "a control character in a string";
            char *copy = malloc(body_len + 1);
            memcpy(copy, body, body_len + 1);
            char *title = memmem(copy, body_len, "Attack on", 9);
            assert_non_null(title);
            title[0] = '\x01';
            rewrite_entry(entry, copy, body_len);
            free(copy);
            break;
        }
        case 9: what = "a folder in its place"; break;
        }
        if (damage == 9) {
            unlink(entry);
            assert_int_equal(mkdir(entry, 0700), 0);
        } else if (damage < 6) {
            FILE *f = fopen(entry, "w");
            fwrite(bad, 1, bad_len, f);
            fclose(f);
        }
        score_cards(journal, "damaged");
        assert_cards_equal("compiled", "damaged", what);
        if (damage == 9) {
            rmdir(entry);
        } else {
            /* Replaced by a good entry again. */
            size_t now_len;
            char *now = cli_slurp_n(entry, &now_len);
            if (now_len != len || memcmp(now, good, len) != 0)
                fail_msg("%s: the entry was not written again", what);
            free(now);
        }
        free(bad);
    }
    free(body);
    free(good);
}

static void an_unwritable_cache_fails_nothing(void **state)
{
    (void)state;
    const char *journal = mail_setup();
    use_cache(no_cache); /* a regular file: no folder can be made under it */
    cli_result r = cli_run("check scenarios/mail-form-flood.lua");
    assert_int_equal(r.status, 0);
    cli_done(&r);
    score_cards(journal, "unwritable");
    assert_cards_equal("compiled", "unwritable", "an unwritable cache");
    /* No HOME and no XDG_CACHE_HOME: no cache at all. */
    r = cli_sh("env -u HOME -u XDG_CACHE_HOME '%s' check scenarios/mail-form-flood.lua",
               getenv("TT_BINARY"));
    assert_int_equal(r.status, 0);
    cli_done(&r);
    use_cache(cache_root);
}

static void the_folder_is_bounded(void **state)
{
    (void)state;
    const char *journal = mail_setup();
    char entry[1024];
    snprintf(entry, sizeof entry, "%s", only_entry());
    unlink(entry);
    /* 70 older entries (a day old), then one new one is written. */
    char dir[600];
    snprintf(dir, sizeof dir, "%s/tabletop/models", cache_root);
    for (int i = 0; i < 70; i++) {
        char old[700];
        snprintf(old, sizeof old, "%s/%064d.model", dir, i);
        cli_write(old, "tabletop-model-cache 1 old\n[]");
        struct timeval tv[2] = { { time(NULL) - 86400 + i, 0 }, { time(NULL) - 86400 + i, 0 } };
        assert_int_equal(utimes(old, tv), 0);
    }
    score_cards(journal, "bounded");
    assert_cards_equal("compiled", "bounded", "a full folder");
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL)
        n += de->d_name[0] != '.';
    closedir(d);
    assert_int_equal(n, 64);
    struct stat st;
    assert_int_equal(stat(entry, &st), 0); /* the entry just written stays */
    char oldest[700], youngest[700];
    snprintf(oldest, sizeof oldest, "%s/%064d.model", dir, 0);
    snprintf(youngest, sizeof youngest, "%s/%064d.model", dir, 69);
    assert_int_not_equal(stat(oldest, &st), 0); /* the oldest went first */
    assert_int_equal(stat(youngest, &st), 0);
    clear_cache();
}

/* A scenario whose model is cached skips the duplicate-key pass; the same
 * file with a key written twice is other bytes, so the pass runs and names
 * the key, as it always did. */
static void a_key_twice_is_still_found(void **state)
{
    (void)state;
    use_cache(cache_root);
    clear_cache();
    char path[600];
    snprintf(path, sizeof path, "%s/twice.lua", cli_tmp());
    char fixture[600];
    snprintf(fixture, sizeof fixture, "%s/tests/script/fixtures/minimal.lua", src());
    char *text = cli_slurp(fixture);
    cli_write(path, text);
    cli_result r = cli_run("check '%s'", path);
    assert_int_equal(r.status, 0);
    cli_done(&r);
    only_entry();
    r = cli_run("check '%s'", path); /* from a cached text: still fine */
    assert_int_equal(r.status, 0);
    cli_done(&r);
    char *twice = NULL;
    char *at = strstr(text, "  length = \"1h\",\n");
    assert_non_null(at);
    assert_true(asprintf(&twice, "%.*s  length = \"2h\",\n%s", (int)(at - text), text, at) > 0);
    cli_write(path, twice);
    r = cli_run("check '%s'", path);
    assert_int_equal(r.status, 2);
    assert_contains(r.err, "'length' is given twice in the same table (lines 7 and 8)");
    cli_done(&r);
    free(twice);
    free(text);
    clear_cache();
}

int main(void)
{
    snprintf(cache_root, sizeof cache_root, "%s/cache", cli_tmp());
    snprintf(no_cache, sizeof no_cache, "%s/not-a-folder", cli_tmp());
    cli_write(no_cache, "a file");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(schema_covers_every_member),
        cmocka_unit_test(models_come_back_unchanged),
        cmocka_unit_test(forged_counts_size_no_allocation),
        cmocka_unit_test(phase_out_of_range_is_a_miss),
        cmocka_unit_test(cards_from_the_cache_are_identical),
        cmocka_unit_test(score_reads_the_cache),
        cmocka_unit_test(damaged_entries_are_ignored),
        cmocka_unit_test(an_unwritable_cache_fails_nothing),
        cmocka_unit_test(the_folder_is_bounded),
        cmocka_unit_test(a_key_twice_is_still_found),
    };
    return cmocka_run_group_tests(tests, collect_all, NULL);
}
