/* The work one string.find/match/gmatch/gsub call really does, counted
 * before the call runs so it can be charged to the instruction budget.
 *
 * Lua's matcher (lstrlib.c) runs in C, where no count hook sees it: a loop
 * of calls, each under the per-call bound of sandbox_lib.c, used to run
 * until the wall clock stopped it. This walks the same choices the matcher
 * walks (Lua 5.4's match, max_expand, min_expand, captures, %b, %f,
 * back-references, the start positions of find/gmatch/gsub) and counts one
 * step per match attempt and per character test, the same order of cost as
 * one Lua instruction (both ~3-4 ns). It stops as soon as the count passes
 * the budget left, so a call that cannot be paid for costs no more than
 * the budget to refuse. Only the count is computed; the results still come
 * from Lua's own matcher. A malformed pattern stops the count: Lua raises
 * its own error for it when the call runs. Pattern and subject are Lua
 * strings, so reading their terminating '\0' is allowed, as Lua does. */
#include "sandbox.h"

#include <stddef.h>
#include <string.h>

#define COST_MAXCAPTURES 32   /* LUA_MAXCAPTURES */
#define COST_MAXDEPTH 200     /* MAXCCALLS in lstrlib.c */
#define CAP_UNFINISHED (-1)
#define CAP_POSITION (-2)

typedef struct cost_state {
    const char *src_init, *src_end, *p_end;
    int level;
    int depth;
    struct {
        const char *init;
        ptrdiff_t len;
    } capture[COST_MAXCAPTURES];
    uint64_t steps, limit;
    bool stop; /* over the limit, or a malformed pattern */
} cost_state;

static bool step(cost_state *ms, uint64_t n)
{
    ms->steps += n;
    if (ms->steps > ms->limit)
        ms->stop = true;
    return !ms->stop;
}

static const char *class_end(cost_state *ms, const char *p)
{
    switch (*p++) {
    case '%':
        if (p >= ms->p_end) {
            ms->stop = true;
            return NULL;
        }
        return p + 1;
    case '[':
        if (*p == '^')
            p++;
        do {
            if (p >= ms->p_end) {
                ms->stop = true;
                return NULL;
            }
            if (*(p++) == '%' && p < ms->p_end)
                p++;
        } while (*p != ']');
        return p + 1;
    default:
        return p;
    }
}

static bool single(cost_state *ms, const char *s, const char *p, const char *ep)
{
    if (!step(ms, 1) || s >= ms->src_end)
        return false;
    return tt_pattern_single_match((unsigned char)*s, p, ep);
}

static const char *match(cost_state *ms, const char *s, const char *p);

static const char *max_expand(cost_state *ms, const char *s, const char *p, const char *ep)
{
    ptrdiff_t i = 0;
    while (single(ms, s + i, p, ep))
        i++;
    while (i >= 0 && !ms->stop) {
        const char *res = match(ms, s + i, ep + 1);
        if (res)
            return res;
        i--;
    }
    return NULL;
}

static const char *min_expand(cost_state *ms, const char *s, const char *p, const char *ep)
{
    while (!ms->stop) {
        const char *res = match(ms, s, ep + 1);
        if (res)
            return res;
        if (single(ms, s, p, ep))
            s++;
        else
            return NULL;
    }
    return NULL;
}

static const char *start_capture(cost_state *ms, const char *s, const char *p, int what)
{
    if (ms->level >= COST_MAXCAPTURES) {
        ms->stop = true;
        return NULL;
    }
    ms->capture[ms->level].init = s;
    ms->capture[ms->level].len = what;
    ms->level++;
    const char *res = match(ms, s, p);
    if (!res)
        ms->level--;
    return res;
}

static const char *end_capture(cost_state *ms, const char *s, const char *p)
{
    int l = -1;
    for (int i = ms->level - 1; i >= 0; i--)
        if (ms->capture[i].len == CAP_UNFINISHED) {
            l = i;
            break;
        }
    if (l < 0) {
        ms->stop = true;
        return NULL;
    }
    ms->capture[l].len = s - ms->capture[l].init;
    const char *res = match(ms, s, p);
    if (!res)
        ms->capture[l].len = CAP_UNFINISHED;
    return res;
}

static const char *match_capture(cost_state *ms, const char *s, int l)
{
    l -= '1';
    if (l < 0 || l >= ms->level || ms->capture[l].len == CAP_UNFINISHED) {
        ms->stop = true;
        return NULL;
    }
    if (ms->capture[l].len < 0) /* a position capture never matches text */
        return NULL;
    size_t len = (size_t)ms->capture[l].len;
    if (!step(ms, 1 + (len >> 4)))
        return NULL;
    if ((size_t)(ms->src_end - s) >= len && memcmp(ms->capture[l].init, s, len) == 0)
        return s + len;
    return NULL;
}

