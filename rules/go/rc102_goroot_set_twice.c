/* RC102 goroot-set-twice */
#include <string.h>

#include "rule.h"

static bool hand_set(rc_check *cx, const rc_event *ev) {
  return ev->op == RC_OP_ASSIGN && rc_event_by_hand(cx, ev, "GOROOT");
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "GOROOT", &n);
  for (size_t j = 0; j < n; j++) {
    const rc_event *b = &C->events.v[ids[j]];
    if (!hand_set(cx, b)) continue;
    const char *bv = rc_event_text(cx->S, b);
    for (size_t i = j; i-- > 0;) {
      const rc_event *a = &C->events.v[ids[i]];
      if (rc_cond_exclusive(a->cond, b->cond) || a->op == RC_OP_EXPORT || a->op == RC_OP_JOIN) continue;
      if (!rc_event_sets(a)) break; /* unset or a manager in between: setting it again matters */
      if (!hand_set(cx, a)) break;
      const char *av = rc_event_text(cx->S, a);
      if (av && bv && !strcmp(av, bv) && (a->file != b->file || a->span.start != b->span.start)) {
        rc_diag *d = rc_report(cx, b->file, b->span, "GOROOT is set again to the same value (%s): this line has no effect",
                               rc_path(cx->S, bv));
        rc_note(d, a->file, a->span, "already set here");
      }
      break;
    }
  }
}

const rc_rule rc_rule_rc102 = {
  .id = "RC102",
  .name = "goroot-set-twice",
  .severity = RC_SEV_STYLE,
  .hook = RC_ON_CONTEXT,
  .summary = "GOROOT is set again to the value it already has",
  .what = "A GOROOT assignment that repeats the value an earlier line on the same path already gave it.",
  .why = "The second line changes nothing, but the next edit will change one copy and not the other, "
         "which is how the two lines start to disagree.",
  .fix = "Delete the repeated line (and consider deleting the first: go finds its own GOROOT).",
  .bad = "# --- .zshenv\nexport GOROOT=$HOME/sdk/go1.22.5\n# --- .zshrc\nexport GOROOT=$HOME/sdk/go1.22.5\n",
  .good = "# --- .zshenv\nexport GOROOT=$HOME/sdk/go1.22.5\n",
  .check = check,
};
