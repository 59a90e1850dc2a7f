/* lower_word.c — words: literal text with the shell's quote removal,
 * parameter expansions ${…} with their operators and operands, command and
 * process substitutions, $((…)), $'…'. Words are lowered by walking a
 * node's byte range: named children become parts, the gaps between them (and
 * anonymous tokens) become literal text. That keeps lowering robust to
 * grammar quirks such as `[ -f ~/x ]`, where the grammar sees an arithmetic
 * `~` operator. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lower_int.h"

static rc_span span_join(rc_span a, rc_span b) {
  rc_span s = a;
  s.end = b.end;
  s.end_line = b.end_line;
  s.end_col = b.end_col;
  return s;
}

static void add_lit(L *l, partvec *out, const char *s, uint32_t n, rc_quote q, rc_span sp) {
  if (!n) return;
  /* Merge with a preceding literal of the same quoting. */
  if (out->n && out->v[out->n - 1].kind == RC_WP_LIT && out->v[out->n - 1].quote == q) {
    rc_wpart *p = &out->v[out->n - 1];
    char *t = rc_arena_alloc(l->A, p->len + n + 1);
    memcpy(t, p->text, p->len);
    memcpy(t + p->len, s, n);
    p->text = t;
    p->len += n;
    p->span = span_join(p->span, sp);
    return;
  }
  rc_wpart p = {0};
  p.kind = RC_WP_LIT;
  p.quote = q;
  p.span = sp;
  p.text = rc_arena_strndup(l->A, s, n);
  p.len = n;
  rc_vec_push(out, p);
}

/* The span of the source bytes [a, b). */
static rc_span span_at(L *l, uint32_t a, uint32_t b) {
  if (l->snippet_at) return *l->snippet_at;
  rc_span sp;
  memset(&sp, 0, sizeof sp);
  sp.start = a;
  sp.end = b;
  rc_source_pos(l->ir->src, a, &sp.line, &sp.col);
  rc_source_pos(l->ir->src, b, &sp.end_line, &sp.end_col);
  return sp;
}

/* Literal source bytes [a, b) in quoting context q, with backslashes removed
 * the way the shell removes them there. */
static void add_src_lit(L *l, partvec *out, uint32_t a, uint32_t b, rc_quote q) {
  if (b > l->len) b = l->len;
  if (a >= b) return;
  rc_span sp = span_at(l, a, b);
  const char *s = l->orig + a;
  uint32_t n = b - a;
  if (!memchr(s, '\\', n) || q == RC_Q_SINGLE) {
    add_lit(l, out, s, n, q, sp);
    return;
  }
  char *t = rc_xmalloc(n + 1);
  uint32_t m = 0, from = a;
  for (uint32_t i = 0; i < n; i++) {
    if (s[i] == '\\' && i + 1 < n) {
      char c = s[i + 1];
      if (c == '\n') { i++; continue; }
      if (q == RC_Q_NONE && strchr("*?[]\\~(|)!@+", c)) {
        /* `\*`, `\~`: the byte is quoted, as if in '…' (a pattern, a glob,
         * a tilde prefix take it literally) */
        add_lit(l, out, t, m, q, span_at(l, from, a + i));
        add_lit(l, out, &c, 1, RC_Q_SINGLE, span_at(l, a + i, a + i + 2));
        m = 0, from = a + i + 2;
        i++;
        continue;
      }
      if (q == RC_Q_NONE || c == '$' || c == '`' || c == '"' || c == '\\') {
        t[m++] = c;
        i++;
        continue;
      }
    }
    t[m++] = s[i];
  }
  add_lit(l, out, t, m, q, from == a ? sp : span_at(l, from, b));
  free(t);
}

/* A part of kind k for node n, its text left to the caller. */
static rc_wpart new_part(L *l, TSNode n, rc_wpart_kind k, rc_quote q) {
  rc_wpart p = {0};
  p.kind = k;
  p.quote = q;
  p.span = lw_span_of(l, n);
  return p;
}

/* The same with the node's source text as written. */
static rc_wpart text_part(L *l, TSNode n, rc_wpart_kind k, rc_quote q) {
  rc_wpart p = new_part(l, n, k, q);
  uint32_t tl;
  const char *t = lw_text_of(l, n, &tl);
  p.text = rc_arena_strndup(l->A, t, tl);
  p.len = tl;
  return p;
}

/* An empty part of kind k: '' and "" stay visible as (empty) words. */
static void push_empty(L *l, partvec *out, TSNode n, rc_wpart_kind k, rc_quote q) {
  rc_wpart p = new_part(l, n, k, q);
  p.text = "";
  rc_vec_push(out, p);
}

