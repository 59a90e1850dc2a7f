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
#include <dirent.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fix.h"
#include "fixture.h"

static const char home_text[] =
  "# rccheck-fixture: shell=zsh\n"
  "# --- .zshrc\n"
  "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n";

static const char original[] = "export GOROOT=/opt/homebrew/Cellar/go/1.22.0/libexec\n";

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  rc_buf b = {0};
  char chunk[4096];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) rc_buf_add(&b, chunk, n);
  fclose(f);
  return rc_buf_steal(&b);
}

static bool file_is(const char *path, const char *want) {
  char *got = slurp(path);
  bool ok = got && !strcmp(got, want);
  if (!ok) print_error("%s holds:\n%s\n", path, got ? got : "(nothing)");
  free(got);
  return ok;
}

static bool no_leftovers(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return true;
  bool ok = true;
  for (struct dirent *e; (e = readdir(d));)
    if (strstr(e->d_name, ".rccheck-")) print_error("left behind: %s/%s\n", dir, e->d_name), ok = false;
  closedir(d);
  return ok;
}

/* Lints the fixture (every rule), then runs `between`, then plans and
 * applies the safe fixes; returns the files not written, and what was said
 * (malloc) in *said. */
static size_t lint_and_fix(const rc_fixture *fx, char **said, void (*between)(const rc_fixture *)) {
  rc_lint_opts o;
  rc_fixture_lint_opts(fx, &o);
  rc_lint *L = rc_lint_run(&o);
  if (between) between(fx);
  char *s = NULL;
  size_t n = 0;
  FILE *err = open_memstream(&s, &n);
  rc_fix_plan P;
  rc_fix_plan_build(L, &P, err);
  rc_fix_opts fo = {false};
  size_t failed = P.files.n ? rc_fix_apply(L->S, &P, &fo, err) : 0;
  fclose(err);
  rc_fix_plan_free(&P);
  rc_lint_free(L);
  *said = s;
  return failed;
}

static char *zshrc(const rc_fixture *fx) { return rc_xasprintf("%s/.zshrc", fx->home); }

/* Runs body in a child (its own mount namespace may change); 0 pass, 77 skip. */
static int in_child(int (*body)(rc_fixture *), rc_fixture *fx) {
  fflush(NULL);
  pid_t pid = fork();
  if (pid == 0) _exit(body(fx));
  int status;
  assert_int_equal(waitpid(pid, &status, 0), pid);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}

static void run_case(int (*body)(rc_fixture *), const char *text) {
  rc_fixture fx;
  if (!rc_fixture_write(text, &fx)) fail_msg("%s", fx.error);
  int rc = in_child(body, &fx);
  rc_fixture_free(&fx);
  if (rc == 77) skip();
  assert_int_equal(rc, 0);
}

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
            strstr(said, "(the file is unchanged)") && file_is(p, original) && no_leftovers(fx->home);
  free(said);
  free(p);
  umount(fx->home);
  return ok ? 0 : 1;
}

static void test_read_only_file_system(void **st) {
  (void)st;
  run_case(read_only_fs_body, home_text);
}

/* FILE.rccheck.bak is a folder: the backup cannot be put in place, so the
 * file is not replaced either. */
static int backup_taken_body(rc_fixture *fx) {
  char *bak = rc_xasprintf("%s/.zshrc%s", fx->home, RC_FIX_BACKUP_SUFFIX), *p = zshrc(fx), *said;
  if (mkdir(bak, 0755) != 0) return 1;
  size_t failed = lint_and_fix(fx, &said, NULL);
  fputs(said, stderr);
  struct stat st;
  bool ok = failed == 1 && strstr(said, "not fixed: cannot write the backup") && file_is(p, original) &&
            stat(bak, &st) == 0 && S_ISDIR(st.st_mode) && no_leftovers(fx->home);
  free(said);
  free(p);
  free(bak);
  return ok ? 0 : 1;
}

static void test_backup_name_taken(void **st) {
  (void)st;
  run_case(backup_taken_body, home_text);
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
            S_ISFIFO(st.st_mode) && no_leftovers(fx->home);
  free(said);
  free(p);
  return ok ? 0 : 1;
}

static void test_swapped_for_fifo(void **st) {
  (void)st;
  run_case(fifo_body, home_text);
}

/* The file became a symlink to another file (a classic swap to make a
 * privileged tool write elsewhere): that file is not touched. */
static void to_symlink(const rc_fixture *fx) {
  char *p = zshrc(fx), *victim = rc_xasprintf("%s/victim", fx->dir);
  FILE *f = fopen(victim, "w");
  fputs(original, f);
  fclose(f);
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
  bool ok = failed == 1 && strstr(said, "changed since rccheck read it") && file_is(victim, original) &&
            lstat(p, &st) == 0 && S_ISLNK(st.st_mode) && no_leftovers(fx->home) && no_leftovers(fx->dir);
  free(said);
  free(p);
  free(victim);
  return ok ? 0 : 1;
}

static void test_swapped_for_symlink(void **st) {
  (void)st;
  run_case(symlink_body, home_text);
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
  FILE *g = fopen(p, "rb");
  char buf[8192];
  size_t n = g ? fread(buf, 1, sizeof buf, g) : 0;
  if (g) fclose(g);
  bool ok = failed == 0 && strstr(said, "the file holds NUL bytes") && n == w.n && !memcmp(buf, w.s, n) &&
            no_leftovers(fx->home);
  if (!ok) fprintf(stderr, "said: %s\n", said);
  rc_buf_free(&w);
  free(said);
  free(p);
  return ok ? 0 : 1;
}

static void test_nul_bytes(void **st) {
  (void)st;
  run_case(nul_body, home_text);
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
