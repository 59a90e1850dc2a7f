/* RC115 go-manager-hook-only */
#include <string.h>

#include "rule.h"

static const char *const go_vars[] = {"GOROOT", "GOPATH", "GOBIN"};

typedef struct find {
  const char *func;
  const rc_ir *ir; /* of the file walked */
  bool sets_go;
} find;

static bool assigns_go(const char *name) {
  for (size_t i = 0; name && i < RC_ARRAY_LEN(go_vars); i++)
    if (!strcmp(name, go_vars[i])) return true;
  return false;
}

static void in_body(const rc_stmt *s, void *data) {
  find *f = data;
  if (s->kind == RC_S_ASSIGN)
    for (uint32_t i = 0; i < s->u.assign.n; i++) f->sets_go |= assigns_go(s->u.assign.v[i]->name);
  if (s->kind == RC_S_DECL)
    for (uint32_t i = 0; i < s->u.decl.nitems; i++) f->sets_go |= assigns_go(s->u.decl.items[i].name);
}

static void find_func(const rc_stmt *s, void *data) {
  find *f = data;
  const rc_stmt *body = s->kind == RC_S_FUNC && s->u.func.name && !strcmp(s->u.func.name, f->func)
                           ? rc_func_body(f->ir, s) : NULL;
  if (body) {
    rc_stmts one = {(rc_stmt **)&body, 1};
    rc_stmts_walk(&one, in_body, f);
  }
}

/* Does a prompt-time hook set Go variables? */
static bool hook_sets_go(rc_check *cx, const rc_hook *h) {
  if (h->manager) return !strcmp(h->manager, "asdf-golang");
  find f = {h->func, NULL, false};
  for (size_t i = 0; i < cx->S->file_list.n && !f.sets_go; i++) {
    const rc_file *file = cx->S->file_list.v[i];
    if (file->ir && rc_user_file(cx, file)) {
      f.ir = file->ir;
      rc_stmts_walk(&file->ir->top, find_func, &f);
    }
  }
  return f.sets_go;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (C->ran_precmd) return;
  for (size_t i = 0; i < C->hooks.n; i++) {
    const rc_hook *h = &C->hooks.v[i];
    if (strcmp(h->kind, "precmd") || !hook_sets_go(cx, h)) continue;
    /* only a problem where nothing else set them */
    if (rc_var_summary(rc_ctx_var(C, "GOROOT")) != RC_SUM_UNSET) continue;
    rc_diag *d = rc_report(cx, h->file, h->span,
                           "GOROOT and GOPATH come only from %s, a precmd hook that runs before a prompt: `zsh -c`, "
                           "login scripts and VS Code's environment never get them",
                           h->manager ? "asdf-golang's set-env.zsh" : rc_arena_printf(&cx->S->arena, "`%s`", h->func));
    (void)d;
  }
}

const rc_rule rc_rule_rc115 = {
  .id = "RC115",
  .name = "go-manager-hook-only",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "Go variables are set only by a prompt hook that some shells never run",
  .what = "GOROOT/GOPATH/GOBIN set only by a zsh precmd hook (asdf-golang's `set-env.zsh`, or your own "
          "function), in a context that never shows a prompt.",
  .why = "precmd hooks run before a prompt is drawn: `zsh -c` commands, IDE tasks and VS Code resolving its "
         "environment (`zsh -i -l -c`) never run them, so there GOROOT and GOPATH are missing while the terminal "
         "looks fine.",
  .fix = "Set the variables where every context reads them (`~/.zshenv`, or `.zprofile` for login shells), or "
         "rely on the manager's shims alone.",
  .bad = "setgo() { export GOROOT=$HOME/sdk/go1.22.5; }\nautoload -Uz add-zsh-hook\nadd-zsh-hook precmd setgo\n",
  .good = "# --- .zshenv\nexport PATH=$HOME/sdk/go1.22.5/bin:$PATH\n",
  .check = check,
};
