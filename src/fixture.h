/* fixture.h — homes written as text, for rule snippets, rule fixtures and
 * tests (the format is described in rule.h). */
#ifndef RC_FIXTURE_H
#define RC_FIXTURE_H

#include "lint.h"

typedef struct rc_expect {
  char *file;     /* home-relative path, or /etc/… */
  uint32_t line;
  char *name;     /* rule name or id */
  bool matched;
} rc_expect;

typedef struct rc_fixture {
  char *dir;      /* temporary folder: dir/home and dir/root */
  char *home, *root;
  rc_os os;
  unsigned shells;
  unsigned ctxs;
  char *workspace; /* workspace=DIR (home-relative): a VS Code workspace folder */
  bool expect_none;
  RC_VEC(rc_expect) expects;
  char *error;    /* NULL or what went wrong (malloc) */
} rc_fixture;

/* Writes `text` under a new temporary folder. */
bool rc_fixture_write(const char *text, rc_fixture *fx);
/* Removes the folder and frees the fixture. */
void rc_fixture_free(rc_fixture *fx);
/* Lint options for a fixture (no configuration, its sysroot and OS). */
void rc_fixture_lint_opts(const rc_fixture *fx, rc_lint_opts *o);
/* Home-relative (or /etc) form of a diagnostic's file. */
const char *rc_fixture_rel(const rc_fixture *fx, const rc_file *f, rc_arena *A);

#endif
