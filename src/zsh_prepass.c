/* zsh_prepass.c — see zsh_prepass.h.
 *
 * One left-to-right scan that knows just enough zsh to find what
 * tree-sitter-bash cannot parse — quotes, substitutions, here-documents,
 * command position, brace groups, case patterns, [[ ]] and (( )) — and
 * overwrites it in place with bash of the same length. Newlines are never
 * touched, so every span stays exact; the lowering reads literal text from
 * the original bytes, and zsh_fixup.c restores the meaning of what was
 * rewritten. The rewrites, each aimed at one zsh family:
 *
 *   (( $+commands[go] ))     arithmetic body → "1" and blanks (text is kept as written)
 *   ${(s.:.)X} ${${x}:-y}    → ${_:-…} with nested $(…) ${…} "…" kept in place
 *   ${~x} ${+x}              → ${!x} ${#x}
 *   $+x $~x $a[(r)x]         → $_x $_x $a._r_x.
 *   ~/bin(N) *(.)  (a|b)*    glob qualifiers and pattern groups → _ (one word)
 *   () { … } a b             → {   … }     (arguments blanked: a group that runs now)
 *   cmd &|  =(cmd)  >!       → cmd &  <(cmd)  >|
 *   for f (a b) cmd          → :   f$(a b);cmd      (zsh_fixup.c rebuilds the loop)
 *   for k v in …  function a b {   extra names blanked
 *   echo hi }                → echo hi;}
 *   [[ $x = -* && … ]]       → [[ $x < -* && … ]]  (tree-sitter reads `=` as a regex)
 *
 * The scan never fails: anything it does not recognise is left as it is. */
#include "zsh_prepass.h"

#include <string.h>

enum { MAX_NEST = 120, MAX_FRAMES = 64, MAX_HEREDOCS = 16, MAX_MARKS = 128 };

/* ---- character classes ---- */

