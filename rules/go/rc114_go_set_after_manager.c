/* RC114 go-set-after-manager */
#include <string.h>

#include "rule.h"

static bool hand(rc_check *cx, const rc_event *ev) {
  return !ev->manager && rc_event_sets(ev) && rc_user_file(cx, ev->file);
}

/* A manager that owns GOROOT/GOPATH in this context. */
static bool owner(rc_session *S, const rc_ctx *C, const rc_event *ev) {
  if (!rc_go_manager_event(ev) || !rc_event_sets(ev) || !strcmp(ev->manager, "brew")) return false;
  return strcmp(ev->manager, "mise") || rc_go_manager_has_go(S, C, "mise");
}

/* The latest event of var before `b` on b's path. */
static const rc_event *before(const rc_ctx *C, const char *var, const rc_event *b) {
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, var, &n);
  const rc_event *best = NULL;
  for (size_t i = 0; i < n; i++) {
    const rc_event *a = &C->events.v[ids[i]];
    if (a->id < b->id && a->op != RC_OP_JOIN && !rc_cond_exclusive(a->cond, b->cond)) best = a;
  }
  return best;
}

static const char *advice(const char *mgr, const char *var) {
  if (!strcmp(mgr, "goenv") && !strcmp(var, "GOPATH"))
    return "; to keep your own GOPATH, set GOENV_DISABLE_GOPATH=1 before `goenv init`";
  if (!strcmp(mgr, "goenv") && !strcmp(var, "GOROOT")) return "; set GOENV_DISABLE_GOROOT=1 if that is intended";
  return "";
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  static const char *const vars[] = {"GOROOT", "GOPATH"};
  for (size_t v = 0; v < RC_ARRAY_LEN(vars); v++) {
    size_t n;
    const uint32_t *ids = rc_ctx_var_events(C, vars[v], &n);
    for (size_t j = 0; j < n; j++) {
      const rc_event *b = &C->events.v[ids[j]];
      if (!hand(cx, b)) continue;
      const rc_event *a = before(C, vars[v], b);
      if (!a || !owner(cx->S, C, a)) continue;
      const char *av = rc_event_text(cx->S, a), *bv = rc_event_text(cx->S, b);
      if (av && bv && !strcmp(av, bv)) continue;
      rc_diag *d = rc_report(cx, b->file, b->span,
                             "%s is set by hand after %s set it up: this line silently overrides the version %s "
                             "selects%s",
                             vars[v], a->manager, a->manager, advice(a->manager, vars[v]));
      rc_note(d, a->file, a->span, "%s sets %s here", a->manager, vars[v]);
    }
  }
  /* export PATH="$GOROOT/bin:$PATH" after the manager set GOROOT: frozen */
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "PATH", &n);
  for (size_t j = 0; j < n; j++) {
    const rc_event *b = &C->events.v[ids[j]];
    if (!hand(cx, b) || !strstr(rc_span_text(cx->S, b->file, b->span), "GOROOT")) continue;
    const rc_event *a = before(C, "GOROOT", b);
    if (!a || !owner(cx->S, C, a) || !a->after.val) continue;
    const char *bin = rc_go_clean(cx->S, rc_arena_printf(&cx->S->arena, "%s/bin", rc_event_text(cx->S, a)));
    rc_entries ents = {0};
    rc_str_split(&cx->S->arena, b->after.val, ':', &ents);
    bool hit = false;
    for (size_t k = 0; k < ents.n && !hit; k++)
      hit = ents.v[k].origin == b->id && !strcmp(rc_go_clean(cx->S, ents.v[k].text), bin);
    rc_vec_free(&ents);
    if (!hit) continue;
    rc_diag *d = rc_report(cx, b->file, b->span,
                           "`$GOROOT/bin` added to PATH after %s set GOROOT: the entry freezes the version selected "
                           "at shell start and shadows %s's shims (go-nv/goenv#209)",
                           a->manager, a->manager);
    rc_note(d, a->file, a->span, "%s sets GOROOT here", a->manager);
  }
  /* asdf-golang's hook fills GOROOT/GOPATH only when unset */
  for (size_t h = 0; h < C->hooks.n; h++) {
    const rc_hook *hk = &C->hooks.v[h];
    if (!hk->manager || strcmp(hk->manager, "asdf-golang")) continue;
    for (size_t v = 0; v < RC_ARRAY_LEN(vars); v++) {
      const rc_var *x = rc_ctx_var(C, vars[v]);
      if (!x) continue;
      for (uint32_t k = 0; k < x->nalts; k++) {
        const rc_event *ev = rc_alt_event(C, &x->alts[k]);
        if (!ev || !hand(cx, ev) || !x->alts[k].exported) continue;
        rc_diag *d = rc_report(cx, ev->file, ev->span,
                               "%s is exported by hand while asdf-golang manages Go: its hook fills %s only when "
                               "unset, so this value wins over the version asdf selects (asdf-community/asdf-golang#23)",
                               vars[v], vars[v]);
        rc_note(d, hk->file, hk->span, "asdf-golang's hook is set up here");
      }
    }
  }
}

const rc_rule rc_rule_rc114 = {
  .id = "RC114",
  .name = "go-set-after-manager",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_CONTEXT,
  .summary = "GOROOT, GOPATH or `$GOROOT/bin` set by hand over a version manager",
  .what = "A hand-written GOROOT or GOPATH after a version manager's init line set it in the same shell, a "
          "PATH entry built from the manager's `$GOROOT/bin`, or an exported GOROOT/GOPATH next to asdf-golang "
          "(whose hook only fills unset variables).",
  .why = "The manager's choice is silently replaced: `goenv local 1.22` or `gvm use` appear to work but go "
         "keeps the version frozen at shell start (go-nv/goenv#209), or a stale GOROOT beats asdf's "
         "(asdf-community/asdf-golang#23).",
  .fix = "Remove the hand-written line and let the manager set the variable, or configure the manager not to "
         "(goenv: GOENV_DISABLE_GOROOT / GOENV_DISABLE_GOPATH).",
  .bad = "# --- .goenv/bin/goenv\n#!/bin/sh\n# --- .zshrc\nexport GOENV_ROOT=$HOME/.goenv\n"
         "export PATH=$GOENV_ROOT/bin:$PATH\neval \"$(goenv init -)\"\nexport PATH=\"$GOROOT/bin:$PATH\"\n",
  .good = "# --- .goenv/bin/goenv\n#!/bin/sh\n# --- .zshrc\nexport GOENV_ROOT=$HOME/.goenv\n"
          "export PATH=$GOENV_ROOT/bin:$PATH\neval \"$(goenv init -)\"\n",
  .check = check,
};
