/* A synthetic 256-day scenario (a dynamic every 10 minutes, actor replies
 * through ctx.after, messages, an objective, injects) runs with the memory
 * the engine holds bounded: the live heap (glibc's count, or ASan's under
 * the sanitizer build) at its peak over 256 days is within a fixed margin of
 * its peak over 16 days, while the journal grows 16-fold (linear in events).
 * Counted, not timed: the measure is the allocator's own byte count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "tabletop/exercise.h"
#include "tabletop/journal.h"
#include "tabletop/script.h"

#if defined(__SANITIZE_ADDRESS__)
#define TT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TT_ASAN 1
#endif
#endif

#ifdef TT_ASAN
/* The ASan runtime has this under gcc and clang; only clang ships the
 * header (sanitizer/allocator_interface.h), so declare it here. */
size_t __sanitizer_get_current_allocated_bytes(void);
static size_t live_bytes(void)
{
    return __sanitizer_get_current_allocated_bytes();
}
#else
#include <malloc.h>
static size_t live_bytes(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}
#endif

#define DAY_MS ((tt_ms)86400000)

static const char SCENARIO[] =
    "local function t(x) return { ja = x, en = x } end\n"
    "return scenario {\n"
    "  id = 'long', source = 'test', length = '%dd',\n"
    "  title = t('long'), summary = t('long'), invented = t('all'),\n"
    "  roles = { ops = { name = t('Ops') } },\n"
    "  actors = { monitor = { kind = 'vendor', name = t('Monitor'), delay = { '1m', '9m' } } },\n"
    "  state = { tick = 0, load = 0, alerts = 0, note = '' },\n"
    "  every = { { id = 'load', period = '10m', run = function(s, ctx)\n"
    "    s.tick = s.tick + 1\n"
    "    s.load = (s.load * 7 + ctx.random(0, 100)) // 8\n"
    "    s.note = string.format('tick %%d load %%d', s.tick, s.load)\n"
    "    if s.load > 52 then\n"
    "      s.alerts = s.alerts + 1\n"
    "      ctx.message{ from = 'monitor', to = 'ops', text = t('load ' .. s.load) }\n"
    "      ctx.after('monitor', function(st, c) st.alerts = st.alerts - 1 end)\n"
    "    end\n"
    "  end } },\n"
    "  injects = {\n"
    "    { id = 'start', at = '0m', to = 'ops', text = t('watch the load') },\n"
    "    { id = 'busy', when = function(s) return s.alerts >= 3 end, to = 'ops', text = t('busy') },\n"
    "  },\n"
    "  actions = { watch = { by = 'ops', label = t('watch'), takes = '1m' } },\n"
    "  objectives = { steady = { phase = 'isolate', title = t('steady'), target = '1d',\n"
    "                 limit = '%dd', when = function(s, ctx) return s.tick > 10 and s.load < 0 end } },\n"
    "}\n";

typedef struct run_result {
    size_t records;
    size_t peak_growth;       /* live bytes at the peak minus after start */
} run_result;

static void count(void *user, const tt_record *r)
{
    (void)r;
    (*(size_t *)user)++;
}

static run_result run_days(int days, const char *dir)
{
    char text[sizeof SCENARIO + 32];
    snprintf(text, sizeof text, SCENARIO, days, days);
    tt_error err;
    tt_script *s = tt_script_load_buffer("long.lua", text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("load: %d: %s", err.line, err.message);
    char path[1024];
    snprintf(path, sizeof path, "%s/long-%d.yaml", dir, days);
    tt_journal_writer *w = tt_journal_create(path, false, &err);
    if (!w)
        fail_msg("%s", err.message);
    run_result res = { 0, 0 };
    tt_exercise_config cfg = { .seed = 3, .journal = w, .sink = count, .sink_user = &res.records };
    tt_exercise *ex = tt_exercise_new(s, &cfg, &err);
    assert_non_null(ex);
    assert_int_equal(tt_exercise_start(ex, 0, &err), 0);
    size_t base = live_bytes(), peak = base;
    for (int d = 1; d <= days + 1; d++) {
        for (int h = 1; h <= 24; h++) { /* sampled hourly */
            if (tt_exercise_advance(ex, (tt_ms)(d - 1) * DAY_MS + (tt_ms)h * 3600000, &err) != 0)
                fail_msg("day %d: %s", d, err.message);
            size_t now = live_bytes();
            if (now > peak)
                peak = now;
        }
    }
    assert_int_equal(tt_exercise_phase(ex), TT_PHASE_ENDED);
    tt_exercise_free(ex);
    assert_int_equal(tt_journal_close(w, &err), 0);
    tt_script_free(s);
    unlink(path);
    res.peak_growth = peak - base;
    return res;
}

static void a_256_day_exercise_holds_what_a_16_day_one_holds(void **state)
{
    (void)state;
    char dir[] = "/tmp/tt-long-XXXXXX";
    assert_non_null(mkdtemp(dir));
    run_result small = run_days(16, dir);
    run_result big = run_days(256, dir);
    rmdir(dir);
    print_message("16 days: %zu records, peak +%zu bytes; 256 days: %zu records, peak +%zu "
                  "bytes\n", small.records, small.peak_growth, big.records, big.peak_growth);
    /* Linear in events: 16 times the days, about 16 times the records. */
    assert_true(small.records > 2000);
    assert_true(big.records >= 15 * small.records && big.records <= 17 * small.records);
    /* Bounded: what grows with length would show as 16 times the growth. */
    assert_true(big.peak_growth <= small.peak_growth + ((size_t)2 << 20));
    assert_true(big.peak_growth <= (size_t)8 << 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_256_day_exercise_holds_what_a_16_day_one_holds),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
