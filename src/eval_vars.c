/* eval_vars.c — variables as the shells keep them: lookup through zsh's
 * tied pairs (path/PATH, typeset -T) and the PROMPT alias, the event every
 * change records, problems and limits, the assignment primitives (assign,
 * unset, export, local, attributes, typeset -U) and shell options. Apart
 * from the statement walk because statements, managers and the VS Code
 * layer all write through these, so every write is recorded alike. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "eval_int.h"

/* ---- variables ---- */

const char *rc_summary_name(rc_summary s) {
  static const char *const n[] = {"unset", "set", "unknown", "maybe"};
  return n[s];
}

rc_summary rc_var_summary(const rc_var *v) {
  if (!v || !v->nalts) return RC_SUM_UNSET;
  const rc_alt *a = &v->alts[0];
  for (uint32_t i = 1; i < v->nalts; i++) {
    const rc_alt *b = &v->alts[i];
    if (b->state != a->state) return RC_SUM_MAYBE;
    if (a->state != RC_VS_UNSET && !rc_str_equal(a->val, b->val)) return RC_SUM_MAYBE;
  }
  return a->state == RC_VS_SET ? RC_SUM_SET : a->state == RC_VS_UNKNOWN ? RC_SUM_UNKNOWN : RC_SUM_UNSET;
}

bool rc_var_exported(const rc_var *v) {
  if (!v) return false;
  bool any = false;
  for (uint32_t i = 0; i < v->nalts; i++) {
    if (v->alts[i].state == RC_VS_UNSET) continue;
    if (!v->alts[i].exported) return false;
    any = true;
  }
  return any;
}

const char *rc_op_name(rc_op op) {
  static const char *const n[] = {
    [RC_OP_INIT] = "initial", [RC_OP_ASSIGN] = "assign", [RC_OP_APPEND] = "append",
    [RC_OP_EXPORT] = "export", [RC_OP_UNEXPORT] = "unexport", [RC_OP_UNSET] = "unset",
    [RC_OP_DEFAULT] = "default", [RC_OP_LOCAL] = "local", [RC_OP_RESTORE] = "restore",
    [RC_OP_MANAGER] = "manager", [RC_OP_PATH_HELPER] = "path_helper", [RC_OP_UNIQUE] = "unique",
    [RC_OP_LOOP] = "loop", [RC_OP_JOIN] = "join", [RC_OP_SETTING] = "setting",
  };
  return op < RC_ARRAY_LEN(n) && n[op] ? n[op] : "?";
}

rc_var *ev_new_var(E *e, uint32_t nalts) {
  rc_var *v = rc_arena_alloc(e->A, sizeof *v);
  v->nalts = nalts;
  v->alts = nalts ? rc_arena_alloc(e->A, sizeof(rc_alt) * nalts) : NULL;
  return v;
}

const char *ev_intern(E *e, const char *s) {
  const char *k = rc_map_get(&e->interned, s);
  if (k) return k;
  k = rc_arena_strdup(e->A, s);
  rc_map_put(&e->interned, k, (void *)k);
  return k;
}

/* zsh ties arrays to scalars joined by a separator: path/PATH and friends,
 * and any pair made with `typeset -T SCALAR array [sep]`. */
typedef struct tie {
  const char *scalar;
  char sep;
} tie;

static bool tie_of(E *e, const char *name, tie *out) {
  if (e->shell != RC_SH_ZSH) return false;
  static const char *const t[][2] = {{"path", "PATH"}, {"fpath", "FPATH"}, {"manpath", "MANPATH"},
                                     {"cdpath", "CDPATH"}, {"module_path", "MODULE_PATH"},
                                     {"mailpath", "MAILPATH"}};
  size_t n = strlen(name); /* every built-in tie ends in "path": most names skip the table */
  for (size_t i = 0; n >= 4 && !memcmp(name + n - 4, "path", 4) && i < RC_ARRAY_LEN(t); i++)
    if (!strcmp(name, t[i][0])) return *out = (tie){t[i][1], ':'}, true;
  const tie *d = rc_map_get(&e->ties, name);
  if (d) *out = *d;
  return d != NULL;
}

