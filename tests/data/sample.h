/* Test helpers shared by the data tests: a hand-built scenario (no Lua),
 * a set of journal records covering every record type, and deep equality. */
#ifndef TT_TESTS_DATA_SAMPLE_H
#define TT_TESTS_DATA_SAMPLE_H

#include <stdbool.h>
#include "tabletop/journal.h"
#include "tabletop/scenario.h"

/* Roles: user, sysadmin, supervisor. Actions: pull_cable (sysadmin),
 * scan_all (sysadmin, user), report_boss (user, supervisor), call_ministry
 * (supervisor). Settings: offline_backup (bool false), staff (int 3),
 * budget (num 1.5), region (str "tokyo"). */
const tt_scenario *sample_scenario(void);

/* Records of every type, in journal order (start first, end last). */
const tt_record *sample_records(size_t *n);

bool sample_records_equal(const tt_record *a, const tt_record *b, char *why,
                          size_t why_size);

/* Path of a fixture under tests/data/fixtures (static buffer). */
const char *sample_fixture(const char *name);
/* A fresh temporary file path in the build tree (static buffer). */
const char *sample_tmp_path(const char *name);
/* The whole file (malloc'd, NUL-terminated), its length in *len; a file
 * that cannot be read fails the test. */
char *sample_read_all(const char *path, size_t *len);

#endif
