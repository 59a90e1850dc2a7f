/* fuzz_home.c — one input, the whole pipeline: parse, lower, evaluate every
 * context, run every rule (the ones off by default too), write the output
 * formats, plan and apply the fixes, chain, env and graph.
 *
 * Each input pays for the lint and one output, fix and subcommand chosen by
 * a hash of its bytes; together the inputs reach them all.
 *
 * The input is a small home. Its bytes are ~/.zshrc and ~/.bashrc as they
 * are; and when they hold lines `#@C` (C any byte), they are also cut there
 * into several files, C choosing each next file's name from a fixed table
 * (entry (C - '0') mod its size: `#@0` is .zshrc, `#@1` .zshenv …; never a
 * path from the input, so nothing is written outside a temporary folder).
 * A part that starts with `@link C` is a symlink to table entry C.
 *
 * Built two ways: with clang's libFuzzer (-DRC_LIBFUZZER, fuzz/run-fuzzer),
 * and as a plain program in the normal builds that replays the files named
 * on its command line (fuzz/regressions/, in meson's 'fuzz' suite). */
#include <dirent.h>
#include <stdbool.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fix.h"
#include "format.h"
#include "ir_dump.h"
#include "lint.h"

/* Where a part goes; "/…" is in the sysroot. Executables stand in for the
 * tools version managers install (never run, only looked up). */
static const struct {
  const char *path;
  mode_t mode;
} names[] = {
  {".zshrc", 0644}, {".zshenv", 0644}, {".zprofile", 0644}, {".zlogin", 0644},
  {".bashrc", 0644}, {".bash_profile", 0644}, {".profile", 0644}, {".zsh/a.zsh", 0644},
  {".zsh/b.zsh", 0644}, {"bin/goenv", 0755}, {".config/go/env", 0644}, {".zsh/.zshrc", 0644},
  {".bash_login", 0644}, {".zlogout", 0644}, {".rccheckrc", 0644}, {".goenv/bin/goenv", 0755},
  {"/etc/zsh/zshenv", 0644}, {"/etc/profile", 0644}, {"/etc/paths", 0644}, {"/etc/zprofile", 0644},
  {"/etc/bash.bashrc", 0644}, {"/etc/profile.d/a.sh", 0644}, {".oh-my-zsh/oh-my-zsh.sh", 0644},
  {"/opt/homebrew/bin/brew", 0755}, {".config/Code/User/settings.json", 0644}, {"work/.vscode/settings.json", 0644},
};
enum { NNAMES = sizeof names / sizeof names[0] };

static char *base;   /* the temporary folder: base/home, base/root, base/xdg */
static FILE *devnull;

static void rm_rf(const char *p) {
  struct stat st;
  if (lstat(p, &st) != 0) return;
  if (S_ISDIR(st.st_mode)) {
    chmod(p, 0755);
    DIR *d = opendir(p);
    struct dirent *e;
    while (d && (e = readdir(d))) {
      if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
      char *q = rc_xasprintf("%s/%s", p, e->d_name);
      rm_rf(q);
      free(q);
    }
    if (d) closedir(d);
    rmdir(p);
  } else {
    unlink(p);
  }
}

static void mkdirs(char *p) {
  for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
    *s = 0;
    mkdir(p, 0755);
    *s = '/';
  }
}

static char *where(int i) {
  const char *n = names[i].path;
  return n[0] == '/' ? rc_xasprintf("%s/root%s", base, n) : rc_xasprintf("%s/home/%s", base, n);
}

static void put(int i, const uint8_t *p, size_t n) {
  char *path = where(i);
  mkdirs(path);
  unlink(path);
  if (n >= 7 && !memcmp(p, "@link ", 6)) {
    char *to = where((uint8_t)(p[6] - '0') % NNAMES);
    if (symlink(to, path) != 0) {}
    free(to);
  } else {
    FILE *f = fopen(path, "wb");
    if (f) {
      if (n) fwrite(p, 1, n, f);
      fclose(f);
      chmod(path, names[i].mode);
    }
  }
  free(path);
}

static void fresh_dirs(void) {
  char *h = rc_xasprintf("%s/home", base), *r = rc_xasprintf("%s/root", base);
  rm_rf(h);
  rm_rf(r);
  mkdir(h, 0755);
  mkdir(r, 0755);
  free(h);
  free(r);
}

/* One consumer of a lint result (`pick` chooses: each input pays for one
 * output, not all five, so the fuzzer runs many more inputs). */
static void outputs(rc_lint *L, unsigned pick) {
  rc_format_opts fo = {false, base};
  switch (pick % 5) {
  case 0: rc_format_text(L, &fo, devnull); break;
  case 1: rc_format_gcc(L, &fo, devnull); break;
  case 2: rc_format_json(L, &fo, devnull); break;
  case 3: rc_format_sarif(L, &fo, devnull); break;
  default: rc_format_diff(L, &fo, devnull, devnull); break;
  }
  for (size_t i = 0; i < L->S->file_list.n; i++) {
    const rc_file *f = L->S->file_list.v[i];
    if (!f->ir) continue;
    rc_buf b = {0};
    rc_ir_dump(f->ir, &b);
    rc_buf_free(&b);
  }
}

