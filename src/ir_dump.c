/* ir_dump.c — a compact, stable text form of the IR for tests and debugging. */
#include "ir_dump.h"

#include <string.h>

#include "parse.h"

static void dump_word(rc_buf *b, const rc_word *w);
static void dump_stmts(rc_buf *b, const rc_stmts *s, int ind);

const char *rc_stmt_kind_name(rc_stmt_kind k) {
  static const char *const names[] = {
    [RC_S_ASSIGN] = "assign", [RC_S_DECL] = "decl", [RC_S_UNSET] = "unset",
    [RC_S_SOURCE] = "source", [RC_S_EVAL] = "eval", [RC_S_CMD] = "cmd",
    [RC_S_FUNC] = "func", [RC_S_IF] = "if", [RC_S_CASE] = "case", [RC_S_FOR] = "for",
    [RC_S_WHILE] = "while", [RC_S_LIST] = "list", [RC_S_NOT] = "not", [RC_S_PIPE] = "pipe",
    [RC_S_SUBSHELL] = "subshell", [RC_S_GROUP] = "group", [RC_S_TEST] = "test",
    [RC_S_ARITH] = "arith", [RC_S_ERROR] = "error",
  };
  return k < RC_ARRAY_LEN(names) && names[k] ? names[k] : "?";
}

static const char *pop_name(rc_pop p) {
  static const char *const n[] = {
    [RC_POP_NONE] = "", [RC_POP_DEFAULT] = "-", [RC_POP_ASSIGN_DEFAULT] = "=",
    [RC_POP_ALT] = "+", [RC_POP_ERROR] = "?", [RC_POP_LENGTH] = "len",
    [RC_POP_TRIM_PREFIX] = "#", [RC_POP_TRIM_SUFFIX] = "%", [RC_POP_REPLACE] = "/",
    [RC_POP_SUBSTR] = "substr", [RC_POP_CASE] = "case", [RC_POP_ISSET] = "isset",
    [RC_POP_FILTER] = "filter",
    [RC_POP_OTHER] = "other",
  };
  return n[p];
}

static void dump_str(rc_buf *b, const char *s, uint32_t n) {
  rc_buf_putc(b, '"');
  for (uint32_t i = 0; i < n; i++) {
    char c = s[i];
    if (c == '"' || c == '\\') rc_buf_putc(b, '\\'), rc_buf_putc(b, c);
    else if (c == '\n') rc_buf_puts(b, "\\n");
    else rc_buf_putc(b, c);
  }
  rc_buf_putc(b, '"');
}

static void dump_part(rc_buf *b, const rc_wpart *p) {
  const char *q = p->quote == RC_Q_DOUBLE ? "dq:" : p->quote == RC_Q_SINGLE ? "sq:" : "";
  switch (p->kind) {
  case RC_WP_LIT:
    rc_buf_puts(b, q);
    dump_str(b, p->text, p->len);
    break;
  case RC_WP_PARAM:
    rc_buf_printf(b, "%s$%s", q, p->name ? p->name : "?");
    if (p->subscript) rc_buf_printf(b, "[%s]", p->subscript);
    if (p->op != RC_POP_NONE) {
      rc_buf_printf(b, "{%s%s%s", p->colon ? ":" : "", pop_name(p->op), p->longest ? "!" : "");
      if (p->arg) rc_buf_putc(b, ' '), dump_word(b, p->arg);
      if (p->arg2) rc_buf_putc(b, ' '), dump_word(b, p->arg2);
      rc_buf_putc(b, '}');
    }
    break;
  case RC_WP_CMDSUB:
    rc_buf_printf(b, "%scmdsub(%u stmts)", q, p->body.n);
    break;
  case RC_WP_ARITH: rc_buf_printf(b, "%sarith", q); break;
  case RC_WP_PROCSUB: rc_buf_printf(b, "procsub(%u stmts)", p->body.n); break;
  case RC_WP_OPAQUE: rc_buf_printf(b, "%sopaque", q); break;
  }
}

static void dump_word(rc_buf *b, const rc_word *w) {
  if (!w) {
    rc_buf_puts(b, "<none>");
    return;
  }
  rc_buf_putc(b, '[');
  for (uint32_t i = 0; i < w->nparts; i++) {
    if (i) rc_buf_putc(b, ' ');
    dump_part(b, &w->parts[i]);
  }
  rc_buf_putc(b, ']');
}

