/* fmt_helpers.h — shared by the format and fix tests. */
#ifndef RC_TEST_FMT_HELPERS_H
#define RC_TEST_FMT_HELPERS_H

#include <stdio.h>

#include "fixture.h"
#include "format.h"

/* The real Go rules (branch go-rules), used with the whole table once they
 * are in rc_rules; until then the stand-ins of fmt_rules.h. */
#define REAL_GOROOT_RULE "goroot-conflicting"
#define REAL_CELLAR_RULE "homebrew-cellar-path"

/* Lints fixture text with `rules` (n == 0: the whole rc_rules table).
 * Fails the test when the fixture cannot be written. */
rc_lint *fmt_lint(const char *text, const rc_rule *const *rules, size_t n, rc_fixture *fx);
/* The same on an existing fixture (after its files changed). */
rc_lint *fmt_relint(const rc_fixture *fx, const rc_rule *const *rules, size_t n);

typedef void (*fmt_fn)(const rc_lint *L, const rc_format_opts *o, FILE *out);
/* A format's output, with paths relative to `cwd` (malloc). */
char *fmt_render(fmt_fn fn, const rc_lint *L, const char *cwd);
/* --format diff: the patch, and what went to stderr (both malloc). */
char *fmt_diff(const rc_lint *L, const char *cwd, char **err);

/* Runs a shell command (printf format); returns its exit status, -1 when
 * it did not exit normally. */
int fmt_sh(const char *fmt, ...) RC_PRINTF(1, 2);
/* Is `prog` on PATH? */
bool fmt_have(const char *prog);
size_t fmt_count(const char *hay, const char *needle);
/* The file of the lint whose fs path ends with "/name". */
const rc_file *fmt_file(const rc_lint *L, const char *name);

/* Validates a SARIF file with tests/formats/sarif-validate: 1 when the
 * validator's verdict matches `expect_valid`, 0 when not, -1 when the
 * validator is not installed (the caller skips; with
 * RC_REQUIRE_SARIF_VALIDATOR set, as ./dev test does, that is 0). */
int fmt_sarif_validate(const char *path, bool expect_valid);

#endif
