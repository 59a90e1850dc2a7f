/* RC106 tool-query-at-startup */
#include <string.h>

#include "rule.h"

/* `$(brew --prefix [formula])` or `$(go env VAR)`: what it asks. */
typedef struct query {
  bool brew;
  const char *tool;    /* the program as written: brew, /opt/homebrew/bin/brew */
  const char *arg;     /* formula or variable, or NULL */
} query;

static bool parse(rc_session *S, const char *text, query *q) {
  size_t n = strlen(text);
  if (n > 3 && text[0] == '$' && text[1] == '(' && text[n - 1] == ')') text += 2, n -= 3;
  else if (n > 2 && text[0] == '`' && text[n - 1] == '`') text += 1, n -= 2;
  else return false;
  const char *w[5];
  size_t k = 0;
  const char *p = text, *end = text + n;
  while (p < end && k < 5) {
    while (p < end && (*p == ' ' || *p == '\t')) p++;
    if (p >= end) break;
    const char *s = p;
    while (p < end && *p != ' ' && *p != '\t') p++;
    w[k++] = rc_arena_strndup(&S->arena, s, (size_t)(p - s));
  }
  if (p < end || k < 2) return false;
  const char *base = strrchr(w[0], '/');
  base = base ? base + 1 : w[0];
  memset(q, 0, sizeof *q);
  q->tool = w[0];
  if (!strcmp(base, "brew") && !strcmp(w[1], "--prefix") && k <= 3) {
    q->brew = true;
    q->arg = k == 3 ? w[2] : NULL;
    return !q->arg || q->arg[0] != '-';
  }
  if (!strcmp(base, "go") && !strcmp(w[1], "env") && k == 3 && (!strcmp(w[2], "GOPATH") || !strcmp(w[2], "GOROOT") ||
                                                                  !strcmp(w[2], "GOBIN"))) {
    q->arg = w[2];
    return true;
  }
  return false;
}

typedef struct site {
  const rc_exec_site *x;
  bool all_shellenv;   /* brew shellenv ran before it in every context */
  const char *gopath;  /* go env GOPATH: $GOPATH exported before it in every context */
  bool gopath_ok;
  uint32_t ctxs[RC_SH_COUNT];
} site;

/* The latest event of var before the exec site on its path. */
static const rc_event *last_before(const rc_ctx *C, const char *var, const rc_exec_site *x) {
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, var, &n);
  const rc_event *best = NULL;
  for (size_t i = 0; i < n; i++) {
    const rc_event *e = &C->events.v[ids[i]];
    if (e->id < x->events_before && e->op != RC_OP_JOIN && !rc_cond_exclusive(e->cond, x->cond)) best = e;
  }
  return best;
}