const char *ev_tied_scalar(E *e, const char *name) {
  tie t;
  return tie_of(e, name, &t) ? t.scalar : NULL;
}

static char tie_sep(E *e, const char *array) {
  tie t;
  return tie_of(e, array, &t) ? t.sep : ':';
}

/* zsh's PROMPT is another name for PS1. */
static const char *canon(E *e, const char *name) {
  return e->shell == RC_SH_ZSH && !strcmp(name, "PROMPT") ? "PS1" : name;
}

/* The scalar of a tied pair (dedupe its entries under typeset -U). */
static bool is_tied_target(E *e, const char *name) {
  if (e->shell != RC_SH_ZSH) return false;
  if (!strcmp(name, "PATH") || !strcmp(name, "FPATH") || !strcmp(name, "MANPATH") || !strcmp(name, "CDPATH") ||
      !strcmp(name, "MODULE_PATH") || !strcmp(name, "MAILPATH"))
    return true;
  for (size_t i = 0; i < e->ties.cap; i++)
    if (e->ties.slots[i].key && !strcmp(((const tie *)e->ties.slots[i].val)->scalar, name)) return true;
  return false;
}

void ev_add_tie(E *e, const char *scalar, const char *array, char sep) {
  tie *t = rc_arena_alloc(e->A, sizeof *t);
  t->scalar = ev_intern(e, scalar);
  t->sep = sep;
  rc_map_put(&e->ties, ev_intern(e, array), t);
}

/* Array view of a tied scalar (zsh `path` from `PATH`). */
static const rc_str *colon_to_array(E *e, const rc_str *v, char sep) {
  if (v->capped) return v; /* stays the one unknown value */
  rc_strb b = {0};
  b.array = true;
  rc_strb_sep(&b);
  for (uint32_t i = 0; i < v->nseg; i++) {
    const rc_seg *g = &v->seg[i];
    if (g->kind == RC_SEG_SEP) continue;
    if (g->kind == RC_SEG_SYM) {
      rc_strb_sym(&b, g->s, g->n, g->origin);
      continue;
    }
    uint32_t a = 0;
    for (uint32_t k = 0; k <= g->n; k++) {
      if (k == g->n || g->s[k] == sep) {
        rc_strb_lit(&b, g->s + a, k - a, g->origin);
        if (k < g->n) rc_strb_sep(&b);
        a = k + 1;
      }
    }
  }
  if (v->len == 0 && v->nseg == 0) { /* empty scalar → empty array */
    rc_strb_free(&b);
    rc_strb eb = {0};
    eb.array = true;
    return rc_strb_finish(&eb, e->A);
  }
  return rc_strb_finish(&b, e->A);
}

/* Scalar view of an array joined by its separator (zsh `PATH` from `path`). */
static const rc_str *array_to_colon(E *e, const rc_str *v, char sep) {
  return v->array ? ev_join_array(e, v, rc_arena_strndup(e->A, &sep, 1), true) : v;
}

/* Slot of the array-view cache for the built-in ties; SIZE_MAX for ties
 * made with typeset -T (not cached). */
static size_t tied_index(const char *scalar) {
  static const char *const t[] = {"PATH", "FPATH", "MANPATH", "CDPATH", "MODULE_PATH", "MAILPATH"};
  for (size_t i = 0; i < RC_ARRAY_LEN(t); i++)
    if (!strcmp(scalar, t[i])) return i;
  return SIZE_MAX;
}

const rc_var *ev_get(E *e, const char *name) {
  name = canon(e, name);
  const char *tied = ev_tied_scalar(e, name);
  if (!tied) return ev_raw_get(e, name);
  const rc_var *v = ev_raw_get(e, tied);
  if (!v) return NULL;
  /* The array view is rebuilt only when the scalar changed. */
  size_t ti = tied_index(tied);
  if (ti != SIZE_MAX && e->tied_src[ti] == v) return e->tied_view[ti];
  rc_var *a = ev_new_var(e, v->nalts);
  a->attrs = v->attrs | RC_VA_ARRAY;
  for (uint32_t i = 0; i < v->nalts; i++) {
    rc_alt *x = (rc_alt *)&a->alts[i];
    *x = v->alts[i];
    if (x->val) x->val = colon_to_array(e, x->val, tie_sep(e, name));
  }
  if (ti != SIZE_MAX) e->tied_src[ti] = v, e->tied_view[ti] = a;
  return a;
}

