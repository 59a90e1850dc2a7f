/* lower.c — tree-sitter-bash tree → rc IR.
 *
 * The only place (with parse.c) that knows tree-sitter node types. Words are
 * lowered by walking a node's byte range: named children become parts, the
 * gaps between them (and anonymous tokens) become literal text. That keeps
 * lowering robust to grammar quirks such as `[ -f ~/x ]`, where the grammar
 * sees an arithmetic `~` operator. */
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

#include <ctype.h>
#include "lower.h"

enum { MAX_DEPTH = 200 };

typedef enum nkind {
  N_OTHER = 0,
  N_PROGRAM, N_COMMENT, N_ERROR,
  N_COMMAND, N_COMMAND_NAME, N_DECL, N_UNSET, N_VAR_ASSIGN, N_VAR_ASSIGNS,
  N_REDIRECTED, N_IF, N_ELIF, N_ELSE, N_WHILE, N_FOR, N_CFOR, N_CASE,
  N_CASE_ITEM, N_FUNC, N_LIST, N_PIPELINE, N_NEGATED, N_SUBSHELL,
  N_COMPOUND, N_DO_GROUP, N_TEST,
  N_WORD, N_STRING, N_RAW_STRING, N_ANSI_C, N_TRANSLATED, N_CONCAT,
  N_SIMPLE_EXP, N_EXPANSION, N_CMDSUB, N_ARITH_EXP, N_PROCSUB, N_NUMBER,
  N_VARIABLE_NAME, N_SPECIAL_VAR, N_SUBSCRIPT, N_STRING_CONTENT, N_ARRAY,
  N_BINARY, N_UNARY, N_PAREN, N_TERNARY, N_POSTFIX, N_HEREDOC_BODY, N_FILE_REDIRECT,
  N_HEREDOC_REDIRECT, N_HERESTRING, N_TEST_OP, N_EXTGLOB, N_REGEX,
  N_BRACE_EXP,
  N_COUNT
} nkind;

/* Node type names the lowering knows, sorted by name (strcmp order): the
 * symbol table is mapped with a binary search, once per parse. */
typedef struct kind_name {
  const char *name;
  nkind k;
} kind_name;
static const kind_name kind_names[] = {
  {"ERROR", N_ERROR}, {"ansi_c_string", N_ANSI_C}, {"arithmetic_expansion", N_ARITH_EXP}, {"array", N_ARRAY},
  {"binary_expression", N_BINARY}, {"brace_expression", N_BRACE_EXP}, {"c_style_for_statement", N_CFOR},
  {"case_item", N_CASE_ITEM}, {"case_statement", N_CASE}, {"command", N_COMMAND},
  {"command_name", N_COMMAND_NAME}, {"command_substitution", N_CMDSUB}, {"comment", N_COMMENT},
  {"compound_statement", N_COMPOUND}, {"concatenation", N_CONCAT}, {"declaration_command", N_DECL},
  {"do_group", N_DO_GROUP}, {"elif_clause", N_ELIF}, {"else_clause", N_ELSE}, {"expansion", N_EXPANSION},
  {"extglob_pattern", N_EXTGLOB}, {"file_redirect", N_FILE_REDIRECT}, {"for_statement", N_FOR},
  {"function_definition", N_FUNC}, {"heredoc_body", N_HEREDOC_BODY},
  {"heredoc_redirect", N_HEREDOC_REDIRECT}, {"herestring_redirect", N_HERESTRING}, {"if_statement", N_IF},
  {"list", N_LIST}, {"negated_command", N_NEGATED}, {"number", N_NUMBER},
  {"parenthesized_expression", N_PAREN}, {"pipeline", N_PIPELINE}, {"postfix_expression", N_POSTFIX},
  {"process_substitution", N_PROCSUB}, {"program", N_PROGRAM}, {"raw_string", N_RAW_STRING},
  {"redirected_statement", N_REDIRECTED}, {"regex", N_REGEX}, {"simple_expansion", N_SIMPLE_EXP},
  {"special_variable_name", N_SPECIAL_VAR}, {"string", N_STRING}, {"string_content", N_STRING_CONTENT},
  {"subscript", N_SUBSCRIPT}, {"subshell", N_SUBSHELL}, {"ternary_expression", N_TERNARY},
  {"test_command", N_TEST}, {"test_operator", N_TEST_OP}, {"translated_string", N_TRANSLATED},
  {"unary_expression", N_UNARY}, {"unset_command", N_UNSET}, {"variable_assignment", N_VAR_ASSIGN},
  {"variable_assignments", N_VAR_ASSIGNS}, {"variable_name", N_VARIABLE_NAME}, {"while_statement", N_WHILE},
  {"word", N_WORD},
};

typedef struct kid {
  TSNode n;
  nkind k;
  bool named;
  const char *field;
} kid;

typedef RC_VEC(kid) kidvec;
typedef RC_VEC(rc_wpart) partvec;
typedef RC_VEC(rc_stmt *) stmtvec;
typedef RC_VEC(rc_decl_item) itemvec;
typedef RC_VEC(rc_word *) wordvec;
typedef RC_VEC(rc_assign *) assignvec;

/* An arena copy of a vector's items; NULL when it has none. */
#define vec_copy(l, vec) ((vec).n ? rc_arena_memdup((l)->A, (vec).v, sizeof *(vec).v * (vec).n) : NULL)

typedef struct L {
  rc_ir *ir;
  rc_arena *A;
  const char *text; /* bytes the tree was parsed from (maybe pre-passed) */
  const char *orig; /* the original bytes (same length) */
  uint32_t len;
  const rc_span *snippet_at; /* eval snippet: every span is this one */
  uint8_t *kinds;   /* TSSymbol → nkind */
  uint32_t nsyms;
  int depth;
  TSTreeCursor cursor; /* reused by kids(): one allocation per file */
  kidvec scratch[MAX_DEPTH + 8];
} L;

/* ---- small helpers ---- */

static nkind kind_of(L *l, TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  if (ts_node_is_error(n)) return N_ERROR;
  return s < l->nsyms ? (nkind)l->kinds[s] : N_OTHER;
}

static rc_span span_of(L *l, TSNode n) {
  if (l->snippet_at) return *l->snippet_at;
  rc_span s;
  TSPoint a = ts_node_start_point(n), b = ts_node_end_point(n);
  s.start = ts_node_start_byte(n);
  s.end = ts_node_end_byte(n);
  s.line = a.row + 1;
  s.col = a.column + 1;
  s.end_line = b.row + 1;
  s.end_col = b.column + 1;
  return s;
}

static rc_span span_join(rc_span a, rc_span b) {
  rc_span s = a;
  s.end = b.end;
  s.end_line = b.end_line;
  s.end_col = b.end_col;
  return s;
}

static const char *text_of(L *l, TSNode n, uint32_t *len) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (b > l->len) b = l->len;
  if (a > b) a = b;
  if (len) *len = b - a;
  return l->orig + a;
}

static char *dup_text(L *l, TSNode n) {
  uint32_t len;
  const char *t = text_of(l, n, &len);
  return rc_arena_strndup(l->A, t, len);
}

static bool tok_is(L *l, TSNode n, const char *s) {
  uint32_t len;
  const char *t = text_of(l, n, &len);
  return strlen(s) == len && memcmp(t, s, len) == 0;
}

/* Children of n, in order, into a per-depth scratch vector (valid until the
 * next call at the same depth). Uses a cursor: ts_node_child(i) is O(i).
 * Field names cost a lookup per child: only callers that read them ask. */