static void word_parts(L *l, TSNode n, rc_quote q, partvec *out);

/* The word of the parts in pv (freed here) and the source bytes [a, b). */
static rc_word *finish_word(L *l, partvec *pv, rc_span sp, uint32_t a, uint32_t b) {
  rc_word *w = rc_arena_alloc(l->A, sizeof *w);
  w->span = sp;
  lw_vec_move(l, pv, w->parts, w->nparts);
  if (b > l->len) b = l->len;
  w->raw = rc_arena_strndup(l->A, l->orig + (a < b ? a : b), a < b ? b - a : 0);
  return w;
}

/* Parts for the bytes [a, b) of `parent`: named children inside become parts,
 * everything else is literal. Children that straddle the window are entered,
 * so a window may cut across the grammar's nesting. */
static void range_parts_at(L *l, TSNode parent, uint32_t a, uint32_t b, rc_quote q, partvec *out, uint32_t *at,
                           int depth) {
  uint32_t nk;
  kid *ks = lw_kids_copy(l, parent, &nk);
  for (uint32_t i = 0; i < nk; i++) {
    uint32_t s = ts_node_start_byte(ks[i].n), e = ts_node_end_byte(ks[i].n);
    if (e <= *at || s >= b || e <= a) continue;
    if (!ks[i].named || ks[i].k == N_COMMENT) continue;
    if (s >= *at && s >= a && e <= b) {
      add_src_lit(l, out, *at, s, q);
      word_parts(l, ks[i].n, q, out);
      *at = e;
    } else if (depth < LW_MAX_DEPTH && ts_node_child_count(ks[i].n)) {
      range_parts_at(l, ks[i].n, a, b, q, out, at, depth + 1);
    }
  }
  free(ks);
}

static void range_parts(L *l, TSNode parent, uint32_t a, uint32_t b, rc_quote q, partvec *out) {
  uint32_t at = a;
  range_parts_at(l, parent, a, b, q, out, &at, 0);
  add_src_lit(l, out, at, b, q);
}

rc_word *lw_range_word(L *l, TSNode parent, uint32_t a, uint32_t b, rc_quote q) {
  partvec pv = {0};
  range_parts(l, parent, a, b, q, &pv);
  return finish_word(l, &pv, span_at(l, a, b), a, b);
}

rc_word *lw_word(L *l, TSNode n, rc_quote q) {
  partvec pv = {0};
  word_parts(l, n, q, &pv);
  return finish_word(l, &pv, lw_span_of(l, n), ts_node_start_byte(n), ts_node_end_byte(n));
}

const char *lw_word_lit(const rc_word *w) {
  if (!w || w->nparts != 1 || w->parts[0].kind != RC_WP_LIT) return NULL;
  return w->parts[0].text;
}

static rc_pop pop_of(const char *t, uint32_t n, bool *colon, bool *longest) {
  *colon = n > 0 && t[0] == ':';
  *longest = false;
  char s[4] = {0};
  if (n > 3) return RC_POP_OTHER;
  memcpy(s, t, n);
  if (!strcmp(s, ":-") || !strcmp(s, "-")) return RC_POP_DEFAULT;
  if (!strcmp(s, ":=") || !strcmp(s, "=")) return RC_POP_ASSIGN_DEFAULT;
  if (!strcmp(s, ":+") || !strcmp(s, "+")) return RC_POP_ALT;
  if (!strcmp(s, ":?") || !strcmp(s, "?")) return RC_POP_ERROR;
  if (!strcmp(s, "#") || !strcmp(s, "##")) return *longest = n == 2, RC_POP_TRIM_PREFIX;
  if (!strcmp(s, "%") || !strcmp(s, "%%")) return *longest = n == 2, RC_POP_TRIM_SUFFIX;
  if (!strcmp(s, "/") || !strcmp(s, "//") || !strcmp(s, "/#") || !strcmp(s, "/%"))
    return *longest = !strcmp(s, "//"), RC_POP_REPLACE;
  if (!strcmp(s, ":")) return *colon = false, RC_POP_SUBSTR;
  if (s[0] == '^' || s[0] == ',') return RC_POP_CASE;
  return RC_POP_OTHER;
}

