/* eval_ctx.c — one context from start to finish: the initial environment of a
 * fresh session, the walk over the shell's startup plan (chain.c), and the
 * prompt hooks a terminal would run before the user types. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval_int.h"

extern char **environ;

static void init_var(E *e, const char *name, const rc_str *val, bool exported) {
  rc_var *v = ev_new_var(e, 1);
  rc_alt *a = (rc_alt *)&v->alts[0];
  a->state = rc_str_certain(val) ? RC_VS_SET : RC_VS_UNKNOWN;
  a->exported = exported;
  a->val = val;
  a->event = RC_NO_EVENT;
  ev_put(e, name, v);
  if (exported) {
    uint32_t eid = ev_reserve_event(e);
    a->event = eid;
    /* values of the initial environment have the INIT event as origin */
    rc_strb b = {0};
    rc_strb_str_origin(&b, val, eid);
    a->val = rc_strb_finish(&b, e->A);
    ev_commit_event(e, eid, name, RC_OP_INIT, (rc_span){0}, (rc_span){0}, a, NULL);
  }
}

static void init_lit(E *e, const char *name, const char *value, bool exported) {
  init_var(e, name, rc_str_lit(e->A, value, RC_NO_EVENT), exported);
}

/* The one variable the vscode context starts with and login-interactive
 * does not; both read the same files. */
static const char VSCODE_VAR[] = "VSCODE_RESOLVING_ENVIRONMENT";

/* A pending initial variable, put as if it had been there from the start:
 * in the root scope, on every path, with no file. */
static void put_pending(E *e) {
  E saved = *e;
  scope *root = e->top;
  while (root->parent) root = root->parent;
  e->pending = false;
  e->top = root;
  e->conds = NULL;
  e->file = NULL;
  e->visit = -1;
  e->discard = 0;
  e->nearly = 0; /* not a write of any frame's path */
  e->in_hook = false;
  e->manager = NULL;
  init_lit(e, VSCODE_VAR, "1", true);
  e->top = saved.top;
  e->conds = saved.conds;
  e->file = saved.file;
  e->visit = saved.visit;
  e->discard = saved.discard;
  e->nearly = saved.nearly;
  e->in_hook = saved.in_hook;
  e->manager = saved.manager;
}

void ev_watch_hit(E *e) {
  e->watch = NULL;
  e->watched = true;
  if (e->pending) put_pending(e);
}

static const char *shell_path(E *e) {
  bool mac = e->S->opt.os == RC_OS_MACOS;
  switch (e->shell) {
  case RC_SH_ZSH: return mac ? "/bin/zsh" : "/usr/bin/zsh";
  case RC_SH_BASH: return "/bin/bash";
  default: return "/bin/sh";
  }
}

