/* zsh_fixup.c — the IR half of the zsh pre-pass (see zsh_prepass.h).
 *
 * The pre-pass made zsh parse as bash by overwriting bytes; tree-sitter's
 * tree therefore describes the rewritten text, while the lowering took every
 * literal from the original. This walk puts the two back together, reading
 * the original bytes only:
 *   - ${(f)x} ${${x}:-y} ${x:t} ${a[(i)k]} ${~x} → RC_WP_PARAM, name of the
 *     variable read, op RC_POP_OTHER, zsh_flags, arg = the substitutions
 *     nested inside (for walkers), ${+x} → RC_POP_ISSET, ${#…} → LENGTH;
 *   - $+x $~x $#x $x[i] $x:h, which bash splits into a parameter and a
 *     literal, become one parameter part;
 *   - `for x (words) body` (pre-passed to `:   x$(words);body`) → RC_S_FOR;
 *   - `if [[ c ]] cmd`, `if (( c )) { … } elif … { … } else { … }` (pre-passed
 *     to `   [[ c ]];cmd`, the keywords blanked) → RC_S_IF;
 *   - `X=1 2>/dev/null` (pre-passed to `X=1 :>/dev/null`) → a redirected
 *     RC_S_ASSIGN. */
#include <stdlib.h>
#include <string.h>

#include "zsh_prepass.h"

enum { MAX_DEPTH = 400 };

typedef struct fx {
  rc_arena *A;
  const char *orig;
  uint32_t len;
  bool real; /* spans are offsets into orig */
  int depth;
  bool bash; /* bash: only what its copy of the rewrites needs (rc_bash_fixup) */
} fx;

static bool name1(char c) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool namec(char c) { return name1(c) || (c >= '0' && c <= '9'); }

static void fx_stmts(fx *f, rc_stmts *ss);
static void fx_stmt(fx *f, rc_stmt *s);
static void fx_word(fx *f, rc_word *w);

/* ---- words ---- */

/* The variable a ${…} reads: its own name, or the one of the ${…} nested
 * as its subject (${${x:-y}:-z} reads x); NULL for "$(…)" subjects. */
static const char *zexp_name(fx *f, const char *t, uint32_t n, bool in_dq) {
  for (int guard = 0; guard < 32; guard++) {
    rc_zexp e;
    rc_zexp_scan(t, n, 0, in_dq, &e);
    if (!e.end || e.subj_e == e.subj_a) return NULL;
    if (!e.nested) return rc_arena_strndup(f->A, t + e.subj_a, e.subj_e - e.subj_a);
    if (e.subj_e - e.subj_a < 3 || t[e.subj_a] != '$' || t[e.subj_a + 1] != '{') {
      if (t[e.subj_a] == '$' && name1(t[e.subj_a + 1])) { /* ${$x} */
        uint32_t k = e.subj_a + 1;
        while (k < e.subj_e && namec(t[k])) k++;
        return rc_arena_strndup(f->A, t + e.subj_a + 1, k - e.subj_a - 1);
      }
      return NULL;
    }
    t += e.subj_a;
    n = e.subj_e - e.subj_a;
  }
  return NULL;
}

/* A word of the substitutions in w (literal parts dropped), or NULL. */
static rc_word *nested_only(fx *f, rc_word *w) {
  if (!w) return NULL;
  uint32_t m = 0;
  for (uint32_t i = 0; i < w->nparts; i++) m += w->parts[i].kind != RC_WP_LIT;
  if (!m) return NULL;
  rc_word *o = rc_arena_alloc(f->A, sizeof *o);
  *o = *w;
  o->parts = rc_arena_alloc(f->A, sizeof(rc_wpart) * m);
  o->nparts = 0;
  for (uint32_t i = 0; i < w->nparts; i++)
    if (w->parts[i].kind != RC_WP_LIT) o->parts[o->nparts++] = w->parts[i];
  return o;
}