static bool name1(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool namec(char c) { return name1(c) || (c >= '0' && c <= '9'); }

static bool blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

/* Ends an unquoted word at command level. */
static bool word_end(char c) {
  return blank(c) || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')' || c == 0;
}

static char close_of(char d) {
  switch (d) {
  case '(': return ')';
  case '[': return ']';
  case '{': return '}';
  case '<': return '>';
  default: return d;
  }
}

/* ---- pure skipping (no rewriting): shared with zsh_fixup.c ---- */

static uint32_t sk_sq(const char *b, uint32_t n, uint32_t i) {
  for (i++; i < n; i++)
    if (b[i] == '\'') return i + 1;
  return n;
}

static uint32_t sk_escaped(const char *b, uint32_t n, uint32_t i, char close) {
  for (; i < n; i++) {
    if (b[i] == '\\') {
      i++;
      continue;
    }
    if (b[i] == close) return i + 1;
  }
  return n;
}

static uint32_t sk_dq(const char *b, uint32_t n, uint32_t i) {
  for (i++; i < n;) {
    char c = b[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '"') return i + 1;
    if (c == '$' || c == '`') {
      uint32_t j = rc_zsh_skip(b, n, i, true);
      i = j > i ? j : i + 1;
      continue;
    }
    i++;
  }
  return n;
}

/* i at "(": one past the matching ")" of a command list or $(…) (comments
 * skipped), or of arithmetic or a pattern group (no comments: `[##16]`). */
static uint32_t sk_parens(const char *b, uint32_t n, uint32_t i, bool comments) {
  int depth = 0;
  bool wstart = true;
  while (i < n) {
    char c = b[i];
    if (c == '\\') {
      i += 2;
      wstart = false;
      continue;
    }
    if (c == '#' && wstart && comments) {
      while (i < n && b[i] != '\n') i++;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`' || c == '$') {
      uint32_t j = rc_zsh_skip(b, n, i, false);
      if (j > i + 1) {
        i = j;
        wstart = false;
        continue;
      }
    }
    if (c == '(') depth++;
    else if (c == ')' && --depth == 0) return i + 1;
    wstart = blank(c) || c == '\n' || c == ';' || c == '|' || c == '&'; /* not `(`: (#i) */
    i++;
  }
  return n;
}

/* From just inside a ${ (depth 1) to one past its closing }, or n. Sets
 * *bare_paren when the top level holds what tree-sitter-bash cannot take in
 * an operand: ( ; | & an unmatched ], or a ' (literal inside "…"). */
static uint32_t sk_brace_body(const char *b, uint32_t n, uint32_t i, bool in_dq, bool *bare_paren) {
  int depth = 1, brackets = 0;
  while (i < n) {
    char c = b[i];
    if (c == '\\') {
      if (bare_paren && i + 1 < n && strchr("()[]'", b[i + 1])) *bare_paren = true; /* :\(icase\) %%\[* %\' */
      i += 2;
      continue;
    }
    if (c == '"' || c == '`' || c == '$' || (c == '\'' && !in_dq)) {
      uint32_t j = rc_zsh_skip(b, n, i, in_dq);
      if (j > i + 1) {
        i = j;
        continue;
      }
    }
    if (c == '{') depth++;
    else if (c == '}' && --depth == 0) return i + 1;
    else if (c == '[') brackets++;
    else if (c == ']' && --brackets < 0 && bare_paren) *bare_paren = true;
    else if (c && strchr("(';|&", c) && bare_paren) *bare_paren = true;
    i++;
  }
  return n;
}

uint32_t rc_zsh_skip(const char *b, uint32_t n, uint32_t i, bool in_dq) {
  if (i >= n) return n;
  char c = b[i], c1 = i + 1 < n ? b[i + 1] : 0;
  switch (c) {
  case '\'': return in_dq ? i + 1 : sk_sq(b, n, i);
  case '"': return sk_dq(b, n, i);
  case '`': return sk_escaped(b, n, i + 1, '`');
  case '$': break;
  default: return i + 1;
  }
  if (c1 == '\'' && !in_dq) return sk_escaped(b, n, i + 2, '\'');
  if (c1 == '(') return sk_parens(b, n, i + 1, !(i + 2 < n && b[i + 2] == '('));
  if (c1 == '{') return sk_brace_body(b, n, i + 2, in_dq, NULL);
  if (c1 == '[') return sk_escaped(b, n, i + 2, ']');
  if (c1 == '"') return in_dq ? i + 1 : sk_dq(b, n, i + 1);
  uint32_t j = i + 1;
  while (j < n && (b[j] == '+' || b[j] == '~' || b[j] == '=' || b[j] == '^') && j < i + 3) j++;
  if (j < n && name1(b[j])) {
    while (j < n && namec(b[j])) j++;
    return j;
  }
  if (c1 && strchr("@*#?-$!0123456789", c1)) return i + 2;
  return i + 1;
}

/* ---- ${…} structure ---- */

void rc_zexp_scan(const char *b, uint32_t n, uint32_t at, bool in_dq, rc_zexp *e) {
  memset(e, 0, sizeof *e);
  uint32_t i = at + 2;
  e->flags_a = e->flags_e = i;
  if (i < n && b[i] == '(') {
    uint32_t j = i + 1;
    while (j < n && b[j] != ')' && b[j] != '}' && b[j] != '\n') {
      char f = b[j];
      if (f && strchr("sjlrZIg_", f) && j + 1 < n) { /* flags with delimited arguments */
        char d = b[j + 1], cl = close_of(d);
        uint32_t k = j + 1; /* at an opening delimiter */
        for (;;) {
          for (k++; k < n && b[k] != cl && b[k] != '\n'; k++) {}
          k++;
          if (!((f == 'l' || f == 'r') && k < n && b[k] == d)) break; /* l:n::pad: */
        }
        j = k;
        continue;
      }
      j++;
    }
    if (j >= n || b[j] != ')') return;
    i = j + 1;
    e->flags_e = i;
  }
  e->pre_a = i;
  while (i + 1 < n && strchr("^=~+#!", b[i]) && b[i]) {
    char nx = b[i + 1];
    if (nx == '}' || !(namec(nx) || strchr("^=~+#!${\"@*?-", nx))) break;
    i++;
  }
  e->pre_e = i;
  e->subj_a = i;
  if (i < n && namec(b[i])) {
    while (i < n && namec(b[i])) i++;
  } else if (i < n && (b[i] == '"' || (b[i] == '$' && i + 1 < n && (b[i + 1] == '{' || b[i + 1] == '(' ||
                                                                  name1(b[i + 1]))))) {
    i = rc_zsh_skip(b, n, i, in_dq);
    e->nested = true;
  } else if (i < n && b[i] && strchr("@*#?-!$", b[i])) {
    i++;
  }
  e->subj_e = i;
  e->sub_a = i;
  int nsub = 0;
  while (i < n && b[i] == '[') {
    uint32_t j = i + 1;
    int depth = 1;
    while (j < n) {
      char c = b[j];
      if (c == '\\') {
        j += 2;
        continue;
      }
      if (c == '"' || c == '$' || c == '`' || (c == '\'' && !in_dq)) {
        uint32_t k = rc_zsh_skip(b, n, j, in_dq);
        if (k > j + 1) {
          j = k;
          continue;
        }
      }
      if (c == '[') depth++;
      else if (c == ']' && --depth == 0) break;
      j++;
    }
    if (j >= n) return;
    if (b[i + 1] == '(' || memchr(b + i + 1, ',', j - i - 1) || memchr(b + i + 1, ' ', j - i - 1) ||
        memchr(b + i + 1, '[', j - i - 1))
      e->zsh_sub = true; /* (flags), a,b ranges, ${a[NETWORK ID]}, ${a[$b[1]]} */
    i = j + 1;
    nsub++;
  }
  if (nsub > 1 || (nsub && e->nested)) e->zsh_sub = true;
  if (nsub && e->subj_e == e->subj_a + 1 && !namec(b[e->subj_a])) e->zsh_sub = true; /* ${@[-1]} */
  e->sub_e = i;
  e->op_a = i;
  bool bare_paren = false;
  uint32_t end = sk_brace_body(b, n, i, in_dq, &bare_paren);
  if (end >= n && (end == 0 || b[end - 1] != '}')) return;
  e->end = end;
  e->op_e = end - 1;
  if (e->op_a == e->op_e) return;
  /* ${:-w} ${#:-w} ${#x%p}: zsh, or bash tree-sitter-bash cannot parse */
  if (e->subj_e == e->subj_a || (e->subj_e == e->subj_a + 1 && b[e->subj_a] == '#')) e->ts_bad = true;
  if (e->pre_e > e->pre_a && b[e->pre_e - 1] == '#') e->zsh_op = true;
  char c = b[e->op_a], c2 = e->op_a + 1 < e->op_e ? b[e->op_a + 1] : 0;
  if (c == ':') {
    if (c2 && strchr("-=+?", c2)) {
      if (bare_paren) e->ts_bad = true; /* ${x:+ (…)} */
    } else if (c2 && strchr("aAcehlPqQrstuxgwWfF&#|*^:/", c2)) {
      e->zsh_op = true; /* modifiers (:t :gs/a/b/) and zsh operators (:# :| :*) */
    } else {
      for (uint32_t k = e->op_a + 1; k < e->op_e; k++)
        if (!namec(b[k]) && b[k] != ':') e->ts_bad = true; /* ${v: -1} ${v:$a:$b} */
    }
  } else if (strchr("-=+?#%/^,@", c)) {
    if (bare_paren) e->ts_bad = true; /* zsh pattern groups in the operand */
  } else {
    e->zsh_op = true;
  }
}

bool rc_zexp_is_zsh(const char *b, const rc_zexp *e) {
  if (e->flags_e > e->flags_a || e->nested || e->zsh_sub || e->zsh_op || e->ts_bad) return true;
  if (e->pre_e - e->pre_a > 1) return true;
  return e->pre_e > e->pre_a && strchr("^=~+", b[e->pre_a]) != NULL;
}

/* ---- the rewriting scan ---- */

typedef struct heredoc {
  uint32_t word, wlen; /* the delimiter, quotes removed, is b[word..word+wlen) minus quotes */
  bool strip_tabs, expand;
} heredoc;

typedef struct zp {
  char *b;
  uint32_t n;
  uint32_t edits;
  int nest;
  heredoc hd[MAX_HEREDOCS];
  int nhd;
  int in_param; /* scanning inside the operand of a ${…} */
  bool want_starts;
  RC_VEC(uint32_t) starts; /* top-level statements that begin a line */
} zp;

static void put(zp *z, uint32_t i, char c) {
  if (i < z->n && z->b[i] != '\n') z->b[i] = c;
}

static void blank_range(zp *z, uint32_t a, uint32_t e) {
  for (uint32_t i = a; i < e && i < z->n; i++) put(z, i, ' ');
}

static bool at_word(const zp *z, uint32_t i, const char *w) {
  size_t l = strlen(w);
  return i + l <= z->n && memcmp(z->b + i, w, l) == 0 && (i + l == z->n || word_end(z->b[i + l]));
}

static char ch(const zp *z, uint32_t i) { return i < z->n ? z->b[i] : 0; }

static uint32_t scan_list(zp *z, uint32_t i, char stop);
static uint32_t scan_word(zp *z, uint32_t i, int ctx);
static uint32_t scan_dollar(zp *z, uint32_t i, bool in_dq);

/* A byte that ends a word part for tree-sitter yet stays inside the word:
 * an unmatched } is a word of its own. */
static char stop_char(void) { return '}'; }

/* tree-sitter-bash 0.25.1 reads `$a/b$c/d` as two words, `$a/b$` and `c/d`
 * (it prefers a trailing bare `$`), and a pattern's rewritten bytes could
 * lengthen a name: after a bare $name that does not start its word, the
 * next byte becomes stop_char() (not inside ${…}, where tree-sitter reads
 * the operand as one token). [i, e) is what scan_dollar scanned; returns
 * where scanning goes on. */
static uint32_t split_guard(zp *z, uint32_t i, uint32_t e) {
  char c1 = z->b[i + 1], c = e < z->n ? z->b[e] : 0;
  if (z->in_param || e <= i + 1 || c1 == '{' || c1 == '(' || c1 == '\'' || c1 == '"' || c1 == '[') return e;
  if (e == i + 2 && ((c1 >= '0' && c1 <= '9') || c1 == '$') && !namec(c)) {
    put(z, i + 1, '_'); /* `$a:$1`, `$a.$$`: tree-sitter takes the 1 for a number (the name is read from the original) */
    z->edits++;
  }
  if (word_end(c) || c == '\n' || strchr("'\"$`<>(){}[]\\", c)) return e;
  put(z, e, stop_char());
  z->edits++;
  return e + 1;
}

enum { W_CMD, W_ARG, W_COND, W_PAT, W_ARRAY };

/* tree-sitter-bash splits `${a}\[`, `"a"\x`, `${a}\ b` into two words:
 * after a quote or substitution (ending at e), an escaped byte and its
 * backslash become "__" (the literal is read from the original, \ removed). */
static uint32_t esc_guard(zp *z, uint32_t e) {
  if (z->in_param || ch(z, e) != '\\') return e;
  char c = ch(z, e + 1);
  if (!c || c == '\n') return e;
  put(z, e, '_'); /* one word node for both bytes: the lowering then drops the \ */
  put(z, e + 1, '_');
  z->edits++;
  return e + 2;
}

static uint32_t scan_dq(zp *z, uint32_t i) {
  for (i++; i < z->n;) {
    char c = z->b[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '"') return i + 1;
    if (c == '$') {
      i = scan_dollar(z, i, true);
      continue;
    }
    if (c == '`') {
      i = rc_zsh_skip(z->b, z->n, i, true);
      continue;
    }
    i++;
  }
  return z->n;
}

/* Arithmetic text [a, e): when it is more than bash arithmetic ($+x, #x,
 * ${(…)}, x[(i)…], 1.5 …), blank it to "1" — the IR keeps arithmetic as
 * written, and tree-sitter's arithmetic is bash's. */
static void arith_range(zp *z, uint32_t a, uint32_t e) {
  bool plain = true;
  for (uint32_t k = a; k < e; k++) {
    char c = z->b[k];
    if (!(namec(c) || blank(c) || strchr("+-*/%<>=!&|^~()\n", c))) plain = false;
    if (c == '(' && k > a && namec(z->b[k - 1])) plain = false; /* atan(1) */
    if (c >= '0' && c <= '9' && (k == a || !namec(z->b[k - 1])))
      for (uint32_t d = k; d < e && namec(z->b[d]); d++)
        if (!(z->b[d] >= '0' && z->b[d] <= '9')) plain = false; /* 0x7f 16#ff 1e3 */
  }
  if (plain) return;
  bool first = true;
  for (uint32_t k = a; k < e; k++) {
    if (z->b[k] == '\n') continue;
    put(z, k, first ? '1' : ' ');
    first = false;
  }
  z->edits++;
}

/* i at "((" (or the "((" of "$(("): when it closes with "))", its body goes
 * through arith_range; returns one past it, or 0 when it is not arithmetic
 * (a subshell in a subshell). */
static uint32_t arith(zp *z, uint32_t open) {
  uint32_t end = sk_parens(z->b, z->n, open, false);
  if (end < open + 4 || end > z->n || z->b[end - 1] != ')' || z->b[end - 2] != ')') return 0;
  /* the inner ( must close right before the outer ) */
  if (sk_parens(z->b, z->n, open + 1, false) != end - 1) return 0;
  arith_range(z, open + 2, end - 2);
  return end;
}

/* Pattern text is one literal word to the IR (read from the original):
 * [[:space:]] ## ^ ~ - ! { } * ? only confuse tree-sitter, so in a pattern
 * every byte but these becomes '_'. */
static bool pat_safe(char c) { return namec(c) || strchr("./:,@%", c); }

/* Rewrites [a, e) of a pattern: unsafe bytes → '_', substitutions and
 * quotes kept (and scanned); blanks too when `blanks` (inside a group). */
static void pattern_text(zp *z, uint32_t a, uint32_t e, bool blanks) {
  for (uint32_t k = a; k < e;) {
    char c = z->b[k];
    if (c == '\\') {
      if (ch(z, k + 1) != '\n') put(z, k, '_'), put(z, k + 1, '_');
      k += 2;
    } else if (c == '$') {
      uint32_t x = scan_dollar(z, k, false);
      if (x == k + 1) put(z, k, '_'); /* [%$] */
      k = split_guard(z, k, x);
    } else if (c == '"') {
      k = scan_dq(z, k);
    } else if (c == '\'' || c == '`') {
      k = rc_zsh_skip(z->b, z->n, k, false);
    } else {
      if (!pat_safe(c) && (!blank(c) || blanks)) put(z, k, '_');
      k++;
    }
  }
}

/* A zsh pattern group or glob qualifier at b[i] == '(' inside a word:
 * `~/bin(N)`, `*(.)`, `(a|b)*`, `(#b)(*)`. It becomes one word (see
 * pattern_text). Returns one past the group, or i + 1 when it is not a
 * group (unbalanced; or blanks inside, allowed in patterns only). */
static uint32_t wordify(zp *z, uint32_t i, bool pat) {
  int depth = 0;
  uint32_t j = i;
  while (j < z->n) {
    char c = z->b[j];
    if (c == '\\') {
      j += 2;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`' || c == '$') {
      uint32_t k = rc_zsh_skip(z->b, z->n, j, false);
      if (k > j + 1) {
        j = k;
        continue;
      }
    }
    if (c == '\n' || (blank(c) && !pat)) return i + 1;
    if (c == '(') depth++;
    if (c == ')' && --depth == 0) break;
    j++;
  }
  if (j >= z->n) return i + 1;
  pattern_text(z, i, j + 1, true);
  z->edits++;
  return j + 1;
}

/* $name[…] (zsh subscripts a bare $name): brackets become stop_char(),
 * and the inside one word, so `[ $a[x] = y ]` and `$a[(r)x]` parse. */
static uint32_t subscript(zp *z, uint32_t i) {
  uint32_t j = i + 1;
  int depth = 1;
  while (j < z->n) {
    char c = z->b[j];
    if (c == '\\') {
      j += 2;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`' || c == '$') {
      uint32_t k = rc_zsh_skip(z->b, z->n, j, false);
      if (k > j + 1) {
        j = k;
        continue;
      }
    }
    if (c == '\n') return i + 1;
    if (c == '[') depth++;
    if (c == ']' && --depth == 0) break;
    j++;
  }
  if (j >= z->n) return i + 1;
  if (!z->in_param) { /* inside ${…} tree-sitter takes $a[x] as it is */
    put(z, i, stop_char());
    put(z, j, stop_char());
  }
  for (uint32_t k = i + 1; k < j;) {
    char c = z->b[k];
    if (c == '\\') k += 2;
    else if (c == '$') k = split_guard(z, k, scan_dollar(z, k, false));
    else if (c == '"') k = scan_dq(z, k);
    else if (c == '\'' || c == '`') k = rc_zsh_skip(z->b, z->n, k, false);
    else {
      if (strchr("()|<>;& \t", c)) put(z, k, '_'); /* $words[(CURRENT - 1)] */
      k++;
    }
  }
  z->edits++;
  return j + 1;
}

/* Substitutions inside [a, e) of a bash-compatible ${…}: scanned in place. */
static void scan_inside(zp *z, uint32_t a, uint32_t e, bool in_dq) {
  z->in_param++;
  for (uint32_t k = a; k < e;) {
    char c = z->b[k];
    if (c == '\\') k += 2;
    else if (c == '$') k = scan_dollar(z, k, in_dq); /* no split there: a ${x%…} operand is one token */
    else if (c == '"') k = scan_dq(z, k);
    else if (c == '`' || (c == '\'' && !in_dq)) k = rc_zsh_skip(z->b, z->n, k, in_dq);
    else k++;
  }
  z->in_param--;
}

/* i at "${". */
static uint32_t scan_param(zp *z, uint32_t i, bool in_dq) {
  rc_zexp e;
  rc_zexp_scan(z->b, z->n, i, in_dq, &e);
  if (!e.end) return i + 2;
  uint32_t a = i + 2, close = e.end - 1;
  if (!rc_zexp_is_zsh(z->b, &e)) {
    scan_inside(z, e.sub_a, close, in_dq);
    return e.end;
  }
  char p = z->b[e.pre_a];
  bool one_pre = e.pre_e == e.pre_a + 1, rest_bash = !e.nested && !e.zsh_sub && !e.zsh_op && !e.ts_bad &&
                                                     e.flags_a == e.flags_e && e.subj_e > e.subj_a;
  if (one_pre && rest_bash && (p == '~' || p == '=' || p == '^' || (p == '+' && e.op_a == e.op_e))) {
    put(z, e.pre_a, p == '+' ? '#' : '!'); /* ${~x} → ${!x}, ${+x} → ${#x} */
    z->edits++;
    scan_inside(z, e.sub_a, close, in_dq);
    return e.end;
  }
  /* ${_:-…}: the first three bytes become the name and operator; nested
   * substitutions after them stay where they are, the rest is blanked. */
  z->edits++;
  bool room = close >= a + 3 && !memchr(z->b + a, '\n', 3);
  uint32_t k = a;
  while (k < close) {
    char c = z->b[k];
    uint32_t nx = 0;
    if (c == '$' || c == '"' || c == '`' || (c == '\'' && !in_dq)) {
      nx = rc_zsh_skip(z->b, z->n, k, in_dq);
      if (nx <= k + 1) nx = 0;
    }
    if (nx && nx <= close && room && k >= a + 3) {
      z->in_param++;
      if (c == '$') scan_dollar(z, k, in_dq);
      else if (c == '"') scan_dq(z, k);
      z->in_param--;
      k = nx;
      continue;
    }
    uint32_t stop = nx ? (nx < close ? nx : close) : k + (c == '\\' ? 2 : 1);
    blank_range(z, k, stop);
    k = stop;
  }
  if (room) {
    put(z, a, '_');
    put(z, a + 1, ':');
    put(z, a + 2, '-');
  } else if (!memchr(z->b + a, '\n', close - a)) {
    for (k = a; k < close; k++) put(z, k, '_'); /* ${__} */
  }
  return e.end;
}

/* i at '$'. */
static uint32_t scan_dollar(zp *z, uint32_t i, bool in_dq) {
  char c1 = ch(z, i + 1);
  if (c1 == '(') {
    if (ch(z, i + 2) == '(') {
      uint32_t e = arith(z, i + 1);
      if (e) return e;
    }
    uint32_t e = scan_list(z, i + 2, ')');
    return e < z->n ? e + 1 : e;
  }
  if (c1 == '{') return scan_param(z, i, in_dq);
  if (c1 == '"' && in_dq) return i + 1; /* "…$" */
  if (c1 == '\'' || c1 == '"' || c1 == '[') return rc_zsh_skip(z->b, z->n, i, in_dq);
  uint32_t j = i + 1;
  if (c1 == '+' || c1 == '~' || c1 == '=' || c1 == '^') {
    while (j < i + 3 && (ch(z, j) == '+' || ch(z, j) == '~' || ch(z, j) == '=' || ch(z, j) == '^')) j++;
    if (!name1(ch(z, j))) return i + 1;
    for (uint32_t k = i + 1; k < j; k++) put(z, k, '_'); /* $+x → $_x: fixup reads $+x */
    z->edits++;
  }
  if (name1(ch(z, j))) {
    while (namec(ch(z, j))) j++;
    if (ch(z, j) == '[') return subscript(z, j);
    return j;
  }
  return c1 && strchr("@*#?-$!0123456789", c1) ? i + 2 : i + 1;
}

/* Is b[i..] a zsh numeric glob <->, <1-5>, <10->? Returns its end or 0. */
static uint32_t numeric_glob(const zp *z, uint32_t i) {
  uint32_t j = i + 1;
  while (j < z->n && z->b[j] >= '0' && z->b[j] <= '9') j++;
  if (ch(z, j) != '-') return 0;
  j++;
  while (j < z->n && z->b[j] >= '0' && z->b[j] <= '9') j++;
  return ch(z, j) == '>' ? j + 1 : 0;
}

/* NAME= / NAME+= / NAME[…]= just before b[i] (the '=')? */
static bool assign_before(const zp *z, uint32_t start, uint32_t i) {
  uint32_t k = start;
  if (k >= i || !name1(z->b[k])) return false;
  while (k < i && namec(z->b[k])) k++;
  if (k < i && z->b[k] == '[') {
    while (k < i && z->b[k] != ']') k++;
    k++;
  }
  if (k < i && z->b[k] == '+') k++;
  return k == i;
}

static uint32_t scan_array(zp *z, uint32_t i);

static uint32_t scan_word(zp *z, uint32_t i, int ctx) {
  uint32_t start = i, lit_end = 0; /* lit_end: one past the last literal byte */
  while (i < z->n) {
    char c = z->b[i];
    if (word_end(c)) return i;
    switch (c) {
    case '<':
    case '>': {
      if (ch(z, i + 1) == '(') {
        uint32_t e = scan_list(z, i + 2, ')');
        i = e < z->n ? e + 1 : e;
        continue;
      }
      uint32_t g = c == '<' ? numeric_glob(z, i) : 0;
      if (!g && ctx == W_PAT) { /* [<>] in a pattern */
        put(z, i++, '_');
        continue;
      }
      if (!g) return i;
      put(z, i, '_');
      put(z, g - 1, '_');
      z->edits++;
      i = g;
      continue;
    }
    case '(':
      if (ctx == W_CMD && (i == start || ch(z, i + 1) == ')')) return i; /* name() */
      i = wordify(z, i, ctx == W_PAT);
      continue;
    case '=':
      if (i == start && ch(z, i + 1) == '(' && ctx != W_COND) { /* =(cmd) */
        put(z, i, '<');
        z->edits++;
        uint32_t e = scan_list(z, i + 2, ')');
        i = e < z->n ? e + 1 : e;
        continue;
      }
      if (ch(z, i + 1) == '(' && ctx != W_PAT && ctx != W_COND && assign_before(z, start, i)) {
        i = scan_array(z, i + 1);
        continue;
      }
      if (ctx == W_PAT) put(z, i, '_');
      i++;
      continue;
    case '\\':
      if (blank(ch(z, i + 1)) && ch(z, i + 2) == '#') put(z, i + 2, '_'); /* `\ #`: not a comment */
      if (ctx == W_PAT && ch(z, i + 1) != '\n') put(z, i, '_'), put(z, i + 1, '_');
      i += 2;
      continue;
    case '"':
      i = esc_guard(z, scan_dq(z, i));
      continue;
    case '$': {
      if (ctx == W_PAT && lit_end == i && i > start && (z->b[i + 1] == '{' || z->b[i + 1] == '(' || name1(z->b[i + 1]))) {
        put(z, i - 1, stop_char()); /* [[ $x == a${y}b ]]: tree-sitter's pattern token stops at the ${ */
        z->edits++;
      }
      uint32_t e = scan_dollar(z, i, false);
      if (e == i + 1 && (ctx == W_PAT || word_end(ch(z, e)) || ch(z, e) == '\n'))
        put(z, i, '_'); /* [%$], `echo $;`: a lone $ is literal */
      uint32_t g = i > start || ctx == W_PAT ? split_guard(z, i, e) : e;
      i = g == e && e > i + 1 ? esc_guard(z, e) : g;
      continue;
    }
    case '\'':
      i = rc_zsh_skip(z->b, z->n, i, false);
      while (ch(z, i) == '\\' && ch(z, i + 1) == '\n' && ch(z, i + 2) == '\'' && i > 0 && z->b[i - 1] == '\'') {
        /* 'a'\⏎'b': one quoted string to tree-sitter (it splits the words);
         * zsh_fixup.c drops the '\⏎' from the literal */
        put(z, i - 1, '_');
        put(z, i + 2, '_');
        z->edits++;
        i = sk_sq(z->b, z->n, i + 1) ;
      }
      i = esc_guard(z, i);
      continue;
    case '`':
      i = esc_guard(z, rc_zsh_skip(z->b, z->n, i, false));
      continue;
    default:
      if (ctx == W_PAT && !pat_safe(c)) put(z, i, '_');
      i++;
      lit_end = i;
    }
  }
  return i;
}

/* Blanks, newlines (with their here-documents), line continuations and
 * comments; returns the next significant position. */
static uint32_t skip_space(zp *z, uint32_t i, bool newlines);

/* i at the "(" of NAME=( … ). Returns one past the ")". */
static uint32_t scan_array(zp *z, uint32_t i) {
  i++;
  while (i < z->n) {
    i = skip_space(z, i, true);
    char c = ch(z, i);
    if (!c) break;
    if (c == ')') return i + 1;
    if (c == ';' || c == '&' || c == '|' || c == '<' || c == '>') {
      i++;
      continue;
    }
    uint32_t e = scan_word(z, i, W_ARRAY);
    i = e > i ? e : i + 1;
  }
  return i;
}

/* Here-document bodies pending at a newline: skip them, scanning the
 * substitutions of unquoted ones. i is just past the newline. */
static uint32_t heredocs(zp *z, uint32_t i) {
  int nhd = z->nhd;
  z->nhd = 0;
  for (int h = 0; h < nhd && i < z->n; h++) {
    heredoc *d = &z->hd[h];
    char word[128];
    uint32_t wl = 0;
    for (uint32_t k = d->word; k < d->word + d->wlen && wl < sizeof word - 1; k++)
      if (z->b[k] != '\'' && z->b[k] != '"' && z->b[k] != '\\') word[wl++] = z->b[k];
    while (i < z->n) {
      uint32_t ls = i;
      while (d->strip_tabs && ls < z->n && z->b[ls] == '\t') ls++;
      uint32_t le = ls;
      while (le < z->n && z->b[le] != '\n') le++;
      if (le - ls == wl && memcmp(z->b + ls, word, wl) == 0) {
        i = le < z->n ? le + 1 : le;
        break;
      }
      for (uint32_t k = i; k < le && d->expand;) {
        if (z->b[k] == '\\') k += 2;
        else if (z->b[k] == '$') k = scan_dollar(z, k, true);
        else k++;
        if (k > le) le = k; /* a substitution ran over the line end */
      }
      while (le < z->n && z->b[le] != '\n') le++;
      i = le < z->n ? le + 1 : le;
    }
  }
  return i;
}

static uint32_t skip_space(zp *z, uint32_t i, bool newlines) {
  bool wstart = true;
  while (i < z->n) {
    char c = z->b[i];
    if (blank(c)) {
      i++;
    } else if (c == '\\' && ch(z, i + 1) == '\n') {
      i += 2;
    } else if (c == '\n' && newlines) {
      i = heredocs(z, i + 1);
    } else if (c == '#' && wstart) {
      while (i < z->n && z->b[i] != '\n') i++;
    } else {
      break;
    }
    wstart = true;
  }
  return i;
}

/* i at a redirection operator (after any fd digits). */
static uint32_t scan_redirect(zp *z, uint32_t i) {
  char c = z->b[i];
  bool is_heredoc = false, strip = false;
  if (c == '&') i++; /* &> &>> */
  c = ch(z, i);
  i++;
  if (c == '<' && ch(z, i) == '<' && ch(z, i + 1) == '<') {
    /* here-string → input redirection (the IR keeps neither's text), as
     * tree-sitter fails on `cmd &>/dev/null <<< "$x"` */
    put(z, i, ' ');
    put(z, i + 1, ' ');
    i += 2;
  } else if (c == '<' && ch(z, i) == '<') {
    is_heredoc = true;
    i++;
    if (ch(z, i) == '-') strip = true, i++;
  } else if (ch(z, i) == c || ch(z, i) == '&' || (c == '<' && ch(z, i) == '>')) {
    i++;
  }
  if (c == '>' && ch(z, i) == '!') {
    /* >! → >|, >>! and &>! → >> and &> */
    put(z, i, z->b[i - 2] == '>' || z->b[i - 2] == '&' ? ' ' : '|');
    z->edits++;
    i++;
  } else if (c == '>' && ch(z, i) == '|') {
    i++;
  }
  while (blank(ch(z, i))) i++;
  uint32_t w = i;
  i = scan_word(z, i, W_ARG);
  if (is_heredoc && i > w && z->nhd < MAX_HEREDOCS) {
    heredoc *d = &z->hd[z->nhd++];
    d->word = w;
    d->wlen = i - w;
    d->strip_tabs = strip;
    d->expand = !memchr(z->b + w, '\'', i - w) && !memchr(z->b + w, '"', i - w) &&
                !memchr(z->b + w, '\\', i - w);
  }
  return i;
}

static bool at_redirect(const zp *z, uint32_t i) {
  char c = ch(z, i);
  if (c == '&') return ch(z, i + 1) == '>';
  if (c != '<' && c != '>') return false;
  if (ch(z, i + 1) == '(') return false;
  return !(c == '<' && numeric_glob(z, i));
}

/* The right side of =~: one word to tree-sitter (quotes and blanks in it
 * too), substitutions kept. */
static uint32_t scan_regex(zp *z, uint32_t i) {
  while (i < z->n) {
    char c = z->b[i];
    if (word_end(c) && c != '|' && c != ')' && c != '&') break;
    if (c == '\'' || c == '"') {
      uint32_t e = rc_zsh_skip(z->b, z->n, i, false);
      for (uint32_t k = i; k < e; k++) put(z, k, '_');
      i = e;
    } else if (c == '$') {
      uint32_t e = scan_dollar(z, i, false);
      i = e > i + 1 ? split_guard(z, i, e) : (put(z, i, '_'), e);
    } else if (c == '\\') {
      put(z, i, '_');
      put(z, i + 1, '_');
      i += 2;
    } else {
      if (!pat_safe(c)) put(z, i, '_');
      i++;
    }
  }
  z->edits++;
  return i;
}

/* i just past "[[". Returns one past "]]". */
static uint32_t scan_cond(zp *z, uint32_t i) {
  bool pattern = false, regex = false;
  while (i < z->n) {
    i = skip_space(z, i, true);
    char c = ch(z, i);
    if (!c) break;
    if (c == ']' && ch(z, i + 1) == ']' && (i + 2 >= z->n || word_end(z->b[i + 2]))) return i + 2;
    if ((c == '&' && ch(z, i + 1) == '&') || (c == '|' && ch(z, i + 1) == '|')) {
      i += 2;
      pattern = false;
      continue;
    }
    if (!pattern && (c == '(' || c == ')' || ((c == '!' || c == '<' || c == '>') && word_end(ch(z, i + 1)))) &&
        (c != '<' || !numeric_glob(z, i))) {
      i++;
      continue;
    }
    if (c == ';' || c == '&' || c == '|' || c == ')') {
      i++;
      continue;
    }
    if (!pattern && (at_word(z, i, "-prefix") || at_word(z, i, "-suffix") || at_word(z, i, "-after") ||
                     at_word(z, i, "-between"))) {
      /* completion conditions: the operator and its operands become one word */
      uint32_t e = i;
      while (!word_end(ch(z, e))) e++;
      for (;;) {
        uint32_t k = e;
        while (blank(ch(z, k))) k++;
        char d = ch(z, k);
        if (!d || d == '\n' || d == ')' || (d == ']' && ch(z, k + 1) == ']') || (d == '&' && ch(z, k + 1) == '&') ||
            (d == '|' && ch(z, k + 1) == '|') || k == e)
          break;
        for (uint32_t b = e; b < k; b++) put(z, b, '_');
        e = scan_word(z, k, W_PAT);
        if (e == k) break;
      }
      for (uint32_t k = i; k < e; k++)
        if (z->b[k] == '-') put(z, k, '_');
      z->edits++;
      i = e;
      pattern = false;
      continue;
    }
    uint32_t e = regex ? scan_regex(z, i) : scan_word(z, i, pattern ? W_PAT : W_COND);
    if (e == i) e = i + 1;
    bool op = (e - i == 1 && c == '=') || (e - i == 2 && (!memcmp(z->b + i, "==", 2) ||
                                                          !memcmp(z->b + i, "!=", 2) ||
                                                          !memcmp(z->b + i, "=~", 2)));
    if (e - i == 1 && c == '=') {
      put(z, i, '<'); /* tree-sitter takes `=`'s right side for a regex */
      z->edits++;
    }
    regex = e - i == 2 && !memcmp(z->b + i, "=~", 2);
    pattern = op;
    i = e;
  }
  return i;
}

/* After "case WORD in" and after each ";;": a pattern list "(a|b)" up to ")". */
static uint32_t scan_pattern(zp *z, uint32_t i) {
  if (ch(z, i) == '(') {
    /* `(a|b) cmd`: the optional "(" of case syntax; `(a|b)*) cmd`: a group */
    uint32_t m = sk_parens(z->b, z->n, i, false);
    if (m >= z->n || blank(z->b[m]) || z->b[m] == '\n' || z->b[m] == ';') i++;
  }
  while (i < z->n) {
    i = skip_space(z, i, true);
    char c = ch(z, i);
    if (!c) break;
    if (c == ')') return i + 1;
    if (c == '|') {
      i++;
      continue;
    }
    uint32_t e = scan_word(z, i, W_PAT);
    if (e == i) {
      /* a '(' opening a group at the start of a pattern word */
      e = c == '(' ? wordify(z, i, true) : i + 1;
    }
    i = e;
  }
  return i;
}

typedef enum frkind { FR_BRACE, FR_ANON, FR_IF_BRACE, FR_DO, FR_DO_BRACE, FR_CASE, FR_IF } frkind;

typedef struct frame {
  frkind k;
  int state; /* FR_CASE: 0 before `in`, 1 expecting a pattern, 2 in a body */
} frame;

typedef struct list {
  frame fr[MAX_FRAMES];
  int nfr;
  bool cmd;        /* at command position */
  bool pending_do; /* a short for header just ended: its `do` becomes `{` */
  bool if_fresh;   /* the command word just after `if`/`elif`: a condition */
  uint32_t if_at, if_len;
  bool if_brace;   /* the next `{` is the body of a short `if [[ … ]] {` */
  bool fn_body;    /* a function header just ended: `{cmd` opens its body */
  uint32_t nassign;       /* assignments so far at command position */
  bool after_op;          /* the last token was && || | : the next line continues */
  bool line_start;        /* nothing yet on this line */
  uint32_t gap[16];       /* where each assignment after the first starts: the blank before */
} list;

static void push(list *L, frkind k) {
  if (L->nfr < MAX_FRAMES) L->fr[L->nfr++] = (frame){k, 0};
}

static frame *top(list *L) { return L->nfr ? &L->fr[L->nfr - 1] : NULL; }

static bool is_brace(frkind k) { return k == FR_BRACE || k == FR_ANON || k == FR_IF_BRACE; }

static bool brace_open(const list *L) {
  for (int k = L->nfr - 1; k >= 0; k--)
    if (is_brace(L->fr[k].k)) return true;
  return false;
}

/* Arguments after the } of an anonymous function: blanked (the group runs
 * with them as $1…; the IR keeps the body, not the call). */
static uint32_t anon_args(zp *z, uint32_t i) {
  for (;;) {
    while (blank(ch(z, i))) i++;
    char c = ch(z, i);
    if (!c || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')' || c == '#' || c == '}') return i;
    if (at_redirect(z, i)) {
      i = scan_redirect(z, i);
      continue;
    }
    uint32_t e = scan_word(z, i, W_ARG);
    if (e == i) return i;
    blank_range(z, i, e);
    i = e;
  }
}

static void close_brace(zp *z, list *L, uint32_t *i) {
  while (L->nfr && !is_brace(top(L)->k)) L->nfr--;
  frkind k = L->nfr ? top(L)->k : FR_BRACE;
  if (L->nfr) L->nfr--;
  (*i)++;
  if (k == FR_ANON) *i = anon_args(z, *i);
  L->cmd = false;
  uint32_t j = *i;
  while (blank(ch(z, j))) j++;
  if (k == FR_IF_BRACE && j > *i && (at_word(z, j, "elif") || at_word(z, j, "else"))) {
    /* `} elif [[ … ]] {` / `} else {`: the chain of a brace if (zsh_fixup.c) */
    put(z, *i, ';');
    bool elif = z->b[j + 2] == 'i';
    if (elif) {
      L->if_fresh = true;
      L->if_at = j;
      L->if_len = 4;
    } else {
      blank_range(z, j, j + 4);
    }
    *i = j + 4;
    L->cmd = true;
    return;
  }
  if (j > *i && at_word(z, j, "always")) { /* { try } always { finally }: two groups in a row */
    put(z, j, ';');
    blank_range(z, j + 1, j + 6);
    z->edits++;
    *i = j + 6;
    L->cmd = true;
  }
}

/* zsh takes `[[ … ]] then`, `(( … )) do`: the blank before the keyword
 * becomes the `;` bash wants. e is one past the ]] or )). */
static uint32_t after_test(zp *z, list *L, uint32_t e) {
  uint32_t j = e;
  while (blank(ch(z, j)) || (ch(z, j) == '\\' && ch(z, j + 1) == '\n')) j += ch(z, j) == '\\' ? 2 : 1;
  if (j > e && (at_word(z, j, "then") || at_word(z, j, "do"))) {
    put(z, e, ';');
    z->edits++;
  } else if (L->if_fresh && j > e && ch(z, j) && !strchr("\n;&|#)\\", ch(z, j)) &&
             !memchr(z->b + e, '\n', j - e)) {
    /* short `if [[ c ]] cmd` and brace `if [[ c ]] { … }`: the `if` is
     * blanked and a ; ends the test; zsh_fixup.c rebuilds the RC_S_IF */
    blank_range(z, L->if_at, L->if_at + L->if_len);
    put(z, e, ';');
    z->edits++;
    L->if_brace = ch(z, j) == '{';
    if (L->if_len == 2 && L->nfr && top(L)->k == FR_IF) L->nfr--; /* no fi to come */
  }
  L->if_fresh = false;
  return e;
}

/* for/select/foreach at i (kw bytes long). */
static uint32_t scan_for(zp *z, list *L, uint32_t kw, uint32_t kwlen) {
  uint32_t i = kw + kwlen;
  while (blank(ch(z, i))) i++;
  if (ch(z, i) == '(' && ch(z, i + 1) == '(') { /* for (( init; cond; step )) */
    uint32_t e = sk_parens(z->b, z->n, i, false);
    uint32_t a = i + 2;
    for (uint32_t k = a; k + 2 <= e; k++)
      if (k + 2 == e || z->b[k] == ';') {
        arith_range(z, a, k);
        a = k + 1;
      }
    L->cmd = true;
    return after_test(z, L, e);
  }
  uint32_t first_end = 0, names = 0;
  while (namec(ch(z, i)) && !at_word(z, i, "in") && !at_word(z, i, "do")) {
    while (namec(ch(z, i))) i++;
    if (!names++) first_end = i;
    while (blank(ch(z, i))) i++;
  }
  if (!names) return i;
  if (ch(z, i) == '(') {
    /* short form `for a b (words) body` → `:   a b$(words);body`: the words
     * become a command substitution (lowered as commands, so any line
     * layout works); zsh_fixup.c rebuilds the loop from both statements. */
    uint32_t paren = i;
    put(z, kw, ':');
    blank_range(z, kw + 1, kw + kwlen);
    put(z, paren - 1, '$');
    z->edits++;
    i = scan_list(z, paren + 1, ')');
    if (i < z->n) i++;
    uint32_t j = i;
    while (blank(ch(z, j))) j++;
    /* split "for…=(…) body" into two statements; zsh_fixup.c joins them */
    if (j > i && ch(z, j) && ch(z, j) != '\n' && ch(z, j) != ';' && ch(z, j) != '#') put(z, i, ';');
    L->pending_do = true;
    L->cmd = true;
    return j;
  }
  if (names > 1 && (at_word(z, i, "in") || ch(z, i) == ';' || ch(z, i) == '\n')) {
    blank_range(z, first_end, i); /* for k v in …: the IR keeps the first name */
    z->edits++;
  }
  L->cmd = false;
  if (!at_word(z, i, "in")) return i;
  uint32_t j = i + 2;
  for (;;) { /* the words */
    while (blank(ch(z, j)) || (ch(z, j) == '\\' && ch(z, j + 1) == '\n')) j += ch(z, j) == '\\' ? 2 : 1;
    char c = ch(z, j);
    if (!c || strchr("\n;#&|)", c)) break;
    uint32_t e = scan_word(z, j, W_ARG);
    j = e > j ? e : j + 1;
  }
  uint32_t k = j;
  for (;;) { /* past the terminator, to the body */
    char c = ch(z, k);
    if (blank(c) || c == ';' || c == '\n') k++;
    else if (c == '#') while (k < z->n && z->b[k] != '\n') k++;
    else break;
  }
  if (k < z->n && !at_word(z, k, "do")) {
    /* `for x in words; body` (zsh short loops, body a command or { … }) →
     * `:   x in words; body`; zsh_fixup.c rebuilds the loop */
    put(z, kw, ':');
    blank_range(z, kw + 1, kw + kwlen);
    z->edits++;
  }
  return j;
}

/* `function` at kw: names, then () and a body. */
static uint32_t scan_function(zp *z, list *L, uint32_t kw) {
  uint32_t i = kw + 8;
  while (blank(ch(z, i))) i++;
  bool parens = ch(z, i) == '(' && ch(z, i + 1) == ')';
  uint32_t j = parens ? i + 2 : i;
  while (blank(ch(z, j))) j++;
  if ((parens || ch(z, i) == '{') && ch(z, j) == '{') { /* anonymous: function { … } */
    put(z, kw, '{');
    blank_range(z, kw + 1, j + 1);
    z->edits++;
    push(L, FR_ANON);
    L->cmd = true;
    return j + 1;
  }
  uint32_t first_end = 0, names = 0;
  while (i < z->n && !word_end(ch(z, i)) && ch(z, i) != '(' && ch(z, i) != '{') {
    while (i < z->n && !word_end(ch(z, i)) && ch(z, i) != '(') i++;
    if (!names++) first_end = i;
    while (blank(ch(z, i)) || (ch(z, i) == '\\' && ch(z, i + 1) == '\n')) i += ch(z, i) == '\\' ? 2 : 1;
  }
  for (uint32_t k = kw + 9; k < first_end; k++)
    if (strchr("$={},'\"`[]", z->b[k])) put(z, k, '_'); /* function ${=x}, {a,b}_c: a name word */
  if (names > 1) { /* function a b { … }: the IR keeps the first name */
    blank_range(z, first_end, i);
    z->edits++;
  }
  if (ch(z, i) == '(' && ch(z, i + 1) == ')') i += 2;
  L->cmd = true;
  L->fn_body = true;
  return i;
}

/* NAME[index]=…: the index is text to the IR (read from the original), and
 * zsh's (i) (r) flags or nested $a[x] there defeat tree-sitter: it becomes
 * one plain word. NAME[i]=() (remove an element) becomes NAME[i]=''. */
static void assign_index(zp *z, uint32_t i) {
  uint32_t k = i;
  while (namec(ch(z, k))) k++;
  if (k == i || !name1(z->b[i]) || ch(z, k) != '[') return;
  uint32_t lb = k, j = k + 1;
  int depth = 1;
  while (j < z->n && z->b[j] != '\n') {
    char c = z->b[j];
    if (c == '\'' || c == '"' || c == '`' || c == '$') {
      uint32_t e = rc_zsh_skip(z->b, z->n, j, false);
      if (e > j + 1) {
        j = e;
        continue;
      }
    }
    if (c == '[') depth++;
    if (c == ']' && --depth == 0) break;
    j++;
  }
  uint32_t eq = j + 1 + (ch(z, j + 1) == '+');
  if (j >= z->n || z->b[j] != ']' || ch(z, eq) != '=') return;
  bool plain = true;
  for (uint32_t c = lb + 1; c < j; c++)
    if (!namec(z->b[c])) plain = false; /* z[-]=… a[i+1]=… */
  if (!plain) {
    for (uint32_t c = lb + 1; c < j; c++)
      if (!namec(z->b[c])) put(z, c, '_');
    z->edits++;
  }
  if (ch(z, eq + 1) == '(' && ch(z, eq + 2) == ')') {
    put(z, eq + 1, '\'');
    put(z, eq + 2, '\'');
    z->edits++;
  }
}

/* tree-sitter-bash 0.25.1 joins `a=1 b=2` with the next line's command
 * (`a=1 b=2⏎ls` parses as `a=1 b=2 ls`): an assignment-only statement of
 * two or more assignments is cut into one statement each. Called at every
 * end of a simple command. */
static void end_assigns(zp *z, list *L) {
  if (L->cmd && L->nassign >= 2) {
    for (uint32_t k = 0; k < L->nassign - 1 && k < RC_ARRAY_LEN(L->gap); k++)
      if (blank(z->b[L->gap[k]])) put(z, L->gap[k], ';');
    z->edits++;
  }
  L->nassign = 0;
}

/* From i (after the assignments of a statement): only redirections up to
 * the end of the command? */
static bool only_redirects_follow(const zp *z, uint32_t i) {
  for (;;) {
    while (blank(ch(z, i)) || (ch(z, i) == '\\' && ch(z, i + 1) == '\n')) i += ch(z, i) == '\\' ? 2 : 1;
    char c = ch(z, i);
    if (!c || c == '\n' || c == ';' || c == '#' || c == ')' || c == '}' || c == '|' || (c == '&' && ch(z, i + 1) != '>'))
      return true;
    uint32_t j = i;
    while (ch(z, j) >= '0' && ch(z, j) <= '9') j++;
    if (!(ch(z, j) == '<' || ch(z, j) == '>' || (ch(z, j) == '&' && ch(z, j + 1) == '>'))) return false;
    while (ch(z, j) && strchr("<>&|!-", ch(z, j))) j++;
    while (blank(ch(z, j))) j++;
    while (j < z->n && !word_end(z->b[j]) && z->b[j] != '\n') {
      uint32_t k = rc_zsh_skip(z->b, z->n, j, false);
      j = k > j ? k : j + 1;
    }
    i = j;
  }
}

/* `X=1 2>/dev/null` (assignments, then only redirections): tree-sitter
 * wants a command there and, failing, runs into the next line. The first
 * byte of the first redirection becomes a `:` command (`X=1 :>/dev/null`);
 * zsh_fixup.c turns it back into a redirected assignment. */
static bool assign_redirect(zp *z, list *L, uint32_t i) {
  if (!L->cmd || !L->nassign || !only_redirects_follow(z, i)) return false;
  put(z, i, ':');
  for (uint32_t k = i + 1; ch(z, k) >= '0' && ch(z, k) <= '9'; k++) put(z, k, ' ');
  z->edits++;
  L->nassign = 0;
  L->cmd = false;
  return true;
}

/* A word at command position. */
static uint32_t command_word(zp *z, list *L, uint32_t i) {
  char c = z->b[i];
  bool fn_body = L->fn_body;
  L->fn_body = false;
  if (c >= '0' && c <= '9') { /* X=1 2>/dev/null */
    uint32_t j = i;
    while (ch(z, j) >= '0' && ch(z, j) <= '9') j++;
    if ((ch(z, j) == '<' || ch(z, j) == '>') && assign_redirect(z, L, i)) return j;
  }
  if (c == '}') end_assigns(z, L);
  uint32_t nassign = L->nassign;
  L->nassign = 0;
  if (fn_body && c == '{' && !word_end(ch(z, i + 1)) && i > 0 && blank(z->b[i - 1])) {
    /* `f () {cmd …}`: zsh opens the body without a blank; swapping the {
     * with the blank before it keeps `cmd` where it is */
    put(z, i - 1, '{');
    put(z, i, ' ');
    z->edits++;
    push(L, FR_BRACE);
    return i + 1;
  }
  if (c == '{' && (word_end(ch(z, i + 1)) || ch(z, i + 1) == '\n')) {
    uint32_t j = i + 1;
    while (blank(ch(z, j))) j++;
    if (j > i + 1 && ch(z, j) == ';' && ch(z, j + 1) != ';') put(z, j - 1, ':'); /* { ; } → { :; } */
    push(L, L->if_brace ? FR_IF_BRACE : FR_BRACE);
    L->if_brace = L->if_fresh = false;
    return i + 1;
  }
  if (c == '}' && (i + 1 >= z->n || word_end(ch(z, i + 1)) || ch(z, i + 1) == '}')) {
    /* `{ x=1 }`, `fi }`: zsh closes at a lone }, bash wants a ; first */
    uint32_t p = i;
    while (p > 0 && blank(z->b[p - 1])) p--;
    if (p < i && p > 0 && !strchr(";\n{&|(", z->b[p - 1])) put(z, i - 1, ';'), z->edits++;
    close_brace(z, L, &i);
    return i;
  }
  if (c == '(' && ch(z, i + 1) == '(') {
    uint32_t e = arith(z, i);
    if (e) {
      L->cmd = false;
      return after_test(z, L, e);
    }
  }
  if (c == '(' && ch(z, i + 1) == ')') { /* () { … } anonymous function */
    uint32_t j = i + 2;
    while (blank(ch(z, j))) j++;
    if (ch(z, j) == '{') {
      put(z, i, '{');
      blank_range(z, i + 1, j + 1);
      z->edits++;
      push(L, FR_ANON);
      return j + 1;
    }
  }
  if (c == '(') {
    uint32_t e = scan_list(z, i + 1, ')');
    L->cmd = false;
    return e < z->n ? e + 1 : e;
  }
  if (c == '[' && ch(z, i + 1) == '[' && word_end(ch(z, i + 2))) {
    L->cmd = false;
    return after_test(z, L, scan_cond(z, i + 2));
  }
  if (c == '!' && word_end(ch(z, i + 1))) return i + 1;
  if (at_word(z, i, "if") || at_word(z, i, "elif")) {
    if (c == 'i') push(L, FR_IF);
    L->if_fresh = true;
    L->if_at = i;
    L->if_len = c == 'i' ? 2 : 4;
    return i + L->if_len;
  }
  L->if_fresh = L->if_brace = false;
  static const char *const again[] = {"then", "else", "while", "until", "time",
                                      "coproc", "nocorrect", "noglob", "builtin", "command", "exec"};
  for (size_t k = 0; k < RC_ARRAY_LEN(again); k++)
    if (at_word(z, i, again[k])) {
      uint32_t e = i + (uint32_t)strlen(again[k]);
      if (ch(z, e) == ';' && ch(z, e + 1) != ';' && (c == 't' || c == 'e')) put(z, e, ' '); /* else; */
      return e;
    }
  if (at_word(z, i, "do")) {
    if (L->pending_do) { /* short for … do … done → { … } */
      put(z, i, '{');
      put(z, i + 1, ' ');
      z->edits++;
      push(L, FR_DO_BRACE);
    } else {
      push(L, FR_DO);
    }
    L->pending_do = false;
    return i + 2;
  }
  L->pending_do = false;
  if (at_word(z, i, "done")) {
    while (L->nfr && top(L)->k != FR_DO && top(L)->k != FR_DO_BRACE) L->nfr--;
    if (L->nfr && top(L)->k == FR_DO_BRACE) {
      put(z, i, '}');
      blank_range(z, i + 1, i + 4);
    }
    if (L->nfr) L->nfr--;
    L->cmd = false;
    return i + 4;
  }
  if (at_word(z, i, "fi")) {
    while (L->nfr && top(L)->k != FR_IF) L->nfr--;
    if (L->nfr) L->nfr--;
    L->cmd = false;
    return i + 2;
  }
  if (at_word(z, i, "esac")) {
    while (L->nfr && top(L)->k != FR_CASE) L->nfr--;
    if (L->nfr) L->nfr--;
    L->cmd = false;
    return i + 4;
  }
  if (at_word(z, i, "case")) {
    push(L, FR_CASE);
    L->cmd = false;
    return i + 4;
  }
  if (at_word(z, i, "for")) return scan_for(z, L, i, 3);
  if (at_word(z, i, "select")) return scan_for(z, L, i, 6);
  if (at_word(z, i, "foreach")) return scan_for(z, L, i, 7);
  if (at_word(z, i, "function")) return scan_function(z, L, i);
  assign_index(z, i);
  /* assignments keep command position; NAME() starts a function */
  uint32_t e = scan_word(z, i, W_CMD);
  if (e == i) return i + 1;
  for (uint32_t k = i + 1; k < e; k++)
    if (z->b[k] == '=') {
      if (!assign_before(z, i, k)) break;
      if (nassign && nassign <= RC_ARRAY_LEN(L->gap)) L->gap[nassign - 1] = i - 1;
      L->nassign = nassign + 1;
      return e;
    }
  uint32_t j = e;
  while (blank(ch(z, j))) j++;
  if (ch(z, j) == '(' && ch(z, j + 1) == ')') { /* name () body */
    for (uint32_t k = i; k < e; k++)
      if (strchr("$={},'\"`[]", z->b[k])) put(z, k, '_'); /* _comp_$x() { */
    L->fn_body = true;
    return j + 2;
  }
  L->cmd = false;
  return e;
}

static uint32_t scan_list(zp *z, uint32_t i, char stop) {
  if (++z->nest > MAX_NEST) {
    z->nest--;
    return z->n;
  }
  list L;
  L.nfr = 0;
  L.cmd = true;
  L.pending_do = L.if_fresh = L.if_brace = L.fn_body = false;
  L.nassign = 0;
  L.after_op = false;
  L.line_start = true;
  L.if_at = L.if_len = 0;
  while (i < z->n) {
    uint32_t before = i;
    i = skip_space(z, i, false);
    if (i >= z->n) break;
    char c = z->b[i];
    if (c == '\n') {
      end_assigns(z, &L);
      i = heredocs(z, i + 1);
      L.cmd = true;
      L.line_start = !L.after_op;
      continue;
    }
    bool line_start = L.line_start;
    L.line_start = false;
    if (stop && c == stop) break;
    frame *t = top(&L);
    if (c == ';' || c == ')' || ((c == '&' || c == '|') && !at_redirect(z, i))) end_assigns(z, &L);
    if ((c == '<' || c == '>' || c == '&') && at_redirect(z, i) && assign_redirect(z, &L, i)) continue;
    if (c == ';') {
      if (ch(z, i + 1) == ';' || ch(z, i + 1) == '&' || ch(z, i + 1) == '|') {
        /* ;& ;| → ;; (tree-sitter fails on ;& before esac; the lowering
         * reads the terminator from the original bytes) */
        if (ch(z, i + 1) != ';') put(z, i + 1, ';'), z->edits++;
        i += 2;
        if (ch(z, i) == '&') i++; /* ;;& */
        while (L.nfr && top(&L)->k != FR_CASE) L.nfr--;
        if (L.nfr) top(&L)->state = 1;
      } else {
        i++;
      }
      L.cmd = true;
      continue;
    }
    if (c == '&' || c == '|') {
      if (at_redirect(z, i)) {
        i = scan_redirect(z, i);
        continue;
      }
      if (c == '&' && (ch(z, i + 1) == '|' || ch(z, i + 1) == '!')) {
        put(z, i + 1, ' '); /* &| &! (disown) → & */
        z->edits++;
        uint32_t j = i + 2;
        while (blank(ch(z, j))) j++;
        if (ch(z, j) == ';' && ch(z, j + 1) != ';') put(z, j, ' '); /* `cmd &|;`: bash has no empty command */
      }
      L.after_op = !(c == '&' && ch(z, i + 1) != '&');
      i += (ch(z, i + 1) == '&' || ch(z, i + 1) == '|' || ch(z, i + 1) == '!') ? 2 : 1;
      L.cmd = true;
      continue;
    }
    if (c == '<' || c == '>') {
      if (at_redirect(z, i)) {
        i = scan_redirect(z, i);
        continue;
      }
    }
    if (c == ')') { /* stray */
      i++;
      continue;
    }
    if (t && t->k == FR_CASE && t->state == 1) {
      if (at_word(z, i, "esac")) {
        L.nfr--;
        L.cmd = false;
        i += 4;
        continue;
      }
      i = scan_pattern(z, i);
      t->state = 2;
      L.cmd = true;
      continue;
    }
    if (t && t->k == FR_CASE && t->state == 0 && !L.cmd && at_word(z, i, "in")) {
      t->state = 1;
      i += 2;
      continue;
    }
    L.after_op = false;
    if (L.cmd) {
      if (line_start && z->want_starts && z->nest == 1 && L.nfr == 0) rc_vec_push(&z->starts, i);
      i = command_word(z, &L, i);
    } else if (c == '}' && (i + 1 >= z->n || word_end(ch(z, i + 1))) && brace_open(&L)) {
      /* zsh closes a group at a lone } anywhere: `{ echo hi }`, and after a
       * line continuation: `cmd \⏎}` */
      if (i > 0 && blank(z->b[i - 1])) put(z, i - 1, ';'), z->edits++;
      else if (i > 1 && z->b[i - 1] == '\n' && z->b[i - 2] == '\\') put(z, i - 2, ';'), z->edits++;
      close_brace(z, &L, &i);
    } else {
      uint32_t e = scan_word(z, i, W_ARG);
      i = e > i ? e : i + 1;
    }
    if (i <= before) i = before + 1;
  }
  end_assigns(z, &L);
  z->nest--;
  return i;
}

uint32_t rc_zsh_prepass_starts(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts) {
  zp z;
  memset(&z, 0, sizeof z);
  z.b = buf;
  z.n = len;
  z.want_starts = starts != NULL;
  uint32_t i = 0;
  while (i < len) {
    i = scan_list(&z, i, 0);
    if (i < len) i++; /* a stray ) at the top level */
  }
  if (starts) {
    *starts = z.starts.v;
    *nstarts = (uint32_t)z.starts.n;
  }
  return z.edits;
}

uint32_t rc_zsh_prepass(char *buf, uint32_t len) { return rc_zsh_prepass_starts(buf, len, NULL, NULL); }
