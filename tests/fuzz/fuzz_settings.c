/* --set values on any text, applied to a scenario with a number and a text
 * setting: refused with a message or accepted; numbers stay finite. */
#include <string.h>

#include "fuzz.h"
#include "settings_arg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_script *rate;
    if (!rate)
        rate = fuzz_scenario("tests/cli/fixtures/rate.lua");
    char arg[512];
    if (size >= sizeof arg || memchr(data, '\0', size))
        return 0;
    memcpy(arg, data, size);
    arg[size] = '\0';
    tt_setting_args a = { 0 };
    char why[256];
    if (tt_setting_args_add(&a, arg, why, sizeof why)) {
        tt_rng rng;
        tt_rng_seed(&rng, 1, 0);
        tt_error err;
        (void)tt_script_begin(rate, &rng, a.items, a.n, &err);
    }
    tt_setting_args_free(&a);
    return 0;
}
