/* eval.c — the abstract interpreter's statement walk: control flow (if,
 * case, &&/||, loops, pipelines, subshells), assignments and declarations,
 * simple commands and builtins, function calls, and the dispatch over
 * statement kinds with its step and memory budgets.
 *
 * Statements never merge state themselves: an undecided one opens a branch
 * with an arm per outcome, and files, function calls and subshells run in
 * frames; eval_scope.c joins them. A call of a function defined differently
 * on different paths is itself a branch. The primitives that change
 * variables and record events are in eval_vars.c; `source`, `.` and `eval`
 * in eval_source.c; words in eval_word.c, tests in eval_cond.c. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval_int.h"

/* ---- statements ---- */

static tri tri_not(tri t) { return t == T_UNKNOWN ? T_UNKNOWN : t == T_TRUE ? T_FALSE : T_TRUE; }

/* First line of a statement, for condition labels. */
static const char *label_of(E *e, rc_span sp) {
  if (!e->file || !e->file->src || sp.end <= sp.start || sp.end > e->file->src->len) return "condition";
  const char *t = e->file->src->text + sp.start;
  uint32_t n = sp.end - sp.start, k = 0;
  while (k < n && t[k] != '\n') k++;
  if (k > 72) k = 72;
  return rc_arena_strndup(e->A, t, k);
}

static res ev_stmt(E *e, const rc_stmt *s);

res ev_stmts(E *e, const rc_stmts *ss) {
  res r = ev_res(FL_NORMAL, T_TRUE);
  for (uint32_t i = 0; i < ss->n; i++) {
    r = ev_stmt(e, ss->v[i]);
    if (r.fl != FL_NORMAL) return r;
  }
  return r;
}

static res ev_one(E *e, const rc_stmt *s) { return s ? ev_stmt(e, s) : ev_res(FL_NORMAL, T_TRUE); }

/* Runs `body` in a subshell: programs it runs are recorded, its variable
 * changes are dropped. */
static res ev_discarded(E *e, const rc_stmts *body, const rc_stmt *single) {
  frame *f = ev_frame_push(e, FR_SUBSHELL);
  e->discard++;
  res r = single ? ev_stmt(e, single) : ev_stmts(e, body);
  e->discard--;
  e->top = f->base;
  res out = ev_frame_end(e, f, r);
  out.st = r.st;
  return out;
}

/* Evaluates an undecided two-way choice: `yes` runs on one arm, nothing on
 * the other. st_no is the status when the arm is skipped. */
static res ev_maybe(E *e, rc_span span, const rc_stmts *yes, const rc_stmt *yes1, tri st_no) {
  branch b;
  if (!ev_br_begin(e, &b, span, label_of(e, span))) return ev_res(FL_NORMAL, T_UNKNOWN);
  ev_br_arm(e, &b);
  res r = yes1 ? ev_stmt(e, yes1) : ev_stmts(e, yes);
  ev_br_arm_end(e, &b, r);
  ev_br_arm(e, &b);
  ev_br_arm_end(e, &b, ev_res(FL_NORMAL, st_no));
  return ev_br_end(e, &b);
}

static res ev_if_from(E *e, const rc_stmt *s, uint32_t i) {
  for (; i < s->u.if_.n; i++) {
    const rc_if_clause *c = &s->u.if_.clauses[i];
    if (!c->cond.n) return ev_stmts(e, &c->body); /* else */
    res r = ev_stmts(e, &c->cond);
    if (r.fl != FL_NORMAL) return r;
    if (r.st == T_TRUE) return ev_stmts(e, &c->body);
    if (r.st == T_FALSE) continue;
    rc_span cs = c->cond.v[0]->span;
    branch b;
    if (!ev_br_begin(e, &b, cs, label_of(e, cs))) return ev_res(FL_NORMAL, T_UNKNOWN);
    ev_br_arm(e, &b);
    ev_br_arm_end(e, &b, ev_stmts(e, &c->body));
    ev_br_arm(e, &b);
    ev_br_arm_end(e, &b, ev_if_from(e, s, i + 1));
    return ev_br_end(e, &b);
  }
  return ev_res(FL_NORMAL, T_TRUE);
}

static res ev_list(E *e, const rc_stmt *s) {
  res l = ev_stmt(e, s->u.list.lhs);
  if (l.fl != FL_NORMAL) return l;
  bool is_or = s->u.list.is_or;
  if (l.st == (is_or ? T_FALSE : T_TRUE)) return ev_stmt(e, s->u.list.rhs);
  if (l.st == (is_or ? T_TRUE : T_FALSE)) return l;
  return ev_maybe(e, s->u.list.lhs->span, NULL, s->u.list.rhs, is_or ? T_TRUE : T_FALSE);
}

/* case: pattern match of a known subject; unknown ones branch. */
static tri case_match(E *e, const rc_str *subj, const rc_word *pat);

