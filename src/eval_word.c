/* eval_word.c — word expansion without running anything: parameters (with
 * the common operators), tilde, field splitting and globbing against the
 * filesystem. Command substitutions stay symbolic, shown as written, unless
 * their output is known without running them (eval_cond.c). */
#include <dirent.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "eval_int.h"

/* Variables a fresh session may carry that the files cannot know. */
static bool external_unknown(const char *n) {
  static const char *const names[] = {
    "TERM", "COLORTERM", "TERM_PROGRAM", "TERM_PROGRAM_VERSION", "DISPLAY", "WAYLAND_DISPLAY",
    "SSH_AUTH_SOCK", "SSH_AGENT_PID", "TMUX", "TMUX_PANE", "STY", "LANG", "LC_ALL", "LC_CTYPE",
    "HOSTNAME", "HOST", "INSIDE_EMACS", "TERMINAL_EMULATOR", "ITERM_SESSION_ID", "KITTY_WINDOW_ID",
    "WSL_DISTRO_NAME", "XDG_SESSION_TYPE", "XDG_RUNTIME_DIR", "DBUS_SESSION_BUS_ADDRESS",
    "VSCODE_INJECTION", "VSCODE_PID", "VSCODE_GIT_IPC_HANDLE", "WT_SESSION", "ALACRITTY_SOCKET",
    "TMPDIR", "COLUMNS", "LINES", "RANDOM", "SECONDS", "EPOCHSECONDS", "PPID", "$", "!", "?",
  };
  for (size_t i = 0; i < RC_ARRAY_LEN(names); i++)
    if (!strcmp(n, names[i])) return true;
  return false;
}

static bool is_digits(const char *s) {
  if (!*s) return false;
  for (; *s; s++)
    if (*s < '0' || *s > '9') return false;
  return true;
}

static const rc_str *positional(E *e) {
  const rc_var *v = ev_get(e, "@");
  if (!v || !v->nalts || !v->alts[0].val) {
    rc_strb b = {0};
    b.array = true;
    return rc_strb_finish(&b, e->A);
  }
  return v->alts[0].val;
}

static void record_read(E *e, const char *name, rc_summary st, rc_span span) {
  if (e->discard || !name || !*name) return;
  char c = name[0];
  if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_')) return;
  rc_read r = {ev_intern(e, name), e->file, span, (uint8_t)st, e->visit};
  rc_vec_push(&e->C->reads, r);
}

/* The $- flags of a shell, in the shells' own order (zsh 5.9: 569XZafilms,
 * bash 5.2: ahimBHsc), into b (24 bytes). A terminal session has job
 * control (m) and reads its input (s); the other contexts run `-c`. */
void ev_dash_text(E *e, bool tty, bool login, char *b) {
  bool inter = e->plan.interactive;
  bool allexport = ev_opt(e, "allexport");
  size_t n = 0;
  if (e->shell == RC_SH_ZSH) {
    for (const char *c = "569X"; *c; c++) b[n++] = *c;
    if (inter) b[n++] = 'Z';
    if (allexport) b[n++] = 'a';
    if (inter) b[n++] = 'i';
    if (login) b[n++] = 'l';
    if (tty) b[n++] = 'm', b[n++] = 's';
  } else {
    if (allexport) b[n++] = 'a';
    b[n++] = 'h';
    if (inter) b[n++] = 'i';
    if (tty) b[n++] = 'm';
    b[n++] = 'B';
    if (inter) b[n++] = 'H';
    b[n++] = tty ? 's' : 'c';
  }
  b[n] = 0;
}

bool ev_word_is_dash(const rc_word *w) {
  return w && w->nparts == 1 && w->parts[0].kind == RC_WP_PARAM && w->parts[0].name &&
         !strcmp(w->parts[0].name, "-") && w->parts[0].op == RC_POP_NONE && !w->parts[0].subscript &&
         !w->parts[0].zsh_flags;
}

int ev_dash_matches(E *e, const rc_word *w) {
  rc_buf pb = {0};
  for (uint32_t i = 0; i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    if (p->kind != RC_WP_LIT) {
      rc_buf_free(&pb);
      return -1;
    }
    for (uint32_t k = 0; k < p->len; k++) { /* quoted: metacharacters match themselves */
      if (p->quote != RC_Q_NONE && strchr("*?[]\\", p->text[k])) rc_buf_putc(&pb, '\\');
      rc_buf_putc(&pb, p->text[k]);
    }
  }
  /* a terminal's login shell, VS Code's -c, a terminal's non-login shell */
  static const bool tty[EV_DASH_VARIANTS] = {true, false, true}, login[EV_DASH_VARIANTS] = {true, true, false};
  int m = 0;
  for (int v = 0; v < EV_DASH_VARIANTS; v++) {
    char flags[24];
    ev_dash_text(e, tty[v], login[v], flags);
    if (ev_fnmatch(pb.s ? pb.s : "", flags)) m |= 1 << v;
  }
  rc_buf_free(&pb);
  return m;
}

static const char *dash_flags(E *e) {
  e->dash_read = true; /* it differs between contexts: no walk is shared (eval_ctx.c) */
  char b[24];
  ev_dash_text(e, e->plan.runs_precmd, e->plan.login, b);
  return rc_arena_strdup(e->A, b);
}

