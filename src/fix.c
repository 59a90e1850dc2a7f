/* fix.c — see fix.h. */
#include "fix.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

/* ---- the plan ---- */

/* Per planned file, the finding of each edit (to name it in messages). */
typedef struct owners {
  RC_VEC(const rc_diag *) v;
} owners;
typedef RC_VEC(owners) owners_vec;

static bool edits_overlap(const rc_edit *a, const rc_edit *b) {
  uint32_t as = a->span.start, ae = a->span.end, bs = b->span.start, be = b->span.end;
  if (as == ae && bs == be) return as == bs; /* two insertions at one point: order unknown */
  if (as == ae) return bs < as && as < be;
  if (bs == be) return as < bs && bs < ae;
  return as < be && bs < ae;
}

static bool edits_same(const rc_edit *a, const rc_edit *b) {
  return a->span.start == b->span.start && a->span.end == b->span.end && !strcmp(a->text, b->text);
}

static const char *shown_path(rc_session *S, const rc_file *f) { return rc_display_path(S, f->fs_path ? f->fs_path : f->path); }

/* Why an edit's file cannot be rewritten, or NULL. */
static const char *unusable(const rc_lint *L, const rc_edit *e) {
  const rc_file *f = e->file;
  if (!f || !f->fs_path || f->builtin || !rc_map_has(&L->user_files, f->fs_path)) return "it edits a file that is not yours";
  if (!f->src) return "the file was not read";
  if (f->src->from_buffer) return "the file is an unsaved editor buffer";
  if (f->src->nul_bytes) return "the file holds NUL bytes";
  if (e->span.start > e->span.end || e->span.end > f->src->len) return "its edit lies outside the file";
  return NULL;
}

static rc_fix_file *find_file(rc_fix_plan *P, const rc_file *f) {
  for (size_t i = 0; i < P->files.n; i++)
    if (!strcmp(P->files.v[i].real, f->src->real)) return &P->files.v[i];
  return NULL;
}

/* Says why a finding's fix is left out, naming the fix it collides with. */
static void say_skip(const rc_lint *L, FILE *err, const rc_diag *d, const char *why, const rc_diag *other) {
  if (!err) return;
  fprintf(err, "rccheck: %s:%u: fix of %s %s skipped: %s", shown_path(L->S, d->file), d->span.line, d->rule->id,
          d->rule->name, why);
  if (other)
    fprintf(err, " the fix of %s %s at %s:%u (run rccheck again after applying it)", other->rule->id,
            other->rule->name, shown_path(L->S, other->file), other->span.line);
  fputc('\n', err);
}

/* Adds the edits of one finding's fix, all or none. */
static void plan_fix(const rc_lint *L, rc_fix_plan *P, owners_vec *own, const rc_diag *d, FILE *err) {
  for (size_t i = 0; i < d->edits.n; i++) {
    const rc_edit *e = &d->edits.v[i];
    const char *why = unusable(L, e);
    if (why) {
      P->nskipped++;
      return say_skip(L, err, d, why, NULL);
    }
    for (size_t k = 0; k < i; k++)
      if (d->edits.v[k].file->src->real && !strcmp(d->edits.v[k].file->src->real, e->file->src->real) &&
          edits_overlap(&d->edits.v[k], e)) {
        P->nskipped++;
        return say_skip(L, err, d, "its edits overlap each other", NULL);
      }
    rc_fix_file *F = find_file(P, e->file);
    if (!F) continue;
    if (F->src != e->file->src && (F->src->len != e->file->src->len || memcmp(F->src->text, e->file->src->text, F->src->len))) {
      P->nskipped++;
      return say_skip(L, err, d, "the file changed while rccheck read it", NULL);
    }
    bool dup = false;
    for (size_t k = 0; k < F->edits.n && !dup; k++) {
      if (edits_same(&F->edits.v[k], e)) dup = true;
      else if (edits_overlap(&F->edits.v[k], e)) {
        P->nskipped++;
        return say_skip(L, err, d, "it overlaps", own->v[F - P->files.v].v.v[k]);
      }
    }
  }
  for (size_t i = 0; i < d->edits.n; i++) {
    const rc_edit *e = &d->edits.v[i];
    rc_fix_file *F = find_file(P, e->file);
    if (!F) {
      rc_fix_file nf;
      memset(&nf, 0, sizeof nf);
      nf.file = e->file;
      nf.src = e->file->src;
      nf.real = rc_xstrdup(e->file->src->real);
      rc_vec_push(&P->files, nf);
      owners no = {0};
      rc_vec_push(own, no);
      F = &P->files.v[P->files.n - 1];
    }
    owners *o = &own->v[F - P->files.v];
    size_t at = F->edits.n;
    bool dup = false;
    for (size_t k = 0; k < F->edits.n; k++) {
      if (edits_same(&F->edits.v[k], e)) dup = true;
      const rc_span *s = &F->edits.v[k].span;
      if (at == F->edits.n && (s->start > e->span.start || (s->start == e->span.start && s->end > e->span.end))) at = k;
    }
    if (dup) continue;
    rc_vec_grow(&F->edits, F->edits.n + 1);
    memmove(&F->edits.v[at + 1], &F->edits.v[at], (F->edits.n - at) * sizeof(rc_edit));
    F->edits.v[at] = *e;
    F->edits.n++;
    rc_vec_grow(&o->v, o->v.n + 1);
    memmove(&o->v.v[at + 1], &o->v.v[at], (o->v.n - at) * sizeof(const rc_diag *));
    o->v.v[at] = d;
    o->v.n++;
  }
  /* Count the finding once, in the file of its first edit. */
  rc_fix_file *F = find_file(P, d->edits.v[0].file);
  F->nfixes++;
  P->nfixes++;
}

