/* The journal reader on any bytes; what it accepts must write back and read
 * back to the same records, and must build and render a scorecard (HTML,
 * Markdown, JSON; both languages) without crashing. */
#include <string.h>

#include "fuzz.h"
#include "tabletop/journal.h"
#include "tabletop/score.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static tt_script *mini;
    if (!mini)
        mini = fuzz_scenario(FUZZ_MINI);
    tt_journal j;
    tt_error err;
    if (tt_journal_read_buffer("fuzz.yaml", (const char *)data, size, &j, &err) != 0)
        return 0;
    /* Round trip: every record the reader gives, the writer can write, and
     * reading that gives the same records. */
    char *all = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&all, &len);
    if (!mem)
        abort();
    for (size_t i = 0; i < j.n_records; i++) {
        char *doc = tt_record_to_yaml(&j.records[i], &err);
        if (!doc) {
            fprintf(stderr, "record %zu read but cannot be written: %s\n", i, err.message);
            abort();
        }
        fputs(doc, mem);
        free(doc);
    }
    fclose(mem);
    tt_journal back;
    if (tt_journal_read_buffer("back.yaml", all, len, &back, &err) != 0) {
        fprintf(stderr, "written journal does not read back: %s\n", err.message);
        abort();
    }
    if (back.n_records != j.n_records)
        abort();
    for (size_t i = 0; i < j.n_records; i++) {
        char *a = tt_record_to_yaml(&j.records[i], &err);
        char *b = tt_record_to_yaml(&back.records[i], &err);
        if (!a || !b || strcmp(a, b) != 0) {
            fprintf(stderr, "record %zu differs after a round trip:\n%s---\n%s\n", i,
                    a ? a : "(none)", b ? b : "(none)");
            abort();
        }
        free(a);
        free(b);
    }
    tt_journal_free(&back);
    free(all);
    /* The card, as `tabletop score` would make it, in one of the six
     * formats and languages chosen by the input (all six over a campaign,
     * at a sixth of the cost of each input rendering every one). */
    tt_scorecard card;
    if (tt_scorecard_build(&card, tt_script_scenario(mini), &j, "fuzz.yaml", NULL, &err) == 0) {
        unsigned pick = size ? data[size - 1] % 6u : 0;
        int f = TT_CARD_HTML + (int)(pick / 2);
        char *text = tt_scorecard_render(&card, (tt_card_format)f, (tt_lang)(pick % 2), NULL,
                                         &err);
        free(text);
        tt_scorecard_free(&card);
    }
    tt_journal_free(&j);
    return 0;
}