static res ev_case_from(E *e, const rc_stmt *s, const rc_str *subj, uint32_t i) {
  for (; i < s->u.case_.n; i++) {
    const rc_case_item *it = &s->u.case_.items[i];
    tri m = T_FALSE;
    for (uint32_t j = 0; j < it->npatterns && m != T_TRUE; j++) {
      tri k = case_match(e, subj, it->patterns[j]);
      if (k == T_TRUE) m = T_TRUE;
      else if (k == T_UNKNOWN) m = T_UNKNOWN;
    }
    if (m == T_FALSE) continue;
    if (m == T_TRUE) {
      res r = ev_stmts(e, &it->body);
      /* ;& runs the next body too; ;;& tests the next patterns. */
      uint32_t k = i;
      while (r.fl == FL_NORMAL && s->u.case_.items[k].term == 1 && k + 1 < s->u.case_.n)
        r = ev_stmts(e, &s->u.case_.items[++k].body);
      if (r.fl == FL_NORMAL && s->u.case_.items[k].term == 2) return ev_case_from(e, s, subj, k + 1);
      return r;
    }
    branch b;
    if (!ev_br_begin(e, &b, it->span, label_of(e, it->span))) return ev_res(FL_NORMAL, T_UNKNOWN);
    ev_br_arm(e, &b);
    ev_br_arm_end(e, &b, ev_stmts(e, &it->body));
    ev_br_arm(e, &b);
    ev_br_arm_end(e, &b, ev_case_from(e, s, subj, i + 1));
    return ev_br_end(e, &b);
  }
  return ev_res(FL_NORMAL, T_TRUE);
}

static tri case_match(E *e, const rc_str *subj, const rc_word *pat) {
  if (!rc_str_certain(subj)) return T_UNKNOWN;
  rc_buf pb = {0};
  bool certain = ev_pattern_text(e, pat, &pb);
  tri r = certain ? ev_pattern_match(e, pb.s ? pb.s : "", rc_str_text(e->A, subj, ' ')) : T_UNKNOWN;
  rc_buf_free(&pb);
  return r;
}

/* `case $- in`, its patterns literal: does the shell take the same item
 * whatever the context among those that share a walk (eval_ctx.c: a
 * terminal or VS Code's -c, a login shell or not)? Debian's skeleton
 * .bashrc asks `case $- in *i*)`, which they all answer alike. */
static bool dash_case_alike(E *e, const rc_stmt *s) {
  if (!ev_word_is_dash(s->u.case_.subject)) return false;
  int taken[EV_DASH_VARIANTS] = {-1, -1, -1}, left = EV_DASH_ALL; /* the item each $- takes */
  for (uint32_t i = 0; i < s->u.case_.n && left; i++) {
    const rc_case_item *it = &s->u.case_.items[i];
    if (it->term != 0) return false; /* ;& and ;;& read on */
    for (uint32_t j = 0; j < it->npatterns && left; j++) {
      int m = ev_dash_matches(e, it->patterns[j]);
      if (m < 0) return false;
      for (int v = 0; v < EV_DASH_VARIANTS; v++)
        if (m & left & (1 << v)) taken[v] = (int)i;
      left &= ~m;
    }
  }
  return taken[0] == taken[1] && taken[1] == taken[2];
}

static res ev_for(E *e, const rc_stmt *s) {
  if (s->u.for_.c_style || !s->u.for_.var) return ev_maybe(e, s->span, &s->u.for_.body, NULL, T_TRUE);
  strvec items = {0};
  if (s->u.for_.in_list) {
    ev_fields(e, (const rc_word *const *)s->u.for_.words, s->u.for_.nwords, NULL, &items);
  } else {
    bool set, certain;
    const rc_str *at = ev_var_value(e, "@", &set, &certain);
    if (at) rc_str_elements(e->A, at, &items);
  }
  res r = ev_res(FL_NORMAL, T_TRUE);
  for (size_t i = 0; i < items.n; i++) {
    if (++e->loop_items > EV_MAX_LOOP_ITEMS) {
      ev_limit(e, EV_LIM_WORK, s->span, "too many loop iterations");
      break;
    }
    uint32_t eid = ev_reserve_event(e);
    ev_assign(e, s->u.for_.var, items.v[i], eid, false, RC_OP_LOOP, s->span, s->span, NULL);
    r = ev_stmts(e, &s->u.for_.body);
    if (r.fl == FL_BREAK) {
      r.fl = FL_NORMAL;
      break;
    }
    if (r.fl == FL_CONTINUE) r.fl = FL_NORMAL;
    if (r.fl != FL_NORMAL) break;
  }
  rc_vec_free(&items);
  return r;
}

static res ev_while(E *e, const rc_stmt *s) {
  res c = ev_stmts(e, &s->u.while_.cond);
  if (c.fl != FL_NORMAL) return c;
  tri go = s->u.while_.until ? tri_not(c.st) : c.st;
  if (go == T_FALSE) return ev_res(FL_NORMAL, T_TRUE);
  /* Unknown (or endless) loops: the body runs once or not at all. */
  res r = ev_maybe(e, s->span, &s->u.while_.body, NULL, T_TRUE);
  if (r.fl == FL_BREAK || r.fl == FL_CONTINUE) r.fl = FL_NORMAL;
  return r;
}

/* ---- assignments and declarations ---- */

/* Value of an assignment, once per combination of the alternatives of the
 * variables it expands (so `PATH=$BREW/bin:$PATH` keeps both outcomes). */
typedef RC_VEC(const rc_cond *) condvec;

