/* lower_int.h — internals shared by the files that lower a tree-sitter-bash
 * tree to the IR: lower.c (statements, commands, declarations, the entry
 * point), lower_word.c (words and expansions) and lower_test.c (test
 * expressions). It exposes tree-sitter types: the rest of the program
 * includes lower.h. */
#ifndef RC_LOWER_INT_H
#define RC_LOWER_INT_H

#include <string.h>
#include <tree_sitter/api.h>

#include "lower.h"

enum { LW_MAX_DEPTH = 200 };

/* The node types the lowering tells apart (lower.c maps the grammar's). */
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

/* A child node as the lowering reads it. */
typedef struct kid {
  TSNode n;
  nkind k;
  bool named;
  const char *field; /* field name, when the caller asked for them */
} kid;

typedef RC_VEC(kid) kidvec;
typedef RC_VEC(rc_wpart) partvec;
typedef RC_VEC(rc_stmt *) stmtvec;
typedef RC_VEC(rc_word *) wordvec;

/* Moves a vector's items into the arena: ptr gets their copy (NULL when
 * there are none), count their number; the vector is freed. */
#define lw_vec_move(l, vec, ptr, count)                                                      \
  do {                                                                                       \
    (count) = (uint32_t)(vec)->n;                                                            \
    (ptr) = (vec)->n ? rc_arena_memdup((l)->A, (vec)->v, sizeof *(vec)->v * (vec)->n) : NULL; \
    rc_vec_free(vec);                                                                        \
  } while (0)

/* The state of one lowering. */
typedef struct L {
  rc_ir *ir;
  rc_arena *A;
  const char *text; /* bytes the tree was parsed from (maybe pre-passed) */
  const char *orig; /* the original bytes (same length) */
  uint32_t len;
  const rc_span *snippet_at; /* eval snippet: every span is this one */
  const uint8_t *kinds; /* TSSymbol → nkind */
  uint8_t *own_kinds;   /* kinds, when made for this lowering */
  uint32_t nsyms;
  int depth;
  bool zsh;            /* zsh's rules where the tree reads alike (ir->zsh) */
  TSTreeCursor cursor; /* reused by kids(): one allocation per file */
  kidvec scratch[LW_MAX_DEPTH + 8];
} L;

/* ---- nodes: small and called everywhere, so inline ---- */

static inline nkind lw_kind_of(L *l, TSNode n) {
  TSSymbol s = ts_node_symbol(n);
  if (ts_node_is_error(n)) return N_ERROR;
  return s < l->nsyms ? (nkind)l->kinds[s] : N_OTHER;
}

/* The span of node n (the snippet's span, for eval strings). */
static inline rc_span lw_span_of(L *l, TSNode n) {
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

/* The original bytes of node n (not NUL-terminated). */
static inline const char *lw_text_of(L *l, TSNode n, uint32_t *len) {
  uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
  if (b > l->len) b = l->len;
  if (a > b) a = b;
  if (len) *len = b - a;
  return l->orig + a;
}

static inline char *lw_dup_text(L *l, TSNode n) {
  uint32_t len;
  const char *t = lw_text_of(l, n, &len);
  return rc_arena_strndup(l->A, t, len);
}

static inline bool lw_tok_is(L *l, TSNode n, const char *s) {
  uint32_t len;
  const char *t = lw_text_of(l, n, &len);
  return strlen(s) == len && memcmp(t, s, len) == 0;
}

/* lower.c */
/* The children of n, in order, without field names: a malloc'd copy (the
 * caller frees it), so the caller may recurse while iterating. */
kid *lw_kids_copy(L *l, TSNode n, uint32_t *count);
/* The statements among n's children. */
rc_stmts lw_body_of(L *l, TSNode n);

/* lower_word.c */
/* The word of node n in quoting context q. */
rc_word *lw_word(L *l, TSNode n, rc_quote q);
/* The word of the source bytes [a, b) inside `parent` (a window that may cut
 * across the grammar's nesting). */
rc_word *lw_range_word(L *l, TSNode parent, uint32_t a, uint32_t b, rc_quote q);
/* The text of a word of one literal part, else NULL. */
const char *lw_word_lit(const rc_word *w);

/* lower_test.c */
/* The condition of `[ … ]` or `[[ … ]]` (node n). */
rc_texpr *lw_test_expr(L *l, TSNode n, bool double_bracket, rc_span sp);

#endif