/* ---- events ---- */

uint32_t ev_reserve_event(E *e) {
  if (e->discard) return RC_NO_EVENT;
  rc_event ev;
  memset(&ev, 0, sizeof ev);
  ev.id = (uint32_t)e->C->events.n;
  ev.visit = e->visit;
  /* Some callers decide afterwards that nothing changes (goenv finds its
   * shims on PATH already) and never commit: the reservation must stay an
   * inert event that rules skip, not one without a variable. */
  ev.var = "";
  ev.op = RC_OP_JOIN;
  rc_vec_push(&e->C->events, ev);
  return ev.id;
}

void ev_commit_event(E *e, uint32_t id, const char *var, rc_op op, rc_span span, rc_span name_span,
                     const rc_alt *after, const char *manager) {
  if (id == RC_NO_EVENT || id >= e->C->events.n) return;
  rc_event *ev = &e->C->events.v[id];
  ev->var = ev_intern(e, var);
  ev->op = op;
  ev->file = e->file;
  ev->span = span;
  ev->name_span = name_span;
  ev->after = *after;
  ev->after.event = id;
  ev->cond = e->conds;
  ev->manager = manager ? manager : e->manager;
  ev->in_hook = e->in_hook;
  ev->visit = e->visit;
  const rc_var *cur = ev_raw_get(e, var);
  ev->uniq = cur && (cur->attrs & (RC_VA_UNIQUE | RC_VA_UNIQUE_ARRAY)) ? 1 : 0;
  ev->result = cur;
  RC_VEC(uint32_t) *list = rc_map_get(&e->C->var_events, ev->var);
  if (!list) {
    list = rc_arena_alloc(e->A, sizeof *list);
    rc_map_put(&e->C->var_events, ev->var, list);
  }
  if (op != RC_OP_INIT && !rc_map_has(&e->named, ev->var)) {
    rc_map_put(&e->named, ev->var, (void *)1);
    rc_vec_push(&e->C->names, ev->var);
  }
  rc_vec_push(list, id);
}

void ev_problem(E *e, rc_problem_kind k, rc_span span, const char *target, const char *fmt, ...) {
  /* One problem per kind and place in a context. */
  char key[64];
  snprintf(key, sizeof key, "%d:%u:%u:%u", (int)k, e->file ? e->file->id : UINT32_MAX, span.start, span.end);
  if (rc_map_has(&e->problem_keys, key)) return;
  rc_map_put(&e->problem_keys, rc_arena_strdup(e->A, key), (void *)1);
  rc_problem p;
  p.kind = k;
  p.file = e->file;
  p.span = span;
  p.target = target ? rc_arena_strdup(e->A, target) : NULL;
  rc_buf b = {0};
  va_list ap;
  va_start(ap, fmt);
  rc_buf_vprintf(&b, fmt, ap);
  va_end(ap);
  p.message = rc_arena_strdup(e->A, b.s ? b.s : "");
  rc_buf_free(&b);
  rc_vec_push(&e->C->problems, p);
}

void ev_limit(E *e, int which, rc_span span, const char *what) {
  if (which >= 0 && which < EV_LIM_COUNT) {
    if (e->limit_reported[which]) return;
    e->limit_reported[which] = true;
  }
  ev_problem(e, RC_PB_LIMIT, span, NULL, "%s: the analysis stops following this here", what);
}

/* ---- assignment primitives ---- */

static bool any_exported(const rc_var *v) {
  if (!v) return false;
  for (uint32_t i = 0; i < v->nalts; i++)
    if (v->alts[i].exported) return true;
  return false;
}

/* What b built, or v itself when nothing was dropped. */
static const rc_str *dedupe_result(E *e, rc_strb *b, const rc_str *v, bool changed) {
  if (!changed) {
    rc_strb_free(b);
    return v;
  }
  return rc_strb_finish(b, e->A);
}

