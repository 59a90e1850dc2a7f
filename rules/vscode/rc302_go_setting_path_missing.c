/* RC302 go-setting-path-missing */
#include <string.h>

#include "rule.h"

/* The absolute path a setting names, resolved as vscode-go does, or NULL
 * (not a string, relative, or depending on something unknown). Versioned
 * Cellar paths are RC303's. */
static const char *path_of(rc_check *cx, const rc_ctx *C, const rc_json *v) {
  const char *s = rc_json_string(v);
  if (!s || !*s || strstr(s, "/Cellar/")) return NULL;
  const char *t = rc_vscode_resolve_text(cx->S, C, s, rc_vscode_flags("go.goroot"));
  return t && t[0] == '/' ? t : NULL;
}

/* "~/sdk/go" for a path in the home */
static const char *shown(rc_check *cx, const char *p) { return rc_path(cx->S, p); }

static void contexts(rc_check *cx, rc_diag *d) {
  size_t i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) rc_diag_add_context(d, C->shell, C->kind);
}

static void check_goroot(rc_check *cx, const rc_ctx *C, const rc_vs_file *f, const rc_json *v) {
  const char *p = path_of(cx, C, v);
  if (!p) return;
  rc_session *S = cx->S;
  int dir = rc_vscode_is_dir(S, p);
  rc_diag *d = NULL;
  if (dir == 0 && rc_vscode_is_exec(S, p) == 1 && rc_vscode_go_tree(S, p)) {
    d = rc_report(cx, f->file, v->span,
                  "go.goroot names the go program %s, not a folder: the Go extension ignores the setting; "
                  "the Go installation is %s",
                  shown(cx, p), shown(cx, rc_vscode_go_tree(S, p)));
  } else if (dir == 0) {
    d = rc_report(cx, f->file, v->span,
                  "go.goroot is %s, which does not exist: the Go extension ignores the setting and keeps the "
                  "GOROOT of its environment",
                  shown(cx, p));
  } else if (dir == 1 && rc_vscode_is_exec(S, rc_arena_printf(&S->arena, "%s/bin/go", p)) == 0) {
    d = rc_report(cx, f->file, v->span,
                  "go.goroot is %s, which has no bin/go: it is not a Go installation, yet the Go extension "
                  "exports it as GOROOT and the go command fails (package fmt is not in GOROOT)",
                  shown(cx, p));
  }
  contexts(cx, d);
}

static void check_alternate(rc_check *cx, const rc_ctx *C, const rc_vs_file *f) {
  const rc_json *v = rc_json_get(rc_json_get(f->root, "go.alternateTools", NULL), "go", NULL);
  const char *p = path_of(cx, C, v);
  if (!p || rc_vscode_is_exec(cx->S, p) != 0) return;
  bool dir = rc_vscode_is_dir(cx->S, p) == 1;
  contexts(cx, rc_report(cx, f->file, v->span,
                         "go.alternateTools.go is %s%s%s the Go extension ignores it and looks for go in $GOBIN, "
                         "<GOROOT>/bin, then PATH",
                         dir ? "the folder " : "", shown(cx, p),
                         dir ? ": it names the go program itself (…/bin/go);"
                             : ", which does not exist or is not executable:"));
}

static void check_tools_goroot(rc_check *cx, const rc_ctx *C, const rc_vs_file *f) {
  const rc_json *v = rc_json_get(rc_json_get(f->root, "go.toolsEnvVars", NULL), "GOROOT", NULL);
  const char *p = path_of(cx, C, v);
  if (!p || rc_vscode_is_dir(cx->S, p) != 0) return;
  contexts(cx, rc_report(cx, f->file, v->span,
                         "go.toolsEnvVars sets GOROOT to %s, which does not exist: every go command the Go "
                         "extension runs fails (go: cannot find GOROOT directory)",
                         shown(cx, p)));
}

static void check(rc_check *cx) {
  size_t i = 0;
  rc_ctx *C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i);
  if (!C) return;
  const rc_vscode *V = rc_vscode_get(cx->S);
  for (size_t k = 0; k < V->nfiles; k++) {
    const rc_vs_file *f = &V->files[k];
    check_goroot(cx, C, f, rc_json_get(f->root, "go.goroot", NULL));
    check_alternate(cx, C, f);
    check_tools_goroot(cx, C, f);
  }
}

const rc_rule rc_rule_rc302 = {
  .id = "RC302",
  .name = "go-setting-path-missing",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_HOME,
  .summary = "go.goroot or go.alternateTools.go names something that is not there",
  .what = "`go.goroot` names a folder that does not exist, the go program instead of its folder, or a folder "
          "without `bin/go`; `go.alternateTools.go` names a program that does not exist or a folder; "
          "`go.toolsEnvVars` sets GOROOT to a folder that does not exist.",
  .why = "The Go extension ignores a `go.goroot` that is not a folder (it only says \"go.goroot setting is "
         "ignored\" once) and a `go.alternateTools.go` that is not an executable file, so VS Code silently "
         "uses another Go than the one configured; a GOROOT in `go.toolsEnvVars` is passed as is and every "
         "`go` command the extension runs fails.",
  .fix = "Point the setting at what exists: the Go installation folder for `go.goroot` (the folder holding "
         "`bin/go`, as `go env GOROOT` prints it), the go program for `go.alternateTools.go` — or remove the "
         "setting and let the shell's environment decide.",
  .bad = "# --- .config/Code/User/settings.json\n"
         "{\n"
         "  \"go.goroot\": \"/usr/local/go1.19\"\n"
         "}\n",
  .good = "# --- .config/Code/User/settings.json\n"
          "{\n"
          "  \"go.goroot\": \"/usr/local/go\"\n"
          "}\n"
          "# --- /usr/local/go/bin/go\n"
          "#!/bin/sh\n",
  .check = check,
};
