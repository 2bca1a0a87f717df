/* Internal: YAML documents as small trees built from libyaml events, with
 * the checks every reader needs (valid UTF-8, bounded depth, no aliases,
 * anchors or tags, no duplicate keys) and located error messages. */
#ifndef TT_DATA_YDOC_H
#define TT_DATA_YDOC_H

/* Most keys one mapping may hold: far above any real roster, script or
 * journal record (scenario state is capped at 1000 keys), low enough that
 * the duplicate-key check stays cheap. */
#define YDOC_MAX_MAP_KEYS 4096

#include <yaml.h>
#include "tabletop/base.h"
#include "tabletop/inputs.h"

typedef enum ynode_kind { Y_SCALAR, Y_MAP, Y_SEQ } ynode_kind;

typedef struct ynode ynode;
struct ynode {
    ynode_kind kind;
    int line, column;        /* 1-based start of the node */
    /* Y_SCALAR */
    const char *str;         /* NUL-terminated; embedded NULs are refused */
    size_t len;
    bool plain;              /* plain style: subject to type resolution */
    /* Y_MAP: keys[i] -> vals[i]; Y_SEQ: vals[i] */
    ynode **keys;
    ynode **vals;
    size_t n;
};

/* A collection being read: its node and the items so far (map: key, value,
 * key, value...; seq: values), in a buffer kept for the reader's life. */
typedef struct yframe {
    ynode *node;
    ynode **items;
    size_t n, cap;
} yframe;

/* A reader over one buffer; documents are returned one at a time. */
typedef struct yreader {
    yaml_parser_t parser;
    const char *name;        /* file name for messages */
    const char *data;
    size_t len;              /* bytes handed to libyaml (may be < full size) */
    bool done;
    size_t cur_byte, cur_char;  /* cursor turning libyaml's character */
                                /* indexes into byte offsets            */
    size_t ascii;            /* bytes before the first non-ASCII one: */
                             /* there a character index is the offset */
    yframe stack[TT_YAML_MAX_DEPTH + 1];
} yreader;

typedef struct ydoc_info {
    size_t start;            /* byte offset of the document's first token */
    size_t end;              /* byte offset just after its end ("..." included) */
    bool explicit_end;       /* closed by "..." */
    int line, column;        /* where the document started */
    size_t end_index;        /* libyaml's character index of the end marker */
} ydoc_info;

/* First offset of invalid UTF-8 or a character YAML forbids, or `len`
 * when all is well; `why` gets a short description. */
size_t ydoc_check_text(const char *data, size_t len, char *why, size_t why_size);
/* Line breaks in data as libyaml counts them (CR LF, LF, CR, NEL, LS, PS):
 * the one rule every reader numbers lines by, so a message's line is
 * libyaml's wherever it is found. */
size_t ydoc_line_breaks(const char *data, size_t len);
/* 1-based line and column (in characters) of a byte offset, by that rule. */
void ydoc_locate(const char *data, size_t len, size_t off, int *line, int *column);

int yreader_init(yreader *r, const char *name, const char *data, size_t len,
                 tt_error *err);
/* A reader fed by libyaml's read handler instead of one buffer (a journal
 * stream's kept parser): byte offsets (ydoc_info start/end) are not known
 * there, so they are 0; a reader error is placed at no line. */
int yreader_init_input(yreader *r, const char *name, yaml_read_handler_t *read,
                       void *ctx, tt_error *err);
void yreader_done(yreader *r);
/* 1 = a document in *root (allocated in `arena`), 0 = end of stream,
 * -1 = error (err set with location). */
int yreader_next(yreader *r, tt_arena *arena, ynode **root, ydoc_info *info,
                 tt_error *err);

/* Read a whole file (NUL-terminated copy, caller frees). NULL with err. */
char *ydoc_read_file(const char *path, size_t *len, tt_error *err);

/* Parse a buffer holding exactly one document (inputs written by people).
 * An empty stream gives *root = NULL. 0 ok, -1 err. */
int ydoc_parse_single(const char *name, const char *data, size_t len,
                      tt_arena *arena, ynode **root, tt_error *err);

/* What kind of tabletop file a document's root looks like, said when a file
 * of one kind is given where another is read (an answer script to score, a
 * journal to --script). */
typedef enum ydoc_kind { YK_OTHER, YK_JOURNAL_RECORD, YK_ANSWERS, YK_ROSTER } ydoc_kind;
ydoc_kind ydoc_kind_of(const ynode *root);
/* "; this looks like an answer script (...)" for a kind, or "". */
const char *ydoc_kind_hint(ydoc_kind kind);

/* Helpers over trees. Messages name `path` (e.g. "actions[3].at"). */
const char *ynode_kind_name(const ynode *n);
ynode *ymap_get(const ynode *map, const char *key);
/* Refuse keys not in the NULL-terminated list, naming the valid ones. */
int ymap_check_keys(const char *file, const ynode *map, const char *path,
                    const char *const *valid, tt_error *err);
int yexpect(const char *file, const ynode *n, ynode_kind kind,
            const char *path, tt_error *err);
void yerror(tt_error *err, const char *file, const ynode *n, const char *path,
            const char *fmt, ...) __attribute__((format(printf, 5, 6)));
/* "out of memory" at that node, of the out-of-memory class. */
void yoom(tt_error *err, const char *file, const ynode *n, const char *path);

/* Plain-scalar resolution (YAML 1.2 core schema, decimal integers). */
typedef enum yscalar_kind { YS_NULL, YS_BOOL, YS_INT, YS_NUM, YS_STR } yscalar_kind;
/* Resolve a scalar node; quoted scalars are always strings. For ints out of
 * range returns YS_STR with *overflow set. */
yscalar_kind yscalar_resolve(const ynode *n, bool *b, int64_t *i, double *d,
                             bool *overflow);
/* Scalar to tt_value (strings copied into arena; with no arena, the node's
 * own text, which lives as long as its tree). Null is refused. */
int yscalar_value(const char *file, const ynode *n, const char *path,
                  tt_arena *arena, tt_value *out, tt_error *err);
/* Strict readers for journal fields. */
int yscalar_int(const char *file, const ynode *n, const char *path,
                int64_t *out, tt_error *err);
int yscalar_uint64(const char *file, const ynode *n, const char *path,
                   uint64_t *out, tt_error *err);
int yscalar_num(const char *file, const ynode *n, const char *path,
                double *out, tt_error *err);
int yscalar_bool(const char *file, const ynode *n, const char *path,
                 bool *out, tt_error *err);
/* Any scalar as text (strings for names, ids, notes); arena as above. */
int yscalar_text(const char *file, const ynode *n, const char *path,
                 tt_arena *arena, const char **out, tt_error *err);

#endif