/* typeset -U: keep the first of equal entries. */
static const rc_str *dedupe_colon(E *e, const rc_str *v, bool *changed) {
  rc_entries ents = {0};
  rc_str_split(e->A, v, ':', &ents);
  rc_strb b = {0};
  *changed = false;
  bool first = true;
  rc_map seen = {0};
  for (size_t i = 0; i < ents.n; i++) {
    if (ents.v[i].certain) {
      if (rc_map_has(&seen, ents.v[i].text)) {
        *changed = true;
        continue;
      }
      rc_map_put(&seen, ents.v[i].text, (void *)1);
    }
    if (!first) rc_strb_lit(&b, ":", 1, ents.v[i].origin);
    first = false;
    if (ents.v[i].certain) rc_strb_lit(&b, ents.v[i].text, (uint32_t)strlen(ents.v[i].text), ents.v[i].origin);
    else rc_strb_sym(&b, ents.v[i].text, (uint32_t)strlen(ents.v[i].text), ents.v[i].origin);
  }
  rc_vec_free(&ents);
  rc_map_free(&seen);
  return dedupe_result(e, &b, v, *changed);
}

static const rc_str *dedupe_array(E *e, const rc_str *v, bool *changed) {
  strvec els = {0};
  rc_str_elements(e->A, v, &els);
  rc_strb b = {0};
  b.array = true;
  *changed = false;
  rc_map seen = {0};
  for (size_t i = 0; i < els.n; i++) {
    if (rc_str_certain(els.v[i])) {
      const char *t = rc_str_text(e->A, els.v[i], ' ');
      if (rc_map_has(&seen, t)) {
        *changed = true;
        continue;
      }
      rc_map_put(&seen, t, (void *)1);
    }
    rc_strb_sep(&b);
    rc_strb_str(&b, els.v[i]);
  }
  rc_vec_free(&els);
  rc_map_free(&seen);
  return dedupe_result(e, &b, v, *changed);
}

void ev_assign_alts(E *e, const char *name, const rc_str *const *vals, const rc_cond *const *conds,
                    uint32_t n, uint32_t eid, bool export_it, rc_op op, rc_span span,
                    rc_span name_span, const char *manager) {
  name = canon(e, name);
  const char *tied = ev_tied_scalar(e, name);
  char sep = tied ? tie_sep(e, name) : ':';
  if (tied) name = tied;
  const rc_var *old = ev_raw_get(e, name);
  if (old && (old->attrs & RC_VA_READONLY)) {
    ev_problem(e, RC_PB_LIMIT, span, name, "assignment to read-only variable %s is refused by the shell", name);
    e->ro_error = true;
    return;
  }
  uint32_t attrs = old ? old->attrs : 0;
  rc_var *v = ev_new_var(e, n);
  v->attrs = attrs;
  bool exported = export_it || ev_opt(e, "allexport") || any_exported(old);
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    const rc_str *val = vals[i];
    if (tied) val = array_to_colon(e, val, sep);
    if (val->capped) ev_limit(e, EV_LIM_VALUE, span, "a value grew past 64 KiB or 1024 parts");
    /* zsh: -U on path de-duplicates assignments to path, -U on PATH those to PATH. */
    if (attrs & (tied ? RC_VA_UNIQUE_ARRAY : RC_VA_UNIQUE)) {
      bool changed = false;
      val = val->array ? dedupe_array(e, val, &changed) : is_tied_target(e, name) ? dedupe_colon(e, val, &changed) : val;
    }
    if (val->array) v->attrs |= RC_VA_ARRAY;
    rc_alt a;
    memset(&a, 0, sizeof a);
    a.state = rc_str_certain(val) ? RC_VS_SET : RC_VS_UNKNOWN;
    a.exported = exported;
    a.val = val;
    a.cond = conds && conds[i] ? conds[i] : e->conds;
    a.event = eid;
    bool dup = false;
    for (uint32_t j = 0; j < k; j++)
      if (rc_str_equal(v->alts[j].val, val)) dup = true;
    if (!dup) ((rc_alt *)v->alts)[k++] = a;
  }
  v->nalts = k;
  if (k == 1) ((rc_alt *)v->alts)[0].cond = e->conds;
  ev_put(e, name, v);
  ev_commit_event(e, eid, name, op, span, name_span, &v->alts[0], manager);
}

