/* Validation: each class of authoring error gives a precise message with
 * the field path, at file:line: the line where the source spells out the
 * offending field (found by following the path through the literal tables),
 * else the line of `scenario {`; a function value gives its own line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>

#include "fixture.h"
#include "tabletop/script.h"

#define NAME "scenarios/inline.lua"
#define CALL_LINE 2

static const char base[] =
    "local T = { ja = 't', en = 't' }\n"                                                  /* 1 */
    "return scenario {\n"                                                                 /* 2 */
    "  id = 'inline', source = 't', title = T, summary = T, length = '1h', invented = T,\n" /* 3 */
    "  roles = @ROLES@,\n"                                                                /* 4 */
    "  actors = @ACTORS@,\n"                                                              /* 5 */
    "  state = @STATE@,\n"                                                                /* 6 */
    "  injects = @INJECTS@,\n"                                                            /* 7 */
    "  actions = @ACTIONS@,\n"                                                            /* 8 */
    "  objectives = @OBJECTIVES@,\n"                                                      /* 9 */
    "  lessons = @LESSONS@,\n"                                                            /* 10 */
    "  @EXTRA@\n"                                                                         /* 11 */
    "}\n";

static const char *const slots[][2] = {
    { "@ROLES@", "{ r = { name = T }, boss = { name = T } }" },
    { "@ACTORS@", "{ vendor = { kind = 'vendor', name = T, delay = '10m' } }" },
    { "@STATE@", "{ n = 0 }" },
    { "@INJECTS@", "{ { id = 'start', at = '0m', from = 'vendor', to = 'r', text = T } }" },
    { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', lesson = 'l' } }" },
    { "@OBJECTIVES@", "{ o = { phase = 'isolate', title = T, target = '1m', limit = '1h', "
                      "notice = 'start' } }" },
    { "@LESSONS@", "{ l = { text = T } }" },
    { "@EXTRA@", "" },
};

/* The base scenario with `slot` replaced by `value`. */
static const char *build(const char *slot, const char *value)
{
    static char out[8192];
    const char *p = base;
    size_t o = 0;
    while (*p) {
        bool done = false;
        for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
            size_t n = strlen(slots[i][0]);
            if (strncmp(p, slots[i][0], n) == 0) {
                const char *v = slot && strcmp(slot, slots[i][0]) == 0 ? value : slots[i][1];
                size_t len = strlen(v);
                assert_true(o + len < sizeof out);
                memcpy(out + o, v, len);
                o += len;
                p += n;
                done = true;
                break;
            }
        }
        if (!done) {
            assert_true(o + 1 < sizeof out);
            out[o++] = *p++;
        }
    }
    out[o] = '\0';
    return out;
}

typedef struct bad {
    const char *slot;
    const char *value;
    const char *expect;
    int line;           /* 0 = the line of the slot */
} bad;

static int slot_line(const char *slot)
{
    const char *at = strstr(base, slot);
    assert_non_null(at);
    int line = 1;
    for (const char *p = base; p < at; p++)
        line += *p == '\n';
    return line;
}

static void expect_error(const char *name, const char *text, const char *expect, int line)
{
    tt_error err;
    tt_script *s = tt_script_load_buffer(name, text, strlen(text), NULL, &err);
    if (s) {
        tt_script_free(s);
        fail_msg("loaded, but expected: %s\n%s", expect, text);
    }
    if (!strstr(err.message, expect) || err.line != line)
        fail_msg("got %s:%d: %s\nwant line %d: %s", err.file, err.line, err.message, line, expect);
    assert_string_equal(err.file, name);
}

static void base_is_valid(void **state)
{
    (void)state;
    const char *text = build(NULL, NULL);
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_script_free(s);
    /* An action that completes an objective with its own `when` is fine. */
    text = build("@OBJECTIVES@", "{ o = { phase = 'report', party = 'boss', title = T, "
                                 "target = '1m', limit = '1h', when = function(s) return false end } }");
    s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_script_free(s);
}

