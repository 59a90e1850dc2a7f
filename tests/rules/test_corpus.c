/* test_corpus.c — rccheck's findings on the corpus homes: every home with a
 * `findings.txt` is linted (all rules, every context) and must give exactly
 * the findings listed there, `RULE-NAME FILE:LINE` per line (FILE relative
 * to the home, or /etc/… in the overlay). Options on a line
 * `# options: os=macos workspace=DIR` (DIR home-relative: a VS Code workspace
 * folder, --workspace); `findings.macos.txt` is the same for --os macos (a
 * home may have both); a line `# clean` also asserts that nothing is
 * reported at `warning` or above (the setups the tools' docs recommend).
 * The home's `root/` overlay, if any, is the sysroot; else an empty one, so
 * the result does not depend on this machine's /etc. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lint.h"
#include "th_file.h"

typedef struct want {
  char *name, *file;
  unsigned line;
  bool matched;
} want;

static const char *rel(const char *p, const char *home, const char *root) {
  size_t hl = strlen(home), rl = strlen(root);
  if (!strncmp(p, home, hl) && p[hl] == '/') return p + hl + 1;
  if (!strncmp(p, root, rl) && p[rl] == '/') return p + rl;
  return p;
}

/* One home: returns the number of problems. */
static int run_home(const char *dir, const char *name, const char *empty_root, const char *sp, rc_os os) {
  char *spec = th_slurp(sp, NULL);
  char *save = NULL;
  RC_VEC(want) wants = {0};
  bool clean = false;
  char *workspace = NULL;
  for (char *line = strtok_r(spec, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    if (!strncmp(line, "# options:", 10)) {
      char *w = strstr(line, "workspace=");
      if (w) {
        w += 10;
        free(workspace);
        workspace = rc_xasprintf("%s/home/%.*s", dir, (int)strcspn(w, " "), w);
      }
      char *o = strstr(line, " os=");
      if (o) {
        o[4 + strcspn(o + 4, " ")] = 0;
        rc_os_parse(o + 4, &os);
      }
      continue;
    }
    if (!strcmp(line, "# clean")) clean = true;
    if (line[0] == '#' || !line[0]) continue;
    char rule[128], where[512];
    if (sscanf(line, "%127s %511s", rule, where) != 2 || !strrchr(where, ':')) {
      print_message("%s: bad line `%s`\n", name, line);
      free(workspace);
      return 1;
    }
    char *colon = strrchr(where, ':');
    *colon = 0;
    want w = {rc_xstrdup(rule), rc_xstrdup(where), (unsigned)atoi(colon + 1), false};
    rc_vec_push(&wants, w);
  }
  char *home = rc_xasprintf("%s/home", dir), *root = rc_xasprintf("%s/root", dir);
  struct stat st;
  bool has_root = stat(root, &st) == 0;
  rc_lint_opts o;
  memset(&o, 0, sizeof o);
  o.sopt.home = home;
  o.sopt.sysroot = has_root ? root : empty_root;
  o.sopt.os = os;
  o.sopt.user = "user";
  o.sopt.workspace = workspace;
  o.no_config = true;
  o.min_severity = RC_SEV_STYLE;
  o.fail_on = RC_SEV_STYLE;
  rc_lint *L = rc_lint_run(&o);
  char *rhome = realpath(home, NULL), *rroot = realpath(o.sopt.sysroot, NULL);
  int problems = 0;
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    const char *f = rel(d->file->fs_path ? d->file->fs_path : d->file->path, rhome, rroot);
    bool claimed = false;
    for (size_t k = 0; k < wants.n && !claimed; k++) {
      want *w = &wants.v[k];
      if (!w->matched && w->line == d->span.line && !strcmp(w->file, f) &&
          (!strcmp(w->name, d->rule->name) || !strcasecmp(w->name, d->rule->id)))
        w->matched = claimed = true;
    }
    if (!claimed) {
      print_message("%s: unexpected %s %s:%u (%s): %s\n", name, d->rule->name, f, d->span.line,
                    rc_severity_name(d->severity), d->message);
      problems++;
    }
    if (clean && d->severity >= RC_SEV_WARNING) {
      print_message("%s: a clean home must have no finding at warning or above: %s %s:%u\n", name, d->rule->name, f,
                    d->span.line);
      problems++;
    }
  }
  for (size_t k = 0; k < wants.n; k++) {
    if (!wants.v[k].matched) {
      print_message("%s: expected %s %s:%u, not reported\n", name, wants.v[k].name, wants.v[k].file, wants.v[k].line);
      problems++;
    }
    free(wants.v[k].name);
    free(wants.v[k].file);
  }
  rc_vec_free(&wants);
  free(rhome);
  free(rroot);
  rc_lint_free(L);
  free(home);
  free(root);
  free(workspace);
  free(spec);
  return problems;
}

static void test_corpus_findings(void **st) {
  (void)st;
  const char *src = getenv("RC_SRC");
  assert_non_null(src);
  char tmpl[] = "/tmp/rccheck-empty-root-XXXXXX";
  assert_non_null(mkdtemp(tmpl));
  char *cdir = rc_xasprintf("%s/corpus", src);
  DIR *d = opendir(cdir);
  assert_non_null(d);
  struct dirent *e;
  int problems = 0, homes = 0, clean = 0;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char *dir = rc_xasprintf("%s/%s", cdir, e->d_name);
    static const char *const specs[] = {"findings.txt", "findings.macos.txt"};
    for (int k = 0; k < 2; k++) {
      char *spec = rc_xasprintf("%s/%s", dir, specs[k]);
      struct stat sb;
      if (stat(spec, &sb) == 0) {
        char *t = th_slurp(spec, NULL);
        clean += t && strstr(t, "\n# clean\n") != NULL;
        free(t);
        char *label = rc_xasprintf("%s%s", e->d_name, k ? " (macos)" : "");
        problems += run_home(dir, label, tmpl, spec, k ? RC_OS_MACOS : RC_OS_LINUX);
        free(label);
        homes++;
      }
      free(spec);
    }
    free(dir);
  }
  closedir(d);
  rmdir(tmpl);
  free(cdir);
  print_message("%d corpus home runs with findings, %d of them clean\n", homes, clean);
  assert_true(clean >= 5);
  assert_int_equal(problems, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {cmocka_unit_test(test_corpus_findings)};
  return cmocka_run_group_tests(tests, NULL, NULL);
}
