/* Helpers shared by the script host tests. */
#ifndef TT_TEST_SCRIPT_FIXTURE_H
#define TT_TEST_SCRIPT_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Path of a fixture under tests/script/fixtures (static buffer). */
static inline const char *fixture(const char *name)
{
    static char path[1024];
    const char *root = getenv("TT_SOURCE_DIR");
    if (root)
        snprintf(path, sizeof path, "%s/tests/script/fixtures/%s", root, name);
    else
        snprintf(path, sizeof path, "%s/%s", TT_FIXTURE_DIR, name);
    return path;
}

/* An inline scenario: `top` is Lua run before the scenario table (line 1
 * onwards), `does` the body of action a's `does` (it starts on line
 * TT_DOES_LINE), `extra` more top-level fields of the table. The returned
 * buffer is static. */
#define TT_DOES_LINE 9
static inline const char *inline_scenario(const char *top, const char *does,
                                          const char *extra)
{
    static char buf[16384];
    snprintf(buf, sizeof buf,
             "local T = { ja = 't', en = 't' } %s\n"                          /* 1 */
             "return scenario {\n"                                            /* 2 */
             "  id = 'inline', source = 't', title = T, summary = T,\n"       /* 3 */
             "  length = '1h', invented = T,\n"                               /* 4 */
             "  roles = { r = { name = T } },\n"                              /* 5 */
             "  state = { n = 0, flag = false, name = '' },\n"                /* 6 */
             "  objectives = { o = { phase = 'isolate', title = T, target = '1m', limit = '1h' } },\n" /* 7 */
             "  actions = { a = { by = 'r', label = T, completes = 'o', repeatable = true, does = function(s, ctx)\n" /* 8 */
             "%s\n"                                                           /* 9 */
             "  end } },\n"
             "  %s\n"
             "}\n",
             top ? top : "", does ? does : "", extra ? extra : "");
    return buf;
}

#endif