void ev_assign(E *e, const char *name, const rc_str *val, uint32_t eid, bool export_it, rc_op op,
               rc_span span, rc_span name_span, const char *manager) {
  ev_assign_alts(e, name, &val, NULL, 1, eid, export_it, op, span, name_span, manager);
}

void ev_unset(E *e, const char *name, rc_span span, const char *manager) {
  name = canon(e, name);
  const char *tied = ev_tied_scalar(e, name);
  if (tied) name = tied;
  const rc_var *old = ev_raw_get(e, name);
  if (old && (old->attrs & RC_VA_READONLY)) {
    e->ro_error = true;
    return;
  }
  rc_var *v = ev_new_var(e, 1);
  rc_alt *a = (rc_alt *)&v->alts[0];
  a->state = RC_VS_UNSET;
  a->cond = e->conds;
  uint32_t eid = ev_reserve_event(e);
  a->event = eid;
  if (old && (old->attrs & RC_VA_LOCAL)) v->attrs |= RC_VA_LOCAL;
  ev_put(e, name, v);
  ev_commit_event(e, eid, name, RC_OP_UNSET, span, span, a, manager);
}

void ev_set_export(E *e, const char *name, bool on, rc_span span) {
  name = canon(e, name);
  const char *tied = ev_tied_scalar(e, name);
  if (tied) name = tied;
  const rc_var *old = ev_raw_get(e, name);
  uint32_t eid = ev_reserve_event(e);
  rc_var *v;
  if (!old) {
    v = ev_new_var(e, 1);
    rc_alt *a = (rc_alt *)&v->alts[0];
    /* zsh creates an empty parameter; bash keeps it unset but marked. */
    if (e->shell == RC_SH_ZSH && on) {
      a->state = RC_VS_SET;
      a->val = rc_str_empty(e->A);
    } else {
      a->state = RC_VS_UNSET;
    }
    a->exported = on;
    a->cond = e->conds;
    a->event = eid;
  } else {
    v = ev_new_var(e, old->nalts);
    v->attrs = old->attrs;
    for (uint32_t i = 0; i < old->nalts; i++) {
      rc_alt *a = (rc_alt *)&v->alts[i];
      *a = old->alts[i];
      a->exported = on;
      if (e->shell == RC_SH_ZSH && on && a->state == RC_VS_UNSET) {
        a->state = RC_VS_SET;
        a->val = rc_str_empty(e->A);
      }
    }
  }
  ev_put(e, name, v);
  rc_alt after = v->alts[0];
  if (v->nalts > 1) after.cond = e->conds;
  ev_commit_event(e, eid, name, on ? RC_OP_EXPORT : RC_OP_UNEXPORT, span, span, &after, NULL);
}

void ev_make_local(E *e, frame *f, const char *name) {
  name = canon(e, name);
  const char *tied = ev_tied_scalar(e, name);
  if (tied) name = tied;
  for (size_t i = 0; i < f->locals.n; i++)
    if (!strcmp(f->locals.v[i], name)) return;
  rc_vec_push(&f->locals, ev_intern(e, name));
  rc_vec_push(&f->saved, ev_raw_get(e, name));
}

