/* test_formats.c — one finding seen through every output format (text,
 * gcc, json, SARIF checked by the official validator), SARIF paths, and the
 * diff format checked by `git apply` and `patch -p1`. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "fmt_helpers.h"
#include "fmt_rules.h"
#include "th_file.h"
#include "th_lint.h"

/* ~/.zprofile line 2 and ~/.zshrc line 2 export different GOROOTs. */
static const char goroot_home[] =
  "# rccheck-fixture: shell=zsh\n"
  "# --- .zprofile\n"
  "# Go from the official tarball\n"
  "export GOROOT=/usr/local/go\n"
  "# --- .zshrc\n"
  "# Go from the SDK folder\n"
  "export GOROOT=\"$HOME/sdk/go1.22.0\"\n"
  "alias ll='ls -l'\n";

/* The real rule with the whole table once the Go pack is merged, else the
 * stand-in alone. */
static rc_lint *lint_goroot(const char *text, rc_fixture *fx) {
  if (rc_rule_find(REAL_GOROOT_RULE)) return fmt_lint(text, NULL, 0, fx);
  const rc_rule *r[] = {&rc_test_rule_goroot};
  return fmt_lint(text, r, 1, fx);
}

static json_t *jpath(json_t *j, const char *path) {
  char buf[256];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *t = strtok(buf, "."); t && j; t = strtok(NULL, "."))
    j = (*t >= '0' && *t <= '9') ? json_array_get(j, (size_t)atoi(t)) : json_object_get(j, t);
  return j;
}

static const char *jstr(json_t *j, const char *path) { return json_string_value(jpath(j, path)); }
static long long jint(json_t *j, const char *path) { return json_integer_value(jpath(j, path)); }

/* Checks a SARIF document for the GOROOT finding; returns the parsed log. */
static json_t *check_goroot_sarif(const char *text, const char *srcroot_uri, const char *zshrc_uri) {
  json_error_t je;
  json_t *log = json_loads(text, 0, &je);
  assert_non_null(log);
  assert_string_equal(jstr(log, "version"), "2.1.0");
  assert_non_null(jstr(log, "$schema"));
  json_t *run = jpath(log, "runs.0");
  assert_int_equal(json_array_size(json_object_get(run, "results")), 1);
  json_t *res = jpath(run, "results.0");
  json_t *rule = json_array_get(jpath(run, "tool.driver.rules"), (size_t)jint(res, "ruleIndex"));
  assert_string_equal(jstr(rule, "id"), jstr(res, "ruleId"));
  assert_non_null(jstr(rule, "shortDescription.text"));
  assert_non_null(jstr(rule, "fullDescription.text"));
  assert_non_null(jstr(rule, "help.text"));
  assert_non_null(jstr(rule, "help.markdown"));
  assert_string_equal(jstr(res, "level"), "warning");
  assert_string_equal(jstr(res, "locations.0.physicalLocation.artifactLocation.uri"), zshrc_uri);
  if (srcroot_uri) {
    assert_string_equal(jstr(res, "locations.0.physicalLocation.artifactLocation.uriBaseId"), "%SRCROOT%");
    assert_string_equal(jstr(run, "originalUriBaseIds.%SRCROOT%.uri"), srcroot_uri);
  }
  assert_int_equal(jint(res, "locations.0.physicalLocation.region.startLine"), 2);
  assert_int_equal(jint(res, "locations.0.physicalLocation.region.startColumn"), 1);
  json_t *rel = json_object_get(res, "relatedLocations");
  bool note = false;
  for (size_t i = 0; i < json_array_size(rel); i++) {
    json_t *r = json_array_get(rel, i);
    const char *u = jstr(r, "physicalLocation.artifactLocation.uri");
    if (u && rc_str_ends(u, ".zprofile") && jint(r, "physicalLocation.region.startLine") == 2) note = true;
  }
  assert_true(note);
  assert_non_null(strstr(jstr(res, "message.text"), "](1)"));
  assert_non_null(jstr(res, "partialFingerprints.rccheckLineHash/v1"));
  return log;
}

static void validate(const char *path, bool valid, bool *skipped) {
  int v = fmt_sarif_validate(path, valid);
  if (v < 0) *skipped = true;
  else assert_int_equal(v, 1);
}

/* The acceptance check of the diagnostics engine: ONE diagnostic at
 * .zshrc:2 with a note at .zprofile:2, in every format. */
