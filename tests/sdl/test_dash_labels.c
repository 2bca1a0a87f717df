/* Label collisions (issue 9, "the dashboard shows full names"): every
 * scenario in scenarios/ is played with its model answer and drawn in ja
 * and en, at 1920x1080 and at the smallest supported window (1280x720), at
 * several points of the drill and with each role's actions in view. Every
 * text drawn is logged as a reader sees it (ellipsis, clip, lines left out,
 * short form; dash_labels.c), and no two different texts may read the same
 * when one of them is cut. A crafted scenario shows that wrapping keeps
 * long names whole and that the check does catch a collision. Open
 * objectives show the time left to their target as a number. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <SDL_image.h>

#include "offscreen.h"
#include "dash.h"
#include "played.h"

typedef struct report {
    const char *what;           /* scenario, language, size, time, role */
    const dash_layout *layout;
    size_t shown;               /* collisions printed so far */
} report;

static const char *region_of(const dash_layout *l, SDL_Rect at)
{
    for (int i = 0; i < R__COUNT; i++) {
        SDL_Rect r = l->r[i];
        if (at.x >= r.x && at.x < r.x + r.w && at.y >= r.y && at.y < r.y + r.h)
            return dash_region_name((dash_region)i);
    }
    return at.w == 0 ? "short form" : "board";
}

static void print_collision(void *user, const dash_label *a, const dash_label *b)
{
    report *rp = user;
    if (rp->shown++ >= 20)
        return;
    fprintf(stderr, "collision (%s): \"%s\" (%s) and \"%s\" (%s) both read \"%s\"\n", rp->what,
            a->full, region_of(rp->layout, a->at), b->full, region_of(rp->layout, b->at),
            a->shown);
}

/* One board: draws the view at `at` with each role selected in turn and
 * counts collisions (printed); *logged gets how many texts were seen. */
