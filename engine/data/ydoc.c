/* YAML documents as trees, built from libyaml's event parser with the checks
 * libyaml 0.2.5 does not do itself: nesting depth, aliases, anchors and tags
 * refused, duplicate keys refused, every error located. */
#include "ydoc.h"

#include "tabletop/inputs.h"
#include "tabletop/terms.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Files people or the engine write stay far below this. */
#define YDOC_MAX_FILE ((size_t)512 * 1024 * 1024)

/* ---- text checks ------------------------------------------------------ */

size_t ydoc_check_text(const char *data, size_t len, char *why, size_t why_size)
{
    tt_text_fault f;
    if (tt_text_scan(data, len, &f))
        return len;
    tt_text_fault_say(&f, TT_MSG(E_IN_YAML), false, why, why_size);
    return f.offset;
}

/* The length of the line break at p (libyaml's rule: CR LF, LF, CR, NEL,
 * LS and PS each end a line), or 0. */
static size_t break_at(const char *p, const char *end)
{
    const unsigned char *u = (const unsigned char *)p;
    size_t left = (size_t)(end - p);
    if (u[0] == '\n')
        return 1;
    if (u[0] == '\r')
        return left >= 2 && u[1] == '\n' ? 2 : 1;
    if (u[0] == 0xC2 && left >= 2 && u[1] == 0x85)
        return 2;
    if (u[0] == 0xE2 && left >= 3 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
        return 3;
    return 0;
}

size_t ydoc_line_breaks(const char *data, size_t len)
{
    size_t n = 0;
    const char *end = data + len;
    for (const char *p = data; p < end;) {
        /* Only these bytes start a break: skip the rest quickly. */
        unsigned char ch = (unsigned char)*p;
        if (ch != '\n' && ch != '\r' && ch != 0xC2 && ch != 0xE2) {
            p++;
            continue;
        }
        size_t b = break_at(p, end);
        n += b != 0;
        p += b ? b : 1;
    }
    return n;
}

void ydoc_locate(const char *data, size_t len, size_t off, int *line, int *column)
{
    int l = 1, c = 1;
    if (off > len)
        off = len;
    size_t i = 0;
    if (off >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3; /* libyaml does not count the byte order mark */
    while (i < off) {
        size_t b = break_at(data + i, data + len);
        if (b) {
            l++;
            c = 1;
            i += b;
            continue;
        }
        if (((unsigned char)data[i] & 0xC0) != 0x80) /* characters, not bytes */
            c++;
        i++;
    }
    *line = l;
    *column = c;
}

/* ---- errors ----------------------------------------------------------- */

void yerror(tt_error *err, const char *file, const ynode *n, const char *path,
            const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    bool named = path && *path;
    tt_error_set(err, file, n ? n->line : 0, n ? n->column : 0, "%s%s%s", named ? path : "",
                 named ? ": " : "", msg);
}

void yoom(tt_error *err, const char *file, const ynode *n, const char *path)
{
    yerror(err, file, n, path, TT_MSG(E_OUT_OF_MEMORY));
    if (err)
        err->cls = TT_ERR_NOMEM;
}

static void parser_error(yreader *r, tt_error *err)
{
    yaml_parser_t *p = &r->parser;
    int line = 0, col = 0;
    const char *problem = tt_lib_text(TT_LIB_YAML, p->problem, NULL);
    switch (p->error) {
    case YAML_MEMORY_ERROR:
        tt_error_oom(err, r->name);
        return;
    case YAML_READER_ERROR:
        ydoc_locate(r->data, r->len, p->problem_offset, &line, &col);
        tt_error_set(err, r->name, line, col, TT_MSG(E_YAML_CANNOT_READ_TEXT_FMT), problem);
        return;
    default:
        break;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    if (p->context != NULL)
        tt_error_set(err, r->name, line, col, TT_MSG(E_YAML_SYNTAX_AT_FMT),
                     problem, tt_lib_text(TT_LIB_YAML, p->context, NULL), (int)p->context_mark.line + 1,
                     (int)p->context_mark.column + 1);
    else
        tt_error_set(err, r->name, line, col, TT_MSG(E_YAML_SYNTAX_FMT), problem);
}

/* ---- reading ---------------------------------------------------------- */

/* Length of the leading run of ASCII bytes, eight at a time. */
static size_t ascii_prefix(const char *data, size_t len)
{
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, data + i, 8);
        if (w & 0x8080808080808080u)
            break;
    }
    while (i < len && !((unsigned char)data[i] & 0x80))
        i++;
    return i;
}

int yreader_init(yreader *r, const char *name, const char *data, size_t len,
                 tt_error *err)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    r->data = data;
    r->len = len;
    if (!yaml_parser_initialize(&r->parser)) {
        tt_error_oom(err, name);
        return -1;
    }
    yaml_parser_set_input_string(&r->parser, (const unsigned char *)data, len);
    /* libyaml skips a byte order mark without counting it */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r->cur_byte = 3;
    else
        r->ascii = ascii_prefix(data, len);
    return 0;
}

