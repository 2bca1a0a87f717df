/* End to end: `tabletop run SCENARIO --snapshot F.png --at TIME [--size WxH]`
 * renders every shipped scenario headless (no display), in both languages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include <SDL.h>
#include <SDL_image.h>

static const char *binary(void)
{
    const char *b = getenv("TT_BINARY");
    return b && access(b, X_OK) == 0 ? b : NULL;
}

static int run(const char *args)
{
    char cmd[8192];
    snprintf(cmd, sizeof cmd, "env -u DISPLAY -u WAYLAND_DISPLAY '%s' %s >/dev/null 2>&1",
             binary(), args);
    int st = system(cmd);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void out_path(char *buf, size_t n, const char *name)
{
    const char *dir = getenv("TT_BUILD_DIR");
    snprintf(buf, n, "%s/test_dash_cli_%d_%s.png", dir ? dir : ".", (int)getpid(), name);
}

static void check_png(const char *path, int w, int h)
{
    SDL_Surface *s = IMG_Load(path);
    if (!s)
        fail_msg("%s: %s", path, IMG_GetError());
    assert_int_equal(s->w, w);
    assert_int_equal(s->h, h);
    SDL_FreeSurface(s);
    remove(path);
}

static void test_every_scenario_snapshots(void **state)
{
    (void)state;
    if (!binary())
        fail_msg("TT_BINARY is not an executable tabletop");
    char dir[512], args[4096], png[1024];
    snprintf(dir, sizeof dir, "%s/scenarios", getenv("TT_SOURCE_DIR"));
    DIR *d = opendir(dir);
    assert_non_null(d);
    int seen = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char id[256];
        snprintf(id, sizeof id, "%.*s", (int)(len - 4), e->d_name);
        const char *lang = seen % 2 ? "en" : "ja";
        out_path(png, sizeof png, id);
        snprintf(args, sizeof args, "run '%s/%s' --snapshot '%s' --at 1h --lang %s", dir,
                 e->d_name, png, lang);
        int rc = run(args);
        if (rc != 0)
            fail_msg("%s: exit %d", args, rc);
        check_png(png, 1920, 1080);
        seen++;
    }
    closedir(d);
    assert_true(seen >= 6);   /* the six stock scenarios at least */
}

static void test_size_and_bad_input(void **state)
{
    (void)state;
    if (!binary())
        fail_msg("TT_BINARY is not an executable tabletop");
    char args[4096], png[1024];
    out_path(png, sizeof png, "size");
    snprintf(args, sizeof args, "run ransomware --snapshot '%s' --at 30m --size 1280x720", png);
    assert_int_equal(run(args), 0);
    check_png(png, 1280, 720);
    snprintf(args, sizeof args, "run ransomware --snapshot '%s' --at 30m --size 12x", png);
    assert_int_equal(run(args), 2);
    assert_int_not_equal(access(png, F_OK), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_scenario_snapshots),
        cmocka_unit_test(test_size_and_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
