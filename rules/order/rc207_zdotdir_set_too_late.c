/* RC207 zdotdir-set-too-late */
#include <string.h>

#include "rule.h"

static const char *const zfiles[] = {".zshenv", ".zprofile", ".zshrc", ".zlogin", ".zlogout"};

static int zindex(const char *path) {
  for (int i = 0; i < (int)RC_ARRAY_LEN(zfiles); i++)
    if (rc_str_ends(path, zfiles[i]) && path[strlen(path) - strlen(zfiles[i]) - 1] == '/') return i;
  return -1;
}

static bool visited(const rc_ctx *C, const char *path) {
  for (size_t i = 0; i < C->visits.n; i++)
    if (C->visits.v[i].exists && !strcmp(C->visits.v[i].path, path)) return true;
  return false;
}

typedef struct late {
  const rc_event *ev;
  int setter;                         /* index in zfiles of the file that sets it */
  const char *dir;
  const rc_file *missed[RC_ARRAY_LEN(zfiles)];
  uint32_t ctxs;
} late;

static void check(rc_check *cx) {
  RC_VEC(late) ls = {0};
  for (size_t c = 0; c < cx->nctxs; c++) {
    const rc_ctx *C = cx->ctxs[c];
    if (C->shell != RC_SH_ZSH || !rc_ctx_is_home(cx, C)) continue;
    for (size_t i = 0; i < C->events.n; i++) {
      const rc_event *ev = &C->events.v[i];
      if (strcmp(ev->var, "ZDOTDIR") || !ev->file || !rc_user_file(cx, ev->file) || !ev->after.val ||
          !rc_str_certain(ev->after.val) || !(ev->op == RC_OP_ASSIGN || ev->op == RC_OP_DEFAULT))
        continue;
      const rc_visit *top = rc_event_startup_visit(C, ev);
      int setter = top ? zindex(top->path) : -1;
      if (setter <= 0) continue; /* set in .zshenv (or outside the chain): in time */
      const char *dir = rc_str_text(&cx->S->arena, ev->after.val, ' ');
      late *l = NULL;
      for (size_t k = 0; k < ls.n && !l; k++)
        if (ls.v[k].ev->file == ev->file && ls.v[k].ev->span.start == ev->span.start) l = &ls.v[k];
      if (!l) {
        late n = {ev, setter, dir, {NULL}, 0};
        rc_vec_push(&ls, n);
        l = &ls.v[ls.n - 1];
      }
      /* the files zsh looked up before this line: in the new folder they are never read */
      for (int k = 0; k <= setter; k++) {
        const char *p = rc_arena_printf(&cx->S->arena, "%s/%s", dir, zfiles[k]);
        const rc_file *f = rc_session_file(cx->S, p, RC_DIALECT_ZSH);
        if (f->status == RC_LOAD_MISSING || !f->src || visited(C, p)) continue;
        l->missed[k] = f;
        l->ctxs |= 1u << C->kind;
      }
    }
  }
  for (size_t k = 0; k < ls.n; k++) {
    late *l = &ls.v[k];
    if (!l->ctxs) continue;
    rc_buf moved = {0};
    for (size_t i = (size_t)l->setter + 1; i < RC_ARRAY_LEN(zfiles); i++)
      rc_buf_printf(&moved, "%s%s", moved.n ? ", " : "", zfiles[i]);
    rc_diag *d = rc_report(cx, l->ev->file, l->ev->span,
                           "ZDOTDIR is set in %s, after zsh has looked for its files up to %s: it moves only %s, and "
                           "the earlier files in %s are never read",
                           rc_path(cx->S, l->ev->file->path), zfiles[l->setter], moved.s, rc_path(cx->S, l->dir));
    for (size_t i = 0; i < RC_ARRAY_LEN(zfiles); i++)
      if (l->missed[i]) rc_note(d, l->missed[i], rc_line_span(l->missed[i], 1, false), "never read");
    for (int j = 0; j < RC_CTX_COUNT; j++)
      if (l->ctxs & (1u << j)) rc_diag_add_context(d, RC_SH_ZSH, (rc_ctx_kind)j);
    rc_buf_free(&moved);
  }
  rc_vec_free(&ls);
}

const rc_rule rc_rule_rc207 = {
  .id = "RC207",
  .name = "zdotdir-set-too-late",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_HOME,
  .summary = "ZDOTDIR is set after zsh has already looked for the files it was meant to move",
  .what = "zsh looks up $ZDOTDIR again before each of its files. Set in ~/.zprofile it moves ~/.zshrc onward; set "
          "in ~/.zshrc it moves only .zlogin and .zlogout. Files kept in the new folder for the earlier steps "
          "(.zshenv, .zprofile, .zshrc) are never read.",
  .why = "The configuration in ~/.config/zsh (or wherever ZDOTDIR points) silently does nothing, while the old "
         "files in $HOME keep being read.",
  .fix = "Set ZDOTDIR in ~/.zshenv (`export ZDOTDIR=\"$HOME/.config/zsh\"`), the only user file read before the "
         "others, or in /etc/zsh/zshenv.",
  .bad = "# rccheck-fixture: shell=zsh\n# --- .zshrc\nexport ZDOTDIR=\"$HOME/.config/zsh\"\n# --- .config/zsh/.zshrc\n"
         "alias ll='ls -l'\n",
  .good = "# rccheck-fixture: shell=zsh\n# --- .zshenv\nexport ZDOTDIR=\"$HOME/.config/zsh\"\n# --- .config/zsh/.zshrc\n"
          "alias ll='ls -l'\n",
  .check = check,
};