int yreader_init_input(yreader *r, const char *name, yaml_read_handler_t *read,
                       void *ctx, tt_error *err)
{
    memset(r, 0, sizeof *r);
    r->name = name;
    if (!yaml_parser_initialize(&r->parser)) {
        tt_error_oom(err, name);
        return -1;
    }
    yaml_parser_set_input(&r->parser, read, ctx);
    return 0;
}

/* libyaml marks count characters; offsets into the buffer need bytes. Marks
 * only move forward, so a cursor makes this linear over a whole stream. */
static size_t byte_offset(yreader *r, size_t char_index)
{
    if (!r->data) /* fed by a read handler: no buffer to count in */
        return 0;
    if (char_index < r->ascii)
        return char_index;
    if (r->cur_char < r->ascii) /* walk on from the end of the ASCII run */
        r->cur_char = r->cur_byte = r->ascii;
    if (char_index < r->cur_char) { /* not expected; restart from the top */
        r->cur_char = 0;
        r->cur_byte = (r->len >= 3 && memcmp(r->data, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    }
    while (r->cur_char < char_index && r->cur_byte < r->len) {
        r->cur_byte++;
        while (r->cur_byte < r->len && ((unsigned char)r->data[r->cur_byte] & 0xC0) == 0x80)
            r->cur_byte++;
        r->cur_char++;
    }
    return r->cur_byte;
}

void yreader_done(yreader *r)
{
    yaml_parser_delete(&r->parser);
    for (size_t i = 0; i < sizeof r->stack / sizeof r->stack[0]; i++)
        free(r->stack[i].items);
}

typedef yframe frame;

static int frame_push_item(frame *f, ynode *item)
{
    if (!tt_grow(&f->items, &f->cap, f->n + 1, sizeof *f->items))
        return -1;
    f->items[f->n++] = item;
    return 0;
}

static ynode *new_node(tt_arena *a, ynode_kind kind, const yaml_mark_t *m)
{
    ynode *n = tt_arena_alloc(a, sizeof *n);
    if (n) {
        n->kind = kind;
        n->line = (int)m->line + 1;
        n->column = (int)m->column + 1;
    }
    return n;
}

/* Move a finished frame's items into its node (arena-owned). */
static int frame_close(frame *f, tt_arena *a)
{
    ynode *n = f->node;
    if (n->kind == Y_MAP) {
        n->n = f->n / 2;
        if (n->n) {
            n->keys = tt_arena_alloc(a, n->n * sizeof *n->keys);
            n->vals = tt_arena_alloc(a, n->n * sizeof *n->vals);
            if (!n->keys || !n->vals)
                return -1;
            for (size_t i = 0; i < n->n; i++) {
                n->keys[i] = f->items[2 * i];
                n->vals[i] = f->items[2 * i + 1];
            }
        }
    } else {
        n->n = f->n;
        if (n->n) {
            n->vals = tt_arena_alloc(a, n->n * sizeof *n->vals);
            if (!n->vals)
                return -1;
            memcpy(n->vals, f->items, n->n * sizeof *n->vals);
        }
    }
    f->n = 0; /* the buffer is kept for the next collection at this depth */
    return 0;
}

/* Anchors, aliases and tags are refused: inputs are plain data, and an
 * alias is a shared, possibly cyclic reference. */
static int check_props(yreader *r, const yaml_event_t *ev, const yaml_char_t *anchor,
                       const yaml_char_t *tag, tt_error *err)
{
    int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
    if (anchor) {
        tt_error_set(err, r->name, line, col,
                     TT_MSG(E_YAML_ANCHOR_FMT),
                     (const char *)anchor);
        return -1;
    }
    if (tag) {
        tt_error_set(err, r->name, line, col, TT_MSG(E_YAML_TAG_FMT),
                     (const char *)tag);
        return -1;
    }
    return 0;
}

int yreader_next(yreader *r, tt_arena *arena, ynode **root, ydoc_info *info,
                 tt_error *err)
{
    frame *stack = r->stack;
    int depth = 0;
    int rc = -1;
    bool in_doc = false;
    *root = NULL;
    memset(info, 0, sizeof *info);
    if (r->done)
        return 0;

    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&r->parser, &ev)) {
            parser_error(r, err);
            goto out;
        }
        ynode *done_node = NULL;
        bool ok = true;
        switch (ev.type) {
        case YAML_STREAM_START_EVENT:
        case YAML_NO_EVENT:
            break;
        case YAML_STREAM_END_EVENT:
            r->done = true;
            yaml_event_delete(&ev);
            rc = 0;
            goto out;
        case YAML_DOCUMENT_START_EVENT:
            in_doc = true;
            info->start = byte_offset(r, ev.start_mark.index);
            info->line = (int)ev.start_mark.line + 1;
            info->column = (int)ev.start_mark.column + 1;
            break;
        case YAML_DOCUMENT_END_EVENT:
            info->end = byte_offset(r, ev.end_mark.index);
            info->end_index = ev.start_mark.index;
            info->explicit_end = !ev.data.document_end.implicit;
            yaml_event_delete(&ev);
            rc = in_doc ? 1 : -1;
            if (rc < 0)
                tt_error_set(err, r->name, 0, 0, TT_MSG(E_YAML_END_WITHOUT_START));
            goto out;
        case YAML_ALIAS_EVENT:
            tt_error_set(err, r->name, (int)ev.start_mark.line + 1,
                         (int)ev.start_mark.column + 1,
                         TT_MSG(E_YAML_ALIAS_FMT),
                         (const char *)ev.data.alias.anchor);
            ok = false;
            break;
        case YAML_SCALAR_EVENT: {
            if (check_props(r, &ev, ev.data.scalar.anchor, ev.data.scalar.tag, err) < 0) {
                ok = false;
                break;
            }
            size_t len = ev.data.scalar.length;
            const char *v = (const char *)ev.data.scalar.value;
            /* The raw file was checked; escapes ("\e", "\a", "\u009b",
             * "\0") are decoded only now, so the text is checked again.
             * Only double-quoted scalars have escapes: any other holds
             * characters of the checked text (line breaks read as "\n",
             * folds as spaces). */
            tt_text_fault fault;
            if (ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
                !tt_text_scan(v, len, &fault)) {
                if (fault.problem == TT_TEXT_NOT_PRINTABLE && fault.code_point == 0)
                    tt_error_set(err, r->name, (int)ev.start_mark.line + 1,
                                 (int)ev.start_mark.column + 1,
                                 TT_MSG(E_YAML_NUL));
                else if (fault.problem == TT_TEXT_NOT_PRINTABLE)
                    tt_error_set(err, r->name, (int)ev.start_mark.line + 1,
                                 (int)ev.start_mark.column + 1,
                                 TT_MSG(E_YAML_CONTROL_FMT),
                                 (unsigned)fault.code_point);
                else
                    tt_error_set(err, r->name, (int)ev.start_mark.line + 1,
                                 (int)ev.start_mark.column + 1,
                                 TT_MSG(E_YAML_BAD_UTF8_ESCAPES));
                ok = false;
                break;
            }
            ynode *n = new_node(arena, Y_SCALAR, &ev.start_mark);
            if (!n || !(n->str = tt_arena_strndup(arena, v, len))) {
                tt_error_oom(err, r->name);
                ok = false;
                break;
            }
            n->len = len;
            n->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
            done_node = n;
            break;
        }
        case YAML_SEQUENCE_START_EVENT:
        case YAML_MAPPING_START_EVENT: {
            bool is_map = ev.type == YAML_MAPPING_START_EVENT;
            const yaml_char_t *anchor = is_map ? ev.data.mapping_start.anchor
                                               : ev.data.sequence_start.anchor;
            const yaml_char_t *tag = is_map ? ev.data.mapping_start.tag
                                            : ev.data.sequence_start.tag;
            if (check_props(r, &ev, anchor, tag, err) < 0) {
                ok = false;
                break;
            }
            int line = (int)ev.start_mark.line + 1, col = (int)ev.start_mark.column + 1;
            if (depth > 0 && stack[depth - 1].node->kind == Y_MAP &&
                stack[depth - 1].n % 2 == 0) {
                tt_error_set(err, r->name, line, col,
                             TT_MSG(E_YAML_KEY_NOT_PLAIN_FMT),
                             is_map ? TT_MSG(E_YAML_KIND_MAPPING_WORD) : TT_MSG(E_YAML_KIND_LIST_WORD));
                ok = false;
                break;
            }
            if (depth >= TT_YAML_MAX_DEPTH) {
                tt_error_set(err, r->name, line, col,
                             TT_MSG(E_YAML_TOO_DEEP_FMT), TT_YAML_MAX_DEPTH);
                ok = false;
                break;
            }
            ynode *n = new_node(arena, is_map ? Y_MAP : Y_SEQ, &ev.start_mark);
            if (!n) {
                tt_error_oom(err, r->name);
                ok = false;
                break;
            }
            stack[depth].node = n;
            depth++;
            break;
        }
        case YAML_SEQUENCE_END_EVENT:
        case YAML_MAPPING_END_EVENT:
            if (depth == 0 || frame_close(&stack[depth - 1], arena) < 0) {
                tt_error_oom(err, r->name);
                ok = false;
                break;
            }
            depth--;
            done_node = stack[depth].node;
            stack[depth].node = NULL;
            break;
        }
        if (ok && done_node) {
            if (depth == 0) {
                *root = done_node;
            } else {
                frame *f = &stack[depth - 1];
                if (f->node->kind == Y_MAP && f->n % 2 == 1) {
                    /* value position: refuse a key already seen. Mappings are
                     * bounded so this check stays cheap on hostile input. */
                    ynode *key = f->items[f->n - 1];
                    if (f->n / 2 >= YDOC_MAX_MAP_KEYS) {
                        tt_error_set(err, r->name, key->line, key->column,
                                     TT_MSG(E_YAML_TOO_MANY_KEYS_FMT),
                                     YDOC_MAX_MAP_KEYS);
                        ok = false;
                    }
                    for (size_t i = 0; ok && i + 1 < f->n; i += 2) {
                        if (strcmp(f->items[i]->str, key->str) == 0) {
                            tt_error_set(err, r->name, key->line, key->column,
                                         TT_MSG(E_YAML_DUPLICATE_KEY_FMT), key->str);
                            ok = false;
                            break;
                        }
                    }
                }
                if (ok && frame_push_item(f, done_node) < 0) {
                    tt_error_oom(err, r->name);
                    ok = false;
                }
            }
        }
        yaml_event_delete(&ev);
        if (!ok)
            goto out;
    }
