/* A scenario played to its end for dashboard tests (played.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "played.h"
#include "tabletop/inputs.h"

/* Play a scenario (from a file or a buffer) with an answer script when one
 * is given, to its end; records kept in a feed. */
void play(played *p, const char *path, const char *buf, const char *answers)
{
    memset(p, 0, sizeof *p);
    tt_error err;
    tt_error_clear(&err);
    tt_sandbox_limits lim;
    tt_sandbox_limits_default(&lim);
    p->script = buf ? tt_script_load_buffer(path, buf, strlen(buf), &lim, &err)
                    : tt_script_load(path, &lim, &err);
    if (!p->script)
        fail_msg("%s: %s", path, err.message);
    const tt_scenario *sc = tt_script_scenario(p->script);
    tt_action_script as;
    memset(&as, 0, sizeof as);
    bool have = answers && tt_action_script_load(answers, sc, &as, &err) == 0;
    if (answers && !have)
        fail_msg("%s: %s", answers, err.message);
    p->feed = tt_dashboard_feed_new();
    assert_non_null(p->feed);
    tt_exercise_config cfg = { .seed = have && as.has_seed ? as.seed : 1, .speed = 0,
                               .lang = TT_LANG_JA, .sink = tt_dashboard_feed_sink,
                               .sink_user = p->feed };
    if (have) {
        cfg.settings = as.settings;
        cfg.n_settings = as.n_settings;
    }
    p->ex = tt_exercise_new(p->script, &cfg, &err);
    if (!p->ex || tt_exercise_start(p->ex, 0, &err) != 0 ||
        (have ? tt_exercise_play(p->ex, &as, 0, &err)
              : tt_exercise_advance(p->ex, sc->length, &err)) != 0)
        fail_msg("%s: %s", path, err.message);
    if (have)
        tt_action_script_free(&as);
    p->recs = tt_dashboard_feed_records(p->feed, &p->n);
    assert_true(p->n > 0);
}

void unplay(played *p)
{
    tt_exercise_free(p->ex);
    tt_dashboard_feed_free(p->feed);
    tt_script_free(p->script);
}


size_t play_every_scenario(void (*fn)(void *user, const char *id, const played *p), void *user)
{
    const char *src = getenv("TT_SOURCE_DIR");
    assert_non_null(src);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/scenarios", src);
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t len = strlen(e->d_name);
        if (len < 5 || strcmp(e->d_name + len - 4, ".lua") != 0)
            continue;
        char path[2048], answers[2048], id[256];
        snprintf(id, sizeof id, "%.*s", (int)(len - 4), e->d_name);
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        snprintf(answers, sizeof answers, "%s/answers/%s/model.yaml", dir, id);
        FILE *f = fopen(answers, "r");
        if (f)
            fclose(f);
        played p;
        play(&p, path, NULL, f ? answers : NULL);
        fn(user, id, &p);
        unplay(&p);
        count++;
    }
    closedir(d);
    return count;
}