/* ${…}: name, operator and operand(s). */
static void lower_expansion(L *l, TSNode n, rc_quote q, partvec *out) {
  rc_wpart p = text_part(l, n, RC_WP_PARAM, q);
  const char *t = p.text;
  uint32_t tl = p.len;
  if (tl > 2 && t[2] == '(') p.zsh_flags = true;
  /* zsh ${name:#pattern}: tree-sitter-bash reads `#` as a special variable,
   * so the operator is found in the text. */
  uint32_t nl = 0;
  while (2 + nl < tl && (isalnum((unsigned char)t[2 + nl]) || t[2 + nl] == '_')) nl++;
  if (nl && !isdigit((unsigned char)t[2]) && 2 + nl + 2 < tl && t[2 + nl] == ':' && t[3 + nl] == '#' &&
      t[tl - 1] == '}') {
    uint32_t a = ts_node_start_byte(n);
    p.name = rc_arena_strndup(l->A, t + 2, nl);
    p.op = RC_POP_FILTER;
    p.arg = lw_range_word(l, n, a + 4 + nl, a + tl - 1, q == RC_Q_DOUBLE ? RC_Q_DOUBLE : RC_Q_NONE);
    rc_vec_push(out, p);
    return;
  }
  uint32_t nk;
  kid *ks = lw_kids_copy(l, n, &nk);
  bool have_name = false, have_op = false;
  uint32_t arg_start = 0, arg_end = 0, arg2_start = 0;
  bool have_arg2 = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!have_op && !have_name && !k->named) {
      if (lw_tok_is(l, k->n, "#")) p.op = RC_POP_LENGTH;
      else if (lw_tok_is(l, k->n, "!")) p.op = RC_POP_OTHER;
      else if (lw_tok_is(l, k->n, "+")) p.op = RC_POP_ISSET;
      continue;
    }
    if (!have_name && (k->k == N_VARIABLE_NAME || k->k == N_SPECIAL_VAR)) {
      p.name = lw_dup_text(l, k->n);
      have_name = true;
      continue;
    }
    if (!have_name && k->k == N_SUBSCRIPT) {
      TSNode nm = ts_node_child_by_field_name(k->n, "name", 4);
      TSNode ix = ts_node_child_by_field_name(k->n, "index", 5);
      if (!ts_node_is_null(nm)) p.name = lw_dup_text(l, nm);
      if (!ts_node_is_null(ix)) p.subscript = lw_dup_text(l, ix);
      have_name = p.name != NULL;
      continue;
    }
    if (have_name && !have_op && !k->named && !lw_tok_is(l, k->n, "}")) {
      uint32_t ol;
      const char *ot = lw_text_of(l, k->n, &ol);
      p.op = pop_of(ot, ol, &p.colon, &p.longest);
      have_op = true;
      arg_start = ts_node_end_byte(k->n);
      arg_end = arg_start;
      continue;
    }
    if (have_op) {
      if (!k->named && lw_tok_is(l, k->n, "}")) break;
      if (!k->named && (p.op == RC_POP_REPLACE || p.op == RC_POP_SUBSTR) && !have_arg2 &&
          (lw_tok_is(l, k->n, "/") || lw_tok_is(l, k->n, ":"))) {
        have_arg2 = true;
        arg2_start = ts_node_end_byte(k->n);
        continue;
      }
      if (!have_arg2) arg_end = ts_node_end_byte(k->n);
    }
  }
  uint32_t close = ts_node_end_byte(n) > 0 ? ts_node_end_byte(n) - 1 : 0;
  if (have_op && p.op != RC_POP_LENGTH && p.op != RC_POP_ISSET) {
    rc_quote aq = q == RC_Q_DOUBLE ? RC_Q_DOUBLE : RC_Q_NONE;
    if (have_arg2) {
      p.arg = lw_range_word(l, n, arg_start, arg_end, aq);
      p.arg2 = lw_range_word(l, n, arg2_start, close, aq);
    } else {
      p.arg = lw_range_word(l, n, arg_start, close, aq);
    }
  }
  if (!have_name) {
    p.op = RC_POP_OTHER;
    p.name = NULL;
  }
  if (p.zsh_flags) p.op = RC_POP_OTHER;
  free(ks);
  rc_vec_push(out, p);
}