static void initial_env(E *e) {
  rc_session *S = e->S;
  bool mac = S->opt.os == RC_OS_MACOS;
  if (S->opt.inherit_env) {
    for (char **p = environ; *p; p++) {
      const char *eq = strchr(*p, '=');
      if (!eq || eq == *p) continue;
      char *name = rc_arena_strndup(e->A, *p, (size_t)(eq - *p));
      init_lit(e, name, eq + 1, true);
    }
  } else {
    init_lit(e, "HOME", S->opt.home, true);
    init_lit(e, "USER", S->opt.user, true);
    init_lit(e, "LOGNAME", S->opt.user, true);
    init_lit(e, "SHELL", shell_path(e), true);
    init_lit(e, "PATH", rc_default_path(S->opt.os, S->home_uid == 0), true);
  }
  /* VS Code's marker is put when first touched (ev_watch_hit), or after the
   * startup files: until then this context's walk is login-interactive's,
   * which rc_eval_context_pair shares (the ids of the other events too). */
  if (e->plan.vscode) {
    /* (inherited, the variable was touched: no walk is shared) */
    if (rc_map_has(&e->top->vars, VSCODE_VAR)) init_lit(e, VSCODE_VAR, "1", true);
    else e->pending = true;
  }
  if (e->plan.ssh) {
    /* sshd sets these: unknown addresses, but certainly not empty */
    static const char *const names[] = {"SSH_CLIENT", "SSH_CONNECTION"};
    for (size_t i = 0; i < RC_ARRAY_LEN(names); i++) {
      bool set, certain;
      ev_var_value(e, names[i], &set, &certain);
      if (set && certain) continue;
      rc_strb b = {0};
      rc_strb_sym(&b, "<client-address>", 16, RC_NO_EVENT);
      rc_strb_lit(&b, " ", 1, RC_NO_EVENT);
      rc_strb_sym(&b, "<port>", 6, RC_NO_EVENT);
      rc_strb_lit(&b, i == 0 ? " 22" : " <server-address> 22", i == 0 ? 3 : 20, RC_NO_EVENT);
      init_var(e, names[i], rc_strb_finish(&b, e->A), true);
    }
  }
  /* Shell variables (not exported) that startup files test. */
  bool inter = e->plan.interactive;
  switch (e->shell) {
  case RC_SH_ZSH:
    init_lit(e, "ZSH_VERSION", "5.9", false);
    init_lit(e, "ZSH_NAME", "zsh", false);
    init_lit(e, "PS1", inter ? "%m%# " : "", false); /* zsh sets PS1 even in -c shells */
    init_lit(e, "OSTYPE", mac ? "darwin23.0" : "linux-gnu", false);
    init_lit(e, "READNULLCMD", mac ? "more" : "pager", false); /* Debian builds zsh with pager */
    /* tied specials exist from the start; fpath is compiled in */
    init_lit(e, "CDPATH", "", false);
    init_lit(e, "MAILPATH", "", false);
    if (!rc_map_has(&e->top->vars, "MANPATH")) init_lit(e, "MANPATH", "", false);
    init_var(e, "FPATH", rc_str_sym(e->A, "<zsh's built-in function path>", RC_NO_EVENT), false);
    break;
  case RC_SH_BASH:
    init_lit(e, "BASH", "/bin/bash", false);
    init_lit(e, "BASH_VERSION", mac ? "3.2.57(1)-release" : "5.2.15(1)-release", false);
    if (inter) init_lit(e, "PS1", "\\s-\\v\\$ ", false);
    init_lit(e, "OSTYPE", mac ? "darwin23" : "linux-gnu", false);
    init_lit(e, "UID", rc_arena_printf(e->A, "%u", S->home_uid), false);
    init_lit(e, "EUID", rc_arena_printf(e->A, "%u", S->home_uid), false);
    break;
  default:
    if (inter) init_lit(e, "PS1", S->home_uid == 0 ? "# " : "$ ", false);
    break;
  }
  if (!S->opt.inherit_env) init_lit(e, "SHLVL", "1", true);
}

static rc_span no_span(void) { return (rc_span){0}; }

static const char *var_text(E *e, const char *name, bool *known) {
  bool set, certain;
  const rc_str *v = ev_var_value(e, name, &set, &certain);
  *known = certain;
  if (!set || !certain || rc_str_is_empty(v)) return NULL;
  return rc_str_text(e->A, v, ':');
}

static void missing_visit(E *e, const char *path) {
  rc_visit v;
  memset(&v, 0, sizeof v);
  v.path = rc_arena_strdup(e->A, path);
  v.startup = true;
  v.parent = -1;
  v.cond = e->conds;
  rc_vec_push(&e->C->visits, v);
}

/* Debian's zsh sources its new-user script when ZDOTDIR holds none of the
 * four dotfiles (checked after /etc/zsh/zshenv). */
