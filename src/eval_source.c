/* eval_source.c — reading other files and text as code: `source` and `.`
 * (where the name is looked up, why a file is not read, cycles and depth),
 * the file's frame with its positional parameters, and `eval` (a known
 * tool's init line, or text known in full parsed as a snippet). Apart from
 * eval.c because this is where the chain of visited files is recorded. */
#include <string.h>

#include "eval_int.h"

/* ---- source ---- */

int32_t ev_add_visit(E *e, const rc_file *f, const char *path, bool exists, bool startup, rc_span via) {
  rc_visit v;
  memset(&v, 0, sizeof v);
  v.file = f;
  v.path = rc_arena_strdup(e->A, path);
  v.exists = exists;
  v.startup = startup;
  v.parent = startup ? -1 : e->visit;
  v.via = via;
  v.cond = e->conds;
  v.depth = (uint32_t)e->stack.n;
  rc_vec_push(&e->C->visits, v);
  return (int32_t)e->C->visits.n - 1;
}

static res ev_file(E *e, rc_file *f, int32_t visit, const rc_str *const *args, uint32_t nargs, bool set_args) {
  const rc_file *saved_file = e->file;
  int32_t saved_visit = e->visit;
  const rc_stmt *saved_stmt = e->cur_stmt;
  frame *fr = ev_frame_push(e, FR_FILE);
  if (set_args) {
    ev_make_local(e, fr, "@");
    ev_set_positional(e, args, nargs);
  }
  rc_vec_push(&e->stack, f);
  e->file = f;
  e->visit = visit;
  res r = ev_stmts(e, &f->ir->top);
  e->stack.n--;
  e->top = fr->base;
  res out = ev_frame_end(e, fr, r);
  e->file = saved_file;
  e->visit = saved_visit;
  e->cur_stmt = saved_stmt;
  if (r.fl == FL_RETURN) out.st = r.st;
  return out;
}

_Static_assert(RC_SOURCE_MAX_TOKENS == 250 * 1000 && RC_SESSION_MAX_TOKENS == 1000 * 1000,
               "problem_for_status names the token caps");

/* `source FILE 2>/dev/null`: the statement silences its errors, so a
 * missing FILE is expected (oh-my-zsh's `if ! source cache 2>/dev/null`).
 * The redirection may belong to an enclosing `!`: read the rest of the
 * command's text, up to the end of the pipeline or list element. */
static bool errors_silenced(const E *e, const rc_stmt *s) {
  if (!e->file || !e->file->src || s->span.start >= e->file->src->len) return false;
  const rc_source *src = e->file->src;
  for (uint32_t i = s->span.start; i + 1 < src->len; i++) {
    char c = src->text[i], d = src->text[i + 1];
    if (c == '\n' || c == ';' || (c == '|' && d != '&') || (c == '&' && d == '&')) return false;
    if ((c == '2' || c == '&') && d == '>') return true;
  }
  return false;
}

static const char *problem_for_status(E *e, const rc_file *f, rc_problem_kind *k) {
  switch (f->status) {
  case RC_LOAD_MISSING: *k = RC_PB_SOURCE_MISSING; return "does not exist";
  case RC_LOAD_NOT_REGULAR: *k = RC_PB_SOURCE_NOT_REGULAR; return "is not a regular file (directory, FIFO or device): not read";
  case RC_LOAD_LOOP: *k = RC_PB_FILE_UNREADABLE; return "is a symlink loop";
  case RC_LOAD_TOO_LARGE: *k = RC_PB_FILE_UNREADABLE; return "is larger than rccheck reads (4 MiB): not analyzed";
  case RC_LOAD_BINARY: *k = RC_PB_FILE_UNREADABLE; return "looks like a binary file: not analyzed";
  case RC_LOAD_TOO_COMPLEX:
    *k = RC_PB_FILE_UNREADABLE;
    return "has more than 250,000 words and operators, more than rccheck analyzes in one file: not analyzed";
  case RC_LOAD_BUDGET:
    *k = RC_PB_FILE_UNREADABLE;
    return "is not analyzed: the files read before it hold 1,000,000 words and operators, rccheck's limit for one run";
  default:
    *k = RC_PB_FILE_UNREADABLE;
    return f->err_no ? rc_arena_printf(e->A, "cannot be read: %s", strerror(f->err_no)) : "cannot be read";
  }
}