static void assign_values(E *e, const char *name, const rc_assign *a, uint32_t eid, strvec *vals,
                          condvec *conds) {
  wopts o = {name, eid, true};
  namevec multi = {0};
  if (a->value) ev_word_vars(e, a->value, &multi);
  for (uint32_t i = 0; i < a->nelems; i++) ev_word_vars(e, a->elems[i], &multi);
  if (a->append) {
    const rc_var *old = ev_get(e, name);
    if (old && old->nalts > 1) {
      bool have = false;
      for (size_t i = 0; i < multi.n; i++) have |= !strcmp(multi.v[i], name);
      if (!have) rc_vec_push(&multi, name);
    }
  }
  size_t combos = 1;
  RC_VEC(uint32_t) radix = {0};
  for (size_t i = 0; i < multi.n; i++) {
    const rc_var *v = ev_get(e, multi.v[i]);
    uint32_t n = v ? v->nalts : 1;
    rc_vec_push(&radix, n);
    if (combos * n > 16) { /* too many: treat the rest as unknown */
      multi.n = i;
      break;
    }
    combos *= n;
  }
  for (size_t c = 0; c < combos; c++) {
    size_t rest = c;
    const rc_cond *cond = e->conds;
    for (size_t i = 0; i < multi.n; i++) {
      uint32_t k = (uint32_t)(rest % radix.v[i]);
      rest /= radix.v[i];
      rc_map_put(&e->pins, multi.v[i], (void *)(uintptr_t)(k + 1));
      const rc_var *v = ev_get(e, multi.v[i]);
      if (v && v->alts[k].cond) cond = v->alts[k].cond;
    }
    const rc_str *val;
    if (a->array) {
      strvec f = {0};
      /* zsh expands ~ after ':' in array elements too, bash only at the start. */
      wopts oe = o;
      oe.assign = e->shell == RC_SH_ZSH;
      ev_fields(e, (const rc_word *const *)a->elems, a->nelems, &oe, &f);
      rc_strb b = {0};
      b.array = true;
      if (a->append) {
        bool set, certain;
        const rc_str *old = ev_var_value(e, name, &set, &certain);
        if (old && set) {
          if (old->array) rc_strb_str(&b, old);
          else rc_strb_sep(&b), rc_strb_str(&b, old);
        }
      }
      for (size_t i = 0; i < f.n; i++) {
        rc_strb_sep(&b);
        rc_strb_str(&b, f.v[i]);
      }
      rc_vec_free(&f);
      val = rc_strb_finish(&b, e->A);
    } else {
      const rc_str *nv = a->value ? ev_word(e, a->value, &o) : rc_str_empty(e->A);
      if (a->append) {
        bool set, certain;
        const rc_str *old = ev_var_value(e, name, &set, &certain);
        rc_strb b = {0};
        if (old && set && old->array && e->shell == RC_SH_ZSH) { /* zsh: arr+=x appends an element */
          rc_strb_str(&b, old);
          rc_strb_sep(&b);
          rc_strb_str(&b, nv);
        } else if (old && set && old->array) { /* bash: arr+=x appends to ${arr[0]} */
          strvec els = {0};
          rc_str_elements(e->A, old, &els);
          rc_strb_sep(&b);
          if (els.n) rc_strb_str(&b, els.v[0]);
          rc_strb_str(&b, nv);
          for (size_t k = 1; k < els.n; k++) rc_strb_sep(&b), rc_strb_str(&b, els.v[k]);
          rc_vec_free(&els);
        } else {
          if (old && set) rc_strb_str(&b, old);
          rc_strb_str(&b, nv);
        }
        val = rc_strb_finish(&b, e->A);
      } else {
        val = nv;
      }
    }
    rc_vec_push(vals, val);
    rc_vec_push(conds, cond);
  }
  for (size_t i = 0; i < multi.n; i++) rc_map_put(&e->pins, multi.v[i], NULL);
  rc_vec_free(&multi);
  rc_vec_free(&radix);
}

static void do_assign(E *e, const rc_assign *a, bool export_it, rc_span span) {
  if (!a->name || !*a->name) return;
  if (a->index) {
    /* arr[i]=v: element updates are not modelled; the array becomes unknown. */
    uint32_t eid = ev_reserve_event(e);
    ev_assign(e, a->name, rc_str_sym(e->A, rc_arena_printf(e->A, "${%s[@]}", a->name), eid), eid, export_it,
              RC_OP_ASSIGN, span, a->name_span, NULL);
    return;
  }
  uint32_t eid = ev_reserve_event(e);
  strvec vals = {0};
  condvec conds = {0};
  assign_values(e, a->name, a, eid, &vals, &conds);
  ev_assign_alts(e, a->name, vals.v, conds.v, (uint32_t)vals.n, eid, export_it,
                 a->append ? RC_OP_APPEND : RC_OP_ASSIGN, span, a->name_span, NULL);
  rc_vec_free(&vals);
  rc_vec_free(&conds);
}

static frame *func_frame(E *e) {
  for (size_t i = e->frames.n; i-- > 0;) {
    if (e->frames.v[i]->kind == FR_FUNC) return e->frames.v[i];
    if (e->frames.v[i]->kind != FR_FILE) break; /* a file sourced by the function still counts */
  }
  for (size_t i = e->frames.n; i-- > 0;)
    if (e->frames.v[i]->kind == FR_FUNC) return e->frames.v[i];
  return NULL;
}