/* ${…} with zsh syntax: see the file comment. */
static void fx_braced(fx *f, rc_wpart *p) {
  if (p->op == RC_POP_FILTER) return; /* ${name:#p}: the lowering read it */
  rc_zexp e;
  bool in_dq = p->quote == RC_Q_DOUBLE;
  rc_zexp_scan(p->text, p->len, 0, in_dq, &e);
  if (!e.end || !rc_zexp_is_zsh(p->text, &e)) return;
  const char *t = p->text;
  bool isset = false, length = false, other_pre = false;
  for (uint32_t k = e.pre_a; k < e.pre_e; k++) {
    if (t[k] == '+') isset = true;
    else if (t[k] == '#') length = true;
    else other_pre = true;
  }
  p->name = zexp_name(f, t, p->len, in_dq);
  p->subscript = NULL;
  if (e.sub_e > e.sub_a) {
    uint32_t k = e.sub_a + 1;
    int depth = 1;
    for (; k < e.sub_e; k++) {
      if (t[k] == '[') depth++;
      if (t[k] == ']' && --depth == 0) break;
    }
    p->subscript = rc_arena_strndup(f->A, t + e.sub_a + 1, k - e.sub_a - 1);
  }
  p->op = isset ? RC_POP_ISSET : length ? RC_POP_LENGTH : RC_POP_OTHER;
  p->colon = p->longest = false;
  p->zsh_flags = e.flags_e > e.flags_a || other_pre || e.nested || e.zsh_sub || e.zsh_op;
  p->arg = nested_only(f, p->arg);
  p->arg2 = NULL;
}

static bool adjacent(const fx *f, const rc_wpart *a, const rc_wpart *b) {
  return b->kind == RC_WP_LIT && b->quote == a->quote && (!f->real || a->span.end == b->span.start);
}

/* Moves the first n bytes of the literal part k+1 onto part k. */
static void take(fx *f, rc_word *w, uint32_t k, uint32_t n) {
  rc_wpart *p = &w->parts[k], *l = &w->parts[k + 1];
  char *t = rc_arena_alloc(f->A, p->len + n + 1);
  memcpy(t, p->text, p->len);
  memcpy(t + p->len, l->text, n);
  p->text = t;
  p->len += n;
  if (f->real) {
    p->span.end += n;
    p->span.end_col += n;
    l->span.start += n;
    l->span.col += n;
  }
  l->text += n;
  l->len -= n;
  if (!l->len) {
    memmove(l, l + 1, sizeof(rc_wpart) * (w->nparts - k - 2));
    w->nparts--;
  }
}

/* zsh subscript after a bare $name: `[…]` in the following literal. */
static void take_subscript(fx *f, rc_word *w, uint32_t k) {
  if (k + 1 >= w->nparts || !adjacent(f, &w->parts[k], &w->parts[k + 1])) return;
  const rc_wpart *l = &w->parts[k + 1];
  if (!l->len || l->text[0] != '[') return;
  int depth = 0;
  for (uint32_t i = 0; i < l->len; i++) {
    if (l->text[i] == '[') depth++;
    if (l->text[i] == ']' && --depth == 0) {
      w->parts[k].subscript = rc_arena_strndup(f->A, l->text + 1, i - 1);
      take(f, w, k, i + 1);
      return;
    }
  }
}

/* zsh modifiers after a bare $name: `:h`, `:t:r`, `:A`. */
static void take_modifiers(fx *f, rc_word *w, uint32_t k) {
  if (k + 1 >= w->nparts || !adjacent(f, &w->parts[k], &w->parts[k + 1])) return;
  const rc_wpart *l = &w->parts[k + 1];
  uint32_t i = 0;
  while (i + 1 < l->len && l->text[i] == ':' && strchr("aAcehlPqQrtuU", l->text[i + 1]) &&
         (i + 2 == l->len || !namec(l->text[i + 2])))
    i += 2;
  if (!i) return;
  w->parts[k].op = RC_POP_OTHER;
  w->parts[k].zsh_flags = true;
  take(f, w, k, i);
}

