/* Replay of any journal the reader accepts, against the mini scenario:
 * it must agree, disagree or refuse, never crash or hang. */
#include "fuzz.h"
#include "tabletop/exercise.h"
#include "tabletop/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_script *mini;
    if (!mini)
        mini = fuzz_scenario(FUZZ_MINI);
    tt_journal j;
    tt_error err;
    if (tt_journal_read_buffer("fuzz.yaml", (const char *)data, size, &j, &err) != 0)
        return 0;
    tt_replay_result res;
    (void)tt_exercise_replay(mini, &j, &res, &err);
    tt_journal_free(&j);
    return 0;
}