static res ev_decl(E *e, const rc_stmt *s) {
  uint32_t set = s->u.decl.set_flags, clear = s->u.decl.clear_flags;
  if ((set | clear) & (RC_F_FUNCS | RC_F_PRINT)) return ev_res(FL_NORMAL, T_TRUE);
  if ((set & RC_F_TIED) && e->shell == RC_SH_ZSH && s->u.decl.nitems >= 2 && s->u.decl.items[1].name) {
    /* typeset -T SCALAR array [sep]: one variable seen two ways */
    const char *sep = s->u.decl.nitems >= 3 && s->u.decl.items[2].word ? ev_word_text(e, s->u.decl.items[2].word) : ":";
    const rc_decl_item *sc = &s->u.decl.items[0];
    if (sc->name) {
      ev_add_tie(e, sc->name, s->u.decl.items[1].name, sep && *sep ? sep[0] : ':');
      if (sc->assign) do_assign(e, sc->assign, (set & RC_F_EXPORT) != 0, s->span);
      else if (set & RC_F_EXPORT) ev_set_export(e, sc->name, true, sc->span);
    }
    return ev_res(FL_NORMAL, T_TRUE);
  }
  frame *ff = func_frame(e);
  rc_decl_cmd cmd = s->u.decl.cmd;
  bool zsh = e->shell == RC_SH_ZSH;
  /* In a function typeset/declare make locals; zsh's readonly too. */
  bool local = cmd == RC_D_LOCAL ||
               ((cmd == RC_D_TYPESET || cmd == RC_D_INTEGER || (zsh && cmd == RC_D_READONLY)) && !(set & RC_F_GLOBAL));
  /* zsh GLOBAL_EXPORT (on by default): -x implies -g, except for `local`. */
  if (zsh && cmd != RC_D_LOCAL && (set & RC_F_EXPORT) && ev_opt(e, "globalexport")) local = false;
  /* Outside a function: bash refuses `local` (nothing is assigned), zsh
   * makes an ordinary variable. */
  if (cmd == RC_D_LOCAL && !ff && !zsh) return ev_res(FL_NORMAL, T_FALSE);
  if (local && !ff) local = false;
  bool exp = (set & RC_F_EXPORT) != 0, unexp = (clear & RC_F_EXPORT) != 0;
  for (uint32_t i = 0; i < s->u.decl.nitems; i++) {
    const rc_decl_item *it = &s->u.decl.items[i];
    const rc_assign *as = it->assign;
    const char *name = it->name;
    if (!name && it->word) {
      /* export "$v" / export "A=$b": only when the text is known */
      const char *t = ev_word_text(e, it->word);
      if (!t) {
        ev_problem(e, RC_PB_SOURCE_UNRESOLVED, it->span, NULL,
                   "the variable name in `%s` cannot be worked out statically", it->word->raw);
        continue;
      }
      const char *eq = strchr(t, '=');
      if (eq) {
        rc_assign *na = rc_arena_alloc(e->A, sizeof *na);
        na->span = it->span;
        na->name_span = it->span;
        na->name = rc_arena_strndup(e->A, t, (size_t)(eq - t));
        rc_word *w = rc_arena_alloc(e->A, sizeof *w);
        rc_wpart *p = rc_arena_alloc(e->A, sizeof *p);
        p->kind = RC_WP_LIT;
        p->quote = RC_Q_SINGLE;
        p->text = eq + 1;
        p->len = (uint32_t)strlen(eq + 1);
        p->span = it->span;
        w->parts = p;
        w->nparts = 1;
        w->span = it->span;
        w->raw = eq + 1;
        na->value = w;
        as = na;
        name = na->name;
      } else {
        name = t;
      }
    }
    if (!name || !*name) continue;
    if (local) {
      ev_make_local(e, ff, name);
      if (!as) {
        uint32_t eid = ev_reserve_event(e);
        if (e->shell == RC_SH_ZSH) ev_assign(e, name, rc_str_empty(e->A), eid, exp, RC_OP_LOCAL, it->span, it->span, NULL);
        else {
          rc_var *v = ev_new_var(e, 1);
          rc_alt *a = (rc_alt *)&v->alts[0];
          a->state = RC_VS_UNSET;
          a->exported = exp;
          a->event = eid;
          v->attrs = RC_VA_LOCAL;
          ev_put(e, name, v);
          ev_commit_event(e, eid, name, RC_OP_LOCAL, it->span, it->span, a, NULL);
        }
      }
    }
    uint32_t uattr = ev_tied_scalar(e, name) ? RC_VA_UNIQUE_ARRAY : RC_VA_UNIQUE;
    if (set & RC_F_UNIQUE) ev_set_attr(e, name, uattr, true, it->span);
    if (clear & RC_F_UNIQUE) ev_set_attr(e, name, uattr, false, it->span);
    if (as) {
      do_assign(e, as, exp && !unexp, s->span);
    } else if (exp && !unexp) {
      ev_set_export(e, name, true, it->span);
    }
    if (unexp) ev_set_export(e, name, false, it->span);
    if (set & RC_F_READONLY) ev_set_attr(e, name, RC_VA_READONLY, true, it->span);
    if (set & RC_F_INTEGER) ev_set_attr(e, name, RC_VA_INTEGER, true, it->span);
  }
  return ev_res(FL_NORMAL, T_TRUE);
}

