/* fmt_helpers.c — see fmt_helpers.h. */
#include "fmt_helpers.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "th_lint.h"

rc_lint *fmt_relint(const rc_fixture *fx, const rc_rule *const *rules, size_t n) {
  rc_lint_opts o;
  rc_fixture_lint_opts(fx, &o);
  return n ? rc_lint_run_rules(&o, rules, n) : rc_lint_run(&o);
}

rc_lint *fmt_lint(const char *text, const rc_rule *const *rules, size_t n, rc_fixture *fx) {
  th_fixture(text, fx);
  return fmt_relint(fx, rules, n);
}

char *fmt_render(fmt_fn fn, const rc_lint *L, const char *cwd) {
  char *s = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&s, &n);
  rc_format_opts o = {.color = false, .cwd = cwd};
  fn(L, &o, f);
  fclose(f);
  return s;
}

char *fmt_diff(const rc_lint *L, const char *cwd, char **err) {
  char *s = NULL, *e = NULL;
  size_t n = 0, en = 0;
  FILE *f = open_memstream(&s, &n), *ef = open_memstream(&e, &en);
  rc_format_opts o = {.color = false, .cwd = cwd};
  rc_format_diff(L, &o, f, ef);
  fclose(f);
  fclose(ef);
  if (err) *err = e;
  else free(e);
  return s;
}

int fmt_sh(const char *fmt, ...) {
  rc_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  rc_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  fflush(NULL);
  int st = system(b.s);
  rc_buf_free(&b);
  return st != -1 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

bool fmt_have(const char *prog) { return fmt_sh("command -v %s >/dev/null 2>&1", prog) == 0; }

size_t fmt_count(const char *hay, const char *needle) {
  size_t n = 0, k = strlen(needle);
  for (const char *p = hay; p && (p = strstr(p, needle)); p += k) n++;
  return n;
}

const rc_file *fmt_file(const rc_lint *L, const char *name) {
  for (size_t i = 0; i < L->S->file_list.n; i++) {
    const rc_file *f = L->S->file_list.v[i];
    if (f->src && f->fs_path && rc_str_ends(f->fs_path, name) && f->fs_path[strlen(f->fs_path) - strlen(name) - 1] == '/')
      return f;
  }
  return NULL;
}

int fmt_sarif_validate(const char *path, bool expect_valid) {
  const char *src = getenv("RC_SRC");
  int rc = fmt_sh("'%s/tests/formats/sarif-validate' %s '%s'", src ? src : ".", expect_valid ? "" : "--expect-invalid",
                  path);
  if (rc == 77) {
    if (getenv("RC_REQUIRE_SARIF_VALIDATOR")) {
      print_error("the SARIF validator is not installed (RC_REQUIRE_SARIF_VALIDATOR is set)\n");
      return 0;
    }
    return -1;
  }
  return rc == 0;
}
