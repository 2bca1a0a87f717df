/* One parser for every command's options (see options.h). */
#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "frontend.h"
#include "tabletop/suggest.h"
#include "tabletop/terms.h"

/* Both formats are checked at the callers (tt_cmd_fail's attributes). */
__attribute__((format(printf, 3, 0), format(printf, 4, 0)))
static int fail_v(const tt_cmdline *cl, tt_error_class cls, const char *ja, const char *en, va_list ap)
{
    fprintf(stderr, "tabletop %s: ", cl->name);
    vfprintf(stderr, cl->lang == TT_LANG_JA ? ja : en, ap);
    fputc('\n', stderr);
    if (cls == TT_ERR_INPUT) {
        fprintf(stderr, TT_FMT(cl->lang, C_SEE_HELP_FMT), cl->name);
        fputc('\n', stderr);
    }
    return tt_exit_for(cls);
}

int tt_cmd_fail(const tt_cmdline *cl, const char *ja, const char *en, ...)
{
    va_list ap;
    va_start(ap, en);
    int status = fail_v(cl, TT_ERR_INPUT, ja, en, ap);
    va_end(ap);
    return status;
}

int tt_cmd_fail_as(const tt_cmdline *cl, tt_error_class cls, const char *ja, const char *en, ...)
{
    va_list ap;
    va_start(ap, en);
    int status = fail_v(cl, cls, ja, en, ap);
    va_end(ap);
    return status;
}

void tt_help_exit_codes(FILE *out, tt_lang lang, const tt_text *exits)
{
    const char *meaning = exits && exits->en ? tt_text_get(exits, lang) : "";
    if (!*meaning)
        meaning = tt_term_text(C_EXITS_DEFAULT, lang);
    fprintf(out, TT_FMT(lang, C_EXITS_LINE_FMT), meaning);
}

/* The argument of one option into its destination; false with a message. */
static bool take(tt_cmdline *cl, const tt_opt *o, const char *arg)
{
    char why[1200];
    switch (o->kind) {
    case TT_OPT_FLAG: *(bool *)o->dest = true; break;
    case TT_OPT_TEXT: *(const char **)o->dest = arg; break;
    case TT_OPT_PATH:
    case TT_OPT_OUTPUT:
    case TT_OPT_FOLDER:
        if (!*arg)
            return tt_cmd_fail(cl, C_OPT_WANTS_PATH_FMT_TEXT, o->name), false;
        *(const char **)o->dest = arg;
        break;
    case TT_OPT_LANG:
        if (!tt_lang_parse(arg, &cl->lang))
            return tt_cmd_fail(cl, C_OPT_LANG_FMT_TEXT, o->name, arg), false;
        *(tt_lang *)o->dest = cl->lang;
        tt_lang_messages_set(cl->lang);
        break;
    case TT_OPT_UI:
        if (!tt_ui_parse(arg, o->dest))
            return tt_cmd_fail(cl, C_OPT_UI_FMT_TEXT, o->name, arg), false;
        break;
    case TT_OPT_SPEED:
        if (!tt_speed_parse(arg, o->dest))
            return tt_cmd_fail(cl, C_OPT_SPEED_FMT_TEXT, o->name, arg), false;
        break;
    case TT_OPT_DURATION:
        if (!tt_duration_parse(arg, o->dest, why, sizeof why))
            return tt_cmd_fail(cl, "--%s: %s", "--%s: %s", o->name, why), false;
        break;
    case TT_OPT_SEED: {
        char *end = NULL;
        errno = 0;
        unsigned long long v = *arg == '-' || !*arg ? 0 : strtoull(arg, &end, 10);
        if (*arg == '-' || !*arg || errno || *end)
            return tt_cmd_fail(cl, C_OPT_SEED_FMT_TEXT, o->name, arg), false;
        *(uint64_t *)o->dest = v;
        break;
    }
    case TT_OPT_CUSTOM:
        why[0] = '\0';
        if (!o->parse(arg, o->dest, why, sizeof why)) {
            cl->status = why[0] ? tt_cmd_fail(cl, "%s", "%s", why)
                                : tt_cmd_fail_as(cl, TT_ERR_NOMEM, C_NOMEM_TEXT);
            return false;
        }
        break;
    }
    if (o->given)
        *o->given = true;
    return true;
}

enum { MAX_OPTS = 40, HELP_ID = 1000 };

/* The option a word names when it takes a value: "--journal" (or an
 * abbreviation getopt accepts, "--jour"), "-o"; NULL otherwise. */
static const tt_opt *option_with_value(const tt_opt *opts, size_t n, const char *arg)
{
    if (arg[0] != '-' || !arg[1])
        return NULL;
    if (arg[1] != '-') {
        for (size_t i = 0; !arg[2] && i < n; i++)
            if (opts[i].short_name == arg[1] && opts[i].kind != TT_OPT_FLAG)
                return &opts[i];
        return NULL;
    }
    const char *name = arg + 2;
    size_t len = strlen(name);
    const tt_opt *found = NULL;
    for (size_t i = 0; len && !strchr(name, '=') && i < n; i++) {
        if (strncmp(opts[i].name, name, len) != 0)
            continue;
        if (opts[i].name[len] == '\0')
            return opts[i].kind != TT_OPT_FLAG ? &opts[i] : NULL;
        found = found ? &opts[n] : &opts[i]; /* two prefixes: ambiguous */
    }
    return found && found != &opts[n] && found->kind != TT_OPT_FLAG ? found : NULL;
}