static res ev_unset_stmt(E *e, const rc_stmt *s) {
  for (uint32_t i = 0; i < s->u.unset.n; i++) {
    const char *t = ev_word_text(e, s->u.unset.names[i]);
    if (!t) continue;
    if (s->u.unset.flags & RC_F_FUNCS) {
      ev_put_fn(e, t, NULL);
      continue;
    }
    ev_unset(e, t, s->span, NULL);
  }
  return ev_res(FL_NORMAL, T_TRUE);
}

/* ---- simple commands ---- */

static bool is_builtin(const char *n) {
  static const char *const b[] = {
    "echo", "print", "printf", "bindkey", "zstyle", "compdef", "zle", "zmodload", "shopt",
    "complete", "umask", "ulimit", "setopt", "unsetopt", "alias", "unalias", "autoload", "bind",
    "export", "typeset", "declare", "local", "readonly", "set", "unset", "eval", "source", ".",
    "test", "[", "true", "false", ":", "return", "exit", "cd", "pushd", "popd", "trap", "hash",
    "type", "whence", "where", "which", "command", "builtin", "let", "read", "shift", "wait",
    "jobs", "fg", "bg", "disown", "kill", "history", "fc", "enable", "disable", "emulate",
    "functions", "rehash", "zcompile", "compinit", "bashcompinit", "promptinit", "add-zsh-hook",
    "zstat", "limit", "unlimit", "noglob", "nocorrect", "exec", "logout", "getopts", "dirs",
    "pwd", "times", "umask", "vared", "zparseopts", "zformat", "zregexparse", "sched", "caller",
    "compgen", "compopt", "mapfile", "readarray", "suspend", "ttyctl", "unfunction", "unhash",
    "integer", "float", "private", "break", "continue", "stty",
  };
  for (size_t i = 0; i < RC_ARRAY_LEN(b); i++)
    if (!strcmp(n, b[i])) return true;
  return false;
}

/* A call of a function defined differently on different paths: a branch
 * with one arm per definition (no definition: an external command). */
static res call_choice(E *e, const char *name, const fn *f, const rc_str *const *args, uint32_t nargs) {
  branch b;
  const rc_cond *c = f->cond;
  rc_span sp = c ? c->span : (e->cur_stmt ? e->cur_stmt->span : (rc_span){0});
  if (!ev_br_begin(e, &b, sp, c && c->label ? c->label : "the function's definition")) return ev_res(FL_NORMAL, T_UNKNOWN);
  const fn *defs[2] = {f->yes, f->no};
  for (int i = 0; i < 2; i++) {
    ev_br_arm(e, &b);
    ev_br_arm_end(e, &b, defs[i] ? ev_call(e, name, defs[i], args, nargs) : ev_res(FL_NORMAL, T_UNKNOWN));
  }
  return ev_br_end(e, &b);
}

res ev_call(E *e, const char *name, const fn *f, const rc_str *const *args, uint32_t nargs) {
  if (f->choice) return call_choice(e, name, f, args, nargs);
  const rc_stmt *body = f->body ? f->body : f->def && f->file && f->file->ir ? rc_func_body(f->file->ir, f->def) : NULL;
  if (!body) return ev_res(FL_NORMAL, T_UNKNOWN);
  if (e->call_depth >= EV_MAX_CALL_DEPTH) {
    ev_limit(e, EV_LIM_DEPTH, f->span, "functions call each other too deeply");
    return ev_res(FL_NORMAL, T_UNKNOWN);
  }
  (void)name;
  const rc_file *saved_file = e->file;
  const rc_stmt *saved_stmt = e->cur_stmt;
  e->call_depth++;
  frame *fr = ev_frame_push(e, FR_FUNC);
  ev_make_local(e, fr, "@");
  ev_set_positional(e, args, nargs);
  e->file = f->file;
  res r;
  if (body->kind == RC_S_SUBSHELL) r = ev_discarded(e, &body->u.group.body, NULL);
  else r = ev_stmt(e, body);
  e->top = fr->base;
  res out = ev_frame_end(e, fr, r);
  if (r.fl == FL_RETURN) out.st = r.st;
  e->call_depth--;
  e->file = saved_file;
  e->cur_stmt = saved_stmt;
  return out;
}

static tri status_arg(E *e, const rc_stmt *s) {
  if (!s->u.cmd.nargs) return T_UNKNOWN;
  const char *t = ev_word_text(e, s->u.cmd.args[0]);
  if (!t) return T_UNKNOWN;
  return atoi(t) == 0 ? T_TRUE : T_FALSE;
}

