/* zsh_prepass.c — see zsh_prepass.h. This file scans command lists;
 * zsh_words.c scans words, zsh_lex.c holds the pure scanning both use.
 *
 * One left-to-right scan that knows just enough zsh to find what
 * tree-sitter-bash cannot parse — quotes, substitutions, here-documents,
 * command position, brace groups, case patterns, [[ ]] and (( )) — and
 * overwrites it in place with bash of the same length. Newlines are never
 * touched, so every span stays exact; the lowering reads literal text from
 * the original bytes, and zsh_fixup.c restores the meaning of what was
 * rewritten. The rewrites, by family (→ shows the bytes tree-sitter sees):
 *
 *   (( $+commands[go] ))     arithmetic beyond bash's → ((1 …)) (kept as written in the IR)
 *   ${(s.:.)X} ${${x}:-y}    → ${_:-…}, nested $(…) ${…} "…" kept in place, the rest blanked
 *   ${~x} ${+x}  $+x $~x     → ${!x} ${#x}  $_x $_x
 *   $a[(r)x] ~/bin(N) (a|b)* subscripts, glob qualifiers, pattern groups → one word
 *   () { … } a b             → {   … }     (a group that runs now; arguments blanked)
 *   cmd &|  =(cmd)  >!  <<<  → cmd &  <(cmd)  >|  <
 *   for f (a b) cmd          → :   f$(a b);cmd   (zsh_fixup.c rebuilds the RC_S_FOR)
 *   for f in a b; cmd        → :   f in a b; cmd (short loops, likewise)
 *   if [[ c ]] cmd  if … {   → the `if` blanked, `;` after ]]  (zsh_fixup.c: RC_S_IF)
 *   repeat N do … done       → repeat N;{ … }   (repeat N cmd → repeat N;cmd)
 *   for k v in …  function a b {   extra names blanked
 *   echo hi }   f () {cmd    → echo hi;}   f (){ cmd
 *   [[ $x = -* && … ]]       → [[ $x < -* && … ]]  (tree-sitter reads `=` as a regex)
 *   a=1 b=2⏎ X=1 2>/dev/null → a=1;b=2⏎ X=1 :>/dev/null (tree-sitter joins lines there)
 *   $a/b$c/d  ${a}\[          → $a/b$c}d  ${a}__ (tree-sitter splits those words)
 *
 * The scan never fails: anything it does not recognise is left as it is. */
#include "zsh_scan.h"

/* FR_FN: the { … } body of a function defined outside any function (its
 * span is reported, see rc_zsh_scan). */
/* FR_IF_COND: `if { list } { … }`, a group that is an if's condition. */
typedef enum frkind { FR_BRACE, FR_ANON, FR_IF_BRACE, FR_BANG_BRACE, FR_DO, FR_DO_BRACE, FR_CASE, FR_IF, FR_FN, FR_IF_COND } frkind;

typedef struct frame {
  frkind k;
  int state; /* FR_CASE: 0 before `in`, 1 expecting a pattern, 2 in a body; FR_IF_COND: the if's length */
  uint32_t at; /* FR_FN: where the { is; FR_IF_COND: where the if/elif is */
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
  if (L->nfr < MAX_FRAMES) L->fr[L->nfr++] = (frame){k, 0, 0};
}

static frame *top(list *L) { return L->nfr ? &L->fr[L->nfr - 1] : NULL; }

static bool is_brace(frkind k) {
  return k == FR_BRACE || k == FR_ANON || k == FR_IF_BRACE || k == FR_BANG_BRACE || k == FR_FN || k == FR_IF_COND;
}

static bool in_fn(const list *L) {
  for (int k = 0; k < L->nfr; k++)
    if (L->fr[k].k == FR_FN) return true;
  return false;
}

static bool brace_open(const list *L) {
  for (int k = L->nfr - 1; k >= 0; k--)
    if (is_brace(L->fr[k].k)) return true;
  return false;
}

/* Arguments after the } of an anonymous function: blanked (the group runs
 * with them as $1…; the IR keeps the body, not the call). */
static uint32_t anon_args(zscan *z, uint32_t i) {
  for (;;) {
    while (blank(ch(z, i))) i++;
    char c = ch(z, i);
    if (!c || c == '\n' || c == ';' || c == '&' || c == '|' || c == ')' || c == '#' || c == '}') return i;
    if (rc_zs_at_redirect(z, i)) {
      i = rc_zs_scan_redirect(z, i);
      continue;
    }
    uint32_t e = rc_zs_scan_word(z, i, W_ARG);
    if (e == i) return i;
    blank_range(z, i, e);
    i = e;
  }
}

