/* RC003 source-cycle */
#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind == RC_PB_SOURCE_CYCLE)
      rc_report(cx, p->file, p->span, "%s sources a file that is already being read (a source cycle)",
                p->file ? rc_path(cx->S, p->file->path) : "this file");
  }
}

const rc_rule rc_rule_rc003 = {
  .id = "RC003",
  .name = "source-cycle",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "Files source each other in a cycle",
  .what = "A file sources a file that is already being read in the same context (a → b → a).",
  .why = "Without a guard the shell recurses until it fails; with one, the second read runs only up to the "
         "guard, so settings below it depend on which file the shell started from.",
  .fix = "Source shared settings from one place, in one direction.",
  .bad = "# --- .zshrc\nsource ~/.zsh/env.zsh\n# --- .zsh/env.zsh\n[ -n \"$ENV_DONE\" ] && return\nENV_DONE=1\nsource ~/.zshrc\n",
  .good = "# --- .zshrc\nsource ~/.zsh/env.zsh\n# --- .zsh/env.zsh\nexport EDITOR=vim\n",
  .check = check,
};
