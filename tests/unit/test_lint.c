/* test_lint.c — the lint engine: merged contexts, suppressions, configuration,
 * exit codes, dotfile roles in FILE mode. Uses the input rules (RC001 …) so
 * that it does not depend on the rule packs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "fixture.h"
#include "rule.h"
#include "th_file.h"
#include "th_lint.h"

static rc_lint *run(const char *text, rc_fixture *fx, void (*tweak)(rc_lint_opts *, rc_fixture *)) {
  rc_lint_opts o;
  th_fixture_opts(text, fx, &o);
  o.min_severity = o.fail_on = -1;
  if (tweak) tweak(&o, fx);
  return rc_lint_run(&o);
}

static size_t count(const rc_lint *L, const char *name) {
  size_t n = 0;
  for (size_t i = 0; i < L->diags.n; i++) n += !strcmp(L->diags.v[i]->rule->name, name);
  return n;
}

static void test_merged_contexts(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = run("# rccheck-fixture: shell=zsh\n# --- .zshrc\nsource ~/.missing\n", &fx, NULL);
  assert_int_equal(L->diags.n, 1);
  const rc_diag *d = L->diags.v[0];
  assert_string_equal(d->rule->id, "RC001");
  assert_int_equal(d->span.line, 1);
  /* .zshrc is read by the three interactive contexts, and only by them */
  assert_int_equal(d->ctx_mask[RC_SH_ZSH], (1u << RC_CTX_LOGIN_INTERACTIVE) | (1u << RC_CTX_INTERACTIVE) | (1u << RC_CTX_VSCODE));
  assert_int_equal(L->exit_code, 1);
  th_lint_free(L, &fx);
}

static void test_suppressions(void **st) {
  (void)st;
  rc_fixture fx;
  /* end of line, line before, by name, all, and one left alone */
  rc_lint *L = run("# --- .zshenv\n"
                   "export A=1\n"
                   "source ~/.m1  # rccheck disable=RC001\n"
                   "# rccheck disable=sourced-file-missing\n"
                   "source ~/.m2\n"
                   "source ~/.m3  # rccheck disable=all\n"
                   "source ~/.m4\n"
                   "source ~/.m5  # rccheck disable=RC002\n",
                   &fx, NULL);
  assert_int_equal(count(L, "sourced-file-missing"), 2);
  assert_int_equal(L->diags.v[0]->span.line, 6);
  assert_int_equal(L->diags.v[1]->span.line, 7);
  th_lint_free(L, &fx);
  /* before the first command: the whole file */
  L = run("# --- .zshenv\n# my env\n# rccheck disable=RC001\n\nsource ~/.m1\nsource ~/.m2\n", &fx, NULL);
  assert_int_equal(L->diags.n, 0);
  assert_int_equal(L->exit_code, 0);
  th_lint_free(L, &fx);
}

/* Reads configuration again, from a ~/.rccheckrc holding `text`. */
static void config(rc_lint_opts *o, const rc_fixture *fx, const char *text) {
  o->no_config = false;
  char *p = rc_xasprintf("%s/.rccheckrc", fx->home);
  th_spit(p, text);
  free(p);
}

static void cfg_disable(rc_lint_opts *o, rc_fixture *fx) { config(o, fx, "[rccheck]\ndisable = RC001\n"); }

static void cfg_severity(rc_lint_opts *o, rc_fixture *fx) {
  config(o, fx, "[rccheck]\nfail-on = error\n[severity]\nsourced-file-missing = info\n");
}

static void cfg_bad(rc_lint_opts *o, rc_fixture *fx) { config(o, fx, "[rccheck]\ndisable = RC999\n"); }

static void cli_enable_over_config(rc_lint_opts *o, rc_fixture *fx) {
  cfg_disable(o, fx);
  o->enable[o->nenable++] = "RC001";
}