static void maybe_newuser(E *e) {
  bool known;
  const char *zd = var_text(e, "ZDOTDIR", &known);
  const char *home = var_text(e, "HOME", &known);
  const char *dir = zd ? zd : home ? home : e->S->opt.home;
  static const char *const dots[] = {".zshenv", ".zprofile", ".zshrc", ".zlogin"};
  for (size_t i = 0; i < RC_ARRAY_LEN(dots); i++) {
    const char *p = rc_arena_printf(e->A, "%s/%s", dir, dots[i]);
    if (rc_session_probe(e->S, rc_session_fs_path(e->S, p)) != RC_LOAD_MISSING) return;
  }
  const char *script = "/usr/share/zsh/5.9/scripts/newuser";
  if (rc_session_probe(e->S, rc_session_fs_path(e->S, script)) != RC_LOAD_OK) return;
  e->file = NULL;
  e->visit = -1;
  ev_source_path(e, script, no_span(), NULL, 0, true);
}

/* Steps [from, n) of a plan; r: how the steps before ended. */
static res run_steps_from(E *e, const rc_step *steps, unsigned from, unsigned n, bool newuser, res r) {
  bool known;
  if (r.fl == FL_EXIT) return r;
  for (unsigned i = from; i < n; i++) {
    const rc_step *st = &steps[i];
    if (i == 1 && newuser && ev_opt(e, "rcs")) maybe_newuser(e);
    /* NO_RCS stops every later file but /etc/zshenv; NO_GLOBAL_RCS the /etc ones. */
    if (i > 0 && !ev_opt(e, "rcs")) break;
    const char *home = var_text(e, "HOME", &known);
    if (!home) home = e->S->opt.home;
    const char *path = NULL;
    switch (st->kind) {
    case RC_STEP_SYSTEM:
      if (i > 0 && !ev_opt(e, "globalrcs")) continue;
      path = st->name;
      break;
    case RC_STEP_ZDOT: {
      const char *zd = var_text(e, "ZDOTDIR", &known);
      if (!known) {
        e->file = NULL;
        ev_problem(e, RC_PB_SOURCE_UNRESOLVED, no_span(), "ZDOTDIR",
                   "ZDOTDIR has a value rccheck cannot work out; assuming $HOME for %s", st->name);
      }
      path = rc_arena_printf(e->A, "%s/%s", zd && known ? zd : home, st->name);
      break;
    }
    case RC_STEP_HOME:
      path = rc_arena_printf(e->A, "%s/%s", home, st->name);
      break;
    case RC_STEP_FIRST_OF: {
      const char *cands[4] = {st->name, st->alts[0], st->alts[1], st->alts[2]};
      for (int k = 0; k < 4 && cands[k]; k++) {
        const char *p = rc_arena_printf(e->A, "%s/%s", home, cands[k]);
        rc_load_status ls = rc_session_probe(e->S, rc_session_fs_path(e->S, p));
        if (ls != RC_LOAD_MISSING) {
          path = p;
          break;
        }
        missing_visit(e, p);
      }
      if (!path) continue;
      break;
    }
    case RC_STEP_ENVFILE: {
      const char *v = var_text(e, st->name, &known);
      if (!v) continue;
      path = v[0] == '/' ? v : rc_arena_printf(e->A, "%s/%s", home, v);
      break;
    }
    }
    e->file = NULL;
    e->visit = -1;
    r = ev_source_path(e, path, no_span(), NULL, 0, true);
    if (r.fl == FL_EXIT) break;
    r.fl = FL_NORMAL;
  }
  return r;
}

static res run_steps(E *e, const rc_step *steps, unsigned n, bool newuser) {
  return run_steps_from(e, steps, 0, n, newuser, ev_res(FL_NORMAL, T_TRUE));
}

res ev_run_plan(E *e) { return run_steps(e, e->plan.steps, e->plan.n, e->plan.newuser); }

/* Defaults the shells give themselves (not from any file). */
static void shell_defaults_before(E *e) {
  if (e->shell == RC_SH_ZSH) {
    init_lit(e, "HISTSIZE", "30", false);
    init_lit(e, "SAVEHIST", "0", false);
  }
}

