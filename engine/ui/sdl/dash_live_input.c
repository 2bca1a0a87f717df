/* The facilitator typing on the live board: a custom inject (journaled as
 * CUSTOM, the same words standing for both languages) or a note by the
 * selected role. SDL's text input (with IME composition) feeds it. */
#include <string.h>

#include "dash_live.h"

void live_input_open(live *L, int mode)
{
    if (tt_exercise_phase(L->ex) == TT_PHASE_ENDED || L->sc->n_roles == 0)
        return;
    L->ui.input = mode;
    L->ui.input_text[0] = L->ui.input_editing[0] = '\0';
    L->swallow_text = true;     /* the key that opened it may also type itself */
    SDL_StartTextInput();
}

static void input_close(live *L)
{
    L->ui.input = INPUT_NONE;
    L->ui.input_text[0] = L->ui.input_editing[0] = '\0';
    /* Text input stays on (SDL's desktop default): stopping it would also
     * flush text events already queued. Text is ignored outside input. */
}

static void input_backspace(live *L)
{
    size_t n = strlen(L->ui.input_text);
    while (n > 0 && ((unsigned char)L->ui.input_text[n - 1] & 0xC0) == 0x80)
        n--;                    /* continuation bytes of one UTF-8 character */
    if (n > 0)
        n--;
    L->ui.input_text[n] = '\0';
}

static int input_send(live *L, tt_error *err)
{
    int rc = 0;
    const char *s = L->ui.input_text;
    while (*s == ' ')
        s++;
    if (*s) {
        /* Typed in one language: the same words stand for both. */
        if (L->ui.input == INPUT_INJECT) {
            tt_text t = { s, s };
            rc = tt_exercise_custom_inject(L->ex, &t, err);
        } else {
            const char *role = L->sc->roles[L->ui.role].id;
            rc = tt_exercise_note(L->ex, role, live_member_for(L, role), s, err);
        }
    }
    input_close(L);
    return rc;
}

void live_on_text(live *L, const char *text)
{
    if (L->ui.input == INPUT_NONE)
        return;
    if (L->swallow_text) {
        L->swallow_text = false;
        if (strlen(text) == 1 && strchr("iImM", text[0]))
            return;
    }
    size_t used = strlen(L->ui.input_text), add = strlen(text);
    if (used + add < sizeof L->ui.input_text)
        memcpy(L->ui.input_text + used, text, add + 1);
    L->ui.input_editing[0] = '\0';
}

int live_on_input_key(live *L, const SDL_KeyboardEvent *k, tt_error *err)
{
    switch (k->keysym.sym) {
    case SDLK_RETURN: case SDLK_KP_ENTER: return input_send(L, err);
    case SDLK_ESCAPE: input_close(L); return 0;
    case SDLK_BACKSPACE: input_backspace(L); return 0;
    default: return 0;
    }
}

