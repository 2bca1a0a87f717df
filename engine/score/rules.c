/* Rating rules and score formula (docs/scorecard.md, "Rules"). */
#include "tabletop/score.h"
#include "tabletop/terms.h"

#include <math.h>
#include <string.h>
#include <strings.h>

static const char *const letters[] = { "P", "S", "M", "U", "N/A" };
static const tt_term rating_names[] = { LBL_RATING_P, LBL_RATING_S, LBL_RATING_M,
                                        LBL_RATING_U, LBL_RATING_NA };

const char *tt_rating_letter(tt_rating r)
{
    return (unsigned)r <= TT_RATING_NA ? letters[r] : "?";
}

const char *tt_rating_key(tt_rating r)
{
    return r == TT_RATING_NA ? "NA" : tt_rating_letter(r);
}

bool tt_rating_parse(const char *letter, tt_rating *out)
{
    for (int i = 0; letter && i <= TT_RATING_NA; i++) {
        if (strcmp(letter, letters[i]) == 0) {
            *out = (tt_rating)i;
            return true;
        }
    }
    return false;
}

const char *tt_rating_name(tt_rating r, tt_lang lang)
{
    return (unsigned)r <= TT_RATING_NA ? tt_term_text(rating_names[r], lang) : "";
}

static const tt_term priority_names[] = { LBL_PRIORITY_HIGH, LBL_PRIORITY_MEDIUM,
                                          LBL_PRIORITY_LOW };
static const char *const priority_keys[] = { "high", "medium", "low" };

const char *tt_priority_name(tt_priority p, tt_lang lang)
{
    return (unsigned)p <= TT_PRIORITY_LOW ? tt_term_text(priority_names[p], lang) : "";
}

const char *tt_priority_key(tt_priority p)
{
    return (unsigned)p <= TT_PRIORITY_LOW ? priority_keys[p] : "";
}

int tt_priority_due_days(tt_priority p)
{
    static const int days[] = { 30, 90, 180 };
    return (unsigned)p <= TT_PRIORITY_LOW ? days[p] : 180;
}

bool tt_card_format_from_path(const char *path, tt_card_format *out)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (!dot || strchr(dot, '/'))
        return false;
    if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
        *out = TT_CARD_HTML;
    else if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0)
        *out = TT_CARD_MD;
    else if (strcasecmp(dot, ".json") == 0)
        *out = TT_CARD_JSON;
    else
        return false;
    return true;
}

tt_rating tt_score_rate(tt_ms reached, tt_ms target, tt_ms limit, size_t harmful)
{
    if (reached == TT_MS_NEVER)
        return TT_RATING_U;
    tt_rating r = reached <= target ? TT_RATING_P
                : reached <= limit  ? TT_RATING_S
                                    : TT_RATING_M;
    /* Harm done on the way costs one step, but the objective was still
     * performed: never below M. */
    if (harmful > 0 && r < TT_RATING_M)
        r = (tt_rating)(r + 1);
    return r;
}

static double time_points(tt_ms t, tt_ms target, tt_ms limit)
{
    if (t <= target)
        return 100.0;
    if (t <= limit) {
        if (limit <= target)
            return 60.0;
        return 100.0 - 40.0 * (double)(t - target) / (double)(limit - target);
    }
    double span = limit > 0 ? (double)limit : 1.0;
    double p = 60.0 - 50.0 * (double)(t - limit) / span;
    return p < 10.0 ? 10.0 : p;
}

int tt_score_points(tt_ms reached, tt_ms target, tt_ms limit, size_t harmful,
                    size_t wasted)
{
    if (reached == TT_MS_NEVER)
        return 0;
    double harm = harmful > 3 ? 45.0 : 15.0 * (double)harmful;
    double waste = wasted > 3 ? 15.0 : 5.0 * (double)wasted;
    double p = floor(time_points(reached, target, limit) - harm - waste + 0.5);
    if (p < 1.0)
        p = 1.0;   /* reached at all is worth more than not reached */
    if (p > 100.0)
        p = 100.0;
    /* 100 means within target: a few seconds late must not round up to it
     * (a card reading "S, 100/100" contradicts itself). */
    if (reached > target && p > 99.0)
        p = 99.0;
    return (int)p;
}