static const char *match_balance(cost_state *ms, const char *s, const char *p)
{
    if (p >= ms->p_end - 1) {
        ms->stop = true;
        return NULL;
    }
    if (*s != *p)
        return NULL;
    int b = *p, e = *(p + 1), cont = 1;
    while (++s < ms->src_end) {
        if (!step(ms, 1))
            return NULL;
        if (*s == e) {
            if (--cont == 0)
                return s + 1;
        } else if (*s == b) {
            cont++;
        }
    }
    return NULL;
}

static const char *match(cost_state *ms, const char *s, const char *p)
{
    if (ms->depth-- == 0 || !step(ms, 1)) {
        ms->stop = true; /* Lua: "pattern too complex" */
        return NULL;
    }
    for (;;) {
        if (ms->stop) {
            s = NULL;
            break;
        }
        if (p == ms->p_end)
            break;
        const char *ep;
        switch (*p) {
        case '(':
            if (*(p + 1) == ')')
                s = start_capture(ms, s, p + 2, CAP_POSITION);
            else
                s = start_capture(ms, s, p + 1, CAP_UNFINISHED);
            goto done;
        case ')':
            s = end_capture(ms, s, p + 1);
            goto done;
        case '$':
            if (p + 1 != ms->p_end)
                goto dflt;
            s = s == ms->src_end ? s : NULL;
            goto done;
        case '%':
            switch (*(p + 1)) {
            case 'b':
                s = match_balance(ms, s, p + 2);
                if (!s)
                    goto done;
                p += 4;
                continue;
            case 'f': {
                p += 2;
                if (*p != '[') {
                    ms->stop = true;
                    s = NULL;
                    goto done;
                }
                ep = class_end(ms, p);
                if (!ep) {
                    s = NULL;
                    goto done;
                }
                int previous = s == ms->src_init ? '\0' : (unsigned char)*(s - 1);
                if (!tt_pattern_single_match(previous, p, ep) &&
                    tt_pattern_single_match((unsigned char)*s, p, ep)) {
                    p = ep;
                    continue;
                }
                s = NULL;
                goto done;
            }
            case '0': case '1': case '2': case '3': case '4':
            case '5': case '6': case '7': case '8': case '9':
                s = match_capture(ms, s, (unsigned char)*(p + 1));
                if (!s)
                    goto done;
                p += 2;
                continue;
            default:
                goto dflt;
            }
        default:
        dflt:
            ep = class_end(ms, p);
            if (!ep) {
                s = NULL;
                goto done;
            }
            if (!single(ms, s, p, ep)) {
                if (*ep == '*' || *ep == '?' || *ep == '-') {
                    p = ep + 1;
                    continue;
                }
                s = NULL;
                goto done;
            }
            switch (*ep) {
            case '?': {
                const char *res = match(ms, s + 1, ep + 1);
                if (res) {
                    s = res;
                    goto done;
                }
                p = ep + 1;
                continue;
            }
            case '+':
                s = max_expand(ms, s + 1, p, ep);
                goto done;
            case '*':
                s = max_expand(ms, s, p, ep);
                goto done;
            case '-':
                s = min_expand(ms, s, p, ep);
                goto done;
            default:
                s++;
                p = ep;
                continue;
            }
        }
    }
done:
    ms->depth++;
    return ms->stop ? NULL : s;
}

static void fresh_start(cost_state *ms)
{
    ms->level = 0;
    ms->depth = COST_MAXDEPTH;
}

uint64_t tt_pattern_cost(const char *s, size_t ls, const char *p, size_t lp,
                         tt_pattern_call call, size_t init, uint64_t max_n, uint64_t limit,
                         uint64_t *matches)
{
    cost_state ms;
    memset(&ms, 0, sizeof ms);
    ms.src_init = s;
    ms.src_end = s + ls;
    ms.p_end = p + lp;
    ms.limit = limit;
    *matches = 0;
    bool anchor = call != TT_PATTERN_GMATCH && lp > 0 && p[0] == '^';
    if (anchor)
        p++;
    if (init > ls) /* find/match answer nil, gmatch finds nothing */
        return 1;
    const char *src = s + init, *lastmatch = NULL;
    switch (call) {
    case TT_PATTERN_FIND:
        do {
            fresh_start(&ms);
            if (match(&ms, src, p)) {
                *matches = 1;
                break;
            }
        } while (src++ < ms.src_end && !anchor && !ms.stop);
        break;
    case TT_PATTERN_GMATCH:
        while (src <= ms.src_end && !ms.stop) {
            fresh_start(&ms);
            const char *e = match(&ms, src, p);
            if (e && e != lastmatch) {
                src = lastmatch = e;
                ++*matches;
            } else {
                src++;
            }
        }
        break;
    case TT_PATTERN_GSUB:
        while (*matches < max_n && !ms.stop) {
            fresh_start(&ms);
            const char *e = match(&ms, src, p);
            if (e && e != lastmatch) {
                ++*matches;
                src = lastmatch = e;
            } else if (src < ms.src_end) {
                src++; /* the character is copied to the result */
                step(&ms, 1);
            } else {
                break;
            }
            if (anchor)
                break;
        }
        break;
    }
    return ms.steps ? ms.steps : 1;
}
