/* Exercise state machine: ready -> running <-> paused -> ended. */
#include "tabletop/sim.h"

bool tt_phase_step(tt_phase *phase, tt_transition t)
{
    tt_phase next = *phase;
    switch (t) {
    case TT_GO_START:
        if (*phase != TT_PHASE_READY) return false;
        next = TT_PHASE_RUNNING;
        break;
    case TT_GO_PAUSE:
        if (*phase != TT_PHASE_RUNNING) return false;
        next = TT_PHASE_PAUSED;
        break;
    case TT_GO_RESUME:
        if (*phase != TT_PHASE_PAUSED) return false;
        next = TT_PHASE_RUNNING;
        break;
    case TT_GO_END:
        if (*phase == TT_PHASE_ENDED) return false;
        next = TT_PHASE_ENDED;
        break;
    }
    *phase = next;
    return true;
}

const char *tt_phase_name(tt_phase p)
{
    switch (p) {
    case TT_PHASE_READY: return "ready";
    case TT_PHASE_RUNNING: return "running";
    case TT_PHASE_PAUSED: return "paused";
    case TT_PHASE_ENDED: return "ended";
    }
    return "?";
}
