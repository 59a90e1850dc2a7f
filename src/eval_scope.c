/* eval_scope.c — the evaluator's state and how paths join: conditions,
 * the overlay scopes that hold variables and functions, undecided branches
 * and frames (a file being read, a function call, a subshell, the context).
 * Apart from eval.c so the statement walk only opens and closes branches
 * and frames, and how outcomes merge is decided in one place.
 *
 * State is a chain of overlay scopes. An undecided branch evaluates each arm
 * in its own overlay and joins the overlays into the scope below, turning
 * differing values into alternatives tagged with the arm's condition; only
 * the variables an arm touched are visited, so a branch costs what it
 * changes. A path that returns or exits early is joined at once into the
 * "early" state of the frame it leaves (file, function, context); later
 * early paths only revisit the keys written since the previous one. The
 * frame joins its early state with its fall-through state when it ends.
 * Functions defined differently on different paths become choices. */
#include <stdlib.h>
#include <string.h>

#include "eval_int.h"

/* ---- conditions ---- */

bool rc_cond_exclusive(const rc_cond *a, const rc_cond *b) {
  for (const rc_cond *x = a; x; x = x->next)
    for (const rc_cond *y = b; y; y = y->next)
      if (x->branch == y->branch && !(x->arms & y->arms)) return true;
  return false;
}

enum { COND_MAX_DEPTH = 64 };

/* Links node c onto next. A list longer than COND_MAX_DEPTH keeps only its
 * newest half (a copy): conditions become weaker, never wrong, and every
 * walk over a list stays short however many guards a file has. */
static const rc_cond *cond_link(E *e, rc_cond *c, const rc_cond *next) {
  if (next && next->depth >= COND_MAX_DEPTH) {
    rc_cond *head = NULL, *tail = NULL;
    const rc_cond *x = next;
    for (uint32_t k = 0; x && k < COND_MAX_DEPTH / 2; k++, x = x->next) {
      rc_cond *y = rc_arena_alloc(e->A, sizeof *y);
      *y = *x;
      y->next = NULL;
      if (tail) tail->next = y;
      else head = y;
      tail = y;
    }
    uint32_t d = 0;
    for (rc_cond *y = head; y; y = (rc_cond *)y->next) d++;
    for (rc_cond *y = head; y; y = (rc_cond *)y->next) y->depth = d--;
    next = head;
  }
  c->next = next;
  c->depth = next ? next->depth + 1 : 1;
  return c;
}

static const rc_cond *cond_push(E *e, const rc_cond *next, uint32_t id, uint32_t arms, rc_span span,
                                const char *label) {
  rc_cond *c = rc_arena_alloc(e->A, sizeof *c);
  c->branch = id;
  c->arms = arms;
  c->file = e->file;
  c->span = span;
  c->label = label;
  return cond_link(e, c, next);
}

/* `tag`'s node (branch point, arms, place) pushed onto `next`. */
static const rc_cond *cond_retag(E *e, const rc_cond *next, const rc_cond *tag) {
  rc_cond *c = rc_arena_alloc(e->A, sizeof *c);
  *c = *tag;
  return cond_link(e, c, next);
}

/* The longest common tail of two condition lists. Lists only ever grow at
 * the front, so once they meet they stay together: align and walk. */
static const rc_cond *cond_common(const rc_cond *a, const rc_cond *b) {
  uint32_t na = a ? a->depth : 0, nb = b ? b->depth : 0;
  for (; na > nb; na--) a = a->next;
  for (; nb > na; nb--) b = b->next;
  while (a != b) a = a->next, b = b->next;
  return a;
}

static bool cond_has(const rc_cond *c, uint32_t id) {
  for (; c; c = c->next)
    if (c->branch == id) return true;
  return false;
}

/* ---- variables and functions in scopes ---- */

/* The scopes are searched innermost first; the key is hashed once. */
static uint32_t key_hash(const char *key) { return rc_hash(key, strlen(key)); }

static inline void touch(E *e, const char *name, uint32_t h) {
  if (e->watch && h == e->watch_hash && !strcmp(name, e->watch)) ev_watch_hit(e);
}

const rc_var *ev_raw_get(E *e, const char *name) {
  uint32_t h = key_hash(name);
  touch(e, name, h);
  for (scope *s = e->top; s; s = s->parent) {
    const rc_var *v = rc_map_get_hashed(&s->vars, name, h);
    if (v) return v;
  }
  return NULL;
}

