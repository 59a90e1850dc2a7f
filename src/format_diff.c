/* format_diff.c — the safe fixes as one unified diff that `git apply` and
 * `patch -p1` accept, plus the path helpers the diff and SARIF share.
 *
 * Paths are relative to the current directory when every fixed file is
 * under it, else to the git work tree around it, else to the deepest folder
 * holding them all (stderr then says where to apply the patch). Files are
 * named by their real path: a symlinked dotfile is patched at its target. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fix.h"
#include "format.h"

enum { CONTEXT = 3 };

/* ---- paths ---- */

char *rc_git_toplevel(const char *dir) {
  char *d = rc_xstrdup(dir);
  for (;;) {
    char *probe = rc_xasprintf("%s/.git", *d ? d : "");
    struct stat st;
    bool found = lstat(probe, &st) == 0;
    free(probe);
    if (found) {
      if (!*d) strcpy(d, "/");
      return d;
    }
    char *slash = strrchr(d, '/');
    if (!slash || !*d) break;
    *slash = 0;
  }
  free(d);
  return NULL;
}

const char *rc_path_below(const char *path, const char *dir) {
  if (!strcmp(dir, "/")) return path[0] == '/' && path[1] ? path + 1 : NULL;
  size_t n = strlen(dir);
  return !strncmp(path, dir, n) && path[n] == '/' && path[n + 1] ? path + n + 1 : NULL;
}

/* ---- choosing where paths start ---- */

static bool all_below(const rc_fix_plan *P, const char *dir) {
  for (size_t i = 0; i < P->files.n; i++)
    if (!rc_path_below(P->files.v[i].real, dir)) return false;
  return dir != NULL;
}

/* The deepest folder holding every file (malloc). */
static char *common_dir(const rc_fix_plan *P) {
  char *d = rc_xstrdup(P->files.v[0].real);
  do {
    char *slash = strrchr(d, '/');
    if (slash == d || !slash) {
      strcpy(d, "/");
      break;
    }
    *slash = 0;
  } while (!all_below(P, d));
  return d;
}

static char *choose_base(rc_session *S, const rc_fix_plan *P, const rc_format_opts *o, FILE *err) {
  if (o->cwd && all_below(P, o->cwd)) return rc_xstrdup(o->cwd);
  char *top = o->cwd ? rc_git_toplevel(o->cwd) : NULL;
  if (top && all_below(P, top)) {
    if (err) fprintf(err, "rccheck: the patch's paths are relative to the git work tree %s: apply it there\n", top);
    return top;
  }
  free(top);
  char *d = common_dir(P);
  if (err)
    fprintf(err, "rccheck: the patch's paths are relative to %s: apply it there (cd %s && patch -p1 < FILE)\n",
            rc_display_path(S, d), rc_display_path(S, d));
  return d;
}

/* a/PATH as git writes it: C-quoted when it holds quotes, backslashes or
 * control bytes. */
static void put_name(FILE *out, const char *prefix, const char *path) {
  bool quote = false;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++)
    if (*p == '"' || *p == '\\' || *p < 0x20 || *p == 0x7f) quote = true;
  if (!quote) {
    fprintf(out, "%s%s", prefix, path);
    return;
  }
  fprintf(out, "\"%s", prefix);
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(out, "\\%c", *p);
    else if (*p == '\t') fputs("\\t", out);
    else if (*p == '\n') fputs("\\n", out);
    else if (*p < 0x20 || *p == 0x7f) fprintf(out, "\\%03o", *p);
    else fputc(*p, out);
  }
  fputc('"', out);
}

/* ---- one file ---- */

typedef struct line {
  const char *s;
  size_t n; /* with its newline, when it has one */
} line;
typedef RC_VEC(line) lines;

typedef struct block {
  size_t a, b;   /* old lines [a, b) replaced … */
  lines nl;      /* … by these */
  char *text;    /* owns what nl points into */
} block;
typedef RC_VEC(block) blocks;

static void split_lines(const char *s, size_t n, lines *out) {
  size_t i = 0;
  while (i < n) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t k = nl ? (size_t)(nl - s) + 1 : n;
    line l = {s + i, k - i};
    rc_vec_push(out, l);
    i = k;
  }
}

/* The old line (0-based) holding byte `off`; off == len: the last line when
 * it has no newline (text is appended to it), else one past the end. */
static size_t line_of(const lines *old, const char *base, size_t len, size_t off) {
  if (off >= len) return old->n && old->v[old->n - 1].s[old->v[old->n - 1].n - 1] != '\n' ? old->n - 1 : old->n;
  size_t lo = 0, hi = old->n;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if ((size_t)(old->v[mid].s - base) <= off) lo = mid;
    else hi = mid;
  }
  return lo;
}

static bool line_eq(line x, line y) { return x.n == y.n && !memcmp(x.s, y.s, x.n); }

/* Groups the edits into blocks of whole old lines and their new lines,
 * trimmed of unchanged lines at both ends. */
