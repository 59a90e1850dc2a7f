/* zsh_scan.h — internals shared by the zsh pre-pass (zsh_lex.c: pure
 * skipping and ${…} structure; zsh_words.c: words, quotes, substitutions,
 * patterns, [[ ]]; zsh_prepass.c: command lists) and zsh_fixup.c. Not for
 * use outside src/zsh_*.c. */
#ifndef RC_ZSH_SCAN_H
#define RC_ZSH_SCAN_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "base.h"
#include "zsh_prepass.h"

enum { MAX_NEST = 120, MAX_FRAMES = 64, MAX_HEREDOCS = 16 };

/* The context a word is scanned in. */
enum { W_CMD, W_ARG, W_COND, W_PAT, W_ARRAY };

/* ---- character classes ---- */
static inline bool name1(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static inline bool namec(char c) { return name1(c) || (c >= '0' && c <= '9'); }

static inline bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Ends an unquoted word at command level. */
static inline bool word_end(char c) {
  return blank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')' || c == 0;
}

static inline char close_of(char d) {
  switch (d) {
  case '(': return ')';
  case '[': return ']';
  case '{': return '}';
  case '<': return '>';
  default: return d;
  }
}

/* ---- the rewriting scan ---- */

typedef struct heredoc {
  uint32_t op;         /* the `<<` */
  uint32_t word, wlen; /* the delimiter, quotes removed, is b[word..word+wlen) minus quotes */
  bool strip_tabs, expand;
} heredoc;

/* The state of one pre-pass over a buffer. */
typedef struct zscan {
  char *b;
  uint32_t n;
  uint32_t edits;
  int nest;
  heredoc hd[MAX_HEREDOCS];
  int nhd;
  int in_param; /* scanning inside the operand of a ${…} */
  bool bash;     /* the bytes are bash (a scan for bash's cuts and rewrites) */
  bool in_brace; /* the words scanned are inside a { } group of the current list */
  bool want_starts;
  RC_VEC(uint32_t) starts; /* top-level statements that begin a line */
  bool want_fns;
  RC_VEC(uint32_t) fns;    /* { and } of each top-level function body, in pairs */
  bool want_fixes;
  RC_VEC(uint32_t) fixes;  /* [a, e) of each rewrite bash needs as well (bash_fix) */
} zscan;

/* Bytes rewritten as tree-sitter-bash needs them in bash too (the patterns
 * of [[ ]] and case, `=` there, the gaps between a line's assignments):
 * bash files take them from the scanner's copy (parse.c). */
static inline void bash_fix(zscan *z, uint32_t a, uint32_t e) {
  if (z->want_fixes && e > a) {
    rc_vec_push(&z->fixes, a);
    rc_vec_push(&z->fixes, e);
  }
}

/* Every rewrite goes through put(): a newline is never overwritten. */
static inline void put(zscan *z, uint32_t i, char c) {
  if (i < z->n && z->b[i] != '\n') z->b[i] = c;
}

static inline void blank_range(zscan *z, uint32_t a, uint32_t e) {
  for (uint32_t i = a; i < e && i < z->n; i++) put(z, i, ' ');
}

static inline bool at_word(const zscan *z, uint32_t i, const char *w) {
  size_t l = strlen(w);
  return i + l <= z->n && memcmp(z->b + i, w, l) == 0 && (i + l == z->n || word_end(z->b[i + l]));
}

static inline char ch(const zscan *z, uint32_t i) { return i < z->n ? z->b[i] : 0; }

/* ---- across the three files (see each definition) ---- */

uint32_t rc_zs_skip_sq(const char *b, uint32_t n, uint32_t i);
uint32_t rc_zs_skip_parens(const char *b, uint32_t n, uint32_t i, bool comments);
void rc_zs_arith_range(zscan *z, uint32_t a, uint32_t e);
uint32_t rc_zs_arith(zscan *z, uint32_t open);
bool rc_zs_assign_before(const zscan *z, uint32_t start, uint32_t i);
uint32_t rc_zs_scan_word(zscan *z, uint32_t i, int ctx);
uint32_t rc_zs_heredocs(zscan *z, uint32_t i);
uint32_t rc_zs_skip_space(zscan *z, uint32_t i, bool newlines);
uint32_t rc_zs_scan_redirect(zscan *z, uint32_t i);
bool rc_zs_at_redirect(const zscan *z, uint32_t i);
uint32_t rc_zs_scan_cond(zscan *z, uint32_t i);
uint32_t rc_zs_scan_pattern(zscan *z, uint32_t i);
uint32_t rc_zs_scan_list(zscan *z, uint32_t i, char stop);

#endif
