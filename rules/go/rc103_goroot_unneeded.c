/* RC103 goroot-unneeded */
#include <string.h>

#include "rule.h"

/* Does something before `pos` on PATH provide another `go`? */
static bool other_go_first(rc_session *S, const rc_ctx *C, int pos) {
  const rc_var *v = rc_ctx_var(C, "PATH");
  rc_entries ents = {0};
  rc_str_split(&S->arena, v->alts[0].val, ':', &ents);
  bool other = false;
  for (int i = 0; i < pos && (size_t)i < ents.n && !other; i++)
    other = !ents.v[i].certain || rc_path_exists(S, rc_arena_printf(&S->arena, "%s/go", ents.v[i].text), 'e');
  rc_vec_free(&ents);
  return other;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  const rc_var *g = rc_ctx_var(C, "GOROOT");
  if (rc_var_summary(g) != RC_SUM_SET || g->nalts != 1 || !rc_var_exported(g)) return;
  const rc_event *ev = rc_alt_event(C, &g->alts[0]);
  if (!ev || ev->manager || !rc_user_file(cx, ev->file)) return;
  const char *x = rc_go_clean(cx->S, rc_var_text(cx->S, g));
  if (x[0] != '/' || rc_str_ends(x, "/bin") || rc_str_ends(x, "/bin/go") || strstr(x, "/Cellar/")) return;
  const rc_var *p = rc_ctx_var(C, "PATH");
  if (!p || p->nalts != 1) return;
  int pos = rc_go_path_pos(cx->S, C, rc_arena_printf(&cx->S->arena, "%s/bin", x));
  if (pos < 0 || other_go_first(cx->S, C, pos)) return;
  rc_go_mgr m[8];
  size_t n = rc_go_managers(cx->S, C, m, 8);
  for (size_t i = 0; i < n; i++)
    if (strcmp(m[i].name, "sdk")) return;
  rc_diag *d = rc_report(cx, ev->file, ev->span,
                         "GOROOT is set by hand to %s, whose bin is already the first `go` on PATH: go finds this "
                         "tree on its own, and the export only pins it when `go` changes",
                         rc_path(cx->S, x));
  /* Later lines may use $GOROOT: keep it as a shell variable then. */
  bool used = false;
  for (size_t i = 0; i < C->reads.n && !used; i++) {
    const rc_read *r = &C->reads.v[i];
    used = !strcmp(r->var, "GOROOT") && r->file &&
           !(r->file == ev->file && r->span.start >= ev->span.start && r->span.end <= ev->span.end);
  }
  const char *text = rc_span_text(cx->S, ev->file, ev->span);
  rc_span line = rc_line_span(ev->file, ev->span.line, true);
  const char *lt = rc_span_text(cx->S, ev->file, rc_line_span(ev->file, ev->span.line, false));
  while (*lt == ' ' || *lt == '\t') lt++;
  if (used) {
    if (rc_str_starts(text, "export GOROOT=")) {
      rc_fix_begin(d, false, "keep GOROOT as a shell variable only (not exported)");
      rc_span kw = ev->span;
      kw.end = kw.start + 7;
      kw.end_col = kw.col + 7;
      rc_fix_edit(d, ev->file, kw, "");
    }
  } else if (ev->span.line == ev->span.end_line && rc_str_starts(lt, text) &&
             (!lt[strlen(text)] || lt[strlen(text)] == ' ' || lt[strlen(text)] == '#' || lt[strlen(text)] == '\t')) {
    rc_fix_begin(d, false, "remove the line");
    rc_fix_edit(d, ev->file, line, "");
  }
}

const rc_rule rc_rule_rc103 = {
  .id = "RC103",
  .name = "goroot-unneeded",
  .severity = RC_SEV_INFO,
  .fixable = true,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "GOROOT is set by hand although go finds its own tree",
  .what = "An exported GOROOT whose `bin` folder is already the first `go` on PATH, with no version manager "
          "involved: go would derive the same GOROOT from its own location.",
  .why = "The line does nothing today and pins the old tree tomorrow: after an upgrade to another folder, or "
         "with a second toolchain, the stale GOROOT makes go use the wrong standard library "
         "(`compile: version \"go1.12.5\" does not match go tool version`, golang/go#34214). Editors also "
         "prefer `$GOROOT/bin/go` to PATH.",
  .fix = "Remove the line. When later lines use `$GOROOT` (to build PATH, say), keep it as a shell variable "
         "without `export`. The fix is unsafe: programs that read GOROOT themselves lose it.",
  .bad = "# --- .zshenv\n"
         "export GOROOT=/usr/local/go\nexport PATH=/usr/local/go/bin:$PATH\n",
  .good = "# --- .zshenv\n"
         "export PATH=/usr/local/go/bin:$PATH\n",
  .check = check,
};
