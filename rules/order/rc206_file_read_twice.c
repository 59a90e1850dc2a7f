/* RC206 file-read-twice */
#include <string.h>

#include "rule.h"

static bool under(const rc_ctx *C, int32_t v, int32_t root) {
  for (size_t guard = 0; v >= 0 && (size_t)v < C->visits.n && guard <= C->visits.n; guard++) {
    if (v == root) return true;
    v = C->visits.v[v].parent;
  }
  return false;
}

/* An entry this event put in a colon list that was already there. */
static const char *repeated_entry(rc_check *cx, const rc_ctx *C, const rc_event *ev) {
  if (!ev->after.val || ev->uniq) return NULL;
  rc_entries e = {0};
  rc_str_split(&cx->S->arena, ev->after.val, ':', &e);
  const char *hit = NULL;
  for (size_t i = 0; i < e.n && !hit; i++) {
    if (e.v[i].origin != ev->id || !e.v[i].text[0]) continue;
    for (size_t j = 0; j < e.n && !hit; j++)
      if (j != i && !strcmp(e.v[i].text, e.v[j].text)) hit = e.v[i].text;
  }
  rc_vec_free(&e);
  (void)C;
  return hit;
}

/* The first effect of the second read that a single read would not have. */
static const rc_event *non_idempotent(rc_check *cx, const rc_ctx *C, int32_t second, const char **what) {
  for (size_t i = 0; i < C->events.n; i++) {
    const rc_event *ev = &C->events.v[i];
    if (!under(C, ev->visit, second) || ev->uniq) continue;
    if (ev->op == RC_OP_APPEND && !ev->after.val->array && !rc_str_ends(ev->var, "PATH")) {
      *what = rc_arena_printf(&cx->S->arena, "appends to %s again", ev->var);
      return ev;
    }
    if (!rc_str_ends(ev->var, "PATH") || !(ev->op == RC_OP_ASSIGN || ev->op == RC_OP_APPEND || ev->op == RC_OP_MANAGER))
      continue;
    const char *dup = repeated_entry(cx, C, ev);
    if (dup) {
      *what = rc_arena_printf(&cx->S->arena, "adds %s to %s again", rc_path(cx->S, dup), ev->var);
      return ev;
    }
  }
  return NULL;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  for (size_t j = 0; j < C->visits.n; j++) {
    const rc_visit *b = &C->visits.v[j];
    if (!b->exists || b->cycle || b->at_exit || !b->file) continue;
    size_t i = 0;
    while (i < j && !(C->visits.v[i].file == b->file && C->visits.v[i].exists && !C->visits.v[i].at_exit)) i++;
    if (i == j) continue;
    const char *what = NULL;
    const rc_event *ev = non_idempotent(cx, C, (int32_t)j, &what);
    if (!ev) continue;
    const rc_visit *a = &C->visits.v[i];
    /* report at the `source` line that causes the second read */
    const rc_visit *cause = b->parent >= 0 ? b : a->parent >= 0 ? a : NULL;
    if (!cause) continue;
    const rc_visit *other = cause == b ? a : b;
    rc_diag *d = rc_report(cx, C->visits.v[cause->parent].file, cause->via,
                           "%s is read twice in the same shell (%s), and the second read %s: the effect is not "
                           "idempotent",
                           rc_path(cx->S, b->path), other->parent < 0 ? "the shell reads it as a startup file too"
                                                                        : "it is sourced from two places",
                           what);
    if (other->parent >= 0) rc_note(d, C->visits.v[other->parent].file, other->via, "also sourced here");
    rc_note(d, ev->file, ev->span, "%s", what);
  }
}

const rc_rule rc_rule_rc206 = {
  .id = "RC206",
  .name = "file-read-twice",
  .severity = RC_SEV_WARNING,
  .needs_home = true,
  .hook = RC_ON_CONTEXT,
  .summary = "A file is read twice in one shell and its PATH changes are not idempotent",
  .what = "The same file is read twice in one context — ~/.zshrc sourcing ~/.zprofile, which a login shell "
          "already read, or two files sourcing the same helper — and the second read repeats a PATH prepend or "
          "an append (no `typeset -U`, no \"already there\" guard).",
  .why = "Every entry it adds shows up twice, later prepends lose their place, and PATH grows in every nested "
         "shell; `which go` may not be the one the later file wanted.",
  .fix = "Source the file from one place only, guard the additions (`case \":$PATH:\" in *\":$d:\"*) ;; *) "
         "PATH=\"$d:$PATH\";; esac`), or use `typeset -U path` in zsh.",
  .bad = "# rccheck-fixture: shell=zsh context=login-interactive\n# --- .zprofile\nexport PATH=\"$HOME/go/bin:$PATH\"\n"
         "# --- .zshrc\nsource ~/.zprofile\n",
  .good = "# rccheck-fixture: shell=zsh context=login-interactive\n# --- .zprofile\ntypeset -U path\n"
          "export PATH=\"$HOME/go/bin:$PATH\"\n# --- .zshrc\nsource ~/.zprofile\n",
  .check = check,
};
