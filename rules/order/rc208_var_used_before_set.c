/* RC208 var-used-before-set */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/* `$V` or `${V}`: a plain expansion (not ${V:-default}, ${V+x}, ${#V}). */
static bool plain(const char *text, const char *var) {
  size_t n = strlen(var);
  if (text[0] != '$') return false;
  if (!strncmp(text + 1, var, n) && !text[1 + n]) return true;
  return text[1] == '{' && !strncmp(text + 2, var, n) && text[2 + n] == '}' && !text[3 + n];
}

static bool contains(rc_span outer, rc_span inner) { return outer.start <= inner.start && inner.end <= outer.end; }

/* Indexes that keep the rule near-linear on long files (a walk over every
 * event for every read was quadratic). */

/* The events of one file and visit, by start (the outer of two spans with
 * one start first, equal spans latest first), each with the nearest earlier
 * one that encloses it: statement spans nest, so the innermost event around
 * a read is found by bisection and a few steps outwards. */
typedef struct item {
  uint32_t start, end, id;
} item;
typedef struct group {
  RC_VEC(item) it;
  int32_t *enc;
} group;

static int by_start(const void *a, const void *b) {
  const item *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end > y->end ? -1 : 1;
  return x->id > y->id ? -1 : x->id < y->id;
}

typedef struct lookup {
  rc_map groups; /* "file id:visit" → group* */
  rc_map later;  /* var → sorted ids of the user's lines that set it (RC_VEC(uint32_t)*) */
} lookup;

static const char *group_key(rc_check *cx, const rc_file *f, int32_t visit) {
  return rc_arena_printf(&cx->S->arena, "%u:%d", f->id, (int)visit);
}

static void index_build(rc_check *cx, const rc_ctx *C, lookup *x) {
  memset(x, 0, sizeof *x);
  for (size_t i = 0; i < C->events.n; i++) {
    const rc_event *ev = &C->events.v[i];
    if (!ev->file || ev->op == RC_OP_JOIN) continue;
    const char *key = group_key(cx, ev->file, ev->visit);
    group *g = rc_map_get(&x->groups, key);
    if (!g) rc_map_put(&x->groups, key, g = rc_xcalloc(1, sizeof *g));
    rc_vec_push(&g->it, ((item){ev->span.start, ev->span.end, ev->id}));
  }
  for (size_t s = 0; s < x->groups.cap; s++) {
    group *g = x->groups.slots[s].key ? x->groups.slots[s].val : NULL;
    if (!g) continue;
    qsort(g->it.v, g->it.n, sizeof(item), by_start);
    g->enc = rc_xmalloc(sizeof(int32_t) * (g->it.n + 1));
    RC_VEC(int32_t) open = {0};
    for (size_t i = 0; i < g->it.n; i++) {
      while (open.n && g->it.v[open.v[open.n - 1]].end < g->it.v[i].end) open.n--;
      g->enc[i] = open.n ? open.v[open.n - 1] : -1;
      rc_vec_push(&open, (int32_t)i);
    }
    rc_vec_free(&open);
  }
}

static void index_free(lookup *x) {
  for (size_t s = 0; s < x->groups.cap; s++)
    if (x->groups.slots[s].key) {
      group *g = x->groups.slots[s].val;
      rc_vec_free(&g->it);
      free(g->enc);
      free(g);
    }
  for (size_t s = 0; s < x->later.cap; s++)
    if (x->later.slots[s].key) {
      RC_VEC(uint32_t) *l = x->later.slots[s].val;
      rc_vec_free(l);
      free(l);
    }
  rc_map_free(&x->groups);
  rc_map_free(&x->later);
}

/* The assignment whose value the read helps build: the innermost event of
 * its file and visit around it. */
