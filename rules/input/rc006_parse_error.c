/* RC006 parse-error */
#include "rule.h"

/* Where reading stops for good: the end of the first top-level `exit` or
 * `exec cmd`. The shell reads a file a command at a time, so what follows
 * (often another language: `exec ruby -x "$0"`) is never parsed. */
static uint32_t read_end(const rc_ir *ir) {
  for (uint32_t i = 0; i < ir->top.n; i++) {
    const rc_stmt *s = ir->top.v[i];
    if (s->kind == RC_S_CMD && (s->u.cmd.builtin == RC_B_EXIT || s->u.cmd.builtin == RC_B_EXEC)) return s->span.end;
  }
  return UINT32_MAX;
}

static void check(rc_check *cx) {
  const rc_ir *ir = cx->file->ir;
  uint32_t end = ir->errors.n ? read_end(ir) : UINT32_MAX;
  for (size_t i = 0; i < ir->errors.n; i++) {
    const rc_parse_error *e = &ir->errors.v[i];
    if (e->span.start >= end) continue;
    uint32_t lines = e->span.end_line - e->span.line + 1;
    if (e->to_eof)
      rc_report(cx, cx->file, e->span,
                "rccheck cannot parse from here to the end of the file (%u lines): settings there are not analyzed",
                lines);
    else
      rc_report(cx, cx->file, e->span, "rccheck cannot parse %s: %s not analyzed",
                lines > 1 ? "these lines" : "this", lines > 1 ? "they are" : "it is");
  }
}

const rc_rule rc_rule_rc006 = {
  .id = "RC006",
  .name = "parse-error",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_FILE,
  .summary = "Lines rccheck cannot parse",
  .what = "Text the parser could not understand: a syntax error, or shell syntax rccheck does not support yet. "
          "The body of a function defined at the top level is parsed when the function first runs (at startup, "
          "or as a prompt hook): an error inside a function that never runs is not reported, since nothing in it "
          "reaches the environment; nor is anything after a top-level `exit` or `exec cmd`, which the shell never "
          "reads.",
  .why = "Assignments and `source` lines inside the damaged region are invisible to every other check.",
  .fix = "Fix the syntax error if there is one; otherwise report the construct to rccheck and disable this "
         "rule on that line with `# rccheck disable=RC006`.",
  .bad = "export EDITOR=vim\nif [ -d ~/bin ] then\n  PATH=~/bin:$PATH\nfi fi\n",
  .good = "export EDITOR=vim\nif [ -d ~/bin ]; then\n  PATH=~/bin:$PATH\nfi\n",
  .check = check,
};