static void make_blocks(const rc_fix_file *F, const lines *old, blocks *out) {
  const char *t = F->src->text;
  size_t len = F->src->len;
  size_t i = 0;
  while (i < F->edits.n) {
    size_t a = line_of(old, t, len, F->edits.v[i].span.start), b = a, j = i;
    rc_buf nb = {0};
    for (;;) {
      for (; j < F->edits.n; j++) {
        const rc_span *s = &F->edits.v[j].span;
        size_t fa = line_of(old, t, len, s->start);
        size_t la = s->end > s->start ? line_of(old, t, len, s->end - 1) : fa;
        if (j > i && fa >= b && b < old->n) break; /* at the end, insertions join the block */
        if (la + 1 > b) b = RC_MIN(la + 1, old->n);
      }
      size_t A = a < old->n ? (size_t)(old->v[a].s - t) : len;
      size_t B = b > a ? (size_t)(old->v[b - 1].s - t) + old->v[b - 1].n : A;
      size_t pos = A;
      rc_buf_clear(&nb);
      for (size_t k = i; k < j; k++) {
        const rc_edit *e = &F->edits.v[k];
        rc_buf_add(&nb, t + pos, e->span.start - pos);
        rc_buf_puts(&nb, e->text);
        pos = e->span.end;
      }
      rc_buf_add(&nb, t + pos, B - pos);
      /* New text that stops mid-line runs on into the next old line. */
      if (b < old->n && nb.n && nb.s[nb.n - 1] != '\n') {
        b++;
        continue;
      }
      break;
    }
    block bl = {a, b, {0}, NULL};
    bl.text = rc_buf_steal(&nb);
    split_lines(bl.text, strlen(bl.text), &bl.nl);
    size_t lead = 0, tail = 0;
    while (bl.a + lead < bl.b && lead < bl.nl.n && line_eq(old->v[bl.a + lead], bl.nl.v[lead])) lead++;
    while (bl.a + lead + tail < bl.b && lead + tail < bl.nl.n &&
           line_eq(old->v[bl.b - 1 - tail], bl.nl.v[bl.nl.n - 1 - tail]))
      tail++;
    bl.a += lead;
    bl.b -= tail;
    if (lead) memmove(bl.nl.v, bl.nl.v + lead, (bl.nl.n - lead - tail) * sizeof(line));
    bl.nl.n -= lead + tail;
    if (bl.a == bl.b && !bl.nl.n) {
      free(bl.text);
      rc_vec_free(&bl.nl);
    } else {
      rc_vec_push(out, bl);
    }
    i = j;
  }
}

static void put_line(FILE *out, char mark, line l) {
  fputc(mark, out);
  fwrite(l.s, 1, l.n, out);
  if (!l.n || l.s[l.n - 1] != '\n') fputs("\n\\ No newline at end of file\n", out);
}

static void put_range(FILE *out, size_t start0, size_t count) {
  if (count == 1) fprintf(out, "%zu", start0 + 1);
  else fprintf(out, "%zu,%zu", count ? start0 + 1 : start0, count);
}

static void diff_file(const rc_fix_file *F, const char *rel, FILE *out) {
  lines old = {0};
  split_lines(F->src->text, F->src->len, &old);
  blocks bl = {0};
  make_blocks(F, &old, &bl);
  if (bl.n) {
    bool tab = strchr(rel, ' ') != NULL; /* as git: lets patch(1) find the end of the name */
    fputs("diff --git ", out);
    put_name(out, "a/", rel);
    fputc(' ', out);
    put_name(out, "b/", rel);
    fputs("\n--- ", out);
    put_name(out, "a/", rel);
    fputs(tab ? "\t\n+++ " : "\n+++ ", out);
    put_name(out, "b/", rel);
    fputs(tab ? "\t\n" : "\n", out);
  }
  long delta = 0;
  for (size_t h = 0; h < bl.n;) {
    size_t e = h + 1;
    while (e < bl.n && bl.v[e].a <= bl.v[e - 1].b + 2 * CONTEXT) e++;
    size_t hs = bl.v[h].a > CONTEXT ? bl.v[h].a - CONTEXT : 0;
    size_t he = RC_MIN(bl.v[e - 1].b + CONTEXT, old.n);
    long change = 0;
    for (size_t k = h; k < e; k++) change += (long)bl.v[k].nl.n - (long)(bl.v[k].b - bl.v[k].a);
    fputs("@@ -", out);
    put_range(out, hs, he - hs);
    fputs(" +", out);
    put_range(out, (size_t)((long)hs + delta), (size_t)((long)(he - hs) + change));
    fputs(" @@\n", out);
    size_t at = hs;
    for (size_t k = h; k < e; k++) {
      for (; at < bl.v[k].a; at++) put_line(out, ' ', old.v[at]);
      for (; at < bl.v[k].b; at++) put_line(out, '-', old.v[at]);
      for (size_t n = 0; n < bl.v[k].nl.n; n++) put_line(out, '+', bl.v[k].nl.v[n]);
    }
    for (; at < he; at++) put_line(out, ' ', old.v[at]);
    delta += change;
    h = e;
  }
  for (size_t k = 0; k < bl.n; k++) {
    free(bl.v[k].text);
    rc_vec_free(&bl.v[k].nl);
  }
  rc_vec_free(&bl);
  rc_vec_free(&old);
}

void rc_format_diff(const rc_lint *L, const rc_format_opts *o, FILE *out, FILE *err) {
  rc_fix_plan P;
  rc_fix_plan_build(L, &P, err);
  size_t unsafe = 0;
  for (size_t i = 0; i < L->diags.n; i++) unsafe += L->diags.v[i]->has_fix && !L->diags.v[i]->fix_safe;
  if (P.files.n) {
    char *base = choose_base(L->S, &P, o, err);
    for (size_t i = 0; i < P.files.n; i++) diff_file(&P.files.v[i], rc_path_below(P.files.v[i].real, base), out);
    free(base);
  }
  if (err && unsafe)
    fprintf(err, "rccheck: %zu finding%s ha%s a fix that is not safe to apply unseen; not in the diff (see --format json)\n",
            unsafe, unsafe == 1 ? "" : "s", unsafe == 1 ? "s" : "ve");
  for (size_t i = 0; i < L->errors.n && err; i++) fprintf(err, "rccheck: %s\n", L->errors.v[i]);
  rc_fix_plan_free(&P);
}