const rc_str *ev_var_value(E *e, const char *name, bool *is_set, bool *certain) {
  *is_set = true;
  *certain = true;
  if (!strcmp(name, "@") || !strcmp(name, "*")) return positional(e);
  if (!strcmp(name, "#")) {
    strvec els = {0};
    rc_str_elements(e->A, positional(e), &els);
    const rc_str *v = rc_str_lit(e->A, rc_arena_printf(e->A, "%zu", positional(e)->array ? els.n : 1), RC_NO_EVENT);
    rc_vec_free(&els);
    return v;
  }
  if (is_digits(name)) {
    int k = atoi(name);
    if (k == 0) return rc_str_lit(e->A, rc_shell_name(e->shell), RC_NO_EVENT);
    strvec els = {0};
    rc_str_elements(e->A, positional(e), &els);
    const rc_str *v = (size_t)k <= els.n && positional(e)->array ? els.v[k - 1] : NULL;
    rc_vec_free(&els);
    if (!v) *is_set = false;
    return v ? v : rc_str_empty(e->A);
  }
  if (!strcmp(name, "-")) return rc_str_lit(e->A, dash_flags(e), RC_NO_EVENT);
  const rc_var *v = ev_get(e, name);
  if (!v) {
    if (!e->S->opt.inherit_env && external_unknown(name)) {
      *certain = false;
      return rc_str_sym(e->A, rc_arena_printf(e->A, "$%s", name), RC_NO_EVENT);
    }
    *is_set = false;
    return rc_str_empty(e->A);
  }
  const rc_alt *a = &v->alts[0];
  uintptr_t pin = (uintptr_t)rc_map_get(&e->pins, name);
  if (pin && pin <= v->nalts) {
    a = &v->alts[pin - 1];
  } else if (v->nalts > 1) {
    for (uint32_t i = 1; i < v->nalts; i++)
      if (v->alts[i].state != a->state || (a->state != RC_VS_UNSET && !rc_str_equal(v->alts[i].val, a->val))) {
        *certain = false;
        return rc_str_sym(e->A, rc_arena_printf(e->A, "$%s", name), RC_NO_EVENT);
      }
  }
  if (a->state == RC_VS_UNSET) {
    *is_set = false;
    return rc_str_empty(e->A);
  }
  *certain = a->state == RC_VS_SET;
  return a->val ? a->val : rc_str_empty(e->A);
}

const rc_str *ev_join_array(E *e, const rc_str *v, const char *sep, bool sep_from_next) {
  if (!v->array) return v;
  rc_strb b = {0};
  bool first = true;
  uint32_t n = (uint32_t)strlen(sep);
  for (uint32_t i = 0; i < v->nseg; i++) {
    const rc_seg *g = &v->seg[i];
    if (g->kind == RC_SEG_SEP) {
      bool next = sep_from_next && g->origin == RC_NO_EVENT && i + 1 < v->nseg;
      if (!first) rc_strb_lit(&b, sep, n, next ? v->seg[i + 1].origin : g->origin);
      first = false;
      continue;
    }
    if (g->kind == RC_SEG_SYM) rc_strb_sym(&b, g->s, g->n, g->origin);
    else rc_strb_lit(&b, g->s, g->n, g->origin);
  }
  return rc_strb_finish(&b, e->A);
}

/* Arrays read as scalars join their elements with a space. */
static const rc_str *scalar_of(E *e, const rc_str *v) { return ev_join_array(e, v, " ", false); }

/* A part whose value is not known, shown as written. A part with no text
 * (lowering gave up on it) must still read as unknown, not as "". */
static const rc_str *sym_of(E *e, const rc_wpart *p, uint32_t origin) {
  if (!p->len) return rc_str_sym(e->A, "<not analyzed>", origin);
  return rc_str_sym(e->A, rc_arena_strndup(e->A, p->text, p->len), origin);
}

/* Shortest/longest prefix or suffix matching a glob pattern. */
static const char *trim(E *e, const char *s, const char *pat, bool suffix, bool longest) {
  size_t n = strlen(s);
  char *buf = rc_xmalloc(n + 1);
  const char *out = s;
  for (size_t k = 0; k <= n; k++) {
    size_t len = longest ? n - k : k;
    if (suffix) {
      if (fnmatch(pat, s + n - len, 0) == 0) {
        out = rc_arena_strndup(e->A, s, n - len);
        break;
      }
    } else {
      memcpy(buf, s, len);
      buf[len] = 0;
      if (fnmatch(pat, buf, 0) == 0) {
        out = s + len;
        break;
      }
    }
  }
  free(buf);
  return out;
}

/* Literal text of an operand that still holds an expansion the lowering
 * left unparsed (the pattern of ${X#$P} arrives as the text "$P"). */
static bool unparsed_expansion(const rc_word *w) {
  for (uint32_t i = 0; w && i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    if (p->kind != RC_WP_LIT || p->quote == RC_Q_SINGLE) continue;
    for (uint32_t k = 0; k < p->len; k++)
      if (p->text[k] == '`' || (p->text[k] == '$' && k + 1 < p->len)) return true;
  }
  return false;
}

