/* The scan of a scenario's source for calls of load (engine/script/
 * sandbox.c): a scenario that calls it gets a message handler on every run,
 * placing errors raised in a load()ed chunk at the file's line. Each form
 * of call is found wherever it sits in the text, names that merely contain
 * "load" are not calls. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sandbox.h"

static bool calls(const char *text)
{
    return tt_sandbox_source_calls_load(text, strlen(text));
}

static void each_form_of_call_is_found(void **state)
{
    (void)state;
    assert_true(calls("load(x)"));
    assert_true(calls("local f = load \"return 1\""));
    assert_true(calls("local f = load'return 1'"));
    assert_true(calls("local f = load [[return 1]]"));
    assert_true(calls("_G.load{}"));
    assert_true(calls("x = 1\n\tload\t (y)"));
    assert_true(calls("upload() ; load(z)")); /* the second one */
}

static void names_containing_load_are_not_calls(void **state)
{
    (void)state;
    assert_false(calls(""));
    assert_false(calls("upload(x)"));
    assert_false(calls("reload(x)"));
    assert_false(calls("_load(x)"));
    assert_false(calls("load2(x)"));
    assert_false(calls("loadstring(x)"));
    assert_false(calls("local load = 1; return load + 1"));
    assert_false(calls("load"));
    assert_false(calls("loa"));
    assert_false(calls("x.load = nil"));
}

static void the_text_is_read_to_its_length_only(void **state)
{
    (void)state;
    /* "load(" split by the length: the '(' lies outside the text. */
    assert_false(tt_sandbox_source_calls_load("load(", 4));
    assert_false(tt_sandbox_source_calls_load("xx load(", 7));
    /* A call at the very end, and one after a NUL byte inside the text. */
    assert_true(tt_sandbox_source_calls_load("x load(", 7));
    static const char nul[] = "a\0load(b)";
    assert_true(tt_sandbox_source_calls_load(nul, sizeof nul - 1));
    /* A long text with the call near its end, past many near misses. */
    size_t n = 40000;
    char *big = malloc(n + 16);
    assert_non_null(big);
    for (size_t i = 0; i < n; i += 8)
        memcpy(big + i, "uploads ", 8);
    assert_false(tt_sandbox_source_calls_load(big, n));
    memcpy(big + n, " load(1)", 8);
    assert_true(tt_sandbox_source_calls_load(big, n + 8));
    free(big);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_form_of_call_is_found),
        cmocka_unit_test(names_containing_load_are_not_calls),
        cmocka_unit_test(the_text_is_read_to_its_length_only),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
