/* RC301 goroot-setting-differs-from-shell */
#include <string.h>

#include "rule.h"

/* "/usr/local/go (go1.22.1)" */
static const char *tree_text(rc_session *S, const char *tree) {
  const char *v = rc_vscode_go_version(S, tree);
  return v ? rc_arena_printf(&S->arena, "%s (%s)", rc_path(S, tree), v) : rc_path(S, tree);
}

/* The event of an entry or value, if it is in a file. */
static const rc_event *event_in_file(const rc_ctx *C, uint32_t ev) {
  if (ev == RC_NO_EVENT || ev >= C->events.n || !C->events.v[ev].file) return NULL;
  return &C->events.v[ev];
}

static void check_ctx(rc_check *cx, rc_ctx *C, const rc_vs_value *g, const char *goroot) {
  rc_session *S = cx->S;
  const rc_vscode *V = rc_vscode_get(S);
  rc_diag *d = NULL;
  /* 1. go.alternateTools.go runs a go of another installation, with GOROOT=go.goroot */
  rc_vs_value alt;
  const char *ap = rc_vscode_value(V, "go.alternateTools", "go", &alt) && rc_json_string(alt.value)
                       ? rc_vscode_resolve_text(S, C, alt.value->text, rc_vscode_flags("go.alternateTools"))
                       : NULL;
  const char *atree = ap && ap[0] == '/' && rc_vscode_is_exec(S, ap) == 1 ? rc_vscode_go_tree(S, ap) : NULL;
  if (atree && !rc_vscode_same_dir(S, atree, goroot)) {
    d = rc_report(cx, g->from->file, g->value->span,
                  "go.goroot is %s, but go.alternateTools.go runs the go of %s: that go gets another "
                  "installation's GOROOT and fails (compile: version does not match go tool version)",
                  tree_text(S, goroot), tree_text(S, atree));
    rc_note(d, alt.from->file, alt.value->span, "go.alternateTools.go is set here");
  } else if (!atree) {
    /* 2. the shell exports another GOROOT */
    const rc_var *sv = rc_vscode_shell_var(C, "GOROOT");
    const char *shell = rc_var_text(S, sv);
    if (shell && *shell && rc_var_exported(sv)) {
      if (rc_vscode_same_dir(S, shell, goroot)) return;
      d = rc_report(cx, g->from->file, g->value->span,
                    "go.goroot is %s, but the shell exports GOROOT=%s: the Go extension runs one Go while "
                    "programs started from the shell use the other",
                    tree_text(S, goroot), tree_text(S, shell));
      const rc_event *e = event_in_file(C, sv->alts[0].event);
      if (e) rc_note(d, e->file, e->span, "GOROOT is set here");
    } else if (!sv) {
      /* 3. no GOROOT: go derives it from the go first on PATH */
      const rc_var *pv = rc_vscode_shell_var(C, "PATH");
      uint32_t origin = RC_NO_EVENT;
      const char *go = rc_var_summary(pv) == RC_SUM_SET ? rc_vscode_which(S, pv->alts[0].val, "go", &origin) : NULL;
      const char *tree = go ? rc_vscode_go_tree(S, go) : NULL;
      if (!tree || rc_vscode_same_dir(S, tree, goroot)) return;
      d = rc_report(cx, g->from->file, g->value->span,
                    "go.goroot is %s, but the go first on the shell's PATH is %s, of %s: the Go extension runs "
                    "one Go while programs started from the shell use the other",
                    tree_text(S, goroot), rc_path(S, go), tree_text(S, tree));
      const rc_event *e = event_in_file(C, origin);
      if (e) rc_note(d, e->file, e->span, "that PATH entry is added here");
    }
  }
  rc_diag_add_context(d, C->shell, C->kind);
}

static void check(rc_check *cx) {
  const rc_vscode *V = rc_vscode_get(cx->S);
  rc_vs_value g;
  if (!rc_vscode_value(V, "go.goroot", NULL, &g) || !rc_json_string(g.value)) return;
  size_t i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) {
    const char *goroot = rc_vscode_resolve_text(cx->S, C, g.value->text, rc_vscode_flags("go.goroot"));
    /* only a go.goroot the Go extension applies: missing folders are RC302's */
    if (goroot && goroot[0] == '/' && rc_vscode_is_dir(cx->S, goroot) == 1) check_ctx(cx, C, &g, goroot);
  }
}

const rc_rule rc_rule_rc301 = {
  .id = "RC301",
  .name = "goroot-setting-differs-from-shell",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_HOME,
  .summary = "go.goroot names another Go installation than the shell's",
  .what = "The `go.goroot` VS Code uses (the workspace's over the user's) is an existing folder, but the "
          "environment the shell gives VS Code says otherwise: it exports another GOROOT, or exports none and "
          "the `go` first on its PATH belongs to another installation; or `go.alternateTools.go` runs the go "
          "of another installation than `go.goroot`.",
  .why = "The Go extension exports `go.goroot` as GOROOT and runs `<go.goroot>/bin/go` (or "
         "`go.alternateTools.go`), while builds, tests and tools started from a terminal use the shell's Go: "
         "two versions, two module caches' worth of confusion, and `go.alternateTools.go` with a foreign "
         "GOROOT fails outright (golang/vscode-go#776, golang/go#34214).",
  .fix = "Decide in one place: remove `go.goroot` and let the shell's environment choose, or make the shell "
         "(and `go.alternateTools.go`) use the same installation.",
  .bad = "# --- .zshrc\n"
         "export GOROOT=/usr/local/go\n"
         "# --- .config/Code/User/settings.json\n"
         "{ \"go.goroot\": \"/opt/go1.20\" }\n"
         "# --- /usr/local/go/bin/go\n"
         "#!/bin/sh\n"
         "# --- /opt/go1.20/bin/go\n"
         "#!/bin/sh\n",
  .good = "# --- .zshrc\n"
          "export GOROOT=/usr/local/go\n"
          "# --- .config/Code/User/settings.json\n"
          "{ \"go.goroot\": \"/usr/local/go\" }\n"
          "# --- /usr/local/go/bin/go\n"
          "#!/bin/sh\n",
  .check = check,
};