static void each_error_class(void **state)
{
    (void)state;
    static const bad cases[] = {
        /* unknown keys, at every level */
        { "@EXTRA@", "colour = 'red',", "scenario: unknown key 'colour' (expected one of: id, source", CALL_LINE },
        { "@ROLES@", "{ r = { name = T, nmae = T } }", "roles.r: unknown key 'nmae' (expected one of: name, short, description, capacity)", 0 },
        { "@ACTORS@", "{ vendor = { kind = 'v', name = T, colour = 1 } }", "actors.vendor: unknown key 'colour'", 0 },
        { "@INJECTS@", "{ { id = 'start', at = '0m', text = T, qestions = {} } }", "injects[1]: unknown key 'qestions'", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', require = 1 } }", "actions.a: unknown key 'require'", 0 },
        { "@OBJECTIVES@", "{ o = { phase = 'isolate', title = T, target = '1m', limit = '1h', dead = 1 } }", "objectives.o: unknown key 'dead'", 0 },
        { "@LESSONS@", "{ l = { txt = T } }", "lessons.l: unknown key 'txt'", 0 },
        { "@EXTRA@", "history = { { at = '0m', text = T, who = 1 } },", "history[1]: unknown key 'who'", 0 },
        { "@EXTRA@", "metrics = { n = { label = T, colour = 1 } },", "metrics.n: unknown key 'colour'", 0 },
        { "@EXTRA@", "settings = { b = { value = true, label = T, x = 1 } },", "settings.b: unknown key 'x'", 0 },
        { "@EXTRA@", "every = { { period = '1m', run = function() end, strat = 1 } },", "every[1]: unknown key 'strat'", 0 },
        { "@ROLES@", "{ r = { name = { ja = 't', en = 't', fr = 't' } } }", "roles.r.name: unknown key 'fr'", 0 },
        /* wrong types */
        { "@ROLES@", "{ r = { name = 'x' } }", "roles.r.name: expected a text { ja = \"...\", en = \"...\" }, got a string", 0 },
        { "@ROLES@", "{ { name = T } }", "roles: must be a table of named entries", 0 },
        /* the key's own type: it said 'found a table key' for every key */
        { "@ROLES@", "{ { name = T } }", "roles: must be a table of named entries (id = { ... }), found a number key", 0 },
        { "@STATE@", "{ n = 0, [true] = 1 }", "state: must be a table of named entries (id = { ... }), found a boolean key", 0 },
        { "@ROLES@", "'r'", "roles: expected a table, got a string", 0 },
        { "@INJECTS@", "{ start = { at = '0m', text = T } }", "injects: must be a list", 0 },
        { "@INJECTS@", "{ { id = 'start', at = '0m', text = T, does = 5 } }", "injects[1].does: expected a function, got a number", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', repeatable = 'yes' } }", "actions.a.repeatable: expected true or false, got a string", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', completes = 'o', label = function() end } }", "actions.a.label: expected a text", 8 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', requires = 'x' } }", "actions.a.requires: expected a function, got a string", 0 },
        { "@STATE@", "{ n = {} }", "state.n: state values are booleans, numbers or strings, got a table", 0 },
        { "@STATE@", "{ n = 0/0 }", "state.n: numbers in the state must be finite", 0 },
        { "@EXTRA@", "settings = { b = { value = {}, label = T } },", "settings.b.value: state values are booleans", 0 },
        { "@EXTRA@", "metrics = { n = { label = T, max = -1 } },", "metrics.n.max: expected a number of 0 or more", 0 },
        /* text the journal could not hold */
        { "@ROLES@", "{ r = { name = { ja = 'a\\0b', en = 't' } } }", "roles.r.name.ja: character U+0000 at offset 1 is not allowed in text", 0 },
        { "@ROLES@", "{ r = { name = { ja = 't', en = '\\xff' } } }", "roles.r.name.en: not valid UTF-8 (byte 0xff at offset 0)", 0 },
        { "@STATE@", "{ n = '\\xe3\\x81' }", "state.n: not valid UTF-8 (cut short at offset 0)", 0 },
        /* bad durations */
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', takes = '5x' } }", "actions.a.takes: '5x' is not a duration: unknown unit", 0 },
        { "@ACTORS@", "{ vendor = { kind = 'vendor', name = T, delay = '-5m' } }", "actors.vendor.delay: '-5m' is not a duration: negative", 0 },
        { "@ACTORS@", "{ vendor = { kind = 'vendor', name = T, delay = { '40m', '20m' } } }", "actors.vendor.delay: the range's first time is larger", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', takes = -5 } }", "actions.a.takes: a time cannot be negative", 0 },
        { "@EXTRA@", "every = { { period = '0s', run = function() end } },", "every[1].period: must be longer than 0s", 0 },
        /* a dynamic that would first run after the end never ran, silently */
        { "@EXTRA@", "every = { { period = '2h', run = function() end } },", "every[1]: it would first run at start + period, +2:00:00, after the end of the exercise (length): it never runs", 0 },
        { "@EXTRA@", "every = { { period = '30m', start = '45m', run = function() end } },", "every[1]: it would first run at start + period, +1:15:00", 0 },
        /* missing texts and fields */
        { "@ROLES@", "{ r = { name = { ja = 'x' } } }", "roles.r.name: missing 'en' (every text needs both ja and en)", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', completes = 'o', label = { en = 'x' } } }", "actions.a.label: missing 'ja'", 0 },
        { "@ROLES@", "{ r = { } }", "roles.r: missing required field 'name'", 0 },
        { "@ROLES@", "{}", "roles: at least one role is required", 0 },
        { "@EXTRA@", "every = { { period = '1m' } },", "every[1]: missing required field 'run'", 0 },
        /* references */
        { "@INJECTS@", "{ { id = 'start', at = '0m', from = 'ghost', text = T } }", "injects[1].from: 'ghost' is neither an actor nor a role", 0 },
        { "@INJECTS@", "{ { id = 'start', at = '0m', to = 'vendor', text = T } }", "injects[1].to: 'vendor' is not a role of this scenario", 0 },
        { "@ACTIONS@", "{ a = { by = { 'r', 'ghost' }, label = T, completes = 'o' } }", "actions.a.by: 'ghost' is not a role of this scenario", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'nope' } }", "actions.a.completes: 'nope' is not an objective", 0 },
        { "@ACTORS@", "{ vendor = { kind = 'vendr', name = T } }", "actors.vendor.kind: 'vendr' is not an actor kind (did you mean 'vendor'?)", 0 },
        { "@ACTORS@", "{ vendor = { kind = 'friend', name = T } }", "actors.vendor.kind: 'friend' is not an actor kind (valid: agency, centre,", 0 },
        { "@ACTIONS@", "{ a = { by = 'rr', label = T, completes = 'o' } }", "actions.a.by: 'rr' is not a role of this scenario (did you mean 'r'?)", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'oo' } }", "actions.a.completes: 'oo' is not an objective of this scenario (did you mean 'o'?)", 0 },
        { "@INJECTS@", "{ { id = 'start', at = '0m', from = 'vendr', text = T } }", "injects[1].from: 'vendr' is neither an actor nor a role of this scenario (actors: did you mean 'vendor'?", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', lesson = 'nope' } }", "actions.a.lesson: 'nope' is not a lesson", 0 },
        { "@OBJECTIVES@", "{ o = { phase = 'isolate', title = T, target = '1m', limit = '1h', notice = 'nope' } }", "objectives.o.notice: 'nope' is not an inject id", 0 },
        { "@EXTRA@", "history = { { at = '0m', action = 'nope', text = T } },", "history[1].action: 'nope' is not an action", 0 },
        { "@EXTRA@", "metrics = { nope = { label = T } },", "metrics.nope: 'nope' is not a state key", 0 },
        { "@ACTORS@", "{ r = { kind = 'v', name = T } }", "actors.r: the same id is also a role", 0 },
        /* duplicates */
        { "@INJECTS@", "{ { id = 'start', at = '0m', text = T }, { id = 'start', at = '1m', text = T } }", "injects[2].id: duplicate inject id 'start' (also injects[1])", 0 },
        { "@EXTRA@", "every = { { id = 'x', period = '1m', run = function() end }, { id = 'x', period = '1m', run = function() end } },", "every[2].id: duplicate id 'x'", 0 },
        { "@ACTIONS@", "{ a = { by = { 'r', 'r' }, label = T, completes = 'o' } }", "actions.a.by: role 'r' is listed twice", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o' }, ['a'] = { by = 'r', label = T } }", "'a' is given twice in the same table (lines 8 and 8)", 0 },
        { "@ROLES@", "{ r = { name = T, name = T } }", "'name' is given twice", 0 },
        /* objectives */
        { "@OBJECTIVES@", "{ o = { phase = 'contain', title = T, target = '1m', limit = '1h' } }", "objectives.o.phase: 'contain' is not a phase (expected isolate, report or recover)", 0 },
        { "@OBJECTIVES@", "{ o = { phase = 'isolate', title = T, target = '2h', limit = '1h' } }", "objectives.o: target is later than limit", 0 },
        { "@OBJECTIVES@", "{ o = { phase = 'isolate', title = T, target = '1m', limit = '2h' } }", "objectives.o: limit is later than the exercise's length", 0 },
        { "@OBJECTIVES@", "{ o = { phase = 'isolate', title = T, target = '1m', limit = '1h' }, p = { phase = 'recover', title = T, target = '1m', limit = '1h' } }", "objectives.p: can never be reached", 0 },
        /* injects */
        { "@INJECTS@", "{ { id = 'start', at = '0m', when = function() end, text = T } }", "injects[1]: give either 'at' (timed) or 'when' (conditional), not both", 0 },
        { "@INJECTS@", "{ { id = 'start', text = T } }", "injects[1]: needs 'at' (a time) or 'when'", 0 },
        { "@INJECTS@", "{ { id = 'start', at = '2h', text = T } }", "injects[1].at: after the end of the exercise", 0 },
        { "@ACTIONS@", "{ a = { by = 'r', label = T, completes = 'o', harmful = T, wasted = T } }", "actions.a: an action is either harmful or wasted, not both", 0 },
        /* recommended live speed */
        { "@EXTRA@", "speed = 0,", "speed: must be a number from 1 to 1000000", 0 },
        { "@EXTRA@", "speed = 'fast',", "speed: expected a number, got a string", 0 },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        print_message("  %s\n", cases[i].expect);
        expect_error(NAME, build(cases[i].slot, cases[i].value), cases[i].expect,
                     cases[i].line ? cases[i].line : slot_line(cases[i].slot));
    }
}

/* A top-level field's error names it as the file spells it, at its line:
 * "scenario.length: ..." was not followed through the file and was put at
 * `return scenario {` (line 2). */
static void top_level_fields_are_located(void **state)
{
    (void)state;
    static const struct { const char *from, *to, *expect; } cases[] = {
        { "length = '1h'", "length = '1e3h'", "length: '1e3h' is not a duration" },
        { "length = '1h'", "length = 3600.5", "length: 3600.5 is not a whole number of seconds" },
        { "title = T", "title = { ja = 'x' }", "title: missing 'en'" },
        { "source = 't'", "source = 5", "source: expected a string, got a number" },
        { "id = 'inline'", "id = 'x\\0y'", "id: character U+0000" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        static char text[8192];
        const char *b = build(NULL, NULL);
        const char *at = strstr(b, cases[i].from);
        assert_non_null(at);
        snprintf(text, sizeof text, "%.*s%s%s", (int)(at - b), b, cases[i].to, at + strlen(cases[i].from));
        print_message("  %s\n", cases[i].expect);
        expect_error(NAME, text, cases[i].expect, 3);
    }
}

/* Keys given twice: a first pass proves most files have none, and the
 * exact scan names the table opened first and its first key given twice. */
static void duplicate_keys_in_nested_tables(void **state)
{
    (void)state;
    /* In a table inside a call inside a function inside the scenario. */
    expect_error(NAME, build("@EXTRA@", "every = { { period = '1m', run = function() "
                                        "local t = tostring({ x = 1, ['y'] = 2, x = 3 }) end } },"),
                 "'x' is given twice in the same table (lines 11 and 11)", 11);
    /* Two tables with a key twice: the one opened first is named. */
    expect_error(NAME, build("@ROLES@", "{ r = { name = T, x = { a = 1,\n a = 2 } },\n r = { name = T } }"),
                 "'r' is given twice in the same table (lines 4 and 6)", 6);
    /* The same key at different levels, or in brackets, is not twice. */
    const char *text = build("@EXTRA@", "every = { { period = '1m', run = function() local t = "
                                        "{ n = 0, m = { n = 1, m = { n = 2 } }, [('n') .. ''] = 3 } "
                                        "end } },");
    tt_error err;
    tt_script *s = tt_script_load_buffer(NAME, text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    tt_script_free(s);
}

static void file_level_errors(void **state)
{
    (void)state;
    const char *text = build(NULL, NULL);
    /* A draft copy under another file name keeps its id and loads. */
    tt_error err;
    tt_script *s = tt_script_load_buffer("scenarios/other.lua", text, strlen(text), NULL, &err);
    if (!s)
        fail_msg("%s:%d: %s", err.file, err.line, err.message);
    assert_string_equal(tt_script_scenario(s)->id, "inline");
    tt_script_free(s);
    expect_error(NAME, "local T = 1\nscenario { }\n", "must return the result of scenario", 2);
    /* scenario{} called but its result not returned */
    expect_error(NAME, "local x = scenario { }\nreturn {}\n", "must return the result of scenario", 1);
    expect_error(NAME, "return {}\n", "must end with 'return scenario { ... }'", 0);
    expect_error(NAME, "\n\nreturn scenario {\n  id = 'inline',,\n}\n", "unexpected symbol near ','", 4);
    expect_error(NAME, "return scenario 'x'\n", "scenario expects a table", 1);
    expect_error(NAME, "return scenario { id = 'Bad_Id' }\n", "id: 'Bad_Id' may only use a-z, 0-9 and -", 1);
    expect_error(NAME, "error('custom', 0)\n", "custom", 0);
    expect_error(NAME, "\n\nerror('located')\n", "located", 3);
    assert_null(tt_script_load("/nonexistent/x.lua", NULL, &err));
    assert_non_null(strstr(err.message, "cannot open the scenario"));
    assert_string_equal(err.file, "/nonexistent/x.lua");
}

/* In a real multi-line file the line is the field's own. */
typedef struct edit {
    const char *from, *to, *expect;
} edit;

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[65536];
    *len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[*len] = '\0';
    return buf;
}

static void lines_point_into_the_table(void **state)
{
    (void)state;
    static const edit edits[] = {
        { "takes = \"5m\",", "takes = \"5x\",", "actions.pull_cable.takes: '5x' is not a duration" },
        { "from = \"supervisor\"", "from = \"nobody\"", "injects[2].from: 'nobody' is neither" },
        { "{ period = \"30m\"", "{ period = \"0m\"", "every[2].period: must be longer than 0s" },
        { "target = 900", "target = \"1x\"", "objectives.report_boss.target: '1x' is not a duration" },
        { "{ text = { ja = \"時刻不明\", en = \"Unknown time\" } }", "{ text = { ja = \"時刻不明\" } }",
          "history[2].text: missing 'en'" },
        { "supervisor = { name = { ja = \"上司\", en = \"Supervisor\" } },",
          "supervisor = { name = { ja = \"上司\", en = \"Supervisor\" }, x = 1 },",
          "roles.supervisor: unknown key 'x'" },
        { "lesson = \"contact_route\",\n    },\n    report_up", "lesson = \"nope\",\n    },\n    report_up",
          "actions.pull_cable.lesson: 'nope' is not a lesson" },
    };
    size_t len;
    const char *orig = read_all(fixture("full.lua"), &len);
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        static char text[65536];
        const char *at = strstr(orig, edits[i].from);
        assert_non_null(at);
        size_t head = (size_t)(at - orig);
        snprintf(text, sizeof text, "%.*s%s%s", (int)head, orig, edits[i].to,
                 at + strlen(edits[i].from));
        int line = 1;
        for (size_t k = 0; k < head; k++)
            line += orig[k] == '\n';
        print_message("  %s\n", edits[i].expect);
        expect_error("tests/full.lua", text, edits[i].expect, line);
    }
}

/* Truncated and mutated files: always a clean result, never a crash (the
 * suite runs under ASan and UBSan too). */
static void damaged_files_never_crash(void **state)
{
    (void)state;
    size_t len;
    const char *orig = read_all(fixture("full.lua"), &len);
    static char text[65536];
    tt_error err;
    size_t loaded = 0;
    for (size_t cut = 0; cut <= len; cut += 53) {
        tt_script *s = tt_script_load_buffer("tests/full.lua", orig, cut, NULL, &err);
        if (s) {
            loaded++;
            tt_script_free(s);
        } else {
            assert_true(err.message[0] != '\0');
        }
    }
    assert_int_equal(loaded, 0); /* no prefix is a whole scenario */
    uint32_t seed = 12345;
    static const char bytes[] = "{}[]=,\"'-\n\\x0(";
    for (int i = 0; i < 300; i++) {
        memcpy(text, orig, len);
        for (int k = 0; k < 3; k++) {
            seed = seed * 1664525u + 1013904223u;
            size_t at = (seed >> 8) % len;
            seed = seed * 1664525u + 1013904223u;
            text[at] = bytes[(seed >> 8) % (sizeof bytes - 1)];
        }
        tt_script *s = tt_script_load_buffer("tests/full.lua", text, len, NULL, &err);
        if (s)
            tt_script_free(s);
        else
            assert_true(err.message[0] != '\0');
    }
}

/* Long paths: Lua shortens them in messages; we still report the real one. */
static void long_paths_keep_their_lines(void **state)
{
    (void)state;
    char name[300];
    snprintf(name, sizeof name, "scenarios/%0200d/inline.lua", 0);
    expect_error(name, "\n\nerror('located')\n", "located", 3);
    expect_error(name, "\n\nreturn scenario {,\n", "unexpected symbol near ','", 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(base_is_valid),
        cmocka_unit_test(each_error_class),
        cmocka_unit_test(top_level_fields_are_located),
        cmocka_unit_test(duplicate_keys_in_nested_tables),
        cmocka_unit_test(file_level_errors),
        cmocka_unit_test(lines_point_into_the_table),
        cmocka_unit_test(damaged_files_never_crash),
        cmocka_unit_test(long_paths_keep_their_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