static void dump_assign(rc_buf *b, const rc_assign *a) {
  rc_buf_puts(b, a->name);
  if (a->index) rc_buf_printf(b, "[%s]", a->index);
  rc_buf_puts(b, a->append ? "+=" : "=");
  if (a->array) {
    rc_buf_putc(b, '(');
    for (uint32_t i = 0; i < a->nelems; i++) {
      if (i) rc_buf_putc(b, ' ');
      dump_word(b, a->elems[i]);
    }
    rc_buf_putc(b, ')');
  } else {
    dump_word(b, a->value);
  }
}

static void dump_tx(rc_buf *b, const rc_texpr *t) {
  switch (t->kind) {
  case RC_TX_WORD: dump_word(b, t->a); break;
  case RC_TX_UNARY: rc_buf_printf(b, "(%s ", t->op); dump_word(b, t->a); rc_buf_putc(b, ')'); break;
  case RC_TX_BINARY:
    rc_buf_putc(b, '(');
    dump_word(b, t->a);
    rc_buf_printf(b, " %s%s ", t->op, t->pattern_rhs ? "pat" : "");
    dump_word(b, t->b);
    rc_buf_putc(b, ')');
    break;
  case RC_TX_NOT: rc_buf_puts(b, "(! "); dump_tx(b, t->l); rc_buf_putc(b, ')'); break;
  case RC_TX_AND: case RC_TX_OR:
    rc_buf_puts(b, t->kind == RC_TX_AND ? "(and " : "(or ");
    dump_tx(b, t->l);
    rc_buf_putc(b, ' ');
    dump_tx(b, t->r);
    rc_buf_putc(b, ')');
    break;
  case RC_TX_UNKNOWN: rc_buf_puts(b, "(unknown)"); break;
  }
}

static void indent(rc_buf *b, int ind) {
  for (int i = 0; i < ind; i++) rc_buf_puts(b, "  ");
}