/* Every write to a scope goes through these two, so frames with early paths
 * learn which keys changed since (see frame in eval_int.h). */
static void mark_dirty(E *e, const char *key, bool func) {
  if (!e->nearly) return;
  for (size_t i = e->frames.n; i-- > 0;) {
    frame *f = e->frames.v[i];
    if (f->early) rc_map_put(func ? &f->dirty_funcs : &f->dirty_vars, key, (void *)1);
  }
}

static void scope_put(E *e, const char *key, const rc_var *v) {
  if (e->watch) touch(e, key, key_hash(key));
  rc_map_put(&e->top->vars, key, (void *)v);
  mark_dirty(e, key, false);
}

/* A function removed with `unset -f` hides the definitions below it. */
static const fn removed_fn;

static void scope_put_fn(E *e, const char *key, const fn *f) {
  rc_map_put(&e->top->funcs, key, (void *)(f ? f : &removed_fn));
  mark_dirty(e, key, true);
}

void ev_put(E *e, const char *name, const rc_var *v) { scope_put(e, ev_intern(e, name), v); }

void ev_put_fn(E *e, const char *name, const fn *f) { scope_put_fn(e, ev_intern(e, name), f); }

static const fn *lookup_fn(scope *from, const char *name) {
  uint32_t h = key_hash(name);
  for (scope *s = from; s; s = s->parent) {
    const fn *f = rc_map_get_hashed(&s->funcs, name, h);
    if (f) return f == &removed_fn ? NULL : f;
  }
  return NULL;
}

const fn *ev_get_fn(E *e, const char *name) { return lookup_fn(e->top, name); }

/* ---- scopes, branches and frames ---- */

scope *ev_scope_push(E *e) {
  scope *s = rc_xcalloc(1, sizeof *s);
  s->parent = e->top;
  s->depth = e->top ? e->top->depth + 1 : 0;
  e->top = s;
  return s;
}

void ev_scope_free(scope *s) {
  rc_map_free(&s->vars);
  rc_map_free(&s->funcs);
  free(s);
}

/* Everything visible in the scopes from `from` up to and including `upto`. */
static void flatten(scope *from, scope *upto, rc_map *vars, rc_map *funcs) {
  for (scope *s = from; s; s = s->parent) {
    for (size_t i = 0; i < s->vars.cap; i++)
      if (s->vars.slots[i].key && !rc_map_has(vars, s->vars.slots[i].key))
        rc_map_put(vars, s->vars.slots[i].key, s->vars.slots[i].val);
    for (size_t i = 0; i < s->funcs.cap; i++)
      if (s->funcs.slots[i].key && !rc_map_has(funcs, s->funcs.slots[i].key))
        rc_map_put(funcs, s->funcs.slots[i].key, s->funcs.slots[i].val);
    if (s == upto) break;
  }
}

/* The value of `key` in the scopes from `from` up to `upto` (NULL when none
 * of them has it). */
static void *lookup_within(scope *from, scope *upto, const char *key, bool func) {
  uint32_t h = key_hash(key);
  for (scope *s = from; s; s = s->parent) {
    void *v = rc_map_get_hashed(func ? &s->funcs : &s->vars, key, h);
    if (v) return v;
    if (s == upto) break;
  }
  return NULL;
}

static const rc_var *lookup_var(scope *from, const char *key) {
  uint32_t h = key_hash(key);
  for (scope *s = from; s; s = s->parent) {
    const rc_var *v = rc_map_get_hashed(&s->vars, key, h);
    if (v) return v;
  }
  return NULL;
}

/* One way into a join: the changes relative to the base, and the condition
 * node to add to the outcomes it inherits unchanged from the base. */
typedef struct arm {
  rc_map *vars, *funcs;
  const rc_cond *tag; /* a single node (its next is ignored) or NULL */
  bool tag_own;       /* the tag also applies to the arm's own values */
} arm;

static const rc_var *never_set(E *e) {
  rc_var *v = ev_new_var(e, 1);
  rc_alt *a = (rc_alt *)&v->alts[0];
  a->state = RC_VS_UNSET;
  a->event = RC_NO_EVENT;
  return v;
}

static bool alt_same(const rc_alt *a, const rc_alt *b) {
  if (a->state != b->state || a->exported != b->exported) return false;
  return a->state == RC_VS_UNSET || rc_str_equal(a->val, b->val);
}

