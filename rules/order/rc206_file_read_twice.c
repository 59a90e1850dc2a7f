/* RC206 file-read-twice */
#include <string.h>

#include "rule.h"

/* An entry this event put in a colon list that was already there. */
static const char *repeated_entry(rc_check *cx, const rc_event *ev) {
  if (!ev->after.val || ev->uniq) return NULL;
  rc_entries e = {0};
  rc_str_split(&cx->S->arena, ev->after.val, ':', &e);
  rc_map count = {0}; /* text → occurrences (lists hold up to 1,024 entries) */
  for (size_t i = 0; i < e.n; i++)
    rc_map_put(&count, e.v[i].text, (void *)((uintptr_t)rc_map_get(&count, e.v[i].text) + 1));
  const char *hit = NULL;
  for (size_t i = 0; i < e.n && !hit; i++)
    if (e.v[i].origin == ev->id && e.v[i].text[0] && (uintptr_t)rc_map_get(&count, e.v[i].text) > 1) hit = e.v[i].text;
  rc_map_free(&count);
  rc_vec_free(&e);
  return hit;
}

/* An effect a second read of a file has that a single read would not. */
static const char *non_idempotent(rc_check *cx, const rc_event *ev) {
  if (ev->uniq) return NULL;
  if (ev->op == RC_OP_APPEND && !ev->after.val->array && !rc_str_ends(ev->var, "PATH"))
    return rc_arena_printf(&cx->S->arena, "appends to %s again", ev->var);
  if (!rc_str_ends(ev->var, "PATH") || !(ev->op == RC_OP_ASSIGN || ev->op == RC_OP_APPEND || ev->op == RC_OP_MANAGER))
    return NULL;
  const char *dup = repeated_entry(cx, ev);
  return dup ? rc_arena_printf(&cx->S->arena, "adds %s to %s again", rc_path(cx->S, dup), ev->var) : NULL;
}

/* For every visit, the first such event in it or in the files it sources
 * (-1: none), in one pass over the events: each one climbs the visit tree
 * until a visit that already has an earlier one. */
static int64_t *first_effects(rc_check *cx, const rc_ctx *C, const char **what) {
  int64_t *first = rc_xmalloc(sizeof(int64_t) * (C->visits.n + 1));
  for (size_t v = 0; v < C->visits.n; v++) first[v] = -1;
  for (size_t i = 0; i < C->events.n; i++) {
    const rc_event *ev = &C->events.v[i];
    int32_t v = ev->visit;
    if (v < 0 || (size_t)v >= C->visits.n || first[v] >= 0 || !(what[i] = non_idempotent(cx, ev))) continue;
    for (size_t guard = 0; v >= 0 && (size_t)v < C->visits.n && first[v] < 0 && guard <= C->visits.n; guard++) {
      first[v] = (int64_t)i;
      v = C->visits.v[v].parent;
    }
  }
  return first;
}

static void check(rc_check *cx) {
  const rc_ctx *C = cx->ctx;
  if (!rc_ctx_is_home(cx, C)) return;
  rc_map seen = {0}; /* file id → index + 1 of its first read */
  int64_t *first = NULL;
  const char **what = NULL;
  for (size_t j = 0; j < C->visits.n; j++) {
    const rc_visit *b = &C->visits.v[j];
    if (!b->exists || b->at_exit || !b->file) continue;
    const char *key = rc_arena_printf(&cx->S->arena, "%u", b->file->id);
    size_t i = (size_t)(uintptr_t)rc_map_get(&seen, key);
    if (!i) {
      rc_map_put(&seen, key, (void *)(uintptr_t)(j + 1));
      continue;
    }
    i--;
    if (b->cycle) continue;
    if (!first) {
      what = rc_xcalloc(C->events.n + 1, sizeof *what);
      first = first_effects(cx, C, what);
    }
    if (first[j] < 0) continue;
    const rc_event *ev = &C->events.v[first[j]];
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
                           what[first[j]]);
    if (other->parent >= 0) rc_note(d, C->visits.v[other->parent].file, other->via, "also sourced here");
    rc_note(d, ev->file, ev->span, "%s", what[first[j]]);
  }
  rc_map_free(&seen);
  free(first);
  free(what);
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
