/* RC204 profile-shadowed */
#include <string.h>

#include "rule.h"

static bool visited(const rc_ctx *C, const char *path) {
  for (size_t i = 0; i < C->visits.n; i++)
    if (C->visits.v[i].exists && !strcmp(C->visits.v[i].path, path)) return true;
  return false;
}

/* A file that exists and holds at least one command. */
static const rc_file *with_commands(rc_check *cx, const char *path) {
  const rc_file *f = rc_session_file(cx->S, path, rc_shell_dialect(RC_SH_BASH));
  return f->ir && f->ir->top.n ? f : NULL;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (C->shell != RC_SH_BASH || !rc_ctx_is_home(cx, C) || !(C->kind == RC_CTX_LOGIN_INTERACTIVE ||
                                                             C->kind == RC_CTX_LOGIN || C->kind == RC_CTX_VSCODE))
    return;
  /* the one of ~/.bash_profile, ~/.bash_login, ~/.profile that bash read */
  static const char *const trio[] = {".bash_profile", ".bash_login", ".profile"};
  const char *home = cx->S->opt.home;
  const rc_visit *read = NULL;
  int which = -1;
  for (size_t i = 0; i < C->visits.n && !read; i++) {
    const rc_visit *v = &C->visits.v[i];
    for (int k = 0; k < 3 && v->startup && v->exists; k++)
      if (!strcmp(v->path, rc_arena_printf(&cx->S->arena, "%s/%s", home, trio[k]))) read = v, which = k;
  }
  if (!read || which == 2 || !read->file) return;
  const rc_file *shadowed[2] = {NULL, NULL};
  const char *paths[2] = {NULL, NULL};
  size_t n = 0;
  for (int k = which + 1; k < 3; k++) {
    const char *path = rc_arena_printf(&cx->S->arena, "%s/%s", home, trio[k]);
    const rc_file *f = with_commands(cx, path);
    if (f && !visited(C, path)) shadowed[n] = f, paths[n++] = trio[k];
  }
  if (!n) return;
  const char *list = n == 1 ? rc_arena_printf(&cx->S->arena, "~/%s", paths[0])
                            : rc_arena_printf(&cx->S->arena, "~/%s and ~/%s", paths[0], paths[1]);
  rc_diag *d = rc_report(cx, read->file, rc_line_span(read->file, 1, false),
                         "%s exists, so bash login shells (macOS Terminal, VS Code's environment, `bash -l`) read it "
                         "and never read %s",
                         rc_path(cx->S, read->path), list);
  for (size_t i = 0; i < n; i++) rc_note(d, shadowed[i], rc_line_span(shadowed[i], 1, false), "never read by bash login shells");
  /* the last of the trio usually holds the real settings (Debian's ~/.profile) */
  const char *src = paths[n - 1];
  rc_fix_begin(d, false, rc_arena_printf(&cx->S->arena, "source ~/%s first", src));
  rc_span top = rc_line_span(read->file, 1, false);
  top.end = top.start;
  top.end_line = top.line;
  top.end_col = top.col;
  rc_fix_edit(d, read->file, top, rc_arena_printf(&cx->S->arena, "[ -f ~/%s ] && . ~/%s\n", src, src));
}

const rc_rule rc_rule_rc204 = {
  .id = "RC204",
  .name = "profile-shadowed",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "~/.bash_profile (or ~/.bash_login) hides a non-empty ~/.profile from bash login shells",
  .what = "A bash login shell reads only the first of ~/.bash_profile, ~/.bash_login and ~/.profile that exists. "
          "When an earlier one exists and does not source the later one, everything in the later file is ignored.",
  .why = "Installers and tutorials often create a one-line ~/.bash_profile; from then on Debian's ~/.profile (which "
         "adds ~/bin and sources ~/.bashrc) and the Go lines in it silently stop applying to login shells.",
  .fix = "Source the shadowed file from the one bash reads (`[ -f ~/.profile ] && . ~/.profile`), or move its "
         "contents there and delete it.",
  .bad = "# rccheck-fixture: shell=bash\n# --- .bash_profile\n. \"$HOME/.cargo/env\"\n# --- .cargo/env\n"
         "export CARGO_HOME=\"$HOME/.cargo\"\n# --- .profile\nexport EDITOR=vim\n",
  .good = "# rccheck-fixture: shell=bash\n# --- .bash_profile\n[ -f ~/.profile ] && . ~/.profile\n. \"$HOME/.cargo/env\"\n"
          "# --- .cargo/env\nexport CARGO_HOME=\"$HOME/.cargo\"\n# --- .profile\nexport EDITOR=vim\n",
  .check = check,
};