static void fx_param(fx *f, rc_word *w, uint32_t k) {
  rc_wpart *p = &w->parts[k];
  const char *t = p->text;
  uint32_t n = p->len;
  if (n >= 2 && t[0] == '$' && t[1] == '{') {
    fx_braced(f, p);
  } else if (n >= 3 && t[0] == '$' && strchr("+~=^", t[1])) { /* $+x $~x $=x $^x */
    uint32_t j = 1;
    while (j < n && strchr("+~=^", t[j])) j++;
    p->name = rc_arena_strndup(f->A, t + j, n - j);
    bool isset = t[1] == '+';
    p->op = isset ? RC_POP_ISSET : RC_POP_OTHER;
    p->zsh_flags = !isset;
    take_subscript(f, w, k);
  } else if (n == 2 && t[0] == '$' && strchr("~=^", t[1]) && k + 1 < w->nparts &&
             adjacent(f, p, &w->parts[k + 1]) && w->parts[k + 1].len &&
             strchr("*@#?$!-", w->parts[k + 1].text[0])) { /* $~* */
    p->name = rc_arena_strndup(f->A, w->parts[k + 1].text, 1);
    p->op = RC_POP_OTHER;
    p->zsh_flags = true;
    take(f, w, k, 1);
  } else if (n == 2 && t[0] == '$' && t[1] == '#' && k + 1 < w->nparts &&
             adjacent(f, p, &w->parts[k + 1]) && w->parts[k + 1].len &&
             name1(w->parts[k + 1].text[0])) { /* $#name */
    const rc_wpart *l = &w->parts[k + 1];
    uint32_t j = 0;
    while (j < l->len && namec(l->text[j])) j++;
    p->name = rc_arena_strndup(f->A, l->text, j);
    p->op = RC_POP_LENGTH;
    take(f, w, k, j);
  } else if (n >= 2 && t[0] == '$' && name1(t[1])) {
    take_subscript(f, w, k);
    take_modifiers(f, w, k);
  }
  p = &w->parts[k];
  fx_word(f, p->arg);
  fx_word(f, p->arg2);
}

/* 'a'\⏎'b', which the pre-pass made one quoted string: drop the '\⏎'. */
static void fx_joined_quotes(fx *f, rc_wpart *p) {
  if (p->quote != RC_Q_SINGLE || p->len < 4 || !memchr(p->text, '\n', p->len)) return;
  char *t = rc_arena_alloc(f->A, p->len + 1);
  uint32_t m = 0;
  for (uint32_t i = 0; i < p->len; i++) {
    if (i + 3 < p->len && !memcmp(p->text + i, "'\\\n'", 4)) {
      i += 3;
      continue;
    }
    t[m++] = p->text[i];
  }
  p->text = t;
  p->len = m;
}

static void fx_word(fx *f, rc_word *w) {
  if (!w || ++f->depth > MAX_DEPTH) {
    if (w) f->depth--;
    return;
  }
  for (uint32_t k = 0; k < w->nparts; k++) {
    rc_wpart *p = &w->parts[k];
    if (p->kind == RC_WP_CMDSUB || p->kind == RC_WP_PROCSUB) fx_stmts(f, &p->body);
    else if (f->bash) continue;
    if (p->kind == RC_WP_LIT) fx_joined_quotes(f, p);
    if (p->kind == RC_WP_PARAM) fx_param(f, w, k);
  }
  f->depth--;
}

static void fx_words(fx *f, rc_word **v, uint32_t n) {
  for (uint32_t i = 0; i < n; i++) fx_word(f, v[i]);
}

static void fx_assign(fx *f, rc_assign *a) {
  if (!a) return;
  fx_word(f, a->value);
  fx_words(f, a->elems, a->nelems);
}

static void fx_tx(fx *f, rc_texpr *t) {
  if (!t) return;
  fx_word(f, t->a);
  fx_word(f, t->b);
  fx_tx(f, t->l);
  fx_tx(f, t->r);
}

/* ---- short for loops ---- */

/* `for`/`select` keyword length at orig[at], or 0. */
static uint32_t for_keyword(const fx *f, uint32_t at) {
  static const char *const kws[] = {"for", "select", "foreach"};
  for (size_t i = 0; i < RC_ARRAY_LEN(kws); i++) {
    uint32_t l = (uint32_t)strlen(kws[i]);
    if (at + l < f->len && !memcmp(f->orig + at, kws[i], l) &&
        (f->orig[at + l] == ' ' || f->orig[at + l] == '\t'))
      return l;
  }
  return 0;
}

typedef RC_VEC(rc_word *) wordvec;

/* The words of `for x (words)`: the commands the pre-pass made of them. */
static void list_words(rc_stmts *body, wordvec *out) {
  for (uint32_t i = 0; i < body->n; i++) {
    rc_stmt *s = body->v[i];
    if (s->kind == RC_S_CMD) {
      rc_vec_push(out, s->u.cmd.name);
      for (uint32_t k = 0; k < s->u.cmd.nargs; k++) rc_vec_push(out, s->u.cmd.args[k]);
    } else if (s->kind == RC_S_SOURCE) {
      rc_vec_push(out, s->u.source.cmd);
      if (s->u.source.path) rc_vec_push(out, s->u.source.path);
      for (uint32_t k = 0; k < s->u.source.nargs; k++) rc_vec_push(out, s->u.source.args[k]);
    } else if (s->kind == RC_S_EVAL) {
      for (uint32_t k = 0; k < s->u.eval.n; k++) rc_vec_push(out, s->u.eval.args[k]);
    }
  }
}