static void put_default(E *e, const char *name, const rc_str *v) {
  bool set, certain;
  ev_var_value(e, name, &set, &certain);
  if (!set) init_var(e, name, v, false);
}

/* bash sets up history after the startup files, filling what they left unset. */
static void shell_defaults_after(E *e) {
  /* only when commands are read interactively: not for -c (VS Code) */
  if (e->shell != RC_SH_BASH || !e->plan.interactive || e->plan.vscode) return;
  bool set, certain;
  const rc_str *home = ev_var_value(e, "HOME", &set, &certain);
  rc_strb b = {0};
  rc_strb_str(&b, home);
  rc_strb_lit(&b, "/.bash_history", 14, RC_NO_EVENT);
  put_default(e, "HISTFILE", rc_strb_finish(&b, e->A));
  put_default(e, "HISTSIZE", rc_str_lit(e->A, "500", RC_NO_EVENT));
  const rc_str *hs = ev_var_value(e, "HISTSIZE", &set, &certain);
  put_default(e, "HISTFILESIZE", hs);
}

static void run_hooks_inner(E *e);

static void run_hooks(E *e) {
  e->in_hook = true;
  run_hooks_inner(e);
  e->in_hook = false;
}

static void run_hooks_inner(E *e) {
  /* the hooks there when the prompt comes: one a hook adds runs next time */
  size_t n = e->C->hooks.n;
  for (size_t i = 0; i < n; i++) {
    rc_hook h = e->C->hooks.v[i];
    if (strcmp(h.kind, "precmd")) continue;
    const rc_file *saved_file = e->file;
    e->file = h.file;
    e->span_override = &e->C->hooks.v[i].span;
    if (h.manager) {
      ev_manager_hook(e, &h);
    } else {
      const fn *f = ev_get_fn(e, h.func);
      if (f) ev_call(e, h.func, f, NULL, 0);
    }
    e->span_override = NULL;
    e->file = saved_file;
  }
  /* Functions listed in precmd_functions run too. */
  bool set, certain;
  const rc_str *pf = ev_var_value(e, "precmd_functions", &set, &certain);
  if (set && pf->array) {
    strvec els = {0};
    rc_str_elements(e->A, pf, &els);
    for (size_t i = 0; i < els.n; i++) {
      if (!rc_str_certain(els.v[i])) continue;
      const char *name = rc_str_text(e->A, els.v[i], ' ');
      const fn *f = ev_get_fn(e, name);
      if (f) ev_call(e, name, f, NULL, 0);
    }
    rc_vec_free(&els);
  }
  e->C->ran_precmd = true;
}

rc_ctx *rc_eval_context(rc_session *S, rc_shell sh, rc_ctx_kind k) {
  rc_plan plan;
  rc_chain_plan(sh, k, S->opt.os, &plan);
  return rc_eval_context_plan(S, sh, k, &plan);
}

/* Everything before the startup files: C, the root scope, the initial
 * environment, the context's frame. */
static void ev_begin(E *e, rc_session *S, rc_shell sh, rc_ctx_kind k, const rc_plan *plan) {
  rc_ctx *C = rc_xcalloc(1, sizeof *C);
  C->S = S;
  C->shell = sh;
  C->kind = k;
  memset(e, 0, sizeof *e);
  e->S = S;
  e->C = C;
  e->A = &S->arena;
  e->shell = sh;
  e->dialect = rc_shell_dialect(sh);
  e->visit = -1;
  e->macos_sim = S->macos_builtin;
  e->arena_start = S->arena.total;
  e->plan = *plan;
  e->watch = VSCODE_VAR;
  e->watch_hash = rc_hash(VSCODE_VAR, strlen(VSCODE_VAR));
  ev_scope_push(e);
  initial_env(e);
  if (e->plan.vscode_terminal) ev_vscode_terminal_env(e);
  shell_defaults_before(e);
  ev_frame_push(e, FR_CONTEXT);
}