/* Joins n ways of reaching one point. vals[i] is the variable on way i, or
 * NULL when way i left it as in `base`. tags[i] (if any) is added to the
 * conditions of the outcomes that do not already go through its branch
 * point: the inherited ones, and the own ones too when tag_own[i]. Returns
 * one of the inputs when they are all the same variable. */
static const rc_var *join_vals(E *e, const rc_var *base, const rc_var *const *vals,
                               const rc_cond *const *tags, const bool *tag_own, size_t n) {
  const rc_var *first = NULL;
  bool all_same = true;
  for (size_t i = 0; i < n; i++) {
    const rc_var *v = vals[i] ? vals[i] : base;
    if (i == 0) first = v;
    else if (v != first) all_same = false;
  }
  if (all_same) return first;
  RC_VEC(rc_alt) alts = {0};
  uint32_t attrs = 0;
  const rc_var *ns = NULL;
  bool too_many = false, all_exported = true;
  for (size_t i = 0; i < n; i++) {
    const rc_var *v = vals[i];
    bool own = v != NULL;
    if (!v) v = base;
    if (!v) v = ns ? ns : (ns = never_set(e));
    attrs |= v->attrs;
    for (uint32_t k = 0; k < v->nalts; k++) {
      rc_alt a = v->alts[k];
      if (a.state != RC_VS_UNSET && !a.exported) all_exported = false;
      if (too_many) continue;
      if (tags[i] && (!own || tag_own[i]) && !cond_has(a.cond, tags[i]->branch))
        a.cond = cond_retag(e, a.cond, tags[i]);
      bool dup = false;
      for (size_t j = 0; j < alts.n && !dup; j++)
        if (alt_same(&alts.v[j], &a)) {
          alts.v[j].cond = cond_common(alts.v[j].cond, a.cond);
          dup = true;
        }
      if (!dup) rc_vec_push(&alts, a);
      too_many = alts.n > EV_MAX_ALTS;
    }
  }
  rc_var *out;
  if (too_many) {
    out = ev_new_var(e, 1);
    rc_alt *a = (rc_alt *)&out->alts[0];
    a->state = RC_VS_UNKNOWN;
    a->exported = all_exported;
    a->val = rc_str_sym(e->A, rc_arena_printf(e->A, "<one of more than %d values>", EV_MAX_ALTS), RC_NO_EVENT);
    a->cond = e->conds;
    a->event = RC_NO_EVENT;
    rc_span sp = e->cur_stmt ? e->cur_stmt->span : (rc_span){0};
    ev_limit(e, EV_LIM_ALTS, sp, "too many alternative values for one variable");
  } else {
    out = ev_new_var(e, (uint32_t)alts.n);
    memcpy((void *)out->alts, alts.v, sizeof(rc_alt) * alts.n);
  }
  out->attrs = attrs;
  rc_vec_free(&alts);
  return out;
}

/* The function definition after joining n ways: fns[i] is the definition
 * on way i (NULL: as in `base`); `removed_fn` or NULL means not defined.
 * Ways that disagree make a choice tied to the way's condition. */
static const fn *join_fns(E *e, const fn *base, const fn *const *fns, const rc_cond *const *tags, size_t n) {
  const fn *acc = NULL;
  for (size_t i = 0; i < n; i++) {
    const fn *d = fns[i] ? fns[i] : base;
    if (d == &removed_fn) d = NULL;
    if (i == 0) {
      acc = d;
      continue;
    }
    if (d == acc) continue;
    fn *c = rc_arena_alloc(e->A, sizeof *c);
    c->choice = true;
    c->yes = d;
    c->no = acc;
    c->cond = tags[i];
    c->file = d ? d->file : acc->file;
    c->span = d ? d->span : acc->span;
    acc = c;
  }
  return acc ? acc : &removed_fn;
}

/* v with `tag` added to the conditions of the outcomes that do not go
 * through its branch point yet. */
static const rc_var *retag(E *e, const rc_var *v, const rc_cond *tag) {
  bool need = false;
  for (uint32_t i = 0; i < v->nalts && !need; i++) need = !cond_has(v->alts[i].cond, tag->branch);
  if (!need) return v;
  rc_var *out = ev_new_var(e, v->nalts);
  out->attrs = v->attrs;
  for (uint32_t i = 0; i < v->nalts; i++) {
    rc_alt *a = (rc_alt *)&out->alts[i];
    *a = v->alts[i];
    if (!cond_has(a->cond, tag->branch)) a->cond = cond_retag(e, a->cond, tag);
  }
  return out;
}