static bool is_lit(const rc_word *w, const char *s) {
  return w->nparts == 1 && w->parts[0].kind == RC_WP_LIT && w->parts[0].quote == RC_Q_NONE &&
         w->parts[0].len == strlen(s) && !memcmp(w->parts[0].text, s, w->parts[0].len);
}

/* ss->v[i] is `:   x$(words)` or `:   x in words` from a short for: builds
 * the RC_S_FOR with the next statement as its body. Returns false when it
 * is not one. */
static bool short_for(fx *f, rc_stmts *ss, uint32_t i) {
  rc_stmt *c = ss->v[i];
  if (c->kind != RC_S_CMD || !c->u.cmd.nargs || c->span.start >= f->len) return false;
  uint32_t kwl = for_keyword(f, c->span.start);
  if (!kwl) return false;
  rc_word *last = c->u.cmd.args[c->u.cmd.nargs - 1];
  rc_wpart *sub = NULL;
  for (uint32_t k = 0; k < last->nparts; k++)
    if (last->parts[k].kind == RC_WP_CMDSUB) sub = &last->parts[k];
  uint32_t in_at = c->u.cmd.nargs;
  for (uint32_t k = 0; k < c->u.cmd.nargs && !sub; k++)
    if (is_lit(c->u.cmd.args[k], "in")) {
      in_at = k;
      break;
    }
  if (!sub && in_at == c->u.cmd.nargs) return false;
  uint32_t a = c->span.start + kwl;
  while (a < f->len && (f->orig[a] == ' ' || f->orig[a] == '\t')) a++;
  uint32_t e = a;
  while (e < f->len && namec(f->orig[e])) e++;
  if (e == a) return false;
  rc_stmt *s = rc_arena_alloc(f->A, sizeof *s);
  s->kind = RC_S_FOR;
  s->span = c->span;
  s->background = c->background;
  s->redirected = c->redirected;
  s->u.for_.var = rc_arena_strndup(f->A, f->orig + a, e - a);
  s->u.for_.in_list = true;
  wordvec words = {0};
  if (sub) list_words(&sub->body, &words);
  for (uint32_t k = in_at + 1; !sub && k < c->u.cmd.nargs; k++) rc_vec_push(&words, c->u.cmd.args[k]);
  s->u.for_.nwords = (uint32_t)words.n;
  s->u.for_.words = words.n ? rc_arena_memdup(f->A, words.v, sizeof(rc_word *) * words.n) : NULL;
  rc_vec_free(&words);
  if (i + 1 < ss->n) {
    rc_stmt *b = ss->v[i + 1];
    if (b->kind == RC_S_GROUP) {
      s->u.for_.body = b->u.group.body;
    } else {
      s->u.for_.body.n = 1;
      s->u.for_.body.v = rc_arena_alloc(f->A, sizeof(rc_stmt *));
      s->u.for_.body.v[0] = b;
    }
    s->span.end = b->span.end;
    s->span.end_line = b->span.end_line;
    s->span.end_col = b->span.end_col;
    s->background = b->background;
    memmove(ss->v + i + 1, ss->v + i + 2, sizeof(rc_stmt *) * (ss->n - i - 2));
    ss->n--;
  }
  ss->v[i] = s;
  return true;
}

/* ---- short and brace if ---- */

/* Where the word `w` starts when it is the word just before orig[at]
 * (blanks skipped, same line); at + 1 when it is not. */
static uint32_t word_before(const fx *f, uint32_t at, const char *w) {
  uint32_t l = (uint32_t)strlen(w), k = at;
  while (k > 0 && (f->orig[k - 1] == ' ' || f->orig[k - 1] == '\t')) k--;
  if (k < l || memcmp(f->orig + k - l, w, l) != 0) return at + 1;
  return k == l || !namec(f->orig[k - l - 1]) ? k - l : at + 1;
}

static bool preceded_by(const fx *f, uint32_t at, const char *w) { return word_before(f, at, w) <= at; }

