/* The shared source scanner (see source_scan.h). */
#include "source_scan.h"

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool scan_file_from_text(scan_file *f, const char *name, const char *text)
{
    *f = (scan_file){ .path = name, .text = strdup(text) };
    f->n = f->text ? strlen(f->text) : 0;
    return f->text != NULL;
}

bool scan_file_read(scan_file *f, const char *path)
{
    *f = (scan_file){ .path = path };
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    size_t cap = 1 << 16;
    f->text = malloc(cap);
    while (f->text) {
        f->n += fread(f->text + f->n, 1, cap - f->n - 1, fp);
        if (f->n < cap - 1)
            break;
        char *bigger = realloc(f->text, cap * 2);
        if (!bigger) {
            free(f->text);
            f->text = NULL;
            break;
        }
        f->text = bigger;
        cap *= 2;
    }
    bool ok = f->text && !ferror(fp);
    fclose(fp);
    if (!ok) {
        scan_file_free(f);
        return false;
    }
    f->text[f->n] = '\0';
    return true;
}

void scan_file_free(scan_file *f)
{
    free(f->text);
    f->text = NULL;
    f->n = 0;
}

void scan_reader_init(scan_reader *r, const scan_file *f)
{
    *r = (scan_reader){ .file = f, .pos = 0, .line = 1 };
}

static bool is_name_char(char c)
{
    return isalnum((unsigned char)c) || c == '_';
}

bool scan_next(scan_reader *r, scan_token *tok)
{
    const char *text = r->file->text;
    size_t n = r->file->n, i = r->pos;
    for (;;) {
        if (i >= n) {
            r->pos = n;
            return false;
        }
        if (text[i] == '\n') {
            r->line++;
            i++;
        } else if (isspace((unsigned char)text[i])) {
            i++;
        } else if (text[i] == '/' && i + 1 < n && text[i + 1] == '*') {
            for (i += 2; i < n && !(text[i] == '*' && i + 1 < n && text[i + 1] == '/'); i++)
                r->line += text[i] == '\n';
            i += 2;
        } else if (text[i] == '/' && i + 1 < n && text[i + 1] == '/') {
            while (i < n && text[i] != '\n')
                i++;
        } else {
            break;
        }
    }
    *tok = (scan_token){ .text = text + i, .line = r->line };
    char c = text[i];
    if (c == '"' || c == '\'') {
        size_t start = ++i;
        while (i < n && text[i] != c) {
            if (text[i] == '\\' && i + 1 < n)
                i++;
            r->line += text[i] == '\n';
            i++;
        }
        tok->kind = c == '"' ? SCAN_STRING : SCAN_CHAR;
        tok->text = text + start;
        tok->len = i - start;
        r->pos = i < n ? i + 1 : n;
        return true;
    }
    size_t start = i;
    if (isdigit((unsigned char)c)) {
        while (i < n && (is_name_char(text[i]) || text[i] == '.' ||
                         ((text[i] == '+' || text[i] == '-') && strchr("eEpP", text[i - 1]))))
            i++;
        tok->kind = SCAN_NUMBER;
    } else if (is_name_char(c)) {
        while (i < n && is_name_char(text[i]))
            i++;
        tok->kind = SCAN_IDENT;
    } else {
        i++;
        tok->kind = SCAN_PUNCT;
    }
    tok->len = i - start;
    r->pos = i;
    return true;
}

bool scan_is_punct(const scan_token *t, char c)
{
    return t->kind == SCAN_PUNCT && t->text[0] == c;
}

bool scan_is_ident(const scan_token *t, const char *name)
{
    return t->kind == SCAN_IDENT && strlen(name) == t->len && memcmp(t->text, name, t->len) == 0;
}

void scan_report_init(scan_report *r)
{
    r->text[0] = '\0';
    r->used = 0;
    r->found = 0;
}

void scan_say(scan_report *r, const char *path, int line, const char *fmt, ...)
{
    r->found++;
    if (r->used + 1 >= sizeof r->text)
        return;
    int k = line > 0 ? snprintf(r->text + r->used, sizeof r->text - r->used, "%s:%d: ", path, line)
                     : snprintf(r->text + r->used, sizeof r->text - r->used, "%s: ", path);
    if (k > 0)
        r->used += (size_t)k < sizeof r->text - r->used ? (size_t)k : sizeof r->text - r->used - 1;
    va_list ap;
    va_start(ap, fmt);
    k = vsnprintf(r->text + r->used, sizeof r->text - r->used, fmt, ap);
    va_end(ap);
    if (k > 0)
        r->used += (size_t)k < sizeof r->text - r->used ? (size_t)k : sizeof r->text - r->used - 1;
    if (r->used + 1 < sizeof r->text) {
        r->text[r->used++] = '\n';
        r->text[r->used] = '\0';
    }
}

static bool listed(const char *name, const char *const *names)
{
    for (; names && *names; names++)
        if (strcmp(name, *names) == 0)
            return true;
    return false;
}

static bool is_source(const char *name)
{
    size_t len = strlen(name);
    return len > 2 && name[len - 2] == '.' && (name[len - 1] == 'c' || name[len - 1] == 'h');
}

int scan_tree(const char *root, const char *rel, bool recursive, const char *const *pending,
              const char *test_name, scan_file_fn check, void *ctx, scan_report *r)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s%s%s", root, rel[0] ? "/" : "", rel);
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int files = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char sub[4096], path[8192];
        snprintf(sub, sizeof sub, "%s%s%s", rel, rel[0] ? "/" : "", e->d_name);
        snprintf(path, sizeof path, "%s/%s", root, sub);
        struct stat st;
        if (stat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            int k = recursive ? scan_tree(root, sub, true, pending, test_name, check, ctx, r) : 0;
            files += k > 0 ? k : 0;
            continue;
        }
        if (!is_source(e->d_name))
            continue;
        scan_file f;
        if (!scan_file_read(&f, path)) {
            scan_say(r, path, 0, "cannot be read");
            continue;
        }
        files++;
        if (!listed(sub, pending)) {
            check(&f, r, ctx);
        } else {
            /* still pending while it has findings: those are not reported */
            static scan_report scratch;
            scan_report_init(&scratch);
            if (check(&f, &scratch, ctx) == 0)
                scan_say(r, path, 0, "clean now; remove it from the pending list in %s", test_name);
        }
        scan_file_free(&f);
    }
    closedir(d);
    return files;
}
