/* test_eval_bounds.c — hostile inputs: caps turn runaway growth into
 * `unknown` plus a problem, and nothing is quadratic. Each case, parsing
 * included, must take under a second of CPU in an optimized build (the
 * sanitizer builds get ten); the times are printed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "eval_helpers.h"

/* Sanitizer builds run a quarter of each size with a looser limit. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define TIME_LIMIT 10.0
#define N(n) ((n) / 4)
#define SIZE_NOTE " (sizes / 4)"
#else
#define TIME_LIMIT 1.0
#define N(n) (n)
#define SIZE_NOTE ""
#endif

/* Evaluates ~/.zshenv = text in the script context and times it. */
typedef struct run {
  th t;
  rc_session *S;
  rc_ctx *C;
  double secs;
} run;

static void run_zsh(run *r, const char *text) {
  th_init(&r->t);
  th_write(&r->t, "~/.zshenv", text);
  double t0 = th_now();
  r->S = th_session(&r->t, RC_OS_LINUX);
  r->C = rc_session_ctx(r->S, RC_SH_ZSH, RC_CTX_SCRIPT);
  r->secs = th_now() - t0;
}

static void run_free(run *r, const char *what) {
  print_message("      %-44s %.3f s%s\n", what, r->secs, SIZE_NOTE);
  assert_true(r->secs < TIME_LIMIT);
  rc_session_free(r->S);
  th_free(&r->t);
}

/* n copies of fmt, where each "%d" (at most two) is the copy's number. */
static char *repeat(const char *fmt, int n) {
  rc_buf b = {0};
  for (int i = 0; i < n; i++) rc_buf_printf(&b, fmt, i, i);
  return rc_buf_steal(&b);
}

static bool has_limit(const rc_ctx *C) { return th_problem(C, RC_PB_LIMIT) != NULL; }

/* PATH doubling: the value hits the cap, becomes unknown, stays cheap. */
static void test_path_doubling(void **st) {
  (void)st;
  char *text = repeat("PATH=$PATH:$PATH\n", N(20000));
  run r;
  run_zsh(&r, text);
  const rc_var *v = rc_ctx_var(r.C, "PATH");
  assert_int_equal(rc_var_summary(v), RC_SUM_UNKNOWN);
  assert_true(v->alts[0].val->capped);
  assert_true(has_limit(r.C));
  run_free(&r, "PATH=$PATH:$PATH x 20,000");
  free(text);
}

/* Prepending 20,000 entries: the cap, then constant work per line. */
static void test_path_prepend(void **st) {
  (void)st;
  char *text = repeat("PATH=/x%d:$PATH\n", N(20000));
  run r;
  run_zsh(&r, text);
  assert_int_equal(rc_var_summary(rc_ctx_var(r.C, "PATH")), RC_SUM_UNKNOWN);
  assert_true(has_limit(r.C));
  run_free(&r, "PATH=/x$i:$PATH x 20,000");
  free(text);
}

/* One literal longer than 64 KiB. */
static void test_long_value(void **st) {
  (void)st;
  rc_buf b = {0};
  rc_buf_puts(&b, "export X=");
  for (int i = 0; i < 70000; i++) rc_buf_putc(&b, 'a');
  rc_buf_puts(&b, "\nY=$X$X\n");
  run r;
  run_zsh(&r, b.s);
  assert_int_equal(rc_var_summary(rc_ctx_var(r.C, "Y")), RC_SUM_UNKNOWN);
  assert_true(has_limit(r.C));
  run_free(&r, "70,000-byte value");
  rc_buf_free(&b);
}

static void test_many_variables(void **st) {
  (void)st;
  char *text = repeat("V%d=%d\n", N(50000));
  run r;
  run_zsh(&r, text);
  char last[16];
  snprintf(last, sizeof last, "%d", N(50000) - 1);
  assert_string_equal(th_val(r.S, r.C, rc_arena_printf(&r.S->arena, "V%s", last)), last);
  assert_int_equal(r.C->names.n, N(50000));
  run_free(&r, "50,000 variables");
  free(text);
}

static void test_many_assignments(void **st) {
  (void)st;
  char *text = repeat("X=%d\n", N(50000));
  run r;
  run_zsh(&r, text);
  char last[16];
  snprintf(last, sizeof last, "%d", N(50000) - 1);
  assert_string_equal(th_val(r.S, r.C, "X"), last);
  run_free(&r, "X=$i x 50,000");
  free(text);
}

/* Lowering caps nesting at 200; the rest is one unknown region. */
static void test_nested_ifs(void **st) {
  (void)st;
  rc_buf b = {0};
  for (int i = 0; i < N(20000); i++) rc_buf_puts(&b, "if [ -n \"$TERM\" ]; then\n");
  rc_buf_puts(&b, "X=1\n");
  for (int i = 0; i < N(20000); i++) rc_buf_puts(&b, "fi\n");
  rc_buf_puts(&b, "AFTER=1\n");
  run r;
  run_zsh(&r, b.s);
  assert_true(has_limit(r.C));
  run_free(&r, "20,000 nested ifs");
  rc_buf_free(&b);
}

/* 20,000 undecided ifs in a row on one variable: alternatives capped. */
static void test_many_alternatives(void **st) {
  (void)st;
  char *text = repeat("if [ -n \"$TERM\" ]; then X=%d; fi\n", N(20000));
  run r;
  run_zsh(&r, text);
  const rc_var *v = rc_ctx_var(r.C, "X");
  assert_true(v->nalts <= 9);
  assert_true(has_limit(r.C));
  run_free(&r, "20,000 undecided ifs");
  free(text);
}

