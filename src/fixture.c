/* fixture.c — see fixture.h. */
#include "fixture.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool mkdirs(const char *path) {
  char *p = rc_xstrdup(path);
  for (char *s = p + 1; *s; s++)
    if (*s == '/') {
      *s = 0;
      mkdir(p, 0755);
      *s = '/';
    }
  bool ok = mkdir(p, 0755) == 0 || errno == EEXIST;
  free(p);
  return ok;
}

static char *target_path(rc_fixture *fx, const char *name) {
  if (name[0] == '~' && name[1] == '/') name += 2;
  if (name[0] == '/') return rc_xasprintf("%s%s", fx->root, name);
  return rc_xasprintf("%s/%s", fx->home, name);
}

static void parse_header(rc_fixture *fx, const char *line) {
  const char *p = strstr(line, "rccheck-fixture:");
  if (!p) return;
  p += 16;
  while (*p && *p != '\n') {
    while (*p == ' ') p++;
    const char *k = p;
    while (*p && *p != '=' && *p != ' ' && *p != '\n') p++;
    if (*p != '=') continue;
    size_t kl = (size_t)(p - k);
    const char *v = ++p;
    while (*p && *p != ' ' && *p != '\n') p++;
    char *val = rc_xstrndup(v, (size_t)(p - v));
    if (kl == 2 && !strncmp(k, "os", 2)) rc_os_parse(val, &fx->os);
    else if ((kl == 5 && !strncmp(k, "shell", 5)) || (kl == 6 && !strncmp(k, "shells", 6))) {
      for (char *t = strtok(val, ","); t; t = strtok(NULL, ",")) {
        rc_shell sh;
        if (rc_shell_parse(t, &sh)) fx->shells |= 1u << sh;
      }
    } else if ((kl == 7 && !strncmp(k, "context", 7)) || (kl == 8 && !strncmp(k, "contexts", 8))) {
      for (char *t = strtok(val, ","); t; t = strtok(NULL, ",")) {
        rc_ctx_kind c;
        if (rc_ctx_parse(t, &c)) fx->ctxs |= 1u << c;
      }
    }
    else if (kl == 9 && !strncmp(k, "workspace", 9)) {
      free(fx->workspace);
      fx->workspace = rc_xasprintf("%s/%s", fx->home, val);
    }
    free(val);
  }
}

/* `# expect: a, b` on a line: expectations for this line (trailing) or the
 * next one (alone on its line). */
static void scan_expects(rc_fixture *fx, const char *rel, const char *line, uint32_t lineno) {
  if (strstr(line, "# expect-none")) fx->expect_none = true;
  const char *p = strstr(line, "# expect:");
  if (!p) return;
  bool alone = true; /* blanks only before it (or `//`, in a JSON settings file) */
  for (const char *q = line; q < p; q++)
    if (*q != ' ' && *q != '\t' && !(q[0] == '/' && (q[1] == '/' || (q > line && q[-1] == '/')))) alone = false;
  p += 9;
  while (*p && *p != '\n') {
    while (*p == ' ' || *p == ',' || *p == '\t') p++;
    const char *s = p;
    while (*p && *p != ' ' && *p != ',' && *p != '\n' && *p != '\t') p++;
    if (p == s) break;
    rc_expect ex = {rc_xstrdup(rel), alone ? lineno + 1 : lineno, rc_xstrndup(s, (size_t)(p - s)), false};
    rc_vec_push(&fx->expects, ex);
  }
}

