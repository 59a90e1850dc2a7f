/* RC001 sourced-file-missing */
#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind == RC_PB_SOURCE_MISSING)
      rc_report(cx, p->file, p->span, "%s does not exist: `source` fails here and the file's settings are missing",
                rc_path(cx->S, p->target));
  }
}

const rc_rule rc_rule_rc001 = {
  .id = "RC001",
  .name = "sourced-file-missing",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "A `source`/`.` line names a file that does not exist",
  .what = "A `source` or `.` statement, reached in some context, names a file that does not exist. "
          "One whose errors are redirected (`source FILE 2>/dev/null`) expects that and is not reported.",
  .why = "The shell prints an error at every start and everything the file was meant to set "
         "(PATH entries, GOROOT, aliases) is missing, often only in some contexts.",
  .fix = "Create the file, correct the path, or guard the line: `[ -f FILE ] && . FILE`.",
  .bad = "source ~/.zsh/aliases.zsh\n",
  .good = "[ -f ~/.zsh/aliases.zsh ] && source ~/.zsh/aliases.zsh\n",
  .check = check,
};
