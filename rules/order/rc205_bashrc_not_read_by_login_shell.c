/* RC205 bashrc-not-read-by-login-shell */
#include <string.h>

#include "rule.h"

static bool visited(const rc_ctx *C, const char *path) {
  for (size_t i = 0; i < C->visits.n; i++)
    if (C->visits.v[i].exists && !C->visits.v[i].at_exit && !strcmp(C->visits.v[i].path, path)) return true;
  return false;
}

/* Lines of ~/.bashrc (or files it sources) that export something, as the
 * interactive context saw them. */
static size_t env_lines(rc_check *cx, const rc_ctx *I, const char *bashrc, const rc_event **out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < I->events.n && n < max; i++) {
    const rc_event *ev = &I->events.v[i];
    if (!ev->file || !rc_user_file(cx, ev->file) || ev->op == RC_OP_JOIN || ev->op == RC_OP_LOCAL ||
        ev->op == RC_OP_RESTORE || !(ev->after.exported || !strcmp(ev->var, "PATH")))
      continue;
    const rc_visit *top = rc_event_startup_visit(I, ev);
    if (!top || strcmp(top->path, bashrc)) continue;
    bool dup = false;
    for (size_t k = 0; k < n && !dup; k++) dup = out[k]->file == ev->file && out[k]->span.start == ev->span.start;
    if (!dup) out[n++] = ev;
  }
  return n;
}

/* Does context L run the same line (a ~/.bashrc that sources the login file
 * has the login shell run it too)? */
static bool runs_line(const rc_ctx *L, const rc_event *ev) {
  for (size_t i = 0; i < L->events.n; i++)
    if (L->events.v[i].file == ev->file && L->events.v[i].span.start == ev->span.start) return true;
  return false;
}

static void check(rc_check *cx) {
  const rc_ctx *I = rc_find_ctx(cx, RC_SH_BASH, RC_CTX_INTERACTIVE);
  if (!I) return;
  const char *bashrc = rc_arena_printf(&cx->S->arena, "%s/.bashrc", cx->S->opt.home);
  const rc_event *cand[16], *evs[4];
  size_t ncand = env_lines(cx, I, bashrc, cand, 16), nev = 0;
  const rc_ctx *LI = rc_find_ctx(cx, RC_SH_BASH, RC_CTX_LOGIN_INTERACTIVE);
  for (size_t i = 0; i < ncand && nev < 4; i++)
    if (!LI || !runs_line(LI, cand[i])) evs[nev++] = cand[i];
  if (!nev) return;
  static const rc_ctx_kind logins[] = {RC_CTX_LOGIN_INTERACTIVE, RC_CTX_LOGIN, RC_CTX_VSCODE};
  uint32_t missing = 0;
  const rc_visit *login_file = NULL;
  for (size_t k = 0; k < RC_ARRAY_LEN(logins); k++) {
    const rc_ctx *L = rc_find_ctx(cx, RC_SH_BASH, logins[k]);
    if (!L || visited(L, bashrc)) continue;
    missing |= 1u << logins[k];
    for (size_t i = 0; i < L->visits.n && !login_file; i++) {
      const rc_visit *v = &L->visits.v[i];
      if (v->startup && v->exists && v->file && rc_user_file(cx, v->file)) login_file = v;
    }
  }
  if (!missing) return;
  rc_buf names = {0};
  for (size_t i = 0; i < nev; i++) {
    bool seen = false;
    for (size_t k = 0; k < i && !seen; k++) seen = !strcmp(evs[k]->var, evs[i]->var);
    if (!seen) rc_buf_printf(&names, "%s%s", names.n ? ", " : "", evs[i]->var);
  }
  rc_diag *d;
  if (login_file) {
    d = rc_report(cx, login_file->file, rc_line_span(login_file->file, 1, false),
                  "bash login shells (macOS Terminal, VS Code's environment, `bash -l`) read %s, which never sources "
                  "~/.bashrc: what ~/.bashrc exports (%s) is missing there",
                  rc_path(cx->S, login_file->path), names.s);
    rc_fix_begin(d, false, "source ~/.bashrc at the end");
    uint32_t len = login_file->file->src ? login_file->file->src->len : 0;
    bool nl = len && login_file->file->src->text[len - 1] == '\n';
    rc_span end = {len, len, login_file->file->src ? login_file->file->src->nlines : 1, 1, 0, 1};
    end.end_line = end.line;
    rc_fix_edit(d, login_file->file, end, nl ? "[ -f ~/.bashrc ] && . ~/.bashrc\n" : "\n[ -f ~/.bashrc ] && . ~/.bashrc\n");
  } else {
    const rc_file *f;
    rc_span sp;
    rc_event_startup_line(I, evs[0], &f, &sp);
    d = rc_report(cx, f, sp,
                  "no bash login file (~/.bash_profile, ~/.bash_login, ~/.profile) sources ~/.bashrc, so bash login "
                  "shells (macOS Terminal, VS Code's environment, `bash -l`) never read it: what it exports (%s) is "
                  "missing there",
                  names.s);
  }
  for (size_t i = 0; i < nev; i++) rc_note(d, evs[i]->file, evs[i]->span, "%s is set here, in interactive shells only", evs[i]->var);
  for (size_t k = 0; k < RC_ARRAY_LEN(logins); k++)
    if (missing & (1u << logins[k])) rc_diag_add_context(d, RC_SH_BASH, logins[k]);
  rc_buf_free(&names);
}

const rc_rule rc_rule_rc205 = {
  .id = "RC205",
  .name = "bashrc-not-read-by-login-shell",
  .severity = RC_SEV_WARNING,
  .fixable = true,
  .needs_home = true,
  .hook = RC_ON_HOME,
  .summary = "~/.bashrc exports environment, but bash login shells never read it",
  .what = "bash reads ~/.bashrc only in interactive non-login shells. A login shell (macOS Terminal and iTerm2, VS "
          "Code resolving its environment with `bash -i -l -c`, `bash -l`) reads ~/.bash_profile, ~/.bash_login or "
          "~/.profile instead, and reads ~/.bashrc only if that file sources it.",
  .why = "PATH entries and variables exported in ~/.bashrc are there in a Linux terminal tab and missing in macOS "
         "Terminal, in VS Code's environment and over `ssh host` logins.",
  .fix = "Source ~/.bashrc from the login file (`[ -f ~/.bashrc ] && . ~/.bashrc` at its end, as Debian's ~/.profile "
         "does), or move the exports to the login file.",
  .bad = "# rccheck-fixture: shell=bash\n# --- .bash_profile\nexport EDITOR=vim\n# --- .bashrc\n"
         "export PATH=\"$HOME/.local/bin:$PATH\"\n",
  .good = "# rccheck-fixture: shell=bash\n# --- .bash_profile\nexport EDITOR=vim\n[ -f ~/.bashrc ] && . ~/.bashrc\n"
          "# --- .bashrc\nexport PATH=\"$HOME/.local/bin:$PATH\"\n",
  .check = check,
};
