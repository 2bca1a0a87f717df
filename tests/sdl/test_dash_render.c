/* Off-screen renders of the board checked against expectations: regions
 * present, text drawn in them, objective chip colours, Japanese glyphs,
 * ja/en differ, text cached, PNG written. Never needs a display. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include <SDL_image.h>

#include "offscreen.h"
#include "dash.h"
#include "fixture.h"

static fixture F;

static int setup(void **state)
{
    fixture_build(&F);
    return offscreen_up(state);
}

static SDL_Color pixel(SDL_Surface *s, int x, int y)
{
    Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    SDL_Color c;
    SDL_GetRGBA(p, s->format, &c.r, &c.g, &c.b, &c.a);
    return c;
}

static bool near(SDL_Color a, SDL_Color b, int tol)
{
    return abs(a.r - b.r) <= tol && abs(a.g - b.g) <= tol && abs(a.b - b.b) <= tol;
}

/* Pixels in r that are neither the page nor the panel background. */
static long ink(SDL_Surface *s, SDL_Rect r)
{
    long n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++) {
            SDL_Color c = pixel(s, x, y);
            if (!near(c, DASH_COL_BG, 2) && !near(c, DASH_COL_PANEL, 2))
                n++;
        }
    return n;
}

static long diff_pixels(SDL_Surface *a, SDL_Surface *b, SDL_Rect r)
{
    long n = 0;
    for (int y = r.y; y < r.y + r.h; y++)
        for (int x = r.x; x < r.x + r.w; x++)
            if (!near(pixel(a, x, y), pixel(b, x, y), 0))
                n++;
    return n;
}

static SDL_Surface *render(tt_ms at, int w, int h, tt_lang lang, dash_layout *l,
                           dash_ui *ui)
{
    tt_error err;
    tt_error_clear(&err);
    SDL_Surface *s = dash_render_surface(&F.sc, F.j.records, F.j.n_records, at, w, h,
                                         lang, NULL, 0, l, ui, &err);
    if (!s)
        fprintf(stderr, "render: %s\n", err.message);
    assert_non_null(s);
    assert_int_equal(s->w, w);
    assert_int_equal(s->h, h);
    return s;
}

/* Every region is drawn and holds text at both projector sizes. */
static void test_regions_have_text(void **state)
{
    (void)state;
    static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };
    for (size_t k = 0; k < 2; k++) {
        dash_layout l;
        dash_ui ui;
        SDL_Surface *s = render(MIN(30), sizes[k][0], sizes[k][1], TT_LANG_EN, &l, &ui);
        for (int i = 0; i < R__COUNT; i++) {
            if (i == R_SCRUBBER)
                continue;
            SDL_Rect r = l.r[i];
            /* The panel itself is drawn: its corner has the panel colour. */
            assert_true(near(pixel(s, r.x + 1, r.y + 1), DASH_COL_PANEL, 2));
            long n = ink(s, r);
            if (n < (long)r.w * r.h / 200)
                fail_msg("%dx%d: region %s has too little drawn (%ld px)", sizes[k][0],
                         sizes[k][1], dash_region_name(i), n);
        }
        /* Outside the panels only the background shows (gaps between). */
        SDL_Rect gap = { l.r[R_FEED].x + l.r[R_FEED].w + 1, l.r[R_FEED].y + 10, 1, 20 };
        assert_int_equal(ink(s, gap), 0);
        SDL_FreeSurface(s);
    }
}

