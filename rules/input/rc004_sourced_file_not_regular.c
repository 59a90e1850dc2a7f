/* RC004 sourced-file-not-regular */
#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind == RC_PB_SOURCE_NOT_REGULAR)
      rc_report(cx, p->file, p->span, "%s is a directory, FIFO or device, not a file: it is not read",
                rc_path(cx->S, p->target));
  }
}

const rc_rule rc_rule_rc004 = {
  .id = "RC004",
  .name = "sourced-file-not-regular",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "A `source` line names a directory, FIFO or device",
  .what = "A sourced path that exists but is not a regular file: a directory, a named pipe, a device.",
  .why = "Sourcing a directory fails; sourcing a FIFO or a device can block the shell's start forever. "
         "rccheck never reads such files.",
  .fix = "Point the line at the file inside the directory, or source each file with a loop.",
  .bad = "# --- .zshrc\nsource ~/.zsh\n# --- .zsh/aliases.zsh\nalias ll='ls -l'\n",
  .good = "# --- .zshrc\nsource ~/.zsh/aliases.zsh\n# --- .zsh/aliases.zsh\nalias ll='ls -l'\n",
  .check = check,
};
