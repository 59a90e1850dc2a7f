/* th_lint.h — fixture homes (fixture.h) written, linted and fixed in tests,
 * and test bodies run in a child process. Shared by the test suites. */
#ifndef RC_TEST_TH_LINT_H
#define RC_TEST_TH_LINT_H

#include "fixture.h"

/* Writes fixture text under a new temporary folder; fails the test when it
 * cannot. */
void th_fixture(const char *text, rc_fixture *fx);
/* The same, and fills *o to lint it (rc_fixture_lint_opts). */
void th_fixture_opts(const char *text, rc_fixture *fx, rc_lint_opts *o);
/* Frees a lint, then the fixture it ran on. */
void th_lint_free(rc_lint *L, rc_fixture *fx);

/* Plans and applies L's safe fixes (--fix, with --no-backup when no_backup);
 * returns the number of files not written, and what was said (malloc) in
 * *said. */
size_t th_fix(const rc_lint *L, bool no_backup, char **said);

/* Runs body(fx) in a child process, which may change its own mount
 * namespace or user; returns its exit status (0 pass, 77 skip), 1 when it
 * did not exit normally. */
int th_in_child(int (*body)(rc_fixture *), rc_fixture *fx);
/* Writes the fixture, runs body on it in a child and removes it; skips the
 * test when body returns 77, fails it on anything but 0. */
void th_run_in_child(int (*body)(rc_fixture *), const char *text);

#endif
