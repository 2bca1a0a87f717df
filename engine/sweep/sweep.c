/* Running a sweep: every (answer, seed) exercise played headless with its
 * records kept in memory and scored there, in forked worker processes that
 * send one fixed-size outcome per exercise through a pipe; then the
 * distributions (stats.c). */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"
#include "tabletop/exercise.h"
#include "tabletop/journal.h"
#include "tabletop/terms.h"

/* One exercise's outcome as sent by a worker. */
typedef struct run_head {
    uint64_t task;            /* answer * runs + (seed - first seed) */
    int32_t failed;
    int32_t score;
    int32_t rating;
    int32_t pad;
    char message[240];
} run_head;

typedef struct run_objective {
    int64_t reached_at;       /* TT_MS_NEVER when not reached */
    int32_t rating;
    int32_t pad;
} run_objective;

typedef struct plan {
    const tt_sweep_config *cfg;
    const tt_scenario *sc;
    size_t runs;              /* seeds per answer */
    size_t total;
    size_t n_obj, n_metrics;
    size_t *metric_index;     /* damage metrics: index into sc->metrics */
    size_t rec_size;
    tt_kv **settings;         /* per answer: its own, then the overrides */
    size_t *n_settings;
} plan;


static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* ---- One exercise ---- */

typedef struct collector {
    tt_journal journal;
    size_t cap;
    bool oom;
    bool refused;                 /* a REFUSED record was collected ... */
    size_t refused_at;            /* ... at this index (the array moves as it grows) */
} collector;

static void collect(void *user, const tt_record *r)
{
    collector *c = user;
    if (c->oom)
        return;
    tt_error err;
    if (tt_journal_add(&c->journal, &c->cap, r, &err) != 0) {
        c->oom = true;
        return;
    }
    if (r->type == TT_REC_REFUSED && !c->refused) {
        c->refused_at = c->journal.n_records - 1;
        c->refused = true;
    }
}

