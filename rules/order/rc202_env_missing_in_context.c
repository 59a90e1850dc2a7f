/* RC202 env-missing-in-context */
#include <stdint.h>
#include <string.h>

#include "rule.h"

static const char *const go_vars[] = {"GOROOT", "GOPATH", "GOBIN", "GOFLAGS", "GO111MODULE", "GOTOOLCHAIN"};
/* Variables that only make sense in a terminal. */
static const char *const skip[] = {"LS_COLORS", "LSCOLORS", "CLICOLOR", "GPG_TTY", "PROMPT_COMMAND",
                                   "STARSHIP_SHELL", "STARSHIP_SESSION_KEY", "GOENV_SHELL", "MISE_SHELL",
                                   "HISTFILE", "HISTSIZE", "HISTFILESIZE", "HISTCONTROL", "SAVEHIST"};
static const char *const go_marks[] = {"/go/bin", "/.go/bin", "/go/", "/sdk/go", "goenv", "gvm", ".asdf", "/mise/",
                                       "/.g/bin", "golang", "GOROOT", "GOPATH", "GOBIN", "go env"};

/* Go's variables and bin folders: RC201 reports them when VS Code misses
 * them; this rule when only `-c` / `-l -c` shells do. */
static bool go_item(const rc_presence *p) {
  if (!p->entry) {
    for (size_t i = 0; i < RC_ARRAY_LEN(go_vars); i++)
      if (!strcmp(p->name, go_vars[i])) return true;
    return false;
  }
  if (p->ev->manager && strcmp(p->ev->manager, "brew") && strcmp(p->ev->manager, "path_helper") &&
      strcmp(p->ev->manager, "nix"))
    return true;
  for (size_t i = 0; i < RC_ARRAY_LEN(go_marks); i++)
    if (strstr(p->name, go_marks[i])) return true;
  return false;
}

static bool wanted(const rc_presence *p) {
  if (go_item(p)) return true;
  if (!p->entry) {
    for (size_t i = 0; i < RC_ARRAY_LEN(skip); i++)
      if (!strcmp(p->name, skip[i])) return false;
    return true;
  }
  if (p->ev->manager && strcmp(p->ev->manager, "brew") && strcmp(p->ev->manager, "path_helper") &&
      strcmp(p->ev->manager, "nix"))
    return false; /* version managers: RC201's, or their own rules' */
  for (size_t i = 0; i < RC_ARRAY_LEN(go_marks); i++)
    if (strstr(p->name, go_marks[i])) return false;
  return true;
}

/* As RC201: `-l -c`, VS Code, and `zsh -c` (`bash -c` reads no file). */
static uint32_t relied(const rc_presence *p) {
  uint32_t m = 1u << RC_CTX_LOGIN | 1u << RC_CTX_VSCODE;
  if (p->shell == RC_SH_ZSH) m |= 1u << RC_CTX_SCRIPT;
  return m;
}

static void check(rc_check *cx) {
  rc_presences ps = {0};
  rc_presence_scan(cx, &ps);
  /* One finding per name: the line that sets it in the most contexts (the
   * first of those). best: "shell entry name" → 1 + index of that line. */
  rc_map best = {0};
  for (size_t i = 0; i < ps.n; i++) {
    const rc_presence *p = &ps.v[i];
    const char *key = rc_arena_printf(&cx->S->arena, "%d %d %s", (int)p->shell, (int)p->entry, p->name);
    size_t b = (size_t)(uintptr_t)rc_map_get(&best, key);
    if (!b || __builtin_popcount(p->set) > __builtin_popcount(ps.v[b - 1].set)) rc_map_put(&best, key, (void *)(uintptr_t)(i + 1));
  }
  for (size_t i = 0; i < ps.n; i++) {
    const rc_presence *p = &ps.v[i];
    uint32_t missing = p->missing & relied(p);
    if (!wanted(p) || !missing || (go_item(p) && (missing & (1u << RC_CTX_VSCODE)))) continue;
    const char *key = rc_arena_printf(&cx->S->arena, "%d %d %s", (int)p->shell, (int)p->entry, p->name);
    if ((size_t)(uintptr_t)rc_map_get(&best, key) != i + 1) continue;
    rc_buf ctxs = {0};
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (missing & (1u << k)) rc_buf_printf(&ctxs, "%s%s %s", ctxs.n ? ", " : "", rc_shell_name(p->shell), rc_ctx_name((rc_ctx_kind)k));
    const rc_visit *top = rc_event_startup_visit(p->ctx, p->ev);
    rc_diag *d = rc_report(cx, p->ev->file, p->ev->span, "%s%s is set here (%s) but missing in: %s",
                           p->entry ? "the PATH entry " : "", rc_path(cx->S, p->name),
                           top ? rc_path(cx->S, top->path) : "this file", ctxs.s);
    for (int k = 0; k < RC_CTX_COUNT; k++)
      if (missing & (1u << k)) rc_diag_add_context(d, p->shell, (rc_ctx_kind)k);
    rc_buf_free(&ctxs);
  }
  rc_map_free(&best);
  rc_vec_free(&ps);
}

const rc_rule rc_rule_rc202 = {
  .id = "RC202",
  .name = "env-missing-in-context",
  .severity = RC_SEV_INFO,
  .off_by_default = true,
  .needs_home = true,
  .hook = RC_ON_HOME,
  .summary = "An exported variable or PATH entry is set in some contexts but missing in others",
  .what = "An exported variable or PATH entry that a line sets, while `-l -c` shells, VS Code's environment or "
          "`zsh -c` never reach that line; for Go's variables and bin folders, the cases RC201 leaves out (only `-c` "
          "or `-l -c` shells miss them).",
  .why = "Often deliberate (a prompt setting, an alias helper), sometimes the reason a tool works in the terminal "
         "and not in an editor task. Off by default: turn it on to audit a setup.",
  .fix = "If the other contexts need it, move the line to ~/.zshenv (zsh) or the login file bash reads.",
  .bad = "# --- .zshrc\nexport EDITOR=vim\n",
  .good = "# --- .zshenv\nexport EDITOR=vim\n",
  .check = check,
};
