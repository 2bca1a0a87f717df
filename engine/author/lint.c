/* tabletop lint: static checks of a scenario file, on Lua's own parse of it
 * (the luac listing, listing.h) and the model the sandbox extracted
 * (nothing of the scenario's behaviour runs). See docs/authoring.md. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "listing.h"
#include "tabletop/api.h"
#include "tabletop/author.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

#define HINT(buf, wrong, arr, n)                                                           \
    tt_suggest((wrong), (n) ? &(arr)[0].id : NULL, (n), sizeof *(arr), (buf), sizeof(buf))

typedef struct keyset {
    const char **k;
    size_t n, cap;
} keyset;

typedef struct fn_info {
    const char *kind;   /* callback kind when this function is one */
    size_t index;
    int owner;          /* the callback it belongs to (itself), or -1 */
    bool state_fn;      /* its first parameter is the state */
    keyset reads, writes;
} fn_info;

typedef struct lint {
    const char *path;
    char *src;
    size_t src_len;
    const char **lines;  /* 1-based; pointers into src (split at '\n') */
    size_t n_lines;
    tt_script *script;
    const tt_scenario *m;
    const char **state_keys;
    size_t n_state;
    ll_listing ll;
    fn_info *info;
    int *exempt_lines;   /* numbers justified elsewhere (rationale, invented history) */
    size_t n_exempt, cap_exempt;
    tt_findings *out;
    bool oom;
} lint;

static void add_key(lint *L, keyset *s, const char *k)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->k[i], k) == 0)
            return;
    if (!tt_grow(&s->k, &s->cap, s->n + 1, sizeof *s->k)) {
        L->oom = true;
        return;
    }
    s->k[s->n++] = k;
}

static bool has_key(const keyset *s, const char *k)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->k[i], k) == 0)
            return true;
    return false;
}

static const char *line_text(const lint *L, int line)
{
    return line >= 1 && (size_t)line <= L->n_lines ? L->lines[line] : "";
}

/* Column (1-based) of `needle` on the line, else of its first non-blank. */
static int column_of(const lint *L, int line, const char *needle)
{
    const char *t = line_text(L, line);
    const char *p = needle && *needle ? strstr(t, needle) : NULL;
    if (p)
        return (int)(p - t) + 1;
    int c = 1;
    while (t[c - 1] == ' ' || t[c - 1] == '\t')
        c++;
    return t[c - 1] ? c : 1;
}

static void finding(lint *L, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void finding(lint *L, int line, int col, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (tt_findings_add(L->out, L->path, line, col, "%s", msg) != 0)
        L->oom = true;
}

static bool declared(const lint *L, const char *key)
{
    for (size_t i = 0; i < L->n_state; i++)
        if (strcmp(L->state_keys[i], key) == 0)
            return true;
    return false;
}

/* ---- Which function is which callback ---- */

static void assign_callbacks(lint *L)
{
    static const char *const kinds[] = { "requires", "does", "run", "inject_when",
                                         "inject_does", "objective_when",
                                         "takes", "bad", "on_cancel" /* API 1.1 */ };
    const size_t counts[] = { L->m->n_actions, L->m->n_actions, L->m->n_dynamics,
                              L->m->n_injects, L->m->n_injects, L->m->n_objectives,
                              L->m->n_actions, L->m->n_actions, L->m->n_actions };
    for (size_t i = 0; i < L->ll.n_fns; i++)
        L->info[i].owner = -1;
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t i = 0; i < counts[k]; i++) {
            int first, last;
            if (tt_script_function_lines(L->script, kinds[k], i, &first, &last) != 0)
                continue;
            for (size_t f = 0; f < L->ll.n_fns; f++) {
                const ll_function *fn = &L->ll.fns[f];
                if (fn->first_line == first && fn->last_line == last && !L->info[f].kind) {
                    L->info[f].kind = kinds[k];
                    L->info[f].index = i;
                    L->info[f].owner = (int)f;
                    break;
                }
            }
        }
    /* Nested functions (ctx.after) belong to the innermost callback around them. */
    for (size_t f = 0; f < L->ll.n_fns; f++) {
        const ll_function *fn = &L->ll.fns[f];
        if (L->info[f].kind || fn->first_line == 0)
            continue;
        int best = -1;
        for (size_t c = 0; c < L->ll.n_fns; c++) {
            const ll_function *cb = &L->ll.fns[c];
            if (!L->info[c].kind || cb->first_line > fn->first_line ||
                cb->last_line < fn->last_line)
                continue;
            if (best < 0 || cb->first_line >= L->ll.fns[best].first_line)
                best = (int)c;
        }
        L->info[f].owner = best;
    }
    for (size_t f = 0; f < L->ll.n_fns; f++) {
        const ll_function *fn = &L->ll.fns[f];
        const char *p0 = fn->n_params >= 1 ? ll_local_at(fn, 0, 1) : NULL;
        /* Callbacks and what they schedule get the state first; so do helpers
         * whose first parameter is called like it (s, s2, state). */
        bool named = p0 && (strcmp(p0, "state") == 0 ||
                            (p0[0] == 's' && (p0[1] == '\0' || isdigit((unsigned char)p0[1]))));
        L->info[f].state_fn = fn->n_params >= 1 && (L->info[f].owner >= 0 || named);
    }
}