static res ev_cmd(E *e, const rc_stmt *s) {
  /* Temporary assignments (X=1 cmd) do not persist, but their values may
   * run programs. */
  for (uint32_t i = 0; i < s->u.cmd.nenv; i++)
    if (s->u.cmd.env[i]->value) ev_word(e, s->u.cmd.env[i]->value, NULL);
  const char *name = ev_word_text(e, s->u.cmd.name);
  switch (s->u.cmd.builtin) {
  case RC_B_RETURN:
    e->dead = false;
    return ev_res(FL_RETURN, s->u.cmd.nargs ? status_arg(e, s) : T_TRUE);
  case RC_B_EXIT:
    e->dead = false;
    return ev_res(FL_EXIT, T_UNKNOWN);
  case RC_B_EXEC: {
    strvec f = {0};
    ev_fields(e, (const rc_word *const *)s->u.cmd.args, s->u.cmd.nargs, NULL, &f);
    rc_exec_site x = {e->file, s->span, rc_arena_strndup(e->A, e->file && e->file->src ? e->file->src->text + s->span.start : "", s->span.end - s->span.start), NULL, false, e->visit, e->conds, (uint32_t)e->C->events.n};
    rc_vec_push(&e->C->execs, x);
    rc_vec_free(&f);
    e->dead = false;
    return ev_res(FL_EXIT, T_UNKNOWN);
  }
  case RC_B_SETOPT:
  case RC_B_UNSETOPT:
    for (uint32_t i = 0; i < s->u.cmd.nargs; i++) {
      const char *t = ev_word_text(e, s->u.cmd.args[i]);
      if (t && t[0] != '-' && t[0] != '+') ev_set_zsh_option(e, t, s->u.cmd.builtin == RC_B_SETOPT);
    }
    return ev_res(FL_NORMAL, T_TRUE);
  case RC_B_SET:
    for (uint32_t i = 0; i < s->u.cmd.nargs; i++) {
      const char *t = ev_word_text(e, s->u.cmd.args[i]);
      if (!t) continue;
      if (!strcmp(t, "--")) { /* set -- args: positional parameters */
        strvec f = {0};
        ev_fields(e, (const rc_word *const *)s->u.cmd.args + i + 1, s->u.cmd.nargs - i - 1, NULL, &f);
        ev_set_positional(e, f.v, f.n);
        rc_vec_free(&f);
        break;
      }
      if ((t[0] == '-' || t[0] == '+') && t[1] == 'o' && !t[2] && i + 1 < s->u.cmd.nargs) {
        const char *o = ev_word_text(e, s->u.cmd.args[++i]);
        if (o) ev_set_zsh_option(e, o, t[0] == '-');
        continue;
      }
      if ((t[0] == '-' || t[0] == '+') && strchr(t, 'a')) ev_set_opt(e, "allexport", t[0] == '-');
    }
    return ev_res(FL_NORMAL, T_TRUE);
  case RC_B_TRUE:
  case RC_B_FALSE: {
    /* `: ${GOPATH:=$HOME/go}`: the arguments are expanded for their effects. */
    strvec f = {0};
    ev_fields(e, (const rc_word *const *)s->u.cmd.args, s->u.cmd.nargs, NULL, &f);
    rc_vec_free(&f);
    return ev_res(FL_NORMAL, s->u.cmd.builtin == RC_B_TRUE ? T_TRUE : T_FALSE);
  }
  case RC_B_EMULATE: {
    /* emulate sh -c 'source /etc/profile': the string runs like eval */
    for (uint32_t i = 0; i + 1 < s->u.cmd.nargs; i++) {
      const char *t = ev_word_text(e, s->u.cmd.args[i]);
      if (!t || strcmp(t, "-c")) continue;
      const char *code = ev_word_text(e, s->u.cmd.args[i + 1]);
      if (!code) return ev_res(FL_NORMAL, T_UNKNOWN);
      rc_ir *ir = rc_session_snippet(e->S, e->file, code, e->dialect, &s->span);
      return ev_stmts(e, &ir->top);
    }
    /* Another mode than zsh, or one not known: `$(emulate)` is no longer
     * certain (the options it sets are not modelled). */
    for (uint32_t i = 0; i < s->u.cmd.nargs; i++) {
      const char *t = ev_word_text(e, s->u.cmd.args[i]);
      if (t && (t[0] == '-' || t[0] == '+')) continue;
      if (!t || strcmp(t, "zsh")) ev_set_opt(e, EV_OPT_EMULATED, true);
      break;
    }
    return ev_res(FL_NORMAL, T_TRUE);
  }
  case RC_B_BREAK: e->dead = false; return ev_res(FL_BREAK, T_TRUE);
  case RC_B_CONTINUE: e->dead = false; return ev_res(FL_CONTINUE, T_TRUE);
  case RC_B_AUTOLOAD:
    for (uint32_t i = 0; i < s->u.cmd.nargs; i++) {
      const char *t = ev_word_text(e, s->u.cmd.args[i]);
      if (!t || t[0] == '-' || t[0] == '+') continue;
      fn *f = rc_arena_alloc(e->A, sizeof *f);
      f->file = e->file;
      f->span = s->span;
      ev_put_fn(e, t, f);
    }
    return ev_res(FL_NORMAL, T_TRUE);
  case RC_B_HOOK:
    if (s->u.cmd.nargs >= 2) {
      const char *k = ev_word_text(e, s->u.cmd.args[0]);
      const char *fname = ev_word_text(e, s->u.cmd.args[1]);
      if (k && fname && k[0] != '-') ev_add_hook(e, k, fname, s->span, NULL);
    }
    return ev_res(FL_NORMAL, T_TRUE);
  case RC_B_COMMAND_V: {
    const char *t = NULL;
    for (uint32_t i = 0; i < s->u.cmd.nargs && !t; i++) {
      const char *a = ev_word_text(e, s->u.cmd.args[i]);
      if (!a) return ev_res(FL_NORMAL, T_UNKNOWN);
      if (a[0] != '-') t = a;
    }
    if (!t) return ev_res(FL_NORMAL, T_UNKNOWN);
    if (is_builtin(t) || (ev_get_fn(e, t) && !fn_maybe(ev_get_fn(e, t)))) return ev_res(FL_NORMAL, T_TRUE);
    if (fn_maybe(ev_get_fn(e, t))) return ev_res(FL_NORMAL, T_UNKNOWN);
    int k = ev_lookup_command(e, t, NULL);
    return ev_res(FL_NORMAL, k == 1 ? T_TRUE : k == 0 ? T_FALSE : T_UNKNOWN);
  }
  case RC_B_READ:
    for (uint32_t i = 0; i < s->u.cmd.nargs; i++) {
      const char *t = ev_word_text(e, s->u.cmd.args[i]);
      if (!t || t[0] == '-') continue;
      uint32_t eid = ev_reserve_event(e);
      ev_assign(e, t, rc_str_sym(e->A, "<read from input>", eid), eid, false, RC_OP_ASSIGN, s->span, s->span, NULL);
    }
    return ev_res(FL_NORMAL, T_UNKNOWN);
  case RC_B_SHIFT: {
    bool set, certain;
    const rc_str *at = ev_var_value(e, "@", &set, &certain);
    if (at && at->array) {
      strvec els = {0};
      rc_str_elements(e->A, at, &els);
      if (els.n) ev_set_positional(e, els.v + 1, els.n - 1);
      else ev_set_positional(e, NULL, 0);
      rc_vec_free(&els);
    }
    return ev_res(FL_NORMAL, T_TRUE);
  }
  default:
    break;
  }
  strvec args = {0};
  ev_fields(e, (const rc_word *const *)s->u.cmd.args, s->u.cmd.nargs, NULL, &args);
  res r = ev_res(FL_NORMAL, T_UNKNOWN);
  const fn *f = name ? ev_get_fn(e, name) : NULL;
  if (!f && name && e->shell == RC_SH_ZSH && !strcmp(name, "unfunction")) {
    for (size_t i = 0; i < args.n; i++)
      if (rc_str_certain(args.v[i])) ev_put_fn(e, rc_str_text(e->A, args.v[i], ' '), NULL);
    rc_vec_free(&args);
    return ev_res(FL_NORMAL, T_TRUE);
  }
  if (f) {
    r = ev_call(e, name, f, args.v, (uint32_t)args.n);
  } else if (name && (is_builtin(name))) {
    r = ev_res(FL_NORMAL, T_TRUE);
  } else if (!e->discard || true) {
    /* An external program: it runs at every start of this context. */
    const char *text = e->file && e->file->src && s->span.end <= e->file->src->len
                           ? rc_arena_strndup(e->A, e->file->src->text + s->span.start, s->span.end - s->span.start)
                           : s->u.cmd.name->raw;
    rc_exec_site x = {e->file, s->span, text, NULL, false, e->visit, e->conds, (uint32_t)e->C->events.n};
    rc_vec_push(&e->C->execs, x);
  }
  rc_vec_free(&args);
  return r;
}