static void close_brace(zscan *z, list *L, uint32_t *i) {
  while (L->nfr && !is_brace(top(L)->k)) L->nfr--;
  frkind k = L->nfr ? top(L)->k : FR_BRACE;
  if (k == FR_IF_COND) L->if_at = top(L)->at, L->if_len = (uint32_t)top(L)->state;
  if (k == FR_FN) {
    rc_vec_push(&z->fns, top(L)->at);
    rc_vec_push(&z->fns, *i);
  }
  if (L->nfr) L->nfr--;
  if (k == FR_BANG_BRACE) put(z, *i, ')'), bash_fix(z, *i, *i + 1);
  (*i)++;
  if (k == FR_ANON) *i = anon_args(z, *i);
  L->cmd = false;
  uint32_t j = *i;
  while (blank(ch(z, j))) j++;
  if (j > *i && (at_word(z, j, "then") || at_word(z, j, "do"))) { /* if { … } then */
    put(z, *i, ';');
    z->edits++;
  } else if (k == FR_IF_COND && j > *i && ch(z, j) == '{') {
    /* `if { list } { … }`: as `if [[ c ]] { … }` (after_test), the if
     * blanked and a ; after the condition; zsh_fixup.c rebuilds the if */
    blank_range(z, L->if_at, L->if_at + L->if_len);
    put(z, *i, ';');
    z->edits++;
    L->if_brace = true;
    if (L->if_len == 2 && L->nfr && top(L)->k == FR_IF) L->nfr--; /* no fi to come */
  }
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

/* A redirection with a descriptor at i: `2>/dev/null`, `1>&2`, `0<x`. */
static bool redirect_at(const zscan *z, uint32_t i) {
  while (ch(z, i) >= '0' && ch(z, i) <= '9') i++;
  return ch(z, i) == '<' || ch(z, i) == '>';
}

/* zsh takes `[[ … ]] then`, `(( … )) do`: the blank before the keyword
 * becomes the `;` bash wants. e is one past the ]] or )). */
static uint32_t after_test(zscan *z, list *L, uint32_t e) {
  uint32_t j = e;
  while (blank(ch(z, j)) || (ch(z, j) == '\\' && ch(z, j + 1) == '\n')) j += ch(z, j) == '\\' ? 2 : 1;
  if (j > e && (at_word(z, j, "then") || at_word(z, j, "do"))) {
    put(z, e, ';');
    z->edits++;
  } else if (L->if_fresh && j > e && ch(z, j) && !strchr("\n;&|#)\\<>", ch(z, j)) && !redirect_at(z, j) &&
             !memchr(z->b + e, '\n', j - e)) {
    /* short `if [[ c ]] cmd` and brace `if [[ c ]] { … }`: the `if` is
     * blanked and a ; ends the test; zsh_fixup.c rebuilds the RC_S_IF
     * (`if [[ c ]] 2>/dev/null; then` is a redirected test, not that) */
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
static uint32_t scan_for(zscan *z, list *L, uint32_t kw, uint32_t kwlen) {
  uint32_t i = kw + kwlen;
  while (blank(ch(z, i))) i++;
  if (ch(z, i) == '(' && ch(z, i + 1) == '(') { /* for (( init; cond; step )) */
    uint32_t e = rc_zs_skip_parens(z->b, z->n, i, false);
    uint32_t a = i + 2;
    for (uint32_t k = a; k + 2 <= e; k++)
      if (k + 2 == e || z->b[k] == ';') {
        rc_zs_arith_range(z, a, k);
        a = k + 1;
      }
    L->cmd = true;
    return after_test(z, L, e);
  }
  uint32_t first_end = 0, names = 0;
  while (namec(ch(z, i)) && !at_word(z, i, "in") && !at_word(z, i, "do")) {
    while (namec(ch(z, i))) i++;
    if (!names++) first_end = i;
    while (blank(ch(z, i)) || (ch(z, i) == '\\' && ch(z, i + 1) == '\n')) i += ch(z, i) == '\\' ? 2 : 1;
    if (ch(z, i) == '\n' && names > 1) { /* zsh: for a b⏎in … (the newlines become continuations below) */
      uint32_t j = i;
      while (blank(ch(z, j)) || ch(z, j) == '\n') j++;
      if (at_word(z, j, "in")) i = j;
    }
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
    i = rc_zs_scan_list(z, paren + 1, ')');
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
    for (uint32_t k = first_end; k < i; k++) /* for k v in …: the IR keeps the first name */
      if (!(z->b[k] == '\\' && ch(z, k + 1) == '\n')) put(z, k, ch(z, k + 1) == '\n' ? '\\' : ' ');
    z->edits++;
  }
  L->cmd = false;
  if (!at_word(z, i, "in")) return i;
  uint32_t j = i + 2;
  for (;;) { /* the words */
    while (blank(ch(z, j)) || (ch(z, j) == '\\' && ch(z, j + 1) == '\n')) j += ch(z, j) == '\\' ? 2 : 1;
    char c = ch(z, j);
    if (!c || strchr("\n;#&|)", c)) break;
    uint32_t e = rc_zs_scan_word(z, j, W_ARG);
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
static uint32_t scan_function(zscan *z, list *L, uint32_t kw) {
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
static void assign_index(zscan *z, uint32_t i) {
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
static void end_assigns(zscan *z, list *L) {
  if (L->cmd && L->nassign >= 2) {
    for (uint32_t k = 0; k < L->nassign - 1 && k < RC_ARRAY_LEN(L->gap); k++)
      if (blank(z->b[L->gap[k]])) put(z, L->gap[k], ';'), bash_fix(z, L->gap[k], L->gap[k] + 1);
    z->edits++;
  }
  L->nassign = 0;
}

/* From i (after the assignments of a statement): only redirections up to
 * the end of the command? */
static bool only_redirects_follow(const zscan *z, uint32_t i) {
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
static bool assign_redirect(zscan *z, list *L, uint32_t i) {
  if (!L->cmd || !L->nassign || !only_redirects_follow(z, i)) return false;
  put(z, i, ':');
  uint32_t k = i + 1;
  for (; ch(z, k) >= '0' && ch(z, k) <= '9'; k++) put(z, k, ' ');
  bash_fix(z, i, k);
  z->edits++;
  L->nassign = 0;
  L->cmd = false;
  return true;
}

/* A word at command position. */
static uint32_t command_word(zscan *z, list *L, uint32_t i) {
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
    if (z->want_fns && z->nest == 1 && L->nfr < MAX_FRAMES && !in_fn(L)) {
      push(L, FR_FN); /* a body parsed on its own: how its `cmd}` parses (see rc_zs_scan_word) */
      top(L)->at = i - 1;
    } else {
      push(L, FR_BRACE);
    }
    return i + 1;
  }
  if (c == '{' && (word_end(ch(z, i + 1)) || ch(z, i + 1) == '\n')) {
    uint32_t j = i + 1;
    while (blank(ch(z, j))) j++;
    if (j > i + 1 && ch(z, j) == ';' && ch(z, j + 1) != ';') put(z, j - 1, ':'); /* { ; } → { :; } */
    if (fn_body && z->want_fns && z->nest == 1 && L->nfr < MAX_FRAMES && !in_fn(L)) {
      push(L, FR_FN);
      top(L)->at = i;
    } else if (L->if_fresh && L->nfr < MAX_FRAMES) {
      push(L, FR_IF_COND);
      top(L)->at = L->if_at;
      top(L)->state = (int)L->if_len;
    } else {
      push(L, L->if_brace ? FR_IF_BRACE : FR_BRACE);
    }
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
    uint32_t e = rc_zs_arith(z, i);
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
    uint32_t e = rc_zs_scan_list(z, i + 1, ')');
    L->cmd = false;
    return e < z->n ? e + 1 : e;
  }
  if (c == '[' && ch(z, i + 1) == '[' && word_end(ch(z, i + 2))) {
    L->cmd = false;
    return after_test(z, L, rc_zs_scan_cond(z, i + 2));
  }
  if (c == '!' && word_end(ch(z, i + 1))) {
    uint32_t j = i + 1;
    while (blank(ch(z, j))) j++;
    if (ch(z, j) == '{' && (word_end(ch(z, j + 1)) || ch(z, j + 1) == '\n')) {
      /* `! { … }`: tree-sitter takes no group after !, a subshell it does;
       * zsh_fixup.c makes it a group again */
      put(z, j, '(');
      bash_fix(z, j, j + 1);
      push(L, FR_BANG_BRACE);
      z->edits++;
      return j + 1;
    }
    return i + 1;
  }
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
  if (at_word(z, i, "repeat")) { /* repeat N do … done → repeat N;{ … }: a command, then the body */
    uint32_t j = i + 6;
    while (blank(ch(z, j))) j++;
    uint32_t e = rc_zs_scan_word(z, j, W_ARG), k = e;
    while (blank(ch(z, k))) k++;
    if (e > j && k > e && at_word(z, k, "do")) {
      put(z, e, ';');
      z->edits++;
      L->pending_do = true;
      L->cmd = true;
      return k;
    }
    if (e > j && k > e && ch(z, k) && !strchr("\n;&|#)", ch(z, k))) {
      /* repeat N cmd (short form) → repeat N;cmd: the body is a command of its own */
      put(z, e, ';');
      z->edits++;
      L->cmd = true;
      return k;
    }
    L->cmd = false;
    return e > j ? e : i + 6;
  }
  if (at_word(z, i, "for")) return scan_for(z, L, i, 3);
  if (at_word(z, i, "select")) return scan_for(z, L, i, 6);
  if (at_word(z, i, "foreach")) return scan_for(z, L, i, 7);
  if (at_word(z, i, "function")) return scan_function(z, L, i);
  assign_index(z, i);
  /* assignments keep command position; NAME() starts a function */
  uint32_t e = rc_zs_scan_word(z, i, W_CMD);
  if (e == i) return i + 1;
  for (uint32_t k = i + 1; k < e; k++)
    if (z->b[k] == '=') {
      if (!rc_zs_assign_before(z, i, k)) break;
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

uint32_t rc_zs_scan_list(zscan *z, uint32_t i, char stop) {
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
  bool in_brace = z->in_brace; /* (a nested list's words are its own) */
  while (i < z->n) {
    uint32_t before = i;
    i = rc_zs_skip_space(z, i, false);
    if (i >= z->n) break;
    char c = z->b[i];
    if (c == '\n') {
      end_assigns(z, &L);
      i = rc_zs_heredocs(z, i + 1);
      L.cmd = true;
      L.line_start = !L.after_op;
      continue;
    }
    bool line_start = L.line_start;
    L.line_start = false;
    if (stop && c == stop) break;
    frame *t = top(&L);
    if (c == ';' || c == ')' || ((c == '&' || c == '|') && !rc_zs_at_redirect(z, i))) end_assigns(z, &L);
    if ((c == '<' || c == '>' || c == '&') && rc_zs_at_redirect(z, i) && assign_redirect(z, &L, i)) continue;
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
      if (rc_zs_at_redirect(z, i)) {
        i = rc_zs_scan_redirect(z, i);
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
      if (rc_zs_at_redirect(z, i)) {
        i = rc_zs_scan_redirect(z, i);
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
      i = rc_zs_scan_pattern(z, i);
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
    z->in_brace = brace_open(&L);
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
      uint32_t e = rc_zs_scan_word(z, i, W_ARG);
      i = e > i ? e : i + 1;
    }
    if (i <= before) i = before + 1;
  }
  end_assigns(z, &L);
  z->in_brace = in_brace;
  z->nest--;
  return i;
}

uint32_t rc_zsh_scan(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts, uint32_t **fns,
                     uint32_t *nfns) {
  return rc_zsh_scan_fixes(buf, len, starts, nstarts, fns, nfns, NULL, NULL);
}

uint32_t rc_zsh_scan_fixes(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts, uint32_t **fns,
                          uint32_t *nfns, uint32_t **fixes, uint32_t *nfixes) {
  zscan z;
  memset(&z, 0, sizeof z);
  z.b = buf;
  z.n = len;
  z.want_starts = starts != NULL;
  z.want_fns = fns != NULL;
  z.want_fixes = fixes != NULL;
  z.bash = fixes != NULL;
  uint32_t i = 0;
  while (i < len) {
    i = rc_zs_scan_list(&z, i, 0);
    if (i < len) i++; /* a stray ) at the top level */
  }
  if (starts) {
    *starts = z.starts.v;
    *nstarts = (uint32_t)z.starts.n;
  }
  if (fns) {
    *fns = z.fns.v;
    *nfns = (uint32_t)(z.fns.n / 2);
  }
  if (fixes) {
    *fixes = z.fixes.v;
    *nfixes = (uint32_t)(z.fixes.n / 2);
  }
  return z.edits;
}

uint32_t rc_zsh_prepass_starts(char *buf, uint32_t len, uint32_t **starts, uint32_t *nstarts) {
  return rc_zsh_scan(buf, len, starts, nstarts, NULL, NULL);
}

uint32_t rc_zsh_prepass(char *buf, uint32_t len) { return rc_zsh_prepass_starts(buf, len, NULL, NULL); }
