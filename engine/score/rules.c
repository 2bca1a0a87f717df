/* Rating rules and score formula (docs/scorecard.md, "Rules"). */
#include "tabletop/score.h"
#include "tabletop/terms.h"

#include <math.h>
#include <string.h>
#include <strings.h>

static const char *const letters[] = { "P", "S", "M", "U" };
static const tt_term rating_names[] = { LBL_RATING_P, LBL_RATING_S, LBL_RATING_M,
                                        LBL_RATING_U };

const char *tt_rating_letter(tt_rating r)
{
    return (unsigned)r <= TT_RATING_U ? letters[r] : "?";
}

bool tt_rating_parse(const char *letter, tt_rating *out)
{
    for (int i = 0; letter && i <= TT_RATING_U; i++) {
        if (strcmp(letter, letters[i]) == 0) {
            *out = (tt_rating)i;
            return true;
        }
    }
    return false;
}

const char *tt_rating_name(tt_rating r, tt_lang lang)
{
    return (unsigned)r <= TT_RATING_U ? tt_term_text(rating_names[r], lang) : "";
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

tt_rating tt_score_overall_rating(int score, const tt_rating *ratings, size_t n)
{
    bool any_reached = false, all_p = n > 0;
    for (size_t i = 0; i < n; i++) {
        if (ratings[i] != TT_RATING_U)
            any_reached = true;
        if (ratings[i] != TT_RATING_P)
            all_p = false;
    }
    if (!any_reached)
        return TT_RATING_U;
    /* Without challenges overall only when without challenges everywhere. */
    if (all_p)
        return TT_RATING_P;
    if (score >= 65)
        return TT_RATING_S;
    return TT_RATING_M;
}