static void test_goroot_conflict_every_format(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_goroot(goroot_home, &fx);
  assert_int_equal(L->diags.n, 1);
  const rc_diag *d = L->diags.v[0];
  assert_true(rc_str_ends(d->file->fs_path, "/.zshrc"));
  assert_int_equal(d->span.line, 2);
  bool note = false;
  for (size_t i = 0; i < d->notes.n; i++)
    note |= rc_str_ends(d->notes.v[i].file->fs_path, "/.zprofile") && d->notes.v[i].span.line == 2;
  assert_true(note);

  char *text = fmt_render(rc_format_text, L, fx.home);
  assert_int_equal(fmt_count(text, ".zshrc:2:"), 1);
  assert_int_equal(fmt_count(text, ": warning: "), 1);
  assert_non_null(strstr(text, "= note: .zprofile:2: "));
  assert_non_null(strstr(text, "1 finding: 1 warning"));

  char *gcc = fmt_render(rc_format_gcc, L, fx.home);
  assert_int_equal(fmt_count(gcc, "\n"), 1 + d->notes.n);
  assert_true(rc_str_starts(gcc, ".zshrc:2:1: warning: "));
  assert_non_null(strstr(gcc, "\n.zprofile:2:1: note: "));

  json_error_t je;
  char *js = fmt_render(rc_format_json, L, fx.home);
  json_t *j = json_loads(js, 0, &je);
  assert_non_null(j);
  assert_int_equal(json_array_size(json_object_get(j, "diagnostics")), 1);
  assert_string_equal(jstr(j, "diagnostics.0.file"), ".zshrc");
  assert_int_equal(jint(j, "diagnostics.0.line"), 2);
  assert_string_equal(jstr(j, "diagnostics.0.related.0.file"), ".zprofile");
  assert_int_equal(jint(j, "diagnostics.0.related.0.line"), 2);
  json_decref(j);

  char *sarif = fmt_render(rc_format_sarif, L, fx.home);
  char *root = rc_xasprintf("file://%s/", fx.home);
  json_t *log = check_goroot_sarif(sarif, root, ".zshrc");
  char *path = rc_xasprintf("%s/goroot.sarif", fx.dir);
  th_spit(path, sarif);
  bool skipped = false;
  validate(path, true, &skipped);
  /* The validator really judges: the same log without the rule texts that
   * code scanning requires is rejected. */
  json_t *rule = json_array_get(jpath(log, "runs.0.tool.driver.rules"), (size_t)jint(log, "runs.0.results.0.ruleIndex"));
  json_object_del(rule, "shortDescription");
  json_object_del(rule, "help");
  char *broken = rc_xasprintf("%s/broken.sarif", fx.dir);
  json_dump_file(log, broken, JSON_INDENT(2));
  validate(broken, false, &skipped);
  json_decref(log);
  free(broken);
  free(path);
  free(root);
  free(sarif);
  free(js);
  free(gcc);
  free(text);
  th_lint_free(L, &fx);
  if (skipped) skip();
}

/* %SRCROOT% is the git work tree around the current directory; a file out
 * of it gets an absolute file: URI. */
static void test_sarif_paths(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_goroot("# rccheck-fixture: shell=zsh\n# --- .git/\n# --- sub/\n"
                           "# --- .zprofile\n\nexport GOROOT=/usr/local/go\n"
                           "# --- .zshrc\n\nexport GOROOT='/opt/[x]/go'\n",
                           &fx);
  assert_int_equal(L->diags.n, 1);
  char *cwd = rc_xasprintf("%s/sub", fx.home);
  char *sarif = fmt_render(rc_format_sarif, L, cwd);
  char *root = rc_xasprintf("file://%s/", fx.home);
  json_t *log = check_goroot_sarif(sarif, root, ".zshrc");
  /* Brackets of the message are escaped: only the note link is a link. */
  const char *m = jstr(log, "runs.0.results.0.message.text");
  if (!rc_rule_find(REAL_GOROOT_RULE)) assert_non_null(strstr(m, "/opt/\\[x\\]/go"));
  assert_int_equal(fmt_count(m, "]("), 1);
  json_decref(log);
  char *p1 = rc_xasprintf("%s/in-repo.sarif", fx.dir);
  th_spit(p1, sarif);
  free(sarif);
  /* From another work tree the files are outside %SRCROOT%. */
  char *other = rc_xasprintf("%s/other", fx.dir);
  assert_int_equal(fmt_sh("mkdir -p '%s/.git'", other), 0);
  sarif = fmt_render(rc_format_sarif, L, other);
  char *abs = rc_xasprintf("file://%s/.zshrc", fx.home);
  json_decref(check_goroot_sarif(sarif, NULL, abs));
  char *p2 = rc_xasprintf("%s/outside.sarif", fx.dir);
  th_spit(p2, sarif);
  bool skipped = false;
  validate(p1, true, &skipped);
  validate(p2, true, &skipped);
  free(p1);
  free(p2);
  free(abs);
  free(other);
  free(sarif);
  free(root);
  free(cwd);
  th_lint_free(L, &fx);
  if (skipped) skip();
}

