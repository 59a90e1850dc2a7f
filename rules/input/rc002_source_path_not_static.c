/* RC002 source-path-not-static */
#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind == RC_PB_SOURCE_UNRESOLVED) rc_report(cx, p->file, p->span, "%s", p->message);
  }
}

const rc_rule rc_rule_rc002 = {
  .id = "RC002",
  .name = "source-path-not-static",
  .severity = RC_SEV_INFO,
  .hook = RC_ON_CONTEXT,
  .summary = "A sourced path depends on a program's output and cannot be followed",
  .what = "A `source` line whose path is computed by a command substitution or depends on values rccheck "
          "cannot know, so the file it reads is not analyzed.",
  .why = "Settings made in that file are invisible to the analysis, and the command runs at every shell start.",
  .fix = "Use a literal path or one built from variables set earlier (`$HOMEBREW_PREFIX/...`).",
  .bad = "source \"$(antidote home)/zsh-autosuggestions/zsh-autosuggestions.zsh\"\n",
  .good = "f=/opt/homebrew/share/zsh-autosuggestions/zsh-autosuggestions.zsh\n[ -r \"$f\" ] && source \"$f\"\n",
  .check = check,
};
