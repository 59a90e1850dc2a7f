/* RC109 go-path-literal-tilde */
#include <string.h>

#include "rule.h"

/* `"~/` in the statement: the quoted tilde to replace by $HOME. */
static void tilde_fix(rc_check *cx, rc_diag *d, const rc_event *ev) {
  const char *t = rc_span_text(cx->S, ev->file, ev->span);
  const char *p = strstr(t, "\"~/");
  if (!p || strchr(t, '\'')) return;
  rc_fix_begin(d, true, "write $HOME instead of ~ inside the quotes");
  for (; p; p = strstr(p + 1, "\"~/")) {
    rc_span s = ev->span;
    s.start += (uint32_t)(p + 1 - t);
    s.end = s.start + 1;
    s.col += (uint32_t)(p + 1 - t);
    s.end_line = s.line;
    s.end_col = s.col + 1;
    rc_fix_edit(d, ev->file, s, "$HOME");
  }
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  rc_entries ents = {0};
  rc_exported_entries(cx->S, C, "GOPATH", &ents);
  for (size_t i = 0; i < ents.n; i++) {
    const char *e = ents.v[i].text;
    const rc_event *ev = rc_ctx_event(C, ents.v[i].origin);
    if (e[0] != '~' || !ev) continue;
    rc_diag *d = rc_report(cx, ev->file, ev->span,
                           "GOPATH holds a literal `%s` (a quoted ~ is never expanded): every go command stops "
                           "with `go: GOPATH entry cannot start with shell metacharacter '~': \"%s\"`",
                           e, e);
    tilde_fix(cx, d, ev);
  }
  rc_vec_free(&ents);
  static const char *const others[] = {"GOBIN", "GOROOT"};
  for (size_t k = 0; k < RC_ARRAY_LEN(others); k++) {
    const rc_event *ev;
    const char *t = rc_exported_text(cx->S, C, others[k], &ev);
    if (!t || t[0] != '~' || !ev) continue;
    rc_diag *d = rc_report(cx, ev->file, ev->span, "%s holds a literal `%s` (a quoted ~ is never expanded): %s",
                           others[k], t,
                           k == 0 ? "`go install` stops with `cannot install, GOBIN must be an absolute path`"
                                  : rc_arena_printf(&cx->S->arena, "go stops with `go: cannot find GOROOT directory: %s`", t));
    tilde_fix(cx, d, ev);
  }
}

const rc_rule rc_rule_rc109 = {
  .id = "RC109",
  .name = "go-path-literal-tilde",
  .severity = RC_SEV_ERROR,
  .fixable = true,
  .hook = RC_ON_CONTEXT,
  .summary = "GOPATH, GOBIN or GOROOT starts with a literal ~",
  .what = "An exported GOPATH entry, GOBIN or GOROOT whose value starts with `~`: the tilde was quoted "
          "(`export GOPATH=\"~/go\"`), so the shell never expanded it.",
  .why = "go does not expand `~` either: `go: GOPATH entry cannot start with shell metacharacter '~': \"~/go\"`, "
         "and `$GOPATH/bin` on PATH names a folder that does not exist.",
  .fix = "Use `$HOME` inside the quotes (`export GOPATH=\"$HOME/go\"`), or leave the tilde unquoted.",
  .bad = "# --- .zshenv\n"
         "export GOPATH=\"~/go\"\n",
  .good = "# --- .zshenv\n"
         "export GOPATH=\"$HOME/go\"\nexport PATH=$PATH:$GOPATH/bin\n",
  .check = check,
};