/* Everything after the startup files (r: how they ended): prompt hooks,
 * defaults, the editor's settings, the files read at exit, the final
 * variables. Frees e's state; returns its context. */
static rc_ctx *ev_finish(E *e, res r) {
  rc_ctx *C = e->C;
  rc_shell sh = e->shell;
  if (e->pending) put_pending(e);
  e->watch = NULL;
  frame *ctx = e->frames.v[0];
  scope *root = ctx->base->parent;
  if (e->plan.runs_precmd && r.fl != FL_EXIT && sh == RC_SH_ZSH) run_hooks(e);
  if (r.fl != FL_EXIT) shell_defaults_after(e);
  e->top = ctx->base;
  ev_frame_end(e, ctx, r);
  if (e->plan.vscode) ev_vscode_layer(e);
  if (e->plan.nexit && r.fl != FL_EXIT) {
    /* Read when the shell exits: part of the chain, not of the environment. */
    size_t first = C->visits.n;
    frame *f = ev_frame_push(e, FR_SUBSHELL);
    e->discard++;
    res x = run_steps(e, e->plan.exit_steps, e->plan.nexit, false);
    e->discard--;
    e->top = f->base;
    ev_frame_end(e, f, x);
    for (size_t i = first; i < C->visits.n; i++) C->visits.v[i].at_exit = true;
  }
  for (size_t i = 0; i < root->vars.cap; i++) {
    const char *key = root->vars.slots[i].key;
    if (!key || !strncmp(key, "-o ", 3) || !strcmp(key, "@")) continue;
    rc_map_put(&C->final, key, root->vars.slots[i].val);
  }
  /* zsh's arrays tied to the colon lists are the same variables. */
  static const char *const tied[] = {"path", "fpath", "manpath", "cdpath", "module_path", "mailpath"};
  for (size_t i = 0; sh == RC_SH_ZSH && i < RC_ARRAY_LEN(tied); i++) {
    const rc_var *v = ev_get(e, tied[i]);
    if (v) rc_map_put(&C->final, tied[i], (void *)v);
  }
  ev_scope_free(root);
  rc_vec_free(&e->frames);
  rc_vec_free(&e->stack);
  rc_map_free(&e->pins);
  rc_map_free(&e->interned);
  rc_map_free(&e->problem_keys);
  rc_map_free(&e->exec_keys);
  rc_map_free(&e->named);
  rc_map_free(&e->ties);
  return C;
}

rc_ctx *rc_eval_context_plan(rc_session *S, rc_shell sh, rc_ctx_kind k, const rc_plan *plan) {
  E e;
  ev_begin(&e, S, sh, k, plan);
  res r = ev_run_plan(&e);
  return ev_finish(&e, r);
}

/* dst: a copy of src's context results so far (events, chain, names…), for
 * another context. The values they point to live in the session's arena and
 * are never changed once made, so they are shared. */
static rc_ctx *ctx_copy(const rc_ctx *src, rc_ctx_kind k) {
  rc_ctx *C = rc_xcalloc(1, sizeof *C);
  C->S = src->S;
  C->shell = src->shell;
  C->kind = k;
  rc_vec_copy(&C->visits, &src->visits);
  rc_vec_copy(&C->events, &src->events);
  rc_vec_copy(&C->reads, &src->reads);
  rc_vec_copy(&C->execs, &src->execs);
  rc_vec_copy(&C->problems, &src->problems);
  rc_vec_copy(&C->hooks, &src->hooks);
  rc_vec_copy(&C->names, &src->names);
  rc_map_copy(&C->var_events, &src->var_events);
  for (size_t i = 0; i < C->var_events.cap; i++)
    if (C->var_events.slots[i].key) { /* the id lists grow apart: one each */
      RC_VEC(uint32_t) *from = C->var_events.slots[i].val;
      RC_VEC(uint32_t) *list = rc_arena_alloc(&src->S->arena, sizeof *list);
      memset(list, 0, sizeof *list);
      rc_vec_copy(list, from);
      C->var_events.slots[i].val = list;
    }
  C->ran_precmd = src->ran_precmd;
  return C;
}

