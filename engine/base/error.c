/* Located error messages shared by every module. */
#include "tabletop/base.h"
#include "tabletop/terms.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void tt_error_clear(tt_error *err)
{
    if (!err)
        return;
    /* Only what readers look at: clearing 1.5 KB on every call showed in
     * profiles of the exercise loop. */
    err->file[0] = '\0';
    err->line = 0;
    err->column = 0;
    err->message[0] = '\0';
    err->cls = TT_ERR_INPUT;
}

/* Messages quote scenario, roster and journal text (Lua's own messages may
 * quote a metatable's __name), so they are made terminal-safe here, once,
 * whoever prints them. */
__attribute__((format(printf, 6, 0))) static void set(tt_error *err, tt_error_class cls, const char *file,
                                                       int line, int column, const char *fmt, va_list ap)
{
    if (!err)
        return;
    tt_error_clear(err);
    if (file)
        tt_term_safe(err->file, sizeof err->file, file, strlen(file), 0);
    err->line = line;
    err->column = column;
    err->cls = cls;
    char raw[2 * sizeof err->message];
    int n = vsnprintf(raw, sizeof raw, fmt, ap);
    if (n < 0)
        raw[0] = '\0';
    size_t len = strlen(raw);
    /* A cut in the middle of a character is dropped, not shown as bytes. */
    if (n >= (int)sizeof raw)
        while (len > 0 && ((unsigned char)raw[len - 1] & 0x80))
            len--;
    tt_term_safe(err->message, sizeof err->message, raw, len, TT_TERM_KEEP_NEWLINES);
}

void tt_error_set(tt_error *err, const char *file, int line, int column,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(err, TT_ERR_INPUT, file, line, column, fmt, ap);
    va_end(ap);
}

void tt_error_runtime(tt_error *err, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(err, TT_ERR_RUNTIME, file, 0, 0, fmt, ap);
    va_end(ap);
}

void tt_error_set_as(tt_error *err, tt_error_class cls, const char *file, int line, int column,
                     const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    set(err, cls, file, line, column, fmt, ap);
    va_end(ap);
}

void tt_error_oom(tt_error *err, const char *file)
{
    tt_error_set_as(err, TT_ERR_NOMEM, file, 0, 0, TT_MSG(E_OUT_OF_MEMORY));
}

int tt_exit_for(tt_error_class cls)
{
    return cls == TT_ERR_INPUT ? TT_EXIT_BADINPUT : TT_EXIT_RUNTIME;
}

int tt_error_exit(const tt_error *err)
{
    return tt_exit_for(err->cls);
}

int tt_error_report(const tt_error *err, const char *prefix)
{
    tt_error_print(err, prefix);
    return tt_error_exit(err);
}

void tt_error_format(const tt_error *err, char *buf, size_t size)
{
    if (!size)
        return;
    char where[64] = "";
    if (err->line > 0 && err->column > 0)
        snprintf(where, sizeof where, ":%d:%d", err->line, err->column);
    else if (err->line > 0)
        snprintf(where, sizeof where, ":%d", err->line);
    const char *msg = err->message[0] ? err->message : TT_MSG(E_UNKNOWN_ERROR);
    if (err->file[0])
        snprintf(buf, size, "%s%s: %s", err->file, where, msg);
    else
        snprintf(buf, size, "%s", msg);
}

void tt_error_print(const tt_error *err, const char *prefix)
{
    if (prefix && *prefix)
        fprintf(stderr, "%s: ", prefix);
    if (err->file[0]) {
        tt_term_fputs(err->file, 0, stderr);
        fputc(':', stderr);
        if (err->line > 0) {
            fprintf(stderr, "%d:", err->line);
            if (err->column > 0)
                fprintf(stderr, "%d:", err->column);
        }
        fputc(' ', stderr);
    }
    tt_term_fputs(err->message[0] ? err->message : TT_MSG(E_UNKNOWN_ERROR), TT_TERM_KEEP_NEWLINES,
                  stderr);
    fputc('\n', stderr);
}
