/* zsh_words.c — the word-level half of the zsh pre-pass (see zsh_prepass.c
 * for what is rewritten and why): quotes, substitutions, ${…}, arithmetic,
 * glob qualifiers and patterns, subscripts, redirections, here-documents,
 * [[ ]] and case patterns. */
#include "zsh_scan.h"

uint32_t rc_zs_scan_list(zscan *z, uint32_t i, char stop);
uint32_t rc_zs_scan_word(zscan *z, uint32_t i, int ctx);
static uint32_t scan_dollar(zscan *z, uint32_t i, bool in_dq);

/* A byte that ends a word part for tree-sitter yet stays inside the word:
 * an unmatched } is a word of its own. */
static char stop_char(void) { return '}'; }

/* tree-sitter-bash 0.25.1 reads `$a/b$c/d` as two words, `$a/b$` and `c/d`
 * (it prefers a trailing bare `$`), and a pattern's rewritten bytes could
 * lengthen a name: after a bare $name that does not start its word, the
 * next byte becomes stop_char() (not inside ${…}, where tree-sitter reads
 * the operand as one token). [i, e) is what scan_dollar scanned; returns
 * where scanning goes on. */
static uint32_t split_guard(zscan *z, uint32_t i, uint32_t e) {
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

/* i at a backquote: its commands are scanned like those of $(…); the end
 * is where the pure skip puts it (\` escapes). */
static uint32_t backquote(zscan *z, uint32_t i) {
  uint32_t end = rc_zsh_skip(z->b, z->n, i, false), n = z->n;
  z->n = end > i + 1 && z->b[end - 1] == '`' ? end - 1 : end; /* never past the closing ` */
  rc_zs_scan_list(z, i + 1, '`');
  z->n = n;
  return end;
}

/* tree-sitter-bash splits `${a}\[`, `"a"\x`, `${a}\ b` into two words:
 * after a quote or substitution (ending at e), an escaped byte and its
 * backslash become "__" (the literal is read from the original, \ removed). */
static uint32_t esc_guard(zscan *z, uint32_t e) {
  if (z->in_param || ch(z, e) != '\\') return e;
  char c = ch(z, e + 1);
  if (!c || c == '\n') return e;
  /* one word node for both bytes (the lowering then drops the \); a '.'
   * first when a $name ends right before, which '_' would lengthen */
  put(z, e, e > 0 && namec(z->b[e - 1]) ? '.' : '_');
  put(z, e + 1, '_');
  bash_fix(z, e, e + 2);
  z->edits++;
  return e + 2;
}

static uint32_t scan_dq(zscan *z, uint32_t i) {
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
      i = backquote(z, i);
      continue;
    }
    i++;
  }
  return z->n;
}

/* Is [a, e) arithmetic tree-sitter-bash parses: names, decimal numbers,
 * operators, parentheses, and substitutions it knows ($x $1 $# ${x:-0}
 * $(…) $((…)))? Not $+x, #x, $#x, ${(…)x}, x[(i)…], 1.5, 0x7f, f(1). */