out:
    for (int i = 0; i < depth; i++) /* buffers kept, emptied */
        stack[i].n = 0;
    if (rc < 0)
        r->done = true;
    return rc;
}

char *ydoc_read_file(const char *path, size_t *len, tt_error *err)
{
    char why[160];
    FILE *f = tt_fopen_regular(path, SIZE_MAX, why, sizeof why);
    if (!f) {
        tt_error_set(err, path, 0, 0, "%s", why);
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
        tt_error_set(err, path, 0, 0, "%s", tt_term_text(C_FILE_NOT_REGULAR, tt_lang_messages()));
        fclose(f);
        return NULL;
    }
    if ((uintmax_t)st.st_size > YDOC_MAX_FILE) {
        tt_error_set(err, path, 0, 0, TT_FMT(tt_lang_messages(), C_FILE_TOO_LARGE_FMT),
                     YDOC_MAX_FILE / (1024 * 1024));
        fclose(f);
        return NULL;
    }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    if (!buf) {
        tt_error_oom(err, path);
        fclose(f);
        return NULL;
    }
    size_t got = fread(buf, 1, size, f);
    if (got != size || ferror(f)) {
        tt_error_set(err, path, 0, 0, TT_MSG(E_CANNOT_READ_FMT), tt_os_error(errno));
        free(buf);
        fclose(f);
        return NULL;
    }
    fclose(f);
    buf[size] = '\0';
    *len = size;
    return buf;
}

