/* rule_util.c — helpers for rules (declared in rule.h). */
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "rule.h"

const rc_event *rc_alt_event(const rc_ctx *C, const rc_alt *a) {
  if (!a || a->event == RC_NO_EVENT || a->event >= C->events.n) return NULL;
  return &C->events.v[a->event];
}

rc_span rc_line_span(const rc_file *f, uint32_t line, bool with_newline) {
  rc_span s = {0};
  uint32_t off, len;
  if (!f->src || !rc_source_line(f->src, line, &off, &len)) return s;
  s.start = off;
  s.end = off + len;
  s.line = s.end_line = line;
  s.col = 1;
  s.end_col = len + 1;
  if (with_newline && s.end < f->src->len) {
    s.end++;
    s.end_line = line + 1;
    s.end_col = 1;
  }
  return s;
}

const char *rc_span_text(rc_session *S, const rc_file *f, rc_span span) {
  if (!f->src || span.end > f->src->len || span.start > span.end) return "";
  return rc_arena_strndup(&S->arena, f->src->text + span.start, span.end - span.start);
}

const char *rc_path(rc_session *S, const char *path) { return rc_display_path(S, path); }

const char *rc_where(rc_session *S, const rc_file *f, rc_span span) {
  if (!f) return "the initial environment";
  return rc_arena_printf(&S->arena, "%s:%u", rc_display_path(S, f->path), span.line);
}

const char *rc_var_text(rc_session *S, const rc_var *v) {
  if (rc_var_summary(v) != RC_SUM_SET) return NULL;
  return rc_str_text(&S->arena, v->alts[0].val, ' ');
}


bool rc_event_sets(const rc_event *ev) {
  switch (ev->op) {
  case RC_OP_ASSIGN: case RC_OP_APPEND: case RC_OP_DEFAULT: case RC_OP_MANAGER: case RC_OP_LOOP:
  case RC_OP_PATH_HELPER:
    return ev->after.state != RC_VS_UNSET;
  default:
    return false;
  }
}

const char *rc_event_text(rc_session *S, const rc_event *ev) {
  if (ev->after.state == RC_VS_UNSET || !ev->after.val) return NULL;
  return rc_str_text(&S->arena, ev->after.val, ':');
}

static bool inside(rc_span outer, rc_span in) { return in.start >= outer.start && in.end <= outer.end; }

/* Is `span` inside a conditional part of ss (`guarded`: ss itself is one)? */
static bool guarded_in(const rc_stmts *ss, rc_span span, bool guarded, bool *found);

static bool guarded_stmt(const rc_stmt *s, rc_span span, bool guarded, bool *found) {
  if (!inside(s->span, span)) return false;
  switch (s->kind) {
  case RC_S_IF:
    for (uint32_t i = 0; i < s->u.if_.n; i++) {
      bool g = guarded_in(&s->u.if_.clauses[i].body, span, true, found);
      if (*found) return g;
      g = guarded_in(&s->u.if_.clauses[i].cond, span, guarded || i > 0, found);
      if (*found) return g;
    }
    break;
  case RC_S_CASE:
    for (uint32_t i = 0; i < s->u.case_.n; i++) {
      bool g = guarded_in(&s->u.case_.items[i].body, span, true, found);
      if (*found) return g;
    }
    break;
  case RC_S_FOR:
    return guarded_in(&s->u.for_.body, span, true, found);
  case RC_S_WHILE: {
    bool g = guarded_in(&s->u.while_.body, span, true, found);
    if (*found) return g;
    return guarded_in(&s->u.while_.cond, span, true, found);
  }
  case RC_S_FUNC:
    if (s->u.func.body) {
      bool g = guarded_stmt(s->u.func.body, span, true, found);
      if (*found) return g;
    }
    break;
  case RC_S_LIST: {
    bool g = guarded_stmt(s->u.list.lhs, span, guarded, found);
    if (*found) return g;
    g = guarded_stmt(s->u.list.rhs, span, true, found);
    if (*found) return g;
    break;
  }
  case RC_S_NOT:
    return guarded_stmt(s->u.not_.inner, span, guarded, found);
  case RC_S_SUBSHELL: case RC_S_GROUP: {
    bool g = guarded_in(&s->u.group.body, span, guarded, found);
    if (*found) return g;
    break;
  }
  default:
    break;
  }
  *found = true;
  return guarded;
}

