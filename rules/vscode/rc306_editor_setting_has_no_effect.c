/* RC306 editor-setting-has-no-effect */
#include <ctype.h>
#include <string.h>

#include "rule.h"

static const char *const go_keys[] = {"go.goroot", "go.gopath", "go.toolsGopath", "go.alternateTools",
                                      "go.toolsEnvVars", "go.inferGopath"};

static void contexts(rc_check *cx, rc_diag *d) {
  size_t i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) rc_diag_add_context(d, C->shell, C->kind);
}

/* 1. keys VS Code does not know: another case, or an OS it has no key for */
static void check_key(rc_check *cx, const rc_vs_file *f, const rc_json_member *m) {
  const char *k = m->key;
  for (size_t i = 0; i < RC_ARRAY_LEN(go_keys); i++)
    if (!strcasecmp(k, go_keys[i]) && strcmp(k, go_keys[i])) {
      contexts(cx, rc_report(cx, f->file, m->key_span,
                             "VS Code has no setting \"%s\" (names are case-sensitive): this value is never "
                             "read; the setting is \"%s\"",
                             k, go_keys[i]));
      return;
    }
  const char *p = "terminal.integrated.env.";
  if (!strncasecmp(k, p, strlen(p))) {
    const char *os = k + strlen(p);
    if (!strcmp(os, "osx") || !strcmp(os, "linux") || !strcmp(os, "windows")) return;
    contexts(cx, rc_report(cx, f->file, m->key_span,
                           "VS Code has no setting \"%s\": it reads terminal.integrated.env.osx, .linux and "
                           ".windows only, so this value is never used",
                           k));
  }
}

/* 3. `$NAME` and (where not expanded) `~`: kept as literal text */
static void check_text(rc_check *cx, const rc_vs_file *f, const char *what, const rc_json *v, bool tilde_ok) {
  const char *s = rc_json_string(v);
  if (!s) return;
  rc_session *S = cx->S;
  for (const char *p = strchr(s, '$'); p; p = strchr(p + 1, '$')) {
    const char *n = p + 1;
    bool brace = *n == '{';
    if (brace) n++;
    size_t len = 0;
    while (isalnum((unsigned char)n[len]) || n[len] == '_') len++;
    if (!len || isdigit((unsigned char)*n) || (brace && n[len] != '}')) continue;
    const char *name = rc_arena_strndup(&S->arena, n, len);
    if (brace && (!strcmp(name, "userHome") || rc_str_starts(name, "workspace"))) continue;
    size_t wlen = (size_t)(n + len + (brace ? 1 : 0) - p);
    rc_diag *d = rc_report(cx, f->file, v->span,
                           "VS Code does not expand `%.*s` in %s: the value keeps that text literally; write "
                           "${env:%s}",
                           (int)wlen, p, what, name);
    if (d && !v->escaped) {
      rc_fix_begin(d, false, rc_arena_printf(&S->arena, "write ${env:%s}", name));
      rc_span e = v->span;
      uint32_t off = (uint32_t)(p - s) + 1;
      e.start += off, e.col += off;
      e.end = e.start + (uint32_t)wlen, e.end_col = e.col + (uint32_t)wlen, e.end_line = e.line;
      rc_fix_edit(d, f->file, e, rc_arena_printf(&S->arena, "${env:%s}", name));
    }
    contexts(cx, d);
    return;
  }
  if (!tilde_ok && s[0] == '~' && (s[1] == '/' || !s[1])) {
    rc_diag *d = rc_report(cx, f->file, v->span,
                           "VS Code does not expand `~` in %s: the value keeps it literally (go rejects a "
                           "path starting with ~); write ${userHome}",
                           what);
    if (d && !v->escaped) {
      rc_fix_begin(d, false, "write ${userHome}");
      rc_span e = v->span;
      e.start += 1, e.col += 1, e.end = e.start + 1, e.end_col = e.col + 1, e.end_line = e.line;
      rc_fix_edit(d, f->file, e, "${userHome}");
    }
    contexts(cx, d);
  }
}

static void check_members(rc_check *cx, const rc_vs_file *f, const char *key, bool tilde_ok) {
  const rc_json *obj = rc_json_get(f->root, key, NULL);
  for (uint32_t i = 0; obj && obj->kind == RC_JSON_OBJECT && i < obj->n; i++)
    check_text(cx, f, rc_arena_printf(&cx->S->arena, "%s.%s", key, obj->members[i].key), obj->members[i].value,
               tilde_ok);
}