static size_t board_collisions(const played *p, const char *name, tt_lang lang, int w, int h,
                               tt_ms at, size_t *logged, dash_label_log *keep)
{
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
    assert_non_null(r);
    dash_gfx g;
    tt_error err;
    tt_error_clear(&err);
    if (dash_gfx_init(&g, r, NULL, 0, &err) != 0 || dash_gfx_resize(&g, w, h, false, &err) != 0)
        fail_msg("%s", err.message);
    dash_view v;
    dash_view_init(&v);
    const tt_scenario *sc = tt_script_scenario(p->script);
    assert_int_equal(dash_view_build(&v, sc, p->recs, p->n, at, lang, &err), 0);
    dash_label_log log;
    memset(&log, 0, sizeof log);
    g.labels = &log;
    size_t found = 0;
    *logged = 0;
    size_t roles = sc->n_roles ? sc->n_roles : 1;
    for (size_t role = 0; role < roles; role++) {
        dash_ui ui;
        memset(&ui, 0, sizeof ui);
        ui.mode = DASH_SNAPSHOT;
        ui.role = (int)role;
        dash_label_log_clear(&log);
        dash_draw(&g, &v, &ui);
        assert_false(log.failed);
        char t[32], what[256];
        tt_ms_format(at, t, sizeof t);
        snprintf(what, sizeof what, "%s %s %dx%d at %s, role %zu", name,
                 lang == TT_LANG_JA ? "ja" : "en", w, h, t, role + 1);
        report rp = { what, &g.layout, 0 };
        found += dash_label_collisions(&log, print_collision, &rp);
        /* TT_LABELS_CUT=1 lists the names cut or shortened (where a
         * scenario may want a short form). */
        for (size_t i = 0; getenv("TT_LABELS_CUT") && role == 0 && i < log.n; i++) {
            const char *reg = region_of(&g.layout, log.items[i].at);
            if (log.items[i].cut && strcmp(reg, "feed") != 0 && strcmp(reg, "header") != 0)
                fprintf(stderr, "cut (%s, %s): \"%s\" reads \"%s\"\n", what, reg,
                        log.items[i].full, log.items[i].shown);
        }
        *logged += log.n;
        /* Every open objective shows the time left to its target as a
         * number (countdown line, or the chip when rows are dense). */
        for (size_t i = 0; role == 0 && i < sc->n_objectives; i++) {
            const dash_objective *o = &v.objectives[i];
            if (o->status != TT_OBJECTIVE_OPEN || at > o->target_at || v.ended)
                continue;
            char left[32];
            tt_span_format(o->target_at - at, left, sizeof left);
            bool seen = false;
            for (size_t k = 0; k < log.n && !seen; k++)
                seen = strstr(log.items[k].shown, left) != NULL;
            if (!seen)
                fail_msg("%s: objective %s shows no time left (%s)", what,
                         sc->objectives[i].id, left);
        }
        if (keep && role == 0) {
            *keep = log;
            memset(&log, 0, sizeof log);
        }
    }
    /* TT_LABELS_PNG=DIR keeps the boards to look at (first role). */
    const char *keep_dir = getenv("TT_LABELS_PNG");
    if (keep_dir) {
        dash_ui ui;
        memset(&ui, 0, sizeof ui);
        ui.mode = DASH_SNAPSHOT;
        g.labels = NULL;
        dash_draw(&g, &v, &ui);
        SDL_RenderFlush(r);
        char png[1024];
        snprintf(png, sizeof png, "%s/%s-%s-%dx%d-%lld.png", keep_dir, name,
                 lang == TT_LANG_JA ? "ja" : "en", w, h, (long long)(at / 1000));
        IMG_SavePNG(s, png);
    }
    dash_label_log_free(&log);
    dash_view_free(&v);
    dash_gfx_free(&g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
    return found;
}

static const int SIZES[][2] = { { 1920, 1080 }, { 1280, 720 } };

/* Every board of a played drill: both languages, both sizes, five times. */
static size_t drill_collisions(const played *p, const char *name, size_t *boards)
{
    const tt_scenario *sc = tt_script_scenario(p->script);
    tt_ms end = p->recs[p->n - 1].t;
    if (end <= 0)
        end = sc->length;
    size_t found = 0;
    for (int li = 0; li < 2; li++)
        for (size_t si = 0; si < sizeof SIZES / sizeof SIZES[0]; si++)
            for (int k = 0; k <= 4; k++) {
                size_t logged;
                found += board_collisions(p, name, li ? TT_LANG_EN : TT_LANG_JA,
                                          SIZES[si][0], SIZES[si][1], end * k / 4, &logged,
                                          NULL);
                /* The log saw the board: titles, metrics, roles, objectives. */
                assert_true(logged > 20);
                (*boards)++;
            }
    return found;
}

typedef struct tally {
    size_t boards, found;
} tally;

static void check_scenario(void *user, const char *id, const played *p)
{
    tally *t = user;
    t->found += drill_collisions(p, id, &t->boards);
}

static void test_every_scenario_has_no_label_collision(void **state)
{
    (void)state;
    tally t = { 0, 0 };
    size_t scenarios = play_every_scenario(check_scenario, &t);
    fprintf(stderr, "%zu scenarios, %zu boards, %zu label collisions\n", scenarios, t.boards,
            t.found);
    assert_true(scenarios >= 6);
    assert_int_equal(t.found, 0);
}

/* Two metrics, two roles and two outside parties whose names start alike
 * and give no short form (as many roles and kinds of parties as the six
 * scenarios have). */
#define CRAFTED(A, B)                                                                      \
    "local function t(x) return { ja = x, en = x } end\n"                                 \
    "return scenario {\n"                                                                  \
    "  id = 'crafted', source = 'test', length = '2h',\n"                                  \
    "  title = t('crafted'), summary = t('crafted'), invented = t('all'),\n"               \
    "  roles = { a = { name = t('" A " role') }, b = { name = t('" B " role') },\n"        \
    "            c = { name = t('C') } },\n"                                               \
    "  actors = { x = { kind = 'vendor', name = t('" A " party'), delay = { '1m', '2m' } },\n" \
    "             y = { kind = 'ministry', name = t('" B " party'), delay = { '1m', '2m' } },\n" \
    "             z = { kind = 'department', name = t('Z'), delay = { '1m', '2m' } },\n"   \
    "             w = { kind = 'department', name = t('W'), delay = { '1m', '2m' } } },\n" \
    "  state = { m1 = 0, m2 = 0, m3 = 0, m4 = 0, m5 = 0, m6 = 0 },\n"                      \
    "  metrics = { m1 = { label = t('" A " metric') }, m2 = { label = t('" B " metric') },\n" \
    "              m3 = { label = t('three') }, m4 = { label = t('four') },\n"             \
    "              m5 = { label = t('five') }, m6 = { label = t('six') } },\n"             \
    "  injects = { { id = 'go', at = '0m', text = t('go') } },\n"                          \
    "  actions = { act = { by = 'a', label = t('act'), takes = '1m' } },\n"                \
    "  objectives = { o = { phase = 'isolate', title = t('o'), target = '1h', limit = '2h',\n" \
    "                       when = function(s) return s.m1 > 0 end } },\n"                 \
    "}\n"

/* Names as long as the scenarios' longest, sharing all but their last
 * word, wrap onto a second line and stay whole; names far too long for any box are cut, and the check says so. */
static void test_crafted_scenario_wraps_and_the_check_fails(void **state)
{
    (void)state;
    static const char wraps[] = CRAFTED("Regional office north", "Regional office south");
    static const char too_long[] = CRAFTED(
        "Files encrypted on the file server of the western branch office in the old annex "
        "building beside the river, first floor, north wing, room A",
        "Files encrypted on the file server of the western branch office in the old annex "
        "building beside the river, first floor, north wing, room B");
    played p;
    play(&p, "wraps.lua", wraps, NULL);
    for (size_t si = 0; si < sizeof SIZES / sizeof SIZES[0]; si++) {
        size_t logged;
        dash_label_log log;
        assert_int_equal(board_collisions(&p, "wraps", TT_LANG_EN, SIZES[si][0], SIZES[si][1],
                                          0, &logged, &log), 0);
        /* The long names are on the board whole, wrapped where needed. */
        const char *names[] = { "Regional office north metric",
                                "Regional office south metric",
                                "Regional office north party",
                                "Regional office south party",
                                "Regional office north role",
                                "Regional office south role",
                                "1 Regional office north role",
                                "2 Regional office south role" };
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
            bool whole = false;
            for (size_t i = 0; i < log.n; i++)
                whole |= strcmp(log.items[i].full, names[k]) == 0 && !log.items[i].cut;
            if (!whole)
                fail_msg("%dx%d: \"%s\" is not shown whole", SIZES[si][0], SIZES[si][1],
                         names[k]);
        }
        dash_label_log_free(&log);
    }
    unplay(&p);

    play(&p, "too-long.lua", too_long, NULL);
    size_t logged;
    size_t found = board_collisions(&p, "too-long (expected)", TT_LANG_EN, 1280, 720, 0,
                                    &logged, NULL);
    assert_true(found >= 1);
    unplay(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_crafted_scenario_wraps_and_the_check_fails),
        cmocka_unit_test(test_every_scenario_has_no_label_collision),
    };
    return cmocka_run_group_tests(tests, offscreen_up, offscreen_down);
}