static void join_key(E *e, const char *key, const arm *arms, size_t n) {
  const rc_var *base = ev_raw_get(e, key);
  RC_VEC(const rc_var *) vals = {0};
  RC_VEC(const rc_cond *) tags = {0};
  RC_VEC(bool) own = {0};
  for (size_t i = 0; i < n; i++) {
    rc_vec_push(&vals, rc_map_get(arms[i].vars, key));
    rc_vec_push(&tags, arms[i].tag);
    rc_vec_push(&own, arms[i].tag_own);
  }
  const rc_var *out = join_vals(e, base, vals.v, tags.v, own.v, n);
  if (out && out != base) scope_put(e, key, out);
  rc_vec_free(&vals);
  rc_vec_free(&tags);
  rc_vec_free(&own);
}

/* Joins the arms into e->top (the base they were evaluated over). */
static void join_arms(E *e, const arm *arms, size_t n) {
  rc_map seen = {0};
  for (size_t i = 0; i < n; i++) {
    for (size_t s = 0; s < arms[i].vars->cap; s++) {
      const char *k = arms[i].vars->slots[s].key;
      if (!k || rc_map_has(&seen, k)) continue;
      rc_map_put(&seen, k, (void *)1);
      join_key(e, k, arms, n);
    }
  }
  /* Functions defined or removed on some of the ways. */
  rc_map fseen = {0};
  for (size_t i = 0; i < n; i++)
    for (size_t s = 0; s < arms[i].funcs->cap; s++) {
      const char *k = arms[i].funcs->slots[s].key;
      if (!k || rc_map_has(&fseen, k)) continue;
      rc_map_put(&fseen, k, (void *)1);
      RC_VEC(const fn *) fns = {0};
      RC_VEC(const rc_cond *) tags = {0};
      for (size_t j = 0; j < n; j++) {
        rc_vec_push(&fns, rc_map_get(arms[j].funcs, k));
        rc_vec_push(&tags, arms[j].tag);
      }
      const fn *base = lookup_within(e->top, NULL, k, true);
      if (!base) base = &removed_fn;
      const fn *j = join_fns(e, base, fns.v, tags.v, n);
      if (j != base) scope_put_fn(e, k, j == &removed_fn ? NULL : j);
      rc_vec_free(&fns);
      rc_vec_free(&tags);
    }
  rc_map_free(&fseen);
  rc_map_free(&seen);
}

frame *ev_frame_push(E *e, frame_kind k) {
  frame *f = rc_xcalloc(1, sizeof *f);
  f->kind = k;
  f->base = ev_scope_push(e);
  f->conds_at_start = e->conds;
  rc_vec_push(&e->frames, f);
  return f;
}

static frame *frame_for(E *e, flow fl) {
  for (size_t i = e->frames.n; i-- > 0;) {
    frame *f = e->frames.v[i];
    if (f->kind == FR_SUBSHELL || f->kind == FR_CONTEXT) return f;
    if (fl == FL_RETURN && (f->kind == FR_FILE || f->kind == FR_FUNC)) return f;
    if (fl == FL_ABORT && f->kind == FR_FILE) return f;
  }
  return e->frames.v[0];
}

/* The value a function's local had before the call. */
static const rc_var *saved_or_unset(E *e, const rc_var *saved) { return saved ? saved : never_set(e); }

/* Puts back the values a frame's locals had before it. */
static void unlocal(E *e, frame *f, rc_map *vars) {
  for (size_t i = 0; i < f->locals.n; i++) rc_map_put(vars, f->locals.v[i], (void *)saved_or_unset(e, f->saved.v[i]));
}

static void dirty_reset(frame *f) {
  rc_map_free(&f->dirty_vars);
  rc_map_free(&f->dirty_funcs);
}

/* A path leaves frame f early from scope `from` (return or exit): joins its
 * state into f's early state. `tag` is the condition of the path. Functions
 * it leaves on the way (frames above f) get their locals back. */
