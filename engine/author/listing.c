/* Reading `luac5.4 -l -l -p -` output (see listing.h). The format is the
 * one luac.c prints: a header per function, instruction lines
 * "\tN\t[LINE]\tOP\tARGS\t; comment", then its constants, locals and
 * upvalues sections. */
#include "tabletop/terms.h"
#include "listing.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#define LL_MAX_OUTPUT ((size_t)256 << 20)  /* a listing past this is refused */
#define LL_CPU_SECONDS 20
#define LL_MEMORY ((rlim_t)1 << 30)

#ifndef TT_LUAC
#define TT_LUAC "luac5.4"
#endif

/* Run luac with text on stdin; its stdout into *out. */
static int run_luac(const char *text, size_t len, char **out, size_t *out_len, char **errtext,
                    tt_error *err, const char *name)
{
    int in[2], outp[2], errp[2];
    if (pipe(in) != 0)
        goto fail_pipe;
    if (pipe(outp) != 0) {
        close(in[0]);
        close(in[1]);
        goto fail_pipe;
    }
    if (pipe(errp) != 0) {
        close(in[0]); close(in[1]); close(outp[0]); close(outp[1]);
        goto fail_pipe;
    }
    pid_t pid = fork();
    if (pid < 0) {
        close(in[0]); close(in[1]); close(outp[0]); close(outp[1]); close(errp[0]); close(errp[1]);
        tt_error_runtime(err, name, TT_MSG(E_LISTING_CANNOT_START_FMT), tt_os_error(errno));
        return -1;
    }
    if (pid == 0) {
        struct rlimit cpu = { LL_CPU_SECONDS, LL_CPU_SECONDS }, mem = { LL_MEMORY, LL_MEMORY };
        setrlimit(RLIMIT_CPU, &cpu);
        setrlimit(RLIMIT_AS, &mem);
        dup2(in[0], 0);
        dup2(outp[1], 1);
        dup2(errp[1], 2);
        close(in[0]); close(in[1]); close(outp[0]); close(outp[1]); close(errp[0]); close(errp[1]);
        execlp(TT_LUAC, TT_LUAC, "-l", "-l", "-p", "-", (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(outp[1]);
    close(errp[1]);
    /* Write stdin in a child-free way: luac reads all input before it
     * prints, so writing first cannot deadlock on a full output pipe. */
    void (*old)(int) = signal(SIGPIPE, SIG_IGN);
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(in[1], text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    close(in[1]);
    signal(SIGPIPE, old);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    bool too_big = false;
    for (;;) {
        if (!buf)
            break;
        if (n + 4096 > cap) {
            if (cap >= LL_MAX_OUTPUT) {
                too_big = true;
                break;
            }
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        ssize_t r = read(outp[0], buf + n, cap - n - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        n += (size_t)r;
    }
    close(outp[0]);
    char ebuf[2048];
    size_t en = 0;
    for (;;) {
        ssize_t r = read(errp[0], ebuf + en, sizeof ebuf - en - 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;
        en += (size_t)r;
        if (en >= sizeof ebuf - 1)
            break;
    }
    ebuf[en] = '\0';
    close(errp[0]);
    if (too_big)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (!buf) {
        tt_error_set_as(err, TT_ERR_NOMEM, name, 0, 0, TT_MSG(E_LISTING_OOM));
        return -1;
    }
    if (too_big) {
        free(buf);
        tt_error_set(err, name, 0, 0, TT_MSG(E_LISTING_TOO_LARGE));
        return -1;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        free(buf);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
            tt_error_runtime(err, name, TT_MSG(E_LISTING_CANNOT_RUN_FMT), TT_LUAC);
            return -1;
        }
        *errtext = strdup(ebuf[0] ? ebuf : TT_MSG(E_LISTING_LUAC_FAILED));
        if (!*errtext) {
            tt_error_oom(err, name);
            return -1;
        }
        return 1;
    }
    buf[n] = '\0';
    *out = buf;
    *out_len = n;
    return 0;
fail_pipe:
    tt_error_runtime(err, name, TT_MSG(E_LISTING_CANNOT_START_FMT), tt_os_error(errno));
    return -1;
}

/* "luac: stdin:12: unexpected symbol near 'x'" -> line 12, the message. */
static void syntax_error(const char *name, const char *text, tt_error *err)
{
    const char *p = strstr(text, "stdin:");
    int line = 0;
    const char *msg = text;
    if (p) {
        line = atoi(p + 6);
        const char *colon = strchr(p + 6, ':');
        msg = colon ? colon + 1 : p;
        while (*msg == ' ')
            msg++;
    }
    char clean[512];
    snprintf(clean, sizeof clean, "%s", msg);
    clean[strcspn(clean, "\n")] = '\0';
    tt_error_set(err, name, line, 0, "%s", clean);
}

/* Unescape luac's PrintString: \" \\ \a.. \ddd. */
static char *unescape(const char *p, const char **end, size_t *len)
{
    size_t cap = strlen(p) + 1;
    char *out = malloc(cap), *w = out;
    if (!out)
        return NULL;
    p++; /* opening quote */
    while (*p && *p != '"') {
        if (*p == '\\' && p[1]) {
            p++;
            switch (*p) {
            case 'a': *w++ = '\a'; p++; break;
            case 'b': *w++ = '\b'; p++; break;
            case 'f': *w++ = '\f'; p++; break;
            case 'n': *w++ = '\n'; p++; break;
            case 'r': *w++ = '\r'; p++; break;
            case 't': *w++ = '\t'; p++; break;
            case 'v': *w++ = '\v'; p++; break;
            default:
                if (*p >= '0' && *p <= '9') {
                    int v = 0;
                    for (int i = 0; i < 3 && *p >= '0' && *p <= '9'; i++)
                        v = v * 10 + (*p++ - '0');
                    *w++ = (char)v;
                } else {
                    *w++ = *p++;
                }
            }
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    *len = (size_t)(w - out);
    if (end)
        *end = *p ? p + 1 : p;
    return out;
}

typedef enum { SEC_CODE, SEC_CONST, SEC_LOCALS, SEC_UPVALUES } section;

static int parse(char *buf, ll_listing *out)
{
    size_t cap_fns = 0;
    ll_function *f = NULL;
    size_t cap_code = 0, cap_k = 0, cap_loc = 0, cap_up = 0;
    section sec = SEC_CODE;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strncmp(line, "main <", 6) == 0 || strncmp(line, "function <", 10) == 0) {
            if (!tt_grow(&out->fns, &cap_fns, out->n_fns + 1, sizeof *out->fns))
                return -1;
            f = &out->fns[out->n_fns++];
            memset(f, 0, sizeof *f);
            cap_code = cap_k = cap_loc = cap_up = 0;
            sec = SEC_CODE;
            const char *gt = strchr(line, '>');
            const char *colon = gt ? gt : line;
            while (colon > line && *colon != ':')
                colon--;
            if (*colon == ':')
                sscanf(colon + 1, "%d,%d", &f->first_line, &f->last_line);
            continue;
        }
        if (!f)
            continue;
        if (strstr(line, " params, ") || strstr(line, " param, ")) {
            f->n_params = atoi(line);
            const char *last = strrchr(line, ',');
            f->n_children = last ? atoi(last + 1) : 0;
            continue;
        }
        if (strncmp(line, "constants (", 11) == 0) { sec = SEC_CONST; continue; }
        if (strncmp(line, "locals (", 8) == 0) { sec = SEC_LOCALS; continue; }
        if (strncmp(line, "upvalues (", 10) == 0) { sec = SEC_UPVALUES; continue; }
        if (line[0] != '\t')
            continue;
        char *p = line + 1;
        int idx = (int)strtol(p, &p, 10);
        (void)idx;
        if (*p != '\t')
            continue;
        p++;
        if (sec == SEC_CODE) {
            if (!tt_grow(&f->code, &cap_code, f->n_code + 1, sizeof *f->code))
                return -1;
            ll_ins *in = &f->code[f->n_code++];
            memset(in, 0, sizeof *in);
            if (*p == '[')
                in->line = atoi(p + 1);
            char *op = strchr(p, '\t');
            if (!op)
                continue;
            op++;
            size_t ol = strcspn(op, "\t ");
            if (ol >= sizeof in->op)
                ol = sizeof in->op - 1;
            memcpy(in->op, op, ol);
            char *a = op + ol;
            a += strspn(a, "\t ");
            while (*a && *a != ';' && in->n_args < 4) {
                char *e;
                long v = strtol(a, &e, 10);
                if (e == a)
                    break;
                in->arg[in->n_args++] = (int)v;
                in->k = *e == 'k';
                a = e + (*e == 'k');
                a += strspn(a, " ");
            }
        } else if (sec == SEC_CONST) {
            if (!tt_grow(&f->k, &cap_k, f->n_k + 1, sizeof *f->k))
                return -1;
            ll_const *c = &f->k[f->n_k++];
            memset(c, 0, sizeof *c);
            c->type = *p;
            char *v = strchr(p, '\t');
            v = v ? v + 1 : p;
            if (c->type == 'S' && *v == '"') {
                c->s = unescape(v, NULL, &c->len);
                if (!c->s)
                    return -1;
            } else if (c->type == 'I' || c->type == 'N' || c->type == 'F') {
                c->n = strtod(v, NULL);
            }
        } else if (sec == SEC_LOCALS) {
            if (!tt_grow(&f->locals, &cap_loc, f->n_locals + 1, sizeof *f->locals))
                return -1;
            ll_local *l = &f->locals[f->n_locals++];
            char name[256] = "";
            l->start = l->end = 0;
            sscanf(p, "%255s\t%d\t%d", name, &l->start, &l->end);
            l->name = strdup(name);
            if (!l->name)
                return -1;
        } else {
            if (!tt_grow(&f->upvalues, &cap_up, f->n_upvalues + 1, sizeof *f->upvalues))
                return -1;
            char name[256] = "";
            sscanf(p, "%255s", name);
            f->upvalues[f->n_upvalues] = strdup(name);
            if (!f->upvalues[f->n_upvalues++])
                return -1;
        }
    }
    return 0;
}

/* luac prints depth first: a function, then each child's subtree. */
static int link_children(ll_listing *l, size_t *next, size_t parent, int depth)
{
    ll_function *f = &l->fns[parent];
    if (depth > 1000 || f->n_children < 0 || (size_t)f->n_children > l->n_fns)
        return -1;
    f->children = calloc(f->n_children ? (size_t)f->n_children : 1, sizeof *f->children);
    if (!f->children)
        return -1;
    for (int c = 0; c < f->n_children; c++) {
        if (*next >= l->n_fns)
            return -1;
        size_t child = (*next)++;
        l->fns[parent].children[c] = (int)child;
        if (link_children(l, next, child, depth + 1) != 0)
            return -1;
    }
    return 0;
}

int ll_read(const char *name, const char *text, size_t len, ll_listing *out, tt_error *err)
{
    memset(out, 0, sizeof *out);
    char *buf = NULL, *errtext = NULL;
    size_t n = 0;
    int rc = run_luac(text, len, &buf, &n, &errtext, err, name);
    if (rc < 0)
        return -1;
    if (rc > 0) {
        syntax_error(name, errtext, err);
        free(errtext);
        return -1;
    }
    size_t next = 1;
    if (parse(buf, out) != 0 || (out->n_fns && link_children(out, &next, 0, 0) != 0)) {
        free(buf);
        ll_free(out);
        tt_error_set_as(err, TT_ERR_NOMEM, name, 0, 0, TT_MSG(E_LISTING_OOM));
        return -1;
    }
    free(buf);
    return 0;
}

void ll_free(ll_listing *l)
{
    for (size_t i = 0; i < l->n_fns; i++) {
        ll_function *f = &l->fns[i];
        free(f->code);
        free(f->children);
        for (size_t j = 0; j < f->n_k; j++)
            free(f->k[j].s);
        free(f->k);
        for (size_t j = 0; j < f->n_locals; j++)
            free(f->locals[j].name);
        free(f->locals);
        for (size_t j = 0; j < f->n_upvalues; j++)
            free(f->upvalues[j]);
        free(f->upvalues);
    }
    free(l->fns);
    memset(l, 0, sizeof *l);
}

const char *ll_local_at(const ll_function *f, int reg, int pc)
{
    /* Registers are given to active locals in declaration order. */
    int r = 0;
    for (size_t i = 0; i < f->n_locals; i++) {
        const ll_local *l = &f->locals[i];
        if (l->start <= pc && pc < l->end) {
            if (r == reg)
                return l->name;
            r++;
        }
    }
    return NULL;
}

const char *ll_kstr(const ll_function *f, int i)
{
    return i >= 0 && (size_t)i < f->n_k && f->k[i].type == 'S' ? f->k[i].s : NULL;
}