static void word_parts(L *l, TSNode n, rc_quote q, partvec *out) {
  if (++l->depth > LW_MAX_DEPTH) {
    l->ir->too_deep = true;
    push_empty(l, out, n, RC_WP_OPAQUE, q);
    l->depth--;
    return;
  }
  nkind k = lw_kind_of(l, n);
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  switch (k) {
  case N_WORD:
  case N_NUMBER:
  case N_STRING_CONTENT:
  case N_VARIABLE_NAME:
  case N_EXTGLOB:
  case N_REGEX:
  case N_TEST_OP:
    if (ts_node_named_child_count(n) == 0) add_src_lit(l, out, a, b, q);
    else range_parts(l, n, a, b, q, out);
    break;
  case N_RAW_STRING:
    if (b - a >= 2) add_src_lit(l, out, a + 1, b - 1, RC_Q_SINGLE);
    else add_lit(l, out, "", 0, RC_Q_SINGLE, lw_span_of(l, n));
    if (b - a == 2) push_empty(l, out, n, RC_WP_LIT, RC_Q_SINGLE); /* '' */
    break;
  case N_ANSI_C: {
    /* $'…': decode the common escapes. */
    uint32_t len;
    const char *t = lw_text_of(l, n, &len);
    rc_buf bb = {0};
    for (uint32_t i = 2; i + 1 < len; i++) {
      char c = t[i];
      if (c == '\\' && i + 2 < len) {
        char e = t[++i];
        switch (e) {
        case 'n': rc_buf_putc(&bb, '\n'); break;
        case 't': rc_buf_putc(&bb, '\t'); break;
        case 'e': case 'E': rc_buf_putc(&bb, 27); break;
        case 'a': rc_buf_putc(&bb, 7); break;
        case 'r': rc_buf_putc(&bb, '\r'); break;
        default: rc_buf_putc(&bb, e); break;
        }
      } else {
        rc_buf_putc(&bb, c);
      }
    }
    rc_wpart p = new_part(l, n, RC_WP_LIT, RC_Q_SINGLE);
    p.text = rc_arena_strndup(l->A, bb.s ? bb.s : "", bb.n);
    p.len = (uint32_t)bb.n;
    rc_buf_free(&bb);
    rc_vec_push(out, p);
    break;
  }
  case N_STRING:
  case N_TRANSLATED: {
    /* "…": the range between the quotes, in double-quote context. */
    uint32_t s = a + (k == N_TRANSLATED ? 2 : 1), e = b > a + 1 ? b - 1 : b;
    if (k == N_TRANSLATED) {
      TSNode inner = ts_node_named_child(n, 0);
      if (!ts_node_is_null(inner)) {
        word_parts(l, inner, q, out);
        break;
      }
    }
    size_t before = out->n;
    range_parts(l, n, s, e, RC_Q_DOUBLE, out);
    if (out->n == before) push_empty(l, out, n, RC_WP_LIT, RC_Q_DOUBLE); /* "" */
    break;
  }
  case N_SIMPLE_EXP: {
    rc_wpart p = text_part(l, n, RC_WP_PARAM, q);
    TSNode nm = ts_node_named_child(n, 0);
    if (!ts_node_is_null(nm)) p.name = lw_dup_text(l, nm);
    else if (p.len > 1) p.name = rc_arena_strndup(l->A, p.text + 1, p.len - 1);
    if (!p.name) p.op = RC_POP_OTHER;
    uint32_t nd = 0; /* `$1x`: tree-sitter takes the whole run for a name */
    while (p.name && 1 + nd < p.len && p.text[1 + nd] >= '0' && p.text[1 + nd] <= '9' && (l->zsh || !nd)) nd++;
    if (nd && 1 + nd < p.len) { /* bash: $12 is ${1}2; zsh: ${12} */
      p.name = rc_arena_strndup(l->A, p.text + 1, nd);
      p.text = rc_arena_strndup(l->A, p.text, 1 + nd);
      p.len = 1 + nd;
      p.span = span_at(l, a, a + 1 + nd);
      rc_vec_push(out, p);
      add_src_lit(l, out, a + 1 + nd, b, q);
      break;
    }
    rc_vec_push(out, p);
    break;
  }
  case N_EXPANSION:
    lower_expansion(l, n, q, out);
    break;
  case N_CMDSUB:
  case N_PROCSUB: {
    rc_wpart p = text_part(l, n, k == N_CMDSUB ? RC_WP_CMDSUB : RC_WP_PROCSUB, q);
    p.body = lw_body_of(l, n);
    rc_vec_push(out, p);
    break;
  }
  case N_ARITH_EXP: {
    rc_wpart p = text_part(l, n, RC_WP_ARITH, q);
    /* The expression, with its parameter expansions as parts. */
    if (p.len >= 5 && !memcmp(p.text, "$((", 3) && !memcmp(p.text + p.len - 2, "))", 2))
      p.arg = lw_range_word(l, n, a + 3, b - 2, RC_Q_NONE);
    rc_vec_push(out, p);
    break;
  }
  case N_BRACE_EXP: {
    rc_wpart p = text_part(l, n, RC_WP_OPAQUE, q);
    rc_vec_push(out, p);
    break;
  }
  default:
    /* concatenation and anything else: children in place, gaps literal */
    range_parts(l, n, a, b, q, out);
    break;
  }
  l->depth--;
}