/* A word used as a pattern: quoted characters match literally. */
static char *pattern_of(E *e, const rc_word *w, bool *certain) {
  rc_buf b = {0};
  *certain = !unparsed_expansion(w);
  for (uint32_t i = 0; w && i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    const char *t;
    uint32_t n;
    if (p->kind == RC_WP_LIT) {
      t = p->text;
      n = p->len;
    } else {
      rc_word one = {p->span, (rc_wpart *)p, 1, ""};
      const rc_str *v = ev_word(e, &one, NULL);
      if (!rc_str_certain(v)) *certain = false;
      t = rc_str_text(e->A, v, ' ');
      n = (uint32_t)strlen(t);
    }
    for (uint32_t k = 0; k < n; k++) {
      if (p->quote != RC_Q_NONE && strchr("*?[]\\", t[k])) rc_buf_putc(&b, '\\');
      rc_buf_putc(&b, t[k]);
    }
  }
  char *s = rc_arena_strdup(e->A, b.s ? b.s : "");
  rc_buf_free(&b);
  return s;
}

static const rc_str *lookup_assoc(E *e, const rc_wpart *p, uint32_t origin) {
  /* zsh ${commands[go]}: the path of a command, if it can be found. */
  if (e->shell == RC_SH_ZSH && !strcmp(p->name, "commands") && p->subscript) {
    const char *where = NULL;
    int k = ev_lookup_command(e, p->subscript, &where);
    if (k == 1) return rc_str_lit(e->A, where, origin);
    if (k == 0) return rc_str_empty(e->A);
  }
  return NULL;
}

/* zsh ${arr#p} ${arr%p} ${arr:#p} on each element: trimmed, or dropped when
 * it matches (:#). A scalar is an array of one. */
static const rc_str *per_element(E *e, const rc_str *v, const char *pat, const rc_wpart *p, uint32_t origin) {
  strvec els = {0};
  rc_str_elements(e->A, v, &els);
  rc_strb b = {0};
  b.array = v->array;
  bool ok = true;
  for (size_t i = 0; i < els.n && ok; i++) {
    const rc_str *el = els.v[i];
    if (!rc_str_certain(el)) {
      ok = false;
      break;
    }
    const char *t = rc_str_text(e->A, el, ' ');
    uint32_t from = el->nseg ? el->seg[0].origin : origin;
    if (p->op == RC_POP_FILTER) {
      if (fnmatch(pat, t, 0) == 0) continue;
      if (b.array) rc_strb_sep(&b);
      rc_strb_str(&b, el);
    } else {
      const char *r = trim(e, t, pat, p->op == RC_POP_TRIM_SUFFIX, p->longest);
      if (b.array) rc_strb_sep(&b);
      rc_strb_lit(&b, r, (uint32_t)strlen(r), from);
    }
  }
  rc_vec_free(&els);
  if (!ok) {
    rc_strb_free(&b);
    return sym_of(e, p, origin);
  }
  return rc_strb_finish(&b, e->A);
}

/* zsh's modifiers on one word: :h (head), :t (tail), :r (root), :e
 * (extension), :l, :u. NULL for one rccheck does not model. */
static const char *modify(E *e, const char *s, const char *mods, uint32_t n) {
  char *w = rc_arena_strdup(e->A, s);
  for (uint32_t i = 0; i + 1 < n; i += 2) {
    if (mods[i] != ':') return NULL;
    size_t len = strlen(w);
    char *slash = strrchr(w, '/');
    switch (mods[i + 1]) {
    case 'h':
      while (len > 1 && w[len - 1] == '/') w[--len] = 0; /* a/b/ is a/b */
      slash = strrchr(w, '/');
      if (!slash) w = rc_arena_strdup(e->A, ".");
      else if (slash == w) w[1] = 0;
      else *slash = 0;
      break;
    case 't':
      while (len > 1 && w[len - 1] == '/') w[--len] = 0;
      slash = strrchr(w, '/');
      if (slash) w = slash + 1;
      break;
    case 'r':
    case 'e': {
      char *dot = strrchr(slash ? slash + 1 : w, '.');
      if (mods[i + 1] == 'r') {
        if (dot) *dot = 0;
      } else {
        w = dot ? dot + 1 : rc_arena_strdup(e->A, "");
      }
      break;
    }
    case 'l':
    case 'u':
      for (char *c = w; *c; c++)
        if (mods[i + 1] == 'u' ? (*c >= 'a' && *c <= 'z') : (*c >= 'A' && *c <= 'Z')) *c = (char)(*c ^ 0x20);
      break;
    default:
      return NULL;
    }
  }
  return w;
}

/* `${name:t:r}` or `$name:h`: the value of name through its modifiers,
 * or NULL when the part is anything else or the value is not certain. */
static const rc_str *modified(E *e, const rc_wpart *p, uint32_t origin) {
  if (e->shell != RC_SH_ZSH || !p->name || p->subscript || p->op != RC_POP_OTHER) return NULL;
  const char *t = p->text;
  uint32_t n = p->len, nl = (uint32_t)strlen(p->name);
  bool braced = n > 2 && t[1] == '{';
  uint32_t a = braced ? 2 : 1, z = braced ? n - 1 : n;
  if (n < a + nl + 2 || t[0] != '$' || strncmp(t + a, p->name, nl) || (braced && t[n - 1] != '}')) return NULL;
  a += nl;
  if ((z - a) % 2) return NULL;
  bool set = false, certain = true;
  const rc_str *v = ev_var_value(e, p->name, &set, &certain);
  if (!certain || !rc_str_certain(v) || v->array) return NULL;
  const rc_var *rv = ev_get(e, p->name);
  record_read(e, p->name, rv ? rc_var_summary(rv) : set ? RC_SUM_SET : RC_SUM_UNSET, p->span);
  const char *r = modify(e, set ? rc_str_text(e->A, v, ' ') : "", t + a, z - a);
  return r ? rc_str_lit(e->A, r, origin) : NULL;
}