/* add-zsh-hook adds a function once: a hook already there stays where it
 * is (a hook that adds itself again each time it runs is common). */
void ev_add_hook(E *e, const char *kind, const char *func, rc_span span, const char *manager) {
  if (e->discard) return;
  for (size_t i = 0; i < e->C->hooks.n; i++)
    if (!strcmp(e->C->hooks.v[i].kind, kind) && !strcmp(e->C->hooks.v[i].func, func)) return;
  rc_hook h = {rc_arena_strdup(e->A, kind), rc_arena_strdup(e->A, func), e->file, span, manager};
  rc_vec_push(&e->C->hooks, h);
}

/* ---- dispatch ---- */

static res ev_kind(E *e, const rc_stmt *s);

/* A statement assigned to (or unset) a read-only variable. zsh abandons the
 * file being read; bash fails the statement, and a plain assignment in a
 * function also ends the function. */
static res ro_failure(E *e, const rc_stmt *s, res r) {
  e->ro_error = false;
  if (r.fl != FL_NORMAL) return r;
  if (e->shell == RC_SH_ZSH) {
    e->dead = false;
    return ev_res(FL_ABORT, T_FALSE);
  }
  if (s->kind == RC_S_ASSIGN) {
    for (size_t i = e->frames.n; i-- > 0;) {
      frame_kind k = e->frames.v[i]->kind;
      if (k == FR_FUNC) {
        e->dead = false;
        return ev_res(FL_RETURN, T_FALSE);
      }
      if (k != FR_SUBSHELL) break;
    }
  }
  return ev_res(FL_NORMAL, T_FALSE);
}