static void dump_stmt(rc_buf *b, const rc_stmt *s, int ind) {
  indent(b, ind);
  rc_buf_printf(b, "%u:%u %s", s->span.line, s->span.col, rc_stmt_kind_name(s->kind));
  if (s->background) rc_buf_puts(b, " &");
  if (s->redirected) rc_buf_puts(b, " >");
  switch (s->kind) {
  case RC_S_ASSIGN:
    for (uint32_t i = 0; i < s->u.assign.n; i++) rc_buf_putc(b, ' '), dump_assign(b, s->u.assign.v[i]);
    break;
  case RC_S_DECL:
    rc_buf_printf(b, " %s set=%x clear=%x", s->u.decl.cmd_name, s->u.decl.set_flags, s->u.decl.clear_flags);
    for (uint32_t i = 0; i < s->u.decl.nitems; i++) {
      const rc_decl_item *it = &s->u.decl.items[i];
      rc_buf_putc(b, ' ');
      if (it->assign) dump_assign(b, it->assign);
      else if (it->name) rc_buf_puts(b, it->name);
      else dump_word(b, it->word);
    }
    break;
  case RC_S_UNSET:
    for (uint32_t i = 0; i < s->u.unset.n; i++) rc_buf_putc(b, ' '), dump_word(b, s->u.unset.names[i]);
    break;
  case RC_S_SOURCE:
    rc_buf_putc(b, ' ');
    dump_word(b, s->u.source.path);
    break;
  case RC_S_EVAL:
    for (uint32_t i = 0; i < s->u.eval.n; i++) rc_buf_putc(b, ' '), dump_word(b, s->u.eval.args[i]);
    break;
  case RC_S_CMD:
    if (s->u.cmd.builtin) rc_buf_printf(b, " builtin=%d", (int)s->u.cmd.builtin);
    for (uint32_t i = 0; i < s->u.cmd.nenv; i++) rc_buf_puts(b, " env:"), dump_assign(b, s->u.cmd.env[i]);
    rc_buf_putc(b, ' ');
    dump_word(b, s->u.cmd.name);
    for (uint32_t i = 0; i < s->u.cmd.nargs; i++) rc_buf_putc(b, ' '), dump_word(b, s->u.cmd.args[i]);
    break;
  case RC_S_FUNC:
    rc_buf_printf(b, " %s\n", s->u.func.name);
    if (s->u.func.body) dump_stmt(b, s->u.func.body, ind + 1);
    return;
  case RC_S_IF:
    rc_buf_putc(b, '\n');
    for (uint32_t i = 0; i < s->u.if_.n; i++) {
      const rc_if_clause *c = &s->u.if_.clauses[i];
      indent(b, ind + 1);
      rc_buf_puts(b, c->cond.n ? "cond:\n" : "else:\n");
      dump_stmts(b, &c->cond, ind + 2);
      if (c->cond.n) indent(b, ind + 1), rc_buf_puts(b, "then:\n");
      dump_stmts(b, &c->body, ind + 2);
    }
    return;
  case RC_S_CASE:
    rc_buf_putc(b, ' ');
    dump_word(b, s->u.case_.subject);
    rc_buf_putc(b, '\n');
    for (uint32_t i = 0; i < s->u.case_.n; i++) {
      const rc_case_item *it = &s->u.case_.items[i];
      indent(b, ind + 1);
      for (uint32_t j = 0; j < it->npatterns; j++) {
        if (j) rc_buf_puts(b, " | ");
        dump_word(b, it->patterns[j]);
      }
      rc_buf_printf(b, ") term=%d\n", it->term);
      dump_stmts(b, &it->body, ind + 2);
    }
    return;
  case RC_S_FOR:
    rc_buf_printf(b, " %s%s", s->u.for_.var ? s->u.for_.var : "(c)", s->u.for_.in_list ? " in" : "");
    for (uint32_t i = 0; i < s->u.for_.nwords; i++) rc_buf_putc(b, ' '), dump_word(b, s->u.for_.words[i]);
    rc_buf_putc(b, '\n');
    dump_stmts(b, &s->u.for_.body, ind + 1);
    return;
  case RC_S_WHILE:
    rc_buf_puts(b, s->u.while_.until ? " until\n" : "\n");
    dump_stmts(b, &s->u.while_.cond, ind + 1);
    indent(b, ind), rc_buf_puts(b, "do:\n");
    dump_stmts(b, &s->u.while_.body, ind + 1);
    return;
  case RC_S_LIST:
    rc_buf_puts(b, s->u.list.is_or ? " ||\n" : " &&\n");
    dump_stmt(b, s->u.list.lhs, ind + 1);
    dump_stmt(b, s->u.list.rhs, ind + 1);
    return;
  case RC_S_NOT:
    rc_buf_putc(b, '\n');
    dump_stmt(b, s->u.not_.inner, ind + 1);
    return;
  case RC_S_PIPE:
    rc_buf_putc(b, '\n');
    dump_stmts(b, &s->u.pipe.elems, ind + 1);
    return;
  case RC_S_SUBSHELL:
  case RC_S_GROUP:
    rc_buf_putc(b, '\n');
    dump_stmts(b, &s->u.group.body, ind + 1);
    return;
  case RC_S_TEST:
    rc_buf_puts(b, s->u.test.double_bracket ? " [[ " : " [ ");
    dump_tx(b, s->u.test.expr);
    break;
  case RC_S_ARITH:
    rc_buf_putc(b, ' ');
    dump_str(b, s->u.arith.text, s->u.arith.len);
    break;
  case RC_S_ERROR:
    break;
  }
  rc_buf_putc(b, '\n');
}

static void dump_stmts(rc_buf *b, const rc_stmts *s, int ind) {
  for (uint32_t i = 0; i < s->n; i++) dump_stmt(b, s->v[i], ind);
}

void rc_ir_dump(const rc_ir *ir, rc_buf *b) {
  rc_ir_force(ir); /* a dump shows every body */
  dump_stmts(b, &ir->top, 0);
  for (size_t i = 0; i < ir->errors.n; i++)
    rc_buf_printf(b, "parse-error %u:%u-%u:%u%s\n", ir->errors.v[i].span.line, ir->errors.v[i].span.col,
                  ir->errors.v[i].span.end_line, ir->errors.v[i].span.end_col,
                  ir->errors.v[i].to_eof ? " to-eof" : "");
  for (size_t i = 0; i < ir->directives.n; i++)
    rc_buf_printf(b, "directive %u: %s%s\n", ir->directives.v[i].span.line, ir->directives.v[i].text,
                  ir->directives.v[i].own_line ? " (own line)" : "");
}
