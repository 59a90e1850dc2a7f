/* RC108 go-path-relative */
#include <string.h>

#include "rule.h"

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  rc_entries ents = {0};
  rc_exported_entries(cx->S, C, "GOPATH", &ents);
  for (size_t i = 0; i < ents.n; i++) {
    const char *e = ents.v[i].text;
    const rc_event *ev = rc_ctx_event(C, ents.v[i].origin);
    /* empty entries are skipped by go; `~` has its own rule */
    if (!e[0] || e[0] == '/' || e[0] == '~' || !ev) continue;
    rc_report(cx, ev->file, ev->span,
              "GOPATH entry \"%s\" is relative: every go command stops with `go: GOPATH entry is relative; must "
              "be absolute path: \"%s\".`",
              e, e);
  }
  rc_vec_free(&ents);
  const rc_event *ev;
  const char *b = rc_exported_text(cx->S, C, "GOBIN", &ev);
  if (b && b[0] && b[0] != '/' && b[0] != '~' && ev)
    rc_report(cx, ev->file, ev->span,
              "GOBIN \"%s\" is relative: `go install` stops with `cannot install, GOBIN must be an absolute path`", b);
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
