/* Rosters on any bytes (through a file, as --roster reads them), checked
 * against the mini scenario's roles. */
#include <unistd.h>

#include "fuzz.h"
#include "tabletop/inputs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_script *mini;
    static char path[64];
    if (!mini) {
        mini = fuzz_scenario(FUZZ_MINI);
        snprintf(path, sizeof path, "/tmp/tt-fuzz-roster-%ld.yaml", (long)getpid());
    }
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size)
        fwrite(data, 1, size, f);
    fclose(f);
    tt_roster r;
    tt_error err;
    if (tt_roster_load(path, tt_script_scenario(mini), &r, &err) == 0)
        tt_roster_free(&r);
    unlink(path);
    return 0;
}
