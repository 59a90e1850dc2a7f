/* RC201 go-env-missing-in-context */
#include <string.h>

#include "rule.h"

static const char *const go_vars[] = {"GOROOT", "GOPATH", "GOBIN", "GOFLAGS", "GO111MODULE", "GOTOOLCHAIN"};
static const char *const go_managers[] = {"goenv", "gvm", "asdf", "asdf-golang", "mise", "rtx", "g"};
/* Pieces of a PATH entry that mark a Go or Go-manager directory. */
static const char *const go_marks[] = {"/go/bin", "/.go/bin", "/go/", "/sdk/go", "goenv", "gvm", ".asdf", "/mise/",
                                       "/.g/bin", "golang", "GOROOT", "GOPATH", "GOBIN", "go env"};

static bool in_list(const char *s, const char *const *l, size_t n) {
  for (size_t i = 0; s && i < n; i++)
    if (!strcmp(s, l[i])) return true;
  return false;
}

static bool is_go_item(const rc_presence *p) {
  if (!p->entry) return in_list(p->name, go_vars, RC_ARRAY_LEN(go_vars));
  if (in_list(p->ev->manager, go_managers, RC_ARRAY_LEN(go_managers))) return true;
  for (size_t i = 0; i < RC_ARRAY_LEN(go_marks); i++)
    if (strstr(p->name, go_marks[i])) return true;
  return false;
}

/* The contexts people rely on: `-l -c` (tools asking for the login
 * environment), VS Code's resolver, and `-c` (tasks, scripts). `bash -c`
 * reads no startup file at all, so nothing can be moved there; on macOS a
 * PATH entry belongs after path_helper (.zprofile), which `zsh -c` skips. */
static uint32_t relied(rc_check *cx, const rc_presence *p) {
  uint32_t m = 1u << RC_CTX_LOGIN | 1u << RC_CTX_VSCODE | 1u << RC_CTX_SCRIPT;
  if (p->shell != RC_SH_ZSH) m &= ~(1u << RC_CTX_SCRIPT);
  if (p->shell == RC_SH_ZSH && p->entry && cx->S->opt.os == RC_OS_MACOS) m &= ~(1u << RC_CTX_SCRIPT);
  return m;
}

/* Contexts where the line itself ran (and a later line undid it): not a
 * matter of where the line is. */
static uint32_t line_ran(rc_check *cx, const rc_presence *p, uint32_t mask) {
  uint32_t ran = 0;
  for (int k = 0; k < RC_CTX_COUNT; k++) {
    const rc_ctx *D = (mask & (1u << k)) ? rc_find_ctx(cx, p->shell, (rc_ctx_kind)k) : NULL;
    for (size_t i = 0; D && i < D->events.n && !(ran & (1u << k)); i++)
      if (D->events.v[i].file == p->ev->file && D->events.v[i].span.start == p->ev->span.start) ran |= 1u << k;
  }
  return ran;
}

/* Reported only when VS Code's environment misses it: `-c` and `-l -c`
 * shells usually inherit the variable from the terminal or the editor that
 * starts them (RC202, off by default, reports those). */
static uint32_t missing_of(rc_check *cx, const rc_presence *p) {
  if (p->ev->in_hook) return 0; /* set by a prompt hook: RC115 */
  uint32_t m = p->missing & relied(cx, p);
  m &= ~line_ran(cx, p, m);
  return m & (1u << RC_CTX_VSCODE) ? m : 0;
}

static const char *ctx_label(rc_shell sh, rc_ctx_kind k) {
  bool z = sh == RC_SH_ZSH;
  switch (k) {
  case RC_CTX_LOGIN: return z ? "login (`zsh -l -c`)" : "login (`bash -l -c`)";
  case RC_CTX_SCRIPT: return z ? "script (`zsh -c`: tasks, scripts)" : "script (`bash -c`)";
  case RC_CTX_VSCODE: return "vscode (VS Code's environment)";
  default: return rc_ctx_name(k);
  }
}

