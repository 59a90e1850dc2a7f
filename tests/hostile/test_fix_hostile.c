/* test_fix_hostile.c — --fix where writing goes wrong, beyond the read-only
 * folder and the full disk of tests/formats/test_fix.c: a read-only file
 * system, a backup name taken by a folder, the file swapped for a FIFO or
 * for a symlink to another file between reading and writing, and a file
 * with NUL bytes. Every time: the file as it was, nothing left behind, and
 * a message saying why. The file system cases run as root in a private
 * mount namespace (skipped otherwise). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix.h"
#include "fixture.h"
#include "th_file.h"
#include "th_lint.h"

static const char home_text[] =
  "# rccheck-fixture: shell=zsh\n"
  "# --- .zshrc\n"
  "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n";

static const char original[] = "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n";

/* Lints the fixture (every rule), then runs `between`, then plans and
 * applies the safe fixes; returns the files not written, and what was said
 * (malloc) in *said. */
static size_t lint_and_fix(const rc_fixture *fx, char **said, void (*between)(const rc_fixture *)) {
  rc_lint_opts o;
  rc_fixture_lint_opts(fx, &o);
  rc_lint *L = rc_lint_run(&o);
  if (between) between(fx);
  size_t failed = th_fix(L, false, said);
  rc_lint_free(L);
  return failed;
}

static char *zshrc(const rc_fixture *fx) { return rc_xasprintf("%s/.zshrc", fx->home); }

/* The home on a file system mounted read-only. */
static int read_only_fs_body(rc_fixture *fx) {
  if (geteuid() != 0 || unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
      mount(fx->home, fx->home, NULL, MS_BIND, NULL) != 0 ||
      mount(NULL, fx->home, NULL, MS_BIND | MS_REMOUNT | MS_RDONLY, NULL) != 0)
    return 77;
  char *said, *p = zshrc(fx);
  size_t failed = lint_and_fix(fx, &said, NULL);
  fputs(said, stderr);
  bool ok = failed == 1 && strstr(said, "not fixed: cannot create a file in its folder: Read-only file system") &&
            strstr(said, "(the file is unchanged)") && th_file_is(p, original) && th_no_leftovers(fx->home);
  free(said);
  free(p);
  umount(fx->home);
  return ok ? 0 : 1;
}

static void test_read_only_file_system(void **st) {
  (void)st;
  th_run_in_child(read_only_fs_body, home_text);
}

/* FILE.rccheck.bak is a folder: the backup cannot be put in place, so the
 * file is not replaced either. */
static int backup_taken_body(rc_fixture *fx) {
  char *bak = rc_xasprintf("%s/.zshrc%s", fx->home, RC_FIX_BACKUP_SUFFIX), *p = zshrc(fx), *said;
  if (mkdir(bak, 0755) != 0) return 1;
  size_t failed = lint_and_fix(fx, &said, NULL);
  fputs(said, stderr);
  struct stat st;
  bool ok = failed == 1 && strstr(said, "not fixed: cannot write the backup") && th_file_is(p, original) &&
            stat(bak, &st) == 0 && S_ISDIR(st.st_mode) && th_no_leftovers(fx->home);
  free(said);
  free(p);
  free(bak);
  return ok ? 0 : 1;
}

static void test_backup_name_taken(void **st) {
  (void)st;
  th_run_in_child(backup_taken_body, home_text);
}

static void to_fifo(const rc_fixture *fx) {
  char *p = zshrc(fx);
  unlink(p);
  if (mkfifo(p, 0644) != 0) fail_msg("mkfifo");
  free(p);
}

/* The file became a FIFO after it was read: nothing opens it (that would
 * block), nothing replaces it. */
static int fifo_body(rc_fixture *fx) {
  char *p = zshrc(fx), *said;
  size_t failed = lint_and_fix(fx, &said, to_fifo);
  fputs(said, stderr);
  struct stat st;
  bool ok = failed == 1 && strstr(said, "changed since rccheck read it") && lstat(p, &st) == 0 &&
            S_ISFIFO(st.st_mode) && th_no_leftovers(fx->home);
  free(said);
  free(p);
  return ok ? 0 : 1;
}

static void test_swapped_for_fifo(void **st) {
  (void)st;
  th_run_in_child(fifo_body, home_text);
}

/* The file became a symlink to another file (a classic swap to make a
 * privileged tool write elsewhere): that file is not touched. */
static void to_symlink(const rc_fixture *fx) {
  char *p = zshrc(fx), *victim = rc_xasprintf("%s/victim", fx->dir);
  th_spit(victim, original);
  unlink(p);
  if (symlink(victim, p) != 0) fail_msg("symlink");
  free(p);
  free(victim);
}

static int symlink_body(rc_fixture *fx) {
  char *p = zshrc(fx), *victim = rc_xasprintf("%s/victim", fx->dir), *said;
  size_t failed = lint_and_fix(fx, &said, to_symlink);
  fputs(said, stderr);
  struct stat st;
  bool ok = failed == 1 && strstr(said, "changed since rccheck read it") && th_file_is(victim, original) &&
            lstat(p, &st) == 0 && S_ISLNK(st.st_mode) && th_no_leftovers(fx->home) && th_no_leftovers(fx->dir);
  free(said);
  free(p);
  free(victim);
  return ok ? 0 : 1;
}

static void test_swapped_for_symlink(void **st) {
  (void)st;
  th_run_in_child(symlink_body, home_text);
}

/* NUL bytes (read as blanks): rewriting would lose them, so no fix. */
static int nul_body(rc_fixture *fx) {
  char *p = zshrc(fx), *said;
  /* past the first 4 KiB, where a NUL would make it a binary file */
  rc_buf w = {0};
  rc_buf_puts(&w, "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n");
  for (int i = 0; i < 100; i++) rc_buf_puts(&w, "# a comment line to push the NUL byte further down\n");
  rc_buf_add(&w, "# a\0b\n", 6);
  FILE *f = fopen(p, "wb");
  fwrite(w.s, 1, w.n, f);
  fclose(f);
  size_t failed = lint_and_fix(fx, &said, NULL);
  fputs(said, stderr);
  size_t n = 0;
  char *got = th_slurp(p, &n);
  bool ok = failed == 0 && strstr(said, "the file holds NUL bytes") && got && n == w.n && !memcmp(got, w.s, n) &&
            th_no_leftovers(fx->home);
  if (!ok) fprintf(stderr, "said: %s\n", said);
  free(got);
  rc_buf_free(&w);
  free(said);
  free(p);
  return ok ? 0 : 1;
}

static void test_nul_bytes(void **st) {
  (void)st;
  th_run_in_child(nul_body, home_text);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_read_only_file_system),
    cmocka_unit_test(test_backup_name_taken),
    cmocka_unit_test(test_swapped_for_fifo),
    cmocka_unit_test(test_swapped_for_symlink),
    cmocka_unit_test(test_nul_bytes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