res ev_source_path(E *e, const char *path, rc_span span, const rc_word *const *args, uint32_t nargs,
                   bool startup) {
  if (!startup && e->stack.n >= EV_MAX_SOURCE_DEPTH) {
    ev_limit(e, EV_LIM_DEPTH, span, "files sourced too deeply");
    return ev_res(FL_NORMAL, T_UNKNOWN);
  }
  rc_file *f = rc_session_file(e->S, path, e->dialect);
  if (f->status != RC_LOAD_OK || !f->ir) {
    ev_add_visit(e, f, path, f->status != RC_LOAD_MISSING, startup, span);
    /* Loose files (pre-commit): the rest of the home is not there to look at,
     * so a missing ~/… file proves nothing. */
    bool unknown_home = e->S->opt.virtual_home && f->status == RC_LOAD_MISSING &&
                        !strncmp(path, e->S->opt.home, strlen(e->S->opt.home));
    /* Nor does a system file missing from a sysroot that is not the target
     * system (macOS simulated on Linux). */
    bool unknown_sys = f->status == RC_LOAD_MISSING && !f->builtin && !ev_fs_reliable(e, path);
    if (unknown_home || unknown_sys) return ev_res(FL_NORMAL, T_UNKNOWN);
    if (!startup || f->status != RC_LOAD_MISSING) {
      rc_problem_kind k;
      const char *why = problem_for_status(e, f, &k);
      if (!startup) {
        if (k != RC_PB_SOURCE_MISSING || !e->source_silenced) ev_problem(e, k, span, path, "%s %s", path, why);
      } else {
        const rc_file *sf = e->file;
        e->file = f;
        ev_problem(e, k, (rc_span){0}, path, "%s %s", path, why);
        e->file = sf;
      }
    }
    return ev_res(FL_NORMAL, T_FALSE);
  }
  uint32_t on_stack = 0;
  for (size_t i = 0; i < e->stack.n; i++) on_stack += e->stack.v[i] == f;
  if (on_stack) {
    ev_problem(e, RC_PB_SOURCE_CYCLE, span, path, "%s is already being read: source cycle", path);
    if (on_stack >= 2) { /* once again is what a guarded cycle needs */
      int32_t vi = ev_add_visit(e, f, path, true, startup, span);
      e->C->visits.v[vi].cycle = true;
      return ev_res(FL_NORMAL, T_UNKNOWN);
    }
  }
  int32_t vi = ev_add_visit(e, f, path, true, startup, span);
  strvec av = {0};
  if (nargs) ev_fields(e, args, nargs, NULL, &av);
  res r = ev_file(e, f, vi, av.v, (uint32_t)av.n, nargs > 0);
  rc_vec_free(&av);
  return r;
}

static bool readable_file(E *e, const char *path) {
  return rc_session_probe(e->S, rc_session_fs_path(e->S, path)) == RC_LOAD_OK;
}

/* Where `source name` / `. name` finds a name without a slash. bash: $PATH,
 * then the current directory; zsh `source`: the current directory, then
 * $PATH; zsh `.`: $PATH only. The current directory is taken to be $HOME,
 * where sessions start. */
static const char *source_target(E *e, const char *p, bool dot) {
  if (p[0] == '/') return p;
  bool set, certain;
  const rc_str *home = ev_var_value(e, "HOME", &set, &certain);
  const char *h = home && certain ? rc_str_text(e->A, home, ':') : e->S->opt.home;
  const char *here = rc_arena_printf(e->A, "%s/%s", h, p);
  if (strchr(p, '/')) return here;
  bool zsh = e->shell == RC_SH_ZSH;
  if (zsh && !dot && readable_file(e, here)) return here;
  const rc_str *pv = ev_var_value(e, "PATH", &set, &certain);
  if (pv && set) {
    rc_entries ents = {0};
    rc_str_split(e->A, pv, ':', &ents);
    const char *found = NULL;
    for (size_t i = 0; i < ents.n && !found; i++) {
      if (!ents.v[i].certain || !ents.v[i].text[0]) continue;
      const char *cand = rc_arena_printf(e->A, "%s/%s", ents.v[i].text, p);
      if (readable_file(e, cand)) found = cand;
    }
    rc_vec_free(&ents);
    if (found) return found;
  }
  return zsh && dot ? NULL : here; /* NULL: zsh's `.` finds nothing */
}

