/* RC116 go-env-file-overridden */
#include <string.h>

#include "rule.h"

enum { MAXS = 64 };

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const char *path = rc_go_env_path(cx->S, C);
  const rc_file *f = path ? rc_user_data_file(cx, path) : NULL;
  if (!f) return;
  rc_go_setting st[MAXS];
  size_t n = rc_go_env_settings(cx->S, f, st, MAXS);
  for (size_t i = 0; i < n; i++) {
    const rc_var *v = rc_ctx_var(C, st[i].key);
    /* go: a non-empty value in the environment beats the file */
    if (rc_var_summary(v) != RC_SUM_SET || !rc_var_exported(v)) continue;
    const char *sv = rc_var_text(cx->S, v);
    const rc_event *ev = rc_alt_event(C, &v->alts[0]);
    if (!sv[0] || !strcmp(sv, st[i].value) || !ev || !ev->file) continue;
    rc_diag *d = rc_report(cx, f, st[i].span,
                           "%s=%s in the go env file is ignored where the startup files export %s=%s: the "
                           "environment beats the file, and `go env -w` only warns about it",
                           st[i].key, st[i].value, st[i].key, sv);
    rc_note(d, ev->file, ev->span, "%s exported here", st[i].key);
  }
}

const rc_rule rc_rule_rc116 = {
  .id = "RC116",
  .name = "go-env-file-overridden",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "A setting in the go env file is overridden by the shell",
  .what = "A `KEY=value` line of the go env file (`go env -w`; `$GOENV`, else `~/.config/go/env` on Linux, "
          "`~/Library/Application Support/go/env` on macOS) for a variable the startup files export with "
          "another value.",
  .why = "go takes a non-empty environment variable over the file, so the `go env -w` setting silently does "
         "nothing in those shells, while programs started without them (the Dock, launchd) do use it.",
  .fix = "Keep the setting in one place: remove the export, or the line with `go env -u KEY`.",
  .bad = "# --- .config/go/env\nGOPROXY=https://proxy.example.com\n# --- .zshrc\n"
         "export GOPROXY=https://proxy.golang.org,direct\n",
  .good = "# --- .config/go/env\nGOPROXY=https://proxy.example.com\n# --- .zshrc\nexport GOFLAGS=-trimpath\n",
  .check = check,
};