static kidvec *kids(L *l, TSNode n, bool fields) {
  int d = l->depth < 0 ? 0 : (l->depth > MAX_DEPTH + 7 ? MAX_DEPTH + 7 : l->depth);
  kidvec *v = &l->scratch[d];
  v->n = 0;
  TSTreeCursor *c = &l->cursor;
  ts_tree_cursor_reset(c, n);
  if (ts_tree_cursor_goto_first_child(c)) {
    do {
      kid k;
      k.n = ts_tree_cursor_current_node(c);
      k.k = kind_of(l, k.n);
      k.named = ts_node_is_named(k.n);
      k.field = fields ? ts_tree_cursor_current_field_name(c) : NULL;
      rc_vec_push(v, k);
    } while (ts_tree_cursor_goto_next_sibling(c));
  }
  return v;
}

/* Copies the scratch kids so the caller can recurse while iterating. */
static kid *kids_copy_as(L *l, TSNode n, uint32_t *count, bool fields) {
  kidvec *v = kids(l, n, fields);
  *count = (uint32_t)v->n;
  kid *out = rc_xmalloc(sizeof(kid) * (v->n ? v->n : 1));
  if (v->n) memcpy(out, v->v, sizeof(kid) * v->n);
  return out;
}

static kid *kids_copy(L *l, TSNode n, uint32_t *count) { return kids_copy_as(l, n, count, false); }
/* The same with each child's field name. */
static kid *kids_fields(L *l, TSNode n, uint32_t *count) { return kids_copy_as(l, n, count, true); }

static bool is_stmt_kind(nkind k) {
  switch (k) {
  case N_COMMAND: case N_DECL: case N_UNSET: case N_VAR_ASSIGN: case N_VAR_ASSIGNS:
  case N_REDIRECTED: case N_IF: case N_WHILE: case N_FOR: case N_CFOR: case N_CASE:
  case N_FUNC: case N_LIST: case N_PIPELINE: case N_NEGATED: case N_SUBSHELL:
  case N_COMPOUND: case N_TEST:
    return true;
  default:
    return false;
  }
}

static bool is_name_char(char c, bool first) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* ---- words ---- */

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
  uint32_t m = 0;
  for (uint32_t i = 0; i < n; i++) {
    if (s[i] == '\\' && i + 1 < n) {
      char c = s[i + 1];
      if (c == '\n') { i++; continue; }
      if (q == RC_Q_NONE || c == '$' || c == '`' || c == '"' || c == '\\') {
        t[m++] = c;
        i++;
        continue;
      }
    }
    t[m++] = s[i];
  }
  add_lit(l, out, t, m, q, sp);
  free(t);
}

/* A part of kind k for node n, its text left to the caller. */
static rc_wpart new_part(L *l, TSNode n, rc_wpart_kind k, rc_quote q) {
  rc_wpart p = {0};
  p.kind = k;
  p.quote = q;
  p.span = span_of(l, n);
  return p;
}