static void compute_fixed(rc_fix_file *F) {
  rc_buf b = {0};
  uint32_t pos = 0;
  for (size_t i = 0; i < F->edits.n; i++) {
    const rc_edit *e = &F->edits.v[i];
    rc_buf_add(&b, F->src->text + pos, e->span.start - pos);
    rc_buf_puts(&b, e->text);
    pos = e->span.end;
  }
  rc_buf_add(&b, F->src->text + pos, F->src->len - pos);
  F->fixed_len = b.n;
  F->fixed = rc_buf_steal(&b);
}

void rc_fix_plan_build(const rc_lint *L, rc_fix_plan *P, FILE *err) {
  memset(P, 0, sizeof *P);
  owners_vec own = {0};
  for (size_t i = 0; i < L->diags.n; i++) {
    const rc_diag *d = L->diags.v[i];
    if (d->has_fix && d->fix_safe && d->edits.n) plan_fix(L, P, &own, d, err);
  }
  for (size_t i = 0; i < P->files.n; i++) {
    compute_fixed(&P->files.v[i]);
    rc_vec_free(&own.v[i].v);
  }
  rc_vec_free(&own);
}

void rc_fix_plan_free(rc_fix_plan *P) {
  for (size_t i = 0; i < P->files.n; i++) {
    free(P->files.v[i].real);
    free(P->files.v[i].fixed);
    rc_vec_free(&P->files.v[i].edits);
  }
  rc_vec_free(&P->files);
  memset(P, 0, sizeof *P);
}

/* ---- writing ---- */

static bool unchanged(const struct stat *st, const rc_source *s) {
  int64_t m = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
  return S_ISREG(st->st_mode) && m == s->mtime_ns && (uint64_t)st->st_size == s->size_on_disk &&
         (uint64_t)st->st_dev == s->dev && (uint64_t)st->st_ino == s->ino;
}

static bool write_all(int fd, const char *p, size_t n) {
  while (n) {
    ssize_t w = write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= (size_t)w;
  }
  return true;
}

/* Gives the new file the original's owner and mode (owner first: chown may
 * clear set-id bits). */
static bool copy_owner_mode(int fd, const struct stat *st) {
  if (fchown(fd, st->st_uid, st->st_gid) != 0) {
    struct stat now;
    if (fstat(fd, &now) != 0 || now.st_uid != st->st_uid || now.st_gid != st->st_gid) return false;
  }
  return fchmod(fd, st->st_mode & 07777) == 0;
}

/* Writes `n` bytes to a new file in `dir` (mkstemp template `tmpl`), synced
 * and with the owner and mode of `st`. On failure returns false with errno
 * set and nothing left behind. */
static bool write_temp(char *tmpl, const char *text, size_t n, const struct stat *st, const char **what) {
  int fd = mkstemp(tmpl);
  if (fd < 0) return *what = "cannot create a file in its folder", false;
  bool ok = (*what = "cannot write", write_all(fd, text, n)) && (*what = "cannot sync", fsync(fd) == 0) &&
            (*what = "cannot keep its owner and mode", copy_owner_mode(fd, st));
  int e = errno;
  if (close(fd) != 0 && ok) ok = false, e = errno, *what = "cannot write";
  if (!ok) {
    unlink(tmpl);
    errno = e;
  } else {
    *what = NULL;
  }
  return ok;
}

