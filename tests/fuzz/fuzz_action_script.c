/* Action scripts on any bytes, checked against the mini scenario; what is
 * accepted is played headless to the end (journal to /dev/null). */
#include "fuzz.h"
#include "tabletop/exercise.h"
#include "tabletop/inputs.h"
#include "tabletop/journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_script *mini;
    if (!mini)
        mini = fuzz_scenario(FUZZ_MINI);
    tt_action_script as;
    tt_error err;
    if (tt_action_script_load_buffer("fuzz.yaml", (const char *)data, size,
                                     tt_script_scenario(mini), &as, &err) != 0)
        return 0;
    tt_exercise_config cfg = { .seed = as.has_seed ? as.seed : 1,
                               .settings = as.settings, .n_settings = as.n_settings };
    cfg.journal = tt_journal_create("/dev/null", false, &err);
    if (!cfg.journal)
        abort();
    tt_exercise *ex = tt_exercise_new(mini, &cfg, &err);
    if (ex && tt_exercise_start(ex, 0, &err) == 0 && tt_exercise_play(ex, &as, 0, &err) == 0)
        (void)tt_exercise_advance(ex, TT_MS_NEVER, &err);
    tt_exercise_free(ex);
    tt_journal_close(cfg.journal, &err);
    tt_action_script_free(&as);
    return 0;
}