/* The statements of a list follow one another in the file: the one that
 * may hold `span` is the last that starts at or before it (a linear walk
 * made callers quadratic on long files). */
static bool guarded_in(const rc_stmts *ss, rc_span span, bool guarded, bool *found) {
  uint32_t lo = 0, hi = ss->n;
  while (lo < hi) {
    uint32_t mid = lo + (hi - lo) / 2;
    if (ss->v[mid]->span.start <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo ? guarded_stmt(ss->v[lo - 1], span, guarded, found) : false;
}

bool rc_span_guarded(const rc_file *f, rc_span span) {
  if (!f || !f->ir) return false;
  bool found = false;
  return guarded_in(&f->ir->top, span, false, &found);
}

void rc_stmts_walk(const rc_stmts *ss, void (*fn)(const rc_stmt *s, void *data), void *data);

static void walk_stmt(const rc_stmt *s, void (*fn)(const rc_stmt *, void *), void *data) {
  if (!s) return;
  fn(s, data);
  switch (s->kind) {
  case RC_S_IF:
    for (uint32_t i = 0; i < s->u.if_.n; i++) {
      rc_stmts_walk(&s->u.if_.clauses[i].cond, fn, data);
      rc_stmts_walk(&s->u.if_.clauses[i].body, fn, data);
    }
    break;
  case RC_S_CASE:
    for (uint32_t i = 0; i < s->u.case_.n; i++) rc_stmts_walk(&s->u.case_.items[i].body, fn, data);
    break;
  case RC_S_FOR: rc_stmts_walk(&s->u.for_.body, fn, data); break;
  case RC_S_WHILE:
    rc_stmts_walk(&s->u.while_.cond, fn, data);
    rc_stmts_walk(&s->u.while_.body, fn, data);
    break;
  case RC_S_FUNC: walk_stmt(s->u.func.body, fn, data); break;
  case RC_S_LIST:
    walk_stmt(s->u.list.lhs, fn, data);
    walk_stmt(s->u.list.rhs, fn, data);
    break;
  case RC_S_NOT: walk_stmt(s->u.not_.inner, fn, data); break;
  case RC_S_PIPE: rc_stmts_walk(&s->u.pipe.elems, fn, data); break;
  case RC_S_SUBSHELL: case RC_S_GROUP: rc_stmts_walk(&s->u.group.body, fn, data); break;
  default: break;
  }
}

void rc_stmts_walk(const rc_stmts *ss, void (*fn)(const rc_stmt *s, void *data), void *data) {
  for (uint32_t i = 0; ss && i < ss->n; i++) walk_stmt(ss->v[i], fn, data);
}

bool rc_path_exists(rc_session *S, const char *model_path, char kind) {
  if (!model_path || model_path[0] != '/') return false;
  struct stat st;
  if (rc_session_stat(S, rc_session_fs_path(S, model_path), true, &st) != 0) return false;
  if (kind == 'f') return S_ISREG(st.st_mode);
  if (kind == 'd') return S_ISDIR(st.st_mode);
  return true;
}

/* ---- contexts and presence (rules/order) ---- */

bool rc_ctx_is_home(rc_check *cx, const rc_ctx *C) {
  for (size_t i = 0; i < cx->S->fragments.n; i++)
    if (cx->S->fragments.v[i].ctx == C) return false;
  return C != NULL;
}

rc_ctx *rc_find_ctx(rc_check *cx, rc_shell sh, rc_ctx_kind k) {
  for (size_t i = 0; i < cx->nctxs; i++)
    if (cx->ctxs[i]->shell == sh && cx->ctxs[i]->kind == k && rc_ctx_is_home(cx, cx->ctxs[i])) return cx->ctxs[i];
  return NULL;
}

uint32_t rc_shell_ctx_mask(rc_check *cx, rc_shell sh) {
  uint32_t m = 0;
  for (int k = 0; k < RC_CTX_COUNT; k++)
    if (rc_find_ctx(cx, sh, (rc_ctx_kind)k)) m |= 1u << k;
  return m;
}

const rc_visit *rc_event_startup_visit(const rc_ctx *C, const rc_event *ev) {
  int32_t v = ev ? ev->visit : -1;
  for (size_t guard = 0; v >= 0 && (size_t)v < C->visits.n && guard <= C->visits.n; guard++) {
    if (C->visits.v[v].parent < 0) return &C->visits.v[v];
    v = C->visits.v[v].parent;
  }
  return NULL;
}

void rc_event_startup_line(const rc_ctx *C, const rc_event *ev, const rc_file **file, rc_span *span) {
  *file = ev->file;
  *span = ev->span;
  int32_t v = ev->visit;
  for (size_t guard = 0; v >= 0 && (size_t)v < C->visits.n && guard <= C->visits.n; guard++) {
    const rc_visit *x = &C->visits.v[v];
    if (x->parent < 0) return;
    if (C->visits.v[x->parent].parent < 0) {
      *file = C->visits.v[x->parent].file;
      *span = x->via;
      return;
    }
    v = x->parent;
  }
}

/* Every alternative set (true), every one unset (false), else -1. */
static int set_everywhere(const rc_var *v) {
  if (!v || !v->nalts) return 0;
  int set = 0, unset = 0;
  for (uint32_t i = 0; i < v->nalts; i++) {
    if (v->alts[i].state == RC_VS_UNSET) unset++;
    else set++;
  }
  return unset && set ? -1 : set > 0;
}

static rc_presence *presence_item(rc_presences *out, size_t from, const rc_ctx *C, const rc_event *ev,
                                  const char *name, bool entry) {
  for (size_t i = from; i < out->n; i++) {
    rc_presence *p = &out->v[i];
    if (p->ev->file == ev->file && p->ev->span.start == ev->span.start && p->ev->span.end == ev->span.end &&
        !strcmp(p->name, name))
      return p;
  }
  rc_presence p = {C->shell, name, entry, C, ev, 0, 0};
  rc_vec_push(out, p);
  return &out->v[out->n - 1];
}

static void scan_vars(rc_check *cx, rc_ctx *const *by_kind, rc_presences *out) {
  rc_map seen = {0};
  for (int k = 0; k < RC_CTX_COUNT; k++) {
    const rc_ctx *C = by_kind[k];
    for (size_t n = 0; C && n < C->names.n; n++) {
      const char *name = C->names.v[n];
      if (!strcmp(name, "PATH") || rc_map_has(&seen, name)) continue;
      rc_map_put(&seen, name, (void *)1);
      size_t from = out->n;
      uint32_t missing = 0;
      for (int j = 0; j < RC_CTX_COUNT; j++) {
        const rc_ctx *D = by_kind[j];
        if (!D) continue;
        const rc_var *v = rc_ctx_var(D, name);
        int s = set_everywhere(v);
        if (s == 0) missing |= 1u << j;
        if (s != 1 || !rc_var_exported(v)) continue;
        const rc_event *ev = rc_alt_event(D, &v->alts[0]);
        if (!ev || !ev->file || !rc_user_file(cx, ev->file)) continue;
        presence_item(out, from, D, ev, name, false)->set |= 1u << j;
      }
      for (size_t i = from; i < out->n; i++) out->v[i].missing = missing;
    }
  }
  rc_map_free(&seen);
}

/* PATH entries of a context, all alternatives. */
typedef struct ctx_entries {
  rc_entries e;
  bool known; /* PATH is set on every path */
} ctx_entries;

/* Entries of ce before index i that the same line added. */
static size_t line_ordinal(const ctx_entries *ce, const rc_ctx *D, size_t i) {
  const rc_event *ev = ce->e.v[i].origin < D->events.n ? &D->events.v[ce->e.v[i].origin] : NULL;
  size_t o = 0;
  for (size_t j = 0; ev && j < i; j++) {
    const rc_event *ej = ce->e.v[j].origin < D->events.n ? &D->events.v[ce->e.v[j].origin] : NULL;
    if (ej && ej->file == ev->file && ej->span.start == ev->span.start) o++;
  }
  return o;
}

static bool has_entry(const ctx_entries *ce, const rc_ctx *D, const rc_presence *p, size_t ordinal) {
  for (size_t i = 0; i < ce->e.n; i++) {
    const rc_entry *x = &ce->e.v[i];
    if (!strcmp(x->text, p->name)) return true;
    const rc_event *ev = x->origin < D->events.n ? &D->events.v[x->origin] : NULL;
    /* the same line: the same entry when it has the same place among that line's entries */
    if (ev && ev->file == p->ev->file && ev->span.start == p->ev->span.start && line_ordinal(ce, D, i) == ordinal)
      return true;
  }
  return false;
}

static void scan_path(rc_check *cx, rc_ctx *const *by_kind, rc_presences *out) {
  ctx_entries ce[RC_CTX_COUNT];
  memset(ce, 0, sizeof ce);
  for (int k = 0; k < RC_CTX_COUNT; k++) {
    const rc_ctx *C = by_kind[k];
    const rc_var *v = C ? rc_ctx_var(C, "PATH") : NULL;
    if (!v) continue;
    ce[k].known = set_everywhere(v) == 1;
    for (uint32_t a = 0; a < v->nalts; a++)
      if (v->alts[a].val) rc_str_split(&cx->S->arena, v->alts[a].val, ':', &ce[k].e);
  }
  size_t from = out->n;
  RC_VEC(size_t) ords = {0};
  for (int k = 0; k < RC_CTX_COUNT; k++) {
    const rc_ctx *C = by_kind[k];
    for (size_t i = 0; C && i < ce[k].e.n; i++) {
      const rc_entry *x = &ce[k].e.v[i];
      const rc_event *ev = x->origin < C->events.n ? &C->events.v[x->origin] : NULL;
      if (!x->text[0] || !ev || !ev->file || !rc_user_file(cx, ev->file)) continue;
      size_t before = out->n;
      presence_item(out, from, C, ev, x->text, true)->set |= 1u << k;
      if (out->n > before) rc_vec_push(&ords, line_ordinal(&ce[k], C, i));
    }
  }
  for (size_t i = from; i < out->n; i++) {
    rc_presence *p = &out->v[i];
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (by_kind[k] && ce[k].known && !(p->set & (1u << k)) && !has_entry(&ce[k], by_kind[k], p, ords.v[i - from]))
        p->missing |= 1u << k;
  }
  rc_vec_free(&ords);
  for (int k = 0; k < RC_CTX_COUNT; k++) rc_vec_free(&ce[k].e);
}

void rc_presence_scan(rc_check *cx, rc_presences *out) {
  for (int sh = 0; sh < RC_SH_COUNT; sh++) {
    rc_ctx *by_kind[RC_CTX_COUNT];
    bool any = false;
    for (int k = 0; k < RC_CTX_COUNT; k++) any |= (by_kind[k] = rc_find_ctx(cx, (rc_shell)sh, (rc_ctx_kind)k)) != NULL;
    if (!any) continue;
    size_t from = out->n;
    scan_vars(cx, by_kind, out);
    scan_path(cx, by_kind, out);
    /* keep the items some context misses */
    size_t w = from;
    for (size_t i = from; i < out->n; i++)
      if (out->v[i].missing && out->v[i].set) out->v[w++] = out->v[i];
    out->n = w;
  }
}

bool *rc_presence_best(rc_check *cx, const rc_presences *ps) {
  bool *best = rc_xcalloc(ps->n + 1, sizeof(bool));
  rc_map at = {0}; /* "shell:entry:name" → index + 1 of the best so far */
  for (size_t i = 0; i < ps->n; i++) {
    const rc_presence *p = &ps->v[i];
    const char *key = rc_arena_printf(&cx->S->arena, "%d:%d:%s", (int)p->shell, (int)p->entry, p->name);
    size_t b = (size_t)(uintptr_t)rc_map_get(&at, key);
    if (!b || __builtin_popcount(p->set) > __builtin_popcount(ps->v[b - 1].set)) {
      if (b) best[b - 1] = false;
      best[i] = true;
      rc_map_put(&at, key, (void *)(uintptr_t)(i + 1));
    }
  }
  rc_map_free(&at);
  return best;
}

void rc_var_hist_init(rc_var_hist *h, const rc_ctx *C, const char *var) {
  h->ids = rc_ctx_var_events(C, var, &h->n);
  h->sufmin = rc_xmalloc(sizeof(uint32_t) * (h->n + 1));
  for (size_t i = h->n; i-- > 0;)
    h->sufmin[i] = i + 1 < h->n && h->sufmin[i + 1] < h->ids[i] ? h->sufmin[i + 1] : h->ids[i];
}

void rc_var_hist_free(rc_var_hist *h) {
  free(h->sufmin);
  h->sufmin = NULL;
}

const rc_event *rc_var_hist_before(const rc_ctx *C, const rc_var_hist *h, uint32_t id, const rc_cond *cond) {
  size_t lo = 0, hi = h->n;
  while (lo < hi) { /* the first position from which every id is >= id */
    size_t mid = lo + (hi - lo) / 2;
    if (h->sufmin[mid] < id) lo = mid + 1;
    else hi = mid;
  }
  while (lo-- > 0) {
    const rc_event *a = &C->events.v[h->ids[lo]];
    if (a->id < id && a->op != RC_OP_JOIN && !rc_cond_exclusive(a->cond, cond)) return a;
  }
  return NULL;
}

const rc_event *rc_ctx_event(const rc_ctx *C, uint32_t id) { return id < C->events.n ? &C->events.v[id] : NULL; }

const char *rc_exported_text(rc_session *S, const rc_ctx *C, const char *var, const rc_event **ev) {
  const rc_var *v = rc_ctx_var(C, var);
  *ev = NULL;
  if (rc_var_summary(v) != RC_SUM_SET || !rc_var_exported(v)) return NULL;
  *ev = rc_alt_event(C, &v->alts[0]);
  return rc_var_text(S, v);
}

void rc_exported_entries(rc_session *S, const rc_ctx *C, const char *var, rc_entries *out) {
  const rc_var *v = rc_ctx_var(C, var);
  if (rc_var_summary(v) == RC_SUM_SET && rc_var_exported(v)) rc_str_split(&S->arena, v->alts[0].val, ':', out);
}

bool rc_event_by_hand(rc_check *cx, const rc_event *ev, const char *var) {
  if (ev->manager || !rc_event_sets(ev) || !rc_user_file(cx, ev->file)) return false;
  const char *t = rc_span_text(cx->S, ev->file, ev->span);
  const char *p = strstr(t, var);
  return !(p && strstr(p + strlen(var), var));
}

rc_span rc_problem_span(const rc_problem *p) {
  rc_span at = p->span;
  if (!at.line) at.line = at.end_line = at.col = at.end_col = 1;
  return at;
}