static void cli_fail_on_error(rc_lint_opts *o, rc_fixture *fx) {
  (void)fx;
  o->fail_on = RC_SEV_ERROR;
}

static void test_config(void **st) {
  (void)st;
  const char *home = "# --- .zshenv\nsource ~/.missing\n";
  rc_fixture fx;
  rc_lint *L = run(home, &fx, cfg_disable);
  assert_int_equal(L->diags.n, 0);
  th_lint_free(L, &fx);

  L = run(home, &fx, cfg_severity);
  assert_int_equal(L->diags.n, 1);
  assert_int_equal(L->diags.v[0]->severity, RC_SEV_INFO);
  assert_int_equal(L->exit_code, 0); /* below fail-on */
  th_lint_free(L, &fx);

  L = run(home, &fx, cfg_bad);
  assert_int_equal(L->exit_code, 2);
  assert_true(L->errors.n >= 1);
  assert_non_null(strstr(L->errors.v[0], "RC999"));
  th_lint_free(L, &fx);

  L = run(home, &fx, cli_enable_over_config);
  assert_int_equal(L->diags.n, 1);
  th_lint_free(L, &fx);

  L = run(home, &fx, cli_fail_on_error);
  assert_int_equal(L->diags.n, 1);
  assert_int_equal(L->exit_code, 0);
  th_lint_free(L, &fx);
}

static void test_roles(void **st) {
  (void)st;
  assert_string_equal(rc_role_of_name("zshrc"), ".zshrc");
  assert_string_equal(rc_role_of_name("zsh/zshrc"), ".zshrc");
  assert_string_equal(rc_role_of_name("zshrc.symlink"), ".zshrc");
  assert_string_equal(rc_role_of_name("dot_zshrc"), ".zshrc");
  assert_string_equal(rc_role_of_name("private_dot_zprofile"), ".zprofile");
  assert_string_equal(rc_role_of_name("/repo/bash/.bash_profile"), ".bash_profile");
  assert_null(rc_role_of_name("aliases.zsh"));
  assert_null(rc_role_of_name("zshrc.local"));
}

/* A dotfiles repository: files named by role, one by directive, one fragment. */
static char *files[3];

static void files_mode(rc_lint_opts *o, rc_fixture *fx) {
  files[0] = rc_xasprintf("%s/repo/zshrc", fx->home);
  files[1] = rc_xasprintf("%s/repo/env-setup", fx->home);
  files[2] = rc_xasprintf("%s/repo/aliases.zsh", fx->home);
  o->files = files;
  o->nfiles = 3;
  o->sopt.home = NULL; /* FILE mode without --home: a virtual home */
}

static void test_file_mode(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = run("# --- repo/zshrc\nsource /nonexistent/x.zsh\n"
                   "# --- repo/env-setup\n# rccheck role=zshenv\nsource /nonexistent/y.zsh\n"
                   "# --- repo/aliases.zsh\nsource /nonexistent/z.zsh\n"
                   "# --- repo/unrelated\nsource /nonexistent/w.zsh\n",
                   &fx, files_mode);
  /* each of the three files is analyzed, in its role or on its own */
  assert_int_equal(count(L, "sourced-file-missing"), 3);
  bool zshrc = false, env = false, frag = false;
  for (size_t i = 0; i < L->diags.n; i++) {
    const char *p = L->diags.v[i]->file->fs_path;
    zshrc |= rc_str_ends(p, "/repo/zshrc");
    env |= rc_str_ends(p, "/repo/env-setup");
    frag |= rc_str_ends(p, "/repo/aliases.zsh");
  }
  assert_true(zshrc && env && frag);
  for (int i = 0; i < 3; i++) free(files[i]);
  th_lint_free(L, &fx);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_merged_contexts),
    cmocka_unit_test(test_suppressions),
    cmocka_unit_test(test_config),
    cmocka_unit_test(test_roles),
    cmocka_unit_test(test_file_mode),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
