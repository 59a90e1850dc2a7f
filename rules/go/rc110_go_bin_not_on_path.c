/* RC110 go-bin-not-on-path */
#include <string.h>

#include "rule.h"

static bool hand(rc_check *cx, const rc_event *ev) {
  return ev && !ev->manager && rc_user_file(cx, ev->file);
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  /* where people run what they installed: terminals */
  if (C->kind != RC_CTX_INTERACTIVE && C->kind != RC_CTX_LOGIN_INTERACTIVE) return;
  const rc_var *gb = rc_ctx_var(C, "GOBIN"), *gp = rc_ctx_var(C, "GOPATH");
  const char *dir = NULL;
  const rc_event *why = NULL;
  rc_summary sb = rc_var_summary(gb), sp = rc_var_summary(gp);
  if (sb == RC_SUM_SET && rc_var_exported(gb) && rc_var_text(cx->S, gb)[0]) {
    dir = rc_var_text(cx->S, gb);
    why = rc_alt_event(C, &gb->alts[0]);
  } else if (sb == RC_SUM_UNSET && sp == RC_SUM_SET && rc_var_exported(gp)) {
    rc_entries ents = {0};
    rc_str_split(&cx->S->arena, gp->alts[0].val, ':', &ents);
    for (size_t i = 0; i < ents.n && !dir; i++)
      if (ents.v[i].text[0]) {
        dir = rc_arena_printf(&cx->S->arena, "%s/bin", ents.v[i].text);
        why = ents.v[i].origin < C->events.n ? &C->events.v[ents.v[i].origin] : NULL;
      }
    rc_vec_free(&ents);
  }
  if (!dir || dir[0] != '/' || !hand(cx, why)) return;
  const rc_var *p = rc_ctx_var(C, "PATH");
  if (rc_var_summary(p) != RC_SUM_SET) return; /* unknown entries might be it */
  if (rc_go_path_pos(cx->S, C, dir) >= 0) return;
  rc_report(cx, why->file, why->span,
            "`go install` puts programs in %s, which is not on PATH in terminals: the tools it installs (gopls, "
            "dlv, staticcheck…) are not found",
            rc_path(cx->S, rc_go_clean(cx->S, dir)));
}

const rc_rule rc_rule_rc110 = {
  .id = "RC110",
  .name = "go-bin-not-on-path",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "GOPATH or GOBIN is set but the folder `go install` writes to is not on PATH",
  .what = "A GOBIN, or a GOPATH without GOBIN, set in the startup files while that folder (GOBIN, else the "
          "first GOPATH entry's `bin`) is missing from PATH in an interactive shell.",
  .why = "`go install golang.org/x/tools/gopls@latest` succeeds and then `gopls` is \"command not found\": the "
         "program sits in a folder the shell never searches.",
  .fix = "Add it next to the GOPATH line: `export PATH=\"$PATH:$GOPATH/bin\"` (or `$GOBIN`).",
  .bad = "# --- .zshenv\n"
         "export GOPATH=$HOME/work\n",
  .good = "# --- .zshenv\n"
         "export GOPATH=$HOME/work\nexport PATH=\"$PATH:$GOPATH/bin\"\n",
  .check = check,
};
