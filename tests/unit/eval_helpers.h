/* eval_helpers.h — temporary homes and system roots for the evaluator's unit
 * tests, and short accessors for the results. Header-only (static inline). */
#ifndef RC_TEST_EVAL_HELPERS_H
#define RC_TEST_EVAL_HELPERS_H

#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chain.h"
#include "eval.h"
#include "session.h"

/* A test world: <root>/home is the home, <root>/sys the sysroot. */
typedef struct th {
  char root[64];
  char home[96];
  char sys[96];
} th;

static inline void th_mkdirs(const char *path) {
  char buf[PATH_MAX];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      mkdir(buf, 0755);
      *p = '/';
    }
  mkdir(buf, 0755);
}

static inline void th_init(th *t) {
  snprintf(t->root, sizeof t->root, "/tmp/rcev.XXXXXX");
  if (!mkdtemp(t->root)) abort();
  snprintf(t->home, sizeof t->home, "%s/home", t->root);
  snprintf(t->sys, sizeof t->sys, "%s/sys", t->root);
  th_mkdirs(t->home);
  th_mkdirs(t->sys);
}

/* Where a test path lives: "~/x" in the home, "/x" under the sysroot. */
static inline const char *th_path(const th *t, const char *rel, char *buf, size_t n) {
  if (rel[0] == '~') snprintf(buf, n, "%s%s", t->home, rel + 1);
  else snprintf(buf, n, "%s%s", t->sys, rel);
  return buf;
}

static inline void th_write_mode(const th *t, const char *rel, const char *text, mode_t mode) {
  char p[PATH_MAX], dir[PATH_MAX];
  th_path(t, rel, p, sizeof p);
  snprintf(dir, sizeof dir, "%s", p);
  char *slash = strrchr(dir, '/');
  if (slash) *slash = 0, th_mkdirs(dir);
  FILE *f = fopen(p, "w");
  if (!f) abort();
  fputs(text, f);
  fclose(f);
  chmod(p, mode);
}

static inline void th_write(const th *t, const char *rel, const char *text) { th_write_mode(t, rel, text, 0644); }

static inline void th_dir(const th *t, const char *rel) {
  char p[PATH_MAX];
  th_mkdirs(th_path(t, rel, p, sizeof p));
}

static inline int th_rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw) {
  (void)sb, (void)flag, (void)ftw;
  return remove(p);
}

static inline void th_free(th *t) { nftw(t->root, th_rm_one, 16, FTW_DEPTH | FTW_PHYS); }

static inline rc_session *th_session(const th *t, rc_os os) {
  rc_session_opts o;
  memset(&o, 0, sizeof o);
  o.home = t->home;
  o.sysroot = t->sys;
  o.os = os;
  o.user = "u";
  return rc_session_new(&o);
}

/* Replaces "~H" by the home, "~P" by the default PATH of a fresh login and
 * "~S" by the same with spaces (zsh's $path). */
static inline char *th_expand(const th *t, const char *s) {
  rc_buf b = {0};
  const char *dp = rc_default_path(RC_OS_LINUX, geteuid() == 0);
  for (; *s; s++) {
    if (s[0] == '~' && s[1] == 'H') rc_buf_puts(&b, t->home), s++;
    else if (s[0] == '~' && s[1] == 'P') rc_buf_puts(&b, dp), s++;
    else if (s[0] == '~' && s[1] == 'S') {
      for (const char *c = dp; *c; c++) rc_buf_putc(&b, *c == ':' ? ' ' : *c);
      s++;
    } else rc_buf_putc(&b, *s);
  }
  return rc_buf_steal(&b);
}

/* Text of a variable's first outcome ("<unset>" when unset). */
static inline const char *th_val(rc_session *S, const rc_ctx *C, const char *name) {
  const rc_var *v = rc_ctx_var(C, name);
  if (!v || !v->nalts || v->alts[0].state == RC_VS_UNSET) return "<unset>";
  return rc_str_text(&S->arena, v->alts[0].val, ' ');
}

/* Text of outcome i. */
static inline const char *th_alt(rc_session *S, const rc_var *v, uint32_t i) {
  if (v->alts[i].state == RC_VS_UNSET) return "<unset>";
  return rc_str_text(&S->arena, v->alts[i].val, ' ');
}

/* Does some outcome of v have exactly this text? */
static inline bool th_has_alt(rc_session *S, const rc_var *v, const char *text) {
  for (uint32_t i = 0; v && i < v->nalts; i++)
    if (!strcmp(th_alt(S, v, i), text)) return true;
  return false;
}

/* The event with this op touching `name`, the n-th one (0-based), or NULL. */
static inline const rc_event *th_event(const rc_ctx *C, const char *name, rc_op op, int nth) {
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, name, &n);
  for (size_t i = 0; i < n; i++) {
    const rc_event *e = &C->events.v[ids[i]];
    if (e->op == op && nth-- == 0) return e;
  }
  return NULL;
}

/* The problem of kind k, or NULL. */
static inline const rc_problem *th_problem(const rc_ctx *C, rc_problem_kind k) {
  for (size_t i = 0; i < C->problems.n; i++)
    if (C->problems.v[i].kind == k) return &C->problems.v[i];
  return NULL;
}

/* "file:line" of an event (file as the model names it, home shown as ~). */
static inline const char *th_where(rc_session *S, const rc_ctx *C, uint32_t ev) {
  if (ev == RC_NO_EVENT || ev >= C->events.n) return "?";
  const rc_event *e = &C->events.v[ev];
  if (!e->file) return e->op == RC_OP_INIT ? "init" : "builtin";
  const char *p = e->file->path;
  size_t hl = strlen(S->opt.home);
  if (!strncmp(p, S->opt.home, hl) && p[hl] == '/') p = rc_arena_printf(&S->arena, "~%s", p + hl);
  return rc_arena_printf(&S->arena, "%s:%u", p, e->span.line);
}

/* The PATH-style entries of a variable's first outcome with their origins,
 * as "entry@file:line" joined by spaces. */
static inline const char *th_entries(rc_session *S, const rc_ctx *C, const char *name) {
  const rc_var *v = rc_ctx_var(C, name);
  if (!v || !v->nalts || !v->alts[0].val) return "<unset>";
  rc_entries es = {0};
  rc_str_split(&S->arena, v->alts[0].val, ':', &es);
  rc_buf b = {0};
  for (size_t i = 0; i < es.n; i++)
    rc_buf_printf(&b, "%s%s@%s", i ? " " : "", es.v[i].text, th_where(S, C, es.v[i].origin));
  rc_vec_free(&es);
  const char *out = rc_arena_strdup(&S->arena, b.s ? b.s : "");
  rc_buf_free(&b);
  return out;
}

/* CPU seconds used by this process (unlike wall time, not inflated by
 * other work on the machine). */
static inline double th_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