/* ---- State keys, ctx calls, ids ---- */

static bool is_state_upvalue(const lint *L, const char *name)
{
    for (size_t f = 0; f < L->ll.n_fns; f++) {
        const ll_function *fn = &L->ll.fns[f];
        const char *p0 = L->info[f].state_fn ? ll_local_at(fn, 0, 1) : NULL;
        if (p0 && strcmp(p0, name) == 0)
            return true;
    }
    return false;
}

static void state_access(lint *L, size_t f, int line, const char *key, bool write)
{
    add_key(L, write ? &L->info[f].writes : &L->info[f].reads, key);
    if (declared(L, key))
        return;
    char hint[300], needle[200];
    tt_suggest(key, L->state_keys, L->n_state, sizeof *L->state_keys, hint, sizeof hint);
    snprintf(needle, sizeof needle, ".%s", key);
    int col = column_of(L, line, needle);
    finding(L, line, col + (strstr(line_text(L, line), needle) ? 1 : 0),
            write ? TT_MSG(E_LINT_STATE_WRITTEN_FMT) : TT_MSG(E_LINT_STATE_READ_FMT), key, hint);
}

static bool is_time_text(const char *s)
{
    tt_ms v;
    return s && s[0] >= '0' && s[0] <= '9' && tt_duration_parse(s, &v, NULL, 0);
}

static void check_actor_arg(lint *L, int line, const char *what, const char *arg)
{
    if (tt_scenario_actor(L->m, arg) >= 0)
        return;
    if (arg[0] >= '0' && arg[0] <= '9') {
        char why[200];
        tt_ms v;
        if (!tt_duration_parse(arg, &v, why, sizeof why))
            finding(L, line, column_of(L, line, arg), TT_MSG(E_LINT_NOT_DURATION_FMT), what,
                    arg, why);
        return;
    }
    char hint[300];
    HINT(hint, arg, L->m->actors, L->m->n_actors);
    finding(L, line, column_of(L, line, arg),
            TT_MSG(E_LINT_AFTER_NOT_TIME_FMT), what, arg,
            hint);
}

static void check_ctx_field(lint *L, int line, const char *name)
{
    for (size_t i = 0; i < tt_api_ctx_count(); i++)
        if (strcmp(tt_api_ctx_field(i)->name, name) == 0)
            return;
    const char *names[32];
    size_t n = 0;
    for (size_t i = 0; i < tt_api_ctx_count() && n < 32; i++)
        names[n++] = tt_api_ctx_field(i)->name;
    char hint[300], needle[200];
    tt_suggest(name, names, n, sizeof *names, hint, sizeof hint);
    snprintf(needle, sizeof needle, ".%s", name);
    finding(L, line, column_of(L, line, needle) + 1, TT_MSG(E_LINT_CTX_NO_FIELD_FMT), name, hint);
}