bool rc_fixture_write(const char *text, rc_fixture *fx) {
  memset(fx, 0, sizeof *fx);
  char tmpl[] = "/tmp/rccheck-fixture-XXXXXX";
  if (!mkdtemp(tmpl)) {
    fx->error = rc_xasprintf("mkdtemp: %s", strerror(errno));
    return false;
  }
  fx->dir = rc_xstrdup(tmpl);
  fx->home = rc_xasprintf("%s/home", fx->dir);
  fx->root = rc_xasprintf("%s/root", fx->dir);
  mkdirs(fx->home);
  mkdirs(fx->root);
  bool has_marker = strstr(text, "# --- ") == text || strstr(text, "\n# --- ");
  FILE *cur = NULL;
  char *rel = NULL;
  uint32_t lineno = 0;
  if (!has_marker) {
    rel = rc_xstrdup(".zshrc");
    char *p = target_path(fx, rel);
    cur = fopen(p, "w");
    free(p);
  }
  const char *s = text;
  bool header_done = false;
  while (*s) {
    const char *e = strchr(s, '\n');
    size_t n = e ? (size_t)(e - s) + 1 : strlen(s);
    char *line = rc_xstrndup(s, n);
    if (!header_done && strstr(line, "rccheck-fixture:")) {
      parse_header(fx, line);
      header_done = true;
      /* the header is also a line of the single default file */
      if (cur) fputs(line, cur), lineno++;
    } else if (!strncmp(line, "# --- ", 6)) {
      header_done = true;
      if (cur) fclose(cur);
      cur = NULL;
      free(rel);
      char *name = rc_xstrdup(line + 6);
      name[strcspn(name, "\n")] = 0;
      char *arrow = strstr(name, " -> ");
      rel = arrow ? rc_xstrndup(name, (size_t)(arrow - name)) : rc_xstrdup(name);
      if (arrow) { /* symlink: # --- .zshrc -> dotfiles/zshrc */
        char *p = target_path(fx, rel);
        char *dir = rc_xstrdup(p);
        *strrchr(dir, '/') = 0;
        mkdirs(dir);
        if (symlink(arrow + 4, p) != 0) fx->error = rc_xasprintf("symlink %s: %s", p, strerror(errno));
        free(dir);
        free(p);
      } else if (name[strlen(name) - 1] == '/') { /* a folder */
        char *p = target_path(fx, rel);
        mkdirs(p);
        free(p);
      } else {
        char *p = target_path(fx, rel);
        char *dir = rc_xstrdup(p);
        *strrchr(dir, '/') = 0;
        mkdirs(dir);
        cur = fopen(p, "w");
        if (!cur) fx->error = rc_xasprintf("%s: %s", p, strerror(errno));
        /* a script (first line `#!`) is a program: executable */
        const char *next = s + n;
        if (cur && !strncmp(next, "#!", 2)) chmod(p, 0755);
        free(dir);
        free(p);
      }
      free(name);
      lineno = 0;
    } else if (cur) {
      header_done = true;
      fputs(line, cur);
      lineno++;
      scan_expects(fx, rel, line, lineno);
    }
    free(line);
    s += n;
  }
  if (cur) fclose(cur);
  free(rel);
  return fx->error == NULL;
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  return remove(p);
}

void rc_fixture_free(rc_fixture *fx) {
  if (fx->dir) nftw(fx->dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
  for (size_t i = 0; i < fx->expects.n; i++) {
    free(fx->expects.v[i].file);
    free(fx->expects.v[i].name);
  }
  rc_vec_free(&fx->expects);
  free(fx->dir);
  free(fx->home);
  free(fx->root);
  free(fx->workspace);
  free(fx->error);
  memset(fx, 0, sizeof *fx);
}

void rc_fixture_lint_opts(const rc_fixture *fx, rc_lint_opts *o) {
  memset(o, 0, sizeof *o);
  o->sopt.home = fx->home;
  o->sopt.sysroot = fx->root;
  o->sopt.os = fx->os;
  o->sopt.user = "user";
  o->shells = fx->shells;
  o->ctxs = fx->ctxs;
  o->sopt.workspace = fx->workspace;
  o->no_config = true;
  o->min_severity = RC_SEV_STYLE;
  o->fail_on = RC_SEV_STYLE;
}

const char *rc_fixture_rel(const rc_fixture *fx, const rc_file *f, rc_arena *A) {
  const char *p = f->fs_path ? f->fs_path : f->path;
  size_t hl = strlen(fx->home), rl = strlen(fx->root);
  if (!strncmp(p, fx->home, hl) && p[hl] == '/') return rc_arena_strdup(A, p + hl + 1);
  if (!strncmp(p, fx->root, rl) && p[rl] == '/') return rc_arena_strdup(A, p + rl);
  return rc_arena_strdup(A, p);
}
