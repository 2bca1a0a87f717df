/* Shared by the fuzz targets: the prototype libFuzzer calls, and the
 * scenarios the inputs are checked against (loaded once per process). */
#ifndef TT_FUZZ_H
#define TT_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "tabletop/script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* tests/exercise/fixtures/mini.lua (every engine mechanism) or another
 * file of the source tree; aborts when it does not load (a setup error). */
static inline tt_script *fuzz_scenario(const char *rel)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", TT_FUZZ_SOURCE_DIR, rel);
    tt_error err;
    tt_script *s = tt_script_load(path, NULL, &err);
    if (!s) {
        fprintf(stderr, "fuzz setup: %s: %s\n", path, err.message);
        abort();
    }
    return s;
}

#define FUZZ_MINI "tests/exercise/fixtures/mini.lua"

#endif
