/* Scenario files on any bytes, loaded in the sandbox with small limits and,
 * when they load, run headless to their end: random Lua must never escape,
 * hang past the limits or crash. */
#include "fuzz.h"
#include "tabletop/exercise.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* Small limits: each is still reached (and must stop the run cleanly)
     * by inputs that loop or allocate, without spending most of the
     * campaign inside such loops. */
    tt_sandbox_limits l = { .memory_bytes = (size_t)8 << 20,
                            .load_instructions = 300000,
                            .call_instructions = 50000,
                            .wall_ms = 2000,
                            .exercise_instructions = 2000000,
                            .hour_instructions = 1000000 };
    tt_error err;
    tt_script *s = tt_script_load_buffer("fuzz.lua", (const char *)data, size, &l, &err);
    if (!s)
        return 0;
    tt_exercise_config cfg = { .seed = 1 };
    tt_exercise *ex = tt_exercise_new(s, &cfg, &err);
    if (ex && tt_exercise_start(ex, 0, &err) == 0)
        (void)tt_exercise_advance(ex, TT_MS_NEVER, &err);
    tt_exercise_free(ex);
    tt_script_free(s);
    return 0;
}