static void early_add(E *e, frame *f, scope *from, const rc_cond *tag) {
  size_t fi = 0;
  while (fi < e->frames.n && e->frames.v[fi] != f) fi++;
  rc_map over = {0}; /* locals of the functions left on the way */
  for (size_t i = e->frames.n; i-- > fi + 1;) {
    frame *g = e->frames.v[i];
    for (size_t k = 0; g->kind == FR_FUNC && k < g->locals.n; k++)
      rc_map_put(&over, g->locals.v[k], (void *)saved_or_unset(e, g->saved.v[k]));
  }
  if (!f->early) {
    flatten(from, f->base, &f->early_vars, &f->early_funcs);
    for (size_t i = 0; i < over.cap; i++)
      if (over.slots[i].key) rc_map_put(&f->early_vars, over.slots[i].key, over.slots[i].val);
    /* Each outcome on this path holds under its condition. */
    for (size_t i = 0; tag && i < f->early_vars.cap; i++)
      if (f->early_vars.slots[i].key) f->early_vars.slots[i].val = (void *)retag(e, f->early_vars.slots[i].val, tag);
    f->early = true;
    f->early_tag = tag;
    e->nearly++;
  } else {
    /* Only what changed since the previous early path can differ. */
    for (size_t i = 0; i < over.cap; i++)
      if (over.slots[i].key) rc_map_put(&f->dirty_vars, over.slots[i].key, (void *)1);
    const rc_var *parent_base;
    for (size_t i = 0; i < f->dirty_vars.cap; i++) {
      const char *k = f->dirty_vars.slots[i].key;
      if (!k) continue;
      const rc_var *now = rc_map_get(&over, k);
      if (!now) now = lookup_within(from, f->base, k, false);
      const rc_var *before = rc_map_get(&f->early_vars, k);
      parent_base = lookup_var(f->base->parent, k);
      const rc_var *vals[2] = {before, now};
      const rc_cond *tags[2] = {f->early_tag, tag};
      const bool own[2] = {false, true};
      const rc_var *j = join_vals(e, parent_base, vals, tags, own, 2);
      if (j && j != parent_base) rc_map_put(&f->early_vars, k, (void *)j);
    }
    for (size_t i = 0; i < f->dirty_funcs.cap; i++) {
      const char *k = f->dirty_funcs.slots[i].key;
      if (!k) continue;
      const fn *fns[2] = {rc_map_get(&f->early_funcs, k), lookup_within(from, f->base, k, true)};
      const rc_cond *tags[2] = {f->early_tag, tag};
      const fn *pb = lookup_fn(f->base->parent, k);
      const fn *j = join_fns(e, pb ? pb : &removed_fn, fns, tags, 2);
      rc_map_put(&f->early_funcs, k, (void *)j);
    }
  }
  rc_map_free(&over);
  dirty_reset(f);
}

static void frame_free(E *e, frame *f) {
  if (f->early) e->nearly--;
  rc_map_free(&f->early_vars);
  rc_map_free(&f->early_funcs);
  dirty_reset(f);
  ev_scope_free(f->base);
  rc_vec_free(&f->locals);
  rc_vec_free(&f->saved);
  free(f);
}

/* Ends frame f (e->top must be f->base) and folds what survives of it into
 * the scope below. Returns the flow the caller sees. */
res ev_frame_end(E *e, frame *f, res body) {
  bool dead = body.fl != FL_NORMAL && e->dead;
  e->dead = false;
  res out = {FL_NORMAL, body.st};
  scope *base = f->base;
  e->top = base;
  if (f->kind == FR_SUBSHELL) {
    e->frames.n--;
    e->conds = f->conds_at_start;
    e->top = base->parent;
    frame_free(e, f);
    return out;
  }
  /* This path leaves more than this frame (the shell, or for FL_ABORT the
   * file that called the function): it belongs to the frame it leaves to. */
  bool exits = (body.fl == FL_EXIT && f->kind != FR_CONTEXT) || (body.fl == FL_ABORT && f->kind == FR_FUNC);
  if (exits && !dead) early_add(e, frame_for(e, body.fl), base, e->conds);
  e->frames.n--;
  e->conds = f->conds_at_start;
  e->top = base->parent;
  arm arms[2];
  size_t narms = 0;
  if (!dead && !exits) {
    unlocal(e, f, &base->vars);
    arms[narms++] = (arm){&base->vars, &base->funcs, NULL, false};
  }
  if (f->early) {
    unlocal(e, f, &f->early_vars);
    arms[narms++] = (arm){&f->early_vars, &f->early_funcs, f->early_tag, false};
  }
  if (narms == 1 && !arms[0].tag) {
    /* The common case: fold the one surviving state into the scope below
     * (the frame's own, or that of the paths that left it early). */
    rc_map *vars = arms[0].vars, *funcs = arms[0].funcs;
    for (size_t s = 0; s < vars->cap; s++)
      if (vars->slots[s].key) scope_put(e, vars->slots[s].key, vars->slots[s].val);
    for (size_t s = 0; s < funcs->cap; s++)
      if (funcs->slots[s].key) scope_put_fn(e, funcs->slots[s].key, funcs->slots[s].val);
  } else if (narms) {
    join_arms(e, arms, narms);
  }
  if (!narms) {
    out.fl = body.fl == FL_ABORT ? FL_ABORT : FL_EXIT; /* every path left */
    e->dead = true;
  } else if (exits || (body.fl == FL_EXIT && dead)) {
    /* Some paths exited; what follows runs only on the others. */
    rc_span sp = e->cur_stmt ? e->cur_stmt->span : (rc_span){0};
    e->conds = cond_push(e, e->conds, e->next_branch++, 1, sp, "the shell did not exit");
  }
  frame_free(e, f);
  return out;
}