/* ---- diff ---- */

static const char cellar_home[] =
  "# rccheck-fixture: shell=zsh\n"
  "# --- .zprofile\n"
  "eval \"$(/opt/homebrew/bin/brew shellenv)\"\n"
  "export PATH=\"/opt/homebrew/Cellar/go/1.22.0/libexec/bin:$PATH\"\n"
  "# --- .zshrc\n"
  "# Go\n"
  "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n"
  "alias g=go\n";

static rc_lint *lint_cellar(const char *text, rc_fixture *fx) {
  if (rc_rule_find(REAL_CELLAR_RULE)) return fmt_lint(text, NULL, 0, fx);
  const rc_rule *r[] = {&rc_test_rule_cellar};
  return fmt_lint(text, r, 1, fx);
}

/* Copies the home to DIR and applies the patch there with `cmd` (the patch
 * is "$P"); true when
 * every fixed file then equals the plan. */
static bool apply_copy(const rc_fixture *fx, const rc_fix_plan *P, const char *patch, const char *name, const char *cmd) {
  char *dir = rc_xasprintf("%s/%s", fx->dir, name);
  bool ok = fmt_sh("P='%s'; cp -a '%s' '%s' && cd '%s' && { %s; } >&2", patch, fx->home, dir, dir, cmd) == 0;
  for (size_t i = 0; ok && i < P->files.n; i++) {
    const char *rel = rc_path_below(P->files.v[i].real, fx->home);
    char *p = rc_xasprintf("%s/%s", dir, rel);
    char *got = th_slurp(p, NULL);
    ok = got && strlen(got) == P->files.v[i].fixed_len && !memcmp(got, P->files.v[i].fixed, P->files.v[i].fixed_len);
    if (!ok) print_error("%s: %s differs after `%s`\n", name, rel, cmd);
    free(got);
    free(p);
  }
  fmt_sh("rm -rf '%s'", dir);
  free(dir);
  return ok;
}

static void check_patch_applies(const rc_fixture *fx, const rc_lint *L, const char *patch_text) {
  rc_fix_plan P;
  rc_fix_plan_build(L, &P, NULL);
  char *patch = rc_xasprintf("%s/fix.patch", fx->dir);
  th_spit(patch, patch_text);
  bool ok = apply_copy(fx, &P, patch, "git", "git apply --whitespace=nowarn --check \"$P\" && git apply --whitespace=nowarn \"$P\"");
  if (ok && fmt_have("patch"))
    ok = apply_copy(fx, &P, patch, "patch", "patch -p1 --dry-run < \"$P\" >/dev/null && patch -p1 -s < \"$P\"");
  if (!ok) print_error("the patch:\n%s", patch_text);
  assert_true(ok);
  free(patch);
  rc_fix_plan_free(&P);
}

static void test_diff_safe_fixes(void **st) {
  (void)st;
  rc_fixture fx;
  rc_lint *L = lint_cellar(cellar_home, &fx);
  char *err;
  char *diff = fmt_diff(L, fx.home, &err);
  assert_non_null(strstr(diff, "diff --git a/.zshrc b/.zshrc\n--- a/.zshrc\n+++ b/.zshrc\n"));
  assert_non_null(strstr(diff, "--- a/.zprofile\n+++ b/.zprofile\n"));
  assert_non_null(strstr(diff, "\n-export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n"));
  assert_non_null(strstr(diff, "\n+export GOROOT=/opt/homebrew/opt/go/libexec\n"));
  assert_string_equal(err, "");
  check_patch_applies(&fx, L, diff);
  /* The same findings as SARIF, with their fixes. */
  char *sarif = fmt_render(rc_format_sarif, L, fx.home);
  json_error_t je;
  json_t *log = json_loads(sarif, 0, &je);
  assert_non_null(log);
  json_t *res = jpath(log, "runs.0.results");
  assert_int_equal(json_array_size(res), 2);
  for (size_t i = 0; i < json_array_size(res); i++)
    assert_non_null(jstr(json_array_get(res, i), "fixes.0.artifactChanges.0.replacements.0.insertedContent.text"));
  json_decref(log);
  char *spath = rc_xasprintf("%s/fixes.sarif", fx.dir);
  th_spit(spath, sarif);
  bool skipped = false;
  validate(spath, true, &skipped);
  free(spath);
  free(sarif);
  /* From below the home, paths are relative to the folder holding the
   * files, and stderr says so. */
  char *sub = rc_xasprintf("%s/sub", fx.dir);
  mkdir(sub, 0755);
  free(err);
  char *diff2 = fmt_diff(L, sub, &err);
  assert_string_equal(diff, diff2);
  assert_non_null(strstr(err, "relative to"));
  free(diff2);
  free(sub);
  free(err);
  free(diff);
  th_lint_free(L, &fx);
  if (skipped) skip();
}

