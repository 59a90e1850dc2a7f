/* RC117 go-env-file-goroot */
#include <string.h>

#include "rule.h"

enum { MAXS = 64 };

static void check(rc_check *cx) {
  const char *path = rc_go_env_path(cx->S, cx->ctx);
  const rc_file *f = path ? rc_user_data_file(cx, path) : NULL;
  if (!f) return;
  rc_go_setting st[MAXS];
  size_t n = rc_go_env_settings(cx->S, f, st, MAXS);
  for (size_t i = 0; i < n; i++) {
    if (strcmp(st[i].key, "GOROOT") || !st[i].value[0]) continue;
    rc_diag *d = rc_report(cx, f, st[i].span,
                           "GOROOT=%s in the go env file pins every go binary to that tree, whichever `go` is on PATH: "
                           "after an upgrade or a switch of version manager, go builds with the wrong standard library",
                           st[i].value);
    rc_fix_begin(d, false, "remove the line (go env -u GOROOT)");
    rc_fix_edit(d, f, rc_line_span(f, st[i].span.line, true), "");
  }
}

const rc_rule rc_rule_rc117 = {
  .id = "RC117",
  .name = "go-env-file-goroot",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .hook = RC_ON_CONTEXT,
  .summary = "GOROOT is set in the go env file",
  .what = "A `GOROOT=` line in the go env file written by `go env -w GOROOT=…`.",
  .why = "go honours it for every go binary that has no GOROOT in its environment, so a second toolchain, a "
         "version manager or an upgrade ends up compiling against the pinned tree (golang/go#34214: `compile: "
         "version \"go1.12.5\" does not match go tool version`). Hard to find: no startup file mentions it.",
  .fix = "`go env -u GOROOT`: go finds its own tree.",
  .bad = "# --- .config/go/env\nGOROOT=/usr/local/go\n# --- .zshrc\nexport GOFLAGS=-trimpath\n",
  .good = "# --- .config/go/env\nGOPROXY=https://proxy.golang.org,direct\n# --- .zshrc\nexport GOFLAGS=-trimpath\n",
  .check = check,
};