static bool arith_ok(const zscan *z, uint32_t a, uint32_t e) {
  bool operand = false; /* the last token was an operand: two in a row ($a $1) are not arithmetic */
  for (uint32_t k = a; k < e;) {
    char c = z->b[k];
    if (blank(c) || c == '\n') {
      k++;
      continue;
    }
    bool opnd = c == '$' || namec(c);
    if (opnd && operand) return false;
    if (c == '$') {
      char c1 = k + 1 < e ? z->b[k + 1] : 0;
      uint32_t x;
      if (c1 == '{') {
        rc_zexp ex;
        rc_zexp_scan(z->b, e, k, false, &ex);
        if (!ex.end || rc_zexp_is_zsh(z->b, &ex)) return false;
        x = ex.end;
      } else if (c1 == '(') {
        x = rc_zsh_skip(z->b, e, k, false);
      } else if (name1(c1)) {
        x = k + 1;
        while (x < e && namec(z->b[x])) x++;
        if (x < e && z->b[x] == '[') return false; /* $a[1]: zsh */
      } else if (c1 && strchr("#?$!@*-0123456789", c1)) {
        x = k + 2;
        if (c1 == '#' && x < e && !blank(z->b[x]) && z->b[x] != ')') return false; /* $#x $#* */
      } else {
        return false; /* $+x $~x … */
      }
      if (x > e) return false;
      k = x;
      operand = true;
      continue;
    }
    if (c >= '0' && c <= '9') {
      while (k < e && namec(z->b[k])) {
        if (!(z->b[k] >= '0' && z->b[k] <= '9')) return false; /* 0x7f 16#ff 1e3 */
        k++;
      }
      operand = true;
      continue;
    }
    if (namec(c)) {
      while (k < e && namec(z->b[k])) k++;
      if (k < e && z->b[k] == '(') return false; /* atan(1) */
      operand = true;
      continue;
    }
    if (c == '[') { /* x[i]: bash, x[(i)…] x[$a/b/$c]: zsh */
      if (!operand || (k + 1 < e && z->b[k + 1] == '(')) return false;
      uint32_t dollars = 0;
      for (uint32_t m = k + 1; m < e && z->b[m] != ']'; m++) dollars += z->b[m] == '$';
      if (dollars > 1) return false;
      operand = false;
      k++;
      continue;
    }
    if (c == ']' || c == ')') {
      operand = true;
      k++;
      continue;
    }
    if (!strchr("+-*/%<>=!&|^~(", c)) return false;
    operand = false;
    k++;
  }
  return true;
}

/* Arithmetic text [a, e): what tree-sitter's (bash) arithmetic cannot take
 * is blanked to "1" — the IR keeps the arithmetic as written in its text;
 * what it can take stays, so the lowering still gets the expression. */
void rc_zs_arith_range(zscan *z, uint32_t a, uint32_t e) {
  if (arith_ok(z, a, e)) {
    uint32_t n = z->n;
    z->n = e;
    for (uint32_t k = a; k < e;) k = z->b[k] == '$' ? scan_dollar(z, k, false) : k + 1;
    z->n = n;
    return;
  }
  bool first = true;
  for (uint32_t k = a; k < e; k++) {
    if (z->b[k] == '\n') continue;
    put(z, k, first ? '1' : ' ');
    first = false;
  }
  z->edits++;
}

/* i at "((" (or the "((" of "$(("): when it closes with "))", its body goes
 * through rc_zs_arith_range; returns one past it, or 0 when it is not arithmetic
 * (a subshell in a subshell). */
uint32_t rc_zs_arith(zscan *z, uint32_t open) {
  uint32_t end = rc_zs_skip_parens(z->b, z->n, open, false);
  if (end < open + 4 || end > z->n || z->b[end - 1] != ')' || z->b[end - 2] != ')') return 0;
  /* the inner ( must close right before the outer ) */
  if (rc_zs_skip_parens(z->b, z->n, open + 1, false) != end - 1) return 0;
  rc_zs_arith_range(z, open + 2, end - 2);
  return end;
}

/* Pattern text is one literal word to the IR (read from the original):
 * [[:space:]] ## ^ ~ - ! { } * ? only confuse tree-sitter, so in a pattern
 * every byte but these becomes '_'. */
static bool pat_safe(char c) { return namec(c) || strchr("./:,@%", c); }

/* Rewrites [a, e) of a pattern: unsafe bytes → '_', substitutions and
 * quotes kept (and scanned); blanks too when `blanks` (inside a group). */