static void check(rc_check *cx) {
  RC_VEC(site) sites = {0};
  for (size_t c = 0; c < cx->nctxs; c++) {
    const rc_ctx *C = cx->ctxs[c];
    for (size_t i = 0; i < C->execs.n; i++) {
      const rc_exec_site *x = &C->execs.v[i];
      query q;
      if (!x->cmdsub || x->manager || !rc_user_file(cx, x->file) || !parse(cx->S, x->text, &q)) continue;
      const rc_event *hp = last_before(C, "HOMEBREW_PREFIX", x);
      bool se = hp && hp->manager && !strcmp(hp->manager, "brew");
      const rc_event *gp = last_before(C, "GOPATH", x);
      bool gok = gp && gp->after.state == RC_VS_SET && gp->after.exported;
      site *s = NULL;
      for (size_t k = 0; k < sites.n && !s; k++)
        if (sites.v[k].x->file == x->file && sites.v[k].x->span.start == x->span.start) s = &sites.v[k];
      if (!s) {
        rc_vec_push(&sites, ((site){.x = x, .all_shellenv = true, .gopath_ok = true}));
        s = &sites.v[sites.n - 1];
      }
      s->all_shellenv &= se;
      s->gopath_ok &= gok;
      s->ctxs[C->shell] |= 1u << C->kind;
    }
  }
  for (size_t k = 0; k < sites.n; k++) {
    const site *s = &sites.v[k];
    query q;
    parse(cx->S, s->x->text, &q);
    rc_diag *d = rc_report(cx, s->x->file, s->x->span,
                           "`%s` runs %s at every shell start: startup gets slower, and VS Code gives up "
                           "resolving the environment after 10 s",
                           s->x->text, q.brew ? "brew (a Ruby program)" : "go");
    for (int sh = 0; sh < RC_SH_COUNT; sh++)
      for (int c = 0; c < RC_CTX_COUNT; c++)
        if (s->ctxs[sh] & (1u << c)) rc_diag_add_context(d, (rc_shell)sh, (rc_ctx_kind)c);
    const char *opt = q.arg ? rc_arena_printf(&cx->S->arena, "/opt/%s", q.arg) : "";
    if (q.brew && s->all_shellenv) {
      rc_fix_begin(d, true, "use $HOMEBREW_PREFIX (set by brew shellenv)");
      rc_fix_edit(d, s->x->file, s->x->span, rc_arena_printf(&cx->S->arena, "$HOMEBREW_PREFIX%s", opt));
    } else if (q.brew) {
      const char *prefix = cx->S->opt.os == RC_OS_MACOS ? "/opt/homebrew" : "/home/linuxbrew/.linuxbrew";
      if (q.tool[0] == '/' && rc_str_ends(q.tool, "/bin/brew"))
        prefix = rc_arena_strndup(&cx->S->arena, q.tool, strlen(q.tool) - 9);
      rc_fix_begin(d, false, "write the prefix out");
      rc_fix_edit(d, s->x->file, s->x->span, rc_arena_printf(&cx->S->arena, "%s%s", prefix, opt));
    } else if (!strcmp(q.arg, "GOPATH") && s->gopath_ok) {
      rc_fix_begin(d, true, "use $GOPATH (exported earlier)");
      rc_fix_edit(d, s->x->file, s->x->span, "$GOPATH");
    } else if (!strcmp(q.arg, "GOPATH")) {
      rc_fix_begin(d, false, "use go's default, $HOME/go");
      rc_fix_edit(d, s->x->file, s->x->span, "$HOME/go");
    }
  }
  rc_vec_free(&sites);
}

const rc_rule rc_rule_rc106 = {
  .id = "RC106",
  .name = "tool-query-at-startup",
  .severity = RC_SEV_INFO,
  .fixable = true,
  .hook = RC_ON_HOME,
  .summary = "`$(brew --prefix …)` or `$(go env …)` runs a program in every new shell",
  .what = "A command substitution asking brew for its prefix or go for GOPATH/GOROOT/GOBIN, in a startup file.",
  .why = "Every terminal, every `zsh -c` and every editor start pays for it; brew in particular takes a "
         "noticeable time, and VS Code abandons resolving the shell environment after 10 s. The answers are "
         "known: `brew shellenv` exports HOMEBREW_PREFIX, `brew --prefix go` is `$HOMEBREW_PREFIX/opt/go`, and "
         "GOPATH defaults to `$HOME/go`.",
  .fix = "Use `$HOMEBREW_PREFIX` (safe when `brew shellenv` ran earlier in every context that reads the line), "
         "else the literal prefix; `$GOPATH` or `$HOME/go` instead of `$(go env GOPATH)`.",
  .bad = "# --- .zshenv\n"
         "eval \"$(/opt/homebrew/bin/brew shellenv)\"\nexport PATH=\"$(brew --prefix go)/libexec/bin:$PATH\"\n",
  .good = "# --- .zshenv\n"
         "eval \"$(/opt/homebrew/bin/brew shellenv)\"\nexport PATH=\"$HOMEBREW_PREFIX/opt/go/libexec/bin:$PATH\"\n",
  .check = check,
};
