/* test_prefetch.c — `lint FILE…` parses the files on several threads
 * (prefetch.c) and must say exactly what a run on one thread says: the same
 * diagnostics, in the same order, the same errors and exit code, whatever
 * the files are (sourced by an earlier argument, given twice or through a
 * symlink, missing, a FIFO, binary, over the run's token budget). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>

#include "eval_helpers.h"
#include "format.h"
#include "lint.h"
#include "th_file.h"

typedef RC_VEC(char *) strvec;

/* Everything the user sees of a lint: JSON diagnostics, errors, exit code. */
static char *lint_output(char **files, int nfiles, int jobs, size_t *ndiags, size_t *prefetched) {
  rc_lint_opts o;
  memset(&o, 0, sizeof o);
  o.files = files;
  o.nfiles = nfiles;
  o.no_config = true;
  o.min_severity = o.fail_on = -1;
  o.sopt.jobs = jobs;
  rc_lint *L = rc_lint_run(&o);
  char *s = NULL;
  size_t n = 0;
  FILE *f = open_memstream(&s, &n);
  rc_format_opts fo = {.color = false, .cwd = "/"};
  rc_format_json(L, &fo, f);
  for (size_t i = 0; i < L->errors.n; i++) fprintf(f, "error: %s\n", L->errors.v[i]);
  fprintf(f, "exit %d\n", L->exit_code);
  fclose(f);
  *ndiags = L->diags.n;
  *prefetched = rc_session_prefetched(L->S);
  rc_lint_free(L);
  return s;
}

/* The output with 2 .. max_jobs threads is the output with one, and at
 * least `parsed` files were parsed ahead; returns the output. */
static char *same_on_more_threads(char **files, int nfiles, int max_jobs, size_t min_diags, size_t parsed) {
  size_t n1, n, pf;
  char *one = lint_output(files, nfiles, 1, &n1, &pf);
  assert_true(n1 >= min_diags);
  assert_int_equal(pf, 0);
  for (int jobs = 2; jobs <= max_jobs; jobs *= 2) {
    char *many = lint_output(files, nfiles, jobs, &n, &pf);
    if (pf < parsed) print_error("--jobs %d: %zu files parsed ahead, want %zu\n", jobs, pf, parsed);
    assert_true(pf >= parsed);
    if (strcmp(one, many)) print_error("--jobs %d differs from --jobs 1\n", jobs);
    assert_string_equal(one, many);
    free(many);
  }
  return one;
}

/* A file of the test's folder (malloc); written when text is not NULL. */
static char *file(const th *t, const char *name, const char *text) {
  char *p = rc_xasprintf("%s/%s", t->home, name);
  if (text) th_spit(p, text);
  return p;
}

/* Every startup file of the corpus homes, copied under names without a
 * startup role so that each is a loose file: real content, many findings. */
static void test_corpus_files(void **st) {
  (void)st;
  const char *src = getenv("RC_SRC");
  if (!src) skip();
  static const char *const names[] = {".bashrc", ".bash_profile", ".profile", ".zshrc", ".zshenv", ".zprofile"};
  th t;
  th_init(&t);
  strvec files = {0};
  char *corpus = rc_xasprintf("%s/corpus", src);
  DIR *dir = opendir(corpus);
  assert_non_null(dir);
  struct dirent *e;
  while ((e = readdir(dir)) != NULL) {
    if (e->d_name[0] == '.') continue;
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
      char *p = rc_xasprintf("%s/%s/home/%s", corpus, e->d_name, names[k]);
      char *text = th_slurp(p, NULL);
      free(p);
      if (!text) continue;
      char *name = rc_xasprintf("%s-%zu.%s", e->d_name, k, names[k][2] == 's' ? "zsh" : "sh");
      rc_vec_push(&files, file(&t, name, text));
      free(name);
      free(text);
    }
  }
  closedir(dir);
  free(corpus);
  assert_true(files.n > 50);
  free(same_on_more_threads(files.v, (int)files.n, 8, 8, files.n));
  for (size_t i = 0; i < files.n; i++) free(files.v[i]);
  rc_vec_free(&files);
  th_free(&t);
}

/* The awkward arguments. */
static void test_awkward_files(void **st) {
  (void)st;
  th t;
  th_init(&t);
  char *p[16];
  int n = 0;
  /* a.sh sources b.sh, which is also an argument, after it */
  char *b = file(&t, "b.sh", NULL);
  char *a_text = rc_xasprintf("export GOROOT=/usr/local/go\n. %s\nexport PATH=$PATH:$GOROOT/bin\n", b);
  p[n++] = file(&t, "a.sh", a_text);
  free(a_text);
  free(b);
  p[n++] = file(&t, "b.sh", "export GOROOT=/opt/go\nexport GOPATH=~/go\nsource /nonexistent/x\n");
  p[n++] = file(&t, "a.sh", NULL); /* twice */
  p[n] = file(&t, "link.sh", NULL); /* through a symlink */
  assert_int_equal(symlink("a.sh", p[n]), 0);
  n++;
  p[n++] = file(&t, "missing.sh", NULL);
  p[n] = file(&t, "fifo", NULL);
  assert_int_equal(mkfifo(p[n], 0600), 0);
  n++;
  p[n] = file(&t, "binary", NULL);
  FILE *f = fopen(p[n], "wb");
  assert_non_null(f);
  fwrite("\x7f" "ELF\0\0\0\0\x01\x02", 1, 10, f);
  fclose(f);
  n++;
  p[n++] = file(&t, "latin1.sh", "# caf\xe9\nexport GOPATH=$HOME/go\n");
  p[n++] = file(&t, "c.zsh", "typeset -U path\npath=(~/go/bin $path)\nexport GOROOT=$(brew --prefix go)/libexec\n");
  free(same_on_more_threads(p, n, 8, 4, 4)); /* a.sh, b.sh, latin1.sh, c.zsh */
  for (int i = 0; i < n; i++) free(p[i]);
  th_free(&t);
}

/* More tokens than a run may parse (RC_SESSION_MAX_TOKENS): the files past
 * the budget are refused in argument order, whatever the threads parsed. */
static void test_token_budget(void **st) {
  (void)st;
  th t;
  th_init(&t);
  rc_buf b = {0};
  for (int i = 0; i < 18000; i++) rc_buf_printf(&b, "a b c d e f g h i j\n");
  rc_buf_printf(&b, "export GOROOT=/x\n");
  char *p[7]; /* five fit */
  int n = 0;
  for (; n < 7; n++) {
    char name[16];
    snprintf(name, sizeof name, "big%d.sh", n);
    p[n] = file(&t, name, b.s);
  }
  rc_buf_free(&b);
  char *one = same_on_more_threads(p, n, 2, 1, 5);
  assert_non_null(strstr(one, "RC005")); /* the budget's diagnostic */
  free(one);
  for (int i = 0; i < n; i++) free(p[i]);
  th_free(&t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_corpus_files),
    cmocka_unit_test(test_awkward_files),
    cmocka_unit_test(test_token_budget),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