/* FILE.rccheck.bak: a hard link to the original (nothing copied, and it
 * keeps every attribute), or a copy where links are not possible; put in
 * place by rename so an older backup is replaced whole. */
static bool make_backup(const char *dir, const char *base, const char *target, const rc_source *src,
                        const struct stat *st, const char **what) {
  char *tmp = rc_xasprintf("%s/.%s.rccheck-bak-XXXXXX", dir, base);
  char *bak = rc_xasprintf("%s%s", target, RC_FIX_BACKUP_SUFFIX);
  bool ok = false;
  int fd = mkstemp(tmp);
  if (fd < 0) {
    *what = "cannot create the backup";
  } else {
    close(fd);
    unlink(tmp);
    if (link(target, tmp) == 0) ok = true;
    else ok = write_temp(tmp, src->text, src->len, st, what);
    if (ok && rename(tmp, bak) != 0) {
      int e = errno;
      unlink(tmp);
      errno = e;
      ok = false;
    }
    if (!ok) *what = "cannot write the backup";
  }
  free(tmp);
  free(bak);
  return ok;
}

static void sync_dir(const char *dir) {
  int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  fsync(fd);
  close(fd);
}

#define CHANGED "changed since rccheck read it; run rccheck again"

/* Replaces F->real with the fixed text; returns why not (errno in *e). */
static const char *replace_file(const rc_fix_file *F, const rc_fix_opts *o, const char *dir, const char *base,
                                struct stat *st, int *e) {
  *e = 0;
  if (stat(F->real, st) != 0) return *e = errno, "cannot be examined";
  if (!unchanged(st, F->src)) return CHANGED;
  char *tmp = rc_xasprintf("%s/.%s.rccheck-XXXXXX", dir, base);
  const char *what = NULL;
  if (!write_temp(tmp, F->fixed, F->fixed_len, st, &what)) {
    *e = errno;
    free(tmp);
    return what;
  }
  /* Last look before replacing: another program may have written meanwhile. */
  if (stat(F->real, st) != 0 || !unchanged(st, F->src)) what = CHANGED;
  else if (!o->no_backup && !make_backup(dir, base, F->real, F->src, st, &what)) *e = errno;
  else if (rename(tmp, F->real) != 0) what = "cannot be replaced", *e = errno;
  if (what) unlink(tmp);
  free(tmp);
  return what;
}

static bool apply_one(rc_session *S, const rc_fix_file *F, const rc_fix_opts *o, FILE *err) {
  const char *shown = shown_path(S, F->file);
  char *dirbuf = rc_xstrdup(F->real), *basebuf = rc_xstrdup(F->real);
  const char *dir = dirname(dirbuf);
  struct stat st;
  int e;
  const char *what = replace_file(F, o, dir, basename(basebuf), &st, &e);
  if (what) {
    fprintf(err, "rccheck: %s: not fixed: %s%s%s (the file is unchanged)\n", shown, what, e ? ": " : "",
            e ? strerror(e) : "");
  } else {
    sync_dir(dir);
    fprintf(err, "rccheck: fixed %zu finding%s in %s", F->nfixes, F->nfixes == 1 ? "" : "s", shown);
    struct stat lst;
    if (lstat(F->file->src->path, &lst) == 0 && S_ISLNK(lst.st_mode)) fprintf(err, " (at its target %s)", rc_display_path(S, F->real));
    if (!o->no_backup) fprintf(err, "; backup: %s%s", rc_display_path(S, F->real), RC_FIX_BACKUP_SUFFIX);
    fputc('\n', err);
    /* st is from before the backup link */
    if (st.st_nlink > 1) fprintf(err, "rccheck: note: %s had other hard links; they keep the old text\n", shown);
  }
  free(dirbuf);
  free(basebuf);
  return !what;
}

size_t rc_fix_apply(rc_session *S, const rc_fix_plan *P, const rc_fix_opts *o, FILE *err) {
  size_t failed = 0;
  for (size_t i = 0; i < P->files.n; i++)
    if (!apply_one(S, &P->files.v[i], o, err)) failed++;
  return failed;
}