/* The same with the node's source text as written. */
static rc_wpart text_part(L *l, TSNode n, rc_wpart_kind k, rc_quote q) {
  rc_wpart p = new_part(l, n, k, q);
  uint32_t tl;
  const char *t = text_of(l, n, &tl);
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
static rc_stmts lower_body_of(L *l, TSNode n);

/* The word of the parts in pv (freed here) and the source bytes [a, b). */
static rc_word *finish_word(L *l, partvec *pv, rc_span sp, uint32_t a, uint32_t b) {
  rc_word *w = rc_arena_alloc(l->A, sizeof *w);
  w->span = sp;
  w->nparts = (uint32_t)pv->n;
  w->parts = vec_copy(l, *pv);
  if (b > l->len) b = l->len;
  w->raw = rc_arena_strndup(l->A, l->orig + (a < b ? a : b), a < b ? b - a : 0);
  rc_vec_free(pv);
  return w;
}

/* Parts for the bytes [a, b) of `parent`: named children inside become parts,
 * everything else is literal. Children that straddle the window are entered,
 * so a window may cut across the grammar's nesting. */
static void range_parts_at(L *l, TSNode parent, uint32_t a, uint32_t b, rc_quote q, partvec *out, uint32_t *at,
                           int depth) {
  uint32_t nk;
  kid *ks = kids_copy(l, parent, &nk);
  for (uint32_t i = 0; i < nk; i++) {
    uint32_t s = ts_node_start_byte(ks[i].n), e = ts_node_end_byte(ks[i].n);
    if (e <= *at || s >= b || e <= a) continue;
    if (!ks[i].named || ks[i].k == N_COMMENT) continue;
    if (s >= *at && s >= a && e <= b) {
      add_src_lit(l, out, *at, s, q);
      word_parts(l, ks[i].n, q, out);
      *at = e;
    } else if (depth < MAX_DEPTH && ts_node_child_count(ks[i].n)) {
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

static rc_word *range_word(L *l, TSNode parent, uint32_t a, uint32_t b, rc_quote q) {
  partvec pv = {0};
  range_parts(l, parent, a, b, q, &pv);
  return finish_word(l, &pv, span_at(l, a, b), a, b);
}

static rc_word *lower_word(L *l, TSNode n, rc_quote q) {
  partvec pv = {0};
  word_parts(l, n, q, &pv);
  return finish_word(l, &pv, span_of(l, n), ts_node_start_byte(n), ts_node_end_byte(n));
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
    p.arg = range_word(l, n, a + 4 + nl, a + tl - 1, q == RC_Q_DOUBLE ? RC_Q_DOUBLE : RC_Q_NONE);
    rc_vec_push(out, p);
    return;
  }
  uint32_t nk;
  kid *ks = kids_copy(l, n, &nk);
  bool have_name = false, have_op = false;
  uint32_t arg_start = 0, arg_end = 0, arg2_start = 0;
  bool have_arg2 = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!have_op && !have_name && !k->named) {
      if (tok_is(l, k->n, "#")) p.op = RC_POP_LENGTH;
      else if (tok_is(l, k->n, "!")) p.op = RC_POP_OTHER;
      else if (tok_is(l, k->n, "+")) p.op = RC_POP_ISSET;
      continue;
    }
    if (!have_name && (k->k == N_VARIABLE_NAME || k->k == N_SPECIAL_VAR)) {
      p.name = dup_text(l, k->n);
      have_name = true;
      continue;
    }
    if (!have_name && k->k == N_SUBSCRIPT) {
      TSNode nm = ts_node_child_by_field_name(k->n, "name", 4);
      TSNode ix = ts_node_child_by_field_name(k->n, "index", 5);
      if (!ts_node_is_null(nm)) p.name = dup_text(l, nm);
      if (!ts_node_is_null(ix)) p.subscript = dup_text(l, ix);
      have_name = p.name != NULL;
      continue;
    }
    if (have_name && !have_op && !k->named && !tok_is(l, k->n, "}")) {
      uint32_t ol;
      const char *ot = text_of(l, k->n, &ol);
      p.op = pop_of(ot, ol, &p.colon, &p.longest);
      have_op = true;
      arg_start = ts_node_end_byte(k->n);
      arg_end = arg_start;
      continue;
    }
    if (have_op) {
      if (!k->named && tok_is(l, k->n, "}")) break;
      if (!k->named && (p.op == RC_POP_REPLACE || p.op == RC_POP_SUBSTR) && !have_arg2 &&
          (tok_is(l, k->n, "/") || tok_is(l, k->n, ":"))) {
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
      p.arg = range_word(l, n, arg_start, arg_end, aq);
      p.arg2 = range_word(l, n, arg2_start, close, aq);
    } else {
      p.arg = range_word(l, n, arg_start, close, aq);
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
  if (++l->depth > MAX_DEPTH) {
    l->ir->too_deep = true;
    push_empty(l, out, n, RC_WP_OPAQUE, q);
    l->depth--;
    return;
  }
  nkind k = kind_of(l, n);
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
    else add_lit(l, out, "", 0, RC_Q_SINGLE, span_of(l, n));
    if (b - a == 2) push_empty(l, out, n, RC_WP_LIT, RC_Q_SINGLE); /* '' */
    break;
  case N_ANSI_C: {
    /* $'…': decode the common escapes. */
    uint32_t len;
    const char *t = text_of(l, n, &len);
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
    if (!ts_node_is_null(nm)) p.name = dup_text(l, nm);
    else if (p.len > 1) p.name = rc_arena_strndup(l->A, p.text + 1, p.len - 1);
    if (!p.name) p.op = RC_POP_OTHER;
    rc_vec_push(out, p);
    break;
  }
  case N_EXPANSION:
    lower_expansion(l, n, q, out);
    break;
  case N_CMDSUB:
  case N_PROCSUB: {
    rc_wpart p = text_part(l, n, k == N_CMDSUB ? RC_WP_CMDSUB : RC_WP_PROCSUB, q);
    p.body = lower_body_of(l, n);
    rc_vec_push(out, p);
    break;
  }
  case N_ARITH_EXP: {
    rc_wpart p = text_part(l, n, RC_WP_ARITH, q);
    /* The expression, with its parameter expansions as parts. */
    if (p.len >= 5 && !memcmp(p.text, "$((", 3) && !memcmp(p.text + p.len - 2, "))", 2))
      p.arg = range_word(l, n, a + 3, b - 2, RC_Q_NONE);
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

/* ---- statements ---- */

static rc_stmt *lower_stmt(L *l, TSNode n);

static rc_stmt *new_stmt(L *l, rc_stmt_kind k, TSNode n) {
  rc_stmt *s = rc_arena_alloc(l->A, sizeof *s);
  s->kind = k;
  s->span = span_of(l, n);
  return s;
}

static rc_stmts finish_stmts(L *l, stmtvec *v) {
  rc_stmts s;
  s.n = (uint32_t)v->n;
  s.v = vec_copy(l, *v);
  rc_vec_free(v);
  return s;
}

static void note_comment(L *l, TSNode n) {
  uint32_t len;
  const char *t = text_of(l, n, &len);
  /* "# rccheck …" (also "#rccheck") */
  uint32_t i = 1;
  while (i < len && (t[i] == ' ' || t[i] == '\t')) i++;
  if (len - i < 7 || memcmp(t + i, "rccheck", 7) != 0) return;
  i += 7;
  if (i < len && t[i] != ' ' && t[i] != '\t' && t[i] != ':') return;
  while (i < len && (t[i] == ' ' || t[i] == '\t' || t[i] == ':')) i++;
  rc_directive d;
  d.span = span_of(l, n);
  d.text = rc_arena_strndup(l->A, t + i, len - i);
  uint32_t a = ts_node_start_byte(n);
  d.own_line = true;
  for (uint32_t j = a; j > 0 && l->orig[j - 1] != '\n'; j--)
    if (l->orig[j - 1] != ' ' && l->orig[j - 1] != '\t') {
      d.own_line = false;
      break;
    }
  rc_vec_push(&l->ir->directives, d);
}

/* Statements among the children [from, to) of a node. ERROR children are
 * recorded and the statements they still contain are recovered. */
static void stmts_from_kids(L *l, kid *ks, uint32_t from, uint32_t to, stmtvec *out) {
  for (uint32_t i = from; i < to; i++) {
    kid *k = &ks[i];
    if (k->k == N_COMMENT) {
      note_comment(l, k->n);
      continue;
    }
    if (k->k == N_ERROR) {
      uint32_t nk;
      kid *inner = kids_copy(l, k->n, &nk);
      l->depth++;
      stmts_from_kids(l, inner, 0, nk, out);
      l->depth--;
      free(inner);
      continue;
    }
    if (!k->named || !is_stmt_kind(k->k)) continue;
    rc_stmt *s = lower_stmt(l, k->n);
    if (!s) continue;
    if (i + 1 < to && !ks[i + 1].named && tok_is(l, ks[i + 1].n, "&")) s->background = true;
    rc_vec_push(out, s);
  }
}

static rc_stmts lower_body_of(L *l, TSNode n) {
  stmtvec v = {0};
  uint32_t nk;
  l->depth++;
  kid *ks = kids_copy(l, n, &nk);
  stmts_from_kids(l, ks, 0, nk, &v);
  free(ks);
  l->depth--;
  return finish_stmts(l, &v);
}

/* The same for children already listed (the root's, also counted below). */
static rc_stmts lower_body_kids(L *l, kid *ks, uint32_t nk) {
  stmtvec v = {0};
  l->depth++;
  stmts_from_kids(l, ks, 0, nk, &v);
  l->depth--;
  return finish_stmts(l, &v);
}

/* NAME=value (variable_assignment node). */
static rc_assign *lower_assign(L *l, TSNode n) {
  rc_assign *a = rc_arena_alloc(l->A, sizeof *a);
  a->span = span_of(l, n);
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  bool seen_op = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!seen_op && k->field && !strcmp(k->field, "name")) {
      a->name_span = span_of(l, k->n);
      if (k->k == N_SUBSCRIPT) {
        TSNode nm = ts_node_child_by_field_name(k->n, "name", 4);
        TSNode ix = ts_node_child_by_field_name(k->n, "index", 5);
        a->name = ts_node_is_null(nm) ? dup_text(l, k->n) : dup_text(l, nm);
        if (!ts_node_is_null(ix)) a->index = dup_text(l, ix);
      } else {
        a->name = dup_text(l, k->n);
      }
      continue;
    }
    if (!seen_op && !k->named && (tok_is(l, k->n, "=") || tok_is(l, k->n, "+="))) {
      seen_op = true;
      a->append = tok_is(l, k->n, "+=");
      continue;
    }
    if (seen_op && k->k == N_ARRAY) {
      a->array = true;
      uint32_t ne;
      kid *es = kids_copy(l, k->n, &ne);
      wordvec ev = {0};
      for (uint32_t j = 0; j < ne; j++) {
        if (es[j].k == N_COMMENT) {
          note_comment(l, es[j].n);
          continue;
        }
        if (!es[j].named) continue;
        rc_vec_push(&ev, lower_word(l, es[j].n, RC_Q_NONE));
      }
      a->nelems = (uint32_t)ev.n;
      a->elems = vec_copy(l, ev);
      rc_vec_free(&ev);
      free(es);
      continue;
    }
    if (seen_op && k->named && k->k != N_COMMENT && !a->value) {
      /* The value runs from here to the end of the assignment node. */
      a->value = range_word(l, n, ts_node_start_byte(k->n), ts_node_end_byte(n), RC_Q_NONE);
    }
  }
  if (!a->name) a->name = "";
  free(ks);
  return a;
}

/* An argument word of the form NAME=value / NAME+=value (integer x=1,
 * export "A=b" …) turned into an assignment; NULL if it is not one. */
static rc_assign *assign_from_word(L *l, rc_word *w) {
  if (!w->nparts || w->parts[0].kind != RC_WP_LIT) return NULL;
  const char *t = w->parts[0].text;
  uint32_t n = w->parts[0].len, i = 0;
  while (i < n && is_name_char(t[i], i == 0)) i++;
  if (i == 0 || i >= n) return NULL;
  bool append = false;
  if (t[i] == '+' && i + 1 < n && t[i + 1] == '=') append = true;
  else if (t[i] != '=') return NULL;
  rc_assign *a = rc_arena_alloc(l->A, sizeof *a);
  a->span = w->span;
  a->name_span = w->span;
  a->name = rc_arena_strndup(l->A, t, i);
  a->append = append;
  uint32_t skip = i + (append ? 2 : 1);
  rc_word *v = rc_arena_alloc(l->A, sizeof *v);
  *v = *w;
  v->parts = rc_arena_memdup(l->A, w->parts, sizeof(rc_wpart) * w->nparts);
  v->parts[0].text += skip;
  v->parts[0].len -= skip;
  if (v->parts[0].len == 0 && v->nparts > 1) {
    v->parts++;
    v->nparts--;
  }
  const char *eq = strchr(w->raw, '=');
  v->raw = eq ? eq + 1 : w->raw;
  a->value = v;
  return a;
}

static uint32_t parse_flags(const char *t, rc_decl_cmd cmd, uint32_t *set, uint32_t *clear) {
  bool plus = t[0] == '+';
  uint32_t f = 0;
  for (const char *p = t + 1; *p; p++) {
    switch (*p) {
    case 'x': f |= RC_F_EXPORT; break;
    case 'U': f |= RC_F_UNIQUE; break;
    case 'g': f |= RC_F_GLOBAL; break;
    case 'a': f |= RC_F_ARRAY; break;
    case 'A': f |= RC_F_ASSOC; break;
    case 'r': f |= RC_F_READONLY; break;
    case 'i': f |= RC_F_INTEGER; break;
    case 'T': f |= RC_F_TIED; break;
    case 'f': case 'F': f |= RC_F_FUNCS; break;
    case 'p': f |= RC_F_PRINT; break;
    case 'n':
      if (cmd == RC_D_EXPORT) { /* export -n: remove the export attribute */
        *clear |= RC_F_EXPORT;
        *set &= ~(uint32_t)RC_F_EXPORT;
        continue;
      }
      f |= RC_F_NAMEREF;
      break;
    default: f |= RC_F_OTHER; break;
    }
  }
  if (plus) *clear |= f;
  else *set |= f;
  return f;
}

static rc_decl_cmd decl_cmd_of(const char *name) {
  if (!strcmp(name, "export")) return RC_D_EXPORT;
  if (!strcmp(name, "local")) return RC_D_LOCAL;
  if (!strcmp(name, "readonly")) return RC_D_READONLY;
  if (!strcmp(name, "integer") || !strcmp(name, "float")) return RC_D_INTEGER;
  return RC_D_TYPESET;
}

static void decl_init(rc_stmt *s, const char *name) {
  s->u.decl.cmd_name = name;
  s->u.decl.cmd = decl_cmd_of(name);
  if (s->u.decl.cmd == RC_D_EXPORT) s->u.decl.set_flags |= RC_F_EXPORT;
  if (s->u.decl.cmd == RC_D_READONLY) s->u.decl.set_flags |= RC_F_READONLY;
  if (s->u.decl.cmd == RC_D_INTEGER) s->u.decl.set_flags |= RC_F_INTEGER;
}

static bool word_is_flag(const rc_word *w) {
  return w->nparts == 1 && w->parts[0].kind == RC_WP_LIT && w->parts[0].quote == RC_Q_NONE &&
         w->parts[0].len >= 2 && (w->parts[0].text[0] == '-' || w->parts[0].text[0] == '+');
}

static void decl_add_word(L *l, rc_stmt *s, itemvec *items, rc_word *w) {
  if (word_is_flag(w)) {
    parse_flags(w->parts[0].text, s->u.decl.cmd, &s->u.decl.set_flags, &s->u.decl.clear_flags);
    return;
  }
  rc_decl_item it = {0};
  it.span = w->span;
  it.word = w;
  it.assign = assign_from_word(l, w);
  if (it.assign) {
    it.name = it.assign->name;
  } else if (w->nparts == 1 && w->parts[0].kind == RC_WP_LIT) {
    const char *t = w->parts[0].text;
    uint32_t i = 0;
    while (i < w->parts[0].len && is_name_char(t[i], i == 0)) i++;
    if (i && i == w->parts[0].len) it.name = w->parts[0].text;
  }
  rc_vec_push(items, it);
}

/* Gives the declaration its items (the vector is freed). */
static void decl_finish(L *l, rc_stmt *s, itemvec *items) {
  s->u.decl.nitems = (uint32_t)items->n;
  s->u.decl.items = vec_copy(l, *items);
  rc_vec_free(items);
}

static rc_stmt *lower_decl(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_DECL, n);
  uint32_t nk;
  kid *ks = kids_copy(l, n, &nk);
  itemvec items = {0};
  bool have_cmd = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!have_cmd && !k->named) {
      decl_init(s, dup_text(l, k->n));
      have_cmd = true;
      continue;
    }
    if (k->k == N_COMMENT) continue;
    if (!k->named) continue;
    if (k->k == N_VAR_ASSIGN) {
      rc_decl_item it = {0};
      it.assign = lower_assign(l, k->n);
      it.name = it.assign->name;
      it.span = it.assign->span;
      rc_vec_push(&items, it);
    } else if (k->k == N_VARIABLE_NAME) {
      rc_decl_item it = {0};
      it.name = dup_text(l, k->n);
      it.span = span_of(l, k->n);
      rc_vec_push(&items, it);
    } else {
      decl_add_word(l, s, &items, lower_word(l, k->n, RC_Q_NONE));
    }
  }
  if (!have_cmd) decl_init(s, "typeset");
  decl_finish(l, s, &items);
  free(ks);
  return s;
}

/* Gives `unset` its names (the vector is freed). */
static void unset_finish(L *l, rc_stmt *s, wordvec *names) {
  s->u.unset.n = (uint32_t)names->n;
  s->u.unset.names = vec_copy(l, *names);
  rc_vec_free(names);
}

static rc_stmt *lower_unset(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_UNSET, n);
  uint32_t nk;
  kid *ks = kids_copy(l, n, &nk);
  wordvec names = {0};
  for (uint32_t i = 0; i < nk; i++) {
    if (!ks[i].named || ks[i].k == N_COMMENT) continue;
    rc_word *w = lower_word(l, ks[i].n, RC_Q_NONE);
    if (word_is_flag(w)) {
      for (const char *p = w->parts[0].text + 1; *p; p++) {
        if (*p == 'f') s->u.unset.flags |= RC_F_FUNCS;
        else if (*p == 'v') s->u.unset.flags |= RC_F_VARS;
        else if (*p == 'n') s->u.unset.flags |= RC_F_NAMEREF;
      }
      continue;
    }
    rc_vec_push(&names, w);
  }
  unset_finish(l, s, &names);
  free(ks);
  return s;
}

