/* RC213 slow-vscode-environment */
#include <string.h>

#include "rule.h"

/* Programs run while VS Code resolves its environment before the warning.
 * Each costs 5 ms to a second; a dozen is where users report timeouts. */
enum { MANY = 8 };

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (C->kind != RC_CTX_VSCODE || !rc_ctx_is_home(cx, C)) return;
  size_t n = 0;
  const rc_exec_site *first = NULL;
  for (size_t i = 0; i < C->execs.n; i++) {
    const rc_exec_site *x = &C->execs.v[i];
    bool dup = false;
    for (size_t k = 0; k < i && !dup; k++)
      dup = C->execs.v[k].file == x->file && C->execs.v[k].span.start == x->span.start;
    if (dup) continue;
    n++;
    if (!first && x->file && rc_user_file(cx, x->file)) first = x;
  }
  if (n < MANY || !first) return;
  rc_diag *d = rc_report(cx, first->file, first->span,
                         "VS Code resolves its environment with `%s -i -l -c`, which runs %zu programs at startup "
                         "(from here on); when that takes over 10 s VS Code gives up and keeps launchd's environment, "
                         "without your PATH or GOROOT",
                         rc_shell_name(C->shell), n);
  size_t shown = 0;
  for (size_t i = 0; i < C->execs.n && shown < 12; i++) {
    const rc_exec_site *x = &C->execs.v[i];
    if (x == first || !x->file || !rc_user_file(cx, x->file)) continue;
    rc_note(d, x->file, x->span, "runs `%s`", x->text);
    shown++;
  }
}

const rc_rule rc_rule_rc213 = {
  .id = "RC213",
  .name = "slow-vscode-environment",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "VS Code's environment resolution runs many programs at startup",
  .what = "VS Code started from the Dock runs your login shell (`$SHELL -i -l -c`) to learn the environment. This "
          "counts the programs that shell would run (`$(brew --prefix)`, `eval \"$(x init -)\"`, `$(go env …)`) "
          "and warns from 8 on.",
  .why = "VS Code waits 10 s (application.shellEnvironmentResolutionTimeout), then gives up and keeps launchd's "
         "bare environment: the Go extension finds no go, the wrong GOROOT, or none of your tools.",
  .fix = "Use literal paths instead of computed ones, and skip interactive extras while VS Code resolves: "
         "`[[ -n $VSCODE_RESOLVING_ENVIRONMENT ]] && return` after the environment lines of ~/.zshrc.",
  .bad = "# rccheck-fixture: shell=zsh context=vscode\n# --- .zshrc\nexport A=\"$(a)\" B=\"$(b)\" C=\"$(c)\"\n"
         "export D=\"$(d)\" E=\"$(e)\" F=\"$(f)\" G=\"$(g)\" H=\"$(h)\"\n",
  .good = "# rccheck-fixture: shell=zsh context=vscode\n# --- .zshrc\nexport A=\"$(a)\"\n"
          "[[ -n $VSCODE_RESOLVING_ENVIRONMENT ]] && return\nexport D=\"$(d)\" E=\"$(e)\" F=\"$(f)\" G=\"$(g)\" H=\"$(h)\"\n"
          "export B=\"$(b)\" C=\"$(c)\"\n",
  .check = check,
};
