#include "cli_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char tmp[256];

const char *cli_tmp(void)
{
    if (!tmp[0]) {
        const char *build = getenv("TT_BUILD_DIR");
        snprintf(tmp, sizeof tmp, "%s/tt-test-XXXXXX", build ? build : "/tmp");
        if (!mkdtemp(tmp)) {
            perror("mkdtemp");
            exit(1);
        }
    }
    return tmp;
}

const char *cli_path(const char *name)
{
    static char paths[8][512];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", cli_tmp(), name);
    return p;
}

char *cli_slurp(const char *path)
{
    return cli_slurp_n(path, NULL);
}

char *cli_slurp_n(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (len)
        *len = 0;
    if (!fp)
        return strdup("");
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *buf = malloc(n > 0 ? (size_t)n + 1 : 1);
    if (!buf) {
        fclose(fp);
        exit(1);
    }
    size_t got = n > 0 ? fread(buf, 1, (size_t)n, fp) : 0;
    buf[got] = '\0';
    fclose(fp);
    if (len)
        *len = got;
    return buf;
}

void cli_write(const char *path, const char *text)
{
    FILE *fp = fopen(path, "wb");
    if (!fp || fputs(text, fp) < 0) {
        perror(path);
        exit(1);
    }
    fclose(fp);
}

static cli_result run_line(const char *dir, const char *prefix, const char *args)
{
    const char *t = cli_tmp();
    size_t size = strlen(args) + 4096;
    char *cmd = malloc(size);
    if (!cmd)
        exit(1);
    snprintf(cmd, size,
             "cd '%s' && export XDG_DATA_HOME='%s/xdg' && { %s%s ; } >'%s/out' 2>'%s/err' </dev/null",
             dir, t, prefix, args, t, t);
    int rc = system(cmd);
    free(cmd);
    char out[300], err[300];
    snprintf(out, sizeof out, "%s/out", t);
    snprintf(err, sizeof err, "%s/err", t);
    cli_result r = { WIFEXITED(rc) ? WEXITSTATUS(rc) : 128 + WTERMSIG(rc), cli_slurp(out),
                     cli_slurp(err) };
    return r;
}

cli_result cli_run(const char *fmt, ...)
{
    char args[8192], prefix[1100];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    snprintf(prefix, sizeof prefix, "timeout 120 '%s' ", getenv("TT_BINARY"));
    return run_line(getenv("TT_SOURCE_DIR"), prefix, args);
}

cli_result cli_sh(const char *fmt, ...)
{
    char args[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return run_line(getenv("TT_SOURCE_DIR"), "", args);
}

cli_result cli_sh_in(const char *dir, const char *fmt, ...)
{
    char args[8192];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(args, sizeof args, fmt, ap);
    va_end(ap);
    return run_line(dir, "", args);
}

void cli_done(cli_result *r)
{
    free(r->out);
    free(r->err);
}
