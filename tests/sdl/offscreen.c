#include "offscreen.h"

#include <stdio.h>
#include <stdlib.h>

#include "dash.h"

int offscreen_up(void **state)
{
    (void)state;
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    tt_error err;
    tt_error_clear(&err);
    if (dash_sdl_up(true, &err) != 0) {
        fprintf(stderr, "%s\n", err.message);
        return -1;
    }
    return 0;
}

int offscreen_down(void **state)
{
    (void)state;
    dash_sdl_down(true);
    return 0;
}