static void fail_run(run_head *h, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail_run(run_head *h, const char *fmt, ...)
{
    h->failed = 1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(h->message, sizeof h->message, fmt, ap); /* cut if long */
    va_end(ap);
}

/* c: the worker's collector, emptied here; its record array and arena
 * block are kept from one exercise to the next (no allocation churn). */
static void run_one(const plan *p, size_t task, unsigned char *blob, collector *c)
{
    memset(blob, 0, p->rec_size);
    run_head *h = (run_head *)blob;
    run_objective *objs = (run_objective *)(blob + sizeof *h);
    double *metrics = (double *)(objs + p->n_obj);
    size_t answer = task / p->runs;
    uint64_t seed = p->cfg->first_seed + task % p->runs;
    h->task = task;

    tt_journal_clear(&c->journal);
    c->oom = false;
    c->refused = false;
    c->refused_at = 0;
    tt_error err;
    tt_error_clear(&err);
    tt_exercise_config cfg = { .seed = seed, .settings = p->settings[answer],
                               .n_settings = p->n_settings[answer], .sink = collect,
                               .sink_user = c };
    tt_exercise *ex = tt_exercise_new(p->cfg->script, &cfg, &err);
    int rc = ex ? tt_exercise_start(ex, 0, &err) : -1;
    if (rc == 0)
        rc = tt_exercise_play(ex, &p->cfg->answers[answer], 0, &err);
    tt_exercise_free(ex);
    char where[40] = "";
    if (rc != 0) {
        if (err.line > 0)
            snprintf(where, sizeof where, ":%d", err.line);
        fail_run(h, "%s%s: %s", err.file[0] ? err.file : TT_MSG(E_SWEEP_EXERCISE), where, err.message);
    } else if (c->oom) {
        fail_run(h, TT_MSG(E_OUT_OF_MEMORY));
    } else if (p->cfg->strict && c->refused) {
        const tt_record *refused = &c->journal.records[c->refused_at];
        char t[32];
        tt_ms_format(refused->t, t, sizeof t);
        char what[160];
        snprintf(what, sizeof what, TT_MSG(E_SWEEP_STEP_BY_FMT), refused->id ? refused->id : TT_MSG(E_SWEEP_A_STEP),
                 refused->role ? refused->role : "?");
        const char *reason = tt_text_get(&refused->text, tt_lang_messages());
        fail_run(h, TT_MSG(E_SWEEP_REFUSED_AT_FMT), t, what,
                 reason && *reason ? reason : TT_MSG(E_SWEEP_NOT_AVAILABLE));
    } else {
        tt_scorecard card;
        if (tt_scorecard_build(&card, p->sc, &c->journal, NULL, NULL, &err) != 0) {
            fail_run(h, TT_MSG(E_SWEEP_CANNOT_SCORE_FMT), err.message);
        } else {
            h->score = card.score;
            h->rating = (int32_t)card.rating;
            for (size_t i = 0; i < p->n_obj && i < card.n_objectives; i++) {
                objs[i].reached_at = card.objectives[i].reached
                                         ? card.objectives[i].reached_at : TT_MS_NEVER;
                objs[i].rating = (int32_t)card.objectives[i].rating;
            }
            for (size_t m = 0; m < p->n_metrics; m++) {
                metrics[m] = NAN;
                const tt_metric *def = &p->sc->metrics[p->metric_index[m]];
                for (size_t d = 0; d < card.n_damage; d++) {
                    const tt_score_damage *dm = &card.damage[d];
                    if (dm->def != def || !dm->known)
                        continue;
                    metrics[m] = dm->final.type == TT_VAL_INT    ? (double)dm->final.as.i
                                 : dm->final.type == TT_VAL_NUM  ? dm->final.as.n
                                 : dm->final.type == TT_VAL_BOOL ? (double)dm->final.as.b
                                                                 : NAN;
                }
            }
            tt_scorecard_free(&card);
        }
    }
}

/* ---- Workers ---- */

static int write_all(int fd, const void *buf, size_t len)
{
    const unsigned char *p = buf;
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

typedef struct worker {
    pid_t pid;
    int fd;
    unsigned char *buf;       /* a partly read outcome */
    size_t have;
    bool open;
} worker;

static void store(const plan *p, unsigned char *results, const unsigned char *blob,
                  size_t *done)
{
    const run_head *h = (const run_head *)blob;
    if (h->task < p->total) {
        memcpy(results + h->task * p->rec_size, blob, p->rec_size);
        (*done)++;
        if (p->cfg->progress)
            p->cfg->progress(p->cfg->progress_user, *done, p->total);
    }
}

static int run_forked(const plan *p, int jobs, unsigned char *results, tt_error *err)
{
    worker *w = calloc((size_t)jobs, sizeof *w);
    if (!w) {
        tt_error_oom(err, NULL);
        return -1;
    }
    int rc = 0;
    int started = 0;
    fflush(NULL); /* nothing buffered is written twice by a child */
    for (; started < jobs; started++) {
        int fds[2];
        w[started].buf = malloc(p->rec_size);
        if (!w[started].buf || pipe(fds) != 0) {
            tt_error_runtime(err, NULL, TT_MSG(E_SWEEP_CANNOT_START_WORKER_FMT), tt_os_error(errno));
            rc = -1;
            break;
        }
        pid_t pid = fork();
        if (pid < 0) {
            close(fds[0]);
            close(fds[1]);
            tt_error_runtime(err, NULL, TT_MSG(E_SWEEP_CANNOT_START_WORKER_FMT), tt_os_error(errno));
            rc = -1;
            break;
        }
        if (pid == 0) {
            close(fds[0]);
            for (int k = 0; k < started; k++)
                close(w[k].fd);
            unsigned char *blob = malloc(p->rec_size);
            collector c = { 0 };
            int status = blob ? 0 : 1;
            for (size_t t = (size_t)started; blob && t < p->total; t += (size_t)jobs) {
                run_one(p, t, blob, &c);
                if (write_all(fds[1], blob, p->rec_size) != 0) {
                    status = 1;
                    break;
                }
            }
            free(blob);
            tt_journal_free(&c.journal);
            _exit(status);
        }
        close(fds[1]);
        w[started].pid = pid;
        w[started].fd = fds[0];
        w[started].open = true;
    }

    size_t done = 0;
    struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
    if (!pfd && rc == 0) {
        tt_error_oom(err, NULL);
        rc = -1;
    }
    for (;;) {
        int n = 0;
        for (int k = 0; pfd && k < started; k++)
            if (w[k].open) {
                pfd[n].fd = w[k].fd;
                pfd[n].events = POLLIN;
                n++;
            }
        if (n == 0)
            break;
        if (poll(pfd, (nfds_t)n, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int k = 0, i = 0; k < started; k++) {
            if (!w[k].open)
                continue;
            short ev = pfd[i++].revents;
            if (!(ev & (POLLIN | POLLHUP | POLLERR)))
                continue;
            ssize_t got = read(w[k].fd, w[k].buf + w[k].have, p->rec_size - w[k].have);
            if (got < 0 && errno == EINTR)
                continue;
            if (got <= 0) {
                close(w[k].fd);
                w[k].open = false;
                continue;
            }
            w[k].have += (size_t)got;
            if (w[k].have == p->rec_size) {
                store(p, results, w[k].buf, &done);
                w[k].have = 0;
            }
        }
    }
    free(pfd);
    for (int k = 0; k < started; k++) {
        int status = 0;
        while (waitpid(w[k].pid, &status, 0) < 0 && errno == EINTR)
            ;
        if (rc == 0 && (!WIFEXITED(status) || WEXITSTATUS(status) != 0)) {
            tt_error_runtime(err, NULL,
                             WIFSIGNALED(status) ? TT_MSG(E_SWEEP_WORKER_SIGNAL_FMT)
                                                 : TT_MSG(E_SWEEP_WORKER_STATUS_FMT),
                             WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
            rc = -1;
        }
        if (w[k].open)
            close(w[k].fd);
        free(w[k].buf);
    }
    free(w);
    if (rc == 0 && done != p->total) {
        tt_error_runtime(err, NULL, TT_MSG(E_SWEEP_WORKERS_RETURNED_FMT), done,
                         p->total);
        rc = -1;
    }
    return rc;
}

static int run_here(const plan *p, unsigned char *results)
{
    size_t done = 0;
    unsigned char *blob = malloc(p->rec_size);
    if (!blob)
        return -1;
    collector c = { 0 };
    for (size_t t = 0; t < p->total; t++) {
        run_one(p, t, blob, &c);
        store(p, results, blob, &done);
    }
    free(blob);
    tt_journal_free(&c.journal);
    return 0;
}

/* ---- Aggregation ---- */

typedef struct valued {
    double v;
    uint64_t seed;
} valued;

static int by_value_then_seed(const void *a, const void *b)
{
    const valued *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return x->seed < y->seed ? -1 : x->seed > y->seed;
}

/* vals is sorted here. fixed_range: a 0..100 score histogram. */
static void distribution(sw_dist *d, valued *vals, size_t n, bool fixed_range)
{
    memset(d, 0, sizeof *d);
    d->n = n;
    if (n == 0)
        return;
    qsort(vals, n, sizeof *vals, by_value_then_seed);
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        sum += vals[i].v;
    d->mean = sum / (double)n;
    d->min = vals[0].v;
    d->min_seed = vals[0].seed;
    d->max = vals[n - 1].v;
    size_t first_max = n - 1;
    while (first_max > 0 && vals[first_max - 1].v == d->max)
        first_max--;
    d->max_seed = vals[first_max].seed;
    for (size_t i = first_max; i < n; i++)
        if (vals[i].seed < d->max_seed)
            d->max_seed = vals[i].seed;
    size_t i10 = (size_t)ceil(0.10 * (double)n), i50 = (size_t)ceil(0.50 * (double)n),
           i90 = (size_t)ceil(0.90 * (double)n);
    d->p10 = vals[i10 ? i10 - 1 : 0].v;
    d->median = vals[i50 ? i50 - 1 : 0].v;
    d->p90 = vals[i90 ? i90 - 1 : 0].v;
    d->lo = fixed_range ? 0 : d->min;
    d->hi = fixed_range ? 100 : d->max;
    for (size_t i = 0; i < n; i++) {
        size_t bin = 0;
        if (d->hi > d->lo)
            bin = (size_t)((vals[i].v - d->lo) / (d->hi - d->lo) * SW_BINS);
        if (bin >= SW_BINS)
            bin = SW_BINS - 1;
        d->hist[bin]++;
    }
}

static int aggregate(tt_sweep *sw, const plan *p, const unsigned char *results)
{
    valued *vals = malloc((p->runs + 1) * sizeof *vals);
    if (!vals)
        return -1;
    for (size_t a = 0; a < sw->n_answers; a++) {
        sw_answer *ans = &sw->answers[a];
        ans->path = p->cfg->answers[a].path;
        ans->runs = p->runs;
        ans->objectives = calloc(p->n_obj + 1, sizeof *ans->objectives);
        ans->metrics = calloc(p->n_metrics + 1, sizeof *ans->metrics);
        if (!ans->objectives || !ans->metrics) {
            free(vals);
            return -1;
        }
        ans->n_metrics = p->n_metrics;
        const unsigned char *base = results + a * p->runs * p->rec_size;
#define HEAD(r) ((const run_head *)(base + (r) * p->rec_size))
#define OBJS(r) ((const run_objective *)(base + (r) * p->rec_size + sizeof(run_head)))
#define METRICS(r) ((const double *)(OBJS(r) + p->n_obj))
        size_t n = 0;
        for (size_t r = 0; r < p->runs; r++) {
            const run_head *h = HEAD(r);
            uint64_t seed = p->cfg->first_seed + r;
            if (h->failed) {
                if (ans->n_failures < SW_MAX_LISTED) {
                    ans->listed[ans->n_failures].seed = seed;
                    snprintf(ans->listed[ans->n_failures].message,
                             sizeof ans->listed[0].message, "%s", h->message);
                }
                ans->n_failures++;
                continue;
            }
            vals[n++] = (valued){ h->score, seed };
            if (h->rating >= 0 && h->rating < 4)
                ans->ratings[h->rating]++;
        }
        ans->scored = n;
        sw->failures += ans->n_failures;
        distribution(&ans->score, vals, n, true);
        for (size_t o = 0; o < p->n_obj; o++) {
            sw_objective *so = &ans->objectives[o];
            so->def = &p->sc->objectives[o];
            n = 0;
            for (size_t r = 0; r < p->runs; r++) {
                if (HEAD(r)->failed)
                    continue;
                const run_objective *ro = &OBJS(r)[o];
                if (ro->rating >= 0 && ro->rating < 4)
                    so->ratings[ro->rating]++;
                if (ro->reached_at != TT_MS_NEVER)
                    vals[n++] = (valued){ (double)ro->reached_at / 1000.0,
                                          p->cfg->first_seed + r };
            }
            so->reached = n;
            distribution(&so->reach_s, vals, n, false);
        }
        for (size_t m = 0; m < p->n_metrics; m++) {
            sw_metric *sm = &ans->metrics[m];
            sm->def = &p->sc->metrics[p->metric_index[m]];
            n = 0;
            for (size_t r = 0; r < p->runs; r++)
                if (!HEAD(r)->failed && !isnan(METRICS(r)[m]))
                    vals[n++] = (valued){ METRICS(r)[m], p->cfg->first_seed + r };
            distribution(&sm->value, vals, n, false);
        }
#undef HEAD
#undef OBJS
#undef METRICS
    }
    free(vals);
    return 0;
}

/* ---- The sweep ---- */

static void free_plan(plan *p, size_t n_answers)
{
    for (size_t a = 0; p->settings && a < n_answers; a++)
        free(p->settings[a]);
    free(p->settings);
    free(p->n_settings);
    free(p->metric_index);
}

static void put_setting(tt_kv *arr, size_t *n, const tt_kv *kv)
{
    for (size_t i = 0; i < *n; i++)
        if (strcmp(arr[i].key, kv->key) == 0) {
            arr[i] = *kv;
            return;
        }
    arr[(*n)++] = *kv;
}

int tt_sweep_run(const tt_sweep_config *cfg, tt_sweep **out, bool *bad_input, tt_error *err)
{
    *out = NULL;
    *bad_input = false;
    tt_error_clear(err);
    if (cfg->last_seed < cfg->first_seed || cfg->n_answers == 0 ||
        cfg->last_seed - cfg->first_seed >= 100000000) {
        tt_error_set(err, NULL, 0, 0, TT_MSG(E_SWEEP_NOTHING_TO_RUN));
        *bad_input = true;
        return -1;
    }
    plan p = { .cfg = cfg, .sc = tt_script_scenario(cfg->script) };
    p.runs = (size_t)(cfg->last_seed - cfg->first_seed) + 1;
    p.total = p.runs * cfg->n_answers;
    p.n_obj = p.sc->n_objectives;
    p.metric_index = calloc(p.sc->n_metrics + 1, sizeof *p.metric_index);
    p.settings = calloc(cfg->n_answers, sizeof *p.settings);
    p.n_settings = calloc(cfg->n_answers, sizeof *p.n_settings);
    tt_sweep *sw = calloc(1, sizeof *sw);
    if (!p.metric_index || !p.settings || !p.n_settings || !sw)
        goto oom;
    for (size_t i = 0; i < p.sc->n_metrics; i++)
        if (p.sc->metrics[i].damage)
            p.metric_index[p.n_metrics++] = i;
    p.rec_size = sizeof(run_head) + p.n_obj * sizeof(run_objective) +
                 p.n_metrics * sizeof(double);

    /* Each answer's settings, checked now: bad ones are the user's input. */
    for (size_t a = 0; a < cfg->n_answers; a++) {
        const tt_action_script *ans = &cfg->answers[a];
        p.settings[a] = calloc(ans->n_settings + cfg->n_overrides + 1, sizeof **p.settings);
        if (!p.settings[a])
            goto oom;
        for (size_t i = 0; i < ans->n_settings; i++)
            put_setting(p.settings[a], &p.n_settings[a], &ans->settings[i]);
        for (size_t i = 0; i < cfg->n_overrides; i++)
            put_setting(p.settings[a], &p.n_settings[a], &cfg->overrides[i]);
        tt_rng rng;
        tt_rng_seed(&rng, 1, 1);
        if (tt_script_begin(cfg->script, &rng, p.settings[a], p.n_settings[a], err) != 0) {
            char msg[sizeof err->message];
            snprintf(msg, sizeof msg, "%s", err->message);
            tt_error_set(err, ans->path, 0, 0, TT_MSG(E_SWEEP_SETTINGS_FMT), msg);
            *bad_input = true;
            goto fail;
        }
    }

    sw->sc = p.sc;
    sw->scenario_path = strdup(cfg->scenario_path ? cfg->scenario_path : p.sc->path);
    sw->first_seed = cfg->first_seed;
    sw->last_seed = cfg->last_seed;
    sw->strict = cfg->strict;
    sw->n_answers = cfg->n_answers;
    sw->answers = calloc(cfg->n_answers, sizeof *sw->answers);
    sw->overrides = calloc(cfg->n_overrides + 1, sizeof *sw->overrides);
    if (!sw->scenario_path || !sw->answers || !sw->overrides)
        goto oom;
    for (size_t i = 0; i < cfg->n_overrides; i++) {
        sw->overrides[i] = cfg->overrides[i];
        sw->overrides[i].key = strdup(cfg->overrides[i].key);
        if (cfg->overrides[i].value.type == TT_VAL_STR)
            sw->overrides[i].value.as.s = strdup(cfg->overrides[i].value.as.s);
        sw->n_overrides++;
        if (!sw->overrides[i].key || (cfg->overrides[i].value.type == TT_VAL_STR &&
                                      !sw->overrides[i].value.as.s))
            goto oom;
    }

    int jobs = cfg->jobs < 1 ? 1 : cfg->jobs;
    if ((size_t)jobs > p.total)
        jobs = (int)p.total;
    sw->jobs = jobs;
    unsigned char *results = calloc(p.total, p.rec_size);
    if (!results)
        goto oom;
    double start = now_s();
    int rc = jobs == 1 ? run_here(&p, results) : run_forked(&p, jobs, results, err);
    sw->seconds = now_s() - start;
    if (rc != 0) {
        if (!err->message[0])
            tt_error_oom(err, NULL);
        free(results);
        goto fail;
    }
    rc = aggregate(sw, &p, results);
    free(results);
    if (rc != 0)
        goto oom;
    free_plan(&p, cfg->n_answers);
    *out = sw;
    return 0;
oom:
    tt_error_oom(err, NULL);
fail:
    free_plan(&p, cfg->n_answers);
    tt_sweep_free(sw);
    return -1;
}

size_t tt_sweep_failures(const tt_sweep *sw)
{
    return sw->failures;
}

void tt_sweep_free(tt_sweep *sw)
{
    if (!sw)
        return;
    for (size_t a = 0; sw->answers && a < sw->n_answers; a++) {
        free(sw->answers[a].objectives);
        free(sw->answers[a].metrics);
    }
    free(sw->answers);
    for (size_t i = 0; i < sw->n_overrides; i++) {
        free((char *)sw->overrides[i].key);
        if (sw->overrides[i].value.type == TT_VAL_STR)
            free((char *)sw->overrides[i].value.as.s);
    }
    free(sw->overrides);
    free(sw->scenario_path);
    free(sw);
}
