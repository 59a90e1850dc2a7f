/* test_fix.c — --fix on real files: atomic replacement keeping mode and
 * owner, symlinked dotfiles edited at their target, backups, refusal when
 * the file changed, and the original left whole on a read-only folder or a
 * full disk. After fixing, linting again finds nothing for the fixed rule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "fmt_helpers.h"
#include "fmt_rules.h"
#include "th_file.h"
#include "th_lint.h"

static const char home_text[] =
  "# rccheck-fixture: shell=zsh\n"
  "# --- .zshrc\n"
  "# Go\n"
  "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n"
  "export PATH=\"/opt/homebrew/Cellar/go/1.22.0/libexec/bin:$PATH\"\n";

static const char fixed_zshrc[] =
  "# Go\n"
  "export GOROOT=/opt/homebrew/opt/go/libexec\n"
  "export PATH=\"/opt/homebrew/opt/go/libexec/bin:$PATH\"\n";

static const char original_zshrc[] =
  "# Go\n"
  "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n"
  "export PATH=\"/opt/homebrew/Cellar/go/1.22.0/libexec/bin:$PATH\"\n";

static const rc_rule *const stand_in[] = {&rc_test_rule_cellar};

/* The real Cellar rule with the whole table once merged, else the stand-in. */
static size_t nrules(void) { return rc_rule_find(REAL_CELLAR_RULE) ? 0 : 1; }
static const char *cellar_name(void) { return nrules() ? rc_test_rule_cellar.name : REAL_CELLAR_RULE; }

static size_t count_rule(const rc_lint *L, const char *name) {
  size_t n = 0;
  for (size_t i = 0; i < L->diags.n; i++) n += !strcmp(L->diags.v[i]->rule->name, name);
  return n;
}

/* Lints, plans and applies; returns the number of files not written, and
 * what was said (malloc) in *said. */
static size_t lint_and_fix(const rc_fixture *fx, bool no_backup, char **said, void (*between)(const rc_fixture *)) {
  rc_lint *L = fmt_relint(fx, stand_in, nrules());
  assert_true(count_rule(L, cellar_name()) > 0);
  if (between) between(fx);
  char *s;
  size_t failed = th_fix(L, no_backup, &s);
  if (failed) print_message("%s", s);
  rc_lint_free(L);
  if (said) *said = s;
  else free(s);
  return failed;
}

static char *home_path(const rc_fixture *fx, const char *rel) { return rc_xasprintf("%s/%s", fx->home, rel); }

static void test_fix_in_place(void **st) {
  (void)st;
  rc_fixture fx;
  th_fixture(home_text, &fx);
  char *p = home_path(&fx, ".zshrc");
  assert_int_equal(chmod(p, 0640), 0);
  bool root = geteuid() == 0;
  if (root) assert_int_equal(chown(p, 4242, 4343), 0);
  struct stat before;
  assert_int_equal(stat(p, &before), 0);
  char *said;
  assert_int_equal(lint_and_fix(&fx, false, &said, NULL), 0);
  assert_non_null(strstr(said, "rccheck: fixed 2 findings in ~/.zshrc; backup: ~/.zshrc.rccheck.bak"));
  assert_true(th_file_is(p, fixed_zshrc));
  struct stat after;
  assert_int_equal(stat(p, &after), 0);
  assert_true(after.st_ino != before.st_ino); /* replaced by rename, not rewritten */
  assert_int_equal(after.st_mode & 07777, 0640);
  assert_int_equal(after.st_uid, before.st_uid);
  assert_int_equal(after.st_gid, before.st_gid);
  char *bak = rc_xasprintf("%s%s", p, RC_FIX_BACKUP_SUFFIX);
  assert_true(th_file_is(bak, original_zshrc));
  assert_true(th_no_leftovers(fx.home));
  /* Linting again: nothing left for the rule. */
  rc_lint *L = fmt_relint(&fx, stand_in, nrules());
  assert_int_equal(count_rule(L, cellar_name()), 0);
  rc_lint_free(L);
  free(said);
  free(bak);
  free(p);
  rc_fixture_free(&fx);
}

static void test_fix_no_backup(void **st) {
  (void)st;
  rc_fixture fx;
  th_fixture(home_text, &fx);
  char *said;
  assert_int_equal(lint_and_fix(&fx, true, &said, NULL), 0);
  assert_null(strstr(said, "backup"));
  char *p = home_path(&fx, ".zshrc"), *bak = home_path(&fx, ".zshrc.rccheck.bak");
  assert_true(th_file_is(p, fixed_zshrc));
  assert_int_equal(access(bak, F_OK), -1);
  free(said);
  free(p);
  free(bak);
  rc_fixture_free(&fx);
}

