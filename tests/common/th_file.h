/* th_file.h — files in tests: read whole, write, compare, and look for
 * leftovers of --fix. Shared by the test suites (tests/common/meson.build). */
#ifndef RC_TEST_TH_FILE_H
#define RC_TEST_TH_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The rest of a stream (a file, a pipe), NUL-terminated (malloc, never
 * NULL); its length in *len when len is not NULL. Does not close f. */
char *th_read_stream(FILE *f, size_t *len);
/* A whole file as th_read_stream reads it, or NULL when it cannot be opened. */
char *th_slurp(const char *path, size_t *len);
/* Writes text to path; fails the test when it cannot. */
void th_spit(const char *path, const char *text);
/* Does the file hold exactly `want`? Prints what it holds when not. */
bool th_file_is(const char *path, const char *want);
/* Is no temporary file of --fix (".rccheck-…") left in the folder? Names
 * those that are. */
bool th_no_leftovers(const char *dir);

#endif
