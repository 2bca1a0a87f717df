/* Checks shared by the scorecard tests: the HTML through real parsers
 * (xmllint's HTML parser and its XML parser), the JSON's contract. */
#ifndef TT_TEST_SCORE_CHECK_H
#define TT_TEST_SCORE_CHECK_H

#include <stdbool.h>
#include <stddef.h>

/* Fails the current test when xmllint finds any HTML error other than
 * HTML5 tags its HTML4 parser does not know (section, svg...), or when the
 * page is not well-formed XML. */
void check_html(const char *html, size_t len);
/* Fails when the JSON lacks the contract fields; returns the parsed root
 * (json_t *, caller decrefs). */
void *check_json(const char *json);

#endif