/* SARIF columns count UTF-16 code units: ë is one, 😀 two (4 bytes). */
static void test_sarif_utf16_columns(void **st) {
  (void)st;
  rc_fixture fx;
  const rc_rule *r[] = {&rc_test_rule_cellar};
  rc_lint *L = fmt_lint("# rccheck-fixture: shell=zsh\n# --- .zshrc\nexport P=\"/Zo\xc3\xab/\xf0\x9f\x98\x80/Cellar/go/1.2/x\"\n", r, 1, &fx);
  assert_int_equal(L->diags.n, 1);
  assert_int_equal(L->diags.v[0]->span.col, 21); /* bytes */
  char *sarif = fmt_render(rc_format_sarif, L, fx.home);
  json_error_t je;
  json_t *log = json_loads(sarif, 0, &je);
  assert_int_equal(jint(log, "runs.0.results.0.locations.0.physicalLocation.region.startColumn"), 18);
  assert_int_equal(jint(log, "runs.0.results.0.locations.0.physicalLocation.region.endColumn"), 32);
  assert_string_equal(jstr(log, "runs.0.columnKind"), "utf16CodeUnits");
  json_decref(log);
  free(sarif);
  th_lint_free(L, &fx);
}

/* Two safe fixes that overlap: the later one is left out, and said so. */
static void test_diff_overlapping_fixes(void **st) {
  (void)st;
  rc_fixture fx;
  const rc_rule *r[] = {&rc_test_rule_cellar, &rc_test_rule_whole_line};
  rc_lint *L = fmt_lint(cellar_home, r, 2, &fx);
  char *err;
  char *diff = fmt_diff(L, fx.home, &err);
  assert_int_equal(fmt_count(err, "skipped: it overlaps"), 2);
  assert_non_null(strstr(err, "RC905 test-cellar-path skipped"));
  assert_non_null(strstr(diff, "\n+export GOROOT=/usr/local/go\n"));
  assert_null(strstr(diff, "opt/go/libexec"));
  check_patch_applies(&fx, L, diff);
  free(err);
  free(diff);
  th_lint_free(L, &fx);
}

/* ---- diff edge cases: hand-made fixes on hand-made files ---- */

static void add_fix(rc_lint *L, const rc_file *f, uint32_t start, uint32_t end, const char *text) {
  rc_diag *d = rc_xcalloc(1, sizeof *d);
  d->rule = &rc_test_rule_cellar;
  d->severity = RC_SEV_WARNING;
  d->file = f;
  rc_source_pos(f->src, start, &d->span.line, &d->span.col);
  d->message = "edit";
  d->has_fix = d->fix_safe = true;
  d->fix_title = rc_xstrdup("edit");
  rc_edit e = {f, {.start = start, .end = end}, rc_xstrdup(text)};
  rc_vec_push(&d->edits, e);
  rc_vec_push(&L->diags, d);
}

/* A tiny deterministic generator (the same cases on every run). */
static uint32_t next_rand(uint64_t *s) {
  *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
  return (uint32_t)(*s >> 33);
}

static char *random_text(uint64_t *s) {
  static const char *const words[] = {"export A=1", "", "  # comment", "PATH=$PATH:/x", "alias l=ls", "\t fi", "x\r"};
  rc_buf b = {0};
  uint32_t n = next_rand(s) % 30;
  for (uint32_t i = 0; i < n; i++) {
    rc_buf_puts(&b, words[next_rand(s) % RC_ARRAY_LEN(words)]);
    if (i + 1 < n || next_rand(s) % 3) rc_buf_putc(&b, '\n');
  }
  return rc_buf_steal(&b);
}

