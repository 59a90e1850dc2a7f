/* RC101 goroot-conflicting */
#include <stdlib.h>
#include <string.h>

#include "rule.h"

/* One finding: a later assignment, the earlier one it replaces, and the
 * contexts where that happens with the value that wins in each. */
typedef struct hit {
  const rc_event *later, *earlier;
  const char *val, *prev;
  RC_VEC(const rc_ctx *) ctxs;
} hit;
typedef RC_VEC(hit) hits;

/* GOROOT=${GOROOT:-…} keeps an existing value: a default, not a conflict */
static bool hand_set(rc_check *cx, const rc_event *ev) {
  return (ev->op == RC_OP_ASSIGN || ev->op == RC_OP_DEFAULT) && rc_event_by_hand(cx, ev, "GOROOT");
}

static const char *winner(rc_session *S, const rc_ctx *C) {
  const rc_var *v = rc_ctx_var(C, "GOROOT");
  rc_summary s = rc_var_summary(v);
  if (s == RC_SUM_SET || s == RC_SUM_UNKNOWN) return rc_str_text(&S->arena, v->alts[0].val, ':');
  if (s == RC_SUM_UNSET) return "unset";
  return rc_arena_printf(&S->arena, "one of %u values", v->nalts);
}

/* The assignment that decides GOROOT in a context, when there is one. */
static const rc_event *winner_event(const rc_ctx *C) {
  const rc_var *v = rc_ctx_var(C, "GOROOT");
  if (!v || v->nalts != 1) return NULL;
  return rc_alt_event(C, &v->alts[0]);
}

/* `at` maps "file id:offset" of a later line to its index in out + 1. */
static void scan(rc_check *cx, const rc_ctx *C, hits *out, rc_map *at) {
  size_t n;
  const uint32_t *ids = rc_ctx_var_events(C, "GOROOT", &n);
  for (size_t j = 0; j < n; j++) {
    const rc_event *b = &C->events.v[ids[j]];
    if (!hand_set(cx, b)) continue;
    const char *bv = rc_event_text(cx->S, b);
    for (size_t i = j; i-- > 0;) {
      const rc_event *a = &C->events.v[ids[i]];
      if (!hand_set(cx, a) || rc_cond_exclusive(a->cond, b->cond)) continue;
      const char *av = rc_event_text(cx->S, a);
      if (!av || !bv || !strcmp(av, bv)) break;
      /* `[ -d X ] && GOROOT=X` after a plain default is a deliberate override */
      if (rc_span_guarded(b->file, b->span) && !rc_span_guarded(a->file, a->span)) break;
      const char *key = rc_arena_printf(&cx->S->arena, "%u:%u", b->file->id, b->span.start);
      size_t k = (size_t)(uintptr_t)rc_map_get(at, key);
      if (!k) {
        rc_vec_push(out, ((hit){.later = b, .earlier = a, .val = bv, .prev = av}));
        rc_map_put(at, key, (void *)(uintptr_t)(k = out->n));
      }
      hit *h = &out->v[k - 1];
      rc_vec_push(&h->ctxs, C);
      break;
    }
  }
}

static void check(rc_check *cx) {
  hits hs = {0};
  rc_map at = {0};
  for (size_t c = 0; c < cx->nctxs; c++) scan(cx, cx->ctxs[c], &hs, &at);
  rc_map_free(&at);
  for (size_t i = 0; i < hs.n; i++) {
    hit *h = &hs.v[i];
    /* Does the later line win wherever both run? Then say so in the message;
     * otherwise a note per group of contexts points at what does win. */
    bool later_wins = true;
    for (size_t k = 0; k < h->ctxs.n; k++) {
      const rc_event *w = winner_event(h->ctxs.v[k]);
      if (!w || w->file != h->later->file || w->span.start != h->later->span.start) later_wins = false;
    }
    rc_diag *d = rc_report(cx, h->later->file, h->later->span,
                           "GOROOT is set again, to %s, replacing %s: the two lines select different Go trees%s",
                           rc_path(cx->S, h->val), rc_path(cx->S, h->prev),
                           later_wins ? "; this value is the one that stays" : "");
    rc_note(d, h->earlier->file, h->earlier->span, "GOROOT first set to %s here", rc_path(cx->S, h->prev));
    bool *done = calloc(h->ctxs.n, sizeof(bool));
    for (size_t k = 0; k < h->ctxs.n; k++) {
      rc_diag_add_context(d, h->ctxs.v[k]->shell, h->ctxs.v[k]->kind);
      if (done[k] || later_wins) continue;
      const char *w = winner(cx->S, h->ctxs.v[k]);
      const rc_event *we = winner_event(h->ctxs.v[k]);
      rc_buf b = {0};
      for (size_t m = k; m < h->ctxs.n; m++) {
        if (done[m] || strcmp(winner(cx->S, h->ctxs.v[m]), w)) continue;
        done[m] = true;
        rc_buf_printf(&b, "%s%s %s", b.n ? ", " : "", rc_shell_name(h->ctxs.v[m]->shell), rc_ctx_name(h->ctxs.v[m]->kind));
      }
      if (we && we->file) rc_note(d, we->file, we->span, "in %s GOROOT ends up %s, set here", b.s, rc_path(cx->S, w));
      else rc_note(d, h->later->file, h->later->span, "in %s GOROOT ends up %s", b.s, rc_path(cx->S, w));
      rc_buf_free(&b);
    }
    free(done);
    rc_vec_free(&h->ctxs);
  }
  rc_vec_free(&hs);
}

const rc_rule rc_rule_rc101 = {
  .id = "RC101",
  .name = "goroot-conflicting",
  .severity = RC_SEV_WARNING,
  .hook = RC_ON_HOME,
  .summary = "GOROOT is set to different values on one path through the startup files",
  .what = "GOROOT assigned twice with different values in the same context, in one file or across files "
          "(`.zprofile` and `.zshrc`, say). Assignments in arms of one `if` that exclude each other are fine.",
  .why = "Which Go tree is used then depends on which files the shell read: a terminal, `zsh -c`, a login "
         "shell and VS Code end up with different toolchains, and a GOROOT of another version than the `go` "
         "on PATH breaks builds (`compile: version \"go1.12.5\" does not match go tool version`, golang/go#34214).",
  .fix = "Keep one GOROOT line, or better none: go finds its own tree from the `go` binary on PATH.",
  .bad = "# --- .zprofile\nexport GOROOT=/usr/local/go\n# --- .zshrc\nexport GOROOT=$HOME/sdk/go1.22.5\n",
  .good = "# --- .zprofile\nexport PATH=/usr/local/go/bin:$PATH\n# --- .zshrc\nexport PATH=$HOME/sdk/go1.22.5/bin:$PATH\n",
  .check = check,
};
