/* RC111 go111module-off-or-invalid */
#include <string.h>

#include "rule.h"

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *v = rc_ctx_var(C, "GO111MODULE");
  if (!v || !rc_var_exported(v)) return;
  for (uint32_t i = 0; i < v->nalts; i++) {
    const rc_alt *a = &v->alts[i];
    const rc_event *ev = rc_alt_event(C, a);
    if (a->state != RC_VS_SET || !ev) continue;
    const char *t = rc_str_text(&cx->S->arena, a->val, ' ');
    if (!strcmp(t, "off"))
      rc_report(cx, ev->file, ev->span,
                "GO111MODULE=off turns modules off for every go command: builds fall back to GOPATH mode, "
                "`go get`/`go install pkg@version` fail, and gopls cannot load module workspaces");
    else if (strcmp(t, "on") && strcmp(t, "auto") && t[0])
      rc_report(cx, ev->file, ev->span,
                "GO111MODULE=%s is not a valid value (on, off, auto): every go command stops with `go: unknown "
                "environment setting GO111MODULE=%s`",
                t, t);
  }
}

const rc_rule rc_rule_rc111 = {
  .id = "RC111",
  .name = "go111module-off-or-invalid",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "GO111MODULE is off, or not one of on/off/auto",
  .what = "An exported GO111MODULE of `off`, or of a value go does not accept (`ON`, `true`, `1`).",
  .why = "Modules are the default since Go 1.16; `off` forces the old GOPATH mode on every project and tool, "
         "and an invalid value stops every go command (`go: unknown environment setting GO111MODULE=ON`).",
  .fix = "Remove the line (the default is `on`); set it per command for the rare old GOPATH project.",
  .bad = "# --- .zshenv\n"
         "export GO111MODULE=off\n",
  .good = "# --- .zshenv\n"
         "export GOFLAGS=-trimpath\n",
  .check = check,
};