static const rc_event *user_of(rc_check *cx, const rc_ctx *C, lookup *x, const rc_read *r) {
  const group *g = rc_map_get(&x->groups, group_key(cx, r->file, r->visit));
  if (!g) return NULL;
  size_t lo = 0, hi = g->it.n;
  while (lo < hi) { /* first item starting after the read */
    size_t mid = lo + (hi - lo) / 2;
    if (g->it.v[mid].start <= r->span.start) lo = mid + 1;
    else hi = mid;
  }
  for (int32_t i = (int32_t)lo - 1; i >= 0; i = g->enc[i])
    if (g->it.v[i].end >= r->span.end) return &C->events.v[g->it.v[i].id];
  return NULL;
}

static int by_id(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

/* The first line of the user's files, after `use` and not inside it, that
 * sets var. */
static const rc_event *set_later(rc_check *cx, const rc_ctx *C, lookup *x, const char *var, const rc_event *use) {
  RC_VEC(uint32_t) *l = rc_map_get(&x->later, var);
  if (!l) {
    l = rc_xcalloc(1, sizeof *l);
    rc_map_put(&x->later, var, l);
    size_t n;
    const uint32_t *ids = rc_ctx_var_events(C, var, &n);
    for (size_t i = 0; i < n; i++) {
      const rc_event *ev = &C->events.v[ids[i]];
      if (ev->file && rc_user_file(cx, ev->file) && ev->after.state != RC_VS_UNSET &&
          (ev->op == RC_OP_ASSIGN || ev->op == RC_OP_APPEND || ev->op == RC_OP_MANAGER || ev->op == RC_OP_DEFAULT))
        rc_vec_push(l, ids[i]);
    }
    if (l->n) qsort(l->v, l->n, sizeof(uint32_t), by_id);
  }
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (l->v[mid] <= use->id) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < l->n; lo++) {
    const rc_event *ev = &C->events.v[l->v[lo]];
    if (!(ev->file == use->file && contains(use->span, ev->span))) return ev;
  }
  return NULL;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  lookup x;
  bool built = false;
  for (size_t i = 0; i < C->reads.n; i++) {
    const rc_read *r = &C->reads.v[i];
    if (r->state_before != RC_SUM_UNSET || !r->file || !rc_user_file(cx, r->file)) continue;
    if (!plain(rc_span_text(cx->S, r->file, r->span), r->var)) continue;
    if (!built) index_build(cx, C, &x), built = true;
    const rc_event *use = user_of(cx, C, &x, r);
    if (!use || !strcmp(use->var, r->var)) continue;
    const rc_event *later = set_later(cx, C, &x, r->var, use);
    if (!later) continue;
    rc_diag *d = rc_report(cx, r->file, r->span,
                           "$%s is expanded here, before anything sets it, so %s gets an empty string in its place; "
                           "%s is set only later, at %s",
                           r->var, use->var, r->var, rc_where(cx->S, later->file, later->span));
    rc_note(d, later->file, later->span, "%s is set here, after its use", r->var);
  }
  if (built) index_free(&x);
}

const rc_rule rc_rule_rc208 = {
  .id = "RC208",
  .name = "var-used-before-set",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "A variable is expanded before the line that sets it",
  .what = "A value is built from a variable — `export PATH=\"$GOROOT/bin:$PATH\"` — at a point where nothing has set "
          "that variable yet in this context, while a later line or a later file (~/.zprofile after ~/.zshenv, "
          "~/.zshrc after ~/.zprofile) does set it.",
  .why = "The expansion is empty: PATH gets `/bin` instead of the Go directory, GOBIN becomes `/bin`, and the "
         "mistake only shows in the contexts that read the files in that order.",
  .fix = "Set the variable before its first use: move the assignment up, or the use down into the file that sets "
         "it.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport GOBIN=\"$GOPATH/bin\"\nexport GOPATH=\"$HOME/go\"\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport GOPATH=\"$HOME/go\"\nexport GOBIN=\"$GOPATH/bin\"\n"
           "path+=($GOBIN)\n",
  .check = check,
};
