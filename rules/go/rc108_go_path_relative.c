/* RC108 go-path-relative */
#include <string.h>

#include "rule.h"

static const rc_event *origin(const rc_ctx *C, uint32_t id) {
  return id < C->events.n ? &C->events.v[id] : NULL;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *gp = rc_ctx_var(C, "GOPATH");
  if (rc_var_summary(gp) == RC_SUM_SET && rc_var_exported(gp)) {
    rc_entries ents = {0};
    rc_str_split(&cx->S->arena, gp->alts[0].val, ':', &ents);
    for (size_t i = 0; i < ents.n; i++) {
      const char *e = ents.v[i].text;
      const rc_event *ev = origin(C, ents.v[i].origin);
      /* empty entries are skipped by go; `~` has its own rule */
      if (!e[0] || e[0] == '/' || e[0] == '~' || !ev) continue;
      rc_report(cx, ev->file, ev->span,
                "GOPATH entry \"%s\" is relative: every go command stops with `go: GOPATH entry is relative; must "
                "be absolute path: \"%s\".`",
                e, e);
    }
    rc_vec_free(&ents);
  }
  const rc_var *gb = rc_ctx_var(C, "GOBIN");
  if (rc_var_summary(gb) == RC_SUM_SET && rc_var_exported(gb)) {
    const char *b = rc_var_text(cx->S, gb);
    const rc_event *ev = rc_alt_event(C, &gb->alts[0]);
    if (b[0] && b[0] != '/' && b[0] != '~' && ev)
      rc_report(cx, ev->file, ev->span,
                "GOBIN \"%s\" is relative: `go install` stops with `cannot install, GOBIN must be an absolute path`",
                b);
  }
}

const rc_rule rc_rule_rc108 = {
  .id = "RC108",
  .name = "go-path-relative",
  .severity = RC_SEV_ERROR,
  .hook = RC_ON_CONTEXT,
  .summary = "GOPATH or GOBIN is a relative path",
  .what = "An exported GOPATH entry or GOBIN that does not start with `/`, e.g. `export GOPATH=go`.",
  .why = "go refuses to run (`go: GOPATH entry is relative; must be absolute path: \"go\".`), and "
         "`go install` refuses a relative GOBIN; a relative path would mean a different folder in every directory.",
  .fix = "Write the full path: `export GOPATH=$HOME/go`.",
  .bad = "# --- .zshenv\n"
         "export GOPATH=go\n",
  .good = "# --- .zshenv\n"
         "export GOPATH=$HOME/go\nexport PATH=$PATH:$GOPATH/bin\n",
  .check = check,
};