/* Status chips: reached green, missed red, open blue (overdue amber). */
static void test_objective_chip_colours(void **state)
{
    (void)state;
    dash_layout l;
    dash_ui ui;
    SDL_Surface *s = render(MIN(60), 1920, 1080, TT_LANG_EN, &l, &ui);
    assert_int_equal(ui.n_chips, 3);
    SDL_Color want[3] = { DASH_COL_REACHED, DASH_COL_MISSED, DASH_COL_OPEN };
    for (int i = 0; i < 3; i++) {
        SDL_Rect c = ui.chips[i];
        assert_true(c.w > 10 && c.h > 10);
        SDL_Rect in;
        assert_true(SDL_IntersectRect(&c, &l.r[R_OBJECTIVES], &in));
        /* Sample the chip's corners, away from its label. */
        assert_true(near(pixel(s, c.x + 2, c.y + 2), want[i], 3));
        assert_true(near(pixel(s, c.x + c.w - 3, c.y + c.h - 3), want[i], 3));
        /* and its label is drawn on it */
        long label = 0;
        for (int y = c.y; y < c.y + c.h; y++)
            for (int x = c.x; x < c.x + c.w; x++)
                label += !near(pixel(s, x, y), want[i], 3);
        assert_true(label > 20);
    }
    SDL_FreeSurface(s);
    /* Recover is past no target at 60m; at 130m it is overdue (amber). */
    s = render(MIN(130), 1280, 720, TT_LANG_EN, &l, &ui);
    assert_true(near(pixel(s, ui.chips[2].x + 2, ui.chips[2].y + 2), DASH_COL_OVERDUE, 3));
    SDL_FreeSurface(s);
    /* Before anything settles all three are open. */
    s = render(MIN(1), 1280, 720, TT_LANG_EN, &l, &ui);
    for (int i = 0; i < 3; i++)
        assert_true(near(pixel(s, ui.chips[i].x + 2, ui.chips[i].y + 2), DASH_COL_OPEN, 3));
    SDL_FreeSurface(s);
}

