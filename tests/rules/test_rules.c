/* test_rules.c — every rule's bad snippet fires that rule and nothing else,
 * its good snippet fires nothing, and every fixture under
 * rules/<family>/fixtures/<rule-name>/ gets exactly the diagnostics its
 * `# expect:` comments ask for (unclaimed findings and unmet expectations
 * both fail; a fixture without expectations must say `# expect-none`).
 * A fixture is about its rule: findings of other rules count only when the
 * fixture names them in an expectation (the corpus tests check all rules
 * together). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "fixture.h"
#include "rule.h"
#include "th_file.h"
#include "th_lint.h"

static rc_lint *lint_text(const char *text, const rc_rule *enable, rc_fixture *fx) {
  rc_lint_opts o;
  th_fixture_opts(text, fx, &o);
  if (enable) o.enable[o.nenable++] = enable->id;
  return rc_lint_run(&o);
}

static void dump(const rc_lint *L, rc_fixture *fx, rc_arena *A) {
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    print_message("    got %s:%u %s (%s): %s\n", rc_fixture_rel(fx, d->file, A), d->span.line, d->rule->name,
                  d->rule->id, d->message);
  }
}

static void test_snippets(void **st) {
  (void)st;
  int failures = 0;
  for (size_t i = 0; i < rc_rules_count; i++) {
    const rc_rule *r = rc_rules[i];
    rc_arena A;
    rc_arena_init(&A);
    rc_fixture fx;
    rc_lint *L = lint_text(r->bad, r, &fx);
    bool ok = L->diags.n > 0;
    for (size_t k = 0; k < L->diags.n; k++) ok &= L->diags.v[k]->rule == r;
    if (!ok) {
      print_message("%s %s: the bad snippet must fire this rule and only it\n", r->id, r->name);
      dump(L, &fx, &A);
      failures++;
    }
    th_lint_free(L, &fx);
    L = lint_text(r->good, r, &fx);
    if (L->diags.n) {
      print_message("%s %s: the good snippet must fire nothing\n", r->id, r->name);
      dump(L, &fx, &A);
      failures++;
    }
    th_lint_free(L, &fx);
    rc_arena_free(&A);
  }
  assert_int_equal(failures, 0);
}

/* One fixture file: returns the number of problems. */
static int run_fixture(const char *path, const rc_rule *r) {
  char *text = th_slurp(path, NULL);
  if (!text) {
    print_message("%s: cannot read\n", path);
    return 1;
  }
  rc_arena A;
  rc_arena_init(&A);
  rc_fixture fx;
  rc_lint *L = lint_text(text, r, &fx);
  int problems = 0;
  if (!fx.expects.n && !fx.expect_none) {
    print_message("%s: no `# expect:` and no `# expect-none`\n", path);
    problems++;
  }
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    bool in_scope = d->rule == r;
    for (size_t k = 0; k < fx.expects.n && !in_scope; k++)
      in_scope = !strcmp(fx.expects.v[k].name, d->rule->name) || !strcasecmp(fx.expects.v[k].name, d->rule->id);
    if (!in_scope) continue;
    const char *rel = rc_fixture_rel(&fx, d->file, &A);
    bool claimed = false;
    for (size_t k = 0; k < fx.expects.n && !claimed; k++) {
      rc_expect *e = &fx.expects.v[k];
      if (!e->matched && e->line == d->span.line && !strcmp(e->file, rel) &&
          (!strcmp(e->name, d->rule->name) || !strcasecmp(e->name, d->rule->id)))
        e->matched = claimed = true;
    }
    if (!claimed) {
      print_message("%s: unexpected %s:%u %s: %s\n", path, rel, d->span.line, d->rule->name, d->message);
      problems++;
    }
  }
  for (size_t k = 0; k < fx.expects.n; k++)
    if (!fx.expects.v[k].matched) {
      print_message("%s: expected %s at %s:%u, not reported\n", path, fx.expects.v[k].name, fx.expects.v[k].file,
                    fx.expects.v[k].line);
      problems++;
    }
  th_lint_free(L, &fx);
  rc_arena_free(&A);
  free(text);
  return problems;
}

static void test_fixtures(void **st) {
  (void)st;
  const char *src = getenv("RC_SRC");
  assert_non_null(src);
  int problems = 0, files = 0;
  char *rules_dir = rc_xasprintf("%s/rules", src);
  DIR *fam = opendir(rules_dir);
  assert_non_null(fam);
  struct dirent *f;
  while ((f = readdir(fam))) {
    if (f->d_name[0] == '.') continue;
    char *fixdir = rc_xasprintf("%s/%s/fixtures", rules_dir, f->d_name);
    DIR *rd = opendir(fixdir);
    if (!rd) {
      free(fixdir);
      continue;
    }
    struct dirent *rn;
    while ((rn = readdir(rd))) {
      if (rn->d_name[0] == '.') continue;
      const rc_rule *r = rc_rule_find(rn->d_name);
      if (!r) {
        print_message("%s/%s: no rule of that name\n", fixdir, rn->d_name);
        problems++;
        continue;
      }
      char *dir = rc_xasprintf("%s/%s", fixdir, rn->d_name);
      DIR *cd = opendir(dir);
      struct dirent *c;
      while (cd && (c = readdir(cd))) {
        if (c->d_name[0] == '.') continue;
        char *p = rc_xasprintf("%s/%s", dir, c->d_name);
        problems += run_fixture(p, r);
        files++;
        free(p);
      }
      if (cd) closedir(cd);
      free(dir);
    }
    closedir(rd);
    free(fixdir);
  }
  closedir(fam);
  free(rules_dir);
  print_message("%d fixture files\n", files);
  assert_int_equal(problems, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_snippets),
    cmocka_unit_test(test_fixtures),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