/* ~/.zshrc -> dotfiles/zshrc: the target is fixed, the link stays. */
static void test_fix_symlinked_dotfile(void **st) {
  (void)st;
  rc_fixture fx;
  th_fixture("# rccheck-fixture: shell=zsh\n# --- .zshrc -> dotfiles/zshrc\n# --- dotfiles/zshrc\n"
             "# Go\nexport GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n"
             "export PATH=\"/opt/homebrew/Cellar/go/1.22.0/libexec/bin:$PATH\"\n",
             &fx);
  char *said;
  assert_int_equal(lint_and_fix(&fx, false, &said, NULL), 0);
  assert_non_null(strstr(said, "(at its target ~/dotfiles/zshrc); backup: ~/dotfiles/zshrc.rccheck.bak"));
  char *link = home_path(&fx, ".zshrc"), *target = home_path(&fx, "dotfiles/zshrc");
  char *bak = home_path(&fx, "dotfiles/zshrc.rccheck.bak");
  struct stat ls;
  assert_int_equal(lstat(link, &ls), 0);
  assert_true(S_ISLNK(ls.st_mode));
  char buf[256];
  ssize_t n = readlink(link, buf, sizeof buf - 1);
  assert_true(n > 0);
  buf[n] = 0;
  assert_string_equal(buf, "dotfiles/zshrc");
  assert_true(th_file_is(target, fixed_zshrc));
  assert_true(th_file_is(bak, original_zshrc));
  free(said);
  free(link);
  free(target);
  free(bak);
  rc_fixture_free(&fx);
}

static void edit_behind_our_back(const rc_fixture *fx) {
  char *p = home_path(fx, ".zshrc");
  FILE *f = fopen(p, "a");
  fputs("alias g=go\n", f);
  fclose(f);
  free(p);
}

static void test_fix_refuses_changed_file(void **st) {
  (void)st;
  rc_fixture fx;
  th_fixture(home_text, &fx);
  char *said;
  assert_int_equal(lint_and_fix(&fx, false, &said, edit_behind_our_back), 1);
  assert_non_null(strstr(said, "~/.zshrc: not fixed: changed since rccheck read it"));
  char *p = home_path(&fx, ".zshrc"), *bak = home_path(&fx, ".zshrc.rccheck.bak");
  char *want = rc_xasprintf("%salias g=go\n", original_zshrc);
  assert_true(th_file_is(p, want));
  assert_int_equal(access(bak, F_OK), -1);
  assert_true(th_no_leftovers(fx.home));
  free(want);
  free(said);
  free(p);
  free(bak);
  rc_fixture_free(&fx);
}

static int chown_tree(const char *dir, uid_t u, gid_t g) { return fmt_sh("chown -R %u:%u '%s'", u, g, dir); }

/* In the child: the home's folder is read-only to a non-root user. */
static int read_only_body(rc_fixture *fx) {
  if (geteuid() == 0) {
    const uid_t nobody = 65534;
    if (chown_tree(fx->dir, nobody, nobody) != 0 || setgroups(0, NULL) != 0 || setgid(nobody) != 0 ||
        setuid(nobody) != 0)
      return 77;
  }
  if (chmod(fx->home, 0555) != 0) return 1;
  char *probe = rc_xasprintf("%s/probe", fx->home);
  if (fopen(probe, "w")) return 77; /* still writable: privileges remain */
  free(probe);
  char *said;
  size_t failed = lint_and_fix(fx, false, &said, NULL);
  fputs(said, stderr);
  char *p = home_path(fx, ".zshrc");
  bool ok = failed == 1 && strstr(said, "not fixed: cannot create a file in its folder: Permission denied") &&
            strstr(said, "(the file is unchanged)") && th_file_is(p, original_zshrc) && th_no_leftovers(fx->home);
  free(said);
  free(p);
  return ok ? 0 : 1;
}

static void test_fix_read_only_folder(void **st) {
  (void)st;
  rc_fixture fx;
  th_fixture(home_text, &fx);
  int rc = th_in_child(read_only_body, &fx);
  chmod(fx.home, 0755);
  if (geteuid() == 0) chown_tree(fx.dir, 0, 0);
  rc_fixture_free(&fx);
  if (rc == 77) skip();
  assert_int_equal(rc, 0);
}

/* In the child: the home on a 64 KiB tmpfs that is full. */
static int full_disk_body(rc_fixture *fx) {
  if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0) return 77;
  if (mount("rccheck-test", fx->home, "tmpfs", 0, "size=64k,mode=0755") != 0) return 77;
  char *p = home_path(fx, ".zshrc"), *filler = home_path(fx, "filler");
  th_spit(p, original_zshrc);
  FILE *f = fopen(filler, "w");
  static const char block[4096];
  while (f && fwrite(block, 1, sizeof block, f) == sizeof block && fflush(f) == 0) {}
  if (f) fclose(f);
  char *said;
  size_t failed = lint_and_fix(fx, false, &said, NULL);
  fputs(said, stderr);
  bool ok = failed == 1 && strstr(said, "not fixed: cannot write: No space left on device") &&
            th_file_is(p, original_zshrc) && th_no_leftovers(fx->home);
  free(said);
  free(p);
  free(filler);
  umount(fx->home);
  return ok ? 0 : 1;
}

static void test_fix_full_disk(void **st) {
  (void)st;
  th_run_in_child(full_disk_body, home_text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_fix_in_place),
    cmocka_unit_test(test_fix_no_backup),
    cmocka_unit_test(test_fix_symlinked_dotfile),
    cmocka_unit_test(test_fix_refuses_changed_file),
    cmocka_unit_test(test_fix_read_only_folder),
    cmocka_unit_test(test_fix_full_disk),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