static void check_code(lint *L, size_t f)
{
    const ll_function *fn = &L->ll.fns[f];
    if (!L->info[f].state_fn)
        return;
    const char *sname = ll_local_at(fn, 0, 1);
    const char *cname = fn->n_params >= 2 ? ll_local_at(fn, 1, 1) : NULL;
    for (size_t i = 0; i < fn->n_code; i++) {
        const ll_ins *in = &fn->code[i];
        int pc = (int)i + 1;
        const char *op = in->op;
        if (strcmp(op, "GETFIELD") == 0 && in->n_args >= 3) {
            const char *reg = ll_local_at(fn, in->arg[1], pc);
            const char *key = ll_kstr(fn, in->arg[2]);
            if (!key || !reg)
                continue;
            if (in->arg[1] == 0 && sname && strcmp(reg, sname) == 0) {
                state_access(L, f, in->line, key, false);
            } else if (in->arg[1] == 1 && cname && strcmp(reg, cname) == 0) {
                check_ctx_field(L, in->line, key);
                /* ctx.after("actor" or "15m", fn) */
                if (strcmp(key, "after") == 0 && i + 1 < fn->n_code &&
                    strcmp(fn->code[i + 1].op, "LOADK") == 0 &&
                    fn->code[i + 1].arg[0] == in->arg[0] + 1) {
                    const char *arg = ll_kstr(fn, fn->code[i + 1].arg[1]);
                    if (arg)
                        check_actor_arg(L, fn->code[i + 1].line, "ctx.after", arg);
                }
            }
        } else if (strcmp(op, "SETFIELD") == 0 && in->n_args >= 3) {
            const char *reg = ll_local_at(fn, in->arg[0], pc);
            const char *key = ll_kstr(fn, in->arg[1]);
            if (!key)
                continue;
            if (in->arg[0] == 0 && reg && sname && strcmp(reg, sname) == 0) {
                state_access(L, f, in->line, key, true);
                continue;
            }
            const char *val = in->k ? ll_kstr(fn, in->arg[2]) : NULL;
            if (!val)
                continue;
            /* ctx.message{ from = ..., to = ... } */
            if (strcmp(key, "from") == 0 && tt_scenario_actor(L->m, val) < 0 &&
                tt_scenario_role(L->m, val) < 0) {
                char ha[300], hr[300];
                HINT(ha, val, L->m->actors, L->m->n_actors);
                HINT(hr, val, L->m->roles, L->m->n_roles);
                finding(L, in->line, column_of(L, in->line, val),
                        TT_MSG(E_LINT_FROM_FMT), val, ha, hr);
            } else if (strcmp(key, "to") == 0 && tt_scenario_role(L->m, val) < 0) {
                char hr[300];
                HINT(hr, val, L->m->roles, L->m->n_roles);
                finding(L, in->line, column_of(L, in->line, val),
                        TT_MSG(E_LINT_TO_FMT), val, hr);
            }
        } else if ((strcmp(op, "GETTABUP") == 0 || strcmp(op, "SETTABUP") == 0) &&
                   in->n_args >= 3) {
            bool set = op[0] == 'S';
            int up = set ? in->arg[0] : in->arg[1];
            const char *key = ll_kstr(fn, set ? in->arg[1] : in->arg[2]);
            if (up >= 0 && (size_t)up < fn->n_upvalues && key &&
                is_state_upvalue(L, fn->upvalues[up]))
                state_access(L, f, in->line, key, set);
        }
    }
}

/* ---- Texts in both languages ---- */

static void check_texts(lint *L, size_t f)
{
    const ll_function *fn = &L->ll.fns[f];
    enum { JA = 1, EN = 2, OTHER = 4 };
    int mask[256] = { 0 }, line[256] = { 0 };
    bool open[256] = { false };
    for (size_t i = 0; i <= fn->n_code; i++) {
        const ll_ins *in = i < fn->n_code ? &fn->code[i] : NULL;
        int reg = -1;
        if (in && strcmp(in->op, "NEWTABLE") == 0 && in->n_args >= 1)
            reg = in->arg[0];
        for (int r = 0; r < 256; r++) {
            if (!open[r] || (in && r != reg))
                continue;
            if ((mask[r] == JA || mask[r] == EN))
                finding(L, line[r], column_of(L, line[r], mask[r] == JA ? "ja" : "en"),
                        mask[r] == JA ? TT_MSG(E_LINT_TEXT_NO_EN) : TT_MSG(E_LINT_TEXT_NO_JA));
            open[r] = false;
        }
        if (!in)
            break;
        if (reg >= 0 && reg < 256) {
            open[reg] = true;
            mask[reg] = 0;
            line[reg] = in->line;
        } else if (strcmp(in->op, "SETFIELD") == 0 && in->n_args >= 3 && in->arg[0] >= 0 &&
                   in->arg[0] < 256 && open[in->arg[0]]) {
            const char *key = ll_kstr(fn, in->arg[1]);
            int r = in->arg[0];
            mask[r] |= key && strcmp(key, "ja") == 0 ? JA
                     : key && strcmp(key, "en") == 0 ? EN
                                                     : OTHER;
            line[r] = in->line;
        }
    }
}