/* ---- test expressions ---- */

static rc_texpr *new_tx(L *l, rc_texpr_kind k, rc_span sp) {
  rc_texpr *t = rc_arena_alloc(l->A, sizeof *t);
  t->kind = k;
  t->span = sp;
  return t;
}

/* The operand after `op`, up to the end of n, without the blanks before it
 * (range_word keeps them as literal text). */
static rc_word *operand_after(L *l, TSNode n, TSNode op) {
  rc_word *w = range_word(l, n, ts_node_end_byte(op), ts_node_end_byte(n), RC_Q_NONE);
  if (w->nparts && w->parts[0].kind == RC_WP_LIT && w->parts[0].quote == RC_Q_NONE) {
    rc_wpart *p = &w->parts[0];
    while (p->len && (p->text[0] == ' ' || p->text[0] == '\t')) p->text++, p->len--;
  }
  return w;
}

static rc_texpr *lower_texpr(L *l, TSNode n, bool dbl) {
  if (++l->depth > MAX_DEPTH) {
    l->ir->too_deep = true;
    l->depth--;
    return new_tx(l, RC_TX_UNKNOWN, span_of(l, n));
  }
  nkind k = kind_of(l, n);
  rc_texpr *t = NULL;
  if (k == N_BINARY) {
    TSNode op = ts_node_child_by_field_name(n, "operator", 8);
    TSNode lh = ts_node_child_by_field_name(n, "left", 4);
    TSNode rh = ts_node_child_by_field_name(n, "right", 5);
    bool is_and = !ts_node_is_null(op) && (tok_is(l, op, "&&") || tok_is(l, op, "-a"));
    if (ts_node_is_null(op) || ts_node_is_null(lh) || ts_node_is_null(rh)) {
      t = new_tx(l, RC_TX_UNKNOWN, span_of(l, n));
    } else if (is_and || tok_is(l, op, "||") || tok_is(l, op, "-o")) {
      t = new_tx(l, is_and ? RC_TX_AND : RC_TX_OR, span_of(l, n));
      t->l = lower_texpr(l, lh, dbl);
      t->r = lower_texpr(l, rh, dbl);
    } else {
      t = new_tx(l, RC_TX_BINARY, span_of(l, n));
      t->op = dup_text(l, op);
      t->a = lower_word(l, lh, RC_Q_NONE);
      t->b = operand_after(l, n, op); /* the right side runs to the end */
      t->pattern_rhs = dbl && (!strcmp(t->op, "==") || !strcmp(t->op, "=") || !strcmp(t->op, "!="));
    }
  } else if (k == N_UNARY) {
    TSNode op = ts_node_child_by_field_name(n, "operator", 8);
    if (!ts_node_is_null(op) && tok_is(l, op, "!")) {
      t = new_tx(l, RC_TX_NOT, span_of(l, n));
      TSNode inner = ts_node_named_child(n, ts_node_named_child_count(n) - 1);
      t->l = ts_node_is_null(inner) ? new_tx(l, RC_TX_UNKNOWN, span_of(l, n)) : lower_texpr(l, inner, dbl);
    } else if (!ts_node_is_null(op) && kind_of(l, op) == N_TEST_OP) {
      t = new_tx(l, RC_TX_UNARY, span_of(l, n));
      t->op = dup_text(l, op);
      t->a = operand_after(l, n, op);
    } else {
      t = new_tx(l, RC_TX_WORD, span_of(l, n));
      t->a = lower_word(l, n, RC_Q_NONE);
    }
  } else if (k == N_PAREN) {
    TSNode inner = ts_node_named_child(n, 0);
    t = ts_node_is_null(inner) ? new_tx(l, RC_TX_UNKNOWN, span_of(l, n)) : lower_texpr(l, inner, dbl);
  } else if (k == N_ERROR) {
    t = new_tx(l, RC_TX_UNKNOWN, span_of(l, n));
  } else {
    t = new_tx(l, RC_TX_WORD, span_of(l, n));
    t->a = lower_word(l, n, RC_Q_NONE);
  }
  l->depth--;
  return t;
}