/* d: a copy of the walk s at the top level (only the context's frame open),
 * evaluating context C with plan p from here on. */
static void walk_copy(E *d, const E *s, rc_ctx *C, const rc_plan *p) {
  *d = *s;
  d->C = C;
  d->plan = *p;
  /* the scope chain, innermost first, and the frames whose bases are in it */
  scope *olds[8], *news[8];
  size_t n = 0;
  for (scope *x = s->top; x; x = x->parent) {
    if (n == RC_ARRAY_LEN(olds)) abort(); /* at the top level the chain is root and the context's scope */
    scope *c = rc_xcalloc(1, sizeof *c);
    rc_map_copy(&c->vars, &x->vars);
    rc_map_copy(&c->funcs, &x->funcs);
    c->depth = x->depth;
    if (n) news[n - 1]->parent = c;
    olds[n] = x, news[n++] = c;
  }
  d->top = news[0];
  memset(&d->frames, 0, sizeof d->frames);
  for (size_t i = 0; i < s->frames.n; i++) {
    const frame *f = s->frames.v[i];
    frame *g = rc_xcalloc(1, sizeof *g);
    *g = *f;
    for (size_t k = 0; k < n; k++)
      if (olds[k] == f->base) g->base = news[k];
    memset(&g->locals, 0, sizeof g->locals);
    memset(&g->saved, 0, sizeof g->saved);
    rc_vec_copy(&g->locals, &f->locals);
    rc_vec_copy(&g->saved, &f->saved);
    rc_map_copy(&g->early_vars, &f->early_vars);
    rc_map_copy(&g->early_funcs, &f->early_funcs);
    rc_map_copy(&g->dirty_vars, &f->dirty_vars);
    rc_map_copy(&g->dirty_funcs, &f->dirty_funcs);
    rc_vec_push(&d->frames, g);
  }
  memset(&d->stack, 0, sizeof d->stack);
  rc_vec_copy(&d->stack, &s->stack);
  rc_map_copy(&d->interned, &s->interned);
  rc_map_copy(&d->problem_keys, &s->problem_keys);
  rc_map_copy(&d->exec_keys, &s->exec_keys);
  rc_map_copy(&d->named, &s->named);
  rc_map_copy(&d->pins, &s->pins);
  rc_map_copy(&d->ties, &s->ties);
}

/* The walk's state at one point, to tell whether the steps after it changed
 * anything but the chain (a missing or empty /etc/zsh/zprofile). The maps
 * only grow or are overwritten, so equal slots mean equal contents. */
typedef struct mark {
  size_t events, reads, execs, problems, hooks, names, ties;
  uint32_t next_branch;
  uint64_t steps, loop_items;
  const rc_cond *conds;
  scope *top;
  bool stop, dead, glob_failed, early;
  rc_map maps[8];
  size_t nmaps;
} mark;

static void mark_take(const E *e, mark *m) {
  memset(m, 0, sizeof *m);
  const rc_ctx *C = e->C;
  m->events = C->events.n, m->reads = C->reads.n, m->execs = C->execs.n, m->problems = C->problems.n;
  m->hooks = C->hooks.n, m->names = C->names.n, m->ties = e->ties.n;
  m->next_branch = e->next_branch, m->steps = e->steps, m->loop_items = e->loop_items;
  m->conds = e->conds, m->top = e->top;
  m->stop = e->stop, m->dead = e->dead, m->glob_failed = e->glob_failed;
  m->early = e->frames.n && e->frames.v[0]->early;
  for (scope *x = e->top; x && m->nmaps + 2 <= RC_ARRAY_LEN(m->maps); x = x->parent) {
    rc_map_copy(&m->maps[m->nmaps++], &x->vars);
    rc_map_copy(&m->maps[m->nmaps++], &x->funcs);
  }
}