/* Lints the home; then, as `pick` says, writes one output, applies the
 * safe fixes (when `fix`), and runs chain or env. */
static void analyze(unsigned pick, bool fix) {
  char *home = rc_xasprintf("%s/home", base), *root = rc_xasprintf("%s/root", base);
  bool macos = pick & 1;
  rc_lint_opts lo;
  memset(&lo, 0, sizeof lo);
  lo.sopt.home = home;
  lo.sopt.sysroot = root;
  char *work = rc_xasprintf("%s/work", home);
  if ((pick >> 12) % 2 == 0) lo.sopt.workspace = work;
  lo.sopt.os = macos ? RC_OS_MACOS : RC_OS_LINUX;
  lo.shells = 1u << RC_SH_ZSH | 1u << RC_SH_BASH | ((pick >> 1) % 4 == 0 ? 1u << RC_SH_SH : 0);
  lo.min_severity = lo.fail_on = -1;
  lo.enable[lo.nenable++] = "all";
  rc_lint *L = rc_lint_run(&lo);
  outputs(L, pick >> 3);
  if (fix && (pick >> 6) % 2 == 0) {
    rc_fix_plan P;
    rc_fix_plan_build(L, &P, devnull);
    rc_fix_opts fx = {(pick >> 7) % 2 == 0};
    if (P.files.n) rc_fix_apply(L->S, &P, &fx, devnull);
    rc_fix_plan_free(&P);
  }
  rc_lint_free(L);
  rc_cli c;
  memset(&c, 0, sizeof c);
  c.sopt = lo.sopt;
  c.shells = lo.shells;
  switch ((pick >> 8) % 8) {
  case 0: rc_cmd_chain(&c, devnull); break;
  case 1: c.format = "json", rc_cmd_env(&c, devnull); break;
  case 2: c.diff = true, rc_cmd_env(&c, devnull); break;
  case 3: rc_cmd_graph(&c, devnull); break;
  default: break;
  }
  free(work);
  free(home);
  free(root);
}

static void setup(void) {
  if (base) return;
  const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  base = rc_xasprintf("%s/rccheck-fuzz-XXXXXX", tmp);
  if (!mkdtemp(base)) {
    perror("mkdtemp");
    abort();
  }
  char *xdg = rc_xasprintf("%s/xdg", base);
  mkdir(xdg, 0755);
  setenv("XDG_CONFIG_HOME", xdg, 1); /* no user configuration from this machine */
  free(xdg);
  setenv("HOME", base, 1);
  devnull = fopen("/dev/null", "w");
}

static unsigned hash(const uint8_t *p, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 16777619u;
  return h;
}

static void one_input(const uint8_t *data, size_t size) {
  setup();
  unsigned pick = hash(data, size);
  /* the bytes as one file, read by both shells */
  fresh_dirs();
  put(0, data, size);
  put(4, data, size);
  analyze(pick, false);
  /* the bytes as a home of several files */
  bool lead = size >= 3 && data[0] == '#' && data[1] == '@';
  if (!lead && !(size >= 3 && memmem(data, size, "\n#@", 3))) return;
  fresh_dirs();
  int name = lead ? (uint8_t)(data[2] - '0') % NNAMES : 0;
  size_t at = lead ? 3 : 0;
  if (lead && at < size && data[at] == '\n') at++;
  for (;;) {
    const uint8_t *s = at < size ? memmem(data + at, size - at, "\n#@", 3) : NULL;
    size_t end = s ? (size_t)(s - data) : size;
    put(name, data + at, end > at ? end - at : 0);
    if (!s || end + 3 >= size) break;
    name = (uint8_t)(data[end + 3] - '0') % NNAMES;
    at = end + 4;
    if (at < size && data[at] == '\n') at++;
  }
  analyze(pick >> 11 | pick << 21, true);
}

#ifdef RC_LIBFUZZER
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  one_input(data, size);
  return 0;
}
#else
/* Replays each file given (or each file of a folder given). */
static int replay(int argc, char **argv) {
  int bad = 0;
  for (int i = 1; i < argc; i++) {
    DIR *d = opendir(argv[i]);
    if (d) { /* a folder: every file in it, in name order */
      struct dirent **list;
      int n = scandir(argv[i], &list, NULL, alphasort);
      for (int k = 0; k < n; k++) {
        if (list[k]->d_name[0] != '.') {
          char *p = rc_xasprintf("%s/%s", argv[i], list[k]->d_name);
          char *sub[] = {argv[0], p};
          bad |= replay(2, sub);
          free(p);
        }
        free(list[k]);
      }
      free(list);
      closedir(d);
      continue;
    }
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      fprintf(stderr, "%s: %s\n", argv[i], strerror(errno));
      bad = 1;
      continue;
    }
    rc_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) rc_buf_add(&b, chunk, n);
    fclose(f);
    one_input((const uint8_t *)(b.s ? b.s : ""), b.n);
    printf("ok   %s (%zu bytes)\n", argv[i], b.n);
    rc_buf_free(&b);
  }
  return bad;
}

static void cleanup(void) {
  if (base) rm_rf(base);
  free(base);
  if (devnull) fclose(devnull);
}

int main(int argc, char **argv) {
  atexit(cleanup);
  return replay(argc, argv);
}
#endif