ydoc_kind ydoc_kind_of(const ynode *root)
{
    if (!root || root->kind != Y_MAP)
        return YK_OTHER;
    if (ymap_get(root, "type") && ymap_get(root, "t"))
        return YK_JOURNAL_RECORD;
    if (ymap_get(root, "actions"))
        return YK_ANSWERS;
    if (ymap_get(root, "members"))
        return YK_ROSTER;
    return YK_OTHER;
}

const char *ydoc_kind_hint(ydoc_kind kind)
{
    switch (kind) {
    case YK_ANSWERS: return TT_MSG(E_LOOKS_LIKE_ANSWERS);
    case YK_ROSTER: return TT_MSG(E_LOOKS_LIKE_ROSTER);
    default: return "";
    }
}

int ydoc_parse_single(const char *name, const char *data, size_t len,
                      tt_arena *arena, ynode **root, tt_error *err)
{
    char why[128];
    *root = NULL;
    size_t bad = ydoc_check_text(data, len, why, sizeof why);
    if (bad < len) {
        int line, col;
        ydoc_locate(data, len, bad, &line, &col);
        tt_error_set(err, name, line, col, "%s", why);
        return -1;
    }
    yreader r;
    if (yreader_init(&r, name, data, len, err) < 0)
        return -1;
    ydoc_info info;
    int rc = yreader_next(&r, arena, root, &info, err);
    if (rc == 1 && ydoc_kind_of(*root) == YK_JOURNAL_RECORD) {
        /* A journal where one document is read (--script, --roster). */
        tt_error_set(err, name, info.line, info.column, "%s", TT_MSG(E_YAML_IS_A_JOURNAL));
        rc = -1;
    } else if (rc == 1) {
        ynode *extra = NULL;
        ydoc_info info2;
        int rc2 = yreader_next(&r, arena, &extra, &info2, err);
        if (rc2 < 0) {
            rc = -1;
        } else if (rc2 == 1) {
            tt_error_set(err, name, info2.line, info2.column,
                         TT_MSG(E_YAML_SECOND_DOCUMENT));
            rc = -1;
        }
    }
    yreader_done(&r);
    return rc < 0 ? -1 : 0;
}

