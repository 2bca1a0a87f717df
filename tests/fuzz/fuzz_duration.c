/* Durations on any text: what is accepted prints in the one notation, and
 * every printed form reads back to the same time. */
#include <string.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char text[256];
    if (size >= sizeof text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    tt_ms t;
    char why[256];
    if (!tt_duration_parse(text, &t, why, sizeof why))
        return 0;
    if (t < 0)
        abort();
    for (int k = 0; k < 2; k++) {
        char shown[64];
        tt_time_format(t, k ? TT_TIME_SPAN : TT_TIME_AT, shown, sizeof shown);
        tt_ms back;
        if (!tt_duration_parse(shown, &back, why, sizeof why) || back != t) {
            fprintf(stderr, "'%s' -> %lld ms -> '%s' does not read back (%s)\n", text,
                    (long long)t, shown, why);
            abort();
        }
    }
    return 0;
}