/* 2. go.toolsEnvVars.GOPATH: the Go extension sets GOPATH afterwards */
static void check_tools_gopath(rc_check *cx, rc_ctx *C) {
  const rc_vscode *V = rc_vscode_get(cx->S);
  rc_vs_value t, g;
  if (!rc_vscode_value(V, "go.toolsEnvVars", "GOPATH", &t) || t.value->kind != RC_JSON_STRING) return;
  rc_diag *d = NULL;
  if (rc_vscode_value(V, "go.gopath", NULL, &g) && rc_json_string(g.value) && *g.value->text) {
    d = rc_report(cx, t.from->file, t.value->span,
                  "go.toolsEnvVars.GOPATH never reaches the tools: the Go extension sets GOPATH from go.gopath "
                  "after applying go.toolsEnvVars");
    rc_note(d, g.from->file, g.value->span, "go.gopath is set here");
  } else {
    const rc_var *sv = rc_vscode_shell_var(C, "GOPATH");
    if (!rc_var_exported(sv)) return;
    d = rc_report(cx, t.from->file, t.value->span,
                  "go.toolsEnvVars.GOPATH never reaches the tools: the Go extension sets GOPATH from its "
                  "environment's GOPATH, which the shell exports, after applying go.toolsEnvVars");
    const rc_event *e = rc_alt_event(C, &sv->alts[0]);
    if (e && e->file) rc_note(d, e->file, e->span, "the shell exports GOPATH here");
  }
  rc_diag_add_context(d, C->shell, C->kind);
}

static void check(rc_check *cx) {
  size_t i = 0;
  rc_ctx *first = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i);
  if (!first) return;
  const rc_vscode *V = rc_vscode_get(cx->S);
  for (size_t k = 0; k < V->nfiles; k++) {
    const rc_vs_file *f = &V->files[k];
    for (uint32_t j = 0; f->root && j < f->root->n; j++) check_key(cx, f, &f->root->members[j]);
    for (size_t j = 0; j < 3; j++) check_text(cx, f, go_keys[j], rc_json_get(f->root, go_keys[j], NULL), true);
    check_members(cx, f, "go.alternateTools", true);
    check_members(cx, f, "go.toolsEnvVars", true);
    check_members(cx, f, "terminal.integrated.env.osx", false);
    check_members(cx, f, "terminal.integrated.env.linux", false);
  }
  i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) check_tools_gopath(cx, C);
}

const rc_rule rc_rule_rc306 = {
  .id = "RC306",
  .name = "editor-setting-has-no-effect",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .hook = RC_ON_HOME,
  .summary = "A Go-related editor setting is never applied as written",
  .what = "A VS Code setting that never does what it says: a Go setting spelled in another case "
          "(`go.GOROOT`) or `terminal.integrated.env` for an OS VS Code has no key for (`.macos`); a value "
          "using shell syntax (`$HOME`, `${GOPATH}`) or, in `terminal.integrated.env`, a leading `~`, which "
          "VS Code passes on literally; `go.toolsEnvVars.GOPATH` while `go.gopath` is set or the shell "
          "exports GOPATH (the Go extension sets GOPATH from those after applying `go.toolsEnvVars`).",
  .why = "VS Code ignores unknown setting names and never runs a shell on setting values: the setting looks "
         "right in settings.json and changes nothing, or puts a literal `$HOME/go` in GOPATH (go: GOPATH entry "
         "is relative) or `~/go` (go: GOPATH entry cannot start with shell metacharacter '~').",
  .fix = "Use the exact setting name; write `${env:HOME}` instead of `$HOME` and `${userHome}` instead of `~` "
         "in `terminal.integrated.env`; set the tools' GOPATH with `go.gopath` (or in the shell) rather than "
         "in `go.toolsEnvVars`. The rewrites are offered, not applied by --fix.",
  .bad = "# --- .config/Code/User/settings.json\n"
         "{ \"go.toolsGopath\": \"$HOME/.cache/go-tools\" }\n",
  .good = "# --- .config/Code/User/settings.json\n"
          "{ \"go.toolsGopath\": \"${env:HOME}/.cache/go-tools\" }\n",
  .check = check,
};