/* An option not in the table: the nearest long option when it is a typo
 * ("--jounral": did you mean '--journal'?); a known one given last without
 * its value is said so ("option '--journal' needs a value"). */
static void unknown_option(tt_cmdline *cl, const tt_opt *opts, size_t n, const char *arg)
{
    const tt_opt *valued = option_with_value(opts, n, arg);
    if (valued) { /* tt_cmd_fail adds "(see 'tabletop CMD --help')" */
        tt_cmd_fail(cl, C_OPTION_NEEDS_VALUE_FMT_TEXT, arg);
        return;
    }
    char name[128];
    const char *p = arg;
    while (*p == '-')
        p++;
    snprintf(name, sizeof name, "%.*s", (int)strcspn(p, "="), p);
    const char *near = arg[0] == '-' && arg[1] == '-' && n
                           ? tt_suggest_nearest(name, &opts[0].name, n, sizeof opts[0])
                           : NULL;
    if (!near && strncmp(arg, "--", 2) == 0 && tt_edit_distance(name, "help", 2) < 2)
        near = "help";
    char msg[600];
    int off = snprintf(msg, sizeof msg, TT_FMT(cl->lang, C_UNKNOWN_OPTION_FMT), arg);
    if (near && off > 0 && (size_t)off < sizeof msg) {
        char full[140];
        snprintf(full, sizeof full, "--%s", near);
        off += snprintf(msg + off, sizeof msg - (size_t)off, "; ");
        if (off > 0 && (size_t)off < sizeof msg)
            snprintf(msg + off, sizeof msg - (size_t)off, TT_FMT(cl->lang, M_DID_YOU_MEAN_FMT),
                     full);
    }
    tt_cmd_fail(cl, "%s", "%s", msg);
}

/* getopt_long's tables for an option table (with -h/--help added);
 * the number of options. */
static size_t getopt_tables(const tt_opt *opts, struct option *longs, char *shorts)
{
    size_t n = 0, ns = 0;
    shorts[ns++] = 'h';
    for (; opts[n].name && n < MAX_OPTS; n++) {
        bool arg = opts[n].kind != TT_OPT_FLAG;
        longs[n] = (struct option){ opts[n].name, arg ? required_argument : no_argument, NULL, (int)n };
        if (opts[n].short_name) {
            shorts[ns++] = opts[n].short_name;
            if (arg)
                shorts[ns++] = ':';
        }
    }
    shorts[ns] = '\0';
    longs[n] = (struct option){ "help", no_argument, NULL, HELP_ID };
    longs[n + 1] = (struct option){ NULL, 0, NULL, 0 };
    return n;
}

/* The language the command line asks for, read before anything else so
 * that every message, the first fault's included, is in it: a --lang
 * after a bad option still counts ("run X --bogus --lang ja"). The same
 * getopt rules as the real parse (abbreviations, "--" ends the options, an
 * option's argument is not an option), on a copy of argv (getopt reorders
 * what it scans), silently. The last valid --lang wins, as in the parse. */
static tt_lang lang_of_line(int argc, char **argv, const tt_opt *opts, tt_lang lang)
{
    struct option longs[MAX_OPTS + 2];
    char shorts[2 * MAX_OPTS + 3];
    size_t n = getopt_tables(opts, longs, shorts);
    char **copy = argc > 0 ? malloc(((size_t)argc + 1) * sizeof *copy) : NULL;
    if (!copy)
        return lang;   /* no memory: the parse reports it in the locale's language */
    memcpy(copy, argv, (size_t)argc * sizeof *copy);
    copy[argc] = NULL;
    optind = 0;        /* glibc: start a fresh scan */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, copy, shorts, longs, NULL)) != -1)
        if (c >= 0 && (size_t)c < n && opts[c].kind == TT_OPT_LANG && optarg)
            (void)tt_lang_parse(optarg, &lang);
    free(copy);
    return lang;
}

tt_lang tt_lang_of_command_line(int argc, char **argv)
{
    tt_lang lang = TT_LANG_EN;
    const tt_opt only_lang[] = { { "lang", 0, TT_OPT_LANG, &lang, NULL, NULL }, { 0 } };
    return lang_of_line(argc, argv, only_lang, tt_lang_from_env());
}

/* Is the folder an output path names there (".": none named)? True when
 * the name is too long to look at here: the write says why. */
static bool folder_exists_for(const char *path)
{
    char dir[4096];
    const char *slash = strrchr(path, '/');
    if (!slash)
        return true;
    size_t len = slash == path ? 1 : (size_t)(slash - path);
    if (len >= sizeof dir)
        return true;
    memcpy(dir, path, len);
    dir[len] = '\0';
    struct stat st;
    return stat(dir, &st) == 0 ? S_ISDIR(st.st_mode) : errno != ENOENT && errno != ENOTDIR;
}

