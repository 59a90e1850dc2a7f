/* ir_shift.c — moves lowered statements to where their bytes are now.
 *
 * The language server keeps the statements of each unchanged piece of a
 * buffer from one version to the next (parse.c): when an edit before the
 * piece adds or removes bytes and lines, every span in it moves by the same
 * amount. Pieces begin at the start of a line, so columns never change.
 * Every span of ir.h is visited here. Some nodes are reachable twice (an
 * `export A=$x` item keeps its word and the assignment made of it, whose
 * parts are a copy pointing to the same nested words): each node pointer is
 * moved once, remembered in a set. */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

typedef struct shift {
  int64_t bytes, lines;
  const void **seen; /* open addressing, power-of-two capacity */
  size_t cap, n;
} shift;

/* True the first time p is offered. */
static bool first(shift *d, const void *p) {
  if ((d->n + 1) * 2 > d->cap) {
    size_t oc = d->cap;
    const void **old = d->seen;
    d->cap = oc ? oc * 2 : 256;
    d->seen = rc_xcalloc(d->cap, sizeof *d->seen);
    d->n = 0;
    for (size_t i = 0; i < oc; i++)
      if (old[i]) first(d, old[i]);
    free(old);
  }
  size_t h = ((uintptr_t)p >> 3) * 0x9E3779B97F4A7C15u;
  for (size_t i = h & (d->cap - 1);; i = (i + 1) & (d->cap - 1)) {
    if (d->seen[i] == p) return false;
    if (!d->seen[i]) {
      d->seen[i] = p;
      d->n++;
      return true;
    }
  }
}

static void sp(shift *d, rc_span *s) {
  if (!s->line) return; /* no span */
  s->start = (uint32_t)((int64_t)s->start + d->bytes);
  s->end = (uint32_t)((int64_t)s->end + d->bytes);
  s->line = (uint32_t)((int64_t)s->line + d->lines);
  s->end_line = (uint32_t)((int64_t)s->end_line + d->lines);
}

static void stmts(shift *d, rc_stmts *ss);
static void stmt(shift *d, rc_stmt *s);

static void word(shift *d, rc_word *w) {
  if (!w || !first(d, w)) return;
  sp(d, &w->span);
  for (uint32_t i = 0; i < w->nparts; i++) {
    rc_wpart *p = &w->parts[i];
    sp(d, &p->span);
    word(d, p->arg);
    word(d, p->arg2);
    stmts(d, &p->body);
  }
}

static void words(shift *d, rc_word **ws, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) word(d, ws[i]);
}

static void assign(shift *d, rc_assign *a) {
  if (!a || !first(d, a)) return;
  sp(d, &a->span);
  sp(d, &a->name_span);
  word(d, a->value);
  words(d, a->elems, a->nelems);
}

static void texpr(shift *d, rc_texpr *t) {
  if (!t || !first(d, t)) return;
  sp(d, &t->span);
  word(d, t->a);
  word(d, t->b);
  texpr(d, t->l);
  texpr(d, t->r);
}

static void stmts(shift *d, rc_stmts *ss) {
  for (uint32_t i = 0; i < ss->n; i++) stmt(d, ss->v[i]);
}

static void stmt(shift *d, rc_stmt *s) {
  if (!s || !first(d, s)) return;
  sp(d, &s->span);
  switch (s->kind) {
  case RC_S_ASSIGN:
    for (uint32_t i = 0; i < s->u.assign.n; i++) assign(d, s->u.assign.v[i]);
    break;
  case RC_S_DECL:
    for (uint32_t i = 0; i < s->u.decl.nitems; i++) {
      sp(d, &s->u.decl.items[i].span);
      assign(d, s->u.decl.items[i].assign);
      word(d, s->u.decl.items[i].word);
    }
    break;
  case RC_S_UNSET: words(d, s->u.unset.names, s->u.unset.n); break;
  case RC_S_SOURCE:
    word(d, s->u.source.cmd);
    word(d, s->u.source.path);
    words(d, s->u.source.args, s->u.source.nargs);
    break;
  case RC_S_EVAL: words(d, s->u.eval.args, s->u.eval.n); break;
  case RC_S_CMD:
    word(d, s->u.cmd.name);
    words(d, s->u.cmd.args, s->u.cmd.nargs);
    for (uint32_t i = 0; i < s->u.cmd.nenv; i++) assign(d, s->u.cmd.env[i]);
    break;
  case RC_S_FUNC:
    sp(d, &s->u.func.name_span);
    if (s->u.func.lazy || s->u.func.body_e) {
      s->u.func.body_a = (uint32_t)((int64_t)s->u.func.body_a + d->bytes);
      s->u.func.body_e = (uint32_t)((int64_t)s->u.func.body_e + d->bytes);
    }
    if (!s->u.func.lazy) stmt(d, s->u.func.body);
    break;
  case RC_S_IF:
    for (uint32_t i = 0; i < s->u.if_.n; i++) {
      stmts(d, &s->u.if_.clauses[i].cond);
      stmts(d, &s->u.if_.clauses[i].body);
      sp(d, &s->u.if_.clauses[i].span);
    }
    break;
  case RC_S_CASE:
    word(d, s->u.case_.subject);
    for (uint32_t i = 0; i < s->u.case_.n; i++) {
      words(d, s->u.case_.items[i].patterns, s->u.case_.items[i].npatterns);
      stmts(d, &s->u.case_.items[i].body);
      sp(d, &s->u.case_.items[i].span);
    }
    break;
  case RC_S_FOR:
    words(d, s->u.for_.words, s->u.for_.nwords);
    stmts(d, &s->u.for_.body);
    break;
  case RC_S_WHILE:
    stmts(d, &s->u.while_.cond);
    stmts(d, &s->u.while_.body);
    break;
  case RC_S_LIST:
    stmt(d, s->u.list.lhs);
    stmt(d, s->u.list.rhs);
    break;
  case RC_S_NOT: stmt(d, s->u.not_.inner); break;
  case RC_S_PIPE: stmts(d, &s->u.pipe.elems); break;
  case RC_S_SUBSHELL:
  case RC_S_GROUP: stmts(d, &s->u.group.body); break;
  case RC_S_TEST: texpr(d, s->u.test.expr); break;
  case RC_S_ARITH: word(d, s->u.arith.expr); break;
  case RC_S_ERROR: break;
  }
}

void rc_ir_shift(rc_ir *ir, int64_t bytes, int64_t lines) {
  shift d = {bytes, lines, NULL, 0, 0};
  stmts(&d, &ir->top);
  for (size_t i = 0; i < ir->errors.n; i++) sp(&d, &ir->errors.v[i].span);
  for (size_t i = 0; i < ir->directives.n; i++) sp(&d, &ir->directives.v[i].span);
  if (ir->first_cmd_line) ir->first_cmd_line = (uint32_t)((int64_t)ir->first_cmd_line + lines);
  free(d.seen);
}