/* ---- Numbers: cited or marked invented (docs/authoring.md, section 13) ---- */

/* The comment on a line (after a "--" outside quotes), or NULL. */
static const char *comment_of(const char *t)
{
    char q = 0;
    for (const char *p = t; *p; p++) {
        if (q) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == q)
                q = 0;
        } else if (*p == '"' || *p == '\'') {
            q = *p;
        } else if (p[0] == '-' && p[1] == '-') {
            return p + 2;
        }
    }
    return NULL;
}

static bool justifies(const char *c)
{
    if (!c)
        return false;
    for (const char *p = c; *p; p++) {
        if (strncasecmp(p, "invented", 8) == 0 || strncasecmp(p, "cite", 4) == 0 ||
            strncasecmp(p, "source", 6) == 0 || strncmp(p, "仮", 3) == 0)
            return true;
        if (*p == 'F' && isdigit((unsigned char)p[1]) && (p == c || !isalnum((unsigned char)p[-1])))
            return true;
    }
    return false;
}

static bool line_justified(const lint *L, int line)
{
    for (size_t i = 0; i < L->n_exempt; i++)
        if (L->exempt_lines[i] == line)
            return true;
    if (justifies(comment_of(line_text(L, line))))
        return true;
    /* A comment block right above also covers the line. */
    for (int l = line - 1; l >= 1; l--) {
        const char *t = line_text(L, l);
        while (*t == ' ' || *t == '\t')
            t++;
        if (t[0] != '-' || t[1] != '-')
            break;
        if (justifies(t + 2))
            return true;
    }
    return false;
}

static bool trivial(double v)
{
    static const double ok[] = { 0, 1, 2, -1, 0.5, 10, 24, 60, 100, 1000, 3600, 10000, 86400 };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (v == ok[i])
            return true;
    return false;
}

static void number_at(lint *L, int line, double v)
{
    if (trivial(v) || line_justified(L, line))
        return;
    char text[64];
    if (v == (double)(long long)v)
        snprintf(text, sizeof text, "%lld", (long long)v);
    else
        snprintf(text, sizeof text, "%g", v);
    finding(L, line, column_of(L, line, text),
            TT_MSG(E_LINT_NUMBER_UNCITED_FMT), text);
}

static void time_at(lint *L, int line, const char *s)
{
    tt_ms v;
    if (!tt_duration_parse(s, &v, NULL, 0) || v == 0 || line_justified(L, line))
        return;
    finding(L, line, column_of(L, line, s),
            TT_MSG(E_LINT_TIME_UNCITED_FMT), s);
}

static bool kconst_number(const ll_function *fn, int k, double *v)
{
    if (k < 0 || (size_t)k >= fn->n_k || (fn->k[k].type != 'I' && fn->k[k].type != 'N' &&
                                          fn->k[k].type != 'F'))
        return false;
    *v = fn->k[k].n;
    return true;
}

