/* HTML and JSON checks for the scorecard tests. */
#include "check.h"
#include "fixture.h"

#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>

static void run_xmllint(const char *args, const char *path, char *out, size_t size, int *status)
{
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "xmllint %s --noout '%s' 2>&1", args, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, size - 1, p);
    out[n] = '\0';
    *status = pclose(p);
}

void check_html(const char *html, size_t len)
{
    char path[512];
    write_temp(html, len, ".html", path, sizeof path);
    static char out[1 << 16];
    int status = 0;

    run_xmllint("--html", path, out, sizeof out, &status);
    /* libxml2's HTML parser is HTML4: it reports HTML5 elements as
     * "Tag x invalid" and nothing else should appear. */
    size_t errors = 0, unknown_tags = 0;
    for (char *line = strtok(out, "\n"); line; line = strtok(NULL, "\n")) {
        if (!strstr(line, " error : ") && !strstr(line, " warning : "))
            continue;
        errors++;
        if (strstr(line, "error : Tag ") && strstr(line, " invalid"))
            unknown_tags++;
        else
            fprintf(stderr, "xmllint --html: %s\n", line);
    }
    assert_int_equal(errors, unknown_tags);

    run_xmllint("", path, out, sizeof out, &status);
    if (status != 0 || out[0])
        fprintf(stderr, "xmllint (XML): %s\n", out);
    assert_int_equal(status, 0);
    assert_string_equal(out, "");
    remove(path);
}

void *check_json(const char *text)
{
    json_error_t e;
    json_t *root = json_loads(text, 0, &e);
    if (!root)
        fprintf(stderr, "JSON: %s at %d:%d\n", e.text, e.line, e.column);
    assert_non_null(root);
    assert_true(json_is_string(json_object_get(root, "scenario")));
    json_t *score = json_object_get(root, "score");
    assert_true(json_is_integer(score));
    assert_in_range(json_integer_value(score), 0, 100);
    const char *rating = json_string_value(json_object_get(root, "rating"));
    assert_non_null(rating);
    assert_true(strcmp(rating, "N/A") == 0 || (rating[0] && !rating[1] && strchr("PSMU", rating[0])));
    json_t *objs = json_object_get(root, "objectives");
    assert_true(json_is_array(objs));
    size_t i;
    json_t *o;
    json_array_foreach(objs, i, o) {
        assert_true(json_is_string(json_object_get(o, "id")));
        const char *phase = json_string_value(json_object_get(o, "phase"));
        assert_non_null(phase);
        assert_true(strcmp(phase, "isolate") == 0 || strcmp(phase, "report") == 0 ||
                    strcmp(phase, "recover") == 0);
        assert_true(json_is_number(json_object_get(o, "target_s")));
        assert_true(json_is_number(json_object_get(o, "limit_s")));
        json_t *reached = json_object_get(o, "reached_s");
        assert_true(json_is_number(reached) || json_is_null(reached));
        /* Not assessed: rating "N/A" and no score (null), never a 0. */
        const char *r = json_string_value(json_object_get(o, "rating"));
        assert_non_null(r);
        if (strcmp(r, "N/A") == 0) {
            assert_true(json_is_null(json_object_get(o, "score")));
            assert_true(json_is_null(reached));
        } else {
            assert_true(r[0] && !r[1] && strchr("PSMU", r[0]));
            assert_true(json_is_integer(json_object_get(o, "score")));
        }
    }
    return root;
}
