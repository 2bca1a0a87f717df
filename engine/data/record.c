/* Record type names as written in the journal, and which records are inputs. */
#include "tabletop/record.h"

#include <string.h>

static const char *const names[TT_REC__COUNT] = {
    [TT_REC_START] = "start",         [TT_REC_INJECT] = "inject",
    [TT_REC_MESSAGE] = "message",     [TT_REC_ACTION] = "action",
    [TT_REC_DONE] = "done",           [TT_REC_REFUSED] = "refused",
    [TT_REC_STATE] = "state",         [TT_REC_OBJECTIVE] = "objective",
    [TT_REC_NOTE] = "note",           [TT_REC_CUSTOM] = "custom",
    [TT_REC_PAUSE] = "pause",         [TT_REC_RESUME] = "resume",
    [TT_REC_SPEED] = "speed",         [TT_REC_END] = "end",
    [TT_REC_ANSWER] = "answer",       [TT_REC_CANCEL] = "cancel",
    [TT_REC_DECLINED] = "declined",   [TT_REC_ASKED] = "asked",
    [TT_REC_REPLY] = "reply",
};

const char *tt_record_type_name(tt_record_type t)
{
    if ((unsigned)t >= TT_REC__COUNT)
        return "?";
    return names[t];
}

bool tt_record_type_parse(const char *name, tt_record_type *out)
{
    if (!name)
        return false;
    for (int t = 0; t < TT_REC__COUNT; t++) {
        if (strcmp(names[t], name) == 0) {
            *out = (tt_record_type)t;
            return true;
        }
    }
    return false;
}

bool tt_record_is_input(const tt_record *r)
{
    switch (r->type) {
    case TT_REC_ACTION:
    case TT_REC_REFUSED: /* an attempt the team made, refused or not */
    case TT_REC_NOTE:
    case TT_REC_CUSTOM:
    case TT_REC_ANSWER:
    case TT_REC_CANCEL:
    case TT_REC_REPLY:
    case TT_REC_PAUSE:
    case TT_REC_RESUME:
    case TT_REC_SPEED:
        return true;
    case TT_REC_END:
        return r->status && strcmp(r->status, "facilitator") == 0;
    default:
        return false;
    }
}
