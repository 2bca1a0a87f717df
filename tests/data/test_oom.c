/* Running out of memory is reported as such wherever it happens: the error
 * carries the out-of-memory class, so the command exits 1 (a failure of the
 * machine), not 2 (bad input). realloc is wrapped (-Wl,--wrap=realloc) to
 * fail on demand; every buffer and array of tabletop grows through it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sample.h"
#include "tabletop/journal.h"

void *__real_realloc(void *p, size_t n);
void *__wrap_realloc(void *p, size_t n);

static bool realloc_fails;

void *__wrap_realloc(void *p, size_t n)
{
    return realloc_fails ? NULL : __real_realloc(p, n);
}

static void assert_out_of_memory(const tt_error *err)
{
    assert_int_equal(err->cls, TT_ERR_NOMEM);
    assert_int_equal(tt_error_exit(err), TT_EXIT_RUNTIME);
    assert_non_null(strstr(err->message, "out of memory"));
}

static void writing_a_record_without_memory_reports_out_of_memory(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    tt_error_clear(&err);
    realloc_fails = true;
    char *doc = tt_record_to_yaml(&recs[0], &err);
    realloc_fails = false;
    assert_null(doc);
    assert_out_of_memory(&err);
}

static void reading_a_journal_without_memory_reports_out_of_memory(void **state)
{
    (void)state;
    size_t n;
    const tt_record *recs = sample_records(&n);
    tt_error err;
    char *doc = tt_record_to_yaml(&recs[0], &err);
    assert_non_null(doc);
    tt_journal j;
    realloc_fails = true;
    int rc = tt_journal_read_buffer("x.yaml", doc, strlen(doc), &j, &err);
    realloc_fails = false;
    free(doc);
    assert_int_equal(rc, -1);
    assert_out_of_memory(&err);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(writing_a_record_without_memory_reports_out_of_memory),
        cmocka_unit_test(reading_a_journal_without_memory_reports_out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