/* POSIX `test`/`[` arguments → expression (recursive descent). */
typedef struct targs {
  rc_word **w;
  uint32_t n, i;
} targs;

static const char *targ_lit(targs *ta, uint32_t i) {
  if (i >= ta->n) return NULL;
  rc_word *w = ta->w[i];
  if (w->nparts != 1 || w->parts[0].kind != RC_WP_LIT) return NULL;
  return w->parts[0].text;
}

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

static rc_texpr *targs_expr(L *l, targs *ta, rc_span sp, int depth, bool or);

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
static rc_texpr *targs_expr(L *l, targs *ta, rc_span sp, int depth, bool or) {
  const char *op = or ? "-o" : "-a";
  rc_texpr *t = or ? targs_expr(l, ta, sp, depth, false) : targs_prim(l, ta, sp, depth);
  while (ta->i < ta->n && targ_lit(ta, ta->i) && !strcmp(targ_lit(ta, ta->i), op)) {
    ta->i++;
    rc_texpr *x = new_tx(l, or ? RC_TX_OR : RC_TX_AND, sp);
    x->l = t;
    x->r = or ? targs_expr(l, ta, sp, depth + 1, false) : targs_prim(l, ta, sp, depth + 1);
    t = x;
  }
  return t;
}

rc_texpr *rc_lower_test_args(rc_arena *A, rc_word **w, uint32_t n, rc_span sp) {
  L l;
  memset(&l, 0, sizeof l);
  l.A = A;
  targs ta = {w, n, 0};
  if (n == 0) {
    rc_texpr *t = rc_arena_alloc(A, sizeof *t);
    t->kind = RC_TX_UNKNOWN;
    t->span = sp;
    return t;
  }
  rc_texpr *t = targs_expr(&l, &ta, sp, 0, true);
  if (ta.i < ta.n) {
    rc_texpr *u = rc_arena_alloc(A, sizeof *u);
    u->kind = RC_TX_UNKNOWN;
    u->span = sp;
    return u;
  }
  return t;
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
  kid *ks = kids_copy(l, n, &nk);
  for (uint32_t i = 0; i < nk; i++) {
    TSNode c = ks[i].n;
    uint32_t a = ts_node_start_byte(c), b = ts_node_end_byte(c);
    if (!ks[i].named || is_leaf(ks[i].k) || depth > MAX_DEPTH) {
      if (!ks[i].named && (tok_is(l, c, "[") || tok_is(l, c, "]"))) continue;
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
    rc_vec_push(out, range_word(l, n, a, b, RC_Q_NONE));
    i = j;
  }
  rc_vec_free(&lv);
}

/* The condition of `[ … ]` or `[[ … ]]` (node n). */
static rc_texpr *test_expr(L *l, TSNode n, bool double_bracket, rc_span sp) {
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

/* ---- simple commands ---- */

static const struct { const char *name; rc_builtin b; } builtins[] = {
  {"return", RC_B_RETURN}, {"exit", RC_B_EXIT}, {"logout", RC_B_EXIT},
  {"setopt", RC_B_SETOPT}, {"unsetopt", RC_B_UNSETOPT}, {"set", RC_B_SET},
  {"emulate", RC_B_EMULATE}, {"true", RC_B_TRUE}, {":", RC_B_TRUE},
  {"false", RC_B_FALSE}, {"shift", RC_B_SHIFT}, {"cd", RC_B_CD},
  {"pushd", RC_B_CD}, {"alias", RC_B_ALIAS}, {"autoload", RC_B_AUTOLOAD},
  {"add-zsh-hook", RC_B_HOOK}, {"break", RC_B_BREAK}, {"continue", RC_B_CONTINUE},
  {"type", RC_B_COMMAND_V}, {"which", RC_B_COMMAND_V}, {"whence", RC_B_COMMAND_V},
  {"hash", RC_B_COMMAND_V}, {"read", RC_B_READ}, {"exec", RC_B_EXEC},
};

static const char *word_lit(const rc_word *w) {
  if (!w || w->nparts != 1 || w->parts[0].kind != RC_WP_LIT) return NULL;
  return w->parts[0].text;
}

/* X=1 Y=2 with no command: a statement of the nv assignments in v. */
static rc_stmt *assign_stmt(L *l, TSNode n, rc_assign **v, size_t nv) {
  rc_stmt *s = new_stmt(l, RC_S_ASSIGN, n);
  s->u.assign.n = (uint32_t)nv;
  s->u.assign.v = nv ? rc_arena_memdup(l->A, v, sizeof(rc_assign *) * nv) : NULL;
  return s;
}

/* A simple command with a name: `source`, `eval`, a declaration, `unset`,
 * `test`, or any other command. Words looked through leave args. */
static rc_stmt *named_command(L *l, TSNode n, rc_word *name, wordvec *args, const assignvec *env) {
  rc_stmt *s;
  /* `builtin X …`, `command X …` (but not `command -v`): look through. */
  const char *nm = word_lit(name);
  while (nm && (!strcmp(nm, "builtin") || !strcmp(nm, "command") || !strcmp(nm, "noglob") ||
                !strcmp(nm, "nocorrect")) && args->n) {
    const char *a0 = word_lit(args->v[0]);
    if (!strcmp(nm, "command") && a0 && a0[0] == '-') break;
    name = args->v[0];
    memmove(args->v, args->v + 1, sizeof(rc_word *) * (args->n - 1));
    args->n--;
    nm = word_lit(name);
  }
  if (nm && (!strcmp(nm, "source") || !strcmp(nm, "."))) {
    s = new_stmt(l, RC_S_SOURCE, n);
    s->u.source.cmd = name;
    if (args->n) {
      s->u.source.path = args->v[0];
      s->u.source.nargs = (uint32_t)args->n - 1;
      s->u.source.args = args->n > 1 ? rc_arena_memdup(l->A, args->v + 1, sizeof(rc_word *) * (args->n - 1)) : NULL;
    }
  } else if (nm && !strcmp(nm, "eval")) {
    s = new_stmt(l, RC_S_EVAL, n);
    s->u.eval.n = (uint32_t)args->n;
    s->u.eval.args = vec_copy(l, *args);
  } else if (nm && (!strcmp(nm, "integer") || !strcmp(nm, "float") ||
                    !strcmp(nm, "export") || !strcmp(nm, "typeset") || !strcmp(nm, "declare") ||
                    !strcmp(nm, "local") || !strcmp(nm, "readonly"))) {
    s = new_stmt(l, RC_S_DECL, n);
    decl_init(s, rc_arena_strdup(l->A, nm));
    itemvec items = {0};
    for (size_t i = 0; i < args->n; i++) decl_add_word(l, s, &items, args->v[i]);
    decl_finish(l, s, &items);
  } else if (nm && !strcmp(nm, "unset")) {
    s = new_stmt(l, RC_S_UNSET, n);
    wordvec names = {0};
    for (size_t i = 0; i < args->n; i++) {
      if (word_is_flag(args->v[i])) {
        if (strchr(args->v[i]->parts[0].text, 'f')) s->u.unset.flags |= RC_F_FUNCS;
        continue;
      }
      rc_vec_push(&names, args->v[i]);
    }
    unset_finish(l, s, &names);
  } else if (nm && (!strcmp(nm, "test") || !strcmp(nm, "["))) {
    s = new_stmt(l, RC_S_TEST, n);
    uint32_t na = (uint32_t)args->n;
    if (!strcmp(nm, "[") && na && word_lit(args->v[na - 1]) && !strcmp(word_lit(args->v[na - 1]), "]")) na--;
    s->u.test.expr = rc_lower_test_args(l->A, args->v, na, s->span);
  } else {
    s = new_stmt(l, RC_S_CMD, n);
    s->u.cmd.name = name;
    if (nm) {
      for (size_t i = 0; i < RC_ARRAY_LEN(builtins); i++)
        if (!strcmp(nm, builtins[i].name)) s->u.cmd.builtin = builtins[i].b;
      if (!strcmp(nm, "command") && args->n && word_lit(args->v[0]) &&
          (!strcmp(word_lit(args->v[0]), "-v") || !strcmp(word_lit(args->v[0]), "-V")))
        s->u.cmd.builtin = RC_B_COMMAND_V;
      if (s->u.cmd.builtin == RC_B_EXEC && args->n == 0) s->u.cmd.builtin = RC_B_NONE;
    }
    s->u.cmd.nargs = (uint32_t)args->n;
    s->u.cmd.args = vec_copy(l, *args);
    s->u.cmd.nenv = (uint32_t)env->n;
    s->u.cmd.env = vec_copy(l, *env);
  }
  return s;
}

static rc_stmt *lower_command(L *l, TSNode n) {
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  assignvec env = {0};
  wordvec args = {0};
  rc_word *name = NULL;
  bool redirected = false;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (k->k == N_COMMENT) {
      note_comment(l, k->n);
      continue;
    }
    if (!k->named) continue;
    if (k->field && !strcmp(k->field, "redirect")) {
      redirected = true;
      continue;
    }
    if (k->k == N_FILE_REDIRECT || k->k == N_HEREDOC_REDIRECT || k->k == N_HERESTRING) {
      redirected = true;
      continue;
    }
    if (!name && k->k == N_VAR_ASSIGN) {
      rc_vec_push(&env, lower_assign(l, k->n));
      continue;
    }
    if (!name && k->k == N_COMMAND_NAME) {
      name = lower_word(l, k->n, RC_Q_NONE);
      continue;
    }
    if (name) rc_vec_push(&args, lower_word(l, k->n, RC_Q_NONE));
  }
  free(ks);
  bool empty_name = !name || (name->nparts == 0) ||
                    (name->nparts == 1 && name->parts[0].kind == RC_WP_LIT && name->parts[0].len == 0 &&
                     name->parts[0].quote == RC_Q_NONE);
  rc_stmt *s = empty_name ? assign_stmt(l, n, env.v, env.n) : named_command(l, n, name, &args, &env);
  s->redirected = redirected;
  rc_vec_free(&env);
  rc_vec_free(&args);
  return s;
}

/* ---- compound statements ---- */

static rc_stmt *lower_if(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_IF, n);
  RC_VEC(rc_if_clause) cl = {0};
  uint32_t nk;
  kid *ks = kids_copy(l, n, &nk);
  /* if: condition statements up to `then`, body after, until elif/else/fi */
  uint32_t then_at = nk;
  for (uint32_t i = 0; i < nk; i++)
    if (!ks[i].named && tok_is(l, ks[i].n, "then")) {
      then_at = i;
      break;
    }
  rc_if_clause c = {0};
  stmtvec v = {0};
  l->depth++;
  stmts_from_kids(l, ks, 0, then_at, &v);
  c.cond = finish_stmts(l, &v);
  uint32_t body_end = then_at;
  while (body_end < nk && ks[body_end].k != N_ELIF && ks[body_end].k != N_ELSE) body_end++;
  stmts_from_kids(l, ks, then_at < nk ? then_at + 1 : nk, body_end, &v);
  c.body = finish_stmts(l, &v);
  c.span = s->span;
  rc_vec_push(&cl, c);
  for (uint32_t i = body_end; i < nk; i++) {
    if (ks[i].k != N_ELIF && ks[i].k != N_ELSE) continue;
    uint32_t ek;
    kid *es = kids_copy(l, ks[i].n, &ek);
    rc_if_clause e = {0};
    e.span = span_of(l, ks[i].n);
    if (ks[i].k == N_ELIF) {
      uint32_t t = ek;
      for (uint32_t j = 0; j < ek; j++)
        if (!es[j].named && tok_is(l, es[j].n, "then")) {
          t = j;
          break;
        }
      stmts_from_kids(l, es, 0, t, &v);
      e.cond = finish_stmts(l, &v);
      stmts_from_kids(l, es, t < ek ? t + 1 : ek, ek, &v);
      e.body = finish_stmts(l, &v);
    } else {
      stmts_from_kids(l, es, 0, ek, &v);
      e.body = finish_stmts(l, &v);
      s->u.if_.has_else = true;
    }
    rc_vec_push(&cl, e);
    free(es);
  }
  l->depth--;
  free(ks);
  s->u.if_.n = (uint32_t)cl.n;
  s->u.if_.clauses = vec_copy(l, cl);
  rc_vec_free(&cl);
  return s;
}