/* 20,000 guarded returns, each followed by a new variable. */
static void test_many_returns(void **st) {
  (void)st;
  char *text = repeat("[ -n \"$TERM\" ] && return\nV%d=%d\n", N(20000));
  run r;
  run_zsh(&r, text);
  char last[16];
  snprintf(last, sizeof last, "%d", N(20000) - 1);
  const rc_var *v = rc_ctx_var(r.C, rc_arena_printf(&r.S->arena, "V%s", last));
  assert_int_equal(rc_var_summary(v), RC_SUM_MAYBE);
  assert_true(th_has_alt(r.S, v, last) && th_has_alt(r.S, v, "<unset>"));
  for (uint32_t i = 0; i < v->nalts; i++) assert_true(v->alts[i].cond && v->alts[i].cond->depth <= 64);
  run_free(&r, "20,000 guarded returns");
  free(text);
}

/* typeset -U with thousands of prepends: de-duplication by hashing. */
static void test_unique_prepends(void **st) {
  (void)st;
  char *body = repeat("path=(/a%d $path /a%d)\n", N(3000));
  char *text = rc_xasprintf("typeset -U path\n%s", body);
  run r;
  run_zsh(&r, text);
  /* Past the cap the value stays the one unknown value: it does not grow
   * back through the path view of PATH. */
  const rc_var *v = rc_ctx_var(r.C, "PATH");
  assert_int_equal(rc_var_summary(v), RC_SUM_UNKNOWN);
  assert_true(v->alts[0].val->capped);
  run_free(&r, "typeset -U path; 3,000 prepends");
  free(text);
  free(body);
}

/* macOS path_helper run again and again on a long PATH. */
static void test_path_helper_repeated(void **st) {
  (void)st;
  run r;
  th_init(&r.t);
  th_write(&r.t, "/etc/paths", "/usr/local/bin\n/usr/bin\n/bin\n/usr/sbin\n/sbin\n");
  th_write_mode(&r.t, "/usr/libexec/path_helper", "#!/bin/sh\n", 0755);
  char *a = repeat("PATH=/x%d:$PATH\n", 300);
  char *b = repeat("eval \"$(/usr/libexec/path_helper -s)\"\n", N(2000));
  char *text = rc_xasprintf("%s%s", a, b);
  th_write(&r.t, "~/.zshenv", text);
  double t0 = th_now();
  r.S = th_session(&r.t, RC_OS_MACOS);
  r.C = rc_session_ctx(r.S, RC_SH_ZSH, RC_CTX_SCRIPT);
  r.secs = th_now() - t0;
  assert_non_null(th_event(r.C, "PATH", RC_OP_PATH_HELPER, 0));
  run_free(&r, "300 entries, path_helper x 2,000");
  free(text);
  free(a);
  free(b);
}

/* Many command substitutions and missing sources: each recorded once. */
static void test_many_sites(void **st) {
  (void)st;
  char *a = repeat("X=$(tool%d)\n", N(20000));
  char *b = repeat("source /nowhere/%d\n", N(20000));
  char *text = rc_xasprintf("%s%s", a, b);
  run r;
  run_zsh(&r, text);
  assert_true(r.C->execs.n >= (size_t)N(20000));
  assert_true(r.C->problems.n >= (size_t)N(20000));
  run_free(&r, "20,000 $(…) + 20,000 missing sources");
  free(text);
  free(a);
  free(b);
}

/* Endless recursion, a source cycle, a loop over a huge list. */
static void test_recursion_and_cycles(void **st) {
  (void)st;
  run r;
  th_init(&r.t);
  th_write(&r.t, "~/a.zsh", "A=$((A+1))\nsource ~/b.zsh\n");
  th_write(&r.t, "~/b.zsh", "source ~/a.zsh\n");
  char *loop = repeat("w%d ", N(50000));
  char *text = rc_xasprintf("f() { g; }\ng() { f; }\nf\nsource ~/a.zsh\nfor x in %s; do Y=$x; done\n", loop);
  th_write(&r.t, "~/.zshenv", text);
  double t0 = th_now();
  r.S = th_session(&r.t, RC_OS_LINUX);
  r.C = rc_session_ctx(r.S, RC_SH_ZSH, RC_CTX_SCRIPT);
  r.secs = th_now() - t0;
  assert_non_null(th_problem(r.C, RC_PB_SOURCE_CYCLE));
  assert_true(has_limit(r.C));
  assert_string_equal(th_val(r.S, r.C, "Y"), rc_arena_printf(&r.S->arena, "w%d", N(50000) - 1));
  run_free(&r, "recursion, source cycle, 50,000-item loop");
  free(text);
  free(loop);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_path_doubling),
    cmocka_unit_test(test_path_prepend),
    cmocka_unit_test(test_long_value),
    cmocka_unit_test(test_many_variables),
    cmocka_unit_test(test_many_assignments),
    cmocka_unit_test(test_nested_ifs),
    cmocka_unit_test(test_many_alternatives),
    cmocka_unit_test(test_many_returns),
    cmocka_unit_test(test_unique_prepends),
    cmocka_unit_test(test_path_helper_repeated),
    cmocka_unit_test(test_many_sites),
    cmocka_unit_test(test_recursion_and_cycles),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
