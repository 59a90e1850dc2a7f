/* RC005 file-unreadable */
#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind != RC_PB_FILE_UNREADABLE) continue;
    rc_span at = p->span;
    if (!at.line) at.line = at.end_line = at.col = at.end_col = 1;
    rc_report(cx, p->file, at, "%s", p->message);
  }
}

const rc_rule rc_rule_rc005 = {
  .id = "RC005",
  .name = "file-unreadable",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "A startup or sourced file cannot be read or analyzed",
  .what = "A file the shell reads that rccheck cannot analyze: no permission, a symlink loop, larger than "
          "4 MiB, or binary content.",
  .why = "The shell may fail on it at every start, and nothing it sets is known to the analysis.",
  .fix = "Fix the permissions or the symlink, or replace the file with the shell script it should be.",
  .bad = "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f"
         "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f\n",
  .good = "export EDITOR=vim\n",
  .check = check,
};
