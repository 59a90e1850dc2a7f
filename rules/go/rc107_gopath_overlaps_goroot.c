/* RC107 gopath-overlaps-goroot */
#include <string.h>

#include "rule.h"

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *gp = rc_ctx_var(C, "GOPATH"), *gr = rc_ctx_var(C, "GOROOT");
  if (rc_var_summary(gp) != RC_SUM_SET || rc_var_summary(gr) != RC_SUM_SET || !rc_var_exported(gp)) return;
  const char *root = rc_go_clean(cx->S, rc_var_text(cx->S, gr));
  if (root[0] != '/') return;
  const rc_event *rev = rc_alt_event(C, &gr->alts[0]);
  rc_entries ents = {0};
  rc_str_split(&cx->S->arena, gp->alts[0].val, ':', &ents);
  for (size_t i = 0; i < ents.n; i++) {
    const char *e = rc_go_clean(cx->S, ents.v[i].text);
    if (e[0] != '/' || !rc_go_under(cx->S, e, root)) continue;
    const rc_event *gev = ents.v[i].origin < C->events.n ? &C->events.v[ents.v[i].origin] : NULL;
    /* report at the user's line among the two, the later one when both are */
    const rc_event *at = gev && rc_user_file(cx, gev->file) ? gev : rev;
    const rc_event *other = at == gev ? rev : gev;
    if (gev && rev && rc_user_file(cx, rev->file) && rev->id > gev->id && rc_user_file(cx, gev->file))
      at = rev, other = gev;
    if (!at) continue;
    rc_diag *d;
    if (!strcmp(e, root))
      d = rc_report(cx, at->file, at->span,
                    "GOPATH and GOROOT are the same folder (%s): go warns `warning: GOPATH set to GOROOT (%s) "
                    "has no effect` and downloads and installs into the Go tree",
                    rc_path(cx->S, e), e);
    else
      d = rc_report(cx, at->file, at->span,
                    "GOPATH entry %s lies inside GOROOT %s: modules, build output and installed tools land in the "
                    "Go tree, and the next Go install wipes them",
                    rc_path(cx->S, e), rc_path(cx->S, root));
    if (other && other->file)
      rc_note(d, other->file, other->span, "%s set here", other == rev ? "GOROOT" : "GOPATH");
  }
  rc_vec_free(&ents);
}

const rc_rule rc_rule_rc107 = {
  .id = "RC107",
  .name = "gopath-overlaps-goroot",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "GOPATH is GOROOT, or lies inside it",
  .what = "An exported GOPATH entry equal to GOROOT or inside the Go tree.",
  .why = "GOPATH is the workspace (module cache, `go install` output); GOROOT is the toolchain. go ignores a "
         "GOPATH equal to GOROOT (`warning: GOPATH set to GOROOT (…) has no effect`), and a workspace inside "
         "the tree is deleted with it at the next Go upgrade.",
  .fix = "Use a separate folder, usually the default `$HOME/go` (then GOPATH need not be set at all).",
  .bad = "# --- .zshenv\n"
         "export GOROOT=$HOME/sdk/go1.22.5\nexport GOPATH=$HOME/sdk/go1.22.5/work\nexport PATH=$PATH:$GOPATH/bin\n",
  .good = "# --- .zshenv\n"
         "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n",
  .check = check,
};