static void check_numbers(lint *L, size_t f)
{
    const ll_function *fn = &L->ll.fns[f];
    for (size_t i = 0; i < fn->n_code; i++) {
        const ll_ins *in = &fn->code[i];
        const char *op = in->op;
        double v;
        if ((strcmp(op, "LOADI") == 0 || strcmp(op, "LOADF") == 0) && in->n_args >= 2) {
            number_at(L, in->line, in->arg[1]);
        } else if (strcmp(op, "LOADK") == 0 && in->n_args >= 2) {
            const char *s = ll_kstr(fn, in->arg[1]);
            if (kconst_number(fn, in->arg[1], &v))
                number_at(L, in->line, v);
            else if (is_time_text(s))
                time_at(L, in->line, s);
        } else if (strcmp(op, "ADDI") == 0 && in->n_args >= 3) {
            number_at(L, in->line, in->arg[2]);
        } else if ((strcmp(op, "EQI") == 0 || strcmp(op, "LTI") == 0 ||
                    strcmp(op, "LEI") == 0 || strcmp(op, "GTI") == 0 ||
                    strcmp(op, "GEI") == 0) && in->n_args >= 2) {
            number_at(L, in->line, in->arg[1]);
        } else if (strlen(op) > 1 && op[strlen(op) - 1] == 'K' && strcmp(op, "LOADK") != 0 &&
                   strcmp(op, "EQK") != 0 && in->n_args >= 3 &&
                   kconst_number(fn, in->arg[2], &v)) {
            number_at(L, in->line, v); /* ADDK MULK DIVK ... */
        } else if (strcmp(op, "EQK") == 0 && in->n_args >= 2 && kconst_number(fn, in->arg[1], &v)) {
            number_at(L, in->line, v);
        } else if ((strcmp(op, "SETFIELD") == 0 || strcmp(op, "SETI") == 0 ||
                    strcmp(op, "SETTABLE") == 0 || strcmp(op, "SETTABUP") == 0) &&
                   in->k && in->n_args >= 3) {
            const char *key = strcmp(op, "SETFIELD") == 0 ? ll_kstr(fn, in->arg[1]) : NULL;
            if (key && (strcmp(key, "speed") == 0 || strcmp(key, "max") == 0 ||
                        strcmp(key, "period") == 0 || strcmp(key, "length") == 0))
                continue; /* display, model resolution, and the length the limits
                             decide: not facts of the case */
            const char *s = ll_kstr(fn, in->arg[2]);
            if (kconst_number(fn, in->arg[2], &v))
                number_at(L, in->line, v);
            else if (is_time_text(s))
                time_at(L, in->line, s);
        }
    }
}

/* ---- Objectives that no action can reach ---- */

/* The function a local helper name is bound to (`local function grow(s)`),
 * or -1: found at the CLOSURE that made it. */
static int helper_named(const lint *L, const char *name)
{
    for (size_t p = 0; p < L->ll.n_fns; p++) {
        const ll_function *fn = &L->ll.fns[p];
        for (size_t i = 0; i < fn->n_code; i++) {
            const ll_ins *in = &fn->code[i];
            if (strcmp(in->op, "CLOSURE") || in->n_args < 2 || in->arg[1] < 0 ||
                in->arg[1] >= fn->n_children)
                continue;
            const char *local = ll_local_at(fn, in->arg[0], (int)i + 2);
            if (local && strcmp(local, name) == 0)
                return fn->children[in->arg[1]];
        }
    }
    return -1;
}

/* What a function reads or writes, with the functions it defines and the
 * local helpers it calls by name (through its upvalues). */
static void effective(lint *L, size_t f, bool writes, keyset *out, bool *seen)
{
    if (seen[f])
        return;
    seen[f] = true;
    const keyset *own = writes ? &L->info[f].writes : &L->info[f].reads;
    for (size_t k = 0; k < own->n; k++)
        add_key(L, out, own->k[k]);
    const ll_function *fn = &L->ll.fns[f];
    for (int c = 0; c < fn->n_children; c++)
        effective(L, (size_t)fn->children[c], writes, out, seen);
    for (size_t u = 0; u < fn->n_upvalues; u++) {
        int h = helper_named(L, fn->upvalues[u]);
        if (h >= 0)
            effective(L, (size_t)h, writes, out, seen);
    }
}

static void effective_of(lint *L, size_t f, bool writes, keyset *out)
{
    bool *seen = calloc(L->ll.n_fns, sizeof *seen);
    if (!seen) {
        L->oom = true;
        return;
    }
    effective(L, f, writes, out, seen);
    free(seen);
}

