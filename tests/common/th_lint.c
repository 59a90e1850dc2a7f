/* th_lint.c — see th_lint.h. */
#include "th_lint.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fix.h"

void th_fixture(const char *text, rc_fixture *fx) {
  if (!rc_fixture_write(text, fx)) fail_msg("fixture: %s", fx->error);
}

void th_fixture_opts(const char *text, rc_fixture *fx, rc_lint_opts *o) {
  th_fixture(text, fx);
  rc_fixture_lint_opts(fx, o);
}

void th_lint_free(rc_lint *L, rc_fixture *fx) {
  rc_lint_free(L);
  rc_fixture_free(fx);
}

size_t th_fix(const rc_lint *L, bool no_backup, char **said) {
  char *s = NULL;
  size_t n = 0;
  FILE *err = open_memstream(&s, &n);
  rc_fix_plan P;
  rc_fix_plan_build(L, &P, err);
  rc_fix_opts o = {.no_backup = no_backup};
  size_t failed = rc_fix_apply(L->S, &P, &o, err);
  fclose(err);
  rc_fix_plan_free(&P);
  *said = s;
  return failed;
}

int th_in_child(int (*body)(rc_fixture *), rc_fixture *fx) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) _exit(body(fx));
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

void th_run_in_child(int (*body)(rc_fixture *), const char *text) {
  rc_fixture fx;
  th_fixture(text, &fx);
  int rc = th_in_child(body, &fx);
  rc_fixture_free(&fx);
  if (rc == 77) skip();
  assert_int_equal(rc, 0);
}
