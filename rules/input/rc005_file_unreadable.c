/* RC005 file-unreadable */
#include <string.h>

#include "rule.h"

static void check(rc_check *cx) {
  for (size_t i = 0; i < cx->ctx->problems.n; i++) {
    const rc_problem *p = &cx->ctx->problems.v[i];
    if (p->kind != RC_PB_FILE_UNREADABLE) continue;
    rc_span at = rc_problem_span(p);
    /* the message starts with the path: shown as ~/… like other rules' */
    size_t n = p->target ? strlen(p->target) : 0;
    if (n && !strncmp(p->message, p->target, n))
      rc_report(cx, p->file, at, "%s%s", rc_path(cx->S, p->target), p->message + n);
    else
      rc_report(cx, p->file, at, "%s", p->message);
  }
}

const rc_rule rc_rule_rc005 = {
  .id = "RC005",
  .name = "file-unreadable",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "A startup or sourced file cannot be read or analyzed",
  .what = "A file the shell reads that rccheck cannot analyze: no permission, a symlink loop, binary content, "
          "larger than 4 MiB or than 250,000 words and operators, or read after the files before it used up the "
          "run's 1,000,000 (caps that keep time and memory bounded on hostile input).",
  .why = "The shell may fail on it at every start, and nothing it sets is known to the analysis.",
  .fix = "Fix the permissions or the symlink, or replace the file with the shell script it should be.",
  .bad = "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f"
         "\x01\x02\x03\x04\x05\x06\x07\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1c\x1d\x1e\x1f\n",
  .good = "export EDITOR=vim\n",
  .check = check,
};
