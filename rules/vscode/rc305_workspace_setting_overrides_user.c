/* RC305 workspace-setting-overrides-user */
#include <string.h>

#include "rule.h"

static bool same_json(const rc_json *a, const rc_json *b) {
  if (a->kind != b->kind) return false;
  if (a->kind == RC_JSON_OBJECT || a->kind == RC_JSON_ARRAY) return false; /* not compared: reported */
  return !a->text || !b->text || !strcmp(a->text, b->text);
}

static const char *shown(rc_session *S, const rc_json *v) {
  if (v->kind == RC_JSON_STRING) return rc_arena_printf(&S->arena, "\"%s\"", v->text);
  if (v->kind == RC_JSON_OBJECT) return "an object";
  if (v->kind == RC_JSON_ARRAY) return "a list";
  return v->text;
}

static void report(rc_check *cx, const char *what, const rc_vs_value *v) {
  if (!v->hidden || same_json(v->value, v->hidden)) return;
  rc_session *S = cx->S;
  rc_diag *d = rc_report(cx, v->from->file, v->value->span,
                         "this workspace sets %s to %s, overriding your user setting %s: in this folder VS Code "
                         "uses the workspace's value",
                         what, shown(S, v->value), shown(S, v->hidden));
  rc_note(d, v->hidden_from->file, v->hidden->span, "the user setting of %s", what);
  size_t i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) rc_diag_add_context(d, C->shell, C->kind);
}

static void check_object(rc_check *cx, const rc_vscode *V, const char *key, bool go_vars_only) {
  rc_vs_value m[64];
  size_t n = rc_vscode_members(V, key, m, RC_ARRAY_LEN(m));
  for (size_t i = 0; i < n && i < RC_ARRAY_LEN(m); i++)
    if (!go_vars_only || rc_vscode_go_var(m[i].sub))
      report(cx, rc_arena_printf(&cx->S->arena, "%s.%s", key, m[i].sub), &m[i]);
}

static void check(rc_check *cx) {
  size_t i = 0;
  if (!rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i)) return;
  rc_session *S = cx->S;
  const rc_vscode *V = rc_vscode_get(S);
  static const char *const scalars[] = {"go.goroot", "go.gopath", "go.toolsGopath", "go.inferGopath"};
  for (size_t k = 0; k < RC_ARRAY_LEN(scalars); k++) {
    rc_vs_value v;
    if (rc_vscode_value(V, scalars[k], NULL, &v)) report(cx, scalars[k], &v);
  }
  check_object(cx, V, "go.alternateTools", false);
  check_object(cx, V, "go.toolsEnvVars", false);
  check_object(cx, V, rc_arena_printf(&S->arena, "terminal.integrated.env.%s", rc_vscode_os_key(S)), true);
}

const rc_rule rc_rule_rc305 = {
  .id = "RC305",
  .name = "workspace-setting-overrides-user",
  .severity = RC_SEV_INFO,
  .hook = RC_ON_HOME,
  .summary = "A workspace's .vscode/settings.json overrides a Go setting of the user's",
  .what = "The workspace (`--workspace DIR`, its `.vscode/settings.json`) sets a Go setting — `go.goroot`, "
          "`go.gopath`, `go.toolsGopath`, `go.inferGopath`, a member of `go.alternateTools` or "
          "`go.toolsEnvVars`, or a Go variable or PATH in `terminal.integrated.env.*` — that the user settings "
          "also set, to another value.",
  .why = "Workspace settings win over user settings (object settings member by member), and nothing on "
         "screen says so: the Go the user configured is silently replaced in that folder, often by a path "
         "that only exists on the machine of whoever committed `.vscode/settings.json`.",
  .fix = "Keep machine-specific Go paths out of shared workspace settings; if the project needs its own "
         "Go, say so in its README or `go.mod` (`toolchain`), or make both settings agree.",
  .bad = "# rccheck-fixture: workspace=src/app\n"
         "# --- .config/Code/User/settings.json\n"
         "{ \"go.toolsEnvVars\": { \"GOFLAGS\": \"-tags=dev\" } }\n"
         "# --- src/app/.vscode/settings.json\n"
         "{ \"go.toolsEnvVars\": { \"GOFLAGS\": \"-tags=integration\" } }\n",
  .good = "# rccheck-fixture: workspace=src/app\n"
          "# --- .config/Code/User/settings.json\n"
          "{ \"go.toolsEnvVars\": { \"GOFLAGS\": \"-tags=dev\" } }\n"
          "# --- src/app/.vscode/settings.json\n"
          "{ \"go.toolsEnvVars\": { \"GOPRIVATE\": \"example.com\" } }\n",
  .check = check,
};