static const rc_str *expand_param(E *e, const rc_wpart *p, const wopts *o, bool *split_ok) {
  uint32_t origin = o ? o->origin : RC_NO_EVENT;
  *split_ok = true;
  if (p->zsh_flags) {
    const rc_str *m = modified(e, p, origin);
    if (m) return m;
  }
  if (!p->name || p->op == RC_POP_OTHER || p->zsh_flags) return sym_of(e, p, origin);
  if (p->subscript) {
    const rc_str *as = lookup_assoc(e, p, origin);
    if (as) return as;
  }
  bool set = false, certain = true;
  const rc_str *v = ev_var_value(e, p->name, &set, &certain);
  const rc_var *rv = ev_get(e, p->name);
  record_read(e, p->name, rv ? rc_var_summary(rv) : set ? RC_SUM_SET : RC_SUM_UNSET, p->span);
  if (p->op == RC_POP_ISSET) {
    if (!certain && !set) return sym_of(e, p, origin);
    return rc_str_lit(e->A, set ? "1" : "0", origin);
  }
  if (p->subscript) {
    const char *sub = p->subscript;
    if (!strcmp(sub, "@") || !strcmp(sub, "*")) {
      /* whole array: handled by the caller's field logic */
    } else if (is_digits(sub) || (sub[0] == '-' && is_digits(sub + 1))) {
      strvec els = {0};
      rc_str_elements(e->A, v, &els);
      long k = atol(sub);
      /* zsh arrays start at 1, bash at 0 */
      long idx = e->shell == RC_SH_ZSH && !ev_opt(e, "ksharrays") ? k - 1 : k;
      if (k < 0) idx = (long)els.n + k;
      const rc_str *r = idx >= 0 && (size_t)idx < els.n ? els.v[idx] : rc_str_empty(e->A);
      if (!v->array && idx != 0) r = rc_str_empty(e->A);
      rc_vec_free(&els);
      if (!certain) return sym_of(e, p, origin);
      v = r;
      set = set && (r->len || r->nseg);
    } else {
      return sym_of(e, p, origin);
    }
  }
  bool empty = !set || rc_str_is_empty(v) || (v->array && v->nseg == 0);
  bool known_empty = !set || (certain && rc_str_is_empty(v));
  bool known_nonempty = set && v->len > 0 && !v->array;
  if (v->array && v->nseg) known_nonempty = true;
  for (uint32_t i = 0; !known_nonempty && set && i < v->nseg; i++)
    if (v->seg[i].kind == RC_SEG_LIT && v->seg[i].n) known_nonempty = true;
  bool use_default = p->colon ? empty : !set;
  bool default_known = p->colon ? (known_empty || known_nonempty) : (set || certain || !set);
  switch (p->op) {
  case RC_POP_NONE:
    return v;
  case RC_POP_DEFAULT:
  case RC_POP_ASSIGN_DEFAULT:
    if (!default_known || (p->colon && !known_empty && !known_nonempty)) return sym_of(e, p, origin);
    if (use_default && known_empty) {
      wopts ao = {o ? o->self : NULL, origin, false};
      const rc_str *d = p->arg ? ev_word(e, p->arg, &ao) : rc_str_empty(e->A);
      if (p->op == RC_POP_ASSIGN_DEFAULT) {
        uint32_t eid = ev_reserve_event(e);
        ev_assign(e, p->name, d, eid, false, RC_OP_DEFAULT, p->span, p->span, NULL);
      }
      return d;
    }
    return v;
  case RC_POP_ALT:
    if (p->colon && !known_empty && !known_nonempty) return sym_of(e, p, origin);
    if (use_default) return rc_str_empty(e->A);
    return p->arg ? ev_word(e, p->arg, o) : rc_str_empty(e->A);
  case RC_POP_ERROR:
    return v;
  case RC_POP_LENGTH:
    if (!certain) return sym_of(e, p, origin);
    if (v->array) {
      strvec els = {0};
      rc_str_elements(e->A, v, &els);
      const rc_str *r = rc_str_lit(e->A, rc_arena_printf(e->A, "%zu", els.n), origin);
      rc_vec_free(&els);
      return r;
    }
    return rc_str_lit(e->A, rc_arena_printf(e->A, "%u", v->len), origin);
  case RC_POP_FILTER:
  case RC_POP_TRIM_PREFIX:
  case RC_POP_TRIM_SUFFIX: {
    bool pc;
    char *pat = pattern_of(e, p->arg, &pc);
    if (!certain || !pc) return sym_of(e, p, origin);
    if (v->array || p->op == RC_POP_FILTER) {
      /* zsh applies these to each element; bash has no ${x:#p} */
      if (e->shell != RC_SH_ZSH) return sym_of(e, p, origin);
      return per_element(e, v, pat, p, origin);
    }
    const char *s = rc_str_text(e->A, v, ' ');
    return rc_str_lit(e->A, trim(e, s, pat, p->op == RC_POP_TRIM_SUFFIX, p->longest), origin);
  }
  case RC_POP_REPLACE: {
    bool pc, rc_ = true;
    char *pat = pattern_of(e, p->arg, &pc);
    const rc_str *rep = p->arg2 ? ev_word(e, p->arg2, NULL) : rc_str_empty(e->A);
    rc_ = rc_str_certain(rep) && !unparsed_expansion(p->arg2);
    if (!certain || !pc || !rc_ || v->array || p->text[2 + strlen(p->name) + 1] == '#' ||
        p->text[2 + strlen(p->name) + 1] == '%')
      return sym_of(e, p, origin);
    const char *s = rc_str_text(e->A, v, ' ');
    const char *r = rc_str_text(e->A, rep, ' ');
    rc_buf out = {0};
    size_t n = strlen(s), i = 0;
    bool done = false;
    char *buf = rc_xmalloc(n + 1);
    while (i < n) {
      size_t best = 0;
      bool hit = false;
      if (!done) {
        for (size_t len = n - i; len > 0; len--) { /* longest match at i */
          memcpy(buf, s + i, len);
          buf[len] = 0;
          if (fnmatch(pat, buf, 0) == 0) {
            best = len;
            hit = true;
            break;
          }
        }
      }
      if (hit) {
        rc_buf_puts(&out, r);
        i += best;
        if (!p->longest) done = true;
      } else {
        rc_buf_putc(&out, s[i++]);
      }
    }
    free(buf);
    const rc_str *replaced = rc_str_lit(e->A, out.s ? out.s : "", origin);
    rc_buf_free(&out);
    return replaced;
  }
  case RC_POP_SUBSTR: {
    /* offset and length are arithmetic: ${v:$i:2}, ${v: -3}, ${v:n+1} */
    const char *off = p->arg ? ev_word_text(e, p->arg) : NULL;
    const char *len = p->arg2 ? ev_word_text(e, p->arg2) : NULL;
    long a, l = 0;
    if (!certain || !off || v->array || !ev_arith_eval(e, off, (uint32_t)strlen(off), p->span, &a) ||
        (p->arg2 && (!len || !ev_arith_eval(e, len, (uint32_t)strlen(len), p->span, &l) || l < 0)))
      return sym_of(e, p, origin);
    const char *s = rc_str_text(e->A, v, ' ');
    long n = (long)strlen(s);
    if (a < 0) a += n; /* from the end; before the start: nothing */
    if (a < 0 || a > n) a = n;
    if (!p->arg2) l = n - a;
    if (l > n - a) l = n - a;
    return rc_str_lit(e->A, rc_arena_strndup(e->A, s + a, (size_t)l), origin);
  }
  case RC_POP_CASE: {
    if (!certain || v->array) return sym_of(e, p, origin);
    char *s = rc_str_text(e->A, v, ' ');
    const char *opt = p->text + 2 + strlen(p->name);
    bool upper = opt[0] == '^', all = opt[1] == opt[0];
    for (char *c = s; *c; c++) {
      if (upper && *c >= 'a' && *c <= 'z') *c = (char)(*c - 32);
      if (!upper && *c >= 'A' && *c <= 'Z') *c = (char)(*c + 32);
      if (!all) break;
    }
    return rc_str_lit(e->A, s, origin);
  }
  default:
    return sym_of(e, p, origin);
  }
}