/* The overall rating from counts of the assessed objectives. */
static tt_rating overall(int score, size_t assessed, size_t unable, size_t all_p)
{
    if (assessed == 0)
        return TT_RATING_NA;
    if (unable == assessed)
        return TT_RATING_U;
    /* Without challenges overall only when without challenges everywhere. */
    if (all_p == assessed)
        return TT_RATING_P;
    if (score >= 65)
        return TT_RATING_S;
    return TT_RATING_M;
}

tt_rating tt_score_overall_rating(int score, const tt_rating *ratings, size_t n)
{
    size_t assessed = 0, unable = 0, p = 0;
    for (size_t i = 0; i < n; i++) {
        if (ratings[i] == TT_RATING_NA)
            continue;
        assessed++;
        unable += ratings[i] == TT_RATING_U;
        p += ratings[i] == TT_RATING_P;
    }
    return overall(score, assessed, unable, p);
}

void tt_score_ended_now(const tt_scenario *sc, tt_ms now, const tt_ms *reached_at,
                        const tt_action_taken *taken, size_t n_taken,
                        tt_score_verdict *verdicts, tt_score_summary *out)
{
    long total = 0;
    size_t p = 0;
    *out = (tt_score_summary){ 0, TT_RATING_NA, 0, 0, 0 };
    for (size_t i = 0; i < sc->n_objectives; i++) {
        const tt_objective *o = &sc->objectives[i];
        tt_ms reached = reached_at[i];
        tt_score_verdict v = { TT_RATING_NA, 0, 0, 0 };
        for (size_t k = 0; k < n_taken; k++) {
            if (taken[k].action < 0 || (size_t)taken[k].action >= sc->n_actions)
                continue;
            if (reached != TT_MS_NEVER && taken[k].at >= reached)
                continue;
            const tt_action *a = &sc->actions[taken[k].action];
            if (a->harmful || taken[k].bad == TT_TAKEN_HARMFUL)
                v.harmful_before++;
            else if (a->wasted || taken[k].bad == TT_TAKEN_WASTED)
                v.wasted_before++;
        }
        /* The engine marks an objective missed when its limit comes, and
         * the scenario's end passes every limit still ahead. */
        bool limit_passed = now >= o->limit || now >= sc->length;
        if (reached != TT_MS_NEVER || limit_passed) {
            v.rating = tt_score_rate(reached, o->target, o->limit, v.harmful_before);
            v.score = tt_score_points(reached, o->target, o->limit, v.harmful_before,
                                      v.wasted_before);
            out->n_assessed++;
            out->n_unable += v.rating == TT_RATING_U;
            p += v.rating == TT_RATING_P;
            total += v.score;
        } else {
            out->n_not_assessed++;
        }
        if (verdicts)
            verdicts[i] = v;
    }
    if (out->n_assessed) {
        long n = (long)out->n_assessed;
        out->score = (int)((total + n / 2) / n);
    }
    out->rating = overall(out->score, out->n_assessed, out->n_unable, p);
}

tt_score_tone tt_score_summary_tone(const tt_score_summary *s)
{
    if (!s->n_assessed)
        return TT_TONE_NONE;
    if (s->n_unable)
        return s->score >= 50 ? TT_TONE_FAIR : TT_TONE_POOR;
    return s->score >= 80 ? TT_TONE_GOOD : s->score >= 50 ? TT_TONE_FAIR : TT_TONE_POOR;
}

const char *tt_score_tone_key(tt_score_tone t)
{
    static const char *const keys[] = { "none", "good", "fair", "poor" };
    return (unsigned)t <= TT_TONE_POOR ? keys[t] : "none";
}