static SDL_Surface *glyph(TTF_Font *f, Uint32 ch)
{
    char utf8[8] = { 0 };
    /* Encode one code point as UTF-8. */
    if (ch < 0x800) {
        utf8[0] = (char)(0xC0 | (ch >> 6));
        utf8[1] = (char)(0x80 | (ch & 0x3F));
    } else if (ch < 0x10000) {
        utf8[0] = (char)(0xE0 | (ch >> 12));
        utf8[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
        utf8[2] = (char)(0x80 | (ch & 0x3F));
    } else {
        utf8[0] = (char)(0xF0 | (ch >> 18));
        utf8[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
        utf8[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
        utf8[3] = (char)(0x80 | (ch & 0x3F));
    }
    SDL_Color white = { 255, 255, 255, 255 };
    SDL_Surface *s = TTF_RenderUTF8_Blended(f, utf8, white);
    assert_non_null(s);
    SDL_Surface *c = SDL_ConvertSurfaceFormat(s, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(s);
    assert_non_null(c);
    return c;
}

static long alpha_diff(SDL_Surface *a, SDL_Surface *b)
{
    int w = a->w < b->w ? a->w : b->w, h = a->h < b->h ? a->h : b->h;
    long n = labs((long)a->w - b->w) * h;
    for (int y = 0; y < h; y++)
        for (int x = 0; x < w; x++)
            n += pixel(a, x, y).a != pixel(b, x, y).a;
    return n;
}

/* The font found through fontconfig covers Japanese, and a katakana renders
 * as itself, not as the missing-glyph box. */
static void test_japanese_glyphs(void **state)
{
    (void)state;
    dash_fonts fs;
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(dash_fonts_find(&fs, NULL, 0, &err), 0);
    assert_int_equal(dash_fonts_open(&fs, 1.5, &err), 0);
    TTF_Font *f = fs.f[F_BODY];
    assert_true(TTF_GlyphIsProvided32(f, 0x30E9));      /* ラ */
    assert_true(TTF_GlyphIsProvided32(f, 0x5831));      /* 報 */
    assert_false(TTF_GlyphIsProvided32(f, 0x10FFFD));   /* private use: tofu */
    SDL_Surface *ra = glyph(f, 0x30E9), *tofu = glyph(f, 0x10FFFD);
    SDL_Surface *ho = glyph(f, 0x5831);
    assert_true(alpha_diff(ra, tofu) > 20);
    assert_true(alpha_diff(ho, tofu) > 20);
    assert_true(alpha_diff(ra, ho) > 20);
    SDL_FreeSurface(ra);
    SDL_FreeSurface(tofu);
    SDL_FreeSurface(ho);
    dash_fonts_close(&fs);
}

/* The Japanese board differs from the English one in every text region. */
static void test_ja_and_en_differ(void **state)
{
    (void)state;
    dash_layout l;
    dash_ui ui;
    SDL_Surface *en = render(MIN(30), 1280, 720, TT_LANG_EN, &l, &ui);
    SDL_Surface *ja = render(MIN(30), 1280, 720, TT_LANG_JA, &l, &ui);
    dash_region text_regions[] = { R_HEADER, R_FEED, R_STATE, R_DIAGRAM, R_OBJECTIVES,
                                   R_ACTIONS };
    for (size_t i = 0; i < sizeof text_regions / sizeof text_regions[0]; i++) {
        long d = diff_pixels(en, ja, l.r[text_regions[i]]);
        if (d < 200)
            fail_msg("region %s: ja and en differ by only %ld px",
                     dash_region_name(text_regions[i]), d);
    }
    /* Japanese text is drawn, not boxes: the feed has ink in ja too. */
    assert_true(ink(ja, l.r[R_FEED]) > 1000);
    SDL_FreeSurface(en);
    SDL_FreeSurface(ja);
}

/* Different times give different boards; the same time the same pixels. */
static void test_time_changes_board(void **state)
{
    (void)state;
    dash_layout l;
    dash_ui ui;
    SDL_Surface *a = render(MIN(2), 1280, 720, TT_LANG_EN, &l, &ui);
    SDL_Surface *b = render(MIN(90), 1280, 720, TT_LANG_EN, &l, &ui);
    SDL_Surface *c = render(MIN(90), 1280, 720, TT_LANG_EN, &l, &ui);
    assert_true(diff_pixels(a, b, l.r[R_HEADER]) > 100);    /* clock */
    assert_true(diff_pixels(a, b, l.r[R_STATE]) > 100);     /* gauges */
    SDL_Rect all = { 0, 0, 1280, 720 };
    assert_int_equal(diff_pixels(b, c, all), 0);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(c);
}

/* A second frame of the same board rasterises no text: it is cached. */
static void test_text_is_cached(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1920, 1080, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    dash_gfx g;
    tt_error err;
    assert_int_equal(dash_gfx_init(&g, r, NULL, 0, &err), 0);
    assert_int_equal(dash_gfx_resize(&g, 1920, 1080, true, &err), 0);
    dash_view v;
    dash_view_init(&v);
    dash_ui ui;
    memset(&ui, 0, sizeof ui);
    ui.mode = DASH_REPLAY;
    ui.recs = F.j.records;
    ui.n_recs = F.j.n_records;
    ui.play_speed = 60;
    assert_int_equal(dash_view_build(&v, &F.sc, F.j.records, F.j.n_records, MIN(30),
                                     TT_LANG_JA, &err), 0);
    dash_draw(&g, &v, &ui);
    size_t first = g.text.rasterized;
    assert_true(first > 20);
    for (int i = 0; i < 5; i++)
        dash_draw(&g, &v, &ui);
    assert_int_equal(g.text.rasterized, first);
    /* A resize to a new scale re-rasterises at the new size. */
    assert_int_equal(dash_gfx_resize(&g, 1280, 720, true, &err), 0);
    dash_draw(&g, &v, &ui);
    assert_true(g.text.rasterized > first);
    /* The replay scrubber is laid out and clickable. */
    bool scrub = false;
    for (size_t i = 0; i < ui.n_hits; i++)
        scrub |= ui.hits[i].kind == H_SCRUB;
    assert_true(scrub);
    dash_view_free(&v);
    dash_gfx_free(&g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

/* A long name that does not fit gives way to the scenario's short form
 * (API 1.1 `short`), so two long labels are not cut to the same text; one
 * that fits, or one without a short form, is kept whole. */
static void test_short_labels(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    assert_non_null(r);
    dash_gfx g;
    tt_error err;
    assert_int_equal(dash_gfx_init(&g, r, NULL, 0, &err), 0);
    assert_int_equal(dash_gfx_resize(&g, 1280, 720, false, &err), 0);
    tt_text a = { "サーバ上で暗号化されたファイル", "Files encrypted on the file server" };
    tt_text b = { "パソコン上で暗号化されたファイル", "Files encrypted on the office PCs" };
    tt_text as = { "サーバ暗号化", "Server files" }, bs = { "PC暗号化", "PC files" };
    tt_text none = { "", "" };
    int narrow = dash_text_width(&g, "Files encrypted", F_SMALL);
    const char *pa = dash_label_pick(&g, &a, &as, TT_LANG_EN, F_SMALL, narrow);
    const char *pb = dash_label_pick(&g, &b, &bs, TT_LANG_EN, F_SMALL, narrow);
    assert_string_equal(pa, "Server files");
    assert_string_equal(pb, "PC files");
    assert_string_not_equal(pa, pb);
    assert_string_equal(dash_label_pick(&g, &a, &as, TT_LANG_JA, F_SMALL, 2000),
                        "サーバ上で暗号化されたファイル");
    assert_string_equal(dash_label_pick(&g, &a, &none, TT_LANG_EN, F_SMALL, narrow),
                        "Files encrypted on the file server");
    dash_gfx_free(&g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

/* The wheel scrolls the feed back; new records keep the same items in view. */
static void test_feed_scroll(void **state)
{
    (void)state;
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, 1280, 720, 32,
                                                    SDL_PIXELFORMAT_ARGB8888);
    SDL_Renderer *r = SDL_CreateSoftwareRenderer(s);
    dash_gfx g;
    tt_error err;
    assert_int_equal(dash_gfx_init(&g, r, NULL, 0, &err), 0);
    assert_int_equal(dash_gfx_resize(&g, 1280, 720, false, &err), 0);
    dash_view v;
    dash_view_init(&v);
    dash_ui ui;
    memset(&ui, 0, sizeof ui);
    ui.mode = DASH_LIVE;
    assert_int_equal(dash_view_build(&v, &F.sc, F.j.records, 8, MIN(60), TT_LANG_EN, &err), 0);
    dash_draw(&g, &v, &ui);
    SDL_RenderFlush(r);
    SDL_Rect feed = g.layout.r[R_FEED];
    SDL_Surface *top = SDL_DuplicateSurface(s);
    const dash_hit *h = NULL;
    for (size_t i = 0; i < ui.n_hits; i++)
        if (ui.hits[i].kind == H_FEED)
            h = &ui.hits[i];
    assert_non_null(h);
    dash_hit fh = *h;
    dash_wheel(&ui, &fh, -2);                 /* two items back */
    assert_int_equal(ui.feed_skip, 2);
    dash_draw(&g, &v, &ui);
    SDL_RenderFlush(r);
    assert_true(diff_pixels(top, s, feed) > 500);
    /* Two more records arrive: the same items stay in view. */
    SDL_Surface *back = SDL_DuplicateSurface(s);
    assert_int_equal(dash_view_build(&v, &F.sc, F.j.records, F.j.n_records, MIN(60),
                                     TT_LANG_EN, &err), 0);
    dash_draw(&g, &v, &ui);
    SDL_RenderFlush(r);
    assert_true(ui.feed_skip > 2);
    SDL_Rect items = { feed.x, feed.y + feed.h / 4, feed.w, feed.h / 2 };
    assert_int_equal(diff_pixels(back, s, items), 0);
    dash_wheel(&ui, &fh, 100);                /* all the way to the newest */
    assert_int_equal(ui.feed_skip, 0);
    SDL_FreeSurface(top);
    SDL_FreeSurface(back);
    dash_view_free(&v);
    dash_gfx_free(&g);
    SDL_DestroyRenderer(r);
    SDL_FreeSurface(s);
}

/* Records from another scenario, or with fields missing, draw without harm:
 * unknown ids show as themselves, NULL texts as empty. */
static void test_foreign_records(void **state)
{
    (void)state;
    tt_record recs[] = {
        { .type = TT_REC_START, .t = 0 },                         /* no payload */
        { .type = TT_REC_INJECT, .t = 0, .id = "nope", .from = "ghost", .to = "nobody" },
        { .type = TT_REC_ACTION, .t = 5, .id = "unknown_action", .role = "alien" },
        { .type = TT_REC_DONE, .t = 6 },
        { .type = TT_REC_OBJECTIVE, .t = 7, .id = "no_such", .status = "reached" },
        { .type = TT_REC_OBJECTIVE, .t = 8, .id = "isolate" },   /* no status */
        { .type = TT_REC_STATE, .t = 9, .n_changes = 0 },
        { .type = TT_REC_REFUSED, .t = 10, .id = "reboot" },
        { .type = TT_REC_NOTE, .t = 11 },
        { .type = TT_REC_CUSTOM, .t = 12, .text = { NULL, "only English" } },
        { .type = TT_REC_END, .t = 13 },
    };
    tt_error err;
    SDL_Surface *surf = dash_render_surface(&F.sc, recs, sizeof recs / sizeof recs[0],
                                            MIN(1), 1280, 720, TT_LANG_JA, NULL, 0, NULL,
                                            NULL, &err);
    assert_non_null(surf);
    SDL_FreeSurface(surf);
    /* An empty journal and a negative time give the board at 0. */
    surf = dash_render_surface(&F.sc, NULL, 0, -5, 640, 360, TT_LANG_EN, NULL, 0, NULL,
                               NULL, &err);
    assert_non_null(surf);
    SDL_FreeSurface(surf);
}

/* Scenarios with many objectives still show every chip inside the panel
 * (rows get denser), at both projector sizes. */
static void test_many_objectives_fit(void **state)
{
    (void)state;
    tt_objective many[10];
    char ids[10][16];
    for (int i = 0; i < 10; i++) {
        many[i] = F.sc.objectives[i % 3];
        snprintf(ids[i], sizeof ids[i], "obj%d", i);
        many[i].id = ids[i];
    }
    tt_objective *saved = F.sc.objectives;
    size_t saved_n = F.sc.n_objectives;
    F.sc.objectives = many;
    F.sc.n_objectives = 10;
    static const int sizes[][2] = { { 1280, 720 }, { 1920, 1080 } };
    for (int k = 0; k < 2; k++) {
        dash_layout l;
        dash_ui ui;
        SDL_Surface *s = render(MIN(30), sizes[k][0], sizes[k][1], TT_LANG_JA, &l, &ui);
        assert_int_equal(ui.n_chips, 10);
        SDL_Rect panel = l.r[R_OBJECTIVES];
        for (int i = 0; i < 10; i++) {
            SDL_Rect in;
            assert_true(SDL_IntersectRect(&ui.chips[i], &panel, &in));
            if (!SDL_RectEquals(&in, &ui.chips[i]))
                fail_msg("%dx%d: chip %d outside the objectives panel", sizes[k][0],
                         sizes[k][1], i);
        }
        SDL_FreeSurface(s);
    }
    F.sc.objectives = saved;
    F.sc.n_objectives = saved_n;
}

/* The public snapshot call writes a PNG of the requested (or default) size. */
static void test_snapshot_png(void **state)
{
    (void)state;
    char path[256];
    const char *dir = getenv("TT_BUILD_DIR");
    snprintf(path, sizeof path, "%s/test_dash_snapshot_%d.png", dir ? dir : ".",
             (int)getpid());
    tt_error err;
    tt_error_clear(&err);
    assert_int_equal(tt_dashboard_snapshot(&F.sc, &F.j, MIN(30), 0, 0, TT_LANG_JA, path,
                                           &err), 0);
    SDL_Surface *s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, 1920);
    assert_int_equal(s->h, 1080);
    SDL_FreeSurface(s);
    assert_int_equal(tt_dashboard_snapshot(&F.sc, &F.j, MIN(30), 1280, 720, TT_LANG_EN,
                                           path, &err), 0);
    s = IMG_Load(path);
    assert_non_null(s);
    assert_int_equal(s->w, 1280);
    SDL_FreeSurface(s);
    unlink(path);
    /* An unwritable path is an error with a message, not a crash. */
    tt_error_clear(&err);
    assert_int_equal(tt_dashboard_snapshot(&F.sc, &F.j, 0, 640, 360, TT_LANG_EN,
                                           "/nonexistent-dir/x.png", &err), -1);
    assert_true(err.message[0] != '\0');
}

/* Line breaking: Latin between words, Japanese never starts a line with
 * closing punctuation, nothing is lost, lines fit their width. */
static void test_wrap(void **state)
{
    (void)state;
    dash_fonts fs;
    tt_error err;
    assert_int_equal(dash_fonts_find(&fs, NULL, 0, &err), 0);
    assert_int_equal(dash_fonts_open(&fs, 1.0, &err), 0);
    TTF_Font *f = fs.f[F_BODY];
    const char *en = "The antivirus flagged ransomware on PC-12 in the accounting office.";
    dash_line lines[32];
    size_t n = dash_wrap(f, en, 200, lines, 32);
    assert_true(n >= 3);
    for (size_t i = 0; i < n; i++) {
        size_t a = lines[i].start, b = a + lines[i].len;
        /* Each line starts at a word start and ends at a word end. */
        assert_true(a == 0 || en[a - 1] == ' ');
        assert_true(en[b] == '\0' || en[b] == ' ');
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)lines[i].len, en + a);
        int w = 0, h = 0;
        TTF_SizeUTF8(f, buf, &w, &h);
        assert_true(w <= 200 + 4);
    }
    /* 16 px glyphs, width for 10: a plain break would start line 2 with "。". */
    const char *ja = "ランサムウェアを検知した。至急連絡してください。";
    int adv = 0;
    TTF_GlyphMetrics32(f, 0x30E9, NULL, NULL, NULL, NULL, &adv);
    for (int chars = 5; chars <= 14; chars++) {
        n = dash_wrap(f, ja, adv * chars + adv / 2, lines, 32);
        assert_true(n >= 2);
        size_t total = 0;
        for (size_t i = 0; i < n; i++) {
            const char *start = ja + lines[i].start;
            assert_true(strncmp(start, "。", strlen("。")) != 0);
            assert_true(lines[i].start == total);
            total += lines[i].len;
        }
        assert_int_equal(total, strlen(ja));
    }
    /* A Latin word after Japanese text breaks before the word, not at the
     * last space (which left "7" alone on the first line). */
    const char *mixed = "7 サーバ移行に合わせてWordPressを最新版に更新する";
    n = dash_wrap(f, mixed, adv * 14, lines, 32);
    assert_true(n >= 2);
    assert_true(lines[0].len > strlen("7 サーバ"));
    assert_int_equal(strncmp(mixed + lines[1].start, "WordPress", 9), 0);
    /* Explicit newlines are kept; empty text gives no lines. */
    n = dash_wrap(f, "a\nb", 500, lines, 32);
    assert_int_equal(n, 2);
    assert_int_equal(dash_wrap(f, "", 500, lines, 32), 0);
    /* A width smaller than one glyph still makes progress, one per line. */
    n = dash_wrap(f, "報告", 1, lines, 32);
    assert_int_equal(n, 2);
    dash_fonts_close(&fs);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_regions_have_text),
        cmocka_unit_test(test_objective_chip_colours),
        cmocka_unit_test(test_japanese_glyphs),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_ja_and_en_differ),
        cmocka_unit_test(test_time_changes_board),
        cmocka_unit_test(test_short_labels),
        cmocka_unit_test(test_text_is_cached),
        cmocka_unit_test(test_feed_scroll),
        cmocka_unit_test(test_foreign_records),
        cmocka_unit_test(test_many_objectives_fit),
        cmocka_unit_test(test_snapshot_png),
    };
    return cmocka_run_group_tests(tests, setup, offscreen_down);
}
