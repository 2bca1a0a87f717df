/* Out of memory in jansson, one request at a time: the tests that check a
 * JSON document is made whole or not at all (a report, a sweep) fail the
 * nth allocation of a build, for n = 0, 1, ... until a build asks for fewer.
 * The requests after the failed one succeed, so a value left out would
 * still be written, and the document compared shows the hole. */
#ifndef TT_TEST_JSON_OOM_H
#define TT_TEST_JSON_OOM_H

#include <stdbool.h>

/* From now on jansson's nth allocation request fails (0: the next one). */
void json_oom_fail_nth(long n);
/* Whether the request set to fail came (and failed); the counting stops. */
bool json_oom_came(void);
/* jansson allocates with malloc again. */
void json_oom_off(void);

/* The text without its `key` field, from the key to the end of its line (a
 * field that changes from run to run: the clock, the machine's seconds);
 * the text itself, or NULL. */
char *json_oom_cut_line(char *text, const char *key);

#endif
