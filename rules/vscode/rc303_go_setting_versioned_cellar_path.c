/* RC303 go-setting-versioned-cellar-path */
#include <string.h>

#include "rule.h"

/* "…/Cellar/<formula>/<version>…": where "Cellar/<formula>/<version>" starts
 * and ends, and where the formula name ends. */
static bool cellar(const char *s, size_t *off, size_t *end, size_t *fend) {
  for (const char *p = strstr(s, "Cellar/"); p; p = strstr(p + 1, "Cellar/")) {
    if (p != s && p[-1] != '/') continue;
    const char *f = p + 7, *slash = f;
    while (*slash && *slash != '/' && *slash != ':') slash++;
    if (*slash != '/' || slash == f || slash[1] < '0' || slash[1] > '9') continue;
    const char *e = slash + 1;
    while (*e && *e != '/' && *e != ':') e++;
    *off = (size_t)(p - s);
    *end = (size_t)(e - s);
    *fend = (size_t)(slash - s);
    return true;
  }
  return false;
}

static void check_value(rc_check *cx, const rc_vs_file *f, const char *what, const rc_json *v) {
  const char *s = rc_json_string(v);
  size_t off, end, fend;
  if (!s || !cellar(s, &off, &end, &fend)) return;
  const char *formula = rc_arena_strndup(&cx->S->arena, s + off + 7, fend - off - 7);
  const char *version = rc_arena_strndup(&cx->S->arena, s + fend + 1, end - fend - 1);
  const char *stable = rc_arena_printf(&cx->S->arena, "%.*sopt/%s%s", (int)off, s, formula, s + end);
  rc_diag *d = rc_report(cx, f->file, v->span,
                         "%s points into Homebrew's versioned Cellar (%s %s): `brew upgrade` deletes that folder "
                         "and the setting stops working; %s follows upgrades",
                         what, formula, version, stable);
  if (d && !v->escaped) { /* the edit is in the written text: only without escapes */
    rc_fix_begin(d, false, rc_arena_printf(&cx->S->arena, "use %s", stable));
    rc_span e = v->span;
    e.start = v->span.start + 1 + (uint32_t)off;
    e.end = v->span.start + 1 + (uint32_t)end;
    e.col = v->span.col + 1 + (uint32_t)off;
    e.end_col = v->span.col + 1 + (uint32_t)end;
    e.end_line = e.line;
    rc_fix_edit(d, f->file, e, rc_arena_printf(&cx->S->arena, "opt/%s", formula));
  }
  size_t i = 0;
  for (rc_ctx *C; (C = rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i));) rc_diag_add_context(d, C->shell, C->kind);
}

static void check_members(rc_check *cx, const rc_vs_file *f, const char *key) {
  const rc_json *obj = rc_json_get(f->root, key, NULL);
  for (uint32_t i = 0; obj && obj->kind == RC_JSON_OBJECT && i < obj->n; i++)
    check_value(cx, f, rc_arena_printf(&cx->S->arena, "%s.%s", key, obj->members[i].key), obj->members[i].value);
}

static void check(rc_check *cx) {
  size_t i = 0;
  if (!rc_vscode_next_ctx(cx->ctxs, cx->nctxs, &i)) return;
  const rc_vscode *V = rc_vscode_get(cx->S);
  for (size_t k = 0; k < V->nfiles; k++) {
    const rc_vs_file *f = &V->files[k];
    check_value(cx, f, "go.goroot", rc_json_get(f->root, "go.goroot", NULL));
    check_members(cx, f, "go.alternateTools");
    check_members(cx, f, "go.toolsEnvVars");
    check_members(cx, f, "terminal.integrated.env.osx");
    check_members(cx, f, "terminal.integrated.env.linux");
  }
}

const rc_rule rc_rule_rc303 = {
  .id = "RC303",
  .name = "go-setting-versioned-cellar-path",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .hook = RC_ON_HOME,
  .summary = "An editor setting names a versioned Homebrew Cellar folder",
  .what = "A VS Code setting (`go.goroot`, `go.alternateTools`, `go.toolsEnvVars`, "
          "`terminal.integrated.env.*`) holds a path inside Homebrew's Cellar with a version in it, such as "
          "`/opt/homebrew/Cellar/go/1.21.5/libexec` — usually pasted from `go env GOROOT`.",
  .why = "`brew upgrade go` installs the new version next to the old one and deletes the old folder: the "
         "setting then names a folder that no longer exists, and the Go extension ignores it or its tools fail "
         "(golang/vscode-go#2012).",
  .fix = "Use Homebrew's stable link, which follows upgrades: `$(brew --prefix)/opt/go/libexec` for a GOROOT, "
         "`$(brew --prefix)/opt/go/bin/go` for the go program. The fix is offered, not applied by --fix: the "
         "stable link names the version Homebrew links now, which may be another one.",
  .bad = "# --- .config/Code/User/settings.json\n"
         "{\n"
         "  \"go.goroot\": \"/home/linuxbrew/.linuxbrew/Cellar/go/1.21.5/libexec\"\n"
         "}\n",
  .good = "# --- .config/Code/User/settings.json\n"
          "{\n"
          "  \"go.goroot\": \"/home/linuxbrew/.linuxbrew/opt/go/libexec\"\n"
          "}\n"
          "# --- /home/linuxbrew/.linuxbrew/opt/go/libexec/bin/go\n"
          "#!/bin/sh\n",
  .check = check,
};
