/* RC212 startup-program */
#include "rule.h"

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  for (size_t i = 0; i < C->execs.n; i++) {
    const rc_exec_site *x = &C->execs.v[i];
    if (!x->file) continue;
    rc_report(cx, x->file, x->span, "runs a program at every start of the shells listed: `%s`%s", x->text,
              x->manager ? " (a tool's init line)" : "");
  }
}

const rc_rule rc_rule_rc212 = {
  .id = "RC212",
  .name = "startup-program",
  .severity = RC_SEV_INFO,
  .off_by_default = true,
  .hook = RC_ON_CONTEXT,
  .summary = "A program runs at shell startup (listed per context)",
  .what = "Every `$(…)`, `eval \"$(tool init -)\"` or plain command in the startup files runs a program each time a "
          "shell starts. This lists them, with the contexts that run each one.",
  .why = "Each program costs milliseconds to seconds at every start; `$(brew --prefix go)` or `$(go env GOPATH)` "
         "recompute what a literal path or $HOMEBREW_PREFIX already knows.",
  .fix = "Replace computed values with literals or variables the earlier lines set, cache tool output, and guard "
         "interactive-only tools with `[[ -o interactive ]]`.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport HOST_SHORT=\"$(hostname -s)\"\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport HOST_SHORT=\"${HOST%%.*}\"\n",
  .check = check,
};
