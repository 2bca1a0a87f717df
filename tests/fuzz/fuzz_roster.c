/* Rosters on any bytes, checked against the mini scenario's roles (from
 * memory: the file reading in front of it is tested in tests/data/test_inputs.c). */
#include "fuzz.h"
#include "tabletop/inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_script *mini;
    if (!mini)
        mini = fuzz_scenario(FUZZ_MINI);
    tt_roster r;
    tt_error err;
    if (tt_roster_load_buffer("fuzz.yaml", (const char *)data, size, tt_script_scenario(mini),
                              &r, &err) == 0)
        tt_roster_free(&r);
    return 0;
}