void ev_set_attr(E *e, const char *name, uint32_t attr, bool on, rc_span span) {
  name = canon(e, name);
  const char *tied = ev_tied_scalar(e, name);
  if (tied) name = tied;
  const rc_var *old = ev_raw_get(e, name);
  rc_var *v = ev_new_var(e, old ? old->nalts : 1);
  if (old) {
    memcpy((void *)v->alts, old->alts, sizeof(rc_alt) * old->nalts);
    v->attrs = old->attrs;
  } else {
    rc_alt *a = (rc_alt *)&v->alts[0];
    /* zsh's typeset creates the parameter (empty) */
    a->state = e->shell == RC_SH_ZSH ? RC_VS_SET : RC_VS_UNSET;
    a->val = a->state == RC_VS_SET ? rc_str_empty(e->A) : NULL;
    a->event = RC_NO_EVENT;
  }
  v->attrs = on ? v->attrs | attr : v->attrs & ~attr;
  bool changed = false;
  if (on && (attr == RC_VA_UNIQUE || attr == RC_VA_UNIQUE_ARRAY)) {
    for (uint32_t i = 0; i < v->nalts; i++) {
      rc_alt *a = (rc_alt *)&v->alts[i];
      if (!a->val) continue;
      bool ch = false;
      a->val = a->val->array ? dedupe_array(e, a->val, &ch) : is_tied_target(e, name) ? dedupe_colon(e, a->val, &ch) : a->val;
      changed |= ch;
    }
  }
  ev_put(e, name, v);
  if (changed) {
    uint32_t eid = ev_reserve_event(e);
    for (uint32_t i = 0; i < v->nalts; i++) ((rc_alt *)&v->alts[i])->event = eid;
    ev_commit_event(e, eid, name, RC_OP_UNIQUE, span, span, &v->alts[0], NULL);
  }
}

/* One builder for every writer of $@ (see eval_int.h); it records no event. */
void ev_set_positional(E *e, const rc_str *const *args, size_t n) {
  rc_strb b = {0};
  b.array = true;
  for (size_t i = 0; i < n; i++) {
    rc_strb_sep(&b);
    rc_strb_str(&b, args[i]);
  }
  rc_var *v = ev_new_var(e, 1);
  rc_alt *a = (rc_alt *)&v->alts[0];
  a->state = RC_VS_SET;
  a->val = rc_strb_finish(&b, e->A);
  a->event = RC_NO_EVENT;
  ev_put(e, "@", v);
}

/* ---- options ---- */

/* "-o NAME" in k (cut as snprintf would cut it). */
static const char *opt_text(char k[80], const char *name) {
  size_t n = strlen(name);
  if (n > 76) n = 76;
  memcpy(k, "-o ", 3);
  memcpy(k + 3, name, n);
  k[3 + n] = 0;
  return k;
}

static bool opt_default(E *e, const char *n) {
  if (!strcmp(n, "rcs") || !strcmp(n, "globalrcs") || !strcmp(n, "nomatch") || !strcmp(n, "globalexport"))
    return true;
  if (!strcmp(n, "interactive")) return e->plan.interactive;
  if (!strcmp(n, "login")) return e->login_read = true, e->plan.login;
  return false;
}

bool ev_opt(E *e, const char *name) {
  char k[80]; /* looked up as is: only writes need the interned key */
  const rc_var *v = ev_raw_get(e, opt_text(k, name));
  if (!v || !v->nalts || v->alts[0].state != RC_VS_SET) return opt_default(e, name);
  return rc_str_is(v->alts[0].val, "1");
}

void ev_set_opt(E *e, const char *name, bool on) {
  rc_var *v = ev_new_var(e, 1);
  rc_alt *a = (rc_alt *)&v->alts[0];
  a->state = RC_VS_SET;
  a->val = rc_str_lit(e->A, on ? "1" : "0", RC_NO_EVENT);
  a->event = RC_NO_EVENT;
  char k[80];
  ev_put(e, opt_text(k, name), v);
}

/* zsh option names: case and underscores do not matter; "no" negates. */
void ev_set_zsh_option(E *e, const char *raw, bool on) {
  char n[64];
  size_t k = 0;
  for (const char *p = raw; *p && k + 1 < sizeof n; p++)
    if (*p != '_') n[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  n[k] = 0;
  static const char *const known[] = {"allexport", "rcs", "globalrcs", "shwordsplit", "ksharrays",
                                      "nullglob", "extendedglob", "nomatch", "aliases", "globalexport"};
  for (size_t i = 0; i < RC_ARRAY_LEN(known); i++)
    if (!strcmp(n, known[i])) return ev_set_opt(e, known[i], on);
  if (n[0] == 'n' && n[1] == 'o')
    for (size_t i = 0; i < RC_ARRAY_LEN(known); i++)
      if (!strcmp(n + 2, known[i])) return ev_set_opt(e, known[i], !on);
}