static void check_reachable(lint *L)
{
    keyset influenced = { 0 };
    for (size_t f = 0; f < L->ll.n_fns; f++)
        if (L->info[f].kind && (strcmp(L->info[f].kind, "does") == 0 ||
                                strcmp(L->info[f].kind, "on_cancel") == 0))
            effective_of(L, f, true, &influenced);
    /* What the world does in answer to those keys is reachable too. */
    bool grew = true;
    while (grew && !L->oom) {
        grew = false;
        for (size_t f = 0; f < L->ll.n_fns; f++) {
            const char *kind = L->info[f].kind;
            if (!kind || (strcmp(kind, "run") && strcmp(kind, "inject_does")))
                continue;
            keyset reads = { 0 }, writes = { 0 };
            effective_of(L, f, false, &reads);
            bool touched = false;
            for (size_t k = 0; k < reads.n && !touched; k++)
                touched = has_key(&influenced, reads.k[k]);
            if (touched) {
                effective_of(L, f, true, &writes);
                for (size_t k = 0; k < writes.n; k++)
                    if (!has_key(&influenced, writes.k[k])) {
                        add_key(L, &influenced, writes.k[k]);
                        grew = true;
                    }
            }
            free(reads.k);
            free(writes.k);
        }
    }
    for (size_t o = 0; o < L->m->n_objectives; o++) {
        const tt_objective *ob = &L->m->objectives[o];
        bool completed = false;
        for (size_t a = 0; a < L->m->n_actions && !completed; a++)
            completed = L->m->actions[a].completes && strcmp(L->m->actions[a].completes, ob->id) == 0;
        if (completed)
            continue;
        keyset when = { 0 };
        for (size_t f = 0; f < L->ll.n_fns; f++)
            if (L->info[f].kind && strcmp(L->info[f].kind, "objective_when") == 0 &&
                L->info[f].index == o)
                effective_of(L, f, false, &when);
        bool reachable = false;
        char reads[400] = "";
        for (size_t k = 0; k < when.n; k++) {
            reachable = reachable || has_key(&influenced, when.k[k]);
            strncat(reads, k ? ", " : "", sizeof reads - strlen(reads) - 1);
            strncat(reads, when.k[k], sizeof reads - strlen(reads) - 1);
        }
        free(when.k);
        if (reachable)
            continue;
        char path[300];
        snprintf(path, sizeof path, "objectives.%s", ob->id);
        int line = tt_script_field_line(L->script, path);
        finding(L, line, column_of(L, line, ob->id),
                TT_MSG(E_LINT_UNREACHABLE_FMT), ob->id,
                tt_objective_phase_name(ob->phase), reads[0] ? reads : TT_MSG(E_LINT_NOTHING));
    }
    free(influenced.k);
}

/* ---- Driver ---- */

static void exempt(lint *L, int line)
{
    if (line <= 0)
        return;
    if (!tt_grow(&L->exempt_lines, &L->cap_exempt, L->n_exempt + 1, sizeof *L->exempt_lines)) {
        L->oom = true;
        return;
    }
    L->exempt_lines[L->n_exempt++] = line;
}

static void justified_elsewhere(lint *L)
{
    char path[300];
    for (size_t o = 0; o < L->m->n_objectives; o++) {
        const tt_objective *ob = &L->m->objectives[o];
        if (!ob->rationale.en)
            continue; /* the rationale says where the times come from */
        snprintf(path, sizeof path, "objectives.%s.target", ob->id);
        exempt(L, tt_script_field_line(L->script, path));
        snprintf(path, sizeof path, "objectives.%s.limit", ob->id);
        exempt(L, tt_script_field_line(L->script, path));
    }
    for (size_t h = 0; h < L->m->n_history; h++)
        if (L->m->history[h].at_invented) {
            snprintf(path, sizeof path, "history[%zu].at", h + 1);
            exempt(L, tt_script_field_line(L->script, path));
        }
}

static char *read_file(const char *path, size_t *len)
{
    char why[160];
    FILE *fp = tt_fopen_regular(path, SIZE_MAX, why, sizeof why);
    if (!fp)
        return NULL;
    tt_buf b = TT_BUF_INIT;
    if (!tt_buf_read(&b, fp))
        b.failed = true;
    fclose(fp);
    return tt_buf_take(&b, len);
}

static char **copy_keys(const keyset *k, size_t *n, bool *oom)
{
    char **out = calloc(k->n ? k->n : 1, sizeof *out);
    if (!out) {
        *oom = true;
        return NULL;
    }
    for (size_t i = 0; i < k->n; i++)
        if (!(out[i] = strdup(k->k[i])))
            *oom = true;
    *n = k->n;
    return out;
}

/* Each callback's effective reads and writes, copied out of the listing. */
static void collect_access(lint *L, tt_access *acc)
{
    size_t n = 0;
    for (size_t f = 0; f < L->ll.n_fns; f++)
        n += L->info[f].kind != NULL;
    acc->e = calloc(n ? n : 1, sizeof *acc->e);
    if (!acc->e) {
        L->oom = true;
        return;
    }
    for (size_t f = 0; f < L->ll.n_fns; f++) {
        if (!L->info[f].kind)
            continue;
        tt_access_entry *e = &acc->e[acc->n++];
        e->kind = L->info[f].kind; /* static strings */
        e->index = L->info[f].index;
        keyset reads = { 0 }, writes = { 0 };
        effective_of(L, f, false, &reads);
        effective_of(L, f, true, &writes);
        e->reads = copy_keys(&reads, &e->n_reads, &L->oom);
        e->writes = copy_keys(&writes, &e->n_writes, &L->oom);
        free(reads.k);
        free(writes.k);
    }
}

