/* tabletop new ID [--dir D]: a bilingual skeleton scenario (one role, one
 * party, one dynamic, one objective per phase) and its four answer scripts,
 * which pass check and lint as written. Never overwrites a file. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "options.h"
#include "new_templates.h"
#include "tabletop/base.h"

static const char USAGE_EN[] =
    "usage: tabletop new ID [--dir D]\n"
    "\n"
    "Writes a new scenario D/ID.lua (default D: scenarios) with one role, one\n"
    "reporting party, one dynamic and one objective per phase, in Japanese and\n"
    "English, and its four answer scripts D/answers/ID/model.yaml, history.yaml,\n"
    "nothing.yaml and red-herring.yaml. The files pass 'tabletop check' and\n"
    "'tabletop lint' as written. Existing files are never overwritten.\n"
    "\n"
    "  --dir D     the scenario folder (created if missing)\n"
    "\n"
    "Exit codes: 0 ok, 1 cannot write, 2 bad input.\n";
static const char USAGE_JA[] =
    "使い方: tabletop new ID [--dir D]\n"
    "\n"
    "新しいシナリオ D/ID.lua（既定の D: scenarios）を書きます。役割1つ、報告先1つ、\n"
    "動的要素1つ、局面ごとの目標1つを日英両方で用意し、4つの解答スクリプト\n"
    "D/answers/ID/model.yaml、history.yaml、nothing.yaml、red-herring.yaml も書きます。\n"
    "そのまま 'tabletop check' と 'tabletop lint' を通ります。既存のファイルは上書きしません。\n"
    "\n"
    "  --dir D     シナリオのフォルダー（なければ作成）\n"
    "\n"
    "終了コード: 0 正常、1 書き込めない、2 入力の誤り。\n";

static bool valid_id(const char *id)
{
    size_t n = strlen(id);
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!((id[i] >= 'a' && id[i] <= 'z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-'))
            return false;
    return true;
}

/* The template with every "@ID@" replaced; NULL when out of memory. */
static char *expand(const char *tpl, const char *id)
{
    size_t n = 0, idl = strlen(id);
    for (const char *p = strstr(tpl, "@ID@"); p; p = strstr(p + 4, "@ID@"))
        n++;
    size_t size = strlen(tpl) + n * idl + 1;
    char *out = malloc(size), *w = out;
    if (!out)
        return NULL;
    for (const char *p = tpl; *p;) {
        if (strncmp(p, "@ID@", 4) == 0) {
            memcpy(w, id, idl);
            w += idl;
            p += 4;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return out;
}

static int make_dir(const char *path)
{
    if (mkdir(path, 0777) == 0 || errno == EEXIST)
        return 0;
    fprintf(stderr, "tabletop new: %s: %s\n", path, strerror(errno));
    return -1;
}

/* Create path exclusively (never an existing file, never through a link). */
static int write_new(const char *path, const char *text)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0666);
    if (fd < 0) {
        fprintf(stderr, "tabletop new: %s: %s\n", path,
                errno == EEXIST ? "already exists; nothing was overwritten" : strerror(errno));
        return -1;
    }
    size_t len = strlen(text), off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            fprintf(stderr, "tabletop new: %s: %s\n", path, strerror(errno));
            close(fd);
            return -1;
        }
        off += (size_t)w;
    }
    if (close(fd) != 0) {
        fprintf(stderr, "tabletop new: %s: %s\n", path, strerror(errno));
        return -1;
    }
    return 0;
}

int tt_cmd_new(int argc, char **argv)
{
    tt_cmdline cl = { .name = "new", .usage_en = USAGE_EN, .usage_ja = USAGE_JA,
                      .min_args = 1, .max_args = 1,
                      .missing = { "シナリオの ID を指定してください", "which id? give one, e.g. water-plant" } };
    const char *dir = "scenarios";
    const tt_opt opts[] = {
        { "dir", 0, TT_OPT_PATH, &dir, NULL, NULL },
        { "lang", 0, TT_OPT_LANG, &cl.lang, NULL, NULL },
        { NULL, 0, 0, NULL, NULL, NULL },
    };
    if (!tt_opts_parse(&cl, argc, argv, opts))
        return cl.status;
    const char *id = cl.args[0];
    if (!valid_id(id))
        return tt_cmd_fail(&cl, "'%s' はシナリオ ID ではありません（a-z、0-9、-、64文字まで）",
                           "'%s' is not a scenario id (a-z, 0-9 and -, at most 64)", id);
    char path[4096], answers[4096];
    int n1 = snprintf(path, sizeof path, "%s/%s.lua", dir, id);
    int n2 = snprintf(answers, sizeof answers, "%s/answers/%s", dir, id);
    if (n1 < 0 || n2 < 0 || (size_t)n1 >= sizeof path || (size_t)n2 + 32 >= sizeof answers) {
        fprintf(stderr, "tabletop new: the folder name is too long\n");
        return TT_EXIT_BADINPUT;
    }
    /* Refuse before writing anything when any file exists. */
    static const char *const names[] = { "model", "history", "nothing", "red-herring" };
    const char *const texts[] = { NEW_MODEL, NEW_HISTORY, NEW_NOTHING, NEW_RED_HERRING };
    struct stat st;
    if (lstat(path, &st) == 0) {
        fprintf(stderr, "tabletop new: %s already exists; nothing was written\n", path);
        return TT_EXIT_BADINPUT;
    }
    for (size_t i = 0; i < 4; i++) {
        char file[4200];
        snprintf(file, sizeof file, "%s/%s.yaml", answers, names[i]);
        if (lstat(file, &st) == 0) {
            fprintf(stderr, "tabletop new: %s already exists; nothing was written\n", file);
            return TT_EXIT_BADINPUT;
        }
    }
    char answers_parent[4200];
    snprintf(answers_parent, sizeof answers_parent, "%s/answers", dir);
    if (make_dir(dir) || make_dir(answers_parent) || make_dir(answers))
        return TT_EXIT_RUNTIME;
    char *text = expand(NEW_SCENARIO, id);
    if (!text || write_new(path, text) != 0) {
        free(text);
        return TT_EXIT_RUNTIME;
    }
    free(text);
    printf("%s\n", path);
    for (size_t i = 0; i < 4; i++) {
        char file[4200];
        snprintf(file, sizeof file, "%s/%s.yaml", answers, names[i]);
        text = expand(texts[i], id);
        if (!text || write_new(file, text) != 0) {
            free(text);
            return TT_EXIT_RUNTIME;
        }
        free(text);
        printf("%s\n", file);
    }
    printf("next: tabletop check %s && tabletop lint %s\n"
          "      tabletop run %s --script %s/model.yaml --ui none\n", path, path, path, answers);
    return TT_EXIT_OK;
}