res ev_source_stmt(E *e, const rc_stmt *s) {
  if (!s->u.source.path) return ev_res(FL_NORMAL, T_FALSE);
  strvec f = {0};
  ev_fields(e, (const rc_word *const *)&s->u.source.path, 1, NULL, &f);
  if (!f.n || !rc_str_certain(f.v[0])) {
    const char *shown = s->u.source.path->raw;
    if (!ev_manager_source(e, f.n ? rc_str_text(e->A, f.v[0], ' ') : shown, s->span)) {
      ev_problem(e, RC_PB_SOURCE_UNRESOLVED, s->span, shown,
                 "cannot work out statically which file `%s` names; it is not followed", shown);
      rc_visit v;
      memset(&v, 0, sizeof v);
      v.path = rc_arena_strdup(e->A, shown);
      v.unresolved = true;
      v.parent = e->visit;
      v.via = s->span;
      v.cond = e->conds;
      v.depth = (uint32_t)e->stack.n;
      rc_vec_push(&e->C->visits, v);
    }
    rc_vec_free(&f);
    return ev_res(FL_NORMAL, T_UNKNOWN);
  }
  const char *cmd = s->u.source.cmd ? ev_word_text(e, s->u.source.cmd) : NULL;
  const char *name = rc_str_text(e->A, f.v[0], ' ');
  const char *p = source_target(e, name, cmd && !strcmp(cmd, "."));
  rc_vec_free(&f);
  if (!p) {
    ev_problem(e, RC_PB_SOURCE_MISSING, s->span, name,
               "zsh's `.` looks for %s in $PATH only (not in the current directory), and it is not there", name);
    return ev_res(FL_NORMAL, T_FALSE);
  }
  if (ev_manager_source(e, p, s->span)) return ev_res(FL_NORMAL, T_TRUE);
  bool was = e->source_silenced;
  e->source_silenced = errors_silenced(e, s);
  res r = ev_source_path(e, p, s->span, (const rc_word *const *)s->u.source.args, s->u.source.nargs, false);
  e->source_silenced = was;
  return r;
}

/* ---- eval ---- */

res ev_eval(E *e, const rc_stmt *s) {
  if (!s->u.eval.n) return ev_res(FL_NORMAL, T_TRUE);
  /* eval "$(tool init -)": a version manager or other tool's init line. */
  if (s->u.eval.n == 1) {
    const rc_word *w = s->u.eval.args[0];
    if (w->nparts == 1 && w->parts[0].kind == RC_WP_CMDSUB) {
      const rc_wpart *p = &w->parts[0];
      const char *t = p->text;
      uint32_t n = p->len;
      if (n >= 3 && t[0] == '$' && t[1] == '(') t += 2, n -= 3;
      else if (n >= 2 && t[0] == '`') t += 1, n -= 2;
      char *cmd = rc_arena_strndup(e->A, t, n);
      rc_exec_site x = {e->file, p->span, rc_arena_strndup(e->A, p->text, p->len), NULL, true, e->visit, e->conds, (uint32_t)e->C->events.n};
      if (ev_manager_eval(e, s, cmd)) {
        x.manager = "known";
        rc_vec_push(&e->C->execs, x);
        return ev_res(FL_NORMAL, T_TRUE);
      }
    }
  }
  strvec f = {0};
  ev_fields(e, (const rc_word *const *)s->u.eval.args, s->u.eval.n, NULL, &f);
  rc_buf b = {0};
  bool certain = true;
  for (size_t i = 0; i < f.n; i++) {
    if (!rc_str_certain(f.v[i])) certain = false;
    if (i) rc_buf_putc(&b, ' ');
    rc_buf_puts(&b, rc_str_text(e->A, f.v[i], ' '));
  }
  rc_vec_free(&f);
  res r = ev_res(FL_NORMAL, T_UNKNOWN);
  if (certain && b.s) {
    rc_ir *ir = rc_session_snippet(e->S, e->file, b.s, e->dialect, &s->span);
    r = ev_stmts(e, &ir->top);
  }
  rc_buf_free(&b);
  return r;
}
