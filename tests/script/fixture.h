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
    snprintf(path, sizeof path, "%s/tests/script/fixtures/%s", root ? root : ".", name);
    return path;
}

#endif