static res ev_stmt(E *e, const rc_stmt *s) {
  if (++e->steps > EV_MAX_STEPS) {
    ev_limit(e, EV_LIM_WORK, s->span, "too many statements to evaluate");
    return ev_res(FL_NORMAL, T_UNKNOWN);
  }
  if (e->A->total - e->arena_start > EV_MAX_ARENA_BYTES) {
    ev_limit(e, EV_LIM_WORK, s->span, "the values grew too large to follow");
    e->steps = EV_MAX_STEPS; /* nothing more is evaluated in this context */
    return ev_res(FL_NORMAL, T_UNKNOWN);
  }
  e->cur_stmt = s;
  if (!s->background) {
    res r = ev_kind(e, s);
    if (e->ro_error) r = ro_failure(e, s, r);
    if (e->glob_failed) {
      /* zsh: "no matches found" abandons the rest of the file being read
       * (through the functions it is in), like any error */
      e->glob_failed = false;
      e->dead = false;
      ev_problem(e, RC_PB_LIMIT, s->span, NULL,
                 "a glob here matches nothing: zsh stops reading this file (\"no matches found\"); add (N) to allow no match");
      return ev_res(FL_ABORT, T_FALSE);
    }
    return r;
  }
  /* cmd &: runs in a background subshell */
  frame *f = ev_frame_push(e, FR_SUBSHELL);
  e->discard++;
  res r = ev_kind(e, s);
  e->discard--;
  e->top = f->base;
  ev_frame_end(e, f, r);
  return ev_res(FL_NORMAL, T_TRUE);
}

static res ev_kind(E *e, const rc_stmt *s) {
  switch (s->kind) {
  case RC_S_ASSIGN:
    for (uint32_t i = 0; i < s->u.assign.n; i++) do_assign(e, s->u.assign.v[i], false, s->span);
    return ev_res(FL_NORMAL, T_TRUE);
  case RC_S_DECL: return ev_decl(e, s);
  case RC_S_UNSET: return ev_unset_stmt(e, s);
  case RC_S_SOURCE: return ev_source_stmt(e, s);
  case RC_S_EVAL: return ev_eval(e, s);
  case RC_S_CMD: return ev_cmd(e, s);
  case RC_S_FUNC: {
    if ((!s->u.func.body && !s->u.func.lazy) || !*s->u.func.name) return ev_res(FL_NORMAL, T_TRUE);
    fn *f = rc_arena_alloc(e->A, sizeof *f);
    f->body = s->u.func.body;
    f->def = s->u.func.lazy ? s : NULL; /* parsed if it is ever called */
    f->file = e->file;
    f->span = s->span;
    ev_put_fn(e, s->u.func.name, f);
    /* zsh's special function names are hooks. */
    if (e->shell == RC_SH_ZSH && (!strcmp(s->u.func.name, "precmd") || !strcmp(s->u.func.name, "chpwd")))
      ev_add_hook(e, s->u.func.name, s->u.func.name, s->span, NULL);
    return ev_res(FL_NORMAL, T_TRUE);
  }
  case RC_S_IF: return ev_if_from(e, s, 0);
  case RC_S_CASE: {
    bool read = e->dash_read;
    const rc_str *subj = s->u.case_.subject ? ev_word(e, s->u.case_.subject, NULL) : rc_str_empty(e->A);
    if (!read && dash_case_alike(e, s)) e->dash_read = false;
    return ev_case_from(e, s, subj, 0);
  }
  case RC_S_FOR: return ev_for(e, s);
  case RC_S_WHILE: return ev_while(e, s);
  case RC_S_LIST: return ev_list(e, s);
  case RC_S_NOT: {
    res r = ev_one(e, s->u.not_.inner);
    r.st = tri_not(r.st);
    return r;
  }
  case RC_S_PIPE: {
    res r = ev_res(FL_NORMAL, T_UNKNOWN);
    for (uint32_t i = 0; i < s->u.pipe.elems.n; i++) {
      bool last = i + 1 == s->u.pipe.elems.n;
      /* zsh runs the last element of a pipeline in the current shell */
      if (last && e->shell == RC_SH_ZSH) r = ev_stmt(e, s->u.pipe.elems.v[i]);
      else r = ev_discarded(e, NULL, s->u.pipe.elems.v[i]);
      if (r.fl == FL_EXIT || r.fl == FL_RETURN) r.fl = FL_NORMAL;
    }
    return r;
  }
  case RC_S_SUBSHELL: return ev_discarded(e, &s->u.group.body, NULL);
  case RC_S_GROUP: return ev_stmts(e, &s->u.group.body);
  case RC_S_TEST: return ev_res(FL_NORMAL, ev_test(e, s->u.test.expr, s->u.test.double_bracket));
  case RC_S_ARITH: {
    tri t = ev_arith(e, s->u.arith.text, s->u.arith.len);
    if (t == T_UNKNOWN && s->u.arith.expr) {
      const char *expr = ev_word_text(e, s->u.arith.expr);
      long v;
      if (expr && ev_arith_eval(e, expr, (uint32_t)strlen(expr), s->span, &v)) t = v ? T_TRUE : T_FALSE;
    }
    return ev_res(FL_NORMAL, t);
  }
  case RC_S_ERROR:
    /* Lowering replaces what is nested too deeply by an error region. */
    if (e->file && e->file->ir && e->file->ir->too_deep)
      ev_limit(e, EV_LIM_NESTING, s->span, "statements nested more than 200 deep are not analyzed");
    return ev_res(FL_NORMAL, T_UNKNOWN);
  }
  return ev_res(FL_NORMAL, T_UNKNOWN);
}
