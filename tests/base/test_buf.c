/* tt_grow and tt_buf: the one array grow and the one text buffer. */
#define _POSIX_C_SOURCE 200809L /* fmemopen */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "tabletop/base.h"

static void grow_keeps_the_elements_and_doubles(void **state)
{
    (void)state;
    int *a = NULL;
    size_t cap = 0;
    for (int i = 0; i < 1000; i++) {
        assert_true(tt_grow(&a, &cap, (size_t)i + 1, sizeof *a));
        assert_true(cap >= (size_t)i + 1);
        a[i] = i;
    }
    for (int i = 0; i < 1000; i++)
        assert_int_equal(a[i], i);
    assert_int_equal(cap, 1024);
    free(a);
}

static void grow_refuses_an_overflowing_size_and_keeps_the_array(void **state)
{
    (void)state;
    double *a = NULL;
    size_t cap = 0;
    assert_true(tt_grow(&a, &cap, 3, sizeof *a));
    double *before = a;
    assert_false(tt_grow(&a, &cap, SIZE_MAX / 4, sizeof *a));
    assert_false(tt_grow(&a, &cap, SIZE_MAX, 1));
    assert_ptr_equal(a, before);
    assert_int_equal(cap, 8);
    free(a);
}

static void buf_collects_text_and_hands_it_over(void **state)
{
    (void)state;
    tt_buf b = TT_BUF_INIT;
    size_t len = 99;
    char *empty = tt_buf_take(&b, &len);
    assert_string_equal(empty, "");
    assert_int_equal(len, 0);
    free(empty);
    assert_true(tt_buf_add(&b, "a"));
    assert_true(tt_buf_add(&b, NULL));
    assert_true(tt_buf_addn(&b, "bcd", 2));
    for (int i = 0; i < 500; i++)
        assert_true(tt_buf_printf(&b, "%d,", i));
    assert_true(tt_buf_write(&b, (unsigned char *)"!", 1));
    char *s = tt_buf_take(&b, &len);
    assert_int_equal(len, strlen(s));
    assert_memory_equal(s, "abc0,1,2,", 9);
    assert_string_equal(s + len - 5, "499,!");
    assert_null(b.data);
    free(s);
}

static void buf_past_its_cap_fails_once_and_for_all(void **state)
{
    (void)state;
    tt_buf b;
    tt_buf_init(&b, 8);
    assert_true(tt_buf_add(&b, "12345678"));
    assert_false(tt_buf_add(&b, "9"));
    assert_true(b.failed);
    assert_false(tt_buf_add(&b, ""));
    assert_false(tt_buf_printf(&b, "%s", "x"));
    assert_int_equal(tt_buf_write(&b, (unsigned char *)"x", 1), 0);
    assert_null(tt_buf_take(&b, NULL));
    assert_null(b.data);
}

static void buf_escapes_html_and_markdown(void **state)
{
    (void)state;
    tt_buf b = TT_BUF_INIT;
    tt_buf_html(&b, "<a href=\"x\">R&D's\x01\ttab</a>");
    tt_buf_add(&b, "|");
    tt_buf_md(&b, "*a*|b\nc & [d]\x02");
    char *s = tt_buf_take(&b, NULL);
    assert_string_equal(s, "&lt;a href=&quot;x&quot;&gt;R&amp;D&#39;s\ttab&lt;/a&gt;|"
                           "\\*a\\*\\|b c &amp; \\[d\\]");
    free(s);
}

static void buf_reads_a_whole_stream_within_its_cap(void **state)
{
    (void)state;
    static char text[200001];
    memset(text, 'x', sizeof text - 1);
    FILE *f = fmemopen(text, sizeof text - 1, "r");
    assert_non_null(f);
    tt_buf b = TT_BUF_INIT;
    assert_true(tt_buf_read(&b, f));
    fclose(f);
    size_t len = 0;
    char *s = tt_buf_take(&b, &len);
    assert_int_equal(len, sizeof text - 1);
    assert_string_equal(s, text);
    free(s);
    f = fmemopen(text, sizeof text - 1, "r");
    assert_non_null(f);
    tt_buf_init(&b, 1000);
    assert_false(tt_buf_read(&b, f));
    fclose(f);
    assert_null(tt_buf_take(&b, NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grow_keeps_the_elements_and_doubles),
        cmocka_unit_test(grow_refuses_an_overflowing_size_and_keeps_the_array),
        cmocka_unit_test(buf_collects_text_and_hands_it_over),
        cmocka_unit_test(buf_past_its_cap_fails_once_and_for_all),
        cmocka_unit_test(buf_escapes_html_and_markdown),
        cmocka_unit_test(buf_reads_a_whole_stream_within_its_cap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
