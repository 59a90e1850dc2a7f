/* eval_cond.c — deciding conditions without running anything: test
 * expressions against the filesystem and known strings, command lookups on
 * PATH, and the few command substitutions whose output is a fact rather than
 * a program's behaviour (uname, id -u, command -v, dirname …). */
#include <fnmatch.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "eval_int.h"

static bool under(const char *p, const char *dir) {
  size_t n = strlen(dir);
  return strncmp(p, dir, n) == 0 && (p[n] == 0 || p[n] == '/');
}

/* The filesystem answers for the home always, and for system paths only when
 * the sysroot is the target OS (not when simulating macOS on Linux). */
bool ev_fs_reliable(E *e, const char *path) { return !e->macos_sim || under(path, e->S->opt.home); }

tri ev_file_test(E *e, char op, const char *path) {
  if (!path || !*path) return op == 'n' ? T_FALSE : T_FALSE;
  if (path[0] != '/') {
    /* relative: the shell's cwd, $HOME for a login session */
    path = rc_arena_printf(e->A, "%s/%s", e->S->opt.home, path);
  }
  if (e->S->macos_builtin && rc_macos_stock_file(path)) /* rccheck's stand-in for a stock macOS file */
    return strchr("eafrs", op) ? T_TRUE : strchr("dLhpSbcwx", op) ? T_FALSE : T_UNKNOWN;
  if (!ev_fs_reliable(e, path)) return T_UNKNOWN;
  const char *fs = rc_session_fs_path(e->S, path);
  struct stat st;
  int r = rc_session_stat(e->S, fs, !(op == 'L' || op == 'h'), &st);
  if (r != 0) return T_FALSE;
  switch (op) {
  case 'e': case 'a': return T_TRUE;
  case 'f': return S_ISREG(st.st_mode) ? T_TRUE : T_FALSE;
  case 'd': return S_ISDIR(st.st_mode) ? T_TRUE : T_FALSE;
  case 'L': case 'h': return S_ISLNK(st.st_mode) ? T_TRUE : T_FALSE;
  case 'p': return S_ISFIFO(st.st_mode) ? T_TRUE : T_FALSE;
  case 'S': return S_ISSOCK(st.st_mode) ? T_TRUE : T_FALSE;
  case 'b': return S_ISBLK(st.st_mode) ? T_TRUE : T_FALSE;
  case 'c': return S_ISCHR(st.st_mode) ? T_TRUE : T_FALSE;
  case 's': return st.st_size > 0 ? T_TRUE : T_FALSE;
  case 'r': return rc_session_access(e->S, fs, R_OK) == 0 ? T_TRUE : T_FALSE;
  case 'w': return rc_session_access(e->S, fs, W_OK) == 0 ? T_TRUE : T_FALSE;
  case 'x': return rc_session_access(e->S, fs, X_OK) == 0 ? T_TRUE : T_FALSE;
  case 'O': return st.st_uid == e->S->home_uid ? T_TRUE : T_FALSE;
  default: return T_UNKNOWN;
  }
}

int ev_lookup_command(E *e, const char *name, const char **where) {
  if (!name || !*name) return 0;
  if (strchr(name, '/')) {
    tri t = ev_file_test(e, 'x', name);
    if (t == T_TRUE && ev_file_test(e, 'd', name) == T_FALSE) {
      if (where) *where = name;
      return 1;
    }
    return t == T_UNKNOWN ? 2 : 0;
  }
  bool set, certain;
  const rc_str *pv = ev_var_value(e, "PATH", &set, &certain);
  if (!set) return 0;
  rc_entries ents = {0};
  rc_str_split(e->A, pv, ':', &ents);
  bool unsure = false;
  int found = 0;
  for (size_t i = 0; i < ents.n && !found; i++) {
    if (!ents.v[i].certain) {
      unsure = true;
      continue;
    }
    const char *dir = ents.v[i].text[0] ? ents.v[i].text : ".";
    const char *cand = rc_arena_printf(e->A, "%s/%s", dir, name);
    if (dir[0] != '/' || !ev_fs_reliable(e, cand)) {
      unsure = true;
      continue;
    }
    const char *fs = rc_session_fs_path(e->S, cand);
    struct stat st;
    if (rc_session_stat(e->S, fs, true, &st) == 0 && S_ISREG(st.st_mode) && rc_session_access(e->S, fs, X_OK) == 0) {
      found = 1;
      if (where) *where = cand;
    }
  }
  rc_vec_free(&ents);
  return found ? 1 : unsure ? 2 : 0;
}