static rc_stmt *lower_while(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_WHILE, n);
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  stmtvec v = {0};
  l->depth++;
  uint32_t body = nk;
  for (uint32_t i = 0; i < nk; i++) {
    if (!ks[i].named && i == 0 && tok_is(l, ks[i].n, "until")) s->u.while_.until = true;
    if (ks[i].field && !strcmp(ks[i].field, "body")) {
      body = i;
      break;
    }
  }
  stmts_from_kids(l, ks, 0, body, &v);
  s->u.while_.cond = finish_stmts(l, &v);
  if (body < nk) s->u.while_.body = lower_body_of(l, ks[body].n);
  l->depth--;
  free(ks);
  return s;
}

static rc_stmt *lower_for(L *l, TSNode n, bool c_style) {
  rc_stmt *s = new_stmt(l, RC_S_FOR, n);
  s->u.for_.c_style = c_style;
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  wordvec words = {0};
  l->depth++;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (!k->named && tok_is(l, k->n, "in")) s->u.for_.in_list = true;
    if (!k->field) continue;
    if (!strcmp(k->field, "variable")) s->u.for_.var = dup_text(l, k->n);
    else if (!strcmp(k->field, "value")) {
      rc_vec_push(&words, lower_word(l, k->n, RC_Q_NONE));
      s->u.for_.in_list = true;
    } else if (!strcmp(k->field, "body")) s->u.for_.body = lower_body_of(l, k->n);
  }
  l->depth--;
  s->u.for_.nwords = (uint32_t)words.n;
  s->u.for_.words = vec_copy(l, words);
  rc_vec_free(&words);
  free(ks);
  return s;
}

