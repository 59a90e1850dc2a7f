/* RC104 goroot-points-at-binary */
#include <string.h>

#include "rule.h"

/* The byte range of `suffix` at the end of the value as written in the
 * statement (followed by a quote, a blank, `;` or the end). */
static bool find_suffix(const char *text, const char *suffix, size_t *at) {
  size_t k = strlen(suffix);
  for (const char *p = strstr(text, suffix); p; p = strstr(p + 1, suffix)) {
    char c = p[k];
    if (!c || c == '"' || c == '\'' || c == ' ' || c == ';' || c == '\t' || c == '\n') {
      *at = (size_t)(p - text);
      return true;
    }
  }
  return false;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *g = rc_ctx_var(C, "GOROOT");
  if (!g) return;
  for (uint32_t i = 0; i < g->nalts; i++) {
    const rc_alt *a = &g->alts[i];
    const rc_event *ev = rc_alt_event(C, a);
    if (a->state != RC_VS_SET || !ev || ev->manager) continue;
    const char *v = rc_str_text(&cx->S->arena, a->val, ':');
    const char *x = rc_go_clean(cx->S, v);
    bool binary = rc_str_ends(x, "/bin/go");
    if (!binary && !rc_str_ends(x, "/bin")) continue;
    const char *tree = rc_arena_strndup(&cx->S->arena, x, strlen(x) - (binary ? 7 : 4));
    rc_diag *d;
    if (binary)
      d = rc_report(cx, ev->file, ev->span,
                    "GOROOT names the go binary, not a Go tree: go stops with `go: cannot find GOROOT directory: %s`",
                    v);
    else
      d = rc_report(cx, ev->file, ev->span,
                    "GOROOT names the bin folder of a Go tree, not the tree: go finds no standard library there "
                    "(`package fmt is not in GOROOT`)");
    rc_note(d, ev->file, ev->span, "the tree is the folder above: %s", tree[0] ? tree : "/");
    const char *text = rc_span_text(cx->S, ev->file, ev->span);
    size_t at;
    const char *suffix = binary ? "/bin/go" : "/bin";
    if (tree[0] && find_suffix(text, suffix, &at)) {
      rc_fix_begin(d, false, "point GOROOT at the tree (or remove the line: go finds its own tree)");
      rc_span s = ev->span;
      s.start += (uint32_t)at;
      s.end = s.start + (uint32_t)strlen(suffix);
      s.col += (uint32_t)at;
      s.end_line = s.line;
      s.end_col = s.col + (uint32_t)strlen(suffix);
      rc_fix_edit(d, ev->file, s, "");
    }
  }
}

const rc_rule rc_rule_rc104 = {
  .id = "RC104",
  .name = "goroot-points-at-binary",
  .severity = RC_SEV_ERROR,
  .fixable = true,
  .hook = RC_ON_CONTEXT,
  .summary = "GOROOT names the go binary or a bin folder instead of the Go tree",
  .what = "GOROOT ending in `/bin/go` or `/bin`: the path of the program, or of its folder, pasted where the "
          "root of the Go tree belongs.",
  .why = "go refuses to start (`go: cannot find GOROOT directory: /usr/local/go/bin/go`) or finds no standard "
         "library; editors report that go is missing (golang/vscode-go#1501, danielmiessler/Fabric#971).",
  .fix = "Point GOROOT at the folder above `bin`, or remove the line: go finds its own tree.",
  .bad = "# --- .zshenv\n"
         "export GOROOT=/usr/local/go/bin/go\n",
  .good = "# --- .zshenv\n"
         "export PATH=$PATH:/usr/local/go/bin\n",
  .check = check,
};