/* ---- helpers over trees ---------------------------------------------- */

const char *ynode_kind_name(const ynode *n)
{
    switch (n->kind) {
    case Y_SCALAR: return TT_MSG(E_YAML_KIND_SCALAR);
    case Y_MAP: return TT_MSG(E_YAML_KIND_MAPPING);
    case Y_SEQ: return TT_MSG(E_YAML_KIND_LIST);
    }
    return "?";
}

ynode *ymap_get(const ynode *map, const char *key)
{
    if (!map || map->kind != Y_MAP)
        return NULL;
    for (size_t i = 0; i < map->n; i++)
        if (strcmp(map->keys[i]->str, key) == 0)
            return map->vals[i];
    return NULL;
}

int ymap_check_keys(const char *file, const ynode *map, const char *path,
                    const char *const *valid, tt_error *err)
{
    for (size_t i = 0; i < map->n; i++) {
        const char *k = map->keys[i]->str;
        bool known = false;
        for (size_t v = 0; valid[v] && !known; v++)
            known = valid[v][0] == k[0] && strcmp(valid[v], k) == 0;
        if (known)
            continue;
        char list[512] = "";
        size_t used = 0;
        for (size_t v = 0; valid[v] && used < sizeof list; v++) {
            int w = snprintf(list + used, sizeof list - used, "%s%s", v ? ", " : "", valid[v]);
            if (w < 0)
                break;
            used += (size_t)w;
        }
        yerror(err, file, map->keys[i], path, TT_MSG(E_YAML_UNKNOWN_KEY_FMT), k, list);
        return -1;
    }
    return 0;
}

int yexpect(const char *file, const ynode *n, ynode_kind kind, const char *path,
            tt_error *err)
{
    if (n->kind == kind)
        return 0;
    ynode want = { .kind = kind };
    if (n->kind == Y_SCALAR)
        yerror(err, file, n, path, TT_MSG(E_YAML_EXPECTED_FOUND_TEXT_FMT), ynode_kind_name(&want),
               n->str);
    else
        yerror(err, file, n, path, TT_MSG(E_YAML_EXPECTED_FOUND_FMT), ynode_kind_name(&want),
               ynode_kind_name(n));
    return -1;
}