/* Where the setting belongs: the file every context that misses it reads. */
static const char *better_file(rc_check *cx, const rc_presence *p, uint32_t missing) {
  if (p->shell == RC_SH_ZSH) {
    bool mac_entry = p->entry && cx->S->opt.os == RC_OS_MACOS;
    const char *want = mac_entry ? "/.zprofile" : "/.zshenv";
    for (size_t i = 0; i < cx->nctxs; i++) {
      const rc_ctx *C = cx->ctxs[i];
      for (size_t v = 0; C->shell == RC_SH_ZSH && v < C->visits.n; v++)
        if (C->visits.v[v].startup && rc_str_ends(C->visits.v[v].path, want) && strncmp(C->visits.v[v].path, "/etc/", 5))
          return rc_path(cx->S, C->visits.v[v].path);
    }
    return mac_entry ? "~/.zprofile (after path_helper)" : "~/.zshenv";
  }
  /* bash login shells read the first of the three that exists */
  for (int k = 0; k < RC_CTX_COUNT; k++) {
    const rc_ctx *C = (missing & (1u << k)) ? rc_find_ctx(cx, p->shell, (rc_ctx_kind)k) : NULL;
    for (size_t v = 0; C && v < C->visits.n; v++) {
      const rc_visit *x = &C->visits.v[v];
      if (x->startup && x->exists && x->file && rc_user_file(cx, x->file)) return rc_path(cx->S, x->path);
    }
  }
  return "~/.profile";
}

/* Is the file that holds the line read at all in context kind k? */
static bool file_read_in(rc_check *cx, const rc_presence *p, rc_ctx_kind k) {
  const rc_ctx *D = rc_find_ctx(cx, p->shell, k);
  for (size_t v = 0; D && v < D->visits.n; v++)
    if (D->visits.v[v].file == p->ev->file && !D->visits.v[v].at_exit) return true;
  return false;
}

static void report(rc_check *cx, rc_presences *ps, size_t at) {
  const rc_presence *p = &ps->v[at];
  uint32_t missing = missing_of(cx, p);
  rc_buf vars = {0}, ents = {0}, ctxs = {0};
  size_t count = 0, nent = 0;
  /* everything this line sets that the same contexts miss, in one finding */
  for (size_t i = at; i < ps->n; i++) {
    rc_presence *q = &ps->v[i];
    if (q->shell != p->shell || q->ev->file != p->ev->file || q->ev->span.start != p->ev->span.start ||
        !is_go_item(q) || missing_of(cx, q) != missing)
      continue;
    if (q->entry) rc_buf_printf(&ents, "%s%s", nent++ ? ", " : "", rc_path(cx->S, q->name));
    else rc_buf_printf(&vars, "%s%s", vars.n ? ", " : "", q->name);
    count++;
    if (i != at) q->missing = 0; /* reported here */
  }
  bool read_somewhere = false;
  int left = __builtin_popcount(missing);
  for (int k = 0; k < RC_CTX_COUNT; k++)
    if (missing & (1u << k)) {
      left--;
      rc_buf_printf(&ctxs, "%s%s", ctxs.n ? (left ? ", " : " and ") : "", ctx_label(p->shell, (rc_ctx_kind)k));
      read_somewhere |= file_read_in(cx, p, (rc_ctx_kind)k);
    }
  const rc_visit *top = rc_event_startup_visit(p->ctx, p->ev);
  /* name the file the line is in when some context reads it as a startup file */
  const char *unread = top ? top->path : p->ev->file->path;
  for (size_t i = 0; i < cx->nctxs; i++)
    for (size_t v = 0; cx->ctxs[i]->shell == p->shell && v < cx->ctxs[i]->visits.n; v++)
      if (cx->ctxs[i]->visits.v[v].startup && cx->ctxs[i]->visits.v[v].file == p->ev->file) unread = p->ev->file->path;
  const char *why = read_somewhere ? "this line is not reached there"
                                   : rc_arena_printf(&cx->S->arena, "%s is not read there", rc_path(cx->S, unread));
  const char *where = better_file(cx, p, missing);
  const char *names = rc_arena_printf(&cx->S->arena, "%s%s%s%s", vars.n ? vars.s : "", vars.n && nent ? " and " : "",
                                      nent ? (nent > 1 ? "the PATH entries " : "the PATH entry ") : "",
                                      nent ? ents.s : "");
  rc_diag *d = rc_report(cx, p->ev->file, p->ev->span, "%s %s set here but missing in the %s context%s: %s; set %s in %s%s",
                         names, count > 1 ? "are" : "is", ctxs.s, __builtin_popcount(missing) > 1 ? "s" : "", why,
                         count > 1 ? "them" : "it", where,
                         top && rc_str_ends(top->path, "/.bashrc") ? ", or source ~/.bashrc from there" : "");
  for (int k = 0; k < RC_CTX_COUNT; k++)
    if (missing & (1u << k)) rc_diag_add_context(d, p->shell, (rc_ctx_kind)k);
  if (top && top->file != p->ev->file) {
    /* the line is in a sourced file: show where the chain reaches it */
    const rc_visit *v = &p->ctx->visits.v[p->ev->visit];
    while (v->parent >= 0 && p->ctx->visits.v[v->parent].parent >= 0) v = &p->ctx->visits.v[v->parent];
    if (v->parent >= 0) rc_note(d, p->ctx->visits.v[v->parent].file, v->via, "sourced from here");
  }
  /* other lines that set the same thing in other contexts */
  for (size_t i = 0; i < ps->n; i++) {
    const rc_presence *q = &ps->v[i];
    if (i != at && q->shell == p->shell && q->entry == p->entry && !strcmp(q->name, p->name))
      rc_note(d, q->ev->file, q->ev->span, "%s is also set here (in other contexts)", q->name);
  }
  rc_buf_free(&vars);
  rc_buf_free(&ents);
  rc_buf_free(&ctxs);
}