void tt_access_free(tt_access *a)
{
    for (size_t i = 0; a->e && i < a->n; i++) {
        for (size_t k = 0; k < a->e[i].n_reads; k++)
            free(a->e[i].reads[k]);
        for (size_t k = 0; k < a->e[i].n_writes; k++)
            free(a->e[i].writes[k]);
        free(a->e[i].reads);
        free(a->e[i].writes);
    }
    free(a->e);
    memset(a, 0, sizeof *a);
}

static int analyse(const char *path, tt_findings *out, tt_access *acc, tt_error *err);

int tt_lint_file(const char *path, tt_findings *out, tt_error *err)
{
    return analyse(path, out, NULL, err);
}

int tt_access_of(const char *path, tt_access *acc, tt_error *err)
{
    tt_findings scratch = { 0 };
    memset(acc, 0, sizeof *acc);
    int rc = analyse(path, &scratch, acc, err);
    tt_findings_free(&scratch);
    if (rc != 0)
        tt_access_free(acc);
    return rc;
}

static int analyse(const char *path, tt_findings *out, tt_access *acc, tt_error *err)
{
    lint L;
    memset(&L, 0, sizeof L);
    L.path = path;
    L.out = out;
    tt_sandbox_limits limits;
    tt_sandbox_limits_default(&limits);
    L.script = tt_script_load(path, &limits, err);
    if (!L.script)
        return -1;
    L.m = tt_script_scenario(L.script);
    int rc = -1;
    const tt_kv *kv;
    size_t n_kv;
    if (tt_script_state(L.script, &kv, &n_kv, err) != 0)
        goto done;
    L.state_keys = malloc((n_kv ? n_kv : 1) * sizeof *L.state_keys);
    if (!L.state_keys)
        goto oom;
    for (size_t i = 0; i < n_kv; i++)
        L.state_keys[i] = kv[i].key;
    L.n_state = n_kv;
    L.src = read_file(path, &L.src_len);
    if (!L.src)
        goto oom;
    /* Lines for columns and comments (a copy split in place). */
    size_t n_lines = 1;
    for (size_t i = 0; i < L.src_len; i++)
        n_lines += L.src[i] == '\n';
    char *copy = malloc(L.src_len + 1);
    L.lines = malloc((n_lines + 2) * sizeof *L.lines);
    if (!copy || !L.lines) {
        free(copy);
        goto oom;
    }
    memcpy(copy, L.src, L.src_len + 1);
    L.lines[0] = "";
    L.lines[1] = copy;
    L.n_lines = 1;
    for (char *p = copy; *p; p++)
        if (*p == '\n') {
            *p = '\0';
            L.lines[++L.n_lines] = p + 1;
        }
    if (ll_read(path, L.src, L.src_len, &L.ll, err) != 0) {
        free(copy);
        goto done;
    }
    L.info = calloc(L.ll.n_fns ? L.ll.n_fns : 1, sizeof *L.info);
    if (!L.info) {
        free(copy);
        goto oom;
    }
    assign_callbacks(&L);
    justified_elsewhere(&L);
    for (size_t f = 0; f < L.ll.n_fns; f++) {
        check_code(&L, f);
        check_texts(&L, f);
        check_numbers(&L, f);
    }
    check_reachable(&L);
    if (acc)
        collect_access(&L, acc);
    free(copy);
    if (L.oom)
        goto oom;
    rc = 0;
    goto done;
oom:
    tt_error_oom(err, path);
    rc = -1;
done:
    for (size_t f = 0; L.info && f < L.ll.n_fns; f++) {
        free(L.info[f].reads.k);
        free(L.info[f].writes.k);
    }
    free(L.info);
    ll_free(&L.ll);
    free(L.lines);
    free(L.src);
    free(L.state_keys);
    free(L.exempt_lines);
    tt_script_free(L.script);
    return rc;
}
