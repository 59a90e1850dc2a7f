/* RC208 var-used-before-set */
#include <string.h>

#include "rule.h"

/* `$V` or `${V}`: a plain expansion (not ${V:-default}, ${V+x}, ${#V}). */
static bool plain(const char *text, const char *var) {
  size_t n = strlen(var);
  if (text[0] != '$') return false;
  if (!strncmp(text + 1, var, n) && !text[1 + n]) return true;
  return text[1] == '{' && !strncmp(text + 2, var, n) && text[2 + n] == '}' && !text[3 + n];
}

static bool contains(rc_span outer, rc_span inner) { return outer.start <= inner.start && inner.end <= outer.end; }

/* The assignment whose value the read helps build. */
static const rc_event *user_of(const rc_ctx *C, const rc_read *r) {
  const rc_event *best = NULL;
  for (size_t i = 0; i < C->events.n; i++) {
    const rc_event *ev = &C->events.v[i];
    if (ev->file != r->file || ev->visit != r->visit || !contains(ev->span, r->span) || ev->op == RC_OP_JOIN) continue;
    if (!best || (ev->span.end - ev->span.start) < (best->span.end - best->span.start)) best = ev;
  }
  return best;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  for (size_t i = 0; i < C->reads.n; i++) {
    const rc_read *r = &C->reads.v[i];
    if (r->state_before != RC_SUM_UNSET || !r->file || !rc_user_file(cx, r->file)) continue;
    if (!plain(rc_span_text(cx->S, r->file, r->span), r->var)) continue;
    const rc_event *use = user_of(C, r);
    if (!use || !strcmp(use->var, r->var)) continue;
    const rc_event *later = NULL;
    for (size_t k = use->id + 1; k < C->events.n && !later; k++) {
      const rc_event *ev = &C->events.v[k];
      if (!strcmp(ev->var, r->var) && ev->file && rc_user_file(cx, ev->file) && ev->after.state != RC_VS_UNSET &&
          (ev->op == RC_OP_ASSIGN || ev->op == RC_OP_APPEND || ev->op == RC_OP_MANAGER || ev->op == RC_OP_DEFAULT) &&
          !(ev->file == use->file && contains(use->span, ev->span)))
        later = ev;
    }
    if (!later) continue;
    rc_diag *d = rc_report(cx, r->file, r->span,
                           "$%s is expanded here, before anything sets it, so %s gets an empty string in its place; "
                           "%s is set only later, at %s",
                           r->var, use->var, r->var, rc_where(cx->S, later->file, later->span));
    rc_note(d, later->file, later->span, "%s is set here, after its use", r->var);
  }
}

const rc_rule rc_rule_rc208 = {
  .id = "RC208",
  .name = "var-used-before-set",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "A variable is expanded before the line that sets it",
  .what = "A value is built from a variable — `export PATH=\"$GOROOT/bin:$PATH\"` — at a point where nothing has set "
          "that variable yet in this context, while a later line or a later file (~/.zprofile after ~/.zshenv, "
          "~/.zshrc after ~/.zprofile) does set it.",
  .why = "The expansion is empty: PATH gets `/bin` instead of the Go directory, GOBIN becomes `/bin`, and the "
         "mistake only shows in the contexts that read the files in that order.",
  .fix = "Set the variable before its first use: move the assignment up, or the use down into the file that sets "
         "it.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport GOBIN=\"$GOPATH/bin\"\nexport GOPATH=\"$HOME/go\"\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport GOPATH=\"$HOME/go\"\nexport GOBIN=\"$GOPATH/bin\"\n"
           "path+=($GOBIN)\n",
  .check = check,
};