static void check(rc_check *cx) {
  rc_presences ps = {0};
  rc_presence_scan(cx, &ps);
  /* one finding per name: at the line that sets it in the most contexts */
  for (size_t i = 0; i < ps.n; i++) {
    rc_presence *p = &ps.v[i];
    if (!is_go_item(p) || !missing_of(cx, p)) continue;
    bool best = true;
    for (size_t j = 0; j < ps.n && best; j++) {
      const rc_presence *q = &ps.v[j];
      if (j == i || q->shell != p->shell || q->entry != p->entry || strcmp(q->name, p->name)) continue;
      int a = __builtin_popcount(p->set), b = __builtin_popcount(q->set);
      best = a > b || (a == b && i < j);
    }
    if (best) report(cx, &ps, i);
  }
  rc_vec_free(&ps);
}

const rc_rule rc_rule_rc201 = {
  .id = "RC201",
  .name = "go-env-missing-in-context",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_HOME,
  .summary = "A Go toolchain variable or Go bin directory is set in some contexts but missing in others",
  .what = "GOROOT, GOPATH, GOBIN, GOFLAGS, GO111MODULE, GOTOOLCHAIN, or a PATH entry for a Go or Go version "
          "manager directory, is set by a line that some contexts people rely on never reach: `zsh -l -c` / "
          "`bash -l -c` (tools that ask for the login environment), VS Code's environment resolver, and `zsh -c` "
          "(tasks and scripts). The usual cause is an `export` in ~/.zshrc or ~/.bashrc, which only interactive "
          "shells read.",
  .why = "The terminal works, so the setup looks right, but VS Code's Go extension, `go generate` run from a task, "
         "git hooks and `ssh host go build` see another Go, another GOPATH, or no Go at all. Reported when VS Code's "
         "environment misses it (VS Code resolves its environment from a fresh `$SHELL -i -l -c`); when only `-c` or "
         "`-l -c` shells miss it, RC202 (off by default) reports it, since those shells usually inherit it from the "
         "terminal or editor that starts them.",
  .fix = "Move the line to a file every one of those contexts reads: ~/.zshenv for zsh (on macOS, PATH entries in "
         "~/.zprofile, after path_helper), and for bash the login file it reads (~/.bash_profile or ~/.profile), "
         "or source ~/.bashrc from it.",
  .bad = "# --- .zshrc\n[ -n \"$VSCODE_RESOLVING_ENVIRONMENT\" ] && return\nexport GOPATH=\"$HOME/go\"\n"
         "path+=($GOPATH/bin)\n",
  .good = "# --- .zshrc\nexport GOPATH=\"$HOME/go\"\npath+=($GOPATH/bin)\n[ -n \"$VSCODE_RESOLVING_ENVIRONMENT\" ] && return\n",
  .check = check,
};