static bool is_self(const wopts *o, const char *name) {
  if (!o || !o->self || !name) return false;
  if (!strcmp(o->self, name)) return true;
  /* zsh's path and PATH are one variable */
  static const char *const pairs[][2] = {{"path", "PATH"}, {"fpath", "FPATH"}, {"manpath", "MANPATH"}};
  for (size_t i = 0; i < RC_ARRAY_LEN(pairs); i++)
    if ((!strcmp(o->self, pairs[i][0]) && !strcmp(name, pairs[i][1])) ||
        (!strcmp(o->self, pairs[i][1]) && !strcmp(name, pairs[i][0])))
      return true;
  return false;
}

static void record_exec(E *e, const rc_wpart *p) {
  char key[40];
  snprintf(key, sizeof key, "%u:%u", e->file ? e->file->id : UINT32_MAX, p->span.start);
  if (rc_map_has(&e->exec_keys, key)) return;
  rc_map_put(&e->exec_keys, rc_arena_strdup(e->A, key), (void *)1);
  rc_exec_site x = {e->file, p->span, rc_arena_strndup(e->A, p->text, p->len), NULL, true, e->visit, e->conds, (uint32_t)e->C->events.n};
  rc_vec_push(&e->C->execs, x);
}

static const rc_str *part_value(E *e, const rc_wpart *p, const wopts *o, bool *keep_origin) {
  uint32_t origin = o ? o->origin : RC_NO_EVENT;
  *keep_origin = false;
  switch (p->kind) {
  case RC_WP_LIT:
    return NULL;
  case RC_WP_PARAM: {
    bool split_ok;
    const rc_str *v = expand_param(e, p, o, &split_ok);
    *keep_origin = is_self(o, p->name);
    return v;
  }
  case RC_WP_CMDSUB: {
    const rc_str *v = ev_pure_cmdsub(e, p, origin);
    if (v) return v;
    record_exec(e, p);
    return sym_of(e, p, origin);
  }
  case RC_WP_PROCSUB:
    record_exec(e, p);
    return sym_of(e, p, origin);
  case RC_WP_ARITH: {
    /* Parameter expansion first, then the arithmetic, as the shell does. */
    const char *expr = p->arg ? ev_word_text(e, p->arg) : NULL;
    long v;
    if (expr && ev_arith_eval(e, expr, (uint32_t)strlen(expr), p->span, &v))
      return rc_str_lit(e->A, rc_arena_printf(e->A, "%ld", v), origin);
    return sym_of(e, p, origin);
  }
  case RC_WP_OPAQUE:
    return sym_of(e, p, origin);
  }
  return sym_of(e, p, origin);
}