static void pattern_text(zscan *z, uint32_t a, uint32_t e, bool blanks) {
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

/* The `close` that balances the `open` at b[i], past escapes, quotes and
 * substitutions; z->n when a newline (or a blank, with `blank_stops`) comes
 * first or nothing balances it. */
static uint32_t group_close(zscan *z, uint32_t i, char open, char close, bool blank_stops) {
  int depth = 0;
  for (uint32_t j = i; j < z->n;) {
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
    if (c == '\n' || (blank(c) && blank_stops)) return z->n;
    if (c == open) depth++;
    if (c == close && --depth == 0) return j;
    j++;
  }
  return z->n;
}

/* A zsh pattern group or glob qualifier at b[i] == '(' inside a word:
 * `~/bin(N)`, `*(.)`, `(a|b)*`, `(#b)(*)`. It becomes one word (see
 * pattern_text). Returns one past the group, or i + 1 when it is not a
 * group (unbalanced; or blanks inside, allowed in patterns only). */
static uint32_t wordify(zscan *z, uint32_t i, bool pat) {
  uint32_t j = group_close(z, i, '(', ')', !pat);
  if (j >= z->n) return i + 1;
  uint32_t n = z->n;
  z->n = j + 1; /* nothing inside may scan past the group */
  pattern_text(z, i, j + 1, true);
  z->n = n;
  z->edits++;
  return j + 1;
}

/* $name[…] (zsh subscripts a bare $name): brackets become stop_char(),
 * and the inside one word, so `[ $a[x] = y ]` and `$a[(r)x]` parse. */
static uint32_t subscript(zscan *z, uint32_t i) {
  uint32_t j = group_close(z, i, '[', ']', false);
  if (j >= z->n) return i + 1;
  if (!z->in_param) { /* inside ${…} tree-sitter takes $a[x] as it is */
    put(z, i, stop_char());
    put(z, j, stop_char());
  }
  uint32_t n = z->n;
  z->n = j; /* nothing inside may scan past the ] */
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
  z->n = n;
  z->edits++;
  return j + 1;
}

/* Substitutions inside [a, e) of a bash-compatible ${…}: scanned in place. */
static void scan_inside(zscan *z, uint32_t a, uint32_t e, bool in_dq) {
  uint32_t n = z->n;
  z->n = e; /* nothing inside may scan past the operand */
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
  z->n = n;
}

/* i at "${". */
static uint32_t scan_param(zscan *z, uint32_t i, bool in_dq) {
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
    /* tree-sitter fails on $(((a)…)) and $'…' there */
    bool arith_sub = c == '$' && ((ch(z, k + 1) == '(' && ch(z, k + 2) == '(') || ch(z, k + 1) == '\'');
    if (nx && nx <= close && room && k >= a + 3 && !arith_sub) {
      uint32_t n = z->n;
      z->n = nx; /* the nested scan stops where the pure skip did */
      z->in_param++;
      if (c == '$') scan_dollar(z, k, in_dq);
      else if (c == '"') scan_dq(z, k);
      z->in_param--;
      z->n = n;
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
static uint32_t scan_dollar(zscan *z, uint32_t i, bool in_dq) {
  char c1 = ch(z, i + 1);
  if (c1 == '(') {
    if (ch(z, i + 2) == '(') {
      uint32_t e = rc_zs_arith(z, i + 1);
      if (e) return e;
    }
    uint32_t e = rc_zs_scan_list(z, i + 2, ')');
    return e < z->n ? e + 1 : e;
  }
  if (c1 == '{') return scan_param(z, i, in_dq);
  if (c1 == '"' && in_dq) return i + 1; /* "…$" */
  if (c1 == '\'' || c1 == '"' || c1 == '[') return rc_zsh_skip(z->b, z->n, i, in_dq);
  uint32_t j = i + 1;
  if (c1 == '+' || c1 == '~' || c1 == '=' || c1 == '^') {
    while (j < i + 3 && (ch(z, j) == '+' || ch(z, j) == '~' || ch(z, j) == '=' || ch(z, j) == '^')) j++;
    if (j == i + 2 && ch(z, j) && strchr("*@#?$!-0123456789", ch(z, j))) { /* $~* $=1 → $_* $_1 */
      put(z, i + 1, '_');
      z->edits++;
      return i + 2;
    }
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
static uint32_t numeric_glob(const zscan *z, uint32_t i) {
  uint32_t j = i + 1;
  while (j < z->n && z->b[j] >= '0' && z->b[j] <= '9') j++;
  if (ch(z, j) != '-') return 0;
  j++;
  while (j < z->n && z->b[j] >= '0' && z->b[j] <= '9') j++;
  return ch(z, j) == '>' ? j + 1 : 0;
}

/* NAME= / NAME+= / NAME[…]= just before b[i] (the '=')? */
bool rc_zs_assign_before(const zscan *z, uint32_t start, uint32_t i) {
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

static uint32_t scan_array(zscan *z, uint32_t i);

uint32_t rc_zs_scan_word(zscan *z, uint32_t i, int ctx) {
  uint32_t start = i, lit_end = 0; /* lit_end: one past the last literal byte */
  int braces = 0;                  /* { opened in the word ({a,b}) */
  bool assign = false;             /* NAME=…: a } ends no group there (nor in typeset's arguments) */
  while (i < z->n) {
    char c = z->b[i];
    if (word_end(c)) return i;
    switch (c) {
    case '<':
    case '>': {
      if (ch(z, i + 1) == '(') {
        uint32_t e = rc_zs_scan_list(z, i + 2, ')');
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
        uint32_t e = rc_zs_scan_list(z, i + 2, ')');
        i = e < z->n ? e + 1 : e;
        continue;
      }
      if (!assign && rc_zs_assign_before(z, start, i)) assign = true;
      if (ch(z, i + 1) == '(' && ctx != W_PAT && ctx != W_COND && rc_zs_assign_before(z, start, i)) {
        i = scan_array(z, i + 1);
        if (ch(z, i) == '}' && z->in_brace && !z->bash) return i; /* `{a=(x)}`: the ) ends the word */
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
      if (e == i + 1) /* [%$], `echo $;`, s/a$//: a lone $ is literal ('.' after a name: $x$/) */
        put(z, i, i > 0 && namec(z->b[i - 1]) ? '.' : '_');
      uint32_t g = i > start || ctx == W_PAT ? split_guard(z, i, e) : e;
      i = g == e && e > i + 1 ? esc_guard(z, e) : g;
      continue;
    }
    case '\'': {
      i = rc_zsh_skip(z->b, z->n, i, false);
      while (ch(z, i) == '\\' && ch(z, i + 1) == '\n' && ch(z, i + 2) == '\'' && i > 0 && z->b[i - 1] == '\'') {
        /* 'a'\⏎'b': one quoted string to tree-sitter (it splits the words);
         * zsh_fixup.c drops the '\⏎' from the literal */
        put(z, i - 1, '_');
        put(z, i + 2, '_');
        z->edits++;
        i = rc_zs_skip_sq(z->b, z->n, i + 1);
      }
      i = esc_guard(z, i);
      continue;
    }
    case '`':
      i = esc_guard(z, backquote(z, i));
      continue;
    default:
      /* zsh ends a { } group at an unquoted } even inside a word, when the
       * word has not opened one: `f () {print x}`, `{echo "$a"}` */
      if (c == '}' && !braces && !assign && i > start && z->in_brace && !z->bash && !z->in_param && (ctx == W_CMD || ctx == W_ARG))
        return i;
      if (c == '{') braces++;
      else if (c == '}' && braces) braces--;
      /* a pattern word may not start with a letter: tree-sitter fails on
       * case patterns like (bindkey' '-[ev]), not on (_indkey' '-[ev]) */
      if (ctx == W_PAT && (!pat_safe(c) || (i == start && name1(c)))) put(z, i, '_');
      i++;
      lit_end = i;
    }
  }
  return i;
}

/* Blanks, newlines (with their here-documents), line continuations and
 * comments; returns the next significant position. */
uint32_t rc_zs_skip_space(zscan *z, uint32_t i, bool newlines);

/* i at the "(" of NAME=( … ). Returns one past the ")". */
static uint32_t scan_array(zscan *z, uint32_t i) {
  i++;
  while (i < z->n) {
    i = rc_zs_skip_space(z, i, true);
    char c = ch(z, i);
    if (!c) break;
    if (c == ')') return i + 1;
    if (c == ';' || c == '&' || c == '|' || c == '<' || c == '>') {
      i++;
      continue;
    }
    uint32_t e = rc_zs_scan_word(z, i, W_ARRAY);
    i = e > i ? e : i + 1;
  }
  return i;
}

/* Whether the line a here-document starts on goes on, after its
 * delimiter, to a reserved word that closes a list (`<<X; then`, `<<X; do`,
 * `<<X; }`, `<<X;;`): tree-sitter-bash cannot parse a body there, in bash
 * or zsh. [i, nl) is the rest of the line. */
static bool closes_list_after(const zscan *z, uint32_t i, uint32_t nl) {
  static const char *const kw[] = {"then", "do", "done", "fi", "esac", "else", "elif", "}"};
  for (; i < nl; i++) {
    char c = z->b[i];
    if (c == '#' && blank(z->b[i - 1])) return false;
    if (c == '\\' || c == '\'' || c == '"') return false; /* quoted text: leave it to the parser */
    if (c != ';' && c != '&' && c != '|') continue;
    if (c == ';' && i + 1 < nl && z->b[i + 1] == ';') return true;
    uint32_t k = i + 1;
    while (k < nl && (blank(z->b[k]) || z->b[k] == '&' || z->b[k] == '|')) k++;
    for (size_t w = 0; w < RC_ARRAY_LEN(kw); w++)
      if (at_word(z, k, kw[w])) return true;
  }
  return false;
}

/* Here-document bodies pending at a newline: skip them, scanning the
 * substitutions of unquoted ones. i is just past the newline. Where the
 * parser cannot take a body (closes_list_after), each `<<` becomes `< `
 * and its body and delimiter line blanks, newlines kept: the command reads
 * a file instead of its text, which no startup setting depends on, and the
 * statement around it parses (a bash rewrite too). */
uint32_t rc_zs_heredocs(zscan *z, uint32_t i) {
  int nhd = z->nhd;
  z->nhd = 0;
  bool flat = nhd && i > 0 && closes_list_after(z, z->hd[nhd - 1].word + z->hd[nhd - 1].wlen, i - 1);
  if (flat)
    for (int h = 0; h < nhd; h++) {
      uint32_t e = z->hd[h].op + (z->hd[h].strip_tabs ? 3 : 2);
      blank_range(z, z->hd[h].op + 1, e);
      bash_fix(z, z->hd[h].op + 1, e);
      z->edits++;
    }
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
        if (flat) blank_range(z, i, le), bash_fix(z, i, le);
        i = le < z->n ? le + 1 : le;
        break;
      }
      if (flat) {
        blank_range(z, i, le);
        bash_fix(z, i, le);
        i = le < z->n ? le + 1 : le;
        continue;
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

uint32_t rc_zs_skip_space(zscan *z, uint32_t i, bool newlines) {
  bool wstart = true;
  while (i < z->n) {
    char c = z->b[i];
    if (blank(c)) {
      i++;
    } else if (c == '\\' && ch(z, i + 1) == '\n') {
      i += 2;
    } else if (c == '\n' && newlines) {
      i = rc_zs_heredocs(z, i + 1);
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
uint32_t rc_zs_scan_redirect(zscan *z, uint32_t i) {
  char c = z->b[i];
  bool is_heredoc = false, strip = false;
  if (c == '&') i++; /* &> &>> */
  c = ch(z, i);
  uint32_t op = i;
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
  i = rc_zs_scan_word(z, i, W_ARG);
  if (is_heredoc && i > w && z->nhd < MAX_HEREDOCS) {
    heredoc *d = &z->hd[z->nhd++];
    d->op = op;
    d->word = w;
    d->wlen = i - w;
    d->strip_tabs = strip;
    d->expand = !memchr(z->b + w, '\'', i - w) && !memchr(z->b + w, '"', i - w) &&
                !memchr(z->b + w, '\\', i - w);
  }
  return i;
}

bool rc_zs_at_redirect(const zscan *z, uint32_t i) {
  char c = ch(z, i);
  if (c == '&') return ch(z, i + 1) == '>';
  if (c != '<' && c != '>') return false;
  if (ch(z, i + 1) == '(') return false;
  return !(c == '<' && numeric_glob(z, i));
}

/* The right side of =~: one word to tree-sitter (quotes and blanks in it
 * too), substitutions kept. */
static uint32_t scan_regex(zscan *z, uint32_t i) {
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
uint32_t rc_zs_scan_cond(zscan *z, uint32_t i) {
  bool pattern = false, regex = false;
  while (i < z->n) {
    i = rc_zs_skip_space(z, i, true);
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
        e = rc_zs_scan_word(z, k, W_PAT);
        if (e == k) break;
      }
      for (uint32_t k = i; k < e; k++)
        if (z->b[k] == '-') put(z, k, '_');
      z->edits++;
      i = e;
      pattern = false;
      continue;
    }
    if (c == '~' && (word_end(ch(z, i + 1)) || ch(z, i + 1) == '\n')) {
      put(z, i, '_'); /* [[ -w ~ ]]: tree-sitter reads a lone ~ as an operator */
      z->edits++;
    }
    uint32_t e = regex ? scan_regex(z, i) : rc_zs_scan_word(z, i, pattern ? W_PAT : W_COND);
    if (e == i) e = i + 1;
    if (pattern) bash_fix(z, i, e);
    bool op = (e - i == 1 && c == '=') || (e - i == 2 && (!memcmp(z->b + i, "==", 2) ||
                                                          !memcmp(z->b + i, "!=", 2) ||
                                                          !memcmp(z->b + i, "=~", 2)));
    if (e - i == 1 && c == '=') {
      put(z, i, '<'); /* tree-sitter takes `=`'s right side for a regex */
      bash_fix(z, i, e);
      z->edits++;
    }
    regex = e - i == 2 && !memcmp(z->b + i, "=~", 2);
    pattern = op;
    i = e;
  }
  return i;
}

/* After "case WORD in" and after each ";;": a pattern list "(a|b)" up to ")". */
uint32_t rc_zs_scan_pattern(zscan *z, uint32_t i) {
  if (ch(z, i) == '(') {
    /* `(a|b) cmd`: the optional "(" of case syntax; `(a|b)*) cmd`: a group */
    uint32_t m = rc_zs_skip_parens(z->b, z->n, i, false);
    if (m >= z->n || blank(z->b[m]) || z->b[m] == '\n' || z->b[m] == ';') i++;
  }
  bool started = i > 0 && z->b[i - 1] == '('; /* from there # is a pattern byte: (#* | <->) */
  bool parens = started;
  while (i < z->n) {
    if (started)
      while (blank(ch(z, i)) || ch(z, i) == '\n') i++;
    else
      i = rc_zs_skip_space(z, i, true);
    started = true;
    char c = ch(z, i);
    if (!c) break;
    if (c == ')') return i + 1;
    if (c == '|') {
      i++;
      continue;
    }
    uint32_t e = rc_zs_scan_word(z, i, W_PAT);
    if (e == i) {
      /* a '(' opening a group at the start of a pattern word */
      e = c == '(' ? wordify(z, i, true) : i + 1;
    }
    bash_fix(z, i, e);
    uint32_t k = e;
    while (parens && blank(ch(z, k))) k++;
    if (k > e && ch(z, k) && !strchr("|)\n", ch(z, k))) /* (*# SKIP*): zsh keeps the blank in the pattern */
      for (uint32_t b = e; b < k; b++) put(z, b, '_');
    i = e;
  }
  return i;
}
