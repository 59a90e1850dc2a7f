/* lower_test.c — test expressions: `[[ … ]]` from the grammar's expression
 * tree, `[ … ]` and `test …` from their argument words (recursive descent,
 * as the shell reads them). */
#include <stdlib.h>
#include <string.h>

#include "lower_int.h"

static rc_texpr *new_tx(L *l, rc_texpr_kind k, rc_span sp) {
  rc_texpr *t = rc_arena_alloc(l->A, sizeof *t);
  t->kind = k;
  t->span = sp;
  return t;
}

/* The operand after `op`, up to the end of n, without the blanks before it
 * (lw_range_word keeps them as literal text). */
static rc_word *operand_after(L *l, TSNode n, TSNode op) {
  rc_word *w = lw_range_word(l, n, ts_node_end_byte(op), ts_node_end_byte(n), RC_Q_NONE);
  if (w->nparts && w->parts[0].kind == RC_WP_LIT && w->parts[0].quote == RC_Q_NONE) {
    rc_wpart *p = &w->parts[0];
    while (p->len && (p->text[0] == ' ' || p->text[0] == '\t')) p->text++, p->len--;
  }
  return w;
}

static rc_texpr *lower_texpr(L *l, TSNode n, bool dbl) {
  if (++l->depth > LW_MAX_DEPTH) {
    l->ir->too_deep = true;
    l->depth--;
    return new_tx(l, RC_TX_UNKNOWN, lw_span_of(l, n));
  }
  nkind k = lw_kind_of(l, n);
  rc_texpr *t = NULL;
  if (k == N_BINARY) {
    TSNode op = ts_node_child_by_field_name(n, "operator", 8);
    TSNode lh = ts_node_child_by_field_name(n, "left", 4);
    TSNode rh = ts_node_child_by_field_name(n, "right", 5);
    bool is_and = !ts_node_is_null(op) && (lw_tok_is(l, op, "&&") || lw_tok_is(l, op, "-a"));
    if (ts_node_is_null(op) || ts_node_is_null(lh) || ts_node_is_null(rh)) {
      t = new_tx(l, RC_TX_UNKNOWN, lw_span_of(l, n));
    } else if (is_and || lw_tok_is(l, op, "||") || lw_tok_is(l, op, "-o")) {
      t = new_tx(l, is_and ? RC_TX_AND : RC_TX_OR, lw_span_of(l, n));
      t->l = lower_texpr(l, lh, dbl);
      t->r = lower_texpr(l, rh, dbl);
    } else {
      t = new_tx(l, RC_TX_BINARY, lw_span_of(l, n));
      t->op = lw_dup_text(l, op);
      t->a = lw_word(l, lh, RC_Q_NONE);
      t->b = operand_after(l, n, op); /* the right side runs to the end */
      t->pattern_rhs = dbl && (!strcmp(t->op, "==") || !strcmp(t->op, "=") || !strcmp(t->op, "!="));
    }
  } else if (k == N_UNARY) {
    TSNode op = ts_node_child_by_field_name(n, "operator", 8);
    if (!ts_node_is_null(op) && lw_tok_is(l, op, "!")) {
      t = new_tx(l, RC_TX_NOT, lw_span_of(l, n));
      TSNode inner = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
      t->l = ts_node_is_null(inner) ? new_tx(l, RC_TX_UNKNOWN, lw_span_of(l, n)) : lower_texpr(l, inner, dbl);
    } else if (!ts_node_is_null(op) && lw_kind_of(l, op) == N_TEST_OP) {
      t = new_tx(l, RC_TX_UNARY, lw_span_of(l, n));
      t->op = lw_dup_text(l, op);
      t->a = operand_after(l, n, op);
    } else {
      t = new_tx(l, RC_TX_WORD, lw_span_of(l, n));
      t->a = lw_word(l, n, RC_Q_NONE);
    }
  } else if (k == N_PAREN) {
    TSNode inner = ts_node_named_child(n, 0);
    t = ts_node_is_null(inner) ? new_tx(l, RC_TX_UNKNOWN, lw_span_of(l, n)) : lower_texpr(l, inner, dbl);
  } else if (k == N_ERROR) {
    t = new_tx(l, RC_TX_UNKNOWN, lw_span_of(l, n));
  } else {
    t = new_tx(l, RC_TX_WORD, lw_span_of(l, n));
    t->a = lw_word(l, n, RC_Q_NONE);
  }
  l->depth--;
  return t;
}

/* POSIX `test`/`[` arguments → expression (recursive descent). */
typedef struct targs {
  rc_word **w;
  uint32_t n, i;
} targs;

static const char *targ_lit(targs *ta, uint32_t i) { return i < ta->n ? lw_word_lit(ta->w[i]) : NULL; }

static bool is_unary_op(const char *s) {
  return s && s[0] == '-' && s[1] && !s[2] && strchr("abcdefghknoprstuwxzGLNOS", s[1]);
}

static bool is_binary_op(const char *s) {
  static const char *const ops[] = {"=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
                                    "-nt", "-ot", "-ef", "<", ">", "=~"};
  if (!s) return false;
  for (size_t i = 0; i < RC_ARRAY_LEN(ops); i++)
    if (!strcmp(s, ops[i])) return true;
  return false;
}

static rc_texpr *targs_expr(L *l, targs *ta, rc_span sp, int depth, bool is_or);