static bool map_same(const rc_map *a, const rc_map *b) {
  return a->n == b->n && a->cap == b->cap && (!a->cap || !memcmp(a->slots, b->slots, a->cap * sizeof *a->slots));
}

static bool mark_same(const E *e, const mark *m) {
  const rc_ctx *C = e->C;
  if (m->events != C->events.n || m->reads != C->reads.n || m->execs != C->execs.n ||
      m->problems != C->problems.n || m->hooks != C->hooks.n || m->names != C->names.n || m->ties != e->ties.n ||
      m->next_branch != e->next_branch || m->steps != e->steps || m->loop_items != e->loop_items ||
      m->conds != e->conds || m->top != e->top || m->stop != e->stop || m->dead != e->dead ||
      m->glob_failed != e->glob_failed || m->early != (e->frames.n && e->frames.v[0]->early))
    return false;
  size_t k = 0;
  for (scope *x = e->top; x && k + 2 <= m->nmaps; x = x->parent, k += 2)
    if (!map_same(&x->vars, &m->maps[k]) || !map_same(&x->funcs, &m->maps[k + 1])) return false;
  return k == m->nmaps;
}

static void mark_free(mark *m) {
  for (size_t i = 0; i < m->nmaps; i++) rc_map_free(&m->maps[i]);
}

/* C's chain without entries [a, b): every visit index after them moves down. */
static void drop_visits(rc_ctx *C, size_t a, size_t b) {
  int32_t k = (int32_t)(b - a);
  if (!k) return;
  memmove(C->visits.v + a, C->visits.v + b, (C->visits.n - b) * sizeof *C->visits.v);
  C->visits.n -= (size_t)k;
#define MOVED(x) ((x) >= (int32_t)b ? (x) - k : (x))
  for (size_t i = 0; i < C->visits.n; i++) C->visits.v[i].parent = MOVED(C->visits.v[i].parent);
  for (size_t i = 0; i < C->events.n; i++) C->events.v[i].visit = MOVED(C->events.v[i].visit);
  for (size_t i = 0; i < C->reads.n; i++) C->reads.v[i].visit = MOVED(C->reads.v[i].visit);
  for (size_t i = 0; i < C->execs.n; i++) C->execs.v[i].visit = MOVED(C->execs.v[i].visit);
#undef MOVED
}

static bool str_same(const char *a, const char *b) { return a == b || (a && b && !strcmp(a, b)); }

static bool step_same(const rc_step *x, const rc_step *y) {
  if (x->kind != y->kind || !str_same(x->name, y->name)) return false;
  for (int k = 0; k < 3; k++)
    if (!str_same(x->alts[k], y->alts[k])) return false;
  return true;
}

static bool steps_equal(const rc_plan *a, const rc_plan *b) {
  if (a->n != b->n) return false;
  for (unsigned i = 0; i < a->n; i++)
    if (!step_same(&a->steps[i], &b->steps[i])) return false;
  return true;
}