bool tt_opts_parse(tt_cmdline *cl, int argc, char **argv, const tt_opt *opts)
{
    cl->lang = lang_of_line(argc, argv, opts, tt_lang_from_env());
    tt_lang_messages_set(cl->lang);
    cl->status = tt_exit_for(TT_ERR_INPUT);
    struct option longs[MAX_OPTS + 2];
    char shorts[2 * MAX_OPTS + 3];
    size_t n = getopt_tables(opts, longs, shorts);
    bool help = false;
    bool given[MAX_OPTS] = { false };
    optind = 0;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        const tt_opt *o = NULL;
        if (c >= 0 && (size_t)c < n)
            o = &opts[c];
        for (size_t i = 0; !o && c > ' ' && i < n; i++)
            if (opts[i].short_name == c)
                o = &opts[i];
        if (c == 'h' || c == HELP_ID)
            help = true;
        else if (!o)
            return unknown_option(cl, opts, n, argv[optind - 1]), false;
        else if (given[o - opts] && o->kind != TT_OPT_CUSTOM && o->kind != TT_OPT_FLAG)
            /* One value each: the last one given silently won (--script A
             * --script B played B only). Repeatable options are custom. */
            return tt_cmd_fail(cl, C_OPT_TWICE_FMT_TEXT, o->name), false;
        else if (!take(cl, o, optarg))
            return false;
        else
            given[o - opts] = true;
    }
    if (help) {
        fputs(cl->lang == TT_LANG_JA && cl->usage_ja ? cl->usage_ja : cl->usage_en, stdout);
        tt_help_exit_codes(stdout, cl->lang, &cl->exits);
        cl->status = TT_EXIT_OK;
        return false;
    }
    /* Options that say opposite things: neither silently wins. */
    static const char *const contradict[][2] = { { "scorecard", "no-scorecard" } };
    for (size_t k = 0; k < sizeof contradict / sizeof contradict[0]; k++) {
        int a = -1, b = -1;
        for (size_t i = 0; i < n; i++) {
            if (given[i] && strcmp(opts[i].name, contradict[k][0]) == 0)
                a = (int)i;
            if (given[i] && strcmp(opts[i].name, contradict[k][1]) == 0)
                b = (int)i;
        }
        if (a >= 0 && b >= 0) {
            tt_cmd_fail(cl, C_OPT_CONTRADICT_FMT_TEXT, contradict[k][0], contradict[k][1]);
            return false;
        }
    }
    /* Outputs are checked once every option is read (--lang may come
     * last): every command's -o passes here, before anything is opened. */
    for (size_t i = 0; i < n; i++) {
        const char *path = opts[i].kind == TT_OPT_OUTPUT ? *(const char **)opts[i].dest : NULL;
        /* A missing folder is the user's mistake, said before any work (a
         * card or a graph failed at its write with exit 1); first, as a
         * file where the folder should be is no folder either. Not for --db
         * (a URI, or a history file made with its folders) nor --journal
         * (its writer says so, in the journal's words). */
        if (path && given[i] && strcmp(opts[i].name, "db") != 0 &&
            strcmp(opts[i].name, "journal") != 0 && !folder_exists_for(path)) {
            tt_cmd_fail(cl, C_OPT_OUTPUT_NO_FOLDER_FMT_TEXT, opts[i].name, path);
            return false;
        }
        if (path && given[i] && !tt_output_path_usable(path)) {
            tt_cmd_fail(cl, C_OPT_OUTPUT_NOT_REGULAR_FMT_TEXT, opts[i].name, path);
            return false;
        }
        const char *folder = opts[i].kind == TT_OPT_FOLDER ? *(const char **)opts[i].dest : NULL;
        struct stat st;
        if (folder && given[i] && (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode))) {
            tt_cmd_fail(cl, C_OPT_NOT_FOLDER_FMT_TEXT, opts[i].name, folder);
            return false;
        }
    }
    cl->args = argv + optind;
    cl->n_args = argc - optind;
    if (cl->n_args < cl->min_args) {
        tt_cmd_fail(cl, "%s", "%s", tt_text_get(&cl->missing, cl->lang));
        return false;
    }
    if (cl->max_args >= 0 && cl->n_args > cl->max_args) {
        const char *arg = cl->args[cl->max_args];
        if (cl->extra.en)
            tt_cmd_fail(cl, "%s: '%s'", "%s: '%s'", tt_text_get(&cl->extra, cl->lang), arg);
        else
            tt_cmd_fail(cl, C_OPT_EXTRA_ARG_FMT_TEXT, arg);
        return false;
    }
    return true;
}

int tt_make_folder(const char *path, tt_lang lang, tt_error *err)
{
    struct stat st;
    if (mkdir(path, 0777) == 0 || (errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
        return 0;
    if (errno == EEXIST || errno == ENOTDIR) {
        tt_error_set(err, NULL, 0, 0, TT_FMT(lang, C_NOT_A_FOLDER_FMT), path);
        return -1;
    }
    tt_error_runtime(err, path, TT_FMT(lang, C_NEW_MKDIR_FMT), tt_os_error(errno));
    return -1;
}
