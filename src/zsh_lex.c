/* zsh_lex.c — pure scanning of zsh text, no rewriting: the end of a quoted
 * string or substitution, and the parts of a ${…} expansion. Shared by the
 * pre-pass and zsh_fixup.c (see zsh_scan.h). */
#include "zsh_scan.h"

uint32_t rc_zs_skip_sq(const char *b, uint32_t n, uint32_t i) {
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

/* Substitutions nest at most MAX_NEST deep: deeper text counts as
 * unterminated, so scanning stays linear on `${${${…` thousands deep (each ${
 * would be scanned to its end again) and the recursion stays shallow. */
static uint32_t skip_d(const char *b, uint32_t n, uint32_t i, bool in_dq, int d);

static uint32_t sk_dq(const char *b, uint32_t n, uint32_t i, int d) {
  for (i++; i < n;) {
    char c = b[i];
    if (c == '\\') {
      i += 2;
      continue;
    }
    if (c == '"') return i + 1;
    if (c == '$' || c == '`') {
      uint32_t j = skip_d(b, n, i, true, d + 1);
      i = j > i ? j : i + 1;
      continue;
    }
    i++;
  }
  return n;
}

/* i at "(": one past the matching ")" of a command list or $(…) (comments
 * skipped), or of arithmetic or a pattern group (no comments: `[##16]`). */
static uint32_t parens_d(const char *b, uint32_t n, uint32_t i, bool comments, int d) {
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
      uint32_t j = skip_d(b, n, i, false, d + 1);
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

uint32_t rc_zs_skip_parens(const char *b, uint32_t n, uint32_t i, bool comments) {
  return parens_d(b, n, i, comments, 0);
}

/* From just inside a ${ (depth 1) to one past its closing }, or n. Sets
 * *bare_paren when the top level holds what tree-sitter-bash cannot take in
 * an operand: ( ; | & an unmatched ], or a ' (literal inside "…"). */
static uint32_t sk_brace_body(const char *b, uint32_t n, uint32_t i, bool in_dq, bool *bare_paren, int d) {
  int depth = 1, brackets = 0;
  while (i < n) {
    char c = b[i];
    if (c == '\\') {
      if (bare_paren && i + 1 < n && strchr("()[]'", b[i + 1])) *bare_paren = true; /* :\(icase\) %%\[* %\' */
      if (bare_paren && i + 1 < n && b[i + 1] == '$') *bare_paren = true;
      /* \${…\}: an escaped $ makes its { a plain byte, as for zsh */
      i += i + 2 < n && b[i + 1] == '$' && b[i + 2] == '{' ? 3 : 2;
      continue;
    }
    if (c == '"' || c == '`' || c == '$' || (c == '\'' && !in_dq)) {
      uint32_t j = skip_d(b, n, i, in_dq, d + 1);
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

static uint32_t skip_d(const char *b, uint32_t n, uint32_t i, bool in_dq, int d) {
  if (i >= n || d > MAX_NEST) return n;
  char c = b[i], c1 = i + 1 < n ? b[i + 1] : 0;
  switch (c) {
  case '\'': return in_dq ? i + 1 : rc_zs_skip_sq(b, n, i);
  case '"': return sk_dq(b, n, i, d);
  case '`': return sk_escaped(b, n, i + 1, '`');
  case '$': break;
  default: return i + 1;
  }
  if (c1 == '\'' && !in_dq) return sk_escaped(b, n, i + 2, '\'');
  if (c1 == '(') return parens_d(b, n, i + 1, !(i + 2 < n && b[i + 2] == '('), d);
  if (c1 == '{') return sk_brace_body(b, n, i + 2, in_dq, NULL, d);
  if (c1 == '[') return sk_escaped(b, n, i + 2, ']');
  if (c1 == '"') return in_dq ? i + 1 : sk_dq(b, n, i + 1, d);
  uint32_t j = i + 1;
  while (j < n && (b[j] == '+' || b[j] == '~' || b[j] == '=' || b[j] == '^') && j < i + 3) j++;
  if (j < n && name1(b[j])) {
    while (j < n && namec(b[j])) j++;
    return j;
  }
  if (c1 && strchr("@*#?-$!0123456789", c1)) return i + 2;
  return i + 1;
}

uint32_t rc_zsh_skip(const char *b, uint32_t n, uint32_t i, bool in_dq) { return skip_d(b, n, i, in_dq, 0); }

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
  uint32_t end = sk_brace_body(b, n, i, in_dq, &bare_paren, 0);
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