rc_ctx *rc_eval_context_group(rc_session *S, rc_shell sh, unsigned want, rc_ctx **vs, rc_ctx **in) {
  rc_plan li, vp, ip;
  rc_chain_plan(sh, RC_CTX_LOGIN_INTERACTIVE, S->opt.os, &li);
  rc_chain_plan(sh, RC_CTX_VSCODE, S->opt.os, &vp);
  rc_chain_plan(sh, RC_CTX_INTERACTIVE, S->opt.os, &ip);
  *vs = *in = NULL;
  E e;
  ev_begin(&e, S, sh, RC_CTX_LOGIN_INTERACTIVE, &li);
  /* zsh's interactive shell reads login-interactive's files but the two
   * zprofile ones (steps 2 and 3) and the zlogin ones after .zshrc: when
   * the zprofile ones change nothing but the chain
   * (missing, or comments only) and no file asks whether the shell is a
   * login shell, it is this walk up to .zshrc, without those entries. */
  bool try_in = (want & (1u << RC_CTX_INTERACTIVE)) && sh == RC_SH_ZSH && li.n >= 6 && ip.n == 4 &&
                step_same(&li.steps[0], &ip.steps[0]) && step_same(&li.steps[1], &ip.steps[1]) &&
                step_same(&li.steps[4], &ip.steps[2]) && step_same(&li.steps[5], &ip.steps[3]) &&
                li.newuser == ip.newuser && li.interactive == ip.interactive && li.ssh == ip.ssh &&
                li.runs_precmd == ip.runs_precmd && !ip.vscode && !ip.vscode_terminal;
  res r;
  if (try_in) {
    r = run_steps_from(&e, li.steps, 0, 2, li.newuser, ev_res(FL_NORMAL, T_TRUE));
    mark m;
    mark_take(&e, &m);
    size_t va = e.C->visits.n;
    r = run_steps_from(&e, li.steps, 2, 4, li.newuser, r);
    size_t vb = e.C->visits.n;
    bool quiet = r.fl != FL_EXIT && mark_same(&e, &m);
    mark_free(&m);
    r = run_steps_from(&e, li.steps, 4, 6, li.newuser, r);
    if (quiet && !e.login_read && !e.dash_read && e.frames.n == 1) {
      E v;
      walk_copy(&v, &e, ctx_copy(e.C, RC_CTX_INTERACTIVE), &ip);
      drop_visits(v.C, va, vb);
      v.watch = NULL;
      v.pending = false;
      v.C->shared_walk = true;
      *in = ev_finish(&v, r);
    }
    r = run_steps_from(&e, li.steps, 6, li.n, li.newuser, r);
  } else {
    r = ev_run_plan(&e);
  }
  /* Same files, and the walk never looked VS Code's marker up nor read $-:
   * up to here the vscode context is this one, plus the marker. */
  bool same = (want & (1u << RC_CTX_VSCODE)) && steps_equal(&li, &vp) &&
              li.newuser == vp.newuser && li.login == vp.login && li.interactive == vp.interactive &&
              li.ssh == vp.ssh && !vp.vscode_terminal;
  if (same && !e.watched && !e.dash_read && e.frames.n == 1) {
    E v;
    walk_copy(&v, &e, ctx_copy(e.C, RC_CTX_VSCODE), &vp);
    v.watch = NULL;
    v.pending = true;
    v.C->shared_walk = true;
    *vs = ev_finish(&v, r);
  }
  return ev_finish(&e, r);
}

void rc_ctx_free(rc_ctx *C) {
  if (!C) return;
  for (size_t i = 0; i < C->var_events.cap; i++)
    if (C->var_events.slots[i].key) {
      RC_VEC(uint32_t) *list = C->var_events.slots[i].val;
      rc_vec_free(list);
    }
  rc_map_free(&C->var_events);
  rc_map_free(&C->before_settings);
  rc_map_free(&C->final);
  rc_vec_free(&C->visits);
  rc_vec_free(&C->events);
  rc_vec_free(&C->reads);
  rc_vec_free(&C->execs);
  rc_vec_free(&C->problems);
  rc_vec_free(&C->hooks);
  rc_vec_free(&C->names);
  free(C);
}

const rc_var *rc_ctx_var(const rc_ctx *C, const char *name) {
  if (C->shell == RC_SH_ZSH && !strcmp(name, "PROMPT")) name = "PS1";
  return rc_map_get(&C->final, name);
}

const uint32_t *rc_ctx_var_events(const rc_ctx *C, const char *name, size_t *n) {
  RC_VEC(uint32_t) *list = rc_map_get(&C->var_events, name);
  *n = list ? list->n : 0;
  return list ? list->v : NULL;
}