static rc_stmt *lower_case(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_CASE, n);
  uint32_t nk;
  kid *ks = kids_fields(l, n, &nk);
  RC_VEC(rc_case_item) items = {0};
  l->depth++;
  for (uint32_t i = 0; i < nk; i++) {
    kid *k = &ks[i];
    if (k->field && !strcmp(k->field, "value") && !s->u.case_.subject) {
      s->u.case_.subject = lower_word(l, k->n, RC_Q_NONE);
      continue;
    }
    if (k->k == N_COMMENT) {
      note_comment(l, k->n);
      continue;
    }
    if (k->k != N_CASE_ITEM) continue;
    rc_case_item it = {0};
    it.span = span_of(l, k->n);
    uint32_t ik;
    kid *is = kids_fields(l, k->n, &ik);
    wordvec pats = {0};
    stmtvec body = {0};
    uint32_t body_from = ik;
    for (uint32_t j = 0; j < ik; j++) {
      if (is[j].field && !strcmp(is[j].field, "value")) {
        /* `*":$GOBIN:"*` comes as three adjacent value nodes: one pattern */
        uint32_t a = ts_node_start_byte(is[j].n), b = ts_node_end_byte(is[j].n);
        uint32_t m = j;
        while (m + 1 < ik && is[m + 1].field && !strcmp(is[m + 1].field, "value") &&
               ts_node_start_byte(is[m + 1].n) == b)
          b = ts_node_end_byte(is[++m].n);
        rc_vec_push(&pats, m == j ? lower_word(l, is[j].n, RC_Q_NONE) : range_word(l, k->n, a, b, RC_Q_NONE));
        j = m;
        continue;
      }
      if (!is[j].named && tok_is(l, is[j].n, ")") && body_from == ik) {
        body_from = j + 1;
        continue;
      }
      if (is[j].field && (!strcmp(is[j].field, "termination") || !strcmp(is[j].field, "fallthrough"))) {
        if (tok_is(l, is[j].n, ";&")) it.term = 1;
        else if (tok_is(l, is[j].n, ";;&")) it.term = 2;
      }
    }
    if (body_from < ik) stmts_from_kids(l, is, body_from, ik, &body);
    it.body = finish_stmts(l, &body);
    it.npatterns = (uint32_t)pats.n;
    it.patterns = vec_copy(l, pats);
    rc_vec_free(&pats);
    free(is);
    rc_vec_push(&items, it);
  }
  l->depth--;
  s->u.case_.n = (uint32_t)items.n;
  s->u.case_.items = vec_copy(l, items);
  rc_vec_free(&items);
  free(ks);
  return s;
}

/* (( … )): the text as written and the expression inside. */
static rc_stmt *lower_arith(L *l, TSNode n) {
  rc_stmt *s = new_stmt(l, RC_S_ARITH, n);
  uint32_t len;
  const char *t = text_of(l, n, &len);
  s->u.arith.text = rc_arena_strndup(l->A, t, len);
  s->u.arith.len = len;
  uint32_t a0 = ts_node_start_byte(n), b0 = ts_node_end_byte(n);
  if (len >= 4 && !memcmp(t + len - 2, "))", 2)) s->u.arith.expr = range_word(l, n, a0 + 2, b0 - 2, RC_Q_NONE);
  return s;
}

