/* SDL brought up off-screen (the dummy video driver) for a dashboard test's
 * cmocka group: offscreen_up as its setup, offscreen_down as its teardown. */
#ifndef TT_TEST_SDL_OFFSCREEN_H
#define TT_TEST_SDL_OFFSCREEN_H

int offscreen_up(void **state);
int offscreen_down(void **state);

#endif