static rc_texpr *targs_prim(L *l, targs *ta, rc_span sp, int depth) {
  if (depth > 64 || ta->i >= ta->n) return new_tx(l, RC_TX_UNKNOWN, sp);
  const char *s = targ_lit(ta, ta->i);
  if (s && !strcmp(s, "!")) {
    ta->i++;
    rc_texpr *t = new_tx(l, RC_TX_NOT, sp);
    t->l = targs_prim(l, ta, sp, depth + 1);
    return t;
  }
  if (s && !strcmp(s, "(")) {
    ta->i++;
    rc_texpr *t = targs_expr(l, ta, sp, depth + 1, true);
    if (targ_lit(ta, ta->i) && !strcmp(targ_lit(ta, ta->i), ")")) ta->i++;
    return t;
  }
  if (ta->i + 2 < ta->n && is_binary_op(targ_lit(ta, ta->i + 1))) {
    rc_texpr *t = new_tx(l, RC_TX_BINARY, sp);
    t->a = ta->w[ta->i];
    t->op = targ_lit(ta, ta->i + 1);
    t->b = ta->w[ta->i + 2];
    ta->i += 3;
    return t;
  }
  if (is_unary_op(s) && ta->i + 1 < ta->n) {
    rc_texpr *t = new_tx(l, RC_TX_UNARY, sp);
    t->op = s;
    t->a = ta->w[ta->i + 1];
    ta->i += 2;
    return t;
  }
  rc_texpr *t = new_tx(l, RC_TX_WORD, sp);
  t->a = ta->w[ta->i++];
  return t;
}

/* `a -o b …` (or) over `a -a b …` (and, binding tighter) over primaries. */
static rc_texpr *targs_expr(L *l, targs *ta, rc_span sp, int depth, bool is_or) {
  const char *op = is_or ? "-o" : "-a";
  rc_texpr *t = is_or ? targs_expr(l, ta, sp, depth, false) : targs_prim(l, ta, sp, depth);
  while (ta->i < ta->n && targ_lit(ta, ta->i) && !strcmp(targ_lit(ta, ta->i), op)) {
    ta->i++;
    rc_texpr *x = new_tx(l, is_or ? RC_TX_OR : RC_TX_AND, sp);
    x->l = t;
    x->r = is_or ? targs_expr(l, ta, sp, depth + 1, false) : targs_prim(l, ta, sp, depth + 1);
    t = x;
  }
  return t;
}

rc_texpr *rc_lower_test_args(rc_arena *A, rc_word **w, uint32_t n, rc_span sp) {
  L l;
  memset(&l, 0, sizeof l);
  l.A = A;
  targs ta = {w, n, 0};
  rc_texpr *t = n ? targs_expr(&l, &ta, sp, 0, true) : NULL;
  /* no arguments, or some left over: not understood */
  return t && ta.i >= ta.n ? t : new_tx(&l, RC_TX_UNKNOWN, sp);
}

/* The arguments of `[ … ]` as the shell splits them: the leaves of the
 * grammar's expression tree in source order, byte-adjacent leaves joined. */
static bool is_leaf(nkind k) {
  switch (k) {
  case N_WORD: case N_STRING: case N_RAW_STRING: case N_ANSI_C: case N_TRANSLATED: case N_CONCAT:
  case N_SIMPLE_EXP: case N_EXPANSION: case N_CMDSUB: case N_ARITH_EXP: case N_PROCSUB: case N_NUMBER:
  case N_TEST_OP: case N_EXTGLOB: case N_REGEX: case N_VARIABLE_NAME: case N_BRACE_EXP:
    return true;
  default:
    return false;
  }
}

typedef struct leaf {
  uint32_t a, b;
} leaf;
typedef RC_VEC(leaf) leafvec;

static void collect_leaves(L *l, TSNode n, leafvec *out, int depth) {
  uint32_t nk;
  kid *ks = lw_kids_copy(l, n, &nk);
  for (uint32_t i = 0; i < nk; i++) {
    TSNode c = ks[i].n;
    uint32_t a = ts_node_start_byte(c), b = ts_node_end_byte(c);
    if (!ks[i].named || is_leaf(ks[i].k) || depth > LW_MAX_DEPTH) {
      if (!ks[i].named && (lw_tok_is(l, c, "[") || lw_tok_is(l, c, "]"))) continue;
      if (b > a) rc_vec_push(out, ((leaf){a, b}));
    } else {
      collect_leaves(l, c, out, depth + 1);
    }
  }
  free(ks);
}

static void test_words(L *l, TSNode n, wordvec *out) {
  leafvec lv = {0};
  collect_leaves(l, n, &lv, 0);
  for (size_t i = 0; i < lv.n;) {
    uint32_t a = lv.v[i].a, b = lv.v[i].b;
    size_t j = i + 1;
    while (j < lv.n && lv.v[j].a == b) b = lv.v[j++].b;
    rc_vec_push(out, lw_range_word(l, n, a, b, RC_Q_NONE));
    i = j;
  }
  rc_vec_free(&lv);
}

/* The condition of `[ … ]` or `[[ … ]]` (node n). */
rc_texpr *lw_test_expr(L *l, TSNode n, bool double_bracket, rc_span sp) {
  if (!double_bracket) {
    /* `[ … ]` is a command with arguments: the grammar's expression tree
     * gets `-a`/`-o` precedence wrong, so re-read it as words. */
    wordvec words = {0};
    test_words(l, n, &words);
    rc_texpr *t = rc_lower_test_args(l->A, words.v, (uint32_t)words.n, sp);
    rc_vec_free(&words);
    return t;
  }
  TSNode e = ts_node_named_child(n, 0);
  return ts_node_is_null(e) ? new_tx(l, RC_TX_UNKNOWN, sp) : lower_texpr(l, e, true);
}
