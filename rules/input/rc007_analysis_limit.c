/* RC007 analysis-limit */
#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind == RC_PB_LIMIT) rc_report(cx, p->file, rc_problem_span(p), "%s", p->message);
  }
}

const rc_rule rc_rule_rc007 = {
  .id = "RC007",
  .name = "analysis-limit",
  .severity = RC_SEV_INFO,
  .hook = RC_ON_CONTEXT,
  .summary = "The analysis stopped following something at one of its limits",
  .what = "A value grew past 64 KiB, a variable took too many alternative values, files were sourced or "
          "functions called too deeply, or a loop ran too long; rccheck treats what follows as unknown.",
  .why = "Values after this point are reported as unknown rather than guessed; the startup file is probably "
         "doing more work at every start than it needs to.",
  .fix = "Simplify the construct (avoid `PATH=$PATH:$PATH` in loops, deep recursion).",
  .bad = "X=0123456789012345678901234567890123456789012345678901234567890123456789\n"
         "X=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\nX=$X$X\n",
  .good = "X=0123456789\nX=$X$X\n",
  .check = check,
};
