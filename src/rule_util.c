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

static bool guarded_in(const rc_stmts *ss, rc_span span, bool guarded, bool *found) {
  for (uint32_t i = 0; i < ss->n; i++) {
    bool g = guarded_stmt(ss->v[i], span, guarded, found);
    if (*found) return g;
  }
  return false;
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
  if (stat(rc_session_fs_path(S, model_path), &st) != 0) return false;
  if (kind == 'f') return S_ISREG(st.st_mode);
  if (kind == 'd') return S_ISDIR(st.st_mode);
  return true;
}