/* The home directory for a tilde prefix (`~`, `~user`), or NULL. */
static const rc_str *tilde_value(E *e, const char *t, uint32_t n, uint32_t *used, uint32_t origin) {
  uint32_t k = 1;
  while (k < n && t[k] != '/' && t[k] != ':') k++;
  *used = k;
  if (k == 1) {
    bool set, certain;
    const rc_str *h = ev_var_value(e, "HOME", &set, &certain);
    rc_strb b = {0};
    rc_strb_str_origin(&b, h, origin);
    return rc_strb_finish(&b, e->A);
  }
  if (k - 1 == strlen(e->S->opt.user) && !memcmp(t + 1, e->S->opt.user, k - 1))
    return rc_str_lit(e->A, e->S->opt.home, origin);
  if (t[1] == '+' && k == 2) return rc_str_sym(e->A, "$PWD", origin);
  return rc_str_sym(e->A, rc_arena_strndup(e->A, t, k), origin);
}

const rc_str *ev_tilde_prefix(E *e, const char *t, uint32_t n, uint32_t *used) {
  return tilde_value(e, t, n, used, RC_NO_EVENT);
}

/* Literal text with tilde expansion where the shell performs it. */
static void add_lit(E *e, rc_strb *b, const rc_wpart *p, bool word_start, const wopts *o) {
  uint32_t origin = o ? o->origin : RC_NO_EVENT;
  const char *t = p->text;
  uint32_t n = p->len, i = 0;
  if (p->quote != RC_Q_NONE) {
    rc_strb_lit(b, t, n, origin);
    return;
  }
  while (i < n) {
    bool at_start = (i == 0 && word_start) || (o && o->assign && i > 0 && t[i - 1] == ':');
    if (at_start && t[i] == '~') {
      uint32_t used;
      const rc_str *h = tilde_value(e, t + i, n - i, &used, origin);
      rc_strb_str(b, h);
      i += used;
      continue;
    }
    uint32_t j = i;
    while (j < n && !(o && o->assign && t[j] == ':' && j + 1 < n && t[j + 1] == '~')) j++;
    if (j < n) j++; /* include the ':' */
    rc_strb_lit(b, t + i, j - i, origin);
    i = j;
  }
}

/* A word's value into b, or (returned) the value itself when the word is
 * one part that keeps its origins. */
static const rc_str *word_build(E *e, const rc_word *w, const wopts *o, rc_strb *b) {
  for (uint32_t i = 0; w && i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    if (p->kind == RC_WP_LIT) {
      add_lit(e, b, p, i == 0, o);
      continue;
    }
    bool keep;
    const rc_str *v = part_value(e, p, o, &keep);
    if (v->array) v = scalar_of(e, v);
    /* $X alone, keeping its origins: the value itself, not a copy. */
    if (w->nparts == 1 && (keep || !o)) return v;
    if (keep || !o) rc_strb_str(b, v);
    else rc_strb_str_origin(b, v, o->origin);
  }
  if (b->overflow) ev_limit(e, EV_LIM_VALUE, w->span, "a value grew past 64 KiB or 1024 parts");
  return NULL;
}

const rc_str *ev_word(E *e, const rc_word *w, const wopts *o) {
  rc_strb b = {0};
  const rc_str *whole = word_build(e, w, o, &b);
  if (whole) {
    rc_strb_free(&b);
    return whole;
  }
  return rc_strb_finish(&b, e->A);
}

/* rc_str_text of segments into out. */
static void segs_text(const rc_seg *seg, size_t n, rc_buf *out, bool *certain) {
  bool first = true;
  for (size_t i = 0; i < n; i++) {
    if (seg[i].kind == RC_SEG_SEP) {
      if (!first) rc_buf_putc(out, ' ');
      first = false;
      continue;
    }
    if (seg[i].kind == RC_SEG_SYM) *certain = false;
    rc_buf_add(out, seg[i].s, seg[i].n);
  }
}

void ev_word_buf(E *e, const rc_word *w, rc_buf *out, bool *certain) {
  rc_strb b = {0};
  const rc_str *v = word_build(e, w, NULL, &b);
  if (!v && b.overflow) v = rc_str_overflow(e->A);
  *certain = true;
  rc_buf_reserve(out, 0);
  out->s[out->n] = 0; /* "" when nothing is added */
  if (v) segs_text(v->seg, v->nseg, out, certain);
  else segs_text(b.segs.v, b.segs.n, out, certain);
  rc_strb_free(&b);
}

const char *ev_word_text(E *e, const rc_word *w) {
  if (!w) return NULL;
  const rc_str *v = ev_word(e, w, NULL);
  return rc_str_certain(v) ? rc_str_text(e->A, v, ' ') : NULL;
}

void ev_word_vars(E *e, const rc_word *w, namevec *out) {
  for (uint32_t i = 0; w && i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    if (p->kind != RC_WP_PARAM || !p->name) continue;
    const rc_var *v = ev_get(e, p->name);
    if (v && v->nalts > 1) {
      bool have = false;
      for (size_t k = 0; k < out->n; k++) have |= !strcmp(out->v[k], p->name);
      if (!have) rc_vec_push(out, p->name);
    }
    if (p->arg) ev_word_vars(e, p->arg, out);
  }
}

/* ---- fields ---- */