static bool is_int(const char *s, long *out) {
  char *end;
  if (!*s) return false;
  long v = strtol(s, &end, 10);
  if (*end) return false;
  *out = v;
  return true;
}

static tri tri_and(tri a, tri b) {
  if (a == T_FALSE || b == T_FALSE) return T_FALSE;
  if (a == T_TRUE && b == T_TRUE) return T_TRUE;
  return T_UNKNOWN;
}

static tri tri_or(tri a, tri b) {
  if (a == T_TRUE || b == T_TRUE) return T_TRUE;
  if (a == T_FALSE && b == T_FALSE) return T_FALSE;
  return T_UNKNOWN;
}

/* Emptiness of a value that may be partly unknown. */
static tri empty_of(const rc_str *v) {
  if (v->len == 0) return T_TRUE;
  for (uint32_t i = 0; i < v->nseg; i++)
    if (v->seg[i].kind == RC_SEG_LIT && v->seg[i].n) return T_FALSE;
  return rc_str_certain(v) ? T_FALSE : T_UNKNOWN;
}

static tri unary(E *e, const char *op, const rc_word *w) {
  const rc_str *v = ev_word(e, w, NULL);
  if (!strcmp(op, "-z")) return empty_of(v);
  if (!strcmp(op, "-n")) {
    tri t = empty_of(v);
    return t == T_UNKNOWN ? t : t == T_TRUE ? T_FALSE : T_TRUE;
  }
  if (!rc_str_certain(v)) return T_UNKNOWN;
  const char *t = rc_str_text(e->A, v, ' ');
  if (!strcmp(op, "-o")) {
    /* zsh option test: [[ -o interactive ]] */
    char n[64];
    size_t k = 0;
    for (const char *c = t; *c && k + 1 < sizeof n; c++)
      if (*c != '_') n[k++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
    n[k] = 0;
    if (e->shell != RC_SH_ZSH) {
      /* bash: `set -o` names only; interactive and login are not among them. */
      if (!strcmp(t, "allexport")) return ev_opt(e, "allexport") ? T_TRUE : T_FALSE;
      if (!strcmp(t, "interactive") || !strcmp(t, "login")) return T_FALSE;
      if (!strcmp(t, "history")) return e->plan.interactive ? T_TRUE : T_FALSE;
      return T_UNKNOWN;
    }
    if (!strcmp(n, "interactive") || !strcmp(n, "login") || !strcmp(n, "rcs") ||
        !strcmp(n, "globalrcs") || !strcmp(n, "allexport") || !strcmp(n, "shwordsplit") ||
        !strcmp(n, "ksharrays") || !strcmp(n, "nullglob"))
      return ev_opt(e, n) ? T_TRUE : T_FALSE;
    return T_UNKNOWN;
  }
  if (!strcmp(op, "-v")) {
    bool set, certain;
    ev_var_value(e, t, &set, &certain);
    return !certain ? T_UNKNOWN : set ? T_TRUE : T_FALSE;
  }
  if (!strcmp(op, "-t")) return T_UNKNOWN;
  if (op[0] == '-' && op[1] && !op[2]) return ev_file_test(e, op[1], t);
  return T_UNKNOWN;
}

static tri binary_text(E *e, const rc_texpr *x, const char *a, bool ca, rc_buf *bb);

/* [[ $- == pattern ]] (or !=), the pattern literal: the same answer with the
 * $- of every context that shares a walk (eval_ctx.c)? */
static bool dash_test_alike(E *e, const rc_texpr *x) {
  if (!ev_word_is_dash(x->a) || !x->pattern_rhs || !x->b ||
      (strcmp(x->op, "==") && strcmp(x->op, "=") && strcmp(x->op, "!=")))
    return false;
  int m = ev_dash_matches(e, x->b);
  return m == 0 || m == EV_DASH_ALL;
}

static tri binary(E *e, const rc_texpr *x) {
  rc_buf ab = {0}, bb = {0};
  bool ca, read = e->dash_read;
  ev_word_buf(e, x->a, &ab, &ca);
  tri r = binary_text(e, x, ab.s, ca, &bb);
  rc_buf_free(&ab);
  rc_buf_free(&bb);
  if (!read && e->dash_read && dash_test_alike(e, x)) e->dash_read = false; /* $-'s read tells no context apart */
  return r;
}

/* The comparison with the left side's text known; bb holds the right's. */
static tri binary_text(E *e, const rc_texpr *x, const char *a, bool ca, rc_buf *bb) {
  bool cb;
  const char *op = x->op;
  if (x->pattern_rhs && (!strcmp(op, "==") || !strcmp(op, "=") || !strcmp(op, "!="))) {
    /* [[ a == pattern ]]: quoted parts of the pattern are literal */
    rc_buf pb = {0};
    bool cp = ev_pattern_text(e, x->b, &pb);
    tri r = ca && cp ? ev_pattern_match(e, pb.s ? pb.s : "", a) : T_UNKNOWN;
    rc_buf_free(&pb);
    if (!strcmp(op, "!=") && r != T_UNKNOWN) r = r == T_TRUE ? T_FALSE : T_TRUE;
    return r;
  }
  ev_word_buf(e, x->b, bb, &cb);
  const char *b = bb->s;
  if (!ca || !cb) return T_UNKNOWN;
  if (!strcmp(op, "=") || !strcmp(op, "==")) return !strcmp(a, b) ? T_TRUE : T_FALSE;
  if (!strcmp(op, "!=")) return strcmp(a, b) ? T_TRUE : T_FALSE;
  if (!strcmp(op, "<")) return strcmp(a, b) < 0 ? T_TRUE : T_FALSE;
  if (!strcmp(op, ">")) return strcmp(a, b) > 0 ? T_TRUE : T_FALSE;
  if (!strcmp(op, "=~")) {
    regex_t re;
    if (regcomp(&re, b, REG_EXTENDED | REG_NOSUB) != 0) return T_UNKNOWN;
    int m = regexec(&re, a, 0, NULL, 0);
    regfree(&re);
    return m == 0 ? T_TRUE : T_FALSE;
  }
  long x1, x2;
  if (is_int(a, &x1) && is_int(b, &x2)) {
    if (!strcmp(op, "-eq")) return x1 == x2 ? T_TRUE : T_FALSE;
    if (!strcmp(op, "-ne")) return x1 != x2 ? T_TRUE : T_FALSE;
    if (!strcmp(op, "-lt")) return x1 < x2 ? T_TRUE : T_FALSE;
    if (!strcmp(op, "-le")) return x1 <= x2 ? T_TRUE : T_FALSE;
    if (!strcmp(op, "-gt")) return x1 > x2 ? T_TRUE : T_FALSE;
    if (!strcmp(op, "-ge")) return x1 >= x2 ? T_TRUE : T_FALSE;
  }
  return T_UNKNOWN;
}

/* An unquoted word that expands to nothing: `[ -n $X ]` with X empty is
 * `[ -n ]`, a one-argument test of the string "-n", true in both shells. */
static bool vanishes(E *e, const rc_word *w) {
  if (!w) return false;
  for (uint32_t i = 0; i < w->nparts; i++)
    if (w->parts[i].quote != RC_Q_NONE) return false;
  const rc_str *v = ev_word(e, w, NULL);
  return rc_str_certain(v) && v->len == 0;
}

static tri test_expr(E *e, const rc_texpr *t);

/* Bytes a quoted part keeps literal in a pattern (extglob's too). */
static void put_quoted(rc_buf *out, const char *t, size_t n) {
  size_t from = 0; /* plain runs copied at once */
  for (size_t k = 0; k < n; k++) {
    if (!strchr("*?[]\\()|@!+", t[k]) || !t[k]) continue;
    rc_buf_add(out, t + from, k - from);
    rc_buf_putc(out, '\\');
    from = k;
  }
  if (n > from) rc_buf_add(out, t + from, n - from);
}

bool ev_pattern_text(E *e, const rc_word *w, rc_buf *out) {
  bool certain = true;
  rc_buf_add(out, "", 0); /* "" for a word of no parts: never NULL, always terminated */
  for (uint32_t i = 0; w && i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    const char *t = p->text;
    size_t n = p->len;
    if (p->kind == RC_WP_LIT) {
      if (i == 0 && p->quote == RC_Q_NONE && n && t[0] == '~') { /* [[ $P == ~/bin* ]] */
        uint32_t used;
        const rc_str *h = ev_tilde_prefix(e, t, (uint32_t)n, &used);
        if (!rc_str_certain(h)) certain = false;
        const char *ht = rc_str_text(e->A, h, ' ');
        put_quoted(out, ht, strlen(ht));
        t += used, n -= used;
      }
    } else {
      rc_word one = {p->span, (rc_wpart *)p, 1, ""};
      const rc_str *v = ev_word(e, &one, NULL);
      if (!v || !rc_str_certain(v)) certain = false;
      t = v ? rc_str_text(e->A, v, ' ') : "";
      n = strlen(t);
    }
    /* zsh takes an expansion's value literally (GLOB_SUBST, off unless
     * set, and ${~x} aside); bash as pattern bytes */
    bool literal = p->quote != RC_Q_NONE || (p->kind != RC_WP_LIT && e->dialect == RC_DIALECT_ZSH);
    if (literal) put_quoted(out, t, n);
    else rc_buf_add(out, t, n);
  }
  return certain;
}

tri ev_pattern_match(E *e, const char *pat, const char *s) {
  bool ext = false, group = false, zflags = false;
  for (const char *c = pat; *c; c++) {
    if (*c == '\\') {
      if (c[1]) c++;
      continue;
    }
    if (c[1] == '(' && strchr("?*+@!", *c)) ext = true, c++;
    else if (*c == '(') group = true, zflags |= c[1] == '#';
  }
  if (!ext && !group) return ev_fnmatch(pat, s) ? T_TRUE : T_FALSE;
  if (e->dialect == RC_DIALECT_BASH) {
    /* extglob: always on in [[ ]] (bash 4.1 on); a case pattern that uses
     * it does not parse without it */
    if (group) return T_UNKNOWN;
    return fnmatch(pat, s, FNM_EXTMATCH) == 0 ? T_TRUE : T_FALSE;
  }
  if (e->dialect != RC_DIALECT_ZSH || ext || zflags) return T_UNKNOWN;
  /* zsh's (a|b) is ksh's @(a|b) */
  rc_buf b = {0};
  for (const char *c = pat; *c; c++) {
    if (*c == '\\' && c[1]) {
      rc_buf_add(&b, c, 2);
      c++;
      continue;
    }
    if (*c == '(') rc_buf_putc(&b, '@');
    rc_buf_putc(&b, *c);
  }
  tri r = fnmatch(b.s ? b.s : "", s, FNM_EXTMATCH) == 0 ? T_TRUE : T_FALSE;
  rc_buf_free(&b);
  return r;
}

bool ev_fnmatch(const char *pat, const char *s) {
  size_t n = strlen(pat), lead = 0, trail = 0;
  while (lead < n && pat[lead] == '*') lead++;
  while (trail < n - lead && pat[n - 1 - trail] == '*') trail++;
  const char *mid = pat + lead;
  size_t m = n - lead - trail;
  for (size_t i = 0; i < m; i++) /* any other special byte: fnmatch itself */
    if (mid[i] == '*' || mid[i] == '?' || mid[i] == '[' || mid[i] == '\\') return fnmatch(pat, s, 0) == 0;
  size_t k = strlen(s);
  if (lead && trail) return m == 0 || memmem(s, k, mid, m) != NULL;
  if (lead) return k >= m && !memcmp(s + k - m, mid, m);
  if (trail) return k >= m && !memcmp(s, mid, m);
  return k == m && !memcmp(s, mid, m);
}

tri ev_test(E *e, const rc_texpr *t, bool double_bracket) {
  if (!double_bracket && t) {
    if (t->kind == RC_TX_UNARY && vanishes(e, t->a)) return T_TRUE;
    if (t->kind == RC_TX_NOT && t->l && t->l->kind == RC_TX_UNARY && vanishes(e, t->l->a)) return T_FALSE;
  }
  return test_expr(e, t);
}

static tri test_expr(E *e, const rc_texpr *t) {
  if (!t) return T_UNKNOWN;
  switch (t->kind) {
  case RC_TX_WORD: {
    tri em = empty_of(ev_word(e, t->a, NULL));
    return em == T_UNKNOWN ? em : em == T_TRUE ? T_FALSE : T_TRUE;
  }
  case RC_TX_UNARY: return unary(e, t->op, t->a);
  case RC_TX_BINARY: return binary(e, t);
  case RC_TX_NOT: {
    tri r = test_expr(e, t->l);
    return r == T_UNKNOWN ? r : r == T_TRUE ? T_FALSE : T_TRUE;
  }
  case RC_TX_AND: {
    tri l = test_expr(e, t->l);
    return l == T_FALSE ? T_FALSE : tri_and(l, test_expr(e, t->r));
  }
  case RC_TX_OR: {
    tri l = test_expr(e, t->l);
    return l == T_TRUE ? T_TRUE : tri_or(l, test_expr(e, t->r));
  }
  case RC_TX_UNKNOWN: return T_UNKNOWN;
  }
  return T_UNKNOWN;
}

/* (( $+commands[go] )), (( ${+commands[go]} )), (( $+VAR )); otherwise unknown. */
tri ev_arith(E *e, const char *text, uint32_t len) {
  const char *p = text;
  const char *end = text + len;
  while (p < end && (*p == '(' || *p == ' ' || *p == '\t')) p++;
  bool braces = false;
  if (p + 2 < end && p[0] == '$' && p[1] == '{' && p[2] == '+') p += 3, braces = true;
  else if (p + 1 < end && p[0] == '$' && p[1] == '+') p += 2;
  else {
    /* ordinary arithmetic: true when the value is not 0 */
    const char *s = text, *t = text + len;
    while (s < t && (*s == ' ' || *s == '\t')) s++;
    while (t > s && (t[-1] == ' ' || t[-1] == '\t' || t[-1] == '\n')) t--;
    if (t - s >= 4 && s[0] == '(' && s[1] == '(' && t[-1] == ')' && t[-2] == ')') s += 2, t -= 2;
    long v;
    rc_span sp = e->cur_stmt ? e->cur_stmt->span : (rc_span){0};
    if (ev_arith_eval(e, s, (uint32_t)(t - s), sp, &v)) return v ? T_TRUE : T_FALSE;
    return T_UNKNOWN;
  }
  const char *n0 = p;
  while (p < end && (*p == '_' || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) p++;
  char *name = rc_arena_strndup(e->A, n0, (size_t)(p - n0));
  char *key = NULL;
  if (p < end && *p == '[') {
    const char *k0 = ++p;
    while (p < end && *p != ']') p++;
    key = rc_arena_strndup(e->A, k0, (size_t)(p - k0));
    if (p < end) p++;
  }
  if (braces && p < end && *p == '}') p++;
  while (p < end && (*p == ')' || *p == ' ' || *p == '\t')) p++;
  if (p != end) return T_UNKNOWN;
  if (key && (key[0] == '"' || key[0] == '\'')) {
    size_t n = strlen(key);
    if (n >= 2) key = rc_arena_strndup(e->A, key + 1, n - 2);
  }
  if (key && !strcmp(name, "commands")) {
    if (ev_get_fn(e, key)) return T_FALSE; /* $commands lists external commands only */
    int k = ev_lookup_command(e, key, NULL);
    return k == 1 ? T_TRUE : k == 0 ? T_FALSE : T_UNKNOWN;
  }
  if (key && !strcmp(name, "functions")) {
    const fn *f = ev_get_fn(e, key);
    return !f ? T_FALSE : fn_maybe(f) ? T_UNKNOWN : T_TRUE;
  }
  if (key && !strcmp(name, "parameters")) name = key, key = NULL;
  if (key) return T_UNKNOWN;
  bool set, certain;
  ev_var_value(e, name, &set, &certain);
  return !certain ? T_UNKNOWN : set ? T_TRUE : T_FALSE;
}

/* ---- command substitutions with a known output ---- */

static const char *arg_text(E *e, const rc_stmt *c, uint32_t i) {
  return i < c->u.cmd.nargs ? ev_word_text(e, c->u.cmd.args[i]) : NULL;
}

const rc_str *ev_pure_cmdsub(E *e, const rc_wpart *p, uint32_t origin) {
  if (p->kind != RC_WP_CMDSUB || p->body.n != 1) return NULL;
  const rc_stmt *c = p->body.v[0];
  if (c->kind == RC_S_CMD && c->u.cmd.builtin == RC_B_COMMAND_V) {
    /* command -v X, which X, type -p X, whence -p X */
    const char *name = NULL;
    for (uint32_t i = 0; i < c->u.cmd.nargs; i++) {
      const char *a = arg_text(e, c, i);
      if (!a) return NULL;
      if (a[0] != '-') name = a;
    }
    if (!name) return NULL;
    const char *where = NULL;
    int k = ev_lookup_command(e, name, &where);
    if (k == 1) return rc_str_lit(e->A, where, origin);
    if (k == 0 && !ev_get_fn(e, name)) return rc_str_empty(e->A);
    return NULL;
  }
  /* zsh's `emulate` alone prints the mode: zsh until something changed it */
  if (c->kind == RC_S_CMD && c->u.cmd.builtin == RC_B_EMULATE && !c->u.cmd.nargs && !c->redirected &&
      e->shell == RC_SH_ZSH && !ev_opt(e, EV_OPT_EMULATED))
    return rc_str_lit(e->A, "zsh", origin);
  if (c->kind != RC_S_CMD || c->u.cmd.builtin != RC_B_NONE || c->redirected) return NULL;
  const char *name = ev_word_text(e, c->u.cmd.name);
  if (!name || ev_get_fn(e, name)) return NULL;
  uint32_t n = c->u.cmd.nargs;
  const char *a0 = arg_text(e, c, 0);
  if (!strcmp(name, "uname") && (n == 0 || (n == 1 && a0 && !strcmp(a0, "-s"))))
    return rc_str_lit(e->A, e->S->opt.os == RC_OS_MACOS ? "Darwin" : "Linux", origin);
  if (!strcmp(name, "id") && n == 1 && a0 && !strcmp(a0, "-u"))
    return rc_str_lit(e->A, rc_arena_printf(e->A, "%u", e->S->home_uid), origin);
  if ((!strcmp(name, "whoami") && n == 0) || (!strcmp(name, "id") && n == 1 && a0 && !strcmp(a0, "-un"))) {
    bool set, certain;
    const rc_str *u = ev_var_value(e, "USER", &set, &certain);
    return set ? u : NULL;
  }
  if ((!strcmp(name, "dirname") || !strcmp(name, "basename")) && (n == 1 || (n == 2 && name[0] == 'b'))) {
    if (!a0) return NULL;
    size_t len = strlen(a0);
    while (len > 1 && a0[len - 1] == '/') len--;
    const char *slash = NULL;
    for (size_t i = len; i-- > 0;)
      if (a0[i] == '/') {
        slash = a0 + i;
        break;
      }
    if (name[0] == 'd') {
      if (!slash) return rc_str_lit(e->A, ".", origin);
      size_t k = (size_t)(slash - a0);
      while (k > 1 && a0[k - 1] == '/') k--;
      return rc_str_lit(e->A, k == 0 ? "/" : rc_arena_strndup(e->A, a0, k), origin);
    }
    const char *b = slash ? slash + 1 : a0;
    size_t bl = len - (size_t)(b - a0);
    const char *suf = n == 2 ? arg_text(e, c, 1) : NULL;
    if (n == 2 && !suf) return NULL;
    if (suf && strlen(suf) < bl && !memcmp(b + bl - strlen(suf), suf, strlen(suf))) bl -= strlen(suf);
    return rc_str_lit(e->A, rc_arena_strndup(e->A, b, bl), origin);
  }
  if (!strcmp(name, "echo")) {
    rc_buf b = {0};
    for (uint32_t i = 0; i < n; i++) {
      const char *a = arg_text(e, c, i);
      if (!a || (i == 0 && a[0] == '-')) {
        rc_buf_free(&b);
        return NULL;
      }
      if (i) rc_buf_putc(&b, ' ');
      rc_buf_puts(&b, a);
    }
    const rc_str *v = rc_str_lit(e->A, b.s ? b.s : "", origin);
    rc_buf_free(&b);
    return v;
  }
  return NULL;
}