static const char *random_insert(uint64_t *s) {
  static const char *const ins[] = {"", "Y", "new line\n", "\n", "a\nb", "\nlast", "export GOROOT=/opt/go\n"};
  return ins[next_rand(s) % RC_ARRAY_LEN(ins)];
}

typedef struct edit_spec {
  uint32_t start, end;
  const char *text;
} edit_spec;

/* One case: `text` as ~/.zshrc with the given edits (or, with none, edits
 * drawn from `seed`), checked through git apply and patch -p1. */
static void diff_case(const char *text, const edit_spec *edits, size_t nedits, uint64_t seed) {
  rc_fixture fx;
  rc_buf home = {0};
  rc_buf_printf(&home, "# rccheck-fixture: shell=zsh\n# --- .zshrc\n%s", text);
  const rc_rule *none[] = {&rc_test_rule_cellar};
  rc_lint *L = fmt_lint(home.s, none, 1, &fx);
  rc_buf_free(&home);
  const rc_file *f = fmt_file(L, ".zshrc");
  assert_non_null(f);
  assert_int_equal(f->src->len, strlen(text)); /* the fixture writer keeps the text as is */
  for (size_t i = 0; i < L->diags.n; i++) rc_diag_free(L->diags.v[i]);
  L->diags.n = 0;
  for (size_t i = 0; i < nedits; i++) add_fix(L, f, edits[i].start, edits[i].end, edits[i].text);
  uint64_t s = seed;
  uint32_t pos = 0, len = f->src->len;
  while (!nedits && pos <= len && L->diags.n < 6) {
    uint32_t a = pos + next_rand(&s) % (len - pos + 1);
    uint32_t b = a + next_rand(&s) % RC_MIN(len - a + 1, 12);
    add_fix(L, f, a, next_rand(&s) % 3 ? b : a, random_insert(&s));
    pos = b + next_rand(&s) % 2;
    if (next_rand(&s) % 4 == 0) break;
  }
  char *err;
  char *diff = fmt_diff(L, fx.home, &err);
  rc_fix_plan P;
  rc_fix_plan_build(L, &P, NULL);
  bool changed = P.files.n && (P.files.v[0].fixed_len != len || memcmp(P.files.v[0].fixed, f->src->text, len));
  rc_fix_plan_free(&P);
  if (changed) check_patch_applies(&fx, L, diff);
  else assert_string_equal(diff, "");
  free(diff);
  free(err);
  th_lint_free(L, &fx);
}

#define CASE(text, ...) diff_case(text, (const edit_spec[]){__VA_ARGS__}, sizeof((const edit_spec[]){__VA_ARGS__}) / sizeof(edit_spec), 0)

static void test_diff_edge_cases(void **st) {
  (void)st;
  CASE("a\nb", {3, 3, "\nc"});                 /* appended to a last line without newline */
  CASE("a\nb", {1, 3, ""});                    /* the last line deleted */
  CASE("a\nb\n", {2, 4, ""});                  /* a whole line deleted */
  CASE("", {0, 0, "new\n"});                   /* an empty file */
  CASE("x\ny\n", {0, 4, ""});                  /* everything deleted */
  CASE("a\nb\n", {2, 2, "new\n"});             /* a line inserted */
  CASE("a\r\nb\r\n", {3, 4, "c"});             /* CRLF lines */
  CASE("a b c\n", {0, 1, "A"}, {4, 5, "C"});   /* two edits on one line */
  const char *twenty = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\nl9\nl10\nl11\nl12\nl13\nl14\nl15\nl16\nl17\nl18\nl19\nl20\n";
  CASE(twenty, {0, 2, "L1"}, {12, 14, "L5"}, {24, 26, "L9"}, {67, 70, "L20"}); /* hunks merged and apart */
  for (uint64_t seed = 1; seed <= 80; seed++) {
    uint64_t s = seed * 7919;
    char *text = random_text(&s);
    diff_case(text, NULL, 0, seed);
    free(text);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_goroot_conflict_every_format),
    cmocka_unit_test(test_sarif_paths),
    cmocka_unit_test(test_sarif_utf16_columns),
    cmocka_unit_test(test_diff_safe_fixes),
    cmocka_unit_test(test_diff_overlapping_fixes),
    cmocka_unit_test(test_diff_edge_cases),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
