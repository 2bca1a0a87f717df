/* Where the program's read-only data lives: the scenarios and the assets.
 *
 * An installed binary finds them beside itself (BINDIR/../share/tabletop,
 * whatever the prefix), so a package or a relocated prefix works without the
 * build machine's paths. A binary run from its build tree uses the source
 * tree it was built from; a binary that is neither falls back to the
 * configured install prefix. */
/* realpath is XSI. */
#define _XOPEN_SOURCE 700
#include "tabletop/base.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef TT_VERSION
#define TT_VERSION "unknown"
#endif
#ifndef TT_BIN_TO_DATA
#define TT_BIN_TO_DATA "../share/tabletop"
#endif
#ifndef TT_INSTALL_DATA_DIR
#define TT_INSTALL_DATA_DIR "/usr/local/share/tabletop"
#endif
#ifndef TT_BIN_TO_MODULES
#define TT_BIN_TO_MODULES "../lib/tabletop/modules"
#endif
#ifndef TT_INSTALL_MODULE_DIR
#define TT_INSTALL_MODULE_DIR "/usr/local/lib/tabletop/modules"
#endif

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder holding the running executable, resolved; false if unknown. */
static bool exe_dir(char *out, size_t size)
{
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0 || (size_t)n >= sizeof buf - 1)
        return false;
    buf[n] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return snprintf(out, size, "%s", buf[0] ? buf : "/") < (int)size;
}

/* True when `dir` is `root` or lies below it (both resolved paths). */
static bool is_under(const char *dir, const char *root)
{
    char real_root[PATH_MAX];
    if (!root[0] || !realpath(root, real_root))
        return false;
    size_t len = strlen(real_root);
    return strncmp(dir, real_root, len) == 0 && (dir[len] == '\0' || dir[len] == '/');
}

/* Which layout this binary runs in. */
typedef enum { LAYOUT_INSTALLED, LAYOUT_SOURCE, LAYOUT_PREFIX } layout;

static layout detect(char *installed, size_t size)
{
    char dir[PATH_MAX];
    if (!exe_dir(dir, sizeof dir))
        return LAYOUT_PREFIX;
#ifdef TT_BUILD_DIR
    if (is_under(dir, TT_BUILD_DIR))
        return LAYOUT_SOURCE;
#endif
    char candidate[PATH_MAX];
    if (snprintf(candidate, sizeof candidate, "%s/%s", dir, TT_BIN_TO_DATA) <
            (int)sizeof candidate &&
        realpath(candidate, installed) && is_dir(installed) && strlen(installed) < size)
        return LAYOUT_INSTALLED;
    return LAYOUT_PREFIX;
}

int tt_data_path(tt_data_kind kind, const char *sub, char *out, size_t size)
{
    /* Not cached: cheap, rare, and safe from any thread. */
    char installed[PATH_MAX];
    layout where = detect(installed, sizeof installed);
    const char *root = where == LAYOUT_INSTALLED ? installed : TT_INSTALL_DATA_DIR;
    /* Installed: PREFIX/share/tabletop/scenarios and the assets directly in
     * PREFIX/share/tabletop. Source tree: SRC/scenarios and SRC/assets. */
    const char *part = kind == TT_DATA_SCENARIOS ? "/scenarios" : "";
#ifdef TT_SOURCE_DIR
    if (where == LAYOUT_SOURCE) {
        root = TT_SOURCE_DIR;
        part = kind == TT_DATA_SCENARIOS ? "/scenarios" : "/assets";
    }
#endif
    int n = snprintf(out, size, "%s%s%s%s", root, part, sub && *sub ? "/" : "",
                     sub ? sub : "");
    return n > 0 && (size_t)n < size ? 0 : -1;
}

int tt_module_path(const char *name, char *out, size_t size)
{
    const char *dir = getenv("TABLETOP_MODULE_DIR");
    char buf[PATH_MAX], candidate[PATH_MAX];
    if (!dir || !*dir) {
        dir = TT_INSTALL_MODULE_DIR;
        char exe[PATH_MAX];
        if (exe_dir(exe, sizeof exe)) {
#ifdef TT_BUILD_DIR
            if (is_under(exe, TT_BUILD_DIR))
                dir = TT_BUILD_DIR "/modules";
            else
#endif
            if (snprintf(candidate, sizeof candidate, "%s/%s", exe, TT_BIN_TO_MODULES) <
                    (int)sizeof candidate &&
                realpath(candidate, buf) && is_dir(buf))
                dir = buf;
        }
    }
    int n = snprintf(out, size, "%s/%s.so", dir, name);
    return n > 0 && (size_t)n < size ? 0 : -1;
}

const char *tt_version(void)
{
    return TT_VERSION;
}