bool ev_br_begin(E *e, branch *b, rc_span span, const char *label) {
  memset(b, 0, sizeof *b);
  if (e->top->depth >= EV_MAX_SCOPE_DEPTH) {
    ev_limit(e, EV_LIM_NESTING, span, "conditions nested too deeply");
    return false;
  }
  b->id = e->next_branch++;
  b->base = e->top;
  b->conds_before = e->conds;
  b->span = span;
  b->label = label;
  return true;
}

void ev_br_arm(E *e, branch *b) {
  uint32_t i = (uint32_t)b->scopes.n;
  e->top = b->base; /* every arm starts from the state before the branch */
  scope *s = ev_scope_push(e);
  rc_vec_push(&b->scopes, s);
  e->conds = cond_push(e, b->conds_before, b->id, 1u << (i < 31 ? i : 31), b->span, b->label);
}

void ev_br_arm_end(E *e, branch *b, res r) {
  bool dead = r.fl != FL_NORMAL && e->dead;
  e->dead = false;
  rc_vec_push(&b->results, r);
  rc_vec_push(&b->deads, dead);
  e->top = b->scopes.v[b->scopes.n - 1];
}

res ev_br_end(E *e, branch *b) {
  RC_VEC(arm) cont = {0};
  uint32_t cont_mask = 0;
  bool any_ret = false, any_abort = false;
  tri st = T_UNKNOWN;
  bool st_set = false;
  for (size_t i = 0; i < b->scopes.n; i++) {
    scope *s = b->scopes.v[i];
    res r = b->results.v[i];
    uint32_t bit = 1u << (i < 31 ? i : 31);
    const rc_cond *tag = cond_push(e, NULL, b->id, bit, b->span, b->label);
    if (r.fl == FL_BREAK || r.fl == FL_CONTINUE) r.fl = FL_NORMAL; /* approximation */
    if (r.fl == FL_RETURN || r.fl == FL_EXIT || r.fl == FL_ABORT) {
      any_ret |= r.fl == FL_RETURN;
      any_abort |= r.fl == FL_ABORT;
      if (!b->deads.v[i]) {
        e->top = s;
        early_add(e, frame_for(e, r.fl), s, tag);
      }
      continue;
    }
    arm a = {&s->vars, &s->funcs, tag, true};
    rc_vec_push(&cont, a);
    cont_mask |= bit;
    if (!st_set) st = r.st, st_set = true;
    else if (st != r.st) st = T_UNKNOWN;
  }
  e->top = b->base;
  e->conds = b->conds_before;
  res out = {FL_NORMAL, st};
  if (cont.n) join_arms(e, cont.v, cont.n);
  if (!cont.n) {
    /* Unwind to the nearest frame one of the arms left to. */
    out.fl = any_ret ? FL_RETURN : any_abort ? FL_ABORT : FL_EXIT;
    out.st = T_UNKNOWN;
    e->dead = true;
  } else if (cont.n < b->scopes.n) {
    /* Later statements run only on the arms that went on. */
    e->conds = cond_push(e, e->conds, b->id, cont_mask, b->span, b->label);
  }
  for (size_t i = 0; i < b->scopes.n; i++) ev_scope_free(b->scopes.v[i]);
  rc_vec_free(&b->scopes);
  rc_vec_free(&b->results);
  rc_vec_free(&b->deads);
  rc_vec_free(&cont);
  return out;
}