static rc_stmt *lower_stmt(L *l, TSNode n) {
  if (++l->depth > MAX_DEPTH) {
    l->ir->too_deep = true;
    l->depth--;
    return new_stmt(l, RC_S_ERROR, n);
  }
  rc_stmt *s = NULL;
  nkind k = kind_of(l, n);
  switch (k) {
  case N_COMMAND:
    s = lower_command(l, n);
    break;
  case N_DECL:
    s = lower_decl(l, n);
    break;
  case N_UNSET:
    s = lower_unset(l, n);
    break;
  case N_VAR_ASSIGN: {
    rc_assign *a = lower_assign(l, n);
    s = assign_stmt(l, n, &a, 1);
    break;
  }
  case N_VAR_ASSIGNS: {
    uint32_t nk;
    kid *ks = kids_copy(l, n, &nk);
    assignvec v = {0};
    for (uint32_t i = 0; i < nk; i++)
      if (ks[i].k == N_VAR_ASSIGN) rc_vec_push(&v, lower_assign(l, ks[i].n));
    s = assign_stmt(l, n, v.v, v.n);
    rc_vec_free(&v);
    free(ks);
    break;
  }
  case N_REDIRECTED: {
    TSNode body = ts_node_child_by_field_name(n, "body", 4);
    if (!ts_node_is_null(body) && is_stmt_kind(kind_of(l, body))) {
      s = lower_stmt(l, body);
      if (s) {
        s->redirected = true;
        s->span = span_of(l, n);
      }
    }
    break;
  }
  case N_IF:
    s = lower_if(l, n);
    break;
  case N_WHILE:
    s = lower_while(l, n);
    break;
  case N_FOR:
    s = lower_for(l, n, false);
    break;
  case N_CFOR:
    s = lower_for(l, n, true);
    break;
  case N_CASE:
    s = lower_case(l, n);
    break;
  case N_FUNC: {
    s = new_stmt(l, RC_S_FUNC, n);
    TSNode nm = ts_node_child_by_field_name(n, "name", 4);
    TSNode body = ts_node_child_by_field_name(n, "body", 4);
    s->u.func.name = ts_node_is_null(nm) ? "" : dup_text(l, nm);
    s->u.func.name_span = ts_node_is_null(nm) ? s->span : span_of(l, nm);
    if (!ts_node_is_null(body) && is_stmt_kind(kind_of(l, body))) s->u.func.body = lower_stmt(l, body);
    break;
  }
  case N_LIST: {
    uint32_t nk;
    kid *ks = kids_copy(l, n, &nk);
    rc_stmt *lhs = NULL, *rhs = NULL;
    bool is_or = false, seen_op = false;
    for (uint32_t i = 0; i < nk; i++) {
      if (!ks[i].named) {
        if (tok_is(l, ks[i].n, "||")) is_or = true, seen_op = true;
        else if (tok_is(l, ks[i].n, "&&")) seen_op = true;
        continue;
      }
      if (ks[i].k == N_COMMENT) continue;
      if (!is_stmt_kind(ks[i].k)) continue;
      if (!seen_op && !lhs) lhs = lower_stmt(l, ks[i].n);
      else if (seen_op && !rhs) rhs = lower_stmt(l, ks[i].n);
    }
    free(ks);
    if (lhs && rhs) {
      s = new_stmt(l, RC_S_LIST, n);
      s->u.list.lhs = lhs;
      s->u.list.rhs = rhs;
      s->u.list.is_or = is_or;
    } else {
      s = lhs ? lhs : rhs;
    }
    break;
  }
  case N_PIPELINE:
    s = new_stmt(l, RC_S_PIPE, n);
    s->u.pipe.elems = lower_body_of(l, n);
    break;
  case N_NEGATED: {
    s = new_stmt(l, RC_S_NOT, n);
    TSNode inner = ts_node_named_child(n, 0);
    s->u.not_.inner = ts_node_is_null(inner) ? NULL : lower_stmt(l, inner);
    if (!s->u.not_.inner) s->u.not_.inner = new_stmt(l, RC_S_ERROR, n);
    break;
  }
  case N_SUBSHELL:
    s = new_stmt(l, RC_S_SUBSHELL, n);
    s->u.group.body = lower_body_of(l, n);
    break;
  case N_COMPOUND:
  case N_TEST: {
    TSNode first = ts_node_child(n, 0);
    if (!ts_node_is_null(first) && tok_is(l, first, "((")) {
      s = lower_arith(l, n);
    } else if (k == N_COMPOUND) {
      s = new_stmt(l, RC_S_GROUP, n);
      s->u.group.body = lower_body_of(l, n);
    } else {
      s = new_stmt(l, RC_S_TEST, n);
      s->u.test.double_bracket = !ts_node_is_null(first) && tok_is(l, first, "[[");
      s->u.test.expr = test_expr(l, n, s->u.test.double_bracket, s->span);
    }
    break;
  }
  default:
    s = NULL;
    break;
  }
  l->depth--;
  return s;
}

/* ---- errors ---- */

/* Records the outermost ERROR and MISSING nodes, skipping clean subtrees. */
static void collect_errors(L *l, TSNode root) {
  TSTreeCursor c = ts_tree_cursor_new(root);
  bool descend = true;
  for (;;) {
    TSNode n = ts_tree_cursor_current_node(&c);
    bool recorded = false;
    if (ts_node_is_error(n) || ts_node_is_missing(n)) {
      rc_parse_error e;
      e.span = span_of(l, n);
      e.to_eof = ts_node_end_byte(n) >= l->len && ts_node_is_error(n) &&
                 ts_node_start_point(n).row + 1 < ts_node_end_point(n).row;
      rc_vec_push(&l->ir->errors, e);
      recorded = true;
    }
    if (descend && !recorded && ts_node_has_error(n) && ts_tree_cursor_goto_first_child(&c)) continue;
    descend = true;
    if (ts_tree_cursor_goto_next_sibling(&c)) continue;
    bool done = true;
    while (ts_tree_cursor_goto_parent(&c)) {
      if (ts_tree_cursor_goto_next_sibling(&c)) {
        done = false;
        break;
      }
    }
    if (done) break;
  }
  ts_tree_cursor_delete(&c);
}

static void count_top_level(L *l, const kid *ks, uint32_t nk) {
  for (uint32_t i = 0; i < nk; i++) {
    if (ks[i].k == N_ERROR) {
      /* A line of an ERROR region with no statement recovered from it. */
      uint32_t a = ts_node_start_point(ks[i].n).row, b = ts_node_end_point(ks[i].n).row;
      l->ir->top_level_lost += b - a + 1;
      l->ir->top_level_total += b - a + 1;
    } else if (ks[i].named && is_stmt_kind(ks[i].k)) {
      l->ir->top_level_total++;
    }
  }
}

static int kind_name_cmp(const void *key, const void *elem) { return strcmp(key, ((const kind_name *)elem)->name); }

static void init_kinds(L *l, const TSLanguage *lang) {
  l->nsyms = ts_language_symbol_count(lang);
  l->kinds = rc_xcalloc(l->nsyms, 1);
  for (uint32_t s = 0; s < l->nsyms; s++) {
    if (ts_language_symbol_type(lang, (TSSymbol)s) != TSSymbolTypeRegular) continue;
    const char *nm = ts_language_symbol_name(lang, (TSSymbol)s);
    const void *hit = bsearch(nm, kind_names, RC_ARRAY_LEN(kind_names), sizeof kind_names[0], kind_name_cmp);
    if (hit) l->kinds[s] = (uint8_t)((const kind_name *)hit)->k;
  }
}

void rc_lower_tree(rc_ir *ir, const void *tree_root, const void *language, const char *text,
                   const char *orig, uint32_t len, const rc_span *snippet_at) {
  TSNode root = *(const TSNode *)tree_root;
  L l;
  memset(&l, 0, sizeof l);
  l.ir = ir;
  l.A = &ir->arena;
  l.text = text;
  l.orig = orig;
  l.len = len;
  l.snippet_at = snippet_at;
  init_kinds(&l, (const TSLanguage *)language);
  l.cursor = ts_tree_cursor_new(root);
  uint32_t nk;
  kid *ks = kids_copy(&l, root, &nk);
  ir->top = lower_body_kids(&l, ks, nk);
  if (!snippet_at) {
    if (ts_node_has_error(root)) collect_errors(&l, root);
    count_top_level(&l, ks, nk);
    ir->first_cmd_line = ir->top.n ? ir->top.v[0]->span.line : 0;
  }
  free(ks);
  ts_tree_cursor_delete(&l.cursor);
  for (size_t i = 0; i < RC_ARRAY_LEN(l.scratch); i++) rc_vec_free(&l.scratch[i]);
  free(l.kinds);
}