typedef struct field {
  rc_strb b;
  rc_buf pat;     /* glob pattern: quoted metacharacters escaped */
  bool glob;      /* an unquoted metacharacter is present */
  bool paren;     /* an unquoted `(`: perhaps zsh glob qualifiers, `"$f"(N)` */
  bool started;   /* something (even "") was added */
  bool certain;
} field;

/* Ready for the next field; the builder's storage is kept (one allocation
 * per word, not per field: a $path of 50 entries is 50 fields). */
static void field_reset(field *f) {
  f->b.segs.n = 0;
  f->b.len = 0;
  f->b.array = f->b.overflow = false;
  rc_buf_clear(&f->pat);
  f->glob = f->paren = false;
  f->started = false;
  f->certain = true;
}

static void field_text(field *f, const char *t, uint32_t n, bool quoted, uint8_t kind, uint32_t origin,
                       bool glob_active) {
  if (kind == RC_SEG_SYM) {
    rc_strb_sym(&f->b, t, n, origin);
    f->certain = false;
  } else {
    rc_strb_lit(&f->b, t, n, origin);
  }
  /* The glob pattern: runs of plain bytes copied at once, metacharacters
   * escaped where they are literal. */
  bool escape = quoted || !glob_active || kind == RC_SEG_SYM, can_glob = glob_active && !quoted && kind == RC_SEG_LIT;
  uint32_t from = 0;
  for (uint32_t i = 0; i < n; i++) {
    char c = t[i];
    if (c == '(' && can_glob) f->paren = true;
    if (c != '*' && c != '?' && c != '[' && c != ']' && c != '\\' && c != 0) continue;
    if (can_glob && (c == '*' || c == '?' || c == '[')) f->glob = true;
    if (escape) {
      rc_buf_add(&f->pat, t + from, i - from);
      rc_buf_putc(&f->pat, '\\');
      from = i;
    }
  }
  if (n > from) rc_buf_add(&f->pat, t + from, n - from);
  f->started = true;
}

/* zsh glob qualifiers at the end of a pattern: (N), (.N), (/), (#qN.). */
static const char *strip_qualifiers(E *e, const char *pat, bool *nullglob, char *type) {
  size_t n = strlen(pat);
  *type = 0;
  if (e->shell != RC_SH_ZSH || n < 3 || pat[n - 1] != ')') return pat;
  const char *open = strrchr(pat, '(');
  if (!open) return pat;
  const char *q = open + 1;
  if (q[0] == '#' && q[1] == 'q') q += 2;
  for (const char *c = q; c < pat + n - 1; c++) {
    if (*c == 'N') *nullglob = true;
    else if (*c == '.' || *c == '/' || *c == '@' || *c == '*') *type = *c;
    else if (!strchr("-onOLamcfhrwxAIERWXs^+0123456789[]:,", *c)) return pat; /* not qualifiers */
  }
  return rc_arena_strndup(e->A, pat, (size_t)(open - pat));
}

/* glob(3) reads whole trees for a pattern of many wildcard folders (`/` then
 * `*` six times): every directory entry it
 * reads is taken from the run's budget (rc_session.glob_budget) through
 * GLOB_ALTDIRFUNC, whose callbacks get no user data: hence these two
 * variables, set only around one glob() call. */
static _Thread_local uint64_t *glob_budget;
static _Thread_local bool glob_cut;

static void *gl_opendir(const char *p) { return opendir(p); }
static void gl_closedir(void *d) { closedir(d); }
static int gl_lstat(const char *p, struct stat *st) { return lstat(p, st); }
static int gl_stat(const char *p, struct stat *st) { return stat(p, st); }
static struct dirent *gl_readdir(void *d) {
  if (!*glob_budget) {
    glob_cut = true;
    return NULL;
  }
  (*glob_budget)--;
  return readdir(d);
}

void ev_glob(E *e, const char *pattern, bool nullglob, strvec *out, bool *ok) {
  *ok = true;
  char type = 0;
  pattern = strip_qualifiers(e, pattern, &nullglob, &type);
  if (!ev_fs_reliable(e, pattern)) {
    *ok = false;
    return;
  }
  const char *root = e->S->opt.sysroot;
  const char *fs = rc_session_fs_path(e->S, pattern);
  size_t strip = fs == pattern ? 0 : strlen(root);
  if (strip && fs != pattern && strchr(root, '*')) { /* a sysroot with metacharacters: give up */
    *ok = false;
    return;
  }
  glob_t g;
  memset(&g, 0, sizeof g);
  g.gl_opendir = gl_opendir;
  g.gl_readdir = gl_readdir;
  g.gl_closedir = gl_closedir;
  g.gl_lstat = gl_lstat;
  g.gl_stat = gl_stat;
  glob_budget = &e->S->glob_budget;
  glob_cut = false;
  int r = glob(fs, GLOB_ALTDIRFUNC, NULL, &g);
  glob_budget = NULL;
  if (glob_cut) { /* a partial list would be wrong: the expansion is unknown */
    ev_limit(e, EV_LIM_WORK, e->cur_stmt ? e->cur_stmt->span : (rc_span){0},
             "the globs read more than 500,000 directory entries");
    globfree(&g);
    *ok = false;
    return;
  }
  if (r == 0) {
    for (size_t i = 0; i < g.gl_pathc && i < EV_MAX_GLOB; i++) {
      const char *p = g.gl_pathv[i] + strip;
      if (type) {
        char t = type == '.' ? 'f' : type == '/' ? 'd' : type == '@' ? 'L' : 'x';
        if (ev_file_test(e, t, p) != T_TRUE) continue;
      }
      rc_vec_push(out, rc_str_lit(e->A, p, RC_NO_EVENT));
    }
    if (g.gl_pathc > EV_MAX_GLOB) ev_limit(e, EV_LIM_WORK, e->cur_stmt ? e->cur_stmt->span : (rc_span){0}, "a glob matched too many files");
  }
  globfree(&g);
  (void)nullglob;
}