/* (a group too: `if { list } { … }`; the caller checks the `if` before it) */
static bool is_cond(const rc_stmt *s) {
  return s->kind == RC_S_TEST || s->kind == RC_S_ARITH || s->kind == RC_S_NOT || s->kind == RC_S_GROUP;
}

/* The statements a body stands for: a { … } group's, or itself. */
static rc_stmts body_of(fx *f, rc_stmt *b) {
  if (b->kind == RC_S_GROUP) return b->u.group.body;
  rc_stmts r = {rc_arena_alloc(f->A, sizeof(rc_stmt *)), 1};
  r.v[0] = b;
  return r;
}

/* ss->v[i] is the condition of a short or brace if whose `if` the pre-pass
 * blanked: the RC_S_IF takes it, the body after it and any elif/else
 * clauses that follow. Returns false when it is not one. */
static bool short_if(fx *f, rc_stmts *ss, uint32_t i) {
  rc_stmt *c = ss->v[i];
  if (!is_cond(c) || i + 1 >= ss->n || c->span.start >= f->len || !preceded_by(f, c->span.start, "if"))
    return false;
  RC_VEC(rc_if_clause) cl = {0};
  rc_stmt *s = rc_arena_alloc(f->A, sizeof *s);
  s->kind = RC_S_IF;
  s->span = c->span;
  uint32_t at = word_before(f, c->span.start, "if");
  s->span.col -= c->span.start - at;
  s->span.start = at;
  uint32_t k = i;
  while (k + 1 < ss->n) {
    rc_if_clause e = {0};
    e.cond.v = rc_arena_alloc(f->A, sizeof(rc_stmt *));
    e.cond.v[0] = ss->v[k];
    e.cond.n = 1;
    e.body = body_of(f, ss->v[k + 1]);
    e.span = ss->v[k]->span;
    e.span.end = ss->v[k + 1]->span.end;
    e.span.end_line = ss->v[k + 1]->span.end_line;
    e.span.end_col = ss->v[k + 1]->span.end_col;
    rc_vec_push(&cl, e);
    k += 2;
    if (k + 1 < ss->n && is_cond(ss->v[k]) && preceded_by(f, ss->v[k]->span.start, "elif")) continue;
    break;
  }
  if (k < ss->n && ss->v[k]->kind == RC_S_GROUP && preceded_by(f, ss->v[k]->span.start, "else")) {
    rc_if_clause e = {0};
    e.body = ss->v[k]->u.group.body;
    e.span = ss->v[k]->span;
    rc_vec_push(&cl, e);
    s->u.if_.has_else = true;
    k++;
  }
  rc_stmt *last = ss->v[k - 1];
  s->span.end = last->span.end;
  s->span.end_line = last->span.end_line;
  s->span.end_col = last->span.end_col;
  s->u.if_.n = (uint32_t)cl.n;
  s->u.if_.clauses = rc_arena_memdup(f->A, cl.v, sizeof(rc_if_clause) * cl.n);
  rc_vec_free(&cl);
  /* the if replaces statements i … k-1 */
  ss->v[i] = s;
  memmove(ss->v + i + 1, ss->v + k, sizeof(rc_stmt *) * (ss->n - k));
  ss->n -= k - i - 1;
  return true;
}

/* ---- statements ---- */

static void fx_stmts(fx *f, rc_stmts *ss) {
  for (uint32_t i = 0; i < ss->n; i++) {
    if (f->real && !f->bash && !short_for(f, ss, i)) short_if(f, ss, i);
    fx_stmt(f, ss->v[i]);
  }
}

/* `X=1 :>/dev/null`: the `:` the pre-pass made of a redirection. */
static void assign_redirect(const fx *f, rc_stmt *s) {
  if (s->kind != RC_S_CMD || !s->u.cmd.nenv || !s->u.cmd.name || !s->u.cmd.name->raw) return;
  const char *r = s->u.cmd.name->raw;
  if (r[0] >= '0' && r[0] <= '9') { /* 2>: digits, then the operator */
    uint32_t e = s->u.cmd.name->span.end;
    while (*r >= '0' && *r <= '9') r++;
    if (*r || !f->real || e >= f->len || (f->orig[e] != '<' && f->orig[e] != '>')) return;
  } else if (r[0] != '<' && r[0] != '>' && r[0] != '&') {
    return;
  }
  rc_assign **env = s->u.cmd.env;
  uint32_t n = s->u.cmd.nenv;
  memset(&s->u, 0, sizeof s->u);
  s->kind = RC_S_ASSIGN;
  s->u.assign.v = env;
  s->u.assign.n = n;
  s->redirected = true;
}