static void field_finish(E *e, field *f, strvec *out) {
  if (!f->started) {
    field_reset(f);
    return;
  }
  const rc_str *v = rc_strb_take(&f->b, e->A);
  if (!f->glob && f->paren && f->certain && f->pat.s) { /* qualifiers alone make a zsh glob */
    bool ng;
    char type;
    f->glob = strip_qualifiers(e, f->pat.s, &ng, &type) != f->pat.s;
  }
  if (f->glob && f->certain) {
    bool nullglob = ev_opt(e, "nullglob");
    size_t before = out->n;
    bool ok;
    ev_glob(e, f->pat.s ? f->pat.s : "", nullglob, out, &ok);
    if (!ok) {
      rc_vec_push(out, rc_str_sym(e->A, rc_str_text(e->A, v, ' '), RC_NO_EVENT));
    } else if (out->n == before) {
      /* No match: bash keeps the word; zsh drops it (nomatch error, or
       * (N)/NULL_GLOB). */
      char type;
      bool ng = nullglob;
      strip_qualifiers(e, f->pat.s ? f->pat.s : "", &ng, &type);
      if (e->shell != RC_SH_ZSH || !ev_opt(e, "nomatch")) rc_vec_push(out, v);
      else if (!ng) e->glob_failed = true;
    }
  } else {
    rc_vec_push(out, v);
  }
  field_reset(f);
}

static void fields_of(E *e, const rc_word *w, const wopts *o, strvec *out) {
  field f;
  memset(&f, 0, sizeof f);
  field_reset(&f);
  bool zsh = e->shell == RC_SH_ZSH && !ev_opt(e, "shwordsplit");
  for (uint32_t i = 0; i < w->nparts; i++) {
    const rc_wpart *p = &w->parts[i];
    if (p->kind == RC_WP_LIT) {
      rc_strb tmp = {0};
      add_lit(e, &tmp, p, i == 0, o);
      const rc_str *v = rc_strb_finish(&tmp, e->A);
      bool quoted = p->quote != RC_Q_NONE;
      for (uint32_t k = 0; k < v->nseg; k++)
        field_text(&f, v->seg[k].s, v->seg[k].n, quoted || (i == 0 && p->text[0] == '~' && k == 0),
                   v->seg[k].kind, v->seg[k].origin, true);
      if (quoted) f.started = true;
      continue;
    }
    bool keep;
    const rc_str *v = part_value(e, p, o, &keep);
    if (v->capped) f.b.overflow = true; /* the field is the overflow value too */
    bool quoted = p->quote != RC_Q_NONE;
    uint32_t origin = o && !keep ? o->origin : RC_NO_EVENT;
    bool whole_array = v->array && (p->kind == RC_WP_PARAM) &&
                       (!quoted || (p->subscript && !strcmp(p->subscript, "@")) || !strcmp(p->name ? p->name : "", "@"));
    if (v->array && !whole_array) v = scalar_of(e, v);
    if (whole_array) {
      /* Each element is its own field; unquoted zsh drops empty ones. */
      bool first = true;
      for (uint32_t k = 0; k < v->nseg; k++) {
        const rc_seg *g = &v->seg[k];
        if (g->kind == RC_SEG_SEP) {
          if (!first) field_finish(e, &f, out);
          first = false;
          if (quoted) f.started = true;
          continue;
        }
        field_text(&f, g->s, g->n, quoted, g->kind, keep ? g->origin : origin, !zsh);
      }
      continue;
    }
    if (quoted || zsh || p->kind == RC_WP_ARITH) {
      for (uint32_t k = 0; k < v->nseg; k++)
        field_text(&f, v->seg[k].s, v->seg[k].n, quoted, v->seg[k].kind, keep ? v->seg[k].origin : origin, !zsh);
      if (quoted) f.started = true;
      continue;
    }
    /* bash/sh: unquoted expansions split on blanks and glob. */
    for (uint32_t k = 0; k < v->nseg; k++) {
      const rc_seg *g = &v->seg[k];
      if (g->kind == RC_SEG_SYM) {
        field_text(&f, g->s, g->n, false, g->kind, keep ? g->origin : origin, true);
        continue;
      }
      uint32_t a = 0;
      for (uint32_t c = 0; c <= g->n; c++) {
        bool blank = c < g->n && (g->s[c] == ' ' || g->s[c] == '\t' || g->s[c] == '\n');
        if (c == g->n || blank) {
          if (c > a) field_text(&f, g->s + a, c - a, false, RC_SEG_LIT, keep ? g->origin : origin, true);
          if (blank) field_finish(e, &f, out);
          a = c + 1;
        }
      }
    }
  }
  field_finish(e, &f, out);
  rc_strb_free(&f.b);
  rc_buf_free(&f.pat);
}

void ev_fields(E *e, const rc_word *const *ws, uint32_t n, const wopts *o, strvec *out) {
  for (uint32_t i = 0; i < n; i++)
    if (ws[i]) fields_of(e, ws[i], o, out);
}