static void fx_stmt(fx *f, rc_stmt *s) {
  if (!s || ++f->depth > MAX_DEPTH) {
    if (s) f->depth--;
    return;
  }
  assign_redirect(f, s);
  switch (s->kind) {
  case RC_S_ASSIGN:
    for (uint32_t i = 0; i < s->u.assign.n; i++) fx_assign(f, s->u.assign.v[i]);
    break;
  case RC_S_DECL:
    for (uint32_t i = 0; i < s->u.decl.nitems; i++) {
      fx_assign(f, s->u.decl.items[i].assign);
      fx_word(f, s->u.decl.items[i].word);
    }
    break;
  case RC_S_UNSET:
    fx_words(f, s->u.unset.names, s->u.unset.n);
    break;
  case RC_S_SOURCE:
    fx_word(f, s->u.source.cmd);
    fx_word(f, s->u.source.path);
    fx_words(f, s->u.source.args, s->u.source.nargs);
    break;
  case RC_S_EVAL:
    fx_words(f, s->u.eval.args, s->u.eval.n);
    break;
  case RC_S_CMD:
    fx_word(f, s->u.cmd.name);
    fx_words(f, s->u.cmd.args, s->u.cmd.nargs);
    for (uint32_t i = 0; i < s->u.cmd.nenv; i++) fx_assign(f, s->u.cmd.env[i]);
    break;
  case RC_S_FUNC:
    fx_stmt(f, s->u.func.body);
    break;
  case RC_S_IF:
    for (uint32_t i = 0; i < s->u.if_.n; i++) {
      fx_stmts(f, &s->u.if_.clauses[i].cond);
      fx_stmts(f, &s->u.if_.clauses[i].body);
    }
    break;
  case RC_S_CASE:
    fx_word(f, s->u.case_.subject);
    for (uint32_t i = 0; i < s->u.case_.n; i++) {
      fx_words(f, s->u.case_.items[i].patterns, s->u.case_.items[i].npatterns);
      fx_stmts(f, &s->u.case_.items[i].body);
    }
    break;
  case RC_S_FOR:
    fx_words(f, s->u.for_.words, s->u.for_.nwords);
    fx_stmts(f, &s->u.for_.body);
    break;
  case RC_S_WHILE:
    fx_stmts(f, &s->u.while_.cond);
    fx_stmts(f, &s->u.while_.body);
    break;
  case RC_S_LIST:
    fx_stmt(f, s->u.list.lhs);
    fx_stmt(f, s->u.list.rhs);
    break;
  case RC_S_NOT:
    fx_stmt(f, s->u.not_.inner);
    break;
  case RC_S_PIPE:
    fx_stmts(f, &s->u.pipe.elems);
    break;
  case RC_S_SUBSHELL:
    /* `! { … }`, pre-passed to `! ( … )` */
    if (f->real && s->span.start < f->len && f->orig[s->span.start] == '{') s->kind = RC_S_GROUP;
    fx_stmts(f, &s->u.group.body);
    break;
  case RC_S_GROUP:
    fx_stmts(f, &s->u.group.body);
    break;
  case RC_S_TEST:
    fx_tx(f, s->u.test.expr);
    break;
  case RC_S_ARITH:
  case RC_S_ERROR:
    break;
  }
  f->depth--;
}

void rc_zsh_fixup(rc_ir *ir, const char *orig, uint32_t len, bool spans_real) {
  fx f = {&ir->arena, orig, len, spans_real, 0, false};
  fx_stmts(&f, &ir->top);
}

void rc_bash_fixup(rc_ir *ir, const char *orig, uint32_t len) {
  fx f = {&ir->arena, orig, len, true, 0, true};
  fx_stmts(&f, &ir->top);
}

void rc_bash_fixup_stmt(rc_ir *ir, rc_stmt *s, const char *orig, uint32_t len) {
  fx f = {&ir->arena, orig, len, true, 0, true};
  fx_stmt(&f, s);
}

void rc_zsh_fixup_stmt(rc_ir *ir, rc_stmt *s, const char *orig, uint32_t len) {
  fx f = {&ir->arena, orig, len, true, 0, false};
  fx_stmt(&f, s);
}
